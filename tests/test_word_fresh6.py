"""Word files nobody here wrote (issue 11, seventh set): Markdown pasted into Word beyond `**`,
merge-field slots, asterisk masks in an outline. Each mechanism is shown both ways: the defect is
found, the look-alike is left alone."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx


def _findings(path, code: str) -> list[dict]:
    """The findings `kjlint check PATH --format json --select CODE` reports."""
    import json

    from click.testing import CliRunner

    from kjlint.cli import main

    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--select", code])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_markdown_marks_paragraphs_begin_with_are_residue_in_a_file_that_shows_markdown(tmp_path):
    # a heading's hashes before a numbered heading show the paste on their own; the file's
    # bullets, quotation marks and task boxes are then its marks too, one finding per run
    spec = ["技术方案", "##### 2.1.3.1 资格申诉", "系统自动校验申请人资格。", "* 社保信息", "* 婚姻信息", "* 学历信息",
            ">", "关键信息字段", "•[ ] 项目名称", "•[ ] 项目编号"]
    found = _findings(make_docx(tmp_path / "方案.docx", spec), "KJ610")
    assert [(f["line"], f["message"].split("`")[1]) for f in found] == [(2, "#####"), (4, "*"), (7, ">"), (9, "[ ]")]
    assert [r["line"] for r in found[1]["related"]] == [5, 6]
    # a Markdown editor's table of contents macro is one wherever it is
    assert docx_codes(make_docx(tmp_path / "报告.docx", ["实践报告", "[TOC]", "一、实践目的"]), "KJ610") == [("KJ610", 2)]


def test_a_dash_list_or_a_code_comment_without_other_markdown_is_left_alone(tmp_path):
    plan = ["工作安排", "- 完成需求调研。", "- 完成接口联调。", "# 读取配置文件", "> 大于", "[ ]草稿  [ ] 正式发布"]
    assert docx_codes(make_docx(tmp_path / "安排.docx", plan), "KJ610") == []
    # the same lines after bold marks: pasted Markdown
    assert docx_codes(make_docx(tmp_path / "问卷.docx", ["调查问卷", "**基本信息**", "- ( ) 男", "- ( ) 女"]),
                      "KJ610") == [("KJ610", 2), ("KJ610", 3)]
    # a text file is Markdown's own
    from kjlint.engine import lint_text

    assert lint_text("技术方案\n##### 2.1 资格申诉\n* 社保信息\n[TOC]\n", select=["KJ610"]) == []


def test_merge_fields_of_other_template_engines_are_slots(tmp_path):
    # a lesson-plan system's numbered slots, each alone in its cell, and a named one after a label
    plan = ["教案", ("table", [["任务", "&1&"], ["内容分析", "&2&"], ["学生姓名", "姓名：&姓名&"]])]
    assert docx_codes(make_docx(tmp_path / "教案.docx", plan), "KJ205") == [("KJ205", 3), ("KJ205", 5), ("KJ205", 7)]
    from kjlint.engine import lint_text

    assert [f.code for f in lint_text("通知\n尊敬的<%=客户名称%>：\n", select=["KJ205"])] == ["KJ205"]
    # an ampersand joining words or names, and a template's code expression, are no slots
    text = "说明\n公司设研发&生产&销售三个中心，R&D&A 团队负责，模板写 <%= user.name %>。\n"
    assert lint_text(text, select=["KJ205"]) == []


def test_asterisks_in_place_of_an_outlines_titles_and_text_are_masks():
    from kjlint.engine import lint_text

    outline = ("开题报告\n2国内外研究进展\n2.1***********\n*********\n2.2 研究现状\n3.1研究目标     *********\n"
               "3.5预期创新点     （1）******     （2）*******\n第2章 *****\n")
    assert [(f.line, f.message.split("`")[1]) for f in lint_text(outline, select=["KJ202"])] == [
        (3, "***********"), (4, "*********"), (6, "*********"), (7, "******"), (7, "*******"), (8, "*****")]
    # without such headings a paragraph of asterisks is a separator, and a rating is no outline
    assert lint_text("工作总结\n一、工作回顾\n*********\n二、下步打算\n推荐：***\n", select=["KJ202"]) == []


def test_in_a_template_never_filled_in_every_bare_section_is_unwritten(tmp_path):
    # a section holds only the template's guidance: the bare sections around it, first ones and
    # runs included, were never written either
    outline = ["可行性研究报告", "2.3运行环境", "【可包括：运行的最短寿命；经费来源和使用限制。】",
               "2.4可行性研究方法", "2.5决定可行性的主要因素", "3．对现有系统的分析", "3.1处理流程和数据流程",
               "3.2工作负荷", "3.3费用支出", "人力费用每年约二十万元。"]
    assert [line for _, line in docx_codes(make_docx(tmp_path / "报告.docx", outline), "KJ303")] == [4, 5, 7, 8]
    # the same outline in a written report: an outline of bare sections is a list of topics
    report = [line if not line.startswith("【") else "系统运行五年，经费由财政拨付。" for line in outline]
    assert docx_codes(make_docx(tmp_path / "写完.docx", report), "KJ303") == [("KJ303", 4)]


def test_a_paragraph_mark_inside_a_title_mark_or_a_list_items_word_breaks_the_line(tmp_path):
    text = ["学习心得", "1.推荐几本书，对初学者非常重要，一本是《深入理解某某", "原理》，一本是《编程艺术》。",
            "调查显示公众关注度提高。根据《全国数字产业发展年度报告", "》显示，去年总收入为九百亿元。",
            "（1）顾问期届满前十日内，主办律师应就法", "律顾问工作进行总结，报主任审批。"]
    assert docx_codes(make_docx(tmp_path / "心得.docx", text), "KJ413") == [("KJ413", 2), ("KJ413", 4), ("KJ413", 6)]


def test_a_list_items_note_and_a_title_on_two_lines_are_no_broken_line(tmp_path):
    text = ["关于印发《某市档案管理", "办法》的通知", "3、调用父类的同名方法，在父部件中调用了同样的方法",
            "等同于另一种写法的调用，参数相同。", "（2）乙方负责现场安全，费用由乙方承担", "甲方负责协调周边关系。"]
    assert docx_codes(make_docx(tmp_path / "笔记.docx", text), "KJ413") == []


def test_a_word_file_ending_on_a_comma_is_cut(tmp_path):
    notes = ["小组会议记录", "会议内容：讨论系统上线后的效果。", "目标：在运用该系统后，教室利用率提高了百分之十，"]
    assert docx_codes(make_docx(tmp_path / "记录.docx", notes), "KJ302") == [("KJ302", 3)]
    # a Word draft that only lacks its full stop is no cut
    notes[-1] = "目标：在运用该系统后，教室利用率提高了百分之十"
    assert docx_codes(make_docx(tmp_path / "草稿.docx", notes), "KJ302") == []


def test_a_word_bullet_with_no_text_is_an_empty_item(tmp_path):
    plan = ["活动策划书", "六、发展计划", ("list", "symbol-dot", 0, "继续保证平台良好口碑"), ("list", "symbol-dot", 0, ""),
            "七、成本预算", "软件开发费用五万元。", ("table", [["是否参加", "●"]])]
    assert docx_codes(make_docx(tmp_path / "策划书.docx", plan), "KJ303") == [("KJ303", 4)]
