"""Reference documents for KJ1: a MinHash LSH index of their paragraphs, cached on disk.

`kjlint check draft.txt --reference DIR` compares each paragraph of the draft with the
paragraphs of earlier documents (last year's report, the template it was copied from). The
index is built once (MinHash signatures of character 3-gram shingles in matching form, LSH
band keys sorted in one array) and stored as one file in the cache directory; later runs only
`stat` the reference files to check that nothing changed, memory-map the file and look the
draft's band keys up with `bisect`. The MinHash is kjlint.minhash, the one `kjlint dedupe` uses
(numpy, imported only when a draft is matched; datasketch is never imported: it pulls in scipy,
0.6 s); matches are confirmed with rapidfuzz.
"""
from __future__ import annotations

import hashlib
import json
import os
import struct
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from . import minhash
from .normalize import matching_text
from .diskcache import cache_dir, compile_regex

# 2: signatures of kjlint.minhash (datasketch's affine32 scheme, dedupe's) instead of reference.py's
# own one-permutation hashing; older index files sit under another cache name and are rebuilt.
INDEX_FORMAT = 2
MAGIC = b"KJLINT-REF\n"
SHINGLE = 3
NUM_PERM = 64
SEED = 20240521
# LSH bands x rows for NUM_PERM permutations. Chosen by datasketch's optimizer
# (datasketch.lsh._optimal_param(threshold=0.3, num_perm=64, 0.5, 0.5) -> (21, 3)); a test checks
# that they still agree. datasketch itself is not imported at run time: it pulls in scipy
# (0.6 s start-up), three times the whole budget of a pre-commit run.
LSH_THRESHOLD = 0.3
BANDS, ROWS = 21, 3


# Up to this many characters, texts are signed in pure Python: cheaper than importing numpy
# (0.1 s), which signing 4,000 distinct shingles costs (about 20 µs each).
PY_MAX_CHARS = 4_000


def signatures(texts: Sequence[str]):
    """MinHash signatures (len(texts), NUM_PERM) uint32 of texts in matching form: kjlint.minhash,
    the scheme dedupe uses, over character SHINGLE-grams."""
    return minhash.signatures(texts, minhash.permutations(NUM_PERM, SEED), SHINGLE)


def band_keys(texts: Sequence[str]):
    """LSH band keys (len(texts), BANDS) uint64 of texts in matching form (numpy)."""
    return minhash.band_keys(signatures(texts), BANDS, ROWS)


def band_key_lists(texts: Sequence[str]) -> list[list[int]]:
    """`band_keys` as lists, computed without numpy for a few short texts (a draft, a rule's
    examples): the same values either way."""
    if sum(map(len, texts)) <= PY_MAX_CHARS:
        return [minhash.band_keys_py(minhash.signature_py(t, NUM_PERM, SEED, SHINGLE), BANDS, ROWS)
                for t in texts]
    return band_keys(texts).tolist()


def candidate_pairs(texts: Sequence[str], max_bucket: int = 64) -> set[tuple[int, int]]:
    """Pairs (earlier, later) of texts that share an LSH bucket: likely Jaccard >= LSH_THRESHOLD.

    Sub-quadratic: each text lands in BANDS buckets; a pathological bucket (formulaic text
    repeated everywhere) contributes at most `max_bucket` neighbours per member."""
    import numpy as np

    keys = band_keys(texts)
    n = len(texts)
    flat = keys.ravel()
    owner = np.repeat(np.arange(n), BANDS)
    order = np.argsort(flat, kind="stable")
    flat, owner = flat[order], owner[order]
    pairs: set[tuple[int, int]] = set()
    if n < 2:
        return pairs
    boundaries = np.flatnonzero(flat[1:] != flat[:-1]) + 1
    starts = np.concatenate(([0], boundaries))
    ends = np.concatenate((boundaries, [len(flat)]))
    multi = np.flatnonzero(ends - starts > 1)
    for s, e in zip(starts[multi].tolist(), ends[multi].tolist()):
        members = sorted(set(owner[s:e].tolist()))
        for x, later in enumerate(members):
            for earlier in members[max(0, x - max_bucket):x]:
                pairs.add((earlier, later))
    return pairs


