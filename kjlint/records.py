"""Streaming readers for corpora: directories of .txt/.md, JSONL (also .gz and .zst compressed) and Parquet;
the one reader and the one record naming of `kjlint dedupe` and `kjlint check`.

Every pass over the corpus (sign, verify, keep, write) re-reads the inputs in the same order and
gives each valid document the same ordinal `index`, so memory only holds per-document arrays,
never the texts. Bad input (malformed JSONL, missing or non-string field, undecodable or empty
document) becomes a counted warning naming the file and line; the run goes on.
"""
from __future__ import annotations

import io
import itertools
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .i18n import _
from .reading import InputError, discover, kind_of, read_document

PARQUET_BATCH = 2048


@dataclass
class Record:
    """One document: ordinal index, id (the path for files), where it came from, its text."""

    index: int
    id: str
    path: str
    text: str
    source: int = 0  # position of its Source in the planned list
    offset: int = 0  # byte offset of the JSONL line, Parquet row number, 0 for a file


@dataclass
class Warnings:
    """Counted problems with the input; the first `keep` messages are kept for display."""

    count: int = 0
    messages: list[str] = field(default_factory=list)
    keep: int = 200
    levels: list[str] = field(default_factory=list)  # per kept message: "error" (bad input) or "warning"

    def add(self, message: str, level: str = "error") -> None:
        """`level` "warning" for input that is valid but has nothing in it (an empty document):
        `kjlint check` reports bad records as errors, like unreadable files, and empty ones as
        warnings, like empty files."""
        self.count += 1
        if len(self.messages) < self.keep:
            self.messages.append(message)
            self.levels.append(level)


@dataclass(frozen=True)
class Source:
    kind: str  # "text", "jsonl" or "parquet"
    path: str
    root: str | None = None  # directory a text file was found under (for --output)


@dataclass(frozen=True)
class Fields:
    text: str = "text"
    id: str = "id"


def record_name(path: str, position: int | None = None) -> str:
    """The one name of a document without an id field, in every output of dedupe (clusters,
    keep/drop lists, --show, --report, warnings) and check (findings, reports): a text file's
    path; a record's file and 1-based position there (JSONL line, Parquet row), `path:N`."""
    return path if position is None else f"{path}:{position}"


def _zstandard():
    try:
        import zstandard
    except ImportError:
        raise OSError(_("reading and writing .zst files needs the zstandard package: pip install 'kjlint[zstd]'")) from None
    return zstandard


class _ZstdReader:
    """A .zst file read as bytes, line by line; seeking back restarts the stream (as gzip does),
    so random access by offset works, at the cost of decompressing again from the start."""

    def __init__(self, path: str):
        self._path = path
        self._fh = self._open()

    def _open(self) -> io.BufferedReader:
        raw = _zstandard().ZstdDecompressor().stream_reader(open(self._path, "rb"), closefd=True)
        return io.BufferedReader(raw, 1 << 20)

    def seek(self, offset: int) -> None:
        if offset < self._fh.tell():
            self._fh.close()
            self._fh = self._open()
        while self._fh.tell() < offset and self._fh.read(min(offset - self._fh.tell(), 1 << 20)):
            pass

    def readline(self) -> bytes:
        return self._fh.readline()

    def __iter__(self):
        return iter(self._fh)

    def close(self) -> None:
        self._fh.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_binary(path: str):
    """A JSONL file for reading bytes, decompressed when its name ends in .gz or .zst."""
    low = path.lower()
    if low.endswith(".gz"):
        import gzip

        return gzip.open(path, "rb")
    if low.endswith(".zst"):
        return _ZstdReader(path)
    return open(path, "rb")


@contextmanager
def compressed_writer(fh, path: str):
    """`fh` (an open binary file) compressed as `path`'s name says: .gz, .zst, or as it is."""
    low = path.lower()
    if low.endswith(".gz"):
        import gzip

        with gzip.GzipFile(fileobj=fh, mode="wb", mtime=0) as out:
            yield out
    elif low.endswith(".zst"):
        with _zstandard().ZstdCompressor().stream_writer(fh, closefd=False) as out:
            yield out
    else:
        yield fh


