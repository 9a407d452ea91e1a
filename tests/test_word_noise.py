"""Quiet findings on real Word files (issue 11): technical lines, Word parts and numbering in
notes. Each mechanism is shown both ways: the look-alike is left alone, the defect still found."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from docx_maker import make_docx
from kjlint.cli import main
from kjlint.engine import lint_text
from kjlint.technical import is_technical


def codes(text: str, select: list[str]) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in lint_text(text, select=select)]


def docx_codes(path, *select: str) -> list[tuple[str, int]]:
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--select", ",".join(select)])
    assert result.exit_code in (0, 1), result.output
    return [(f["code"], f["line"]) for f in json.loads(result.stdout)]


@pytest.mark.parametrize("line", [
    "rotateX(angle)\t定义沿着 X 轴的 3D 旋转。",
    '            filename.Filter = "All files(*.*)|*.*|txt files(*.txt)|*.txt";//设置打开类型',
    '                     "开单查询" "/SpecialWanngDian/Splaceorder";',
    "select col.name,pro.value from sys.syscolumns col",
    "\tminimum-scale\t允许用户的最小缩放值，为一个数字，可以带小数",
    "AbsoluteExpiration：Gets or sets a value that indicates whether a cache entry should be evicted.",
    '\tThe <abbr title="**">sb</abbr>',
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
])
def test_prose_and_form_labels_are_not_technical(line):
    assert not is_technical(line)


def test_masks_on_technical_lines_are_variables_not_placeholders():
    notes = ("开发笔记\n"
             "rotateX(angle)\t定义沿着 X 轴的 3D 旋转。\n"
             "\tcolor\trgb(x,x,x)/#xxxxxx/colorname\t规定文档中的默认文本颜色。\n"
             '\tfilename.Filter = "All files(*.*)|*.*";\n'
             "圆弧中心（圆心）的 x 轴坐标。\n"
             "\t\t3：192.168.*.* （*为0到255之间的任意数字）\n"
             "本月共走访企业xx家，争取资金**万元。\n")
    assert codes(notes, ["KJ201", "KJ202"]) == [("KJ201", 7), ("KJ202", 7)]


def test_parallel_code_lines_are_no_repeated_paragraphs():
    route = '     "营业额报表" "/SpecialWanngDian/OrderTogetherZZ/Index";\n'
    parallel = '     "网点营业额报表" "/SpecialWanngDian/WDOrderTogetherZZ/Index";\n'
    prose = "全年组织企业申报项目12项，争取资金300万元，各项工作稳步推进，取得了明显成效。\n"
    text = "开发笔记\n" + route + parallel + "菜单配置完成。\n" + route + prose + "下一步计划。\n" + prose
    assert codes(text, ["KJ1"]) == [("KJ101", 8)]


def test_word_header_alignment_blanks_are_no_missing_values(tmp_path):
    header = "大连民族大学硕士学位论文\t                个人简历、在学期间发表的学术论文与研究成果"
    body = [("title", "学位论文"), "正文第一段，写明研究内容。"]
    assert docx_codes(make_docx(tmp_path / "论文.docx", body, header=header), "KJ204") == []
    assert docx_codes(make_docx(tmp_path / "论文2.docx", body + [header]), "KJ204") == [("KJ204", 3)]


def test_word_ellipsis_at_a_paragraph_end_is_no_truncation(tmp_path):
    text = ["工作总结", "选择排序：从数组中选出最小的值排在第一位；然后从剩下的选择一个最小的值排在第二位....",
            "二元选择排序：选出最大和最小值。"]
    assert docx_codes(make_docx(tmp_path / "笔记.docx", text), "KJ301") == []
    (tmp_path / "笔记.txt").write_text("\n".join(text) + "\n", encoding="utf-8")
    assert docx_codes(tmp_path / "笔记.txt", "KJ301") == [("KJ301", 2)]


def test_word_numbered_heading_made_of_a_site_phrase_is_the_writers(tmp_path):
    text = ["项目验收", "一、验收标准", "3.文档完整性：", "用户操作手册、验收报告齐全。"]
    assert docx_codes(make_docx(tmp_path / "验收.docx", text), "KJ601") == []
    (tmp_path / "验收.txt").write_text("\n".join(text) + "\n", encoding="utf-8")
    assert docx_codes(tmp_path / "验收.txt", "KJ601") == [("KJ601", 3)]


def test_word_table_cells_are_no_repeated_title(tmp_path):
    cover = [["作者：", "XXX 副教授XXX学院"], ["指导教师：", "XXX 副教授XXX学院"]]
    body = ["正文开始，本文研究了很多问题。"]
    assert docx_codes(make_docx(tmp_path / "封面.docx", [("table", cover)] + body), "KJ607") == []
    paragraphs = ["XXX 副教授XXX学院", "指导教师：", "XXX 副教授XXX学院"] + body
    assert docx_codes(make_docx(tmp_path / "封面2.docx", paragraphs), "KJ607") == [("KJ607", 3)]


def test_item_list_under_a_lead_in_or_a_label_has_its_parent():
    lead_in = "学习笔记\n五、对于数字的精确度不同：\n（1）转换时取偶数。\n（2）强制转换截取整数部分。\n"
    label = "述职报告\n一、工作回顾\n全年完成各项任务。\n●不足\n（1）处理问题不够完美。\n（2）压力过大。\n"
    assert codes(lead_in, ["KJ504"]) == []
    assert codes(label, ["KJ504"]) == []
    assert codes("实施方案\n一、工作目标\n（1）完成改造。\n（2）完成验收。\n", ["KJ504"]) == [("KJ504", 3)]


def test_chapter_number_above_its_sections_is_no_gap_and_a_title():
    chapter = "5. 清华与我\n5.1班级宪章\n5.1.1上一梯次班级宪章\n1.圈子自主推选领导者。\n2.秘书处备案。\n"
    assert codes(chapter, ["KJ5"]) == []
    # without sections below it, 5. is item 5 of a list that lacks 1.–4.
    assert [c for c, _ in codes("5. 清华与我\n班级宪章的修改。\n", ["KJ5"])] == ["KJ502", "KJ506"]


def test_items_inside_a_quotation_are_not_the_outline():
    text = ("宪章修改记录\n一、修改内容\n"
            "7，第三章第五条（二）修改为“1.圈子在正式建立后，自主推选圈子领导者。\n"
            "2.圈子后续领导者的调整由圈子自主决定。”\n")
    assert codes(text, ["KJ502"]) == []
    assert codes(text.replace("决定。”", "决定。"), ["KJ502"]) == [("KJ502", 4)]


def test_an_item_glued_to_a_paragraph_end_or_struck_out_is_there():
    glued = ("工作总结\n一．主要工作\n我学会了混合机的操作，达到了标准要求。 二．工作感悟 \n1.执行力\n"
             "每一份工作和任务我都认真对待。\n三．成就与不足\n")
    assert codes(glued, ["KJ502"]) == []
    assert codes(glued.replace(" 二．工作感悟 ", ""), ["KJ502"]) == [("KJ502", 6)]
    struck = "HTML标签\n--1、basefont\t规定页面上的默认字体颜色：不赞成使用。\n\tface\t规定默认字体。\n2、bdo\t设置文本方向。\n"
    assert codes(struck, ["KJ502"]) == []
    assert codes(struck.replace("--1、", "basefont "), ["KJ502"]) == [("KJ502", 4)]


def test_a_mask_glued_to_a_chinese_word_on_a_technical_line_is_still_a_mask():
    """Markup left in a scraped line does not hide the mask of its prose."""
    assert codes("工作总结\n全年争取资金*万元。]]><script>x</script>\n", ["KJ202"]) == [("KJ202", 2)]
