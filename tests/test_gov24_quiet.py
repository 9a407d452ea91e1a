"""What gov24 (session 24's independent government pages) showed at its first run: five false
alarms on clean official prose, each from a layout the rules misread. Invented text."""
from __future__ import annotations

from kjlint.engine import lint_text


def codes(text: str, prefix: str = "KJ") -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in lint_text(text) if f.code.startswith(prefix)]


def test_a_video_placeholder_is_furniture_and_the_body_may_open_at_its_second_level():
    """g008: a policy address's part, its source and date, the player's `未能播放Youtube視頻`, then (一)."""
    page = ("二○二三年施政報告(1)\n行政長官辦公室\n2022-11-15 16:22\n未能播放Youtube視頻\n\n"
            "(一)施政總體方向\n\n展望來年,國際局勢仍然複雜多變,各項工作穩步推進。\n")
    found = codes(page)
    assert (4, "KJ601") in found
    assert not [c for _, c in found if c == "KJ504"]


RULE = ("法規名稱: 經濟部暨所屬各機關個案計畫管制及評核作業注意事項\n民國 105 年 12 月 23 日\n法規內容:\n"
        "一、經濟部(以下簡稱本部)為利個案計畫管制作業有所依循,以落實個\n    案計畫之執行,特訂定本注意事項。\n"
        "    本部個案計畫之管制作業,依行政院各管考機關之相關規定及本注意\n    事項相關規定辦理。\n"
        "二、本部及所屬各機關應指定專責單位辦理個案計畫之管制,由本部技術\n    處統籌辦理;各機關應設置專人。\n")


def test_a_line_does_not_run_on_into_a_date_alone_on_the_next():
    """g009: a rule wrapped at a fixed width, its name above its date in the ROC era: the rule's
    lines are broken, the name's end is not."""
    assert [line for line, code in codes(RULE) if code == "KJ413"] == [4, 6, 8]


AMENDMENT = ("第1/2015號批示\n\n一、第66/2014號批示第一款(八)項、(十一)項、(十二)項及(十六)項修改如下:\n\n"
             "“(八)按照法律規定,批准向有關人員發放經法令核准的津貼,以及批准有關人員前往外地參加培訓;\n\n"
             "(十一)批准辦公室人員前往健康檢查委員會作檢查;\n\n(十二)決定有權收取日津貼的工作人員出外公幹;\n\n"
             "(十六)批准作出由預算支付的開支\n")


def test_an_amendment_quoting_the_items_it_changes_skips_numbers_by_design():
    """g011: (八) (十一) (十二), the items the lead-in names."""
    assert [c for _, c in codes(AMENDMENT, "KJ50")] == []


def test_a_gap_whose_number_is_cited_outside_the_lists_lead_in_is_kept():
    """The judicial texts of ../shared/corpus cite 第（三）项 everywhere: only a citation of the item
    itself, in the list's own lead-in, explains its number (sfjs_0001: the marks （一）（二） lost)."""
    text = ("第九条 依照刑事诉讼法第七十九条第一款第(三)项的规定办理。\n\n第十条 有下列情形之一的:\n\n"
            "(一)未履行批准手续的;\n\n(三)有其他违反规定的行为的。\n")
    assert "KJ502" in [c for _, c in codes(text, "KJ50")]


FOOTER = ("某某農業改良場公告\n瀏覽次數:53次\n依據:農業天然災害救助辦法第六條,公告本次救助地區及項目,"
          "救助對象應符合本辦法之規定。\n\n花蓮本場\n電話:03-852-1108 | 傳真:03-853-5902\n本場服務專線\n"
          "農業諮詢服務:0800-521-108 | 作物病蟲害診斷:0800-069-880\n土壤及作物營養:03-853-4914\n"
          "土壤及作物營養:03-853-4914\n自114年1月1日瀏覽人次: 670002 本月瀏覽人次:176300\n"
          "某某農業改良場 © 版權所有 All Rights Reserved\n"
          "Copyright ©本網站發表之所有文章、圖文係版權所有,係為學術研究成果,非經本場同意;\n"
          "不得引用於產品之標示、宣傳及廣告。若不當引用,應自負法律責任。\n最佳瀏覽解析度1920 x1080以上\n")


