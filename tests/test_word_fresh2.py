"""Word files nobody here wrote (issue 11, second fresh set): meeting logs headed by dates, a
widget's name in the writer's sentence, bracketed field labels with their values, the fields
that open every record of a log, and a thesis cover page ended by a section break. Each
mechanism is shown both ways: the look-alike is left alone, the defect still found."""
from __future__ import annotations

import json

from click.testing import CliRunner

from docx_maker import docx_codes, make_docx
from kjlint.cli import main
from kjlint.docx import read_docx


def test_dated_entries_of_a_log_are_no_source_lines(tmp_path):
    log = ["会议记录", "2019.3.17 第一次会议", "会议地点：图书馆", "会议内容：讨论了用例文档，绘制了系统顺序图。",
           "2019.3.19 第二次会议", "会议地点：咖啡馆", "会议内容：讨论了第一阶段的用例文档，绘制了状态图。"]
    assert docx_codes(make_docx(tmp_path / "记录.docx", log), "KJ601") == []
    page = ["2026/02/10经典总结", "关于开展专项检查的通知", "各单位：现将有关事项通知如下。"]
    assert docx_codes(make_docx(tmp_path / "网页.docx", page), "KJ601") == [("KJ601", 1)]


def test_a_widget_named_in_the_writers_sentence_is_no_site_furniture(tmp_path):
    report = ["关于微信扫码点餐小程序的调研与分析", "微信扫码点餐小程序拥有着巨大的前景空间，互联网餐饮增长很快。"]
    assert docx_codes(make_docx(tmp_path / "调研.docx", report), "KJ601") == []
    # on a scraped page the widget's line is the site's (in a Word file such a line is the
    # writer's own: tests/test_word_page_furniture.py)
    page = tmp_path / "网页.txt"
    page.write_text("工作总结\n微信扫码 分享\n一年来，我认真完成各项工作。\n", encoding="utf-8")
    assert docx_codes(page, "KJ601") == [("KJ601", 2)]


def test_bracketed_field_labels_with_their_values_are_filled_in(tmp_path):
    record = ["会议记录", "[会议议题]  团队组建，确定产品", "[会议时间]  2016年3月10日", "[会议地点]   至善园四号227宿舍",
              "会议确定了各成员的分工。"]
    assert docx_codes(make_docx(tmp_path / "记录.docx", record), "KJ205") == []
    template = ["述职报告", "述职人：[姓名]", "[会议时间]", "[会议地点]", "一年来，我认真履行职责。"]
    assert [line for _, line in docx_codes(make_docx(tmp_path / "模板.docx", template), "KJ205")] == [2, 3, 4]


def _meeting(n: str, date: str, work: str) -> list[str]:
    return [f"{date}第{n}次会议", "会议地点：图书馆研讨间", "出席人员：王兆源，袁洋，许笑晨，黄健（住院，未出席，远程通话）。",
            f"会议内容：{work}", ""]


def test_the_fields_opening_each_record_are_no_repeated_block(tmp_path):
    log = ["会议记录", *_meeting("十五", "2019.6.13", "进行第三阶段代码的整合与初步调试"),
           *_meeting("十六", "2019.6.15", "进行第三阶段代码的整合与调试，并且分了下文档的任务。"),
           *_meeting("十七", "2019.6.16", "进行第三阶段代码的整合"),
           *_meeting("十八", "2019.6.17", "进行第三阶段代码的最后收官，开始整合文档。")]
    assert docx_codes(make_docx(tmp_path / "记录.docx", log), "KJ1") == []
    body = "本季度我们完成了需求分析、概要设计和详细设计三项工作，各项进度均符合计划要求。"
    copied = [*log, body, "下一步工作安排如下。", body]
    assert [c for c, _ in docx_codes(make_docx(tmp_path / "复制.docx", copied), "KJ1")] == ["KJ101"]


_COVER = ["湖 北 大 学", "本 科 毕 业 论 文 （设 计）", "题    目      大学生自助旅游需求分析研究",
          "姓    名   刘某某  学   号  2012221112410016", "指导教师   马某   职    称     教  授", "2016 年 4月1日"]
_THESIS = ["大学生自助旅游需求分析研究", "摘  要", "自助旅游是当下非常时尚新潮的旅游方式，大学生群体是自助旅游市场的主力军。",
           "本文围绕大学生自助旅游需求展开，采用调查问卷形式分析其需求特点。", "一、引言", "自助旅游近年来发展迅速。"]


