"""The HTML reports, dedupe's summary, --show and side-by-side view in Chinese (issue #13).

Tests run in English (tests/conftest.py); each test here chooses Chinese with `set_language`. The
browser test of the Chinese report (CJK font, screenshot) is in tests/test_browser.py.
"""
from __future__ import annotations

import ast
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from kjlint import i18n
from kjlint.cli import main
from kjlint.findings import Finding, Fix, Related, Severity
from kjlint.runner import FileResult

ROOT = Path(__file__).resolve().parent.parent
# What Chinese interface text may still contain: codes (KJ201, KJ2xx), kebab-case rule names,
# the program's and commands' names, option names, units, "Jaccard", the policies' names.
ALLOWED_LATIN = re.compile(r"\.docx\b|\bKJ\d+(?:xx)?\b|\b[a-z0-9]+(?:-[a-z0-9]+)+\b|\bkjlint\b|\bdedupe\b|--[a-z-]+"
                           r"|\bMB\b|\bJaccard\b|\bHTML\b|\bJSONL?\b|\bParquet\b|\b(?:best|first|longest)(?=：)")


@pytest.fixture
def zh():
    """Chinese for this test (the autouse fixture of conftest.py restores English after it)."""
    i18n.set_language("zh")


def english_words(text: str) -> list[str]:
    """Latin words of two letters or more left once codes, names, options and units are taken out."""
    return re.findall(r"[A-Za-z]{2,}", ALLOWED_LATIN.sub(" ", text))


class _Interface(HTMLParser):
    """The interface text of a report page: visible text, titles and labels, less the document
    itself (.doc, a fix's before and after, the text cells of a diff), scripts and styles."""

    def __init__(self):
        super().__init__()
        self.stack: list[dict] = []
        self.text: list[str] = []
        self.lang = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        classes = set((attrs.get("class") or "").split())
        top = self.stack[-1] if self.stack else {"doc": False, "diff": False, "fold": False}
        diff = top["diff"] or (tag == "table" and "diff" in classes)
        fold = top["fold"] or (tag == "tr" and "fold" in classes)
        doc = (top["doc"] or bool(classes & {"doc", "before", "after"}) or tag in ("script", "style")
               or (tag == "td" and diff and not fold and "n" not in classes))
        for name in ("title", "aria-label"):
            if attrs.get(name):
                self.text.append(attrs[name])
        if tag not in ("br", "meta", "input", "col", "rect", "line"):
            self.stack.append({"tag": tag, "doc": doc, "diff": diff, "fold": fold})

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]["doc"]):
            self.text.append(data)


def interface(html: str, *names: str) -> tuple[str | None, str, str]:
    """(the page's lang, its interface text joined as it reads, the same with a space between
    pieces), file names and ids taken out."""
    page = _Interface()
    page.feed(html)
    joined, spaced = "".join(page.text), " ".join(page.text)
    for name in sorted(names, key=len, reverse=True):
        joined, spaced = joined.replace(name, " "), spaced.replace(name, " ")
    return page.lang, joined, spaced


def _findings(path: str, text: str) -> list[Finding]:
    at = text.index("xx")
    double = text.index("  ")
    return [
        Finding("KJ201", "x-mask", Severity.ERROR, "占位符残留：项目数被字母代替，请填写实际数字",
                at, at + 2, path=path, line=3, column=at - text.rindex("\n", 0, at)),
        Finding("KJ701", "double-space", Severity.WARNING, "多余空格", double, double + 2,
                Fix("", double, double + 2), path=path, line=3, column=3),
        Finding("KJ101", "duplicate-paragraph", Severity.INFO, "段落重复", 0, 4, None,
                [Related(path, 1, 1, "第一次出现"), Related("其他.txt", 4, 2)], path=path, line=1, column=1),
        Finding("KJ302", "truncated-ending", Severity.WARNING, "正文末尾缺少句号，可能被截断",
                len(text) - 1, len(text) - 1, None, [], path=path, line=4, column=6,
                where="table 1, row 2, cell 3"),
    ]


