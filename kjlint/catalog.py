"""The catalogue of rules: the packs loaded, each rule built through its type, checked against its
own examples and tuned by the user's overrides.

A pack (kjlint.packs) names for each rule one of a few types: `pattern` and `phrases`
(kjlint.ruletypes), `sections` (the profile's required sections, kjlint.checks.structure) and
`builtin` (a named check written in Python, kjlint.checks). This module sits above all of them:
the types and the checks read the catalogue's data (kjlint.packs) but never load it.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from .checks import get_check
from .checks.structure import check_required_sections
from .diskcache import file_key, load_or_build, save_stores
from .findings import Severity
# LANGUAGES, FAMILIES, Catalog, PackError, Rule and builtin_rules_dir are also imported from here
# by tests and bench scripts written before the data moved to kjlint.packs.
from .i18n import LANGUAGES, _  # noqa: F401
from .packs import (FAMILIES, Catalog, PackError, Rule, builtin_rules_dir,  # noqa: F401
                    freeze, load_pack_data, rule_where, thaw)
from .ruletypes import Checker, _where, build_pattern, build_phrases, verify_rule_examples


def build_sections(rule: Rule, catalog: Catalog) -> Checker:
    """The required sections of the document's profile (the profiles are in the catalogue)."""
    return lambda doc, ctx: check_required_sections(doc, ctx, rule)


def build_builtin(rule: Rule, catalog: Catalog) -> Checker:
    """The named check of kjlint.checks (its family module is imported on first use)."""
    name = rule.params.get("check")
    if not name:
        raise PackError(_("{where}: field '{field}' is missing").format(
            where=rule_where(rule.source, rule.code), field="params.check"))
    func = get_check(str(name))
    if func is None:
        raise PackError(_("{where}: unknown built-in check {name}").format(where=_where(rule, "check"), name=repr(name)))
    return lambda doc, ctx: func(doc, ctx, rule)


def build_pattern_and_check(rule: Rule, catalog: Catalog) -> Checker:
    """A pattern rule, plus the built-in check named by `check` when it has one: what the same
    defect looks like where only the document's layout shows it (KJ204: a Word form's empty
    field). A check's hit overlapping a pattern's is not reported twice."""
    pattern = build_pattern(rule, catalog)
    if not rule.params.get("check"):
        return pattern
    builtin = build_builtin(rule, catalog)

    def run(doc, ctx):
        hits = list(pattern(doc, ctx))
        spans = [(h.offset, h.end) for h in hits]
        hits += [h for h in builtin(doc, ctx) if not any(s < h.end and h.offset < e for s, e in spans)]
        return sorted(hits, key=lambda h: (h.offset, h.end))
    return run


TYPES: dict[str, Callable[[Rule, Catalog], Checker]] = {
    "pattern": build_pattern_and_check,
    "phrases": build_phrases,
    "sections": build_sections,
    "builtin": build_builtin,
}


def build_rule(rule: Rule, catalog: Catalog) -> None:
    builder = TYPES.get(rule.type)
    if builder is None:
        raise PackError(_("{where}: field 'type': unknown type {type} (expected one of {types})").format(
            where=rule_where(rule.source, rule.code), type=repr(rule.type), types=", ".join(TYPES)))
    rule.run = builder(rule, catalog)


def load_catalog(extra_packs: tuple[str, ...] = (), overrides: dict[str, dict] | None = None,
                 verify_examples: bool = True) -> Catalog:
    """Load the built-in packs plus `extra_packs`, apply parameter overrides and build each rule.

    `overrides` maps a code or name to {"severity": ..., <param>: value}. Every rule of an extra
    pack is checked against its own examples: the bad ones must trigger it and the good ones
    must not (the built-in rules are checked by the test suite).
    """
    key = (tuple(extra_packs), freeze(overrides or {}), verify_examples)
    return _load_catalog_cached(key)


