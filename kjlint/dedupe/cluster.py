"""Clusters as connected components of verified pairs (union-find, numpy arrays in and out)."""
from __future__ import annotations

import numpy as np


def union_find(n: int, pairs: np.ndarray) -> np.ndarray:
    """Component label (the smallest member index) of each of `n` documents."""
    parent = list(range(n))  # a list: element access is several times cheaper than numpy's

    def find(x: int) -> int:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    for i, j in np.asarray(pairs, dtype=np.int64).reshape(-1, 2).tolist():
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    labels = np.array(parent, dtype=np.int64)
    while True:  # pointer jumping: every parent is smaller than its child, so this ends at the roots
        jumped = labels[labels]
        if np.array_equal(jumped, labels):
            return labels
        labels = jumped


def components(labels: np.ndarray, min_size: int = 2) -> list[np.ndarray]:
    """Member indices of each component with at least `min_size` members, ordered by first member."""
    labels = np.asarray(labels)
    order = np.argsort(labels, kind="stable")
    sorted_labels = labels[order]
    cuts = np.flatnonzero(np.diff(sorted_labels)) + 1
    groups = np.split(order, cuts)
    return [g for g in groups if len(g) >= min_size]
