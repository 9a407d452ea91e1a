"""KJ4 encoding corruption: detection, repairs and fixes."""
from __future__ import annotations

import pytest

from kjlint.catalog import load_catalog
from kjlint.document import Document
from kjlint.engine import lint_document, lint_text
from kjlint.fixes import apply_fixes
from kjlint.reading import decode_bytes


def codes(text: str, prefix: str = "KJ4") -> list[str]:
    return [f.code for f in lint_text(text) if f.code.startswith(prefix)]


def shifted(sentence: str, at: int) -> str:
    """`sentence` as seen after the first byte of character `at` was lost from its GBK bytes."""
    data = sentence.encode("gbk")
    pos = len(sentence[:at].encode("gbk"))
    out = (data[:pos] + data[pos + 1:]).decode("gbk", errors="replace")
    rest = "?" + out[at + 1:]
    return sentence[:at] + rest[:1] + rest[1:].replace("\ufffd", "", 1)


def test_pinyin_annotations_one_finding_per_line_with_count_and_safe_fix():
    text = "工作總結(jié)\n根據(jù)區(qū)發(fā)改局要求，現將情況報告如下。\n"
    found = [f for f in lint_text(text) if f.code == "KJ403"]
    assert [f.line for f in found] == [1, 2]
    assert found[1].message.startswith("3 pinyin")
    fixed, _ = apply_fixes(text, [f.fix for f in found])
    assert fixed == "工作總結\n根據區發改局要求，現將情況報告如下。\n"


def test_byte_shift_is_repaired_and_offered_as_unsafe_fix():
    original = "全力支持高新技术企业开展关键技术研究。"
    text = shifted(original, 4)
    assert text != original and "?" in text
    (f,) = [f for f in lint_text(text) if f.code == "KJ404"]
    assert "□□技术企业" in f.message
    assert f.fix is not None and not f.fix.safe
    fixed, _ = apply_fixes(text, [f.fix])
    assert fixed.startswith("全力支持□□技术企业") and "?" not in fixed


SHIFTED = ["为本地新材料股份有限公司办理技术合同登记5份。", "全面推进乡村振兴战略实施，加快农业农村现代化。",
           "全力支持高新技术企业开展关键技术研究。", "组织企业开展技术攻关和成果转化，成效明显。",
           "推进新型城镇化建设，提升城市品质。", "大力实施人才强区战略，为企业提供智力支撑。",
           "环保科技有限公司申报科技成果转化项目。", "县科学技术协会积极开展科普宣传活动。"]


@pytest.mark.parametrize("original", SHIFTED)
def test_a_byte_shift_fix_writes_only_characters_the_bytes_prove(original):
    """The character after the '?' has lost its first byte: any of dozens fits, and frequency
    picks the wrong one about half the time. The fix marks it □ like the one the '?' hides."""
    offered = 0
    for at in range(1, 8):
        text = shifted(original, at)
        for f in lint_text(text, select=["KJ404"]):
            if f.fix is None:
                continue
            offered += 1
            # The fix starts at the '?' (the text before it is intact) and stands for as many
            # characters of the original.
            assert f.fix.offset == at and text[:at] == original[:at]
            written = f.fix.replacement
            assert all(a == b or a == "□" for a, b in zip(written, original[at:])), (at, written)
    assert offered


def test_a_repair_that_reads_worse_somewhere_is_reported_without_a_fix():
    """環保科技有限公司申報 lost the first byte of 保 and, further on, the two bytes between 公
    and 司: realigned, 有限 is followed by 咕, no better than the garbage it replaces. Plausible
    text around it must not make the fix write 咕 into the document."""
    text = "某某環？萍加邢薰旧陥罂萍汲晒\ufffd轉化項目。"
    (f,) = [f for f in lint_text(text) if f.code == "KJ404"]
    assert f.fix is None
    assert "'咕'" in f.message and "no fix" in f.message


