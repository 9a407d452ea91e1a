"""required_chars: a precondition that never rejects a text the pattern matches."""
from __future__ import annotations

import random
import re

import pytest

from kjlint.regexinfo import required_chars

re_parser = pytest.importorskip("re._parser")


def req(pattern: str, flags: int = 0):
    return required_chars(re_parser.parse(pattern, flags), flags)


@pytest.mark.parametrize("pattern, expected", [
    (r"(?<![A-Za-z])[xX]{2,}", set("xX")),
    (r"x府字", {"x"}),  # the rarest item of a sequence
    (r"(?:ab|c)d?", {"a", "c"}),
    (r"[*＊]+(?=[\u4e00-\u9fff])", {"*", "＊"}),
    (r"未完|省略", {"未", "省"}),
])
def test_known_requirements(pattern, expected):
    assert set(req(pattern)) == expected


@pytest.mark.parametrize("pattern", [
    r"a?b*", r"(?:a|)", r"[^x]", r"\d+", r"[\u4e00-\u9fff]{2}", r".x?", r"(?i)xx", r"(?=x)",
])
def test_no_requirement_when_none_holds(pattern):
    assert req(pattern) is None


def test_ignorecase_flag_disables_the_filter():
    assert req("xx", re.IGNORECASE) is None


def test_never_rejects_a_matching_text_for_the_builtin_rules():
    """Every pattern rule of the catalogue, on its own examples and random mixtures of them."""
    from kjlint.catalog import load_catalog
    from kjlint.ruletypes import _patterns, _with_traditional

    catalog = load_catalog()
    rules = [r for r in catalog.rules.values() if r.type == "pattern"]
    examples = [e for r in catalog.rules.values() for e in r.bad + r.good]
    rnd = random.Random(5)
    texts = examples + ["".join(rnd.sample(examples, 3)) for _ in range(300)]
    checked = 0
    for rule in rules:
        flags = re.MULTILINE | (re.IGNORECASE if rule.params.get("ignorecase") else 0)
        combined = "|".join(f"(?:{p})" for p in _with_traditional(rule, _patterns(rule, "pattern", True)))
        needed = req(combined, flags)
        if needed is None:
            continue
        rx = re.compile(combined, flags)
        for text in texts:
            if any(m.end() > m.start() for m in rx.finditer(text)):
                assert set(text) & needed, (rule.code, text)
                checked += 1
    assert checked > 20


@pytest.mark.parametrize("pattern, expected", [
    (r"(?<![A-Za-z])[xX]{2,}", set("xX")),
    (r"a?b", {"a", "b"}),
    (r"^(?:未完|省略)", {"未", "省"}),
    (r"(?:ab|c*d)", {"a", "c", "d"}),
])
def test_first_chars(pattern, expected):
    from kjlint.regexinfo import first_chars

    assert set(first_chars(re_parser.parse(pattern, 0), 0)) == expected


@pytest.mark.parametrize("pattern", [r"a?", r".x", r"[^x]y", r"\dx", r"(?i)x"])
def test_first_chars_unknown(pattern):
    from kjlint.regexinfo import first_chars

    assert first_chars(re_parser.parse(pattern, 0), 0) is None


def test_scanning_from_first_chars_finds_what_finditer_finds():
    from kjlint.catalog import load_catalog
    from kjlint.diskcache import fast_finditer
    from kjlint.ruletypes import _patterns, _with_traditional

    catalog = load_catalog()
    examples = [e for r in catalog.rules.values() for e in r.bad + r.good]
    rnd = random.Random(9)
    texts = examples + ["\n".join(rnd.sample(examples, 4)) for _ in range(300)]
    compared = 0
    for rule in (r for r in catalog.rules.values() if r.type == "pattern"):
        flags = re.MULTILINE | (re.IGNORECASE if rule.params.get("ignorecase") else 0)
        combined = "|".join(f"(?:{p})" for p in _with_traditional(rule, _patterns(rule, "pattern", True)))
        rx = re.compile(combined, flags)
        scan = fast_finditer(rx)
        if scan == rx.finditer:
            continue
        for text in texts:
            assert [m.span() for m in scan(text)] == [m.span() for m in rx.finditer(text)], (rule.code, text)
            compared += 1
    assert compared > 1000


@pytest.mark.parametrize("pattern", [
    r"(x+x+)+y", r"(a+)+b", r"(a*)*b", r"(\w+\s?)+$", r"(?:x+x+,)+y", r"(?:[^,]+,?)+;", r"^(\d+)+$",
    r"(?:\d{1,3})+x", r"(?i)(?:A+a+)+b", r"(?!(a+)+b)",
])
def test_backtracking_risk_finds_nested_ambiguous_repetitions(pattern):
    from kjlint.regexinfo import backtracking_risk

    assert backtracking_risk(re_parser.parse(pattern)) is not None


@pytest.mark.parametrize("pattern", [
    r"\d+(?:,\d+)*", r"(?:\d+,)+", r"(?:(?:a+)b)+", r"(?:[一二三]{1,3}、)+", r"(?:a++)+b", r"(?>a+)+b",
    r"(?:A+a+)+b",  # case matters: A and a are different characters
    r"(a+)+", r"(?:\s*\S+)+",  # nothing after them can fail: the first way found is the match
    r"(?=(a+)+)",
])
def test_backtracking_risk_accepts_separated_or_final_repetitions(pattern):
    from kjlint.regexinfo import backtracking_risk

    assert backtracking_risk(re_parser.parse(pattern)) is None


