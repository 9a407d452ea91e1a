"""The method, once: read → normalize+sign → exact groups → LSH candidates → verify → cluster → keep.

`dedupe()` runs the stages of this package on the driver and hands their per-batch tasks
(`sign.sign_task`, `resolve.group_task`) to an engine (kjlint.engines), which decides only
where they run. Memory held by the driver, measured (bench/dedupe_bench.py corpus, 2,600
characters per document, VmHWM): 216 MB at 100,000 documents without cache, 35 MB of it before
the run, so 1.85 KB per document: id and path, locator and length, band keys (16 x uint64),
prefix band keys, canonical hash and length, exact-copy representative and component label;
signatures (512 bytes) only while the corpus has at most `datasketch_max` documents. Texts are
never held for the whole corpus: verification and the keep policy read the documents of one
candidate group at a time by their locator (JSONL byte offset, Parquet row, file path).
While a run lasts, the spill file of canonical texts takes 2 bytes per canonical character.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import replace
from typing import Sequence

import numpy as np

from ...i18n import _, language
from .. import kernels
from ..cache import DAMAGED, SignatureCache
from ...engines.base import Engine
from ...records import CountEstimate, Fetcher, Source, Warnings, iter_records, plan_sources
from .candidates import candidate_groups, exact_groups, find_candidates
from .config import DedupeConfig
from .context import Context
from .corpus import Progress, sign_corpus
from .memory import peak_rss
from .resolve import Group, group_task
from .result import NOTHING_LEFT, REPEATED_IDS, DedupeResult, assemble, repeated_ids


def dedupe(inputs: Sequence[str] | None = None, config: DedupeConfig = DedupeConfig(), *,
           sources: list[Source] | None = None, progress: Progress | None = None,
           engine: Engine | None = None) -> DedupeResult:
    """Find near-duplicate clusters in a corpus and choose the copy to keep in each.
    `engine`: where the tasks run (default: kjlint.engines.local with `config.jobs`).

    >>> from kjlint.dedupe import dedupe                                    # doctest: +SKIP
    >>> result = dedupe(["corpus/"]); [c.to_json() for c in result.clusters]  # doctest: +SKIP
    """
    if engine is None:
        from ...engines.local import LocalEngine

        engine = LocalEngine(config.jobs)
    timings: dict[str, float] = {}
    warnings = Warnings()
    t = time.perf_counter()
    if sources is None:
        sources = plan_sources(inputs or [], warnings)
    validity: dict[str, bool] = {}
    config = replace(config, kernels=kernels.resolve(config.kernels, _input_bytes(sources, kernels.AUTO_MIN_INPUT_BYTES)))
    cache = SignatureCache(config.cache_dir, config.settings_key()) if config.cache_dir else None
    spill_dir = _spill_dir() if config.spill and engine.shares_files else None
    spill_path = os.path.join(spill_dir, "canonical.u16") if spill_dir else None
    engine.start(Context(config, sources, spill_path, language()))
    try:
        records = iter_records(sources, config.fields, warnings, validity=validity)
        with open(spill_path if spill_path else os.devnull, "wb") as spill:
            corpus = sign_corpus(records, config, engine, cache, progress, spill if spill_path else None,
                                 CountEstimate(sources) if progress else None)
        if cache is not None:
            cache.compact()
            for path in cache.damaged:
                warnings.add(_(DAMAGED).format(path=path))
        timings["read+sign"] = time.perf_counter() - t
        n = len(corpus)
        count, examples = repeated_ids(corpus.ids)
        if count:
            warnings.add(_(REPEATED_IDS).format(count=count, examples=", ".join(map(repr, examples))))

        t = time.perf_counter()
        norm_hash = np.concatenate(corpus.norm_hash) if n else np.empty(0, np.uint64)
        norm_len = np.concatenate(corpus.norm_len) if n else np.empty(0, np.int32)
        for i in np.flatnonzero(norm_len == 0):
            warnings.add(_(NOTHING_LEFT).format(id=corpus.ids[i]))
        rep = exact_groups(norm_hash, norm_len)
        candidates = find_candidates(corpus, rep, config) if n else np.empty((0, 2), np.int64)
        groups = list(candidate_groups(n, rep, candidates)) if n else []
        timings["candidates"] = time.perf_counter() - t

        t = time.perf_counter()
        source = np.frombuffer(corpus.source, dtype=np.int32) if n else np.empty(0, np.int32)
        offset = np.frombuffer(corpus.offset, dtype=np.int64) if n else np.empty(0, np.int64)
        chars = np.frombuffer(corpus.chars, dtype=np.int64) if n else np.empty(0, np.int64)
        spilled = np.frombuffer(corpus.spill, dtype=np.int64) if n else np.empty(0, np.int64)
        fetcher = None if engine.shares_files else Fetcher(sources, config.fields)

        def tasks():
            for members, pairs in groups:
                group = Group(members, rep[members], pairs, [corpus.ids[i] for i in members],
                              [corpus.paths[i] for i in members], source[members], offset[members],
                              chars[members], spilled[members], norm_len[members])
                if fetcher is not None:  # the workers cannot open the inputs: the texts travel
                    group.texts = [fetcher.text(int(s), int(o)) or "" for s, o in zip(group.source, group.offset)]
                yield group

        results = []
        for done, res in enumerate(engine.map(group_task, tasks(), chunksize=16), 1):
            results.append(res)
            if progress:
                progress("verify+keep", done, len(groups))
        if fetcher is not None:
            fetcher.close()
        clusters, keep_mask, pairs = assemble(results, n)
        timings["verify+keep"] = time.perf_counter() - t
        copies = int(((rep >= 0) & (rep != np.arange(n))).sum())
    finally:
        engine.close()
        if spill_dir:
            shutil.rmtree(spill_dir, ignore_errors=True)
    own, kids = peak_rss()
    kids = max(kids, engine.peak_rss)
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
