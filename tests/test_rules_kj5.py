"""KJ5 structure: numbering hierarchy, 一是 sequences, title and profiles."""
from __future__ import annotations

import pytest

from kjlint.catalog import load_catalog
from kjlint.document import Document
from kjlint.engine import lint_text
from kjlint.i18n import pick
from kjlint.checks.structure import cn_number, find_title
from kjlint.ruletypes import Context


def kj5(text: str) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in lint_text(text) if f.code.startswith("KJ5")]


def test_chinese_numbers():
    assert [cn_number(s) for s in ("一", "十", "十二", "二十三", "九十九")] == [1, 10, 12, 23, 99]
    assert cn_number("十十") is None


def test_gap_repeat_and_order_with_both_bracket_widths():
    text = "工作总结\n一、工作情况\n(一)甲\n（四）乙\n二、存在问题\n二、问题分析\n一、下一步计划\n"
    assert kj5(text) == [("KJ502", 4), ("KJ503", 6), ("KJ503", 7)]


def test_lists_restart_under_each_parent():
    text = "工作总结\n一、工作情况\n1、甲\n2、乙\n二、存在问题\n1、丙\n2、丁\n三、下一步计划\n"
    assert kj5(text) == []


def test_level_without_parent_reported_once():
    text = "工作计划\n（一）加强领导\n（二）强化督查\n一、重点任务\n(1)甲\n(2)乙\n"
    assert [c for c in kj5(text) if c[0] == "KJ504"] == [("KJ504", 2), ("KJ504", 5)]


def test_a_body_that_opens_at_the_second_level_under_its_title_has_its_top_level():
    """Issue #11: （一） right under the title (and the page's date line), with no 一、 anywhere,
    is where the body legitimately starts; prose between them, a 一、 elsewhere, or a list
    that opens past （一） keep the finding."""
    assert kj5("乡镇重点工作安排\n时间:2022-04-09 08:27\n（一）做好换届选举。\n（二）打造示范单位。\n") == []
    intro = "全年工作安排如下，各单位要结合实际认真抓好落实，确保各项任务按期完成并取得实效。"
    assert [c for c in kj5(f"工作计划\n{intro}\n（一）加强领导。\n（二）强化督查。\n") if c[0] == "KJ504"] == [("KJ504", 3)]
    assert [c for c in kj5("工作计划\n（一）加强领导。\n（二）强化督查。\n二、保障措施\n") if c[0] == "KJ504"] == [("KJ504", 2)]
    assert [c for c in kj5("工作计划\n（三）加强领导。\n（四）强化督查。\n") if c[0] == "KJ504"] == [("KJ504", 2)]


def test_repeated_title_restarts_numbering():
    body = "一、工作情况\n二、存在问题\n三、下一步计划\n"
    assert kj5("县水务局2021年工作总结\n" + body + "县水务局2021年工作总结\n" + body) == []


def test_enumeration_gaps_and_repeats_across_paragraphs():
    text = "工作总结\n一、工作情况\n一是甲。三是乙。\n一是丙。\n二是丁。\n二是戊。\n二、存在问题\n三、下一步计划\n"
    assert kj5(text) == [("KJ505", 3), ("KJ505", 6)]
    assert kj5("工作总结\n一、工作情况\n坚持一是一、二是二。\n二、存在问题\n三、下一步计划\n") == []


def test_enumeration_resumes_after_an_inner_list_that_lost_its_first_items():
    # 一是 … 五是 (items 二–四 of an inner list lost) … 二是: the outer list goes on, reported once
    text = "工作总结\n一是加强学习。完成甲;五是申报乙。二是完善制度。三是强化督查。\n"
    assert kj5(text) == [("KJ505", 2)]
    # one item skipped is no inner list: 二是 after 三是 still goes back
    assert kj5("工作总结\n一是甲。三是乙。二是丙。\n") == [("KJ505", 2), ("KJ505", 2)]


def test_missing_title():
    assert ("KJ506", 1) in kj5("一、主要工作\n全年完成任务。\n")
    assert kj5("关于安全生产检查情况的报告\n全年检查12次。\n") == []


def test_a_page_opening_with_a_lead_in_has_no_title():
    """A first paragraph of clauses ending with a colon introduces what follows (a notice's
    addressees, 采取了三项举措：), on a page as in a Word file."""
    for text in ("各乡镇人民政府，县政府各部门，县属各单位：\n现将有关事项通知如下。\n",
                 "为提高统计质量，加强基层基础建设，区统计局采取了三项举措：\n一是认识到位。\n"):
        assert ("KJ506", 1) in kj5(text), text
    # a title, a label and a title run into the body are still titles
    assert kj5("关于开展安全检查的通知\n各乡镇人民政府，县政府各部门：\n现将有关事项通知如下。\n") == []
    assert kj5("联系方式：\n电话12345。\n") == []
    assert kj5("某镇2023年工作计划 一年来，全镇上下共同努力，完成任务。\n") == []


