"""kjlint dedupe: input/output formats, resume from the cache, bad input, CLI, diff, paragraphs."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from kjlint.cli import main
from kjlint.dedupe import DedupeConfig, dedupe
from kjlint.records import Fields

from test_dedupe import BASES, VARIANTS, base, cluster_names, write_corpus


def corpus_records() -> list[dict]:
    """JSONL-style records: each base, its variants, and the two templated reports."""
    out = []
    for name in BASES:
        out.append({"doc_id": name, "body": base(name), "site": "a"})
        for kind, make in VARIANTS.items():
            out.append({"doc_id": f"{name}.{kind}", "body": make(base(name)), "site": "b"})
    for name in ("template_town_a", "template_town_b"):
        out.append({"doc_id": name, "body": base(name), "site": "c"})
    return out


def write_jsonl(path: Path, records, extra_lines=()) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run_cli(args):
    result = CliRunner().invoke(main, ["dedupe", "--no-progress", *args])
    assert result.exit_code == 0, result.output
    return result


def test_jsonl_clusters_output_and_lists(tmp_path):
    src = tmp_path / "corpus.jsonl"
    write_jsonl(src, corpus_records())
    before = src.read_bytes()
    out, clusters, keep, drop = (tmp_path / n for n in ("dedup.jsonl", "clusters.jsonl", "keep.txt", "drop.txt"))
    run_cli([str(src), "--text-field", "body", "--id-field", "doc_id", "--cache", str(tmp_path / "c"),
             "--clusters", str(clusters), "--output", str(out), "--keep-list", str(keep), "--drop-list", str(drop)])
    assert src.read_bytes() == before  # inputs are never modified
    found = [json.loads(line) for line in clusters.read_text(encoding="utf-8").splitlines()]
    assert len(found) == len(BASES)
    for n, c in enumerate(found, 1):
        assert set(c) == {"cluster", "members"} and c["cluster"] == n
        assert all(set(m) == {"id", "path", "kept", "similarity", "reason"} for m in c["members"])
        assert sum(m["kept"] for m in c["members"]) == 1
        assert all(m["path"] == str(src) for m in c["members"])
        assert all(m["similarity"] == 1.0 for m in c["members"] if m["kept"])
    kept_ids = keep.read_text(encoding="utf-8").split()
    dropped_ids = drop.read_text(encoding="utf-8").split()
    all_ids = [r["doc_id"] for r in corpus_records()]
    assert sorted(kept_ids + dropped_ids) == sorted(all_ids) and not set(kept_ids) & set(dropped_ids)
    assert len(kept_ids) == len(BASES) + 2
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in written] == [i for i in all_ids if i in kept_ids]
    assert all(set(r) == {"doc_id", "body", "site"} for r in written)  # records verbatim


def test_parquet_in_parquet_out(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    records = corpus_records()
    table = pa.table({"id": [r["doc_id"] for r in records], "text": [r["body"] for r in records],
                      "n": list(range(len(records)))})
    src = tmp_path / "corpus.parquet"
    pq.write_table(table, src, row_group_size=7)
    out = tmp_path / "dedup.parquet"
    run_cli([str(src), "--no-cache", "--output", str(out), "--drop-list", str(tmp_path / "drop.txt")])
    result = pq.read_table(out)
    assert result.schema == table.schema
    dropped = set((tmp_path / "drop.txt").read_text(encoding="utf-8").split())
    assert result.column("id").to_pylist() == [r["doc_id"] for r in records if r["doc_id"] not in dropped]
    assert result.num_rows == len(BASES) + 2


def test_directory_output_keeps_relative_paths(tmp_path):
    write_corpus(tmp_path / "corpus" / "sub")
    out = tmp_path / "out"
    run_cli([str(tmp_path / "corpus"), "--no-cache", "--output", str(out)])
    kept = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt"))
    assert len(kept) == len(BASES) + 2 and all(k.startswith("sub/") for k in kept)
    assert {"sub/template_town_a.txt", "sub/template_town_b.txt"} <= set(kept)


def test_interrupted_run_resumes_from_cache_with_same_result(tmp_path):
    write_corpus(tmp_path / "corpus")
    cfg = DedupeConfig(jobs=1, batch=4, cache_dir=str(tmp_path / "cache"))
    fresh = dedupe([str(tmp_path / "corpus")], DedupeConfig(jobs=1, batch=4))

    def stop_midway(phase, done, total):
        if phase == "sign" and done >= 8:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        dedupe([str(tmp_path / "corpus")], cfg, progress=stop_midway)
    resumed = dedupe([str(tmp_path / "corpus")], cfg)
    assert resumed.cached == 8 and resumed.signed == resumed.documents - 8
    assert [c.to_json() for c in resumed.clusters] == [c.to_json() for c in fresh.clusters]
    # A grown corpus: only the new documents are hashed.
    (tmp_path / "corpus" / "new.txt").write_text(base("plan_edu") + "\n新增一段补充说明。", encoding="utf-8")
    grown = dedupe([str(tmp_path / "corpus")], cfg)
    assert grown.signed == 1 and grown.cached == resumed.documents
    assert any("new.txt" in {Path(m.path).name for m in c.members} for c in grown.clusters)


def test_killed_subprocess_run_resumes(tmp_path):
    """Kill a real CLI run after some batches were cached; the re-run hashes only the rest."""
    import os
    import signal
    import subprocess
    import sys
    import time

    write_corpus(tmp_path / "corpus")
    cache = tmp_path / "cache"
    script = (
        "import sys, time\n"
        "from kjlint.dedupe import DedupeConfig, dedupe\n"
        "def slow(phase, done, total):\n"
        "    if phase == 'sign':\n"
        "        print(done, flush=True); time.sleep(0.3)\n"
        f"dedupe([{str(tmp_path / 'corpus')!r}], DedupeConfig(jobs=1, batch=3, cache_dir={str(cache)!r}), progress=slow)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "3"
    assert proc.stdout.readline().strip() == "6"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(0.1)
    resumed = dedupe([str(tmp_path / "corpus")], DedupeConfig(jobs=1, cache_dir=str(cache)))
    assert 6 <= resumed.cached < resumed.documents
    assert resumed.signed == resumed.documents - resumed.cached
    assert cluster_names(resumed) == cluster_names(dedupe([str(tmp_path / "corpus")], DedupeConfig(jobs=1)))


def test_two_worker_processes_give_the_same_clusters(tmp_path):
    write_corpus(tmp_path / "corpus")
    one = dedupe([str(tmp_path / "corpus")], DedupeConfig(jobs=1, batch=4))
    two = dedupe([str(tmp_path / "corpus")], DedupeConfig(jobs=2, batch=4))
    assert cluster_names(one) == cluster_names(two)


def test_bad_input_is_counted_and_named_and_the_run_goes_on(tmp_path):
    src = tmp_path / "bad.jsonl"
    records = corpus_records()[:4]
    write_jsonl(src, records, ['{"doc_id": "broken", "body": ', '{"doc_id": "nobody"}',
                               '{"doc_id": "num", "body": 42}', '{"doc_id": "blank", "body": "  "}', "[1, 2]"])
    result = dedupe([str(src)], DedupeConfig(jobs=1, fields=Fields("body", "doc_id")))
    msgs = result.warnings.messages
    assert result.warnings.count == 5
    assert f"{src}:5: malformed JSON" in msgs[0]
    assert f"{src}:6: field 'body' missing" in msgs[1]
    assert f"{src}:7: field 'body' not a string (int)" in msgs[2]
    assert f"{src}:8: empty document" in msgs[3]
    assert f"{src}:9: not a JSON object" in msgs[4]
    assert result.documents == 4 and len(result.clusters) == 1

    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "good.txt").write_text(base("plan_edu"), encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 10)
    (folder / "empty.txt").write_text("\n  \n", encoding="utf-8")
    (folder / "mangled.txt").write_bytes(base("plan_edu").encode("utf-8")[:-200] + b"\xff\xfe\xfa" + b"abc")
    result = dedupe([str(folder), str(tmp_path / "missing")], DedupeConfig(jobs=1))
    text = "\n".join(result.warnings.messages)
    assert "binary.txt" in text and "empty.txt: empty document" in text and "missing" in text
    assert "mangled.txt" in text and "undecodable" in text
    assert result.documents == 2  # good.txt and the partly undecodable copy, which still clusters
    assert len(result.clusters) == 1


def test_unreadable_jsonl_and_corrupt_parquet_are_warnings_not_crashes(tmp_path):
    good = tmp_path / "good.jsonl"
    write_jsonl(good, corpus_records())
    dangling = tmp_path / "gone.jsonl"
    dangling.symlink_to(tmp_path / "deleted-after-listing.jsonl")
    result = dedupe([str(good), str(dangling)], DedupeConfig(jobs=1, fields=Fields("body", "doc_id")))
    assert any(m.startswith(f"{dangling}: cannot read") for m in result.warnings.messages), result.warnings.messages
    assert result.documents == len(corpus_records())

    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    records = corpus_records()
    pq.write_table(pa.table({"id": [r["doc_id"] for r in records], "text": [r["body"] for r in records]}),
                   tmp_path / "good.parquet")
    corrupt = tmp_path / "bad.parquet"
    corrupt.write_bytes(b"not a parquet file at all")
    out = tmp_path / "out.parquet"
    result = CliRunner().invoke(main, ["dedupe", str(tmp_path / "good.parquet"), str(corrupt), "--no-cache",
                                       "--no-progress", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{corrupt}: unreadable Parquet" in result.output
    assert pq.read_table(out).num_rows == len(BASES) + 2  # the good file's kept rows


def test_cli_summary_warnings_and_exit_code(tmp_path):
    src = tmp_path / "c.jsonl"
    write_jsonl(src, corpus_records(), ["not json"])
    result = CliRunner().invoke(main, ["dedupe", str(src), "--id-field", "doc_id", "--text-field", "body",
                                       "--no-cache", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert f"{src}:{len(corpus_records()) + 1}: malformed JSON" in result.output
    for label in ("documents", "clusters", "duplicates", "characters saved", "peak memory", "time: verify+keep"):
        assert label in result.output
    assert "Dry run" in result.output
    bad = CliRunner().invoke(main, ["dedupe", str(tmp_path / "nothing-here"), "--no-cache", "--no-progress"])
    assert bad.exit_code == 2


def test_dry_run_writes_nothing(tmp_path):
    src = tmp_path / "c.jsonl"
    write_jsonl(src, corpus_records())
    run_cli([str(src), "--text-field", "body", "--no-cache", "--dry-run", "--clusters", str(tmp_path / "x.jsonl")])
    assert not (tmp_path / "x.jsonl").exists()


def test_paragraph_level_reports_repeated_footers(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    footer = "本文由某某文库网用户上传，仅供学习参考，请勿用于商业用途。"
    for i, name in enumerate(BASES + ("template_town_a",)):
        (root / f"{name}.txt").write_text(base(name) + "\n" + footer, encoding="utf-8")
    out = tmp_path / "passages.jsonl"
    run_cli([str(root), "--level", "paragraph", "--min-docs", "3", "--clusters", str(out)])
    passages = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert passages[0]["passage"] == footer and passages[0]["documents"] == 4
    assert all(p["documents"] >= 3 for p in passages)


def test_diff_shows_both_documents_with_changes(tmp_path, monkeypatch):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(base("duty_street"), encoding="utf-8")
    b.write_text(VARIANTS["trad"](base("duty_street")).replace("2318", "2381"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # short names: a long temporary path is shortened in the header
    result = CliRunner().invoke(main, ["diff", "a.txt", "b.txt", "--width", "160"])
    assert result.exit_code == 0, result.output
    assert "a.txt" in result.output and "b.txt" in result.output and "2381" in result.output

    src = tmp_path / "c.jsonl"
    write_jsonl(src, corpus_records())
    result = CliRunner().invoke(main, ["diff", "plan_edu", "plan_edu.trunc", "--input", str(src),
                                       "--id-field", "doc_id", "--text-field", "body"])
    assert result.exit_code == 0, result.output
    assert "未完" in result.output


def test_result_exposes_report_data(tmp_path):
    write_corpus(tmp_path / "corpus")
    result = dedupe([str(tmp_path / "corpus")], DedupeConfig(jobs=1))
    pairs = result.pairs
    assert pairs.pairs.shape[1] == 2 and len(pairs.jaccard) == len(pairs.pairs)
    assert np.all(pairs.containment >= pairs.jaccard - 1e-6)
    assert set(pairs.method[pairs.duplicate]) <= {"exact", "jaccard", "containment", "fuzzy"}
    s = result.summary()
    assert s["documents"] == result.documents and s["duplicates"] == result.duplicates
    assert result.chars_saved > 0 and s["characters saved"] == result.chars_saved


def test_html_report_from_dedupe_run(tmp_path):
    pytest.importorskip("kjlint.formats.dedupe_html")
    src = tmp_path / "c.jsonl"
    write_jsonl(src, corpus_records())
    report = tmp_path / "report.html"
    run_cli([str(src), "--text-field", "body", "--id-field", "doc_id", "--no-cache", "--report", str(report)])
    html = report.read_text(encoding="utf-8")
    assert "plan_edu.trunc" in html and "duty_street.trad" in html
    assert "read+sign" in html  # per-phase timings reach the report


def test_show_renders_each_pair_from_its_own_documents_even_with_repeated_ids(tmp_path, monkeypatch):
    import kjlint.dedupe.sidebyside as sidebyside

    src = tmp_path / "c.jsonl"
    records = corpus_records()
    write_jsonl(src, [{"body": r["body"], "doc_id": "same"} for r in records])
    shown = []
    monkeypatch.setattr(sidebyside, "render_side_by_side", lambda a, b, *rest: shown.append((a, b)))
    run_cli([str(src), "--text-field", "body", "--id-field", "doc_id", "--no-cache", "--keep", "first",
             "--show", "2"])
    bodies = {r["body"] for r in records}
    assert len(shown) == 2
    assert all(a in bodies and b in bodies and a != b for a, b in shown)


def test_records_without_ids_have_one_name_in_every_output(tmp_path, monkeypatch):
    """Issue #14: a Parquet row or JSONL line without an id is `path:N` (N its 1-based line or row)
    in clusters, keep/drop lists, --show and --report, and the report (also rebuilt later from the
    clusters file) finds its text."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    import kjlint.dedupe.sidebyside as sidebyside
    from kjlint.formats.dedupe_html import texts_from_sources

    records = corpus_records()
    parquet = tmp_path / "corpus.parquet"
    pq.write_table(pa.table({"body": [r["body"] for r in records]}), parquet, row_group_size=7)
    jsonl = tmp_path / "corpus.jsonl"
    write_jsonl(jsonl, [{"body": r["body"]} for r in records])
    shown, every_name = [], set()
    monkeypatch.setattr(sidebyside, "render_side_by_side", lambda a, b, *rest: shown.append(rest[:2]))
    for path in (parquet, jsonl):
        out = tmp_path / path.suffix[1:]
        out.mkdir()
        run_cli([str(path), "--text-field", "body", "--keep", "first", "--no-cache", "--show", "2",
                 "--clusters", str(out / "c.jsonl"), "--keep-list", str(out / "keep.txt"),
                 "--drop-list", str(out / "drop.txt"), "--report", str(out / "r.html")])
        clusters = [json.loads(line) for line in (out / "c.jsonl").read_text(encoding="utf-8").splitlines()]
        names = {f"{path}:{k}" for k in range(1, len(records) + 1)}
        every_name |= names
        members = [m for c in clusters for m in c["members"]]
        assert members and {m["id"] for m in members} <= names
        lists = (out / "keep.txt").read_text(encoding="utf-8").split() + \
            (out / "drop.txt").read_text(encoding="utf-8").split()
        assert sorted(lists) == sorted(names)
        text_of = texts_from_sources(clusters, "body")
        for m in members:
            assert text_of(m) == records[int(m["id"].rsplit(":", 1)[1]) - 1]["body"]
        report = (out / "r.html").read_text(encoding="utf-8")
        first = members[0]["id"]
        assert first in report and "is not available" not in report and "class=\"diff\"" in report
    assert len(shown) == 4 and all(label.split(": ", 1)[1] in every_name for pair in shown for label in pair)
