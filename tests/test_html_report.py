"""HTML reports, checked as documents (the browser test checks them rendered)."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from kjlint.cli import main
from kjlint.findings import Finding, Fix, Severity
from kjlint.formats.dedupe_html import (diff_rows, histogram_svg, read_clusters, render_dedupe_report,
                                        texts_from_sources)
from kjlint.formats.html import _segments, render_html
from kjlint.runner import FileResult

DRAFT = ("2023年xx区科技局工作总结\n"
         "一、主要工作情况\n"
         "全年组织企业申报项目xx项。<script>alert('x')</script>\n"
         "二、存在问题\n"
         "企业研发投入不足。\n")


class _Collector(HTMLParser):
    """Tags, attributes and visible text of a page (scripts' and styles' own code excluded)."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.script_bodies: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("br", "meta", "input", "col", "rect", "line"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "script":
            self.script_bodies.append(data)
        elif not (self.stack and self.stack[-1] == "style"):
            self.text.append(data)


def _parse(html: str) -> _Collector:
    c = _Collector()
    c.feed(html)
    return c


def _check_report(tmp_path, *files, extra=()):
    paths = []
    for name, text in files:
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["check", *paths, "--format", "html", "-o", str(out), *extra])
    assert result.exit_code in (0, 1), result.output
    js = CliRunner().invoke(main, ["check", *paths, "--format", "json", *extra])
    return out.read_text(encoding="utf-8"), json.loads(js.stdout)


def test_self_contained_and_escaped(tmp_path):
    html, findings = _check_report(tmp_path, ("draft.txt", DRAFT))
    page = _parse(html)
    # No network: no external scripts, styles, images or links to fetch.
    for tag, attrs in page.tags:
        assert "src" not in attrs or attrs["src"].startswith("data:"), (tag, attrs)
        if tag == "link":
            pytest.fail(f"external stylesheet or resource: {attrs}")
    assert not re.search(r"https?://", html)
    # The document's <script> is text, not a script: exactly one script element (ours).
    assert [t for t, _ in page.tags].count("script") == 1
    assert "alert('x')" not in "".join(page.script_bodies)
    assert "<script>alert('x')</script>" in "".join(page.text)
    assert findings  # the draft has placeholders


def test_every_finding_highlighted_in_place_and_listed(tmp_path):
    html, findings = _check_report(tmp_path, ("draft.txt", DRAFT))
    page = _parse(html)
    items = [a for t, a in page.tags if t == "li" and "finding" in a.get("class", "")]
    assert len(items) == len(findings)
    marks = {}
    for t, a in page.tags:
        if t == "mark":
            for fid in a["data-f"].split():
                marks.setdefault(fid, 0)
                marks[fid] += 1
    anchors = {a["id"] for t, a in page.tags if t == "span" and a.get("class") == "anchor"}
    for item in items:
        assert item["data-id"] in marks, item
        assert item["data-id"] in anchors
    # The highlighted text of the first KJ201 finding is the placeholder at its line/column.
    lines = DRAFT.split("\n")
    kj201 = [f for f in findings if f["code"] == "KJ201"]
    assert kj201
    f = kj201[0]
    expected = lines[f["line"] - 1][f["column"] - 1:f["end_column"] - 1]
    fid = next(i["data-id"] for i in items if i["data-code"] == "KJ201")
    m = re.search(rf'<mark class="f [^"]*" data-f="[^"]*\b{re.escape(fid)}\b[^"]*">([^<]*)</mark>', html)
    assert m and m.group(1) == expected


def test_panel_counts_by_family_and_filters(tmp_path):
    html, findings = _check_report(tmp_path, ("draft.txt", DRAFT))
    families = {}
    for f in findings:
        families[f["family"]] = families.get(f["family"], 0) + 1
    for family, n in families.items():
        assert re.search(rf"<h3>{family}xx [a-z]+ \(<span class=\"famcount count\" data-list=\"[^\"]+\">{n}</span>\)",
                         html), family
    page = _parse(html)
    codes = [a.get("value") for t, a in page.tags if t == "option"]
    assert codes[0] == "" and sorted(codes[1:]) == sorted({f["code"] for f in findings})
    assert {a["id"] for t, a in page.tags if t == "input"} == {"flt-error", "flt-warning", "flt-info"}


