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


def test_a_forms_dates_for_the_pen_are_no_blanks(tmp_path):
    # a task book's cover: the office fills in the issue and return dates; a box's signature and date
    form = ["毕业设计任务书", ("table", [["学生姓名", "张三", "学号", "2019001"]]),
            "下发       年   月   日  上交       年   月   日",
            ("table", [["指导教师意见：同意开题。"], ["             （签名）                 年    月    日"]])]
    assert docx_codes(make_docx(tmp_path / "任务书.docx", form), "KJ204") == []
    # a date the writer left out of a sentence is still reported
    report = ["工作总结", "我局于    年   月   日召开专题会议，部署全年工作。"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", report), "KJ204") == [("KJ204", 2)]


def test_a_records_numbered_room_for_the_pen_is_no_empty_item(tmp_path):
    # a defence record: three questions numbered, each with blank lines to write in
    room = "\n\n\n\n"
    record = ["答辩情况记录", ("table", [["三个主要问题记录"], ["1．" + room + "2．" + room + "3．" + room]]),
              "答辩小组组长签名："]
    assert docx_codes(make_docx(tmp_path / "记录.docx", record), "KJ303") == []
    # numbered items left bare with the next one right below are still empty items
    plan = ["工作计划", ("table", [["主要内容"], ["1．完成系统设计。\n2．\n3．完成联调测试。"]])]
    assert docx_codes(make_docx(tmp_path / "计划.docx", plan), "KJ303")


def test_a_blank_the_text_describes_is_no_blank_of_its_own(tmp_path):
    # a developer's log about converting exam papers: it names the blank a question is rendered with
    log = ["开发日志", "填空题的留空渲染为 ______，与原卷一致。", "提示词要求“下划线必须保留为 ______”，避免丢失。"]
    assert docx_codes(make_docx(tmp_path / "日志.docx", log), "KJ203") == []
    # a blank left in a sentence of a report is still one
    report = ["工作总结", "全年共完成培训 ______ 人次，较上年有所增长。"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", report), "KJ203") == [("KJ203", 2)]


def test_a_lead_in_before_each_parts_listing_is_a_refrain(tmp_path):
    # a design document opens each class's code with the same lead-in ending in a colon
    lead = "对实体类的属性进行封装（可以使用开发工具的快捷键一次完成全部封装）如下："
    classes = ["系统实现说明", "系统的实体类和数据访问类实现如下，各类的代码分别列出。"]
    for name, field in (("Reader", "rdName"), ("Book", "bkTitle"), ("Borrow", "borrowDate"), ("Admin", "userPwd")):
        classes += [("heading", 2, f"{name}类"), lead, f"public string {field} {{ get; set; }}",
                    f"{name}类用于保存{field}等数据，供业务逻辑层调用。"]
    assert docx_codes(make_docx(tmp_path / "实现.docx", classes), "KJ1") == []
    # the same lead-in pasted twice is still a repeated paragraph
    twice = ["系统实现说明", "系统的实体类和数据访问类实现如下，各类的代码分别列出。", ("heading", 2, "Reader类"), lead, "public string rdName { get; set; }",
             ("heading", 2, "Book类"), lead, "public string bkTitle { get; set; }"]
    assert [code for code, _ in docx_codes(make_docx(tmp_path / "两次.docx", twice), "KJ1")] == ["KJ101"]


def test_a_format_the_text_describes_is_no_slot(tmp_path):
    # a developer's log describes the caption it generates, its field in braces
    log = ["开发日志", "落单的插图在“第 N 题图”风格的页面里补默认图注 第{本题号}题图。", "导出文件命名为{学号}_{姓名}.pdf，便于归档。"]
    assert docx_codes(make_docx(tmp_path / "日志.docx", log), "KJ205") == []
    # a template's slot in a sentence is still reported
    notice = ["会议通知", "请{单位名称}于本周五前报送材料。"]
    assert docx_codes(make_docx(tmp_path / "通知.docx", notice), "KJ205") == [("KJ205", 2)]
