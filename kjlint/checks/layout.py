"""The document as it reads: the parts of a text that are not the document itself.

Scraped copies carry site furniture (KJ601, KJ602, KJ609), page numbers of document-sharing sites
(KJ605) and web markup (KJ608). Rules that judge the document's own structure and wording read past them, so that one
contamination defect is reported once, by its own rule, and does not cascade into a missing
title, a numbering gap or a truncated ending. A Word file's own furniture is left out the same
way: headers, footers, footnotes, endnotes, comments, the table of contents and the cover page
(`Document.parts`, kjlint.docx). Positions stay those of the original text.
"""
from __future__ import annotations

import re

from ..document import BLANK_CHARS, Document, Span
from ..diskcache import compile_regex
from ..ruletypes import Context, rule_hits

FURNITURE = ("KJ601", "KJ602", "KJ609")  # whole lines that are not part of the document
# What can stand at the start of a paragraph without being part of it: a page number of a
# sharing site (the paragraph continues the one before) and web markup such as <p> or [NextPage].
LEADING = ("KJ605", "KJ608")
# 目录, 目 录, 目录页 (目 錄 in traditional script), and a report's own name for it (决算公开目录, 报告目录);
# a writer may end it with a colon, as a lead-in (目录： above the outline typed as text). A site's
# outline block names itself so too, with a second name and its lead-in: 目錄/提綱:……
CONTENTS_TITLE = compile_regex(r"^[ \t\u3000]*(?:[^\s。，；：:,;>|｜]{1,10})?目[ \t\u3000]*[录錄次][ \t\u3000]*页?"
                               r"(?:[/／][提大][纲綱][:：]?[…]*)?[ \t\u3000]*[:：]?[ \t\u3000]*$")
# An entry of a table of contents: short once its dot leaders and page number are cut off (a
# leader may be a hundred dots long), no sentence in it.
CONTENTS_WORD = compile_regex(r"目[ \t\u3000]*[录錄次]")  # in every line CONTENTS_TITLE matches
CONTENTS_PAGE = compile_regex(r"[\s.．…·_-]*\d*$")  # dot leaders and the page number
# ……………3, and the shortest leader, one ellipsis (两个…: 六、…情况说明……16)
# A line opening with an outline's number (一、 （一） 1、 第一部分 第二章): an entry of an untitled contents list.
OUTLINE_NUMBER = compile_regex(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、．.](?!\d)"
    r"|第[一二三四五六七八九十\d]{1,3}[部章篇节])")
# An entry may keep the full stop of the heading it copies (一、2018年度收入支出决算总体及增减变动情况。):
# a numbered line, one sentence no longer than an entry; and a heading that asks its question (1.1 什么是 HTML 表单?).
CONTENTS_ENTRY = compile_regex(r"^[^。；;！？!?]{1,50}[？?]?$|" + OUTLINE_NUMBER.pattern + r"[^。；;！？!?]{1,48}。$")
HAN = compile_regex(r"[\u4e00-\u9fff]")
# A 落款's date under the issuing organ, alone on its line, in any era a document counts in:
# 2020年2月19日, 二〇二四年三月一日, 二00七年十二月九日, a Taiwan rule's 民國 105 年 12 月 23 日
SIGNING_DATE = compile_regex(r"^[ \t\u3000]*(?:(?:中華民國|中华民国|民國|民国)[ \t\u3000]*(?:\d{2,3}|[〇○零一二三四五六七八九十百]{1,4})"
                             r"|\d{4}|[〇○零0０一二三四五六七八九]{4})[ \t\u3000]*年[ \t\u3000]*[\d一二三四五六七八九十]{1,3}"
                             r"[ \t\u3000]*月[ \t\u3000]*[\d一二三四五六七八九十]{1,3}[ \t\u3000]*日[ \t\u3000]*$")
CONTENTS_LEADER = compile_regex(r"(?:…{2,}|[.．…·_-]{3,})[ \t\u3000]*\d{1,4}[ \t\u3000]*$")


