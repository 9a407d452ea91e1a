"""Word files of session 15's independent set fdocx10 (issue 11): false findings decided by the
Word layout (a cover page, tables, the document's own parts). Each is shown both ways: the
layout is left alone, the defect the rule is for is still reported."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx
from kjlint.docx import read_docx

_BODY = ["研究课题来源", "教师或学生富有创新和实际意义的自拟题目。",
         "随着社会的飞速发展，人们的生活节奏日益加快，任务清单类应用层出不穷。",
         "本课题设计并实现一个基于微信小程序的事务清单系统。"]


def test_a_cover_page_ended_by_empty_paragraphs_is_a_cover(tmp_path):
    # no page break: the writer pushes the form onto the next page with empty paragraphs; the
    # cover's fields (专    业   软件工程) are no web furniture, the form's heading no repeated title
    cover = ["本科毕业论文（设计）开题报告", "", "", "题目基于微信小程序的事务清单系统设计与实现", "",
             "\t\t专    业   软件工程", "\t\t班    级  /", "\t\t姓    名   某某某", "\t\t指导教师"]
    path = make_docx(tmp_path / "开题报告.docx", [*cover, *[""] * 6, "毕业论文（设计）开题报告", *_BODY])
    doc = read_docx(path)
    assert doc.part(5) == "cover" and doc.part(15) == "body"
    assert docx_codes(path, "KJ609", "KJ607") == []
    # two empty paragraphs are spacing on the page, not its end: the lines stay the body's
    path = make_docx(tmp_path / "报告.docx", [*cover, "", "", "毕业论文（设计）开题报告", *_BODY])
    assert read_docx(path).part(5) == "body"


_PLAN = ["项目名称", "城院跳蚤小程序", "一、项目介绍", "本项目为校园二手交易提供一个小程序平台，方便同学们买卖闲置物品。",
         "二、项目目标", "在一个学期内完成小程序的设计、开发和上线。"]


def test_a_typed_table_of_contents_and_a_letterhead_text_box_repeat_no_title(tmp_path):
    # entries typed with dash leaders and page numbers are a table of contents, not titles
    toc = ["项目计划书", "项目介绍-------------------------------------------2",
           "项目目标-------------------------------------------3", "时间安排-------------------------------------------4"]
    assert docx_codes(make_docx(tmp_path / "计划书.docx", [*toc, *_PLAN]), "KJ607") == []
    # a template's letterhead in a text box above the cover's title: the page's layout
    boxed = [("textbox", ["某某省企业就业失业数据采集系统项目 项目计划书", "TEL:010-12345678"]), "", "某某省企业就业失业数据采集系统项目", "项目计划书", *_PLAN]
    assert docx_codes(make_docx(tmp_path / "函头.docx", boxed), "KJ607") == []
    # the title typed twice in the body is still reported
    twice = ["某某系统项目项目计划书", "某某系统项目项目计划书", *_PLAN]
    assert [c for c, _ in docx_codes(make_docx(tmp_path / "两遍.docx", twice), "KJ607")] == ["KJ607"]
