"""Places in a Word draft that its writer can find in Word.

Word shows no line or paragraph numbers, and kjlint's paragraph count includes empty paragraphs
("paragraph 877"), so a finding in a .docx is also given as Word shows the draft: the headings
above it (`一、主要工作 › （二）推进重点项目`, numbered as Word numbers them), the table cell or the
story outside the body it is in (header, footnote, comment …), and the first words of its
paragraph quoted as Word's Find (Ctrl+F) finds them: without the list number Word generates and
without tabs. Messages that cite another line ("repeated from line 5") cite that place instead.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from .document import BLANK_CHARS, Document
from .findings import Finding
from .i18n import _, language

QUOTE_CHARS = 12  # first characters of a paragraph quoted
HEADING_CHARS = 20  # characters of a heading shown in a path
SEPARATOR = " › "
# A heading ends at its first sentence mark: （一）强化政治引领。全年… is the heading 强化政治引领.
_HEADING_END = re.compile(r"[。；;：:！!？?]")
_TABLE = re.compile(r"table (\d+), row (\d+), cell (\d+)")
_STORY = re.compile(r"^(first page |even page )?(header|footer) \(section (\d+)\)$|^(footnote|endnote|comment) (\d+)$")
_LINE_REF = re.compile(r"\bline (\d+)\b|第\s*(\d+)\s*行")


@dataclass(frozen=True)
class WordPlace:
    """Where a place in a Word draft is, as its writer finds it in Word (Finding.place): the
    headings above it, the table cell or the story outside the body (header, footnote,
    comment …), and the first words of its paragraph as Word's Find finds them (no generated
    list number, no tab)."""

    headings: tuple[str, ...] = ()
    quote: str = ""
    table: str = ""  # "table 1, row 3, cell 3" (as in `Finding.where`)
    story: str = ""  # "header (section 1)", "footnote 2", "comment 1" …; "" in the body
    part: str = "body"  # as Document.part: body, header, footer, footnote, endnote, comment, toc …
    more: bool = False  # the paragraph goes on after `quote`

    def to_dict(self) -> dict:
        d: dict = {"headings": list(self.headings), "paragraph": self.quote, "part": self.part}
        if self.table:
            d["table"] = self.table
        if self.story:
            d["story"] = self.story
        d["text"] = self.text()
        return d

    def text(self) -> str:
        """One line in the language in use: `一、主要工作 › （二）推进重点项目 › “本年度我局…”`."""
        return place_text(self)


def _heading_text(text: str) -> str:
    text = text.strip(BLANK_CHARS)
    m = _HEADING_END.search(text)
    if m and 0 < m.start() <= HEADING_CHARS + 10:
        text = text[:m.start()]
    return text if len(text) <= HEADING_CHARS else text[:HEADING_CHARS] + "…"


def _numbered_heading(text: str) -> int | None:
    """The outline level (1–4) of a paragraph numbered as a heading (一、 （一） 1. （1）), when it
    reads as one: levels 1 and 2 always, 1. and （1） only when short (else a list item)."""
    from .checks.structure import heading_level

    found = heading_level(text.strip(BLANK_CHARS))
    if not found:
        return None
    level = found[0]
    if level <= 2:
        return level
    short = text.strip(BLANK_CHARS)
    return level if len(short) <= 30 and not _HEADING_END.search(short[:-1]) else None


def _in_table(source: str) -> bool:
    return "table " in source


def line_places(doc: Document) -> list[WordPlace]:
    """The place of every line of a Word draft's text (memoized on the document)."""
    cached = getattr(doc, "_word_places", None)
    if cached is not None:
        return cached
    sources = doc.line_sources or []
    places: list[WordPlace] = []
    stack: list[tuple[int, str]] = []  # (rank, heading text) of the headings above
    for i, line in enumerate(doc.lines):
        source = sources[i] if i < len(sources) else ""
        part = doc.part(i)
        label = doc.list_labels.get(i + 1, "")
        own = line.text[len(label):] if label and line.text.startswith(label) else line.text
        quote, more = _quote(doc, line.start + (len(line.text) - len(own)), own)
        table, story = _source_parts(source)
        if part == "comment":
            story = _comment_story(doc, i, story)
        rank = None
        if part == "body" and not _in_table(source) and line.text.strip(BLANK_CHARS):
            rank = _numbered_heading(line.text)
            style = doc.style_headings.get(i + 1)
            if rank is None and style:  # a Word heading style (标题 1 …); 0 is the Title
                rank = style
        if rank is not None:  # a heading's place: the headings above it, not its siblings
            while stack and stack[-1][0] >= rank:
                stack.pop()
        headings = tuple(h for _, h in stack) if part in ("body", "textbox", "equation", "toc") else ()
        places.append(WordPlace(headings, quote, table, story, part, more))
        if rank is not None:
            stack.append((rank, _heading_text(line.text)))
    object.__setattr__(doc, "_word_places", places)
    return places


