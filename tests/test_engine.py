"""Engine: selection by code/prefix/name, suppression directives, library API."""
import textwrap

import pytest

from helpers import run_python
from kjlint import lint_text

DRAFT = "xx区科技局2023年工作总结\n全年争取资金*万元。\n"


def codes(findings):
    return [f.code for f in findings]


def test_library_api_without_cli():
    findings = lint_text(DRAFT, select=["KJ201", "KJ202"])
    assert codes(findings) == ["KJ201", "KJ202"]
    f = findings[0]
    assert (f.line, f.column, f.end_line, f.end_column) == (1, 1, 1, 3)
    assert (f.offset, f.end_offset) == (0, 2)
    assert DRAFT[f.offset:f.end_offset] == "xx"


def test_select_and_ignore_accept_codes_prefixes_and_names():
    assert codes(lint_text(DRAFT, select=["x-mask"])) == ["KJ201"]
    assert "KJ202" not in codes(lint_text(DRAFT, select=["KJ2"], ignore=["asterisk-mask"]))
    assert codes(lint_text(DRAFT, select=["KJ20"], ignore=["KJ201"])) == ["KJ202"]


def test_x_mask_does_not_flag_latin_units_and_formulas():
    clean = "GDP增长5.2%，服务器为x86架构，尺寸3×4米，采购X射线设备，Xbox不是公文用语。"
    assert codes(lint_text(clean, select=["KJ201", "KJ202"])) == []


def test_asterisk_mask_ignores_list_bullets():
    text = "* 项目申报\n* 企业培训\n争取资金**万元\n"
    found = lint_text(text, select=["KJ202"])
    assert [(f.line, f.column) for f in found] == [(3, 5)]


def test_truncation_notices():
    text = "工作成效明显……(未完,全文共2890字,当前只显示1500字…)\n某某网省略800字,会员可阅读全文\n部分项目尚未完成。"
    lines = sorted({f.line for f in lint_text(text, select=["KJ301"])})
    assert lines == [1, 2]


def test_required_sections_profile_from_title_and_override():
    text = "2023年科技局工作总结\n一、主要工作情况\n完成项目12项。\n二、下一步计划\n继续推进。\n"
    found = lint_text(text, select=["KJ501"])
    assert len(found) == 1 and "存在问题" in found[0].message
    untitled = "一、主要工作情况\n完成项目12项。\n"
    assert lint_text(untitled, select=["KJ501"]) == []
    forced = lint_text(untitled, select=["KJ501"], profile="work-summary")
    assert len(forced) == 2


def test_region_suppression_and_reenable():
    text = textwrap.dedent("""\
        xx区
        <!-- kjlint-disable KJ201 -->
        xx镇
        <!-- kjlint-enable KJ201 -->
        xx村
        """)
    found = lint_text(text, select=["KJ201", "KJ002", "KJ003"])
    assert [(f.code, f.line) for f in found] == [("KJ201", 1), ("KJ201", 5)]


def test_next_line_and_file_suppression_by_name():
    text = "kjlint-disable-next-line x-mask\nxx区\nxx镇\n"
    assert [f.line for f in lint_text(text, select=["KJ201"])] == [3]
    text = "<!-- kjlint-disable-file KJ2 -->\nxx区\n**镇\n"
    assert lint_text(text, select=["KJ201", "KJ202", "KJ002"]) == []


def test_unused_and_unknown_suppressions_are_flagged():
    text = "<!-- kjlint-disable KJ201 -->\n全年完成项目12项。\n<!-- kjlint-disable KJ999 -->\n"
    found = lint_text(text, select=["KJ201", "KJ002", "KJ003"])
    assert sorted((f.code, f.line) for f in found) == [("KJ002", 1), ("KJ003", 3)]


def test_fingerprint_survives_edits_elsewhere():
    a = lint_text("标题\n全年争取资金*万元。\n", select=["KJ202"])[0]
    b = lint_text("新的标题\n\n前面加了一段话。\n全年争取资金*万元。\n", select=["KJ202"])[0]
    assert a.line != b.line and a.fingerprint == b.fingerprint


