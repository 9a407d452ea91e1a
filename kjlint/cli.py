"""The command-line interface: parses options and calls the library. Exit codes:

0  no finding at or above the failing severity (and every input was read)
1  findings at or above the failing severity
2  usage error, unreadable configuration or rule pack, unreadable input, or internal error
"""
from __future__ import annotations

import contextlib
import gc
import importlib
import io
import os
import sys

# No collection while the modules below load, and none walks them afterwards (frozen): they
# live until exit, and collections during and right after the imports walked them again
# (3.3 ms of a one-draft check, timed by a gc callback). `check` keeps the collector off until
# its catalogue is built and frozen too.
_collecting = gc.isenabled()
gc.disable()
try:
    import click

    from . import __version__
    from .clihelp import N_, Group, apply_configured_language, argument, lang_option, option
    from .engines.cli import engine_options
    from .i18n import _, ngettext
finally:
    gc.freeze()
    if _collecting:
        gc.enable()

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
PROGRESS_MIN_FILES = 8
FORMAT_NAMES = ["text", "concise", "json", "jsonl", "sarif", "github", "rdjson", "junit", "html"]


class LazyGroup(Group):
    """Subcommands living in other modules are imported only when invoked (fast start-up)."""

    lazy = {
        "dedupe": "kjlint.dedupe.cli:dedupe",
        "diff": "kjlint.dedupe.cli:diff",
    }

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(self.lazy))

    def get_command(self, ctx, name):
        if name in self.lazy:
            module, attr = self.lazy[name].split(":")
            try:
                return getattr(importlib.import_module(module), attr)
            except (ImportError, AttributeError):
                return None
        return super().get_command(ctx, name)


def _err(msg: str, level: str = "error") -> None:
    from .formats import escape_controls  # messages quote file names and document text

    template = _("kjlint: warning: {message}") if level == "warning" else _("kjlint: error: {message}")
    click.echo(template.format(message=escape_controls(msg)), err=True)


def _apply_config_language(settings) -> None:
    """`lang` of the configuration, unless --lang was given. The configuration that applies to
    the first input (or the current folder) decides for the whole run."""
    apply_configured_language(settings)


def _print_version(ctx, _param, value):
    if not value or ctx.resilient_parsing:
        return
    click.echo(_("{prog}, version {version}").format(prog="kjlint", version=__version__))
    ctx.exit()


def _split(values) -> tuple[str, ...]:
    out = []
    for v in values or ():
        out.extend(s for s in v.replace(" ", ",").split(",") if s)
    return tuple(out)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]},
             help=N_("kjlint: lint and deduplicate Chinese official documents (工作总结, 工作计划, 述职报告)."))
@option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
        help=N_("Show the version and exit."))
@lang_option
def main():
    pass


@main.command(help=N_("Lint documents (files, directories, or - for standard input)."))
@argument("paths", nargs=-1, type=click.Path())
@option("--select", multiple=True, help=N_("Rule codes, prefixes (KJ2) or names to enable (replaces config)."))
@option("--ignore", multiple=True, help=N_("Rule codes, prefixes or names to disable."))
@option("--extend-select", multiple=True, help=N_("Rules to enable in addition to the selection."))
@option("--format", "fmt", type=click.Choice(FORMAT_NAMES), default="text", show_default=True,
        help=N_("Output format."))
@option("-o", "--output-file", type=click.Path(dir_okay=False), help=N_("Write the report to a file."))
@option("--config", type=click.Path(dir_okay=False), help=N_("Use this configuration file for all inputs."))
@option("--profile", help=N_("Document profile (work-summary, work-plan, duty-report…); default: from the title."))
@option("--statistics", is_flag=True, help=N_("Print a count of findings per rule instead of the findings."))
@option("-q", "--quiet", is_flag=True, help=N_("Print findings only: no summary, warnings or progress."))
@option("--no-progress", is_flag=True, help=N_("Never show a progress bar."))
@option("--exit-zero", is_flag=True, help=N_("Exit 0 even when there are findings."))
@option("--fail-level", type=click.Choice(["info", "warning", "error"]),
        help=N_("Lowest severity that makes the exit code 1 (default from config: info)."))
