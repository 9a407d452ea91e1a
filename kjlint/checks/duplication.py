"""KJ1 duplication: repeated paragraphs, passages and blocks inside a draft, and text carried
over from reference documents.

One analysis per document (memoized in ctx.memo) feeds every in-document KJ1 rule, so that each
repeat is reported once, by the most specific rule: a repeated block is one finding for the
whole second copy and hides the paragraph findings inside it; a passage that is really one
whole paragraph is left to the paragraph rules.

- Paragraphs are compared after `normalize_for_matching` (whitespace, punctuation width,
  traditional/simplified, pinyin annotations) with list numbering (一是, 1、, （二）) removed.
  Exact repeats are found by hashing; near repeats by MinHash LSH (kjlint.reference; below
  `exhaustive-below` paragraphs every pair of similar length whose character counts allow the
  threshold is compared), confirmed with rapidfuzz's normalized Indel similarity (default
  threshold 0.9: measured with bench/bench_kj1.py threshold on real reports).
- Passages and blocks are found on the whole document flattened into one normalized stream
  (page-number lines dropped, so repeats across line breaks and page markers still line up):
  every k-gram is hashed, a k-gram seen before seeds a match that is extended character by
  character, and matches on the same diagonal separated by small edits are chained. The scan
  skips past each match, so the work is linear in the length of the document.
"""
from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, repeat
from typing import Any, Callable, Mapping, Sequence

from .registry import check
from ..document import BLANK_CHARS, Document, Span
from ..findings import Fix, Related
from ..normalize import (MAX_PAGE_NUMBER_LINE, NUMPY_FROM, PINYIN_ANNOTATION, MatchingSlices, char_norm, fast_normalize, is_page_number_line,
                         normalize_for_matching)
from ..ruletypes import Context, Hit
from ..diskcache import compile_regex
from ..i18n import _
from ..diskcache import fast_finditer
from ..technical import is_technical_line
from .layout import reading_paragraphs

# List numbering at the start of a paragraph; a renumbered copy is still a copy.
LIST_MARK = compile_regex(
    r"^(?:[一二三四五六七八九十]{1,3}是|[（(]?[一二三四五六七八九十]{1,3}[)）、．.]|[（(]?\d{1,3}[)）、．.]"
    r"|\d{1,3}[，,](?!\d)|[①-⑳]|[•·●▪■◆\-*])[ \t\u3000]*")
SENTENCE_MARKS = "。！？；!?;，,：:"
# The table a cell line of a Word file belongs to (Document.line_sources "table 3, row 2, cell 1").
TABLE_CELL = compile_regex(r"^(.*table \d+), row \d+, cell \d+$")
HAN = compile_regex(r"[\u3400-\u9fff]")
URL_LINE = compile_regex(r"^(?:https?://|www\.)\S+$")  # a web address on its own: no prose either
# A thesis's abstract: from its heading (摘  要, Abstract, 摘要：…) to its keyword line; it sums up
# the text, in the text's own sentences.
ABSTRACT_HEAD = compile_regex(r"^[ \t\u3000]*(?:摘[ \t\u3000]*要|内容摘要|内容提要|ABSTRACT|Abstract)[ \t\u3000]*(?:[:：]|$)")
ABSTRACT_END = compile_regex(r"^[ \t\u3000【\[]*(?:关[ \t\u3000]*键[ \t\u3000]*[词字]|Key[ \t]*words|KEY[ \t]*WORDS)")
ABSTRACT_MAX = 40  # paragraphs: an abstract without a keyword line ends at the latest here
# An entry of a reference list: [12] …, or a GB/T 7714 type mark ([J], [M], [EB/OL]).
BIB_ENTRY = compile_regex(r"^[\[［]\d{1,3}[\]］]|[\[［](?:[JMCDRNPSZGA]|EB/OL|DB/OL|J/OL|M/OL)[\]］]")
# An entry of an APA-style reference list: surnames and initials, then the year in brackets
# (Urban, C. J., & Bauer, D. J. (2021). A Deep Learning Algorithm … Psychometrika, 86(1)).
APA_ENTRY = compile_regex(r"^[A-Z][A-Za-z'’-]+,\s(?:[A-Z]\.[\s-]?){1,3}[^()\n]{0,300}\(\d{4}[a-z]?\)\.")
# 第四条 / 第二章: where a legal text's articles and chapters begin; 三、修改《…》: an item of a
# decision amending several regulations, quoting each one's new wording.
_AMENDMENT = r"|^[一二三四五六七八九十百]{1,4}、(?=修改《)"
ARTICLE_START = compile_regex(r"^第[一二三四五六七八九十百零〇\d]+[条章节]" + _AMENDMENT)
LEGAL_ARTICLE = compile_regex(r"^第[一二三四五六七八九十百零〇\d]+条" + _AMENDMENT)
# A row of a page's table whose other cells are empty, its text spanning the row (注：… | |||, 1、本地生产总值 | |||)
_EMPTY_CELLS_END = compile_regex(r"[|｜][ \t\u3000]*[|｜][|｜ \t\u3000]*$")
# A figure or table a sentence names: 图5-9, 如表4-2所示, 见图 3.1, Figure 2, Table 4 (not 代表3名).
FIGURE_REF = compile_regex(
    r"(?:(?<![\u4e00-\u9fff])|(?<=[如见据由从在下上附]))[图表]\s*\d+(?:\s*[.\-－–—]\s*\d+)*"
    r"|\b(?:Fig(?:ure)?\.?|Table)\s*\d+(?:\.\d+)*", re.IGNORECASE)
# A Word file of rules (…运营管理规范, …管理办法) numbers its provisions as decimal sections
# (5.1 联系表单, 5.2 反馈表单) and words parallel ones alike, as a law does its articles.
WORD_RULES_TITLE = compile_regex(r"(?:规范|办法|制度|规定|细则|章程|守则|准则|规则)(?:[（(][^）)\n]{1,12}[）)])?[ \t\u3000]*$")
# A judicial interpretation, a legislature's decision or a reply on the law, told by its head: a
# title naming the court, procuratorate or legislature that issues it and a normative kind
# (最高人民法院关于…的解释, …的批复), or the line recording its adoption (最高人民法院审判委员会
# 第1745次会议通过) or its number (法释〔2022〕17号). Such a text numbers its provisions 一、 二、
# or 1. 2. instead of 第X条, and words parallel provisions alike on purpose, as a law does.
LEGAL_HEAD = compile_regex(
    r"(?:最高人民法院|最高人民检察院|人民代表大会|人大常委会)[^\n]{0,60}(?:解释|规定|批复|决定|答复|意见|办法|条例|细则)[ \t\u3000]*$"
    r"|(?:审判委员会|检察委员会|常务委员会)第[一二三四五六七八九十百零〇\d]+次会议(?:通过|讨论通过|修正|修订)"
    r"|法释[〔\[［(（]\d{4}[〕\]］)）]|高检发释字", re.MULTILINE)
LEGAL_HEAD_CHARS = 400  # where a legal text's title and adoption line stand
# A provision of such a text: 一、 (a Markdown heading's too) or 1.
LEGAL_PROVISION = compile_regex(r"^(?:#{1,6}[ \t]*)?(?:[一二三四五六七八九十百]{1,4}、|\d{1,3}[.．](?!\d))")
RULES_SECTION = compile_regex(r"^[ \t\u3000\xa0]*\d{1,2}[.．]\d{1,2}(?![.．\d])[ \t\u3000\xa0]*[\u4e00-\u9fff]")
BIB_TYPE = compile_regex(r"[\[［]((?:[JMCDRNPSZGA]|EB/OL|DB/OL|J/OL|M/OL))[\]］]")
# A field of a form or a specification: a short label, a colon, its value (三级标题：黑体，小4号…).
FIELD = compile_regex(r"^([^：:，。；,;]{1,16})[：:](.*)$")
PARTIES = set("甲乙丙丁")

DEFAULTS: dict[str, dict[str, Any]] = {
    "duplicate-paragraph": {"min-length": 16, "min-distinct": 8, "heading-max-length": 60,
                            "word-refrain-count": 3, "word-refrain-max-length": 30},
    "near-duplicate-paragraph": {"min-length": 20, "threshold": 0.9, "exhaustive-below": 600},
    "repeated-passage": {"min-length": 50, "min-distinct": 16, "seed-length": 12, "max-gap": 12,
                         "threshold": 0.95, "formulaic": []},
    "repeated-block": {"min-paragraphs": 3, "body-fraction": 0.3, "threshold": 0.9,
                       "legal-item-max-length": 50},
    "reference-match": {"min-length": 20, "threshold": 0.9},
    "carried-over-summary": {},
}


def params_for(ctx: Context, name: str, rule=None) -> dict[str, Any]:
    """Parameters of the KJ1 rule implemented by check `name` (defaults, then the pack and the
    user's [tool.kjlint.rules] overrides, which the catalog has already merged in)."""
    out = dict(DEFAULTS.get(name, {}))
    if rule is not None and rule.params.get("check") == name:
        out.update(rule.params)
        return out
    for r in ctx.catalog.rules.values():
        if r.type == "builtin" and r.params.get("check") == name:
            out.update(r.params)
            break
    return out


# The ellipsis a site's summary ends with where it cut the text (…为进一步提高人...)
_CUT_SUMMARY_END = compile_regex(r"(?:\.{3,}|…+)[ \t\u3000]*$")
_BLANK_RUN = compile_regex(r"\s+")
# A web page's summary line above its text, quoting the text's opening: 摘要:…, 内容提要:…
_SITE_EXCERPT = compile_regex(r"[ \t\u3000]*(?:摘要|简介|导读|导语|内容提要|内容摘要|文章摘要)[:：]")


@dataclass(slots=True)
class Unit:
    """A paragraph taking part in matching (page-number lines excluded)."""

    index: int
    span: Span
    norm: str  # normalized text without list numbering
    piece: str = ""  # normalized text including list numbering
    s0: int = 0  # range in the normalized stream
    s1: int = 0
    informative: bool | None = None  # worth reporting on its own (see `informative`)
    table: str | None = None  # the table a cell belongs to ("table 3"; nested: "table 1, … > table 4")
    boxed: bool = False  # in a text box of a Word file
    # on a line in a technical notation (kjlint.technical), or a bare web address; None: not
    # known yet (`is_code` tells from the unit's line, when a rule first asks)
    code: bool | None = False
    doc: Document | None = None
    bib: bool = False  # an entry of a reference list
    article: int = 0  # articles (第X条) and chapters begun before it
    abstract: bool = False  # in the abstract of a thesis (ABSTRACT_HEAD)


@dataclass
class Pair:
    later: int  # unit index
    earlier: int
    score: float  # 0..100


@dataclass
class Chain:
    """A repeated stretch of the stream: later copy [i0, i1) matches earlier copy [j0, j1)."""

    i0: int
    i1: int
    j0: int
    j1: int
    pieces: int = 1


@dataclass
class Analysis:
    hits: dict[str, list[Hit]] = field(default_factory=dict)


# --- normalization ------------------------------------------------------------------------

def paragraph_norm(text: str) -> str:
    """How paragraphs are compared: normalized (fast_normalize), list numbering left out."""
    return fast_normalize(LIST_MARK.sub("", text, count=1))


