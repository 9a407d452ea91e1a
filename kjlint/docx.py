"""Word (.docx) input: the text of a draft as Word shows it, one paragraph per line.

The package is opened with zipfile and lxml; the text itself is collected from the XML so that what Word
displays is what gets linted: tracked deletions, field codes and fallback copies of drawings are
left out, and numbering that Word generates from its list definitions (numbering.xml: "一、",
"（一）", "1." …) is rendered in front of the paragraph it belongs to, since rules on heading
numbering must see it although it is not in the paragraph's characters. Characters of the Symbol
and Wingdings fonts (list bullets, `w:sym`) are rendered as the Unicode characters Word shows
(kjlint.symbolfonts), and equations (OMML `m:oMath`) keep their text in the sentence.

Layout of the extracted text (`Document.text`): body paragraphs and table cells in document
order (each table cell paragraph on its own line; text boxes after the paragraph holding them),
then headers and footers, footnotes, endnotes and comments. A soft line break (w:br) reads as a
space, except around a line that opens with a heading or list number, which is a line of its own
as Word shows it (`_numbered_line_ends`; the break is the line end, one character for one). Every line gets a source in
`Document.line_sources` ("paragraph 12", "table 1, row 2, cell 3", "header (section 1)",
"footnote 2"), which findings carry as `Finding.where`, and a part in `Document.parts` when it is
not body text: "header", "footer", "footnote", "endnote", "comment", "textbox", "toc" (a table of
contents: a TOC field, a Table of Contents content control, TOC 1–9/目录 styles, and the 目录 title
above one), "cover" (a Cover Pages content control, or a first page of a few short lines that a
page or section break ends: `_Extractor.mark_cover`) or "equation" (a paragraph that is only an
equation). Rules that read the document as a text (kjlint.checks.layout) leave the furniture
out. The text is what Word shows with tracked changes accepted: deletions are left out,
insertions read, and a paragraph deleted whole (its text and its mark) is no line.

Comments are tied to the text they are on (`Document.comment_anchors`). For writers
(kjlint.docx_review), `docx_document_with_sources` also gives, for every line, the w:p element
and the w:t, w:tab … elements each piece of its text came from (`SourceLine`). Headings by paragraph style (Heading 1/标题 1 …, or an outline level) are in
`Document.style_headings`; generated list labels in `Document.list_labels` (see
kjlint.document.Document).
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .document import Document
from .i18n import _
from .inputbytes import DEFAULT_MAX_FILE_SIZE, InputError, read_bytes
from .diskcache import compile_regex
from .symbolfonts import fontless_bullet, render as render_symbols, symbol_char, symbol_font

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
W = "{%s}" % W_NS
M = "{%s}" % M_NS
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK"
# Elements whose content Word does not display as the paragraph's text.
FALLBACK = "{%s}Fallback" % MC_NS
PICTURES = {W + "drawing", W + "pict", W + "object"}  # what shows a picture in a paragraph
SKIPPED = {W + "del", W + "moveFrom", W + "txbxContent", W + "instrText", W + "delText", FALLBACK,
           W + "rPr", W + "pPr", W + "footnoteReference", W + "endnoteReference", W + "commentReference"}
HEADING_STYLE = compile_regex(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
TITLE_STYLE = compile_regex(r"^(?:title|标题)$", re.IGNORECASE)
# Table of contents entries (toc 1 … toc 9, 目录 1 …) and the TOC Heading style (目录标题).
TOC_STYLE = compile_regex(r"^(?:toc|目录)\s*[1-9]?$|^(?:toc heading|目录标题)$", re.IGNORECASE)
# The title paragraph above a table of contents.
TOC_TITLE = compile_regex(r"^(?:目录|目次|contents|table of contents)$", re.IGNORECASE)
TOC_FIELD = compile_regex(r"^\s*TOC\b", re.IGNORECASE)
# Content-control galleries (w:docPartGallery) that hold a part of the document.
GALLERY_PARTS = {"table of contents": "toc", "cover pages": "cover"}
LINE_BREAK_SUBSTITUTE = " "  # a soft line break inside a paragraph; lines are paragraphs


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # restart after this level (1-based); None: after any higher level
    legal: bool = False  # isLgl: show every level as decimal
    font: str | None = None  # the label's font (rPr/rFonts): Symbol and Wingdings bullets
    suffix: str = "tab"  # what Word shows after the label (w:suff): a tab, a space or nothing


@dataclass
class _Numbering:
    """List definitions from numbering.xml and the running counters.

    As in Word, paragraphs whose w:num instances share one abstract list continue one sequence;
    a w:num with a startOverride restarts it at its first use."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> levels
    abstract_of: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId -> ilvl -> start
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstractNumId -> ilvl -> n
    used: set[str] = field(default_factory=set)

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the list's counter at `ilvl` and return the label Word would show."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        count = self.counters.setdefault(self.abstract_of.get(num_id, num_id), {})
        if num_id not in self.used:
            self.used.add(num_id)
            for k, start in self.overrides.get(num_id, {}).items():
                count[k] = start - 1
                for deeper in [d for d in count if d > k]:
                    del count[deeper]
        count[ilvl] = count.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in count if k > ilvl]:
            restart = levels.get(deeper, _Level()).restart
            if restart is None or restart > ilvl:  # lvlRestart counts levels 1-based; 0 = never
                del count[deeper]
        lvl = levels[ilvl]
        if lvl.fmt == "none":
            return ""
        table = symbol_font(lvl.font)
        if lvl.fmt == "bullet":
            return render_symbols(lvl.text, table)  # "\uf0a7" in Wingdings is ▪

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            shown = levels.get(k, _Level())
            value = count.get(k, shown.start)
            fmt = "decimal" if (lvl.legal and k != ilvl) else shown.fmt
            return format_number(value, fmt)

        text = lvl.text
        if table is not None:  # only the font's private-use codes: digits stay digits
            text = "".join(symbol_char(ord(c), table) or c if 0xF000 <= ord(c) <= 0xF0FF else c for c in text)
        return re.sub(r"%([1-9])", sub, text)


CHINESE_DIGITS = "零一二三四五六七八九"
TIANGAN = "甲乙丙丁戊己庚辛壬癸"
DIZHI = "子丑寅卯辰巳午未申酉戌亥"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_number(n: int) -> str:
    """Chinese counting as Word's chineseCounting renders it: 一 … 十, 十一, 二十, 一百零一."""
    if n <= 0:
        return str(n)
    if n >= 10000:
        return str(n)
    out, units = "", [(1000, "千"), (100, "百"), (10, "十")]
    rest, zero = n, False
    for value, unit in units:
        d = rest // value
        rest %= value
        if d:
            if zero:
                out += "零"
                zero = False
            if not (value == 10 and d == 1 and not out):
                out += CHINESE_DIGITS[d]
            out += unit
        elif out:
            zero = True
    if rest:
        if zero:
            out += "零"
        out += CHINESE_DIGITS[rest]
    return out


