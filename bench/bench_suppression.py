"""Time to lint documents made of suppression directives, to show it grows linearly (1 MB of
`kjlint-disable` lines once took 41 s, and twice the input four times as long).

Shapes: disable lines alone; disables closed by enables of other codes; disable / text / enable
blocks; disable-next-line before each text line. Prints seconds at 1 MB and 2 MB and their ratio,
which should stay close to 2.

Usage: python bench/bench_suppression.py
"""
from __future__ import annotations

import time

from kjlint.catalog import load_catalog
from kjlint.document import Document
from kjlint.engine import lint_document

SIZES = (1_000_000, 2_000_000)
HEAD = "xx区科技局2021年工作总结\n"
SHAPES = {
    "disable lines": lambda n: "<!-- kjlint-disable KJ201 -->\n" * n,
    "disables, enables of others": lambda n: "<!-- kjlint-disable KJ201 -->\n" * (n // 2)
    + "<!-- kjlint-enable KJ301 -->\n" * (n // 2),
    "disable / text / enable": lambda n: "<!-- kjlint-disable KJ201 -->\nxx区\n<!-- kjlint-enable KJ201 -->\n" * (n // 3),
    "next-line before text": lambda n: "<!-- kjlint-disable-next-line KJ201 -->\nxx区\n" * (n // 2),
}


def main() -> None:
    catalog = load_catalog()
    print(f"{'shape':<30} {'1 MB':>8} {'2 MB':>8} {'ratio':>6}")
    for name, make in SHAPES.items():
        times = []
        for size in SIZES:
            unit = len(make(3)) // 3 or 1
            text = HEAD + make(size // unit)
            t = time.perf_counter()
            lint_document(Document(text, "x.txt"), catalog)
            times.append(time.perf_counter() - t)
        print(f"{name:<30} {times[0]:>7.2f}s {times[1]:>7.2f}s {times[1] / times[0]:>6.2f}")


if __name__ == "__main__":
    main()
