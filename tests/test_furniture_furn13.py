"""Page furniture and the government side's false alarms, from the misses and false alarms of pages
nobody tuned for (issue #11; session 13's dev pages of 53 sites): each test's bad cases fail without
its mechanism, its good cases guard official prose. Invented text throughout."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

BODY = "3月19日,县长一行深入乡镇调研春耕生产工作,详细了解农资供应、种子储备等情况。\n他强调,要抓住当前有利时机,全力以赴抓好春耕备耕各项工作。\n"


def found(text: str, family: str = "KJ6") -> list[tuple[str, str]]:
    """(code, text) of each finding of a family with the default rules."""
    return [(f.code, text[f.offset:f.end_offset]) for f in lint_text(text) if f.code.startswith(family)]


def codes(text: str) -> set[str]:
    return {f.code for f in lint_text(text)}


# --- the government side: titles read as furniture or as no title ------------------------------

def test_a_title_above_a_bulleted_menu_is_no_menu_item():
    """工作总结 / • 政务公开 / • 通知公告 / • 互动交流: the bullets are a list under a heading; the
    unbulleted line above them is the title, not a fourth menu item (nor is the text then untitled)."""
    text = "工作总结\n• 政务公开\n• 通知公告\n• 互动交流\n" + BODY
    assert ("KJ609", "工作总结") not in found(text)
    assert "KJ506" not in codes(text)


def test_a_menu_of_short_lines_is_still_a_menu():
    text = "某某市统计局2023年工作总结\n- 政务公开\n- 统计数据\n- 互动交流\n- 办事服务\n" + BODY
    assert [t for c, t in found(text) if c == "KJ609"] == ["- 政务公开", "- 统计数据", "- 互动交流", "- 办事服务"]


@pytest.mark.parametrize("head", ["县长调研春耕生产 | 某某县人民政府网", "县长调研春耕生产 |"])
def test_a_headline_with_the_sites_name_after_a_bar_keeps_the_headline(head):
    """Above the page's info panel, a headline with the site's name after a bar: the bar and the
    name are the page's, the headline is the title (no KJ506 for a page whose title was taken)."""
    text = head + "\n发布时间:2024-03-20 | 来源:县政府办 | 浏览次数:\n" + BODY
    spans = [t for _, t in found(text)]
    assert not any("县长调研春耕生产" in t for t in spans)
    assert any(t.strip().startswith("|") for t in spans)
    assert "KJ506" not in codes(text)


@pytest.mark.parametrize("title", [
    "决战决胜2024,奋力开创高质量发展新局面!",
    "曹留社区这一年有哪些变化值得关注?",
    "全力以赴抓春耕，确保粮食丰收！",
])
def test_a_headline_ending_in_an_exclamation_or_a_question_is_a_title(title):
    assert "KJ506" not in codes(title + "\n" + BODY)


@pytest.mark.parametrize("first", [
    "各位代表！",                      # a speech's salutation: the report has no title
    "尊敬的各位领导、各位来宾！",
    "记者:马局长您好,请您介绍一下我县产业运行情况?",  # an interview's question
    "全县上下要以只争朝夕的精神抓好各项工作。要把握机遇!",  # a sentence ended, then another
])
def test_a_salutation_a_question_asked_or_a_sentence_is_still_no_title(first):
    assert "KJ506" in codes(first + "\n" + BODY)


@pytest.mark.parametrize("split", ["二〇二三\n年我局在市委领导下完成各项任务。", "2023 \n年我局在市委领导下完成各项任务。",
                                   "在过去的一\n年我局在市委领导下完成各项任务。"])
def test_a_year_split_from_its_number_by_a_line_end_is_no_deleted_year(split):
    text = "某某局关于2023年工作情况的报告\n" + split + "\n全年完成投资12亿元。\n"
    assert "KJ207" not in codes(text)


def test_a_year_deleted_at_a_line_start_is_still_found():
    text = "某某局关于工作情况的报告\n全年各项工作取得实效。\n年我局在市委领导下完成各项任务。\n"
    assert ("KJ207", "年") in found(text, "KJ2")


# --- page furniture known by its wording or its shape -----------------------------------------

TITLE = "某某县召开2024年经济工作会议\n"


@pytest.mark.parametrize("line", [
    " 无障碍    长者助手 我的收藏   收藏",  # a portal's accessibility toolbar
    "视力保护色:",
    "某某县第一中学 欢迎您!",            # the site's greeting and its empty date widget
    "今天是:",
    "(相关资料图)",                      # a picture's placeholder
    "(文章来源:某某参考网)",             # the story's source in brackets on its own line
    "跳转到内容",                        # a wiki's skip link and its section edit links
    "[编辑]",
    "P. 9",                              # a flip-book's page counter and header
    "Page 9 - 某某区人民政府办公室2022年政府信息公开工作年度报告",
])
def test_a_line_of_site_furniture_is_reported(line):
    assert [t for _, t in found(TITLE + line + "\n" + BODY)] == [line.strip()]


