"""Rule documentation generated from the packs: `kjlint rules`, `kjlint rule CODE`, README catalogue.

Everything is written in the language in use: the rules' own texts come from the packs (one entry
per language), the headings and the words for states and parameters from the gettext catalogue.
Codes, rule names and parameter names stay as they are: they are what configuration uses.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .packs import Catalog, Rule
from .i18n import N_, _, language, ngettext, pick


def family_title(rule: Rule) -> str:
    """The rule's family for people: placeholders, or 占位符 in Chinese."""
    titles = {
        # Translators: rule families (docs/glossary.md, 类别)
        "meta": _("meta"),
        "duplication": _("duplication"),
        "placeholders": _("placeholders"),
        "truncation": _("truncation"),
        "encoding": _("encoding"),
        "structure": _("structure"),
        "contamination": _("contamination"),
        "script": _("script"),
        "custom": _("custom"),
    }
    return titles.get(rule.family_name, rule.family_name)


def severity_title(rule: Rule) -> str:
    # Translators: severities (docs/glossary.md, 级别)
    return {"error": _("error"), "warning": _("warning"), "info": _("info")}[str(rule.severity)]


def fixable_title(rule: Rule) -> str:
    # Translators: whether a rule offers a fix: none, safe, unsafe (docs/glossary.md, 自动修复)
    return {"none": _("none"), "safe": _("safe"), "unsafe": _("unsafe")}.get(rule.fixable, rule.fixable)


def type_title(rule: Rule) -> str:
    # Translators: rule types of the packs; keep the identifier (pattern…) in the translation
    return {"pattern": _("pattern"), "phrases": _("phrases"), "sections": _("sections"),
            "builtin": _("builtin")}.get(rule.type, rule.type)


def default_state(rule) -> str:
    """"on", or how an opt-in rule is turned on (in the language in use)."""
    from .engine import PROFILE_RULES

    if rule.enabled:
        return _("on")
    return _("with a profile") if rule.name in PROFILE_RULES else _("opt-in")


def heading(rule: Rule) -> str:
    """`KJ201 x-mask`, and the rule's name for people when it says more than the kebab-case
    name (in Chinese: `KJ201 字母 x 占位符（x-mask）`)."""
    if language() == "en":
        return f"{rule.code} {rule.name}"
    return _("{code} {title} ({name})").format(code=rule.code, title=rule.title, name=rule.name)


# --- parameters in words ------------------------------------------------------------------

_REGEX_CHARS = re.compile(r"[\\()\[\]?*+|^${}]")


# What each parameter of the rule types means (kjlint.ruletypes), shown by `kjlint rule CODE`;
# `{pack}` is the pack file the parameter's list is in. The fix is worded from its value.
_PARAM_MEANINGS: dict[str, str] = {
    "check": N_("The built-in check (algorithm) the rule runs."),
    "pattern": N_("What the rule looks for (listed in {pack})."),
    "exceptions": N_("Text that looks like a finding but is none: what is found inside it is not reported "
                     "(listed in {pack})."),
    "docx-exceptions": N_("Exceptions that hold in Word files only, such as a form's fields left for the pen "
                          "(listed in {pack})."),
    "docx-lone": N_("In a Word file, a finding these patterns match where it stands is reported only when the "
                    "rule finds something else in the file too (listed in {pack})."),
    "legend": N_("A note explaining the sign the rule looks for (listed in {pack}): a text carrying one uses "
                 "the sign on purpose."),
    "legend-exceptions": N_("Exceptions that hold only in a text carrying a legend: the sign used as the "
                            "legend explains it (listed in {pack})."),
    "traditional": N_("When true, the patterns also match their traditional-script spelling."),
    "ignorecase": N_("When true, upper and lower case are not told apart."),
    "echo": N_("Characters of a mask: every other copy of a token the text already shows as a mask twice is "
               "reported too, wherever it stands (a page masks one way throughout)."),
    "context-fields": N_("Values of the message's fields, told from the text around what was found."),
    "skip-source-formats": N_("Kinds of file the rule does not judge."),
    "source-formats": N_("The only kinds of file the rule judges."),
    "skip-flagged-by": N_("Lines these rules report (site furniture) are passed over."),
    "skip-near-lost-characters": N_("Characters within this reach of what these rules report as characters lost in a "
                                    "conversion are passed over (GBK garbage, not mixed script)."),
    "skip-inside": N_("What lies inside text these rules report (site furniture, injected spam) is passed "
                      "over."),
    "skip-symbols-inside": N_("What lies inside a run of symbols these rules report (a forum's anti-copy junk) "
                              "is passed over."),
    "head-flagged-by": N_("Above the text's first paragraph, the lines up to the last one these rules or the "
                          "furniture rules report are the page's head and are passed over."),
    "example-reference": N_("Reference documents used only when the rule checks its own examples."),
    "phrases": N_("Phrases the rule looks for (their traditional spelling too)."),
    "scope": N_("Where a phrase must stand: anywhere, line-start, line (the line starts with it) or "
                "line-containing (anywhere in the line)."),
    "max-line-length": N_("Lines longer than this many characters are not flagged."),
}


