"""False alarms of fresh19 (session 23's independent pages) at the session's start: a headline an
organ speaks with figures right after its colon (KJ609). Invented text."""
from __future__ import annotations

from kjlint.engine import lint_text

PAGE = ("发改委:11大类重大工程包已累计完成投资5056亿\n来源:某某网财经 发布时间:2016-02-17 10:50:00\n"
        "记者从国家发改委获悉，截至目前，11大类重大工程包已累计完成投资5056亿元，带动了有效投资增长。\n")


def test_a_headline_an_organ_speaks_with_a_figure_after_its_colon_is_the_title():
    assert [f for f in lint_text(PAGE) if f.code == "KJ609"] == []


def test_a_short_field_under_the_title_is_still_the_panels():
    panel = PAGE.replace("来源:某某网财经 发布时间:2016-02-17 10:50:00", "来源:某某网财经\n阅读:2341")
    assert "阅读:2341" in [panel[f.offset:f.end_offset] for f in lint_text(panel) if f.code.startswith("KJ6")]
