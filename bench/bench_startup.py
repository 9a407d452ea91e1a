"""The fixed costs around the lint: what a run pays before and besides linting its files.

Issue 15's bars compare `kjlint check -j 1` (whole process, a fresh cache) with the rules alone,
and `-j 2` with `-j 1`: every cost that does not scale with the corpus is paid once by -j 1, and
once per run plus once per worker by -j 2 (Amdahl). As the rules get faster these costs weigh
more; this script prints them, in CPU seconds (what a loaded machine distorts least):

- the cold start: `kjlint check FILE --format json` on one short draft, the process's CPU, with
  a fresh (empty) KJLINT_CACHE_DIR as on a user's first run, and with the cache it left (warm);
- what a first run builds and stores in the cache while it lints the corpus (one process,
  in-process timers around the cache's builders): parsed packs, compiled patterns, word lists;
- a worker's first use: in a process in the state a `-j N` worker is forked in on the corpus
  (catalogue loaded, kjlint.runner's imports for workers done), the CPU of linting 40 corpus files
  the first time minus the second time (lazy imports, tables, patterns compiled on first use), warm
  and fresh cache. Each worker pays it: with a fresh cache it is mostly work every worker repeats.

Asserts nothing. Usage: python bench/bench_startup.py [--rounds 3] [--corpus DIR]
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile

from benchenv import ROOT, bench_env, corpus_parser, parse_corpus_args, run_timed, spread

DRAFT = ROOT / "fixtures" / "drafts" / "2024年工作计划.txt"

# Run in a fresh interpreter: times each builder of the cache (the outermost one, when one
# builds another) while the corpus is linted, and the compiled patterns the cache missed.
BUILDS = r"""
import sys, time
from collections import defaultdict
from pathlib import Path
from kjlint import diskcache as D
spent, count, depth = defaultdict(float), defaultdict(int), [0]
def timed(label, build):
    def run():
        depth[0] += 1
        start = time.process_time()
        try:
            return build()
        finally:
            depth[0] -= 1
            if depth[0] == 0:
                spent[label] += time.process_time() - start
                count[label] += 1
    return run
plain, item, entry = D.load_or_build, D.load_or_build_item, D._entry
D.load_or_build = lambda name, key, build: plain(name, key, timed(name, build))
D.load_or_build_item = lambda name, it, key, build, keep=64: item(name, it, key, timed(name, build), keep)
def patterns(pattern, flags):  # a program the cache lacked: built and stored (counted only then)
    before, start = D._new_programs, time.process_time()
    depth[0] += 1
    try:
        return entry(pattern, flags)
    finally:
        depth[0] -= 1
        if depth[0] == 0 and D._new_programs > before:
            spent["compiled patterns"] += time.process_time() - start
            count["compiled patterns"] += 1
D._entry = patterns
from kjlint.engine import lint_text  # modules import the cache's functions now: the timed ones
start = time.process_time()
for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
    lint_text(path.read_text(encoding="utf-8"), path.name)
print(f"{time.process_time() - start:.3f}")
for label, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
    print(f"{label}\t{seconds:.3f}\t{count[label]}")
"""

# Run in a fresh interpreter: a worker's state at fork, then 40 corpus files linted twice.
FIRST_USE = r"""
import sys, time
from pathlib import Path
from kjlint import cli, formats  # noqa: F401 - what the CLI has imported when it forks
from kjlint.config import ConfigResolver
from kjlint.runner import Overrides, _import_for_workers, catalog_for, lint_one
files = sorted(Path(sys.argv[1]).rglob("*.txt"), key=lambda p: -p.stat().st_size)[100:140]
settings = ConfigResolver(None).for_path(sys.argv[1])
catalog_for(settings)
_import_for_workers(max(p.stat().st_size for p in Path(sys.argv[1]).rglob("*.txt")))  # as `check` on the corpus
times = []
for _ in range(2):
    start = time.process_time()
    for path in files:
        lint_one(str(path), settings, Overrides())
    times.append(time.process_time() - start)
print(f"{times[0] - times[1]:.3f}")
"""


def python(script: str, *args: str, cache: str) -> str:
    env = bench_env(KJLINT_CACHE_DIR=cache, PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, cwd=ROOT)
    if r.returncode != 0:
        sys.exit(r.stderr[-2000:])
    return r.stdout


def cold_start(cache: str) -> float:
    """CPU seconds of `kjlint check DRAFT --format json`."""
    env = bench_env(KJLINT_CACHE_DIR=cache, PYTHONPATH=str(ROOT))
    _wall, cpu, r = run_timed([sys.executable, "-m", "kjlint", "check", "--format", "json", "--exit-zero",
                               str(DRAFT)], env)
    if r.returncode != 0:
        sys.exit(r.stderr.decode()[-2000:])
    return cpu



def main() -> None:
    args = parse_corpus_args(corpus_parser(3))
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    fresh, warm, first_fresh, first_warm = [], [], [], []
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory() as cache:
            fresh.append(cold_start(cache))
            warm.append(cold_start(cache))
        with tempfile.TemporaryDirectory() as cache:
            first_fresh.append(float(python(FIRST_USE, str(args.corpus), cache=cache)))
            first_warm.append(float(python(FIRST_USE, str(args.corpus), cache=cache)))
    print(f"cold start, `kjlint check {DRAFT.name} --format json`, CPU s: fresh cache {spread(fresh, 3)}; "
          f"warm cache {spread(warm, 3)}")
    print(f"a -j N worker's first use (40 corpus files, first lint minus second), CPU s: fresh cache "
          f"{spread(first_fresh, 3)}; warm cache {spread(first_warm, 3)}")
    with tempfile.TemporaryDirectory() as cache:
        lines = python(BUILDS, str(args.corpus), cache=cache).splitlines()
    print(f"what a first run builds while linting {args.corpus} in one process ({lines[0]} CPU s in all), "
          "CPU s and times built:")
    for line in lines[1:]:
        label, seconds, n = line.split("\t")
        print(f"  {label:<22} {seconds} s  x{n}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
