"""KJ413 in a text file: one sentence split into lines after each ；, as a sharing site lays out a
report's figures (docs/labeling.md, Decisions: a paragraph split into lines after each ；, one
label per break). A real list (a lead-in, then items of their own) and a paragraph ending a sentence
are left alone. Synthetic text modelled on the lost13 and fresh pages."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

TITLE = "某街道2022年工作总结\n"


def breaks(text: str) -> list[str]:
    return [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == "KJ413"]


def test_a_sentence_split_after_each_semicolon():
    text = TITLE + ("（一）疫情防控有力有效。强化核心防控能力建设。截止10月，组织排查入境人员169人，落实管控37人；\n"
                    "排查国内重点地区人员5万余人次，落实管控7493人；\n"
                    "组建核酸采样点18个，累计采样10万余人；\n"
                    "60周岁以上人群疫苗接种覆盖率全区第一。稳进提质统筹经济指标。\n")
    assert breaks(text) == ["；\n排", "；\n组", "；\n6"]


def test_a_masked_clause_and_a_cut_page_still_break():
    text = TITLE + "（一）文旅商联动发展。目前**码头景区提升改造项目已于10月份启动建设，完成绿化提升改造用地开挖以及管网改造安装；\n**民族剧院落成投入使用；\n"
    assert breaks(text) == ["；\n*"]


@pytest.mark.parametrize("text", [
    # a lead-in, then items of their own
    TITLE + "主要做法如下：\n加强组织领导；\n完善工作机制；\n强化督查考核。\n",
    TITLE + "工作成效明显。一是加强组织领导，成立领导小组；\n二是完善工作机制；\n三是强化督查考核。\n",
    TITLE + "全年完成以下任务。\n1.新建道路12公里；\n2.改造管网8公里；\n（3）新增绿地3万平方米。\n",
    # no sentence ended before the clause: a line of its own
    TITLE + "新建道路12公里，改造管网8公里；\n新增绿地3万平方米。\n",
    # the next line is a heading
    TITLE + "全年工作取得成效。新建道路12公里，改造管网8公里；\n二、存在的问题\n",
])
def test_real_lists_and_headings_are_no_broken_sentence(text):
    assert breaks(text) == []
