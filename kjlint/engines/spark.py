"""The Spark engine: a run's tasks as Spark tasks (`--engine spark`), nothing else.

The driver runs the method (`kjlint dedupe`'s or `kjlint check`'s on a corpus) as with the local
engine; each batch of tasks becomes one Spark job over `parallelize`, gathered in order, so the
driver holds one job's tasks and results at a time. Executors import the package the driver
imported (shipped as a zip through SparkContext.addFile, see `_bootstrap`), and every task checks
the driver's fingerprint of the run (`context.fingerprint()`).
"""
from __future__ import annotations

import os
import pickle
import sys
import tempfile
import uuid
import zipfile
from collections.abc import Iterable, Mapping
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from ..i18n import _
from .fingerprint import MethodMismatch, method_mismatch_message
from . import _bootstrap
from .base import Engine, EngineUnavailable, Task

if TYPE_CHECKING:  # pyspark is an optional extra: `pip install 'kjlint[spark]'`
    from pyspark.sql import SparkSession

__all__ = ["MethodMismatch", "SparkEngine", "SparkUnavailable", "spark_session"]


class SparkUnavailable(EngineUnavailable):
    """pyspark is missing or the JVM cannot start; the message says which and how to fix it."""


DEFAULT_MASTER = "local[*]"
# Defaults for a local master: the web UI and a large shuffle fan-out only slow small runs down.
LOCAL_DEFAULTS = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "8",
    "spark.default.parallelism": "8",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.sql.adaptive.enabled": "true",
    "spark.python.worker.reuse": "true",
}


def spark_session(master: str = DEFAULT_MASTER, conf: Mapping[str, str] | None = None,
                  app_name: str = "kjlint") -> "SparkSession":
    """Start (or reuse) a SparkSession.

    Under `spark-submit` the default master is left to spark-submit's own `--master`.
    With a `local` master, Python workers run this interpreter and the defaults above apply unless `conf` overrides them. On a cluster nothing is assumed:
    `spark-submit` and `--conf` decide.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise SparkUnavailable(
            "the Spark engine needs pyspark: pip install 'kjlint[spark]' (and Java 17+)") from exc
    if os.environ.get("PYSPARK_GATEWAY_PORT") and master == DEFAULT_MASTER:
        master = ""  # under spark-submit: its --master decides, not our default
    settings: dict[str, str] = {}
    if master.startswith("local"):
        settings.update(LOCAL_DEFAULTS)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    settings.update(conf or {})
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    for key, value in settings.items():
        builder = builder.config(key, value)
    try:
        session = builder.getOrCreate()
    except Exception as exc:  # the JVM did not start: no Java, wrong version, no memory…
        raise SparkUnavailable(_("Spark could not start on master {master}: {problem}").format(
            master=repr(master), problem=exc)) from exc
    session.sparkContext.setLogLevel(settings.get("kjlint.logLevel", "WARN"))
    return session


def package_zip(directory: str | None = None) -> Path:
    """A zip of the kjlint package this process imported (plus the checkout's rules/ folder when
    the rule packs live beside the package), named by its content so each version ships once."""
    import kjlint

    from ..packs import builtin_rules_dir

    package = Path(kjlint.__file__).resolve().parent
    rules = builtin_rules_dir().resolve()
    trees = [(package, "kjlint")] + ([] if rules.is_relative_to(package) else [(rules, "rules")])
    files = [(p, f"{name}/{p.relative_to(top).as_posix()}") for top, name in trees for p in sorted(top.rglob("*"))
             if p.is_file() and "__pycache__" not in p.parts and not p.name.endswith((".pyc", ".pyo"))
             and not any(part.startswith(".") for part in p.relative_to(top).parts)]
    import hashlib

    digest = hashlib.sha1()
    for path, name in files:
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    target = Path(directory or tempfile.gettempdir()) / f"kjlint-{digest.hexdigest()[:16]}.zip"
    if not target.exists():
        staging = target.with_suffix(f".{os.getpid()}.tmp")
        with zipfile.ZipFile(staging, "w", zipfile.ZIP_DEFLATED) as zf:
            for path, name in files:
                zf.write(path, name)
        os.replace(staging, target)
    return target


class SparkEngine(Engine):
    """Tasks on a Spark cluster. `session`: an existing SparkSession (else one is started from
    `master` and `conf`, and stopped at `close` when it is a local one)."""

    name = "spark"

    def __init__(self, session: "SparkSession | None" = None, master: str = DEFAULT_MASTER,
                 conf: Mapping[str, str] | None = None, tasks_per_job: int = 64):
        self.session, self.master, self.conf = session, master, dict(conf or {})
        self.tasks_per_job = tasks_per_job
        self._own = False
        self.peak_rss = 0

    @property
    def shares_files(self) -> bool:
        """Executors run on this machine (a `local[…]` master): they can open the driver's files.
        Under spark-submit the master is the one spark-submit was given."""
        master = self._session().sparkContext.master
        return master == "local" or master.startswith("local[")

    def _session(self) -> "SparkSession":
        if self.session is None:
            try:
                from pyspark.sql import SparkSession
            except ImportError as exc:
                raise SparkUnavailable("the Spark engine needs pyspark: pip install 'kjlint[spark]' (and Java 17+)") from exc
            self._own = SparkSession.getActiveSession() is None
            self.session = spark_session(self.master, self.conf)
        return self.session

    def start(self, context: Any) -> None:
        self._session()
        _register_bootstrap()
        sc = self.session.sparkContext
        archive = package_zip()
        sc.addFile(str(archive))
        # Every executor must run the driver's method (same kjlint code, rule packs and settings).
        self._ship = dict(archive=archive.name, run=uuid.uuid4().hex, context=sc.broadcast(pickle.dumps(context, protocol=5)),
                          method=context.fingerprint())

    def map(self, func: Task, tasks: Iterable, chunksize: int = 1) -> Iterator:
        sc = self.session.sparkContext
        run = partial(_bootstrap.run_shipped, func=f"{func.__module__}:{func.__name__}", **self._ship)
        per_job = self.tasks_per_job * max(1, chunksize)
        it = iter(tasks)
        while chunk := [pickle.dumps(t, protocol=5) for t in islice(it, per_job)]:
            slices = max(1, min(len(chunk), sc.defaultParallelism * 2, -(-len(chunk) // chunksize)))
            try:
                gathered = sc.parallelize(chunk, slices).mapPartitions(run).collect()
            except Exception as exc:  # a task failed; Spark wraps the executor's exception in its own
                mismatch = method_mismatch_message(exc)
                if mismatch is None:
                    raise
                raise MethodMismatch(mismatch) from None
            for data in gathered:
                yield pickle.loads(data)

    def close(self) -> None:
        if self._own and self.session is not None and self.session.sparkContext.master.startswith("local"):
            self.session.stop()
            self.session = None
            self._own = False


def _register_bootstrap() -> None:
    """Ship `_bootstrap` by value: unpickling it must not import kjlint on the worker."""
    from pyspark import cloudpickle

    cloudpickle.register_pickle_by_value(_bootstrap)
