"""One text form per purpose (kjlint.normalize): KJ1, `--reference`, dedupe and the KJ6 rules
use the same definitions of a page-number line, a boilerplate line and the matching form."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kjlint import lint_text
from kjlint.normalize import fold, is_boilerplate_line, is_page_counter_line, is_page_number_line, matching_text

PAGE_LINES = ["- 3 -", "— 12 —", "第3页", "第 3 页 / 共 10 页", "共10页 第3页", "共3页", "3/10", "Page 3 of 10",
              "12", "第三页", "第１２頁", "page 3", "－ 4 －"]
NOT_PAGE_LINES = ["2023年", "一、", "第3条", "第一章", "共3项", "3.5", "第3页的表格", "", "  "]


@pytest.mark.parametrize("line", PAGE_LINES)
def test_page_number_lines_raw_and_folded(line):
    assert is_page_number_line(line) and is_page_number_line(fold(line))


@pytest.mark.parametrize("line", NOT_PAGE_LINES)
def test_not_page_number_lines(line):
    assert not is_page_number_line(line) and not is_page_number_line(fold(line))


def test_page_counters_are_the_unmistakable_page_number_lines():
    """A bare number may be a flattened table's cell: dropped before comparing, never reported."""
    bare = {"12", "- 3", "2023"}
    for line in PAGE_LINES + NOT_PAGE_LINES + sorted(bare):
        assert is_page_counter_line(line) == (is_page_number_line(line) and line not in bare), line


def test_kj6_reports_page_counters_and_not_bare_numbers():
    text = "关于2023年工作的报告\n一、工作情况\n全年完成固定资产投资3.6亿元，同比增长百分之八。\n{}\n继续推进各项工作。\n"
    for line, reported in (("Page 3 of 10", True), ("第 3 页 / 共 10 页", True), ("— 12 —", True),
                           ("共10页 第3页", True), ("2023", False), ("12", False)):
        found = [f for f in lint_text(text.format(line), select=["KJ601"]) if f.line == 4]
        assert bool(found) == reported, line


def test_dedupe_drops_exactly_the_defined_lines():
    """dedupe's fast line scan (one Aho-Corasick pass) drops what the definitions say, no more."""
    from kjlint.dedupe.normalize import _dropped_lines, boilerplate_phrases

    phrases = boilerplate_phrases()
    lines = PAGE_LINES + NOT_PAGE_LINES + ["当前位置：首页 > 工作总结", "上一篇：2022年工作计划",
                                           "来源" * 50, "全年完成固定资产投资3.6亿元。"]
    text = fold("\n".join(lines))
    folded = text.split("\n")
    starts = [sum(len(x) + 1 for x in folded[:i]) for i in range(len(folded))]
    dropped = {starts.index(a) for a, _ in _dropped_lines(text, phrases, True)}
    expected = {i for i, line in enumerate(folded)
                if is_page_number_line(line) or is_boilerplate_line(line, phrases)}
    assert dropped == expected and len(expected) > len(PAGE_LINES)


def test_kj1_and_dedupe_ignore_the_same_page_number_lines():
    """A copy split by a page counter is still a copy, for KJ1 inside a draft and for dedupe."""
    from kjlint.dedupe.normalize import normalize

    body = "全年组织辖区企业申报省级科技项目十二项，争取上级资金八百万元，带动企业研发投入。"
    for marker in ("共3页", "— 2 —", "第2页 / 共3页"):
        assert normalize(f"{body}\n{marker}\n{body}") == normalize(f"{body}\n{body}")
        findings = lint_text(f"标题\n{body}\n{marker}\n{body}\n", select=["KJ1"])
        assert [f.code for f in findings] and all(marker not in f.message for f in findings)


def test_matching_text_folds_width_script_digits_and_drops_punctuation():
    assert matching_text("總結（2021年）：ＡＢ　工作") == matching_text("总结(2022年)ab工作") == "总结0000年ab工作"  # each digit


