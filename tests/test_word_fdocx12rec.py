"""Word files nobody here wrote (issue 11, session 17's fdocx12 set, its misses): HTML line breaks a
Markdown table leaves in a Word table's cells, and a template's 此处填写 instruction however long its
explanation runs. Each mechanism is shown both ways: the defect is found, the look-alike is left
alone."""
from __future__ import annotations

from docx_maker import make_docx


def _matches(path, code: str) -> list[str]:
    from kjlint.catalog import load_catalog
    from kjlint.engine import LintOptions, lint_document
    from kjlint.reading import read_document

    doc = read_document(path)
    return [doc.text[f.offset:f.end_offset] for f in lint_document(doc, load_catalog(), LintOptions(codes={code}))]


def test_html_line_breaks_between_a_cells_items_are_markdown_residue(tmp_path):
    spec = ["项目研究计划", "各阶段任务见下表。",
            ("table", [["阶段", "核心任务", "交付成果"],
                       ["第一阶段", "1. 开展需求调研<br>2. 完成总体设计<br>3. 制定实施方案", "1. 调研报告<br>2. 设计方案"],
                       ["第二阶段", "1. 完成系统开发", "1. 系统原型"]])]
    # one finding per cell, at its first tag
    assert _matches(make_docx(tmp_path / "计划.docx", spec), "KJ610") == ["<br>", "<br>"]


def test_an_html_tag_named_or_listed_as_code_in_a_word_file_is_left_alone(tmp_path):
    spec = ["网页制作实验报告", "换行标签 <br> 在网页中表示换行，段落标签为 <p>。",
            "<br>", "document.write(\"第一行<br>第二行\");"]
    assert _matches(make_docx(tmp_path / "实验.docx", spec), "KJ610") == []
    # a page's text keeps the rule it has (KJ601 reports the markup there)
    from kjlint.engine import lint_text

    assert lint_text("工作计划\n1. 开展需求调研<br>2. 完成总体设计\n", select=["KJ610"]) == []


def test_a_long_instruction_to_fill_in_a_value_is_a_slot(tmp_path):
    spec = ["项目申报书", "一、项目组成员",
            "项目负责人：（此处填写负责人姓名、职称、主要研究方向，例如：某某，教授，长期从事教学研究工作。）",
            "二、研究基础", "项目组长期从事相关研究，成果丰富。"]
    found = _matches(make_docx(tmp_path / "申报书.docx", spec), "KJ205")
    assert any(m.startswith("（此处填写负责人姓名") for m in found), found
    # a bracket that explains a form to its reader, without 此处填写, stays
    spec2 = ["报名说明", "报名表由各单位统一收齐后报送（表格内容请如实填写，不得涂改，逾期不予受理，特此说明。）"]
    assert _matches(make_docx(tmp_path / "说明.docx", spec2), "KJ205") == []


def test_a_numbered_heading_closed_by_omitted_is_an_empty_section(tmp_path):
    spec = ["中期报告", "1  研究背景", "图形渲染需要大量计算，实时降噪是关键。", "2  研究方法",
            "本项目采用时空滤波方法。", "3  实验结果与分析/Results and Analysis （略）", "4  特色与创新（略）",
            "参考文献"]
    assert _matches(make_docx(tmp_path / "中期.docx", spec), "KJ303") == [
        "3  实验结果与分析/Results and Analysis （略）", "4  特色与创新（略）"]
    # an attachment left out of a copy, a sentence ending in （略）, an unnumbered note stay
    spec2 = ["工作总结", "一、主要工作", "全年完成项目12个。", "二、附件（略）", "会议听取了各部门汇报（略）",
             "具体数据（略）"]
    assert _matches(make_docx(tmp_path / "总结.docx", spec2), "KJ303") == []
    # a page keeps its own （略）: a site's omission is not the writer's empty section
    from kjlint.engine import lint_text

    assert lint_text("工作总结\n一、主要工作\n全年完成项目12个。\n二、下一步计划（略）\n继续做好项目申报工作。\n", select=["KJ303"]) == []


def test_an_omitted_heading_over_subsections_leaves_them_to_report(tmp_path):
    spec = ["测试分析报告", "一、引言", "本报告分析系统测试结果。", "二、分析摘要（略）", "1.能力", "2.建议",
            "三、测试资源消耗", "共投入测试人员三名。"]
    assert "二、分析摘要（略）" not in _matches(make_docx(tmp_path / "报告.docx", spec), "KJ303")
    bare = [line for line in spec if line not in ("1.能力", "2.建议")]
    assert _matches(make_docx(tmp_path / "报告2.docx", bare), "KJ303") == ["二、分析摘要（略）"]
