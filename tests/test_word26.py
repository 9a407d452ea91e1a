"""What session 26's Word sets showed (word26, an independent first run, and wsweep26, a
precision sweep): false findings on writers' own text, each a mechanism. Invented text."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx


def test_status_emoji_opening_the_items_of_a_flattened_list_are_marks(tmp_path):
    """word26 w07: a Markdown list pasted into one paragraph (核心功能： - ✅ 设备注册 - 设备ID校验 - ✅ …),
    and items labeled with a colon (✅ 安全性：… ✅ 可用性：…): 50 KJ704 findings on status marks."""
    plan = ["项目进度报告", "核心功能： - ✅ 设备注册与认证 - 设备ID唯一性校验 - 设备状态监控 - ✅ 设备证书管理 - 证书吊销与更新",
            "进行中模块： - 🟡 消息队列集成（70%） - 🟡 监控告警框架（60%） - ⭕ 入侵检测实现（20%）",
            "✅ 安全性：多层次安全架构，加密通信 ✅ 可用性：网页管理界面，实时告警 ✅ 可维护性：完整文档，标准化接口"]
    assert docx_codes(make_docx(tmp_path / "报告.docx", plan), "KJ704") == []
    pasted = ["项目进度报告", "本月完成了设备管理模块的开发🎉，下月继续推进监控模块👍。"]
    assert len(docx_codes(make_docx(tmp_path / "月报.docx", pasted), "KJ704")) == 2


def test_an_empty_paragraph_with_a_hidden_mark_is_no_line(tmp_path):
    """wsweep26 w17: a thesis template's hidden numbered paragraphs (the mark w:vanish, no text),
    which set the chapters' numbers: Word shows nothing there, and 30 of them were read as empty
    headings. The number still counts, as in Word."""
    import docx
    from docx.oxml import OxmlElement

    from kjlint.reading import read_document

    body = "本章介绍系统的总体设计，包括架构、模块划分和接口约定，各模块之间通过消息队列通信。"
    path = make_docx(tmp_path / "论文.docx", ["课程设计报告", ("list", "decimal", 0, "占位"),
                                             ("list", "decimal", 0, "系统设计"), body])
    document = docx.Document(str(path))
    hidden = next(p for p in document.paragraphs if p.text == "占位")
    for run in hidden.runs:
        run._r.getparent().remove(run._r)
    rpr = OxmlElement("w:rPr")
    rpr.append(OxmlElement("w:vanish"))
    hidden._p.get_or_add_pPr().append(rpr)
    document.save(str(path))
    lines = read_document(str(path)).text.split("\n")
    assert lines[:3] == ["课程设计报告", "2.系统设计", body]
    assert docx_codes(path, "KJ303") == []


def test_an_arabic_number_with_its_bracket_and_a_dunhao_is_malformed(tmp_path):
    """word26 w11 (15 labels): 1）、在消费… — a number given both its bracket and a 、 (as 3.、 and
    (一)、 are); 1） and (1) alone are well formed."""
    plan = ["项目计划书", "一、市场分析", "1）、在消费升级的背景下，公益需求逐年增长。", "2）、采取公益与商业结合的方式运营。",
            "二、推广方案", "(1) 官网发布项目介绍。", "(2) 采用官方账号持续推送。"]
    found = docx_codes(make_docx(tmp_path / "计划书.docx", plan), "KJ507")
    assert [line for _, line in found] == [3, 4]


def test_a_title_with_a_stop_typed_after_it_is_a_title(tmp_path):
    """word26 w15: 「声入华夏」项目计划书（V1.0）。 — one stop after a short line naming its kind of
    document: the title, not a sentence (KJ506). A first line that says something stays a sentence."""
    body = "本项目面向中小学开展普通话朗读训练，提供录音、评分和学习记录，计划于明年春季学期在三所学校试用。"
    assert docx_codes(make_docx(tmp_path / "计划书.docx", ["「声入华夏」项目计划书（V1.0）。", body]), "KJ506") == []
    assert docx_codes(make_docx(tmp_path / "说明.docx", ["本项目计划于明年春季完成。", body]), "KJ506") != []


def test_a_heading_over_its_own_list_numbered_from_one_has_a_body(tmp_path):
    """word26 w08 and wsweep26 w33: 3. 心得 / 1. 通过对常用的程序模块进行封装，… / 2. …: the items
    (their text inline) are the heading's list, numbered from 1 again, not its siblings (KJ303)."""
    report = ["课程设计报告", ("heading", 2, "1. 设计目标"), "本次课程设计实现一个贪吃蛇游戏，要求界面流畅、操作简单，并能记录最高分。",
              ("heading", 2, "2. 实现过程"), "游戏主循环读取键盘输入，判断蛇头前方的格子，再刷新画面和分数。", ("heading", 2, "3. 心得"),
              "1. 通过对常用的程序模块进行封装，能够提高开发效率，增加代码复用，并方便维护。",
              "2. 更新画面时将要打印的内容先存起来再一起输出，能够让画面更加流畅。"]
    assert docx_codes(make_docx(tmp_path / "报告.docx", report), "KJ303") == []
    empty = report[:5] + [("heading", 2, "3. 心得"), ("heading", 2, "4. 参考资料"), "《C程序设计》，清华大学出版社。"]
    assert docx_codes(make_docx(tmp_path / "空.docx", empty), "KJ303") != []