def _roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out = ""
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                       (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += sym
            n -= value
    return out


def _letter(n: int) -> str:
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """One list number in a Word numFmt; unknown formats fall back to decimal."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
               "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese_number(n)
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return TIANGAN[n - 1]
    if fmt == "ideographZodiac" and 1 <= n <= 12:
        return DIZHI[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return CIRCLED[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) - ord("0") + 0xFF10) for c in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    return str(n)


def _val(el, tag: str) -> str | None:
    child = el.find(W + tag) if el is not None else None
    return child.get(W + "val") if child is not None else None


def _hidden(rpr) -> bool:
    """Whether a run is hidden text (w:vanish, not switched off by val 0/false/off)."""
    if rpr is None:
        return False
    vanish = rpr.find(W + "vanish")
    return vanish is not None and vanish.get(W + "val", "true").lower() not in ("0", "false", "off")


def _run_font(rpr) -> str | None:
    """The font of a run's Latin characters (rFonts ascii, else hAnsi), where symbol fonts are set."""
    fonts = rpr.find(W + "rFonts") if rpr is not None else None
    if fonts is None:
        return None
    return fonts.get(W + "ascii") or fonts.get(W + "hAnsi")


def _load_numbering(root) -> _Numbering:
    """List definitions from the numbering part's root element (None: no lists)."""
    numbering = _Numbering()
    if root is None:
        return numbering
    abstract: dict[str, dict[int, _Level]] = {}
    for an in root.iterfind(W + "abstractNum"):
        levels = {}
        for lvl in an.iterfind(W + "lvl"):
            ilvl = int(lvl.get(W + "ilvl", "0"))
            restart = _val(lvl, "lvlRestart")
            levels[ilvl] = _Level(start=int(_val(lvl, "start") or 1), fmt=_val(lvl, "numFmt") or "decimal",
                                  text=_val(lvl, "lvlText") or "", restart=int(restart) if restart else None,
                                  legal=lvl.find(W + "isLgl") is not None, font=_run_font(lvl.find(W + "rPr")),
                                  suffix=_val(lvl, "suff") or "tab")
        abstract[an.get(W + "abstractNumId")] = levels
    for num in root.iterfind(W + "num"):
        num_id, abstract_id = num.get(W + "numId"), _val(num, "abstractNumId") or ""
        numbering.levels[num_id] = abstract.get(abstract_id, {})
        numbering.abstract_of[num_id] = abstract_id
        for override in num.iterfind(W + "lvlOverride"):
            start = _val(override, "startOverride")
            if start is not None:
                numbering.overrides.setdefault(num_id, {})[int(override.get(W + "ilvl", "0"))] = int(start)
    return numbering


class _Styles:
    """Paragraph style lookups along the basedOn chain: heading level, outline level, numbering."""

    def __init__(self, styles_element):
        self.by_id = {}
        if styles_element is not None:
            for s in styles_element.iterfind(W + "style"):
                self.by_id[s.get(W + "styleId")] = s
        self.default_para = next((sid for sid, s in self.by_id.items()
                                  if s.get(W + "type") == "paragraph" and s.get(W + "default") in ("1", "true")),
                                 None)

    def chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            s = self.by_id[style_id]
            yield s
            style_id = _val(s, "basedOn")

    def heading_level(self, style_id: str | None) -> int | None:
        """1-9 for heading styles (by name or outline level), 0 for the Title style."""
        for s in self.chain(style_id):
            name = (_val(s, "name") or "").strip()
            m = HEADING_STYLE.match(name)
            if m:
                return int(m.group(1))
            if TITLE_STYLE.match(name):
                return 0
            outline = _val(s.find(W + "pPr"), "outlineLvl")
            if outline is not None and outline.isdigit() and int(outline) < 9:
                return int(outline) + 1
        return None

    def numbering(self, style_id: str | None) -> tuple[str | None, int]:
        for s in self.chain(style_id):
            num_pr = s.find(W + "pPr")
            num_pr = num_pr.find(W + "numPr") if num_pr is not None else None
            if num_pr is not None:
                return _val(num_pr, "numId"), int(_val(num_pr, "ilvl") or 0)
        return None, 0

    def is_toc(self, style_id: str | None) -> bool:
        """A table-of-contents entry style (toc 1 … toc 9, 目录 1 …) or TOC Heading."""
        return any(TOC_STYLE.match((_val(s, "name") or "").strip()) for s in self.chain(style_id))


_BULLET_GAP = " \t\u3000\xa0"  # what separates a list bullet from the item's text


class _Text:
    """The characters Word displays for one paragraph, and whether they are all an equation."""

    def __init__(self):
        self.out: list[str] = []
        self.length = 0
        self.math = False  # an equation contributed text
        self.picture = False  # a picture, drawing or embedded object is shown in the paragraph
        self.picture_at = 0  # where the first picture shows, an offset in `text()`
        self.breaks: list[int] = []  # offsets in `text()` of the soft line breaks (w:br, w:cr)
        self.other = False  # visible text outside equations
        self.math_spans: list[tuple[int, int]] = []  # [start, end) of equation text in `text()`
        # (start, length, element) of each piece of text outside equations: the w:t, w:tab, w:sym …
        # it came from, so that a writer can map offsets back to runs (kjlint.docx_review).
        self.pieces: list[tuple[int, int, object]] = []
        # (kind, comment id, offset) of comment anchors: commentRangeStart, commentRangeEnd and
        # commentReference, so that a comment's text can be tied to the text it is on.
        self.comment_marks: list[tuple[str, str, int]] = []
        self.bullet_pending: tuple[int, int, str] | None = None  # see `leading_bullet`

    def text(self) -> str:
        return "".join(self.out).replace("\r", LINE_BREAK_SUBSTITUTE).replace("\n", LINE_BREAK_SUBSTITUTE)

    def add(self, text: str, math: bool, source=None) -> None:
        if not text:
            return
        if self.bullet_pending is not None and self.bullet_pending[0] < len(self.out):
            index, at, shown = self.bullet_pending
            self.bullet_pending = None
            if not math and text[0] in _BULLET_GAP:
                self.out[index] = self.out[index][:at] + shown + self.out[index][at + 1:]
        self.out.append(text)
        start, self.length = self.length, self.length + len(text)
        if source is not None and not math:
            self.pieces.append((start, len(text), source))
        if math:
            self.math = True
            if self.math_spans and self.math_spans[-1][1] == start:
                self.math_spans[-1] = (self.math_spans[-1][0], self.length)
            else:
                self.math_spans.append((start, self.length))
        elif text.strip(" \t\u3000"):
            self.other = True

    def leading_bullet(self, text: str, font, math: bool) -> str:
        """A private-use symbol code opening the paragraph in a run of no symbol font, followed by a
        tab or space, is a list bullet that lost its font (kjlint.symbolfonts.fontless_bullet): shown as that bullet, one
        character for one, so that no private-use character reaches the text."""
        if font is not None or math or self.other or self.math:
            return text
        body = text.lstrip(" \t\u3000")
        # the bullet's own separator follows it (a tab or space, as a list's suffix): a code glued
        # to the words may be conversion damage and stays for KJ409
        shown = fontless_bullet(ord(body[0])) if body else None
        if shown is None:
            return text
        at = len(text) - len(body)
        if len(body) == 1:  # the separator may come in the next run (a w:tab): decided in `add`
            self.bullet_pending = (len(self.out), at, shown)
            return text
        return text[:at] + shown + text[at + 1:] if body[1] in _BULLET_GAP else text

    def walk(self, el, font=None, math: bool = False) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag in SKIPPED:
                if tag == W + "commentReference":
                    self.comment_marks.append(("reference", child.get(W + "id") or "", self.length))
                continue
            if tag == W + "r":
                rpr = child.find(W + "rPr")
                if _hidden(rpr):
                    continue  # hidden text (Font > Hidden): Word neither shows nor prints it
                self.walk(child, symbol_font(_run_font(rpr)), math)
            elif tag == W + "t":
                self.add(self.leading_bullet(render_symbols(child.text or "", font), font, math), math, child)
            elif tag == W + "tab" or tag == W + "ptab":
                self.add("\t", math, child)
            elif tag in (W + "br", W + "cr"):
                if child.get(W + "type") in (None, "textWrapping"):
                    if not math:
                        self.breaks.append(self.length)
                    self.add(LINE_BREAK_SUBSTITUTE, math, child)
            elif tag == W + "noBreakHyphen":
                self.add("-", math, child)
            elif tag == W + "sym":
                self.add(_sym(child), math, child)
            elif tag in (W + "commentRangeStart", W + "commentRangeEnd"):
                kind = "start" if tag == W + "commentRangeStart" else "end"
                self.comment_marks.append((kind, child.get(W + "id") or "", self.length))
            elif tag == W + "p":
                continue  # nested paragraphs (shapes) are not part of this one
            elif tag.startswith(M):
                self.math_element(child, tag[len(M):])
            else:
                if tag in PICTURES and not self.picture:
                    self.picture, self.picture_at = True, self.length
                self.walk(child, font, math)

    def math_element(self, el, name: str) -> None:
        """OMML: the text of m:t runs in reading order, with the delimiters, fraction bars,
        operators and radicals Word draws around them (no layout: x², a/b, ∑, √)."""
        if name.endswith("Pr"):  # m:rPr, m:ctrlPr, m:dPr …: properties, no text
            return
        if name == "t":
            self.add(el.text or "", True)
        elif name == "d":
            props = el.find(M + "dPr")
            beg, end, sep = (_mval(props, "begChr", "("), _mval(props, "endChr", ")"),
                             _mval(props, "sepChr", "|"))
            self.add(beg, True)
            for i, e in enumerate(el.iterfind(M + "e")):
                if i:
                    self.add(sep, True)
                self.walk(e, None, True)
            self.add(end, True)
        elif name == "f":
            num, den = el.find(M + "num"), el.find(M + "den")
            bar = _mval(el.find(M + "fPr"), "type", "bar") != "noBar"
            if num is not None:
                self.walk(num, None, True)
            if bar:
                self.add("/", True)
            if den is not None:
                self.walk(den, None, True)
        elif name == "nary":
            self.add(_mval(el.find(M + "naryPr"), "chr", "∫"), True)
            self.walk(el, None, True)
        elif name == "rad":
            self.add("√", True)
            self.walk(el, None, True)
        else:  # m:oMath, m:oMathPara, m:r, m:e, m:sSup …: their children in order
            self.walk(el, None, True)


def _mval(props, tag: str, default: str) -> str:
    child = props.find(M + tag) if props is not None else None
    if child is None:
        return default
    value = child.get(M + "val")
    return default if value is None else value


def _sym(el) -> str:
    """A w:sym symbol: a character code of a font, shown as Word shows it."""
    char = el.get(W + "char")
    try:
        code = int(char, 16) if char else None
    except ValueError:
        return ""
    if code is None:
        return ""
    shown = symbol_char(code, symbol_font(el.get(W + "font")))
    return shown if shown is not None else chr(code)


def paragraph_text(p) -> str:
    """The characters Word displays for one w:p element (without generated numbering)."""
    collected = _Text()
    collected.walk(p)
    return collected.text()


class _Field:
    __slots__ = ("instr", "toc")

    def __init__(self):
        self.instr, self.toc = "", False


def _field_marks(el):
    """fldChar, instrText and fldSimple elements of a paragraph in document order (not those of
    text boxes, deleted text or fallback copies, which belong to other stories)."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in (W + "txbxContent", W + "del", W + "moveFrom", FALLBACK):
            continue
        if tag in (W + "fldChar", W + "instrText", W + "fldSimple"):
            yield child
        if tag != W + "instrText":
            yield from _field_marks(child)


@dataclass
class SourceLine:
    """Where one line of the extracted text lives in the package: its w:p element, the offset
    (in the extracted text) where the paragraph's own characters begin (after a generated list
    label), the pieces of text with the elements they came from (offsets relative to that start)
    and the name of the package part holding it ("word/document.xml")."""

    paragraph: object
    start: int
    pieces: list[tuple[int, int, object]]
    partname: str


class _Extractor:
    def __init__(self, styles: _Styles, numbering: _Numbering, record: bool = False):
        self.styles, self.numbering = styles, numbering
        self.record = record  # keep a SourceLine per line (a writer maps findings back to runs)
        self.source_lines: list[SourceLine] = []
        self.partname = "word/document.xml"  # the part being read (its name in the zip)
        # Comment anchors as offsets into the text: comment id -> {"start"|"end"|"reference": offset}.
        self.comment_marks: dict[str, dict[str, int]] = {}
        # The comments' own lines: (comment id, first line, end line) as 0-based [first, end).
        self.comment_lines: list[tuple[str, int, int]] = []
        # [first, end) lines of each comment that opens a thread (not a reply to another)
        self.comment_threads: list[tuple[int, int]] = []
        self.lines: list[str] = []
        self.sources: list[str] = []
        self.parts: dict[int, str] = {}  # 0-based line -> part, when not "body"
        self.headings: dict[int, int] = {}
        self.labels: dict[int, str] = {}
        self.body_paragraphs = 0
        self.tables = 0
        self.fields: list[_Field] = []  # complex fields open in the current story
        self.offset = 0  # offset of the next line in the extracted text
        self.toc_by_field: list[int] = []  # lines marked "toc" only because a TOC field spans them
        self.math_spans: list[tuple[int, int]] = []  # equation text, as offsets into the text
        self.first_page: int | None = None  # lines of the body before its first page or section break
        self.pictures: set[int] = set()  # 0-based lines whose paragraph shows a picture

    def in_toc_field(self, p) -> bool:
        """Track the complex fields through `p`; True when a TOC field is open during it."""
        inside = any(f.toc for f in self.fields)
        for mark in _field_marks(p):
            if mark.tag == W + "fldSimple":
                inside = inside or bool(TOC_FIELD.match(mark.get(W + "instr") or ""))
            elif mark.tag == W + "instrText":
                if self.fields:
                    self.fields[-1].instr += mark.text or ""
            else:
                kind = mark.get(W + "fldCharType")
                if kind == "begin":
                    self.fields.append(_Field())
                elif kind in ("separate", "end") and self.fields:
                    field_ = self.fields[-1]
                    field_.toc = field_.toc or bool(TOC_FIELD.match(field_.instr))
                    inside = inside or field_.toc
                    if kind == "end":
                        self.fields.pop()
        return inside

    def paragraph(self, p, where: str, part: str = "body") -> None:
        ppr = p.find(W + "pPr")
        style_id = _val(ppr, "pStyle") or self.styles.default_para
        collected = _Text()
        collected.walk(p)
        text = collected.text()
        in_toc = self.in_toc_field(p)
        if not text and _mark_deleted(ppr) and next(_text_boxes(p), None) is None:
            return  # deleted whole as a tracked change: gone once accepted, as Word shows it
        if part == "body":
            if self.styles.is_toc(style_id):
                part = "toc"
            elif in_toc:
                part = "toc"
                self.toc_by_field.append(len(self.lines))
            elif collected.math and not collected.other:
                part = "equation"
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        num_id, ilvl = self.styles.numbering(style_id)
        if num_pr is not None:
            num_id = _val(num_pr, "numId") or num_id
            ilvl = int(_val(num_pr, "ilvl") or ilvl)
        label = self.numbering.label(num_id, ilvl) if num_id and num_id != "0" else ""
        if not text and _hidden(ppr.find(W + "rPr") if ppr is not None else None) and not collected.picture \
                and next(_text_boxes(p), None) is None:
            # an empty paragraph whose mark is hidden: Word shows no line, not even its number, which
            # still counts (a thesis template hides numbered paragraphs to set its chapters' numbers)
            return
        if label[-1:].isdigit() and text[:1].isdigit() and self.numbering.levels[num_id][ilvl].suffix != "nothing":
            # Word shows the label's tab (or space) between it and a paragraph opening with a figure
            # (2 → 2019年9月3日): glued, the two would read as one number (22019年)
            label += " "
        line_no = len(self.lines) + 1
        if label:
            self.labels[line_no] = label
            text = label + text
        level = self.styles.heading_level(style_id)
        outline = _val(ppr, "outlineLvl")
        if outline is not None and outline.isdigit():
            level = int(outline) + 1 if int(outline) < 9 else None
        if level is not None and text.strip() and part in ("body", "textbox"):
            self.headings[line_no] = level
        if part != "body":
            self.parts[line_no - 1] = part
        start = self.offset + len(label)
        self.math_spans.extend((start + a, start + b) for a, b in collected.math_spans)
        for kind, comment_id, at in collected.comment_marks:
            self.comment_marks.setdefault(comment_id, {}).setdefault(kind, start + at)
        # Lines as Word shows them where a soft line break sets off a numbered line: the break
        # becomes the line end, one character for one, so offsets are those of one line.
        ends = _numbered_line_ends(text, [len(label) + b for b in collected.breaks]) if collected.breaks else []
        bounds = [0, *(e + 1 for e in ends)]
        for a, b in zip(bounds, [*ends, len(text)]):
            if a and part != "body":
                self.parts[len(self.lines)] = part
            if self.record:  # the pieces of this line, from where its own characters begin
                own = max(a, len(label))
                self.source_lines.append(SourceLine(p, self.offset + own - a, [
                    (at + len(label) - own, n, el) for at, n, el in collected.pieces
                    if a <= at + len(label) < b], self.partname))
            if collected.picture and a <= collected.picture_at + len(label) <= b:
                self.pictures.add(len(self.lines))
            self.lines.append(text[a:b])
            self.sources.append(where)
            self.offset += b - a + 1
        if self.first_page is None and part == "body" and where.startswith("paragraph "):
            end = _page_break(p, ppr, len(self.lines))
            self.first_page = end if end is None or end == len(self.lines) else len(self.lines) - len(bounds)
        box_part = "textbox" if part in ("body", "equation") else part
        for box in _text_boxes(p):
            outer, self.fields = self.fields, []  # a text box is a story of its own
            self.blocks(box, False, f"text box in {where}", box_part)
            self.fields = outer

    def blocks(self, parent, top_level: bool, where: str = "", part: str = "body") -> None:
        """Paragraphs and tables of a body, cell, header or footer, in order (content controls opened)."""
        for child in parent:
            if child.tag == W + "p":
                if top_level:
                    self.body_paragraphs += 1
                    self.paragraph(child, f"paragraph {self.body_paragraphs}", part)
                else:
                    self.paragraph(child, where, part)
            elif child.tag == W + "tbl":
                self.table(child, where if not top_level else "", part)
            elif child.tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.blocks(content, top_level, where, _gallery_part(child, part))
            elif child.tag in (W + "customXml", W + "ins", W + "moveTo"):
                self.blocks(child, top_level, where, part)

    def table(self, tbl, outer: str, part: str = "body") -> None:
        name = self.start_table(outer)
        for r, tr in enumerate(_children(tbl, "tr"), 1):
            self.row(tr, name, r, part)

    def start_table(self, outer: str) -> str:
        """Number a new table; its name in line sources ("table 3", "… > table 4" when nested)."""
        self.tables += 1
        name = f"table {self.tables}"
        return f"{outer} > {name}" if outer else name

    def row(self, tr, name: str, r: int, part: str) -> None:
        """The cells of row `r` of table `name`, each cell's paragraphs on lines of their own."""
        c = 0
        for tc in _children(tr, "tc"):
            tcpr = tc.find(W + "tcPr")
            span = int(_val(tcpr, "gridSpan") or 1)
            c += 1
            vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
            if vmerge is not None and vmerge.get(W + "val") in (None, "continue"):
                c += span - 1
                continue  # continuation of a vertically merged cell: its text is above
            self.blocks(tc, False, f"{name}, row {r}, cell {c}", part)
            c += span - 1

    def story(self, element, where: str, part: str, partname: str = "") -> None:
        """A header, footer, note or comment: its own text flow, after the body."""
        self.fields = []
        outer, self.partname = self.partname, partname or self.partname
        self.blocks(element, False, where, part)
        self.partname = outer
        self.fields = []

    def comment_anchors(self) -> list[tuple[int, int, int, int]]:
        """(start, end) of the text each comment is on, with the [first, end) lines of the
        comment's own text. A comment without a range is on the paragraph of its reference mark."""
        starts = [0]
        for line in self.lines:
            starts.append(starts[-1] + len(line) + 1)
        out = []
        for comment_id, first, end in self.comment_lines:
            marks = self.comment_marks.get(comment_id, {})
            if "start" in marks and "end" in marks and marks["start"] <= marks["end"]:
                out.append((marks["start"], marks["end"], first, end))
            elif "reference" in marks:
                from bisect import bisect_right

                i = bisect_right(starts, marks["reference"]) - 1
                out.append((starts[i], starts[i] + len(self.lines[i]), first, end))
        return out

    def end_body(self) -> None:
        """A TOC field still open at the end of the body is broken (its end mark was lost): where
        it stops is unknown, so the lines it would cover stay body text."""
        if any(f.toc for f in self.fields):
            for i in self.toc_by_field:
                self.parts.pop(i, None)
        self.toc_by_field, self.fields = [], []
        self.mark_toc_titles()
        self.mark_cover()

    def mark_cover(self) -> None:
        """The body's first page is a cover page when it holds only a few short lines, none a
        sentence or a numbered heading (学校 / 本科毕业论文 / 题  目 … / 姓  名 … / 日期), and the
        document goes on after the page or section break that ends it. Writers who push the text
        onto the next page with empty paragraphs end the page too: a run of COVER_BLANK_RUN empty
        lines or more, after two lines of text at least, ends it when the page that the first break
        ends is no cover (or no break comes)."""
        end = self.first_page
        if not self.is_cover(end):
            end = _blank_run(self.lines, end if end is not None else len(self.lines))
            if not self.is_cover(end):
                return
        for i in range(end):
            self.parts[i] = "cover"
            self.headings.pop(i + 1, None)

    def is_cover(self, end: int | None) -> bool:
        """Whether the body's lines before `end` make a cover page (see `mark_cover`)."""
        if not end:
            return False
        shown = [i for i in range(end) if self.lines[i].strip(" \t\u3000")]
        rest = sum(1 for line in self.lines[end:] if line.strip(" \t\u3000"))
        return bool(shown) and len(shown) <= COVER_MAX_LINES and rest >= 3 and not any(
            self.parts.get(i, "body") != "body" or _not_cover_line(self.lines[i]) for i in shown)

    def mark_toc_titles(self) -> None:
        """The 目录 paragraph right above a table of contents belongs to it."""
        for i in sorted(i for i, part in self.parts.items() if part == "toc"):
            j = i - 1
            while j >= 0 and not self.lines[j].strip(" \t\u3000") and self.parts.get(j, "body") == "body":
                j -= 1
            if j >= 0 and self.parts.get(j, "body") == "body" and TOC_TITLE.match(
                    re.sub(r"[\s\u3000]+", "", self.lines[j]) or " "):
                self.parts[j] = "toc"
                self.headings.pop(j + 1, None)


