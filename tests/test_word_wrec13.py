"""Word files nobody here wrote (issue 11, wrec13 set: recall on real Word files). Each mechanism is
shown both ways: the defect is found, the look-alike is left alone."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx


def _report(*tail):
    # a lab report whose decimal sections mostly have their text
    return ["实验报告", "1 实验要求", "1.1 实验目的", "掌握处理器的设计方法。", "1.2 实验内容", "设计一个单周期处理器。",
            "2 实验设计", "2.1 总体方案", "整个实验分成四个部分。", "2.2 汇编程序", "汇编程序计算最大公约数。",
            "2.3 编译器", "编译器逐条处理汇编指令。", *tail]


def test_a_run_of_sections_never_written_in_a_written_report_is_empty(tmp_path):
    # 2.4 heads 2.4.1 … 2.4.2 with no text, 3.1 and 3.2 have none, and the last section 4 is bare
    report = _report("2.4 单周期处理器", "2.4.1 指令存储器", "2.4.2 控制器", "3 仿真情况", "3.1 ALU仿真",
                     "3.2 处理器仿真", "4 总结")
    assert docx_codes(make_docx(tmp_path / "报告.docx", report), "KJ303") == [
        ("KJ303", 15), ("KJ303", 16), ("KJ303", 18), ("KJ303", 19), ("KJ303", 20)]


def test_sections_of_an_outline_or_a_list_restarting_are_not_sections_never_written(tmp_path):
    # the same report with its sections all written: nothing; an outline where fewer sections have a text than have none: nothing;
    # a section followed by a list numbered from 1 (no section of the outline): nothing
    written = _report("3 总结", "本次实验完成了全部要求。")
    assert docx_codes(make_docx(tmp_path / "报告.docx", written), "KJ303") == []
    outline = _report("2.4 测试", "测试全部通过。", "3 仿真", "3.1 ALU仿真", "3.2 处理器仿真", "3.3 外设仿真",
                      "4 综合", "4.1 时序", "4.2 面积", "4.3 功耗")
    assert docx_codes(make_docx(tmp_path / "大纲.docx", outline), "KJ303") == []
    listed = _report("2.4 测试用例", "1. 登录", "2. 注销", "3 总结", "实验完成。")
    assert docx_codes(make_docx(tmp_path / "用例.docx", listed), "KJ303") == []


def test_a_field_cell_alone_in_its_column_left_empty_is_reported(tmp_path):
    # the second field of a row (职  称) whose value cell is the only one of its grid column (the
    # cell above it spans two columns): the row's own cell, not a blank column of the grid
    form = ["毕业论文任务书", ("table", [["学生姓名", "张三", "专业", "软件工程", None, "本科"],
                                   ["指导教师姓名", "李四", None, "职  称", "", None],
                                   ["论文题目", "个人博客管理系统的设计与实现", None, None, None, None]]),
            "一、主要内容", "完成博客的前台和后台模块。"]
    assert [code for code, _line in docx_codes(make_docx(tmp_path / "任务书.docx", form), "KJ204")] == ["KJ204"]
    filled = ["毕业论文任务书", ("table", [["学生姓名", "张三", "专业", "软件工程", None, "本科"],
                                     ["指导教师姓名", "李四", None, "职  称", "副教授", None],
                                     ["论文题目", "个人博客管理系统的设计与实现", None, None, None, None]]),
              "一、主要内容", "完成博客的前台和后台模块。"]
    assert docx_codes(make_docx(tmp_path / "任务书2.docx", filled), "KJ204") == []


def test_a_circled_numbers_field_left_empty_among_filled_ones_is_reported(tmp_path):
    # ② has no value and ③ follows it: the writer skipped it (a lead-in's items are not its siblings)
    budget = ["创业策划书", "七、成本预算", "①软件开发费用：5-10万", "②服务器及日常运维费用：", "③公司注册费用：1818元",
              "④初期营销费用预估：10000元", "八、利润分配", "按股权比例分配。"]
    assert docx_codes(make_docx(tmp_path / "策划书.docx", budget), "KJ204") == [("KJ204", 4)]
    lead = ["创业策划书", "七、成本预算", "①软件开发费用：5-10万", "②其他费用：", "1. 注册费：360元", "2. 公告费：200元",
            "八、利润分配", "按股权比例分配。"]
    assert docx_codes(make_docx(tmp_path / "策划书2.docx", lead), "KJ204") == []


def test_a_sections_only_text_being_its_guidance_in_round_brackets_is_a_slot(tmp_path):
    # a 开题报告 whose later sections hold only the template's instructions, in round brackets
    report = ["开题报告", "一、课题来源、目的、意义", "本课题借助多目标优化方法同时优化神经网络的权值和结构。",
              "二、方案论证", "（对各种方案进行简单论证说明，并加以比较，简述所选方案）", "三、设计任务", "（按照任务书填写）",
              "四、进度安排", "第一周查阅文献，第二周完成设计。"]
    assert docx_codes(make_docx(tmp_path / "开题.docx", report), "KJ205") == [("KJ205", 5), ("KJ205", 7)]


def test_a_bracketed_note_before_its_text_or_pointing_elsewhere_is_no_guidance(tmp_path):
    # the form's note before the section's text, a pointer to an appendix, a law's adoption note
    report = ["申请书", "一、项目简介", "（200字左右，简要说明项目内容）", "本项目开发卫星地面管理终端。", "二、经费预算",
              "（详见附件2经费预算明细表）", "三、承诺", "本人保证申请书内容真实。"]
    assert docx_codes(make_docx(tmp_path / "申请书.docx", report), "KJ205") == []
    law = [("title", "某市物业管理条例"), "（2023年5月10日市人民代表大会常务委员会审议通过）", ("heading", 1, "第一章 总则"),
           "第一条 为了规范物业管理活动，制定本条例。"]
    assert docx_codes(make_docx(tmp_path / "条例.docx", law), "KJ205") == []


def test_a_fields_name_in_angle_brackets_is_a_slot_but_not_a_signature_or_code():
    from kjlint.engine import lint_text

    slots = [(f.code, f.end_column - f.column) for f in lint_text(
        "任务：<任务名>\n事件：<事件名>\n5.1 <方法名称>\n报告人：〈签名〉\nMap<String, Object> orderMap\n如果x<5且y>3则跳过。",
        select=["KJ205"])]
    assert slots == [("KJ205", 5), ("KJ205", 5), ("KJ205", 6)]


_TEMPLATE = ["1.引言", "1.1编写目的", "[说明编写这份测试计划的目的，指出预期的读者。]", "1.2定义",
             "[列出本文件中用到的专门术语的定义。]", "1.3参考资料", "[列出有关的参考资料。]", "2.测试内容", "2.1测试1",
             "[给出这项测试的参与单位及被测试的部位。]", "[……]"]


def test_a_templates_author_note_and_bracketed_ellipsis_are_its_guidance(tmp_path):
    template = ["集成测试计划", "编者说明：", "本模块用来指导编写集成测试计划，可根据项目的实际情况裁剪。", *_TEMPLATE]
    found = docx_codes(make_docx(tmp_path / "测试计划.docx", template), "KJ205")
    assert found == [("KJ205", 2), ("KJ205", 6), ("KJ205", 8), ("KJ205", 10), ("KJ205", 13), ("KJ205", 14)]


def test_an_editors_note_outside_a_template_or_a_forms_instructions_are_the_documents(tmp_path):
    # no template around it: a bulletin's editor's note is its text
    bulletin = ["工作简报", "编者说明：", "本期简报刊登各单位上半年安全生产工作的经验做法，供学习参考。", "一、市应急局", "全面开展隐患排查。"]
    assert docx_codes(make_docx(tmp_path / "简报.docx", bulletin), "KJ205") == []
    # in a template, a form's own instructions (填写说明) stay the form's
    form = ["项目申报书", "填写说明：", "本表由项目负责人填写，内容须真实准确，不得改变表格结构。", *_TEMPLATE]
    assert ("KJ205", 2) not in docx_codes(make_docx(tmp_path / "申报书.docx", form), "KJ205")


_BODY = ["一、毕业设计的内容与要求", "采用单片机技术及无线通信技术，设计并制作一套可调光、调色的灯具控制系统，智能手机能在无线网络下与单片机通信，"
         "控制灯具的亮度、色温和开关，并能显示灯具的工作状态。系统应具有良好的人机界面，操作简单，运行稳定可靠。",
         "二、毕业设计应完成的工作", "设计分析、最佳方案分析与选择；设计方案阐述，介绍方案组成，列出设计的框图、流程图等；写出有关的设计依据、"
         "设计计算过程等；绘制整机原理图及电路图；组装能展示成果的硬件实物；论文中应该记录相应的检测数据，并对数据进行分析和整理；"
         "对设计进行总结性评价，指出存在问题与解决措施，以及进一步的发展方向。", "三、进程安排", "第一周确定题目，第二周收集资料，"
         "第三周确定设计方案并拟出设计提纲，第四周至第八周进行硬件设计与调试，第九周至第十二周编写程序，第十三周起撰写论文并准备答辩。",
         "四、参考文献", "谭浩强编写的程序设计教材，以及单片机原理与应用的相关资料。"]


def test_a_cover_tables_fields_left_empty_in_a_written_document_are_reported(tmp_path):
    # the cover's label | value rows: fewer filled than empty, but the document under them is written
    cover = ["本科生毕业设计任务书", ("table", [["题目名称", ""], ["学    院", "物理与光电工程学院"], ["专业班级", "电子科学与技术"],
                                          ["姓    名", ""], ["学    号", ""]]), *_BODY]
    assert docx_codes(make_docx(tmp_path / "任务书.docx", cover), "KJ204") == [("KJ204", 2), ("KJ204", 8), ("KJ204", 10)]


def test_a_blank_forms_table_or_a_grid_of_names_is_no_field_left_empty(tmp_path):
    # the same cover with no text under it is a form to hand out; a grid of names has no label | value rows
    blank = ["本科生毕业设计任务书", ("table", [["题目名称", ""], ["学    院", "物理与光电工程学院"], ["专业班级", "电子科学与技术"],
                                          ["姓    名", ""], ["学    号", ""]]), "注：此表一式三份。"]
    assert docx_codes(make_docx(tmp_path / "空表.docx", blank), "KJ204") == []
    names = ["暑期社会实践团队安全承诺", ("table", [["李观泰", "王博宇", "李林烨", "刘世宇", "陈奕桢"], ["张玉飞", "", "", "", ""]]), *_BODY]
    assert docx_codes(make_docx(tmp_path / "承诺.docx", names), "KJ204") == []
