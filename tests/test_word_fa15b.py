"""Word files written to a template on purpose (issue 11, session 15's wprec15 / wguide15): the
sections of a specification written to the same headings, the forms of a requirements list, the
test cases of a test report repeat their wording by design; a passage pasted twice is still a
repeat. Each mechanism is shown both ways."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx

_LIMIT = "由于每次响应相关请求都会调用本程序，因此程序的处理时间和数据库访问时间的总和不能过长，否则影响整体响应。"


def _module(n: int, name: str, what: str, limit: str) -> list:
    # one module of a detailed design, under the template's headings
    return [("heading", 1, f"{n}{name}模块设计说明"),
            ("heading", 2, f"{n}.1程序描述"), f"该程序用于处理{what}，判断请求的类型后分发到子模块进行处理。",
            ("heading", 2, f"{n}.2性能"), f"{name}模块在一秒内返回{what}的处理结果。",
            ("heading", 2, f"{n}.3限制条件"), limit]


def test_the_same_section_of_modules_written_to_one_template_is_no_repeat(tmp_path):
    spec = ["详细设计说明书", *_module(1, "输入", "网页表单", "本程序只接受网页表单提交的请求，其他来源的请求一律拒绝。"),
            *_module(2, "注册登录", "登录和注册请求", _LIMIT), *_module(3, "管理信息", "管理请求", _LIMIT),
            *_module(4, "投票", "投票请求", _LIMIT)]
    assert docx_codes(make_docx(tmp_path / "设计.docx", spec), "KJ1") == []
    # the same paragraph pasted under a heading of another name is a paste slip
    pasted = ["详细设计说明书", *_module(1, "输入", "网页表单", "本程序只接受网页表单提交的请求，其他来源的请求一律拒绝。"),
              *_module(2, "注册登录", "登录和注册请求", _LIMIT), *_module(3, "管理信息", "管理请求", _LIMIT),
              *_module(4, "投票", "投票请求", "本程序只接受网页表单提交的请求。")]
    pasted[pasted.index("该程序用于处理投票请求，判断请求的类型后分发到子模块进行处理。")] = _LIMIT
    assert ("KJ101", 25) in docx_codes(make_docx(tmp_path / "粘贴.docx", pasted), "KJ1")
    # a heading found under two sections only is no template: a summary restating a chapter
    two = ["详细设计说明书", *_module(1, "注册登录", "登录和注册请求", _LIMIT), *_module(2, "管理信息", "管理请求", _LIMIT)]
    assert [c for c, _ in docx_codes(make_docx(tmp_path / "两节.docx", two), "KJ1")] == ["KJ101"]


def _use_case(title: str, does: str, given: str, wants: str, returns: str) -> list:
    # one function of a requirements list: its heading, then the form label | value
    return [title, ("table", [["功能描述", does], ["输入/前置条件", given], ["需求描述", wants], ["输出/后置条件", returns]])]


def test_forms_of_a_requirements_list_filled_in_for_each_function_are_no_repeated_block(tmp_path):
    spec = ["需求规格说明书", "2.2资金账户模块",
            *_use_case("2.2.1取款", "用户通过界面操作可以取出资金账户内的存款", "输入用户姓名、身份证号码和取款金额",
                       "用户通过取款界面，输入姓名、身份证号码和取款金额进行取款操作", "返回取款成功的返回信息"),
            *_use_case("2.2.2存款", "用户通过界面操作可以存入资金账户内的存款", "输入用户姓名、身份证号码和存款金额",
                       "用户通过取款界面，输入姓名、身份证号码和存款金额进行存款操作", "返回存款成功的返回信息")]
    assert docx_codes(make_docx(tmp_path / "需求.docx", spec), "KJ1") == []
    # a form pasted whole, every value kept, is a repeated block
    same = _use_case("2.2.2存款", "用户通过界面操作可以取出资金账户内的存款", "输入用户姓名、身份证号码和取款金额",
                     "用户通过取款界面，输入姓名、身份证号码和取款金额进行取款操作", "返回取款成功的返回信息")
    pasted = ["需求规格说明书", "2.2资金账户模块", *_use_case("2.2.1取款", *[r[1] for r in same[1][1]]), *same]
    assert [c for c, _ in docx_codes(make_docx(tmp_path / "粘贴.docx", pasted), "KJ1")] == ["KJ104"]


def test_the_same_row_in_the_forms_of_two_functions_is_no_repeated_block(tmp_path):
    # the same description given to two functions, the heading line over each form: one form each
    opening = "办理证券账户是走进股市的第一步。证券账户可以视为投资者进入股票交易市场的通行证，只有拥有它，才能进入买卖证券。"
    spec = ["需求规格说明书", "2.1开通证券账户",
            *_use_case("2.1.1个人账户开通", opening, "用户输入自己的姓名、性别、身份证号、职业、学历等信息。",
                       "自然人开立的证券账户为个人账户，投资者必须填入真实可靠的用户信息。", "返回开通个人账户成功的信息"),
            *_use_case("2.1.2法人账户开通", opening, "用户输入法人的名称、营业执照、联系电话等信息。",
                       "法人开立的证券账户为法人账户，投资者必须上传营业执照的扫描件。", "返回开通法人账户成功的信息")]
    assert docx_codes(make_docx(tmp_path / "开户.docx", spec), "KJ1") == []
    # a function's heading and its whole form pasted again: a repeated block
    pasted = [*spec[:4], *spec[2:4]]
    assert [c for c, _ in docx_codes(make_docx(tmp_path / "粘贴.docx", pasted), "KJ1")] == ["KJ104"]


def _test_case(n: int, title: str, steps: list[str], expected: str, actual: str, status: str) -> list:
    return [f"{n:03d}", f"测试用例标题：{title}", f"测试用例ID：{n:03d}", "相关需求：无", "前提条件：小程序已打开", "测试步骤：",
            *[f"{i}. {s}" for i, s in enumerate(steps, 1)], f"预期结果：{expected}", f"实际结果：{actual}",
            f"测试状态：{status}", "备注：无", "测试日期：2024-08-23", ""]


def test_test_cases_written_to_one_template_are_no_repeated_block(tmp_path):
    cases = [_test_case(1, "用户注册功能测试", ["打开小程序。", "点击“个人中心”按钮，点击“注册”。", "输入注册手机号及密码。"],
                        "系统显示“注册成功”", "点击注册，没有响应。", "失败"),
             _test_case(2, "用户登录功能测试", ["打开小程序。", "点击“个人中心”按钮。", "输入手机号及密码。"],
                        "系统显示“登录成功”", "点击登录，没有响应。", "失败"),
             _test_case(3, "推荐队伍功能测试", ["打开小程序。", "点击“首页”按钮。", "点击“更多推荐”。"],
                        "成功跳转至推荐队伍界面", "成功跳转至推荐队伍界面", "成功"),
             _test_case(4, "搜索队伍功能测试", ["打开小程序。", "点击“加入队伍”按钮。", "在搜索框内输入后点击搜索。"],
                        "显示未找到队伍", "无响应", "失败")]
    report = ["LINKYOU测试报告", *[p for case in cases for p in case]]
    assert docx_codes(make_docx(tmp_path / "测试.docx", report), "KJ1") == []
    # a test case's steps and results pasted into the next one: more than its fields again
    pasted = list(cases[1])
    pasted[7:13] = ["1. 打开小程序，进入首页后等待推荐列表加载完成，确认网络连接正常且账号已经登录。",
                    "2. 点击“个人中心”按钮，在个人中心页面找到注册入口后点击“注册”，进入注册界面。",
                    "预期结果：系统显示“注册成功”，并跳转到主界面，个人中心显示新注册的手机号。"]
    first = list(cases[0])
    first[7:13] = pasted[7:13]
    report = ["LINKYOU测试报告", *first, *pasted, *cases[2]]
    assert "KJ104" in [c for c, _ in docx_codes(make_docx(tmp_path / "粘贴.docx", report), "KJ1")]


_BODY = ["一、研究背景", "近年来，大语言模型在表格问答任务上的表现不断提升，本文研究其在常识推理中的应用，并比较多种提示方法的效果。" * 3]


def test_what_the_office_gives_and_a_default_value_may_stay_empty(tmp_path):
    # the credits beside the grade, a thesis cover's secrecy class (empty: public), a data
    # dictionary's default values (most columns have none)
    grading = [["课程名称", "自然语言处理"], ["学生姓名", "张三"], ["学号", "2020001"], ["学分", ""], ["成绩", ""]]
    cover = [["学校代码：", "10284"], ["学号：", "532024150155"], ["密级：", ""], ["姓名：", "李四"]]
    columns = [["字段", "数据类型", "必填项", "默认值", "中文说明"], ["id", "int", "是", "", "编号"],
               ["name", "varchar", "是", "", "姓名"], ["phone", "varchar", "否", "", "电话"]]
    assert docx_codes(make_docx(tmp_path / "成绩.docx", ["课程论文", ("table", grading), *_BODY]), "KJ204") == []
    assert docx_codes(make_docx(tmp_path / "封面.docx", [("table", cover), "硕士学位论文", *_BODY]), "KJ204") == []
    assert docx_codes(make_docx(tmp_path / "字典.docx", ["数据库设计", "管理员表", ("table", columns), *_BODY]), "KJ204") == []
    # the writer's own field left empty is still reported
    grading[1][1] = ""
    assert docx_codes(make_docx(tmp_path / "漏填.docx", ["课程论文", ("table", grading), *_BODY]), "KJ204") == [("KJ204", 4)]


def test_the_letters_of_a_formula_the_text_defines_are_no_mask(tmp_path):
    spec = ["考试系统数据字典", "4.3、成绩统计", "成绩统计按题目分别计算得分率。", "主观题计算方法：", "P=X/M",
            "X为该题的平均得分，M为该题满分", "客观题计算方法：", "P=R/N", "N为参加考试的人数，X为答对人数"]
    assert docx_codes(make_docx(tmp_path / "字典.docx", spec), "KJ201") == []
    # a name masked with XX beside the formulas is still a mask (a lone X in a Word file counts only
    # beside another mask: KJ201's docx-lone)
    spec[5] = "XX为本次考试的命题人，负责主观题的阅卷。"
    spec[8] = "答对人数除以参加考试的人数。"
    assert docx_codes(make_docx(tmp_path / "掩码.docx", spec), "KJ201") == [("KJ201", 6)]


def test_an_asterisk_in_a_file_name_the_text_lists_is_a_wildcard(tmp_path):
    manual = ["高考志愿填报系统使用说明", "第一步：选择文件", "点击【选择Excel文件】按钮，从文件浏览器中选择投档统计Excel文件。支持文件：",
              "●*年河北省普通高校招生本科批平行志愿投档情况统计物理.xlsx", "●*年河北省普通高校招生本科批平行志愿投档情况统计历史.xlsx",
              "第二步：填写信息", "系统读取文件后自动生成各院校的投档线。"]
    assert docx_codes(make_docx(tmp_path / "说明.docx", manual), "KJ202") == []
    # a masked name in a file name, a masked year and figure in a sentence are still masks
    manual[3] = "2023年**县普通高校招生本科批平行志愿投档情况统计.xlsx"
    manual[4] = "●*年河北省普通高校招生工作总结，全省共录取考生*万人。"
    assert docx_codes(make_docx(tmp_path / "掩码.docx", manual), "KJ202") == [("KJ202", 4), ("KJ202", 5), ("KJ202", 5)]


def test_a_cell_listing_numbers_is_no_numbered_item(tmp_path):
    # a plan's table: each task's predecessors by number (迭代总结1 after 6、7、8、9)
    rows = [["编号", "任务名称", "前置任务", "工期", "负责人"]]
    rows += [[str(i), f"功能{i}单元测试", str(i - 1) if i > 1 else "", "1", "张三"] for i in range(1, 10)]
    rows += [["10", "迭代总结1", "6、7、8、9", "2", "李四"], ["11", "集成测试", "10", "3", "王五"]]
    plan = ["项目开发计划", "一、进度安排", "项目的任务安排如下表所示。", ("table", rows), "二、资源需求", "项目需要三名开发人员。"]
    assert docx_codes(make_docx(tmp_path / "计划.docx", plan), "KJ502", "KJ503") == []
    # an item numbered 10、 after 2、 is still a gap
    plan[2:4] = ["项目的任务安排如下：", "1、需求分析", "2、概要设计", "6、7、8、9", "10、详细设计"]
    assert docx_codes(make_docx(tmp_path / "跳号.docx", plan), "KJ502") == [("KJ502", 7)]


def test_a_step_of_a_flow_drawn_with_arrows_is_no_template_slot(tmp_path):
    manual = ["高考志愿填报系统用户手册", "第三章  界面总览", "系统分为三个标签页：",
              "推荐操作顺序：数据管理（确认数据已导入）→ 考生信息与推荐（填写信息并生成）→ 志愿结果（查看并导出）",
              "第四章  数据管理", "点击顶部【数据管理】标签进入数据管理页面。"]
    assert docx_codes(make_docx(tmp_path / "手册.docx", manual), "KJ205") == []
    manual[3] = "推荐操作顺序：先导入数据，再填写考生信息。考生姓名：（填写姓名）"
    assert docx_codes(make_docx(tmp_path / "模板.docx", manual), "KJ205") == [("KJ205", 4)]


def test_a_title_as_the_subject_of_the_first_sentence_is_no_repeated_title(tmp_path):
    manual = ["河北省高考志愿填报系统 2026", "用户手册", "第一章  系统概述", "1.1  功能简介",
              "河北省高考志愿填报系统 2026 是一款专为河北省高考模式设计的智能志愿填报辅助工具。核心功能包括智能推荐和数据管理。",
              "1.2  运行环境", "Windows 10及以上。"]
    assert docx_codes(make_docx(tmp_path / "手册.docx", manual), "KJ607") == []
    # the title run into a sentence that does not go on from it is still a copy
    manual[4] = "河北省高考志愿填报系统 2026 本手册介绍系统的安装和使用方法。"
    assert docx_codes(make_docx(tmp_path / "重复.docx", manual), "KJ607") == [("KJ607", 5)]
