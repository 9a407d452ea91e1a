"""Applying fixes and writing files atomically in their original encoding."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

from .findings import Finding, Fix


def applicable(findings: list[Finding], unsafe: bool) -> list[Fix]:
    return [f.fix for f in findings if f.fix is not None and (f.fix.safe or unsafe)]


def apply_fixes(text: str, fixes: list[Fix]) -> tuple[str, int]:
    """Apply non-overlapping fixes (earliest first; overlapping ones wait for the next pass)."""
    out, pos, applied = [], 0, 0
    for fix in sorted(fixes, key=lambda f: (f.offset, f.end_offset)):
        if fix.offset < pos:
            continue
        out.append(text[pos:fix.offset])
        out.append(fix.replacement)
        pos = fix.end_offset
        applied += 1
    out.append(text[pos:])
    return "".join(out), applied


@contextmanager
def atomic_open(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary file to stream into; it replaces `path` only when the block ends without error
    (temporary file in the same folder, fsync, rename, keeping the target's mode)."""
    import tempfile  # only when writing: it pulls in shutil, random… at start-up otherwise

    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".kjlint-tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        except FileNotFoundError:
            pass
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write via a temporary file in the same folder and rename, keeping the file's mode."""
    with atomic_open(path) as fh:
        fh.write(data)


def atomic_write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> None:
    atomic_write_bytes(path, text.encode(encoding))
