"""Dedupe's method fingerprint: kjlint's code and rule packs (kjlint.engines.fingerprint) plus
the settings that change a signature, checked by the Spark engine in every task."""
from __future__ import annotations

from functools import lru_cache

from ...engines.fingerprint import MethodMismatch, _source_digest, code_fingerprint, require_fingerprint
from .config import DedupeConfig

__all__ = ["MethodMismatch", "_source_digest", "method_fingerprint", "require_method"]


@lru_cache(maxsize=8)
def method_fingerprint(config: DedupeConfig) -> str:
    """What decides a run's results in this process: kjlint's version, a digest of its code and
    rule packs, and the settings that change a signature (DedupeConfig.settings_key, which
    includes the boilerplate phrases read from the packs)."""
    return f"{code_fingerprint()}, settings {config.settings_key()}"


def require_method(expected: str, config: DedupeConfig) -> None:
    """Raise MethodMismatch when this process would not run the driver's method."""
    require_fingerprint(expected, method_fingerprint(config))
