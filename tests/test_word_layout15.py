"""Word files decided by their layout (session 15, issue #11): site furniture, nested lists, no title.

Patterns from real Word files of kinds the earlier sets had few of (data dictionaries, user
manuals, test reports, requirement specifications; /tmp/s15/wordprec15, fdocx9), rebuilt with
invented text.
"""
from __future__ import annotations

from docx_maker import make_docx
from kjlint.docx import read_docx
from kjlint.engine import LintOptions, lint_document, lint_text

TITLE = ("title", "学生考勤系统数据字典")
BODY = "本文档说明考勤系统各数据表的字段、类型与含义，供开发与测试人员查阅。"


def findings(tmp_path, blocks, codes, name="文档.docx"):
    doc = read_docx(make_docx(tmp_path / name, blocks))
    return [(f.code, f.message) for f in lint_document(doc, opts=LintOptions(codes=set(codes)))]


# --- KJ601: a Word table's cells and a Word heading are the writer's layout, no site's chrome ---

def test_furniture_words_in_word_table_cells_are_content(tmp_path):
    # a data dictionary's column of field meanings: 链接地址, 友情链接 name the writer's fields
    table = ("table", [["字段", "类型", "注释"], ["url", "text", "链接地址"],
                       ["friendlink", "varchar(20)", "友情链接"], ["img_url", "text", "图片链接地址"]])
    assert findings(tmp_path, [TITLE, BODY, table], {"KJ601"}) == []


def test_furniture_words_in_word_headings_are_content(tmp_path):
    # a manual's own chapter on its disclaimer, a note's heading over its list of links
    blocks = [TITLE, BODY, ("heading", 1, "第十三章  注意事项与免责声明"), "本软件推荐结果仅供参考。",
              ("heading", 2, "13.2  免责声明"), "开发团队不对因使用本软件造成的损失负责。",
              ("heading", 3, "相关链接"), "https://example.org/docs/manual.html"]
    assert findings(tmp_path, blocks, {"KJ601"}) == []


def test_same_words_as_plain_paragraphs_still_flagged(tmp_path):
    # pasted from a page into plain paragraphs, the site's disclaimer is the page's chrome; a bare
    # 友情链接 is a name a Word file uses itself (tests/test_word_page_furniture.py)
    blocks = [TITLE, BODY, "友情链接", "免责声明：本站部分内容来自网络，如有侵权请联系删除。"]
    assert [message.split("(")[1].split(",")[0] for _, message in findings(tmp_path, blocks, {"KJ601"})] == ["disclaimer"]


# --- KJ503: an item announcing a list heads the list under it ---

def test_list_under_an_item_announcing_it_is_no_step_back(tmp_path):
    blocks = [("title", "缺陷报告填写说明"), "表中相关项说明：",
              "1.缺陷编号：为每个缺陷赋予一个唯一的编号。",
              "2.缺陷严重程度：缺陷可以根据严重程度分为以下几种情况。",
              "1.致命：测试执行直接导致系统死机。", "2.严重：系统的次要功能没有实现。",
              "3.一般：不影响系统的正常使用。", "4.细微：对功能几乎没有影响。",
              "3.功能模块：出现该缺陷的功能模块名称。", "4.缺陷标题：描述缺陷的标题。"]
    assert findings(tmp_path, blocks, {"KJ502", "KJ503"}) == []
    # the same text as a plain page: the announced list is the item's there too
    text = "\n".join(b if isinstance(b, str) else b[1] for b in blocks) + "\n"
    assert [f.code for f in lint_text(text, select=["KJ502", "KJ503"])] == []


def test_list_starting_again_without_an_announcement_still_flagged_on_a_page(tmp_path):
    lines = ["课题研究计划", "1.研究背景：阐述课题的来源。", "2.研究目标：明确要达到的目标。",
             "3.研究内容：列出主要研究内容。", "4.系统测试与优化：进行多轮功能测试。",
             "1.研究方法", "主要使用调查研究法。"]
    # a Word file's list going back to 1 is a list of its own (tests/test_word_page_furniture.py)
    assert findings(tmp_path, [("title", lines[0]), *lines[1:]], {"KJ503"}) == []
    assert [f.code for f in lint_text("\n".join(lines) + "\n", select=["KJ503"])] == ["KJ503"]


