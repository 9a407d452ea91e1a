"""`--diff`: unified diffs that `patch -p1` and `git apply` accept."""
from __future__ import annotations

import codecs
import difflib
import os

NO_NEWLINE = b"\\ No newline at end of file\n"


def _name(prefix: str, path: str) -> bytes:
    """`a/path` as a diff header names it: the bytes of the name; C-quoted, as git does, when it
    holds a control character, a quote or a backslash; followed by a tab when it holds a space
    (GNU patch ends a bare name at the first space)."""
    raw = prefix.encode() + os.fsencode(path)
    if any(b < 0x20 or b in (0x22, 0x5C, 0x7F) for b in raw):
        short = {0x0A: b"\\n", 0x09: b"\\t", 0x22: b'\\"', 0x5C: b"\\\\"}
        raw = b'"' + b"".join(short.get(b) or (b"\\%03o" % b if b < 0x20 or b == 0x7F else bytes([b]))
                              for b in raw) + b'"'
    return raw + b"\t" if b" " in raw else raw


def _lines(data: bytes) -> list[bytes]:
    """Lines ending at b"\\n" only (a lone CR, U+2028 or a form feed is not a line break for patch)."""
    lines = data.split(b"\n")
    last = lines.pop()
    return [line + b"\n" for line in lines] + ([last] if last else [])


def unified_diff(path: str, old: str, new: str, encoding: str) -> bytes:
    """The change from `old` to `new` as a patch on the file's bytes: in its own encoding (the
    one --fix writes) and line endings, with the `\\ No newline at end of file` marker, so that
    the patch applies to the file as it is on disk. Encodings in which a newline is not the byte
    0x0A (UTF-16) are diffed in UTF-8: such a patch is for reading only."""
    if codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
        encoding = "utf-8"
    old_lines, new_lines = _lines(old.encode(encoding)), _lines(new.encode(encoding))
    out = []
    for line in difflib.diff_bytes(difflib.unified_diff, old_lines, new_lines,
                                   _name("a/", path), _name("b/", path), lineterm=b"\n"):
        out.append(line if line.endswith(b"\n") else line + b"\n" + NO_NEWLINE)
    return b"".join(out)
