"""KJ5 structure: numbering hierarchy, 一是 sequences, title and profiles."""
from __future__ import annotations

import pytest

from kjlint.catalog import load_catalog
from kjlint.document import Document
from kjlint.engine import lint_text
from kjlint.checks.structure import cn_number, find_title
from kjlint.ruletypes import Context


def kj5(text: str) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in lint_text(text) if f.code.startswith("KJ5")]


def test_chinese_numbers():
    assert [cn_number(s) for s in ("一", "十", "十二", "二十三", "九十九")] == [1, 10, 12, 23, 99]
    assert cn_number("十十") is None


def test_gap_repeat_and_order_with_both_bracket_widths():
    text = "工作总结\n一、工作情况\n(一)甲\n（四）乙\n二、存在问题\n二、问题分析\n一、下一步计划\n"
    assert kj5(text) == [("KJ502", 4), ("KJ503", 6), ("KJ503", 7)]


def test_lists_restart_under_each_parent():
    text = "工作总结\n一、工作情况\n1、甲\n2、乙\n二、存在问题\n1、丙\n2、丁\n三、下一步计划\n"
    assert kj5(text) == []


def test_level_without_parent_reported_once():
    text = "工作计划\n（一）加强领导\n（二）强化督查\n一、重点任务\n(1)甲\n(2)乙\n"
    assert [c for c in kj5(text) if c[0] == "KJ504"] == [("KJ504", 2), ("KJ504", 5)]


def test_repeated_title_restarts_numbering():
    body = "一、工作情况\n二、存在问题\n三、下一步计划\n"
    assert kj5("县水务局2021年工作总结\n" + body + "县水务局2021年工作总结\n" + body) == []


def test_enumeration_gaps_and_repeats_across_paragraphs():
    text = "工作总结\n一、工作情况\n一是甲。三是乙。\n一是丙。\n二是丁。\n二是戊。\n二、存在问题\n三、下一步计划\n"
    assert kj5(text) == [("KJ505", 3), ("KJ505", 6)]
    assert kj5("工作总结\n一、工作情况\n坚持一是一、二是二。\n二、存在问题\n三、下一步计划\n") == []


def test_missing_title():
    assert ("KJ506", 1) in kj5("一、主要工作\n全年完成任务。\n")
    assert kj5("关于安全生产检查情况的报告\n全年检查12次。\n") == []


@pytest.mark.parametrize("title,profile", [
    ("2020年農業局第三季度工作總結(jié)", "quarterly-summary"),
    ("2023年上半年工作总结", "half-year-summary"),
    ("县水务局2022年工作总结和2023年工作计划", "work-summary"),
    ("2024年镇政府工作要点", "work-plan"),
    ("2023年度个人述职报告", "debriefing-report"),
])
def test_profile_detected_from_title(title, profile):
    doc = Document(f"当前位置：首页 > 范文 > {title}\n{title}\n正文。\n")
    span, found = find_title(doc, Context(load_catalog()))
    assert span is not None and span.text == title and found.name == profile


def test_profile_required_sections():
    text = "2022年度个人述职报告\n一、履职情况\n二、廉洁自律\n"
    assert [f for f in lint_text(text) if f.code == "KJ501"] == []  # off unless the kind is named
    found = [f for f in lint_text(text, profile="debriefing-report") if f.code == "KJ501"]
    assert len(found) == 2  # no 问题/不足 and no 今后努力方向
    found = [f for f in lint_text(text, select=["KJ501"]) if f.code == "KJ501"]
    assert len(found) == 2  # selected by its code: the kind detected from the title


def test_lists_restart_under_articles_and_after_list_introductions():
    text = ("某某管理办法\n第一条 有下列情形之一的：\n（一）甲；\n（二）乙。\n"
            "第二条 按照下列原则管理：\n（一）丙；\n（三）丁。\n"
            "国务院作出了以下规定。\n（一）戊。\n")
    assert kj5(text) == [("KJ502", 7)]


def test_enumerator_alone_on_a_line_continues_the_sequence():
    text = "工作总结\n一、存在问题\n一是\n企业管理落后。\n二是\n结构不合理。\n四是\n投入不足。\n二、下一步计划\n"
    assert [c for c in kj5(text) if c[0] == "KJ505"] == [("KJ505", 7)]


def test_a_heading_with_ji_is_not_a_plan_and_a_heading_names_no_kind():
    text = "县统计局2023年工作总结\n一、主要工作\n二、存在问题\n三、科技统计工作\n"
    found = [f.message for f in lint_text(text, profile="work-summary") if f.code == "KJ501"]
    assert len(found) == 1 and "plan" in found[0]  # 统计 is not 计划
    assert [f for f in lint_text(text.replace("三、科技统计工作", "三、2024年工作谋划"), profile="work-summary")
            if f.code == "KJ501"] == []
    minutes = "一、会议听取了年度工作总结\n二、会议研究了下一步工作\n"
    title, profile = find_title(Document(minutes), Context(load_catalog()))
    assert title is None and profile is None  # the body starts at a heading: no title, no kind


def test_malformed_heading_numbers():
    text = "三)加强队伍建设\n(一)、加强组织领导\n（三加强督查考核\n3.、开展业务培训\n（三）加强队伍建设\n三农工作取得新进展。\n"
    found = [(f.line, text.splitlines()[f.line - 1][:4]) for f in lint_text(text, select=["KJ507"])]
    assert [line for line, _ in found] == [1, 2, 3, 4]


def test_a_table_of_contents_typed_as_text_is_not_read_as_headings():
    toc = "一、总体要求\n二、主要任务\n三、保障措施\n"
    body = "一、总体要求\n坚持稳中求进。\n二、主要任务\n推进重点项目。\n三、保障措施\n加强组织领导。\n"
    with_toc = "某县2024年工作要点\n目 录\n" + toc + body
    assert [f.code for f in lint_text(with_toc, select=["KJ5", "KJ1"])] == []
    # The same entries without the 目录 line are a list followed by a restart: reported.
    assert "KJ503" in [f.code for f in lint_text("某县2024年工作要点\n" + toc + body, select=["KJ5"])]
