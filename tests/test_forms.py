"""Masks a text publishes on purpose (kjlint.forms): the forms attached to a regulation, the
wording a provision prescribes and a notation it defines are not values left out; a draft's
masks, in the same words, still are."""
from __future__ import annotations

from kjlint.engine import lint_text


def kj2(text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.offset:f.end_offset]) for f in lint_text(text, select=["KJ2"])]


ARTICLES = "\n\n".join([
    "第一条 为规范协助办理事项，制定本办法。",
    "第二条 协助单位应当在收到通知后及时办理。",
    "第三条 本办法自2024年3月1日起施行。",
])
FORM = "\n\n".join([
    "×××区人民法院",
    "协助办理通知书",
    "（××××）……号",
    "×××管理所：",
    "根据本院（××××）……号决定，请于××××年××月××日前协助办理下列事项。",
    "××××年××月××日",
    "（院印）",
])


def test_a_form_attached_to_a_regulation_is_not_a_draft_with_masks_left_in():
    assert kj2(ARTICLES + "\n\n附件：通知书参考样式\n\n" + FORM) == []
    # an attachment laid out as a form (a seal's place on its own line) is one without the word
    assert kj2(ARTICLES + "\n\n附件2\n\n" + FORM) == []
    # the same lines in a draft, not declared as a form: every mask is reported
    found = kj2("关于协助办理事项的报告\n\n" + FORM.replace("（院印）", "特此报告。"))
    assert len(found) == 10 and {code for code, _ in found} == {"KJ201"}


def test_an_attachment_that_is_no_form_is_still_judged():
    text = ARTICLES + "\n\n附件：重点项目清单\n\n全区新建学校××所，新增学位3000个。"
    assert kj2(text) == [("KJ201", "××")]


def test_a_mask_left_in_an_article_of_a_regulation_is_still_found():
    text = ARTICLES + "\n\n第四条 本市已建成服务站××个。\n\n附件：通知书参考样式\n\n" + FORM
    assert kj2(text) == [("KJ201", "××")]


def test_wording_a_regulation_prescribes_in_quotation_marks_keeps_its_slots():
    article = "第四条 决定书以“×××市××区人民法院”名义作出，加盖院印。"
    assert kj2(ARTICLES + "\n\n" + article) == []
    # a report quoting a name with a mask in it (no articles): the name is missing
    assert kj2("我局荣获“×××市先进集体”称号。") == [("KJ201", "×××")]
    # a template of rules, its date masked too, is a draft: its masks are values left out
    template = ARTICLES.replace("2024年3月1日", "20xx年x月x日")
    assert [m for _, m in kj2(template + "\n\n" + article)] == ["xx", "x", "x", "×××", "××"]


def test_a_format_a_regulation_declares_and_defines_is_notation():
    text = ARTICLES + "\n\n" + "\n\n".join([
        "第四条 登记证编号的编排方式为：",
        "×1登×2××××3。其中：",
        "×1为登记机关所在地的简称；",
        "×2为登记类别；",
        "××××3为登记流水号。",
        "变更登记的，××××3不变。",
        "第五条 窗口人员应当使用的规范用语是：请于××日内补正材料。",
    ])
    assert kj2(text) == []
    # the same lines in a work report: masks left in
    assert ("KJ201", "××") in kj2("今年工作安排如下。\n\n请于××日内补正材料。")


def test_a_unit_that_is_a_product_is_no_mask():
    assert kj2("影响范围不满五万（用户×小时）的，按一般事件处理。") == []
    assert kj2("全年走访企业××家。") == [("KJ201", "××")]


def test_a_name_or_unit_name_alternative_is_no_template_slot():
    assert kj2("所有人姓名（单位名称）变更的，应当申请变更登记。") == []
    assert kj2("报送单位：（单位名称）") == [("KJ205", "（单位名称）")]


