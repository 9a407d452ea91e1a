"""KJ207 (deleted-value) by what a deletion leaves, not by phrases (issue #11, item 4): a unit that
cannot stand without a number, a year deleted before what it dates, a name deleted before 同志, a
dot left for a deleted word in a text whose full stop is 。.
Synthetic text; each bad case fails without its pattern, each good case guards a look-alike."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

TITLE = "某区街道2023年工作总结\n"


def kj207(text: str) -> list[str]:
    """The text of each KJ207 finding with the default rules."""
    return [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == "KJ207"]


@pytest.mark.parametrize("line, hit", [
    ("累计拆除违章建筑物平方米。", "平方米"),
    ("接待外地参观人员批多人次，反响良好。", "人次"),  # 多 with nothing before it
    ("新增注册资本金.亿元，增长较快。", "亿元"),  # a decimal point with nothing before it
    ("引进明华科技有限公司（注册资本万元）。", "万元"),
    ("完成造林公顷，新修道路公里。", "公顷"),
    ("其中：万以上项目12个。", "万"),
])
def test_a_unit_with_no_number_before_it(line, hit):
    assert kj207(TITLE + line + "\n")[:1] == [hit]


@pytest.mark.parametrize("line", [
    "累计拆除违章建筑物1200平方米，接待参观人员3批200多人次。",
    "新增注册资本金2.5亿元，投资近亿元，千余人次参加，面积十四萬多公里。",
    "全年接待游客人次、旅游花费分别增长12%和15%。",  # a quantity's name, not a value
    "商品房均价每平方米8000元，租金为30元/平方米，辖区面积175平方公里。",
    "罚没金额（万元）见下表。",  # a table's heading
    "本题有效填写人次\n188",  # a table's row label
    "投入资金锟斤拷锟斤拷万元，改善办学条件。",  # a figure turned to mojibake (KJ4)
    # 万/亿 is the number after a verb of passing it: 新增就业人员突破万人 (ten thousand)
    "新增城镇就业人员突破万人，吸纳高校毕业生7450人。",
    "全年交易额首次破亿元，带动农户增收突破万余元，服务群众突破万余人次。",
])
def test_a_unit_after_a_number_or_naming_a_quantity_is_whole(line):
    assert kj207(TITLE + line + "\n") == []


@pytest.mark.parametrize("text, hit", [
    ("某区科技局年总结\n", "年"),  # the office in a title, then the year's place
    ("工作回顾\n及年工作思路\n", "年"),
    ("工作回顾\n年科技局在管委会的领导下，推进各项工作。\n", "年"),  # at a paragraph's start
    (TITLE + "提供一条龙服务。年我局引进企业12家。\n", "年"),  # at a sentence's start
    (TITLE + "年教育工作要全面贯彻党的教育方针。\n", "年"),
])
def test_a_year_deleted_before_what_it_dates(text, hit):
    assert kj207(text) == [hit]


@pytest.mark.parametrize("text", [
    "某区科技局年度工作总结\n",  # 年度 is a word
    TITLE + "年末全区耕地稳定在5万亩以上。\n年度工作计划已经印发。\n",
    "某镇2023\n年政府工作报告\n",  # a year broken across lines
    TITLE + "局年终总结会议已经召开。\n",
])
def test_a_word_that_starts_with_nian_is_whole(text):
    assert kj207(text) == []


def test_a_name_deleted_before_tongzhi():
    text = TITLE + "刚才，同志作了工作安排。受组织部长同志委托，我讲几点意见。\n"
    assert kj207(text) == ["同志", "同志"]
    # an address, a named comrade and the guests of a session are whole
    whole = TITLE + "同志们：\n刚才，李明同志作了工作安排，请列席同志提出意见。\n"
    assert kj207(whole) == []


def test_a_dot_left_for_a_deleted_word_in_a_text_that_ends_sentences_with_the_chinese_full_stop():
    text = TITLE + "深入学习贯彻党的.精神及.系列重要讲话精神。全面推进各项工作。年底前完成验收。\n"
    assert kj207(text) == [".", "."]
    # where `.` is the text's full stop, a dot after 的 ends a sentence
    stops = TITLE + "我们的成绩是巨大的.但是任务仍然艰巨.全面推进各项工作.年底前完成验收。\n"
    assert kj207(stops) == []
    # a dot after a character that ends words (经济.事业, a domain name 教育部.政务) is no gap here
    assert kj207(TITLE + "发展三大经济.事业。全面推进各项工作。年底前完成验收。\n") == []


def test_count_deleted_between_its_verb_and_its_counter():
    """新增户， / 达台次； : the verb takes a number, the counter closes the clause, nothing between."""
    text = "对公客户较年初新增户，完成全年计划。全年手术量达台次；门诊量达12万人次，新增5户，达到3台次。\n"
    found = [(f.code, text[f.offset:f.end_offset]) for f in lint_text(text) if f.code == "KJ207"]
    assert found == [("KJ207", "户"), ("KJ207", "台次")]
    # a word that ends in the counter, and a quantity's name: no count left out
    assert [f for f in lint_text("帮扶贫困户，调查出动车辆台次、人次，新增户数稳定。\n") if f.code == "KJ207"] == []


# Shapes the lost13 pages showed (sharing sites that delete figures rather than mask them): a
# multiple, a unit after a quoted name, 万余/万人次 with no number, a rate's figure before its
# slash, a date's month and day, a count between a noun and its counter, a rank.
@pytest.mark.parametrize("line, hits", [
    ("全社会固定资产投资比“九五”增长倍。", ["倍"]),
    ("财政收入是上年的倍。", ["倍"]),
    ("年均增长11%，高于“九五”个百分点。", ["个百分点"]),
    ("发放宣传资料万余份，累计完成核酸筛查万人次，接种疫苗万剂次。", ["万余", "万人次", "万剂次"]),
    ("检测能力从最初的份/日提升至万份/日。", ["份", "万份"]),
    ("截至月日，今年月日——月日开展宣传周活动，于年月日召开总结会。", ["月日", "月日", "月日", "月日"]),
    ("共办理法律援助案件件，其中民事案件件、刑事案件件，获赠锦旗面、调解纠纷起。",
     ["件", "件", "件", "面", "起"]),
    ("在绩效考核中上升至第名，位居全国前，数量全市第位。", ["名", "前", "位"]),
])
def test_a_figure_deleted_before_its_multiple_date_counter_or_rank(line, hits):
    assert kj207(TITLE + line + "\n") == hits


@pytest.mark.parametrize("line", [
    "收入成倍增长，实施倍增计划，产量增长数倍，倍数效应明显，收入翻了一倍。",
    "参加活动十万余人，全年接待游客数万人次，法律援助公示牌进万村。",
    "出生年月日：\n每月日均接待群众，日清月结。",
    "做好项目个性化服务，会议次日召开，活动场所对外开放。",
    "位居全省前列，名列全国前茅，第一名。",
    "检测能力达到5000份/日，人均100元/人。",
])
def test_whole_multiples_dates_counters_and_ranks_are_no_gaps(line):
    assert kj207(TITLE + line + "\n") == []


def test_a_session_or_meeting_number_deleted_before_the_congress_or_meeting():
    """届 needs the number of its session (某市届人民代表大会), 第…会议 the meeting's (常务委员会第会议):
    a place or an organ right before them shows the number was deleted."""
    text = "关于征求意见的公告\n某市届人民代表大会常务委员会第会议对条例草案进行了初次审议，县届政协委员列席。\n"
    assert kj207(text) == ["届", "会议", "届"]
    clean = ("关于征求意见的公告\n市十五届人民代表大会常务委员会第二十次会议听取了本届和历届人大代表的意见，"
             "第一次全体会议、首届政协委员座谈会和换届委员会会议如期召开，次第会议不再举行。\n")
    assert kj207(clean) == []