def flagged_lines(doc: Document, ctx: Context, codes: list[str] | tuple[str, ...]) -> set[int]:
    """0-based line indexes whose text findings of the named rules cover (memoized per document):
    a line holding furniture inside its prose (a blurb sentence, a page counter) is still read.
    A rule the user deselected still counts: what it recognizes is still not the document."""
    out: set[int] = set()
    for code in codes:
        key = f"flagged-lines:{code}"
        if key not in ctx.memo:
            rule = ctx.catalog.rules.get(code)
            lines: set[int] = set()
            if rule is not None and rule.run is not None and rule.enabled:
                for hit in rule_hits(rule, doc, ctx):
                    first, last = doc.line_index(hit.offset), doc.line_index(max(hit.offset, hit.end - 1))
                    lines.update(i for i in range(first, last + 1) if _covers(doc, i, hit.offset, hit.end))
            ctx.memo[key] = lines
        out |= ctx.memo[key]
    return out


# A table a page gave as text, one cell per line: each cell's text, then a blank and its rule
# (序号 |, 坚持服务跟着项目走，… |, 5.1 |), and a line of rules alone where a row ends (|, ||||).
_FLAT_TABLE_LINE = compile_regex(
    r"(?m)^(?:[^\n|｜]*[^\s|｜][ \t\u3000]+[|｜]|[ \t\u3000]*[|｜][|｜ \t\u3000]*)[ \t\u3000\r]*$")
FLAT_TABLE_CELLS = 4  # cells in a run that make it a table (a page's panel row shows one or two: 37.5 KB |)
FLAT_CELL_MAX = 20  # characters of a cell in a table a page cut short (a header's cell: 本年新 制作数量 |)
FLAT_TABLE_GAP = 2  # lines with text in a run that do not end with a rule: a cell's text going on


# A table a page gave as text, one row per line: two cells or more parted by `|` (新闻发布会 | 电视采访 |
# 数字图文 | 微信 |, 3次 | 2次 | 21条 | 400余条 |), a rule maybe before the first and after the last.
_FLAT_TABLE_ROW = compile_regex(
    r"(?m)^[ \t\u3000]*[|｜]?[ \t\u3000]*[^\s|｜][^\n|｜]*(?:[|｜][ \t\u3000]*[^\s|｜][^\n|｜]*)+[|｜]?[ \t\u3000\r]*$")
# A quantity in a cell: a figure and its unit at most (3次, 400余条, 12.5万元, 98%), no code, date or number of a file
_TABLE_FIGURE = compile_regex(r"^[ \t\u3000]*\d[\d.,]*[ \t]*(?:[余多]?[\u4e00-\u9fff]{0,2}|%|％)[ \t\u3000]*$")


# A table a page gave as text one row per line, its cells parted by `|` (1. | 《…公告》 | 60/2009), and a
# lone `|` line where each row ends; a cell's text may go on over a line or two (2007-08年度年报).
_ROW_END = compile_regex(r"(?m)^[ \t\u3000]*[|｜][ \t\u3000\r]*$")
_CELL_BAR = compile_regex(r"[^\s|｜][ \t\u3000]*[|｜][ \t\u3000]*[^\s|｜]")


PROSE_ROW_BARS = 2  # lone bars between prose that make them a table's row ends
_PROSE_CELL_END = compile_regex(r"[。；;]$")  # the cell above ends a sentence: no label, no menu item


def _prose_row_bars(doc: Document) -> set[int]:
    """Lone `|` lines between paragraphs of prose, PROSE_ROW_BARS or more (a law's articles given
    as a table's rows whose number column the copy lost: …訂定之。 / | / 鄉鎮縣轄市公所置…): each closes
    a row whose cell is the text above it, as a table's border does; a menu's bars part short
    names (首页 / | / 新闻中心), and a bar above the first line or under the last is the page's frame."""
    bars = [doc.line_index(m.start()) for m in _ROW_END.finditer(doc.text)]
    if len(bars) < PROSE_ROW_BARS:
        return set()
    text_lines = [i for i, line in enumerate(doc.lines) if line.text.strip(BLANK_CHARS + "|｜")]
    if not text_lines:
        return set()
    first, last = text_lines[0], text_lines[-1]
    found = set()
    for i in bars:
        if not first < i < last:
            continue
        above = next(k for k in range(i - 1, -1, -1) if doc.lines[k].text.strip(BLANK_CHARS))
        below = next(k for k in range(i + 1, len(doc.lines)) if doc.lines[k].text.strip(BLANK_CHARS))
        if (_ROW_END.fullmatch(doc.lines[above].text) is None and _ROW_END.fullmatch(doc.lines[below].text) is None
                and _PROSE_CELL_END.search(doc.lines[above].text.strip(BLANK_CHARS))):
            found.add(i)
    return found if len(found) >= PROSE_ROW_BARS else set()


