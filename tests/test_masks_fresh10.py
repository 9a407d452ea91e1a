"""Masks, deleted values and fused list numbers missed on session 15's independent pages set
fresh10 (issue #11): 某 put in place of the place a document is about (KJ201), a head count
deleted before 人 and a place deleted before the count of its villages (KJ207), a list item's
number run into the year its item starts with (KJ507).
Invented text reproducing the pages' patterns; each bad case fails without its mechanism, each
good case guards a look-alike."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text


def found(text: str, code: str) -> list[str]:
    """The text of each finding of the rule `code` with the default rules."""
    return [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == code]


# -- 某 in place of the place's name (KJ201) ----------------------------------------------------------

@pytest.mark.parametrize("text, hits", [
    # in the title and the body
    ("关于某县农业产业化发展的调研报告\n近年来，某县坚持产业兴农，成效明显。\n", 2),
    # the subject, named twice in the body
    ("林业工作总结\n2023年，省林业局下文同意某县创建国家储备林基地。某县随即成立工作专班。\n", 2),
    # 某某 and a town
    ("某某镇2022年工会工作总结\n一年来，某某镇总工会围绕中心、服务大局。\n", 2),
])
def test_mou_for_the_place_the_document_is_about(text, hits):
    assert found(text, "KJ201") == ["某某" if "某某" in text else "某"] * hits


@pytest.mark.parametrize("text", [
    # once, in a title: left alone on purpose (examples and test records write their stand-in so)
    "某区科技局2023年工作总结\n今年我局认真贯彻落实各项决策部署。\n",
    # named once in passing: an anecdote
    "安全生产调研报告\n笔者在调研时，听到某县分管安全生产的副县长说，人手不足。\n",
    # a text that hides people as 张某: anonymous on purpose (a case, a judgment)
    "典型案例\n某县村民张某在自家院内违法搭建，某县执法局依法拆除。\n",
    # words that go on after the unit
    "监管工作总结\n某市场主体多次违规，某区域内的某市场秩序混乱。\n",
    # 关于某 / 对于某: no surname
    "工作报告\n关于某些问题的说明。对于某种情况，应当及时报告。\n",
])
def test_mou_of_the_text_itself_is_no_mask(text):
    assert found(text, "KJ201") == []


# -- head counts and place names deleted (KJ207) --------------------------------------------------------

def test_a_head_count_deleted_before_ren():
    text = ("换届工作总结\n3. 参选情况：全村共有选举权选民人，实际参与人，选民参选率89%；"
            "党员应到人、实到人，党员参选率97%。\n")
    assert found(text, "KJ207") == ["人", "人", "人", "人"]


def test_a_place_deleted_before_the_count_of_its_villages():
    text = "换届工作总结\n1. 完成进度：截至2024年3月，区17个村按期完成换届。\n"
    assert found(text, "KJ207") == ["区"]


@pytest.mark.parametrize("text", [
    "整改工作总结\n将整改任务细化分解，落实到人，切实到人，确定项目负责人，法定代表人，出席人员20人。\n",
    "换届工作总结\n全区17个村按期完成换届，选民参选率89%，党员应到58人、实到56人。\n",
])
def test_whole_counts_and_words_ending_in_ren_are_no_gaps(text):
    assert found(text, "KJ207") == []


# -- a list item's number run into its year (KJ507) ---------------------------------------------------

def test_an_item_number_fused_with_the_year_it_starts_with():
    text = ("关于适用刑法时间效力规定的解释\n11997年9月25日审判委员会通过\n21997年9月25日公布\n"
            "为正确适用刑法，现就有关问题规定如下。\n")
    assert found(text, "KJ507") == ["1", "2"]


@pytest.mark.parametrize("text", [
    "关于适用刑法时间效力规定的解释\n1.1997年9月25日通过\n2. 1997年9月25日公布\n",
    # a page number glued to the title on the first line is KJ605's
    "12023年街道工作规划\n今年是实施规划的关键之年。\n",
    "工作总结\n全年接待游客11997人次，2023年增长12%。\n",
])
def test_separated_numbers_and_figures_are_no_fused_item(text):
    assert found(text, "KJ507") == []
