"""Word files nobody here wrote (issue 11, seventh set): form fields left empty, writing
instructions and template prompts left in. Each mechanism is shown both ways: the defect is
found, the look-alike is left alone."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx


def test_bracketed_instructions_recurring_through_a_template_are_left_in(tmp_path):
    # each section's writing instruction in square brackets, whatever its wording; the text
    # written under one of them does not make it the writer's
    manual = ["操作手册", "1 引言", "1.1 编写目的", "[交代这份手册为谁而写，读者是谁。]", "1.2 背景",
              "[写清：]", "[a. 软件系统的名称；]", "1.3 运行环境", "[硬件的最小配置，如：]", "a. 处理机的型号；",
              "2 使用过程", "本系统解压即可运行。"]
    assert docx_codes(make_docx(tmp_path / "手册.docx", manual), "KJ205") == [
        ("KJ205", 4), ("KJ205", 6), ("KJ205", 7), ("KJ205", 9)]


def test_a_bracketed_note_or_bracketed_labels_are_no_instructions(tmp_path):
    # one or two bracketed notes of the writer's; bracketed labels without a sentence
    notes = ["工作总结", "一、主要工作", "[本节数据截至十二月底，来源为财务报表。]", "全年完成营业收入三千万元。",
             "二、问题", "[下一步拟增加两名人员，报领导审定。]", "[开放式问题]", "[开放式问题]", "[开放式问题]"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", notes), "KJ205") == []
