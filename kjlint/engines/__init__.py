"""Engines: how the method's batches are distributed and gathered (`--engine NAME`).

An engine is one adapter file: a subclass of `base.Engine` registered in `base.ENGINES` by
module path, so a third one (Ray, Dask) is one more file and one more line there.
"""
from .base import ENGINES, Engine, engine_named

__all__ = ["ENGINES", "Engine", "engine_named"]
