"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards."""
from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..findings import Severity
from ..i18n import _

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    """A URI reference (RFC 3986) for a path: relative paths percent-encoded from the bytes of
    the name (spaces, newlines, `<`, `#`, Chinese, bytes that are not UTF-8), absolute ones as
    file: URIs."""
    if path == "-":
        return "stdin"
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(os.fsencode(p.as_posix()), safe="/")


def write_sarif(results, out, catalog=None, **_ignored):
    findings = [f for r in results for f in r.findings]
    used = sorted({f.code for f in findings})
    rules = []
    index = {}
    for code in used:
        rule = catalog.rules.get(code) if catalog else None
        index[code] = len(rules)
        entry = {"id": code, "name": rule.name if rule else code}
        if rule:
            entry.update({
                "shortDescription": {"text": rule.description.split("\n")[0][:200]},
                "fullDescription": {"text": rule.description},
                "help": {"text": f"{rule.description}\n\n{rule.rationale}\n\n"
                                 + _("Run `kjlint rule {code}` for examples.").format(code=code)},
                "defaultConfiguration": {"level": LEVEL[rule.severity]},
                "properties": {"family": rule.family_name},
            })
        rules.append(entry)
    sarif_results = []
    for f in findings:
        res = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(f.path)},
                "region": {"startLine": f.line, "startColumn": f.column,
                           "endLine": f.end_line, "endColumn": f.end_column,
                           "charOffset": f.offset, "charLength": f.end_offset - f.offset}}}],
            "partialFingerprints": {"kjlintFingerprint/v1": f.fingerprint},
        }
        if f.record:  # a record of a corpus: lines, columns and offsets count in its text
            res["locations"][0]["logicalLocations"] = [{"name": f.record, "fullyQualifiedName": f.location,
                                                        "kind": "object"}]
            res["properties"] = {"record": f.record}
        if f.related:
            res["relatedLocations"] = [{
                "id": i,
                "message": {"text": rel.message or _("related location")},
                "physicalLocation": {"artifactLocation": {"uri": _uri(rel.path)},
                                     "region": {"startLine": rel.line, "startColumn": rel.column}},
                **({"properties": {"place": rel.place.to_dict()}} if getattr(rel, "place", None) else {})}
                for i, rel in enumerate(f.related)]
        if getattr(f, "place", None) is not None:  # a Word draft: where a Word user finds it
            res["properties"] = {**res.get("properties", {}), "place": f.place.to_dict()}
        if f.fix:
            res["fixes"] = [{"description": {"text": _("safe fix") if f.fix.safe else _("unsafe fix")},
                             "artifactChanges": [{"artifactLocation": {"uri": _uri(f.path)}, "replacements": [{
                                 "deletedRegion": {"charOffset": f.fix.offset,
                                                   "charLength": f.fix.end_offset - f.fix.offset},
                                 "insertedContent": {"text": f.fix.replacement}}]}]}]
        sarif_results.append(res)
    errors = [r for r in results if r.error]
    invocation = {"executionSuccessful": not errors, "toolExecutionNotifications": [
        {"level": "error", "message": {"text": r.error},
         "descriptor": {"id": "input-error"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}}}]}
        for r in errors]}
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "kjlint", "version": __version__,
                                "informationUri": "https://pypi.org/project/kjlint/", "rules": rules}},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    }
    json.dump(doc, out, ensure_ascii=False, indent=2)
    out.write("\n")