COVER_MAX_LINES = 20
COVER_BLANK_RUN = 5  # empty paragraphs in a row that push the text onto the next page


def _blank_run(lines: list[str], stop: int) -> int | None:
    """Where the first run of COVER_BLANK_RUN empty lines or more before `stop` begins, when two
    lines of text at least come before it; else None."""
    shown = blank = 0
    for i, line in enumerate(lines[:stop]):
        if line.strip(" \t\u3000"):
            if blank >= COVER_BLANK_RUN and shown >= 2:
                return i - blank
            shown, blank = shown + 1, 0
        else:
            blank += 1
    return None
_COVER_SENTENCE = compile_regex(
    r"[。！？；!?;]\s*$|^\s*(?:[一二三四五六七八九十]+[、．.]|[（(](?:[一二三四五六七八九十]+|\d{1,2})[）)]|\d{1,2}[、．.](?!\d))")


def _not_cover_line(text: str) -> bool:
    """A line no cover page shows: a sentence, a numbered heading, or a paragraph of text."""
    return len(re.sub(r"[\s\u3000]+", "", text)) > 40 or bool(_COVER_SENTENCE.search(text))


def _numbered_line_ends(text: str, breaks: list[int]) -> list[int]:
    """The soft line breaks of a paragraph (offsets in `text`) that end a line of its own: those
    around a line that opens with a heading or list number (一、 （二） 3. 1.1.3 第四章), as
    Word shows it. Writers who type a report in one paragraph set off each heading with w:br
    (…机密。<br><br>三、计算机应用方面…): read as one line, the outline loses 一、 to 三、. A run
    of breaks with only blanks between ends as many lines, the blank lines Word shows."""
    from .checks.structure import starts_numbered

    runs: list[list[int]] = []
    for b in breaks:
        if runs and not text[runs[-1][-1] + 1:b].strip(" \t\u3000"):
            runs[-1].append(b)
        else:
            runs.append([b])
    starts = [0, *(run[-1] + 1 for run in runs)]
    numbered = [starts_numbered(text[a:b]) for a, b in zip(starts, [*(run[0] for run in runs), len(text)])]
    return [b for j, run in enumerate(runs) if numbered[j] or numbered[j + 1] for b in run]


