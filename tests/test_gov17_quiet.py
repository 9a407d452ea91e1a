"""Clean official texts kept quiet (issue #11: at most 0.5 findings per 10,000 characters of
government prose): what session 17's government pages from portals nobody had used showed
(fixtures/devsets/gov17: a portal's metadata panel in cells with its keys in brackets, given in
traditional script too; a statistics bureau's headline naming the bureau; a 预案's list of the laws
it rests on, a citation's note in brackets; a 统计分析 whose paragraphs' indent a conversion turned
into question marks; a law database's bulleted list of a text's attributes). Every text here is
invented in the shape of those pages."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text


def found(text: str, select: tuple[str, ...]) -> list[tuple[str, int, str]]:
    return [(f.code, f.line, text[f.offset:f.end_offset]) for f in lint_text(text, "page.txt", select=list(select))]


# -- a portal's metadata panel in cells, each key in brackets: every row is the page's -------

PANEL = """| [ 索引号 ] | 11500000000000000X/2024-00012 | [ 发文字号 ] | 无 |
| [ 主题分类 ] | 农业 | [ 体裁分类 ] | 工作总结 |
| [ 发布机构 ] | 某某县农业农村委 | ||
| [ 成文日期 ] | 2024-03-02 | [ 发布日期 ] | 2024-03-02 |
某某县农业农村委2023年工作总结
2023年,我委围绕乡村振兴中心任务,扎实推进各项工作,取得了明显成效。
一、粮食生产稳中有增
全年粮食播种面积稳定在30万亩以上,总产量达到12万吨。
"""


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_every_row_of_a_panel_with_bracketed_keys_is_the_pages(script):
    text = PANEL
    if script == "traditional":
        text = (text.replace("索引号", "索引號").replace("发文字号", "發文字號").replace("主题分类", "主題分類")
                .replace("体裁分类", "體裁分類").replace("发布机构", "發布機構").replace("发布日期", "發布日期"))
    rows = {line for code, line, _ in found(text, ("KJ601", "KJ609"))}
    assert rows == {1, 2, 3, 4}


# -- a headline the bureau speaks, its figure in it, over the page's source line ----------------

def test_a_headline_naming_the_organ_that_speaks_is_the_title_not_a_panel_row():
    text = ("某某市统计局:一季度全市地区生产总值同比增长5.2%\n来源:某某市统计局 2024年4月19日 字号:大 中 小\n"
            "一季度,全市经济运行开局良好,主要指标好于预期。\n初步核算,一季度全市地区生产总值1200亿元。\n")
    assert [(c, line) for c, line, _ in found(text, ("KJ601", "KJ609"))] == [("KJ601", 2)]


def test_a_field_with_its_value_over_the_source_line_is_still_the_panels():
    text = ("发布机构:某某市统计局\n来源:某某市统计局 2024年4月19日 字号:大 中 小\n"
            "一季度,全市经济运行开局良好,主要指标好于预期。\n初步核算,一季度全市地区生产总值1200亿元。\n")
    assert {line for _, line, _ in found(text, ("KJ601", "KJ609"))} == {1, 2}


# -- a list of the laws a 预案 rests on, a citation's note in brackets ------------------------------

BASIS = """1.2 编制依据
1.《中华人民共和国安全生产法》(主席令第13号)
2.《某某省安全生产条例》(省人大常委会公告第39号)
3.《生产安全事故应急预案管理办法》(原国家安全生产监督管理总局令第88号,应急管理部令第2号修改)
4.《某某省突发事件预警信息发布管理办法》(某政办发〔2015〕149号)
5.《某某市突发公共事件总体应急预案》(某政办发〔2015〕44号)
1.3 适用范围
本预案适用于本市行政区域内发生的生产安全事故。
"""


def test_a_laws_title_after_one_whose_note_has_a_comma_is_no_empty_heading():
    assert found(BASIS, ("KJ303",)) == []


def test_an_item_with_its_text_run_in_still_makes_a_bare_sibling_an_empty_heading():
    text = ("一、工作措施\n1.加强组织领导。成立工作专班,明确责任分工,定期调度工作进展。\n2.强化督导检查\n"
            "3.严格考核问责。对工作不力的单位予以通报批评。\n二、工作要求\n各单位要高度重视。\n")
    assert [(c, line) for c, line, _ in found(text, ("KJ303",))] == [("KJ303", 3)]


# -- question marks where a conversion lost a paragraph's indent ------------------------------------

def test_numbering_behind_question_marks_of_a_lost_indent_counts():
    text = ("2023年上半年经济运行情况\n上半年,全区经济保持稳定增长态势。\n"
            "????一、经济增长速度保持前列。上半年全区实现地区生产总值453.7亿元、增长6.1%。\n"
            "二、工业经济回升态势明显。上半年规上工业增加值增长6.8%。\n")
    assert found(text, ("KJ502",)) == []


def test_a_real_gap_is_still_reported_behind_question_marks():
    text = ("2023年上半年经济运行情况\n上半年,全区经济保持稳定增长态势。\n"
            "????一、经济增长速度保持前列。上半年全区实现地区生产总值453.7亿元、增长6.1%。\n"
            "三、工业经济回升态势明显。上半年规上工业增加值增长6.8%。\n")
    assert [(c, line) for c, line, _ in found(text, ("KJ502",))] == [("KJ502", 4)]


# -- a law database's bulleted list of a text's attributes -----------------------------------------

ATTRIBUTES = """- 【发布单位】81201
- 【发布文号】--
- 【发布日期】1992-10-24
- 【失效日期】--
- 【文件来源】
- 【所属类别】地方法规
某某省实施办法
第一条 根据有关法律的规定,结合本省实际情况,制定本办法。
"""


def test_bulleted_attributes_with_their_values_are_no_template_slots():
    assert found(ATTRIBUTES, ("KJ205",)) == []


def test_a_bulleted_slot_left_empty_is_still_one():
    text = "- 【单位名称】\n- 【联系电话】\n某某单位工作总结\n今年以来,我单位扎实推进各项工作。\n"
    assert [p for _, _, p in found(text, ("KJ205",))] == ["【单位名称】", "【联系电话】"]


# -- items dated by a year right after their number: 1.2020年6月11日前… --------------------------

def test_items_opening_with_a_year_after_their_number_are_items_1_and_2():
    text = ("某某区2020年秋期招生工作方案\n一、招生对象\n根据有关规定,招生对象如下:\n"
            "1.2020年6月11日前,户籍在本区的适龄儿童少年;\n2.2020年6月11日前,在本区购买商品住宅的房屋产权人子女;\n"
            "3.具有本区有效期内居住证的随迁子女。\n二、招生时间\n报名时间另行通知。\n")
    assert found(text, ("KJ502", "KJ503")) == []


def test_a_decimal_figure_after_a_number_is_still_no_item():
    text = ("某某区工作情况\n一、主要指标\n全年增长情况如下:\n1.5亿元用于道路建设。\n3.其他资金用于绿化。\n")
    assert [(c, p) for c, _, p in found(text, ("KJ502",))] == [("KJ502", "3.")]


# -- a table numbering its rows under its header, cut after its first row ------------------------

def test_a_header_row_over_row_1_closed_by_a_bar_is_a_table_not_the_pages_panel():
    text = ("根据有关规定,我局受理4个建设项目环境影响评价文件。现将受理情况予以公告。\n"
            "联系电话:0818-8222502。\n"
            "序号 | 项目名称 | 建设 地点 | 建设 单位 | 环境影响评价机构 | 类别 | 受理 时间 |\n"
            "1 | 某某县某某河山洪沟治理工程\n|\n")
    assert found(text, ("KJ601", "KJ609")) == []


def test_a_lone_bar_under_prose_is_still_the_pages_frame():
    text = ("根据有关规定,我局受理4个建设项目环境影响评价文件。现将受理情况予以公告。\n"
            "公示期为5个工作日。\n|\n")
    assert [(c, p) for c, _, p in found(text, ("KJ601",))] == [("KJ601", "|")]


def test_attachments_listed_from_1_on_the_label_line_dated_by_their_year():
    text = ("某某县人民政府办公室关于印发2025年重点工作任务分解的通知\n各乡镇人民政府,县直各单位:\n"
            "一、提高站位,压实责任。各单位要高度重视。\n二、强化调度,确保实效。各单位要按期完成。\n"
            "附件:1.2025年县《政府工作报告》任务清单\n2.2025年十五件民生实事任务分解\n3.2025年县政府重点工作备忘录任务分解\n"
            "某某县人民政府办公室\n2025年5月18日\n")
    assert found(text, ("KJ502", "KJ503")) == []
