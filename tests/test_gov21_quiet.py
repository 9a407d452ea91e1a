"""Clean official texts kept quiet (issue #11: at most 0.5 findings per 10,000 characters of
government prose): the false alarms of session 21's independent first run on government pages
(fixtures/devsets/fresh14): a notice's attachment list of file names (`附件:1.…名单.wps` / `2.…`)
read as a page cut, a 决算's duties run on one after the other in one paragraph (`(一)…。 (二)…`)
read as a gap, a portal's metadata panel whose summary row the body repeats read as a
duplicated paragraph, and a congress's numbered document header (`…人大三次会议文件(9)`) read as
page furniture. Every text here is invented in the shape of those pages."""
from __future__ import annotations

from kjlint.engine import lint_text


def found(text: str, select: tuple[str, ...]) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in lint_text(text, "page.txt", select=list(select))]


# -- an attachment list of file names: each item ends whole, no page cut between them ---------------

_ATTACHMENTS = ("关于某某年度工作报告情况的通报\n各有关单位:\n现将有关情况通报如下。\n"
                "附件:1.未参加2020年度工作报告的社会团体名单(不含连续两年及以上未参加的).wps\n"
                "2.未经业务主管单位初审2020年度工作报告的社会团体名单.wps\n"
                "3.未参加2019、2020年度工作报告的社会团体名单(不含连续三年未参加的).wps\n"
                "4.未参加2018、2019、2020年度工作报告的社会团体名单.wps\n某某省民政厅\n2021年8月27日\n")


def test_an_attachment_list_of_file_names_is_one_list():
    assert found(_ATTACHMENTS, ("KJ502", "KJ503")) == []


# -- items run on after the sentence of the item before them ------------------------------------------

_DUTIES = ("某某市财政局2022年部门决算\n第一部分 部门概况\n一、主要职责\n"
           "(一)贯彻执行国家和省财税方针政策,拟订全市财税发展规划并组织实施,参与制定各项宏观经济政策。 "
           "(二)起草财政、财务、会计管理等规章草案,研究全市经济社会发展中的重大问题\n"
           "(三)统筹管理市本级一般公共预算、政府性基金预算。 (四)承担市本级各项财政收支管理责任。\n")


def test_an_item_run_on_after_the_sentence_of_the_item_before_is_there():
    assert found(_DUTIES, ("KJ502",)) == []


def test_a_gap_is_still_reported_when_no_item_runs_on():
    gap = _DUTIES.replace(" (二)起草", "起草")
    assert found(gap, ("KJ502",)) == [("KJ502", 5)]


def test_a_line_repeating_the_last_item_run_on_above_it_is_a_repeat():
    minutes = ("验收会议纪要\n现将会议决定事项纪要如下:\n"
               "一、会议就验收流程进行分工;二、会议听取了项目开发过程的汇报;三、会议指出,应加强对老年人需求的关注;\n"
               "三、会议就项目验收系统、运行环境、测试数据等进行验收;\n记录:某某\n")
    assert found(minutes, ("KJ502", "KJ503")) == [("KJ503", 4)]


# -- a portal's metadata panel: its summary row is the panel's, the body below the original ----------

_PANEL = ("索 引 号 | 01425812-5/2020-00001 | 分 类 | 其他/其他 / 报告 |\n"
          "发布机构 | 某某街道 | 发文日期 | 2020-01-09 |\n"
          "标 题 | 某某街道2019年度政府信息公开工作报告 | ||\n"
          "文 号 | 无号 | 主 题 词 | |\n"
          "内容概述 | 为了总结推动政府信息公开工作的开展,提高某某街道信息公开水平,根据《中华人民共和国政府信息公开条例》,"
          "特向社会公布2019年度某某街道政府信息公开年度报告。本报告由政务信息公开情况概述、主动公开政府信息情况等几部分构成。 | ||\n"
          "时 效 | 有效 |\n"
          "某某街道2019年度政府信息公开工作报告\n"
          "为了总结推动政府信息公开工作的开展,提高某某街道信息公开水平,根据《中华人民共和国政府信息公开条例》,"
          "特向社会公布2019年度某某街道政府信息公开年度报告。本报告由政务信息公开情况概述、主动公开政府信息情况等几部分构成。\n"
          "一、政务信息公开情况概述\n今年以来,街道认真落实政府信息公开各项要求,公开信息一百余条。\n")


def test_a_panels_summary_row_is_furniture_and_the_body_no_duplicate():
    codes = found(_PANEL, ("KJ101", "KJ102", "KJ601", "KJ609"))
    assert not any(code in ("KJ101", "KJ102") for code, _ in codes)
    assert ("KJ609", 5) in codes and ("KJ609", 6) in codes


def test_a_paragraph_repeated_in_the_body_itself_is_still_a_duplicate():
    body = _PANEL.split("时 效 | 有效 |\n")[1]
    repeated = body + body.split("\n")[1] + "\n"
    assert any(code in ("KJ101", "KJ102") for code, _ in found(repeated, ("KJ101", "KJ102")))


