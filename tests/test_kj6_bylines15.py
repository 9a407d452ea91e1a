"""KJ601 on news and blog pages: the credit and header forms session 15 found missed (issue #11).

Invented text in the shapes scraped pages show (fresh9 and session 15's pages): a story's lead
whose outlet name the page mangled (pinyin glosses, a ? for a lost character), a credit line with
the verb of filing, the story's original title, where the page says it was printed, a paper's
masthead and edition line, a caption whose picture is gone, a post's header (a user's name with the
page's counters or the date it went up), and the outlet glued after the last sentence. What stays
the story's own by docs/labeling.md's byline decision: a bare 讯 tag, every …电 dateline, a credit
in brackets closing the story, the closing (完)."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

TITLE = "某某县召开年度工作会议"
BODY = "全年组织企业申报项目12项，新增高新技术企业8家，各项工作取得明显成效。"
TRAD_BODY = "全年組織企業申報項目12項，新增高新技術企業8家，各項工作取得明顯成效。"


def kj6(text: str):
    return [(f.code, f.line, text[f.offset:f.end_offset]) for f in lint_text(text, select=["KJ6"])]


@pytest.mark.parametrize("byline, rest", [
    # the outlet's name with pinyin glosses after its characters, in either script
    ("某某新聞網(wǎng)訊(記者 王某)", " 日前，我市召開科技工作會議。"),
    ("某某新聞網(wǎng)3月5日訊 (通訊員 李某 張某(zhāng))", " 3月1日，某縣召開投資調度會。"),
    ("某某新闻网(wǎng)讯(通讯员 李某)", "近日，某镇召开工作会议。"),
    # ... or a ? where a character was lost, the gloss's bracket with it
    ("某某日?qǐng)?bào)訊(記者 王某 通訊員 李某)", "近日，市公安局某派出所獲評先進集體。"),
    # 消息 for 讯 (session 22, fresh15 p038 and fresh12 p035), mangled or not
    ("安陸新聞網(wǎng)消息(通訊員 蔣海平)", "為確保節日期間安全生產形勢穩定，市安委會決定開展大檢查。"),
    ("国际在线消息(记者 蔡靖骉)", ":5日上午，十二届全国人大一次会议在北京开幕。"),
])
def test_a_mangled_outlets_byline_is_reported_alone(byline, rest):
    text = f"{TITLE}\n{byline}{rest}\n{TRAD_BODY}\n"
    assert kj6(text) == [("KJ601", 2, byline)]


@pytest.mark.parametrize("line", [
    "记者 王某某 报道:",                              # a credit line with the verb of filing
    "本报记者 李某 张某 报道",
    "原标题:某某部:严防死守,确保各项任务落实到位",     # the story's original title
    "原標題：某某部召開年度工作會議",
    "(本文刊发于《某某周刊》2018年第10期)",             # where the page says it was printed
    "某某日报 2012年11月10日 星期一",                  # a paper's masthead with the weekday
    "《某某日报》(2012年11月10日 03版)",                # ... and its edition line
    "图为会议现场",                                     # a caption whose picture is gone
    "圖為某某市紀委全會現場，工作人員收取測評表。(某某市紀委供圖)",
    "【资料图】",
    "某某咖 人氣:3.07W",                                # a post's header: a name and the page's counters
    "abcde 总结与计划1阅读模式",
    "文章字数:849",
    "某某县妇联 2018-1-18",                             # ... or a name and the day the post went up
    "某某某 · 2024-07-01 13:48:58 來源:某某網 2167",     # ... or the time and the page's fields after it
    "正文字数:1589",
    "本文采编:CY",                                      # who edited or submitted it, under a key
    "供稿人:王某某",
    "范文一:某某工作总结 投稿:王某某",
])
def test_a_credit_caption_or_post_header_line_is_the_sites(line):
    text = f"{TITLE}\n{line}\n{BODY}\n"
    assert kj6(text) == [("KJ601", 2, line)]


@pytest.mark.parametrize("end, tail", [
    ("全力促進項目建設順利推進。", "來源:某某日報"),
    ("各项工作取得明显成效。", "来源：某某新闻网"),
    # the page's own field names whatever the source, after the story's closing credit too
    ("再上新台阶。(某某县人大 李某某) ", "信息来源:某某市某某县"),
])
def test_the_outlet_glued_after_the_last_sentence_is_reported_alone(end, tail):
    text = f"{TITLE}\n{BODY}\n{end}{tail}\n"
    assert [(code, line, found.strip()) for code, line, found in kj6(text)] == [("KJ601", 3, tail)]


@pytest.mark.parametrize("text", [
    # a bare tag, and every …电 dateline, credit or not: the story's own
    f"{TITLE}\n本报讯 2月14日，某省供销合作社召开经济运行分析会。\n{BODY}\n",
    f"{TITLE}\n人民日报北京1月4日电 (记者某某某)记者从全国工作会议上获悉。\n{BODY}\n",
    f"{TITLE}\n中評社北京7月3日電/記者從某部獲悉：今年前5個月就業形勢穩定。\n{TRAD_BODY}\n",
    # a credit in brackets closing the story, whatever it holds, and the closing (完)
    f"{TITLE}\n{BODY}\n会议强调，要确保各项任务落实到位。(区妇联)\n",
    f"{TITLE}\n{BODY}\n(某某市财政局办公室)\n",
    f"{TITLE}\n{BODY}\n(吉某)\n",
    f"{TITLE}\n{BODY}\n(某某 文)\n(某某 摄)\n",
    f"{TITLE}\n{BODY}\n谱写新篇章！(完)\n",
    # a signature dates in 年月日 under the text; a citation's 来源 inside a sentence is the writer's
    f"{TITLE}\n{BODY}\n某某县妇联\n2018年1月18日\n",
    f"{TITLE}\n全年粮食产量增长2.1%(来源：国家统计局)，好于预期。\n",
    f"{TITLE}\n{BODY}数据来源:某某统计局\n",
    # a sentence that starts with 图为 and goes on is the text's; so is reading about a reading mode
    f"{TITLE}\n图为民办实事，我们今年新建了8所幼儿园，新增学位2400个，缓解了入园难的问题，受到群众好评，全县入园率提高到92%，比上年提高3个百分点。\n",
    f"{TITLE}\n推广图书馆阅读模式\n{BODY}\n",
])
def test_the_storys_own_dateline_signature_and_text_stay_silent(text):
    assert kj6(text) == []


def test_a_report_introducing_its_figure_stays_silent():
    assert kj6(f"{TITLE}\n{BODY}\n下图为系统的整个架构：\n图为系统总体架构：\n{BODY}\n") == []


def test_a_word_file_keeps_its_captions_and_credit_lines(tmp_path):
    """A Word file has its pictures and writes its own news items: 图为… under a picture, a
    credit line, a post's date line are the author's; the same lines on a page are the site's."""
    from docx_maker import make_docx
    from kjlint.docx import read_docx
    from kjlint.engine import LintOptions, lint_document

    lines = ["图为会议现场", "记者 王某某 报道:", "原标题:某某部召开年度工作会议", "某某县妇联 2018-1-18"]
    doc = read_docx(make_docx(tmp_path / "简报.docx", [("title", TITLE), BODY, *lines, BODY]))
    assert [f.message for f in lint_document(doc, opts=LintOptions(codes={"KJ601"}))] == []
    page = "\n".join([TITLE, BODY, *lines, BODY]) + "\n"
    assert [line for _, _, line in kj6(page)] == lines


