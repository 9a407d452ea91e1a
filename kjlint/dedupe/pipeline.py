"""The dedupe pipeline as separate stages over plain arrays and records.

read → normalize+sign → band keys → candidate pairs → groups → verify → union-find → keep → write.

Each stage is a function another engine can call per partition: `sign_texts` (normalize + sign a
batch of texts), `band_keys`, `candidate_pairs_sorted`, `exact_groups`, `candidate_groups`,
`resolve_group` (verify a group's pairs on exact shingle sets, cluster, keep policy),
`describe_cluster`, `assemble`. `dedupe()` runs them in one process plus a
worker pool (signing and group resolution) and returns a `DedupeResult` with everything a report
needs (clusters with members, verified pair similarities, per-phase timings, counts).

Memory per document held by `dedupe()`. Measured (bench/dedupe_bench.py corpus, 2,600 characters
per document, VmHWM): main-process peak RSS 216 MB at 100,000 documents without cache, 35 MB of it
before the run, so 1.85 KB per document (cluster records included) and about 2 GB at 1,000,000
(extrapolated); each of the two workers peaks at about 180 MB whatever the corpus size (numba's
compiler is about 130 MB of it). With the signature cache: 335 MB at 100,000 (earlier version).
On disk, while a run lasts: the spill file of canonical texts, 2 bytes per canonical character.
Worker processes hold one batch or candidate group each. By design the arrays are:
- id string (about 50-100 bytes) and, for directory inputs, its path;
- 20 bytes of locator and length (`array` of int32/int64), 128 bytes of band keys (16 x uint64),
  64 bytes of prefix band keys, 12 bytes of canonical hash and length, 16 bytes of exact-copy
  representative and component label: about 250 bytes plus the id;
- signatures (512 bytes) only while the corpus has at most `datasketch_max` documents;
- the signature cache, when enabled, loads its entries (about 660 bytes each) to look them up.
Texts are never held for the whole corpus: verification and the keep policy read the documents
of one candidate group at a time by their locator (JSONL byte offset, Parquet row, file path).
"""
from __future__ import annotations

import collections
import hashlib
import itertools
import json
import multiprocessing
import os
import resource
import shutil
import tempfile
import time
from array import array
from dataclasses import asdict, dataclass, field, replace
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np

from ..i18n import _
from .cache import DAMAGED, SignatureCache, content_key
from .cluster import components, union_find
from .keep import Candidate, choose, quality_findings
from .lsh import band_keys, candidate_pairs_datasketch, candidate_pairs_sorted, unique_pairs
from . import kernels
from .minhash import EMPTY, SHINGLE_SIZE, Permutations, permutations, shingle_hashes_cp, sign_hashes
from .normalize import NormalizeOptions, _from_code_points, boilerplate_phrases, canonical_code_points
from .sources import CountEstimate, Fetcher, Fields, Record, Source, Warnings, iter_records, plan_sources
from .verify import VerifyOptions, overlap, shingle_set, verify_pairs

Progress = Callable[[str, int, "int | None"], None]


