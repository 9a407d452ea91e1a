"""Derived data kept on disk between runs, so that start-up does not redo work that depends only
on kjlint's inputs: parsed rule packs, OpenCC character tables, compiled regular expressions.

A pre-commit hook starts kjlint for every commit; before this cache, half of a one-file run went
into parsing YAML, reading OpenCC's dictionaries and compiling ~150 patterns (Python's `re`
compiler is pure Python and slow on CJK character ranges). Entries are stored with `marshal`
(plain data, and the code of the functions kjlint writes out from its own rule packs, as
Python's __pycache__ keeps a module's) and keyed on what they derive from; an unreadable, stale
or corrupt file is ignored and rebuilt, and an unwritable cache directory only costs time.
"""
from __future__ import annotations

import atexit
import gc
import marshal
import os
import re
import sys
import threading
from array import array
from pathlib import Path
from types import MappingProxyType
from functools import lru_cache, partial
from typing import Any, Callable, Iterator

_FORMAT = 2  # bump when the layout of any entry changes


def cache_dir() -> Path:
    """Where kjlint keeps caches: $KJLINT_CACHE_DIR, else $XDG_CACHE_HOME/kjlint or ~/.cache/kjlint."""
    if os.environ.get("KJLINT_CACHE_DIR"):
        return Path(os.environ["KJLINT_CACHE_DIR"])
    home = os.path.expanduser("~")
    if home.startswith("~"):  # no home directory (a bare container): never write into the cwd
        import tempfile

        home = os.path.join(tempfile.gettempdir(), f"kjlint-{os.getuid() if hasattr(os, 'getuid') else 'user'}")
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")
    return Path(base) / "kjlint"


def _read(name: str) -> Any:
    # The collector is off while an entry is decoded: marshal makes plain data that holds no
    # cycle, and the thousands of lists and tuples of the pattern store (1,100 programs) set
    # off collections that walk what is decoded so far again and again (in a fresh process
    # 7.0-7.5 ms -> 5.7-6.1 ms).
    enabled = gc.isenabled()
    try:
        with open(cache_dir() / name, "rb") as fh:
            data = fh.read()  # one read: marshal.load(fh) reads in small pieces
        gc.disable()
        return marshal.loads(data)
    except Exception:  # missing, truncated or written by another Python: rebuild
        return None
    finally:
        if enabled:
            gc.enable()


def _write(name: str, value: Any) -> None:
    """Store `value` under `name`: a temporary file renamed into place, so that a reader never
    sees half a file. Not synced to disk (fsync): a cache needs no durability (a file a crash
    leaves empty is ignored and rebuilt), and the syncs of a cold start's dozen files took
    0.15-0.22 s of wall time on a busy disk, before any file was linted."""
    try:
        _write_bytes(name, marshal.dumps(value))
    except ValueError:  # not plain data
        pass


def _write_bytes(name: str, data: bytes) -> None:
    """`data` as the file `name`, as `_write` stores it."""
    import tempfile

    from .fixes import _umask

    try:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, 0o666 & ~_umask())  # as other files (mkstemp makes them 0600)
            os.replace(tmp, folder / name)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, ValueError):
        pass


def file_key(*paths: str | os.PathLike) -> tuple:
    """Identity of files by path, size and modification time (cheap: no reading)."""
    out = []
    for p in paths:
        try:
            st = os.stat(p)
            out.append((str(p), st.st_size, st.st_mtime_ns))
        except OSError:
            out.append((str(p), -1, -1))
    return tuple(out)


def load_or_build(name: str, key: Any, build: Callable[[], Any]) -> Any:
    """The value stored under `name` when it was built for `key`, else `build()` (then stored).

    `build` must return plain data (dict, list, tuple, set, str, bytes, numbers, None)."""
    stored = _read(f"{name}.marshal")
    full_key = (_FORMAT, sys.version, key)
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == full_key:
        return stored[1]
    value = build()
    _write(f"{name}.marshal", (full_key, value))
    return value


_stores: dict[str, dict] = {}  # shared stores read in this process
_changed_stores: set[str] = set()  # ... with items built since they were last written


def load_or_build_mapped(name: str, key: Any, build: Callable[[], tuple[Any, bytes]]) -> tuple[Any, Any, int]:
    """load_or_build for plain data that comes with one large run of bytes (a word list): the
    run stays in the file, mapped into memory rather than read, so that a process looking up a
    few words touches a few pages of it (reading and copying jieba's 3.2 MB index was 5-7 ms of
    a draft's first lint). Returns (data, run, start): the run begins at `start` of an mmap, or
    of bytes when the cache cannot be used; both have find(sub, start, end)."""
    import mmap

    full_key = (_FORMAT, sys.version, key)
    try:
        with open(cache_dir() / f"{name}.mapped", "rb") as fh:
            size = int.from_bytes(fh.read(8), "little")
            head = marshal.loads(fh.read(size))
            if isinstance(head, tuple) and len(head) == 3 and head[0] == full_key:
                mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
                if len(mapped) == 8 + size + head[2]:  # else cut short: rebuilt below
                    return head[1], mapped, 8 + size
                mapped.close()
    except Exception:  # missing, truncated or written by another Python: rebuild
        pass
    data, run = build()
    head = marshal.dumps((full_key, data, len(run)))
    _write_bytes(f"{name}.mapped", len(head).to_bytes(8, "little") + head + run)
    return data, run, 0