@pytest.mark.parametrize("line, note", [
    # (session 22: fresh14 p039, fresh12 p133, p132, p123) the page's note of where it took the piece
    # from, in brackets wherever it stands or after dashes closing a line, and a picture's source line
    ("(轉載自香港特別行政區政府新聞公報)", "(轉載自香港特別行政區政府新聞公報)"),
    ("「本文来源:工人日报」工人日报客户端记者田某1月6日上午到企业走访。", "「本文来源:工人日报」"),
    ("汉寿总工会举行2023年“送温暖”活动暨万达爱心仪式 ----摘录自《汉寿融媒》", "----摘录自《汉寿融媒》"),
    ("图片来源:摄图网", "图片来源:摄图网"),
])
def test_the_pages_note_of_its_source_is_reported(line, note):
    text = f"{TITLE}\n{BODY}\n{line}\n{BODY}\n"
    assert [(code, n, found) for code, n, found in kj6(text) if n == 3] == [("KJ601", 3, note)]


@pytest.mark.parametrize("line", [
    "以上数据摘自《中国统计年鉴2023》，口径与上年一致。",   # a citation in the writer's sentence
    "根据有关规定（来源于省财政厅文件），资金已全部拨付到位。",
])
def test_a_citation_of_a_source_in_prose_stays_the_texts(line):
    assert kj6(f"{TITLE}\n{BODY}\n{line}\n{BODY}\n") == []


