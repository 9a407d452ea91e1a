"""numba kernels for kjlint.dedupe.kernels (imported only when numba is installed)."""
from __future__ import annotations

import numpy as np
from numba import njit, uint32, uint64

from ..minhash import _FMIX32, _FMIX64, _POLY_MUL, _POLY_START

# Typed constants (minhash's: one hashing scheme): numba freezes globals at compile time; mixing
# uint64 with a Python int would promote to float64.
poly_mul, poly_start = np.uint64(_POLY_MUL), np.uint64(_POLY_START)
m64_1, m64_2 = np.uint64(_FMIX64[1]), np.uint64(_FMIX64[2])
m32_1, m32_2 = np.uint32(_FMIX32[1]), np.uint32(_FMIX32[3])
s33, s32 = np.uint64(33), np.uint64(32)
s16, s13 = np.uint32(16), np.uint32(13)


@njit("uint32(uint32[::1], int64, int64)", cache=True, nogil=True)
def shingle_at(cp, start, width):
    h = poly_start
    for j in range(width):
        h = h * poly_mul + uint64(cp[start + j])
    h ^= h >> s33
    h *= m64_1
    h ^= h >> s33
    h *= m64_2
    h ^= h >> s33
    return uint32(h >> s32)


@njit("void(uint32[::1], int64[::1], int64, int64[::1], uint32[::1], uint32[::1], uint32[:, ::1], uint32[:, ::1])",
      cache=True, nogil=True)
def sign_docs(cp, starts, k, prefix_count, a, b, sigs, prefix):
    """sigs[d] = MinHash of the k-shingles of cp[starts[d]:starts[d+1]] (one shingle of the
    whole text when shorter than k); prefix[d] = MinHash over its first prefix_count[d]
    shingles with the first prefix.shape[1] permutations."""
    num_perm = a.shape[0]
    prefix_perm = prefix.shape[1]
    for d in range(starts.shape[0] - 1):
        s = starts[d]
        n = starts[d + 1] - s
        if n == 0:
            continue
        width = min(k, n)
        row = sigs[d]
        prow = prefix[d]
        for i in range(n - width + 1):
            x = shingle_at(cp, s + i, width)
            x = uint32(x ^ (x >> s16))  # fmix32, as minhash._fmix32
            x = uint32(x * m32_1)
            x = uint32(x ^ (x >> s13))
            x = uint32(x * m32_2)
            x = uint32(x ^ (x >> s16))
            for p in range(num_perm):
                row[p] = min(row[p], uint32(a[p] * x + b[p]))
            if i < prefix_count[d]:
                for p in range(prefix_perm):
                    prow[p] = min(prow[p], uint32(a[p] * x + b[p]))


@njit("uint32[::1](uint32[::1], int64)", cache=True, nogil=True)
def shingle_hashes(cp, k):
    n = cp.shape[0]
    if n == 0:
        return np.empty(0, dtype=np.uint32)
    width = min(k, n)
    out = np.empty(n - width + 1, dtype=np.uint32)
    for i in range(n - width + 1):
        out[i] = shingle_at(cp, i, width)
    return out


@njit("int64(uint32[::1], uint32[::1])", cache=True, nogil=True)
def intersection_size(a, b):
    """Common values of two sorted arrays of unique values (a merge, no temporaries)."""
    i = j = count = 0
    while i < a.shape[0] and j < b.shape[0]:
        if a[i] < b[j]:
            i += 1
        elif a[i] > b[j]:
            j += 1
        else:
            count += 1
            i += 1
            j += 1
    return count
