"""KJ5 structure: document profile, title and required sections."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from .registry import check
from ..packs import PackError, Profile
from ..document import BLANK_CHARS, Document, Span
from ..forms import is_attachment_head
from ..normalize import to_simplified
from ..ruletypes import Context, Hit, rule_hits
from ..diskcache import built_regex, compile_regex
from ..i18n import _, pick
from .layout import FURNITURE, SIGNING_DATE, flagged_lines, flat_table_lines, outline_paragraphs, reading_paragraphs

# Heading numbering of the official hierarchy: 一、 （一） 1. 1、 （1）, and 第一部分/第一章.
HEADING_MARK = compile_regex(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]|\d{1,2}[、.．](?!\d)|"
    r"[（(]\d{1,2}[）)]|第[一二三四五六七八九十百\d]+[部分章节条篇]?)"
)
SENTENCE_END = "。！？!?；;：:…"
TITLE_SCAN = 12  # paragraphs from the top searched for the title
# Breadcrumbs, source lines and site navigation that name the report but are not its title.
NOT_TITLE = compile_regex(r"[>›|｜]|当前位置|来源[:：]|推荐度|相关|^[-•*·]\s|[:：]\S")
# A title about an event or a speech names a kind of report without being one: 召开年终总结大会,
# 在工作总结会上的讲话, 关于报送述职报告的通知. Such a document has no required sections.
NOT_A_REPORT = compile_regex(r"讲话|发言|致辞|召开|举行|会议|大会|会上|座谈|表彰|通知|纪要|新闻")


def is_heading(p: Span, max_len: int = 40) -> bool:
    """A short paragraph that starts with heading numbering, or a short one with no sentence end."""
    text = p.text
    if len(text) > max_len:
        return False
    if HEADING_MARK.match(text):
        return True
    return len(text) <= 25 and text[-1] not in SENTENCE_END and "，" not in text and "," not in text


def find_title(doc: Document, ctx: Context) -> tuple[Span | None, Profile | None]:
    """The title paragraph and the profile it names (memoized per document)."""
    if "title" in ctx.memo:
        return ctx.memo["title"]
    result: tuple[Span | None, Profile | None] = (None, None)
    profiles = list(ctx.catalog.profiles.values())
    body = False  # a paragraph of the body's prose seen (a news lead): what names an event below it is no title
    for p in reading_paragraphs(doc, ctx)[:TITLE_SCAN]:
        if len(p.text) > 60 or p.text[-1] in "。；;":
            body = body or (len(p.text) > 60 and p.text[-1] in SENTENCE_END)
            continue
        plain = doc.plain(p)
        if HEADING_MARK.match(plain):
            break  # the body has begun: a heading (二、年度工作总结) inside it names no kind
        if NOT_TITLE.search(plain):
            continue
        if NOT_A_REPORT.search(plain):
            if body:
                continue  # a line naming an event below the text's prose is a caption or a link, no title
            result = (p, None)
            break
        for profile in profiles:
            if any(pat.search(plain) for pat in profile.title_patterns):
                result = (p, profile)
                break
        if result[0] is not None:
            break
    ctx.memo["title"] = result
    return result


def document_profile(doc: Document, ctx: Context) -> tuple[Span | None, Profile | None]:
    title, profile = find_title(doc, ctx)
    if ctx.profile:
        forced = ctx.catalog.find_profile(ctx.profile)  # work-summary, 工作总结…
        if forced is None:
            raise PackError(_("configuration: {problem}").format(problem=ctx.catalog.unknown_profile(ctx.profile)))
        profile = forced
    return title, profile


def configured_sections(sections: list[dict], profile: Profile, ctx: Context) -> list[dict]:
    """Required sections named in configuration (`required-sections`): a name the profiles know,
    in English or Chinese (problems, 存在问题), is shown with that section's Chinese label in
    Chinese output, and an empty keyword list takes that section's keywords."""
    known: dict[str, dict] = {}
    for p in [profile, *ctx.catalog.profiles.values()]:
        for sec in p.sections:
            for name in (sec["name"], pick(sec["label"], "zh")):
                known.setdefault(name, sec)
    out = []
    for sec in sections:
        found = known.get(sec["name"])
        if found is None:
            out.append(sec)
            continue
        out.append({"name": found["name"], "label": {"en": sec["name"], "zh": pick(found["label"], "zh")},
                    "any": sec["any"] or found["any"]})
    return out


def check_required_sections(doc: Document, ctx: Context, rule) -> list[Hit]:
    title, profile = document_profile(doc, ctx)
    if profile is None:
        return []
    sections = configured_sections(ctx.required_sections, profile, ctx) if ctx.required_sections is not None \
        else profile.sections
    max_len = int(rule.params.get("max-heading-length", 40))
    # Word heading styles (标题 1…) count as headings whatever their punctuation.
    styled = doc.style_headings
    paras = reading_paragraphs(doc, ctx)
    headings = [doc.plain(p) for p in paras
                if is_heading(p, max_len) or (styled and doc.line_index(p.start) + 1 in styled)]
    anchor = title or (paras[0] if paras else None)
    start, end = (anchor.start, anchor.end) if anchor else (0, 0)
    hits = []
    for sec in sections:
        words = sec["any"]
        simplified = [to_simplified(w) for w in words]
        if not any(w in h for h in headings for w in simplified):
            hits.append(Hit(start, end, {"section": sec["label"], "profile": profile.label,
                                         "keywords": " / ".join(words)}))
    return hits


# --- heading numbering ---------------------------------------------------------------------

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
CN_NUM = "一二三四五六七八九十"
# The official hierarchy (GB/T 9704 and common practice): 一、 → （一） → 1. / 1、 → （1）.
# Half-width and full-width brackets and points are all accepted.
# A mark may stand after a blank (二 .软件概述) and a list's number may end in a colon before
# its words (1：建立项目, 3:上传源码; not 1:1, 8:30 or the time range 12:-19:00). A bracketed
# number may have a blank inside its brackets, as pages typed or converted write it (( 二)).
_LEVEL_BODIES = (
    rf"(?P<n>[{CN_NUM}]{{1,3}})[ \t\u3000]?(?:[,，]?、(?!、)|[.．](?!\d))",  # 二,、: a stray comma before the 、
    rf"(?:[（(][ \t\u3000]?)?(?P<n>[{CN_NUM}]{{1,3}})[ \t\u3000]?[）)]",  # 三） lost its （ (KJ507 reports it); ( 二)
    # 1. before a year opens an item dated by it (1.2020年6月11日前…), 1.1月28日 is item 1. dated 1月28日
    # (a list of dated items: 1.1月27日 / 1.2月4日); other figures after the dot are a decimal
    # (a version's wildcard, 5.x, 18.x in a table of versions, is no number of a list)
    r"(?P<n>\d{1,2})(?:、(?!、)|[.．](?![.．])(?![xX](?:$|[ \t\u3000]))(?!\d(?!\d?月\d{1,2}[日号]))|[.．](?=(?:19|20)\d\d年)|[:：](?=[ \t\u3000]*[^\W\d_]))",
    r"[（(][ \t\u3000]?(?P<n>\d{1,2})[ \t\u3000]?[）)]",
)
LEVEL_PATTERNS = tuple((level, compile_regex("^" + body)) for level, body in enumerate(_LEVEL_BODIES, 1))
# The four in one, tried in their order (the first that matches is the level, as when each is
# tried in turn): one match call for a paragraph instead of up to four. Group n1 … n4 holds the
# number of level 1 … 4.
_ANY_LEVEL = compile_regex("|".join(f"(?:{body.replace('(?P<n>', f'(?P<n{level}>')})"
                                    for level, body in enumerate(_LEVEL_BODIES, 1)))
_LEVEL_FIRST = CN_NUM + "（("  # what LEVEL_PATTERNS can start with, besides digits
# What a heading's numbering (heading_level) can start with, besides a digit: a caller testing
# this first spares most paragraphs the call.
HEADING_FIRST = frozenset(_LEVEL_FIRST + "".join(map(chr, range(0x2488, 0x249C))))
LEVEL_STYLE = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}
# A sentence that introduces a list: "有下列情形之一的：", "国务院作出了以下规定。"
LIST_INTRO = compile_regex(r"(?:[：:]|(?:如下|以下|下列)[^。；]{0,8}[。：:]?)[\ue000-\uf8ff\u200b\s]*$")
# A speech announcing its points in its last sentence: 这里着重讲几个…问题。 / 就…这三个方面，…作些阐述。
# Matched from the start of the last sentence only (see list_intro).
SPEECH_INTRO = compile_regex(
    r"[^。；！]*(?:(?:讲|谈|阐述|说明)[^。；！]*(?:几|[两三四五六七八九十])[个点]"
    r"|(?:几|[两三四五六七八九十])[个点][^。；！]*(?:讲|谈|阐述|说明))[^。；！]*[。：:][\s]*$")


def _may_introduce_list(text: str) -> bool:
    """False proves list_intro(text) False, at the cost of a few C calls: no colon at the end,
    no 如下/以下/下列 within reach of it, no 个 or 点 for a speech's final sentence (most
    paragraphs)."""
    last = text[-1:]
    return ("下" in text[-12:] or last in "：:" or (last == "。" and ("个" in text or "点" in text))
            or last.isspace() or last == "\u200b" or "\ue000" <= last <= "\uf8ff")


def list_intro(text: str) -> bool:
    """Does the paragraph introduce a list (有下列情形之一的：, or a speech's 讲三个问题。)? The
    speech's sentence is tried at its one possible start, after the last 。；！ before the final
    mark: searched at every sentence start, it cost ten times the rest (each scan runs to the end).
    LIST_INTRO is searched from its one possible start region only: a match ends the text, and
    what it holds before the trailing blanks is at most 11 characters (下列…八字。)."""
    return _may_introduce_list(text) and _introduces_list_fully(text)


def _introduces_list_fully(text: str) -> bool:
    """list_intro without its cheap proof first."""
    core = len(text)
    while core and (text[core - 1].isspace() or text[core - 1] == "\u200b" or "\ue000" <= text[core - 1] <= "\uf8ff"):
        core -= 1  # LIST_INTRO's trailing [\ue000-\uf8ff\u200b\s]*
    if LIST_INTRO.search(text, max(0, core - 11)):
        return True
    end = len(text.rstrip()) - 1  # the final [。：:], followed by nothing but blanks
    if end < 0 or text[end] not in "。：:" or ("个" not in text and "点" not in text):
        return False
    start = max(text.rfind("。", 0, end), text.rfind("；", 0, end), text.rfind("！", 0, end)) + 1
    sentence = text[start:end]
    if not ("个" in sentence or "点" in sentence) or not any(w in sentence for w in "讲谈述明"):
        return False  # the pattern's words are not there: spare its backtracking
    return SPEECH_INTRO.match(text, start) is not None
ARTICLE = compile_regex(r"^第[一二三四五六七八九十百零〇\d]+[条章节篇]|^第[一二三四五六七八九十百零〇\d]+部分")
# A decimal outline heading (2.1 系统需求, 2.1.3 项目可交付成果, 5.3培训发展, 5 技术保证考核指标):
# theses, specifications and contracts number their sections so, and number the lists inside
# each section from 1 again. Not a quantity: 2.5亿元, 12 月份, 3 个百分点.
_UNIT = "年月日号时点分秒个项条元万亿千百倍米吨台家人次"
# ... but a word a heading opens with, whose first character is a unit's (6 项目管理, 2 人员安排,
# 3 时间安排, 4 分析与设计): a section's name, not a quantity
_UNIT_WORD = "项目|人员|人才|时间|时期|分析|分配|分工|点评|家庭|台账|次要"
# A number of three parts or more (1.1.3人力资源, 2.3.1 人员) measures nothing: a unit may follow.
DECIMAL_HEADING = compile_regex(
    rf"^\d{{1,2}}(?:[.．]\d{{1,2}}){{2,3}}[.．]?(?![\d.．%‰])\s*\S"
    rf"|^\d{{1,2}}[.．]\d{{1,2}}[.．]?(?![\d.．%‰{_UNIT}])\s*\S"
    rf"|^\d{{1,2}}[ \t\u3000]+(?!(?!{_UNIT_WORD})[\d.．%‰{_UNIT}])\S"
)
# An item of a `1.` list whose text starts with a number (4.11MW …, 2.2026 年 3 月…).
NUMBER_LED_ITEM = compile_regex(r"^(?P<n>\d{1,2})[.．](?=\d)")
WIDE_SPACES = "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"