@pytest.mark.parametrize("pattern, flags, expected", [
    (r"(?:(?<![^\n])|(?<=[ \t]))[^\s]{0,8}电话[:：]", re.M, ({"\n", " ", "\t"}, True)),
    (r"^abc", re.M, ({"\n"}, True)),
    (r"^abc", 0, (set(), True)),
    (r"^abc", re.M | re.I, ({"\n"}, True)),  # a line start whatever the case
    (r"(?i:^a)b", re.M, ({"\n"}, True)),
    (r"(?<=a)b|(?<![^\n])c", 0, ({"a", "\n"}, True)),
    (r"(?:(?<=a)|(?<=b))c", 0, ({"a", "b"}, False)),
])
def test_preceding_chars(pattern, flags, expected):
    from kjlint.regexinfo import preceding_chars

    chars, start = preceding_chars(re_parser.parse(pattern, flags), flags)
    assert (set(chars), start) == expected


@pytest.mark.parametrize("pattern", [r"(?<=a)b|c", r"(?!x)(?<=a)b", r"(?<![^\n])x?", r"(?<=[^a])b", r"(?<![ab])c",
                                     r"(?i)(?<=a)b"])
def test_preceding_chars_unknown(pattern):
    from kjlint.regexinfo import preceding_chars

    assert preceding_chars(re_parser.parse(pattern, 0), 0) is None


def test_trying_only_after_boundaries_finds_what_finditer_finds():
    """Every pattern rule's pattern that opens with a lookbehind or a line start, and each rule's
    alternation of them (which a line-anchored rule runs so), on its examples and on random
    strings of form fields, spaces and line breaks: the same spans as a plain finditer."""
    from kjlint.catalog import load_catalog
    from kjlint.diskcache import after_chars
    from kjlint.ruletypes import _patterns, _with_traditional

    catalog = load_catalog()
    examples = [e for r in catalog.rules.values() for e in r.bad + r.good]
    rnd = random.Random(11)
    pieces = ["电话", "：", ":", " ", "\n", "\u3000", "联系", "单位(公章)", "各", "地址", "姓名", "手机", "x", "。", "年",
              "（一）", "二）", "1.、", "标题：", "报告.docx", "精选5篇"]
    texts = examples + ["".join(rnd.choices(pieces, k=rnd.randint(1, 40))) for _ in range(3000)]
    tried = found = 0
    for rule in (r for r in catalog.rules.values() if r.type == "pattern"):
        flags = re.MULTILINE | (re.IGNORECASE if rule.params.get("ignorecase") else 0)
        patterns = _with_traditional(rule, _patterns(rule, "pattern", True))
        for p in patterns + ["|".join(f"(?:{p})" for p in patterns)]:
            if preceding_chars_of(p, flags) is None:
                continue
            rx, scan = re.compile(p, flags), after_chars(p, flags)
            for text in texts:
                expected = [m.span() for m in rx.finditer(text)]
                assert [m.span() for m in scan(text)] == expected, (rule.code, p, text)
                found += len(expected)
            tried += 1
    assert tried and found > 100


def preceding_chars_of(pattern: str, flags: int):
    from kjlint.regexinfo import preceding_chars

    return preceding_chars(re_parser.parse(pattern, flags), flags)


def test_character_sets_are_built_exactly():
    """The fast builders of the backtracking test's sets (a slice of every character, re.sub of
    a class's complement, one set per class) give the sets chr() and findall give."""
    import sys

    from kjlint import regexinfo

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    assert regexinfo._every_character() == every
    for escape in (r"\d", r"\s", r"\w", "\n"):
        assert regexinfo._category_members(escape) == frozenset(re.findall(escape, every))
    for low, high in [(0x41, 0x5A), (0x4E00, 0x9FFF), (0xD7F0, 0xE010), (0xE000, 0xE0FF), (0x20000, 0x2A6DF)]:
        assert regexinfo._range_set(low, high) == frozenset(map(chr, range(low, high + 1)))
    rng = random.Random(15)
    pieces = ["a", "x-z", "\\d", "\\s", "\\w", "\\S", "\\W", "\\D", "\u4e00-\u9fff", "，", "\u3000"]
    for _ in range(200):
        body = "".join(rng.sample(pieces, rng.randint(1, 4)))
        for cls in (f"[{body}]", f"[^{body}]"):
            op, av = list(re_parser.parse(cls))[0]
            if op is not re_parser.IN:  # [a]: a literal
                continue
            items = tuple(av)
            union = (False, frozenset())
            negate = False
            for op, av in items:  # the reference: one _union per item
                if op is re_parser.NEGATE:
                    negate = True
                elif op is re_parser.LITERAL:
                    union = regexinfo._union(union, (False, frozenset(chr(av))))
                elif op is re_parser.RANGE:
                    union = regexinfo._union(union, (False, frozenset(map(chr, range(av[0], av[1] + 1)))))
                else:
                    union = regexinfo._union(union, regexinfo._category(av))
            assert regexinfo._class_set(items, False) == ((not union[0], union[1]) if negate else union), cls


def test_a_wide_class_of_a_script_chinese_prose_never_holds_is_a_requirement():
    """KJ412's GBK garbage (`政府Ж`): every match holds a Cyrillic letter, so a text without one is
    skipped; a class as wide of ideographs, or one mixing them in, filters nothing."""
    cyrillic = {chr(c) for c in range(0x400, 0x500)}
    assert req(r"[\u4e00-\u9fff]{1,2}[\u0400-\u04ff](?![\u0400-\u04ff])|(?<![\u0400-\u04ff])[\u0400-\u04ff](?=[\u4e00-\u9fff])") == cyrillic
    assert req(r"[\u2500-\u257f]+") == {chr(c) for c in range(0x2500, 0x2580)}
    assert req(r"[\u4e00-\u4fff]") is None
    assert req(r"[\u0400-\u04ff\u4e00]") is None
    assert req(r"[\u0400-\u07ff]") is None  # wider than MAX_RARE_CLASS_SIZE