@pytest.mark.parametrize("title,profile", [
    ("2020年農業局第三季度工作總結(jié)", "quarterly-summary"),
    ("2023年上半年工作总结", "half-year-summary"),
    ("县水务局2022年工作总结和2023年工作计划", "work-summary"),
    ("2024年镇政府工作要点", "work-plan"),
    ("2023年度个人述职报告", "debriefing-report"),
])
def test_profile_detected_from_title(title, profile):
    doc = Document(f"当前位置：首页 > 范文 > {title}\n{title}\n正文。\n")
    span, found = find_title(doc, Context(load_catalog()))
    assert span is not None and span.text == title and found.name == profile


def test_profile_required_sections():
    text = "2022年度个人述职报告\n一、履职情况\n二、廉洁自律\n"
    assert [f for f in lint_text(text) if f.code == "KJ501"] == []  # off unless the kind is named
    found = [f for f in lint_text(text, profile="debriefing-report") if f.code == "KJ501"]
    assert len(found) == 2  # no 问题/不足 and no 今后努力方向
    found = [f for f in lint_text(text, select=["KJ501"]) if f.code == "KJ501"]
    assert len(found) == 2  # selected by its code: the kind detected from the title


def test_lists_restart_under_articles_and_after_list_introductions():
    text = ("某某管理办法\n第一条 有下列情形之一的：\n（一）甲；\n（二）乙。\n"
            "第二条 按照下列原则管理：\n（一）丙；\n（三）丁。\n"
            "国务院作出了以下规定。\n（一）戊。\n")
    assert kj5(text) == [("KJ502", 7)]


def test_enumerator_alone_on_a_line_continues_the_sequence():
    text = "工作总结\n一、存在问题\n一是\n企业管理落后。\n二是\n结构不合理。\n四是\n投入不足。\n二、下一步计划\n"
    assert [c for c in kj5(text) if c[0] == "KJ505"] == [("KJ505", 7)]


def test_a_heading_with_ji_is_not_a_plan_and_a_heading_names_no_kind():
    text = "县统计局2023年工作总结\n一、主要工作\n二、存在问题\n三、科技统计工作\n"
    found = [f.message for f in lint_text(text, profile="work-summary") if f.code == "KJ501"]
    assert len(found) == 1 and "plan" in found[0]  # 统计 is not 计划
    assert [f for f in lint_text(text.replace("三、科技统计工作", "三、2024年工作谋划"), profile="work-summary")
            if f.code == "KJ501"] == []
    minutes = "一、会议听取了年度工作总结\n二、会议研究了下一步工作\n"
    title, profile = find_title(Document(minutes), Context(load_catalog()))
    assert title is None and profile is None  # the body starts at a heading: no title, no kind


PLAN_SECTIONS = [(name, pick(s["label"], "en")) for name, p in load_catalog().profiles.items()
                 for s in p.sections if s["name"] == "plan"]


@pytest.mark.parametrize("profile,label", PLAN_SECTIONS, ids=[p for p, _ in PLAN_SECTIONS])
def test_a_statistics_heading_is_no_plan_in_any_profile(profile, label):
    """Issue #12: the 工作总结 profile took any heading containing 计 as its plan section, so
    二、科技统计工作 counted as one."""
    text = "区科技局2023年工作总结\n一、主要工作\n二、科技统计工作\n"
    found = [f.message for f in lint_text(text, profile=profile) if f.code == "KJ501"]
    assert any(label in m for m in found), found


def test_malformed_heading_numbers():
    text = "三)加强队伍建设\n(一)、加强组织领导\n（三加强督查考核\n3.、开展业务培训\n（三）加强队伍建设\n三农工作取得新进展。\n"
    found = [(f.line, text.splitlines()[f.line - 1][:4]) for f in lint_text(text, select=["KJ507"])]
    assert [line for line, _ in found] == [1, 2, 3, 4]


def test_a_table_of_contents_typed_as_text_is_not_read_as_headings():
    toc = "一、总体要求\n二、主要任务\n三、保障措施\n"
    body = "一、总体要求\n坚持稳中求进。\n二、主要任务\n推进重点项目。\n三、保障措施\n加强组织领导。\n"
    with_toc = "某县2024年工作要点\n目 录\n" + toc + body
    assert [f.code for f in lint_text(with_toc, select=["KJ5", "KJ1"])] == []
    # The same entries without the 目录 line are a list followed by a restart: reported.
    assert "KJ503" in [f.code for f in lint_text("某县2024年工作要点\n" + toc + body, select=["KJ5"])]


