"""Repeated titles, page markers, metadata rows, sales labels and member notices on scraped pages,
from the misses of pages nobody tuned for (issue #11; fresh8, and session 14's 40 dev pages): each
test's bad cases fail without its mechanism, its good cases guard official prose. Invented text
throughout."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

SENTENCE = "全县坚持以改善生态环境质量为核心,突出精准治污、科学治污、依法治污,集中力量推进突出问题整改,"


def found(text: str, code: str) -> list[str]:
    """The text each finding of `code` flags, with the default rules."""
    return [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == code]


# --- KJ605: a converted document's page numbers between dashes ----------------------------------

def test_dashed_page_numbers_in_a_flattened_page_are_page_markers():
    """— 1 — before the title and — 2 —, — 3 — inside sentences, a page apart: the footers of the
    document the page was copied from."""
    text = ("— 1 —关于2023年生态环境保护工作的汇报" + SENTENCE * 3 + "开展水源地保护项目前期工— 2 —作,"
            + SENTENCE * 4 + "持续推进土壤污染隐患排— 3 —查工作。" + SENTENCE + "\n")
    assert found(text, "KJ605") == ["— 1 —", "— 2 —", "— 3 —"]


@pytest.mark.parametrize("text", [
    # one dash-number-dash says nothing: a code, a caption
    "关于2023年生态环境保护工作的汇报\n" + SENTENCE * 3 + "详见附表— 2 —。\n",
    # numbers that do not follow each other
    "汇报\n" + SENTENCE * 3 + "一是— 4 —项," + SENTENCE * 4 + "二是— 9 —项。\n",
    # numbers a list item apart, not a page
    "汇报\n" + SENTENCE + "甲— 1 —乙,丙— 2 —丁。\n",
])
def test_dashes_around_numbers_that_are_no_pagination_are_kept(text):
    assert found(text, "KJ605") == []


def test_page_one_before_the_year_that_opens_the_title():
    text = "1 2021 年农业农村局上半年工作总结及下步计划\n今年以来,县农业农村局坚持以乡村振兴为引领,各项工作稳步推进。\n"
    assert found(text, "KJ605") == ["1"]


@pytest.mark.parametrize("text", ["1、2021年完成项目建设12个。\n", "12 2021年度项目清单\n", "2021年农业农村局上半年工作总结\n"])
def test_a_numbered_item_or_a_plain_title_keeps_its_number(text):
    assert found(text, "KJ605") == []


# --- KJ603: the 标题 row of a page's metadata block ----------------------------------------------

@pytest.mark.parametrize("row,label", [
    ("标  题: 某县2022年上半年工作总结", "标  题: "),
    ("- 標題:某市人民政府辦公室關於印發工作要點的通知", "- 標題:"),
    ("• 标 题：某县2022年上半年工作总结", "• 标 题："),
])
def test_the_title_row_of_a_metadata_block_is_the_sites(row, label):
    text = f"索 引 号: 11210000/2022-01\n发布机构: 某县工业和信息化局\n{row}\n发布日期: 2022-07-20\n\n" \
           "今年以来,我局紧紧围绕年度目标,扎实推进各项工作。\n"
    assert found(text, "KJ603") == [label]


@pytest.mark.parametrize("line", ["| 标题 | 述职报告 |", "副标题：加强科技创新", "一、标题要简明扼要,一般包括单位、时限和文种。"])
def test_a_table_cell_or_prose_about_titles_is_no_site_label(line):
    assert found(f"述职报告的写法\n{line}\n标题之下写主送机关。\n", "KJ603") == []


# --- KJ607: the title again ----------------------------------------------------------------------

def test_a_title_doubled_at_the_top_of_a_flattened_page_with_blank_fields():
    """The page's title, the document's (spaced differently) and its cover's blank fields run into
    one line: the blanks make it no form line."""
    text = ("xx年卫生局上半年工作总结 xx 年卫生局上半年工作总结 撰写人: ___________ 日 期: ___________ "
            "今年是深入推进医改的关键之年。半年来,全区卫生工作紧紧围绕区委、区政府的总体要求,突出工作重点。\n")
    hits = found(text, "KJ607")
    assert len(hits) == 1 and hits[0].startswith("xx年卫生局上半年工作总结")


def test_blank_lines_doubled_are_no_title():
    text = "开发文档-编程规范\n\n开发文档-编程规范Java编码规范______________编码规范______________修订历史记录 文档标识 页数\n"
    assert found(text, "KJ607") == []


def test_the_title_again_under_the_pages_preview_of_the_text():
    """标题 / the page's time line / the text's opening cut off / 标题 / the text: the second title
    is the page's, as it is above a first heading."""
    opening = "2020年是一个不平凡的年份,档案管理工作也受到了一定程度的影响。然而,档案管理工作还是得到了发展"
    text = (f"2020年档案管理工作总结\n\n某某网2024-03-17 21:40:15 阅读:\n{opening}一、数字化档案管理的进一步推进\n\n"
            f"2020年档案管理工作总结\n\n{opening}和进步。下面就来对2020年的档案管理工作进行总结。\n一、数字化档案管理的进一步推进\n")
    assert found(text, "KJ607") == ["2020年档案管理工作总结"]


