"""Machine-readable formats: JSON, JSON Lines, GitHub annotations, reviewdog rdjson, JUnit XML."""
from __future__ import annotations

import json
from collections import Counter

from ..findings import Severity
from ..i18n import _
from .escape import escape_controls


def all_findings(results):
    return [f for r in results for f in r.findings]


def entries(results):
    """Findings as dicts, with an `{"path", "error"}` entry for each input that could not be read
    (in path order): a consumer that reads only the report must not take an unread file for a
    clean one."""
    for r in results:
        if r.error:
            yield {"path": r.path, "error": r.error}
        for f in r.findings:
            yield f.to_dict()


def write_json(results, out, **_):
    json.dump(list(entries(results)), out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_jsonl(results, out, **_):
    """One finding a line; when records of a corpus are among the results, one line per record
    (and per file) instead: its findings and counts per family, for a pipeline to join on."""
    if not any(r.record for r in results):
        for entry in entries(results):
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
        return
    for r in results:
        write_record_line(r, out)


def write_record_line(r, out) -> None:
    """The line of one record (or file) in `--format jsonl` on a corpus; nothing for an empty
    record, which is only warned about."""
    if r.error:
        line = {"path": r.path, "error": r.error}
    elif r.warning and not r.record and not r.findings:
        return
    else:
        line = {"path": r.path, "record": r.record or None, "findings": [f.to_dict() for f in r.findings],
                "counts": dict(sorted(Counter(f.family for f in r.findings).items()))}
    out.write(json.dumps(line, ensure_ascii=False) + "\n")


def _gh_escape(value: str, prop: bool = False) -> str:
    """Workflow-command escaping. Control characters (a newline too) are shown escaped, as in the
    text output: the log viewer would act on them."""
    value = escape_controls(value).replace("%", "%25")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def write_github(results, out, **_ignored):
    # Translators: the title of a GitHub annotation on a file kjlint could not read.
    title = _gh_escape(_("kjlint input error"), True)
    for r in results:
        if r.error:  # a file-level annotation
            out.write(f"::error file={_gh_escape(r.path, True)},title={title}::{_gh_escape(r.error)}\n")
    for f in all_findings(results):
        props = (f"file={_gh_escape(f.location, True)},line={f.line},col={f.column},"
                 f"endLine={f.end_line},endColumn={f.end_column},"
                 f"title={_gh_escape(f'{f.code} {f.name}', True)}")
        out.write(f"::{GITHUB_LEVEL[f.severity]} {props}::{_gh_escape(f'{f.code} {f.message}')}\n")


def _byte_column(lines: list[str] | None, line: int, column: int) -> int:
    """rdjson counts columns in UTF-8 bytes; fall back to characters if the text is not kept."""
    if lines is None:
        return column
    if line - 1 >= len(lines):
        return column
    return len(lines[line - 1][: column - 1].encode("utf-8")) + 1


def write_rdjson(results, out, **_):
    """reviewdog Diagnostic Format (rdjson)."""
    diagnostics = []
    for r in results:
        if r.error:  # no range, no code: the whole file could not be read
            diagnostics.append({"message": r.error, "location": {"path": r.path}, "severity": "ERROR"})
        lines = r.text.split("\n") if r.text is not None and r.findings else None
        for f in r.findings:
            d = {
                "message": f.message,
                "location": {"path": f.location, "range": {
                    "start": {"line": f.line, "column": _byte_column(lines, f.line, f.column)},
                    "end": {"line": f.end_line, "column": _byte_column(lines, f.end_line, f.end_column)}}},
                "severity": str(f.severity).upper(),
                "code": {"value": f.code},
            }
            if f.fix:
                d["suggestions"] = [{"range": d["location"]["range"], "text": f.fix.replacement}]
            if f.related:
                d["related_locations"] = [{"message": rel.message, "location": {"path": rel.path, "range": {
                    "start": {"line": rel.line, "column": rel.column}}}} for rel in f.related]
            diagnostics.append(d)
    json.dump({"source": {"name": "kjlint"}, "diagnostics": diagnostics}, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_junit(results, out, **_ignored):
    """JUnit XML; names and messages have their control characters escaped, since XML 1.0 cannot
    hold most of them even as character references."""
    from xml.sax.saxutils import escape, quoteattr  # imports urllib.request, http.client, ssl: JUnit only

    findings = all_findings(results)

    def attr(value: str) -> str:
        return quoteattr(escape_controls(value))

    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<testsuites name="kjlint" tests="{max(len(findings), len(results))}" '
              f'failures="{len(findings)}">\n')
    for r in results:
        cases = r.findings
        out.write(f'  <testsuite name={attr(r.location)} tests="{max(1, len(cases))}" '
                  f'failures="{len(cases)}" errors="{1 if r.error else 0}">\n')
        if r.error:
            out.write(f'    <testcase name={attr(r.location)} classname="kjlint">'
                      f'<error message={attr(r.error)}/></testcase>\n')
        elif not cases:
            out.write(f'    <testcase name={attr(r.path)} classname="kjlint"/>\n')
        for f in cases:
            name = _("{code} {name} at line {line}, column {column}").format(code=f.code, name=f.name, line=f.line,
                                                                             column=f.column)
            out.write(f'    <testcase name={attr(name)} classname={attr(f.location)}>\n')
            out.write(f'      <failure message={attr(f.message)} type={attr(f.code)}>'
                      f'{escape(escape_controls(f"{f.location}:{f.line}:{f.column}: {f.code} {f.message}"))}'
                      '</failure>\n')
            out.write("    </testcase>\n")
        out.write("  </testsuite>\n")
    out.write("</testsuites>\n")
