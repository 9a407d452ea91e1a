"""Spark engine for `kjlint dedupe`: the local engine's stages as Spark DataFrame operations.

The method is not re-implemented here. Every per-document and per-pair step (normalize, sign,
band keys, verify, keep policy) calls the same Python functions as the local engine, inside
`mapPartitions`; Spark only supplies what one machine cannot: reading from any Hadoop-compatible
path, the shuffles that group band keys into candidate pairs, connected components over the
verified pairs (iterative large-star/small-star, Kiveris et al. 2014, or GraphFrames when it is
installed) and partitioned writes.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pyspark is an optional extra: `pip install 'kjlint[spark]'`
    from pyspark.sql import DataFrame, SparkSession


class SparkUnavailable(RuntimeError):
    """pyspark is missing or the JVM cannot start; the message says which and how to fix it."""


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


def parse_conf(pairs: Iterable[str]) -> dict[str, str]:
    """`--conf key=value` options as a dict; a malformed one is a usage error naming it."""
    conf: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--conf expects key=value, got {pair!r}")
        conf[key.strip()] = value.strip()
    return conf


def spark_session(master: str = "local[*]", conf: Mapping[str, str] | None = None,
                  app_name: str = "kjlint-dedupe") -> "SparkSession":
    """Start (or reuse) a SparkSession.

    With a `local` master, Python workers run this interpreter (so they import this kjlint)
    and the defaults above apply unless `conf` overrides them. On a cluster nothing is assumed:
    `spark-submit` and `--conf` decide.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise SparkUnavailable(
            "the Spark engine needs pyspark: pip install 'kjlint[spark]' (and Java 17+)") from exc
    settings: dict[str, str] = {}
    if master.startswith("local"):
        settings.update(LOCAL_DEFAULTS)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    settings.update(conf or {})
    builder = SparkSession.builder.master(master).appName(app_name)
    for key, value in settings.items():
        builder = builder.config(key, value)
    try:
        session = builder.getOrCreate()
    except Exception as exc:  # the JVM did not start: no Java, wrong version, no memory…
        raise SparkUnavailable(f"Spark could not start on master {master!r}: {exc}") from exc
    session.sparkContext.setLogLevel(settings.get("kjlint.logLevel", "WARN"))
    return session


# --------------------------------------------------------------------------------------------
# Connected components over verified pairs
# --------------------------------------------------------------------------------------------

def _large_star(edges: "DataFrame") -> "DataFrame":
    """Each node links its larger neighbours to the smallest node of its neighbourhood."""
    from pyspark.sql import functions as F

    both = edges.union(edges.select(F.col("dst").alias("src"), F.col("src").alias("dst")))
    smallest = both.groupBy("src").agg(F.least(F.min("dst"), F.col("src")).alias("m"))
    return (both.join(smallest, "src")
            .where(F.col("dst") > F.col("src"))
            .select(F.col("dst").alias("src"), F.col("m").alias("dst"))
            .distinct())


def _small_star(edges: "DataFrame") -> "DataFrame":
    """Each node links itself and its smaller neighbours to the smallest of them."""
    from pyspark.sql import functions as F

    oriented = edges.select(F.greatest("src", "dst").alias("src"), F.least("src", "dst").alias("dst"))
    smallest = oriented.groupBy("src").agg(F.least(F.min("dst"), F.col("src")).alias("m"))
    members = oriented.union(oriented.select("src", F.col("src").alias("dst")))
    return (members.join(smallest, "src")
            .where(F.col("dst") != F.col("m"))
            .select(F.col("dst").alias("src"), F.col("m").alias("dst"))
            .distinct())


def _is_star_forest(edges: "DataFrame") -> bool:
    """Converged when every node has one out-edge and it points at a root (a node without one)."""
    from pyspark.sql import functions as F

    row = edges.agg(F.count("*").alias("n"), F.countDistinct("src").alias("sources")).first()
    if row["n"] != row["sources"]:
        return False
    sources = edges.select(F.col("src").alias("dst")).distinct()
    return edges.join(sources, "dst", "left_semi").limit(1).count() == 0


def star_components(edges: "DataFrame", max_iterations: int = 64) -> "DataFrame":
    """Connected components of an undirected graph given as (src, dst) long pairs.

    Returns (node, component) for every node that has an edge, component = smallest node of
    its component, so the result does not depend on partitioning or iteration order.
    Large-star then small-star until the graph is a forest of stars (O(log^2 n) rounds);
    each round is checkpointed locally so the query plan does not grow with the rounds.
    """
    from pyspark.sql import functions as F

    current = (edges.select(F.col("src").cast("long"), F.col("dst").cast("long"))
               .where(F.col("src") != F.col("dst"))
               .select(F.greatest("src", "dst").alias("src"), F.least("src", "dst").alias("dst"))
               .distinct())
    for _ in range(max_iterations):
        current = _small_star(_large_star(current)).localCheckpoint(eager=True)
        if _is_star_forest(current):
            break
    else:
        raise RuntimeError(f"connected components did not converge in {max_iterations} rounds")
    roots = current.select(F.col("dst").alias("node"), F.col("dst").alias("component")).distinct()
    return current.select(F.col("src").alias("node"), F.col("dst").alias("component")).union(roots)


def graphframes_components(edges: "DataFrame", checkpoint_dir: str) -> "DataFrame | None":
    """GraphFrames' connected components when the package (and its jar) is installed, else None."""
    try:
        from graphframes import GraphFrame  # type: ignore[import-not-found]
    except ImportError:
        return None
    from pyspark.sql import functions as F

    spark = edges.sparkSession
    spark.sparkContext.setCheckpointDir(checkpoint_dir)
    vertices = (edges.select(F.col("src").alias("id"))
                .union(edges.select(F.col("dst").alias("id"))).distinct())
    try:
        labelled = GraphFrame(vertices, edges).connectedComponents()
    except Exception:  # the Python package without its jar on the classpath
        return None
    # GraphFrames labels a component by an arbitrary member; relabel by the smallest node.
    smallest = labelled.groupBy("component").agg(F.min("id").alias("root"))
    return labelled.join(smallest, "component").select(F.col("id").alias("node"),
                                                        F.col("root").alias("component"))
