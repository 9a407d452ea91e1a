"""The bytes of one input, read within limits, and the error that names an input kjlint cannot read.

Below both readers of documents: kjlint.reading (which decodes text and dispatches by format) and
kjlint.docx (which unpacks Word packages) read an input's bytes through this module.
"""
from __future__ import annotations

import functools
import os
import stat
from typing import Callable

from .i18n import N_, _, language

DEFAULT_MAX_FILE_SIZE = 20_000_000  # bytes read from one input at most (`max-file-size`)
READ_CHUNK = 1 << 20
NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX: opening a named pipe must not wait for a writer
# As an English template (msgid), translated when raised: the language is chosen after this
# module is imported.
NO_WRITER = N_("a named pipe with nothing writing to it, skipped "
               "(to lint what a program writes, pipe it to standard input: kjlint check -)")


class InputError(Exception):
    """An input that cannot be linted; the message names the path and the problem."""

    def __init__(self, path: str, problem: str):
        super().__init__(_("{path}: {problem}").format(path=path, problem=problem))
        self.path = path
        self.problem = problem


def read_bytes(path: str | os.PathLike, shown: str, max_bytes: int = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """The bytes of one input, with InputError naming the file for every way reading fails.

    At most `max_bytes` are ever read, so a device (/dev/zero) or a growing file cannot exhaust
    memory; a named pipe is opened without blocking, so one that nobody writes to is reported
    instead of hanging the run (a pipe with a writer, as `<(command)` gives, is read)."""
    try:
        fd = os.open(path, os.O_RDONLY | NONBLOCK | getattr(os, "O_BINARY", 0))  # O_BINARY: Windows
    except OSError as exc:
        raise InputError(shown, os_problem(exc)) from None
    try:
        info = os.fstat(fd)
        mode, size = info.st_mode, info.st_size
        if stat.S_ISREG(mode) and size > max_bytes:
            raise InputError(shown, _("file too large ({size} MB > max-file-size {limit} MB), skipped").format(
                size=f"{size / 1e6:.1f}", limit=f"{max_bytes / 1e6:.1f}"))
        first = b""
        if stat.S_ISFIFO(mode):
            try:
                first = os.read(fd, 1)
            except BlockingIOError:  # a writer is there, nothing written yet: wait for it
                pass
            else:
                if not first:
                    raise InputError(shown, _(NO_WRITER))
        if NONBLOCK:
            os.set_blocking(fd, True)
        data = read_at_most(functools.partial(os.read, fd), max_bytes - len(first), first)
    except OSError as exc:
        raise InputError(shown, os_problem(exc)) from None
    finally:
        os.close(fd)
    if data is None:
        raise InputError(shown, _("file too large (more than max-file-size {limit} MB), skipped").format(
            limit=f"{max_bytes / 1e6:.1f}"))
    return data


def read_at_most(read: Callable[[int], bytes], limit: int, head: bytes = b"") -> bytes | None:
    """`head` and what `read(n)` returns until end of input, or None as soon as that exceeds
    `limit` bytes (more than `limit` + one chunk is never held)."""
    chunks, total = [head], 0
    while True:
        chunk = read(min(READ_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            return None


def os_problem(exc: OSError) -> str:
    """How an OSError reads in a message: "permission denied", "no such file or directory"…"""
    import errno

    if isinstance(exc, FileNotFoundError):
        return _("no such file or directory")
    if isinstance(exc, PermissionError):
        return _("permission denied")
    if isinstance(exc, IsADirectoryError):
        return _("is a directory")
    # Other problems in the system's words (English on most systems), a few common ones translated.
    known = {errno.ENOTDIR: N_("Not a directory"), errno.ELOOP: N_("Too many levels of symbolic links"),
             errno.ENAMETOOLONG: N_("File name too long"), errno.ENOSPC: N_("No space left on device"),
             errno.EROFS: N_("Read-only file system")}
    if exc.errno in known and language() != "en":
        return _(known[exc.errno])
    return exc.strerror or str(exc)
