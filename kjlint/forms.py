"""Masks a document publishes on purpose: the forms (文书样式) attached to it, the wording a
provision prescribes and a notation a provision defines.

A judicial interpretation or a ministerial rule often ends with the forms it introduces
(附件1 / 决定书 / （××××）…号 / ××××年××月××日 / （院印）); a provision prescribes wording
(`以“中华人民共和国××中级人民法院”名义作出`, `应当使用的规范用语是：…第XX条…`) or a code
(`编排方式为：X妆XXXXXXXX。其中，第一位X代表…`, `××××3为首次注册年份`). There `×××` is a slot
for whoever fills in the form, not a value the writer forgot, and KJ2 leaves it alone
(ruletypes.FORM_EXEMPT). A draft that left `××` in declares none of this, so its masks are
still judged:

- an attachment (from a short line 附件/附表/附录… to the next one or the end) is a form when
  its heading names one (样式, 格式, 范本, 文书…) or its text has a form's layout: a seal's
  place on a line of its own (（院印）, （公章）) or a writing instruction (（以上写明…）);
- a chapter of a procurement document that names the formats of the replies (第四章 响应文件格式,
  第7章 投标文件格式: to the next chapter) is the other party's forms when its text has a
  signature or seal line: the supplier fills in its blanks, sections and signature blocks;
- a form's instructions for filling it in (填表说明 and its items, to the next blank line) show
  the pattern of a value with masks (中南大学×××（学院）, 例：湖南省××市××区);
- in a regulation (at least three articles 第X条, adopted or in force on a date written out: not
  a template of rules whose date is masked too): wording in quotation marks, the rest of a
  paragraph after a declared format or wording (…格式为：, 规范用语是：; the next paragraph
  when the declaration ends its own), and a mask the text defines (`其中，第一位X代表`,
  `××××3为…`) wherever that indexed mask recurs;
- in any text, a mask inside quotation marks or title marks that the sentence gives as an example
  of how to write something: a text about format quotes the pattern (标题一般为“关于××的报告”,
  如“××县人民政府”, 标明“×年×月×日制定”字样, 如《××省…规划》,《××省…规划》等). A report quoting a
  name with a mask in it (荣获“×××市先进集体”称号) gives no example: that name is missing.
"""
from __future__ import annotations

import itertools
import re

from .diskcache import compile_regex

_BLANK = " \t\u3000"
_MASK = "[×xXｘＸ]+"
_ATTACHMENT = compile_regex(rf"^[{_BLANK}]*(?:附件|附表|附录)[{_BLANK}]*[0-9０-９一二三四五六七八九十]*[{_BLANK}]*(?:[：:].*)?$")
_FORM_NAME = compile_regex(r"样式|式样|格式|范本|示范文本|文书|样表|模板")
_FORM_LAYOUT = compile_regex(
    rf"^[{_BLANK}]*[（(](?:院印|公章|印章|盖章|签章|签名|签字|(?:单位|机关)(?:盖章|公章|印章))[）)][{_BLANK}]*$"
    r"|[（(](?:以上|以下)?(?:写明|列明|载明|注明|简要列明|按顺序列明)[^）)\n]*[）)]",
    re.MULTILINE,
)
# A regulation adopted or in force on a date written out (2021年11月15日…通过, 本规定自2022年1月1日
#起施行): a template of rules (本制度自20xx年x月x日起施行) is a draft whose masks are still judged.
_ADOPTED = compile_regex(r"[12][0-9]{3}年[0-9]{1,2}月[0-9]{1,2}日[^。\n]{0,30}(?:通过|施行|公布|发布|印发)")
_ARTICLE = compile_regex(rf"^[{_BLANK}#*]*第[一二三四五六七八九十百零〇两]+条", re.MULTILINE)
_QUOTED = compile_regex(r"[“「][^”」\n]{1,60}[”」]")
_DECLARED = compile_regex(r"(?:格式|样式|式样|编排方式|编号方式|编号规则|用语|表述|写法)(?:是|为|如下)[：:][^\n]*")
# A mask defined: after 其中 (其中，第一位X代表…), or an indexed one opening a line of the list
# below it (××××3为首次注册年份). Both start with a literal, so the scan is quick.
_DEFINED_AFTER = compile_regex(
    rf"其中[，,：:]?[{_BLANK}]*(?:第[^，。；\n]{{1,8}}位)?(?P<token>{_MASK}[0-9]?)(?=为|代表|表示|是指)")
