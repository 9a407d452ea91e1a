"""Word drafts (issue #16): review copies with a Word comment per finding (--annotate) and the
fixes as tracked changes (--fix), the draft itself never written."""
from __future__ import annotations

import hashlib
import io
import json
import zipfile

from click.testing import CliRunner
from lxml import etree

from docx_maker import accept_all, make_docx
from kjlint.cli import main
from kjlint.docx import docx_document, docx_document_with_sources

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DUPLICATE = "全年组织企业申报项目12项，争取上级资金300万元，带动社会投资一点二亿元。"


def realistic_draft(tmp_path, name="2023年工作总结.docx"):
    """A draft as a drafter hands it up: title and heading styles, Word numbering, a table, a
    header, a footnote, a picture, an existing comment and tracked change by a reviewer, a mask
    split across two runs of different formatting, a duplicated paragraph, a zero-width space,
    mojibake and a traditional character (fixes safe and unsafe)."""
    return make_docx(tmp_path / name, [
        ("title", "2023年xx区科技局工作总结"),
        ("list", "chinese", 0, "主要工作"),
        ("list", "chinese", 1, "推进重点项目"),
        DUPLICATE,
        ("runs", ["完成", ("x", "bold"), ("x项", "red"), "重点课题的验收，", ("成果", "italic"), "显著。"]),
        ("footnoted", "科技投入持续增长，研发经费占比达到2.6%。", "数据来源为xx区统计局2023年统计年鉴"),
        ("runs", ["科技", ("\u200b创新", "bold"), "能力明显提升，专利授权量同比增长两成。"]),
        ("list", "chinese", 1, "加强人才培养"),
        DUPLICATE,
        ("commented", "引进博士两名，培训骨干三十人。", "请补充培训的具体内容"),
        ("tracked", "审核中修改：", "新增", "删去", "的内容。"),
        "全年完成å·¥ä½œæ€»ç»“的编写，共十二項，取得良好成效。",
        ("picture", "科技成果展示："),
        ("table", [["指标", "完成情况"], ["申报项目", "xx项"]]),
        ("list", "chinese", 0, "存在问题"),
        "投入不足，企业创新主体作用发挥不够。",
    ], header="xx区科技局", footer="第 1 页")


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def _check(*args):
    return CliRunner().invoke(main, ["check", "--no-progress", *map(str, args)])


def _json(*args):
    result = _check("--format", "json", *args)
    return [e for e in json.loads(result.stdout) if "code" in e], result


def _anchored_texts(data: bytes) -> dict[str, str]:
    """Comment id -> the text between its commentRangeStart and commentRangeEnd, in the body."""
    root = etree.fromstring(_parts(data)["word/document.xml"])
    open_, texts = set(), {}
    for el in root.iter():
        if el.tag == W + "commentRangeStart":
            open_.add(el.get(W + "id"))
            texts.setdefault(el.get(W + "id"), "")
        elif el.tag == W + "commentRangeEnd":
            open_.discard(el.get(W + "id"))
        elif el.tag == W + "t" and el.text:
            for i in open_:
                texts[i] += el.text
        elif el.tag == W + "footnoteReference":
            for i in open_:
                texts[i] += "[footnote]"
    return texts


def _comments(data: bytes) -> dict[str, tuple[str, str]]:
    """Comment id -> (author, text)."""
    root = etree.fromstring(_parts(data)["word/comments.xml"])
    return {c.get(W + "id"): (c.get(W + "author"), "\n".join("".join(p.itertext()) for p in c.iter(W + "p")))
            for c in root.iter(W + "comment")}


def _runs_formatting(data: bytes) -> list[tuple[str, bytes]]:
    """Each character of the text with the formatting (w:rPr) of the run it is in."""
    doc, source = docx_document_with_sources(data, "x")
    out = []
    for line in source.lines:
        for start, length, element in line.pieces:
            rpr = element.getparent().find(W + "rPr")
            shown = etree.tostring(rpr) if rpr is not None else b""
            out.extend((c, shown) for c in doc.text[line.start + start:line.start + start + length])
    return out


