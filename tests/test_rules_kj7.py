"""KJ7 script and typography."""
from __future__ import annotations

from kjlint.engine import lint_text
from kjlint.fixes import apply_fixes
from kjlint.normalize import script_sets


def kj7(text: str, code: str | None = None):
    return [f for f in lint_text(text) if f.code.startswith(code or "KJ7")]


def test_script_sets_skip_characters_valid_in_both_scripts():
    trad, simp = script_sets()
    assert {"總", "結", "關"} <= trad and {"总", "结", "关"} <= simp
    assert not {"乾", "於", "后", "群", "里"} & (trad | simp)


def test_minority_script_reported_per_line_with_counts():
    text = "县卫生健康局工作总结\n深化醫藥衛生體制改革。\n推进医共体建设，醫疗服务提升。\n"
    found = kj7(text, "KJ701")
    assert [f.line for f in found] == [2, 3]
    assert "醫" in found[0].message and "traditional" in found[0].message
    assert "document: 5 traditional" in found[0].message


def test_dominant_script_alone_is_fine():
    assert kj7("區科技局工作總結\n積極培育高新技術企業。\n", "KJ701") == []


def test_halfwidth_punctuation_off_by_default_one_finding_per_mark_and_safe_fix():
    text = "年初,我局走访企业:宣传政策;效果好!\n(一)加强创新\n会议于13:30开始,投入1,000万元。\n"
    assert kj7(text, "KJ702") == []  # a style rule: only when selected
    found = [f for f in lint_text(text, select=["KJ702"])]
    assert [(f.line, text[f.offset:f.end_offset]) for f in found] == [
        (1, ","), (1, ":"), (1, ";"), (1, "!"), (2, "("), (2, ")"), (3, ",")]
    assert "'，'" in found[0].message
    fixed, _ = apply_fixes(text, [f.fix for f in found])
    assert fixed == "年初，我局走访企业：宣传政策；效果好！\n（一）加强创新\n会议于13:30开始，投入1,000万元。\n"


def test_urls_code_and_english_untouched():
    text = ("网址：https://www.example.cn/a?id=1&b=2\n"
            "The bureau held 12 events (3 online), see p. 4: results!\n"
            "运行`print(a, b)`即可。\n")
    assert lint_text(text, select=["KJ702"]) == []


def test_ocr_stray_letters():
    found = kj7("开展培训I，人数增加。\n占比5.9%o。\n", "KJ703")
    assert [f.line for f in found] == [1, 2]
    assert kj7("维生素C，A股，第I期，B超，增长5.9%。\n", "KJ703") == []


def test_letter_l_where_a_figure_needs_the_digit_one():
    """OCR reads 1 as l: judged by what the token is made of, and fixed to 1 (not deleted)."""
    text = ("采伐量l9万立方米。\n损失2704.l亿元。\n20l9年全年。\n东路88号 l,215,467 泰兴\n嘉苑l幢1单元。\n")
    found = kj7(text, "KJ703")
    assert [(f.line, text[f.offset:f.end_offset]) for f in found] == [(1, "l"), (2, "l"), (3, "l"), (4, "l"), (5, "l")]
    assert all("digit 1" in f.message for f in found)
    fixed, _ = apply_fixes(text, [f.fix for f in found])
    assert fixed == "采伐量19万立方米。\n损失2704.1亿元。\n2019年全年。\n东路88号 1,215,467 泰兴\n嘉苑1幢1单元。\n"
    # a Latin word or code, chemistry and scattered anti-copy letters are no figure
    assert kj7("臭氧O3浓度，O2O模式，Html5页面，x7 l4 Z+ 文字。\n", "KJ703") == []
    stray = kj7("开展培训I，人数增加。\n", "KJ703")
    assert stray[0].fix.replacement == "" and "Stray" in stray[0].message


def test_a_letter_of_another_script_sprinkled_into_a_sentence_is_stray():
    """(session 22: fresh16 p006) Thai and Hangul letters and a heart sprinkled against copying."""
    from kjlint.engine import lint_text

    text = "春耕工作方案\n结合今年春播时间短、任务急的特点,对ณ当前春耕工作分为三阶段进行。\n从现在开始到❤3月25日前,任务웃急。\n"
    assert [(f.code, f.line) for f in lint_text(text, select=["KJ7"])] == [("KJ703", 2), ("KJ704", 3), ("KJ703", 3)]
    # a Greek letter of a formula and a Japanese name's kana are the text's
    assert lint_text("实验报告\nα粒子的能量为5兆电子伏。\n", select=["KJ703"]) == []


def test_a_diagonal_between_two_names_is_a_slash_not_a_sprinkled_mark():
    """Hong Kong texts write ╱ for a slash between place names (落馬洲╱新田): fresh18's three false alarms."""
    text = "政府會推展落馬洲╱新田一帶的土地規劃，並研究洪水橋╱厦村新發展區及古洞北╱粉嶺北的交通配套。\n"
    assert not [f for f in lint_text(text, select=["KJ703"])]
    # inside a word the text writes whole elsewhere, or among symbols of other kinds, it is a mark
    inside = "空气质量总体改善。\n今年空气质量总╱体向好。\n"
    assert [f.code for f in lint_text(inside, select=["KJ703"])] == ["KJ703"]
    sprinkled = "对2020年的工作⊙部署，空气质量总体╱改善，环境▲治理。\n"
    assert len(lint_text(sprinkled, select=["KJ703"])) == 3


def test_a_lone_question_mark_line_is_a_stray_mark_and_a_run_of_them_lost_characters():
    """docs/labeling.md's decision on lines of `?` (bylines15 q11, fresh8 p016 / realworld b084)."""
    lone = "与会人员认为，报告求真务实、高屋建瓴。\n?\n责编：某某\n"
    assert [f.code for f in lint_text(lone, select=["KJ4", "KJ7"])] == ["KJ703"]
    run = "一季度工作讲评会召开。\n?\n?\n?\n会议通报了一季度的工作。\n"
    assert [f.code for f in lint_text(run, select=["KJ4", "KJ7"])] == ["KJ412"] * 3
    asked = "这项工作到底怎么办？\n大家商量。\n"
    assert lint_text(asked, select=["KJ4", "KJ7"]) == []