def _quote(doc: Document, start: int, text: str) -> tuple[str, bool]:
    """The first words of a paragraph as Word's Find finds them, and whether it goes on."""
    lead = len(text) - len(text.lstrip(BLANK_CHARS))
    text, start = text[lead:].rstrip(BLANK_CHARS), start + lead
    cut = len(text)
    tab = text.find("\t")
    if tab >= 0:
        cut = tab
    if doc.math_spans:
        i = bisect_right(doc.math_spans, (start + cut, 0))
        for a, b in doc.math_spans[max(0, i - 1):]:
            if b > start and a < start + cut:
                cut = max(0, a - start)
                break
    shown = text[:min(cut, QUOTE_CHARS)].rstrip(BLANK_CHARS)
    return shown, len(shown) < len(text.rstrip(BLANK_CHARS))


def _source_parts(source: str) -> tuple[str, str]:
    """(table cell, story) of a line source such as "header (section 1) > table 2, row 1, cell 1"."""
    table, story = "", ""
    for piece in source.split(" > "):
        if _TABLE.fullmatch(piece):
            table = f"{table} > {piece}" if table else piece
        elif piece.startswith("text box in "):
            story = "text box"
        elif _STORY.match(piece):
            story = piece
    return table, story


def _comment_story(doc: Document, line: int, story: str) -> str:
    """A comment's lines: "comment N" and the text it is on."""
    for start, end, first, stop in doc.comment_anchors:
        if first <= line < stop:
            return f"{story}\x00{doc.text[start:end]}"
    return story


def _section_name(kind: str, n: str) -> str:
    """A header or footer of a section in the language in use (`kind`: header, first page footer…)."""
    return {
        "header": _("header (section {n})"), "footer": _("footer (section {n})"),
        "first page header": _("first page header (section {n})"),
        "first page footer": _("first page footer (section {n})"),
        "even page header": _("even page header (section {n})"),
        "even page footer": _("even page footer (section {n})"),
    }[kind].format(n=n)


def _numbered_name(kind: str, n: str) -> str:
    """A paragraph, table, note or comment by its number, in the language in use."""
    return {"paragraph": _("paragraph {n}"), "table": _("table {n}"), "footnote": _("footnote {n}"),
            "endnote": _("endnote {n}"), "comment": _("comment {n}")}[kind].format(n=n)


def _cell_name(table: str, row: str, cell: str) -> str:
    return _("{table}, row {row}, cell {cell}").format(table=table, row=row, cell=cell)


def _story_text(story: str) -> str:
    story, _sep, on = story.partition("\x00")
    m = _STORY.match(story)
    if story == "text box":
        shown = _("text box")
    elif m and m.group(2):  # the same texts as the reports' names of places
        shown = _section_name(f"{m.group(1) or ''}{m.group(2)}", m.group(3))
    elif m:
        shown = _numbered_name(m.group(4), m.group(5))
    else:
        shown = story
    on = on.strip(BLANK_CHARS).replace("\n", " ")
    if on:
        quoted = on[:QUOTE_CHARS] + ("…" if len(on) > QUOTE_CHARS else "")
        shown = _("{comment} on “{text}”").format(comment=shown, text=quoted)
    return shown


def _table_text(table: str) -> str:
    return " > ".join(_cell_name(_numbered_name("table", m.group(1)), m.group(2), m.group(3))
                      for m in _TABLE.finditer(table))


_CELL = re.compile(r"(.+), row (\d+), cell (\d+)")
_NUMBERED = re.compile(r"(paragraph|table|footnote|endnote|comment) (\d+)")


