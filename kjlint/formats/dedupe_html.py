"""`kjlint dedupe --report report.html`: a page to judge duplicate clusters at a glance.

Input (documented so any dedupe engine can feed it):
- clusters: dicts as `kjlint dedupe --clusters` writes them, one per cluster of two or more:
  {"cluster": N, "members": [{"id", "path", "kept", "similarity", "reason"}, ...]}
  (`similarity` is to the kept member; `reason` says why the kept one was kept).
- text_of(member) -> str | None: the text of a member (only cluster members are asked for).
  `texts_from_sources` builds one that reads files by path and JSONL/Parquet records by id.
- similarities: the verified pair similarities (for the histogram); when not given, the members'
  similarities to their kept member are used.
- timings: phase name -> seconds; summary: name -> value, shown as a small table.

The page: summary, histogram (inline SVG) and timings, then clusters largest first, each with
its kept member and a side-by-side diff of every dropped member against it. The diff aligns
lines (paragraphs) and then characters with rapidfuzz; characters are compared after
traditional→simplified folding, so a copy converted to traditional script shows only its real
edits (script-only differences are marked separately).

Interface text (headings, badges, counts, the summary's measures and the phases' names) is in the
language in use (`kjlint.i18n`); ids, paths, similarities and the reasons given by the clusters
are shown as they are. Document text is marked `lang="zh-CN"`.
"""
from __future__ import annotations

import json
from html import escape
from typing import Callable, Iterable, Mapping, Sequence

from ..i18n import _, ngettext
from .dedupe_labels import measure_name, phase_name, seconds
from .html import BASE_CSS, DOC_LANG, _t, page


MAX_DIFF_CHARS = 400_000  # a member longer than this is shown without character-level diff
EQUAL_CONTEXT = 2  # identical paragraphs kept around changes; longer identical runs are folded
MAX_CHANGED_ROWS = 300  # changed rows shown per dropped member
HIST_BINS = 20
PAIR_MIN_SIMILARITY = 0.4  # changed lines less alike than this are shown as removed + added
PAIR_WINDOW = 50
MAX_CLUSTERS = 500  # clusters shown with diffs (largest first); the histogram counts every pair

CSS = BASE_CSS + """
details.cluster{background:#fff;border:1px solid var(--line);margin:10px 0;padding:4px 10px}
details.cluster>summary{cursor:pointer;font-weight:600;padding:4px 0}
.member{margin:10px 0 16px}
.member h4{margin:6px 0;font-size:13px;font-weight:normal}
.badge{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;margin-right:4px}
.badge.kept{background:#c8e6c9} .badge.dropped{background:#ffcdd2}
.sim{font-weight:600}
table.diff{border-collapse:collapse;width:100%;table-layout:fixed;font-size:13px}
table.diff td{vertical-align:top;border:1px solid #eee;padding:1px 6px;white-space:pre-wrap;word-break:break-all;
  font-family:"Noto Sans Mono CJK SC","WenQuanYi Micro Hei Mono",ui-monospace,monospace}
table.diff td.n{width:3.5em;color:#9e9e9e;text-align:right;user-select:none}
table.diff th{font-size:12px;text-align:left;background:#eceff1;padding:2px 6px;word-break:break-all}
table.diff tr.fold td{background:#f5f5f5;color:#757575;text-align:center}
table.diff td.gone{background:repeating-linear-gradient(45deg,#fafafa,#fafafa 4px,#eee 4px,#eee 8px)}
table.diff td.chg-old{background:#fff5f5} table.diff td.chg-new{background:#f3fff5}
table.diff del{background:#ffb3ad;text-decoration:none}
table.diff ins{background:#9be9a8;text-decoration:none}
table.diff span.script{border-bottom:2px dotted #7e57c2}
.charts{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}
.charts figure{margin:0;background:#fff;border:1px solid var(--line);padding:8px}
.charts figcaption{font-size:13px;font-weight:600;margin-bottom:4px}
table.timings td{padding:1px 8px} table.timings td.count{text-align:right}
.bar{display:inline-block;height:10px;background:#78909c}
.missing{color:#757575;font-style:italic}
"""


