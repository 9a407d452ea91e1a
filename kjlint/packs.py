"""Rule packs as data: parsing and validating rules and profiles, and selecting rules.

A pack is a YAML file with a `rules:` list (and optionally `profiles:`). Each rule names one of a
few generic types (kjlint.ruletypes, kjlint.checks); parameters are data, so users add house rules
and tune thresholds without writing Python. This module knows nothing of how a rule runs, so the
rule types and the checks can use its data; kjlint.catalog loads the packs and builds the rules.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from .findings import Severity
from .diskcache import backtracking_risk, compile_regex, file_key, load_or_build_item
from .i18n import LANGUAGES, _, pick

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
OPTIONAL_FIELDS = ("title", "messages", "parameters", "params", "fixable", "enabled")
# Texts people read, each a plain string or one entry per language ({zh: …, en: …}). A built-in
# pack gives every text in every language (a missing translation is an error when it loads); a
# user's pack may give one language only, which then stands for the other.
TEXT_FIELDS = ("title", "message", "description", "rationale")


class PackError(Exception):
    """A malformed rule pack or profile; the message names the file, the rule and the field."""


def rule_where(source: str, rule: str) -> str:
    """`house.yaml: rule KJ901`, the start of an error about a rule (in the language in use)."""
    return _("{source}: rule {rule}").format(source=source, rule=rule)


def parse_text(value: Any, where: str, fieldname: str, builtin: bool, strip: bool = False) -> str | dict[str, str]:
    """A text people read: a plain string, or {zh: …, en: …} (the loader keeps it per language
    and `pick` chooses when it is shown). In a built-in pack every language must be there."""
    def clean(text: Any, key: str) -> str:
        if isinstance(text, bool) or not isinstance(text, (str, int, float)) or not str(text).strip():
            raise PackError(_("{where}: field '{field}' must be a non-empty text").format(where=where, field=key))
        return str(text).strip() if strip else str(text)

    if isinstance(value, dict):
        unknown = sorted(str(k) for k in value if k not in LANGUAGES)
        if unknown or not value:
            problem = (_("{where}: field '{field}': unknown language '{language}' (a text is a string or one "
                         "entry per language: {languages})") if unknown else
                       _("{where}: field '{field}': no text (a text is a string or one entry per language: "
                         "{languages})"))
            raise PackError(problem.format(where=where, field=fieldname, language=(unknown or [""])[0],
                                           languages=", ".join(LANGUAGES)))
        if builtin:
            for lang in LANGUAGES:
                if lang not in value:
                    problem = (_("{where}: field '{field}' has no Chinese text ('zh'): a built-in pack gives "
                                 "every text in zh and en") if lang == "zh" else
                               _("{where}: field '{field}' has no English text ('en'): a built-in pack gives "
                                 "every text in zh and en"))
                    raise PackError(problem.format(where=where, field=fieldname))
        return {lang: clean(value[lang], f"{fieldname}.{lang}") for lang in LANGUAGES if lang in value}
    text = clean(value, fieldname)
    if builtin:
        raise PackError(_("{where}: field '{field}' must be given per language ({{zh: …, en: …}}) in a "
                          "built-in pack").format(where=where, field=fieldname))
    return text


def _text_table(value: Any, where: str, fieldname: str, builtin: bool) -> dict[str, Any]:
    """`messages:` and `parameters:`: a mapping of keys to texts."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise PackError(_("{where}: field '{field}' must be a mapping of names to texts").format(
            where=where, field=fieldname))
    return {str(k): parse_text(v, where, f"{fieldname}.{k}", builtin) for k, v in value.items()}


@dataclass
class Rule:
    code: str
    name: str
    severity: Severity
    texts: dict[str, Any]  # TEXT_FIELDS: a string or {zh: …, en: …}
    bad: list[str]
    good: list[str]
    type: str
    params: dict[str, Any]
    fixable: str = "none"  # none | safe | unsafe
    enabled: bool = True
    source: str = ""
    # Message templates a check chooses by key (Hit.key) instead of `message`, per language.
    messages: dict[str, Any] = field(default_factory=dict)
    # What each of the rule's own parameters means, in words (kjlint rule CODE).
    parameters: dict[str, Any] = field(default_factory=dict)
    builtin: bool = False  # from kjlint's own packs: every text in every language
    # Built by kjlint.catalog through the rule's type: (Document, Context) -> iterable of Hit
    run: Callable | None = field(default=None, repr=False)

    def text(self, key: str, lang: str | None = None) -> str:
        """One of TEXT_FIELDS in `lang` (default: the language in use)."""
        return pick(self.texts.get(key, ""), lang)

    @property
    def message(self) -> str:
        return self.text("message")

    @property
    def description(self) -> str:
        return self.text("description")

    @property
    def rationale(self) -> str:
        return self.text("rationale")

    @property
    def title(self) -> str:
        """The rule's name for people, in the language in use (the kebab-case name when a user's
        pack gives none)."""
        return self.text("title") or self.name

    def message_for(self, key: str | None, lang: str | None = None) -> str:
        """The template a check chose by key, or the rule's message."""
        if key is not None and key in self.messages:
            return pick(self.messages[key], lang)
        return self.text("message", lang)

    @property
    def family(self) -> str:
        return self.code[:3]

    @property
    def family_name(self) -> str:
        return FAMILIES.get(self.family, "custom")


