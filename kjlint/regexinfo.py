"""What a regular expression needs to match: a small set of characters of which every match
contains at least one. A rule whose pattern needs one of `xXｘＸ×` cannot match a document that
has none of them, and one C-speed scan for those characters is much cheaper than running the
full pattern (Python's `re` tries a pattern that starts with a lookbehind at every position).

Works on the parse tree of Python's own `re` parser; any construct it does not know makes the
answer None ("no cheap precondition"), which is always safe.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterator

try:
    from re import _constants as C  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as C  # type: ignore[no-redef]

MAX_CLASS_SIZE = 64  # a class wider than this (e.g. every CJK ideograph) is not a useful filter


def required_chars(parsed, flags: int) -> frozenset[str] | None:
    """Characters of which every match of `parsed` (a re._parser.SubPattern) contains one."""
    if (flags | parsed.state.flags) & C.SRE_FLAG_IGNORECASE:
        return None
    return _sequence(list(parsed))


def _rarity_cost(chars: frozenset[str]) -> int:
    """How often a set's characters occur in Chinese prose, roughly: ideographs (办, 年) are
    everywhere, ASCII letters and symbols (x, *, □) are rare."""
    return sum(10 if "\u3400" <= c <= "\u9fff" else 1 for c in chars)


def _sequence(items: list) -> frozenset[str] | None:
    """Every item of a sequence must match: the rarest known requirement of any item holds."""
    best = None
    for op, av in items:
        req = _item(op, av)
        if req is not None and (best is None or _rarity_cost(req) < _rarity_cost(best)):
            best = req
    return best


def _item(op, av) -> frozenset[str] | None:
    if op is C.LITERAL:
        return frozenset(chr(av))
    if op is C.IN:
        return _char_class(av)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        low, _high, sub = av
        return _sequence(list(sub)) if low >= 1 else None
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & C.SRE_FLAG_IGNORECASE else _sequence(list(sub))
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op is C.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            req = _sequence(list(alternative))
            if req is None:
                return None
            union |= req
        return frozenset(union)
    return None  # lookarounds, anchors, ANY, back-references, categories: no requirement


def _char_class(items) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE:
            low, high = av
            if high - low >= MAX_CLASS_SIZE:
                return None
            chars.update(chr(c) for c in range(low, high + 1))
        else:  # NEGATE, CATEGORY (\d, \s…), charset internals: no small precondition
            return None
        if len(chars) > MAX_CLASS_SIZE:
            return None
    return frozenset(chars)


def first_chars(parsed, flags: int) -> frozenset[str] | None:
    """Characters one of which starts every non-empty match of `parsed` (None: unknown or too
    many). Scanning for them, then trying the pattern only there, finds the same matches as
    finditer; lookbehinds still see the text before the candidate position."""
    if (flags | parsed.state.flags) & C.SRE_FLAG_IGNORECASE:
        return None
    chars, nullable = _first(list(parsed))
    return None if nullable else chars


def _first(items: list) -> tuple[frozenset[str] | None, bool]:
    """(possible first characters, whether the sequence can match the empty string)."""
    out: set[str] = set()
    for op, av in items:
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            continue  # zero-width: the next item supplies the first character
        chars, nullable = _first_item(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return frozenset(out), False
    return frozenset(out), True


def _first_item(op, av) -> tuple[frozenset[str] | None, bool]:
    if op is C.LITERAL:
        return frozenset(chr(av)), False
    if op is C.IN:
        return _char_class(av), False
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        low, _high, sub = av
        chars, nullable = _first(list(sub))
        return chars, nullable or low == 0
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return (None, False) if add_flags & C.SRE_FLAG_IGNORECASE else _first(list(sub))
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _first(list(av))
    if op is C.BRANCH:
        union: set[str] = set()
        any_nullable = False
        for alternative in av[1]:
            chars, nullable = _first(list(alternative))
            if chars is None:
                return None, False
            union |= chars
            any_nullable = any_nullable or nullable
        return frozenset(union), any_nullable
    return None, False  # ANY, NOT_LITERAL, categories, back-references: unknown


@lru_cache(maxsize=None)
def fast_finditer(regex: re.Pattern) -> Callable[[str], Iterator[re.Match]]:
    """`regex.finditer`, or an equivalent that tries the pattern only where one of its possible
    first characters occurs (found by a C-speed scan): the same matches, without the engine
    trying every alternative, or a leading lookbehind, at every position of the text."""
    from .diskcache import compile_regex, first_chars

    first = first_chars(regex.pattern, regex.flags) if isinstance(regex.pattern, str) else None
    if not first:
        return regex.finditer
    find, match = compile_regex(f"[{re.escape(first)}]").search, regex.match

    def finditer(text: str) -> Iterator[re.Match]:
        pos = 0
        while True:
            c = find(text, pos)
            if c is None:
                return
            m = match(text, c.start())
            if m is None:
                pos = c.start() + 1
            else:
                yield m
                pos = m.end() if m.end() > m.start() else m.end() + 1
    return finditer