def test_the_pages_english_date_field_at_the_top_is_reported_alone():
    """(session 22: five pages of four sets, each labeled KJ601) the search store's page opens with
    its template's date field in English, the story glued after it."""
    line = " date 2026-01-13 苗栗縣政府十三日召開今年第二次縣務會議，會中討論通過多項議案。"
    assert kj6(f"{line}\n{TRAD_BODY}\n") == [("KJ601", 1, " date 2026-01-13")]


@pytest.mark.parametrize("line", ["THE END", "—END—", "发表日期:2020-01-16 11:31:35 发布机构:某某区街道办事处"])
def test_a_posts_end_mark_and_the_pages_published_field_are_reported(line):
    assert [(code, n) for code, n, _found in kj6(f"{TITLE}\n{BODY}\n{line}\n{BODY}\n")] == [("KJ601", 3)]


def test_an_end_inside_prose_and_a_date_in_a_sentence_stay_the_texts():
    text = f"{TITLE}\n{BODY}\nThe end of the year review was held on 2026-01-13 in the hall.\n{BODY}\n"
    assert kj6(text) == []


@pytest.mark.parametrize("line, spam", [
    # (session 22: fresh11-fresh14's hijacked portal pages) betting brands glued into the copied text
    ("出了建议，强调学通社做好威廉希尔外宣工作的重要性。", "威廉希尔"),
    ("部门及内设科室工作职责,尊龙ag旗舰厅的联系方式。", "尊龙ag旗舰厅"),
    ("关于印发安全生产工作要点的通知云南省应急管理厅-凯发优惠", "凯发优惠"),
    ("半岛全站2022年,全市参加职工基本医疗保险人数稳步增长。", "半岛全站"),
])
def test_a_betting_brand_glued_into_the_text_is_reported(line, spam):
    assert [found for code, n, found in kj6(f"{TITLE}\n{BODY}\n{line}\n") if n == 3] == [spam]


def test_a_peninsula_and_a_company_name_stay_the_texts():
    text = f"{TITLE}\n辽东半岛沿海经济带建设稳步推进，凯旋发展公司完成投资。\n{BODY}\n"
    assert kj6(text) == []


@pytest.mark.parametrize("line", ["二维码", "我要分享", "赞赏支持", "未登錄", "扫描关注", "Copied!", "©原创   07-30 19:01",
                                  "© 2025 Jinbay.com All rights reserved.", "以下為文字實錄:"])
def test_a_pages_button_badge_or_transcript_lead_in_is_reported(line):
    """(session 22: fresh12-fresh15's pages) a page's button or badge alone on its line."""
    text = f"{TITLE}\n{BODY}\n{line}\n会议要求各部门认真落实。\n"
    assert [(code, n) for code, n, _found in kj6(text)] == [("KJ601", 3)]


def test_the_words_inside_a_sentence_stay_the_texts():
    text = f"{TITLE}\n{BODY}\n二维码扫描功能已上线运行，群众可扫描关注政务号。\n会议要求各部门认真落实。\n"
    assert kj6(text) == []


@pytest.mark.parametrize("line", ["作 者:西城街道 杨柳青", "来 源:某某日报", "信息提供日期 : 2024-01-26 18:00来源 : 某某区人民法院"])
def test_a_source_label_set_out_letter_by_letter_is_the_label(line):
    """(session 22: gov22 g32, g13, fresh13 p036)"""
    assert [(code, n) for code, n, _found in kj6(f"{TITLE}\n{line}\n{BODY}\n")] == [("KJ601", 2)]


