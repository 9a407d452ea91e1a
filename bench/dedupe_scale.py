"""`kjlint dedupe` at scale through the CLI, as a user runs it (by hand, not in tests).

    python bench/dedupe_scale.py [--n 200000] [--keep best] [--jobs N] [--workdir /tmp/kjlint-dedupe-scale]

Generates the labeled corpus once per size and seed (bench/dedupe_data.py, about 7,700 bytes per
document), runs `python -m kjlint dedupe CORPUS --no-cache --keep KEEP --keep-list K --drop-list D`
in a subprocess, checks that it succeeded and that every document is listed once, and prints the
wall time and the peak memory (main process and largest worker, from the run's own summary).
Exits 1 when the run fails.

Measured on the 2-core development machine shared with other jobs (so a ceiling, not a rate):
200,000 documents (1.5 GB of JSONL), `--keep best`: 414 s, peak memory main 377 MB, per worker
188 MB, every document in the keep or drop list once (before lazy ranking). 1,000,000 documents
(7.3 GB), `--jobs 2`: `--keep best` 384 s on 2026-12-01 (verify+keep 273 s; 548 s before), peak memory main 1,432 MB,
per worker 194 MB; `--keep first` 235 s, 1,398 MB and 174 MB.

Issue #12: at 200,000 documents the default `--keep best` crashed in a worker
(UnicodeDecodeError: pinyin "huà" before a "……" truncation notice made a KJ4 check decode bytes
that only look like UTF-8); `--keep first` finished. Unit test at small scale:
tests/test_reliability_data.py::test_keep_best_survives_a_document_the_quality_rules_fail_on.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def corpus(n: int, seed: int, workdir: Path) -> Path:
    path = workdir / f"dedupe-{n}-{seed}.jsonl"
    if not path.exists():
        t = time.perf_counter()
        subprocess.run([sys.executable, str(HERE / "dedupe_data.py"), str(n), str(path), "--seed", str(seed)],
                       check=True)
        print(f"generated {path} ({path.stat().st_size / 2**20:,.0f} MB) in {time.perf_counter() - t:.0f} s")
    return path


def summary_value(text: str, label: str) -> str | None:
    m = re.search(re.escape(label) + r"\s*[│|]\s*([\d,.]+)", text)
    return m.group(1).replace(",", "") if m else None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", default="best", choices=["best", "first", "longest"])
    ap.add_argument("--jobs", type=int, help="-j for kjlint dedupe (default: all cores)")
    ap.add_argument("--workdir", default="/tmp/kjlint-dedupe-scale")
    args = ap.parse_args(argv)
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    data = corpus(args.n, args.seed, workdir)
    keep, drop = workdir / "keep.txt", workdir / "drop.txt"
    cmd = [sys.executable, "-m", "kjlint", "dedupe", str(data), "--no-cache", "--no-progress", "--keep", args.keep,
           "--keep-list", str(keep), "--drop-list", str(drop)] + (["-j", str(args.jobs)] if args.jobs else [])
    t = time.perf_counter()
    env = {**os.environ, "KJLINT_LANG": "en"}  # the summary is read in English
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - t
    if proc.returncode != 0:
        print(f"FAILED (exit {proc.returncode}) after {seconds:.0f} s:\n{proc.stderr[-3000:]}")
        return 1
    documents = int(summary_value(proc.stderr, "documents") or 0)
    listed = keep.read_text(encoding="utf-8").splitlines() + drop.read_text(encoding="utf-8").splitlines()
    ok = len(listed) == len(set(listed)) == documents
    print(f"kjlint dedupe --keep {args.keep}: {documents:,} documents in {seconds:.0f} s "
          f"({documents / seconds:,.0f} documents/s), "
          f"{summary_value(proc.stderr, 'duplicates')} duplicates in {summary_value(proc.stderr, 'clusters')} clusters")
    main_mb = float(summary_value(proc.stderr, "peak memory, main (MB)") or 0)
    worker_mb = float(summary_value(proc.stderr, "peak memory, per worker (MB)") or 0)
    workers = args.jobs or os.cpu_count() or 1
    print(f"peak memory: main {main_mb:,.0f} MB, per worker {worker_mb:,.0f} MB; at most "
          f"{main_mb + workers * worker_mb:,.0f} MB together ({workers} workers)")
    phases = re.findall(r"time: ([\w+]+)\s*[│|]\s*([\d.]+) s", proc.stderr)
    print("phases: " + ", ".join(f"{name} {float(secs):.0f} s" for name, secs in phases))
    print(f"keep and drop lists: {'every document listed once' if ok else 'NOT every document listed once'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
