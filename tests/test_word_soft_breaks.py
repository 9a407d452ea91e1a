"""Word files nobody here wrote (issue 11, seventh set): headings set off by soft line breaks
(w:br) inside one paragraph, and heading numbers written in the other forms writers use. Each
mechanism is shown with its look-alike still reported."""
from __future__ import annotations

import json

from click.testing import CliRunner

from docx_maker import accept_all, docx_codes, make_docx
from kjlint.cli import main
from kjlint.docx import docx_document, docx_document_with_sources, read_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DUPLICATE = "全年组织企业申报项目12项，争取上级资金300万元，带动社会投资一点二亿元。"


def _report(tmp_path, name="调查报告.docx"):
    """A report typed in one paragraph, each heading set off with two soft line breaks."""
    return make_docx(tmp_path / name, [
        ("title", "计算机专业就业调查报告"),
        ("break", "目前就业形势严峻，现将调查情况报告如下。", "", "一、调查背景", "", "行业发展较快，人才需求旺盛。",
         "", "二、就业方向", "", "毕业生多数选择技术岗位。", "", "三、存在问题", "", "实践能力不足。"),
        "四、对策建议",
        "加强实践教学，提高就业能力。",
    ])


def test_a_heading_after_soft_line_breaks_is_a_line_of_its_own(tmp_path):
    path = _report(tmp_path)
    doc = read_docx(path)
    lines = [line.text for line in doc.lines]
    assert "二、就业方向" in lines and "毕业生多数选择技术岗位。" in lines
    # one character for one: the breaks became the line ends, offsets are those of the paragraph
    assert len(doc.text) == sum(len(line) + 1 for line in lines[:-1]) + len(lines[-1])
    head = lines.index("二、就业方向")
    assert doc.line_sources[head] == doc.line_sources[1] == "paragraph 2"
    assert docx_codes(path, "KJ5", "KJ204") == []  # before: 四、 "at the start of its level"
    # a break before a sentence is no line of its own: a paragraph is still one line
    plain = read_docx(make_docx(tmp_path / "协议.docx", [("break", "本协议一式两份，", "双方各执一份。")]))
    assert plain.lines[0].text == "本协议一式两份， 双方各执一份。"
    # the lines between real gaps still report them
    gap = make_docx(tmp_path / "报告.docx", [("title", "调查报告"), ("break", "一、背景", "正文一。", "三、问题", "正文三。")])
    assert docx_codes(gap, "KJ502") == [("KJ502", 4)]


def test_review_copy_maps_the_lines_of_a_broken_paragraph_to_its_runs(tmp_path):
    path = make_docx(tmp_path / "总结.docx", [("title", "2023年工作总结"), "一、主要工作", DUPLICATE,
                                               ("break", "二、推进项目", DUPLICATE), "三、下步打算", "继续推进。"])
    doc, source = docx_document_with_sources(path.read_bytes(), "x")
    assert len(source.lines) == len(doc.line_sources) == doc.text.count("\n")
    for line in source.lines:  # every piece of text is where the line's offsets say
        for start, length, element in line.pieces:
            if element.tag == W + "t":
                assert doc.text[line.start + start:line.start + start + length] == element.text
    result = CliRunner().invoke(main, ["check", "--no-progress", "--fix", str(path)])
    assert result.exit_code in (0, 1), result.output
    accepted = docx_document(accept_all((tmp_path / "总结.kjlint.docx").read_bytes()), "x").text \
        if (tmp_path / "总结.kjlint.docx").exists() else doc.text
    # the repeated line shares its paragraph with the heading: deleting the paragraph would
    # take the heading too, so it is no tracked deletion
    assert "二、推进项目" in accepted


def test_a_three_part_section_number_is_a_heading_before_a_unit_word(tmp_path):
    # 1.1.3人力资源: a unit character after a three-part number measures nothing, the line is set off
    path = make_docx(tmp_path / "a.docx", [("break", "1.1.2技术发展", "标准化成为基础。", "1.1.3人力资源", "人才供给充足。")])
    assert [line.text for line in read_docx(path).lines][:4] == ["1.1.2技术发展", "标准化成为基础。", "1.1.3人力资源",
                                                                 "人才供给充足。"]
    # 2.5亿元 is still a quantity: the sentence it opens stays on the line
    money = make_docx(tmp_path / "b.docx", [("break", "项目总投资如下，其中", "2.5亿元来自社会资本。")])
    assert read_docx(money).lines[0].text == "项目总投资如下，其中 2.5亿元来自社会资本。"


def test_a_typed_contents_with_long_dot_leaders_is_no_outline(tmp_path):
    leader = "." * 80
    lines = ["社团管理系统用户手册", "目录", f"一．引言 {leader} 3", f"二．软件概述 {leader} 3", f"三．运行环境 {leader} 4",
             "一．引言", "本手册说明系统的使用。", "二．软件概述", "系统管理社团成员。", "三．运行环境", "需要浏览器。"]
    assert docx_codes(make_docx(tmp_path / "手册.docx", lines), "KJ5") == []
