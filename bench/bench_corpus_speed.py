"""Lint throughput on ../shared/corpus against AutoCorrect's Python binding, in one run.

Issue 15's bar: `kjlint check -j 1` (whole process, JSON report to a file) at least as fast as
AutoCorrect's in-process `lint_for` on one core, and `-j 2` at least 1.8x `-j 1`. Measures, per
round (the order of the measurements alternates between rounds, because the machine is shared):

- AutoCorrect `autocorrect_py.lint_for` over every document, in this process (documents it
  fails on are counted: their bytes stay in the total, it spent the time);
- kjlint `lint_text` over every document, in this process (the rules alone);
- `kjlint check -j 1` and `-j 2` on the corpus folder, whole process from start to exit, the JSON
  report written to a file, each run with a fresh, empty KJLINT_CACHE_DIR (start-up pays for
  parsing rule packs and compiling patterns, as on a user's first run), and again (`warm`) with
  a cache an untimed run filled, as on every later run: the cold start is serial work that
  bounds `-j 2 / -j 1`, the warm runs show the scaling of the parallel part;
- the cold start alone: `kjlint check` on the two short drafts of fixtures/drafts with a fresh
  cache, CPU seconds. Start-up runs on one core before any worker lints, so it is the serial
  part that bounds -j 2 / -j 1 (Amdahl), and its CPU time is little distorted by a loaded machine.

Prints MB/s (UTF-8 bytes of the documents / wall seconds) and MB per CPU second (the process
and its workers), the median and spread over rounds, and the ratios of each round's figures;
asserts nothing. On a loaded machine compare the CPU ratios; the -j 2 scaling needs an idle one. Needs `pip install kjlint[bench]`.

Usage: python bench/bench_corpus_speed.py [--rounds 3] [--corpus DIR]
"""
from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchenv import ROOT, bench_env, corpus_parser, parse_corpus_args, run_timed, spread



def autocorrect_pass(docs: list[tuple[str, str]]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, documents lint_for raised on)."""
    import autocorrect_py

    failed = 0
    t, c = time.perf_counter(), time.process_time()
    for name, text in docs:
        try:
            autocorrect_py.lint_for(text, name)
        except Exception:  # AutoCorrect gives up on some documents (its parser's errors)
            failed += 1
    return time.perf_counter() - t, time.process_time() - c, failed


def kjlint_pass(docs: list[tuple[str, str]]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, findings) of lint_text over every document."""
    from kjlint.engine import lint_text

    findings = 0
    t, c = time.perf_counter(), time.process_time()
    for name, text in docs:
        findings += len(lint_text(text, name))
    return time.perf_counter() - t, time.process_time() - c, findings


def check_run(corpus: Path, jobs: int, cache: Path | None = None) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the process and its workers, bytes of the JSON report) of
    one `kjlint check -j N` process, with `cache` as its KJLINT_CACHE_DIR (None: a fresh one)."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        env = bench_env(KJLINT_CACHE_DIR=str(cache or Path(tmp) / "cache"))
        wall, cpu, r = run_timed([sys.executable, "-m", "kjlint", "check", "-j", str(jobs), "--no-progress",
                                  "-q", "--exit-zero", "--format", "json", "-o", str(report), str(corpus)], env)
        if r.returncode != 0:
            sys.exit(f"kjlint check -j {jobs} failed ({r.returncode}): {r.stderr.decode()[-2000:]}")
        return wall, cpu, report.stat().st_size