def test_a_text_without_a_contents_title_is_read_without_looking_for_one(monkeypatch):
    """A 目 alone (项目, 目标: most reports) is no 目录: its paragraphs are read without trying
    each for a contents title or dot leaders. A 目 录 line is still found (above)."""
    from kjlint.checks import layout

    tried = []

    class Counting:
        def __init__(self, regex):
            self.regex = regex

        def match(self, *args):
            tried.append(args[0])
            return self.regex.match(*args)

        def search(self, *args):
            tried.append(args[0])
            return self.regex.search(*args)

    monkeypatch.setattr(layout, "CONTENTS_TITLE", Counting(layout.CONTENTS_TITLE))
    monkeypatch.setattr(layout, "CONTENTS_LEADER", Counting(layout.CONTENTS_LEADER))
    doc = Document("某县2024年工作要点\n一、重点项目\n推进项目建设，实现目标。\n二、保障措施\n加强领导。\n")
    paras = layout.reading_paragraphs(doc, Context(load_catalog()))
    assert [p.text for p in paras] == [p.text for p in doc.paragraphs]
    assert tried == []


def test_lists_restart_under_decimal_outline_headings():
    """Specifications, theses and contracts number sections 2.1.3 / 5 and lists inside each from 1."""
    text = ("软件项目管理计划书\n2.1.3 项目可交付成果\n项目可交付成果如下\n1.程序\n2.文档\n3.培训\n"
            "2.2 项目组织\n1.系统软件环境：Windows。\n2.数据库软件：MySQL。\n5.3培训发展\n1.入职培训。\n"
            "5 技术保证考核指标\n1.熟料产量：连续72小时≥7200t/d；\n2.熟料标准煤耗≤91kg/t-cl；\n"
            "（1）检测方法另行约定。\n")
    assert kj5(text) == []
    # The heading is the parent of the section's top level only: a level skipped below it is found.
    text = "实施方案\n2.1 总体要求\n一、工作目标\n（1）完成改造。\n（2）完成验收。\n2.2 保障措施\n（1）加强领导。\n"
    assert kj5(text) == [("KJ504", 4)]
    # Quantities are no headings: the list runs on and its restart is still reported.
    assert kj5("工作总结\n1.甲。\n2.乙。\n12 月份完成验收。\n1.丙。\n") == [("KJ503", 5)]


def test_a_list_restarts_after_a_label_line():
    """Use-case steps restart under `Description 基本事件流描述`; a restart with only sentences
    between the items is still out of order."""
    text = ("需求规格说明书\nDescription 基本事件流描述\n1、 用户通过简介进入活动详情页。\n"
            "2、 用户点击报名活动。\n3、 系统显示报名成功。\nUse Case 2 用例2 关注活动\n"
            "用户进入活动详情页后，可以关注该活动。\nDescription 基本事件流描述\n"
            "1、 用户点击“关注”直接关注该活动。\n2、 我关注的活动列表可以查看该活动。\n"
            "A．输入\n1.系统登录：账号和密码。\n2.系统注册：账号和密码。\nB．输出\n1.查询的结果。\n")
    assert kj5(text) == []
    text = "工作总结\n一、主要工作\n1.执行力\n基层员工要有执行力。\n2.责任感\n要对质量负责。\n1.服务意识\n"
    assert kj5(text) == [("KJ503", 7)]


def test_an_item_whose_text_starts_with_a_number():
    """`4.11MW 余热发电站` is item 4 and `2.2026 年 3 月…` item 2 of their lists, not decimals."""
    text = ("总承包合同\n1.石灰石破碎系统；\n2.原料粉磨系统；\n3.煤粉制备系统；\n4.11MW 余热发电站；\n"
            "5.协同处置系统。\n仅以下情形可调整合同总价：\n1.甲方出具书面变更；\n"
            "2.2026 年 3 月基准期钢材价格波动超过 ±5%；\n3.2026 年 3 月后国家新出台行业标准；\n"
            "4.甲方厂区地下管线未探明。\n")
    assert kj5(text) == []
    # A paragraph opening with a decimal is no item where the list goes on without it.
    assert kj5("工作总结\n1.甲。\n2.5亿元资金已到位。\n2.乙。\n3.丙。\n") == []


def test_typographic_spaces_before_a_number_are_indentation():
    text = "工作方案\n一、实施步骤\n1、组织测试：\n\u2002 （1）跟踪登录环节。\n（2）观察业务流程。\n"
    assert kj5(text) == []


def test_a_title_run_into_the_first_line_is_not_a_missing_title():
    for text in ("全县统计工作会议市长讲话同志们：经县委研究同意，今天召开全县统计工作会议。\n",
                 "赤壁市审计局审计结果公告试行办法 第一条 为了规范审计结果公告工作，制定本办法。\n"):
        assert [f for f in lint_text(text) if f.code == "KJ506"] == []
    sentence = "根据《关于做好年度工作总结的通知》要求，现将有关情况报告如下。\n"
    assert [f.code for f in lint_text(sentence) if f.code == "KJ506"] == ["KJ506"]


