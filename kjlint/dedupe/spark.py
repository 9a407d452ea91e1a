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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pyspark is an optional extra: `pip install 'kjlint[spark]'`
    from pyspark.sql import DataFrame, SparkSession


from .normalize import NormalizeOptions
from .sources import Fields
from .verify import VerifyOptions


class SparkUnavailable(RuntimeError):
    """pyspark is missing or the JVM cannot start; the message says which and how to fix it."""


@dataclass(frozen=True)
class SparkDedupeOptions:
    """The method's parameters (the local engine's defaults); shipped to every executor."""

    fields: Fields = Fields()
    normalize: NormalizeOptions = NormalizeOptions()
    verify: VerifyOptions = VerifyOptions()
    num_perm: int = 128
    seed: int = 1
    shingle_size: int = 5
    bands: int = 16
    rows: int = 8
    keep: str = "best"


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


# --------------------------------------------------------------------------------------------
# Read: one scan per input, rows in the local engine's order
# --------------------------------------------------------------------------------------------

# A document's place in the local engine's order is (input number, file key, split start,
# rank within the split). The file key sorts like kjlint.reading.discover walks a directory:
# a folder's files (sorted) before its sub-folders (sorted), component by component.
_FILE, _DIR, _SEP = "\x01", "\x02", "\x00"

PREPARED_SCHEMA = (
    "uid long, input_no int, file_key string, block long, rank long, line long, "
    "path string, id string, valid boolean, warning string, nchars long, "
    "keys array<long>, canonical string"
)


def file_key(relative: str) -> str:
    """Sort key of a path relative to its input directory, in discover()'s walk order."""
    parts = [p for p in relative.split("/") if p]
    if not parts:
        return ""
    return _SEP.join([_DIR + d for d in parts[:-1]] + [_FILE + parts[-1]])


def _walked(relative: str) -> bool:
    """Whether discover() would yield this file of a directory (hidden, VCS, ~$ files skipped)."""
    from ..reading import SKIPPED_DIRS

    *dirs, name = relative.split("/")
    if name.startswith((".", "~$")):
        return False
    return not any(d.startswith(".") or d in SKIPPED_DIRS for d in dirs)


def _has_scheme(path: str) -> bool:
    head = path.split("/", 1)[0]
    return head.endswith(":") and len(head) > 2  # "hdfs:", "s3a:", "file:" (not "C:")


def shown_path(raw: str, relative: str) -> str:
    """The path the local engine would print for `relative` under the input `raw`."""
    if _has_scheme(raw):
        return raw.rstrip("/") + ("/" + relative if relative else "")
    return os.path.normpath(os.path.join(raw, relative)) if relative else str(os.path.normpath(raw))


@dataclass(frozen=True)
class _InputSpec:
    """One input argument as Spark sees it (picklable: shipped to the executors)."""

    number: int
    raw: str
    kind: str  # "text", "jsonl" or "parquet" (sources.kind_of)
    root: str  # fully qualified: file:/…, hdfs://…, s3a://…
    is_dir: bool

    @property
    def remote(self) -> bool:
        """Files not on the local filesystem are read from Spark's `content` column."""
        return not self.root.startswith("file:")

    def relative(self, uri: str) -> str:
        from urllib.parse import unquote

        for candidate in (uri, unquote(uri)):
            if candidate.startswith(self.root + "/"):
                return candidate[len(self.root) + 1:]
            if candidate == self.root:
                return ""
        return unquote(uri).rsplit("/", 1)[-1]


def inspect_input(spark: "SparkSession", number: int, raw: str) -> _InputSpec:
    """Classify an input like the local engine (by extension; a directory holds text files
    unless its own name ends in .jsonl/.parquet, as Spark writes them) via Hadoop's FileSystem."""
    from .sources import kind_of

    jvm = spark._jvm
    path = jvm.org.apache.hadoop.fs.Path(raw)
    fs = path.getFileSystem(spark._jsc.hadoopConfiguration())
    if not fs.exists(path):
        raise FileNotFoundError(f"{raw}: no such file or directory")
    return _InputSpec(number, raw, kind_of(raw.rstrip("/")), fs.makeQualified(path).toString().rstrip("/"),
                      bool(fs.getFileStatus(path).isDirectory()))


