"""Word files nobody here wrote (issue #11, Word bar; session 21's independent set fdocx14, now
dev data): false findings decided by the file's own evidence. A document that writes `l` as a
variable in a formula means it by `从l层中` too (KJ703); a sales label inside the brackets of a
cited title is the title's (KJ604); a colon after one item of a list of names opens no field
(KJ204); the write-ups under the items of one list that differ in a single figure report each
item (KJ102). Each is shown beside the defect the rule still finds. Texts invented in the shape
of those files."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx

from kjlint.engine import lint_text


def codes(text: str, *select: str) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in lint_text(text, "note.txt", select=list(select))]


def test_an_l_the_document_writes_as_a_formulas_variable_is_no_misread_1():
    text = ("论文阅读笔记\n对于L-l解码层上的未知区域上的点，在l编码层上搜索最相似的点。\n"
            "作者从l层中的已知区域提取点来填充未知区域。\n")
    assert codes(text, "KJ703") == []


def test_an_l_where_a_figure_needs_a_digit_is_still_a_misread_1():
    assert codes("工作笔记\n会议在嘉苑l幢召开，共有l9万人参加。\n", "KJ703") == [("KJ703", 2), ("KJ703", 2)]


def test_a_sales_label_inside_a_cited_title_is_the_titles():
    text = "学习记录\n参考内容：\n（2）B站视频（3小时学会Git全套教程（完整版）通俗易懂）\n"
    assert codes(text, "KJ604") == []
    assert codes("2023年科技局工作总结（完整版）\n", "KJ604") == [("KJ604", 1)]


def test_a_colon_after_one_name_of_a_list_opens_no_field(tmp_path):
    blocks = ["数据库设计报告", "2.关系模式范式等级的判定", "注：已规范到 3NF", "不满足第二范式会产生以下问题：",
              "(1) 数据冗余", "(2) 更新异常", "(3) 插入异常：", "(4) 删除异常", "显然，本设计不会出现以上问题。"]
    assert docx_codes(make_docx(tmp_path / "设计.docx", blocks), "KJ204") == []


def test_an_empty_field_among_numbered_fields_is_still_reported(tmp_path):
    blocks = ["活动策划书", "(1)活动宗旨：丰富校园文化生活", "(2)活动对象：", "(3)主办单位：学生会", "活动内容详见附件。"]
    assert docx_codes(make_docx(tmp_path / "策划书.docx", blocks), "KJ204") == [("KJ204", 3)]


_SCANS = ("测试报告\n4.3静态扫描情况说明\n1、版本1的演示版本：\n"
          "截至编写测试报告时，有36个Major级别的规范问题。没有Blocker级别的问题。问题主要集中在魔法值和注释不规范上。\n"
          "2、版本1的重构版本：\n"
          "截至编写测试报告时，有45个Major级别的规范问题。没有Blocker级别的问题。问题主要集中在魔法值和注释不规范上。\n")


def test_the_write_ups_of_a_lists_items_differing_in_a_figure_report_each_item():
    assert codes(_SCANS, "KJ101", "KJ102") == []


def test_a_paragraph_pasted_again_with_one_figure_edited_is_still_a_near_repeat():
    text = ("科技局工作总结\n全年组织辖区企业申报省级科技项目十二项，争取上级资金八百万元，带动企业研发投入。\n"
            "开展科技下乡活动五次，培训农民一千二百人次。\n"
            "全年组织辖区企业申报省级科技项目十三项，争取上级资金八百万元，带动企业研发投入。\n")
    assert codes(text, "KJ101", "KJ102") == [("KJ102", 4)]


def test_a_word_file_opening_with_the_first_of_its_lower_level_sections_has_no_title(tmp_path):
    blocks = [("heading", 2, "运行环境"), "墨刀，原型在浏览器中打开。", ("heading", 2, "简要操作"),
              "与应用的使用方式一样，点击各按钮进入对应页面。"]
    assert docx_codes(make_docx(tmp_path / "原型说明.docx", blocks), "KJ506") == [("KJ506", 1)]


def test_a_title_styled_as_the_sections_or_naming_its_kind_is_a_title(tmp_path):
    named = [("heading", 2, "原型设计说明书"), "本文说明原型的运行方式。", ("heading", 2, "简要操作"), "点击各按钮。"]
    assert docx_codes(make_docx(tmp_path / "说明书.docx", named), "KJ506") == []
    above = [("heading", 1, "背单词软件"), ("heading", 2, "运行环境"), "墨刀。", ("heading", 2, "简要操作"), "点击。"]
    assert docx_codes(make_docx(tmp_path / "软件.docx", above), "KJ506") == []


# (from the helper session word21, built on fdocx14 m008)
_CASE = ("table", [["id", "username", "预期结果", "实际结果"], ["1", "admin", "admin", "admin"]])


def test_a_drawn_number_before_a_typed_one_is_no_chapter(tmp_path):
    # items typed 1. 2. under 二、 that Word numbers in the chapters' list too (drawn 三、1.username):
    # the typed number places them under 二、, which has its body
    report = ["基线测试报告", ("list", "chinese", 0, "功能分析"), "买家可以浏览商品并提交订单。",
              ("list", "chinese", 0, "基于主要功能函数的单元测试"),
              ("list", "chinese", 0, "1.username：用户名为admin"), _CASE,
              ("list", "chinese", 0, "2.password：密码为admin"), _CASE]
    assert docx_codes(make_docx(tmp_path / "测试.docx", report), "KJ303") == []
    # drawn chapters over no typed number: 二、 is a chapter left empty
    bare = [*report[:4], ("list", "chinese", 0, "用户名测试"), _CASE, ("list", "chinese", 0, "密码测试"), _CASE]
    assert docx_codes(make_docx(tmp_path / "空.docx", bare), "KJ303") == [("KJ303", 4)]


def test_a_bracket_saying_how_is_no_template_slot():
    text = "课程设计任务书\n（3）客户信息管理：添加、删除、修改、查询（按编号/名称）、显示全部。\n"
    assert codes(text, "KJ205") == []
    assert codes("关于开展检查的通知\n请于（日期）前报送（单位名称）的自查报告。\n", "KJ205") != []
