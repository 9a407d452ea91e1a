"""Rule packs as data: house rules, parameter overrides, clear errors for malformed packs."""
import textwrap

import pytest

from kjlint import lint_text
from kjlint.catalog import PackError, load_catalog
from helpers import run_cli, run_process

HOUSE = textwrap.dedent("""\
    rules:
      - code: KJ901
        name: banned-phrase
        severity: warning
        type: phrases
        params: {phrases: [据不完全统计, 众所周知]}
        message: "Avoid `{match}` in official reports"
        description: Vague phrases the house style forbids.
        rationale: They weaken the figures they introduce.
        examples:
          bad: 据不完全统计，全年完成项目12项。
          good: 全年完成项目12项。
    """)


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_every_builtin_rule_is_documented_and_passes_its_examples():
    from kjlint.ruletypes import verify_rule_examples

    catalog = load_catalog()
    assert {"KJ201", "KJ202", "KJ301", "KJ501"} <= set(catalog.rules)
    for rule in catalog.rules.values():
        assert rule.description and rule.rationale and rule.bad and rule.good, rule.code
        assert rule.family_name != "custom", rule.code
        verify_rule_examples(rule, catalog)  # raises PackError if an example misbehaves (not verified at run time)


def test_house_rules_pack_without_python(tmp_path):
    pack = write(tmp_path, "house.yaml", HOUSE)
    found = lint_text("众所周知，據不完全統計的數字不准。", extend_rules=[str(pack)], select=["KJ901"])
    assert [f.message for f in found] == ["Avoid `众所周知` in official reports",
                                          "Avoid `據不完全統計` in official reports"]


def test_pattern_report_group_narrows_the_finding_to_it(tmp_path):
    # the context (a title line without a sentence) is matched, only the count is reported
    pack = write(tmp_path, "house.yaml", HOUSE.replace("type: phrases", "type: pattern").replace(
        "params: {phrases: [据不完全统计, 众所周知]}",
        "params: {pattern: '^[^\\n。]{2,30}?(?P<report>\\d+篇)$'}").replace(
        "bad: 据不完全统计，全年完成项目12项。", "bad: 工作总结5篇").replace(
        "good: 全年完成项目12项。", "good: 全年发表文章，共5篇。"))
    found = lint_text("标题\n学校工作总结5篇\n正文。\n", extend_rules=[str(pack)], select=["KJ901"])
    assert [(f.line, f.column, f.message) for f in found] == [
        (2, 7, "Avoid `5篇` in official reports")]


def test_config_extends_rules_and_overrides_parameters(tmp_path):
    write(tmp_path, "house.yaml", HOUSE)
    write(tmp_path, "kjlint.toml", textwrap.dedent("""\
        extend-rules = ["house.yaml"]
        select = ["KJ901", "KJ201"]
        [rules.KJ901]
        severity = "error"
        phrases = ["据统计"]
        """))
    write(tmp_path, "draft.txt", "据统计，众所周知。\n")
    result = run_cli("check", "--format", "json", "draft.txt", cwd=tmp_path)
    assert result.exit_code == 1, result.output
    import json
    found = json.loads(result.stdout)
    assert [(f["code"], f["severity"], f["message"]) for f in found] == [
        ("KJ901", "error", "Avoid `据统计` in official reports")]


@pytest.mark.parametrize("mutation, expected", [
    (lambda s: "".join(l for l in s.splitlines(True) if "message:" not in l), "field 'message' is missing"),
    (lambda s: s.replace("code: KJ901", "code: K901"), "field 'code'"),
    (lambda s: s.replace("name: banned-phrase", "name: Banned Phrase"), "field 'name' must be kebab-case"),
    (lambda s: s.replace("severity: warning", "severity: fatal"), "field 'severity'"),
    (lambda s: s.replace("type: phrases", "type: magic"), "field 'type': unknown type 'magic'"),
    (lambda s: s.replace("good: 全年完成项目12项。", "good: 众所周知，完成了。"), "field 'examples.good'"),
    (lambda s: s.replace("bad: 据不完全统计，全年完成项目12项。", "bad: 全年完成。"), "field 'examples.bad'"),
    (lambda s: s.replace("rules:", "rules: [\n"), "not valid YAML"),
    # YAML keeps the last of two equal keys: the first list would vanish without a word
    (lambda s: s.replace("severity: warning", "severity: warning\n    severity: error"),
     "not valid YAML (line 5, column 5): key 'severity' appears twice"),
])
def test_malformed_pack_names_file_rule_and_field(tmp_path, mutation, expected):
    pack = write(tmp_path, "broken.yaml", mutation(HOUSE))
    with pytest.raises(PackError) as exc:
        load_catalog((str(pack),))
    msg = str(exc.value)
    assert "broken.yaml" in msg and expected in msg
    if "YAML" not in expected:
        assert "KJ901" in msg or "K901" in msg


