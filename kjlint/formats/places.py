"""A place in a Word file (`Finding.where`, `Document.line_sources`: "paragraph 12", "table 1,
row 2, cell 3", "text box in paragraph 4", "header (section 1)", "footnote 2") for people, in the
language in use. The English form stays the stable one in machine output (`where` in JSON)."""
from __future__ import annotations

import re

from ..i18n import _, language

_CELL = re.compile(r"(.+), row (\d+), cell (\d+)")
_NUMBERED = re.compile(r"(paragraph|table|footnote|endnote|comment) (\d+)")
_SECTION = re.compile(r"(header|footer|first page header|even page header|first page footer|even page footer)"
                      r" \(section (\d+)\)")


def place_name(where: str) -> str:
    """`where` in the language in use; a form it does not know is returned as it is."""
    if not where or language() == "en":
        return where
    if where.startswith("text box in "):
        return _("text box in {place}").format(place=place_name(where[len("text box in "):]))
    m = _CELL.fullmatch(where)
    if m:
        return _("{table}, row {row}, cell {cell}").format(table=place_name(m[1]), row=m[2], cell=m[3])
    m = _NUMBERED.fullmatch(where)
    if m:
        templates = {"paragraph": _("paragraph {n}"), "table": _("table {n}"), "footnote": _("footnote {n}"),
                     "endnote": _("endnote {n}"), "comment": _("comment {n}")}
        return templates[m[1]].format(n=m[2])
    m = _SECTION.fullmatch(where)
    if m:
        templates = {"header": _("header (section {n})"), "footer": _("footer (section {n})"),
                     "first page header": _("first page header (section {n})"),
                     "even page header": _("even page header (section {n})"),
                     "first page footer": _("first page footer (section {n})"),
                     "even page footer": _("even page footer (section {n})")}
        return templates[m[1]].format(n=m[2])
    return where