def build_units(doc: Document, ctx: Context) -> list[Unit]:
    """The paragraphs that take part in matching, normalized once (`norm` without the list
    numbering for comparing paragraphs, `piece` with it for the stream of repeated passages).
    Site furniture is not the document: a header repeated in a footer is KJ601's finding.

    Built column by column: the slices to normalize are cut from the document's matching form
    in one batch (MatchingSlices.many), each flag is worked out in one comprehension over the
    texts (the stateful ones, articles and abstracts, only from the few paragraphs that open
    one), and the units are made by one map; a Python loop with a branch per flag cost 2.6 µs a
    paragraph (110,318 on ../shared/corpus)."""
    paragraphs = reading_paragraphs(doc, ctx)
    rules = doc.source_format == "docx" and bool(paragraphs) and WORD_RULES_TITLE.search(paragraphs[0].text) is not None
    # (a paragraph longer than any page number line, not opening or closing with a blank that
    # strip() takes off, is none: no call)
    texts = [p.text for p in paragraphs]
    dropped = {i for i, t in enumerate(texts)
               if (len(t) <= MAX_PAGE_NUMBER_LINE or t[0].isspace() or t[-1].isspace()) and is_page_number_line(t)}
    paras = paragraphs
    if dropped:
        paras = [p for i, p in enumerate(paragraphs) if i not in dropped]
        texts = [t for i, t in enumerate(texts) if i not in dropped]
    if not paras:
        return []
    # per paragraph: where its list numbering ends; the piece is cut whole when there is none,
    # or an annotation follows it right away (一是(shì) needs the mark's character)
    marks = list(map(LIST_MARK.match, texts))
    if not any(marks):  # (most documents' paragraphs: one slice each)
        forms = MatchingSlices(doc.text).many([p.start for p in paras], [p.end for p in paras], doc.pinyin_spans)
        return _units(doc, paras, texts, forms, forms, rules)
    # the norms, every paragraph's from its mark's end, in one batch; then the pieces' heads, of
    # the marked paragraphs only (a Python loop over every paragraph cost 0.25 CPU s on the corpus)
    slices = MatchingSlices(doc.text)
    mark_ends = [0 if m is None else m.end() for m in marks]
    norms = slices.many([p.start + e for p, e in zip(paras, mark_ends)], [p.end for p in paras], doc.pinyin_spans)
    marked = [i for i, e in enumerate(mark_ends) if e]
    whole = [texts[i][mark_ends[i]:mark_ends[i] + 1] in "(（" for i in marked]
    heads = slices.many([paras[i].start for i in marked],
                        [paras[i].end if w else paras[i].start + mark_ends[i] for i, w in zip(marked, whole)],
                        doc.pinyin_spans)
    pieces = list(norms)
    for i, w, head in zip(marked, whole, heads):
        pieces[i] = head if w else head + norms[i]
    return _units(doc, paras, texts, norms, pieces, rules)


def _units(doc: Document, paras: list[Span], texts: list[str], norms: list[str], pieces: list[str],
           rules: bool) -> list[Unit]:
    """build_units' units from its paragraphs and their forms: the flags, a column each."""
    n = len(paras)
    # articles (and chapters) begun up to each paragraph
    amending = "修改《" in doc.text  # (an amending decision's items: see ARTICLE_START)
    interpretation = legal_head(doc)
    opened = [i for i, t in enumerate(texts)
              if ((t[0] == "第" or (amending and t.find("修改《", 1, 5) >= 0)) and ARTICLE_START.match(t))
              or (rules and len(t) <= 30 and RULES_SECTION.match(t))  # 5.2 反馈表单: a Word file's own rules
              or (interpretation and LEGAL_PROVISION.match(t))]  # 一、/1. of a judicial interpretation
    if opened:
        begun = [0] * n
        for i in opened:
            begun[i] = 1
        articles = list(accumulate(begun))
    else:
        articles = [0] * n
    # an abstract: its head and up to ABSTRACT_MAX paragraphs after it, to its keyword line
    abstracts = [False] * n
    heads = [i for i, t in enumerate(texts) if t[0] in "摘内Aa \t\u3000" and ABSTRACT_HEAD.match(t)]
    if heads:
        left, heads = 0, set(heads)
        for i, t in enumerate(texts):
            if i in heads:
                left = ABSTRACT_MAX
            if left:
                abstracts[i] = True
                left = 0 if ABSTRACT_END.match(t) else left - 1
    # (an APA entry opens with a capital letter, a web address with h or w)
    bibs = [(("[" in t or "［" in t) and BIB_ENTRY.search(t) is not None)
            or ("A" <= t[0] <= "Z" and APA_ENTRY.match(t) is not None) for t in texts]
    codes = [False if b else True if t[0] in "hw" and URL_LINE.match(t) is not None else None
             for t, b in zip(texts, bibs)]
    units = list(map(Unit, range(n), paras, norms, pieces, repeat(0, n), repeat(0, n), repeat(None, n),
                     repeat(None, n), repeat(False, n), codes, repeat(doc, n), bibs, articles, abstracts))
    sources = doc.line_sources
    if sources:
        for unit in units:
            line = doc.line_index(unit.span.start)
            cell = TABLE_CELL.match(sources[line]) if line < len(sources) else None
            unit.table = cell.group(1) if cell else None
            unit.boxed = doc.part(line) == "textbox"
    return units


def is_code(u: Unit) -> bool:
    """Unit.code, its line's notation judged when first asked: most documents never ask (their
    paragraphs repeat nothing), and judging every line cost KJ1 0.12 CPU s on ../shared/corpus."""
    if u.code is None:
        doc = u.doc
        line = doc.line_index(u.span.start)
        known = doc.__dict__.get("technical_lines")  # (Document.technical_lines, if worked out)
        u.code = line in known if known is not None else _technical_line(doc.lines[line].text)
    return u.code


# is_technical_line, remembered for the last lines judged: a copied body's paragraphs are asked
# about twice (each copy, `exact_pairs`), on the same line text; a line with Latin letters in it
# (GDP, 5G, a name) is judged by its code patterns, 0.1 CPU s a body of a thousand paragraphs.
_technical_line = lru_cache(maxsize=1 << 13)(is_technical_line)


def _unit_offsets(u: Unit) -> list[int]:
    """Source offset of each of the unit's normalized characters (as fast_normalize produces them)."""
    text, base = u.span.text, u.span.start
    skip = set()
    if "(" in text or "（" in text:
        for m in PINYIN_ANNOTATION.finditer(text):
            skip.update(range(m.start(), m.end()))
    out = []
    for i, ch in enumerate(text):
        if i not in skip:
            out.extend([base + i] * len(char_norm(ch)))
    return out


class Stream:
    """The document's units as one normalized string, formulaic phrases left out.

    Source offsets are worked out only for the few positions that findings need."""

    def __init__(self, units: list[Unit], formulaic: list[str]):
        self.units = units
        pieces = [u.piece for u in units]
        bounds = [0, *accumulate(map(len, pieces))]  # where each piece starts, and the end
        self.r0s: list[int] = bounds[:-1]
        raw = "".join(pieces)
        removed = _formulaic_spans(raw, formulaic)
        # kept segments: S position seg_s[k] corresponds to raw position seg_r[k]
        self.seg_s, self.seg_r = [0], [0]
        kept, s_pos, r_pos = [], 0, 0
        for a, b in removed:
            kept.append(raw[r_pos:a])
            s_pos += a - r_pos
            r_pos = b
            self.seg_s.append(s_pos)
            self.seg_r.append(r_pos)
        kept.append(raw[r_pos:])
        self.text = "".join(kept)
        # a unit ends where the next one starts: each boundary converted once
        if removed:
            bounds = self._raw_to_s_many(bounds)
        # (nothing left out, no formulaic phrases: stream positions are raw positions)
        for u, s0, s1 in zip(units, bounds, bounds[1:]):
            u.s0, u.s1 = s0, s1
        self._offsets: dict[int, list[int]] = {}

    def _raw_to_s(self, r: int) -> int:
        k = bisect_right(self.seg_r, r) - 1
        return self.seg_s[k] + min(r - self.seg_r[k], (self.seg_s[k + 1] - self.seg_s[k])
                                   if k + 1 < len(self.seg_s) else r - self.seg_r[k])

    def _raw_to_s_many(self, rs: list[int]) -> list[int]:
        """list(map(self._raw_to_s, rs)) for ascending `rs`, in one numpy pass when numpy is
        loaded (every unit's bounds: a bisect each cost 0.03 CPU s on ../shared/corpus)."""
        if "numpy" not in sys.modules:
            return list(map(self._raw_to_s, rs))
        import numpy as np

        r = np.asarray(rs, dtype=np.int64)
        seg_s, seg_r = np.asarray(self.seg_s, dtype=np.int64), np.asarray(self.seg_r, dtype=np.int64)
        k = np.searchsorted(seg_r, r, side="right") - 1
        into = r - seg_r[k]
        # a position inside a removed span maps to the end of the kept segment before it
        room = np.append(np.diff(seg_s), np.iinfo(np.int64).max)[k]
        return (seg_s[k] + np.minimum(into, room)).tolist()

    def offset(self, pos: int) -> int:
        """Source offset of stream character `pos`."""
        pos = max(0, min(pos, len(self.text) - 1))
        k = bisect_right(self.seg_s, pos) - 1
        r = self.seg_r[k] + (pos - self.seg_s[k])
        ui = bisect_right(self.r0s, r) - 1
        offs = self._offsets.get(ui)
        if offs is None:
            offs = self._offsets[ui] = _unit_offsets(self.units[ui])
        local = r - self.r0s[ui]
        return offs[min(local, len(offs) - 1)] if offs else self.units[ui].span.start


_FORMULAIC_CACHE: dict[tuple, Any] = {}


def _formulaic_spans(raw: str, patterns: list[str]) -> list[tuple[int, int]]:
    """Spans of formulaic political phrases (in normalized form), so that a sentence made mostly
    of them is too short to count as a repeated passage."""
    if not patterns:
        return []
    key = tuple(patterns)
    regex = _FORMULAIC_CACHE.get(key)
    if regex is None:
        regex = _FORMULAIC_CACHE[key] = compile_regex("|".join(
            f"(?:{normalize_for_matching(p, keep_punctuation=True)})" for p in patterns))
    return [m.span() for m in fast_finditer(regex)(raw) if m.end() > m.start()]


# --- paragraph pairs ----------------------------------------------------------------------


_SENTENCE_MARK = compile_regex(f"[{re.escape(SENTENCE_MARKS)}]")


def _is_heading_like(u: Unit, heading_max: int) -> bool:
    """Short text without sentence punctuation: headings, table labels, titles."""
    return len(u.norm) <= heading_max and not _SENTENCE_MARK.search(u.span.text)


def _label(u: Unit, heading_max: int) -> bool:
    """A label of a template or a form: no sentence in it and a few Chinese words at most
    (Actors, Trigger 触发条件, 字段, 表4-2红灯最佳聚类参数); a line of hard-wrapped text is longer."""
    return _is_heading_like(u, heading_max) and len(HAN.findall(u.span.text)) <= 12


# A template's guidance, a whole paragraph in square or black brackets: [列出本文件中用到的专门
# 术语的定义。], 【阐明编写的目的】. Two outlines of a standard repeat it (KJ205 reports it left in).
_GUIDANCE = compile_regex(r"[ \t\u3000]*(?:\[[^\[\]\n]+\]|【[^【】\n]+】)[ \t\u3000]*")


def _guidance(u: Unit) -> bool:
    return u.span.text[-1:] in "]】 \t\u3000" and _GUIDANCE.fullmatch(u.span.text) is not None


def _distinct_at_least(text: str, count: int) -> bool:
    """Whether `text` holds `count` different characters; its opening usually shows it, and a
    copied body runs to hundreds of thousands of characters."""
    return len(set(text[:4 * count])) >= count or len(set(text)) >= count


def informative(u: Unit, p: dict, text_ok: bool | None = None) -> bool:
    """Worth reporting on its own: long and varied enough, not a heading or label, not code
    (program code repeats its statements and calls by nature) nor a bare web address.
    `text_ok`: `informative_text` of the unit's text, when known (from a paragraph of the same
    text: a copied body repeats thousands of paragraphs)."""
    if u.informative is None:
        if text_ok is None:
            text_ok = informative_text(u.norm, p)
        # the cheap tests first: the set of characters and the line's notation cost most
        u.informative = (text_ok and not _is_heading_like(u, int(p["heading-max-length"]))
                         and not is_code(u) and not _guidance(u))
    return u.informative


def informative_text(norm: str, p: dict) -> bool:
    """The part of `informative` that depends on the normalized text alone."""
    return len(norm) >= int(p["min-length"]) and _distinct_at_least(norm, int(p["min-distinct"]))


# --- repeats that are the document's design ---------------------------------------------------