def test_a_mask_quoted_as_an_example_of_a_format_is_no_value_left_out():
    """A text on how to write a document quotes its patterns (issue 11, fresh4 g025/g043/g045)."""
    guide = "\n".join([
        "1. 标题",
        "标题应简洁明了，一般为“关于××的报告”。",
        "2. 收文单位",
        "明确写出收件单位名称，如“××县人民政府”。",
        "计划一般不以文件形式下发，往往还要在文后标明“×年×月×日制定”字样。",
        "从内容和写法上说，规划比较概括，如《××省经济发展十年规划》，《××省产业结构调整规划》等。",
    ])
    assert kj2(guide) == []
    # the same masks quoted as names in a report give no example: they are values left out
    report = "我局荣获“×××市先进集体”称号，承办了《××省经济发展十年规划》编制工作。"
    assert kj2(report) == [("KJ201", "×××"), ("KJ201", "××")]
    # and a mask outside the quotation marks of an example is still judged
    assert kj2("标题一般为“关于××的报告”，全年完成××项。") == [("KJ201", "××")]


def test_an_instruction_to_fill_in_an_attachment_is_no_slot():
    text = "请于1月20日前书面报区政府督查室（填写附件1），并报送电子版（填写附件2）。"
    assert kj2(text) == []
    assert kj2("报送时间：（填写日期）") == [("KJ205", "（填写日期）")]


# A procurement document (invented): its own chapters, then the chapter of reply forms the
# supplier fills in (a letter, a price table, sections to write), each signed and sealed.
TENDER_OWN = [
    "设备采购招标文件",
    "第1章 投标邀请",
    "采购人邀请合格供应商参加投标。",
    "第2章 投标人须知",
    "投标截止时间另行通知。",
]
TENDER_FORMS = [
    "第3章 投标文件格式",
    "投标函",
    "我方愿以人民币______________元的报价完成本项目。",
    "投标人名称（公章）：____________________",
    "日期：______年______月______日",
    "报价表",
    "报价应包含全部费用。",
    "投标人名称（公章）：____________________",
    "日期：______年______月______日",
    "一、供应商制定的《服务方案》",
    "二、供应商制定的《实施计划》",
]


def test_a_chapter_of_reply_forms_is_the_suppliers_to_fill_in():
    text = "\n\n".join(TENDER_OWN + TENDER_FORMS + ["第4章 评标办法", "评标委员会按综合评分法评审。"])
    found = [(f.code, text[f.offset:f.end_offset]) for f in lint_text(text, select=["KJ1", "KJ2", "KJ303"])]
    assert found == []
    # a blank in the purchaser's own chapter (after the forms) is still a value left out
    own_blank = text + "\n\n评标委员会由______人组成。"
    assert [f.code for f in lint_text(own_blank, select=["KJ2"])] == ["KJ203"]


def test_a_chapter_named_for_a_format_without_a_signature_is_judged():
    # a technical report's chapter on a data format: no form in it, its blanks are left out
    text = "\n\n".join(TENDER_OWN + ["第3章 数据格式设计", "每条记录长______字节。", "第4章 评标办法", "按综合评分法。"])
    assert [f.code for f in lint_text(text, select=["KJ2"])] == ["KJ203"]
    # the same lines in a draft without the chapter: every blank is reported
    body = "\n\n".join(TENDER_OWN + TENDER_FORMS[1:])
    assert sum(f.code == "KJ203" for f in lint_text(body, select=["KJ2"])) >= 5


def test_an_attachment_inside_a_chapter_ends_with_that_chapter():
    # 附件：密封袋格式 under 第3章 is a form; 第4章's contract template after it is the purchaser's
    text = "\n\n".join(TENDER_OWN + ["第3章 响应文件格式", "附件：密封袋格式", "项目编号：",
                                     "（公章）", "第4章 合同条款", "本合同一式XX份。"])
    assert [(f.code, text[f.offset:f.end_offset]) for f in lint_text(text, select=["KJ2"])] == [("KJ201", "XX")]


def test_a_name_or_words_the_reader_is_told_to_give_are_a_pattern():
    # 命名“…”, 加上“…”: the instruction quotes what to write, its slots included
    text = "请另起一个文件夹，命名“xxx支队__活动材料”，并在每个人的总结最后加上“（姓名）”，以便区分。"
    assert kj2(text) == []
    # a report quoting a name with a slot in it still left the slot unfilled
    assert kj2("本次活动由“xxx支队”承办，共____人参加。") == [("KJ201", "xxx"), ("KJ203", "____")]
