"""The fast paths of dedupe give the same values as the plain definitions they replace:
array normalization vs the string steps, compiled (numba) signing vs numpy, vectorized candidate
pairs and union-find vs brute force."""
from __future__ import annotations

import itertools
import random
from pathlib import Path

import numpy as np
import pytest

from kjlint.dedupe import DedupeConfig, NormalizeOptions, kernels
from kjlint.dedupe.cluster import union_find
from kjlint.dedupe.lsh import candidate_pairs_sorted
from kjlint.minhash import Permutations, permutations, shingle_hashes, sign_hashes
from kjlint.dedupe.normalize import canonical_code_points, normalize, normalize_reference
from kjlint.dedupe.method import sign_texts
from kjlint.dedupe.verify import overlap, shingle_set
from kjlint.normalize import to_traditional

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "dedupe"
# Pieces that exercise every branch: traditional script, pinyin, page markers, site boilerplate,
# NFKC expansions (…, ⑶, Ⅱ, ㎡, ﬁ), a character whose simplified form is outside the BMP (濆),
# Greek capital sigma (context-dependent lower case), combining marks, lone surrogates, astral
# characters, CR/LF, full-width and ideographic spaces.
PIECES = (list("总结工作計劃報告（）()āá\r\n 　\t第页-—12３…⑶Ⅱ①ＡBc_.。，,、：:Σς🙂\u0301\u09be\ud800xX×*濆İﬁ㎡")
          + ["来源：本站", "第 3 页", "- 12 -", "免责声明", "(jié)", "（xiàng）", "\U00020000", "当前位置：首页"])


def fixture_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    return texts + [to_traditional(t) for t in texts]


def random_texts(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 60))) for _ in range(count)]


@pytest.mark.parametrize("opts", [NormalizeOptions(), NormalizeOptions(drop_boilerplate=False),
                                  NormalizeOptions(drop_page_markers=False, drop_boilerplate=False),
                                  NormalizeOptions(fold_digits=True, fold_masks=True)])
def test_array_normalization_equals_the_string_steps(opts):
    texts = fixture_texts() + random_texts(1500)
    for text in texts:
        expected = normalize_reference(text, opts)
        assert normalize(text, opts) == expected, repr(text)
        cp = canonical_code_points(text, opts)
        assert cp.dtype == np.uint32 and cp.tolist() == [ord(c) for c in expected]


def test_expansion_path_is_taken_and_matches_exact_folding():
    text = "工作总结…第⑶条，面积12㎡（Ⅱ期）\n" * 3
    assert normalize(text) == normalize_reference(text) == "工作总结第3条面积12m2ii期" * 3


@pytest.fixture
def restore_kernels():
    yield
    kernels.configure("auto")


def sign_with(mode: str, texts: list[str], config: DedupeConfig):
    kernels.configure(mode)
    return sign_texts(texts, config)


@pytest.mark.parametrize("config", [DedupeConfig(), DedupeConfig(prefix_chars=3),
                                    DedupeConfig(prefix_chars=0),
                                    DedupeConfig(shingle=3, num_perm=64, prefix_perm=16, seed=9, bands=8, rows=8)])
def test_compiled_signing_equals_numpy(config, restore_kernels):
    pytest.importorskip("numba")
    texts = fixture_texts() + random_texts(200, seed=3) + ["", "a", "abcd", "abcde", "x" * 301]
    fast = sign_with("numba", texts, config)
    assert kernels.available()
    slow = sign_with("numpy", texts, config)
    assert not kernels.available()
    for name in ("sigs", "prefix", "norm_hash", "norm_len"):
        assert np.array_equal(getattr(fast, name), getattr(slow, name)), name
    # And both equal the per-document definition: signature of the canonical text and its prefix.
    perms = permutations(config.num_perm, config.seed)
    head = Permutations(perms.a[: config.prefix_perm], perms.b[: config.prefix_perm], config.seed)
    for i, text in enumerate(texts[:40]):
        canon = normalize(text, config.normalize)
        assert np.array_equal(slow.sigs[i], sign_hashes([shingle_hashes(canon, config.shingle)], perms)[0])
        assert np.array_equal(slow.prefix[i],
                              sign_hashes([shingle_hashes(canon[: config.prefix_chars], config.shingle)], head)[0])