# -- a congress's numbered document header above the title -------------------------------------------

def test_a_congress_documents_numbered_header_is_the_documents_own():
    text = ("您当前的位置:首页 > 某某法院 > 司法统计 > 工作报告\n某某县人民法院2023年度工作报告\n"
            "时间:2024-03-05  来源:  作者:  点击数:\n\n某某县十七届人大三次会议文件(9)\n\n"
            "某某县人民法院工作报告\n——2024年2月1日在某某县第十七届人民代表大会第三次会议上\n"
            "各位代表:\n现在,我代表县人民法院向大会报告工作,请予审议。\n")
    assert ("KJ609", 5) not in found(text, ("KJ609",))


# -- site furniture of the set's pages, by its shape -------------------------------------------------

def test_a_copy_protected_pages_watermark_is_furniture_on_its_line_and_glued_after_a_sentence():
    text = ("某某市人大常委会工作报告\n过去一年，常委会依法履行监督职责，推动各项工作取得新进展。\n"
            " 文章源自某某英语-https://www.example.com/9308.html\n"
            "坚持正确监督、有效监督，聚焦权力依法正确行使。文章源自某某英语-https://www.example.com/9308.html\n")
    assert found(text, ("KJ601",)) == [("KJ601", 3), ("KJ601", 4)]


def test_a_report_sending_its_reader_to_an_address_is_its_own_text():
    text = "关于开展线上报名的通知\n报名网址：https://www.example.gov.cn/apply\n请于3月1日前完成报名。\n"
    assert found(text, ("KJ601",)) == []


def test_a_gallerys_pictures_left_as_alternative_text_and_caption_are_furniture():
    text = ("東區守望相助暨環保志工表揚活動\n\n  • 里長大合照 里長大合照\n  • 文化局長致詞 文化局長致詞\n\n"
            "東區區公所今日舉辦績優守望相助隊員暨環保志工表揚活動，感謝志工齊心守護家園。\n")
    assert found(text, ("KJ601",)) == [("KJ601", 3), ("KJ601", 4)]
    # a heading written once is the text's
    assert found("東區區公所工作報告\n一、文化局長致詞\n感謝各位志工。\n", ("KJ601",)) == []


def test_a_teaser_cut_off_with_its_link_to_the_rest_is_a_truncation_notice():
    text = ("基隆市審計室決算報告\n〔記者某某/基隆報導〕基隆市審計室決算報告指重大建設計畫執行率偏低,審計室報告指… 阅读全文>>\n")
    assert [c for c, _ in found(text, ("KJ301",))] == ["KJ301"]
    text = "防空演習公告\n本市將於7月16日實施防空演習,屆時將同步進行疏散避難演練,籲請民眾配合...詳全文\n"
    assert [c for c, _ in found(text, ("KJ301",))] == ["KJ301"]
    # reading the whole text, as a sentence asks it, is the text's
    assert found("关于征求意见的通知\n请各单位阅读全文后提出修改意见。\n", ("KJ301",)) == []


def test_a_paper_sites_line_above_the_part_it_shows_is_its_notice():
    """A truncation notice (KJ301), as the labelers of fresh14 and fresh16 both marked it: the site
    shows part of the paper (session 22 moved it from KJ601)."""
    text = "论文部分内容阅读\n一、深刻认识防汛抗旱面临的新形势\n今年是全面贯彻落实各项部署的关键之年。\n"
    assert found(text, ("KJ301", "KJ601")) == [("KJ301", 1)]
    # the notice is no title either: the page still has none (its text opens with its first section)
    assert found(text, ("KJ506",)) == [("KJ506", 2)]


# -- a contents list the page cut short: the body's first heading is no entry -------------------------

def test_the_body_heading_under_a_cut_contents_list_is_the_bodys():
    text = ("某某市政务服务中心2023年度部门决算公开说明\n目 录\n九、国有资本经营预算财政拨款收入支出决算情况说明\n"
            "十二、其他需说明的事项\n第一部分 单位概况\n一、主要职能\n贯彻执行国家和我市有关政务服务工作的方针、政策和法律法规。\n"
            "二、机构设置及人员情况\n本中心2023年度实有人数11人。\n")
    assert found(text, ("KJ502", "KJ503", "KJ504")) == []


def test_a_contents_list_followed_by_prose_keeps_its_entries():
    # its last entry, not the first of a list, before the prose: the contents' entry, not a heading
    text = ("某某局2023年度部门决算\n目 录\n一、部门概况\n二、收入支出决算总体情况\n三、其他重要事项\n"
            "本单位是市政府工作部门，负责全市有关工作。\n")
    assert found(text, ("KJ502", "KJ503", "KJ303")) == []