def test_a_first_page_of_short_lines_ended_by_a_break_is_a_cover(tmp_path):
    for brk in ("section break", "page break"):
        path = make_docx(tmp_path / f"论文{len(brk)}.docx", [*_COVER, (brk,), *_THESIS])
        doc = read_docx(path)
        assert [doc.part(i) for i in range(len(_COVER))] == ["cover"] * len(_COVER)
        assert doc.part(doc.text.split("\n").index(_THESIS[0])) == "body"
        assert docx_codes(path, "KJ607", "KJ506") == []
    # without the break the title field and the title are one page: the repeat is reported
    assert [c for c, _ in docx_codes(make_docx(tmp_path / "无分页.docx", [*_COVER, *_THESIS]), "KJ607")] == ["KJ607"]


def test_a_first_page_with_a_sentence_or_a_heading_is_no_cover(tmp_path):
    for first in (["关于开展检查的通知", "各单位：现将有关事项通知如下。"], ["工作总结", "一、主要工作"]):
        doc = read_docx(make_docx(tmp_path / "通知.docx", [*first, ("page break",), *_THESIS]))
        assert all(doc.part(i) == "body" for i in range(len(first)))


def test_a_quotation_typed_with_closing_marks_at_both_ends_is_closed(tmp_path):
    items = ["更新说明", "1.图片尺寸：生成时等比缩放，宽不超过6厘米。", "2.中文字体：前端新增”中文字体”下拉框，默认仿宋。",
             "3.验证：示例题端到端通过。", "4.注意：旧进程残留会导致改了代码却不生效。"]
    assert docx_codes(make_docx(tmp_path / "说明.docx", items), "KJ502") == []
    gap = [*items[:3], "5.注意：旧进程残留会导致改了代码却不生效。"]
    assert docx_codes(make_docx(tmp_path / "缺号.docx", gap), "KJ502") == [("KJ502", 4)]


