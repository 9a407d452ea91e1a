"""Both HTML reports opened in a real browser: Debian's Chromium, driven by Playwright.

Playwright is pointed at /usr/bin/chromium (no browser download). Network requests other than
the report file itself are blocked and recorded: a self-contained report makes none. Screenshots
are kept as test artifacts in $KJLINT_ARTIFACTS (default: tmp/artifacts in the repository).

When Chromium cannot start, the tests fail with the reason under CI (CI=true) and skip with the
reason locally.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kjlint.cli import main

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(os.environ.get("KJLINT_ARTIFACTS", REPO / "tmp" / "artifacts"))
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"]
XSS = "<script>window.__pwned = 1; alert('pwned')</script>"


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser test cannot run under CI: {reason}", pytrace=False)
    pytest.skip(f"browser test skipped locally: {reason}")


def _chromium_path() -> str | None:
    for name in (os.environ.get("KJLINT_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                 shutil.which("chromium-browser")):
        if name and os.path.exists(name):
            return name
    return None


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        _unavailable(f"playwright is not installed ({exc}); pip install -e '.[test]'")
    executable = _chromium_path()
    if executable is None:
        _unavailable("Chromium not found (apt-get install -y chromium; .ci/run installs it)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    pw = sync_playwright().start()
    try:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=executable, headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 800}, timeout=60_000)
    except Exception as exc:  # any launch problem: report its first line
        pw.stop()
        lines = str(exc).strip().splitlines() or [type(exc).__name__]
        # Playwright's message ends with the browser's own stderr, which names the real cause.
        tail = " ".join(" ".join(lines[1:]).split())[-400:]
        _unavailable(f"Chromium ({executable}) did not start: {lines[0]} … {tail}")
    yield context
    context.close()
    pw.stop()


@pytest.fixture
def page(browser_context):
    """A page that records dialogs, console errors and every non-file request (blocked)."""
    p = browser_context.new_page()
    p.dialogs, p.errors, p.remote = [], [], []
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    p.on("pageerror", lambda e: p.errors.append(str(e)))

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            p.remote.append(r.request.url)
            r.abort()

    p.route("**/*", route)
    yield p
    p.close()


def _screenshot(p, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    p.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 1000
    return path


def _draft() -> str:
    filler = "\n".join(f"（{i}）全年推进第{i}项重点工作，组织企业开展科技创新活动，各项任务稳步推进。"
                       for i in range(1, 60))
    return ("2023年xx区科技局工作总结\n"
            f"一、主要工作情况 {XSS}\n"
            f"{filler}\n"
            "二、存在问题\n"
            "企业研发投入不足，全年申报项目xx项。\n"
            "三、下一步工作计划\n"
            "继续做好项目申报工作，力争引进人才x名。\n")


def _check_report(tmp_path) -> tuple[Path, list[dict]]:
    src = tmp_path / "draft.txt"
    src.write_text(_draft(), encoding="utf-8")
    other = tmp_path / "plan.txt"
    other.write_text("2024年工作计划\n一、目标\n完成xx项。\n", encoding="utf-8")
    out = tmp_path / "report.html"
    runner = CliRunner()
    result = runner.invoke(main, ["check", str(src), str(other), "--format", "html", "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    findings = json.loads(runner.invoke(main, ["check", str(src), str(other), "--format", "json"]).stdout)
    return out, findings


def _in_viewport(p, selector_js: str) -> bool:
    return p.evaluate(f"""() => {{
        const el = {selector_js};
        if (!el) return false;
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight && r.height > 0;
    }}""")


def test_check_report_in_browser(page, tmp_path):
    report, findings = _check_report(tmp_path)
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    # Escaping: the document's script did not run and shows as text.
    assert page.evaluate("() => window.__pwned") is None
    assert page.dialogs == []
    assert XSS in page.inner_text("#file0 .doc")
    assert page.errors == [] and page.remote == []
    # Highlights render: one panel entry per finding, marks with a visible background.
    assert page.locator("li.finding").count() == len(findings)
    marks = page.locator("mark.f")
    assert marks.count() >= len([f for f in findings if f["end_offset"] > f["offset"]]) // 2
    bg = page.evaluate("() => getComputedStyle(document.querySelector('mark.f')).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    _screenshot(page, "check-report-top.png")

    # Clicking a finding far down the document scrolls its highlight into view.
    fid = page.evaluate("""() => {
        let best = null, top = -1;
        document.querySelectorAll('#file0 li.finding').forEach(li => {
            const id = li.getAttribute('data-id');
            const y = document.getElementById(id).getBoundingClientRect().top;
            if (y > top) { top = y; best = id; }
        });
        return best;
    }""")
    last = page.locator(f"li.finding[data-id='{fid}']")
    target = f"document.getElementById('{fid}')"
    assert not _in_viewport(page, target), "the lowest finding should start off-screen"
    before = page.evaluate("() => window.scrollY")
    last.locator("a.jump").click()
    page.wait_for_function(f"() => {{ const r = {target}.getBoundingClientRect(); "
                           f"return r.top >= 0 && r.top < window.innerHeight; }}", timeout=5000)
    assert page.evaluate("() => window.scrollY") > before
    active = page.locator("mark.f.active")
    assert active.count() >= 1 and fid in active.first.get_attribute("data-f").split()
    assert _in_viewport(page, "document.querySelector('mark.f.active')")
    _screenshot(page, "check-report-after-click.png")

    # Filters: by code, then by severity.
    code = last.get_attribute("data-code")
    page.select_option("#flt-code", code)
    visible = page.locator("li.finding:not(.hidden)")
    assert visible.count() == sum(1 for f in findings if f["code"] == code)
    assert page.inner_text("#shown-count") == str(visible.count())
    page.select_option("#flt-code", "")
    sev = last.get_attribute("data-sev")
    page.uncheck(f"#flt-{sev}")
    assert page.locator(f"li.finding[data-sev='{sev}']:not(.hidden)").count() == 0
    others = sum(1 for f in findings if f["severity"] != sev)
    assert page.locator("li.finding:not(.hidden)").count() == others
    assert page.locator(f"mark.f[data-f='{fid}']:not(.off)").count() == 0
    page.check(f"#flt-{sev}")
    assert page.locator("li.finding:not(.hidden)").count() == len(findings)


def test_check_report_index_jumps_to_file(page, tmp_path):
    report, _ = _check_report(tmp_path)
    page.goto(report.as_uri())
    assert page.locator("table.index a").count() == 2
    page.locator("table.index a").nth(1).click()
    page.wait_for_function("() => { const r = document.getElementById('file1').getBoundingClientRect();"
                           " return r.top < window.innerHeight && r.bottom > 0; }", timeout=5000)


def test_docx_report_shows_where(page, tmp_path):
    from docx_maker import make_docx

    src = make_docx(tmp_path / "报告.docx", [("title", "2023年科技局工作总结"),
                                            ("list", "chinese", 0, "主要工作"),
                                            ("table", [["指标", "xx项"]])])
    out = tmp_path / "docx.html"
    CliRunner().invoke(main, ["check", str(src), "--format", "html", "-o", str(out)])
    page.goto(out.as_uri())
    assert "一、主要工作" in page.inner_text(".doc")
    assert "table 1, row 1, cell 2" in page.inner_text(".panel")


def _dedupe_inputs(tmp_path):
    kept = "\n".join(["2023年科技局工作总结", "一、主要工作情况"]
                     + [f"第{i}段：全年组织企业申报项目，推进科技创新工作。" for i in range(1, 25)]
                     + ["二、存在问题", "企业研发投入不足，全年申报项目12项。"]) + "\n"
    dropped = kept.replace("12项", "15项").replace("第3段", "第三段") + f"附：{XSS}\n"
    files = {"kept.txt": kept, "copy.txt": dropped, "cut.txt": kept[: len(kept) * 6 // 10]}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    p = lambda n: str(tmp_path / n)  # noqa: E731
    return [{"cluster": 7, "members": [
        {"id": p("kept.txt"), "path": p("kept.txt"), "kept": True, "similarity": 1.0,
         "reason": "fewest findings, then longest"},
        {"id": p("copy.txt"), "path": p("copy.txt"), "kept": False, "similarity": 0.91},
        {"id": p("cut.txt"), "path": p("cut.txt"), "kept": False, "similarity": 0.6,
         "reason": "truncated copy"}]}]


def test_dedupe_report_in_browser(page, tmp_path):
    from kjlint.formats.dedupe_html import write_dedupe_report

    out = tmp_path / "dedupe.html"
    write_dedupe_report(str(out), _dedupe_inputs(tmp_path), similarities=[0.91, 0.6, 0.75, 0.99],
                        timings={"read": 0.4, "sign": 2.5, "verify": 0.3, "cluster": 0.01})
    page.goto(out.as_uri())
    assert page.evaluate("() => window.__pwned") is None and page.dialogs == []
    assert page.errors == [] and page.remote == []
    tables = page.locator("table.diff")
    assert tables.count() == 2 and tables.first.is_visible()
    row = tables.first.locator("tr", has_text="15项")
    assert row.count() == 1 and "12项" in row.inner_text()
    changed_old, changed_new = row.locator("del"), row.locator("ins")
    assert changed_old.inner_text() == "2" and changed_new.inner_text() == "5"
    assert changed_old.is_visible() and changed_new.is_visible()
    for el in (changed_old, changed_new):
        bg = el.evaluate("e => getComputedStyle(e).backgroundColor")
        assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    # The two sides sit next to each other.
    left = changed_old.bounding_box()
    right = changed_new.bounding_box()
    assert right["x"] > left["x"] + 200 and abs(right["y"] - left["y"]) < 5
    assert XSS in page.inner_text("table.diff >> nth=0")
    assert "0.910" in page.inner_text("#cluster-7")
    bars = page.locator("svg.hist rect.bin")
    assert sum(int(b.get_attribute("data-count")) for b in bars.all()) == 4
    assert page.locator("#histogram svg").is_visible() and "sign" in page.inner_text("#timings")
    _screenshot(page, "dedupe-report.png")


def test_real_dedupe_report_in_browser(page, tmp_path):
    """`kjlint dedupe --report` on a generated corpus (with a .docx copy), opened in Chromium."""
    from test_html_report import run_dedupe_report

    out, clusters = run_dedupe_report(tmp_path)
    page.goto(out.as_uri())
    assert page.evaluate("() => window.__pwned") is None and page.dialogs == [] and page.remote == []
    sizes = [int(d.get_attribute("data-size")) for d in page.locator("details.cluster").all()]
    assert sizes == sorted((len(c["members"]) for c in clusters), reverse=True)
    first = page.locator("details.cluster").first
    assert first.locator("table.diff").count() == sizes[0] - 1
    assert first.locator("table.diff").first.is_visible()
    assert page.locator("table.diff del, table.diff ins").count() > 0
    assert "<script>alert(1)</script>" in page.inner_text("body")
    verified = page.evaluate("""() => { for (const tr of document.querySelectorAll('table.index tr'))
        if (tr.querySelector('th').textContent === 'verified pairs')
            return Number(tr.querySelector('td').textContent.replace(/,/g, ''));
        return null; }""")
    bars = sum(int(b.get_attribute("data-count")) for b in page.locator("svg.hist rect.bin").all())
    assert verified is not None and bars == verified
    _screenshot(page, "dedupe-report-real.png")


# ---- the reports in Chinese (issue #13) ----

def _cjk_families() -> set[str]:
    """Font families installed here that cover Chinese (fontconfig), every name they go by."""
    import subprocess

    try:
        out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    return {name.strip() for line in out.splitlines() for name in line.split(",") if name.strip()}


def _drawn_with(p, selector: str) -> dict[str, int]:
    """The fonts Chromium really drew the text of `selector`'s first match (and its descendants)
    with, and how many glyphs each (DevTools CSS.getPlatformFontsForNode; a character no font
    has would be drawn with a last-resort font, as a box)."""
    cdp = p.context.new_cdp_session(p)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
        first = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        assert first, selector
        nodes = [first] + cdp.send("DOM.querySelectorAll", {"nodeId": first, "selector": "*"})["nodeIds"]
        glyphs: dict[str, int] = {}
        for node in nodes:
            for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
                glyphs[font["familyName"]] = glyphs.get(font["familyName"], 0) + font["glyphCount"]
        return glyphs
    finally:
        cdp.detach()


def _assert_chinese_interface(p, tmp_path, name: str, selectors: dict[str, str]) -> None:
    """Every selector's text is Chinese (codes, rule names and file names aside) and drawn with a
    CJK font; a screenshot is saved in the test's tmp path (and the artifacts) and its path printed."""
    import re

    families = _cjk_families()
    if not families:
        _unavailable("no font covering Chinese is installed (apt-get install fonts-wqy-microhei or fonts-noto-cjk)")
    assert p.evaluate("() => document.documentElement.lang") == "zh-CN"
    for selector, expected in selectors.items():
        text = p.inner_text(selector)
        assert expected in text, (selector, text)
        assert re.search(r"[\u4e00-\u9fff]", text), (selector, text)
        # Aside: codes, rule names, file names, and document text quoted in a message (“xx”).
        latin = re.sub(r"\bKJ\d+(?:xx)?\b|\b[a-z0-9]+(?:-[a-z0-9]+)+\b|\bkjlint\b|[\w./-]+\.(?:txt|docx)|“[^”]*”",
                       " ", text)
        assert not re.search(r"[A-Za-z]{2,}", latin), (selector, text)
        fonts = _drawn_with(p, selector)
        han = sum(n for family, n in fonts.items() if family in families)
        assert han >= len(re.findall(r"[\u4e00-\u9fff]", text)) > 0, (selector, fonts, sorted(families))
    # The glyphs are real characters, not boxes: two different Han characters differ in ink.
    shot = tmp_path / name
    p.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 1000
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, ARTIFACTS / name)
    print(f"screenshot: {shot}")


