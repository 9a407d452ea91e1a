"""`kjlint dedupe` and `kjlint diff` (mapped lazily from kjlint.cli)."""
from __future__ import annotations

import json
import sys
import time

import click

from ..clihelp import N_, argument, command, configured_language, option
from ..formats import dedupe_labels as labels
from ..i18n import _
from ..engines.cli import engine_options
from .keep import POLICIES

EXIT_OK, EXIT_ERROR = 0, 2


def _console():
    from rich.console import Console

    return Console(stderr=True)


class _RichProgress:
    """One rich progress bar per phase, on a TTY only."""

    def __init__(self):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), console=_console(), transient=True)
        self.tasks: dict[str, int] = {}

    def __enter__(self):
        self.progress.__enter__()
        return self

    def __exit__(self, *exc):
        return self.progress.__exit__(*exc)

    def __call__(self, phase: str, done: int, total) -> None:
        if phase not in self.tasks:
            self.tasks[phase] = self.progress.add_task(labels.phase_name(phase), total=total)
        self.progress.update(self.tasks[phase], completed=done, total=total)



def show_header(number, kept, why, dropped, similarity: float, reason, others: int) -> str:
    """The line above a cluster shown side by side (--show): which is which, how alike, why."""
    if others:
        template = _("cluster {number}: kept {kept} ({why}); dropped {dropped}: similarity (Jaccard) "
                     "{similarity:.2f}, {reason} (+{others} more dropped)")
    else:
        template = _("cluster {number}: kept {kept} ({why}); dropped {dropped}: similarity (Jaccard) "
                     "{similarity:.2f}, {reason}")
    return template.format(number=number, kept=kept, why=why, dropped=dropped, similarity=similarity,
                           reason=reason, others=others)


def print_warnings(warnings) -> None:
    """Counted bad-input warnings on stderr (the first ones, then how many more)."""
    for msg in warnings.messages:
        click.echo(_("kjlint: warning: {message}").format(message=msg), err=True)
    if warnings.count > len(warnings.messages):
        click.echo(_("kjlint: warning: … and {count} more").format(count=warnings.count - len(warnings.messages)),
                   err=True)


def summary_table(result) -> None:
    from rich.table import Table

    table = Table(title="kjlint dedupe", show_header=True)
    # Translators: the heads of the columns of dedupe's summary table.
    table.add_column(_("measure"))
    table.add_column(_("value"), justify="right")
    for k, v in result.summary().items():
        table.add_row(labels.measure_name(k), f"{v:,}" if isinstance(v, int) else str(v))
    for phase, secs in result.timings.items():
        table.add_row(_("time: {phase}").format(phase=labels.phase_name(phase)), labels.seconds(secs))
    _console().print(table)


@command(help=N_("Find near-duplicate documents (traditional/simplified, truncated, masked, re-headed copies) "
                "and keep the best copy of each."))
@argument("inputs", nargs=-1, required=True, type=click.Path())
@option("--text-field", default="text", show_default=True, help=N_("JSONL/Parquet field holding the text."))
@option("--id-field", default="id", show_default=True, help=N_("JSONL/Parquet field holding the id."))
@option("--clusters", "clusters_path", type=click.Path(dir_okay=False),
        help=N_("Write clusters of two or more as JSONL."))
@option("--output", "output_path", type=click.Path(),
        help=N_("Write the deduplicated corpus in the input's format (JSONL, Parquet, or a directory)."))
@option("--keep-list", type=click.Path(dir_okay=False), help=N_("Write the ids kept, one per line."))
@option("--drop-list", type=click.Path(dir_okay=False), help=N_("Write the ids dropped, one per line."))
@option("--keep", type=click.Choice(POLICIES), default="best", show_default=True,
        help=N_("Which copy to keep: fewest KJ2/KJ3/KJ4/KJ6 findings, first, or longest."))
@option("--level", type=click.Choice(["document", "paragraph"]), default="document", show_default=True,
        help=N_("paragraph: report passages repeated across documents instead of clustering documents."))
@option("--min-docs", type=click.IntRange(2), default=3, show_default=True,
        help=N_("(--level paragraph) Report passages found in at least this many documents."))
@option("--num-perm", type=click.IntRange(8), default=128, show_default=True,
        help=N_("Hash functions in each document's MinHash signature (more: finer similarity, slower)."))
@option("--bands", type=click.IntRange(1), default=16, show_default=True,
        help=N_("LSH bands: documents that agree on all rows of one band become a candidate pair."))