def main() -> None:
    args = parse_corpus_args(corpus_parser(3))
    paths = sorted(args.corpus.rglob("*.txt"))
    docs = [(p.name, p.read_text(encoding="utf-8")) for p in paths]
    mb = sum(len(text.encode("utf-8")) for _, text in docs) / 1e6
    print(f"{len(docs)} documents, {mb:.1f} MB; load average before: "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    kjlint_pass(docs[:1])  # imports and the rule catalogue, outside the timing

    names = ["autocorrect", "lint_text", "check -j 1", "check -j 2", "warm -j 1", "warm -j 2"]
    warm_cache = Path(tempfile.mkdtemp(prefix="kjlint-bench-cache-"))
    atexit.register(shutil.rmtree, warm_cache, True)
    check_run(args.corpus, 1, warm_cache)  # fills the cache the warm runs share, untimed
    rates: dict[str, list[float]] = {name: [] for name in names}  # MB per wall second
    per_cpu: dict[str, list[float]] = {name: [] for name in names}  # MB per CPU second
    failed = findings = 0
    steps = {
        "autocorrect": lambda: autocorrect_pass(docs),
        "lint_text": lambda: kjlint_pass(docs),
        "check -j 1": lambda: check_run(args.corpus, 1),
        "check -j 2": lambda: check_run(args.corpus, 2),
        "warm -j 1": lambda: check_run(args.corpus, 1, warm_cache),
        "warm -j 2": lambda: check_run(args.corpus, 2, warm_cache),
    }
    cold: list[float] = []  # CPU seconds of a cold start
    ratios: dict[str, list[float]] = {"check -j 1 / autocorrect": [], "lint_text / autocorrect": [],
                                      "check -j 2 / check -j 1": [], "warm -j 2 / warm -j 1": [],
                                      "warm -j 1 / autocorrect": []}
    cpu_ratios: dict[str, list[float]] = {"check -j 1 / autocorrect": [], "lint_text / autocorrect": []}
    for rnd in range(args.rounds):
        order = names if rnd % 2 == 0 else names[::-1]
        this: dict[str, float] = {}
        this_cpu: dict[str, float] = {}
        for name in order:
            wall, cpu, extra = steps[name]()
            this[name], this_cpu[name] = mb / wall, mb / cpu
            rates[name].append(this[name])
            per_cpu[name].append(this_cpu[name])
            if name == "autocorrect":
                failed = extra
            elif name == "lint_text":
                findings = extra
        for key, table, figures in (("check -j 1 / autocorrect", ratios, this), ("lint_text / autocorrect", ratios, this),
                                    ("check -j 1 / autocorrect", cpu_ratios, this_cpu),
                                    ("lint_text / autocorrect", cpu_ratios, this_cpu)):
            later, earlier = key.split(" / ")
            table[key].append(figures[later] / figures[earlier])
        ratios["check -j 2 / check -j 1"].append(this["check -j 2"] / this["check -j 1"])
        ratios["warm -j 2 / warm -j 1"].append(this["warm -j 2"] / this["warm -j 1"])
        ratios["warm -j 1 / autocorrect"].append(this["warm -j 1"] / this["autocorrect"])
        cold.append(check_run(ROOT / "fixtures" / "drafts", 1)[1])  # the cold start alone
        print(f"round {rnd + 1}: " + ", ".join(f"{k} {this[k]:.2f} MB/s ({this_cpu[k]:.2f} MB/CPU s)" for k in names),
              flush=True)
    print(f"\nover {args.rounds} rounds, MB per wall second (what the user waits) and per CPU second (what a "
          "loaded machine distorts least):")
    for name in names:
        print(f"  {name:<12} {spread(rates[name])} MB/s; {spread(per_cpu[name])} MB/CPU s")
    print(f"  (AutoCorrect failed on {failed} of {len(docs)} documents; kjlint lint_text: {findings} findings)")
    print(f"  cold start (check on 2 short drafts, fresh cache): {spread(cold)} CPU s")
    print("ratios within a round (bar: check -j 1 / autocorrect >= 1.0, check -j 2 / check -j 1 >= 1.8):")
    for name, values in ratios.items():
        print(f"  {name:<25} wall {spread(values)}")
    for name, values in cpu_ratios.items():
        print(f"  {name:<25} CPU  {spread(values)}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
