"""Linting many files: discovery, per-file settings, parallel workers, fixes.

The CLI is a thin layer over `lint_paths`; library users can call it directly.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable

from .catalog import OverrideError, load_catalog
from .packs import Catalog, PackError
from .config import ConfigError, ConfigResolver, Settings, at, check_selectors, in_place
from .document import Document
from .engine import LintOptions, lint_document, select_codes
from .findings import Finding, location_name
from .fixes import applicable, apply_fixes, atomic_write_text, refuse_unsafe_rewrite
from .i18n import _
from .reading import InputError, SkippedInput, discover, matches_any, read_document, read_stdin

PARALLEL_MIN_FILES = 8
MAX_FIX_PASSES = 10


@dataclass(frozen=True)
class Overrides:
    """Command-line choices that override configuration files."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    profile: str | None = None
    reference: tuple[str, ...] = ()
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    options: tuple = ()  # extra (key, value) check options, e.g. report-unchanged
    annotate: bool = False  # Word drafts: a review copy with a comment per finding
    annotate_output: str | None = None  # the copy's path (or a folder for the copies)


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    warning: str | None = None
    fixed: int = 0  # findings with an applicable fix that fixing resolved (what "N fixable" counted)
    went_away: int = 0  # findings without one that went away with the changes
    diff: bytes = b""  # with --diff: a patch for `patch -p1` (see patch.unified_diff)
    text: str | None = None  # kept for formats that show the document (html)
    line_sources: list[str] | None = None  # with text, for .docx: where each line came from
    encoding: str = ""
    review_copy: str | None = None  # a Word draft's review copy written (--annotate, --fix)
    review_comments: int = 0  # comments in it
    review_changes: int = 0  # tracked changes (fixes) in it
    record: str = ""  # a record of a corpus: its id (findings name it too, see location_name)
    cleaned: str | None = None  # a record with --fix: its text with the fixes, when they changed it

    @property
    def location(self) -> str:
        return location_name(self.path, self.record)


def effective(settings: Settings, ov: Overrides) -> Settings:
    kw = {}
    if ov.select is not None:
        kw["select"] = ov.select
    if ov.ignore:
        kw["ignore"] = settings.ignore + ov.ignore
    if ov.extend_select:
        kw["extend_select"] = settings.extend_select + ov.extend_select
    if ov.profile:
        kw["profile"] = ov.profile
    if ov.reference:
        kw["reference"] = ov.reference
    return replace(settings, **kw)


def catalog_for(settings: Settings) -> Catalog:
    """The catalogue with the settings' packs and rule overrides; ConfigError naming the file and
    the key for an override that does not fit its rule."""
    try:
        return load_catalog(settings.extend_rules, settings.rule_overrides() or None)
    except OverrideError as exc:
        where = settings.source or _("configuration")
        raise ConfigError(in_place(where, exc)) from None
    except PackError as exc:
        if settings.source and any(str(exc).startswith(p) for p in settings.extend_rules):
            raise ConfigError(in_place(at(settings.source, "extend-rules"), exc)) from None  # a pack it names
        raise


def check_settings(settings: Settings) -> Catalog:
    """catalog_for, and every selector of the configuration file known to that catalogue."""
    catalog = catalog_for(settings)
    check_selectors(settings, catalog.is_known)
    if settings.profile and catalog.find_profile(settings.profile) is None:  # work-summary or 工作总结
        raise ConfigError(in_place(at(settings.source, "profile"), catalog.unknown_profile(settings.profile)))
    return catalog


def _relative(path: str, root: str) -> str:
    try:
        return os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")
    except ValueError:
        return path


