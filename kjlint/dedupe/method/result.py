"""What a run returns: clusters with members, verified pairs, timings, counts (plain data)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ...i18n import N_
from ...records import Warnings


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


REPEATED_IDS = N_("{count} ids are used by more than one document (e.g. {examples}); --keep-list names such "
                  "an id when any of its documents is kept, --drop-list only when none is")
NOTHING_LEFT = N_("{id}: nothing left after normalization (only boilerplate?), not compared")


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


def assemble(results: list, n: int) -> tuple[list[Cluster], np.ndarray, VerifiedPairs]:
    """Number clusters by their first member (input order), build the keep mask, and gather the
    verified pairs of every group (`results`: the GroupResult of each group)."""
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
