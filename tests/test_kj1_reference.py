"""KJ105/KJ106: matching a draft against reference documents through the cached MinHash index."""
from __future__ import annotations

import json
import os
import time

import pytest

from helpers import run_cli
from kjlint import reference

LAST_YEAR = (
    "区科技局2022年工作总结\n"
    "一、工作情况\n"
    "全年组织辖区企业申报省级科技项目十二项，争取上级资金八百万元，带动企业研发投入。\n"
    "开展科技下乡活动五次，培训农民一千二百人次，发放技术资料三千份。\n"
    "二、存在问题\n"
    "企业研发投入不足，科技人才缺乏，科技成果转化率不高。\n"
)
OTHER = (
    "城东街道2022年上半年工作总结\n"
    "完成老旧小区改造三个，惠及居民一千零八十户，加装电梯十二部。\n"
)
DRAFT = (
    "区科技局2023年工作总结\n"
    "一、工作情况\n"
    "全年组织辖区企业申报省级科技项目十五项，争取上级资金九百万元，带动企业研发投入。\n"
    "新认定高新技术企业九家，技术合同成交额突破三亿元，同比增长两成。\n"
    "二、存在问题\n"
    "企业研发投入不足，科技人才缺乏，科技成果转化率不高。\n"
)


@pytest.fixture
def refs(tmp_path, monkeypatch):
    monkeypatch.setenv("KJLINT_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "refs"
    (folder / "old").mkdir(parents=True)
    (folder / "2022年工作总结.txt").write_text(LAST_YEAR, encoding="utf-8")
    (folder / "old" / "街道总结.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    return folder


def test_reference_minhash_is_dedupes_scheme_and_datasketchs():
    """One MinHash: the index's signatures are kjlint.minhash's (dedupe's), which datasketch
    reproduces with the same seed, permutations and shingle hash."""
    from datasketch import MinHash

    from kjlint import minhash

    texts = ["科技局工作总结", "ab", "进一步加强组织领导确保各项工作落到实处" * 3, "x" * 100]
    sigs = reference.signatures(texts)
    assert sigs.shape == (len(texts), reference.NUM_PERM) and sigs.dtype.name == "uint32"
    for text, sig in zip(texts, sigs):
        m = MinHash(num_perm=reference.NUM_PERM, seed=reference.SEED, hashfunc=minhash.shingle_hash)
        m.update_batch(minhash.shingles(text, reference.SHINGLE))
        assert sig.tolist() == m.hashvalues.tolist()
    assert (reference.band_keys(texts) == minhash.band_keys(sigs, reference.BANDS, reference.ROWS)).all()


def test_signatures_of_many_texts_in_blocks_equal_each_text_signed_alone():
    """minhash.signatures hashes all texts in one pass and signs blocks of texts; sign_hashes
    of each text's shingle hashes is the reference (datasketch's values, tested above)."""
    import random

    from kjlint import minhash

    perms = minhash.permutations(reference.NUM_PERM, reference.SEED)
    rng = random.Random(5)
    for _ in range(40):
        texts = ["".join(rng.choice("甲乙丙丁戊己庚辛ab") for _ in range(rng.choice([0, 3, 4, 9, 60, 700])))
                 for _ in range(rng.randint(1, 25))]
        alone = minhash.sign_hashes([minhash.shingle_hashes(t, 3) for t in texts], perms)
        for chunk_rows in (4096, 50, 1):  # blocks of many texts, of a few, one text in pieces
            assert (minhash.signatures(texts, perms, 3, chunk_rows) == alone).all()


def test_lsh_bands_are_datasketchs_choice_for_the_threshold():
    from datasketch.lsh import _optimal_param

    assert _optimal_param(reference.LSH_THRESHOLD, reference.NUM_PERM, 0.5, 0.5) == (reference.BANDS, reference.ROWS)


def test_minhash_estimates_jaccard():
    a = "全年组织辖区企业申报省级科技项目十二项争取上级资金八百万元带动企业研发投入开展科技下乡活动"
    b = a[:30] + "培训农民一千二百人次" + a[40:]
    sa, sb = reference.signatures([a, b]).tolist()
    estimate = sum(x == y for x, y in zip(sa, sb)) / reference.NUM_PERM
    grams = lambda t: {t[i:i + 3] for i in range(len(t) - 2)}  # noqa: E731
    exact = len(grams(a) & grams(b)) / len(grams(a) | grams(b))
    assert abs(estimate - exact) < 0.2


def test_index_is_built_once_then_reused_and_rebuilt_when_references_change(refs):
    first = reference.open_index([str(refs)])
    assert first.built and len(first) == 4 and sorted(first.docs) == ["2022年工作总结.txt", "old/街道总结.txt"]
    cache = reference.cache_path([str(refs)], reference.IndexParams())
    assert cache.is_file()
    again = reference.open_index([str(refs)])
    assert not again.built and len(again) == len(first)
    assert again.text(0) == first.text(0)
    # edited file (same size is not enough to fool it: mtime is compared too)
    target = refs / "2022年工作总结.txt"
    target.write_text(LAST_YEAR.replace("十二项", "十三项"), encoding="utf-8")
    os.utime(target, ns=(time.time_ns(), time.time_ns() + 1_000_000))
    assert reference.open_index([str(refs)]).built
    assert not reference.open_index([str(refs)]).built
    # added and removed files
    (refs / "2021年工作总结.txt").write_text(LAST_YEAR, encoding="utf-8")
    assert reference.open_index([str(refs)]).built
    (refs / "old" / "街道总结.txt").unlink()
    rebuilt = reference.open_index([str(refs)])
    assert rebuilt.built and "old/街道总结.txt" not in rebuilt.docs


def test_index_parameters_are_part_of_the_cache_key(refs):
    reference.open_index([str(refs)])
    other = reference.open_index([str(refs)], reference.IndexParams(min_length=40))
    assert other.built and len(other) < 4


def test_corrupt_or_truncated_cache_is_rebuilt(refs):
    reference.open_index([str(refs)])
    cache = reference.cache_path([str(refs)], reference.IndexParams())
    cache.write_bytes(cache.read_bytes()[:-10])
    assert reference.open_index([str(refs)]).built
    cache.write_bytes(b"garbage")
    index = reference.open_index([str(refs)])
    assert index.built and len(index) == 4


def test_query_finds_edited_paragraphs_and_ignores_new_ones(refs):
    index = reference.open_index([str(refs)])
    texts = [reference.matching_text(line) for line in DRAFT.splitlines()]
    found = reference.query(index, texts, 90)
    assert [bool(m) for m in found] == [False, False, True, False, False, True]
    best = found[2][0]
    assert (best.doc, best.line) == ("2022年工作总结.txt", 3) and 90 <= best.score < 100
    assert found[5][0].score == 100


def test_check_reports_matches_with_reference_location(refs, tmp_path):
    r = run_cli("check", "--select", "KJ105", "--reference", "refs", "--format", "json", "draft.txt", cwd=tmp_path)
    findings = json.loads(r.stdout)
    assert [(f["code"], f["line"]) for f in findings] == [("KJ105", 3), ("KJ105", 6)]
    assert findings[0]["message"].startswith("paragraph matches 2022年工作总结.txt:3 (")
    assert findings[1]["message"] == "paragraph matches 2022年工作总结.txt:6 (100%)"
    rel = findings[0]["related"][0]
    assert rel["path"] == "refs/2022年工作总结.txt" and rel["line"] == 3
    text = run_cli("check", "--select", "KJ105", "--reference", "refs", "draft.txt", cwd=tmp_path).stdout
    assert "= related: refs/2022年工作总结.txt:3:1" in text
    sarif = json.loads(run_cli("check", "--select", "KJ105", "--reference", "refs", "--format", "sarif",
                               "draft.txt", cwd=tmp_path).stdout)
    loc = sarif["runs"][0]["results"][0]["relatedLocations"][0]["physicalLocation"]
    from urllib.parse import unquote  # SARIF URIs are percent-encoded (RFC 3986)
    assert unquote(loc["artifactLocation"]["uri"]) == "refs/2022年工作总结.txt" and loc["region"]["startLine"] == 3


def test_reference_from_configuration_and_report_unchanged(refs, tmp_path):
    (tmp_path / "kjlint.toml").write_text('reference = ["refs"]\n', encoding="utf-8")
    r = run_cli("check", "--select", "KJ105,KJ106", "--format", "json", "draft.txt", cwd=tmp_path)
    assert [f["code"] for f in json.loads(r.stdout)] == ["KJ105", "KJ105"]  # KJ106 only when asked
    r = run_cli("check", "--select", "KJ105,KJ106", "--report-unchanged", "--format", "json", "draft.txt", cwd=tmp_path)
    summary = [f for f in json.loads(r.stdout) if f["code"] == "KJ106"]
    assert len(summary) == 1 and summary[0]["line"] == 1
    # two of six paragraphs; their share of the draft's characters
    assert "(2 of 6 paragraphs) is carried over from 2022年工作总结.txt" in summary[0]["message"]


def test_without_references_nothing_is_reported(tmp_path):
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    r = run_cli("check", "--select", "KJ105,KJ106", "--report-unchanged", "draft.txt", cwd=tmp_path)
    assert r.exit_code == 0


def test_a_draft_inside_the_reference_folder_is_not_matched_with_itself(refs, tmp_path):
    (refs / "draft.txt").write_text(DRAFT, encoding="utf-8")
    r = run_cli("check", "--select", "KJ105", "--reference", "refs", "--format", "json", "refs/draft.txt", cwd=tmp_path)
    assert {f["message"].split(" (")[0] for f in json.loads(r.stdout)} == {
        "paragraph matches 2022年工作总结.txt:3", "paragraph matches 2022年工作总结.txt:6"}


def test_threshold_is_a_rule_parameter(refs, tmp_path):
    (tmp_path / "kjlint.toml").write_text("[rules.KJ105]\nthreshold = 0.99\n", encoding="utf-8")
    r = run_cli("check", "--select", "KJ105", "--reference", "refs", "--format", "json", "draft.txt", cwd=tmp_path)
    assert [f["line"] for f in json.loads(r.stdout)] == [6]


def test_missing_reference_folder_is_a_clear_error(tmp_path):
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    r = run_cli("check", "--select", "KJ105", "--reference", "nowhere", "draft.txt", cwd=tmp_path)
    assert r.exit_code == 2
    assert "nowhere: reference document or folder not found" in r.stdout + r.stderr


def test_passage_of_a_flattened_page_is_matched(refs, tmp_path):
    """A scraped draft with a whole page on one line: sentence runs are compared, not the line."""
    filler = "全区新增市场主体一千二百户，新增就业岗位三千个，城乡居民收入稳步增长。" * 6
    line = filler + LAST_YEAR.splitlines()[2] + filler.replace("全区", "本区")
    (tmp_path / "flat.txt").write_text("区科技局2023年工作总结\n" + line + "\n", encoding="utf-8")
    r = run_cli("check", "--select", "KJ105", "--reference", "refs", "--format", "json", "flat.txt", cwd=tmp_path)
    findings = json.loads(r.stdout)
    assert [f["message"] for f in findings] == ["passage matches 2022年工作总结.txt:3 (100%)"]
    assert findings[0]["line"] == 2 and findings[0]["column"] > 100


def test_pure_python_and_numpy_minhash_agree():
    """Drafts and rule examples are signed without numpy, long texts with it: same keys."""
    from kjlint import minhash

    texts = ["科技局工作总结", "ab", "", "进一步加强组织领导确保各项工作落到实处" * 3, "甲乙" * 3000]
    for text in texts:
        assert reference.band_key_lists([text]) == reference.band_keys([text]).tolist()
        assert minhash.signature_py(text) == minhash.signature(text).tolist()  # dedupe's defaults


def test_permutations_are_datasketchs_draws_without_numpy():
    import numpy as np

    from kjlint import minhash

    for num_perm, seed in ((64, reference.SEED), (128, 1), (7, 42)):
        gen = np.random.RandomState(seed)
        a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
        b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
        assert minhash.permutation_draws(num_perm, seed) == (tuple(a.tolist()), tuple(b.tolist()))


def test_an_index_of_another_format_is_rebuilt(refs):
    """Index files written by an older kjlint (another MinHash) are never used."""
    reference.open_index([str(refs)])
    cache = reference.cache_path([str(refs)], reference.IndexParams())
    data = cache.read_bytes()
    old = data.replace(b'"format": %d' % reference.INDEX_FORMAT, b'"format": 1', 1)
    assert old != data
    cache.write_bytes(old)
    assert reference.load_index(cache) is None
    assert reference.open_index([str(refs)]).built
    assert not reference.open_index([str(refs)]).built
