"""Control characters shown as escapes, for every writer and the CLI's messages.

Its own module, below the writers: kjlint.formats imports the writers by name, so a helper they
share cannot live there without an import circle."""
from __future__ import annotations

import re

from ..diskcache import compile_regex

# What a terminal acts on instead of showing: C0/C1 controls (ESC starts colour, title and
# hyperlink sequences; a newline would split a finding), line/paragraph separators, bidi
# overrides that reorder what is shown, and lone surrogates (bytes of a file name that are not
# UTF-8, which a UTF-8 stream cannot carry).
_CONTROL = compile_regex("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(m: re.Match) -> str:
    c = m.group()
    if c in _SHORT:
        return _SHORT[c]
    n = ord(c)
    if 0xDC80 <= n <= 0xDCFF:  # a byte of a file name that is not UTF-8: show the byte
        return f"\\x{n - 0xDC00:02x}"
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def escape_controls(text: str) -> str:
    """`text` with every control character shown as a Python-style escape (`\\x1b`, `\\n`,
    `\\u202e`), so that file names and document text reach a terminal or a strict parser as
    visible characters on one line."""
    return _CONTROL.sub(_escape_char, text) if _CONTROL.search(text) else text
