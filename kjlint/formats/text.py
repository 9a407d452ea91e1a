"""Human-readable output in the style of ruff/rustc, with code frames aligned for CJK text."""
from __future__ import annotations

from collections import Counter

from ..document import display_width
from ..findings import Severity, location_name
from ..i18n import _, language, ngettext
from .escape import escape_controls as esc

WINDOW = 24  # characters of context shown either side of a finding in long lines
MARKED = 60  # characters of a finding shown at most (then "…")
# ANSI SGR codes, written directly: importing a terminal library costs more start-up time than
# the whole lint of a typical draft.
_SGR = {"bold": "1", "dim": "2", "red": "31", "yellow": "33", "blue": "34", "cyan": "36"}
STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold blue"}


class _Out:
    """Writes lines to a stream, styling segments with ANSI colour only when asked."""

    def __init__(self, out, color: bool):
        self.out, self.color = out, color

    def style(self, text: str, style: str) -> str:
        if not self.color or not style or not text:
            return text
        codes = ";".join(_SGR[s] for s in style.split())
        return f"\x1b[{codes}m{text}\x1b[0m"

    def print(self, *segments) -> None:
        """Each segment is a string or a (text, style) pair."""
        self.out.write("".join(seg if isinstance(seg, str) else self.style(*seg) for seg in segments) + "\n")


def _frame(lines: list[str], f) -> list[tuple[str, str]]:
    """(gutter, line) pairs: the source line and a caret line under the finding, both bounded
    whatever the line's length: WINDOW characters either side of the finding, and of a longer
    finding only its first MARKED characters (a one-line file of 50 MB would otherwise print
    the whole line, and a caret under each of its characters, for every finding)."""
    if not (1 <= f.line <= len(lines)):
        return []
    line = lines[f.line - 1].rstrip("\r").replace("\t", " ")
    start = f.column - 1
    end = f.end_column - 1 if f.end_line == f.line else len(line)
    end = max(end, start + 1)
    cut = end - start > MARKED
    shown_end = min(end, start + MARKED)
    lo, hi = max(0, start - WINDOW), min(len(line), shown_end + (0 if cut else WINDOW))
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) or cut else ""
    shown = prefix + esc(line[lo:hi]) + suffix
    pad = display_width(prefix + esc(line[lo:start]))
    marks = max(1, display_width(esc(line[start:min(shown_end, hi)])))
    return [(str(f.line), shown), ("", " " * pad + "^" * marks)]


def write_text(results, out, color: bool = False, show_source: bool = True, statistics: bool = False,
               fix_hint: bool = True, summary: bool = True, diff: bool = False, catalog=None, **_ignored):
    """Findings with code frames, then the summary; with `statistics`, the table alone (as ruff)."""
    console = _Out(out, color)
    for r in results if not statistics else ():
        lines = r.text.split("\n") if show_source and r.text is not None and r.findings else None
        for f in r.findings:
            console.print(*_head(f), *_fix_mark(f))
            if lines is not None:
                frame = _frame(lines, f)
                width = max((len(g) for g, _line in frame), default=1)
                for gutter, line in frame:
                    console.print((f" {gutter:>{width}} | ", "blue"), (line, "" if gutter else STYLE[f.severity]))
            for rel in f.related:
                where = f"{esc(location_name(rel.path, rel.record))}:{rel.line}:{rel.column}"
                if rel.place is not None:  # a Word draft: headings, first words
                    # Translators: a related location and its place in a Word file.
                    where = _("{location}, {place}").format(location=where, place=esc(rel.place.text()))
                if rel.message:
                    text = _("   = related: {where} ({message})").format(where=where, message=esc(rel.message))
                else:
                    text = _("   = related: {where}").format(where=where)
                console.print((text, "dim"))
            if show_source:
                console.print()
    _summary(console, results, statistics, fix_hint, summary, diff, catalog)


def write_concise(results, out, color: bool = False, statistics: bool = False, fix_hint: bool = True,
                  summary: bool = True, diff: bool = False, catalog=None, **_ignored):
    console = _Out(out, color)
    for r in results if not statistics else ():
        for f in r.findings:
            console.print(*_head(f, concise=True))
    _summary(console, results, statistics, fix_hint, summary, diff, catalog)


def _head(f, concise: bool = False) -> list:
    """`path:line:col: CODE [name] message (where)` as styled segments, control characters escaped."""
    path, message = esc(f.location), esc(f.message)
    if f.place is not None:  # a Word draft: headings, first words
        shown = f.place.text()
    elif f.where:  # imported here: a plain text check has no source places
        from ..wordplace import place_name

        shown = place_name(f.where)
    else:
        shown = ""
    # Translators: where a finding is in a Word file, after its message: " (paragraph 12)".
    where = _(" ({where})").format(where=esc(shown)) if shown else ""
    if concise:
        return [f"{path}:{f.line}:{f.column}: ", (f.code, STYLE[f.severity]), f" [{f.name}] {message}{where}"]
    return [(f"{path}:{f.line}:{f.column}: ", "bold"), (f.code, STYLE[f.severity]),
            (f" [{f.name}] ", "dim"), message, (where, "dim")]


