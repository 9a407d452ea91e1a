"""Where kjlint may write: never over, inside or around one of its inputs.

Both dedupe engines call `refuse_overwriting_inputs` before anything is written: the local one with
the paths as given, the Spark one with the paths Hadoop qualified (file:/…, hdfs://nn/…, s3a://…).
Local paths are compared with their links resolved, so an output named through a symbolic link or
a hard link to an input is refused too.
"""
from __future__ import annotations

import os
import posixpath
import re
from typing import Iterable, Mapping

from .i18n import N_, _

IS_INPUT = N_("{option} {output}: is the input {input}; kjlint never overwrites its inputs")
INSIDE_INPUT = N_("{option} {output}: lies inside the input {input}; a later run would read it back "
                  "as input (write it elsewhere)")
CONTAINS_INPUT = N_("{option} {output}: contains the input {input}; kjlint never writes over its inputs")

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")  # two letters at least: C: is a drive


class OutputOverlap(ValueError):
    """An output that is, contains or lies inside an input."""


def _location(path: str) -> tuple[str, str]:
    """(file system, absolute normalized path): links resolved for a local path or a file: URI."""
    m = _SCHEME.match(path)
    if m and m.group(1).lower() != "file":
        rest = path[m.end():]
        authority = ""
        if rest.startswith("//"):
            authority, _slash, rest = rest[2:].partition("/")
            rest = "/" + rest
        return f"{m.group(1).lower()}://{authority}", posixpath.normpath(rest or "/")
    if m:  # file:/a, file:///a
        path = "/" + path[m.end():].lstrip("/")
    return "", os.path.realpath(path)


def _inside(inner: str, outer: str) -> bool:
    return inner != outer and inner.startswith(outer.rstrip("/" + os.sep) + os.sep)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def refuse_overwriting_inputs(outputs: Mapping[str, str | None], inputs: Iterable[str], *,
                              nested: bool = True) -> None:
    """Raise OutputOverlap naming the option, the output and the input when an output (option ->
    path; None when not given) is an input (also through a link), lies inside an input folder
    (the next run would read it back) or contains an input (a folder written over it).
    `nested=False` checks the first only (`kjlint check . -o report.sarif` is the usual form)."""
    located = [(raw, _location(str(raw))) for raw in inputs]
    for option, output in outputs.items():
        if not output:
            continue
        fs, out = _location(str(output))
        for raw, (in_fs, inp) in located:
            if fs != in_fs:
                continue
            if out == inp or (not fs and _same_file(out, inp)):
                message = IS_INPUT
            elif not nested:
                continue
            elif _inside(out, inp):
                message = INSIDE_INPUT
            elif _inside(inp, out):
                message = CONTAINS_INPUT
            else:
                continue
            raise OutputOverlap(_(message).format(option=option, output=output, input=raw))