def test_item_one_at_the_end_of_the_line_above_is_no_gap():
    """本学位论文属于 1、保密囗… / 2、不保密囗: item 1 runs on inside the line above item 2."""
    text = "学位论文使用授权书\n本学位论文属于 1、保密囗，在    年解密后适用本授权书。\n2、不保密囗。\n"
    assert [c for c, _ in kj5(text) if c == "KJ502"] == []
    assert [c for c, _ in kj5(text.replace(" 1、保密", " 保密"))] .count("KJ502") == 1


def test_a_sentence_naming_a_document_or_asking_a_question_is_no_title():
    for text in ("根据县人大常委会2023年工作安排，10月18日调研组对科工贸局的工作开展评议调研。\n",
                 "记者：马局长您好，首先请您介绍一下我县铁合金产业运行情况？\n"):
        assert [f.code for f in lint_text(text) if f.code == "KJ506"] == ["KJ506"]


def test_an_enumeration_item_whose_verb_was_lost_is_reported_where_it_stands():
    text = ("一、主要工作\n一是聚力稳增长，经济运行总体平稳。二是聚力抓项目，投资拉动持续增强。"
            "三是聚力改善供给质量，产业结构不断优化。四聚力深化改革创新，发展动能不断积聚。"
            "五是聚力加快城乡融合，区域发展更加协调。\n")
    found = lint_text(text, select=["KJ505"])
    assert [(text[f.offset:f.end_offset], f.message) for f in found] == [
        ("四", "Enumeration item `四聚力`: 四是 expected between 三是 and 五是")]


def test_points_under_a_lead_in_or_under_a_glued_first_heading_have_a_parent():
    # a 批复 answers in points; the 一、 of a flattened page is glued to the title line above
    reply = "关于某某问题的批复\n你院的请示收悉。经研究，答复如下：\n（一）人民法院审理此类案件，用判决书。\n（二）其他案件，用裁定书。\n"
    glued = "基层司法所工作总结一、引言\n（一）背景与意义\n司法所是基层政法工作的重要力量。\n（二）研究方法\n走访调研。\n二、主要工作\n（一）人民调解\n全年调解纠纷120件。\n"
    assert lint_text(reply, select=["KJ504"]) == []
    assert lint_text(glued, select=["KJ504"]) == []
    # sections under a heading that lost its 一、 still have no parent
    lost = "2023年工作总结\n促进城乡就业\n（一）稳就业保就业\n全年新增就业1200人。\n（二）强化技能培训\n培训3000人次。\n"
    assert [f.code for f in lint_text(lost, select=["KJ504"])] == ["KJ504"]


def test_item_one_run_on_a_few_lines_up_is_the_predecessor_of_item_two():
    text = ("装订要求\n1、文本：按照标准A4纸进行纵向左侧装订。\n2、字体和字型 （1）封面主标题：\n"
            "第一行为三号宋体，居中。\n第二行为二号黑体，居中。\n（2）章、节标题分别采用小二号和三号黑体。\n")
    assert lint_text(text, select=["KJ502"]) == []


def test_a_first_heading_run_into_the_title_is_there():
    text = "低保工作方案一、背景分析\n1.1政策背景\n1.2社会背景\n二、问题定义\n三、对策\n"
    assert kj5(text) == []
    assert kj5("低保工作方案\n背景分析\n二、问题定义\n三、对策\n") == [("KJ502", 3)]


def test_site_furniture_between_two_lists_parts_them():
    body = "答复如下:\n(一)甲。\n(二)乙。\n(三)丙。\n此复。\n"
    assert kj5("关于某问题的批复\n" + body + "下载地址: 点击此处下载\n(一)隐私权的含义\n(二)隐私权的内容\n") == []
    assert kj5("关于某问题的批复\n" + body + "(一)隐私权的含义\n(二)隐私权的内容\n") == [("KJ503", 7)]
    # furniture right after an item, no text closing the list: no break (下载地址 taken for one)
    assert kj5("关于某问题的批复\n答复如下:\n(一)甲。\n(二)乙。\n下载地址: 点击此处下载\n(一)丙。\n") == [("KJ503", 6)]


def test_a_title_repeated_in_a_flattened_first_paragraph_is_a_title():
    body = "2019年以来,我局以办好人民满意教育为宗旨,全面提高办学水平,努力提高教学质量,持续推进队伍建设。"
    text = "编号:658229379区教育局2019年上半年工作总结汇报 区教育局2019年上半年工作总结汇报 " + body + "\n"
    assert [c for c in kj5(text) if c[0] == "KJ506"] == []
    assert ("KJ506", 1) in kj5(body + body + "\n")


