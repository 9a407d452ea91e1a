"""Run one dedupe system over a benchmark JSONL and print its clusters as JSON (run inside the
system's own virtual environment by dedupe_bench.py; standard library + the system only).

Systems: kjlint, datasketch-words (as datasketch's README shows: whitespace tokens),
datasketch-char5 (character 5-grams, MinHashLSH 16x8), rensa (character 5-grams),
text-dedup (its MinHash embedding/banding with the text pre-split into characters),
datatrove (MinhashDedup stages with a character 5-gram shingler).
Every peer clusters LSH candidates with union-find as its README/pipeline does (no verification).
Output: {"system", "labels": {id: cluster label}, "seconds", "peak_rss_mb"}.
"""
from __future__ import annotations

import json
import resource
import sys
import time

NUM_PERM, BANDS, ROWS = 128, 16, 8


def read(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


class UF:
    def __init__(self, n):
        self.p = list(range(n))

    def find(self, x):
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


def char_shingles(text, k=5):
    import re

    t = re.sub(r"\s+", "", text)
    return {t[i:i + k] for i in range(max(1, len(t) - k + 1))}


def run_kjlint(path, jobs):
    from kjlint.dedupe import DedupeConfig, dedupe
    from kjlint.records import Source

    import os

    # KJLINT_DEDUPE_KEEP / KJLINT_DEDUPE_KERNELS: measure keep=best, or force numba/numpy kernels.
    config = DedupeConfig(jobs=jobs, keep=os.environ.get("KJLINT_DEDUPE_KEEP", "first"))
    if os.environ.get("KJLINT_DEDUPE_KERNELS"):
        config = DedupeConfig(jobs=jobs, keep=config.keep, kernels=os.environ["KJLINT_DEDUPE_KERNELS"])
    base = _rss_mb()  # interpreter and imports: what the run's own memory is measured above
    result = dedupe(sources=[Source("jsonl", path)], config=config)
    labels = {}
    for c in result.clusters:
        for m in c.members:
            labels[m.id] = f"c{c.number}"
    return labels, {"timings": result.timings, "summary": result.summary(), "base_rss_mb": base}


def _hwm_kb() -> int:
    """Peak resident set size of this process since its exec (Linux VmHWM; ru_maxrss elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _rss_mb() -> float:
    """Current resident set size of this process (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _lsh_clusters(records, sketches, lsh):
    uf = UF(len(records))
    for i, m in enumerate(sketches):
        for j in lsh.query(m):
            uf.union(i, j)
    return {r["id"]: f"c{uf.find(i)}" for i, r in enumerate(records)}


def run_datasketch(path, mode):
    from datasketch import MinHash, MinHashLSH

    records = read(path)
    if mode == "words":  # README: set of whitespace-separated tokens, threshold 0.5
        lsh = MinHashLSH(threshold=0.5, num_perm=NUM_PERM)
        tokenize = lambda t: set(t.split())  # noqa: E731
    else:
        lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, ROWS))
        tokenize = char_shingles
    sketches = []
    for i, r in enumerate(records):
        toks = tokenize(r["text"])
        m = MinHash(num_perm=NUM_PERM)
        m.update_batch([t.encode("utf-8") for t in toks])
        lsh.insert(i, m)
        sketches.append(m)
    return _lsh_clusters(records, sketches, lsh), {}


def run_rensa(path):
    from rensa import RMinHash, RMinHashLSH

    records = read(path)
    lsh = RMinHashLSH(threshold=0.7, num_perm=NUM_PERM, num_bands=BANDS)
    sketches = []
    for i, r in enumerate(records):
        m = RMinHash(num_perm=NUM_PERM, seed=42)
        m.update(list(char_shingles(r["text"])))
        lsh.insert(i, m)
        sketches.append(m)
    return _lsh_clusters(records, sketches, lsh), {}


