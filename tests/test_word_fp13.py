"""Word files nobody here wrote (issue 11, session 13's false-alarm set): the mechanisms of their
false findings. Each is shown both ways where a look-alike exists: the writer's own form or text is
left alone, a blank, a counter or a repeat of the kind the rule is for is still reported."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx


def test_a_filled_value_underlined_on_both_sides_is_no_blank(tmp_path):
    # the underline Word users type around what they filled in: fields on one line, cells, a sentence's slot
    form = ["学生信息登记表", "姓名：__张三__   学号：__2019001__", "班级：____计科1702____  专业：___计算机___",
            ("table", [["性别", "__男__", "单位", "____某某公司____"]]),
            "本人__张三__，身份证号__110101199001011234__，郑重承诺如下：", "一、遵守各项规定。"]
    assert docx_codes(make_docx(tmp_path / "登记表.docx", form), "KJ203") == []
    # blanks left empty, a unit between two blanks, one-sided blanks: still blanks to fill
    blank = ["会议通知", "定于20__年__月__日召开全体会议。", "全单位共__人，其中党员__名。", "认真贯彻__会议精神。"]
    assert [line for _, line in docx_codes(make_docx(tmp_path / "通知.docx", blank), "KJ203")] == [2, 2, 2, 3, 3, 4]


def test_a_listing_quoted_with_its_line_numbers_is_code_not_headings(tmp_path):
    # a blog's code block pasted with its numbers: `6.` is the listing's empty line 6, no heading
    listing = ["一致性哈希学习", "定义节点：", "1./* 节点定义 */", "2.struct node {", "3.    string name;", "4.",
               "5.    int id;", "6.};", "测试说明", "测试了算法的平衡性。"]
    assert docx_codes(make_docx(tmp_path / "学习.docx", listing), "KJ303", "KJ5") == []
    # a numbered list of the writer's sentences with an item never written is still reported
    plan = ["工作计划", "1.完成系统设计。", "2.完成编码工作。", "3.完成联调测试。", "4.", "5.完成上线部署。"]
    assert docx_codes(make_docx(tmp_path / "计划.docx", plan), "KJ303") == [("KJ303", 5)]


def test_a_forms_signature_dates_are_no_repeated_title(tmp_path):
    # two signature blocks, each with its date line left for the pen
    form = ["会议室使用申请表", ("table", [["申请人", "张三"], ["申请理由", "因工作需要申请使用会议室。"]]),
            "申请人签名：", "日期：    年   月   日", "部门负责人意见：", "签字：", "日期：年 月 日"]
    assert docx_codes(make_docx(tmp_path / "申请表.docx", form), "KJ6") == []
    # the title itself twice at the top is still a repeated title
    page = ["2023年度安全生产工作总结", "2023年度安全生产工作总结", "今年以来，我局认真落实安全生产责任制，全年未发生安全事故。"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", page), "KJ607") == [("KJ607", 2)]
