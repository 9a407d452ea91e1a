"""The cheap tests rules run first to prove they cannot fire (or to skip a call) must never say
"cannot" where the full test would say "can": each is checked against the full test on random
texts built from the characters that matter."""
from __future__ import annotations

import random
import re

from kjlint.checks import structure as S
from kjlint.checks.encoding import _UNUSUAL
from kjlint.ruletypes import _has_any

ALPHABET = "一二三四五六七八九十（()）、.．:：。；！下如以列个点讲谈述明阐说两几是 \t\u3000\u200b\ue000xX1234567890第附#"


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(ALPHABET, k=rng.randrange(0, 16))) for _ in range(n)]


def test_may_introduce_list_is_false_only_where_list_intro_is():
    texts = _texts(20000, 1) + ["有下列情形之一的：", "这里着重讲三个问题。", "如下：\u200b", "以下八点。 "]
    for text in texts:
        if not S._may_introduce_list(text):
            assert not S._introduces_list_fully(text), text
    assert all(S.list_intro(t) for t in texts[-4:])


def test_heading_level_is_the_first_of_the_four_levels_that_matches():
    def one_by_one(text: str):
        for level, pat in S.LEVEL_PATTERNS:
            m = pat.match(text)
            if m:
                n = S.cn_number(m.group("n"))
                return (level, n, m.end()) if n else None
        return None

    texts = _texts(20000, 2) + ["一、总体要求", "（一）加强领导", "3.任务", "(4)进度", "三）缺括号", "12.5亿元", "⒊ 第三"]
    for text in texts:
        if "\u2488" <= text[:1] <= "\u249b":
            continue  # ⒈ … ⒛ are read before the patterns
        assert S.heading_level(text) == one_by_one(text), text


def test_chapter_heading_matches_the_pattern_it_replaced():
    rng = random.Random(3)
    for _ in range(5000):
        number = rng.randrange(1, 30)
        following = "".join(rng.choices("1234567890.．１ 系统", k=rng.randrange(0, 6)))
        it = S.Numbered(3, number, None, 0)
        expected = re.match(rf"{number}[.．]1(?![\d])", following) is not None
        assert S._chapter_heading(it, following) == expected, (number, following)


def test_has_any_finds_a_character_wherever_the_class_scan_does():
    rng = random.Random(4)
    for chars in ["*＊", "_＿", "■□△◇○◯", "&<[", "'IO`lo", "\t (:\u3000（：", "(<[{〈【（［x"]:
        test = _has_any(chars)
        scan = re.compile(f"[{re.escape(chars)}]").search
        for _ in range(500):
            text = "".join(rng.choices("工作总结。，" + chars, k=rng.randrange(0, 12)))
            assert bool(test(text)) == bool(scan(text)), (chars, text)


def test_unusual_chars_holds_every_character_the_encoding_detectors_start_from():
    """KJ4's detectors return at once when none of their characters is among these."""
    from kjlint.checks import encoding as E

    for pattern in (E._REPLACEMENT, E._CONTROL, E._PRIVATE_USE, E._RADICAL):
        for cp in list(range(0, 0x3000)) + list(range(0xE000, 0xF900)) + [0xFFFD, 0xF0000, 0x10FFFD]:
            c = chr(cp)
            if pattern.fullmatch(c):
                assert _UNUSUAL.fullmatch(c), (pattern.pattern, hex(cp))
    # a UTF-8 lead byte or a GBK first byte read as Latin-1 (KJ405, KJ406)
    for c in "锟ï\u200b\u200c\u200d\u2060\ufeff\u00ad" + "".join(map(chr, range(0xA1, 0xF8))):
        assert _UNUSUAL.fullmatch(c), hex(ord(c))


def _kj601_matcher():
    from kjlint.catalog import load_catalog
    from kjlint.checks.contamination import _compiled_boilerplate

    return _compiled_boilerplate(load_catalog(()).rules["KJ601"])


