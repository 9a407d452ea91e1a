"""`--level paragraph`: passages repeated across many documents (site footers, template
paragraphs), reported for cleaning rather than dropping documents.

Each line of a document's canonical form (boilerplate phrases are kept here: finding them is the
point) is squeezed like document text and hashed; a passage counts once per document.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Iterable

from .normalize import NormalizeOptions, canonical_lines, squeeze
from ..records import Record

MIN_CHARS = 12  # shorter lines (headings, dates) repeat by nature
MAX_EXAMPLES = 5


@dataclass
class Passage:
    text: str  # the first occurrence, as written
    documents: int
    examples: list[str] = field(default_factory=list)  # ids of some documents holding it

    def to_json(self) -> dict:
        return {"passage": self.text, "documents": self.documents, "examples": self.examples}


def repeated_paragraphs(records: Iterable[Record], opts: NormalizeOptions = NormalizeOptions(),
                        min_docs: int = 3, min_chars: int = MIN_CHARS) -> tuple[list[Passage], int]:
    """(passages found in at least `min_docs` documents, most frequent first; documents read)."""
    opts = replace(opts, drop_boilerplate=False)
    seen: dict[bytes, Passage] = {}
    docs = 0
    for rec in records:
        docs += 1
        raw_lines = rec.text.replace("\r", "").split("\n")
        canon_lines = canonical_lines(rec.text, replace(opts, drop_page_markers=False)).split("\n")
        mine = set()
        for raw, canon in zip(raw_lines, canon_lines):
            key_text = squeeze(canon, opts)
            if len(key_text) < min_chars:
                continue
            key = hashlib.blake2b(key_text.encode("utf-8"), digest_size=8).digest()
            if key in mine:
                continue
            mine.add(key)
            p = seen.get(key)
            if p is None:
                seen[key] = p = Passage(raw.strip(), 0)
            p.documents += 1
            if len(p.examples) < MAX_EXAMPLES:
                p.examples.append(rec.id)
    found = [p for p in seen.values() if p.documents >= min_docs]
    found.sort(key=lambda p: (-p.documents, p.text))
    return found, docs