def load_or_build_item(name: str, item: str, key: Any, build: Callable[[], Any], keep: int = 64) -> Any:
    """load_or_build for one item of a shared store (one rule pack among every pack ever
    linted): one file per store, holding the `keep` most recently built items, so that
    temporary checkouts do not grow the cache without bound. Items are kept serialized and
    every call returns a fresh copy: callers may modify what they get. A new item is written
    by `save_stores` (the catalogue calls it once its packs are loaded), not by each call."""
    store = _stores.get(name)
    if store is None:
        stored = _read(f"{name}.marshal")
        store = _stores[name] = stored if isinstance(stored, dict) else {}
    full_key = (_FORMAT, sys.version, key)
    hit = store.get(item)
    if isinstance(hit, tuple) and len(hit) == 2 and hit[0] == full_key and isinstance(hit[1], bytes):
        try:
            return marshal.loads(hit[1])
        except Exception:  # corrupt: rebuild below
            pass
    value = build()
    try:
        data = marshal.dumps(value)
    except ValueError:  # not plain data: usable, not cacheable
        return value
    store.pop(item, None)
    store[item] = (full_key, data)
    while len(store) > keep:
        del store[next(iter(store))]
    _changed_stores.add(name)
    _save_at_exit()  # for a caller that does not save
    return value


def exec_generated(source: str, scope: dict[str, Any], name: str) -> None:
    """exec(source, scope) for a function written out at start-up (KJ601's gates and tests):
    its code is compiled once and kept, as a module's is in __pycache__ (compiling ~23,000
    characters of them was ~4.6 ms of every process's start, a third of a short draft's KJ601)."""
    import hashlib

    digest = hashlib.blake2b(source.encode("utf-8"), digest_size=16).hexdigest()
    code = load_or_build_item("generated-code", digest, name, lambda: compile(source, name, "exec"), keep=32)
    exec(code, scope)  # noqa: S102 (kjlint's own source, generated from its rule packs)


_exit_hook = False  # whether _save_at_exit registered the saves


def _save_at_exit() -> None:
    """Have what this process built and has not saved written when it exits."""
    global _exit_hook
    if not _exit_hook:
        _exit_hook = True
        atexit.register(save_stores)
        atexit.register(save_programs)


def save_stores() -> None:
    """Write the shared stores that have new items: once for all the packs of a catalogue (a
    write per pack rewrote the growing store nine times at a cold start: 0.045-0.069 s of wall
    time on a busy disk)."""
    for name in sorted(_changed_stores):
        if name in _stores:
            _write(f"{name}.marshal", _stores[name])
    _changed_stores.clear()


# --- compiled regular expressions -----------------------------------------------------------
# `re.compile` parses the pattern and generates a program for the C matcher (`_sre`); only the
# generation is slow, so the program is what gets cached. It is valid for one interpreter build
# and matcher version, which the file name carries, as it carries the layout of an entry (4:
# the backtracking risk computed on first use, False until then), so that two kjlint versions
# sharing a cache do not rewrite it in turn.

try:
    import _sre
    from re import _compiler as _re_compiler
    from re import _parser as _re_parser

    _REGEX_FILE = f"regex-9-{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}.mapped"
    # Layout 6: a program is stored as the bytes of an array of codes, which marshal reads as
    # one copy (a tuple of codes made marshal decode ~580,000 ints for a store of 1,280
    # programs at every start, most of them never run); compile_regex unpacks one when asked.
    # Layout 7: a pattern opening with lookarounds before a class too large to list carries the
    # class (_opening_class): a store of layout 6 holds those programs without it. Layout 8:
    # required and first characters include classes of rare scripts (regexinfo._rare). Layout 9:
    # the programs follow the index in the file, mapped rather than read (_read_programs).
    _CODE_TYPE = next(t for t in "IL" if array(t).itemsize == _sre.CODESIZE)
    _plain_charset = _re_compiler._optimize_charset
except (ImportError, AttributeError, StopIteration):  # Python 3.10 or another implementation: plain re.compile
    _sre = None
    _REGEX_FILE = ""

_programs: dict | None = None
_program_run: Any = None  # the mapped store that stored entries' programs, (offset, length), are in
_new_programs = 0  # built since the last save
# Parse trees of the patterns compiled in this process, for `parse`: on a cold start the
# analyses that follow a compile (backtracking_risk, KJ601's pattern facts) parsed each pattern
# again, 350 of 940 parses (re's parser is pure Python). Only misses of the program cache fill
# it, so a warm run keeps none; nothing modifies a parse tree (re's compiler and
# kjlint.regexinfo only read them).
_parsed: dict[tuple[str, int], Any] = {}


MAX_PROGRAMS = 4096  # beyond this, the store keeps only the patterns of the latest run


def save_programs(at_least: int = 1) -> None:
    """Store the programs built since the last save (when there are `at_least` of them), merged
    with those other processes stored meanwhile. Called at exit; by a parallel run once its
    workers are busy (the main process only waits then); and by a worker after a chunk that
    compiled the patterns rules compile on first use (a worker ends without exit hooks)."""
    global _new_programs, _program_run
    if _new_programs >= max(1, at_least) and _programs is not None:
        # This process's programs are read out of its mapping, which is then closed (a mapped
        # file cannot be replaced on Windows); the other processes' come from the file as it is now.
        readable = _with_programs(_programs, _program_run)
        _programs.clear()
        _programs.update(readable)
        if _program_run is not None:
            _program_run.close()
            _program_run = None
        stored, run = _read_programs()
        merged = _with_programs(stored, run)
        if run is not None:
            run.close()
        merged.update(_programs)
        _write_programs(merged if len(merged) <= MAX_PROGRAMS else _programs)
        _new_programs = 0