def _fold(text: str) -> str:
    from ..normalize import to_simplified

    return to_simplified(text)


def _char_diff(old: str, new: str) -> tuple[str, str]:
    """HTML of two lines with the differing characters wrapped in <del> (old) and <ins> (new)."""
    from rapidfuzz.distance import Levenshtein

    if len(old) + len(new) > MAX_DIFF_CHARS:
        return f"<del>{escape(old)}</del>", f"<ins>{escape(new)}</ins>"
    fold_old, fold_new = _fold(old), _fold(new)
    left, right = [], []
    for op in Levenshtein.opcodes(fold_old, fold_new):
        a, b = old[op.src_start:op.src_end], new[op.dest_start:op.dest_end]
        if op.tag == "equal":
            if a == b:
                left.append(escape(a))
                right.append(escape(b))
            else:  # same after folding: only the script differs
                # Translators: tooltip of characters that differ only as traditional/simplified forms.
                title = escape(_("script only"))
                left.append(f'<span class="script" title="{title}">{escape(a)}</span>')
                right.append(f'<span class="script" title="{title}">{escape(b)}</span>')
        else:
            if a:
                left.append(f"<del>{escape(a)}</del>")
            if b:
                right.append(f"<ins>{escape(b)}</ins>")
    return "".join(left), "".join(right)


def _pair_lines(a: list[str], b: list[str], i0: int, i1: int, j0: int, j1: int):
    """Align a changed block: each old line with the most similar later new line (in order), so an
    edited paragraph sits beside its new version and inserted ones stand alone. `a` and `b` are
    the folded lines."""
    from rapidfuzz import fuzz

    j = j0
    for i in range(i0, i1):
        best, best_k = PAIR_MIN_SIMILARITY, None
        for k in range(j, min(j1, j + PAIR_WINDOW)):
            score = fuzz.ratio(a[i], b[k]) / 100
            if score > best:
                best, best_k = score, k
        if best_k is None:
            yield i, None
            continue
        for k in range(j, best_k):
            yield None, k
        yield i, best_k
        j = best_k + 1
    for k in range(j, j1):
        yield None, k


def _paragraphs(text: str) -> tuple[list[str], list[int]]:
    """Non-blank lines, trimmed, with their 1-based line numbers: blank lines and indentation are
    layout (scraped copies differ in them everywhere), so the diff compares paragraphs."""
    from ..document import BLANK_CHARS

    lines, numbers = [], []
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip(BLANK_CHARS)
        if stripped:
            lines.append(stripped)
            numbers.append(n)
    return lines, numbers


