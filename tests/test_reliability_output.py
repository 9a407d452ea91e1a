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