@pytest.mark.parametrize("text", [
    "如何提高调研质量?关键在于深入基层。",
    "企业反映：申报材料能否简化？我局已在网上公开办事指南。",
    "详见https://www.example.gov.cn/list?page=2&id=35，欢迎查阅。",
    "为什么研发投入不足？主要是融资难、人才缺。",
])
def test_legitimate_question_marks_are_not_byte_shift(text):
    assert "KJ404" not in codes(text)


def test_utf8_read_as_latin1_is_decoded_back():
    garbled = "科技局".encode("utf-8").decode("latin-1")
    text = f"市{garbled}工作总结"
    (f,) = [f for f in lint_text(text) if f.code == "KJ405"]
    assert f.fix.safe and apply_fixes(text, [f.fix])[0] == "市科技局工作总结"


def test_gbk_read_as_latin1_is_decoded_back():
    text = "加强" + "知识产权".encode("gbk").decode("latin-1") + "保护。"
    (f,) = [f for f in lint_text(text) if f.code == "KJ406"]
    assert apply_fixes(text, [f.fix])[0] == "加强知识产权保护。"


def test_latin_text_is_not_mojibake():
    assert codes("Café Résumé GmbH — naïve façade, ½ price, Ångström, Señor.") == []


def test_utf8_read_as_gbk():
    text = "组织" + "教研活动".encode("utf-8").decode("gbk") + "3场。"
    (f,) = [f for f in lint_text(text) if f.code == "KJ407"]
    assert "教研活动" in f.message


def test_undecodable_bytes_report_byte_values():
    data = "全年培训".encode("gb18030") + b"\xff" + "人次。".encode("gb18030")
    decoded = decode_bytes(data)
    doc = Document(decoded.text, "x.txt", decoded.encoding, decoded.undecodable)
    found = [f for f in lint_document(doc, load_catalog()) if f.code == "KJ401"]
    assert len(found) == 1 and "0xFF" in found[0].message


def test_replacement_and_garbled_replacement():
    assert codes("培训\ufffd\ufffd人次") == ["KJ401"]
    assert codes("投资锟斤拷锟斤拷万元") == ["KJ402"]


def test_invisible_and_private_characters():
    assert codes("培训\x0b人次") == ["KJ408"]
    assert codes("\uf06c 加强组织领导") == ["KJ409"]
    assert codes("科\u200b技局") == ["KJ410"]
    assert codes("\ufeff科技局工作总结\n首行缩进\u3000\u200b") == []


def test_rare_characters_in_names_are_not_flagged():
    assert codes("邀请院士冼星海、钟南山的同事，联合鄞州区甬江街道的企业参展。") == []


def test_zero_width_joiner_in_emoji_is_left_alone():
    assert codes("为基层减负\U0001F468\u200d\U0001F4BB点赞") == []


@pytest.mark.parametrize("text", ["à\x80\x80", "说话(huà)……", "à\x85\x85"])
def test_latin1_runs_that_look_like_utf8_but_are_not_well_formed_are_no_crash(text):
    # E0 80 80 / E0 85 85 are overlong forms: they matched the UTF-8 pattern and failed to decode
    # (found by the fuzz test, and by dedupe --keep best at 200,000 documents)
    found = lint_text(text, select=["KJ4"])  # raised UnicodeDecodeError
    assert all(f.code != "KJ405" for f in found)  # and none of them is read as UTF-8 mojibake


def punctuation_shifted(sentence: str, at: int) -> str:
    """`sentence` (GBK) after the first byte of the punctuation mark at `at` was written as `?`,
    as a page shows it: full-width marks printed as ASCII."""
    data = sentence.encode("gbk")
    pos = len(sentence[:at].encode("gbk"))
    out = (data[:pos] + b"?" + data[pos + 1:]).decode("gbk", errors="replace")
    return out.translate({ord(c) + 0xFEE0: c for c in "!,;:?()"})


