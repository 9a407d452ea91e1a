"""Reading inputs: file discovery and byte decoding with detected (not locale-guessed) encodings."""
from __future__ import annotations

import codecs
import os
import stat
import sys
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from .diskcache import compile_regex
from .document import Document
from .inputbytes import DEFAULT_MAX_FILE_SIZE, InputError, os_problem, read_at_most, read_bytes
from .i18n import N_, _

# Old Word and WPS files are included so that a folder scan names them (see UNSUPPORTED).
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.docx", "*.docm", "*.doc", "*.wps")
# Read as Word packages: a macro-enabled .docm is a .docx with a VBA part beside the text.
WORD_SUFFIXES = (".docx", ".docm")
ZIP_MAGIC = b"PK\x03\x04"
# Document formats kjlint cannot read, by lower-case extension, and what to do about them: an
# input error, unless the file is in fact a Word package (a .docx renamed .doc is read).
UNSUPPORTED = {
    ".doc": N_("old Word 97-2003 .doc files are not supported: save it as .docx"),
    ".wps": N_("WPS Writer .wps files are not supported: save it as .docx"),
}
SKIPPED_DIRS = {".git", ".hg", ".svn", ".bzr", "_darcs", "CVS", "node_modules", "__pycache__", ".venv"}
# Candidate encodings tried strictly, in order, after BOM detection.
CANDIDATES = ("utf-8", "gb18030", "big5")
# Problems as English templates (msgids), translated when raised: the language is chosen after
# this module is imported.
BINARY = N_("binary file (contains NUL bytes), skipped")
BINARY_UTF16 = N_("binary file (contains NUL bytes), skipped (if it is text, it may be UTF-16 without a BOM: "
                  "save it as UTF-8)")
# Characters that never occur in text: a decoding that yields them is not the file's encoding.
_NOT_TEXT = compile_regex("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")
_TEXT_MARK = compile_regex("[\n \u3000，。、；：！？,.;:]")
# Share of plausible characters (see _plausibility) a BOM-less UTF-16 reading needs: the right
# byte order reads ~1.0 for Chinese or English, the wrong one far less.
UTF16_MIN_PLAUSIBILITY = 0.6


class SkippedInput(InputError):
    """A file left out of a folder scan on purpose: reported as a warning, not an error."""


# What a folder scan says of the files it does not read because reading could block or never end.
NOT_REGULAR = ((stat.S_ISFIFO, N_("not a regular file (a named pipe), skipped")),
               (stat.S_ISSOCK, N_("not a regular file (a socket), skipped")),
               (stat.S_ISCHR, N_("not a regular file (a character device), skipped")),
               (stat.S_ISBLK, N_("not a regular file (a block device), skipped")))
NOT_REGULAR_OTHER = N_("not a regular file (a special file), skipped")


