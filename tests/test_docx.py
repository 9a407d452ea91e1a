"""Word (.docx) input: extracted text, source locations, headings, list numbering, bad files."""
from __future__ import annotations

import json
import zipfile

import pytest
from click.testing import CliRunner

from docx_maker import make_docx
from kjlint.cli import main
from kjlint.docx import chinese_number, format_number, read_docx
from kjlint.reading import InputError, discover, read_document


def _summary_docx(tmp_path, name="报告.docx"):
    return make_docx(tmp_path / name, [
        ("title", "2023年科技局工作总结"),
        ("list", "chinese", 0, "主要工作情况"),
        ("list", "chinese", 1, "项目申报"),
        "全年组织企业申报项目xx项，争取资金300万元。",
        ("list", "chinese", 1, "人才培养"),
        ("list", "chinese", 2, "引进博士两名。"),
        ("list", "chinese", 2, "培训骨干三十人。"),
        ("list", "chinese", 0, "存在问题"),
        ("list", "chinese", 1, "投入不足"),
        ("heading", 1, "下一步工作计划"),
        ("style", "标题 2", "继续做好项目申报"),
        ("table", [["指标", "完成"], ["申报项目", "xx项"]]),
        ("break", "第一行", "第二行"),
    ], header="某区科技局", footer="第 1 页")


def test_paragraphs_tables_headers_one_per_line(tmp_path):
    doc = read_docx(_summary_docx(tmp_path))
    lines = doc.text.split("\n")[:-1]
    assert len(lines) == len(doc.line_sources)
    assert lines[0] == "2023年科技局工作总结"
    assert doc.line_sources[0] == "paragraph 1"
    cell = lines.index("xx项")
    assert doc.line_sources[cell] == "table 1, row 2, cell 2"
    assert "第一行 第二行" in lines  # a soft line break does not split the paragraph
    assert doc.line_sources[lines.index("某区科技局")] == "header (section 1)"
    assert doc.line_sources[lines.index("第 1 页")] == "footer (section 1)"
    assert lines.index("第 1 页") > cell  # headers and footers come after the body
    assert doc.part(lines.index("某区科技局")) == "header" and doc.part(lines.index("第 1 页")) == "footer"
    assert doc.part(cell) == "body" and doc.part(0) == "body"
    assert doc.source_format == "docx"


def test_word_list_numbering_is_rendered_and_exposed(tmp_path):
    doc = read_docx(_summary_docx(tmp_path))
    lines = doc.text.split("\n")
    assert lines[1] == "一、主要工作情况"
    assert lines[2] == "（一）项目申报"
    assert lines[4] == "（二）人才培养"
    assert lines[5] == "1.引进博士两名。"
    assert lines[6] == "2.培训骨干三十人。"
    assert lines[7] == "二、存在问题"
    assert lines[8] == "（一）投入不足"  # deeper levels restart under a new parent
    assert doc.list_labels[2] == "一、" and doc.list_labels[9] == "（一）"
    assert 4 not in doc.list_labels  # an ordinary paragraph


def test_heading_styles_exposed_by_line(tmp_path):
    doc = read_docx(_summary_docx(tmp_path))
    lines = doc.text.split("\n")
    assert doc.style_headings[1] == 0  # Title
    assert doc.style_headings[lines.index("下一步工作计划") + 1] == 1
    assert doc.style_headings[lines.index("继续做好项目申报") + 1] == 2  # a style named 标题 2
    assert lines.index("全年组织企业申报项目xx项，争取资金300万元。") + 1 not in doc.style_headings


def test_list_instances_continue_or_restart_like_word(tmp_path):
    path = make_docx(tmp_path / "lists.docx", [
        ("list", "chinese", 0, "甲"), ("list", "chinese", 0, "乙"),
        "一段正文。",
        ("list", "chinese-continued", 0, "丙"),  # another w:num of the same list: continues
        ("list", "chinese-restarted", 0, "丁"),  # startOverride: starts again
        ("list", "chinese-restarted", 0, "戊"),
        ("list", "decimal", 0, "子"), ("list", "decimal", 1, "丑"), ("list", "decimal", 1, "寅"),
    ])
    lines = read_docx(path).text.split("\n")
    assert lines[:9] == ["一、甲", "二、乙", "一段正文。", "三、丙", "一、丁", "二、戊", "1.子", "1.1丑", "1.2寅"]


@pytest.mark.parametrize("n, fmt, expected", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCounting", "二十"), (105, "chineseCountingThousand", "一百零五"),
    (3, "ideographTraditional", "丙"), (2, "decimalEnclosedCircle", "②"), (4, "upperRoman", "IV"),
    (28, "lowerLetter", "bb"), (7, "decimalFullWidth", "７"), (7, "decimal", "7"),
])
def test_number_formats(n, fmt, expected):
    assert format_number(n, fmt) == expected


def test_chinese_number_zeros():
    assert chinese_number(1001) == "一千零一"
    assert chinese_number(110) == "一百一十"


def test_findings_report_paragraph_and_cell(tmp_path):
    path = _summary_docx(tmp_path)
    result = CliRunner().invoke(main, ["check", str(path), "--select", "KJ201", "--format", "json"])
    findings = json.loads(result.stdout)
    wheres = {f["where"] for f in findings}
    assert "paragraph 4" in wheres
    assert "table 1, row 2, cell 2" in wheres
    body = next(f for f in findings if f["where"] == "paragraph 4")
    lines = read_docx(path).text.split("\n")
    assert lines[body["line"] - 1][body["column"] - 1:body["end_column"] - 1] == "xx"
    text = CliRunner().invoke(main, ["check", str(path), "--select", "KJ201", "--no-progress"])
    assert "(下一步工作计划 › 继续做好项目申报 › table 1, row 2, cell 2 › “xx项”)" in text.stdout
    assert "paragraph 4" not in text.stdout  # Word numbers no paragraphs: the headings and words instead
    assert "(一、主要工作情况 › （一）项目申报 › “全年组织企业申报项目xx…”)" in text.stdout


