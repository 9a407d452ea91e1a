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


RULES = ["上班时间玩游戏、听音乐、看与工作无关的视频。", "利用兼职教师代课费从中获得私利，造成课时标准不统一。",
         "不按工作职责检查、考核教学计划、教案和考核及归档情况。", "不及时宣贯、执行学校制度、政策和各项工作任务。"]


def _job_form(job: str) -> list:
    """One form of a series: its title and date line, then its table ending in the standard rules."""
    return ["岗 位 说 明 书", "填报日期：    年  月  日",
            ("table", [["岗位名称", job], ["部门", "教学管理部"], *[["岗位禁止行为", rule] for rule in RULES]])]


def test_a_series_of_forms_repeats_its_standard_rows_by_design(tmp_path):
    # the rules ending one form, the next form's title and date line, its first rows: the series' layout
    forms = [*_job_form("教研组长"), *_job_form("各学科组长"), *_job_form("班主任")]
    assert docx_codes(make_docx(tmp_path / "岗位.docx", forms), "KJ1") == []
    # the same rules pasted twice into the writer's own text are still a repeated block
    pasted = ["学校管理制度", "一、岗位禁止行为", *RULES, "二、其他规定", "严格遵守作息时间。", *RULES]
    assert [code for code, _ in docx_codes(make_docx(tmp_path / "制度.docx", pasted), "KJ1")] == ["KJ104"]


def test_a_sanction_clause_under_each_section_of_rules_set_off_by_a_no_break_space(tmp_path):
    # a Word file of rules numbers its sections 1.2\xa0处理: each section's clause is its own
    clause = "引起客户主动投诉1次的，属于严重违反公司规章制度，公司解除劳动合同。"
    rules = ["员工违纪处理制度", "1.1\xa0定义", "不接听客户电话的。", "1.2\xa0处理", clause,
             "2.1\xa0定义", "服务过程中态度不端正的。", "2.2\xa0处理", clause]
    assert docx_codes(make_docx(tmp_path / "制度.docx", rules), "KJ1") == []
    # the same clause twice within one section is a paragraph repeated
    twice = rules[:5] + [clause]
    assert docx_codes(make_docx(tmp_path / "重复.docx", twice), "KJ1") == [("KJ101", 6)]


def test_underscores_under_a_filled_in_cover_value_or_above_a_signature_caption(tmp_path):
    cover = ["卓越班本科生企业实践报告", "题        目：__某某业务中心实习报告__",
             "姓        名：   陈某         __________", "校外指导教师：           __________     （签名）",
             "实 习 单 位 ： 某某业务中心     __   _", "一、实习概况", "我在某某业务中心实习了三个月。"]
    assert docx_codes(make_docx(tmp_path / "报告.docx", cover), "KJ203") == []
    # a field with nothing but the line, or a blank in a sentence: still a value left out
    empty = cover[:2] + ["学        号：______________", "本次实习共____天。"]
    assert docx_codes(make_docx(tmp_path / "空.docx", empty), "KJ203") == [("KJ203", 3), ("KJ203", 4)]


def test_a_label_spread_over_the_line_is_no_filled_field(tmp_path):
    # the two parties' columns of a contract's signing block: 地    址： … 地    址：
    block = ["合同", "本合同一式两份。", "甲方：（盖章）                    乙方：（盖章）",
             "地    址：                         地    址：", "电    话：                         电    话："]
    assert docx_codes(make_docx(tmp_path / "合同.docx", block), "KJ204") == []
    # a line of fields whose first one is filled still has its last one left empty
    found = ["劳动仲裁申请书", "被申请人：某科技有限公司", "法定代表人：闻某 职务：", "请求事项：", "一、裁决支付经济补偿金。"]
    assert docx_codes(make_docx(tmp_path / "申请书.docx", found), "KJ204") == [("KJ204", 3)]



def test_a_templates_bracketed_guidance_repeated_in_a_second_outline_is_the_standards(tmp_path):
    guidance = "一步一步地说明为使用本软件而需要进行的安装与初始化过程，包括程序的存储形式、安装与初始化过程中的全部操作命令。"
    again = guidance.replace("全部操作命令", "全部操作命令和反馈")

    def outlines(first: str, second: str) -> list[str]:
        return ["软件文档模板", "用户手册", "3 安装与初始化", first, "4 运行说明", "[说明每一种可能的运行情况。]",
                "操作手册", "2 软件的安装", second, "5 非常规过程"]

    bracketed = outlines(f"[{guidance}]", f"[{again}]")
    assert docx_codes(make_docx(tmp_path / "模板.docx", bracketed), "KJ1") == []
    # the writer's own paragraph restated nearly word for word is still reported
    assert docx_codes(make_docx(tmp_path / "自写.docx", outlines(guidance, again)), "KJ1") == [("KJ102", 9)]
