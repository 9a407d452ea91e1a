"""Word files nobody here wrote (issue 11, seventh set): the mechanisms of its false findings.
Each is shown both ways where a look-alike exists: the writer's own line is left alone, a web
page's is still reported."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx


def test_a_minutes_field_block_is_the_writers_form(tmp_path):
    # 时间：… above an empty 内容： label: the record's own fields, not a page's date line
    minutes = ["例会记录1", "时间：2015-4-25下午", "内容：", "1：建立项目仓库；", "2：分配实验负责人。",
               "例会记录2", "时间：2015-5-2", "内容：", "1：讨论基础要求的实现情况。"]
    assert docx_codes(make_docx(tmp_path / "例会.docx", minutes), "KJ601") == []
    # the form's labels in a row, one field left to fill beside it
    form = ["证明书", "单位名称：某某公司", "地    址：", "姓    名：          性别：     年龄：     职务：",
            "本人系某某公司的法定代表人。"]
    assert docx_codes(make_docx(tmp_path / "证明.docx", form), "KJ601") == []


def test_a_dated_title_and_a_byline_are_the_writers(tmp_path):
    notes = ["2022-01-09组会记录", "1.首先读懂题目，把握关键词。", "2.学习的路线应该弄清楚。"]
    assert docx_codes(make_docx(tmp_path / "组会.docx", notes), "KJ601") == []
    story = ["科技小课堂走进社区", "活动当天，孩子们动手组装了小台灯，现场气氛热烈。",
             "团队负责人介绍，后续将推出更多课程。", "通讯员：梁某"]
    assert docx_codes(make_docx(tmp_path / "新闻稿.docx", story), "KJ601") == []


def test_a_form_value_or_a_page_name_in_a_table_cell_is_the_writers(tmp_path):
    weekly = ["项目周报", ("table", [["周报日期", "2018-04-09至2018-04-13"], ["企业名称", "五矿"]]),
              "本周完成系统上线。"]
    assert docx_codes(make_docx(tmp_path / "周报.docx", weekly), "KJ601") == []
    needs = ["功能需求", ("table", [["功能", "优先级", "说明"], ["用户登录", "P0", "实现单点登录"],
                                     ["首页", "P0", "提供搜索与项目列表入口"]])]
    assert docx_codes(make_docx(tmp_path / "需求.docx", needs), "KJ601") == []


def test_a_pasted_pages_chrome_is_still_reported(tmp_path):
    # a page's date line and byline run into its own furniture, pasted into Word above the text
    page = ["关于开展安全检查的通知", "发布时间：2021-03-01 来源：某某区政府网", "各单位：",
            "为做好安全生产工作，现将有关事项通知如下。", "一、检查范围", "全区各企业。"]
    assert docx_codes(make_docx(tmp_path / "网页.docx", page), "KJ601") == [("KJ601", 2)]
