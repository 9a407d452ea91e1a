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
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pyspark is an optional extra: `pip install 'kjlint[spark]'`
    from pyspark.sql import DataFrame, SparkSession

    from .sources import Warnings


from .pipeline import REPEATED_IDS, DedupeConfig


class SparkUnavailable(RuntimeError):
    """pyspark is missing or the JVM cannot start; the message says which and how to fix it."""


class MethodMismatch(RuntimeError):
    """An executor runs other kjlint code, rule packs or settings than the driver: its
    signatures, verdicts and quality findings would not match the rest of the run's."""


# --------------------------------------------------------------------------------------------
# The same method on every executor
# --------------------------------------------------------------------------------------------

def _source_digest(roots: tuple[str, ...]) -> str:
    """SHA-1 of every file under `roots` (relative name and bytes; caches, compiled files and
    hidden files such as editors' swap files skipped). Works on packages imported from a zip
    (`--py-files`) through importlib.resources."""
    import hashlib
    from importlib.resources import files

    digest = hashlib.sha1()

    def walk(node, prefix: str):
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            name = f"{prefix}/{child.name}"
            if child.name == "__pycache__" or child.name.startswith(".") or child.name.endswith((".pyc", ".pyo")):
                continue
            if child.is_dir():
                walk(child, name)
            else:
                digest.update(name.encode("utf-8") + b"\0" + child.read_bytes() + b"\0")

    for root in roots:
        node = files(root) if "/" not in root and os.sep not in root else Path(root)
        if node.is_dir():
            walk(node, os.path.basename(str(root).rstrip("/")) or root)
    return digest.hexdigest()[:12]


@lru_cache(maxsize=8)
def method_fingerprint(config: DedupeConfig) -> str:
    """What decides a run's results in this process: kjlint's version, a digest of its code and
    rule packs, and the settings that change a signature (DedupeConfig.settings_key, which
    includes the boilerplate phrases read from the packs).

    Computed once per process, on first use: the driver's value is what it started with, so an
    executor whose kjlint differs (another version in the cluster image, or a source tree edited
    while a run was going) is caught by `require_method` instead of silently producing other
    signatures or keep decisions."""
    from .. import __version__
    from ..catalog import builtin_rules_dir

    package = Path(__file__).resolve().parent.parent
    rules = builtin_rules_dir().resolve()
    roots = ("kjlint",) if rules.is_relative_to(package) else ("kjlint", str(rules))
    return f"kjlint {__version__}, code+rules {_source_digest(roots)}, settings {config.settings_key()}"


def method_mismatch_message(exc: BaseException) -> str | None:
    """The MethodMismatch message inside a failed Spark job's exception, if that is what failed."""
    marker = MethodMismatch.__name__ + ": "
    for line in str(exc).splitlines():
        if marker in line:
            return line.split(marker, 1)[1].strip()
    return str(exc) if isinstance(exc, MethodMismatch) else None


def require_method(expected: str, config: DedupeConfig) -> None:
    """Raise MethodMismatch when this process would not run the driver's method."""
    here = method_fingerprint(config)
    if here != expected:
        raise MethodMismatch(
            f"this executor runs a different kjlint than the driver ({here} here, {expected} on the "
            "driver): install the same kjlint version and rule packs on every node, and do not edit "
            "a source checkout while a run is going")


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


def parse_conf(pairs: Iterable[str]) -> dict[str, str]:
    """`--conf key=value` options as a dict; a malformed one is a usage error naming it."""
    conf: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--conf expects key=value, got {pair!r}")
        conf[key.strip()] = value.strip()
    return conf


def spark_session(master: str = DEFAULT_MASTER, conf: Mapping[str, str] | None = None,
                  app_name: str = "kjlint-dedupe") -> "SparkSession":
    """Start (or reuse) a SparkSession.

    Under `spark-submit` the default master is left to spark-submit's own `--master`.
    With a `local` master, Python workers run this interpreter (so they import this kjlint)
    and the defaults above apply unless `conf` overrides them. On a cluster nothing is assumed:
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
        raise SparkUnavailable(f"Spark could not start on master {master!r}: {exc}") from exc
    session.sparkContext.setLogLevel(settings.get("kjlint.logLevel", "WARN"))
    return session


# --------------------------------------------------------------------------------------------
# Connected components over verified pairs
# --------------------------------------------------------------------------------------------

def _large_star(edges: "DataFrame") -> "DataFrame":
    """Each node links its larger neighbours to the smallest node of its neighbourhood."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    both = edges.union(edges.select(F.col("dst").alias("src"), F.col("src").alias("dst")))
    smallest = F.least(F.min("dst").over(Window.partitionBy("src")), F.col("src"))
    return (both.withColumn("m", smallest)
            .where(F.col("dst") > F.col("src"))
            .select(F.col("dst").alias("src"), F.col("m").alias("dst"))
            .distinct())


