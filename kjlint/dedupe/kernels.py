"""Compiled inner loops of signing and verification (numba), value-identical to the numpy code.

MinHash over n shingles and P permutations is n x P multiply-add-min steps. numpy needs three
passes over an (n, P) uint32 matrix for them (multiply, add, min) and was measured at about
1.5 ns per step; one fused loop compiled by numba keeps the row in registers, vectorizes the
32-bit lanes and was measured 10x faster on 2,200-shingle documents. The same loop also computes
the shingle hashes from the code points (no intermediate array) and the prefix signature (the
first `prefix_perm` permutations over the leading shingles) in the same pass.

numba is imported lazily and its machine code is cached on disk (`cache=True`, in __pycache__ or
numba's user cache), so only the first run after an install compiles (a few seconds). Importing
numba and loading the cached kernels still costs about 1 s per process (2 s on a loaded machine),
so `dedupe` uses them only from AUTO_MIN_INPUT_BYTES of input (`resolve`). Without numba (a
platform it does not support yet) `available()` is False and callers use the numpy functions of
`minhash`, which give the same values (tests/test_dedupe_fast.py).
"""
from __future__ import annotations

import os
from functools import lru_cache

import numpy as np

MODES = ("auto", "numba", "numpy")
# Loading numba and the cached kernels costs about 1 s per process (2 s on a loaded machine); the
# kernels save about 0.4 ms of CPU per 2,500-character document, so `dedupe` turns them on from
# about this much input (a few thousand documents) and leaves small runs on numpy.
AUTO_MIN_INPUT_BYTES = 48 * 2**20
_mode = "auto"


def configure(mode: str) -> None:
    """Choose the kernels of this process: "numba", "numpy", or "auto" (numba when importable)."""
    global _mode
    if mode not in MODES:
        raise ValueError(f"unknown kernels {mode!r} (expected {', '.join(MODES)})")
    _mode = mode


def resolve(mode: str, input_bytes: int) -> str:
    """"auto" → "numba" for inputs of at least AUTO_MIN_INPUT_BYTES when numba is installed."""
    if mode != "auto":
        return mode
    return "numba" if input_bytes >= AUTO_MIN_INPUT_BYTES and importable() else "numpy"


@lru_cache(maxsize=1)
def importable() -> bool:
    import importlib.util

    return not os.environ.get("KJLINT_NO_NUMBA") and importlib.util.find_spec("numba") is not None


@lru_cache(maxsize=1)
def _compiled():
    """The compiled kernels, or None when numba is missing or disabled (KJLINT_NO_NUMBA=1)."""
    if not importable():
        return None
    try:
        from . import _numba_kernels
    except ImportError:
        return None

    return _numba_kernels.sign_docs, _numba_kernels.shingle_hashes, _numba_kernels.intersection_size


def available() -> bool:
    """True when this process uses the compiled kernels (see `configure`)."""
    return _mode != "numpy" and _compiled() is not None


def _writable(a: np.ndarray) -> np.ndarray:
    """numba's compiled signatures take writable C-contiguous arrays (np.frombuffer is read-only)."""
    a = np.ascontiguousarray(a, dtype=np.uint32)
    return a if a.flags.writeable else a.copy()


def sign_docs(cp: np.ndarray, starts: np.ndarray, k: int, prefix_count: np.ndarray,
              a: np.ndarray, b: np.ndarray, sigs: np.ndarray, prefix: np.ndarray) -> None:
    """Fill `sigs` (n, P) and `prefix` (n, p) in place; both must start at 0xFFFFFFFF."""
    _compiled()[0](_writable(cp), starts, k, prefix_count, _writable(a), _writable(b), sigs, prefix)


def shingle_hashes(cp: np.ndarray, k: int) -> np.ndarray:
    return _compiled()[1](_writable(cp), k)


def intersection_size(a: np.ndarray, b: np.ndarray) -> int:
    return int(_compiled()[2](_writable(a), _writable(b)))