def _layout_repeat(later: list[Unit], earlier: list[Unit], table_size: dict[str, int]) -> bool:
    """A repeat that a Word file's layout makes: cells of tables repeating other cells (a header
    row over every table, the same value down a column, a role table restated in another
    chapter, the end of one form of a series and the start of the next) unless a whole table is
    repeated; a form filled in again (`_refilled_form`); a text
    box repeating the body (a sample page, a callout) or the body repeating one."""
    if not later or not earlier:
        return False

    def whole(units: list[Unit]) -> bool:
        counts: dict[str, int] = {}
        for u in units:
            if u.table:
                counts[u.table] = counts.get(u.table, 0) + 1
        return all(table_size[t] == n for t, n in counts.items())

    if all(u.table for u in later) and all(u.table for u in earlier):
        if not (whole(later) and whole(earlier)):
            return True
    elif _in_form(later) and _in_form(earlier) and not (whole(later) or whole(earlier)):
        return True  # cells with the caption or the heading line over their table
    elif _bridges_forms(later) and _bridges_forms(earlier) and not (whole(later) and whole(earlier)):
        return True
    if _refilled_form(later, earlier):
        return True
    return any(u.boxed for u in later + earlier) and not all(u.boxed for u in later + earlier)


_FORM_CAPTION_MAX = 20


def _bridges_forms(units: list[Unit]) -> bool:
    """Does a stretch run from one table into the next with only short lines between them (the
    end of one 岗位说明书 form, the next form's title 岗 位 说 明 书 and 填报日期：…, its first
    rows)? A series of forms repeats its standard rows and captions by design."""
    return (len({u.table for u in units if u.table}) >= 2
            and all(u.table or len(u.norm) <= _FORM_CAPTION_MAX for u in units))


def _in_form(units: list[Unit]) -> bool:
    """Cells of one table with the short line over it (its caption, the heading of the entry the
    form describes: 2.1.3法人账户开通 over the form 功能描述 / 输入/前置条件 …)."""
    return (len({u.table for u in units if u.table}) == 1
            and all(u.table or len(u.norm) <= _FORM_CAPTION_MAX for u in units))


def _refilled_form(later: list[Unit], earlier: list[Unit]) -> bool:
    """A table again with a field's value in a cell changed (编译号：1-1 / 编译号：2-1, 面谈ID：M1 /
    面谈ID：M2): the same form filled in once more (a second test round, the next interview), not
    a pasted copy, which keeps every value."""
    if len(later) != len(earlier):
        return False
    for k, (a, b) in enumerate(zip(later, earlier)):
        if a.norm != b.norm and a.table and b.table:
            fa, fb = _field(a), _field(b)
            if fa and fb and fa[0] == fb[0] and fa[1] != fb[1]:
                return True
            # a row's label in its own cell, the value after it (功能描述 | 用户通过界面操作可以取出… /
            # 功能描述 | …存入…): the form of the next entry
            la, lb = later[k - 1], earlier[k - 1]
            if (k and la.norm == lb.norm and la.table == a.table and lb.table == b.table
                    and 0 < len(la.norm) <= _FORM_CAPTION_MAX and not _SENTENCE_MARK.search(la.span.text)):
                return True
    return False


def legal_head(doc: Document) -> bool:
    """Does the document open as a judicial interpretation or a legislature's decision (LEGAL_HEAD)?"""
    return LEGAL_HEAD.search(doc.text, 0, LEGAL_HEAD_CHARS) is not None


def _enumerated_in_articles(later: list[Unit], earlier: list[Unit], legal: bool, max_len: int) -> bool:
    """Legal texts repeat short enumerated conditions under different articles on purpose
    (第四条 （一）…（四）, 第六条 （一）…（六）); a copy that holds articles itself is a copy."""
    if not legal or not later or not earlier:
        return False
    if any(len(u.norm) > max_len or ARTICLE_START.match(u.span.text) for u in later + earlier):
        return False
    return not ({u.article for u in later} & {u.article for u in earlier})


def _drafted_in_articles(legal: bool, later: list[Unit], earlier: list[Unit]) -> bool:
    """Legal drafting repeats its formulas on purpose, article after article (由…部门责令改正，给予
    警告；拒不改正的，处…罚款), and parallel provisions differ in a few words: in a legal text,
    recurring wording is the law's own, not a scraping fault. A copy is one that repeats an
    article's own number (`later` and `earlier`: the units whose start lies in each occurrence;
    第十条… again after 第十条…); a paragraph repeated word for word within one article is KJ101's."""
    if not legal:
        return False
    def numbers(units: list[Unit]) -> set[str]:
        return {m.group(0) for u in units if (m := ARTICLE_START.match(u.span.text))}
    return not (numbers(later) & numbers(earlier))


_LIST_ITEM = compile_regex(r"^[（(][一二三四五六七八九十]{1,3}[)）]|^\d{1,2}[.．、]")
# A list's lead-in: 设下列各课、室,分别掌理下列事项:, 主要包括以下内容：
_LEAD_IN = compile_regex(r"(?:下列|如下|以下|下述)[^\n]{0,12}[：:][ \t\u3000]*$")


def _lead_in(units: list[Unit], i: int) -> str | None:
    """The lead-in of the list that paragraph i opens or stands in: the nearest paragraph above
    it ending with a colon, if it announces a list (_LEAD_IN)."""
    for k in range(i - 1, max(-1, i - 40), -1):
        text = units[k].span.text.rstrip(BLANK_CHARS)
        if text.endswith(("：", ":")):
            return units[k].norm if _LEAD_IN.search(text) else None
    return None


def _under_two_lead_ins(units: list[Unit], later: int, earlier: int) -> bool:
    """Are two copies of a list item in two lists, each under a lead-in of its own (一 區人口在五十萬人
    以上者設下列各課、室,分別掌理下列事項: (一)民政課:… / 二 區人口在四十萬人以上…分別掌理下列事項:
    (一)民政課:…)? A regulation states the items again for each case on purpose; a page's copy of a
    list repeats its lead-in with it."""
    first, second = _lead_in(units, earlier), _lead_in(units, later)
    return first is not None and second is not None and first != second


TEMPLATE_NEIGHBOURS = 2  # paragraphs above each copy compared as the entries' other fields


def _template_entries(units: list[Unit], later: int, earlier: int) -> bool:
    """Is the repeat one field of two entries filled from one template (a service guide's
    procedure for each form: 可至…下載…道路標高申請書 / 檢附…影本乙份 / 郵寄、親送至… then 可至…下載…
    樁恢復申請書 / 檢附… / 郵寄、親送至…)? The paragraphs right above the two copies are alike but
    not the same: each entry says the shared step beside steps of its own. A paste slip copies
    the paragraphs around it too (one repeated stretch), or lands among different ones."""
    from rapidfuzz.distance import Indel

    found = False
    for d in range(1, TEMPLATE_NEIGHBOURS + 1):
        a, b = later - d, earlier - d
        if b < 0 or a <= earlier:
            break
        x, y = units[a].norm, units[b].norm
        if x == y:
            return False  # copied with its neighbours: a repeated stretch
        if Indel.normalized_similarity(x, y) >= 0.6:
            found = True
    return found


def _in_two_lists(units: list[Unit], later: list[Unit], earlier: list[Unit]) -> bool:
    """Are the copies in two lists of a law's article, a lead-in ending with a colon between them
    (情节严重的情形 …： （三）…; 实施前款规定的行为，具有下列情形之一的： （三）…)? The law states
    the conditions for each list on purpose."""
    first, last = max(u.index for u in earlier) + 1, min(u.index for u in later)
    # (the later list's own lead-in may open the copy: 具有下列情形之一的，属于…“情节严重”： (一)…
    # then 具有下列情形之一的，属于…“情节特别严重”： (一)…, figures raised)
    return any(u.span.text.rstrip(BLANK_CHARS).endswith(("：", ":")) for u in units[first:last + 1])


_NAME_LEAD_MAX = 12  # a lead-in that names what its list is about: 单链表：, 循环链表：


def _named_lead(units: list[Unit], i: int) -> str | None:
    """The name a short lead-in line ending in a colon gives the list that unit i stands in (单链表：
    above ●查看单链表定义…), the nearest such line within the list above it, else None."""
    for k in range(i - 1, max(-1, i - 20), -1):
        text = units[k].span.text.strip(BLANK_CHARS)
        if text.endswith(("：", ":")):
            name = paragraph_norm(text[:-1])
            return name if 2 <= len(name) <= _NAME_LEAD_MAX else None
    return None


def _about_two_names(units: list[Unit], later: list[Unit], earlier: list[Unit]) -> bool:
    """Are two copies two lists about two things, each under a lead-in naming its thing, that read
    the same once the one name is put for the other (循环链表： / ●查看循环链表定义… and 双向链表： /
    ●查看双向链表定义…), or one line leading in what follows it under each (最短时间查询： / 例如选择…，
    线路如下： and 最少换乘查询： / the same line)? A writer states the same of each thing on purpose."""
    a, b = _named_lead(units, earlier[0].index), _named_lead(units, later[0].index)
    if a is None or b is None or a == b:
        return False
    if len(later) == 1 and later[0].span.text.rstrip(BLANK_CHARS).endswith(("：", ":")):
        return True  # 最短时间查询： / 例如选择…，线路如下： and 最少换乘查询： / the same: each leads in its own figure
    return a in earlier[0].norm and "".join(u.norm for u in earlier).replace(a, b) == "".join(u.norm for u in later)


# A list item that gives a value, not a sentence: a bullet or dash, then a short entry
# (-'head'：机器人头部, • 第一人称)
_VALUE_ITEM = compile_regex(r"^[ \t\u3000]*[-–•●○◦·▪][ \t\u3000]*[^\s。！？；!?;]")
VALUE_ITEM_MAX = 40  # characters of a value's entry: an option and its gloss


def _value_lists(units: list[Unit], later: list[Unit], earlier: list[Unit]) -> bool:
    """Are the copies two lists of values, each under a field of its own that leads it in with a
    colon (●lidar_position: …可选范围： -'head'… -'bottom' and ●IMU_position: …可选范围： the same)?
    A specification gives the same allowed values for each field on purpose. A list pasted twice
    holds sentences, or repeats its lead-in with it."""
    def leads_in(u: Unit) -> bool:
        return u.span.text.rstrip(BLANK_CHARS).endswith(("：", ":"))

    def value(u: Unit) -> bool:
        text = u.span.text.rstrip(BLANK_CHARS)
        return _VALUE_ITEM.match(text) is not None and len(u.norm) <= VALUE_ITEM_MAX \
            and not _SENTENCE_END.search(text) and not leads_in(u)  # (a lead-in of its own)

    def lead_and_items(copy: list[Unit]) -> tuple[Unit | None, list[Unit]]:
        if copy and leads_in(copy[0]):
            return copy[0], copy[1:]  # the copy starts inside its lead-in (…，可选范围：)
        k = copy[0].index - 1 if copy else -1
        while k >= 0 and value(units[k]):  # (a copy of the list's later items: its lead-in is above the first)
            k -= 1
        return (units[k] if k >= 0 else None), copy

    (lead_a, items_a), (lead_b, items_b) = lead_and_items(earlier), lead_and_items(later)
    if lead_a is None or lead_b is None or not items_a or not items_b or lead_a.norm == lead_b.norm:
        return False
    return leads_in(lead_a) and leads_in(lead_b) and all(map(value, items_a + items_b))


def _figures(text: str) -> set[str]:
    return {re.sub(r"\s", "", m.group(0)).lower() for m in FIGURE_REF.finditer(text)}


