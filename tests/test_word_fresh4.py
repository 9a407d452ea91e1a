"""Word files nobody here wrote (issue 11, fifth set): the mechanisms of its false findings.
Each is shown both ways: the look-alike is left alone, the defect still found."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx


def test_a_tables_number_column_is_no_empty_heading(tmp_path):
    rows = [["序号", "术语", "含义"], ["1.", "ICD", "接口控制文件"], ["2.", "XML", "可扩展标记语言"],
            ["2.1.", "XSD", "模式定义"]]
    blocks = ["测试软件设计方案", "一、术语", "本方案所用术语如下。", ("table", rows), "二、总体设计", "平台采用浏览器结构。"]
    assert docx_codes(make_docx(tmp_path / "方案.docx", blocks), "KJ303") == []


def test_a_bare_item_among_numbered_cells_is_still_empty(tmp_path):
    # the column numbers its texts (7、界面显示 … 9、…): a cell left at 8、 lost its text
    rows = [["模块", "进度", "说明"], ["图片", "50%", "7、界面显示"], ["数据", "80%", "8、"],
            ["列表", "50%", "9、需要病理的数据"]]
    blocks = ["项目工作汇报", "一、进度", ("table", rows), "二、计划", "下周联调。"]
    assert docx_codes(make_docx(tmp_path / "汇报.docx", blocks), "KJ303") == [("KJ303", 11)]


def test_an_underscore_joining_two_words_is_no_blank(tmp_path):
    notes = ["周报", "1.【驾驶舱】惠聚客_搭建推广页面：接口联调", "2.学习：虚幻四入坑指南合集版_哔哩哔哩_bilibili"]
    assert docx_codes(make_docx(tmp_path / "周报.docx", notes), "KJ203") == []
    # a blank stands where a value goes: before its unit, or in a date
    blanks = ["总结", "全乡现有党支部_个，共有党员_名。", "申请人：张三", "时间：2024年_月"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", blanks), "KJ203") == [("KJ203", 2), ("KJ203", 2), ("KJ203", 4)]


_MONITOR = "具备测试数据监控、采集与管理功能，以列表、波形等形式显示监控结果，并以固定速率刷新当前监控结果，支持历史数据的保存与显示。"
_CLOSING = "提供可视化、易于操作的控制工具，以满足用户对上述功能的控制。"


def test_an_item_restated_in_another_section_is_no_repeat(tmp_path):
    # a 方案's design restates its requirement (1); each function list ends with the same item
    spec = ["测试平台设计方案", "一、设计要求", "平台的功能要求如下：", "（1）" + _MONITOR,
            "（2）具备用户权限管理功能，支持设置管理员、开发与调试人员、测试使用人员等操作角色。",
            "二、设计内容", "（一）测试执行功能", "a）支持测试执行随时开始、中止、停止，实现测试全过程受控；", "b）" + _CLOSING,
            "（二）数据监控功能", "本模块" + _MONITOR, "a）支持监控历史数据的导出与打印；", "b）" + _CLOSING]
    assert docx_codes(make_docx(tmp_path / "方案.docx", spec), "KJ1") == []


def test_a_paragraph_pasted_twice_is_still_a_repeat(tmp_path):
    # prose copied under the next heading, and an item repeated in its own list: paste slips
    notes = ["会议记录", "一、启动流程", "主控端" + _MONITOR, "二、监视流程", "主控端" + _MONITOR,
             "三、换届条件", "（1）" + _MONITOR, "（2）在校期间无违反校规校纪的行为。", "（3）" + _MONITOR]
    assert docx_codes(make_docx(tmp_path / "纪要.docx", notes), "KJ1") == [("KJ101", 5), ("KJ101", 9)]


def test_a_labeled_reference_link_is_the_writers_own(tmp_path):
    plan = ["项目开发计划", "1.4参考资料", "Django官方文档：https://docs.djangoproject.com/zh-hans/4.2/",
            "●检测系统代码：https://github.com/example/alignment/", "2.项目概述", "本项目开发一个音乐控制网站。"]
    assert docx_codes(make_docx(tmp_path / "计划.docx", plan), "KJ601") == []
    # a link about the page itself came with a copied web page
    page = ["学习笔记", "本项目开发一个音乐控制网站。", "如若转载，请注明出处：https://www.example.com/1.html"]
    assert docx_codes(make_docx(tmp_path / "笔记.docx", page), "KJ601") == [("KJ601", 3)]


_REQUIREMENT = "测试平台需具备用户管理功能，支持设置管理员、开发与调试人员、测试使用人员等角色，并为各角色分配不同的操作权限。"


def test_a_point_restated_in_other_words_or_a_sentence_quoted_again_is_no_slip(tmp_path):
    # a Word file's writer restates on purpose: reworded (here 94% alike), or one sentence quoted again
    reworded = _REQUIREMENT.replace("测试平台需具备", "平台应具备").replace("并为", "还为")
    spec = ["测试平台设计方案", "一、需求", _REQUIREMENT, "平台支持测试用例的开发与管理。", "二、设计", reworded,
            "三、权限", "根据需求，" + _REQUIREMENT + "权限在登录时校验。"]
    assert docx_codes(make_docx(tmp_path / "方案.docx", spec), "KJ1") == []
    # the same text as a scraped page: reworded copies and sentences pasted again are scraping faults there
    from kjlint.engine import lint_text

    assert {f.code for f in lint_text("\n".join(spec), select=["KJ1"])} == {"KJ102", "KJ103"}


def test_a_paragraph_pasted_nearly_word_for_word_is_still_a_repeat(tmp_path):
    notes = ["项目技术总结", "一、布线", _REQUIREMENT + "各角色的权限由管理员统一配置。", "二、平台",
             _REQUIREMENT + "各角色的权限由管理员统筹配置。"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", notes), "KJ1") == [("KJ102", 5)]


def test_a_list_inside_an_item_restarts_without_breaking_the_outer_list():
    from kjlint.engine import lint_text

    # the inner list is marked otherwise (1. under 2、), or its lead-in ends the item's line
    marked = ("实习报告\n1、实习内容\n完成了控制测量和碎部测量。\n2、实习中遇到的问题及解决的办法\n1.水准仪超限，更换仪器。\n"
              "2.全站仪加常数过大，反复检查后开始测量。\n3、本次实习的体会\n实习让我学到了很多。\n")
    led = ("周报\n本周工作：\n1. 完成推广页面的列表页 2d\n2. 审查代码和熟悉项目架构 1d  下周工作计划：\n"
           "1. 推广页面接口联调\n2. 内购定向测试跟进\n")
    for text in (marked, led):
        assert [f.code for f in lint_text(text, select=["KJ5"])] == []
    # the same lists with one mark and no lead-in: the numbering goes back
    assert [(f.code, f.line) for f in lint_text(marked.replace("1.水准仪", "1、水准仪").replace("2.全站仪", "2、全站仪"),
                                                select=["KJ503"])] == [("KJ503", 5)]
    assert [(f.code, f.line) for f in lint_text(led.replace("  下周工作计划：", ""), select=["KJ503"])] == [("KJ503", 5)]


_PASTED = ["软件开发计划",
           "开发人员培训计划：开发人员自行加强各方面的知识贮备，查阅和学习个方面的知识要", "点。并积极讨论相关要点。",
           "质量保证计划：力求做到严谨细致设计该系统，并有指导教师的检视修改，加上后期的", "测试和修改计划，在质量上有一定的保证。",
           "配置管理计划：该系统的配置要求不高，管理操作简单，对用户稍作培训即可达到相关", "要求。"]


def test_a_paragraph_broken_inside_a_sentence_is_found_in_a_word_file(tmp_path):
    # two sure breaks (要 / 点 spell 要点; 的 ends no sentence) make the third, a sentence running on, one too
    assert docx_codes(make_docx(tmp_path / "计划.docx", _PASTED), "KJ413") == [("KJ413", 2), ("KJ413", 4), ("KJ413", 6)]
    # alone, a sentence running on over a paragraph's end may be a writer's own line: left alone
    assert docx_codes(make_docx(tmp_path / "单处.docx", [_PASTED[0], *_PASTED[5:]]), "KJ413") == []
    # a text file whose lines were cut at one width (these three lines, each ending inside a word or a
    # sentence) is a page copied as it was laid out: its line ends are the breaks (docs/labeling.md,
    # guide ae3bae7; tests/test_hard_wrap.py), the same three
    from kjlint.engine import lint_text

    assert [f.line for f in lint_text("\n".join(_PASTED), select=["KJ413"])] == [2, 4, 6]


def test_headings_labels_cells_and_lines_between_words_are_no_broken_sentence(tmp_path):
    blocks = ["工作总结", "一、工作方面，思想方面和学习方面", "热爱自己的本职工作，能够认真的对待每一项工作。",
              "参会人员：张三、李四、王五、赵六、钱七、孙八", "会议内容",
              "研发进度：3月底完成联调，政务网通过内网访问，不让外网访问", "询问李航，张博意图如何。",
              ("table", [["说明", "该系统仅有本小组成员和指导教师有权知晓详情，因此安全性"], ["要求", "高。"]])]
    assert docx_codes(make_docx(tmp_path / "总结.docx", blocks), "KJ413") == []


def test_markdown_pasted_into_a_word_file_is_residue_not_masks(tmp_path):
    chat = ["系统设计", "**1. 引言**", "本文提出一种隐私保护框架。", "## 二、总体设计", "本周完成 **接口联调**，下周测试。",
            "*基于用户兴趣的推荐算法研究*"]
    codes = docx_codes(make_docx(tmp_path / "设计.docx", chat), "KJ")
    # (a heading's hashes are the paste's too here; a lone `#` line elsewhere is left alone:
    # as often a comment of code a report lists, tests/test_word_fresh6.py)
    assert [(c, line) for c, line in codes if c in ("KJ610", "KJ202")] == [("KJ610", 2), ("KJ610", 4), ("KJ610", 5)]
    # masks are still masks, and a text file's Markdown is its own
    assert docx_codes(make_docx(tmp_path / "总结.docx", ["工作总结", "全乡共**个村完成改造。"]), "KJ202") == [("KJ202", 2)]
    from kjlint.engine import lint_text

    assert [f.code for f in lint_text("\n".join(chat), select=["KJ610", "KJ202"])] == []


def test_kj610_reads_markdown_bold_as_kj202s_exceptions_do():
    from kjlint.catalog import load_catalog

    rules = load_catalog().rules
    bold = [p for p in rules["KJ610"].params["pattern"] if "\\*\\*" in p and not p.startswith("^[ \\t\\u3000]*#")]
    assert bold[0] in rules["KJ202"].params["exceptions"]
    assert bold[1].replace("(\\*\\*)", "(\\*\\*?)") in rules["KJ202"].params["exceptions"]


def test_braces_of_code_in_study_notes_are_no_template_slots():
    from kjlint.engine import lint_text

    notes = ("学习笔记\n模板字符串的使用：`${表达式}`。\n箭头函数：(参数)=>{函数体 内部要有return 返回};\n"
             "要想返回对象需要在对象外加括号：(参数)=>({对象内容})\n")
    assert [f.code for f in lint_text(notes, select=["KJ205"])] == []
    assert [f.code for f in lint_text("通知\n请{单位名称}于本周报送。\n", select=["KJ205"])] == ["KJ205"]


def test_a_review_comment_left_in_the_draft_is_reported_once_at_the_comment(tmp_path):
    draft = ["需求分析报告", ("commented", "平台支持多工位并行测试。", "硬件要求确定一下"), "二、设计", "平台采用浏览器结构。"]
    doc_codes = docx_codes(make_docx(tmp_path / "报告.docx", draft), "KJ208")
    assert doc_codes == [("KJ208", 5)]  # the comment's own line, after the body
    # a comment that is a kjlint directive is the writer's setting
    quiet = ["需求分析报告", ("commented", "平台支持多工位并行测试。", "kjlint-disable KJ303"), "二、设计", "平台采用浏览器结构。"]
    assert docx_codes(make_docx(tmp_path / "设置.docx", quiet), "KJ208") == []


def test_a_reply_belongs_to_the_comment_it_answers():
    from pathlib import Path

    from kjlint.catalog import load_catalog
    from kjlint.engine import LintOptions, lint_document
    from kjlint.reading import read_document

    # a real draft (fixtures/realworld/docx/w073.docx): 21 comments, comment 4 (是) answers comment 3
    doc = read_document(Path(__file__).parent.parent / "fixtures/realworld/docx/w073.docx")
    found = [f for f in lint_document(doc, load_catalog(), LintOptions()) if f.code == "KJ208"]
    assert len(found) == 20 and not any(doc.text[f.offset:f.end_offset].strip() == "是" for f in found)


def test_a_word_item_whose_sibling_heads_items_is_an_empty_heading(tmp_path):
    notice = ["关于开展年度工作总结的通知", "一、工作总结内容", "（一）年度工作完成情况", "1.重点工作任务", "（1）完成年度目标制定",
              "（2）推进各项改革措施", "2.常规工作内容", "（二）存在问题与不足", "各部门要实事求是查找问题。"]
    assert docx_codes(make_docx(tmp_path / "通知.docx", notice), "KJ303") == [("KJ303", 7)]
    # a list of one-line items is still a list, and a budget table's rows are rows
    plain = [notice[0], notice[1], notice[2], "1.重点工作任务", "2.常规工作内容", "（二）存在问题与不足", "各部门要实事求是查找问题。"]
    assert docx_codes(make_docx(tmp_path / "列表.docx", plain), "KJ303") == []
    budget = ["经费预算", ("table", [["科目", "金额"], ["1. 业务费", ""], ["（1）论文出版费", "10000"], ["2. 仪器设备购置费", ""],
                                   ["3. 材料费", ""]])]
    assert docx_codes(make_docx(tmp_path / "预算.docx", budget), "KJ303") == []


def test_a_title_its_writer_dated_is_no_site_date_line(tmp_path):
    report = ["2025-06-06周报", "马某", "主要工作", "（1）筛选数据源，保留文中提到IOC信息的源。"]
    assert docx_codes(make_docx(tmp_path / "周报.docx", report), "KJ6") == []
    # a page's date stamp with its section name, above the title, is still the site's
    from kjlint.engine import lint_text

    page = "2026/02/10经典总结\n\n学校安全工作总结\n\n全年未发生安全事故。\n"
    assert [f.code for f in lint_text(page, select=["KJ601"])] == ["KJ601"]


def test_signature_blanks_and_label_lines_are_the_forms_own(tmp_path):
    form = ["毕业设计任务书", "一、设计内容", "完成一个校园二手交易平台的设计与实现，撰写设计说明书。",
            "学    生（签字）__________", "指导教师（签字）__________"]
    assert docx_codes(make_docx(tmp_path / "任务书.docx", form), "KJ203") == []
    # each line a field of its own, even after one that ends on 的 (as a label's line may)
    spec = ["游戏策划书", "1.同个障碍物不得连续大量出现，避免难度过高或过低，这是设计的",
            "核心规则：在任意10个连续出现的障碍物中，同个障碍物出现次数不得超过4次，这是规则的",
            "具体实现：维护一个容量为10的滑动窗口队列，结合频次统计实施动态剪枝"]
    assert docx_codes(make_docx(tmp_path / "策划书.docx", spec), "KJ413") == []


def test_instruction_slots_and_a_signing_organ_are_what_they_are(tmp_path):
    from kjlint.engine import lint_text

    notice = "通知标题\n[各单位]：\n[此处输入正文内容]\n论文题目：（请拟定具体的题目）\n（此处插入图1）\n"
    assert [f.code for f in lint_text(notice, select=["KJ205"])] == ["KJ205"] * 4
    assert [f.code for f in lint_text("工作总结\n【微信公众号配置说明(内部使用)】\n配置步骤如下。\n", select=["KJ205"])] == []
    # the 落款 under the text repeats the 发文机关 (GB/T 9704): no repeated title
    # (a template: its body not written yet, so the top of the page has not ended)
    official = ["某县人民政府", "关于做好春季防火工作的通知", "各乡镇：", "[此处输入正文内容]", "某县人民政府", "2020年2月19日"]
    assert docx_codes(make_docx(tmp_path / "通知.docx", official), "KJ607") == []


def test_a_table_of_contents_typed_with_dot_leaders_is_no_body(tmp_path):
    report = ["结题报告", "目录页", "一、引言…………………………1", "二、文献综述……………………2", "    （一）数据清洗…………3",
              "三、结语…………………………4", "一．引入", "英语写作是语言学习的重要组成部分，本研究探究教师反馈的影响。",
              "二．文献综述", "教师反馈在二语写作教学中扮演着重要角色。"]
    assert docx_codes(make_docx(tmp_path / "报告.docx", report), "KJ") == []
    # the body's first heading after the contents is read as the body's (a gap after it is found)
    gap = report[:8] + ["三．文献综述", "教师反馈在二语写作教学中扮演着重要角色。"]
    assert ("KJ502", 9) in docx_codes(make_docx(tmp_path / "跳号.docx", gap), "KJ5")