def test_compiled_shingle_sets_and_overlap_equal_numpy(restore_kernels):
    pytest.importorskip("numba")
    texts = [normalize(t) for t in fixture_texts()] + ["", "总结", "工作总结报告"]
    results = {}
    for mode in ("numba", "numpy"):
        kernels.configure(mode)
        sets = [shingle_set(t) for t in texts]
        results[mode] = (sets, [overlap(a, b) for a, b in itertools.combinations(sets, 2)])
    assert all(np.array_equal(a, b) for a, b in zip(results["numba"][0], results["numpy"][0]))
    assert results["numba"][1] == results["numpy"][1]


def test_candidate_pairs_equal_brute_force_for_every_bucket_size():
    rng = np.random.default_rng(5)
    keys = rng.integers(0, 2**63, size=(400, 3), dtype=np.uint64)
    # Plant buckets of 2..70 documents in band 0 (above 64 a bucket is chained, not all pairs).
    start = 0
    for size in (2, 3, 4, 7, 12, 40, 64, 70):
        keys[start:start + size, 0] = np.uint64(size)
        start += size
    found = {tuple(p) for p in candidate_pairs_sorted(keys).tolist()}
    expected = set()
    for b in range(keys.shape[1]):
        buckets: dict[int, list[int]] = {}
        for i, k in enumerate(keys[:, b].tolist()):
            buckets.setdefault(k, []).append(i)
        for members in buckets.values():
            if len(members) <= 64:
                expected |= set(itertools.combinations(members, 2))
    big = [i for i in range(len(keys)) if keys[i, 0] == 70]
    assert expected <= found
    # The 70-member bucket is connected (a star plus a chain) without listing all its pairs.
    extra = found - expected
    assert extra and all(a in big and b in big for a, b in extra)
    assert len(set(union_find(len(keys), np.array(sorted(extra)))[big].tolist())) == 1


def test_union_find_labels_components_by_smallest_member():
    rng = np.random.default_rng(11)
    for _ in range(50):
        n = int(rng.integers(1, 120))
        pairs = rng.integers(0, n, size=(int(rng.integers(0, 150)), 2))
        labels = union_find(n, pairs).tolist()
        comp = list(range(n))  # brute force: relabel until stable
        changed = True
        while changed:
            changed = False
            for i, j in pairs.tolist():
                a, b = comp[i], comp[j]
                if a != b:
                    low = min(a, b)
                    comp = [low if c in (a, b) else c for c in comp]
                    changed = True
        assert labels == comp


def test_spilled_canonical_texts_give_the_same_clusters(tmp_path):
    import json
    import tempfile

    from kjlint.dedupe import dedupe
    from kjlint.records import Source

    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    corpus = tmp_path / "corpus.jsonl"
    with open(corpus, "w", encoding="utf-8") as fh:
        for i, t in enumerate(texts):
            for j, variant in enumerate((t, to_traditional(t), t[: int(len(t) * 0.7)], "\U00020000" + t)):
                fh.write(json.dumps({"id": f"{i}-{j}", "text": variant}, ensure_ascii=False) + "\n")
    import os

    mine = f"kjlint-dedupe-{os.getpid()}-*"  # other runs on the machine have their own folders
    before = set(Path(tempfile.gettempdir()).glob(mine))
    runs = {}
    for spill in (True, False):
        for jobs in (1, 2):
            result = dedupe(sources=[Source("jsonl", str(corpus))],
                            config=DedupeConfig(jobs=jobs, keep="first", spill=spill, batch=4))
            runs[spill, jobs] = [c.to_json() for c in result.clusters]
    assert runs[True, 1] and all(r == runs[True, 1] for r in runs.values())
    assert set(Path(tempfile.gettempdir()).glob(mine)) == before  # the spill file is removed
