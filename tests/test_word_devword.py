"""Word files nobody here wrote (issue 11, session 14's development set devword: 49 reports,
开题报告, 任务书 and 实验报告 from 49 repositories): headings left empty as Word's outline shows
them, and a cover's fields left empty in a document that is written."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx

BODY = "本节说明系统的设计思路，给出主要模块的划分与实现方法，并分析测试结果。"


def test_word_headings_with_nothing_under_them_before_a_heading_of_their_level(tmp_path):
    # a course report: its first sections are written, the last ones were never written (3, 4
    # and 5 followed by the next section or the end: Word's style makes them headings)
    report = ["课程设计报告", ("heading", 1, "1 内容与要求"), BODY, ("heading", 1, "2 总体设计"),
              ("heading", 2, "2.1 创建模块"), BODY, ("heading", 2, "2.2 显示模块"), BODY,
              ("heading", 1, "3 详细设计"), ("heading", 1, "4 程序测试"), ("heading", 1, "5 总结")]
    assert [line for _, line in docx_codes(make_docx(tmp_path / "报告.docx", report), "KJ303")] == [9, 10, 11]
    # a second part whose subsections were never written, at the end of the file
    lab = ["实验报告", ("heading", 1, "一、sniffer"), ("heading", 2, "1.原理"), BODY,
           ("heading", 2, "2.改进的地方"), BODY, ("heading", 2, "3.收获"), BODY,
           ("heading", 1, "二、网络仿真"), ("heading", 2, "1原理"), ("heading", 2, "2.改进的地方"),
           ("heading", 2, "3.收获")]
    assert [line for _, line in docx_codes(make_docx(tmp_path / "实验.docx", lab), "KJ303")] == [10, 11, 12]


def test_word_headings_with_their_text_or_a_picture_or_deeper_headings_are_not_empty(tmp_path):
    # a title and subtitle in a heading style, sections numbered 1. and 1.1. in one style, a
    # heading whose body is a picture, a name ending in a colon that heads its paragraph
    written = [("heading", 1, "ElectrocarManager"), ("heading", 1, "需求分析与概要设计"),
               ("heading", 2, "1.项目说明"), ("heading", 2, "1.1.项目目标"), BODY,
               ("heading", 2, "1.2.软硬件环境"), BODY, ("heading", 2, "2.需求分析"),
               ("heading", 2, "2.1.系统用例"), ("picture", ""), ("heading", 2, "2.2.业务流程"), BODY,
               ("heading", 1, "个人总结"), ("heading", 1, "李兴虎："), BODY]
    assert docx_codes(make_docx(tmp_path / "设计.docx", written), "KJ303") == []
    # an unnumbered styled line is no section of the outline (a sentence in a heading style, a
    # diary's date): it neither is reported nor ends the section above it
    notes = ["学习笔记", ("heading", 1, "1.选择器"), BODY, ("heading", 1, "2.盒模型"), BODY,
             ("heading", 1, "3.布局"), BODY, ("heading", 1, "4.定位"), ("heading", 1, "本节主要涉及定位方式"),
             ("heading", 1, "11-24"), ("heading", 1, "12月")]
    assert docx_codes(make_docx(tmp_path / "笔记.docx", notes), "KJ303") == []
    # an outline of headings with hardly any text under them is a plan, not a report left unwritten
    outline = ["论文提纲", ("heading", 1, "第一章 绪论"), ("heading", 1, "第二章 相关理论"),
               ("heading", 1, "第三章 系统设计"), BODY, ("heading", 1, "第四章 实验"), ("heading", 1, "第五章 总结")]
    assert docx_codes(make_docx(tmp_path / "提纲.docx", outline), "KJ303") == []