def _kj601_lines(matcher, n: int, seed: int) -> list[str]:
    """Lines the gates must not turn away: every fixture line, and random lines of the
    characters KJ601's patterns are written with (their literals, digits, blanks, punctuation)."""
    from pathlib import Path

    from kjlint.checks.contamination import normalize_line

    lines = [normalize_line(line) for path in sorted(Path(__file__).parent.parent.joinpath("fixtures").rglob("*.txt"))
             for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    patterns = "".join(pat for _limit, _anchored, named in matcher.pattern_groups for pat in named)
    alphabet = sorted({c for c in patterns if not c.isascii() or c.isalnum()} | set("0123456789 -:/|.【】()（）"))
    rng = random.Random(seed)
    for _ in range(n):
        line = "".join(rng.choices(alphabet, k=rng.randrange(1, 30)))
        lines.append(line)
        if lines[rng.randrange(len(lines))]:  # a real line with some of it replaced
            real = lines[rng.randrange(len(lines))]
            cut = rng.randrange(len(real) + 1)
            lines.append(real[:cut] + "".join(rng.choices(alphabet, k=rng.randrange(0, 8))) + real[cut:])
    return lines


def test_kj601_gated_patterns_find_what_the_alternation_of_each_group_finds():
    """_patterns_function tries a test only on lines holding a character of each set its matches
    need (regexinfo.required_char_sets): it must find what each group's plain alternation finds."""
    import re as re_

    matcher = _kj601_matcher()
    plain = [(limit, (re_.compile("|".join(named)).match if anchored else re_.compile("|".join(named)).search))
             for limit, anchored, named in matcher.pattern_groups]
    for text in _kj601_lines(matcher, 20000, 5):
        expected = None
        for limit, find in plain:
            if len(text) <= limit and (m := find(text)):
                expected = m.group(0)
                break
        found = matcher.patterns_match(text)
        assert (found and found[1]) == expected, text


def test_kj601_patterns_function_compares_matches_out_of_line():
    """Every process compiles KJ601's generated patterns_match: the comparison of a test's match
    with the group's best so far is a call made on a match, not code written after each of ~70
    tests (a third of the source). It keeps the alternation's choice: leftmost, then first."""
    import re as re_

    from kjlint.checks.contamination import _earlier

    matcher = _kj601_matcher()
    assert "start" not in matcher.patterns_match.__code__.co_names
    rx = re_.compile("(?P<p0>乙丙)|(?P<p1>甲乙)|(?P<p2>乙)")
    at0_p0, at2_p2, at0_p2 = rx.match("乙丙乙"), rx.match("乙丙乙", 2), rx.match("乙x")
    assert (at0_p0.lastgroup, at2_p2.lastgroup, at0_p2.lastgroup) == ("p0", "p2", "p2")
    assert _earlier(at2_p2, None) is at2_p2
    assert _earlier(at2_p2, at0_p2) is at0_p2 and _earlier(at0_p2, at2_p2) is at0_p2  # leftmost
    assert _earlier(at0_p2, at0_p0) is at0_p0 and _earlier(at0_p0, at0_p2) is at0_p0  # then first


def test_any_passes_tries_only_the_tests_whose_first_set_a_line_holds():
    """_any_passes_function: one scan finds the characters of the tests' first (rarest) needed
    sets a line holds (none: rejected), and only the tests whose first set holds one of them are
    tried, by their other sets and their regexes. Checked against the plain definition on
    random tests and lines."""
    import random
    import re as re_

    from kjlint.checks.contamination import _any_passes_function

    rng = random.Random(11)
    alphabet = "甲乙丙丁戊己庚辛：:%.（(）)ab 1"
    for _ in range(200):
        tests = []
        for _k in range(rng.randint(1, 5)):
            sets = tuple("".join(sorted(set(rng.sample(alphabet, rng.randint(1, 10))))) for _s in range(rng.randint(1, 3)))
            regex = re_.compile(re_.escape(rng.choice(sets)[0]) + rng.choice(["", ".", "[^x]?"]))
            tests.append(((regex, "search"), ("holds", sets)))
        passes = _any_passes_function(tests)
        assert "_firsts" in passes.__code__.co_names
        for _line in range(20):
            line = "".join(rng.choices(alphabet + "xyz天地", k=rng.randint(0, 12)))
            expected = any(all(any(c in line for c in chars) for chars in sets) and regex.search(line) is not None
                           for (regex, _method), (_kind, sets) in tests)
            assert bool(passes(line)) == expected, (line, tests)


def test_kj601_in_text_gates_pass_every_line_a_pattern_matches():
    from kjlint.checks.contamination import _at_line_start

    matcher = _kj601_matcher()
    finds = [re.compile(pattern) for pattern in matcher.in_text_named]
    assert finds
    for text in _kj601_lines(matcher, 20000, 6) + ["2023年工作总结篇一 加快推进", "第1页共3页", "ab c d e f g h"]:
        expected = any((f.match if _at_line_start(f.pattern) else f.search)(text) for f in finds)
        assert bool(matcher.in_text_passes(text)) == expected, text


def test_required_char_sets_hold_in_every_match():
    """Every set regexinfo.required_char_sets gives has a character in every match."""
    from kjlint.diskcache import parse
    from kjlint.regexinfo import required_char_sets

    matcher = _kj601_matcher()
    lines = _kj601_lines(matcher, 5000, 7)
    for _limit, _anchored, named in matcher.pattern_groups:
        for pattern in named:
            sets = required_char_sets(parse(pattern), 0)
            regex = re.compile(pattern)
            for text in lines:
                for m in regex.finditer(text):
                    for chars in sets:
                        if not any(c in text for c in chars):  # a lookahead's may lie past the match
                            raise AssertionError((pattern, text, sorted(chars)))


def test_anchored_matching_finds_what_finditer_finds(monkeypatch):
    """Trying a pattern only where its anchors (regexinfo.anchors: literal runs near every
    match's start) allow, or where its own scan finds it, gives finditer's matches: every
    pattern rule's alternation, the groups finditer_alternatives splits it into, and each
    pattern alone, forced through the anchors whatever re's own scan would cost, on the rules'
    examples and on random splices of pieces of them with blanks, line breaks and punctuation."""
    from kjlint import diskcache
    from kjlint.catalog import load_catalog
    from kjlint.ruletypes import _patterns, _with_traditional

    monkeypatch.setattr(diskcache, "RE_SCAN_NS_AT_MOST", -1.0)
    catalog = load_catalog()
    examples = [e for r in catalog.rules.values() for e in r.bad + r.good]
    rng = random.Random(12)
    pieces = [e[i:i + rng.randint(1, 6)] for e in examples for i in range(0, len(e), 3)]
    pieces += list("\n \t\u3000，。：:（）()、.…0123456789年的元") + ["...", "\n\n", "工作总结", "查看"]
    texts = examples + ["".join(rng.choices(pieces, k=rng.randint(1, 60))) for _ in range(4000)]
    tried = found = 0
    for rule in (r for r in catalog.rules.values() if r.type == "pattern"):
        flags = re.MULTILINE | (re.IGNORECASE if rule.params.get("ignorecase") else 0)
        patterns = tuple(_with_traditional(rule, _patterns(rule, "pattern", True)))
        groups = {patterns, tuple(p for p in patterns if diskcache.first_chars(p, flags)),
                  tuple(p for p in patterns if not diskcache.first_chars(p, flags))} | {(p,) for p in patterns}
        for group in filter(None, groups):
            matches = diskcache.anchored_finditer.__wrapped__(group, flags)
            if matches is None:
                continue
            rx = re.compile("|".join(f"(?:{p})" for p in group), flags)
            for text in texts:
                expected = [m.span() for m in rx.finditer(text)]
                assert [m.span() for m in matches(text)] == expected, (rule.code, group, text)
                found += len(expected)
            tried += 1
    assert tried > 20 and found > 500, (tried, found)


def test_line_starters_tried_apart_find_what_finditer_finds():
    """An alternation whose patterns that start lines are tried after line breaks only (the
    others by their own scan: diskcache._line_starters_apart, where re's own scan would try
    every pattern at an indentation's blanks, 一 and （) gives finditer's matches: an invented
    list-mark group and every pattern rule's groups it applies to, on random texts."""
    from kjlint import diskcache
    from kjlint.catalog import load_catalog
    from kjlint.ruletypes import _patterns, _with_traditional

    invented = (r"^[ \t\u3000]*[（(][一二三四五六七八九十]{1,3}[）)][、.．，,]",
                r"^[ \t\u3000]*[一二三四五六七八九十]{1,3}[）)](?=[\u4e00-\u9fff])",
                r"^[ \t\u3000]*[一二三四五六七八九十]{1,3}、、",
                r"^[ \t\u3000]*[。，、,][ \t\u3000]*[一二三四五六七八九十]{1,3}[)）]",
                r"(?<=[。！？]\n)、(?=[\u4e00-\u9fff])")
    flags = re.MULTILINE
    groups = {(invented, flags)}
    for rule in (r for r in load_catalog().rules.values() if r.type == "pattern"):
        rule_flags = re.MULTILINE | (re.IGNORECASE if rule.params.get("ignorecase") else 0)
        patterns = tuple(_with_traditional(rule, _patterns(rule, "pattern", True)))
        for group in (patterns, tuple(p for p in patterns if diskcache.first_chars(p, rule_flags))):
            if group and any(diskcache.line_anchored(p, rule_flags) for p in group):
                groups.add((group, rule_flags))
    rng = random.Random(14)
    pieces = list("一二三十（()）、，,。！？.． \t\u3000\n工作要求") + ["\n\n", "\r\n", "（一）", "一、、", "。\n、"]
    texts = ["".join(rng.choices(pieces, k=rng.randint(1, 40))) for _ in range(3000)]
    found = 0
    for group, group_flags in groups:
        matches = diskcache.anchored_finditer.__wrapped__(group, group_flags)
        if matches is None:
            assert group != invented  # re's scan would try all five at every blank, 一 and （
            continue
        rx = re.compile("|".join(f"(?:{p})" for p in group), group_flags)
        for text in texts:
            expected = [m.span() for m in rx.finditer(text)]
            assert [m.span() for m in matches(text)] == expected, (group, text)
            found += len(expected)
    assert found > 500, found


def test_plains_is_plain_of_each_span():
    """Document.plains (one bisect per span at C speed) gives Document.plain of each span, on
    texts with blank lines, CRLF and lone CR endings, traditional script and pinyin glosses."""
    from kjlint.document import Document

    rng = random.Random(13)
    pieces = ["\n", "\r\n", "\r", " ", "\u3000", "總結(zǒng jié)", "工作", "一、", "。", "\t", "x"]
    for _ in range(2000):
        doc = Document("".join(rng.choices(pieces, k=rng.randint(0, 30))))
        spans = doc.paragraphs + doc.lines
        assert doc.plains(spans) == [doc.plain(s) for s in spans], doc.text


def test_bind_on_first_call_compiles_a_pattern_when_first_called_then_leaves_its_method():
    """KJ601's generated functions hold their tests' patterns uncompiled until a line reaches
    one: the first call compiles it and puts the compiled method in the function's globals."""
    from kjlint.diskcache import bind_on_first_call, compile_regex

    pattern = compile_regex("鲜[有见]于此(?=。)")
    scope: dict = {}
    bind_on_first_call(scope, "_t0", pattern, "search")
    exec("def find(text):\n    return _t0(text)", scope)
    if hasattr(pattern, "_compiled"):  # a plain re.Pattern (another Python): bound at once
        assert scope["_t0"] == pattern.search
    else:
        assert scope["_t0"].__name__ == "first_call"
    assert scope["find"]("甲鲜见于此。").group() == "鲜见于此"
    assert scope["_t0"] == pattern.search and scope["_t0"].__self__ is getattr(pattern, "_compiled", pattern)
    assert scope["find"]("鲜见于此") is None


def test_kj601_gates_test_first_the_set_fewest_lines_hold():
    """A gate tests first the set of characters the fewest lines of real documents hold
    (textspans.line_shares): a bracket before 作, which half the lines of a report hold in 工作.
    Ranked by the dictionary's word frequencies, which know no punctuation, 作 came first, and
    KJ601 tried a test on most lines."""
    from kjlint.checks.contamination import _needed_chars
    from kjlint.checks.textspans import line_shares

    shares, unseen = line_shares()
    assert shares["作"] > 10 * shares["【"] and 0 < unseen < shares["【"]
    assert _needed_chars("作[【\\[]") == ["[【", "作"]