def test_a_meetings_letter_spaced_fields_are_its_own():
    """An agenda's own 日 期:/時 間:/地 點: stay the document's (gov16 g026): only source and metadata
    labels are matched letter by letter."""
    text = "財務委員會會議議程\n日 期:1998年9月21日(星期一)\n時 間:下午2時30分\n地 點:立法會大樓會議室A\n會議將討論年度預算。\n"
    assert kj6(text) == []


def test_a_caption_under_its_label_opening_the_story_is_reported_alone():
    """(session 22: fresh16 p062) the page's caption, its label 圖說:, glued before the story."""
    text = f"{TITLE}\n▲圖說:台中市府元旦升旗典禮,市長率市府各局處首長參與。{TRAD_BODY}\n"
    assert kj6(text) == [("KJ601", 2, "▲圖說:台中市府元旦升旗典禮,市長率市府各局處首長參與。")]


def test_a_comment_boxs_labels_and_buttons_are_reported():
    """(session 22: fresh16 p025, p020) a comment box under the story, each label on its line."""
    lines = ["请输入文字", "发表评论", "请登录后提交", "评论列表(0条)", "查看更多评论"]
    text = f"{TITLE}\n{BODY}\n{BODY}\n" + "\n".join(lines) + "\n"
    assert [n for code, n, _found in kj6(text)] == [4, 5, 6, 7, 8]


def test_a_sites_address_line_with_its_contact_phone_opens_the_footer():
    """(session 22: fresh16 p022) 地址:… 联系电话:… is the site's footer, and the links above it the
    footer's too, below the story's last sentence."""
    text = (f"{TITLE}\n{BODY}\n审议过程中，代表们充分肯定了法院自换届以来的工作，认为各项工作取得新进展。\n责任编辑:湖法宣\n"
            "友情链接\n\n最高人民法院\n\n中国法院网\n\n联系我们\n地址:江西省湖口县人民法院   联系电话:0792-6322000\n")
    assert [n for _code, n, _found in kj6(text)] == [4, 5, 7, 9, 11, 12]


@pytest.mark.parametrize("line", ["請選擇... 進入行動版 | 繼續瀏覽電腦版", "搜尋結果: 63個", "發佈於:2023-1-30 20:41:35", "焦點新聞"])
def test_a_pages_mobile_switch_search_count_post_stamp_and_box_heading_are_reported(line):
    """(session 22: fresh16 p059, p054, p060)"""
    assert [(code, n) for code, n, _found in kj6(f"{TITLE}\n{BODY}\n{line}\n{BODY[:-1]}，成效明显。\n")] == [("KJ601", 3)]


def test_a_law_databases_path_readers_and_name_label_are_its_panel():
    """(session 22: fresh16 p017, a Taiwan law database's page)"""
    text = ("跳至主要內容\n瀏覽路徑: > 相關實務見解\n瀏覽人數:25771906人\n法規名稱: 新北市各區公所組織規程 第 4 條\n"
            "區公所組織依各區人口數之多寡設置課、室數,分別辦理本府授權之各項業務、本府所屬一級機關委託辦理事項。\n")
    codes = [(code, n) for code, n, _found in kj6(text)]
    assert ("KJ601", 2) in codes and ("KJ601", 3) in codes and ("KJ603", 4) in codes


def test_a_government_panels_rows_without_colons_and_a_correction_button_are_reported():
    """(session 22: fresh16 p038, p033)"""
    text = ("索引号 014437529/2018-00693 主题分类 城乡建设、环境保护\n发布单位 靖江市政府办 发文日期 2018-09-25\n"
            "文号 靖政发〔2018〕53号 时效 有效\n\n市政府关于印发生态河湖行动实施方案的通知\n"
            "各镇人民政府，各有关部门：现将实施方案印发给你们，请认真贯彻执行。\n【我要糾錯】 責任編輯:張某\n")
    assert [(code, n) for code, n, _found in kj6(text) if code == "KJ601"] == [
        ("KJ601", 1), ("KJ601", 2), ("KJ601", 3), ("KJ601", 7)]
