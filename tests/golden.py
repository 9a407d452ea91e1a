"""Golden files: every fixture document's JSON findings, checked in under fixtures/expected/.

Regenerate after an intended change with:  python tests/golden.py
then review the diff (git diff fixtures/expected) before committing.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DIRS = ("labeled", "clean", "drafts", "kj1", "meta", "reference", "style", "profile")
EXPECTED = ROOT / "fixtures" / "expected"
# Command-line options a folder's fixtures are checked with (as `kjlint check` would be called).
FOLDER_OVERRIDES = {
    "reference": {"options": (("report-unchanged", True),)},  # --report-unchanged: KJ106
    "style": {"extend_select": ("KJ702",)},  # style rules are off by default
    "profile": {"profile": "work-summary"},  # --profile: the document's kind, so its sections are checked
}


# Real Word files (the labeled corpus's): what Word-only rules (KJ413) and the Word reader give.
WORD_DIRS = ("realworld/docx",)


def fixture_files() -> list[Path]:
    files = []
    for d in FIXTURE_DIRS:
        base = ROOT / "fixtures" / d
        files += sorted(p for p in base.glob("*.txt") if p.is_file())
    for d in WORD_DIRS:
        files += sorted((ROOT / "fixtures" / d).glob("*.docx"))
    return files


def expected_path(fixture: Path) -> Path:
    rel = fixture.relative_to(ROOT / "fixtures")
    return EXPECTED / rel.parent / (rel.name + ".json")


def current_output(fixture: Path) -> list[dict]:
    from kjlint.runner import Overrides, lint_paths

    rel = fixture.relative_to(ROOT).as_posix()
    overrides = Overrides(**FOLDER_OVERRIDES.get(fixture.parent.name, {}))
    import os
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        (result,) = lint_paths([rel], jobs=1, overrides=overrides)
    finally:
        os.chdir(old)
    assert result.error is None, result.error
    out = [f.to_dict() for f in result.findings]
    for f in out:
        f.pop("fingerprint", None)  # covered by the baseline tests; noisy in review diffs
    return out


def regenerate() -> int:
    n = 0
    for fixture in fixture_files():
        target = expected_path(fixture)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(current_output(fixture), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        n += 1
    return n


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(f"wrote {regenerate()} golden files under {EXPECTED.relative_to(ROOT)}")
