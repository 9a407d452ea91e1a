"""Engines: how the method's batches are distributed and gathered (`--engine NAME`).

An engine is one adapter file: a subclass of `base.Engine` registered in `ENGINES` below by
module path, so a third one (Ray, Dask) is one more file and one more line here. The registry
sits above the adapters (which import `base`), not in `base`, so that no module imports back
the one that imports it by name.
"""
from __future__ import annotations

import importlib
from typing import Any

from .base import Engine

# name → "module:class", imported only when chosen (the Spark adapter needs pyspark).
ENGINES: dict[str, str] = {
    "local": "kjlint.engines.local:LocalEngine",
    "spark": "kjlint.engines.spark:SparkEngine",
}


def engine_named(name: str, **options: Any) -> Engine:
    """The engine registered as `name`, built with its own options (e.g. jobs, master, conf)."""
    try:
        module, cls = ENGINES[name].split(":")
    except KeyError:
        raise ValueError(f"unknown engine {name!r} (expected {', '.join(ENGINES)})") from None
    return getattr(importlib.import_module(module), cls)(**options)


__all__ = ["ENGINES", "Engine", "engine_named"]