@dataclass(frozen=True)
class DedupeConfig:
    """Every setting of a run (the CLI options map one to one)."""

    num_perm: int = 128
    seed: int = 1
    shingle: int = SHINGLE_SIZE
    bands: int = 16
    rows: int = 8
    # Truncated copies: a second, small signature of the first `prefix_chars` canonical
    # characters (the first `prefix_perm` permutations), banded `prefix_bands` x rest.
    prefix_chars: int = 300
    prefix_perm: int = 32
    prefix_bands: int = 8
    normalize: NormalizeOptions = NormalizeOptions()
    verify: VerifyOptions = VerifyOptions()
    keep: str = "best"
    jobs: int | None = None  # worker processes for signing; None = all cores
    batch: int = 256  # documents per worker task
    cache_dir: str | None = None  # None = no cache
    # Candidate search: "sort" (numpy sort of band keys, 128 bytes per document), "datasketch"
    # (MinHashLSH; keeps signatures) or "auto" (datasketch up to `datasketch_max` documents).
    # Both give the same pairs (tested); importing datasketch costs about a second.
    lsh: str = "auto"
    datasketch_max: int = 1_000
    fields: Fields = Fields()
    # Inner loops: "numba" (compiled, see kernels.py), "numpy", or "auto" (numba from about
    # 48 MB of input, where it pays for its load time). Same values either way.
    kernels: str = "auto"
    # Verification reads the canonical texts signing computed from a temporary file (2 bytes per
    # canonical character, in the system temp directory) instead of normalizing them again.
    spill: bool = True

    def settings_key(self) -> str:
        """What changes a signature: hashed into the cache folder name."""
        desc = json.dumps({
            "v": 2, "num_perm": self.num_perm, "seed": self.seed, "shingle": self.shingle,
            "prefix_chars": self.prefix_chars, "prefix_perm": self.prefix_perm,
            "normalize": asdict(self.normalize),
            "boilerplate": boilerplate_phrases(self.normalize.rules_dir),
        }, sort_keys=True, ensure_ascii=False)
        return hashlib.sha1(desc.encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------- stage: normalize + sign

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


_WORKER_CONFIG: DedupeConfig | None = None
_WORKER_FETCHER: Fetcher | None = None
_WORKER_SPILL: "Spill | None" = None


def _init_worker(config: DedupeConfig, sources: list[Source] | None = None, spill_path: str | None = None,
                 pool_worker: bool = False) -> None:
    global _WORKER_CONFIG, _WORKER_FETCHER, _WORKER_SPILL
    if pool_worker:  # a busy worker stops at once when the main process is killed
        from ..processes import exit_with_parent

        exit_with_parent()
    _WORKER_CONFIG = config
    _WORKER_SPILL = Spill(spill_path) if spill_path else None
    kernels.configure(config.kernels)
    _WORKER_FETCHER = Fetcher(sources, config.fields) if sources is not None else None


def _sign_task(task):
    batch_id, texts = task
    return batch_id, sign_texts(texts, _WORKER_CONFIG, keep_canonical=_WORKER_SPILL is not None)


def _run_many(func, items: list) -> tuple[list, int]:
    """Results plus this worker's peak RSS (forkserver workers are not our children, so
    RUSAGE_CHILDREN would not see them)."""
    return [func(x) for x in items], _own_peak_rss()


def _group_task(group: "Group"):
    return resolve_group(group, _WORKER_FETCHER, _WORKER_CONFIG, _WORKER_SPILL)


class Workers:
    """A process pool started only when there is more than one task; ordered results."""

    def __init__(self, config: DedupeConfig, jobs: int, sources: list[Source] | None = None,
                 spill_path: str | None = None):
        self.config = config
        self.jobs = jobs
        self.sources = sources
        self.spill_path = spill_path
        self.pool = None
        self.peak_rss = 0  # largest worker RSS seen (bytes)
        _init_worker(config, sources, spill_path)  # in-process execution uses the same globals

    def imap(self, func, tasks: Iterable, chunksize: int = 1):
        """Results of func over tasks, in order. At most a few chunks per worker are in flight,
        so a fast reader never queues the whole corpus in memory (Pool.imap has no backpressure)."""
        it = iter(tasks)
        head = list(itertools.islice(it, 2))
        if self.jobs <= 1 or len(head) < 2:
            return map(func, itertools.chain(head, it))
        if self.pool is None:
            ctx = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
            self.pool = ctx.Pool(self.jobs, initializer=_init_worker,
                                 initargs=(self.config, self.sources, self.spill_path, True))
        return self._bounded(func, itertools.chain(head, it), chunksize)

    def _bounded(self, func, tasks, chunksize: int):
        window: collections.deque = collections.deque()
        limit = 3 * self.jobs
        while True:
            chunk = list(itertools.islice(tasks, chunksize))
            if chunk:
                window.append(self.pool.apply_async(_run_many, (func, chunk)))
            if window and (len(window) >= limit or not chunk):
                results, rss = window.popleft().get()
                self.peak_rss = max(self.peak_rss, rss)
                yield from results
            elif not chunk:
                return

    def close(self) -> None:
        if _WORKER_SPILL is not None:  # the in-process readers
            _WORKER_SPILL.close()
        if _WORKER_FETCHER is not None:
            _WORKER_FETCHER.close()
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


def _batches(records: Iterable[Record], size: int):
    batch: list[Record] = []
    for r in records:
        batch.append(r)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Spill:
    """The canonical texts of the signing pass, appended to one temporary file by the main process
    (uint16 code points) and read back by offset during verification."""

    def __init__(self, path: str):
        self.path = path
        self._fd: int | None = None

    def read(self, offset: int, length: int) -> np.ndarray:
        if self._fd is None:
            self._fd = os.open(self.path, os.O_RDONLY)
        data = os.pread(self._fd, 2 * length, offset)
        return np.frombuffer(data, dtype=np.uint16).astype(np.uint32)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


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


def sign_corpus(records: Iterable[Record], config: DedupeConfig, workers: Workers,
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
    for batch_id, fresh in workers.imap(_sign_task, tasks()):
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


# ---------------------------------------------------------------- stage: candidates

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


# ---------------------------------------------------------------- stage: verify + keep per group

@dataclass
class Group:
    """A connected component of exact-copy edges and (unverified) candidate pairs: the unit of
    work for verification and the keep policy. Plain arrays, so it pickles to a worker (or a
    Spark partition) that reads only these documents."""

    members: np.ndarray  # (k,) document indices, ascending
    rep: np.ndarray  # (k,) representative (first exact copy) of each member
    pairs: np.ndarray  # (m, 2) candidate pairs among representatives
    ids: list[str]
    source: np.ndarray  # (k,) locator: source number
    offset: np.ndarray  # (k,) locator: offset in the source
    chars: np.ndarray | None = None  # (k,) raw lengths; None = measure the fetched texts
    spill: np.ndarray | None = None  # (k,) offset of the canonical text in the spill file, -1: none
    norm_len: np.ndarray | None = None  # (k,) canonical lengths (with `spill`)


@dataclass
class GroupResult:
    pairs: np.ndarray
    jaccard: np.ndarray
    containment: np.ndarray
    duplicate: np.ndarray
    method: np.ndarray
    clusters: list[list["Member"]]


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


def resolve_group(group: Group, fetcher: Fetcher, config: DedupeConfig, spill: Spill | None = None) -> GroupResult:
    """Verify a group's candidate pairs on exact shingle sets, cluster the verified pairs and
    exact copies with union-find, and choose the member to keep in each cluster."""
    k = len(group.members)
    local = {int(d): i for i, d in enumerate(group.members)}
    is_rep = group.rep == group.members
    # Exact copies share their representative's canonical text: only `best` (which lints every
    # member) and a group without raw lengths need their texts.
    need_all = config.keep == "best" or group.chars is None
    spilled = group.spill if spill is not None and group.spill is not None else np.full(k, -1)
    texts: list[str | None] = [
        fetcher.text(int(s), int(o)) or "" if need_all or (is_rep[i] and spilled[i] < 0) else None
        for i, (s, o) in enumerate(zip(group.source, group.offset))]
    canon = {int(group.members[i]): spill.read(int(spilled[i]), int(group.norm_len[i])) if spilled[i] >= 0
             else canonical_code_points(texts[i], config.normalize) for i in np.flatnonzero(is_rep)}
    sets = {d: shingle_set(c, config.shingle) for d, c in canon.items()}
    norm_len = np.array([len(canon[int(r)]) for r in group.rep], dtype=np.int64)
    canon_texts = {d: _from_code_points(c) for d, c in canon.items()} if config.verify.fuzzy is not None else None
    mask, jac, con, methods = verify_pairs(group.pairs, sets, config.verify, canon_texts)
    edges = [(local[int(r)], i) for i, r in enumerate(group.rep) if not is_rep[i]]
    edges += [(local[int(a)], local[int(b)]) for a, b in group.pairs[mask]]
    labels = union_find(k, np.array(edges, dtype=np.int64).reshape(-1, 2))
    rep_local = np.array([local[int(r)] for r in group.rep], dtype=np.int64)
    local_sets = {local[d]: s for d, s in sets.items()}
    findings: dict[int, int] = {}
    linted: dict[str | None, int] = {}
    clusters = []
    paths = [fetcher.sources[int(s)].path for s in group.source]
    chars = group.chars if group.chars is not None else [len(t) for t in texts]
    for comp in components(labels):
        idx = [int(i) for i in comp]
        if config.keep == "best":  # lint only cluster members, once per distinct raw text
            for i in idx:
                if texts[i] not in linted:
                    linted[texts[i]] = quality_findings(texts[i])
                findings[i] = linted[texts[i]]
        clusters.append(describe_cluster(
            idx, index=group.members, ids=group.ids,
            paths=paths, chars=chars,
            norm_len=norm_len, rep=rep_local, sets=local_sets, findings=findings, policy=config.keep,
            containment=config.verify.containment))
    return GroupResult(group.pairs, jac, con, mask, methods, clusters)


# ---------------------------------------------------------------- results

@dataclass
class Member:
    index: int
    id: str
    path: str
    kept: bool
    similarity: float  # Jaccard of canonical shingle sets to the kept member
    containment: float  # share of the smaller member's shingles found in the other
    reason: str
    chars: int
    findings: int | None = None  # quality findings (keep=best)

    def to_json(self) -> dict:
        return {"id": self.id, "path": self.path, "kept": self.kept,
                "similarity": round(self.similarity, 4), "reason": self.reason}


@dataclass
class Cluster:
    number: int
    members: list[Member]

    @property
    def kept(self) -> Member:
        return next(m for m in self.members if m.kept)

    def to_json(self) -> dict:
        """The `--clusters` JSONL object: {"cluster": N, "members": [{id, path, kept, similarity, reason}]}"""
        return {"cluster": self.number, "members": [m.to_json() for m in self.members]}


@dataclass
class VerifiedPairs:
    """Every candidate pair that was verified: indices, exact scores, decision, method."""

    pairs: np.ndarray  # (m, 2) int64 document indices
    jaccard: np.ndarray  # (m,) float32
    containment: np.ndarray  # (m,) float32
    duplicate: np.ndarray  # (m,) bool
    method: np.ndarray  # (m,) object: exact/jaccard/containment/fuzzy or ""


@dataclass
class DedupeResult:
    """Everything a report needs: clusters with members, verified pair similarities, per-phase
    timings, counts, warnings. `keep_mask[i]` is False for dropped documents."""

    documents: int
    clusters: list[Cluster]
    pairs: VerifiedPairs
    candidates: int
    exact_copies: int
    timings: dict[str, float]
    peak_rss_bytes: int  # this process
    peak_rss_children_bytes: int  # largest worker process
    warnings: Warnings
    signed: int
    cached: int
    keep_mask: np.ndarray
    chars: np.ndarray
    ids: list[str]
    paths: list[str]

    @property
    def duplicates(self) -> int:
        return int((~self.keep_mask).sum())

    @property
    def chars_saved(self) -> int:
        return int(self.chars[~self.keep_mask].sum())

    def similarities(self) -> list[float]:
        """Jaccard of every verified duplicate pair (for a histogram)."""
        return [float(x) for x in self.pairs.jaccard[self.pairs.duplicate]]

    def summary(self) -> dict[str, object]:
        return {
            "documents": self.documents, "clusters": len(self.clusters), "duplicates": self.duplicates,
            "characters saved": self.chars_saved, "candidate pairs": self.candidates,
            "verified pairs": int(self.pairs.duplicate.sum()), "exact copies": self.exact_copies,
            "signed": self.signed, "from cache": self.cached, "warnings": self.warnings.count,
            "peak memory, main (MB)": round(self.peak_rss_bytes / 2**20, 1),
            "peak memory, per worker (MB)": round(self.peak_rss_children_bytes / 2**20, 1),
        }

    def keep_list(self) -> list[str]:
        """Ids of the kept documents, each once, in input order."""
        return list(dict.fromkeys(self.ids[i] for i in np.flatnonzero(self.keep_mask)))

    def drop_list(self) -> list[str]:
        """Ids of the dropped documents, each once, less any id also kept: a consumer that deletes
        by id must never delete a kept document because its id is repeated."""
        kept = set(self.keep_list())
        return list(dict.fromkeys(self.ids[i] for i in np.flatnonzero(~self.keep_mask) if self.ids[i] not in kept))


REPEATED_IDS = ("{count} ids are used by more than one document (e.g. {examples}); --keep-list names such "
                "an id when any of its documents is kept, --drop-list only when none is")


def repeated_ids(ids: Sequence[str], examples: int = 3) -> tuple[int, list[str]]:
    """(number of ids used more than once, the first few): sorted 64-bit hashes, so memory stays
    8 bytes per document; the strings decide (a hash collision is not a repeat)."""
    if len(ids) < 2:
        return 0, []
    h = np.fromiter((hash(i) for i in ids), dtype=np.int64, count=len(ids))
    order = np.argsort(h, kind="stable")
    same = np.flatnonzero(h[order][1:] == h[order][:-1])
    repeated = {ids[order[k]] for k in same if ids[order[k]] == ids[order[k + 1]]}
    first: list[str] = []
    for i in ids:  # in input order, until enough
        if len(first) == examples:
            break
        if i in repeated and i not in first:
            first.append(i)
    return len(repeated), first


def _own_peak_rss() -> int:
    """Peak RSS of this process in bytes. Linux: VmHWM, which starts afresh at exec; ru_maxrss
    also counts the memory of the parent a process was forked from before its exec (a benchmark
    that holds its corpus would be charged for it)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _peak_rss() -> tuple[int, int]:
    own = _own_peak_rss()
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return own, kids


# ---------------------------------------------------------------- the whole run

def dedupe(inputs: Sequence[str] | None = None, config: DedupeConfig = DedupeConfig(), *,
           sources: list[Source] | None = None, progress: Progress | None = None) -> DedupeResult:
    """Find near-duplicate clusters in a corpus and choose the copy to keep in each.

    >>> from kjlint.dedupe import dedupe                                    # doctest: +SKIP
    >>> result = dedupe(["corpus/"]); [c.to_json() for c in result.clusters]  # doctest: +SKIP
    """
    timings: dict[str, float] = {}
    warnings = Warnings()
    t = time.perf_counter()
    if sources is None:
        sources = plan_sources(inputs or [], warnings)
    validity: dict[str, bool] = {}
    jobs = config.jobs or os.cpu_count() or 1
    config = replace(config, kernels=kernels.resolve(config.kernels, _input_bytes(sources, kernels.AUTO_MIN_INPUT_BYTES)))
    cache = SignatureCache(config.cache_dir, config.settings_key()) if config.cache_dir else None
    spill_dir = _spill_dir() if config.spill else None
    spill_path = os.path.join(spill_dir, "canonical.u16") if spill_dir else None
    workers = Workers(config, jobs, sources, spill_path)
    try:
        records = iter_records(sources, config.fields, warnings, validity=validity)
        with open(spill_path if spill_path else os.devnull, "wb") as spill:
            corpus = sign_corpus(records, config, workers, cache, progress, spill if spill_path else None,
                                 CountEstimate(sources) if progress else None)
        if cache is not None:
            cache.compact()
            for path in cache.damaged:
                warnings.add(DAMAGED.format(path=path))
        timings["read+sign"] = time.perf_counter() - t
        n = len(corpus)
        count, examples = repeated_ids(corpus.ids)
        if count:
            warnings.add(REPEATED_IDS.format(count=count, examples=", ".join(map(repr, examples))))

        t = time.perf_counter()
        norm_hash = np.concatenate(corpus.norm_hash) if n else np.empty(0, np.uint64)
        norm_len = np.concatenate(corpus.norm_len) if n else np.empty(0, np.int32)
        for i in np.flatnonzero(norm_len == 0):
            warnings.add(f"{corpus.ids[i]}: nothing left after normalization (only boilerplate?), not compared")
        rep = exact_groups(norm_hash, norm_len)
        candidates = find_candidates(corpus, rep, config) if n else np.empty((0, 2), np.int64)
        timings["candidates"] = time.perf_counter() - t

        t = time.perf_counter()
        source = np.frombuffer(corpus.source, dtype=np.int32) if n else np.empty(0, np.int32)
        offset = np.frombuffer(corpus.offset, dtype=np.int64) if n else np.empty(0, np.int64)
        chars = np.frombuffer(corpus.chars, dtype=np.int64) if n else np.empty(0, np.int64)
        spilled = np.frombuffer(corpus.spill, dtype=np.int64) if n else np.empty(0, np.int64)
        groups = list(candidate_groups(n, rep, candidates)) if n else []
        timings["candidates"] += time.perf_counter() - t

        t = time.perf_counter()

        def tasks():
            for members, pairs in groups:
                yield Group(members, rep[members], pairs, [corpus.ids[i] for i in members],
                            source[members], offset[members], chars[members], spilled[members], norm_len[members])

        results = []
        for done, res in enumerate(workers.imap(_group_task, tasks(), chunksize=16), 1):
            results.append(res)
            if progress:
                progress("verify+keep", done, len(groups))
        clusters, keep_mask, pairs = assemble(results, n)
        timings["verify+keep"] = time.perf_counter() - t
        copies = int(((rep >= 0) & (rep != np.arange(n))).sum())
    finally:
        workers.close()
        if spill_dir:
            shutil.rmtree(spill_dir, ignore_errors=True)
    own, kids = _peak_rss()
    kids = max(kids, workers.peak_rss)
    return DedupeResult(n, clusters, pairs, len(candidates), copies, timings, own, kids, warnings,
                        corpus.signed, corpus.cached, keep_mask, np.asarray(corpus.chars, dtype=np.int64),
                        corpus.ids, corpus.paths)


SPILL_PREFIX = "kjlint-dedupe-"


def _spill_dir() -> str:
    """A fresh temporary folder for the spill file, named after this process; folders left by
    killed runs (their process gone) are removed first."""
    base = tempfile.gettempdir()
    try:
        names = os.listdir(base)
    except OSError:
        names = []
    for name in names:
        pid = name[len(SPILL_PREFIX):].split("-", 1)[0]
        if name.startswith(SPILL_PREFIX) and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(os.path.join(base, name), ignore_errors=True)
    return tempfile.mkdtemp(prefix=f"{SPILL_PREFIX}{os.getpid()}-")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but not ours
        return True
    return True


def _input_bytes(sources: list[Source], enough: int) -> int:
    """Size of the inputs on disk, counted until `enough` (deciding needs no more)."""
    total = 0
    for src in sources:
        try:
            total += os.path.getsize(src.path)
        except OSError:
            continue
        if total >= enough:
            break
    return total


def assemble(results: list[GroupResult], n: int) -> tuple[list[Cluster], np.ndarray, VerifiedPairs]:
    """Number clusters by their first member (input order), build the keep mask, and gather the
    verified pairs of every group."""
    keep_mask = np.ones(n, dtype=bool)
    found = sorted((members for r in results for members in r.clusters), key=lambda ms: ms[0].index)
    clusters = []
    for number, members in enumerate(found, 1):
        for m in members:
            if not m.kept:
                keep_mask[m.index] = False
        clusters.append(Cluster(number, members))
    if results:
        pairs = VerifiedPairs(np.concatenate([r.pairs for r in results]).reshape(-1, 2),
                              np.concatenate([r.jaccard for r in results]),
                              np.concatenate([r.containment for r in results]),
                              np.concatenate([r.duplicate for r in results]),
                              np.concatenate([r.method for r in results]))
    else:
        pairs = VerifiedPairs(np.empty((0, 2), np.int64), np.empty(0, np.float32), np.empty(0, np.float32),
                              np.empty(0, bool), np.empty(0, object))
    return clusters, keep_mask, pairs


def describe_cluster(idx: list[int], *, index, ids, paths, chars, norm_len, rep, sets: dict[int, np.ndarray],
                     findings: dict[int, int], policy: str, containment: float = 0.8) -> list[Member]:
    """Apply the keep policy to one cluster and state every member's similarity and reason.

    `idx` are positions into the per-document sequences (`index` = document index, `ids`,
    `paths`, `chars` = raw length, `norm_len` = canonical length, `rep` = position of the
    representative exact copy); `sets` holds the shingle sets of representatives by position;
    `findings` the quality findings by position (keep=best). Length comparisons use canonical
    length, so a copy padded with site boilerplate is not "longer"."""
    cands = [Candidate(int(index[i]), int(norm_len[i]), findings.get(i)) for i in idx]
    pos, kept_reason = choose(cands, policy)
    kept = idx[pos]
    kept_id = ids[kept]
    members = []
    for i in idx:
        same = rep[i] == rep[kept]
        a, b = sets.get(int(rep[i])), sets.get(int(rep[kept]))
        j, c = (1.0, 1.0) if same or a is None or b is None else overlap(a, b)
        if i == kept:
            reason = kept_reason
        elif same:
            reason = _("exact copy of {kept} after normalization").format(kept=kept_id)
        elif c >= containment and norm_len[i] < 0.9 * norm_len[kept]:
            reason = _("truncated copy of {kept} (containment {containment:.2f}, jaccard {jaccard:.2f})").format(
                kept=kept_id, containment=c, jaccard=j)
        else:
            reason = _("near-duplicate of {kept} (jaccard {jaccard:.2f})").format(kept=kept_id, jaccard=j)
        if i != kept and policy == "best" and findings.get(i, 0) > findings.get(kept, 0):
            reason = _("{reason}; {count} quality findings vs {kept_count}").format(
                reason=reason, count=findings[i], kept_count=findings.get(kept, 0))
        members.append(Member(int(index[i]), ids[i], paths[i], i == kept, float(j), float(c), reason,
                              int(chars[i]), findings.get(i)))
    return members