def _barred_row_lines(doc: Document) -> set[int]:
    """Lines of tables given one row per line with a lone `|` closing each row: a run of such
    bars and rows (cells parted by `|`), at most FLAT_TABLE_GAP other lines of text between one and
    the next, with two rows or more and a bar between two of them. A table may also give one cell
    per line with a lone `|` after each (指 标 / | / 绝对数 / | / 295.4 / |): FLAT_TABLE_CELLS bars or
    more, one line of text between each and the next, and quantities among those cells. A lone `|`
    above or under a text without such rows is the page's frame (KJ601)."""
    if _ROW_END.search(doc.text) is None:
        return set()  # most texts
    events = sorted({(doc.line_index(m.start()), True) for m in _ROW_END.finditer(doc.text)}
                    | {(doc.line_index(m.start()), False) for m in _CELL_BAR.finditer(doc.text)},
                    key=lambda e: (e[0], not e[1]))
    found: set[int] = set()
    run: list[tuple[int, bool]] = []

    def close() -> None:
        kinds = [bar for _, bar in run]
        if kinds.count(False) >= 2 and (any(
                bar and False in kinds[:k] and False in kinds[k + 1:] for k, bar in enumerate(kinds))
                or (kinds[-1] and _first_row_numbered(doc, [i for i, bar in run if not bar]))):
            # (or a header row over rows numbered from 1, a bar closing the last: 序号 | 项目名称 | … /
            # 1 | 某某工程 / |, the text cut before the next row's)
            found.update(range(run[0][0], run[-1][0] + 1))
        elif len(run) >= FLAT_TABLE_CELLS and all(kinds) and _cell_per_line(doc, [i for i, _ in run]):
            found.update(range(run[0][0], run[-1][0] + 1))

    for i, bar in events:
        if run and run[-1][0] == i:
            continue  # a row's line holds several bars
        if run and sum(1 for k in range(run[-1][0] + 1, i) if doc.lines[k].text.strip(BLANK_CHARS)) > FLAT_TABLE_GAP:
            close()
            run = []
        run.append((i, bar))
    close()
    return found


_ROW_NUMBER_ONE = compile_regex(r"^[ \t\u3000]*[|｜]?[ \t\u3000]*1[ \t\u3000]*[|｜]")


def _first_row_numbered(doc: Document, rows: list[int]) -> bool:
    """Whether the row under the first of `rows` opens with the number 1 in a cell of its own:
    a table numbering its rows under its header (序号 | 项目名称 | … / 1 | 某某工程 |)."""
    return len(rows) >= 2 and _ROW_NUMBER_ONE.match(doc.lines[rows[1]].text) is not None


def _cell_per_line(doc: Document, bars: list[int]) -> bool:
    """Whether lone `|` lines at `bars` part one cell per line: exactly one line of text between
    each bar and the next, and two of those cells or more quantities (295.4, 7.7, 24.4亿元)."""
    figures = 0
    for a, b in zip(bars, bars[1:]):
        cells = [doc.lines[k].text for k in range(a + 1, b) if doc.lines[k].text.strip(BLANK_CHARS)]
        if len(cells) != 1:
            return False
        figures += _TABLE_FIGURE.match(cells[0]) is not None
    return figures >= 2


def _row_table_lines(doc: Document) -> set[int]:
    """Lines of tables given one row per line: two rows or more in a run (blank lines between
    them), each with the same number of cells, and a row of quantities among them (3次 | 2次 | 21条):
    a statistics table. A site's bar menu (首页 | 新闻 | 政务公开) has words in its cells, and a portal's
    metadata panel (索引号 | 1150…/2024-00007 | 发文字号 | …〔2024〕2号 |) codes, dates and labels."""
    found: set[int] = set()
    run: list[tuple[int, list[str]]] = []

    def close() -> None:
        if len(run) >= 2 and len({len(cells) for _, cells in run}) == 1 and any(
                2 * sum(1 for c in cells if _TABLE_FIGURE.match(c)) >= len(cells) for _, cells in run):
            found.update(i for i, _ in run)

    for m in _FLAT_TABLE_ROW.finditer(doc.text):
        i = doc.line_index(m.start())
        if run and any(doc.lines[k].text.strip(BLANK_CHARS) for k in range(run[-1][0] + 1, i)):
            close()
            run = []
        run.append((i, [c for c in re.split(r"[|｜]", m.group(0)) if c.strip(BLANK_CHARS)]))
    close()
    return found


