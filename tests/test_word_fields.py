"""A Word form's field its writer left empty (KJ204, issue 11): judged by the form's layout —
a table's label and value cells, a `label：` among filled fields and what follows it — not by the
field's name. Each mechanism is shown both ways: the defect found, the look-alike (a blank
template, a signature, a lead-in with its text under it, room for the pen) left alone."""
from __future__ import annotations

import json

import docx
from click.testing import CliRunner

from docx_maker import make_docx
from kjlint.cli import main


def kj204(path) -> list[tuple[int, str]]:
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--select", "KJ204", "--lang", "en"])
    assert result.exit_code in (0, 1), result.output
    return [(f["line"], f["message"]) for f in json.loads(result.stdout)]


def lines(path) -> list[int]:
    return [line for line, _ in kj204(path)]


_FORM = [["作品名称", "任务管理系统"], ["学校名称", "某某职业技术学院"], ["作品分类", ""],
         ["联系人", "王某"], ["联系电话", "13800000000"]]


def test_an_empty_value_cell_of_a_filled_form_is_reported_at_its_label(tmp_path):
    found = kj204(make_docx(tmp_path / "报名表.docx", ["报名表", ("table", _FORM)]))
    assert found == [(6, "Field `作品分类` left empty: its value is missing")]
    # a blank template: every value is empty, the form is still to be handed out
    blank = [[label, ""] for label, _ in _FORM]
    assert lines(make_docx(tmp_path / "模板.docx", ["报名表", ("table", blank)])) == []
    # what another hand fills in on paper: a signature, a date, a reviewer's comment
    signed = [*_FORM[:2], ["指导教师签名", ""], ["评审意见", ""], *_FORM[3:]]
    assert lines(make_docx(tmp_path / "签名.docx", ["报名表", ("table", signed)])) == []


def test_a_group_of_empty_rows_under_an_empty_row_is_left_out_on_purpose(tmp_path):
    # a second advisor the applicant does not have: the whole group is empty
    rows = [["第一指导教师", "胡某", "单位", "某大学"], ["主要成果", "发表论文10篇", "", ""],
            ["第二指导教师", "", "单位", ""], ["主要成果", "", "", ""], ["项目名称", "智能小车", "", ""]]
    assert lines(make_docx(tmp_path / "申请书.docx", ["申请书", ("table", rows)])) == []


def _boxes(path, boxes: list[list[str]]):
    """A form of one-cell rows, each a label and the paragraphs written under it."""
    document = docx.Document()
    document.add_paragraph("作品报名表")
    table = document.add_table(rows=len(boxes), cols=1)
    for row, paragraphs in zip(table.rows, boxes):
        row.cells[0].text = paragraphs[0]
        for text in paragraphs[1:]:
            row.cells[0].add_paragraph(text)
    document.save(str(path))
    return path


def test_a_box_left_empty_under_its_label_is_reported(tmp_path):
    boxes = [["作品简介：", "任务管理系统通过管理者对日常任务的分配，实现任务过程追踪。"],
             ["作品安装说明：", "", "", ""],
             ["设计思路：", "以任务过程化管理为设计核心，提升团队的执行效率。"],
             ["其他说明：", "", ""]]  # optional
    assert lines(_boxes(tmp_path / "报名表.docx", boxes)) == [4]


_WEEK = ["工作汇报", "学习", "1、Makefile", "2、Shell：函数、流程、循环、条件", "3、算法：", "4、数据结构：",
         "5、面试测试题"]


def test_an_empty_item_among_filled_fields_of_its_list_is_reported(tmp_path):
    assert lines(make_docx(tmp_path / "汇报.docx", _WEEK)) == [5, 6]
    # the same lines in a text file: no form layout to judge by
    page = tmp_path / "汇报.txt"
    page.write_text("\n".join(_WEEK) + "\n", encoding="utf-8")
    assert lines(page) == []


def test_an_empty_field_ending_its_block_before_the_next_item_above_is_reported(tmp_path):
    plan = ["开发计划", "4、ios端", "开发工具：Xcode", "开发语言：Object-C", "项目管理工具：", "",
            "5、移动接口端", "开发工具：WebStorm"]
    assert lines(make_docx(tmp_path / "计划.docx", plan)) == [5]


def test_a_lead_in_with_its_text_under_it_is_no_empty_field(tmp_path):
    minutes = ["会议记录", "时间：2019年5月6日", "地点：三楼会议室",
               "任务分配：", "魏某：进行信息的设定", "苗某：动态创建选择界面",
               "请求事项：", "一、裁决被申请人支付经济补偿金32000元。",
               "事实与理由：", "申请人于2018年12月入职，任司机一职至今。"]
    assert lines(make_docx(tmp_path / "记录.docx", minutes)) == []


def test_the_last_field_of_a_line_of_filled_fields_is_reported_not_room_for_the_pen(tmp_path):
    found = ["劳动仲裁申请书", "被申请人：某科技有限公司", "法定代表人：闻某 职务：", "请求事项：",
             "一、裁决被申请人支付经济补偿金32000元。"]
    assert lines(make_docx(tmp_path / "申请书.docx", found)) == [3]
    signing = ["合同", "甲方：某科技有限公司              乙方：                "]
    assert lines(make_docx(tmp_path / "合同.docx", signing)) == []


def kj506(path) -> list[str]:
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--select", "KJ506", "--lang", "en"])
    assert result.exit_code in (0, 1), result.output
    return [f["message"] for f in json.loads(result.stdout)]


_TASKS = ["修复人员与部门切换左侧菜单栏时右侧面板显示异常的问题", "完成度：90%"]


def test_a_word_file_opening_with_a_lead_in_or_a_field_of_prose_has_no_title(tmp_path):
    # a Word file is the whole file in paragraphs of its own: its first one is where a title stands
    assert kj506(make_docx(tmp_path / "周报.docx", ["任务一：", *_TASKS])) == [
        "Document has no title: the first paragraph is not one (it introduces what follows)"]
    plan = ["开发人员培训计划：开发人员自行加强各方面的知识贮备，查阅和学习各方面的知识要点。", "测试计划：计划两天。"]
    assert kj506(make_docx(tmp_path / "计划.docx", plan)) == [
        "Document has no title: the first paragraph is not one (it is a sentence)"]
    notice = ["上机第16周，来机考就可以。学生成绩评定方法", "我们采用综合评定方法对学生成绩进行评定。"]
    assert len(kj506(make_docx(tmp_path / "通知.docx", notice))) == 1
    # a lead-in naming a kind of document is its title, and an attachment's mark stands above one
    assert kj506(make_docx(tmp_path / "记录.docx", ["班级宪章修改记录：", "1，将序言结尾改为“义务”"])) == []
    assert kj506(make_docx(tmp_path / "附件.docx", ["附件1：", "2020年暑期社会实践项目申报书", *_TASKS])) == []
    assert kj506(make_docx(tmp_path / "有标题.docx", ["14周周报", "任务一：", *_TASKS])) == []
    # a scraped page's first line may be the middle of a page: the same text is not judged so
    page = tmp_path / "周报.txt"
    page.write_text("\n".join(["任务一：", *_TASKS]) + "\n", encoding="utf-8")
    assert kj506(page) == []