def _page_break(p, ppr, lines: int) -> int | None:
    """Where the first page ends if body paragraph `p` (the `lines`-th line) ends it: after it
    for a section break in its properties or a page break after its text, before it for a page
    break that opens it; None when it breaks no page."""
    if ppr is not None and ppr.find(W + "sectPr") is not None:
        return lines
    text_before = False
    for el in p.iter(W + "t", W + "br"):
        if el.tag == W + "t":
            text_before = text_before or bool((el.text or "").strip())
        elif el.get(W + "type") == "page":
            return lines if text_before else lines - 1
    return None


def _mark_deleted(ppr) -> bool:
    """Whether a paragraph's mark is a tracked deletion (w:pPr/w:rPr/w:del)."""
    rpr = ppr.find(W + "rPr") if ppr is not None else None
    return rpr is not None and rpr.find(W + "del") is not None


def _gallery_part(sdt, part: str) -> str:
    """The part a content control holds (a table of contents, a cover page), else `part`."""
    if part != "body":
        return part
    props = sdt.find(W + "sdtPr")
    gallery = None
    if props is not None:
        for tag in ("docPartObj", "docPartList"):
            obj = props.find(W + tag)
            if obj is not None and obj.find(W + "docPartGallery") is not None:
                gallery = obj.find(W + "docPartGallery").get(W + "val")
                break
    return GALLERY_PARTS.get((gallery or "").strip().lower(), part)