def flat_table_lines(doc: Document, ctx: Context) -> frozenset[int]:
    """0-based indexes of the lines of a table read as lines (memoized per document): a run of
    four cells or more, each on its own line ending with ` |` or closed by a lone `|` line under
    it, maybe with lone `|` lines where rows end and a cell's text going on over a line or two.
    Its cells are the document's content, its `|` the table's layout: no site's chrome, no short
    lines of a menu or a footer, no headings. A line of words ending with ` |` alone, or a lone `|` above the text, is a
    page's frame (reported by KJ601)."""
    out = ctx.memo.get("flat-table-lines")
    if out is None:
        out = frozenset()
        if doc.source_format != "docx" and ("|" in doc.text or "｜" in doc.text):
            found: set[int] = set()
            run: list[int] = []
            cells = 0
            closed = figures = 0  # cells closed by a lone rule under them, and those holding a figure
            last = -1

            def is_table() -> bool:
                # a run whose cells are all closed by lone rules is a table when it holds a figure
                # (第二十条第(一)项 / | / … / 0 / |); without one, a site's menu drawn an item a line
                # (首页 / | / 新闻中心 / | / …)
                return cells >= FLAT_TABLE_CELLS and (closed < cells or figures > 0)

            for m in _FLAT_TABLE_LINE.finditer(doc.text):
                i = doc.line_index(m.start())
                if run and (i - last > FLAT_TABLE_GAP + 1 and sum(
                        1 for k in range(last + 1, i) if doc.lines[k].text.strip(BLANK_CHARS)) > FLAT_TABLE_GAP):
                    if is_table():
                        found.update(range(run[0], run[-1] + 1))
                    run, cells, closed, figures = [], 0, 0, 0
                run.append(i)
                # a word or a figure, no bullet (• |); or a lone rule closing the cell on the line
                # above it (第二十条第(一)项 / | / 信息内容 / | / …: a page's table, a rule a line)
                if any(ch.isalnum() for ch in m.group(0)):
                    cells += 1
                elif i > 0 and last != i - 1 and any(ch.isalnum() for ch in doc.lines[i - 1].text):
                    cells += 1
                    closed += 1
                    figures += any(ch.isdigit() for ch in doc.lines[i - 1].text)
                last = i
            if is_table() or (run and cells >= FLAT_TABLE_CELLS - 1 and closed == 0
                              and all(len(doc.lines[k].text.strip(BLANK_CHARS)) <= FLAT_CELL_MAX for k in run)
                              and sum(1 for k in range(run[-1] + 1, len(doc.lines))
                                      if doc.lines[k].text.strip(BLANK_CHARS)) <= 1):
                # (a page cut inside its table, three cells shown: 第二十条第(一)项 | / 信息内容 | /
                # 本年新 制作数量 | / 本年新 公… where the text ends)
                found.update(range(run[0], run[-1] + 1))
            out = frozenset(found | _row_table_lines(doc) | _barred_row_lines(doc) | _prose_row_bars(doc)
                            | pair_table_lines(doc, ctx))
        ctx.memo["flat-table-lines"] = out
    return out


# A row of a table of particulars a page gave as text, one row per line: a short label, a bar, its
# value, maybe a closing bar (项目名称 | 年产10万立方米…项目 |, 建设地点 | …以北 |, 备注 |).
_PAIR_ROW = compile_regex(
    r"(?m)^[ \t\u3000]*(?P<key>[^\s|｜][^\n|｜]{0,23}?)[ \t\u3000]*[|｜]"
    r"(?:[ \t\u3000]*(?P<value>[^\s|｜][^\n|｜]*?)[ \t\u3000]*[|｜]?)?[ \t\u3000\r]*$")
