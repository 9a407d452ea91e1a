"""The registry the family modules add their checks to with @check("name").

Its own module, below the families: kjlint.checks imports every family by name, so the decorator
they import cannot live there without an import circle."""
from __future__ import annotations

from typing import Callable

_REGISTRY: dict[str, Callable] = {}


def check(name: str):
    def register(func: Callable) -> Callable:
        if name in _REGISTRY and _REGISTRY[name] is not func:
            raise RuntimeError(f"built-in check {name!r} registered twice")
        _REGISTRY[name] = func
        return func

    return register