def _text_boxes(p):
    """Text boxes anchored in a paragraph (outermost only; the VML fallback copy is skipped)."""
    def walk(el):
        for child in el:
            if not isinstance(child.tag, str) or child.tag == FALLBACK or child.tag == W + "p":
                continue
            if child.tag == W + "txbxContent":
                yield child
            else:
                yield from walk(child)

    yield from walk(p)


def _children(el, tag: str):
    """Direct children with `tag`, looking through content controls and custom XML wrappers."""
    for child in el:
        if child.tag == W + tag:
            yield child
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == W + "customXml":
            yield from _children(child, tag)


def _classify_non_zip(data: bytes) -> str | None:
    if data.startswith(OLE_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
            return _("password-protected (encrypted) Word file: remove the password in Word and save again")
        return _("not a .docx file but an old Word 97-2003 (OLE) document: save it as .docx")
    if not data.startswith(ZIP_MAGIC):
        return _("not a valid .docx file (not a zip package); is it corrupt or renamed?")
    return None


def read_docx(path: str | Path, display_path: str | None = None,
              max_bytes: int = DEFAULT_MAX_FILE_SIZE) -> Document:
    """Read a .docx file into a Document (see the module docstring); InputError names the file."""
    shown = display_path or str(path)
    return docx_document(read_bytes(path, shown, max_bytes), shown, max_bytes)


def docx_document(data: bytes, shown: str, max_bytes: int = DEFAULT_MAX_FILE_SIZE) -> Document:
    """The Document of a .docx package's bytes; `shown` names the file in errors.

    The package is checked before anything is unpacked (a zip bomb is refused: see _Package);
    the main document is read as a stream, each top-level paragraph and table row dropped once
    its text is taken, so memory follows the text kept, not Word's XML (a 60,000-row table is
    about 260 MB of XML: 4 GB as one tree)."""
    return _read(data, shown, max_bytes, False)[0]


@dataclass
class DocxSource:
    """What a writer needs to put findings back into the package the Document was read from:
    the main document's part name and XML tree, and one SourceLine per line of `Document.text`
    (its elements belong to the trees the writer changes and serializes)."""

    main: str
    main_root: object
    lines: list[SourceLine]


def docx_document_with_sources(data: bytes, shown: str,
                               max_bytes: int = DEFAULT_MAX_FILE_SIZE) -> tuple[Document, DocxSource]:
    """The Document of a .docx package's bytes, and where each of its characters came from. The
    main document is read as one tree here, not as a stream: its elements must stay."""
    doc, ex, main, root = _read(data, shown, max_bytes, True)
    return doc, DocxSource(main, root, ex.source_lines)


def _read(data: bytes, shown: str, max_bytes: int, record: bool):
    import io

    problem = _classify_non_zip(data)
    if problem:
        raise InputError(shown, problem)
    ex: _Extractor | None = None
    try:
        package = _Package(io.BytesIO(data), shown, max_bytes)
        main = package.main_document()
        ex = _Extractor(_Styles(package.related_root(main, "styles")),
                        _load_numbering(package.related_root(main, "numbering")), record)
        ex.partname = main
        root = None
        if record:  # the whole tree, kept: a writer changes it
            root = package.parse(main)
            body = root.find(W + "body")
            if body is None:
                raise KeyError("the body of the main document")
            ex.blocks(body, True)
            sections = _body_sections(body)
        else:
            sections = _stream_body(package, main, ex)
        ex.end_body()
        _headers_footers(package, main, sections, ex)
        _notes_and_comments(package, main, ex)
    except InputError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise InputError(shown, _("corrupt .docx package ({problem})").format(problem=exc)) from None
    except KeyError as exc:
        raise InputError(shown, _("corrupt .docx package (missing part {part})").format(part=exc)) from None
    except _Damaged as exc:
        raise InputError(shown, exc.describe(ex)) from None
    except Exception as exc:  # a value Word would not write (gridSpan="x", a loop of styles …)
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(shown, _("cannot read Word file ({problem})").format(
            problem=f"{type(exc).__name__}: {reason}")) from None
    doc = Document("\n".join(ex.lines) + ("\n" if ex.lines else ""), shown, "utf-8",
                   source_format="docx", line_sources=ex.sources, style_headings=ex.headings,
                   list_labels=ex.labels, parts=ex.parts, math_spans=ex.math_spans, pictures=frozenset(ex.pictures),
                   comment_anchors=ex.comment_anchors(), comment_threads=ex.comment_threads)
    return doc, ex, main, root


# --- the package: parts, relationships, limits -----------------------------------------------

MAX_PARTS = 10_000  # a Word file has tens of parts, a few hundred with many pictures
XML_PER_FILE_BYTE = 20  # unpacked XML allowed per byte of max-file-size (Word's XML packs ~50:1)
REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
WORD_MAIN_TYPES = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                   "application/vnd.ms-word.document.macroEnabled.main+xml")  # .docx, .docm
R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# As python-docx parsed: blank text between elements dropped, no entities; libxml2's limits on
# depth and text size stay on (no huge_tree).
XML_PARSER_OPTIONS = {"remove_blank_text": True, "resolve_entities": False}


