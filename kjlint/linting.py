"""The lint stages over a catalogue the caller gives: run the active rules on a Document and
post-process their hits.

Stages: run each active rule → Findings with positions → drop suppressed ones (directives,
per-file ignores, baseline) → fold findings inside a repeated copy or a furniture line into it →
add meta findings for unused or unknown suppressions.

Nothing here loads the catalogue, so a check can run the stages (KJ0's meta checks do, to be
run on their own) without importing kjlint.catalog, which imports every check. kjlint.engine
adds the defaults and the public API on top.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from .document import Document
from .diskcache import compile_regex
from .findings import Finding, Related
from .i18n import N_, _, pick
from .packs import Catalog, Rule
from .ruletypes import Context, Hit, format_message, rule_hits
from .suppression import parse_directives, regions, unsuppressed

META_UNUSED = "KJ002"
META_UNKNOWN = "KJ003"
REPEATED_BLOCK = "KJ104"
BOILERPLATE_LINE = "KJ601"
MARKUP_RESIDUE = "KJ608"
REVIEW_COMMENT = "KJ208"
FOLDED_SHOWN = 10  # related locations listed per repeated block; the rest are counted
_FINGERPRINT_STRIP = compile_regex(r"[\s\u3000]+")


@dataclass
class LintOptions:
    """What to run: a resolved selection plus profile and check options."""

    codes: set[str] | None = None  # None = every enabled rule
    profile: str | None = None
    required_sections: list[dict] | None = None
    options: dict = field(default_factory=dict)


def active_rules(catalog: Catalog, codes: set[str] | None) -> list[Rule]:
    if codes is None:
        return [r for r in catalog.rules.values() if r.enabled]
    return [catalog.rules[c] for c in sorted(codes) if c in catalog.rules]


def fingerprint(doc: Document, code: str, offset: int, end: int) -> str:
    """Stable across edits elsewhere: code + matched text + a little context from the same
    line(s), blanks removed. Line numbers are deliberately not part of it."""
    text = doc.text
    line_start = doc.line_starts[doc.line_index(offset)]
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    # one pass over the three pieces: no blank run spans a \x00, so each piece loses its own
    ctx = _FINGERPRINT_STRIP.sub("", text[max(line_start, offset - 12):offset] + "\x00"
                                 + text[offset:min(end, offset + 200)] + "\x00" + text[end:min(line_end, end + 12)])
    return hashlib.sha1(f"{code}\x00{ctx}".encode("utf-8")).hexdigest()[:16]


def make_finding(doc: Document, rule: Rule, hit: Hit) -> Finding:
    message = hit.message if hit.message is not None else format_message(rule.message_for(hit.key), hit.fields)
    f = Finding(rule.code, rule.name, rule.severity, message, hit.offset, hit.end,
                hit.fix, hit.related, path=doc.path)
    f.line, f.column = doc.position(hit.offset)
    f.end_line, f.end_column = doc.position(hit.end)
    f.fingerprint = fingerprint(doc, rule.code, hit.offset, hit.end)
    return f


def run_rules(doc: Document, rules: Iterable[Rule], ctx: Context) -> list[Finding]:
    findings = []
    for rule in rules:
        if rule.code in (META_UNUSED, META_UNKNOWN):
            continue
        for hit in rule_hits(rule, doc, ctx):
            findings.append(make_finding(doc, rule, hit))
    return findings


def lint_with(doc: Document, catalog: Catalog, opts: LintOptions, ctx: Context | None = None) -> list[Finding]:
    """All findings for one document under a catalogue the caller loaded, suppressions applied,
    sorted by position. `ctx`: one whose memo already holds some rules' hits on `doc` (dedupe's
    keep policy probes rules first)."""
    rules = active_rules(catalog, opts.codes)
    ctx = ctx or Context(catalog, opts.profile, opts.required_sections, opts.options)
    findings = run_rules(doc, rules, ctx)
    directives = parse_directives(doc, catalog)
    if directives:
        findings = unsuppressed(findings, regions(doc, directives))
    findings = fold_into_containers(findings)
    if directives:
        active = {r.code for r in rules}
        for d in directives:
            for sel in d.unknown:
                if META_UNKNOWN in active:
                    findings.append(make_finding(doc, catalog.rules[META_UNKNOWN],
                                                 Hit(d.offset, d.end, {"selector": sel})))
            if not d.used and d.kind != "enable" and META_UNUSED in active:
                # A directive is only "unused" if the rules it names actually ran.
                named = d.codes if d.codes is not None else active
                if named & active:
                    findings.append(make_finding(doc, catalog.rules[META_UNUSED],
                                                 Hit(d.offset, d.end, {"directive": doc.text[d.offset:d.end].strip()})))
    findings.sort(key=Finding.sort_key)
    return findings


# A finding that contains others: deleting what it flags removes them too, so they are listed as
# its related locations instead of being reported (and fixed) a second time.
CONTAINERS = {
    # a second copy of a body or list
    REPEATED_BLOCK: (N_("{message} — also inside the copy: {codes}"), lambda f: f.family != "KJ1"),
    BOILERPLATE_LINE: (N_("{message} — also inside the line: {codes}"),
                       lambda f: f.family == "KJ6" and f.code != BOILERPLATE_LINE),
    # a page template's {{ title }} reads as a slot too, but it is the page's code, deleted with it
    MARKUP_RESIDUE: (N_("{message} — also inside the markup: {codes}"), lambda f: f.family == "KJ2"),
    # a reviewer's model sentence (为解决XXX问题…) is the comment's text, deleted with the comment
    REVIEW_COMMENT: (N_("{message} — also inside the comment: {codes}"), lambda f: True),
}


def fold_into_containers(findings: list[Finding]) -> list[Finding]:
    """A defect inside the second copy of a repeated block is the first copy's defect again, and
    deleting the copy removes it; a sharing-site label inside a line of site furniture goes with
    the line. Such findings become related locations of the containing finding instead of
    findings the user would fix twice."""
    hosts = [f for f in findings if f.code in CONTAINERS]
    if not hosts:
        return findings
    kept, folded = [], {id(h): [] for h in hosts}
    for f in findings:
        host = next((h for h in hosts if h is not f and CONTAINERS[h.code][1](f)
                     and h.offset <= f.offset and f.end_offset <= h.end_offset), None)
        if host is None:
            kept.append(f)
        else:
            folded[id(host)].append(f)
    for h in hosts:
        inside = folded[id(h)]
        if not inside:
            continue
        counts = Counter(f.code for f in inside)
        codes = pick({"en": ", ", "zh": "、"}).join(
            f"{code}×{n}" if n > 1 else code for code, n in sorted(counts.items()))
        h.message = _(CONTAINERS[h.code][0]).format(message=h.message, codes=codes)
        h.related += [Related(f.path, f.line, f.column, f"{f.code} {f.message}", f.offset, f.end_offset)
                      for f in inside[:FOLDED_SHOWN]]
    return kept
