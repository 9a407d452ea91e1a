"""Normalization before hashing: the canonical text two copies of one document share.

The form is defined in kjlint.normalize (folded form, pinyin annotations, page-number lines,
boilerplate lines, masks); this module computes it fast, with numpy lookup tables over code
points, and loads the boilerplate phrases from the KJ6 rule pack (`phrases` rules with
`scope: line`, KJ601's groups) when it exists, so the linter and dedupe agree on what a site
footer is; kjlint.normalize.FALLBACK_BOILERPLATE is the fallback.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import accumulate
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..normalize import (FALLBACK_BOILERPLATE, MASKS, MAX_BOILERPLATE_LINE, NON_WORD, PINYIN_AFTER_NFKC,
                         fold, is_page_number_line)

_DIGITS = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class NormalizeOptions:
    """What the canonical form ignores. Digits are kept by default: year-over-year reports of
    one office differ mainly in their figures."""

    fold_digits: bool = False
    fold_masks: bool = False
    drop_boilerplate: bool = True
    drop_page_markers: bool = True
    rules_dir: str | None = None  # where to look for kj6-*.yaml; None = the built-in rules


def _kj6_phrases(rules_dir: Path) -> list[str]:
    from ..packs import PackError, _load_yaml  # the linter's (C loader, parse cached on disk)

    phrases: list[str] = []
    for pack in sorted(rules_dir.glob("kj6-*.yaml")):
        try:
            data = _load_yaml(pack) or {}
        except PackError:
            continue
        if not isinstance(data, dict):
            continue
        for rule in data.get("rules", []) or []:
            params = rule.get("params") or {}
            if not rule.get("enabled", True):
                continue
            if rule.get("type") == "phrases" and params.get("scope") in ("line", "line-containing"):
                phrases.extend(_strings(params.get("phrases")))
            # KJ601's built-in check keeps its phrases in labelled groups.
            for group in params.get("groups") or []:
                if isinstance(group, dict):
                    phrases.extend(_strings(group.get("line-start")) + _strings(group.get("anywhere")))
    return phrases


def _strings(values) -> list[str]:
    values = [values] if isinstance(values, str) else (values or [])
    return [v for v in values if isinstance(v, str) and v.strip()]


@lru_cache(maxsize=8)
def boilerplate_phrases(rules_dir: str | None = None) -> tuple[str, ...]:
    """Line-scoped boilerplate phrases from the KJ6 pack, else the built-in fallback list.
    Phrases are returned in canonical form (simplified, NFKC, lower-case)."""
    if rules_dir is None:
        from ..packs import PackError, builtin_rules_dir

        try:
            directory: Path | None = builtin_rules_dir()
        except PackError:
            directory = None
    else:
        directory = Path(rules_dir)
    found = _kj6_phrases(directory) if directory and directory.is_dir() else []
    chosen = found or list(FALLBACK_BOILERPLATE)
    return tuple(sorted({fold(p) for p in chosen}))


@lru_cache(maxsize=8)
def _automaton(phrases: tuple[str, ...]):
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for p in phrases:
        automaton.add_word(p, p)
    automaton.make_automaton()
    return automaton


def drop_lines(text: str, phrases: tuple[str, ...], page_markers: bool = True) -> str:
    """Remove short lines that are page markers or contain a boilerplate phrase (text already
    canonicalised)."""
    automaton = _automaton(phrases) if phrases else None
    out = []
    for line in text.split("\n"):
        s = line.strip()
        if s and len(s) <= MAX_BOILERPLATE_LINE:
            if page_markers and is_page_number_line(s):
                continue
            if automaton is not None and next(automaton.iter(s), None) is not None:
                continue
        out.append(line)
    return "\n".join(out)


@lru_cache(maxsize=1)
def _tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per-character lookup tables over the BMP, derived from the exact per-character operations:
    `fold[cp]` = lower(simplified(NFKC(ch))) when that is one character; `complex[cp]` when a
    character's NFKC or lower case is not one character, it combines, or it is a surrogate (such
    texts take the exact, slower path); `word[cp]` when the character matches regex \\w."""
    from ..normalize import t2s_table

    t2s = t2s_table()
    fold = np.arange(0x10000, dtype=np.uint32)
    complex_ = np.zeros(0x10000, dtype=bool)
    word = np.zeros(0x10000, dtype=bool)
    w = re.compile(r"\w")
    for cp in range(0x10000):
        ch = chr(cp)
        word[cp] = bool(w.match(ch)) and ch != "_"
        if 0xD800 <= cp <= 0xDFFF or unicodedata.combining(ch) or 0x1100 <= cp <= 0x11FF:
            complex_[cp] = True
            continue
        n = unicodedata.normalize("NFKC", ch)
        if len(n) != 1:
            complex_[cp] = True
            continue
        s = n.translate(t2s)
        low = s.lower()
        if len(low) != 1 or unicodedata.normalize("NFKC", low) != low:
            complex_[cp] = True
            continue
        fold[cp] = ord(low)
    return fold, complex_, word


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _from_code_points(cp: np.ndarray) -> str:
    return cp.astype(np.uint32, copy=False).tobytes().decode("utf-32-le")