def test_fix_shown_before_after():
    text = "一、工作总结\n全年完成项目  12项。\n"
    at = text.index("  ")
    fix = Fix("", at, at + 2)
    f = Finding("KJ701", "double-space", Severity.WARNING, "two spaces", at, at + 2, fix, path="a.txt",
                line=2, column=7, end_line=2, end_column=9)
    html = render_html([FileResult("a.txt", [f], text=text)])
    m = re.search(r'<div class="fix">(.*?)</div>', html)
    assert m
    assert "<del>  </del>" in m.group(1) and "<ins>∅</ins>" in m.group(1)
    assert "完成项目" in m.group(1)


def test_many_files_index_then_sections(tmp_path):
    html, findings = _check_report(tmp_path, ("a.txt", DRAFT), ("b.txt", "2023年工作计划\n一、目标\n完成xx项。\n"),
                                   ("c.txt", "安静的一段话。\n"))
    page = _parse(html)
    index_links = [a["href"][1:] for t, a in page.tags if t == "a" and a.get("href", "").startswith("#file")]
    sections = [a["id"] for t, a in page.tags if t == "section"]
    assert index_links == sections == ["file0", "file1", "file2"]
    assert html.index('class="index"') < html.index('id="file0"')
    ids = [a["id"] for t, a in page.tags if "id" in a]
    assert len(ids) == len(set(ids))


def test_input_errors_shown(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    good = tmp_path / "good.txt"
    good.write_text(DRAFT, encoding="utf-8")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["check", str(bad), str(good), "--format", "html", "-o", str(out)])
    assert result.exit_code == 2
    html = out.read_text(encoding="utf-8")
    assert "not a valid .docx" in html and 'class="error-msg"' in html


def test_segments_split_overlaps():
    text = "abcdef\nghij"
    lines = _segments(text, [(1, 4, "x"), (2, 9, "y")])
    assert [(p, ids) for p, ids, _ in lines[0]] == [("a", []), ("b", ["x"]), ("cd", ["x", "y"]), ("ef", ["y"])]
    assert [(p, ids) for p, ids, _ in lines[1]] == [("gh", ["y"]), ("ij", [])]
    assert [s for _, _, s in lines[0]] == [[], ["x"], ["y"], []]


# ---- dedupe report ----

KEPT = "2023年科技局工作总结\n一、主要工作\n全年组织企业申报项目12项。\n二、存在问题\n投入不足。\n"


def test_diff_rows_highlight_changes():
    rows = "".join(diff_rows(KEPT, KEPT.replace("12项", "15项") + "三、附加段落<b>x</b>\n"))
    assert "<del>2</del>" in rows and "<ins>5</ins>" in rows
    assert "<ins>三、附加段落&lt;b&gt;x&lt;/b&gt;</ins>" in rows
    assert "<b>x</b>" not in rows


def test_diff_rows_script_only_differences_are_not_edits():
    from kjlint.normalize import to_traditional

    rows = "".join(diff_rows(KEPT, to_traditional(KEPT)))
    assert "<del>" not in rows and "<ins>" not in rows
    assert "differ in script only" in rows or 'class="script"' in rows


def test_histogram_counts():
    svg = histogram_svg([0.71, 0.72, 0.99, 1.0, 0.55], bins=10)
    counts = [int(c) for c in re.findall(r'data-count="(\d+)"', svg)]
    assert sum(counts) == 5 and len(counts) == 10
    assert counts[-1] == 2 and counts[4] == 2  # 0.99 and 1.0 in the last bin; 0.71, 0.72 in 0.70–0.75


def _clusters(tmp_path):
    docs = {"a.txt": KEPT, "b.txt": KEPT.replace("12项", "15项"), "c.txt": KEPT[:30],
            "d.txt": "另一篇<script>x()</script>\n", "e.txt": "另一篇<script>y()</script>\n"}
    for name, text in docs.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    p = lambda n: str(tmp_path / n)  # noqa: E731
    clusters = [
        {"cluster": 2, "members": [{"id": p("d.txt"), "path": p("d.txt"), "kept": True, "similarity": 1.0,
                                    "reason": "first"},
                                   {"id": p("e.txt"), "path": p("e.txt"), "kept": False, "similarity": 0.8}]},
        {"cluster": 1, "members": [{"id": p("a.txt"), "path": p("a.txt"), "kept": True, "similarity": 1.0,
                                    "reason": "fewest findings, then longest"},
                                   {"id": p("b.txt"), "path": p("b.txt"), "kept": False, "similarity": 0.93},
                                   {"id": p("c.txt"), "path": p("c.txt"), "kept": False, "similarity": 0.62,
                                    "reason": "truncated copy (containment 1.00)"}]},
    ]
    path = tmp_path / "clusters.jsonl"
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in clusters), encoding="utf-8")
    return path


