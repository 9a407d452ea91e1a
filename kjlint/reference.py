"""Reference documents for KJ1: a MinHash LSH index of their paragraphs, cached on disk.

`kjlint check draft.txt --reference DIR` compares each paragraph of the draft with the
paragraphs of earlier documents (last year's report, the template it was copied from). The
index is built once (numpy MinHash over character 3-gram shingles, LSH band keys sorted in one
array) and stored as one file in the cache directory; later runs only `stat` the reference
files to check that nothing changed, read the file and look the draft's band keys up with
`bisect`. The query path imports neither numpy nor datasketch so that a pre-commit run stays
well under a third of a second.

The MinHash scheme is defined here once and computed two ways that give identical values:
vectorized with numpy (indexing, large drafts) and in pure Python (small drafts).
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import struct
import zlib
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from .normalize import normalize_for_matching

INDEX_FORMAT = 1
MAGIC = b"KJLINT-REF\n"
M64 = (1 << 64) - 1
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


def _perm_params(num_perm: int = NUM_PERM, seed: int = SEED) -> tuple[list[int], list[int]]:
    """Multiply-shift hash functions h(x) = ((a*x + b) mod 2**64) >> 32, a odd."""
    rng = random.Random(seed)
    a = [rng.getrandbits(64) | 1 for _ in range(num_perm)]
    b = [rng.getrandbits(64) for _ in range(num_perm)]
    return a, b


PERM_A, PERM_B = _perm_params()


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
    """MinHash signature of one text, pure Python (used for small drafts: no numpy import)."""
    xs = set(shingle_hashes_py(text))
    return [min(((a * x + b) & M64) >> 32 for x in xs) for a, b in zip(PERM_A, PERM_B)]


def _fmix64_np(h):
    import numpy as np

    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> np.uint64(33))


def signatures_np(texts: Sequence[str]):
    """MinHash signatures of many texts at once, shape (len(texts), NUM_PERM), uint64 values < 2**32."""
    import numpy as np

    n = len(texts)
    if n == 0:
        return np.zeros((0, NUM_PERM), dtype=np.uint64)
    padded = [t if len(t) >= SHINGLE else t + "\0" * (SHINGLE - len(t)) for t in texts]
    lengths = np.fromiter((len(t) - SHINGLE + 1 for t in padded), dtype=np.int64, count=n)
    cps = np.frombuffer("".join(padded).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    starts = np.zeros(n, dtype=np.int64)
    np.cumsum([len(t) for t in padded[:-1]], out=starts[1:])
    # index of every shingle's first character in the concatenation
    owner = np.repeat(np.arange(n), lengths)
    first = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths) + starts[owner]
    with np.errstate(over="ignore"):
        m0, m1, m2 = (np.uint64(m) for m in _SHINGLE_MUL)
        hashes = _fmix64_np(cps[first] * m0 + cps[first + 1] * m1 + cps[first + 2] * m2) >> np.uint64(32)
        a = np.array(PERM_A, dtype=np.uint64)
        b = np.array(PERM_B, dtype=np.uint64)
        seg_starts = np.cumsum(lengths) - lengths
        out = np.empty((n, NUM_PERM), dtype=np.uint64)
        chunk = max(1, 2_000_000 // NUM_PERM)  # shingles per block: bounds memory to ~16 MB
        i = 0
        while i < n:  # blocks of whole texts, so that each block reduces whole segments
            j = i + 1
            while j < n and seg_starts[j] + lengths[j] - seg_starts[i] <= chunk:
                j += 1
            lo, hi = int(seg_starts[i]), int(seg_starts[j - 1] + lengths[j - 1])
            if j == i + 1 and hi - lo > chunk:  # one huge text: running minimum over slices
                acc = np.full(NUM_PERM, M64, dtype=np.uint64)
                for s in range(lo, hi, chunk):
                    part = (hashes[s:min(hi, s + chunk), None] * a[None, :] + b[None, :]) >> np.uint64(32)
                    acc = np.minimum(acc, part.min(axis=0))
                out[i] = acc
            else:
                block = (hashes[lo:hi, None] * a[None, :] + b[None, :]) >> np.uint64(32)
                out[i:j] = np.minimum.reduceat(block, seg_starts[i:j] - lo, axis=0)
            i = j
    return out


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
        return {"format": INDEX_FORMAT, "min_length": self.min_length, "shingle": SHINGLE,
                "num_perm": NUM_PERM, "seed": SEED, "bands": BANDS, "rows": ROWS}


def matching_text(paragraph: str) -> str:
    """The form paragraphs are compared in: normalized, digits folded (updated figures in a
    carried-over paragraph do not make it new text)."""
    return normalize_for_matching(paragraph, fold_digits=True)


@dataclass
class ReferenceIndex:
    """Paragraph-level MinHash LSH index of a set of reference documents."""

    docs: list[str]  # display names (path relative to the reference root)
    doc_paths: list[str]  # absolute paths
    para_doc: array  # 'I'
    para_line: array  # 'I'
    text_off: array  # 'Q' byte offsets into blob
    text_len: array  # 'I' byte lengths
    blob: bytes
    keys: array  # 'Q' sorted band keys
    key_para: array  # 'I' paragraph of each key
    manifest: list = field(default_factory=list)
    built: bool = False  # True when this run (re)built the index instead of reading the cache

    def text(self, para: int) -> str:
        off = self.text_off[para]
        return self.blob[off:off + self.text_len[para]].decode("utf-8")

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


def reference_files(paths: Sequence[str]) -> list[tuple[str, str]]:
    """(absolute path, display name) of every reference document under `paths`, sorted."""
    from .reading import discover

    out = []
    for raw in paths:
        root = Path(raw)
        for f in discover([raw]):
            p = Path(f)
            name = p.name if root.is_file() else p.relative_to(root).as_posix() if p.is_relative_to(root) else str(p)
            out.append((os.path.abspath(f), name))
    return out


def _manifest(files: list[tuple[str, str]]) -> list[list]:
    out = []
    for path, name in files:
        try:
            st = os.stat(path)
            out.append([path, name, st.st_size, st.st_mtime_ns])
        except OSError:
            out.append([path, name, -1, -1])
    return out


def cache_dir() -> Path:
    env = os.environ.get("KJLINT_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kjlint"


def cache_path(paths: Sequence[str], params: IndexParams) -> Path:
    ident = json.dumps({"paths": sorted(os.path.abspath(p) for p in paths), "params": params.key()},
                       sort_keys=True)
    return cache_dir() / f"reference-{hashlib.sha1(ident.encode()).hexdigest()[:16]}.idx"


def build_index(files: list[tuple[str, str]], params: IndexParams) -> ReferenceIndex:
    """Read every reference document, keep paragraphs long enough to matter, sign and band them."""
    from .reading import InputError, read_document

    docs, doc_paths, texts = [], [], []
    para_doc, para_line = array("I"), array("I")
    for path, name in files:
        try:
            doc = read_document(path)
        except InputError:
            continue  # an unreadable reference is skipped, not fatal for the draft
        d = len(docs)
        docs.append(name)
        doc_paths.append(path)
        seen = set()
        for p in doc.paragraphs:
            t = matching_text(p.text)
            if len(t) < params.min_length or t in seen:
                continue
            seen.add(t)
            texts.append(t)
            para_doc.append(d)
            para_line.append(doc.position(p.start)[0])
    encoded = [t.encode("utf-8") for t in texts]
    text_len = array("I", (len(e) for e in encoded))
    text_off = array("Q")
    pos = 0
    for e in encoded:
        text_off.append(pos)
        pos += len(e)
    blob = b"".join(encoded)
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


_ARRAYS = (("para_doc", "I"), ("para_line", "I"), ("text_off", "Q"), ("text_len", "I"),
           ("keys", "Q"), ("key_para", "I"))


def save_index(index: ReferenceIndex, path: Path, manifest: list) -> None:
    from .fixes import atomic_write_bytes

    header = {"params": None, "docs": index.docs, "doc_paths": index.doc_paths, "manifest": manifest,
              "lengths": {name: len(getattr(index, name)) for name, _ in _ARRAYS}, "blob": len(index.blob)}
    head = json.dumps(header, ensure_ascii=False).encode("utf-8")
    parts = [MAGIC, struct.pack("<Q", len(head)), head]
    parts += [getattr(index, name).tobytes() for name, _ in _ARRAYS]
    parts.append(index.blob)
    data = b"".join(parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, data + struct.pack("<I", zlib.crc32(data)))


def load_index(path: Path) -> ReferenceIndex | None:
    """The cached index, or None when it is missing, truncated or of another format."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 12:
        return None
    body, crc = data[:-4], struct.unpack("<I", data[-4:])[0]
    if zlib.crc32(body) != crc:
        return None
    pos = len(MAGIC)
    (hlen,) = struct.unpack_from("<Q", body, pos)
    pos += 8
    header = json.loads(body[pos:pos + hlen].decode("utf-8"))
    pos += hlen
    arrays = {}
    for name, code in _ARRAYS:
        a = array(code)
        size = header["lengths"][name] * a.itemsize
        a.frombytes(body[pos:pos + size])
        arrays[name] = a
        pos += size
    blob = body[pos:pos + header["blob"]]
    return ReferenceIndex(header["docs"], header["doc_paths"], blob=blob, manifest=header["manifest"], **arrays)


