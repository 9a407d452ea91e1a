"""Word files of kinds the rules were not tuned on (issue 11, session 15's wprec15 / wguide15:
specifications, data dictionaries, manuals, test reports): the mechanisms of their false findings.
Each is shown both ways: the document's own notation or layout is left alone, the defect the rule
is for is still reported."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx


def _flow(name: str, brief: str, parts: str) -> tuple:
    # one entry of a data dictionary: a table of label | value rows
    return ("table", [["数据流名称", name], ["简述", brief], ["数据流来源", "考生"], ["数据流去向", "管理员"],
                      ["组成", parts]])


def test_a_data_dictionarys_composition_in_braces_is_no_template_slot(tmp_path):
    # the notation of the document's data flows: fields joined by +, braces for what repeats
    spec = ["数据字典", "数据流条目", _flow("考生信息", "考生的基本信息", "{学号+姓名+手机号+邮箱}"),
            _flow("申诉信息", "考生提交的申诉", "{学号+{申诉类型+申诉信息}}"),
            _flow("成绩信息", "考生的考试成绩", "考试名称 + 考试总分 + {各题得分}")]
    assert docx_codes(make_docx(tmp_path / "字典.docx", spec), "KJ205") == []
    # a slot holding one field's name is still a slot never filled in
    letter = ["关于召开年度工作会议的通知", "{单位名称}：", "定于下周一召开年度工作会议，请准时参加。"]
    assert docx_codes(make_docx(tmp_path / "通知.docx", letter), "KJ205") == [("KJ205", 2)]


def test_a_field_the_writer_leaves_empty_in_many_copies_of_a_form_is_optional(tmp_path):
    # 简述 empty in three of five entries: the writer's practice, the field is optional here
    flows = [_flow(f"数据流{i}", "" if i % 2 else f"第{i}条数据流的说明", "{学号+姓名}") for i in range(1, 6)]
    assert docx_codes(make_docx(tmp_path / "字典.docx", ["数据字典", *flows]), "KJ204") == []
    # one copy of five left empty is a value forgotten, still reported
    flows = [_flow(f"数据流{i}", "" if i == 3 else f"第{i}条数据流的说明", "{学号+姓名}") for i in range(1, 6)]
    codes = docx_codes(make_docx(tmp_path / "漏填.docx", ["数据字典", *flows]), "KJ204")
    assert [code for code, _ in codes] == ["KJ204"]


def test_an_emoji_a_word_file_uses_as_bullet_status_mark_or_button_label_is_layout(tmp_path):
    manual = ["系统使用说明", "✅ 支持批量导入考生数据", "💡 推荐操作顺序：数据管理→考生信息→志愿结果",
              ("table", [["状态", "含义"], ["🔴 红色", "冲刺志愿"], ["🟢 绿色", "保底志愿"]]),
              "点击顶部工具栏【📊 导出Excel】按钮，选择保存路径。"]
    assert docx_codes(make_docx(tmp_path / "手册.docx", manual), "KJ704") == []
    # an emoji inside the running text of a report is still reported
    report = ["2023年工作总结", "全年完成投资1200万元，同比增长15%📈，超额完成任务。"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", report), "KJ704") == [("KJ704", 2)]


def test_a_latin_initial_glossing_a_field_label_is_no_stray_letter(tmp_path):
    # an IPO table: 输入I： / 处理P： / 输出O：, the letter names the Chinese word
    ipo = ["模块设计", ("table", [["模块名：注册模块"], ["输入I："], ["用户账号和密码"], ["处理P："], ["校验账号"],
                                 ["输出O："], ["注册结果"]])]
    assert docx_codes(make_docx(tmp_path / "设计.docx", ipo), "KJ703") == []
    # a stray stroke glued to a word before punctuation is still reported
    text = ["培训总结", "本月组织业务培训I，参训人员共计五十人。"]
    assert docx_codes(make_docx(tmp_path / "培训.docx", text), "KJ703") == [("KJ703", 2)]


def test_a_symbol_bullet_typed_after_a_word_lists_own_bullet_is_layout(tmp_path):
    # a list drawn with Wingdings ➢ whose items also begin with the bullet's private-use code
    items = [("list", "wingdings-arrow", 0, f"\uf0d8本次测试结果依据被测系统的{what}。") for what in ("程序版本", "网络环境")]
    assert docx_codes(make_docx(tmp_path / "测试.docx", ["2.3 测试环境约束", *items]), "KJ409") == []
    # a private-use character inside the text is still reported, in a list item or not
    text = ["2.3 测试环境约束", ("list", "wingdings-arrow", 0, "本次测试\uf0d8结果依据被测系统的程序版本。"),
            "\uf0d8测试数据量以实际为准。"]
    assert docx_codes(make_docx(tmp_path / "混入.docx", text), "KJ409") == [("KJ409", 2), ("KJ409", 3)]


def test_a_covers_filled_fields_keep_their_underline_and_sign_off_names_are_hand_written(tmp_path):
    cover = ["毕业设计开题报告", "指导教师：__ 陈文辉  _职称：     讲师______ ",
             "     学生姓名               张文杰              _____      ",
             "   学    号              04121109         _______         ",
             "执笔：_______审核：________校验：________                 2020.5.13", "1.引言", "本文档说明系统的设计。"]
    assert docx_codes(make_docx(tmp_path / "封面.docx", cover), "KJ203") == []
    # a field whose value is missing is still a blank, alone or beside a filled one
    blank = ["毕业设计开题报告", "姓名：______  学号：______", "   专    业              _______         ",
             "指导教师：______  职称：讲师", "1.引言", "本文档说明系统的设计。"]
    assert [line for _, line in docx_codes(make_docx(tmp_path / "空白.docx", blank), "KJ203")] == [2, 2, 3, 4]


def test_a_word_files_own_list_of_files_is_no_download_leftover(tmp_path):
    manual = ["使用说明", "点击【选择文件】按钮，选择投档统计文件。支持文件：",
              ("list", "symbol-dot", 0, "2024年投档情况统计物理.xlsx"), ("list", "symbol-dot", 0, "2024年投档情况统计历史.xlsx"),
              "1.4参考资料", ("table", [["序号", "名称"], ["1", "概要设计文档.docx"], ["2", "网页搭建.pptx"]]),
              "2.测试概要", "本次测试覆盖全部功能。"]
    assert docx_codes(make_docx(tmp_path / "说明.docx", manual), "KJ602") == []
    # a file name standing alone above the title is still a download page's leftover
    page = ["2023年工作总结.docx", "2023年工作总结", "今年以来，我局认真履行职责，各项工作取得明显成效。"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", page), "KJ602") == [("KJ602", 1)]
