"""Baselines: accept the findings a document already has, report only new ones.

Entries are fingerprints (code + hash of the matched text and its context, see
linting.fingerprint) with counts per path, so edits elsewhere in a file keep the baseline valid.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .findings import Finding
from .fixes import atomic_write_text
from .i18n import _

VERSION = 1


class BaselineError(Exception):
    pass


def load_baseline(path: str) -> dict[str, Counter]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(_("{path}: baseline file not found (create it with --update-baseline)").format(
            path=path)) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(_("{path}: unreadable baseline: {problem}").format(path=path, problem=exc)) from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("files"), dict):
        raise BaselineError(_("{path}: not a kjlint baseline (expected version {version} with 'files')").format(
            path=path, version=VERSION))
    baseline = {}
    for p, entries in data["files"].items():
        if not isinstance(entries, dict):
            raise BaselineError(_("{path}: {key}: expected an object of fingerprints").format(
                path=path, key=f"files.{p}"))
        counts = Counter()
        for fp, entry in entries.items():
            if not isinstance(entry, dict):
                raise BaselineError(_("{path}: {key}: expected an object with 'count'").format(
                    path=path, key=f"files.{p}.{fp}"))
            count = entry.get("count")
            if not isinstance(count, int) or isinstance(count, bool) or count < 0:
                raise BaselineError(_("{path}: {key}: expected a whole number of findings, got {value}").format(
                    path=path, key=f"files.{p}.{fp}.count", value=repr(count)))
            counts[fp] = count
        baseline[p] = counts
    return baseline


def filter_baseline(findings: list[Finding], baseline: dict[str, Counter]) -> list[Finding]:
    remaining = {p: Counter(c) for p, c in baseline.items()}
    kept = []
    for f in findings:
        counts = remaining.get(f.path)
        if counts and counts[f.fingerprint] > 0:
            counts[f.fingerprint] -= 1
            continue
        kept.append(f)
    return kept


def write_baseline(path: str, findings: list[Finding]) -> int:
    files: dict[str, dict] = {}
    for f in findings:
        entry = files.setdefault(f.path, {}).setdefault(f.fingerprint, {"code": f.code, "count": 0,
                                                                        "message": f.message})
        entry["count"] += 1
    data = {"version": VERSION, "files": {p: dict(sorted(e.items())) for p, e in sorted(files.items())}}
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return len(findings)
