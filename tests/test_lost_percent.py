"""KJ412: a percent sign lost in a conversion after a growth's figure or a share's decimal at the
end of its clause (同比增长42。 for 42%), as a sharing site's copy of a report shows it (lost13).
Synthetic text; the good cases guard a list of figures, a thousands separator and whole figures."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

TITLE = "某开发区2022年上半年工作总结\n"


def kj412(text: str) -> list[str]:
    return [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == "KJ412"]


def test_a_percent_sign_lost_after_a_growth_or_a_share():
    line = "科工贸总收入比去年同期增长42。工业增加值76.5亿元，增长26.9，占总产值的59.5，同比下降3.2；"
    assert kj412(TITLE + line + "\n") == ["42", "26.9", "59.5", "3.2"]


@pytest.mark.parametrize("line", [
    "三项指标分别增长12、15和20%。",  # a list of figures: the unit comes at its end
    "粮食产量33，212万吨，比上年增加2，737万吨，增长1,200吨。",  # thousands separators
    "同比增长12%，增长0.5个百分点，增加3个，是上年的1.5倍。",
    "地区生产总值比上年增长181，区级财力创历史新高。",  # a decimal point lost too: not looked for
])
def test_whole_figures_lists_and_separators_are_left_alone(line):
    assert kj412(TITLE + line + "\n") == []


def test_a_headings_number_turned_to_garbage_at_a_lines_start():
    text = "開發區2020年工作匯報\n一、各項工作順利開展\n。ㄒ唬┕(jiān)打擂勇扛紅旗\n?。ㄒ唬?shí)施災後重建\n"
    assert kj412(text) == ["。ㄒ", "?。ㄒ", "?shí)"]  # the last: a gloss whose character was lost
    assert kj412("注音符號教學\nㄅㄆㄇㄈ是注音符號的前四個。\n") == []
