"""`kjlint check` on a corpus (issue #15): JSONL, .jsonl.gz and Parquet records linted one by one and
named in every format, bad records skipped, a cleaned copy with --fix --output and --drop-if."""
from __future__ import annotations

import gzip
import json

import pytest

from helpers import run_cli

R1 = "某区科技局2021年工作总结\n一、主要工作\n今年我局认真贯彻落实各项决策部署，取得了明显成效。\n"
R2 = "某区科技局2022年工作计划\n全年共投入资金xx万元，用于支持科技创新。\n"
R3 = "某区农业局工作总结\n今年全区农业工作总结(jié)如下，请审阅。\n"
GLOSS = "(jié)"
RECORDS = [{"id": "r1", "text": R1, "source": "a", "n": 1},
           {"id": "r2", "text": R2, "source": "b", "n": 2.5},
           {"id": "r3", "text": R3, "source": "c", "tags": ["x", "y"]}]


def _jsonl(path, records=RECORDS, extra: str = "") -> bytes:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records) + extra
    path.write_text(data, encoding="utf-8")
    return path.read_bytes()


def _position(text: str, needle: str) -> tuple[int, int, int]:
    """(line, column, offset) of `needle` in `text`, 1-based line and column."""
    offset = text.index(needle)
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1, offset


def _json(result) -> list[dict]:
    return json.loads(result.stdout)


def test_bar_placeholder_in_r2_and_pinyin_gloss_gone_from_the_copy_of_r3(tmp_path):
    before = _jsonl(tmp_path / "c.jsonl")
    found = _json(run_cli("check", "c.jsonl", "--format", "json", "-j", "1", cwd=tmp_path))
    mask = [f for f in found if f["code"] == "KJ201"]
    assert len(mask) == 1
    line, column, offset = _position(R2, "xx")
    assert (mask[0]["path"], mask[0]["record"]) == ("c.jsonl", "r2")
    assert (mask[0]["line"], mask[0]["column"], mask[0]["offset"], mask[0]["end_offset"]) == \
        (line, column, offset, offset + 2)
    assert any(f["code"] == "KJ403" and f["record"] == "r3" for f in found)

    r = run_cli("check", "c.jsonl", "--fix", "--output", "cleaned.jsonl", "-j", "1", cwd=tmp_path)
    assert r.exit_code == 1  # the mask is still there
    cleaned = [json.loads(line) for line in (tmp_path / "cleaned.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [c["id"] for c in cleaned] == ["r1", "r2", "r3"]
    assert GLOSS not in cleaned[2]["text"] and cleaned[2]["text"] == R3.replace(GLOSS, "")
    assert cleaned[:2] == RECORDS[:2]  # unchanged records, every field as it was
    assert {k: v for k, v in cleaned[2].items() if k != "text"} == \
        {k: v for k, v in RECORDS[2].items() if k != "text"}
    assert (tmp_path / "c.jsonl").read_bytes() == before
    assert "wrote cleaned.jsonl: 3 of 3 records (1 changed by fixes, 0 dropped" in r.stderr


def test_every_format_names_the_record(tmp_path):
    _jsonl(tmp_path / "c.jsonl")
    line, column, _offset = _position(R2, "xx")
    text = run_cli("check", "c.jsonl", "-j", "1", cwd=tmp_path).stdout
    assert f"c.jsonl:r2:{line}:{column}: KJ201" in text
    assert "全年共投入资金xx万元" in text  # the code frame shows the record's line, not the JSON line
    assert "Records: 3 checked, 2 with findings (66.7%)." in text
    assert "Found 2 findings in 2 records" in text
    concise = run_cli("check", "c.jsonl", "--format", "concise", "-j", "1", cwd=tmp_path).stdout
    assert f"c.jsonl:r2:{line}:{column}: KJ201" in concise
    sarif = json.loads(run_cli("check", "c.jsonl", "--format", "sarif", "-j", "1", cwd=tmp_path).stdout)
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "KJ201")
    location = result["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "c.jsonl"
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "c.jsonl:r2"
    assert location["physicalLocation"]["region"]["startColumn"] == column
    lines = [json.loads(x) for x in
             run_cli("check", "c.jsonl", "--format", "jsonl", "-j", "1", cwd=tmp_path).stdout.splitlines()]
    assert [(x["record"], x["counts"]) for x in lines] == [("r1", {}), ("r2", {"KJ2": 1}),
                                                            ("r3", {"KJ4": 1})]
    assert lines[1]["findings"][0]["column"] == column
    html = run_cli("check", "c.jsonl", "--format", "html", "-j", "1", cwd=tmp_path).stdout
    assert "c.jsonl:r2" in html and "c.jsonl:r1" not in html  # clean records are only counted
    junit = run_cli("check", "c.jsonl", "--format", "junit", "-j", "1", cwd=tmp_path).stdout
    assert 'classname="c.jsonl:r2"' in junit


def test_records_without_an_id_are_named_as_dedupe_names_them(tmp_path):
    texts = [R1, R2, R3 + "另有说明。\n"]
    (tmp_path / "c.jsonl").write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts),
                                      encoding="utf-8")
    lines = [json.loads(x) for x in
             run_cli("check", "c.jsonl", "--format", "jsonl", "-j", "1", cwd=tmp_path).stdout.splitlines()]
    assert [x["record"] for x in lines] == ["c.jsonl:1", "c.jsonl:2", "c.jsonl:3"]
    text = run_cli("check", "c.jsonl", "-j", "1", cwd=tmp_path).stdout
    assert "c.jsonl:2:2:8: KJ201" in text  # not c.jsonl:c.jsonl:2:…
    r = run_cli("dedupe", "c.jsonl", "--keep-list", "kept.txt", cwd=tmp_path)
    assert r.exit_code == 0, r.output
    assert (tmp_path / "kept.txt").read_text(encoding="utf-8").split() == [x["record"] for x in lines]


