"""Which member of a cluster to keep, and why.

`best` (default): fewest lint findings of the quality families KJ2 (placeholders/masks), KJ3
(truncation), KJ4 (encoding corruption) and KJ6 (contamination/boilerplate), i.e. not truncated,
no masks, no mojibake, no site boilerplate; ties go to the longest, then the first. `first` and
`longest` are the plain alternatives.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..i18n import _

QUALITY_FAMILIES = ("KJ2", "KJ3", "KJ4", "KJ6")
POLICIES = ("best", "first", "longest")


@lru_cache(maxsize=1)
def _quality_setup():
    from ..catalog import PackError, load_catalog
    from ..engine import LintOptions, select_codes

    try:
        catalog = load_catalog()
    except PackError:  # a broken rule pack must not stop dedupe: `best` falls back to longest
        return None, LintOptions(codes=set())
    families = [f for f in QUALITY_FAMILIES if catalog.is_known(f)]
    codes = select_codes(catalog, families, []) if families else set()
    return catalog, LintOptions(codes=codes or set())


def quality_findings(text: str, path: str = "<dedupe>") -> int:
    """Number of KJ2/KJ3/KJ4/KJ6 findings in a document (lower is a cleaner copy).

    A rule that fails on one document must not stop a dedupe run of hours (it did, at 200,000
    documents: a KJ4 check raised UnicodeDecodeError on "huà……"): the rules are then run one by
    one and the count is that of the rules that work."""
    from dataclasses import replace

    from ..document import Document
    from ..engine import lint_document

    catalog, opts = _quality_setup()
    if not opts.codes:
        return 0
    try:
        return len(lint_document(Document(text, path), catalog, opts))
    except Exception:  # noqa: BLE001 - any rule bug; the failing rule is left out below
        total = 0
        for code in sorted(opts.codes):
            try:
                total += len(lint_document(Document(text, path), catalog, replace(opts, codes={code})))
            except Exception:  # noqa: BLE001
                continue
        return total


@dataclass(frozen=True)
class Candidate:
    index: int  # corpus order: lower is "first"
    chars: int  # content length (canonical characters, boilerplate excluded)
    findings: int | None = None  # needed for `best`


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
    key = lambda i: (members[i].findings or 0, -members[i].chars, members[i].index)  # noqa: E731
    k = min(range(len(members)), key=key)
    best = members[k]
    others = [m for i, m in enumerate(members) if i != k]
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
