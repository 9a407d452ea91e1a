"""The local engine: tasks in worker processes of this machine (forkserver), in order, bounded."""
from __future__ import annotations

import collections
import itertools
import multiprocessing
import os
from typing import Any, Iterable, Iterator

from ..processes import exit_with_parent, own_peak_rss
from .base import Engine, Task

_CONTEXT: Any = None  # this process's copy of the run's context
PRELOAD = ("kjlint.dedupe.method.resolve", "kjlint.dedupe.method.sign", "kjlint.dedupe.keep",
           "kjlint.catalog", "kjlint.engine", "kjlint.linting")


def _init_worker(context: Any) -> None:
    """A pool worker's set-up; a busy worker stops at once when the main process is killed."""
    global _CONTEXT
    exit_with_parent()
    _CONTEXT = context
    context.prepare()


def _run_many(func: Task, items: list) -> tuple[list, int]:
    """Results plus this worker's peak RSS (forkserver workers are not our children, so
    RUSAGE_CHILDREN would not see them)."""
    return [func(_CONTEXT, x) for x in items], own_peak_rss()


class LocalEngine(Engine):
    """A process pool started only when there are at least two tasks; one task runs in-process."""

    name = "local"

    def __init__(self, jobs: int | None = None):
        self.jobs = jobs or os.cpu_count() or 1
        self.context: Any = None
        self.pool = None
        self._prepared = False  # this process set up for in-process tasks
        self.peak_rss = 0

    def start(self, context: Any) -> None:
        global _CONTEXT
        self.context = _CONTEXT = context  # in-process execution uses the same global
        self._prepared = False

    def map(self, func: Task, tasks: Iterable, chunksize: int = 1) -> Iterator:
        """At most a few chunks per worker are in flight, so a fast reader never queues the
        whole corpus in memory (Pool.imap has no backpressure)."""
        it = iter(tasks)
        head = list(itertools.islice(it, 2))
        if self.jobs <= 1 or len(head) < 2:
            if not self._prepared:
                self.context.prepare()
                self._prepared = True
            return (func(self.context, t) for t in itertools.chain(head, it))
        if self.pool is None:
            ctx = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
            if ctx.get_start_method() == "forkserver":
                # imported once in the server, not once per worker: each worker's start-up is shorter
                ctx.set_forkserver_preload(list(PRELOAD))
            self.pool = ctx.Pool(self.jobs, initializer=_init_worker, initargs=(self.context,))
        return self._bounded(func, itertools.chain(head, it), chunksize)

    def _bounded(self, func: Task, tasks: Iterator, chunksize: int) -> Iterator:
        window: collections.deque = collections.deque()
        limit = 3 * self.jobs
        while True:
            chunk = list(itertools.islice(tasks, chunksize))
            if chunk:
                window.append(self.pool.apply_async(_run_many, (func, chunk)))
            if window and (len(window) >= limit or not chunk):
                results, rss = window.popleft().get()
                self.peak_rss = max(self.peak_rss, rss)
                yield from results
            elif not chunk:
                return

    def close(self) -> None:
        if self.context is not None:
            self.context.close()  # the in-process readers
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None
