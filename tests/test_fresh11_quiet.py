"""Clean official texts kept quiet (issue #11): what session 16's independent pages set fresh11
showed as false alarms on government pages (fixtures/devsets/fresh11: a statistics table given one
cell per line with a lone `|` after each cell, a survey form's required fields marked `*`). Every
text here is invented in the shape of those pages."""
from __future__ import annotations

from kjlint.engine import lint_text


def found(text: str, select: tuple[str, ...]) -> list[tuple[str, int, str]]:
    return [(f.code, f.line, text[f.offset:f.end_offset]) for f in lint_text(text, "page.txt", select=list(select))]


# -- a table given one cell per line, a lone `|` after each cell ------------------------------

def _cells(*cells: str) -> str:
    return "".join(f"{c}\n|\n" for c in cells)


TABLE = ("经初步核算,全年全镇完成农业总产值18.6亿元,比上年增长4.2%,其中粮食产量保持稳定。\n"
         "2023年全镇主要农业指标\n"
         + _cells("单位:万吨", "项 目", "产量", "比上年增长%", "粮食", "12.3", "2.1",
                  "蔬菜", "36.8", "5.4", "水果", "8.9", "-1.3"))


def test_a_table_given_one_cell_per_line_keeps_its_bars_and_cells():
    assert found(TABLE, ("KJ601", "KJ609", "KJ207")) == []


def test_lone_bars_between_a_menus_words_are_still_furniture():
    # no quantity among the short lines: a site's menu drawn one item per line, not a table
    text = ("首页\n|\n新闻中心\n|\n政务公开\n|\n办事服务\n|\n互动交流\n|\n"
            "某某镇2023年工作总结\n全年完成招商引资项目12个,总投资8亿元。\n各项工作稳步推进,成效明显。\n")
    assert [p for c, _, p in found(text, ("KJ601",)) if c == "KJ601"].count("|") >= 4


def test_a_percentage_deleted_in_prose_is_still_reported():
    text = "某某镇2023年工作总结\n全年完成地区生产总值18.6亿元,同比增长%,增速位居全县第一。\n"
    assert [(c, p) for c, _, p in found(text, ("KJ207",))] == [("KJ207", "%")]


# -- a survey form's required fields marked `*` -----------------------------------------------

FORM = """某某县人民政府
关于某某政策的意见征集
为了解社会公众对政策执行效果的评价,请您对该政策提出宝贵的意见或建议。
  • 姓  名:

  • 联系电话:

  • *意见内容:

  • *验 证 码:
"""


def test_a_forms_required_field_mark_is_no_mask():
    assert found(FORM, ("KJ202",)) == []


def test_an_asterisk_masking_a_name_before_a_colon_is_still_reported():
    text = "某某县2023年工作总结\n张*明同志:\n全年完成招商引资项目12个,成效明显。\n"
    assert [c for c, _, _ in found(text, ("KJ202",))] == ["KJ202"]


def test_a_columns_head_closing_with_percent_in_such_a_table_is_no_deleted_figure():
    assert found(TABLE, ("KJ207",)) == []
    rows = "指标 | 产量 | 比上年增长% |\n粮食 | 12.3 | 2.1 |\n蔬菜 | 36.8 | 5.4 |\n"
    assert found("2023年全镇主要农业指标\n" + rows, ("KJ207",)) == []


# -- a title shown twice whose length or question mark reads it as a sentence ------------------

def test_a_question_title_shown_again_at_the_top_is_the_repeated_title():
    text = ("2024年元旦放假安排公布了吗?具体放假时间是什么?\n"
            "作者:佚名|分类:生活问答|浏览:231|发布时间:2023-12-20\n"
            "2024年元旦放假安排公布了吗?具体放假时间是什么?\n"
            "根据国务院办公厅发布的通知,2024年元旦放假时间为12月30日至1月1日,共3天。各单位要妥善安排值班工作。\n")
    assert [(c, ln) for c, ln, _ in found(text, ("KJ101", "KJ607"))] == [("KJ607", 3)]


LONG_TITLE = ("某某县人民检察院关于贯彻执行《领导干部干预司法活动、插手具体案件处理的记录、通报和责任追究规定》"
              "和《司法机关内部人员过问案件的记录和责任追究规定》的实施细则(试行)")


def test_a_long_title_shown_again_and_quoted_by_the_text_is_reported_once_as_a_title():
    text = (f"{LONG_TITLE}\n{LONG_TITLE}\n某某县人民检察院\n"
            "为认真贯彻执行《领导干部干预司法活动、插手具体案件处理的记录、通报和责任追究规定》"
            "和《司法机关内部人员过问案件的记录和责任追究规定》,结合本院工作实际,制定本细则。\n"
            "第一条 本院检察人员应当严格遵守上述规定,如实记录有关情况。\n")
    assert [(c, ln) for c, ln, _ in found(text, ("KJ101", "KJ103", "KJ607"))] == [("KJ607", 2)]


def test_a_first_paragraph_pasted_twice_is_still_a_duplicate_paragraph():
    para = "今年以来,我镇认真贯彻落实县委县政府各项决策部署,全面推进各项工作,取得了明显成效。"
    text = f"{para}\n{para}\n一、主要工作\n全年完成招商引资项目12个,总投资8亿元。\n"
    assert [c for c, _, _ in found(text, ("KJ101", "KJ607"))] == ["KJ101"]


