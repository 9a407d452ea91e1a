import codecs
import os

import pytest

from kjlint.reading import InputError, decode_bytes, discover, read_document

TEXT = "区科技局2023年工作总结：一是加强科技创新，二是推动产业升级。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "gbk"])
def test_detects_encodings(encoding):
    d = decode_bytes(TEXT.encode(encoding))
    assert d.text == TEXT
    assert not d.undecodable


def test_detects_big5_for_traditional_text():
    trad = "區科技局2023年工作總結：一是加強科技創新，二是推動產業升級。"
    d = decode_bytes(trad.encode("big5"))
    assert d.encoding == "big5"
    assert d.text == trad


def test_bom_is_recorded_and_stripped():
    d = decode_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert d.had_bom and d.encoding == "utf-8-sig" and d.text == TEXT


def test_undecodable_bytes_become_positions_and_rest_is_kept():
    data = "前文正常。".encode("utf-8") + b"\xff\xfe" + "后文也正常。".encode("utf-8")
    d = decode_bytes(data)
    assert d.encoding == "utf-8"
    assert [(off, byte) for off, byte in d.undecodable] == [(5, 0xFF), (6, 0xFE)]
    assert d.text == "前文正常。\ufffd\ufffd后文也正常。"


def test_binary_file_is_an_input_error():
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_missing_file_is_named(tmp_path):
    with pytest.raises(InputError) as exc:
        read_document(tmp_path / "nope.txt")
    assert "nope.txt" in str(exc.value) and "no such file" in str(exc.value)


def test_too_large_file_is_skipped_with_reason(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("字" * 1000, encoding="utf-8")
    with pytest.raises(InputError, match="too large"):
        read_document(p, max_bytes=100)


def test_discovery_is_sorted_recursive_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".hidden").mkdir()
    for rel in ["b/2.txt", "a.md", "c.txt", ".git/x.txt", ".hidden/y.txt", "d.docx.bak", "e.py"]:
        (tmp_path / rel).write_text("内容", encoding="utf-8")
    found = [os.path.relpath(p, tmp_path) for p in discover([str(tmp_path)])]
    assert found == ["a.md", "c.txt", os.path.join("b", "2.txt")]
    assert ".git" not in " ".join(found) and ".hidden" not in " ".join(found)
    assert "e.py" not in found


def test_discovery_reports_symlink_loops_and_missing_paths(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("内容", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    errors = []
    found = list(discover([str(tmp_path), str(tmp_path / "missing.txt")], errors=errors))
    assert [os.path.basename(f) for f in found] == ["a.txt"]
    messages = [str(e) for e in errors]
    assert any("symlink loop" in m for m in messages)
    assert any("missing.txt" in m and "no such file" in m for m in messages)


def test_an_unreadable_folder_is_reported_and_the_rest_still_found(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_text("内容", encoding="utf-8")
    (tmp_path / "open.txt").write_text("内容", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):  # root may read any folder: deny this one as a permission error would
        if os.path.basename(str(path)) == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    errors = []
    found = list(discover([str(tmp_path)], errors=errors))
    assert [os.path.basename(f) for f in found] == ["open.txt"]
    assert [str(e) for e in errors] == [f"{tmp_path / 'locked'}: cannot list directory: permission denied"]


def test_excludes_apply_to_files_named_explicitly(tmp_path):
    p = tmp_path / "skip-me.txt"
    p.write_text("内容", encoding="utf-8")
    assert list(discover([str(p)], exclude=["skip-*.txt"])) == []