def place_name(where: str) -> str:
    """A line source (`Finding.where`, `Document.line_sources`: "paragraph 12", "table 1, row 2,
    cell 3", "text box in paragraph 4", "header (section 1)") for people, in the language in use.
    The English form stays the stable one in machine output; a form not known is returned as is."""
    if not where or language() == "en":
        return where
    if where.startswith("text box in "):
        return _("text box in {place}").format(place=place_name(where[len("text box in "):]))
    m = _CELL.fullmatch(where)
    if m:
        return _cell_name(place_name(m[1]), m[2], m[3])
    m = _NUMBERED.fullmatch(where)
    if m:
        return _numbered_name(m[1], m[2])
    m = _STORY.match(where)
    if m and m.group(2):
        return _section_name(f"{m.group(1) or ''}{m.group(2)}", m.group(3))
    return where


def place_text(place: WordPlace) -> str:
    """`一、主要工作 › （二）推进重点项目 › “本年度我局…”` in the language in use."""
    pieces = list(place.headings)
    if place.story:
        pieces.append(_story_text(place.story))
    if place.table:
        pieces.append(_table_text(place.table))
    if place.quote:
        pieces.append(f"“{place.quote}{'…' if place.more else ''}”")
    else:
        pieces.append(_("empty paragraph"))
    return SEPARATOR.join(pieces)


def place_at(doc: Document, offset: int) -> WordPlace:
    """The place of the paragraph holding `offset`."""
    places = line_places(doc)
    i = doc.line_index(max(0, min(offset, len(doc.text))))
    return places[min(i, len(places) - 1)] if places else WordPlace()


def add_places(doc: Document, findings: list[Finding]) -> None:
    """Give each finding of a Word draft, and each of its related places in the same draft, the
    place a Word user finds it by; a message citing a line number ("repeated from line 5",
    "与第5行…") cites that line's place instead."""
    if doc.source_format != "docx" or not doc.lines:
        return
    for f in findings:
        f.place = place_at(doc, f.offset)
        f.related = [replace(r, place=place_at(doc, r.offset if r.offset is not None
                                               else doc.line_starts[min(r.line, len(doc.line_starts)) - 1]))
                     if r.path == doc.path and r.line >= 1 else r for r in f.related]
        f.message = cite_places(doc, f.message)
        f.related = [replace(r, message=cite_places(doc, r.message)) if r.message else r for r in f.related]


def cite_places(doc: Document, message: str) -> str:
    """`message` with each "line N" (第N行) replaced by the place of line N of a Word draft."""
    def sub(m: re.Match) -> str:
        n = int(m.group(1) or m.group(2))
        if not 1 <= n <= len(doc.line_starts):
            return m.group(0)
        return place_text(place_at(doc, doc.line_starts[n - 1]))

    return _LINE_REF.sub(sub, message)


# A cell that holds only a row's number: 1. 1.2. 3、 4 （5） — Word's auto-numbered 序号 column.
_ROW_NUMBER = re.compile(r"[ \t\u3000]*(?:\d{1,3}(?:[.．]\d{1,3})*[.．、)）]?|[（(]\d{1,3}[）)])[ \t\u3000]*")
_NUMBERED_TEXT = re.compile(r"[ \t\u3000]*(?:\d{1,3}(?:[.．]\d{1,3})*[.．、)）]|[（(]\d{1,3}[）)])[ \t\u3000]*[^\d\s.．]")
_CELL_OF = re.compile(r"^(.*), row \d+, cell (\d+)$")


def table_cells(doc: Document) -> dict[str, dict[str, dict[int, list[int]]]]:
    """table -> row -> cell number -> its 0-based lines, in document order, from a Word draft's
    line sources ("table 1, row 2, cell 3"; a nested table's rows are rows of their own table),
    memoized on the document: the layout the form and numbering checks read."""
    cached = getattr(doc, "_table_cells", None)
    if cached is not None:
        return cached
    tables: dict[str, dict[str, dict[int, list[int]]]] = {}
    for i, source in enumerate((doc.line_sources or [])[:len(doc.lines)]):
        m = _CELL_OF.match(source)
        if m is None:
            continue
        row = source[:source.rindex(", cell ")]
        tables.setdefault(row[:row.rindex(", row ")], {}).setdefault(row, {}).setdefault(int(m.group(2)), []).append(i)
    object.__setattr__(doc, "_table_cells", tables)
    return tables


