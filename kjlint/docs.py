"""Rule documentation generated from the packs: `kjlint rules`, `kjlint rule CODE`, README catalogue."""
from __future__ import annotations

import json

from .catalog import Catalog, Rule


def rule_markdown(rule: Rule) -> str:
    lines = [f"# {rule.code} {rule.name}", "",
             f"Family: {rule.family} {rule.family_name} · Severity: {rule.severity} · "
             f"Default: {default_state(rule)} · Fixable: {rule.fixable} · Type: {rule.type}", "",
             "## What it does", rule.description, "", "## Why", rule.rationale, ""]
    for kind, examples in (("Bad", rule.bad), ("Good", rule.good)):
        lines.append(f"## {kind} example{'s' if len(examples) > 1 else ''}")
        for ex in examples:
            lines += ["```text", ex.rstrip("\n"), "```"]
        lines.append("")
    params = {k: v for k, v in rule.params.items() if k not in ("pattern", "exceptions", "docx-exceptions", "phrases", "check")}
    if params:
        lines.append("## Parameters (override in [tool.kjlint.rules." + rule.code + "])")
        lines += [f"- `{k}` = {json.dumps(v, ensure_ascii=False)}" for k, v in params.items()]
        lines.append("")
    return "\n".join(lines)


def rules_json(catalog: Catalog) -> str:
    return json.dumps([{"code": r.code, "name": r.name, "family": r.family, "family_name": r.family_name,
                        "severity": str(r.severity), "default": default_state(r), "fixable": r.fixable, "type": r.type,
                        "description": r.description} for r in sorted(catalog.rules.values(), key=lambda r: r.code)],
                      ensure_ascii=False, indent=2)


def default_state(rule) -> str:
    """"on", or how an opt-in rule is turned on."""
    from .engine import PROFILE_RULES

    if rule.enabled:
        return "on"
    return "with a profile" if rule.name in PROFILE_RULES else "opt-in"


def rules_markdown(catalog: Catalog) -> str:
    lines = ["| Code | Name | Family | Severity | Default | Fixable | Description |",
             "|---|---|---|---|---|---|---|"]
    for r in sorted(catalog.rules.values(), key=lambda r: r.code):
        desc = " ".join(r.description.split()).replace("|", "\\|")
        lines.append(f"| {r.code} | {r.name} | {r.family_name} | {r.severity} | {default_state(r)} | {r.fixable} | {desc} |")
    return "\n".join(lines) + "\n"


def rules_table(catalog: Catalog) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="kjlint rules")
    for col in ("Code", "Name", "Family", "Severity", "Default", "Fixable"):
        table.add_column(col)
    for r in sorted(catalog.rules.values(), key=lambda r: r.code):
        table.add_row(r.code, r.name, r.family_name, str(r.severity), default_state(r), r.fixable)
    Console().print(table)
