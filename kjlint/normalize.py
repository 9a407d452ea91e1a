"""The text forms of kjlint, each defined once, by purpose, for lint rules, KJ1, `--reference`
and `kjlint dedupe` alike:

- plain form (`plain_text`): simplified script, pinyin annotations dropped; what phrase, heading
  and boilerplate rules compare against (Document.plain_lines is this, line by line).
- line form (`line_form`, `fold_line_width`): the plain form with the colon, bar, brackets and
  ideographic space half width; how KJ6 matches site-furniture phrases against a line (来源：
  and 来源: alike).
- folded form (`fold`): NFKC (full width to half width, compatibility characters), simplified
  script, lower case; the character-level base of the two forms below.
- matching form (`normalize_for_matching`, `fast_normalize`, `char_norm`): the folded form
  without pinyin annotations, whitespace or punctuation; for comparing passages (KJ1 inside a
  draft). `matching_text` adds digit folding, for comparing with references (updated figures do
  not make a carried-over paragraph new).
- page-number line (`is_page_number_line`): a line that carries only a page number, a page
  counter (`is_page_counter_line`: 第3页, 共10页, 3/10, - 3 -, Page 3; what KJ6 reports) or a
  bare number; dropped before comparing (KJ1, dedupe).
- boilerplate line (`is_boilerplate_line`): a short line holding a site-furniture phrase (the
  phrases come from the KJ6 pack, `FALLBACK_BOILERPLATE` without one); dropped before dedupe.
- dedupe's canonical form (kjlint.dedupe.normalize, a vectorized implementation): the folded
  form without pinyin annotations, page-number and boilerplate lines, whitespace and
  punctuation; `MASKS` optionally folded.

Everything here is character-level and table-driven (str.translate, one regex pass), so it runs
at C speed over millions of documents. This module imports nothing of kjlint but diskcache (its
regex and table caches), so that any layer may use it.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from .diskcache import compile_regex, file_key, load_or_build

# A CJK character followed by its pinyin in parentheses, as left by some web converters:
# 總結(jié), 關(guān), 會(huì ) (a space may close it). A tone mark is required so ordinary "(a)" or "(de)" is
# never touched.
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
PINYIN_LETTERS = "a-zü" + TONED
PINYIN_ANNOTATION = compile_regex(
    rf"(?<=[\u3400-\u9fff])[(（](?=[{PINYIN_LETTERS}]{{0,5}}[{TONED}])[{PINYIN_LETTERS}]{{1,6}} ?[)）]"
)

_CJK_PUNCT_AND_SPACE = compile_regex(r"[\s\u3000\u00a0\ufeff\u200b-\u200f\u2060]+")


@lru_cache(maxsize=1)
def _opencc_dictionary_dir() -> Path:
    """opencc-python-reimplemented ships OpenCC's dictionaries as text files; find them without
    importing the package (its import is slow and only the files are needed)."""
    from importlib.util import find_spec

    spec = find_spec("opencc")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("opencc-python-reimplemented is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "dictionary"


_OPENCC_FILES = ("TSCharacters.txt", "STCharacters.txt", "TWVariants.txt", "HKVariants.txt")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, str], dict[int, str], frozenset[str], frozenset[str]]:
    """(t2s, s2t, traditional-only, simplified-only), derived once per OpenCC install."""
    key = file_key(*(_opencc_dictionary_dir() / name for name in _OPENCC_FILES))
    return tuple(load_or_build("opencc-tables", key, _build_tables))


@lru_cache(maxsize=None)
def conversion_key() -> tuple:
    """What to_simplified and to_traditional depend on (OpenCC's dictionaries and this module),
    for results of them kept on disk."""
    return file_key(__file__, *(_opencc_dictionary_dir() / name for name in _OPENCC_FILES))


def _build_tables() -> tuple:
    t2s = {ord(k): v for k, v in _read_char_table("TSCharacters.txt").items() if k != v}
    s2t = {ord(k): v for k, v in _read_char_table("STCharacters.txt").items() if k != v}
    return (t2s, s2t) + _script_sets()


def _read_char_table(name: str) -> dict[str, str]:
    table = {}
    with open(_opencc_dictionary_dir() / name, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and len(parts[0]) == 1:
                target = parts[1].split(" ")[0]
                if len(target) == 1:
                    table[parts[0]] = target
    return table


def t2s_table() -> dict[int, str]:
    """Character-level traditional→simplified table from OpenCC's TSCharacters dictionary."""
    return _tables()[0]


def s2t_table() -> dict[int, str]:
    """Character-level simplified→traditional table (first candidate) from STCharacters."""
    return _tables()[1]


def _read_candidates(name: str) -> dict[str, list[str]]:
    """Every single-character candidate of each single-character entry of an OpenCC table."""
    table = {}
    with open(_opencc_dictionary_dir() / name, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and len(parts[0]) == 1:
                table[parts[0]] = [c for c in parts[1].split(" ") if len(c) == 1]
    return table


def script_sets() -> tuple[frozenset[str], frozenset[str]]:
    """(traditional-only, simplified-only) characters (see _script_sets)."""
    return _tables()[2], _tables()[3]


def _script_sets() -> tuple[frozenset[str], frozenset[str]]:
    """(traditional-only, simplified-only) characters.

    A character is traditional-only when OpenCC converts it to simplified, none of its
    simplified candidates is itself (乾 and 於 are also valid simplified), and it is neither a
    simplified form of anything nor a key of the simplified table. Symmetrically for
    simplified-only (后 is also traditional: 皇后)."""
    ts = _read_candidates("TSCharacters.txt")
    st = _read_candidates("STCharacters.txt")
    simp_values = {c for cands in ts.values() for c in cands}
    trad_values = {c for cands in st.values() for c in cands}
    # Taiwan and Hong Kong standard forms (群 for OpenCC's 羣, 衛 for 衞) are traditional too.
    for variants in ("TWVariants.txt", "HKVariants.txt"):
        for k, cands in _read_candidates(variants).items():
            trad_values.add(k)
            trad_values.update(cands)
    trad_only = frozenset(k for k, v in ts.items()
                          if v and k not in v and k not in st and k not in simp_values)
    simp_only = frozenset(k for k, v in st.items()
                          if v and k not in v and k not in ts and k not in trad_values)
    return trad_only, simp_only


def _class_of(chars: Iterable[str]) -> str:
    """A regex character class of `chars`. Those beyond the BMP would be tried one by one for
    every scanned character: when there are any, every character beyond the BMP (rare) counts
    as one of them."""
    chars = sorted(chars)
    bmp = "".join(re.escape(c) for c in chars if c <= "\uffff")
    return f"[{bmp}\U00010000-\U0010ffff]" if chars and chars[-1] > "\uffff" else f"[{bmp}]"


def _build_classes() -> tuple[str, str, str, bool]:
    t2s, _s2t, trad, simp = _tables()
    return (_class_of(map(chr, t2s)), _class_of(trad), _class_of(simp), trad <= set(map(chr, t2s)))


@lru_cache(maxsize=1)
def _classes() -> tuple[str, str, str, bool]:
    """(class of the characters to_simplified converts, class of the traditional-only ones, of
    the simplified-only ones, whether every traditional-only character converts), kept on disk
    beside the tables: a document in one script, most of them, is then judged by a scan or two
    without the tables read (3-4 ms) or the classes written out (~8,000 re.escape calls)."""
    key = file_key(*(_opencc_dictionary_dir() / name for name in _OPENCC_FILES))
    return tuple(load_or_build("opencc-classes", key, _build_classes))


@lru_cache(maxsize=1)
def _convertible() -> re.Pattern:
    """The characters to_simplified converts: one C-speed scan tells whether `translate` (a
    dictionary lookup per character) has anything to do; in most documents it has not."""
    return compile_regex(_classes()[0])


@lru_cache(maxsize=2)
def script_class(script: str) -> re.Pattern:
    """The characters only `script` ("traditional" or "simplified") has: one C-speed scan says
    whether a document has any (most documents are in one script only)."""
    return compile_regex(_classes()[1 if script == "traditional" else 2])


def traditional_all_convert() -> bool:
    """Whether every traditional-only character is one to_simplified converts (so a text it
    leaves unchanged has none): true of OpenCC's tables, checked rather than assumed."""
    return _classes()[3]


def to_simplified(text: str) -> str:
    """text.translate(t2s_table()). A simplified text with a few traditional characters (a
    name, a rare character) has only those replaced, found by one C-speed scan, instead of a
    dictionary lookup for each of its characters (about 160 µs for 2,500 characters); a text in
    traditional script (many in the 400 characters from the first) is translated."""
    regex = _convertible()
    first = regex.search(text)
    if first is None:
        return text
    table = t2s_table()
    if len(regex.findall(text, first.start(), first.start() + 400)) > 8:
        return text.translate(table)
    return regex.sub(lambda m: table.get(ord(m.group()), m.group()), text)


def to_traditional(text: str) -> str:
    return text.translate(s2t_table())


def strip_pinyin_annotations(text: str) -> str:
    return PINYIN_ANNOTATION.sub("", text)


def plain_text(text: str) -> str:
    """Simplified script without pinyin annotations: the form that phrase, heading and
    boilerplate rules compare against (Document.plain_lines is this, line by line)."""
    return to_simplified(strip_pinyin_annotations(text) if "(" in text or "（" in text else text)


# The widths the line form folds: site furniture writes them either way (来源： / 来源:).
LINE_WIDTH = str.maketrans({"：": ":", "\u3000": " ", "｜": "|", "（": "(", "）": ")"})


def fold_line_width(text: str) -> str:
    """text.translate(LINE_WIDTH), as chained replaces: C substring scans instead of a dictionary
    lookup per character (five times faster on Chinese text)."""
    for a, b in LINE_WIDTH.items():
        text = text.replace(chr(a), b)
    return text


def line_form(text: str) -> str:
    """The line form of a text (see the module docstring)."""
    return fold_line_width(plain_text(text))


def fold(text: str) -> str:
    """The folded form: NFKC, simplified script, lower case (dedupe's canonical form is this
    without pinyin annotations, dropped lines and punctuation)."""
    return to_simplified(unicodedata.normalize("NFKC", text)).lower()


# Pinyin annotations in the folded form (NFKC made full-width brackets ASCII). The literal "("
# comes first so the regex engine scans for it instead of testing a lookbehind at every character.
PINYIN_AFTER_NFKC = compile_regex(
    rf"\((?<=[\u3400-\u9fff]\()(?=[{PINYIN_LETTERS}]{{0,5}}[{TONED}])[{PINYIN_LETTERS}]{{1,6}}\)")
# What the matching and canonical forms drop: whitespace, punctuation, symbols, "_".
NON_WORD = compile_regex(r"[\W_]+")
# Masks standing for numbers or names in templates: xx, XXXX, x.xx, ××, ＊＊ (folded form).
MASKS = compile_regex(r"(?<![a-z])x+(?:\.x+)?(?![a-z])|×+|\*{2,}|○{2,}")


def normalize_for_matching(text: str, *, keep_punctuation: bool = False, fold_digits: bool = False) -> str:
    """The canonical form used to compare passages: NFKC, simplified script, no pinyin
    annotations, no whitespace, and (by default) no punctuation; Latin letters lower-cased."""
    text = unicodedata.normalize("NFKC", text)
    text = strip_pinyin_annotations(text)
    text = to_simplified(text).lower()
    if keep_punctuation:
        text = _CJK_PUNCT_AND_SPACE.sub("", text)
    else:
        text = NON_WORD.sub("", text)
    if fold_digits:
        text = re.sub(r"\d+", "0", text)
    return text


_CHAR_NORM: dict[str, str] = {}
_DIGIT = compile_regex(r"\d")


def char_norm(ch: str) -> str:
    """normalize_for_matching of one character, cached."""
    n = _CHAR_NORM.get(ch)
    if n is None:
        n = _CHAR_NORM[ch] = normalize_for_matching(ch)
    return n


class _CharTable(dict):
    """A str.translate table filled on first sight of each character (no pass over the text
    to collect its characters first)."""

    def __init__(self, fold_digits: bool):
        super().__init__()
        self.fold_digits = fold_digits

    def __missing__(self, codepoint: int) -> str | None:
        n = char_norm(chr(codepoint))
        if self.fold_digits:
            n = _DIGIT.sub("0", n)
        self[codepoint] = n or None
        return n or None


_TRANSLATE = _CharTable(fold_digits=False)
_MATCH_TRANSLATE = _CharTable(fold_digits=True)


def fast_normalize(text: str, *, fold_digits: bool = False) -> str:
    """normalize_for_matching applied character by character through one cached translate
    table: the same result except for NFKC compositions across characters (rare in Chinese
    text), at a fraction of the cost on megabytes of reference documents."""
    if "(" in text or "（" in text:
        text = PINYIN_ANNOTATION.sub("", text)
    return text.translate(_MATCH_TRANSLATE if fold_digits else _TRANSLATE)


class MatchingSlices:
    """fast_normalize of slices of one text, from one vectorized pass over the whole text: KJ1
    normalizes every paragraph of a document, and per-paragraph str.translate looked up each
    character through a Python mapping (0.5 CPU-s on ../shared/corpus). The same table
    (`_TRANSLATE`, filled by char_norm) maps code points through numpy (a character that
    normalizes to several characters has its form spliced in); a slice holding a
    pinyin annotation, which depends on the text around it, takes the per-slice path."""

    def __init__(self, text: str):
        self.text = text
        self._out: str | None = None
        # characters of the form from text[:i]: i minus the dropped positions before i (most
        # characters give one: no array as long as the text), or _kept[i] (some give several)
        self._dropped: Any = None
        self._kept: Any = None
        if "numpy" in sys.modules or len(text) >= NUMPY_FROM:
            self._vectorize()

    def _vectorize(self) -> None:
        import numpy as np

        # UTF-16 code units are the code points of a text within the Basic Multilingual Plane
        # (nearly all): half the bytes to encode and read
        raw = self.text.encode("utf-16-le", "surrogatepass")
        codes = (np.frombuffer(raw, dtype=np.uint16) if len(raw) == 2 * len(self.text)
                 else np.frombuffer(self.text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32))
        table = _code_table()
        mapped = table[codes]
        unknown = mapped == _UNKNOWN
        if unknown.any():
            for cp in set(codes[unknown].tolist()):  # (np.unique would import numpy.ma: 7 ms a process)
                n = _TRANSLATE[cp]
                table[cp] = _DELETED if not n else ord(n) if len(n) == 1 else _SEVERAL
            mapped = table[codes]
        keep = mapped != _DELETED
        several = mapped == _SEVERAL
        if several.any():
            # a character that normalizes to several (⑩ -> 10, ㎡ -> m2): the form is the others'
            # (vectorized) with each such character's own spliced in, each character counted
            # with the length of its own
            at = np.flatnonzero(several)
            own = [_TRANSLATE[cp] for cp in codes[at].tolist()]
            single = keep.copy()
            single[at] = False
            one = mapped[single].tobytes().decode("utf-32-le", "surrogatepass")
            count = keep.astype(np.int64)
            count[at] = [len(x) for x in own]
            cut = np.cumsum(single)[at].tolist()  # where each goes in `one`
            parts, prev = [], 0
            for c, x in zip(cut, own):
                parts += (one[prev:c], x)
                prev = c
            parts.append(one[prev:])
            self._out = "".join(parts)
            self._kept = np.zeros(len(codes) + 1, dtype=np.int64)
            np.cumsum(count, out=self._kept[1:])
            return
        self._out = mapped[keep].tobytes().decode("utf-32-le", "surrogatepass")
        self._dropped = np.flatnonzero(~keep)

    def _places(self, positions: Any) -> Any:
        """Where text positions (a numpy array) fall in the form."""
        if self._dropped is not None:
            return positions - self._dropped.searchsorted(positions)
        return self._kept[positions]

    def __call__(self, start: int, end: int) -> str:
        """fast_normalize(text[start:end])."""
        text = self.text
        if self._out is None or ((text.find("(", start, end) >= 0 or text.find("（", start, end) >= 0)
                                 and PINYIN_ANNOTATION.search(text, start, end) is not None):
            # (searched in place, the annotation's character before `start` is seen: at worst a
            # slice without an annotation of its own takes the per-slice path)
            return fast_normalize(text[start:end])
        import numpy as np

        a, b = self._places(np.array([start, end])).tolist()
        return self._out[a:b]

    def many(self, starts: list[int], ends: list[int],
             annotations: list[tuple[int, int]] | None = None) -> list[str]:
        """[self(a, b) for a, b in zip(starts, ends)], the slices' places in the form looked up
        in one numpy gather instead of two numpy scalars per slice (KJ1 cuts every paragraph).
        `annotations`: the text's PINYIN_ANNOTATION matches (Document.pinyin_spans), when known;
        only a slice that overlaps one takes the per-slice path (it gives the same form as the
        vectorized one when no annotation lies wholly inside the slice)."""
        if self._out is None or not starts:
            return [self(a, b) for a, b in zip(starts, ends)]
        import numpy as np

        out, text = self._out, self.text
        k0 = self._places(np.asarray(starts, dtype=np.int64)).tolist()
        k1 = self._places(np.asarray(ends, dtype=np.int64)).tolist()
        if annotations is None:
            annotations = ([m.span() for m in PINYIN_ANNOTATION.finditer(text)]
                           if "(" in text or "（" in text else [])
        if not annotations:
            return [out[a:b] for a, b in zip(k0, k1)]
        at = [a for a, _ in annotations]
        return [fast_normalize(text[a:b]) if (i := bisect_left(at, a)) < len(at) and at[i] < b
                or i and annotations[i - 1][1] > a else out[x:y]
                for a, b, x, y in zip(starts, ends, k0, k1)]


NUMPY_FROM = 100_000  # characters: a shorter text alone is not worth importing numpy (~0.1 s) for
_UNKNOWN, _DELETED, _SEVERAL = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD  # above every code point


@lru_cache(maxsize=1)
def _code_table() -> Any:
    """Code point -> code point of its matching form, _DELETED, _SEVERAL or _UNKNOWN (not
    looked up yet): _TRANSLATE as an array, filled as characters are met."""
    import numpy as np

    return np.full(sys.maxunicode + 1, _UNKNOWN, dtype=np.uint32)


def matching_text(text: str) -> str:
    """The matching form with every digit folded to 0: how paragraphs are compared with
    reference documents (updated figures in a carried-over paragraph do not make it new text)."""
    return fast_normalize(text, fold_digits=True)


# --- page-number lines ---------------------------------------------------------------------

_PAGE_N = r"[0-9０-９一二三四五六七八九十百]{1,4}"
_DECOR = r"[-－—–_=·•\s]*"
# A page counter: a line that is unmistakably pagination, as PDF and Word conversion or a site
# leave it: "第3页", "第 3 页 / 共 10 页", "共10页 第3页", "共3页", "3/10", "Page 3 of 10", or a
# number between dashes or tildes ("- 3 -", "— 12 —", "~727~"). Raw or folded text alike (full width, 頁, any case).
# (The disk cache's analysis of it costs 0.04 s and 13 MB once; re.compile 1 ms every start-up.)
PAGE_COUNTER_LINE = compile_regex(
    rf"{_DECOR}(?:第\s*{_PAGE_N}\s*[页頁](?:\s*[,，/／]?\s*共\s*{_PAGE_N}\s*[页頁])?"
    rf"|共\s*{_PAGE_N}\s*[页頁](?:\s*[,，/／]?\s*第\s*{_PAGE_N}\s*[页頁])?"
    r"|\d{1,4}\s*[/／]\s*\d{1,4}"
    rf"|(?i:page)\s*\d{{1,4}}(?:\s*(?i:of)\s*\d{{1,4}})?){_DECOR}"
    r"|[-－—–_=·•~～][-－—–_=·•~～\s]*\d{1,4}[-－—–_=·•~～\s]*[-－—–_=·•~～]")
# A bare number on a line of its own: a page number as often as a flattened table's cell.
_BARE_NUMBER_LINE = compile_regex(rf"{_DECOR}\d{{1,4}}{_DECOR}")
MAX_PAGE_NUMBER_LINE = 40  # longer lines are never only a page number: one length test first


def is_page_counter_line(line: str) -> bool:
    """True when `line` is unmistakably a page counter (PAGE_COUNTER_LINE): what KJ6 reports."""
    s = line.strip()
    return 0 < len(s) <= MAX_PAGE_NUMBER_LINE and PAGE_COUNTER_LINE.fullmatch(s) is not None


def is_page_number_line(line: str) -> bool:
    """True when `line` carries only a page number: a page counter or a bare number. What KJ1
    and dedupe leave out before comparing (dropping a table's lone figure costs nothing there;
    reporting it would be a false alarm, so KJ6 reports page counters only)."""
    s = line.strip()
    return 0 < len(s) <= MAX_PAGE_NUMBER_LINE and (
        PAGE_COUNTER_LINE.fullmatch(s) is not None or _BARE_NUMBER_LINE.fullmatch(s) is not None)


# --- boilerplate lines ---------------------------------------------------------------------

# Site furniture phrases used only when no KJ6 pack with line-scoped phrases is found.
FALLBACK_BOILERPLATE = (
    "当前位置", "来源：", "来源:", "免责声明", "版权所有", "转载请", "转载请注明", "链接地址",
    "本文由", "上一篇", "下一篇", "相关文章", "相关推荐", "热门推荐", "推荐度", "猜你喜欢",
    "扫一扫", "分享到", "点击下载", "下载全文", "阅读全文", "责任编辑", "范文网", "收藏本文",
    "返回顶部", "联系我们", "网站地图", "移动端",
)
# A boilerplate line is short; a long paragraph that merely mentions 来源 is body text.
MAX_BOILERPLATE_LINE = 80


def is_boilerplate_line(line: str, phrases: Iterable[str]) -> bool:
    """True when `line` is short and holds one of `phrases` (both in the same form). The
    definition; dedupe finds the same lines with one Aho-Corasick pass over a document."""
    s = line.strip()
    return 0 < len(s) <= MAX_BOILERPLATE_LINE and any(p in s for p in phrases)
