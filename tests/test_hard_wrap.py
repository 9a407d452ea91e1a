"""KJ413 in a text file copied from a page laid out in lines (docs/labeling.md: a page whose
paragraphs come in lines cut at a fixed width, each break inside a word, a number or a sentence
one label). Two layouts are recognised by their shape, not by their words:

- fixed width: the lines that end inside a sentence all end at one printed width (a PDF's or a
  print's lines, 28 characters in an official document);
- split spans: a PDF turned into a web page, each figure on a line of its own, the sentence running
  on around it (…出动 / 8000 / 余人次，出动 / 1000 / 余车次…).

Lines that end a sentence, headings, items, and pages of short lines (verse, table cells read as
lines, a title set on two lines, one paragraph a line under headings of one length) are left alone.
Invented text modelled on fresh8's p061, p091, p139 and the corpus pages c007, d039."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

TITLE = "某县科技局2023年工作总结\n"
PROSE = ("今年以来，我局在县委、县政府的正确领导下，坚持以科技创新引领高质量发展，推动基础研究和应用研究协同发展，"
         "全年共组织实施科技计划项目46项，争取上级资金1200余万元，新认定高新技术企业18家。同时，我们围绕产业链部署创新链，"
         "支持企业建设研发平台，推动科技成果转移转化，全县技术合同成交额达到3.6亿元，比上年增长21%。")


def kj413(text: str) -> list[str]:
    return [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == "KJ413"]


def cut(paragraph: str, width: int) -> list[str]:
    return [paragraph[k:k + width] for k in range(0, len(paragraph), width)]


def breaks_of(lines: list[str]) -> list[str]:
    """The label of each line end inside a sentence: the last character, the line end, the next first."""
    return [a[-1] + "\n" + b[0] for a, b in zip(lines, lines[1:]) if a[-1] not in "。；："]


@pytest.mark.parametrize("width", [24, 28, 34])
def test_a_paragraph_cut_at_a_fixed_width(width):
    lines = cut(PROSE, width)
    text = TITLE + "\n".join(lines) + "\n二、存在的问题\n科技投入总量偏小。\n"
    assert kj413(text) == breaks_of(lines)
    assert len(breaks_of(lines)) >= 4


def test_the_fix_joins_the_halves():
    lines = cut(PROSE, 28)
    text = TITLE + "\n".join(lines) + "\n"
    found = [f for f in lint_text(text) if f.code == "KJ413"]
    joined = text
    for f in sorted(found, key=lambda f: -f.offset):
        joined = joined[:f.fix.offset] + f.fix.replacement + joined[f.fix.end_offset:]
    assert joined == TITLE + PROSE + "\n"
    assert all(not f.fix.safe for f in found)


def test_items_wrapped_at_the_width_break_inside_and_end_at_their_semicolons():
    items = ["1、负责局机关的全面工作，分管办公室、人事、财务工作，联系省市科技部门；",
             "2、负责组织和带领全局干部职工认真贯彻执行党和国家的各项路线、方针、政策、法律法规，团结班子干事促发展；",
             "3、调动全局职工的积极性，负责布置、督促、检查各股室的工作；",
             "4、坚持深入基层、调查研究，帮助基层解决问题和困难，每年深入基层（乡镇、村组、企业）开展调查研究不少于三个月；"]
    lines = [line for item in items for line in cut(item, 34)]
    text = "主要职责\n" + "\n".join(lines) + "\n"
    assert kj413(text) == breaks_of(lines)
    assert "；\n2" not in kj413(text)


SPLIT = ("2020\n年城市管理局工作总结\n（一）加大市容整治，确保市容环境得到提升。\n"
         "一是集中整治加强市容管理。今年，共开展专项整治行动\n150余次，出动\n8000\n余人次，出动\n1000\n余车次；"
         "沿线发放\n1500\n多份限期整改通知书，清除不规范广告\n21000\n余条。二是与辖区商铺\n100%\n签订门前三包责任状。\n"
         "（二）开展数字化城管网格管理\n2020\n年我局配备了\n15台城管通，完成上级下派案件\n3312\n件，完成率达到\n99.8%\n。\n")


def test_figures_on_lines_of_their_own():
    found = kj413(SPLIT)
    assert found == ["0\n年", "动\n1", "动\n8", "0\n余", "动\n1", "0\n余", "放\n1", "0\n多", "告\n2", "0\n余",
                     "铺\n1", "%\n签", "0\n年", "了\n1", "件\n3", "2\n件", "到\n9", "%\n。"]
    assert "升。\n一" not in "".join(found) and "理\n2" not in found  # a sentence's end, a heading's


def test_a_figure_split_from_its_unit_and_a_semicolon_line():
    text = ("现将\nXX\n镇\n2023\n年工作报告如下：\n（一）经济运行稳中有升\n前三季度，完成地区生产总值\nXX\n亿元，增长\n5%\n；\n"
            "1—10\n月份，完成社会消费品零售总额\nXX\n万元，增长\n8%\n；固定资产投资\nXX\n亿\n元，占全年任务数的\n77.8 %\n。\n"
            "（二）乡村振兴固本强基\n1.\n特色农业提\n质扩量\n。\n")
    found = kj413(text)
    assert "3\n年" in found and "；\n1" in found and "的\n7" in found and "提\n质" in found and "量\n。" in found
    assert ".\n特" not in found and "基\n1" not in found and "：\n（" not in found


@pytest.mark.parametrize("text", [
    # verse: short lines of one length, ending on a comma
    "望北京\n一轮红日出东方，\n茫茫草原迎霞光；\n万里金光照雪山，\n无限遐思望北京。\n心中期待二十大，\n运筹帷幄大中华；\n",
    # free verse: lines of any length, none cut at a width
    "赞美党的诗歌\n翻开中国近代史那长长的画卷\n多少哀怨，多少屈辱，多少痛苦\n让今天的表达显得那么苍白无力\n"
    "从南湖的红船到天安门上空的五星红旗\n历史从这里揭开了崭新的一页\n您用坚强的臂膀\n维护着中华民族的尊严和祖国的统一\n",
    # one paragraph a line under headings of one length (each heading twenty characters)
    TITLE + "（一）强化政治引领，开展政法队伍教育整顿\n" + PROSE + "\n（二）强化工作力度，切实营造普法法治氛围\n" + PROSE
    + "\n（三）主动对标对表，确保法律服务常态长效\n" + PROSE + "\n",
    # a title set on two lines, the meeting on two more
    "关于2020年度县级预算执行和其他财政收支的\n审计工作报告\n—2021年9月2日在乳源瑶族自治县第十二届\n"
    "人民代表大会常务委员会第三十九次会议上\n县审计局局长\n\n" + PROSE + "\n",
    # a table read as lines: cells without punctuation, figures in their own cells
    "序号\n项目名称\n投资额\n1\n城区道路改造工程\n1200\n万元\n2\n污水管网建设工程\n860\n万元\n3\n公园绿化提升工程\n450\n万元\n",
    # a figure per line in a list of short lines (a forum post)
    "年末全区户籍总人口50.81万人\n其中男性26.16万人\n女性24.65万人。\n按年龄构成分，\n18岁以下12.53万人\n18-60岁28.80万人\n"
    "60岁以上9.48万人。\n出生率6.6‰\n死亡率8.7‰\n",
    # an English text hard-wrapped at a width
    "The labeled sets are scored by the same rules as the corpus, family by family and line by\n"
    "line, so that every finding can be judged right or wrong against the labels of its page\n"
    "and every label found or missed, whatever the rule that reports it in the end.\n",
])
def test_short_lines_and_one_line_paragraphs_are_not_cut_lines(text):
    assert kj413(text) == []


def test_the_line_ends_of_a_pages_metadata_rows_are_no_breaks():
    """A portal's metadata rows above the title (索引号… / 成文日期… / the title / its date and
    counter), about one width each: each row is the page's furniture (KJ601), no sentence runs
    over their line ends into the title (fresh10 p097's layout, invented text)."""
    text = ("索引号: 11223344/2024-00123 主题分类: 综合政务 发布机构: 某城县政府办\n"
            "成文日期: 2024-01-20 文件编号: 有  效  性: 有效\n"
            "某城满族自治县人民政府办公室2023年度政府信息公开工作年度报告\n"
            "2024-01-20 09时15分浏览次数:\n\n"
            "根据《中华人民共和国政府信息公开条例》要求，现向社会公布2023年信息公开工作年度报告。\n\n"
            "一、总体情况\n\n(一)主动公开方面。2023年，我办依托政府门户网站发布信息3000条。\n")
    assert [f.code for f in lint_text(text) if f.code.startswith("KJ6")] == ["KJ601"] * 3
    assert kj413(text) == []


def test_a_law_wrapped_at_a_width_with_bars_closing_its_rows_is_broken_at_each_wrap():
    """gov22 g42: each article a table's row closed by a lone `|`, its text wrapped at one width;
    the bars part the runs as blank lines do, so the width is read over the articles' lines."""
    rows = [
        "本辦法依某某條例第十條規定訂定之。",
        "|",
        "某某公所置主任一人，綜理公所事務，並依法律規定指揮監督",
        "所屬機關及員工。",
        "某某事務所、衛生所主任應兼受公所主任之指導；對於協助公",
        "所辦理自治事項應兼受公所主任之監督。",
        "|",
        "公所置秘書一人，承主任之命，處理事務，並得依業務需要，",
        "分設各課辦事。",
        "|",
    ]
    found = [f for f in lint_text("\n".join(rows) + "\n", select=["KJ413"])]
    assert [f.line for f in found] == [3, 5]


def test_a_table_one_cell_per_line_with_thousands_separators_is_no_wrapped_text():
    """fresh19 p055 (41 government false alarms): a 決算 table given a cell a line under a sentence; the
    commas inside 160,909 separate thousands, no clause runs on around the figures."""
    rows = ["基金113年度預算案編列固定資產建設改良擴充計畫95億元,較上年度增加42億元,增幅79.64%(詳表1)。",
            "表1 近年固定資產預算編列及執行概況表 單位:新臺幣千元", "科目", "110年度決算", "111年度決算",
            "112年度法定預算", "土地", "160,909", "350,984", "353,623", "土地改良物", "2,795,957",
            "3,727,051", "4,095,295", "房屋及建築", "246,013", "461,891", "676,390", "資料來源:各年度預決算書。"]
    assert lint_text("\n".join(rows) + "\n", select=["KJ413"]) == []
