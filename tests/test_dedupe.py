"""kjlint dedupe: signatures, normalization, clustering of realistic copies, keep policy."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from kjlint.dedupe import (Candidate, DedupeConfig, NormalizeOptions, band_keys, candidate_pairs_datasketch,
                           candidate_pairs_sorted, choose, dedupe, normalize, overlap, permutations, score_pair,
                           shingle_hash, shingle_hashes, shingle_set, shingles, sign_hashes, signature,
                           to_lean_minhash, union_find, components)
from kjlint.normalize import to_traditional

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "dedupe"
BASES = ("report_tech", "plan_edu", "duty_street")


def base(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


# ------------------------------------------------------------------ variant makers

def traditional(text: str) -> str:
    return to_traditional(text)


def truncated(text: str, share: float = 0.6) -> str:
    return text[: int(len(text) * share)] + "……（未完，全文共3000字，当前只显示1500字）"


def masked(text: str, every: int = 3) -> str:
    """Mask every `every`-th number with x's, as scraping sites do."""
    count = iter(range(10**6))
    return re.sub(r"\d+", lambda m: "x" * len(m.group()) if next(count) % every == 0 else m.group(), text)


def paged(text: str) -> str:
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines, 1):
        out.append(line)
        if i % 4 == 0:
            out.append(f"- {i // 4} -")
    return "\n".join(out)


def site_wrapped(text: str) -> str:
    header = "当前位置：首页 > 范文大全 > 工作总结\n来源：某某文库网 | 时间：2023-01-05 | 移动端\n"
    footer = "\n免责声明：本文仅供学习交流，如有侵权请联系删除。\n上一篇：某单位工作总结\n下一篇：某单位工作计划"
    return header + text + footer


def pinyin_annotated(text: str) -> str:
    return traditional(text).replace("總結", "總結(jié)").replace("關", "關(guān)").replace("報告", "報(bào)告")


VARIANTS = {"trad": traditional, "trunc": truncated, "mask": masked, "paged": paged, "site": site_wrapped,
            "pinyin": pinyin_annotated}


def write_corpus(root: Path, variants=VARIANTS) -> dict[str, set[str]]:
    """Base documents and their copies as files; returns the expected cluster of each base."""
    root.mkdir(parents=True, exist_ok=True)
    expected = {}
    for name in BASES:
        text = base(name)
        members = {f"{name}.txt"}
        (root / f"{name}.txt").write_text(text, encoding="utf-8")
        for kind, make in variants.items():
            fname = f"{name}.{kind}.txt"
            (root / fname).write_text(make(text), encoding="utf-8")
            members.add(fname)
        expected[name] = members
    for name in ("template_town_a", "template_town_b"):
        (root / f"{name}.txt").write_text(base(name), encoding="utf-8")
    return expected


def cluster_names(result) -> list[set[str]]:
    return [{Path(m.path).name for m in c.members} for c in result.clusters]


def config(tmp_path=None, **kw) -> DedupeConfig:
    kw.setdefault("jobs", 1)
    if tmp_path is not None:
        kw.setdefault("cache_dir", str(tmp_path / "cache"))
    return DedupeConfig(**kw)


# ------------------------------------------------------------------ signatures

def test_signature_equals_datasketch_minhash_and_builds_lean_minhash():
    from datasketch import LeanMinHash, MinHash

    text = normalize(base("report_tech"))
    m = MinHash(num_perm=128, seed=1, hashfunc=shingle_hash)
    m.update_batch(shingles(text))
    sig = signature(text)
    assert sig.dtype == np.uint32
    assert np.array_equal(m.hashvalues, sig)
    lean = to_lean_minhash(sig, seed=1)
    assert isinstance(lean, LeanMinHash)
    assert lean.jaccard(LeanMinHash(m)) == 1.0
    other = to_lean_minhash(signature(normalize(base("plan_edu"))))
    assert lean.jaccard(other) < 0.2


def test_scalar_and_vector_shingle_hashes_agree_including_short_texts():
    for text in ("", "总结", "工作总结报告", "a工作总结🙂报告b" * 3):
        assert [shingle_hash(s) for s in shingles(text)] == shingle_hashes(text).tolist()


