"""Tables a page gave as text, one cell per line (issue #11, the false alarms of session 14's
independent pages fresh9): each cell's text then ` |`, lone `|` lines where rows end. The cells are
the document's content and the `|` the table's layout, as a Word table's are: neither is site
furniture. A `|` a page leaves around its text (a lone frame line, ` |` after one line of words,
a bulleted panel's `• |`) still is. Invented text throughout; each table test fails without the
mechanism (kjlint.checks.layout.flat_table_lines)."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

TITLE = "某某区2023年工作总结\n"
BODY = "今年以来，全区上下坚持稳中求进工作总基调，各项工作取得新成效。\n"

# one cell per line, a lone | where each row ends (a statistics table)
ROWS_ENDED = "主要指标完成情况如下。\n|\n指标 |\n单位 |\n完成 |\n增长 |\n|\n生产总值 |\n亿元 |\n126.5 |\n6.2 |\n|\n" \
             "财政收入 |\n亿元 |\n10.3 |\n5.1 |\n|\n"
# no row ends, long cells with sentences in them (a 责任清单)
LONG_CELLS = "序号 |\n重点工作 |\n责任领导 |\n完成时限 |\n1 |\n持续优化营商环境，落实重点项目“专班+管家”制度，全力服务项目落地。 |\n" \
             "张某某 |\n全年 |\n2 |\n加快推进老旧小区改造，完成改造小区12个。 |\n李某某 |\n10月底 |\n"
# rows ended by a rule of bars, a cell whose text goes on over a line without its rule
BAR_RULES = "一、部门基本概况 |\n||||||||||||\n联系人 |\n王某某 |\n联系电话 |\n7640000 |\n||||||||||||\n" \
            "职能职责概述 |\n负责全县农业农村工作的统筹协调，\n||||||||||||\n人员编制 |\n91 |\n"


def kj6(text: str) -> list[str]:
    """The text of each KJ6 finding with the default rules."""
    return [text[f.offset:f.end_offset] for f in lint_text(text) if f.code.startswith("KJ6")]


@pytest.mark.parametrize("table", [ROWS_ENDED, LONG_CELLS, BAR_RULES], ids=["row-ends", "long-cells", "bar-rules"])
@pytest.mark.parametrize("where", ["middle", "end"])
def test_a_table_read_as_lines_is_the_documents_content(table, where):
    text = TITLE + BODY + table + (BODY if where == "middle" else "")
    assert kj6(text) == []


def test_a_table_under_the_pages_date_line_is_no_row_of_its_panel():
    # the page's own metadata line is reported; the table under it is not read on as its panel
    text = "某某区关于印发2023年重点工作责任清单的通知\n发布日期:2023-02-10\n" + LONG_CELLS
    assert kj6(text) == ["发布日期:2023-02-10"]


PANEL = "  • 来源:某某网\n  • |\n  • 2023-01-09\n  • |\n  • 0 条评论\n  • |\n  • |\n"


@pytest.mark.parametrize("text, found", [
    ("|\n" + TITLE + BODY, ["|"]),  # the page's frame above the text, no table
    (TITLE + "全年完成目标任务，群众满意度明显提升。 |\n" + BODY, [" |"]),  # one line of words in a cell
    (TITLE + BODY + "某某街道 王某某\n|\n", ["|"]),  # a frame's end under the byline
    (TITLE + PANEL + BODY * 2, ["• 来源:某某网", "• |", "• 2023-01-09", "• |", "• 0 条评论", "• |", "• |"]),  # no cell: bullets
], ids=["frame-above", "one-line-of-words", "frame-below", "bulleted-panel"])
def test_a_pages_frame_and_a_panels_rules_are_still_furniture(text, found):
    assert kj6(text) == found


# one row per line, its cells parted by ` | `, under a caption line (the fresh10 pattern, invented text)
ROW_PER_LINE = ("全年召开新闻发布会5次，接受媒体采访3次，编发政务信息300余条，及时回应了群众关切的热点问题。\n"
                "宣传解读情况\n发布会 | 媒体采访 | 图文解读 | 公众号 |\n5次 | 3次 | 16条 | 300余条 |\n"
                "全年受理依申请公开12件，全部在规定时间内办结，未发生因信息公开引发的行政复议和诉讼。\n")


def test_a_table_given_one_row_per_line_and_its_caption_are_content():
    assert kj6(TITLE + ROW_PER_LINE) == []


def test_a_bar_menu_or_a_metadata_panel_is_no_table_of_figures():
    from kjlint.checks.layout import _row_table_lines
    from kjlint.document import Document

    menu = Document("首页 | 政务公开 | 办事服务 |\n互动交流 | 走进某某 | 专题专栏 |\n" + BODY)
    assert _row_table_lines(menu) == set()
    panel = Document("[ 索引号 ] | 11500113/2024-00007 | [ 发文字号 ] | 某府发〔2024〕2号 |\n"
                     "[ 主题分类 ] | 综合政务 | [ 成文日期 ] | 2024-01-16 |\n" + BODY)
    assert _row_table_lines(panel) == set()  # a portal's metadata panel: codes and dates, no quantities
    table = Document(ROW_PER_LINE)
    assert _row_table_lines(table) == {2, 3}


ARTICLES = ("本辦法依某某條例第十條規定訂定之。\n|\n某某公所置主任一人,綜理公所事務並指揮監督\n所屬機關及員工。\n"
            "某某事務所主任應兼受公所主任之指導監督。\n|\n公所置秘書一人,承主任之命,處理事務。\n|\n"
            "公所之組設單位,依左列規定辦理:\n一、設民政、財政二課。\n")


def test_lone_bars_between_a_laws_articles_close_its_rows():
    """gov22 g42: a law given as a table's rows, the article numbers' column lost."""
    assert [f for f in lint_text(ARTICLES, select=["KJ601", "KJ609"])] == []


def test_a_lone_bar_above_or_under_the_text_or_between_menu_items_stays_the_frame():
    framed = "|\n" + ARTICLES.replace("\n|\n", "\n") + "|\n"
    assert [f.code for f in lint_text(framed, select=["KJ601"])] == ["KJ601", "KJ601"]
    once = ARTICLES.replace("\n|\n公所置秘書", "\n公所置秘書").replace("\n|\n公所之組設", "\n公所之組設")
    assert [f.code for f in lint_text(once, select=["KJ601"])] == ["KJ601"]  # one bar: no table