def test_an_underscore_in_a_file_name_is_no_blank(tmp_path):
    notes = ["工作总结", "示例输出见物理题_示例输出.docx，新管线的输出见物理题_双引擎版.docx。", "负责人签名后，报送科_室。"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", notes), "KJ203") == [("KJ203", 3)]


def test_a_label_spaced_out_in_a_form_cell_is_no_blank(tmp_path):
    form = ["项目申报书", ("table", [["姓   名", "陈某", "性   别", "男"], ["负 责 人", "陈某", "年   级", "2018级"]]),
            "团队共有   名成员参加本次活动。"]
    assert docx_codes(make_docx(tmp_path / "申报书.docx", form), "KJ204") == [("KJ204", 10)]


def test_a_coordinate_named_x_in_technical_prose_is_no_mask(tmp_path):
    notes = ["开发总结", "段数一致且 x 中心对齐才拆分，字母按 x 顺序重新生成，标签落在图 x 范围内即配对。", "全市共 X 个项目完成验收。"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", notes), "KJ201") == [("KJ201", 3)]


def test_masks_in_a_forms_filling_instructions_show_a_pattern(tmp_path):
    instructions = ["填 表 说 明", "1．此表由团队负责人填写。", "2．团队名称按以下格式统一填写：",
                    "中南大学×××（学院）赴×××（实践地点）暑期社会实践团。", "3．“实践地点”一栏应详写，例：湖南省××市××区××乡××村。", ""]
    form = ["暑期社会实践项目申报书", *instructions, "团队名称：中南大学×××暑期社会实践团", "实践地点：湖南省长沙市"]
    assert docx_codes(make_docx(tmp_path / "申报书.docx", form), "KJ201") == [("KJ201", 8)]


def test_a_list_under_each_bullet_or_after_empty_paragraphs_starts_afresh(tmp_path):
    stages = ["发展计划", "●第一阶段（软件研发阶段，预计持续三到五个月时间）", "1.软件研发", "2.与驾校沟通合作，签订协议",
              "●第二阶段（软件上线准备完成、已与市内驾校签订协议）", "预期持续时间半年到一年。", "1、通过驾校线下报名学员宣传推广",
              "2、为平台用户做好售后服务"]
    assert docx_codes(make_docx(tmp_path / "计划.docx", stages), "KJ503") == []
    tasks = ["分工", "1.科学史方面分析", "2.认知调研", "3.伦理问题探讨", "", "", "1.田润卉", "2.张旭婕"]
    assert docx_codes(make_docx(tmp_path / "分工.docx", tasks), "KJ503") == []
    # on a page, one blank line is no list's end: the 1. steps back (in a Word file a list going
    # back to 1 is a list of its own: tests/test_word_page_furniture.py)
    typo = tmp_path / "错号.txt"
    typo.write_text("\n".join(["分工", "1.科学史方面分析", "2.认知调研", "3.伦理问题探讨", "", "1.田润卉", "2.张旭婕"]) + "\n",
                    encoding="utf-8")
    assert docx_codes(typo, "KJ503") == [("KJ503", 6)]


def test_an_asterisk_between_the_terms_of_a_formula_is_multiplication(tmp_path):
    plan = ["创业计划", "主要利润为学员通过平台报名的提成。", "即利润 = 人数*驾校价格*20% – 平台运维成本", "全年共完成*项培训。"]
    assert docx_codes(make_docx(tmp_path / "计划.docx", plan), "KJ202") == [("KJ202", 4)]


def test_the_introduction_restating_the_abstract_is_no_copy(tmp_path):
    summary = ("大学生追求个性、向往自由，爱好随心所欲的旅行，而不喜欢固定的线路、统一的食住行，"
               "因此社会应该重视大学生自助旅游市场的开发。")
    thesis = ["大学生自助旅游需求分析研究", "摘  要", "自助旅游是当下非常时尚新潮的旅游方式。" + summary,
              "关键词：大学生 自助旅游 需求分析", "一、引言", "目前我国大学生群体基本属于90后，" + summary,
              "二、研究方法", "本文采用调查问卷形式，深入大学生群体，分析其需求特点，并提出开发对策。"]
    assert docx_codes(make_docx(tmp_path / "论文.docx", thesis), "KJ1") == []
    pasted = [*thesis, "本文采用调查问卷形式，深入大学生群体，分析其需求特点，并提出开发对策。"]
    assert [c for c, _ in docx_codes(make_docx(tmp_path / "粘贴.docx", pasted), "KJ1")] == ["KJ101"]


def test_a_note_that_a_passage_is_still_to_be_written_is_reported(tmp_path):
    minutes = ["会议记录", "1、汇报个人的进度。", "2、讨论具体每个成员的分工。（待补充）", "3、讨论软件应具有的功能，有待完善。"]
    assert docx_codes(make_docx(tmp_path / "记录.docx", minutes), "KJ205") == [("KJ205", 3)]


def test_a_number_typed_after_a_word_bullet_is_the_items_number(tmp_path):
    issue = ["Issue 的两类", ("list", "symbol-dot", 0, "1.  Bug report 最重要的事情就是表达清楚。"),
             ("list", "symbol-dot", 0, "注意：若所提的 issue 有模板，它应会列出来。"), "2. Feature request 的核心有两点：",
             "第一，解释清楚你要加什么功能。"]
    assert docx_codes(make_docx(tmp_path / "说明.docx", issue), "KJ502") == []
    gap = [*issue[:3], "3. Feature request 的核心有两点：", "第一，解释清楚你要加什么功能。"]
    assert docx_codes(make_docx(tmp_path / "缺号.docx", gap), "KJ502") == [("KJ502", 4)]


def test_a_heading_number_without_words_is_an_empty_heading(tmp_path):
    summary = ["个人总结", "组号：7  姓名：姜某", "一、", "二、 项目完成情况", "本组按期完成了全部功能的开发和测试。"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", summary), "KJ303") == [("KJ303", 3)]
    written = ["个人总结", "组号：7  姓名：姜某", "一、 个人分工", "二、 项目完成情况", "本组按期完成了全部功能的开发和测试。"]
    assert docx_codes(make_docx(tmp_path / "已写.docx", written), "KJ303") == []


def test_radicals_copied_out_of_a_pdf_in_place_of_characters(tmp_path):
    path = make_docx(tmp_path / "鉴定.docx", ["自我鉴定", "我从2021年进⼊南京大学就读以来，不断奋⽃。", "我们的部首表：人、入、斗。"])
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--select", "KJ411"])
    found = json.loads(result.stdout)
    assert [(f["line"], f["fix"]["replacement"], f["fix"]["applicability"]) for f in found] == [
        (2, "入", "safe"), (2, "斗", "safe")]