def _parallel(a: Unit, b: Unit, fields: dict[str, int]) -> bool:
    """Two similar paragraphs that say the same of different things, not a copy edited: they
    name different figures or tables (如图5-9所示 … 如图5-10所示) or different kinds of
    reference ([C] / [R]), are fields of a form or a specification (三级标题：黑体… / 四级标题：
    仿宋…; Name名称：selectOrgById / …ByUserId), or are a contract's clause for each party
    (对甲方… / 对乙方…). `fields` counts the paragraphs of the document under each label."""
    if a.norm == b.norm:
        return False
    fa, fb = _figures(a.span.text), _figures(b.span.text)
    if fa and fb and fa != fb:
        return True
    ta, tb = set(BIB_TYPE.findall(a.span.text)), set(BIB_TYPE.findall(b.span.text))
    if ta and tb and ta != tb:
        return True
    ma, mb = _field(a), _field(b)
    if ma and mb:
        if ma[0] != mb[0]:
            return True  # the same said of two fields
        value = ma[1]
        if ((len(fast_normalize(value)) <= 40 and not _SENTENCE_MARK.search(value)) or not HAN.search(value)
                or fields.get(ma[0], 0) >= 3):
            return True  # one field, two values (names, signatures; a field of every record): two records
    if len(a.norm) == len(b.norm):
        diff = [(x, y) for x, y in zip(a.norm, b.norm) if x != y]
        if diff and all(x in PARTIES and y in PARTIES for x, y in diff):
            return True
    return (_consecutive_items(a, b) or _choice_options(a, b)
            or (not (a.bib or b.bib) and _differs_in_names(a.span.text, b.span.text,
                                                           1 if _under_items(a, b) else 2)))


def _under_items(a: Unit, b: Unit) -> bool:
    """Do the two paragraphs stand right under two different items of a numbered list (1、版本1的demo版本： /
    截至…有36个… ; 2、版本1的重构版本： / 截至…有45个…): each the write-up of its item."""
    if a.doc is None or b.doc is None:
        return False
    numbers = []
    for unit in (a, b):
        doc = unit.doc
        k = doc.line_index(unit.span.start) - 1
        while k >= 0 and not doc.lines[k].text.strip(BLANK_CHARS):
            k -= 1
        head = doc.lines[k].text.strip(BLANK_CHARS) if k >= 0 else ""
        m = _ITEM_NUMBER.match(head)
        if m is None or len(head) > 40:
            return False
        numbers.append(m.group(1))
    return numbers[0] != numbers[1]


# A name or a figure: what parallel statements about different things differ in.
_NAME_CHAR = compile_regex(r"[A-Za-z0-9_.%]")
_NAME = compile_regex(r"[A-Za-z0-9_.%]+")
_WORD_CHAR = compile_regex(r"[A-Za-z0-9]")
_SENTENCE_END = compile_regex(r"[。！？；!?;]")
_ITEM_NUMBER = compile_regex(r"^[（(]?(\d{1,3})[)）、．.，,]")


def _differs_in_names(a: str, b: str, places: int = 2) -> bool:
    """Two texts that differ only in names and figures, in `places` places or more (rotateX … X 轴 /
    rotateY … Y 轴; 模式1占63%，模式2占37% / 39.3% … 60.7%; selectOrgById … OrgService /
    selectEnrollActivity … Activity1Service): the same sentence said of different objects or
    results, not a copy edited."""
    from rapidfuzz.distance import Indel

    def widen(t: str, i: int, j: int) -> tuple[int, int]:
        while i > 0 and _NAME_CHAR.match(t[i - 1]):
            i -= 1
        while j < len(t) and _NAME_CHAR.match(t[j]):
            j += 1
        return i, j

    spans = set()
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            continue
        ia, ja = widen(a, op.src_start, op.src_end)
        ib, jb = widen(b, op.dest_start, op.dest_end)
        if not (_NAME.fullmatch(a, ia, ja) and _NAME.fullmatch(b, ib, jb)):
            return False
        if not (_WORD_CHAR.search(a, ia, ja) and _WORD_CHAR.search(b, ib, jb)):
            return False  # a full stop or a per cent sign added: an edit
        spans.add((ia, ja))
    return len(spans) >= places


def _consecutive_items(a: Unit, b: Unit) -> bool:
    """Successive items of one numbered list ((4) 图中用字… / (5) 表中用字…; 12，… / 13，…): a
    specification or an amendment list says the same of each thing in turn."""
    ma, mb = _ITEM_NUMBER.match(a.span.text.lstrip(BLANK_CHARS)), _ITEM_NUMBER.match(b.span.text.lstrip(BLANK_CHARS))
    return bool(ma and mb) and abs(int(ma.group(1)) - int(mb.group(1))) == 1


_PART_NUMBER = compile_regex(r"(?<=[\u4e00-\u9fffA-Za-z：:])[ \t\u3000]*(?:\d{1,2}|[一二三四五六七八九十]{1,2})[ \t\u3000]*$")


def _in_numbered_parts(doc: Document, later: int, earlier: int) -> bool:
    """Whether offsets `later` and `earlier` lie in two parts of a Word file that holds several
    write-ups, each opened by the same short line but for its number at the end (简要说明：作业1 …
    简要说明：作业2; 实验一 … 实验二): each write-up says what it shares with the other (the stack,
    the start commands) in its own place, not a passage pasted twice."""
    starts = getattr(doc, "_numbered_parts", None)
    if starts is None:
        seen: dict[str, list[tuple[int, str]]] = {}
        for i, line in enumerate(doc.lines):
            text = line.text.strip(BLANK_CHARS)
            if not text or len(text) > 30 or not (text[-1].isdigit() or text[-1] in "一二三四五六七八九十"):
                continue
            m = _PART_NUMBER.search(text)
            if m is None:
                continue
            seen.setdefault(text[:m.start()], []).append((i, m.group().strip(BLANK_CHARS)))
        starts = []
        for marks in seen.values():
            if len(marks) >= 2 and len({n for _, n in marks}) == len(marks):
                starts = sorted(i for i, _ in marks)
                break
        object.__setattr__(doc, "_numbered_parts", starts)
    if not starts:
        return False
    a, b = doc.line_index(later), doc.line_index(earlier)

    def part(line: int) -> int:
        return sum(1 for s in starts if s <= line)

    return part(a) != part(b) and part(b) >= 1


_OPTION = compile_regex(r"^[（(]?([A-H])[)）、．.](?![A-Za-z0-9])")


def _choice_options(a: Unit, b: Unit) -> bool:
    """Two options of a multiple-choice question (B.父类静态初始化---->…父类构造方法… / D.父类静态
    初始化---->…父类非静态…), lettered apart: they differ in one step on purpose, the question
    asks which is right."""
    ma, mb = _OPTION.match(a.span.text.lstrip(BLANK_CHARS)), _OPTION.match(b.span.text.lstrip(BLANK_CHARS))
    return bool(ma and mb) and ma.group(1) != mb.group(1)


def _record_field(u: Unit, fields: dict[str, int]) -> bool:
    """A short field of a record that the document lists many of (Name名称：updateCreator;
    出席人员：王兆源，袁洋。 under each meeting of a log: one full stop may close the value)."""
    f = _field(u)
    return (f is not None and fields.get(f[0], 0) >= 3 and len(fast_normalize(f[1])) <= 60
            and not _SENTENCE_END.search(f[1].removesuffix("。")))


def _field(u: Unit) -> tuple[str, str] | None:
    """(label, value) of a `label：value` line, the label short and no sentence."""
    text = u.span.text
    if "：" not in text and ":" not in text:
        return None  # (no colon, no field: most paragraphs, and a copied body asks for each one)
    m = FIELD.match(LIST_MARK.sub("", text, count=1))
    if m is None or _SENTENCE_MARK.search(m.group(1)):
        return None
    return m.group(1).strip(BLANK_CHARS), m.group(2).strip(BLANK_CHARS)


def exact_pairs(units: list[Unit], p: dict) -> list[Pair]:
    """Each informative paragraph paired with the first informative one of the same text. Only
    texts met twice are tested (`informative`), in one dict pass over the paragraphs."""
    seen: dict[str, int] = {}
    again = [u for u in units if seen.setdefault(u.norm, u.index) != u.index]
    if not again:
        return []
    first: dict[str, int] = {}
    text_ok: dict[str, bool] = {}  # informative_text, once per text
    out = []
    for i in sorted({seen[u.norm] for u in again}.union(u.index for u in again)):
        u = units[i]
        ok = text_ok.get(u.norm)
        if ok is None:
            ok = text_ok[u.norm] = informative_text(u.norm, p)
        if not informative(u, p, ok):
            continue
        q = first.setdefault(u.norm, u.index)
        if q != u.index:
            out.append(Pair(u.index, q, 100.0))
    return out


def near_pairs(units: list[Unit], exact_later: set[int], p: dict, dup_p: dict) -> list[Pair]:
    """Later paragraphs similar (>= threshold) but not equal to an earlier one; best match each."""
    cutoff = float(p["threshold"]) * 100
    # Exact copies of an earlier paragraph are already reported; leaving them out also keeps a
    # paragraph repeated a thousand times from filling one LSH bucket.
    eligible = [u for u in units if len(u.norm) >= int(p["min-length"]) and u.index not in exact_later]
    if len(eligible) < 2:
        return []
    if len(eligible) <= int(p["exhaustive-below"]):
        # so few that the informative ones are compared exhaustively: every pair is judged on its
        # own, so the pairs of all are found and only theirs are tested for being informative
        cands = _similar_pairs([u.norm for u in eligible], cutoff)
    else:
        eligible = [u for u in eligible if informative(u, dup_p)]
        if len(eligible) < 2:
            return []
        texts = [u.norm for u in eligible]
        if len(eligible) <= int(p["exhaustive-below"]):
            cands = _similar_pairs(texts, cutoff)
        else:
            import numpy as np
            from rapidfuzz import fuzz, process

            from ..reference import candidate_pairs

            cands = sorted(candidate_pairs(texts))
            if cands:  # scored in one C call; only the pairs that reach the cutoff go on
                scores = process.cpdist([texts[a] for a, _ in cands], [texts[b] for _, b in cands], scorer=fuzz.ratio,
                                        score_cutoff=cutoff, dtype=np.float64, workers=1)
                cands = [cands[i] for i in np.flatnonzero(scores).tolist()]
    best: dict[int, Pair] = {}
    for a, b in cands:
        ua, ub = eligible[a], eligible[b]
        if ub.index in exact_later or ua.norm == ub.norm or not (informative(ua, dup_p) and informative(ub, dup_p)):
            continue
        from rapidfuzz import fuzz  # not before a pair needs it: most drafts have none (_similar_pairs)

        score = fuzz.ratio(ua.norm, ub.norm, score_cutoff=cutoff)
        if not score:
            continue
        cur = best.get(ub.index)
        if cur is None or score > cur.score or (score == cur.score and ua.index < cur.earlier):
            best[ub.index] = Pair(ub.index, ua.index, score)
    return sorted(best.values(), key=lambda x: x.later)


def _similar_pairs(texts: list[str], cutoff: float) -> list[tuple[int, int]]:
    """(earlier, later) of the texts with fuzz.ratio >= cutoff. Each text is compared only with
    the texts of similar length (sorted by length): a ratio of `cutoff` allows a length
    difference of (1 - cutoff/100) of both lengths at most, and most pairs of paragraphs differ
    more (measured: 1.8x faster on the corpus). With numpy loaded, `_bag_bound` rules out
    nearly all of the remaining pairs before rapidfuzz compares any; without, rapidfuzz's C loop
    compares them all (no numpy import for a short draft), unless rapidfuzz is not loaded yet
    and the pairs are few: they are bounded so in Python first (`_bag_bound_py`)."""
    share = min(max(cutoff, 0.0), 100.0) / (200 - min(max(cutoff, 0.0), 100.0))
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    ordered = [texts[i] for i in order]
    lengths = [len(t) for t in ordered]
    # the shortest text that can reach the cutoff (one character of slack for rounding)
    lows = [bisect_left(lengths, int(lengths[x] * share) - 1, 0, x) for x in range(len(ordered))]
    out = []
    bounded = (_bag_bound(ordered, lows, cutoff) if "numpy" in sys.modules
               else _bag_bound_py(ordered, lows, cutoff)
               if "rapidfuzz" not in sys.modules and sum(x - lo for x, lo in enumerate(lows)) <= PY_BOUND_PAIRS
               else None)
    if bounded is not None:
        if bounded:
            from rapidfuzz import fuzz
        for x, y in bounded:
            if cutoff <= 0 or fuzz.ratio(ordered[x], ordered[y], score_cutoff=cutoff):
                a, b = order[y], order[x]
                out.append((a, b) if a < b else (b, a))
        return out
    from rapidfuzz import fuzz, process

    for x in range(1, len(ordered)):
        lo = lows[x]
        for _, _, y in process.extract(ordered[x], ordered[lo:x], scorer=fuzz.ratio,
                                       score_cutoff=cutoff, limit=None):
            a, b = order[lo + y], order[x]
            out.append((a, b) if a < b else (b, a))
    return out