DRAFT = "工作总结\n一、主要工作\n全年  完成xx项。\n没有写完\n"


def _check_results():
    return [FileResult("甲.txt", _findings("甲.txt", DRAFT), text=DRAFT,
                       line_sources=["paragraph 1", "paragraph 2", "table 1, row 2, cell 3", "header (section 1)"]),
            FileResult("乙.txt", [], text="安静的一段话。\n"),
            FileResult("丙.docx", [], text=None),
            FileResult("坏.docx", [], error="坏.docx：不是有效的 .docx 文件")]


def test_check_report_interface_is_chinese(zh):
    from kjlint.formats.html import render_html

    html = render_html(_check_results())
    lang, text, spaced = interface(html, "甲.txt", "乙.txt", "丙.docx", "坏.docx", "其他.txt")
    assert lang == "zh-CN"
    assert english_words(spaced) == [], spaced
    for words in ("kjlint 检查报告", "规则代码", "全部", "共 4 处问题，显示 4 处", "共 4 个文件，发现 4 处问题",
                  "错误 1 处", "警告 2 处", "提示 1 处", "文件", "问题数", "按级别", "KJ2xx 占位符（1）",
                  "KJ1xx 重复内容（1）", "安全修复：", "相关位置：第 1 行第 1 列", "第 3 行第", "未发现问题。",
                  "（未保留文档正文）", "表格 1 第 2 行第 3 格", "第 1 段", "页眉（第 1 节）"):
        assert words in text, words
    # Rules by their Chinese title, the stable name as a tooltip; a house rule by its name.
    assert '<span class="rule" title="x-mask">字母 x 占位符</span>' in html
    assert "· double-space</span>" in html
    # The filters still work on the stable codes and severities.
    assert 'id="flt-error"' in html and 'data-sev="error"' in html and '<option value="KJ201">' in html
    assert '<div class="doc" lang="zh-CN">' in html


def test_check_report_in_english_keeps_its_text(tmp_path):
    from kjlint.formats.html import render_html

    html = render_html(_check_results())
    lang, text, _ = interface(html)
    assert lang == "en"
    for words in ("kjlint report", "4 of 4 findings shown", "4 files, 4 findings", "1 error 2 warning 1 info",
                  "By severity", "KJ2xx placeholders", "safe fix:", "related: ", "line 1:1", "No findings.",
                  "(document text not kept)", "table 1, row 2, cell 3", "header (section 1)"):
        assert words in text, words
    assert '<div class="doc" lang="zh-CN">' in html  # the document is Chinese whatever the interface


def test_every_family_and_severity_has_a_chinese_name(zh):
    from kjlint.catalog import FAMILIES
    from kjlint.formats.html import family_name, severity_name

    for family in [*FAMILIES, "KJ9"]:
        name = family_name(family)
        assert name and english_words(name) == [], (family, name)
    assert [severity_name(s) for s in Severity] == ["提示", "警告", "错误"]


def test_check_command_writes_a_chinese_report(zh, tmp_path):
    draft = tmp_path / "草稿.txt"
    draft.write_text("2023年xx区科技局工作总结\n一、主要工作\n全年完成项目xx项，投入*万元。\n", encoding="utf-8")
    out = tmp_path / "报告.html"
    result = CliRunner().invoke(main, ["check", str(draft), "--format", "html", "-o", str(out)])
    assert result.exit_code == 1, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    assert "<title>kjlint 检查报告</title>" in html and "共 1 个文件" in html