def test_annotate_writes_a_comment_on_exactly_each_flagged_text_and_leaves_the_rest(tmp_path):
    draft = realistic_draft(tmp_path)
    before, original = _sha(draft), draft.read_bytes()
    findings, result = _json(draft, "--annotate")
    assert result.exit_code == 1
    assert _sha(draft) == before  # the input is never modified
    copy = tmp_path / "2023年工作总结.kjlint.docx"
    assert f"wrote {copy}" in result.stderr
    data = copy.read_bytes()
    comments, anchored = _comments(data), _anchored_texts(data)
    ours = {i: text for i, (author, text) in comments.items() if author == "kjlint"}
    assert ("审核人", "请补充培训的具体内容") in comments.values()  # the reviewer's comment stays
    text = docx_document(original, "x").text
    title = next(i for i, t in anchored.items() if i in ours and t == "2023年xx区科技局工作总结"
                 and "Word allows no comment" in ours[i])
    codes = {f["code"] for f in findings}
    assert {"KJ101", "KJ201", "KJ405", "KJ410", "KJ701"} <= codes
    for f in findings:
        flagged = text[f["offset"]:f["end_offset"]]
        mine = [i for i in ours if f["message"] in ours[i] and f"{f['code']} " in ours[i].replace("(", " ")]
        if f["place"]["part"] == "header":  # Word allows no comment there: on the title
            assert f"header (section 1) › “xx区科技局”: {f['message']}" in ours[title]
        elif f["place"]["part"] == "comment":  # the reviewer's comment left in (KJ208): on the title too
            assert f["code"] == "KJ208" and f"{f['message']} (KJ208" in ours[title]
        elif f["place"]["part"] == "footnote":  # on the footnote's reference mark in the body
            assert any(anchored[i] == "[footnote]" and "footnote 1 › " in ours[i] for i in mine), f
        else:
            assert any(anchored[i] == flagged for i in mine), (f, flagged, [anchored.get(i) for i in mine])
    # the mask split across a bold run and a red run: one comment on exactly those two runs
    mask = next(f for f in findings if f["code"] == "KJ201" and f["place"]["paragraph"].startswith("完成"))
    assert text[mask["offset"]:mask["end_offset"]] == "xx"
    # the suggested fix is in the comment text, with the rule's code and name
    mojibake = next(i for i in ours if "KJ405" in ours[i])
    assert "Rule KJ405 (utf8-read-as-latin1)" in ours[mojibake]
    assert "Suggested fix: replace “å·¥ä½œæ€»ç»“” with “工作总结”." in ours[mojibake]
    # every other part is byte for byte the draft's; the text and every character's formatting too
    old_parts, new_parts = _parts(original), _parts(data)
    assert set(old_parts) == set(new_parts)
    changed = {n for n in old_parts if old_parts[n] != new_parts[n]}
    assert changed == {"word/document.xml", "word/comments.xml"}
    assert docx_document(data, "x").text == text  # kjlint's own comments are not the draft's text
    assert _runs_formatting(data) == _runs_formatting(original)
    new_root = etree.fromstring(new_parts["word/document.xml"])
    assert [e.get(W + "author") for e in new_root.iter(W + "ins", W + "del")] == ["审核人", "审核人"]
    assert new_root.find(f".//{W}drawing") is not None