def test_a_heading_whose_mark_was_lost_is_reported_and_parents_the_list_below():
    text = ("街道工作总结\n（四）甲。\n（五）城市管理步入正轨。\n四以打造特色社区为着力点,社区建设渐入佳境。\n"
            "（一）强化政务服务。\n（二）健全社区网络。\n")
    found = lint_text(text, select=["KJ5"])
    assert [(f.code, f.line, text[f.offset:f.end_offset]) for f in found if f.code == "KJ503"] == [("KJ503", 4, "四")]
    # a sentence opening with a numeral (三年来…) is no heading: the step back is reported at （一）
    assert [(c, n) for c, n in kj5(text.replace("四以打造", "三年来打造")) if c == "KJ503"] == [("KJ503", 5)]


def test_an_enumeration_runs_on_across_lines_split_off_its_sentences():
    # a scraped page splits inline markup onto lines of their own: a zero-width space, PM2.5's
    # subscript, a linked title inside 《》. None is a heading that would start a new list.
    head = "政府工作报告\n一年来，我们主要做了以下工作。\n一是稳定经济运行，就业形势总体平稳。\n"
    tail = "\n二是推进结构调整，新动能加快成长。\n三是改善生态环境，绿色发展取得进展。\n"
    for split in ("全年新增就业超过一千万人。\n\u200b\n城镇调查失业率保持稳定。",
                  "空气质量持续改善，重点城市细颗粒物（PM\n2.5\n）平均浓度下降。",
                  "认真落实《\n就业促进规划\n》，扩大就业渠道。"):
        assert kj5(head + split + tail) == []
    # a real heading between the items still starts a new list there
    assert kj5(head + "全年新增就业超过一千万人。\n稳定市场主体\n" + tail) == [("KJ505", 7)]


def test_a_list_run_on_inline_has_no_gap_where_its_items_stand():
    text = ("关于罪名的意见\n\n第一章 总则\n\n"
            "1．甲罪（第1条） 2．乙罪（第2条） 3．丙罪（第3条）\n\n"
            "丁罪（第4条） 5．戊罪（第5条） 6．己罪（第6条）\n\n"
            "7．庚罪（第7条） 8．辛罪（第8条）\n")
    assert kj5(text) == []
    # items 2–6 nowhere: the gap is reported
    assert kj5(text.replace(" 2．乙罪（第2条） 3．丙罪（第3条）", "").replace("丁罪（第4条） 5．戊罪（第5条） 6．己罪（第6条）", "另有规定。")) \
        == [("KJ502", 9)]


def test_a_long_official_title_is_a_title():
    title = "最高人民法院、最高人民检察院关于办理利用信息网络发布、传播、转发虚假信息和非法广告等违法犯罪案件具体应用法律若干问题的解释"
    body = "\n为依法惩治相关违法犯罪活动，制定本解释。\n第一条 本解释适用于相关案件。\n"
    assert len(title) > 60 and [c for c in kj5("# " + title + body) if c[0] == "KJ506"] == []
    # a long first paragraph that is a sentence of the body is no title
    assert ("KJ506", 1) in kj5("各位代表，现在我代表政府向大会报告工作，请予审议，并请各位委员提出意见。过去一年，我们克服重重困难。" + body)


def test_each_attachment_numbers_its_sections_afresh():
    text = ("道路执勤工作规范\n第一条 为规范执勤工作，制定本规范。\n第二条 本规范自发布之日起施行。\n"
            "附件1：查处超速行驶操作规程\n一、应当使用测速设备。\n二、应当告知当事人。\n三、应当制作笔录。\n"
            "附件2：查处违法停车操作规程\n一、应当拍照取证。\n二、应当通知驾驶人。\n")
    assert kj5(text) == []
    # without the attachment heading the list goes back: reported
    assert kj5(text.replace("附件2：查处违法停车操作规程\n", "")) == [("KJ503", 8)]


def test_a_list_interrupted_by_a_fresh_list_resumes():
    text = ("政府工作报告\n一、过去五年的回顾\n五年来，各项事业全面进步。\n二、今后五年的主要任务\n"
            "完成上述任务，要着重抓好以下几项工作：\n一、稳定经济增长\n二、优化产业结构\n"
            "三、深化体制改革\n各项改革要统筹推进。\n三、加强政府自身建设\n")
    # the fresh list under the lead-in (一、…三、) interrupted the report's own list at 二、:
    # the last 三、 goes on with that one, it does not repeat the fresh list's 三、
    assert kj5(text) == []
    # a list that goes back without resuming anything is still out of order
    assert kj5(text.replace("三、加强政府", "一、加强政府")) == [("KJ503", 10)]


def test_a_speech_announcing_its_points_introduces_a_fresh_list():
    head = "政府工作报告\n一、过去一年的工作\n二、今年的主要任务\n三、关于对外工作\n"
    lead = "现在，我就对外工作的这三个方面，作些阐述。\n"
    points = "一、维护世界和平\n二、坚持互利合作\n三、加强团结协作\n"
    assert kj5(head + lead + points) == []
    assert kj5(head + "对外工作取得新的进展。\n" + points) == [("KJ503", 6)]