def test_a_footer_goes_on_below_a_wrapped_copyright_notice_and_a_visit_counter():
    """g031: the footer's lines (a phone line twice) are the page's, not a repeated paragraph."""
    found = codes(FOOTER)
    assert not [c for _, c in found if c.startswith("KJ1")]
    flagged = {line for line, c in found if c.startswith("KJ6")}
    assert {7, 8, 9, 10, 11, 14, 15} <= flagged and not flagged & {1, 3}


WIKI = ("第26/2024號法律\n第一條 標的\n编辑本法律旨在對若干法律及法令進行適應化及整合。\n"
        "第二條 適應化\n编辑一、對附件一所載法律進行適應化。\n第三條 生效\n编辑本法律自公佈翌日起生效。\n")


def test_a_wikis_edit_links_glued_under_each_heading_are_buttons():
    """g012: wikisource's section edit link `编辑` before each section's first line (and no mixed
    script reported for them in a traditional text)."""
    found = [(f.line, f.code, WIKI[f.offset:f.end_offset]) for f in lint_text(WIKI)]
    assert [(line, text) for line, code, text in found if code == "KJ609"] == [(3, "编辑"), (5, "编辑"), (7, "编辑")]
    assert not [code for _, code, _ in found if code == "KJ701"]


def test_a_sentence_opening_with_the_word_once_is_the_writers():
    text = "第一條 標的\n编辑部認為本法律應當修改。\n第二條 生效\n本法律自公佈翌日起生效。\n"
    assert not [c for _, c in codes(text) if c == "KJ609"]


def test_the_attached_rule_under_a_notice_signed_with_a_mixed_year_is_no_repeated_title():
    """g005: a 印发 notice (signed 二00七年…), then the rule it issues under its own title."""
    page = ("关于印发某某市廉租住房保障暂行办法的通知\n\n作者:法律资料网 时间:2024-07-21 23:47:30\n\n"
            "关于印发某某市廉租住房保障暂行办法的通知\n某政〔2007〕134号\n\n各县、区人民政府,市政府各部门:\n"
            "  现将《某某市廉租住房保障暂行办法》印发给你们,请认真贯彻执行。\n\n二00七年十二月九日\n\n\n"
            "某某市廉租住房保障暂行办法\n\n  第一章 总  则\n\n  第一条 为建立健全城市廉租住房制度,制定本办法。\n")
    assert [line for line, c in codes(page) if c == "KJ607"] == [5]


def test_a_courts_report_with_its_years_and_counts_deleted():
    """g022 (a court's report whose figures were taken out): a year after 对 before the work it
    dates, alone between a colon and a comma, after 的 before a colon; a count after 审执结."""
    text = ("某区法院工作报告\n报告全面回顾了区法院不忘初心、牢记使命的年:一年来,区法院始终坚持司法为民。"
            "区法院共受理各类案件3000件,审执结件,同比分别上升25%、27.9%。"
            "报告指出了存在的问题,并对年工作进行了谋划:年,区法院将认真落实区委的决策部署。\n")
    found = [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == "KJ207"]
    assert found == ["年", "件", "年", "年"]


def test_years_that_are_words_or_units_are_kept():
    text = ("某区法院工作报告\n针对年轻干部工作经验不足的问题,开展了培训。计量单位:年,按实际填报。"
            "会议对年度工作进行了部署,对年终工作提出了要求。\n")
    assert [f for f in lint_text(text) if f.code == "KJ207"] == []


def test_an_adoption_line_whose_day_was_never_filled_in():
    """g027: (2025年7月 日某某市人民代表大会常务委员会第二十八次会议通过)."""
    text = "某某市物业管理条例\n(2025年7月 日某某市第十四届人民代表大会常务委员会第二十八次会议通过)\n第一条 为了规范物业管理活动,制定本条例。\n"
    assert [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == "KJ204"] == [" 日"]


