"""KJ3 truncation: a document that stops mid-sentence, or a heading left with no body.

Notices of cut text (未完, 只显示1500字…) are a pattern pack (rules/kj3-truncation.yaml); what
needs the document's shape lives here.
"""
from __future__ import annotations

from collections import Counter
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .registry import check
from ..document import BLANK_CHARS, Document, Span
from ..normalize import PINYIN_ANNOTATION, PINYIN_LETTERS, TONED, plain_text, to_simplified
from ..ruletypes import Context, Hit, rule_hits
from .layout import flagged_lines, reading_paragraphs, text_before_trailing_furniture
from .structure import HEADING_FIRST, find_title, heading_level as outline_level
from ..diskcache import after_chars, compile_regex
from ..words import is_word, joins_into_word

# Characters a finished sentence (or a closed quotation/bracket after one) may end with.
TERMINAL = "。！？!?；;…”’\"'）)】」』》.．~～|}"
_NUM = r"[\d〇○零一二三四五六七八九十]"
DATE_LINE = compile_regex(
    rf"^(?:{_NUM}{{2,4}}\s*年\s*{_NUM}{{1,2}}\s*月(?:\s*{_NUM}{{1,3}}\s*[日号])?|\d{{4}}[-./]\d{{1,2}}(?:[-./]\d{{1,2}})?)$")
SENTENCE_STOP = compile_regex(r"[。！？!?；;]")
_PROSE_MARK = compile_regex(r"[，,。；;、]")
_ANY_MARK = compile_regex(r"[。！？!?；;，,：:、]")  # any mark a sentence is cut by
_ITEM_NOTE = compile_regex(r"[（(][^（()）\n]*[）)]")  # a note in brackets: (国务院令第493号), (2021年修订)


def mark_level(text: str) -> int | None:
    """Level 1–4 (一、 → （一） → 1. → （1）) of the numbering a paragraph starts with, heading
    or numbered item alike (the outline parser of KJ5)."""
    found = outline_level(text)
    return found[0] if found else None


_MARK = compile_regex(r"^[ \t\u3000]*[（(]?[一二三四五六七八九十\d]+([）)]?[、．.]?)")


def _mark(text: str) -> str:
    """The punctuation of a paragraph's numbering mark (、 of 八、, ． of 一．, ） of （一）)."""
    m = _MARK.match(text)
    return m.group(1) if m else ""


def _number(text: str) -> int | None:
    """The number of a paragraph's heading or item mark (1 for 一、, （一）, 1., （1）)."""
    found = outline_level(text)
    return found[1] if found else None


def heading_level(text: str, max_len: int = 40) -> int | None:
    """Level 1–4 of a numbered heading (short, no full stop inside, not introducing a list
    with a colon), else None."""
    if not text or len(text) > max_len or SENTENCE_STOP.search(text) or text[-1] in "：:":
        return None
    return mark_level(text)


def body_paragraphs(doc: Document, ctx: Context, rule) -> list[Span]:
    """Paragraphs of the document's running text: not site boilerplate (as judged by the rules in
    params.skip-flagged-by), not a Word file's headers, footers, notes, comments, table of
    contents or cover page (`Document.in_reading`)."""
    return list(_body(doc, ctx, rule)[0])


def body_paragraph_lines(doc: Document, ctx: Context, rule) -> list[int]:
    """The 0-based line of each of `body_paragraphs`, in order."""
    return _body(doc, ctx, rule)[1]


def _body(doc: Document, ctx: Context, rule) -> tuple[list[Span], list[int]]:
    codes = tuple(rule.params.get("skip-flagged-by", []))
    key = f"body-paragraphs:{','.join(codes)}"  # several rules read the same body
    if key not in ctx.memo:
        skip = flagged_lines(doc, ctx, codes)
        if not skip and not doc.parts:  # most documents: every paragraph is the body's
            ctx.memo[key] = (doc.paragraphs, doc.paragraph_lines)
        else:
            kept = [(p, index) for p, index in zip(doc.paragraphs, doc.paragraph_lines)
                    if index not in skip and doc.in_reading(index)]
            ctx.memo[key] = ([p for p, _ in kept], [index for _, index in kept])
    return ctx.memo[key]


CLOSING_LINE = compile_regex(r"^(?:联系人|联系电话|电话|报送|抄送|抄报|附件|主题词|签发人|述职人|汇报人|报告人|印发|落款)")
# The 版记 of GB/T 9704: the issuing office and 印发 date (某某办公室  2026年7月16日印发).
ISSUED_LINE = compile_regex(rf"{_NUM}{{2,4}}\s*年\s*{_NUM}{{1,3}}\s*月\s*{_NUM}{{1,3}}\s*日\s*(?:印发|发布|印制|翻印)$")
# A date to be filled in by hand: "    年  月  日", "20  年  月  日".
BLANK_DATE = compile_regex(r"^[\s_＿\u3000]*(?:\d{2,4}[\s_＿\u3000]*)?年[\s_＿\u3000]+月[\s_＿\u3000]+日$")
# ...also after its field's label (日期：    年  月  日, 签字日期：年 月 日): a form's line for the pen.
BLANK_DATE_FIELD = compile_regex(
    r"^[^\n：:。，]{0,10}[：:][\s_＿\u3000]*(?:\d{2,4}[\s_＿\u3000]*)?年[\s_＿\u3000]+月[\s_＿\u3000]+日[\s_＿\u3000]*$")
# Labels of a signature block or a form: 甲方（盖章）：, 日期：, 授权代表：, 审核：, 联系电话：…
SIGN_LABEL = compile_regex(
    r"甲方|乙方|丙方|签字|签名|签章|盖章|公章|日期|时间|代表|委托|授权|联系|电话|手机|地址|邮编|开户|账号|帐号|传真|邮箱"
    r"|整理|审核|审批|批准|记录|主持|拟稿|核稿|校对|签发|负责人|经办|填表|制表|编制|单位|部门|姓名|学号|指导教师|导师")
_FIELD_SEP = compile_regex(r"[：:]")
_CLAUSE_PUNCT = compile_regex(r"[，,。；;！？!?]")


def is_form_line(text: str, max_value: int = 40) -> bool:
    """Label：value fields with short values and no sentence punctuation, the first label one of a
    signature block or a form: 甲方（签字/盖章）：____, 日期：    年  月  日, 整理：    审核：,
    签订时间：2024年4月21日  签订时间：2024年4月21日."""
    fields = _FIELD_SEP.split(text)
    if len(fields) < 2 or len(fields[0]) > 15 or not SIGN_LABEL.search(fields[0]):
        return False
    return not _CLAUSE_PUNCT.search(text) and all(len(f.strip()) <= max_value for f in fields[1:])


def is_closing_block(text: str) -> bool:
    """A line of the closing block: a date, a contact/attachment/copy-to line, the 版记 印发
    line, a signature block or a form to fill in (with or without its blanks filled)."""
    return bool(DATE_LINE.match(text.replace(" ", "")) or CLOSING_LINE.match(text) or ISSUED_LINE.search(text)
                or BLANK_DATE.match(text) or is_form_line(text))


def is_signature_or_date(text: str, max_signature: int) -> bool:
    """A closing line (`is_closing_block`), or a short line with no sentence punctuation
    (signature, org name)."""
    if is_closing_block(text):
        return True
    # A signature or an organization's name is not a sentence: it has no sentence punctuation
    # inside and does not end with a question or an exclamation (想要认识他嘛？ is a sentence).
    # Nor does one end with the particle 的: 对于Delta计算框架的 is a phrase cut before its noun.
    return (len(text) <= max_signature and _PROSE_MARK.search(text) is None and text[-1] not in "？?！!"
            and not text.endswith("的"))


# The source of a line in a Word table (kjlint.docx line_sources: "table 1, row 2, cell 3").
TABLE_CELL = compile_regex(r"\brow \d+, cell \d+$")


# A link after the last sentence, maybe under a short label (知多啲:www.example.gov.hk/…)
_LINK_TAIL = compile_regex(r"^(?:[^\s:：。，]{1,12}[:：][ \t\u3000]*)?(?:https?://|www\.)\S+$")


# An entry of a list of contents: a heading, a blank, its page number (第三章 母體參數推定公式 7)
_CONTENTS_ENTRY = compile_regex(r"[\u4e00-\u9fff)）][ \t\u3000]+\d{1,4}$")


# ASCII dots right after a Chinese character at the end: an excerpt's cut (Chinese text writes
# an ellipsis as ……, never as ......).
DOTS_CUT = compile_regex(r"(?<=[\u4e00-\u9fff])\.{3,}\s*$")


