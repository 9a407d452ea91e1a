"""Clean official texts kept quiet (issue #11: at most 0.5 findings per 10,000 characters of
government prose): what session 16's government pages from portals nobody had used showed as
false alarms (fixtures/devsets/gov16: a legislature's agenda given as a table of rows parted by
`|`, a gazette's 批示 one after another, a 通知 and the 方案 it sends, a law's chapters and articles,
minutes with their roll of members, a traditional-script 决算's 目 錄, notes marked `*`). Every
text here is invented in the shape of those pages."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text


def found(text: str, select: tuple[str, ...]) -> list[tuple[str, int, str]]:
    return [(f.code, f.line, text[f.offset:f.end_offset]) for f in lint_text(text, "page.txt", select=list(select))]


# -- a table given as rows whose cells `|` parts, a lone `|` closing each row -----------------

AGENDA = """某某市人大常委会
议程
I. 提交文件
文件名称 | 编号
|
---|
1. | 《某某条例(修订附表)公告》 | 12/2024
|
2. | 《某某规例(生效日期)公告》 | 13/2024
|
3. | 第20号 | - | 某某基金年度帐目报表
连同审计报告
|
(由财政局局长提交)
|
4. | 第21号 | - | 某某管理局年报
|
II. 书面质询
1. 某议员问:
政府可否告知本会:
(一) | 过去三年接获的投诉数目;
|
(二) | 当局处理投诉的程序。
"""


def test_a_table_of_rows_parted_by_bars_keeps_its_bars_rows_and_numbers():
    assert found(AGENDA, ("KJ601", "KJ609", "KJ502", "KJ503")) == []


def test_a_lone_bar_around_text_without_such_rows_is_still_the_pages_frame():
    text = "某某镇2023年工作总结\n|\n全年完成招商引资项目12个,总投资8亿元。\n各项工作稳步推进。\n"
    assert [(c, p) for c, _, p in found(text, ("KJ601",))] == [("KJ601", "|")]


# -- a date and weekday: a site's widget, or the hour of an event -----------------------------

@pytest.mark.parametrize("line", ["2009年4月22日星期三上午11时正", "2015年4月22日星期三 下午2時30分"])
def test_a_date_with_the_hour_of_a_meeting_is_the_texts(line):
    text = f"某某委员会\n议程\n{line}\n一、通过上次会议纪要。\n二、讨论下次会议事项。\n"
    assert found(text, ("KJ601", "KJ609")) == []


def test_a_date_and_weekday_alone_is_still_a_widget():
    text = "某某县人民政府\n2024年1月1日 星期一\n某某县2023年工作总结\n全年完成招商引资项目12个。\n"
    assert [p for _, _, p in found(text, ("KJ601",))] == ["2024年1月1日 星期一"]


# -- the 落款's date closes a document: what follows numbers afresh ---------------------------

GAZETTE = """第12/2024號行政長官批示
行政長官行使基本法賦予的職權,作出本批示。
一、設立某某工作小組。
二、本批示自公佈翌日起生效。
二零二四年三月一日
行政長官 某某某
第13/2024號行政長官批示
行政長官行使基本法賦予的職權,作出本批示。
一、許可與某某公司訂立合同。
二、本批示自公佈之日起生效。
"""

NOTICE = """某某区人民政府办公室关于印发2023年重点任务分解方案的通知
各街道办事处,区政府各部门:
现将《2023年重点任务分解方案》印发给你们,请认真贯彻执行。
一、各责任单位要制订工作方案。
二、各责任单位要按季度报送进展。
三、区政府办公室将跟踪督办。
某某区人民政府办公室
2023年1月3日
2023年重点任务分解方案
一、主要预期目标
(一)地区生产总值增长7%以上
责任单位:区发展和改革局
"""


@pytest.mark.parametrize("text", [GAZETTE, NOTICE])
def test_numbering_starts_again_below_a_signing_date(text):
    assert found(text, ("KJ5",)) == []


def test_a_step_back_without_a_signing_date_is_still_reported():
    text = NOTICE.replace("某某区人民政府办公室\n2023年1月3日\n", "")
    assert [c for c, _, _ in found(text, ("KJ503",))] == ["KJ503"]


# -- a law's outline and a roll of members are no menu -----------------------------------------

LAW = """第5/2024號法律
電子政務
立法會根據基本法,制定本法律。
第一章
一般規定
第一條
標的及範圍
一、本法律訂定公共部門以電子方式作出的行為和手續的規定。
"""

MINUTES = """某某事務委員會
會議紀要
出席委員:
甲某某議員(主席)
乙某某議員(副主席)
丙某某議員
丁某某議員
戊某某議員
己某某議員
庚某某議員
缺席委員:
辛某某議員
一、通過上次會議的紀要。
"""


@pytest.mark.parametrize("text", [LAW, MINUTES])
def test_a_laws_outline_or_a_roll_of_members_is_no_menu(text):
    assert found(text, ("KJ609",)) == []


def test_a_run_of_short_site_words_is_still_a_menu():
    text = "首页\n新闻\n政务\n服务\n互动\n某某县2023年工作总结\n全年完成招商引资项目12个,总投资8亿元。\n"
    assert {p for _, _, p in found(text, ("KJ601", "KJ609"))} == {"首页", "新闻", "政务", "服务", "互动"}


# -- a table of contents in traditional script -------------------------------------------------

def test_a_traditional_contents_list_is_no_outline():
    text = ("某某中心2023年度部門決算公開說明\n目 錄\n一、主要職能\n二、機構設置\n三、決算情況說明\n"
            "一、主要職能\n貫徹執行國家和本市有關政務服務工作的方針、政策。\n"
            "二、機構設置\n本單位實有人數11人。\n")
    assert found(text, ("KJ5",)) == []


# -- a note's mark ----------------------------------------------------------------------------

def test_an_asterisk_closing_a_sentence_is_a_notes_mark():
    text = ("第99/2024號行政長官批示\n一、設立某某工作小組。\n二、工作小組的後勤支援由某某局提供。*\n"
            "* 已更改 - 請查閱:第20/2025號行政長官批示\n")
    assert found(text, ("KJ202",)) == []


def test_asterisks_for_a_figure_at_a_lines_end_are_still_a_mask():
    text = "某某县2023年工作总结\n全年完成投资过****\n"
    assert [p for _, _, p in found(text, ("KJ202",))] == ["****"]


# -- KJ3/KJ5 false alarms of the kept development sets (fresh9, web15) --------------------------

def test_a_contents_entry_may_ask_its_question():
    text = ("HTML 表单深度解析\n目录\n  1. 引言:表单简介\n    • 1.1 什么是 HTML 表单?\n    • 1.2 表单的语义作用\n"
            "  2. 表单详解\n  3. 可访问性考量\n  4. 总结\n\n1. 引言:表单简介\n\n在网页中,表单是用户与网站交互的基础方式。\n\n"
            "1.1 什么是 HTML 表单?\n\nHTML 表单是收集用户输入的元素集合。\n\n1.2 表单的语义作用\n\n表单把控件组织在一起。\n\n"
            "2. 表单详解\n\n表单有多个属性。\n")
    assert found(text, ("KJ3", "KJ5")) == []


def test_a_title_above_a_notice_that_the_opening_was_left_out_is_no_broken_sentence():
    text = ("某某乡2024年上半年安全生产工作总结\n……(开头部分已省略1935字)\n"
            "(六)坚持预防为主,专项整治工作成效明显。全乡开展隐患排查2次,整改隐患15处。\n"
            "二、存在的问题和不足\n部分企业主体责任落实不到位。\n")
    assert [c for c, _, _ in found(text, ("KJ305",))] == []


def test_a_sentence_broken_off_by_a_notice_is_still_reported():
    text = ("某某县2023年政府工作报告\n各位代表:\n一年来,我们大力开展“消费提振年\n"
            "……(某某网省略912字,正式会员可完整阅读)……\n4个。低改新建油茶3.1万亩,培育油茶基地4家。\n")
    assert [c for c, _, _ in found(text, ("KJ305",))] == ["KJ305"]


# -- a rule between the 落款 and the attachment ------------------------------------------------

def test_a_rule_above_the_attachment_is_the_documents():
    text = ("第166/2024號行政長官批示\n一、重新公佈某某法律的全文,其載於附件一。\n二零二四年十月十七日\n行政長官 某某某\n"
            "———\n附件一\n(第一款所指者)\n第2/2020號法律\n")
    assert found(text, ("KJ601",)) == []


def test_a_rule_above_the_sites_footer_is_still_the_pages():
    text = "某某县2023年工作总结\n全年完成招商引资项目12个。\n———\n某某网 版权所有\n"
    assert [p for _, _, p in found(text, ("KJ601",))] == ["———", "某某网 版权所有"]
