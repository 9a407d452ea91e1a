"""Word files nobody here wrote (issue 11, session 18's fdocx13 set): false alarms removed by
the Word layout and the file's own evidence. Each mechanism is shown both ways: the look-alike
is left alone, the defect still found."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx

_BODY = ["本实验要求掌握基本数据类型的输入输出方法，并编写程序验证运算结果。",
         "实验环境为Windows 10操作系统，开发工具为Visual Studio 2019。"]


def test_a_bare_item_holding_its_screenshot_is_not_empty(tmp_path):
    # 三、程序结果 / 1.[screenshot] / 2.[screenshot]: each item's content is its picture
    report = ["实验报告", "一、实验目的", _BODY[0], "二、实验环境", _BODY[1], "三、程序结果",
              ("picture", "1."), ("picture", "2."), "四、体会", "通过本次实验掌握了调试方法。"]
    assert docx_codes(make_docx(tmp_path / "报告.docx", report), "KJ303") == []
    # the same items without their screenshots are items never written
    bare = [x if isinstance(x, str) else x[1] for x in report]
    assert docx_codes(make_docx(tmp_path / "空.docx", bare), "KJ303") == [("KJ303", 7), ("KJ303", 8)]


def test_blanks_padding_a_column_typed_with_spaces_are_no_blank(tmp_path):
    # a reference list laid out as a table with spaces: each gap ends at the same column,
    # the same words after it, after names of other widths
    refs = ["开题报告", "（四）主要参考文献",
            "[1]. 电子学报                     期刊，2010～2018年",
            "[2]. 通信技术与应用               期刊，2010～2018年",
            "[3]. 计算机应用研究               期刊，2010～2018年"]
    assert docx_codes(make_docx(tmp_path / "文献.docx", refs), "KJ204") == []
    # gaps that are not in step with their neighbours are values left out
    uneven = [*refs[:2], "[1]. 电子学报      期刊，2010～2018年", "[2]. 通信技术与应用  期刊，2010～2018年"]
    assert docx_codes(make_docx(tmp_path / "错位.docx", uneven), "KJ204") == [("KJ204", 3), ("KJ204", 4)]
    form = ["统计表", "本季度新增企业    家，", "本季度注销企业    家，"]
    assert docx_codes(make_docx(tmp_path / "表.docx", form), "KJ204") == [("KJ204", 2), ("KJ204", 3)]


def _styled(lines: list[str], level: int = 2) -> list:
    """Every line in a heading style, as some writers set a whole file."""
    return [("heading", level, line) for line in lines]


def test_items_led_in_by_an_unnumbered_line_are_a_list_even_in_a_heading_style(tmp_path):
    spec = ["接口说明", ("heading", 1, "一、接口概述"), _BODY[0], ("heading", 1, "二、接口列表"), _BODY[1],
            *_styled(["Examiner：（主试特有的功能）", "1.发布实验 （实验表）", "2.获取我发布的实验 （实验表）",
                      "3.取消已发布的实验 （实验表）", "Public：（普通功能）", "1.获取所有实验 （实验表）",
                      "2.获取科普文", "3.获取对应实验详细信息 （实验表）"]),
            ("heading", 1, "三、返回格式"), _BODY[0], ("heading", 1, "四、错误码"), _BODY[1]]
    assert docx_codes(make_docx(tmp_path / "接口.docx", spec), "KJ303") == []
    # the same sections under a numbered heading, or a paragraph of text, are sections left empty
    numbered = [*spec[:5], *_styled(["1.发布实验", "2.获取我发布的实验", "3.取消已发布的实验"]),
                ("heading", 1, "三、返回格式"), _BODY[0], ("heading", 1, "四、错误码"), _BODY[1]]
    assert docx_codes(make_docx(tmp_path / "空.docx", numbered), "KJ303") == [("KJ303", 6), ("KJ303", 7), ("KJ303", 8)]


def test_a_diagram_drawn_with_ascii_boxes_holds_no_slot_and_no_source_line(tmp_path):
    design = ["系统设计说明", "一、总体结构", _BODY[0], "二、分层结构",
              "+----------------------+", "|        View          |", "|  （输入用户信息并保存）  |",
              "+----------^-----------+", "           |", "           | 用户交互", "           |",
              "+----------+-----------+", "|      Controller      |", "+----------------------+",
              "三、模块说明", _BODY[1]]
    assert docx_codes(make_docx(tmp_path / "设计.docx", design), "KJ205", "KJ601") == []
    # the same lines outside a drawing: a template's instruction and an uploader's name
    loose = ["系统设计说明", "一、总体结构", _BODY[0], "（输入用户信息并保存）", "| 用户交互", "二、模块说明", _BODY[1]]
    assert docx_codes(make_docx(tmp_path / "散.docx", loose), "KJ205", "KJ601") == [("KJ205", 4), ("KJ601", 5)]


def test_a_template_engines_syntax_in_a_code_line_is_no_slot(tmp_path):
    notes = ["前端学习笔记", "一、Vue基础", "- 声明式渲染: {{msg}} 非声明式: document.getElementById('app').innerHTML = msg;",
             "xhr.onreadystatechange = function (){成功的函数}", "二、小结", _BODY[1]]
    assert docx_codes(make_docx(tmp_path / "笔记.docx", notes), "KJ205") == []
    notes.append("本单位{{单位名称}}全年完成培训任务。")
    assert docx_codes(make_docx(tmp_path / "槽.docx", notes), "KJ205") == [("KJ205", 7)]


def test_an_inline_first_item_counts_however_its_mark_is_typed(tmp_path):
    # 思考：（1）… on one line, (2）… on the next; 附：1、… then 2.…: item 1 is there, inline
    report = ["实验报告", "一、实验内容", "思考：（1）如果输入a为负，运行时会出现什么情况？",
              "(2）能否把精度提高到10的负10次方？请试一下。", "二、经费说明", "附：1、可参加创业比赛，奖金作为或有资产",
              "2.未能确定是否获得投资，只能作为或有资产"]
    assert docx_codes(make_docx(tmp_path / "报告.docx", report), "KJ502") == []
    # with no item 1 anywhere before them, the lists open at 2
    gap = [report[0], report[1], "思考：如果输入a为负，运行时会出现什么情况？", report[3], report[4],
           "附：可参加创业比赛，奖金作为或有资产", report[6]]
    assert docx_codes(make_docx(tmp_path / "缺.docx", gap), "KJ502") == [("KJ502", 4), ("KJ502", 7)]


def test_a_list_word_numbers_afresh_under_a_typed_item_is_its_own(tmp_path):
    # 1./2. numbered by Word, 3. typed by hand, then Word's own list 1．客户管理 below it
    body = ["营销系统设计报告", ("list", "decimal", 0, "营销系统的功能模块"), _BODY[0],
            ("list", "decimal", 0, "营销系统的技术方案"), _BODY[1], "3.营销系统的部分模块详细设计与实现"]
    sub = ("list", "chinese", 2, "客户管理：")  # another list of Word's, its first item
    assert docx_codes(make_docx(tmp_path / "报告.docx", [*body, sub, _BODY[0]]), "KJ503") == []
    # typed by hand too: a Word file's list going back to 1 is a list of its own (fdocx13's labeler
    # judged this very case no defect; tests/test_word_page_furniture.py)
    assert docx_codes(make_docx(tmp_path / "乱.docx", [*body, "1.客户管理：", _BODY[0]]), "KJ503") == []


def test_an_item_numbered_with_a_comma_is_the_parent_of_the_items_below(tmp_path):
    report = ["课程设计报告", "本次课程设计我总共实现了两项功能:", "1,查看所有用户的功能", _BODY[0],
              "2, 用户的修改和删除", "(1)用户的删除", _BODY[1], "(2)用户的修改", _BODY[0]]
    assert docx_codes(make_docx(tmp_path / "报告.docx", report), "KJ504") == []
    # a comma inside a sentence numbers nothing: the (1) items there have no parent
    no_parent = [*report[:4], "2,用户的修改和删除由管理员完成。", *report[5:]]
    assert docx_codes(make_docx(tmp_path / "缺.docx", no_parent), "KJ504") == [("KJ504", 6)]


def test_items_set_in_deeper_are_an_inner_list(tmp_path):
    plan = ["应用前景分析", "未来应用方向：", "1.舆论情绪的探测和引导", "例如：1.在重大社会灾害发生时了解大众的心态；",
            "\t  2.在制定规则的准备阶段调研民众的态度", "\t  3.通过情绪关键词了解百姓最关心的问题",
            "2.探测民众态度（商业、社会研究）", "3.辅助心理健康筛查"]
    assert docx_codes(make_docx(tmp_path / "方向.docx", plan), "KJ503") == []
    flat = [line.lstrip("\t ") for line in plan]
    assert docx_codes(make_docx(tmp_path / "平.docx", flat), "KJ503") == [("KJ503", 7)]


def test_a_banner_of_asterisks_around_a_label_is_no_mask(tmp_path):
    spec = ["通信协议说明", "一、消息定义", "/**************************心跳消息**************************",
            "GateServer通知GameServer用户掉线。", "**************************心跳消息结束**************************"]
    assert docx_codes(make_docx(tmp_path / "协议.docx", spec), "KJ202") == []
    spec.append("本次共联系**********单位。")
    assert docx_codes(make_docx(tmp_path / "掩码.docx", spec), "KJ202") == [("KJ202", 6)]


def test_a_code_line_assigning_an_address_is_code(tmp_path):
    # two test values of a mail sender's listing, the second left as the first: the listing's
    code = ["邮件发送模块", "一、详细编码", "public class MailSender {", '\t\tString username = "-@qq.com";',
            '\t\tString password = "secret";', '\t\tString username = "-@qq.com";', "}", "二、小结", _BODY[1]]
    assert docx_codes(make_docx(tmp_path / "代码.docx", code), "KJ101") == []
    prose = ["邮件发送模块", "一、说明", "发件邮箱统一使用-@qq.com，由管理员分配。", _BODY[0],
             "发件邮箱统一使用-@qq.com，由管理员分配。", "二、小结", _BODY[1]]
    assert docx_codes(make_docx(tmp_path / "重复.docx", prose), "KJ101") == [("KJ101", 5)]


def test_options_of_a_choice_question_are_no_repeat(tmp_path):
    quiz = ["Java基础测验", "一、单选题", "①　类的初始化顺序正确的是 D",
            "A.父类静态初始化---->子类静态初始化---->子类非静态初始化---->父类构造方法初始化。",
            "B.父类静态初始化---->子类静态初始化---->父类非静态初始化---->父类构造方法初始化---->子类非静态初始化---->子类构造方法初始化。",
            "C.子类静态初始化---->父类静态初始化---->父类构造方法初始化。",
            "D.父类静态初始化---->子类静态初始化---->父类非静态初始化---->父类构造方法初始化---->子类非静态初始化---->子类构造方法初始化。。",
            "二、小结", _BODY[1]]
    assert docx_codes(make_docx(tmp_path / "测验.docx", quiz), "KJ102") == []
    pasted = [*quiz[:6], quiz[4][2:] + "。", *quiz[7:]]
    assert docx_codes(make_docx(tmp_path / "粘贴.docx", pasted), "KJ102") == [("KJ102", 7)]


def test_an_api_sample_response_shown_twice_is_no_repeat(tmp_path):
    sample = ['duration:"15"', "experiment_id:10", 'others:"无"', 'pay:"10"', 'period:"12:00~14:00"',
              'position:"华师"', "publisher_id:3", 'publisher_name:"holy"', 'request:"无"', 'title:"实验测试title"',
              'type:"皮肤电"', "user:", 'name:"holyZhengs"', "user_id:3"]
    api = ["接口文档", "获取所有实验", "方法：GET", "返回", "data:", "code:200", "data:Array(5)", *sample, "",
           "获取对应实验的详细信息", "方法：GET", "返回", *sample, 'application:"电话号码 156250xxxx"']
    # the same object shown as each endpoint's response: the listing's, no repeated passage; a
    # mask in a string worded in Chinese is still found
    assert docx_codes(make_docx(tmp_path / "接口.docx", api), "KJ1", "KJ201") == [("KJ201", len(api))]
    # the same lines as prose fields (名称：…) pasted twice are a repeat
    prose = ["接口文档", "获取所有实验", *[f"第{i}项说明：本字段记录实验的基本信息，由发布者填写。" for i in range(8)],
             "获取对应实验的详细信息", *[f"第{i}项说明：本字段记录实验的基本信息，由发布者填写。" for i in range(8)]]
    assert docx_codes(make_docx(tmp_path / "重复.docx", prose), "KJ1")


def test_a_navigation_word_above_a_listing_names_what_a_call_returns(tmp_path):
    api = ["接口文档", "获取所有实验", "Url   /public/getAllElements", "方法：GET", "返回",
           "code:200", "data:Array(5)", 'title:"实验测试title"', "二、说明", _BODY[1]]
    assert docx_codes(make_docx(tmp_path / "接口.docx", api), "KJ601") == []
    # above a paragraph of text, the word alone is a link pasted with a page
    page = ["接口文档", _BODY[0], "返回", _BODY[1]]
    assert docx_codes(make_docx(tmp_path / "页.docx", page), "KJ601") == [("KJ601", 3)]


def test_an_outline_typed_under_a_contents_title_with_a_colon_is_the_contents(tmp_path):
    entries = ["一、市场分析", "1.国家政策", "2.大众需求", "二、项目特色", "三、盈利模式", "1.会员制度", "2.广告模式"]
    body = ["（一）市场分析：", "1.国家政策：国家提倡大众创业，万众创新，政策环境良好。", "2.大众需求：年轻人乐于参与各种线下活动。",
            "（二）项目特色：", "线上组局、线下见面，活动安全有保障。", "（三）盈利模式：", "1.会员制度：会员享受专属折扣。",
            "2.广告模式：为商家提供精准投放。"]
    plan = ["项目计划书", "目录：", *entries, *body]
    assert docx_codes(make_docx(tmp_path / "计划书.docx", plan), "KJ303") == []
    # without its contents title, an outline section without sub-entries is a heading left empty
    bare = ["项目计划书", *entries[:3], "二、项目特色", "三、盈利模式", "1.会员制度：会员享受专属折扣。"]
    assert docx_codes(make_docx(tmp_path / "空.docx", bare), "KJ303") == [("KJ303", 5)]


def test_two_write_ups_in_one_file_share_their_common_parts(tmp_path):
    stack = ["技术栈", "•Vue 3：构建页面组件和响应式交互", "•Element Plus：提供表格、表单、对话框等UI组件",
             "启动", "cd backend-demo", "mvn spring-boot:run"]
    work = ["简要说明：作业1", "本次作业实现了图书借阅管理的增删改查功能。", *stack,
            "简要说明：作业2", "本次作业实现了看板扫码签到功能，支持二维码生成与解析。", *stack]
    assert docx_codes(make_docx(tmp_path / "作业.docx", work), "KJ1") == []
    # in one write-up, the same lines given twice are a paste slip
    once = ["简要说明：作业1", "本次作业实现了图书借阅管理的增删改查功能。", *stack, "本次作业实现了看板扫码签到功能。", *stack]
    assert docx_codes(make_docx(tmp_path / "一份.docx", once), "KJ1")


def test_a_functions_input_paired_with_its_output_is_no_slot(tmp_path):
    report = ["单片机课程设计报告", "一、硬件资源", "定时器TIM模块（输入捕捉，输出比较）用于测量脉宽。", "二、小结", _BODY[1]]
    assert docx_codes(make_docx(tmp_path / "报告.docx", report), "KJ205") == []
    report.append("联系人（输入姓名，不超过十个字）")
    assert docx_codes(make_docx(tmp_path / "槽.docx", report), "KJ205") == [("KJ205", 6)]


_WRITTEN = [f"第{n}次实验中，我们按照实验指导书完成了程序的编写、调试与运行，记录了每一步的输出结果，并分析了出现错误的原因和解决办法，实验达到了预期目的。"
            for n in "一二三四五"]


def test_a_cover_field_for_the_teacher_who_grades_is_left_to_that_hand(tmp_path):
    cover = ["计算机程序设计基础实验报告", "专业班级：   软工2301班", "学    号： 8209230131", "姓    名：  文路遥",
             "批阅教师：", "", "", *_WRITTEN]
    assert docx_codes(make_docx(tmp_path / "报告.docx", cover), "KJ204") == []
    cover[4] = "指导单位："
    assert docx_codes(make_docx(tmp_path / "空.docx", cover), "KJ204") == [("KJ204", 5)]


def test_a_spaced_name_before_the_tail_of_its_underline_is_a_value(tmp_path):
    cover = ["软件工程课程设计报告", "学生姓名       张   涛                _____", "学    号        14010520033       _______",
             "", *_WRITTEN]
    assert docx_codes(make_docx(tmp_path / "封面.docx", cover), "KJ203") == []
    cover[1] = "学生姓名                _____"
    assert docx_codes(make_docx(tmp_path / "空.docx", cover), "KJ203") == [("KJ203", 2)]
