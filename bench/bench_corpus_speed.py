"""Lint throughput on ../shared/corpus against AutoCorrect's Python binding, in one run.

Issue 15's bar: `kjlint check -j 1` (whole process, JSON report to a file) at least as fast as
AutoCorrect's in-process `lint_for` on one core, and `-j 2` at least 1.8x `-j 1`. Measures, per
round (the order of the measurements alternates between rounds, because the machine is shared):

- AutoCorrect `autocorrect_py.lint_for` over every document, in this process (documents it
  fails on are counted: their bytes stay in the total, it spent the time);
- kjlint `lint_text` over every document, in this process (the rules alone);
- `kjlint check -j 1` and `-j 2` on the corpus folder, whole process from start to exit, the JSON
  report written to a file, each run with a fresh, empty KJLINT_CACHE_DIR (start-up pays for
  parsing rule packs and compiling patterns, as on a user's first run).

Prints MB/s (UTF-8 bytes of the documents / wall seconds), the median and spread over rounds,
and the ratios of each round's figures; asserts nothing. Needs `pip install kjlint[bench]`.

Usage: python bench/bench_corpus_speed.py [--rounds 3] [--corpus DIR]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchenv import bench_env, run_timed

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def autocorrect_pass(docs: list[tuple[str, str]]) -> tuple[float, int]:
    """(wall seconds, documents lint_for raised on)."""
    import autocorrect_py

    failed = 0
    t = time.perf_counter()
    for name, text in docs:
        try:
            autocorrect_py.lint_for(text, name)
        except Exception:  # AutoCorrect gives up on some documents (its parser's errors)
            failed += 1
    return time.perf_counter() - t, failed


def kjlint_pass(docs: list[tuple[str, str]]) -> tuple[float, int]:
    """(wall seconds, findings) of lint_text over every document."""
    from kjlint.engine import lint_text

    findings = 0
    t = time.perf_counter()
    for name, text in docs:
        findings += len(lint_text(text, name))
    return time.perf_counter() - t, findings


def check_run(corpus: Path, jobs: int) -> tuple[float, int]:
    """(wall seconds, bytes of the JSON report) of one `kjlint check -j N` process."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        env = bench_env(KJLINT_CACHE_DIR=str(Path(tmp) / "cache"))
        wall, _cpu, r = run_timed([sys.executable, "-m", "kjlint", "check", "-j", str(jobs), "--no-progress",
                                   "-q", "--exit-zero", "--format", "json", "-o", str(report), str(corpus)], env)
        if r.returncode != 0:
            sys.exit(f"kjlint check -j {jobs} failed ({r.returncode}): {r.stderr.decode()[-2000:]}")
        return wall, report.stat().st_size


def spread(values: list[float]) -> str:
    return f"median {statistics.median(values):.2f} (min {min(values):.2f}, max {max(values):.2f})"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    paths = sorted(args.corpus.rglob("*.txt"))
    docs = [(p.name, p.read_text(encoding="utf-8")) for p in paths]
    mb = sum(len(text.encode("utf-8")) for _, text in docs) / 1e6
    print(f"{len(docs)} documents, {mb:.1f} MB; load average before: "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    kjlint_pass(docs[:1])  # imports and the rule catalogue, outside the timing

    rates: dict[str, list[float]] = {"autocorrect": [], "lint_text": [], "check -j 1": [], "check -j 2": []}
    failed = findings = 0
    steps = {
        "autocorrect": lambda: autocorrect_pass(docs),
        "lint_text": lambda: kjlint_pass(docs),
        "check -j 1": lambda: check_run(args.corpus, 1),
        "check -j 2": lambda: check_run(args.corpus, 2),
    }
    ratios: dict[str, list[float]] = {"check -j 1 / autocorrect": [], "lint_text / autocorrect": [],
                                      "check -j 2 / check -j 1": []}
    for rnd in range(args.rounds):
        order = list(steps) if rnd % 2 == 0 else list(reversed(steps))
        this: dict[str, float] = {}
        for name in order:
            wall, extra = steps[name]()
            this[name] = mb / wall
            rates[name].append(this[name])
            if name == "autocorrect":
                failed = extra
            elif name == "lint_text":
                findings = extra
        ratios["check -j 1 / autocorrect"].append(this["check -j 1"] / this["autocorrect"])
        ratios["lint_text / autocorrect"].append(this["lint_text"] / this["autocorrect"])
        ratios["check -j 2 / check -j 1"].append(this["check -j 2"] / this["check -j 1"])
        print(f"round {rnd + 1}: " + ", ".join(f"{k} {v:.2f} MB/s" for k, v in this.items()), flush=True)
    print(f"\nMB/s over {args.rounds} rounds:")
    for name, values in rates.items():
        print(f"  {name:<12} {spread(values)}")
    print(f"  (AutoCorrect failed on {failed} of {len(docs)} documents; kjlint lint_text: {findings} findings)")
    print("ratios within a round (bar: check -j 1 / autocorrect >= 1.0, check -j 2 / check -j 1 >= 1.8):")
    for name, values in ratios.items():
        print(f"  {name:<25} {spread(values)}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
