"""Word files nobody here wrote (issue 11, session 15's development set wordguide15 and the Word set
fdocx9): a template's guidance written as plain prose left in a document its writer filled in
(说明所建议系统的主要开发目标，如： / （1）引言：说明编写本文档的目的…), and form fields left empty where
the layout alone shows them (a cover drawn in a text box, a form's last box holding only its label)."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx

# the writer's own text: sentences with their subject
TEXT = ["本系统面向校园用户，提供在线订餐、订单跟踪和商家管理等功能，前端采用微信公众号实现。",
        "经过调查，多数学生因课程安排无法按时就餐，系统允许预约取餐时间，餐厅可以提前备餐。",
        "系统开发所需的服务器和公众号认证费用较低，团队成员已经掌握所需的开发技术，项目可以按期完成。",
        "测试结果表明，系统在一百名用户同时访问时响应时间不超过两秒，满足设计要求。",
        "项目组在第一阶段完成了需求调研和原型设计，与三家餐厅确认了接单流程和结算方式，收集了近三百份问卷。",
        "第二阶段完成了订单模块、支付模块和评价模块的编码，并在校内开展了为期两周的试运行，发现并修复了十余个问题。",
        "下一阶段将完善商家管理后台，增加数据统计和报表导出功能，并根据试运行中用户的反馈优化下单流程和界面。",
        "项目目前的主要困难是部分餐厅高峰时段出餐较慢，团队计划与餐厅协商设置预约时段，分散高峰订单的压力。"]


def _lines(path, code):
    return [line for _, line in docx_codes(path, code)]


def test_an_order_to_the_writer_leading_in_its_examples_is_guidance(tmp_path):
    # GB8567's guidance left above the writer's answers: the verb first, no subject, examples led in
    doc = ["可行性研究报告", "2.2目标", "说明所建议系统的主要开发目标，如：", "A.能及时收集周边新的特色美食；",
           "B.推出美食评价系统；", "2.3条件、假定和限制", "说明对这项开发中给出的条件、假定和所受到的限制，如：",
           "a．订单数量过多，可能会导致餐厅无法及时接单；", *TEXT]
    assert _lines(make_docx(tmp_path / "可行性.docx", doc), "KJ205") == [3, 7]
    # a third order, after its topic (对于…，说明…): the file's orders are the template's
    third = doc[:8] + ["4.1支出", "对于所选择的方案，说明所需的费用。", *TEXT]
    assert _lines(make_docx(tmp_path / "支出.docx", third), "KJ205") == [3, 7, 10]
    # the writer's answer after 如： is the writer's: the finding ends at the lead-in
    answered = ["可行性研究报告", "说明能够用人民币数目表示的一次性收益，如：学校使用该系统需一次性提交2万元。", *TEXT]
    path = make_docx(tmp_path / "收益.docx", answered)
    [(message, line)] = docx_codes(path, "KJ205")
    assert line == 2 and "2万元" not in message


def test_a_headings_label_followed_by_an_order_is_the_templates(tmp_path):
    # each numbered heading's label carries the template's order for its section, the text below it
    doc = ["电影票预定系统可行性研究报告", "（1）引言：说明编写本文档的目的，项目的名称、背景，团队成员。", TEXT[0],
           "（2）可行性研究前提：说明开发项目的功能、性能和基本要求，达到的目标。", TEXT[1],
           "③　操作可行性分析：说明系统操作方式对用户组织的影响", *TEXT[2:]]
    assert _lines(make_docx(tmp_path / "电影票.docx", doc), "KJ205") == [2, 4, 6]
    # three orders through a file, whatever leads them in
    orders = ["可行性研究报告", "说明现有系统的基本的处理流程和数据流程。此流程可用流程图表示。", TEXT[0],
              "列出在该系统生命期内按月或按季支出的用于运行和维护的费用。", TEXT[1],
              "给出所建议系统的运行环境和限制条件。", *TEXT[2:]]
    assert _lines(make_docx(tmp_path / "三条.docx", orders), "KJ205") == [2, 4, 6]


def test_a_texts_own_sentences_and_a_blank_template_are_no_guidance(tmp_path):
    # a conclusion (说明了, a clause before it), a purpose list's item, a noun (说明书), a note's label
    own = ["中期报告", "从图中可以看出损失已经收敛，说明模型训练充分。", "说明了本方法在小样本上同样有效。",
           "编写目的：", "明确各阶段的分工和进度安排；", "说明项目开发的费用计算方式和总费用；",
           "说明书：详细设计说明书已经完成评审。", "说明：", "1.报告要求3000字以上。", *TEXT]
    assert _lines(make_docx(tmp_path / "自述.docx", own), "KJ205") == []
    # an exam's numbered questions are the document's
    exam = ["软件工程期中试题", "1．说明瀑布模型的主要阶段。", "2．列出三种常见的软件测试方法。",
            "3．给出需求规格说明书的主要内容。", *TEXT]
    assert _lines(make_docx(tmp_path / "试题.docx", exam), "KJ205") == []
    # a blank template: its guidance is all it holds, a template still to be filled
    blank = ["可行性研究报告", "1引言", "说明编写本可行性研究报告的目的，指出预期的读者。", "2可行性研究的前提",
             "说明对所建议开发的软件的基本要求，如：", "3对现有系统的分析", "说明现有系统的处理流程和数据流程。"]
    assert _lines(make_docx(tmp_path / "模板.docx", blank), "KJ205") == []


def test_a_cover_drawn_in_a_text_box_has_its_empty_fields_read(tmp_path):
    cover = ["", ("textbox", ["企业实习中期报告", "学号：\t\t      \t", "姓名：\t\t Koorye\t\t", "专业方向：\t       \t",
                              "企业指导教师：\t\t     \t\t", "信息与软件工程学院"]), "第一章 实习项目进展情况", *TEXT]
    path = make_docx(tmp_path / "中期.docx", cover)
    assert len(docx_codes(path, "KJ204")) == 3
    # a text box in the document's text (a diagram's labels) is no cover
    diagram = ["中期报告", *TEXT, ("textbox", ["输入：", "输出：", "处理：", "备注：无"]), TEXT[0]]
    assert docx_codes(make_docx(tmp_path / "框图.docx", diagram), "KJ204") == []


def test_a_forms_last_box_left_with_only_its_label(tmp_path):
    written = "目前主要论文工作已经完成，接下来首先完成轨迹预测算法的对比试验工作，同时整理算法文档。"
    form = ["硕士研究生学位论文阶段报告",
            ("table", [["论文题目", "参与式感知环境下基于轨迹数据的研究"], ["研究内容简介", None]]),
            ("table", [["论文进展情况"], ["工作成果"]]),
            ("table", [[["计划及进度安排", written]], ["问题及整改方案"]])]
    path = make_docx(tmp_path / "阶段报告.docx", form)
    assert _lines(path, "KJ204") == [4, 6, 9]  # 研究内容简介, 工作成果 (论文进展情况 heads it), 问题及整改方案


def test_a_blank_forms_boxes_a_caption_row_and_another_hands_box_are_no_blank(tmp_path):
    # a blank form: no box holds the writer's text
    blank = ["学位论文阶段报告", ("table", [["论文题目", ""], ["研究内容简介", None]]),
             ("table", [[["填表说明", "本表由研究生本人填写，一式两份，报告会结束后交学院。"]], ["问题及整改方案"]])]
    assert docx_codes(make_docx(tmp_path / "空表.docx", blank), "KJ204") == []
    # a caption row over a table's grid, a reviewer's box at the end
    filled = ["阶段报告", ("table", [[["计划及进度安排", TEXT[0]]]]),
              ("table", [["资产负债表", None, None], ["资产", "期末余额", "年初余额"], ["货币资金", "120", "100"]]),
              ("table", [["导师意见"]])]
    assert docx_codes(make_docx(tmp_path / "报表.docx", filled), "KJ204") == []
