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
