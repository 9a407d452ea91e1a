"""What session 18's independent page set (fixtures/devsets/fresh13) showed outside site furniture:
a 决算's typed contents whose part four lists `四、部门绩效自评情况` with its own `（一）…自评情况`
sub-entry under it, worded like part two's `十二、…自评情况` (an entry known again under another
number is no end of the list), and a Taiwanese budget book's contents with dashed leaders whose
group entries (`二、主要表`) carry no page number of their own, one entry wrapped over two lines.
Every text here is invented in the shape of those pages."""
from __future__ import annotations

from kjlint.engine import lint_text


def found(text: str, select: tuple[str, ...]) -> list[tuple[str, int, str]]:
    return [(f.code, f.line, text[f.offset:f.end_offset]) for f in lint_text(text, "page.txt", select=list(select))]


# -- a contents entry worded like an earlier one but numbered otherwise: still the contents -------

_FINAL_ACCOUNTS = (
    "某某局2023年度部门决算\n\n目录\n\n第一部分  某某局概况\n\n一、主要职能\n\n二、部门基本情况\n\n"
    "第二部分  2023年度部门决算表\n\n一、收入支出决算表\n\n二、收入决算表\n\n三、部门整体支出绩效自评情况\n\n"
    "四、项目支出绩效自评表\n\n第三部分  其他重要事项情况说明\n\n一、机关运行经费支出情况\n\n二、国有资产占用情况\n\n"
    "三、部门绩效自评情况\n\n(一)部门整体支出绩效自评情况\n\n(二)项目支出绩效自评表\n\n四、其他重要事项情况说明\n\n"
    "第一部分  某某局概况\n\n一、主要职能\n\n负责全县安全生产综合监督管理工作，组织编制应急体系建设规划。\n\n"
    "二、部门基本情况\n\n本部门内设机构5个，编制人数30人，实有人数28人。\n")


def test_an_entry_worded_like_an_earlier_one_under_another_number_does_not_end_the_contents():
    assert found(_FINAL_ACCOUNTS, ("KJ5",)) == []


def test_the_body_heading_numbered_as_its_entry_still_ends_the_contents():
    """The body's 一、主要职能 after the list is read: a gap below it is still reported."""
    text = _FINAL_ACCOUNTS + "\n四、其他情况\n\n无。\n"
    assert [(c, t) for c, _, t in found(text, ("KJ502",))] == [("KJ502", "四、")]


# -- a contents list with leaders whose group entries have no page number ---------------------

_BUDGET_BOOK = (
    "某某署\n          目  次\n         中華民國 112 年度\n\n"
    "一、預算總說明 ---------------------------------- 1\n二、主要表\n"
    "  (一)歲入來源別預算表 --------------------------23\n  (二)歲出機關別預算表 --------------------------26\n"
    "三、附屬表\n  (一)歲入項目說明提要表 ------------------------29\n"
    "  (二)立法院審議總預算案所提決議、附帶決議\n      及注意辦理事項辦理情形報告表 ------------93\n"
    "  (三)國庫券及短期借款應付利息明細表 --------------125\n")


def test_a_group_entry_without_a_page_number_above_entries_with_leaders_is_still_the_contents():
    assert found(_BUDGET_BOOK, ("KJ3", "KJ5")) == []


def test_a_heading_after_a_contents_list_with_leaders_is_the_body():
    text = _BUDGET_BOOK + "三、預算執行\n本年度歲入預算數為新臺幣1000億元。\n"
    assert [(c, t) for c, _, t in found(text, ("KJ502",))] == [("KJ502", "三、")]


# -- a heading number typed wrong: a numeral twice, a full stop for its mark ----------------------

def test_a_numeral_typed_twice_before_its_mark_is_a_malformed_heading_number():
    text = "第一部分\n某镇人民政府概况\n一一、部门职责\n①贯彻执行党的路线、方针、政策。\n"
    assert [(c, t) for c, _, t in found(text, ("KJ507",))] == [("KJ507", "一一、")]


def test_a_full_stop_for_the_mark_of_a_heading_opening_its_paragraph_is_malformed():
    text = ("本次调查问卷发放100份，回收100份，得到一些结论。\n\n一。农村小学基础设施有所欠缺\n\n"
            "全市现有义务教育学校208所。\n\n1。义务教育经费投入逐年增长。市委始终将教育摆在优先位置。\n")
    assert [(c, t) for c, _, t in found(text, ("KJ507",))] == [("KJ507", "一。"), ("KJ507", "1。")]


