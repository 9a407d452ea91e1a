"""Government pages of fresh17 (session 22's independent set) that drew false alarms: a yearbook
chapter's name over its motto (KJ609), a service guide giving one step in two entries (KJ101)."""
from __future__ import annotations

from kjlint.engine import lint_text


def codes(text: str, select: str) -> list[str]:
    return [f.code for f in lint_text(text, select=[select])]


BODY = "回顧過去一年,面對內外環境帶來的挑戰,我們與居民團結奮鬥,迎難而上,保持經濟社會大局的穩定。\n"


def test_a_chapter_name_over_a_motto_is_the_title():
    assert codes("施政重點\n\n促經濟,重民生,穩發展\n\n" + BODY, "KJ609") == []
    assert codes("施政重点\n\n稳增长、促改革、惠民生\n\n" + BODY, "KJ609") == []


def test_a_site_name_over_a_headline_is_still_furniture():
    # the headline's parts are no motto's: of different lengths
    assert codes("华文网\n\n全市经济运行稳中有进,重点项目建设提速\n\n" + BODY, "KJ609") == ["KJ609"]


GUIDE = """申請須知
一、道路標高申請
可至服務平台下載頁籤下載流程圖,並下載道路標高申請書。
申請道路標高須檢附申請基地建築線指示圖影本乙份,申請水準點資料可免附。
以郵寄或親送方式送至市府大樓都市發展局收件窗口辦理,或至服務平台上網申辦。
二、都市計畫樁恢復申請
可至服務平台下載頁籤下載流程圖,並下載都市計畫樁恢復申請書。
檢附申請基地建築線指示圖影本乙份。
以郵寄或親送方式送至市府大樓都市發展局收件窗口辦理,或至服務平台上網申辦。
"""


def test_one_step_of_two_entries_written_to_one_template_is_no_repeat():
    assert codes(GUIDE, "KJ101") == []


def test_a_paragraph_pasted_among_different_ones_is_still_a_repeat():
    pasted = GUIDE.replace("檢附申請基地建築線指示圖影本乙份。", "本年度共受理申請案件一百二十件,較上年增加兩成。")
    pasted = pasted.replace("可至服務平台下載頁籤下載流程圖,並下載都市計畫樁恢復申請書。", "各項申請均已依限辦結,民眾滿意度持續提升。")
    assert codes(pasted, "KJ101") == ["KJ101"]