def plan_sources(inputs, warnings: Warnings | None = None) -> list[Source]:
    """Expand directories (recursive .txt/.md) and classify files by extension."""
    errors: list[InputError] = []
    out = []
    for raw in inputs:
        if os.path.isdir(raw):
            out.extend(Source("text", p, str(raw)) for p in discover([raw], errors=errors))
        else:
            for p in discover([raw], errors=errors):
                out.append(Source(kind_of(p), p))
    for e in errors:
        if warnings is not None:
            warnings.add(str(e))
    return out


_MISSING = object()  # a record without the text field (null is reported as null)


def _text_of(value, where: str, fieldname: str, warnings: Warnings | None) -> str | None:
    if not isinstance(value, str):
        if warnings is not None:
            if value is _MISSING:
                message = _("{where}: field {field} missing, skipped")
            elif value is None:
                message = _("{where}: field {field} is null, skipped")
            else:
                message = _("{where}: field {field} not a string ({type}), skipped")
            warnings.add(message.format(where=where, field=repr(fieldname), type=type(value).__name__))
        return None
    if not value.strip():
        if warnings is not None:
            warnings.add(_("{where}: empty document, skipped").format(where=where), "warning")
        return None
    return value


def parse_jsonl_line(line: str | bytes, where: str, fields: Fields, warnings: Warnings | None
                     ) -> tuple[str | None, str | None]:
    """(text or None when invalid, id or None) of one JSONL line."""
    if not line.strip():
        return None, None
    if isinstance(line, bytes):  # JSON Lines is UTF-8 (json.loads would guess UTF-16 from a BOM)
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            if warnings is not None:
                warnings.add(_("{where}: not UTF-8 (byte 0x{byte:02x} at byte {offset}), skipped").format(
                    where=where, byte=line[exc.start], offset=exc.start + 1))
            return None, None
    line = line.removeprefix("\ufeff")  # a byte-order mark before the first record
    try:
        obj = json.loads(line)
    except ValueError as exc:  # UnicodeDecodeError is a ValueError
        if warnings is not None:
            warnings.add(_("{where}: malformed JSON ({problem}), skipped").format(
                where=where, problem=str(exc).split(":")[0]))
        return None, None
    if not isinstance(obj, dict):
        if warnings is not None:
            warnings.add(_("{where}: not a JSON object, skipped").format(where=where))
        return None, None
    ident = obj.get(fields.id)
    return _text_of(obj.get(fields.text, _MISSING), where, fields.text, warnings), (str(ident) if ident is not None else None)


def scan_jsonl(path: str, fields: Fields, warnings: Warnings | None
               ) -> Iterator[tuple[bytes, str | None, str | None, int]]:
    """(raw line, text or None when invalid, id, byte offset) for every line of a JSONL file;
    a file that cannot be read is a warning and yields nothing."""
    try:
        fh = open_binary(path)
    except OSError as exc:
        if warnings is not None:
            warnings.add(_("{path}: cannot read ({problem}), skipped").format(path=path, problem=exc.strerror or exc))
        return
    pos = 0
    with fh:
        try:
            for lineno, raw in enumerate(fh, 1):
                where = record_name(path, lineno)
                text, ident = parse_jsonl_line(raw, where, fields, warnings)
                yield raw, text, (ident or where) if text is not None else None, pos
                pos += len(raw)
        except (OSError, EOFError) as exc:  # a truncated or corrupt .gz
            if warnings is not None:
                warnings.add(_("{path}: cannot read ({problem}), skipped").format(path=path, problem=exc))


def scan_parquet(path: str, fields: Fields, warnings: Warnings | None):
    """(record batch, [(text or None, id)] per row) for a Parquet file, streamed by batches."""
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
        names = pf.schema_arrow.names
        if fields.text not in names:
            if warnings is not None:
                warnings.add(_("{path}: no column {column} (columns: {columns}), skipped").format(
                    path=path, column=repr(fields.text), columns=", ".join(names)))
            return
        row = 0
        for batch in pf.iter_batches(batch_size=PARQUET_BATCH):
            texts = batch.column(fields.text).to_pylist()
            ids = batch.column(fields.id).to_pylist() if fields.id in names else [None] * len(texts)
            rows = []
            for t, ident in zip(texts, ids):
                where = record_name(path, row + 1)
                rows.append((_text_of(t, where, fields.text, warnings), str(ident) if ident is not None else where))
                row += 1
            yield batch, rows
    except (OSError, ValueError) as exc:  # pyarrow raises ArrowInvalid (a ValueError)
        if warnings is not None:
            warnings.add(_("{path}: unreadable Parquet ({problem}), skipped").format(path=path, problem=exc))


