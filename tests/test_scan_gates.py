"""Pre-tests that spare a whole-text scan (session 17, corpus throughput): each must let through
every text or line the scan it guards would match, so that findings stay the same."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kjlint.catalog import load_catalog
from kjlint.checks.contamination import _SPAM_DASH, _SPAM_PREFIX
from kjlint.engine import lint_text

# KJ412's pattern for ?? ending a line that asks nothing, as written before its lookahead.
_QUESTION_WORDS = (r"(?:[吗呢么嘛吧嗎麼啊呀]\?|什么|什麼|怎|如何|为何|為何|哪|谁|誰|几|幾|多少|是否|能否|可否|难道|難道|岂|豈"
                   r"|不是|没有|沒有|有没有|是不是)")
_UNGATED_LINE_END = (r"(?<![^\n])(?![^\n]*" + _QUESTION_WORDS + r")[^\n]*[\u4e00-\u9fff](?P<report>\?{2,})[ \t]*$")


def _line_end_pattern() -> str:
    """KJ412's pattern for a line ending in ?? (the one reporting the group `report`)."""
    found = [p for p in load_catalog().rules["KJ412"].params["pattern"] if "(?P<report>\\?{2,})[ \\t]*$" in p]
    assert len(found) == 1
    return found[0]


def test_kj412_looks_for_the_line_end_before_the_question_words():
    """The line-start scan tried the question words across every line of a text holding a `?`
    (0.8 CPU s on ../shared/corpus); the lookahead for ?? at the line's end comes first."""
    pattern = _line_end_pattern()
    assert pattern.startswith(r"(?<![^\n])(?=[^\n]*\?\?[ \t]*$)")
    assert pattern.replace(r"(?=[^\n]*\?\?[ \t]*$)", "", 1) == _UNGATED_LINE_END


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["?", "??", "？", "什么", "吗?", "中", "文", " ", "\t", "\n", "a", "1", "多少"]),
                max_size=24))
def test_kj412_line_end_lookahead_changes_no_match(parts):
    text = "".join(parts)
    gated = re.compile(_line_end_pattern(), re.MULTILINE)
    ungated = re.compile(_UNGATED_LINE_END, re.MULTILINE)
    assert [m.span("report") for m in gated.finditer(text)] == [m.span("report") for m in ungated.finditer(text)]


def test_kj412_still_reports_a_line_ending_in_question_marks():
    text = "一、构建社区基层组织建设的新格??\n这项工作到底怎么办??\n镇党委制定了方案。\n"
    assert [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == "KJ412"] == ["??"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["半岛", "平台", "平臺", "官网", "体育", "娱乐", "-", "－", "\n", ":", "：", " ", "2020年",
                                 "台", "网", "育", "乐"]), max_size=16))
def test_spam_prefix_never_matches_without_its_dash_pair(parts):
    """KJ601 scans for a spammer's dash prefix only in a text holding a site word's last
    character before a dash: every prefix holds one."""
    text = "".join(parts)
    if _SPAM_PREFIX.search(text) is not None:
        assert _SPAM_DASH.search(text) is not None
