"""Site furniture of sites nobody had seen, judged by where a line stands and the shape it has
(issue #11, session 17): a site's name hung on the page's title after a dash, an underscore or a
bar; a credit block below the story whose roles and names are split by bars; a hotline above the
body; a single button's word outside it; and stamps a page prints in any wording (a journal's issue,
an e-paper's page, a post's views with its date, a forum's poster, an encyclopedia's citation mark,
a tag page's fold button, a story's source and credits closing it in brackets). Each test's bad
cases fail without its mechanism; its good cases guard what official documents write in the same
places. Invented text throughout."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

TITLE = "某某街道召开年度工作总结会\n"
BODY = ("1月5日上午，某某街道在三楼会议室召开年度工作总结会，全体干部职工参加会议。\n"
        "会上，各科室负责人汇报了全年工作完成情况，分析了存在的问题，并对下一年度工作作了安排。\n")


def kj6(text: str) -> list[str]:
    """The text of each KJ6 finding with the default rules."""
    return [text[f.offset:f.end_offset].strip() for f in lint_text(text) if f.code.startswith("KJ6")]


@pytest.mark.parametrize("title, suffix", [
    ("某某局2023年工作情况报告 - 某某人大网", "- 某某人大网"),
    ("关于做好春季防火工作的通知_某某市人民政府门户网站", "_某某市人民政府门户网站"),
    ("某某县召开安全生产工作会议 | 某某在线", "| 某某在线"),
])
def test_a_sites_name_hung_on_the_title(title, suffix):
    found = kj6(title + "\n" + BODY)
    assert suffix in found
    assert title not in found  # the title itself stays


@pytest.mark.parametrize("title", [
    "笔墨青春 青年视角 ——某某学院举办新闻工作论坛",  # a subtitle after ——, ending in an event's name
    "关于推进政务服务“一网通办”平台建设的通知",  # a platform the document is about, no separator
    "某某市智慧城市综合管理平台",
])
def test_a_title_naming_a_platform_or_with_a_subtitle_stays(title):
    assert kj6(title + "\n" + BODY) == []


def test_the_suffix_shape_is_only_read_above_the_body():
    heading = "二、建设情况 - 某某数据平台\n"
    assert kj6(TITLE + BODY + heading + BODY) == []


def test_a_credit_block_split_by_bars_below_the_story():
    block = "文 字丨某某学院办公室\n图 片丨某某学院办公室\n美 编丨郭某某\n责 编丨邹某某\n终 审丨冯 某\n"
    found = kj6(TITLE + BODY + block)
    for line in block.splitlines():
        assert line in found


@pytest.mark.parametrize("tail", [
    "合计 | 120\n小计 | 80\n",  # a table's rows: figures
    "某某街道办事处\n2024年1月6日\n",  # a 落款
    "编辑丨王某某\n",  # one alone: too little to call a block
])
def test_no_credit_block_without_a_run_of_bar_credits(tail):
    assert [x for x in kj6(TITLE + BODY + tail) if "丨" in x or "|" in x] == []


@pytest.mark.parametrize("line", ["申请免费试用、咨询电话:400-8352-114", "24小时服务热线：0571-88886666"])
def test_a_hotline_above_the_body(line):
    assert line in kj6(line + "\n" + TITLE + BODY)


@pytest.mark.parametrize("line", ["新闻频道 > 时政要闻", "网站首页 > 头部新闻", "> 业务审计 > 绩效审计"])
def test_a_breadcrumb_of_two_crumbs_above_the_body(line):
    assert line in kj6(line + "\n" + TITLE + BODY)


def test_two_names_with_a_sign_inside_the_body_stay():
    assert kj6(TITLE + BODY + "收入 > 支出\n" + BODY) == []


@pytest.mark.parametrize("line", ["详细信息", "微信 | 微博 | 抖音"])
def test_a_line_above_the_breadcrumb_is_reported_once(line):
    # a button or a menu row that is also above the page's breadcrumb: one finding, not one per reason
    text = line + "\n当前位置: 首页 > 业务发展 > 通知公告\n" + TITLE + BODY
    assert kj6(text).count(line) == 1


def test_contact_lines_under_the_text_stay():
    assert kj6(TITLE + BODY + "联系人：王某某\n联系电话：0571-88886666\n") == []


@pytest.mark.parametrize("line", ["关闭", "APP下载", "下载APP", "回上一頁", "列印", "详细信息"])
def test_a_single_buttons_word_outside_the_body(line):
    assert line in kj6(line + "\n" + TITLE + BODY)
    assert line in kj6(TITLE + BODY + line + "\n")


@pytest.mark.parametrize("line", [
    "农林经济管理学报 2022年2期",
    "1991年3期",
    "3184 期 / 第7版:科普法制",
    "[ 王某某 ]——(2013-1-8) / 已阅8379次",
    "某某 2021年3月2日 人气:300",
    "2021-03-02 点击 86 次",
    "| 12人阅读",
    "由 某网友 發表于 人文2023-01-14",
    "• 0 条评论",
    "转自:某某部",
    "您好,欢迎来到您的网站!",
    "足球竞彩网",
    "本篇文章174字,读完约1分钟",
    "阅读时间:约3分钟",
])
def test_a_pages_stamp_in_any_wording(line):
    assert line in kj6(TITLE + line + "\n" + BODY)


@pytest.mark.parametrize("line", [
    "2023年第3期",  # a 简报 numbers its own issue with 第
    "全年累计点击12000次",  # a count the report gives
    "共编印工作简报12期",
    "全文约3000字",
])
def test_a_documents_own_issue_or_count_stays(line):
    assert kj6("工作简报\n" + line + "\n" + BODY) == []


def test_a_tag_pages_fold_button_before_the_title():
    assert kj6("展开 某某公司研发工时管理办法最新\n") == ["展开"]


def test_an_encyclopedias_citation_mark():
    text = TITLE + "《某某统计公报》是某某统计局发布的年度统计公报。 [3] \n" + BODY
    assert "[3]" in kj6(text)


def test_a_papers_own_citation_stays():
    text = TITLE + "基层治理陷入形式主义[1]。会议强调，要进一步压实责任。\n" + BODY
    assert kj6(text) == []


def test_the_source_and_credits_in_brackets_closing_the_story():
    credit = "(来源:某某镇 通讯员:王某某 一审编辑:赵某某 二审校对:陈某某 终审核发:董某)"
    assert credit in kj6(TITLE + BODY + credit + "\n")


def test_a_citations_source_in_brackets_stays():
    text = TITLE + "全年完成地区生产总值120亿元，同比增长6.5%（数据来源：某某市统计局）。\n" + BODY
    assert kj6(text) == []
