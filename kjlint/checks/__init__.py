"""Built-in checks: the algorithms behind `type: builtin` rules, one module per rule family.

A check is `func(doc, ctx, rule) -> Iterable[Hit]`, registered by name with @check("name") from
kjlint.checks.registry. Family modules are imported on first lookup so that start-up stays fast;
FAMILY_MODULES names exactly the modules that register checks (layout and textspans are helpers
they share), and one that is missing is an error rather than a family whose rules silently stop
building.
"""
from __future__ import annotations

import importlib
from typing import Callable

from .registry import _REGISTRY

FAMILY_MODULES = ("meta", "duplication", "placeholders", "truncation", "encoding", "structure", "contamination", "script")
_loaded = False


def get_check(name: str) -> Callable | None:
    global _loaded
    if not _loaded:
        for mod in FAMILY_MODULES:
            importlib.import_module(f"{__name__}.{mod}")
        _loaded = True
    return _REGISTRY.get(name)