@pytest.mark.parametrize("sentence, at, garbage, reading", [
    ("為全面建設提供了強大的思想保證。現總結匯報如下：", 15, "?,F", "。現"),
    ("縣域治理是國家治理的重要組成部分。縣域經濟治理與國家層面不同。", 16, "??h", "。縣"),
    ("這是工作的主幹。總結工作的目的是提高工作水平。", 7, "??偨Y", "。總結"),
])
def test_a_punctuation_mark_that_lost_its_first_byte_is_byte_shift(sentence, at, garbage, reading):
    text = punctuation_shifted(sentence, at)
    assert garbage in text
    (f,) = [f for f in lint_text(text) if f.code == "KJ404"]
    assert text[f.offset:f.end_offset] == garbage and f"'{reading}'" in f.message and f.fix is None


@pytest.mark.parametrize("text", [
    "真的完成了吗?!我们还要继续努力。",
    "要不要申报?,由企业自己决定。",
    "人員(rén yuán)到位了嗎?y",  # a letter after a question, no garbage
    "网址是 www.example.cn/a?F=1 ，欢迎访问。",
])
def test_question_marks_before_marks_and_letters_are_not_punctuation_shift(text):
    assert "KJ404" not in codes(text)


@pytest.mark.parametrize("text", [
    "你们吃饭了吗?我们吃过了?好的。",  # questions, one after 吗
    "这是为什么?怎么办?我们要想办法。",
    "那么总结有什么格式呢?下面是小编收集整理的范文。",
    "2021年8月上旬完成，20218名群众参加。",
])
def test_questions_and_whole_dates_are_no_lost_characters(text):
    assert "KJ412" not in codes(text)


def test_implausible_characters_after_a_mark_that_follows_the_question_mark_are_byte_shift():
    """提升。“十四五”時期 lost a punctuation mark's first byte and more: no realignment reads, but
    the characters after the shifted mark are no Chinese."""
    text = "自然灾害防治能力大幅提升?!笆奈濉薄笆逦濉睍r期，重点任务。\n"
    (f,) = [f for f in lint_text(text) if f.code == "KJ404"]
    assert text[f.offset:f.end_offset] == "?!笆奈濉薄笆逦濉睍" and f.fix is None
    assert "KJ404" not in codes("这项工作完成得怎么样?!我们还要继续努力。\n")


def test_a_pinyin_annotation_closed_after_a_space_is_one_too():
    text = "深入貫徹黨的十九屆二中全會(huì )精神，建設社會(huì )主義現代化國家。\n"
    found = [f for f in lint_text(text) if f.code == "KJ403"]
    assert found and found[0].message.startswith("2 pinyin")
    fixed, _ = apply_fixes(text, [f.fix for f in found])
    assert fixed == "深入貫徹黨的十九屆二中全會精神，建設社會主義現代化國家。\n"


@pytest.mark.parametrize("text, lost", [
    ("我们坚持以理论和?三个代表?重要思想为指导。", "?三个代表?"),  # quotation marks
    ("全力实施?生态立县、工业强县?发展战略。", "?生态立县、工业强县?"),
    ("调研组于20218月上旬到各县开展调研。", "20218月"),  # a year's character lost
    ("一、构建社区基层组织建设的新格??\n镇党委制定了方案。", "??"),
    ("统??计\n1. 报刊转载情况", "统??计"),
    ("——2018724日在市第十三届人民代表大会上", "2018724日"),
    ("——2021年1228日在县人民代表大会上", "1228日"),
    ("按照《法治政府建设实施纲要(20212025年)》要求。", "20212025年"),
    ("這部片子我在初中讀書的時候?qū)W校曾組織觀看過。", "?qū)"),
    ("三次产业比重由去年的19.4922.2658.25调整为18.36。", "19.4922.2658.25"),  # table cells run together
    ("两项指标分别为6.12345.8和3.1。", "6.12345.8"),
])
def test_characters_lost_around_question_marks_and_in_dates_and_quotation_marks(text, lost):
    found = [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == "KJ412"]
    assert found == [lost]


