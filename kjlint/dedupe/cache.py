"""On-disk cache of signatures keyed by content hash, so interrupted runs resume and a re-run
over a grown corpus only hashes the new documents.

Layout: DIR/<settings-key>/chunk-*.npz, one file per flushed batch, each written atomically
(a kill loses at most the batch being signed). The settings key covers everything that changes a
signature (permutations, shingle size, normalization options, boilerplate list), so changing an
option never reuses stale signatures. Each entry: content key (uint64 of BLAKE2b over the raw
text), signature, prefix signature, canonical-text hash and length.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import os
import time
import zipfile
import zlib
from pathlib import Path

import numpy as np

from ..fixes import atomic_write_bytes
from ..i18n import N_

DAMAGED = N_("{path}: damaged signature cache file, removed (its signatures are computed again)")
FIELDS = ("keys", "sigs", "prefix", "norm_hash", "norm_len")
COMPACT_AT = 64  # chunk files merged into one when a run ends with more than this


def content_key(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def default_cache_dir() -> Path:
    from ..diskcache import cache_dir

    return cache_dir() / "dedupe"


class SignatureCache:
    """Lookup and append; `flush` after each signed batch."""

    def __init__(self, directory: str | os.PathLike, settings_key: str):
        self.dir = Path(directory) / settings_key
        self.dir.mkdir(parents=True, exist_ok=True)
        self._pending: dict[str, list[np.ndarray]] = {f: [] for f in FIELDS}
        self._seq = 0
        self.damaged: list[Path] = []  # chunk files found damaged and removed
        self._load()

    def _load(self) -> None:
        parts: dict[str, list[np.ndarray]] = {f: [] for f in FIELDS}
        self.chunks = sorted(self.dir.glob("chunk-*.npz"))
        for path in self.chunks:
            try:
                with np.load(path) as data:
                    loaded = {f: data[f] for f in FIELDS}
            except OSError:
                continue  # unreadable (or removed by another run's compaction): skipped
            except (ValueError, KeyError, EOFError, zipfile.BadZipFile, zlib.error):
                # Damaged (truncated by a full disk, a bad copy): it only costs its signatures,
                # which this run computes again into a new chunk. Removed, so it is reported once.
                with contextlib.suppress(OSError):
                    path.unlink()
                self.damaged.append(path)
                continue
            for f in FIELDS:
                parts[f].append(loaded[f])
        if parts["keys"]:
            arrays = {f: np.concatenate(parts[f]) for f in FIELDS}
            order = np.argsort(arrays["keys"], kind="stable")
            keys = arrays["keys"][order]
            first = np.concatenate(([True], keys[1:] != keys[:-1]))
            self.data = {f: arrays[f][order][first] for f in FIELDS}
        else:
            self.data = None

    def __len__(self) -> int:
        return 0 if self.data is None else len(self.data["keys"])

    def lookup(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(found mask, row in self.data) for each key."""
        keys = np.asarray(keys, dtype=np.uint64)
        if self.data is None or len(keys) == 0:
            return np.zeros(len(keys), dtype=bool), np.zeros(len(keys), dtype=np.int64)
        stored = self.data["keys"]
        pos = np.minimum(np.searchsorted(stored, keys), len(stored) - 1)
        return stored[pos] == keys, pos

    def get(self, field: str, rows: np.ndarray) -> np.ndarray:
        return self.data[field][rows]

    def add(self, **arrays: np.ndarray) -> None:
        for f in FIELDS:
            self._pending[f].append(np.asarray(arrays[f]))

    def flush(self) -> None:
        if not self._pending["keys"]:
            return
        arrays = {f: np.concatenate(self._pending[f]) for f in FIELDS}
        self._write(arrays)
        self._pending = {f: [] for f in FIELDS}

    def _write(self, arrays: dict[str, np.ndarray], name: str | None = None) -> Path:
        buf = io.BytesIO()
        np.savez(buf, **arrays)
        self._seq += 1
        path = self.dir / (name or f"chunk-{time.time_ns():020d}-{os.getpid()}-{self._seq:06d}.npz")
        atomic_write_bytes(path, buf.getvalue())
        return path

    def compact(self) -> None:
        """Merge many chunk files into one (after a complete run)."""
        self.flush()
        chunks = sorted(self.dir.glob("chunk-*.npz"))
        if len(chunks) <= COMPACT_AT:
            return
        self._load()
        if self.data is not None:
            self._write(self.data)
            for path in chunks:
                with contextlib.suppress(OSError):
                    path.unlink()