def _verify_examples(catalog: Catalog, packs: list[Path]) -> None:
    """Check every rule of the user's own packs against its examples, once per version of the
    packs and of kjlint.

    kjlint's built-in rules are checked by its test suite (tests/test_packs.py) before a
    release; verifying them again here cost a user's first run 0.34 s of its 0.74 s start-up.
    Verifying runs every rule (and imports what the algorithmic checks need), so it is repeated
    only when a pack or one of kjlint's source files changes."""
    own = [rule for rule in catalog.rules.values() if not rule.builtin]
    if not own:
        return

    def verify() -> bool:
        for rule in own:
            verify_rule_examples(rule, catalog)  # raises PackError: nothing is recorded
        return True

    here = Path(__file__).resolve().parent
    sources = sorted(here.glob("*.py")) + sorted((here / "checks").glob("*.py"))  # what rules run
    load_or_build("verified-examples", file_key(*packs, *sources), verify)


class OverrideError(PackError):
    """A `[rules]` override in a configuration file that does not fit the rule; the message starts
    with the key (`rules.KJ302.min-length: …`) and the caller adds the file."""


_TYPE_NAMES = ((bool, "true or false"), (int, "a whole number"), (float, "a number"), (str, "a string"),
               (list, "a list"), (dict, "a table"))


def _type_name(label: str) -> str:
    """A parameter type as the error message names it, in the language in use."""
    # Translators: the type a configuration value must have, after "expected"
    return {"true or false": _("true or false"), "a whole number": _("a whole number"), "a number": _("a number"),
            "a string": _("a string"), "a list": _("a list"), "a table": _("a table"),
            "a list of strings": _("a list of strings")}[label]


def _check_param_type(rule: Rule, name: str, value: Any, key: str) -> None:
    """A parameter the pack sets must keep its type: the checks read `min-length = "abc"` with
    int() deep inside a run (an internal error, or a silently wrong limit for `true`)."""
    if name not in rule.params or rule.params[name] is None:
        return
    default = rule.params[name]
    for kind, label in _TYPE_NAMES:
        if isinstance(default, kind):
            ok = isinstance(value, kind) and not (isinstance(value, bool) and kind is not bool)
            if kind is float:  # 1 is a fine threshold
                ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            if ok and kind is list and default and all(isinstance(x, str) for x in default):
                ok, label = all(isinstance(x, str) for x in value), "a list of strings"
            if not ok:
                raise OverrideError(_("{key}: expected {kind}, got {value}").format(
                    key=key, kind=_type_name(label), value=repr(value)))
            return


@lru_cache(maxsize=8)
def _load_catalog_cached(key) -> Catalog:
    extra_packs, frozen_overrides, verify = key
    overrides = thaw(frozen_overrides) if frozen_overrides else {}

    catalog = Catalog()
    builtin = sorted(builtin_rules_dir().glob("*.yaml"))
    packs = builtin + [Path(p) for p in extra_packs]
    for pack in packs:
        load_pack_data(pack, catalog, builtin=pack in builtin)
    save_stores()  # the packs parsed for the first time, in one write
    for rule in catalog.rules.values():
        build_rule(rule, catalog)
    if verify:  # examples hold for the pack as written, before user overrides
        _verify_examples(catalog, packs)
    by_name = catalog.by_name()
    for sel, change in (overrides or {}).items():
        rules = ([catalog.rules[c] for c in catalog.resolve(str(sel))] if str(sel).upper().startswith("KJ")
                 else [r for r in [by_name.get(str(sel))] if r])
        if not rules:
            raise OverrideError(_("rules.{selector}: names unknown rule {name}").format(selector=sel, name=repr(sel)))
        if not isinstance(change, dict):
            raise OverrideError(_("rules.{selector}: must be a table of parameters").format(selector=sel))
        for rule in rules:
            for k, v in change.items():
                if k == "severity":
                    try:
                        rule.severity = Severity.parse(v if isinstance(v, str) else repr(v))
                    except ValueError as exc:
                        raise OverrideError(_("rules.{selector}.severity: {problem}").format(
                            selector=sel, problem=exc)) from None
                elif k == "enabled":
                    if not isinstance(v, bool):
                        raise OverrideError(_("{key}: expected {kind}, got {value}").format(
                            key=f"rules.{sel}.enabled", kind=_type_name("true or false"), value=repr(v)))
                    rule.enabled = v
                else:
                    _check_param_type(rule, k, v, f"rules.{sel}.{k}")
                    rule.params[k] = v
            try:
                build_rule(rule, catalog)
            except PackError as exc:
                raise OverrideError(f"rules.{sel}: {exc}") from None  # the pack's error, already translated
    return catalog
