"""Configuration: `[tool.kjlint]` in pyproject.toml, or kjlint.toml / .kjlint.toml.

The closest configuration file above each linted file applies to it (like ruff); `--config`
forces one file for all. Command-line options override file settings.
"""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable

from .findings import Severity
from .i18n import _, normalize_language
from .reading import DEFAULT_INCLUDE, DEFAULT_MAX_FILE_SIZE

CONFIG_NAMES = (".kjlint.toml", "kjlint.toml", "pyproject.toml")
KEYS = {
    "select", "ignore", "extend-select", "per-file-ignores", "profile", "required-sections",
    "extend-rules", "include", "exclude", "extend-exclude", "fail-level", "rules", "max-file-size",
    "reference", "duplication", "lang",
}


def at(where: str, key: str) -> str:
    """`file: key`, where a configuration error is (a full-width colon in Chinese)."""
    # Translators: a place in a configuration file or baseline: "kjlint.toml: select".
    return _("{where}: {key}").format(where=where, key=key)


def in_place(where: str, problem) -> str:
    """A problem found at `where` (a file, or a key in it)."""
    return _("{where}: {problem}").format(where=where, problem=problem)


def unknown_selector(selector: str) -> str:
    return _("unknown rule selector {selector} (see `kjlint rules`)").format(selector=repr(selector))


