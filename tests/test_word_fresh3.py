"""Word files nobody here wrote (issue 11, third fresh set): what a Word file's own layout says
about a line — a numbered or styled section, next year's plan after a summary, a picture under
a heading, a reviewer's field of a form, a label cell and its value cell. Each mechanism is
shown both ways: the look-alike is left alone, the defect still found."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx

_BODY = ["全年组织企业申报项目12项，争取资金1200万元，超额完成年度目标任务。",
         "新培育高新技术企业8家，科技型中小企业入库42家，创新主体不断壮大。",
         "举办各类培训班6期，培训企业技术人员500余人次，人才支撑持续增强。"]


def text_codes(tmp_path, lines: list[str], *select: str) -> list[tuple[str, int]]:
    path = tmp_path / "page.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return docx_codes(path, *select)


def test_a_numbered_or_styled_section_of_a_word_plan_is_no_spliced_document(tmp_path):
    plan = ["导游众评网项目实施方案", "1. 前言", *_BODY, ("heading", 2, "3.1需求调研与分析阶段实施方案"), _BODY[0],
            ("heading", 2, "系统设计阶段实施方案"), _BODY[1], "3.3 系统验收阶段实施方案", _BODY[2]]
    assert docx_codes(make_docx(tmp_path / "方案.docx", plan), "KJ606") == []
    # the same titles in a scraped page's text, unnumbered: another document after the body
    page = ["导游众评网项目实施方案", "1. 前言", *_BODY, "系统设计阶段实施方案", _BODY[0]]
    assert text_codes(tmp_path, page, "KJ606") == [("KJ606", 6)]
    # and in a Word file, an unnumbered, unstyled title of another kind of report still is
    other = ["2023年科技局工作总结", *_BODY, "2023年教育局述职报告", _BODY[0]]
    assert docx_codes(make_docx(tmp_path / "拼接.docx", other), "KJ606") == [("KJ606", 5)]


def test_next_years_plan_after_a_word_summary_is_its_plan_part(tmp_path):
    report = ["2018年度工作总结", *_BODY, "2019年度工作计划", "继续做好项目申报工作。"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", report), "KJ606") == []
    assert text_codes(tmp_path, report, "KJ606") == [("KJ606", 5)]


def test_a_word_heading_whose_body_is_a_picture_has_a_body(tmp_path):
    plan = ["变更方案", "一、变更内容", "更换会议室照明灯具，改造强电线路。", "二、项目小组成员", "童某、王某、孙某。",
            "三、变更现场图片", ("picture", "")]
    assert docx_codes(make_docx(tmp_path / "方案.docx", plan), "KJ303") == []
    assert docx_codes(make_docx(tmp_path / "无图.docx", plan[:-1]), "KJ303") == [("KJ303", 6)]


def test_a_reviewers_field_of_a_word_form_is_left_for_the_reviewer(tmp_path):
    plan = ["团队项目策划书", "一、项目名称", "智能交通灯控制系统。", "二、项目分工", "张三负责硬件，李四负责软件。",
            "三、老师点评"]
    assert docx_codes(make_docx(tmp_path / "策划书.docx", plan), "KJ303") == []
    plan[-1] = "三、项目总结"
    assert docx_codes(make_docx(tmp_path / "空.docx", plan), "KJ303") == [("KJ303", 6)]


def test_a_domain_names_pattern_in_word_rules_is_no_mask(tmp_path):
    rules = ["官网运营管理规范", "如需申请集团子域名xxx.tcl.com (例如：appliance.tcl.com)，需提交申请进行审批、备案。",
             "若需申请xxx.com(例如：lehua.com)新域名，则由需求申请人自主申请。"]
    assert docx_codes(make_docx(tmp_path / "规范.docx", rules), "KJ201") == []
    rules.append("全年新增xxx个站点。")
    assert docx_codes(make_docx(tmp_path / "掩码.docx", rules), "KJ201") == [("KJ201", 4)]


def test_a_note_marked_with_an_asterisk_under_a_word_caption_is_no_mask(tmp_path):
    rules = ["官网运营管理规范", "图1.项目管理平台域名审批备案流程", "*系统审批流程会根据需求等级分级对应不同审批流程节点",
             "表2 站点清单", "*表中站点按区域排列"]
    assert docx_codes(make_docx(tmp_path / "规范.docx", rules), "KJ202") == []
    rules.append("*县科技局全年争取上级资金*万元。")
    assert docx_codes(make_docx(tmp_path / "掩码.docx", rules), "KJ202") == [("KJ202", 6), ("KJ202", 6)]


def test_a_word_forms_label_cell_and_its_choice_boxes_are_no_blanks(tmp_path):
    form = ["大学生创新创业训练计划项目申报表", ("table", [["项目负责人：", "邓莹"], ["指导教师：", "胡凯"]]),
            "项目类型：（ √）重点项目    （ ）一般项目     （  ）校企合作基金项目"]
    assert docx_codes(make_docx(tmp_path / "申报表.docx", form), "KJ204") == []
    form.append("请于（    ）前报送。")
    assert docx_codes(make_docx(tmp_path / "留空.docx", form), "KJ204") == [("KJ204", 7)]


def _form_with_cells(path, cells: list[list[str]], after: list[str] = ()):
    """A form table whose cells hold one paragraph per string (a label and its note below it)."""
    import docx

    document = docx.Document()
    document.add_paragraph("官网需求申请表")
    table = document.add_table(rows=1, cols=len(cells))
    for cell, paragraphs in zip(table.rows[0].cells, cells):
        cell.text = paragraphs[0]
        for text in paragraphs[1:]:
            cell.add_paragraph(text)
    for text in after:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def test_the_alternative_term_under_a_word_forms_label_is_no_slot(tmp_path):
    cells = [["申请单位", "   （部门）"], [""], ["申请日期"], [""]]
    assert docx_codes(_form_with_cells(tmp_path / "申请表.docx", cells), "KJ205") == []
    path = _form_with_cells(tmp_path / "模板.docx", cells, ["2023年工作总结：", "（单位名称）"])
    assert docx_codes(path, "KJ205") == [("KJ205", 8)]


def test_a_word_list_under_a_line_set_apart_by_an_empty_paragraph_starts_afresh(tmp_path):
    report = ["工作汇报", "心得", "1、多读书，开阔眼界。", "2、基础要扎实，深入本质。", "", "这周解决了什么问题？",
              "1、找工作：继续努力。", "2、博览技术：Makefile、shell。"]
    assert docx_codes(make_docx(tmp_path / "汇报.docx", report), "KJ503") == []
    report.remove("")
    report[4] = "这周主要在处理遗留的问题。"  # (a question above it would head a list of its own)
    # on a page the 1. under a sentence steps back (in a Word file a list going back to 1 is a
    # list of its own: tests/test_word_page_furniture.py)
    page = tmp_path / "连续.txt"
    page.write_text("\n".join(report) + "\n", encoding="utf-8")
    assert docx_codes(page, "KJ503") == [("KJ503", 6)]


def test_a_widget_phrase_ending_the_writers_sentence_is_no_site_furniture(tmp_path):
    report = ["数据脱敏项目工作总结", "使用Python爬虫等工具对这些数据进行全部下载到本地", "。"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", report), "KJ601") == []
    # on a scraped page the widget's line is the site's (in a Word file such a line is the
    # writer's own: tests/test_word_page_furniture.py)
    page = tmp_path / "网页.txt"
    page.write_text("数据脱敏项目工作总结\n全文阅读已结束，下载到本地\n一年来，我认真完成各项工作。\n", encoding="utf-8")
    assert docx_codes(page, "KJ601") == [("KJ601", 2)]


_PROCEDURE = ("需提交需求至全球市场中心全球官网运营部，提供在前端页面需用户填写的信息（字段）、接口回传地址（邮箱或系统）等信息，"
              "官网组和开发团队在评估工作量及排期后，会同步上线时间，各项目负责人需在功能开发后配合进行调取接口回传测试。")


def test_parallel_sections_of_word_rules_are_drafted_alike_on_purpose(tmp_path):
    rules = ["官网运营管理规范", "一、接口管理", "5.1 联系表单", "各市场部门根据业务需求，需要增加联系表单，" + _PROCEDURE,
             "5.2 反馈表单", "各市场调研部门根据业务需求，需要增加反馈表单，需求方需拉通法务部门进行合规审核，" + _PROCEDURE,
             "5.3 电商平台", "各电商部门根据业务需求，需要接入电商平台接口，" + _PROCEDURE]
    assert docx_codes(make_docx(tmp_path / "规范.docx", rules), "KJ1") == []
    # the same sections in a work summary are a passage pasted again and again
    report = ["官网运营工作总结", *rules[1:]]
    assert "KJ103" in {c for c, _ in docx_codes(make_docx(tmp_path / "总结.docx", report), "KJ1")}


def test_a_bare_item_number_in_a_word_file_is_an_item_never_written(tmp_path):
    report = ["工作汇报", "这周解决了什么问题？", "1、找工作：继续努力。", "2、博览技术：Makefile、shell。", "3、"]
    assert docx_codes(make_docx(tmp_path / "汇报.docx", report), "KJ303") == [("KJ303", 5)]
    assert text_codes(tmp_path, report, "KJ303") == []  # a scraped page's bare number is its page marker
    report[-1] = "3、学会用Word记录自己的问题"
    assert docx_codes(make_docx(tmp_path / "完整.docx", report), "KJ303") == []


def test_wingdings_2_check_boxes_read_as_word_shows_them(tmp_path):
    from kjlint.docx import read_docx

    path = make_docx(tmp_path / "申报表.docx", [
        ("sym", "项目类型：", "Wingdings 2", "0052", " 重点项目"), ("sym", "", "Wingdings 2", "00A3", " 一般项目"),
        ("sym", "", "Wingdings 2", "F053", " 不通过"), ("sym", "其他", "Wingdings 2", "0041", "照旧")])
    lines = read_docx(path).text.split("\n")
    assert lines[:4] == ["项目类型：☑ 重点项目", "□ 一般项目", "☒ 不通过", "其他A照旧"]  # a glyph not listed keeps its byte


def test_a_clause_after_an_inline_item_of_a_word_list_is_an_item(tmp_path):
    claims = ["劳动仲裁申请书", "请求事项：", "一、裁决被申请人向申请人支付解除劳动合同经济补偿金32000元(月平均工资16000元*2)。",
              "二、签合同日期为11月23日发工资日期为每月15日，其中该22天工资应补齐", "三、离职当月工资需要补齐、并补齐全部社保、公积金、保险等",
              "事实与理由："]
    assert docx_codes(make_docx(tmp_path / "申请书.docx", claims), "KJ303") == []
    claims[3] = "二、关于加班费"  # a heading after the inline item: its text is missing
    assert docx_codes(make_docx(tmp_path / "空.docx", claims), "KJ303") == [("KJ303", 4)]


def test_the_mask_a_program_writes_named_in_quotes_is_no_mask(tmp_path):
    notes = ["数据脱敏工作总结", "Mask的方法暂时只能替换为“**”，格式保留加密还在学习中。", "手机号脱敏后显示为“XXX”。"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", notes), "KJ201", "KJ202") == []
    notes.append("本月共处理“**”项目数据。")
    assert docx_codes(make_docx(tmp_path / "掩码.docx", notes), "KJ201", "KJ202") == [("KJ202", 4)]