def _ink(p, text: str, font: str) -> str:
    """The pixels of `text` drawn in a canvas with `font`, as a data URL."""
    return p.evaluate("""([text, font]) => {
        const c = document.createElement('canvas'); c.width = 64; c.height = 32;
        const g = c.getContext('2d'); g.font = font; g.fillText(text, 2, 24); return c.toDataURL(); }""",
                      [text, font])


def test_chinese_check_report_in_browser(page, tmp_path):
    from kjlint import i18n

    i18n.set_language("zh")  # undone after the test (tests/conftest.py)
    report, findings = _check_report(tmp_path)
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    assert page.errors == [] and page.remote == []
    assert page.title() == "kjlint 检查报告"
    _assert_chinese_interface(page, tmp_path, "check-report-zh.png", {
        "header.top h1": "kjlint 检查报告",
        "header.top": "规则代码",
        "header.top label:has(#flt-error)": "错误",
        "p.summary": "共 2 个文件",
        "table.index thead": "按级别",
        "#file0 .panel h3:has(+ #fam0-KJ2)": "KJ2xx 占位符（",
        "#file0 .panel": "第 1 行第",  # every finding: place, level, rule, message, fix, related places
    })
    computed = page.evaluate("() => getComputedStyle(document.querySelector('header.top h1')).fontFamily")
    assert "Microsoft YaHei" in computed and "Noto Sans CJK SC" in computed
    font = f"16px {computed}"
    assert _ink(page, "检", font) != _ink(page, "查", font), "Han characters drawn as identical boxes"
    # The filters still work on the stable codes in Chinese.
    page.uncheck("#flt-error")
    assert page.locator("li.finding[data-sev='error']:not(.hidden)").count() == 0
    assert page.inner_text("#shown-count") == str(sum(1 for f in findings if f["severity"] != "error"))