def _fold_fast(text: str) -> str | None:
    """NFKC + simplified + lower case as one table lookup, or None when the text needs the
    exact path (characters outside the BMP, combining marks, multi-character foldings)."""
    fold, complex_, _ = _tables()
    cp = _code_points(text)
    if cp.size and (cp.max() >= 0x10000 or complex_[cp].any()):
        return None
    return _from_code_points(fold[cp])


_fold_exact = fold  # the definition the lookup tables must match


def canonical_lines(text: str, opts: NormalizeOptions = NormalizeOptions()) -> str:
    """NFKC, pinyin annotations removed, simplified script, lower case, boilerplate lines and
    page markers dropped; line structure kept (paragraph mode needs it)."""
    text = text.replace("\r", "")
    folded = _fold_fast(text)
    text = folded if folded is not None else _fold_exact(text)
    if "(" in text:
        text = PINYIN_AFTER_NFKC.sub("", text)
    if opts.drop_page_markers or opts.drop_boilerplate:
        phrases = boilerplate_phrases(opts.rules_dir) if opts.drop_boilerplate else ()
        text = drop_lines(text, phrases, opts.drop_page_markers)
    return text


def squeeze(text: str, opts: NormalizeOptions = NormalizeOptions()) -> str:
    """Drop whitespace and punctuation; optionally fold masks and digits to one symbol."""
    if opts.fold_masks:
        text = MASKS.sub("0", text)
    cp = _code_points(text)
    if cp.size and cp.max() < 0x10000:
        text = _from_code_points(cp[_tables()[2][cp]])
    else:
        text = NON_WORD.sub("", text)
    if opts.fold_digits:
        text = _DIGITS.sub("0", text)
    return text


def normalize(text: str, opts: NormalizeOptions = NormalizeOptions()) -> str:
    """The canonical form hashed for near-duplicate detection.

    >>> normalize("總結(jié)：2021年\\n第 3 页\\n工作　計劃。")
    '总结2021年工作计划'
    """
    return _from_code_points(canonical_code_points(text, opts))


def normalize_reference(text: str, opts: NormalizeOptions = NormalizeOptions()) -> str:
    """`normalize` step by step on strings (the definition `canonical_code_points` must match;
    also the path for the regex-based digit and mask folds)."""
    return squeeze(canonical_lines(text, opts), opts)


@lru_cache(maxsize=1)
def _expansions() -> tuple[dict[int, str], np.ndarray]:
    """Characters the fold table cannot map alone, when NFKC expands them into several plain
    characters (… → "...", ⑶ → "(3)", Ⅱ → "ii"). Returns their folded form and a boolean table of them: texts whose only irregular
    characters are these take a str.translate instead of the exact path (a full-text NFKC, 10x
    slower). Only forms made of non-combining characters that fold to themselves qualify, so no
    composition can cross their edges."""
    fold, irregular, _ = _tables()
    table: dict[int, str] = {}
    flags = np.zeros(0x10000, dtype=bool)

    def settled(c: str) -> bool:
        if unicodedata.combining(c):
            return False
        if ord(c) >= 0x10000:
            return _fold_exact(c) == c
        return not irregular[ord(c)] and fold[ord(c)] == ord(c)

    for cp in np.flatnonzero(irregular).tolist():
        if 0xD800 <= cp <= 0xDFFF or 0x1100 <= cp <= 0x11FF or unicodedata.combining(chr(cp)):
            continue
        exp = _fold_exact(chr(cp))
        if not exp or not all(settled(c) for c in exp):
            continue
        if _fold_exact("a" + chr(cp) + chr(cp) + "a") != "a" + exp + exp + "a":
            continue
        table[cp] = exp
        flags[cp] = True
    return table, flags


def _fold_irregular(text: str) -> str:
    """Fold a text that the one-lookup path cannot (see `_expansions`), \\r removed; the same
    result as `canonical_lines`' folding step."""
    text = text.replace("\r", "")
    cp = _code_points(text)
    if cp.size and cp.max() < 0x10000:
        fold, complex_, _ = _tables()
        irregular = np.flatnonzero(complex_[cp])
        if len(irregular) == 0:  # simplified forms outside the BMP: still one character each
            return _from_code_points(fold[cp])
        table, flags = _expansions()
        if flags[cp[irregular]].all() and "\u03a3" not in text:  # Σ: str.lower() looks at context
            folded = _from_code_points(fold[cp])
            pieces, last = [], 0
            for i in irregular.tolist():
                pieces += (folded[last:i], table[int(cp[i])])
                last = i + 1
            pieces.append(folded[last:])
            return "".join(pieces)
    return _fold_exact(text)


