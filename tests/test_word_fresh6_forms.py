"""Word files nobody here wrote (issue 11, seventh set): form fields left empty, writing
instructions and template prompts left in. Each mechanism is shown both ways: the defect is
found, the look-alike is left alone."""
from __future__ import annotations

import docx
from docx_maker import docx_codes, make_docx

from kjlint.engine import lint_text


def test_bracketed_instructions_recurring_through_a_template_are_left_in(tmp_path):
    # each section's writing instruction in square brackets, whatever its wording; the text
    # written under one of them does not make it the writer's
    manual = ["操作手册", "1 引言", "1.1 编写目的", "[交代这份手册为谁而写，读者是谁。]", "1.2 背景",
              "[写清：]", "[a. 软件系统的名称；]", "1.3 运行环境", "[硬件的最小配置，如：]", "a. 处理机的型号；",
              "2 使用过程", "本系统解压即可运行。"]
    assert docx_codes(make_docx(tmp_path / "手册.docx", manual), "KJ205") == [
        ("KJ205", 4), ("KJ205", 6), ("KJ205", 7), ("KJ205", 9)]


def test_in_a_template_with_its_instructions_left_every_bracketed_sentence_is_one(tmp_path):
    # three whole paragraphs show the template; the others are glued to a heading's text
    manual = ["用户手册", "[交代这份手册为谁而写，读者是谁。]", "[写清项目来源、委托单位。]", "[硬件的最小配置，如：]",
              "6. 非常规过程 [提供应急操作的信息，如出错处理。] 7. 操作命令", "总体上运行良好。[见附件一]"]
    found = docx_codes(make_docx(tmp_path / "手册.docx", manual), "KJ205")
    assert found == [("KJ205", 2), ("KJ205", 3), ("KJ205", 4), ("KJ205", 5)]


