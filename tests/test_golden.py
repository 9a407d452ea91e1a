"""Each fixture's JSON output equals its reviewed golden file (python tests/golden.py regenerates)."""
import json

import pytest

from golden import EXPECTED, current_output, expected_path, fixture_files


@pytest.mark.parametrize("fixture", fixture_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_matches_golden(fixture):
    target = expected_path(fixture)
    assert target.exists(), f"no golden file for {fixture.name}: run `python tests/golden.py` and review"
    expected = json.loads(target.read_text(encoding="utf-8"))
    assert current_output(fixture) == expected


def test_every_rule_has_a_golden_fixture():
    from kjlint.catalog import load_catalog

    seen = {f["code"] for path in EXPECTED.rglob("*.json")
            for f in json.loads(path.read_text(encoding="utf-8"))}
    assert sorted(set(load_catalog().rules) - seen) == []
