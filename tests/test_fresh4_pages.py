"""Mechanisms that the fourth fresh batch of real pages (/tmp/fresh4 g001-g050, not in the
repository) showed missing, on synthetic text: each test fails without its change."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

TITLE = "某县2025年重点工作责任分解方案\n"


def findings(text: str, prefix: str) -> list[tuple[int, str]]:
    """(line, flagged text) of the default rules' findings whose code starts with `prefix`."""
    return [(f.line, text[f.offset:f.end_offset]) for f in lint_text(text) if f.code.startswith(prefix)]


def test_a_year_run_into_its_month_lost_its_year_character():
    text = TITLE + "各单位于20251月20日前报送方案，并于20254月8日前报送进展。\n"
    assert [hit for _, hit in findings(text, "KJ412")] == ["20251月", "20254月"]
    # a year and a date written out, and a count before a month, are whole
    assert findings(TITLE + "各单位于2025年1月20日前报送，共计120份。\n", "KJ412") == []


@pytest.mark.parametrize("text, mask", [
    (TITLE + "固定资产投资比增21.X%，增速较快。\n", "X"),  # a decimal digit masked
    (TITLE + "农民人均纯收入X112元，比上年增长。\n", "X"),  # a figure's first digit masked
    (TITLE + "明大公司投资X00万元的技改项目已投产。\n", "X"),
    (TITLE + "每年开展应急演练不少于[X]次。\n", "[X]"),  # a bracketed X between words
])
def test_a_lone_x_inside_a_figure_is_a_mask(text, mask):
    assert mask in [hit for _, hit in findings(text, "KJ2")]


@pytest.mark.parametrize("text", [
    TITLE + "- [x] 完成方案报送\n",  # a Markdown check box
    TITLE + "采购X100型设备3台，版本为V2.X。\n",  # a model name, a version
])
def test_an_x_that_is_no_digit_is_no_mask(text):
    assert findings(text, "KJ2") == []


@pytest.mark.parametrize("footer", [
    "述职报告范文 | 述职报告开头结尾 | 述职报告模板 | 个人述职报告",  # a bar of links
    "某某研究院主办 | 某某网络信息办公室 主管",  # a site's footer fields
])
def test_a_bar_of_links_or_fields_ending_a_page_is_no_cut_sentence(footer):
    text = TITLE + "各单位要按时报送工作进展，确保各项任务落到实处。\n" + footer + "\n"
    assert findings(text, "KJ302") == []
    # a last sentence that is cut is still found above such a bar
    cut = TITLE + "各单位要按时报送工作进展，确保各项任务落到实处\n" + footer + "\n"
    assert [code for code, _ in findings(cut, "KJ302")]


def test_a_heading_run_onto_a_paragraphs_end_parents_the_list_below_it():
    item = "：我们将加大投入，推动各项工作取得实效，确保全年目标任务全面完成并争取更好成绩"
    text = "\n".join([
        "某区2025年政府工作报告", "一、经济发展目标",
        "1.经济增长" + item + "。", "2.产业发展" + item + "。",
        "3.创新驱动" + item + "。 二、社会发展举措",
        "1.教育培训" + item + "。", "2.医疗卫生" + item + "。",
        "三、环境保护", "1.生态建设" + item + "。", ""])
    assert findings(text, "KJ5") == []


def test_an_item_run_on_after_the_clause_of_the_item_before_it_is_there():
    text = "\n".join([
        "某校教师考核办法", "一、月度考核", "如有下列情形的，实行一票否决：",
        "（1）参与赌博被查处或情节严重；（2）体罚与变相体罚；",
        "（3）以营利为目的的有偿家教；（4）其他违反政策法规的情节。", ""])
    assert findings(text, "KJ5") == []
    # an item missing from the line is still a gap
    assert findings(text.replace("（2）", ""), "KJ502") == [(5, "（3）")]


def test_a_count_deleted_outright_and_a_heading_number_lost_to_its_mark():
    text = TITLE + "全年整治取得实效。\n\n、开展清理整顿专项行动。小组先后次到各镇督查，对违法排污的家企业作出处罚。\n"
    assert [hit for _, hit in findings(text, "KJ207")] == ["次", "家"]
    # the heading's number is gone, its 、 left: a malformed heading number, not a deleted value
    assert [hit for _, hit in findings(text, "KJ507")] == ["、"]
    # a line broken inside a list, 先后次序 and a family's business are whole
    whole = TITLE + "合作国家包括新西兰\n、马来西亚等。按先后次序排队，扶持回乡创业的家庭企业。\n"
    assert findings(whole, "KJ207") == [] and findings(whole, "KJ507") == []