def test_whole_catalogue_runs_on_a_1mb_single_line_document():
    # Guards against catastrophic regex backtracking: must finish, not hang (generous timeout).
    code = ("from kjlint import lint_text\n"
            "chunk = '一是加强科技创新xx能力建设，推动产业升级,争取资金*万元(省略' + 'ab?x.' * 3 + '《关于》'\n"
            "text = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]\n"
            "print(len(lint_text(text)))\n")
    out = run_python(code, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    assert int(out.stdout.strip()) > 1000


def _suppression_steps(text: str) -> int:
    """Lines of kjlint.suppression and the lint stages (kjlint.linting, kjlint.engine) executed to lint `text`: a count of
    operations that, unlike a time, does not depend on the machine's load."""
    import sys

    from kjlint.catalog import load_catalog
    from kjlint.document import Document
    from kjlint.engine import lint_document

    catalog = load_catalog()
    watched = {"suppression.py", "linting.py", "engine.py"}
    steps = 0

    def local(frame, event, arg):
        nonlocal steps
        if event == "line":
            steps += 1
        return local

    def tracer(frame, event, arg):
        name = frame.f_code.co_filename
        return local if name.rsplit("/", 1)[-1] in watched and "kjlint" in name else None

    sys.settrace(tracer)
    try:
        lint_document(Document(text, "x.txt"), catalog)
    finally:
        sys.settrace(None)
    return steps


@pytest.mark.parametrize("shape", [
    lambda n: "<!-- kjlint-disable KJ201 -->\n" * n,  # the 1 MB of disable lines
    lambda n: "<!-- kjlint-disable KJ201 -->\n" * n + "<!-- kjlint-enable KJ301 -->\n" * n,
    lambda n: "<!-- kjlint-disable KJ201 -->\nxx区\n<!-- kjlint-enable KJ201 -->\n" * n,
    lambda n: "<!-- kjlint-disable-next-line KJ999 -->\nxx区\n" * n,
])
def test_suppression_work_grows_linearly_with_the_directives(shape):
    """Twice the directives, twice the work (not four times): 1 MB of directives once took 41 s."""
    head = "xx区科技局2021年工作总结\n"
    small, large = _suppression_steps(head + shape(400)), _suppression_steps(head + shape(800))
    assert large / small < 2.6, (small, large)


def test_which_directive_is_used_when_several_cover_a_finding():
    text = textwrap.dedent("""\
        <!-- kjlint-disable KJ201 -->
        <!-- kjlint-disable KJ2 -->
        xx区
        <!-- kjlint-disable-next-line KJ201 -->
        xx镇
        <!-- kjlint-enable KJ201 -->
        xx村
        """)
    found = lint_text(text, select=["KJ201", "KJ002"])
    # The next-line directive (its region is known first) suppresses line 5, line 1 suppresses
    # line 3; so line 2 is unused, and after the re-enable line 7 is reported.
    assert sorted((f.code, f.line) for f in found) == [("KJ002", 2), ("KJ201", 7)]


def test_a_narrowed_disable_that_suppresses_after_the_enable_is_used():
    text = "<!-- kjlint-disable KJ2 -->\n<!-- kjlint-enable KJ201 -->\n全年争取资金*万元。\n"
    assert lint_text(text, select=["KJ202", "KJ002"]) == []


def test_a_rule_that_fails_on_one_file_stops_that_file_only(tmp_path, monkeypatch):
    """A bug in a rule (an exception) is an error for the file it met, exit 2; the other files
    are still linted and reported."""
    import json

    from helpers import run_cli
    from kjlint import engine

    real = engine.lint_document

    def failing(doc, *args, **kwargs):
        if "坏" in doc.text:
            raise UnicodeDecodeError("utf-8", b"\xe0", 0, 1, "invalid continuation byte")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr("kjlint.runner.lint_document", failing)
    (tmp_path / "a.txt").write_text("坏文件\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("全年完成xx项目。\n", encoding="utf-8")
    result = run_cli("check", "-j", "1", "--no-progress", "--format", "json", ".", cwd=tmp_path)
    assert result.exit_code == 2
    entries = json.loads(result.stdout)
    assert {e["path"] for e in entries if "code" in e} == {"b.txt"}
    assert [e["path"] for e in entries if "error" in e] == ["a.txt"]
    assert "a.txt: internal error while linting this file (UnicodeDecodeError" in result.stderr
