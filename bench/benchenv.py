"""Shared by the benchmarks: how to run kjlint as a user would, and how to time it."""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"  # the real documents beside the clone


def corpus_parser(rounds: int) -> argparse.ArgumentParser:
    """The options every corpus benchmark takes: --rounds, and --corpus (../shared/corpus)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=rounds)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    return ap


def parse_corpus_args(ap: argparse.ArgumentParser) -> argparse.Namespace:
    """The parsed options; a benchmark without its corpus stops, naming the folder it looked in."""
    args = ap.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"no corpus at {args.corpus}")
    return args


def bench_env(**extra: str) -> dict[str, str]:
    """The environment for timed kjlint processes: a user's, with bytecode caching on
    (PYTHONDONTWRITEBYTECODE, set in some sandboxes, would recompile edited modules every run),
    and the kjlint of PYTHONPATH (this clone's when unset) whatever the working directory.
    `python -m kjlint` puts the working directory first on sys.path: run from a clone, it timed
    that clone's kjlint whatever PYTHONPATH named (two trees compared from one clone timed one
    tree twice). PYTHONSAFEPATH (Python 3.11+) leaves the working directory out."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONSAFEPATH"] = "1"
    env.setdefault("PYTHONPATH", str(ROOT))
    env.update(extra)
    return env


def run_timed(args: list[str], env: dict[str, str]) -> tuple[float, float, subprocess.CompletedProcess]:
    """(wall seconds, CPU seconds of the child, result): CPU time is what a loaded machine
    distorts least, wall time is what the user waits."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    result = subprocess.run(args, env=env, capture_output=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, result


def spread(values: list[float], digits: int = 2) -> str:
    """Median, min and max of repeated measurements, as the bench scripts print them."""
    return (f"median {statistics.median(values):.{digits}f} "
            f"(min {min(values):.{digits}f}, max {max(values):.{digits}f})")
