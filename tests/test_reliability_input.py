"""Issue #12, inputs that were misread or skipped without a word: upper-case and macro-enabled
Word files, old formats in a folder scan, lone CR line endings, UTF-16 without a BOM."""
from __future__ import annotations

import codecs
import json
import zipfile
from pathlib import Path

import pytest

from docx_maker import make_docx
from helpers import run_cli

from kjlint.document import Document
from kjlint.engine import lint_text
from kjlint.reading import decode_bytes, read_document

DRAFT = ["xx区科技局2023年工作总结", "全年争取资金*万元。"]
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def make_docm(path: Path, blocks) -> Path:
    """A macro-enabled Word file as Word saves it: a .docx package whose main part has the
    macro-enabled content type, with a VBA project beside it."""
    plain = make_docx(path.with_suffix(".tmp.docx"), blocks)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(DOCX_MAIN.encode(), DOCM_MAIN.encode())
            dst.writestr(item, data)
        dst.writestr("word/vbaProject.bin", OLE_MAGIC + b"\x00" * 512)
    plain.unlink()
    return path


def paths_with(result, code: str) -> set[str]:
    return {f["path"] for f in json.loads(result.stdout) if f["code"] == code}


# --- Word files in a folder scan ---------------------------------------------------------------

def test_a_folder_scan_reads_word_files_whatever_the_case_of_their_extension(tmp_path):
    make_docx(tmp_path / "会议纪要.DOCX", DRAFT)
    make_docx(tmp_path / "总结.Docx", DRAFT)
    (tmp_path / "a.TXT").write_text("\n".join(DRAFT), encoding="utf-8")
    r = run_cli("check", "--select", "KJ201", "--format", "json", ".", cwd=tmp_path)
    assert r.exit_code == 1, r.stderr
    assert paths_with(r, "KJ201") == {"会议纪要.DOCX", "总结.Docx", "a.TXT"}


def test_a_macro_enabled_word_file_is_read_like_a_docx(tmp_path):
    make_docm(tmp_path / "报告.docm", DRAFT)
    named = run_cli("check", "--select", "KJ201,KJ202", "--format", "json", "报告.docm", cwd=tmp_path)
    assert named.exit_code == 1, named.stderr
    assert "binary" not in named.stderr
    assert {f["code"] for f in json.loads(named.stdout)} == {"KJ201", "KJ202"}
    scanned = run_cli("check", "--select", "KJ201", "--format", "json", ".", cwd=tmp_path)
    assert scanned.exit_code == 1, scanned.stderr
    assert paths_with(scanned, "KJ201") == {"报告.docm"}


def test_a_folder_scan_names_the_word_files_it_cannot_read_and_says_not_all_were_checked(tmp_path):
    (tmp_path / "a.txt").write_text("\n".join(DRAFT), encoding="utf-8")
    (tmp_path / "旧报告.doc").write_bytes(OLE_MAGIC + b"\x00" * 1024)
    (tmp_path / "计划.WPS").write_bytes(OLE_MAGIC + b"\x00" * 1024)
    (tmp_path / "图片.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")  # not a document: no word
    r = run_cli("check", "--select", "KJ201", ".", cwd=tmp_path)
    assert r.exit_code == 2
    err = r.stderr
    assert "旧报告.doc: old Word 97-2003 .doc files are not supported: save it as .docx" in err
    assert "计划.WPS: WPS Writer .wps files are not supported: save it as .docx" in err
    assert "图片.png" not in err
    assert "Found 1 finding in 1 file" in r.stdout  # the finding of a.txt is still reported
    assert "All checks passed" not in r.stdout
    assert "2 of 3 inputs were not checked" in err


def test_an_excluded_old_word_file_is_not_reported(tmp_path):
    (tmp_path / "a.txt").write_text("区科技局2023年工作总结\n", encoding="utf-8")
    (tmp_path / "旧报告.doc").write_bytes(OLE_MAGIC)
    (tmp_path / "kjlint.toml").write_text('extend-exclude = ["*.doc"]\n', encoding="utf-8")
    r = run_cli("check", "--select", "KJ201", ".", cwd=tmp_path)
    assert r.exit_code == 0 and "doc" not in r.stderr


def test_a_docx_saved_under_a_doc_name_is_read(tmp_path):
    make_docx(tmp_path / "下载的总结.doc", DRAFT)  # as document-sharing sites serve them
    r = run_cli("check", "--select", "KJ201", "--format", "json", ".", cwd=tmp_path)
    assert r.exit_code == 1, r.stderr
    assert paths_with(r, "KJ201") == {"下载的总结.doc"}


def test_an_old_word_file_named_directly_says_what_to_do(tmp_path):
    (tmp_path / "旧报告.DOC").write_bytes(OLE_MAGIC + b"\x00" * 64)
    r = run_cli("check", "旧报告.DOC", cwd=tmp_path)
    assert r.exit_code == 2
    assert "旧报告.DOC: old Word 97-2003 .doc files are not supported: save it as .docx" in r.stderr


