"""Repeated titles, sales labels and template leftovers on scraped pages (session 15, issue #11):
the title again after the site's blurb about it, after a keyword line, or without the subtitle
and author it was shown with; a sales word behind a pinyin gloss; wordings offered to choose
from; a document number's masked serial or blank year. Every text here is invented in the shape
of the real pages (fixtures/devsets/fresh9 p036, p090, p009, p114, p115, p117)."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

BODY = "为改善农村人居环境，镇党委、镇政府高度重视河道清理工作，成立了专门领导小组。\n\n一、加强组织领导\n\n镇里召开专题会议三次，部署河道清理任务。\n"


def parts(text: str, select, path: str = "page.txt") -> list[tuple[str, int, str]]:
    return [(f.code, f.line, text[f.offset:f.end_offset]) for f in lint_text(text, path, select=select)]


# -- the title again after the site's blurb that names it ---------------------------------

def test_the_title_again_after_the_sites_blurb_naming_it_is_repeated():
    text = ("乡镇河道清理工作总结\n\n"
            "河道整治关系群众切身利益。《乡镇河道清理工作总结》旨在回顾全年工作、总结经验，本文收录数篇范文供参考。\n\n"
            "——暨建立河长制长效机制的实践\n\n"
            "乡镇河道清理工作总结\n\n" + BODY)
    assert ("KJ607", 7, "乡镇河道清理工作总结") in parts(text, ["KJ607"])


def test_an_attachment_after_a_notice_naming_it_is_no_repeated_title():
    # the notice prints the measures it issues: their title again under 附件 and the signing date
    text = ("河道清理专项资金管理暂行办法\n\n"
            "为规范专项资金管理，我们制定了《河道清理专项资金管理暂行办法》，现予印发，请遵照执行。\n\n"
            "附件：河道清理专项资金管理暂行办法\n\n某某市财政局\n\n2024年5月30日\n\n"
            "河道清理专项资金管理暂行办法\n\n第一条 为规范专项资金管理，制定本办法。\n")
    assert parts(text, ["KJ607"]) == []


def test_a_site_keyword_line_above_the_title_does_not_start_the_body():
    text = ("河道治理经验交流_乡村振兴战略实施_人居环境整治提升_河长制工作_生态文明建设_美丽乡村建设_"
            "农村环境治理_水利工程管理_防汛抗旱工作_水资源保护\n\n"
            "乡镇河道清理工作总结范文\n\n时间:2023-03-13 11:23:14\n\n"
            "序论:在您撰写乡镇河道清理工作总结时,参考他人的优秀作品可以开阔视野,小编为您整理的7篇范文。\n\n"
            "乡镇河道清理工作总结\n\n第1篇\n\n" + BODY)
    assert ("KJ607", 9, "乡镇河道清理工作总结") in parts(text, ["KJ607"])


# -- the title shown with its subtitle and author, then alone ------------------------------

def test_the_main_title_alone_below_its_copy_with_subtitle_and_author_is_repeated():
    text = ("论基层治理中的网格化管理——从一个社区的实践谈起/张三\n\n"
            "作者：法学网 时间：2024-01-02 10:11:12 浏览：123\n"
            "论基层治理中的网格化管理\n\n——从一个社区的实践谈起\n\n"
            "近年来，网格化管理在基层治理中得到广泛应用，本文结合一个社区的实践谈几点看法。\n")
    assert [p for p in parts(text, ["KJ607"])] == [("KJ607", 4, "论基层治理中的网格化管理")]


def test_a_heading_sharing_the_titles_opening_words_is_no_repeated_title():
    text = ("论基层治理中的网格化管理\n\n"
            "近年来，网格化管理在基层治理中得到广泛应用，本文结合实践谈几点看法。\n\n"
            "一、网格化管理的由来\n\n网格化管理最早见于城市管理。\n")
    assert parts(text, ["KJ607"]) == []


# -- a sales word behind a pinyin gloss ------------------------------------------------------

def test_a_sales_word_after_a_glossed_character_is_a_sales_label():
    text = "公務(wù)員德能勤績廉總結(jié)范文\n\n" + BODY
    assert ("KJ604", 1, "范文") in parts(text, ["KJ604"])


def test_a_glossed_page_without_sales_words_has_no_sales_label():
    text = "公務(wù)員德能勤績廉總結(jié)\n\n根據范文瀾的研究，我們總結(jié)了經驗。\n"
    assert parts(text, ["KJ604"]) == []


# -- wordings offered for the writer to choose from -----------------------------------------

def test_slash_separated_wordings_of_one_term_are_template_alternatives():
    text = "某某会议纪要\n\n会上，各省、自治区、直辖市/省区市/省(区、市)/省、区、市卫生部门作了交流发言。\n"
    assert parts(text, ["KJ205"]) == [("KJ205", 3, "省、自治区、直辖市/省区市/省(区、市)/省、区、市")]


@pytest.mark.parametrize("line", [
    "按省/市/县三级分别统计。",                       # a list of different levels
    "实行党政同责/一岗双责。",                        # two items only
    "详见www.example.gov.cn/zwgk/tzgg/index.html。",  # an address
    "收入同比增长12%/15%/18%。",                      # figures
])
def test_slashes_between_different_things_are_no_alternatives(line):
    assert parts("某某局工作总结\n\n" + line + "\n", ["KJ205"]) == []


# -- a document number's masked serial or blank year ----------------------------------------

def test_a_masked_serial_after_the_bracketed_year_is_a_mask():
    text = "某某镇安全生产工作总结\n\n我镇以镇(××××)×号文件对安全生产工作作了部署。\n"
    assert ("KJ201", 3, "×") in parts(text, ["KJ201"])


def test_a_blank_year_in_a_document_number_is_a_blank():
    text = "某某村安全生产月活动总结\n\n根据某府(20__)51号文件精神，本村开展了安全生产月活动。\n"
    assert parts(text, ["KJ203"]) == [("KJ203", 3, "__")]


def test_a_written_document_number_has_no_mask():
    text = "某某镇安全生产工作总结\n\n我镇以镇(2023)5号文件对安全生产工作作了部署，〔2023〕X光检查另行安排。\n"
    assert [p for p in parts(text, ["KJ201", "KJ203"]) if p[2] in ("×", "__")] == []


def test_a_thumbnail_caption_in_traditional_script_behind_a_gloss_is_no_blank():
    # 工作總結(jié)_第1頁: the gloss out, the `_` joins the caption to its page number
    text = "某某所工作總結(jié)\n\n某某所工作總結(jié)_第1頁\n\n我所全年調解糾紛120件，調解成功率達到98%。\n"
    assert parts(text, ["KJ203"]) == []


# -- a page cut mid-word before unrelated text ----------------------------------------------

def test_a_paragraph_cut_mid_word_before_another_article_is_a_cut():
    text = ("某某局2017年就业工作情况\n\n"
            "全年城镇新增就业1351万人，均超额完成全年目标任务。他说，全年共有20个地区调整了最低工资标准，平均调\n"
            "就业是最大的民生。当前，正值高校毕业生就业高峰期，就业话题再次成为社会关注的焦点。\n")
    assert [p for p in parts(text, ["KJ305"])] == [("KJ305", 3, "平均调")]


def test_a_clause_cut_mid_word_before_english_prose_is_a_cut():
    text = ("某某局上半年就业工作情况\n\n"
            "二季度全国招聘信息公共服务网开通试运行。实时发布招聘信息10余万条，就业信息全国联网覆 "
            "The Ministry of Human Resources said on the 25th that the employment situation is stable.\n\n"
            "下半年，我们将继续做好就业工作。\n")
    assert [p for p in parts(text, ["KJ305"])] == [("KJ305", 3, "联网覆")]


@pytest.mark.parametrize("tail, nxt", [
    ("但是，美国却", "利用英法被削弱的形势，竭力扩张势力范围。"),      # an adverb: the sentence goes on
    ("他说，全年共有20个地区调整了最低工资标准，平均调", "整幅度为10.5%。"),  # a wrapped line: 调整
    ("他说，全年投资约", "4200万元。"),                                     # a figure goes on
    ("他说，全年共有20个地区调整了最低工资标准", "就业是最大的民生。"),        # a whole word ends it
])
def test_a_line_that_goes_on_or_ends_a_word_is_no_cut(tail, nxt):
    text = "某某局就业工作情况\n\n全年城镇新增就业1351万人。" + tail + "\n" + nxt + "\n\n今后继续做好就业工作。\n"
    assert parts(text, ["KJ305"]) == []