class ConfigError(Exception):
    """An unreadable or invalid configuration file; the message names the file and the key."""


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    profile: str | None = None
    required_sections: tuple[tuple[str, tuple[str, ...]], ...] | None = None
    extend_rules: tuple[str, ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    fail_level: Severity = Severity.INFO
    rules: tuple = ()  # frozen {code: {param: value}} overrides
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    reference: tuple[str, ...] = ()
    lang: str | None = None  # "zh" or "en": the language of the run (see kjlint.i18n)
    root: str = "."
    source: str | None = None

    def rule_overrides(self) -> dict[str, dict]:
        from .packs import thaw

        return thaw(self.rules) if self.rules else {}

    def required_sections_list(self) -> list[dict] | None:
        if self.required_sections is None:
            return None
        return [{"name": n, "label": n, "any": list(words)} for n, words in self.required_sections]


def _strs(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(_("{where}: expected a string or a list of strings").format(where=where))


def _str_table(value: Any, where: str, shape: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ConfigError(_("{where}: expected a table of {shape}").format(where=where, shape=shape))
    return tuple((k, _strs(v, f"{where}.{k}")) for k, v in value.items())


def read_table(path: Path) -> dict | None:
    """The kjlint table of a config file, or None when a pyproject.toml has none."""
    if sys.version_info >= (3, 11):
        import tomllib  # only when a configuration file exists
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        raw = path.read_bytes()
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(_not_utf8(path, raw, exc.start)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(_("{path}: invalid TOML: {problem}").format(path=path, problem=exc)) from None
    except OSError as exc:
        raise ConfigError(_("{path}: cannot read configuration: {problem}").format(
            path=path, problem=exc.strerror or exc)) from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("kjlint")
    return data.get("tool", {}).get("kjlint", data)


def _not_utf8(path: Path, raw: bytes, at: int) -> str:
    """Where a configuration file stops being UTF-8 (TOML must be), with the key on that line."""
    line = raw.count(b"\n", 0, at) + 1
    text = raw.splitlines()[line - 1].decode("utf-8", "replace")
    key = re.match(r"\s*([A-Za-z0-9_.\-\"']+)\s*=", text)
    if key:
        return _("{path}: line {line} ({key}): not UTF-8 text (a TOML file must be saved as UTF-8)").format(
            path=path, line=line, key=key.group(1))
    return _("{path}: line {line}: not UTF-8 text (a TOML file must be saved as UTF-8)").format(path=path, line=line)


def check_selectors(settings: Settings, is_known: Callable[[str], bool]) -> None:
    """Raise ConfigError naming the file and the key for a selector that matches no rule: a typo
    in `select` turns every rule off ("All checks passed"), one in `ignore` keeps a rule on."""
    keys = [("select", settings.select or ()), ("ignore", settings.ignore),
            ("extend-select", settings.extend_select)]
    keys += [(f"per-file-ignores.{glob}", selectors) for glob, selectors in settings.per_file_ignores]
    for key, selectors in keys:
        for selector in selectors:
            if not is_known(selector):
                raise ConfigError(in_place(at(settings.source, key), unknown_selector(selector)))


def parse_settings(table: dict, path: Path) -> Settings:
    where = str(path)
    unknown = set(table) - KEYS
    if unknown:
        raise ConfigError(_("{where}: unknown key '{key}' (known keys: {keys})").format(
            where=where, key=sorted(unknown)[0], keys=", ".join(sorted(KEYS))))
    root = path.parent
    s = Settings(root=str(root), source=where)
    kw: dict[str, Any] = {}
    if "select" in table:
        kw["select"] = _strs(table["select"], at(where, "select"))
    for key in ("ignore", "extend-select", "include"):
        if key in table:
            kw[key.replace("-", "_")] = _strs(table[key], at(where, key))
    exclude = _strs(table.get("exclude", []), at(where, "exclude")) + \
        _strs(table.get("extend-exclude", []), at(where, "extend-exclude"))
    if exclude:
        kw["exclude"] = exclude
    # Translators: the shapes of two tables of the configuration; glob, codes, name and heading
    # keywords are what the user writes there.
    for key, shape in (("per-file-ignores", _("glob = [codes]")),
                       ("required-sections", _("name = [heading keywords]"))):
        if key in table:
            kw[key.replace("-", "_")] = _str_table(table[key], at(where, key), shape)
    if "profile" in table:
        if not isinstance(table["profile"], str):
            raise ConfigError(_("{where}: profile: expected a profile name such as 'work-summary'").format(where=where))
        kw["profile"] = table["profile"]
    for key in ("extend-rules", "reference"):  # paths relative to the configuration file
        if key in table:
            paths = _strs(table[key], at(where, key))
            if any(not p or "\x00" in p for p in paths):
                raise ConfigError(_("{where}: {key}: expected paths (an empty one or one with a NUL character is "
                                    "none)").format(where=where, key=key))
            kw[key.replace("-", "_")] = tuple(str((root / p).resolve()) for p in paths)
    if "lang" in table:
        value = table["lang"]
        lang = normalize_language(value) if isinstance(value, str) else None
        if lang is None:
            raise ConfigError(_("{where}: lang: expected \"zh\" (Chinese) or \"en\" (English), got {value}").format(
                where=where, value=_toml_value(value)))
        kw["lang"] = lang
    if "fail-level" in table:
        try:
            kw["fail_level"] = Severity.parse(str(table["fail-level"]))
        except ValueError as exc:
            raise ConfigError(in_place(at(where, "fail-level"), exc)) from None
    if "max-file-size" in table:
        if not isinstance(table["max-file-size"], int) or isinstance(table["max-file-size"], bool) \
                or table["max-file-size"] <= 0:
            raise ConfigError(_("{where}: max-file-size: expected a positive number of bytes").format(where=where))
        kw["max_file_size"] = table["max-file-size"]
    rules = dict(table.get("rules", {}))
    if "duplication" in table:  # shorthand for the KJ1 parameters
        rules.setdefault("KJ1", {}).update(table["duplication"])
    if rules:
        if not all(isinstance(v, dict) for v in rules.values()):
            raise ConfigError(_("{where}: rules: expected tables such as [tool.kjlint.rules.KJ301]").format(
                where=where))
        from .packs import freeze

        kw["rules"] = freeze(rules)
    return replace(s, **kw)


def _toml_value(value: Any) -> str:
    """A configuration value as it is written in TOML (for messages)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)


def load_config_file(path: str | os.PathLike) -> Settings:
    p = Path(path)
    if not p.is_file():
        raise ConfigError(_("{path}: configuration file not found").format(path=p))
    table = read_table(p)
    return parse_settings(table or {}, p.resolve())


class ConfigResolver:
    """Finds the settings for each file: the closest config file above it, cached per folder."""

    def __init__(self, forced: str | None = None, cwd: str | None = None):
        self.forced = load_config_file(forced) if forced else None
        self.cwd = Path(cwd or os.getcwd()).resolve()
        self._cache: dict[Path, Settings] = {}

    def for_dir(self, directory: Path) -> Settings:
        if self.forced is not None:
            return self.forced
        known = self._cache.get(directory)  # as named (no resolving, which stats every component)
        if known is not None:
            return known
        named, directory = directory, directory.resolve()
        if directory in self._cache:
            self._cache[named] = self._cache[directory]
            return self._cache[directory]
        found = None
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                table = read_table(candidate)
                if table is not None:
                    found = parse_settings(table, candidate)
                    break
        if found is None:
            parent = directory.parent
            found = self.for_dir(parent) if parent != directory else Settings(root=str(self.cwd))
        self._cache[directory] = self._cache[named] = found
        return found

    def for_path(self, path: str) -> Settings:
        if path == "-":
            return self.for_dir(self.cwd)
        p = Path(path)
        return self.for_dir(p if p.is_dir() else p.parent)
