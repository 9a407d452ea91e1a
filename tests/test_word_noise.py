"""Quiet findings on real Word files (issue 11): technical lines, Word parts and numbering in
notes. Each mechanism is shown both ways: the look-alike is left alone, the defect still found."""
from __future__ import annotations

import pytest

from docx_maker import docx_codes, make_docx
from kjlint.engine import lint_text
from kjlint.technical import is_technical


def codes(text: str, select: list[str]) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in lint_text(text, select=select)]


@pytest.mark.parametrize("line", [
    "scaleX(n)\t沿 X 轴缩放元素。",
    '        dialog.Filter = "所有文件(*.*)|*.*|文本(*.txt)|*.txt"; //只显示文本',
    '        "订单查询" "/Shop/Order/Query";',
    "select u.name, r.title from app.users u",
    "\tmax-width\t元素的最大宽度，可以是像素或百分比",
    "RetryInterval：Gets or sets the time to wait before a failed request is sent again.",
    '\t<span title="**">提示</span>',
    '        st.error("❌ 连接超时，请稍后重试或切换网络")',  # a program's Chinese message
    "    label = '🔍查询结果：'",
])
def test_code_markup_and_api_listings_are_technical(line):
    assert is_technical(line)


@pytest.mark.parametrize("line", [
    "xx区科技局在区委、区政府的正确领导下，全年争取资金xx万元。",
    "Tel：xxxx-xxxxxxx",
    "Email：xx@xx.com，联系人：xxx",
    "全区GDP(5%)稳步增长，详见http://www.xx.gov.cn/xx.html。",
    "本季度完成了数据接口改造，调用 Convert.ToInt32(null) 时返回0的问题已经修复，下一步将组织开发人员培训。",
    "a" * 5000 + "(x)=1;",
    '会议强调"要抓好落实"，确保(1)项目按期完成。',  # ASCII quotes in prose: still prose
])
def test_prose_and_form_labels_are_not_technical(line):
    assert not is_technical(line)


def test_masks_on_technical_lines_are_variables_not_placeholders():
    notes = ("开发笔记\n"
             "scaleX(n)\t沿 X 轴缩放元素。\n"
             "\tbackground\trgb(x,x,x)/#xxxxxx\t背景颜色。\n"
             '\tdialog.Filter = "所有文件(*.*)|*.*";\n'
             "矩形左上角的 x 轴坐标。\n"
             "\t内网地址：10.1.*.* （*为任意数字）\n"
             "本月共走访企业xx家，争取资金**万元。\n")
    assert codes(notes, ["KJ201", "KJ202"]) == [("KJ201", 7), ("KJ202", 7)]


def test_emoji_in_the_strings_of_listed_code_are_the_programs_own():
    listing = ("附录 程序清单\n"
               "if not answer:\n"
               '    st.warning("⚠️ 没有查到结果，请换个问法")\n'
               "else:\n"
               '    st.subheader("🤖助手回答：")\n'
               "本月完成接口联调。🚀\n")
    assert codes(listing, ["KJ704"]) == [("KJ704", 6)]


def test_parallel_code_lines_are_no_repeated_paragraphs():
    route = '     "销售报表" "/Shop/Report/Sales";\n'
    parallel = '     "门店销售报表" "/Shop/Report/StoreSales";\n'
    prose = "全年组织企业申报项目12项，争取资金300万元，各项工作稳步推进，取得了明显成效。\n"
    text = "开发笔记\n" + route + parallel + "菜单配置完成。\n" + route + prose + "下一步计划。\n" + prose
    assert codes(text, ["KJ1"]) == [("KJ101", 8)]


def test_word_header_alignment_blanks_are_no_missing_values(tmp_path):
    header = "某某大学学位论文\t              个人简历与致谢"
    body = [("title", "学位论文"), "正文第一段，写明研究内容。"]
    assert docx_codes(make_docx(tmp_path / "论文.docx", body, header=header), "KJ204") == []
    assert docx_codes(make_docx(tmp_path / "论文2.docx", body + [header]), "KJ204") == [("KJ204", 3)]


def test_word_ellipsis_at_a_paragraph_end_is_no_truncation(tmp_path):
    text = ["学习笔记", "冒泡排序：相邻两项比较，较大的一项后移，一轮后最大的在末尾，依次类推....",
            "插入排序：把每一项插入前面已排好的部分。"]
    assert docx_codes(make_docx(tmp_path / "笔记.docx", text), "KJ301") == []
    (tmp_path / "笔记.txt").write_text("\n".join(text) + "\n", encoding="utf-8")
    assert docx_codes(tmp_path / "笔记.txt", "KJ301") == [("KJ301", 2)]


