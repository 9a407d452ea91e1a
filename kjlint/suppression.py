"""Inline suppression directives that work in plain .txt and .md files.

A directive is a line of its own (an HTML comment, so it stays invisible in rendered Markdown):

    <!-- kjlint-disable KJ201, xx-mask -->    disable codes (or all, with no codes) from here
    <!-- kjlint-enable KJ201 -->              re-enable them
    <!-- kjlint-disable-next-line KJ301 -->   only for the next non-blank line
    <!-- kjlint-disable-file KJ7 -->          for the whole file

The comment markers are optional (`kjlint-disable KJ201` alone on a line works too). Codes may be
codes, prefixes (KJ2) or rule names, separated by commas or spaces.

In a Word draft, a Word comment (Review > New Comment) whose text is a directive suppresses the
findings in the text it is on: `kjlint-disable KJ201` on a selected sentence, `kjlint-disable`
for every rule there; `kjlint-disable-file …` in a comment anywhere covers the whole file.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .packs import Catalog
from .document import Document
from .diskcache import compile_regex

DIRECTIVE = compile_regex(
    r"^[ \t\u3000]*(?:<!--[ \t]*)?kjlint-(disable-file|disable-next-line|disable|enable)\b"
    r"[ \t:=]*([A-Za-z0-9_,\- \t]*?)[ \t]*(?:-->)?[ \t\r]*$",
    re.MULTILINE,
)


@dataclass
class Directive:
    kind: str
    selectors: list[str]  # empty = all codes
    offset: int
    end: int
    codes: set[str] | None = None  # resolved; None = all
    unknown: list[str] = field(default_factory=list)
    used: bool = False
    span: tuple[int, int] | None = None  # kind "anchored": the text a Word comment is on


def _comment_directives(doc: Document) -> dict[int, tuple[int, int]]:
    """Line of a Word comment that is a directive by itself -> the text the comment is on."""
    out = {}
    for start, end, first, stop in doc.comment_anchors:
        lines = [i for i in range(first, stop) if doc.lines[i].text.strip()]
        if len(lines) == 1:  # the directive is the whole comment
            out[lines[0]] = (start, end)
    return out


@dataclass
class Region:
    start: int
    end: int
    codes: set[str] | None
    directive: Directive


def parse_directives(doc: Document, catalog: Catalog) -> list[Directive]:
    if "kjlint-" not in doc.text:  # most documents: one substring search instead of a scan of every line
        return []
    out = []
    anchored = _comment_directives(doc) if doc.comment_anchors else {}
    for m in DIRECTIVE.finditer(doc.text):
        selectors = [s for s in re.split(r"[,\s]+", m.group(2)) if s]
        d = Directive(m.group(1), selectors, m.start(), m.end() - (1 if m.group(0).endswith("\r") else 0))
        if doc.parts and doc.part(doc.line_index(m.start())) == "comment":
            span = anchored.get(doc.line_index(m.start()))
            if span is None or d.kind == "enable":
                continue  # a directive among other words of a Word comment is none; nor is an enable
            if d.kind != "disable-file":
                d.kind, d.span = "anchored", span
        if selectors:
            d.codes = set()
            for s in selectors:
                codes = catalog.resolve(s)
                if codes:
                    d.codes.update(codes)
                else:
                    d.unknown.append(s)
        out.append(d)
    return out


def regions(doc: Document, directives: list[Directive]) -> list[Region]:
    """Turn directives into suppressed offset ranges, in the order they become known (the first
    region that covers a finding is the one whose directive counts as used).

    Open `disable` directives are indexed by code, so an `enable` only visits the ones it closes
    or narrows: the work is linear in the directives, whatever their number."""
    out: list[Region] = []
    # Open disables in opening order: key -> (directive, where its region starts, its codes now).
    open_: dict[int, tuple[Directive, int, set[str] | None]] = {}
    open_all: set[int] = set()  # keys of open disables of every code
    by_code: dict[str, set[int]] = {}
    for key, d in enumerate(directives):
        if d.kind == "disable-file":
            out.append(Region(0, len(doc.text), d.codes, d))
        elif d.kind == "disable-next-line":
            li = doc.line_index(d.offset) + 1
            while li < len(doc.lines) and not doc.lines[li].text.strip():
                li += 1
            if li < len(doc.lines):
                out.append(Region(doc.lines[li].start, doc.lines[li].end, d.codes, d))
        elif d.kind == "disable":
            open_[key] = (d, d.end, d.codes)
            if d.codes is None:
                open_all.add(key)
            for c in d.codes or ():
                by_code.setdefault(c, set()).add(key)
        elif d.kind == "enable":
            if d.codes is None:
                affected = list(open_)
            else:
                affected = sorted(open_all.union(*(by_code.get(c, ()) for c in d.codes)))
            for k in affected:
                o, start, codes = open_[k]
                if d.codes is None or codes is None or codes <= d.codes:
                    # An enable of some codes ends a disable of every code as well.
                    out.append(Region(start, d.offset, codes, o))
                    del open_[k]
                    open_all.discard(k)
                    for c in codes or ():
                        by_code[c].discard(k)
                else:  # narrowed: the codes not re-enabled stay disabled after the enable
                    out.append(Region(start, d.offset, codes & d.codes, o))
                    open_[k] = (o, d.end, codes - d.codes)
                    for c in codes & d.codes:
                        by_code[c].discard(k)
            d.used = True  # an enable is never "unused"
    for o, start, codes in open_.values():
        out.append(Region(start, len(doc.text), codes, o))
    out.extend(Region(d.span[0], d.span[1], d.codes, d) for d in directives if d.kind == "anchored" and d.span)
    return out


def unsuppressed(findings: list, regs: list[Region]) -> list:
    """The findings no region suppresses. A suppressed finding marks the directive of the first
    region (in `regs` order) that covers it and names its code (or all codes) as used.

    One sweep per code over regions sorted by start and findings sorted by offset; a Fenwick
    tree over region ends answers "the first region, among those started, that reaches this
    finding's end" in log time: O((regions + findings) log regions), not their product."""
    if not regs or not findings:
        return findings
    groups: dict[str | None, list[int]] = {}  # None: regions of every code
    for i, r in enumerate(regs):
        for key in ([None] if r.codes is None else r.codes):
            groups.setdefault(key, []).append(i)
    by_code: dict[str, list[int]] = {}
    for k in sorted(range(len(findings)), key=lambda k: findings[k].offset):
        by_code.setdefault(findings[k].code, []).append(k)
    first = [len(regs)] * len(findings)  # index of the first covering region, len(regs): none
    for key, members in groups.items():
        wanted = [k for ks in by_code.values() for k in ks] if key is None else by_code.get(key, [])
        if key is None:
            wanted.sort(key=lambda k: findings[k].offset)
        _first_covering(regs, members, findings, wanted, first)
    kept = []
    for f, i in zip(findings, first):
        if i == len(regs):
            kept.append(f)
        else:
            regs[i].directive.used = True
    return kept


def _first_covering(regs: list[Region], members: list[int], findings: list, wanted: list[int],
                    first: list[int]) -> None:
    """Lower first[k] to the smallest index in `members` of a region covering finding k
    (start <= offset and end_offset <= end + 1), for the findings `wanted`, sorted by offset."""
    if not wanted:
        return
    members = sorted(members, key=lambda i: regs[i].start)
    ends = sorted({regs[i].end for i in members})
    size = len(ends)
    tree = [len(regs)] * (size + 1)  # prefix minimum over ends taken from the largest down
    j = 0
    for k in wanted:
        f = findings[k]
        while j < len(members) and regs[members[j]].start <= f.offset:
            i = members[j]
            pos = size - bisect_left(ends, regs[i].end)  # 1 for the largest end
            while pos <= size:
                if i < tree[pos]:
                    tree[pos] = i
                pos += pos & -pos
            j += 1
        pos = size - bisect_left(ends, f.end_offset - 1)  # regions ending at end_offset - 1 or later
        best = len(regs)
        while pos > 0:
            best = min(best, tree[pos])
            pos -= pos & -pos
        if best < first[k]:
            first[k] = best