def test_reference_folders_find_word_and_text_files_whatever_the_case_of_their_extension(tmp_path,
                                                                                      monkeypatch):
    monkeypatch.setenv("KJLINT_CACHE_DIR", str(tmp_path / "cache"))
    last_year = ["全年组织辖区企业申报省级科技项目十二项，争取上级资金八百万元，带动企业研发投入。",
                 "开展科技下乡活动五次，培训农民一千二百人次，发放技术资料三千份。"]
    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / "2022.TXT").write_text(last_year[0] + "\n", encoding="utf-8")
    make_docm(tmp_path / "refs" / "2021.DOCM", [last_year[1]])
    (tmp_path / "draft.txt").write_text("区科技局2023年工作总结\n" + "\n".join(last_year) + "\n",
                                        encoding="utf-8")
    r = run_cli("check", "--select", "KJ105", "--reference", "refs", "--format", "json", "draft.txt",
                cwd=tmp_path)
    assert sorted(f["related"][0]["path"] for f in json.loads(r.stdout)) == ["refs/2021.DOCM", "refs/2022.TXT"]


# --- lone CR ------------------------------------------------------------------------------------

STRUCTURED = "区科技局2023年工作总结\n一、工作情况\n全年争取资金*万元。\n二、存在问题\n三、下一步计划\n"


def test_a_lone_cr_is_a_line_break():
    doc = Document("标题\r一、工作\r\n二、问题\r")
    assert [line.text for line in doc.lines] == ["标题", "一、工作", "二、问题", ""]
    assert doc.position(doc.text.index("二")) == (3, 1)


def test_lone_cr_findings_are_those_of_the_same_text_with_lf():
    def found(text):
        return [(f.code, f.line, f.column, f.message) for f in lint_text(text)]

    assert found(STRUCTURED.replace("\n", "\r")) == found(STRUCTURED)
    assert found(STRUCTURED.replace("\n", "\r")) != []


def test_a_lone_cr_file_is_reported_line_by_line_and_cr_is_never_printed(tmp_path):
    (tmp_path / "mac.txt").write_bytes(STRUCTURED.replace("\n", "\r").encode("utf-8"))
    r = run_cli("check", "--select", "KJ202", "mac.txt", cwd=tmp_path)
    assert r.exit_code == 1
    assert "mac.txt:3:7: KJ202" in r.stdout
    assert "\r" not in r.stdout and "\r" not in r.stderr


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_finding_quoting_a_line_quotes_it_without_its_line_ending(newline, tmp_path):
    text = newline.join(["2023年工作总结.docx", "区科技局2023年工作总结", "正文。", ""])
    (f,) = lint_text(text, select=["KJ602"])
    assert f.message == "Line `2023年工作总结.docx` is a file name, not part of the report"
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8"))
    r = run_cli("check", "--select", "KJ602", "--format", "concise", "a.txt", cwd=tmp_path)
    assert r.stdout.splitlines()[0].endswith("is a file name, not part of the report")
    assert "\r" not in r.stdout


def test_fix_keeps_lone_cr_line_endings(tmp_path):
    p = tmp_path / "mac.txt"
    p.write_bytes("标题\r工作總結(jié)\r第三行\r".encode("utf-8"))
    r = run_cli("check", "--select", "KJ403", "--fix", "mac.txt", cwd=tmp_path)
    assert r.exit_code == 0, r.stdout + r.stderr
    assert p.read_bytes() == "标题\r工作總結\r第三行\r".encode("utf-8")


# --- UTF-16 without a BOM -----------------------------------------------------------------------

UTF16_TEXT = "区科技局2023年工作总结\n一、全年争取资金1200万元。\n二、xx项目进展顺利。\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(encoding):
    d = decode_bytes(UTF16_TEXT.encode(encoding))
    assert (d.text, d.encoding, d.undecodable, d.had_bom) == (UTF16_TEXT, encoding, [], False)


def test_utf16_without_bom_is_linted_and_fixed_in_its_encoding(tmp_path):
    p = tmp_path / "unicode.txt"
    p.write_bytes("工作總結(jié)\n全年争取资金xx万元。\n".encode("utf-16-le"))
    r = run_cli("check", "--select", "KJ201,KJ403", "unicode.txt", cwd=tmp_path)
    assert r.exit_code == 1 and "binary" not in r.stderr
    assert "unicode.txt:2:7: KJ201" in r.stdout
    run_cli("check", "--select", "KJ403", "--fix", "unicode.txt", cwd=tmp_path)
    assert p.read_bytes() == "工作總結\n全年争取资金xx万元。\n".encode("utf-16-le")


def test_undetectable_utf16_without_bom_gets_a_hint(tmp_path):
    p = tmp_path / "korean.txt"  # valid UTF-16, but not text kjlint can judge plausible
    p.write_bytes("안녕하세요\n반갑습니다\n".encode("utf-16-le"))
    r = run_cli("check", "korean.txt", cwd=tmp_path)
    assert r.exit_code == 2
    assert "korean.txt: binary file (contains NUL bytes), skipped" in r.stderr
    assert "may be UTF-16 without a BOM" in r.stderr


def test_real_binary_data_is_still_binary_without_a_utf16_hint(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    r = run_cli("check", "image.txt", cwd=tmp_path)
    assert r.exit_code == 2 and "image.txt: binary file" in r.stderr
    assert "UTF-16" not in r.stderr


def test_read_document_reads_a_docm_by_its_extension(tmp_path):
    doc = read_document(make_docm(tmp_path / "x.DOCM", DRAFT))
    assert doc.source_format == "docx" and "全年争取资金" in doc.text