class _Damaged(Exception):
    """Unreadable XML in a part; described in words by `describe`."""

    def __init__(self, part: str, exc: Exception):
        super().__init__(part)
        self.part = part
        line, column = getattr(exc, "position", None) or (None, None)
        self.line, self.column = line, column

    def describe(self, ex: "_Extractor | None") -> str:
        """In words, for people: where the text stops, and what to do."""
        from .wordplace import place_name

        kw = {"part": self.part, "line": f"{self.line:,}", "column": f"{self.column:,}"}
        if self.part.endswith("document.xml"):
            if ex is not None and ex.sources:
                kw["place"] = place_name(ex.sources[-1])
                template = (_("the Word file is damaged after {place} (its text cannot be read from line {line}, "
                              "column {column} of {part}); open it in Word, which may repair it, and save it again")
                            if self.line else
                            _("the Word file is damaged after {place} (its text cannot be read of {part}); open it "
                              "in Word, which may repair it, and save it again"))
            else:
                template = (_("the Word file is damaged before its first paragraph (its text cannot be read from "
                              "line {line}, column {column} of {part}); open it in Word, which may repair it, and "
                              "save it again")
                            if self.line else
                            _("the Word file is damaged before its first paragraph (its text cannot be read of "
                              "{part}); open it in Word, which may repair it, and save it again"))
        else:
            template = (_("the Word file is damaged ({part} cannot be read from line {line}, column {column}); open "
                          "it in Word, which may repair it, and save it again")
                        if self.line else
                        _("the Word file is damaged ({part} cannot be read); open it in Word, which may repair it, "
                          "and save it again"))
        return template.format(**kw)