def test_a_bracketed_note_or_bracketed_labels_are_no_instructions(tmp_path):
    # one or two bracketed notes of the writer's; bracketed labels without a sentence
    notes = ["工作总结", "一、主要工作", "[本节数据截至十二月底，来源为财务报表。]", "全年完成营业收入三千万元。",
             "二、问题", "[下一步拟增加两名人员，报领导审定。]", "[开放式问题]", "[开放式问题]", "[开放式问题]"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", notes), "KJ205") == []


def test_an_empty_field_of_two_side_by_side_in_a_filled_form_is_reported(tmp_path):
    # label | value | label | value rows; Word's no-break space in an empty cell, and a column
    # blank from top to bottom at the edge of the grid
    form = ["岗位说明书", ("table", [["岗位名称", "出纳", "岗位代码", "\u00a0", ""],
                                   ["部门", "总校", "所属部门", "财务部", ""],
                                   ["每周工作时间", "5天", "薪资级别", "\u00a0", ""],
                                   ["提议权限", "校长", "批准权限", "执行校长", ""]])]
    assert docx_codes(make_docx(tmp_path / "岗位.docx", form), "KJ204") == [("KJ204", 4), ("KJ204", 14)]


def test_records_under_a_header_or_a_blank_form_have_no_empty_field(tmp_path):
    # rows laid out as the header are records (a second person there is none of); a form
    # whose fields are all empty is still to be handed out
    staff = ["人员名单", ("table", [["姓名", "职务", "姓名", "职务"], ["张三", "科长", "李四", "科员"],
                                ["王五", "主任", "赵六", ""], ["孙七", "干事", "", ""], ["周八", "干事", "", ""]])]
    assert docx_codes(make_docx(tmp_path / "名单.docx", staff), "KJ204") == []
    blank = ["申请表", ("table", [["姓名", "", "性别", ""], ["学校", "", "专业", ""], ["手机", "", "邮箱", ""]])]
    assert docx_codes(make_docx(tmp_path / "申请表.docx", blank), "KJ204") == []


def test_an_empty_field_among_filled_siblings_is_reported(tmp_path):
    # in a cell: a lead-in, then fields, one left empty between filled ones; among paragraphs:
    # party A's name left empty above party B's
    document = docx.Document()
    document.add_paragraph("岗位说明书")
    cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
    cell.text = "工作关系："
    for text in ["直接主管：校长", "隔级领导：", "平级：会计，出纳", "直接下属：无"]:
        cell.add_paragraph(text)
    document.save(str(tmp_path / "岗位.docx"))
    assert docx_codes(tmp_path / "岗位.docx", "KJ204") == [("KJ204", 4)]
    deal = ["协议书", "甲方：", "乙方：刘西川", "", "甲方请乙方开发一个管理系统，总价1400元。"]
    assert docx_codes(make_docx(tmp_path / "协议.docx", deal), "KJ204") == [("KJ204", 2)]


def test_lead_ins_and_blank_blocks_among_fields_are_not_empty_fields(tmp_path):
    # a lead-in whose list is set out under it, one naming a group, and another party's blank
    # block of fields (several in a row, or at the end of the block)
    notes = ["会议记录", "任务进展：", "魏卿：数据的解析基本完成", "苗旭：界面完成", "下一阶段任务分配：",
             "魏卿：设定信息", "苗旭：动态创建界面", "", "实现平台：", "•船体：某软件上实现", "•管系：某软件上实现",
             "", "5.搜索：", "a)关键词搜索：GET /search", "6.点赞：POST /like"]
    assert docx_codes(make_docx(tmp_path / "记录.docx", notes), "KJ204") == []
    contract = ["合同", "甲方：某科技有限公司", "开户银行：某银行", "税号：91330110", "电话：", "传真：", "联系人：",
                "", "乙方：", "地址：", "开户银行："]
    assert docx_codes(make_docx(tmp_path / "合同.docx", contract), "KJ204") == []


def _slots(text: str) -> list[str]:
    return [text[f.offset:f.end_offset] for f in lint_text(text, path="a.txt") if f.code == "KJ205"]


def test_notes_that_a_value_is_still_to_come_are_slots():
    plan = "同学聚会策划书\n2.主题\n全员征集, 待补充\n3.日程\n报道地点：TBD……备选酒店待实地考察。\n18:30 晚餐   地点TBD\nTBC……\n"
    assert _slots(plan) == ["待补充", "TBD", "TBD", "TBC"]
    outline = "文章模板\n第一个小标题 (二级标题)\n这是第一个段落。\n更详细的子标题（三级标题）\n"
    assert _slots(outline) == ["第一个小标题 (二级标题)", "更详细的子标题（三级标题）"]
    assert _slots(plan.replace("\n", "\r\n")) == ["待补充", "TBD", "TBD", "TBC"]  # CRLF line ends
    # a text stating that something is still to be supplemented, and TB inside a word or a code
    prose = ("某局2023年工作总结\n有关数据尚待补充。统计制度有待补充。\n开展TBDX试点，检测TBC1型样本。\n"
             "公文标题一般用二号小标宋体字（一级标题）排在红色分隔线下。\n")
    assert _slots(prose) == []


def test_a_templates_note_to_delete_its_guidance_or_rename_is_left_in(tmp_path):
    blog = ["文章模板", "使用说明", "1.上传方式：访问网站后台。", "请删除以上使用说明，开始撰写您的文章。", "文章标题",
            "（特大）支队——情系附中零字班支队", "（请改成自己支队的大小和名称）"]
    assert docx_codes(make_docx(tmp_path / "模板.docx", blog), "KJ205") == [("KJ205", 4), ("KJ205", 7)]
    # a procedure telling its reader to delete a file is no template's note
    manual = ["操作手册", "卸载时请删除安装目录下的缓存文件。", "如需重装，请删除旧版本后再安装。"]
    assert docx_codes(make_docx(tmp_path / "手册.docx", manual), "KJ205") == []


def test_a_column_skipped_in_every_record_is_reported(tmp_path):
    # 电话 empty in every row, between columns filled in each; a spare row wholly empty
    table = [["序号", "组名", "人员", "电话", "工作职责"], ["1", "策划组", "罗某", "", "方案确定"],
             ["2", "联络组", "朴某", "", "联系同学"], ["3", "协调组", "张某", "", "酒店预订"], ["", "", "", "", ""]]
    assert docx_codes(make_docx(tmp_path / "策划.docx", ["聚会策划书", ("table", table)]), "KJ204") == [("KJ204", 5)]


def test_a_last_column_or_a_blank_form_of_records_is_no_skipped_column(tmp_path):
    # the result of an acceptance test comes later; a bidder's price table is all empty
    checks = [["序号", "功能名称", "详细操作", "检验情况"], ["1", "登录", "输入账号密码", ""], ["2", "打卡", "点击开始打卡", ""],
              ["3", "查阅", "点击搜索资源", ""]]
    assert docx_codes(make_docx(tmp_path / "计划.docx", ["验收计划", ("table", checks)]), "KJ204") == []
    prices = [["序号", "货物名称", "规格型号", "数量", "单价"], ["1", "", "", "", ""], ["2", "", "", "", ""], ["3", "", "", "", ""]]
    assert docx_codes(make_docx(tmp_path / "报价.docx", ["投标报价表", ("table", prices)]), "KJ204") == []


def test_a_numbered_row_left_empty_after_filled_records_is_reported(tmp_path):
    table = [["", "反馈形式", "内容概括", "优势分析"], ["1", "调查问卷", "家长认为很有帮助", "覆盖面较广"],
             ["2", "", "", ""], ["...", "", "", ""]]
    found = docx_codes(make_docx(tmp_path / "总结.docx", ["活动总结", ("table", table)]), "KJ204")
    assert found == [("KJ204", 10), ("KJ204", 14)]


def test_numbered_rows_of_a_blank_table_or_unnumbered_spare_rows_are_left_alone(tmp_path):
    # no record filled: a form for another party; spare rows without a number
    blank = [["序号", "货物名称", "数量"], ["1", "", ""], ["2", "", ""], ["...", "", ""]]
    assert docx_codes(make_docx(tmp_path / "报价.docx", ["报价表", ("table", blank)]), "KJ204") == []
    versions = [["版本号", "修改人", "备注"], ["0.1", "罗某", "起草大纲"], ["", "", ""], ["", "", ""]]
    assert docx_codes(make_docx(tmp_path / "策划.docx", ["策划书", ("table", versions)]), "KJ204") == []