def test_the_whole_text_pasted_twice_is_no_repeated_title():
    """A second copy of the whole text (its first paragraph whole, ending a sentence) is KJ1's."""
    opening = "2020年是一个不平凡的年份,档案管理工作也受到了一定程度的影响,全年各项工作仍稳步推进。"
    text = f"2020年档案管理工作总结\n{opening}\n2020年档案管理工作总结\n{opening}\n"
    assert found(text, "KJ607") == []


def test_the_title_with_the_sites_count_of_pieces_run_into_its_excerpt():
    text = ("某某范文网\n您现在的位置是:首页 > 工作范文 > 工作计划范文\n\n教育局2024年工作计划(通用26篇)\n\n"
            "2024-09-08 03:40:08工作计划范文打印\n"
            "教育局2024年工作计划(通用26篇) 一、指导思想以党的精神为指导,用科学发展观统领教育工作全局,坚持在创新上"
            "思考、在务实上着力的理念,巩固教育教学成果,深化教育教学改革,全面推进....\n\n"
            "四、着力提高育人质量。\n一是始终坚持德育为首,积极培育和践行社会主义核心价值观,推进校园文化建设。\n")
    assert found(text, "KJ607") == ["教育局2024年工作计划"]


# --- KJ604: a sales remark or the site's category on the title ---------------------------------

@pytest.mark.parametrize("title,label", [
    ("2021年农业农村局上半年工作总结及下步计划 供借鉴", " 供借鉴"),
    ("政府工作报告心得体会1500字(完整)", "(完整)"),
    ("论机关效能建设 - 行政论文", " - 行政论文"),
])
def test_a_sales_remark_or_category_ending_a_title_line(title, label):
    assert label in found(f"{title}\n今年以来,我局紧紧围绕年度目标,扎实推进各项工作。\n", "KJ604")


@pytest.mark.parametrize("line", [
    "各单位可结合实际制定本地工作方案,本方案仅供参考。",
    "附件:2023年度项目申报指南 - 申报须知",
    "会议材料已印发各单位,供参考借鉴。",
])
def test_prose_offering_a_text_for_reference_keeps_its_words(line):
    assert found(f"工作通知\n{line}\n", "KJ604") == []


# --- KJ301: the text's length with the members it is kept for ----------------------------------

def test_a_word_count_for_members_is_a_truncation_notice():
    text = "县爱卫办2020年工作总结\n一是切实做好爱国卫生日活动,积极开展爱…………\n本文共5248字,仅供站内会员学习参考\n"
    assert found(text, "KJ301") == ["本文共5248字,仅供站内会员学习参考"]


@pytest.mark.parametrize("line", ["全文共分三章,计12000字。", "本文共5248字,分为三个部分。"])
def test_a_word_count_alone_is_no_notice(line):
    assert found(f"编写说明\n{line}\n", "KJ301") == []


# --- KJ607: a report's title again after the site's lead paragraph (fresh10 p068, p144) --------

LEAD_PAGE = ("當前位置:某某文庫>實用文案>調研報告>\n\n基層走訪調研報告\n\n某某文庫 人氣:1.52W\n\n"
             "今年十月,我從省城趕赴縣裡,下午參加完座談會後,當晚就踏上了走訪基層的路途。\n\n"
             "基層走訪調研報告\n\n按照縣政府的要求,我先到部門、鄉鎮和企業走走,瞭解一下基層的情況。\n")


def test_a_reports_title_again_after_the_sites_lead_paragraph_is_a_repeat():
    assert found(LEAD_PAGE, "KJ607") == ["基層走訪調研報告"]


def test_an_issuers_name_or_an_attachments_title_after_one_paragraph_is_no_repeat():
    issuer = LEAD_PAGE.replace("基層走訪調研報告", "某某區統計局")
    assert found(issuer, "KJ607") == []
    twice = LEAD_PAGE.replace("按照縣政府的要求,我先到部門、鄉鎮和企業走走,瞭解一下基層的情況。",
                              "今年十月,我從省城趕赴縣裡,下午參加完座談會後,當晚就踏上了走訪基層的路途。")
    assert found(twice, "KJ607") == []  # the text again under its title: KJ1's
