"""Per-rule time of the KJ4 (encoding), KJ5 (structure) and KJ7 (script) checks, to show they
scale linearly: each rule runs on the corpus text cut to growing sizes, as many lines and as one
single line (the worst case for per-line grouping). Prints seconds per rule and the ratio of the
largest to the smallest size, which should stay close to the size ratio.

Usage: python bench/bench_kj457.py [CORPUS_DIR]   (default ../shared/corpus; fixtures if absent)
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from kjlint.catalog import load_catalog
from kjlint.document import Document
from kjlint.ruletypes import Context

ROOT = Path(__file__).resolve().parent.parent
SIZES = (250_000, 1_000_000)


def corpus_text(folder: Path) -> str:
    files = sorted(folder.rglob("*.txt"))[:400] if folder.is_dir() else []
    if not files:
        files = sorted((ROOT / "fixtures").rglob("*.txt"))
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files)


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"
    base = corpus_text(folder)
    catalog = load_catalog()
    rules = [r for code, r in sorted(catalog.rules.items()) if code[:3] in ("KJ4", "KJ5", "KJ7")]
    for shape in ("lines", "one line"):
        times: dict[str, list[float]] = {r.code: [] for r in rules}
        for size in SIZES:
            text = (base * (size // max(1, len(base)) + 1))[:size]
            if shape == "one line":
                text = text.replace("\n", "")
            doc = Document(text)
            ctx = Context(catalog)
            for rule in rules:
                start = time.perf_counter()
                for _ in rule.run(doc, ctx):
                    pass
                times[rule.code].append(time.perf_counter() - start)
        print(f"{shape}: seconds at {', '.join(f'{s:,}' for s in SIZES)} characters")
        for code, ts in times.items():
            ratio = ts[-1] / ts[0] if ts[0] > 1e-4 else float("nan")
            print(f"  {code}  " + "  ".join(f"{t:7.3f}" for t in ts) + f"   x{ratio:4.1f}")
        print("  total  " + "  ".join(f"{sum(t[i] for t in times.values()):7.3f}" for i in range(len(SIZES))))


if __name__ == "__main__":
    main()
