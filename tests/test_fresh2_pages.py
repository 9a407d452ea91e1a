"""Mechanisms that the second fresh batch of real pages (fixtures/realworld f041-f082) showed
missing or too broad, on synthetic text: each test fails without its change."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text


def findings(text: str, prefix: str) -> list[tuple[int, str]]:
    """(line, flagged text) of the default rules' findings whose code starts with `prefix`."""
    return [(f.line, text[f.offset:f.end_offset]) for f in lint_text(text) if f.code.startswith(prefix)]


def test_lead_paragraph_ending_with_a_blurb_is_the_sites_introduction():
    intro = ("计划是对未来一段时间工作的安排，写好计划能让工作有条不紊。那么计划怎么写呢？"
             "以下是小编整理的社区工作计划，希望能够帮助到大家。")
    text = f"社区工作计划\n{intro}\n社区工作计划1\n今年社区将围绕服务居民开展工作。\n"
    assert (2, intro) in findings(text, "KJ601")  # the whole paragraph, not its last sentence
    # in the body, after a paragraph of text, only the blurb sentence is the site's
    body = "今年社区将围绕服务居民开展工作，全年走访群众300户。"
    text = f"社区工作计划\n{body}\n{intro}\n一、主要任务\n"
    assert (3, intro) not in findings(text, "KJ601")
    assert (3, "以下是小编整理的社区工作计划，希望能够帮助到大家。") in findings(text, "KJ601")


def test_blurb_with_an_adverb_is_a_blurb():
    text = "社区工作计划\n前言：本站为你精心整理了社区工作计划范文，欢迎咨询。\n今年社区将围绕服务居民开展工作。\n"
    assert [line for line, _ in findings(text, "KJ601")] == [2]


def test_rule_row_of_a_metadata_table_is_furniture_but_not_of_a_data_table():
    text = ("标题: | 关于某县发展计划的解读 | ||\n---|---|---|---|\n索引号: | 1137/2022-52 | 文号: | |\n"
            "一、起草背景\n为总结全年工作，县发改局牵头起草该文件。\n")
    assert 2 in {line for line, _ in findings(text, "KJ601")}
    text = ("一、工作成果\n项目阶段 | 完成率 | 关键指标 |\n---|---|---|\n需求调研 | 100% | 建立档案382份 |\n"
            "全年完成改造126户。\n")
    assert not findings(text, "KJ601")


def test_documents_cited_again_are_no_repeated_passage():
    cite = ("根据省农业厅等九部门《关于进一步加强农村集体资产管理工作的通知》(农经〔2022〕15号)、"
            "市财政局《关于规范涉农资金使用管理的实施意见》(财农〔2022〕7号)")
    text = (f"关于印发某县涉农资金管理办法的通知\n各乡镇人民政府:\n{cite}等文件精神，经县政府同意，现将办法印发给你们。\n"
            f"某县涉农资金管理办法\n第一条 为规范资金管理，{cite}，结合本县实际，制定本办法。\n")
    assert not findings(text, "KJ10")
    # a real passage pasted twice is still one
    copy = "全年组织辖区企业申报省级科技项目十二项，争取上级资金八百万元，带动企业研发投入两亿元，新增高新技术企业九家。"
    text = f"某局工作总结\n一、主要工作\n{copy}\n二、存在问题\n资金投入不足。{copy}\n"
    assert findings(text, "KJ10")


def test_bracketed_role_as_a_fields_whole_value_is_a_slot():
    text = ("安全自查报告\n一、成立领导小组\n组长:(校长)\n副组长:(分管领导)\n组 长:(镇(zhèn)长)\n"
            "成员:各班班主任\n组长:张三(校长)\n附件:(略)\n")
    assert [hit for _, hit in findings(text, "KJ205")] == ["(校长)", "(分管领导)", "(镇(zhèn)长)"]


def test_empty_year_brackets_of_a_document_number_are_a_deleted_value():
    text = "关于加强法治政府建设的意见\n为贯彻落实《国务院关于加强法治政府建设的意见》(国发〔〕33号)，提出以下意见。\n"
    assert findings(text, "KJ207") == [(2, "〔〕")]
    assert not findings(text.replace("〔〕", "〔2010〕"), "KJ207")


def test_lone_apostrophe_or_backtick_inside_words_is_stray():
    text = ("学校自查报告\n对照市教育局文件的'要求，对学校食堂进行了检查。\n摘除乱挂的`横幅，清理墙上的广告。\n"
            "坚持'三个代表'重要思想，紧扣'两个确保“目标。\n")
    assert [(line, hit) for line, hit in findings(text, "KJ703")] == [(2, "'"), (3, "`")]