def test_bad_records_are_reported_with_their_line_and_skipped(tmp_path):
    extra = '{"id": "r4"}\n{"id": "r5", "text": 5}\nnot json\n{"id": "r6", "text": ""}\n'
    _jsonl(tmp_path / "c.jsonl", extra=extra)
    r = run_cli("check", "c.jsonl", "--format", "json", "-j", "1", cwd=tmp_path)
    assert r.exit_code == 2  # as for an unreadable file: the others are still linted and reported
    assert "kjlint: error: c.jsonl:4: field 'text' missing, skipped" in r.stderr
    assert "kjlint: error: c.jsonl:5: field 'text' not a string (int), skipped" in r.stderr
    assert "kjlint: error: c.jsonl:6: malformed JSON" in r.stderr
    assert "kjlint: warning: c.jsonl:7: empty document, skipped" in r.stderr
    found = _json(r)
    assert [e["error"].split(":")[1] for e in found if "error" in e] == ["4", "5", "6"]
    assert {f["record"] for f in found if "code" in f} == {"r2", "r3"}
    r = run_cli("check", "c.jsonl", "--fix", "--output", "out.jsonl", "-j", "1", cwd=tmp_path)
    kept = [json.loads(x)["id"] for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert kept == ["r1", "r2", "r3"]
    assert "3 of 7 records" in r.stderr and "4 skipped as unreadable or empty" in r.stderr


def test_drop_if_leaves_out_records_with_those_findings(tmp_path):
    _jsonl(tmp_path / "c.jsonl")
    r = run_cli("check", "c.jsonl", "--output", "out.jsonl", "--drop-if", "KJ2,pinyin-annotation", "-j", "1",
                cwd=tmp_path)
    kept = [json.loads(x)["id"] for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert kept == ["r1"]
    assert "0 changed by fixes, 2 dropped: KJ2 ×1, KJ4 ×1" in r.stderr
    # The pinyin gloss alone is fixed, so dropping on KJ4 keeps r3 (decided after the fixes).
    run_cli("check", "c.jsonl", "--fix", "--output", "out.jsonl", "--drop-if", "KJ4", "-j", "1", cwd=tmp_path)
    kept = [json.loads(x)["id"] for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert kept == ["r1", "r2", "r3"]
    assert run_cli("check", "c.jsonl", "--output", "o.jsonl", "--drop-if", "KJ9", cwd=tmp_path).exit_code == 2
    r = run_cli("check", "c.jsonl", "--drop-if", "KJ2", cwd=tmp_path)
    assert r.exit_code == 2 and "--drop-if needs --output" in r.stderr


def test_a_corpus_is_never_written_in_place(tmp_path):
    before = _jsonl(tmp_path / "c.jsonl")
    r = run_cli("check", "c.jsonl", "--fix", cwd=tmp_path)
    assert r.exit_code == 2 and "never rewritten in place" in r.stderr
    r = run_cli("check", "c.jsonl", "--fix", "--output", "c.jsonl", cwd=tmp_path)
    assert r.exit_code == 2 and "never overwrites its inputs" in r.stderr
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text(R2, encoding="utf-8")
    r = run_cli("check", "d", "--output", "o.jsonl", cwd=tmp_path)
    assert r.exit_code == 2 and "--output is for corpora" in r.stderr
    assert (tmp_path / "c.jsonl").read_bytes() == before
    assert not (tmp_path / "o.jsonl").exists()


def test_gzip_corpus_in_and_out(tmp_path):
    plain = _jsonl(tmp_path / "c.jsonl")
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(plain))
    a = _json(run_cli("check", "c.jsonl", "--format", "json", "-j", "1", cwd=tmp_path))
    b = _json(run_cli("check", "c.jsonl.gz", "--format", "json", "-j", "1", cwd=tmp_path))
    assert [{**f, "path": "c.jsonl"} for f in b] == a
    run_cli("check", "c.jsonl.gz", "--fix", "--output", "out.jsonl.gz", "-j", "1", cwd=tmp_path)
    cleaned = [json.loads(x) for x in gzip.decompress((tmp_path / "out.jsonl.gz").read_bytes()).splitlines()]
    assert cleaned[2]["text"] == R3.replace(GLOSS, "")
    # dedupe reads it through the same reader
    assert run_cli("dedupe", "c.jsonl.gz", "--keep-list", "kept.txt", cwd=tmp_path).exit_code == 0
    assert (tmp_path / "kept.txt").read_text(encoding="utf-8").split() == ["r1", "r2", "r3"]


def test_records_that_are_not_utf8_or_null_are_named_as_such(tmp_path):
    """JSON Lines is UTF-8: a line of other bytes is not guessed as UTF-16 from a BOM-like start;
    a null text is null, not missing; a UTF-8 byte-order mark before the first record is no fault."""
    (tmp_path / "c.jsonl").write_bytes(
        b'\xef\xbb\xbf{"id": "r1", "text": "\xe7\xa7\x91\xe6\x8a\x80\xe5\xb1\x80xx\xe5\xb9\xb4"}\n'
        b'\xff\xfe{"id": "r2"}\n{"id": "r3", "text": null}\n')
    r = run_cli("check", "c.jsonl", "--format", "json", "-j", "1", cwd=tmp_path)
    assert "kjlint: error: c.jsonl:2: not UTF-8 (byte 0xff at byte 1), skipped" in r.stderr
    assert "kjlint: error: c.jsonl:3: field 'text' is null, skipped" in r.stderr
    assert [f["record"] for f in _json(r) if "code" in f] == ["r1"]


def test_zstd_corpus_in_and_out(tmp_path):
    zstandard = pytest.importorskip("zstandard")
    plain = _jsonl(tmp_path / "c.jsonl")
    (tmp_path / "c.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(plain))
    a = _json(run_cli("check", "c.jsonl", "--format", "json", "-j", "1", cwd=tmp_path))
    b = _json(run_cli("check", "c.jsonl.zst", "--format", "json", "-j", "1", cwd=tmp_path))
    assert [{**f, "path": "c.jsonl"} for f in b] == a
    run_cli("check", "c.jsonl.zst", "--fix", "--output", "out.jsonl.zst", "-j", "1", cwd=tmp_path)
    unzstd = zstandard.ZstdDecompressor()
    cleaned = [json.loads(x) for x in unzstd.stream_reader((tmp_path / "out.jsonl.zst").read_bytes()).read().splitlines()]
    assert cleaned[2]["text"] == R3.replace(GLOSS, "")
    # dedupe reads it through the same reader, and its copy is compressed as its name says
    r = run_cli("dedupe", "c.jsonl.zst", "--keep-list", "kept.txt", "--output", "kept.jsonl.zst", cwd=tmp_path)
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "kept.txt").read_text(encoding="utf-8").split() == ["r1", "r2", "r3"]
    assert unzstd.stream_reader((tmp_path / "kept.jsonl.zst").read_bytes()).read() == plain


def test_dedupe_gzip_copy_is_gzip(tmp_path):
    plain = _jsonl(tmp_path / "c.jsonl")
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(plain))
    assert run_cli("dedupe", "c.jsonl.gz", "--output", "kept.jsonl.gz", cwd=tmp_path).exit_code == 0
    assert gzip.decompress((tmp_path / "kept.jsonl.gz").read_bytes()) == plain


def test_parquet_inputs_of_two_schemas_refused_for_one_copy(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.Table.from_pylist([{"id": "a", "text": R2}]), tmp_path / "a.parquet")
    pq.write_table(pa.Table.from_pylist([{"id": "b", "text": R3, "n": 1}]), tmp_path / "b.parquet")
    for command in (("check", "--fix"), ("dedupe",)):
        r = run_cli(*command, "a.parquet", "b.parquet", "--output", "out.parquet", cwd=tmp_path)
        assert r.exit_code == 2 and "b.parquet differs from a.parquet" in r.stderr, (command, r.stderr)
        assert not (tmp_path / "out.parquet").exists()


def test_parquet_corpus(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.Table.from_pylist([{"doc": r["id"], "body": r["text"], "n": i} for i, r in enumerate(RECORDS)])
    pq.write_table(table, tmp_path / "c.parquet")
    before = (tmp_path / "c.parquet").read_bytes()
    found = _json(run_cli("check", "c.parquet", "--text-field", "body", "--id-field", "doc", "--format", "json",
                          "-j", "1", cwd=tmp_path))
    mask = next(f for f in found if f["code"] == "KJ201")
    assert (mask["path"], mask["record"], mask["offset"]) == ("c.parquet", "r2", R2.index("xx"))
    r = run_cli("check", "c.parquet", "--text-field", "body", "--id-field", "doc", "--fix", "--output",
                "out.parquet", "--drop-if", "KJ201", "-j", "1", cwd=tmp_path)
    assert r.exit_code == 1, r.stderr  # the dropped record's finding is still reported
    out = pq.read_table(tmp_path / "out.parquet")
    assert out.schema == table.schema
    assert out.to_pylist() == [{"doc": "r1", "body": R1, "n": 0}, {"doc": "r3", "body": R3.replace(GLOSS, ""), "n": 2}]
    assert (tmp_path / "c.parquet").read_bytes() == before
    no_id = _json(run_cli("check", "c.parquet", "--text-field", "body", "--format", "json", "-j", "1", cwd=tmp_path))
    assert next(f for f in no_id if f["code"] == "KJ201")["record"] == "c.parquet:2"


def test_a_folder_stays_a_folder_of_documents(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text(R2, encoding="utf-8")
    _jsonl(tmp_path / "d" / "c.jsonl")  # not a document: folders hold .txt, .md and Word files
    _jsonl(tmp_path / "c.jsonl")
    found = _json(run_cli("check", "d", "c.jsonl", "--format", "json", "-j", "1", cwd=tmp_path))
    masks = sorted((f["path"], f.get("record")) for f in found if f["code"] == "KJ201")
    assert masks == [("c.jsonl", "r2"), ("d/a.txt", None)]


def test_two_workers_give_what_one_gives(tmp_path):
    records = [{"id": f"n{i}", "text": (R2 if i % 3 == 0 else R3 if i % 3 == 1 else R1) + f"第{i}条补充说明。\n"}
               for i in range(70)]
    _jsonl(tmp_path / "c.jsonl", records)
    runs = []
    for jobs in ("1", "2"):
        r = run_cli("check", "c.jsonl", "--format", "json", "--fix", "--output", f"out{jobs}.jsonl",
                    "-j", jobs, cwd=tmp_path)
        runs.append((r.stdout, (tmp_path / f"out{jobs}.jsonl").read_bytes()))
    assert runs[0] == runs[1]
    assert len(_json_text(runs[0][0])) >= 23


def _json_text(stdout: str) -> list:
    return json.loads(stdout)


def test_health_report(tmp_path):
    extra = json.dumps({"id": "r9", "text": "某县工作总结\n来源：某某网\n今年全县各项工作顺利推进。\n"
                        "二是加强队伍建设……（未完，全文共3200字，当前只显示1200字）\n"}, ensure_ascii=False) + "\n"
    _jsonl(tmp_path / "c.jsonl", extra=extra + "not json\n")
    r = run_cli("check", "c.jsonl", "--report", "health.html", "--format", "json", "-j", "1", cwd=tmp_path)
    assert r.exit_code == 2, r.stderr
    html = (tmp_path / "health.html").read_text(encoding="utf-8")
    assert "4 records checked, 3 with findings (75.0%); 1 unreadable, 0 empty (skipped)" in html
    assert 'data-family="KJ2"' in html and "1 (25.0%)" in html
    assert "来源：某某网" in html  # the furniture line
    assert "未完，全文共3200字" in html  # the truncation notice
    assert 'href="#file0"' in html and 'id="file0"' in html  # worst records link to their findings
    assert run_cli("check", "c.jsonl", "--report", "c.jsonl", cwd=tmp_path).exit_code == 2


def test_health_report_and_summary_in_chinese(tmp_path):
    _jsonl(tmp_path / "c.jsonl")
    r = run_cli("check", "c.jsonl", "--report", "health.html", "--lang", "zh", "-j", "1", cwd=tmp_path)
    html = (tmp_path / "health.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in html and "kjlint 文档集质量报告" in html
    assert "共检查 3 条记录，2 条有问题（66.7%）" in html and "问题最多的记录" in html
    assert "记录：共检查 3 条，2 条有问题（66.7%）。" in r.stdout
    assert "KJ2 占位符：1 条记录（33.3%）：KJ201 1" in r.stdout


def test_unsafe_fixes_reach_the_copy_only_when_asked(tmp_path):
    mixed = "某区农业局工作总结\n今年全区农业工作总結如下，请审阅。\n"  # one traditional character
    _jsonl(tmp_path / "c.jsonl", [{"id": "m", "text": mixed}])
    run_cli("check", "c.jsonl", "--fix", "--output", "safe.jsonl", "-j", "1", cwd=tmp_path)
    assert json.loads((tmp_path / "safe.jsonl").read_text(encoding="utf-8"))["text"] == mixed
    run_cli("check", "c.jsonl", "--unsafe-fixes", "--output", "unsafe.jsonl", "-j", "1", cwd=tmp_path)
    assert json.loads((tmp_path / "unsafe.jsonl").read_text(encoding="utf-8"))["text"] == mixed.replace("結", "结")


def test_a_failed_copy_leaves_no_output(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.Table.from_pylist([{"id": "a", "text": R2}]), tmp_path / "a.parquet")
    pq.write_table(pa.Table.from_pylist([{"id": "b", "text": R1, "extra": 1}]), tmp_path / "b.parquet")
    r = run_cli("check", "a.parquet", "b.parquet", "--output", "out.parquet", "-j", "1", cwd=tmp_path)
    assert r.exit_code == 2  # the second file's schema does not fit the copy's
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.parquet", "b.parquet"]


def test_streamed_jsonl_keeps_the_exit_code(tmp_path):
    _jsonl(tmp_path / "clean.jsonl", [RECORDS[0]])
    _jsonl(tmp_path / "c.jsonl")
    assert run_cli("check", "clean.jsonl", "--format", "jsonl", "-j", "1", cwd=tmp_path).exit_code == 0
    r = run_cli("check", "c.jsonl", "--format", "jsonl", "-o", "out.jsonl", "-j", "1", cwd=tmp_path)
    assert r.exit_code == 1 and r.stdout == ""
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["record"] for x in lines] == ["r1", "r2", "r3"]
    assert run_cli("check", "c.jsonl", "--format", "jsonl", "--fail-level", "error", "--select", "KJ7",
                   "-j", "1", cwd=tmp_path).exit_code == 0


def test_any_engine_adapter_runs_the_corpus_check_in_bounded_tasks(tmp_path):
    """The corpus check only talks to the engine interface: an in-process adapter written here gives
    what the local engine gives, and no task carries more than TASK_RECORDS records."""
    from kjlint.corpus import TASK_RECORDS, lint_corpora
    from kjlint.engines.base import Engine
    from kjlint.runner import Overrides

    class Recording(Engine):
        name = "recording"

        def __init__(self):
            self.sizes: list[int] = []

        def start(self, context):
            self.context = context
            context.prepare()

        def map(self, func, tasks, chunksize=1):
            for task in tasks:
                self.sizes.append(len(task[2]))
                yield func(self.context, task)

    records = [dict(r, id=f"{r['id']}-{k}") for k in range(100) for r in RECORDS]
    _jsonl(tmp_path / "c.jsonl", records, extra="not json\n")
    engine = Recording()
    ov = Overrides(fix=True)
    results, stats = lint_corpora([str(tmp_path / "c.jsonl")], overrides=ov, engine=engine,
                                  output=str(tmp_path / "a.jsonl"), drop=frozenset({"KJ201"}))
    local, local_stats = lint_corpora([str(tmp_path / "c.jsonl")], overrides=ov, jobs=2,
                                      output=str(tmp_path / "b.jsonl"), drop=frozenset({"KJ201"}))
    assert [(r.record, r.error, [f.to_dict() for f in r.findings]) for r in results] == \
        [(r.record, r.error, [f.to_dict() for f in r.findings]) for r in local]
    assert stats == local_stats and stats.dropped == 100 and stats.changed == 100 and stats.skipped == 1
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    assert sum(engine.sizes) == 300 and max(engine.sizes) == TASK_RECORDS


def test_engine_spark_is_for_corpora_only(tmp_path):
    (tmp_path / "a.txt").write_text(R1, encoding="utf-8")
    r = run_cli("check", "a.txt", "--engine", "spark", cwd=tmp_path)
    assert r.exit_code == 2 and "--engine is for corpora" in r.stderr
    _jsonl(tmp_path / "c.jsonl")
    r = run_cli("check", "c.jsonl", "--engine", "spark", "--conf", "nonsense", cwd=tmp_path)
    assert r.exit_code == 2 and "--conf expects key=value" in r.stderr