class _Package:
    """The parts of a .docx (an Open Packaging zip) found through their relationships.

    Nothing is unpacked before the package passes its limits: at most MAX_PARTS entries, and at
    most XML_PER_FILE_BYTE x max-file-size bytes of XML (.xml and .rels entries) once unpacked,
    so a few kilobytes that unpack to gigabytes (a zip bomb) are refused, not read. Reads never
    exceed the sizes the entries declare (zipfile stops there)."""

    def __init__(self, stream, shown: str, max_bytes: int):
        self.zip = zipfile.ZipFile(stream)
        entries = self.zip.infolist()
        if len(entries) > MAX_PARTS:
            raise InputError(shown, _("not a Word file that kjlint reads: the package has {parts} parts (more "
                                      "than {limit}), skipped").format(parts=f"{len(entries):,}",
                                                                       limit=f"{MAX_PARTS:,}"))
        xml = sum(e.file_size for e in entries if e.filename.lower().endswith((".xml", ".rels")))
        limit = XML_PER_FILE_BYTE * max_bytes
        if xml > limit:
            raise InputError(shown, _("Word file too large when unpacked ({size} MB of XML > {limit} MB, {factor} x "
                                      "max-file-size), skipped").format(size=f"{xml / 1e6:,.1f}",
                                                                        limit=f"{limit / 1e6:,.1f}",
                                                                        factor=XML_PER_FILE_BYTE))
        self.names = {e.filename for e in entries}
        self._rels: dict[str, list[tuple[str, str, str]]] = {}

    def relationships(self, part: str) -> list[tuple[str, str, str]]:
        """(id, type name such as "styles", target part) of a part ("" for the package)."""
        if part not in self._rels:
            folder, name = part.rpartition("/")[::2] if part else ("", "")
            rels_name = f"{folder + '/' if folder else ''}_rels/{name}.rels"
            out = []
            if rels_name in self.names:
                for rel in self.parse(rels_name).iter(REL_NS + "Relationship"):
                    if rel.get("TargetMode") == "External":
                        continue
                    target = posixpath.normpath(posixpath.join("/" + folder, rel.get("Target") or "")).lstrip("/")
                    out.append((rel.get("Id") or "", (rel.get("Type") or "").rsplit("/", 1)[-1], target))
            self._rels[part] = out
        return self._rels[part]

    def main_document(self) -> str:
        """The main part's name, when it is a Word document (.docx, or .docm: its macros are
        never read); ValueError for another Office file (a workbook renamed .docx)."""
        for _id, kind, target in self.relationships(""):
            if kind == "officeDocument":
                content_type = self.content_type(target)
                if content_type not in WORD_MAIN_TYPES:
                    raise ValueError(_("not a Word document (content type {type})").format(type=content_type))
                return target
        raise KeyError("the main document (word/document.xml)")

    def content_type(self, part: str) -> str | None:
        """A part's content type from [Content_Types].xml (an override, else its extension's)."""
        types = self.parse("[Content_Types].xml")
        for override in types.iter(CT_NS + "Override"):
            if (override.get("PartName") or "").lstrip("/") == part:
                return override.get("ContentType")
        ext = part.rpartition(".")[2].lower()
        return next((d.get("ContentType") for d in types.iter(CT_NS + "Default")
                     if (d.get("Extension") or "").lower() == ext), None)

    def related(self, part: str, kind: str) -> str | None:
        return next((t for _i, k, t in self.relationships(part) if k == kind and t in self.names), None)

    def by_id(self, part: str, rel_id: str) -> str | None:
        return next((t for i, _k, t in self.relationships(part) if i == rel_id and t in self.names), None)

    def parse(self, name: str):
        """The root element of a (small) part."""
        from lxml import etree

        try:
            with self.zip.open(name) as fh:
                return etree.parse(fh, etree.XMLParser(**XML_PARSER_OPTIONS)).getroot()
        except etree.XMLSyntaxError as exc:
            raise _Damaged(name, exc) from None

    def related_root(self, part: str, kind: str):
        name = self.related(part, kind)
        return self.parse(name) if name is not None else None


# --- the main document as a stream ---------------------------------------------------------