def test_asterisk_masks_on_one_line_are_no_markdown_bold_pair():
    text = TITLE + "根据《中共**县委办公室 **县人民政府办公室关于印发<**>县评价办法>的通知》要求。\n"
    assert len(findings(text, "KJ202")) == 3
    assert findings(TITLE + "一是 **重点工作** 稳步推进。\n", "KJ202") == []


def test_a_government_pages_info_table_and_its_title_broken_over_lines():
    title = "县人民政府办公室关于印发2025年县重点工作责任分解方案的通知"
    page = "\n\n".join([
        "文      号 县政办〔2025〕3号 信息分类: 综合政务", "标     题 " + title, title,
        "发布时间:2025-01-06 10:00 |  来源:县人民政府办公室",
        "县人民政府办公室关于印发2025", "县重点工作责任分解方案的通知",  # 年 lost where the title broke
        "各乡镇人民政府，县直各单位：", "现将方案印发给你们，请认真贯彻执行。"]) + "\n"
    assert [(line, hit[:6]) for line, hit in findings(page, "KJ6")] == [
        (1, "文     "), (3, "标     "), (7, "发布时间:2"), (9, "县人民政府办")]
    # a title broken over lines that words itself otherwise is the document's own
    own = page.replace("\n\n县重点工作责任分解方案的通知\n", "\n\n县重点工作任务分工的通知\n")
    assert own != page
    assert [line for line, _ in findings(own, "KJ607")] == []


def test_a_page_opening_with_a_numbered_section_has_no_title():
    text = "一、述职报告的概念\n述职报告是干部向本单位陈述任职情况的报告。\n二、述职报告的特点\n述职报告重在写实。\n"
    assert findings(text, "KJ506") == [(1, "一、述职报告的概念")]
    assert findings("述职报告的写法\n" + text, "KJ506") == []


def test_a_breadcrumb_written_as_an_ordered_list_is_the_sites():
    text = ("1. 首页\n  2. 年终工作总结\n\n2020年司法工作总结\n\n全年司法工作稳步推进。\n\n"
            "1.深入推进司法体制改革，完善运行机制。\n\n2.加强司法公正教育，提升职业素养。\n")
    assert findings(text, "KJ5") == []
    assert [line for line, _ in findings(text, "KJ601")] == [1, 2]


def test_a_stray_mark_in_place_of_a_list_numbers_bracket():
    text = TITLE + "一、检查内容\n。1)检查教学楼的照明设施和电路。\n。2)检查食堂的卫生情况。\n"
    assert [hit for _, hit in findings(text, "KJ507")] == ["。1)", "。2)"]
    assert findings(TITLE + "一、检查内容\n（1）检查教学楼的照明设施。\n", "KJ507") == []


def test_a_pages_copyright_notice_a_reporters_photo_credit_and_casino_spam_are_furniture():
    text = ("县应急管理局2022年工作总结-九游会官网真人游戏第一品牌\n全年未发生较大以上安全事故。\n"
            "局长接受本报专访。 本报记者王某某 图\n版权声明:本文内容由互联网用户自发贡献\n")
    assert [line for line, _ in findings(text, "KJ601")] == [1, 3, 4]
    # a figure's caption in a report and a report's own section on copyright are the writer's
    own = "县版权局工作总结\n全年查处侵权案件12起，如下图\n七、版权声明工作\n全年办理版权登记300件。\n"
    assert findings(own, "KJ601") == []


def test_a_pages_summary_quoting_its_text_makes_no_repeat_of_the_text():
    opening = ("2015年12月23日至24日，最高人民法院在北京召开第八次全国法院民事商事审判工作会议，"
               "时隔近一年，最高人民法院出台了会议纪要，对审判实践中的若干问题作出规定。")
    page = f"民事审判工作会议初探\n来源:未知 作者:admin 发布时间:2017-03-17\n摘要:{opening}\n{opening}会议纪要共分七个部分。\n"
    assert findings(page, "KJ1") == []
    # the same passage twice in the text itself is still a repeat
    assert [line for line, _ in findings(page.replace("摘要:", "前言："), "KJ1")] == [4]
