"""KJ6 on fresh13's kinds of site furniture (session 18's post-run fix, issue #11).

Invented text in the shapes fresh13's pages showed: a news photo's caption closed by its bracketed
credit where the story goes on below it (printed twice by some portals: the copy is the caption's,
no repeated paragraph of the text), an English flipbook interface above a Chinese text, keywords
of a betting app joined by `_` where a name stood in a sentence, and a headline's first line
reporting a figure above the title (the story's, not the site's)."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

STORY = ("某某鎮代表會第九屆第二十次臨時會昨下鄉勘察地方重要建設行程，代表會主席等人在鎮長陪同下實際勘察"
         "社區環境改善等各項地方基層建設，瞭解亟需改善的問題。")
STORY2 = ("第二站走訪某某祠戲台新建工程，該項工程所需經費四百多萬元由縣府施政計畫支付，預定二百個日曆天完工，"
          "工程內容規劃有地上二層建築物及周邊環境景觀工程。")


def found(text: str, select=("KJ6", "KJ1")):
    return [(f.code, f.line) for f in lint_text(text, select=list(select))]


@pytest.mark.parametrize("caption", [
    "某某鎮代表昨下鄉勘察地方建設，某某等人在鎮長陪同下勘察各項地方建設。(王某某攝)",
    "某某鎮公所召開年度年中工作檢討會，由鎮長主持會議。(某某鎮公所提供)",
    "縣長感謝議長及議員過去4年多的支持，讓縣政建設得以順利推動。(圖/某某縣政府提供)",
    "▲市長親率民政、工務、社會等課室主管出席。(圖/某某市公所)",
])
def test_credited_caption_above_the_story(caption):
    text = f"某某鎮代下鄉勘察工程\n\n{caption}\n\n{STORY}\n{STORY2}\n"
    assert ("KJ609", 3) in found(text)


def test_caption_printed_twice_is_the_captions_not_a_repeated_paragraph():
    caption = "某某鎮代表昨下鄉勘察地方建設，某某等人在鎮長陪同下勘察各項地方建設。(王某某攝)"
    text = f"某某鎮代下鄉勘察工程\n\n{caption}\n\n{caption}\n\n{STORY}\n{STORY2}\n"
    assert found(text) == [("KJ609", 3), ("KJ609", 5)]


def test_credit_closing_the_story_stays():
    # a credit in brackets closing the story's last paragraph, or on the line under it, is the
    # story's own signature (docs/labeling.md)
    text = f"某某鎮代下鄉勘察工程\n\n{STORY}\n{STORY2}\n市長率領市府團隊出席會議。(記者王某攝)\n"
    assert found(text) == []
    text = f"某某鎮代下鄉勘察工程\n\n{STORY}\n{STORY2}\n勘察工作結束後，代表們對工程進度表示肯定，希望施工單位注意安全。(王某某攝)\n"
    assert found(text) == []


BODY = ("「幸福某鄉」是鄉長嚮往的願景，也是施政的理念。三年前，在鄉親的支持下，有幸能為家鄉服務，"
        "實現自己對家鄉的承諾。")


def test_english_interface_above_a_chinese_text():
    top = ["Enjoying your free trial? Only 9 days left! Upgrade Now", "We invite you to preview our new dashboard.",
           "No, try later", "Published on Sep 21,2022", "Like", "Share", "Download", "某某鄉政成果專輯_電子書 Read More",
           "Followers:", "P:03"]
    text = "\n".join(top) + "\n\n鄉長序\n\n" + BODY + "\n"
    lines = [line for code, line in found(text, ("KJ6",)) if code == "KJ609"]
    assert lines == list(range(1, len(top) + 1))


def test_english_lines_without_an_interface_stay():
    # one English title or subtitle above the text is the document's: no widgets tell an interface
    text = "Annual Work Report\nPublished on Sep 21,2022\n\n鄉長序\n\n" + BODY + "\n"
    assert [f for f in found(text, ("KJ6",)) if f[1] == 2] == []


@pytest.mark.parametrize("line, spam", [
    ("2020年以来,某某杯365软件_beat365手机版_某彩365安卓版本审计局面对新形势、新任务，切实履行审计监督职责。",
     "_beat365手机版_某彩365安卓版本"),
    ("局长受最新老虎机_即时比分网¥游戏手机版平台委托，向县人大常委会作审计工作报告。", "_即时比分网"),
    ("在全党集中开展党史学习教育，十分必要。某某成集团abc122cc学生第一党支部于6月10日召开会议。", "集团abc122cc"),
])
def test_spam_keywords_in_a_sentence(line, spam):
    hits = [(f.code, line[f.offset:f.end_offset]) for f in lint_text(line + "\n", select=["KJ601"])]
    assert any(spam in text for code, text in hits), hits


def test_underscores_of_a_file_name_stay():
    text = "请下载附件：某某县_2023年_工作报告，按要求填写后报送。\n"
    assert [f for f in lint_text(text, select=["KJ601"])] == []


def test_headline_reporting_a_figure_above_the_title_stays():
    text = ("前年動用443億財儲餘67億未花\n\n財政局:預算執行是應使則使\n09/02/2023\n收藏\n分享\n財政局:預算執行是應使則使\n\n"
            "立法會昨日舉行全體會議，審議第二常設委員會關於《2021年度預算執行情況報告》的意見書及有關決議案，議員關注預算修改。\n")
    assert [f.line for f in lint_text(text, select=["KJ609"]) if f.line == 1] == []


def test_publisher_heading_a_bulleted_panel():
    text = ("• 某某市应急管理局\n  • 索引号\n    000014348/2023-01302\n  • 发布机构\n    某某市应急管理局\n  • 发布日期\n"
            "    2023-07-24\n\n 某某市应急管理局2022年度部门决算\n\n第一部分  某某市应急管理局概况\n\n"
            "一、部门职责：贯彻落实国家、省、市关于应急管理工作的方针政策和决策部署，组织编制全市应急体系建设规划。\n")
    assert 1 in [f.line for f in lint_text(text, select=["KJ6"])]


def test_publisher_above_the_page_stamp():
    text = ("二○二二年财政年度施政报告---二〇二一年施政工作回顾与总结\n某某长官办公室\n2021-11-16 15:37\n\n"
            "现在，我就特区政府2021年的施政工作作简要的回顾和总结。\n\n"
            "2021年以来，特区政府不断检讨和改进疫情防控工作，完善和强化防疫措施，以有效推动疫苗接种。\n")
    assert 2 in [f.line for f in lint_text(text, select=["KJ6"])]


def test_issuer_above_a_date_by_the_day_stays():
    # a speech's or a 公文's issuer and its date under the title are the document's
    text = ("关于做好2023年防汛工作的通知\n某某市人民政府办公室\n2023年5月6日\n\n"
            "各县（市、区）人民政府，市政府各部门：为切实做好今年防汛工作，确保人民群众生命财产安全，现将有关事项通知如下。\n")
    assert [f for f in lint_text(text, select=["KJ6"]) if f.line == 2] == []


@pytest.mark.parametrize("line", ["(数据图片)", "資料圖片", "QQ扫码", "您的IP:10.1.2.3,2025-12-24 09:42:12,Processed in 0.06498 second(s)."])
def test_picture_placeholders_and_page_widgets(line):
    text = f"{STORY}\n{line}\n{STORY2}\n"
    assert 2 in [f.line for f in lint_text(text, select=["KJ601"])]


@pytest.mark.parametrize("line, credit", [
    ("【本報記者王某某】立法會昨日舉行全體會議，審議第二常設委員會關於預算執行情況報告的意見書。", "【本報記者王某某】"),
    ("【某某報5月16日讯】【某某報记者王某/台南报导】台南市议会第十六届第一次定期大会，于15日上午举行开幕典礼。",
     "【某某報5月16日讯】【某某報记者王某/台南报导】"),
])
def test_bracketed_credit_heading_the_story(line, credit):
    hits = [line[f.offset:f.end_offset] for f in lint_text(line + "\n", select=["KJ601"])]
    assert any(credit in h for h in hits), hits


@pytest.mark.parametrize("line", ["按Enter到主內容區", "分享: 分享至 LINE 分享至 Facebook 分享至 Twitter", "發表評論 取消回复"])
def test_portal_links_and_buttons(line):
    assert 1 in [f.line for f in lint_text(f"{line}\n{STORY}\n{STORY2}\n", select=["KJ601"])]


def test_back_to_top_below_the_story():
    assert 4 in [f.line for f in lint_text(f"{STORY}\n{STORY2}\n\n回頁首\n", select=["KJ6"])]


def test_tight_dashed_page_numbers_in_flattened_text():
    page = "某某局2021年度部门决算" + "第一部分 部门概况 一、部门职责 二、机构设置 " * 12
    text = f"{page} -1- {page} -2- {page}\n"
    assert [text[f.offset:f.end_offset] for f in lint_text(text, select=["KJ605"])] == ["-1-", "-2-"]


@pytest.mark.parametrize("line", ["  • 發布單位:公共關係室", "2026年 / 1 月 22日 / 星期四", "人气: 1"])
def test_page_fields_and_widgets_in_other_wordings(line):
    assert 1 in [f.line for f in lint_text(f"{line}\n{STORY}\n{STORY2}\n", select=["KJ601"])]


def test_slashed_credits_glued_after_the_last_sentence():
    text = f"{STORY}\n{STORY2}另感謝某某等人無私奉獻。圖/市議會提供、文/高某某\n"
    hits = [text[f.offset:f.end_offset] for f in lint_text(text, select=["KJ601"])]
    assert "圖/市議會提供、文/高某某" in hits
