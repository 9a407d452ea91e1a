"""`kjlint check CORPUS --report health.html`: what is wrong in a corpus, record by record.

The page shows the share of records with a defect of each family (bars) and of each rule, the
site furniture lines (KJ6) and truncation notices (KJ301) found most often, and the worst records
(most errors, then most findings), each linked to its section below: its text with the findings
highlighted, as in `--format html`. `Health` is fed one record at a time while the corpus is
read, so it keeps counts and the few worst records' texts only, never the corpus.
"""
from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field, replace
from html import escape

from ..findings import Severity
from ..i18n import _, ngettext
from .html import CSS, JS, _shown, family_name, page, report_parts, rule_titles

WORST = 20  # records shown in full
TOP_LINES = 20  # furniture lines and truncation notices listed
EXCERPT = 80  # characters of a flagged line shown
NOTICE_CODES = ("KJ301",)  # truncation notices ("未完，全文共2890字…")
FURNITURE_FAMILY = "KJ6"

HEALTH_CSS = """
section.health{margin-bottom:28px}
section.health h2{font-size:16px;margin:12px 0 6px}
.bars{display:grid;grid-template-columns:max-content minmax(120px,1fr) max-content;gap:4px 10px;align-items:center;max-width:900px}
.bar{background:#eceff1;height:14px;border-radius:2px;overflow:hidden}
.bar span{display:block;height:100%;background:#5c6bc0}
table.health{border-collapse:collapse;margin:6px 0 16px}
table.health td,table.health th{border:1px solid var(--line);padding:2px 8px;text-align:left;vertical-align:top}
table.health td.text{font-family:inherit;word-break:break-all;max-width:700px}
"""


@dataclass
class Health:
    """Counts of a corpus run, fed by `add` one result at a time."""

    records: int = 0
    with_findings: int = 0
    unreadable: int = 0
    empty: int = 0
    families: Counter = field(default_factory=Counter)  # family -> records with one of its findings
    rules: Counter = field(default_factory=Counter)  # code -> records with its finding
    findings: Counter = field(default_factory=Counter)  # code -> findings
    names: dict = field(default_factory=dict)  # code -> rule name
    furniture: Counter = field(default_factory=Counter)  # (code, line) -> findings
    notices: Counter = field(default_factory=Counter)
    _worst: list = field(default_factory=list)  # heap of (score, order, result)

    def add(self, r) -> None:
        if r.error:
            self.unreadable += 1
            return
        if not r.record:  # an empty record, skipped with a warning
            self.empty += 1
            return
        self.records += 1
        if not r.findings:
            return
        self.with_findings += 1
        self.families.update({f.family for f in r.findings})
        self.rules.update({f.code for f in r.findings})
        for f in r.findings:
            self.findings[f.code] += 1
            self.names[f.code] = f.name
            if r.text is None:
                continue
            if f.family == FURNITURE_FAMILY or f.code in NOTICE_CODES:
                excerpt = " ".join(r.text[f.offset:f.end_offset].split())
                excerpt = excerpt if len(excerpt) <= EXCERPT else excerpt[:EXCERPT] + "…"
                (self.notices if f.code in NOTICE_CODES else self.furniture)[(f.code, excerpt)] += 1
        score = (sum(f.severity == Severity.ERROR for f in r.findings), len(r.findings))
        entry = (score, -self.records, replace(r))
        if len(self._worst) < WORST:
            heapq.heappush(self._worst, entry)
        elif entry[:2] > self._worst[0][:2]:
            heapq.heapreplace(self._worst, entry)

    def worst(self) -> list:
        return [e[2] for e in sorted(self._worst, key=lambda e: e[:2], reverse=True)]


def _none_found() -> str:
    none = escape(_("None found."))
    return f'<p class="empty-doc">{none}</p>'


def _h2(title: str) -> str:
    return f"<h2>{escape(title)}</h2>"


def _share(n: int, total: int) -> str:
    return f"{100 * n / total:.1f}%" if total else "–"


def _lines_table(counts: Counter) -> str:
    if not counts:
        return _none_found()
    heads = "".join(f"<th>{escape(h)}</th>" for h in (_("Findings"), _("Rule"), _("Text")))
    rows = "".join(f'<tr><td class="count">{n}</td><td>{escape(code)}</td><td class="text" lang="zh-CN">'
                   f"{_shown(text)}</td></tr>" for (code, text), n in counts.most_common(TOP_LINES))
    return f'<table class="health"><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>'


def render_health(health: Health) -> str:
    """The whole page."""
    total = health.records
    out = ['<section class="health">', _h2(_("Corpus health"))]
    summary = _("{records} checked, {with_findings} with findings ({share}); {unreadable} unreadable, "
                "{empty} empty (skipped)").format(
        records=ngettext("{n} record", "{n} records", total).format(n=total),
        with_findings=health.with_findings, share=_share(health.with_findings, total),
        unreadable=health.unreadable, empty=health.empty)
    out.append(f'<p class="summary" id="health-summary">{escape(summary)}</p>')
    out.append(_h2(_("Share of records per family")))
    out.append('<div class="bars" id="family-bars">')
    for family, n in sorted(health.families.items()):
        width = 100 * n / total if total else 0
        label = f"{family}xx {family_name(family)}"
        out.append(f'<span>{escape(label)}</span><div class="bar" data-family="{escape(family)}">'
                   f'<span style="width:{width:.1f}%"></span></div>'
                   f'<span class="count">{n} ({_share(n, total)})</span>')
    out.append("</div>")
    titles = rule_titles()
    heads = "".join(f"<th>{escape(h)}</th>" for h in (_("Rule"), _("Records"), _("Share"), _("Findings")))
    rows = "".join(
        f'<tr><td>{escape(code)} {escape(titles.get((code, health.names[code]), health.names[code]))}</td>'
        f'<td class="count">{n}</td><td class="count">{_share(n, total)}</td>'
        f'<td class="count">{health.findings[code]}</td></tr>'
        for code, n in sorted(health.rules.items()))
    out.append(_h2(_("Records per rule")))
    out.append(f'<table class="health" id="rules"><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>')
    out.append(_h2(_("Most frequent site furniture lines")))
    out.append(_lines_table(health.furniture))
    out.append(_h2(_("Most frequent truncation notices")))
    out.append(_lines_table(health.notices))
    worst = health.worst()
    out.append(_h2(_("Worst records")))
    if worst:
        heads = "".join(f"<th>{escape(h)}</th>" for h in (_("Record"), _("Errors"), _("Findings")))
        rows = "".join(
            f'<tr><td><a class="worst" href="#file{n}">{_shown(r.location)}</a></td>'
            f'<td class="count">{sum(f.severity == Severity.ERROR for f in r.findings)}</td>'
            f'<td class="count">{len(r.findings)}</td></tr>' for n, r in enumerate(worst))
        out.append(f'<table class="health" id="worst"><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>')
    else:
        out.append(_none_found())
    out.append("</section>")
    controls, body = report_parts(worst, overview=False)
    # Translators: the title of the corpus health report page.
    return page(_("kjlint corpus health"), "".join(out) + "".join(body), CSS + HEALTH_CSS, JS, controls)
