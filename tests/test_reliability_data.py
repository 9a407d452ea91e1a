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
