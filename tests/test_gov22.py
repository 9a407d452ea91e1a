"""Government pages of session 22's development set fixtures/devsets/gov22 (issue #11: quiet on
clean official prose). Each false alarm is a short real excerpt of a page of that set; each guard
keeps the defect the rule is for."""
from __future__ import annotations

from kjlint.engine import lint_text

# g18 (sec.tainan.gov.tw): a rule's history, one dated entry a line, each opening 中華民國…
HISTORY = ("臺南市政府及所屬各機關學校公務車輛管理及使用要點\n\n"
           "中華民國100年5月9日府秘總字第1000135347號函訂定全要點共十二點,並自99年12月25日起生效\n"
           "中華民國100年12月12日府秘總字第1000911880號函修正第七點,並自100年12月12日生效\n"
           "中華民國101年2月8日府秘總字第1010051184號函修正第七點,並自101年2月8日生效\n"
           "中華民國110年2月8日府秘總字第1100073443號函修正,並自110年2月8日生效\n"
           "中華民國112年5月31日府秘總字第1120722079號函修正第九點,並自112年5月31日生效\n")

# g09 (guobaowenhua.com, a copy of a State Council notice): ways to send comments, an address in brackets
COMMENTS = ("有关单位和各界人士可以在2017年5月26日前,通过以下三种方式提出意见:\n"
            "(一)登陆中国政府法制信息网(网址:http://www.chinalaw.gov.cn),通过网站首页左侧的“法规规章草案意见征集系统”,对征求意见稿提出意见。\n"
            "(二)通过信函方式将意见寄至:北京市2067信箱(邮政编码:100035),并请在信封上注明“规章制定程序条例征求意见”字样。\n")

# g16 (stats.zs.gov.cn): two tables given as text, the same note under each
TABLES = ("1-9月进度数据发布 | |||\n1、本地生产总值 | |||\n9月 | 1-9月累计 | 累计 | |\n增长% | |||\n"
          "本地生产总值(亿元) | —— | 2527.54 | 11.5 |\n第一产业 | —— | 59.44 | 25.6 |\n"
          "第二产业 | —— | 1283.78 | 14.7 |\n第三产业 | —— | 1184.33 | 7.6 |\n"
          "注:绝对数按现行价计算,相对数按可比价格计算。 | |||\n"
          "4、农业生产 | |||\n9月 | 1-9月累计 | 累计 | |\n增长% | |||\n"
          "农业总产值(亿元) | —— | 112.25 | 38.1 |\n"
          "注:绝对数按现行价计算,相对数按可比价格计算。 | |||\n"
          "5、规模以上工业产销 | |||\n9月 | 1-9月累计 | 累计 | |\n增长% | |||\n"
          "规模以上工业增加值(亿元) | 120.60 | 1014.28 | 15.9 |\n规模以上工业销售产值(亿元) | 566.49 | 4578.32 | 23.5 |\n")

# g22 (taichung.gov.tw): a press release's closing tag, its code and the issuing office joined by *
RELEASE = ("吳局長強調,接任區長是責任的開始,必須努力完成市長交付的任務,把區內大小事當作區長的事,"
           "讓北屯、南屯有更好的發展。今日布達交接典禮,市議員劉士州也到場祝賀。(8/18*15)*民政局\n")


def codes(text: str, select: str) -> list[str]:
    return [text[f.offset:f.end_offset] for f in lint_text(text, select=[select])]


def test_dated_entries_opening_alike_are_no_wrapped_paragraph():
    assert codes(HISTORY, "KJ413") == []


def test_a_paragraph_wrapped_at_a_width_is_still_broken():
    wrapped = ("今年以来，全区上下坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实\n"
               "党的二十大精神，扎实推进各项重点工作，经济社会发展保持稳中有进的良好\n"
               "态势，主要经济指标增速位居全市前列，民生保障持续加强，社会大局和谐\n"
               "稳定，为全面完成全年目标任务打下了坚实基础。\n")
    assert len(codes(wrapped, "KJ413")) == 3


def test_an_address_the_text_gives_in_brackets_is_no_link_line():
    assert codes(COMMENTS, "KJ601") == []


def test_a_sites_address_opening_a_paragraph_is_still_a_link_line():
    assert codes("某某范文网:www.example.com2021年某某乡工作总结。\n", "KJ601") != []


def test_a_note_under_each_table_of_a_page_is_no_repeated_paragraph():
    assert codes(TABLES, "KJ1") == []


def test_a_paragraph_pasted_twice_beside_a_table_is_still_a_repeat():
    para = "全年规模以上工业增加值增长15.9%,工业经济运行总体平稳,主要指标好于预期,为全年目标打下坚实基础。\n"
    assert codes(para + TABLES + para, "KJ101") != []


def test_a_releases_closing_tag_is_no_asterisk_mask():
    assert codes(RELEASE, "KJ202") == []


def test_an_asterisk_before_an_office_inside_a_sentence_is_still_a_mask():
    assert codes("今日布達交接典禮,由*民政局局長主持。\n", "KJ202") != []


# Two more, built after the held-out part g31-g45 was scored (so no longer held out for these):
# g33 (luxian.gov.cn): a notice's 落款 under its one sentence that names the office
NOTICE = ("泸县人民政府办公室 关于印发《泸县气象灾害应急预案》的通知\n泸县人民政府办公室\n"
          "关于印发《泸县气象灾害应急预案》的通知\n泸县府办发〔2024〕29号\n各镇人民政府、玉蟾街道办事处,县级各部门(单位):\n"
          "经县政府同意,现将修订后的《泸县气象灾害应急预案》印发给你们,请结合实际认真贯彻落实。"
          "《泸县人民政府办公室关于印发泸县气象灾害应急预案的通知》(泸县府办发〔2021〕186号)同时废止。\n"
          "泸县人民政府办公室\n2024年12月5日\n泸县气象灾害应急预案\n1 总则\n")
# g45 (sssof.swd.gov.hk): the first sentence names the service the title names, a comma in it
FORM = ("申請資格驗算 – 廣東計劃及福建計劃\n中華人民共和國香港特別行政區政府\n社會褔利署\n \n重要通知\n"
        "廣東計劃及福建計劃的申請資格驗算在線服務,為有意申請廣東計劃及福建計劃下的高齡津貼或長者生活津貼的人士進行初步驗算,"
        "以了解是否符合申請資格。\n")


def test_a_notices_signature_is_no_repeated_title():
    assert "泸县人民政府办公室" not in codes(NOTICE, "KJ607")


def test_a_sentence_naming_the_titles_subject_twice_is_no_glued_title():
    assert codes(FORM, "KJ6") == []