def diff_rows(old: str, new: str, max_changed: int = MAX_CHANGED_ROWS) -> list[str]:
    """Table rows (HTML) of a side-by-side diff of paragraphs: kept text on the left, the other
    on the right; after `max_changed` changed rows the rest is summarised in one row."""
    from rapidfuzz.distance import Levenshtein

    a, na = _paragraphs(old)
    b, nb = _paragraphs(new)
    rows: list[str] = []
    changed = hidden = 0

    def row(i, left, j, right, cls_l="", cls_r=""):
        nonlocal changed, hidden
        if cls_l or cls_r:
            changed += 1
            if changed > max_changed:
                hidden += 1
                return
        rows.append(f'<tr><td class="n">{na[i] if i is not None else ""}</td><td class="{cls_l}">{left}</td>'
                    f'<td class="n">{nb[j] if j is not None else ""}</td><td class="{cls_r}">{right}</td></tr>')

    fa, fb = [_fold(x) for x in a], [_fold(x) for x in b]
    ops = Levenshtein.opcodes(fa, fb)
    pending: list = []  # consecutive non-equal opcodes, aligned together
    for k, op in enumerate(ops):
        if op.tag == "equal":
            n = op.src_end - op.src_start
            keep_head = EQUAL_CONTEXT if k > 0 else 0
            keep_tail = EQUAL_CONTEXT if k < len(ops) - 1 else 0
            if n > keep_head + keep_tail + 1:
                shown = list(range(keep_head)) + [None] + list(range(n - keep_tail, n))
            else:
                shown = list(range(n))
            for off in shown:
                if off is None:
                    folded = n - keep_head - keep_tail
                    script_only = sum(1 for x in range(keep_head, n - keep_tail)
                                      if a[op.src_start + x] != b[op.dest_start + x])
                    if script_only:
                        note = ngettext("… {n} identical paragraph ({k} differ in script only) …",
                                        "… {n} identical paragraphs ({k} differ in script only) …", folded)
                    else:
                        note = ngettext("… {n} identical paragraph …", "… {n} identical paragraphs …", folded)
                    rows.append(f'<tr class="fold"><td colspan="4">{escape(note.format(n=folded, k=script_only))}'
                                '</td></tr>')
                    continue
                i, j = op.src_start + off, op.dest_start + off
                if a[i] == b[j]:
                    row(i, escape(a[i]), j, escape(b[j]))
                else:
                    left, right = _char_diff(a[i], b[j])
                    row(i, left, j, right)
        else:
            pending.append(op)
            if k + 1 < len(ops) and ops[k + 1].tag != "equal":
                continue
            i0, i1 = pending[0].src_start, pending[-1].src_end
            j0, j1 = pending[0].dest_start, pending[-1].dest_end
            pending.clear()
            for i, j in _pair_lines(fa, fb, i0, i1, j0, j1):
                if i is not None and j is not None:
                    # a row past max_changed is only counted: no character diff for it
                    left, right = _char_diff(a[i], b[j]) if changed < max_changed else ("", "")
                    row(i, left, j, right, "chg-old", "chg-new")
                elif i is not None:
                    row(i, f"<del>{escape(a[i])}</del>", None, "", "chg-old", "gone")
                else:
                    row(None, "", j, f"<ins>{escape(b[j])}</ins>", "gone", "chg-new")
    if hidden:
        more = ngettext("… and {n} more changed paragraph not shown …",
                        "… and {n} more changed paragraphs not shown …", hidden).format(n=hidden)
        rows.append(f'<tr class="fold"><td colspan="4">{escape(more)}</td></tr>')
    return rows


