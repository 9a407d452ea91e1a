"""KJ2 placeholders: what a pattern cannot see. Most KJ2 rules are patterns (rules/kj2-…yaml);
a Word form's empty fields are judged by the form's layout (`empty_fields`) and reported by
KJ204 beside its pattern hits; a dot left for a deleted word is judged by the text's own full
stop (`dot_for_a_word`) and reported by KJ207 beside its pattern hits; a Word draft's review
comments are read from its comments part (KJ208)."""
from __future__ import annotations

import re
from typing import Iterator

from .registry import check
from .structure import cn_number
from ..diskcache import compile_regex
from ..document import Document
from ..i18n import _
from ..ruletypes import Context, Hit

_BLANK = " \t\u3000"


@check("empty-form-field")
def empty_form_field(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """A field of a Word form left empty, quoted at its label (`hand-filled`: the labels of
    what another hand fills in on the printed page)."""
    if doc.source_format != "docx":
        return
    hand_filled = compile_regex("|".join(f"(?:{p})" for p in rule.params.get("hand-filled", ())) or r"(?!)")
    for start, end in empty_fields(doc, hand_filled):
        yield Hit(start, end, {"label": doc.text[start:end]}, key="field")


@check("review-comment")
def review_comment(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """A reviewer's comment still in a Word draft, resolved or not: it travels with the file
    and prints with its markup. One finding per thread (a reply is its thread's), on the
    comment's text, related to the text it is on; a comment that is a kjlint directive is the
    writer's own setting, and kjlint's own review comments are never read as the draft's."""
    from ..findings import Related
    from ..suppression import DIRECTIVE

    anchors = {first: (start, end) for start, end, first, _stop in doc.comment_anchors}
    for first, stop in doc.comment_threads:
        lines = [doc.lines[i] for i in range(first, stop) if doc.lines[i].text.strip()]
        if not lines or any(DIRECTIVE.search(line.text) for line in lines):
            continue
        related = []
        if first in anchors:
            start, end = anchors[first]
            line, column = doc.position(start)
            related.append(Related(doc.path, line, column, _("the commented text"), start, end))
        text = lines[0].text.strip()
        yield Hit(lines[0].start, lines[-1].end, {"comment": text[:30] + ("…" if len(text) > 30 or len(lines) > 1 else "")},
                  related=related)


# A dot between Chinese characters, after one that no sentence ends with (党的.精神, 及.系列), and
# any dot between Chinese characters (the text's own use of `.`).
# (The dot first: re then scans for it in C instead of trying a lookbehind at every character.)
_DOT_AFTER_NON_FINAL = compile_regex(r"[.．](?<=[的及和与與或之把被将將对對][.．])(?=[\u4e00-\u9fff])")
_DOT_BETWEEN_HANZI = compile_regex(r"[.．](?<=[\u4e00-\u9fff][.．])(?=[\u4e00-\u9fff])")


@check("dot-for-a-word")
def dot_for_a_word(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """A word deleted and a dot left in its place (`党的.精神`, `及.系列`), in a text whose full
    stop is 。 (more 。 than dots between Chinese characters): where `.` is the text's full stop,
    a dot after 的 ends a sentence (`成绩是巨大的.但是`)."""
    text = doc.text
    if "." not in text and "．" not in text:
        return
    hits = [m.start() for m in _DOT_AFTER_NON_FINAL.finditer(text)]
    if hits and text.count("。") > sum(1 for _ in _DOT_BETWEEN_HANZI.finditer(text)):
        for at in hits:
            yield Hit(at, at + 1, {"match": text[at]}, key="dot")


# -- A template's guidance for a section, left where the section's text belongs (KJ205) -------------

# Sentence marks inside the brackets: guidance is written as sentences (【结合…提供该软件的总体结构图表。】),
# a bracketed title or label is not (【工作亮点】, 【服务条款】).
_GUIDANCE_SENTENCE = compile_regex(r"[，,。；;、：:]")


@check("section-guidance")
def section_guidance(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """A Word section whose only text is one bracketed passage written as sentences, right under
    its heading (1.5性能 / 【给出一般情况下的运行性能指数。】 / 1.6安全保密): the template's guidance
    for that section, left in place of the text it asks for. Judged by its place, not its
    wording: a bracketed note inside a section's text, or one before a text, is the writer's."""
    if doc.source_format != "docx" or "【" not in doc.text:
        return
    lines = doc.lines
    body = [i for i, line in enumerate(lines) if line.text.strip(_CELL_BLANK) and doc.part(i) == "body"]
    for k, i in enumerate(body):
        text = lines[i].text.strip(_CELL_BLANK)
        if not text.startswith("【") or k == 0 or not _is_heading(doc, body[k - 1]) or doc.in_table(i):
            continue
        # the bracket closes at the end of this paragraph or of one below it (a list inside: 如：/ a.… / d.…。】)
        last = next((m for m in range(k, min(k + 12, len(body)))
                     if "】" in lines[body[m]].text or _is_heading(doc, body[m]) and m > k), None)
        if last is None or not lines[body[last]].text.strip(_CELL_BLANK).endswith("】"):
            continue
        inner = "\n".join(lines[body[m]].text.strip(_CELL_BLANK) for m in range(k, last + 1))[1:-1]
        if "【" in inner or "】" in inner or len(inner) < 8 or not _GUIDANCE_SENTENCE.search(inner):
            continue
        if last + 1 < len(body) and not _is_heading(doc, body[last + 1], sections_only=True):
            continue  # the section's text follows (a list's 1. too): a note of the writer's
        start = lines[i].start + lines[i].text.index("【")
        end_line = lines[body[last]]
        end = end_line.start + end_line.text.rindex("】") + 1
        quote = doc.text[start:end].split("\n")[0]
        yield Hit(start, end, {"match": quote[:40] + ("…" if len(quote) > 40 else "")}, key="guidance")


def _is_heading(doc: Document, i: int, sections_only: bool = False) -> bool:
    """Is line i a heading: styled as one in Word, or numbered as one (一、, 1.1编写目的, 5 结论)?
    With `sections_only`, a list's item (1. （1）) is no heading: it may be the section's text."""
    from .structure import DECIMAL_HEADING, heading_level

    text = doc.lines[i].text.strip(_CELL_BLANK)
    if not text or len(text) > 40 or _SENTENCE.search(text) or text[-1] in "：:":
        return False
    if i + 1 in doc.style_headings or DECIMAL_HEADING.match(text) is not None:
        return True
    level = heading_level(text)
    return level is not None and (level[0] <= 2 or not sections_only)


# -- Fields a Word form's writer left empty (KJ204, `empty_fields`) -------------------------------

_CELL_BLANK = _BLANK + "\r"
# A field's label: a few words, no sentence in it (作品分类, 参赛组别（本科或高职高专）, 3、算法).
_LABEL = compile_regex(r"[^\s。！？；，,;!?：:]{1,20}")
_HAN = compile_regex(r"[\u4e00-\u9fff]")
# A list number before a field's label (3、算法：, （二）职务：, 1. 名称：) and the one a line opens with.
_NUMBER = r"(?:[0-9０-９]{1,2}[、.．]|[（(][0-9０-９一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)"
_LIST_ITEM = compile_regex(rf"^[{_BLANK}]*(?P<number>{_NUMBER})[{_BLANK}]*")
_FIRST_ITEM = compile_regex(r"^(?:[1１][、.．]|[（(][1１一][）)]|一、)")
# A paragraph that is a field: `label：value` or `label：` (a list number may come first).
_FIELD_LINE = compile_regex(
    rf"^[{_BLANK}]*(?:{_NUMBER}[{_BLANK}]*)?(?P<label>[^\s。！？；，,;!?：:]{{1,12}})[：:][{_BLANK}]*(?P<value>.*?)[{_BLANK}\r]*$")
_PEN_ROOM = compile_regex(rf"[：:][{_BLANK}]{{2,}}\r?$")
_SENTENCE = compile_regex(r"[，。；！？,;!?]")
_LEAD_IN = compile_regex(r"以下|如下|下列")
# The last field of a line of fields, empty: 法定代表人：闻龙 职务：; not a label spread over
# the line with blanks (地    址：  …  地    址：, the two parties' columns: 地 is no value)
_LAST_FIELD = compile_regex(
    rf"[：:][{_BLANK}]*(?![^\s：:][{_BLANK}]+[^\s。！？；，,;!?：:][：:])[^\s：:]+[{_BLANK}]+(?P<label>[^\s。！？；，,;!?：:]{{1,8}})[：:][{_BLANK}\r]*$")


def empty_fields(doc: Document, hand_filled: re.Pattern) -> list[tuple[int, int]]:
    """[start, end) of the labels of a Word form's fields its writer left empty, in order.

    A form is judged by its own layout, not by the names of its fields. In a table: a row that
    is a label and empty cells (作品分类 | ), or a cell that is only a label and its colon above
    empty paragraphs (作品安装说明： and the room to write), when most of that table's fields
    are filled (a blank template's fields are all empty: it is a form still to be handed out).
    Among paragraphs: `label：` with nothing after it among fields that are filled (3、算法：
    between 2、Shell：函数… and 4、…; 项目管理工具： under 开发工具：Xcode), or the last field of
    a line whose other fields are filled (法定代表人：闻龙 职务：). What another hand fills in on
    the printed page (a signature, a date, a reviewer's comment: `hand_filled`) and an optional
    field are never reported."""
    if doc.source_format != "docx" or not doc.line_sources:
        return []
    spans = (_empty_cells(doc, hand_filled) + _empty_paragraph_fields(doc, hand_filled) + _empty_run(doc, hand_filled)
             + _empty_tables(doc, hand_filled))
    return sorted(set(spans))


def _empty_cells(doc: Document, hand_filled: re.Pattern) -> list[tuple[int, int]]:
    from ..wordplace import table_cells

    # the cells' lines in the body (a header's or footer's table is no form)
    tables: dict[str, dict[str, dict[int, list[int]]]] = {}
    for table, rows in table_cells(doc).items():
        for row, cells in rows.items():
            for cell, cell_lines in cells.items():
                body = [i for i in cell_lines if doc.part(i) == "body"]
                if body:
                    tables.setdefault(table, {}).setdefault(row, {})[cell] = body
    lines = doc.lines

    def has_text(i: int) -> bool:
        return bool(lines[i].text.strip(_CELL_BLANK)) or i in doc.pictures  # a picture fills a cell too

    out = []
    for rows in tables.values():
        filled, empties, empty = 0, 0, []
        above_whole = True  # the row above has no empty cell
        for cells in rows.values():
            order = sorted(cells)
            first = cells[order[0]]
            whole = all(any(map(has_text, cells[c])) for c in order)
            if len(order) >= 2:  # label | value …
                label, value = "".join(lines[i].text for i in first), [i for c in order[1:] for i in cells[c]]
            elif len(first) >= 2 and lines[first[0]].text.rstrip(_CELL_BLANK)[-1:] in "：:":  # label： and room below
                label, value = lines[first[0]].text.rstrip(_CELL_BLANK)[:-1], first[1:]
            else:
                above_whole = whole
                continue
            if _is_label(label):
                if any(map(has_text, value)):
                    filled += 1
                elif not hand_filled.search(label):  # another hand's field is not the writer's
                    empties += 1
                    if above_whole:
                        empty.append(first[0])
            above_whole = whole
        if filled > empties:
            out += [_label_span(doc, i) for i in empty]
    return out


def _empty_paragraph_fields(doc: Document, hand_filled: re.Pattern) -> list[tuple[int, int]]:
    lines = doc.lines
    out = []
    for i, (start, _end, text) in enumerate(lines):
        if ("：" not in text and ":" not in text) or doc.in_table(i) or doc.part(i) != "body" or i in doc.pictures:
            continue
        if _PEN_ROOM.search(text):
            continue  # room left after the colon: filled in by hand (乙方：        beside 甲方：…)
        last = _LAST_FIELD.search(text)
        if last is not None and not _LIST_ITEM.match(text[last.start("label"):]):
            if _is_label(last.group("label")) and not hand_filled.search(last.group("label")):
                out.append((start + last.start("label"), start + last.end("label") + 1))
            continue
        m = _field(text)
        if m is None or m.group("value") or not _is_label(m.group("label")) or hand_filled.search(m.group("label")):
            continue
        if _filled_neighbour(doc, i) and _nothing_under(doc, i):
            out.append((start + len(text) - len(text.lstrip(_BLANK)), start + m.end("label") + 1))
    return out


# A paragraph that is only a field's label and its colon, a list number first or not; the label
# may carry a note in brackets: (6)联办单位／协办单位（若有，若无可放－）：, 工作进度表：
_LEAD_FIELD = compile_regex(
    rf"^[{_BLANK}]*(?:(?P<number>{_NUMBER})[{_BLANK}]*)?(?P<label>[^\s。！？；，,;!?：:（(]{{1,12}})"
    rf"(?:[{_BLANK}]*[（(][^）)\n]{{0,24}}[）)])?[{_BLANK}]*[：:][{_BLANK}\r]*$")
_RUN = 3  # fields in a row, numbered in sequence: a form's skeleton, not a lead-in
_WHEN = compile_regex(rf"[日][{_BLANK}]*期|[时][{_BLANK}]*间")


def _empty_run(doc: Document, hand_filled: re.Pattern) -> list[tuple[int, int]]:
    """The empty fields of a run of numbered `label：` paragraphs left empty, numbered in
    sequence ((1)活动宗旨： / (2)活动地点： / (3)主办单位： …, tables or blank lines between
    them): a form's fields its writer never filled in, though no field of the run has a value
    to show it. Reported where the next item follows with nothing between (`_nothing_under`);
    a field followed by a table or text has that as its value."""
    lines = doc.lines
    fields = []  # (line, number, match) of each empty numbered field, in order
    for i, (_start, _end, text) in enumerate(lines):
        if text.rstrip(_CELL_BLANK)[-1:] in ("：", ":") and doc.part(i) == "body" and not doc.in_table(i) \
                and not _PEN_ROOM.search(text):
            m = _LEAD_FIELD.match(text)
            if m is not None and m.group("number"):
                fields.append((i, m.group("number"), m))
    out: list[tuple[int, int]] = []
    run: list = []
    for field in fields + [None]:
        if field is not None and run and _next_number(run[-1][1], field[1]):
            run.append(field)
            continue
        if len(run) >= _RUN:
            for i, _number, m in run:
                label = m.group("label")
                # the date or time of what the run describes is the writer's (活动日期): only a
                # signature, a seal or a reviewer's field in it is another hand's
                if _is_label(label) and not hand_filled.search(_WHEN.sub("", label)) and _nothing_under(doc, i):
                    out.append(_label_span(doc, i))
        run = [field] if field is not None else []
    return out


def _empty_tables(doc: Document, hand_filled: re.Pattern) -> list[tuple[int, int]]:
    """A `label：` paragraph whose value is the table right below it, a header row and rows
    all empty ((12)工作进度表： / 日期 | 工作内容 / and empty rows): the table was never filled in."""
    from ..wordplace import table_cells

    lines = doc.lines
    out = []
    for rows in table_cells(doc).values():
        order = list(rows.values())
        first = min(i for cells in order for cell in cells.values() for i in cell)
        if len(order) < 2 or doc.part(first) != "body":
            continue
        head, rest = order[0], order[1:]
        if not any(lines[i].text.strip(_CELL_BLANK) for cell in head.values() for i in cell):
            continue
        if any(lines[i].text.strip(_CELL_BLANK) or i in doc.pictures for cells in rest for cell in cells.values() for i in cell):
            continue
        j = first - 1
        while j >= 0 and not lines[j].text.strip(_CELL_BLANK) and not doc.in_table(j) and j not in doc.pictures:
            j -= 1
        if j < 0 or doc.in_table(j) or doc.part(j) != "body":
            continue
        m = _LEAD_FIELD.match(lines[j].text)
        if m is not None and _is_label(m.group("label")) and not hand_filled.search(m.group("label")):
            out.append(_label_span(doc, j))
    return out


def _block(doc: Document, i: int) -> Iterator[int]:
    """The paragraphs around line `i` up to a blank line or a table, nearest first."""
    lines, n = doc.lines, len(doc.lines)
    for step in (-1, 1):
        j = i + step
        while 0 <= j < n and lines[j].text.strip(_CELL_BLANK) and not doc.in_table(j) and doc.part(j) == "body":
            yield j
            j += step


def _field(text: str) -> re.Match | None:
    """The paragraph as a field (开发工具：Xcode, 2、Shell：函数、流程, 3、算法：), else None: not
    a sentence (数据库包含以下实体型：演员Actor，电影Film…), an address (https://…) nor a lead-in
    that announces what follows (包含以下联系型：)."""
    m = _FIELD_LINE.match(text)
    if m is None or _SENTENCE.search(m.group("value")) or m.group("value").startswith("//") \
            or _LEAD_IN.search(m.group("label")):
        return None
    return m


def _filled_neighbour(doc: Document, i: int) -> bool:
    """Is a paragraph of line i's block a field with its value (开发工具：Xcode)?"""
    for j in _block(doc, i):
        m = _field(doc.lines[j].text)
        if m is not None and m.group("value"):
            return True
    return False


def _nothing_under(doc: Document, i: int) -> bool:
    """Is it plain that nothing under the empty field on line i is its value? A numbered field
    (3、算法：) is followed by the next item of its own list (4、); an unnumbered one (项目管理工具：
    under 4、ios端) ends its block, and the next item of a list above it follows (5、移动接口端).
    What else follows may be the field's value, written under it: the facts under 事实与理由：,
    a list (请求事项： and 一、…), the names under 任务分配：, a picture."""
    lines = doc.lines
    own = _LIST_ITEM.match(lines[i].text)
    blank = False
    for j in range(i + 1, len(lines)):
        if not lines[j].text.strip(_CELL_BLANK):
            blank = True
            continue
        if doc.part(j) != "body" or j in doc.pictures:
            return False
        number = _LIST_ITEM.match(lines[j].text)
        if number is None:
            return False
        if own is not None:
            return _next_number(own.group("number"), number.group("number"))
        return blank and not _FIRST_ITEM.match(number.group("number"))
    return False


def _next_number(first: str, second: str) -> bool:
    """Is list number `second` the one after `first`, written the same way (3、 → 4、, （二） → （三））?"""
    a, b = (re.fullmatch(r"(\D*)(\w+?)(\W*)", x) for x in (first, second))
    if a is None or b is None or (a.group(1), a.group(3)) != (b.group(1), b.group(3)):
        return False
    na, nb = cn_number(a.group(2)), cn_number(b.group(2))
    return na is not None and nb == na + 1


def _is_label(label: str) -> bool:
    label = label.strip(_CELL_BLANK)
    return _LABEL.fullmatch(label.replace(" ", "").replace("\u3000", "")) is not None and _HAN.search(label) is not None


def _label_span(doc: Document, i: int) -> tuple[int, int]:
    start, end, text = doc.lines[i]
    lead = len(text) - len(text.lstrip(_CELL_BLANK))
    return start + lead, start + len(text.rstrip(_CELL_BLANK))


# -- Asterisks standing where an outline's titles and text belong (KJ202) ------------------------------

_STARS = "[*＊]{3,}"
# Asterisks right after a heading's or an item's number, up to the line's end or the next item:
# 2.1***********, 第2章 *****, （1）******     （2）******* (a template's outline with its titles masked)
_NUMBER_THEN_STARS = compile_regex(
    r"(?:^|(?<=[ \t\u3000]))[ \t\u3000]*(?:\d{1,2}(?:[.．]\d{1,2})*[.．、]?|第[一二三四五六七八九十\d]{1,3}[章节篇部分]+"
    r"|[（(][0-9一二三四五六七八九十]{1,2}[）)]|[一二三四五六七八九十]{1,3}、)[ \t\u3000]*(" + _STARS + r")(?=[ \t\u3000]|$)",
    re.MULTILINE)
# Asterisks set off by spaces after a heading's title, ending its line: 3.1研究目标     ********* (the
# section's text masked in a one-line outline)
_TITLE_THEN_STARS = compile_regex(r"[\u4e00-\u9fff][ \t\u3000]+(" + _STARS + r")[ \t\u3000]*$", re.MULTILINE)
_STARS_LINE = compile_regex(r"^[ \t\u3000]*(" + _STARS + r")[ \t\u3000]*$", re.MULTILINE)


@check("outline-mask")
def outline_mask(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """Asterisks where an outline's titles or a section's text belong: after a heading's or
    item's number (2.1***********, 第2章 *****), or set off by spaces after a heading's title at its
    line's end (3.1研究目标     *********); in a text that has them, a paragraph of asterisks alone
    is a masked paragraph too. Without such headings a line of asterisks is a separator, left alone."""
    text = doc.text
    if "*" not in text and "＊" not in text:
        return
    hits = [m.span(1) for rx in (_NUMBER_THEN_STARS, _TITLE_THEN_STARS) for m in rx.finditer(text)]
    if not hits:
        return
    hits += [m.span(1) for m in _STARS_LINE.finditer(text)]
    for start, end in sorted(set(hits)):
        yield Hit(start, end, {"match": text[start:end]}, key="outline")