def _read_programs() -> tuple[dict, Any]:
    """The stored entries, each program as (offset, length) in the mapped file returned with
    them (None when there is no readable store). A run compiles ~100 of the ~1,500 stored
    programs: reading and copying them all (2.8 of the store's 3.3 MB) was ~2-3 ms of each start."""
    import mmap

    enabled = gc.isenabled()
    try:
        with open(cache_dir() / _REGEX_FILE, "rb") as fh:
            size = int.from_bytes(fh.read(8), "little")
            head = fh.read(size)
            gc.disable()  # as _read: plain data without cycles
            entries, length = marshal.loads(head)
            run = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        if isinstance(entries, dict) and len(run) == 8 + size + length:  # else cut short: ignored
            return entries, run
        run.close()
    except Exception:  # missing, truncated or written by another Python
        pass
    finally:
        if enabled:
            gc.enable()
    return {}, None


def _program_bytes(entry: tuple, run: Any) -> bytes | None:
    """An entry's program as bytes: kept so by an entry built in this process, else read from
    the mapped store `run` (8 bytes of length, then the index, then the programs); None when
    that store is no longer mapped (the entry is then built again)."""
    code = entry[1]
    if isinstance(code, bytes):
        return code
    try:
        start = 8 + int.from_bytes(run[:8], "little") + code[0]
        return run[start:start + code[1]]
    except (TypeError, ValueError):  # no run, or a closed one
        return None


def _with_programs(entries: dict, run: Any) -> dict:
    """`entries` with every program as bytes (for writing them elsewhere); those whose bytes
    cannot be read are left out."""
    out = {}
    for key, entry in entries.items():
        if isinstance(entry, tuple) and len(entry) == 10 and (code := _program_bytes(entry, run)) is not None:
            out[key] = entry[:1] + (code,) + entry[2:]
    return out


def _write_programs(entries: dict) -> None:
    """Write the store as _read_programs reads it, atomically (_write_bytes)."""
    index, runs, at = {}, [], 0
    for key, entry in entries.items():
        runs.append(entry[1])
        index[key] = entry[:1] + ((at, len(entry[1])),) + entry[2:]
        at += len(entry[1])
    head = marshal.dumps((index, at))
    _write_bytes(_REGEX_FILE, len(head).to_bytes(8, "little") + head + b"".join(runs))


def _entry(pattern: str, flags: int) -> tuple:
    """(flags, program (the bytes of an array of codes), groups, groupindex, indexgroup, required characters, first characters,
    backtracking risk (False until `backtracking_risk` asks: only rule packs' patterns are
    judged, and the test was a third of a cold start's pattern work), preceding characters,
    anchors (False until `anchored_finditer` asks, then tagged with _ANCHORS_FORMAT))."""
    global _programs, _program_run
    if _programs is None:
        _programs, _program_run = _read_programs()
    entry = _programs.get((pattern, flags))
    if isinstance(entry, tuple) and len(entry) == 10:
        return entry
    from .regexinfo import first_chars, preceding_chars, required_chars

    parsed = _parsed[(pattern, flags)] = _re_parser.parse(pattern, flags)  # raises re.error, as re.compile
    first = first_chars(parsed, flags)
    code = array(_CODE_TYPE, _with_first_chars(_program(parsed, flags), parsed, first)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    needed = required_chars(parsed, flags)
    entry = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup),
             "".join(sorted(needed)) if needed is not None else None,
             "".join(sorted(first)) if first is not None else None, False, preceding_chars(parsed, flags), False)
    _store_entry((pattern, flags), entry)
    return entry


_charsets: dict[tuple, tuple[list, bool]] = {}  # character class -> re's optimized form
_charset_lock = threading.Lock()


def _shared_charset(charset: list, iscased: Any = None, fixup: Any = None, fixes: Any = None) -> tuple[list, bool]:
    """re's `_optimize_charset`, once per distinct class in this process. The same classes
    (every Han character, the blanks) recur in hundreds of patterns, and re fills a
    65,536-entry map in a Python loop for each: 0.10 of the 0.14 s a cold start spent there.
    Case-folded classes (`fixup`) are rare and go to re as they are."""
    if fixup is not None:
        return _plain_charset(charset, iscased, fixup, fixes)
    try:
        key = tuple(charset)
        hit = _charsets.get(key)
    except TypeError:  # an item re's parser never makes: no memo
        return _plain_charset(charset)
    if hit is None:
        hit = _charsets[key] = _plain_charset(charset)
    return list(hit[0]), hit[1]  # a fresh list: re's compiler owns what it gets


def _program(parsed: Any, flags: int) -> list[int]:
    """re's matcher program for a parsed pattern, its classes optimized through
    `_shared_charset` (swapped into re's compiler for this call only: a lock keeps two threads
    from restoring each other's swap)."""
    with _charset_lock:
        _re_compiler._optimize_charset = _shared_charset
        try:
            return [int(op) for op in _re_compiler._code(parsed, flags)]
        finally:
            _re_compiler._optimize_charset = _plain_charset


def _store_entry(key: tuple, entry: tuple) -> None:
    """Keep a new or completed entry, to be written to disk when the process exits."""
    global _new_programs
    _save_at_exit()
    _programs[key] = entry
    _new_programs += 1


