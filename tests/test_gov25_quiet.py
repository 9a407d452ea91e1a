"""What gov25 and fresh25 (session 25's independent pages) showed at their first runs: false
alarms on clean official prose, each a layout or a usage the rules misread. Invented text."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text


def codes(text: str, prefix: str = "KJ") -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in lint_text(text) if f.code.startswith(prefix)]


WRAPPED = ("某某縣議會議事規則\n縣議會係以合議制來行使職權,凡\n制定規章、審議預算及通過提案等,都要以開會的方式來決定或\n"
           "解決。因此本會係以會議為首要之務,其開會會期除每屆成立大\n會外,分為定期會及臨時會兩種。定期會每六個月開會一次,每\n"
           "次會期包括例假日或停會在內,不得超過三十日,必要時得經議\n員三分之一以上連署延長之。\n")


def test_a_line_end_that_goes_on_in_the_next_line_is_a_wrap_not_a_cut():
    """g004: 決定或 / 解決, a law wrapped at a fixed width: KJ413 reports the break, KJ305 no loss."""
    found = codes(WRAPPED)
    assert (3, "KJ413") in found
    assert (3, "KJ305") not in found


def test_a_verb_and_zhi_ends_a_clause_in_taiwans_legal_prose():
    """g037: 得跨所申請之: (之, the classical object pronoun)."""
    text = ("土地登記跨所申請作業要點\n三、土地登記除有下列各款之一者外,得跨所申請之:(一)囑託登記。(二)逕為登記。\n"
            "四、跨所申請之登記案件,由受理地政事務所收件後,依規定辦理。\n")
    assert not [c for _, c in codes(text, "KJ305")]


def test_a_note_on_what_a_reporter_asked_is_no_slot():
    """g022: a transcript's 記者:(有關旺角昨日再次發生衝突); a role to fill in is still a slot."""
    transcript = "行政長官會見傳媒開場發言\n以下是行政長官今日會見傳媒的談話內容:\n記者:(有關旺角昨日再次發生衝突)\n行政長官:我們會嚴肅跟進。\n"
    assert not [c for _, c in codes(transcript, "KJ205")]
    form = "领导小组成员名单\n各科室:\n组长:(校长)\n副组长:(分管领导)\n"
    assert [c for _, c in codes(form, "KJ205")]


@pytest.mark.parametrize("text, code, word, other", [
    # g027: 客庄 in a traditional text (the word of Taiwan's Hakka Affairs Council); 村庄 is mixed script
    ("臺中市客家事務委員會新聞稿\n本市將擴大辦理客庄節慶活動,邀請市民一同參與,體驗客家文化之美,歡迎闔家蒞臨。\n",
     "KJ701", "客庄", "村庄"),
    # fresh25 p012: 关于乡财政体制改革 (乡财政); 关于镇平安建设 is still a town's name deleted
    ("区政府常务会议纪要\n会议听取了区财政局关于乡财政体制改革、上半年财政收支情况的汇报。\n",
     "KJ207", "关于乡财政体制改革", "关于镇平安建设工作"),
])
def test_a_word_is_no_defect_where_its_look_alike_is(text, code, word, other):
    assert not [c for _, c in codes(text, code)]
    assert [c for _, c in codes(text.replace(word, other), code)]


RELEASE = ("臺中市政府新聞稿\n市府推動區里行政效能提升,今年度各區公所辦理里政業務講習共計二十場次,參與人員踴躍。\n"
           "市府表示,將持續精進便民服務,提升市民滿意度。\n\n聯絡人:臺中市政府民政局楊小姐\n\n"
           "聯絡電話:04-22289111分機29106\n\n  • 市府分類: 區里行政\n  • 發布日期: 2014-02-18\n  • 點閱次數: 372\n")


def test_a_releases_contact_lines_above_the_pages_panel_are_its_own():
    """g031: 聯絡人: and 聯絡電話: read as rows of the panel under them."""
    found = codes(RELEASE, "KJ6")
    assert not [line for line, _ in found if line in (5, 7)]
    assert [line for line, _ in found if line >= 9]


def test_a_link_after_the_last_sentence_is_no_cut():
    """g039: …指定袋。知多啲:www.example.gov.hk/tc/intro.htm at the page's end."""
    text = ("環境局局長參觀回收便利點\n局長鼓勵市民積極實踐減廢回收,同時儲積分換領日常生活用品,將來亦可以換領指定袋。"
            "知多啲:www.example.gov.hk/tc/community/intro.htm\n")
    assert not [c for _, c in codes(text, "KJ302")]