def test_a_draft_without_comments_gets_a_comments_part(tmp_path):
    draft = make_docx(tmp_path / "计划.docx", ["2024年工作计划", "全年计划完成项目xx项。"])
    original = draft.read_bytes()
    _check(draft, "--annotate")
    data = (tmp_path / "计划.kjlint.docx").read_bytes()
    old_parts, new_parts = _parts(original), _parts(data)
    assert set(new_parts) - set(old_parts) == {"word/comments.xml"}
    assert {n for n in old_parts if old_parts[n] != new_parts[n]} == {
        "word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}
    assert list(_anchored_texts(data).values()) == ["xx"]
    assert b"comments+xml" in new_parts["[Content_Types].xml"]


def test_fix_writes_tracked_changes_into_a_copy_and_accepting_them_removes_the_findings(tmp_path):
    draft = realistic_draft(tmp_path)
    before, original = _sha(draft), draft.read_bytes()
    findings, _ = _json(draft)
    assert sum(1 for f in findings if f["fix"] and f["fix"]["applicability"] == "safe") == 3  # KJ101 KJ405 KJ410
    result = _check(draft, "--fix")
    assert _sha(draft) == before
    assert "Fixed 3 findings." in result.stdout
    copy = tmp_path / "2023年工作总结.kjlint.docx"
    assert f"wrote {copy} (0 comments, 3 tracked changes)" in result.stderr
    data = copy.read_bytes()
    root = etree.fromstring(_parts(data)["word/document.xml"])
    authors = [e.get(W + "author") for e in root.iter(W + "ins", W + "del")]
    assert authors.count("kjlint") >= 4 and authors.count("审核人") == 2  # the reviewer's changes stay
    assert "word/comments.xml" in _parts(data) and _comments(data) == _comments(original)
    deleted = "".join(t.text for t in root.iter(W + "delText") if t.getparent().getparent().get(W + "author") == "kjlint")
    assert DUPLICATE in deleted and "å·¥ä½œæ€»ç»“" in deleted and "\u200b" in deleted
    inserted = root.xpath("//w:ins[@w:author='kjlint']//w:t", namespaces={"w": W[1:-1]})
    assert [t.text for t in inserted] == ["工作总结"]
    # the replacement keeps the formatting of the text it replaces; the zero-width space, bold
    assert root.xpath("//w:del[@w:author='kjlint']/w:r[w:delText='\u200b']/w:rPr/w:b", namespaces={"w": W[1:-1]})
    accepted = accept_all(data)
    after, _ = _json(_write(tmp_path / "accepted.docx", accepted))
    remaining = {(f["code"], f["place"]["paragraph"]) for f in after}
    assert not any(code in ("KJ101", "KJ405", "KJ410") for code, _ in remaining)
    assert ("KJ701", "全年完成工作总结的编写，") in remaining  # unsafe: not without --unsafe-fixes
    assert docx_document(accepted, "x").text.count(DUPLICATE) == 1
    assert docx_document(accepted, "x").text == docx_document(data, "x").text  # the reader reads as accepted


def test_unsafe_fixes_and_annotate_combine(tmp_path):
    draft = realistic_draft(tmp_path)
    findings, _ = _json(draft)
    result = _check(draft, "--fix", "--unsafe-fixes", "--annotate")
    assert "Fixed 4 findings." in result.stdout
    data = (tmp_path / "2023年工作总结.kjlint.docx").read_bytes()
    ours = {i: t for i, (a, t) in _comments(data).items() if a == "kjlint"}
    fixed = ("KJ101", "KJ405", "KJ410", "KJ701")
    assert not any(code in text for text in ours.values() for code in fixed)  # changes, not comments
    unfixed = [f for f in findings if f["code"] not in fixed]
    assert all(any(f["message"] in t for t in ours.values()) for f in unfixed)
    root = etree.fromstring(_parts(data)["word/document.xml"])
    assert "项" in [t.text for t in root.xpath("//w:ins[@w:author='kjlint']//w:t", namespaces={"w": W[1:-1]})]
    after, _ = _json(_write(tmp_path / "accepted.docx", accept_all(data)))
    assert not any(f["code"] in fixed for f in after)


def test_diff_shows_the_text_change_and_writes_nothing(tmp_path):
    draft = realistic_draft(tmp_path)
    result = _check(draft, "--diff")
    assert f"--- a/{draft}" in result.stdout and f"-{DUPLICATE}" in result.stdout
    assert "+全年完成工作总结的编写，共十二項，取得良好成效。" in result.stdout
    assert not (tmp_path / "2023年工作总结.kjlint.docx").exists()


def test_annotate_output_and_several_drafts(tmp_path):
    one = make_docx(tmp_path / "一.docx", ["2024年工作计划", "全年计划完成项目xx项。"])
    two = make_docx(tmp_path / "二.docx", ["2024年工作计划", "争取资金xx万元。"])
    result = _check(one, "--annotate-output", tmp_path / "审阅稿.docx")
    assert (tmp_path / "审阅稿.docx").is_file() and not (tmp_path / "一.kjlint.docx").exists()
    refused = _check(one, two, "--annotate-output", tmp_path / "审阅稿.docx")
    assert refused.exit_code == 2 and "names one file" in refused.stderr
    folder = tmp_path / "审阅"
    folder.mkdir()
    result = _check(one, two, "--annotate-output", folder)
    assert result.exit_code == 1
    assert sorted(p.name for p in folder.iterdir()) == ["一.kjlint.docx", "二.kjlint.docx"]
    result = _check(tmp_path, "--annotate")  # a folder: a copy beside each draft, none of a copy
    assert "is a review copy written by kjlint" not in result.stderr
    assert (tmp_path / "二.kjlint.docx").is_file() and not list(tmp_path.glob("*.kjlint.kjlint.docx"))
    same = _check(one, "--annotate-output", one)
    assert same.exit_code == 2 and "never overwrites its inputs" in same.stderr
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    make_docx(tmp_path / "a" / "总结.docx", ["2024年工作计划", "全年计划完成项目xx项。"])
    make_docx(tmp_path / "b" / "总结.docx", ["2024年工作计划", "争取资金xx万元。"])
    clash = _check(tmp_path / "a", tmp_path / "b", "--annotate-output", folder)
    assert clash.exit_code == 2 and "would write the same copy" in clash.stderr
    assert not (folder / "总结.kjlint.docx").exists()


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_comments_are_written_in_the_language_in_use(tmp_path, monkeypatch):
    from kjlint import i18n

    monkeypatch.setattr(i18n, "_chosen", "zh")
    draft = realistic_draft(tmp_path)
    result = _check(draft, "--annotate", "--fix")
    assert "kjlint：已为" in result.stderr and "1 条批注" not in result.stderr
    data = (tmp_path / "2023年工作总结.kjlint.docx").read_bytes()
    ours = [t for a, t in _comments(data).values() if a == "kjlint"]
    assert any("规则 KJ201（" in t and "x-mask" not in t for t in ours)  # the rule by its Chinese title
    assert any(t.startswith("kjlint：关于全文的问题") and "页眉（第 1 节） › “xx区科技局”" in t for t in ours)


def test_a_finding_in_a_text_box_is_commented_on_the_box(tmp_path):
    """Word allows comments inside text boxes, LibreOffice may not open them: the comment goes on
    the run that holds the box, in the body, and names the place."""
    import docx
    from docx.oxml import parse_xml

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:v="urn:schemas-microsoft-com:vml" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
    path = make_docx(tmp_path / "框.docx", ["2024年工作计划", "见下图："])
    word = docx.Document(str(path))
    box = '<w:txbxContent><w:p><w:r><w:t>全年完成项目xx项</w:t></w:r></w:p></w:txbxContent>'
    word.paragraphs[1]._p.append(parse_xml(
        f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx>'
        f'</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape>'
        f'</w:pict></mc:Fallback></mc:AlternateContent></w:r>'))
    word.save(str(path))
    _check(path, "--annotate")
    data = (tmp_path / "框.kjlint.docx").read_bytes()
    root = etree.fromstring(_parts(data)["word/document.xml"])
    start = root.find(f".//{W}commentRangeStart")
    assert start.getparent().tag == W + "p" and start.getnext().find(f".//{W}txbxContent") is not None
    assert not root.findall(f".//{W}txbxContent//{W}commentRangeStart")
    ours = [t for a, t in _comments(data).values() if a == "kjlint"]
    assert ours and ours[0].startswith("text box › “全年完成项目xx项”: Placeholder")


def test_any_ranges_and_fixes_give_a_copy_with_the_same_text_and_exact_anchors(tmp_path):
    """Comments on random ranges of the body (overlapping, across runs and paragraphs, empty) and
    random replacements inside paragraphs: the copy reads as the draft with the changes accepted,
    and each comment covers exactly the text characters of its range."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from kjlint.docx_review import review_copy
    from kjlint.findings import Finding, Fix, Severity

    original = realistic_draft(tmp_path).read_bytes()
    doc, source = docx_document_with_sources(original, "x")
    body_end = max(line.start + max((s + n for s, n, _ in line.pieces), default=0) for line in source.lines
                   if line.partname == source.main)
    offsets = st.integers(0, body_end)

    def finding(a: int, b: int, fix=None) -> Finding:
        a, b = min(a, b), max(a, b)
        return Finding("KJ201", "x-mask", Severity.ERROR, f"range {a}-{b}", a, b, fix)

    @settings(max_examples=40, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(st.lists(st.tuples(offsets, offsets), max_size=8),
           st.lists(st.tuples(offsets, st.integers(0, 6), st.sampled_from(["", "新", "改写"])), max_size=4))
    def check(ranges, replacements):
        doc, source = docx_document_with_sources(original, "x")
        comments = [finding(a, b) for a, b in ranges]
        fixes = [finding(a, a, Fix(new, a, min(a + n, len(doc.text)))) for a, n, new in replacements]
        wanted = {id(f): "".join(doc.text[max(f.offset, line.start + s):min(f.end_offset, line.start + s + n)]
                                 for line in source.lines for s, n, el in line.pieces if el.tag == W + "t")
                  for f in comments}
        review = review_copy(original, doc, source, comments, fixes)
        expected, pos = [], 0
        for f in sorted(review.fixed, key=lambda f: f.fix.offset):
            expected += [doc.text[pos:f.fix.offset], f.fix.replacement]
            pos = f.fix.end_offset
        expected.append(doc.text[pos:])
        assert docx_document(accept_all(review.data), "x").text == "".join(expected)
        anchored, texts = _anchored_texts(review.data), _comments(review.data)
        for f in comments:
            changed = any(g.fix.offset < f.end_offset and f.offset < max(g.fix.end_offset, g.fix.offset + 1)
                          for g in review.fixed)
            if f.offset == f.end_offset or changed or not wanted[id(f)]:
                continue
            ids = [i for i, (_, t) in texts.items() if t.startswith(f.message + "\n")]
            got = [anchored.get(i, "").replace("[footnote]", "") for i in ids]
            assert wanted[id(f)] in got, (f.offset, f.end_offset, wanted[id(f)], got)

    check()


def test_the_tree_a_writer_reads_gives_the_text_of_the_stream(tmp_path):
    """The review copy reads the main document as one tree, the linter as a stream: same text,
    same places, same parts, same comment anchors."""
    for path in (realistic_draft(tmp_path),
                 make_docx(tmp_path / "表.docx", ["标题", ("table", [["a", "b"], ["c", "xx"]]), ("cover", ["封面"]),
                                                  ("toc", "field", ["一、概况……1"]), "正文xx。"])):
        data = path.read_bytes()
        streamed, (tree, source) = docx_document(data, "x"), docx_document_with_sources(data, "x")
        assert tree.text == streamed.text and tree.line_sources == streamed.line_sources
        assert tree.parts == streamed.parts and tree.comment_anchors == streamed.comment_anchors
        assert len(source.lines) == len(tree.line_sources)


def test_a_missing_section_goes_into_the_comment_on_the_title(tmp_path):
    draft = make_docx(tmp_path / "总结.docx", [("title", "2023年科技局工作总结"), "全年完成项目十二项，成效显著。"],
                      header="xx区科技局")
    findings, _ = _json(draft, "--profile", "work-summary", "--annotate")
    assert {f["code"] for f in findings} >= {"KJ501", "KJ201"}
    data = (tmp_path / "总结.kjlint.docx").read_bytes()
    ours = {i: t for i, (a, t) in _comments(data).items() if a == "kjlint"}
    assert len(ours) == 1  # one comment, on the title, for the whole document and the header
    (only, text), = ours.items()
    assert _anchored_texts(data)[only] == "2023年科技局工作总结"
    assert all(f["message"] in text for f in findings)
