"""Issue #12, "Data loss" and the dedupe items: inputs are never overwritten, `--fix` respects
links and read-only files, written files follow the umask, and dedupe neither crashes on one
document nor on a damaged cache, keeps its id lists disjoint and says what it did."""
from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from kjlint.cli import main
from kjlint.dedupe import DedupeConfig, dedupe
from kjlint.dedupe.sources import Fields

from helpers import run_cli
from test_dedupe import base, write_corpus
from test_dedupe_io import corpus_records, write_jsonl

FIELDS = ("--text-field", "body", "--id-field", "doc_id")


def dedupe_cli(*args: str):
    return CliRunner().invoke(main, ["dedupe", "--no-progress", "--no-cache", *args])


@pytest.fixture
def corpus(tmp_path) -> Path:
    src = tmp_path / "corpus.jsonl"
    write_jsonl(src, corpus_records())
    return src


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# ------------------------------------------------------------------ outputs never overwrite inputs

@pytest.mark.parametrize("option", ["--output", "--clusters", "--keep-list", "--drop-list", "--report"])
def test_dedupe_refuses_an_output_that_is_an_input(corpus, option):
    before = corpus.read_bytes()
    r = dedupe_cli(str(corpus), *FIELDS, option, str(corpus))
    assert r.exit_code == 2, r.output
    assert f"kjlint: error: {option} {corpus}" in r.output and "input" in r.output
    assert "Traceback" not in r.output
    assert corpus.read_bytes() == before


def test_dedupe_refuses_an_output_that_reaches_an_input_through_a_link(corpus, tmp_path):
    before = corpus.read_bytes()
    sym = tmp_path / "sym.jsonl"
    sym.symlink_to(corpus)
    hard = tmp_path / "hard.jsonl"
    os.link(corpus, hard)
    for target in (sym, hard):
        r = dedupe_cli(str(corpus), *FIELDS, "--output", str(target))
        assert r.exit_code == 2, r.output
        assert f"--output {target}" in r.output
        assert corpus.read_bytes() == before and sym.is_symlink()
    # The other way round: the input is named through a link, the output is the file itself.
    r = dedupe_cli(str(sym), *FIELDS, "--keep-list", str(corpus))
    assert r.exit_code == 2 and corpus.read_bytes() == before


def test_dedupe_refuses_output_folders_inside_or_around_an_input_folder(tmp_path):
    root = tmp_path / "corpus"
    write_corpus(root)
    before = snapshot(tmp_path)
    for option, target in [("--output", root / "dedup"), ("--output", root), ("--output", tmp_path),
                           ("--clusters", root / "clusters.jsonl"), ("--report", root / "sub" / "r.html")]:
        r = dedupe_cli(str(root), option, str(target))
        assert r.exit_code == 2, (option, target, r.output)
        assert f"{option} {target}" in r.output and str(root) in r.output
    r = dedupe_cli(str(root), "--level", "paragraph", "--clusters", str(root / "p.jsonl"))
    assert r.exit_code == 2, r.output
    assert snapshot(tmp_path) == before
    # Beside the input is fine.
    r = dedupe_cli(str(root), "--output", str(tmp_path / "dedup"))
    assert r.exit_code == 0, r.output


def test_output_check_compares_qualified_spark_paths():
    """The Spark engine qualifies paths with Hadoop (file:/…, hdfs://…) and calls the same check."""
    from kjlint.paths import OutputOverlap, refuse_overwriting_inputs

    with pytest.raises(OutputOverlap, match="--output hdfs://nn/corpus/out"):
        refuse_overwriting_inputs({"--output": "hdfs://nn/corpus/out"}, ["hdfs://nn/corpus"])
    with pytest.raises(OutputOverlap):
        refuse_overwriting_inputs({"--clusters": "file:/data/c.jsonl"}, ["file:/data/c.jsonl"])
    refuse_overwriting_inputs({"--output": "hdfs://nn/out"}, ["hdfs://nn/corpus"])
    refuse_overwriting_inputs({"--output": "hdfs://nn/corpus"}, ["file:/tmp/corpus"])  # another file system
    refuse_overwriting_inputs({"--output": "hdfs://nn/corpus-2"}, ["hdfs://nn/corpus"])  # a prefix is not a folder


