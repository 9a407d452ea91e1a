"""Mechanisms that the third fresh batch of real pages (fixtures/realworld f083-f126) showed
missing, on synthetic text: each test fails without its change."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

BODY = "今年以来，我局认真落实各项惠农政策，全年完成粮食播种面积十二万亩，新建高标准农田三千亩。"


def findings(text: str, prefix: str) -> list[tuple[int, str]]:
    """(line, flagged text) of the default rules' findings whose code starts with `prefix`."""
    return [(f.line, text[f.offset:f.end_offset]) for f in lint_text(text) if f.code.startswith(prefix)]


@pytest.mark.parametrize("text, lost", [
    ("某县2023年工作报告\n??2023年1月8日在县人民代表大会上\n各位代表：\n", "??"),  # a line's start
    ("某县2023年工作报告\n三次产业比重由2.1?40.3?57.6调整为2?39?59。\n", "?"),  # between digits
    ("某县2023年工作报告\n全体干部感受到了来之不易的成绩。?\n", "?"),  # after a full stop
    ("某县2023年工作报告\n坚持?;?、均衡发展原则。\n", "?"),  # before and after a semicolon
    ("关于印发某县防汛应急预案的通知\n某政办发〔202318\n各乡镇人民政府：\n", "〔202318"),  # 文号's 〕 and 号 lost
])
def test_characters_lost_in_conversion(text, lost):
    assert lost in [hit for _, hit in findings(text, "KJ412")]


@pytest.mark.parametrize("text", [
    "某县2023年工作报告\n全年目标能否实现?2024年又该如何安排?\n",  # questions
    "某县2023年工作报告\n按照某政办发〔2023〕18号文件要求执行。\n",
    "某县2023年工作报告\n详见网址 http://example.gov.cn/list.php?id=12 的通知。\n",
])
def test_real_question_marks_and_document_numbers_are_kept(text):
    assert not findings(text, "KJ412")


def test_a_time_deleted_before_a_figures_de():
    text = "某市2023年政府工作报告\n地区生产总值由2018年的1.2万亿元增加到的1.6万亿元。\n"
    assert (2, "的") in findings(text, "KJ207")
    assert not findings("某市2023年政府工作报告\n地区生产总值增加到2023年的1.6万亿元。\n", "KJ207")


@pytest.mark.parametrize("line", [
    "3f9a0c1d7e2b48a6b5c4d3e2f1a0b9c8",  # an image's id, its picture not copied
    "编辑/王某某",  # a credit with a slash
    "政务   2024-05-06 09:12   杭州",  # an article's header: category, date and time, place
    "文号: 主题分类: 登记号:",  # a row of empty fields
    "生成日期: 2023-05-09 10:49:51 内容概述: 某县农业农村局2023年工作总结",
    "朗读",  # a read-aloud button
    "点击上方“某某发布”关注我们",
    "未标明由某某网(www.example.com)原创的文章，均为公益转载或由网民上传发布。",  # a disclaimer naming the site
])
def test_page_furniture_lines(line):
    page = f"某县农业农村局2023年工作总结\n{line}\n{BODY}\n"
    assert [n for n, _ in findings(page, "KJ601")] == [2]


def test_a_blurb_addressed_to_the_reader():
    blurb = "我们精心挑选了数篇优质述职报告，供您阅读参考。"
    page = f"某县农业农村局2023年工作总结\n{BODY}{blurb}\n"
    assert (2, blurb) in findings(page, "KJ601")


def test_a_news_pages_short_summary_is_the_sites_but_an_articles_abstract_is_not():
    page = ("某局召开年度工作会议\n摘要:某局召开年度工作会议。会议回顾总结上半年工作。局长就下半年工作提出三点要求。\n"
            "4月2日，某局召开年度工作会议，总结上半年工作。\n")
    assert [n for n, _ in findings(page, "KJ601")] == [2]
    abstract = ("摘要:乡村振兴战略背景下，不同区域农村集体经济应具有差异化定位。依靠资本下乡或休闲旅游振兴乡村，"
                "不仅可能挤压农民的生存空间，还可能造成集体资产流失。本文以三个县为例，分析集体经济的发展路径，提出对策建议")
    page = f"农村集体经济的差异化发展路径\n{abstract}\n关键词:乡村振兴;集体经济\n一、问题的提出\n{BODY}\n"
    assert not findings(page, "KJ601")


def test_an_arabic_piece_counter_run_into_a_page():
    text = ("乡镇防汛工作汇报三篇\n以下是为大家整理的乡镇防汛工作汇报3篇，欢迎大家参考查阅！第1篇:乡镇防汛工作汇报"
            "根据安排，现将我镇防汛工作汇报如下。\n")
    assert "第1篇:" in [hit for _, hit in findings(text, "KJ601")]


@pytest.mark.parametrize("title, label", [("乡镇防汛工作情况汇报(参考范文)", "(参考范文)"),
                                          ("乡镇防汛工作汇报(全文)", "(全文)")])
def test_a_bracketed_sales_word_ending_a_title(title, label):
    assert (1, label) in findings(f"{title}\n{BODY}\n", "KJ604")
    assert not findings(f"乡镇防汛工作汇报\n会议审议了工作报告(全文)和预算草案，{BODY}\n", "KJ604")


def test_a_news_pages_media_markup_opening_a_paragraph():
    text = f"某县召开工作会议\n【导语】4日上午，县政府召开工作会议。\n【图文】{BODY}\n"
    assert [hit for _, hit in findings(text, "KJ601")] == ["【导语】", "【图文】"]


def test_signature_lines_and_a_word_files_question_marks_are_the_writers(tmp_path):
    from kjlint.catalog import load_catalog
    from kjlint.engine import LintOptions, lint_document
    from kjlint.reading import read_document

    assert not findings(f"某县农业农村局2023年工作总结\n{BODY}\n甲方签名:     乙方签名:\n", "KJ601")
    assert not findings("某县2023年工作报告\n这样做对吗？，还要再研究。\n", "KJ412")
    docx = pytest.importorskip("docx")
    path = tmp_path / "笔记.docx"
    d = docx.Document()
    for text in ("学习笔记", "??后面不能是int", "比例为1.6?36.9。"):
        d.add_paragraph(text)
    d.save(path)
    assert not [f for f in lint_document(read_document(path), load_catalog(), LintOptions()) if f.code == "KJ412"]


def test_a_lower_case_x_after_an_abbreviation_is_a_mask():
    assert (2, "x") in findings("某乡疫情防控工作汇报\n全乡共关闭饭店12家，KTVx家，网吧3家。\n", "KJ201")
    assert not findings("某乡疫情防控工作汇报\n全乡共关闭饭店12家，KTV3家，网吧3家。\n", "KJ201")