@option("--fix", is_flag=True, help=N_("Apply safe fixes to the files (atomically)."))
@option("--unsafe-fixes", is_flag=True, help=N_("Also apply unsafe fixes (implies --fix unless --diff)."))
@option("--diff", is_flag=True,
        help=N_("Print the fixes as a patch (for patch -p1) instead of writing them; the report goes to stderr."))
@option("--annotate", is_flag=True,
        help=N_("Word files: write a review copy (draft.kjlint.docx) with a Word comment per finding."))
@option("--annotate-output", type=click.Path(),
        help=N_("Where the review copy goes (a file, or a folder for several); implies --annotate."))
@option("--baseline", type=click.Path(dir_okay=False), help=N_("Ignore findings recorded in this baseline file."))
@option("--update-baseline", is_flag=True, help=N_("Write all current findings to the --baseline file."))
@option("--reference", multiple=True, type=click.Path(),
        help=N_("Directory or file of earlier documents to compare the draft against (KJ1)."))
@option("--report-unchanged", is_flag=True,
        help=N_("Report the share of the draft carried over from a reference."))
@option("--text-field", default="text", show_default=True, help=N_("JSONL/Parquet field holding the text."))
@option("--id-field", default="id", show_default=True, help=N_("JSONL/Parquet field holding the id."))
@option("--output", "corpus_output", type=click.Path(),
        help=N_("Corpus (JSONL, Parquet): write a cleaned copy here, in the input's format (with --fix, "
                "the records fixed; never the input itself)."))
@option("--drop-if", multiple=True,
        help=N_("Corpus with --output: leave out records with a finding of these rules (codes, prefixes or "
                "names)."))
@option("--report", "report_path", type=click.Path(dir_okay=False),
        help=N_("Corpus: write a health report (HTML) of the records' defects to this file."))
@option("-j", "--jobs", type=click.IntRange(1), help=N_("Worker processes (default: all cores)."))
@engine_options(N_("Corpus (JSONL, Parquet): where its records are linted. local: this machine's worker processes "
                   "(-j); spark: the executors of a Spark cluster (pip install 'kjlint[spark]')."))
@option("-v", "--verbose", is_flag=True, help=N_("Show tracebacks and more detail."))
@lang_option
def check(paths, select, ignore, extend_select, fmt, output_file, config, profile, statistics, quiet,
          no_progress, exit_zero, fail_level, fix, unsafe_fixes, diff, annotate, annotate_output, baseline,
          update_baseline, reference, report_unchanged, text_field, id_field, corpus_output, drop_if,
          report_path, jobs, engine, master, spark_conf, verbose):
    # No collection until the catalogue is built: the modules, rule packs and pattern programs
    # loaded until then live until exit, and collections during the imports walked them again
    # and again (_check freezes them, then enables the collector).
    gc.disable()
    try:
        code = _check(**locals())
    except BrokenPipeError:  # `kjlint check … | head`: the reader left, stop quietly
        sys.stdout = open(os.devnull, "w")
        code = EXIT_FINDINGS
    except Exception as exc:  # internal error: exit 2 with a one-line message
        if verbose:
            import traceback

            traceback.print_exc()
        _err(_("internal error: {error} (run with --verbose for a traceback)").format(error=repr(exc)))
        code = EXIT_ERROR
    finally:
        gc.enable()
    sys.exit(code)


