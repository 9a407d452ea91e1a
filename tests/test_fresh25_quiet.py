"""What fresh25 and fresh25b (session 25's independent scraped pages) showed at their first
runs, each a mechanism. Invented text."""
from __future__ import annotations

from kjlint.engine import lint_text


def codes(text: str, prefix: str = "KJ") -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in lint_text(text) if f.code.startswith(prefix)]


def test_township_finance_is_a_word_not_a_deleted_name():
    """fresh25 p012: 关于乡财政体制改革 (乡财政); 关于镇平安建设 is still a town's name deleted."""
    text = "区政府常务会议纪要\n会议听取了区财政局关于乡财政体制改革、上半年财政收支情况的汇报。\n"
    assert not [c for _, c in codes(text, "KJ207")]
    assert [c for _, c in codes(text.replace("关于乡财政体制改革", "关于镇平安建设工作"), "KJ207")]


DISCLOSURE = ("区政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息120条。\n二、主动公开政府信息情况\n"
              "三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
              "申请人情况 |\n自然人 |\n法人或其他组织 |\n商业企业 |\n科研机构 |\n|||||\n"
              "一、本年新收政府信息公开申请数量 |\n3 |\n0 |\n0 |\n二、上年结转政府信息公开申请数量 |\n0 |\n0 |\n0 |\n"
              "四、政府信息公开行政复议、行政诉讼情况\n全年未发生行政复议和行政诉讼。\n")


def test_the_rows_of_a_table_read_as_lines_are_no_outline():
    """fresh25 p025: a disclosure report's table, a cell a line, its rows numbered 一、二、 under 三、."""
    assert not [c for _, c in codes(DISCLOSURE, "KJ50")]
