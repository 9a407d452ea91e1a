"""Whether a worker runs the driver's code: same kjlint version, code, rule packs and settings.

A distributed engine takes the run context's `fingerprint()` on the driver when a run starts and
checks it in every task, so an executor with another kjlint (a stale cluster image, a checkout
edited mid-run) stops the run with the reason instead of silently giving other results.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


class MethodMismatch(RuntimeError):
    """An executor runs other kjlint code, rule packs or settings than the driver: its results
    would not match the rest of the run's."""


def _source_digest(roots: tuple[str, ...]) -> str:
    """SHA-1 of every file under `roots` (relative name and bytes; caches, compiled files and
    hidden files such as editors' swap files skipped). Works on packages imported from a zip
    (`--py-files`) through importlib.resources."""
    import hashlib
    from importlib.resources import files

    digest = hashlib.sha1()

    def walk(node, prefix: str):
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            name = f"{prefix}/{child.name}"
            if child.name == "__pycache__" or child.name.startswith(".") or child.name.endswith((".pyc", ".pyo")):
                continue
            if child.is_dir():
                walk(child, name)
            else:
                digest.update(name.encode("utf-8") + b"\0" + child.read_bytes() + b"\0")

    for root in roots:
        node = files(root) if "/" not in root and os.sep not in root else Path(root)
        if node.is_dir():
            walk(node, os.path.basename(str(root).rstrip("/")) or root)
    return digest.hexdigest()[:12]


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """kjlint's version and a digest of its code and built-in rule packs, computed once per
    process on first use: the driver's value is what it started with."""
    from .. import __version__
    from ..packs import builtin_rules_dir

    package = Path(__file__).resolve().parent.parent
    rules = builtin_rules_dir().resolve()
    roots = ("kjlint",) if rules.is_relative_to(package) else ("kjlint", str(rules))
    return f"kjlint {__version__}, code+rules {_source_digest(roots)}"


def method_mismatch_message(exc: BaseException) -> str | None:
    """The MethodMismatch message inside a failed Spark job's exception, if that is what failed."""
    marker = MethodMismatch.__name__ + ": "
    for line in str(exc).splitlines():
        if marker in line:
            return line.split(marker, 1)[1].strip()
    return str(exc) if isinstance(exc, MethodMismatch) else None


def require_fingerprint(expected: str, here: str) -> None:
    """Raise MethodMismatch when this process (`here`) would not run the driver's method."""
    if here != expected:
        raise MethodMismatch(
            f"this executor runs a different kjlint than the driver ({here} here, {expected} on the "
            "driver): install the same kjlint version and rule packs on every node, and do not edit "
            "a source checkout while a run is going")
