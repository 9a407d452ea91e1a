"""Word files nobody here wrote (issue 11, session 13's false-alarm set): the mechanisms of their
false findings. Each is shown both ways where a look-alike exists: the writer's own form or text is
left alone, a blank, a counter or a repeat of the kind the rule is for is still reported."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx


def test_a_filled_value_underlined_on_both_sides_is_no_blank(tmp_path):
    # the underline Word users type around what they filled in: fields on one line, cells, a sentence's slot
    form = ["学生信息登记表", "姓名：__张三__   学号：__2019001__", "班级：____计科1702____  专业：___计算机___",
            ("table", [["性别", "__男__", "单位", "____某某公司____"]]),
            "本人__张三__，身份证号__110101199001011234__，郑重承诺如下：", "一、遵守各项规定。"]
    assert docx_codes(make_docx(tmp_path / "登记表.docx", form), "KJ203") == []
    # blanks left empty, a unit between two blanks, one-sided blanks: still blanks to fill
    blank = ["会议通知", "定于20__年__月__日召开全体会议。", "全单位共__人，其中党员__名。", "认真贯彻__会议精神。"]
    assert [line for _, line in docx_codes(make_docx(tmp_path / "通知.docx", blank), "KJ203")] == [2, 2, 2, 3, 3, 4]


def test_a_listing_quoted_with_its_line_numbers_is_code_not_headings(tmp_path):
    # a blog's code block pasted with its numbers: `6.` is the listing's empty line 6, no heading
    listing = ["一致性哈希学习", "定义节点：", "1./* 节点定义 */", "2.struct node {", "3.    string name;", "4.",
               "5.    int id;", "6.};", "测试说明", "测试了算法的平衡性。"]
    assert docx_codes(make_docx(tmp_path / "学习.docx", listing), "KJ303", "KJ5") == []
    # a numbered list of the writer's sentences with an item never written is still reported
    plan = ["工作计划", "1.完成系统设计。", "2.完成编码工作。", "3.完成联调测试。", "4.", "5.完成上线部署。"]
    assert docx_codes(make_docx(tmp_path / "计划.docx", plan), "KJ303") == [("KJ303", 5)]


def test_a_forms_signature_dates_are_no_repeated_title(tmp_path):
    # two signature blocks, each with its date line left for the pen
    form = ["会议室使用申请表", ("table", [["申请人", "张三"], ["申请理由", "因工作需要申请使用会议室。"]]),
            "申请人签名：", "日期：    年   月   日", "部门负责人意见：", "签字：", "日期：年 月 日"]
    assert docx_codes(make_docx(tmp_path / "申请表.docx", form), "KJ6") == []
    # the title itself twice at the top is still a repeated title
    page = ["2023年度安全生产工作总结", "2023年度安全生产工作总结", "今年以来，我局认真落实安全生产责任制，全年未发生安全事故。"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", page), "KJ607") == [("KJ607", 2)]


SKIPPED = "该关卡任务已完成，实施情况本报告略过。"


def test_a_short_note_the_writer_repeats_at_each_place_is_no_duplicate(tmp_path):
    # a lab report's note under every task it skips: the writer's refrain
    report = ["数据库实践报告", "2.1 建表", SKIPPED, "2.2 插入数据", "插入了三张表的测试数据，共计一百二十条记录。",
              "2.3 查询", SKIPPED, "2.4 视图", SKIPPED, "2.5 触发器", SKIPPED]
    assert docx_codes(make_docx(tmp_path / "报告.docx", report), "KJ1") == []
    # the same sentence pasted twice, or a longer paragraph met three times, is still a repeat
    twice = ["数据库实践报告", "2.1 建表", SKIPPED, "2.2 查询", SKIPPED]
    assert docx_codes(make_docx(tmp_path / "两次.docx", twice), "KJ101") == [("KJ101", 5)]
    long_ = "本关任务要求建立学生、课程和选课三张表，并为每张表定义主码和外码约束。"
    thrice = ["数据库实践报告", "2.1 建表", long_, "2.2 查询", long_, "2.3 视图", long_]
    assert [code for code, _ in docx_codes(make_docx(tmp_path / "三次.docx", thrice), "KJ101")] == ["KJ101", "KJ101"]


def test_a_reports_letters_and_wildcards_are_no_masks(tmp_path):
    lab = ["QuickSort实验报告", "Partition函数为划分函数，变量x存储着划分主元，low与i之间的元素均小于等于x,其余均大于x。",
           "邮件名按: 学号-姓名-第x次试验, 例如: SA2101100x-张三-第一次试验。",
           "输入字符可以是：‘0’~‘9’ ； ‘x’ ； ‘X’ ； ‘^’ 。",
           "每当指令中出现?或*时，将该指令存入文本中；最开始想写一个匹配*与？的程序。",
           "请将申请表转为pdf发送，命名为 报名表_学号_姓名，邮件主题同文件命名。",
           "（答辩时由老师填写如下内容）", "*此表纸质版打印一式两份"]
    assert docx_codes(make_docx(tmp_path / "实验报告.docx", lab), "KJ2") == []
    # masks of the same letters in a report's sentences are still masks
    masked = ["工作总结", "全年共走访企业x家，争取资金*万元。", "组织**区企业参加培训，学员名单另附_表_页。", "（请填写单位名称）"]
    assert [code for code, _ in docx_codes(make_docx(tmp_path / "总结.docx", masked), "KJ2")] == \
        ["KJ201", "KJ202", "KJ202", "KJ203", "KJ203", "KJ205"]


def test_a_forms_rows_left_for_hand_entry_are_no_spare_rows(tmp_path):
    # a record form printed with numbered rows for the entries to come
    rows = [["序号", "日期", "内容", "记录人"], ["1", "3月1日", "安装环境", "张三"], ["2", "", "", ""], ["3", "", "", ""]]
    assert docx_codes(make_docx(tmp_path / "记录表.docx", ["实验室使用记录表", ("table", rows)]), "KJ204") == []
    # the same rows left empty in a report's table are still reported
    assert docx_codes(make_docx(tmp_path / "总结.docx", ["实验室工作总结", ("table", rows)]), "KJ204") == \
        [("KJ204", 10), ("KJ204", 14)]


def test_a_count_of_pieces_in_a_word_file_is_the_writers(tmp_path):
    # 一篇 read on into the sentence, in a cell, in brackets; a part of the writer's course; a reading plan
    notes = ["读书笔记", "今天读了", "一篇", "论文，很受启发。", ("table", [["论文数量", "一篇"], ["专利", "两项"]]),
             "（一篇）", "第一篇：绪论", "本篇介绍研究背景。", "第二篇：方法", "本篇介绍研究方法。", "每周阅读英文文献一篇",
             "附录：实验报告模板"]
    assert docx_codes(make_docx(tmp_path / "笔记.docx", notes), "KJ6") == []
    # a site's number on the reports it collects, pasted into Word with them, is still its furniture
    page = ["第一篇：2023年安全生产工作总结", "今年以来，我局认真落实安全生产责任制，全年未发生安全事故。",
            "第二篇：2023年安全生产工作总结", "今年以来，我县扎实开展隐患排查治理，安全形势总体平稳。"]
    assert [code for code, _ in docx_codes(make_docx(tmp_path / "范文.docx", page), "KJ601")] == ["KJ601", "KJ601"]


def _boxed(path, anchor: int, boxes: list[list[str]]):
    """The Word file at `path` with text boxes (each a list of paragraphs) anchored in paragraph `anchor`."""
    import docx
    from docx.oxml import parse_xml

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
    word = docx.Document(str(path))
    for box in boxes:
        paras = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in box)
        word.paragraphs[anchor]._p.append(parse_xml(
            f"<w:r {ns}><w:drawing><wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx></w:drawing></w:r>"))
    word.save(str(path))
    return path


def test_a_text_box_is_no_part_of_the_bodys_outline(tmp_path):
    # a diagram's numbered boxes anchored under （一）: read after it, numbered on their own
    body = ["实验报告", "一、实验目的", "掌握链表的基本操作。", "二、实验内容", "（一）建立链表", "建立一个单链表。",
            "（二）插入节点", "在指定位置插入节点。"]
    path = _boxed(make_docx(tmp_path / "报告.docx", body), 4, [["（一）头结点", "（二）数据结点", "（三）尾结点"]])
    assert docx_codes(path, "KJ3", "KJ5") == []
    # a heading whose only content is a flowchart of boxes, one of them a bare number, is not empty
    flow = ["系统设计报告", "一、总体设计", "", "二、模块设计", "系统由三个模块组成。"]
    path = _boxed(make_docx(tmp_path / "设计.docx", flow), 2, [["开始"], ["1."], ["2.处理数据"], ["结束"]])
    assert docx_codes(path, "KJ3", "KJ5") == []
    # the body's own gap is still reported around the boxes
    gap = ["实验报告", "一、实验目的", "掌握链表的基本操作。", "三、实验内容", "建立一个单链表。"]
    path = _boxed(make_docx(tmp_path / "缺号.docx", gap), 2, [["二、示意"]])
    assert docx_codes(path, "KJ502") == [("KJ502", 5)]


def test_a_forms_field_whose_content_is_attached_is_not_empty(tmp_path):
    rows = [["课程设计名称", "计算机网络课程设计"], ["学院", "计算机学院"], ["指导教师", "高某"],
            ["课程设计内容", "设计并实现一个DNS中继服务器，支持不良网站拦截和中继功能。"], ["学生课程设计报告（附页）", ""]]
    assert docx_codes(make_docx(tmp_path / "报告.docx", ["北京某大学课程设计报告", ("table", rows)]), "KJ204") == []
    # a field of the writer's left empty in the same form is still reported
    rows[1] = ["学院", ""]
    assert docx_codes(make_docx(tmp_path / "空.docx", ["北京某大学课程设计报告", ("table", rows)]), "KJ204") == [("KJ204", 4)]


def test_the_first_of_a_roman_numbered_series_is_no_stray_letter(tmp_path):
    series = ["协作文档测试", "表2  测试用例I", "图9  测试用例截图I", "上传并编辑示例文档。", "表3  测试用例II",
              "多用户同时编辑同一文档。"]
    assert docx_codes(make_docx(tmp_path / "测试.docx", series), "KJ703") == []
    # a lone I glued to a word, no series: still a stray letter
    stray = ["工作总结", "全年开展技术培训I，培训246人次。"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", stray), "KJ703") == [("KJ703", 2)]


def test_an_items_keyword_set_off_in_braces_is_no_slot(tmp_path):
    talk = ["述职报告", "三【我的体会】", "1{服务意识}以用户为中心，站在用户的立场去做服务。",
            "2.{责任感}我们的手里紧握着三个主要责任：客户的健康、团队的荣誉和公司的形象。"]
    assert docx_codes(make_docx(tmp_path / "述职.docx", talk), "KJ205") == []
    # a merge field in braces before the text is still a slot never filled
    letter = ["邀请函", "{单位名称}：", "兹定于5月10日召开年度工作会议，请届时参加。", "尊敬的{姓名}先生，诚挚邀请您出席本次会议并讲话。"]
    assert [code for code, _ in docx_codes(make_docx(tmp_path / "邀请.docx", letter), "KJ205")] == ["KJ205", "KJ205"]