def scan_input(spark: "SparkSession", spec: _InputSpec, fields) -> "DataFrame":
    """The raw rows of one input with the file and split each came from."""
    from pyspark.sql import functions as F

    meta = [F.col("_metadata.file_path").alias("__file"),
            F.col("_metadata.file_block_start").alias("__block")]
    if spec.kind == "jsonl":
        return spark.read.text(spec.raw).select(F.col("value"), *meta)
    if spec.kind == "parquet":
        df = spark.read.parquet(spec.raw)
        if fields.text not in df.columns:
            raise ValueError(f"{spec.raw}: no column {fields.text!r} (columns: {', '.join(df.columns)})")
        ident = F.col(fields.id).cast("string") if fields.id in df.columns else F.lit(None).cast("string")
        return df.select(F.col(fields.text).alias("value"), ident.alias("ident"), *meta)
    reader = spark.read.format("binaryFile")
    if spec.is_dir:
        from ..reading import DEFAULT_INCLUDE

        suffixes = ",".join(p.lstrip("*.") for p in DEFAULT_INCLUDE)
        reader = reader.option("recursiveFileLookup", "true").option("pathGlobFilter", f"*.{{{suffixes}}}")
    columns = [F.col("path").alias("__file"), F.lit(0).cast("long").alias("__block")]
    if spec.remote:  # local files are read in place by the executors (no copy through the JVM)
        columns.append(F.col("content"))
    return reader.load(spec.raw).select(*columns)


# --------------------------------------------------------------------------------------------
# Normalize and sign: the local engine's functions, run inside mapPartitions
# --------------------------------------------------------------------------------------------

SIGN_BATCH = 256  # documents signed together by one vectorized sign_hashes call


def _parse_jsonl_line(line: str, where: str, fields, warnings) -> tuple[str | None, str | None]:
    """(text, id) of one JSONL line, with the local reader's rules (sources.scan_jsonl)."""
    import json

    from .sources import _text_of

    if not line.strip():
        return None, None
    try:
        obj = json.loads(line)
    except ValueError as exc:
        warnings.add(f"{where}: malformed JSON ({str(exc).split(':')[0]}), skipped")
        return None, None
    if not isinstance(obj, dict):
        warnings.add(f"{where}: not a JSON object, skipped")
        return None, None
    text = _text_of(obj.get(fields.text), where, fields.text, warnings)
    ident = obj.get(fields.id)
    return text, (str(ident) if ident is not None else None)


def _read_file_row(uri: str, shown: str, content: bytes | None, warnings) -> str | None:
    """Text of one file exactly as the local engine reads it (sources.read_text_file): local
    files are read in place; files on other filesystems go through a temporary copy."""
    import tempfile

    from .sources import read_text_file

    if content is None:
        local = uri[len("file:"):] if uri.startswith("file:") else uri
        return read_text_file(shown if os.path.exists(shown) else local, warnings)
    suffix = os.path.splitext(shown)[1]
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "doc" + suffix)
        with open(copy, "wb") as fh:
            fh.write(content)
        before = len(warnings.messages)
        text = read_text_file(copy, warnings)
        warnings.messages[before:] = [m.replace(copy, shown) for m in warnings.messages[before:]]
        return text