def _clusters(tmp_path):
    kept = "2023年科技局工作总结\n一、主要工作\n" + "".join(f"第{i}段：全年组织企业申报项目。\n" for i in range(12))
    copy = kept.replace("第3段", "第叁段").replace("工作总结", "工作總結")
    texts = {"甲.txt": kept, "乙.txt": copy, "丙.txt": kept[:20], "丁.txt": "另一篇\n"}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    p = lambda n: str(tmp_path / n)  # noqa: E731
    return [{"cluster": 1, "members": [
        {"id": p("甲.txt"), "path": p("甲.txt"), "kept": True, "similarity": 1.0},
        {"id": p("乙.txt"), "path": p("乙.txt"), "kept": False, "similarity": 0.9},
        {"id": p("丙.txt"), "path": p("丙.txt"), "kept": False, "similarity": 0.3},
        {"id": p("无.txt"), "path": p("无.txt"), "kept": False, "similarity": 0.8}]},
        {"cluster": 2, "members": [
            {"id": p("丁.txt"), "path": p("丁.txt"), "kept": True, "similarity": 1.0},
            {"id": p("丁.txt"), "path": p("丁.txt"), "kept": False, "similarity": 1.0}]}]


def test_dedupe_report_interface_is_chinese(zh, tmp_path):
    from kjlint.formats.dedupe_html import diff_rows, render_dedupe_report, texts_from_sources

    clusters = _clusters(tmp_path)
    html = render_dedupe_report(clusters, texts_from_sources(clusters), timings={"read+sign": 1.5, "verify+keep": 0.25},
                                max_clusters=1)
    ids = [m["id"] for c in clusters for m in c["members"]]
    lang, text, spaced = interface(html, *ids)
    assert lang == "zh-CN"
    assert english_words(spaced) == [], spaced
    for words in ("kjlint 去重报告", "重复组数", "重复文档数（剔除）", "经核验的文档对相似度（4 对）",
                  "4 对文档相似度分布图", "最高", "各阶段用时", "读取并计算签名", "核验并取舍", "1.50 秒", "合计",
                  "1.75 秒", "共 2 组，仅显示篇数最多的 1 组。", "第 1 组：共 4 篇，保留", "保留", "剔除", "相似度 0.900",
                  "无法读取本篇的正文", "保留：", "剔除：", "仅繁简字形不同", "段相同"):
        assert words in text, words
    assert '<table class="diff" lang="zh-CN">' in html
    folded = "".join(diff_rows("\n".join(f"第{i}段。" for i in range(40)),
                               "\n".join(f"第{i}段。" for i in range(40)).replace("第1段", "第壹段"), max_changed=0))
    assert "……另有 1 段改动未显示……" in folded and "……36 段相同……" in folded
    empty = render_dedupe_report([], lambda m: None)
    assert "未发现重复文档。" in empty and "未记录用时" in empty