def cn_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23 (up to 99); None for anything else."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        if len(tens) > 1 or len(ones) > 1:
            return None
        t = CN_DIGITS.get(tens, None) if tens else 1
        o = CN_DIGITS.get(ones, None) if ones else 0
        return None if t is None or o is None else t * 10 + o
    return CN_DIGITS.get(text) if len(text) == 1 else None


def numeral(level: int, n: int) -> str:
    """How number `n` is written at `level`, for messages."""
    if level in (1, 2):
        cn = ("十" if n // 10 == 1 else (CN_NUM[n // 10 - 1] + "十" if n >= 20 else "")) + \
             (CN_NUM[n % 10 - 1] if n % 10 else "")
        return f"{cn}、" if level == 1 else f"（{cn}）"
    return f"{n}." if level == 3 else f"（{n}）"


@dataclass
class Numbered:
    level: int
    number: int
    para: Span
    mark_end: int  # offset just after the numbering mark


@dataclass
class NumberingIssue:
    kind: str  # gap | repeat | order | parent
    item: Numbered
    key: str  # the reporting rule's message template (`messages:` in its pack)
    fields: dict


def heading_level(text: str) -> tuple[int, int, int] | None:
    """(level 1-4, number, length of the mark) when `text` starts with official heading
    numbering (一、 （一） 1. （1）), else None. Shared by rules that need the outline."""
    first = text[:1]
    if not (first in HEADING_FIRST or first.isdigit()):
        return None  # most paragraphs: no pattern can match, none is tried
    return _numbered_heading_level(text)


@lru_cache(maxsize=4096)
def _numbered_heading_level(text: str) -> tuple[int, int, int] | None:
    """heading_level of a text that starts as numbering may, remembered: the outline walks
    (KJ5's numbered paragraphs, KJ3's empty headings in plain script, titles and full stops)
    ask about the same paragraphs again: two thirds of the calls on ../shared/corpus (45.7k of 69.1k)."""
    first = text[:1]
    if "\u2488" <= first <= "\u249b":
        return 3, ord(first) - 0x2487, 1  # ⒈ … ⒛: one character for 1. … 20.
    m = _ANY_LEVEL.match(text)
    if m is None:
        return None
    n = cn_number(m.group(m.lastgroup))
    return (int(m.lastgroup[1]), n, m.end()) if n else None


def numbered_paragraphs(doc: Document, ctx: Context) -> list[Numbered]:
    """Paragraphs that start with official heading numbering (memoized per document). Word's
    typographic spaces (en and em spaces) in front of the number are indentation. Items inside
    a quotation (see `_quoted`) and an item right under a line announcing an example (例如：)
    are the quoted text's, not the document's outline."""
    out = ctx.memo.get("numbered-paragraphs")
    if out is None:
        out = ctx.memo["numbered-paragraphs"] = []
        paras = outline_paragraphs(doc, ctx)
        quoted: set[int] | None = None
        cells: frozenset[int] | None = None  # a table read as lines: its rows' numbers are no outline
        for i, p in enumerate(paras):
            text = p.text
            first = text[:1]
            if first not in _ITEM_FIRST and not first.isdigit():
                continue  # most paragraphs: heading_level would refuse them at once
            if text.rstrip(BLANK_CHARS).endswith(("|", "｜")):
                if cells is None:
                    cells = flat_table_lines(doc, ctx)
                if doc.line_index(p.start) in cells:
                    continue  # 一、本年新收政府信息公开申请数量 | (a disclosure report's table, a cell a line)
            if first in WIDE_SPACES:
                text = text.lstrip(WIDE_SPACES + BLANK_CHARS)
            elif first in "?？":
                if (m := _LOST_INDENT.match(text)) is None:
                    continue
                text = text[m.end():]
            elif text[:1] == "#":
                text = _unmarked(text)
            elif text[:1] in BULLET_MARKS and text[1:2] in _BLANK_OR_DIGIT:
                text = text[1:].lstrip(BLANK_CHARS)  # •1.  Bug report: a bullet Word drew before a typed number
            found = heading_level(text)
            if found and i and _EXAMPLE_LEAD.match(paras[i - 1].text):
                continue  # 例如： / 三、市场分析: a form's instructions showing how to number
            if found and i and paras[i - 1].text.rstrip(BLANK_CHARS)[-1:] == "第":
                continue  # 完成新村第 / 一、二期工程: a sentence broken after 第, whose numeral this is
            if found and _NUMBER_LIST.match(text):
                continue  # 10、11、12、13 (a task's predecessors in a plan's table): numbers listed, no item
            if found and quoted is None:
                quoted = _quoted(paras)
            if found and i not in quoted:
                level, n, mark = found
                out.append(Numbered(level, n, p, p.start + len(p.text) - len(text) + mark))
        if doc.line_sources and out:
            out[:] = _cell_items(doc, out)
    return out


def _cell_items(doc: Document, items: list[Numbered]) -> list[Numbered]:
    """The numbered items of a Word file as an editor reads its tables: a cell holding only a
    number (`6.` among the rows 1, 2 … 9 of a log's first column) is the row's number, not a list
    item; the items of one table row spread over its cells and numbered as one set, each of 1…k
    once but not in reading order (an equivalence-class table: `1.正常填写` `3.不存在类别` in the
    valid column, `2.为空` in the invalid one), are the row's labels that its test cases cite,
    not a list whose order went wrong."""
    rows: dict[str, list[tuple[Numbered, str]]] = {}
    kept: list[Numbered] = []
    for it in items:
        cell = _cell(doc, it.para.start)
        if cell is None:
            kept.append(it)
            continue
        if doc.line_index(it.para.start) + 1 not in doc.list_labels \
                and not doc.text[it.mark_end:it.para.end].strip(BLANK_CHARS + "。.．、"):
            continue  # a bare `6.` typed in a cell: the row's number (one Word draws numbers a listing's line)
        rows.setdefault(cell.rsplit(",", 1)[0], []).append((it, cell))
        kept.append(it)
    labels: set[int] = set()
    for row in rows.values():
        numbers = [it.number for it, _cell_of in row]
        if len(row) >= 3 and len({c for _it, c in row}) >= 2 and len({it.level for it, _c in row}) == 1 \
                and sorted(numbers) == list(range(1, len(row) + 1)) and numbers != sorted(numbers):
            labels.update(id(it) for it, _c in row)
    return [it for it in kept if id(it) not in labels] if labels else kept


_MARKDOWN_HEADING = compile_regex(r"#{1,6}[ \t]+")
# A paragraph that is only numbers joined by 、 or commas: a list of numbers, not a numbered item.
_NUMBER_LIST = compile_regex(r"^[0-9０-９]{1,3}(?:[ \t]*[、，,][ \t]*[0-9０-９]{1,3})+[ \t\u3000。.]*$")
# A line announcing an example, alone: the numbered line under it is shown, not the outline's.
_EXAMPLE_LEAD = compile_regex(r"^[ \t\u3000]*(?:例如|比如|示例|样例|范例|举例|例)[ \t\u3000]*[:：]?[ \t\u3000]*$")


def _unmarked(text: str) -> str:
    """The text of a Markdown heading (`## 八、执行担保`, `## 第二章 …`) without its marker."""
    m = _MARKDOWN_HEADING.match(text)
    return text[m.end():] if m else text


QUOTE_SPAN = 60  # paragraphs a quotation may run across


def _quoted(paras: list[Span]) -> set[int]:
    """Indexes of paragraphs inside a quotation that runs across paragraphs: after one that opens
    a quotation it does not close (…修改为“1.小组成立后…) up to the one that closes it
    (2.组长由组员推选。”), when that comes within QUOTE_SPAN paragraphs and before another opens."""
    out: set[int] = set()
    opened: int | None = None
    for i, p in enumerate(paras):
        text = p.text
        if "“" not in text and text.count("”") % 2 == 0:
            continue  # no quotation, or ”…” typed with the closing mark at both ends: closed
        balance = text.count("“") - text.count("”")
        if balance < 0 and opened is not None and i - opened <= QUOTE_SPAN:
            out.update(range(opened + 1, i + 1))
            opened = None
        elif balance > 0:
            opened = i
        elif balance < 0:
            out.add(i)  # closes a quotation opened out of reach: at least this line is quoted
    return out


def _number_led_items(doc: Document, ctx: Context) -> dict[int, Numbered]:
    """Paragraphs such as `4.11MW 余热发电站` or `2.2026 年 3 月…`: item 4 or 2 of a `1.` list
    whose text starts with a number, which LEVEL_PATTERNS cannot tell from a decimal (4.11) and
    leaves out. Keyed by paragraph start; numbering_issues takes one as an item only where its
    number continues the list and the next item follows it."""
    out: dict[int, Numbered] = {}
    for p in reading_paragraphs(doc, ctx):
        m = NUMBER_LED_ITEM.match(p.text) if p.text[0].isdigit() else None
        if m:
            out[p.start] = Numbered(3, int(m.group("n")), p, p.start + m.end())
    return out


# What a numeral starting a sentence is followed by when it is no heading: 一是, 三年来, 两个…
_NOT_LOST_MARK = set("是要则年月日个项次批名家人期届位条种点大小些方")


def _goes_on_below(paras: list[Span], items: dict[int, Numbered], i: int, last: dict[int, int | None]) -> bool:
    """Whether the paragraph right below the title's copy at `i` is an item going on under a heading
    left open above it (一、… / 标题 / （一）…): the title is a page's running head between the
    heading and its first subheading, no second copy starting over from 一、."""
    nxt = items.get(paras[i + 1].start) if i + 1 < len(paras) else None  # right below the title
    return nxt is not None and nxt.number == 1 and nxt.level > 1 and last.get(nxt.level - 1) is not None


def _lost_mark_parent(paras: list[Span], prior: int | None) -> Span | None:
    """Among the paragraphs between two items of a list, one that starts with a Chinese numeral run
    straight into its words (四以打造特色社区为着力点…): a top-level heading whose 、 was lost,
    numbered after the last one (any number when none was seen). None when there is none."""
    for q in paras:
        text = q.text
        n = cn_number(text[:1]) if text[:1] in CN_NUM else None
        if (n and len(text) <= 40 and len(text) > 4 and CJK_CHAR.match(text, 1) and text[1] not in _NOT_LOST_MARK
                and text[1] not in CN_NUM and (prior is None or n == prior + 1)):
            return q
    return None


def _looks_cut(doc: Document, prev: Span | None) -> bool:
    """A long paragraph that stops without punctuation: the next line's `3、` is likely a page
    number from a document-sharing site (KJ6), not a list item. Long as it reads: a heading
    whose every word carries a pinyin annotation (實(shí)施災(zāi)害…工程) is still a heading; and a
    paragraph ending with a file's name is whole (an attachment list on a portal: `附件:1.…名单.wps`
    / `2.…`)."""
    return (prev is not None and len(prev.text) > 40 and prev.text[-1] not in SENTENCE_END + "”）)》」』"
            and GLUED_END.search(prev.text) is None and (not doc.pinyin_spans or len(doc.plain(prev)) > 40)
            and _FILE_NAME_END.search(prev.text) is None)


_FILE_NAME_END = compile_regex(r"\.(?i:docx?|wps|et|dps|pdf|ofd|xlsx?|pptx?|rtf|txt|zip|rar|7z|jpe?g|png)[ \t\u3000]*$")


# A top-level heading run onto the end of a paragraph, after its last sentence and a space, with
# nothing after it but its short name (…成果转化。 二、社会发展举措): the paragraph is not cut.
def starts_numbered(text: str) -> bool:
    """Whether `text` opens with a number the outline reads (after blanks and Word's wide
    spaces): 一、 （一） 1. （1） ⒈ (heading_level), a decimal section (2.1.3 …, 5 技术指标) or an
    article or chapter (第三条, 第二章)."""
    text = text.lstrip(BLANK_CHARS + WIDE_SPACES)
    return (heading_level(text) is not None or ARTICLE.match(text) is not None
            or (text[:1].isdigit() and DECIMAL_HEADING.match(text) is not None))


GLUED_END = compile_regex(rf"[。；！？][ \t\u3000]*(?P<n>[{CN_NUM}]{{1,2}})、[^\s。，；！？]{{1,20}}[ \t\u3000]*$")


# A bullet opening a line: the item of an unnumbered list (●第二阶段（…）), whose own list of
# 1. 2. 3. follows it.
BULLET_MARKS = "●○■□◆◇▪•·➢►▶★☆"
_BLANK_OR_DIGIT = BLANK_CHARS + "0123456789"
# What a numbered paragraph can start with (see numbered_paragraphs), besides a digit.
_ITEM_FIRST = HEADING_FIRST | frozenset(WIDE_SPACES + "#" + BULLET_MARKS + "?？")
# A paragraph's indent a conversion turned into question marks (????一、经济增长…: ideographic spaces
# through a code page without them): the mark after it numbers the paragraph (KJ412 reports the marks)
_LOST_INDENT = compile_regex(r"^[?？]{2,8}(?=[^?？\s])")


def _label(text: str) -> bool:
    """A short line naming what follows (`Description 基本事件流描述`, `B．输出`, `API`,
    `2017-10-26`), or asking what follows answers (`常见的几个问题？`): a `1.` below it starts
    a list of its own."""
    return len(text) <= 25 and (text[-1] not in SENTENCE_END or text[-1] in "？?") and not any(c in text for c in "，,。")


_CHAPTER_NUMBER = compile_regex(r"(\d{1,2})[ \t\u3000]")  # a decimal outline's chapter: `5 技术保证指标`


def _decimal_heading(text: str) -> bool:
    """`2.1.3 项目可交付成果`, `5.3培训发展`, `5 技术保证考核指标`: a section of a decimal outline."""
    return (text[0].isdigit() and len(text) <= 40 and text[-1] not in "。；;，,！!？?"
            and DECIMAL_HEADING.match(text) is not None)


def _cell(doc: Document, start: int) -> str | None:
    """The Word table cell a paragraph is in ("table 2, row 13, cell 2"), None outside a table."""
    sources = doc.line_sources
    source = sources[doc.line_index(start)] if sources else ""
    return source if source.startswith("table ") else None


# A page's table given one row per line, its cells parted by `|`: an item numbered at the row's
# start (一、本年新收政府信息公开申请数量 | 0 | 0 |) labels that row.
_BARRED_ITEM = compile_regex(r"^[^\n|｜]*[^\s|｜][ \t\u3000]*[|｜][ \t\u3000]*[^\s|｜]")


def _row_label(doc: Document, p: Span) -> str | None:
    """"row" for a paragraph of a text page that is a row of a table given as text (its first line
    has cells parted by `|`), None otherwise: a list of row labels (一、本年新收… | 0 | 0 |, 二、…) is
    numbered apart from the headings around the table (三、收到和处理政府信息公开申请情况 above it),
    as a list in a Word table's cell is."""
    return "row" if _BARRED_ITEM.match(p.text) else None


def _notice_offsets(doc: Document, ctx: Context) -> list[int]:
    """Where the truncation notices (KJ301) are: the text around them is not continuous."""
    rule = ctx.catalog.rules.get("KJ301")
    if rule is None or rule.run is None or not rule.enabled:
        return []
    return [h.offset for h in rule_hits(rule, doc, ctx)]


# What a section's first line starts with besides a digit (第三条, ## 第二章, 附件2, 【服务条款】),
# or blanks before 附件.
_SECTION_FIRST = "第#附【 \t\u3000"
_DATE_FIRST = "〇○零一二"  # the first character of a 落款's date in Chinese numerals (二〇二四年…, 二零二零年…)
# A section's title in lenticular brackets opening a line (【知识产权声明】, 【服务条款】1.关于账户):
# the lists below it are numbered afresh.
_BRACKET_TITLE = compile_regex(r"【[^】\s，。；：,.:;]{1,12}】")


TOP_LINE_MAX = 40  # the longest date or source line of a page above a body's first heading


def numbering_issues(doc: Document, ctx: Context) -> list[NumberingIssue]:
    """Walk the numbered paragraphs keeping the last number at each level (memoized).

    A section starts the lists below it afresh and is their parent whatever their level: an
    article or chapter (第三条, 第二章), a Word heading (paragraph style 标题 1…9) and a heading
    of a decimal outline (2.1.3 项目可交付成果, 5 技术保证指标). Numbered Word headings are
    checked against the Word headings before them at their level, not against the lists of the
    section above (`1.绪论` … its list `1.` `2.` `3.` … `2.系统方案设计`)."""
    if "numbering" in ctx.memo:
        return ctx.memo["numbering"]
    title, _ = find_title(doc, ctx)
    title_text = title.text if title else None
    items = {p.start: it for it in numbered_paragraphs(doc, ctx) for p in [it.para]}
    number_led = _number_led_items(doc, ctx) if items else {}  # an item after a numbered one only
    paras = reading_paragraphs(doc, ctx)
    styled = doc.style_headings
    # Title is the document's title; a writer who gives it to several paragraphs (摘 要, 附 录)
    # uses it for the titles of sections.
    titled_sections = sum(1 for level in styled.values() if level == 0) > 1
    # A Word paragraph ends where its writer ended it: a long one without a full stop is no page
    # cut off by a document-sharing site, and the `3、` after it is an item.
    page_cuts = doc.source_format != "docx"
    last: dict[int, int | None] = {1: None, 2: None, 3: None, 4: None}
    orphan_reported: dict[int, bool] = {}
    under_article = new_list = False
    section_top = 5  # the highest level used in the current section: the heading is its parent
    since_item: list[str] = []  # paragraphs since the last item: a label among them starts a list
    since_paras: list[Span] = []  # the same paragraphs
    # The last number of each level before a reset (a chapter, a new parent): some documents
    # number on across chapters and sections (第二章 … 四、, （二） … 3.), which is no gap.
    carried: dict[int, int] = {}
    # Word heading level -> (numbering level, number) of the last Word heading at that level;
    # (0, 0) for an unnumbered one.
    outline: dict[int, tuple[int, int]] = {}
    heading_start: dict[int, int] = {}  # Word heading level -> where the last one starts
    issues: list[NumberingIssue] = []
    prev: Span | None = None
    previous: Span | None = None
    previous_text = recent_text = ""
    furniture = flagged_lines(doc, ctx, FURNITURE)
    notices = _notice_offsets(doc, ctx)
    previous_numbered = False
    since_prior: dict[int, int] = {}  # level -> where its last item's paragraph ends
    prior_start: dict[int, int] = {}  # level -> where its last item's paragraph starts
    p_start = 0
    last_item_end: int | None = None  # where the last numbered paragraph ends
    # level -> numbers of the lists a fresh list (under an introduction) interrupted, innermost
    # last: 二、 … 一、 二、 三、 四、 … 三、 resumes the list the fresh one interrupted at 二、
    interrupted: dict[int, list[int]] = {}
    # level -> the Word table cell of its last item: a list starting at 1 in another cell is a
    # list of that cell (each meeting's 讨论内容 一、…, each question's answers 1. 2.), not a repeat.
    item_cell: dict[int, str | None] = {}
    item_mark: dict[int, str] = {}  # level -> the mark after the last item's number (、 or .)
    mark_last: dict[tuple[int, str], int] = {}  # (level, mark) -> the number of its last item
    body_number: dict[int, int] = {}  # level -> the number of its last item outside Word tables
    # A body that opens at （一） under its title (nothing above it but the title, maybe repeated,
    # and the page's short date or source lines), in a document with no 一、 anywhere: （一） is
    # the document's top level, not a level whose parent was lost (issue #11). Prose or an
    # unnumbered heading above it, a 一、 anywhere, or a list opening past （一） keep the finding.
    first_item = items[min(items)] if items else None  # items are keyed by where they start

    def title_or_dateline(p: Span) -> bool:
        line = p.text.strip()
        return line == (title_text or "").strip() or (len(line) <= TOP_LINE_MAX and any(c.isdigit() for c in line))

    opens_at_second = (first_item is not None and first_item.level == 2 and first_item.number == 1
                       and all(it.level != 1 for it in items.values())
                       and all(title_or_dateline(p) for p in paras if p.end <= first_item.para.start))

    def new_section() -> None:
        nonlocal last, under_article, section_top
        carried.update({k: v for k, v in last.items() if v is not None})
        last = {k: None for k in last}
        interrupted.clear()
        under_article = True
        section_top = 5

    def next_list_number(i: int) -> int | None:
        for q in paras[i + 1:]:
            found = items.get(q.start) or number_led.get(q.start)
            if found is not None and found.level == 3:
                return found.number
            if found is not None:
                return None
        return None

    labels = doc.list_labels if doc.source_format == "docx" else {}
    text_between = False  # whether paragraphs other than items stand between the last item and this one

    def word_drawn(start: int) -> bool:
        """Is the number of the paragraph starting at `start` one Word draws (a list's label)?"""
        return bool(labels) and doc.line_index(start) + 1 in labels

    def prior_drawn(level: int) -> bool | None:
        """Whether Word drew the number of the last item at `level` (None: no item there yet)."""
        return word_drawn(prior_start[level]) if level in prior_start else None

    def nested_apart(it: Numbered) -> bool:
        """Is item `it` the first of a list typed by hand right under an item Word numbered, or the
        other way round (1.管理员增删改查（ drawn / 1.加密 typed inside its bracket / 2.验证密码 /
        2.管理员登录 drawn)? Two lists, the second inside the first item."""
        before = prior_drawn(it.level)
        return bool(labels) and not text_between and before is not None and word_drawn(it.para.start) != before

    def judge(it: Numbered, prior: int | None, parent_known: bool) -> None:
        nonlocal section_top
        lv, n = it.level, it.number
        if under_article:
            section_top = min(section_top, lv)
        if orphan_reported.get(lv):
            pass  # siblings of an orphan already reported
        elif parent_known or (under_article and lv <= section_top):
            pass  # an article (第X条) or a section heading is the parent of its top level
        elif lv == 2 and last[1] is None and (previous_text.rstrip().endswith((":", "："))
                                              or GLUED_TOP.search(previous_text)):
            # a list of points under a lead-in (答复如下： （一）…; 议程有两项： （一）…) is no
            # section; 基層司法所工作總結一、引言: the 一、 is glued to the title above
            orphan_reported[lv] = True  # its siblings have that parent too
        elif lv == 2 and last[1] is None and opens_at_second:
            orphan_reported[lv] = True  # the document's own top level
        elif lv == 2 and last[1] is None:
            issues.append(NumberingIssue("parent", it, "heading", {"number": numeral(2, n),
                                                                   "parent": LEVEL_STYLE[1]}))
        elif lv == 4 and last[2] is None and last[3] is None and _introduces_list(previous_text, previous_numbered):
            orphan_reported[lv] = True  # （1）（2） under 三、…区别： or under a label (●存在问题): a list of its own
        elif lv == 4 and last[2] is None and last[3] is None and _comma_numbered(previous_text):
            orphan_reported[lv] = True  # 2, 用户的修改和删除 / (1)用户的删除: its parent, numbered with a comma
        elif lv == 4 and last[2] is None and last[3] is None:
            issues.append(NumberingIssue("parent", it, "item", {"number": numeral(4, n), "parent": LEVEL_STYLE[3],
                                                                "grandparent": LEVEL_STYLE[2]}))
        if issues and issues[-1].item is it and issues[-1].kind == "parent":
            orphan_reported[lv] = True
        expected = 1 if prior is None else prior + 1
        if prior is None and n > 1 and carried.get(lv) == n - 1:
            expected = n  # numbering that runs on across a chapter or section
        run_on = prior if prior is not None else carried.get(lv)
        if prior is not None and n != prior + 1 and n - 1 in interrupted.get(lv, ()):
            stack = interrupted[lv]
            del stack[len(stack) - 1 - stack[::-1].index(n - 1):]  # the interrupted list resumes
        elif n > expected and prior is None and n == 2 and (_inline_predecessor(doc.text, it, recent_text)
                                                          or _glued_first(doc.text, it)
                                                          or _marked_otherwise(previous_text, it)):
            # 本论文属于 1、保密囗 / 2、不保密囗: item 1 runs on at the end of the line above;
            # 1，甲方中途放弃… / 2:不可抗…: item 1 is the line above, its mark mistyped
            pass
        elif n == expected + 1 and prior is not None and _inline_predecessor(
                doc.text, it, run_on_text := doc.text[prior_start.get(lv, p_start):it.para.start], expected):
            # …按期完成。 二．体会 / … / 三．打算: item 二 glued to a paragraph's end; (1)参与赌博;(2)体罚
            # / (3)…, (一)…政策。 (二)起草… / (三)…: item n-1 runs on after the clause or the
            # sentence of the item before it; when item n ran on there too (一、…；二、…；三、… /
            # 三、…), the line repeats it
            if _inline_predecessor(doc.text, it, run_on_text, n):
                issues.append(NumberingIssue("repeat", it, "repeat", {"number": numeral(lv, n)}))
        elif run_on is not None and n > run_on + 2 and all(_inline_predecessor(
                doc.text, it, doc.text[prior_start.get(lv, p_start):it.para.start], k) for k in (run_on + 1, n - 1)):
            # a list run on inline (1．背叛国家罪 2．分裂国家罪 … 35．… / 36．…), also across a
            # chapter heading: the items between are there
            pass
        elif n > expected and _cited_above(doc.text, it):
            pass  # 第一款(八)項、(十一)項…修改如下: an amendment quotes the items it changes, by their numbers
        elif n > expected:
            missing = numeral(lv, expected) + ("" if n - expected == 1 else f"–{numeral(lv, n - 1)}")
            fields = {"number": numeral(lv, n), "missing": missing}
            if prior:
                issues.append(NumberingIssue("gap", it, "gap", {**fields, "prior": numeral(lv, prior)}))
            else:
                issues.append(NumberingIssue("gap", it, "gap-at-start", fields))
        elif prior is not None and n == prior and not (n == 1 and nested_apart(it)):
            issues.append(NumberingIssue("repeat", it, "repeat", {"number": numeral(lv, n)}))
        elif prior is not None and n == 1 and doc.source_format == "docx":
            # a Word file's list going back to its first number is a list of its own: a sub-list
            # in the same format under an item (3.部分模块详细设计 / 1．客户管理), a new section's
            # list, an example's steps. On six sets of Word files nobody here had seen
            # (fdocx8-13, judged at their first run), all 10 such findings were false, and none
            # of the true ones out of order went back to the first number. The list it interrupts
            # resumes after it (3.用户设置 / 1.… / 2.… / 4.词汇统计: no 3. missing before 4.).
            interrupted.setdefault(lv, []).append(prior)
        elif prior is not None and n < prior and lv in prior_start and _indent(doc.text, prior_start[lv]) > _indent(doc.text, it.para.start):
            pass  # 例如：1.… / ⇥2.… / ⇥3.… / 2.探测…: the items set in deeper were an inner list
        elif prior is not None and n < prior:
            issues.append(NumberingIssue("order", it, "order", {"number": numeral(lv, n),
                                                                 "prior": numeral(lv, prior)}))

    # Only items report, and a paragraph only changes what the items after it are judged
    # against: nothing after the last numbered paragraph (or 4.11MW item) is walked, and a
    # document without any numbered paragraph (a number-led item needs one before it) has none.
    # Of the others, a paragraph that is no title copy, section, Word heading or list
    # introduction only joins the paragraphs since the last item: runs of them are added at once.
    candidates = [i for i, p in enumerate(paras) if p.start in items or p.start in number_led] if items else []
    stop = candidates[-1] + 1 if candidates else 0
    walk = range(stop) if styled else [
        i for i in range(stop) if (p := paras[i]).start in items or p.start in number_led or p.text == title_text
        or (first := p.text[:1]) in _SECTION_FIRST or first.isdigit() or _may_introduce_list(p.text)
        or (first in _DATE_FIRST and SIGNING_DATE.match(p.text) is not None)]
    walked = -1
    for i in walk:
        if i > walked + 1:
            run = paras[walked + 1:i]
            since_item.extend(q.text for q in run)
            since_paras.extend(run)
            prev = run[-1]
        walked = i
        p = paras[i]
        if title_text and p.text == title_text and title is not None and p.start != title.start and not _goes_on_below(
                paras, items, i, last):
            last = {k: None for k in last}  # the title again: a second copy starts over
            outline.clear()
        it = items.get(p.start)
        if it is None and p.start in number_led:
            led = number_led[p.start]  # 4.11MW … after 3. and before 5.
            if last[3] == led.number - 1 and next_list_number(i) == led.number + 1:
                it = led
        word_level = styled.get(doc.line_index(p.start) + 1) if styled else None
        if word_level == 0 and not titled_sections:
            word_level = None  # the document's title is no section
        if word_level is not None:
            for deeper in [k for k in outline if k > word_level]:
                del outline[deeper]
        if it is not None and word_level is None and _chapter_heading(it, paras[i + 1].text if i + 1 < len(paras) else ""):
            # 3. 系统设计 above 3.1总体架构: a chapter of a decimal outline, numbered among the
            # chapters (a chapter file may start at any number, an outline starts again at 1) and the
            # parent of the lists below.
            prior = last[3] if last[3] is not None else carried.get(3)
            if item_cell.get(3) is not None and 3 in body_number and not (doc.line_sources and _cell(doc, p.start)):
                # after a list in a Word table's cell (功能: 1. … 11. in the 用户/功能 table), the
                # cell's own: the chapters go on from the body's last item at their level
                prior = body_number[3]
            if prior is not None and it.number > 1:
                judge(it, prior, True)
            new_section()
            carried[3] = body_number[3] = it.number
            item_cell[3] = None
            new_list = False
            since_item.clear()
            prev = p
            continue
        first = p.text[:1]
        if it is None and SIGNING_DATE.match(p.text) and any(v is not None for v in last.values()):
            # the 落款's date closes a document that numbered its parts: what follows it (its
            # attachment, the next 批示 of a gazette) numbers its own from 一、 again
            carried.update({k: v for k, v in last.items() if v is not None})
            last = {k: None for k in last}
            interrupted.clear()
            orphan_reported.clear()
            since_item.clear()
            since_paras.clear()
            prev = p
            continue
        if it is None and (word_level is not None
                           or (first in _SECTION_FIRST and (ARTICLE.match(_unmarked(p.text)) or is_attachment_head(p.text)
                                                            or _BRACKET_TITLE.match(p.text)))
                           or (first.isdigit() and _decimal_heading(p.text))):
            # 第三条 / 第二章 / a Word heading / 2.1.3 / 附件2: lists are numbered inside each section.
            new_section()
            chapter = _CHAPTER_NUMBER.match(p.text)
            drawn = labels.get(doc.line_index(p.start) + 1, "").strip() if labels else ""
            if chapter and _decimal_heading(p.text):
                carried[3] = int(chapter.group(1))  # 1 前期工作基础 … 2. 预期结果: chapter 2 follows it
            elif drawn.isdigit() and len(drawn) <= 2:
                carried[3] = int(drawn)  # Word's chapter 2 (2算法设计, its number a bare label): 3.运行测试 follows it
            if word_level is not None:
                outline[word_level] = (0, 0)
            new_list = False
            since_item.clear()
            since_paras.clear()
            prev = p
            continue
        if it is None or (page_cuts and it.level == 3 and _looks_cut(doc, prev)):
            if it is None and list_intro(p.text):
                new_list = True  # "有下列情形之一的：" introduces a fresh list
            elif it is None:
                since_item.append(p.text)
                since_paras.append(p)
            prev = p
            continue
        previous = prev
        previous_text = prev.text if prev is not None else ""
        previous_numbered = prev is not None and prev.start in items
        p_start = p.start
        # item 1 may run on at the end of a line since the last item or a few lines up
        # (2、字体 (1)封面主标题: / 第一行… / (2)…)
        recent = paras[max(0, i - 3)].start
        recent_text = doc.text[recent if last_item_end is None else min(recent, last_item_end):p.start] if i else ""
        prev = p
        lv, n = it.level, it.number
        if word_level is not None:
            # A numbered Word heading: numbered among the Word headings of its level.
            before = outline.get(word_level)
            prior = before[1] if before and before[0] == lv else None
            if prior is not None and carried.get(lv) == n - 1:
                prior = n - 1  # 1.【引言】 … 2.【任务概述】 not styled … 3.【需求规定】
            elif prior is not None and n > prior + 1 and all(
                    _unstyled_sibling(doc.text, it, heading_start.get(word_level, 0), k) for k in range(prior + 1, n)):
                prior = n - 1  # 八.团队管理 … 九.财务分析 not styled, tables of 一、…五、 below it … 十.融资方案
            judge(it, prior, any(k < word_level for k in outline))
            since_prior[lv], prior_start[lv] = p.end, p.start
            new_section()
            outline[word_level] = (lv, n)
            heading_start[word_level] = p.start
            carried[lv] = n
            new_list = False
            since_item.clear()
            since_paras.clear()
            continue
        # Site furniture between two lists, after text that closed the first (…此复。 / 下载地址: 点击此处
        # 下载 / （一）…), parts them: the page goes on with another text, whose list starts afresh.
        # Right after an item it is no such break (an entry of a contents list taken for a counter).
        parted = bool(since_paras) and previous is not None and bool(furniture) and any(
            k in furniture for k in range(doc.line_index(previous.end), doc.line_index(p.start)))
        # A truncation notice since the last item (…养成 ……此处隐藏20585个字……作。): the text in
        # between is missing, and the page may go on in another of the texts it collects.
        parted = parted or (previous is not None and bool(notices)
                            and any(previous.start <= o < p.start for o in notices))
        lost = _lost_mark_parent(since_paras, last[1]) if lv == 2 and n == 1 and (last[2] or 0) > 1 else None
        if lost is not None:
            # 四以打造特色社区… between （五） and （一）: heading 四、 whose 、 was lost is the parent
            # of the list that starts again below it; reported there, not as a step back at （一）
            head = Numbered(1, cn_number(lost.text[0]) or 0, lost, lost.start + 1)
            issues.append(NumberingIssue("repeat", head, "lost-mark", {"number": numeral(1, head.number),
                                                                      "prior": numeral(2, last[2])}))
            last[1], carried[1] = head.number, head.number
            for deeper in range(2, 5):
                last[deeper] = None
        if lost is None and n == 1 and lv > 1 and last[1] is not None and _glued_heading(previous_text, last[1] + 1):
            # …成果转化。 二、社会发展举措 / 1.教育与培训: heading 二、 glued to the end of the last
            # paragraph is the parent of the list that starts again below it
            last[1] = carried[1] = last[1] + 1
            for deeper in range(2, 5):
                last[deeper] = None
        cell = _cell(doc, p.start) if doc.line_sources else (
            _row_label(doc, p) if page_cuts and "|" in p.text else None)
        other_cell = cell is not None and item_cell.get(lv, cell) != cell
        # In a Word table the numbers of a cell go on from another cell's (1.1-10位 | 2．<1位 3.>10位:
        # equivalence classes, test steps, the ids of a row): a cell's list opening past the next
        # number is not judged (a number repeated down a column still is), and a list item of the
        # body after the table may go on from the body's last item at its level (3.上架商品 / a
        # table of test cases / 4.冻结商品).
        word_table = doc.source_format == "docx" and doc.line_sources and (
            cell is not None or item_cell.get(lv) is not None)
        cell_opens = word_table and cell is not None and lv >= 3 and n > (last[lv] or 0) + 1 and (
            other_cell or last[lv] is None)
        after_table = word_table and cell is None and lv >= 3 and body_number.get(lv) == n - 1
        item_cell[lv] = cell
        # Word: two empty paragraphs or more right before it, or an empty paragraph before the
        # lines since the last item (6、… / (empty) / 这周解决了什么问题？ / 1、…): a list of its own
        spaced = doc.source_format == "docx" and previous is not None and (
            doc.text.count("\n", previous.end, p.start) > 2
            or (bool(since_paras) and last_item_end is not None
                and doc.text.count("\n", last_item_end, since_paras[0].start) > 1))
        # 2、实习中遇到的问题 / 1.水准仪超限 … 18.… / 3、体会: a list marked otherwise is a list inside
        # the item; …熟悉项目架构 1d  下周工作计划： / 1.…: a lead-in ending the item starts a list
        mark = _MARK_KIND.get(doc.text[it.mark_end - 1:it.mark_end], "")
        other_mark = bool(mark) and item_mark.get(lv, mark) != mark
        # …an item announcing a list (2.缺陷严重程度：…分为以下几种情况。 / 1.致命… 4.细微…,
        # （1）…运行并回答以下问题 / 1.…): the list below it is the item's own, its numbers
        # start afresh and the outer list resumes after it
        led_in = previous_numbered and (previous_text.rstrip().endswith((":", "：")) or list_intro(previous_text))
        item_mark[lv] = mark
        # 2．国内外研究现状 / （一）我国…: a writer whose top level is Arabic puts its （一） list
        # right under an Arabic heading (short, no sentence end), which is that list's parent
        above = items.get(previous.start) if previous_numbered and lv == 2 and n == 1 else None
        arabic_parent = above is not None and above.level == 3 and _label(doc.text[above.mark_end:previous.end].strip())
        if arabic_parent:
            orphan_reported[2] = True  # its siblings have that parent too
        text_between = bool(since_item)
        if n == 1 and (arabic_parent or new_list or parted or other_cell or spaced
                       or (last[lv] is not None and (other_mark or led_in))
                       # Word drew this 1. after a paragraph of text, and the item before it: its
                       # writer started a new list of Word's there
                       or (text_between and word_drawn(p.start) and prior_drawn(lv))
                       or (lv >= 3 and any(_label(t) or t[0] in BULLET_MARKS for t in since_item))
                       # 内部风险 / （一）经营风险 after 外部风险's （二）: an unnumbered title right above
                       or (lv == 2 and not previous_numbered and bool(since_item) and _label(previous_text))):
            for k in range(lv, 5):
                if last[k] is not None and (k == lv or doc.source_format == "docx"):
                    interrupted.setdefault(k, []).append(last[k])  # (a Word writer's lists nest in any format)
                last[k] = None  # a fresh list under an introduction or a label
        if n == 2 and (last[lv] or 0) >= 2 and _inline_predecessor(
                doc.text, it, doc.text[since_prior.get(lv, p_start):p.start], 1):
            # 用户需求：1.用户能… / 2.… after a list of the line before; 夏明鑫：（1）… / （2）… after
            # another speaker's (1) (2): item 1 on the lead line starts the list afresh
            last[lv] = 1
        new_list = False
        since_item.clear()
        since_paras.clear()
        if after_table:
            last[lv] = n - 1  # the body's list goes on after the table
        if other_mark and last[lv] is not None and n != last[lv] + 1 and mark_last.get((lv, mark)) == n - 1:
            # 2.研究现状 / … / 1．职务管理 … 4． / 3.参考文献; 1.…？ / 1、… 2、… / 2.…？: the list marked
            # otherwise was the item's own, and the list of this mark resumes after it
            last[lv] = n - 1
        if not cell_opens:
            judge(it, last[lv], arabic_parent)
        last[lv] = n
        if mark:
            mark_last[(lv, mark)] = n
        if cell is None:
            body_number[lv] = n
        since_prior[lv] = last_item_end = p.end
        prior_start[lv] = p.start
        carried[lv] = n
        for deeper in range(lv + 1, 5):
            if last[deeper] is not None:
                carried[deeper] = last[deeper]
                if doc.source_format == "docx":
                    # a Word writer nests lists in any format (2.系统功能设计 / 一、学生模块： / 1.… /
                    # 二、… / 3.系统架构设计): the list a higher level interrupts may resume
                    interrupted.setdefault(deeper, []).append(last[deeper])
            last[deeper] = None
            orphan_reported[deeper] = False
    ctx.memo["numbering"] = issues
    return issues


# The mark after an item's number: 1、 and 1. are one level, but one list keeps one mark (a
# sub-list typed with the full-width 1． under items with 1. is a list of its own too).
_MARK_KIND = {"、": "、", ".": ".", "．": "．"}

# 一、 run into the end of the line above its first subsection (…工作總結一、引言), or a heading
# 一、 run on after the last sentence of the paragraph above (…全力推进教育高质量发展。一、成绩亮点).
GLUED_TOP = compile_regex(r"(?<=[\u4e00-\u9fff)）])一、\S|(?<=[。；;！？!?])[ \t\u3000]*一、[^。；;！？!?\n]{1,30}$")


def _numbering_hits(doc: Document, ctx: Context, kinds: set[str]) -> list[Hit]:
    return [Hit(i.item.para.start, i.item.mark_end,
                {"match": doc.text[i.item.para.start:i.item.mark_end], **i.fields}, key=i.key)
            for i in numbering_issues(doc, ctx) if i.kind in kinds]


@check("heading-number-gap")
def heading_number_gap(doc: Document, ctx: Context, rule) -> list[Hit]:
    hits = _numbering_hits(doc, ctx, {"gap"}) + _chapter_issues(doc, ctx)[0] + _article_gaps(doc, ctx)
    return sorted(hits + _beside(_decimal_outline_issues(doc, ctx)[0], hits), key=lambda h: h.offset)


def _beside(extra: list[Hit], hits: list[Hit]) -> list[Hit]:
    """The hits of `extra` at a place none of `hits` reports already."""
    taken = {h.offset for h in hits}
    return [h for h in extra if h.offset not in taken]


# A Word heading of a decimal outline: 3.3 需求规格, 11.2.3配置管理员, 2.2用户权重 (a section number of two to
# four parts, its title after it); a table of contents' entry ends in its page number (1.1标识\t3).
# (a Latin word after the number's dot is a version's or a name's, 1.2.x, 3.0.RELEASE, unless Chinese
# follows it: 3.1.4.AI智能体 is section 3.1.4)
_DECIMAL_NUMBER = compile_regex(r"(\d{1,2}(?:[.．]\d{1,2}){1,3})(?![.．]?\d|[.．][A-Za-z](?![A-Za-z]{0,10}[\u4e00-\u9fff])|[%‰]|[.．]{2}|[ \t]*(?:[-~～—–]|[至到][ \t]*\d))[.．]?")
# ... a section titled in English, its number of two to four parts and a dot before a capital
# (7.3.EAS, 5.1.1.4.MOP Cache): a heading of the outline, where a version's word is lower case or
# follows a 0 (1.2.x, 3.0.RELEASE)
_LATIN_SECTION = compile_regex(r"(\d{1,2}(?:[.．]\d{1,2}){1,3})[.．](?=[A-Z])")
_TOC_ENTRY = compile_regex(r"[^\d.．\s][\t\u3000 .…·]+\d{1,3}$")
_OUTLINE_LEAST = 3  # decimal headings a file needs to be numbered as an outline
_CLAUSE = compile_regex(r"[，,；;。！!？?：:]")  # a heading is a title: no clause, no sentence
# A chapter of the outline, one number: 1．标题, 4.下个月工作计划, 2 引言 (a list's 1、 is an item).
_OUTLINE_CHAPTER = compile_regex(r"(\d{1,2})([.．、]|[ \t\u3000]+)(?![\d.．%‰])(?=[ \t\u3000]*[\u4e00-\u9fffA-Za-z])")


def _decimal_outline_issues(doc: Document, ctx: Context) -> tuple[list[Hit], list[Hit]]:
    """(gaps, repeats) among the decimal headings of a Word file (memoized): each section number
    follows the one before it at its level under the same parent (3.1 … 3.2, 11.2.1 … 11.2.2).
    A number past the next one (3.1 … 3.3, 11.2.1 … 11.2.3) is a gap; the same number again
    (3.5.1 … 3.5.1, 2.2 … 2.2) a repeat (not after a gap of one, 2.2.1, 2.2.3, 2.2.3: the gap told
    it), after which the next number may follow either (2.2, 2.2,
    2.3 or 1.1.1, 1.1.1, 1.1.3); a subsection of the fourth level numbered under another section
    than the one it stands in (3.2.7.1 under 3.2.5) is out of order, and so is a section
    numbered as the next one under another parent than the one before it (7.5 … 3.6, 3.7 … 7.9;
    2.1.4 … 3.1.5): it stands for 7.6, a run after it follows it and the count goes on from it. Judged on the headings of the body as its writer
    numbered them (a title of 40 characters at most, no clause in it): table cells, a table of
    contents' entries (a page number at the end) and a log's dates (5.12: …, 9.17-10.2 …) are not
    sections; a number back in an earlier chapter, or a chapter 1 again, starts the outline afresh
    (a typed table of contents, then the text; a second template); a first subsection past 1 is
    not judged (a chapter may open on its text's own points), nor is a chapter of one number."""
    if doc.source_format != "docx":
        return [], []
    if "decimal-outline" in ctx.memo:
        return ctx.memo["decimal-outline"]
    # every paragraph the body opens with a section number: (paragraph, number, length of the
    # number, whether it is a heading)
    heads: list[tuple[Span, tuple[int, ...], int, bool]] = []
    dated = 0  # numbers followed by a colon: a log's dates (5.12: 因故取消), not sections
    for para in reading_paragraphs(doc, ctx):
        text = para.text.lstrip(BLANK_CHARS)
        if not text[:1].isdigit() or _TOC_ENTRY.search(text):
            continue
        indent = len(para.text) - len(text)
        line = doc.line_index(para.start)
        if doc.list_labels.get(line + 1, "").strip() == text.strip():
            continue  # an empty paragraph showing only the number Word draws for it: no section
        heading = len(text) <= 40 and not _CLAUSE.search(text)
        m = _DECIMAL_NUMBER.match(text)
        latin = _LATIN_SECTION.match(text) if m is None else None  # 7.3.EAS, 5.4.3.Latency
        if m is None and latin is None:
            chapter = _OUTLINE_CHAPTER.match(text) if heading else None
            if chapter is not None and not doc.in_table(line) and doc.part(line) == "body":
                # 1．标题, a styled 1、登录名: an outline's first chapter; a list's 1、 only numbers its items
                first = chapter.group(2) != "、" or line + 1 in doc.style_headings
                heads.append((para, (int(chapter.group(1)),), indent + chapter.end(1), first))
            continue
        m = m or latin
        if doc.in_table(line) or doc.part(line) != "body":
            continue
        if text[m.end():m.end() + 1] in (":", "："):
            dated += 1
            continue
        number = tuple(int(n) for n in re.split(r"[.．]", m.group(1)))
        if 0 in number[1:]:
            continue  # 1.0 版本: a version, not a section
        if latin is None:  # (a section titled in English is a heading by its shape alone; 7.7.CLPC：PID,
            # no heading for the outline, still has its number written)
            heading = heading and (_decimal_heading(text) or line + 1 in doc.style_headings)  # 1.2项目简介 in a heading style
        heads.append((para, number, indent + m.end(1), heading))
    gaps: list[Hit] = []
    repeats: list[Hit] = []
    if dated < 2 and sum(1 for _p, number, _n, heading in heads if heading and len(number) > 1) >= _OUTLINE_LEAST:
        last: dict[tuple[int, ...], int] = {}  # parent -> the last number under it
        above: dict[int, tuple[int, ...]] = {}  # depth -> the last section at that depth
        repeated: set[tuple[int, ...]] = set()  # parents whose last number was given twice
        skipped: set[tuple[int, ...]] = set()  # parents whose last number skipped one (2.2.1, 2.2.3)
        top = 0  # the chapter the outline is in
        prev: tuple[int, ...] | None = None  # the last section number, as the section it stands for
        misplaced: tuple[int, ...] | None = None  # the parent a run of misnumbered sections was written under
        for at, (para, number, length, heading) in enumerate(heads):
            depth, n, parent = len(number), number[-1], number[:-1]
            if heading and prev is not None and depth >= 2 and len(prev) == depth and prev[:-1] != parent \
                    and n == prev[-1] + 1 and number[:depth // 2] != number[depth - depth // 2:] \
                    and (parent == misplaced or _outline_returns(heads, at, prev[:-1])):
                # 7.5 输出项 … 3.6 算法 … 7.9: the next section of 7 numbered under another parent
                # (the writer copied 3.6–3.8 from chapter 3), the outline going on under 7 after the
                # run: it stands for 7.6, and the run after it (3.7, 3.8) follows it (3.2.3.2 is
                # Word's 3.2. drawn before the typed 3.2, not a section of 3.2.3; 6.1 … 3.2 … 3.3,
                # going on under 3, was 6.1 the slip)
                if parent != misplaced:
                    repeats.append(Hit(para.start, para.start + length,
                                       {"match": doc.text[para.start:para.start + length],
                                        "number": ".".join(map(str, number)), "prior": ".".join(map(str, prev))},
                                       key="order"))
                misplaced = parent
                last[prev[:-1]] = n
                prev = (*prev[:-1], n)
                continue
            misplaced = None
            prev = number
            if number[0] < top or (depth == 1 and n == 1 and heading):
                last.clear(), above.clear(), repeated.clear(), skipped.clear()  # a fresh outline
            top = number[0]
            if depth == 1:  # a chapter: its sections start afresh under it
                for key in [k for k in last if k[:1] == number]:
                    del last[key]
                continue
            mark = doc.text[para.start:para.start + length]
            shown = ".".join(map(str, number))
            before = last.get(parent)
            up = above.get(depth - 1)
            if heading and depth >= 4 and up is not None and up[:-1] == parent[:-1] and up != parent:
                repeats.append(Hit(para.start, para.start + length,
                                   {"match": mark, "number": shown, "prior": ".".join(map(str, up))}, key="order"))
            elif heading and before is not None:
                where = {"match": mark, "number": shown, "prior": ".".join(map(str, (*parent, before)))}
                if n > before + 1 and not (parent in repeated and n == before + 2) \
                        and not _numbered_between(heads, para, (*parent, before + 1)) \
                        and not _glued_between(doc, heads, para, (*parent, before), (*parent, before + 1)):
                    missing = ".".join(map(str, (*parent, before + 1)))
                    if n > before + 2:
                        missing += "–" + ".".join(map(str, (*parent, n - 1)))
                    gaps.append(Hit(para.start, para.start + length, {**where, "missing": missing}, key="gap"))
                elif n == before and parent not in skipped:  # 2.2.1, 2.2.3, 2.2.3: the gap told it
                    repeats.append(Hit(para.start, para.start + length, where, key="repeat"))
            if before is not None and n == before:
                repeated.add(parent)
            else:
                repeated.discard(parent)
            if before is not None and n == before + 2:
                skipped.add(parent)
            elif before is None or n != before:
                skipped.discard(parent)
            last[parent] = n
            for key in [k for k in last if len(k) > depth - 1 and k[:depth] == number]:
                del last[key]  # a section's own subsections start afresh under it
            if heading:  # the section a subsection stands in is a heading
                above[depth] = number
                for deeper in [d for d in above if d > depth]:
                    del above[deeper]
    ctx.memo["decimal-outline"] = (gaps, repeats)
    return gaps, repeats


def _outline_returns(heads: list[tuple[Span, tuple[int, ...], int, bool]], at: int, stands: tuple[int, ...]) -> bool:
    """Does the outline go on under `stands` after the run of sections that heads[at] opens
    (numbered under another parent, each the next of the one before)? The first number after the
    run is the next section under `stands` (7.9 after 3.6–3.8 in chapter 7), or the next of one of
    its parents (2.2 after 3.1.5–3.1.7 in 2.1)."""
    written = heads[at][1][:-1]
    n = heads[at][1][-1]
    j = at + 1
    while j < len(heads) and heads[j][1][:-1] == written and heads[j][1][-1] == n + 1:
        n, j = n + 1, j + 1
    if j >= len(heads):
        return False
    after, last = heads[j][1], (*stands, n)
    return any(after[:k] == (*last[:k - 1], last[k - 1] + 1) for k in range(1, len(last) + 1))


def _glued_between(doc: Document, heads: list[tuple[Span, tuple[int, ...], int, bool]], para: Span,
                   since: tuple[int, ...], want: tuple[int, ...]) -> bool:
    """Is section `want` written after section `since` and before `para` inside a paragraph, run on
    after its text (`…取[τ]=35MPa 8.1.2初算轴径` between 8.1.1 and 8.1.3): a heading whose paragraph
    break was lost, there with its number, not a number skipped."""
    start = max((p.start for p, number, *_ in heads if number == since and p.start < para.start), default=None)
    if start is None:
        return False
    shown = r"[.．]".join(map(str, want))
    return re.search(r"(?<=[ \t\u3000。；;，,）)\]])" + shown + r"(?![.．]?\d)[ \t\u3000]*[\u4e00-\u9fff]",
                     doc.text[start:para.start]) is not None


def _numbered_between(heads: list[tuple[Span, tuple[int, ...], int, bool]], para: Span, want: tuple[int, ...]) -> bool:
    """Is section `want` among the numbered paragraphs before `para` (one this reading did not take in order)?"""
    return any(number == want for p, number, *_ in heads if p.start < para.start)


# A chapter heading on its own line: 第二章 责任, 第3章 系统设计, 第一章\xa0\xa0总则 (a short title,
# no sentence).
_CHAPTER = compile_regex(r"第(?P<n>[一二三四五六七八九十\d]{1,3})章(?![^\n]{0,30}[。；;，,])(?=[ \t\u3000\u00a0]*[^\s])")
_CHAPTER_LED = compile_regex(r"第(?P<n>[一二三四五六七八九十\d]{1,3})章[ \t\u3000]*[\u4e00-\u9fff]")
_ARTICLE_ONE = compile_regex(r"第[一1]条")
_CHAPTER_TITLE_MAX = 30


def _chapter_issues(doc: Document, ctx: Context) -> tuple[list[Hit], list[Hit]]:
    """(gaps, repeats) of the chapters (memoized). Chapters run 第一章, 第二章 …: a chapter past
    the next number (第二章 … 第四章), or a first chapter past 第一章 under articles that start at
    第一条 (a regulation whose 第一章 总则 heading was lost), is a gap; the same chapter number
    twice in a row (第二章 … 第二章, the writer's 第三章) is a repeat, and the chapters after it
    follow it. A 第一章 starts the sequence afresh (a site's outline, then the text)."""
    if "章" not in doc.text:
        return [], []
    if "chapters" not in ctx.memo:
        ctx.memo["chapters"] = _chapters(doc, ctx)
    return ctx.memo["chapters"]


def _chapters(doc: Document, ctx: Context) -> tuple[list[Hit], list[Hit]]:
    hits: list[Hit] = []
    repeats: list[Hit] = []
    prior: int | None = None
    articles_before = False
    paras = reading_paragraphs(doc, ctx)
    # each chapter described in a paragraph of a thesis's outline (第一章 绪论阐述…；) runs on too
    led = [_CHAPTER_LED.match(p.text) is not None for p in paras]
    for i, p in enumerate(paras):
        m = _CHAPTER.match(p.text)
        in_run = led[i] and ((i > 0 and led[i - 1]) or (i + 1 < len(led) and led[i + 1]))
        if in_run:
            m = _CHAPTER_LED.match(p.text)
        if m is None or (len(p.text) > _CHAPTER_TITLE_MAX and not in_run):
            if prior is None and not articles_before and _ARTICLE_ONE.match(p.text):
                articles_before = True
            continue
        n = cn_number(m.group("n"))
        if n is None:
            continue
        mark = f"第{m.group('n')}章"
        end = p.start + m.end()
        if n == 1:
            prior = 1
            continue
        if prior is None and articles_before:
            hits.append(Hit(p.start, end, {"match": mark, "number": mark, "missing": "第一章"}, key="gap-at-start"))
        elif prior is not None and n > prior + 1:
            missing = f"第{numeral(1, prior + 1)[:-1]}章" + ("" if n == prior + 2 else f"–第{numeral(1, n - 1)[:-1]}章")
            hits.append(Hit(p.start, end, {"match": mark, "number": mark, "prior": f"第{numeral(1, prior)[:-1]}章",
                                           "missing": missing}, key="gap"))
        elif prior is not None and n == prior and not in_run:
            repeats.append(Hit(p.start, end, {"match": mark, "number": mark}, key="repeat"))
        prior = n
    return hits, repeats


# An article at a paragraph's start, its text set apart by a blank: 第五条 公司…
_ARTICLE_AT_START = compile_regex(r"[ \t\u3000]*第(?P<n>[一二三四五六七八九十]{1,3}|\d{1,2})条[ \t\u3000]")


# A paragraph that starts as an article whose mark was garbled or broken (第癆一条 , 第六鐶 , 第十条岖…, 六条 …)
_DAMAGED_ARTICLE = compile_regex(r"[ \t\u3000]*(?:第\S{1,4}[ \t\u3000]|第[一二三四五六七八九十]{1,3}条|\S{0,3}条[ \t\u3000])")


_FIRST_ARTICLES = ("第一条", "第1条", "第01条")  # what _ARTICLE_AT_START reads as article 1


def _article_gaps(doc: Document, ctx: Context) -> list[Hit]:
    """Articles run 第一条, 第二条 … through a whole regulation, chapters or not: in a run that
    starts at 第一条, an article past the next number (第三条 … 第五条) is a gap. A run that does
    not start at 第一条 (articles quoted, an amendment listing the ones it changes) or that steps
    back is no sequence of the document's."""
    # A gap needs a run started at 第一条 (第1条, 第01条): without one, `prior` stays None.
    if not any(first in doc.text for first in _FIRST_ARTICLES):
        return []
    hits: list[Hit] = []
    prior: int | None = None
    damaged = 0  # paragraphs since the last article that look like one with a damaged mark
    for p in reading_paragraphs(doc, ctx):
        m = _ARTICLE_AT_START.match(p.text) if "条" in p.text[:12] else None
        if m is None:
            if prior is not None:
                damaged += _DAMAGED_ARTICLE.match(p.text) is not None
            continue
        n = cn_number(m.group("n"))
        gone, damaged = damaged, 0
        if n == 1 or prior is None or n is None or n <= prior:
            prior = 1 if n == 1 else None
            continue
        if n > prior + 1 + gone:  # 第六鐶 / 第七条: the articles between are there, their marks garbled
            mark, before = f"第{m.group('n')}条", f"第{numeral(1, prior)[:-1]}条"
            missing = f"第{numeral(1, prior + 1)[:-1]}条" + ("" if n == prior + 2 else f"–第{numeral(1, n - 1)[:-1]}条")
            hits.append(Hit(p.start + m.start("n") - 1, p.start + m.end("n") + 1,
                            {"match": mark, "number": mark, "prior": before, "missing": missing}, key="gap"))
        prior = n
    return hits


@check("heading-number-repeat")
def heading_number_repeat(doc: Document, ctx: Context, rule) -> list[Hit]:
    hits = _numbering_hits(doc, ctx, {"repeat", "order"}) + _chapter_issues(doc, ctx)[1]
    return sorted(hits + _beside(_decimal_outline_issues(doc, ctx)[1], hits), key=lambda h: h.offset)


@check("heading-without-parent")
def heading_without_parent(doc: Document, ctx: Context, rule) -> list[Hit]:
    return _numbering_hits(doc, ctx, {"parent"})


# --- 一是…二是…三是 --------------------------------------------------------------------------

ENUMERATOR = compile_regex(rf"(?:^|(?<=[。；;，,：:！!？?\s]))(?P<n>[{CN_NUM}]{{1,2}})是(?![否非])")
# What every ENUMERATOR match holds: a document without it (most) has no sequence to walk.
# Found from its 是 (a pattern opening with one character is searched for it by a tight C loop;
# one opening with a set of characters tests the set at every position: seven times the CPU).
_NUMERAL_IS = compile_regex(rf"是(?<=[{CN_NUM}]是)")


@check("enumeration-sequence")
def enumeration_sequence(doc: Document, ctx: Context, rule) -> list[Hit]:
    """一是…二是…三是: gaps and repeats. A sequence may run across paragraphs; a heading or a
    new 一是 starts a new one. A short line without a word (a zero-width space, `2.5` split off
    PM2.5 by a scraped page) or split off a sentence (`《` / `纲要（草案）` / `》提出…`: a link on
    a scraped page) is no heading: it does not end the sequence."""
    # Only the paragraphs holding a candidate are walked; a heading matters as the last one at
    # or before such a paragraph, looked for backwards from it (most paragraphs are never tried).
    candidates = [m.start() - 1 for m in _NUMERAL_IS.finditer(doc.text)]  # where the numeral is
    if not candidates:
        return []
    hits = []
    heading_starts = {it.para.start for it in numbered_paragraphs(doc, ctx)}

    def heading(p: Span) -> bool:
        return p.start in heading_starts or (is_heading(p) and not ENUMERATOR.match(p.text)
                                             and CJK_CHAR.search(p.text) is not None and not _split_off(doc.text, p))

    paras = reading_paragraphs(doc, ctx)
    starts = [p.start for p in paras]
    walked = sorted({i for c in candidates for i in [bisect_right(starts, c) - 1] if i >= 0 and c < paras[i].end})
    last: int | None = None
    # The item before a reported jump (一是 … 五是): an inner list whose first items were lost.
    # The next item of the outer list (二是 after 五是) resumes it and is no step back.
    outer: int | None = None
    since = 0  # where the current sequence may have started
    last_end = 0  # where the previous item's word ends
    previous = -1
    for i in walked:
        for k in range(i, previous, -1):
            if heading(paras[k]):
                last, since, outer = None, paras[k].start, None
                break
        previous = i
        p = paras[i]
        for m in ENUMERATOR.finditer(p.text):
            n = cn_number(m.group("n"))
            if not n:
                continue
            word = f"{m.group('n')}是"
            start = p.start + m.start()
            if n == 1:
                last, last_end, outer = 1, start + len(word), None
                continue
            if outer is not None and last is not None and n == outer + 1 and n <= last:
                last, last_end, outer = n, start + len(word), None  # the outer list resumes
                continue
            expected = 1 if last is None else last + 1
            if n > expected and _glued_predecessor(doc.text[since:start], n):
                last = n  # 一是 run into the text before it (…工作机制一是…), or 一要…二是
                continue
            if n > expected:
                gap = "一是" if last is None else f"{numeral(1, last)[:-1]}是"
                lost = _item_without_verb(doc.text, last_end, start, expected) if last is not None else None
                if lost is not None:  # 三是… 四聚力… 五是: item 四 is there, its 是 lost
                    item = doc.text[lost:lost + 3]
                    hits.append(Hit(lost, lost + 1, {"match": item, "expected": f"{numeral(1, expected)[:-1]}是",
                                                     "prior": gap, "number": word}, key="lost"))
                elif last is None:
                    hits.append(Hit(start, start + len(word), {"match": word, "number": word}, key="start"))
                else:
                    hits.append(Hit(start, start + len(word), {"match": word, "number": word, "prior": gap},
                                    key="gap"))
                    # two or more items skipped: an inner list, not one item out of place
                    outer = last if n - last > 2 else None
            elif last is not None and n <= last:
                hits.append(Hit(start, start + len(word), {"match": word, "number": word,
                                                           "prior": f"{numeral(1, last)[:-1]}是"}, key="back"))
            last, last_end = n, start + len(word)
    return hits


_OPENS = "《“‘「『（(〈"
_CLOSES = "》”’」』）)〉"


def _split_off(text: str, p: Span) -> bool:
    """Is paragraph `p` a piece of a sentence split over lines around a quotation or a title:
    it ends with 《 or starts with 》, or the line above ends with 《 or the line below starts
    with 》?"""
    before = text[max(0, p.start - 4):p.start].rstrip(BLANK_CHARS + "\n")
    after = text[p.end:p.end + 4].lstrip(BLANK_CHARS + "\n")
    return (p.text[-1] in _OPENS or p.text[0] in _CLOSES or (bool(before) and before[-1] in _OPENS)
            or (bool(after) and after[0] in _CLOSES))


def _item_without_verb(text: str, start: int, end: int, n: int) -> int | None:
    """Offset of the numeral of item `n` standing at a clause start between the items before and
    after it, its 是 lost (三是聚力… 四聚力… 五是聚力…), or None."""
    mark = numeral(1, n)[:-1]
    for m in _CLAUSE_START.finditer(text, start, end):
        at = m.end()
        if text.startswith(mark, at) and at + len(mark) < end and CJK_CHAR.match(text, at + len(mark)) \
                and text[at + len(mark)] not in "是要则":
            return at
    return None


_CLAUSE_START = compile_regex(r"[。；;！!？?\n]\s*")
CJK_CHAR = compile_regex(r"[\u4e00-\u9fff]")


def _introduces_list(previous: str, numbered: bool) -> bool:
    """Does the paragraph above a （1） introduce a list of its own: a lead-in ending with a colon
    (三、两种方法的区别：) or an unnumbered label (●存在问题, 注意事项)?"""
    previous = previous.rstrip(BLANK_CHARS)
    return bool(previous) and (previous.endswith((":", "：")) or (not numbered and _label(previous)))


def _chapter_heading(it: Numbered, following: str) -> bool:
    """Is `3. 系统设计` the chapter of a decimal outline, its first section (3.1总体架构) below it?"""
    if it.level != 3:
        return False
    number = str(it.number)  # `3.1` / `3．1`, not `3.10` (a digit after the 1)
    k = len(number)
    return (following.startswith(number) and following[k:k + 1] in (".", "．") and following[k + 1:k + 2] == "1"
            and not following[k + 2:k + 3].isdecimal())


def _inline_predecessor(text: str, it: Numbered, before: str, number: int | None = None) -> bool:
    """Is item `number` (n-1 unless given), numbered the same way (1、 for 2、, 二． for 三．),
    inside the text before item n, after a space, a colon or a bracketed title (本学位论文属于
    1、保密囗 / 2、不保密囗; 【服务条款】1.关于账户 / 2.…;
    效果：1、输入值… / 2、点击…; …按期完成。 二．体会 / … / 三．打算)?"""
    mark = text[it.para.start:it.mark_end].strip(" \t\u3000")
    number = it.number - 1 if number is None else number
    if it.level in (1, 2):
        shown = numeral(it.level, it.number).strip("（）、")
        if shown not in mark:
            return False
        want = mark.replace(shown, numeral(it.level, number).strip("（）、"), 1)
    else:
        digits = re.search(r"\d+", mark)
        if digits is None or int(digits.group()) != it.number:
            return False
        want = mark[:digits.start()] + str(number) + mark[digits.end():]
    # inside a line: after a word and a space, after a colon or a lead-in's comma (会议决定，一、…),
    # an Arabic number also glued to a label (功能需求1.系统能…); not an item starting a line,
    # unless struck out by dashes typed before it (--1、旧接口（已废弃）)
    glued = r"|[\u4e00-\u9fff]" if it.level > 2 else ""
    return built_regex(r"(?:[^\s][ \t\u3000]+|[：:】，,。；;][ \t\u3000]*|^[ \t\u3000]*[-–—]{1,3}" + glued + ")"
                       + _any_width_mark(want) + r"(?:(?!\d)|(?=(?:19|20)\d\d年))", re.MULTILINE).search(before) is not None
    # (附件:1.2018年《政府工作报告》任务分解表 / 2.…: item 1 dated by its year, the way heading_level reads it)


_COMMA_ITEM = compile_regex(r"[ \t\u3000]*\d{1,2}[，,][ \t\u3000]*[\u4e00-\u9fff][^。！？!?；;\n]{0,30}$")


def _comma_numbered(paragraph: str) -> bool:
    """Is `paragraph` a short Arabic item marked with a comma (`2, 用户的修改和删除`): a parent the
    mark parser does not read as 2., of the `(1)` items below it?"""
    return _COMMA_ITEM.match(paragraph) is not None


def _indent(text: str, start: int) -> int:
    """Display columns of the blanks opening the line of offset `start` (a tab as four)."""
    width = 0
    line = text.rfind("\n", 0, start) + 1
    for c in text[line:line + 40]:
        if c == "\t":
            width += 4
        elif c in " \u3000\u00a0":
            width += 2 if c == "\u3000" else 1
        else:
            break
    return width


_MARK_FORMS = {"(": "[(（]", "（": "[(（]", ")": "[)）]", "）": "[)）]", ".": "[.．、]", "．": "[.．、]", "、": "[.．、]"}


def _any_width_mark(mark: str) -> str:
    """A regex for item mark `mark` however its brackets and its stop are typed: a writer who
    numbers `思考：（1）…` on one line types `(2）` on the next, or `附：1、…` then `2.…`; the
    number says which item it is, the half- or full-width mark does not."""
    return "".join(_MARK_FORMS.get(c) or re.escape(c) for c in mark)


def _cited_above(text: str, it: Numbered) -> bool:
    """Does the lead-in of item `it`'s list (the nearest line above it ending with a colon) cite
    the item's number as an item (第一款(八)項、(十一)項…修改如下:)? An amendment quotes the items
    it changes, so its numbering skips by design; a list whose lead-in cites nothing does not."""
    colon = max(text.rfind(":\n", 0, it.para.start), text.rfind("：\n", 0, it.para.start))
    if colon < 0:
        return False
    lead = text[text.rfind("\n", 0, colon) + 1:colon]
    number = str(it.number) if it.level in (3, 4) else numeral(1, it.number).rstrip("、")
    return built_regex(rf"(?:[(（]{number}[)）]|第{number})[ \t\u3000]*[項项款目]").search(lead) is not None


def _marked_otherwise(previous: str, it: Numbered) -> bool:
    """Does the paragraph above open with item n-1 of Arabic item `it` under another mark (1，
    above 2:, 1) above 2.)?"""
    return it.level == 3 and built_regex(rf"[ \t\u3000]*{it.number - 1}[，,;；、.．:：)）](?!\d)").match(previous) is not None


def _unstyled_sibling(text: str, it: Numbered, since: int, number: int) -> bool:
    """Does a line numbered `number` the way Word heading `it` is (九. for 十.), short and
    without a sentence, stand between `since` and it: the writer's heading left without the
    heading style?"""
    mark = text[it.para.start:it.mark_end].strip(" \t\u3000")
    if it.level in (1, 2):
        shown = numeral(it.level, it.number).strip("（）、")
        want = mark.replace(shown, numeral(it.level, number).strip("（）、"), 1) if shown in mark else None
    else:
        digits = re.search(r"\d+", mark)
        want = mark[:digits.start()] + str(number) + mark[digits.end():] if digits else None
    # a heading's line: short, no sentence in it (3.论文结构。 is an item of a list)
    return want is not None and re.search(r"(?m)^[ \t\u3000]*" + re.escape(want) + r"[^\n。；;，,：:]{1,30}$",
                                          text[since:it.para.start]) is not None


def _glued_heading(paragraph: str, n: int) -> bool:
    """Does the paragraph end with top-level heading n run onto it (GLUED_END: …成果转化。
    二、社会发展举措)?"""
    glued = GLUED_END.search(paragraph.rstrip())
    return glued is not None and cn_number(glued.group("n")) == n


def _glued_first(text: str, it: Numbered) -> bool:
    """Is the first item of a top-level heading run into a line above the second (…工作方案参考模板一、背景分析
    … 二、问题定义): a title and its first heading flattened into one line?"""
    return it.level == 1 and GLUED_TOP.search(text, 0, it.para.start) is not None


def _glued_predecessor(before: str, n: int) -> bool:
    """Is the item before `n` in the text anyway, where ENUMERATOR cannot see it: glued to the
    word before it by a flattened page (素质一是), or written another way (一要, 首先 for 一)?"""
    prev = numeral(1, n - 1)[:-1]
    return any(f"{prev}{verb}" in before for verb in "是要则") or (n == 2 and ("首先" in before or "第一" in before))


# --- title -------------------------------------------------------------------------------------

def _glued_title(head: str, ctx: Context, words: list[str]) -> bool:
    """Does the paragraph open with a title before its first clause ends (标题 run into the body
    by a flattened page: …市长讲话同志们：, …试行办法 第一条 …), rather than mention a kind of
    document inside a sentence or a quoted 《…》?"""
    clause = head[:_CLAUSE_END.search(head + "。").start()].split("《")[0]
    if _SENTENCE_OPENER.match(clause):
        return False  # 根据…工作安排，…: a sentence that names a document, not a title
    return (any(pat.search(clause) for profile in ctx.catalog.profiles.values() for pat in profile.title_patterns)
            or any(w in clause for w in words))


_CLAUSE_END = compile_regex(r"[，。；,;：:！!？?]")
# A title may be long (关于办理…、…、…刑事案件具体应用法律若干问题的解释): one phrase ending with
# the kind of document, no clause in it.
_LONG_TITLE = compile_regex(r"[^，。；,;：:！!？?]*(?:解释|规定|决定|办法|条例|细则|通知|意见|批复|答复|决议|公告)"
                            r"(?:[（(][^（()）]{1,10}[）)])?")


_LATIN_WORD = compile_regex(r"[A-Za-z][A-Za-z'-]*")
_LATIN_TITLE = compile_regex(r"[A-Za-z][A-Za-z0-9 ,:;'’()&.\-–—]*")  # words and a title's marks, no markup
LATIN_WORD_WIDTH = 3  # characters of a Chinese title one word of an English title is counted as


def _title_length(text: str) -> int:
    """A title's length in characters of Chinese: an English one (a paper's, Expression recognition
    based on convolutional neural network, …) is counted by its words (LATIN_WORD_WIDTH each)."""
    if _LATIN_TITLE.fullmatch(text.strip()) is None:
        return len(text)
    return LATIN_WORD_WIDTH * sum(1 for _ in _LATIN_WORD.finditer(text)) or len(text)


def _long_title(text: str) -> bool:
    """Is a paragraph longer than a title usually is a title all the same (see _LONG_TITLE)?"""
    return _LONG_TITLE.fullmatch(text) is not None
# A news headline ends with an exclamation or a question (决战决胜2024,奋力开创高质量发展新局面!,
# …有哪些变化值得关注?): one line of a title's length, no full stop, semicolon or speaker's colon in
# it, and no salutation (各位代表！, 尊敬的各位领导、各位来宾！, 同志们好！).
_HEADLINE = compile_regex(r"(?!尊敬的|各位|亲爱的|同志们)[^。；;：:\n]{8,40}"
                          r"(?<![们好表宾导友志员])[！!？?]")
_SENTENCE_OPENER = compile_regex(r"(?:根据|根據|按照|依据|依據|为了|為了|为|為|经|經|在|随着|隨著|截至|近日|今年|去年)")


def _symbols_only(text: str) -> bool:
    """Does a paragraph hold no letter, character or digit (`-`, `——`, `***`)?"""
    return not any(c.isalnum() for c in text)


# The first paragraph of a Word file is prose, not a title, when it introduces what follows
# (新API设计：, 任务一：), holds a sentence's end (上机第16周，来机考就可以。学生成绩评定方法) or is
# a field whose value is a clause (开发人员培训计划：开发人员自行加强…，查阅和学习…).
_WORD_LEAD_IN = compile_regex(r"[：:]$")
# On a page too, a first paragraph of clauses that ends with a colon introduces what follows (…采取了
# 三项举措：, a notice's addressees 各乡镇人民政府，县政府各部门：): a label (标题：) has no clause.
_PAGE_LEAD_IN = compile_regex(r"[，,、；;][^\n]*[：:]$")
_WORD_PROSE = compile_regex(r"[。！？；!?;]|[：:][^，,]*[，,]")


def _word_prose(text: str, title_words: list[str]) -> str | None:
    """Why a Word file's first paragraph is prose, not its title (a message key), else None. A
    lead-in naming a kind of document (班级宪章修改记录：, …工作总结：) is a title; an
    attachment's mark (附件1：) is no lead-in."""
    if _WORD_LEAD_IN.search(text):
        return None if is_attachment_head(text) or any(w in text for w in title_words) else "lead-in"
    return "sentence" if _WORD_PROSE.search(text) else None


def _first_of_sections(doc: Document, first: Span) -> bool:
    """Whether a Word file's first paragraph is the first of its sections by layout: a numbered
    heading (`1 引言` by its text, `一、` by its Word list label) in a heading style or outline
    level that a later paragraph of the body has too (`2 系统定义`). A title is above its
    sections, not one of them; a numbered heading without a sibling may head a chapter file."""
    line = doc.line_index(first.start) + 1
    level = doc.style_headings.get(line)
    if not level or not (line in doc.list_labels or _decimal_heading(first.text.strip())):
        return False
    return any(later > line and lv == level for later, lv in doc.style_headings.items())


def _first_of_subsections(doc: Document, first: Span, title_words: list[str]) -> bool:
    """Whether a Word file's first paragraph, unnumbered, is the first of parallel subsections:
    in a heading style below the top (标题 2, 标题 3) that later headings share, with no heading
    above that level anywhere and no word of a title (运行环境 / … / 简要操作, all 标题 2). A
    title styled as a heading is styled as the top one, or names the document's kind."""
    line = doc.line_index(first.start) + 1
    level = doc.style_headings.get(line)
    if not level or level < 2 or any(w in first.text for w in title_words):
        return False
    levels = doc.style_headings
    return (min(levels.values()) >= level
            and any(later > line and lv == level for later, lv in levels.items()))


def _opens_list(doc: Document, first: Span) -> bool:
    """Whether a Word file's first paragraph is an item of a Word list (a bullet or a number Word
    draws for it, `●资源模块` above `●事件系统`) outside a table: the file opens with its first
    point, as one typed `1、` does. A title is no item of a list."""
    line = doc.line_index(first.start)
    return line + 1 in doc.list_labels and not doc.in_table(line)


# A title line a page shows above the text, the site's counter or edition label on it: no sentence, field or path.
_SITE_TITLE = compile_regex(r"^[^。；;：:>|｜]{4,60}$")


# A title's version or edition in brackets after its kind (项目计划书（V1.0）, 工作总结(修订稿))
_TITLE_TAIL = compile_regex(r"[（(][^（）()\n]{1,12}[)）]$")


def _title_with_stop(text: str, kinds: list[str], max_len: int) -> bool:
    """A title with a full stop typed after it (「声入华夏」项目计划书（V1.0）。): one stop at the end of a
    short line that names its kind of document at its end, and no other mark of a sentence."""
    body = text.strip(BLANK_CHARS)
    if not body.endswith("。") or len(body) > max_len:
        return False
    body = _TITLE_TAIL.sub("", body[:-1]).rstrip(BLANK_CHARS)
    return not any(c in body for c in "，,。；;：:！!？?") and any(k in body[-5:] for k in kinds)  # (计划书, 报告)


@check("missing-title")
def missing_title(doc: Document, ctx: Context, rule) -> list[Hit]:
    """The first paragraph is body text or a numbered heading, not a title. Lines of bare
    symbols (a page's `-` separators) are no paragraph of the document's: the first with a word
    or a number is judged."""
    # the first two such paragraphs are all it reads (the first, and whether a second follows)
    # (nor is a site's notice that only part is shown, 论文部分内容阅读 above the text: KJ301's line)
    notices = flagged_lines(doc, ctx, ("KJ301",))
    paras = list(islice((p for p in reading_paragraphs(doc, ctx) if not _symbols_only(p.text)
                         and doc.line_index(p.start) not in notices), 2))
    if not paras:
        return []
    title, _ = find_title(doc, ctx)
    if title is not None and title.start == paras[0].start and doc.source_format == "docx" \
            and _first_of_sections(doc, paras[0]):
        title = None  # 第1章配置管理计划 above 第2章项目时间计划, both 标题 1: a chapter, not the file's title
    if title is not None or 0 in doc.style_headings.values():
        return []
    if any(part == "cover" and doc.text[doc.lines[i].start:doc.lines[i].end].strip() for i, part in doc.parts.items()):
        return []  # a Word file's title is on its cover page, left out of the text as it reads
    first = paras[0]
    max_len = int(rule.params.get("max-title-length", 60))
    # A Word file is the whole file as its writer made it, in paragraphs of its own: no scraped
    # top above the first one, and no title run into it.
    kinds = [*rule.params.get("title-words", []), *rule.params.get("lead-in-title-words", [])]
    word = _word_prose(first.text, kinds) if doc.source_format == "docx" else None
    numbered = any(pat.match(first.text) for _, pat in LEVEL_PATTERNS)
    sections = doc.source_format == "docx" and _first_of_sections(doc, first)
    subsections = doc.source_format == "docx" and not sections and _first_of_subsections(
        doc, first, [*rule.params.get("title-words", []), *rule.params.get("word-title-words", [])])
    if word is None and not numbered and not sections and not subsections and _glued_title(doc.plain(first)[:max_len], ctx, list(rule.params.get("title-words", []))):
        return []  # a title run into the body (a flattened page): the title is there; 一、述职报告的概念 is a section
    repeat_rule = ctx.catalog.rules.get(rule.params.get("repeated-title", "KJ607"))
    if repeat_rule is not None and repeat_rule.run is not None and repeat_rule.enabled and any(
            first.start <= h.offset < first.end for h in rule_hits(repeat_rule, doc, ctx)):
        return []  # a title run into the body twice (编号:…工作总结汇报…工作总结2019年以来…): it is there
    if doc.source_format != "docx" and any(
            _SITE_TITLE.match(p.text) and any(w in p.text for w in rule.params.get("title-words", []))
            for p in doc.paragraphs if p.end <= first.start):
        return []  # a title stands above, reported as the site's line for its counter (…工作总结精选8篇)
    if _title_with_stop(first.text, [*rule.params.get("title-words", []), *rule.params.get("word-title-words", [])],
                        max_len):
        return []  # a title with a stop typed after it: the title is there
    reason = None  # the key of the rule's message saying why the first paragraph is no title
    found = heading_level(first.text)
    if found and len(paras) > 1 and _chapter_heading(Numbered(found[0], found[1], first, first.start + found[2]),
                                                       paras[1].text):
        return []  # 3. 系统设计 above 3.1…: a chapter file, its heading is its title
    if numbered:
        reason = "numbered"
    elif sections:
        reason = "section"
    elif doc.source_format == "docx" and _opens_list(doc, first):
        reason = "list-item"
    elif first.text[-1] in "。；;！!？?" and not (len(paras) > 1 and _HEADLINE.fullmatch(first.text)):
        reason = "sentence"
    elif _title_length(first.text) > max_len and not _long_title(first.text):
        reason = "long"
    elif word is not None:
        reason = word
    elif subsections:
        reason = "subsection"
    elif doc.source_format != "docx" and _PAGE_LEAD_IN.search(first.text):
        reason = "lead-in"  # a Word file's lead-ins are judged above (_word_prose)
    if reason is None:
        return []
    # The defect is where a title should stand: the opening the message quotes, not a whole
    # paragraph (a flattened page is one paragraph of thousands of characters).
    return [Hit(first.start, min(first.end, first.start + len(first.text[:20])),
                {"match": first.text[:20], "max_length": max_len}, key=reason)]