def row_number_lines(doc: Document) -> frozenset[int]:
    """0-based lines of a Word draft that are a table row's number: a cell holding only `1.`
    (the 序号 column of a 术语表 or a 进度计划表) in a row whose other cells hold text, in a column
    where no cell numbers a text (7、界面显示 / 8、 / 9、… is a list that lost its item 8). The
    number labels its row; it heads nothing, so it is no empty heading (memoized on the document)."""
    cached = getattr(doc, "_row_number_lines", None)
    if cached is not None:
        return cached
    lines = doc.lines
    out: set[int] = set()
    for rows in table_cells(doc).values():
        # each cell's lines with text; the columns where a cell numbers a text
        texts = [[[i for i in cell if lines[i].text.strip(BLANK_CHARS)] for cell in cells.values()]
                 for cells in rows.values()]
        itemised = {c for cells in rows.values() for c, cell in cells.items()
                    if any(_NUMBERED_TEXT.match(lines[i].text) for i in cell if lines[i].text.strip(BLANK_CHARS))}
        for cells, kept in zip(rows.values(), texts):
            if sum(1 for k in kept if k) < 2:
                continue
            for c, k in zip(cells, kept):
                if len(k) == 1 and _ROW_NUMBER.fullmatch(lines[k[0]].text) and c not in itemised:
                    out.update(k)
    found = frozenset(out)
    object.__setattr__(doc, "_row_number_lines", found)
    return found


# A list item by its typed mark: 1. 2、 3) （4） a） f） 一、 （五） ①.
_ITEM = re.compile(r"[ \t\u3000]*(?:[（(]?(?:\d{1,3}|[a-zA-Z]|[一二三四五六七八九十]{1,3})[)）]|\d{1,3}[.．、](?!\d)"
                   r"|[一二三四五六七八九十]{1,3}、|[①-⑳])")


def restated_item(doc: Document, later: list[int], earlier: list[int]) -> bool:
    """Is a repeat in a Word draft an item restated in another section, on purpose? `later` and
    `earlier` are the starts of the paragraphs of the two copies. When one copy is an item of a
    list (a requirement （5）, a step 1), a function list's closing item j）, a problem 10.) and
    the other stands under other headings, the draft restates it: a 方案's design repeats its
    requirements, a summary lists an incident told before, each function list ends with the same
    item. A paste slip repeats text in place: the same section (one holds the other; the draft's
    opening before any heading is no section), or prose copied into prose."""
    if not later or not earlier:
        return False
    places = line_places(doc)
    a, b = places[doc.line_index(later[0])], places[doc.line_index(earlier[0])]
    short, long = sorted((a.headings, b.headings), key=len)
    if a.table or b.table or (short and long[:len(short)] == short) or a.headings == b.headings:
        return False  # one section holds both (an item's own short line may read as a heading)

    def item(offset: int) -> bool:
        i = doc.line_index(offset)
        return i + 1 in doc.list_labels or _ITEM.match(doc.lines[i].text) is not None

    return any(item(o) for o in (*later, *earlier))


# The number of a heading (3.10, 4、, （二）, 第三章), left off to compare two headings' names.
_HEADING_NUMBER = re.compile(r"[ \t\u3000]*(?:第[一二三四五六七八九十百零〇\d]{1,4}[章节部分篇]|[（(]?(?:[一二三四五六七八九十]{1,3}|\d{1,3}(?:[.．]\d{1,3})*)[)）]?[.．、]?)[ \t\u3000]*")


def _heading_name(heading: str) -> str:
    """A heading's words without its number (3.10注释设计 -> 注释设计)."""
    return _HEADING_NUMBER.sub("", heading, count=1)


def parallel_sections(doc: Document, later: list[int], earlier: list[int]) -> bool:
    """Are the two copies of a repeat in a Word draft the same part of two sections written to one
    template? A design specification describes each module under the same headings (3.10注释设计
    under module 3, 4.10注释设计 under module 4; 限制条件, 测试计划 …) and says the same of several
    modules on purpose. `later` and `earlier` are the starts of the copies' paragraphs, taken in
    pairs: under one pair at least the headings read the same but for their numbers, while the
    headings above them are named differently (two sections, one template), and no pair stands in
    one section. A paste slip repeats text within its section, into a section of another name, or
    a section whole under its own name again (3.6 最新热点新闻推送的需求 after 3.1 …需求); a
    heading copied inside the copy (a short list item read as one) tells nothing. The template is
    one when the heading recurs under three sections or more (a summary's 1.1公司简介 restating the
    chapter 2.1公司简介 word for word is a copy to check)."""
    places = line_places(doc)
    recurring = _recurring_headings(doc, places)
    inside = {_heading_text(doc.lines[doc.line_index(o)].text) for o in (*later[1:], *earlier[1:])}
    found = False
    for x, y in zip(later, earlier):
        a, b = places[doc.line_index(x)], places[doc.line_index(y)]
        if a.headings == b.headings:
            return False
        if (found or len(a.headings) < 2 or len(a.headings) != len(b.headings)
                or a.headings[-1] in inside or b.headings[-1] in inside):
            continue
        name = _heading_name(a.headings[-1])
        found = (len(name) >= 2 and name in recurring and name == _heading_name(b.headings[-1])
                 and list(map(_heading_name, a.headings[:-1])) != list(map(_heading_name, b.headings[:-1])))
    return found


