"""Candidate pairs from LSH banding of MinHash signatures.

Two back ends with the same result set (pairs sharing at least one band):
- `candidate_pairs_datasketch`: datasketch's MinHashLSH, for small corpora (keeps signatures);
- `candidate_pairs_sorted`: each band of `rows` values is folded into one uint64 key
  (kjlint.minhash.band_keys: 16 bands
  x 8 bytes = 128 bytes per document instead of the 512-byte signature), then a numpy sort per
  band finds the runs of equal keys. Used for large corpora.
"""
from __future__ import annotations

import numpy as np

from ..minhash import DEFAULT_BANDS, DEFAULT_ROWS

# Buckets bigger than this connect each member to its first and next member only, instead of
# all pairs (a bucket of 10,000 exact copies would otherwise make 50 million pairs).
MAX_BUCKET_PAIRS = 64


def _pairs_from_runs(order: np.ndarray, sorted_keys: np.ndarray) -> np.ndarray:
    """Pairs of document indices whose keys are equal, given one band's sorted keys."""
    if len(sorted_keys) < 2:
        return np.empty((0, 2), dtype=np.int64)
    same = sorted_keys[1:] == sorted_keys[:-1]
    if not same.any():
        return np.empty((0, 2), dtype=np.int64)
    # Run boundaries among equal-key stretches.
    edges = np.flatnonzero(np.diff(np.concatenate(([False], same, [False])).astype(np.int8)))
    starts, ends = edges[0::2], edges[1::2] + 1  # [start, end) in sorted positions
    out = []
    sizes = ends - starts
    small = sizes <= MAX_BUCKET_PAIRS
    # Consecutive pairs for every run (covers runs of 2, the common case, and chains big runs).
    pos = np.flatnonzero(same)
    out.append(np.stack([order[pos], order[pos + 1]], axis=1))
    # Star to the run's first member for big runs.
    for s, e in zip(starts[~small], ends[~small]):
        members = order[s + 2:e]
        out.append(np.stack([np.full(len(members), order[s]), members], axis=1))
    # All pairs inside small runs of three or more (the consecutive ones are in already), one
    # vectorized step per run size rather than one per run.
    mid = small & (sizes > 2)
    for size in np.unique(sizes[mid]).tolist():
        i, j = np.triu_indices(size, k=2)
        first = starts[mid & (sizes == size)][:, None]
        out.append(np.stack([order[first + i].ravel(), order[first + j].ravel()], axis=1))
    return np.concatenate(out)


def unique_pairs(pairs: np.ndarray) -> np.ndarray:
    """Sorted (i < j) unique pairs as int64 (m, 2)."""
    if len(pairs) == 0:
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.sort(np.asarray(pairs, dtype=np.int64), axis=1)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    return np.unique(pairs, axis=0)


def candidate_pairs_sorted(keys: np.ndarray, members: np.ndarray | None = None) -> np.ndarray:
    """Candidate pairs from band keys by sorting each band. `members` maps key rows to document
    indices (default: row number)."""
    keys = np.asarray(keys)
    rows = np.arange(len(keys)) if members is None else np.asarray(members)
    found = []
    for b in range(keys.shape[1]):
        order = np.argsort(keys[:, b], kind="stable")
        found.append(rows[_pairs_from_runs(order, keys[order, b])])
    return unique_pairs(np.concatenate(found)) if found else np.empty((0, 2), dtype=np.int64)


def candidate_pairs_datasketch(sigs: np.ndarray, bands: int = DEFAULT_BANDS, rows: int = DEFAULT_ROWS,
                               seed: int = 1, members: np.ndarray | None = None) -> np.ndarray:
    """The same candidates through datasketch.MinHashLSH (query every signature once)."""
    from datasketch import MinHashLSH

    from ..minhash import to_lean_minhash

    sigs = np.asarray(sigs)
    rows_idx = np.arange(len(sigs)) if members is None else np.asarray(members)
    lsh = MinHashLSH(num_perm=sigs.shape[1], params=(bands, rows))
    lean = [to_lean_minhash(s, seed) for s in sigs]
    with lsh.insertion_session() as session:
        for i, m in enumerate(lean):
            session.insert(i, m, check_duplication=False)
    pairs = [(rows_idx[i], rows_idx[j]) for i, m in enumerate(lean) for j in lsh.query(m) if j > i]
    return unique_pairs(np.array(pairs, dtype=np.int64).reshape(-1, 2))