# -- a news page's summary box above the story it sums up ---------------------------------------

def test_a_core_summary_box_is_the_sites_and_the_story_under_it_no_repeat():
    lead = "昨日下午,市妇联召开执委扩大会议,研究部署今年任务,引领广大妇女建功新时代,在新的实践中奉献巾帼力量"
    text = (f"引领巾帼力量建功新时代\n\n核心提示: {lead}。\n\n引领巾帼力量建功新时代\n\n"
            f"本报讯 {lead},会议由市妇联主席主持。\n\n过去一年,全市各级妇联组织紧紧围绕市委部署,锐意进取、主动作为。\n")
    got = found(text, ("KJ103", "KJ601", "KJ607"))
    assert [(c, ln) for c, ln, _ in got] == [("KJ601", 3), ("KJ607", 5)]
    assert got[0][2].startswith("核心提示:")


# -- a page's first line of keywords strung by `_` ------------------------------------------------

def test_a_first_line_of_keywords_strung_by_underscores_is_the_sites_and_holds_no_blank():
    # (an injected spammer's phrases, none of them a word a rule knows)
    text = ("亚洲综合色亚洲综合色_欧美一区二区三区免费看_日韩高清视频在线观看_天天综合网国产精品\n"
            "某某县发展改革委2023年工作总结\n全年完成固定资产投资86亿元,同比增长6.5%。\n")
    got = found(text, ("KJ601", "KJ203"))
    assert [(c, ln) for c, ln, _ in got] == [("KJ601", 1)]


def test_an_underscore_blank_in_the_texts_first_line_is_still_a_blank():
    text = "某某县2023年工作总结\n全年新增就业____人,完成招商引资项目12个。\n"
    assert [c for c, _, _ in found(text, ("KJ601", "KJ203"))] == ["KJ203"]


# -- a word ending in 到 before a figure's 的 ---------------------------------------------------

def test_a_verb_ending_in_dao_before_a_figure_is_no_deleted_time():
    text = "某某街道2023年工作总结\n组织到社区报到的256名在职党员参加志愿服务,收到的12份意见全部办结。\n"
    assert found(text, ("KJ207",)) == []


def test_a_time_deleted_between_dao_and_de_is_still_reported():
    text = "某某县2023年工作总结\n全县生产总值由2018年的124亿元提高到的195亿元,年均增长6%。\n"
    assert [(c, p) for c, _, p in found(text, ("KJ207",))] == [("KJ207", "的")]


# -- a `?` that stands for a lost character before its pinyin gloss ------------------------------

def test_a_question_mark_before_a_pinyin_gloss_is_a_lost_character_no_cut_word():
    text = ("2020年脫貧攻堅(jiān)工作紮實推進,全年完成各項任務。對於脫貧攻?jiān)工作來說,這是一道加試題,"
            "我們必須保證貧困戶如期脫貧。\n各項工作穩步推進。\n")
    assert found(text, ("KJ305",)) == []


# -- the title again between a heading and its first subheading --------------------------------

def test_the_title_again_between_a_heading_and_its_first_subheading_is_a_running_head():
    text = ("某某区教育局2021年工作总结\n2021年,区教育局在区委、区政府的正确领导下,各项工作取得新成效。\n"
            "一、抓党建聚人心,发展保障进一步夯实\n某某区教育局2021年工作总结\n"
            "(一)党建品牌持续深化。深入开展党史学习教育,组织专题学习12次。\n"
            "(二)队伍建设不断加强。全年培训干部教师3000余人次。\n"
            "二、抓改革促发展,办学水平进一步提升\n(一)学前教育普惠发展。新建幼儿园3所。\n")
    assert found(text, ("KJ502", "KJ503", "KJ504")) == []


def test_a_second_copy_under_the_title_again_still_starts_over():
    body = "(一)党建品牌持续深化。深入开展党史学习教育,组织专题学习12次。\n"
    text = (f"某某区教育局2021年工作总结\n一、抓党建聚人心\n{body}二、抓改革促发展\n"
            f"某某区教育局2021年工作总结\n一、抓党建聚人心\n{body}二、抓改革促发展\n")
    assert [c for c, _, _ in found(text, ("KJ502", "KJ503", "KJ504"))] == []


# -- a page cut off mid-sentence on a line that reads like a title --------------------------------

def test_a_last_line_cut_off_is_no_document_spliced_on():
    text = ("【工作总结的格式】\n工作总结的基本格式有三种,其中常用的有两种,各有所长,使用时要根据实际情况加以选择。\n"
            "(一)三段式:\n第一部分是基本情况,写明一年来做了哪些工作,取得了哪些成绩。\n"
            "第二部分是存在的问题,要实事求是地分析原因,不回避矛盾。\n第三部分是下一步打算,要具体可行。\n"
            "(二)多段式:\n目前有两种做法,年度工作总结的时\n")
    assert found(text, ("KJ606",)) == []


def test_a_title_with_its_text_after_a_body_is_still_a_spliced_document():
    body = "今年以来,我局认真贯彻落实上级决策部署,扎实推进各项工作,取得了明显成效。\n"
    text = f"某某局2023年工作总结\n{body * 3}某某镇2023年工作计划\n{body}"
    assert [c for c, _, _ in found(text, ("KJ606",))] == ["KJ606"]
