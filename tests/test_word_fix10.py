"""Word files of session 15's independent set fdocx10 (issue 11): false findings decided by the
Word layout (a cover page, tables, the document's own parts). Each is shown both ways: the
layout is left alone, the defect the rule is for is still reported."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx
from kjlint.docx import read_docx
from kjlint.engine import lint_text

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


def test_a_plans_numbered_list_mentioning_a_site_widget_is_no_notice_panel(tmp_path):
    # item 2 names 友情链接 in the writer's sentence (kept as his): the items after it, about the
    # site he promotes, are his list, not a page's numbered download tips
    items = ["1．在网站制作完成之后，将其放在Web服务器上，然后进行推广，提高网站的知名度。",
             "2．与一些国内公益网站建立友情链接，如国内有名的大型公益网站。",
             "3．通过各种新闻、媒体进行报道，扩大网站的影响力度。",
             "4．将网站推到微博、知乎的热搜排行榜，让人们在消遣娱乐时也能关注到本网站。",
             "5．在相关的论坛中宣传、推广本网站，并成立相应的贴吧等。", "6．使用标题广告来进行宣传"]
    plan = ["公益网站项目计划书", "发布与推行", "主要采用搜索引擎网站推广法，媒体、论坛辅助进行推广。", *items]
    assert docx_codes(make_docx(tmp_path / "计划书.docx", plan), "KJ601", "KJ502") == []
    # a page's notice panel: its first tip is the site's, the tips numbered on from it are too
    page = "\n".join(["某某工作总结", "今年以来，全局各项工作稳步推进。", "1、本文档共6页，可阅读全部内容。",
                      "2、文档内容仅供参考。", "3、下载前请仔细核对页数。"])
    assert [f.line for f in lint_text(page, select=["KJ601"]) if f.code == "KJ601"] == [3, 4, 5]


_TEXT = ["一、项目概要", *["本项目面向高校学生，设计并实现一个二手物品交易平台，支持发布、检索、下单和评价等功能，"
                       "并通过消息提醒提高交易效率。"] * 6]


def test_a_cover_label_whose_parts_are_set_out_below_it_is_filled(tmp_path):
    # 小组成员： with its value on the next lines as the fields of its parts (组长：… / 组员：…)
    cover = ["软件工程课程设计报告", "题目：校园二手交易平台", "学院：计算机学院", "小组成员：", "组长：张某某 2019001",
             "组员：李某某、王某某、赵某某"]
    assert docx_codes(make_docx(tmp_path / "报告.docx", [*cover, "", *_TEXT]), "KJ204") == []
    # a field left empty above fields of their own is still reported
    cover = ["软件工程课程设计报告", "题目：校园二手交易平台", "学院：计算机学院", "指导教师：", "学号：2019001",
             "班级：软件1901"]
    assert docx_codes(make_docx(tmp_path / "空着.docx", [*cover, "", *_TEXT]), "KJ204") == [("KJ204", 4)]


def test_a_captions_unit_list_ending_in_percent_is_no_deleted_figure():
    # 单位：元，% names the units of a table's columns (amounts and shares)
    for caption in ["表8-1 注册资本构成表             单位：元，%", "表2 收入构成  单位：万元、%"]:
        assert [f.code for f in lint_text(caption + "\n", select=["KJ207"])] == []
    # a percentage whose figure was deleted after a clause mark is still reported
    assert [f.code for f in lint_text("全年实现营业收入5000万元，同比增长12%，占比%。\n", select=["KJ207"])] == ["KJ207"]