def test_markdown_headings_and_one_character_numbers_are_read_as_written():
    # `## 八、…` is heading 八、 of a Markdown file, `## 第二章` a chapter; ⒈ is 1.
    text = "\n".join([
        "# 关于执行工作若干问题的规定", "## 一、执行机构", "1.人民法院设立执行机构。", "## 二、执行管辖",
        "⒈执行案件由第一审法院执行。", "2.指定执行的，由上级法院决定。", "## 三、执行担保", "3.被执行人可以提供担保。",
        "四、附则"]) + "\n"
    assert kj5(text) == []
    assert kj5(text.replace("四、附则", "六、附则")) == [("KJ502", 9)]


def test_a_list_run_on_inline_keeps_its_numbers_across_a_chapter():
    text = ("关于罪名的意见\n\n## 第一章 甲类犯罪\n\n1．甲罪（第1条） 2．乙罪（第2条） 3．丙罪（第3条）\n\n"
            "## 第二章 乙类犯罪\n\n丁罪（第4条） 5．戊罪（第5条） 6．己罪（第6条）\n\n7．庚罪（第7条） 8．辛罪（第8条）\n")
    assert kj5(text) == []


def test_a_heading_that_lost_its_opening_bracket_is_reported_once():
    text = "政府工作报告\n一、过去一年的工作\n（一）经济运行稳中有进。\n（二）产业升级步伐加快。\n三）改革开放持续深化。\n（四）城乡发展更趋协调。\n"
    # KJ507 says 三） is malformed; it is still item （三）, so no gap is reported at （四）
    assert kj5(text) == [("KJ507", 5)]


def test_a_list_interrupted_by_a_fresh_list_resumes_with_its_next_number():
    text = ("政府工作报告\n一、发展农业\n二、发展轻工业\n三、节约能源\n四、进行技术改造\n"
            "技术改造要着重做好以下几项工作：\n一、节约原材料\n二、改革产品结构\n三、合理利用资源\n"
            "五、整顿企业\n")
    assert kj5(text) == []
    assert kj5(text.replace("五、整顿企业", "六、整顿企业")) == [("KJ502", 10)]


def test_list_introduction_is_searched_near_the_end_only():
    """list_intro searches LIST_INTRO from its possible start only: the same answers as a search
    of the whole paragraph, whatever blanks, zero-width and private-use characters end it."""
    import random

    from kjlint.checks.structure import LIST_INTRO, SPEECH_INTRO, list_intro

    def reference(text: str) -> bool:  # the paragraph searched from its first character
        if LIST_INTRO.search(text):
            return True
        end = len(text.rstrip()) - 1
        if end < 0 or text[end] not in "。：:":
            return False
        start = max(text.rfind("。", 0, end), text.rfind("；", 0, end), text.rfind("！", 0, end)) + 1
        return SPEECH_INTRO.match(text, start) is not None

    rnd = random.Random(5)
    pieces = ["有", "下列", "如下", "以下", "情形之一的", "：", ":", "。", "；", "！", " ", "\u3000", "\u200b", "\ue000",
              "\uf8ff", "\u2003", "\n", "一", "三个", "两点", "讲", "谈", "问题", "作些阐述"]
    texts = ["".join(rnd.choices(pieces, k=rnd.randint(1, 24))) for _ in range(20000)]
    assert sum(list_intro(t) for t in texts) > 1000
    assert [t for t in texts if list_intro(t) != reference(t)] == []


def test_chapters_that_skip_a_number_or_lost_their_first_heading():
    rules = "某单位印章管理办法\n第一章 总则\n第一条 为规范印章管理，制定本办法。\n第二章 职责\n第二条 办公室负责保管。\n"
    assert kj5(rules + "第四章 附则\n第三条 本办法自印发之日起施行。\n") == [("KJ502", 6)]
    # articles from 第一条 under a first chapter past 第一章: its heading was lost
    lost = rules.replace("第一章 总则\n", "")
    assert kj5(lost) == [("KJ502", 3)]
    assert kj5(rules) == []
    # a site's outline of the chapters, then the text: 第一章 starts afresh
    assert kj5("某办法\n第一章 总则\n第二章 职责\n" + rules.split("\n", 1)[1]) == []
    # a chapter named in a sentence is no heading
    assert kj5("某办法\n第一条 按照第三章的规定，办公室负责保管。\n") == []


def test_a_pages_separator_lines_above_the_text_are_no_title():
    text = "-\n-\n1月28日，某局召开年度述职大会，各科室依次述职。\n会议对全年工作进行了评议。\n"
    assert kj5(text) == [("KJ506", 3)]
    assert kj5("2021年度述职大会召开\n" + text) == []