# ------------------------------------------------------------------ --fix and links, read-only files

COLON = "会议时间:上午\n"
COLON_FIXED = "会议时间：上午\n"


def test_fix_through_a_symlink_writes_the_target_and_keeps_the_link(tmp_path):
    real = tmp_path / "docs" / "real.txt"
    real.parent.mkdir()
    real.write_text(COLON, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    r = run_cli("check", "--fix", "--select", "KJ702", str(link))
    assert r.exit_code == 0, r.output
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8") == COLON_FIXED
    assert not [p for p in tmp_path.rglob("*kjlint-tmp*")]


def test_fix_refuses_a_hard_linked_file_and_keeps_both_names(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(COLON, encoding="utf-8")
    os.link(a, b)
    other = tmp_path / "other.txt"
    other.write_text(COLON, encoding="utf-8")
    r = run_cli("check", "--fix", "--select", "KJ702", str(a), str(other))
    assert r.exit_code == 2, r.output
    assert f"{a}: fixes not written: it has 2 hard links" in r.output
    assert os.stat(a).st_ino == os.stat(b).st_ino and os.stat(a).st_nlink == 2
    assert a.read_text(encoding="utf-8") == COLON
    assert other.read_text(encoding="utf-8") == COLON_FIXED  # the other files are still fixed


def test_fix_refuses_a_read_only_file(tmp_path):
    ro = tmp_path / "ro.txt"
    ro.write_text(COLON, encoding="utf-8")
    ro.chmod(0o444)
    r = run_cli("check", "--fix", "--select", "KJ702", str(ro))
    assert r.exit_code == 2, r.output
    assert f"{ro}: fixes not written: the file is read-only" in r.output
    assert ro.read_text(encoding="utf-8") == COLON
    assert stat.S_IMODE(ro.stat().st_mode) == 0o444
    # --diff only shows the fix: a read-only file is fine.
    r = run_cli("check", "--diff", "--select", "KJ702", str(ro))
    assert "+会议时间：上午" in r.stdout


# ------------------------------------------------------------------ modes

@pytest.fixture
def umask():
    old = os.umask(0o022)
    yield lambda mask: os.umask(mask)
    os.umask(old)


@pytest.mark.parametrize("mask", [0o022, 0o027])
def test_new_files_follow_the_umask(tmp_path, corpus, umask, mask):
    umask(mask)
    expected = 0o666 & ~mask
    out = tmp_path / "out"
    out.mkdir()
    names = {"--output": "dedup.jsonl", "--clusters": "c.jsonl", "--keep-list": "keep.txt",
             "--drop-list": "drop.txt", "--report": "r.html"}
    args = [x for opt, name in names.items() for x in (opt, str(out / name))]
    r = dedupe_cli(str(corpus), *FIELDS, *args)
    assert r.exit_code == 0, r.output
    folder = tmp_path / "folder"
    write_corpus(folder)
    assert dedupe_cli(str(folder), "--output", str(out / "kept")).exit_code == 0
    (tmp_path / "d.txt").write_text("xx区科技局2023年工作总结\n", encoding="utf-8")
    run_cli("check", str(tmp_path / "d.txt"), "-o", str(out / "report.txt"))
    files = [p for p in out.rglob("*") if p.is_file()]
    assert len(files) > 6
    assert {str(p.relative_to(out)): oct(stat.S_IMODE(p.stat().st_mode)) for p in files} == \
        {str(p.relative_to(out)): oct(expected) for p in files}


def test_a_fixed_file_keeps_its_mode(tmp_path, umask):
    f = tmp_path / "f.txt"
    f.write_text(COLON, encoding="utf-8")
    f.chmod(0o640)
    assert run_cli("check", "--fix", "--select", "KJ702", str(f)).exit_code == 0
    assert f.read_text(encoding="utf-8") == COLON_FIXED
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
