"""Detection quality report (run by hand; prints figures, asserts nothing; tests/test_quality.py
asserts the floors).

1. The real-world corpus (fixtures/realworld: real scraped and government pages, labeled per
   docs/labeling.md): precision, recall and F1 per family and per rule, false alarms per
   10,000 characters on the government texts, findings on must-not-flag spans; then per family
   for the first collection, the fresh batch (f001-f040), the second (f041-f082), the third
   (f083-f126), the fourth (g001-g050) and the fifth (h001-h142) alone.
   Then the real Word files (fixtures/realworld/docx), each batch as its own part (`word`:
   w001-w050, `word2`: w051-w095, `word3`: w096-w143): per family and per rule, the share of all
   findings that are true (issue #11's Word bar), and every false alarm and miss; then all Word
   files together. They are not in the pages' figures.
2. The labeled fixtures written by the team (fixtures/labeled) and the clean fixtures.
3. With ../shared/corpus present: findings per 10,000 characters on 878 real official texts
   (government work reports, laws) with the default rules — the quiet side at scale.

Usage: python bench/quality.py [--misses N] [--no-corpus]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from quality import (WORD_BATCHES, clean_false_positives, realworld_report, report,  # noqa: E402
                     score_labeled, score_realworld)

CORPUS = ROOT.parent / "shared" / "corpus"


def corpus_rate() -> str:
    from kjlint.catalog import load_catalog
    from kjlint.engine import LintOptions, lint_document
    from kjlint.reading import read_document

    catalog = load_catalog()
    chars, found = 0, Counter()
    files = sorted(CORPUS.rglob("*.txt"))
    for path in files:
        doc = read_document(path)
        chars += len(doc.text)
        found.update(f.code for f in lint_document(doc, catalog, LintOptions()))
    total = sum(found.values())
    top = ", ".join(f"{c} {n}" for c, n in found.most_common(8))
    return (f"{len(files)} documents, {chars} characters: {total} findings, "
            f"{total * 10_000 / chars:.2f} per 10,000 characters ({top})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--misses", type=int, default=15, help="misses and false alarms listed per family")
    ap.add_argument("--no-corpus", action="store_true")
    args = ap.parse_args()
    res = score_realworld()
    print("== Real-world corpus (fixtures/realworld), default rules\n" + realworld_report(res))
    for batch, name in (("", "first collection"), ("fresh", "fresh batch (f001-f040)"),
                        ("fresh2", "second fresh batch (f041-f082)"),
                        ("fresh3", "third fresh batch (f083-f126)"),
                        ("fresh4", "fourth fresh batch (g001-g050)"),
                        ("fresh5", "fifth fresh batch (h001-h142)")):
        table = realworld_report(score_realworld(batch=batch))
        print(f"\n== Real-world corpus, {name} alone\n" + table.split("\n\n")[0]
              + "\n" + "\n".join(table.rsplit("\n", 2)[-2:]))
    for fam, t in sorted(res.families.items()):
        if t.misses or t.false_alarms:
            print(f"\n-- {fam}: misses ({len(t.misses)})\n  " + "\n  ".join(t.misses[:args.misses]))
            print(f"-- {fam}: false alarms ({len(t.false_alarms)})\n  " + "\n  ".join(t.false_alarms[:args.misses]))
    if res.must_not_flag_hits:
        print("\n-- findings on must-not-flag spans\n  " + "\n  ".join(res.must_not_flag_hits))
    for batch, name in (("word", "w001-w050"), ("word2", "w051-w095"), ("word3", "w096-w143")):
        word = score_realworld(batch=batch)
        print(f"\n== Real Word files, batch {batch} ({name}), default rules\n" + realworld_report(word))
        for fam, t in sorted(word.families.items()):
            for what, items in (("misses", t.misses), ("false alarms", t.false_alarms)):
                if items:
                    print(f"\n-- Word {batch} {fam}: {what} ({len(items)})\n  " + "\n  ".join(items))
        if word.must_not_flag_hits:
            print(f"\n-- Word {batch}: findings on must-not-flag spans\n  " + "\n  ".join(word.must_not_flag_hits))
    print("\n== Real Word files, all batches (fixtures/realworld/docx)\n"
          + realworld_report(score_realworld(batch=WORD_BATCHES)))
    scores, ndocs, nlabels = score_labeled()
    fps, ncleandocs, chars = clean_false_positives()
    print(f"\n== Labeled fixtures ({ndocs} documents, {nlabels} labels)\n" + report(scores))
    print(f"clean fixtures: {len(fps)} findings on {chars} characters of {ncleandocs} documents")
    if CORPUS.is_dir() and not args.no_corpus:
        print("\n== ../shared/corpus\n" + corpus_rate())


if __name__ == "__main__":
    main()