_NUMERIC_DATE = compile_regex(r"^\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
PAIR_TABLE_ROWS = 3  # rows with a value that make a table of particulars
PAIR_VALUE_LONG = 24  # a value longer than any of a portal panel's (a name, a date, a code): a project's, a place's


def pair_table_lines(doc: Document, ctx: Context) -> frozenset[int]:
    """0-based indexes of the lines of a table of particulars given one row per line (memoized): a run
    of PAIR_TABLE_ROWS rows or more, each a label and its value parted by `|`, on consecutive lines, one
    value at least longer than PAIR_VALUE_LONG (a project's name, a place: 建设地点 | 莒县…以北 |) and
    at most one a numeric date (受理日期 | 2026-3-4 |). A 公示 or a 决算 gives its particulars so. A portal's
    metadata panel holds short values (codes, dates, an office) under its known keys (KJ609's
    panel-keys: 索引号 | …, 发布机构 | …): a run with one of those keys is the panel's."""
    out = ctx.memo.get("pair-table-lines")
    if out is None:
        out = frozenset()
        if doc.source_format != "docx" and ("|" in doc.text or "｜" in doc.text):
            panel = ctx.catalog.rules.get("KJ609")
            keys = frozenset(panel.params.get("panel-keys", ())) if panel is not None else frozenset()
            found: set[int] = set()
            run: list[tuple[int, str, str | None]] = []

            def close() -> None:
                values = [v for _, _, v in run if v]
                if (len(values) >= PAIR_TABLE_ROWS and any(len(v) > PAIR_VALUE_LONG for v in values)
                        and sum(1 for v in values if _NUMERIC_DATE.match(v)) <= 1
                        and not any(k.strip("[]［］【】:： \t\u3000") in keys for _, k, _ in run)):
                    found.update(i for i, _, _ in run)

            for m in _PAIR_ROW.finditer(doc.text):
                i = doc.line_index(m.start())
                if run and i != run[-1][0] + 1:
                    close()
                    run = []
                run.append((i, m.group("key"), m.group("value")))
            close()
            out = frozenset(found)
        ctx.memo["pair-table-lines"] = out
    return out


def text_before_trailing_furniture(doc: Document, ctx: Context, p: Span, codes: list[str] | tuple[str, ...]) -> int:
    """Where paragraph `p` ends once furniture the named rules found at its end is taken off
    (…切实改善了生产生活条件。 精品办公范文集锦; …的问题。 第1页共3页): the offset after its
    last character of text."""
    end = p.end
    hits = sorted((h for code in codes if (rule := ctx.catalog.rules.get(code)) is not None
                   and rule.run is not None and rule.enabled for h in rule_hits(rule, doc, ctx)
                   if p.start <= h.offset < p.end), key=lambda h: h.end, reverse=True)
    for h in hits:
        if h.end >= end or not doc.text[h.end:end].strip():
            end = min(end, h.offset)
    while end > p.start and doc.text[end - 1].isspace():
        end -= 1
    return end


def _covers(doc: Document, i: int, start: int, end: int) -> bool:
    """Whether [start, end) covers the visible text of line i."""
    line = doc.lines[i]
    text = doc.text[line.start:line.end]
    lead = len(text) - len(text.lstrip())
    trail = len(text.rstrip())
    return start <= line.start + lead and end >= line.start + trail


def leading_residue(doc: Document, ctx: Context) -> dict[int, int]:
    """{offset: end} of page numbers and markup residue found by their rules (memoized): where one
    starts a paragraph, the paragraph as it reads starts after it."""
    key = "leading-residue"
    if key not in ctx.memo:
        spans: dict[int, int] = {}
        for code in LEADING:
            rule = ctx.catalog.rules.get(code)
            if rule is not None and rule.run is not None and rule.enabled:
                for hit in rule_hits(rule, doc, ctx):
                    spans[hit.offset] = max(hit.end, spans.get(hit.offset, hit.end))
        ctx.memo[key] = spans
    return ctx.memo[key]


def outline_paragraphs(doc: Document, ctx: Context) -> list[Span]:
    """`reading_paragraphs` without the text boxes of a Word file: a text box is a story of its
    own (a diagram's steps （一）头结点 （二）数据结点, a margin note), read after the paragraph
    that anchors it but no part of the body's outline, whose numbers and headings run around it."""
    out = ctx.memo.get("outline-paragraphs")
    if out is None:
        paras = reading_paragraphs(doc, ctx)
        if doc.parts and "textbox" in doc.parts.values():
            paras = [p for p in paras if doc.part(doc.line_index(p.start)) != "textbox"]
        out = ctx.memo["outline-paragraphs"] = paras
    return out


def reading_paragraphs(doc: Document, ctx: Context) -> list[Span]:
    """The paragraphs of the document as it reads: furniture lines and the furniture parts of a
    Word file (see `Document.in_reading`) left out, page numbers and markup cut off the
    paragraphs they start (memoized per document)."""
    out = ctx.memo.get("reading-paragraphs")
    if out is None:
        furniture = flagged_lines(doc, ctx, FURNITURE)
        residue = leading_residue(doc, ctx)
        out = []
        in_contents = led = False
        # What a 目录 line needs (most texts have none; a bare 目 is in every 项目)
        contents = "目" in doc.text and CONTENTS_WORD.search(doc.text) is not None
        if not contents and not residue and not doc.parts:  # most texts: only furniture lines left out
            out = [p for p, index in zip(doc.paragraphs, doc.paragraph_lines) if index not in furniture] \
                if furniture else list(doc.paragraphs)
            out = _without_untitled_contents(out)
            ctx.memo["reading-paragraphs"] = out
            return out
        paragraphs = doc.paragraphs
        closed_at: int | None = None
        for k, (p, index) in enumerate(zip(paragraphs, doc.paragraph_lines)):  # each one's line, known (no bisect)
            if contents and CONTENTS_TITLE.match(p.text) and doc.in_reading(index):
                in_contents, entries, led = True, set(), False  # a table of contents typed as text (or a site's: KJ601)
                closed_at = _elided_outline_end(paragraphs, k)
                continue
            if index in furniture or not doc.in_reading(index):
                continue
            if in_contents and closed_at is not None and k <= closed_at:
                in_contents = k < closed_at  # a site's outline block, its entries cut, up to its closing ……
                continue
            # A Word heading (style 标题 1…) is the body's, never an entry: a 目录 line whose table
            # Word left empty (not updated) is followed by the first chapter.
            # Entries written with dot leaders and page numbers end at the first line without them
            # (一、引言……1 … 十、参考文献……13 / 一．引入: the body's first heading, worded otherwise),
            # unless nothing is read after it: the page cut the list inside an entry (一、收入支出决算总表……32 /
            # 二、收入决算, the text's end), no body of one heading.
            paged = in_contents and CONTENTS_LEADER.search(p.text) is not None
            if (in_contents and CONTENTS_ENTRY.match(CONTENTS_PAGE.sub("", p.text) or p.text) and index + 1 not in doc.style_headings
                    and (paged or not led or _heads_paged_entry(paragraphs, k)
                         or not any(j not in furniture and doc.in_reading(j) for j in doc.paragraph_lines[k + 1:]))
                    and not (len(entries) >= 2 and _opens_body(paragraphs, k))):
                key = _entry_key(p.text)
                # an entry again: the body has begun with the first heading, maybe numbered and
                # stopped otherwise (1.系统设计目标、功能介绍。 in the list, 1、系统设计目标，功能介绍 below)
                bare = _bare_key(key)
                if key not in entries and (not bare or bare not in entries):
                    entries.add(key)
                    if bare:
                        entries.add(bare)
                    led = led or paged
                    continue
            in_contents = False
            start = p.start
            while start in residue and start < p.end:
                start = residue[start]
                while start < p.end and doc.text[start] in " \t\u3000":
                    start += 1
            if start >= p.end:
                continue
            if start != p.start:
                p = Span(start, p.end, doc.text[start:p.end])
            out.append(p)
        out = _without_untitled_contents(out)
        ctx.memo["reading-paragraphs"] = out
    return out


# The first heading of an outline (一、, （一）, 1.): after entries of a contents list, with prose
# right under it, it is the body's first heading (目 錄 / 九、… / 十二、… / 第一部分 單位概況 /
# 一、主要職能 / 貫徹執行…: a contents list the page cut short)
_FIRST_HEADING = compile_regex(r"^[ \t\u3000]*(?:一[、．.]|[（(]一[）)]|1[、．.](?!\d))")


def _opens_body(paragraphs: list[Span], k: int) -> bool:
    """Is paragraph k the body's first heading rather than an entry of the contents above it?"""
    if _FIRST_HEADING.match(paragraphs[k].text) is None or k + 1 >= len(paragraphs):
        return False
    below = paragraphs[k + 1].text
    return CONTENTS_ENTRY.match(CONTENTS_PAGE.sub("", below) or below) is None


_ELLIPSIS_LINE = compile_regex(r"[ \t\u3000]*(?:…+|\.{3,})[ \t\u3000]*")
_OUTLINE_REACH = 40  # paragraphs a site's outline block may hold


def _elided_outline_end(paragraphs: list[Span], k: int) -> int | None:
    """Where a site's outline block ends: its title opens with an ellipsis (目錄/提綱:……) and a line of
    one closes it (……) a few lines down; its entries are the text's headings, some cut to any
    length (（四）結合“萬人助萬企”活動，持續開展…). None when no such line follows."""
    if not paragraphs[k].text.rstrip().endswith(("…", "...")):
        return None
    for j in range(k + 1, min(len(paragraphs), k + 1 + _OUTLINE_REACH)):
        if _ELLIPSIS_LINE.fullmatch(paragraphs[j].text):
            return j
    return None


def _heads_paged_entry(paragraphs: list[Span], k: int) -> bool:
    """An entry without a page number among entries with leaders, right above one with them: a
    group's heading whose entries carry the pages (二、主要表 / (一)歲入來源別預算表 ----23) or an
    entry wrapped over two lines (…附帶決議 / 及注意辦理事項…報告表 ----93). The body's first
    heading has prose under it, no leader."""
    return k + 1 < len(paragraphs) and CONTENTS_LEADER.search(paragraphs[k + 1].text) is not None


def _entry_key(text: str) -> str:
    return CONTENTS_PAGE.sub("", text).replace(" ", "").replace("\u3000", "").replace("\t", "")


_ENTRY_MARKS = compile_regex(r"[，、。,.．：:；;（）()]")


_OUTLINE_DIGITS = compile_regex(r"[一二三四五六七八九十]+|\d+")
_CN_VALUE = {c: v for v, c in enumerate("一二三四五六七八九", 1)}


def _outline_value(number: str) -> str:
    """The value of an outline number (十二、 → 12, （1） → 1, 第三部分 → 3): a heading is known
    again under another mark (一、 in the list, 1、 below) but not under another value (十二、部门整体
    支出绩效自评情况 in the list, （一）部门整体支出绩效自评情况 a sub-heading of the body's 四、)."""
    m = _OUTLINE_DIGITS.search(number)
    if m is None:
        return ""
    digits = m.group()
    if digits.isdigit():
        return str(int(digits))
    tens, ten, ones = digits.partition("十")
    if not ten:
        return str(_CN_VALUE.get(digits[-1], 0))
    return str(_CN_VALUE.get(tens[-1:], 1) * 10 + _CN_VALUE.get(ones[:1], 0))


def _bare_key(key: str) -> str:
    """An entry's key without its outline mark and punctuation ('' when it has no number): a
    heading is known again below however the body marks and stops it, numbered the same
    (`_outline_value`). Kept apart from the key (prefixed) so that an unnumbered line never
    matches it."""
    m = OUTLINE_NUMBER.match(key)
    return "\x00" + _outline_value(m.group()) + "\x00" + _ENTRY_MARKS.sub("", key[m.end():]) if m else ""


def _without_untitled_contents(paras: list[Span], scan: int = 80, least: int = 4) -> list[Span]:
    """Leave out a contents list typed without its 目录 title (a 决算公开's outline at the top):
    in a run of short lines, `least` or more titled outline entries (a number and words), the
    first entry that the run itself repeats starts the list and its repeat, the body's first
    heading, ends it. An outline written once and then filled in, not a plan's empty headings
    nor a list of bare numbers (`1.` / `ICD` / `2.` …) that another list numbers again."""
    n = min(len(paras), scan)
    i = 0
    while i < n:
        if not CONTENTS_ENTRY.match(paras[i].text):
            i += 1
            continue
        j = i
        while j < len(paras) and CONTENTS_ENTRY.match(paras[j].text):
            j += 1
        titled = [k for k in range(i, j) if (m := OUTLINE_NUMBER.match(paras[k].text))
                  and len(HAN.findall(paras[k].text, m.end())) >= 2]
        if len(titled) >= least:
            first_seen: dict[str, int] = {}
            for k in titled:
                key = _entry_key(paras[k].text)
                if key in first_seen:
                    start = first_seen[key]
                    if sum(1 for m in titled if start < m < k) >= least - 1:
                        return paras[:start] + paras[k:]
                    break
                first_seen[key] = k
        i = j
    return paras