def test_keyword_line_under_an_articles_abstract_is_its_own():
    text = ("农村集体经济的发展路径\n摘要：本文分析了农村集体经济的发展现状，提出了对策建议。\n"
            "关键词：集体经济；资源整合\n一、引言\n改革开放以来，农村集体经济不断壮大。\n")
    assert not findings(text, "KJ601")
    text = "农村集体经济的发展路径\n关键词：集体经济；资源整合\n一、引言\n改革开放以来，农村集体经济不断壮大。\n"
    assert [line for line, _ in findings(text, "KJ601")] == [2]  # a page's tag line


def test_last_line_saying_the_rest_is_not_shown_is_a_truncation_notice():
    text = "某乡环境整治推进会\n会议要求集中整治场镇道路两侧乱停乱放等现象。\n因篇幅问题不能全部显示,请点此查看更多更全内容\n"
    assert findings(text, "KJ30") == [(3, "因篇幅问题不能全部显示,请点此查看更多更全内容")]
    text = "某镇工作总结\n今年部分项目因资金不能全部显示成效，明年继续推进。\n"
    assert not findings(text, "KJ301")


def test_numbering_starts_afresh_after_a_truncation_notice():
    text = ("小学食品安全自查报告\n一、成立领导小组\n组长由校长担任。\n二、工作措施\n"
            "1、组织健全。学校成立了领导小组。\n2、加强教育。逐步培养学生养成 ……此处隐藏20585个字……作。\n"
            "一、检查配餐食谱\n检查本周食谱中是否含有严禁采购的食品。\n")
    assert not findings(text, "KJ50")


def test_line_of_search_phrases_above_the_title_is_spam():
    spam = "高清影视在线观看,最新影视免费观看,影视大全在线看,热门影视排行榜,经典影视推荐网,好看影视在线播放"
    text = f"{spam}\n学校食品安全自查报告\n我校对学校食堂进行了全面检查。\n"
    assert (1, spam) in findings(text, "KJ601")
    # a report's own line of short items, or the same below the body's first paragraph, is kept
    items = "一季度完成产值,二季度完成产值,三季度完成产值,四季度完成产值,全年完成产值,同比增长产值"
    text = f"某局工作总结\n全年经济运行平稳，各项指标稳中有升。\n{items}\n"
    assert not findings(text, "KJ601")
    sentence = ("在新的一年里,我们将坚定不移地推进友好合作,进一步加强同周边地区的友好关系,扩大彼此在广泛领域的友好交往,"
                "共同维护地区稳定,促进区域经济合作,实现共同繁荣.")
    assert not findings(f"{sentence}\n政府工作报告\n", "KJ601")


def test_site_watermark_with_symbols_sprinkled_in_is_furniture():
    mark = "某某文}创%素材[库:https://www.example.cn/。公众@号:某某星域。"
    text = f"{mark}整理汇总。XX镇2023年政府工作报告各位代表:现在,我代表镇人民政府报告工作。\n"
    assert findings(text, "KJ601") == [(1, mark)]
    text = "某镇工作总结\n全年接待客商{X}次，详见网址:https://www.example.cn/。\n"
    assert not findings(text, "KJ601")


def test_menu_line_above_the_body_is_navigation_and_a_salutation_is_the_speech():
    menu = "网站首页 个人文档 个人总结 工作总结 述职报告 心得体会 演讲稿 讲话致辞 实用文"
    text = f"{menu}\n\n学校工作报告\n\n栏目: 学校工作总结 / 发布于: / 人气:8.39K\n\n各位代表,同志们:\n\n学校工作报告\n\n今年我校各项工作取得了令人满意的成绩。\n"
    hits = findings(text, "KJ6")
    assert (1, menu) in hits
    assert not [h for h in hits if h[0] == 7]  # the speech's salutation is the speech's
    row = "序号 项目名称 建设单位 建设内容 总投资额 开工时间 完工时间 备注说明"
    text = f"某局工作总结\n全年实施重点项目12个，完成投资3.6亿元。\n{row}\n"
    assert not findings(text, "KJ601")  # a table's header row in the body


def test_kj506_marks_where_the_title_should_stand_not_a_whole_flattened_page():
    page = "现在，我代表镇人民政府向大会报告工作，请予审议。" + "全年完成各项目标任务，群众满意度明显提升。" * 40
    found = lint_text(page, select=["KJ506"])
    assert [f.code for f in found] == ["KJ506"]
    assert found[0].offset == 0 and found[0].end_offset - found[0].offset <= 20


@pytest.mark.parametrize("line", ["资源ID:20481357", "刊发日期：2021-03-15", "供稿：县农业农村局",
                                  "进入专题：乡村振兴", "加入VIP，本文免费下载", "说明：本页内容仅供预览，完整版请下载"])
def test_site_fields_of_sharing_and_portal_pages_are_furniture(line):
    page = f"某县农业农村局2021年工作总结\n{line}\n今年以来，我局认真落实各项惠农政策，全年完成粮食播种面积十二万亩。\n"
    found = lint_text(page, select=["KJ601"])
    assert [f.line for f in found] == [2], found