def read_text_file(path: str, warnings: Warnings | None) -> str | None:
    try:
        doc = read_document(path)
    except InputError as exc:
        if warnings is not None:
            warnings.add(f"{exc}")
        return None
    if doc.undecodable and warnings is not None:
        warnings.add(_("{path}: {n} undecodable byte(s) replaced by U+FFFD (decoded as {encoding})").format(
            path=path, n=len(doc.undecodable), encoding=doc.encoding))
    return _text_of(doc.text, path, "text", warnings)


def iter_records(sources: list[Source], fields: Fields = Fields(), warnings: Warnings | None = None,
                 wanted=None, validity: dict[str, bool] | None = None) -> Iterator[Record]:
    """Every valid document in order. `wanted(index) -> bool` skips building unwanted records
    (later passes that need a few documents only); `warnings` is None on later passes.
    `validity` (path -> readable) is filled by the first pass and lets later passes skip text
    files without reading them."""
    index = 0
    for k, src in enumerate(sources):
        if src.kind == "jsonl":
            for _raw, text, ident, pos in scan_jsonl(src.path, fields, warnings):
                if text is not None:
                    if wanted is None or wanted(index):
                        yield Record(index, ident, src.path, text, k, pos)
                    index += 1
        elif src.kind == "parquet":
            row = 0
            for _batch, rows in scan_parquet(src.path, fields, warnings):
                for text, ident in rows:
                    if text is not None:
                        if wanted is None or wanted(index):
                            yield Record(index, ident, src.path, text, k, row)
                        index += 1
                    row += 1
        else:
            if validity is not None and src.path in validity:
                # A later pass: validity is known, so unwanted files are not read at all.
                if validity[src.path]:
                    if wanted is None or wanted(index):
                        text = read_text_file(src.path, None)
                        if text is not None:
                            yield Record(index, record_name(src.path), src.path, text, k)
                    index += 1
                continue
            text = read_text_file(src.path, warnings)
            if validity is not None:
                validity[src.path] = text is not None
            if text is not None:
                if wanted is None or wanted(index):
                    yield Record(index, record_name(src.path), src.path, text, k)
                index += 1


class CountEstimate:
    """How many documents the inputs hold, for a progress bar ("51,200/200,000", not "51,200/?"):
    the documents read so far scaled by how far into the inputs' bytes reading is (a JSONL record
    carries its byte offset; a Parquet row its row number, of the row count in the file's footer)."""

    def __init__(self, sources: list[Source]):
        self.sources = sources
        self.sizes = []
        for src in sources:
            try:
                self.sizes.append(os.path.getsize(src.path))
            except OSError:
                self.sizes.append(0)
        self.before = list(itertools.accumulate([0] + self.sizes[:-1]))
        self.total = sum(self.sizes)
        self._rows: dict[int, int] = {}

    def __call__(self, done: int, last: Record) -> int | None:
        """Estimated document count, `done` documents read, `last` the last of them."""
        size = self.sizes[last.source]
        kind = self.sources[last.source].kind
        if kind == "jsonl":
            within = last.offset
        elif kind == "parquet":
            within = size * (last.offset + 1) / max(1, self._parquet_rows(last.source))
        else:
            within = size
        read = self.before[last.source] + within
        return max(done, round(done * self.total / read)) if read > 0 else None

    def _parquet_rows(self, source: int) -> int:
        if source not in self._rows:
            import pyarrow.parquet as pq

            self._rows[source] = pq.ParquetFile(self.sources[source].path).metadata.num_rows
        return self._rows[source]