def options_for(path: str, settings: Settings, catalog: Catalog, ov: Overrides) -> LintOptions:
    codes = select_codes(catalog, list(settings.select) if settings.select is not None else None,
                         list(settings.ignore), list(settings.extend_select),
                         with_profile=bool(settings.profile or settings.required_sections_list()))
    if settings.per_file_ignores and path != "-":
        rel = _relative(path, settings.root)
        for glob, selectors in settings.per_file_ignores:
            if matches_any(rel, [glob]):
                base = codes if codes is not None else {c for c, r in catalog.rules.items() if r.enabled}
                codes = base - {c for s in selectors for c in catalog.resolve(s)}
    options = dict(ov.options)
    if settings.reference:
        options["reference"] = list(settings.reference)
    return LintOptions(codes=codes, profile=settings.profile,
                       required_sections=settings.required_sections_list(), options=options)


def lint_one(path: str, settings: Settings, ov: Overrides, keep_text: bool = False) -> FileResult:
    """Read, lint and (if asked) fix one file. Never raises for bad input: see FileResult.error."""
    try:
        catalog = catalog_for(settings)
        doc = read_stdin(settings.max_file_size) if path == "-" else \
            read_document(path, max_bytes=settings.max_file_size)
        opts = options_for(path, settings, catalog, ov)
        findings = lint_document(doc, catalog, opts)
        _locate(doc, findings)
        result = FileResult(path, findings, text=doc.text if keep_text else None, encoding=doc.encoding,
                            line_sources=doc.line_sources if keep_text else None)
        if not doc.text or doc.text.isspace():  # not .strip(): a copy of every text
            result.warning = _("{path}: empty file, nothing to lint").format(path=path)
        if doc.source_format == "docx" and (ov.fix or ov.diff or ov.annotate):
            try:
                _review(doc, findings, catalog, opts, ov, settings, result)
            except (OSError, UnicodeError) as exc:  # read-only folder, full disk
                result.error = _("{path}: review copy not written: {reason}").format(
                    path=path, reason=getattr(exc, "strerror", None) or exc)
        elif (ov.fix or ov.diff) and applicable(findings, ov.unsafe_fixes):
            try:
                _fix(doc, findings, catalog, opts, ov, result)
            except (OSError, UnicodeError) as exc:  # read-only folder, full disk, unencodable fix
                result.error = _("{path}: fixes not written: {problem}").format(
                    path=path, problem=getattr(exc, "strerror", None) or exc)
        return result
    except InputError as exc:
        return FileResult(path, error=str(exc))
    except (PackError, ConfigError) as exc:
        return FileResult(path, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - a bug in a rule stops this file, not the whole run
        return FileResult(path, error=_("{path}: internal error while linting this file ({error}); the other "
                                        "files were linted").format(path=path, error=f"{type(exc).__name__}: {exc}"))


def _locate(doc: Document, findings: list[Finding]) -> None:
    """Source locations of findings in a structured file: `where`, and in a Word draft the
    place a Word user finds (headings, table cell, first words)."""
    if doc.line_sources:
        for f in findings:
            f.where = doc.where(f.offset)
    if doc.source_format == "docx":
        from .wordplace import add_places

        add_places(doc, findings)


def _fix(doc: Document, findings: list[Finding], catalog: Catalog, opts: LintOptions,
         ov: Overrides, result: FileResult) -> None:
    if doc.path == "-" and not ov.diff:
        result.warning = _("-: fixes are not written for standard input (use --diff)")
        return
    if doc.undecodable:  # rewriting would lose them, and a patch would not match the file
        result.warning = _("{path}: not fixed: it holds undecodable bytes that rewriting would lose (fix the "
                           "encoding first)").format(path=doc.path)
        return
    before = doc.source or doc.text
    text, after = fix_passes(doc, findings, catalog, opts, ov.unsafe_fixes)
    gone = _gone(doc.text, findings, text, after)
    result.fixed = len(applicable(gone, ov.unsafe_fixes))
    result.went_away = len(gone) - result.fixed
    if ov.diff:
        from .patch import unified_diff

        result.diff = unified_diff(doc.path, before, text, doc.encoding)
    else:
        refuse_unsafe_rewrite(doc.path)
        atomic_write_text(doc.path, text, doc.encoding)
        result.findings = after


def fix_passes(doc: Document, findings: list[Finding], catalog: Catalog, opts: LintOptions,
               unsafe: bool) -> tuple[str, list[Finding]]:
    """The text with the applicable fixes, pass after pass (a fix can make room for another),
    and its findings. Fixes go into the text as read (lone CRs kept): their offsets hold in it."""
    text, after = doc.source or doc.text, findings
    for _pass in range(MAX_FIX_PASSES):
        fixes = applicable(after, unsafe)
        if not fixes:
            break
        text = apply_fixes(text, fixes)[0]
        after = lint_document(Document(text, doc.path, doc.encoding), catalog, opts)
    return text, after


def lint_record(text: str, path: str, record: str, settings: Settings, ov: Overrides,
                keep_text: bool = False) -> FileResult:
    """One record of a corpus `path`, linted as a document of its own (structure rules see the
    record, not the file). With `ov.fix` its fixed text goes into `cleaned`: a corpus is never
    written here, only copied (kjlint.corpus). Never raises: see FileResult.error."""
    try:
        catalog = catalog_for(settings)
        opts = options_for(path, settings, catalog, ov)
        doc = Document(text, path)
        findings = lint_document(doc, catalog, opts)
        result = FileResult(path, findings, record=record)
        if ov.fix and applicable(findings, ov.unsafe_fixes):
            new, after = fix_passes(doc, findings, catalog, opts, ov.unsafe_fixes)
            gone = _gone(doc.text, findings, Document(new).text, after)
            result.fixed = len(applicable(gone, ov.unsafe_fixes))
            result.went_away = len(gone) - result.fixed
            result.findings = after
            if new != text:
                result.cleaned = new
        for f in result.findings:
            f.record = record
            f.related = [replace(r, record=record) if r.path == path and not r.record else r for r in f.related]
        if keep_text and result.findings:
            result.text = Document(result.cleaned).text if result.cleaned is not None else doc.text
        return result
    except Exception as exc:  # noqa: BLE001 - a bug in a rule stops this record, not the run
        return FileResult(path, record=record, error=_(
            "{path}: internal error while linting this file ({error}); the other files were linted").format(
            path=location_name(path, record), error=f"{type(exc).__name__}: {exc}"))


def review_output(path: str, ov: Overrides) -> str:
    """Where the review copy of Word draft `path` goes: `--annotate-output` (a file, or a folder
    for the copies), else `draft.kjlint.docx` beside the draft."""
    from .docx_review import copy_path

    if ov.annotate_output and os.path.isdir(ov.annotate_output):
        return os.path.join(ov.annotate_output, os.path.basename(copy_path(path)))
    return ov.annotate_output or copy_path(path)


def _review(doc: Document, findings: list[Finding], catalog: Catalog, opts: LintOptions,
            ov: Overrides, settings: Settings, result: FileResult) -> None:
    """A Word draft with --annotate, --fix or --diff: a review copy with a Word comment per
    finding (--annotate) and the fixes as tracked changes (--fix), or the fixes' effect on the
    text as a diff (--diff); the draft itself is never written."""
    from .docx import docx_document, docx_document_with_sources
    from .docx_review import is_review_copy, review_copy
    from .reading import read_bytes

    path = doc.path
    if path == "-":
        result.warning = _("-: a Word file read from standard input gets no review copy and no fixes "
                           "(name the file instead)")
        return
    if is_review_copy(path) and not ov.diff:
        return  # a copy kjlint wrote (draft.kjlint.docx) gets no copy of its own: it is linted only
    from .i18n import language

    titles = {code: rule.title for code, rule in catalog.rules.items()} if language() != "en" else {}
    fixes = [f for f in findings if f.fix is not None and (f.fix.safe or ov.unsafe_fixes)] if ov.fix or ov.diff else []
    comment_on = findings if ov.annotate else []
    if not fixes and not comment_on:
        return

    def fresh():
        data = read_bytes(path, path, settings.max_file_size)
        again, source = docx_document_with_sources(data, path)
        if again.text != doc.text:
            raise OSError(_("the file changed while it was read"))
        return data, again, source

    if fixes:  # the copy with the fixes as tracked changes, read as Word shows it accepted
        data, again, source = fresh()
        review = review_copy(data, again, source, [] if ov.diff else comment_on, fixes, titles)
        changed = docx_document(review.data, path)
        after = lint_document(changed, catalog, opts)
        _locate(changed, after)
        gone = _gone(doc.text, findings, changed.text, after)
        result.fixed = len(applicable(gone, ov.unsafe_fixes))
        result.went_away = len(gone) - result.fixed
        if ov.diff:
            from .patch import unified_diff

            result.diff = unified_diff(path, doc.text, changed.text, "utf-8")
        else:
            _write_review(path, review, ov, result)
            result.findings = after
            result.review_changes = len(review.fixed)
            if result.text is not None:  # the report shows the copy's text, changes accepted
                result.text, result.line_sources = changed.text, changed.line_sources
    if comment_on and (ov.diff or not fixes):  # comments only: --annotate, or beside --diff
        data, again, source = fresh()
        _write_review(path, review_copy(data, again, source, comment_on, [], titles), ov, result)


def _write_review(path: str, review, ov: Overrides, result: FileResult) -> None:
    from .fixes import atomic_write_bytes

    out = review_output(path, ov)
    if os.path.exists(out) and os.path.samefile(out, path):
        raise OSError(_("{out} is the draft itself; kjlint never writes over its inputs").format(out=out))
    atomic_write_bytes(out, review.data)
    result.review_copy = out
    result.review_comments = review.comments


def _gone(old_text: str, before: list[Finding], new_text: str, after: list[Finding]) -> list[Finding]:
    """The findings of `before` that `after` no longer has: matched on code and flagged text, not
    on position (fixes move text) nor on fix count (one fix can resolve several findings, such
    as two rules flagging the same mark, or a finding without a fix inside a deleted line)."""
    from collections import Counter

    left = Counter((f.code, new_text[f.offset:f.end_offset]) for f in after)
    gone = []
    for f in before:
        key = (f.code, old_text[f.offset:f.end_offset])
        if left[key]:
            left[key] -= 1
        else:
            gone.append(f)
    return gone


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


WORKER_SAVE_PROGRAMS = 32  # programs a worker must have compiled for it to rewrite the regex cache
# What the rules import on first use, kept out of a one-file start-up: a parallel run imports it
# once before forking instead of once in each worker (numpy alone: 0.085 CPU s a worker).
# numpy only with a file long enough for KJ1 to need it (normalize.NUMPY_FROM characters):
# short drafts never import it.
WORKER_MODULES = ("rapidfuzz", "ahocorasick")
WORKER_MODULES_LONG = ("numpy", "kjlint.reference")
# Bytes of files in one run from which numpy is imported for KJ1 however short each file: its
# vectorized paths save ~0.11 ms per 1,000 characters of drafts (bench_check's 1,000 drafts:
# KJ1 0.67 -> 0.55 CPU s) and the import costs ~0.085 CPU s once, so a run of ~2.3 MB of
# Chinese text (~0.8M characters) pays for it; a one-file run or a pre-commit hook's few
# drafts never imports it.
NUMPY_RUN_BYTES = 3_000_000


def _numpy_for_run(sizes: list[int]) -> None:
    """Import numpy when the run's files (their sizes in bytes) are many enough to pay for it."""
    if sum(sizes) >= NUMPY_RUN_BYTES:
        import numpy  # noqa: F401  (KJ1 and normalize take their vectorized paths once it is loaded)


def _import_for_workers(largest: int) -> None:
    """Import what the workers will import, before they are forked; `largest`: the size in bytes
    of the largest file to lint (a text file's length in characters at most; a Word file can
    hold more text than its size: then its worker imports numpy itself, as before)."""
    import importlib

    from .normalize import NUMPY_FROM

    for module in WORKER_MODULES + (WORKER_MODULES_LONG if largest >= NUMPY_FROM else ()):
        importlib.import_module(module)
    # ... and the character frequency table several rules read on first use (KJ404's byte shifts,
    # KJ702's script, KJ601's anchors), which the warming file seldom needs: each worker of a
    # `-j 2` run over the bench's 500 drafts loaded it on its own, 55M of the 146M instructions a
    # worker still spent on one-time work (callgrind, 100 drafts after the warming file)
    from .checks.textspans import frequency_table

    frequency_table()


WARMING_BYTES = 4096  # the file a parallel run's parent lints first: the smallest this long


def _warming_file(sizes: list[int]) -> int:
    """Which of the files (their sizes, largest first) the parent of forked workers lints itself
    before forking them: what the rules build on their first document (the KJ601 matcher, the
    patterns compiled on first use, tables, memos: 30-50 ms of the first draft, a few ms each
    later one) is then built once and shared, not once in each worker. The smallest file of at
    least WARMING_BYTES (a page of text meets most rules; the workers wait while it is linted),
    else the largest."""
    return max((k for k, n in enumerate(sizes) if n >= WARMING_BYTES), default=0)


def _lint_chunk(chunk: list[tuple]) -> list[FileResult]:
    """Lint a chunk in a worker. The patterns rules compile on first use (about 160, in a
    worker's first chunk) are stored in the regex cache from here: a worker ends without exit
    hooks, and each worker of every later run compiled them again (0.15 CPU s each, before its
    first file was linted). The odd pattern a later chunk compiles is not worth a rewrite."""
    from .diskcache import save_programs

    results = [lint_one(*args) for args in chunk]
    save_programs(at_least=WORKER_SAVE_PROGRAMS)
    return results


def byte_balanced_chunks(tasks: list[tuple], sizes: list[int], jobs: int, min_bytes: int = 16_384) -> list[list[tuple]]:
    """Tasks (largest first) cut into chunks by bytes, guided: each chunk takes about
    1/(4 * jobs) of the bytes still left, at least `min_bytes`. A big report goes alone, small
    drafts share a chunk, and the chunks shrink towards the end so the workers finish together.
    Chunks of equal file counts were either too small for drafts (a pipe round trip per 3
    files: +10% CPU on 400 drafts with two workers) or too big at a corpus's tail."""
    left = sum(sizes)
    chunks: list[list[tuple]] = []
    chunk: list[tuple] = []
    filled = 0
    for task, size in zip(tasks, sizes):
        if not chunk:
            target = max(min_bytes, left // max(1, 4 * jobs))
        chunk.append(task)
        filled += size
        left -= size
        if filled >= target:
            chunks.append(chunk)
            chunk, filled = [], 0
    if chunk:
        chunks.append(chunk)
    return chunks


def lint_paths(paths: Iterable[str], *, config: str | None = None, overrides: Overrides = Overrides(),
               jobs: int | None = None, keep_text: bool = False,
               progress: Callable[[int, int], None] | None = None) -> list[FileResult]:
    """Lint files and directories; results are in path order. Config errors raise ConfigError."""
    resolver = ConfigResolver(config)
    paths = list(paths) or ["."]
    results: list[FileResult] = []
    tasks = []
    configured: set[Settings] = set()
    shared: dict[Settings, Settings] = {}  # one object per configuration: the files of a folder share it

    def effective_for(found: Settings) -> Settings:
        """effective(), made once per configuration (dataclasses.replace for each of 878 files
        was most of the 0.06 s before the first file was linted) and pickled once per chunk."""
        if found not in shared:
            shared[found] = effective(found, overrides)
        return shared[found]

    for raw in paths:
        if raw == "-":
            configured.add(resolver.for_path("-"))
            tasks.append(("-", effective(resolver.for_path("-"), overrides), overrides, keep_text))
            continue
        configured.add(resolver.for_path(raw))
        settings = effective_for(resolver.for_path(raw))
        errors: list[InputError] = []
        for f in discover([raw], settings.include, settings.exclude, errors):
            if f != raw:
                found = resolver.for_path(f)
                configured.add(found)
            s = settings if f == raw else effective_for(found)
            if f != raw and s.exclude and matches_any(_relative(f, s.root), s.exclude):
                continue
            tasks.append((f, s, overrides, keep_text))
        results.extend(FileResult(e.path, warning=str(e)) if isinstance(e, SkippedInput)
                       else FileResult(e.path, error=str(e)) for e in errors)
    if overrides.annotate_output and not os.path.isdir(overrides.annotate_output):
        from .reading import WORD_SUFFIXES

        words = [t[0] for t in tasks if t[0].lower().endswith(WORD_SUFFIXES)]
        if len(words) > 1:
            raise ConfigError(_("--annotate-output {out}: names one file, and {n} Word files are checked "
                                "(name an existing folder for their copies, or leave it out to write "
                                "each copy beside its draft)").format(out=overrides.annotate_output, n=len(words)))
    if overrides.annotate_output and os.path.isdir(overrides.annotate_output):
        from collections import Counter

        from .reading import WORD_SUFFIXES

        taken = Counter(os.path.normcase(review_output(t[0], overrides)) for t in tasks
                        if t[0].lower().endswith(WORD_SUFFIXES))
        clash = next((name for name, n in taken.items() if n > 1), None)
        if clash:
            raise ConfigError(_("--annotate-output {out}: drafts of the same name would write the same "
                                "copy {copy} (check them one folder at a time)").format(
                out=overrides.annotate_output, copy=clash))
    # Fail fast on broken packs, rule options or selectors (exit 2), before forking workers. The
    # files' own settings are checked, so that a command-line selector is not blamed on a file.
    for s in configured:
        check_settings(s)
    jobs = jobs or os.cpu_count() or 1
    if jobs > 1 and len(tasks) >= PARALLEL_MIN_FILES and not any(t[0] == "-" for t in tasks):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor  # not imported for one file

        ctx = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
        from .processes import exit_with_parent

        # Largest files first: in path order, the big reports of one folder ended up in one
        # worker's last chunk while the other cores sat idle (results are sorted by path below).
        sized = sorted(((t, _size(t[0])) for t in tasks), key=lambda ts: ts[1], reverse=True)
        if ctx is not None:  # forked workers share what the parent imported
            _numpy_for_run([n for _, n in sized])
            _import_for_workers(sized[0][1])
            # ... and what it built on its first file: the parent lints one itself first
            first = sized.pop(_warming_file([n for _, n in sized]))[0]
            results.append(lint_one(*first))
            if progress:
                progress(len(results), len(tasks))
        chunks = byte_balanced_chunks([t for t, _ in sized], [n for _, n in sized], jobs)
        from .diskcache import save_programs

        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=exit_with_parent,
                                   initargs=(os.getpid(),))
        try:
            done = pool.map(_lint_chunk, chunks)
            save_programs()  # the catalogue's, while the workers lint (at exit it lengthened the run)
            for chunk in done:
                for r in chunk:
                    results.append(r)
                    if progress:
                        progress(len(results), len(tasks))
        finally:
            # Not waiting for the workers to exit: the report is written meanwhile, and the
            # interpreter joins them at exit (concurrent.futures' own exit hook).
            pool.shutdown(wait=False, cancel_futures=True)
    else:
        if len(tasks) > 1:
            _numpy_for_run([_size(t[0]) for t in tasks if t[0] != "-"])
        for i, t in enumerate(tasks):
            results.append(lint_one(*t))
            if progress:
                progress(i + 1, len(tasks))
    results.sort(key=lambda r: r.path)
    return results