_DEFINED_LINE = compile_regex(rf"\n[{_BLANK}]*(?P<token>{_MASK}[0-9])(?=为|代表|表示|是指)")
_MAX_ATTACHMENT_LINE = 40
# A chapter heading (第7章, 第四章, 第二部分) naming a format; a form's layout under it: a line
# to sign or seal (投标人名称（公章）：, 法定代表人(签字或盖章)：).
_CHAPTER = compile_regex(rf"^[{_BLANK}]*第[0-9０-９一二三四五六七八九十百]+(?P<kind>[章部篇编])", re.MULTILINE)
_FORMAT_NAME = compile_regex(r"格式|样式|式样|范本|样表")
_SIGNATURE = compile_regex(r"(?:签[字名章]|盖章|公章)[^\n：:]{0,8}[）)]?[ \t\u3000]*[：:]")
_ANY_ATTACHMENT = compile_regex(r"附[件表录]")
_LINE = compile_regex(r"^.*$", re.MULTILINE)
_NEXT_PARAGRAPH = compile_regex(r"\n\s*[^\n]*")
_INSTRUCTIONS = compile_regex(
    rf"^[{_BLANK}]*(?:填[{_BLANK}]*[表写报]|申[{_BLANK}]*报)[{_BLANK}]*说[{_BLANK}]*明[{_BLANK}]*[：:]?[{_BLANK}]*$", re.MULTILINE)
_BLANK_LINE = compile_regex(rf"\n[{_BLANK}\r]*(?=\n)")
_MAX_INSTRUCTIONS = 3000
# A quoted pattern: quotation or title marks around a mask, a blank or a bracketed slot.
_QUOTED_MASK = compile_regex(r"[“「《](?=[^“”「」《》\n]{0,60}[×xXｘＸ*＊_（(])[^“”「」《》\n]{1,60}[”」》]")
# The sentence before it talks about format, or introduces an example right before the mark
# (如“…”, 一般为“…”, 标明“…”, the name or the words the reader is told to give: 命名“xxx支队__…”,
# 加上“（姓名）”); or the words after it name it an example (“…”字样).
_EXAMPLE_SENTENCE = compile_regex(r"格式|样式|式样|写法|示例|范例|范本|模板|例如|比如|举例")
_EXAMPLE_LEAD = compile_regex(r"(?:如|一般为|通常为|一般是|应为|可写为|写为|写成|写作|标明|注明|命名为?|加上|写上|标上)[：:]?[ \t\u3000]*$")
_EXAMPLE_TAIL = compile_regex(r"(?:等)?(?:字样|的格式|格式|样式|的写法)")
_SENTENCE_END = "。！？!?；;\n"
_LIST_GLUE = compile_regex(r"[ \t\u3000]*[，,、和及或与][ \t\u3000]*")


