"""Benchmark `kjlint check` (run by hand; prints figures, asserts nothing).

1. One 20,000-character draft, whole process from shell to exit (target <= 0.25 s wall).
2. A directory of 1,000 drafts (about 5 MB of text) with both cores (target >= 2 MB/s).

Texts come from ../shared/corpus when present (real reports), otherwise generated prose.
Usage: python bench/bench_check.py [--runs 15] [--files 1000]
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

from benchenv import CORPUS, bench_env, run_timed

PHRASES = ["一是加强组织领导，", "二是强化资金保障，", "进一步推动高质量发展，", "全年完成固定资产投资3.6亿元，",
           "新认定高新技术企业18家，", "组织xx家企业参加培训，", "争取上级资金*万元。", "深化放管服改革。"]


def source_text() -> str:
    if CORPUS.is_dir():
        parts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(CORPUS.rglob("*.txt"))[:200]]
        return "\n".join(parts)
    rnd = random.Random(7)
    return "\n".join("".join(rnd.choice(PHRASES) for _ in range(12)) for _ in range(20000))


def write_drafts(folder: Path, text: str, files: int) -> int:
    """`files` drafts of 1,000-2,400 characters cut from `text` (the same ones every run) written
    to `folder`, made here; their size in bytes."""
    folder.mkdir()
    rnd = random.Random(2)
    total = 0
    for i in range(files):
        size = rnd.randint(1000, 2400)  # about 5 MB of UTF-8 for 1,000 drafts
        s = rnd.randrange(0, max(1, len(text) - size))
        chunk = text[s:s + size]
        (folder / f"d{i:04}.txt").write_text(chunk, encoding="utf-8")
        total += len(chunk.encode("utf-8"))
    return total


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--files", type=int, default=1000)
    args = ap.parse_args()
    text = source_text()
    env = bench_env()
    kjlint = [sys.executable, "-m", "kjlint", "check", "--no-progress", "-q", "--exit-zero"]
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        draft = tmp / "draft.txt"
        start = random.Random(1).randrange(0, max(1, len(text) - 20000))
        draft.write_text(text[start:start + 20000], encoding="utf-8")
        run_timed(kjlint + [str(draft)], env)  # warm the page cache and kjlint's start-up cache
        walls, cpus = [], []
        for _ in range(args.runs):
            wall, cpu, _ = run_timed(kjlint + [str(draft)], env)
            walls.append(wall)
            cpus.append(cpu)
        bare = min(run_timed([sys.executable, "-c", "pass"], env)[0] for _ in range(5))
        print(f"single 20,000-char draft, whole process: median {statistics.median(walls):.3f} s, "
              f"min {min(walls):.3f} s wall over {args.runs} runs; CPU median {statistics.median(cpus):.3f} s "
              f"(bare python start-up {bare:.3f} s; target <= 0.25 s)")

        docs = tmp / "drafts"
        total = write_drafts(docs, text, args.files)
        for jobs in (1, os.cpu_count() or 1):
            wall, cpu, r = run_timed(kjlint + ["-j", str(jobs), "--format", "json", str(docs)], env)
            n = r.stdout.count(b'"code"')
            print(f"{args.files} drafts, {total / 1e6:.1f} MB, {jobs} job(s): {wall:.2f} s wall, "
                  f"{total / 1e6 / wall:.2f} MB/s; {cpu:.2f} CPU s ({total / 1e6 / cpu:.2f} MB per CPU s); "
                  f"{n} findings (target >= 2 MB/s with both cores)")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
