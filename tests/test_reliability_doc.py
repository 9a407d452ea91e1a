"""docs/reliability.md names the test behind each promise: every test it names exists, and every
reliability test file is cited there, so the list and the suite cannot drift apart."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "reliability.md"


def test_every_test_the_promises_name_exists():
    cited = re.findall(r"`([\w]+\.py)(?:::(\w+))?`", DOC.read_text(encoding="utf-8"))
    assert cited
    missing = []
    for filename, name in cited:
        path = ROOT / "tests" / filename
        if not path.is_file() and not (ROOT / "bench" / filename).is_file():
            missing.append(filename)
        elif name and not re.search(rf"^def {name}\(", path.read_text(encoding="utf-8"), re.M):
            missing.append(f"{filename}::{name}")
    assert missing == []


def test_every_reliability_test_file_is_cited():
    text = DOC.read_text(encoding="utf-8")
    files = sorted(p.name for p in (ROOT / "tests").glob("test_reliability_*.py") if p.name != Path(__file__).name)
    assert [f for f in files if f not in text] == []