def test_a_line_of_a_porn_spammers_search_phrases_is_injected_spam():
    text = ("日韩欧美一级特黄大片视频,日韩免费视频一区二区,国产亚洲\n\n某某省环境保护科学研究院\n"
            "全省公众环保状况满意率报告\n2023年全省公众对环境保护工作的满意率继续提高。\n")
    assert ("KJ601", 1) in found(text, ("KJ601",))
    # districts numbered in a plan are the plan's
    plan = "某某区城市更新规划\n全区划分为一区二区三区三个片区，分别推进老旧小区改造。\n"
    assert found(plan, ("KJ601",)) == []


def test_a_byline_without_xun_right_before_the_storys_date_is_the_pages():
    text = "某某融媒(通讯员 王某)4月11日,复兴镇第十九届人民代表大会第四次会议召开。\n会议听取了镇政府工作报告。\n"
    assert found(text, ("KJ601",)) == [("KJ601", 1)]
    # a bracketed note on a name before a date, no reporter's role in it, is the text's
    assert found("某某公司(原某某厂)4月11日完成改制。\n", ("KJ601",)) == []


# -- a disclosure report's table given one cell a line, a lone rule under each cell (fresh15 p048) ----

def test_a_table_with_a_rule_line_under_each_cell_is_the_documents_table():
    # an excerpt of fresh15 p048, a disclosure report: the table below the lead-in is the text's
    text = ("三、收到和处理政府信息公开申请情况\n该部分以表格形式报告。表格如下:\n"
            "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)\n|\n申请人情况\n|\n自然人\n|\n"
            "法人或其他组织\n|\n总计\n|\n商业\n企业\n|\n科研\n机构\n|\n社会公益组织\n|\n法律服务机构\n|\n其他\n|\n"
            "一、本年新收政府信息公开申请数量\n|\n0\n|\n0\n|\n0\n|\n")
    assert found(text, ("KJ601", "KJ609")) == []


def test_a_menu_drawn_an_item_a_line_with_rules_between_is_no_table():
    # no figure among its cells: a site's menu (test_fresh11_quiet has it above a report's text)
    text = "首页\n|\n新闻中心\n|\n政务公开\n|\n办事服务\n|\n互动交流\n|\n"
    assert [c for c, _ in found(text, ("KJ601",))].count("KJ601") >= 4


def test_a_lone_rule_under_a_line_of_words_above_the_text_is_still_the_pages_frame():
    text = "某某网 首页 新闻中心 |\n|\n关于开展安全检查的通知\n各单位：现将有关事项通知如下。\n"
    assert [c for c, _ in found(text, ("KJ601", "KJ609"))] != []


# -- a GBK page read as Latin-1: GBK's byte pairs that happen to be UTF-8 are no UTF-8 mojibake ------

_GBK_AS_LATIN1 = 'ÖйúÉç»á¿ÆÑ§Ôº·¢²¼µÄ2012Äê¡¶Ãñ¼ä×éÖ¯À¶Æ¤Êé¡·Ö¸³ö£¬ÎÒ¹úÃñ¼ä×éÖ¯Ôö³¤ËٶȳÖÐø×ߵͣ¬ÕûÌåÔöËÙ´´Àúʷе͡£½ØÖÁ2010Äêµ×£¬È«¹ú¹'  # an excerpt of fresh15 p008


def test_a_gbk_page_read_as_latin1_is_reported_as_gbk_not_as_utf8_in_places():
    codes = [c for c, _ in found(_GBK_AS_LATIN1 + "\n", ("KJ405", "KJ406"))]
    assert codes and set(codes) == {"KJ406"}


def test_utf8_read_as_latin1_is_still_reported_as_utf8():
    text = "工作总结\n".encode("utf-8").decode("latin-1") + "\n"
    assert [c for c, _ in found(text, ("KJ405", "KJ406"))] == ["KJ405"]


def test_fresh15s_furniture_by_its_shape():
    story = "会议强调,今年是改革开放40周年。(来源:某某市住房和城乡建设网)\n"
    assert found("全市住房城乡建设工作会议召开\n" + story, ("KJ601",)) == [("KJ601", 2)]
    # a citation's bare 来源 is the writer's
    assert found("统计公报\n全年生产总值增长5%。(来源:国家统计局)\n", ("KJ601",)) == []
    assert found("第2版\n放大 缩小 默认\n404 Not Found\n", ("KJ601",))[-2:] == [("KJ601", 2), ("KJ601", 3)]
    byline = "某某新闻网讯 特约记者王某、通讯员李某报道:3月1日,全市安全生产工作会议召开。\n"
    assert found(byline, ("KJ601",)) == [("KJ601", 1)]


def test_a_caption_line_closed_by_a_kind_of_picture_in_brackets_is_the_pages():
    text = "千强镇名单公布\n“千强镇”集中在长三角和珠三角地区 东莞市虎门镇(资料图片)\n国家统计局公布了名单。\n"
    assert ("KJ601", 2) in found(text, ("KJ601",))
    # a sentence citing a picture is the text's
    assert found("报告\n图中显示了全市的分布情况，详见附图(资料图片)。\n", ("KJ601",)) == []