# --- the on-disk index --------------------------------------------------------------------


@dataclass
class IndexParams:
    """What the index depends on besides the files: changing any of it rebuilds the index."""

    min_length: int = 20

    def key(self) -> dict:
        return {"format": INDEX_FORMAT, "units": "paragraphs-or-sentences-300", "digits": "each",
                "lengths": "chars", "min_length": self.min_length, "shingle": SHINGLE,
                "num_perm": NUM_PERM, "seed": SEED, "bands": BANDS, "rows": ROWS}


_SENTENCE_END = compile_regex(r"[。！？；!?;]+[”’」』）)]*")


@dataclass
class MatchUnit:
    """A paragraph, or a run of sentences of a long paragraph (flattened pages), compared as one."""

    start: int
    end: int
    line: int
    paragraph: int  # index among the document's paragraphs
    text: str  # matching_text of the span
    whole: bool  # the whole paragraph


def matching_units(doc, min_length: int, max_length: int = 300) -> list[MatchUnit]:
    """Paragraphs with at least `min_length` characters in matching form; a paragraph longer
    than `max_length` (a page flattened to one line) is compared sentence by sentence (short
    sentences joined to the next), so that a sentence copied into or out of it is still found."""
    out = []
    for pi, p in enumerate(doc.paragraphs):
        if len(p.text) <= max_length:  # raw length: normalizing only shortens
            text = matching_text(p.text)
            if len(text) >= min_length:
                out.append(MatchUnit(p.start, p.end, doc.position(p.start)[0], pi, text, True))
            continue
        begin = 0
        cuts = [m.end() for m in _SENTENCE_END.finditer(p.text)]
        if not cuts or cuts[-1] < len(p.text):
            cuts.append(len(p.text))
        for cut in cuts:
            t = matching_text(p.text[begin:cut])
            if len(t) >= min_length or cut == len(p.text):
                if len(t) >= min_length:
                    out.append(MatchUnit(p.start + begin, p.start + cut, doc.position(p.start + begin)[0],
                                         pi, t, False))
                begin = cut
    return out


@dataclass
class ReferenceIndex:
    """Paragraph-level MinHash LSH index of a set of reference documents."""

    docs: list[str]  # display names (path relative to the reference root)
    doc_paths: list[str]  # absolute paths
    para_doc: array  # 'I'
    para_line: array  # 'I'
    text_off: array  # 'Q' byte offsets into blob
    text_len: array  # 'I' lengths in characters (byte ranges come from text_off)
    blob: bytes
    keys: array  # 'Q' sorted band keys
    key_para: array  # 'I' paragraph of each key
    manifest: list = field(default_factory=list)
    _mmap: object = None  # keeps a memory-mapped cache file open
    built: bool = False  # True when this run (re)built the index instead of reading the cache

    def text(self, para: int) -> str:
        off = self.text_off[para]
        end = self.text_off[para + 1] if para + 1 < len(self.text_off) else len(self.blob)
        return bytes(self.blob[off:end]).decode("utf-8")

    def __len__(self) -> int:
        return len(self.para_doc)

    def candidates(self, keys: Iterable[int], limit: int = 200) -> set[int]:
        out: set[int] = set()
        arr, paras = self.keys, self.key_para
        n = len(arr)
        for k in keys:
            i = bisect_left(arr, k)
            stop = min(n, i + limit)
            while i < stop and arr[i] == k:
                out.add(paras[i])
                i += 1
        return out


def scan_references(paths: Sequence[str]) -> list[list]:
    """[absolute path, display name, size, mtime_ns] of every reference document under `paths`,
    sorted. Uses os.scandir (not pathlib) because this runs on every check: a thousand
    references cost a few milliseconds. Follows the same include rules as file discovery."""
    from fnmatch import fnmatch

    from .reading import DEFAULT_INCLUDE, SKIPPED_DIRS

    out: list[list] = []
    suffixes = tuple(pat[1:] for pat in DEFAULT_INCLUDE if pat.startswith("*.") and "*" not in pat[1:])

    def stat_row(path: str, name: str, entry=None) -> list:
        try:
            st = entry.stat() if entry is not None else os.stat(path)
            return [path, name, st.st_size, st.st_mtime_ns]
        except OSError:
            return [path, name, -1, -1]

    for raw in paths:
        root = os.path.abspath(raw)
        if os.path.isfile(root):
            out.append(stat_row(root, os.path.basename(root)))
            continue
        stack = [root]
        while stack:
            folder = stack.pop()
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir():
                    if entry.name not in SKIPPED_DIRS:
                        stack.append(entry.path)
                elif (entry.name.lower().endswith(suffixes)  # 2022.DOCX too, as in file discovery
                      or any(fnmatch(entry.name.lower(), pat) for pat in DEFAULT_INCLUDE)):
                    # entry.path is root + "/" + relative path: no relpath() per file
                    name = entry.path[len(root) + 1:].replace(os.sep, "/")
                    out.append(stat_row(entry.path, name, entry))
    out.sort()
    return out


