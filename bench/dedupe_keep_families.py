"""Which rule families and rules decide `--keep best`, and what each costs where it decides nothing.

    python bench/dedupe_keep_families.py [PATH ...] [--n 4000] [--seed 1]

Runs `kjlint dedupe --keep best` on the paths (default: the benchmark corpus of
bench/dedupe_keep.py; `../shared/corpus fixtures/realworld/pages` are real documents with real
copies), lints every member of every cluster with the ranking families (KJ2, KJ3, KJ4, KJ6) and
prints, per family and then per rule: the clusters where some member has one of its findings, the
clusters whose kept copy would change if it were left out of the ranking, and the CPU seconds of
its rules on the kept copies without findings, where `best` must run every ranking rule to show
there are none (the floor of lazy ranking: a rule that changes no kept copy still costs its share
there, and a rule that changes one cannot be left out). Changes nothing in kjlint.
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

    # The proofs first, in one pass over the kept copies without findings, as dedupe runs them:
    # linting every member below would leave each line in the rules' caches (a line KJ601 has
    # seen costs nothing the second time) and make the proofs look cheaper than they are.
    cpu: Counter = Counter()
    clean = [c.kept for c in result.clusters if c.kept.findings == 0]
    for member in clean:
        probe = QualityProbe(text[member.index])
        for rule in rules:
            t = time.process_time()
            rule_hits(rule, probe.doc, probe.ctx)
            spent = time.process_time() - t
            cpu[rule.code] += spent
            cpu[rule.code[:3]] += spent
    decides: Counter = Counter()
    present: Counter = Counter()
    for cluster in result.clusters:
        by_rule = []
        for m in cluster.members:
            found = lint_document(Document(text[m.index], m.id), catalog, opts)
            by_rule.append(Counter(f.code for f in found))
        lengths = [len(canonical_code_points(text[m.index])) for m in cluster.members]

        def kept(leave_out: str = "") -> int:
            """The kept copy when the rules whose code starts with `leave_out` do not rank."""
            cands = [Candidate(m.index, n, sum(k for code, k in c.items() if not (leave_out and code.startswith(leave_out))))
                     for m, n, c in zip(cluster.members, lengths, by_rule)]
            return choose(cands, "best")[0]

        full = kept()
        assert cluster.members[full].kept, cluster.number  # the lazy policy kept the same copy
        assert (cluster.members[full] in clean) == (not sum(by_rule[full].values())), cluster.number
        for key in (*QUALITY_FAMILIES, *(rule.code for rule in rules)):
            present[key] += any(code.startswith(key) for c in by_rule for code in c)
            decides[key] += kept(key) != full
    print(f"{', '.join(paths)}: {len(result.clusters):,} clusters, {len(clean):,} kept copies without findings")
    for family in QUALITY_FAMILIES:
        print(f"{family}: findings in {present[family]:,} clusters, kept copy changes without it in "
              f"{decides[family]:,}; its rules on the kept copies without findings {cpu[family]:.2f} CPU s")
    print("by rule (in the order run; a rule's CPU leaves out the rules it reads, run before it):")
    for rule in rules:
        if present[rule.code] or cpu[rule.code] >= 0.005:
            print(f"  {rule.code}: findings in {present[rule.code]:,} clusters, kept copy changes without it in "
                  f"{decides[rule.code]:,}; {cpu[rule.code]:.3f} CPU s")

if __name__ == "__main__":
    main()
