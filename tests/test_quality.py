"""Detection quality per rule family on the labeled fixtures (issue: rule catalogue)."""
from __future__ import annotations

import pytest

from quality import SCORED_FAMILIES, clean_false_positives, report, score_labeled

FLOOR = 0.95


def test_precision_and_recall_per_family():
    scores, ndocs, nlabels = score_labeled()
    print("\n" + report(scores) + f"\n{ndocs} labeled documents, {nlabels} labels")
    if ndocs == 0:
        pytest.fail("no labeled fixtures found in fixtures/labeled")
    for fam, s in scores.items():
        detail = "\n  ".join(s.misses[:10] + s.false_alarms[:10])
        assert s.precision >= FLOOR, f"{fam} precision {s.precision:.3f} < {FLOOR}\n  {detail}"
        assert s.recall >= FLOOR, f"{fam} recall {s.recall:.3f} < {FLOOR}\n  {detail}"


def test_clean_documents_have_almost_no_findings():
    fps, ndocs, chars = clean_false_positives()
    assert ndocs > 0, "no clean fixtures in fixtures/clean"
    allowed = chars / 10_000
    assert len(fps) <= allowed, (f"{len(fps)} false positives on {chars} clean characters "
                                 f"(at most {allowed:.1f} allowed):\n  " + "\n  ".join(fps[:20]))
