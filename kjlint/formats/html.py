"""`--format html`: one self-contained page (inline CSS and JS, no network) to look at findings.

Per file: the document text with every finding highlighted in place (overlapping findings split
into segments that know all the findings covering them), and a panel listing the findings by
family with counts; a click on a finding scrolls to its highlight. Filters by code and severity
hide findings in both places. Fixes are shown as before → after. With several files an index
comes first, then one section per file. Every piece of document or message text is escaped.

Interface text is in the language in use (`kjlint.i18n`: English or Chinese), the page's `lang`
says which, and the document text is marked `lang="zh-CN"` whatever the interface language, with
a font stack that has CJK fonts of Windows, macOS and Linux (a Han character is never drawn with
a Japanese or Korean glyph, nor as a box). Codes, severities and rule names in attributes (the
filters use them) stay the stable English ones.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from html import escape

from ..packs import FAMILIES
from ..findings import Severity, location_name
from ..i18n import _, language, ngettext
from .escape import escape_controls
from ..wordplace import place_name


def _shown(value: str) -> str:
    """A file name or message as HTML, its control characters visible (the document view keeps
    the text as it is, so that highlights stay in place)."""
    return escape(escape_controls(value))


def _t(template: str, **values: str) -> str:
    """A translated template as HTML: its own text escaped, then `values` (already HTML) put in."""
    return escape(template, quote=False).format(**values)


def html_lang() -> str:
    """The `lang` of a report page: that of its interface text."""
    return "zh-CN" if language() == "zh" else "en"


DOC_LANG = "zh-CN"  # documents kjlint reads are Chinese, whatever the interface language

FIX_CONTEXT = 8  # characters of context around a fix's before/after

BASE_CSS = """
:root{--err:#c62828;--warn:#b26a00;--info:#1565c0;--bg:#fafafa;--line:#e0e0e0}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;background:var(--bg);color:#212121}
header.top{position:sticky;top:0;z-index:5;background:#263238;color:#fff;padding:8px 16px;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
header.top h1{font-size:16px;margin:0}
header.top label{font-size:13px}
main{padding:12px 16px}
table.index{border-collapse:collapse;margin:8px 0 24px}
table.index td,table.index th{border:1px solid var(--line);padding:3px 10px;text-align:left}
.count{font-variant-numeric:tabular-nums}
.sev-error{color:var(--err)} .sev-warning{color:var(--warn)} .sev-info{color:var(--info)}
code,pre,.doc{font-family:ui-monospace,"SF Mono",Consolas,"Sarasa Mono SC","Noto Sans Mono CJK SC","WenQuanYi Micro Hei Mono","PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",monospace}
.hidden{display:none!important}
"""

CSS = BASE_CSS + """
section.file{border-top:2px solid #90a4ae;padding-top:8px;margin-bottom:32px}
section.file h2{font-size:15px;margin:4px 0 8px;word-break:break-all}
.layout{display:grid;grid-template-columns:minmax(0,3fr) minmax(280px,2fr);gap:12px;align-items:start}
.doc{background:#fff;border:1px solid var(--line);padding:6px 0;white-space:pre-wrap;word-break:break-all;font-size:14px}
.doc .ln{padding:0 8px 0 0;display:flex}
.doc .ln::before{content:attr(data-n);min-width:3.5em;padding-right:8px;text-align:right;color:#9e9e9e;flex:none;user-select:none}
.doc .lt{flex:1;min-width:0}
mark.f,span.anchor,.doc .ln{scroll-margin-top:60px}
mark.f{background:#fff3c4;border-bottom:2px solid var(--warn);color:inherit;padding:0}
mark.f.s-error{background:#ffe0e0;border-bottom-color:var(--err)}
mark.f.s-info{background:#e3f0ff;border-bottom-color:var(--info)}
mark.f.off{background:none;border-bottom:none}
mark.f.active,mark.f.active.off{outline:3px solid #7c4dff;background:#e8dcff}
.panel{position:sticky;top:52px;max-height:calc(100vh - 64px);overflow:auto;background:#fff;border:1px solid var(--line);padding:6px 10px}
.panel h3{font-size:13px;margin:10px 0 4px;color:#455a64}
.panel ol{list-style:none;margin:0;padding:0}
.panel li{border-bottom:1px solid #f0f0f0;padding:4px 0}
.panel li a.jump{color:inherit;text-decoration:none;display:block;cursor:pointer}
.panel li a.jump:hover{background:#f5f5f5}
.panel li.active{background:#ede7f6}
.loc{color:#757575;font-size:12px}
.code{font-weight:600}
.fix{font-size:13px;margin-top:2px}
.fix del{background:#ffd7d5;text-decoration:line-through}
.fix ins{background:#ccffd8;text-decoration:none}
.error-msg{color:var(--err);font-weight:600}
.empty-doc{color:#757575;padding:4px 12px}
"""

JS = r"""
(function(){
  function visibleFinding(li){
    var code=document.getElementById('flt-code').value;
    var sev=li.getAttribute('data-sev');
    if(code && li.getAttribute('data-code')!==code) return false;
    return document.getElementById('flt-'+sev).checked;
  }
  function applyFilters(){
    var shown={};
    document.querySelectorAll('li.finding').forEach(function(li){
      var ok=visibleFinding(li);
      li.classList.toggle('hidden',!ok);
      if(ok) shown[li.getAttribute('data-id')]=true;
    });
    document.querySelectorAll('mark.f').forEach(function(m){
      var ids=m.getAttribute('data-f').split(' ');
      m.classList.toggle('off',!ids.some(function(id){return shown[id];}));
    });
    document.querySelectorAll('.famcount').forEach(function(el){
      var ol=document.getElementById(el.getAttribute('data-list'));
      el.textContent=ol.querySelectorAll('li.finding:not(.hidden)').length;
    });
    var total=document.querySelectorAll('li.finding:not(.hidden)').length;
    document.getElementById('shown-count').textContent=total;
  }
  function jump(id){
    document.querySelectorAll('.active').forEach(function(el){el.classList.remove('active');});
    var marks=document.querySelectorAll('mark.f');
    var first=null;
    marks.forEach(function(m){
      if(m.getAttribute('data-f').split(' ').indexOf(id)>=0){m.classList.add('active'); if(!first) first=m;}
    });
    var li=document.querySelector('li.finding[data-id="'+id+'"]');
    if(li) li.classList.add('active');
    var target=first||document.getElementById(id);
    if(target) target.scrollIntoView({block:'center'});
    if(history.replaceState) history.replaceState(null,'','#'+id);
  }
  document.addEventListener('click',function(ev){
    var a=ev.target.closest('a.jump');
    if(!a) return;
    ev.preventDefault();
    jump(a.getAttribute('data-target'));
  });
  ['flt-code','flt-error','flt-warning','flt-info'].forEach(function(id){
    document.getElementById(id).addEventListener('change',applyFilters);
  });
  window.kjlintJump=jump;
  applyFilters();
})();
"""


def family_name(family: str) -> str:
    """A rule family's name for people (catalog.FAMILIES holds the stable English ones)."""
    english = FAMILIES.get(family, "custom")
    names = {
        "meta": _("meta"), "duplication": _("duplication"), "placeholders": _("placeholders"),
        "truncation": _("truncation"), "encoding": _("encoding"), "structure": _("structure"),
        "contamination": _("contamination"), "script": _("script"), "custom": _("custom"),
    }
    return names.get(english, english)


def severity_name(severity) -> str:
    """error / warning / info for people (the stable name is `str(severity)`)."""
    return {"error": _("error"), "warning": _("warning"), "info": _("info")}[str(severity)]


def rule_titles() -> dict[tuple[str, str], str]:
    """(code, name) -> the rule's title for people in the language in use, for the built-in rules
    (a house rule, or a pack that cannot be read, is shown by its name)."""
    try:
        from ..catalog import load_catalog

        return {(r.code, r.name): r.title for r in load_catalog().rules.values()}
    except Exception:  # noqa: BLE001 - a report must not fail for want of titles
        return {}


def _rule_label(f, titles: dict[tuple[str, str], str]) -> str:
    """The rule as the panel names it: its name in English (as before), its title with the name as
    a tooltip in another language."""
    title = titles.get((f.code, f.name))
    if not title or title == f.name:
        return escape(f.name)
    return f'<span class="rule" title="{escape(f.name)}">{escape(title)}</span>'


def _family_label(family: str) -> str:
    return f"{family}xx {family_name(family)}"


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _segments(text: str, spans: list[tuple[int, int, str]],
              line_starts: list[int] | None = None) -> list[list[tuple[str, list[str], list[str]]]]:
    """Split `text` into lines of (piece, ids of findings covering it, ids starting there).

    `spans` are (start, end, id) with start < end. Cuts fall on finding bounds and line starts,
    so every piece sits in one line and has one set of covering findings."""
    line_starts = line_starts if line_starts is not None else _line_starts(text)
    cuts = set(line_starts)
    cuts.add(len(text))
    for start, end, _fid in spans:
        cuts.add(start)
        cuts.add(end)
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    # Which findings cover [a, b): sweep over starts/ends.
    opens: dict[int, list[str]] = defaultdict(list)
    closes: dict[int, list[str]] = defaultdict(list)
    for start, end, fid in spans:
        opens[start].append(fid)
        closes[end].append(fid)
    lines: list[list[tuple[str, list[str], list[str]]]] = [[] for _ in line_starts]
    active: list[str] = []
    for a, b in zip(points, points[1:]):
        for fid in closes.get(a, ()):
            active.remove(fid)
        active.extend(opens.get(a, ()))
        piece = text[a:b]
        line = bisect_right(line_starts, a) - 1
        if piece.endswith("\n"):
            piece = piece[:-1]
        if piece.endswith("\r"):
            piece = piece[:-1]
        if piece or active:
            lines[line].append((piece, list(active), list(opens.get(a, ()))))
    return lines


def _display_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A visible range for a finding: empty ones get one character (or stay empty at the end)."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    if end == start and start < len(text) and text[start] != "\n":
        end = start + 1
    return start, end


def _fix_html(text: str | None, f) -> str:
    if not f.fix:
        return ""
    # Translators: a fix kjlint applies with --fix (safe) or only with --unsafe-fixes (unsafe).
    kind = escape(_("safe fix:") if f.fix.safe else _("unsafe fix:"))
    if text is None:
        return (f'<div class="fix">{kind} → <ins>{escape(f.fix.replacement)}</ins></div>')
    a, b = f.fix.offset, f.fix.end_offset
    before_ctx = text[max(0, a - FIX_CONTEXT):a].split("\n")[-1]
    after_ctx = text[b:b + FIX_CONTEXT].split("\n")[0]
    old, new = text[a:b], f.fix.replacement
    shown_old = escape(old).replace("\n", "↵") if old else "∅"
    shown_new = escape(new).replace("\n", "↵") if new else "∅"
    return (f'<div class="fix"><span class="loc">{kind}</span> '
            f'<span class="before">{escape(before_ctx)}<del>{shown_old}</del>{escape(after_ctx)}</span>'
            f' → <span class="after">{escape(before_ctx)}<ins>{shown_new}</ins>{escape(after_ctx)}</span></div>')


def _doc_html(text: str, findings, file_no: int, line_sources: list[str] | None = None) -> str:
    spans = []
    for i, f in enumerate(findings):
        start, end = _display_span(text, f.offset, f.end_offset)
        spans.append((start, end, f"f{file_no}-{i}"))
    sev_of = {f"f{file_no}-{i}": f.severity for i, f in enumerate(findings)}
    # Empty findings at a line end (or the end of the text) get a caret mark at the end of their line.
    line_starts = _line_starts(text)
    anchors: dict[int, list[str]] = defaultdict(list)
    for start, end, fid in spans:
        if start == end:
            anchors[bisect_right(line_starts, start) - 1].append(fid)
    out = [f'<div class="doc" lang="{DOC_LANG}">']
    for n, pieces in enumerate(_segments(text, [s for s in spans if s[0] < s[1]], line_starts), 1):
        parts = []
        for piece, ids, starting in pieces:
            parts.extend(f'<span class="anchor" id="{fid}"></span>' for fid in starting)
            if ids:
                worst = max(sev_of[i] for i in ids)
                parts.append(f'<mark class="f s-{worst}" data-f="{" ".join(ids)}">{escape(piece)}</mark>')
            else:
                parts.append(escape(piece))
        for fid in anchors.get(n - 1, ()):
            parts.append(f'<mark class="f s-{sev_of[fid]}" data-f="{fid}" id="{fid}">⁁</mark>')
        source = line_sources[n - 1] if line_sources and n <= len(line_sources) else ""
        title = f' title="{escape(place_name(source))}"' if source else ""
        out.append(f'<div class="ln" data-n="{n}" id="L{file_no}-{n}"{title}>'
                   f'<span class="lt">{"".join(parts)}</span></div>')
    out.append("</div>")
    return "".join(out)


def _related_html(rel, path: str, file_no: int) -> str:
    """A related place; one in the same file (record) links to its line (e.g. the first copy of
    a passage). `path` is the finding's location_name."""
    location = location_name(rel.path, getattr(rel, "record", ""))
    where = f"{_shown(location)}:{rel.line}:{rel.column}"
    if location == path:
        if getattr(rel, "place", None) is not None:  # a Word draft: headings and first words
            line = _shown(rel.place.text())
        else:
            line = _t(_("line {line}:{column}"), line=str(rel.line), column=str(rel.column))
        where = f'<a class="related" href="#L{file_no}-{rel.line}">{line}</a>'
    # Translators: another place a finding refers to (e.g. the first copy of a repeated paragraph).
    related = _t(_("related: {place}"), place=where)
    return f'<div class="loc">{related}{(" " + _shown(rel.message)) if rel.message else ""}</div>'


def _panel_html(text: str | None, findings, file_no: int, titles: dict | None = None) -> str:
    titles = titles or {}
    by_family: dict[str, list[tuple[int, object]]] = defaultdict(list)
    for i, f in enumerate(findings):
        by_family[f.family].append((i, f))
    out = ['<div class="panel">']
    if not findings:
        none = escape(_("No findings."))
        out.append(f'<p class="empty-doc">{none}</p>')
    for family in sorted(by_family):
        items = by_family[family]
        list_id = f"fam{file_no}-{family}"
        count = f'<span class="famcount count" data-list="{list_id}">{len(items)}</span>'
        # Translators: a family's heading in the panel of findings, with how many it has: "KJ2xx placeholders (3)".
        heading = _t(_("{family} ({count})"), family=escape(_family_label(family)), count=count)
        out.append(f"<h3>{heading}</h3>")
        out.append(f'<ol id="{list_id}">')
        for i, f in items:
            fid = f"f{file_no}-{i}"
            shown = f.place.text() if getattr(f, "place", None) is not None else place_name(getattr(f, "where", ""))
            where = f' · {_shown(shown)}' if shown else ""
            # Translators: a finding's place in its file: line and column, both counted from 1.
            at = _t(_("{line}:{column}"), line=str(f.line), column=str(f.column))
            related = "".join(_related_html(rel, f.location, file_no) for rel in f.related)
            out.append(
                f'<li class="finding" data-id="{fid}" data-code="{escape(f.code)}" data-sev="{f.severity}">'
                f'<a class="jump" href="#{fid}" data-target="{fid}">'
                f'<span class="code sev-{f.severity}">{escape(f.code)}</span> '
                f'<span class="loc">{at}{where} · {escape(severity_name(f.severity))} · {_rule_label(f, titles)}</span><br>'
                f'<span class="msg">{_shown(f.message)}</span></a>'
                f'{_fix_html(text, f)}{related}</li>')
        out.append("</ol>")
    out.append("</div>")
    return "".join(out)


def _severity_count(severity, count: int) -> str:
    # Translators: counts of findings by severity in the HTML report ("3 error 1 warning 0 info").
    template = {Severity.ERROR: _("{count} error"), Severity.WARNING: _("{count} warning"),
                Severity.INFO: _("{count} info")}[severity]
    return escape(template).format(count=count)


def _severity_counts(findings) -> str:
    counts = Counter(f.severity for f in findings)
    return " ".join(f'<span class="sev-{s} count">{_severity_count(s, counts.get(s, 0))}</span>'
                    for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))


def page(title: str, body: str, css: str, js: str = "", controls: str = "") -> str:
    """The shell of a self-contained report page (nothing is loaded from the network)."""
    script = f"<script>{js}</script>" if js else ""
    return (f'<!DOCTYPE html>\n<html lang="{html_lang()}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            f"style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
            f"<title>{escape(title)}</title><style>{css}</style></head><body>"
            f'<header class="top"><h1>{escape(title)}</h1>{controls}</header>'
            f"<main>{body}</main>{script}</body></html>\n")


def render_html(results) -> str:
    """The whole report for a run's FileResults (text kept by the runner for highlighting); of a
    corpus, the records with something to show (the clean ones are only counted)."""
    checked = len(results)
    results = [r for r in results if not r.record or r.findings or r.error or r.warning]
    controls, body = report_parts(results, checked)
    return page(_("kjlint report"), "".join(body), CSS, JS, controls)


def report_parts(results, checked: int | None = None, overview: bool = True) -> tuple[str, list[str]]:
    """(filter controls, body pieces) of a report on `results`: with `overview`, a summary line
    counting `checked` inputs and an index when there are several; then a section per result
    with its text and findings. The corpus health report puts the sections under its charts."""
    checked = len(results) if checked is None else checked
    findings = [f for r in results for f in r.findings]
    titles = rule_titles() if language() != "en" and findings else {}
    codes = sorted({f.code for f in findings})
    options = "".join(f'<option value="{escape(c)}">{escape(c)}</option>' for c in codes)
    every = escape(_("all"))
    select = f'<select id="flt-code"><option value="">{every}</option>{options}</select>'
    # Translators: the filter by rule code ("Code [all ▾]").
    code_filter = _t(_("Code {select}"), select=select)
    controls = (f'<label>{code_filter}</label>'
                + "".join(f'<label><input type="checkbox" id="flt-{s}" checked> {escape(severity_name(s))}</label>'
                          for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
                + "<span>" + _t(_("{shown} of {total} findings shown"),
                                shown=f'<span id="shown-count" class="count">{len(findings)}</span>',
                                total=str(len(findings))) + "</span>")
    # Translators: the report's summary line: "{files}, {findings}: 3 error 1 warning 0 info".
    summary = _t(_("{files}, {findings}: {counts}"),
                 files=escape(ngettext("{n} file", "{n} files", checked).format(n=checked)),
                 findings=escape(ngettext("{n} finding", "{n} findings", len(findings)).format(n=len(findings))),
                 counts=_severity_counts(findings))
    body = [f'<p class="summary">{summary}</p>'] if overview else []
    if len(results) > 1 and overview:
        heads = "".join(f"<th>{escape(head)}</th>" for head in (_("File"), _("Findings"), _("By severity")))
        body.append(f'<table class="index"><thead><tr>{heads}</tr></thead><tbody>')
        for n, r in enumerate(results):
            status = (f'<span class="error-msg">{_shown(r.error)}</span>' if r.error
                      else _severity_counts(r.findings))
            body.append(f'<tr><td><a href="#file{n}">{_shown(r.location)}</a></td>'
                        f'<td class="count">{len(r.findings)}</td><td>{status}</td></tr>')
        body.append("</tbody></table>")
    for n, r in enumerate(results):
        body.append(f'<section class="file" id="file{n}"><h2>{_shown(r.location)}</h2>')
        if r.error:
            body.append(f'<p class="error-msg">{_shown(r.error)}</p></section>')
            continue
        if r.warning:
            body.append(f'<p class="loc">{_shown(r.warning)}</p>')
        ordered = sorted(r.findings, key=lambda f: (f.offset, f.end_offset, f.code))
        doc = (_doc_html(r.text, ordered, n, getattr(r, "line_sources", None)) if r.text is not None
               else '<p class="empty-doc">' + escape(_("(document text not kept)")) + "</p>")
        body.append(f'<div class="layout">{doc}{_panel_html(r.text, ordered, n, titles)}</div></section>')
    return controls, body


def write_html(results, out, **_) -> None:
    out.write(render_html(results))