def test_dedupe_report_largest_first_with_diffs(tmp_path):
    clusters = read_clusters(str(_clusters(tmp_path)))
    html = render_dedupe_report(clusters, texts_from_sources(clusters),
                                similarities=[0.93, 0.62, 0.8], timings={"sign": 1.5, "verify": 0.25})
    page = _parse(html)
    order = [a["id"] for t, a in page.tags if t == "details"]
    assert order == ["cluster-1", "cluster-2"]
    assert html.count('class="diff"') == 3  # one per dropped member
    assert "0.930" in html and "truncated copy (containment 1.00)" in html
    assert "fewest findings, then longest" in html
    assert "1.50 s" in html and "verify" in html
    assert [t for t, _ in page.tags].count("script") == 0
    assert "<script>x()</script>" in "".join(page.text)
    assert sum(int(c) for c in re.findall(r'data-count="(\d+)"', html)) == 3


def test_dedupe_report_module_cli(tmp_path):
    from kjlint.formats.dedupe_html import main as report_main

    out = tmp_path / "r.html"
    assert report_main([str(_clusters(tmp_path)), "-o", str(out)]) == 0
    assert 'id="cluster-1"' in out.read_text(encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    assert report_main([str(bad), "-o", str(out)]) == 2


def test_dedupe_report_jsonl_members(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "x1", "text": KEPT}, ensure_ascii=False) + "\n"
                      + json.dumps({"id": "x2", "text": KEPT + "多一行\n"}, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    clusters = [{"cluster": 1, "members": [
        {"id": "x1", "path": str(corpus), "kept": True, "similarity": 1.0},
        {"id": "x2", "path": str(corpus), "kept": False, "similarity": 0.95}]}]
    html = render_dedupe_report(clusters, texts_from_sources(clusters))
    assert "<ins>多一行</ins>" in html


def _dedupe_corpus(root):
    """Two families of copies plus a loner; one copy is a .docx (made here with python-docx)."""
    from docx_maker import make_docx
    from kjlint.normalize import to_traditional

    root.mkdir()
    base = "2023年科技局工作总结\n一、主要工作情况\n" + "\n".join(
        f"第{i}项：全年组织企业申报科技项目{i * 3}项，开展科技活动周，推进创新型县区建设，争取资金{i * 10}万元。"
        for i in range(1, 30)) + "\n二、存在问题\n企业研发投入不足。\n三、下一步工作计划\n继续做好项目申报工作。\n"
    other = "2022年农业农村局工作总结\n" + "\n".join(
        f"第{i}点：推进乡村振兴，发展特色产业{i}个，完成高标准农田{i * 100}亩建设任务。" for i in range(1, 30)) + "\n"
    (root / "a.txt").write_text(base, encoding="utf-8")
    (root / "b.txt").write_text(to_traditional(base), encoding="utf-8")
    (root / "c.txt").write_text(base.replace("争取资金50万元", "争取资金<script>alert(1)</script>"), encoding="utf-8")
    (root / "d.txt").write_text(base[: len(base) * 7 // 10], encoding="utf-8")
    (root / "e.txt").write_text(other, encoding="utf-8")
    (root / "f.txt").write_text(other.replace("100亩", "150亩"), encoding="utf-8")
    (root / "g.txt").write_text("一篇无关的短文，讲述社区志愿服务的安排。" * 30, encoding="utf-8")
    make_docx(root / "h.docx", [line for line in base.split("\n") if line])


def run_dedupe_report(tmp_path):
    """`kjlint dedupe --report --clusters` over _dedupe_corpus: (report path, clusters)."""
    corpus = tmp_path / "corpus"
    _dedupe_corpus(corpus)
    report, clusters_path = tmp_path / "dedupe.html", tmp_path / "clusters.jsonl"
    result = CliRunner().invoke(main, ["dedupe", str(corpus), "--report", str(report), "--clusters",
                                       str(clusters_path), "--no-cache", "-q"])
    assert result.exit_code == 0, result.output
    return report, read_clusters(str(clusters_path))


def test_dedupe_command_writes_report(tmp_path):
    report, clusters = run_dedupe_report(tmp_path)
    html = report.read_text(encoding="utf-8")
    page = _parse(html)
    sizes = [int(a["data-size"]) for t, a in page.tags if t == "details"]
    assert sizes == sorted((len(c["members"]) for c in clusters), reverse=True) and sizes[0] >= 4
    assert html.count('class="diff"') == sum(len(c["members"]) - 1 for c in clusters)
    assert any(m["path"].endswith("h.docx") for c in clusters for m in c["members"])
    assert "h.docx" in html
    for c in clusters:
        for m in c["members"]:
            if not m["kept"]:
                assert f'{m["similarity"]:.3f}' in html
    assert [t for t, _ in page.tags].count("script") == 0  # the copy's <script> is text
    assert "verified pairs" in html and "read+sign" in html


def test_dedupe_report_caps_clusters_and_reads_only_shown_members(tmp_path):
    clusters = [{"cluster": n, "members": [
        {"id": f"{n}a", "path": str(tmp_path / f"{n}a.txt"), "kept": True, "similarity": 1.0},
        *({"id": f"{n}{k}", "path": str(tmp_path / f"{n}{k}.txt"), "kept": False, "similarity": 0.9}
          for k in range(n))]} for n in range(1, 8)]
    asked = []

    def text_of(m):
        asked.append(m["id"])
        return "正文\n" + m["id"]

    html = render_dedupe_report(clusters, text_of, max_clusters=3)
    order = re.findall(r'<details class="cluster" id="cluster-(\d+)"', html)
    assert order == ["7", "6", "5"]
    assert "Showing the 3 largest of 7 clusters." in html
    assert set(asked) == {m["id"] for c in clusters[4:] for m in c["members"]}
    # The histogram still counts every dropped member's similarity.
    assert sum(int(c) for c in re.findall(r'data-count="(\d+)"', html)) == sum(range(1, 8))


def test_related_place_in_same_file_links_to_its_line():
    from kjlint.findings import Related

    text = "第一段重复的话。\n别的内容。\n第一段重复的话。\n"
    f = Finding("KJ101", "duplicate-paragraph", Severity.WARNING, "repeated", 14, 22, None,
                [Related("a.txt", 1, 1, "first copy"), Related("b.txt", 4, 2)], path="a.txt",
                line=3, column=1, end_line=3, end_column=9)
    html = render_html([FileResult("a.txt", [f], text=text)])
    assert '<a class="related" href="#L0-1">line 1:1</a> first copy' in html
    assert 'id="L0-1"' in html
    assert "related: b.txt:4:2" in html


def test_diff_ignores_blank_lines_and_indentation_and_caps_rows():
    spaced = "\n\n".join("\u3000\u3000" + line for line in KEPT.splitlines()) + "\n\n\n"
    rows = "".join(diff_rows(KEPT, spaced))
    assert "<del>" not in rows and "<ins>" not in rows and "identical paragraph" in rows
    other = "\n".join(f"完全不同的第{i}段。" for i in range(50))
    capped = diff_rows(KEPT, other, max_changed=10)
    assert len([r for r in capped if 'class="chg-' in r]) == 10
    assert "more changed paragraphs not shown" in capped[-1]


def test_empty_finding_at_line_end_marks_its_own_line():
    text = "第一行\n第二行没有写完\n第三行。\n"
    at = text.index("\n", 4)  # end of line 2
    f = Finding("KJ301", "truncated", Severity.WARNING, "cut off", at, at, path="a.txt",
                line=2, column=8, end_line=2, end_column=8)
    html = render_html([FileResult("a.txt", [f], text=text)])
    line2 = re.search(r'<div class="ln" data-n="2" id="L0-2">(.*?)</div>', html).group(1)
    assert 'id="f0-0"' in line2 and "⁁" in line2


def test_docx_lines_carry_their_place(tmp_path):
    from docx_maker import make_docx

    src = make_docx(tmp_path / "a.docx", [("title", "2023年工作总结"), ("table", [["指标", "xx项"]])])
    out = tmp_path / "r.html"
    CliRunner().invoke(main, ["check", str(src), "--format", "html", "-o", str(out)])
    html = out.read_text(encoding="utf-8")
    assert re.search(r'<div class="ln" data-n="1" id="L0-1" title="paragraph 1">', html)
    assert re.search(r'<div class="ln" data-n="3" id="L0-3" title="table 1, row 1, cell 2">.*?xx', html)
