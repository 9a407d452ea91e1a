"""Word files nobody here wrote (issue 11, sixth set): the mechanisms of its false findings.
Each is shown both ways: the look-alike is left alone, the defect still found."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx
from kjlint.docx import read_docx


def test_a_list_under_a_new_unnumbered_title_starts_afresh(tmp_path):
    # a question (…问题？) or a short title (内部风险) right above a 1. or （一） heads a list of
    # its own; under a sentence of the section before, the same 1. is a step back
    questions = ["项目总结", "一、收获", "1.熟悉了开发流程。", "2.掌握了数据库设计。",
                 "面试中常被问到的几个问题？", "1.你们用的什么容器？", "2.用的什么版本？"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", questions), "KJ503") == []
    risks = ["风险分析", "外部风险", "（一）政策风险", "政策调整可能影响收入。", "（二）市场风险",
             "竞争者增多，价格下降。", "内部风险", "（一）经营风险", "团队经验不足。"]
    assert docx_codes(make_docx(tmp_path / "风险.docx", risks), "KJ503") == []
    stepback = ["项目总结", "一、收获", "1.熟悉了开发流程。", "2.掌握了数据库设计。",
                "这些收获来自三个月的实践，也离不开导师的指导。", "1.学会了写文档。"]
    # on a page (in a Word file a list going back to 1 is a list of its own: tests/test_word_page_furniture.py)
    page = tmp_path / "退回.txt"
    page.write_text("\n".join(stepback) + "\n", encoding="utf-8")
    assert docx_codes(page, "KJ503") == [("KJ503", 6)]


def test_a_bracketed_section_title_numbers_its_list_afresh(tmp_path):
    terms = ["用户协议", "【知识产权声明】", "1. 本软件的一切权利归本公司所有。", "2. 未经同意不得复制。",
             "3. 第三方软件和技术", "本软件可能使用第三方软件。", "【服务条款】1.关于账户",
             "您无需账户即可浏览部分内容。", "2.终端用户许可", "您可以在本协议范围内使用本软件。"]
    assert docx_codes(make_docx(tmp_path / "协议.docx", terms), "KJ502", "KJ503") == []
    # without the title between them the list goes back
    plain = [t for t in terms if not t.startswith("【")]
    assert docx_codes(make_docx(tmp_path / "无标题.docx", plain), "KJ502", "KJ503") == [("KJ503", 7)]


def test_an_arabic_top_level_heads_its_chinese_numbered_list(tmp_path):
    # 1．/ 2．headings with （一）（二） under them: the Arabic heading is the parent
    proposal = ["开题报告", "1．课题来源", "本课题来自社会实践。", "2．研究现状", "（一）国内现状",
                "国内起步较晚。", "（二）国外现状", "国外发展成熟。", "3．研究方案", "（一）网站定位",
                "面向公益组织。", "（二）开发环境", "操作系统：Windows 10。"]
    assert docx_codes(make_docx(tmp_path / "开题.docx", proposal), "KJ303", "KJ503", "KJ504") == []
    # under a sentence, or a （二） right under a heading: still an orphan, a step back, an empty heading
    orphan = ["开题报告", "1．课题来源", "本课题来自社会实践，国内起步较晚。", "（一）国内现状", "国内起步较晚。"]
    assert docx_codes(make_docx(tmp_path / "孤项.docx", orphan), "KJ504") == [("KJ504", 4)]
    empty = ["工作总结", "一、工作开展情况", "（一）主要工作", "1.重点工作任务", "（1）完成年度目标制定",
             "（2）推进各项改革措施", "2.常规工作内容", "（二）存在问题与不足", "人手不足。"]
    assert docx_codes(make_docx(tmp_path / "空.docx", empty), "KJ303") == [("KJ303", 7)]


def test_a_list_marked_otherwise_under_a_heading_is_its_body(tmp_path):
    plan = ["实践策划书", "七、活动安排", "线上开展，分两个阶段。", "八、实践预期", "一．选出一至两种农产品并总结其优势。",
            "二．制作扶贫视频，累计观看量达到十万。"]
    assert docx_codes(make_docx(tmp_path / "策划.docx", plan), "KJ303") == []
    # the next heading of its kind right below it: 八、 is empty
    empty = plan[:4] + ["九、经费预算", "资料费一百元。"]
    assert docx_codes(make_docx(tmp_path / "空.docx", empty), "KJ303") == [("KJ303", 4)]


def test_site_phrases_in_the_writers_own_lines_are_no_furniture(tmp_path):
    own = ["系统设计方案", "一、功能",
           "设置页的作用是设置语音播报开关、默认医生风格和隐私授权。",  # a feature, not a download panel
           "商家如需改用自己的收款账号，需要联系客服并提交纸质材料。",  # a step, not a disclaimer
           "其核心处理链路为：",
           "图像采集 -> 关键点提取 -> 特征计算 -> 模型推理 -> 告警",  # a flow typed with arrows
           "信息来源：收集信息的方式主要有线上收集与线下走访。线上信息真假难辨。",  # the writer's label
           "二、倡议", "让我们一起行动起来！", "\t\t\t\t某某村村委", "\t\t\t\t2021年1月17日星期日"]  # a 落款
    assert docx_codes(make_docx(tmp_path / "方案.docx", own), "KJ601") == []
    pasted = ["2021年1月17日星期日", "系统设计方案", "首页 > 工作总结 > 年度总结", "来源：某某网", "一、功能",
              "设置页用于设置提醒开关。", "二、倡议", "让我们一起行动起来！"]
    # the page's breadcrumb from its home page and its source line (a portal's date widget, matched by
    # no label of its own, is a line a Word file writes itself: tests/test_word_page_furniture.py)
    assert docx_codes(make_docx(tmp_path / "网页.docx", pasted), "KJ601") == [("KJ601", 3), ("KJ601", 4)]


def test_a_numbered_line_under_an_example_lead_is_no_heading(tmp_path):
    # a form's instructions show how headings are numbered: 例如： / 三、市场分析
    form = ["创业计划书", "填写说明", "1.标题使用仿宋二号加粗。", "例如：", "三、市场分析", "2.正文使用仿宋四号。",
            "一、执行总结", "本公司主营校园服务。", "二、公司概况", "公司成立于2018年。"]
    assert docx_codes(make_docx(tmp_path / "计划.docx", form), "KJ502") == []
    shown = form[:3] + ["示范如下", *form[4:]]  # no example lead: 三、 opens the outline
    assert docx_codes(make_docx(tmp_path / "无例.docx", shown), "KJ502") == [("KJ502", 5)]


def test_what_a_user_sees_once_logged_in_is_no_paywall():
    from kjlint.engine import lint_text

    assert [f.code for f in lint_text("平台功能：教师登录后可以查看学生打卡时长。", select=["KJ301"])] == []
    assert [f.code for f in lint_text("二是强化保障……登录后可以查看全文", select=["KJ301"])] == ["KJ301"]


def test_a_first_page_of_numbered_form_fields_is_no_cover(tmp_path):
    # a plan form: its fields (1)…(3) fill the first page, the body goes on at (4)
    frame = ["活动计划书", "(1)活动宗旨：服务同学", "(2)活动日期：五月", "(3)活动地点：礼堂"]
    body = ["(4)活动宣传方式：海报与公众号。", "(5)工作进度表：按周推进。", "(6)经费预算：五百元。"]
    path = make_docx(tmp_path / "计划.docx", [*frame, ("page break",), *body])
    doc = read_docx(path)
    assert all(doc.part(i) == "body" for i in range(len(frame)))
    assert docx_codes(path, "KJ502", "KJ504") == []
    gap = make_docx(tmp_path / "缺号.docx", [*frame, ("page break",), *body[1:]])
    assert docx_codes(gap, "KJ502") == [("KJ502", 6)]


def test_a_heading_left_without_its_style_still_numbers_the_headings(tmp_path):
    # 二.财务分析 typed like its styled siblings but left unstyled, tables of 一、… below it
    plan = ["创业计划书", ("heading", 1, "一.团队管理"), "团队共五人。", "二.财务分析", ("heading", 2, "收入预测"),
            ("table", [["一、业务收入", "100"], ["二、营业成本", "60"], ["三、营业利润", "40"], ["四、净利润", "30"]]),
            ("heading", 1, "三.融资方案"), "拟融资五十万元。"]
    assert docx_codes(make_docx(tmp_path / "计划.docx", plan), "KJ502") == []
    lost = [b for b in plan if b != "二.财务分析"]
    assert docx_codes(make_docx(tmp_path / "缺章.docx", lost), "KJ502") == [("KJ502", 13)]


def test_a_paragraph_of_underscores_between_text_is_a_rule(tmp_path):
    # a writer's tool turns Markdown `---` into a line of underscores between sections
    rule = ["技术方案", "1.1 建设目标", "实现业务数据互联互通。", "_" * 80, "1.2 建设内容", "为租户提供移动端服务。"]
    assert docx_codes(make_docx(tmp_path / "方案.docx", rule), "KJ203") == []
    # under a label, in a run of lines to write on, or above its caption: a fill-in line
    label = ["审批表", "审核意见：", "_" * 30, "部门负责人审核后报送。"]
    assert docx_codes(make_docx(tmp_path / "审批.docx", label), "KJ203") == [("KJ203", 3)]
    room = ["心得体会", "请写下本次活动的收获。", "_" * 30, "_" * 30, "交回班长。"]
    assert docx_codes(make_docx(tmp_path / "心得.docx", room), "KJ203") == [("KJ203", 3), ("KJ203", 4)]
    caption = ["承诺书", "本人承诺遵守以上规定。", "_" * 12, "（签名）"]
    assert docx_codes(make_docx(tmp_path / "承诺.docx", caption), "KJ203") == [("KJ203", 3)]


def test_a_placeholder_in_a_review_comment_is_the_comments(tmp_path):
    # the reviewer's model sentence (为解决XXX问题…) goes with the comment (KJ208), listed under it
    import json

    from click.testing import CliRunner

    from kjlint.cli import main

    path = make_docx(tmp_path / "开题.docx", ["开题报告", "一、研究目标", ("commented", "本课题研究检测方法。",
                                                                       "改为：为解决XXX问题，提出一种XX方法。")])
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--select", "KJ201,KJ208"])
    findings = json.loads(result.stdout)
    assert [f["code"] for f in findings] == ["KJ208"]
    assert [r["message"][:5] for r in findings[0]["related"] if r["message"].startswith("KJ")] == ["KJ201", "KJ201"]
    # the same placeholder in the body is reported on its own
    body = make_docx(tmp_path / "正文.docx", ["开题报告", "一、研究目标", "为解决XXX问题，提出一种方法。"])
    assert docx_codes(body, "KJ201", "KJ208") == [("KJ201", 3)]


def test_bare_numbers_each_over_their_text_number_untitled_parts(tmp_path):
    # a weekly report numbering its weeks: 5. / that week's text / 6. / the next week's
    weeks = ["5.", "本周搭建了开发环境。", "配置了服务器。", "6.", "本周完成了数据库设计。", "7.", "本周编写了接口。"]
    assert docx_codes(make_docx(tmp_path / "周报.docx", weeks), "KJ303") == []
    # among titled siblings a bare number over text lost its title
    titled = ["实践报告", "1. 社会调研", "走访了三个社区。", "2. 经典阅读", "读了两本书。", "3.", "参观了纪念馆。"]
    assert docx_codes(make_docx(tmp_path / "报告.docx", titled), "KJ303") == [("KJ303", 6)]
