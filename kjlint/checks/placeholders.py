"""KJ2 placeholders: what a pattern cannot see. Most KJ2 rules are patterns (rules/kj2-…yaml);
a Word form's empty fields are judged by the form's layout (`empty_fields`) and reported by
KJ204 beside its pattern hits; a dot left for a deleted word is judged by the text's own full
stop (`deleted_word`) and reported by KJ207 beside its pattern hits; a Word draft's review
comments are read from its comments part (KJ208)."""
from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from typing import Iterator

from .registry import check
from .structure import cn_number
from ..diskcache import compile_regex, trie
from ..document import Document
from ..i18n import _
from ..ruletypes import Context, Hit
from ..words import COMMON_SURNAMES

_BLANK = " \t\u3000"


@check("empty-form-field")
def empty_form_field(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """A field of a Word form left empty, quoted at its label (`hand-filled`: the labels of
    what another hand fills in on the printed page), and a row of a table of records left
    empty but for its number, quoted at the number."""
    if doc.source_format != "docx":
        return
    hand_filled = compile_regex("|".join(f"(?:{p})" for p in rule.params.get("hand-filled", ())) or r"(?!)")
    hits = [Hit(start, end, {"label": doc.text[start:end].replace("\n", "")}, key="field")  # a label over two lines: one
            for start, end in empty_fields(doc, hand_filled)]
    hits += [Hit(start, end, {"row": doc.text[start:end]}, key="row") for start, end in _spare_rows(doc)]
    yield from sorted(hits, key=lambda hit: hit.offset)


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


@check("deleted-word")
def deleted_word(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """A word deleted from the text: a dot left in its place (`党的.精神`, `及.系列`), in a text
    whose full stop is 。 (more 。 than dots between Chinese characters: where `.` is the text's
    full stop, a dot after 的 ends a sentence, `成绩是巨大的.但是`); or a few characters gone from
    inside a fixed name or formula of official prose (`新疆尔自治区`, `习新时代中国特色社会主义思想`,
    `中国特色主义`), which is never written shortened that way."""
    text = doc.text
    yield from _phrase_gaps(text, tuple(rule.params.get("set-phrases", ())),
                            frozenset(rule.params.get("set-phrase-words", ())))
    if "." not in text and "．" not in text:
        return
    hits = [m.start() for m in _DOT_AFTER_NON_FINAL.finditer(text)]
    if hits and text.count("。") > sum(1 for _ in _DOT_BETWEEN_HANZI.finditer(text)):
        for at in hits:
            yield Hit(at, at + 1, {"match": text[at]}, key="dot")


PHRASE_GAP_MAX = 3  # characters a deletion takes from inside a set phrase (近平, 维吾, 社会, 党)
PHRASE_GAP_MIN_LEFT = 4  # characters of the phrase left: fewer may spell a word of their own (中国)
PHRASE_GAP_LONG = 8  # a form this long reads as the phrase however few characters open it (习新时代…思想)


@functools.lru_cache(maxsize=8)
def _gap_matcher(phrases: tuple[str, ...], words: frozenset[str] = frozenset()) -> tuple[re.Pattern | None, dict[str, str]]:
    """One pattern for every set phrase with an inner run of 1..PHRASE_GAP_MAX characters removed
    (a character at least kept at each end), and what each such form is short of; `words` are
    forms that official prose writes as words of their own (马克思主义, 全国代表大会)."""
    from ..normalize import to_traditional

    whole = set(phrases) | {to_traditional(p) for p in phrases}  # 新疆維吾爾自治區 too
    words = words | {to_traditional(w) for w in words}
    phrases = tuple(sorted(whole))
    forms: dict[str, str] = {}
    for phrase in phrases:
        for i in range(1, len(phrase) - 1):
            for n in range(1, PHRASE_GAP_MAX + 1):
                if i + n >= len(phrase):
                    break
                form = phrase[:i] + phrase[i + n:]
                # (one character kept before the gap may end a word of the text: 过程中|社会主义)
                if (len(form) >= PHRASE_GAP_MIN_LEFT and (i >= 2 or len(form) >= PHRASE_GAP_LONG)
                        and form not in whole and form not in words and not any(form in p for p in whole)):
                    forms.setdefault(form, phrase)
    if not forms:
        return None, forms
    return compile_regex(_literal_trie(forms)), forms


def _literal_trie(words) -> str:
    """A regex matching the longest of `words` at a place, their shared beginnings written once
    (中国(?:特色主义|…)): re tries a flat alternation of 461 literals one by one at each place, a
    trie by its first character (0.44 -> 0.06 s on ../shared/corpus). Unlike diskcache._tree, which
    finds where a run starts, it matches a word whole."""
    def write(node: dict) -> str:
        alternatives = [re.escape(char) + write(child) for char, child in node.items() if char]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return write(trie(words))


def _phrase_gaps(text: str, phrases: tuple[str, ...], words: frozenset[str]) -> Iterator[Hit]:
    pattern, forms = _gap_matcher(phrases, words)
    if pattern is None:
        return
    for m in pattern.finditer(text):
        yield Hit(m.start(), m.end(), {"match": m.group(), "phrase": forms[m.group()]}, key="phrase")


# -- 某 put in place of a place's name (KJ201) -------------------------------------------------------

# 某 or 某某 before the unit of a place (某县, 某市, 某乡): the place's name hidden. Not a word that goes
# on after the unit (某市场, 某区域, 某县级, 某省份, 某乡村, 某市民, 某区间).
_MOU_PLACE = compile_regex(r"(?<!某)某某?[省市县区镇乡](?!场|域|级|份|村|民|间|长)")
# A person named by surname and 某 (张某, 王某某): a text that hides names on purpose (a judgment, a case
# told as an example, a news story) - its 某县 is anonymous on purpose too
_MOU_PERSON = compile_regex(rf"[{COMMON_SURNAMES}]某某?(?![省市县区镇乡某些种一个项方年月日时处单部企地类])")
# (surnames that are also words before 某 are left out: 关于某, 提高某, 资金某, 担任某, 每周某, 任何某)


@check("mou-mask")
def mou_mask(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """某 put in place of a place's name, in a document about that place: the same 某县 (某市, 某镇…)
    twice or more. Mentioned once in passing (`听到某县分管安全生产的副县长说`), or in a text that
    hides people's names as 张某, it is anonymous on purpose. (A title alone, `某县科技局工作总结`,
    is left alone: examples and test records write their stand-in that way.)"""
    text = doc.text
    if "某" not in text:
        return
    found = list(_MOU_PLACE.finditer(text))
    if len(found) < 2 or _MOU_PERSON.search(text):
        return
    counts = Counter(m.group() for m in found)
    for m in found:
        if counts[m.group()] >= 2:
            yield Hit(m.start(), m.end() - 1, {"match": m.group()[:-1]}, key="mou")


# -- A template's guidance for a section, left where the section's text belongs (KJ205) -------------

# Sentence marks inside the brackets: guidance is written as sentences (【结合…提供该软件的总体结构图表。】),
# a bracketed title or label is not (【工作亮点】, 【服务条款】).
_GUIDANCE_SENTENCE = compile_regex(r"[，,。；;、：:]")


@check("section-guidance")
def section_guidance(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """A Word section whose only text is one bracketed passage written as sentences, right under
    its heading (1.5性能 / 【给出一般情况下的运行性能指数。】 / 1.6安全保密): the template's guidance
    for that section, left in place of the text it asks for. Judged by its place, not its
    wording: a bracketed note inside a section's text, or one before a text, is the writer's.
    Paragraphs that are each one bracketed passage written as sentences, recurring through the
    file, are a template's writing instructions wherever they stand (`_instruction_paragraphs`),
    and so is a template's note telling its writer to delete its guidance (`_deletion_notes`)."""
    if doc.source_format != "docx":
        return
    spans = []
    for hit in guidance_under_headings(doc):
        spans.append((hit.offset, hit.end))
        yield hit
    for hit in itertools.chain(_instruction_paragraphs(doc), _deletion_notes(doc), _parenthesized_guidance(doc),
                               _prose_guidance(doc), _clause_guidance(doc), _addressed_guidance(doc)):
        if not any(s < hit.end and hit.offset < e for s, e in spans):
            spans.append((hit.offset, hit.end))
            yield hit


# A course template's question to its student about the assignment (主要介绍在该课程设计中你所实现的功能，
# 这些功能需要满足哪些要求。; 此次课程设计中你觉得哪一部分做的是比较满意的): the template speaks to the
# writer as 你 about 该/此次/本 课程设计 (实验, 作业…) and asks what to write; a report speaks of its work
# as 我/我们/本文. Quoted to its first sentence's end.
_ADDRESSED = compile_regex(
    r"(?m)^[ \t\u3000]*(?=[^\n“”\"]*(?:该|此次|本次|本)(?:课程设计|课设|实验|实训|作业|大作业|项目))"
    r"(?=[^\n“”\"]*你(?!们))(?=[^\n“”\"]*(?:哪些|哪一|什么|如何|怎样|怎么|是否))[^\n“”\"]{8,160}?(?:[。？?；;]|$)")


def _addressed_guidance(doc: Document) -> Iterator[Hit]:
    if "你" not in doc.text:
        return
    for m in _ADDRESSED.finditer(doc.text):
        line = doc.line_index(m.start())
        if doc.part(line) != "body":
            continue
        start = m.start() + len(m.group()) - len(m.group().lstrip(_BLANK))
        text = doc.text[start:m.end()]
        yield Hit(start, m.end(), {"match": text[:40] + ("…" if len(text) > 40 else "")}, key="instruction")


# A template's note telling its writer to delete its guidance (請刪除以上使用說明，開始撰寫您的文章。):
# what it names is the template's own text, so the note itself was to go.
_DELETION_NOTE = compile_regex(
    r"[请請][^\n。，,]{0,4}(?:删除|刪除|删去|刪去|删掉|刪掉)[^\n。，,]{0,12}?"
    r"(?:说明|說明|提示|指南|模板|範本|范本|示例|範例|范例|本段|此段|本页|本頁|此页|此頁)[^\n。]{0,40}[。.]?")


def _deletion_notes(doc: Document) -> Iterator[Hit]:
    if "删" not in doc.text and "刪" not in doc.text:
        return
    for m in _DELETION_NOTE.finditer(doc.text):
        if doc.part(doc.line_index(m.start())) == "body":
            text = m.group()
            yield Hit(m.start(), m.end(), {"match": text[:40] + ("…" if len(text) > 40 else "")}, key="instruction")


# A section's only text in round brackets, six characters or more, no pointer elsewhere (（见附件2）) nor
# a note that the section is empty (（无）, （略）: a slot of its own, KJ205's pattern)
_PARENTHESIZED = compile_regex(r"[（(]([^（()）\n]{6,200})[）)]")
_POINTER = compile_regex(r"^[ \t\u3000]*(?:详见|见|参见|另见|参照|同上|无|略)")


def _parenthesized_guidance(doc: Document) -> Iterator[Hit]:
    """A numbered section whose only text is one passage in round brackets, the next numbered
    section right after it (三、方案论证 / （对各种方案进行简单论证说明，并加以比较…） / 四、设计任务 /
    （按照任务书填写） / 五、…): the template's guidance for that section, left in place of the text it
    asks for. Judged by its place: a bracketed note before the section's text (项目简介 / （200字左右） /
    its text) is the form's, and one under a title that is no numbered section (a law's
    （2023年5月10日审议通过） under its name) is the document's."""
    if "（" not in doc.text and "(" not in doc.text:
        return
    lines = doc.lines
    body = [i for i, line in enumerate(lines) if line.text.strip(_CELL_BLANK) and doc.part(i) == "body"]
    for k in range(1, len(body) - 1):
        i = body[k]
        text = lines[i].text.strip(_CELL_BLANK)
        if text[:1] not in "（(" or doc.in_table(i):
            continue
        m = _PARENTHESIZED.fullmatch(text)
        if m is None or len(_HAN.findall(m.group(1))) < 6 or _POINTER.match(m.group(1)):
            continue
        if _numbered_section(doc, body[k - 1]) and _numbered_section(doc, body[k + 1]):
            start = lines[i].start + lines[i].text.index(text[0])
            yield Hit(start, start + len(text), {"match": text[:40] + ("…" if len(text) > 40 else "")}, key="guidance")


def _numbered_section(doc: Document, i: int) -> bool:
    """Is line i a section heading with its number (四、设计任务, 1.5 性能), a list item (（1）) no?"""
    from .structure import DECIMAL_HEADING, heading_level

    text = doc.lines[i].text.strip(_CELL_BLANK)
    if not text or len(text) > 40 or _SENTENCE.search(text) or text[-1] in "：:" or doc.in_table(i):
        return False
    level = heading_level(text)
    return DECIMAL_HEADING.match(text) is not None or level is not None and level[0] <= 2


# A paragraph that is one bracketed passage: [说明编写这份手册的目的，指出预期的读者。]
_BRACKET_PAIRS = {"[": "]", "［": "］", "【": "】"}
_ANY_BRACKET = compile_regex(r"[\[\]［］【】]")
_MIN_INSTRUCTIONS = 3  # a template's instructions recur through it; a writer's bracketed note does not


def _instruction_paragraphs(doc: Document) -> Iterator[Hit]:
    """Paragraphs each wholly one bracketed passage written as sentences ([说明编写这份用户手册的
    目的，指出预期的读者。] / [列出有用的参考资料，如：] / [对每项输出作出说明.]), at least
    `_MIN_INSTRUCTIONS` of them in the body: a template's instructions to its writer, left in
    whatever their wording. Written text is not set wholly in brackets paragraph after paragraph;
    a bracketed label or title has no sentence in it ([开放式问题], 【工作亮点】)."""
    if "[" not in doc.text and "［" not in doc.text and "【" not in doc.text:
        return
    found = []
    for i, line in enumerate(doc.lines):
        text = line.text.strip(_CELL_BLANK)
        if len(text) < 4 or _BRACKET_PAIRS.get(text[0]) != text[-1] or doc.part(i) != "body":
            continue
        inner = text[1:-1].strip(_CELL_BLANK)
        if _ANY_BRACKET.search(inner) or len(_HAN.findall(inner)) < 2:
            continue
        if _GUIDANCE_SENTENCE.search(inner) or inner.endswith((".", "．")):
            start = line.start + line.text.index(text[0])
            found.append((start, start + len(text), text))
    if len(found) < _MIN_INSTRUCTIONS:
        return
    # the file is a template with its instructions left in: so is every other bracketed passage
    # written as sentences (【列出有关资料的作者、标题…】 1.4参考资料, 6. 非常规过程 【提供应急…】)
    whole = {start for start, _end, _text in found}
    for m in _BRACKETED.finditer(doc.text):
        inner = m.group()[1:-1]
        if m.start() in whole or _BRACKET_PAIRS[m.group()[0]] != m.group()[-1] or len(_HAN.findall(inner)) < 2 \
                or not _GUIDANCE_SENTENCE.search(inner) or doc.part(doc.line_index(m.start())) != "body":
            continue
        found.append((m.start(), m.end(), m.group()))
    found += _template_notes(doc, whole)
    for start, end, text in sorted(found):
        yield Hit(start, end, {"match": text[:40] + ("…" if len(text) > 40 else "")}, key="instruction")


# In a template with its instructions left in, its author's notes to the writer (编者说明： and the
# paragraph under it) and a bracketed ellipsis standing for more of the same ([……]) are its too; a
# form's own notes (填表说明, 注：…) are the form's.
_TEMPLATE_NOTE = compile_regex(r"^(?:编者|编写|使用|模板)说明[ \t\u3000]*[：:]")
_BRACKETED_ELLIPSIS = compile_regex(r"[\[［【](?:…|\.|。|．){2,}[\]］】]")


def _template_notes(doc: Document, taken: set[int]) -> list[tuple[int, int, str]]:
    lines, out = doc.lines, []
    for i, line in enumerate(lines):
        text = line.text.strip(_CELL_BLANK)
        if not text or doc.part(i) != "body" or doc.in_table(i):
            continue
        start = line.start + line.text.index(text[0])
        if start in taken:
            continue
        if _BRACKETED_ELLIPSIS.fullmatch(text):
            out.append((start, start + len(text), text))
            continue
        m = _TEMPLATE_NOTE.match(text)
        if m is None:
            continue
        end = start + len(text)
        if m.end() == len(text):  # the label alone: its note is the paragraph under it
            j = next((k for k in range(i + 1, min(i + 3, len(lines))) if lines[k].text.strip(_CELL_BLANK)), None)
            if j is None or _is_heading(doc, j) or _ANY_BRACKET.match(lines[j].text.strip(_CELL_BLANK)):
                continue
            end = lines[j].start + len(lines[j].text.rstrip(_CELL_BLANK))
        if len(_HAN.findall(doc.text[start:end])) >= 8:
            out.append((start, end, doc.text[start:end].split("\n")[0]))
    return out


_BRACKETED = compile_regex(r"[\[［【][^\[\]［］【】\n]{2,400}[\]］】]")


def guidance_under_headings(doc: Document) -> Iterator[Hit]:
    """The bracketed guidance that is all its section holds (see `section_guidance`): what shows
    a template never filled in (truncation.unfilled_template)."""
    if "【" not in doc.text:
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

_CELL_BLANK = _BLANK + "\r\u00a0"  # Word fills an empty cell with a no-break space
# A field's label: a few words, no sentence in it (作品分类, 参赛组别（本科或高职高专）, 3、算法).
_LABEL = compile_regex(r"[^\s。！？；，,;!?：:]{1,20}")
_HAN = compile_regex(r"[\u4e00-\u9fff]")
# A list number before a field's label (3、算法：, （二）职务：, 1. 名称：, ②费用：) and the one a line opens with.
_NUMBER = r"(?:[0-9０-９]{1,2}[、.．]|[（(][0-9０-９一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|[①-⑳])"
_LIST_ITEM = compile_regex(rf"^[{_BLANK}]*(?P<number>{_NUMBER})[{_BLANK}]*")
_FIRST_ITEM = compile_regex(r"^(?:[1１][、.．]|[（(][1１一][）)]|一、)")
# A paragraph that is a field: `label：value` or `label：` (a list number may come first).
_FIELD_LINE = compile_regex(
    rf"^[{_BLANK}]*(?:{_NUMBER}[{_BLANK}]*)?(?P<label>[^\s。！？；，,;!?：:]{{1,12}})[：:][{_BLANK}\u00a0]*(?P<value>.*?)[{_BLANK}\r\u00a0]*$")
_PEN_ROOM = compile_regex(rf"[：:][{_BLANK}]{{2,}}\r?$")
_SENTENCE = compile_regex(r"[，。；！？,;!?]")
_LEAD_IN = compile_regex(r"以下|如下|下列")
# The last field of a line of fields, empty: 法定代表人：闻龙 职务：; not a label spread over
# the line with blanks (地    址：  …  地    址：, the two parties' columns: 地 is no value), nor
# the end of a paragraph of sentences (…分别为：表现层、数据层和服务层。其中… 如图 4-1所示：, the
# figure below it): a field's value holds no full stop
_LAST_FIELD = compile_regex(
    rf"[：:][{_BLANK}]*(?![^\s：:][{_BLANK}]+[^\s。！？；，,;!?：:][：:])[^\s：:。！？!?]+[{_BLANK}]+(?P<label>[^\s。！？；，,;!?：:]{{1,8}})[：:][{_BLANK}\r]*$")


def empty_fields(doc: Document, hand_filled: re.Pattern) -> list[tuple[int, int]]:
    """[start, end) of the labels of a Word form's fields its writer left empty, in order.

    A form is judged by its own layout, not by the names of its fields. In a table: a row that
    is a label and empty cells (作品分类 | ), either of two fields side by side (岗位名称 | 出纳 |
    岗位代码 | ), or a cell that is only a label and its colon above empty paragraphs (作品安装说明：
    and the room to write), when most of that table's fields are filled (a blank template's
    fields are all empty: it is a form still to be handed out); a cell's `label：` paragraph
    between filled ones (`_among_fields`); a column of records skipped (`_empty_columns`).
    Among paragraphs: `label：` with nothing after it among fields that are filled (3、算法：
    between 2、Shell：函数… and 4、…; 项目管理工具： under 开发工具：Xcode; 甲方： over 乙方：刘西川),
    or the last field of a line whose other fields are filled (法定代表人：闻龙 职务：). What another hand fills in on
    the printed page (a signature, a date, a reviewer's comment: `hand_filled`) and an optional
    field are never reported."""
    if doc.source_format != "docx" or not doc.line_sources:
        return []
    spans = (_empty_cells(doc, hand_filled) + _empty_paragraph_fields(doc, hand_filled) + _empty_run(doc, hand_filled)
             + _empty_tables(doc, hand_filled) + _empty_columns(doc, hand_filled) + _empty_front_fields(doc, hand_filled)
             + _empty_boxes(doc, hand_filled))
    return sorted(left_empty_by_practice(doc, set(spans)))


# The indent, bullet and number before an entry's field or heading (•, 1., 3.1, （二）): the same
# field in every copy of the entry once they are taken off (3.1进度安排 / 4.1进度安排 -> 进度安排).
_ENTRY_MARK = compile_regex(
    r"[ \t\u3000\u00a0•●○■□◆◇▪·\-*]*(?:[（(]?(?:[0-9０-９]{1,3}(?:[.．][0-9０-９]{1,3})*|[一二三四五六七八九十]{1,3})[、.．)）]?)?[ \t\u3000\u00a0]*")
_FIELD_END = compile_regex(r"[：:]")


def entry_label(text: str) -> str:
    """The label of a field or heading line without its mark and what follows its colon."""
    rest = text[_ENTRY_MARK.match(text).end():]
    m = _FIELD_END.search(rest)
    return (rest[:m.start()] if m else rest).strip(_CELL_BLANK)


def left_empty_by_practice(doc: Document, spans) -> list[tuple[int, int]]:
    """`spans` (labels of empty fields, or empty headings) without those of a part the Word file
    repeats for each of its entries (its copies _ENTRY_LINES lines apart or more) that its writer
    left empty in _REPEATED_FORM copies or more, a third of its copies at least (a test plan's 3.1进度安排, 4.1进度安排 … under each test, all
    empty; a test's 1.错误推测法： in four of five): optional there by the writer's practice, as a
    table's field is (`_empty_cells`). One copy of many left empty is still reported."""
    spans = list(spans)
    if len(spans) < _REPEATED_FORM or doc.source_format != "docx":
        return spans
    text = doc.text
    labels = [entry_label(text[start:end]) for start, end in spans]
    empty = Counter(label for label in labels if label)
    wanted = {label for label, n in empty.items() if n >= _REPEATED_FORM}
    if not wanted:
        return spans
    where: dict[str, list[int]] = {}
    for i, line in enumerate(doc.lines):
        label = entry_label(line.text)
        if label in wanted:
            where.setdefault(label, []).append(i)
    # copies a few lines apart are one block's fields (each member's 分工： under his name, all to
    # fill in), not a field of entries that each have their own part of the file
    optional = {label for label in wanted if 3 * empty[label] >= len(where[label])
                and min(b - a for a, b in zip(where[label], where[label][1:])) >= _ENTRY_LINES}
    return [span for span, label in zip(spans, labels) if label not in optional]


_ENTRY_LINES = 5  # lines at least from one copy of a repeated entry's field to the next


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

    def text_of(cell: list[int]) -> str:
        return "".join(lines[i].text for i in cell)

    out = []
    prose: list[int] | None = None  # computed when first needed
    # how often each label stands in the file's tables and how often its value is empty: a form
    # the document repeats for each of its entries (a data dictionary's 数据流名称 | 简述 | 组成 per
    # flow) whose field is empty in three copies or more, a third of them at least, is optional
    # there by the writer's practice (简述 left empty in 44 of 105 flows); one forgotten is reported
    labelled: Counter = Counter()
    left_empty: Counter = Counter()
    for rows in tables.values():
        filled, empties, empty = 0, 0, []
        pairs = []  # label cells of empty fields set out as label | value (one or two in their row)
        above_whole = True  # the row above has no empty cell
        records = _is_record_table(rows, text_of)
        # a column blank from top to bottom is the grid's, not a field's (an extra column at the edge);
        # a cell that is its column in one row only is that row's own (职  称 | its empty value)
        rows_of = Counter(c for cells in rows.values() for c in cells)
        blank = {c for c, n in rows_of.items() if n > 1}
        blank -= {c for cells in rows.values() for c, cell in cells.items() if any(map(has_text, cell))}
        for cells in rows.values():
            cells = {c: cell for c, cell in cells.items() if c not in blank}
            if not cells:
                above_whole = False
                continue
            order = sorted(cells)
            first = cells[order[0]]
            whole = all(any(map(has_text, cells[c])) for c in order)
            if len(order) == 4 and not records and _is_label(text_of(first)) and _is_label(text_of(cells[order[2]])):
                # two fields side by side: label | value | label | value
                fields = [(first, cells[order[1]]), (cells[order[2]], cells[order[3]])]
            elif len(order) >= 2:  # label | value …
                fields = [(first, [i for c in order[1:] for i in cells[c]])]
            elif len(first) >= 2 and lines[first[0]].text.rstrip(_CELL_BLANK)[-1:] in "：:":  # label： and room below
                fields = [(first[:1], first[1:])]
            else:
                above_whole = whole
                continue
            for label_cell, value in fields:
                label = text_of(label_cell).rstrip(_CELL_BLANK).rstrip("：:")
                if not _is_label(label):
                    continue
                labelled[label] += 1
                if any(map(has_text, value)):
                    filled += 1
                elif not hand_filled.search(label):  # another hand's field is not the writer's
                    left_empty[label] += 1
                    empties += 1
                    if above_whole:
                        empty.append(label_cell[0])
                    if len(order) in (2, 4):
                        pairs.append(label_cell)
            above_whole = whole
        if filled > empties:  # a form whose fields are mostly filled
            out += [_label_span(doc, i) for i in empty]
        if filled and pairs:
            # a cover's table of label | value rows above a document's written text: its empty
            # fields were never filled in, after a row with a blank too (题目名称 | and 姓名 | , 学号 |
            # above a 任务书's sections); a grid of names (李观泰 | 王博宇 | … / 张玉飞 | | |) has no
            # such rows, and a table below text (a grading table's 总成绩 | , an optional second
            # supervisor's block after a form's instructions) is no cover
            if prose is None:
                prose = _prose_before(doc)
            first = min(cell[0] for cells in rows.values() for cell in cells.values())
            if prose[first] <= _COVER_TEXT and prose[-1] - prose[first] >= _WRITTEN:
                out += [(_label_span(doc, cell[0])[0], _label_span(doc, cell[-1])[1]) for cell in pairs
                        if cell[0] not in empty or filled <= empties]
    optional = {label for label, n in left_empty.items() if n >= _REPEATED_FORM and 3 * n >= labelled[label]}
    if optional:
        text = doc.text
        out = [span for span in out if text[span[0]:span[1]].rstrip("：:") not in optional]
    return out


_REPEATED_FORM = 3  # copies of a form with a field left empty from which that field is the writer's optional one


# A cover's field: its label, letters spaced out or not (学 生 姓  名, 所在学院), and its colon; on a
# line of its own without a colon, a spaced label and the room drawn after it (姓 名          ) or
# its value set apart (专    业      软件工程).
# a cover's label: its characters run together (指导教师) or each set apart (姓    名, 学　　号), not a
# value and the next label with blanks between (指导教师:   朱天生   职称： is two fields, 朱天生 filled)
_COVER_LABEL = r"(?:[\u4e00-\u9fff]{2,8}|[\u4e00-\u9fff](?:[ \t\u3000]{1,4}[\u4e00-\u9fff]){1,7})"
_COVER_COLON = compile_regex(rf"(?:^|(?<=[ \t\u3000\u00a0]))(?P<label>{_COVER_LABEL})[ \t\u3000]*[：:]")
_COVER_BARE = compile_regex(
    rf"^[ \t\u3000]*(?P<label>[\u4e00-\u9fff](?:[ \t\u3000]{{0,4}}[\u4e00-\u9fff]){{1,3}})(?:[ \t\u3000\u00a0]{{4,}}|[ \t\u3000]{{2,}}(?P<value>[^ \t\u3000：:].*?)[ \t\u3000]*)$")
_COVER_FIELDS = 3  # fields at least on a cover (题目, 姓名, 学号…)


def _empty_front_fields(doc: Document, hand_filled: re.Pattern) -> list[tuple[int, int]]:
    """The fields of a cover left empty in a document that is written: `label：` with nothing
    after it (所在学院：, 学  生：; several on a line: 学生姓名：    班级：    学号：, 分工：    成绩：), a
    cell's `label：` with nothing below it, a spaced label on its own line with the room drawn
    after it (姓 名         ), among three fields or more above the document's text, one of them
    at least filled (题目, 学院), when 300 characters of sentences follow, and no code above them
    (a study note's topics, 面向对象: / 创建: over their code, are no cover). A blank form has
    hardly any text of its own; what another hand fills in (`hand_filled`: 成绩, 日期, 签名, 编号)
    is not the writer's."""
    fields: list[tuple[int, int, bool]] = []  # (start, end, filled) of the cover's fields, in order
    lines = doc.lines
    values = set()  # lines holding the value of the field above them (项目名称： / “WAD t-book”记账本app)
    technical = doc.technical_lines
    for i, (start, _end, text) in enumerate(lines):
        if doc.part(i) not in ("body", "cover", "textbox") or i in values:
            continue
        if i in technical and doc.part(i) == "body":
            break  # code (JSON.parse(): 将字符串 --> json对象): notes have begun, a cover holds none
        cell = doc.line_sources[i] if doc.in_table(i) else None
        colons = list(_COVER_COLON.finditer(text))
        told = text[colons[0].end():] if colons else text
        if len(_HAN.findall(told)) >= 10 and (_SENTENCE_END.search(told) or len(_HAN.findall(text)) >= 40
                                              or cell is None and not colons and _SENTENCE.search(text)):
            break  # the document's text begins (项目目标：实现…。): the cover is above it
        if colons:
            for m, nxt in zip(colons, colons[1:] + [None]):
                value = text[m.end():nxt.start() if nxt is not None else len(text)].strip(_CELL_BLANK)
                if not value and nxt is None:
                    value = _value_below(doc, i, cell, values)
                if not _LEAD_IN.search(m.group("label")) and not (nxt is None and not value and _list_under(doc, i)):
                    # (界面内容基本如下： leads in what follows, and so does a label over a numbered list:
                    # 网站制作注意事项： / 1.在创建网站时…)
                    fields.append((start + m.start("label"), start + m.end(), bool(value)))
            continue
        m = _COVER_BARE.match(text)
        if m is not None and cell is None:
            fields.append((start + m.start("label"), start + m.end("label"), bool(m.group("value"))))
    if len(fields) < _COVER_FIELDS or not any(filled for *_, filled in fields):
        return []
    end = max(e for _, e, _f in fields)
    prose = _prose_before(doc)
    after = doc.text.count("\n", 0, end) + 1
    if prose[-1] - prose[after] < _WRITTEN and _boxed_prose(doc, after) < _BOXED_WRITTEN:
        return []  # a form to fill in, not a document written after its cover
    return [(s, e) for s, e, filled in fields if not filled and _is_label(doc.text[s:e].rstrip("：:"))
            and not hand_filled.search(doc.text[s:e])]


_UNDERLINE_ROOM = compile_regex(rf"[：:][{_BLANK}\u00a0]{{4,}}$")  # 所在学院：        : its value belongs on the line
_SENTENCE_END = compile_regex(r"[。！？!?；;]")


def _value_below(doc: Document, i: int, cell: str | None, values: set[int]) -> str:
    """The value of a cover's `label：` on line i with nothing after it on its line: the lines
    under it in its cell up to the next field (项目名称： / “WAD t-book”记账本app), else the next cell
    of its row (学  院： | 计算机科学与工程学院); outside a table, the line below when it is no field
    (负责人： / 莫允扬) and no underline's room is drawn after the colon on the label's line
    (所在学院：         ), and the Word table right under it (文档信息： and 文档变更历史： above
    the tables they name). Lines taken as a value are added to `values`."""
    lines = doc.lines
    if cell is None and i + 1 < len(lines) and doc.in_table(i + 1):
        return doc.line_sources[i + 1]  # the table under the label is what it names
    if cell is not None:
        # the rest of its cell (a list of names under 团队分工： is its value too), else the next cell of its row
        own = [j for j in range(i + 1, min(i + 40, len(lines))) if doc.in_table(j) and doc.line_sources[j] == cell]
        value = "".join(lines[j].text for j in own).strip(_CELL_BLANK)
        if value:
            return value
        row, _, number = cell.rpartition(" ")
        beside = [(int(src.rpartition(" ")[2]), j) for j in range(i + 1, min(i + 40, len(lines))) if doc.in_table(j)
                  for src in [doc.line_sources[j]] if src.rpartition(" ")[0] == row and src.rpartition(" ")[2].isdigit()]
        if not number.isdigit() or not beside:
            return ""
        first = min(n for n, _ in beside)
        return "".join(lines[j].text for n, j in beside if n == first).strip(_CELL_BLANK)
    if i + 1 < len(lines) and not doc.in_table(i + 1) and not _UNDERLINE_ROOM.search(lines[i].text):
        below = lines[i + 1].text.strip(_CELL_BLANK)
        if below and not _COVER_COLON.search(lines[i + 1].text):
            if not _SENTENCE.search(below):
                values.add(i + 1)
            return below  # its value on the line below, or the text it heads (请求事项： / 一、裁决…。)
        return _parts_below(doc, i, values)
    return ""


def _parts_below(doc: Document, i: int, values: set[int]) -> str:
    """The value of a cover's `label：` set out below it as filled fields of its parts (小组成员：
    / 组长：某某 / 组员：某某、某某): two lines or more right under it, each one field with its
    value whose label is shorter than the label above and shares a character with it. Fields
    of their own (指导教师： / 学号：… / 班级：…; 联系人： / 联系电话：…) are no parts of it."""
    lines = doc.lines
    heads = list(_COVER_COLON.finditer(lines[i].text))
    if not heads:
        return ""
    label = re.sub(r"[ \t\u3000]", "", heads[-1].group("label"))
    parts = []
    for j in range(i + 1, min(i + 12, len(lines))):
        text = lines[j].text.strip(_CELL_BLANK)
        fields = list(_COVER_COLON.finditer(text))
        if doc.in_table(j) or len(fields) != 1 or fields[0].start() != 0:
            break
        part = re.sub(r"[ \t\u3000]", "", fields[0].group("label"))
        if not text[fields[0].end():].strip(_CELL_BLANK) or len(part) >= len(label) or not set(part) & set(label):
            break
        parts.append(j)
    if len(parts) < 2:
        return ""
    values.update(parts)
    return "".join(lines[j].text for j in parts)


_WRITTEN = 300  # characters of sentences outside tables below a cover: a document written, no form to hand out
_COVER_TEXT = 40  # characters of sentences above a cover's table at most (a title's line or two)


_BOXED_WRITTEN = 900  # characters of long paragraphs of sentences in a form's boxes: a report written in them
_BOXED_PARAGRAPH = 40  # characters of a box's paragraph that is written text, not a label or a note


def _boxed_prose(doc: Document, first: int) -> int:
    """Characters of the long paragraphs of sentences in the Word file's table cells from line
    `first` on: a report written inside a form's boxes (a 中期考核报告表 whose sections are cells),
    which a blank form's short notes and labels never reach."""
    n = 0
    for i in range(first, len(doc.lines)):
        if doc.part(i) == "body" and doc.in_table(i):
            text = doc.lines[i].text
            han = len(_HAN.findall(text))
            if han >= _BOXED_PARAGRAPH and _SENTENCE.search(text):
                n += han
                if n >= _BOXED_WRITTEN:
                    break
    return n


def _prose_before(doc: Document) -> list[int]:
    """Characters of sentences outside tables in the Word file's body before each line (and in all,
    last): what a document has written around a table (a blank form has a line or two of
    instructions or pledges at most)."""
    counts, n = [], 0
    for i, line in enumerate(doc.lines):
        counts.append(n)
        if doc.part(i) == "body" and not doc.in_table(i) and _SENTENCE.search(line.text):
            n += len(_HAN.findall(line.text))
    counts.append(n)
    return counts


_RECORDS = 3  # rows laid out as the header row: a table of records


def _is_record_table(rows: dict[str, dict[int, list[int]]], text_of) -> bool:
    """Is the table a header row of labels over records laid out like it (姓名 | 职务 | 姓名 | 职务
    / 张三 | 科长 | 李四 | ): its rows are records, not a form's label | value pairs."""
    order = list(rows.values())
    if not order or not all(_is_label(text_of(cell)) for cell in order[0].values()):
        return False
    head = sorted(order[0])
    return sum(1 for cells in order[1:] if sorted(cells) == head) >= _RECORDS


def _empty_paragraph_fields(doc: Document, hand_filled: re.Pattern) -> list[tuple[int, int]]:
    lines = doc.lines
    out = []
    for i, (start, _end, text) in enumerate(lines):
        if ("：" not in text and ":" not in text) or doc.part(i) != "body" or i in doc.pictures:
            continue
        if doc.in_table(i):  # a cell's paragraphs of fields (工作关系： / 直接主管：校长 / 隔级领导：)
            m = _field(text)
            if m is not None and not m.group("value") and _is_label(m.group("label")) \
                    and not hand_filled.search(m.group("label")) and _among_fields(doc, i):
                out.append((start + len(text) - len(text.lstrip(_BLANK)), start + m.end("label") + 1))
            continue
        if _PEN_ROOM.search(text):
            continue  # room left after the colon: filled in by hand (乙方：        beside 甲方：…)
        last = _LAST_FIELD.search(text)
        if last is not None and not _LIST_ITEM.match(text[last.start("label"):]):
            if _is_label(last.group("label")) and not hand_filled.search(last.group("label")) \
                    and not _list_under(doc, i):
                out.append((start + last.start("label"), start + last.end("label") + 1))
            continue
        m = _field(text)
        if m is None or m.group("value") or not _is_label(m.group("label")) or hand_filled.search(m.group("label")):
            continue
        if _filled_neighbour(doc, i) and (_nothing_under(doc, i) or _among_fields(doc, i)):
            out.append((start + len(text) - len(text.lstrip(_BLANK)), start + m.end("label") + 1))
    return out


def _list_under(doc: Document, i: int) -> bool:
    """Does a numbered list start right under line i (…主要投入：人力开支。 业务流程： / 1.选择风格… /
    2.微信预约…)? The last field of a line is then its lead-in, the list its value."""
    for j in range(i + 1, min(i + 3, len(doc.lines))):
        text = doc.lines[j].text
        if text.strip(_CELL_BLANK):
            return doc.part(j) == "body" and _FIRST_ITEM.match(text.strip(_CELL_BLANK)) is not None
    return False


def _among_fields(doc: Document, i: int) -> bool:
    """Is the empty field on line i one among filled fields of its block, so that nothing under
    it is its value? In a table's cell, its siblings (fields set out as it is: the same indent,
    bullet and kind of number) are filled right above it and right below it, one other empty
    field between them at most (隔级领导： between 直接主管：校长 and 平级：会计); anywhere, it is the
    first of a block followed by a filled sibling whose label is as long and ends alike (甲方： /
    乙方：刘西川). A lead-in is first and its label differs (工作关系： / 直接主管：校长), or its list
    is set out under it (5.搜索： / a)关键词搜索：…); among paragraphs, fields around an empty one
    may be the items it leads in; empty fields in a row, or at a block's end, are a blank part of
    the form (the other party's 电话： 传真： 联系人：)."""
    block = set(_block(doc, i))
    own = _field(doc.lines[i].text)
    shape = _shape(doc.lines[i].text)

    def sibling(j: int) -> re.Match | None:
        if j not in block or _shape(doc.lines[j].text) != shape:
            return None
        m = _SIBLING.match(doc.lines[j].text)
        return m if m is not None and _is_label(m.group("label")) else None

    def filled_beyond(j: int, step: int) -> bool:  # a filled sibling at j, or after one more empty one
        m = sibling(j)
        if m is not None and not m.group("value"):
            j += step
            m = sibling(j)
        return m is not None and bool(m.group("value")) and (j - i) * step <= 2

    above, below = sibling(i - 1), sibling(i + 1)
    if above is not None:
        # a table's cell is a form's; among paragraphs, fields around an empty one may be the
        # items it leads in (时间：… / 任务分配： / 魏某：进行…)
        return doc.in_table(i) and filled_beyond(i - 1, -1) and filled_beyond(i + 1, 1) \
            and not (not above.group("value") and below is not None and not below.group("value"))
    if below is None or not below.group("value"):
        return False
    label, next_label = own.group("label"), below.group("label")
    return len(label) == len(next_label) and label[-1] == next_label[-1] and label != next_label


# The indent, bullet and list number a paragraph of a list opens with; a field as its sibling
# field (its value may hold commas: 平级：教育咨询师，学管师).
_MARK = compile_regex(r"[ \t\u3000\u00a0•●○■□◆◇▪·\-*]*(?:[（(]?(?:[0-9０-９]{1,3}|[A-Za-z]{1,4}|[一二三四五六七八九十]{1,3})[、.．)）]|[①-⑳])?")
_MARK_KIND = [(compile_regex(r"[0-9０-９]+"), "9"), (compile_regex(r"[A-Za-z]+"), "a"),
              (compile_regex(r"[一二三四五六七八九十]+"), "一"), (compile_regex(r"[①-⑳]"), "①")]


def _shape(text: str) -> str:
    """How a list's paragraph is set out: its indent, bullet and kind of number (5. and 4. alike,
    5. and a) not)."""
    mark = _MARK.match(text).group()
    for pattern, kind in _MARK_KIND:
        mark = pattern.sub(kind, mark)
    return mark


_SIBLING = compile_regex(
    rf"^[{_BLANK}\u00a0]*(?:[•●○■□◆◇▪·\-*][{_BLANK}]*)?(?:{_NUMBER}[{_BLANK}]*)?(?P<label>[^\s。！？；，,;!?：:]{{1,12}})[：:]"
    rf"[{_BLANK}\u00a0]*(?P<value>[^\n。！？]{{0,40}}?)[{_BLANK}\r\u00a0]*$")


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


def _empty_columns(doc: Document, hand_filled: re.Pattern) -> list[tuple[int, int]]:
    """A column of a table of records left empty in every record, between columns filled in
    each of them (序号 | 组名 | 人员 | 电话 | 工作职责 and no 电话 in any row): the writer skipped
    it. Reported at its header's label. A last column may be for what comes later (检验情况, 版本3),
    rows left wholly empty (spare rows) are no records, and what another hand fills in (签名,
    备注, 评语…) is not the writer's."""
    from ..wordplace import table_cells

    lines = doc.lines

    def has_text(cell: list[int]) -> bool:
        return any(lines[i].text.strip(_CELL_BLANK) or i in doc.pictures for i in cell)

    def text_of(cell: list[int]) -> str:
        return "".join(lines[i].text for i in cell)

    out = []
    for rows in table_cells(doc).values():
        order = list(rows.values())
        if doc.part(next(iter(order[0].values()))[0]) != "body" or not _is_record_table(rows, text_of):
            continue
        head, records = order[0], [cells for cells in order[1:] if any(map(has_text, cells.values()))]
        columns = sorted(head)
        for left, column, right in zip(columns, columns[1:], columns[2:]):
            label = text_of(head[column]).strip(_CELL_BLANK)
            if not _is_label(label) or hand_filled.search(label):
                continue
            own = [cells for cells in records if column in cells]
            if any(has_text(cells[column]) for cells in own) \
                    or any(not has_text(cells[side]) for cells in own for side in (left, right) if side in cells):
                continue
            if sum(1 for cells in own if left in cells and right in cells) >= _RECORDS:
                out.append(_label_span(doc, head[column][0]))
    return out


# A record's number in its table's first column, or the ellipsis a template's row of "and so on" holds.
_ROW_NUMBER = compile_regex(r"[0-9０-９]{1,3}[.．、]?|\.{3,}|…{1,2}|。{3,}")


# A form's title: its name ends in the kind of form (签到表, 实验记录表, 经费报销单, 物品领用登记簿).
_FORM_NAME = compile_regex(r"(?:表|单|簿|台账)$")


def _form_title(doc: Document) -> bool:
    """Whether the Word file's first line of text, before any table, names a form (its spaces
    left out: 报 名 表)."""
    for i, line in enumerate(doc.lines):
        text = "".join(line.text.split())
        if text and doc.part(i) == "body":
            return not doc.in_table(i) and len(text) <= 40 and _FORM_NAME.search(text) is not None
    return False


def _spare_rows(doc: Document) -> list[tuple[int, int]]:
    """Rows of a table of records its writer never filled in: under a header row and after a
    filled record, a row holding only the next number or an ellipsis (1 | 微信截图 | 同学们认为… /
    2 |  |  / ... |  | ): the template's rows for more records, left empty. Reported at the number;
    rows without a number (spare lines at the end) and a table with no record filled (a form for
    another party) are not, nor are the rows of a file that is itself a form (its title names one:
    …签到表, …登记表, …报销单): printed with rows for more entries by hand."""
    from ..wordplace import table_cells

    lines = doc.lines
    if _form_title(doc):
        return []

    def text_of(cell: list[int]) -> str:
        return "".join(lines[i].text for i in cell).strip(_CELL_BLANK)

    out = []
    for rows in table_cells(doc).values():
        layout, header, filled, number = None, False, False, 0
        for cells in rows.values():
            order = sorted(cells)
            first = text_of(cells[order[0]])
            rest = [text_of(cells[c]) for c in order[1:]]
            if order != layout:  # a new run of rows laid out alike: is its first row a header?
                layout, filled, number = order, False, 0
                header = len(order) >= 3 and not _ROW_NUMBER.fullmatch(first) and any(map(_is_label, rest)) \
                    and not any(t.endswith("。") for t in rest)
                continue
            if not header or doc.part(cells[order[0]][0]) != "body":
                continue
            m = _ROW_NUMBER.fullmatch(first)
            if m is None:
                header = False
                continue
            digits = re.sub(r"[^0-9０-９]", "", first)
            if any(rest):
                filled, number = True, int(digits) if digits else number
            elif filled and (not digits or int(digits) == number + 1):
                out.append(_label_span(doc, cells[order[0]][0]))
                number = int(digits) if digits else number
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
    """The paragraphs around line `i` up to a blank line or a table (in a table: its cell), nearest first."""
    lines, n = doc.lines, len(doc.lines)
    cell = doc.line_sources[i] if doc.in_table(i) else None
    for step in (-1, 1):
        j = i + step
        while 0 <= j < n and lines[j].text.strip(_CELL_BLANK) and doc.part(j) == "body" \
                and (doc.in_table(j) and doc.line_sources[j] == cell if cell is not None else not doc.in_table(j)):
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
            return _next_number(own.group("number"), number.group("number")) and _item_fields(doc, i)
        return blank and not _FIRST_ITEM.match(number.group("number"))
    return False


def _item_fields(doc: Document, i: int) -> bool:
    """Are the items of the list around line i fields themselves (2、Shell：函数、流程 / 3、算法： /
    4、…), some other item a `label：` one? In a list of names ((2) 更新异常 / (3) 插入异常： / (4) 删除异常)
    the colon after one of them opens no field."""
    lines = doc.lines
    for step in (-1, 1):
        j, seen = i + step, 0
        while 0 <= j < len(lines) and seen < 2:  # the nearest item on each side, blank lines between
            text = lines[j].text
            if text.strip(_CELL_BLANK):
                if doc.in_table(j) != doc.in_table(i) or not _LIST_ITEM.match(text):
                    break
                if _field(text) is not None:
                    return True
                seen += 1
            j += step
    return False


_CIRCLED = frozenset(map(chr, range(ord("①"), ord("⑳") + 1)))


def _next_number(first: str, second: str) -> bool:
    """Is list number `second` the one after `first`, written the same way (3、 → 4、, （二） → （三））?"""
    if first in _CIRCLED or second in _CIRCLED:  # ② → ③ (int() reads no circled digit)
        return first in _CIRCLED and second in _CIRCLED and ord(second) == ord(first) + 1
    a, b = (re.fullmatch(r"(\D*)(\w+?)(\W*)", x) for x in (first, second))
    if a is None or b is None or (a.group(1), a.group(3)) != (b.group(1), b.group(3)):
        return False
    na, nb = cn_number(a.group(2)), cn_number(b.group(2))
    return na is not None and nb == na + 1


def _is_label(label: str) -> bool:
    label = label.strip(_CELL_BLANK)
    return _LABEL.fullmatch(label.replace(" ", "").replace("\u3000", "")) is not None and _HAN.search(label) is not None


# A box of a Word form: a table row that is one cell, its label on the cell's first line and the
# writer's text under it in the same cell (计划及进度安排 / 目前主要论文工作已经完成…)
_BOX_LABEL = 20  # characters of a box's label at most
_BOX_TEXT = 20  # characters of the writer's text in a box that is filled, at least
_FORM_NOTE = compile_regex(r"说明|须知|注意|提示|要求|承诺|声明")  # a form's own text in a box of its own


def _empty_boxes(doc: Document, hand_filled: re.Pattern) -> list[tuple[int, int]]:
    """The boxes of a Word form left empty: the last row of a table, one cell holding only its
    label (研究内容简介, 问题及整改方案: the room to write is the cell's), in a file where another such
    box holds the writer's text under its label (计划及进度安排 / 目前主要论文工作已经完成…). A one-cell
    row above other rows is a heading or a caption (论文进展情况 over 工作成果, 资产负债表 over its grid);
    what another hand fills in (`hand_filled`) and a box of the form's own notes (填表说明 and its
    text) are not the writer's. A blank form has no box filled: nothing is reported."""
    from ..wordplace import table_cells

    lines = doc.lines
    boxes: list[tuple[int, bool]] = []  # (label line, filled) in order
    for rows in table_cells(doc).values():
        order = list(rows.values())
        for k, cells in enumerate(order):
            if len(cells) != 1:
                continue
            cell = next(iter(cells.values()))
            if doc.part(cell[0]) != "body":
                continue
            label = lines[cell[0]].text.strip(_CELL_BLANK).rstrip("：:")
            if not label or len(label) > _BOX_LABEL or _SENTENCE.search(label) or not _is_label(label) \
                    or hand_filled.search(label):
                continue
            # the cell's lines under its label, a table nested in it too (its lines' sources extend the cell's)
            source, under = doc.line_sources[cell[0]], []
            for i in range(cell[0] + 1, min(len(lines), len(doc.line_sources))):
                if not doc.line_sources[i].startswith(source):
                    break
                under.append(i)
            written = sum(len(_HAN.findall(lines[i].text)) for i in under) + 100 * sum(i in doc.pictures for i in under)
            if written >= _BOX_TEXT:
                if not _FORM_NOTE.search(label):
                    boxes.append((cell[0], True))
            elif k == len(order) - 1 and not any(lines[i].text.strip(_CELL_BLANK) for i in under) \
                    and cell[0] not in doc.pictures:
                boxes.append((cell[0], False))
    if not any(filled for _i, filled in boxes):
        return []
    return [_label_span(doc, i) for i, filled in boxes if not filled]


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


# -- A template's guidance written as plain prose, left in a written Word file (KJ205) -----------------

# The verbs a template tells its writer what to write with, the sentence's first word and no subject
# before it (说明…, 列出…, 给出…; 请详细列出…, 可以说明…; after its topic: 对于所选择的方案，说明所需的
# 费用): an order to the writer. Not the verb that
# concludes (说明了…), nor a noun (说明书, 说明会, 给出的…), nor a note's label (说明：).
_WRITE_VERB = r"(?:请|应|须|需|要|可以?)?(?:简要|简单|详细|具体|逐项|分别|逐一|扼要)?(?:说明|列出|给出|阐明|叙述|简述|概述|阐述|写出)"
_PROSE_GUIDANCE = compile_regex(
    rf"^[{_BLANK}\u00a0]*(?P<head>(?:{_NUMBER}[{_BLANK}]*)?[^\s，。；：:,;!?！？]{{1,14}}[：:][{_BLANK}]*)?"
    rf"(?:对于[^，,。；;\n]{{1,16}}[，,])?(?P<order>{_WRITE_VERB})(?![了过着书会的：:{_BLANK}])")
# An order that leads in the template's examples (说明…的基本要求，如： / 列出…的费用，包括：)
_EXAMPLES_LEAD_IN = compile_regex(r"(?:如|例如|比如|包括|如下)[：:]")
_GUIDANCE_ORDERS = 3  # orders through a file: a template's guidance, whatever leads them in
_HEADED_ORDERS = 2  # headings whose text is an order (（1）引言：说明编写本文档的目的…): the template's own


def _prose_guidance(doc: Document) -> Iterator[Hit]:
    """A template's guidance to its writer written as plain prose, left in a Word file its writer
    has filled in: a paragraph that is an order to the writer, the writing verb first and no
    subject (说明所建议系统的主要开发目标，如： / 列出在该系统生命期内按月…支出的费用), taken as the
    template's when it leads in examples (…，如：), when it is the text of a numbered heading's label
    in a file with another such (（1）引言：说明编写本文档的目的… / ③　操作可行性分析：说明系统操作
    方式对用户组织的影响), or when the file holds three of them. Quoted from the verb up to its examples'
    lead-in or its first sentence's end (the writer's answer after 如： is the writer's). Judged by
    grammar, not by wording: a text's own sentences have their subject or follow a clause (从图中
    可以看出…，说明…); a form's cells and a blank template (no written text besides its guidance)
    are not looked at."""
    if not any(verb in doc.text for verb in ("说明", "列出", "给出", "阐明", "叙述", "简述", "概述", "阐述", "写出")):
        return
    orders = []
    for i, line in enumerate(doc.lines):
        if doc.part(i) != "body" or doc.in_table(i):
            continue
        m = _PROSE_GUIDANCE.match(line.text)
        if m is None:
            continue
        text = line.text[m.start("order"):].rstrip(_CELL_BLANK)
        if len(_HAN.findall(text)) < 6:
            continue
        lead_in = _EXAMPLES_LEAD_IN.search(text)
        stop = _SENTENCE_END.search(text)
        end = lead_in.end() if lead_in else stop.end() if stop else len(text)
        orders.append((i, line.start + m.start("order"), end, bool(m.group("head")), lead_in is not None))
    if not orders:
        return
    headed = sum(1 for *_, head, _lead in orders if head)
    taken = [o for o in orders if len(orders) >= _GUIDANCE_ORDERS or o[3] and headed >= _HEADED_ORDERS
             or o[4] and not o[3]]
    if not taken:
        return
    # a file that is written: sentences of the writer's besides the orders (a blank template has none)
    prose = _prose_before(doc)
    own = sum(prose[i + 1] - prose[i] for i, *_ in orders)
    if prose[-1] - own < _WRITTEN:
        return
    for _i, start, length, _head, _lead in taken:
        quote = doc.text[start:start + length]
        yield Hit(start, start + length, {"match": quote[:40] + ("…" if len(quote) > 40 else "")}, key="instruction")


# -- A standard's clauses about what a section holds, left in a written Word file (KJ205) ----------

# The software documentation standards (GB/T 8567, GJB 438) word their guidance as clauses about the
# section itself: 本条应描述…, 本章应包含…, 本条的标题应标识…, (若有)本条应指明…, 如果适用于该软件的话，
# 本条应为…, 合适的话，本条应描述以下内容：. A writer's own text does not say what its clause shall
# hold; a law's 本条应当… (its article binding someone) is not this.
_CLAUSE_GUIDANCE = compile_regex(
    rf"^[{_BLANK}\u00a0]*(?:[（(](?:若有|如有|若适用|如适用)[）)][{_BLANK}]*)?"
    rf"(?:(?:如果|若)?(?:适用于该软件的话|合适的话|适用的话)[，,][{_BLANK}]*)?"
    rf"本(?:条|章|节)(?:的标题)?应(?![当该])")
# A template's heading for sections repeated as needed, numbered `x` and naming what each is about:
# 3.4.x(CSCI能力), 5.3.x(软件使用的方面), 3.5.x(接口的项目唯一标识符).
_X_SECTION = compile_regex(rf"^[{_BLANK}]*\d{{1,2}}(?:[.．]\d{{1,2}}){{0,3}}[.．][xX][{_BLANK}]*[（(][^（()）\n]{{2,30}}[）)]")
_CLAUSES = 2  # such clauses through a file: the standard's guidance, left in


def _clause_guidance(doc: Document) -> Iterator[Hit]:
    """A documentation standard's guidance left in a Word file its writer has filled in: paragraphs
    that say what their clause or chapter shall hold (本条应分条详细描述…, (若有)本条应指明…,
    本章应包含…) and the standard's headings of sections to repeat, numbered `x` (3.4.x(CSCI能力)),
    at least `_CLAUSES` of them in the body's running text. Judged by grammar: the clause is the
    sentence's subject and `应` its verb (a law's 本条应当… binds a party, not the text). Quoted up to
    the first sentence's end or its examples' lead-in; a blank template (no text of the writer's
    besides the guidance) is not looked at."""
    if "本" not in doc.text and "x(" not in doc.text and "x（" not in doc.text:
        return
    found = []
    for i, line in enumerate(doc.lines):
        if doc.part(i) != "body" or doc.in_table(i):
            continue
        m = _CLAUSE_GUIDANCE.match(line.text) or _X_SECTION.match(line.text)
        if m is None:
            continue
        start = line.start + len(line.text) - len(line.text.lstrip(_CELL_BLANK))
        text = doc.text[start:line.end].rstrip(_CELL_BLANK)
        lead_in = _EXAMPLES_LEAD_IN.search(text)
        stop = _SENTENCE_END.search(text)
        end = lead_in.end() if lead_in else stop.end() if stop else len(text)
        found.append((i, start, end))
    if len(found) < _CLAUSES:
        return
    prose = _prose_before(doc)
    own = sum(prose[i + 1] - prose[i] for i, *_ in found)
    if prose[-1] - own < _WRITTEN:
        return
    for _i, start, length in found:
        quote = doc.text[start:start + length]
        yield Hit(start, start + length, {"match": quote[:40] + ("…" if len(quote) > 40 else "")}, key="instruction")
