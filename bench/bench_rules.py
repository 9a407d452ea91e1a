"""Where `kjlint check -j 1`'s time goes on bench_check's drafts: the CPU seconds of each rule's
own check (a rule that asks another's findings runs it: those seconds are the other's), and of
the rest (reading, positions and fingerprints of findings, suppressions), in one process after
one warming draft (run by hand; prints figures, asserts nothing).

Times the kjlint on PYTHONPATH. To compare two trees, save one's figures and read them back with
the other's: largest change first.

    PYTHONPATH=OLD python bench/bench_rules.py --save /tmp/old.json
    PYTHONPATH=NEW python bench/bench_rules.py --against /tmp/old.json

Usage: python bench/bench_rules.py [--files 1000] [--rounds 3] [--top 30] [--save F] [--against F]
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

from bench_check import source_text, write_drafts


class OwnTime:
    """CPU seconds of each wrapped checker, less those of the checkers it runs itself."""

    def __init__(self, clock: Callable[[], float] = time.process_time):
        self.clock = clock
        self.seconds: dict[str, float] = defaultdict(float)
        self._inner: list[float] = []  # per running checker, the seconds of the checkers it ran

    def wrap(self, code: str, run: Callable) -> Callable:
        def timed(doc: Any, ctx: Any) -> list:
            start = self.clock()
            self._inner.append(0.0)
            try:
                return list(run(doc, ctx))
            finally:
                spent = self.clock() - start
                self.seconds[code] += spent - self._inner.pop()
                if self._inner:
                    self._inner[-1] += spent

        return timed


def measure(files: list[str], rounds: int) -> dict[str, Any]:
    """{"total": CPU seconds of linting `files`, "rules": {code: own seconds}}, each the least of `rounds`."""
    from kjlint.config import ConfigResolver
    from kjlint.runner import Overrides, catalog_for, effective, lint_paths

    lint_paths(files[:1], jobs=1)  # the start-up cache, patterns compiled on first use
    own = OwnTime()
    catalog = catalog_for(effective(ConfigResolver(None).for_path(files[0]), Overrides()))
    for rule in catalog.rules.values():
        if rule.run is not None:
            rule.run = own.wrap(rule.code, rule.run)
    total, rules = float("inf"), {}
    for _ in range(rounds):
        own.seconds.clear()
        start = time.process_time()
        lint_paths(files, jobs=1)
        total = min(total, time.process_time() - start)
        for code, seconds in own.seconds.items():
            rules[code] = min(rules.get(code, seconds), seconds)
    return {"total": total, "rules": rules}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--save", type=Path, help="write the figures to this JSON file")
    ap.add_argument("--against", type=Path, help="figures --save wrote for another tree, shown beside these")
    args = ap.parse_args()
    import kjlint

    print(f"kjlint of {Path(kjlint.__file__).parent.parent}; "
          f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "drafts"
        write_drafts(folder, source_text(), args.files)
        found = measure(sorted(str(p) for p in folder.iterdir()), args.rounds)
    if args.save:
        args.save.write_text(json.dumps(found), encoding="utf-8")
    old = json.loads(args.against.read_text(encoding="utf-8")) if args.against else {"total": None, "rules": {}}
    rules, before = found["rules"], old["rules"]

    def row(name: str, now: float | None, then: float | None) -> str:
        shown = f"{name:8} {0 if now is None else now * 1000:8.1f} ms"
        if args.against:
            shown += f"   was {'-' if then is None else f'{then * 1000:.1f}':>8} ms   {((now or 0) - (then or 0)) * 1000:+8.1f}"
        return shown

    print(f"{args.files} drafts, least of {args.rounds} rounds, CPU:")
    print(row("all", found["total"], old["total"]))
    print(row("checks", sum(rules.values()), sum(before.values()) if args.against else None))
    print(row("rest", found["total"] - sum(rules.values()),
              old["total"] - sum(before.values()) if args.against else None))
    codes = sorted(set(rules) | set(before), key=lambda c: -abs(rules.get(c, 0) - before.get(c, 0)))
    for code in codes[:args.top]:
        print(row(code, rules.get(code), before.get(code)))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
