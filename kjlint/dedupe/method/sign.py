"""Stage 1, normalize and sign: a batch of raw texts in, per-document arrays out (pure)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .. import kernels
from ...minhash import EMPTY, Permutations, permutations, shingle_hashes_cp, sign_hashes
from ..normalize import canonical_code_points
from .config import DedupeConfig


@dataclass
class Signed:
    """Per-document arrays from the signing stage, aligned with document indices."""

    sigs: np.ndarray  # (n, num_perm) uint32
    prefix: np.ndarray  # (n, prefix_perm) uint32
    norm_hash: np.ndarray  # (n,) uint64: hash of the canonical text (exact copies)
    norm_len: np.ndarray  # (n,) int32: canonical characters
    canonical: list[np.ndarray | None] | None = None  # uint16 code points (None: outside the BMP)


def _hash64(canonical: np.ndarray) -> int:
    """Hash of a canonical text given as code points (exact copies share it)."""
    return int.from_bytes(hashlib.blake2b(canonical.tobytes(), digest_size=8).digest(), "little")


def sign_texts(texts: Sequence[str], config: DedupeConfig = DedupeConfig(), keep_canonical: bool = False) -> Signed:
    """Normalize and sign raw texts (a pure function: safe in any worker or Spark partition).

    The canonical texts stay code-point arrays; with numba (kernels.available()) one compiled
    pass per batch computes shingle hashes, the signature and the prefix signature together,
    otherwise the numpy functions of `minhash` do (same values)."""
    perms = permutations(config.num_perm, config.seed)
    canon = [canonical_code_points(t, config.normalize) for t in texts]
    lengths = np.array([len(c) for c in canon], dtype=np.int64)
    norm_hash = np.array([_hash64(c) for c in canon], dtype=np.uint64)
    pa, pb = perms.a[: config.prefix_perm], perms.b[: config.prefix_perm]
    if kernels.available():
        n = len(canon)
        sigs = np.full((n, config.num_perm), EMPTY, dtype=np.uint32)
        prefix = np.full((n, len(pa)), EMPTY, dtype=np.uint32)
        k = config.shingle
        head = np.minimum(lengths, config.prefix_chars)
        # The prefix text's shingles are the document's first ones when it holds a whole shingle
        # or is the whole document; otherwise (prefix_chars < shingle size) it is one shorter
        # shingle of its own, signed below.
        own = (head < k) & (head < lengths)
        count = np.where(head >= k, head - k + 1, np.where(lengths > 0, 1, 0))
        count[own] = 0
        starts = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(lengths, out=starts[1:])
        flat = np.concatenate(canon) if n else np.empty(0, np.uint32)
        kernels.sign_docs(flat.astype(np.uint32, copy=False), starts, k, count, perms.a, perms.b, sigs, prefix)
        for i in np.flatnonzero(own & (head > 0)):
            prefix[i] = sign_hashes([shingle_hashes_cp(canon[i][: config.prefix_chars], k)],
                                    Permutations(pa, pb, config.seed))[0]
    else:
        sigs = sign_hashes([shingle_hashes_cp(c, config.shingle) for c in canon], perms)
        prefix = sign_hashes([shingle_hashes_cp(c[: config.prefix_chars], config.shingle) for c in canon],
                             Permutations(pa, pb, config.seed))
    kept = [c.astype(np.uint16) if len(c) == 0 or c.max() < 0x10000 else None for c in canon] if keep_canonical else None
    return Signed(sigs, prefix, norm_hash, lengths.astype(np.int32), kept)


def sign_task(context, task: tuple[int, list[str]]) -> tuple[int, Signed]:
    """A worker's share of the signing pass: (batch number, texts) → (batch number, Signed);
    canonical texts come back only when the run spills them for verification."""
    batch_id, texts = task
    return batch_id, sign_texts(texts, context.config, keep_canonical=context.spill_path is not None)
