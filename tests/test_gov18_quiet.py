"""Clean official texts kept quiet (issue #11: at most 0.5 findings per 10,000 characters of
government prose): what session 18's government pages from portals nobody had used showed
(fixtures/devsets/gov18: a 决算's list of its parts with two blanks after each part's number, a
district council's agenda headed by its meeting's date, hour and place in table rows, an item
dated by a year in Chinese numerals in brackets, a 环评 公示's table of the project's particulars
ending in the date its file was received, a city's rules library listed one numbered row a line) and
one defect they hid (a tax bureau's page that lost every year: 国家税务总局公告年第13号). Every text
here is invented in the shape of those pages."""
from __future__ import annotations

from kjlint.engine import lint_text


def found(text: str, select: tuple[str, ...]) -> list[tuple[str, int, str]]:
    return [(f.code, f.line, text[f.offset:f.end_offset]) for f in lint_text(text, "page.txt", select=list(select))]


# -- a part heading of a 决算's contents, two blanks after 第X部分: no count left blank -------------

def test_blanks_after_a_part_number_are_its_heading_layout_not_a_count_left_blank():
    text = ("某某中心2023年度部门决算目录\n\n第一部分  某某中心概况\n\n第二部分  人员情况\n\n"
            "第五部分  名词解释\n\n一、主要职能\n")
    assert found(text, ("KJ204",)) == []


def test_a_count_left_blank_in_a_sentence_is_still_reported():
    text = "全年共  名干部参加培训,培训合格率100%。\n"
    assert [c for c, _, _ in found(text, ("KJ204",))] == ["KJ204"]


# -- a year in Chinese numerals opening a bracket: no heading number lost its bracket -----------

def test_a_bracketed_year_in_chinese_numerals_is_no_malformed_heading_number():
    text = ("7 |\n批核本会辖下各委员会的增选委员名单\n(二零一八至二零一九年度) (本会文件第4/2018号) |\n"
            "(一九九八年度工作计划)\n")
    assert found(text, ("KJ507",)) == []


def test_a_heading_number_without_its_closing_bracket_is_still_reported():
    assert [c for c, _, _ in found("（三加强督查考核\n", ("KJ507",))] == ["KJ507"]


# -- a meeting's date and hour beside its place: the agenda's particulars, no page stamp ---------

AGENDA = """某区议会第十二次会议
日期: | 2018-01-04 (星期四) |
时间: | 下午2时30分 |
地点: |
某某道38号 政府大楼14楼 区议会会议室 |
议程 | 讨论时间 | |
1 |
通过会议议程
|
|
2 |
通过上次会议纪录
|
(约1分钟) |
3 |
主席报告
|
(约1分钟) |
4 |
某某项目简介
(本会文件第7/2018号) |
(约53分钟) |
"""


def test_an_agendas_date_and_hour_beside_its_place_are_the_agendas():
    assert found(AGENDA, ("KJ601", "KJ609")) == []
    traditional = AGENDA.replace("时间", "時間").replace("地点", "地點").replace("议", "議").replace("会", "會")
    assert found(traditional, ("KJ601", "KJ609")) == []


def test_a_pages_date_field_without_a_place_is_still_its_stamp():
    text = "某区召开安全生产工作会议\n日期: 2018-01-04\n1月4日,某区召开安全生产工作会议,部署今冬明春安全生产工作。\n"
    assert [(c, line) for c, line, _ in found(text, ("KJ601", "KJ609"))] == [("KJ601", 2)]


# -- a 公示's table of particulars, one row per line: the document's table, no portal panel --------

NOTICE = """根据有关规定,我局于2026年3月4日受理下列建设项目环境影响评价文件,现予公开,征求公众意见。
联系电话:0633-0000000
通讯地址:某某市生态环境局某某分局
项目名称 | 年产10万立方米新型建筑木结构材料项目 |
环评报告书(表) | 某某有限公司年产10万立方米新型建筑木结构材料项目 |
建设地点 | 某某县某某镇工业聚集区某某南路(206国道)以西、某某路以北 |
建设单位 | 某某有限公司 |
环境影响评价机构 | 某某环保科技有限公司 |
受理日期 | 2026-3-4 |
备注 |
"""


def test_a_table_of_a_projects_particulars_is_the_documents():
    assert found(NOTICE, ("KJ601", "KJ609")) == []


def test_a_portal_panel_under_its_known_keys_is_still_the_pages():
    text = """发布机构 | 某某市生态环境局某某分局 |
发布日期 | 2026-03-04 |
标题 | 关于某某有限公司年产10万立方米新型建筑木结构材料项目环境影响评价文件受理情况的公示 |
根据有关规定,我局于2026年3月4日受理下列建设项目环境影响评价文件,现予公开,征求公众意见。
"""
    assert {line for _, line, _ in found(text, ("KJ601", "KJ609"))} >= {1, 2}


# -- a 公告's number whose year was deleted (a page that lost every year: 税总发〔〕58号 beside it) ----

def test_a_notices_number_without_its_year_is_a_deleted_value():
    text = ("办理依据:《国家税务总局关于调整增值税纳税申报有关事项的公告》(国家税务总局公告年第27号)、"
            "《关于全面推进政务公开工作的意见》(税总发〔〕50号)。\n")
    assert [(c, t) for c, _, t in found(text, ("KJ207",))] == [("KJ207", "年"), ("KJ207", "〔〕")]


def test_a_notices_number_with_its_year_is_kept():
    assert found("(国家税务总局公告2016年第27号)\n本公告自2016年5月1日起施行。\n", ("KJ207",)) == []


# -- a list of a government's rules, one numbered row a line: no sentence runs on between rows ---

def test_rows_numbered_in_turn_are_no_sentence_broken_over_a_line_end():
    text = ("序号标题下载\n"
            "1 (2019年9月19日市政府令第1号公布  根据2021年2月22日第一次修订) 下载文字版 下载图片版\n"
            "2 (2019年12月12日市政府令第2号公布  自2020年1月12日起施行) 下载文字版 下载图片版\n"
            "3 (2021年2月22日市政府令第3号公布  自2021年3月24日起施行) 下载文字版 下载图片版\n")
    assert found(text, ("KJ413",)) == []


def test_a_wrapped_paragraph_is_still_broken_where_a_figure_opens_the_next_line():
    text = ("全年共开展安全生产检查行动,累计检查各类企业和经营场所,出动执法人员\n"
            "8000余人次,排查整改各类隐患问题,推动全县安全生产形势持续稳定向好发\n"
            "展,群众的安全感和满意度明显提升,各项工作取得了较好的成效和进展。\n")
    assert [c for c, _, _ in found(text, ("KJ413",))] == ["KJ413", "KJ413"]