# Pairs of similar length that _bag_bound_py bounds at most (a short draft's), and only while
# rapidfuzz is not loaded: its C loop compares them faster than Python counts their characters.
PY_BOUND_PAIRS = 200


def _bag_bound_py(texts: list[str], lows: list[int], cutoff: float) -> list[tuple[int, int]]:
    """_bag_bound without numpy, for a few pairs: the characters two texts have in common (each
    as often as the text with fewer of it has it) bound their longest common subsequence, with
    the same slack. Most drafts hold no pair that passes, and then rapidfuzz is never imported
    (its import was 9 ms of a one-draft check)."""
    bags = [Counter(t) for t in texts]
    return [(x, y) for x in range(1, len(texts)) for y in range(lows[x], x)
            if 200 * sum((bags[x] & bags[y]).values()) >= cutoff * (len(texts[x]) + len(texts[y])) - 200]


_BAG_BUCKETS = 64  # a power of two
_BAG_BLOCK = 1 << 14  # pairs bounded at a time


def _bag_bound(texts: list[str], lows: list[int], cutoff: float) -> list[tuple[int, int]]:
    """The pairs (x, y), lows[x] <= y < x, whose characters allow fuzz.ratio >= cutoff.

    fuzz.ratio is 200 * LCS / (len(a) + len(b)), and the longest common subsequence uses each
    character at most as often as the text with fewer of it has it: counting characters in
    `_BAG_BUCKETS` hashed buckets (more per bucket than per character) bounds the LCS from
    above, for all pairs in a few numpy operations. On the corpus's paragraphs it leaves 658
    of 555,412 pairs of similar length to compare (bench/bench_kj1.py phases)."""
    import numpy as np

    n = len(texts)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    # bits 13-18 of code * 2654435761: the low 32 bits of the product are all it takes
    bucket = (codes * np.uint32(2654435761) >> np.uint32(13)) & np.uint32(_BAG_BUCKETS - 1)
    owner = np.repeat(np.arange(n, dtype=np.int64), lengths)
    # the narrowest type that holds a text's count in one bucket: the pairs' rows are gathered
    top = int(lengths.max()) if n else 0
    narrow, total = ((np.uint8, np.uint16) if top < 256 else (np.uint16, np.int32) if top < 65536
                     else (np.int64, np.int64))
    counts = np.bincount(owner * _BAG_BUCKETS + bucket.astype(np.int64),
                         minlength=n * _BAG_BUCKETS).astype(narrow).reshape(n, _BAG_BUCKETS)
    low = np.asarray(lows, dtype=np.int64)
    per = np.arange(n, dtype=np.int64) - low  # candidates of each x
    xs = np.repeat(np.arange(n, dtype=np.int64), per)
    ys = np.arange(len(xs), dtype=np.int64) - np.repeat(np.cumsum(per) - per, per) + low[xs]
    # (one unit of slack for rapidfuzz's rounding of the cutoff)
    need = cutoff * (lengths[xs] + lengths[ys]) - 200
    keep = np.empty(len(xs), dtype=bool)
    for a in range(0, len(xs), _BAG_BLOCK):  # in blocks: two gathered rows per pair stay in cache
        b = a + _BAG_BLOCK
        bound = np.minimum(counts[xs[a:b]], counts[ys[a:b]]).sum(axis=1, dtype=total)
        keep[a:b] = 200 * bound.astype(np.int64) >= need[a:b]
    return list(zip(xs[keep].tolist(), ys[keep].tolist()))


# --- repeated stretches of the stream -----------------------------------------------------


def _extend(s: str, i: int, j: int, limit: int, similarity: Callable[[str, str], int]) -> int:
    """Length of the common prefix of s[i:] and s[j:], at most `limit`: `similarity`
    (rapidfuzz's Prefix) measures it in C, on blocks that double while they match (a repeat is
    mostly a dozen characters, a copied body a hundred thousand)."""
    n, step = 0, 64
    while n < limit:
        m = min(step, limit - n)
        same = similarity(s[i + n:i + n + m], s[j + n:j + n + m])
        n += same
        if same < m:
            break
        step = min(step * 2, 4096)
    return n


PY_PREFIX_MAX = 20_000  # characters of a stream whose repeats _common_prefix measures when rapidfuzz is not loaded


def _common_prefix(a: str, b: str) -> int:
    """rapidfuzz's Prefix similarity (the length of the common prefix) by halving: slices compared
    in C, a dozen for a block of 4,096."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def first_sampled(s: str, k: int, step: int) -> tuple[Sequence[int] | Mapping[int, int], Sequence[int], Sequence[int]]:
    """(for every position p of s up to len(s) - k, the first position t that is a multiple of
    `step` and whose k-gram equals p's, len(s) when there is none; the positions p with such a t
    before p, in order; for every p, a position no earlier than the last one of p's k-gram, and
    that last one itself at every multiple of `step`, where the scan reads it).

    This per-position work is most of KJ1's time. numpy hashes the k-grams of long streams, or of
    any once numpy is loaded, into integer memoryviews, no Python int per position made until the
    scan reads it (exact: every repeat it finds is checked; a hash collision falls back to the
    dict). Without numpy, a draft's short stream searches each sampled k-gram with str.find, no
    Python work per position (`_first_sampled_find`, its first positions worked out as they are
    read); the streams between slice every position into a dict (`_first_sampled_dict`)."""
    last = len(s) - k
    if last < 0:
        return [], [], []
    if "numpy" in sys.modules or len(s) >= NUMPY_FROM:
        found = _first_sampled_hashed(s, k, step)
        return found if found is not None else _first_sampled_dict(s, k, step)
    if len(s) < FIND_BELOW:
        return _first_sampled_find(s, k, step)
    return _first_sampled_dict(s, k, step)


# Stream length below which str.find per sampled k-gram beats slicing every position: each find
# scans the rest of the stream, so its cost grows with the square of the length (measured on
# the corpus's streams, ms per stream, find / dict: 0.09 / 0.15 at 1,000 characters, 0.24 /
# 0.31 at 2,000, 0.73 / 0.63 at 4,000).
FIND_BELOW = 3000


def _sampled_kgrams(s: str, k: int, step: int) -> dict[str, int]:
    """Each k-gram at a multiple of `step`, with the first such position it is at."""
    last = len(s) - k
    return {s[t:t + k]: t for t in range(last - last % step, -1, -step)}


def _first_sampled_dict(s: str, k: int, step: int) -> tuple[Sequence[int], Sequence[int], Sequence[int]]:
    """first_sampled by slicing every position. The last positions come from the first ones
    (equal k-grams share theirs), exact for every k-gram with a sampled copy; the k-grams
    without one share the last position of them all."""
    earliest = _sampled_kgrams(s, k, step)
    get, none = earliest.get, len(s)
    first = [get(s[p:p + k], none) for p in range(len(s) - k + 1)]
    last_of = dict(zip(first, range(len(first))))
    return first, [p for p, e in enumerate(first) if e < p], list(map(last_of.__getitem__, first))


class _FirstSampled(dict):
    """first_sampled's first positions of a short stream, each worked out when the scan first
    reads it (it reads the few around each repeat)."""

    def __init__(self, s: str, k: int, earliest: dict[str, int]):
        super().__init__()
        self.s, self.k, self.get_first, self.none = s, k, earliest.get, len(s)

    def __missing__(self, p: int) -> int:
        t = self[p] = self.get_first(self.s[p:p + self.k], self.none)
        return t


def _first_sampled_find(s: str, k: int, step: int) -> tuple[Mapping[int, int], Sequence[int], Sequence[int]]:
    """first_sampled by finding every later copy of each sampled k-gram: a draft repeats few of
    them, so most finds find nothing and no position is sliced. The last positions are exact at
    the sampled positions and the copies found (the last copy found), len(s) elsewhere."""
    earliest = _sampled_kgrams(s, k, step)
    first = _FirstSampled(s, k, earliest)
    hits: list[int] = []
    latest = [len(s)] * (len(s) - k + 1)
    find = s.find
    for g, t in earliest.items():
        p = find(g, t + 1)
        if p < 0:
            latest[t] = t
            continue
        first[t] = t
        copies = len(hits)
        while p >= 0:
            hits.append(p)
            first[p] = t
            p = find(g, p + 1)
        end = hits[-1]
        latest[t] = end
        for p in hits[copies:]:
            latest[p] = end
    hits.sort()
    return first, hits, latest


# Odd 64-bit multipliers of the k-gram hash, one per packed word of a k-gram (collisions are checked).
_HASH_MULTIPLIERS = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                     0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53)


_POSITIONS: dict[Any, Any] = {}  # dtype -> 0, 1, 2, … (numpy), as long as the longest stream so far


def _positions(m: int, dtype: Any) -> Any:
    """numpy.arange(m, dtype=dtype), a read-only view of one array kept for the process."""
    import numpy as np

    have = _POSITIONS.get(dtype)
    if have is None or len(have) < m:
        have = _POSITIONS[dtype] = np.arange(max(m, 2 * len(have) if have is not None else m), dtype=dtype)
        have.flags.writeable = False
    return have[:m]


@lru_cache(maxsize=None)
def _hash_words(k: int, per: int, multipliers: tuple[int, ...]) -> tuple[list[int], list[Any]]:
    """The words (of `per` characters) that cover a k-gram, by offset, and their multipliers."""
    import numpy as np

    return sorted(set(range(0, k - per + 1, per)) | {k - per}), [np.uint64(x) for x in multipliers]


def _first_sampled_hashed(s: str, k: int, step: int) -> tuple[Sequence[int], Sequence[int], Sequence[int]] | None:
    """first_sampled by 64-bit hashes of the k-grams; None on a hash collision (two different
    k-grams with equal high bits: every k-gram of a group is compared with the one before it).

    Few passes over the text, because this runs on every character of every document: a k-gram
    is a few 64-bit words that each hold 4 characters exactly (UTF-16 code units; 2 UTF-32
    characters outside the Basic Multilingual Plane), read from the encoded text at every
    position; and one plain sort of (hash, position) keys groups equal k-grams with their
    positions in order, where sorting positions by hash (argsort) costs twice as much."""
    import numpy as np

    n = len(s)
    m = n - k + 1
    raw = s.encode("utf-16-le", "surrogatepass")
    width = 2
    if len(raw) != 2 * n:
        raw, width = s.encode("utf-32-le", "surrogatepass"), 4
    per = 8 // width
    # words[p]: characters p .. p+per-1 (zeros past the end), exactly
    words = np.ndarray((n,), dtype="<u8", buffer=raw + bytes(8), strides=(width,)).copy()
    offsets, mult = _hash_words(k, per, _HASH_MULTIPLIERS)
    # (the arrays as long as the text are few, and reused in place: each new one is pages the
    # kernel maps and zeroes, 62,000 page faults over ../shared/corpus; products of arrays wrap
    # around without a warning, no np.errstate needed: it cost a short stream a tenth of its time)
    h = np.multiply(words[:m], mult[0])
    spare = np.empty_like(h)
    for j, o in enumerate(offsets[1:], 1):
        h += np.multiply(words[o:o + m], mult[j % len(mult)], out=spare)
    pbits = max(m - 1, 1).bit_length()
    low = np.uint64((1 << pbits) - 1)
    # Only a position whose hash falls in the bucket of a sampled position's hash can share a
    # sampled k-gram, and only those are sorted: a table of four to eight buckets per sampled
    # position (the hash's top bits) picks them, a copied body's half and a few per cent of the
    # rest. The groups of equal k-grams that hold a sampled position are all there; a group
    # without one keeps no first copy (len(s)), and the scan never reads its last positions.
    tb = max(pbits + 3 - step.bit_length(), 6)
    bucket = (h >> np.uint64(64 - tb)).astype(np.intp)
    table = np.zeros(1 << tb, dtype=bool)
    table[bucket[::step]] = True
    picked = np.flatnonzero(table[bucket])
    del bucket, table
    # keys: the hash's high bits, the position in the low ones; sorted, a run of equal high bits
    # is a group of (probably) equal k-grams, its positions ascending
    key = h[picked]
    key &= ~low
    key |= picked.view(np.uint64)
    key.sort()
    mk = len(key)
    same_next = np.bitwise_xor(key[1:], key[:-1], out=spare[:mk - 1]) <= low
    del spare, picked
    multi = np.zeros(mk, dtype=bool)  # in a group of two or more
    multi[1:] = same_next
    multi[:-1] |= same_next
    at = np.flatnonzero(multi)
    del multi
    # positions in 32 bits where they fit: half the bytes to gather and scatter
    dt, code = (np.int32, "i") if n < 1 << 31 else (np.int64, "q")
    grouped = (key[at] & low).astype(dt)
    del key, h
    positions = _positions(m, dt)
    first = np.full(m, n, dtype=dt)
    first[::step] = positions[::step]
    # the last positions: exact at the sampled ones (and in the groups that hold one), an upper
    # bound elsewhere, as the dict's
    latest = np.full(m, m - 1, dtype=dt)
    latest[::step] = positions[::step]
    if len(grouped):
        new = np.empty(len(grouped), dtype=bool)
        new[0] = True
        np.logical_not(same_next[at[1:] - 1], out=new[1:])
        for o in offsets:  # every k-gram of a group equal to the one before it, word by word
            w = words[grouped + o]
            if not (new[1:] | (w[1:] == w[:-1])).all():
                return None  # equal high bits of different k-grams: rare, and the dict is exact
        starts = np.flatnonzero(new)
        counts = np.empty_like(starts)
        np.subtract(starts[1:], starts[:-1], out=counts[:-1])
        counts[-1] = len(grouped) - starts[-1]
        first[grouped] = np.repeat(np.minimum.reduceat(first[grouped], starts), counts)
        latest[grouped] = np.repeat(grouped[starts + counts - 1], counts)
    earlier = np.flatnonzero(first < positions).astype(dt)
    return memoryview(first).cast("B").cast(code), memoryview(earlier).cast("B").cast(code), \
        memoryview(latest).cast("B").cast(code)


class _Remembered:
    """The sampled positions inside the repeats found so far whose k-gram occurs again after the
    repeat: after the first copy of each k-gram, the candidates a later look-up compares first
    (in the order of the text, `max_candidates` at most).

    Kept as the repeats' ranges, and read only for the k-grams that are looked up: a copy of a
    whole body holds hundreds of thousands of such positions and few look-ups follow (on the
    corpus, 874,444 positions and 24,438 look-ups), so a list per k-gram for each cost more than
    the rest of the scan. A position before the one looked up cannot enter a range later (the
    scan only moves forward), so each k-gram's positions are read once, through a cursor."""

    def __init__(self, earliest: Sequence[int], latest: Sequence[int], last: int, step: int):
        self.earliest, self.latest, self.last, self.step = earliest, latest, last, step
        self.lo: list[int] = []  # the ranges, in the order of the text
        self.hi: list[int] = []
        self.end: list[int] = []  # where the repeat ended: a position's k-gram must occur from there
        # sampled positions whose k-gram occurs later, by (first copy, position)
        self.order: Sequence[int] | None = None
        self.keys: Sequence[int] = []  # their first sampled copy
        self.cursor: dict[int, int] = {}

    def add(self, lo: int, hi: int, end: int) -> None:
        if lo < hi:
            self.lo.append(lo)
            self.hi.append(hi)
            self.end.append(end)

    def fill(self, cands: list[int], key: int, i: int, limit: int) -> None:
        """Add to `cands` (key's list) the positions of key's k-gram before i that a range holds."""
        if not self.lo:
            return
        if self.order is None:
            self._index()
        order, keys, lo, hi, end, latest = self.order, self.keys, self.lo, self.hi, self.end, self.latest
        c = self.cursor.get(key)
        if c is None:
            c = bisect_left(keys, key)
        while c < len(order) and keys[c] == key and order[c] < i:
            t = order[c]
            c += 1
            r = bisect_right(lo, t) - 1
            if t != key and r >= 0 and t < hi[r] and latest[t] >= end[r]:
                cands.append(t)
                if len(cands) >= limit:
                    break
        self.cursor[key] = c

    def _index(self) -> None:
        earliest, latest, last, step = self.earliest, self.latest, self.last, self.step
        if "numpy" in sys.modules:
            import numpy as np

            sampled = np.arange(0, last + 1, step)
            sampled = sampled[np.asarray(latest)[::step] > sampled]
            firsts = np.asarray(earliest)[sampled]
            by_first = np.argsort(firsts, kind="stable")
            self.order, self.keys = memoryview(sampled[by_first]), memoryview(firsts[by_first])
        else:
            self.order = sorted((t for t in range(0, last + 1, step) if latest[t] > t), key=earliest.__getitem__)
            self.keys = [earliest[t] for t in self.order]