@check("truncated-ending")
def truncated_ending(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """The last body paragraph stops without terminal punctuation: the rest was cut off."""
    paras = body_paragraphs(doc, ctx, rule)
    max_signature = int(rule.params.get("max-signature-length", 20))
    min_length = int(rule.params.get("min-length", 10))
    furniture = list(rule.params.get("skip-flagged-by", []))
    flagged = [(h.offset, h.end) for code in furniture if (r := ctx.catalog.rules.get(code)) is not None
               and r.run is not None and r.enabled for h in rule_hits(r, doc, ctx)]
    notices = [(h.offset, h.end) for code in rule.params.get("cut-by", []) if (r := ctx.catalog.rules.get(code))
               is not None and r.run is not None and r.enabled for h in rule_hits(r, doc, ctx)]
    for k in range(len(paras) - 1, -1, -1):
        p = paras[k]
        index = doc.line_index(p.start)
        if doc.part(index) != "body":  # a text box or an equation is not where the text ends
            continue
        covered = sum(max(0, min(e, p.end) - max(s, p.start)) for s, e in flagged)
        if covered * 10 >= 6 * len(p.text.strip()):
            continue  # mostly a notice or furniture (請登錄後識別閱讀權限!): not the text's end
        after_notice = any(s >= p.end for s, _ in notices)  # a truncation notice below the paragraph judged
        last_page = PAGE_OF.search(p.text)
        if last_page and int(last_page.group(1)) < int(last_page.group(2)):
            n, of = last_page.group(1), last_page.group(2)
            yield Hit(p.start + last_page.start(), p.start + last_page.end(),
                      {"tail": last_page.group(0), "page": n, "pages": of}, key="pages")
            return
        end = text_before_trailing_furniture(doc, ctx, p, furniture)
        if end <= p.start:
            continue
        trimmed = end < p.end
        if trimmed:
            p = Span(p.start, end, doc.text[p.start:end])
        if doc.line_sources and TABLE_CELL.search(doc.where(p.start)):
            return  # a Word document ending with a table: a cell is not a sentence
        text = plain_text(p.text).strip(BLANK_CHARS) if trimmed else doc.plain(p)
        if is_signature_or_date(text, max_signature) or _is_bar(text) or _no_prose(text):
            continue
        if _CONTENTS_ENTRY.search(text) and k > 0 and _CONTENTS_ENTRY.search(paras[k - 1].text.rstrip(BLANK_CHARS)):
            return  # a list of contents, each entry with its page (表 9 …按住宅狀況分 74): no sentence
        if DOTS_CUT.search(text):
            cut = DOTS_CUT.search(p.text)
            start = cut.start() if cut else max(p.start, p.end - 8) - p.start
            yield Hit(p.start + max(0, start - 6), p.end, {"tail": p.text[max(0, start - 6):]})
            return  # 专项行动实......: a web page's excerpt cut mid-word, its dots left behind
        if len(text) >= min_length and heading_level(text) is None:
            if ELLIPSIS_END.search(text) or (after_notice and ELLIPSIS_GLUED.search(text)):
                yield Hit(max(p.start, p.end - 8), p.end, {"tail": p.text[-8:]}, key="ellipsis")
                return  # …重点监管;要点 ……, or 厕所革命”正…… above 试读结束: a preview's cut, the paywall after it
            if _unclosed(text):
                yield Hit(max(p.start, p.end - 8), p.end, {"tail": p.text[-8:]}, key="unclosed")
                return
        if (heading_level(text) is not None or index + 1 in doc.style_headings or text[-1] in TERMINAL
                or len(text) < min_length):
            return
        if doc.source_format == "docx" and not _word_cut(text):
            return  # a Word draft often ends without its full stop: only a plain cut is its rest lost
        stops = list(SENTENCE_STOP.finditer(text))
        if stops and (is_closing_block(text[stops[-1].end():].strip()) or CREDIT.match(text, stops[-1].end())
                      or _LINK_TAIL.match(text[stops[-1].end():].strip())):
            return  # the last sentence is finished; a signature block, a credit or a link follows on the same line
        tail = p.text[-8:]
        yield Hit(max(p.start, p.end - 8), p.end, {"tail": tail})
        return


# The last sentence of a paragraph begun after a full stop and stopped a few words in, on a word
# that opens what must follow (a preposition or conjunction: 将 把 对 从 和 与 …): …存储数据。我们将功能.
# A short closing line is a whole sentence (…。谢谢大家): it has none.
_SHORT_TAIL = compile_regex(r"[。！？!?](?=[\u4e00-\u9fff]{0,5}[将把被对从向在为与和及或])[\u4e00-\u9fff]{1,6}$")


def _word_cut(text: str) -> bool:
    """Is a Word file's unpunctuated last paragraph plainly cut, not just missing its full stop:
    it ends with the particle 的 (对于Delta计算框架的: its noun is lost) or on a comma, its next
    clause lost (…找教室速率提高了10%，), or a new sentence stops a few characters after the full
    stop of the one before, after a word that opens what must follow (…存储数据。我们将功能)?"""
    return text.endswith(("的", "，", ",")) or _SHORT_TAIL.search(text) is not None


# A bar of links or fields set apart by `|` (述职报告范文 | 述职报告模板 | …; …主办 | …主管): a
# site's footer or navigation, no sentence however it ends.
BAR_PART = compile_regex(r"[^|｜，。；！？,;!?]{1,30}")
BAR_SPLIT = compile_regex(r"[ \t\u3000]*[|｜][ \t\u3000]*")


# A news item's credit after its last sentence: the writer in brackets, then the source
# (…再上新台阶。(某县人大 李某) 信息来源:某市某县), or the source or editor alone.
CREDIT = compile_regex(r"[ \t\u3000]*(?:[(（][^()（）\n]{1,20}[)）][ \t\u3000]*)?"
                       r"(?:信息来源|稿件来源|文章来源|来源|供稿|作者|责任编辑|编辑|通讯员|记者|审核|校对)[ \t\u3000]*[:：]"
                       r"[^。！？!?\n]{0,30}$")
# Han characters and the rest of a line, blanks aside.
_HAN_CHAR = compile_regex(r"[\u4e00-\u9fff]")
_CLAUSE = compile_regex(r"[，,。；;、]")


def _no_prose(text: str) -> bool:
    """A last line that is no sentence of the text: mostly addresses, file names or numbers
    with no clause mark (http://… 点此复制本页地址; sitemap.xml sitemap2.xml; 86-755-83518792
    83517835): the page's furniture, whatever it ends with."""
    if _CLAUSE.search(text):
        return False
    solid = len(text) - text.count(" ") - text.count("\t") - text.count("\u3000")
    return len(_HAN_CHAR.findall(text)) * 3 < solid


def _is_bar(text: str) -> bool:
    if "|" not in text and "｜" not in text:
        return False
    parts = BAR_SPLIT.split(text.strip(" \t\u3000|｜"))
    return len(parts) >= 2 and all(BAR_PART.fullmatch(part) for part in parts)


# A last paragraph ending in an ellipsis set apart by a space (…重点监管;要点 ……): a preview's
# mark where it stopped, not the writer's 等等…… written onto the word.
ELLIPSIS_END = compile_regex(r"[ \t\u3000](?:…+|\.{3,})\s*$")
# An ellipsis written onto the word: the preview's mark too when a truncation notice follows it.
ELLIPSIS_GLUED = compile_regex(r"(?<=[\u4e00-\u9fff“”])(?:…+|\.{3,})\s*$")
PAIRS = (("《", "》"), ("“", "”"), ("（", "）"), ("(", ")"))


def _unclosed(text: str) -> bool:
    """Does the last sentence open a quotation, a 《title》 or a bracket it never closes
    (研究制定了《老龄事业发展“十。): the text was cut and a full stop added after the cut."""
    stops = list(SENTENCE_STOP.finditer(text, 0, len(text) - 1))
    last = text[stops[-1].end():] if stops else text
    return any(last.rfind(a) > last.rfind(b) for a, b in PAIRS)


@check("truncated-preview")
def truncated_preview(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """A paragraph cut mid-sentence that the following text starts with, word for word (spaces
    aside): a site's preview copied before the document it previews."""
    paras = body_paragraphs(doc, ctx, rule)
    min_length = int(rule.params.get("min-length", 30))
    compact: dict[int, str] = {}

    def squeezed(i: int) -> str:  # the paragraph without blanks, made when first needed
        if i not in compact:
            compact[i] = _BLANKS.sub("", doc.plain(paras[i])) if i < len(paras) else ""
        return compact[i]

    word_table = doc.source_format == "docx" and doc.line_sources is not None
    for i, p in enumerate(paras[:-1]):
        if p.text.rstrip()[-1:] in TERMINAL or p.end - p.start < min_length:
            continue  # most paragraphs: finished, or too short to be a preview
        if p.text.rstrip().rstrip("]］")[-1:] in TERMINAL:
            continue  # [对于…讨论变化趋势。]: a template's bracketed note, finished inside its brackets
        if word_table and doc.in_table(doc.line_index(p.start)):
            continue  # a Word table's cell (预期结果 / 实际结果 alike): the row's columns, no site's preview
        text = squeezed(i)
        if len(text) < min_length or text[-1] in TERMINAL or not _CLAUSE_PUNCT.search(text):
            continue  # a title or a heading repeated above the text is KJ607's
        if ABSTRACT_LABEL.match(text) or (i and ABSTRACT_LABEL_END.search(squeezed(i - 1))):
            continue  # a site's abstract under its label (本文简介：) is site furniture, KJ601's
        # the full text may open with the title again: 标题 / 预览… / 标题 / 全文…
        nxt = squeezed(i + 1)
        skip = 1 if heading_level(nxt) is None and len(nxt) <= 60 and not _CLAUSE_PUNCT.search(nxt) else 0
        for start in {i + 1, i + 1 + skip}:
            following = "".join(squeezed(j) for j in range(start, min(start + 3, len(paras))))
            if len(following) > len(text) and following.startswith(text):
                if squeezed(start).rstrip(TERMINAL) == text:
                    break  # the same paragraph with its stop: a paragraph given twice (KJ101's), no preview cut at a length
                yield Hit(max(p.start, p.end - 8), p.end, {"tail": p.text[-8:]})
                break


_BLANKS = compile_regex(r"\s+")
# The label of a site's abstract of the page (摘要：, 本文简介：, 文档简介): what follows is furniture.
_ABSTRACT = r"(?:本文|文档|文章|内容)?(?:简介|摘要|导读)"
ABSTRACT_LABEL = compile_regex(_ABSTRACT + "[:：]")  # at a paragraph's start
ABSTRACT_LABEL_END = compile_regex(_ABSTRACT + "[:：]?$")  # ending the paragraph above


# A sharing site's page counter ending the text: 第1页共2页 (or 第 1 页 / 共 2 页) before the end.
PAGE_OF = compile_regex(r"第\s*(\d{1,4})\s*[页頁]\s*[/,，]?\s*共\s*(\d{1,4})\s*[页頁]\s*$")


TABLE_CAPTION = compile_regex(r"(?:表|图|附件\d*|清单|目录)$")  # a caption: its table or figure is the body


@check("empty-heading")
def empty_heading(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """`_empty_headings`, each heading once: in a Word file a section may be found empty both as a
    numbered heading and as a decimal or styled section (`3.2  项目的目标`), one defect."""
    seen: set[tuple[int, int]] = set()
    hits = []
    for hit in [*_empty_headings(doc, ctx, rule), *_omitted_bodies(doc)]:
        if (hit.offset, hit.end) not in seen:
            seen.add((hit.offset, hit.end))
            hits.append(hit)
    yield from _kept_by_practice(doc, hits)


# a heading that says its body is left out: `4  实验结果与分析 （略）` (its title, no sentence, then 略)
_OMITTED_BODY = compile_regex(r"(?m)^[ \t\u3000]*(?P<title>[^\n。！？；!?;]{2,80}?)[ \t\u3000]*[（(]略[）)][ \t\u3000]*$")
# an appendix or attachment left out of a copy is the writer's own note (附件（略）, 附录2（略）)
_APPENDIX = compile_regex(r"附[件表录图]")


def _omitted_bodies(doc: Document) -> Iterator[Hit]:
    """In a Word file, a numbered heading closed by （略）: the section the outline announces is
    written as omitted, its body never written (`4  实验结果与分析/Experiment Results （略）`); an
    appendix or attachment marked so (`三、附件（略）`) is the writer's choice and stays."""
    if doc.source_format != "docx" or "略" not in doc.text:
        return
    from .structure import starts_numbered
    for m in _OMITTED_BODY.finditer(doc.text):
        title = m.group("title")
        if not starts_numbered(title) or _APPENDIX.search(title) or doc.part(doc.line_index(m.start())) != "body":
            continue
        # a heading over subsections (五、分析摘要（略） / 1.能力 / 2.建议): they are its body, each
        # reported on its own when empty
        below = doc.text[m.end():].lstrip("\n \t\u3000").split("\n", 1)[0]
        level, deeper = outline_level(title.strip()), outline_level(below)
        level, deeper = level and level[0], deeper and deeper[0]
        if level is not None and deeper is not None and deeper > level:
            continue
        yield Hit(m.start("title"), m.end(), {"heading": m.group(0).strip()})


def _kept_by_practice(doc: Document, hits: list[Hit]) -> list[Hit]:
    """The empty headings but those of a part a Word file repeats for each entry that its writer
    left empty in most copies (placeholders.left_empty_by_practice: 进度安排 under every test)."""
    if doc.source_format != "docx" or len(hits) < 3:
        return hits
    from .placeholders import left_empty_by_practice
    kept = set(left_empty_by_practice(doc, [(hit.offset, hit.end) for hit in hits]))
    return [hit for hit in hits if (hit.offset, hit.end) in kept]


def _empty_headings(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """A numbered heading followed directly by a heading of the same or a higher level, or by
    the end of the document. Runs of short numbered items with no body at all are lists, not
    empty headings, so a same-level successor only counts when the heading's earlier siblings
    had a body."""
    max_len = int(rule.params.get("max-heading-length", 40))
    word = doc.source_format == "docx"
    paras = reading_paragraphs(doc, ctx)
    plain = doc.plains(paras)
    # numbered items with inline text too (the first character spares most paragraphs the call)
    marks = [mark_level(text) if text[:1] in HEADING_FIRST or text[:1].isdigit() else None for text in plain]
    if word and doc.list_labels:
        plain = list(plain)
        for k, p in enumerate(paras):
            label = doc.list_labels.get(doc.line_index(p.start) + 1) if marks[k] is not None else None
            rest = plain[k][len(label):].lstrip(BLANK_CHARS) if label and plain[k].startswith(label) else ""
            if rest[:1] in HEADING_FIRST or rest[:1].isdigit():
                # 三、1.username：… under 二、: Word drew a number before the writer's own typed one,
                # which says where the paragraph stands (an item under the heading above); the
                # drawn one is no chapter that would leave 二、 without a body
                own = mark_level(rest)
                if own is not None:
                    marks[k], plain[k] = own, rest
    if word and doc.parts and "textbox" in doc.parts.values():
        # a text box's numbered lines (a diagram's 1.读取文件) head nothing of the body's; the box
        # is the body of the heading it sits under, as a picture is
        marks = [None if doc.part(doc.line_index(p.start)) == "textbox" else m for p, m in zip(paras, marks)]
    if word and doc.line_sources:  # a table row's number (序号 1.) heads nothing: a cell of its row
        from ..wordplace import row_number_lines  # Word files only: plain-text runs never import it
        numbers = row_number_lines(doc)
        marks = [None if numbers and doc.line_index(p.start) in numbers else m for p, m in zip(paras, marks)]
    # a heading is a numbered item first: no need to parse the marks of the others twice
    levels = [None if mark is None else heading_level(text, max_len) for text, mark in zip(plain, marks)]
    # had_body[level] = whether the latest heading at that level (in its parent) had a body.
    sibling_had_body: dict[int, bool] = {}
    # Whether the first top-level section (一、) had a body: a document's parts are sections, not
    # a list, so bare 一、 headings after it are empty (their tables or text dropped) even in a run.
    top_had_body: bool | None = None
    inline_item: dict[int, bool] = {}  # level -> whether its latest item had its text inline
    # level -> whether the latest heading at that level has numbered items under it (1. 重点工作 /
    # （1）… / （2）…): a sibling of such a heading heads items too
    with_items: dict[int, bool] = {}
    notices = flagged_lines(doc, ctx, list(rule.params.get("cut-by", [])))
    # A paragraph without a mark (then without a level) changes nothing below but where a notice
    # line may follow it: without notices only the numbered paragraphs are walked.
    walk = range(len(paras)) if notices else [i for i, mark in enumerate(marks) if mark is not None]
    for i in walk:
        p, level = paras[i], levels[i]
        if (notices and i + 1 < len(paras) and doc.line_index(paras[i + 1].start) in notices
                and heading_level(plain[i].rstrip("。"), max_len) is not None
                and all(len(plain[j]) <= 30 and "。" not in plain[j] for j in range(i + 2, len(paras))
                        if doc.line_index(paras[j].start) not in notices)):
            # a heading (written with or without a full stop) right above a notice that the text
            # was cut (（二）社会救助水平有新提高。 / （未完，全文共1367字…）), no text below the
            # notice but the site's: its body is what was cut
            yield Hit(p.start, p.end, {"heading": p.text})
            continue
        mark = marks[i] if level is None else level
        if mark is not None:
            for upper in [lv for lv in with_items if lv < mark]:
                with_items[upper] = True
        if level is None:
            inline = marks[i]
            if inline is not None:  # a numbered item with its text inline: a sibling with a body,
                for deeper in [lv for lv in sibling_had_body if lv > inline]:
                    del sibling_had_body[deeper]
                # unless it is a short item of a list (9.负责教育督导和评估工作。): then a bare
                # item among them is an item that lost its full stop, not an empty heading
                text = plain[i]
                # A long item without a mark of punctuation in it is one long name, not a heading
                # with its text run in (an agenda's 2.审查区2021年国民经济和社会发展计划执行情况与…);
                # nor are the marks of its bracketed note (a law's citation: 9.《…管理办法》(…令第88号,
                # …令第2号修改)) a text run in
                bare = _ITEM_NOTE.sub("", text) or text
                sibling_had_body[inline] = text[-1] not in "；;，,、" and (
                    (len(text) > max_len and _ANY_MARK.search(bare) is not None)
                    or bool(SENTENCE_STOP.search(bare[:-1])))  # 标题。正文…
                inline_item[inline] = True
            continue
        # A list of sentences (请求事项: 一、裁决…元。 二、签合同日期为…，其中…应补齐; a page's 一、设计部的
        # 工作主要是…。 二、努力做好…的宣传工作,在宣传方式上创新): an item worded as a clause after an item
        # with its text inline lost its full stop, it heads nothing.
        if inline_item.get(level) and len(plain[i]) > 20 and ("，" in plain[i] or "," in plain[i]):
            continue
        inline_item[level] = False
        nxt = marks[i + 1] if i + 1 < len(paras) else 0  # 0: end of document
        has_body = i + 1 < len(paras) and (nxt is None or nxt > level)
        if not has_body and _number(plain[i + 1] if i + 1 < len(paras) else "") == 1 and (
                (level == 3 and nxt == 2)  # 4. 研究方案 / （一）网站定位: an Arabic top level heads its （一） list
                or (nxt == level and (_number(plain[i]) or 0) > 1
                    and (_mark(plain[i]) != _mark(plain[i + 1]) or levels[i + 1] is None
                         or (word and doc.line_index(p.start) + 1 in doc.style_headings
                             and doc.line_index(paras[i + 1].start) + 1 not in doc.style_headings)))):
            # 八、实践预期 / 一．选出… / 二．…: a 1 marked otherwise under heading 8 is no sibling of it;
            # nor is 1. with its text inline under 3. 心得 (1. 通过对常用的程序模块进行封装，…): the
            # heading's list, numbered from 1 again, as 1. under a Word heading 15.面试 is when it is
            # no heading itself
            has_body = True
        if (not has_body and word and i + 1 < len(paras) and _number(plain[i + 1]) == 1
                and _cell_of(doc, paras[i + 1]) not in (None, _cell_of(doc, p))):
            # 二、周报内容 / (next row) 一、系统上线 …: a form's section row, its content in the cell
            # below, whose list is that cell's own (numbered from 1 again)
            has_body = True
        if not has_body and doc.pictures:  # a Word heading whose body is a picture (三、现场图片)
            line = doc.line_index(p.start)
            upto = doc.line_index(paras[i + 1].start) if i + 1 < len(paras) else len(doc.lines)
            has_body = any(j in doc.pictures for j in range(line, upto))
        # Item 1 starts a list of its own: a list further up at this level (under a Word-styled
        # heading or a plain paragraph, which do not close it) is no sibling of it.
        previous_sibling = None if _number(plain[i]) == 1 else sibling_had_body.get(level)
        for deeper in [lv for lv in sibling_had_body if lv > level]:
            del sibling_had_body[deeper]
        sibling_had_body[level] = has_body
        sibling_with_items = (previous_sibling is True and with_items.get(level, False)
                              and not (word and doc.in_table(doc.line_index(p.start))))  # a budget table's rows
        for deeper in [lv for lv in with_items if lv >= level]:
            del with_items[deeper]
        with_items[level] = False
        if (word and _number(plain[i]) == 1 and i and _cell_of(doc, p) is not None
                and _cell_of(doc, p) != _cell_of(doc, paras[i - 1])):
            top_had_body = None  # item 1 opening a table cell: the cell's own list, no section of the text's
        if level == 1 and top_had_body is None:
            top_had_body = has_body
        # 一、 or 5. with no words at all in a Word file: a heading or an item never written, even
        # with text below it (a sharing site's page marker is no Word line)
        bare = word and _BARE_HEADING.match(plain[i]) is not None
        if bare and _shows_picture(doc, p):
            continue  # 1. and a screenshot in its own paragraph: the item's content is the picture
        if bare and i + 1 < len(paras) and doc.line_index(paras[i + 1].start) in doc.technical_lines:
            continue  # 64. / int main() {…}: the item's content is the code under it
        if has_body and not bare:
            continue
        if bare and has_body and _numbers_untitled_parts(i, plain, marks, level):
            continue  # 5. / that week's text / 6. / the next week's: parts numbered without titles
        # A bare item after bare siblings is a list; the first item of a level is empty only
        # where the document ends, since a bare first item before the next part is a list or the
        # caption of a table shown as a picture (一、收入支出决算表 / 第二部分).
        empty = (previous_sibling is True or (previous_sibling is None and i + 1 == len(paras))
                 or (level == 1 and top_had_body is True))
        if (word and level >= 3 and not bare and doc.line_index(p.start) + 1 not in doc.style_headings
                and not sibling_with_items):
            # a Word list item (1、 （1）) its writer left one line long: a list, not a cut; but
            # 2.常规工作内容 after 1.重点工作任务 / （1）… / （2）…: a heading whose sibling heads items
            continue
        if word and _REVIEWER_FIELD.search(plain[i]):
            continue  # 五、老师点评 / 导师意见: a form's field left for its reviewer to fill in
        if bare and word and _room_to_write(doc, p):
            continue  # 答辩记录 / 1． and blank lines / 2．: a form's numbered room for the recorder's pen
        if bare:
            empty = True
        if empty and not TABLE_CAPTION.search(plain[i]) and not plain[i].endswith(("/", "／")):  # ：/ = none
            yield Hit(p.start, p.end, {"heading": p.text})
    if word:  # a Word list of steps (1、用户进入后台管理系统。) has its notes where its writer put them
        yield from _empty_decimal_sections(doc, ctx, paras, plain, max_len)
        yield from _empty_bullets(doc)
        yield from _empty_styled_headings(doc, paras, plain, max_len)
    else:
        yield from _empty_full_stop_headings(paras, plain, marks, levels, max_len)
        yield from _empty_run_in_headings(paras, plain)


def _shows_picture(doc: Document, p: Span) -> bool:
    """Whether Word paragraph `p` itself shows a picture (a bare `3.` whose content is a screenshot)."""
    return bool(doc.pictures) and doc.line_index(p.start) in doc.pictures


ROOM_TO_WRITE = 3  # blank lines after a bare number in a table cell: room left to write in by hand


def _room_to_write(doc: Document, p: Span) -> bool:
    """Whether bare number `p` (1．) stands in a Word table cell followed by blank lines of that
    cell: a printed form's numbered room for a hand (a defence record's questions), no item
    its writer left out."""
    cell = _cell_of(doc, p)
    if cell is None:
        return False
    line = doc.line_index(p.start)
    after = doc.lines[line + 1:line + 1 + ROOM_TO_WRITE]
    return (len(after) == ROOM_TO_WRITE and all(not ln.text.strip() for ln in after)
            and _cell_of(doc, after[-1]) == cell)


def _cell_of(doc: Document, p: Span) -> str | None:
    """The Word table cell ("table 1, row 7, cell 1") paragraph `p` is in, None outside a table."""
    where = doc.where(p.start)
    return where if TABLE_CELL.search(where) else None


def _numbers_untitled_parts(i: int, plain: list[str], marks: list[int | None], level: int) -> bool:
    """Whether the sibling before or after bare heading `i` is bare too and heads text as well, or
    the sibling after it is bare and ends the file (1. / its text / 2. left empty, reported on its
    own; not a pasted list's empty items, 1. / text / 2. / 3. / text …): the writer numbers the parts (a weekly report's week numbers) without titles, so a bare
    number over its text is that style, not a title left out; among titled siblings it is one."""
    def bare_with_body(j: int) -> bool:
        return (_BARE_HEADING.match(plain[j]) is not None and j + 1 < len(plain)
                and (marks[j + 1] is None or marks[j + 1] > level))

    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(plain) and (marks[j] is None or marks[j] > level):
            j += step
        if 0 <= j < len(plain) and marks[j] == level and (
                bare_with_body(j) or (step == 1 and _BARE_HEADING.match(plain[j]) is not None
                                      and not any(t.strip(BLANK_CHARS) for t in plain[j + 1:]))):
            return True  # 1. / its text / 2. left empty, the file's last line: untitled parts, the last one empty
    return False


def _empty_full_stop_headings(paras: list[Span], plain: list[str], marks: list[int | None],
                              levels: list[int | None], max_len: int) -> Iterator[Hit]:
    """Headings written as one short sentence (一、学校领导重视食品安全工作。): where the
    sibling before and the sibling after each head a paragraph of their own, the document's
    sections are so written, and one followed straight by its next sibling lost its body. A list
    of such sentences with no body under any of them is a list, and so are items under a lead-in
    (管辖下列案件: / （一）…。 / a note / （二）…。), whose notes come and go; an item worded as a
    clause (23.…的送达，适用…。) is a provision, complete without a note."""
    def full_stop(i: int) -> bool:
        text = plain[i]
        return (levels[i] is None and marks[i] is not None and text.endswith("。")
                and heading_level(text[:-1], max_len) is not None)

    def led_in(i: int) -> bool:  # the run of i's level opens under a lead-in ending in a colon
        first = i
        for j in range(i - 1, -1, -1):
            if marks[j] is not None and marks[j] < marks[i]:
                break
            if marks[j] == marks[i]:
                first = j
        return first > 0 and plain[first - 1].endswith((":", "："))  # 现将…报告如下。 opens sections

    def heads_body(i: int) -> bool:  # a full-stop heading with an unnumbered paragraph under it
        return full_stop(i) and i + 1 < len(paras) and marks[i + 1] is None

    for i in [i for i, mark in enumerate(marks[1:-1], 1) if mark is not None]:  # numbered ones only
        if not full_stop(i) or heads_body(i) or _CLAUSE_MARK.search(plain[i]):
            continue
        level, nxt = marks[i], i + 1
        prev = i - 1
        while prev >= 0 and marks[prev] is None:
            prev -= 1  # back over the body of the sibling before
        if (prev >= 0 and prev < i - 1 and marks[prev] == level and heads_body(prev)
                and marks[nxt] == level and heads_body(nxt) and not led_in(i)):
            yield Hit(paras[i].start, paras[i].end, {"heading": paras[i].text})


# A paragraph opening with its section's name as a sentence of a few characters (司法信访。认真接待…)
_RUN_IN = compile_regex(r"[\u4e00-\u9fff]{2,8}[ \t\u3000]*。[^。]{20}")
_NAME_ONLY = compile_regex(r"[\u4e00-\u9fff]{2,8}")


def _empty_run_in_headings(paras: list[Span], plain: list[str]) -> Iterator[Hit]:
    """Sections whose name opens their paragraph (卫生保健。在继续抓好… / 司法信访。认真接待…): a
    name of the same few characters standing alone between two of them (工会工作) is a section
    whose text was lost."""
    # the names alone first: one C call a paragraph, no Python step for the others
    for i in [i for i, name in enumerate(map(_NAME_ONLY.fullmatch, plain[1:-1]), 1) if name]:
        if (_RUN_IN.match(plain[i - 1]) is not None
                and _RUN_IN.match(plain[i + 1]) is not None):
            yield Hit(paras[i].start, paras[i].end, {"heading": paras[i].text})


# A section number of a decimal outline and its title: 4.3 下一步研究计划, 2.1.3项目可交付成果, 5.时间安排
_DECIMAL_SECTION = compile_regex(r"^(\d{1,2}(?:[.．]\d{1,2}){0,3})(?:[.．、]|(?=[ \t\u3000]*[^\d\s.．、：:]))[ \t\u3000]*(?=[^\d\s：:])")


def _decimal_number(text: str, max_len: int) -> tuple[int, ...] | None:
    """The section number (4, 3) of a decimal outline's heading (`4.3 下一步研究计划`), else None:
    a heading is short, no sentence, and no table of contents' line (its page number after a tab)."""
    if len(text) > max_len or _CLAUSE_PUNCT.search(text) or text[-1] in "：:" or re.search(r"\t\s*\d+$", text):
        return None
    m = _DECIMAL_SECTION.match(text)
    if m is None or re.search(r"[ \t\u3000]{3,}\S", text[m.end():]):
        return None  # 3.4困难及解决方案     ***: text set apart on the heading's line is its body
    return tuple(int(n) for n in re.split(r"[.．]", m.group(1)))


# a value stated in a section's own line (6.1.4初选螺旋角β=15°, 3.2 取K≈1.3): the step is its text
_STATED_VALUE = compile_regex(r"[=＝≈][ \t]*[-+]?\d")


def _empty_decimal_sections(doc: Document, ctx: Context, paras: list[Span], plain: list[str],
                            max_len: int) -> Iterator[Hit]:
    """A Word file's decimal section (4.3 下一步研究计划) followed directly by the next section of
    its outline at its own level or above (5.时间费用安排, 4.4 …), when the section before it at its
    level had a body (4.2 and its text): the section's text was never written. The next number
    must follow in the outline, so a list or a heading's subtitle is not read as a section. In a
    template never filled in (a section holds only the template's guidance), every such section
    is one never written, a first one or one in a run included (5.1.1基建投资 / 5.1.2… / 5.2效益)."""
    numbers = [_decimal_number(text, max_len) for text in plain]
    sections = [i for i, number in enumerate(numbers) if number is not None]
    if not any(len(numbers[i]) >= 2 for i in sections):
        return
    bodies = {i: _decimal_body(doc, paras, numbers, i) for i in sections}
    filled = _filled_outline(numbers, plain, bodies)
    had_body: dict[tuple[int, ...], bool] = {}  # parent's number -> whether its latest child had a body
    template: bool | None = None  # computed when first needed
    for i in sections:
        number, body = numbers[i], bodies[i]
        nxt = numbers[i + 1] if i + 1 < len(numbers) else None
        parent = number[:-1]
        before = had_body.get(parent)
        had_body[parent] = body
        if body or _STATED_VALUE.search(plain[i]):
            continue  # 6.1.4初选螺旋角β=15°: a step of a calculation that gives its value, complete
        if nxt is None:
            if filled and i + 1 == len(paras) and filled.get(number[:-1] + (number[-1] - 1,)) is True:
                # 6 总结 last in a report whose sections are written, after 5 and its text
                yield Hit(paras[i].start, paras[i].end, {"heading": paras[i].text})
            continue
        # the next section in the outline (no deeper than this one, else it is its body): a
        # sibling (4.4) or a section above it (5, 5.1)
        follows = any(nxt[:k] == number[:k - 1] + (number[k - 1] + 1,) for k in range(1, len(number) + 1))
        if follows and len(number) >= 2 and (before is True and number[-1] >= 2 or filled):
            # in a report whose outline is mostly written (its sections have their text), a run
            # of sections with none (3.5.1 指令存储器 / 3.5.2 控制器 / … / 3.6) is sections never
            # written, the first of the run included
            yield Hit(paras[i].start, paras[i].end, {"heading": paras[i].text})
            continue
        if len(number) < 2:
            continue
        if template is None:
            template = unfilled_template(doc, ctx)
        if template and len(nxt) <= len(number):
            yield Hit(paras[i].start, paras[i].end, {"heading": paras[i].text})


_CHAPTER = compile_regex(r"[ \t\u3000]*第[一二三四五六七八九十\d]{1,3}[章节部分篇]")
_DATED = compile_regex(r"[ \t\u3000]*\d{1,4}[ \t\u3000]*[-/~～—–年月日号周]")  # 11-24, 12月: a note's date
_STYLED_WRITTEN = 3  # Word headings with their text that show a document written under its headings
# A line of a page's furniture left in the body after the last heading: a page number (18, II, - 3 -)
_PAGE_FURNITURE = compile_regex(r"[ \t\u3000\-—–·.]*(?:\d{1,4}|[IVXLCivxlc]{1,6})?[ \t\u3000\-—–·.]*")


_NAMED_WRITTEN = 5  # the file's unnumbered chapters with their text, at least: an outline of topics written


def _unnumbered_sibling(i: int, nxt: int, level: dict[int, int], numbered: set[int], plain: list[str]) -> bool:
    """Are styled headings i and nxt, right after it, both without a number, nxt at i's outline
    level or above (a notes file's topics, `Shiro` / `Comet4j`, Heading 1 each)? Then i's section is
    empty by Word's outline as a numbered one is; a date (11-24) is no topic."""
    return (nxt in level and i not in numbered and nxt not in numbered and level[nxt] <= level[i]
            and not _DATED.match(plain[i]) and not _DATED.match(plain[nxt]))


def _empty_styled_headings(doc: Document, paras: list[Span], plain: list[str], max_len: int) -> Iterator[Hit]:
    """A Word heading (a paragraph in a heading style, its outline level from the style)
    followed directly by a heading of its own level or above, or by the end of the file (a page
    number at most after it), in a document written under its headings: more of its headings
    have their text than have none, at least `_STYLED_WRITTEN` (3 详细设计 / 4 程序测试 / 5 总结 /
    附录 after 1 and 2 with theirs; 二、网络仿真 / 1原理 / 2.改进的地方 / 3.收获 at the end). Its
    number or lack of one does not matter: Word's outline says what a heading is. A paragraph in
    a heading style that is no heading (a sentence, a long paragraph) is not one; a heading
    whose body is a picture, a table or a text box has one; a table's cell is a form's, and a
    reviewer's section (导师意见) is left for another hand."""
    if not doc.style_headings:
        return
    body = [i for i, p in enumerate(paras) if doc.part(doc.line_index(p.start)) == "body"]
    level: dict[int, int] = {}  # paragraph -> outline level, for the headings among the body's paragraphs
    for i in body:
        line = doc.line_index(paras[i].start)
        if (line + 1 in doc.style_headings and len(plain[i]) <= max_len and not SENTENCE_STOP.search(plain[i])
                and plain[i][-1:] not in "：:" and not doc.in_table(line)):  # 李兴虎： heads what follows it
            level[i] = doc.style_headings[line + 1]
    if len(level) < _STYLED_WRITTEN + 1:
        return
    # a heading paragraph whose only text is the number Word draws for it (`1` under 第二部分 综合应用设计说明,
    # its subsections 1.1 … below): that number heads nothing, it is a heading left without its title;
    # the heading above it goes on to the text below
    bare_numbers = {i for i in level if plain[i].strip(BLANK_CHARS)
                    and doc.list_labels.get(doc.line_index(paras[i].start) + 1, "").strip(BLANK_CHARS)
                    == plain[i].strip(BLANK_CHARS)}
    numbers = {i: _decimal_number(plain[i], max_len) for i in level}
    # a section of the document's outline carries its number (2.9, 3 详细设计, 一、, （二）, 第三章): a
    # styled line without one may be a sentence set in a heading style (本节主要涉及…), a date or
    # an attachment's name in notes or a contract (11-24, 第五周, 附件 7 …（格式）)
    numbered = {i for i in level if (numbers[i] is not None or mark_level(plain[i]) is not None
                                     or _CHAPTER.match(plain[i]) is not None) and not _DATED.match(plain[i])}

    def follows(nxt: int, i: int) -> bool:
        """Is heading nxt the next section at i's level or above (3 详细设计 / 4 程序测试; 二、 /
        三、), not one opening i's own list (3.4 核心代码实现 / 1. 构建函数) or set deeper?"""
        a, b = numbers[i], numbers[nxt]
        if a is not None and b is not None:  # a deeper one (3.2.6 / 3.2.7.1, misnumbered) is its body
            return len(b) <= len(a) and any(b[:k] == a[:k - 1] + (a[k - 1] + 1,) for k in range(1, len(a) + 1))
        if a is None and b is not None and len(b) >= 2 and b[0] == _number(plain[i]):
            return False  # 四、项目概要说明书 / 4.1 项目名称: its own subsection, numbered by its chapter
        if a is None and b is not None and len(b) >= 2 and b[-1] == 1 and mark_level(plain[i]) is None:
            return False  # 第二部分 综合应用设计说明 / 1.1题目: an unnumbered part opens on its first subsection
        la, lb = mark_level(plain[i]), mark_level(plain[nxt])
        if la is not None and la == lb and a is None and b is None:
            return _number(plain[nxt]) == (_number(plain[i]) or 0) + 1
        # numbered otherwise ((3)借还书功能 / 1.借书; 第三章 / 第四章): by Word's outline, a list's
        # first item under it
        return level[nxt] <= level[i] and _number(plain[nxt]) != 1

    def has_text(first: int, upto: int) -> bool:  # lines first..upto-1 of the body: any text, picture, table?
        return any(doc.part(j) in ("body", "textbox") and (
            j in doc.pictures or doc.in_table(j) or doc.part(j) == "textbox"
            or not _PAGE_FURNITURE.fullmatch(doc.lines[j].text.strip(BLANK_CHARS)))
            for j in range(first, upto))

    empty = []
    written = 0
    # unnumbered headings followed straight by their unnumbered sibling (Shiro / Comet4j), and the
    # unnumbered headings that have their text
    named: list[int] = []
    named_level: dict[int, int] = {}  # outline level -> unnumbered headings there with their text
    text_seen = False  # a title's lines (ElectrocarManager / 需求分析与概要设计) come before any text
    first_text = next((i for i in body if i not in level and not _PAGE_FURNITURE.fullmatch(plain[i])), len(paras))

    def text_seen_before(i: int) -> bool:
        return first_text < i
    for k, i in enumerate(body):
        if i not in level:
            text_seen = text_seen or not _PAGE_FURNITURE.fullmatch(plain[i])
            continue
        if i in bare_numbers:
            continue
        nxt = next((j for j in body[k + 1:] if not _PAGE_FURNITURE.fullmatch(plain[j]) and j not in bare_numbers), None)
        line = doc.line_index(paras[i].start)
        # every line up to the next paragraph, or to the end: a line no paragraph holds (a file's
        # name, dropped as furniture) is text too
        upto = doc.line_index(paras[nxt].start) if nxt is not None else len(doc.lines)
        under = next((j for j in body[k + 1:] if j in bare_numbers or not _PAGE_FURNITURE.fullmatch(plain[j])), None)
        if under in bare_numbers and nxt is not None:
            written += 1  # 第二部分 / 1 (a number with no title) / 1.1题目 …: the part has its sections
            continue
        if has_text(line + 1, upto) or (nxt is not None and not (nxt in numbered and follows(nxt, i))):
            written += 1
            if nxt is not None and _unnumbered_sibling(i, nxt, level, numbered, plain) and not has_text(line + 1, upto):
                named.append(i)
            elif i not in numbered:
                named_level[level[i]] = named_level.get(level[i], 0) + 1
        elif text_seen and i in numbered:
            empty.append(i)
    if written < _STYLED_WRITTEN or written <= len(empty):
        return
    if bare_numbers:
        empty = sorted(empty + [i for i in bare_numbers if text_seen_before(i)])
    if named:
        # the file's chapters (its top outline level, a title's aside), most of them with their text
        top = min((lv for lv in level.values() if lv >= 1), default=None)
        chapters = [i for i in named if level[i] == top and not _ANY_MARK.search(plain[i])]
        if named_level.get(top, 0) >= _NAMED_WRITTEN and named_level[top] > len(chapters):
            empty = sorted(empty + [i for i in chapters if text_seen_before(i)])
    shown = [i for i in body if not _PAGE_FURNITURE.fullmatch(plain[i])]
    place = {i: k for k, i in enumerate(shown)}
    for i in empty:
        if _REVIEWER_FIELD.search(plain[i]) or TABLE_CAPTION.search(plain[i]):
            continue
        if i in place and _led_in_list(shown, place[i], plain, set(level) - numbered):
            continue
        yield Hit(paras[i].start, paras[i].end, {"heading": paras[i].text})


def _led_in_list(shown: list[int], k: int, plain: list[str], labels: set[int]) -> bool:
    """Whether paragraph shown[k] is an item of a list of one-line items numbered from 1, two at
    least, right under an unnumbered line that leads them in, a heading-styled label (`labels`)
    or a line ending in a colon (`Public：（普通功能）` / `1.获取所有实验` / `2.获取科普文` / `3.…`):
    a writer who sets every line in a heading style still writes a list there, not sections
    left empty. Under a numbered heading or a paragraph of text they are sections."""
    level = mark_level(plain[shown[k]])
    if level is None or _number(plain[shown[k]]) is None:
        return False

    def sibling(a: int, b: int) -> bool:  # shown[b] is the item after shown[a] in one list
        return (0 <= a < len(shown) and 0 <= b < len(shown) and mark_level(plain[shown[b]]) == level
                and _number(plain[shown[b]]) == (_number(plain[shown[a]]) or -9) + 1)

    first = k
    while sibling(first - 1, first):
        first -= 1
    last = k
    while sibling(last, last + 1):
        last += 1
    if _number(plain[shown[first]]) != 1 or last == first or first == 0:
        return False
    lead = shown[first - 1]
    return lead in labels or plain[lead].rstrip(BLANK_CHARS)[-1:] in "：:" and mark_level(plain[lead]) is None


def _decimal_body(doc: Document, paras: list[Span], numbers: list, i: int) -> bool:
    """Has decimal section i a body: a paragraph under it that is no section (or a deeper one),
    or a picture before the next paragraph."""
    nxt = numbers[i + 1] if i + 1 < len(numbers) else None
    body = nxt is None and i + 1 < len(paras) or nxt is not None and len(nxt) > len(numbers[i])
    if not body and doc.pictures:  # a section whose body is a picture (2.2 类图 and the diagram)
        line = doc.line_index(paras[i].start)
        upto = doc.line_index(paras[i + 1].start) if i + 1 < len(paras) else len(doc.lines)
        body = any(j in doc.pictures for j in range(line, upto))
    return body


_FILLED_SECTIONS = 5  # written sections that show a report, not an outline or a list


def _filled_outline(numbers: list, plain: list[str], bodies: dict[int, bool]) -> dict[tuple[int, ...], bool] | None:
    """The sections of a decimal outline that is mostly written (number -> has a body), or None.
    Written: more of its subsections (1.1, 3.2.1) have a text than have none, and at least
    `_FILLED_SECTIONS` do; each number once, in order (a list restarting at 1.1, or an outline
    typed twice as a table of contents and as headings, is no such report)."""
    subsections = [i for i in bodies if len(numbers[i]) >= 2]
    written = sum(bodies[i] for i in subsections)
    if written < _FILLED_SECTIONS or written <= len(subsections) - written:
        return None
    seen: dict[tuple[int, ...], bool] = {}
    previous: tuple[int, ...] = ()
    headings = Counter(plain[i] for i in bodies)
    for i in sorted(bodies):
        number = numbers[i]
        if number in seen or number < previous or headings[plain[i]] > 1:
            return None
        seen[number], previous = bodies[i], number
    return seen


def _empty_bullets(doc: Document) -> Iterator[Hit]:
    """A Word list paragraph with no text, only the bullet Word draws for it (•, ●): an item
    begun and never written, printed as a lone bullet. A table's cell is left alone (● marks a
    choice there), and so is a numbered item: its bare number is judged as a heading."""
    for line, label in doc.list_labels.items():
        i = line - 1
        if (i < len(doc.lines) and doc.lines[i].text.strip(BLANK_CHARS) == label.strip(BLANK_CHARS)
                and label.strip(BLANK_CHARS) and not any(c.isalnum() for c in label)
                and doc.part(i) == "body" and not doc.in_table(i)):
            start = doc.lines[i].start + doc.lines[i].text.index(label.strip(BLANK_CHARS)[0])
            yield Hit(start, start + len(label.strip(BLANK_CHARS)), {"heading": label.strip(BLANK_CHARS)}, key="bullet")


def unfilled_template(doc: Document, ctx: Context) -> bool:
    """Whether a Word file is a template never filled in: some section holds only the template's
    guidance (1.5性能 / 【给出一般情况下的运行性能指数。】 / 1.6安全保密, as KJ205 reports it)."""
    from .placeholders import guidance_under_headings

    rule = ctx.catalog.rules.get("KJ205")
    return rule is not None and doc.source_format == "docx" and next(iter(guidance_under_headings(doc)), None) is not None


_CLAUSE_MARK = compile_regex(r"[，,；;：:]")  # a heading is a phrase: an item with these is a clause
# The field of a form its reviewer fills in, not the writer: 老师点评, 导师意见, 学院审核意见, 单位盖章.
_REVIEWER_FIELD = compile_regex(r"(?:老师|教师|导师|专家|评委|领导|学院|学校|单位|部门|支部|组织|评审|审核|审批)"
                                r"(?:点评|评语|评价|审核意见|审批意见|意见|签字|签名|盖章)[：:]?[ \t\u3000]*$")
_BARE_HEADING = compile_regex(r"^[ \t\u3000]*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)]"
                              r"|\d{1,2}[、．.]|[（(]\d{1,2}[）)])[ \t\u3000]*$")


# KJ305: text cut inside the document (characters lost at a page or scrape seam).

# Marks after which a context that never ends a word shows a cut (思、 筛查工。): a word or clause
# ends there. Closing quotes and brackets are left out: a name in quotes (“三重一大”) is often
# an abbreviation that stops where the full word would go on.
CUT_MARKS = "，,。；;：:！？!?、"
_CUT_CANDIDATE = compile_regex(rf"[\u4e00-\u9fff]{{3}}(?=[{CUT_MARKS}]|[ \t\u3000]*$)")
# A pinyin gloss `(jiān)` right after a `?`, its opening bracket maybe lost with it (攻?jiān)工作): the `?`
# stands for the glossed character a conversion lost.
_GLOSS = compile_regex(rf"[(（]?(?=[{PINYIN_LETTERS}]{{0,5}}[{TONED}])[{PINYIN_LETTERS}]{{1,6}} ?[)）]")
_LINE_LEAD = compile_regex(r"^[\s\d、.．\-—]*")  # a page marker (2、) before a wrapped line's rest
CutTable = dict[str, tuple[str, bool]]
# A line holding a name and nothing else, maybe as a field's value (发布单位:应急管理部): a
# ministry's or an office's name ends there whole (管理部, 保障部 end no word in running prose).
_ORGAN_END = frozenset("部委局厅办")
_NAME_LINE = compile_regex(r"^[ \t\u3000]*(?:[^\s，。；：:,;、]{1,8}[:：][ \t\u3000]*)?[\u4e00-\u9fff]{5,24}[ \t\u3000]*$")
_INVISIBLE = BLANK_CHARS + "\u200b\u200c\u200d\u2060"  # a line of a zero-width space is blank to a reader


def cut_table_path() -> Path:
    """rules/kj3-cut-words.tsv, in a checkout or an installed wheel (kjlint/_rules)."""
    from ..packs import builtin_rules_dir

    return builtin_rules_dir() / "kj3-cut-words.tsv"


@lru_cache(maxsize=1)
def cut_table() -> CutTable:
    """context -> (characters seen after it, also judged before 、): scripts/gen_cut_words.py;
    parsed once per version of the file (start-up cache)."""
    from ..diskcache import file_key, load_or_build

    path = cut_table_path()
    return load_or_build("kj3-cut-words", file_key(path), lambda: _read_cut_table(path))


def _read_cut_table(path: Path) -> CutTable:
    out: CutTable = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                ctx, followers, before_list = line.rstrip("\n").split("\t")
                out[ctx] = (followers, before_list == "、")
    return out


def cut_possible(lines: list[str], table: CutTable, text: str | None = None) -> bool:
    """Whether some line can hold a cut word: one of the table's contexts before a mark (found
    over the whole text, `text` when the caller has the lines joined, by `_before_mark`) or at
    a line's end, or one of its lone characters after a word before a mark (`lone_characters`).
    False proves `cut_words` finds nothing in any line; True only lets it look."""
    if not table:
        return False
    found = set(_before_mark(table).findall("\n".join(lines) if text is None else text))
    return (not table.keys().isdisjoint(found)
            or not table.keys().isdisjoint(line.rstrip(" \t\u3000")[-3:] for line in lines)
            or any(_stands_alone(three, table) for three in found if three[2] in table))


_BEFORE_MARK_OF: dict[int, tuple[CutTable, re.Pattern]] = {}  # by table: (table, pattern)


def _before_mark(table: CutTable) -> re.Pattern:
    """Three Chinese characters before a mark, found from the mark (a rare character: the scan
    skips to it in C), the third among those the table's contexts (338 characters for 4,289
    contexts) and lone characters have there: one scan of the text for both kinds of cut word."""
    entry = _BEFORE_MARK_OF.get(id(table))
    if entry is None or entry[0] is not table:
        third = "".join(sorted({k[-1] for k in table if len(k) in (1, 3) and "\u4e00" <= k[-1] <= "\u9fff"})) or "\u4e00"
        pattern = compile_regex(rf"[{CUT_MARKS}](?<=([\u4e00-\u9fff]{{2}}[{third}])[{CUT_MARKS}])")
        _BEFORE_MARK_OF.clear()
        _BEFORE_MARK_OF[id(table)] = entry = (table, pattern)
    return entry[1]


# Degree adverbs: a one-character adjective after one is a whole predicate (还不够严，, 比较宽), not
# the first character of a cut word. A closed class, unlike the words the table learns from counts.
_DEGREE = frozenset({"不够", "不太", "非常", "比较", "过于", "十分", "更加", "极其", "相当", "特别", "尤为",
                     "越发", "较为", "颇为", "不甚", "最为"})


def _stands_alone(three: str, table: CutTable) -> bool:
    """Is the last of three characters one of the table's lone characters, after a dictionary
    word that does not end a word with it (nor a degree adverb, after which it is a predicate)?"""
    entry = table.get(three[2])
    return entry is not None and three[1] not in entry[0] and is_word(three[:2]) and three[:2] not in _DEGREE


def lone_characters(line: str, table: CutTable) -> list[tuple[int, int]]:
    """Spans (in plain line `line`) of a dictionary word and one character after it that stands
    alone before a mark (转化思，): a character that is almost never a word by itself but begins
    frequent words (思想, 思路), where no dictionary word ends with it and the character before
    (反思， 构思、 are words). The characters are the table's one-character contexts, with the
    characters before them that words end with (scripts/gen_cut_words.py: from jieba's word
    frequencies, minus any that stands so in real official prose). Not before 、 unless the table
    says so: a list names things by one character (委、办, 省、市)."""
    return [(m.start() - 3, m.start()) for m in _before_mark(table).finditer(line)
            if _stands_alone(m.group(1), table) and (m.group() != "、" or table[line[m.start() - 1]][1])]


def _office_short_name(context: str, followers: str) -> bool:
    """An office's short name (鹽田街道辦。, 项目建设单位是某某街道办，): 办 ends it for 办事处 or
    办公室, whatever the table saw after it; a context that goes on otherwise too (管理办法) is judged."""
    return context[-1] in "办辦" and set(followers) <= {"事", "公"}


def cut_words(lines: list[str], i: int, table: CutTable) -> list[tuple[int, int]]:
    """Spans (in plain line `lines[i]`) of three characters that real prose never ends a word
    with, followed by a mark or the end of the line (发展工 / 指导思、), and `lone_characters`: a
    word cut where text was lost. A line that goes on, on the next line, with a character seen after the context is a
    wrapped line; the document's last line is KJ302's."""
    line = lines[i]
    out = lone_characters(line, table)
    if table.keys().isdisjoint(_CUT_CANDIDATE.findall(line)):
        return out  # most lines: one C-speed test instead of a lookup per candidate
    for m in _CUT_CANDIDATE.finditer(line):
        entry = table.get(m.group())
        if entry is None:
            continue
        followers, before_list = entry
        if _office_short_name(m.group(), followers):
            continue
        mark = line[m.end():m.end() + 1]
        if mark in "?？" and mark and _GLOSS.match(line, m.end() + 1):
            continue  # 脫貧攻?jiān)工作: a character the conversion lost (KJ4), its pinyin gloss still there
        if mark == "、" and (not before_list or line[m.end() + 1:m.end() + 2] in followers):
            continue  # a list sharing its head: 国有企、事业单位 is 国有企业、事业单位 (企 goes on with 事 too)
        if mark in ("", " ", "\t", "\u3000"):
            if m.group()[-1] in _ORGAN_END and _NAME_LINE.match(line):
                continue  # a line that is an organ's name (应急管理部, 发布单位:生态环境部): a signature or a field's value
            nxt = next((s for s in lines[i + 1:] if s.strip(_INVISIBLE)), None)
            if nxt is None:
                continue
            rest = nxt.strip(_INVISIBLE)
            rest = rest[_LINE_LEAD.match(rest).end():]
            if rest[:1] in followers:
                continue
        if (m.start(), m.end()) not in out:  # the same three characters may be a lone character's
            out.append((m.start(), m.end()))
    return sorted(out)


def _wrapped_lines(doc: Document, ctx: Context, codes) -> set[int]:
    """0-based lines whose end the rules `codes` (KJ413) report as a sentence broken over lines."""
    out: set[int] = set()
    for code in codes:
        other = ctx.catalog.rules.get(code)
        if other is not None and other.run is not None and other.enabled:
            out.update(doc.line_index(h.offset) for h in rule_hits(other, doc, ctx)
                       if doc.line_index(max(h.offset, h.end - 1)) > doc.line_index(h.offset))
    return out


def _raw_offset(raw: str, plain_index: int) -> int:
    """Where character `plain_index` of a line's plain form is in the line itself (the plain form
    drops pinyin annotations: 指導(dǎo)思)."""
    if "(" not in raw and "（" not in raw:
        return plain_index
    shift = 0
    for m in PINYIN_ANNOTATION.finditer(raw):
        if m.start() - shift > plain_index:
            break
        shift += m.end() - m.start()
    return plain_index + shift


_NUMERAL_HEADING_BODY = r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])[ \t\u3000]*[\u4e00-\u9fff][ \t\u3000]*"
_NUMERAL_HEADING = compile_regex(_NUMERAL_HEADING_BODY + "$")
# Some line of a text that _NUMERAL_HEADING matches (or a line it does not: a superset, one scan).
# Tried after each line break only (diskcache.after_chars): a third of the cost of a scan for `^`.
_numeral_heading_lines = after_chars(_NUMERAL_HEADING_BODY + r"\r?$", re.MULTILINE)


_ELLIPSIS_ONLY = compile_regex(r"^[…．.·\s\u3000]*$")


def _notice_lines(doc: Document, ctx: Context, codes) -> set[int]:
    """0-based lines that hold a truncation notice and nothing else but ellipses around it
    (……(某某网…省略912字,正式会员可完整阅读)……)."""
    out: set[int] = set()
    for code in codes:
        rule = ctx.catalog.rules.get(code)
        if rule is None or rule.run is None or not rule.enabled:
            continue
        for hit in rule_hits(rule, doc, ctx):
            i = doc.line_index(hit.offset)
            line = doc.lines[i]
            if (_ELLIPSIS_ONLY.match(doc.text[line.start:hit.offset])
                    and _ELLIPSIS_ONLY.match(doc.text[min(hit.end, line.end):line.end])):
                out.add(i)
    return out


# A number ending a line right after a closing title or quotation mark, a blank line after it
# (印发《…》、《…》兩 / / 發布日期…): a count needs its counter and noun (两项…), so the line was cut
# there; a line that goes on below (《清单》一 / 式两份) was only wrapped.
_COUNT_AFTER_MARK = r"[一二三四五六七八九十两兩]+(?=[ \t\u3000]*\n[ \t\u3000]*\n)"
_COUNT_CUT = compile_regex(r"[》”]" + _COUNT_AFTER_MARK)
# The same, one pattern for each mark, to tell whether a document holds one: a pattern opening
# with one character is searched for it by a tight C loop, one opening with a set of characters
# tests the set at every position (five times the CPU over a whole text).
_COUNT_CUT_BY_MARK = tuple(compile_regex(mark + _COUNT_AFTER_MARK) for mark in "》”")


# A sentence's end followed by text that ends its line in Chinese, or Chinese run into English
# prose (…全国联网覆 The Ministry of …): where a page may have been cut off before unrelated text.
# One scan of the text tells whether any line can be (a possessive run: no backtracking).
_SEAM = compile_regex(r"。[^。！？!?；;\n]*+(?<=[\u4e00-\u9fff])[ \t\u3000]*\n"
                      r"| (?<=[\u4e00-\u9fff] )[A-Z][a-z]+(?: [A-Za-z]+){3,}")
_SEAM_LATIN = compile_regex(r"(?<=[\u4e00-\u9fff]{3}) (?=[A-Z][a-z]+(?: [A-Za-z]+){3,})")
# Characters a line may stop at by grammar without being cut: particles, localizers, suffixes,
# conjunctions, prepositions, adverbs and auxiliaries before the verb the next line brings
# (美国却 / 利用…: the sentence goes on across a page break).
_CLAUSE_ENDERS = frozenset("的了着过们等地得中上下里内外时后前者性化度率及和与或并而也都就又还再才所以为是有在把被将"
                           "从向对于到给让使很最更太之其此该各每却仍已曾正要会能可应须必乃则即便亦皆")


def _ends_inside_word(text: str) -> bool:
    """Does `text` end inside a word: its last character ends no dictionary word with the
    characters before it (…平均调, …联网覆), is no character a clause ends with by grammar, and
    follows a dictionary word (平均, 联网) that it does not belong to?"""
    if len(text) < 4 or text[-1] in _CLAUSE_ENDERS or not "\u4e00" <= text[-1] <= "\u9fff":
        return False
    return is_word(text[-3:-1]) and not any(is_word(text[-k:]) for k in (2, 3, 4))


def _seam_cut(lines: list[str], i: int) -> tuple[int, int] | None:
    """Span (in plain line `lines[i]`) of the half word a page cut leaves where unrelated text
    follows: a prose paragraph (a sentence ends in it) whose last clause, begun with a comma, ends
    inside a word (`_ends_inside_word`) at the line's end, the next paragraph not going on with it
    (no word across the break, no digit or page marker opening it: 平均调 / 就业是最大的民生。),
    or runs into English prose on its line (…全国联网覆 The Ministry of …). None for any other line."""
    line = lines[i].rstrip(" \t\u3000")
    latin = _SEAM_LATIN.search(line) if " " in line else None
    end = latin.start() if latin is not None else len(line)
    if end < 4 or line[end - 1] in _CLAUSE_ENDERS or not "\u4e00" <= line[end - 1] <= "\u9fff":
        return None  # most lines: one look at the last character
    head = line[:end]
    last = max(head.rfind(c) for c in "。！？!?；;")
    if last < 0 or not any(c in head[last:] for c in "，,") or not _ends_inside_word(head):
        return None
    if latin is None:
        nxt = next((s.strip(_INVISIBLE) for s in lines[i + 1:] if s.strip(_INVISIBLE)), None)
        if nxt is None or not "\u4e00" <= nxt[0] <= "\u9fff" or joins_into_word(head[-3:], nxt[:3]):
            return None  # the document's end is KJ302's; a wrapped line goes on with the word
    return end - 3, end


def _is_title(doc: Document, ctx: Context, p: Span) -> bool:
    """Is `p` the document's title (a title above a notice that the opening was left out,
    某某工作总结 / ……(开头部分已省略1935字), is no sentence broken off)?"""
    title, _ = find_title(doc, ctx)
    return title is not None and title.start == p.start


# A Word paragraph that is a field (`议会成员：`, `•举例 ：`) whose value, a list, stops at its 、, the
# next paragraph another field: the list's last items were lost (罗侨、罗南希、 / 代理代表：无).
_FIELD_LEAD = r"[ \t\u3000]*(?:[•·●▪◆■□○◦\-*][ \t\u3000]*)?[\u4e00-\u9fffA-Za-z][^：:，。；、\n]{0,11}[ \t\u3000]*[：:]"
_CUT_LIST = compile_regex(rf"(?m)^{_FIELD_LEAD}(?P<value>[^\n，。；,;]*?、[^\n，。；,;]*?(?<=\S)、)[ \t\u3000]*\n(?:[ \t\u3000]*\n)?(?={_FIELD_LEAD})")


def _cut_enumerations(doc: Document) -> Iterator[Hit]:
    """Fields of a Word file whose list stops at a 、, the next paragraph a field of its own
    (see _CUT_LIST); a line that goes on with the list below (…、 / element-ui、axios) is a line
    end's, and a value with no 、 inside (a single item) or a sentence's clauses (…，都可以看到：运单、结算、)
    is no list the field gives."""
    if doc.source_format != "docx" or "、\n" not in doc.text and not _CUT_LIST.search(doc.text):
        return
    for m in _CUT_LIST.finditer(doc.text):
        if doc.part(doc.line_index(m.start())) != "body":
            continue
        tail = m.group("value")[-10:]
        yield Hit(m.end("value") - len(tail), m.end("value"), {"tail": tail}, key="list")


@check("cut-inside")
def cut_inside(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """Text lost inside the document: a word cut mid-way (statistics of real official prose),
    a heading of one character, a sentence broken off by a truncation notice, a field's list
    stopping at its 、."""
    if doc.source_format == "docx":  # what its writer wrote: no scraper cut it, but a list may stop
        yield from _cut_enumerations(doc)
        return
    paras = body_paragraphs(doc, ctx, rule)
    if not paras:
        return
    lines = doc.plain_lines
    table = cut_table()
    # Most documents hold no candidate the table knows (29 of the 400 bench drafts do, 32 of the
    # 946 copies dedupe's benchmark proves clean): one scan of the whole text then spares the
    # scan of each line; with no notice line and no line a one-character heading, nothing else
    # is looked for either.
    cuts = cut_possible(lines, table, doc.plain_text)
    notices = _notice_lines(doc, ctx, rule.params.get("cut-by", []))
    counts = any(pattern.search(doc.text) is not None for pattern in _COUNT_CUT_BY_MARK)
    seams = _SEAM.search(doc.plain_text) is not None
    if not cuts and not notices and not counts and not seams \
            and next(iter(_numeral_heading_lines(doc.text)), None) is None:
        return
    last_line = doc.line_index(paras[-1].start)
    done: set[int] = set()
    wrapped: set[int] | None = None  # lines whose end these rules report as a broken line, asked once
    for p in paras:
        index = doc.line_index(p.start)
        if index in done:
            continue
        done.add(index)
        raw = doc.lines[index].text
        if _NUMERAL_HEADING.match(raw) and index < last_line:  # the document's end is KJ302's
            yield Hit(p.start, p.end, {"text": p.text.strip()}, key="heading")
            continue
        if (index + 1 in notices and index < last_line and p.text.rstrip()[-1:] not in TERMINAL
                and len(doc.plain(p)) >= int(rule.params.get("min-length", 10)) and heading_level(doc.plain(p)) is None
                and not _is_title(doc, ctx, p)):
            # …大力开展“消费提振年 / ……(某某网…省略912字,正式会员可完整阅读)…… / 4个。低改…
            yield Hit(max(p.start, p.end - 8), p.end, {"tail": p.text[-8:]}, key="notice")
            continue
        if counts and index < last_line and (m := _COUNT_CUT.search(doc.text, p.start, min(p.end + 8, len(doc.text)))):
            # 关于印发《…》、《…》兩 / 發布日期…: a count whose counter and noun were cut off the line
            yield Hit(m.start(), m.end(), {"word": m.group(0)})
            continue
        if seams and (seam := _seam_cut(lines[:index + 1] if index == last_line else lines, index)) is not None:
            # …平均调 / 就业是最大的民生。: the page cut off mid-word before unrelated text
            s, e = _raw_offset(raw, seam[0]), _raw_offset(raw, seam[1] - 1) + 1
            yield Hit(doc.line_starts[index] + s, doc.line_starts[index] + e, {"word": raw[s:e]})
            continue
        if not cuts:
            continue
        if index == last_line:
            lines_here = lines[:index + 1]  # the end of the document is KJ302's
        else:
            lines_here = lines
        line_start = doc.line_starts[index]
        for start, end in cut_words(lines_here, index, table):
            s, e = _raw_offset(raw, start), _raw_offset(raw, end - 1) + 1
            word = raw[s:e]
            if word[-1] == "之" and to_simplified(word) != word:
                continue  # Taiwan's legal prose ends a clause on a verb and 之 (得跨所申請之:, 由主管機關決定之。)
            if not raw[e:].strip(BLANK_CHARS):
                if wrapped is None:
                    wrapped = _wrapped_lines(doc, ctx, rule.params.get("wrapped-by", []))
                if index in wrapped:
                    continue  # the line goes on in the next (決定或 / 解決): a wrap KJ413 reports, no loss
            yield Hit(line_start + s, line_start + e, {"word": word})