BLOCK_CONTAINERS = {W + "body", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"}
BLOCKS = {W + "p", W + "tbl", W + "sdt", W + "customXml", W + "ins", W + "moveTo"}
ROW_CONTAINERS = {W + "tbl", W + "sdtContent", W + "customXml"}
ROWS = {W + "tr", W + "sdt", W + "customXml"}
# The elements the stream stops at: blocks, rows and what can wrap them, and text not shown
# (deleted blocks) so that it is dropped too.
STREAMED = sorted(BLOCK_CONTAINERS | BLOCKS | ROW_CONTAINERS | ROWS |
                  {W + "sdt", W + "del", W + "moveFrom", "{%s}AlternateContent" % MC_NS})


def _block_chain(el) -> list | None:
    """The content controls around a body-level block, outermost first, or None when `el` is
    not a block of the body (a paragraph of a cell, a deleted paragraph …): the path blocks()
    walks from w:body (through sdt/sdtContent, customXml, ins, moveTo)."""
    sdts = []
    child, parent = el, el.getparent()
    while parent is not None:
        if parent.tag == W + "sdt":
            if child.tag != W + "sdtContent":
                return None
            sdts.append(parent)
        elif parent.tag in BLOCK_CONTAINERS:
            if child.tag not in BLOCKS:
                return None
            if parent.tag == W + "body":
                return sdts[::-1]
        else:
            return None
        child, parent = parent, parent.getparent()
    return None


def _row_table(tr):
    """The table whose row `tr` is (looking through row-level content controls), else None."""
    child, parent = tr, tr.getparent()
    while parent is not None:
        if parent.tag == W + "tbl":
            return parent
        if parent.tag == W + "sdt":
            if child.tag != W + "sdtContent":
                return None
        elif parent.tag not in ROW_CONTAINERS or child.tag not in ROWS:
            return None
        child, parent = parent, parent.getparent()
    return None


def _stream_body(package: _Package, main: str, ex: _Extractor) -> list:
    """Extract the body of the main document as it is parsed; returns its section properties
    (the w:sectPr of body paragraphs, then the body's own), as python-docx's `sections` were.

    Top-level paragraphs are extracted when they end and table rows when they end (a table of
    the body is numbered when it starts, so nested tables, met in its rows, come after it, as
    in `_Extractor.blocks`); what is extracted is then dropped from the tree."""
    from lxml import etree

    tables: dict[int, tuple[str, str, list[int]]] = {}  # id(tbl) -> (name, part, [rows seen])
    sections: list = []

    def in_body_flow(container) -> bool:
        return container.tag == W + "body" or _block_chain(container) is not None

    def drop(el) -> None:  # its text is taken (or never shown): free the subtree
        parent = el.getparent()
        el.clear()
        if parent is not None:
            parent.remove(el)

    def take(event: str, el) -> None:
        tag = el.tag
        if event == "start":
            if tag == W + "tbl":
                chain = _block_chain(el)
                if chain is not None:
                    tables[id(el)] = (ex.start_table(""), _part_of(chain), [0])
            return
        parent = el.getparent()
        if tag == W + "body":
            sect = el.find(W + "sectPr")
            if sect is not None:
                sections.append(_section_refs(sect))
        elif parent is None:
            return
        elif tag == W + "tr":
            tbl = _row_table(el)
            if tbl is not None and id(tbl) in tables:
                name, part, rows = tables[id(tbl)]
                rows[0] += 1
                ex.row(el, name, rows[0], part)
                drop(el)
        elif parent.tag in BLOCK_CONTAINERS and in_body_flow(parent):
            if tag == W + "p":
                ex.body_paragraphs += 1
                ex.paragraph(el, f"paragraph {ex.body_paragraphs}", _part_of(_block_chain(el)))
                sect = el.find(f"{W}pPr/{W}sectPr") if parent.tag == W + "body" else None
                if sect is not None:
                    sections.append(_section_refs(sect))
            elif tag == W + "tbl":
                tables.pop(id(el), None)
            drop(el)
        elif tag in ROWS and parent.tag in ROW_CONTAINERS:
            tbl = _row_table(el)
            if tbl is not None and id(tbl) in tables:
                drop(el)  # a content control around rows, its rows taken

    # A pull parser, fed in chunks: the paragraphs parsed before a syntax error are still taken
    # (iterparse may drop the events of the chunk holding the error), so a damaged file is
    # described by the last paragraph read whole, whatever lxml's buffering.
    parser = etree.XMLPullParser(events=("start", "end"), tag=STREAMED, **XML_PARSER_OPTIONS)
    with package.zip.open(main) as fh:
        while True:
            chunk = fh.read(1 << 16)
            try:
                if chunk:
                    parser.feed(chunk)
                else:
                    parser.close()
            except etree.XMLSyntaxError as exc:
                for event, el in parser.read_events():
                    take(event, el)
                raise _Damaged(main, exc) from None
            for event, el in parser.read_events():
                take(event, el)
            if not chunk:
                return sections


def _body_sections(body) -> list:
    """The section properties of a body read as one tree, in the order _stream_body gives them."""
    sections = [_section_refs(sect) for p in body.iterfind(W + "p")
                for sect in [p.find(f"{W}pPr/{W}sectPr")] if sect is not None]
    sect = body.find(W + "sectPr")
    return sections + ([_section_refs(sect)] if sect is not None else [])


def _part_of(chain: list) -> str:
    """The part a body block belongs to, from the content controls around it (outermost first)."""
    part = "body"
    for sdt in chain:
        part = _gallery_part(sdt, part)
    return part


def _section_refs(sect) -> dict[tuple[str, str], str]:
    """(header|footer, default|first|even) -> relationship id of one section's definitions."""
    refs = {}
    for kind in ("header", "footer"):
        for ref in sect.iterfind(f"{W}{kind}Reference"):
            refs[(kind, ref.get(W + "type") or "")] = ref.get(R_NS + "id") or ""
    return refs


HEADER_FOOTER_KINDS = (("header", "header", "default"), ("first page header", "header", "first"),
                       ("even page header", "header", "even"), ("footer", "footer", "default"),
                       ("first page footer", "footer", "first"), ("even page footer", "footer", "even"))


def _headers_footers(package: _Package, main: str, sections: list, ex: _Extractor) -> None:
    """Header and footer text, each distinct part once, after the body, marked as such. A
    section without a definition of a kind shows the previous section's (linked): skipped."""
    seen: set[str] = set()
    for i, refs in enumerate(sections, 1):
        for label, kind, which in (HEADER_FOOTER_KINDS[:3] + HEADER_FOOTER_KINDS[3:]):
            rel_id = refs.get((kind, which))
            if rel_id is None:
                continue
            name = package.by_id(main, rel_id)
            if name is None:
                raise KeyError(f"{kind} {rel_id!r}")
            if name in seen:
                continue
            seen.add(name)
            ex.story(package.parse(name), f"{label} (section {i})", kind, name)


NOTE_SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")
# Comments kjlint writes into a review copy (kjlint.docx_review) are its findings, not the draft's text.
REVIEW_AUTHOR = "kjlint"


def _notes_and_comments(package: _Package, main: str, ex: _Extractor) -> None:
    """Footnotes, endnotes and comments, each note on its own lines after the headers and footers."""
    for kind, tag in (("footnotes", "footnote"), ("endnotes", "endnote")):
        name = package.related(main, kind)
        if name is None:
            continue
        n = 0
        for note in package.parse(name).iterfind(W + tag):
            if note.get(W + "type") in NOTE_SEPARATORS:
                continue
            n += 1
            ex.story(note, f"{tag} {n}", tag, name)
    name = package.related(main, "comments")
    if name is not None:
        drafts = [c for c in package.parse(name).iterfind(W + "comment") if c.get(W + "author") != REVIEW_AUTHOR]
        replies = _replies(package, main, drafts)
        for n, comment in enumerate(drafts, 1):
            first = len(ex.lines)
            ex.story(comment, f"comment {n}", "comment", name)
            ex.comment_lines.append((comment.get(W + "id") or "", first, len(ex.lines)))
            if id(comment) not in replies:
                ex.comment_threads.append((first, len(ex.lines)))


W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"


def _replies(package: _Package, main: str, comments: list) -> set[int]:
    """The comments (by id()) that answer another: Word 2013+ records a reply in
    commentsExtended.xml, keyed by the paraId of the comment's last paragraph."""
    root = package.related_root(main, "commentsExtended")
    if root is None:
        return set()
    answering = {e.get(W15 + "paraId") for e in root.iter(W15 + "commentEx") if e.get(W15 + "paraIdParent")}
    out = set()
    for comment in comments:
        paragraphs = comment.findall(W + "p")
        if paragraphs and paragraphs[-1].get(W14 + "paraId") in answering:
            out.add(id(comment))
    return out
