"""Word files nobody here wrote (issue 11, session 18's fdocx13 set, its misses): defects an editor
marks that the Word layout and the file's own evidence show. Each mechanism is shown both ways:
the defect is found, the look-alike is left alone."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx


def _matches(path, code: str) -> list[str]:
    from kjlint.catalog import load_catalog
    from kjlint.engine import LintOptions, lint_document
    from kjlint.reading import read_document

    doc = read_document(path)
    return [doc.text[f.offset:f.end_offset] for f in lint_document(doc, load_catalog(), LintOptions(codes={code}))]


def test_a_code_boxs_language_tag_is_markdown_residue(tmp_path):
    # a web editor's code block pastes into Word as a table of one cell: its language tag, in
    # whatever case, heads the box above the code (a caption may come between)
    spec = ["Spring 常见问题", "@Bean 注解使用示例如下。",
            ("table", [[["Java", "@Bean注解使用示例", "@Configuration", "public class AppConfig {", "}"]]]),
            "AOF 持久化的配置：", ("table", [[["YAML", "appendonly yes", "appendfsync everysec"]]])]
    assert _matches(make_docx(tmp_path / "笔记.docx", spec), "KJ610") == ["Java", "YAML"]


def test_a_language_name_heading_a_table_of_several_cells_is_left_alone(tmp_path):
    # a technology table's column, a box holding the name alone, a box whose lines are languages
    spec = ["技术选型", ("table", [[["Java", "后端开发", "Spring Boot"], ["Vue", "前端"]]]),
            ("table", [[["Python"]]]), ("table", [[["Java", "Python", "Go", "C"]]]),
            ("table", [[["Java", "后端服务"], ["MySQL", "存储"]]])]
    assert docx_codes(make_docx(tmp_path / "选型.docx", spec), "KJ610") == []


def test_a_markdown_code_fence_pasted_into_a_word_file_is_residue(tmp_path):
    spec = ["课程设计报告", "下图是一个简化的MVC架构示意图：", "```", "+--------+", "|  View  |", "+--------+", "```",
            "在这个架构中，用户通过视图层与系统进行交互。", "```java", "int a = 1;", "```"]
    assert _matches(make_docx(tmp_path / "报告.docx", spec), "KJ610") == ["```", "```", "```java", "```"]
    # a lone fence is as often a tutorial's sample of the syntax
    lone = ["Markdown 语法", "代码块用三个反引号开头：", "```", "再以同样的符号结尾。"]
    assert _matches(make_docx(tmp_path / "语法.docx", lone), "KJ610") == []


def test_a_paragraph_mark_inside_a_sentence_of_a_forms_box_is_a_hard_line_end(tmp_path):
    # a 中期报告 written inside one cell of the form: its paragraphs are the cell's, and a mark
    # typed where the line wrapped splits a word there as in the body
    box = ["（2）客户分组：",
           "全局黑名单：提供内置筛选包括邮件退订、短信退订系统分组。短信退订内的客户从短信回复退订后进入，这些用户无法收到短信；邮件退",
           "订内的客户代表从邮件内点击退订后进入的客户，这些客户将无法收到邮件。"]
    spec = ["中期报告", ("table", [["课题名称", "营销系统"], [box, None]])]
    assert _matches(make_docx(tmp_path / "中期.docx", spec), "KJ413") == ["退\n订"]
    # two cells of a row end where their cells end
    cells = ["中期报告", ("table", [["短信退订内的客户从短信回复退订后进入，这些用户无法收到短信；邮件退",
                                   "订内的客户代表从邮件内点击退订后进入的客户。"]])]
    assert _matches(make_docx(tmp_path / "两格.docx", cells), "KJ413") == []


def test_a_reference_entry_wrapped_onto_a_paragraph_of_its_own_is_a_hard_line_end(tmp_path):
    spec = ["开题报告", "参考文献", "[1]. 余志生. 汽车理论[M]. 5版. 北京：机械工业出版社,2009.",
            "[2]. 王宜怀. 嵌入式系统设计和应用 [M]. 北京：北京航空航天", "大学出版社，2008.3.",
            "[3]. 于蕾艳, 林逸. 汽车线控转向技术概述[J]. 农业装备与汽车工程, 2007(5):3-6.",
            "[4]. 高路. 基于线控技术的汽车转向系统建模与控制方法研究. 中国科学院沈阳自动化研究", "所博士学位论文，2006."]
    assert _matches(make_docx(tmp_path / "开题.docx", spec), "KJ413") == ["天\n大", "究\n所"]
    # a note under each entry, a list that is no reference list, a paragraph after the list
    notes = ["读书笔记", "[1] 余志生. 汽车理论[M]. 北京：机械工业出版社,2009.", "摘要：讲汽车的动力性。",
             "[2] 王宜怀. 嵌入式系统[M]. 北京：北京航空航天大学出版社，2008.", "[3] 于蕾艳. 汽车线控转向技术概述[J]. 2007.",
             "以上文献是本课题的主要参考。"]
    assert _matches(make_docx(tmp_path / "笔记.docx", notes), "KJ413") == []


def test_a_cover_field_whose_value_is_still_the_templates_empty_slot_is_unfilled(tmp_path):
    spec = ["__大学本科生期末作业", "科目：思想概论", "学年学期：[]", "姓名：[your name]", "学号：[ ]", "任课教师：[]",
            "《摆脱贫困》读后感", "随着阅读的深入，我深刻意识到这实际上是一部蕴含着深刻哲学思维的教材。"]
    assert _matches(make_docx(tmp_path / "作业.docx", spec), "KJ205") == [
        "学年学期：[]", "姓名：[your name]", "学号：[ ]", "任课教师：[]"]
    # an empty list an interface returns, a sample's value, a filled field, a bracket inside a
    # sentence, a page's font-size switch that lost its choices
    api = ["接口说明", "查询无结果时返回值：[]", "输出：[]", "示例：[ ]", "学号：[2021001]", "则此项为[]。", "字号：[ ]"]
    assert _matches(make_docx(tmp_path / "接口.docx", api), "KJ205") == []


def test_an_unnumbered_heading_followed_straight_by_its_sibling_is_empty(tmp_path):
    # a notes file of topics, each a Heading 1 without a number, most with their text
    spec = [("title", "框架学习笔记")]
    for name, text in (("WebService", "基于SOAP协议的远程调用。"), ("Ehcache", "纯Java开源缓存框架。"), ("Shiro", None),
                       ("Comet4j", "服务器推送框架。"), ("Quartz", None), ("Log4j", None), ("Jsp", "页面标签库的用法。"),
                       ("Xml", "XSL 样式表用于转换 XML 文档。")):
        spec.append(("heading", 1, name))
        if text:
            spec.append(text)
    assert _matches(make_docx(tmp_path / "笔记.docx", spec), "KJ303") == ["Shiro", "Quartz", "Log4j"]


def test_unnumbered_headings_mostly_without_text_are_no_outline_to_fill(tmp_path):
    # a file that sets its labels in a heading style, most of them with nothing under them
    spec = [("title", "会议记录"), "本次会议讨论了项目分工。", ("heading", 1, "参会人员"), ("heading", 1, "会议地点"),
            ("heading", 1, "会议内容"), "确定了接口文档。", ("heading", 1, "备注"), ("heading", 1, "附件")]
    assert _matches(make_docx(tmp_path / "记录.docx", spec), "KJ303") == []


_SECTION = ("本课题面向零售行业的线上营销需求，设计并实现一套基于微服务架构的营销系统，"
            "系统包括客户管理、素材管理、营销任务和数据统计四个子系统，各子系统独立部署并通过网关对外提供服务。")


def test_an_empty_cover_field_of_a_report_written_in_its_forms_boxes_is_reported(tmp_path):
    cover = ["西安某某大学", "专业学位硕士学位论文中期考核报告表", "论文题目：基于微服务架构的营销系统的设计与实现",
             "             姓    名              ", "学位类别      专业硕士    ", "领    域        ",
             "学    院 计算机科学与技术 "]
    # the report is written inside the form's boxes, one cell a section
    written = cover + [("table", [[["一、研究目标及研究内容", *[_SECTION] * 5]], [["二、已完成的工作", *[_SECTION] * 5]],
                                  [["三、下一步计划", *[_SECTION] * 5]]])]
    assert _matches(make_docx(tmp_path / "中期.docx", written), "KJ204") == ["姓    名", "领    域"]
    # a blank form: its boxes hold the headings and a short note each, no text written yet
    blank = cover + [("table", [[["一、研究目标及研究内容", "（与开题报告中的研究目标和研究内容一致。）"]],
                                [["二、已完成的工作", "（列出已完成的工作。）"]]])]
    assert _matches(make_docx(tmp_path / "空表.docx", blank), "KJ204") == []


def test_a_fields_list_stopping_at_its_enumeration_comma_lost_its_last_items(tmp_path):
    spec = ["项目例会会议纪要", "1. 会议出席者", "议会成员：罗侨、罗南希、", "代理代表：无", "嘉宾：无",
            "•举例 ：热门网站每日访问 ip 数统计、热门帖子 uv 统计、", "•相关命令 ：PFADD、PFCOUNT"]
    assert _matches(make_docx(tmp_path / "纪要.docx", spec), "KJ305") == ["罗侨、罗南希、", "每日访问 ip 数统计、热门帖子 uv 统计、"[-10:]]
    # the list goes on below (a line end), a single item, a list ended by its full stop
    kept = ["项目说明", "前端：vue.js、vue-admin-template、", "          element-ui、axios", "后端：Python django",
            "成员：罗侨、", "组长：张三", "功能：登录、注册。", "备注：无"]
    assert _matches(make_docx(tmp_path / "说明.docx", kept), "KJ305") == []


def test_a_closing_bracket_no_bracket_opens_is_a_stray_character(tmp_path):
    spec = ["开题报告", "故通过转向电机带动齿轮齿条确定位移量来确定前轮位置（也可由电机转动位置来确定）。该过程由特定传感器采集）。",
            "熟悉C++编程环境，可以使用VS；对已经能熟练掌握C++开发环境的同学，可", "以跳过本部分内容）"]
    assert _matches(make_docx(tmp_path / "开题.docx", spec), "KJ703") == ["）", "）"]
    # a note over two paragraphs, brackets of either width, a list item's mark
    kept = ["实验报告", "（说明：本实验分两部分，", "第二部分可选做）", "通过邮箱通知注册(未实现）", "1）编辑输入程序。", "a）找出错误。"]
    assert _matches(make_docx(tmp_path / "实验.docx", kept), "KJ703") == []


def test_a_course_templates_question_to_its_student_is_guidance_left_in(tmp_path):
    spec = ["课程设计报告", "一、功能介绍", "主要介绍在该课程设计中你所实现的功能，这些功能需要满足哪些要求。",
            "本系统实现了用户的增删改查。", "二、设计体会", "此次课程设计中你觉得哪一部分做的是比较满意的？",
            "我们在这次课程设计中学会了分层开发。"]
    assert _matches(make_docx(tmp_path / "报告.docx", spec), "KJ205") == [
        "主要介绍在该课程设计中你所实现的功能，这些功能需要满足哪些要求。", "此次课程设计中你觉得哪一部分做的是比较满意的？"]
    # a report's own words, a teacher's question quoted, a manual speaking to its reader
    kept = ["实验报告", "本实验中我们遇到了哪些问题，如何解决的，下面逐一说明。", "老师问：“本实验中你用了什么方法？”",
            "你可以点击右上角的按钮，查看如何导出数据。", "你们在本项目中是否使用了缓存？"]
    assert _matches(make_docx(tmp_path / "实验.docx", kept), "KJ205") == []


def test_a_cover_fields_value_is_no_part_of_the_next_label(tmp_path):
    # 指导教师:   朱天生   职称：讲师 holds two fields, both filled
    cover = ["本科生毕业论文（设计）开题报告", "题    目：慢性病风险因素分析与预测模型研究", "姓    名:             陈佳豪",
             "学　　号:          202205130112", "专业班级:  ", "指导教师:   朱天生   职称：     讲师      "]
    spec = cover + [("table", [[["一、研究的目的与意义", *[_SECTION] * 5]], [["二、研究内容", *[_SECTION] * 5]],
                               [["三、研究方法", *[_SECTION] * 5]]])]
    assert _matches(make_docx(tmp_path / "开题.docx", spec), "KJ204") == ["专业班级:"]


def test_a_list_in_a_sentence_and_a_bracket_among_lost_bytes_are_left_alone(tmp_path):
    spec = ["开发笔记", "网页bug：首页，用户虽然没有权限，但是都可以看到：运单、结算、", "职位管理：选空数据后不能使用",
            "付款方式：微信、支付宝、账单\ufffd\ufffd可多选）"]
    assert _matches(make_docx(tmp_path / "笔记.docx", spec), "KJ305") == []
    assert _matches(make_docx(tmp_path / "笔记2.docx", spec), "KJ703") == []
