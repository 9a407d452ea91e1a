"""Verification of candidate pairs before clustering.

LSH candidates are only likely duplicates; union-find over unverified pairs chains unrelated
templated reports together. A pair is kept when, on the exact shingle sets:
- Jaccard >= `jaccard` (edited copies), or
- containment of the smaller set in the larger >= `containment` and the smaller has at least
  `min_size_ratio` of the larger's shingles (truncated copies: a copy cut to 60% of its source has
  Jaccard 0.6 but containment 1.0), or
- optionally, rapidfuzz's normalized ratio of the two canonical texts >= `fuzzy`.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import kernels
from ..minhash import SHINGLE_SIZE, code_points, shingle_hashes_cp


@dataclass(frozen=True)
class VerifyOptions:
    jaccard: float = 0.6
    containment: float = 0.8
    min_size_ratio: float = 0.4
    min_shingles: int = 30  # below this a containment match means little (a shared sentence)
    fuzzy: float | None = None  # rapidfuzz ratio threshold (0..1) on canonical texts, off by default


@dataclass(frozen=True)
class PairScore:
    jaccard: float
    containment: float
    duplicate: bool
    method: str  # "exact", "jaccard", "containment", "fuzzy" or "" when rejected


def shingle_set(canonical: str | np.ndarray, k: int = SHINGLE_SIZE) -> np.ndarray:
    """Sorted unique 32-bit shingle hashes of a canonical text (a string or its code points, as
    `normalize.canonical_code_points` gives). (Sort and mask: numpy 2's hash-based np.unique
    was measured 30x slower on these arrays.)"""
    if isinstance(canonical, str):
        canonical = code_points(canonical)
    if kernels.available():
        h = kernels.shingle_hashes(canonical, k)
    else:
        h = shingle_hashes_cp(canonical, k)
    h.sort()
    if len(h) < 2:
        return h
    first = np.empty(len(h), dtype=bool)
    first[0] = True
    np.not_equal(h[1:], h[:-1], out=first[1:])
    return h[first]


def overlap(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """(Jaccard, containment of the smaller in the larger) of two sorted unique hash arrays."""
    if len(a) == 0 or len(b) == 0:
        return (1.0, 1.0) if len(a) == len(b) else (0.0, 0.0)
    if kernels.available():
        inter = kernels.intersection_size(a, b)
    else:
        inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter), inter / min(len(a), len(b))


def score_pair(a: np.ndarray, b: np.ndarray, opts: VerifyOptions = VerifyOptions(),
               text_a: str | None = None, text_b: str | None = None) -> PairScore:
    """Decide whether two documents (their shingle sets, optionally canonical texts) are copies."""
    jac, con = overlap(a, b)
    if jac >= 1.0 and len(a) == len(b):
        return PairScore(jac, con, True, "exact")
    if jac >= opts.jaccard:
        return PairScore(jac, con, True, "jaccard")
    small, large = sorted((len(a), len(b)))
    if con >= opts.containment and small >= opts.min_shingles and small >= opts.min_size_ratio * large:
        return PairScore(jac, con, True, "containment")
    if opts.fuzzy is not None and text_a is not None and text_b is not None:
        from rapidfuzz import fuzz

        if fuzz.ratio(text_a, text_b) / 100.0 >= opts.fuzzy:
            return PairScore(jac, con, True, "fuzzy")
    return PairScore(jac, con, False, "")


def verify_pairs(pairs: np.ndarray, sets: dict[int, np.ndarray], opts: VerifyOptions = VerifyOptions(),
                 texts: dict[int, str] | None = None):
    """Score every pair; returns (duplicate mask, jaccard, containment, methods) arrays."""
    m = len(pairs)
    mask = np.zeros(m, dtype=bool)
    jac = np.zeros(m, dtype=np.float32)
    con = np.zeros(m, dtype=np.float32)
    methods = np.empty(m, dtype=object)
    for k, (i, j) in enumerate(np.asarray(pairs).reshape(-1, 2)):
        s = score_pair(sets[int(i)], sets[int(j)], opts,
                       texts.get(int(i)) if texts else None, texts.get(int(j)) if texts else None)
        mask[k], jac[k], con[k], methods[k] = s.duplicate, s.jaccard, s.containment, s.method
    return mask, jac, con, methods
