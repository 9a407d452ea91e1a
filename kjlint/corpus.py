"""`kjlint check` on a corpus: the records of JSONL (.jsonl, .jsonl.gz …) and Parquet files, read by
kjlint.records as `kjlint dedupe` reads them, each linted as a document of its own; with
`--output`, a cleaned copy in the input's format (fixed texts, dropped records).

Records are read in groups (GROUP_RECORDS, or a Parquet batch), linted by an engine
(kjlint.engines: local processes or Spark executors, TASK_RECORDS per task), written to the copy
and forgotten, so that memory holds the groups in flight whatever the corpus size; the findings (and, for formats that show it, the text of a record with findings) stay for
the report, unless it is streamed (`emit`: --format jsonl).
"""
from __future__ import annotations

import json
from collections import Counter, deque
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Callable, Iterator

from .config import ConfigResolver, Settings
from .engines.base import Engine
from .records import Fields, Warnings, compressed_writer, kind_of, scan_jsonl, scan_parquet
from .runner import FileResult, Overrides, check_settings, effective, lint_record

GROUP_RECORDS = 256  # JSONL records read and written together (Parquet: one batch)
TASK_RECORDS = 64  # records per lint task: small enough that a long record leaves no worker idle


@dataclass
class CopyStats:
    """What the cleaned copy got: records read (valid), changed by fixes, dropped (per rule
    family that dropped them), skipped (bad or empty, not in the copy) and written."""

    read: int = 0
    changed: int = 0
    dropped: int = 0
    dropped_by: Counter = field(default_factory=Counter)
    skipped: int = 0
    written: int = 0


@dataclass
class _Item:
    """One record as read: its name and text (None when bad or empty); `raw` is its JSONL line."""

    record: str
    text: str | None
    raw: bytes = b""


def _problems(warnings: Warnings, path: str) -> list[FileResult]:
    """Results for the problems reading reported: bad records are errors (as unreadable files
    are), empty ones warnings (as empty files are)."""
    out = [FileResult(path, error=m) if level == "error" else FileResult(path, warning=m)
           for m, level in zip(warnings.messages, warnings.levels)]
    warnings.messages.clear()
    warnings.levels.clear()
    return out


def _groups(path: str, fields: Fields, warnings: Warnings) -> Iterator[tuple[object, list[_Item]]]:
    """(Parquet batch or None, records) of a corpus file, a group at a time."""
    if kind_of(path) == "parquet":
        for batch, rows in scan_parquet(path, fields, warnings):
            yield batch, [_Item(ident, text) for text, ident in rows]
        return
    items = []
    for raw, text, ident, _pos in scan_jsonl(path, fields, warnings):
        items.append(_Item(ident or "", text, raw))
        if len(items) >= GROUP_RECORDS:
            yield None, items
            items = []
    if items:
        yield None, items


@dataclass
class CheckContext:
    """What every lint task of a run shares, shipped once to each worker (a process or a Spark
    executor): the settings of each corpus file, the overrides, and the driver's language (the
    messages are written in it whatever a worker's locale says)."""

    settings: list[Settings]
    overrides: Overrides
    keep_text: bool
    language: str | None = None

    def prepare(self) -> None:
        from .i18n import set_language

        if self.language:
            set_language(self.language)

    def close(self) -> None:
        """Nothing to release: tasks carry their texts."""

    def fingerprint(self) -> str:
        """The settings travel in this context; the code and rule packs must be the driver's."""
        from .engines.fingerprint import code_fingerprint

        return code_fingerprint()


def lint_task(context: CheckContext, task: tuple[int, str, list[tuple[str, str]]]) -> list[FileResult]:
    """Lint one task's records ((id, text) pairs of corpus file number `source`), in order."""
    source, path, records = task
    s = context.settings[source]
    return [lint_record(text, path, record, s, context.overrides, context.keep_text) for record, text in records]


class _Copy:
    """The cleaned copy: records in input order, each fixed or verbatim, dropped ones left out;
    written atomically (the output appears whole when the run ends without error, or not at all)."""

    def __init__(self, output: str, kind: str, fields: Fields, stack: ExitStack):
        from .fixes import atomic_open

        self.kind, self.fields = kind, fields
        self._fh = stack.enter_context(atomic_open(output))
        self._out = stack.enter_context(compressed_writer(self._fh, output)) if kind == "jsonl" else self._fh
        self._parquet = None
        stack.callback(self._close_parquet)  # runs before the atomic rename

    def write(self, batch, items: list[_Item], kept: list[bool], cleaned: list[str | None]) -> int:
        if self.kind == "jsonl":
            n = 0
            for item, keep, new in zip(items, kept, cleaned):
                if not keep:
                    continue
                if new is None:
                    self._out.write(item.raw if item.raw.endswith(b"\n") else item.raw + b"\n")
                else:  # the record with its new text, every other field as it was
                    obj = json.loads(item.raw)
                    obj[self.fields.text] = new
                    self._out.write(json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n")
                n += 1
            return n
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_batches([batch])
        column = table.schema.get_field_index(self.fields.text)
        texts = [old if new is None else new for new, old in zip(cleaned, table.column(column).to_pylist())]
        field = table.schema.field(column)
        table = table.set_column(column, field, pa.array(texts, type=field.type))
        table = table.filter(pa.array(kept, type=pa.bool_()))
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self._fh, table.schema)
        self._parquet.write_table(table.cast(self._parquet.schema))
        return table.num_rows

    def _close_parquet(self) -> None:
        if self._parquet is not None:
            self._parquet.close()