@option("--rows", type=click.IntRange(1), default=8, show_default=True,
        help=N_("Signature values per LSH band (bands x rows may not exceed --num-perm)."))
@option("--lsh", type=click.Choice(["auto", "sort", "datasketch"]), default="auto", show_default=True,
        help=N_("Candidate search: numpy sort of band keys, datasketch MinHashLSH, or datasketch for small "
                "corpora."))
@option("--jaccard", type=click.FloatRange(0, 1), default=0.6, show_default=True,
        help=N_("Verified Jaccard (character 5-grams) that makes a duplicate."))
@option("--containment", type=click.FloatRange(0, 1), default=0.8, show_default=True,
        help=N_("Verified containment that makes a truncated copy a duplicate."))
@option("--fuzzy", type=click.FloatRange(0, 1), help=N_("Also accept pairs with this rapidfuzz ratio."))
@option("--fold-digits", is_flag=True, help=N_("Treat all numbers as equal (year-over-year reports then match)."))
@option("--fold-masks", is_flag=True, help=N_("Treat masks (xx, XX, ××) as numbers."))
@option("--cache", "cache_dir", type=click.Path(file_okay=False),
        help=N_("Signature cache folder (default: ~/.cache/kjlint/dedupe)."))
@option("--no-cache", is_flag=True, help=N_("Do not read or write the signature cache."))
@option("-j", "--jobs", type=click.IntRange(1), help=N_("Worker processes (default: all cores)."))
@option("--no-spill", is_flag=True,
        help=N_("Normalize candidate documents again when verifying, instead of keeping the canonical "
                "texts in a temporary file (2 bytes per character, removed at the end)."))
@option("--dry-run", is_flag=True, help=N_("Report only; write no output files."))
@option("--show", type=click.IntRange(0), default=0, help=N_("Show the first N clusters side by side."))
@option("--report", "report_path", type=click.Path(dir_okay=False), help=N_("Write an HTML report."))
@option("-q", "--quiet", is_flag=True, help=N_("No summary table or warnings."))
@option("--no-progress", is_flag=True, help=N_("Never show progress bars."))
@engine_options()
def dedupe(**params):
    configured_language()
    from .options import DedupeOptions

    try:
        options = DedupeOptions.from_params(params)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    sys.exit(run(options))


def run(options) -> int:
    """One `kjlint dedupe`: plan the inputs, run the method through the chosen engine, write, print."""
    from ..engines import engine_named
    from ..engines.base import EngineUnavailable
    from .method import dedupe as run_method
    from .method.fingerprint import MethodMismatch
    from .outputs import write_results
    from ..records import output_kind, plan_sources

    if options.engine == "spark" and options.level != "document":
        raise click.UsageError(_("--engine spark supports --level document only"))
    _refuse_overwriting_inputs(options.outputs.named(), options.inputs)
    if options.level == "paragraph":
        return _paragraphs(options.inputs, options.config, options.min_docs, options.outputs.clusters,
                           options.quiet)
    started = time.perf_counter()
    plan_warnings: list[str] = []
    sources = plan_sources(options.inputs, _Collect(plan_warnings))
    if options.outputs.output:
        try:
            output_kind(sources)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
    try:
        engine = engine_named(options.engine, **options.engine_options)
        if options.progress and sys.stderr.isatty():
            with _RichProgress() as bar:
                result = run_method(config=options.config, sources=sources, progress=bar, engine=engine)
        else:
            result = run_method(config=options.config, sources=sources, engine=engine)
    except (EngineUnavailable, MethodMismatch) as exc:
        click.echo(_("kjlint: error: {message}").format(message=exc), err=True)
        return EXIT_ERROR
    # Missing inputs are found while planning: count them with the run's warnings.
    for msg in plan_warnings:
        result.warnings.add(msg)
    t = time.perf_counter()
    written = write_results(result, options.outputs, sources, options.config)
    if written:
        result.timings["write"] = time.perf_counter() - t
    result.timings["total"] = time.perf_counter() - started
    if not options.quiet:
        print_warnings(result.warnings)
        if options.show:
            _show_clusters(result.clusters[:options.show], options.config, sources)
        summary_table(result)
        for path, count, what in written:
            click.echo(labels.wrote(path, count, what), err=True)
        if not written:
            click.echo(labels.dry_run(), err=True)
    return EXIT_OK if result.documents or not result.warnings.count else EXIT_ERROR


