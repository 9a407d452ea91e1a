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
