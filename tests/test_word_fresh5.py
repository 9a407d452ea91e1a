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