def prepare_partition(index: int, rows, spec: "_InputSpec", opts: "SparkDedupeOptions"):
    """Rows of one scan partition → one PREPARED_SCHEMA tuple per line/row/file.

    Valid documents carry their band keys and canonical text; invalid ones carry the warning
    (or none, for blank JSONL lines) so that line numbers stay exact."""
    import numpy as np

    from .lsh import band_keys
    from .minhash import permutations, shingle_hashes, sign_hashes
    from .normalize import normalize
    from .sources import Warnings, _text_of

    perms = permutations(opts.num_perm, opts.seed)
    pending: list[list] = []

    def flush():
        if not pending:
            return
        hashes = [shingle_hashes(row[12], opts.shingle_size) for row in pending]
        keys = band_keys(sign_hashes(hashes, perms), opts.bands, opts.rows)
        for row, k in zip(pending, keys):
            row[11] = [int(x) for x in k.view(np.int64)]
            yield tuple(row)
        pending.clear()

    segment, line, rank, counter = None, 0, 0, 0
    for row in rows:
        uri, block = row["__file"], row["__block"]
        if (uri, block) != segment:
            segment, line, rank = (uri, block), 0, 0
        relative = spec.relative(uri)
        if spec.kind == "text" and spec.is_dir and not _walked(relative):
            continue
        shown = shown_path(spec.raw, relative)
        where = f"{shown}:{line + 1}" if block == 0 else f"{shown} (split at byte {block}), line {line + 1}"
        warnings = Warnings()
        ident = None
        if spec.kind == "jsonl":
            text, ident = _parse_jsonl_line(row["value"], where, opts.fields, warnings)
        elif spec.kind == "parquet":
            where = f"{shown}#row{line}" if block == 0 else f"{shown} (split at byte {block}), row {line}"
            text = _text_of(row["value"], where, opts.fields.text, warnings)
            ident = row["ident"]
        else:
            text = _read_file_row(uri, shown, row["content"] if spec.remote else None, warnings)
            ident = shown
        uid = (spec.number << 48) | (index << 28) | counter
        counter += 1
        key = file_key(relative) if spec.kind == "text" else shown
        out = [uid, spec.number, key, int(block), rank, line, shown, ident, text is not None,
               "\n".join(warnings.messages) or None, 0, None, None]
        line += 1
        if text is None:
            yield tuple(out)
            continue
        rank += 1
        out[10] = len(text)
        out[12] = normalize(text, opts.normalize)
        pending.append(out)
        if len(pending) >= SIGN_BATCH:
            yield from flush()
    yield from flush()


def prepare(spark: "SparkSession", inputs: list[str], opts: SparkDedupeOptions) -> "DataFrame":
    """Read every input and normalize+sign its documents: one PREPARED_SCHEMA row per line/row/file."""
    from functools import partial

    from pyspark.sql.types import _parse_datatype_string

    schema = _parse_datatype_string(PREPARED_SCHEMA)
    rdds = []
    for number, raw in enumerate(inputs):
        spec = inspect_input(spark, number, raw)
        scan = scan_input(spark, spec, opts.fields)
        rdds.append(scan.rdd.mapPartitionsWithIndex(partial(prepare_partition, spec=spec, opts=opts)))
    rdd = rdds[0] if len(rdds) == 1 else spark.sparkContext.union(rdds)
    return spark.createDataFrame(rdd, schema)


def _fill_missing_ids(spark: "SparkSession", prepared: "DataFrame") -> "DataFrame":
    """JSONL lines and Parquet rows without an id are named `path:line` / `path#rowN` as in the
    local engine; line numbers need the line counts of the earlier splits of the same file."""
    from pyspark.sql import functions as F

    missing = prepared.where(F.col("valid") & F.col("id").isNull())
    if missing.limit(1).count() == 0:
        return prepared
    splits = (prepared.where(F.col("block") > 0).select("input_no", "file_key").distinct())
    counts = (prepared.join(F.broadcast(splits), ["input_no", "file_key"], "left_semi")
              .groupBy("input_no", "file_key", "block").agg(F.count("*").alias("n")).collect())
    offsets, running = [], {}
    for row in sorted(counts, key=lambda r: (r["input_no"], r["file_key"], r["block"])):
        key = (row["input_no"], row["file_key"])
        offsets.append((row["input_no"], row["file_key"], row["block"], running.get(key, 0)))
        running[key] = running.get(key, 0) + row["n"]
    table = spark.createDataFrame(offsets, "input_no int, file_key string, block long, offset long")
    with_offset = (prepared.join(F.broadcast(table), ["input_no", "file_key", "block"], "left")
                   .withColumn("offset", F.coalesce("offset", F.lit(0))))
    number = F.col("offset") + F.col("line")
    parquet = F.col("path").rlike(r"(?i)\.(parquet|pq)$")
    fallback = F.when(parquet, F.concat("path", F.lit("#row"), number.cast("string"))) \
        .otherwise(F.concat("path", F.lit(":"), (number + 1).cast("string")))
    return with_offset.withColumn("id", F.coalesce("id", fallback)).drop("offset")


