"""Word files of kinds the rules had not met (issue 11, session 16's word16p set: defect reports,
test plans and test cases, data dictionaries, FPGA and Python project reports, specifications): the
mechanisms of their false findings, decided by the document's own layout and evidence. Each is
shown both ways: the document's notation or structure is left alone, the defect the rule is for is
still reported."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx


def test_a_product_written_out_with_a_figure_beside_its_sign_is_no_mask(tmp_path):
    # a budget's cost lines: 10人×2月×平均薪资, 劳务费×3个月×¥1千/月
    budget = ["项目经费预算", "人员费用：10人×2月×平均薪资", "1名学生劳务费×3个月×¥1千/月，共计3千元。",
              "2名学生劳务费×¥0.5千/月，按实际工作量发放。"]
    assert docx_codes(make_docx(tmp_path / "预算.docx", budget), "KJ201") == []
    # a × masking a figure or a name is still reported, also on a line with a product
    masked = ["项目经费预算", "今年共走访企业××家，组织培训×次。", "人员费用：10人×2月，由××单位支付。"]
    assert [line for _, line in docx_codes(make_docx(tmp_path / "掩码.docx", masked), "KJ201")] == [2, 2, 3]


def test_x_named_with_y_as_a_points_coordinates_is_no_mask(tmp_path):
    game = ["飞机大战实训报告", "按下方向键时飞机向相应方向按照速度移动相应的x和y，松开后停止。"]
    assert docx_codes(make_docx(tmp_path / "实训.docx", game), "KJ201") == []
    report = ["培训总结", "本月组织业务培训x次，参训人员共计五十人。"]
    assert docx_codes(make_docx(tmp_path / "培训.docx", report), "KJ201") == [("KJ201", 2)]


def test_a_message_the_program_shows_quoted_with_its_variable_is_no_mask(tmp_path):
    # a defect report's expected result and a quiz's feedback: the program fills in the X
    spec = ["缺陷报告", "期望结果：选择买家后应有反馈，如显示“已选择买家：XXX”。",
            "回答错误时弹出消息框，并显示\"回答错误，答案是：X\"，其中X是正确答案。"]
    assert docx_codes(make_docx(tmp_path / "缺陷.docx", spec), "KJ201") == []
    # a name masked in a report's own sentence is still reported
    report = ["工作总结", "本年度XXX同志负责后台管理工作，完成了全部任务。"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", report), "KJ201") == [("KJ201", 2)]


def test_a_time_formats_fields_are_no_deleted_percentage(tmp_path):
    # a data table's format column: %Y-%m-%d %H:%M:%S
    table = ["数据库设计", ("table", [["字段", "名称", "格式"], ["起始时间", "startTime", "%Y-%m-%d %H:%M:%S"],
                                     ["结束时间", "endTime", "%Y-%m-%d %H:%M:%S"]])]
    assert docx_codes(make_docx(tmp_path / "设计.docx", table), "KJ207") == []
    report = ["工作总结", "全年实现营业收入同比增长%，利润稳步提升。"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", report), "KJ207") == [("KJ207", 2)]


def _defect(n: int, title: str) -> list[str]:
    return [f"缺陷编号: 00{n}", f"标题: {title}", "描述: 操作后页面没有任何反馈。", "严重性：", "•Major：影响主要功能。"]


def test_a_title_field_of_each_record_of_a_word_file_is_no_site_label(tmp_path):
    # a defect report writes 标题: in every defect's record: the form's field
    report = ["缺陷报告", *_defect(1, "买家无法查询订单"), *_defect(2, "商品页面布局过小"), *_defect(3, "修改密码无响应")]
    assert docx_codes(make_docx(tmp_path / "缺陷.docx", report), "KJ603") == []
    # a page's title label pasted once into a Word file is still the site's
    pasted = ["标题：2023年科技局工作总结", "2023年，我局认真贯彻落实上级决策部署，各项工作取得新成效。"]
    assert docx_codes(make_docx(tmp_path / "粘贴.docx", pasted), "KJ603") == [("KJ603", 1)]


def test_a_listing_numbered_by_line_with_words_of_its_language_is_code(tmp_path):
    # Verilog copied from a blog with its line numbers: begin/end lines, comments, empty lines
    code = ["1./*按键上升沿检测*/\u00a0\u00a0", "2.reg\u00a0[1:0]\u00a0key_buf;", "3.\u00a0\u00a0",
            "4.always@(posedge\u00a0I_sys_clk\u00a0or\u00a0negedge\u00a0I_rst_n)", "5.begin\u00a0\u00a0",
            "6.\u00a0\u00a0\u00a0\u00a0if(~I_rst_n)\u00a0begin", "7.\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0key_buf\u00a0<=\u00a00;",
            "8.\u00a0\u00a0\u00a0\u00a0end", "9.end\u00a0\u00a0", "10.\u00a0\u00a0", "11.assign\u00a0W_key_pos\u00a0=\u00a0key_buf[0];"]
    doc = ["项目总结报告", "一、项目实现", "按键消抖模块的代码如下：", *code, "二、项目总结", "本次项目完成了电压表的设计。"]
    assert docx_codes(make_docx(tmp_path / "报告.docx", doc), "KJ303") == []
    # a numbered list of sentences with an item left bare is still reported
    steps = ["使用说明", "一、操作步骤", "1.打开系统首页并登录。", "2.进入管理页面。", "3.", "4.点击保存按钮。",
             "二、注意事项", "操作前请备份数据。"]
    assert docx_codes(make_docx(tmp_path / "说明.docx", steps), "KJ303") == [("KJ303", 5)]


def _test(n: int, schedule: str = "") -> list[str]:
    # one test of a test plan: its schedule, conditions and materials
    return [f"{n}.测试{n - 2}", f"{n}.1进度安排", *([schedule] if schedule else []), f"{n}.2条件", f"人员：测试员{n}",
            f"{n}.3测试资料", "●测试方法：错误推测法、判定覆盖法", "1.错误推测法：", "2.判定覆盖法：",
            f"判定<流程{n}存在么>中各种条件的所有可能结果：存在、不存在。"]


def test_a_heading_or_field_each_entry_repeats_left_empty_in_most_copies_is_optional(tmp_path):
    # 进度安排 and 错误推测法： empty under every test: the writer's practice, no part forgotten
    plan = ["测试计划书", "二.计划", "1.软件说明", "康复诊疗排班系统用于管理医生排班。", "2.测试内容", "功能测试。",
            *_test(3), *_test(4), *_test(5), *_test(6)]
    assert docx_codes(make_docx(tmp_path / "计划.docx", plan), "KJ303", "KJ204") == []
    # one schedule of four left empty is a part forgotten, still reported
    plan = ["测试计划书", "二.计划", "1.软件说明", "康复诊疗排班系统用于管理医生排班。", "2.测试内容", "功能测试。",
            *_test(3, "第3周"), *_test(4), *_test(5, "第5周"), *_test(6, "第6周")]
    codes = docx_codes(make_docx(tmp_path / "漏填.docx", plan), "KJ303")
    assert codes == [("KJ303", 18)]
    # each member's 分工： right under his name, all empty: a block of fields to fill, still reported
    cover = ["课程设计报告", "设计题目：进程调度模拟", "班级：计算机二班", "设计分工", "组长学号及姓名：E115 曹泽宇",
             "分工：             成绩：", "组员1学号及姓名：E116 江婉榕", "分工：             成绩：",
             "组员2学号及姓名：E117 戚林莉", "分工：             成绩：", "摘要",
             "进程调度与内存分配是操作系统中核心的软件机构。进程调度的任务主要有三个：保存处理机的现场信息、按某种算法选取进程、"
             "把处理器分配给进程。为了让进程装入内存，必须为它分配一定大小的内存空间。" * 4]
    assert [code for code, _ in docx_codes(make_docx(tmp_path / "封面.docx", cover), "KJ204")] == ["KJ204"] * 3


def test_a_word_writers_own_lead_in_before_a_caption_is_no_spliced_document(tmp_path):
    # 以下是… in a lab report introduces its own screenshots and steps
    lab = ["网络编程实验报告", "一、实验内容", "本实验使用winpcap捕获数据包，并解析IP、TCP、UDP报文。",
           "程序运行正常，能够按网卡和协议过滤，显示每个报文的首部字段。", "B.增加一些选项",
           "以下是各个新增选项的截图，具体代码见cpp文件", "网卡选择/过滤选择", "ICMP选项", "二、收获",
           "对winpcap编程有了直观的认识。"]
    assert docx_codes(make_docx(tmp_path / "实验.docx", lab), "KJ606") == []
    # a lead-in before another report's title is still a document pasted on
    pasted = ["网络编程实验报告", "一、实验内容", "本实验使用winpcap捕获数据包，并解析IP、TCP、UDP报文。",
              "以下内容供参考", "2023年科技局工作总结", "全年组织企业申报项目12项，争取资金1200万元，超额完成任务。"]
    assert docx_codes(make_docx(tmp_path / "粘贴.docx", pasted), "KJ606") == [("KJ606", 4)]


def test_a_fields_chinese_gloss_after_its_name_is_no_slot(tmp_path):
    model = ["数据库设计", "QuestionSet模型：", "oname（问题集合名称）：使用CharField类型，最大长度为100。",
             "ogroup（组名称）：使用CharField类型，如果访问权限为组内可见则存储组名。"]
    assert docx_codes(make_docx(tmp_path / "设计.docx", model), "KJ205") == []
    # the same bracket after a Chinese word in a letter is a slot never filled in
    letter = ["关于召开年度工作会议的通知", "请通知（参会人员姓名）于下周一到会议室参加年度工作会议。"]
    assert docx_codes(make_docx(tmp_path / "通知.docx", letter), "KJ205") == [("KJ205", 2)]


def test_a_record_of_one_field_in_a_data_dictionarys_brace_notation_is_no_slot(tmp_path):
    # the file writes its compositions as {a + b + …}; a flow of one field keeps the braces
    entries = ["数据字典", "数据流“病人信息”", "组成：{ 病人号 + 病人姓名 + 性别 + 手机号 }", "流量：一条",
               "数据流“病人报到信息”", "组成：{ 报到时间}", "流量：一条"]
    assert docx_codes(make_docx(tmp_path / "字典.docx", entries), "KJ205") == []
    # braces holding one name in a file without that notation are a slot never filled in
    letter = ["关于召开年度工作会议的通知", "{报到时间}前到会议室报到。", "定于下周一召开年度工作会议，请准时参加。"]
    assert docx_codes(make_docx(tmp_path / "通知.docx", letter), "KJ205") == [("KJ205", 2)]


def test_a_line_of_form_fields_repeated_for_each_member_is_no_repeated_title(tmp_path):
    cover = ["课程设计报告", "设计题目：进程调度与内存分配管理模拟", "班    级：计算机科学与技术二班", "设计分工",
             "组长学号及姓名：E11514080  曹泽宇", "分工：             成绩：", "组员1学号及姓名：E11514024  江婉榕",
             "分工：             成绩：", "组员2学号及姓名：E11514084  戚林莉", "分工：             成绩：", "摘  要",
             "进程调度与内存分配是操作系统中核心的软件机构，本设计模拟了抢占式优先级调度。"]
    assert docx_codes(make_docx(tmp_path / "封面.docx", cover), "KJ607") == []
    # a report's title given twice at the top of a Word file is still reported
    doubled = ["2023年科技局工作总结", "2023年科技局工作总结", "一、主要工作", "全年组织企业申报项目12项，争取资金1200万元。"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", doubled), "KJ607") == [("KJ607", 2)]