def test_fix_and_diff_never_write_the_docx(tmp_path):
    """--fix writes tracked changes into a copy (tests/test_docx_review.py), never the draft;
    with nothing to fix there is no copy."""
    path = _summary_docx(tmp_path)
    before = path.read_bytes()
    for flag in ("--fix", "--diff"):
        result = CliRunner().invoke(main, ["check", str(path), flag])
        assert result.exit_code == 1 and "not offered" not in result.stderr
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.kjlint.docx"))


def _truncated(tmp_path, bad):
    good = _summary_docx(tmp_path, "good.docx").read_bytes()
    bad.write_bytes(good[: len(good) // 2])


def _broken_xml(tmp_path, bad):
    good = _summary_docx(tmp_path, "good.docx")
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2]
            zout.writestr(info, data)


@pytest.mark.parametrize("make_bad", [
    lambda tmp_path, bad: bad.write_bytes(b"PK\x03\x04 this is not really a zip"),
    lambda tmp_path, bad: bad.write_text("纯文本改了扩展名", encoding="utf-8"),
    _truncated,
    _broken_xml,
], ids=["junk-zip", "renamed-text", "truncated", "broken-xml"])
def test_corrupt_docx_message_names_file(tmp_path, make_bad):
    bad = tmp_path / "坏.docx"
    make_bad(tmp_path, bad)
    with pytest.raises(InputError) as err:
        read_document(bad)
    assert str(bad) in str(err.value) and "\n" not in str(err.value)
    result = CliRunner().invoke(main, ["check", str(bad)])
    assert result.exit_code == 2
    assert str(bad) in result.stderr and "Traceback" not in result.stderr


def test_zip_without_word_document(tmp_path):
    bad = tmp_path / "empty.docx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match="empty.docx"):
        read_document(bad)


def test_encrypted_docx_is_reported_as_password_protected(tmp_path):
    # A real password-protected file, encrypted here with msoffcrypto-tool (Agile encryption,
    # as Word does): an OLE container holding EncryptionInfo and EncryptedPackage streams.
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = _summary_docx(tmp_path, "plain.docx")
    enc = tmp_path / "加密.docx"
    with open(plain, "rb") as src, open(enc, "wb") as out:
        OOXMLFile(src).encrypt("口令123", out)
    with pytest.raises(InputError, match="password-protected") as err:
        read_document(enc)
    assert str(enc) in str(err.value)
    result = CliRunner().invoke(main, ["check", str(enc)])
    assert result.exit_code == 2 and "password-protected" in result.stderr and str(enc) in result.stderr


def test_old_word_format_is_named(tmp_path):
    import olefile  # noqa: F401  (installed with msoffcrypto-tool; proves the OLE magic is what we check)

    old = tmp_path / "旧.docx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    with pytest.raises(InputError, match="Word 97-2003"):
        read_document(old)


def test_directories_include_docx_but_not_word_lock_files(tmp_path):
    _summary_docx(tmp_path, "a.docx")
    (tmp_path / "~$a.docx").write_bytes(b"\x00lock")
    (tmp_path / "b.txt").write_text("正文", encoding="utf-8")
    found = [p.rsplit("/", 1)[-1] for p in discover([str(tmp_path)])]
    assert found == ["a.docx", "b.txt"]


def test_docx_and_txt_give_same_findings_for_same_text(tmp_path):
    path = _summary_docx(tmp_path)
    doc = read_docx(path)
    txt = tmp_path / "same.txt"
    txt.write_text(doc.text, encoding="utf-8")
    runner = CliRunner()
    a = json.loads(runner.invoke(main, ["check", str(path), "--format", "json"]).stdout)
    b = json.loads(runner.invoke(main, ["check", str(txt), "--format", "json"]).stdout)
    key = lambda f: (f["code"], f["line"], f["column"])  # noqa: E731
    # The one difference: the footer's page number, which a plain text cannot tell from a web
    # page's counter (KJ601), is the Word file's own furniture.
    furniture = {i + 1 for i in doc.parts}
    assert {key(f) for f in b if f["line"] in furniture} == {("KJ601", len(doc.lines) - 1, 1)}
    # And the plan part of the summary (下一步工作计划, a Heading 1 after the title), which the Word
    # file's layout shows is no other document pasted on (KJ606).
    plan = ("KJ606", 10, 1)
    assert plan in map(key, b) and plan not in map(key, a)
    assert sorted(map(key, a)) == sorted(key(f) for f in b if f["line"] not in furniture and key(f) != plan)
    assert all("where" in f for f in a) and not any("where" in f for f in b)


def test_dedupe_accepts_docx_in_directories(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    body = [("title", "2023年科技局工作总结")] + [
        f"第{i}项工作：组织企业申报科技项目，开展科技活动周，推进创新型县区建设。" for i in range(30)]
    make_docx(corpus / "a.docx", body)
    make_docx(corpus / "b.docx", body + ["另附说明一段。"])
    (corpus / "c.txt").write_text("完全不同的一篇文章，讲述农业生产和乡村振兴的工作安排。" * 20, encoding="utf-8")
    clusters, kept_dir = tmp_path / "clusters.jsonl", tmp_path / "kept"
    result = CliRunner().invoke(main, ["dedupe", str(corpus), "--clusters", str(clusters), "--output",
                                       str(kept_dir), "--no-cache", "-q"])
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in clusters.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(found) == 1
    assert sorted(m["path"].rsplit("/", 1)[-1] for m in found[0]["members"]) == ["a.docx", "b.docx"]
    # The kept Word file is copied byte for byte (still a .docx), the dropped one is not.
    kept = next(m["path"].rsplit("/", 1)[-1] for m in found[0]["members"] if m["kept"])
    assert sorted(p.name for p in kept_dir.iterdir()) == sorted([kept, "c.txt"])
    assert (kept_dir / kept).read_bytes() == (corpus / kept).read_bytes()


def test_tracked_changes_fields_and_text_boxes(tmp_path):
    """What Word displays: insertions yes, deletions and field codes no; text boxes once."""
    import docx
    from docx.oxml import parse_xml

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:v="urn:schemas-microsoft-com:vml" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
    path = make_docx(tmp_path / "rev.docx", ["第一段。", "第二段。"])
    word = docx.Document(str(path))
    first, second = word.paragraphs
    first._p.append(parse_xml(
        f'<w:ins {ns} w:id="1" w:author="a"><w:r><w:t>新增</w:t></w:r></w:ins>'))
    first._p.append(parse_xml(
        f'<w:del {ns} w:id="2" w:author="a"><w:r><w:delText>删掉</w:delText></w:r></w:del>'))
    first._p.append(parse_xml(
        f'<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>'))
    first._p.append(parse_xml(f'<w:r {ns}><w:instrText> PAGE </w:instrText></w:r>'))
    first._p.append(parse_xml(f'<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>'))
    first._p.append(parse_xml(f'<w:r {ns}><w:t>7</w:t></w:r>'))
    first._p.append(parse_xml(f'<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>'))
    box = '<w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent>'
    second._p.append(parse_xml(
        f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx>'
        f'</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape>'
        f'</w:pict></mc:Fallback></mc:AlternateContent></w:r>'))
    word.save(str(path))
    doc = read_docx(path)
    lines = doc.text.split("\n")
    assert lines[0] == "第一段。新增7"
    assert lines[1] == "第二段。"
    assert lines[2] == "框内文字" and doc.line_sources[2] == "text box in paragraph 2"
    assert doc.text.count("框内文字") == 1


def test_numbering_rules_see_word_generated_numbers(tmp_path):
    """Word numbers 一、二、; the author typed 四、 by hand: the gap is found (KJ502)."""
    gap = make_docx(tmp_path / "gap.docx", [
        ("title", "2023年科技局工作总结"), ("list", "chinese", 0, "主要工作情况"), "全年完成项目12项。",
        ("list", "chinese", 0, "存在问题"), "投入不足。", "四、下一步工作计划", "继续做好。"])
    ok = make_docx(tmp_path / "ok.docx", [
        ("title", "2023年科技局工作总结"), ("list", "chinese", 0, "主要工作情况"), "全年完成项目12项。",
        ("list", "chinese", 0, "存在问题"), "投入不足。", "三、下一步工作计划", "继续做好。"])
    runner = CliRunner()
    found = json.loads(runner.invoke(main, ["check", str(gap), "--select", "KJ502", "--format", "json"]).stdout)
    assert [(f["code"], f["line"], f["where"]) for f in found] == [("KJ502", 6, "paragraph 6")]
    assert json.loads(runner.invoke(main, ["check", str(ok), "--select", "KJ502", "--format", "json"]).stdout) == []


def test_docx_on_standard_input(tmp_path):
    path = _summary_docx(tmp_path)
    result = CliRunner().invoke(main, ["check", "-", "--select", "KJ201", "--format", "json"],
                                input=path.read_bytes())
    findings = json.loads(result.stdout)
    assert {f["where"] for f in findings} >= {"paragraph 4", "table 1, row 2, cell 2"}
    assert all(f["path"] == "-" for f in findings)


def test_word_heading_styles_count_for_required_sections(tmp_path):
    # The problems heading ends with a full stop, so only its Word style marks it as a heading.
    path = make_docx(tmp_path / "总结.docx", [
        ("title", "2023年科技局工作总结"),
        ("heading", 1, "主要工作情况"),
        "全年组织企业申报项目12项，争取资金300万元，完成年度目标任务的百分之一百二十，各项工作稳步推进。",
        ("heading", 1, "工作中存在的问题和不足主要是企业研发投入仍然偏低。"),
        "企业研发投入不足。",
        ("heading", 1, "下一步工作计划"),
        "继续做好项目申报工作。",
    ])
    result = CliRunner().invoke(main, ["check", "--select", "KJ501", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []


# --- the document's layout: parts ------------------------------------------------------------

def _json(*args):
    result = CliRunner().invoke(main, ["check", *map(str, args), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_headers_and_footers_are_marked_and_not_the_end_of_the_text(tmp_path):
    """The body ends with a finished sentence; the footer that follows it in the extracted text
    (long, no closing punctuation) is page furniture, not where the document stops (KJ302)."""
    path = make_docx(tmp_path / "总结.docx", [
        ("title", "2023年科技局工作总结"),
        "全年组织企业申报项目12项，争取资金300万元，各项工作稳步推进。",
    ], header="某区科技局办公室关于2023年度科技工作的总结报告材料", footer="某区科技局印制，内部资料注意保存 第1页 共1页")
    doc = read_docx(path)
    lines = doc.text.split("\n")
    header, footer = lines.index("某区科技局办公室关于2023年度科技工作的总结报告材料"), lines.index(
        "某区科技局印制，内部资料注意保存 第1页 共1页")
    assert (doc.part(header), doc.part(footer)) == ("header", "footer")
    assert doc.parts == {header: "header", footer: "footer"}
    assert not doc.in_reading(footer) and doc.in_reading(1)
    assert _json(path, "--select", "KJ302") == []
    # The same text as a plain file ends in the footer's words: the furniture was the cause.
    txt = tmp_path / "总结.txt"
    txt.write_text(doc.text, encoding="utf-8")
    assert [f["code"] for f in _json(txt, "--select", "KJ302")] == ["KJ302"]


def test_page_numbers_in_footers_are_not_web_furniture(tmp_path):
    """`2 / 2` or `— 1 —` in a footer is Word's page number, not a sharing site's page counter
    (KJ601): contamination rules do not judge headers and footers."""
    body = [("title", "2023年科技局工作总结"), "全年组织企业申报项目12项，各项工作稳步推进。"]
    for footer in ("2 / 2", "— 1 —"):
        path = make_docx(tmp_path / "总结.docx", body, footer=footer)
        assert _json(path, "--select", "KJ6") == []
        txt = tmp_path / "总结.txt"
        txt.write_text(read_docx(path).text, encoding="utf-8")
        assert [f["code"] for f in _json(txt, "--select", "KJ6")] == ["KJ601"]


@pytest.mark.parametrize("how", ["field", "sdt", "style"])
def test_table_of_contents_is_marked_and_gives_no_numbering_findings(tmp_path, how):
    """A table of contents repeats every heading: read as text, its 一、二、三 followed by the
    body's 一、 is numbering out of order (KJ503) and its entries are empty headings (KJ303)."""
    path = make_docx(tmp_path / "总结.docx", [
        ("title", "2023年科技局工作总结"),
        ("toc", how, ["一、主要工作\t1", "二、存在问题\t2", "三、下一步计划\t3"]),
        "一、主要工作", "全年组织企业申报项目12项。",
        "二、存在问题", "企业研发投入不足。",
        "三、下一步计划", "继续做好项目申报工作。",
    ])
    doc = read_docx(path)
    lines = doc.text.split("\n")
    toc = [lines[i] for i in sorted(doc.parts) if doc.parts[i] == "toc" and lines[i]]
    assert [t.replace(" ", "") for t in toc] == ["目录", "一、主要工作\t1", "二、存在问题\t2", "三、下一步计划\t3"]
    assert doc.part(lines.index("一、主要工作")) == "body"
    assert _json(path, "--select", "KJ502,KJ503,KJ303") == []
    txt = tmp_path / "总结.txt"  # the entries as plain lines, no 目录 above them: read as headings
    txt.write_text("\n".join(line for line in doc.text.split("\n") if line.replace(" ", "") != "目录"),
                   encoding="utf-8")
    assert "KJ503" in {f["code"] for f in _json(txt, "--select", "KJ502,KJ503,KJ303")}


def test_a_table_of_contents_field_that_never_ends_leaves_the_text_alone(tmp_path):
    """A TOC field whose end mark was lost would swallow the whole body: its lines stay body."""
    path = make_docx(tmp_path / "总结.docx", [
        ("toc", "field-unclosed", ["一、主要工作\t1"]), "一、主要工作", "全年组织企业申报项目12项。"])
    doc = read_docx(path)
    assert doc.parts == {} and doc.in_reading(2)


def test_cover_page_content_control_is_marked(tmp_path):
    path = make_docx(tmp_path / "论文.docx", [
        ("cover", ["某某大学本科毕业论文", "学生姓名"]), ("title", "基于语言模型的任务规划研究"), "正文。"])
    doc = read_docx(path)
    assert [doc.part(i) for i in range(4)] == ["cover", "cover", "body", "body"]


def test_a_first_page_of_numbered_items_is_no_cover(tmp_path):
    # a title page (short lines, a page break) is a cover; a page of a form's numbered fields,
    # (1) (2) … written with Arabic numerals as 一、 or 1. are, is the document's own text
    cover = ["某某大学", "本科毕业论文", "学生姓名", ("page break",), "正文第一段。", "正文第二段。", "正文第三段。"]
    assert read_docx(make_docx(tmp_path / "论文.docx", cover)).part(0) == "cover"
    form = ["活动计划书", "(1)活动宗旨：", "(2)活动地点：", ("page break",), "正文第一段。", "正文第二段。", "正文第三段。"]
    doc = read_docx(make_docx(tmp_path / "计划书.docx", form))
    assert [doc.part(i) for i in range(3)] == ["body", "body", "body"]


@pytest.mark.parametrize("bullets, shown", [
    ("wingdings-square", "▪"), ("wingdings-arrow", "➢"), ("symbol-dot", "•"), ("wingdings-bytes", "▪"),
])
def test_symbol_font_bullets_are_the_characters_word_shows(tmp_path, bullets, shown):
    """Word bullets are private-use codes of the Wingdings or Symbol font (U+F0A7, U+F0D8,
    U+F0B7) or plain bytes in that font; the text shows ▪ ➢ •, and KJ409 does not fire."""
    path = make_docx(tmp_path / "计划.docx", [
        ("title", "2024年工作计划"), ("list", bullets, 0, "加强组织领导。"), ("list", bullets, 0, "强化资金保障。")])
    doc = read_docx(path)
    assert doc.text.split("\n")[1:3] == [shown + "加强组织领导。", shown + "强化资金保障。"]
    assert not any("\ue000" <= c <= "\uf8ff" for c in doc.text)
    assert _json(path, "--select", "KJ409") == []


def test_symbol_characters_inserted_with_w_sym(tmp_path):
    path = make_docx(tmp_path / "表.docx", [
        ("sym", "已完成", "Wingdings", "F0FC", "全部任务。"), ("sym", "误差", "Symbol", "F0B1", "5%。"),
        ("sym", "其他符号", "Some Font", "F021", "照旧。")])
    lines = read_docx(path).text.split("\n")
    assert lines[:3] == ["已完成✓全部任务。", "误差±5%。", "其他符号\uf021照旧。"]  # an unknown font keeps its code


def test_equation_text_stays_in_the_sentence(tmp_path):
    """OMML equations keep their text (m:t runs, fraction bars) where they stand in the sentence;
    a paragraph that is only an equation is marked as one; x-masks do not judge equations."""
    path = make_docx(tmp_path / "论文.docx", [
        ("title", "基于神经网络的预测方法研究"),
        ("math", "其中", ["σ"], "为sigmoid激活函数，"),
        ("math", "X是共现矩阵中的值，其中", ["X"], "为输入矩阵。"),
        ("math", "", [("X", "N")], "为其频率。"),
        ("equation", "y=σ(Wx+b)"),
        "该方法在测试集上取得了较好的效果。",
    ])
    doc = read_docx(path)
    lines = doc.text.split("\n")
    assert lines[1] == "其中σ为sigmoid激活函数，"
    assert lines[2:4] == ["X是共现矩阵中的值，其中X为输入矩阵。", "X/N为其频率。"]
    assert lines[4] == "y=σ(Wx+b)" and doc.part(4) == "equation" and doc.part(1) == "body"
    assert [doc.text[a:b] for a, b in doc.math_spans] == ["σ", "X", "X/N", "y=σ(Wx+b)"]
    # Neither X is a placeholder: the one in the equation is a variable, and the one typed as text,
    # in a Word file that masks nothing else with x, is that variable too (KJ201's docx-lone).
    assert _json(path, "--select", "KJ201") == []


@pytest.mark.parametrize("ending", [
    ["抄送：市委办公室，市人大常委会办公室，市政协办公室。", "某区人民政府办公室          2026年7月16日印发"],
    ["某区人民政府办公室                        二〇二六年七月十六日印发"],
    ["甲方（签字/盖章）：____________        乙方（签字/盖章）：____________", "日期：    年  月  日"],
    ["整理：                            审核：               "],
    ["签订时间：2024年4月21日\t\t 签订时间：2024年4月21日"],
])
def test_closing_blocks_are_not_a_truncated_ending(tmp_path, ending):
    """The 版记 of GB/T 9704 (抄送, …印发), signature blocks and forms with their blanks end a
    document without closing punctuation: they are not a sentence cut off (KJ302)."""
    body = [("title", "关于做好2026年科技工作的通知"), "各单位要认真抓好落实，确保各项任务按期完成。"]
    path = make_docx(tmp_path / "通知.docx", body + ending)
    assert _json(path, "--select", "KJ302") == []


def test_signature_block_run_into_the_last_paragraph(tmp_path):
    """A signature block typed after the last sentence with soft line breaks (one paragraph)."""
    sign = "甲方（盖章）： 授权人： 日期：2021.2.2 乙方（盖章）： 授权人： 日期：2021.2"
    path = make_docx(tmp_path / "协议.docx", [
        ("title", "安全生产管理协议"), ("break", "本协议一式两份，双方各执一份，具有同等法律效力。", sign)])
    assert _json(path, "--select", "KJ302") == []


def test_a_word_file_ends_where_its_writer_ended_it(tmp_path):
    """KJ302 looks for a scraper's or a preview's cut: on 54 real Word files it was wrong 8 times
    in 8 (a last list item without a full stop, a contact line, a table field), so a .docx is not
    judged; the same text saved as .txt is."""
    lines = [("title", "安全生产管理协议"), "本协议一式两份，双方各执一份。", "乙方应当按照规定配备安全管理人员，并组织开展安全生产教育培训，推动"]
    path = make_docx(tmp_path / "协议.docx", lines)
    assert _json(path, "--select", "KJ302") == []
    txt = tmp_path / "协议.txt"
    txt.write_text(read_docx(path).text, encoding="utf-8")
    assert [f["code"] for f in _json(txt, "--select", "KJ302")] == ["KJ302"]


def test_a_short_question_is_a_sentence_not_a_signature(tmp_path):
    """Short lines without commas are skipped as signatures; one ending with ？ or ！ is a
    finished sentence, so the line before it is not the end of the text."""
    path = make_docx(tmp_path / "纪要.docx", [
        ("title", "简历制作交流会纪要"), "易文轩----2017级MEM第二梯次班长", "问题：能够通过简历了解他嘛？", "想要认识他嘛？"])
    assert _json(path, "--select", "KJ302") == []


def test_a_document_ending_with_a_table_or_a_styled_heading_is_not_cut(tmp_path):
    table = make_docx(tmp_path / "验收表.docx", [
        ("title", "项目验收表"), "项目已按合同完成建设任务。",
        ("table", [["验收项目", "验收意见"], ["系统功能", "功能完整，错误率是否较高"]])])
    assert _json(table, "--select", "KJ302") == []
    heading = make_docx(tmp_path / "提纲.docx", [
        ("title", "毕业论文提纲"), "本文研究人脸识别追踪系统的设计。", ("heading", 2, "5.3.3 OpenMV人脸跟踪程序调试方案")])
    assert _json(heading, "--select", "KJ302") == []


def test_footnotes_and_comments_are_read_with_their_part(tmp_path):
    """Footnotes and comments are read (KJ2 and other text rules see them), each on its own lines
    after the body, marked as such; they are not the end of the body (KJ302)."""
    path = make_docx(tmp_path / "总结.docx", [
        ("title", "2023年科技局工作总结"),
        ("footnoted", "全年争取上级资金300万元。", "数据来源为xx区财政局2023年度财政决算报表和统计年鉴"),
        ("commented", "科技投入持续增长，创新能力明显提升。", "请补充具体的增长比例，并注明数据来源"),
    ])
    doc = read_docx(path)
    lines = doc.text.split("\n")
    note = next(i for i, line in enumerate(lines) if "决算报表" in line)
    comment = lines.index("请补充具体的增长比例，并注明数据来源")
    assert note > 2 and comment > 2  # after the body
    assert (doc.part(note), doc.line_sources[note]) == ("footnote", "footnote 1")
    assert (doc.part(comment), doc.line_sources[comment]) == ("comment", "comment 1")
    assert "全年争取上级资金300万元。" in lines  # the reference mark adds nothing to the sentence
    found = _json(path, "--select", "KJ201,KJ302")
    assert [(f["code"], f["where"]) for f in found] == [("KJ201", "footnote 1")]


def test_lists_restart_under_word_headings(tmp_path):
    """A Word heading (标题 1/2 style) starts a section: the `1.` list below it is a new list, and
    numbered Word headings are numbered among themselves, not after the list above them."""
    blocks = [
        ("title", "软件项目管理计划书"),
        ("heading", 1, "1.绪论"), "1.课题背景。", "2.研究现状。", "3.论文结构。",
        ("heading", 1, "2.项目质量目标"),
        ("heading", 2, "性能响应目标"), "1.快速响应时间：不超过2秒。", "2.高并发处理能力：至少50个用户。",
        "3.资源优化：内存占用合理。",
        ("heading", 2, "故障处理目标"), "1.错误日志系统：记录所有错误。", "2.故障响应时间：2小时内响应。",
        ("heading", 1, "4.总结"), "全文完。",
    ]
    path = make_docx(tmp_path / "计划书.docx", blocks)
    assert [(f["code"], f["line"]) for f in _json(path, "--select", "KJ5")] == [("KJ502", len(blocks) - 1)]
    txt = tmp_path / "计划书.txt"  # the same lines without their styles: one list that restarts
    txt.write_text(read_docx(path).text, encoding="utf-8")
    assert "KJ503" in {f["code"] for f in _json(txt, "--select", "KJ5")}


def test_a_long_word_paragraph_without_a_full_stop_is_no_cut_page(tmp_path):
    """In a text, `1.` after a long line that stops mid-sentence may be a sharing site's page
    number; a Word paragraph ends where its writer ended it, and the `1.` after it is an item."""
    lines = [("title", "个人工作总结"), ("heading", 1, "一、主要工作"),
             "目前在混合工序工作，在这里跟着师傅学习了抽料、混合、出料、称重，现在已经能够独立操作设备",
             "1.执行力", "基层员工要有执行力。", "2.责任感", "要对药品的质量负责。"]
    path = make_docx(tmp_path / "总结.docx", lines)
    assert _json(path, "--select", "KJ5") == []
    txt = tmp_path / "总结.txt"
    txt.write_text(read_docx(path).text, encoding="utf-8")
    assert [f["code"] for f in _json(txt, "--select", "KJ5")] == ["KJ502"]


def test_table_rows_repeating_cells_are_the_tables_design(tmp_path):
    """A header row over every table and the same remark down a column are how tables are
    made, not a repeated passage; a whole table pasted again is."""
    header = ["字段", "类型", "长度", "备注"]
    remark = "0表示不需要填写，1表示需要填写并且是必填项，2表示需要填写但是可选项"
    tbl1 = [header, ["userId", "int", "11", "用户标识，非空，主键，和活动标识组成联合主键"],
            ["needName", "int", "2", remark], ["needPhone", "int", "2", remark], ["needMail", "int", "2", remark]]
    tbl2 = [header, ["orgId", "int", "11", "组织标识，非空，主键，和用户标识组成联合主键"],
            ["needCard", "int", "2", remark], ["needSchool", "int", "2", remark]]
    blocks = ["数据库设计", "活动报名表：tbl_enroll", ("table", tbl1), "组织报名表：tbl_orgEnroll", ("table", tbl2)]
    path = make_docx(tmp_path / "论文.docx", blocks)
    assert _json(path, "--select", "KJ1") == []
    txt = tmp_path / "论文.txt"  # the same lines without the tables: repeats
    txt.write_text(read_docx(path).text, encoding="utf-8")
    assert {f["code"] for f in _json(txt, "--select", "KJ1")} >= {"KJ101"}
    roles = [["项目经理", "负责整体项目管理，包括时间、预算、人员安排和对外沟通协调。"],
             ["后端开发", "负责服务器端逻辑处理及数据库的设计、实现和日常维护管理。"]]
    pasted = make_docx(tmp_path / "计划.docx", ["项目组织", ("table", roles), "人力资源计划", ("table", roles)])
    assert [f["code"] for f in _json(pasted, "--select", "KJ1")] == ["KJ104"]


def _with_text_box(path, paragraph_index: int, box_text: str):
    import docx
    from docx.oxml import parse_xml

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
    word = docx.Document(str(path))
    box = f'<w:txbxContent><w:p><w:r><w:t>{box_text}</w:t></w:r></w:p></w:txbxContent>'
    word.paragraphs[paragraph_index]._p.append(parse_xml(
        f'<w:r {ns}><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></w:r>'))
    word.save(str(path))


def test_a_text_box_repeating_the_body_is_a_sample_not_a_copy(tmp_path):
    rule = "二级标题：黑体，4号，段前0.5行，段后0行，固定行间距20 pt，标题序号与标题之间空一格。"
    path = make_docx(tmp_path / "规范.docx", ["学位论文编写规则", rule, "正文：宋体，小4号。", "样页如下。"])
    _with_text_box(path, 3, rule)
    doc = read_docx(path)
    assert doc.part(doc.text.split("\n").index(rule, 2)) == "textbox"
    assert _json(path, "--select", "KJ1") == []
    txt = tmp_path / "规范.txt"
    txt.write_text(doc.text, encoding="utf-8")
    assert [f["code"] for f in _json(txt, "--select", "KJ1")] == ["KJ101"]


def test_a_word_files_cover_keywords_and_author_are_its_own(tmp_path):
    """A Word file has no web page around it: the cover lines above its title (not in a Cover
    Pages control), its 关键词 and 作者 lines and a web address typed on a line of its own are
    the document's, not a site's furniture (KJ609, KJ601). The same lines in a text are."""
    blocks = ["清 华 大 学", "综 合 论 文 训 练", "系    别：自动化系", "指导教师：某某某 教授",
              ("title", "基于视觉搜索模式的驾驶意图预测方法研究报告"),
              "本文研究十字路口驾驶员的视觉搜索模式，并据此预测驾驶意图。",
              "关键词：视觉搜索模式；驾驶意图；层次聚类", "作者：张三",
              "数据来源于公开数据集，地址如下。", "http://www.example.com/dataset/eye-tracking"]
    path = make_docx(tmp_path / "论文.docx", blocks)
    assert _json(path, "--select", "KJ601,KJ609") == []
    txt = tmp_path / "论文.txt"
    txt.write_text(read_docx(path).text, encoding="utf-8")
    found = [(f["code"], f["line"]) for f in _json(txt, "--select", "KJ601,KJ609")]
    assert ("KJ609", 1) in found and ("KJ601", 7) in found and ("KJ601", 8) in found and ("KJ601", 10) in found


def test_no_sharing_site_page_numbers_or_web_markup_in_a_word_file(tmp_path):
    """A Word file was never paged by a document-sharing site nor scraped from a web page: a
    list number after an unfinished line is a list item (KJ605), and markup typed in it is its
    content, e.g. notes on HTML (KJ608). The same lines in a text file are still reported."""
    blocks = [("title", "前端开发学习笔记"), "常用的版本管理命令有以下几种，分别用于查看和回退",
              "4、回退到上一个版本", "段落标签写作<p>内容</p>，换行写作<br/>。"]
    path = make_docx(tmp_path / "笔记.docx", blocks)
    assert _json(path, "--select", "KJ605,KJ608") == []
    txt = tmp_path / "笔记.txt"
    txt.write_text(read_docx(path).text, encoding="utf-8")
    assert {f["code"] for f in _json(txt, "--select", "KJ605,KJ608")} == {"KJ605", "KJ608"}


def test_signature_and_date_blanks_of_a_word_form_are_its_design(tmp_path):
    """A Word file is the form itself: the blanks of its signature, seal and date fields and a
    line that is only a date to be written in are left for the pen (KJ203, KJ204). Blanks in
    running text are still reported, and so are the same fields in a text file."""
    blocks = [("title", "毕业论文原创性声明"), "本人郑重声明：所呈交的论文是本人独立完成的研究成果。",
              "作者签名：             年   月    日", "签名：_____________ 导师签名：_____________ 日期：_____________",
              "签 名： _____________ 日 期： _____________", "负责人（签字）：________", "20   年  月  日",
              "全年共    家企业参加培训，认真贯彻__会议精神。"]
    path = make_docx(tmp_path / "声明.docx", blocks)
    found = [(f["code"], f["line"]) for f in _json(path, "--select", "KJ203,KJ204")]
    assert sorted(found) == [("KJ203", 8), ("KJ204", 8)]
    txt = tmp_path / "声明.txt"
    txt.write_text(read_docx(path).text, encoding="utf-8")
    lines = {f["line"] for f in _json(txt, "--select", "KJ203,KJ204")}
    assert lines == {3, 4, 5, 6, 7, 8}


# --- issue #12: zip bombs, memory and damaged files ------------------------------------------

def _rewritten(tmp_path, name: str, change) -> "Path":
    """A copy of the summary .docx with `change(filename, data) -> data` applied to each part."""
    good = _summary_docx(tmp_path, "good.docx")
    out = tmp_path / name
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, change(info.filename, zin.read(info.filename)))
    return out


def test_a_docx_whose_xml_unpacks_too_large_is_refused_before_reading(tmp_path):
    """A zip bomb: a few KB that unpack to many MB of XML."""
    padding = b"<!--" + b" " * 3_000_000 + b"-->"
    bomb = _rewritten(tmp_path, "炸弹.docx", lambda name, data: data.replace(b"?>", b"?>" + padding, 1)
                      if name == "word/document.xml" else data)
    assert bomb.stat().st_size < 100_000
    with pytest.raises(InputError) as err:
        read_docx(bomb, max_bytes=100_000)  # unpacked XML limit: 20 x 100 KB
    msg = str(err.value)
    assert str(bomb) in msg and "too large when unpacked" in msg and "max-file-size" in msg
    assert read_docx(bomb).text  # within the default limit it is read


def test_a_docx_with_too_many_parts_is_refused_before_reading(tmp_path):
    many = _rewritten(tmp_path, "多.docx", lambda name, data: data)
    with zipfile.ZipFile(many, "a") as z:
        for i in range(10_001):
            z.writestr(f"padding/part{i}.xml", b"")
    with pytest.raises(InputError) as err:
        read_docx(many)
    assert str(many) in str(err.value) and "parts" in str(err.value)


def test_the_zip_bomb_guard_from_the_cli(tmp_path):
    padding = b"<!--" + b" " * 3_000_000 + b"-->"
    _rewritten(tmp_path, "bomb.docx", lambda name, data: data.replace(b"?>", b"?>" + padding, 1)
               if name == "word/document.xml" else data)
    (tmp_path / "kjlint.toml").write_text("max-file-size = 100000\n")
    (tmp_path / "draft.txt").write_text("xx区工作总结\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--select", "KJ201", str(tmp_path)])
    assert result.exit_code == 2
    assert "bomb.docx: Word file too large when unpacked" in result.stderr
    assert "draft.txt:1:1: KJ201" in result.stdout


def test_a_damaged_document_xml_is_described_in_words(tmp_path):
    def cut(name, data):
        if name != "word/document.xml":
            return data
        at = data.index("人才培养".encode("utf-8"))
        return data[:at] + b"<w:p<<" + data[at:]

    bad = _rewritten(tmp_path, "坏.docx", cut)
    with pytest.raises(InputError) as err:
        read_document(bad)
    msg = str(err.value)
    assert str(bad) in msg and "the Word file is damaged" in msg
    assert "after paragraph 4" in msg  # the last paragraph read whole: 项目申报 … 人才培养
    for jargon in ("XMLSyntaxError", "StartTag", "lxml"):
        assert jargon not in msg


def test_reading_a_large_table_keeps_memory_proportional_to_the_text(tmp_path):
    """5,000 rows of Word's verbose table XML (22 MB): python-docx's tree took 330 MB more."""
    import subprocess
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from bench_docx import make_docx as make_table_docx

    small, large = tmp_path / "small.docx", tmp_path / "large.docx"
    make_table_docx(small, 10)
    make_table_docx(large, 5_000)
    code = (
        "import resource, sys\n"
        "from kjlint.docx import read_docx\n"
        "read_docx(sys.argv[1])\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "doc = read_docx(sys.argv[2])\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print((after - before) // 1024, len(doc.text))\n")
    out = subprocess.run([sys.executable, "-c", code, str(small), str(large)], capture_output=True, text=True,
                         timeout=300, env={**__import__("os").environ,
                                           "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    grown_mb, chars = map(int, out.stdout.split())
    assert chars > 5_000 * 5 * 4
    assert grown_mb < 60, f"reading took {grown_mb} MB more for {chars:,} characters of text"


@pytest.mark.parametrize("change", [
    lambda data: data.replace(b"<w:body>", b"<w:body>" + b"<w:customXml>" * 3000 + b"</w:customXml>" * 3000, 1),
    lambda data: data.replace(b'w:ilvl w:val="1"', b'w:ilvl w:val="x"', 1),
], ids=["deep-nesting", "bad-number"])
def test_hostile_xml_inside_a_docx_is_an_input_error(tmp_path, change):
    bad = _rewritten(tmp_path, "恶意.docx", lambda name, data: change(data) if name == "word/document.xml" else data)
    with pytest.raises(InputError) as err:
        read_document(bad)
    assert str(bad) in str(err.value) and "\n" not in str(err.value)


def test_a_one_line_list_item_in_a_word_file_is_no_empty_heading(tmp_path):
    """On real Word files KJ303 was right once in 14: a writer's list of one-line items
    (`2. 给自己施加太多压力…`) is a list. A section heading with nothing under it still counts."""
    path = make_docx(tmp_path / "总结.docx", [
        ("title", "个人工作总结"), "一、不足之处", "1. 学习不够深入", "平时学习时间少，理论水平有待提高。",
        "2. 给自己施加太多压力，想要做好，有时候却适得其反", "二、存在问题", "三、下一步打算", "继续加强学习，提高业务水平。"])
    assert [(f["code"], f["line"]) for f in _json(path, "--select", "KJ303")] == [("KJ303", 6)]


def test_a_numbered_item_with_no_text_in_a_word_file_is_empty_even_with_text_below(tmp_path):
    """Word numbers an empty paragraph (`5.` alone) as it numbers the others: an item never
    written, also when the next paragraph is the next part's title (2019年度工作计划), which is no
    body of it. The items that have their text stay a list."""
    blocks = [("title", "2018年度工作总结"), "一、存在不足", "存在的不足大致有以下几点：",
              ("list", "decimal", 0, "工作中容易产生急躁的情绪。"), ("list", "decimal", 0, "处理问题的思路简单。"),
              ("list", "decimal", 0, ""), "2019年度工作计划", "维护、优化以及持续开发后台系统。"]
    path = make_docx(tmp_path / "总结.docx", blocks)
    assert [(f["code"], f["line"]) for f in _json(path, "--select", "KJ303")] == [("KJ303", 6)]


def test_an_empty_word_section_is_reported_once(tmp_path):
    """A Word section left bare (`2.3  项目的目标` between `2.2` and `2.4`, all in heading styles) is
    empty both as a numbered heading and as a styled decimal section: one defect, one finding
    (it was reported twice at the same place)."""
    blocks = [("title", "项目计划书"), ("heading", 1, "1 项目背景"), "本项目面向城市公共安全管理。",
              ("heading", 2, "1.1 项目来源"), "来源于学校创新项目。", ("heading", 2, "1.2 研究现状"), "国内外已有相关研究。",
              ("heading", 1, "2 需求分析"), "系统需要完成以下功能。", ("heading", 2, "2.1 功能需求"), "实时识别人流。",
              ("heading", 2, "2.2 性能需求"), "响应时间不超过一秒。", ("heading", 2, "2.3  项目的目标"),
              ("heading", 2, "2.4 项目的环境"), "后端使用Python开发。", ("heading", 1, "3 总结"), "项目按计划推进。"]
    path = make_docx(tmp_path / "计划书.docx", blocks)
    assert [(f["code"], f["line"]) for f in _json(path, "--select", "KJ303")] == [("KJ303", 14)]


def test_hidden_text_is_not_read(tmp_path):
    """Runs formatted as hidden text (Font > Hidden, w:vanish) are neither shown nor printed by
    Word: the reader leaves them out, so a field name's hidden copy does not mangle the word
    beside it (`SerialNumbermber`) and hidden notes are not linted."""
    path = make_docx(tmp_path / "hidden.docx", [
        "关于做好年度工作总结的通知",
        ("runs", ["字段名", ("AME", "hidden"), "为序列号。"]),
        ("runs", ["全年完成项目12项。", ("窗体底端", "hidden")]),
    ])
    text = read_docx(path).text
    assert "字段名为序列号。" in text and "全年完成项目12项。" in text
    assert "AME" not in text and "窗体底端" not in text
