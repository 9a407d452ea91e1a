"""Rule packs as data: loading, validating and selecting rules.

A pack is a YAML file with a `rules:` list (and optionally `profiles:`). Each rule names one of a
few generic types implemented in kjlint.ruletypes; parameters are data, so users add house rules
and tune thresholds without writing Python. A pack whose rule fails its own examples is an error.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from .findings import Severity
from .diskcache import backtracking_risk, compile_regex, file_key, load_or_build, load_or_build_item

FAMILIES = {
    "KJ0": "meta",
    "KJ1": "duplication",
    "KJ2": "placeholders",
    "KJ3": "truncation",
    "KJ4": "encoding",
    "KJ5": "structure",
    "KJ6": "contamination",
    "KJ7": "script",
}
CODE_RE = compile_regex(r"^KJ\d{3}$")
NAME_RE = compile_regex(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
REQUIRED_FIELDS = ("code", "name", "severity", "message", "description", "rationale", "examples", "type")


class PackError(Exception):
    """A malformed rule pack or profile; the message names the file, the rule and the field."""


@dataclass
class Rule:
    code: str
    name: str
    severity: Severity
    message: str
    description: str
    rationale: str
    bad: list[str]
    good: list[str]
    type: str
    params: dict[str, Any]
    fixable: str = "none"  # none | safe | unsafe
    enabled: bool = True
    source: str = ""
    # Built by kjlint.ruletypes: (Document, Context) -> iterable of Hit
    run: Callable | None = field(default=None, repr=False)

    @property
    def family(self) -> str:
        return self.code[:3]

    @property
    def family_name(self) -> str:
        return FAMILIES.get(self.family, "custom")


@dataclass
class Profile:
    """A kind of document (工作总结, 工作计划…) with the sections it must have."""

    name: str
    label: str
    title_patterns: list[re.Pattern]
    sections: list[dict]  # {"name", "label", "any": [keywords]}
    source: str = ""


@dataclass
class Catalog:
    rules: dict[str, Rule] = field(default_factory=dict)
    profiles: dict[str, Profile] = field(default_factory=dict)

    def by_name(self) -> dict[str, Rule]:
        return {r.name: r for r in self.rules.values()}

    def resolve(self, selector: str) -> list[str]:
        """Codes matched by a selector: a code, a code prefix (KJ2, KJ20), a rule name, or ALL."""
        sel = selector.strip()
        if not sel:
            return []
        if sel.upper() == "ALL":
            return sorted(self.rules)
        up = sel.upper()
        if up.startswith("KJ"):
            return sorted(c for c in self.rules if c.startswith(up))
        rule = self.by_name().get(sel)
        return [rule.code] if rule else []

    def is_known(self, selector: str) -> bool:
        return bool(self.resolve(selector))


def compile_pattern(pattern: str, where: str, flags: int = 0, shown: str | None = None) -> re.Pattern:
    """A rule pack's regular expression, refused with a PackError naming `where` (and the pattern
    as the pack wrote it, `shown`) when it does not compile or could take exponential time on
    some text: a pack is user input, and one such pattern would hang every run."""
    shown = pattern if shown is None else shown
    try:
        regex = compile_regex(pattern, flags)
    except re.error as exc:
        raise PackError(f"{where}: bad regular expression {shown!r}: {exc}") from None
    risk = backtracking_risk(pattern, flags)
    if risk:
        raise PackError(f"{where}: regular expression {shown!r} can take exponential time: {risk}; "
                        f"end each repeated part with a character the inner repetition cannot match "
                        f"(as in \\d+(?:,\\d+)*), or make the inner repetition possessive (x++)")
    return regex


def builtin_rules_dir() -> Path:
    """Top-level rules/ in a source checkout; kjlint/_rules inside an installed wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise PackError(f"built-in rule packs not found next to {here}")


def _load_yaml(path: Path) -> Any:
    """A pack's data, parsed once per version of the file (the parse is cached on disk)."""
    return load_or_build_item("packs", str(path.resolve()), file_key(path), lambda: _parse_yaml(path))