def test_batched_signatures_equal_one_by_one_across_chunk_boundaries():
    texts = [normalize(base(n)) * (i + 1) for i, n in enumerate(BASES)] + [""]
    batch = sign_hashes([shingle_hashes(t) for t in texts], permutations(64, 7), chunk_rows=257)
    for t, row in zip(texts, batch):
        assert np.array_equal(row, signature(t, permutations(64, 7)))
    assert (batch[-1] == np.uint32(0xFFFFFFFF)).all()  # empty input: datasketch's empty value


def test_minhash_estimate_tracks_exact_jaccard():
    a = normalize(base("report_tech"))
    b = normalize(masked(base("report_tech"), every=2))
    exact, _ = overlap(shingle_set(a), shingle_set(b))
    est = np.mean(signature(a) == signature(b))
    assert abs(est - exact) < 0.15


# ------------------------------------------------------------------ normalization

def test_normalize_folds_script_pinyin_page_markers_and_boilerplate():
    text = base("duty_street")
    canonical = normalize(text)
    for variant in (traditional, pinyin_annotated, paged, site_wrapped):
        assert normalize(variant(text)) == canonical, variant.__name__
    assert "。" not in canonical and "\n" not in canonical
    assert re.search(r"\d", canonical)  # digits kept by default


def test_fold_options_equalize_numbers_and_masks():
    text = base("report_tech")
    assert normalize(masked(text)) != normalize(text)
    opts = NormalizeOptions(fold_digits=True, fold_masks=True)
    assert normalize(masked(text, every=1), opts) == normalize(text, opts)


def test_boilerplate_phrases_come_from_kj6_pack_when_present(tmp_path):
    from kjlint.dedupe.normalize import boilerplate_phrases

    (tmp_path / "kj6-contamination.yaml").write_text(
        "rules:\n  - code: KJ699\n    type: phrases\n    params:\n      scope: line\n      phrases: [本站独家整理]\n"
        "  - code: KJ698\n    type: phrases\n    params:\n      scope: anywhere\n      phrases: [不是行级]\n",
        encoding="utf-8")
    assert boilerplate_phrases(str(tmp_path)) == ("本站独家整理",)
    opts = NormalizeOptions(rules_dir=str(tmp_path))
    assert normalize("正文第一段。\n本站独家整理\n正文第二段。", opts) == "正文第一段正文第二段"
    assert boilerplate_phrases(str(tmp_path / "missing"))  # fallback list


# ------------------------------------------------------------------ candidates, verification, clusters

def test_sorted_band_keys_find_the_same_pairs_as_datasketch_lsh():
    rng = np.random.default_rng(3)
    sigs = rng.integers(0, 2**32, size=(300, 128), dtype=np.uint64).astype(np.uint32)
    for i in range(0, 300, 10):  # plant near-duplicates: copy most of a signature
        keep = rng.random(128) < 0.9
        sigs[i + 1] = np.where(keep, sigs[i], sigs[i + 1])
    a = candidate_pairs_sorted(band_keys(sigs))
    b = candidate_pairs_datasketch(sigs)
    assert len(a) >= 25
    assert np.array_equal(a, b)


def test_verification_accepts_truncated_copy_and_rejects_templated_reports():
    src = shingle_set(normalize(base("report_tech")))
    cut = shingle_set(normalize(truncated(base("report_tech"))))
    s = score_pair(src, cut)
    assert s.duplicate and s.jaccard < 0.7 and s.containment > 0.95
    a = shingle_set(normalize(base("template_town_a")))
    b = shingle_set(normalize(base("template_town_b")))
    assert not score_pair(a, b).duplicate


def test_union_find_components():
    labels = union_find(7, np.array([[0, 3], [3, 5], [1, 2]]))
    assert [sorted(g.tolist()) for g in components(labels)] == [[0, 3, 5], [1, 2]]


