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
from dataclasses import dataclass, field

from .catalog import Catalog
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
    """Turn directives into suppressed offset ranges."""
    out: list[Region] = []
    open_: list[Directive] = []
    for d in directives:
        if d.kind == "disable-file":
            out.append(Region(0, len(doc.text), d.codes, d))
        elif d.kind == "disable-next-line":
            li = doc.line_index(d.offset) + 1
            while li < len(doc.lines) and not doc.lines[li].text.strip():
                li += 1
            if li < len(doc.lines):
                out.append(Region(doc.lines[li].start, doc.lines[li].end, d.codes, d))
        elif d.kind == "disable":
            open_.append(d)
        elif d.kind == "enable":
            still_open = []
            for o in open_:
                if d.codes is None or o.codes is None or o.codes <= d.codes:
                    out.append(Region(o.end, d.offset, o.codes, o))
                    if d.codes is not None and o.codes is None:
                        continue
                else:
                    out.append(Region(o.end, d.offset, o.codes & d.codes, o))
                    still_open.append(Directive(o.kind, o.selectors, d.end, d.end, o.codes - d.codes))
                    continue
            open_ = still_open
            d.used = True  # an enable is never "unused"
    for o in open_:
        out.append(Region(o.end, len(doc.text), o.codes, o))
    out.extend(Region(d.span[0], d.span[1], d.codes, d) for d in directives if d.kind == "anchored" and d.span)
    return out


def is_suppressed(code: str, offset: int, end: int, regs: list[Region]) -> Region | None:
    for r in regs:
        if r.start <= offset and end <= r.end + 1 and (r.codes is None or code in r.codes):
            return r
    return None
