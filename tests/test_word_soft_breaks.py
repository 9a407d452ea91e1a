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


def test_heading_numbers_in_their_other_forms(tmp_path):
    # 二 .软件概述: a blank before the mark; 1：/3: list numbers ending in a colon
    manual = ["用户手册", "一．引言", "本手册说明系统的使用。", "二 .软件概述", "系统管理社团成员。", "三．运行环境", "需要浏览器。"]
    assert docx_codes(make_docx(tmp_path / "手册.docx", manual), "KJ5") == []
    minutes = ["例会记录", "内容：", "1：建立项目仓库；", "2：分配实验负责人；", "3:上传源码", "4.提高要求：由一人实现。"]
    assert docx_codes(make_docx(tmp_path / "例会.docx", minutes), "KJ5") == []
    # a time range is no list number (12:-19:00), and a list with a real gap is still reported
    log = ["工作日志", "1、讲卡", "2、实现样式", "3、调整布局", "12:-19:00", "5、实现弹出框"]
    assert docx_codes(make_docx(tmp_path / "日志.docx", log), "KJ5") == [("KJ502", 6)]


def test_item_one_on_the_lead_line(tmp_path):
    # 会议决定，一、… : item 一 after a lead-in's comma; 功能需求1.… : item 1 glued to a label
    decided = ["专题会议纪要", ("break", "会议决定，一、原则同意统一口径。", "二、同意作为观察样本。", "三、同意持续跟踪。")]
    assert docx_codes(make_docx(tmp_path / "纪要.docx", decided), "KJ5") == []
    needs = ["小组会议记录", "会议总结：功能需求1.系统能自动更新教室信息", "2.系统根据偏好推荐教室",
             "用户需求：1.用户能查看可以自习的教室", "2.用户可以反馈教室情况", "3.用户可以自习打卡"]
    assert docx_codes(make_docx(tmp_path / "记录.docx", needs), "KJ5") == []
    # a second speaker's (1) (2), the (1) on the speaker's line
    speakers = ["例会记录", "发言总结：", "邓某:（1）做一个考试类应用", "（2）考虑开发工具的适用性",
                "夏某：（1）实现简单棋牌类的集合", "（2）联网功能"]
    assert docx_codes(make_docx(tmp_path / "例会.docx", speakers), "KJ5") == []
    # item 1 with a mistyped mark on the line above (1，… / 2:…)
    ended = ["数据恢复协议", "甲方和乙方同意本协议因以下情况而终止：", "1，甲方中途放弃恢复", "2:不可抗力的灾害",
             "3：硬件或软件失效"]
    assert docx_codes(make_docx(tmp_path / "协议.docx", ended), "KJ5") == []
    # a list that does repeat its number is still reported
    again = ["小组会议记录", "会议总结：", "1.系统能自动更新教室信息", "2.系统根据偏好推荐教室", "2.系统提供反馈入口"]
    assert ("KJ503", 5) in docx_codes(make_docx(tmp_path / "重复.docx", again), "KJ5")


def test_a_forms_section_row_has_its_content_in_the_cell_below(tmp_path):
    # 二、周报内容 alone in its row, the row below holding its items numbered 一、… again: that
    # cell's own list, not siblings of the section row (nor bare sections of the document)
    items = "\n".join(["一、系统正式运行，驻场辅助", "二、系统流程", "1.业务员录入流程", "2.财务申报流程",
                       "三、系统错误处理", "1.记录错误", "2.联系开发", "四、重新部署系统", "在测试版查看问题是否已修改"])
    weekly = ["项目周报", ("table", [["一、基本信息"], ["周报日期：2018-04-09至2018-04-13"], ["二、周报内容"], [items]])]
    assert docx_codes(make_docx(tmp_path / "周报.docx", weekly), "KJ3") == []
    # a section row with nothing under it before the next section row is still empty
    empty = ["项目周报", ("table", [["一、基本信息"], ["周报日期：2018-04-09"], ["二、周报内容"], ["三、下周计划"],
                                    ["继续部署系统。"]])]
    assert ("KJ303", 4) in docx_codes(make_docx(tmp_path / "空.docx", empty), "KJ3")


def test_a_chapter_number_typed_twice_is_a_repeat_not_gaps(tmp_path):
    # 第一章\xa0\xa0总则: a no-break space between the number and the title is a chapter heading;
    # 第二章 typed twice (the writer's 第三章) is one repeat, the chapters after it follow it
    rules = ["考勤管理制度", "第一章\u00a0\u00a0总则", "第一条 为规范考勤管理，制定本制度。", "第二章\u00a0\u00a0考勤日常管理",
             "第二条 员工应按时上下班。", "第二章加班与值班管理", "第三条 加班须经批准。", "第三章\u00a0公事外出的管理",
             "第四条 外出须登记。", "第四章休假的考勤管理", "第五条 休假须提前申请。"]
    assert docx_codes(make_docx(tmp_path / "制度.docx", rules), "KJ5") == [("KJ503", 6)]
    # a chapter left out is still a gap
    gap = ["考勤管理制度", "第一章\u00a0总则", "第一条 为规范考勤管理，制定本制度。", "第二章\u00a0日常管理",
           "第二条 员工应按时上下班。", "第四章\u00a0休假管理", "第三条 休假须提前申请。"]
    assert docx_codes(make_docx(tmp_path / "缺章.docx", gap), "KJ5") == [("KJ502", 6)]