def test_a_theses_outline_of_chapters_described_in_sentences_skips_a_chapter():
    outline = ("某系统设计与实现\n本文共分五章，安排如下：\n第一章 绪论，介绍研究背景和国内外现状；\n"
               "第二章 说明系统的总体结构和主要模块；\n第三章 介绍硬件设计，包括电路和传感器；\n")
    assert kj5(outline + "第五章 总结全文，提出今后的改进方向。\n") == [("KJ502", 6)]
    assert kj5(outline + "第四章 总结全文，提出今后的改进方向。\n") == []


def test_a_contents_entry_whose_leader_is_one_ellipsis_is_still_an_entry():
    """A government page's 目录 typed as text: one entry's leader is the shortest, ……; the entries
    after it are the contents', not a list of the body starting at 六、 (a numbering gap)."""
    entries = ["一、部门职责………………4", "二、机构设置………………6", "三、收入决算情况说明……11",
               "四、支出决算情况说明……………12", "五、财政拨款支出说明……………13", "六、基本支出决算情况说明……16",
               "七、政府性基金支出说明…………19", "第二部分 附表……………39"]
    text = "某县财政局部门决算\n目 录\n" + "\n".join(entries) + "\n一、部门职责\n本局负责全县财政工作。\n"
    assert [f.code for f in lint_text(text) if f.code.startswith("KJ5")] == []


def test_a_line_naming_a_meeting_below_the_first_prose_paragraph_is_no_title():
    """A news page without its title: the lead, then a photo's caption naming a meeting."""
    lead = ("7月中旬，市里组织3个专项巡察组进驻各区开展扶贫领域专项巡察。连日来，各巡察组深入基层调查走访，"
            "查阅资料、受理举报、核实情况，全面了解基层存在的问题。")
    text = lead + "\n组织村里老党员召开座谈会，听取他们的心声\n巡察组还将继续开展工作。\n"
    assert [c for c, _ in kj5(text)] == ["KJ506"]
    # above the prose, the same kind of line is the title
    assert kj5("全市扶贫领域专项巡察工作座谈会召开\n" + lead + "\n") == []


def test_an_article_skipped_in_a_run_of_articles_is_a_gap():
    text = ("某公司项目跟投管理办法\n第一条 为规范项目跟投，制定本办法。\n第二条 本办法适用于公司各项目。\n"
            "第三条 跟投以自愿为原则。\n第五条 领导小组负责审议跟投方案。\n第六条 本办法自发布之日起施行。\n")
    found = [f for f in lint_text(text) if f.code == "KJ502"]
    assert [(f.line, text[f.offset:f.end_offset]) for f in found] == [(5, "第五条")]
    assert "第四条 missing" in found[0].message
    # a complete run, an excerpt starting at 第十条, a second text starting again at 第一条
    whole = ("某条例\n第十条 本条例自公布之日起施行。\n第十一条 本条例由市政府负责解释。\n"
             "附件\n第一条 为加强管理，制定本细则。\n第二条 本细则由市局负责解释。\n")
    assert [f for f in lint_text(whole) if f.code == "KJ502"] == []


def test_a_heading_mark_with_a_stray_comma_before_its_dun_hao_is_the_heading():
    """A page whose converter doubles its marks writes 二,、 for 二、 (one of this page's ,, and ,。)."""
    text = "某局工作计划\n二,、工作目标\n（一）优化发展环境,。积极协助政府改善环境。\n（二）规范办学行为,。加强管理。\n"
    assert kj5(text) == [("KJ502", 2)]  # 一、 missing, and （一） has its parent


def test_a_mark_with_a_stray_comma_before_its_enumeration_comma_is_the_mark():
    """二,、 (a converter's comma left before the 、) still numbers its heading: its （一） has a
    parent, and the 一、 the outline lacks is reported there."""
    text = "工作计划\n以科学发展观为指导,深入推进教育改革。\n二,、工作目标\n(一)优化发展环境。\n(二)规范办学行为。\n"
    assert kj5(text) == [("KJ502", 3)]
    assert kj5(text.replace("二,、", "一,、")) == []


def test_a_heading_is_as_long_as_it_reads_without_its_pinyin_annotations():
    """A long line without a full stop makes the `1.` below it a page number, but a heading whose
    words all carry pinyin (實(shí)施…工程) is short as it reads: its `1.` starts a list."""
    heading = "(一)實(shí)施災(zāi)害風(fēng)險(xiǎn)調(diào)查和重點(diǎn)隱患排查工程"
    assert len(heading) > 40
    items = "".join(f"{n}.開展地震災(zāi)害風(fēng)險(xiǎn)調(diào)查,完成第{n}批排查。\n" for n in (1, 2, 3))
    text = f"工作方案\n一、重點(diǎn)任務(wù)\n{heading}\n{items}"
    assert kj5(text) == []
    assert kj5(text.replace(heading + "\n", "")) == []  # the list under 一、 alone