def test_a_line_broken_inside_a_word_before_a_full_stop_is_no_heading():
    assert found("全市各校的收费标准实现统\n一。此后各校按新标准办学。\n", ("KJ507",)) == []


# -- a date that lost its 月, a year that lost the 年 of 年度 -----------------------------------

def test_a_one_digit_months_date_that_lost_its_month_mark_is_reported():
    text = "2024年7月17日至830日，市委第六巡察组进行了巡察。914日，巡察组反馈了巡察意见。\n"
    assert [t for c, _, t in found(text, ("KJ412",))] == ["830日", "914日"]


def test_counts_of_days_and_quantities_in_degrees_are_no_lost_marks():
    text = ("自受理之日起120日内办结。全年节约用电2000度，历时130日，完成改造。"
            "自2024年1月1日至120日后另行通知。\n")
    assert found(text, ("KJ412",)) == []


def test_a_year_opening_a_sentence_that_lost_the_nian_of_niandu_is_reported():
    text = "2021度，依托县政府门户网站开展政务公开工作。\n"
    assert [t for c, _, t in found(text, ("KJ412",))] == ["2021度"]


# -- 昇 in a name of a simplified text: standard since the 2013 table -------------------------------

def test_sheng_in_a_personal_name_of_a_simplified_text_is_no_mixed_script():
    text = "市长在施政报告中介绍市府团队，由市府参议代理的劳工局长林晖月，以及安南区公所区长颜昇祺。\n"
    assert found(text, ("KJ701",)) == []
    assert [c for c, _, _ in found(text + "全年完成项目申報12项。\n", ("KJ701",))] == ["KJ701"]


# -- an office's short name ending in 办 is no cut word ------------------------------------------

def test_an_offices_short_name_ending_in_ban_is_no_cut_word():
    text = "该工程经区发改局批准立项，计划投资31万元，项目建设单位是盐田街道办。工程于去年11月开工。\n"
    assert found(text, ("KJ305",)) == []
    assert found(text.replace("盐田街道办", "盐田街道辦").replace("项目", "項目"), ("KJ305",)) == []


# -- a forum rank's grade after its level: a Roman numeral, no stray letter ----------------------

def test_a_forum_ranks_roman_grade_after_its_level_is_no_stray_letter():
    text = "---|\n签到天数: 5 天 [LV.2]偶尔看看I\n|\n本次活动圆满结束。\n"
    assert found(text, ("KJ703",)) == []
    assert [t for c, _, t in found("开展业务培训I，提高能力。\n", ("KJ703",))] == ["I"]


# -- a site's outline block (目錄/提綱:…… … ……) above the text: its entries are cut, no outline --------

_OUTLINE_BLOCK = ("目录/提纲:……\n一、2021年度目标任务完成情况\n(一)主要指标完成情况\n(二)存在问题及短板\n"
                  "二、2022年度重点工作谋划情况\n(一)基本思路\n三、项目谋划情况\n四、要素保障\n"
                  "(三)全力推进精准治污、科学治污、依法治污,杜绝“一刀切”\n"
                  "(四)结合“万人助万企”活动,持续开展“一厂一策”、“三化”改造,帮助企业解决环保难题,提升企业治污水平和能力\n"
                  "……\n市生态环境局工作汇报\n一、2021年度目标任务完成情况\n(一)主要指标完成情况\n"
                  "截至11月底，全市PM10平均浓度88微克/立方米，同比下降5%。\n")


def test_a_sites_outline_block_closed_by_an_ellipsis_line_is_no_outline():
    assert found(_OUTLINE_BLOCK, ("KJ3", "KJ5")) == []


def test_the_text_after_a_sites_outline_block_is_still_read():
    text = _OUTLINE_BLOCK + "(三)存在问题\n部分企业治污设施运行不稳定。\n"
    assert [(c, t) for c, _, t in found(text, ("KJ502",))] == [("KJ502", "(三)")]


# -- a page laid out in lines with a blank line after each (a flipbook's text) ----------------------