def test_a_document_ending_with_its_contents_ends_no_sentence():
    """g023: a survey report's page ending with its list of tables and their pages."""
    text = ("家庭收支調查報告\n本報告提供本市家庭收支之統計結果,供各界參考。\n目次\n表 1 家庭收支按經濟戶長職業別分 32\n"
            "表 2 平均每戶家庭收支按經濟戶長行業別分 40\n表 3 平均每戶家庭收支按住宅狀況分 74\n")
    assert not [c for _, c in codes(text, "KJ302")]


def test_a_year_deleted_from_a_speechs_date_and_a_count_after_sanctioning():
    """gov25 g006 (from its misses): ——年11月27日 under the report's title, 共处分人。"""
    text = ("关于2022年度省级预算执行情况的审计工作报告\n——年11月27日在省人大常委会第六次会议上\n"
            "审计发现问题后，有关部门共处分人。被处分人可以申请复核。\n")
    found = [(f.line, f.code, text[f.offset:f.end_offset]) for f in lint_text(text) if f.code == "KJ207"]
    assert (2, "KJ207", "年") in found and (3, "KJ207", "人") in found and len(found) == 2


DISCLOSURE = ("区政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息120条。\n二、主动公开政府信息情况\n"
              "三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
              "申请人情况 |\n自然人 |\n法人或其他组织 |\n商业企业 |\n科研机构 |\n|||||\n"
              "一、本年新收政府信息公开申请数量 |\n3 |\n0 |\n0 |\n二、上年结转政府信息公开申请数量 |\n0 |\n0 |\n0 |\n"
              "四、政府信息公开行政复议、行政诉讼情况\n全年未发生行政复议和行政诉讼。\n")


def test_the_rows_of_a_table_read_as_lines_are_no_outline():
    """fresh25 p025: a disclosure report's table, a cell a line, its rows numbered 一、二、 under 三、."""
    assert not [c for _, c in codes(DISCLOSURE, "KJ50")]


def test_a_count_deleted_after_le_and_a_year_opening_a_sentence():
    """fresh25b p013, p007, p037 (from its misses): 设置了个职能窗口, 开展了轮全区, 。年，全市."""
    text = ("某区政务服务中心工作总结\n中心设置了个职能窗口，月内开展了轮全区大排查，排名位居全市前列。年，全市继续推进改革。\n"
            "除了个别事项外，均已办结，并进行了轮岗交流，大家心里有了个方向。\n")
    found = [(f.line, text[f.offset:f.end_offset]) for f in lint_text(text) if f.code == "KJ207"]
    assert found == [(2, "个"), (2, "轮"), (2, "年")]


def test_a_taiwan_portals_date_and_counter_fields_are_its_own():
    """gov25 g003 (from its misses): - 新聞日期:98-06-11, - 最後異動日期:…, - 點閱次數:…"""
    text = ("金門縣議會定期會開幕\n- 新聞日期:98-06-11\n金門縣議會第六屆第一次定期會今日開幕,議長致詞時表示,本次大會將審查縣府總預算案。\n"
            "議會將持續監督縣政,為鄉親爭取更多福利。\n- 最後異動日期:108-04-10\n- 點閱次數:1247\n")
    assert [line for line, code in codes(text, "KJ6")] == [2, 5, 6]


def test_a_casinos_club_under_a_number_brand_is_spam():
    """gov25 g025 (from its misses): 99贵宾会(中国)官方网站 glued before a bureau's title, and in its text."""
    text = ("99贵宾会(中国)官方网站 农业农村局2024年工作总结\n全年新建改造高标准农田1.65万亩,粮食播种面积达32.5万亩。\n"
            "持续推进“99贵宾会 莲藕”产业发展,贵宾会员服务中心接待来访群众。\n")
    found = [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == "KJ601"]
    assert found == ["99贵宾会", "99贵宾会"]


def test_a_report_describing_an_organs_own_website_is_no_link_line():
    """fresh25 p005: 官方网站:www.….edu.cn作为学校信息发布主平台… (and the list under it no footer)."""
    text = ("某学院信息化建设调研报告\n一、学校概况\n学校位于主城区核心地段,交通便利,办学条件优越。\n二、官网功能架构与信息服务\n"
            "官方网站:www.example.edu.cn作为学校信息发布主平台,构建了三大服务板块:\n- 资讯中心:实时更新政策解读、学校公告\n"
            "- 教学管理:在线成绩查询、课表下载\n三、存在问题\n网站更新不及时。\n")
    assert not [c for _, c in codes(text, "KJ6")]
    assert [c for _, c in codes(text.replace("官方网站:", "某某范文宝典:"), "KJ601")]