def run_datatrove(path):
    """datatrove's four MinHash stages (signature, buckets, cluster, filter) run locally, with a
    character tokenizer (its word tokenizers cannot segment Chinese): 5-character shingles,
    16 buckets x 8 hashes."""
    import gzip
    import os
    import tempfile

    from datatrove.executor.local import LocalPipelineExecutor
    from datatrove.pipeline.dedup import MinhashDedupSignature
    from datatrove.pipeline.dedup.minhash import (MinhashConfig, MinhashDedupBuckets, MinhashDedupCluster,
                                                  MinhashDedupFilter)
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers.jsonl import JsonlWriter
    from datatrove.utils.word_tokenizers import WordTokenizer

    class CharTokenizer(WordTokenizer):
        def word_tokenize(self, text):
            return [c for c in text if not c.isspace()]

        def sent_tokenize(self, text):
            return [text]

        def span_tokenize(self, text):
            return [(0, len(text))]

    work = tempfile.mkdtemp(prefix="datatrove-")
    data_dir = os.path.join(work, "data")
    os.makedirs(data_dir)
    os.link(path, os.path.join(data_dir, "corpus.jsonl")) if False else \
        open(os.path.join(data_dir, "corpus.jsonl"), "wb").write(open(path, "rb").read())
    cfg = MinhashConfig(n_grams=5, num_buckets=BANDS, hashes_per_bucket=ROWS)
    logs = os.path.join(work, "logs")
    run = dict(logging_dir=None)
    LocalPipelineExecutor(pipeline=[JsonlReader(data_dir), MinhashDedupSignature(
        output_folder=f"{work}/sigs", config=cfg, language=CharTokenizer("zh"))], tasks=1,
        logging_dir=f"{logs}/1").run()
    LocalPipelineExecutor(pipeline=[MinhashDedupBuckets(input_folder=f"{work}/sigs", output_folder=f"{work}/buckets",
                                                        config=cfg)], tasks=cfg.num_buckets, workers=2,
                          logging_dir=f"{logs}/2").run()
    LocalPipelineExecutor(pipeline=[MinhashDedupCluster(input_folder=f"{work}/buckets", output_folder=f"{work}/remove",
                                                        config=cfg, save_cluster_id=True)], tasks=1,
                          logging_dir=f"{logs}/3").run()
    LocalPipelineExecutor(pipeline=[JsonlReader(data_dir), MinhashDedupFilter(
        input_folder=f"{work}/remove", load_cluster_ids=True,
        exclusion_writer=JsonlWriter(f"{work}/removed")), JsonlWriter(f"{work}/kept")], tasks=1,
        logging_dir=f"{logs}/4").run()
    del run
    labels = {}
    for sub in ("kept", "removed"):
        for name in os.listdir(f"{work}/{sub}"):
            opener = gzip.open if name.endswith(".gz") else open
            with opener(os.path.join(work, sub, name), "rt", encoding="utf-8") as fh:
                for line in fh:
                    doc = json.loads(line)
                    cid = doc.get("metadata", {}).get("minhash_cluster_id", -1)
                    if cid != -1:
                        labels[doc["id"]] = f"c{cid}"
    return labels, {}


def run_text_dedup(path):
    """text-dedup's MinHash (its embed_func, permutations, band tables and union-find, as its
    `main` sets them up: 64-bit hashes, sha1, seed 42), 16 bands x 8 rows, 5-token n-grams, with
    the text pre-split into characters separated by spaces (its tokenizer splits on non-word
    characters, so an unsegmented Chinese paragraph would be one token)."""
    from collections import defaultdict

    import numpy as np
    from text_dedup.minhash import embed_func
    from text_dedup.utils import UnionFind, sha1_hash

    records = read(path)
    dtype, max_hash, prime = np.uint64, np.uint32((1 << 32) - 1), np.uint64((1 << 61) - 1)
    rng = np.random.RandomState(42)
    perms = (rng.randint(1, prime, size=(NUM_PERM,), dtype=dtype), rng.randint(0, prime, size=(NUM_PERM,), dtype=dtype))
    ranges = [(i * ROWS, (i + 1) * ROWS) for i in range(BANDS)]
    tables = [defaultdict(set) for _ in range(BANDS)]
    uf = UnionFind()
    for idx, r in enumerate(records):
        chars = " ".join(c for c in r["text"] if not c.isspace())
        out = embed_func(chars, idx, num_perm=NUM_PERM, ngram_size=5, min_length=0, hashranges=ranges,
                         permutations=perms, hash_func=lambda b: sha1_hash(b, d=32), dtype=dtype,
                         max_hash=max_hash, modulo_prime=prime)
        for i, h in enumerate(out["__signatures__"]):
            tables[i][h].add(idx)
    for table in tables:
        for cluster in table.values():
            if len(cluster) > 1:
                root = min(cluster)
                for x in cluster:
                    uf.union(x, root)
    return {r["id"]: f"c{uf.find(i)}" for i, r in enumerate(records)}, {}


SYSTEMS = {
    "kjlint": lambda p, j: run_kjlint(p, j),
    "datasketch-words": lambda p, j: run_datasketch(p, "words"),
    "datasketch-char5": lambda p, j: run_datasketch(p, "char5"),
    "rensa": lambda p, j: run_rensa(p),
    "text-dedup": lambda p, j: run_text_dedup(p),
    "datatrove": lambda p, j: run_datatrove(p),
}


def main():
    system, path = sys.argv[1], sys.argv[2]
    jobs = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    t = time.perf_counter()
    labels, extra = SYSTEMS[system](path, jobs)
    secs = time.perf_counter() - t
    # VmHWM, not ru_maxrss: ru_maxrss would include the benchmark driver's memory at fork time.
    rss = max(_hwm_kb(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    json.dump({"system": system, "labels": labels, "seconds": secs, "peak_rss_mb": rss / 1024, **extra},
              sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
