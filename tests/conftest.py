import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pytest


@pytest.fixture(autouse=True)
def _english_unless_a_test_chooses(monkeypatch):
    """Tests read kjlint in English whatever the machine's locale (LANG=zh_CN.UTF-8 would make
    every message Chinese); a test that wants Chinese calls i18n.set_language("zh") or sets
    KJLINT_LANG itself. The choice does not leak into the next test."""
    from kjlint import i18n

    monkeypatch.setenv(i18n.ENV, "en")
    monkeypatch.setattr(i18n, "_chosen", None)