def test_a_word_heading_over_plain_items_numbered_from_one_has_a_body(tmp_path):
    """word26b w06: 15.面试 in a heading style, then 1.介绍项目 / 2.项目中有什么难点? … as plain paragraphs:
    the items are the heading's, however short (KJ303)."""
    notes = ["项目总结", ("heading", 1, "14.部署"), "服务器使用宝塔面板部署，数据库每天凌晨自动备份一次。",
             ("heading", 1, "15.面试"), "1.介绍项目", "2.项目中有什么难点?怎么解决?", "3.角色权限体系"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", notes), "KJ303") == []


def test_a_module_names_pattern_between_hyphens_is_no_mask(tmp_path):
    """word26b w18: 写在服务层(gmall-xxx-service)而不写在控制层(gmall-xxx-web): the module names' pattern;
    a date's XX between hyphens stays a mask."""
    notes = ["项目笔记", "业务逻辑写在服务层(gmall-user-manage、gmall-xxx-service)而不写在控制层(gmall-xxx-web)。"]
    assert docx_codes(make_docx(tmp_path / "笔记.docx", notes), "KJ201") == []
    masked = ["会议纪要", "会议时间：2021-XX-XX，地点：xx会议室。"]
    assert docx_codes(make_docx(tmp_path / "纪要.docx", masked), "KJ201") != []


def test_word_drawn_and_typed_numbers_are_two_lists(tmp_path):
    """word26b w06: 1.管理员增删改查（ numbered by Word, then 1.加密 / 2.验证密码 typed inside its bracket,
    then Word's 2.管理员登录; w15: Word's list restarted at 1. under each lead-in paragraph. Neither is
    a number used twice (KJ503). A typed 一、 then Word's 一、 for the next sibling still is."""
    nested = ["后台管理需求", ("list", "decimal", 0, "管理员增删改查（"), "1.加密", "$password = hash('123456');",
              "2.验证密码", "$ok = validate($password);）", ("list", "decimal", 0, "管理员登录和注销"),
              ("list", "decimal", 0, "自动登录")]
    assert docx_codes(make_docx(tmp_path / "需求.docx", nested), "KJ503") == []
    restarted = ["工作总结", "消息盒子优化：统计店铺下快过期的代理数，查询量接近每秒五千次。",
                 ("list", "decimal", 0, "考虑到实时性要求不高，使用离线表优化查询。"),
                 "商品异常打标签：商品绑定的代理异常会影响销售，需要展示异常信息。",
                 ("list", "decimal", 0, "根据各种异常口径使用离线表对商品打标签。"),
                 ("list", "decimal", 0, "构建检索服务供业务方快速查询。")]
    assert docx_codes(make_docx(tmp_path / "总结.docx", restarted), "KJ503") == []


def test_a_chapter_named_by_a_word_opening_with_a_units_character_is_a_chapter(tmp_path):
    """wsweep26 w22: chapters 1 研究背景 … 6 项目管理 (项 is also a unit's character: 6 项 = six items),
    then 7. 总结与反思: the outline's chapter 7, no list missing 1.–6. (KJ502). 12 月份 stays a quantity."""
    from kjlint.checks.structure import _decimal_heading

    assert _decimal_heading("6 项目管理(对应课程目标5，6)") and _decimal_heading("2 人员安排")
    assert not _decimal_heading("12 月份") and not _decimal_heading("3 个百分点")
    body = "本节说明项目的完成情况与存在的不足，并给出下一步改进的计划和分工安排。"
    report = ["课程项目报告", "1 研究背景和项目目标", body, "2 项目总体设计", body, "3 项目关键技术", body,
              "4 项目实现", body, "5 项目测试", body, "6 项目管理", body, "7. 总结与反思", body]
    assert docx_codes(make_docx(tmp_path / "报告.docx", report), "KJ502") == []


def test_a_sentence_about_what_a_user_sees_after_logging_in_is_no_paywall(tmp_path):
    """wsweep26 w25: 报表用户登录后能查看自己拥有查看权限的数据报表: a requirement, not a site's notice to
    log in and read on (KJ301). 登录后查看全文 stays one."""
    spec = ["需求分析", "2)报表用户登录后能查看自己拥有查看权限的数据报表，可以导出该数据报表。"]
    assert docx_codes(make_docx(tmp_path / "需求.docx", spec), "KJ301") == []
    from kjlint import lint_text
    assert [f.code for f in lint_text("某县2023年工作总结\n一、主要工作\n今年以来，我县…\n登录后查看全文\n") if f.code == "KJ301"]


def test_a_typed_chapter_after_chapters_word_numbered_with_bare_figures_goes_on_from_them(tmp_path):
    """wsweep26 w28: Word's chapters 1概论 / 2算法设计 (bare figures as labels, in a heading style), then
    3.运行测试 typed: chapter 3 of the same outline, no list missing 1.–2. (KJ502)."""
    body = "本章给出算法的思路、数据结构和主要函数的说明，并分析其时间复杂度与空间复杂度。"
    report = ["课程设计报告", ("heading list", 1, "bare", 0, "概论"), body, ("heading list", 1, "bare", 0, "算法设计"), body,
              ("heading", 1, "3.运行测试"), body, ("heading", 1, "4.总结与心得"), body]
    assert docx_codes(make_docx(tmp_path / "报告.docx", report), "KJ502") == []
