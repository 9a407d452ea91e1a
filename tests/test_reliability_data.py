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
from kjlint.records import Fields

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


def test_check_refuses_a_report_written_over_an_input(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("xx区科技局2023年工作总结\n", encoding="utf-8")
    r = run_cli("check", str(draft), "-o", str(draft))
    assert r.exit_code == 2 and f"kjlint: error: -o {draft}: is the input {draft}" in r.output
    assert draft.read_text(encoding="utf-8") == "xx区科技局2023年工作总结\n"
    # A report inside the folder linted is the usual form (kjlint check . -o kjlint.sarif).
    r = run_cli("check", str(tmp_path), "--format", "sarif", "-o", str(tmp_path / "kjlint.sarif"))
    assert r.exit_code == 1 and (tmp_path / "kjlint.sarif").exists()


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


# ------------------------------------------------------------------ dedupe crashes

# Found at 200,000 generated documents: pinyin after 劃 followed by a truncation notice. "à……"
# read back as Latin-1 bytes is E0 85 85, which looks like UTF-8 but is not (an overlong form),
# and a KJ4 check decoding it raised in the `--keep best` lint of the worker.
PINYIN_TRUNCATED = "科學制定規劃(huà……"


def test_keep_best_survives_a_document_the_quality_rules_fail_on(tmp_path):
    from kjlint.dedupe.keep import quality_findings

    text = base("plan_edu") + PINYIN_TRUNCATED
    assert quality_findings(text) >= 0
    src = tmp_path / "c.jsonl"
    write_jsonl(src, [{"id": "a", "text": text}, {"id": "b", "text": text + "\n"},
                      {"id": "c", "text": base("report_tech")}])
    keep = tmp_path / "keep.txt"
    r = dedupe_cli(str(src), "--keep", "best", "--keep-list", str(keep))
    assert r.exit_code == 0, r.output
    assert keep.read_text(encoding="utf-8").split() == ["a", "c"]


def test_a_damaged_cache_chunk_is_skipped_reported_once_and_rebuilt(tmp_path):
    write_corpus(tmp_path / "corpus")
    cfg = DedupeConfig(jobs=1, cache_dir=str(tmp_path / "cache"))
    first = dedupe([str(tmp_path / "corpus")], cfg)
    chunks = sorted((tmp_path / "cache").rglob("chunk-*.npz"))
    assert chunks
    chunks[0].write_bytes(chunks[0].read_bytes()[:100])  # truncated
    r = CliRunner().invoke(main, ["dedupe", "--no-progress", str(tmp_path / "corpus"), "--cache",
                                  str(tmp_path / "cache"), "-j", "1"])
    assert r.exit_code == 0, r.output
    assert r.output.count(chunks[0].name) == 1 and "damaged" in r.output
    again = dedupe([str(tmp_path / "corpus")], cfg)
    assert not again.warnings.messages
    assert again.cached == again.documents and again.signed == 0  # rebuilt
    assert [c.to_json() for c in again.clusters] == [c.to_json() for c in first.clusters]


# ------------------------------------------------------------------ repeated ids

def test_repeated_ids_are_named_and_the_id_lists_stay_disjoint(tmp_path):
    records = corpus_records()
    records.append(dict(records[0]))  # an exact copy under the same id
    records.append({"doc_id": records[1]["doc_id"], "body": base("report_tech") + "另一份文件。", "site": "z"})
    src = tmp_path / "c.jsonl"
    write_jsonl(src, records)
    keep, drop = tmp_path / "keep.txt", tmp_path / "drop.txt"
    r = dedupe_cli(str(src), *FIELDS, "--keep", "first", "--keep-list", str(keep), "--drop-list", str(drop))
    assert r.exit_code == 0, r.output
    kept, dropped = keep.read_text(encoding="utf-8").split(), drop.read_text(encoding="utf-8").split()
    assert not set(kept) & set(dropped)
    assert len(kept) == len(set(kept)) and len(dropped) == len(set(dropped))
    assert records[0]["doc_id"] in kept  # kept first, its copy under the same id dropped
    assert set(kept) | set(dropped) == {r["doc_id"] for r in records}
    assert "2 ids are used by more than one document" in r.output
    assert f"{records[0]['doc_id']!r}" in r.output


# ------------------------------------------------------------------ what dedupe says

def test_show_says_which_side_was_kept_the_similarity_and_the_reason(corpus):
    r = CliRunner().invoke(main, ["dedupe", "--no-progress", "--no-cache", str(corpus), *FIELDS,
                                  "--keep", "first", "--show", "1"], terminal_width=200)
    assert r.exit_code == 0, r.output
    first = corpus_records()[0]["doc_id"]
    assert f"kept: {first}" in r.output and "dropped:" in r.output
    assert "similarity" in r.output and "first: earliest in the input" in r.output
    assert "copy of" in r.output or "near-duplicate of" in r.output


def test_summary_says_what_was_written_where(corpus, tmp_path):
    out, clusters, keep, drop, report = (tmp_path / n for n in ("o.jsonl", "c.jsonl", "k.txt", "d.txt", "r.html"))
    r = dedupe_cli(str(corpus), *FIELDS, "--output", str(out), "--clusters", str(clusters), "--keep-list",
                   str(keep), "--drop-list", str(drop), "--report", str(report))
    assert r.exit_code == 0, r.output
    n_kept = len(out.read_text(encoding="utf-8").splitlines())
    n_clusters = len(clusters.read_text(encoding="utf-8").splitlines())
    n_dropped = len(drop.read_text(encoding="utf-8").splitlines())
    assert f"wrote {out}: {n_kept} documents" in r.output
    assert f"wrote {clusters}: {n_clusters} clusters" in r.output
    assert f"wrote {keep}: {n_kept} ids" in r.output
    assert f"wrote {drop}: {n_dropped} ids" in r.output
    assert f"wrote {report}" in r.output
    q = dedupe_cli(str(corpus), *FIELDS, "-q", "--output", str(out))
    assert "wrote" not in q.output


def test_progress_on_jsonl_counts_towards_a_total_estimated_from_the_file_size(tmp_path):
    src = tmp_path / "c.jsonl"
    records = corpus_records() * 6
    write_jsonl(src, [dict(r, doc_id=f"{r['doc_id']}#{i}") for i, r in enumerate(records)])
    seen = []
    dedupe([str(src)], DedupeConfig(jobs=1, batch=8, fields=Fields("body", "doc_id")),
           progress=lambda phase, done, total: seen.append((phase, done, total)) if phase == "sign" else None)
    assert len(seen) > 3
    assert all(total is not None for _, _, total in seen)
    assert all(0.5 * len(records) <= total <= 2 * len(records) for _, _, total in seen)
    assert seen[-1][1:] == (len(records), len(records))