def _small_star(edges: "DataFrame") -> "DataFrame":
    """Each node links itself and its smaller neighbours to the smallest of them."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    oriented = edges.select(F.greatest("src", "dst").alias("src"), F.least("src", "dst").alias("dst"))
    smallest = F.least(F.min("dst").over(Window.partitionBy("src")), F.col("src"))
    linked = oriented.withColumn("m", smallest)
    members = linked.select(F.col("dst").alias("node"), "m").union(linked.select(F.col("src").alias("node"), "m"))
    return (members.where(F.col("node") != F.col("m"))
            .select(F.col("node").alias("src"), F.col("m").alias("dst"))
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
    "path string, id string, valid boolean, warning string, chars long, norm_len int, "
    "norm_hash long, keys array<long>, prefix_keys array<long>, text string"
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
# Normalize and sign: pipeline.sign_texts inside mapPartitions
# --------------------------------------------------------------------------------------------

def _read_file_row(uri: str, shown: str, content: bytes | None, warnings) -> str | None:
    """Text of one file exactly as the local engine reads it (sources.read_text_file): local
    files are read in place; files on other filesystems go through a temporary copy."""
    import tempfile

    from .sources import read_text_file

    if content is None:
        local = uri[len("file:"):] if uri.startswith("file:") else uri
        return read_text_file(shown if os.path.exists(shown) else local, warnings)
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "doc" + os.path.splitext(shown)[1])
        with open(copy, "wb") as fh:
            fh.write(content)
        before = len(warnings.messages)
        text = read_text_file(copy, warnings)
        warnings.messages[before:] = [m.replace(copy, shown) for m in warnings.messages[before:]]
        return text


def _row_uid(input_no: int, partition: int, counter: int) -> int:
    """Unique, deterministic row id: the same scan numbers its rows the same way again."""
    return (input_no << 48) | (partition << 28) | counter


def prepare_partition(partition: int, rows, spec: _InputSpec, config: DedupeConfig, method: str | None = None):
    """Rows of one scan partition → one PREPARED_SCHEMA tuple per line/row/file.

    Valid documents are signed in batches by pipeline.sign_texts (the local engine's function)
    and carry band keys, prefix band keys, the canonical text's hash and length. Invalid ones
    carry their warning (none for blank JSONL lines) so that line numbers stay exact."""
    import numpy as np

    from .lsh import band_keys
    from .pipeline import sign_texts
    from .sources import Warnings, _text_of, parse_jsonl_line

    if method is not None:
        require_method(method, config)
    pending: list[list] = []
    prefix_rows = config.prefix_perm // config.prefix_bands

    def flush():
        if not pending:
            return
        signed = sign_texts([row[15] for row in pending], config)
        keys = band_keys(signed.sigs, config.bands, config.rows).view(np.int64)
        prefix = band_keys(signed.prefix, config.prefix_bands, prefix_rows).view(np.int64)
        hashes = signed.norm_hash.view(np.int64)
        for k, row in enumerate(pending):
            row[11], row[12] = int(signed.norm_len[k]), int(hashes[k])
            row[13], row[14] = keys[k].tolist(), prefix[k].tolist()
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
        warnings = Warnings()
        if spec.kind == "jsonl":
            where = f"{shown}:{line + 1}" if block == 0 else f"{shown} (split at byte {block}) line {line + 1}"
            text, ident = parse_jsonl_line(row["value"], where, config.fields, warnings)
        elif spec.kind == "parquet":
            where = f"{shown}#row{line}" if block == 0 else f"{shown} (split at byte {block}) row {line}"
            text, ident = _text_of(row["value"], where, config.fields.text, warnings), row["ident"]
        else:
            text = _read_file_row(uri, shown, row["content"] if spec.remote else None, warnings)
            ident = shown
        out = [_row_uid(spec.number, partition, counter), spec.number,
               file_key(relative) if spec.kind == "text" else shown, int(block), rank, line, shown, ident,
               text is not None, "\n".join(warnings.messages) or None, 0, 0, 0, None, None, text]
        counter += 1
        line += 1
        if text is None:
            yield tuple(out)
            continue
        rank += 1
        out[10] = len(text)
        pending.append(out)
        if len(pending) >= config.batch:
            yield from flush()
    yield from flush()


def prepare(spark: "SparkSession", inputs: list[str], config: DedupeConfig,
            method: str | None = None) -> "DataFrame":
    """Read every input and sign its documents: one PREPARED_SCHEMA row per line/row/file.
    `method`: the driver's method_fingerprint, checked on the executors (None: not checked)."""
    from functools import partial

    from pyspark.sql.types import _parse_datatype_string

    rdds = []
    for number, raw in enumerate(inputs):
        spec = inspect_input(spark, number, raw)
        scan = scan_input(spark, spec, config.fields)
        rdds.append(scan.rdd.mapPartitionsWithIndex(partial(prepare_partition, spec=spec, config=config,
                                                                    method=method)))
    rdd = rdds[0] if len(rdds) == 1 else spark.sparkContext.union(rdds)
    return spark.createDataFrame(rdd, _parse_datatype_string(PREPARED_SCHEMA))


# --------------------------------------------------------------------------------------------
# Document numbers: the local engine's `index`, without shuffling the texts
# --------------------------------------------------------------------------------------------

DOCS_SCHEMA = ("uid long, index long, id string, path string, chars long, norm_len int, norm_hash long, "
               "keys array<long>, prefix_keys array<long>, text string")


def _segment_offsets(prepared: "DataFrame") -> tuple[dict[tuple, tuple[int, int]], int]:
    """(input, file, split) → (documents before it, lines before it in the same file), and the
    number of valid documents.

    One small aggregate (a row per split: per file for text inputs) collected to the driver;
    the rows themselves stay where they are."""
    from pyspark.sql import functions as F

    counts = (prepared.groupBy("input_no", "file_key", "block")
              .agg(F.count("*").alias("lines"), F.sum(F.col("valid").cast("long")).alias("docs")).collect())
    offsets: dict[tuple, tuple[int, int]] = {}
    documents, lines, current = 0, 0, None
    for row in sorted(counts, key=lambda r: (r["input_no"], r["file_key"], r["block"])):
        file = (row["input_no"], row["file_key"])
        if file != current:
            current, lines = file, 0
        offsets[(row["input_no"], row["file_key"], row["block"])] = (documents, lines)
        documents += row["docs"] or 0
        lines += row["lines"]
    return offsets, documents


def _number_partition(rows, offsets):
    for row in rows:
        if not row["valid"]:
            continue
        before, lines = offsets.value[(row["input_no"], row["file_key"], row["block"])]
        ident = row["id"]
        if ident is None:  # the local engine names id-less records by their place in the file
            number = lines + row["line"]
            parquet = row["path"].lower().endswith((".parquet", ".pq"))
            ident = f"{row['path']}#row{number}" if parquet else f"{row['path']}:{number + 1}"
        yield (row["uid"], before + row["rank"], ident, row["path"], row["chars"], row["norm_len"],
               row["norm_hash"], row["keys"], row["prefix_keys"], row["text"])


def number_documents(spark: "SparkSession", prepared: "DataFrame", offsets: dict | None = None) -> "DataFrame":
    """Valid documents with their local-engine index (0.. in input order) and id."""
    from functools import partial

    from pyspark.sql.types import _parse_datatype_string

    offsets = spark.sparkContext.broadcast(offsets if offsets is not None else _segment_offsets(prepared)[0])
    rdd = prepared.rdd.mapPartitions(partial(_number_partition, offsets=offsets))
    return spark.createDataFrame(rdd, _parse_datatype_string(DOCS_SCHEMA))


# --------------------------------------------------------------------------------------------
# Exact copies, candidate pairs, verification
# --------------------------------------------------------------------------------------------

def representatives(meta: "DataFrame") -> "DataFrame":
    """meta + `rep`: the first document with the same canonical text (pipeline.exact_groups);
    -1 when nothing is left after normalization."""
    from pyspark.sql import functions as F

    first = meta.where(F.col("norm_len") > 0).groupBy("norm_hash").agg(F.min("index").alias("rep"))
    return (meta.join(first, "norm_hash", "left")
            .withColumn("rep", F.when(F.col("norm_len") > 0, F.col("rep")).otherwise(F.lit(-1))))


def _bucket_pairs(members: list[int], all_pairs: bool) -> list[tuple[int, int]]:
    """Candidate pairs of one LSH bucket as the local engine makes them: every pair (datasketch
    MinHashLSH, small corpora) or lsh._pairs_from_runs (sorted band keys, large corpora)."""
    import numpy as np

    from .lsh import _pairs_from_runs

    order = np.array(sorted(members), dtype=np.int64)
    if all_pairs:
        i, j = np.triu_indices(len(order), k=1)
        return list(zip(order[i].tolist(), order[j].tolist()))
    pairs = _pairs_from_runs(order, np.zeros(len(order), dtype=np.uint64))
    return [(int(min(a, b)), int(max(a, b))) for a, b in pairs.tolist() if a != b]


def _buckets_partition(rows, all_pairs: bool, config: DedupeConfig, method: str | None):
    if method is not None:
        require_method(method, config)
    for row in rows:
        yield from _bucket_pairs(row["members"], all_pairs)


def _banded_pairs(spark: "SparkSession", reps: "DataFrame", column: str, all_pairs: bool,
                  config: DedupeConfig, method: str | None) -> "DataFrame":
    from functools import partial

    from pyspark.sql import functions as F

    exploded = reps.select("index", F.posexplode(column).alias("band", "key"))
    buckets = (exploded.groupBy("band", "key").agg(F.collect_list("index").alias("members"))
               .where(F.size("members") > 1))
    pairs = buckets.rdd.mapPartitions(partial(_buckets_partition, all_pairs=all_pairs, config=config,
                                              method=method))
    return spark.createDataFrame(pairs, "i long, j long")


def _all_pairs(config: DedupeConfig, documents: int, reps: int) -> bool:
    """Whether the local engine would take its main candidates from datasketch's MinHashLSH
    (every pair sharing a band) rather than the sorted band keys (pipeline.find_candidates)."""
    lsh = getattr(config, "lsh", "auto")
    return lsh == "datasketch" or (lsh == "auto" and documents <= config.datasketch_max
                                   and reps <= config.datasketch_max)


def candidate_pairs(spark: "SparkSession", meta: "DataFrame", documents: int, config: DedupeConfig,
                    representatives: int | None = None, method: str | None = None) -> "DataFrame":
    """(i, j), i < j, among representatives sharing a main band, or a prefix band when both are
    long enough to have a prefix signature (pipeline.find_candidates)."""
    from pyspark.sql import functions as F

    reps = meta.where(F.col("rep") == F.col("index"))
    if representatives is None:
        representatives = reps.count()
    main = _banded_pairs(spark, reps, "keys", _all_pairs(config, documents, representatives), config, method)
    long_reps = reps.where(F.col("norm_len") >= config.prefix_chars)
    prefix = _banded_pairs(spark, long_reps, "prefix_keys", False, config, method)
    return main.union(prefix).distinct()


def _shingle_partition(rows, config: DedupeConfig, method: str | None = None):
    from .normalize import normalize
    from .verify import shingle_set

    if method is not None:
        require_method(method, config)
    fuzzy = config.verify.fuzzy is not None  # the rapidfuzz test needs the canonical texts too
    for row in rows:
        canonical = normalize(row["text"], config.normalize)
        yield row["index"], shingle_set(canonical, config.shingle).tobytes(), canonical if fuzzy else None


def shingle_sets(spark: "SparkSession", texts: "DataFrame", nodes: "DataFrame", config: DedupeConfig,
                 method: str | None = None) -> "DataFrame":
    """(index, set): exact shingle sets (verify.shingle_set, uint32 bytes) of the given documents."""
    from functools import partial

    needed = texts.join(nodes, "index", "left_semi")
    return spark.createDataFrame(needed.rdd.mapPartitions(partial(_shingle_partition, config=config, method=method)),
                                 "index long, set binary, canonical string")


def _verify_partition(rows, config: DedupeConfig, batch: int = 512, method: str | None = None):
    """verify.verify_pairs (the local function) over batches of joined pairs."""
    import numpy as np

    from .verify import verify_pairs

    if method is not None:
        require_method(method, config)
    def run(chunk):
        pairs = np.array([(r["i"], r["j"]) for r in chunk], dtype=np.int64).reshape(-1, 2)
        sets, texts = {}, {}
        for r in chunk:
            sets[r["i"]] = np.frombuffer(r["set_i"], dtype=np.uint32)
            sets[r["j"]] = np.frombuffer(r["set_j"], dtype=np.uint32)
            texts[r["i"]], texts[r["j"]] = r["canonical_i"], r["canonical_j"]
        mask, jac, con, methods = verify_pairs(pairs, sets, config.verify,
                                               texts if config.verify.fuzzy is not None else None)
        for k, (i, j) in enumerate(pairs.tolist()):
            yield i, j, bool(mask[k]), float(jac[k]), float(con[k]), str(methods[k])

    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= batch:
            yield from run(chunk)
            chunk = []
    if chunk:
        yield from run(chunk)


def verify(spark: "SparkSession", pairs: "DataFrame", sets: "DataFrame", config: DedupeConfig,
           method: str | None = None) -> "DataFrame":
    """Every candidate pair scored on exact shingle sets: (i, j, duplicate, jaccard, containment, method)."""
    from functools import partial

    from pyspark.sql import functions as F

    joined = (pairs.join(sets.select(F.col("index").alias("i"), F.col("set").alias("set_i"),
                                     F.col("canonical").alias("canonical_i")), "i")
              .join(sets.select(F.col("index").alias("j"), F.col("set").alias("set_j"),
                                F.col("canonical").alias("canonical_j")), "j"))
    scored = joined.rdd.mapPartitions(partial(_verify_partition, config=config, method=method))
    return spark.createDataFrame(
        scored, "i long, j long, duplicate boolean, jaccard double, containment double, method string")


def connected_components(edges: "DataFrame", algorithm: str = "star",
                         checkpoint_dir: str | None = None) -> "DataFrame":
    """(node, component) of (i, j) edges; component = smallest index, as cluster.union_find."""
    from pyspark.sql import functions as F

    edges = edges.select(F.col("i").alias("src"), F.col("j").alias("dst"))
    if algorithm == "graphframes":
        found = graphframes_components(edges, checkpoint_dir or "/tmp/kjlint-graphframes")
        if found is None:
            raise SparkUnavailable("GraphFrames is not installed: pip install graphframes-py and add its "
                                   "jar (--conf spark.jars.packages=io.graphframes:graphframes-spark4_2.13:…)")
        return found
    return star_components(edges)


# --------------------------------------------------------------------------------------------
# Keep policy: pipeline.describe_cluster on each cluster
# --------------------------------------------------------------------------------------------

MEMBERS_SCHEMA = ("cluster long, index long, id string, path string, kept boolean, similarity double, "
                  "containment double, reason string, chars long, findings int")


def _clusters_partition(groups, config: DedupeConfig, method: str | None, lang: str | None = None):
    if method is not None:
        require_method(method, config)
    if lang:  # the reasons in the driver's language (an executor's environment may say otherwise)
        from ..i18n import set_language

        set_language(lang)
    for number, rows in groups:
        yield from _cluster_rows(number, list(rows), config)


def _cluster_rows(number: int, rows: list, config: DedupeConfig):
    """One cluster through the local keep stage: quality findings (keep=best), shingle sets of
    its representatives, then pipeline.describe_cluster (policy, similarity, reason)."""
    import numpy as np

    from .keep import quality_findings
    from .normalize import normalize
    from .pipeline import describe_cluster
    from .verify import shingle_set

    rows = sorted(rows, key=lambda r: r["index"])
    position = {r["index"]: k for k, r in enumerate(rows)}
    rep = np.array([position.get(r["rep"], -1) if r["rep"] >= 0 else -1 for r in rows], dtype=np.int64)
    sets = {k: shingle_set(normalize(r["text"], config.normalize), config.shingle)
            for k, r in enumerate(rows) if rep[k] == k}
    findings = {k: quality_findings(r["text"]) for k, r in enumerate(rows)} if config.keep == "best" else {}
    members = describe_cluster(
        list(range(len(rows))), index=[r["index"] for r in rows], ids=[r["id"] for r in rows],
        paths=[r["path"] for r in rows], chars=[r["chars"] for r in rows],
        norm_len=np.array([r["norm_len"] for r in rows], dtype=np.int64), rep=rep, sets=sets,
        findings=findings, policy=config.keep, containment=config.verify.containment)
    for m in members:
        yield (number, m.index, m.id, m.path, m.kept, float(m.similarity), float(m.containment),
               m.reason, int(m.chars), m.findings)


def clusters_of(spark: "SparkSession", comps: "DataFrame", meta: "DataFrame", texts: "DataFrame",
                config: DedupeConfig, method: str | None = None) -> "DataFrame":
    """One MEMBERS_SCHEMA row per member of a cluster of two or more, numbered 1.. by first member."""
    from functools import partial

    from pyspark.sql import functions as F

    from ..i18n import language

    roots = comps.select("component").distinct().orderBy("component")
    numbered = spark.createDataFrame(roots.rdd.map(lambda r: r["component"]).zipWithIndex()
                                     .map(lambda p: (p[0], p[1] + 1)), "component long, cluster long")
    members = (comps.join(numbered, "component")
               .join(meta.select(F.col("index").alias("node"), "id", "path", "chars", "norm_len", "rep"), "node")
               .join(texts.select(F.col("index").alias("node"), "text"), "node")
               .select("cluster", F.col("node").alias("index"), "id", "path", "chars", "norm_len", "rep", "text"))
    grouped = members.rdd.map(lambda r: (r["cluster"], r)).groupByKey()
    rows = grouped.mapPartitions(partial(_clusters_partition, config=config, method=method, lang=language()))
    return spark.createDataFrame(rows, MEMBERS_SCHEMA)


# --------------------------------------------------------------------------------------------
# Outputs: directories of Parquet/JSONL/text part files (Spark's commit protocol makes them atomic)
# --------------------------------------------------------------------------------------------

def _cluster_json(number: int, members) -> str:
    import json

    ordered = sorted(members, key=lambda r: r["index"])
    return json.dumps({"cluster": number, "members": [
        {"id": m["id"], "path": m["path"], "kept": m["kept"], "similarity": round(m["similarity"], 4),
         "reason": m["reason"]} for m in ordered]}, ensure_ascii=False)


def cluster_json(members: "DataFrame") -> "DataFrame":
    """(cluster, value): the `--clusters` JSONL object of each cluster, as the local engine writes it."""
    grouped = members.rdd.map(lambda r: (r["cluster"], r)).groupByKey()
    return members.sparkSession.createDataFrame(grouped.map(lambda kv: (kv[0], _cluster_json(kv[0], kv[1]))),
                                                "cluster long, value string")


def _guard_outputs(spark: "SparkSession", outputs: dict[str, str | None], inputs: list[str]) -> None:
    """Refuse (ValueError) an output that is, contains or lies inside an input: the local engine's
    check (kjlint.paths) on the paths Hadoop qualified (file:/…, hdfs://nn/…)."""
    from ..paths import refuse_overwriting_inputs

    jvm = spark._jvm

    def qualified(raw: str) -> str:
        p = jvm.org.apache.hadoop.fs.Path(raw)
        return p.getFileSystem(spark._jsc.hadoopConfiguration()).makeQualified(p).toString()

    refuse_overwriting_inputs({k: qualified(v) for k, v in outputs.items() if v}, [qualified(r) for r in inputs])


def _rescan_partition(partition: int, rows, spec: _InputSpec, columns: list[str]):
    """The rows of a scan numbered like prepare_partition numbers them (same uid)."""
    counter = 0
    for row in rows:
        if spec.kind == "text" and spec.is_dir and not _walked(spec.relative(row["__file"])):
            continue
        yield (_row_uid(spec.number, partition, counter), *[row[c] for c in columns])
        counter += 1


def write_corpus(spark: "SparkSession", inputs: list[str], docs: "DataFrame", dropped: "DataFrame",
                 path: str, config: DedupeConfig) -> None:
    """The kept documents in the input's format: JSONL lines verbatim, Parquet rows with their
    whole schema; text-file inputs become JSONL records {id, path, text}."""
    from functools import partial

    from pyspark.sql import functions as F
    from pyspark.sql.types import LongType, StructField, StructType

    specs = [inspect_input(spark, n, raw) for n, raw in enumerate(inputs)]
    kinds = {s.kind for s in specs}
    if len(kinds) != 1:
        raise ValueError(f"--output needs inputs of one format, got {', '.join(sorted(kinds))}")
    kind = kinds.pop()
    if kind == "text":
        (docs.join(dropped, "uid", "left_anti").orderBy("index").select("id", "path", "text")
         .write.mode("overwrite").json(path))
        return
    parts = []
    for spec in specs:
        if kind == "jsonl":
            scan = scan_input(spark, spec, config.fields)
            columns = ["value"]
        else:
            scan = spark.read.parquet(spec.raw)
            columns = scan.columns
            scan = scan.select("*", F.col("_metadata.file_path").alias("__file"),
                               F.col("_metadata.file_block_start").alias("__block"))
        schema = StructType([StructField("uid", LongType())] +
                            [f for f in scan.schema.fields if f.name in columns])
        rdd = scan.rdd.mapPartitionsWithIndex(partial(_rescan_partition, spec=spec, columns=columns))
        parts.append(spark.createDataFrame(rdd, schema))
    rows = parts[0]
    for other in parts[1:]:
        rows = rows.unionByName(other, allowMissingColumns=True)
    # Only valid documents that were not dropped, as the local writer (invalid lines go too).
    keep_uids = docs.select("uid").join(dropped, "uid", "left_anti")
    kept = rows.join(keep_uids, "uid", "left_semi").orderBy("uid").drop("uid")
    if kind == "jsonl":
        kept.write.mode("overwrite").text(path)
    else:
        kept.write.mode("overwrite").parquet(path)


# --------------------------------------------------------------------------------------------
# The whole run
# --------------------------------------------------------------------------------------------

@dataclass
class SparkDedupeResult:
    """Counts, timings and warnings of a Spark run; clusters stay distributed (`members`)."""

    documents: int
    clusters: int
    duplicates: int
    chars_saved: int
    candidates: int
    verified: int
    exact_copies: int
    warnings: "Warnings"
    timings: dict[str, float] = field(default_factory=dict)
    members: "DataFrame | None" = None  # MEMBERS_SCHEMA
    docs: "DataFrame | None" = None  # DOCS_SCHEMA without text, plus rep

    def summary(self) -> dict[str, object]:
        return {"documents": self.documents, "clusters": self.clusters, "duplicates": self.duplicates,
                "characters saved": self.chars_saved, "candidate pairs": self.candidates,
                "verified pairs": self.verified, "exact copies": self.exact_copies,
                "warnings": self.warnings.count}

    def cluster_objects(self) -> list[dict]:
        """Every cluster as the local `--clusters` object, in order (collects: small corpora only)."""
        import json

        return [json.loads(r["value"]) for r in cluster_json(self.members).orderBy("cluster").collect()]


def run(spark: "SparkSession", inputs: list[str], config: DedupeConfig = DedupeConfig(), *,
        clusters_path: str | None = None, output_path: str | None = None, keep_list: str | None = None,
        drop_list: str | None = None, components: str = "star", storage_level: str = "MEMORY_AND_DISK",
        progress=None) -> SparkDedupeResult:
    """`kjlint dedupe --engine spark`: the local method, stage by stage, on a Spark cluster."""
    import time

    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from .sources import Warnings

    level = getattr(StorageLevel, storage_level)
    timings: dict[str, float] = {}
    cached: list = []

    def keep(df):
        cached.append(df.persist(level))
        return cached[-1]

    def phase(name):
        timings[name] = time.perf_counter() - started[0]
        started[0] = time.perf_counter()
        if progress:
            progress(name)

    _guard_outputs(spark, {"--clusters": clusters_path, "--output": output_path, "--keep-list": keep_list,
                           "--drop-list": drop_list}, inputs)
    # Every executor must run the driver's method (same kjlint code, rule packs and settings).
    method = method_fingerprint(config)
    started = [time.perf_counter()]
    prepared = keep(prepare(spark, inputs, config, method))
    offsets, documents = _segment_offsets(prepared)  # first action: reads, signs, caches everything
    phase("read+sign")

    warnings = Warnings()
    problems = prepared.where(F.col("warning").isNotNull())
    found = problems.orderBy("input_no", "file_key", "block", "line").limit(warnings.keep).collect()
    for row in found:
        for message in row["warning"].split("\n"):
            warnings.add(message)
    if len(found) >= warnings.keep:
        warnings.count = max(warnings.count, problems.count())
    docs = keep(number_documents(spark, prepared, offsets))
    meta = keep(representatives(docs.drop("text")))
    texts = docs.select("index", "text")
    counts = meta.agg(F.sum((F.col("rep") == F.col("index")).cast("long")).alias("reps"),
                      F.sum(((F.col("rep") >= 0) & (F.col("rep") != F.col("index"))).cast("long")).alias("exact"),
                      F.sum((F.col("norm_len") == 0).cast("long")).alias("empty")).first()
    prepared.unpersist()
    if counts["empty"]:
        for row in meta.where(F.col("norm_len") == 0).orderBy("index").select("id").collect():
            warnings.add(f"{row['id']}: nothing left after normalization (only boilerplate?), not compared")
    exact_copies = counts["exact"] or 0
    repeated = meta.groupBy("id").agg(F.count("*").alias("n"), F.min("index").alias("first")).where("n > 1")
    examples = repeated.orderBy("first").limit(3).collect()
    if examples:
        warnings.add(REPEATED_IDS.format(count=repeated.count(), examples=", ".join(repr(r["id"]) for r in examples)))
    phase("number")

    pairs = keep(candidate_pairs(spark, meta, documents, config, counts["reps"] or 0, method))
    phase("candidates")

    nodes = pairs.select(F.col("i").alias("index")).union(pairs.select(F.col("j").alias("index"))).distinct()
    sets = keep(shingle_sets(spark, texts, nodes, config, method))
    scored = keep(verify(spark, pairs, sets, config, method=method))
    tally = scored.agg(F.count("*").alias("candidates"),
                       F.sum(F.col("duplicate").cast("long")).alias("verified")).first()
    candidates, verified = tally["candidates"], tally["verified"] or 0
    verified_pairs = scored.where("duplicate").select("i", "j")
    phase("verify")

    exact = meta.where((F.col("rep") >= 0) & (F.col("rep") != F.col("index"))) \
        .select(F.col("rep").alias("i"), F.col("index").alias("j"))
    comps = keep(connected_components(exact.union(verified_pairs), components))
    phase("cluster")

    members = keep(clusters_of(spark, comps, meta, texts, config, method))
    totals = members.agg(F.countDistinct("cluster").alias("clusters"),
                         F.sum(F.when(~F.col("kept"), 1).otherwise(0)).alias("dropped"),
                         F.sum(F.when(~F.col("kept"), F.col("chars")).otherwise(0)).alias("saved")).first()
    phase("keep")

    dropped = members.where(~F.col("kept")).select("index").join(meta.select("index", "uid"), "index")
    if clusters_path:
        cluster_json(members).orderBy("cluster").select("value").write.mode("overwrite").text(clusters_path)
    # Each id once; an id kept for any of its documents is never in the drop list (as local).
    kept_ids = meta.join(dropped, "index", "left_anti").groupBy("id").agg(F.min("index").alias("index"))
    if keep_list:
        kept_ids.orderBy("index").select("id").write.mode("overwrite").text(keep_list)
    if drop_list:
        meta.join(dropped, "index", "left_semi").join(kept_ids.select("id"), "id", "left_anti") \
            .groupBy("id").agg(F.min("index").alias("index")).orderBy("index").select("id") \
            .write.mode("overwrite").text(drop_list)
    if output_path:
        write_corpus(spark, inputs, docs, dropped.select("uid"), output_path, config)
    if clusters_path or keep_list or drop_list or output_path:
        phase("write")
    return SparkDedupeResult(documents, totals["clusters"] or 0, totals["dropped"] or 0, totals["saved"] or 0,
                             candidates, verified, exact_copies, warnings, timings, members, meta)


def run_cli(inputs, config: DedupeConfig, master: str, conf_pairs, *, level: str = "document",
            clusters_path=None, output_path=None, keep_list=None, drop_list=None, dry_run: bool = False,
            quiet: bool = False, show: int = 0, report_path=None) -> int:
    """`kjlint dedupe --engine spark …`: exit status 0, or 2 with a message naming the problem."""
    import click

    if level != "document":
        raise click.UsageError("--engine spark supports --level document only")
    if show or report_path:
        raise click.UsageError("--show and --report read texts on this machine: use --engine local "
                               "(or run kjlint diff on two members of the --clusters output)")
    try:
        conf = parse_conf(conf_pairs)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    try:
        from pyspark.sql import SparkSession

        ours = SparkSession.getActiveSession() is None
        spark = spark_session(master, conf)
    except ImportError:
        click.echo("kjlint: error: the Spark engine needs pyspark: pip install 'kjlint[spark]'", err=True)
        return 2
    except SparkUnavailable as exc:
        click.echo(f"kjlint: error: {exc}", err=True)
        return 2
    outputs = {} if dry_run else dict(clusters_path=clusters_path, output_path=output_path,
                                      keep_list=keep_list, drop_list=drop_list)
    try:
        result = run(spark, list(inputs), config, components=conf.get("kjlint.components", "star"),
                     storage_level=conf.get("kjlint.storageLevel", "MEMORY_AND_DISK"), **outputs)
    except (FileNotFoundError, ValueError) as exc:
        click.echo(f"kjlint: error: {exc}", err=True)
        return 2
    except Exception as exc:  # a task failed; Spark wraps the executor's exception in its own
        mismatch = method_mismatch_message(exc)
        if mismatch is None:
            raise
        click.echo(f"kjlint: error: {mismatch}", err=True)
        return 2
    finally:
        if ours and master.startswith("local"):
            spark.stop()
    if not quiet:
        from ..formats.dedupe_labels import dry_run
        from .cli import print_warnings, summary_table

        print_warnings(result.warnings)
        summary_table(result)
        if not any(outputs.values()):
            click.echo(dry_run(), err=True)
    return 0 if result.documents or not result.warnings.count else 2