def form_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) offsets of the text's published forms, prescribed wording and defined
    notation, in order, overlapping ones merged."""
    spans = _attached_forms(text) + _format_chapters(text) + _filling_instructions(text) + _quoted_examples(text)
    if next(itertools.islice(_ARTICLE.finditer(text), 2, None), None) is not None and _ADOPTED.search(text):
        spans += _prescribed(text)  # a regulation (three articles) adopted on a real date
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def is_attachment_head(line: str) -> bool:
    """Does the line start an attachment (附件2, 附件：主要文书参考样式, 附表1：…)? An attachment
    is a section of its own: its numbering starts again, and it may be a form."""
    return len(line.strip(_BLANK + "\r")) <= _MAX_ATTACHMENT_LINE and _ATTACHMENT.match(line) is not None


def _attached_forms(text: str) -> list[tuple[int, int]]:
    if not _ANY_ATTACHMENT.search(text):
        return []  # most texts: no line is looked at
    heads = [m for m in _LINE.finditer(text) if is_attachment_head(m.group())]
    chapters = list(_CHAPTER.finditer(text))
    out = []
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        end = min(end, _chapter_end(chapters, head.start(), end))
        body = text[head.start():end]
        title = "\n".join(line for line in body.split("\n")[:4] if line.strip(_BLANK + "\r"))
        if _FORM_NAME.search(title) or _FORM_LAYOUT.search(body):
            out.append((head.start(), end))
    return out


_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十")}


def _chapter_number(head: re.Match) -> int | None:
    """第7章 → 7, 第十二章 → 12 (up to 99); None otherwise."""
    n = head.group().strip(_BLANK)[1:-1]
    if n.isdigit():
        return int(n)
    tens, ten, ones = n.partition("十")
    if not ten:
        return _CN_DIGITS.get(n) if len(n) == 1 else None
    t, o = _CN_DIGITS.get(tens, 1 if not tens else None), _CN_DIGITS.get(ones, 0 if not ones else None)
    return None if t is None or o is None else t * 10 + o


def _chapter_end(chapters: list[re.Match], start: int, end: int) -> int:
    """Where the chapter holding `start` ends, if before `end`: at the next chapter of its kind
    numbered one more (an attachment inside 第四章 ends at 第五章; a 章程 template attached at
    the end keeps its own 第一章, 第二章…)."""
    before = [c for c in chapters if c.start() < start]
    if not before or (n := _chapter_number(before[-1])) is None:
        return end
    kind = before[-1].group("kind")
    return next((c.start() for c in chapters if start < c.start() < end and c.group("kind") == kind
                 and _chapter_number(c) == n + 1), end)


def _format_chapters(text: str) -> list[tuple[int, int]]:
    """Chapters whose heading names a format and whose text has a line to sign or seal: the
    reply forms a procurement document gives the supplier (投标函, 授权委托书, 报价表…), from
    the heading to the next chapter of its kind. A chapter on a data format (第三章 数据格式设计)
    has no signature line and is judged."""
    if not _FORMAT_NAME.search(text):
        return []  # most texts: no line is looked at
    heads = list(_CHAPTER.finditer(text))
    out = []
    for i, head in enumerate(heads):
        eol = text.find("\n", head.start())
        line = text[head.start():eol if eol >= 0 else len(text)]
        if len(line.strip(_BLANK + "\r")) > _MAX_ATTACHMENT_LINE or not _FORMAT_NAME.search(line):
            continue
        end = next((h.start() for h in heads[i + 1:] if h.group("kind") == head.group("kind")), len(text))
        if _SIGNATURE.search(text, head.start(), end):
            out.append((head.start(), end))
    return out


def _filling_instructions(text: str) -> list[tuple[int, int]]:
    """A form's instructions for filling it in: from a heading 填表说明 (填写说明, 填报说明,
    申报说明) to the first blank line after its items, at most _MAX_INSTRUCTIONS characters.
    Their masks show the pattern of a value (团队名称按以下格式填写：中南大学×××（学院）…;
    例：湖南省××市××区)."""
    if "说" not in text:
        return []  # most texts: no pattern is run
    out = []
    for m in _INSTRUCTIONS.finditer(text):
        stop = _BLANK_LINE.search(text, m.end(), m.end() + _MAX_INSTRUCTIONS)
        out.append((m.start(), stop.start() if stop else min(len(text), m.end() + _MAX_INSTRUCTIONS)))
    return out


def _quoted_examples(text: str) -> list[tuple[int, int]]:
    """Quoted masks that the sentence around them gives as examples of a format (see the module
    docstring); one right after another such example (《A》,《B》等) is one too."""
    out: list[tuple[int, int]] = []
    for m in _QUOTED_MASK.finditer(text):
        start = m.start()
        lo = max(0, start - 80)
        cut = max(text.rfind(ch, lo, start) for ch in _SENTENCE_END) + 1
        before = text[max(cut, lo):start]
        if (_EXAMPLE_SENTENCE.search(before) or _EXAMPLE_LEAD.search(before)
                or _EXAMPLE_TAIL.match(text, m.end())
                or (out and out[-1][1] < start and _LIST_GLUE.fullmatch(text, out[-1][1], start))):
            out.append(m.span())
    return out


def _prescribed(text: str) -> list[tuple[int, int]]:
    out = [m.span() for m in _QUOTED.finditer(text)]
    for m in _DECLARED.finditer(text):
        end = m.end()
        if not text[m.start():end].rstrip(_BLANK + "\r").endswith(("：", ":")):
            out.append((m.start(), end))
            continue
        nxt = _NEXT_PARAGRAPH.match(text, end)  # the declared text is the next paragraph
        out.append((m.start(), nxt.end() if nxt else end))
    tokens = set()
    if "其中" in text:  # a notation is explained (其中：…) where it is defined
        for m in itertools.chain(_DEFINED_AFTER.finditer(text), _DEFINED_LINE.finditer(text)):
            out.append(m.span("token"))
            if m.group("token")[-1].isdigit():
                tokens.add(m.group("token"))
    for token in tokens:
        out.extend(m.span() for m in re.finditer(rf"(?<![×xXｘＸ]){re.escape(token)}(?![0-9])", text))
    return out
