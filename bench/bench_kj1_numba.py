"""Does a numba kernel pay for KJ1? Issue 15's question, measured on ../shared/corpus.

    python bench/bench_kj1_numba.py [--rounds 3] [--corpus DIR]

KJ1's per-position work is first_sampled (kjlint.checks.duplication: the first sampled copy of
every k-gram of a document's stream); bench/kj1_numba_kernel.py computes the same values with
numba. This bench

1. records the streams KJ1 hands first_sampled while linting the corpus (lint_text);
2. runs both on them, checks the values are equal (first copies, hits, last copies at the
   sampled positions; exits 1 otherwise), and times them, alternating, `--rounds` times;
3. times, in fresh processes with numba's disk cache warm, importing numba and loading the
   cached kernel: what every process that used it would pay;
4. prints the CPU seconds saved per MB of input and the input one process would need before the
   kernel pays for its loading.

Prints figures; the machine is shared: read the ranges. Needs numba (a dependency of dedupe).
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchenv import ROOT, bench_env, corpus_parser, parse_corpus_args

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

LOAD = ("import time, numpy as np; c = time.process_time(); import kj1_numba_kernel as k; "
        "k.first_sampled(np.arange(100, dtype=np.uint32), 12, 4); print(time.process_time() - c)")


def streams(corpus: Path) -> tuple[list[tuple[str, int, int]], float]:
    """The (stream, k, step) of every first_sampled call of KJ1 over the corpus, and its MB."""
    import kjlint.checks.duplication as dup
    from kjlint.engine import lint_text

    docs = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(corpus.rglob("*.txt"))]
    calls: list[tuple[str, int, int]] = []
    real = dup.first_sampled

    def record(s: str, k: int, step: int):
        calls.append((s, k, step))
        return real(s, k, step)

    dup.first_sampled = record
    try:
        for name, text in docs:
            lint_text(text, name)
    finally:
        dup.first_sampled = real
    return calls, sum(len(t.encode("utf-8")) for _, t in docs) / 1e6


def main() -> None:
    args = parse_corpus_args(corpus_parser(3))
    import numpy as np

    import kjlint.checks.duplication as dup
    import kj1_numba_kernel as kernel

    calls, mb = streams(args.corpus)
    calls = [c for c in calls if len(c[0]) >= c[1]]
    points = [np.frombuffer(s.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).copy() for s, _, _ in calls]
    chars = sum(len(s) for s, _, _ in calls)
    mismatched = 0
    for (s, k, step), cp in zip(calls, points):
        first, hits, latest = (np.asarray(x) for x in dup.first_sampled(s, k, step))
        f, h, la = kernel.first_sampled(cp, k, step)
        if not (np.array_equal(first, f) and np.array_equal(hits, h) and np.array_equal(latest[::step], la[::step])):
            mismatched += 1
    print(f"{len(calls)} streams, {chars:,} characters ({mb:.1f} MB of documents); values differ on {mismatched}")
    numpy_s: list[float] = []
    numba_s: list[float] = []
    for rnd in range(args.rounds):
        for which in (("numpy", "numba") if rnd % 2 == 0 else ("numba", "numpy")):
            c = time.process_time()
            if which == "numpy":
                for s, k, step in calls:
                    dup.first_sampled(s, k, step)
                numpy_s.append(time.process_time() - c)
            else:  # the code points are the kernel's input: their encoding is counted
                for s, k, step in calls:
                    kernel.first_sampled(np.frombuffer(s.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).copy(),
                                         k, step)
                numba_s.append(time.process_time() - c)
    env = bench_env(PYTHONPATH=f"{BENCH}:{ROOT}")
    subprocess.run([sys.executable, "-c", LOAD], env=env, check=True, capture_output=True)  # warms the disk cache
    load = [float(subprocess.run([sys.executable, "-c", LOAD], env=env, check=True, capture_output=True,
                                 text=True).stdout) for _ in range(args.rounds)]
    saved = [a - b for a, b in zip(numpy_s, numba_s)]

    def show(xs: list[float]) -> str:
        return f"{statistics.median(xs):.3f} ({min(xs):.3f}-{max(xs):.3f})"

    print(f"first_sampled CPU s, median (range) of {args.rounds}: numpy {show(numpy_s)}, numba {show(numba_s)}; "
          f"saved {show(saved)}")
    print(f"import numba + load the cached kernel, CPU s per process: {show(load)}")
    per_mb = statistics.median(saved) / mb
    if per_mb > 0:
        print(f"saved {per_mb * 1000:.2f} ms per MB of input: the kernel pays from about "
              f"{statistics.median(load) / per_mb:.0f} MB of input per process")
    else:
        print("the kernel saves nothing")
    sys.exit(1 if mismatched else 0)


if __name__ == "__main__":
    main()
