"""Two documents side by side in the terminal, differences highlighted (for `kjlint diff`).

Lines are aligned with difflib on their canonical form (so a traditional-script copy lines up
with its simplified source), then changed line pairs are compared character by character with
rapidfuzz's Levenshtein opcodes.
"""
from __future__ import annotations

import difflib

from rapidfuzz.distance import Levenshtein

from .normalize import canonical_lines, squeeze

DELETED, INSERTED = "bold white on red", "bold black on green"


def _canon(line: str) -> str:
    return squeeze(canonical_lines(line))


def _highlight(a: str, b: str):
    from rich.text import Text

    ta, tb = Text(), Text()
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(a, b):
        if tag == "equal":
            ta.append(a[i1:i2])
            tb.append(b[j1:j2])
        else:
            ta.append(a[i1:i2], style=DELETED)
            tb.append(b[j1:j2], style=INSERTED)
    return ta, tb


def aligned_rows(text_a: str, text_b: str):
    """(left line or None, right line or None, changed) rows, lines aligned by canonical form."""
    la = [ln for ln in text_a.splitlines() if ln.strip()]
    lb = [ln for ln in text_b.splitlines() if ln.strip()]
    ca, cb = [_canon(x) for x in la], [_canon(x) for x in lb]
    rows = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ca, cb, autojunk=False).get_opcodes():
        if tag == "equal":
            rows.extend((la[i], lb[j], la[i] != lb[j]) for i, j in zip(range(i1, i2), range(j1, j2)))
            continue
        left, right = la[i1:i2], lb[j1:j2]
        for k in range(max(len(left), len(right))):
            rows.append((left[k] if k < len(left) else None, right[k] if k < len(right) else None, True))
    return rows


def render_side_by_side(text_a: str, text_b: str, name_a: str, name_b: str, console) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False, expand=True)
    table.add_column(name_a, ratio=1, overflow="fold")
    table.add_column(name_b, ratio=1, overflow="fold")
    for left, right, changed in aligned_rows(text_a, text_b):
        if left is not None and right is not None and changed:
            table.add_row(*_highlight(left, right))
        else:
            table.add_row(Text(left or "", style=DELETED if changed and left else ""),
                          Text(right or "", style=INSERTED if changed and right else ""))
    console.print(table)
