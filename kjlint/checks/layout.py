"""The document as it reads: the parts of a text that are not the document itself.

Scraped copies carry site furniture (KJ601, KJ602) and page numbers of document-sharing sites
(KJ605). Rules that judge the document's own structure and wording read past them, so that one
contamination defect is reported once, by its own rule, and does not cascade into a missing
title, a numbering gap or a truncated ending. Positions stay those of the original text.
"""
from __future__ import annotations

from ..document import Document, Span
from ..ruletypes import Context, rule_hits

FURNITURE = ("KJ601", "KJ602")  # whole lines that are not part of the document
PAGE_NUMBERS = "KJ605"  # a page number at the start of a paragraph, continuing the one before


def flagged_lines(doc: Document, ctx: Context, codes: list[str] | tuple[str, ...]) -> set[int]:
    """0-based line indexes covered by findings of the named rules (memoized per document).
    A rule the user deselected still counts: what it recognizes is still not the document."""
    out: set[int] = set()
    for code in codes:
        key = f"flagged-lines:{code}"
        if key not in ctx.memo:
            rule = ctx.catalog.rules.get(code)
            lines: set[int] = set()
            if rule is not None and rule.run is not None and rule.enabled:
                for hit in rule_hits(rule, doc, ctx):
                    first, last = doc.line_index(hit.offset), doc.line_index(max(hit.offset, hit.end - 1))
                    lines.update(range(first, last + 1))
            ctx.memo[key] = lines
        out |= ctx.memo[key]
    return out


def page_number_ends(doc: Document, ctx: Context) -> dict[int, int]:
    """{paragraph start: end of its page number} for paragraphs that begin with one."""
    key = "page-number-ends"
    if key not in ctx.memo:
        rule = ctx.catalog.rules.get(PAGE_NUMBERS)
        ctx.memo[key] = ({hit.offset: hit.end for hit in rule_hits(rule, doc, ctx)}
                         if rule is not None and rule.run is not None and rule.enabled else {})
    return ctx.memo[key]


def reading_paragraphs(doc: Document, ctx: Context) -> list[Span]:
    """The paragraphs of the document as it reads: furniture lines left out, page numbers cut
    off the paragraphs they start (memoized per document)."""
    out = ctx.memo.get("reading-paragraphs")
    if out is None:
        furniture = flagged_lines(doc, ctx, FURNITURE)
        pages = page_number_ends(doc, ctx)
        out = []
        for p in doc.paragraphs:
            if doc.line_index(p.start) in furniture:
                continue
            cut = pages.get(p.start)
            if cut is not None:
                rest = doc.text[cut:p.end].lstrip(" \t\u3000")
                if not rest:
                    continue
                p = Span(p.end - len(rest), p.end, rest)
            out.append(p)
        ctx.memo["reading-paragraphs"] = out
    return out
