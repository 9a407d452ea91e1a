"""Issue #12, "never hang, never use unbounded memory": devices, pipes and oversized input.

Every test runs kjlint as a real process with a time limit and an address-space limit, so a
regression shows as a failed test, not as a machine that swaps or a suite that never ends.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import textwrap

import pytest

MEMORY_LIMIT = 3 * 1024 ** 3  # far above what these runs need, far below "reads /dev/zero"
TIMEOUT = 60
DRAFT = "xx区科技局2021年工作总结\n一、主要工作\n全年完成项目十二项。\n"


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def kjlint(*args, cwd=None, stdin: bytes | None = None, timeout: int = TIMEOUT):
    """`python -m kjlint ARGS` with bounded time and memory; stdout and stderr as text."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in [os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))), os.environ.get("PYTHONPATH", "")] if p)}
    return subprocess.run([sys.executable, "-m", "kjlint", *args], cwd=cwd, input=stdin if stdin is not None else b"",
                          capture_output=True, timeout=timeout, preexec_fn=_limit_memory, env=env)


def err_of(r) -> str:
    return r.stderr.decode("utf-8", "replace")


def assert_no_traceback(r):
    assert "Traceback" not in err_of(r) and "internal error" not in err_of(r), err_of(r)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_that_never_ends_is_read_only_up_to_max_file_size(device, tmp_path):
    (tmp_path / "kjlint.toml").write_text("max-file-size = 100000\n")
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    r = kjlint("check", "--select", "KJ201", device, "draft.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert f"{device}: file too large" in err_of(r) and "max-file-size" in err_of(r)
    assert "draft.txt:1:1: KJ201" in r.stdout.decode()  # the other file is still linted
    assert_no_traceback(r)


def test_the_default_max_file_size_bounds_a_device_too(tmp_path):
    r = kjlint("check", "/dev/zero", cwd=tmp_path)
    assert r.returncode == 2 and "/dev/zero: file too large" in err_of(r)
    assert_no_traceback(r)


def test_diff_of_a_device_stops_at_the_limit(tmp_path):
    (tmp_path / "x.txt").write_text(DRAFT, encoding="utf-8")
    r = kjlint("diff", "/dev/zero", "x.txt", cwd=tmp_path)
    assert r.returncode == 2 and "/dev/zero: file too large" in err_of(r)
    assert_no_traceback(r)


def test_standard_input_is_limited_by_max_file_size(tmp_path):
    (tmp_path / "kjlint.toml").write_text("max-file-size = 1000\n")
    r = kjlint("check", "-", cwd=tmp_path, stdin=DRAFT.encode("utf-8") * 100)
    assert r.returncode == 2
    assert "-: standard input too large" in err_of(r) and "max-file-size" in err_of(r)
    assert_no_traceback(r)
    small = kjlint("check", "--select", "KJ201", "-", cwd=tmp_path, stdin=DRAFT.encode("utf-8"))
    assert small.returncode == 1 and "KJ201" in small.stdout.decode()


def test_standard_input_under_the_limit_is_read_whole(tmp_path):
    body = DRAFT + "全年完成项目十二项。\n" * 3000  # larger than one read
    r = kjlint("check", "--select", "KJ201", "--format", "json", "-", cwd=tmp_path, stdin=body.encode("utf-8"))
    assert r.returncode == 1, err_of(r)


@pytest.fixture
def fifo_tree(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(DRAFT, encoding="utf-8")
    os.mkfifo(tmp_path / "docs" / "pipe.txt")
    (tmp_path / "docs" / "z.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def test_a_fifo_inside_a_folder_is_skipped_with_one_line(fifo_tree):
    r = kjlint("check", "--select", "KJ201", "docs", cwd=fifo_tree, timeout=30)
    out, err = r.stdout.decode(), err_of(r)
    assert "docs/a.txt:1:1: KJ201" in out and "docs/z.txt:1:1: KJ201" in out
    skipped = [line for line in err.splitlines() if "pipe.txt" in line]
    assert skipped == ["kjlint: warning: docs/pipe.txt: not a regular file (a named pipe), skipped"]
    assert r.returncode == 1  # skipping a pipe is not an input error
    assert_no_traceback(r)


def test_dedupe_skips_a_fifo_inside_a_folder(fifo_tree):
    r = kjlint("dedupe", "docs", "--no-cache", "--no-progress", cwd=fifo_tree, timeout=60)
    assert "docs/pipe.txt: not a regular file (a named pipe), skipped" in err_of(r)
    assert_no_traceback(r)


def test_a_fifo_named_directly_with_no_writer_gets_a_message_not_a_hang(fifo_tree):
    r = kjlint("check", "docs/pipe.txt", "docs/a.txt", cwd=fifo_tree, timeout=30)
    assert r.returncode == 2
    assert "docs/pipe.txt: a named pipe with nothing writing to it" in err_of(r)
    assert "docs/a.txt:1:1:" in r.stdout.decode()
    assert_no_traceback(r)


def test_a_pipe_with_a_writer_is_read_like_a_file(tmp_path):
    """`kjlint check <(command)` names a pipe that a process writes into: it is read."""
    script = textwrap.dedent(f"""
        import os, subprocess, sys
        r, w = os.pipe()
        os.write(w, {DRAFT.encode('utf-8')!r})
        os.close(w)
        p = subprocess.run([sys.executable, "-m", "kjlint", "check", "--select", "KJ201", f"/dev/fd/{{r}}"],
                           pass_fds=(r,), capture_output=True, text=True)
        print(p.returncode, p.stdout, p.stderr)
    """)
    env = {**os.environ, "PYTHONPATH": os.path.dirname(os.path.dirname(os.path.abspath(__file__)))}
    p = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=TIMEOUT,
                       env=env, cwd=tmp_path)
    assert p.stdout.startswith("1 ") and "KJ201" in p.stdout, p.stdout + p.stderr


SPAN_PACK = textwrap.dedent("""\
    rules:
      - code: KJ901
        name: long-span
        severity: warning
        type: pattern
        params: {pattern: '甲[^乙\\n]*乙'}
        message: "A span from 甲 to 乙"
        description: d
        rationale: r
        examples:
          bad: 甲一二乙
          good: 正文。
    """)


@pytest.mark.parametrize("layout", ["one long finding", "short finding in a long line", "finding over lines"])
def test_code_frames_show_a_bounded_window_whatever_the_line_length(tmp_path, layout):
    (tmp_path / "span.yaml").write_text(SPAN_PACK, encoding="utf-8")
    (tmp_path / "kjlint.toml").write_text('extend-rules = ["span.yaml"]\nselect = ["KJ901"]\n')
    filler = "全年完成项目十二项" * 200_000  # 1.8 M characters on one line
    text = {"one long finding": "甲" + filler + "乙\n",
            "short finding in a long line": filler + "甲一乙" + filler + "\n",
            "finding over lines": "甲" + filler + "\n" + filler + "乙\n"}[layout]
    if layout == "finding over lines":  # the pattern stops at line ends: let it cross one
        (tmp_path / "span.yaml").write_text(SPAN_PACK.replace("[^乙\\n]*", "[^乙]*"), encoding="utf-8")
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    r = kjlint("check", "long.txt", cwd=tmp_path)
    out = r.stdout.decode()
    assert r.returncode == 1 and "long.txt:1:" in out, err_of(r)
    assert max(len(line) for line in out.splitlines()) <= 200
    assert len(out) < 2000
    frame = [line for line in out.splitlines() if line.startswith(" 1 | ")]
    assert frame and "甲" in frame[0]
