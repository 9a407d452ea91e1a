"""The command line in Chinese and English (issue #13): the language chosen by --lang, `lang` in
configuration, KJLINT_LANG or the locale; help of every command and option, usage errors,
errors, warnings, summaries and statistics in both languages; machine formats with the message in
the language of the run and stable codes and names; layout in display cells.

Tests run in English (tests/conftest.py sets KJLINT_LANG=en); each test here chooses its language.
"""
from __future__ import annotations

import json
import os
import re
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from helpers import run_process
from kjlint import i18n
from kjlint.catalog import load_catalog
from kjlint.cli import main
from kjlint.clihelp import NO_START, cells, wrap
from kjlint.config import KEYS
from kjlint.document import display_width

ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u4e00-\u9fff]")

DRAFT = textwrap.dedent("""\
    区科技局2023年工作总结
    一、主要工作情况
    全年争取上级资金*万元，走访xx家企业。
    （一）加快园区道路建设
    （三）完善园区配套服务
    全年组织辖区企业申报省级科技项目十二项，争取上级资金八百万元。
    全年组织辖区企业申报省级科技项目十二项，争取上级资金八百万元。
    本单位深入贯彻落实總結(jié)精神，推进项目建设。
    二、下一步计划
    继续推进项目建设。
    """)
CLEAN = "关于开展安全生产检查的通知\n各单位：\n现将有关事项通知如下。\n"

# --- what may stay in Latin letters in Chinese output ---------------------------------------------
# Codes, rule names, option names, paths and file names are identifiers; the program's name and
# its commands; the choices of options ([text|json]) and defaults; technical names a reader of
# these messages knows (formats, encodings, tools the options name).
TECHNICAL = {
    "kjlint", "check", "rules", "rule", "dedupe", "diff", "python", "JSON", "JSONL", "Parquet", "HTML",
    "Markdown", "TOML", "Word", "WPS", "UTF", "BOM", "NUL", "OLE", "CPU", "MB", "MinHash", "MinHashLSH",
    "LSH", "Jaccard", "numpy", "datasketch", "rapidfuzz", "Spark", "master", "URL", "pip", "install",
    "spark", "patch", "zh", "en", "KJLINT_LANG", "lang", "docx", "doc", "wps", "zip", "chmod", "cache",
    "table", "json", "markdown", "best", "first", "longest", "document", "paragraph", "auto", "sort",
    "local", "info", "warning", "error", "text", "concise", "jsonl", "sarif", "github", "rdjson", "junit",
    "html", "id", "true", "false",
}


def english_words(text: str, paths=(), names=frozenset()) -> list[str]:
    """Words in Latin letters left in Chinese output once codes, rule names, option names, paths,
    quoted text, choices in brackets and technical names are taken out; code frames (document
    text) and a patch's lines are not looked at."""
    text = re.sub(r"^ *\d* \| .*$", " ", text, flags=re.M)
    for p in sorted(map(str, paths), key=len, reverse=True):
        text = text.replace(str(p), " ")
    text = re.sub(r"“[^”]*”|`[^`\n]*`|'[^'\n]*'", " ", text)  # quoted document text, values, commands
    text = re.sub(r"\[[^\]\n]*\]", " ", text)  # [text|json], [默认：text], [*]
    text = re.sub(r"(?<![\w-])--?[A-Za-z][\w-]*", " ", text)  # option names
    text = re.sub(r"\bKJ\d{3}\b|\bKJ\d\b|U\+[0-9A-F]{4,6}", " ", text)
    text = re.sub(r"[\w.-]+\.(?:txt|md|docx|doc|wps|toml|json|jsonl|html|sarif|yaml)\b", " ", text)
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    return [w for w in re.findall(r"[A-Za-z][A-Za-z_]+", text) if w not in TECHNICAL]


RULE_NAMES = {r.name for r in load_catalog().rules.values()} | set(load_catalog().profiles)
CONFIG_KEYS = set(KEYS)


