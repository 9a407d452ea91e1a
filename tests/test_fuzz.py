"""Fuzzing the command line as careless and hostile users feed it (issue #12): random and
adversarial bytes, file names and configuration values to `check`, `--fix`, `--diff` and
`dedupe`. Whatever comes in: no traceback and no internal error, an exit code of 0, 1 or 2,
every machine format parses, no input changes unless `--fix` was asked for, and the time grows
linearly with the input.

Hypothesis runs a bounded number of examples per property (no deadline per example: the shared
CI machine is noisy); the whole module takes a few seconds."""
from __future__ import annotations

import json
import os
import time
import xml.dom.minidom
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import run_cli

FUZZ = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
MACHINE_FORMATS = ["json", "jsonl", "sarif", "rdjson", "junit", "github"]

# Text that reaches the rules' corners: masks, notices, numbering, mojibake, pinyin, controls.
PIECES = ["xx", "XX", "×××", "*万元", "**区", "____", "（未完，全文共2890字）", "一、", "（二）", "3、", "一是",
          "三是", "總結(jié)", "锟斤拷", "ï¿½", "\ufffd", "\x1b[2J", "\x07", "\r", "\r\n", "\n", "\u2028", "\t", "　",
          "当前位置:首页 > 工作总结", "第1页共3页", "<p>", "&nbsp;", "2023年工作总结", "。", "，", "?", "`", "😀",
          "\ue000", "\x00"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=40).map("".join)
raw_bytes = st.one_of(
    st.binary(max_size=400),
    texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
    texts.map(lambda t: t.encode("gb18030", "replace")),
    texts.map(lambda t: t.encode("utf-16-le", "surrogatepass")),
)
# File names as a careless user or a hostile archive makes them: spaces, quotes, controls,
# option-like names, CJK; never a path separator (each is one file in the folder).
names = st.text(alphabet=st.sampled_from(list("ab -_.'\"#%&;<>\x1b\x07\n\t工作总结报告")) , min_size=1,
                max_size=12).filter(lambda n: n not in (".", "..") and "\x00" not in n)


def _no_crash(result) -> None:
    out = (result.stdout or "") + (result.stderr or "")
    assert result.exit_code in (0, 1, 2), out
    assert "Traceback" not in out and "internal error" not in out, out


def _parses(fmt: str, out: str) -> None:
    """The report parses as its format claims."""
    if fmt in ("json", "sarif", "rdjson"):
        json.loads(out)
    elif fmt == "jsonl":
        for line in out.split("\n"):  # JSON Lines end at \n only, not at U+0085 or U+2028
            if line:
                json.loads(line)
    elif fmt == "junit":
        xml.dom.minidom.parseString(out.encode("utf-8"))
    elif fmt == "github":
        assert all(line.startswith("::") for line in out.splitlines() if line), out


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _fresh(tmp_path_factory, files: dict[str, bytes]) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    for name, data in files.items():
        (folder / (name + ".txt")).write_bytes(data)
    return folder


@FUZZ
@given(files=st.dictionaries(names, raw_bytes, min_size=1, max_size=3), fmt=st.sampled_from(MACHINE_FORMATS))
def test_check_never_crashes_and_every_machine_format_parses(tmp_path_factory, files, fmt):
    folder = _fresh(tmp_path_factory, files)
    before = _snapshot(folder)
    result = run_cli("check", "--no-progress", "-j", "1", "--format", fmt, ".", cwd=folder)
    _no_crash(result)
    _parses(fmt, result.stdout)
    assert _snapshot(folder) == before


@FUZZ
@given(data=raw_bytes, unsafe=st.booleans())
def test_diff_changes_nothing_and_fix_changes_only_what_it_fixes(tmp_path_factory, data, unsafe):
    folder = _fresh(tmp_path_factory, {"草稿": data})
    before = _snapshot(folder)
    extra = ["--unsafe-fixes"] if unsafe else []
    _no_crash(run_cli("check", "--no-progress", "--diff", *extra, "草稿.txt", cwd=folder))
    assert _snapshot(folder) == before
    result = run_cli("check", "--no-progress", "--fix", *extra, "草稿.txt", cwd=folder)
    _no_crash(result)
    assert [p.name for p in folder.iterdir()] == ["草稿.txt"]  # no temporary file left behind
    # a second --fix finds nothing more to fix: fixes converge instead of oscillating
    again = run_cli("check", "--no-progress", "--fix", *extra, "草稿.txt", cwd=folder)
    _no_crash(again)
    assert "Fixed" not in again.stderr + again.stdout


