"""kjlint: a quality-control linter and deduplicator for Chinese official documents."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "lint_text", "lint_document", "lint_paths", "Document", "Finding", "load_catalog"]


def __getattr__(name: str):
    # Lazy re-exports keep `import kjlint` (and the CLI's start-up) cheap.
    if name in ("lint_text", "lint_document"):
        from . import engine
        return getattr(engine, name)
    if name == "lint_paths":
        from .runner import lint_paths
        return lint_paths
    if name == "Document":
        from .document import Document
        return Document
    if name == "Finding":
        from .findings import Finding
        return Finding
    if name == "load_catalog":
        from .catalog import load_catalog
        return load_catalog
    raise AttributeError(f"module 'kjlint' has no attribute {name!r}")
