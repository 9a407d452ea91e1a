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


TEXT = "".join([
    "本系统采用前后端分离的结构，前端负责界面展示与交互，后端负责业务处理与数据存储。",
    "系统分为登录、查询、统计三个模块，各模块之间通过接口调用，互不依赖。",
    "数据库选用关系型数据库，按照第三范式设计表结构，减少冗余并保证一致性。",
    "测试阶段分别进行了单元测试和集成测试，发现的问题均已记录并逐一修正。",
    "在开发过程中，小组成员按周汇报进度，遇到困难时共同讨论解决办法。",
    "通过这次课程设计，我们加深了对软件工程方法的理解，也提高了动手能力。",
    "今后还可以增加权限管理和日志审计功能，使系统更加完善、安全、可靠。",
    "界面设计力求简洁明了，常用操作放在首页，减少用户的点击次数和等待时间。",
    "部署时使用容器打包应用，配置文件与代码分开保存，便于在不同环境之间迁移。",
    "文档部分包括需求说明、设计说明和使用手册，均按照课程要求的格式编写完成。"])


def test_a_written_reports_cover_fields_left_empty(tmp_path):
    # a cover's fields, one a line, padded for the underline: the writer filled some, left others
    cover = ["课程设计报告", "          课程名称： 程序设计与数据结构        ", "          学    号：       31501365      ",
             "          姓    名：         黄鹏羽          ", "          所在学院：                     ", TEXT]
    assert [line for _, line in docx_codes(make_docx(tmp_path / "封面.docx", cover), "KJ204")] == [5]
    # spaced labels with the room drawn after them, the title filled; the grade is the teacher's
    bare = ["综合试题", "题 目： 在可视窗口下，模拟停车场车位信息的显示      ", "姓 名                             ",
            "学 号                             ", "成 绩                             ", TEXT]
    assert [line for _, line in docx_codes(make_docx(tmp_path / "试题.docx", bare), "KJ204")] == [3, 4]
    # a cover's table, label | value: the faculty filled, the student's name and number not
    table = ["软件课程设计总报告", ("table", [["学  生：", "", "学 号：", ""], ["学  院：", "计算机科学与工程学院", None, None],
                                          ["专  业：", "软件工程", None, None]]), TEXT]
    assert len(docx_codes(make_docx(tmp_path / "总报告.docx", table), "KJ204")) == 2
    # several fields on a line: each member's share of the work left empty, the grade is the teacher's
    shares = ["课程设计报告", "设计分工", "组长学号及姓名：E11514080  曹泽宇", "分工：             成绩：",
              "组员1学号及姓名：E11514024  江婉榕", "分工：             成绩：", TEXT]
    assert [line for _, line in docx_codes(make_docx(tmp_path / "分工.docx", shares), "KJ204")] == [4, 6]


def test_a_cover_whose_fields_are_filled_or_a_form_still_to_fill_is_no_blank(tmp_path):
    # each value on the line under its label; a lead-in (界面内容如下：) is no field
    below = ["开题报告", "项目名称：    ", "       记账本app        ", "负责人：     ", "  莫允扬      ",
             "学号：      ", "   180110719     ", "界面内容基本如下：", ("picture", ""), TEXT]
    assert docx_codes(make_docx(tmp_path / "开题.docx", below), "KJ204") == []
    # a blank form: its fields are all for the writer to fill, and nothing is written under them
    form = ["数据结构课程设计报告", "学院：    信息科学与技术学院  ", "专业：       ", "班级：       ", "姓名：       ",
            "一、实验目的和要求：（所涉及并要求掌握的知识点）", "二、实验环境：（所需要的平台和软件）"]
    assert docx_codes(make_docx(tmp_path / "模板.docx", form), "KJ204") == []
    # the office's fields (编号, 批准) and the signature's date are another hand's
    office = ["任务书", "编号：", "批 准：", "题目：基于深度学习的图像识别", "日期：", TEXT]
    assert docx_codes(make_docx(tmp_path / "任务书.docx", office), "KJ204") == []


def test_a_code_listing_repeated_in_a_report_is_no_repeated_paragraph(tmp_path):
    # a struct's field with its comment in Chinese, and a class's declaration, shown in the design
    # section and again in the source listing: the program's lines, not the report's paragraphs
    listing = ["课程设计报告", "三、详细设计", "患者结构体如下：", "typedef struct Pat {", "\tchar name[10];      //患者姓名",
               "\tint flag;           //判断第几次诊断(主要针对B类患者)", "}patient;", "进程类的声明：",
               "class SProcess : public QPushButton", "{", "public:", "};", TEXT, "四、实现部分", "//源代码",
               "typedef struct Pat {", "\tchar name[10];      //患者姓名",
               "\tint flag;           //判断第几次诊断(主要针对B类患者)", "}patient;",
               "class SProcess : public QPushButton", "{", "public:", "};"]
    assert docx_codes(make_docx(tmp_path / "设计.docx", listing), "KJ1") == []
    # a paragraph of the report's own pasted twice is still reported
    twice = ["课程设计报告", "系统使用浏览器/服务器两种模式，用户只要能连接网络，就可以在任何地方使用本系统完成选课。",
             "系统使用浏览器/服务器两种模式，用户只要能连接网络，就可以在任何地方使用本系统完成选课。", TEXT]
    assert [code for code, _ in docx_codes(make_docx(tmp_path / "重复.docx", twice), "KJ1")] == ["KJ101"]