def test_matching_slices_equal_fast_normalize_of_each_slice(monkeypatch):
    """KJ1 normalizes paragraphs as slices of the whole document, through one numpy pass."""
    import random

    from kjlint import normalize
    from kjlint.normalize import MatchingSlices, fast_normalize

    monkeypatch.setattr(normalize, "NUMPY_FROM", 0)  # vectorized however short the text
    # full width, traditional script, pinyin annotations (總結(jié)), whitespace and punctuation,
    # a ligature that normalizes to two letters (ﬁ), an astral character and a lone surrogate
    pieces = ["總結(jié)", "關（guān）", "ＡＢＣ１２３", "，。、；", " \t\u3000", "一是", "(a)", "ﬁ", "𠀀", "\ud800",
              "发展", "x", "\n"]
    rng = random.Random(3)
    for with_ligature in (False, True):
        text = "".join(rng.choice([p for p in pieces if with_ligature or p != "ﬁ"]) for _ in range(400))
        form = MatchingSlices(text)
        assert form._out is not None  # vectorized, also with ﬁ (normalizes to "fi": spliced in)
        assert form._out == text.translate(normalize._TRANSLATE)
        cuts = []
        for _ in range(500):
            a = rng.randrange(len(text) + 1)
            b = rng.randrange(a, len(text) + 1)
            assert form(a, b) == fast_normalize(text[a:b])
            cuts.append((a, b))
        # the batch, with the annotations found by itself or given (as Document.pinyin_spans)
        expected = [fast_normalize(text[a:b]) for a, b in cuts]
        starts, ends = [a for a, _ in cuts], [b for _, b in cuts]
        assert form.many(starts, ends) == expected
        spans = [m.span() for m in normalize.PINYIN_ANNOTATION.finditer(text)]
        assert spans and form.many(starts, ends, spans) == expected


# Characters and pieces real scraped text mixes: both scripts, full and half width, masks,
# punctuation of both widths, blanks, compatibility forms, and lower-case pinyin glosses.
_PIECES = list("总结工作計劃總結發展ＡＢＣabcXYZ１２３123，。、：（）()“”《》 \t\u3000-—_·…xX*×") + [
    "(jié)", "（zǒng）", "ﬁ", "㎡", "①", "Ⅻ", "ß", "é", "\u00a0"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_the_matching_form_is_one_definition_in_three_implementations(text):
    """KJ1 compares passages with normalize_for_matching (and its per-character fast_normalize);
    dedupe hashes its numpy implementation: the three give one form, so a passage KJ1 calls a
    copy is a copy for dedupe too. (Known edges outside this alphabet: an upper-case or a
    full-width pinyin gloss is stripped by one and not the other.)"""
    from kjlint.dedupe.normalize import NormalizeOptions, normalize
    from kjlint.normalize import fast_normalize, normalize_for_matching

    lines_kept = NormalizeOptions(drop_boilerplate=False, drop_page_markers=False)
    assert normalize(text, lines_kept) == normalize_for_matching(text) == fast_normalize(text)


_T2S_KEYS = None


def _t2s_keys() -> list[str]:
    global _T2S_KEYS
    if _T2S_KEYS is None:
        from kjlint.normalize import t2s_table

        _T2S_KEYS = [chr(k) for k in sorted(t2s_table())][::7]
    return _T2S_KEYS


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from("的是一个中国人工作总结，。\n(（"), st.integers(0, 10**6)), max_size=80),
       st.booleans())
def test_to_simplified_is_the_table_translation(items, dense):
    """A few traditional characters are replaced one by one, a traditional text is translated:
    both give text.translate(t2s_table()), astral characters and all."""
    from kjlint.normalize import t2s_table, to_simplified

    keys = _t2s_keys()
    text = "".join(x if isinstance(x, str) else (keys[x % len(keys)] if dense or x % 9 == 0 else
                                                 "\U00020000" if x % 11 == 0 else "报") for x in items)
    assert to_simplified(text) == text.translate(t2s_table())
