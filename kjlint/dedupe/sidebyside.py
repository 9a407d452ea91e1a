"""Two documents side by side in the terminal, differences highlighted (for `kjlint diff`).

Lines are aligned with difflib on their canonical form (so a traditional-script copy lines up
with its simplified source), then changed line pairs are compared character by character with
rapidfuzz's Levenshtein opcodes.

Columns are measured in display cells (a Chinese character takes two), and a paragraph is wrapped
in its column the way Chinese is set: never inside a character, and no line starts with a closing
mark (，。、；：？！）》」 …) nor ends with an opening one (（《「“ …): the character before moves down
with it (避头尾).
"""
from __future__ import annotations

import difflib

from rapidfuzz.distance import Levenshtein

from .normalize import canonical_lines, squeeze

DELETED, INSERTED = "bold white on red", "bold black on green"
# Marks a line may not start with, and marks it may not end with (GB/T 15834's rules, with the
# half-width forms scraped text often has).
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’…—·‰％,.;:?!)]}%")
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")


def line_breaks(text: str, width: int) -> list[int]:
    """Where to break `text` into lines of at most `width` cells: rich's word wrap (spaces, then
    folding a word longer than a line), each break moved back by up to two characters so that no
    line starts with a closing mark or ends with an opening one."""
    from rich._wrap import divide_line

    breaks: list[int] = []
    start = 0
    window = 4 * max(width, 1) + 8  # more characters than one line can hold
    while start < len(text):
        first = divide_line(text[start:start + window], width, fold=True)
        if not first:
            break
        cut = start + first[0]
        for _ in range(2):
            if cut - 1 > start and (text[cut] in NO_LINE_START or text[cut - 1] in NO_LINE_END):
                cut -= 1
            else:
                break
        if text[cut] in NO_LINE_START or text[cut - 1] in NO_LINE_END:
            cut = start + first[0]  # a run of marks longer than that: break where it fits
        breaks.append(cut)
        start = cut
    return breaks


def _text_class():
    from rich.containers import Lines
    from rich.text import Text

    class ChineseText(Text):
        """Text that wraps by line_breaks (rich's own wrap may start a line with "，")."""

        def wrap(self, console, width, *, justify=None, overflow=None, tab_size=8, no_wrap=None) -> Lines:
            if no_wrap or self.no_wrap:
                return super().wrap(console, width, justify=justify, overflow=overflow, tab_size=tab_size,
                                    no_wrap=no_wrap)
            lines = Lines()
            for line in self.split(allow_blank=True):
                if "\t" in line.plain:
                    line.expand_tabs(tab_size)
                pieces = line.divide(line_breaks(line.plain, width))
                for piece in pieces:
                    piece.rstrip_end(width)
                    piece.truncate(width, overflow="fold")
                lines.extend(pieces)
            return lines

    return ChineseText


def _canon(line: str) -> str:
    return squeeze(canonical_lines(line))


def _highlight(a: str, b: str):
    Text = _text_class()
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

    Text = _text_class()
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