def repeated_stretches(s: str, k: int, max_candidates: int = 8, step: int = 4) -> list[tuple[int, int, int]]:
    """(later start, earlier start, length) of maximal exact repeats of at least k + step - 1
    characters, later copies not overlapping their earlier copy.

    k-gram hashing and extension: the k-gram at every `step`-th position is remembered (a list
    per k-gram, `max_candidates` long at most; positions inside a repeat are kept as its range
    until their k-gram is looked up, see _Remembered); every position looks its k-gram up, a hit
    is extended forward and backward and the scan jumps past it, so the work is linear in the
    length of the text."""
    n = len(s)
    last = n - k
    # The positions whose k-gram occurs at an earlier sampled position, found in one pass: the
    # scan below finds candidates exactly there (outside the diagonal follow-up of a repeat),
    # so it jumps from one to the next. A sampled position it jumps over holds the first copy
    # of its k-gram: it enters the dict when a later position looks that k-gram up.
    earliest, hits, latest = first_sampled(s, k, step)
    if not hits:
        return []
    if "rapidfuzz" in sys.modules or n > PY_PREFIX_MAX:
        from rapidfuzz.distance.Prefix import similarity as prefix
    else:
        prefix = _common_prefix  # a short text's repeats: not worth rapidfuzz's import (9 ms)
    i = hits[0]
    # Remembered positions per k-gram, keyed by the k-gram's first sampled position (its
    # `earliest`): no slicing and hashing of k-grams in the loop. A position before the first
    # sampled copy of its k-gram finds nothing remembered, as with the k-grams themselves.
    occ: dict[int, list[int]] = {}
    remembered = _Remembered(earliest, latest, last, step)
    out: list[tuple[int, int, int]] = []
    prev_end = 0
    delta = 0  # later start - earlier start of the last repeat
    copy_start = 0  # where the later copy that the last repeat belongs to started
    diag_until = -1  # up to here, positions try the last repeat's diagonal first
    while i <= last:
        best_j, best_len, diagonal = -1, 0, False
        if i <= diag_until and copy_start - (i - delta) >= k:
            # Just after a repeat that an edit interrupted: the same diagonal first, so that the
            # copy continues as one chain, but never into the later copy itself (a third copy
            # must match the first one, not the second).
            jd = i - delta
            # equal k-grams have the same first sampled copy: a cheap test that rules out most
            # positions after a repeat before comparing any characters
            if earliest[i] == earliest[jd]:
                length = _extend(s, i, jd, min(n - i, copy_start - jd), prefix)
                if length >= k:
                    best_j, best_len, diagonal = jd, length, True
        if not diagonal:
            key = earliest[i]
            if key >= i:
                # No earlier copy of this k-gram (a position of the diagonal follow-up): the
                # next position that is a hit or may continue the diagonal. (The first sampled
                # copy of a k-gram needs no entry: a later look-up creates it.)
                i += 1
                h = bisect_left(hits, i)
                nxt = hits[h] if h < len(hits) else last + 1
                if i <= diag_until:
                    stop = min(nxt, diag_until + 1, copy_start + delta - k + 1)
                    while i < stop and (s[i] != s[i - delta] or earliest[i] != earliest[i - delta]):
                        i += 1
                    if i < stop:
                        continue
                i = nxt
                continue
            cands = occ.get(key)
            if cands is None:
                cands = occ[key] = [key]
            if len(cands) < max_candidates:
                remembered.fill(cands, key, i, max_candidates)
            for j in cands:
                if j >= i:
                    break
                length = _extend(s, i, j, min(n - i, i - j), prefix)
                if length > best_len:
                    best_j, best_len = j, length
            if i % step == 0 and len(cands) < max_candidates:
                cands.append(i)
            if best_len < k:
                i += 1
                continue
        back = 0  # the copy may have started up to step-1 characters earlier
        while (i - back > prev_end and best_j - back > 0 and s[i - back - 1] == s[best_j - back - 1]
               and best_j + best_len <= i - back - 1):
            back += 1
        start, j0, length = i - back, best_j - back, best_len + back
        out.append((start, j0, length))
        if not diagonal:
            copy_start = start
        delta = start - j0
        first = i if diagonal else i + 1
        lo, hi = first + (-first) % step, min(start + length, last + 1)
        i = prev_end = start + length
        remembered.add(lo, hi, prev_end)
        diag_until = i + 2 * k
    return out


def chain_stretches(stretches: list[tuple[int, int, int]], max_gap: int) -> list[Chain]:
    """Join exact repeats that continue each other across small edits (same diagonal ± gap)."""
    chains: list[Chain] = []
    for i, j, length in stretches:
        joined = False
        for c in reversed(chains[-4:]):
            gi, gj = i - c.i1, j - c.j1
            if 0 <= gi <= max_gap and -2 <= gj <= max_gap and abs(gi - gj) <= max_gap:
                c.i1, c.j1 = i + length, max(c.j1, j + length)
                c.pieces += 1
                joined = True
                break
        if not joined:
            chains.append(Chain(i, i + length, j, j + length))
    return chains


def widen_chain(s: str, c: Chain, lower: int, hops: int = 4) -> None:
    """Extend a chain past single-character substitutions near its ends, which k-gram seeds
    cannot reach (an edit in the first or last k characters of a copy)."""
    for _ in range(hops):  # backward
        t = 0
        while c.i0 - t - 1 >= lower and c.j0 - t - 1 >= 0 and s[c.i0 - t - 1] == s[c.j0 - t - 1]:
            t += 1
        if t:
            c.i0, c.j0 = c.i0 - t, c.j0 - t
            continue
        t = 0
        while c.i0 - t - 2 >= lower and c.j0 - t - 2 >= 0 and s[c.i0 - t - 2] == s[c.j0 - t - 2]:
            t += 1
        if t < 2:
            break
        c.i0, c.j0 = c.i0 - t - 1, c.j0 - t - 1
    n = len(s)
    for _ in range(hops):  # forward, the earlier copy staying before the later one
        t = 0
        while c.i1 + t < n and c.j1 + t < c.i0 and s[c.i1 + t] == s[c.j1 + t]:
            t += 1
        if t:
            c.i1, c.j1 = c.i1 + t, c.j1 + t
            continue
        t = 0
        while c.i1 + t + 1 < n and c.j1 + t + 1 < c.i0 and s[c.i1 + t + 1] == s[c.j1 + t + 1]:
            t += 1
        if t < 2:
            break
        c.i1, c.j1 = c.i1 + t + 1, c.j1 + t + 1


