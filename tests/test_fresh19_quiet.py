"""What fresh19 (session 23's independent pages) showed at the session's start: a headline an organ
speaks with figures right after its colon (KJ609, a false alarm); a sharing site's page numbers
`N、` when a page break cut a decimal (KJ605, missed). Invented text."""
from __future__ import annotations

from kjlint.engine import lint_text

PAGE = ("发改委:11大类重大工程包已累计完成投资5056亿\n来源:某某网财经 发布时间:2016-02-17 10:50:00\n"
        "记者从国家发改委获悉，截至目前，11大类重大工程包已累计完成投资5056亿元，带动了有效投资增长。\n")


def test_a_headline_an_organ_speaks_with_a_figure_after_its_colon_is_the_title():
    assert [f for f in lint_text(PAGE) if f.code == "KJ609"] == []


def test_a_short_field_under_the_title_is_still_the_panels():
    panel = PAGE.replace("来源:某某网财经 发布时间:2016-02-17 10:50:00", "来源:某某网财经\n阅读:2341")
    assert "阅读:2341" in [panel[f.offset:f.end_offset] for f in lint_text(panel) if f.code.startswith("KJ6")]


SENTENCE = "坚持以人民为中心的发展思想，认真落实各项惠民政策，切实保障困难群众基本生活，"


def test_page_numbers_of_a_sharing_site_when_a_break_cuts_a_decimal():
    """fresh19 p061: 1、 opens the first page, 2、 splits 9.14万元 (资金9. / 2、14万元), 3、 a sentence."""
    pages = ["1、某某县民政局2011年上半年工作总结" + SENTENCE * 8 + "发放医疗救助资金9.",
             "2、14万元，救助34人次" + SENTENCE * 8 + "增强群众防灾减灾意识，",
             "3、提高自救互救技能" + SENTENCE * 6 + "全面完成各项任务。"]
    found = [f for f in lint_text("\n".join(pages) + "\n") if f.code == "KJ605"]
    assert [f.line for f in found] == [1, 2, 3]


def test_a_list_whose_items_end_with_figures_is_no_pagination():
    items = ["1、全年发放救助资金9.14万元。", "2、救助困难群众34人次。", "3、开展培训2次。"]
    assert [f for f in lint_text("工作总结\n" + "\n".join(items) + "\n") if f.code == "KJ605"] == []


def test_a_reports_title_under_the_news_headline_that_ends_with_it_is_a_repeat():
    """fresh19 p046, p018 (gov.cn's copies of 政府工作报告): the page's headline adds the year and the
    issuer, the report's own title follows under the dateline."""
    page = ("当前位置: 首页>> 中国概况>> 中国简况\n2006年国务院政府工作报告\n"
            "中央政府门户网站 www.gov.cn 2009年03月16日 来源:新华社\n新华社北京2006年3月15日电\n"
            "政 府 工 作 报 告\n——2006年3月5日在第十届全国人民代表大会第四次会议上\n"
            "各位代表:\n现在,我代表国务院向大会作政府工作报告,请各位代表审议。\n")
    assert [page[f.offset:f.end_offset] for f in lint_text(page) if f.code == "KJ607"] == ["政 府 工 作 报 告"]
    # a heading that only ends like the title, in the body, is no repeat
    body = page + "一、2005年工作回顾\n过去一年,各项工作取得新进展。\n二、政府工作报告\n"
    assert len([f for f in lint_text(body) if f.code == "KJ607"]) == 1


def test_a_question_mark_glued_before_a_figures_digits_is_a_lost_character():
    """fresh19 p009: GBK text whose unmapped bytes became ? and took a digit with them."""
    text = "根据条例要求，由某某市教育局编制?016年度报告，地址:某某大道1280号，邮编?13022。\n"
    assert [f.code for f in lint_text(text, select=["KJ412"])] == ["KJ412", "KJ412"]
    asked = "会议内容有什么特点?3月5日上午，代表们进行了分组讨论。\n"
    assert lint_text(asked, select=["KJ412"]) == []


BODY = "全县坚持稳中求进工作总基调，各项工作取得新成效，经济社会发展稳中有进。\n"


def test_a_row_of_buttons_a_link_prompt_and_lone_labels_are_the_pages():
    """fresh19 p041, p039, p024, p013: 打印本页 关闭窗口, the leave-site prompt, 熱門:, 立即咨询."""
    for line in ("打印本页 关闭窗口", "您所访问的页面将跳转到第三方网站,确定要继续吗?", "熱門:", "立即咨询"):
        text = "某某县2023年工作总结\n" + BODY * 2 + line + "\n"
        assert [f.line for f in lint_text(text) if f.code.startswith("KJ6")] == [4], line
    # the same words inside a sentence are the text's
    said = "某某县2023年工作总结\n" + BODY + "群众可以立即咨询各窗口，打印本页所列材料后关闭窗口。\n"
    assert [f for f in lint_text(said) if f.code.startswith("KJ6")] == []