def test_chinese_dedupe_report_in_browser(page, tmp_path):
    from kjlint import i18n
    from kjlint.formats.dedupe_html import write_dedupe_report

    i18n.set_language("zh")
    out = tmp_path / "dedupe-zh.html"
    write_dedupe_report(str(out), _dedupe_inputs(tmp_path), similarities=[0.91, 0.6, 0.75, 0.99],
                        timings={"read+sign": 0.4, "candidates": 0.2, "verify+keep": 0.3})
    page.goto(out.as_uri())
    assert page.errors == [] and page.remote == []
    assert page.title() == "kjlint 去重报告"
    _assert_chinese_interface(page, tmp_path, "dedupe-report-zh.png", {
        "header.top h1": "kjlint 去重报告",
        "table.index": "重复组数",
        "#histogram figcaption": "经核验的文档对相似度（4 对）",
        "#timings": "读取并计算签名",
        "#cluster-7 > summary": "第 7 组：共 3 篇，保留",
        ".dropped-member .badge": "剔除",
    })


# ---- the corpus health report (issue #15) ----

def _corpus_report(tmp_path) -> Path:
    """`kjlint check corpus.jsonl --report` on 30 generated records: masks in a third, a site
    furniture line in a fifth, one truncation notice, one record with many defects and a script."""
    records = []
    for i in range(30):
        lines = [f"某区第{i}局2023年工作总结", "一、主要工作", f"全年推进第{i}项重点工作，各项任务稳步推进。"]
        if i % 3 == 0:
            lines.append("全年争取资金xx万元。")
        if i % 5 == 0:
            lines.append("来源：某某网")
        if i == 7:
            lines += ["申报项目xx项，引进人才x名，投入**万元。", XSS,
                      "二是加强队伍建设……（未完，全文共3200字，当前只显示1200字）"]
        records.append({"id": f"doc{i}", "text": "\n".join(lines) + "\n"})
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "health.html"
    result = CliRunner().invoke(main, ["check", str(corpus), "--report", str(out), "-q", "-j", "1"])
    assert result.exit_code == 1, result.output
    return out