def open_index(paths: Sequence[str], params: IndexParams | None = None) -> ReferenceIndex:
    """The index for `paths`: read from the cache when no reference file changed, else rebuilt
    (and the cache rewritten). Checking costs one directory walk and one stat per file."""
    params = params or IndexParams()
    files = reference_files(paths)
    manifest = _manifest(files)
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


def index_from_texts(named_texts: dict[str, str], params: IndexParams | None = None) -> ReferenceIndex:
    """An in-memory index of reference texts (rule examples, library use); never cached."""
    from .document import Document

    params = params or IndexParams()
    docs, texts = list(named_texts), []
    para_doc, para_line = array("I"), array("I")
    for d, name in enumerate(docs):
        doc = Document(named_texts[name], name)
        for p in doc.paragraphs:
            t = matching_text(p.text)
            if len(t) >= params.min_length:
                texts.append(t)
                para_doc.append(d)
                para_line.append(doc.position(p.start)[0])
    encoded = [t.encode("utf-8") for t in texts]
    text_off, pos = array("Q"), 0
    for e in encoded:
        text_off.append(pos)
        pos += len(e)
    pairs = sorted((k, i) for i, t in enumerate(texts) for k in band_keys_py(signature_py(t)))
    return ReferenceIndex(docs, list(docs), para_doc, para_line, text_off, array("I", map(len, encoded)),
                          b"".join(encoded), array("Q", (k for k, _ in pairs)), array("I", (i for _, i in pairs)))


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

    if len(texts) > 300:
        keys_all = band_keys_np(signatures_np(texts)).tolist()
    else:
        keys_all = [band_keys_py(signature_py(t)) for t in texts]
    excluded = {i for i, p in enumerate(index.doc_paths) if exclude_path and p == exclude_path}
    out = []
    for text, keys in zip(texts, keys_all):
        best: dict[int, Match] = {}
        for para in index.candidates(keys):
            d = index.para_doc[para]
            if d in excluded:
                continue
            score = fuzz.ratio(text, index.text(para), score_cutoff=threshold)
            if score and (d not in best or score > best[d].score):
                best[d] = Match(para, index.docs[d], index.doc_paths[d], index.para_line[para], score)
        out.append(sorted(best.values(), key=lambda m: (-m.score, m.doc, m.line)))
    return out
