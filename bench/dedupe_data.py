"""Labeled Chinese near-duplicate benchmark for `kjlint dedupe` (run by hand, not in tests).

Base documents: section-sized pieces (paragraph boundaries, ~1,500-3,500 characters) cut from
../shared/corpus when present, so pieces of different reports (same genre, same stock phrases)
are hard negatives; when more bases are needed, or without the corpus, composites of random
sentences. The base set is deduplicated first (exact canonical copies and pairs with shingle
containment >= 0.5 found by a permissive LSH) so the ground truth is clean.

Variants of a base apply one to three kinds at a time: traditional script, site header/footer,
truncation (60-95%, with or without a notice), masked numbers, page markers, pinyin annotations,
paragraph deletion/insertion/swap, punctuation width, line-break changes, character noise.

Output: JSONL records {"id", "text", "truth", "kinds"}; truth = id of the base document.
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED_CORPUS = HERE.parent.parent / "shared" / "corpus"

KINDS = ("trad", "site", "trunc", "mask", "pages", "pinyin", "para_del", "para_ins", "para_swap",
         "punct", "linebreak", "noise")
HEADERS = [
    "当前位置：首页 > 范文大全 > 工作总结",
    "来源：网络整理 | 作者：佚名 | 发布时间：2022-03-18",
    "本文由文库网用户上传分享",
    "【范文网】精选范文，欢迎阅读收藏",
    "手机版 | 网站导航 | 登录 注册",
]
FOOTERS = [
    "免责声明：本文仅供学习交流使用，如有侵权请联系删除。",
    "上一篇：年度考核个人总结　下一篇：年度工作计划范文",
    "转载请保留本文链接，谢谢！",
    "相关推荐：工作总结范文 | 述职报告 | 工作计划",
    "扫一扫，手机阅读更方便",
]
PINYIN = {"總": "zǒng", "結": "jié", "關": "guān", "報": "bào", "區": "qū", "發": "fā", "場": "chǎng",
          "國": "guó", "進": "jìn", "設": "shè", "實": "shí", "體": "tǐ", "規": "guī", "劃": "huà"}
WIDTH = str.maketrans("，。：；（）！？", ",.:;()!?")
SPLIT_SENT = re.compile(r"(?<=[。！？；])")


def _to_traditional(text: str) -> str:
    from kjlint.normalize import to_traditional

    return to_traditional(text)


def corpus_texts() -> list[str]:
    if not SHARED_CORPUS.is_dir():
        return []
    out = []
    for p in sorted(SHARED_CORPUS.glob("*/*.txt")) + sorted(SHARED_CORPUS.glob("*/*.md")):
        out.append(p.read_text(encoding="utf-8", errors="replace").replace("\r", ""))
    return out


def pieces(texts: list[str], rng: random.Random, low: int = 1500, high: int = 3500) -> list[str]:
    """Cut documents at paragraph boundaries into pieces of low..high characters."""
    out = []
    for text in texts:
        paras = [p.strip() for p in text.split("\n") if p.strip()]
        cur, size, target = [], 0, rng.randint(low, high)
        for p in paras:
            cur.append(p)
            size += len(p)
            if size >= target:
                out.append("\n".join(cur))
                cur, size, target = [], 0, rng.randint(low, high)
        if size >= low:
            out.append("\n".join(cur))
    return out


def sentence_pool(texts: list[str]) -> list[str]:
    pool = []
    for t in texts:
        for s in SPLIT_SENT.split(t.replace("\n", "")):
            if 8 <= len(s) <= 200:
                pool.append(s)
    if not pool:  # no corpus: random "sentences" of common characters
        rng = random.Random(0)
        common = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
        pool = ["".join(rng.choice(common) for _ in range(rng.randint(12, 40))) + "。" for _ in range(50000)]
    return pool


def composite(pool: list[str], rng: random.Random, chars: int) -> str:
    paras, size = [], 0
    while size < chars:
        para = "".join(rng.choice(pool) for _ in range(rng.randint(2, 5)))
        paras.append(para)
        size += len(para)
    return "\n".join(paras)


def dedupe_bases(bases: list[str]) -> list[str]:
    """Drop bases that are copies of an earlier one (permissive settings: clean ground truth)."""
    from kjlint.dedupe import DedupeConfig, VerifyOptions, dedupe
    from kjlint.records import Source
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bases.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for i, b in enumerate(bases):
                fh.write(json.dumps({"id": str(i), "text": b}, ensure_ascii=False) + "\n")
        cfg = DedupeConfig(bands=32, rows=4, keep="first", verify=VerifyOptions(jaccard=0.4, containment=0.5,
                                                                                  min_size_ratio=0.0))
        result = dedupe(sources=[Source("jsonl", str(path))], config=cfg)
    return [b for b, k in zip(bases, result.keep_mask) if k]


# ------------------------------------------------------------------ variant kinds

def _paras(t):
    return t.split("\n")


def v_trad(t, rng, ctx):
    return _to_traditional(t)


def v_site(t, rng, ctx):
    head = "\n".join(rng.sample(HEADERS, rng.randint(1, 2)))
    foot = "\n".join(rng.sample(FOOTERS, rng.randint(1, 3)))
    return f"{head}\n{t}\n{foot}"


def v_trunc(t, rng, ctx):
    cut = t[: int(len(t) * rng.uniform(0.6, 0.95))]
    return cut + rng.choice(["", "……", "\n（未完，全文共{}字，当前只显示{}字）".format(len(t), len(cut))])


def v_mask(t, rng, ctx):
    share = rng.uniform(0.3, 1.0)
    return re.sub(r"\d+", lambda m: (rng.choice(["x", "X", "×", "*"]) * len(m.group())) if rng.random() < share
                  else m.group(), t)


def v_pages(t, rng, ctx):
    ps = _paras(t)
    every = rng.randint(3, 8)
    fmt = rng.choice(["第 {} 页", "- {} -", "{}", "— {} —"])
    out = []
    for i, p in enumerate(ps, 1):
        out.append(p)
        if i % every == 0:
            out.append(fmt.format(i // every))
    return "\n".join(out)


def v_pinyin(t, rng, ctx):
    t = _to_traditional(t)
    return "".join(ch + f"({PINYIN[ch]})" if ch in PINYIN and rng.random() < 0.7 else ch for ch in t)


def v_para_del(t, rng, ctx):
    ps = _paras(t)
    if len(ps) < 6:
        return t
    for _ in range(rng.randint(1, 2)):
        ps.pop(rng.randrange(1, len(ps)))
    return "\n".join(ps)


def v_para_ins(t, rng, ctx):
    ps = _paras(t)
    other = _paras(rng.choice(ctx["bases"]))
    for _ in range(rng.randint(1, 2)):
        p = rng.choice(other)
        if len(p) > 300:
            p = p[:300]
        ps.insert(rng.randrange(1, len(ps) + 1), p)
    return "\n".join(ps)


def v_para_swap(t, rng, ctx):
    ps = _paras(t)
    if len(ps) >= 3:
        i, j = rng.sample(range(len(ps)), 2)
        ps[i], ps[j] = ps[j], ps[i]
    return "\n".join(ps)


def v_punct(t, rng, ctx):
    return t.translate(WIDTH)


def v_linebreak(t, rng, ctx):
    if rng.random() < 0.5:
        return t.replace("\n", "")  # paragraphs run together
    out = []
    for p in _paras(t):  # hard-wrapped at a fixed width
        out.extend(p[i:i + 38] for i in range(0, len(p), 38))
    return "\n".join(out)


def v_noise(t, rng, ctx):
    chars = list(t)
    for _ in range(max(1, int(len(chars) * rng.uniform(0.005, 0.02)))):
        k = rng.randrange(len(chars))
        chars[k] = chr(rng.randrange(0x4E00, 0x9FA5))
    return "".join(chars)


TRANSFORMS = {k: globals()[f"v_{k}"] for k in KINDS}


def make_variant(text: str, rng: random.Random, ctx) -> tuple[str, list[str]]:
    kinds = rng.sample(KINDS, rng.choice((1, 1, 2, 2, 3)))
    for k in kinds:
        text = TRANSFORMS[k](text, rng, ctx)
    return text, kinds


def generate(n_docs: int, seed: int = 1, dup_share: float = 0.5, real: bool = True) -> list[dict]:
    """About `n_docs` records; about `dup_share` of them are variants of a base."""
    rng = random.Random(seed)
    texts = corpus_texts() if real else []
    bases = pieces(texts, rng)
    rng.shuffle(bases)
    n_bases = max(2, int(n_docs * (1 - dup_share)))
    if len(bases) < n_bases:
        pool = sentence_pool(texts)
        bases += [composite(pool, rng, rng.randint(1500, 3500)) for _ in range(n_bases - len(bases))]
    bases = dedupe_bases(bases[:n_bases])
    ctx = {"bases": bases}
    records = [{"id": f"b{i}", "text": b, "truth": f"b{i}", "kinds": []} for i, b in enumerate(bases)]
    n_var = n_docs - len(records)
    for k in range(n_var):
        i = rng.randrange(len(bases))
        text, kinds = make_variant(bases[i], rng, ctx)
        records.append({"id": f"v{k}", "text": text, "truth": f"b{i}", "kinds": kinds})
    rng.shuffle(records)
    return records


def main(argv=None):
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dup-share", type=float, default=0.5)
    ap.add_argument("--synthetic", action="store_true", help="Do not read ../shared/corpus.")
    args = ap.parse_args(argv)
    records = generate(args.n, args.seed, args.dup_share, real=not args.synthetic)
    with open(args.out, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(records)} records -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
