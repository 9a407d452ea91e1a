"""Word files of session 17's fdocx12 (issue 11): the mechanisms of their false findings. Each is
shown both ways: the document's own layout is left alone, the defect the rule is for is still
reported."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx

from kjlint.reading import read_document


def test_a_symbol_bullet_that_lost_its_font_is_a_bullet_not_a_private_use_character(tmp_path):
    # a list pasted from WPS: each item opens with U+F0D8 in a plain run (no Wingdings font on it),
    # then a tab, as a list's bullet and suffix; Word shows the bullet ➢
    items = [("runs", ["\uf0d8", f"\t{what}"]) for what in ("选择试卷在线考试", "修改个人资料", "收藏题目")]
    path = make_docx(tmp_path / "说明书.docx", ["学生用户登录后可以进行以下操作：", *items, ("runs", ["\uf0a7 查看成绩"])])
    text = read_document(path).text
    assert text.split("\n")[1:5] == ["➢\t选择试卷在线考试", "➢\t修改个人资料", "➢\t收藏题目", "▪ 查看成绩"]
    assert not any("\ue000" <= c <= "\uf8ff" for c in text)
    assert docx_codes(path, "KJ409") == []
    # a code glued to the words, or inside the sentence, is still a private-use character
    damaged = ["系统说明", ("runs", ["\uf0d8", "测试数据量以实际为准。"]), "本次测试\uf0d8结果依据程序版本。"]
    assert docx_codes(make_docx(tmp_path / "混入.docx", damaged), "KJ409") == [("KJ409", 2), ("KJ409", 3)]


def test_a_chapter_heading_whose_decimal_subsections_share_its_style_has_a_body(tmp_path):
    # 四、项目概要说明书 then 4.1 / 4.2 set in the same heading style: its subsections, numbered by
    # its chapter's number, are its body (Word's outline level alone would make them siblings)
    spec = ["课程资源库管理系统设计报告", ("heading", 1, "一、项目背景"), "本系统用于管理课程资源。",
            ("heading", 1, "二、需求分析"), "系统需要支持资源上传与检索。", ("heading", 1, "三、总体设计"),
            "系统采用浏览器与服务器结构。", ("heading", 1, "四、项目概要说明书"), ("heading", 1, "4.1 项目名称"),
            "基于人工智能平台的智能教学系统。", ("heading", 1, "4.2 项目目标"), "对数据进行及时备份。",
            ("heading", 1, "五、系统实现"), ("heading", 1, "六、系统测试"), "测试覆盖全部功能模块。"]
    found = docx_codes(make_docx(tmp_path / "设计.docx", spec), "KJ303")
    # a chapter followed by the next chapter is still empty
    assert found == [("KJ303", 13)]