def cache_path(paths: Sequence[str], params: IndexParams) -> Path:
    ident = json.dumps({"paths": sorted(os.path.abspath(p) for p in paths), "params": params.key()},
                       sort_keys=True)
    return cache_dir() / f"reference-{hashlib.sha1(ident.encode()).hexdigest()[:16]}.idx"


def build_index(files: Sequence[Sequence], params: IndexParams) -> ReferenceIndex:
    """Read every reference document, keep paragraphs long enough to matter, sign and band them."""
    from .reading import InputError, read_document

    docs, doc_paths, texts = [], [], []
    para_doc, para_line = array("I"), array("I")
    for path, name, *_ in files:
        try:
            doc = read_document(path)
        except InputError:
            continue  # an unreadable reference is skipped, not fatal for the draft
        d = len(docs)
        docs.append(name)
        doc_paths.append(path)
        seen = set()
        for u in matching_units(doc, params.min_length):
            if u.text in seen:
                continue
            seen.add(u.text)
            texts.append(u.text)
            para_doc.append(d)
            para_line.append(u.line)
    text_off, text_len, blob = _pack_texts(texts)
    if texts:
        import numpy as np

        flat = band_keys(texts).ravel()
        owner = np.repeat(np.arange(len(texts), dtype=np.uint32), BANDS)
        order = np.argsort(flat, kind="stable")
        keys = array("Q", flat[order].tobytes())
        key_para = array("I")
        key_para.frombytes(owner[order].astype(np.uint32).tobytes())
    else:
        keys, key_para = array("Q"), array("I")
    return ReferenceIndex(docs, doc_paths, para_doc, para_line, text_off, text_len, blob, keys, key_para,
                          built=True)


# 8-byte arrays first so that every array stays aligned in the file.
_ARRAYS = (("keys", "Q"), ("text_off", "Q"), ("key_para", "I"), ("para_doc", "I"), ("para_line", "I"),
           ("text_len", "I"))


def save_index(index: ReferenceIndex, path: Path, manifest: list) -> None:
    """One file: magic, header length, JSON header, padding to 8 bytes, arrays, texts."""
    from .fixes import atomic_write_bytes

    header = {"format": INDEX_FORMAT, "docs": index.docs, "doc_paths": index.doc_paths, "manifest": manifest,
              "lengths": {name: len(getattr(index, name)) for name, _ in _ARRAYS}, "blob": len(index.blob)}
    head = json.dumps(header, ensure_ascii=False).encode("utf-8")
    head += b" " * (-(len(MAGIC) + 8 + len(head)) % 8)
    parts = [MAGIC, struct.pack("<Q", len(head)), head]
    parts += [bytes(getattr(index, name)) if isinstance(getattr(index, name), memoryview)
              else getattr(index, name).tobytes() for name, _ in _ARRAYS]
    parts.append(bytes(index.blob))
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, b"".join(parts))


