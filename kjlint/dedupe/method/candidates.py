"""Stages 2-3, exact copies and LSH candidates: whole-corpus arrays in, pairs and groups out (pure)."""
from __future__ import annotations

from typing import Iterator

import numpy as np

from ..cluster import components, union_find
from ..lsh import candidate_pairs_datasketch, candidate_pairs_sorted, unique_pairs
from .config import DedupeConfig
from .corpus import Corpus


def exact_groups(norm_hash: np.ndarray, norm_len: np.ndarray) -> np.ndarray:
    """Representative (first document with the same canonical text) of each document; -1 for
    documents whose canonical text is empty."""
    n = len(norm_hash)
    rep = np.full(n, -1, dtype=np.int64)
    valid = np.flatnonzero(norm_len > 0)
    if len(valid) == 0:
        return rep
    order = valid[np.argsort(norm_hash[valid], kind="stable")]
    h = norm_hash[order]
    starts = np.concatenate(([True], h[1:] != h[:-1]))
    group_first = order[np.maximum.accumulate(np.where(starts, np.arange(len(order)), 0))]
    rep[order] = group_first
    return rep


def find_candidates(corpus: Corpus, rep: np.ndarray, config: DedupeConfig) -> np.ndarray:
    """Candidate pairs among representatives: main bands, plus prefix bands for documents long
    enough to have a prefix (truncated copies)."""
    reps = np.flatnonzero(rep == np.arange(len(rep)))
    if len(reps) < 2:
        return np.empty((0, 2), dtype=np.int64)
    use_datasketch = config.lsh == "datasketch" or (config.lsh == "auto" and len(reps) <= config.datasketch_max)
    if corpus.sigs is not None and use_datasketch:
        sigs = np.concatenate(corpus.sigs)[reps]
        main = candidate_pairs_datasketch(sigs, config.bands, config.rows, config.seed, members=reps)
    else:
        keys = np.concatenate(corpus.keys)[reps]
        main = candidate_pairs_sorted(keys, members=reps)
    norm_len = np.concatenate(corpus.norm_len)
    long_reps = reps[norm_len[reps] >= config.prefix_chars]
    if len(long_reps) >= 2:
        pkeys = np.concatenate(corpus.prefix_keys)[long_reps]
        prefix = candidate_pairs_sorted(pkeys, members=long_reps)
        return unique_pairs(np.concatenate([main, prefix]))
    return main


def candidate_groups(n: int, rep: np.ndarray, candidates: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(members, candidate pairs) of every group of two or more documents."""
    copies = np.flatnonzero((rep >= 0) & (rep != np.arange(n)))
    exact_edges = np.stack([rep[copies], copies], axis=1) if len(copies) else np.empty((0, 2), np.int64)
    labels = union_find(n, np.concatenate([exact_edges, candidates]))
    by_label: dict[int, np.ndarray] = {}
    if len(candidates):
        plab = labels[candidates[:, 0]]
        order = np.argsort(plab, kind="stable")
        cuts = np.flatnonzero(np.diff(plab[order])) + 1
        for chunk in np.split(order, cuts):
            by_label[int(plab[chunk[0]])] = candidates[chunk]
    empty = np.empty((0, 2), dtype=np.int64)
    for members in components(labels):
        yield members, by_label.get(int(members[0]), empty)
