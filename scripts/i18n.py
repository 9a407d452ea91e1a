"""Interface-string catalogs (GNU gettext, with Babel): extract the strings marked `_()` /
`ngettext()` in kjlint/, merge them into each language's .po file, compile the .mo files that ship
in the wheel.

    python scripts/i18n.py            # extract, update every .po, compile every .mo
    python scripts/i18n.py --check    # exit 1 when a .po lacks a translation or a .mo is stale

Translators edit `kjlint/locale/<lang>/LC_MESSAGES/kjlint.po` (any PO editor works), then run the
script. Babel is a development dependency only (the `test` extra); kjlint reads .mo files with
the standard library's gettext.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kjlint"
LOCALE = PACKAGE / "locale"
LANGUAGES = ("zh",)  # English is the source language
KEYWORDS = {"_": None, "ngettext": (1, 2), "N_": None}  # N_: marked, translated when shown


def extract() -> Catalog:
    """Every marked string of the package, with where it is used."""
    template = Catalog(project="kjlint", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS,
            comment_tags=("Translators:",), strip_comment_tags=True):
        template.add(message, None, [(f"kjlint/{filename}", lineno)], auto_comments=comments, context=context)
    return template


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "kjlint.po"


def load(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.is_file():
        return Catalog(locale=lang, project="kjlint", charset="utf-8")
    with open(path, "rb") as fh:
        return read_po(fh, locale=lang)


def compiled(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def untranslated(catalog: Catalog) -> list[str]:
    """msgids of the catalogue without a translation (every plural form filled)."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def update() -> None:
    template = extract()
    for lang in LANGUAGES:
        catalog = load(lang)
        catalog.update(template, no_fuzzy_matching=True)
        path = po_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            write_po(fh, catalog, width=100, omit_header=False, sort_output=False, ignore_obsolete=True)
        (path.with_suffix(".mo")).write_bytes(compiled(load(lang)))
        left = untranslated(load(lang))
        print(f"{path.relative_to(ROOT)}: {len(catalog)} strings, {len(left)} untranslated")


def check() -> list[str]:
    """Problems: strings used in code but missing from a catalogue or untranslated, stale .mo."""
    template = extract()
    problems = []
    for lang in LANGUAGES:
        catalog = load(lang)
        known = {m.id for m in catalog}
        for message in template:
            if message.id and message.id not in known:
                problems.append(f"{lang}: not in {po_path(lang).name}: {message.id!r}")
        problems += [f"{lang}: untranslated: {mid!r}" for mid in untranslated(catalog)]
        mo = po_path(lang).with_suffix(".mo")
        if not mo.is_file() or mo.read_bytes() != compiled(catalog):
            problems.append(f"{lang}: {mo.relative_to(ROOT)} is not the compiled {po_path(lang).name}")
    return problems


if __name__ == "__main__":
    if "--check" in sys.argv[1:]:
        found = check()
        print("\n".join(found) or "catalogues complete and compiled")
        sys.exit(1 if found else 0)
    update()