# --- KJ506: a Word file opening with the first of its numbered sections has no title ---

SECTIONS = [("heading", 1, "1 引言"), "水是人类生活的源泉，智慧水务应运而生。",
            ("heading", 1, "2 系统定义"), "系统以智慧管理、高效服务为目标。",
            ("heading", 1, "3 应用环境"), "系统对城市各项水务功能实现一体化管理。"]


def test_word_file_opening_with_its_first_section_has_no_title(tmp_path):
    found = findings(tmp_path, SECTIONS, {"KJ506"})
    assert [code for code, _ in found] == ["KJ506"] and "section heading" in found[0][1]


def test_word_file_with_a_title_above_its_sections(tmp_path):
    assert findings(tmp_path, [("heading", 1, "智慧水务系统需求规格说明书"), *SECTIONS], {"KJ506"}) == []
    assert findings(tmp_path, [("title", "智慧水务系统需求规格说明书"), *SECTIONS], {"KJ506"}) == []


def test_chapter_file_opening_with_its_only_chapter(tmp_path):
    # one numbered chapter and its subsections: the chapter's heading is the file's title
    blocks = [("heading", 1, "3 系统设计"), ("heading", 2, "3.1 总体架构"), "系统采用三层架构。",
              ("heading", 2, "3.2 模块划分"), "系统分为采集、分析、展示三个模块。"]
    assert findings(tmp_path, blocks, {"KJ506"}) == []


def test_list_in_a_word_table_cell_is_no_sibling_of_the_body_chapters(tmp_path):
    # a requirement specification: chapters 1.–3. in the body, a 用户/功能 table whose cells list
    # functions 1.–3. and 1.–5., then chapter 3 with its sections
    table = ("table", [["用户", "功能"], ["企业用户", "1. 修改企业信息\n2. 填报就业人数\n3. 查询数据状态"],
                       ["省用户", "1. 查看备案企业\n2. 查询企业\n3. 审核数据\n4. 修改数据\n5. 删除数据"]])
    blocks = [("title", "就业监测系统需求规格说明书"), "1. 范围", "本文档说明系统的需求。", "2. 总体概述",
              "2.1 产品描述", "系统供企业与省级用户使用。", "2.2 软件功能", table,
              "2.3 一般约束", "开发语言为C++。", "3. 具体需求", "3.1 功能需求", "系统提供以下功能。"]
    assert findings(tmp_path, blocks, {"KJ502", "KJ503"}) == []


# --- KJ304: no site previews in a Word table's cells or in a template's bracketed notes ---

def test_equal_cells_of_a_word_test_table_are_no_preview(tmp_path):
    # a test report's 预期结果 and 实际结果 columns holding the same long text
    cell = "可以将已查询过的翻译添加到单词本中，此外还可以对单词本中的单词进行删除"
    table = ("table", [["编号", "功能", "状态", "预期结果", "实际结果"], ["1", "单词本", "已完成", cell, cell]])
    blocks = [("title", "翻译软件测试报告"), "本报告记录各功能的测试结果。", table, "以上功能均已通过测试。"]
    assert findings(tmp_path, blocks, {"KJ304"}) == []


def test_repeated_bracketed_template_note_is_no_preview(tmp_path):
    note = "[对于您已选择使用的各种评测，指出其结果。与以前的结果进行比较，并讨论变化趋势。]"
    # its sections numbered by Word (3.1, 3.2 are list labels, not text)
    blocks = [("title", "测试报告"), ("list", "decimal", 0, "覆盖率分析"), ("list", "decimal", 1, "基于需求的测试覆盖"),
              note, ("list", "decimal", 1, "基于代码的测试覆盖"), note, ("list", "decimal", 0, "建议措施"),
              "根据测试结果，建议优化数据库查询。"]
    assert findings(tmp_path, blocks, {"KJ304"}) == []


def test_preview_paragraph_cut_before_its_text_still_flagged(tmp_path):
    full = "今年以来，我局坚持以习近平新时代中国特色社会主义思想为指导，全面推进各项工作取得新成效。"
    blocks = [("title", "某局2023年工作总结"), full[:30], full, "一是加强学习。二是完善制度。"]
    assert [code for code, _ in findings(tmp_path, blocks, {"KJ304"})] == ["KJ304"]
