"""Site furniture and injected junk missed on session 15's independent pages set (fresh10, issue
#11): a news page's anti-copy jammer of mixed symbols, a stock quote glued into a sentence, a
betting brand's search question, a site's copyright notice written as sentences, bylines and
credits in the forms news sites print, an e-paper's page header, captions under ▲, a listen
button, a title's word count, a portal's letter-spaced panel labels. Every text here is
invented in the shape of the real pages (fixtures/devsets/fresh10)."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

TITLE = "某某局2023年工作总结\n"
BODY = "全年组织企业申报项目12项，争取资金1200万元，各项工作取得明显成效。\n"


def parts(text: str, select=("KJ601",), path: str = "page.txt") -> list[tuple[str, int, str]]:
    return [(f.code, f.line, text[f.offset:f.end_offset]) for f in lint_text(text, path, select=list(select))]


# -- the anti-copy jammer: runs of # % @ * mixed, glued to words ------------------------------

def test_runs_of_mixed_symbols_glued_into_sentences_are_reported_alone_and_are_no_masks():
    line = ("本月在港举行#%##,局长用十个字称赞“想市民所想”@#*@*。成立服务队(服务队)%%#,目的是凝聚力量@**%*,"
            "之一%#@#%。当日%%*,局长主持仪式*%*%。")
    text = TITLE + line + "\n" + BODY
    found = parts(text, ["KJ601", "KJ202", "KJ207"])
    assert [p for _, _, p in found] == ["#%##", "@#*@*", "%%#", "@**%*", "%#@#%", "%%*", "*%*%"]
    assert {c for c, _, _ in found} == {"KJ601"}


@pytest.mark.parametrize("line", [
    "全年增长**%，完成**个项目。",       # masks: asterisks, then the percent sign
    "标题后的###是Markdown的写法。",      # one symbol repeated
    "利润 = 人数*单价*20%，按月结算。",   # a formula
])
def test_a_mask_or_one_symbol_repeated_is_no_jammer(line):
    assert parts(TITLE + line + "\n" + BODY) == []


# -- a stock quote and a betting brand's question -------------------------------------------

def test_a_stock_quote_glued_after_a_companys_word_is_reported_alone():
    line = "加快发展农村电子商务和农产品(21.37, -0.52, -2.38%)电子商务是今年的另一大重点工作。"
    assert [p for _, _, p in parts(TITLE + line + "\n" + BODY)] == ["(21.37, -0.52, -2.38%)"]


def test_figures_in_brackets_are_no_stock_quote():
    line = "三项指标分别为(21.3, 0.5, 2.4%)，均达到年度目标。"
    assert parts(TITLE + line + "\n" + BODY) == []


def test_a_betting_brand_asking_whether_it_can_be_trusted_is_spam():
    line = "abab体育靠谱吗:某局关于印发《全市业务发展指导意见》的通知"
    assert [p for _, _, p in parts(TITLE + line + "\n" + BODY)] == ["abab体育靠谱吗:"]


# -- a site's copyright notice written as sentences -----------------------------------------

@pytest.mark.parametrize("line", [
    "①某某报社各媒体稿件和图片,独家授权某某新闻网发布,未经本网允许,不得转载使用。",
    "②本网转载其他媒体稿件目的在于传递更多信息,并不代表本网赞同其观点和对其真实性负责。",
    "作者原创,不允许二次传播,一经发现收回会员权益,追究法律责任。",
    "本站互联网违法和不良信息举报电话:0551-1234567",
    "版权声明",
])
def test_a_sites_notice_about_copying_is_a_disclaimer_even_as_a_sentence(line):
    assert [p for _, _, p in parts(TITLE + BODY + line + "\n")] == [line]


@pytest.mark.parametrize("line", [
    "涉密文件不得擅自复制，严禁通过互联网传输。",
    "本网站全年发布政务信息1200条，更新栏目15个。",
    "作者在文中提出了三点建议，值得借鉴。",
])
def test_a_reports_own_sentences_about_copies_and_its_site_are_no_disclaimer(line):
    assert parts(TITLE + line + "\n" + BODY) == []


# -- bylines and credits --------------------------------------------------------------------

@pytest.mark.parametrize("line, credit", [
    ("某某在線記者 王小明 李大", "某某在線記者 王小明 李大"),
    ("某某日報訊 某某日報訊(記者王某、通訊員李某)1月15日召開的全省工作會,敲定了目標。",
     "某某日報訊 某某日報訊(記者王某、通訊員李某)"),
    ("某某法制传媒网长春:(孙某某)某县人民代表大会第五次会议于1月6日召开。", "某某法制传媒网长春:(孙某某)"),
    ("某某气象报记者刘某某报道 3月27日,某省气象局与某市政府达成共识。", "某某气象报记者刘某某报道"),
    ("制图:王某", "制图:王某"),
])
def test_a_news_pages_credit_is_reported(line, credit):
    assert [p for _, _, p in parts(TITLE + line + "\n" + BODY)] == [credit]


# -- an e-paper's header, captions, buttons, counters, panel labels ---------------------------

@pytest.mark.parametrize("line", [
    "第03版:聚焦2024年全省交通运输工作会议",
    "本版新闻列表",
    "2023年12月22日 星期",
    "▲某某某博士",
    "点击收听年报语音朗读",
    "文件下载:",
    "首   页 走进某县 新闻中心 政府信息公开 政务服务",
    "发 文 号:公告 2024年 第1号",
])
def test_a_line_of_page_furniture_is_reported(line):
    assert [p for _, _, p in parts(TITLE + line + "\n" + BODY)] == [line]


@pytest.mark.parametrize("text, junk", [
    ("某市政府工作报告(全文18521字)\n" + BODY, "(全文18521字)"),
    (TITLE + "会议传达了全省会议精神。 ![]() 会议强调，要提高政治站位。\n", "![]()"),
])
def test_a_counter_or_an_empty_picture_inside_a_line_is_reported_alone(text, junk):
    assert [p.strip() for _, _, p in parts(text)] == [junk]


@pytest.mark.parametrize("line", [
    "第三版",                           # an edition alone is the old pattern's; here no new finding
    "附件:",                            # a 公文's own attachment heading
    "分享经验:各单位交流了做法。",
    "点击率较上年提高了12%。",
])
def test_words_like_the_furniture_in_a_report_are_no_furniture(line):
    assert [p for _, _, p in parts(TITLE + line + "\n" + BODY) if p != "第三版"] == []


# -- a banner of slogans above the body -----------------------------------------------------

def test_lines_of_paired_four_character_slogans_above_the_body_are_the_sites_banner():
    banner = "发展为要 民生为本\n消息汇总 前沿观察\n\n权威发布 基层声音\n"
    text = banner + "今年,某局将扎实推进各项工作,全年预计新增公路里程120公里。\n" + BODY
    assert [(ln, p) for _, ln, p in parts(text)] == [(1, "发展为要 民生为本"), (2, "消息汇总 前沿观察"),
                                                    (4, "权威发布 基层声音")]


@pytest.mark.parametrize("text", [
    "第一部分 单位概况\n第二部分 收支情况\n" + BODY,                 # two headings: no banner
    TITLE + BODY + "发展为要 民生为本\n消息汇总 前沿观察\n权威发布 基层声音\n",  # below the body's start
])
def test_paired_phrases_that_are_headings_or_in_the_body_are_no_banner(text):
    assert parts(text) == []
