"""`--keep best` against `--keep first` on the labeled benchmark, in one run, without cache.

    python bench/dedupe_keep.py [--n 4000] [--seed 1] [--repeats 3] [--jobs 2] [--check]

Generates the benchmark corpus (bench/dedupe_data.py, the held-out generator of
bench/dedupe_bench.py), then runs `kjlint dedupe` as a command (a fresh process each time, so
the linter's start-up is counted) alternately with `--keep first` and `--keep best`, and prints
each run's wall time, the ratio of the medians, and both runs' pairwise F1; then the CPU time of
`dedupe()` with one job, each run in a fresh process after a warm-up on a text of its own
(alternating, medians), which other jobs on a shared machine disturb far less than wall time. `--check` also lints
every member of every cluster and applies the keep policy to all of them, as `--keep best` did
before it ranked copies lazily: the kept members must be the same; and it counts the lazy
policy's work (copies linted in full, counts stopped early), its CPU time by kind, and the
CPU ratio that the proofs of no finding alone would give (the floor of lazy ranking).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def corpus(n: int, seed: int, synthetic: bool) -> Path:
    from dedupe_data import generate

    path = Path(tempfile.gettempdir()) / f"kjlint-keep-bench-{n}-{seed}{'-syn' if synthetic else ''}.jsonl"
    if not path.exists():
        records = generate(n, seed, real=not synthetic)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        os.replace(tmp, path)
    return path


def run(data: Path, keep: str, jobs: int, out: Path) -> float:
    """Wall time of one `kjlint dedupe` command."""
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kjlint", "dedupe", str(data), "--keep", keep, "--no-cache", "-q",
                    "-j", str(jobs), "--clusters", str(out)], check=True)
    return time.perf_counter() - t


# A warm-up text of our own: two copies of it make one cluster, so `best` lints one copy.
WARM_UP = "关于做好年度工作的通知\n一、总体要求\n各单位要认真落实本通知要求，按时报送材料。\n二、工作安排\n（一）加强组织领导。\n"


def cpu_once(data: str, keep: str) -> float:
    """CPU seconds of `dedupe()` with one job in this process, after a warm-up on WARM_UP
    (imports, rule packs, compiled patterns), not on the benchmark: a second run over the same
    texts finds their lines in the rules' line caches, which a `kjlint dedupe` command never does."""
    from kjlint.dedupe import DedupeConfig, dedupe

    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.jsonl"
        warm.write_text("".join(json.dumps({"id": str(i), "text": WARM_UP}, ensure_ascii=False) + "\n"
                                for i in range(2)), encoding="utf-8")
        dedupe([str(warm)], DedupeConfig(keep=keep, jobs=1))
    t = time.process_time()
    dedupe([data], DedupeConfig(keep=keep, jobs=1))
    return time.process_time() - t


def cpu_times(data: Path, repeats: int) -> dict[str, float]:
    """Median CPU seconds of `dedupe()` per policy, one job, each run in a fresh process
    (`cpu_once`), alternating: start-up is left out, and other jobs on a shared machine disturb
    CPU time far less than wall time."""
    code = f"import sys; sys.path.insert(0, {str(HERE)!r}); import dedupe_keep; print(dedupe_keep.cpu_once({str(data)!r}, sys.argv[1]))"
    times: dict[str, list[float]] = {"first": [], "best": []}
    for r in range(repeats):
        for keep in (("first", "best") if r % 2 == 0 else ("best", "first")):
            done = subprocess.run([sys.executable, "-c", code, keep], check=True, capture_output=True, text=True)
            times[keep].append(float(done.stdout.split()[-1]))
    return {k: statistics.median(v) for k, v in times.items()}


def f1(records: list[dict], clusters: list[dict]) -> float:
    from dedupe_bench import metrics

    labels = {m["id"]: f"c{c['cluster']}" for c in clusters for m in c["members"]}
    return metrics(records, labels)["f1"]


def exhaustive_choices(records: list[dict], clusters: list[dict]) -> list[str]:
    """The kept id of each cluster when every member is linted (the policy before lazy ranking)."""
    from kjlint.dedupe.keep import Candidate, choose, quality_findings
    from kjlint.dedupe.normalize import canonical_code_points

    text = {r["id"]: r["text"] for r in records}
    order = {r["id"]: k for k, r in enumerate(records)}
    kept = []
    for c in clusters:
        ids = [m["id"] for m in c["members"]]
        cands = [Candidate(order[i], len(canonical_code_points(text[i])), quality_findings(text[i])) for i in ids]
        kept.append(ids[choose(cands, "best")[0]])
    return kept


