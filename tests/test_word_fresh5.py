"""Word files nobody here wrote (issue 11, sixth set): what drafts still hide. Each mechanism is
shown both ways: the defect is found, the look-alike is left alone."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx


def test_a_sections_only_text_being_its_bracketed_guidance_is_a_slot(tmp_path):
    # the template's guidance under each heading, never replaced by the section's text
    manual = ["用户手册", ("heading", 1, "1 引言"), ("heading", 2, "1.1 编写目的"),
              "【这份手册的目的，预期的读者。】", ("heading", 2, "1.2 运行环境"),
              "【运行本软件所需的设备，如：", "a.处理机的型号；", "b.内存容量。】",
              ("heading", 1, "2 安装"), "本软件解压即可运行，无需安装。"]
    assert docx_codes(make_docx(tmp_path / "手册.docx", manual), "KJ205") == [("KJ205", 4), ("KJ205", 6)]


def test_a_bracketed_note_beside_the_sections_text_is_the_writers(tmp_path):
    # a note before the text, a bracketed title, a note inside the text: the writer's own
    notes = ["工作总结", ("heading", 1, "一、主要工作"), "【本节数据截至十二月底，来源为财务报表。】",
             "全年完成营业收入三千万元，同比增长百分之十。", ("heading", 1, "二、亮点"), "【工作亮点】",
             ("heading", 1, "三、问题"), "人手不足。【下一步拟增加两名人员，报领导审定。】"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", notes), "KJ205") == []


def test_a_run_of_numbered_fields_left_empty_is_reported(tmp_path):
    # a plan's numbered fields, none filled in: each is followed by the next with nothing between
    # (the event's date is the writer's, in such a run: only a signature is another hand's)
    plan = ["活动计划书", "(1)活动宗旨：", "(2)活动日期：", "", "(3)主办单位：", "(4)参加对象（若无可放－）：",
            "(5)负责人签名：", "(6)经费预算：", ("table", [["项目", "金额"], ["场地", "500元"]]), "以上计划报团委审定。"]
    assert docx_codes(make_docx(tmp_path / "计划书.docx", plan), "KJ204") == [
        ("KJ204", 2), ("KJ204", 3), ("KJ204", 5), ("KJ204", 6)]


def test_fields_with_their_values_below_or_too_few_are_no_run(tmp_path):
    # each lead-in has its text below it; two empty items are no form's run
    report = ["工作总结", "(1)主要成绩：", "全年完成营业收入三千万元。", "(2)存在问题：", "人手不足，经费紧张。",
              "(3)下步打算：", "增加两名人员。", "1.负责人：", "2.联系人：", "以上情况特此报告。"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", report), "KJ204") == []


def test_a_decimal_section_followed_by_the_next_section_is_empty(tmp_path):
    # 4.2 has its text; 4.3 is followed straight by 5. (the next section of the outline)
    report = ["开题报告", "4.研究进展", "4.1 数据采集", "完成了现场数据的采集。", "4.2 特征分析", "分析了电阻率的变化规律。",
              "4.3 下一步研究计划", "5.时间安排", "论文进度如下。"]
    assert docx_codes(make_docx(tmp_path / "开题.docx", report), "KJ303") == [("KJ303", 7)]


def test_an_outline_of_titles_or_dated_notes_is_no_empty_section(tmp_path):
    # a list of planned sections with no text yet (its first has none either), and dated notes
    outline = ["论文大纲", "1.绪论", "1.1 研究背景", "1.2 研究意义", "2.方法", "2.1 数据", "2.2 模型", "3.结论"]
    assert docx_codes(make_docx(tmp_path / "大纲.docx", outline), "KJ303") == []
    notes = ["会议记录", "5.24 讨论需求", "确定了三个模块。", "5.25 分工", "各自完成任务。", "5.26:因故取消", "6.1 总结"]
    assert docx_codes(make_docx(tmp_path / "记录.docx", notes), "KJ303") == []


def test_a_word_file_cut_mid_sentence_is_truncated(tmp_path):
    # a sentence begun after the full stop and stopped a few words in; a phrase cut before its noun
    talk = ["演讲稿", "我们的系统采用前后端分离的结构。", "数据方面，我们使用数据库存储数据。我们将功能"]
    assert docx_codes(make_docx(tmp_path / "演讲.docx", talk), "KJ302") == [("KJ302", 3)]
    notes = ["调研报告", "这将启动一个容器，并映射端口。", "对于分布式计算框架的"]
    assert docx_codes(make_docx(tmp_path / "报告.docx", notes), "KJ302") == [("KJ302", 3)]


def test_a_word_file_ending_without_its_full_stop_is_not_cut(tmp_path):
    # a whole sentence without its 。, a list item, a name after a semicolon: the writer's ending
    for i, last in enumerate(["也希望为不同工种的员工定制一些个性化的培训", "3.完成项目打包，导出数据库，制作使用说明",
                              "我们的工作离不开各位的支持。谢谢大家",
                              "登录页面代码设计；张三", "联系人：李四，电话：010-12345678"]):
        doc = make_docx(tmp_path / f"总结{i}.docx", ["工作总结", "本月完成了三项工作。", last])
        assert docx_codes(doc, "KJ302") == []


def test_a_fields_table_left_with_only_its_header_is_empty(tmp_path):
    plan = ["活动计划书", "活动名称：迎新晚会", "(12)工作进度表：", ("table", [["日期", "工作内容"], ["", ""], ["", ""]]),
            "(13)活动流程：", ("table", [["时间", "流程"], ["19:00", "开场"]]), "以上计划报团委审定。"]
    assert docx_codes(make_docx(tmp_path / "计划书.docx", plan), "KJ204") == [("KJ204", 3)]


def test_a_table_for_another_hand_or_without_a_label_is_no_empty_field(tmp_path):
    # the reviewer's table is filled in on paper; a table under a sentence is no field's value
    form = ["结题报告", "本项目已按计划完成。", "专家评审意见：", ("table", [["专家", "意见"], ["", ""]]),
            "各成员的分工如下表所示。", ("table", [["姓名", "分工"], ["", ""]])]
    assert docx_codes(make_docx(tmp_path / "结题.docx", form), "KJ204") == []
