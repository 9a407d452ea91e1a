"""Fixtures are stored in the repository, not linked: session 14 committed fresh9's pages as a
link to a temporary folder, and a later machine had only the link (the pages were lost)."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_no_fixture_is_a_link():
    links = [str(p.relative_to(ROOT)) for p in (ROOT / "fixtures").rglob("*") if p.is_symlink()]
    assert links == []