def _check(paths, select, ignore, extend_select, fmt, output_file, config, profile, statistics, quiet,
           no_progress, exit_zero, fail_level, fix, unsafe_fixes, diff, annotate, annotate_output, baseline,
           update_baseline, reference, report_unchanged, text_field, id_field, corpus_output, drop_if,
           report_path, jobs, engine, master, spark_conf, verbose) -> int:
    from .packs import PackError
    from .config import ConfigError, unknown_selector
    from .findings import Severity
    from .runner import Overrides, catalog_for, lint_paths
    from .engines.base import EngineUnavailable
    from .engines.cli import engine_settings
    from .engines.fingerprint import MethodMismatch
    from .reading import is_corpus

    if update_baseline and not baseline:
        _err(_("--update-baseline needs --baseline FILE"))
        return EXIT_ERROR
    corpora = [p for p in paths if is_corpus(p)]
    problem = _corpus_usage(paths, corpora, fix or unsafe_fixes, diff, corpus_output, drop_if, report_path,
                            engine)
    if problem:
        _err(problem)
        return EXIT_ERROR
    try:
        engine_config = engine_settings(engine, jobs, master, spark_conf)
    except ValueError as exc:
        _err(str(exc))
        return EXIT_ERROR
    if output_file or annotate_output or corpus_output or report_path:
        from .paths import OutputOverlap, refuse_overwriting_inputs

        try:
            refuse_overwriting_inputs({"-o": output_file, "--annotate-output": annotate_output,
                                       "--report": report_path},
                                      [p for p in paths if p != "-"], nested=False)
            refuse_overwriting_inputs({"--output": corpus_output}, corpora)
        except OutputOverlap as exc:
            _err(str(exc))
            return EXIT_ERROR
    options = (("report-unchanged", True),) if report_unchanged else ()
    ov = Overrides(select=_split(select) if select else None, ignore=_split(ignore),
                   extend_select=_split(extend_select), profile=profile, reference=tuple(reference),
                   fix=fix or (unsafe_fixes and not diff), unsafe_fixes=unsafe_fixes, diff=diff,
                   options=options, annotate=annotate or bool(annotate_output), annotate_output=annotate_output)
    show_progress = not (quiet or no_progress) and sys.stderr.isatty()
    try:
        from .config import ConfigResolver

        resolver = ConfigResolver(config)
        base_settings = resolver.for_path(paths[0] if paths else ".")
        _apply_config_language(base_settings)
        catalog = catalog_for(base_settings)  # the collector is off (see check)
        # Modules, the catalogue and the caches it read live until exit: kept out of the
        # collector's way, every later full collection no longer walks them (one 20,000-character
        # draft: 0.129 -> 0.113 CPU s, bench/bench_check.py's draft).
        gc.freeze()
        gc.enable()
        unknown = [sel for sel in _split(select) + _split(ignore) + _split(extend_select) + _split(drop_if)
                   if not catalog.is_known(sel)]
        if unknown:
            _err(unknown_selector(unknown[0]))
            return EXIT_ERROR
        # The report's module now: the patterns it compiles are then stored with the catalogue's
        # while the workers lint (kjlint.runner), not rewritten into the cache at exit.
        from . import formats  # noqa: F401
        others = [p for p in paths if p not in corpora]
        results = _run_with_progress(lint_paths, others, config, ov, jobs, fmt, show_progress) \
            if others or not corpora else []
        copy = health = streamed = None
        if corpora:
            from .corpus import lint_corpora
            from .engines import engine_named
            from .records import Fields

            drop = frozenset(c for sel in _split(drop_if) for c in catalog.resolve(sel))
            if report_path:
                from .formats.corpus_html import Health

                health = Health()
            fail = Severity.parse(fail_level) if fail_level else base_settings.fail_level
            if fmt == "jsonl" and not (baseline or statistics):  # streamed: see _StreamedRecords
                streamed = _StreamedRecords(fail)
            with _record_progress(show_progress) as progress, _report_stream(streamed, output_file) as out:
                if streamed is not None:
                    streamed.out = out
                    results = [r for r in results if streamed(r)]
                linted, copy = lint_corpora(corpora, config=config, overrides=ov,
                                            keep_text=fmt in ("text", "html", "rdjson"),
                                            fields=Fields(text_field, id_field), output=corpus_output,
                                            drop=drop, progress=progress, tally=health.add if health else None,
                                            emit=streamed, engine=engine_named(engine, **engine_config))
            results += linted
            if streamed is None:
                results.sort(key=lambda r: r.path)  # stable: the records of a file stay in their order
    except (ConfigError, PackError, EngineUnavailable, MethodMismatch) as exc:
        _err(str(exc))
        return EXIT_ERROR
    fail = Severity.parse(fail_level) if fail_level else base_settings.fail_level
    if baseline:
        from .baseline import BaselineError, filter_baseline, load_baseline, write_baseline
    if baseline and not update_baseline:
        try:
            entries = load_baseline(baseline)
        except BaselineError as exc:
            _err(str(exc))
            return EXIT_ERROR
        for r in results:
            r.findings = filter_baseline(r.findings, entries)
    if update_baseline:
        n = write_baseline(baseline, [f for r in results for f in r.findings])
        if not quiet:
            click.echo(ngettext("Wrote {n} finding to baseline {path}.", "Wrote {n} findings to baseline {path}.",
                                n).format(n=n, path=baseline), err=True)
        for r in results:
            r.findings = []
    input_errors = [r.error for r in results if r.error]
    for e in input_errors:
        _err(e)
    if not quiet:
        for r in results:
            if r.warning:
                _err(r.warning, "warning")
        _review_notes(results)
    if diff:  # standard output holds the patch alone; the report goes to stderr
        for r in results:
            if r.diff:
                click.echo(r.diff, nl=False)
    if streamed is None:
        _write_report(results, fmt, output_file, catalog, statistics, quiet, diff)
    if corpora and not quiet:
        _corpus_notes(copy, corpus_output)
    if health is not None:
        from .fixes import atomic_write_bytes
        from .formats.corpus_html import render_health

        atomic_write_bytes(report_path, render_health(health).encode("utf-8", "backslashreplace"))
    if input_errors and not quiet:  # the summary above counts checked files only: say so
        n, total = len(input_errors), len(results) + (streamed.let_go if streamed else 0)
        if n == 1:
            message = ngettext("{n} of {total} input was not checked (see the errors above)",
                               "{n} of {total} inputs was not checked (see the errors above)", total)
        else:
            message = _("{n} of {total} inputs were not checked (see the errors above)")
        _err(message.format(n=n, total=total))
    failing = any(f.severity >= fail for r in results for f in r.findings) or bool(streamed and streamed.failing)
    if input_errors:
        return EXIT_ERROR
    if failing and not exit_zero:
        return EXIT_FINDINGS
    return EXIT_OK


