"""What every task of a run shares, shipped once to each worker (process or Spark executor)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

import numpy as np

from ...records import Fetcher, Source
from .config import DedupeConfig


class Spill:
    """The canonical texts of the signing pass, appended to one temporary file by the driver
    (uint16 code points) and read back by offset during verification, instead of normalizing
    the candidate documents again."""

    def __init__(self, path: str):
        self.path = path
        self._fd: int | None = None

    def read(self, offset: int, length: int) -> np.ndarray:
        if self._fd is None:
            self._fd = os.open(self.path, os.O_RDONLY)
        data = os.pread(self._fd, 2 * length, offset)
        return np.frombuffer(data, dtype=np.uint16).astype(np.uint32)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


@dataclass
class Context:
    """The run's settings and inputs; readers open lazily, once per worker process."""

    config: DedupeConfig
    sources: list[Source] = field(default_factory=list)
    spill_path: str | None = None  # None: verification normalizes the texts again
    language: str | None = None  # the driver's: the reasons are written in it, whatever a worker's locale says
    _fetcher: Fetcher | None = field(default=None, repr=False, compare=False)
    _spill: Spill | None = field(default=None, repr=False, compare=False)

    def __getstate__(self) -> dict:
        return {"config": self.config, "sources": self.sources, "spill_path": self.spill_path,
                "language": self.language, "_fetcher": None, "_spill": None}

    def prepare(self) -> None:
        """Set up a worker for this run before its first task: the kernels, and the quality lint
        `--keep best` ranks copies with (its rule packs load while the driver reads the first batch)."""
        from ...i18n import set_language
        from .. import kernels

        kernels.configure(self.config.kernels)
        if self.language:
            set_language(self.language)
        if self.config.keep == "best":
            from ..keep import _quality_setup

            _quality_setup()

    def fingerprint(self) -> str:
        """What executors must share with the driver: code, rule packs and signature settings."""
        from .fingerprint import method_fingerprint

        return method_fingerprint(self.config)

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.sources, self.config.fields)
        return self._fetcher

    @property
    def spill(self) -> Spill | None:
        if self._spill is None and self.spill_path is not None:
            self._spill = Spill(self.spill_path)
        return self._spill

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None
        if self._spill is not None:
            self._spill.close()
            self._spill = None