def test_a_month_then_a_word_opening_with_ri_is_no_blank():
    text = "某某新闻\n2025年7月 日本政府宣布了新的措施。2025年7月 日前已完成全部任务。\n"
    assert [f for f in lint_text(text) if f.code == "KJ204"] == []


def test_a_portals_greeting_share_links_lead_label_and_download_size_are_furniture():
    """gov24's misses: g026 `欢迎您,下午好!`, g033 a share link per network, g040 `导语`, g046 a
    download link's format and size in brackets after the report's name."""
    page = ("欢迎您,下午好!\n导语\n某市政府工作报告\n今年以来,全市经济运行稳中有进。\n"
            "市议会大会施政报告(书面报告Pdf档/1076KB)\nFacebook\nTwitter\nLINE\n")
    shown = [page[f.offset:f.end_offset] for f in lint_text(page) if f.code == "KJ601"]
    assert shown == ["欢迎您,下午好!", "导语", "(书面报告Pdf档/1076KB)", "Facebook", "Twitter", "LINE"]


def test_a_network_named_in_a_sentence_is_the_writers():
    text = "某局工作总结\n今年以来,我局在Facebook和LINE上开设了政务账号,发布信息120条。\n"
    assert [f for f in lint_text(text) if f.code.startswith("KJ6")] == []


def test_a_skip_link_and_a_back_link_are_navigation():
    """g020 (a Hong Kong office's release): `跳過導航欄 …` heads the page, `< 返回 新聞及資源` above the release."""
    page = "跳過導航欄 申訴專員發表工作簡報 - 某某申訴專員公署\n\n< 返回 新聞及資源\n\n申訴專員今日發表二〇一八年工作簡報,介紹公署的工作。\n"
    assert [f.line for f in lint_text(page) if f.code == "KJ601"] == [1, 3]


def test_page_ones_dashed_foot_alone_a_page_into_the_text_is_a_page_number():
    """fresh19 p021 (a 决算 copied flat from a PDF, cut before page 2's foot): `- 1 -` alone."""
    items = "".join(f"{k}. 负责全区城市管理有关工作的组织协调、监督检查和考核评价。 " for k in range(1, 7))
    text = "某区城市管理局2020年度部门决算情况说明 " + items + "- 1 - 7. 指导监督城市户外广告设置管理工作。\n"
    found = [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == "KJ605"]
    assert found == ["- 1 -"]


def test_a_lone_dashed_number_near_the_start_or_not_one_says_nothing():
    for text in ("某局工作总结 - 1 - 今年以来,各项工作稳步推进。\n",
                 "某局工作总结 " + "各项工作稳步推进,取得明显成效。" * 12 + " - 3 - 全年完成目标任务。\n"):
        assert [f for f in lint_text(text) if f.code == "KJ605"] == []


STORY = ("首页>政协提案\n区政协视察区教体局提案办理工作\n发布日期:2019-06-19 15:27 浏览次数:\n\n"
         "6月19日,区政协主席带领部分提案委员对区教体局提案办理工作进行了视察。\n\n"
         "主席一行实地察看了幼儿园、小学,听取了区教体局关于提案办理工作的情况汇报。\n\n"
         "{gap}\n\n\n打印本页 关闭窗口\n设为首页 加入收藏 联系我们\n")


def test_short_lines_between_the_last_sentence_and_the_footer_are_the_pages():
    """fresh19 p041: the captions of a story's pictures, left above the footer without their pictures."""
    page = STORY.format(gap="听取区教体局提案办理工作汇报\n\n实地察看幼儿园\n\n主席作重要讲话")
    assert [f.line for f in lint_text(page) if f.code == "KJ609"] == [9, 11, 13]


def test_a_signature_or_a_contact_between_the_last_sentence_and_the_footer_is_the_documents():
    for gap in ("某某区政协办公室\n\n2019年6月19日", "联络人:区政协办公室 王先生\n\n联络电话:0571-12345678"):
        assert [f for f in lint_text(STORY.format(gap=gap)) if f.code == "KJ609"] == []
