"""Precision/recall of kjlint's findings against the labeled fixtures (shared by tests and bench)."""
from __future__ import annotations

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
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def lint_file(path: Path):
    catalog = load_catalog()
    doc = read_document(path)
    return doc, lint_document(doc, catalog, LintOptions())


def score_labeled() -> tuple[dict[str, Score], int, int]:
    """Per-family scores over fixtures/labeled; also (documents, labels) counts."""
    scores: dict[str, Score] = defaultdict(Score)
    ndocs = nlabels = 0
    for txt in sorted(LABELED.glob("*.txt")):
        spec = yaml.safe_load((txt.with_suffix("").with_suffix(".labels.yaml")).read_text(encoding="utf-8"))
        families = set(spec.get("families", SCORED_FAMILIES))
        labels = spec.get("labels") or []
        ndocs += 1
        nlabels += len(labels)
        doc, findings = lint_file(txt)
        want = Counter((lab["code"][:3], int(lab["line"])) for lab in labels)
        got = Counter((f.family, f.line) for f in findings if f.family in families)
        for key in set(want) | set(got):
            fam = key[0]
            if fam not in families:
                continue
            s = scores[fam]
            tp = min(want[key], got[key])
            s.tp += tp
            if got[key] > tp:
                s.fp += got[key] - tp
                s.false_alarms += [f"{txt.name}:{key[1]}: {f.code} {f.message}" for f in findings
                                   if (f.family, f.line) == key][: got[key] - tp]
            if want[key] > tp:
                s.fn += want[key] - tp
                s.misses += [f"{txt.name}:{key[1]}: {lab['code']} {lab.get('text', '')}" for lab in labels
                             if (lab["code"][:3], int(lab["line"])) == key][: want[key] - tp]
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


def report(scores: dict[str, Score]) -> str:
    rows = [f"{'family':<7}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}"]
    for fam in sorted(scores):
        s = scores[fam]
        rows.append(f"{fam:<7}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>11.3f}{s.recall:>8.3f}")
    return "\n".join(rows)
