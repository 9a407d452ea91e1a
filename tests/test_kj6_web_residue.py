"""Web residue other than bylines on scraped pages (session 15, issue #11): tag residue of any
element name, betting brands injected into sentences, a portal's metadata table, a navigation row
split by bars and a ranked list of related titles. Every text here is invented in the shape of the
real pages (fixtures/devsets/fresh9, /tmp/s15/web15)."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

BODY = "全年组织企业申报项目12项，争取资金1200万元，各项工作取得明显成效。\n"


def parts(text: str, select, path: str = "page.txt") -> list[tuple[str, int, str]]:
    return [(f.code, f.line, text[f.offset:f.end_offset]) for f in lint_text(text, path, select=select)]


# -- tag residue: `<name attr="…">` whatever the element's name -------------------------------

@pytest.mark.parametrize("line, tags", [
    ('<legend id="k2x9"></legend><samp id="k2x9"></samp>', '<legend id="k2x9"></legend><samp id="k2x9"></samp>'),
    ('  • <input id="k2x9"><address id="k2x9"></address>', '<input id="k2x9"><address id="k2x9"></address>'),
    ('    1. <blockquote id="k2x9"><rt id="k2x9"></rt></blockquote>', '<blockquote id="k2x9"><rt id="k2x9"></rt></blockquote>'),
    ('<wbr data-x="1">', '<wbr data-x="1">'),
])
def test_a_run_of_tags_with_an_attribute_is_one_markup_finding(line, tags):
    text = "某某局2023年工作总结\n" + line + "\n" + BODY
    assert parts(text, ["KJ608"]) == [("KJ608", 2, tags)]


@pytest.mark.parametrize("line", [
    "HTML <form> 标签的语义作用是收集用户输入。",   # a tag named in prose: no attribute
    "<form> 与表单元素",
    '指标<目标值="100"的项目>全部完成',           # no element name after the bracket
])
def test_a_tag_named_in_prose_is_no_markup(line):
    assert parts(line + "\n" + BODY, ["KJ608"]) == []


# -- betting brands injected into sentences --------------------------------------------------

@pytest.mark.parametrize("line, spam", [
    ("3月21日晚,abcd必贏唯一官網組織管理學院第一支部召開組織生活會。", "abcd必贏唯一官網"),  # traditional script
    ("QX江北·体育下载人民网11月26日电 某市创新实行述责述廉。", "QX江北·体育下载"),
    ("解读《2023年777bet电脑网站_777777bet娱乐场_777淘房APP官网下载大气污染防治考核办法》", "777bet电脑网站_777777bet娱乐场_777淘房APP官网下载"),
    ("2月15日上午,某国某某公司_官方网站:第十七届人民代表大会举行全体会议。", "某国某某公司_官方网站"),
])
def test_a_betting_brand_glued_into_a_sentence_is_reported_alone(line, spam):
    text = "某某学院工作简报\n" + line + "\n" + BODY
    assert [p for _, _, p in parts(text, ["KJ601"])] == [spam]


def test_a_betting_brand_hung_on_a_title_by_a_dash_is_reported():
    text = "某市生态环境局2022年工作总结和2023年工作安排-xy凯发娱乐\n" + BODY
    assert [p for _, _, p in parts(text, ["KJ601"])] == ["-xy凯发娱乐"]


def test_a_betting_brands_name_is_spam_wherever_the_page_repeats_it_with_a_betting_word():
    """Found once with its letters (QX江北·体育下载), the brand's Chinese name with a betting or site
    word elsewhere on the page is the same spam (…陈述完毕江北体育官网,由…); the name alone is a word."""
    text = ("QX江北·体育下载人民网11月26日电 某市创新实行述责述廉。\n"
            "会上,各镇党委书记一一陈述个人廉洁自律情况。陈述完毕江北体育官网,由市纪委委员提问。江北新区建设稳步推进。\n" + BODY)
    assert [p for _, _, p in parts(text, ["KJ601"])] == ["QX江北·体育下载", "江北体育官网"]


def test_a_prefix_hung_on_three_titles_by_a_dash_is_spam():
    text = ("东岛平台-2020年全国新开工改造城镇老旧小区4万个\n来源:住房和城乡建设部\n东岛平台-2020年全国新开工改造城镇老旧小区4万个\n"
            "2020年,全国新开工改造城镇老旧小区4.03万个,惠及居民736万户。\n相关阅读: 东岛平台-江西通报保障性安居工程信息公开情况\n")
    assert [(line, p) for _, line, p in parts(text, ["KJ601"]) if p.startswith("东岛")] == [
        (1, "东岛平台-"), (3, "东岛平台-"), (5, "东岛平台-")]
    # the same words twice only, or a platform named in a sentence: kept
    twice = "政务服务平台-办事指南\n" + BODY + "政务服务平台-办事指南\n"
    assert not [p for _, _, p in parts(twice, ["KJ601"]) if p.startswith("政务服务平台")]


@pytest.mark.parametrize("line", [
    "推进5G体育场馆建设，打造全民健身平台。",          # one letter: no brand
    "CCTV5体育频道全程直播了开幕式。",                 # a channel, no site word after the sport
    "建设WiFi娱乐设施和AI体育课堂。",
    "登录APP官网下载办事指南。",                        # a site word without a betting word
    "市体育局官网发布了赛事通知。",
    "上传文件名为工作总结_第2页。",                    # an underscore without a betting or site word
])
def test_letters_before_a_sport_or_a_site_word_are_no_betting_brand(line):
    assert parts(line + "\n" + BODY, ["KJ601"]) == []


# -- a portal's metadata table: rows naming its keys ---------------------------------------

def test_a_markdown_table_of_a_portals_metadata_keys_is_furniture():
    text = ("| 索引号 | 000000001/2025-00003 | 发文字号 | 某林发〔2025〕3号 |\n|---|---|---|---|\n"
            "| 关键词 | 发布机构 | 某县林业局 | |\n| 公开形式 | 责任部门 | ||\n"
            "2024年,我局法治政府建设坚持以习近平新时代中国特色社会主义思想为指导,全面推进依法行政,各项工作取得明显成效。\n"
            "一、主要举措和成效\n" + BODY)
    assert [(code, line) for code, line, _ in parts(text, ["KJ609"])] == [("KJ609", k) for k in (1, 2, 3, 4)]


def test_a_panel_with_its_keys_spaced_out_is_furniture():
    text = ("索   引   号 000000-111 分        类 其他; 市人民政府办公室;\n发 布 机 构 市人民政府办公室 发 文 日 期 2019-11-29\n"
            "某市人民政府办公室关于印发某市政务云平台管理细则的通知\n各县(市)、区人民政府,市政府各委、办、局:\n" + BODY)
    assert [line for _, line, _ in parts(text, ["KJ609"])] == [1, 2]


def test_a_reports_own_table_and_a_title_given_only_in_the_panel_are_kept():
    table = ("某县2024年财政决算说明\n| 项目 | 金额 | 占比 |\n|---|---|---|\n| 一般公共预算 | 1200 | 60% |\n"
             "| 政府性基金 | 800 | 40% |\n" + BODY)
    assert parts(table, ["KJ609"]) == []
    # 名称: | 某某局2023年工作总结 | with no other copy of the title: the page's title line, not furniture
    only = ("名称: | 某县卫健委2023年工作总结及2024年工作安排 | 分类: | |\n"
            "2023年,县卫生健康委坚持以人民为中心,不断提升医疗服务水平,各项工作取得明显成效。\n" + BODY)
    assert [line for _, line, _ in parts(only, ["KJ609"])] == []


# -- a menu row split by bars, a ranked list of other articles -------------------------------

def test_a_row_of_names_split_by_bars_is_the_pages_menu():
    text = "信息公开 | 政策文件 | 区政府文件 |\n各街道办事处、乡镇人民政府,区政府直属各单位:\n" + BODY
    assert [(code, line) for code, line, _ in parts(text, ["KJ609"])] == [("KJ609", 1)]


def test_a_tables_header_row_is_no_menu():
    text = "二、重点工作\n工作内容 | 具体措施 | 成效 |\n市容整治 | 开展专项行动 | 占道经营减少 |\n" + BODY
    assert parts(text, ["KJ609"]) == []


def test_a_bulleted_ranked_list_of_headlines_is_the_sites():
    items = ["某某——干惊天事业 传淡薄家风", "把好年轻干部教育监督关", "纪检监察机关坚持问题导向", "天津市市管干部提任前公示",
             "片区协作破解基层监督难"]
    text = "".join(f"- {k} {t}\n" for k, t in enumerate(items, 1)) + "真述真评真出汗\n" + BODY
    assert [line for code, line, _ in parts(text, ["KJ609"]) if code == "KJ609"] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("text", [
    "".join(f"{k}. 第{k}项工作已经完成\n" for k in range(1, 6)),                 # a document's numbered list
    "".join(f"- {k} 项目已于年内完工并投入使用。\n" for k in range(1, 6)),       # sentences, not headlines
    "- 1 加强组织领导\n- 3 强化资金保障\n- 4 严格考核\n- 5 抓好宣传\n",          # no run of ranks
])
def test_numbered_items_that_are_no_ranked_list_are_kept(text):
    assert [line for code, line, _ in parts(text + BODY, ["KJ609"]) if code == "KJ609"] == []


# -- widgets: a player's, a form's and a font button's placeholders, a subscription account ---------

@pytest.mark.parametrize("line, part", [
    ("视频播放位置", "视频播放位置"),
    ("下载安装Flash播放器二、对宏观经济形势的判断", "下载安装Flash播放器"),   # glued to the heading below
    ("请输入验证码", "请输入验证码"),
    ("字体:", "字体:"),
    ("某某微信订阅号", "某某微信订阅号"),
    ("以上文章僅代表作者個人觀點,本網只是轉載。", "以上文章僅代表作者個人觀點,本網只是轉載。"),
])
def test_a_widgets_placeholder_is_furniture(line, part):
    text = "某某市2023年工作总结\n" + line + "\n" + BODY
    assert part in [p for _, _, p in parts(text, ["KJ601"])]


@pytest.mark.parametrize("line", ["请输入您的意见和建议。", "视频播放量达到120万次。", "字体设计大赛圆满结束。"])
def test_sentences_about_players_forms_and_fonts_are_kept(line):
    assert parts("某某市2023年工作总结\n" + line + "\n" + BODY, ["KJ601"]) == []
