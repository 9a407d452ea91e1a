#!/usr/bin/env python3
"""Check label files of the real-world corpus against their documents (docs/labeling.md).

usage: python scripts/labelcheck.py fixtures/realworld/labels/first/a001.yaml ...
Prints one line per problem (quote not found, unknown family or rule, missing field); exit 1 if any.
Needs only Python and PyYAML for pages: labelers run it without installing kjlint. Word files
(`kind: word`) are quoted from the text kjlint's Word reader gives (what Word shows), so checking
their labels imports kjlint.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

REALWORLD = Path(__file__).resolve().parent.parent / "fixtures" / "realworld"
FAMILIES = {f"KJ{i}" for i in range(1, 8)}
RULE = re.compile(r"KJ[1-7]\d\d$")


def documents() -> dict[str, Path]:
    manifest = REALWORLD / "manifest.jsonl"
    lines = manifest.read_text(encoding="utf-8").splitlines() if manifest.is_file() else []
    found = {e["id"]: REALWORLD / e["file"] for e in map(json.loads, filter(str.strip, lines))}
    for txt in (REALWORLD / "pages").glob("*.txt"):  # documents not yet in the merged manifest
        found.setdefault(txt.stem, txt)
    for docx in (REALWORLD / "docx").glob("*.docx"):
        found.setdefault(docx.stem, docx)
    return found


def document_text(doc_id: str, docs: dict[str, Path] | None = None) -> str:
    """The text a document's labels quote: a page's file as stored; a Word file as kjlint's Word
    reader renders it (list numbers, table cells and headers/footers as lines), since that is the
    text kjlint's findings point into (tests/quality.py lints the Document that same reader gives,
    kjlint.reading.read_document, and locates the quotes in its text)."""
    path = (docs if docs is not None else documents())[doc_id]
    if path.suffix.lower() == ".docx":
        from kjlint.reading import read_document  # only Word files need kjlint

        return read_document(path).text
    return path.read_text(encoding="utf-8")


def problems(path: Path, docs: dict[str, Path]) -> list[str]:
    try:
        spec = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        return [f"{path}: cannot read: {exc}"]
    doc_id = str(spec.get("doc") or path.stem)
    if doc_id not in docs:
        return [f"{path}: no document {doc_id!r}"]
    text = document_text(doc_id, docs)
    out = []
    for n, item in enumerate(spec.get("defects") or [], 1):
        if not isinstance(item, dict):
            out.append(f"{path}: defect {n} is not a mapping")
            continue
        if item.get("family") not in FAMILIES:
            out.append(f"{path}: defect {n}: family {item.get('family')!r} is not one of KJ1..KJ7")
        rule = item.get("rule")
        if rule is not None and (not RULE.match(str(rule)) or str(rule)[:3] != item.get("family")):
            out.append(f"{path}: defect {n}: rule {rule!r} does not belong to family {item.get('family')!r}")
        if item.get("scope") == "document":
            continue
        out += quote_problems(path, f"defect {n}", item, text)
    for n, item in enumerate(spec.get("must_not_flag") or [], 1):
        out += quote_problems(path, f"must_not_flag {n}", item if isinstance(item, dict) else {}, text)
    return out


def quote_problems(path: Path, what: str, item: dict, text: str) -> list[str]:
    quote, nth = item.get("text"), item.get("nth", 1)
    if not isinstance(quote, str) or not quote:
        return [f"{path}: {what}: no text (use scope: document for a document-wide defect)"]
    if not isinstance(nth, int) or nth < 1:
        return [f"{path}: {what}: nth must be a positive integer"]
    count = text.count(quote)
    if count < nth:
        return [f"{path}: {what}: {quote!r} occurs {count} time(s) in the document, nth is {nth}"]
    return []


def main(argv: list[str]) -> int:
    docs = documents()
    bad = [p for arg in argv for p in problems(Path(arg), docs)]
    print("\n".join(bad) if bad else f"{len(argv)} file(s) ok")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
