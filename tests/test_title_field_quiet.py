"""False alarms that the scorer had credited as lines of a labeled furniture block (session 25):
a document's own title under the panel that names it, a 文号 typed with other brackets, the first
part's heading, the speaker's name. Invented text."""
from __future__ import annotations

from kjlint.engine import lint_text


def codes(text: str) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in lint_text(text) if f.code.startswith("KJ6")]


PANEL = ("索引号: 11441600007257212Y/2023-00105 分类:\n发布机构: 某市统计局 成文日期: 2023-09-28\n"
         "名称: 某市举办第十四届统计开放日活动\n文号: 发布日期: 2023-09-28\n\n某市举办第十四届统计开放日活动\n\n"
         "发布日期:2023-09-28  浏览次数:-\n\n9月26日,由某市统计局主办的统计开放日活动在市民广场举行,各界群众踊跃参与。\n")


def test_the_title_under_the_panel_that_names_it_is_the_documents_own():
    """furn13 g02, fresh14 p065/p070, realworld b039: 名称:, 信息名称, 标 题: | … | in the panel."""
    assert (6, "KJ607") not in codes(PANEL)
    spaced = PANEL.replace("名称: ", "标 题: | ").replace("统计开放日活动\n文号", "统计开放日活动 |\n文号")
    assert (6, "KJ607") not in codes(spaced)
    # fresh11 p148: each field's label alone on its line, its value under it
    apart = PANEL.replace("名称: ", "• 文件名称:\n\n")
    assert (8, "KJ607") not in codes(apart)


def test_the_panels_title_field_given_twice_is_still_a_repeat():
    """web15 w02: the panel copied twice; its second 标题: line is the page's, not the document's."""
    page = ("索引号: 11500383009338112H/2021-00021\n标题: 某镇人民政府关于印发换届选举工作方案的通知\n主题分类: 人事工作\n"
            "索引号: 11500383009338112H/2021-00021\n标题: 某镇人民政府关于印发换届选举工作方案的通知\n主题分类: 人事工作\n\n"
            "各村民委员会:\n现将《换届选举工作方案》印发给你们,请认真贯彻执行。\n")
    found = codes(page)
    assert any(line == 5 for line, _ in found)


def under_metadata(line: str) -> str:
    return (f"2012年某乡政府信息公开工作年度报告\n来源:某乡 时间:2012-12-31 00:00\n\n{line}\n\n"
            "根据《中华人民共和国政府信息公开条例》要求,现将本乡2012年度政府信息公开工作情况报告如下。\n")


def test_lines_of_the_documents_head_under_the_metadata_stay():
    """fresh19 p004/p007, realworld f025: a 文号 with [] 【】 or (), its 号 maybe left off;
    p062: 概  述, the first part's heading; p014: the speaker's name."""
    for line in ("南政发[2013]05", "西政【2012】144号", "• 师财行(2023)38号", "概  述", "张春贤"):
        assert (4, "KJ609") not in codes(under_metadata(line)), line


def test_a_widget_under_the_metadata_is_still_furniture():
    assert (4, "KJ609") in codes(under_metadata("公众号二维码"))


STORY = ("某某县召开农村公路养护工作推进会\n记者从县交通运输局获悉,全县今年将新改建农村公路120公里,养护工作全面铺开。\n"
         "会议强调,要压实养护责任,确保路况稳定。\n编辑:张某\n审核:李某\n{tail}")


def test_headlines_under_a_storys_editor_credits_are_the_pages():
    """conv17 c24: a list of other stories' headlines under 编辑:/审核:, some of them exclaiming
    (which read as sentences, so the page's footer was not found below the story)."""
    found = codes(STORY.format(tail="春运第一天,多部门联合巡航演练来啦\n全网点赞的“大衣侠”,找到了!\n2025年交通运输短视频大赛\n"
                                    "欢迎试用!某某智能审校系统上线\n"))
    assert {line for line, code in found if code == "KJ609"} >= {6, 7, 8, 9}


def test_prose_under_the_credits_stops_the_list():
    found = codes(STORY.format(tail="附:全县农村公路养护任务分解表已印发各乡镇,请认真贯彻落实。\n2025年交通运输短视频大赛\n"))
    assert not [line for line, code in found if code == "KJ609" and line >= 6]