def _corpus(root: Path) -> Path:
    root.mkdir()
    body = "\n".join(f"第{i}项：全年组织企业申报科技项目{i}项，推进创新型县区建设，争取资金{i * 10}万元。"
                     for i in range(1, 25))
    (root / "甲.txt").write_text("2023年科技局工作总结\n" + body + "\n二、存在问题\n企业研发投入不足。\n", encoding="utf-8")
    (root / "乙.txt").write_text("2023年科技局工作總結\n" + body + "\n", encoding="utf-8")
    (root / "丙.txt").write_text("2023年科技局工作总结\n" + body[: len(body) // 2] + "\n", encoding="utf-8")
    (root / "丁.txt").write_text("一篇无关的短文，讲述社区志愿服务的安排。\n" * 20, encoding="utf-8")
    return root


def test_dedupe_summary_show_and_written_files_in_chinese(zh, tmp_path):
    from rich.cells import cell_len

    corpus = _corpus(tmp_path / "语料")
    clusters = tmp_path / "重复组.jsonl"
    r = CliRunner().invoke(main, ["dedupe", str(corpus), "--clusters", str(clusters), "--no-cache", "--show", "1",
                                  "--report", str(tmp_path / "r.html")], env={"COLUMNS": "300"})
    assert r.exit_code == 0, r.output
    out = r.output
    paths = sorted((str(p) for p in [*corpus.iterdir(), clusters, tmp_path / "r.html"]), key=len, reverse=True)
    plain = out
    for p in paths:
        plain = plain.replace(p, " ")
    assert english_words(plain) == [], plain
    for words in ("第 1 组：保留", "相似度（Jaccard）", "指标", "数值", "文档数", "重复组数", "经核验的重复文档对",
                  "用时：读取并计算签名", "用时：合计", "已写入", "个重复组", "HTML 报告，含 1 个重复组"):
        assert words in out, words
    # Every table row is as wide as its border, in display cells (full-width characters count two).
    assert len(_tables(out)) == 2  # the side-by-side view and the summary
    for block in _tables(out):
        assert len({cell_len(line) for line in block}) == 1, block
    # The clusters file carries the reasons in the language of the run; the keys stay stable.
    members = [m for line in clusters.read_text(encoding="utf-8").splitlines() for m in json.loads(line)["members"]]
    assert all(set(m) == {"id", "path", "kept", "similarity", "reason"} for m in members)
    assert any(m["reason"].startswith("best：") for m in members if m["kept"])
    for m in members:
        reason = m["reason"]
        for p in paths:
            reason = reason.replace(p, " ")
        assert english_words(reason) == [], m

    dry = CliRunner().invoke(main, ["dedupe", str(corpus), "--no-cache"])
    assert "试运行：未写出任何文件" in dry.output


def _tables(out: str) -> list[list[str]]:
    """Each box-drawn table of the output, as its lines from top border to bottom border."""
    blocks, current = [], None
    for line in out.splitlines():
        if line.startswith(("┏", "┌")):
            current = [line]
        elif current is not None:
            current.append(line)
            if line.startswith("└"):
                blocks.append(current)
                current = None
    return blocks


def test_side_by_side_keeps_columns_aligned_with_full_width_text():
    from rich.cells import cell_len
    from rich.console import Console

    from kjlint.dedupe.sidebyside import render_side_by_side

    a = "一、主要工作\n全年组织企业申报科技项目１２项，推进创新型县区建设，争取资金１０万元。\n二、存在问题\n"
    b = a.replace("１２", "１５").replace("二、", "三、") + "ｘｘ附加段落，ABC混排文字。\n"
    for width in (40, 41, 57, 80):
        console = Console(width=width, record=True, force_terminal=False, color_system=None)
        render_side_by_side(a, b, "保留：甲.txt", "剔除：乙.txt", console)
        lines = console.export_text().splitlines()
        assert lines and {cell_len(line) for line in lines} == {width}, (width, lines)
        cells = "".join(lines)
        for ch in "申报科技项目创新型":  # no character is split or lost
            assert cells.count(ch) >= 2
        # 避头尾: in each column, no line starts with a closing mark (the character before came down).
        from kjlint.dedupe.sidebyside import NO_LINE_START

        for line in lines[3:-1]:
            for cell in line.split("│")[1:-1]:
                assert cell.strip()[:1] not in NO_LINE_START, (width, line)


def test_line_breaks_never_start_a_line_with_a_closing_mark():
    from rich.cells import cell_len

    from kjlint.dedupe.sidebyside import NO_LINE_END, NO_LINE_START, line_breaks

    text = "全年组织企业申报科技项目12项，开展科技活动周（第三届），推进“创新型县区”建设。争取资金10万元。"
    for width in range(6, 40):
        breaks = line_breaks(text, width)
        pieces = [text[a:b] for a, b in zip([0, *breaks], [*breaks, len(text)])]
        assert "".join(pieces) == text
        assert all(cell_len(piece) <= width for piece in pieces), (width, pieces)
        assert all(piece[0] not in NO_LINE_START for piece in pieces[1:]), (width, pieces)
        assert all(piece[-1] not in NO_LINE_END for piece in pieces[:-1]), (width, pieces)
    assert line_breaks("，，，，，，，，，，", 4) == [2, 4, 6, 8]  # marks only: break where they fit


@pytest.mark.parametrize("where, shown", [
    ("paragraph 12", "第 12 段"),
    ("table 1, row 2, cell 3", "表格 1 第 2 行第 3 格"),
    ("table 2, row 1, cell 1, row 3, cell 4", "表格 2 第 1 行第 1 格 第 3 行第 4 格"),
    ("text box in paragraph 4", "第 4 段中的文本框"),
    ("text box in table 1, row 2, cell 3", "表格 1 第 2 行第 3 格中的文本框"),
    ("header (section 1)", "页眉（第 1 节）"),
    ("even page footer (section 2)", "偶数页页脚（第 2 节）"),
    ("footnote 2", "脚注 2"), ("endnote 3", "尾注 3"), ("comment 1", "批注 1"),
    ("somewhere else", "somewhere else"),
])
def test_places_in_a_word_file_in_chinese(zh, where, shown):
    from kjlint.wordplace import place_name

    assert place_name(where) == shown
    i18n.set_language("en")
    assert place_name(where) == where


def test_keep_reasons_in_chinese(zh):
    from kjlint.dedupe.keep import Candidate, choose

    _, reason = choose([Candidate(0, 100, 3), Candidate(1, 90, 0)], "best")
    assert reason == "best：质量问题最少（本篇 0 处，其他副本 3 处）"
    assert choose([Candidate(0, 100), Candidate(1, 90)], "first")[1] == "first：在输入中排在最前"
    assert choose([Candidate(0, 100), Candidate(1, 120)], "longest")[1] == "longest：正文最长（120 字）"


def test_every_dedupe_measure_and_phase_has_a_chinese_name(zh, tmp_path):
    from kjlint.dedupe import DedupeConfig, dedupe
    from kjlint.formats.dedupe_labels import measure_name, phase_name

    result = dedupe([str(_corpus(tmp_path / "c"))], DedupeConfig(cache_dir=None, jobs=1))
    for key in [*result.summary(), "duplicates (dropped)"]:
        assert english_words(measure_name(key)) == [], key
    for key in [*result.timings, "write", "total", "sign"]:  # both engines run the same phases
        assert english_words(phase_name(key)) == [], key


def _marked_strings(tree: ast.AST):
    """(msgid, line) of every _() and ngettext() call with literal arguments, f-strings included."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                yield node.args[0].value, node.lineno


def test_every_marked_string_is_in_the_catalogue_even_inside_an_f_string():
    """Babel's extractor does not look inside f-string expressions (f'{_("all")}' was missed and
    shown in English); reading the code with ast finds every marked string."""
    from babel.messages.pofile import read_po

    with open(ROOT / "kjlint/locale/zh/LC_MESSAGES/kjlint.po", "rb") as fh:
        catalog = read_po(fh, locale="zh")
    known = {m.id if isinstance(m.id, str) else m.id[0]: m.string for m in catalog if m.id}
    missing = []
    for path in sorted((ROOT / "kjlint").rglob("*.py")):
        for msgid, line in _marked_strings(ast.parse(path.read_text(encoding="utf-8"))):
            translated = known.get(msgid)
            if not translated or not all(translated if isinstance(translated, (tuple, list)) else [translated]):
                missing.append(f"{path.relative_to(ROOT)}:{line}: {msgid!r}")
    assert missing == []


def test_reports_modules_mark_their_strings_with_f_strings_outside():
    """The same gap, caught where it starts: no _() call inside an f-string in the reports' code."""
    found = []
    for rel in ("kjlint/formats/html.py", "kjlint/formats/dedupe_html.py", "kjlint/formats/dedupe_labels.py",
                "kjlint/dedupe/cli.py", "kjlint/dedupe/sidebyside.py"):
        tree = ast.parse((ROOT / rel).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                found += [f"{rel}:{n.lineno}" for n in ast.walk(node) if isinstance(n, ast.Call)
                          and isinstance(n.func, ast.Name) and n.func.id in ("_", "ngettext")]
    assert found == []


# ---- README.zh.md ----

def _quick_start(text: str, heading: str) -> list[str]:
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, re.S)


def test_chinese_readme_is_linked_both_ways_and_has_the_same_quick_start():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    chinese = (ROOT / "README.zh.md").read_text(encoding="utf-8")
    assert "](README.zh.md)" in "\n".join(readme.splitlines()[:4])
    assert "](README.md)" in "\n".join(chinese.splitlines()[:4])
    assert _quick_start(chinese, "## 快速上手") == _quick_start(readme, "## Quick start")
    for section in ("## 界面语言", "## 用法", "## 配置", "## 输出格式", "### Word 文档", "### 网页报告",
                    "## pre-commit", "## 去重"):
        assert section in chinese, section


def test_every_option_the_chinese_readme_names_exists():
    import click

    from kjlint.cli import main as cli

    known = set()
    ctx = click.Context(cli)
    for name in cli.list_commands(ctx):
        for param in cli.get_command(ctx, name).params:
            known.update(o for o in [*param.opts, *param.secondary_opts] if o.startswith("--"))
    chinese = (ROOT / "README.zh.md").read_text(encoding="utf-8")
    named = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", chinese))
    assert named - known == set()
    formats = re.search(r"`--format ([a-z|]+)`", chinese).group(1).split("|")
    from kjlint.formats import FORMATS
    assert sorted(formats) == sorted(FORMATS)
    profiles = set(re.findall(r"`([a-z]+(?:-[a-z]+)+)`（[^）]*(?:总结|计划|报告)）", chinese))
    from kjlint.catalog import load_catalog
    assert profiles == set(load_catalog().profiles), profiles


def test_dedupe_report_module_help_and_errors_in_chinese(zh, capsys, tmp_path):
    from kjlint.formats.dedupe_html import main as report_main

    with pytest.raises(SystemExit):
        report_main(["-h"])
    out = capsys.readouterr().out
    assert out.startswith("用法：python -m kjlint.formats.dedupe_html") and "显示本帮助并退出" in out
    assert english_words(re.sub(r"（默认 \w+）", " ", out.replace("python -m kjlint.formats.dedupe_html", " "))) == [], out
    with pytest.raises(SystemExit):
        report_main([str(tmp_path / "c.jsonl")])
    assert "错误：缺少以下参数：-o/--output" in capsys.readouterr().err
    bad = tmp_path / "坏.jsonl"
    bad.write_text("{不是 JSON\n", encoding="utf-8")
    assert report_main([str(bad), "-o", str(tmp_path / "r.html")]) == 2
    printed = capsys.readouterr().out
    assert printed.startswith("kjlint 错误：") and "坏.jsonl:1：不是有效的 JSON" in printed
    import argparse
    assert argparse._("usage: ") == "usage: "  # argparse is left as it was


def test_workers_write_reasons_in_the_drivers_language():
    """Workers (local processes, Spark executors) describe clusters in the driver's language, whatever
    their environment says: the run's context carries it and sets it up in each worker."""
    import pickle

    import numpy as np

    from kjlint.dedupe.method import DedupeConfig, describe_cluster
    from kjlint.dedupe.method.context import Context
    from kjlint.i18n import language, set_language

    before = language()
    try:
        set_language("en")
        context = pickle.loads(pickle.dumps(Context(DedupeConfig(keep="first"), language="zh")))  # as shipped
        context.prepare()
        members = describe_cluster([0, 1], index=[0, 1], ids=["d0", "d1"], paths=["d0.txt", "d1.txt"],
                                   chars=[90, 90], norm_len=np.array([90, 90]), rep=np.array([0, 0]), sets={},
                                   findings={}, policy="first")
        assert [m.reason for m in members] == ["first：在输入中排在最前", "规范化后与 d0 完全相同"]
    finally:
        set_language(before)