def index_documents(spark: "SparkSession", prepared: "DataFrame") -> "DataFrame":
    """Valid documents numbered 0.. in the local engine's order: (index, id, path, nchars, keys,
    canonical). A sort of the narrow key columns, then one join back on the row's uid."""
    from pyspark.sql import functions as F

    valid = prepared.where("valid")
    order = valid.select("uid", "input_no", "file_key", "block", "rank") \
        .orderBy("input_no", "file_key", "block", "rank")
    numbered = spark.createDataFrame(order.rdd.map(lambda r: r["uid"]).zipWithIndex(), "uid long, index long")
    return valid.join(numbered, "uid").select("index", "id", "path", "nchars", "keys", "canonical")


def _bucket_pairs(members: list[int]) -> list[tuple[int, int]]:
    """Candidate pairs of one LSH bucket, exactly as lsh._pairs_from_runs makes them locally
    (all pairs in small buckets; consecutive and star-to-first pairs in big ones)."""
    import numpy as np

    from .lsh import _pairs_from_runs

    order = np.array(sorted(members), dtype=np.int64)
    pairs = _pairs_from_runs(order, np.zeros(len(order), dtype=np.uint64))
    return [(int(min(a, b)), int(max(a, b))) for a, b in pairs if a != b]


def candidate_pairs(spark: "SparkSession", docs: "DataFrame") -> "DataFrame":
    """(i, j) with i < j for documents sharing at least one band key: explode keys, group."""
    from pyspark.sql import functions as F

    exploded = docs.select("index", F.posexplode("keys").alias("band", "key"))
    buckets = (exploded.groupBy("band", "key").agg(F.collect_list("index").alias("members"))
               .where(F.size("members") > 1))
    pairs = buckets.rdd.flatMap(lambda r: _bucket_pairs(r["members"]))
    return spark.createDataFrame(pairs, "i long, j long").distinct()


def _verify_partition(rows, opts: SparkDedupeOptions):
    from .verify import score_pair, shingle_set

    for row in rows:
        a, b = row["text_i"], row["text_j"]
        score = score_pair(shingle_set(a, opts.shingle_size), shingle_set(b, opts.shingle_size),
                           opts.verify, a, b)
        yield (row["i"], row["j"], bool(score.duplicate), float(score.jaccard),
               float(score.containment), score.method)


def verify(spark: "SparkSession", pairs: "DataFrame", docs: "DataFrame",
           opts: SparkDedupeOptions) -> "DataFrame":
    """Every candidate pair scored with verify.score_pair on exact shingle sets."""
    from functools import partial

    from pyspark.sql import functions as F

    texts = docs.select("index", "canonical")
    joined = (pairs.join(texts.select(F.col("index").alias("i"), F.col("canonical").alias("text_i")), "i")
              .join(texts.select(F.col("index").alias("j"), F.col("canonical").alias("text_j")), "j"))
    scored = joined.rdd.mapPartitions(partial(_verify_partition, opts=opts))
    return spark.createDataFrame(
        scored, "i long, j long, duplicate boolean, jaccard double, containment double, method string")


def components(edges: "DataFrame", algorithm: str = "auto", checkpoint_dir: str | None = None) -> "DataFrame":
    """(node, component) of the verified pairs; component = smallest index, as in union_find."""
    from pyspark.sql import functions as F

    edges = edges.select(F.col("i").alias("src"), F.col("j").alias("dst"))
    if algorithm in ("auto", "graphframes") and checkpoint_dir:
        found = graphframes_components(edges, checkpoint_dir)
        if found is not None:
            return found
        if algorithm == "graphframes":
            raise SparkUnavailable("GraphFrames is not installed (pip install graphframes and add its jar)")
    return star_components(edges)
