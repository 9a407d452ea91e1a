"""Linting many files: discovery, per-file settings, parallel workers, fixes.

The CLI is a thin layer over `lint_paths`; library users can call it directly.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable

from .catalog import Catalog, PackError, load_catalog
from .config import ConfigError, ConfigResolver, Settings
from .document import Document
from .engine import LintOptions, lint_document, select_codes
from .findings import Finding
from .fixes import applicable, apply_fixes, atomic_write_text
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


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    warning: str | None = None
    fixed: int = 0
    diff: str = ""
    text: str | None = None  # kept for formats that show the document (html)
    line_sources: list[str] | None = None  # with text, for .docx: where each line came from
    encoding: str = ""


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
    return load_catalog(settings.extend_rules, settings.rule_overrides() or None)


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
        if doc.line_sources:
            for f in findings:
                f.where = doc.where(f.offset)
        result = FileResult(path, findings, text=doc.text if keep_text else None, encoding=doc.encoding,
                            line_sources=doc.line_sources if keep_text else None)
        if not doc.text.strip():
            result.warning = f"{path}: empty file, nothing to lint"
        if (ov.fix or ov.diff) and doc.source_format != "text":
            result.warning = (f"{path}: --fix and --diff are not offered for {doc.source_format} files "
                              f"(kjlint does not rewrite Word documents); findings are reported only")
        elif (ov.fix or ov.diff) and applicable(findings, ov.unsafe_fixes):
            try:
                _fix(doc, findings, catalog, opts, ov, result)
            except (OSError, UnicodeError) as exc:  # read-only folder, full disk, unencodable fix
                result.error = f"{path}: fixes not written: {getattr(exc, 'strerror', None) or exc}"
        return result
    except InputError as exc:
        return FileResult(path, error=str(exc))
    except (PackError, ConfigError) as exc:
        return FileResult(path, error=str(exc))


def _fix(doc: Document, findings: list[Finding], catalog: Catalog, opts: LintOptions,
         ov: Overrides, result: FileResult) -> None:
    if doc.path == "-" and not ov.diff:
        result.warning = "-: fixes are not written for standard input (use --diff)"
        return
    if doc.undecodable and not ov.diff:
        result.warning = (f"{doc.path}: not fixed: it holds undecodable bytes that rewriting "
                          f"would lose (fix the encoding first)")
        return
    text, total = doc.text, 0
    for _ in range(MAX_FIX_PASSES):
        fixes = applicable(findings, ov.unsafe_fixes)
        if not fixes:
            break
        text, n = apply_fixes(text, fixes)
        total += n
        findings = lint_document(Document(text, doc.path, doc.encoding), catalog, opts)
    if ov.diff:
        import difflib

        result.diff = "".join(difflib.unified_diff(
            doc.text.splitlines(keepends=True), text.splitlines(keepends=True),
            fromfile=f"a/{doc.path}", tofile=f"b/{doc.path}"))
    else:
        atomic_write_text(doc.path, text, doc.encoding)
    result.fixed = total
    result.findings = findings if not ov.diff else result.findings


def _worker(args) -> FileResult:
    return lint_one(*args)


def lint_paths(paths: Iterable[str], *, config: str | None = None, overrides: Overrides = Overrides(),
               jobs: int | None = None, keep_text: bool = False,
               progress: Callable[[int, int], None] | None = None) -> list[FileResult]:
    """Lint files and directories; results are in path order. Config errors raise ConfigError."""
    resolver = ConfigResolver(config)
    paths = list(paths) or ["."]
    results: list[FileResult] = []
    tasks = []
    for raw in paths:
        if raw == "-":
            tasks.append(("-", effective(resolver.for_path("-"), overrides), overrides, keep_text))
            continue
        settings = effective(resolver.for_path(raw), overrides)
        errors: list[InputError] = []
        for f in discover([raw], settings.include, settings.exclude, errors):
            s = settings if f == raw else effective(resolver.for_path(f), overrides)
            if f != raw and s.exclude and matches_any(_relative(f, s.root), s.exclude):
                continue
            tasks.append((f, s, overrides, keep_text))
        results.extend(FileResult(e.path, warning=str(e)) if isinstance(e, SkippedInput)
                       else FileResult(e.path, error=str(e)) for e in errors)
    # Fail fast on broken packs or rule options (exit 2), before forking workers.
    for s in {t[1] for t in tasks}:
        catalog_for(s)
    jobs = jobs or os.cpu_count() or 1
    if jobs > 1 and len(tasks) >= PARALLEL_MIN_FILES and not any(t[0] == "-" for t in tasks):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor  # not imported for one file

        ctx = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
        from .processes import exit_with_parent

        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=exit_with_parent,
                                 initargs=(os.getpid(),)) as pool:
            for i, r in enumerate(pool.map(_worker, tasks, chunksize=max(1, len(tasks) // (jobs * 8)))):
                results.append(r)
                if progress:
                    progress(i + 1, len(tasks))
    else:
        for i, t in enumerate(tasks):
            results.append(lint_one(*t))
            if progress:
                progress(i + 1, len(tasks))
    results.sort(key=lambda r: r.path)
    return results