def _units_inside(units: list[Unit], unit_starts: list[int], i0: int, i1: int) -> list[Unit]:
    """Units whose normalized text lies (almost) wholly inside stream range [i0, i1)."""
    lo = max(0, bisect_right(unit_starts, i0) - 1)
    hi = bisect_left(unit_starts, i1)
    out = []
    for u in units[lo:hi]:
        size = u.s1 - u.s0
        if size and min(u.s1, i1) - max(u.s0, i0) >= 0.9 * size:
            out.append(u)
    return out


def _mostly_in(units: list[Unit], i0: int, i1: int) -> list[Unit]:
    """The units of which stream range [i0, i1) holds at least half."""
    return [u for u in units if 2 * (min(u.s1, i1) - max(u.s0, i0)) >= u.s1 - u.s0]


def _units_overlapping(units: list[Unit], unit_starts: list[int], i0: int, i1: int) -> list[Unit]:
    lo = max(0, bisect_right(unit_starts, i0) - 1)
    hi = bisect_left(unit_starts, i1)
    return [u for u in units[lo:hi] if min(u.s1, i1) > max(u.s0, i0)]


def percent(score: float) -> int:
    """Similarity for messages: a copy that is not identical never shows as 100%."""
    return 100 if score >= 100 else min(99, round(score))


# --- the analysis -------------------------------------------------------------------------


def _line_fix(doc: Document, start: int, end: int) -> Fix:
    """Delete whole lines [line of start, line of end], with the line ending, and the blank
    lines after them when the copy was preceded by a blank line (keeps the spacing)."""
    starts = doc.line_starts
    first = doc.line_index(start)
    last = doc.line_index(max(start, end - 1))
    stop_line = last + 1
    prev_blank = first == 0 or not doc.lines[first - 1].text.strip(BLANK_CHARS)
    if prev_blank:
        while stop_line < len(starts) and not doc.lines[stop_line].text.strip(BLANK_CHARS):
            stop_line += 1
    stop = doc.line_stop(stop_line - 1)
    begin = starts[first]
    if stop == len(doc.text) and stop_line >= len(starts) and begin > 0 and not doc.text.endswith("\n"):
        begin -= 1  # last line without a line ending: take the previous line's ending instead
        if begin > 0 and doc.text[begin - 1] == "\r":
            begin -= 1
    return Fix("", begin, stop, safe=True)


def _related(doc: Document, offset: int, end: int, what: str) -> Related:
    line, col = doc.position(offset)
    return Related(doc.path, line, col, what, offset, end)


def analyse(doc: Document, ctx: Context) -> Analysis:
    if "kj1" in ctx.memo:
        return ctx.memo["kj1"]
    p_dup = params_for(ctx, "duplicate-paragraph")
    p_near = params_for(ctx, "near-duplicate-paragraph")
    p_pass = params_for(ctx, "repeated-passage")
    p_block = params_for(ctx, "repeated-block")
    result = Analysis({"duplicate-paragraph": [], "near-duplicate-paragraph": [],
                       "repeated-passage": [], "repeated-block": []})
    ctx.memo["kj1"] = result
    units = build_units(doc, ctx)
    if len(units) < 1:
        return result
    table_size: dict[str, int] = {}
    for u in units:
        if u.table:
            table_size[u.table] = table_size.get(u.table, 0) + 1
    legal = units[-1].article >= 2 and (
        sum(1 for u in units if LEGAL_ARTICLE.match(u.span.text)) >= 2
        or (doc.source_format == "docx" and WORD_RULES_TITLE.search(units[0].span.text) is not None)
        or legal_head(doc))
    item_max = int(p_block["legal-item-max-length"])

    excerpt_lines: set[int] | None = None

    def site_excerpt(earlier: list[Unit]) -> bool:
        """A page's excerpt of its text above the text (摘要:… quoting its opening, an editor's
        blurb quoting a sentence): the copy is the text's, the excerpt the site's (KJ601's)."""
        nonlocal excerpt_lines
        if doc.source_format == "docx" or not earlier:
            return False
        if excerpt_lines is None:
            from ..ruletypes import rule_hits

            furniture = ctx.catalog.rules.get("KJ601")
            excerpt_lines = set()
            if furniture is not None and furniture.run is not None and furniture.enabled:
                excerpt_lines = {doc.line_index(h.offset) for h in rule_hits(furniture, doc, ctx)}
        return all(_SITE_EXCERPT.match(u.span.text) or doc.line_index(u.span.start) in excerpt_lines
                   for u in earlier)

    title_lines: set[int] | None = None

    def in_title(earlier: list[Unit]) -> bool:
        """Whether the earlier copy lies in the document's title: its first paragraph, one line
        without a full stop, or a whole line KJ607 reports as its copy. A text names what its title names
        (…关于检察机关贯彻执行《…规定》的实施办法 / 为认真贯彻执行《…规定》…): no passage pasted twice."""
        nonlocal title_lines
        if title_lines is None:
            from .layout import flagged_lines

            title_lines = set(flagged_lines(doc, ctx, ("KJ607",)))  # whole lines only: no preview the title opens
            first = units[0].span
            if "。" not in first.text and doc.line_index(first.start) == doc.line_index(max(first.start, first.end - 1)):
                title_lines.add(doc.line_index(first.start))
        return bool(earlier) and all(doc.line_index(u.span.start) in title_lines for u in earlier)

    def cut_summary(later: list[Unit], earlier: list[Unit]) -> bool:
        """A page's summary of its text cut at a length, its ellipsis after the cut (各省气象局,…:
        为进一步提高人...), above the text it quotes from the start: the text is the document's."""
        if word or len(earlier) != 1:
            return False
        m = _CUT_SUMMARY_END.search(earlier[0].span.text)
        if m is None:
            return False
        quoted = _BLANK_RUN.sub("", earlier[0].span.text[:m.start()])
        start = later[0].span.start
        return len(quoted) >= 10 and _BLANK_RUN.sub("", doc.text[start:start + 3 * len(quoted)]).startswith(quoted)

    word = doc.source_format == "docx"
    table_lines: frozenset[int] | None = None

    def in_page_table(later: list[Unit], earlier: list[Unit]) -> bool:
        """Both copies are lines of tables a page gave as text (a row of cells parted by `|`): a note
        under each table (注：绝对数按现行价计算… | |||, its other cells empty), a header row over each, repeated by the tables'
        layout as a Word table's cells are (_layout_repeat), no paragraph pasted twice."""
        nonlocal table_lines
        if word:
            return False
        if table_lines is None:
            from .layout import flat_table_lines

            table_lines = flat_table_lines(doc, ctx)
        return bool(table_lines) and all(doc.line_index(u.span.start) in table_lines
                                         or _EMPTY_CELLS_END.search(doc.lines[doc.line_index(u.span.start)].text)
                                         for u in later + earlier)

    def designed(later: list[Unit], earlier: list[Unit]) -> bool:
        return (site_excerpt(earlier) or cut_summary(later, earlier) or _layout_repeat(later, earlier, table_size)
                or in_page_table(later, earlier)
                or any(u.abstract for u in later) != any(u.abstract for u in earlier)  # an abstract sums up the text
                or _enumerated_in_articles(later, earlier, legal, item_max)
                or (word and template_sections(later, earlier))
                or (word and _in_numbered_parts(doc, later[0].span.start, earlier[0].span.start))
                or (word and in_parallel_write_ups(later, earlier))
                or _about_two_names(units, later, earlier) or _value_lists(units, later, earlier))

    def in_parallel_write_ups(later: list[Unit], earlier: list[Unit]) -> bool:  # (Word)
        from ..wordplace import in_parallel_write_ups as parallel_write_ups
        # paragraph by paragraph; a copy's first paragraph may be a part's heading it only ends in
        # (…设计说明 / 1.1题目 after …设计说明 / 2.1题目)
        pairs = list(zip(later, earlier))
        return all(parallel_write_ups(doc, a.span.start, b.span.start) for a, b in (pairs[1:] or pairs))

    def template_sections(later: list[Unit], earlier: list[Unit]) -> bool:  # (Word)
        from ..wordplace import parallel_sections
        return parallel_sections(doc, [u.span.start for u in later], [u.span.start for u in earlier])

    def restated(later: list[Unit], earlier: list[Unit]) -> bool:  # an item restated elsewhere (Word)
        if not word:
            return False
        from ..wordplace import restated_item  # Word files only: plain-text runs never import it
        return restated_item(doc, [u.span.start for u in later], [u.span.start for u in earlier])

    fields: dict[str, int] = {}  # label -> paragraphs `label：…`, counted when first needed

    def parallel(a: Unit, b: Unit) -> bool:
        if not fields:
            fields[""] = 0
            for u in units:
                f = _field(u) if "：" in u.span.text or ":" in u.span.text else None
                if f:
                    fields[f[0]] = fields.get(f[0], 0) + 1
        return _parallel(a, b, fields)

    def record(u: Unit) -> bool:
        parallel(u, u)  # counts the fields
        return _record_field(u, fields)

    exact = [x for x in exact_pairs(units, p_dup) if not record(units[x.later])
             and not restated([units[x.later]], [units[x.earlier]])]
    if word and exact:
        # a short note the writer puts at each place it applies (该关卡任务已完成，实施情况本报告略过。
        # under every task a lab report skips): a refrain of the document, not a paragraph pasted twice
        refrain_max, refrain_count = int(p_dup["word-refrain-max-length"]), int(p_dup["word-refrain-count"])
        # ...and a lead-in to each part's listing, up to twice as long (对实体类属性进行封装（VS 2019可以
        # Ctrl+R、Ctrl+E快捷封装）如下： above each class's code): it ends with a colon, what it
        # introduces differs
        count = Counter(u.norm for u in units if len(u.norm) <= refrain_max or (
            len(u.norm) <= 2 * refrain_max and u.span.text.rstrip(BLANK_CHARS).endswith(("：", ":"))))
        exact = [x for x in exact if count.get(units[x.later].norm, 0) < refrain_count]
    # A Word file's writer restates points on purpose, in other words: only a (nearly) verbatim copy is a slip.
    near_floor = float(p_near["word-threshold"] if word else p_near["threshold"]) * 100
    near = [x for x in near_pairs(units, {x.later for x in exact}, p_near, p_dup)
            if x.score >= near_floor and not designed([units[x.later]], [units[x.earlier]]) and not parallel(units[x.later], units[x.earlier])
            and not _drafted_in_articles(legal, [units[x.later]], [units[x.earlier]])
            and not restated([units[x.later]], [units[x.earlier]])]
    # The exact copies' other tests are made when the copy is asked about (a repeated passage's
    # paragraphs) or reported: a body copied whole pairs thousands of paragraphs, and its block
    # covers them all (the tests cost KJ1 a fifth of its time on the copied bodies of ../shared/corpus).
    exact_at = {x.later: x for x in exact}  # (a paragraph is the later copy of one pair at most)
    near_later = {x.later for x in near}
    kept: dict[int, bool] = {}

    def exact_kept(x: Pair) -> bool:
        ok = kept.get(x.later)
        if ok is None:
            ok = kept[x.later] = not (
                designed([units[x.later]], [units[x.earlier]])
                or (units[x.later].article != units[x.earlier].article
                    and _drafted_in_articles(legal, [units[x.later]], [units[x.earlier]]))
                or _template_entries(units, x.later, x.earlier)
                or (_LIST_ITEM.match(units[x.later].span.text) is not None
                    and (_under_two_lead_ins(units, x.later, x.earlier) if not legal
                         else _in_two_lists(units, [units[x.later]], [units[x.earlier]]))))
        return ok

    def paired(i: int) -> bool:
        """Is paragraph i reported as a (near) repeat of an earlier one, unless a stretch covers it?"""
        x = exact_at.get(i)
        return i in near_later if x is None else exact_kept(x)

    st = Stream(units, p_pass.get("formulaic") or [])
    stream = st.text
    offs = st.offset
    n = len(stream)
    unit_starts = [u.s0 for u in units]
    covered_by_stretch: set[int] = set()

    k = max(4, int(p_pass["seed-length"]))
    chains = chain_stretches(repeated_stretches(stream, k), int(p_pass["max-gap"]))
    lower = 0
    for c in chains:
        widen_chain(stream, c, lower)
        lower = c.i1
    min_passage = int(p_pass["min-length"])
    min_word_passage = int(p_pass["word-min-length"]) if word else min_passage  # a sentence or two restated on purpose
    min_block = int(p_block["min-paragraphs"])
    body_fraction = float(p_block["body-fraction"])
    passage_cutoff = float(p_pass["threshold"]) * 100
    block_cutoff = float(p_block["threshold"]) * 100
    min_distinct = int(p_pass["min-distinct"])
    heading_max = int(p_dup["heading-max-length"])
    for c in chains:
        length = c.i1 - c.i0
        if length < min(min_passage, k * 2):
            continue
        inside = _units_inside(units, unit_starts, c.i0, c.i1)
        inside_earlier = _units_inside(units, unit_starts, c.j0, c.j1)
        covered = sum(min(u.s1, c.i1) - max(u.s0, c.i0) for u in inside)
        aligned = length - covered <= max(4, 0.1 * length)
        is_body = length >= body_fraction * n and length >= 4 * min_passage
        if min(len(inside), len(inside_earlier)) >= min_block or (is_body and len(inside) != 1):
            kind = "repeated-block"
        elif inside and aligned and (len(inside) == len(inside_earlier) <= 2
                                     or all(paired(u.index) for u in inside)):
            continue  # one or two whole paragraphs: the paragraph rules judge them
        elif length >= min_word_passage:
            kind = "repeated-passage"
            touched = _units_overlapping(units, unit_starts, c.i0, c.i1)
            if touched and all(paired(u.index) for u in touched):
                continue  # inside paragraphs that are already reported as (near) repeats
        else:
            continue
        later = stream[c.i0:c.i1]
        earlier = stream[c.j0:c.j1]
        if not _distinct_at_least(later, min_distinct):
            continue  # "<U+00A0><U+00A0>…", rows of dashes or figures: no content repeated
        later_units = _units_overlapping(units, unit_starts, c.i0, c.i1)
        earlier_units = _units_overlapping(units, unit_starts, c.j0, c.j1)
        if designed(later_units, earlier_units) or (kind == "repeated-passage" and (
                restated(later_units, earlier_units) or in_title(earlier_units))):
            continue
        if not legal:  # (a law's lists: below, with its articles)
            later_item = next((u.index for u in later_units if _LIST_ITEM.match(u.span.text)), None)
            earlier_item = next((u.index for u in earlier_units if _LIST_ITEM.match(u.span.text)), None)
            if later_item is not None and earlier_item is not None \
                    and _under_two_lead_ins(units, later_item, earlier_item):
                continue
        starting = [u for u in later_units if c.i0 <= u.s0 < c.i1]
        if _drafted_in_articles(legal, starting, [u for u in earlier_units if c.j0 <= u.s0 < c.j1]) and (
                kind == "repeated-passage" or any(ARTICLE_START.match(u.span.text) for u in starting)
                or not ({u.article for u in later_units} & {u.article for u in earlier_units})
                or _in_two_lists(units, later_units, earlier_units)):
            # a law's formula; parallel provisions (other article numbers); the same conditions
            # under two articles or in two lists of one article
            continue
        # a copy mostly of the fields of a record (测试用例ID：… 前提条件：… 测试步骤： under each test
        # case): its few other lines (the steps 1. 打开小程序。) fill the template, like its labels
        records = 2 * sum(map(record, later_units)) >= len(later_units)
        content = sum(min(u.s1, c.i1) - max(u.s0, c.i0) for u in later_units
                      if not (is_code(u) or _label(u, heading_max) or _guidance(u) or (records and record(u))))
        if content < min(min_passage, length):
            continue  # labels, captions, table headers and code around little text: a template
        opening = [*_mostly_in(later_units, c.i0, c.i1), *_mostly_in(earlier_units, c.j0, c.j1)]
        if opening and all(record(u) or _label(u, heading_max) for u in opening):
            continue  # the fields that open each record again (时间：… / 参会人员：… / 主要内容：)
        if kind == "repeated-passage" and (
                all(u.bib for u in later_units + earlier_units)
                or _differs_in_names("".join(u.span.text.strip(BLANK_CHARS) for u in later_units if not _label(u, heading_max)),
                                     "".join(u.span.text.strip(BLANK_CHARS) for u in earlier_units if not _label(u, heading_max)))
                or any(parallel(a, b) for a, b in zip(_mostly_in(later_units, c.i0, c.i1),
                                                       _mostly_in(earlier_units, c.j0, c.j1)))):
            continue  # a journal's name in each reference; a caption for each figure; records
        exact_copy = later == earlier
        cutoff = block_cutoff if kind == "repeated-block" else passage_cutoff
        # (below the cutoff rapidfuzz stops early and returns 0; at or above it, the score)
        if not exact_copy:
            from rapidfuzz import fuzz  # imported where a draft needs it (_similar_pairs)
        score = 100.0 if exact_copy else fuzz.ratio(later, earlier, score_cutoff=cutoff)
        if score < cutoff:
            continue
        covered_by_stretch.update(u.index for u in inside)
        if kind == "repeated-block" and inside and aligned:
            start, end = inside[0].span.start, inside[-1].span.end
            shift = inside[0].s0 - c.i0
        else:
            start, end = offs(c.i0), offs(c.i1 - 1) + 1
            shift = 0
        first_at = offs(min(c.j0 + max(0, shift), c.j1 - 1))
        first_line = doc.position(first_at)[0]
        related = [_related(doc, first_at, offs(c.j1 - 1) + 1, _("first copy"))]
        # the key of the reporting rule's message: what was repeated, and whether exactly
        similar = "" if exact_copy else "-similar"
        fields = {"first_line": first_line, "paragraphs": len(inside), "length": length,
                  "similarity": percent(score)}
        if kind == "repeated-block":
            # body: the body as whole paragraphs; body-text: the body, not lined up with paragraphs
            key = ("body" if is_body and inside else "body-text" if is_body else "block" if inside
                   else "passage") + similar
            fix = None
            if exact_copy and aligned and inside and all(
                    stream[u.s0:u.s1] == stream[u.s0 - c.i0 + c.j0:u.s1 - c.i0 + c.j0] for u in inside):
                fix = _line_fix(doc, start, end)
            result.hits[kind].append(Hit(start, end, fields, fix, related, key=key))
        else:
            del fields["paragraphs"]
            result.hits[kind].append(Hit(start, end, fields, None, related, key="passage" + similar))

    # Paragraph pairs not already inside a reported passage or block. Only exact copies get the
    # delete fix: near-duplicates are reported, never auto-deleted.
    for kind, pairs in (("duplicate-paragraph", exact), ("near-duplicate-paragraph", near)):
        for pair in pairs:
            if pair.later in covered_by_stretch or (kind == "duplicate-paragraph" and not exact_kept(pair)):
                continue
            u, q = units[pair.later], units[pair.earlier]
            exact_copy = kind == "duplicate-paragraph"
            what = _("first copy") if exact_copy else \
                _("similar paragraph, {similarity}% similar").format(similarity=percent(pair.score))
            result.hits[kind].append(Hit(
                u.span.start, u.span.end,
                {"first_line": doc.position(q.span.start)[0], "similarity": percent(pair.score)},
                _line_fix(doc, u.span.start, u.span.end) if exact_copy else None,
                [_related(doc, q.span.start, q.span.end, what)]))
    return result


