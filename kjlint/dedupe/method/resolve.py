"""Stages 4-6 per candidate group, verify → cluster → keep: one group's arrays in, its clusters out (pure)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import AbstractSet

import numpy as np

from ...i18n import _
from ..cluster import components, union_find
from ..keep import Candidate, QualityProbe, choose, decisive_findings
from ..normalize import _from_code_points, canonical_code_points
from ...records import Fetcher
from ..verify import overlap, shingle_set, verify_pairs
from .config import DedupeConfig
from .context import Spill
from .result import Member


@dataclass
class Group:
    """A connected component of exact-copy edges and (unverified) candidate pairs: the unit of
    work for verification and the keep policy. Plain arrays, so it pickles to a worker (or a
    Spark partition) that reads only these documents."""

    members: np.ndarray  # (k,) document indices, ascending
    rep: np.ndarray  # (k,) representative (first exact copy) of each member
    pairs: np.ndarray  # (m, 2) candidate pairs among representatives
    ids: list[str]
    paths: list[str]
    source: np.ndarray  # (k,) locator: source number
    offset: np.ndarray  # (k,) locator: offset in the source
    chars: np.ndarray | None = None  # (k,) raw lengths; None = measure the fetched texts
    spill: np.ndarray | None = None  # (k,) offset of the canonical text in the spill file, -1: none
    norm_len: np.ndarray | None = None  # (k,) canonical lengths (with `spill`)
    texts: list[str] | None = None  # the raw texts, when workers cannot read the inputs


@dataclass
class GroupResult:
    pairs: np.ndarray
    jaccard: np.ndarray
    containment: np.ndarray
    duplicate: np.ndarray
    method: np.ndarray
    clusters: list[list["Member"]]


def resolve_group(group: Group, fetcher: Fetcher | None, config: DedupeConfig, spill: Spill | None = None) -> GroupResult:
    """Verify a group's candidate pairs on exact shingle sets, cluster the verified pairs and
    exact copies with union-find, and choose the member to keep in each cluster."""
    k = len(group.members)
    local = {int(d): i for i, d in enumerate(group.members)}
    is_rep = group.rep == group.members
    spilled = group.spill if spill is not None and group.spill is not None else np.full(k, -1)
    texts: list[str | None] = list(group.texts) if group.texts is not None else [None] * k

    def text(i: int) -> str:
        """A member's raw text, read when first needed (exact copies share their
        representative's canonical text; `best` lints only the copies that decide)."""
        if texts[i] is None:
            texts[i] = fetcher.text(int(group.source[i]), int(group.offset[i])) or ""
        return texts[i]

    canon = {int(group.members[i]): spill.read(int(spilled[i]), int(group.norm_len[i])) if spilled[i] >= 0
             else canonical_code_points(text(i), config.normalize) for i in np.flatnonzero(is_rep)}
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
    at_least: set[int] = set()  # positions whose findings are a lower bound (see decisive_findings)
    linted: dict[str | None, QualityProbe] = {}
    clusters = []
    paths = group.paths
    chars = group.chars if group.chars is not None else [len(text(i)) for i in range(k)]

    def probe_of(i: int) -> QualityProbe:  # once per distinct raw text (exact copies)
        if text(i) not in linted:
            linted[text(i)] = QualityProbe(text(i))
        return linted[text(i)]

    for comp in components(labels):
        idx = [int(i) for i in comp]
        if config.keep == "best":
            found, bounds = decisive_findings(sorted(idx, key=lambda i: (-norm_len[i], group.members[i])), probe_of)
            findings.update(found)
            at_least |= bounds
        clusters.append(describe_cluster(
            idx, index=group.members, ids=group.ids,
            paths=paths, chars=chars,
            norm_len=norm_len, rep=rep_local, sets=local_sets, findings=findings, policy=config.keep,
            containment=config.verify.containment, at_least=at_least))
    return GroupResult(group.pairs, jac, con, mask, methods, clusters)


def describe_cluster(idx: list[int], *, index, ids, paths, chars, norm_len, rep, sets: dict[int, np.ndarray],
                     findings: dict[int, int], policy: str, containment: float = 0.8,
                     at_least: AbstractSet[int] = frozenset()) -> list[Member]:
    """Apply the keep policy to one cluster and state every member's similarity and reason.

    `idx` are positions into the per-document sequences (`index` = document index, `ids`,
    `paths`, `chars` = raw length, `norm_len` = canonical length, `rep` = position of the
    representative exact copy); `sets` holds the shingle sets of representatives by position;
    `findings` the quality findings by position (keep=best), lower bounds at the positions in
    `at_least`. Length comparisons use canonical length, so a copy padded with site boilerplate
    is not "longer"."""
    cands = [Candidate(int(index[i]), int(norm_len[i]), findings.get(i), i in at_least) for i in idx]
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
            template = (_("{reason}; at least {count} quality findings vs {kept_count}") if i in at_least
                        else _("{reason}; {count} quality findings vs {kept_count}"))
            reason = template.format(reason=reason, count=findings[i], kept_count=findings.get(kept, 0))
        members.append(Member(int(index[i]), ids[i], paths[i], i == kept, float(j), float(c), reason,
                              int(chars[i]), findings.get(i)))
    return members


def group_task(context, group: Group) -> GroupResult:
    """A worker's share of verification: one group, its texts read by locator (or shipped in it)."""
    fetcher = None if group.texts is not None else context.fetcher
    return resolve_group(group, fetcher, context.config, context.spill)
