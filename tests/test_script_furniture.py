"""KJ701 and the site's own lines: simplified script only in furniture around a traditional body
(a spam line a mirror injects, a forum's profile fields) is the site's script, not the writer's
(docs/labeling.md, Decisions); a minority character in the document's own text is still reported.
Synthetic text modelled on the lost13 pages (a traditional mirror with a spam header)."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

SPAM = "人成午夜性刺激免费,久久久噜噜噜久久网,美乳在线播放,伊人久久中文字幕,91天天干,国产福利毛片,狠狠色婷婷综合天天久久丁香\n\n"
BODY = ("國家市場監督管理總局:我國食品安全形勢總體穩中向好\n\n"
        "4月21日,國家市場監督管理總局食品抽檢司副司長在新聞發佈會上介紹說,2020年,市場監管部門完成食品安全監督抽檢638萬餘批次,"
        "總體不合格率為2.31%,與2019年基本持平。全年督促完成不合格食品核查處置任務13.60萬件次。\n")


def kj7(text: str) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in lint_text(text) if f.code == "KJ701"]


def test_a_spam_line_in_the_other_script_is_the_sites():
    assert any(f.code == "KJ601" and f.line == 1 for f in lint_text(SPAM + BODY))
    assert kj7(SPAM + BODY) == []


def test_the_documents_own_minority_characters_are_still_reported():
    text = SPAM + BODY.replace("全年督促", "全年督促完成专项检查,")  # 专, 项, 检 are simplified
    assert kj7(text) == [("KJ701", 5)]


# fresh10's patterns (invented text): the page's head above its breadcrumb or a line it repeats,
# a spam title no phrase list knows in full, in the site's script
HEADS = [
    "体彩排列五走势图网易|排列五走势图表带坐标连线\n  •  \n\n您現在的位置:網站首頁>> 法律法規>> 國家市場監督管理總局\n\n",
    "香蕉視頻在線精品視頻,成在人线av无码喷水,久久精品亚洲人成影院,少妇人妻偷人视蜜桃\n\n  • 臺灣網移動版\n\n臺灣網移動版\n\n",
]


@pytest.mark.parametrize("head", HEADS, ids=["breadcrumb", "repeated-site-name"])
def test_minority_characters_in_the_pages_head_above_its_furniture_are_the_sites(head):
    assert kj7(head + BODY) == []
    # the document's own sentence below the head is still judged
    lines = (head + BODY).count("\n")
    assert kj7(head + BODY.replace("全年督促", "全年督促完成专项检查,")) == [("KJ701", lines)]


REPORT = ("重庆市大足区人民政府关于2020年财政决算的报告\n"
          "——2021年9月27日在区二届人大常委会第三十四次会议上\n"
          "区财政局 席捲澜\n"
          "主任、各位副主任，各位委员：\n"
          "根据《预算法》有关规定，受区人民政府委托，现将2020年全区和区级决算情况报告如下，请予审议。\n")


def test_a_name_in_a_byline_keeps_its_registered_characters():
    assert kj7(REPORT) == []


def test_a_lone_character_of_the_other_script_in_a_sentence_is_still_reported():
    assert kj7(REPORT.replace("决算情况报告如下", "决算情況报告如下")) == [("KJ701", 5)]


# KJ203 and the site's lines: an underscore joining two words inside a breadcrumb or injected
# gambling spam is the spammer's title separator, not the document's blank (fresh8's pattern).
CRUMB = "当前位置 > 金沙城中心赌场_澳门金沙官网: > 某市教育局 > 政府信息公开年报\n"
PROSE = "全年主动公开政策解读4条、金沙城中心赌场_澳门金沙官网1条、部门文件等111条。\n"


def kj203(text: str) -> list[tuple[int, str]]:
    return [(f.line, text[f.offset:f.end_offset]) for f in lint_text(text) if f.code == "KJ203"]


def test_an_underscore_inside_spam_or_a_breadcrumb_is_the_sites():
    assert kj203(CRUMB + PROSE) == []
    assert any(f.code == "KJ601" and f.line == 2 for f in lint_text(CRUMB + PROSE))


def test_the_documents_blanks_are_still_reported_next_to_spam():
    text = CRUMB + PROSE + "认真贯彻__会议精神，全年培训_人。\n"
    assert kj203(text) == [(3, "__"), (3, "_")]
