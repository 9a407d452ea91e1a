import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(autouse=True)
def _english_unless_a_test_chooses(monkeypatch):
    """Tests read English whatever the machine's locale (LANG=zh_CN.UTF-8 must not change what
    they see); a test that wants Chinese calls `kjlint.i18n.set_language("zh")`, undone after it."""
    from kjlint import i18n

    monkeypatch.setenv(i18n.ENV, "en")
    monkeypatch.setattr(i18n, "_chosen", "en")
