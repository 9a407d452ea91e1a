"""KJ1 in judicial interpretations and legislatures' decisions told by their head (title with the
issuing court or procuratorate, the line recording their adoption, a 法释 number): they number
provisions 一、/1. instead of 第X条 and word parallel provisions alike on purpose, as a law does
(false alarms of ../shared/corpus's judicial interpretations, session 19). Invented text in the
shapes those documents have; the same body under a work report's title is still reported."""
from __future__ import annotations

from kjlint import lint_text

PARALLEL = [
    "一、申请人为自然人的，申请书应当载明该人的姓名、住所；申请人为法人或者其他组织的，应当载明其名称、住所。",
    "二、被申请人为自然人的，申请书应当载明该人的姓名、住所；被申请人为法人或者其他组织的，应当载明其名称、住所。",
    "三、本规定自公布之日起施行。",
]


def kj1(lines: list[str]) -> list[str]:
    return [f.code for f in lint_text("\n".join(lines) + "\n", select=["KJ1"])]


def test_parallel_provisions_of_an_interpretation_told_by_its_title_are_no_repeat():
    head = ["最高人民法院关于内地与某地区相互执行仲裁裁决的规定", "为执行仲裁裁决，根据有关法律，制定本规定。"]
    assert kj1(head + PARALLEL) == []
    # the same provisions in a work report: a paragraph nearly pasted twice
    assert kj1(["某局2023年工作总结", "今年以来，我局认真做好各项工作。"] + PARALLEL) == ["KJ102"]


def test_an_adoption_line_or_a_legal_number_tells_the_interpretation_too():
    for line in ("（2019年6月18日最高人民法院审判委员会第1069次会议通过）", "法释〔2019〕3号"):
        assert kj1(["关于执行仲裁裁决的安排", line, "为执行仲裁裁决，制定本安排。"] + PARALLEL) == []


def test_a_provision_pasted_twice_in_one_item_of_an_interpretation_is_still_reported():
    head = ["最高人民法院关于内地与某地区相互执行仲裁裁决的规定", "为执行仲裁裁决，根据有关法律，制定本规定。"]
    pasted = [PARALLEL[0], PARALLEL[0].removeprefix("一、"), *PARALLEL[1:]]
    assert kj1(head + pasted) == ["KJ101"]


def test_two_lists_of_one_article_each_under_its_lead_in_are_no_repeated_block():
    body = ["关于办理某类刑事案件适用法律若干问题的解释",
            "第一条 为依法惩治相关犯罪，制定本解释。",
            "第二条 依法被指定的企业违规制造、销售物品的，依照法律规定定罪处罚。",
            "具有下列情形之一的，属于“情节严重”：",
            "（一）违规制造受管制的专用物品20件以上的；", "（二）违规销售受管制的专用物品10件以上的；",
            "（三）虽未达到上述数量标准，但造成严重后果的。",
            "具有下列情形之一的，属于“情节特别严重”：",
            "（一）违规制造受管制的专用物品50件以上的；", "（二）违规销售受管制的专用物品30件以上的；",
            "（三）达到前款规定的数量标准，并造成严重后果的。",
            "第三条 本解释自公布之日起施行。"]
    assert kj1(body) == []