@dataclass
class Profile:
    """A kind of document (工作总结, 工作计划…) with the sections it must have. It is named by its
    key (work-summary), its Chinese name (label: 工作总结) or one of its aliases."""

    name: str
    label: str
    title_patterns: list[re.Pattern]
    sections: list[dict]  # {"name", "label" (a string or {zh: …, en: …}), "any": [keywords]}
    source: str = ""
    aliases: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        return [self.name, self.label, *self.aliases]


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

    def find_profile(self, name: str | None) -> Profile | None:
        """The profile named by its key (work-summary), its Chinese name (工作总结) or an alias;
        None for an unknown name."""
        if not name:
            return None
        key = name.strip()
        if key in self.profiles:
            return self.profiles[key]
        folded = key.lower()
        for profile in self.profiles.values():
            if any(folded == n.lower() for n in profile.names()):
                return profile
        return None

    def unknown_profile(self, name: str) -> str:
        """The message for a profile name that names none, with the names that do."""
        from .i18n import _

        known = ", ".join(f"{p.name} ({p.label})" for p in sorted(self.profiles.values(), key=lambda p: p.name))
        return _("unknown profile {name} (known: {known})").format(name=repr(name), known=known)


def compile_pattern(pattern: str, where: str, flags: int = 0, shown: str | None = None) -> re.Pattern:
    """A rule pack's regular expression, refused with a PackError naming `where` (and the pattern
    as the pack wrote it, `shown`) when it does not compile or could take exponential time on
    some text: a pack is user input, and one such pattern would hang every run."""
    shown = pattern if shown is None else shown
    try:
        regex = compile_regex(pattern, flags)
    except re.error as exc:
        raise PackError(_("{where}: bad regular expression {pattern}: {problem}").format(
            where=where, pattern=repr(shown), problem=exc)) from None
    risk = backtracking_risk(pattern, flags)
    if risk:
        # The risk is an English msgid (kept so in the start-up cache), translated here.
        raise PackError(_("{where}: regular expression {pattern} can take exponential time: {risk}; end each "
                          "repeated part with a character the inner repetition cannot match (as in "
                          "\\d+(?:,\\d+)*), or make the inner repetition possessive (x++)").format(
            where=where, pattern=repr(shown), risk=_(risk)))
    return regex


def builtin_rules_dir() -> Path:
    """Top-level rules/ in a source checkout; kjlint/_rules inside an installed wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise PackError(_("built-in rule packs not found next to {path}").format(path=here))


def _load_yaml(path: Path) -> Any:
    """A pack's data, parsed once per version of the file (the parse is cached on disk)."""
    key = (_PACK_PARSER, file_key(path))
    return load_or_build_item("packs", str(path.resolve()), key, lambda: _parse_yaml(path))


_PACK_PARSER = 2  # bump when _parse_yaml changes what it accepts: cached parses are then redone


@lru_cache(maxsize=1)
def _strict_loader() -> type:
    """A YAML loader that refuses a key written twice in one mapping: YAML keeps the last, so a
    second `line-start:` in a group silently drops the first list (it happened to KJ601)."""
    import yaml

    # libyaml's C loader is ~10x faster than the pure-Python one: it matters at start-up.
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class StrictLoader(base):  # type: ignore[misc, valid-type]
        def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
            seen: set[Any] = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                if isinstance(key, str) and key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"key '{key}' appears twice in one mapping", key_node.start_mark
                    )
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    return StrictLoader


