"""Precision/recall of kjlint's findings against the labeled fixtures (shared by tests and bench)."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kjlint.document import Document
from kjlint.engine import LintOptions, lint_document
from kjlint.catalog import load_catalog
from kjlint.reading import read_document

ROOT = Path(__file__).resolve().parent.parent
LABELED = ROOT / "fixtures" / "labeled"
CLEAN = ROOT / "fixtures" / "clean"
SCORED_FAMILIES = ("KJ2", "KJ3", "KJ4", "KJ5", "KJ6", "KJ7")


@dataclass
class Tally:
    """Precision over findings, recall over labels (one finding may cover several labels)."""

    true_findings: int = 0
    false_findings: int = 0
    found: int = 0
    missed: int = 0
    misses: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        n = self.true_findings + self.false_findings
        return self.true_findings / n if n else 1.0

    @property
    def recall(self) -> float:
        n = self.found + self.missed
        return self.found / n if n else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def lint_file(path: Path):
    catalog = load_catalog()
    doc = read_document(path)
    return doc, lint_document(doc, catalog, LintOptions())


def score_labeled() -> tuple[dict[str, Tally], int, int]:
    """Per-family scores over fixtures/labeled; also (documents, labels) counts.

    Labels and findings meet by (family, line): a finding is true when its line carries a label of
    its family, a label is found when its line carries a finding of its family. Labels of rules
    that are off by default (style rules such as KJ702) are not scored."""
    catalog = load_catalog()
    scores: dict[str, Tally] = defaultdict(Tally)
    ndocs = nlabels = 0
    for txt in sorted(LABELED.glob("*.txt")):
        spec = yaml.safe_load((txt.with_suffix("").with_suffix(".labels.yaml")).read_text(encoding="utf-8"))
        families = set(spec.get("families", SCORED_FAMILIES))
        labels = [lab for lab in spec.get("labels") or []
                  if lab["code"][:3] in families and catalog.rules[lab["code"]].enabled]
        ndocs += 1
        nlabels += len(labels)
        doc, findings = lint_file(txt)
        findings = [f for f in findings if f.family in families]
        labeled = {(lab["code"][:3], int(lab["line"])) for lab in labels}
        reported = {(f.family, f.line) for f in findings}
        for f in findings:
            s = scores[f.family]
            if (f.family, f.line) in labeled:
                s.true_findings += 1
            else:
                s.false_findings += 1
                s.false_alarms.append(f"{txt.name}:{f.line}: {f.code} {f.message}")
        for lab in labels:
            s = scores[lab["code"][:3]]
            if (lab["code"][:3], int(lab["line"])) in reported:
                s.found += 1
            else:
                s.missed += 1
                s.misses.append(f"{txt.name}:{lab['line']}: {lab['code']} {lab.get('text', '')}")
    return dict(scores), ndocs, nlabels


def clean_false_positives() -> tuple[list[str], int, int]:
    """(false positive descriptions, documents, characters) over fixtures/clean."""
    fps, chars, ndocs = [], 0, 0
    for txt in sorted(CLEAN.glob("*.txt")):
        doc, findings = lint_file(txt)
        ndocs += 1
        chars += len(doc.text)
        fps += [f"{txt.name}:{f.line}:{f.column}: {f.code} {f.message}" for f in findings
                if f.family in SCORED_FAMILIES]
    return fps, ndocs, chars


def report(scores: dict[str, Tally]) -> str:
    rows = [f"{'family':<7}{'labels':>7}{'found':>6}{'findings':>9}{'true':>6}{'precision':>10}{'recall':>7}"]
    for fam in sorted(scores):
        t = scores[fam]
        rows.append(f"{fam:<7}{t.found + t.missed:>7}{t.found:>6}{t.true_findings + t.false_findings:>9}"
                    f"{t.true_findings:>6}{t.precision:>10.3f}{t.recall:>7.3f}")
    return "\n".join(rows)


# --- Real-world corpus (fixtures/realworld, labels per docs/labeling.md) -------------------------

REALWORLD = ROOT / "fixtures" / "realworld"
REALWORLD_FAMILIES = ("KJ1", "KJ2", "KJ3", "KJ4", "KJ5", "KJ6", "KJ7")
# On an excerpt the store cut (`cut: true`), the ending and what depends on it are not judged
# (an empty heading counts only when it is not the last paragraph), and the guide asks for a
# missing title only on complete documents.
CUT_UNSCORED = {"KJ302", "KJ501", "KJ506"}
CUT_AT_END = {"KJ303"}
# A block of furniture lines may be labeled by its first line (docs/labeling.md): a finding of
# such a family on the lines right below a true one of the same family is part of the block.
BLOCK_FAMILIES = {"KJ6"}


@dataclass
class Label:
    family: str
    rule: str | None
    start: int | None  # None: the whole document
    end: int | None
    text: str = ""
    block: tuple[int, int] | None = None  # 0-based first and last line of the block it quotes the first line of

    def overlaps(self, start: int, end: int) -> bool:
        return self.start is None or (start < self.end and self.start < max(end, start + 1))


def locate(text: str, quote: str, nth: int = 1) -> tuple[int, int] | None:
    """Character range of the nth (1-based) occurrence of `quote` in `text`."""
    at, start = -1, 0
    for _ in range(nth):  # occurrences counted without overlap, as str.count does
        at = text.find(quote, start)
        if at < 0:
            return None
        start = at + len(quote)
    return at, at + len(quote)


# A block label's note naming its lines (docs/labeling.md: a block of furniture quoted at its first
# line, `note: weather and air-quality widget, lines 2-34`): a finding on those lines is the block's.
_BLOCK_NOTE = re.compile(r"\blines? (\d+)\s*[-–]\s*(\d+)\b")


def load_labels(spec: dict, text: str, where: str) -> tuple[list[Label], list[tuple[int, int]]]:
    """Labels and must-not-flag ranges of one settled label file; a quote not found is an error."""
    labels, keep_out = [], []
    for item in spec.get("defects") or []:
        if item.get("scope") == "document":
            labels.append(Label(item["family"], item.get("rule"), None, None))
            continue
        span = locate(text, item["text"], int(item.get("nth", 1)))
        if span is None:
            raise ValueError(f"{where}: {item['text']!r} (nth {item.get('nth', 1)}) not in the document")
        block = _BLOCK_NOTE.search(str(item.get("note") or ""))
        labels.append(Label(item["family"], item.get("rule"), *span, text=item["text"],
                            block=(int(block.group(1)) - 1, int(block.group(2)) - 1) if block else None))
    for item in spec.get("must_not_flag") or []:
        span = locate(text, item["text"], int(item.get("nth", 1)))
        if span is None:
            raise ValueError(f"{where}: must_not_flag {item['text']!r} not in the document")
        keep_out.append(span)
    return labels, keep_out


# the real Word files (w001-w050, w051-w095, w096-w143): scored apart from the pages
WORD_BATCHES = ("word", "word2", "word3")


def realworld_manifest(root: Path | None = None) -> list[dict]:
    path = (root or REALWORLD) / "manifest.jsonl"
    if not path.is_file():
        return []
    import json
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass
class RealworldResult:
    families: dict[str, Tally]
    rules: dict[str, Tally]
    documents: int = 0
    labels: int = 0
    sites: int = 0
    chars: int = 0
    clean_chars: int = 0  # characters of government texts
    clean_false_alarms: list = field(default_factory=list)
    must_not_flag_hits: list = field(default_factory=list)
    opt_in_labels: list = field(default_factory=list)  # labels of rules that are off by default

    @property
    def findings(self) -> Tally:
        """All families together: the share of findings that are true (issue #11's Word bar)."""
        total = Tally()
        for t in self.families.values():
            total.true_findings += t.true_findings
            total.false_findings += t.false_findings
            total.found += t.found
            total.missed += t.missed
        return total

    @property
    def clean_rate(self) -> float:
        """False alarms per 10,000 characters on the government (clean side) texts."""
        return len(self.clean_false_alarms) * 10_000 / self.clean_chars if self.clean_chars else 0.0


def score_realworld(labels_dir: Path | None = None, kinds: tuple[str, ...] | None = None,
                    batch: str | tuple[str, ...] | None = None, root: Path | None = None,
                    split: str | None = None) -> RealworldResult:
    """Lint every labeled real-world document with the default rules and match findings to labels.

    A finding is true when it overlaps a label of its family (document-wide labels match any
    finding of the family); a label is found when a finding of its family overlaps it (for the
    per-rule table: a finding of its rule). Findings on must-not-flag spans are listed apart.
    Word files (`kind: word`, batches `word`, `word2`, `word3`) have their own figures (issue #11):
    they are scored only when asked for by batch (batch=WORD_BATCHES: all of them), never in the
    pages' totals. `split` keeps only the entries whose manifest `split` is that name (a set's
    `dev` pages, built from, apart from its `check` pages, held out)."""
    root = root or REALWORLD  # another labeled set in the corpus's layout: fixtures/devsets/<name>
    labels_dir = labels_dir or root / "labels"
    catalog = load_catalog()
    opt_in = {code for code, rule in catalog.rules.items() if not rule.enabled}
    res = RealworldResult(defaultdict(Tally), defaultdict(Tally))
    sites = set()
    for entry in realworld_manifest(root):
        if kinds and entry.get("kind") not in kinds:
            continue
        if batch is not None and entry.get("batch", "") not in ((batch,) if isinstance(batch, str) else batch):
            continue
        if batch is None and entry.get("kind") == "word":
            continue
        if split is not None and entry.get("split") != split:
            continue
        spec_path = labels_dir / f"{entry['id']}.yaml"
        if not spec_path.is_file():
            continue
        doc = read_document(root / entry["file"])
        text = doc.text
        labels, keep_out = load_labels(yaml.safe_load(spec_path.read_text(encoding="utf-8")) or {}, text,
                                       str(spec_path))
        # Defects only an opt-in rule looks for (KJ501 without a profile) are not asked of the
        # default rules; bench/quality.py lists them.
        res.opt_in_labels += [lab for lab in labels if lab.rule in opt_in]
        labels = [lab for lab in labels if lab.rule not in opt_in]
        findings = [f for f in lint_document(doc, catalog, LintOptions()) if f.family in REALWORLD_FAMILIES]
        if entry.get("cut"):
            last = doc.paragraphs[-1].start if doc.paragraphs else 0
            findings = [f for f in findings if f.code not in CUT_UNSCORED
                        and not (f.code in CUT_AT_END and f.offset >= last)]
        res.documents += 1
        res.labels += len(labels)
        res.chars += len(text)
        sites.add(entry.get("site"))
        government = entry.get("kind") == "government"
        if government:
            res.clean_chars += len(text)
        true_lines: dict[str, set[int]] = defaultdict(set)  # per family: lines of labels and true findings
        for lab in labels:
            if lab.start is not None:
                true_lines[lab.family].update(range(doc.line_index(lab.start), doc.line_index(max(lab.start, lab.end - 1)) + 1))
            if lab.block is not None:
                true_lines[lab.family].update(range(lab.block[0], lab.block[1] + 1))
        for f in findings:
            hits = [lab for lab in labels if _matches(doc, labels, lab, f)]
            # a block's next line is not credited when the labeler kept most of it out (the
            # document's title under a page's metadata; a 文号 inside a metadata row is credited)
            if hits or (f.family in BLOCK_FAMILIES and not _mostly_kept_out(f, keep_out)
                        and _below_block(doc, f, true_lines[f.family])):
                true_lines[f.family].update(range(f.line - 1, f.end_line))
                hits = hits or [None]
            where = f"{entry['id']}:{f.line}:{f.column}: {f.code} {text[f.offset:f.end_offset][:30]!r} {f.message[:70]}"
            for tally in (res.families[f.family], res.rules[f.code]):
                if hits:
                    tally.true_findings += 1
                else:
                    tally.false_findings += 1
                    tally.false_alarms.append(where)
            if not hits:
                if government:
                    res.clean_false_alarms.append(where)
                if any(s < max(f.end_offset, f.offset + 1) and f.offset < e for s, e in keep_out):
                    res.must_not_flag_hits.append(where)
        for lab in labels:
            near = [f for f in findings if _matches(doc, labels, lab, f)]
            tallies = [(res.families[lab.family], bool(near))]
            if lab.rule:
                tallies.append((res.rules[lab.rule], any(f.code == lab.rule for f in near)))
            for tally, ok in tallies:
                if ok:
                    tally.found += 1
                else:
                    tally.missed += 1
                    tally.misses.append(f"{entry['id']}: {lab.rule or lab.family} {lab.text[:30]!r}")
    res.sites = len(sites)
    res.families, res.rules = dict(res.families), dict(res.rules)
    return res


# A furniture line is one defect wherever its label quotes it (docs/labeling.md: an editor blurb
# quoted at its start or at `下面是小编…`): a KJ601 finding and a KJ601 label on one line match.
LINE_RULES = {"KJ601"}


def _matches(doc, labels: list[Label], lab: Label, f) -> bool:
    """Does finding `f` report the defect of label `lab`: same family and overlapping ranges, or,
    for a line-level rule, the same line when the finding overlaps no other label (a flattened
    page holds several furniture defects on one line)?"""
    if lab.family != f.family:
        return False
    if lab.overlaps(f.offset, f.end_offset):
        return True
    return (f.code in LINE_RULES and lab.rule in LINE_RULES and lab.start is not None
            and doc.line_index(lab.start) <= f.line - 1 <= doc.line_index(max(lab.start, lab.end - 1))
            and not any(other.family == f.family and other.overlaps(f.offset, f.end_offset) for other in labels))


BLOCK_GAP = 3  # short lines (a field's value) that may sit between two lines of one block


def _mostly_kept_out(f, keep_out: list[tuple[int, int]]) -> bool:
    """Does one must-not-flag span cover half of the finding's text or more?"""
    size = max(f.end_offset - f.offset, 1)
    return any(min(e, f.offset + size) - max(s, f.offset) >= size / 2 for s, e in keep_out)


def _below_block(doc, f, lines: set[int]) -> bool:
    """Is the finding's first line below a line in `lines` with only blank lines and at most
    BLOCK_GAP short ones (up to 40 characters: the values of a metadata block) in between?"""
    i, short = f.line - 2, 0
    while i >= 0 and i not in lines:
        text = doc.lines[i].text.strip()
        if text:
            short += 1
            if short > BLOCK_GAP or len(text) > 40:
                return False
        i -= 1
    return i >= 0


def realworld_report(res: RealworldResult) -> str:
    """Per-family and per-rule table, as bench/quality.py and the test print it."""
    head = f"{'':<7}{'labels':>7}{'found':>6}{'findings':>9}{'true':>6}{'precision':>10}{'recall':>7}{'F1':>6}"
    rows = [head]
    for table in (res.families, res.rules):
        for key in sorted(table):
            t = table[key]
            rows.append(f"{key:<7}{t.found + t.missed:>7}{t.found:>6}{t.true_findings + t.false_findings:>9}"
                        f"{t.true_findings:>6}{t.precision:>10.3f}{t.recall:>7.3f}{t.f1:>6.3f}")
        rows.append("")
    every = res.findings
    rows.append(f"all families: {every.true_findings + every.false_findings} findings, {every.true_findings} true "
                f"(precision {every.precision:.3f}); {every.found + every.missed} labels, {every.found} found "
                f"(recall {every.recall:.3f})")
    rows.append(f"{res.documents} documents from {res.sites} sites, {res.labels} labels, {res.chars} characters; "
                f"government texts: {res.clean_chars} characters, {len(res.clean_false_alarms)} false alarms "
                f"({res.clean_rate:.2f} per 10,000 characters); findings on must-not-flag spans: "
                f"{len(res.must_not_flag_hits)}; labels of opt-in rules (not scored): "
                + (", ".join(f"{c} {n}" for c, n in sorted(Counter(lab.rule for lab in res.opt_in_labels).items())) or "none"))
    return "\n".join(rows)