@pytest.mark.parametrize("text", [
    "这项工作到底怎么办??大家商量。\n",
    "真的完成了吗??我们还要努力。",
    "继续实施瀛︽牎寤鸿??工程，推进教育均衡发展。",  # ?? inside mojibake: KJ407's
    "全年365日值守，2021年12月28日通过，一年3日休假。",
    # an outline's numbers, a date, an address, a version: no decimals run together
    "1.1.2 安全工作总结的内容\n2023.01.05印发，服务器192.168.1.10，版本V2.3.1，增长12.5%。",
])
def test_doubled_question_marks_of_questions_and_whole_dates_are_whole(text):
    assert "KJ412" not in codes(text)


def test_a_date_that_lost_its_month_mark_without_a_year_before_it():
    """Four digits that read as a month and a day before 日: 月 was lost (公路1218日正式动工); a
    count of days is not."""
    text = "关于重点项目的通报\n公路1218日正式动工。\n"
    assert [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == "KJ412"] == ["1218日"]
    counts = "关于办理期限的通知\n自受理之日起1230日内办结，期限为1120日，历时1212日，共1020日。\n"
    assert [f for f in lint_text(counts) if f.code == "KJ412"] == []


def test_list_numbers_glued_to_the_figures_opening_their_items():
    """1、180项 / 2、87项 / 3、69项 read as 1180项 / 287项 / 369项: the leading digits run 1, 2, 3."""
    text = "全年重点项目进展顺利。\n1180项在建项目完成投资。\n\n287项新开工项目完成投资。\n  369项预备项目稳步推进。\n"
    found = [f for f in lint_text(text) if f.code == "KJ414"]
    assert [text[f.offset:f.end_offset] for f in found] == ["1180", "287", "369"]
    fixed, _ = apply_fixes(text, [f.fix for f in found])
    assert "1、180项" in fixed and "2、87项" in fixed and "3、69项" in fixed
    # two items, dates, whole numbers (10个, 20家) and a run that does not start at 1
    for clean in ("1180项在建。\n287项新开工。\n", "12月完成。\n25日开工。\n31日验收。\n",
                  "10个项目。\n20家企业。\n30所学校。\n", "287项新开工。\n369项预备。\n412项储备。\n"):
        assert [f for f in lint_text(clean) if f.code == "KJ414"] == [], clean


def test_a_year_run_into_the_month_whatever_follows_the_month():
    """20193月正式挂牌成立: a year and a month glued, 年 lost, before any text (not only before a
    day or a clause mark); five or six digits before 月 are never a count in official prose."""
    text = "关于机构改革的情况说明\n县应急管理局于20193月正式挂牌成立，202211月起承担全县应急救援职责。\n"
    assert [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == "KJ412"] == ["20193月", "202211月"]
    clean = "关于机构改革的情况说明\n2022—2023学年共20193人次参加培训，2023年1—5月累计完成，2019年3月挂牌。\n"
    assert [f for f in lint_text(clean) if f.code == "KJ412"] == []


def test_figures_doubled_by_a_pdfs_bold_text():
    """A PDF's bold or shadowed figures extracted twice (（2 2 分）, （1 1 ）, 2 2 、勤): the same figure,
    a blank between, in a bracket or as a heading's number at a line's start."""
    text = ("公务员考核实施方案\n考核分德、能、勤、绩、廉五项。\n1 1 、能（10 分）\n"
            "(1 1 )政策理论水平(2 2 分):熟悉本职工作。\n(12 12 )文字表达能力（3 3 分）\n")
    found = [text[f.offset:f.end_offset].strip() for f in lint_text(text) if f.code == "KJ415"]
    assert found == ["1 1", "1 1", "2 2", "12 12", "3 3"]
    clean = ("公务员考核实施方案\n1、能（10 分）\n(1)政策理论水平（1 2 分）\n（2 个）项目，第1 1项，"
             "(2)业务工作能力(2分)\n1 2 、勤\n")
    assert [f for f in lint_text(clean) if f.code == "KJ415"] == []
    # a Word file holds what its writer typed
    doc = Document("考核方案\n(1 1 )政策理论水平(2 2 分)\n", "x.docx", source_format="docx")
    assert [f for f in lint_document(doc) if f.code == "KJ415"] == []