class Fetcher:
    """Random access to documents by (source, offset) from the first pass: verification and the
    keep policy read only the documents of one candidate group at a time, so memory never holds
    the texts (or shingle sets) of the whole corpus."""

    def __init__(self, sources: list[Source], fields: Fields = Fields()):
        self.sources = sources
        self.fields = fields
        self._files: dict[int, object] = {}
        self._row_groups: dict[int, tuple[object, list[int]]] = {}
        self._cached: tuple[int, int, list] | None = None

    def text(self, source: int, offset: int) -> str | None:
        src = self.sources[source]
        if src.kind == "jsonl":
            fh = self._files.get(source)
            if fh is None:
                fh = self._files[source] = open_binary(src.path)
            fh.seek(offset)
            value = json.loads(fh.readline()).get(self.fields.text)
            return value if isinstance(value, str) else None
        if src.kind == "parquet":
            return self._parquet_text(source, offset)
        return read_text_file(src.path, None)

    def _parquet_text(self, source: int, row: int) -> str | None:
        import bisect

        import pyarrow.parquet as pq

        if source not in self._row_groups:
            pf = pq.ParquetFile(self.sources[source].path)
            starts, total = [], 0
            for g in range(pf.metadata.num_row_groups):
                starts.append(total)
                total += pf.metadata.row_group(g).num_rows
            self._row_groups[source] = (pf, starts)
        pf, starts = self._row_groups[source]
        g = bisect.bisect_right(starts, row) - 1
        if self._cached is None or self._cached[:2] != (source, g):
            column = pf.read_row_group(g, columns=[self.fields.text]).column(0).to_pylist()
            self._cached = (source, g, column)
        return self._cached[2][row - starts[g]]

    def close(self) -> None:
        for fh in self._files.values():
            fh.close()
        self._files.clear()


def output_problem(paths: list[str]) -> str | None:
    """Why the inputs `paths` cannot share one `--output` copy, or None: the copy is one file or
    folder in the inputs' own format, so they must have one format (and Parquet files one schema)."""
    kinds = {kind_of(p) for p in paths}
    if len(kinds) > 1:
        return _("--output needs inputs of one format, got {kinds}").format(kinds=", ".join(sorted(kinds)))
    if kinds == {"parquet"}:
        import pyarrow.parquet as pq

        first = None
        for p in paths:
            try:
                schema = pq.read_schema(p).remove_metadata()
            except (OSError, ValueError):  # unreadable: reported and skipped when read
                continue
            if first is None:
                first = (p, schema)
            elif not schema.equals(first[1]):
                return _("--output needs Parquet inputs of one schema: {path} differs from {first} "
                         "(write each to its own --output)").format(path=p, first=first[0])
    return None


def output_kind(sources: list[Source]) -> str:
    problem = output_problem(sorted({s.path for s in sources})) if sources else _(
        "--output needs inputs of one format, got {kinds}").format(kinds="")
    if problem:
        raise ValueError(problem)
    return sources[0].kind


def write_output(sources: list[Source], keep, out_path: str, fields: Fields = Fields()) -> int:
    """Write the kept documents in the input's own format, atomically. `keep[index]` is a bool
    per document. JSONL: the kept lines verbatim; Parquet: the kept rows, same schema; text files:
    a directory with the kept files under their paths relative to the input directory."""
    from .fixes import atomic_open, atomic_write_bytes

    kind = output_kind(sources)
    written = 0
    index = 0
    if kind == "jsonl":
        with atomic_open(out_path) as fh, compressed_writer(fh, out_path) as out:
            for src in sources:
                for raw, text, _ident, _pos in scan_jsonl(src.path, fields, None):
                    if text is None:
                        continue
                    if keep[index]:
                        out.write(raw if raw.endswith(b"\n") else raw + b"\n")
                        written += 1
                    index += 1
        return written
    if kind == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        with atomic_open(out_path) as out:
            writer = None
            for src in sources:
                for batch, rows in scan_parquet(src.path, fields, None):
                    mask = []
                    for text, _ident in rows:
                        mask.append(text is not None and bool(keep[index]))
                        index += text is not None
                    table = pa.Table.from_batches([batch]).filter(pa.array(mask, type=pa.bool_()))
                    if writer is None:
                        writer = pq.ParquetWriter(out, batch.schema)
                    writer.write_table(table.cast(writer.schema))
                    written += table.num_rows
            if writer is not None:
                writer.close()
        return written
    base = Path(out_path)
    base.mkdir(parents=True, exist_ok=True)
    for src in sources:
        text = read_text_file(src.path, None)
        if text is None:
            continue
        if keep[index]:
            rel = os.path.relpath(src.path, src.root) if src.root else os.path.basename(src.path)
            target = base / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(target, Path(src.path).read_bytes())
            written += 1
        index += 1
    return written