def lazy_work(records: list[dict], clusters: list[dict]) -> tuple[dict[str, int], dict[str, float]]:
    """How much linting the lazy policy does on these clusters: copies linted in full (proofs of
    no finding and exact counts) and counts stopped once the copy could not win; and the CPU
    seconds of each kind of work (the proofs of no finding are a full lint each: the floor)."""
    from kjlint.dedupe.keep import QualityProbe, decisive_findings
    from kjlint.dedupe.normalize import canonical_code_points

    work = {"no finding proven": 0, "exact counts": 0, "count stopped": 0}
    cpu = {"proofs of no finding": 0.0, "probes of copies that lose": 0.0, "counts": 0.0}

    class Counted(QualityProbe):
        def has_finding(self) -> bool:
            t = time.process_time()
            found = super().has_finding()
            cpu["probes of copies that lose" if found else "proofs of no finding"] += time.process_time() - t
            work["no finding proven"] += not found
            return found

        def count(self, stop_at: int | None = None) -> int:
            t = time.process_time()
            n = super().count(stop_at)
            cpu["counts"] += time.process_time() - t
            work["exact counts" if self._count is not None else "count stopped"] += 1
            return n

    text = {r["id"]: r["text"] for r in records}
    order = {r["id"]: k for k, r in enumerate(records)}
    for c in clusters:
        ids = [m["id"] for m in c["members"]]
        probes: dict[str, Counted] = {}
        tie = sorted(range(len(ids)), key=lambda i: (-len(canonical_code_points(text[ids[i]])), order[ids[i]]))
        decisive_findings(tie, lambda i: probes.setdefault(text[ids[i]], Counted(text[ids[i]])))
    return work, cpu


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=4000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--synthetic", action="store_true", help="Do not read ../shared/corpus.")
    ap.add_argument("--check", action="store_true", help="Compare with linting every member.")
    args = ap.parse_args(argv)
    data = corpus(args.n, args.seed, args.synthetic)
    records = [json.loads(line) for line in data.open(encoding="utf-8")]
    print(f"corpus: {data} ({len(records):,} documents); load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores", flush=True)
    times: dict[str, list[float]] = {"first": [], "best": []}
    with tempfile.TemporaryDirectory() as tmp:
        out = {k: Path(tmp) / f"{k}.jsonl" for k in times}
        for r in range(args.repeats):
            for keep in (("first", "best") if r % 2 == 0 else ("best", "first")):
                times[keep].append(run(data, keep, args.jobs, out[keep]))
                print(f"run {r + 1} --keep {keep}: {times[keep][-1]:.2f} s", flush=True)
        clusters = {k: [json.loads(x) for x in out[k].read_text(encoding="utf-8").splitlines()] for k in times}
    first, best = statistics.median(times["first"]), statistics.median(times["best"])
    print(f"median --keep first {first:.2f} s, --keep best {best:.2f} s: ratio {best / first:.2f} "
          f"(target <= 1.5); load average {os.getloadavg()[0]:.1f}")
    print(f"F1 --keep first {f1(records, clusters['first']):.4f}, --keep best {f1(records, clusters['best']):.4f}")
    cpu = cpu_times(data, args.repeats)
    print(f"one process, one job, CPU: --keep first {cpu['first']:.2f} s, --keep best {cpu['best']:.2f} s: "
          f"ratio {cpu['best'] / cpu['first']:.2f}")
    if args.check:
        # The lazy policy's work first: nothing has been linted in this process yet, so no line
        # sits in the rules' caches (linting every member below puts every line there).
        members = sum(len(c["members"]) for c in clusters["best"])
        work, lint = lazy_work(records, clusters["best"])
        kept = [next(m["id"] for m in c["members"] if m["kept"]) for c in clusters["best"]]
        reference = exhaustive_choices(records, clusters["best"])
        same = sum(a == b for a, b in zip(kept, reference))
        print(f"kept members as when every member is linted: {same:,} of {len(kept):,} clusters")
        print(f"quality lint for {members:,} cluster members: " + ", ".join(f"{k} {v:,}" for k, v in work.items()))
        print("its CPU seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in lint.items()))
        # Every cluster whose kept copy has no finding needs that shown, a lint of the copy with
        # every ranking rule, whatever else is saved: the CPU ratio cannot go below this.
        floor = (cpu["first"] + lint["proofs of no finding"]) / cpu["first"]
        print(f"CPU ratio with nothing but the proofs of no finding added to --keep first: {floor:.2f}")

if __name__ == "__main__":
    main()
