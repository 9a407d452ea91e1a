"""The one MinHash of kjlint (KJ1 inside a draft and against `--reference` documents, and
`kjlint dedupe`): character k-gram shingles, uint32 signatures value-compatible with
datasketch >= 2, and LSH band keys. Each user picks its own k, permutation count and bands.

datasketch 2.x ("affine32", its default scheme) computes, for each input hash h (32 bits):
fmix32(h), then a_k * x + b_k mod 2^32 for every permutation k, keeping the minimum. `a` and `b`
come from numpy.random.RandomState(seed). We do the same arithmetic in numpy for thousands of
shingles of many documents at once (one matrix product-and-min per batch instead of one Python
`update` per shingle). The shingle hash is our own vectorized 64-bit polynomial hash folded to 32
bits; `shingle_hash` is the same function for one shingle, usable as datasketch's `hashfunc`, so

    datasketch.MinHash(num_perm, seed, hashfunc=shingle_hash).update_batch(shingles(text))

produces exactly `signature(text)`, and `to_lean_minhash(sig, seed)` rebuilds a LeanMinHash.

The signature and the band keys also have pure-Python twins with the same values
(`signature_py`, `band_keys_py`, `permutation_draws`; tested): a draft of a few paragraphs is
signed in milliseconds without importing numpy (0.1 s), which this module imports only when a
vectorized function is first called.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    import numpy as np

SCHEME = "affine32"  # datasketch's permutation scheme that these signatures follow
SHINGLE_SIZE = 5
_MASK64 = (1 << 64) - 1
_MASK32 = (1 << 32) - 1
_POLY_MUL = 0x100000001B3  # FNV-1a 64-bit prime: odd, spreads code points
_POLY_START = 0xCBF29CE484222325
_FMIX64 = (33, 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53)
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35)
_BAND_MIX = 0x9E3779B97F4A7C15
EMPTY = 0xFFFFFFFF  # datasketch's value for a permutation that saw no input
DEFAULT_BANDS, DEFAULT_ROWS = 16, 8  # dedupe's LSH: 128 permutations in 16 bands of 8


def _fmix64(h: np.ndarray) -> np.ndarray:
    import numpy as np

    s, m1, m2 = (np.uint64(v) for v in _FMIX64)
    h = h ^ (h >> s)
    h = h * m1
    h = h ^ (h >> s)
    h = h * m2
    return h ^ (h >> s)


def _fmix32(h: np.ndarray) -> np.ndarray:
    import numpy as np

    s1, m1, s2, m2 = (np.uint32(v) for v in _FMIX32)
    h = h ^ (h >> s1)
    h = h * m1
    h = h ^ (h >> s2)
    h = h * m2
    return h ^ (h >> s1)


def _fmix64_py(h: int) -> int:
    s, m1, m2 = _FMIX64
    h ^= h >> s
    h = (h * m1) & _MASK64
    h ^= h >> s
    h = (h * m2) & _MASK64
    return h ^ (h >> s)


def _fmix32_py(h: int) -> int:
    s1, m1, s2, m2 = _FMIX32
    h ^= h >> s1
    h = (h * m1) & _MASK32
    h ^= h >> s2
    h = (h * m2) & _MASK32
    return h ^ (h >> s1)


def code_points(text: str) -> np.ndarray:
    import numpy as np

    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def shingle_hashes(text: str, k: int = SHINGLE_SIZE) -> np.ndarray:
    """32-bit hashes of every character k-gram of `text` (one for the whole text when it is
    shorter than k, none when empty), in order, duplicates included."""
    return shingle_hashes_cp(code_points(text), k)


def shingle_hashes_cp(cp: np.ndarray, k: int = SHINGLE_SIZE) -> np.ndarray:
    """`shingle_hashes` of a text given as uint32 code points."""
    import numpy as np

    cp = np.asarray(cp).astype(np.uint64)
    n = len(cp)
    if n == 0:
        return np.empty(0, dtype=np.uint32)
    width = min(k, n)
    count = n - width + 1
    mul = np.uint64(_POLY_MUL)
    h = np.full(count, _POLY_START, dtype=np.uint64)
    for j in range(width):
        h *= mul
        h += cp[j:j + count]
    return (_fmix64(h) >> np.uint64(32)).astype(np.uint32)


def shingles(text: str, k: int = SHINGLE_SIZE) -> list[str]:
    """The shingles themselves (for datasketch's update_batch with `shingle_hash`)."""
    if len(text) <= k:
        return [text] if text else []
    return [text[i:i + k] for i in range(len(text) - k + 1)]


def shingle_hash(shingle: str | bytes) -> int:
    """Scalar twin of `shingle_hashes` for one shingle: a datasketch `hashfunc`."""
    if isinstance(shingle, bytes):
        shingle = shingle.decode("utf-8")
    h = _POLY_START
    for ch in shingle:
        h = (h * _POLY_MUL + ord(ch)) & _MASK64
    return _fmix64_py(h) >> 32


@dataclass(frozen=True)
class Permutations:
    """datasketch's affine32 permutation parameters for (num_perm, seed)."""

    a: np.ndarray  # uint32, odd
    b: np.ndarray  # uint32
    seed: int

    @property
    def num_perm(self) -> int:
        return len(self.a)


@lru_cache(maxsize=16)
def permutation_draws(num_perm: int = 128, seed: int = 1) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(a, b) as datasketch.MinHash._init_permutations draws them for the affine32 scheme:
    numpy.random.RandomState(seed).randint(0, 2**31, num_perm) * 2 + 1, then randint(0, 2**32,
    num_perm). Both are MT19937 words seeded as numpy seeds an integer (init_genrand; neither
    bound rejects a draw), so Python's own Mersenne Twister gives them without numpy (tested)."""
    mt = [seed & _MASK32]
    for i in range(1, 624):
        mt.append((1812433253 * (mt[-1] ^ (mt[-1] >> 30)) + i) & _MASK32)
    gen = random.Random()
    gen.setstate((3, (*mt, 624), None))
    a = tuple((gen.getrandbits(32) & 0x7FFFFFFF) * 2 + 1 for _ in range(num_perm))
    b = tuple(gen.getrandbits(32) for _ in range(num_perm))
    return a, b


@lru_cache(maxsize=16)
def permutations(num_perm: int = 128, seed: int = 1) -> Permutations:
    """`permutation_draws` as uint32 arrays."""
    import numpy as np

    a, b = permutation_draws(num_perm, seed)
    return Permutations(np.array(a, dtype=np.uint32), np.array(b, dtype=np.uint32), seed)


def sign_hashes(hash_arrays: Sequence[np.ndarray], perms: Permutations,
                chunk_rows: int = 4096) -> np.ndarray:
    """MinHash signatures (len(hash_arrays), num_perm) uint32 of many shingle-hash arrays.

    For each document the shingle hashes are mixed once (fmix32) and permuted as one
    (shingles x num_perm) uint32 matrix, the wrap-around being the mod 2^32, then min-reduced
    over rows. Long documents go in blocks of `chunk_rows` through one reused buffer.
    (np.minimum.reduceat over a stacked batch was measured 3x slower than this.)
    An empty array gives the all-0xFFFFFFFF empty signature, as in datasketch.
    """
    import numpy as np

    n = len(hash_arrays)
    out = np.full((n, perms.num_perm), EMPTY, dtype=np.uint32)
    a, b = perms.a[None, :], perms.b
    buf = np.empty((chunk_rows, perms.num_perm), dtype=np.uint32)
    for i, h in enumerate(hash_arrays):
        if len(h) == 0:
            continue
        x = _fmix32(np.asarray(h, dtype=np.uint32))[:, None]
        row = out[i]
        for start in range(0, len(x), chunk_rows):
            block = x[start:start + chunk_rows]
            m = buf[: len(block)]
            np.multiply(block, a, out=m)
            m += b
            np.minimum(row, m.min(axis=0), out=row)
    return out


def signature(text: str, perms: Permutations | None = None, k: int = SHINGLE_SIZE) -> np.ndarray:
    """MinHash signature (num_perm,) uint32 of an already normalized text."""
    return signatures([text], perms, k)[0]


def signatures(texts: Sequence[str], perms: Permutations | None = None, k: int = SHINGLE_SIZE,
               chunk_rows: int = 4096) -> np.ndarray:
    """MinHash signatures (len(texts), num_perm) uint32 of already normalized texts.

    Many short texts (KJ102 signs every paragraph of a long document) are hashed in one pass
    over their concatenation and signed a block of texts at a time, one min-reduction per
    block: the numpy calls per text of `sign_hashes` cost more than their arithmetic there
    (measured on the paragraphs of ../shared/corpus: 0.33 -> 0.18 CPU s). The same values."""
    import numpy as np

    perms = perms or permutations()
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    if ((lengths > 0) & (lengths < k)).any():  # a text shorter than k is one shingle
        return sign_hashes([shingle_hashes(t, k) for t in texts], perms)
    counts = np.maximum(lengths - k + 1, 0)  # shingles of each text
    ends = np.cumsum(counts)
    cp = code_points("".join(texts)).astype(np.uint64)
    windows = max(len(cp) - k + 1, 0)
    h = np.full(windows, _POLY_START, dtype=np.uint64)
    mul = np.uint64(_POLY_MUL)
    for j in range(k):  # the polynomial hash of shingle_hashes_cp, over all texts at once
        h *= mul
        h += cp[j:j + windows]
    # the windows that lie inside one text
    inside = np.arange(ends[-1] if len(ends) else 0) + np.repeat(np.cumsum(lengths) - lengths - (ends - counts), counts)
    hashes = (_fmix64(h[inside]) >> np.uint64(32)).astype(np.uint32)
    out = np.full((len(texts), perms.num_perm), EMPTY, dtype=np.uint32)
    buf = np.empty((min(chunk_rows, len(hashes)), perms.num_perm), dtype=np.uint32)  # one block's products, reused
    i = 0
    while i < len(texts):
        first_row = int(ends[i] - counts[i])
        j = max(i + 1, int(np.searchsorted(ends, first_row + chunk_rows, side="right")))
        if counts[i] > chunk_rows:  # a long text: sign_hashes goes through it in blocks
            out[i] = sign_hashes([hashes[first_row:ends[i]]], perms, chunk_rows)[0]
        elif ends[j - 1] > first_row:
            m = buf[:ends[j - 1] - first_row]
            np.multiply(_fmix32(hashes[first_row:ends[j - 1]])[:, None], perms.a[None, :], out=m)
            m += perms.b
            signed = counts[i:j] > 0
            out[i:j][signed] = np.minimum.reduceat(m, (ends[i:j] - counts[i:j] - first_row)[signed], axis=0)
        i = j
    return out


def signature_py(text: str, num_perm: int = 128, seed: int = 1, k: int = SHINGLE_SIZE) -> list[int]:
    """`signature` in pure Python (no numpy import): one generator pass per permutation."""
    xs = {_fmix32_py(shingle_hash(s)) for s in shingles(text, k)}
    if not xs:
        return [EMPTY] * num_perm
    a, b = permutation_draws(num_perm, seed)
    return [min([(ak * x + bk) & _MASK32 for x in xs]) for ak, bk in zip(a, b)]


def band_keys(sigs: np.ndarray, bands: int = DEFAULT_BANDS, rows: int = DEFAULT_ROWS) -> np.ndarray:
    """(n, bands) uint64 keys: equal keys ⇔ (with overwhelming probability) equal bands."""
    import numpy as np

    sigs = np.asarray(sigs)
    n, num_perm = sigs.shape
    if bands * rows > num_perm:
        raise ValueError(f"{bands} bands x {rows} rows needs {bands * rows} permutations, have {num_perm}")
    v = sigs[:, : bands * rows].reshape(n, bands, rows).astype(np.uint64)
    key = np.broadcast_to(np.arange(1, bands + 1, dtype=np.uint64) * np.uint64(_BAND_MIX),
                          (n, bands)).copy()
    for r in range(rows):
        key = _fmix64(key ^ v[:, :, r]) if r else _fmix64(key + v[:, :, r])
    return key


def band_keys_py(sig: Sequence[int], bands: int = DEFAULT_BANDS, rows: int = DEFAULT_ROWS) -> list[int]:
    """`band_keys` of one signature in pure Python."""
    if bands * rows > len(sig):
        raise ValueError(f"{bands} bands x {rows} rows needs {bands * rows} permutations, have {len(sig)}")
    out = []
    for band in range(bands):
        key = ((band + 1) * _BAND_MIX) & _MASK64
        for r, v in enumerate(sig[band * rows:(band + 1) * rows]):
            key = _fmix64_py(key ^ v if r else (key + v) & _MASK64)
        out.append(key)
    return out


def to_lean_minhash(sig: np.ndarray, seed: int = 1):
    """A datasketch LeanMinHash holding this signature."""
    import numpy as np
    from datasketch import LeanMinHash

    return LeanMinHash(seed=seed, hashvalues=np.asarray(sig, dtype=np.uint32), scheme=SCHEME)
