"""Site furniture judged by where a line stands and what it is, not by its words (issue #11, session
16): the body is the run of lines that are sentences; a line above it or below it that is no
sentence of a document (Latin widgets, an English phrase, a page's build time, a row of bracketed
buttons, a scene's caption, a panel of fields with a counter) is the page's. Each test's bad cases fail
without its mechanism, its good cases guard what official documents write in the same places.
Invented text throughout."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

TITLE = "某某街道召开年度工作总结会\n"
BODY = ("1月5日上午，某某街道在三楼会议室召开年度工作总结会，全体干部职工参加会议。\n"
        "会上，各科室负责人汇报了全年工作完成情况，分析了存在的问题，并对下一年度工作作了安排。\n")


def kj6(text: str) -> list[str]:
    """The text of each KJ6 finding with the default rules."""
    return [text[f.offset:f.end_offset].strip() for f in lint_text(text) if f.code.startswith("KJ6")]


def codes(text: str) -> list[str]:
    return [f.code for f in lint_text(text)]


@pytest.mark.parametrize("line", ["Document", "A+A-", "Portlet Viewer Portlet Viewer", "Blog Home"])
def test_latin_widget_above_the_body(line):
    assert line in kj6(line + "\n" + TITLE + BODY)


@pytest.mark.parametrize("line", ["Comments are closed.", "free web counter code", "0.238811s", "Powered by the site engine."])
def test_english_phrase_or_build_time_below_the_body(line):
    assert line in kj6(TITLE + BODY + line + "\n")


@pytest.mark.parametrize("text", [
    TITLE + BODY + "XX\n",  # a mask alone: KJ201's
    TITLE + BODY + "某某街道办事处\n2024年1月6日\n",  # a 落款
    "XX\n" + TITLE + BODY,
    TITLE + BODY + "Public domain\n",  # two words of English: not a phrase it can tell from a name
    "附件：1.工作安排\n" + TITLE + BODY,
])
def test_what_a_document_writes_outside_its_body_stays(text):
    assert kj6(text) == []


@pytest.mark.parametrize("line", ["【返回】 |", "【打印】 【关闭】", "[ 收藏本页 ] | [ 返回顶部 ]"])
def test_a_row_of_bracketed_buttons_outside_the_body(line):
    assert line in kj6(TITLE + BODY + line + "\n")


@pytest.mark.parametrize("line", ["【概述】", "【单位名称】", "【附件】"])
def test_one_bracketed_word_alone_is_a_heading_or_a_slot(line):
    assert line not in kj6(TITLE + BODY + line + "\n")
    assert line not in kj6(line + "\n" + TITLE + BODY)


@pytest.mark.parametrize("line", ["会议现场", "团建活动", "志愿者合影", "活动掠影"])
def test_a_scene_caption_below_the_last_sentence(line):
    assert line in kj6(TITLE + BODY + line + "\n")


@pytest.mark.parametrize("tail", [
    "某某县文化活动中心\n",  # an issuer signing
    "三、下一步活动\n",  # a numbered heading
    "联系人：王某某\n联系电话：12345678\n",  # contact lines under the text
])
def test_a_signature_or_heading_is_no_caption(tail):
    assert kj6(TITLE + BODY + tail) == []


def test_a_scene_word_inside_the_body_is_the_documents():
    text = TITLE + "一、开展文体活动\n" + BODY + "二、工作现场\n" + BODY
    assert kj6(text) == []


def test_a_site_title_with_its_counter_is_a_title_for_kj506():
    # the page's title line carries the site's counter (reported as furniture), a widget under it
    text = "2024学校工作年度总结精选8篇\n\n时间:\nJohnDoe\n分享\n下载本文\n\n" + BODY
    assert "JohnDoe" in kj6(text)
    assert "KJ506" not in codes(text)


@pytest.mark.parametrize("line", ["会议现场", "12320", "4874268"])
def test_a_caption_or_a_number_alone_above_the_body(line):
    assert line in kj6(line + "\n" + BODY)


@pytest.mark.parametrize("line", ["2023", "000123", "一、工作回顾"])
def test_a_year_a_copy_number_or_a_heading_above_the_body_stays(line):
    assert line not in kj6(line + "\n" + TITLE + BODY)


def test_a_long_address_alone_below_the_body():
    url = "http://mp.example.com/s?__biz=MzAwODYz&mid=207970393&idx=1&sn=4d09d0352dd0729a7376ee2e6e3a433b&3rd=MzA3MDU4==&scene=6#rd"
    assert url in kj6(TITLE + BODY + url + "\n")


@pytest.mark.parametrize("panel", [
    "编号:-10565255-X\n所在地:长沙市\n风采数量:16\n",  # a profile's panel opening the page
    TITLE + "文档序号:7981976阅读:122来源:某某局\n",  # labels glued to the counts before them
])
def test_a_panel_of_fields_with_a_count_above_the_body(panel):
    found = kj6(panel + BODY)
    assert [x for x in panel.splitlines() if ":" in x] == [x for x in found if ":" in x]


@pytest.mark.parametrize("text, found", [
    ("本帖最后由 某某网友 于 2015-7-19 16:34 编辑前日，某某区启动主题征文活动，全区中小学生参与。\n",
     "本帖最后由 某某网友 于 2015-7-19 16:34 编辑"),
    (TITLE + BODY.rstrip("\n") + "(供稿/王某 编辑校对/李某 审核/赵某)\n", "(供稿/王某 编辑校对/李某 审核/赵某)"),
    (TITLE + BODY.rstrip("\n") + " 全媒体记者:刘某某 王某\n", "全媒体记者:刘某某 王某"),
    ("参加誓师动员大会的官兵整装待发。新华社发\n" + TITLE + BODY, "参加誓师动员大会的官兵整装待发。新华社发"),
    (TITLE + BODY + "本文为某某频道原创文章，转载请附上原文出处链接和本声明。\n", "本文为某某频道原创文章，转载请附上原文出处链接和本声明。"),
])
def test_credits_stamps_and_notices_in_the_forms_sites_print_them(text, found):
    assert found in kj6(text)


@pytest.mark.parametrize("text", [
    TITLE + BODY.rstrip("\n") + "(文/王某)\n",  # a credit in brackets closing the story is its signature
    TITLE + BODY.rstrip("\n") + "(记者/王某 摄影/李某)\n",  # no editor or reviewer among the credits
    TITLE + "会上，记者:问题由谁解决？局长作了回答。\n" + BODY,  # a colon after 记者 inside the text
    TITLE + BODY + "该村合作社发放分红款12万元，惠及农户86户。\n",
])
def test_a_storys_own_credits_and_words_stay(text):
    assert kj6(text) == []
