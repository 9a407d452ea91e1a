"""KJ6 on news and portal pages: bylines, credits, a portal's boxes and notices (issue #11).

Invented text in the shapes scraped pages show (session 14's development pages): the outlet's
byline heading a story and its credit lines are the site's, as 来源 and 作者 lines are; a bare
dateline (本报讯 4月28日,…) and a credit in brackets closing the story ((记者 王某)) are the story's
own (docs/labeling.md)."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

BODY = "全年组织企业申报项目12项，新增高新技术企业8家，各项工作取得明显成效。"
# a page in traditional script is read in traditional script throughout (its furniture too)
TRAD = {"某某县召开年度工作会议": "某某縣召開年度工作會議", BODY: "全年組織企業申報項目12項，新增高新技術企業8家，各項工作取得明顯成效。"}
TRADITIONAL = set("訊網導報記者電議會開長將進報專規範瀏覽達建議請們隱權啟聽聞搶現")


def page(text: str) -> str:
    """`text` as a page in the script of its furniture."""
    if TRADITIONAL & set(text):
        for simplified, traditional in TRAD.items():
            text = text.replace(simplified, traditional)
    return text


def kj6(text: str):
    text = page(text)
    return [(f.code, f.line, text[f.offset:f.end_offset]) for f in lint_text(text, select=["KJ6"])]


@pytest.mark.parametrize("lead, byline", [
    # the outlet, the day and 讯 before the reporter's credit
    ("某某新闻网12月12日讯(通讯员 王某某 李某)12月12日上午，某镇召开人大代表述职评议大会。",
     "某某新闻网12月12日讯(通讯员 王某某 李某)"),
    ("本报北京9月19日讯(记者张某某)国新办19日举行新闻发布会，介绍有关情况。", "本报北京9月19日讯(记者张某某)"),
    # the outlet and the place before 讯, no date, the credit naming several roles without spaces
    ("本报某阳讯(某某法制报记者王某某实习记者刘某通讯员李某某)8月31日，某县法院院长作工作报告。",
     "本报某阳讯(某某法制报记者王某某实习记者刘某通讯员李某某)"),
    ("某某網1月11日訊 (某某導報記者 吳某某)昨日上午，某縣公安局舉辦宣傳活動。", "某某網1月11日訊 (某某導報記者 吳某某)"),
    ("某某市融媒体中心—某某新闻网讯(记者 罗某 通讯员 李某某)近日，市场监督管理局印发通知。",
     "某某市融媒体中心—某某新闻网讯(记者 罗某 通讯员 李某某)"),
    # the paper's credit in brackets heading the story: its reporter, where he filed it
    ("〔記者何某某/台北報導〕市議會今(12)日開議，市長將進行施政報告。", "〔記者何某某/台北報導〕"),
    ("【某某記者黃某某報導】市議會第4次定期會自10月15日起進入市政總質詢。", "【某某記者黃某某報導】"),
])
def test_a_storys_byline_is_reported_alone(lead, byline):
    text = f"某某县召开年度工作会议\n{lead}\n{BODY}\n"
    assert kj6(text) == [("KJ601", 2, byline)]


@pytest.mark.parametrize("line", [
    "本报记者 康 宁",                       # the outlet's reporter, on a line of his own
    "某某网记者 梁某",
    "记者吕某某/综合报导",                   # the reporter, a slash and where the story was filed
    "某新聞|記者張某某/台北報導",
    "宣传科 供稿",                           # who supplied the text or the picture
    "某某市住房和城鄉建設局 供圖",
    "本報記者 吳某某 攝",
])
def test_a_credit_line_is_the_sites(line):
    text = f"某某县召开年度工作会议\n{line}\n{BODY}\n"
    assert kj6(text) == [("KJ601", 2, line)]


@pytest.mark.parametrize("text", [
    "本报讯 4月28日，市工信局召开全市工信系统一季度工业经济运行分析会。\n" + BODY,   # a bare dateline
    "新华社北京3月8日电\n" + BODY,                                                 # ... alone on its line
    "新华社北京3月8日电(记者 王某、李某)3月8日上午，会议听取了工作报告。\n" + BODY,   # a wire agency's dateline
    "(某某社記者陳某某、劉某某台北4日電)市議會總質詢今天結束，議長發表結語。\n" + BODY,
    BODY + "会议圆满结束。(记者 贺某某 通讯员 王某)\n",                          # the story's signature
    BODY + "\n(記者 吳某)\n",
    "通讯员工作总结暨培训会\n" + BODY,                                           # a title that names 通讯员
    "记者站2023年工作总结\n" + BODY,
    "某某镇供电所\n" + BODY,
])
def test_a_storys_own_dateline_signature_and_title_are_kept(text):
    assert kj6(text) == []


@pytest.mark.parametrize("line", [
    "相关新闻", "最新生活新闻", "点击排行", "全站热搜", "政治今日热门", "- 头条新闻", "熱點圖片",  # a box's heading
    "附件列表", "暂时没有评论",                                  # a list box's name and its empty state
    "点赞 (0) 回复",                                              # a post's buttons with their counts
    "某某 · 2024-07-01 13:48:58",                                 # a post's header: who, and when
    "来自某某学院-韦某某发布于:2022-11-19 23:20:22",
    "19.03.2015  12:43",
    "发表于 2005 年 11 月 9 日 09:41:51",                   # a forum's header, its date spaced out
    "為達最佳瀏覽效果,建議使用 Chrome、Firefox 或 Microsoft Edge 的瀏覽器。",   # the page on itself
    "請同意我們的隱私權規範,才能啟用聽新聞的功能。",
    "不用抽 不用搶 現在用APP看新聞 保證天天中獎  點我下載APP",
    "Your browser does not appear to support Traditional Chinese.",
    "0543-5070686",                                               # the site's telephone
    "美国中文网",                                                 # the site's name
    "(下转第三版)",                                               # a printed paper's continuation
    "某某医院专家 https://m.example.com/fengtai/68389/yisheng.html",   # an ad's link
])
def test_a_portals_boxes_and_notices_are_furniture(line):
    text = f"某某县召开年度工作会议\n{BODY}\n{line}\n{BODY}\n"
    assert [(code, ln) for code, ln, _ in kj6(text)] == [("KJ601", 3)]


@pytest.mark.parametrize("line", [
    "一、新闻宣传工作",                # a numbered heading
    "新闻宣传",                        # a heading of the report
    "健全基层监测网络",                # a heading ending in 网络
    "我们高度重视群众隐私保护工作，全年未发生泄露事件。",
    "组织干部职工下载国家反诈中心APP，覆盖率达95%。",
    "会议于2023-06-01 09:00在县政府召开。",
    "参考文献：[3] Java读取PDF文本内容 https://blog.example.com/1",
    "暂无",
])
def test_report_lines_like_them_are_kept(line):
    text = f"某某县召开年度工作会议\n{BODY}\n{line}\n{BODY}\n"
    assert kj6(text) == []


PARA = "今年以来，某局认真贯彻落实上级决策部署，统筹推进各项重点工作，全年各项目标任务顺利完成，得到了上级的充分肯定。"
PARA2 = "会议指出，要进一步提高政治站位，压实工作责任，确保各项工作落地见效，以优异成绩迎接新一年的各项任务。"


@pytest.mark.parametrize("caption", [
    "党委宣传部部长王某某讲话",                 # a person named with his post, at work on the picture
    "新闻中心主任曾某作工作汇报",
    "某某研究院主某院长发表讲话",
    "副区长黄某某(右二)代表区委、区政府接过喜报",   # a place in the picture given to him
    "交流会现场",                                   # a scene
])
def test_a_caption_alone_between_two_paragraphs_of_a_story_is_furniture(caption):
    text = f"某局召开年度工作总结会议\n{PARA}\n{caption}\n{PARA2}\n"
    assert kj6(text) == [("KJ609", 3, caption)]


def test_the_photo_agencys_caption_is_known_by_its_grammar_wherever_it_stands():
    """图为… says what the picture shows: KJ601's photo caption group reports it on a line of its
    own (session 15), between two paragraphs as above the first one; the layout (KJ609) is for
    captions only their place tells."""
    caption = "图为第32届评选活动现场。(张某 摄/某某图片)"
    assert kj6(f"某局召开年度工作总结会议\n{PARA}\n{caption}\n{PARA2}\n") == [("KJ601", 3, caption)]
    assert kj6(f"某局召开年度工作总结会议\n{caption}\n{PARA}\n") == [("KJ601", 2, caption)]


@pytest.mark.parametrize("line", [
    "一、主要工作",                                   # a heading
    "全县发展与改革工作汇报",                         # a title: 作 is part of 工作
    "县长在全县经济工作会议上的讲话",                 # a speech's title: 在, 的
    "2023年政府工作报告",
    "加强基层网格员队伍建设",
])
def test_a_heading_or_title_between_paragraphs_is_no_caption(line):
    assert kj6(f"某局召开年度工作总结会议\n{PARA}\n{line}\n{PARA2}\n") == []


def test_a_caption_outside_the_body_is_reported_once_by_its_place():
    # Between paragraphs a caption needs a story's paragraph on both sides (above); outside the
    # body, above its first sentence or below its last, a scene's caption is the page's by where it
    # stands (session 16: fresh10 p092's first line 会议现场 is labeled, as the guide has captions
    # without their picture), reported once, by KJ609's check of the lines outside the body.
    assert kj6(f"交流会现场\n{PARA}\n{PARA2}\n") == [("KJ609", 1, "交流会现场")]            # the page's first line
    assert kj6(f"某局召开年度工作总结会议\n{PARA}\n交流会现场\n") == [("KJ609", 3, "交流会现场")]  # nothing below it


def test_a_run_of_asterisks_closing_a_headline_or_alone_is_decoration_not_a_mask():
    text = f"某学会八届五次理事会在线上举行******\n{PARA}\n****************\n{PARA2}\n"
    found = [(f.code, f.line, text[f.offset:f.end_offset]) for f in lint_text(text, select=["KJ2", "KJ6"])]
    assert found == [("KJ601", 1, "******"), ("KJ601", 3, "****************")]


@pytest.mark.parametrize("text", [
    "全年实现销售收入**万元，同比增长**%。\n",          # masks inside the sentence
    "全年完成固定资产投资****\n",                       # a figure masked at a line's end
    "全年实现工业产值******万元。\n",                  # six inside the sentence
])
def test_asterisk_masks_stay_masks(text):
    assert {f.code for f in lint_text(text, select=["KJ2", "KJ6"])} == {"KJ202"}


def test_a_page_number_between_tildes_is_a_page_counter():
    text = f"某局召开年度工作总结会议\n{PARA}\n~727~\n{PARA2}\n"
    assert [(code, ln) for code, ln, _ in kj6(text)] == [("KJ601", 3)]