def load_index(path: Path) -> ReferenceIndex | None:
    """The cached index (memory-mapped: only the pages a query touches are read), or None when
    it is missing, truncated or of another format."""
    import mmap

    try:
        with open(path, "rb") as fh:
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    try:
        if mm[:len(MAGIC)] != MAGIC:
            return None
        pos = len(MAGIC)
        (hlen,) = struct.unpack_from("<Q", mm, pos)
        pos += 8
        header = json.loads(mm[pos:pos + hlen].decode("utf-8"))
        if header.get("format") != INDEX_FORMAT:
            return None  # written by another kjlint (another MinHash): rebuild
        pos += hlen
        view = memoryview(mm)
        arrays = {}
        for name, code in _ARRAYS:
            size = header["lengths"][name] * struct.calcsize(code)
            arrays[name] = view[pos:pos + size].cast(code)
            pos += size
        if pos + header["blob"] != len(mm):
            return None  # truncated or padded: rebuild
        blob = view[pos:pos + header["blob"]]
    except (ValueError, KeyError, struct.error, UnicodeDecodeError, TypeError):
        return None
    index = ReferenceIndex(header["docs"], header["doc_paths"], blob=blob, manifest=header["manifest"], **arrays)
    index._mmap = mm
    return index


def open_index(paths: Sequence[str], params: IndexParams | None = None) -> ReferenceIndex:
    """The index for `paths`: read from the cache when no reference file changed, else rebuilt
    (and the cache rewritten). Checking costs one directory walk and one stat per file."""
    from .reading import InputError

    params = params or IndexParams()
    for raw in paths:
        if not os.path.exists(raw):
            raise InputError(str(raw), "reference document or folder not found")
    manifest = scan_references(paths)
    files = manifest
    where = cache_path(paths, params)
    index = load_index(where)
    if index is not None and index.manifest == manifest:
        return index
    index = build_index(files, params)
    index.manifest = manifest
    try:
        save_index(index, where, manifest)
    except OSError:
        pass  # a read-only cache only costs speed
    return index


def _pack_texts(texts: Sequence[str]) -> tuple[array, array, bytes]:
    """(byte offsets, lengths in characters, UTF-8 blob) of the indexed paragraph texts."""
    encoded = [t.encode("utf-8") for t in texts]
    text_off, pos = array("Q"), 0
    for e in encoded:
        text_off.append(pos)
        pos += len(e)
    return text_off, array("I", map(len, texts)), b"".join(encoded)


def index_from_texts(named_texts: dict[str, str], params: IndexParams | None = None) -> ReferenceIndex:
    """An in-memory index of reference texts (rule examples, library use); never cached."""
    from .document import Document

    params = params or IndexParams()
    docs, texts = list(named_texts), []
    para_doc, para_line = array("I"), array("I")
    for d, name in enumerate(docs):
        doc = Document(named_texts[name], name)
        for u in matching_units(doc, params.min_length):
            texts.append(u.text)
            para_doc.append(d)
            para_line.append(u.line)
    text_off, text_len, blob = _pack_texts(texts)
    pairs = sorted((k, i) for i, row in enumerate(band_key_lists(texts)) for k in row)
    return ReferenceIndex(docs, list(docs), para_doc, para_line, text_off, text_len, blob,
                          array("Q", (k for k, _ in pairs)), array("I", (i for _, i in pairs)))


@dataclass
class Match:
    """A draft paragraph that matches a reference paragraph."""

    para: int  # reference paragraph
    doc: str
    doc_path: str
    line: int
    score: float  # rapidfuzz ratio, 0..100


def query(index: ReferenceIndex, texts: Sequence[str], threshold: float,
          exclude_path: str | None = None) -> list[list[Match]]:
    """For each draft text (already in matching form), every reference paragraph with
    similarity >= threshold (0..100), best first; at most one per reference document."""
    from rapidfuzz import fuzz

    keys_all = band_key_lists(texts)
    excluded = {i for i, p in enumerate(index.doc_paths) if exclude_path and p == exclude_path}
    out = []
    lengths = index.text_len
    for text, keys in zip(texts, keys_all):
        best: dict[int, Match] = {}
        n = len(text)
        for para in index.candidates(keys):
            d = index.para_doc[para]
            m = lengths[para]
            # the Indel ratio can reach `threshold` only if the lengths are close enough
            if d in excluded or 200 * min(n, m) < threshold * (n + m):
                continue
            score = fuzz.ratio(text, index.text(para), score_cutoff=threshold)
            if score and (d not in best or score > best[d].score):
                best[d] = Match(para, index.docs[d], index.doc_paths[d], index.para_line[para], score)
        out.append(sorted(best.values(), key=lambda m: (-m.score, m.doc, m.line)))
    return out