def _with_first_chars(code: list[int], parsed: Any, first: frozenset[str] | None) -> list[int]:
    """The matcher program with the characters that can start a match in its INFO block, when
    re's compiler found none (a pattern that opens with a lookbehind, `\\b`, a group of
    alternatives or an optional part): `search`, `finditer` and `sub` then skip in C to the
    next such character instead of running the whole pattern at every position of the text.
    The same matches: every non-empty match starts with one of them (regexinfo.first_chars),
    and a pattern that can match the empty string has no such set. A pattern opening with a
    repeated class too large to list (`[\\ue000-\\uf8ff…]+`, `[\\x80-\\xff]{2,}`) gets that
    class, which re only uses when the class is not repeated."""
    c = _re_compiler
    if code[0] != c.INFO or code[2] != 0 or code[1] != 4 or code[3] == 0:
        return code  # re already has a prefix or a set, or the pattern can match ""
    if parsed.data and parsed.data[0][0] is c.AT and parsed.data[0][1] in (c.AT_BEGINNING, c.AT_BEGINNING_STRING):
        return code  # anchored at the start: re tries one position only
    items = _ranges(first) if first else _opening_class(parsed)
    if not items:
        return code
    table: list[int] = []
    try:
        charset, _cased = _shared_charset(items)
        c._compile_charset(charset, parsed.state.flags, table)  # \s, \w as the pattern means them
    except Exception:  # another version of re's private compiler: the program as re made it
        return code
    return [int(c.INFO), 4 + len(table), int(c.SRE_INFO_CHARSET), code[3], code[4], *map(int, table), *code[5:]]


def _opening_class(parsed: Any) -> list[tuple] | None:
    """The class items of a pattern whose first character is one of a class too large to list,
    case respected, else None: a class repeated at least once (`[a-z]+`, `\\s{2,}`), or one
    class after lookarounds (`(?<=[\\u4e00-\\u9fff])[\\u2200-\\u22ff…](?=…)`, KJ703's symbols
    between two characters: re's compiler gives a pattern that opens with a lookbehind no set, so
    it ran the lookbehind at every character of the text, 0.30 of 0.31 CPU s of that scan on
    ../shared/corpus). The lookarounds are zero-width: the class still reads the match's first
    character, and they are tested where the scan stops as they were everywhere before."""
    c = _re_compiler
    if parsed.state.flags & c.SRE_FLAG_IGNORECASE or not parsed.data:
        return None
    data = list(parsed.data)
    while data and data[0][0] in (c.ASSERT, c.ASSERT_NOT):
        data = data[1:]
    if not data:
        return None
    op, av = data[0]
    if op is c.IN:
        body = [data[0]]
    elif op not in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)) or av[0] < 1:
        return None
    else:
        body = list(av[2])
    if len(body) != 1 or body[0][0] is not c.IN:
        return None
    items = list(body[0][1])
    if not all(op in (c.LITERAL, c.RANGE) for op, _av in items):
        return items
    # Ranges a few code points apart are tested as one (U+F0000-U+FFFFD and U+100000-U+10FFFD
    # of the private-use planes): each range costs a comparison at every character of the
    # text, and the INFO block only picks where the whole pattern is tried.
    spans = sorted((av, av) if op is c.LITERAL else av for op, av in items)
    merged = [list(spans[0])]
    for lo, hi in spans[1:]:
        if lo <= merged[-1][1] + 3:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return [(c.LITERAL, lo) if lo == hi else (c.RANGE, (lo, hi)) for lo, hi in merged]


def _ranges(chars: frozenset[str]) -> list[tuple]:
    """A set of characters as re's charset items, runs of consecutive code points as one RANGE
    (a class of every Han character is 27,000 LITERALs otherwise, slow to optimize)."""
    c = _re_compiler
    items: list[tuple] = []
    points = sorted(map(ord, chars))
    start = prev = points[0]
    for cp in points[1:] + [-1]:
        if cp != prev + 1:
            items.append((c.LITERAL, start) if start == prev else (c.RANGE, (start, prev)))
            start = cp
        prev = cp
    return items


def _codes(entry: tuple) -> list[int]:
    """The matcher program of a store entry, as the list of codes `_sre.compile` takes."""
    return array(_CODE_TYPE, _program_bytes(entry, _program_run)).tolist()


_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class _LazyPattern:
    """A compiled pattern whose matcher is made from its stored program on first use: a
    process compiles only the patterns it runs (a draft's check runs a fraction of the ~1,280
    that modules and rule packs define; unpacking and compiling them all was ~75M of its ~960M
    instructions). The first attribute other than `pattern` and `flags` compiles it and puts
    the compiled pattern's bound methods in the slots, so that later calls go straight to the
    C matcher. Two threads meeting an uncompiled pattern both compile it: the same result."""

    __slots__ = ("pattern", "flags", "_key", "_compiled") + _METHODS

    def __init__(self, pattern: str, flags: int, entry_flags: int) -> None:
        self.pattern = pattern
        self.flags = entry_flags
        self._key = flags

    def _compile(self) -> re.Pattern:
        try:
            return self._compiled
        except AttributeError:
            pass
        entry = _entry(self.pattern, self._key)
        try:
            compiled = _sre.compile(self.pattern, entry[0], _codes(entry), *entry[2:5])
        except Exception:  # a corrupt entry: let re build it
            compiled = re.compile(self.pattern, self._key)
        for name in _METHODS:
            setattr(self, name, getattr(compiled, name))
        self._compiled = compiled
        return compiled

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "_compiled":
            raise AttributeError(name)
        if name == "groupindex" and not hasattr(self, "_compiled"):  # asked when rules are built: no matcher yet
            return MappingProxyType(_entry(self.pattern, self._key)[3])
        if name == "groups" and not hasattr(self, "_compiled"):
            return _entry(self.pattern, self._key)[2]
        return getattr(self._compile(), name)

    def __repr__(self) -> str:
        return repr(self._compile())

    # Equal and hashed as its pattern and flags, without a matcher (fast_finditer's cache of a
    # rule's pattern hashes it when the catalogue is built): the same pattern and flags make
    # the same program. Not equal to a pattern re.compile made.
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _LazyPattern):
            return NotImplemented
        return (self.pattern, self.flags, self._key) == (other.pattern, other.flags, other._key)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags, self._key))

    def __copy__(self) -> _LazyPattern:
        return self

    def __deepcopy__(self, memo: Any) -> _LazyPattern:
        return self

    def __reduce__(self) -> tuple:
        return compile_regex, (self.pattern, self._key)