class _StreamedRecords:
    """`--format jsonl` on corpora: each record's line is written as soon as it is linted, and only
    the results with an error or a warning are kept (for the messages at the end), so that memory
    does not grow with the corpus. Lines come in input order: files first, then each corpus."""

    def __init__(self, fail):
        self.fail, self.out = fail, None
        self.failing = False
        self.let_go = 0

    def __call__(self, r) -> bool:
        from .formats.machine import write_record_line

        write_record_line(r, self.out)
        self.failing = self.failing or any(f.severity >= self.fail for f in r.findings)
        if r.error or r.warning:
            return True
        self.let_go += 1
        return False


@contextlib.contextmanager
def _report_stream(streamed, output_file):
    """Where a streamed report goes: `output_file` (replaced when the run ends without error) or
    standard output; None when the report is not streamed."""
    if streamed is None:
        yield None
    elif output_file:
        from .fixes import atomic_open

        with atomic_open(output_file) as fh:
            out = io.TextIOWrapper(fh, encoding="utf-8", errors="backslashreplace", newline="\n")
            yield out
            out.flush()
            out.detach()
    else:
        with _escaping(sys.stdout) as out:
            yield out


def _corpus_usage(paths, corpora, fix, diff, output, drop_if, report, engine="local") -> str | None:
    """Why the corpus options do not fit the inputs, or None. A corpus is never rewritten in
    place: it is fixed into a copy (--output)."""
    if corpora and fix and not output:
        return _("{path}: a corpus is never rewritten in place; write a cleaned copy with --fix --output "
                 "CLEANED").format(path=corpora[0])
    if corpora and diff:
        return _("{path}: --diff is for files; for a corpus write a cleaned copy with --fix --output CLEANED"
                 ).format(path=corpora[0])
    if (output or drop_if or report or engine != "local") and (not corpora or len(corpora) < len(paths)):
        option = "--output" if output else "--drop-if" if drop_if else "--report" if report else "--engine"
        return _("{option} is for corpora (JSONL, Parquet files) only; other inputs: {paths}").format(
            option=option, paths=", ".join(p for p in paths if p not in corpora) or "-")
    if drop_if and not output:
        return _("--drop-if needs --output CLEANED (records are left out of the cleaned copy)")
    if output:
        from .records import output_problem

        return output_problem(corpora)
    return None