@pytest.mark.parametrize("line, part", [
    ("会议强调,要打基础利长远。【查看详情】", "【查看详情】"),      # a teaser's button
    ("2019教师绩效工资方案 第3页", " 第3页"),                     # a store's page number after the title
    ("188比分直播《2023年某某镇政府工作报告》政策解读", "188比分直播"),  # a gambling brand glued before a title
    ("<正>中国要强,农业必须强。", "<正>"),                         # a journal database's mark
    ("全年收入稳步增长。(文章来源:某某参考网)", "(文章来源:某某参考网)"),
])
def test_furniture_inside_a_line_is_reported_alone(line, part):
    assert part in [t for _, t in found(TITLE + line + "\n" + BODY)]


def test_a_date_stamped_after_the_title_is_reported_without_the_title():
    text = "返回上一级\n字号\n打印\n区委常委赴区统计局调研指导工作 2023-01-31\n" + BODY
    assert ("KJ609", " 2023-01-31") in found(text)
    assert not any("调研指导工作" in t for _, t in found(text))


def test_a_word_count_sold_with_a_title_is_a_sales_label():
    assert ("KJ604", "2000字") in found("街道政务公开工作总结2000字\n" + BODY)


@pytest.mark.parametrize("line", [
    "全年收入稳步增长,增幅较上年提高2个百分点。(来源:国家统计局)",  # a citation's source is the writer's
    "下一步,我们将继续推进。(记者 王某某)",                             # a reporter's byline is the story's
    "(资料来源:某某县统计年鉴)",
    "要求每人撰写心得体会,字数不少于2000字。",
    "详见附件第3页。",
    "全县新建体育场馆100个,体育直播平台覆盖各乡镇。",
    "今天是我们召开年度总结大会的日子。",
    "本次活动欢迎您的参与和支持,报名电话见附件。",
])
def test_official_prose_that_looks_like_furniture_is_kept(line):
    assert found(TITLE + BODY + line + "\n") == []


def test_menu_items_bulleted_as_a_known_menu_item_are_the_menu():
    """• 首页 is known navigation; the short items bulleted as it is below it are the rest of the
    menu, however few; the title above, without the bullet, is kept."""
    text = "首页 > 政务公开 > 政府工作报告\n某某县2023年政府工作报告\n• 首页\n• 政务公开\n• 通知公告\n各位代表:\n" + BODY
    assert [t for c, t in found(text) if c == "KJ609"] == ["• 政务公开", "• 通知公告"]


def test_a_bulleted_list_of_the_text_is_no_menu():
    text = "某某县2023年工作要点\n重点抓好以下工作:\n• 安全生产\n• 环境保护\n• 民生保障\n" + BODY
    assert found(text) == []


def test_the_title_again_as_the_first_item_of_the_sites_list_is_a_repeat():
    text = "中央水利建设基金财务管理暂行办法\n\n2024-05-13 13:42\n\n1. 中央水利建设基金财务管理暂行办法\n\n第一条 为加强中央水利建设基金的使用管理,制定本办法。\n"
    assert ("KJ607", "1. 中央水利建设基金财务管理暂行办法") in found(text)


def test_a_first_heading_that_is_not_the_title_is_kept():
    text = "中央水利建设基金财务管理暂行办法\n\n1. 总则\n\n第一条 为加强中央水利建设基金的使用管理,制定本办法。\n"
    assert [c for c, _ in found(text) if c == "KJ607"] == []


# --- a portal's chrome in traditional script and a converter's empty pictures (fresh8, after its run)

@pytest.mark.parametrize("line", [
    ":::",
    "跳至主要內容",
    "跳到主要内容",
    "您的瀏覽器不支援JavaScript功能，若網頁功能無法正常使用時，請開啟瀏覽器JavaScript狀態",
    "您的浏览器不支持JavaScript功能",
    "友善列印 :",
    "字級設定 :",
    "請利用鍵盤按住Ctrl + P開啟列印功能",
    "![]()",
    "![图片](https://example.com/a.png)",
])
def test_a_portals_chrome_and_an_empty_picture_are_furniture(line):
    text = "某某區公所112年度工作報告\n" + line + "\n" + BODY
    assert [t for c, t in found(text) if c == "KJ601"] == [line]


@pytest.mark.parametrize("line", [
    "会议指出：要利用键盘录入等方式提高效率。",
    "浏览器兼容性测试：支持JavaScript的浏览器均可使用。",
    "第三条 字级设定应符合公文格式要求。",
])
def test_prose_about_browsers_and_keyboards_is_no_chrome(line):
    text = "某某區公所112年度工作報告\n" + line + "\n" + BODY
    assert "KJ601" not in codes(text)
