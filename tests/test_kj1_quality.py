"""KJ1 detection quality on fixtures/kj1: precision and recall >= 0.95, no finding on clean text.

Labels (fixtures/kj1/NAME.labels.yaml) come from how fixtures/kj1/build.py made each document;
a finding matches a label with the same code and line (each label matches at most one finding).
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from kjlint.catalog import load_catalog
from kjlint.engine import LintOptions, lint_document, select_codes
from kjlint.reading import read_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "kj1"
FLOOR = 0.95


def kj1_findings(path: Path):
    catalog = load_catalog()
    codes = select_codes(catalog, ["KJ1"], [])
    return lint_document(read_document(path), catalog, LintOptions(codes=codes))


def score() -> tuple[int, int, int, list[str]]:
    tp = fp = fn = 0
    notes: list[str] = []
    for txt in sorted(FIXTURES.glob("*.txt")):
        spec = yaml.safe_load(txt.with_suffix("").with_suffix(".labels.yaml").read_text(encoding="utf-8"))
        want = Counter((lab["code"], int(lab["line"])) for lab in spec["labels"] or [])
        got = Counter((f.code, f.line) for f in kj1_findings(txt))
        for key in set(want) | set(got):
            hit = min(want[key], got[key])
            tp += hit
            if got[key] > hit:
                fp += got[key] - hit
                notes.append(f"false alarm {txt.name}:{key[1]} {key[0]}")
            if want[key] > hit:
                fn += want[key] - hit
                notes.append(f"missed {txt.name}:{key[1]} {key[0]}")
    return tp, fp, fn, notes


def test_fixture_set_is_meaningful():
    labeled = [p for p in FIXTURES.glob("*.labels.yaml")
               if yaml.safe_load(p.read_text(encoding="utf-8"))["labels"]]
    clean = [p for p in FIXTURES.glob("clean-*.txt")]
    assert len(labeled) >= 15 and len(clean) >= 5
    codes = {lab["code"] for p in labeled for lab in yaml.safe_load(p.read_text(encoding="utf-8"))["labels"]}
    assert codes == {"KJ101", "KJ102", "KJ103", "KJ104"}


def test_kj1_precision_and_recall():
    tp, fp, fn, notes = score()
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"\nKJ1 tp={tp} fp={fp} fn={fn} precision={precision:.3f} recall={recall:.3f}")
    assert tp >= 20
    assert precision >= FLOOR, "\n".join(notes)
    assert recall >= FLOOR, "\n".join(notes)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("clean-*.txt")))
def test_clean_documents_have_no_kj1_finding(name):
    findings = kj1_findings(FIXTURES / name)
    assert not findings, [f"{f.line}: {f.code} {f.message}" for f in findings]


if __name__ == "__main__":
    tp, fp, fn, notes = score()
    print(tp, fp, fn, *notes, sep="\n")