@lru_cache(maxsize=8)
def _single_line(phrases: tuple[str, ...]) -> bool:
    return all("\n" not in p for p in phrases)


def _dropped_lines(text: str, phrases: tuple[str, ...], page_markers: bool) -> list[tuple[int, int]]:
    """(start, end) of the lines `drop_lines` removes. The short lines (the only ones that can
    be dropped) are scanned by the Aho-Corasick automaton in one pass, joined by newlines (no
    phrase holds a newline), instead of one pass per line."""
    automaton = _automaton(phrases) if phrases else None
    short: list[tuple[int, int, str]] = []  # (start, end, stripped) of lines that may be dropped
    pos = 0
    for line in text.split("\n"):
        s = line.strip()
        if s and len(s) <= MAX_BOILERPLATE_LINE:
            short.append((pos, pos + len(line), s))
        pos += len(line) + 1
    if not short:
        return []
    drop = [page_markers and is_page_number_line(s) for _, _, s in short]
    if automaton is not None:
        if _single_line(phrases):
            joined = "\n".join(s for _, _, s in short)
            ends = [end for end, _ in automaton.iter(joined)]
            if ends:
                next_starts = list(accumulate(len(s) + 1 for _, _, s in short))
                for e in ends:
                    drop[bisect_right(next_starts, e)] = True
        else:
            for k, (_, _, s) in enumerate(short):
                drop[k] = drop[k] or next(automaton.iter(s), None) is not None
    return [(a, b) for (a, b, _), d in zip(short, drop) if d]


_IRREGULAR = np.uint32(0xFFFFFFFF)


@lru_cache(maxsize=1)
def _fold_or_irregular() -> np.ndarray:
    """The fold table with `_IRREGULAR` for characters it cannot fold alone and for those whose
    folded form lies outside the BMP: one lookup both folds and tells whether a text may stay on
    the fast path (whose later tables cover the BMP only)."""
    fold, complex_, _ = _tables()
    return np.where(complex_ | (fold >= 0x10000), _IRREGULAR, fold).astype(np.uint32)


def canonical_code_points(text: str, opts: NormalizeOptions = NormalizeOptions()) -> np.ndarray:
    """`normalize(text)` as a uint32 array of code points (what the signing stage hashes):
    one table lookup folds NFKC, script and case; dropped lines and punctuation are masked out of
    the array instead of re-joining strings. Equal to `normalize_reference` (tested)."""
    if opts.fold_masks or opts.fold_digits:
        return _code_points(normalize_reference(text, opts)).copy()
    cp = _code_points(text)
    if cp.size == 0:
        return np.empty(0, dtype=np.uint32)
    folded_cp = _fold_or_irregular()[cp] if cp.max() < 0x10000 else None
    if folded_cp is None or (folded_cp == _IRREGULAR).any():
        return _canonical_irregular(text, opts)
    folded = _from_code_points(folded_cp)
    if "\r" in folded:
        folded = folded.replace("\r", "")
        folded_cp = None
    if "(" in folded:
        stripped = PINYIN_AFTER_NFKC.sub("", folded)
        if len(stripped) != len(folded):
            folded, folded_cp = stripped, None
    if folded_cp is None:
        folded_cp = _code_points(folded)
    keep = _tables()[2][folded_cp]
    if opts.drop_page_markers or opts.drop_boilerplate:
        phrases = boilerplate_phrases(opts.rules_dir) if opts.drop_boilerplate else ()
        for start, end in _dropped_lines(folded, phrases, opts.drop_page_markers):
            keep[start:end] = False
    return folded_cp[keep]


def _canonical_irregular(text: str, opts: NormalizeOptions) -> np.ndarray:
    """`canonical_code_points` for texts with characters outside the fold table."""
    folded = _fold_irregular(text)
    if "(" in folded:
        folded = PINYIN_AFTER_NFKC.sub("", folded)
    if opts.drop_page_markers or opts.drop_boilerplate:
        phrases = boilerplate_phrases(opts.rules_dir) if opts.drop_boilerplate else ()
        for start, end in reversed(_dropped_lines(folded, phrases, opts.drop_page_markers)):
            folded = folded[:start] + folded[end:]
    return _code_points(squeeze(folded, opts)).copy()
