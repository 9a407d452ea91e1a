"""Conversion damage on scraped pages that the text itself gives away (session 17, issue #11):

- KJ413: a line end inside a word or a phrase that the document writes unbroken elsewhere: a
  contents entry cut before its last words (表七：…经费支出 / 决算表 beside …支出决算表, fresh11 p087),
  a heading wrapped inside its phrase (…支撐高質量 / 發展新篇章, fresh11 p117), a word split at a lone
  line end (…严格控 / 制经费支出, as in four texts of ../shared/corpus: 转换程 / 序, 乡 / 镇, 经 / 营);
- KJ412: a date that lost its 日 before a clause mark (fresh10 p089), a year that lost its 年 after
  截至 (lost13 l036), a signing date that lost 年, 月 and 日 under the organ that signs (fresh9 p050,
  conv17 c14), two question marks before a kana or Bopomofo letter (fresh10 p085, conv17 c30);
- KJ507: a heading's number alone on its line, its 、 lost (conv17 c28);
- KJ503: a dated list numbered 1. each time (1.1月27日 / 1.1月28日 …, fresh11 p110), read before as
  decimals 1.1, 1.2.

Invented text modelled on those pages."""
from __future__ import annotations

from kjlint.engine import lint_text


def found(text: str, code: str) -> list[str]:
    return [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == code]


CONTENTS = ("某县审计局2022年部门决算\n目录\n"
            "表五：一般公共预算财政拨款支出决算表\n"
            "表六：一般公共预算财政拨款基本支出决算表\n"
            "表七：一般公共预算财政拨款“三公”经费支出\n"
            "决算表\n"
            "表八：政府性基金预算财政拨款收入支出决算表\n")


def test_a_contents_entry_cut_before_its_last_words():
    assert found(CONTENTS, "KJ413") == ["出\n决"]


def test_an_entry_that_ends_where_it_ends_is_no_break():
    whole = CONTENTS.replace("经费支出\n决算表", "经费支出决算表")
    assert found(whole, "KJ413") == []


def test_a_heading_number_alone_on_its_line_is_no_break():
    # the number's title on the next line (第一部分 / 县司法局概况), the contents writing them together
    text = ("某县司法局2022年部门决算\n目录\n第一部分县司法局概况\n第二部分2022年度部门决算表\n\n"
            "第一部分\n县司法局概况\n一、部门职责\n负责全县的法治宣传教育工作。\n")
    assert found(text, "KJ413") == []


def test_a_title_set_on_two_lines_is_no_break():
    text = ("某县人民政府办公室关于印发2023年工作要点的通知\n某县人民政府办公室\n关于印发2023年工作要点的通知\n"
            "各乡镇人民政府，县政府各部门：\n现将《2023年工作要点》印发给你们，请认真贯彻执行。\n")
    assert found(text, "KJ413") == []


PROSE = ("某县财政局2023年工作总结\n"
         "一、加强预算管理\n全年压减一般性支出，控制三公经费，各项支出均在预算之内。\n"
         "二、规范资金使用\n我们按照年初的部署，要求各单位严格控\n制经费支出，确保资金安全。\n")


def test_a_word_split_at_a_lone_line_end_that_the_text_writes_whole():
    assert found(PROSE, "KJ413") == ["控\n制"]


def test_without_the_word_elsewhere_the_lone_line_end_is_not_taken():
    text = PROSE.replace("控制三公经费", "压缩三公经费")
    assert found(text, "KJ413") == []


def test_a_date_that_lost_its_day_mark_before_a_comma():
    text = "于2023年11月7日——2023年12月10，面向社会公开征求意见，共收到建议1条。\n"
    assert found(text, "KJ412") == ["2023年12月10"]


def test_a_list_of_days_keeps_its_mark_at_the_end():
    text = "于2023年12月10、11日和2023年12月12，13日开展检查，2023年12月15日结束。\n"
    assert found(text, "KJ412") == []


def test_a_year_that_lost_its_mark_after_jiezhi():
    assert found("截至2023，全市共有街道12个。\n", "KJ412") == ["2023"]
    assert found("截至2023年底，全市共有街道12个。\n", "KJ412") == []


def test_a_signing_date_that_lost_its_marks_under_the_organ():
    text = "请认真贯彻执行。\n\n国务院办公厅政府信息与政务公开办公室\n\n2021926\n"
    assert found(text, "KJ412") == ["2021926"]


def test_a_figure_on_its_own_line_under_other_text_is_no_date():
    text = "全年完成投资（万元）\n\n2021926\n"  # a table's figure: no organ above it
    assert found(text, "KJ412") == []
    assert found("国务院办公厅政府信息与政务公开办公室\n2021年9月26日\n", "KJ412") == []


def test_question_marks_before_a_kana_or_bopomofo_letter():
    text = "2021年我国社??ㄒ迅采w95.7%人口\n社保卡发放工作稳步推进。\n"
    assert found(text, "KJ412") == ["??ㄒ"]


def test_a_heading_number_alone_on_its_line_without_its_mark():
    text = ("具体内容如下：\n一\n劳动就业\n年末全国就业人员74652万人，其中城镇就业人员46773万人，比上年有所增加。\n"
            "二、社会保险\n年末全国参加基本养老保险人数为102871万人。\n")
    assert found(text, "KJ507") == ["一"]


def test_a_numeral_cell_of_a_table_read_as_lines_is_no_heading():
    text = "序号\n一\n劳动就业\n二\n社会保险\n"
    assert found(text, "KJ507") == []


def test_a_dated_list_numbered_one_each_time():
    text = ("春节放假安排通知\n一、放假时间\n1.1月27日（除夕）：调休上班。\n1.1月28日至2月3日：全国放假。\n"
            "1.2月4日（星期日）：调休上班。\n1.2月5日（星期一）：正常上班。\n二、交通出行提示\n请提前规划行程。\n")
    assert len(found(text, "KJ503")) >= 2
