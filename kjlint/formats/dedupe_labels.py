"""What `kjlint dedupe` shows people, in the language in use (`kjlint.i18n`): the names of the
summary's measures and of the run's phases, durations, what an output file holds. The keys of
`DedupeResult.summary()` and `timings` stay English in the library API and machine output; only
what is printed or put in the HTML report is translated. Imports nothing heavy."""
from __future__ import annotations

from ..i18n import _


def measure_name(key: str) -> str:
    """A summary measure (a key of DedupeResult.summary()) for people; an unknown key as it is."""
    names = {
        "documents": _("documents"), "clusters": _("clusters"), "duplicates": _("duplicates"),
        "duplicates (dropped)": _("duplicates (dropped)"), "characters saved": _("characters saved"),
        "candidate pairs": _("candidate pairs"), "verified pairs": _("verified pairs"),
        "exact copies": _("exact copies"), "signed": _("signed"), "from cache": _("from cache"),
        "warnings": _("warnings"), "peak memory, main (MB)": _("peak memory, main (MB)"),
        "peak memory, per worker (MB)": _("peak memory, per worker (MB)"),
    }
    return names.get(key, key)


def phase_name(key: str) -> str:
    """A phase of a run (its timings and progress bar) for people; an unknown one as it is."""
    names = {
        "read": _("read"), "sign": _("sign"), "read+sign": _("read+sign"), "number": _("number"),
        "candidates": _("candidates"), "verify": _("verify"), "verify+keep": _("verify+keep"),
        "cluster": _("cluster"), "keep": _("keep"), "write": _("write"), "total": _("total"),
    }
    return names.get(key, key)


def seconds(value: float) -> str:
    # Translators: a duration in seconds, as in "1.50 s".
    return _("{seconds} s").format(seconds=f"{value:.2f}")


def wrote(path: str, count: int, what: str) -> str:
    """The line saying an output was written: `what` is clusters, ids, documents, report or
    passages."""
    templates = {
        "clusters": _("wrote {path}: {count} clusters"),
        "ids": _("wrote {path}: {count} ids"),
        "documents": _("wrote {path}: {count} documents"),
        "report": _("wrote {path}: {count} clusters in an HTML report"),
        "passages": _("wrote {path}: {count} passages"),
    }
    return templates[what].format(path=path, count=f"{count:,}")


def dry_run() -> str:
    return _("Dry run: no output written (use --clusters, --output, --keep-list or --drop-list).")