def _corpus_notes(copy, output) -> None:
    """The cleaned copy's counts on stderr: read, changed, dropped (per rule family), skipped."""
    from .formats import escape_controls

    if copy is None or not output:
        return
    dropped = _(", ").join(f"{family} ×{n}" for family, n in sorted(copy.dropped_by.items()))
    message = _("kjlint: wrote {output}: {written} of {read} records ({changed} changed by fixes, {dropped} "
                "dropped{why}, {skipped} skipped as unreadable or empty)").format(
        output=output, written=copy.written, read=copy.read + copy.skipped, changed=copy.changed,
        dropped=copy.dropped, why=_(": {families}").format(families=dropped) if dropped else "",
        skipped=copy.skipped)
    click.echo(escape_controls(message), err=True)


def _review_notes(results) -> None:
    """One line on stderr per review copy of a Word draft written."""
    from .formats import escape_controls
    from .i18n import _, ngettext

    for r in results:
        if r.review_copy:
            comments = ngettext("{n} comment", "{n} comments", r.review_comments).format(n=r.review_comments)
            changes = ngettext("{n} tracked change", "{n} tracked changes", r.review_changes).format(
                n=r.review_changes)
            click.echo(escape_controls(_("kjlint: wrote {copy} ({comments}, {changes}) for {draft}").format(
                copy=r.review_copy, comments=comments, changes=changes, draft=r.path)), err=True)


def _run_with_progress(lint_paths, paths, config, ov, jobs, fmt, show_progress):
    keep_text = fmt in ("text", "html", "rdjson")
    if not show_progress:
        return lint_paths(paths, config=config, overrides=ov, jobs=jobs, keep_text=keep_text)
    bar: dict = {}

    def update(done, total):
        if total < PROGRESS_MIN_FILES:
            return  # a bar that flashes for a file or two is noise
        if not bar:
            from rich.progress import Progress

            bar["progress"] = Progress(transient=True, console=_stderr_console())
            bar["progress"].start()
            # Translators: the label of the progress bar while files are linted.
            bar["task"] = bar["progress"].add_task(_("Linting"), total=total)
        bar["progress"].update(bar["task"], completed=done, total=total)

    try:
        return lint_paths(paths, config=config, overrides=ov, jobs=jobs, keep_text=keep_text, progress=update)
    finally:
        if bar:
            bar["progress"].stop()


