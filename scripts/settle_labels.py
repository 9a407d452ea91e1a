#!/usr/bin/env python3
"""Merge the two independent labelings of the real-world corpus (docs/labeling.md).

usage: python scripts/settle_labels.py [ID...]
For each document labeled in both labels/first/ and labels/second/, writes labels/<id>.yaml:
`defects` both labelings agree on (same family, overlapping text, or both document-wide), the
union of `must_not_flag`, and under `disputed` every label only one labeling has. A person then
settles each disputed label by the guide: moves it to `defects` or drops it, and records the
decision under `settled` ({text, family, first, second, decision}). A settled file that already
exists is left alone. Prints the agreement per family.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

from labelcheck import REALWORLD, document_text, documents

LABELS = REALWORLD / "labels"


def span(text: str, item: dict) -> tuple[int, int] | None:
    if item.get("scope") == "document":
        return None
    at, start = -1, 0
    for _ in range(int(item.get("nth", 1))):
        at = text.find(item["text"], start)
        if at < 0:
            raise ValueError(f"{item['text']!r} not found")
        start = at + len(item["text"])
    return at, at + len(item["text"])


def same(a: dict, sa, b: dict, sb) -> bool:
    if a["family"] != b["family"]:
        return False
    if sa is None or sb is None:
        return sa is None and sb is None
    return sa[0] < sb[1] and sb[0] < sa[1]


def settle(doc_id: str, text: str, first: dict, second: dict, tally: Counter) -> dict:
    a = [(d, span(text, d)) for d in first.get("defects") or []]
    b = [(d, span(text, d)) for d in second.get("defects") or []]
    used_b: set[int] = set()
    agreed, disputed = [], []
    for da, sa in a:
        match = next((i for i, (db, sb) in enumerate(b) if i not in used_b and same(da, sa, db, sb)), None)
        if match is None:
            disputed.append({**da, "by": "first"})
            tally[(da["family"], "first only")] += 1
            continue
        used_b.add(match)
        db = b[match][0]
        agreed.append({**da, **({"rule": db["rule"]} if not da.get("rule") and db.get("rule") else {})})
        tally[(da["family"], "agreed")] += 1
    for i, (db, _) in enumerate(b):
        if i not in used_b:
            disputed.append({**db, "by": "second"})
            tally[(db["family"], "second only")] += 1
    keep_out, seen = [], set()
    for item in (first.get("must_not_flag") or []) + (second.get("must_not_flag") or []):
        key = (item["text"], int(item.get("nth", 1)))
        if key not in seen:
            seen.add(key)
            keep_out.append(item)
    out = {"doc": doc_id, "defects": agreed, "must_not_flag": keep_out}
    if disputed:
        out["disputed"] = disputed
    return out


def main(ids: list[str]) -> int:
    docs = documents()
    tally: Counter = Counter()
    written = 0
    for path in sorted((LABELS / "first").glob("*.yaml")):
        doc_id = path.stem
        other = LABELS / "second" / path.name
        target = LABELS / path.name
        if (ids and doc_id not in ids) or not other.is_file() or target.exists() or doc_id not in docs:
            continue
        text = document_text(doc_id, docs)
        first = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        second = yaml.safe_load(other.read_text(encoding="utf-8")) or {}
        out = settle(doc_id, text, first, second, tally)
        target.write_text(yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
        written += 1
    for fam in sorted({f for f, _ in tally}):
        ag, fo, so = (tally[(fam, k)] for k in ("agreed", "first only", "second only"))
        print(f"{fam}: agreed {ag}, first only {fo}, second only {so}")
    print(f"{written} settled file(s) written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
