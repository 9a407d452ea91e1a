"""Output formats. Each writer takes the run's results and writes one report to a stream."""
from __future__ import annotations

import importlib
from typing import Callable

from .escape import escape_controls  # noqa: F401  (imported from here by the CLI and tests)

# format name -> "module:function"; modules are imported only when used (start-up speed).
FORMATS: dict[str, str] = {
    "text": "text:write_text",
    "concise": "text:write_concise",
    "json": "machine:write_json",
    "jsonl": "machine:write_jsonl",
    "github": "machine:write_github",
    "rdjson": "machine:write_rdjson",
    "junit": "machine:write_junit",
    "sarif": "sarif:write_sarif",
    "html": "html:write_html",
}


def get_writer(name: str) -> Callable:
    module, func = FORMATS[name].split(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), func)
