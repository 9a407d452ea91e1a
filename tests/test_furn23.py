"""Site furniture read from the page's layout (session 23, issue #11): the body is the run of lines
that are Chinese sentences; short lines around it that are no sentences, fields or headings, the
site's marks glued through it, captions of pictures that are not there and the title printed again
over a page are the page's. Every text here is invented in the shape of the real pages
(fixtures/devsets/furn23, fresh16, fresh17)."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

BODY = "全年组织企业申报项目12项，争取资金1200万元，各项工作取得明显成效，群众满意度进一步提升。\n"
BODY2 = "下一步，我们将继续深化改革创新，狠抓工作落实，推动各项事业再上新台阶，努力交出满意答卷。\n"
KJ6 = ["KJ601", "KJ607", "KJ609"]


def found(text: str, select=KJ6, path: str = "page.txt") -> list[tuple[str, int, str]]:
    return [(f.code, f.line, text[f.offset:f.end_offset]) for f in lint_text(text, path, select=select)]


def lines_found(text: str, select=KJ6) -> set[int]:
    return {line for _, line, _ in found(text, select)}


# -- between the page's metadata and the body ------------------------------------------------

@pytest.mark.parametrize("widgets", [
    ["某某人大微信", "公众号二维码", "—分享—"],
    ["■王某某"],
    ["□通讯员 王某 李某某 记者 张某"],
])
def test_short_lines_between_the_metadata_and_the_body_are_the_pages(widgets):
    text = "某某局召开年度工作总结会\n来源:某某日报 作者:李某 2021-03-05 10:20\n" + "\n".join(widgets) + "\n" + BODY + BODY2
    assert set(range(3, 3 + len(widgets))) <= lines_found(text)


@pytest.mark.parametrize("head, kept", [
    ("——2026年1月26日在某市第十八届人民代表大会第四次会议上\n来源:某某日报\n", "某市市长 某某"),  # a speech's speaker
    ("来源:某某日报\n", "——记某某镇党委书记某某"),     # a subtitle under the metadata
    ("来源:某某日报\n", "某政发〔2021〕3号"),             # a 文号
    ("来源:某某日报\n", "各乡镇人民政府:"),               # a salutation
    ("来源:某某日报\n", "一、总体情况"),                   # a heading
])
def test_a_documents_own_head_under_the_metadata_is_kept(head, kept):
    text = "某某市2026年政府工作报告\n" + head + kept + "\n" + BODY + BODY2
    line = head.count("\n") + 2
    assert "来源:某某日报" in {part for _, _, part in found(text)}  # (the metadata is the page's)
    assert line not in lines_found(text)


# -- outside the body: widget words, a breadcrumb's piece, separators, empty fields -----------

@pytest.mark.parametrize("line", ["关灯 巨大 直达底部", "> 期刊发表知识库", "新闻中心 >>"])
def test_a_widget_line_or_a_breadcrumbs_piece_above_the_body(line):
    text = line + "\n某某局2023年工作总结\n" + BODY + BODY2
    assert 1 in lines_found(text)


@pytest.mark.parametrize("line", [
    "凝心聚力 砥砺前行 再创佳绩",   # a slogan of four-character phrases
    "张某 李某某 王某",             # a roll of names
    "工 作 总 结",                  # a title letter-spaced
    "第一章 总 则",                 # a chapter's heading
])
def test_spaced_words_that_a_document_writes_are_kept(line):
    text = "某某局2023年工作总结\n" + line + "\n" + BODY + BODY2
    assert 2 not in lines_found(text)


def test_a_lone_separator_and_an_empty_field_begin_the_footer():
    text = "某某局2023年工作总结\n" + BODY + BODY2 + ">\n【责任编辑:】\n用户评论\n已有0人评论\n"
    assert {4, 5, 6, 7} <= lines_found(text)


def test_a_row_of_editors_below_the_body():
    text = "某某局2023年工作总结\n" + BODY + BODY2 + "初审: 王某某 复审:李某 终审:张某某\n"
    assert 4 in lines_found(text)


def test_a_notices_contact_fields_below_the_body_are_kept():
    text = "某某局关于开展评选工作的通知\n" + BODY + BODY2 + "联系人:王某某 联系电话:0451-84545823 地址:某某路27号\n"
    assert 4 not in lines_found(text)


# -- pictures, buttons, marks, placeholders ---------------------------------------------------

def test_a_caption_sentence_glued_after_the_story_and_one_alone_at_the_end():
    text = ("某某镇召开人代会\n" + BODY + BODY2.rstrip("\n") + "图为会议现场代表审议报告。\n"
            + "下图为3月5日某某镇代表分组讨论政府工作报告。\n")
    got = found(text)
    assert ("KJ609", 3, "图为会议现场代表审议报告。") in got
    assert any(line == 4 for _, line, _ in got)


def test_a_picture_named_in_the_middle_of_a_sentence_is_no_caption():
    text = "某某局2023年工作总结\n" + "如图为例，全年项目完成情况见附表，各项指标均达到预期目标，群众满意度进一步提升。\n" + BODY2
    assert 2 not in lines_found(text)


def test_a_button_left_open_after_the_last_sentence():
    text = "某某会议专题\n" + BODY.rstrip("\n") + "【详细\n" + BODY2
    assert ("KJ609", 2, "【详细") in found(text)


def test_a_sites_mark_glued_through_the_text():
    text = ("某某新闻网\n某某市召开政协会议\n" + BODY.rstrip("\n") + "某某新闻网\n"
            + BODY2.rstrip("\n") + "某某新闻网\n" + "会议号召全市上下凝心聚力，共谋发展大计，奋力开创新局面。某某新闻网\n")
    assert {1, 3, 4, 5} <= {line for code, line, part in found(text) if part == "某某新闻网"}


def test_a_heading_repeated_on_lines_of_its_own_is_no_mark():
    # the same words alone on their lines (a table's 合计, a repeated heading) are never glued
    text = "某某局2023年工作总结\n" + "\n".join(["主要做法", BODY.strip(), "主要做法", BODY2.strip(), "主要做法", BODY.strip()]) + "\n"
    assert not {line for _, line, part in found(text) if part == "主要做法"}


def test_placeholder_words_left_for_pictures():
    text = "某某局2023年工作总结\nkqwzva1zt\n" + BODY + "kqwzbrvv0\n" + BODY2
    assert {2, 4} <= lines_found(text)


def test_one_code_alone_is_no_placeholder():
    text = "某某局2023年工作总结\n" + BODY + "iso9001\n" + BODY2
    assert 3 not in lines_found(text)


# -- the title again between two paragraphs of the body (KJ607) ------------------------------

TITLE = "县政府2021年上半年工作情况报告"


def test_the_title_printed_again_between_paragraphs():
    text = (TITLE + "\n" + BODY + "上半年，重点抓了以下几个方面的工作，现将有关情况报告如下，请予审阅并提出意见和建议：\n"
            + TITLE + "\n" + BODY2)
    assert ("KJ607", 4, TITLE) in found(text, ["KJ607"])


def test_an_attachments_own_title_is_kept():
    text = (TITLE + "\n" + BODY + BODY2 + "附件：某某县2021年重点项目清单及上半年工作情况报告汇总表（详见附表）\n"
            + TITLE + "\n" + BODY)
    assert 5 not in {line for _, line, _ in found(text, ["KJ607"])}


# -- credits opened by a box mark ------------------------------------------------------------

@pytest.mark.parametrize("line", ["□ 某某市司法局", "■通讯员 王某 李某"])
def test_a_box_marked_credit_below_the_body(line):
    text = "某某局2023年工作总结\n" + BODY + BODY2 + line + "\n"
    assert 4 in lines_found(text)


def test_a_box_marked_heading_is_the_documents():
    # a ■ heading says what is done; no credit names only a person or an office after its mark
    text = "某某局2023年工作总结\n" + BODY + "■加强组织领导\n" + BODY2 + "■强化督查考核\n"
    assert not {3, 5} & lines_found(text)


def test_a_section_heading_under_the_metadata_is_kept():
    text = "某某局2023年工作总结\n来源:某某日报 2021-03-05 10:20\n国家信用体系建设的政策背景\n" + BODY + BODY2
    assert 3 not in lines_found(text)
