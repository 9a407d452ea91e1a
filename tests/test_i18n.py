"""Language choice and the interface-string catalogues (issue #13)."""
import importlib.util
from pathlib import Path

import pytest

from kjlint import i18n

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("env, lang", [
    ({}, "en"),
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "C"}, "en"),
    ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),       # LC_ALL wins
    ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),  # then LC_MESSAGES
    ({"KJLINT_LANG": "en", "LC_ALL": "zh_CN.UTF-8"}, "en"),         # KJLINT_LANG before the locale
    ({"KJLINT_LANG": "zh"}, "zh"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),
])
def test_language_comes_from_kjlint_lang_then_the_locale(env, lang):
    assert i18n.detect_language(env) == lang


def test_pick_gives_the_text_of_the_language_or_the_one_given():
    assert i18n.pick({"zh": "占位符", "en": "placeholder"}, "zh") == "占位符"
    assert i18n.pick({"zh": "占位符", "en": "placeholder"}, "en") == "placeholder"
    assert i18n.pick({"en": "house rule"}, "zh") == "house rule"  # a user's pack in one language
    assert i18n.pick("plain", "zh") == "plain"


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        i18n.set_language("fr")


def test_every_interface_string_is_translated_and_compiled():
    spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.check() == []