def _refuse_overwriting_inputs(outputs: dict, inputs) -> None:
    """Exit 2 before anything is read or written when an output would land on, in or around an input."""
    from ..paths import OutputOverlap, refuse_overwriting_inputs

    try:
        refuse_overwriting_inputs(outputs, inputs)
    except OutputOverlap as exc:
        click.echo(_("kjlint: error: {message}").format(message=exc), err=True)
        sys.exit(EXIT_ERROR)


class _Collect:
    def __init__(self, out: list):
        self.out = out

    def add(self, msg: str) -> None:
        self.out.append(msg)


def _paragraphs(inputs, config, min_docs, out_path, quiet) -> int:
    from .outputs import write_lines
    from .paragraphs import repeated_paragraphs
    from ..records import Warnings, iter_records, plan_sources

    warnings = Warnings()
    sources = plan_sources(inputs, warnings)
    passages, docs = repeated_paragraphs(iter_records(sources, config.fields, warnings), config.normalize, min_docs)
    written = 0
    if out_path:
        written = write_lines(out_path, (json.dumps(p.to_json(), ensure_ascii=False) for p in passages))
    if not quiet:
        print_warnings(warnings)
        if out_path:
            click.echo(labels.wrote(out_path, written, "passages"), err=True)
        from rich.table import Table

        table = Table(title=_("Passages repeated in ≥ {min_docs} of {docs} documents").format(
            min_docs=min_docs, docs=docs))
        # Translators: the heads of the columns of the table of passages repeated across documents.
        table.add_column(_("documents"), justify="right")
        table.add_column(_("passage"))
        for p in passages[:20]:
            table.add_row(str(p.documents), p.text[:80])
        _console().print(table)
    return EXIT_OK


def _text_for(path: str | None, ident: str, config, sources) -> str:
    """`kjlint diff`: a file's text, or the text of the document with id `ident` in `sources`."""
    if path:
        from ..reading import read_document

        return read_document(path).text
    from ..records import iter_records

    for r in iter_records(sources, config.fields, None):
        if r.id == ident:
            return r.text
    raise click.UsageError(_("no document with id {id}").format(id=repr(ident)))


def _show_clusters(clusters, config, sources) -> None:
    """Each cluster's kept member and first dropped one side by side, under a line saying which is
    which, their similarity and why; the texts come from one pass over the inputs, found by
    document index (ids need not be unique)."""
    from .outputs import member_texts
    from .sidebyside import render_side_by_side

    pairs = [(c, c.kept, next(m for m in c.members if not m.kept)) for c in clusters]
    texts = member_texts(clusters, sources, config)
    console = _console_out()
    for c, kept, dropped in pairs:
        console.print(show_header(c.number, kept.id, kept.reason, dropped.id, dropped.similarity, dropped.reason,
                                  len(c.members) - 2), markup=False, highlight=False)
        render_side_by_side(texts.get(kept.index, ""), texts.get(dropped.index, ""),
                            _("kept: {id}").format(id=kept.id), _("dropped: {id}").format(id=dropped.id), console)


def _console_out():
    from rich.console import Console

    return Console()


@command(help=N_("Show two documents side by side with their differences highlighted."))
@argument("a")
@argument("b")
@option("--input", "inputs", multiple=True, type=click.Path(exists=True),
        help=N_("Corpus (JSONL/Parquet/directory) in which A and B are ids rather than files."))
@option("--text-field", default="text", show_default=True,
        help=N_("(--input) JSONL/Parquet field holding the text."))
@option("--id-field", default="id", show_default=True, help=N_("(--input) JSONL/Parquet field holding the id."))
@option("--width", type=click.IntRange(40), help=N_("Terminal width to use."))
def diff(a, b, inputs, text_field, id_field, width):
    configured_language()
    from ..reading import InputError
    from .method import DedupeConfig
    from .sidebyside import render_side_by_side
    from ..records import Fields, plan_sources

    config = DedupeConfig(fields=Fields(text_field, id_field))
    sources = plan_sources(inputs) if inputs else []
    try:
        ta = _text_for(None if inputs else a, a, config, sources)
        tb = _text_for(None if inputs else b, b, config, sources)
    except InputError as exc:
        click.echo(_("kjlint: error: {message}").format(message=exc), err=True)
        sys.exit(EXIT_ERROR)
    from rich.console import Console

    render_side_by_side(ta, tb, a, b, Console(width=width) if width else Console())