# KJ101–KJ104 share one analysis per document (memoized in ctx); each rule reads its own part.
for _name in ("duplicate-paragraph", "near-duplicate-paragraph", "repeated-passage", "repeated-block"):
    check(_name)(lambda doc, ctx, rule, _name=_name: analyse(doc, ctx).hits[_name])


# --- reference documents ------------------------------------------------------------------

_INDEXES: dict[tuple, Any] = {}  # one index per reference set per process (many drafts, one index)


def _reference_index(doc: Document, ctx: Context, rule, min_length: int):
    """The index for the configured references; a rule's own examples use `example-reference`.
    kjlint.reference (and MinHash) is imported only when there are references: most checks have none."""
    paths = ctx.options.get("reference") or []
    if isinstance(paths, str):
        paths = [paths]
    if paths:
        # Linting many drafts in one process reuses the index; the reference files are
        # checked again (open_index stats them) once a second at most.
        import os
        import time

        from ..reference import IndexParams, open_index

        key = (tuple(map(os.path.abspath, paths)), min_length)  # relative paths move with the cwd
        cached = _INDEXES.get(key)
        now = time.monotonic()
        if cached is None or now - cached[1] > 1.0:
            cached = _INDEXES[key] = (open_index(list(paths), IndexParams(min_length)), now)
        return cached[0]
    texts = ctx.options.get("reference-texts")  # library use: {name: text}
    if not texts and rule is not None and doc.path.startswith(f"<{rule.code} "):
        texts = rule.params.get("example-reference")  # the pack verifies examples without a CLI
    if texts:
        from ..reference import IndexParams, index_from_texts

        return index_from_texts(dict(texts), IndexParams(min_length))
    return None


@dataclass
class ReferenceResult:
    units: list  # reference.MatchUnit of the draft
    paragraphs: int  # paragraphs in the draft
    matches: list[list]  # per unit: list of reference.Match, best first


def reference_matches(doc: Document, ctx: Context, rule) -> ReferenceResult | None:
    if "kj1-ref" in ctx.memo:
        return ctx.memo["kj1-ref"]
    import os

    p = params_for(ctx, "reference-match", rule if rule is not None and rule.params.get("check") == "reference-match" else None)
    min_length = int(p["min-length"])
    index = _reference_index(doc, ctx, rule, min_length)
    result = None
    if index is not None and len(index):
        from ..reference import matching_units, query

        units = matching_units(doc, min_length)
        found = query(index, [u.text for u in units], float(p["threshold"]) * 100,
                      exclude_path=os.path.abspath(doc.path) if not doc.path.startswith("<") else None)
        result = ReferenceResult(units, len(doc.paragraphs), found)
    ctx.memo["kj1-ref"] = result
    return result


def _display(path: str) -> str:
    import os

    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


@check("reference-match")
def reference_match(doc: Document, ctx: Context, rule) -> list[Hit]:
    res = reference_matches(doc, ctx, rule)
    if res is None:
        return []
    hits = []
    for u, matches in zip(res.units, res.matches):
        if not matches:
            continue
        m = matches[0]
        similar = percent(m.score)
        related = (_("reference paragraph, {similarity}% similar") if u.whole else
                   _("reference passage, {similarity}% similar")).format(similarity=similar)
        hits.append(Hit(u.start, u.end, {"reference": m.doc, "line": m.line, "similarity": similar},
                        None, [Related(_display(m.doc_path), m.line, 1, related)],
                        key="paragraph" if u.whole else "passage"))
    return hits


@check("carried-over-summary")
def carried_over_summary(doc: Document, ctx: Context, rule) -> list[Hit]:
    example = rule is not None and doc.path.startswith(f"<{rule.code} ")
    if not (ctx.options.get("report-unchanged") or example):
        return []
    res = reference_matches(doc, ctx, rule)
    if res is None or not res.units:
        return []
    # Share of the draft's text in matching form (all paragraphs, short ones included).
    total = sum(len(fast_normalize(p.text)) for p in doc.paragraphs) or 1
    per_doc: dict[str, list] = {}
    for u, matches in zip(res.units, res.matches):
        for m in matches:
            entry = per_doc.setdefault(m.doc, [0, set(), m.doc_path])
            entry[0] += len(u.text)
            entry[1].add(u.paragraph)
    if not per_doc:
        return []
    name, (chars, paras, path) = max(per_doc.items(), key=lambda kv: (kv[1][0], kv[0]))
    paras = len(paras)
    share = 100 * chars / total
    first = doc.paragraphs[0]
    return [Hit(first.start, first.end, {"share": f"{share:.0f}", "reference": name, "paragraphs": paras,
                                         "total": res.paragraphs},
                None, [Related(_display(path), 1, 1, _("closest reference document"))])]
