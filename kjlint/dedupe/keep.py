"""Which member of a cluster to keep, and why.

`best` (default): fewest lint findings of the quality families KJ2 (placeholders/masks), KJ3
(truncation), KJ4 (encoding corruption) and KJ6 (contamination/boilerplate), i.e. not truncated,
no masks, no mojibake, no site boilerplate; ties go to the longest, then the first. `first` and
`longest` are the plain alternatives.

Linting is most of `best`'s cost, so copies are linted lazily (`decisive_findings`): in the
tie order (longest canonical text, then first), stopping at the first copy without findings,
which no copy after it can beat; when every copy has findings, a copy is counted only while it
can still win. The choice is the one linting every copy in full would give.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Sequence

from ..i18n import _

QUALITY_FAMILIES = ("KJ2", "KJ3", "KJ4", "KJ6")
POLICIES = ("best", "first", "longest")


@lru_cache(maxsize=1)
def _quality_setup():
    """(catalogue, lint options of the quality families, the probe's steps: (rule, short lines
    only) in PROBE_FIRST order, then the other rules by code)."""
    from ..catalog import load_catalog
    from ..engine import LintOptions, select_codes
    from ..linting import BOILERPLATE_LINE
    from ..packs import PackError

    try:
        catalog = load_catalog()
    except PackError:  # a broken rule pack must not stop dedupe: `best` falls back to longest
        return None, LintOptions(codes=set()), ()
    families = [f for f in QUALITY_FAMILIES if catalog.is_known(f)]
    codes = {c for c in (select_codes(catalog, families, []) if families else ()) if c in catalog.rules}
    steps = [(catalog.rules[BOILERPLATE_LINE], True) if c == SHORT_LINES else (catalog.rules[c], False)
             for c in PROBE_FIRST if (BOILERPLATE_LINE if c == SHORT_LINES else c) in codes]
    steps += [(catalog.rules[c], False) for c in sorted(codes - set(PROBE_FIRST))]
    return catalog, LintOptions(codes=codes), tuple(steps)


@lru_cache(maxsize=1)
def _count_phases() -> tuple[frozenset[str], tuple, tuple]:
    """The quality rules for counting: those whose findings no active container rule
    (linting.CONTAINERS: a repeated block, a boilerplate line) can fold into one of its own, whose
    every finding counts one whatever is found later; the containers; and every rule but the
    containers in the probe's order (a rule whose findings a container may fold is counted only
    after the containers)."""
    from ..findings import Finding
    from ..linting import CONTAINERS, META_UNKNOWN, META_UNUSED

    catalog, opts, steps = _quality_setup()
    rules = [rule for rule, short in steps if not short and rule.code not in (META_UNUSED, META_UNKNOWN)]
    holders = tuple(sorted((r for r in rules if r.code in CONTAINERS), key=lambda r: r.code))
    takes = [CONTAINERS[r.code][1] for r in holders]
    alone = frozenset(r.code for r in rules if r.code not in CONTAINERS
                      and not any(t(Finding(r.code, r.name, r.severity, "", 0, 0)) for t in takes))
    return alone, holders, tuple(r for r in rules if r.code not in CONTAINERS)


def quality_findings(text: str, path: str = "<dedupe>") -> int:
    """Number of KJ2/KJ3/KJ4/KJ6 findings in a document (lower is a cleaner copy)."""
    return QualityProbe(text, path).count()


# The order a probe runs its steps in: the rules that find something in most of the copies that
# lose for the least time first (measured on the copies the dedupe benchmark's probes showed to
# have a finding, each rule alone: KJ403 170 of 699 in 42 ms, then KJ601's short lines 349 of the
# rest in 54 ms, KJ409, KJ302 118 in 37 ms, ...; KJ601 in full, which costs as much as all of
# those, finds one more), then the others. Only the order of work changes, never a count.
SHORT_LINES = "short lines"  # KJ601 (linting.BOILERPLATE_LINE) on the short lines: contamination.surely_boilerplate
PROBE_FIRST = ("KJ403", SHORT_LINES, "KJ409", "KJ302", "KJ201", "KJ607", "KJ202", "KJ601", "KJ301", "KJ604")


class QualityProbe:
    """One document's quality lint, run only as far as a keep decision needs: `has_finding`
    stops at the first rule that hits; `count` finishes the lint, reusing the rules already run."""

    def __init__(self, text: str, path: str = "<dedupe>"):
        from ..document import Document
        from ..ruletypes import Context

        self.catalog, self.opts, self.order = _quality_setup()
        self.doc = Document(text, path)
        self.ctx = Context(self.catalog, self.opts.profile, self.opts.required_sections, self.opts.options)
        self._count: int | None = None
        self._found: dict[str, list] = {}  # findings by rule, kept between bounded counts

    def has_finding(self) -> bool:
        """Whether the full lint would report anything (exactly: every hit becomes a finding,
        unless a kjlint directive in the text suppresses it, when `count` decides). A line of
        site furniture is looked for among the short lines early: half the copies that lose have
        one (a site's header or footer), and finding it costs a few lines, not the lint."""
        from ..checks.contamination import surely_boilerplate
        from ..ruletypes import rule_hits

        if self._count is not None or "kjlint-" in self.doc.text:
            return self.count() > 0
        try:
            return any(surely_boilerplate(self.doc, self.ctx, rule) if short else bool(rule_hits(rule, self.doc, self.ctx))
                       for rule, short in self.order)
        except Exception:  # noqa: BLE001 - a rule bug: the lint rule by rule decides
            return self.count() > 0

    def count(self, stop_at: int | None = None) -> int:
        """The number of findings; with `stop_at`, counting stops once it reaches `stop_at` and
        the number returned is then only a lower bound (>= stop_at). A rule that fails on one
        document must not stop a dedupe run of hours (it did, at 200,000 documents: a KJ4 check
        raised UnicodeDecodeError on "huà……"): the rules are then run one by one and the count
        is that of the rules that work."""
        if self._count is None and stop_at is not None and "kjlint-" not in self.doc.text:
            try:
                return self._count_until(stop_at)
            except Exception:  # noqa: BLE001 - a rule bug: the lint rule by rule decides
                pass
        if self._count is None:
            self._count = self._lint()
        return self._count

    def _count_until(self, stop_at: int) -> int:
        """`count` rule by rule, in an order in which the count so far never goes down, so that it
        is a lower bound at every step (`_count_phases`): the rules the probe ran whose findings
        no other finding can hold (one each) first, as they cost nothing more; then the rules whose
        findings hold others (a boilerplate line holds the KJ6 labels on it: usually several
        findings on a copy that lost by them), then the others in the probe's order, each finding
        adding one or folded into a holder."""
        from ..linting import fold_into_containers

        alone, holders, rest = _count_phases()
        done = [r for r in rest if r.code in alone and (r.code in self._found or ("hits", r.code) in self.ctx.memo)]
        first = {r.code for r in done}
        alone_count = 0
        held: list = []
        folded = 0
        for rule in (*done, *holders, *(r for r in rest if r.code not in first)):
            found = self._findings(rule)
            if not found:
                continue
            if rule.code in alone:
                alone_count += len(found)
            else:
                held += found
                folded = len(fold_into_containers(list(held)))
            if alone_count + folded >= stop_at:
                return alone_count + folded
        self._count = alone_count + folded
        return self._count

    def _findings(self, rule) -> list:
        """A rule's findings on this document as far as counting needs them, made once (kept
        between bounded counts): code and place, all that linting.fold_into_containers reads;
        no message, line or fingerprint (make_finding's work), which a count never shows."""
        from ..findings import Finding
        from ..ruletypes import rule_hits

        if rule.code not in self._found:
            self._found[rule.code] = [Finding(rule.code, rule.name, rule.severity, "", h.offset, h.end)
                                      for h in rule_hits(rule, self.doc, self.ctx)]
        return self._found[rule.code]

    def _lint(self) -> int:
        from dataclasses import replace

        from ..document import Document
        from ..engine import lint_document

        if not self.opts.codes:
            return 0
        try:
            return len(lint_document(self.doc, self.catalog, self.opts, self.ctx))
        except Exception:  # noqa: BLE001 - any rule bug; the failing rule is left out below
            total = 0
            for code in sorted(self.opts.codes):
                try:
                    total += len(lint_document(Document(self.doc.text, self.doc.path), self.catalog,
                                               replace(self.opts, codes={code})))
                except Exception:  # noqa: BLE001
                    continue
            return total


def decisive_findings(order: Sequence[int], probe_of: Callable[[int], QualityProbe]) -> tuple[dict[int, int], set[int]]:
    """Findings of the copies that decide `best`, by position, and the positions whose number is
    only a lower bound. `order` is the tie order (longest, then first): the first copy without
    findings wins against every copy after it, so those are not linted, and the copies before it
    only as far as their first finding.

    When every copy has findings, a copy is counted only while it could still win: up to a limit
    (2, then 4, 8… until some copy stays under it) and, once a copy is under it, up to that copy's
    count, which a copy later in the tie order must beat. A copy with many findings (a page of
    masks) is thus never counted to the end when another has few."""
    found: dict[int, int] = {}
    proven: list[int] = []
    for i in order:
        if probe_of(i).has_finding():
            proven.append(i)
            continue
        found[i] = 0
        return found, set()
    limit = 2
    while True:
        at_least: set[int] = set()
        best: int | None = None
        for i in proven:
            stop_at = limit if best is None else min(limit, found[best])
            found[i] = probe_of(i).count(stop_at)
            if found[i] < stop_at:
                best = i
            else:
                at_least.add(i)
        if best is not None:
            return found, at_least
        limit *= 2


@dataclass(frozen=True)
class Candidate:
    index: int  # corpus order: lower is "first"
    chars: int  # content length (canonical characters, boilerplate excluded)
    findings: int | None = None  # needed for `best`; None: not linted (it cannot win, see decisive_findings)
    at_least: bool = False  # `findings` is a lower bound: counting stopped once the copy could not win


def choose(members: list[Candidate], policy: str = "best") -> tuple[int, str]:
    """(position in `members` of the one to keep, reason stated for the output)."""
    if policy not in POLICIES:
        raise ValueError(f"unknown keep policy {policy!r} (expected {', '.join(POLICIES)})")
    if policy == "first":
        k = min(range(len(members)), key=lambda i: members[i].index)
        return k, _("first: earliest in the input")
    if policy == "longest":
        k = min(range(len(members)), key=lambda i: (-members[i].chars, members[i].index))
        return k, _("longest: {chars} characters of content").format(chars=members[k].chars)
    linted = [i for i in range(len(members)) if members[i].findings is not None] or range(len(members))
    key = lambda i: (members[i].findings or 0, -members[i].chars, members[i].index)  # noqa: E731
    k = min(linted, key=key)
    best = members[k]
    others = [m for i, m in enumerate(members) if i != k]
    if any(m.findings is None for m in others):
        return k, _("best: no quality findings; the longest such copy ({chars} characters of content)").format(
            chars=best.chars)
    if any(m.at_least for m in others):
        return k, _("best: fewest quality findings ({count}, at least as many in every other copy); the longest "
                    "such copy ({chars} characters of content)").format(count=best.findings, chars=best.chars)
    fewer = all((m.findings or 0) > (best.findings or 0) for m in others)
    longer = all(m.chars < best.chars for m in others if (m.findings or 0) == (best.findings or 0))
    f = best.findings or 0
    if fewer:
        worst = max(m.findings or 0 for m in others)
        span = f"{min(m.findings or 0 for m in others)}" + (f"-{worst}" if worst != min(m.findings or 0 for m in others) else "")
        return k, _("best: fewest quality findings ({count} vs {others} in the other copies)").format(
            count=f, others=span)
    if longer:
        return k, _("best: {count} quality findings like another copy; longest ({chars} characters of content)"
                    ).format(count=f, chars=best.chars)
    return k, _("best: tied on quality findings ({count}) and length; first in the input").format(count=f)
