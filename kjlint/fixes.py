"""Applying fixes and writing files atomically in their original encoding."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

from .findings import Finding, Fix
from .i18n import N_, _


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


READ_ONLY = N_("the file is read-only (make it writable, e.g. chmod u+w, for kjlint to fix it)")
HARD_LINKS = N_("it has {n} hard links, and a fix replaces the file, which would leave the other names "
                "with the old text (kjlint leaves it unchanged; use --diff to see the fixes)")


class NotRewritable(OSError):
    """A file kjlint will not replace: its message says why."""


def refuse_unsafe_rewrite(path: str | os.PathLike) -> None:
    """Raise NotRewritable when replacing `path` (through its links) would do what the user did not
    ask: write a read-only file (rename ignores the mode; root ignores it too) or split a hard link
    (a new file takes one name, the others keep the old text). Symbolic links are fine: the
    target is rewritten (see atomic_open)."""
    st = os.stat(path)
    if not st.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise NotRewritable(_(READ_ONLY))
    if st.st_nlink > 1:
        raise NotRewritable(_(HARD_LINKS).format(n=st.st_nlink))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def atomic_open(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary file to stream into; it replaces `path` only when the block ends without error
    (temporary file in the same folder, fsync, rename). A symbolic link is written through: its
    target is replaced and the link stays. A replaced file keeps its mode (and owner, where
    allowed); a new one gets the mode the umask gives (mkstemp's 0600 would hide reports)."""
    import tempfile  # only when writing: it pulls in shutil, random… at start-up otherwise

    target = Path(os.path.realpath(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".kjlint-tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        try:
            st = target.stat()
        except FileNotFoundError:
            os.chmod(tmp, 0o666 & ~_umask())
        else:
            os.chmod(tmp, st.st_mode & 0o7777)
            if os.name == "posix" and (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
                try:
                    os.chown(tmp, st.st_uid, st.st_gid)
                except OSError:
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
