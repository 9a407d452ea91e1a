"""Findings, fixes and related locations: the values every rule produces and every format prints."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a finding's place is computed above this module, by kjlint.wordplace
    from .wordplace import WordPlace


class Severity(IntEnum):
    """Ordered so that `finding.severity >= fail_level` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[value.strip().upper()]
        except KeyError:
            from .i18n import _

            raise ValueError(_("unknown severity {value} (expected error, warning or info)").format(
                value=repr(value))) from None

    def __str__(self) -> str:
        return self.name.lower()


def location_name(path: str, record: str = "") -> str:
    """How reports name where a finding is: the file, or for a record of a corpus (JSONL,
    Parquet) the file and the record's id, `c.jsonl:r2`; a record without an id is named by
    its line (row) as `kjlint dedupe` names it, `c.jsonl:7`. Lines, columns and offsets then
    count in the record's text."""
    if not record:
        return path
    return record if record.startswith(path + ":") else f"{path}:{record}"


@dataclass(frozen=True)
class Fix:
    """Replace text[offset:end_offset] with `replacement`. Unsafe fixes need --unsafe-fixes."""

    replacement: str
    offset: int
    end_offset: int
    safe: bool = True

    def to_dict(self) -> dict:
        return {"replacement": self.replacement, "offset": self.offset, "end_offset": self.end_offset,
                "applicability": "safe" if self.safe else "unsafe"}


@dataclass(frozen=True)
class Related:
    """Another place a finding refers to, such as the first copy of a repeated passage."""

    path: str
    line: int
    column: int
    message: str = ""
    offset: int | None = None
    end_offset: int | None = None
    place: WordPlace | None = None  # in a Word draft: where a Word user finds it
    record: str = ""  # in a corpus: the record's id (see location_name)

    @property
    def location(self) -> str:
        return location_name(self.path, self.record)

    def to_dict(self) -> dict:
        d = {"path": self.path, **({"record": self.record} if self.record else {}),
             "line": self.line, "column": self.column}
        if self.message:
            d["message"] = self.message
        if self.place is not None:
            d["place"] = self.place.to_dict()
        return d


@dataclass
class Finding:
    """One problem at one place in one document. Offsets are 0-based character offsets."""

    code: str
    name: str
    severity: Severity
    message: str
    offset: int
    end_offset: int
    fix: Fix | None = None
    related: list[Related] = field(default_factory=list)
    # Filled in by the engine from the Document:
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    fingerprint: str = ""
    # Place in the source file when it is not plain text, e.g. "table 1, row 2, cell 3" in a .docx.
    where: str = ""
    # In a Word draft: the headings, table cell and first words a Word user finds it by.
    place: WordPlace | None = None
    # In a corpus (JSONL, Parquet): the record's id; positions count in the record's text.
    record: str = ""

    @property
    def location(self) -> str:
        """The file, or the file and the record (location_name)."""
        return location_name(self.path, self.record)

    @property
    def family(self) -> str:
        return self.code[:3]

    def sort_key(self) -> tuple:
        return (self.path, self.record, self.offset, self.end_offset, self.code)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            **({"record": self.record} if self.record else {}),
            "code": self.code,
            "name": self.name,
            "family": self.family,
            "severity": str(self.severity),
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "end_offset": self.end_offset,
            "fix": self.fix.to_dict() if self.fix else None,
            "related": [r.to_dict() for r in self.related],
            "fingerprint": self.fingerprint,
            **({"where": self.where} if self.where else {}),
            **({"place": self.place.to_dict()} if self.place is not None else {}),
        }