def test_copies_cluster_and_templated_reports_do_not(tmp_path):
    expected = write_corpus(tmp_path / "corpus")
    result = dedupe([str(tmp_path / "corpus")], config(tmp_path))
    assert sorted(map(sorted, cluster_names(result))) == sorted(map(sorted, expected.values()))
    assert result.documents == len(BASES) * (len(VARIANTS) + 1) + 2
    assert result.duplicates == len(BASES) * len(VARIANTS)
    # Every verified pair the clusters rest on has an exact similarity recorded.
    assert result.pairs.duplicate.sum() >= 1
    assert all(0.0 <= s <= 1.0 for s in result.similarities())
    assert set(result.timings) >= {"read+sign", "candidates", "verify+keep"}


def test_large_corpus_path_gives_the_same_clusters(tmp_path):
    write_corpus(tmp_path / "corpus")
    small = dedupe([str(tmp_path / "corpus")], config(lsh="datasketch"))
    large = dedupe([str(tmp_path / "corpus")], config(lsh="sort"))
    assert cluster_names(small) == cluster_names(large)


def test_keep_best_prefers_the_clean_copy_over_first_and_longest(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    text = base("report_tech")
    (root / "a_masked.txt").write_text(masked(text, every=4), encoding="utf-8")
    (root / "b_truncated.txt").write_text(truncated(text, 0.8), encoding="utf-8")
    (root / "c_pinyin.txt").write_text(pinyin_annotated(text), encoding="utf-8")
    (root / "d_clean.txt").write_text(text, encoding="utf-8")
    best = dedupe([str(root)], config(keep="best"))
    assert len(best.clusters) == 1
    kept = best.clusters[0].kept
    assert Path(kept.path).name == "d_clean.txt", [(m.path, m.findings, m.reason) for m in best.clusters[0].members]
    # The longer copies have findings and the shorter one cannot win: it is not linted (lazy ranking).
    assert kept.reason.startswith("best: no quality findings; the longest such copy")
    first = dedupe([str(root)], config(keep="first"))
    assert Path(first.clusters[0].kept.path).name == "a_masked.txt"
    dropped = [m for m in best.clusters[0].members if not m.kept]
    assert all("d_clean.txt" in m.reason for m in dropped)
    assert any(m.reason.startswith("truncated copy") for m in dropped)


def test_choose_policies_and_reasons():
    members = [Candidate(0, 100, 2), Candidate(1, 120, 0), Candidate(2, 130, 0)]
    assert choose(members, "best")[0] == 2
    assert "longest" in choose(members, "best")[1]
    assert choose(members, "first") == (0, "first: earliest in the input")
    assert choose(members, "longest")[0] == 2
    k, reason = choose([Candidate(0, 100, 3), Candidate(1, 90, 0)], "best")
    assert k == 1 and "fewest quality findings (0 vs 3" in reason
    with pytest.raises(ValueError):
        choose(members, "newest")


def test_lazy_ranking_keeps_what_linting_every_copy_keeps():
    """`best` lints copies in tie order, stops at the first without findings and only probes the
    ones before it, and counts a copy only until it cannot win; the kept copy is the one full
    counts give, over many random clusters, and every number it reports holds."""
    import random

    from kjlint.dedupe.keep import Candidate, choose, decisive_findings

    class Probe:
        def __init__(self, n):
            self.n, self.counted = n, False

        def has_finding(self):
            return self.n > 0

        def count(self, stop_at=None):
            if stop_at is not None and self.n >= stop_at:
                return stop_at  # the least a lower bound may be
            self.counted = True
            return self.n

    rng = random.Random(5)
    linted = 0
    for _ in range(2000):
        k = rng.randint(2, 7)
        counts = [rng.choice((0, 0, 1, 2, 3, 5)) for _ in range(k)]
        chars = [rng.choice((100, 120, 150)) for _ in range(k)]
        full = [Candidate(i, chars[i], counts[i]) for i in range(k)]
        probes = [Probe(n) for n in counts]
        order = sorted(range(k), key=lambda i: (-chars[i], i))
        found, at_least = decisive_findings(order, probes.__getitem__)
        lazy = [Candidate(i, chars[i], found.get(i), i in at_least) for i in range(k)]
        kept, reason = choose(lazy, "best")
        assert kept == choose(full, "best")[0]
        assert all(found[i] == counts[i] if i not in at_least else found[i] <= counts[i] for i in found)
        assert all(counts[i] >= counts[kept] for i in at_least)
        if at_least:
            assert reason.startswith(f"best: fewest quality findings ({counts[kept]}, at least as many")
        linted += sum(p.counted for p in probes)
    assert linted < 550  # 434 full counts; 651 counting each copy until it reached the best before it, 1,379 all


def test_boilerplate_witness_only_says_what_the_rule_reports():
    """`has_finding` takes a short line of site furniture (surely_boilerplate) as proof of a
    finding without linting: wherever it says so, KJ601 reports a whole line, on the real pages
    of fixtures/realworld and on every variant of the dedupe fixtures; and it does say so for
    a site's header and footer."""
    from kjlint.checks.contamination import surely_boilerplate
    from kjlint.dedupe.keep import QualityProbe
    from kjlint.ruletypes import rule_hits

    pages = sorted((Path(__file__).parent.parent / "fixtures" / "realworld" / "pages").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in pages]
    texts += [make(base(name)) for name in ("report_tech", "plan_edu", "duty_street") for make in VARIANTS.values()]
    said = 0
    for text in texts:
        probe = QualityProbe(text)
        rule = probe.catalog.rules["KJ601"]
        if surely_boilerplate(probe.doc, probe.ctx, rule):
            said += 1
            whole = [h for h in rule_hits(rule, probe.doc, probe.ctx)
                     if h.fields["match"] == probe.doc.lines[probe.doc.line_index(h.offset)].text.strip()]
            assert whole, text[:200]
            assert QualityProbe(text).count() > 0
    assert said >= 3 + len(pages) // 10
    assert surely_boilerplate(QualityProbe(site_wrapped(base("plan_edu"))).doc, QualityProbe("").ctx,
                              QualityProbe("").catalog.rules["KJ601"])
    assert not any(surely_boilerplate(q.doc, q.ctx, q.catalog.rules["KJ601"])
                   for q in (QualityProbe(base(name)) for name in ("report_tech", "plan_edu", "duty_street")))


def test_bounded_count_is_a_lower_bound_of_the_full_count():
    """`count(stop_at)` stops once it reaches `stop_at` and never says more than the full count,
    also when findings are folded into a boilerplate line that holds them (three KJ604 labels
    on one line of site furniture: counted before that line, they would overshoot)."""
    from kjlint.dedupe.keep import QualityProbe

    text = ("xx区科技局2021年工作总结\n今年以来，我局认真贯彻落实上级决策部署，共培育家企业，同比增长%。\n"
            "本文由文库网用户上传分享，更多精品范文(word版)(可编辑版)(精选版)请访问本站\n"
            "免责声明：本文仅供学习交流使用，如有侵权请联系删除。\n")
    full = QualityProbe(text).count()
    assert full >= 4
    for stop_at in range(1, full + 2):
        n = QualityProbe(text).count(stop_at)
        assert n <= full and (n >= stop_at or n == full), (stop_at, n, full)
    assert QualityProbe(text).count(full + 1) == full  # not reached: counted to the end, exactly


def test_bounded_count_after_a_probe_starts_with_what_the_probe_found():
    """After `has_finding`, a bounded count is still a lower bound of the full count, on every
    variant of the dedupe fixtures; and one it reaches stops there without linting the rest (a
    rule error would silently make it a full lint)."""
    from kjlint.dedupe.keep import QualityProbe

    texts = [make(base(name)) for name in ("report_tech", "plan_edu", "duty_street") for make in VARIANTS.values()]
    stopped = 0
    for text in texts:
        full = QualityProbe(text).count()
        for stop_at in range(1, full + 2):
            probe = QualityProbe(text)
            assert probe.has_finding() == (full > 0)
            n = probe.count(stop_at)
            assert n <= full and (n >= stop_at or n == full), (stop_at, n, full, text[:80])
            stopped += probe._count is None
    assert stopped > len(texts)