def _parse_yaml(path: Path) -> Any:
    import yaml

    try:
        with open(path, encoding="utf-8") as fh:
            # libyaml's C loader is ~10x faster than the pure-Python one: it matters at start-up.
            return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except FileNotFoundError:
        raise PackError(f"{path}: rule pack not found") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise PackError(f"{path}: not valid YAML{where}: {getattr(exc, 'problem', exc)}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot read rule pack: {exc}") from None


def _as_list(value: Any, where: str, fieldname: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    raise PackError(f"{where}: field '{fieldname}' must be a string or a list of strings")


def parse_rule(raw: Any, source: str, index: int) -> Rule:
    if not isinstance(raw, dict):
        raise PackError(f"{source}: rule #{index + 1}: expected a mapping, got {type(raw).__name__}")
    ident = raw.get("code") or raw.get("name") or f"#{index + 1}"
    where = f"{source}: rule {ident}"
    for key in REQUIRED_FIELDS:
        if key not in raw or raw[key] in (None, ""):
            raise PackError(f"{where}: field '{key}' is missing")
    code = str(raw["code"])
    if not CODE_RE.match(code):
        raise PackError(f"{where}: field 'code' must look like KJ201 (KJ and three digits), got {code!r}")
    name = str(raw["name"])
    if not NAME_RE.match(name):
        raise PackError(f"{where}: field 'name' must be kebab-case, got {name!r}")
    try:
        severity = Severity.parse(str(raw["severity"]))
    except ValueError as exc:
        raise PackError(f"{where}: field 'severity': {exc}") from None
    examples = raw["examples"]
    if not isinstance(examples, dict):
        raise PackError(f"{where}: field 'examples' must be a mapping with 'bad' and 'good'")
    bad = _as_list(examples.get("bad", []), where, "examples.bad")
    good = _as_list(examples.get("good", []), where, "examples.good")
    if not bad or not good:
        raise PackError(f"{where}: field 'examples' needs at least one 'bad' and one 'good' example")
    params = raw.get("params", {}) or {}
    if not isinstance(params, dict):
        raise PackError(f"{where}: field 'params' must be a mapping")
    fixable = str(raw.get("fixable", "none"))
    if fixable not in ("none", "safe", "unsafe"):
        raise PackError(f"{where}: field 'fixable' must be none, safe or unsafe")
    unknown = set(raw) - set(REQUIRED_FIELDS) - {"params", "fixable", "enabled"}
    if unknown:
        raise PackError(f"{where}: unknown field '{sorted(unknown)[0]}'")
    return Rule(code=code, name=name, severity=severity, message=str(raw["message"]),
                description=str(raw["description"]).strip(), rationale=str(raw["rationale"]).strip(),
                bad=bad, good=good, type=str(raw["type"]), params=params, fixable=fixable,
                enabled=bool(raw.get("enabled", True)), source=source)


def parse_profile(key: str, raw: Any, source: str) -> Profile:
    where = f"{source}: profile {key}"
    if not isinstance(raw, dict):
        raise PackError(f"{where}: expected a mapping")
    for fieldname in ("label", "title", "sections"):
        if fieldname not in raw:
            raise PackError(f"{where}: field '{fieldname}' is missing")
    patterns = []
    for pat in _as_list(raw["title"], where, "title"):
        patterns.append(compile_pattern(pat, f"{where}: field 'title'"))
    sections = []
    if not isinstance(raw["sections"], list):
        raise PackError(f"{where}: field 'sections' must be a list")
    for i, sec in enumerate(raw["sections"]):
        if not isinstance(sec, dict) or "name" not in sec or "any" not in sec:
            raise PackError(f"{where}: sections[{i}] needs 'name' and 'any' (heading keywords)")
        sections.append({"name": str(sec["name"]), "label": str(sec.get("label", sec["name"])),
                         "any": _as_list(sec["any"], f"{where}: sections[{i}]", "any")})
    return Profile(key, str(raw["label"]), patterns, sections, source)


def load_pack_data(path: Path, catalog: Catalog) -> list[Rule]:
    """Parse one pack into `catalog`; returns the rules it defined (not yet built)."""
    data = _load_yaml(path)
    source = str(path)
    if data is None:
        return []
    if not isinstance(data, dict) or not ({"rules", "profiles"} & set(data)):
        raise PackError(f"{source}: a rule pack is a mapping with a 'rules' list and/or 'profiles'")
    for key, raw in (data.get("profiles") or {}).items():
        catalog.profiles[str(key)] = parse_profile(str(key), raw, source)
    rules = []
    raw_rules = data.get("rules") or []
    if not isinstance(raw_rules, list):
        raise PackError(f"{source}: 'rules' must be a list")
    for i, raw in enumerate(raw_rules):
        rule = parse_rule(raw, source, i)
        if rule.code in catalog.rules and catalog.rules[rule.code].source != source:
            prev = catalog.rules[rule.code]
            if prev.name != rule.name:
                raise PackError(f"{source}: rule {rule.code}: code already used by "
                                f"'{prev.name}' in {prev.source}")
        catalog.rules[rule.code] = rule
        rules.append(rule)
    return rules


def load_catalog(extra_packs: tuple[str, ...] = (), overrides: dict[str, dict] | None = None,
                 verify_examples: bool = True) -> Catalog:
    """Load the built-in packs plus `extra_packs`, apply parameter overrides and build each rule.

    `overrides` maps a code or name to {"severity": ..., <param>: value}. Every built rule is
    checked against its own examples: the bad ones must trigger it and the good ones must not.
    """
    key = (tuple(extra_packs), freeze(overrides or {}), verify_examples)
    return _load_catalog_cached(key)


def _verify_examples(catalog: Catalog, packs: list[Path]) -> None:
    """Check every rule against its own examples, once per version of the packs and of kjlint.

    Verifying runs every rule (and imports what the algorithmic checks need), which would
    dominate start-up; it is repeated only when a pack or one of kjlint's source files changes."""
    from .ruletypes import verify_rule_examples

    def verify() -> bool:
        for rule in catalog.rules.values():
            verify_rule_examples(rule, catalog)  # raises PackError: nothing is recorded
        return True

    here = Path(__file__).resolve().parent
    sources = sorted(here.glob("*.py")) + sorted((here / "checks").glob("*.py"))  # what rules run
    load_or_build("verified-examples", file_key(*packs, *sources), verify)


def freeze(obj: Any) -> Any:
    """A hashable copy of nested dicts/lists (for caching on settings)."""
    if isinstance(obj, dict):
        return tuple(sorted((k, freeze(v)) for k, v in obj.items()))
    if isinstance(obj, list):
        return tuple(freeze(v) for v in obj)
    return obj


def thaw(obj: Any) -> Any:
    if isinstance(obj, tuple) and all(isinstance(x, tuple) and len(x) == 2 and isinstance(x[0], str) for x in obj):
        return {k: thaw(v) for k, v in obj}
    if isinstance(obj, tuple):
        return [thaw(v) for v in obj]
    return obj


@lru_cache(maxsize=8)
def _load_catalog_cached(key) -> Catalog:
    extra_packs, frozen_overrides, verify = key
    overrides = thaw(frozen_overrides) if frozen_overrides else {}
    from .ruletypes import build_rule

    catalog = Catalog()
    packs = sorted(builtin_rules_dir().glob("*.yaml")) + [Path(p) for p in extra_packs]
    for pack in packs:
        load_pack_data(pack, catalog)
    for rule in catalog.rules.values():
        build_rule(rule, catalog)
    if verify:  # examples hold for the pack as written, before user overrides
        _verify_examples(catalog, packs)
    by_name = catalog.by_name()
    for sel, change in (overrides or {}).items():
        rules = ([catalog.rules[c] for c in catalog.resolve(str(sel))] if str(sel).upper().startswith("KJ")
                 else [r for r in [by_name.get(str(sel))] if r])
        if not rules:
            raise PackError(f"configuration: [rules] names unknown rule {sel!r}")
        if not isinstance(change, dict):
            raise PackError(f"configuration: rules.{sel} must be a table of parameters")
        for rule in rules:
            for k, v in change.items():
                if k == "severity":
                    try:
                        rule.severity = Severity.parse(str(v))
                    except ValueError as exc:
                        raise PackError(f"configuration: rules.{sel}.severity: {exc}") from None
                elif k == "enabled":
                    rule.enabled = bool(v)
                else:
                    rule.params[k] = v
            try:
                build_rule(rule, catalog)
            except PackError as exc:
                raise PackError(f"configuration: rules.{sel}: {exc}") from None
    return catalog
