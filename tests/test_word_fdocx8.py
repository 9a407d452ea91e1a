"""Word files nobody here wrote (issue 11, session 13's Word set fdocx8, now development data): the
mechanisms of their false findings, each shown both ways: the writer's own sign, form or text is
left alone, the mask, blank or slot the rule is for is still reported."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx


def test_an_asterisk_the_document_explains_marks_terms_and_is_no_mask(tmp_path):
    # a requirements outline marks the features left for later with `*` after the term, and says so
    spec = ["选课系统需求说明", ("heading", 1, "一、需求概要"),
            "基本功能包括：学生管理、课程管理；其它功能包括：成绩查询*、课表导出*、数据备份*等。（* 表示留待下一版本完成，下同）",
            ("heading", 2, "1.1 成绩查询*"), "学生可按学期查询成绩、申请复核*（含复核进度查询）。",
            "5. 课表导出*", "密码采用掩码“*”号显示。"]
    assert docx_codes(make_docx(tmp_path / "需求.docx", spec), "KJ202") == []
    # a form's legend: 带*为必填项
    form = ["报名表", "说明：带*为必填项。", ("table", [["姓名*", ""], ["联系电话*", ""], ["备注", ""]])]
    assert docx_codes(make_docx(tmp_path / "报名表.docx", form), "KJ202") == []
    # a legend does not make masks of figures and names into markers: *万元, **区 are still reported
    masked = ["工作总结", "全年争取上级资金*万元，组织**区企业参加培训。", "（* 表示预计数，下同）"]
    assert [line for _, line in docx_codes(make_docx(tmp_path / "总结.docx", masked), "KJ202")] == [2, 2]
    # without a legend the asterisk after a term stays suspect
    bare = ["工作总结", "其它功能包括：成绩查询*、课表导出*、数据备份*等。"]
    assert docx_codes(make_docx(tmp_path / "无说明.docx", bare), "KJ202")