def test_corpus_health_report_in_browser(page, tmp_path):
    report = _corpus_report(tmp_path)
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("() => window.__pwned") is None and page.dialogs == []
    assert page.errors == [] and page.remote == []
    assert "30 records checked" in page.inner_text("#health-summary")
    # Bars: drawn, and as long as the share of records (masks in 11 of 30, furniture in 6 of 30).
    widths = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('#family-bars .bar')].map(
        b => [b.dataset.family, b.firstElementChild.getBoundingClientRect().width / b.getBoundingClientRect().width]))""")
    assert abs(widths["KJ2"] - 11 / 30) < 0.01 and abs(widths["KJ6"] - 6 / 30) < 0.01
    assert "来源：某某网" in page.inner_text("body") and "未完，全文共3200字" in page.inner_text("body")
    # The worst record comes first and links to its findings, shown in its text.
    first = page.locator("#worst a.worst").first
    assert first.inner_text().endswith(":doc7")
    first.click()
    page.wait_for_function("() => { const r = document.getElementById('file0').getBoundingClientRect();"
                           " return r.top < window.innerHeight && r.bottom > 0; }", timeout=5000)
    assert XSS in page.inner_text("#file0 .doc")
    assert page.locator("#file0 li.finding").count() >= 4
    page.locator("#file0 li.finding a.jump").first.click()
    assert page.locator("mark.f.active").count() >= 1
    _screenshot(page, "corpus-health-report.png")
