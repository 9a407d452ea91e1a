"""`kjlint check CORPUS` on the local engine and on Spark (`--engine spark`), side by side in one run.

Turns a folder of documents (default ../shared/corpus) into a JSONL corpus in a temporary folder,
then runs, as whole processes with a fresh KJLINT_CACHE_DIR each, alternating between rounds:

- `kjlint check corpus.jsonl --engine local -j N --fix --output cleaned.jsonl --format json -o findings.json`
- the same with `--engine spark --master local[N]`

and prints wall seconds, MB/s (UTF-8 bytes of the texts / wall seconds), the largest RSS of one
process (ru_maxrss of the children: the JVM for Spark) and whether both engines wrote the same
findings and cleaned copy, byte for byte. Asserts nothing. Needs `pip install 'kjlint[spark]'` and Java.

Usage: python bench/bench_check_spark.py [--rounds 2] [--jobs 2] [--corpus DIR] [--repeat 1]
"""
from __future__ import annotations

import hashlib
import json
import resource
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from benchenv import ROOT, bench_env, corpus_parser, parse_corpus_args, run_timed



def make_jsonl(folder: Path, out: Path, repeat: int) -> int:
    """The folder's documents as JSONL records ({"id", "text"}), `repeat` times; UTF-8 bytes of the texts."""
    sys.path.insert(0, str(ROOT))
    from kjlint.reading import read_document
    from kjlint.records import plan_sources

    size = 0
    with out.open("w", encoding="utf-8") as fh:
        for k in range(repeat):
            for source in plan_sources([str(folder)]):
                try:
                    text = read_document(source.path).text
                except Exception:  # noqa: BLE001 - unreadable: not part of the corpus
                    continue
                fh.write(json.dumps({"id": f"{k}/{source.path}", "text": text}, ensure_ascii=False) + "\n")
                size += len(text.encode("utf-8"))
    return size


def run(corpus: Path, engine: str, jobs: int, tmp: Path) -> tuple[float, int, str]:
    """(wall seconds, largest child RSS in bytes, digest of findings + cleaned copy) of one process."""
    out = tmp / engine
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    env = bench_env(KJLINT_CACHE_DIR=str(out / "cache"))
    args = [sys.executable, "-m", "kjlint", "check", str(corpus), "--engine", engine, "-j", str(jobs),
            "--master", f"local[{jobs}]", "--no-progress", "-q", "--exit-zero", "--fix",
            "--output", str(out / "cleaned.jsonl"), "--format", "json", "-o", str(out / "findings.json")]
    wall, _cpu, r = run_timed(args, env)
    if r.returncode not in (0, 2):  # 2: bad records in the corpus, reported
        sys.exit(f"--engine {engine} failed ({r.returncode}): {r.stderr.decode()[-2000:]}")
    digest = hashlib.sha1((out / "findings.json").read_bytes() + b"\0" + (out / "cleaned.jsonl").read_bytes())
    return wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024, digest.hexdigest()[:12]


def main() -> None:
    ap = corpus_parser(2)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=1, help="Copies of the folder's documents in the JSONL.")
    args = parse_corpus_args(ap)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus = tmp / "corpus.jsonl"
        size = make_jsonl(args.corpus, corpus, args.repeat)
        print(f"corpus: {args.corpus} x{args.repeat} as JSONL, {size / 1e6:.1f} MB of text; -j {args.jobs}",
              flush=True)
        walls: dict[str, list[float]] = {"local": [], "spark": []}
        digests: dict[str, set[str]] = {"local": set(), "spark": set()}
        for k in range(args.rounds):
            for engine in (("local", "spark") if k % 2 == 0 else ("spark", "local")):
                wall, rss, digest = run(corpus, engine, args.jobs, tmp)
                walls[engine].append(wall)
                digests[engine].add(digest)
                print(f"round {k + 1} {engine:5}: {wall:6.1f} s, {size / 1e6 / wall:5.2f} MB/s, "
                      f"largest process so far {rss / 2**20:.0f} MB, outputs {digest}", flush=True)
        for engine, values in walls.items():
            print(f"{engine:5}: median {statistics.median(values):.1f} s "
                  f"({size / 1e6 / statistics.median(values):.2f} MB/s)")
        same = len(digests["local"] | digests["spark"]) == 1
        print(f"same findings and cleaned copy on both engines: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
