"""Word files nobody here wrote (issue 11, sixth set): the mechanisms of its false findings.
Each is shown both ways: the look-alike is left alone, the defect still found."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx


def test_a_list_under_a_new_unnumbered_title_starts_afresh(tmp_path):
    # a question (…问题？) or a short title (内部风险) right above a 1. or （一） heads a list of
    # its own; under a sentence of the section before, the same 1. is a step back
    questions = ["项目总结", "一、收获", "1.熟悉了开发流程。", "2.掌握了数据库设计。",
                 "面试中常被问到的几个问题？", "1.你们用的什么容器？", "2.用的什么版本？"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", questions), "KJ503") == []
    risks = ["风险分析", "外部风险", "（一）政策风险", "政策调整可能影响收入。", "（二）市场风险",
             "竞争者增多，价格下降。", "内部风险", "（一）经营风险", "团队经验不足。"]
    assert docx_codes(make_docx(tmp_path / "风险.docx", risks), "KJ503") == []
    stepback = ["项目总结", "一、收获", "1.熟悉了开发流程。", "2.掌握了数据库设计。",
                "这些收获来自三个月的实践，也离不开导师的指导。", "1.学会了写文档。"]
    assert docx_codes(make_docx(tmp_path / "退回.docx", stepback), "KJ503") == [("KJ503", 6)]


def test_a_bracketed_section_title_numbers_its_list_afresh(tmp_path):
    terms = ["用户协议", "【知识产权声明】", "1. 本软件的一切权利归本公司所有。", "2. 未经同意不得复制。",
             "3. 第三方软件和技术", "本软件可能使用第三方软件。", "【服务条款】1.关于账户",
             "您无需账户即可浏览部分内容。", "2.终端用户许可", "您可以在本协议范围内使用本软件。"]
    assert docx_codes(make_docx(tmp_path / "协议.docx", terms), "KJ502", "KJ503") == []
    # without the title between them the list goes back
    plain = [t for t in terms if not t.startswith("【")]
    assert docx_codes(make_docx(tmp_path / "无标题.docx", plain), "KJ502", "KJ503") == [("KJ503", 7)]