def test_a_doubled_heading_mark_inside_a_flattened_line_is_malformed():
    """fresh19 p009: …汇报如下 (一)、渠道公开。 in a page given as one line."""
    text = "某某局2016年政府信息公开年度报告\n现将有关情况汇报如下 (一)、渠道公开。本局通过网站公开信息。(二)、主动公开。本局公开信息12条。\n"
    assert [f.code for f in lint_text(text, select=["KJ507"])] == ["KJ507", "KJ507"]
    cited = "某某局2016年政府信息公开年度报告\n依据条例第二十条第(一)、(二)项的规定，本局主动公开了有关信息。\n"
    assert lint_text(cited, select=["KJ507"]) == []


def test_characters_deleted_from_a_set_phrase_of_official_prose():
    """fresh19 p002: 新疆尔自治区 (维吾 gone); a mirror's 以习新时代中国特色社会主义思想为指导 (近平 gone)."""
    text = ("某某县2021年工作总结\n坚持以习新时代中国特色社会主义思想为指导，深入贯彻党的精神。\n"
            "新疆尔自治区某某县召开会议，部署党风廉政建设工作。\n")
    found = [text[f.offset:f.end_offset] for f in lint_text(text, select=["KJ207"])]
    assert found == ["习新时代中国特色社会主义思想", "新疆尔自治区"]
    whole = ("某某县2021年工作总结\n坚持马克思主义，以习近平新时代中国特色社会主义思想为指导，召开党的全国代表大会，"
             "加强党风建设，全面建成社会主义现代化强国。\n新疆維吾爾自治區某縣召開會議。\n")
    assert lint_text(whole, select=["KJ207"]) == []


def test_empty_title_marks_and_a_citation_mark_after_a_quotation_are_slots():
    """fresh19 p044 (根据《》()文件精神), gov16 g025 (“四字之问”[],)."""
    text = "某某县2021年工作总结\n根据《》()文件精神，我们认真落实。\n会议提出的“四字之问”[],奋力推进农业发展。\n"
    assert [text[f.offset:f.end_offset] for f in lint_text(text, select=["KJ205"])] == ["《》()", "[]"]
    kept = "某某县2021年工作总结\n根据《条例》(国务院令第711号)精神，认真落实“四字之问”[1]要求。\n"
    assert lint_text(kept, select=["KJ205"]) == []


def test_a_teasers_word_count_and_its_read_button_at_the_end():
    """fresh19 p030: …民營企業發 (共 5245 字) [閱讀本文] >>."""
    text = "某某县2021年工作总结\n我县资源匮乏，农业生产条件较差，民营企业发 (共 5245 字) [閱讀本文] >>\n"
    found = {f.code: text[f.offset:f.end_offset].strip() for f in lint_text(text, select=["KJ301", "KJ601"])}
    assert found == {"KJ601": "(共 5245 字)", "KJ301": "[閱讀本文] >>"}
    said = "某某县2021年工作总结\n本报告共三个部分，请大家阅读本文后提出意见。\n"
    assert lint_text(said, select=["KJ301", "KJ601"]) == []


def test_a_breadcrumbs_crumb_naming_the_reports_kind_is_no_repeated_title():
    page = ("分享:\n某某省2026年政府工作报告\n首页\n>\n政府信息公开\n>\n政府工作报告\n>\n省政府工作报告\n"
            "某某省2026年政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议。\n")
    found = {(f.code, page[f.offset:f.end_offset]) for f in lint_text(page) if f.code.startswith("KJ6")}
    assert ("KJ607", "政府工作报告") not in found and ("KJ609", "政府工作报告") in found


def test_an_entity_whose_ampersand_the_encoding_lost_is_markup():
    """fresh19 p009: ?nbsp;言 at a line's start (前&nbsp;言 with 前 and & gone)."""
    for line in ("?nbsp;言 根据条例要求编制本报告。", "前?nbsp;言 根据条例要求编制本报告。"):
        text = "某某局2016年政府信息公开年度报告\n" + line + "\n"
        assert [f.code for f in lint_text(text, select=["KJ608"])] == ["KJ608"], line
    assert lint_text("某某局报告\n变量 nbsp; 在程序中表示空格。\n", select=["KJ608"]) == []


def test_a_question_mark_standing_for_a_lost_figure_before_its_unit():
    """fresh19 p009: 1280?号楼, 举办?次 (GBK bytes lost with a digit)."""
    text = "某某局报告\n地址:某某大道1280?号楼,共举办?次培训。\n"
    assert [f.code for f in lint_text(text, select=["KJ412"])] == ["KJ412", "KJ412"]
    asked = "某某局报告\n共有多少?个人参加?你们去了吗?个人觉得很好。\n"
    assert lint_text(asked, select=["KJ412"]) == []


def test_an_email_address_that_lost_its_at_sign():
    """fresh19 p043: 电子邮箱:sqkjjbgs163.com."""
    text = "某某局报告\n联系方式(电子邮箱:sqkjjbgs163.com)。\n"
    assert [f.code for f in lint_text(text, select=["KJ412"])] == ["KJ412"]
    whole = "某某局报告\n联系方式(电子邮箱:sqkjjbgs@163.com;网站:www.163.com)。\n"
    assert lint_text(whole, select=["KJ412"]) == []
