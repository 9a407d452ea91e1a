"""Word files nobody here wrote (issue 11, fresh set): meeting forms, covers, empty contents and
diagram text boxes. Each mechanism is shown both ways: the look-alike is left alone, the defect
still found."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx


def _meeting(n: int) -> list[list[str]]:
    return [["会议名称", f"第{n}次会议"], ["会议概述", "一、讨论开发计划，分配任务。"],
            ["讨论内容", "一、报告项目进度，预测完成时间。"], ["会议总结", "1.确认了各自的任务。"]]


def test_lists_in_separate_table_cells_start_afresh(tmp_path):
    blocks = ["会议纪要", "第一次会议：", ("table", _meeting(1)), "第二次会议：", ("table", _meeting(2))]
    assert docx_codes(make_docx(tmp_path / "纪要.docx", blocks), "KJ5") == []


def test_a_repeated_number_outside_tables_is_still_found(tmp_path):
    blocks = ["开题报告", "研究步骤：", "1、查阅相关资料；", "2、系统的需求分析；", "2、系统的功能设计；", "3、系统结构设计。"]
    assert docx_codes(make_docx(tmp_path / "开题.docx", blocks), "KJ503") == [("KJ503", 5)]


def test_a_list_continued_down_a_table_is_still_judged(tmp_path):
    rows = [["步骤", "内容"], ["一", "1.需求分析"], ["二", "2.概要设计"], ["三", "2.详细设计"]]
    assert docx_codes(make_docx(tmp_path / "计划.docx", ["项目计划", ("table", rows)]), "KJ503") == [("KJ503", 9)]


def _proposal(gap: bool) -> list:
    return ["目   录", ("heading", 1, "一、研究背景"), ("heading", 2, "1. 问题的提出"),
            "近年来，大学生群体的心理健康状况备受关注，本研究拟对其进行分型。",
            ("heading", 2, "2. 方法的局限"), "传统方法在处理复杂数据时存在局限。",
            ("heading", 1, "三、研究内容" if gap else "二、研究目的"), "本研究旨在打破传统筛查的局限。"]


def test_word_headings_under_an_empty_contents_title_are_the_body(tmp_path):
    assert docx_codes(make_docx(tmp_path / "开题.docx", _proposal(False)), "KJ502") == []
    assert docx_codes(make_docx(tmp_path / "缺号.docx", _proposal(True)), "KJ502") == [("KJ502", 7)]


def test_a_minutes_field_block_is_no_site_source_line(tmp_path):
    minutes = ["第一次讨论会议纪要", "时间：2025.10.14 16:30-17:30", "地点：经济学院514会议室",
               "内容：本次小组讨论会围绕课题开题方向展开。"]
    assert docx_codes(make_docx(tmp_path / "纪要.docx", minutes), "KJ601") == []
    page = ["关于开展专项检查的通知", "来源：某某文库", "时间：2023-12-29 13:38:33", "各单位：现将有关事项通知如下。"]
    assert [c for c, _ in docx_codes(make_docx(tmp_path / "网页.docx", page), "KJ601")] == ["KJ601", "KJ601"]


def test_a_diagram_label_in_a_text_box_is_no_site_widget(tmp_path):
    import docx
    from docx.oxml import parse_xml

    path = make_docx(tmp_path / "设计.docx", ["概要设计说明书", "用户注册流程如下图所示。", "返回顶部"])
    assert docx_codes(path, "KJ601") == [("KJ601", 3)]  # a line of its own in the body: a site button
    word = docx.Document(str(path))
    body = word.paragraphs[2]._p
    body.getparent().remove(body)
    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
    box = '<w:txbxContent><w:p><w:r><w:t>返回顶部</w:t></w:r></w:p></w:txbxContent>'
    word.paragraphs[1]._p.append(parse_xml(f'<w:r {ns}><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></w:r>'))
    word.save(str(path))
    assert docx_codes(path, "KJ601") == []


def test_a_cover_page_title_is_the_documents_title(tmp_path):
    body = [("heading", 1, "1. 引言"), "南小二是一个面向学生的二手交易网站。", ("heading", 1, "2. 计划概要"), "本计划说明需求获取的活动。"]
    covered = make_docx(tmp_path / "计划书.docx", [("cover", ["需求获取计划书", "南小二"])] + body)
    assert docx_codes(covered, "KJ506") == []
    assert [c for c, _ in docx_codes(make_docx(tmp_path / "无题.docx", body), "KJ506")] == ["KJ506"]


def test_a_cover_page_title_heading_the_first_page_is_no_repeat(tmp_path):
    body = ["会议纪要", "第一次会议：项目初期阶段，讨论了分工。", "第二次会议：讨论了需求。"]
    covered = make_docx(tmp_path / "纪要.docx", [("cover", ["会议纪要", "课程资料自主学习系统"])] + body)
    assert docx_codes(covered, "KJ607") == []
    twice = make_docx(tmp_path / "两遍.docx", ["关于课程资料自主学习系统的会议纪要"] * 2 + body[1:])
    assert [c for c, _ in docx_codes(twice, "KJ607")] == ["KJ607"]


def test_a_forms_blank_line_is_no_title(tmp_path):
    form = ["转让合同", "转让方（以下简称甲方）：________________", "身份证号：________________",
            "顶让方（以下简称乙方）：________________", "身份证号：________________", "甲乙双方经协商一致，订立本合同。"]
    assert docx_codes(make_docx(tmp_path / "合同.docx", form), "KJ607") == []


def _defect_form(build: str, date: str) -> list[list[str]]:
    return [["缺陷报告", "编号：1"], ["软件名称：课程资料自主学习系统", f"编译号：{build}"],
            ["测试人员：许必详", f"日期：{date}"], ["缺陷概述：用户名密码没有判空，点击登录后直接进入系统。", "严重程度：重要"]]


def test_a_form_filled_in_again_is_no_repeated_block(tmp_path):
    again = ["缺陷报告", "一轮测试", ("table", _defect_form("1-1", "2021.06.20")),
             "二轮测试", ("table", _defect_form("2-1", "2021.06.23"))]
    assert docx_codes(make_docx(tmp_path / "缺陷.docx", again), "KJ1") == []
    pasted = ["缺陷报告", "一轮测试", ("table", _defect_form("1-1", "2021.06.20")),
              "二轮测试", ("table", _defect_form("1-1", "2021.06.20"))]
    assert [c for c, _ in docx_codes(make_docx(tmp_path / "粘贴.docx", pasted), "KJ1")] == ["KJ104"]


def test_similar_titles_in_an_apa_reference_list_are_no_repeated_passage():
    from kjlint.engine import lint_text

    refs = ("开题报告\n一、研究背景\n近年来，心理测量数据的分析方法不断发展，本研究拟采用深度学习方法。\n参考文献\n"
            "Wang, L., & Liu, H. (2018). A study of high-dimensional exploratory item factor analysis for survey data. "
            "Journal of Survey Methods, 12(3), 45-60.\n"
            "Zhao, M. (2020). Bayesian estimation in high-dimensional exploratory item factor analysis for survey data. "
            "Journal of Survey Methods, 14(2), 1-20.\n")
    assert [f.code for f in lint_text(refs, select=["KJ1"])] == []
    prose = refs.replace("Zhao, M. (2020). ", "In our view, ")
    assert [f.code for f in lint_text(prose, select=["KJ1"])] == ["KJ103"]


def _expected_results(second: int) -> str:
    return ("开题报告\n一、研究内容\n本研究拟对大学生心理困扰进行分型。\n二、预期结果\n1 前期工作基础\n"
            "本研究已初步提取第3批数据进行预分析。\n1.1亚型的聚类特征\n三类群体在二维空间中边界清晰。\n"
            f"{second}. 预期最终研究结果\n本研究对最终的研究结果有以下预期。\n")


def test_an_item_after_a_chapter_numbered_without_its_mark_continues_it():
    from kjlint.engine import lint_text

    assert [f.code for f in lint_text(_expected_results(2), select=["KJ502"])] == []
    assert [(f.code, f.line) for f in lint_text(_expected_results(3), select=["KJ502"])] == [("KJ502", 9)]


def test_code_pasted_with_no_break_spaces_is_technical():
    from kjlint.engine import lint_text
    from kjlint.technical import is_technical

    code = "14.\u00a0\u00a0\u00a0\u00a0ListNode\u00a0slow\u00a0=\u00a0head;\u00a0\u00a0"
    assert is_technical(code)
    assert not is_technical("本月共走访企业\u00a0xx\u00a0家，争取资金\u00a0**\u00a0万元。")
    notes = f"算法笔记\n快慢指针找中点：\n{code}\n反转链表时同样先找中点：\n{code}\n"
    assert [f.code for f in lint_text(notes, select=["KJ1"])] == []
    prose = "本月共走访企业二十家，争取资金三百万元，完成了全年目标任务的一半以上。"
    assert [f.code for f in lint_text(notes + prose + "\n" + prose + "\n", select=["KJ1"])] == ["KJ101"]


def test_a_form_of_bracketed_labels_with_their_values_is_filled_in():
    from kjlint.engine import lint_text

    form = "【作品名称】乡村振兴背景下的产业调查研究\n【关键字】乡村振兴，产业调查\n【作品简介】本作品调查了三个村的产业发展情况。\n"
    assert [f.code for f in lint_text(form, select=["KJ205"])] == []
    slot = "【单位名称】2023年工作总结\n全年完成投资1200万元。\n"
    assert [f.code for f in lint_text(slot, select=["KJ205"])] == ["KJ205"]