_FLIPBOOK = ("鄉長序\n\n某某鄉鄉長 王某某\n\n"
             "「幸福某鄉」是我嚮往的願景，也是我施政的理念。三年前，在鄉\n\n"
             "親的支持下，有幸能為某鄉服務，實現自己對家鄉的承諾。一上任，我即\n\n"
             "親自走訪鄉內各個角落，盤點地方資源，了解鄉親的需求，傾聽民眾意見，\n\n"
             "努力規劃地方建設及便民措施等，首辦月子津貼補助，提升生育意願。\n\n"
             "為減緩人口老化之衝擊，我們整建老舊活動中心，將待修\n\n"
             "的危橋發揮巧思，加入色彩的元素，整建為各村的明顯地標，發揮輔助救災\n\n"
             "的功能；於各個公園內，規劃特色熱門打卡景點，改善道路鋪面，展現某鄉\n\n"
             "之美；同時持續爭取各項水利工程更新設施，讓農民能有良好的\n\n"
             "耕種環境，生產優質農產品，以不負「蔬菜的故鄉」的美名。\n")


def test_line_ends_inside_sentences_of_a_double_spaced_page_laid_out_in_lines_are_broken_lines():
    got = [t for c, _, t in found(_FLIPBOOK, ("KJ413",))]
    assert len(got) == 6


def test_paragraphs_parted_by_blank_lines_are_no_double_spaced_layout():
    text = ("某鄉工作報告\n\n一、工作回顧\n\n今年以來，全鄉上下團結一心，攻堅克難，各項工作取得了新的進展，經濟持續健康發展。\n\n"
            "全鄉完成農業總產值3億元，比上年增長5%\n\n二、主要措施\n\n"
            "我們堅持把發展作為第一要務，推動產業轉型升級，培育特色產業，打造農產品品牌，增加農民收入\n\n"
            "同時加強基礎設施建設，完成道路改造10公里，整治河道5公里，改善了群眾的生產生活條件，提升了鄉村面貌\n\n"
            "三、下步打算\n\n明年將繼續鞏固成果，推進鄉村振興。\n")
    assert found(text, ("KJ413",)) == []


# -- a government's office cited as a document's issuer without its place -------------------------

def test_a_government_office_issuing_a_cited_document_without_its_place_is_a_deleted_name():
    text = ("为深入贯彻政务公开工作决策部署和省政府办公厅《关于印发重大政策宣传解读工作方案的通知》"
            "(冀政办字〔2021〕39号)和人民政府办公室《关于印发重大政策宣传解读工作方案的通知》要求，制定本方案。\n")
    assert [t for c, _, t in found(text, ("KJ207",))] == ["人民政府办公室"]
    named = text.replace("和人民政府办公室", "和石家庄市人民政府办公室")
    assert found(named + "县级以上各级人民政府办公室《政府信息公开指南》应当及时更新。\n", ("KJ207",)) == []


# -- GBK garbage for a mark after a character that keeps its pinyin gloss ----------------------------

def test_a_marks_byte_shift_garbage_after_a_glossed_character_is_reported():
    text = "形成了“排查-整改-銷號-防范”的安全管理閉環(huán)?,F(xiàn)將具體情況報告如下:\n"
    assert [(c, t) for c, _, t in found(text, ("KJ404",))] == [("KJ404", "?,F")]


def test_a_double_spaced_contents_list_is_no_page_laid_out_in_lines():
    """Entries a line each under a 目录 line, the long ones near one width (…情况表 / 第三部分  …): no
    sentence runs on over their line ends."""
    body = ("第一部分  某某自治州农产品质量检测中心概况\n\n一、主要职能\n\n二、部门基本情况\n\n"
            "第二部分  2019年度部门决算表\n\n一、收入支出决算总表\n\n二、一般公共预算财政拨款收入支出决算表\n\n"
            "三、一般公共预算财政拨款基本支出决算表\n\n四、“三公”经费、行政参公单位机关运行经费情况表\n\n"
            "第三部分  2019年度部门决算情况说明\n\n一、收入决算情况说明\n\n二、支出决算情况说明\n\n"
            "三、一般公共预算财政拨款“三公”经费支出决算情况说明\n\n第四部分  其他重要事项及相关口径情况说明\n\n"
            "一、机关运行经费支出情况\n\n二、国有资产占有情况\n")
    titled = "楚雄彝族自治州农产品质量检测中心2019年度部门决算目录\n\n" + body
    assert found(titled, ("KJ413",)) == []
    # without its 目录 line, the parts still open their own paragraphs
    assert found("楚雄彝族自治州农产品质量检测中心2019年度部门决算公开说明\n\n" + body, ("KJ413",)) == []
