"""The language people read kjlint in: Chinese (zh) or English (en).

Chosen, first match wins, by `--lang` (`set_language`), `lang` in configuration, `KJLINT_LANG`,
then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG` beginning with `zh`; on Windows the user's
locale); English otherwise. Codes, rule names and option names never change with the language:
configuration and machine output stay stable.

Interface strings go through GNU gettext catalogs (`kjlint/locale/<lang>/LC_MESSAGES/kjlint.po`,
compiled to `.mo` and shipped in the wheel; `python scripts/i18n.py` extracts, updates and
compiles them). English is the source language: `_("Found {n} findings")` is the English text
and the key of its translation. Rule texts live in the rule packs, one entry per language
(`pick` chooses). Worker processes inherit the choice through `KJLINT_LANG`.
"""
from __future__ import annotations

import gettext as _gettext
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

LANGUAGES = ("zh", "en")
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
ENV = "KJLINT_LANG"

_chosen: str | None = None


def normalize_language(value: str | None) -> str | None:
    """'zh', 'zh_CN.UTF-8', 'zh-Hans', 'Chinese (Simplified)_China.936' -> 'zh'; 'en…', 'C',
    'POSIX' -> 'en'; None for an empty or unknown value."""
    if not value:
        return None
    v = value.strip().lower()
    if v.startswith(("zh", "chinese")):
        return "zh"
    if v.startswith(("en", "english")) or v in ("c", "posix") or v.startswith(("c.", "posix.")):
        return "en"
    return None


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the environment: KJLINT_LANG, then the locale variables in POSIX order
    (the first one set decides), then the Windows user locale; English when nothing says."""
    env = os.environ if environ is None else environ
    explicit = normalize_language(env.get(ENV))
    if explicit:
        return explicit
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(name):
            return normalize_language(env[name]) or "en"
    if sys.platform == "win32" and environ is None:  # pragma: no cover - exercised on Windows
        import locale

        return normalize_language((locale.getlocale()[0] or "")) or "en"
    return "en"


def set_language(lang: str | None) -> str:
    """Choose the language for this process and the workers it starts (None: detect)."""
    global _chosen
    chosen = normalize_language(lang) if lang else None
    if lang and chosen is None:
        raise ValueError(f"unknown language {lang!r} (known: {', '.join(LANGUAGES)})")
    _chosen = chosen or detect_language()
    os.environ[ENV] = _chosen
    return _chosen


def language() -> str:
    """The language in use (detected on first use)."""
    global _chosen
    if _chosen is None:
        _chosen = detect_language()
    return _chosen


@lru_cache(maxsize=None)
def _catalog(lang: str) -> _gettext.NullTranslations:
    return _gettext.translation("kjlint", localedir=str(LOCALE_DIR), languages=[lang], fallback=True)


def _(message: str) -> str:
    """`message` (English) in the language in use."""
    lang = language()
    return message if lang == "en" else _catalog(lang).gettext(message)


def N_(message: str) -> str:
    """Marks `message` for the catalogue without translating it: for English texts stored before
    the language is known (click's help strings, message templates held in constants), given to
    `_()` when they are shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, in the language in use."""
    lang = language()
    if lang == "en":
        return singular if n == 1 else plural
    return _catalog(lang).ngettext(singular, plural, n)


def pick(text: Any, lang: str | None = None) -> Any:
    """A rule pack's text in the language in use: `{zh: …, en: …}` gives the entry of that
    language (or the other one when a user's pack gives one only); a plain value is returned
    as it is."""
    if isinstance(text, Mapping) and text and set(text) <= set(LANGUAGES):
        want = lang or language()
        if want in text:
            return text[want]
        return next(iter(text.values()))
    return text
