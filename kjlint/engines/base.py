"""The engine interface: run a task function over batches somewhere, give the results back in order.

A method (kjlint.dedupe.method, kjlint.corpus) decides what the tasks are; an engine only decides
where they run. Task functions are module-level `func(context, task)`, so every engine ships them
by reference, and the context (settings, inputs) once per worker. A context is picklable and has
`prepare()` (a worker's set-up before its first task), `close()` (release what tasks opened) and
`fingerprint()` (what must be equal on the driver and every worker for the results to agree).
"""
from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from typing import Any, Callable, ClassVar, Iterable, Iterator, Protocol

Task = Callable[[Any, Any], Any]


class RunContext(Protocol):
    """What every task of a run shares; shipped once to each worker."""

    def prepare(self) -> None: ...

    def close(self) -> None: ...

    def fingerprint(self) -> str: ...

# name → "module:class", imported only when chosen (the Spark adapter needs pyspark).
ENGINES: dict[str, str] = {
    "local": "kjlint.engines.local:LocalEngine",
    "spark": "kjlint.engines.spark:SparkEngine",
}


class EngineUnavailable(RuntimeError):
    """The engine cannot start here (a missing extra, no JVM…); the message says how to fix it."""


class Engine(ABC):
    """Where a run's tasks execute. Use as a context manager around one run."""

    name: ClassVar[str]
    # Whether workers can open the driver's files (inputs by path, the spill file). When False
    # the method ships the texts a task needs inside the task.
    shares_files: bool = True
    peak_rss: int = 0  # largest worker RSS seen, bytes (0: unknown)

    @abstractmethod
    def start(self, context: Any) -> None:
        """Ship the run's context to the workers (before the first `map`)."""

    @abstractmethod
    def map(self, func: Task, tasks: Iterable, chunksize: int = 1) -> Iterator:
        """func(context, task) for every task, results in the tasks' order, computed lazily
        enough that the driver never queues the whole corpus."""

    def close(self) -> None:
        """Release workers; the engine can be started again for another run."""

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def engine_named(name: str, **options: Any) -> Engine:
    """The engine registered as `name`, built with its own options (e.g. jobs, master, conf)."""
    try:
        module, cls = ENGINES[name].split(":")
    except KeyError:
        raise ValueError(f"unknown engine {name!r} (expected {', '.join(ENGINES)})") from None
    return getattr(importlib.import_module(module), cls)(**options)