def test_a_month_span_a_percentage_and_quotation_marks_damaged_in_a_conversion():
    """20084-6月 (a year run into a span of months), 20.4%36-60岁 (a percentage run into the figure after
    it), &党要管党、从严治党& (quotation marks read as bare ampersands): KJ412, not in clean text."""
    text = ("关于社区物业的调查\n受委托，20084-6月开展专题调查。35岁及以下的占20.4%36-60岁的占73.5%，分别占29.1%45.6%。\n"
            "要落实&党要管党、从严治党&要求，履行&一岗双责&责任。\n")
    found = [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == "KJ412"]
    assert found == ["20084-6月", "%", "%", "&党要管党、从严治党&", "&一岗双责&"]
    clean = ("关于社区物业的调查\n2008年4-6月开展调查，占20.4%、36-60岁的占73.5%，R&D经费增长2.1%，"
             "“党要管党、从严治党”要求，A&B两类，增长3.6%38个大类增长。\n")
    assert [f for f in lint_text(clean) if f.code == "KJ412"] == []


def test_a_word_cut_by_a_line_end_in_a_text_of_paragraphs_a_line_each():
    """…县域经济的发 / 展。 and …思想为指 / (blank line) / 导，: the next line opens with a word's tail that
    ends a clause at once, in a text whose paragraphs are a line each. A label's line (…会议上 / 来源：…),
    a heading, and a page laid out in wrapped lines (_hard_wrap_breaks's) are left alone."""
    text = ("关于加快县域经济发展的报告\n去年初，省委、省政府召开了全省县域经济工作会议，有力地推动了县域经济的发\n"
            "展。各级政府充分认识加快发展的重要性。\n坚持以习近平新时代中国特色社会主义思想为指\n\n 导，坚持防汛与抗旱并举。\n")
    found = [f for f in lint_text(text) if f.code == "KJ413"]
    assert [(f.line, text[f.offset:f.end_offset].replace("\n", "/")) for f in found] == [(2, "发/展"), (4, "指// 导")]
    label = "政府工作报告\n——2026年1月在省第十四届人民代表大会第四次会议上\n来源：省政府网站\n各位代表：现在向大会报告工作。\n"
    assert [f for f in lint_text(label) if f.code == "KJ413"] == []
    from kjlint.checks.encoding import _cut_word_breaks
    from kjlint.checks.structure import heading_level

    wrapped = "关于乡村振兴的调研报告\n" + "".join(
        f"第{i}段山区乡村振兴工作取得显著成效，特色农业、林业和旅游业等产业得到了快速发\n展，农民生活质量进一步提高，基础设施得到了全面覆盖和\n提升，乡村面貌焕然一新，群众的获得感不断增强起\n来。\n"
        for i in range(1, 3))
    assert len(_cut_word_breaks(Document(text, "x.txt"), heading_level)) == 2
    assert _cut_word_breaks(Document(wrapped, "x.txt"), heading_level) == []


def test_kj412_year_before_the_period_or_report_it_names_lost_its_nian():
    """A year glued to the period or the report it names has lost its 年 (`镇长2023工作总结`,
    `2020上半年`, `2022全年开展`): KJ412 at the year. A range, a date, a school year, a count before
    its measure word, a name in quotes and an event's name are written so on purpose."""
    text = ("镇长2023工作总结\n关于2022乡镇疫情防控工作情况的报告\n2022全年开展执法检查4次，"
            "对2016上半年的工作计划进行部署。")
    found = [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == "KJ412"]
    assert found == ["2023", "2022", "2022", "2016"]
    clean = ("2022年度工作总结\n承办2025全球工业互联网大会，编制2026—2030年发展规划，2018学年度第一学期"
             "新建户厕2000余个，实施“2030启航计划”，2018-04-05 工作计划范文，2025人参加总结大会。")
    assert [clean[f.offset:f.end_offset] for f in lint_text(clean) if f.code == "KJ412"] == []
