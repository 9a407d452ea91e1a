"""An experiment of issue 15 (session 15), measured by bench/bench_kj1_numba.py: KJ1's
first_sampled (kjlint.checks.duplication) as a numba kernel, exact (same first copies, hits, and
last copies at the sampled positions as the numpy path).

Not used by kjlint: loading numba and this one cached kernel costs 0.65-0.87 CPU s per process
(warm disk cache), and the kernel saves 0.16-0.32 CPU s over the whole of ../shared/corpus
(34 MB): on large streams both it and the numpy path are bound by memory (random table probes
here, the sort there, 50-65 ns per position on a 2,000,000-character stream), so compiling
gains little where the time is. See the bench for the break-even input size. Nor would more
kernels pay: all of KJ1's array work together (first_sampled 0.5-0.7, the scan's Python loop
about 0.3, _bag_bound about 0.2 CPU s on the corpus, bench/bench_kj1.py phases) is about what one
process pays to load numba: even free kernels would save nothing below about 30 MB a process
(and `check -j 2` splits the corpus in two).
The rest of KJ1's time is build_units' paragraphs, most of it the furniture lines that KJ601
finds for every rule (reading_paragraphs).
"""
from __future__ import annotations

import numpy as np
from numba import njit, uint64

# Rolling k-gram hash (mod 2**64) over code points; equal hashes are confirmed character by
# character, so the values returned are exact whatever the collisions.
_BASE = uint64(0x100000001B3)
_MIX = uint64(0x9E3779B97F4A7C15)
_ONE, _THREE, _SEVEN, _HALF = uint64(1), uint64(3), uint64(7), uint64(32)


@njit("Tuple((int32[::1], int32[::1], int32[::1]))(uint32[::1], int64, int64)", cache=True, nogil=True)
def first_sampled(cp, k, step):
    """duplication.first_sampled over the code points `cp` (len(s) - k >= 0): (first, hits,
    latest), exact; latest holds its group's last position wherever first does (the sampled
    positions included), m - 1 elsewhere, as the numpy path's upper bound."""
    n = cp.shape[0]
    m = n - k + 1
    # hashes of every k-gram, rolling
    hashes = np.empty(m, dtype=np.uint64)
    top = uint64(1)
    for _ in range(k - 1):
        top *= _BASE
    h = uint64(0)
    for j in range(k):
        h = h * _BASE + uint64(cp[j])
    hashes[0] = h
    for p in range(1, m):
        h = (h - uint64(cp[p - 1]) * top) * _BASE + uint64(cp[p + k - 1])
        hashes[p] = h
    # open-addressing table of the sampled k-grams: slot -> first sampled position (-1: empty)
    sampled = (m - 1) // step + 1
    size = 16
    while size < 2 * sampled:
        size *= 2
    mask = uint64(size - 1)
    keys = np.empty(size, dtype=np.uint64)
    owner = np.full(size, -1, dtype=np.int64)
    bits = 6
    while (1 << bits) < 8 * sampled:
        bits += 1
    shift = uint64(64 - bits)
    seen = np.zeros((1 << bits) // 8 + 1, dtype=np.uint8)
    for t in range(0, m, step):
        ht = hashes[t]
        b = ht >> shift
        seen[b >> _THREE] |= np.uint8(_ONE << (b & _SEVEN))
        slot = (ht * _MIX) >> _HALF & mask
        while True:
            o = owner[slot]
            if o < 0:
                keys[slot] = ht
                owner[slot] = t
                break
            if keys[slot] == ht:
                same = True
                for j in range(k):
                    if cp[o + j] != cp[t + j]:
                        same = False
                        break
                if same:
                    break
            slot = (slot + _ONE) & mask
    first = np.full(m, n, dtype=np.int32)
    last = np.full(m, m - 1, dtype=np.int32)  # by first sampled position: its group's last position
    count = 0
    for p in range(m):
        hp = hashes[p]
        b = hp >> shift
        if not (uint64(seen[b >> _THREE]) >> (b & _SEVEN)) & _ONE:
            continue
        slot = (hp * _MIX) >> _HALF & mask
        while True:
            o = owner[slot]
            if o < 0:
                break
            if keys[slot] == hp:
                same = True
                for j in range(k):
                    if cp[o + j] != cp[p + j]:
                        same = False
                        break
                if same:
                    first[p] = o
                    last[o] = p
                    if o < p:
                        count += 1
                    break
            slot = (slot + _ONE) & mask
    hits = np.empty(count, dtype=np.int32)
    latest = np.full(m, m - 1, dtype=np.int32)
    c = 0
    for p in range(m):
        o = first[p]
        if o < n:
            latest[p] = last[o]
            if o < p:
                hits[c] = p
                c += 1
    return first, hits, latest
