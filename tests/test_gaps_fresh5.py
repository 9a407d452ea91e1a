"""Values deleted or left blank where grammar needs them, judged by what surrounds the gap (issue #11,
item 4, from the misses of the fifth fresh page batch): a counter or month after a space that follows
a word that is no number (KJ204), a unit or % alone after a clause mark, a year before the place or
the work it dates (KJ207). Invented text; each bad case fails without its pattern, each good case
guards a look-alike from official prose."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

TITLE = "某镇2023年工作总结\n"


def hits(text: str, code: str) -> list[str]:
    """The text of each `code` finding with the default rules."""
    return [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == code]


@pytest.mark.parametrize("line, count", [
    ("全年共接待来访群众 人次，受理来信 件，办结 件。", 3),  # ASCII space: the scraped page's
    ("培训调解员\u3000次,调处纠纷 件,成效明显。", 2),  # a full-width one, ASCII commas
    ("利用 个月的时间开展调研。", 1),
    ("自 月初至 月中旬，镇里组织专项检查。", 2),
])
def test_a_space_left_for_a_count_or_a_month(line, count):
    assert len(hits(TITLE + line + "\n", "KJ204")) == count


@pytest.mark.parametrize("line", [
    "全年共接待来访群众 120 人次，受理来信 35 件。",  # spaces around a figure
    "开展培训 2 场 次。",  # a counter split by a space after its figure
    "每 次 都要登记，各 项 工作有序推进，本 月底前完成。",  # a word that takes no figure before the counter
    "重点 项目 推进顺利，关爱 家庭 困难儿童。",  # words spaced apart: the counter starts a word
    "第一章 总则",
    "自 2017 年 10 月 23 日 起，至 2018 年 6 月 1 日止。",  # 起 after a date: from that day
])
def test_spaces_beside_a_figure_or_between_words_are_no_blank(line):
    assert hits(TITLE + line + "\n", "KJ204") == []


@pytest.mark.parametrize("line, found", [
    ("销售收入、利税分别实现亿元,万元,分别增长%,%。", ["亿元", "万元", "%", "%"]),
    ("镇财政累计科技投入达万余元，企业投入也在增加。", ["万余元"]),
    ("企业发展加快,年我镇规模以上工业产值稳步增长。", ["年"]),
    ("县里召开全县年卫生健康工作会议，安排部署了年工作任务。", ["年", "年"]),
    ("会议还就年全县卫生健康工作先进集体进行了表彰。", ["年"]),
])
def test_a_value_deleted_where_a_clause_needs_it(line, found):
    assert hits(TITLE + line + "\n", "KJ207") == found


@pytest.mark.parametrize("line", [
    "图2 三次产业构成 单位:% 表1 人口数及其构成 单位：人",  # a caption names its unit
    "投入资金十万余元，今年全县完成造林，近年全市经济稳步增长。",
    "全县年度工作会议召开，全市年终工作总结已经报送，全县年均增长8%。",
    "作风建设年工作要点已经印发。",  # a campaign year (建设年) is a name, not a gap
    "_代表一个字符,%代表任意多个字符。",  # SQL's wildcard after an ASCII comma
    "全区政府性基金预算支出50,612,万元,为预算的100%。",  # a stray comma inside the figure (fresh10)
])
def test_units_and_years_of_whole_prose_are_no_gap(line):
    assert hits(TITLE + line + "\n", "KJ207") == []


def test_a_note_on_a_fax_number_is_no_writers_instruction():
    text = TITLE + "传真:0951—6888965(请注明某市水务局收)。报告请（请拟定具体的题目）。\n"
    assert hits(text, "KJ205") == ["（请拟定具体的题目）"]


def test_a_templates_guidance_in_round_brackets_under_a_heading_is_a_slot():
    guidance = "（召开村民代表会议，广泛发动、积极宣传；详细描述怎么宣传的，比如发放宣传册、悬挂条幅等）"
    text = TITLE + "一、工作开展情况\n（二）全村广泛动员，营造良好氛围\n" + guidance + "\n（三）加强排查\n全村共排查线索5条。\n"
    assert hits(text, "KJ205") == [guidance]
    # a law's dates under its title, a list item, a note without a word telling the writer what to write
    whole = (TITLE + "某省机关运行保障条例\n（2025年7月30日某省第十四届人民代表大会常务委员会第十七次会议通过）\n"
             "一、整改内容\n（1）将脱贫人口指标集中安排给当年计划退出村，无指标的即时调整到位。\n"
             "二、工作成效\n（全年共召开会议12次，培训干部300人次，发放宣传材料5000份，群众满意度明显提升）\n"
             "三、订单字段\n（类型选择、尺寸选择、材质选择、色彩选择、补充描述、交货时间、交货地点、用户信息）\n")
    assert hits(whole, "KJ205") == []