def not_regular(path: str) -> str | None:
    """Why `path` (its target, for a symbolic link) is no regular file to read, or None."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # reading it reports the problem
    if stat.S_ISREG(mode):
        return None
    return _(next((problem for test, problem in NOT_REGULAR if test(mode)), NOT_REGULAR_OTHER))


@dataclass
class Decoded:
    text: str
    encoding: str
    undecodable: list[tuple[int, int]]
    had_bom: bool


def _decode_replacing(data: bytes, encoding: str) -> tuple[str, list[tuple[int, int]]]:
    """Decode, turning each undecodable byte into U+FFFD and remembering where it was."""
    raw = data.decode(encoding, errors="surrogateescape")
    bad: list[tuple[int, int]] = []
    if any("\udc80" <= ch <= "\udcff" for ch in raw):
        chars = list(raw)
        for i, ch in enumerate(chars):
            if "\udc80" <= ch <= "\udcff":
                bad.append((i, ord(ch) - 0xDC00))
                chars[i] = "\ufffd"
        raw = "".join(chars)
    return raw, bad


def _plausibility(text: str) -> float:
    """Share of characters that are common CJK, ASCII or CJK punctuation: ranks candidate decodings."""
    if not text:
        return 0.0
    good = 0
    for ch in text:
        o = ord(ch)
        if o < 0x80 or 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF:
            good += 1
    return good / len(text)


def decode_bytes(data: bytes, path: str = "<bytes>") -> Decoded:
    """Detect the encoding of `data` and decode it.

    BOMs decide first (UTF-8, UTF-16). Otherwise strict UTF-8, GB18030 and Big5 are tried; when
    several decode cleanly the most plausible Chinese text wins (charset-normalizer is consulted
    for ties). When none decodes cleanly, the best candidate is used and the bad bytes are
    reported as positions, so the rest of the file can still be linted.
    """
    if data.startswith(codecs.BOM_UTF8):
        text, bad = _decode_replacing(data[3:], "utf-8")
        return Decoded(text, "utf-8-sig", bad, True)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16", [], True)
        except UnicodeDecodeError as exc:
            raise InputError(path, _("invalid UTF-16 ({reason})").format(reason=exc.reason)) from None
    if b"\x00" in data[:8192]:
        readings = _utf16_readings(data)
        if readings and readings[0][0] >= UTF16_MIN_PLAUSIBILITY:
            return Decoded(readings[0][2], readings[0][1], [], False)
        raise InputError(path, _(BINARY_UTF16 if readings else BINARY))
    clean = []
    for enc in CANDIDATES:
        try:
            clean.append((enc, data.decode(enc)))
        except UnicodeDecodeError:
            continue
        if enc == "utf-8":
            break  # valid UTF-8 is almost never accidental for non-ASCII text
    if len(clean) == 1:
        return Decoded(clean[0][1], clean[0][0], [], False)
    if len(clean) > 1:
        best = _choose_by_detector(data, clean)
        return Decoded(best[1], best[0], [], False)
    # Nothing decodes cleanly: pick the candidate with the fewest bad bytes, then most plausible.
    scored = []
    for enc in CANDIDATES:
        text, bad = _decode_replacing(data, enc)
        scored.append((len(bad), -_plausibility(text), enc, text, bad))
    scored.sort(key=lambda s: (s[0], s[1]))
    _bad_count, _score, enc, text, bad = scored[0]
    return Decoded(text, enc, bad, False)


def _utf16_readings(data: bytes) -> list[tuple[float, str, str]]:
    """(plausibility, byte order, text) for each order in which `data` decodes as UTF-16 to
    characters text can hold, most plausible first. Text with NUL bytes may be UTF-16 saved
    without a BOM (ASCII characters and line breaks carry a zero byte); binary data does not
    decode so."""
    out = []
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        # Text has a line break, a space or a punctuation mark somewhere; ASCII bytes read in
        # pairs give CJK-looking characters (binary -> 楢慮祲) but never those.
        if not _NOT_TEXT.search(text) and _TEXT_MARK.search(text):
            out.append((_plausibility(text), enc, text))
    return sorted(out, reverse=True)


def _choose_by_detector(data: bytes, clean: list[tuple[str, str]]) -> tuple[str, str]:
    """GB18030 and Big5 both decode many byte strings; prefer the more plausible Chinese text."""
    scored = sorted(clean, key=lambda c: -_plausibility(c[1]))
    if len(scored) > 1 and abs(_plausibility(scored[0][1]) - _plausibility(scored[1][1])) < 0.01:
        try:
            from charset_normalizer import from_bytes

            guess = from_bytes(data, cp_isolation=[c[0] for c in clean]).best()
            if guess is not None:
                for enc, text in clean:
                    if codecs.lookup(enc).name == codecs.lookup(guess.encoding).name:
                        return enc, text
        except Exception:  # detector trouble must not stop linting
            pass
    return scored[0]


def read_document(path: str | os.PathLike, display_path: str | None = None,
                  max_bytes: int = DEFAULT_MAX_FILE_SIZE) -> Document:
    """Read and decode one file into a Document, raising InputError with a clear reason."""
    shown = display_path or str(path)
    suffix = Path(path).suffix.lower()
    data = read_bytes(path, shown, max_bytes)
    if suffix in UNSUPPORTED and not data.startswith(ZIP_MAGIC):
        raise InputError(shown, _(UNSUPPORTED[suffix]))
    if suffix in WORD_SUFFIXES or suffix in UNSUPPORTED:
        from .docx import docx_document

        return docx_document(data, shown, max_bytes)
    decoded = decode_bytes(data, shown)
    return Document(decoded.text, shown, decoded.encoding, decoded.undecodable, decoded.had_bom)


def read_stdin(max_bytes: int = DEFAULT_MAX_FILE_SIZE) -> Document:
    """Standard input as a Document, read up to `max_bytes` (a piped stream has no size to check)."""
    stream = sys.stdin.buffer
    data = read_at_most(getattr(stream, "read1", stream.read), max_bytes)
    if data is None:
        raise InputError("-", _("standard input too large (more than max-file-size {limit} MB), skipped").format(
            limit=f"{max_bytes / 1e6:.1f}"))
    if data.startswith(ZIP_MAGIC):  # a zip package: a .docx piped in
        from .docx import docx_document

        return docx_document(data, "-", max_bytes)
    decoded = decode_bytes(data, "-")
    return Document(decoded.text, "-", decoded.encoding, decoded.undecodable, decoded.had_bom)


# Corpora: files whose records are the documents (kjlint check and kjlint dedupe read them alike).
COMPRESSED_SUFFIXES = (".gz", ".zst")
JSONL_SUFFIXES = tuple(base + comp for base in (".jsonl", ".ndjson", ".json") for comp in ("",) + COMPRESSED_SUFFIXES)
PARQUET_SUFFIXES = (".parquet", ".pq")


def kind_of(path: str) -> str:
    """How an input is read, by its name: "jsonl" and "parquet" corpora, else "text" documents."""
    low = path.lower()
    if low.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if low.endswith(PARQUET_SUFFIXES):
        return "parquet"
    return "text"


def is_corpus(path: str) -> bool:
    """A JSONL or Parquet file: its records are the documents. A folder stays a folder of
    documents. Decided here, without loading the corpus readers, on every `kjlint check`."""
    return path != "-" and kind_of(path) != "text" and os.path.isfile(path)


def matches_any(path: str, patterns) -> bool:
    """Glob match against the path and its base name; `dir/` style patterns match any component."""
    name = os.path.basename(path)
    norm = path.replace(os.sep, "/")
    for pat in patterns:
        pat = pat.rstrip("/") if pat.endswith("/") else pat
        if fnmatch(name, pat) or fnmatch(norm, pat) or fnmatch(norm, f"*/{pat}") \
                or any(fnmatch(part, pat) for part in norm.split("/")[:-1]):
            return True
    return False


def discover(paths, include=DEFAULT_INCLUDE, exclude=(), errors=None, force_exclude: bool = True):
    """Yield files to lint from files and directories, sorted, skipping hidden and VCS folders.

    Named files are yielded whatever their extension (as a user asked for them), unless they
    match `exclude` (so pre-commit, which names files, still honours excludes). In folders,
    `include` matches names regardless of case (Windows saves 会议纪要.DOCX). Problems such as
    missing paths or directory symlink loops are appended to `errors` as InputError; files of a
    folder that are not regular files (pipes, sockets, devices) as SkippedInput.
    """
    errors = errors if errors is not None else []
    include = [pat.lower() for pat in include]
    seen: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            root_real = os.path.realpath(p)
            visited = {root_real}
            def unreadable(exc: OSError) -> None:  # os.walk would skip the folder silently
                errors.append(InputError(exc.filename or str(raw),
                                         _("cannot list directory: {problem}").format(problem=os_problem(exc))))

            for dirpath, dirnames, filenames in os.walk(p, followlinks=True, onerror=unreadable):
                keep = []
                for d in sorted(dirnames):
                    full = os.path.join(dirpath, d)
                    if d.startswith(".") or d in SKIPPED_DIRS or matches_any(full, exclude):
                        continue
                    real = os.path.realpath(full)
                    if real in visited:
                        errors.append(InputError(full, _("directory symlink loop, skipped")))
                        continue
                    visited.add(real)
                    keep.append(d)
                dirnames[:] = keep
                for f in sorted(filenames):
                    full = os.path.normpath(os.path.join(dirpath, f))
                    if f.startswith((".", "~$")) or not matches_any(f.lower(), include) \
                            or matches_any(full, exclude):
                        continue
                    if full in seen:
                        continue
                    seen.add(full)
                    problem = not_regular(full)
                    if problem:
                        errors.append(SkippedInput(full, problem))
                    else:
                        yield full
        elif p.exists() or p.is_symlink():
            if force_exclude and matches_any(str(p), exclude):
                continue
            if str(p) not in seen:
                seen.add(str(p))
                yield str(p)
        else:
            errors.append(InputError(str(raw), _("no such file or directory")))
