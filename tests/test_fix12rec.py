"""Session 17's fresh12 pages after their first run (fixtures/devsets/fresh12): a 政府信息公开年报's
table given as rows parted by `|` whose row labels restart at 一、 under heading 三、 (KJ503 kept
quiet), a question asked by a verb and its negation between two ASCII `?` (KJ412 kept quiet), and
symbols a site sprinkles inside words (KJ703). Every text here is invented in the shape of those
pages."""
from __future__ import annotations

from kjlint.engine import lint_text


def found(text: str, select: tuple[str, ...]) -> list[tuple[str, int, str]]:
    return [(f.code, f.line, text[f.offset:f.end_offset]) for f in lint_text(text, "page.txt", select=list(select))]


ANNUAL_REPORT = """某某区教育局2023年政府信息公开工作年度报告
一、总体情况
本机关认真贯彻落实《中华人民共和国政府信息公开条例》,全年主动公开各类信息。
二、主动公开政府信息情况
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
规章 | 0 | 0 | 0 |
三、收到和处理政府信息公开申请情况
(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | |
一、本年新收政府信息公开申请数量 | 2 | 0 | 2 |
二、上年结转政府信息公开申请数量 | 0 | 0 | 0 |
三、本年度办理结果 | (一)予以公开 | 2 |
四、结转下年度继续办理 | 0 | 0 | 0 |
四、政府信息公开行政复议、行政诉讼情况
本年度未发生行政复议和行政诉讼。
五、存在的主要问题及改进情况
信息公开的及时性还需提高,下一步将加强培训。
"""


def test_table_row_labels_number_apart_from_the_headings():
    # the rows' 一、 二、 三、 四、 are the table's, the headings go on at 四、 and 五、 after it
    assert found(ANNUAL_REPORT, ("KJ501", "KJ503")) == []


def test_a_heading_restarting_in_prose_still_reported():
    text = ANNUAL_REPORT.replace("一、本年新收政府信息公开申请数量 | 2 | 0 | 2 |", "一、本年新收政府信息公开申请数量2件。")
    assert ("KJ503", 9, "一、") in found(text, ("KJ503",))


def test_a_verb_and_its_negation_ask_a_question():
    text = "网格员挨家挨户询问:“家里有没有武汉籍的人?有没有从武汉回来的人?是不是发烧咳嗽?”然后登记在册。\n"
    assert found(text, ("KJ412",)) == []
    quoted = "坚持以邓小平理论和?三个代表?重要思想为指导。\n"
    assert found(quoted, ("KJ412",)) == [("KJ412", 1, "?三个代表?")]


def test_symbols_sprinkled_inside_words():
    text = "对全年的工作⊙部署,会议中发≡布,保▂卫蓝天,环境▲治理,年∮污染物总体╱改善。\n"
    assert [m for _, _, m in found(text, ("KJ703",))] == ["⊙", "≡", "▂", "▲", "∮", "╱"]
    clean = "配比为1∶2,张○○同志,是□否□,二〇二〇年,工作──学习,首页│新闻,年龄≥60岁。\n"
    assert found(clean, ("KJ703",)) == []


def test_symbols_in_gbk_text_read_a_byte_off_are_mojibake():
    # the `?` a converter left, then characters of GBK read one byte off: its symbols are no
    # sprinkled marks (KJ404 and KJ412 report the run)
    text = "会议指出,??偟哪繕艘笫牵河鼋▏詠碜畲蠛樗,确保安全度汛。\n"
    assert found(text, ("KJ703",)) == []
