"""Site furniture on fresh12 (issue #11, session 17's post-run fix): false alarms on government
pages and a story's own signature, each known by grammar or layout, not by its words. A page whose
body is a table given one cell per line (说明 |) has its title above the table, not in a cell; a
document's own English title names its kind (Progress Report); a date whose 年/月/日 a conversion lost
(2018525) is conversion damage, not a counter; a reporter's credit alone in brackets closing the
story, colon or not, is its signature. Invented text throughout."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

BODY = ("1月5日上午，某某街道在三楼会议室召开年度工作总结会，全体干部职工参加会议。\n"
        "会上，各科室负责人汇报了全年工作完成情况，分析了存在的问题，并对下一年度工作作了安排。\n")


def kj6(text: str) -> list[str]:
    """The text of each KJ6 finding with the default rules."""
    return [text[f.offset:f.end_offset].strip() for f in lint_text(text) if f.code.startswith("KJ6")]


def test_the_title_above_a_table_given_one_cell_per_line_stays():
    # (the header's cells, then rows closed by an empty cell: ||, or a lone |)
    cells = ["序号 |", "主要任务 |", "全年目标任务 |", "分管 领导 |", "牵头 单位 |", "责任主体与协同单位 |",
             "1-10月推进情况 |", "1-11月推进情况 |", "是否达序 |", "说明 |",
             "24 |", "新建城市公园3个，完善配套设施。 |", "张某 |", "住建局 |", "市政局、相关街道 |",
             "已完成主体施工，完成60%。 |", "已完成主体施工，完成80%。 |", "是 |", "||",
             "25 |", "改造老旧小区12个，惠及居民三千余户。 |", "张某 |", "住建局 |", "市政局、相关街道 |",
             "已进场施工，完成30%。 |", "已进场施工，完成60%。 |", "是 |", "|"]
    text = "\n2023年某某区民生实事项目推进情况(1-11月)\n" + "\n".join(cells) + "\n"
    assert kj6(text) == []


def test_a_short_line_above_a_real_title_is_still_the_pages():
    text = "Document\n某某街道2023年工作总结\n" + BODY
    assert "Document" in kj6(text)


@pytest.mark.parametrize("title", ["Progress Report", "Annual Work Plan", "Policy Address", "The Budget"])
def test_an_english_title_naming_the_documents_kind_stays(title):
    assert kj6(title + "\n\n概览\n\n" + BODY) == []


@pytest.mark.parametrize("widget", ["Asset Publisher", "A+A-"])
def test_an_english_widget_above_the_body_is_still_reported(widget):
    assert widget in kj6(widget + "\n\n概览\n\n" + BODY)


def test_a_signing_date_that_lost_its_marks_is_no_counter():
    text = "某某市人民政府办公室\n\n2018525\n\n" + BODY
    assert "2018525" not in kj6(text)


def test_a_hotline_alone_above_the_body_is_still_reported():
    assert "12320" in kj6("12320\n\n" + BODY)


@pytest.mark.parametrize("credit", ["(记者:梁 园)", "(记者:王某某)", "（通讯员：李某）"])
def test_a_reporters_credit_in_brackets_closing_the_story_stays(credit):
    assert kj6(BODY.rstrip("\n") + credit + "\n") == []


@pytest.mark.parametrize("credit", ["(记者:王某 编辑:李某)", "(撰稿人:某办 一审:王某 二审:李某)", "[责编:刘某]"])
def test_editorial_credits_in_brackets_are_still_reported(credit):
    assert credit in kj6(BODY.rstrip("\n") + credit + "\n")


@pytest.mark.parametrize("credit", [
    "每经记者 王某某 每经编辑 李某",  # two roles, the outlet's short name before each
    "某某客户端、某某网、某某都市报记者 王某某 陈某某 实习生 张某某",  # the outlets listed before the first role
    "○通讯员 李某 刘某",  # one role opened by the page's bullet
])
def test_a_news_pages_credit_line_of_roles_and_names(credit):
    assert credit in kj6("某某社区：筑起疫情防控防线\n" + credit + "\n" + BODY)


@pytest.mark.parametrize("line", [
    "记者深入一线采访",  # a sentence opening with a role
    "记者 王某某",  # a single bare credit is the byline rule's, not reported twice
])
def test_a_credit_row_needs_a_second_role_or_a_bullet(line):
    assert kj6(BODY + line + "，了解到全县春耕生产进展顺利。\n") == []


@pytest.mark.parametrize("line", ["[字体: ] 打印", "选择字号:", "保护视力色:", "文件已失效"])
def test_a_portals_buttons_and_validity_stamp(line):
    assert line in kj6("来源:某某局 日期:2019年02月14日\n" + line + "\n" + BODY)


def test_a_document_saying_what_it_repeals_stays():
    assert kj6(BODY + "本办法自发布之日起施行，原《某某管理办法》同时废止，该文件已失效的条款不再执行。\n") == []


def test_betting_keywords_joined_by_an_underscore_inside_a_sentence():
    text = "按照《某某城中心_欧洲杯足球网-【投注官网平台】安全生产月活动方案》要求，我镇开展了宣传活动。\n"
    assert "_欧洲杯足球网-【投注官网平台】" in kj6(text)


@pytest.mark.parametrize("text", [
    "附件：某某县体育局_2023年体育彩票公益金使用情况\n",  # a file's name with an underscore, no site word after
    "全县体育场馆免费开放，群众体育活动丰富多彩。\n",
])
def test_an_underscore_or_betting_word_alone_stays(text):
    assert kj6(text) == []


def test_a_spam_domain_glued_where_a_name_stood():
    text = "根据《条例》和《abcview.com政府信息公开规定》的有关要求，特向社会公布2018年度abcview.com某某乡人民政府信息公开年度报告。\n"
    assert kj6(text) == ["abcview.com", "abcview.com"]


@pytest.mark.parametrize("text", [
    "详情请登录www.example.com查询。\n",  # a writer's address with www
    "门户网站网址:example.com。\n",
    "通过中国政府网www.gov.cn发布，或访问example.cn了解。\n",
])
def test_a_writers_web_address_stays(text):
    assert kj6(text) == []