def test_word_numbered_heading_made_of_a_site_phrase_is_the_writers(tmp_path):
    text = ["验收要求", "四、验收标准", "2.文档完整性：", "交付说明书和测试报告。"]
    assert docx_codes(make_docx(tmp_path / "验收.docx", text), "KJ601") == []
    (tmp_path / "验收.txt").write_text("\n".join(text) + "\n", encoding="utf-8")
    assert docx_codes(tmp_path / "验收.txt", "KJ601") == [("KJ601", 3)]


def test_word_table_cells_are_no_repeated_title(tmp_path):
    cover = [["审核：", "XXX 工程师XXX部门"], ["批准：", "XXX 工程师XXX部门"]]
    body = ["正文开始，本方案说明改造的内容。"]
    assert docx_codes(make_docx(tmp_path / "封面.docx", [("table", cover)] + body), "KJ607") == []
    paragraphs = ["XXX 工程师XXX部门", "批准：", "XXX 工程师XXX部门"] + body
    assert docx_codes(make_docx(tmp_path / "封面2.docx", paragraphs), "KJ607") == [("KJ607", 3)]


def test_item_list_under_a_lead_in_or_a_label_has_its_parent():
    lead_in = "学习笔记\n三、两种方法的区别：\n（1）前者返回新对象。\n（2）后者修改原对象。\n"
    label = "述职报告\n一、工作回顾\n全年完成各项任务。\n●存在问题\n（1）学习不够深入。\n（2）方法不够灵活。\n"
    assert codes(lead_in, ["KJ504"]) == []
    assert codes(label, ["KJ504"]) == []
    assert codes("实施方案\n一、工作目标\n（1）完成改造。\n（2）完成验收。\n", ["KJ504"]) == [("KJ504", 3)]


def test_chapter_number_above_its_sections_is_no_gap_and_a_title():
    chapter = "3. 系统设计\n3.1总体架构\n3.1.1模块划分\n1.前端负责展示。\n2.后端负责存储。\n"
    assert codes(chapter, ["KJ5"]) == []
    # without sections below it, 3. is item 3 of a list that lacks 1.–2.
    assert [c for c, _ in codes("3. 系统设计\n本章说明设计。\n", ["KJ5"])] == ["KJ502", "KJ506"]


def test_items_inside_a_quotation_are_not_the_outline():
    text = ("章程修改记录\n一、修改内容\n"
            "3，第二章第四条修改为“1.小组成立后，由组员推选组长。\n"
            "2.组长的调整由小组自行决定。”\n")
    assert codes(text, ["KJ502"]) == []
    assert codes(text.replace("决定。”", "决定。"), ["KJ502"]) == [("KJ502", 4)]


def test_an_item_glued_to_a_paragraph_end_or_struck_out_is_there():
    glued = ("工作总结\n一．主要工作\n全年各项任务都按期完成。 二．体会 \n1.要有计划\n"
             "每项工作先定计划再动手。\n三．打算\n")
    assert codes(glued, ["KJ502"]) == []
    assert codes(glued.replace(" 二．体会 ", ""), ["KJ502"]) == [("KJ502", 6)]
    struck = "接口说明\n--1、oldApi\t旧接口：已废弃。\n\tname\t接口名称。\n2、newApi\t新接口。\n"
    assert codes(struck, ["KJ502"]) == []
    assert codes(struck.replace("--1、", "oldApi "), ["KJ502"]) == [("KJ502", 4)]


def test_a_mask_glued_to_a_chinese_word_on_a_technical_line_is_still_a_mask():
    """Markup left in a scraped line does not hide the mask of its prose."""
    assert codes("工作总结\n全年争取资金*万元。]]><script>x</script>\n", ["KJ202"]) == [("KJ202", 2)]


def test_word_notes_headed_by_the_pages_they_cite_are_no_page_counters(tmp_path):
    notes = ["修改意见", "Page 3", "第二段的表述需要调整。", "Page 7", "表格的标题缺失。",
             "Page 8", "页码与目录不一致。", "Page 11", "建议删去重复的例子。"]
    assert docx_codes(make_docx(tmp_path / "意见.docx", notes), "KJ601") == []
    pages = ["工作总结", "Page 1", "全年完成项目十二项。", "Page 2", "群众满意度进一步提升。", "Page 3", "下一步继续推进。"]
    assert [code for code, _ in docx_codes(make_docx(tmp_path / "总结.docx", pages), "KJ601")] == ["KJ601"] * 3


def test_shell_and_diff_lines_naming_a_file_are_no_file_name_lines():
    lines = "学习笔记\n$ git add readme.txt\n--- a/readme.txt\n+++ b/readme.txt\n2023年工作总结.doc\n"
    assert codes(lines, ["KJ602"]) == [("KJ602", 5)]
