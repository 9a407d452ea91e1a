"""Page furniture recognised by its shape on sites nobody tuned for (issue #11, items 4-5, from the
misses of the sixth fresh page batch): each test's bad cases fail without its mechanism, its good
cases guard the look-alikes of official prose. Invented text throughout."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

TITLE = "某局2023年度部门决算公开\n"


def kj6(text: str) -> list[str]:
    """The text of each KJ6 finding with the default rules."""
    return [text[f.offset:f.end_offset] for f in lint_text(text) if f.code.startswith("KJ6")]


@pytest.mark.parametrize("line, code", [
    ("第一部分 单位概况 PAGEREF _Toc25831 h 3", "PAGEREF _Toc25831 h 3"),  # the backslash lost
    ("一、主要职责 PAGEREF _Toc32310 \\h 12", "PAGEREF _Toc32310 \\h 12"),
    ('TOC \\o "1-3" \\h \\z \\u', 'TOC \\o "1-3" \\h \\z \\u'),
    ('HYPERLINK \\l "_Toc5120" 第一章 总则', 'HYPERLINK \\l "_Toc5120"'),
])
def test_a_word_field_code_is_known_by_its_grammar(line, code):
    assert code in kj6(TITLE + "二、机构设置\n" + line + "\n全年收入1200万元。\n")


@pytest.mark.parametrize("line", [
    "本章按 TOC 结构编排，REF 栏填写参考文献编号。",  # the keywords without a field's argument
    "PAGE 3 of the report lists the 5 REF values.",
    "第一部分 单位概况 3",
])
def test_field_keywords_in_prose_are_no_field_code(line):
    assert kj6(TITLE + "二、机构设置\n" + line + "\n全年收入1200万元。\n") == []
