"""Would `--keep best` gain by ranking copies on the lines where they differ? (issue #14)

    python bench/dedupe_keep_lines.py [--n 4000] [--seed 1] [--context 1] [--synthetic]

A finding of a line-local rule on a line that every copy of a cluster holds (same text, same
neighbours, same edge of the text) adds one to every copy, so it cannot change the ranking: the
copies could be ranked by linting only their other lines (a "difference view": the shared lines
blanked, one line of context kept around each differing line) plus, in full, the rules whose
finding depends on lines far from it. This script measures, on the benchmark's clusters (the
corpus of bench/dedupe_keep.py, clustered with `--keep best`), whether that pays and whether it
is exact:

- how much of each kept copy such a view still holds (the part the lint would still read), and
  which variants of the generator leave little shared: per kind of variant, the share of the kept
  copy's characters on lines a copy of that kind also holds;
- per quality rule, the CPU seconds on the full copies and on their views; the clusters whose
  copies get different hits on shared lines (the rule is not line-local: run it in full); the
  copies whose view gives other hits on their differing lines than the full text does.

The last line adds up the rules' CPU time both ways (not counted: hashing the lines, building
the views, the second Document the whole-text rules would need). It changes nothing in kjlint:
it is the measurement behind README's paragraph on ranking by differences.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

Key = tuple  # (previous line or None, line, next line or None)


def line_keys(lines: list[str]) -> list[Key]:
    """Each line with its neighbours (None at an edge of the text): what a line-local rule sees."""
    return [(lines[i - 1] if i else None, line, lines[i + 1] if i + 1 < len(lines) else None)
            for i, line in enumerate(lines)]


def differing(texts: list[str]) -> list[list[int]]:
    """Per text, the indices of its lines not held by every text (as many times, same neighbours)."""
    keys = [line_keys(t.split("\n")) for t in texts]
    common = Counter(keys[0])
    for k in keys[1:]:
        common &= Counter(k)
    out = []
    for k in keys:
        seen: Counter = Counter()
        out.append([i for i, key in enumerate(k) if seen.update([key]) or seen[key] > common[key]])
    return out


def view(text: str, lines: list[int], context: int = 1) -> str:
    """The text with every line blank except the differing ones and `context` lines around them
    (line numbers unchanged, so hits map back by line)."""
    ls = text.split("\n")
    keep = {j for i in lines for j in range(i - context, i + context + 1)}
    return "\n".join(line if j in keep else "" for j, line in enumerate(ls))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=4000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--context", type=int, default=1, help="Lines kept around each differing line.")
    ap.add_argument("--synthetic", action="store_true", help="Do not read ../shared/corpus.")
    args = ap.parse_args(argv)

    from dedupe_keep import corpus
    from kjlint.dedupe import DedupeConfig, dedupe
    from kjlint.dedupe.keep import _quality_setup
    from kjlint.document import Document
    from kjlint.ruletypes import Context, rule_hits

    data = corpus(args.n, args.seed, args.synthetic)
    records = [json.loads(line) for line in data.open(encoding="utf-8")]
    text = {r["id"]: r["text"] for r in records}
    kinds = {r["id"]: r.get("kinds") or ["base"] for r in records}
    clusters = dedupe([str(data)], DedupeConfig(keep="best", jobs=1)).clusters
    catalog, opts, steps = _quality_setup()
    rules = [rule for rule, short in steps if not short]

    cpu_full: Counter = Counter()
    cpu_view: Counter = Counter()
    unequal_shared: Counter = Counter()  # clusters
    unequal_view: Counter = Counter()  # copies

    def hits(t: str, cpu: Counter) -> dict[str, list[tuple[int, int, int]]]:
        doc = Document(t, "<bench>")
        ctx = Context(catalog, opts.profile, opts.required_sections, opts.options)
        out = {}
        for rule in rules:
            start = time.process_time()
            found = rule_hits(rule, doc, ctx)
            cpu[rule.code] += time.process_time() - start
            out[rule.code] = [(doc.line_index(h.offset), h.offset - doc.line_starts[doc.line_index(h.offset)],
                               h.end - h.offset) for h in found]
        return out

    share = Counter()  # kept copies by tenth of their characters the view still holds
    kept_chars = view_chars = 0
    by_kind: dict[str, list[float]] = {}  # kind of a dropped copy -> share of the kept copy's lines it holds
    for c in clusters:
        kept_lines = Counter(text[c.kept.id].split("\n"))
        for m in c.members:
            if not m.kept:
                held = kept_lines & Counter(text[m.id].split("\n"))
                part = sum(len(line) * n for line, n in held.items()) / max(1, len(text[c.kept.id]))
                for kind in kinds[m.id]:
                    by_kind.setdefault(kind, []).append(part)
        texts = list(dict.fromkeys(text[m.id] for m in c.members))
        if len(texts) < 2:
            continue
        diff = differing(texts)
        kept = texts.index(text[c.kept.id])
        v = view(texts[kept], diff[kept], args.context)
        kept_chars += len(texts[kept])
        view_chars += len(v.replace("\n", ""))
        share[min(9, 10 * len(v.replace("\n", "")) // max(1, len(texts[kept].replace("\n", ""))))] += 1
        shared_hits: dict[str, list[Counter]] = {r.code: [] for r in rules}
        for t, d in zip(texts, diff):
            full, part, dset = hits(t, cpu_full), hits(view(t, d, args.context), cpu_view), set(d)
            keys = line_keys(t.split("\n"))
            for rule in rules:
                mine = full[rule.code]
                shared_hits[rule.code].append(Counter((keys[i], o, n) for i, o, n in mine if i not in dset))
                if Counter(h for h in mine if h[0] in dset) != Counter(h for h in part[rule.code] if h[0] in dset):
                    unequal_view[rule.code] += 1
        for code, per in shared_hits.items():
            unequal_shared[code] += any(p != per[0] for p in per[1:])

    multi = sum(share.values())
    print(f"corpus: {data}; {len(clusters):,} clusters, {multi:,} with copies of different texts")
    print(f"kept copies: their views (differing lines and {args.context} line(s) of context) hold {view_chars:,} of their "
          f"{kept_chars:,} characters ({view_chars / max(1, kept_chars):.1%})")
    print("kept copies by share of their characters in the view: " + ", ".join(
        f"{10 * k}-{10 * k + 10}% {share[k]:,}" for k in range(10)))
    print("share of the kept copy's characters on lines a dropped copy also holds, by the copy's kind: "
          + ", ".join(f"{k} {sum(v) / len(v):.0%}" for k, v in sorted(by_kind.items(), key=lambda kv: sum(kv[1]) / len(kv[1]))))
    print(f"{'rule':6} {'CPU full s':>10} {'CPU view s':>10}  clusters with other hits on shared lines, "
          "copies whose view hits differ")
    whole = [r.code for r in rules if unequal_shared[r.code] or unequal_view[r.code]]
    for rule in rules:
        print(f"{rule.code:6} {cpu_full[rule.code]:10.3f} {cpu_view[rule.code]:10.3f}  "
              f"{unequal_shared[rule.code]:,} {unequal_view[rule.code]:,}")
    total_full = sum(cpu_full.values())
    ranked = sum(v for k, v in cpu_view.items() if k not in whole) + sum(cpu_full[k] for k in whole)
    print(f"all rules: full copies {total_full:.2f} s; views for the line-local rules plus "
          f"{', '.join(whole) or 'no rule'} in full {ranked:.2f} s ({ranked / max(total_full, 1e-9):.2f}x)")


if __name__ == "__main__":
    main()