def _parse_yaml(path: Path) -> Any:
    import yaml

    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_strict_loader())
    except FileNotFoundError:
        raise PackError(_("{path}: rule pack not found").format(path=path)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", exc)
        if mark:
            raise PackError(_("{path}: not valid YAML (line {line}, column {column}): {problem}").format(
                path=path, line=mark.line + 1, column=mark.column + 1, problem=problem)) from None
        raise PackError(_("{path}: not valid YAML: {problem}").format(path=path, problem=problem)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(_("{path}: cannot read rule pack: {problem}").format(path=path, problem=exc)) from None


def _as_list(value: Any, where: str, fieldname: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    raise PackError(_("{where}: field '{field}' must be a string or a list of strings").format(
        where=where, field=fieldname))


def parse_rule(raw: Any, source: str, index: int, builtin: bool = False) -> Rule:
    if not isinstance(raw, dict):
        raise PackError(_("{source}: rule #{number}: expected a mapping, got {kind}").format(
            source=source, number=index + 1, kind=type(raw).__name__))
    ident = raw.get("code") or raw.get("name") or f"#{index + 1}"
    where = rule_where(source, ident)
    for key in REQUIRED_FIELDS:
        if key not in raw or raw[key] in (None, ""):
            raise PackError(_("{where}: field '{field}' is missing").format(where=where, field=key))
    code = str(raw["code"])
    if not CODE_RE.match(code):
        raise PackError(_("{where}: field 'code' must look like KJ201 (KJ and three digits), got {value}").format(
            where=where, value=repr(code)))
    name = str(raw["name"])
    if not NAME_RE.match(name):
        raise PackError(_("{where}: field 'name' must be kebab-case, got {value}").format(where=where, value=repr(name)))
    try:
        severity = Severity.parse(str(raw["severity"]))
    except ValueError as exc:
        raise PackError(_("{where}: field 'severity': {problem}").format(where=where, problem=exc)) from None
    examples = raw["examples"]
    if not isinstance(examples, dict):
        raise PackError(_("{where}: field 'examples' must be a mapping with 'bad' and 'good'").format(where=where))
    bad = _as_list(examples.get("bad", []), where, "examples.bad")
    good = _as_list(examples.get("good", []), where, "examples.good")
    if not bad or not good:
        raise PackError(_("{where}: field 'examples' needs at least one 'bad' and one 'good' example").format(
            where=where))
    params = raw.get("params", {}) or {}
    if not isinstance(params, dict):
        raise PackError(_("{where}: field 'params' must be a mapping").format(where=where))
    fixable = str(raw.get("fixable", "none"))
    if fixable not in ("none", "safe", "unsafe"):
        raise PackError(_("{where}: field 'fixable' must be none, safe or unsafe").format(where=where))
    unknown = set(raw) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS)
    if unknown:
        raise PackError(_("{where}: unknown field '{field}'").format(where=where, field=sorted(unknown)[0]))
    if builtin and "title" not in raw:
        raise PackError(_("{where}: field 'title' is missing (the rule's name for people, per language)").format(
            where=where))
    texts = {key: parse_text(raw[key], where, key, builtin, strip=key in ("description", "rationale"))
             for key in TEXT_FIELDS if key in raw}
    parameters = _text_table(raw.get("parameters"), where, "parameters", builtin)
    for pname in parameters:
        if pname not in params:
            raise PackError(_("{where}: field '{field}' explains no parameter of the rule").format(
                where=where, field=f"parameters.{pname}"))
    return Rule(code=code, name=name, severity=severity, texts=texts,
                bad=bad, good=good, type=str(raw["type"]), params=params, fixable=fixable,
                enabled=bool(raw.get("enabled", True)), source=source,
                messages=_text_table(raw.get("messages"), where, "messages", builtin),
                parameters=parameters, builtin=builtin)


def parse_profile(key: str, raw: Any, source: str, builtin: bool = False) -> Profile:
    where = _("{source}: profile {name}").format(source=source, name=key)
    if not isinstance(raw, dict):
        raise PackError(_("{where}: expected a mapping").format(where=where))
    for fieldname in ("label", "title", "sections"):
        if fieldname not in raw:
            raise PackError(_("{where}: field '{field}' is missing").format(where=where, field=fieldname))
    patterns = []
    for pat in _as_list(raw["title"], where, "title"):
        patterns.append(compile_pattern(pat, _("{where}: field '{field}'").format(where=where, field="title")))
    sections = []
    if not isinstance(raw["sections"], list):
        raise PackError(_("{where}: field 'sections' must be a list").format(where=where))
    for i, sec in enumerate(raw["sections"]):
        if not isinstance(sec, dict) or "name" not in sec or "any" not in sec:
            raise PackError(_("{where}: sections[{index}] needs 'name' and 'any' (heading keywords)").format(
                where=where, index=i))
        label = parse_text(sec["label"], f"{where}: sections[{i}]", "label", builtin) if "label" in sec \
            else str(sec["name"])
        sections.append({"name": str(sec["name"]), "label": label,
                         "any": _as_list(sec["any"], f"{where}: sections[{i}]", "any")})
    aliases = _as_list(raw.get("aliases", []), where, "aliases")
    return Profile(key, str(raw["label"]), patterns, sections, source, aliases)


def load_pack_data(path: Path, catalog: Catalog, builtin: bool = False) -> list[Rule]:
    """Parse one pack into `catalog`; returns the rules it defined (not yet built). Every text
    of a `builtin` pack must be given in every language."""
    data = _load_yaml(path)
    source = str(path)
    if data is None:
        return []
    if not isinstance(data, dict) or not ({"rules", "profiles"} & set(data)):
        raise PackError(_("{source}: a rule pack is a mapping with a 'rules' list and/or 'profiles'").format(
            source=source))
    for key, raw in (data.get("profiles") or {}).items():
        catalog.profiles[str(key)] = parse_profile(str(key), raw, source, builtin)
    rules = []
    raw_rules = data.get("rules") or []
    if not isinstance(raw_rules, list):
        raise PackError(_("{source}: 'rules' must be a list").format(source=source))
    for i, raw in enumerate(raw_rules):
        rule = parse_rule(raw, source, i, builtin)
        if rule.code in catalog.rules and catalog.rules[rule.code].source != source:
            prev = catalog.rules[rule.code]
            if prev.name != rule.name:
                raise PackError(_("{where}: code already used by '{name}' in {source}").format(
                    where=rule_where(source, rule.code), name=prev.name, source=prev.source))
        catalog.rules[rule.code] = rule
        rules.append(rule)
    return rules


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