def lint_corpora(paths: list[str], *, config: str | None = None, overrides: Overrides = Overrides(),
                 jobs: int | None = None, keep_text: bool = False, fields: Fields = Fields(),
                 output: str | None = None, drop: frozenset[str] = frozenset(),
                 progress: Callable[[int], None] | None = None,
                 tally: Callable[[FileResult], None] | None = None,
                 emit: Callable[[FileResult], bool] | None = None,
                 engine: Engine | None = None) -> tuple[list[FileResult], CopyStats]:
    """Lint every record of the corpus files `paths` (in order); with `output`, write the cleaned
    copy there: the records with their fixed text (`overrides.fix`), without those that have a
    finding of a rule in `drop` after the fixes. `tally` sees each result with its text (the
    health report) before the text is let go unless `keep_text`. `emit` sees each result as it
    comes (a streamed report); the results it returns False for are not kept, so that memory does
    not grow with the corpus. Config errors raise ConfigError before anything is read.

    `engine` runs the lint tasks (default: local processes, `jobs` of them). The driver reads the
    records and writes the copy; only the tasks' records travel to the workers, and the engine
    keeps a bounded number of them in flight, so the same outputs come from every engine."""
    from .engines.local import LocalEngine
    from .i18n import language

    resolver = ConfigResolver(config)
    settings: list[Settings] = []
    for p in paths:
        check_settings(resolver.for_path(p))
        settings.append(effective(resolver.for_path(p), overrides))
    engine = engine or LocalEngine(jobs)
    stats = CopyStats()
    results: list[FileResult] = []
    pending: deque[tuple[str, object, list[_Item], list[FileResult], int]] = deque()

    def tasks() -> Iterator[tuple[int, str, list[tuple[str, str]]]]:
        """The lint tasks, in input order; each group read is queued in `pending` with how many
        tasks it became, before the engine sees them."""
        for source, path in enumerate(paths):
            warnings = Warnings(keep=1 << 62)
            for batch, items in _groups(path, fields, warnings):
                valid = [(it.record, it.text) for it in items if it.text is not None]
                chunks = [valid[i:i + TASK_RECORDS] for i in range(0, len(valid), TASK_RECORDS)]
                pending.append((path, batch, items, _problems(warnings, path), len(chunks)))
                for chunk in chunks:
                    yield source, path, chunk
            pending.append((path, None, [], _problems(warnings, path), 0))

    with ExitStack() as stack:
        copy = _Copy(output, kind_of(paths[0]), fields, stack) if output else None
        engine.start(CheckContext(settings, overrides, keep_text or tally is not None, language()))
        stack.callback(engine.close)
        done = iter(engine.map(lint_task, tasks()))
        ahead: deque[list[FileResult]] = deque()
        while True:
            if not pending:  # the engine reads the next group when asked for a result
                more = next(done, None)
                if more is None and not pending:
                    break
                if more is not None:
                    ahead.append(more)
                continue
            path, batch, items, problems, n = pending.popleft()
            linted = [r for _n in range(n) for r in (ahead.popleft() if ahead else next(done))]
            if not items:
                _keep(results, problems, tally, keep_text, emit)
                continue
            kept, cleaned = [], []
            it_linted = iter(linted)
            for it in items:
                if it.text is None:
                    stats.skipped += 1
                    kept.append(False)
                    cleaned.append(None)
                    continue
                r = next(it_linted)
                stats.read += 1
                stats.changed += r.cleaned is not None
                hit = sorted({f.family for f in r.findings if f.code in drop})
                if hit:
                    stats.dropped += 1
                    stats.dropped_by.update(hit)
                kept.append(not hit)  # a record a rule failed on is copied as it is
                cleaned.append(r.cleaned)
                r.cleaned = None  # written below; not kept for the whole corpus
            if copy is not None:
                stats.written += copy.write(batch, items, kept, cleaned)
            _keep(results, problems + linted, tally, keep_text, emit)
            if progress:
                progress(stats.read)
    return results, stats


def _keep(results: list[FileResult], new: list[FileResult], tally, keep_text: bool, emit) -> None:
    for r in new:
        if tally is not None:
            tally(r)
            if not keep_text:
                r.text = None
        if emit is None or emit(r):
            results.append(r)