def _deferred(regex: re.Pattern, name: str) -> Callable:
    """`regex`'s method `name` for a caller that keeps it: a pattern not compiled yet gives a
    function that looks the method up when called, so that the matcher is made only if it runs
    (a rule's scan, made with the catalogue, runs only on a document its pre-test passes)."""
    if not isinstance(regex, _LazyPattern) or hasattr(regex, "_compiled"):
        return getattr(regex, name)
    return lambda *args: getattr(regex, name)(*args)


def bind_on_first_call(scope: dict[str, Any], name: str, pattern: re.Pattern, method: str) -> None:
    """_deferred for a generated function: put `pattern.<method>` in `scope`, its globals, as
    `name`, the pattern compiled on its first call, which puts the compiled method there for
    later calls (no wrapper left on the way). KJ601's generated tests held ~180 patterns'
    methods, compiled when the rule was built although a draft runs a few of them."""
    if not isinstance(pattern, _LazyPattern) or hasattr(pattern, "_compiled"):
        scope[name] = getattr(pattern, method)
        return

    def first_call(*args: Any) -> Any:
        found = scope[name] = getattr(pattern, method)
        return found(*args)

    scope[name] = first_call


def compile_regex(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile`, with the generated matcher program cached on disk across runs, and made
    into a matcher on first use (`_LazyPattern`). A pattern `re` rejects raises re.error here,
    as re.compile does (its program is made, or found in the store, now)."""
    flags = int(flags)
    if _sre is None:
        return re.compile(pattern, flags)
    if not isinstance(pattern, str):
        return re.compile(pattern, flags)
    entry = _entry(pattern, flags)
    return _LazyPattern(pattern, flags, entry[0])  # type: ignore[return-value]


@lru_cache(maxsize=1024)
def built_regex(pattern: str, flags: int = 0) -> re.Pattern:
    """compile_regex, kept for the process: for a pattern a check writes from what it read (an
    item's mark in its other forms), which re.search would compile in Python once per process
    (0.5-1 ms each) and compile_regex would look up and wrap at every call."""
    return compile_regex(pattern, flags)


def required_chars(pattern: str, flags: int = 0) -> str | None:
    """Characters of which every match of `pattern` contains one (None: no such small set)."""
    return _entry(pattern, int(flags))[5] if _sre is not None else None


def parse(pattern: str, flags: int = 0):
    """re's parse tree of `pattern`, for kjlint.regexinfo's analyses."""
    if _sre is None:  # pragma: no cover - Python 3.10
        import sre_parse

        return sre_parse.parse(pattern, flags)
    return _parsed.get((pattern, int(flags))) or _re_parser.parse(pattern, flags)


def backtracking_risk(pattern: str, flags: int = 0) -> str | None:
    """Why `pattern` can take exponential time (kjlint.regexinfo.backtracking_risk), or None;
    computed once and kept with the pattern's program (kjlint.regexinfo is loaded only then)."""
    if _sre is None:  # pragma: no cover - Python 3.10
        from .regexinfo import backtracking_risk as risk

        return risk(parse(pattern, flags))
    key = (pattern, int(flags))
    entry = _entry(*key)
    if entry[7] is False:
        from .regexinfo import backtracking_risk as risk

        entry = entry[:7] + (risk(parse(pattern, int(flags))),) + entry[8:]
        _store_entry(key, entry)
    return entry[7]


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """Characters one of which starts every match of `pattern` (None: no such small set)."""
    return _entry(pattern, int(flags))[6] if _sre is not None else None


def line_anchored(pattern: str, flags: int = 0) -> bool:
    """Whether every match of `pattern` starts a line (`^` in MULTILINE, `(?<![^\\n])`): then
    trying it right after each line break (see `after_chars`) is faster than after any of its
    first characters, which often include the blanks of an indentation."""
    after = _entry(pattern, int(flags))[8] if _sre is not None else None
    return after is not None and after[0] == frozenset("\n")


@lru_cache(maxsize=None)
def fast_finditer(regex: re.Pattern) -> Callable[[str], Iterator[re.Match]]:
    """`regex.finditer` through compile_regex's program (see `_with_first_chars`), also for a
    pattern made by re.compile: the same matches, tried only where one of the pattern's possible
    first characters occurs."""
    if _sre is None or not isinstance(regex.pattern, str):
        return regex.finditer
    return _deferred(compile_regex(regex.pattern, regex.flags & ~re.UNICODE), "finditer")


@lru_cache(maxsize=None)
def after_chars(pattern: str, flags: int = 0) -> Callable[[str], Iterator[re.Match]]:
    """finditer of a pattern that may start at any character but only right after one of a few
    (a form field after a space or at a line start, regexinfo.preceding_chars): the pattern is
    tried at those places only (found by one C-speed scan), not at every character. Same
    matches: a non-empty match can start nowhere else, and the search resumes where the last
    match ended, as finditer's does."""
    regex = compile_regex(pattern, flags)
    after = _entry(pattern, int(flags))[8] if _sre is not None else None
    if after is None:
        return fast_finditer(regex)
    chars, at_start = after
    # One scan, in C, for a boundary character with a match of the pattern right after it (its
    # lookbehinds see the boundary as before); Python only runs once per match.
    scan = _deferred(compile_regex(f"[{re.escape(''.join(sorted(chars)))}](?:{pattern})", flags), "search") if chars else None

    def matches(text: str) -> Iterator[re.Match]:
        m = regex.match(text) if at_start else None
        if m is not None:
            yield m
        pos = m.end() - 1 if m is not None else 0
        while scan is not None and (hit := scan(text, pos)) is not None:
            m = regex.match(text, hit.start() + 1)
            if m is None:  # pragma: no cover - the same program at the same place
                break
            yield m
            pos = m.end() - 1

    return matches


def anchors(pattern: str, flags: int = 0) -> tuple:
    """regexinfo.anchors of `pattern`, computed once and kept with its program. Kept as marshal
    bytes, decoded here: only building an anchored plan (itself cached) asks for them, and the
    store's tens of thousands of one-character strings of KJ601's alternations were decoded at
    every start (13M of a one-file run's ~600M instructions)."""
    return marshal.loads(_anchor_slot(pattern, int(flags), True)[2])


def first_rate(pattern: str, flags: int = 0) -> float | None:
    """regexinfo.first_rate of `pattern`, computed once and kept with its program."""
    return _anchor_slot(pattern, int(flags), False)[1]


def _anchor_slot(pattern: str, flags: int, full: bool) -> tuple:
    """(_ANCHORS_FORMAT, first_rate, anchors or False until asked) of a pattern: the analysis of
    an alternation that is only asked how often it starts is not made."""
    if _sre is None:  # pragma: no cover - Python 3.10
        return _ANCHORS_FORMAT, None, marshal.dumps((None, 0.0))
    key = (pattern, flags)
    entry = _entry(*key)
    stored = entry[9]
    known = isinstance(stored, tuple) and len(stored) == 3 and stored[0] == _ANCHORS_FORMAT
    if not known or (full and stored[2] is False):
        from . import regexinfo

        parsed = parse(pattern, flags)
        stored = (_ANCHORS_FORMAT, stored[1] if known else regexinfo.first_rate(parsed, flags),
                  marshal.dumps(regexinfo.anchors(parsed, flags)) if full else False)
        _store_entry(key, entry[:9] + (stored,))
    return stored


_ANCHORS_FORMAT = 4  # bump when regexinfo.anchors answers in another form: stored answers are redone


# re's own scan for patterns with first characters is kept below this estimate (regexinfo's
# nanoseconds per character): measured on ../shared/corpus, the anchors won only above it
# (KJ301's patterns with first characters, estimated 26: 0.19 s by re, 0.11 s by anchors;
# KJ207, 18: 0.22 s, 0.12 s; KJ205, 13: 0.05 s, 0.07 s; KJ604's, 5: 0.04 s, 0.08 s).
RE_SCAN_NS_AT_MOST = 15.0


_PLAN_FORMAT = 4  # bump when _anchored_plan decides otherwise: stored plans are redone


def _anchored_plan(patterns: tuple[str, ...], flags: int) -> tuple | None:
    """How anchored_finditer finds `patterns` (plain data, kept on disk): the patterns found by
    their own scan with where they start ([(pattern, 0 or -1)]), each anchor run with the
    window of starts it allows and its first characters ([(source, lo, hi, firsts)]), and the
    one regex that scans for every run; None when some pattern has neither anchors nor first
    characters."""
    from .regexinfo import SCAN_NS, TRY_NS

    runs: list[tuple[tuple[tuple[str, ...], ...], int, int]] = []
    own: list[tuple[str, int]] = []
    combined = "|".join(f"(?:{p})" for p in patterns)
    rate = first_rate(combined, flags) if first_chars(combined, flags) else None
    if rate is not None and SCAN_NS + TRY_NS * rate * len(patterns) < RE_SCAN_NS_AT_MOST:
        apart = _line_starters_apart(patterns, flags, SCAN_NS + TRY_NS * rate * len(patterns))
        if apart is None:
            return None
        own = apart
    else:
        for p in patterns:
            (found, anchor_cost), rate = anchors(p, flags), first_rate(p, flags)
            own_cost = TRY_NS * rate if rate is not None else None  # in a scan shared with others (SCAN_NS for the first)
            if found is not None and (own_cost is None or anchor_cost < own_cost + SCAN_NS):
                runs.extend(found)
            elif own_cost is not None:
                own.append((p, -1 if line_anchored(p, flags) else 0))
            else:
                return None
        if not runs:
            return None
    windows: dict[tuple[str, ...], tuple[int, int]] = {}  # each run once, with every start it allows
    for group, lo, hi in runs:
        for run in group:
            was = windows.get(run, (lo, hi))
            windows[run] = (min(lo, was[0]), max(hi, was[1]))
    from .regexinfo import first_chars as starting

    # A run's first characters from its first element's parse, and a run of plain characters as
    # the string it is: nothing compiled or stored per run (a program per run, a thousand of
    # them, made every process's start load a third more programs).
    planned = []
    for run, (lo, hi) in windows.items():
        firsts = starting(parse(run[0]), 0)
        if not firsts:  # pragma: no cover - runs start with a few characters
            return None
        planned.append(("".join(run), lo, hi, "".join(sorted(firsts)), _plain(run)))
    # One scan for every run, written as a tree of their shared beginnings (re tries each
    # alternative of a group at each place one may start: fewer, faster); a hit is then told
    # apart by its first character: the runs that can start with it are tested there.
    return [list(p) for p in own], planned, _tree(list(windows)) if windows else ""


@lru_cache(maxsize=1)
def _regexinfo_key() -> tuple:
    return file_key(os.path.join(os.path.dirname(os.path.abspath(__file__)), "regexinfo.py"))


@lru_cache(maxsize=None)
def anchored_finditer(patterns: tuple[str, ...], flags: int = 0) -> Callable[[str], Iterator[re.Match]] | None:
    """finditer of the alternation of `patterns` (as build_pattern joins them), through their
    anchors (regexinfo.anchors: rare literal runs at a bounded distance from every match's
    start), or None when some pattern has neither anchors nor first characters. For patterns
    re cannot scan for (no first characters: re runs them at every character, or after every
    blank and line break): one C-speed scan finds every place a run occurs (overlapping ones
    too); a pattern whose anchors cost more than its own scan is found by that scan (after a
    line break for one that starts lines). The alternation is tried only at the starts those
    places allow, and at the text's start, in order, resuming where the last match ended: the
    same matches as finditer, since every match starts at one of those places (and none is
    empty). On ../shared/corpus KJ204's and KJ301's patterns without first characters took
    0.04 s each this way instead of 0.34 s and 0.13 s; with first characters, re's own scan is
    faster unless it tries many alternatives at common characters (RE_SCAN_NS_AT_MOST)."""
    if _sre is None:  # pragma: no cover - Python 3.10
        return None
    # The plan is kept on disk: made anew, a thousand runs of KJ601's phrases cost each
    # process ~5 ms before it read anything. It depends on regexinfo's analyses and cost
    # estimates: keyed on that module's file, which a warm run then need not load.
    plan = load_or_build_item("anchored-plans", f"{int(flags)}\x1e" + "\x1f".join(patterns),
                              (_PLAN_FORMAT, _ANCHORS_FORMAT, RE_SCAN_NS_AT_MOST, _regexinfo_key()),
                              lambda: _anchored_plan(patterns, flags), keep=512)
    if plan is None:
        return None
    own, windows, tree = plan
    regex = compile_regex("|".join(f"(?:{p})" for p in patterns), flags)
    scan = _deferred(compile_regex(tree), "search") if tree else None
    # A run's own pattern is compiled when the scan first stops at it: a text meets few of the
    # runs, and compiling a thousand of them cost each process ~10 ms before it read anything.
    by_first: dict[str, list[tuple[str, int, int]]] = {}
    for source, lo, hi, firsts, plain in windows:
        for c in firsts:
            by_first.setdefault(c, []).append((plain or source, lo, hi))
    # Where every run a character can start has one window of starts, a place of the scan there
    # needs no test: one of those runs is there (the scan found it), and each of them allows the
    # same starts (KJ207's 共…, 新增…, 万元…: on ../shared/corpus 183k tests, most of them these).
    # The characters every match of the alternation starts with, when known: a window's other
    # starts (the 1 to 7 characters before KJ207's 工作) are not tried.
    known = first_chars("|".join(f"(?:{p})" for p in patterns), flags)
    firsts = frozenset(known) if known else None
    uniform = {c: (entries[0][1], entries[0][2]) for c, entries in by_first.items()
               if all((lo, hi) == entries[0][1:] for _s, lo, hi in entries)}
    plains = {plain for _s, _l, _h, _f, plain in windows if plain}
    tests: dict[str, Callable] = {}
    # The patterns found by their own scan: one scan for those that start lines (after a line
    # break), one for the others; each finds every place one of its patterns matches.
    own_scans = [(_deferred(compile_regex("|".join(f"(?:{p})" for p, at in own if at == k) if not k
                                          else "\\n(?:" + "|".join(f"(?:{p})" for p, at in own if at == k) + ")", flags),
                            "search"), k)
                 for k in (0, -1) if any(at == k for _p, at in own)]

    def matches(text: str) -> Iterator[re.Match]:
        starts = {0}
        add = starts.add
        hit = scan(text) if scan is not None else None
        while hit is not None:
            p = hit.start()
            window = uniform.get(text[p])
            if window is not None:
                lo, hi = window
                if lo == hi:  # most runs: the match starts at a fixed distance from the run
                    if p >= lo:
                        add(p - lo)
                else:
                    starts.update(range(max(0, p - hi), max(0, p - lo + 1)))
            else:
                for source, lo, hi in by_first[text[p]]:
                    test = tests.get(source)
                    if test is None:
                        test = tests[source] = (partial(_starts_with, source) if source in plains
                                                else compile_regex(source).match)
                    if test(text, p):
                        starts.update(range(max(0, p - hi), max(0, p - lo + 1)))
            hit = scan(text, p + 1)
        for search, at in own_scans:
            hit = search(text)
            while hit is not None:
                starts.add(hit.start() - at)
                hit = search(text, hit.start() + 1)
        pos = 0
        if firsts is not None:  # a start whose character no match starts with is not tried
            n = len(text)
            starts = [s for s in starts if s < n and text[s] in firsts]
        for s in sorted(starts):
            if s >= pos and (m := regex.match(text, s)) is not None:
                yield m
                pos = m.end()

    return matches


def _line_starters_apart(patterns: tuple[str, ...], flags: int, re_cost: float) -> list[tuple[str, int]] | None:
    """The patterns as anchored_finditer's own scans (pattern, -1 after a line break or 0
    anywhere) when that is cheaper than re's scan of their alternation (`re_cost`, regexinfo's
    nanoseconds per character), else None. re tries every alternative at each of the first
    characters of any: a pattern that starts lines opens with an indentation's blanks or a
    list's 一 and （, so the others are tried at those too. Tried after line breaks only, apart
    from the others (KJ507's list marks: 0.17 -> 0.08 CPU s on ../shared/corpus). Only for
    patterns that never match empty (finditer steps past an empty match; this does not)."""
    from .regexinfo import SCAN_NS, TRY_NS

    started = [p for p in patterns if line_anchored(p, flags)]
    rest = [p for p in patterns if p not in started]
    if not started:
        return None
    rest_rate = 0.0
    if rest:
        joined = "|".join(f"(?:{p})" for p in rest)
        if not first_chars(joined, flags):
            return None
        rest_rate = first_rate(joined, flags)
    cost = SCAN_NS * (1 + bool(rest)) + TRY_NS * (rest_rate * len(rest) + first_rate("\n") * len(started))
    # the parse last: it is not kept on disk, and most groups stop at the cost above
    if cost >= re_cost or any(parse(p, flags).getwidth()[0] == 0 for p in patterns):
        return None
    return [(p, -1 if p in started else 0) for p in patterns]


def _starts_with(literal: str, text: str, at: int) -> bool:
    return text.startswith(literal, at)


def _plain(run: tuple[str, ...]) -> str:
    """The characters a run of one-character sources stands for when none is a class or a
    special character (`年`, `\\.`), else ''."""
    chars = []
    for element in run:
        if len(element) == 1 and element not in ".^$*+?{}[]\\|()":
            chars.append(element)
        elif len(element) == 2 and element[0] == "\\" and not element[1].isalnum():
            chars.append(element[1])
        else:
            return ""
    return "".join(chars)


def trie(sequences) -> dict:
    """The sequences as nested dicts of their elements, shared beginnings once; "" marks an end."""
    tree: dict = {}
    for sequence in sequences:
        node = tree
        for element in sequence:
            node = node.setdefault(element, {})
        node[""] = {}
    return tree


def _tree(runs: list[tuple[str, ...]]) -> str:
    """A regex matching where one of `runs` (tuples of one-character sources) starts, with
    their shared beginnings written once: 年(?:工作(?:总结|计划)|上半年). A run that ends
    where a longer one goes on is enough to find the place: the longer is left out."""
    tree = trie(runs)

    def write(node: dict) -> str:
        if "" in node:
            return ""
        alternatives = [element + write(child) for element, child in node.items()]
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    if len(tree) < TREE_SPLIT_FROM or "" in tree:
        return write(tree)
    # re tries every alternative of a group at each place the scan stops (each a quick test of
    # its first character, and all of them where the one that starts there fails, as it mostly
    # does): a long group is cut into halves, each tried behind a test of its first characters
    # (KJ207's 81 runs: 0.29 -> 0.23 CPU s on half of ../shared/corpus). The same places match.
    from .regexinfo import first_chars as opening

    elements = list(tree)
    # (from each element's parse, as _anchored_plan's: no program compiled or stored per element)
    starting = ["".join(opening(parse(e), 0) or ()) for e in elements]
    if not all(starting):  # (a class too large to list)
        return write(tree)
    half = (len(elements) + 1) // 2
    parts = []
    for lo, hi in ((0, half), (half, len(elements))):
        firsts = "".join(sorted(set("".join(starting[lo:hi]))))
        parts.append(f"(?=[{re.escape(firsts)}])" + write({e: tree[e] for e in elements[lo:hi]}))
    return "(?:" + "|".join(parts) + ")"


TREE_SPLIT_FROM = 48  # runs' first elements from which _tree writes their group as two halves


@lru_cache(maxsize=None)
def finditer_alternatives(patterns: tuple[str, ...], flags: int = 0) -> Callable[[str], list[re.Match]]:
    """Matches of the alternation of `patterns`, when some of them may start at any character
    (anchored at a line start, or opening with a repeated class such as `[^:]{0,8}`): such an
    alternation cannot be tried only where its first characters occur, so the patterns with
    known first characters and the others are searched apart and their matches merged in text
    order (at one place the longer wins; none overlaps an earlier one). Named groups are kept.
    The patterns tried at every character are not tried at all in a text without any character
    they need (one C-speed scan: most of KJ601's lines have none of 网讯/报讯 that its
    line-start byline needs)."""
    groups = ([p for p in patterns if first_chars(p, flags)], [p for p in patterns if not first_chars(p, flags)])
    scans = []
    for k, group in enumerate(groups):
        if group:
            combined = "|".join(f"(?:{p})" for p in group)
            needed = required_chars(combined, flags) if k else None
            scans.append((anchored_finditer(tuple(group), flags)
                          or (after_chars(combined, flags) if k else fast_finditer(compile_regex(combined, flags))),
                          _deferred(compile_regex(f"[{re.escape(needed)}]"), "search") if needed else None))

    def matches(text: str) -> list[re.Match]:
        found = sorted((m for scan, gate in scans if gate is None or gate(text) for m in scan(text)),
                       key=lambda m: (m.start(), -m.end()))
        kept, end = [], -1
        for m in found:
            if m.start() >= end:
                kept.append(m)
                end = max(m.end(), m.start() + 1)
        return kept

    return matches


# --- patterns that can take exponential time ------------------------------------------------
# Python's `re` backtracks: `(x+x+)+y` on "xxxx…x" tries every way of cutting the x's between
# the repetitions, 2^n of them. A rule pack comes from users, so such a pattern is refused when
# the pack loads. The test is structural and conservative: in a repeated group, a repetition of
# variable length must be followed, before the group's text comes round to it again (the next
# iteration) or to another repetition that can match the same characters, by a required
# character it cannot match: `\d+(?:,\d+)*` and `[xX]+(?:[.-][xX]+)+` pass, `(a+)+`, `(x+x+)+`
# and `(\w+\s?)+` do not. Possessive repetitions (`a++`) and atomic groups never backtrack, and
# a repetition that nothing able to fail follows (the end of a pattern, `x*` after it) ends the
# match however it cut the text, so it is never retried.
