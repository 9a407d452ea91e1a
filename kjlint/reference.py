"""Reference documents for KJ1: a MinHash LSH index of their paragraphs, cached on disk.

`kjlint check draft.txt --reference DIR` compares each paragraph of the draft with the
paragraphs of earlier documents (last year's report, the template it was copied from). The
index is built once (MinHash signatures of character 3-gram shingles computed with numpy, LSH
band keys sorted in one array) and stored as one file in the cache directory; later runs only
`stat` the reference files to check that nothing changed, memory-map the file and look the
draft's band keys up with `bisect`. The query path imports neither numpy nor datasketch
(datasketch pulls in scipy: 0.6 s) so that a pre-commit run stays fast; matches are confirmed
with rapidfuzz.

The MinHash scheme is defined here once and computed two ways that give identical values:
vectorized with numpy (indexing, long documents) and in pure Python (drafts).
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

from .normalize import fast_normalize
from .diskcache import cache_dir, compile_regex

INDEX_FORMAT = 1
MAGIC = b"KJLINT-REF\n"
M64 = (1 << 64) - 1
M32 = (1 << 32) - 1
SHINGLE = 3
NUM_PERM = 64
SEED = 20240521
# LSH bands x rows for NUM_PERM permutations. Chosen by datasketch's optimizer
# (datasketch.lsh._optimal_param(threshold=0.3, num_perm=64, 0.5, 0.5) -> (21, 3)); a test checks
# that they still agree. datasketch itself is not imported at run time: it pulls in scipy
# (0.6 s start-up), three times the whole budget of a pre-commit run.
LSH_THRESHOLD = 0.3
BANDS, ROWS = 21, 3
_BAND_MIX = 0x9E3779B97F4A7C15
_SHINGLE_MUL = (0x100000001B3, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9)


# One-permutation MinHash with rotation densification (Li, Owen & Zhang 2012; Shrivastava & Li
# 2014): each shingle hash goes to one of NUM_PERM bins by its low bits and the bin keeps the
# minimum of the remaining bits. A bin no shingle reached takes the value of the nearest
# non-empty bin to its right (circularly) plus distance x 2**26, so two texts still agree on a
# bin with probability ~ Jaccard. One pass over the shingles instead of NUM_PERM: a draft's
# signatures take milliseconds in pure Python.
_BIN_BITS = 6
assert 1 << _BIN_BITS == NUM_PERM
_VALUE_BITS = 32 - _BIN_BITS
EMPTY = (1 << 32) - 1


def _fmix64(h: int) -> int:
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) & M64
    h ^= h >> 33
    h = (h * 0xC4CEB9FE1A85EC53) & M64
    h ^= h >> 33
    return h


def shingle_hashes_py(text: str) -> list[int]:
    """32-bit hashes of the character 3-grams of `text` (a text shorter than 3 is one shingle)."""
    cps = [ord(c) for c in text]
    if len(cps) < SHINGLE:
        cps = cps + [0] * (SHINGLE - len(cps))
    m0, m1, m2 = _SHINGLE_MUL
    return [_fmix64((cps[i] * m0 + cps[i + 1] * m1 + cps[i + 2] * m2) & M64) >> 32
            for i in range(len(cps) - SHINGLE + 1)]


def signature_py(text: str) -> list[int]:
    """MinHash signature of one text, pure Python (used for drafts: no numpy import)."""
    sig = [EMPTY] * NUM_PERM
    mask = NUM_PERM - 1
    for h in set(shingle_hashes_py(text)):
        b, v = h & mask, h >> _BIN_BITS
        if v < sig[b]:
            sig[b] = v
    if EMPTY in sig:
        orig = list(sig)
        for i in range(NUM_PERM):
            if orig[i] == EMPTY:
                for d in range(1, NUM_PERM):
                    j = (i + d) & mask
                    if orig[j] != EMPTY:
                        sig[i] = orig[j] + (d << _VALUE_BITS)
                        break
    return sig


def _fmix64_np(h):
    import numpy as np

    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> np.uint64(33))


def signatures_np(texts: Sequence[str]):
    """Signatures of many texts at once, shape (len(texts), NUM_PERM), equal to signature_py."""
    import numpy as np

    n = len(texts)
    if n == 0:
        return np.zeros((0, NUM_PERM), dtype=np.uint64)
    padded = [t if len(t) >= SHINGLE else t + "\0" * (SHINGLE - len(t)) for t in texts]
    lengths = np.fromiter((len(t) - SHINGLE + 1 for t in padded), dtype=np.int64, count=n)
    cps = np.frombuffer("".join(padded).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    starts = np.zeros(n, dtype=np.int64)
    np.cumsum([len(t) for t in padded[:-1]], out=starts[1:])
    owner = np.repeat(np.arange(n, dtype=np.int64), lengths)
    first = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths) + starts[owner]
    with np.errstate(over="ignore"):
        m0, m1, m2 = (np.uint64(m) for m in _SHINGLE_MUL)
        hashes = _fmix64_np(cps[first] * m0 + cps[first + 1] * m1 + cps[first + 2] * m2) >> np.uint64(32)
    # Minimum per (text, bin): sort (text, bin, value) packed in one integer, keep run heads
    # (faster than np.minimum.at).
    value_bits = np.uint64(_VALUE_BITS)
    packed = ((owner.astype(np.uint64) * np.uint64(NUM_PERM) + (hashes & np.uint64(NUM_PERM - 1))) << value_bits) \
        | (hashes >> np.uint64(_BIN_BITS))
    packed.sort()
    slot = packed >> value_bits
    head = np.empty(len(slot), dtype=bool)
    head[0] = True
    np.not_equal(slot[1:], slot[:-1], out=head[1:])
    flat = np.full(n * NUM_PERM, EMPTY, dtype=np.uint64)
    flat[slot[head].astype(np.int64)] = packed[head] & np.uint64((1 << _VALUE_BITS) - 1)
    sig = flat.reshape(n, NUM_PERM)
    empty = sig == EMPTY
    if empty.any():
        rows = np.flatnonzero(empty.any(axis=1))
        orig = sig[rows]
        filled = np.tile(~empty[rows], 2)  # (rows, 2 * NUM_PERM): bins twice, for wrapping
        width = 2 * NUM_PERM
        pos = np.where(filled, np.arange(width), width)
        nxt = np.minimum.accumulate(pos[:, ::-1], axis=1)[:, ::-1]  # first non-empty at or after
        right = nxt[:, 1:NUM_PERM + 1]  # for bin i: first non-empty strictly after i
        dist = (right - np.arange(NUM_PERM)).astype(np.uint64)
        source = np.take_along_axis(orig, right % NUM_PERM, axis=1)
        dense = np.where(orig == EMPTY, source + (dist << np.uint64(_VALUE_BITS)), orig)
        sig[rows] = dense
    return sig


def band_keys_py(sig: Sequence[int]) -> list[int]:
    keys = []
    for band in range(BANDS):
        k = band + 1
        for v in sig[band * ROWS:(band + 1) * ROWS]:
            k = (k * _BAND_MIX + v) & M64
        keys.append(_fmix64(k))
    return keys


def band_keys_np(sigs):
    """LSH band keys, shape (n, BANDS), equal to band_keys_py row by row."""
    import numpy as np

    n = sigs.shape[0]
    out = np.empty((n, BANDS), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band in range(BANDS):
            k = np.full(n, band + 1, dtype=np.uint64)
            for r in range(ROWS):
                k = k * np.uint64(_BAND_MIX) + sigs[:, band * ROWS + r]
            out[:, band] = _fmix64_np(k)
    return out


def candidate_pairs(texts: Sequence[str], max_bucket: int = 64) -> set[tuple[int, int]]:
    """Pairs (earlier, later) of texts that share an LSH bucket: likely Jaccard >= LSH_THRESHOLD.

    Sub-quadratic: each text lands in BANDS buckets; a pathological bucket (formulaic text
    repeated everywhere) contributes at most `max_bucket` neighbours per member."""
    import numpy as np

    keys = band_keys_np(signatures_np(texts))
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
        return {"format": INDEX_FORMAT, "units": "paragraphs-or-sentences-300", "oph": "rotation", "digits": "each", "lengths": "chars", "min_length": self.min_length, "shingle": SHINGLE,
                "num_perm": NUM_PERM, "seed": SEED, "bands": BANDS, "rows": ROWS}


def matching_text(paragraph: str) -> str:
    """The form paragraphs are compared in: normalized, every digit folded to 0 (updated
    figures in a carried-over paragraph do not make it new text)."""
    return fast_normalize(paragraph, fold_digits=True)


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

        keys2d = band_keys_np(signatures_np(texts))
        flat = keys2d.ravel()
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

    header = {"docs": index.docs, "doc_paths": index.doc_paths, "manifest": manifest,
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
    pairs = sorted((k, i) for i, t in enumerate(texts) for k in band_keys_py(signature_py(t)))
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

    if sum(map(len, texts)) > 12_000:  # numpy's import (~0.1 s) pays off beyond this
        keys_all = band_keys_np(signatures_np(texts)).tolist()
    else:
        keys_all = [band_keys_py(signature_py(t)) for t in texts]
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
