"""Benchmark kjlint dedupe against peers on a labeled Chinese near-duplicate corpus.

    python bench/dedupe_bench.py --n 10000 [--peers datasketch-char5,rensa] [--workdir /tmp/kjdd]

Generates the corpus (bench/dedupe_data.py), creates one virtual environment per peer in the
work dir (pip install of the peer only), runs every system on the same JSONL in the same run,
and prints pairwise precision/recall/F1, recall per kind of variation, documents per second and
peak memory. Numbers depend on the machine: compare ratios within one run.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEER_PACKAGES = {
    "datasketch-words": ["datasketch>=1.6,<3"],
    "datasketch-char5": ["datasketch>=1.6,<3"],
    "rensa": ["rensa"],
    "text-dedup": ["text-dedup"],
    "datatrove": ["datatrove", "regex", "tokenizers", "xxhash<4", "orjson"],
}


def pair_count(n: int) -> int:
    return n * (n - 1) // 2


def metrics(records: list[dict], labels: dict[str, str]) -> dict:
    """Pairwise precision/recall/F1 (pairs in one predicted cluster vs one true cluster), and
    recall of (variant, its base) pairs per kind of variation."""
    truth = {r["id"]: r["truth"] for r in records}
    pred = {r["id"]: labels.get(r["id"], "single:" + r["id"]) for r in records}
    both = Counter((truth[i], pred[i]) for i in truth)
    tp = sum(pair_count(c) for c in both.values())
    predicted = sum(pair_count(c) for c in Counter(pred.values()).values())
    actual = sum(pair_count(c) for c in Counter(truth.values()).values())
    p = tp / predicted if predicted else 1.0
    r = tp / actual if actual else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    by_kind = defaultdict(lambda: [0, 0])
    for rec in records:
        for kind in rec["kinds"]:
            hit = pred[rec["id"]] == pred.get(rec["truth"])
            by_kind[kind][0] += hit
            by_kind[kind][1] += 1
    return {"precision": p, "recall": r, "f1": f1,
            "recall_by_kind": {k: v[0] / v[1] for k, v in sorted(by_kind.items())}}


# Issue #5 targets: throughput >= 5x datasketch with character 5-grams, ahead of every peer;
# 1,000,000 documents of about 2,500 characters in <= 30 min with peak RSS <= 4 GB.
TARGET_RATIO, TARGET_DOCS, TARGET_MINUTES, TARGET_RSS_MB = 5.0, 1_000_000, 30.0, 4096.0


def speed_figures(kj: dict, rows: list[dict], n: int, mean_chars: float) -> str:
    """kjlint's speed relative to each peer in this run, and the 1,000,000-document estimate
    (time linear in documents from this run; memory below)."""
    out = ["", f"kjlint throughput vs peers (same corpus, same run; target >= {TARGET_RATIO:.0f}x datasketch-char5):"]
    for r in rows:
        if r is not kj:
            ratio = r["seconds"] / kj["seconds"]
            mark = "" if r["system"] != "datasketch-char5" else (" (met)" if ratio >= TARGET_RATIO else " (NOT met)")
            out.append(f"  vs {r['system']}: {ratio:.2f}x{mark}")
    scale = TARGET_DOCS / n
    minutes = kj["seconds"] * scale / 60
    summary = kj.get("summary", {})
    main_mb = summary.get("peak memory, main (MB)", kj["peak_rss_mb"])
    worker_mb = summary.get("peak memory, per worker (MB)", 0.0)
    jobs = 2
    # Workers hold one batch or group at a time (constant). The main process holds per-document
    # arrays: its growth above the RSS it had before the run, per document, is scaled.
    base_mb = kj.get("base_rss_mb", 0.0)
    per_doc_kb = (main_mb - base_mb) * 1024 / n
    est_mb = base_mb + per_doc_kb * TARGET_DOCS / 1024 + jobs * worker_mb
    out.append(f"estimate for {TARGET_DOCS:,} documents of {mean_chars:,.0f} characters: {minutes:.1f} min "
               f"({'met' if minutes <= TARGET_MINUTES else 'NOT met'}: <= {TARGET_MINUTES:.0f} min)")
    out.append(f"peak RSS at {n:,} documents: main {main_mb:.0f} MB ({base_mb:.0f} MB before the run, "
               f"{per_doc_kb:.2f} KB per document above it) + {jobs} workers x {worker_mb:.0f} MB; "
               f"estimate at {TARGET_DOCS:,}: {est_mb / 1024:.2f} GB "
               f"({'met' if est_mb <= TARGET_RSS_MB else 'NOT met'}: <= 4 GB)")
    return "\n".join(out)


def peer_python(name: str, workdir: Path) -> str:
    if name == "kjlint":
        return sys.executable
    venv = workdir / f"venv-{name}"
    py = venv / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", *PEER_PACKAGES[name]], check=True)
    return str(py)


def run_system(name: str, data: Path, workdir: Path, jobs: int, timeout: int) -> dict:
    py = peer_python(name, workdir)
    t = time.perf_counter()
    proc = subprocess.run([py, str(HERE / "dedupe_peers.py"), name, str(data), str(jobs)],
                          capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        return {"system": name, "error": proc.stderr.strip().splitlines()[-1:] or ["failed"]}
    out = json.loads(proc.stdout)
    out["wall"] = time.perf_counter() - t
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--peers", default="datasketch-words,datasketch-char5,rensa,text-dedup,datatrove")
    ap.add_argument("--workdir", default="/tmp/kjlint-dedupe-bench")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=3600)
    ap.add_argument("--synthetic", action="store_true")
    ap.add_argument("--data", help="Use this benchmark JSONL instead of generating one.")
    args = ap.parse_args(argv)
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(HERE))
    from dedupe_data import generate

    if args.data:
        data = Path(args.data)
    else:
        data = workdir / f"bench-{args.n}-{args.seed}{'-syn' if args.synthetic else ''}.jsonl"
        if not data.exists():
            t = time.perf_counter()
            records = generate(args.n, args.seed, real=not args.synthetic)
            with open(data, "w", encoding="utf-8") as fh:
                for r in records:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            print(f"generated {len(records)} records in {time.perf_counter() - t:.1f} s -> {data}", file=sys.stderr)
    records = [json.loads(line) for line in open(data, encoding="utf-8")]
    chars = sum(len(r["text"]) for r in records)
    print(f"corpus: {len(records)} documents, {chars / len(records):.0f} characters on average", file=sys.stderr)
    rows = []
    for name in ["kjlint"] + [p for p in args.peers.split(",") if p]:
        try:
            res = run_system(name, data, workdir, args.jobs, args.timeout)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            res = {"system": name, "error": [str(exc)[:200]]}
        if "error" in res:
            print(f"{name}: FAILED: {res['error']}", file=sys.stderr)
            rows.append(res)
            continue
        m = metrics(records, res["labels"])
        res.update(m)
        res["docs_per_s"] = len(records) / res["seconds"]
        rows.append(res)
        print(f"{name}: P={m['precision']:.4f} R={m['recall']:.4f} F1={m['f1']:.4f} "
              f"{res['docs_per_s']:.0f} docs/s ({res['seconds']:.1f} s) peak {res['peak_rss_mb']:.0f} MB",
              file=sys.stderr)
    print("\n| system | precision | recall | F1 | docs/s | seconds | peak RSS MB |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        if "error" in r:
            print(f"| {r['system']} | failed: {' '.join(r['error'])[:80]} | | | | | |")
        else:
            print(f"| {r['system']} | {r['precision']:.4f} | {r['recall']:.4f} | {r['f1']:.4f} | "
                  f"{r['docs_per_s']:.0f} | {r['seconds']:.1f} | {r['peak_rss_mb']:.0f} |")
    ok = [r for r in rows if "recall_by_kind" in r]
    if ok:
        kinds = sorted({k for r in ok for k in r["recall_by_kind"]})
        print("\n| recall by kind | " + " | ".join(r["system"] for r in ok) + " |")
        print("|---|" + "---|" * len(ok))
        for k in kinds:
            print(f"| {k} | " + " | ".join(f"{r['recall_by_kind'].get(k, 0):.3f}" for r in ok) + " |")
    kj = next((r for r in ok if r["system"] == "kjlint"), None)
    if kj and "timings" in kj:
        print("\nkjlint phases: " + ", ".join(f"{k} {v:.1f} s" for k, v in kj["timings"].items()))
    if kj:
        print(speed_figures(kj, ok, len(records), chars / len(records)))
    (workdir / "last-results.json").write_text(json.dumps(
        [{k: v for k, v in r.items() if k != "labels"} for r in rows], indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
