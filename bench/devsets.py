"""Figures on the labeled sets kept beside the corpus (fixtures/devsets/<name>), one table each.

Each set is in the corpus's layout (manifest.jsonl, pages/, labels/ as docs/labeling.md) and was
labeled once, before kjlint ran on it: a session's development pages (furn13, lost13) and its
independent first-run set (fresh8), kept so that later sessions can measure the same pages again
rather than lose them. They are not in the corpus's figures (fixtures/realworld, labeled twice and
settled) and no test asserts floors on them. Word sets list their files by repository and commit
(the .docx are not stored); their labels are scored when the files are put at the manifest's paths.

Prints per set: precision and recall per family, recall without the pinyin-annotation labels
(KJ403: a mirror's glosses are hundreds of labels on a few pages), and false alarms per 10,000
characters on the government pages, each listed.

Usage: python bench/devsets.py [NAME ...] [--misses N]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from quality import realworld_manifest, realworld_report, score_realworld  # noqa: E402

DEVSETS = ROOT / "fixtures" / "devsets"
PINYIN = "KJ403"


def set_report(root: Path, misses: int, split: str | None = None) -> str:
    entries = realworld_manifest(root)
    word_batches = tuple(sorted({e.get("batch", "") for e in entries if e.get("kind") == "word"}))
    absent = [e["file"] for e in entries if not (root / e["file"]).is_file()]
    if absent:
        what = "Word files" if word_batches else "pages"
        return f"{root.name}: {len(absent)} of {len(entries)} {what} absent (fetch them from the manifest's urls)"
    if word_batches:
        res = score_realworld(root=root, batch=word_batches, split=split)
    else:
        res = score_realworld(root=root, split=split)
    lines = [f"== {root.name}" + (f" ({split} part)" if split else ""), realworld_report(res)]
    total = res.findings
    pinyin = res.rules.get(PINYIN)
    if pinyin is not None:
        labels = total.found + total.missed - (pinyin.found + pinyin.missed)
        found = total.found - pinyin.found
        lines.append(f"without {PINYIN} labels: {labels} labels, {found} found (recall {found / labels:.3f})"
                     if labels else f"without {PINYIN} labels: none")
    for where in res.clean_false_alarms:
        lines.append(f"  government false alarm: {where}")
    if misses:
        for family in sorted(res.families):
            for miss in res.families[family].misses[:misses]:
                lines.append(f"  miss {miss}")
            for alarm in res.families[family].false_alarms[:misses]:
                lines.append(f"  false alarm {alarm}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="sets to score (default: every set)")
    parser.add_argument("--misses", type=int, default=0, help="list this many misses and false alarms per family")
    parser.add_argument("--split", help="score only the entries whose manifest `split` is this (dev, check); "
                        "sets without splits then score nothing")
    args = parser.parse_args()
    roots = [DEVSETS / n for n in args.names] if args.names else sorted(p for p in DEVSETS.iterdir() if p.is_dir())
    for root in roots:
        print(set_report(root, args.misses, args.split))
        print()


if __name__ == "__main__":
    main()
