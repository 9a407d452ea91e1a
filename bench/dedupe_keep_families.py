"""Which rule families decide `--keep best`, and what each costs where it decides nothing.

    python bench/dedupe_keep_families.py [PATH ...] [--n 4000] [--seed 1]

Runs `kjlint dedupe --keep best` on the paths (default: the benchmark corpus of
bench/dedupe_keep.py; `../shared/corpus fixtures/realworld/pages` are real documents with real
copies), lints every member of every cluster with the ranking families (KJ2, KJ3, KJ4, KJ6) and
prints, per family: the clusters where some member has one of its findings, the clusters whose
kept copy would change if the family were left out of the ranking, and the CPU seconds of its rules
on the kept copies without findings, where `best` must run every ranking rule to show there are
none (the floor of lazy ranking). A family that changes no kept copy still costs its share there.
Changes nothing in kjlint.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--n", type=int, default=4000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)

    from kjlint.dedupe import DedupeConfig, dedupe
    from kjlint.dedupe.keep import QUALITY_FAMILIES, Candidate, QualityProbe, _quality_setup, choose
    from kjlint.dedupe.normalize import canonical_code_points
    from kjlint.document import Document
    from kjlint.engine import lint_document
    from kjlint.records import iter_records, plan_sources
    from kjlint.ruletypes import rule_hits

    if args.paths:
        paths = args.paths
    else:
        from dedupe_keep import corpus

        paths = [str(corpus(args.n, args.seed, synthetic=False))]
    result = dedupe(paths, DedupeConfig(keep="best", jobs=1))
    wanted = {m.index for c in result.clusters for m in c.members}
    text: dict[int, str] = {}
    for i, record in enumerate(iter_records(plan_sources(paths), DedupeConfig().fields)):
        if i in wanted:
            text[i] = record.text
    catalog, opts, steps = _quality_setup()
    # KJ6 first: the KJ3 rules read its findings (furniture is not the text's end), so each
    # family's time is its own
    rules = sorted((rule for rule, short in steps if not short), key=lambda r: (r.code[:3] != "KJ6", r.code))

    decides: Counter = Counter()
    present: Counter = Counter()
    cpu: Counter = Counter()
    clean_kept = 0
    for cluster in result.clusters:
        by_family = []
        for m in cluster.members:
            found = lint_document(Document(text[m.index], m.id), catalog, opts)
            by_family.append(Counter(f.family for f in found))
        for family in QUALITY_FAMILIES:
            present[family] += any(c[family] for c in by_family)

        def kept(leave_out: str | None) -> int:
            cands = [Candidate(m.index, len(canonical_code_points(text[m.index])),
                               sum(n for fam, n in c.items() if fam != leave_out))
                     for m, c in zip(cluster.members, by_family)]
            return choose(cands, "best")[0]

        full = kept(None)
        assert cluster.members[full].kept, cluster.number  # the lazy policy kept the same copy
        for family in QUALITY_FAMILIES:
            decides[family] += kept(family) != full
        if not sum(by_family[full].values()):  # a proof of no finding: every ranking rule runs
            clean_kept += 1
            probe = QualityProbe(text[cluster.members[full].index])
            for rule in rules:
                t = time.process_time()
                rule_hits(rule, probe.doc, probe.ctx)
                cpu[rule.code[:3]] += time.process_time() - t
    print(f"{', '.join(paths)}: {len(result.clusters):,} clusters, {clean_kept:,} kept copies without findings")
    for family in QUALITY_FAMILIES:
        print(f"{family}: findings in {present[family]:,} clusters, kept copy changes without it in "
              f"{decides[family]:,}; its rules on the kept copies without findings {cpu[family]:.2f} CPU s")


if __name__ == "__main__":
    main()
