"""KJ2 placeholders and masks: what is flagged, what is not, and what the message says is missing."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text


def kj2(text: str):
    return lint_text(text, select=["KJ2"])


@pytest.mark.parametrize("text, code, masked, kind", [
    ("xx区科技局在区委的正确领导下开展工作。", "KJ201", "xx", "a name"),
    ("x.xx-xx日我局组织辖区企业开展培训。", "KJ201", "x.xx-xx", "a date"),
    ("xx月拟举办高端论坛。", "KJ201", "xx", "a date"),
    ("根据x府字xx文件兑现科技奖励。", "KJ201", "x府字xx", "a document number"),
    ("我区申报高新技术企业x家。", "KJ201", "x", "a count"),
    ("与x大学长期合作。", "KJ201", "x", "a name"),
    ("争取上级资金xx万元。", "KJ201", "xx", "an amount"),
    ("今年共走访企业××家。", "KJ201", "××", "a count"),
    ("全年争取上级资金*万元。", "KJ202", "*", "an amount"),
    ("认真贯彻__会议精神。", "KJ203", "__", "a name"),
    ("全年共培训＿＿人次。", "KJ203", "＿＿", "a count"),
    ("报送日期：    年  月  日", "KJ204", "    年  月  日", "a date"),
    ("全年实施重点项目    个。", "KJ204", "    ", "a count"),
    ("【单位名称】2023年工作总结", "KJ205", "【单位名称】", "a name"),
    ("报送时间：（填写日期）", "KJ205", "（填写日期）", "a date"),
    ("【單位名稱】2023年工作總結", "KJ205", "【單位名稱】", "a name"),
    ("□□局2023年工作总结", "KJ206", "□□", "a name"),
    ("○○镇全年完成造林500亩。", "KJ206", "○○", "a name"),
])
def test_masks_are_flagged_once_with_the_missing_kind(text, code, masked, kind):
    findings = kj2(text)
    assert [(f.code, text[f.offset:f.end_offset]) for f in findings] == [(code, masked)]
    assert kind in findings[0].message


@pytest.mark.parametrize("text", [
    "全区GDP增长5.2%，X射线检测设备投入使用。",
    "服务器采用x86架构，展板尺寸为3×4米，面积按长×宽计算。",
    "共投入Windows XP终端20台，iPhone X两台。",
    "y=2x+1，函数在x=3处取得极值。",
    "* 项目申报\n* 企业培训\n",
    "全年争取上级资金1200万元，**重点工作**全面完成。",
    "二○○三年建成投产，是否签约：□是 □否",
    "配置文件为config_file.yaml，变量名为__init__。",
    "表1 主要指标完成情况（单位：万元）",
    "【工作亮点】全年完成投资1200万元，高 企申报工作稳步推进。",
    "一是抓好粮食生产；二是推进产业发展，进一步推动高质量发展。",
    "报送日期：2023年5月6日",
])
def test_real_text_is_not_flagged(text):
    assert kj2(text) == []


def test_each_mask_in_a_run_of_date_parts_is_its_own_finding():
    text = "xxxx年x月，我区申报高新技术企业x家。"
    assert [text[f.offset:f.end_offset] for f in kj2(text)] == ["xxxx", "x", "x"]


def test_kj2_kj3_kj6_patterns_do_not_backtrack_on_long_runs():
    # Runs of one character are the worst case for a pattern that rescans a run from every
    # position (quadratic: minutes at this size). Linear patterns finish in seconds.
    from helpers import run_python

    code = ("from kjlint import lint_text\n"
            "for ch in [' ', '\\u3000', 'a', 'x', '_', '*', '(', '\\u5e74', '3\\u3001', '\\n']:\n"
            "    lint_text(ch * 300_000, select=['KJ2', 'KJ3', 'KJ6'])\n"
            "print('ok')\n")
    out = run_python(code, timeout=240)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-2000:]


def test_a_heading_in_braces_with_its_text_below_is_no_slot():
    """●{成长} on a line of its own with its text below is a heading dressed in braces; a braced
    label that names a value (名称, 日期…), one inside a sentence and one with nothing below are slots."""
    text = ("二、【我的成长与不足】\n●{成长}\n入职以来，我熟悉了药品生产的全流程。\n{不足}\n"
            "（1）遇到棘手的问题，处理得还不够完美。\n")
    assert [f.code for f in kj2(text)] == []
    for slot in ("●{单位名称}\n全年完成投资500万元。\n", "全年完成{成长}任务。\n", "●{成长}\n\n"):
        assert [f.code for f in kj2(slot)] == ["KJ205"], slot


@pytest.mark.parametrize("text", [
    "背景修改为“*微观：新生尚未了解学习环境。*中观：尚未有完整的流程。*宏观：急需产业整合人才。”",
    "私有地址有三段：10.*.*.*，172.16.*.*至172.31.*.*，192.168.*.*。",
    'openFile.Filter = "*.xls|*.xlsx";//所有文件(*.*)|*.*',
    "        box-shadow:5px 5px 10px #000;   /*设置外阴影*/",
    "TAPEX将SQL查询和扁平化的表T*拼接起来，A*算法用于寻路。",
])
def test_asterisks_of_bullets_code_and_notation_are_no_masks(text):
    """* as a bullet before a label and its colon, in an IP wildcard, a file filter, a code
    comment, or after a Latin letter (T*, A*) hides nothing."""
    assert [f.code for f in kj2(text)] == []


@pytest.mark.parametrize("text", ["全年争取上级资金*万元。", "于*.*召开推进会。", "“***”惠民行动取得实效。"])
def test_asterisk_masks_are_still_masks(text):
    assert [f.code for f in kj2(text)] == ["KJ202"]


def test_an_unmerged_mail_merge_field_of_a_word_file_is_a_slot(tmp_path):
    """A mail-merge template (a certificate, a contract) shows each field as «name» until it is
    merged: what is left so has never been filled in. Merged, the field shows its value."""
    from docx_maker import make_docx
    from kjlint.docx import read_docx
    from kjlint.engine import LintOptions, lint_document

    blocks = [("title", "在职证明"), ("mergefield", "兹证明", "姓名", "«姓名»", "同志自2020年起在我公司任职。"),
              ("mergefield", "身份证号：", "id_no", "«id_no»", "。"),
              ("mergefield", "岗位：", "job", "软件工程师", "。")]
    doc = read_docx(make_docx(tmp_path / "证明.docx", blocks))
    found = [doc.text[f.offset:f.end_offset] for f in lint_document(doc, opts=LintOptions(codes={"KJ205"}))]
    assert found == ["«姓名»", "«id_no»"]


def test_a_slot_that_says_its_value_is_still_to_come():
    assert [doc for doc in kj2("通过[保障方式，待核实]等方式落实必要条件。") if doc.code == "KJ205"]
    assert not kj2("该刊物名为«Le Monde»，创刊于1944年。")


def test_every_copy_of_a_mask_the_page_shows_twice_is_one():
    """A page masks one way throughout: a copy of `xxxx`, `**` or `__` the patterns do not place
    is reported once the same token is found twice elsewhere; Latin words and formulas are not."""
    def masks(text):
        return [(f.code, text[f.offset:f.end_offset], f.offset) for f in lint_text(text) if f.code.startswith("KJ2")]
    assert ("KJ201", "xxxx", 5) in masks("实现GDPxxxx万元，增长xx%，完成xxxx万元，全年xxxx亿元。\n")
    assert ("KJ201", "x", 16) in masks("全乡x-x月增长x%，人口控制在x‰以内，税收增长x%。\n")
    assert ("KJ203", "__", 4) in masks("回望20__，__县中医医院，20__年我们__县。\n")
    found = masks("做大**码头、**万达、**、**、**公园。\n")
    assert [o for _, _, o in found] == [2, 7, 12, 15, 18]
    # once only: no page-wide mask to go by
    assert masks("实现GDPxxxx万元，完成xxxx万元。\n") == [("KJ201", "xxxx", 14)]
    # a letter or digit beside a copy in the same case: a word, a formula, an identifier
    text = "Linux系统xx台，xx家企业，Exxon公司，3x3矩阵x%，x%，file__name，__县__镇。\n"
    assert {t for _, t, o in masks(text)} == {"xx", "x", "__"}
    assert not [o for _, _, o in masks(text) if text[o - 1].isascii() and text[o - 1].isalnum()]
    # a letter joined to a Latin word by a hyphen is an axis or a term: x-pitch
    assert masks("前x月增长x%，坐标系中x-pitch，y-roll。\n") == [("KJ201", "x", 1), ("KJ201", "x", 5)]
    # a figure past the joiner leaves it a masked digit: 1.×亿
    assert ("KJ201", "×", 8) in masks("装机×万，达1.×亿千瓦，新增×家。\n")


def test_a_blank_on_a_choice_to_tick_is_the_respondents():
    # a questionnaire's option `( ) 其他（请说明）____`: written in by whoever ticks it
    text = "调查问卷\n\n5. 您的职业是？\n   - ( ) 学生\n   - ( ) 其他（请说明）__________\n□其他____"
    assert [f.code for f in lint_text(text, select=["KJ203"])] == []
    # the same blank in a sentence of the report is a value left out
    assert [f.code for f in lint_text(text + "\n共有____人参加。", select=["KJ203"])] == ["KJ203"]


def test_an_x_in_a_series_with_y_in_the_same_place_is_an_axis():
    for text in ("每行依次为时间戳，加速度x，加速度y，加速度z。", "机器人右边为x正方向，前方为y正方向，头顶上方为z正方向。"):
        assert [f.code for f in lint_text(text, select=["KJ201"])] == [], text
    # an x alone in the same words is a figure left out
    assert [f.code for f in lint_text("加速度x，共x人参加。", select=["KJ201"])] == ["KJ201", "KJ201"]


def test_a_bracket_naming_an_enumeration_or_a_widget_asks_for_nothing():
    for text in ("IPO：Input & Process & Output(输入、处理、输出)", "配置项包含区域名称（输入框）、停车场（输入框）。"):
        assert [f.code for f in lint_text(text, select=["KJ205"])] == [], text
    # an instruction to type a value still is a slot
    assert [f.code for f in lint_text("姓名：（输入姓名）", select=["KJ205"])] == ["KJ205"]


def test_a_format_verb_of_quoted_code_is_no_deleted_percentage():
    code = '调用 kv.log("shardTogid:%v, gid:%v, status: %d", id) 打印日志。'
    assert [f.code for f in lint_text(code, select=["KJ207"])] == []
    assert [f.code for f in lint_text("占比：%，同比增长%。", select=["KJ207"])] == ["KJ207", "KJ207"]


def test_a_symbol_run_opening_a_line_before_a_space_is_a_marker_not_a_mask():
    # Modelled on a news page whose section heads open with `■■■ ` and a separator line.
    text = "■■■ 坚持稳中求进工作总基调\n全年新增就业岗位1200个。\n■■■■■■\n□□局负责组织实施。"
    assert [(f.code, text[f.offset:f.end_offset]) for f in kj2(text)] == [("KJ206", "□□")]


def test_an_x_opening_each_line_of_a_sites_menu_is_its_icon():
    """(session 22: fresh17 p015, a data site's menu) the icon an x stands for, line after line; an x
    line alone and an x in a sentence stay masks."""
    from kjlint.engine import lint_text

    menu = "在线数据\nx中国宏观月度数据\nx中国宏观年度全国数据\nx中国城市统计数据\n"
    assert lint_text(menu + "全年组织企业参加培训。\n", select=["KJ201"]) == []
    text = "x中国数据\n组织x家企业参加培训。\n"
    assert [f.line for f in lint_text(text, select=["KJ201"])] == [1, 2]


def test_a_signing_date_whose_day_was_left_blank_is_a_blank():
    """gov22 g04, fresh12 p044: 2020年4月 日 under the issuer, ——2022年1月 日在…会议上."""
    for text in ("某某县人民政府\n2020年4月 日\n", "——2022年1月 日在某某市第六届人民代表大会第一次会议上\n"):
        assert [f.code for f in lint_text(text, select=["KJ204"])] == ["KJ204"], text
    assert lint_text("2020年4月 日常监督检查共开展12次。\n", select=["KJ204"]) == []


def test_a_contact_fields_value_given_as_asterisks_is_a_mask():
    """gov18 g20, gov17 v040: 聯系電話:******, 邮编:*, 0479-*."""
    text = "聯系電話:******\n邮编:*\n公众反馈意见联系方式:某某局0479-*\n"
    assert [f.code for f in lint_text(text, select=["KJ202"])] == ["KJ202"] * 3
    assert lint_text("注:*表示必填项。\n计算公式为0479-1234。\n", select=["KJ202"]) == []
