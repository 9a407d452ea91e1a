"""KJ0 meta: findings about kjlint's own directives (unused or unknown suppressions).

The lint stages compute these while applying suppressions; the checks here only let the rules be
run on their own (for their examples and for `kjlint rule`)."""
from __future__ import annotations

from .registry import check
from ..linting import LintOptions, lint_with
from ..ruletypes import Hit


def _meta_hits(doc, ctx, rule):
    codes = {c for c, r in ctx.catalog.rules.items() if r.enabled} | {rule.code}
    return [Hit(f.offset, f.end_offset, message=f.message)
            for f in lint_with(doc, ctx.catalog, LintOptions(codes=codes)) if f.code == rule.code]


check("unused-suppression")(_meta_hits)
check("unknown-suppression-code")(_meta_hits)
