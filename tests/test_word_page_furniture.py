"""Site widgets and breadcrumbs in a Word file (issue 11, Word bar): their words are words a Word
file uses itself (a manual's 注册 and 登录 steps, a plan's 友情链接 among its items, an order or a
flow written with >), so there a line counts only when it opens with the site's own label
(当前位置:, 首页 >, 主办单位:). On six sets of Word files nobody here had seen (fdocx8-13),
those two groups' other matches made 14 of the 26 furniture lines reported, all false."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx

_MANUAL = ["系统使用说明书", "一、操作步骤", "用户首次使用系统时，按以下步骤操作：", "注册", "填写手机号码并设置密码，提交后完成注册。",
           "登录", "输入手机号码和密码，进入系统主界面。"]
_FLOW = ["失物招领系统需求分析", "功能的优先顺序如下：", "搜索遗失物品>失主寻物相关功能>拾物登记相关功能>个人中心",
         "系统按此顺序分期开发。"]
_PASTED = ["关于开展安全生产检查的通知", "首页 > 通知公告", "来源：某某县人民政府网", "各乡镇、各部门：",
           "为切实做好安全生产工作，经研究，决定在全县范围内开展安全生产大检查。", "返回顶部"]


def _text_codes(tmp_path, lines: list[str], *select: str) -> list[tuple[str, int]]:
    path = tmp_path / "page.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return docx_codes(path, *select)


def test_a_manuals_steps_named_as_a_sites_buttons_are_its_own_words(tmp_path):
    assert docx_codes(make_docx(tmp_path / "说明书.docx", _MANUAL), "KJ601") == []
    # the same buttons alone on their lines of a scraped page are the site's widgets
    assert _text_codes(tmp_path, _MANUAL, "KJ601") == [("KJ601", 4), ("KJ601", 6)]


def test_an_order_written_with_arrows_is_no_breadcrumb_in_a_word_file(tmp_path):
    assert docx_codes(make_docx(tmp_path / "需求.docx", _FLOW), "KJ601") == []
    assert _text_codes(tmp_path, _FLOW, "KJ601") == [("KJ601", 3)]


def test_a_web_page_pasted_into_a_word_file_keeps_its_labeled_furniture(tmp_path):
    # a breadcrumb from the home page, a source line, the page's navigation
    assert docx_codes(make_docx(tmp_path / "通知.docx", _PASTED), "KJ601") == [("KJ601", 2), ("KJ601", 3), ("KJ601", 6)]


def test_a_single_x_in_a_word_file_is_a_mask_only_where_the_file_masks_with_x(tmp_path):
    """KJ201 in Word files: 26 of the 27 single-letter findings on six independent Word sets were
    false (a variable, a coordinate, a multiplication sign); a file that masks with xx shows its x."""
    spec = ["停车场管理系统需求说明", "系统在车辆离场时提示：共停放x小时，请缴费。", "收费标准按小时计算。"]
    assert docx_codes(make_docx(tmp_path / "需求.docx", spec), "KJ201") == []
    masked = ["停车场管理系统需求说明", "系统在车辆离场时提示：共停放x小时，请缴费。", "本系统由xx公司开发。"]
    assert docx_codes(make_docx(tmp_path / "模板.docx", masked), "KJ201") == [("KJ201", 2), ("KJ201", 3)]
    # on a scraped page the single x is judged alone, as before
    page = tmp_path / "page.txt"
    page.write_text("\n".join(spec) + "\n", encoding="utf-8")
    assert docx_codes(page, "KJ201") == [("KJ201", 2)]


def test_a_single_x_before_a_counter_in_a_word_file_is_a_mask(tmp_path):
    report = ["培训工作总结", "本月组织业务培训x次，参训人员共计五十人。"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", report), "KJ201") == [("KJ201", 2)]


def test_a_word_list_going_back_to_one_is_a_list_of_its_own(tmp_path):
    """KJ503 in Word files: on six independent Word sets all 10 findings of a list going back to
    its first number (1. after 3.) were false: sub-lists in the same format, a section's own list."""
    spec = ["系统设计说明书", "1.系统概述", "本系统用于管理学生选课。", "2.运行环境", "服务器采用Linux系统。",
            "3.部分模块详细设计", "1.客户管理", "2.订单管理"]
    assert docx_codes(make_docx(tmp_path / "设计.docx", spec), "KJ503") == []
    # a Word list out of order otherwise is still reported
    wrong = ["系统设计说明书", "1.系统概述", "本系统用于管理学生选课。", "3.运行环境", "服务器采用Linux系统。",
             "2.部分模块详细设计", "本节说明各模块。"]
    assert docx_codes(make_docx(tmp_path / "错序.docx", wrong), "KJ503") == [("KJ503", 6)]