def invoke(*args, cwd=None, env=None, input=None):
    """`kjlint ARGS` in-process (stdout and stderr apart), named kjlint in usage lines."""
    old = os.getcwd()
    try:
        if cwd:
            os.chdir(cwd)
        return CliRunner().invoke(main, list(args), prog_name="kjlint", env=env, input=input,
                                  catch_exceptions=False)
    finally:
        os.chdir(old)


def locale_env(**values) -> dict:
    """The environment of a real process with the locale given and no KJLINT_LANG."""
    env = {k: v for k, v in os.environ.items() if k not in ("KJLINT_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    if env.get("PYTHONPATH"):  # the processes run in a temporary folder
        env["PYTHONPATH"] = os.pathsep.join(os.path.abspath(p) for p in env["PYTHONPATH"].split(os.pathsep))
    env.update(values)
    return env


@pytest.fixture
def drafts(tmp_path):
    (tmp_path / "草稿.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


# --- choosing the language -----------------------------------------------------------------------

def test_a_chinese_locale_gives_chinese_messages_and_summary_and_lang_en_gives_english(drafts):
    env = locale_env(LANG="zh_CN.UTF-8")
    zh = run_process("check", "草稿.txt", cwd=drafts, env=env)
    out = zh.stdout.decode()
    assert zh.returncode == 1
    assert "草稿.txt:3:9: KJ202 [asterisk-mask] 金额缺失：“*”是星号占位符，请填写实际金额" in out
    assert "草稿.txt:5:1: KJ502 [heading-number-gap] 序号跳号：" in out
    assert "在 1 个文件中发现 6 处问题（KJ101 ×1、KJ201 ×1、KJ202 ×1、KJ403 ×1、KJ502 ×1、KJ701 ×1）。\n" in out
    assert out.endswith("[*] 其中 2 处可用 --fix 自动修复，另有 1 处可用 --unsafe-fixes 修复（须人工核对）。\n")
    assert "   = 相关位置：草稿.txt:6:1（首次出现处）" in out
    assert english_words(out, ["草稿.txt"], RULE_NAMES) == [], out

    en = run_process("check", "--lang", "en", "草稿.txt", cwd=drafts, env=env)
    out = en.stdout.decode()
    assert "KJ202 [asterisk-mask] Asterisk mask `*` left in the text: an amount is missing" in out
    assert out.endswith("Found 6 findings in 1 file (KJ101 ×1, KJ201 ×1, KJ202 ×1, KJ403 ×1, KJ502 ×1, KJ701 ×1).\n"
                        "[*] 2 fixable with --fix; 1 more with --unsafe-fixes.\n")
    assert "Placeholder `xx` left in the text: a count is missing" in out and "   = related: 草稿.txt:6:1" in out
    assert "在 1 个文件" not in out and "金额" not in out
    clean = run_process("check", "clean.txt", cwd=drafts, env=env)
    assert clean.stdout.decode() == "检查完毕，未发现问题（共 1 个文件）。\n"


@pytest.mark.parametrize("env, args, lang", [
    ({"LANG": "zh_CN.UTF-8"}, (), "zh"),
    ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, (), "zh"),
    ({"LANG": "en_US.UTF-8"}, (), "en"),
    ({"LANG": "en_US.UTF-8", "KJLINT_LANG": "zh"}, (), "zh"),
    ({"LANG": "zh_CN.UTF-8", "KJLINT_LANG": "en"}, (), "en"),
    ({"LANG": "zh_CN.UTF-8"}, ("--lang", "en"), "en"),
    ({"LANG": "en_US.UTF-8"}, ("--lang", "zh"), "zh"),
    ({"LANG": "en_US.UTF-8"}, ("--lang=zh",), "zh"),
    ({"LANG": "en_US.UTF-8"}, ("GROUP", "--lang", "zh"), "zh"),  # kjlint --lang zh check
])
def test_language_from_lang_option_environment_and_locale(drafts, env, args, lang):
    group = args[:1] == ("GROUP",)
    argv = ([*args[1:], "check"] if group else ["check", *args]) + ["--format", "json", "草稿.txt"]
    r = run_process(*argv, cwd=drafts, env=locale_env(**env))
    messages = [f["message"] for f in json.loads(r.stdout)]
    assert len(messages) == 6
    for m in messages:  # English messages quote Chinese text too: what tells them apart is English words
        assert (english_words(m, names=RULE_NAMES) == [] and bool(CJK.search(m))) == (lang == "zh"), m


def test_lang_in_configuration_then_lang_option_wins(drafts):
    (drafts / "kjlint.toml").write_text('lang = "zh"\n', encoding="utf-8")
    r = invoke("check", "草稿.txt", cwd=drafts)
    assert "在 1 个文件中发现" in r.stdout and "金额缺失" in r.stdout
    r = invoke("check", "--lang", "en", "草稿.txt", cwd=drafts)
    assert "Found " in r.stdout and "金额缺失" not in r.stdout
    r = invoke("rule", "KJ201", cwd=drafts)  # rule documentation reads the configuration too
    assert "## 检查什么" in r.stdout


def test_lang_in_configuration_beats_kjlint_lang(drafts):
    (drafts / "kjlint.toml").write_text('lang = "zh"\n', encoding="utf-8")
    r = run_process("check", "草稿.txt", cwd=drafts, env=locale_env(KJLINT_LANG="en", LANG="en_US.UTF-8"))
    assert "在 1 个文件中发现" in r.stdout.decode()


@pytest.mark.parametrize("value", ['"fr"', "1", '["zh"]', '""'])
def test_a_bad_lang_in_configuration_names_the_file_and_the_key(drafts, value):
    (drafts / "kjlint.toml").write_text(f"lang = {value}\n", encoding="utf-8")
    r = invoke("check", "草稿.txt", cwd=drafts)
    assert r.exit_code == 2
    assert re.search(r"kjlint\.toml: lang: expected \"zh\" \(Chinese\) or \"en\" \(English\), got ", r.stderr), r.stderr
    r = invoke("check", "--lang", "zh", "草稿.txt", cwd=drafts)
    assert r.exit_code == 2 and "kjlint.toml：lang：应为 \"zh\"（中文）或 \"en\"（英文），实际为 " in r.stderr


def test_an_unknown_lang_option_is_a_usage_error_in_the_language_of_the_environment(drafts):
    r = run_process("check", "--lang", "fr", "草稿.txt", cwd=drafts, env=locale_env(LANG="zh_CN.UTF-8"))
    assert r.returncode == 2
    assert "错误：'--lang' 的取值无效：'fr' 不是可选的值，可选：'zh', 'en'。" in r.stderr.decode()


def test_the_language_reaches_worker_processes(tmp_path):
    for i in range(10):
        (tmp_path / f"d{i}.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "kjlint.toml").write_text('lang = "zh"\n', encoding="utf-8")
    r = run_process("check", "--format", "json", "-j", "2", ".", cwd=tmp_path, env=locale_env(LANG="en_US.UTF-8"))
    found = json.loads(r.stdout)
    assert len({f["path"] for f in found}) == 10
    assert all(CJK.search(re.sub(r"“[^”]*”", "", f["message"])) for f in found)


# --- help ----------------------------------------------------------------------------------------

def _commands():
    ctx = click.Context(main)
    return [(name, main.get_command(ctx, name)) for name in main.list_commands(ctx)]


def _helps(command, ctx):
    """(what, English help) of a command and each of its options, the help option included."""
    out = [(f"{command.name} (command)", command.help)]
    for param in command.get_params(ctx):
        if isinstance(param, click.Option):
            out.append((f"{command.name} {param.opts[-1]}", param.help))
    return out


def test_every_command_and_option_has_help_in_chinese_and_english():
    from kjlint.i18n import _

    commands = [("kjlint", main), *_commands()]
    assert {name for name, _c in commands} == {"kjlint", "check", "dedupe", "diff", "rule", "rules"}
    seen = 0
    for name, command in commands:
        # The help option names of kjlint's group: click caches the help option of the first context.
        ctx = click.Context(command, info_name=name, help_option_names=["-h", "--help"])
        for what, english in _helps(command, ctx):
            assert english and re.search(r"[A-Za-z]{3}", english), what
            i18n.set_language("zh")
            chinese = _(english)
            i18n.set_language("en")
            assert chinese != english and CJK.search(chinese), (what, english)
            assert _(english) == english
            seen += 1
    assert seen > 60


@pytest.mark.parametrize("command", ["", "check", "rules", "rule", "dedupe", "diff"])
def test_help_of_every_command_reads_in_chinese_and_in_english(command):
    args = [command] if command else []
    zh = invoke(*args, "-h", "--lang", "zh", env={"COLUMNS": "100"})  # --lang after -h counts
    en = invoke("--lang", "en", *args, "--help", env={"COLUMNS": "100"})
    assert zh.exit_code == en.exit_code == 0
    assert zh.stdout.startswith("用法：kjlint") and en.stdout.startswith("Usage: kjlint")
    for heading in ("选项：",) + (("命令：",) if not command else ()):
        assert f"\n{heading}\n" in zh.stdout
    assert english_words(zh.stdout, names=RULE_NAMES) == [], zh.stdout
    # Each option of the English help is in the Chinese help, with Chinese text beside it.
    rows = [line for line in zh.stdout.splitlines() if re.match(r"  -", line)]
    for option in re.findall(r"^  (-[\w-]+|--[\w-]+)", en.stdout, re.M):
        assert any(row.lstrip().startswith(option) for row in rows), option
    assert not CJK.search(re.sub(r"\(工作总结,\s+工作计划,\s+述职报告\)", "", en.stdout)), en.stdout


def test_chinese_help_stays_within_the_terminal_and_its_columns_line_up():
    for width in (50, 60, 80, 120):
        out = CliRunner().invoke(main, ["check", "-h", "--lang", "zh"], prog_name="kjlint",
                                 terminal_width=width).stdout
        lines = out.splitlines()
        # Text wraps within the width; only an option's own spelling may be longer (--format [text|…]).
        assert all(cells(line) <= width for line in lines if CJK.search(line)), \
            [line for line in lines if cells(line) > width]
        assert not [line for line in lines if line.strip() and line.strip()[0] in NO_START]
        # Descriptions start in one column (in cells), whatever the width of the option's name.
        starts = set()
        for line in lines:
            m = re.match(r"^(  -\S.*?  +)(\S)", line)
            if m and CJK.search(line[m.end(1):]):
                starts.add(cells(m.group(1)))
        continuation = {cells(line) - cells(line.lstrip()) for line in lines
                        if line.startswith("    ") and CJK.search(line) and not line.lstrip().startswith("-")}
        assert len(starts) == 1 and continuation <= starts | {2}, (starts, continuation)


def test_usage_errors_are_in_the_language_in_use():
    r = invoke("--lang", "zh", "check", "--bogus")
    assert r.exit_code == 2
    assert "用法：kjlint check [选项] [路径]..." in r.stderr
    assert "可运行“kjlint check --help”查看帮助。" in r.stderr
    assert "错误：没有 '--bogus' 这个选项。" in r.stderr
    r = invoke("rule", "--lang", "zh")
    assert "错误：缺少参数 '规则'" in r.stderr
    r = invoke("--lang", "zh", "chek")
    assert "错误：没有 'chek' 这个命令。 是否要用 'check'？" in r.stderr
    r = invoke("check", "--bogus", "--lang", "en")
    assert "Error: No such option '--bogus'." in r.stderr and "Usage: kjlint check [OPTIONS] [PATHS]..." in r.stderr
    assert invoke("--version", "--lang", "zh").stdout.startswith("kjlint 版本 ")
    assert invoke("--lang", "en", "--version").stdout.startswith("kjlint, version ")


def test_wrap_breaks_between_characters_within_the_width():
    text = ("用于比对的参考文档（往年材料的文件或文件夹），查找草稿中照搬的段落（KJ1）。"
            "发现此级别及以上的问题时退出码为 1（默认取配置中的值，未配置时为 info）。"
            "--an-option-name-longer-than-the-line-itself 也要断开。")
    for width in range(14, 60):  # the narrowest column of help is 10 cells wide, after an indent
        lines = wrap(text, width, "  ", "  ")
        assert all(cells(line) <= width for line in lines), (width, lines)
        assert "".join(line.strip() for line in lines).replace(" ", "") == text.replace(" ", "")
        assert not [line for line in lines[1:] if line.strip()[:1] in NO_START], (width, lines)
        assert not [line for line in lines[:-1] if line.strip()[-1:] in "（“《"], (width, lines)


# --- what check prints, in Chinese ---------------------------------------------------------------

FIXABLE = "区科技局2023年工作总结\n本单位深入贯彻落实總結(jié)精神，推进项目建设。\n"


def _representative_runs(tmp_path) -> list[tuple[str, object]]:
    """A set of invocations in Chinese: check with findings (text, concise), clean check,
    --statistics, --fix, --diff, baseline, errors and warnings, rule, dedupe's summary."""
    (tmp_path / "草稿.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "fix.txt").write_text(FIXABLE, encoding="utf-8")
    (tmp_path / "diff.txt").write_text(FIXABLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03binary")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "kjlint.toml").write_text('selct = ["KJ2"]\n', encoding="utf-8")
    (bad / "a.txt").write_text(CLEAN, encoding="utf-8")
    corpus = tmp_path / "语料"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"{i}.txt").write_text(DRAFT.replace("2023", str(2020 + i)) * 3, encoding="utf-8")
    zh = ("--lang", "zh")
    runs = [
        ("check", invoke("check", *zh, "草稿.txt", cwd=tmp_path)),
        ("concise", invoke("check", *zh, "--format", "concise", "草稿.txt", cwd=tmp_path)),
        ("clean", invoke("check", *zh, "clean.txt", cwd=tmp_path)),
        ("statistics", invoke("check", *zh, "--statistics", "草稿.txt", "fix.txt", cwd=tmp_path)),
        ("fix", invoke("check", *zh, "--fix", "fix.txt", cwd=tmp_path)),
        ("diff", invoke("check", *zh, "--diff", "diff.txt", cwd=tmp_path)),
        ("unsafe", invoke("check", *zh, "--unsafe-fixes", "--diff", "草稿.txt", cwd=tmp_path)),
        ("baseline", invoke("check", *zh, "--baseline", "b.json", "--update-baseline", "草稿.txt", cwd=tmp_path)),
        ("no baseline", invoke("check", *zh, "--baseline", "nothing.json", "草稿.txt", cwd=tmp_path)),
        ("baseline needs file", invoke("check", *zh, "--update-baseline", "草稿.txt", cwd=tmp_path)),
        ("inputs", invoke("check", *zh, "missing.txt", "binary.txt", "empty.txt", "old.doc", "clean.txt",
                          cwd=tmp_path)),
        ("selector", invoke("check", *zh, "--select", "KJ999", "草稿.txt", cwd=tmp_path)),
        ("config", invoke("check", *zh, "a.txt", cwd=bad)),  # names the known keys: identifiers
        ("output", invoke("check", *zh, "-o", "草稿.txt", "草稿.txt", cwd=tmp_path)),
        ("fix stdin", invoke("check", *zh, "--fix", "-", cwd=tmp_path, input=FIXABLE.encode())),
        ("choice", invoke("check", *zh, "--format", "xml", "草稿.txt", cwd=tmp_path)),
        ("range", invoke("check", *zh, "-j", "0", "草稿.txt", cwd=tmp_path)),
        ("rule", invoke("rule", *zh, "nosuch", cwd=tmp_path)),
        ("dedupe", invoke("dedupe", *zh, str(corpus), "--no-cache", "--keep-list", "keep.txt", cwd=tmp_path,
                          env={"COLUMNS": "200"})),
        ("dedupe error", invoke("dedupe", *zh, "--bands", "64", "--rows", "8", str(corpus), cwd=tmp_path)),
    ]
    return runs


def test_no_english_word_is_left_in_the_chinese_output_of_the_command_line(tmp_path):
    runs = _representative_runs(tmp_path)
    for what, r in runs:
        out = r.stdout + r.stderr
        out = re.sub(r"^(?:---|\+\+\+|@@|[-+ ]).*$", "", out, flags=re.M) if what in ("diff", "unsafe") else out
        assert out.strip(), what
        names = RULE_NAMES | (CONFIG_KEYS if what == "config" else set())
        assert english_words(out, [tmp_path / "bad", tmp_path, "语料", "keep.txt", "b.json", "nothing.json"],
                             names) == [], (what, out)
        assert CJK.search(out), what
    out = {what: r.stdout + r.stderr for what, r in runs}
    assert "已修复 1 处问题。" in out["fix"]
    assert "补丁可修复 1 处问题。" in out["diff"]
    assert re.search(r"已将 \d+ 处问题写入基线文件 b\.json。", out["baseline"])
    assert "kjlint 错误：nothing.json：找不到基线文件（可用 --update-baseline 生成）" in out["no baseline"]
    assert "kjlint 错误：missing.txt：文件或文件夹不存在" in out["inputs"]
    assert "kjlint 错误：binary.txt：二进制文件（含 NUL 字节），已跳过" in out["inputs"]
    assert "kjlint 警告：empty.txt：文件为空，没有可检查的内容" in out["inputs"]
    assert "kjlint 错误：共 5 个输入，其中 3 个未能检查（原因见上方的错误信息）" in out["inputs"]
    assert "未知的配置项“selct”" in out["config"]
    assert "-：标准输入的修复无法写回（可用 --diff 输出补丁）" in out["fix stdin"]
    assert "     2  KJ403  拼音注音残留   pinyin-annotation\n" in out["statistics"]


def test_statistics_table_lines_up_in_display_cells(tmp_path):
    (tmp_path / "草稿.txt").write_text(DRAFT, encoding="utf-8")
    zh = invoke("check", "--lang", "zh", "--statistics", "草稿.txt", cwd=tmp_path).stdout.splitlines()
    en = invoke("check", "--lang", "en", "--statistics", "草稿.txt", cwd=tmp_path).stdout.splitlines()
    assert zh[-2].startswith("在 1 个文件中发现 6 处问题") and en[-2].startswith("Found 6 findings")
    zh, en = zh[:-2], en[:-2]
    assert len(zh) == len(en) == 6
    catalog = load_catalog()
    i18n.set_language("zh")
    starts = set()
    for line in zh:
        count, code, title, name = re.match(r"^( {0,5}\d+)  (KJ\d{3})  (\S.*?) +(\S+)$", line).groups()
        assert title == catalog.rules[code].title and name == catalog.rules[code].name
        starts.add(display_width(line[:line.rindex(name)]))
    assert len(starts) == 1  # every name starts in the same column, Chinese titles before it
    assert [re.sub(r"\s+", " ", line.strip()).split(" ")[:2] for line in zh] == \
        [line.split()[:2] for line in en]
    assert all(re.fullmatch(r" {0,5}\d+  KJ\d{3}  [a-z0-9-]+", line) for line in en)  # English unchanged


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_carets_stand_under_the_flagged_text_with_full_width_text(tmp_path, lang):
    text = "区科技局工作总结\n全年争取上级资金*万元，ABC走访xx家企业，完成投资１２亿元。\n"
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    out = invoke("check", "--lang", lang, "--select", "KJ201,KJ202", "d.txt", cwd=tmp_path).stdout
    frames = re.findall(r"^( \d+ \| )(.*)\n( +\| )( *)(\^+)$", out, re.M)
    assert len(frames) == 2
    for gutter, line, caret_gutter, pad, carets in frames:
        assert cells(gutter) == cells(caret_gutter)
        column = 0  # find the character the first caret stands under, counting display cells
        for i, ch in enumerate(line):
            if column >= cells(pad):
                break
            column += cells(ch)
        assert column == cells(pad), (line, pad)  # not in the middle of a wide character
        flagged = "*" if line[i] == "*" else line[i:i + 2]
        assert flagged in ("*", "xx") and len(carets) == cells(flagged), (line, pad, carets)


# --- machine formats ------------------------------------------------------------------------------

def _run_format(tmp_path, fmt, lang):
    r = invoke("check", "--lang", lang, "--format", fmt, "草稿.txt", "missing.txt", cwd=tmp_path)
    assert r.exit_code == 2
    return r.stdout


def test_machine_formats_carry_the_message_of_the_language_and_stable_codes_and_names(drafts):
    zh = json.loads(_run_format(drafts, "json", "zh"))
    en = json.loads(_run_format(drafts, "json", "en"))
    strip = [{k: v for k, v in f.items() if k not in ("message", "error", "related")} for f in en]
    assert strip == [{k: v for k, v in f.items() if k not in ("message", "error", "related")} for f in zh]
    pairs = [(a, b) for a, b in zip(zh, en) if "message" in a]
    assert len(pairs) >= 5
    for a, b in pairs:
        assert CJK.search(re.sub(r"“[^”]*”", "", a["message"])) and a["message"] != b["message"]
        assert a["code"] == b["code"] and a["name"] == b["name"] and a["name"] in RULE_NAMES
    assert {"path": "missing.txt", "error": "missing.txt：文件或文件夹不存在"} in zh

    jsonl = [json.loads(line) for line in _run_format(drafts, "jsonl", "zh").splitlines()]
    assert jsonl == zh

    sarif = json.loads(_run_format(drafts, "sarif", "zh"))
    run = sarif["runs"][0]
    assert [r["message"]["text"] for r in run["results"]] == [f["message"] for f in zh if "message" in f]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == {f["code"] for f in zh if "code" in f}
    assert all(CJK.search(r["help"]["text"]) and r["name"] in RULE_NAMES for r in run["tool"]["driver"]["rules"])
    assert "运行 `kjlint rule KJ201` 可查看示例。" in json.dumps(run, ensure_ascii=False)
    notification = run["invocations"][0]["toolExecutionNotifications"][0]
    assert notification["message"]["text"] == "missing.txt：文件或文件夹不存在"

    rdjson = json.loads(_run_format(drafts, "rdjson", "zh"))
    assert [d["message"] for d in rdjson["diagnostics"]] == [f.get("message", f.get("error")) for f in zh]
    assert [d["code"]["value"] for d in rdjson["diagnostics"] if "code" in d] == [f["code"] for f in zh if "code" in f]

    junit = ET.fromstring(_run_format(drafts, "junit", "zh"))
    cases = [c for c in junit.iter("testcase") if c.find("failure") is not None]
    assert [c.find("failure").get("message") for c in cases] == [f["message"] for f in zh if "message" in f]
    assert all(re.fullmatch(r"KJ\d{3} [a-z0-9-]+，第 \d+ 行第 \d+ 列", c.get("name")) for c in cases)
    assert all(c.find("failure").get("type") == f["code"] for c, f in zip(cases, [f for f in zh if "code" in f]))

    github = _run_format(drafts, "github", "zh").splitlines()
    assert github[0] == "::error file=missing.txt,title=kjlint 输入错误::missing.txt：文件或文件夹不存在"
    for line, f in zip(github[1:], [f for f in zh if "code" in f]):
        assert f"title={f['code']} {f['name']}::{f['code']} {f['message']}" in line


# --- the progress display ------------------------------------------------------------------------

def test_progress_bar_label_is_translated(monkeypatch):
    import io

    from rich.console import Console

    from kjlint import cli

    buffer = io.StringIO()
    monkeypatch.setattr(cli, "_stderr_console", lambda: Console(file=buffer, force_terminal=True, width=80))

    def lint_paths(paths, progress=None, **_kw):
        for i in range(10):
            progress(i + 1, 10)
        return []

    i18n.set_language("zh")
    cli._run_with_progress(lint_paths, ["a"], None, None, 1, "text", True)
    assert "正在检查" in buffer.getvalue()
    buffer.truncate(0)
    i18n.set_language("en")
    cli._run_with_progress(lint_paths, ["a"], None, None, 1, "text", True)
    assert "Linting" in buffer.getvalue()