def _fix_mark(f):
    if not f.fix:
        return ()
    return ((" [*]" if f.fix.safe else _(" [unsafe fix]"), "cyan"),)


def fixed_line(fixed: int, went_away: int, written: bool) -> str:
    """What --fix did (or --diff would do). `fixed` counts the findings that had a fix, so it
    equals the "N fixable with --fix" of the run before."""
    if written:
        line = ngettext("Fixed {n} finding", "Fixed {n} findings", fixed).format(n=fixed)
        other = ngettext("{n} other finding went away with the changes",
                         "{n} other findings went away with the changes", went_away).format(n=went_away)
    else:
        line = ngettext("Would fix {n} finding", "Would fix {n} findings", fixed).format(n=fixed)
        other = ngettext("{n} other finding would go away with the changes",
                         "{n} other findings would go away with the changes", went_away).format(n=went_away)
    # Translators: {fixed} and {other} are the two clauses above ("Fixed 3 findings", "1 other…").
    return _("{fixed}; {other}.").format(fixed=line, other=other) if went_away else \
        _("{fixed}.").format(fixed=line)


def _statistics(console, counts, catalog) -> None:
    """One line per rule, most findings first: count, code and name; in Chinese the rule's
    title too, before its name, padded in display cells so that the names line up."""
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if language() == "en" or catalog is None:
        for (code, name), n in rows:
            console.print(f"{n:>6}  {code}  {name}")
        return
    titles = {}
    for (code, name), _n in rows:
        rule = catalog.rules.get(code)
        titles[code] = rule.title if rule is not None and rule.title != name else ""
    width = max(display_width(t) for t in titles.values())
    for (code, name), n in rows:
        title = titles[code]
        console.print(f"{n:>6}  {code}  {title}{' ' * (width - display_width(title))}  {name}".rstrip())


def _corpus_summary(console, results) -> None:
    """Records of a corpus by defect family and rule: how many records have at least one
    finding of each (a record with ten masks counts once), as a share of the records checked."""
    from .html import family_name

    records = [r for r in results if r.record and not r.error]
    if not records:
        return
    families, rules = Counter(), Counter()
    for r in records:
        families.update({f.family for f in r.findings})
        rules.update({f.code for f in r.findings})
    total = len(records)
    with_findings = sum(1 for r in records if r.findings)
    console.print(_("Records: {total} checked, {n} with findings ({share:.1f}%).").format(
        total=total, n=with_findings, share=100 * with_findings / total))
    for family, n in sorted(families.items()):
        by_rule = _(", ").join(f"{code} {m}" for code, m in sorted(rules.items()) if code.startswith(family))
        # Translators: one line of the corpus summary: "KJ2 placeholders: 12 records (1.4%): KJ201 10, KJ202 3".
        console.print(_("  {family} {name}: {records} ({share:.1f}%): {rules}").format(
            family=family, name=family_name(family), records=ngettext("{n} record", "{n} records", n).format(n=n),
            share=100 * n / total, rules=by_rule))


def _summary(console, results, statistics: bool, fix_hint: bool, summary: bool = True, diff: bool = False,
             catalog=None) -> None:
    """Fixed count, statistics, then (unless `summary` is off, as with -q) the "Found …" line
    and the fix hint."""
    findings = [f for r in results for f in r.findings]
    fixed, went_away = sum(r.fixed for r in results), sum(r.went_away for r in results)
    if fixed or went_away:
        console.print(fixed_line(fixed, went_away, written=not diff))
    if not findings:
        return
    counts = Counter((f.code, f.name) for f in findings)
    if statistics:
        _statistics(console, counts, catalog)
    if not summary:
        return
    if any(r.record for r in results):
        _corpus_summary(console, results)
    files = len({f.path for f in findings if not f.record})
    records = len({(f.path, f.record) for f in findings if f.record})
    # Translators: separates the per-rule counts of the summary: "(KJ201 ×2, KJ502 ×1)".
    by_code = _(", ").join(f"{code} ×{n}" for (code, _name), n in sorted(counts.items()))
    in_files = _(", ").join(
        ([ngettext("{n} file", "{n} files", files).format(n=files)] if files else [])
        + ([ngettext("{n} record", "{n} records", records).format(n=records)] if records else []))
    # Translators: {files} is "2 files" (a message of its own); {codes} the counts per rule.
    console.print(ngettext("Found {n} finding in {files} ({codes}).", "Found {n} findings in {files} ({codes}).",
                           len(findings)).format(n=len(findings), files=in_files, codes=by_code))
    safe = sum(1 for f in findings if f.fix and f.fix.safe)
    unsafe = sum(1 for f in findings if f.fix and not f.fix.safe)
    if fix_hint and (safe or unsafe):
        if safe and unsafe:
            hint = _("[*] {safe} fixable with --fix; {unsafe} more with --unsafe-fixes.")
        elif safe:
            hint = _("[*] {safe} fixable with --fix.")
        else:
            hint = _("[*] {unsafe} more with --unsafe-fixes.")
        console.print(hint.format(safe=safe, unsafe=unsafe))