TOML_VALUES = st.one_of(
    st.sampled_from(['["KJ999"]', '["KJ7O2"]', '"KJ2"', "[1, 2]", "true", "3.5", '["KJ2", "KJ"]', '[""]', "{}",
                     '"\\u0000"', '["ALL"]', "[]", '["kj201"]', '["x-mask"]']),
    st.text(max_size=8).map(json.dumps),
)
CONFIG_KEYS = st.sampled_from(["select", "ignore", "extend-select", "profile", "fail-level", "max-file-size",
                               "extend-rules", "lang", "unknown-key"])
RULE_PARAMS = st.sampled_from(["rules.KJ102.min-chars", "rules.KJ601.max-line-length", "rules.KJ201.enabled",
                               "rules.KJ302.min-length", "duplication.min-chars", "per-file-ignores"])


@FUZZ
@given(key=st.one_of(CONFIG_KEYS, RULE_PARAMS), value=TOML_VALUES,
       garbage=st.one_of(st.just(b""), st.binary(max_size=20)))
def test_any_configuration_is_used_or_refused_with_a_message(tmp_path_factory, key, value, garbage):
    folder = _fresh(tmp_path_factory, {"draft": "2023年工作总结\n全年完成xx项目。\n".encode()})
    table, _, name = key.rpartition(".")
    body = (f"[{table}]\n" if table else "") + f"{name} = {value}\n"
    (folder / "kjlint.toml").write_bytes(body.encode("utf-8") + garbage)
    result = run_cli("check", "--no-progress", "--format", "json", "draft.txt", cwd=folder)
    _no_crash(result)
    if result.exit_code == 2:
        assert "kjlint.toml" in result.stderr, result.stderr  # the message names the file
    else:
        _parses("json", result.stdout)


records = st.lists(st.fixed_dictionaries({"id": st.one_of(st.integers(0, 5).map(str), st.text(max_size=4)),
                                          "text": texts}), max_size=8)


@FUZZ
@given(rows=records, junk=st.lists(st.binary(max_size=30), max_size=2), keep=st.sampled_from(["best", "first"]))
def test_dedupe_never_crashes_and_never_touches_its_input(tmp_path_factory, rows, junk, keep):
    folder = tmp_path_factory.mktemp("dedupe")
    data = b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in rows) + b"\n".join(junk)
    (folder / "corpus.jsonl").write_bytes(data)
    result = run_cli("dedupe", "corpus.jsonl", "--keep", keep, "--no-cache", "-q", "--output", "out.jsonl",
                     "--clusters", "clusters.jsonl", cwd=folder)
    _no_crash(result)
    assert (folder / "corpus.jsonl").read_bytes() == data
    for name in ("out.jsonl", "clusters.jsonl"):
        if (folder / name).exists():
            for line in (folder / name).read_text(encoding="utf-8").split("\n"):  # not U+0085 or U+2028
                if line:
                    json.loads(line)


@pytest.mark.slow
def test_time_grows_linearly_with_the_input(tmp_path):
    """Linting 8 times the text takes far less than 64 times as long (a quadratic step would);
    measured in one run, best of three, with slack for a shared machine."""
    unit = ("一、主要工作\n全年组织企业申报项目xx项，争取资金*万元。当前位置:首页 > 工作总结\n"
            "（未完，全文共2890字）\n總結(jié)锟斤拷\n三是加强监管。\n# kjlint-disable KJ201\n")

    def best_of_three(text: str) -> float:
        path = tmp_path / "big.txt"
        path.write_text(text, encoding="utf-8")
        times = []
        for _ in range(3):
            start = time.perf_counter()
            _no_crash(run_cli("check", "--no-progress", "-q", "--no-cache", "-j", "1", str(path)))
            times.append(time.perf_counter() - start)
        return min(times)

    run_cli("check", "--no-progress", "-q", str(tmp_path))  # warm caches and imports
    small, large = best_of_three(unit * 200), best_of_three(unit * 1600)
    assert large / small < 24, f"8x the text took {large / small:.1f}x the time ({small:.3f}s -> {large:.3f}s)"