_TEMPLATE_SECTIONS = 3  # sections holding a heading of one name: written to one template


def _recurring_headings(doc: Document, places: list[WordPlace]) -> set[str]:
    """The names of headings (numbers left off) found under `_TEMPLATE_SECTIONS` differently
    named sections or more (memoized on the document)."""
    cached = getattr(doc, "_recurring_headings", None)
    if cached is not None:
        return cached
    parents: dict[str, set[str]] = {}
    for path in {p.headings for p in places if len(p.headings) >= 2}:
        parents.setdefault(_heading_name(path[-1]), set()).add(_heading_name(path[-2]))
    found = {name for name, above in parents.items() if len(above) >= _TEMPLATE_SECTIONS}
    object.__setattr__(doc, "_recurring_headings", found)
    return found


_OUTLINE_RUN = 5  # top headings a second write-up repeats in order: the file holds two to one outline


def _outline_heads(doc: Document, places: list[WordPlace]) -> list[tuple[int, str]]:
    """(line, name without its number) of each heading at the top level of a Word file's outline
    (a Title aside), in order."""
    body = [i for i, place in enumerate(places)
            if doc.style_headings.get(i + 1, 0) >= 1 and place.part == "body" and doc.lines[i].text.strip()]
    top = min((doc.style_headings[i + 1] for i in body), default=0)
    return [(i, _heading_name(_heading_text(doc.lines[i].text))) for i in body if doc.style_headings[i + 1] == top]


def _write_up_starts(doc: Document, places: list[WordPlace]) -> tuple[list[int], list[tuple[int, str]]]:
    """The lines where each write-up of a Word file starts when it holds several written to one
    outline (a course report's 第一部分 and 第二部分, each 1.1题目 / 1.2软件功能 / 1.3设计思想 …): a run
    of `_OUTLINE_RUN` top-level heading names that recurs in the same order, traced back to where the
    two runs part; and those headings (memoized on the document). None found: []. Sections of one
    template under differently named chapters (2.1程序描述 / 2.2性能 under each module) are
    `parallel_sections`' to judge: they are no top-level run."""
    cached = getattr(doc, "_write_up_starts", None)
    if cached is not None:
        return cached
    heads = _outline_heads(doc, places)
    names = [name for _, name in heads]
    starts: list[int] = []
    for a in range(len(names) - _OUTLINE_RUN):
        run = names[a:a + _OUTLINE_RUN]
        if min(map(len, run)) < 2:
            continue
        again = [b for b in range(a + _OUTLINE_RUN, len(names)) if names[b:b + _OUTLINE_RUN] == run]
        if again:
            back = 0
            while a - back - 1 >= 0 and names[a - back - 1] == names[again[0] - back - 1] \
                    and a - back - 1 < again[0] - back - 1 - _OUTLINE_RUN:
                back += 1
            starts = [heads[a - back][0], *(heads[b - back][0] for b in again)]
            break
    found = (starts, heads)
    object.__setattr__(doc, "_write_up_starts", found)
    return found


def in_parallel_write_ups(doc: Document, later: int, earlier: int) -> bool:
    """Do offsets `later` and `earlier` stand in the same-named section of two write-ups of one
    Word file written to one outline (`_write_up_starts`: the platform section of each course
    report, 1.5开发平台 / 计算机型号：…)? Each write-up states what it shares with the other in its
    own place: no passage pasted twice."""
    starts, heads = _write_up_starts(doc, line_places(doc))
    if not starts:
        return False
    a, b = doc.line_index(later), doc.line_index(earlier)

    def part(line: int) -> int:
        return sum(1 for s in starts if s <= line)

    def section(line: int) -> str | None:  # the name of the heading at or above the line
        k = bisect_right([h for h, _ in heads], line) - 1
        return heads[k][1] if k >= 0 else None

    return part(a) != part(b) and part(b) >= 1 and section(a) is not None and section(a) == section(b)
