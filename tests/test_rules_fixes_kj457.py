"""Every KJ4/KJ5/KJ7 fix on every fixture: fixes never overlap or corrupt text, the result still
encodes in the file's encoding, and re-linting no longer reports what was fixed."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kjlint.catalog import load_catalog
from kjlint.document import Document
from kjlint.engine import LintOptions, lint_document
from kjlint.fixes import apply_fixes
from kjlint.reading import decode_bytes, read_document

ROOT = Path(__file__).resolve().parent.parent
FAMILIES = ("KJ4", "KJ5", "KJ7")
FIXTURES = sorted(p for fam in ("kj4", "kj5", "kj7") for p in (ROOT / "fixtures" / "labeled").glob(f"{fam}-*.txt")) \
    + sorted((ROOT / "fixtures" / "clean").glob("*.txt"))


def ours(findings):
    return [f for f in findings if f.family in FAMILIES]


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_all_fixes_apply_cleanly(path: Path):
    catalog = load_catalog()
    doc = read_document(path)
    before = ours(lint_document(doc, catalog, LintOptions()))
    unfixable = Counter(f.code for f in before if f.fix is None)
    fixed_codes = {f.code for f in before if f.fix is not None}
    text = doc.text
    for _ in range(6):  # overlapping fixes wait for the next pass
        current = ours(lint_document(Document(text, doc.path, doc.encoding), catalog, LintOptions()))
        fixes = [f.fix for f in current if f.fix is not None]
        if not fixes:
            break
        for fx in fixes:
            assert 0 <= fx.offset <= fx.end_offset <= len(text)
        text, applied = apply_fixes(text, fixes)
        assert applied > 0
    after = ours(lint_document(Document(text, doc.path, doc.encoding), catalog, LintOptions()))
    assert not [f for f in after if f.fix is not None], "fixes did not converge"
    remaining = Counter(f.code for f in after)
    for code in fixed_codes:
        assert remaining[code] <= unfixable[code], f"{code} still reported after its fixes"
    # The result is still text the reader decodes to the same string.
    encoding = "utf-8" if doc.encoding.startswith("utf-8") else doc.encoding
    assert decode_bytes(text.encode(encoding)).text == text
    assert "\ufffd" not in text or "\ufffd" in doc.text
    if fixed_codes:
        assert text != doc.text
