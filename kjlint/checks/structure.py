"""KJ5 structure: document profile, title and required sections."""
from __future__ import annotations

import re

from ..catalog import PackError, Profile
from ..document import Document, Span
from ..normalize import strip_pinyin_annotations, to_simplified
from ..ruletypes import Context, Hit

# Heading numbering of the official hierarchy: 一、 （一） 1. 1、 （1）, and 第一部分/第一章.
HEADING_MARK = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]|\d{1,2}[、.．](?!\d)|"
    r"[（(]\d{1,2}[）)]|第[一二三四五六七八九十百\d]+[部分章节条篇]?)"
)
SENTENCE_END = "。！？!?；;：:…"
TITLE_SCAN = 12  # paragraphs from the top searched for the title


def is_heading(p: Span, max_len: int = 40) -> bool:
    """A short paragraph that starts with heading numbering, or a short one with no sentence end."""
    text = p.text
    if len(text) > max_len:
        return False
    if HEADING_MARK.match(text):
        return True
    return len(text) <= 25 and text[-1] not in SENTENCE_END and "，" not in text and "," not in text


def find_title(doc: Document, ctx: Context) -> tuple[Span | None, Profile | None]:
    """The title paragraph and the profile it names (memoized per document)."""
    if "title" in ctx.memo:
        return ctx.memo["title"]
    result: tuple[Span | None, Profile | None] = (None, None)
    profiles = list(ctx.catalog.profiles.values())
    for p in doc.paragraphs[:TITLE_SCAN]:
        if len(p.text) > 60 or p.text[-1] in "。；;":
            continue
        plain = to_simplified(strip_pinyin_annotations(p.text))
        for profile in profiles:
            if any(pat.search(plain) for pat in profile.title_patterns):
                result = (p, profile)
                break
        if result[0] is not None:
            break
    ctx.memo["title"] = result
    return result


def document_profile(doc: Document, ctx: Context) -> tuple[Span | None, Profile | None]:
    title, profile = find_title(doc, ctx)
    if ctx.profile:
        forced = ctx.catalog.profiles.get(ctx.profile)
        if forced is None:
            raise PackError(f"configuration: unknown profile {ctx.profile!r} "
                            f"(known: {', '.join(sorted(ctx.catalog.profiles))})")
        profile = forced
    return title, profile


def check_required_sections(doc: Document, ctx: Context, rule) -> list[Hit]:
    title, profile = document_profile(doc, ctx)
    if profile is None:
        return []
    sections = ctx.required_sections if ctx.required_sections is not None else profile.sections
    max_len = int(rule.params.get("max-heading-length", 40))
    headings = [to_simplified(strip_pinyin_annotations(p.text)) for p in doc.paragraphs
                if is_heading(p, max_len)]
    anchor = title or (doc.paragraphs[0] if doc.paragraphs else None)
    start, end = (anchor.start, anchor.end) if anchor else (0, 0)
    hits = []
    for sec in sections:
        words = sec["any"]
        if not any(to_simplified(w) in h for h in headings for w in words):
            hits.append(Hit(start, end, {"section": sec["label"], "profile": profile.label,
                                         "keywords": " / ".join(words)}))
    return hits
