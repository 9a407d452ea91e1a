"""Configuration, selectors and baselines that are wrong (issue #12): an error naming the file and
the key, exit 2, never silence and never 'internal error'."""
import json

import pytest

from helpers import run_process

DRAFT = "xx区科技局2023年工作总结\n全年争取资金*万元。\n"


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def _check(tree, *args):
    r = run_process("check", "--no-progress", *args, "draft.txt", cwd=tree)
    return r.returncode, r.stdout.decode(), r.stderr.decode()


@pytest.mark.parametrize("toml,key,selector", [
    ('select = ["KJ999"]\n', "select", "KJ999"),
    ('ignore = ["KJ7O2"]\n', "ignore", "KJ7O2"),
    ('extend-select = ["no-such-rule"]\n', "extend-select", "no-such-rule"),
    ('[per-file-ignores]\n"*.txt" = ["KJ2", "KJ7O2"]\n', "per-file-ignores.*.txt", "KJ7O2"),
], ids=["select", "ignore", "extend-select", "per-file-ignores"])
def test_unknown_selector_in_configuration_is_an_error_naming_file_and_key(tree, toml, key, selector):
    (tree / "kjlint.toml").write_text(toml, encoding="utf-8")
    code, out, err = _check(tree)
    assert code == 2, out + err
    assert f"kjlint.toml: {key}: unknown rule selector '{selector}'" in err
    assert "All checks passed" not in out and "internal error" not in err


def test_unknown_selector_in_pyproject_names_the_tool_table(tree):
    (tree / "pyproject.toml").write_text('[tool.kjlint]\nselect = ["KJ999"]\n', encoding="utf-8")
    code, _, err = _check(tree)
    assert code == 2 and "pyproject.toml: select: unknown rule selector 'KJ999'" in err


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
def test_unknown_selector_on_the_command_line_is_a_usage_error(tree, option):
    code, _, err = _check(tree, option, "KJ2,KJ7O2")
    assert code == 2
    assert "kjlint: error: unknown rule selector 'KJ7O2'" in err and "internal error" not in err


def test_usage_errors_are_not_internal_errors(tree):
    code, _, err = _check(tree, "--update-baseline")
    assert code == 2 and "--update-baseline needs --baseline FILE" in err and "internal error" not in err


@pytest.mark.parametrize("toml,key", [
    ('[rules.KJ302]\nmin-length = "abc"\n', "rules.KJ302.min-length"),
    ('[rules.KJ302]\nmin-length = [1]\n', "rules.KJ302.min-length"),
    ('[rules.KJ302]\nmin-length = true\n', "rules.KJ302.min-length"),
    ('[rules.KJ101]\nmin-length = 1.5\n', "rules.KJ101.min-length"),
    ('[rules.KJ201]\nenabled = "no"\n', "rules.KJ201.enabled"),
    ('[rules.KJ201]\nseverity = 3\n', "rules.KJ201.severity"),
    ('[rules.KJ999]\nseverity = "error"\n', "rules.KJ999"),
    ('[rules.KJ201]\nexceptions = 5\n', "rules.KJ201.exceptions"),
    ('[rules.KJ201]\nexceptions = [1]\n', "rules.KJ201.exceptions"),
    ('[duplication]\nmin-length = "x"\n', "rules.KJ1.min-length"),
], ids=["str-for-int", "list-for-int", "bool-for-int", "float-for-int", "str-for-bool", "int-severity",
        "unknown-rule", "int-for-list", "ints-for-strings", "duplication-shorthand"])
def test_wrongly_typed_rule_parameter_names_the_file_and_the_key(tree, toml, key):
    (tree / "kjlint.toml").write_text(toml, encoding="utf-8")
    code, out, err = _check(tree, "--select", "KJ1,KJ2,KJ3")
    assert code == 2, out + err
    line = err.strip().splitlines()[-1]
    assert str(tree / "kjlint.toml") in line and f" {key}" in line, line
    assert "internal error" not in err


def test_a_float_parameter_accepts_an_integer(tree):
    (tree / "kjlint.toml").write_text('[rules.KJ103]\nthreshold = 1\n', encoding="utf-8")
    code, _, err = _check(tree, "--select", "KJ2")
    assert code == 1, err


def test_configuration_that_is_not_utf8_names_the_file_line_and_key(tree):
    (tree / "kjlint.toml").write_bytes('fail-level = "error"\nselect = ["KJ2", "科技局"]\n'.encode("gb18030"))
    code, _, err = _check(tree)
    assert code == 2
    assert "kjlint.toml: line 2 (select): not UTF-8 text" in err and "internal error" not in err


@pytest.mark.parametrize("files,key", [
    ({"draft.txt": []}, "files.draft.txt"),
    ({"draft.txt": {"abc": 3}}, "files.draft.txt.abc"),
    ({"draft.txt": {"abc": {"code": "KJ201"}}}, "files.draft.txt.abc.count"),
    ({"draft.txt": {"abc": {"count": "2"}}}, "files.draft.txt.abc.count"),
    ({"draft.txt": {"abc": {"count": -1}}}, "files.draft.txt.abc.count"),
    ({"draft.txt": {"abc": {"count": True}}}, "files.draft.txt.abc.count"),
], ids=["list-for-entries", "int-for-entry", "no-count", "str-count", "negative-count", "bool-count"])
def test_baseline_with_wrong_entry_types_names_the_file_and_the_key(tree, files, key):
    (tree / "base.json").write_text(json.dumps({"version": 1, "files": files}), encoding="utf-8")
    code, _, err = _check(tree, "--select", "KJ201", "--baseline", "base.json")
    assert code == 2
    assert f"base.json: {key}:" in err and "internal error" not in err, err


@pytest.mark.parametrize("toml,expected", [
    ('profile = "KJ2"\n', "kjlint.toml: profile: unknown profile 'KJ2'"),
    ('extend-rules = ["\\u0000"]\n', "kjlint.toml: extend-rules: expected paths"),
    ('extend-rules = ["house.yaml"]\n', "kjlint.toml: extend-rules: "),
    ("max-file-size = true\n", "kjlint.toml: max-file-size: expected a positive number of bytes"),
], ids=["unknown-profile", "nul-in-pack-path", "missing-pack", "boolean-size"])
def test_values_of_the_right_type_but_unusable_name_the_file_and_the_key(tree, toml, expected):
    # found by tests/test_fuzz.py: a profile or a pack path checked only when a file was linted
    # ('configuration: unknown profile'), a NUL in a path ('internal error: ValueError'), and
    # `true` taken for the number 1
    (tree / "kjlint.toml").write_text(toml, encoding="utf-8")
    code, out, err = _check(tree)
    assert code == 2 and expected in err, err
    assert "internal error" not in err
