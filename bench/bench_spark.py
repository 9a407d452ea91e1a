"""Local vs Spark dedupe engines side by side, and a paper estimate for 100 million documents.

    python bench/bench_spark.py 100000            # corpus from bench/dedupe_data.py (cached in bench/out)
    python bench/bench_spark.py 20000 --master 'local[2]' --keep best

Both engines run the same DedupeConfig on the same JSONL corpus in one process, one after the
other; the script checks that they return the same clusters, then prints wall time per phase,
the Spark/local ratio, and what Spark measured itself from its event log: task time (executor
run time, which includes the Python workers), shuffle bytes written, and the size of the cached
tables. The estimate for a cluster scales those measured per-document costs linearly (every
stage is a map or a hash shuffle; the only superlinear step, candidate pairs inside one LSH
bucket, is capped by lsh.MAX_BUCKET_PAIRS) and prints its assumptions; change them with
--cluster-cores, --core-hour-usd, --efficiency.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def corpus(n: int, seed: int, synthetic: bool) -> Path:
    out = HERE / "out" / f"spark_corpus_{n}_{seed}{'_syn' if synthetic else ''}.jsonl"
    if not out.exists():
        from dedupe_data import generate

        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            for r in generate(n, seed=seed, real=not synthetic):
                fh.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
        tmp.replace(out)
    return out


def event_log_metrics(log_dir: str) -> dict[str, float]:
    """Sum task metrics over the run's event log (one JSON event per line)."""
    totals = {"task_seconds": 0.0, "jvm_cpu_seconds": 0.0, "shuffle_write_bytes": 0, "shuffle_read_bytes": 0,
              "spilled_bytes": 0, "tasks": 0, "stages": 0, "jobs": 0}
    for path in glob.glob(os.path.join(log_dir, "**", "*"), recursive=True):
        if os.path.isdir(path) or os.path.basename(path).startswith("appstatus"):
            continue
        with open(path, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                event = json.loads(line)
                kind = event.get("Event")
                if kind == "SparkListenerJobStart":
                    totals["jobs"] += 1
                elif kind == "SparkListenerStageCompleted":
                    totals["stages"] += 1
                elif kind == "SparkListenerTaskEnd":
                    m = event.get("Task Metrics") or {}
                    totals["tasks"] += 1
                    totals["task_seconds"] += m.get("Executor Run Time", 0) / 1000
                    totals["jvm_cpu_seconds"] += m.get("Executor CPU Time", 0) / 1e9
                    totals["shuffle_write_bytes"] += (m.get("Shuffle Write Metrics") or {}).get("Shuffle Bytes Written", 0)
                    read = m.get("Shuffle Read Metrics") or {}
                    totals["shuffle_read_bytes"] += read.get("Remote Bytes Read", 0) + read.get("Local Bytes Read", 0)
                    totals["spilled_bytes"] += m.get("Disk Bytes Spilled", 0)
    return totals


def _proc_status(pid: int) -> dict[str, str]:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            return dict(line.split(":", 1) for line in fh if ":" in line)
    except OSError:
        return {}


def _kb(status: dict[str, str], key: str) -> int:
    return int(status.get(key, "0 kB").split()[0]) * 1024


def spark_peak_rss(spark) -> tuple[int, int, int]:
    """(JVM peak RSS, largest Python worker peak RSS, Python workers alive) of a local master,
    from /proc (VmHWM): the executors run inside the driver JVM; their Python workers are its
    descendants. Zeros where /proc is not available."""
    jvm = int(spark._jvm.java.lang.ProcessHandle.current().pid())
    parent = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if entry.isdigit():
            ppid = _proc_status(int(entry)).get("PPid")
            if ppid:
                parent[int(entry)] = int(ppid)

    def descends(pid):
        while pid in parent and pid > 1:
            pid = parent[pid]
            if pid == jvm:
                return True
        return False

    workers = [pid for pid in parent if descends(pid)]
    return (_kb(_proc_status(jvm), "VmHWM"),
            max((_kb(_proc_status(pid), "VmHWM") for pid in workers), default=0), len(workers))


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def cached_bytes(spark) -> int:
    """Memory + disk held by the persisted tables right now (prepared/docs/meta/pairs/sets…)."""
    return sum(info.memSize() + info.diskSize() for info in spark.sparkContext._jsc.sc().getRDDStorageInfo())


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="?", default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--synthetic", action="store_true", help="Do not read ../shared/corpus.")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--driver-memory", default="4g")
    ap.add_argument("--keep", default="best", choices=["best", "first", "longest"])
    ap.add_argument("--skip-local", action="store_true")
    ap.add_argument("--target", type=float, default=100e6, help="Documents in the paper estimate.")
    ap.add_argument("--cluster-cores", type=int, default=320, help="e.g. 20 workers x 16 vCPU")
    ap.add_argument("--core-hour-usd", type=float, default=0.048,
                    help="On-demand price of one vCPU-hour (m5.4xlarge: 0.768 USD/h for 16 vCPU).")
    ap.add_argument("--efficiency", type=float, default=0.7,
                    help="Share of cluster core time spent in tasks (stragglers, scheduling, I/O waits).")
    args = ap.parse_args(argv)

    import kjlint
    from kjlint.dedupe.method import DedupeConfig, dedupe
    from kjlint.dedupe.method.fingerprint import method_fingerprint
    from kjlint.engines.spark import SparkEngine, spark_session

    path = corpus(args.n, args.seed, args.synthetic)
    size = path.stat().st_size
    config = DedupeConfig(keep=args.keep, jobs=None, cache_dir=None)
    # Fixed now, before the local run: if kjlint's code or rule packs change on disk before the
    # Spark workers start (another session editing the tree), the Spark run stops with
    # MethodMismatch instead of comparing two different methods. Run from a snapshot
    # (git archive) when the tree is being edited.
    method = method_fingerprint(config)
    print(f"corpus: {path} ({args.n:,} documents, {size / 1e6:.0f} MB), keep={args.keep}", flush=True)
    print(f"method: {method} (kjlint from {Path(kjlint.__file__).parent}); load average {load()} "
          f"on {os.cpu_count()} cores", flush=True)

    local = None
    if not args.skip_local:
        t = time.perf_counter()
        local = dedupe([str(path)], config)
        local_wall = time.perf_counter() - t
        print(f"local  {local_wall:8.1f} s  " + "  ".join(f"{k} {v:.1f}" for k, v in local.timings.items()), flush=True)
        print(f"       peak RSS main {local.peak_rss_bytes / 2**20:.0f} MB, largest worker "
              f"{local.peak_rss_children_bytes / 2**20:.0f} MB; load average after {load()}", flush=True)

    log_dir = tempfile.mkdtemp(prefix="kjlint-spark-events-")
    spark = spark_session(args.master, {
        "spark.driver.memory": args.driver_memory, "spark.eventLog.enabled": "true",
        "spark.eventLog.dir": log_dir, "spark.eventLog.compress": "false",
        "spark.eventLog.rolling.enabled": "false", "spark.sql.shuffle.partitions": "16"})
    t = time.perf_counter()
    result = dedupe([str(path)], config, engine=SparkEngine(spark))
    spark_wall = time.perf_counter() - t
    held = cached_bytes(spark)
    jvm_rss, worker_rss, workers = spark_peak_rss(spark)
    print(f"spark  {spark_wall:8.1f} s  " + "  ".join(f"{k} {v:.1f}" for k, v in result.timings.items()), flush=True)
    print(f"       peak RSS driver JVM (runs the executors) {jvm_rss / 2**20:.0f} MB, largest Python worker "
          f"{worker_rss / 2**20:.0f} MB ({workers} alive at the end), driver Python "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; load average after {load()}",
          flush=True)
    same = None
    if local is not None:
        expected = [c.to_json() for c in local.clusters]
        got = [c.to_json() for c in result.clusters]
        same = got == expected
        if not same:
            first = next((k for k, (a, b) in enumerate(zip(got, expected)) if a != b), min(len(got), len(expected)))
            print(f"FIRST DIFFERENCE at cluster {first + 1}:\n  spark {got[first] if first < len(got) else None}"
                  f"\n  local {expected[first] if first < len(expected) else None}", flush=True)
    spark.stop()
    m = event_log_metrics(log_dir)

    n = result.documents
    s = result.summary()
    print(f"\ndocuments {n:,}; clusters {s['clusters']:,}; duplicates {s['duplicates']:,}; "
          f"candidate pairs {s['candidate pairs']:,}; verified pairs {s['verified pairs']:,}; exact copies "
          f"{s['exact copies']:,}; same clusters and kept members as local (--clusters objects): {same}")
    if local is not None:
        print(f"ratio spark/local wall time: {spark_wall / local_wall:.2f} (same machine; spark {args.master}, "
              f"local {os.cpu_count()} worker processes)")
    per_doc_task = m["task_seconds"] / n
    print(f"spark measured: {m['jobs']} jobs, {m['stages']} stages, {m['tasks']} tasks; "
          f"task time {m['task_seconds']:.0f} s = {per_doc_task * 1e3:.2f} ms per document "
          f"(JVM CPU {m['jvm_cpu_seconds'] / n * 1e3:.2f} ms; the rest is Python workers); "
          f"shuffle written {m['shuffle_write_bytes'] / 1e6:,.0f} MB = {m['shuffle_write_bytes'] / n:.0f} B per "
          f"document (read {m['shuffle_read_bytes'] / 1e6:,.0f} MB); spilled {m['spilled_bytes']:,} B; "
          f"cached tables at the end {held / 1e6:,.0f} MB = {held / n:.0f} B per document; input {size / n:.0f} B "
          f"per document")

    target = args.target
    core_hours = per_doc_task * target / 3600
    wall_hours = core_hours / (args.cluster_cores * args.efficiency)
    print(f"\nPaper estimate for {target:,.0f} documents like these (linear in the measured per-document costs):")
    print(f"  task time   {core_hours:,.0f} core-hours")
    print(f"  wall time   {wall_hours:,.1f} h on {args.cluster_cores} cores at {args.efficiency:.0%} efficiency")
    print(f"  cost        {core_hours / args.efficiency * args.core_hour_usd:,.0f} USD at {args.core_hour_usd} USD "
          f"per core-hour")
    print(f"  shuffle     {m['shuffle_write_bytes'] / n * target / 1e12:,.1f} TB written in total")
    print(f"  storage     {held / n * target / 1e12:,.1f} TB of cached tables (memory+disk, cluster-wide)")
    print(f"  input       {size / n * target / 1e12:,.1f} TB of JSONL")


if __name__ == "__main__":
    main()