def _generic_meaning(name: str, value: Any, rule: Rule) -> str | None:
    """What a parameter of the rule types means (kjlint.ruletypes), in words."""
    if name == "fix":
        replacement = value.get("replacement", "") if isinstance(value, dict) else ""
        text = (_("The fix deletes the text found.") if replacement == "" else
                _("The fix replaces the text found with {replacement}.").format(replacement=replacement))
        groups = value.get("groups") if isinstance(value, dict) else None
        if groups:
            text += " " + _("What some of its patterns find is written as {replacements} instead.").format(
                replacements=", ".join(f"`{repl}`" for repl in groups.values()))
        return text
    meaning = _PARAM_MEANINGS.get(name)
    return _(meaning).format(pack=Path(rule.source).name if rule.source else "") if meaning else None


def _shown_value(name: str, value: Any, rule: Rule) -> str:
    """A parameter's value as a person reads it: numbers and short lists as they are, lists of
    regular expressions and tables summed up."""
    sep = pick({"en": ", ", "zh": "、"})
    if name == "context-fields" and isinstance(value, list):
        parts = []
        for spec in value:
            if not isinstance(spec, dict):
                continue
            values = []
            for case in spec.get("cases") or []:
                shown = pick(case.get("value")) if isinstance(case, dict) else None
                if shown and shown not in values:
                    values.append(str(shown))
            parts.append(_("{field}: {values} (otherwise {default})").format(
                field=f"`{spec.get('name')}`", values=sep.join(values), default=pick(spec.get("default", ""))))
        return "; ".join(parts)
    if name == "groups" and isinstance(value, list):
        labels = [str(pick(g.get("label"))) for g in value if isinstance(g, dict)]
        return ngettext("{n} group: {names}", "{n} groups: {names}", len(labels)).format(
            n=len(labels), names=sep.join(labels))
    if name == "example-reference" and isinstance(value, dict):
        return sep.join(str(k) for k in value)
    if name == "fix" and isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        # identifiers (a file format: docx) as code, the way configuration writes them
        items = [f"`{v}`" if re.fullmatch(r"[a-z][a-z0-9-]*", str(v)) else str(v) for v in value]
        if any(_REGEX_CHARS.search(v) for v in items):
            return ngettext("{n} regular expression", "{n} regular expressions", len(items)).format(n=len(items))
        if len(items) > 12:
            return _("{items} … ({n} in all)").format(items=sep.join(items[:12]), n=len(items))
        return sep.join(items)
    if isinstance(value, dict):
        return ngettext("{n} entry", "{n} entries", len(value)).format(n=len(value))
    return json.dumps(value, ensure_ascii=False)