def test_a_numeral_after_a_line_broken_at_di_is_no_heading():
    """第 ends no sentence: the 一、 starting the next line (完成新村第 / 一、二期工程) is the
    numeral it takes, not a heading out of order."""
    text = "工作计划\n二、主要工作任务\n1、深入开展调研。全面掌握基本情况。\n2、积极推进新村建设。年内要完成新村第\n一、二期工程,完善功能。\n3、抓好服务站建设。\n"
    assert kj5(text) == [("KJ502", 2)]
    assert ("KJ503", 5) in kj5(text.replace("新村第\n", "新村\n"))


def test_articles_that_skip_a_number_in_a_run_from_the_first():
    """第一条 … 第三条 / 第五条: article 4 is missing; articles quoted from elsewhere (a run that
    does not start at 第一条) or a second text starting at 第一条 again are no gap."""
    arts = ["第一条 为规范管理,制定本办法。", "第二条 本办法适用于各部门。", "第三条 项目实行跟投制度。",
            "第五条 领导小组负责审议。", "第六条 本办法自发布之日起施行。"]
    text = "管理办法\n" + "\n".join(arts) + "\n"
    found = [(f.code, f.line, text[f.offset:f.end_offset]) for f in lint_text(text, select=["KJ502"])]
    assert found == [("KJ502", 5, "第五条")]
    assert lint_text("管理办法\n" + "\n".join(arts[2:]) + "\n", select=["KJ502"]) == []
    restart = "\n".join(arts[:3]) + "\n另一办法\n第一条 为加强管理,制定本办法。\n第二条 本办法适用于全市。\n"
    assert lint_text("管理办法\n" + restart, select=["KJ502"]) == []
    garbled = text.replace("第五条 领导小组", "第四鐶 确定跟投比例。\n第五条 领导小组")
    assert lint_text(garbled, select=["KJ502"]) == []  # article 4 is there, its mark garbled


def test_articles_numbered_in_arabic_from_the_first_also_skip_a_number():
    """第1条 and 第01条 start a run of articles as 第一条 does (_article_gaps' pre-test looks for
    all three): 第01条 … 第03条 is a gap too."""
    for first, third, fifth in (("第1条", "第3条", "第5条"), ("第01条", "第03条", "第05条")):
        text = (f"管理办法\n{first} 为规范管理，制定本办法。\n{first.replace('1', '2')} 本办法适用于各部门。\n"
                f"{third} 项目实行跟投制度。\n{fifth} 领导小组负责审议。\n")
        found = [text[f.offset:f.end_offset] for f in lint_text(text, select=["KJ502"])]
        assert found == [fifth], first


def test_the_numeral_is_prescan_finds_each_numeral_before_shi():
    """enumeration_sequence's candidates are where the numeral before 是 stands, at the text's
    very start too (the scan finds the 是 and looks behind it)."""
    from kjlint.checks.structure import _NUMERAL_IS

    text = "一是甲。这是乙，三是丙；十是丁。是"
    assert [m.start() - 1 for m in _NUMERAL_IS.finditer(text)] == [0, 8, 12]
    assert ("KJ505", 1) in kj5("一是甲。三是乙。\n")  # the gap, its 一是 at offset 0


def test_heading_level_parses_a_paragraph_once(monkeypatch):
    # KJ5's outline and KJ3's empty headings ask about the same paragraphs again: the parse of a
    # text that starts as numbering may is remembered (not that of the others: refused at once).
    from kjlint.checks import structure as S

    calls = []

    class Counting:
        def __init__(self, regex):
            self.regex = regex

        def match(self, text):
            calls.append(text)
            return self.regex.match(text)

    monkeypatch.setattr(S, "_ANY_LEVEL", Counting(S._ANY_LEVEL))
    S._numbered_heading_level.cache_clear()
    first = [S.heading_level(t) for t in ("（二）保障措施", "3．完善制度", "正文一段。")]
    again = [S.heading_level(t) for t in ("（二）保障措施", "3．完善制度", "正文一段。")]
    assert first == again == [(2, 2, 3), (3, 3, 2), None]
    assert calls == ["（二）保障措施", "3．完善制度"]
    S._numbered_heading_level.cache_clear()  # the counting wrapper's answers are not kept


def test_a_first_heading_run_on_after_the_intro_paragraphs_last_sentence_is_the_parent():
    """…全力推进教育高质量发展。一、成绩亮点 / （一）…: the 一、 is there, glued to the paragraph
    above (fresh10 p103, invented text); without it （一） still has no parent."""
    intro = "今年以来，全区教育系统全面落实立德树人根本任务，全力推进教育高质量发展。"
    items = "\n（一）彰显担当：政府履职评价再度夺冠。全年完成各项任务。\n（二）幼有善育：学前教育工程全面达标。公办园增至12所。\n"
    title = "某区教育局2023年工作总结\n"
    assert [f for f in lint_text(title + intro + "一、成绩亮点" + items) if f.code == "KJ504"] == []
    assert [f.code for f in lint_text(title + intro + items) if f.code == "KJ504"] == ["KJ504"]
