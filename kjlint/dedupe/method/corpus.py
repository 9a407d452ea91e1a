"""The signing pass, gathered: per-document arrays of the whole corpus, in input order, no texts."""
from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Callable, Iterable

import numpy as np

from ..cache import SignatureCache, content_key
from ...minhash import band_keys
from ...records import Record
from .config import DedupeConfig
from ...engines.base import Engine
from .sign import sign_task

Progress = Callable[[str, int, "int | None"], None]


def _batches(records: Iterable[Record], size: int):
    batch: list[Record] = []
    for r in records:
        batch.append(r)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch



@dataclass
class Corpus:
    """What the first pass keeps per document (no texts)."""

    ids: list[str] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    chars: array = field(default_factory=lambda: array("q"))
    source: array = field(default_factory=lambda: array("i"))  # locator for random access
    offset: array = field(default_factory=lambda: array("q"))
    keys: list[np.ndarray] = field(default_factory=list)  # band keys per batch
    prefix_keys: list[np.ndarray] = field(default_factory=list)
    sigs: list[np.ndarray] = field(default_factory=list)  # kept while the corpus is small
    norm_hash: list[np.ndarray] = field(default_factory=list)
    norm_len: list[np.ndarray] = field(default_factory=list)
    spill: array = field(default_factory=lambda: array("q"))  # canonical text offset in the spill file, -1: none
    signed: int = 0  # documents hashed in this run
    cached: int = 0  # documents whose signature came from the cache

    def __len__(self) -> int:
        return len(self.ids)


def sign_corpus(records: Iterable[Record], config: DedupeConfig, engine: Engine,
                cache: SignatureCache | None = None, progress: Progress | None = None, spill=None,
                estimate: Callable[[int, Record], "int | None"] | None = None) -> Corpus:
    """Pass 1: sign every document (cached ones are looked up, not hashed). `spill`, a binary file
    open for writing, receives the canonical texts the workers return; `estimate(done, last record)`
    gives the progress bar its expected total."""
    corpus = Corpus()
    spill_pos = 0
    pending: dict[int, tuple[list[Record], np.ndarray | None, np.ndarray, np.ndarray | None]] = {}

    def tasks():
        for batch_id, batch in enumerate(_batches(records, config.batch)):
            if cache is not None:  # content keys only matter for the cache
                keys = np.array([content_key(r.text) for r in batch], dtype=np.uint64)
                found, rows = cache.lookup(keys)
            else:
                keys, found, rows = None, np.zeros(len(batch), bool), None
            pending[batch_id] = (batch, keys, found, rows)
            yield batch_id, [r.text for r, f in zip(batch, found) if not f]

    prefix_rows = config.prefix_perm // config.prefix_bands
    for batch_id, fresh in engine.map(sign_task, tasks()):
        batch, keys, found, rows = pending.pop(batch_id)
        n = len(batch)
        sigs = np.empty((n, config.num_perm), dtype=np.uint32)
        prefix = np.empty((n, config.prefix_perm), dtype=np.uint32)
        nh = np.empty(n, dtype=np.uint64)
        nl = np.empty(n, dtype=np.int32)
        miss = ~found
        sigs[miss], prefix[miss], nh[miss], nl[miss] = fresh.sigs, fresh.prefix, fresh.norm_hash, fresh.norm_len
        if found.any():
            r = rows[found]
            sigs[found], prefix[found] = cache.get("sigs", r), cache.get("prefix", r)
            nh[found], nl[found] = cache.get("norm_hash", r), cache.get("norm_len", r)
        if cache is not None and miss.any():
            cache.add(keys=keys[miss], sigs=fresh.sigs, prefix=fresh.prefix,
                      norm_hash=fresh.norm_hash, norm_len=fresh.norm_len)
            cache.flush()
        corpus.signed += int(miss.sum())
        corpus.cached += int(found.sum())
        canonical = iter(fresh.canonical or ())
        for f in found:
            c = None if f else next(canonical, None)
            if spill is None or c is None:
                corpus.spill.append(-1)
            else:
                corpus.spill.append(spill_pos)
                spill.write(c.tobytes())
                spill_pos += 2 * len(c)
        for r in batch:
            corpus.ids.append(r.id)
            corpus.paths.append(r.path)
            corpus.chars.append(len(r.text))
            corpus.source.append(r.source)
            corpus.offset.append(r.offset)
        corpus.keys.append(band_keys(sigs, config.bands, config.rows))
        corpus.prefix_keys.append(band_keys(prefix, config.prefix_bands, prefix_rows))
        corpus.norm_hash.append(nh)
        corpus.norm_len.append(nl)
        if corpus.sigs is not None:
            corpus.sigs.append(sigs)
            if len(corpus) > config.datasketch_max and config.lsh != "datasketch":
                corpus.sigs = None  # large corpus: band keys only (128 bytes per document)
        if progress:
            progress("sign", len(corpus), estimate(len(corpus), batch[-1]) if estimate else None)
    if progress:
        progress("sign", len(corpus), len(corpus))
    return corpus
