"""The executor side of the Spark engine (no pyspark import): run a task over a partition.

Tasks, context and results cross the wire as pickled bytes, so nothing of kjlint is unpickled
before `_bootstrap` has put the driver's package first on sys.path.
"""
from __future__ import annotations

import importlib
import pickle
from typing import Any, Iterable, Iterator

from .fingerprint import require_fingerprint

_CONTEXTS: dict[str, Any] = {}  # run → unpickled context, once per worker process


def _context(run: str, broadcast) -> Any:
    if run not in _CONTEXTS:
        _CONTEXTS.clear()
        _CONTEXTS[run] = context = pickle.loads(broadcast.value)
        context.prepare()
    return _CONTEXTS[run]


def run_partition(items: Iterable[bytes], *, func: str, run: str, context, method: str) -> Iterator[bytes]:
    """func(context, task) for every pickled task, after checking this worker runs the driver's method."""
    ctx = _context(run, context)
    require_fingerprint(method, ctx.fingerprint())
    module, name = func.split(":")
    task = getattr(importlib.import_module(module), name)
    for item in items:
        yield pickle.dumps(task(ctx, pickle.loads(item)), protocol=5)