def histogram_svg(values: Sequence[float], bins: int = HIST_BINS, lo: float | None = None) -> str:
    """An inline SVG bar chart of similarities in [lo, 1] (lo: 0.5 or lower if values go lower)."""
    values = [min(1.0, max(0.0, float(v))) for v in values if v is not None]
    if lo is None:
        lo = 0.5 if not values or min(values) >= 0.5 else 0.0
    width, height, pad = 420, 160, 24
    counts = [0] * bins
    for v in values:
        k = int((v - lo) / (1 - lo) * bins) if v >= lo else 0
        counts[min(bins - 1, max(0, k))] += 1
    top = max(counts) or 1
    label = _("histogram of {n} pair similarities").format(n=len(values))
    bar_w = (width - 2 * pad) / bins
    parts = [f'<svg class="hist" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'role="img" aria-label="{escape(label)}">']
    for k, c in enumerate(counts):
        h = (height - 2 * pad) * c / top
        x = pad + k * bar_w
        left_edge = lo + (1 - lo) * k / bins
        parts.append(f'<rect class="bin" data-count="{c}" x="{x:.1f}" y="{height - pad - h:.1f}" '
                     f'width="{bar_w - 1:.1f}" height="{h:.1f}" fill="#5c6bc0">'
                     f'<title>{left_edge:.3f}–{left_edge + (1 - lo) / bins:.3f}: {c}</title></rect>')
    parts.append(f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="#555"/>')
    for t in range(5):
        v = lo + (1 - lo) * t / 4
        x = pad + (width - 2 * pad) * t / 4
        parts.append(f'<text x="{x:.1f}" y="{height - 6}" font-size="10" text-anchor="middle">{v:.2f}</text>')
    # Translators: the top of the histogram's scale: the largest number of pairs in one bar.
    scale_top = escape(_("max {n}").format(n=top))
    parts.append(f'<text x="{pad}" y="{pad - 8}" font-size="10">{scale_top}</text></svg>')
    return "".join(parts)


def _timings_html(timings: Mapping[str, float]) -> str:
    if not timings:
        return '<p class="missing">' + escape(_("no timings recorded")) + "</p>"
    top = max(timings.values()) or 1
    rows = "".join(f'<tr><td>{escape(phase_name(str(k)))}</td><td class="count">{escape(seconds(v))}</td>'
                   f'<td><span class="bar" style="width:{120 * v / top:.0f}px"></span></td></tr>'
                   for k, v in timings.items())
    if "total" in timings:
        return f'<table class="timings">{rows}</table>'
    total = sum(timings.values())
    return (f'<table class="timings">{rows}<tr><td><b>{escape(phase_name("total"))}</b></td>'
            f'<td class="count"><b>{escape(seconds(total))}</b></td><td></td></tr></table>')


def _member_title(m: Mapping) -> str:
    ident, path = str(m.get("id", "")), str(m.get("path", "") or "")
    return escape(ident) + (f' <span class="loc">({escape(path)})</span>' if path and path != ident else "")


def _cluster_html(c: Mapping, text_of: Callable[[Mapping], str | None], open_: bool) -> str:
    members = list(c.get("members", []))
    kept = next((m for m in members if m.get("kept")), members[0] if members else None)
    dropped = [m for m in members if m is not kept]
    kept_text = text_of(kept) if kept is not None else None
    number = escape(str(c.get("cluster", "?")))
    heading = _t(_("Cluster {number}: {n} members, keeping {kept}"),
                 number=number, n=str(len(members)), kept=_member_title(kept or {}))
    out = [f'<details class="cluster" id="cluster-{number}" data-size="{len(members)}"{" open" if open_ else ""}>'
           f'<summary>{heading}</summary>']
    reason = kept.get("reason") if kept else None
    # Translators: badges of the copy of a document kept by dedupe and of the copies dropped.
    kept_badge, dropped_badge = escape(_("kept")), escape(_("dropped"))
    length = (" · " + escape(_("{n} characters").format(n=len(kept_text)))
              if kept_text is not None else "")
    out.append(f'<div class="member kept-member"><h4><span class="badge kept">{kept_badge}</span>'
               f'{_member_title(kept or {})}{(" — " + escape(str(reason))) if reason else ""}{length}</h4></div>')
    for m in dropped:
        sim = m.get("similarity")
        sim_s = f"{float(sim):.3f}" if isinstance(sim, (int, float)) else "?"
        why = m.get("reason")
        similarity = _t(_("similarity {value}"), value=f'<span class="sim">{sim_s}</span>')
        out.append(f'<div class="member dropped-member"><h4><span class="badge dropped">{dropped_badge}</span>'
                   f'{_member_title(m)} · {similarity}'
                   f'{(" · " + escape(str(why))) if why else ""}</h4>')
        text = text_of(m)
        if kept_text is None or text is None:
            missing = (_("text of the kept member is not available") if kept_text is None
                       else _("text of this member is not available"))
            out.append(f'<p class="missing">{escape(missing)}</p></div>')
            continue
        # Translators: the heads of the two columns of a side-by-side diff, with the documents' ids.
        left = _t(_("kept: {id}"), id=escape(str(kept.get("id", ""))))
        right = _t(_("dropped: {id}"), id=escape(str(m.get("id", ""))))
        out.append(f'<table class="diff" lang="{DOC_LANG}"><colgroup><col style="width:3.5em"><col>'
                   '<col style="width:3.5em"><col>'
                   f'</colgroup><thead><tr><th></th><th>{left}</th><th></th>'
                   f'<th>{right}</th></tr></thead><tbody>')
        out.extend(diff_rows(kept_text, text))
        out.append("</tbody></table></div>")
    out.append("</details>")
    return "".join(out)


def largest_first(clusters: Iterable[Mapping]) -> list[Mapping]:
    """Clusters by size, largest first; ties by cluster number."""
    def key(c):
        n = c.get("cluster")
        return (-len(c.get("members", [])), 0 if isinstance(n, int) else 1, n if isinstance(n, int) else 0, str(n))

    return sorted(clusters, key=key)


def render_dedupe_report(clusters: Iterable[Mapping], text_of: Callable[[Mapping], str | None],
                         similarities: Sequence[float] | None = None,
                         timings: Mapping[str, float] | None = None,
                         summary: Mapping[str, object] | None = None,
                         max_clusters: int | None = MAX_CLUSTERS, open_first: int = 3) -> str:
    """The whole report page; clusters are sorted largest first (ties: by cluster number), and
    the first `max_clusters` (None: all) are shown with their diffs."""
    clusters = largest_first(clusters)
    if similarities is None:
        similarities = [m["similarity"] for c in clusters for m in c.get("members", [])
                        if not m.get("kept") and isinstance(m.get("similarity"), (int, float))]
    shown = clusters if max_clusters is None else clusters[:max_clusters]
    body = []
    rows = dict(summary) if summary else {
        "clusters": len(clusters),
        "duplicates (dropped)": sum(len(c.get("members", [])) - 1 for c in clusters)}
    body.append('<table class="index">' + "".join(
        f"<tr><th>{escape(measure_name(str(k)))}</th><td class=\"count\">{escape(str(v))}</td></tr>"
        for k, v in rows.items()) + "</table>")
    caption = escape(_("Verified pair similarities ({n} pairs)").format(n=len(similarities)))
    per_phase = escape(_("Time per phase"))
    body.append('<div class="charts">'
                f'<figure id="histogram"><figcaption>{caption}'
                f'</figcaption>{histogram_svg(similarities)}</figure>'
                f'<figure id="timings"><figcaption>{per_phase}</figcaption>{_timings_html(timings or {})}</figure>'
                "</div>")
    if len(shown) < len(clusters):
        showing = _("Showing the {shown} largest of {total} clusters.").format(shown=len(shown), total=len(clusters))
        body.append(f'<p class="loc">{escape(showing)}</p>')
    if not clusters:
        body.append('<p class="missing">' + escape(_("No duplicate clusters.")) + "</p>")
    for k, c in enumerate(shown):
        body.append(_cluster_html(c, text_of, k < open_first))
    return page(_("kjlint dedupe report"), "".join(body), CSS)


def read_clusters(path: str) -> list[dict]:
    """Clusters from a `--clusters` JSONL file (blank lines ignored)."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(_("{path}:{line}: not valid JSON ({error})").format(
                        path=path, line=n, error=exc.msg)) from None
    return out


def texts_from_sources(clusters: Iterable[Mapping], text_field: str = "text", id_field: str = "id",
                       max_clusters: int | None = MAX_CLUSTERS) -> Callable[[Mapping], str | None]:
    """A text_of that reads only members of the clusters a report shows: files by path (any
    format kjlint reads, .docx too), records of JSONL/Parquet inputs by id (each such input
    scanned once, keeping only the wanted records in memory)."""
    from ..reading import InputError, read_document

    wanted_by_source: dict[str, set[str]] = {}
    shown = largest_first(clusters)
    for c in shown if max_clusters is None else shown[:max_clusters]:
        for m in c.get("members", []):
            path, ident = str(m.get("path", "") or ""), str(m.get("id", ""))
            if path.lower().endswith((".jsonl", ".ndjson", ".json", ".parquet", ".pq")):
                wanted_by_source.setdefault(path, set()).add(ident)
    records: dict[tuple[str, str], str] = {}
    for path, ids in wanted_by_source.items():
        try:
            for ident, text in _scan_records(path, text_field, id_field):
                if ident in ids:
                    records[(path, ident)] = text
        except (OSError, ValueError):
            continue

    def text_of(m: Mapping) -> str | None:
        path, ident = str(m.get("path", "") or ""), str(m.get("id", ""))
        if (path, ident) in records:
            return records[(path, ident)]
        if path in wanted_by_source:
            return None
        try:
            return read_document(path or ident).text
        except InputError:
            return None

    return text_of


def _scan_records(path: str, text_field: str, id_field: str):
    """(id, text) of each record, named as `kjlint dedupe` names them (kjlint.records)."""
    from ..records import Fields, Source, iter_records, kind_of

    for r in iter_records([Source(kind_of(path), path)], Fields(text_field, id_field)):
        yield r.id, r.text


def write_dedupe_report(path: str, clusters: Iterable[Mapping], text_of=None, **kwargs) -> None:
    """Render and write atomically; `text_of` defaults to texts_from_sources(clusters)."""
    from ..fixes import atomic_write_text

    clusters = list(clusters)
    if text_of is None:
        text_of = texts_from_sources(clusters)
    atomic_write_text(path, render_dedupe_report(clusters, text_of, **kwargs))


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m kjlint.formats.dedupe_html clusters.jsonl -o report.html`: a report from a
    clusters file written earlier by `kjlint dedupe --clusters` (texts read from the members)."""
    import argparse

    words = {  # argparse's own words (it asks gettext's default domain, which has none of them)
        "usage: ": _("usage: "), "positional arguments": _("positional arguments"), "options": _("options"),
        "show this help message and exit": _("show this help message and exit"),
        "%(prog)s: error: %(message)s\n": _("%(prog)s: error: %(message)s\n"),
        "the following arguments are required: %s": _("the following arguments are required: %s"),
        "unrecognized arguments: %s": _("unrecognized arguments: %s"),
        "argument %(argument_name)s: %(message)s": _("argument %(argument_name)s: %(message)s"),
        "expected one argument": _("expected one argument"),
        "invalid %(type)s value: %(value)r": _("invalid %(type)s value: %(value)r"),
    }
    english = argparse._
    argparse._ = lambda message: words.get(message, english(message))
    try:
        return _main(argparse, argv)
    finally:
        argparse._ = english


def _main(argparse, argv) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m kjlint.formats.dedupe_html",
        description=_("Write the HTML report of a clusters file written earlier by kjlint dedupe --clusters "
                      "(the texts are read from the members' files and records)."))
    # Translators: the names standing for values in the usage line (argparse's metavars).
    ap.add_argument("clusters", metavar=_("CLUSTERS"), help=_("The clusters file (JSONL)."))
    ap.add_argument("-o", "--output", required=True, metavar=_("OUTPUT"), help=_("The report to write (HTML)."))
    ap.add_argument("--text-field", default="text", metavar=_("TEXT_FIELD"),
                    help=_("JSONL/Parquet field holding the text (default {default}).").format(default="text"))
    ap.add_argument("--id-field", default="id", metavar=_("ID_FIELD"),
                    help=_("JSONL/Parquet field holding the id (default {default}).").format(default="id"))
    ap.add_argument("--max-clusters", type=int, default=MAX_CLUSTERS, metavar=_("MAX_CLUSTERS"),
                    help=_("Clusters shown with diffs, largest first (default {default}).").format(
                        default=MAX_CLUSTERS))
    args = ap.parse_args(argv)
    try:
        clusters = read_clusters(args.clusters)
    except (OSError, ValueError) as exc:
        print(_("kjlint: error: {message}").format(message=exc))
        return 2
    write_dedupe_report(args.output, clusters,
                        texts_from_sources(clusters, args.text_field, args.id_field, args.max_clusters),
                        max_clusters=args.max_clusters)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