def test_bad_regex_in_pattern_rule_is_reported(tmp_path):
    pack = write(tmp_path, "re.yaml", HOUSE.replace("type: phrases", "type: pattern").replace(
        "params: {phrases: [据不完全统计, 众所周知]}", "params: {pattern: '(unclosed'}"))
    with pytest.raises(PackError, match=r"re\.yaml: rule KJ901: field 'params.pattern'"):
        load_catalog((str(pack),))


def test_malformed_pack_from_cli_exits_2_with_one_line(tmp_path):
    write(tmp_path, "broken.yaml", HOUSE.replace("severity: warning", "severity: fatal"))
    write(tmp_path, "kjlint.toml", 'extend-rules = ["broken.yaml"]\n')
    write(tmp_path, "draft.txt", "正文。\n")
    result = run_cli("check", "draft.txt", cwd=tmp_path)
    assert result.exit_code == 2
    assert "broken.yaml" in result.stderr and "Traceback" not in result.stderr


def _pattern_pack(tmp_path, pattern: str, bad: str = "xxxxy", good: str = "正文。", exceptions: str = ""):
    extra = f", exceptions: ['{exceptions}']" if exceptions else ""  # YAML single quotes: no escapes
    return write(tmp_path, "slow.yaml", HOUSE.replace("type: phrases", "type: pattern").replace(
        "params: {phrases: [据不完全统计, 众所周知]}", f"params: {{pattern: '{pattern}'{extra}}}").replace(
        "bad: 据不完全统计，全年完成项目12项。", f"bad: {bad}").replace("good: 全年完成项目12项。", f"good: {good}"))


@pytest.mark.parametrize("pattern", [r"(x+x+)+y", r"(\w+\s?)+y", r"^(\d+)+y"])
def test_a_pattern_that_can_take_exponential_time_is_refused_naming_the_rule(tmp_path, pattern):
    pack = _pattern_pack(tmp_path, pattern, bad="xxxxy" if "x" in pattern else "12 3y")
    with pytest.raises(PackError) as exc:
        load_catalog((str(pack),))
    msg = str(exc.value)
    assert "slow.yaml: rule KJ901: field 'params.pattern'" in msg and "exponential time" in msg
    assert repr(pattern) in msg


def test_an_exception_pattern_is_checked_too(tmp_path):
    pack = _pattern_pack(tmp_path, "y", bad="y", good="正文。", exceptions=r"(a*)*by")
    with pytest.raises(PackError, match=r"rule KJ901: field 'params.exceptions'.*exponential time"):
        load_catalog((str(pack),))


def test_a_profile_title_pattern_is_checked_too(tmp_path):
    pack = write(tmp_path, "prof.yaml", textwrap.dedent("""\
        profiles:
          slow-report:
            label: 报告
            title: ['(报+)+$']
            sections: []
        """))
    with pytest.raises(PackError, match=r"prof\.yaml: profile slow-report: field 'title'.*exponential time"):
        load_catalog((str(pack),))


@pytest.mark.parametrize("pattern", [r"\d+(?:,\d+)*万元", r"[xX]+(?:[.-][xX]+)+", r"(?:\d++)+y", r"(?:一|二)+、"])
def test_repetitions_with_a_separator_or_that_never_backtrack_are_accepted(tmp_path, pattern):
    examples = {r"\d+(?:,\d+)*万元": "1,000万元", r"[xX]+(?:[.-][xX]+)+": "xx.xx", r"(?:\d++)+y": "12y",
                r"(?:一|二)+、": "一二、"}
    pack = _pattern_pack(tmp_path, pattern, bad=examples[pattern])
    assert "KJ901" in load_catalog((str(pack),)).rules


def test_a_slow_house_pattern_from_the_cli_exits_2_quickly(tmp_path):
    _pattern_pack(tmp_path, r"(x+x+)+y")
    write(tmp_path, "kjlint.toml", 'extend-rules = ["slow.yaml"]\n')
    write(tmp_path, "draft.txt", "x" * 40 + "\n")  # 2^40 ways to try: the run would never end
    result = run_process("check", "draft.txt", cwd=tmp_path, timeout=120)
    assert result.returncode == 2
    assert "rule KJ901" in result.stderr.decode() and "exponential time" in result.stderr.decode()


def test_family_modules_are_exactly_the_modules_that_register_checks():
    """FAMILY_MODULES once named a module that did not exist (placeholders) and the loader
    skipped it; a check module left off the list would leave its rules unbuildable."""
    import importlib
    import pkgutil

    import kjlint.checks as checks

    for info in pkgutil.iter_modules(checks.__path__):
        importlib.import_module(f"kjlint.checks.{info.name}")  # whether listed or not
    registering = {func.__module__.rpartition(".")[2] for func in checks._REGISTRY.values()}
    assert sorted(checks.FAMILY_MODULES) == sorted(registering)


def test_a_missing_family_module_is_an_error(monkeypatch):
    import kjlint.checks as checks

    monkeypatch.setattr(checks, "FAMILY_MODULES", (*checks.FAMILY_MODULES, "no_such_family"))
    monkeypatch.setattr(checks, "_loaded", False)
    with pytest.raises(ModuleNotFoundError, match="no_such_family"):
        checks.get_check("truncated-ending")