def parameter_lines(rule: Rule) -> list[str]:
    """`- name = value: what it means` for every parameter of the rule."""
    lines = []
    for name, value in rule.params.items():
        meaning = pick(rule.parameters[name]) if name in rule.parameters else _generic_meaning(name, value, rule)
        shown = _shown_value(name, value, rule)
        line = f"- `{name}` = {shown}"
        lines.append(_("{parameter} — {meaning}").format(parameter=line, meaning=meaning) if meaning else line)
    return lines


def rule_markdown(rule: Rule) -> str:
    lines = [f"# {heading(rule)}", "",
             _("Family: {family} · Severity: {severity} · Default: {default} · Fixable: {fixable} · "
               "Type: {type}").format(family=f"{rule.family} {family_title(rule)}", severity=severity_title(rule),
                                      default=default_state(rule), fixable=fixable_title(rule),
                                      type=type_title(rule)), "",
             _("## What it does"), rule.description, "", _("## Why"), rule.rationale, ""]
    for kind, examples in (("bad", rule.bad), ("good", rule.good)):
        if kind == "bad":
            lines.append(ngettext("## Bad example", "## Bad examples", len(examples)))
        else:
            lines.append(ngettext("## Good example", "## Good examples", len(examples)))
        for ex in examples:
            lines += ["```text", ex.rstrip("\n"), "```"]
        lines.append("")
    if rule.params:
        lines.append(_("## Parameters (override in [tool.kjlint.rules.{code}])").format(code=rule.code))
        lines += parameter_lines(rule)
        lines.append("")
    return "\n".join(lines)


def rules_json(catalog: Catalog) -> str:
    """Machine-readable: codes, names and states stay stable, the description is in the language
    in use."""
    from .engine import PROFILE_RULES

    def state(r: Rule) -> str:
        return "on" if r.enabled else "with a profile" if r.name in PROFILE_RULES else "opt-in"

    return json.dumps([{"code": r.code, "name": r.name, "family": r.family, "family_name": r.family_name,
                        "severity": str(r.severity), "default": state(r), "fixable": r.fixable, "type": r.type,
                        "description": r.description} for r in sorted(catalog.rules.values(), key=lambda r: r.code)],
                      ensure_ascii=False, indent=2)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def rules_markdown(catalog: Catalog) -> str:
    """The rule catalogue of README.md (English) and README.zh.md (`--lang zh`)."""
    rules = sorted(catalog.rules.values(), key=lambda r: r.code)
    if language() == "en":
        lines = ["| Code | Name | Family | Severity | Default | Fixable | Description |",
                 "|---|---|---|---|---|---|---|"]
        for r in rules:
            lines.append(f"| {r.code} | {r.name} | {r.family_name} | {r.severity} | {default_state(r)} | "
                         f"{r.fixable} | {_cell(r.description)} |")
        return "\n".join(lines) + "\n"
    lines = ["| " + " | ".join([_("Code"), _("Rule title"), _("Name"), _("Family"), _("Severity"), _("Default"),
                                _("Fixable"), _("Description")]) + " |",
             "|---|---|---|---|---|---|---|---|"]
    for r in rules:
        lines.append(f"| {r.code} | {_cell(r.title)} | {r.name} | {family_title(r)} | {severity_title(r)} | "
                     f"{default_state(r)} | {fixable_title(r)} | {_cell(r.description)} |")
    return "\n".join(lines) + "\n"


def rules_table(catalog: Catalog) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=_("kjlint rules"))
    english = language() == "en"
    columns = [_("Code"), _("Name"), _("Family"), _("Severity"), _("Default"), _("Fixable")]
    if not english:
        columns.insert(1, _("Rule title"))
    for col in columns:
        # Chinese titles are wide: a narrow terminal wraps them (at a character) instead of cutting
        table.add_column(col) if english else table.add_column(col, overflow="fold")
    for r in sorted(catalog.rules.values(), key=lambda r: r.code):
        if english:
            table.add_row(r.code, r.name, r.family_name, str(r.severity), default_state(r), r.fixable)
        else:
            table.add_row(r.code, r.title, r.name, family_title(r), severity_title(r), default_state(r),
                          fixable_title(r))
    Console().print(table)
