"""Mechanisms that the fresh batch of real pages (fixtures/realworld f001-f040) showed missing or
too broad, on synthetic text: each test fails without its change."""
from __future__ import annotations

from kjlint.engine import lint_text


def findings(text: str, prefix: str) -> list[tuple[int, str]]:
    """(line, flagged text) of the default rules' findings whose code starts with `prefix`."""
    return [(f.line, text[f.offset:f.end_offset]) for f in lint_text(text) if f.code.startswith(prefix)]


def test_forum_anti_copy_jammer_is_furniture_but_letters_and_numbers_are_not():
    text = ("某局述职报告+ O2 W- O: E/ I5 L9 Z\n"
            "$ m4 D( A7 D( u; a, D: D0 K7 n\n"
            "& x* F9 R' {\" K 1.首部。主要包括标题、主送机关或称谓等内容。\n"
            "考题分 A B C D E 五档，1 2 3 4 5 号考场已布置完毕。\n")
    hits = findings(text, "KJ601")
    assert (1, "+ O2 W- O: E/ I5 L9 Z") in hits
    assert (2, "$ m4 D( A7 D( u; a, D: D0 K7 n") in hits
    assert [h for h in hits if h[0] == 3] == [(3, "& x* F9 R' {\" K ")]  # the list number 1. stays
    assert not [h for h in hits if h[0] == 4]


def test_forum_junk_runs_of_symbols_glued_into_sentences_are_furniture_and_no_masks():
    """A forum's anti-copy junk, runs of # % * @ & glued into its sentences (fresh10 p029, invented
    text): KJ601 reports each run; the * and % in them are no masks nor deleted percentages (KJ202,
    KJ207). A mask (***, **%) and a figure's percent sign stay."""
    text = ("某区关爱队成立一周年工作总结\n"
            "今年全区成立关爱队伍%%#,目的是凝聚社区资源@**%*,支援地区工作、加强地区网络%#@#%。"
            "当日*%*%,区长主持启动仪式#%##。\n"
            "全年服务群众***人次，满意率达**%，比上年提高5%。\n")
    assert [t for _, t in findings(text, "KJ601")] == ["%%#", "@**%*", "%#@#%", "*%*%", "#%##"]
    assert [t for _, t in findings(text, "KJ202")] == ["***", "**"]
    assert findings(text, "KJ207") == []


def test_a_download_notice_ending_a_preview_is_a_notice_and_its_link_sign_no_emoji():
    """A sharing site's preview ends with a line sending the reader to the download, a link's sign
    before it (fresh10 p145, invented text): KJ301 reports the line, the sign is no emoji of the
    report (KJ704). An emoji in the report's own sentence still is; a notice's 下载附件 is the text's."""
    text = ("某局创建文明城市工作总结\n全局上下齐抓共管，创建工作取得明显成效。\n🔗更多内容请下载文档\n")
    assert [t for _, t in findings(text, "KJ301")] == ["🔗更多内容请下载文档"]
    assert findings(text, "KJ704") == []
    own = "某局创建文明城市工作总结\n全局上下齐抓共管，创建工作取得明显成效🎉。\n更多内容请下载附件。\n"
    assert findings(own, "KJ301") == [] and [t for _, t in findings(own, "KJ704")] == ["🎉"]


def test_short_label_before_a_web_address_and_date_before_source_are_furniture():
    text = ("镇政府2023年政府信息公开工作总结\n"
            "2023-02-14    来源:厅财务处\n"
            "2023年，我镇坚持应公开尽公开，全面提升政务公开水平。\n"
            "如若转载,请注明出处:https://www.example.com/88534.html\n")
    lines = {line for line, _ in findings(text, "KJ601")}
    assert lines == {2, 4}
    assert not findings(text, "KJ302")  # the ending is the report's, not the footer's
    text = "区政务公开工作总结\n全年发布政府信息45条。\n详见网址:https://www.example.cn/news/1.html\n"
    assert not findings(text, "KJ601")  # the report sends its reader to an address


def test_blurb_that_helps_the_reader_is_furniture():
    text = ("人居环境调查报告\n"
            "我们应当如何写报告呢?下面我給大家整理了一些优秀的报告,欢迎大家分享。\n"
            "一、基本情况\n全村总人口93人。\n")
    assert any(line == 2 for line, _ in findings(text, "KJ601"))


def test_bracketed_field_followed_by_its_value_is_not_a_slot():
    text = "【公布日期】2023.09.15\n【施行日期】 2023年9月15日\n【单位名称】2023年工作总结\n报送时间：【填写日期】\n"
    assert [line for line, _ in findings(text, "KJ205")] == [3, 4]


def test_long_title_glued_to_the_body_is_a_repeated_title():
    text = ("高塘镇述职述廉(惠民县胡集镇述职评议)\n"
            "高塘镇述职述廉(惠民县胡集镇述职评议)回顾过去的一年，全镇经济社会高质量发展全面起势。\n"
            "一、主要工作\n全年完成投资3.6亿元。\n")
    assert findings(text, "KJ607") == [(2, "高塘镇述职述廉(惠民县胡集镇述职评议)")]
    text = "全镇脱贫攻坚纪实\n全镇脱贫攻坚纪实材料由镇党政办汇编。\n"  # short: may be the body's own words
    assert not findings(text, "KJ607")
