"""The lint engine: kjlint.linting's stages with the built-in catalogue as default, and the
public API (`lint_text`, `lint_document`, `select_codes`).
"""
from __future__ import annotations

from typing import Iterable

from .catalog import load_catalog
from .document import Document
from .findings import Finding
from .linting import LintOptions, lint_with
from .packs import Catalog
from .ruletypes import Context


def lint_document(doc: Document, catalog: Catalog | None = None, opts: LintOptions | None = None,
                  ctx: Context | None = None) -> list[Finding]:
    """All findings for one document, suppressions applied, sorted by position. `ctx`: one whose
    memo already holds some rules' hits on `doc` (dedupe's keep policy probes rules first)."""
    return lint_with(doc, catalog or load_catalog(), opts or LintOptions(), ctx)


def lint_text(text: str, path: str = "<string>", *, select: Iterable[str] | None = None,
              ignore: Iterable[str] = (), profile: str | None = None,
              extend_rules: Iterable[str] = ()) -> list[Finding]:
    """Lint a string with the built-in catalogue (plus `extend_rules` packs).

    >>> [f.code for f in lint_text("xx区科技局2021年工作总结")][:1]
    ['KJ201']
    """
    catalog = load_catalog(tuple(extend_rules))
    codes = select_codes(catalog, list(select) if select is not None else None, list(ignore),
                         with_profile=profile is not None)
    return lint_document(Document(text, path), catalog, LintOptions(codes=codes, profile=profile))


# Rules that judge a document against the kind of report it is: on when the user says which kind
# (a profile or required sections), off when kjlint would only be guessing from the title.
PROFILE_RULES = ("missing-required-section",)


def select_codes(catalog: Catalog, select: list[str] | None, ignore: list[str],
                 extend_select: list[str] = (), with_profile: bool = False) -> set[str] | None:
    """Resolve select/ignore/extend-select selectors (codes, prefixes or names) to codes.

    Rules with `enabled: false` run only when selected by their exact code or name, or, for
    PROFILE_RULES, when the user names the document's kind (`with_profile`) and did not `select`
    a set of rules without them."""
    if with_profile and select is None:
        extend_select = [*extend_select, *PROFILE_RULES]
    def expand(selectors):
        out = set()
        for s in selectors:
            for code in catalog.resolve(s):
                rule = catalog.rules[code]
                exact = s.upper() == code or s == rule.name
                if rule.enabled or exact:
                    out.add(code)
        return out

    if select is None and not ignore and not extend_select:
        return None
    chosen = expand(select if select is not None else ["ALL"]) | expand(extend_select)
    return chosen - {c for s in ignore for c in catalog.resolve(s)}
