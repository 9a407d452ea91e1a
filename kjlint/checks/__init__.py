"""Built-in checks: the algorithms behind `type: builtin` rules, one module per rule family.

A check is `func(doc, ctx, rule) -> Iterable[Hit]`, registered by name with @check("name").
Family modules are imported on first lookup so that start-up stays fast; FAMILY_MODULES names
exactly the modules that register checks (layout and textspans are helpers they share), and one
that is missing is an error rather than a family whose rules silently stop building.
"""
from __future__ import annotations

import importlib
from typing import Callable

_REGISTRY: dict[str, Callable] = {}
FAMILY_MODULES = ("meta", "duplication", "truncation", "encoding", "structure", "contamination", "script")
_loaded = False


def check(name: str):
    def register(func: Callable) -> Callable:
        if name in _REGISTRY and _REGISTRY[name] is not func:
            raise RuntimeError(f"built-in check {name!r} registered twice")
        _REGISTRY[name] = func
        return func

    return register


def get_check(name: str) -> Callable | None:
    global _loaded
    if not _loaded:
        for mod in FAMILY_MODULES:
            importlib.import_module(f"{__name__}.{mod}")
        _loaded = True
    return _REGISTRY.get(name)
