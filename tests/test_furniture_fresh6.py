"""Page furniture recognised by its shape on sites nobody tuned for (issue #11, items 4-5, from the
misses of the sixth fresh page batch): each test's bad cases fail without its mechanism, its good
cases guard the look-alikes of official prose. Invented text throughout."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

TITLE = "某局2023年度部门决算公开\n"


def kj6(text: str) -> list[str]:
    """The text of each KJ6 finding with the default rules."""
    return [text[f.offset:f.end_offset] for f in lint_text(text) if f.code.startswith("KJ6")]


@pytest.mark.parametrize("line, code", [
    ("第一部分 单位概况 PAGEREF _Toc25831 h 3", "PAGEREF _Toc25831 h 3"),  # the backslash lost
    ("一、主要职责 PAGEREF _Toc32310 \\h 12", "PAGEREF _Toc32310 \\h 12"),
    ('TOC \\o "1-3" \\h \\z \\u', 'TOC \\o "1-3" \\h \\z \\u'),
    ('HYPERLINK \\l "_Toc5120" 第一章 总则', 'HYPERLINK \\l "_Toc5120"'),
])
def test_a_word_field_code_is_known_by_its_grammar(line, code):
    assert code in kj6(TITLE + "二、机构设置\n" + line + "\n全年收入1200万元。\n")


@pytest.mark.parametrize("line", [
    "本章按 TOC 结构编排，REF 栏填写参考文献编号。",  # the keywords without a field's argument
    "PAGE 3 of the report lists the 5 REF values.",
    "第一部分 单位概况 3",
])
def test_field_keywords_in_prose_are_no_field_code(line):
    assert kj6(TITLE + "二、机构设置\n" + line + "\n全年收入1200万元。\n") == []


BODY = "全年收入1200万元，支出1100万元。\n"


@pytest.mark.parametrize("line, found", [
    ("[供稿:某某市统计局 张 某 李某某]", "[供稿:某某市统计局 张 某 李某某]"),
    ("[責任編輯:王某]", "[責任編輯:王某]"),
    ("(撰稿人:某某办 一审:王某某 二审:李某 三审:赵某某)", "(撰稿人:某某办 一审:王某某 二审:李某 三审:赵某某)"),
    ("全年收入稳步增长。[审核:刘某]", "[审核:刘某]"),
])
def test_an_editorial_credit_in_brackets_is_a_role_and_a_name(line, found):
    assert found in kj6(TITLE + BODY + line + "\n")


@pytest.mark.parametrize("line", [
    "【作者】: 王某某 【编辑】:李某",
    "【发布部门】某某人民法院【发文字号】某发[2019]7号【发布日期】2019.01.24",
    "废止时间: 2020-01-23 名称: ",
    "施行日期2017年11月01日",
])
def test_a_row_of_metadata_fields_is_known_by_its_shape(line):
    assert kj6(TITLE + line + "\n" + BODY) == [line.strip()]


@pytest.mark.parametrize("line", [
    "全国生产总值增长5%(来源:国家统计局)。",  # a citation's source
    "联系人：张某  联系电话：0830-1234567",  # a notice's contact line: filled, no page date
    "地点：局三楼会议室  主持人：王某某  记录：李某",  # a meeting's fields, filled
    "【案例一】某镇推行网格化管理，群众满意度明显提升。",
    "成立工作专班(组长:王某某 副组长:李某)。",  # a team's members: no editorial role
])
def test_fields_of_a_notice_and_brackets_of_prose_are_no_metadata(line):
    assert kj6(TITLE + BODY + line + "\n" + BODY) == []


def kj604(text: str) -> list[str]:
    return [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == "KJ604"]


@pytest.mark.parametrize("title, label", [
    ("某医院年会领导讲话致辞(精选11篇)作文", "(精选11篇)"),  # words after the count
    ("《某镇乡村振兴调研报告(通用七篇)》", "(通用七篇)"),  # inside the title's quotes
    ("2024年度某局工作总结和工作计划【完整版】", "【完整版】"),
    ("《某校教学工作计划模板合集》", "模板合集"),
])
def test_a_sales_label_glued_to_a_title_is_reported(title, label):
    assert label in kj604(title + "\n" + BODY)


def test_a_counter_glued_between_the_title_and_its_first_heading():
    assert kj604("2022年某镇妇联工作计划1一、加强教育培训\n" + BODY) == ["1"]


@pytest.mark.parametrize("line", [
    "某某市人民政府工作规则(试行)",
    "关于印发《某某管理办法(2023年修订)》的通知",
    "全年编印工作简报(12篇)，报送信息30条。",  # a count of the writer's
    "征集优秀作品(精选11篇)，择优推荐参评。",  # a sentence follows the bracket
    "全市合集资金1200万元。",
])
def test_a_documents_own_brackets_and_counts_are_no_sales_label(line):
    assert kj604(TITLE + line + "\n" + BODY) == []


def codes(text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.offset:f.end_offset]) for f in lint_text(text) if f.code.startswith("KJ6")]


def test_a_title_with_its_copy_in_brackets_on_one_line():
    text = "2022年某村妇联工作总结汇报(2022年某村妇联工作总结汇报)\n2022年某村妇联工作总结汇报\n一、工作回顾\n" + BODY
    assert codes(text) == [("KJ607", "(2022年某村妇联工作总结汇报)"), ("KJ607", "2022年某村妇联工作总结汇报")]


def test_a_title_after_a_long_tag_in_brackets_is_the_same_title():
    text = ("[某村的乡村振兴之路]某村“乡村振兴之路”调研报告\n发布时间:2023-03-16 08:51:08\n"
            "某村“乡村振兴之路”调研报告\n" + BODY)
    assert ("KJ607", "某村“乡村振兴之路”调研报告") in codes(text)


def test_a_ticker_of_notices_and_a_columns_home_are_navigation():
    text = ("公告: 关于复核某某课程网址的通知 | 关于某某课程上网公示的通知 | 关于2010年度课程公示的通知 |\n"
            "新闻资讯首页 新闻资讯\n某部 2010年工作要点\n发布时间:2010-04-13\n某部 2010 年工作要点\n" + BODY)
    found = codes(text)
    assert [c for c, _ in found] == ["KJ601", "KJ601", "KJ601", "KJ607"]
    assert found[3][1] == "某部 2010 年工作要点"


def test_a_sites_domain_after_its_slogan_is_a_link_line():
    assert kj6("某某之家!您身边的写作助手!请记住我们域名:4218.cn\n" + TITLE + BODY) == [
        "某某之家!您身边的写作助手!请记住我们域名:4218.cn"]


@pytest.mark.parametrize("line", [
    "某某市人民政府办公室关于印发某某方案(某某方案)的通知",  # different words in the brackets
    "详见网址:abc.gov.cn",
    "| 序号 | 实施方案 | 责任单位 |",
])
def test_titles_tables_and_addresses_of_a_document_stay(line):
    assert kj6(TITLE + BODY + line + "\n" + BODY) == []


@pytest.mark.parametrize("line", [
    ">> 政务公开 >> 通知公告",  # two crumbs, the first separator read as a bullet
    "某某网  >   新闻中心  >   热点聚焦  >   2017  >   2017两会专题  >   工作报告",  # a year as a crumb
    "调研报告 时间:2022-08-03",  # the section's name and the page's numeric date
    "【www.example.com--调研报告】",  # the site's address and section in black brackets
])
def test_crumbs_dates_and_addresses_of_a_page_header(line):
    assert kj6(line + "\n" + TITLE + BODY) == [line]


def test_the_page_header_above_a_breadcrumb_may_be_long():
    header = "某某市人民政府门户网站 某某市交通运输局 政务公告 中共某某市交通运输局党组关于巡察整改情况的通报"
    text = header + "\n当前位置:首页 > 政务公开 > 政务公告\n" + TITLE + BODY
    assert header in kj6(text)


def test_bulleted_labels_beside_a_bulleted_panel_row():
    text = TITLE + "  • 阅读:\n  • 时间:2022-04-29\n  • 发布:\n" + BODY
    assert kj6(text) == ["• 阅读:", "• 时间:2022-04-29", "• 发布:"]


def test_a_time_field_without_its_date_under_the_title():
    assert kj6("某医院领导演讲致辞\n时间: 新华 发言致辞\n" + BODY) == ["时间: 新华 发言致辞"]


@pytest.mark.parametrize("text", [
    "会议记录\n时间:\n地点:\n主持人:\n" + BODY,  # a form's fields stand together
    TITLE + "收入 > 支出\n" + BODY,  # a single > between two words
    TITLE + "各位代表:\n" + BODY,
])
def test_a_forms_fields_and_a_comparison_stay(text):
    assert kj6(text) == []


def test_a_sites_phones_and_slogans_under_its_welcome_line():
    header = ["24小时应诊电话:0830-1234567", "预约挂号电话:0830-7654321(接电话时间8:00-11:30,13:30-17:00)",
              "国家三级甲等医院", "国家级胸痛中心、国家级心衰中心", "全国文明单位"]  # (a name right above
    # the title may be its issuer: kept)
    text = "欢迎来到某某市医院\n" + "\n\n".join(header) + "\n\n某某市医院2023年度单位决算\n来源:某某市医院    发布时间:2024-09-24 16:08:34\n" + BODY
    found = kj6(text)
    assert all(h.split("(")[0] in " ".join(found) for h in header)
    assert "某某市医院2023年度单位决算" not in found


def test_a_news_title_above_the_pages_time_stamp_stays():
    text = ("ad9_210*60\n當前位置:某某網 > 新聞中心 > 熱點聚焦\n\n某某:2015年某某法院受理案件15985件 同比升42.6%\n\n"
            "2017年03月06日 13:52:00  來源:某某網\n字號:\n" + BODY)
    assert "某某:2015年某某法院受理案件15985件 同比升42.6%" not in kj6(text)


@pytest.mark.parametrize("line, found", [
    ("篇一:某医院年会领导讲话致辞", "篇一:某医院年会领导讲话致辞"),  # the site's number before a piece's title
    ("本文已影响 6.5W人", "本文已影响 6.5W人"),  # the page's count of its readers
    ("导读: 某县文化局2023年工作总结2023年以来,县局认真贯彻落实。", "导读:"),  # the lead label only
    ("【導讀】活,嚴格團員管理,加強團員教育。", "【導讀】"),
])
def test_a_pages_counters_and_lead_labels(line, found):
    assert found in kj6(line + "\n" + BODY)


@pytest.mark.parametrize("line", [
    "篇一:关于开展工作的通知，请各单位认真落实。",  # a sentence after the counter
    "全年阅读 1200 人次的活动共举办12场。",
])
def test_counters_in_a_sentence_stay(line):
    assert kj6(TITLE + line + "\n" + BODY) == []


def test_a_title_broken_over_lines_under_the_pages_title_is_no_header():
    text = ("文      号 某政办〔2025〕1号 信息分类: 综合政务\n\n某区人民政府办公室关于印发2025年工作要点的通知\n\n"
            "发布时间:2025-01-06 10:00 |  来源:某区人民政府办公室\n\n某区人民政府办公室关于印发\n\n2025年工作要点的通知\n\n"
            "字号:\n" + BODY)
    assert "某区人民政府办公室关于印发2025年工作要点的通知" not in kj6(text)


@pytest.mark.parametrize("line", [
    "页:",  # a forum's pager
    "[1] [2] [3] 下一页",
    "人工智能朗读:",  # a read-aloud button
    "某某国投先锋公众号",  # the account the item comes from
    "http://www.example.com  2008-01-21 17:47:05  来源:某某日报",  # the page's address before its stamp
])
def test_pagers_buttons_and_accounts_of_a_page(line):
    assert kj6(line + "\n" + TITLE + BODY) == [line]


@pytest.mark.parametrize("line", [
    "[1] 张某. 基层治理研究[J]. 某某学报, 2020.",  # a reference
    "[1]",  # a note's number alone
    "二、加强公众号建设，全年发布信息120条。",
    "详见 http://www.example.com 网站公告",
])
def test_references_notes_and_sentences_stay(line):
    assert kj6(TITLE + BODY + line + "\n" + BODY) == []


@pytest.mark.parametrize("line", ["2022年某镇妇联工作总结 |", "全年完成目标任务，群众满意度明显提升。 |"])
def test_a_cell_rule_left_at_the_end_of_a_line_of_words(line):
    assert kj6(TITLE + line + "\n" + BODY) == [" |"]


@pytest.mark.parametrize("line", [
    "| 序号 | 任务名称 | 负责人 |",  # a table's row
    "收入 | 支出",
    "整理者:某某 阅读:2341 |",  # a row of the page's panel: reported whole, not its rule
])
def test_table_rows_and_panel_rows_keep_their_rules(line):
    assert " |" not in kj6(TITLE + BODY + line + "\n" + BODY)