@contextlib.contextmanager
def _record_progress(show: bool):
    """A progress callback counting the records of corpora linted so far (how many there are is
    known only at the end), or None."""
    if not show:
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    # Translators: the progress of a corpus check: "Linting records: 51200".
    with Progress(SpinnerColumn(), TextColumn(_("Linting records: {n}").replace("{n}", "{task.completed}")),
                  TimeElapsedColumn(), transient=True, console=_stderr_console()) as bar:
        task = bar.add_task("", total=None)
        yield lambda done: bar.update(task, completed=done)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _write_report(results, fmt, output_file, catalog, statistics, quiet, diff=False):
    """Write the report to `output_file`, or to stdout (stderr with --diff, which keeps stdout
    for the patch). Characters the stream cannot encode (bytes of a file name that are not UTF-8)
    are written as backslash escapes, which are also valid JSON escapes."""
    from .fixes import atomic_write_bytes
    from .formats import get_writer

    writer = get_writer(fmt)
    if output_file:
        buf = io.StringIO()
        writer(results, buf, catalog=catalog, color=False, statistics=statistics, fix_hint=not quiet, diff=diff)
        atomic_write_bytes(output_file, buf.getvalue().encode("utf-8", "backslashreplace"))
        return
    stream = sys.stderr if diff else sys.stdout
    color = stream.isatty() and "NO_COLOR" not in os.environ
    with _escaping(stream) as out:
        if fmt in ("text", "concise") and quiet:
            writer(results, out, catalog=catalog, color=color, statistics=statistics, fix_hint=False,
                   summary=False, diff=diff)
            return
        writer(results, out, catalog=catalog, color=color, statistics=statistics, fix_hint=True, diff=diff)
        if fmt in ("text", "concise") and not any(r.findings for r in results) and not any(r.error for r in results):
            n = sum(1 for r in results if not r.error)
            out.write(ngettext("All checks passed ({n} file).", "All checks passed ({n} files).", n).format(n=n)
                      + "\n")


@contextlib.contextmanager
def _escaping(stream):
    """`stream` with errors='backslashreplace', so that no report is cut short by a character the
    stream's encoding (or UTF-8, for a lone surrogate) cannot hold."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        yield stream
        return
    stream.flush()
    out = io.TextIOWrapper(buffer, encoding=stream.encoding or "utf-8", errors="backslashreplace",
                           write_through=True)
    try:
        yield out
    finally:
        out.flush()
        out.detach()


def _catalog_or_exit(config: str | None):
    """The catalogue for the current folder's configuration (and its `lang`); exit 2 with a
    message if broken."""
    from .packs import PackError
    from .config import ConfigError, ConfigResolver
    from .runner import catalog_for

    try:
        settings = ConfigResolver(config).for_path(".")
        _apply_config_language(settings)
        return catalog_for(settings)
    except (ConfigError, PackError) as exc:
        _err(str(exc))
        sys.exit(EXIT_ERROR)


@main.command("rules", help=N_("List every rule: code, name, family, severity, fixable."))
@option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table", show_default=True,
        help=N_("Output format: a table for the terminal, JSON, or Markdown for documentation."))
@option("--config", type=click.Path(dir_okay=False), help=N_("Include packs named by this configuration."))
@lang_option
def rules_cmd(fmt, config):
    catalog = _catalog_or_exit(config)
    from .docs import rules_json, rules_markdown, rules_table

    if fmt == "json":
        click.echo(rules_json(catalog))
    elif fmt == "markdown":
        click.echo(rules_markdown(catalog), nl=False)
    else:
        rules_table(catalog)


@main.command("rule", help=N_("Explain one rule (code or name): description, rationale and examples."))
@argument("selector")
@option("--config", type=click.Path(dir_okay=False), help=N_("Include packs named by this configuration."))
@lang_option
def rule_cmd(selector, config):
    catalog = _catalog_or_exit(config)
    codes = catalog.resolve(selector)
    if len(codes) != 1:
        if codes:
            message = _("no single rule matches {selector} (matches {codes}); see `kjlint rules`")
        else:
            message = _("no single rule matches {selector}; see `kjlint rules`")
        _err(message.format(selector=repr(selector), codes=", ".join(codes)))
        sys.exit(EXIT_ERROR)
    from .docs import rule_markdown

    click.echo(rule_markdown(catalog.rules[codes[0]]), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
