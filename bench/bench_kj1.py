"""KJ1 benchmarks and the measurement behind the default near-duplicate threshold.

    python bench/bench_kj1.py doc        # 100,000-character draft, 2,000 paragraphs (target <= 1 s)
    python bench/bench_kj1.py index      # 1,000 reference documents indexed (target <= 10 s),
                                         # then a draft checked against the cached index,
                                         # whole process (target <= 0.3 s)
    python bench/bench_kj1.py threshold  # similarity of real distinct paragraphs vs edited copies
    python bench/bench_kj1.py phases     # CPU seconds of KJ1's parts, linting all of ../shared/corpus
    python bench/bench_kj1.py alone      # CPU seconds of KJ1's analysis alone on ../shared/corpus
    python bench/bench_kj1.py            # doc, index and threshold

Needs ../shared/corpus (real documents, not in the repository). Prints figures; asserts nothing,
because the machine is shared and timings are noisy: read the ratios.
"""
from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchenv import CORPUS, ROOT, bench_env, run_timed

IN_DOMAIN = ("national_gov_reports_wikisource", "provincial_gov_reports_2026", "district_gov_reports_hailar",
             "cpc_congress_reports_wikisource")
KJLINT = str(Path(sys.executable).with_name("kjlint"))
sys.path.insert(0, str(ROOT))


def corpus_paragraphs(min_len: int = 20) -> list[list[str]]:
    """Paragraphs of the in-domain reports (government and party reports), per document."""
    from kjlint.reading import read_document

    docs = []
    for source in IN_DOMAIN:
        for path in sorted((CORPUS / source).glob("*.txt")):
            paras = [p.text for p in read_document(path).paragraphs if len(p.text) >= min_len]
            if paras:
                docs.append(paras)
    return docs


def _timed(fn, repeat: int = 3) -> tuple[float, object]:
    """Best wall-clock time of `repeat` runs (best CPU time in TIMED_CPU)."""
    times, cpus, result = [], [], None
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    TIMED_CPU[:] = [min(cpus)]
    return min(times), result


TIMED_CPU: list[float] = [0.0]


def _process_time(args: list[str], env: dict, repeat: int = 5) -> list[float]:
    """Wall-clock seconds of each run; CPU seconds (user + sys) of the runs in CPU_TIMES."""
    times = []
    CPU_TIMES.clear()
    for _ in range(repeat):
        wall, cpu, _ = run_timed(args, env)
        times.append(wall)
        CPU_TIMES.append(cpu)
    return times


CPU_TIMES: list[float] = []


def make_draft(n_paragraphs: int = 2000, chars: int = 100_000, seed: int = 7) -> str:
    """A long draft of real report paragraphs, cut to ~50 characters each, with planted repeats."""
    rng = random.Random(seed)
    size = chars // n_paragraphs - 1
    pool = sorted({p for doc in corpus_paragraphs(min_len=size) for p in doc})
    rng.shuffle(pool)
    paras = [p[:size] for p in pool[:n_paragraphs]]
    for _ in range(20):  # some exact and edited copies, a repeated block
        i = rng.randrange(n_paragraphs // 2)
        j = rng.randrange(n_paragraphs // 2, n_paragraphs)
        paras[j] = paras[i] if rng.random() < 0.5 else paras[i][:10] + "进一步" + paras[i][13:]
    start = rng.randrange(n_paragraphs // 3)
    paras[-30:] = paras[start:start + 30]
    return "\n".join(paras) + "\n"


def bench_doc() -> None:
    from kjlint.catalog import load_catalog
    from kjlint.document import Document
    from kjlint.engine import LintOptions, lint_document, select_codes

    text = make_draft()
    catalog = load_catalog()
    codes = select_codes(catalog, ["KJ1"], [])
    doc_len = len(text)
    best, findings = _timed(lambda: lint_document(Document(text, "draft.txt"), catalog, LintOptions(codes=codes)))
    n_par = len(Document(text).paragraphs)
    print(f"doc: {doc_len} characters, {n_par} paragraphs: KJ101-KJ104 in {best:.3f} s wall, "
          f"{TIMED_CPU[0]:.3f} s CPU (best of 3, in process; {len(findings)} findings: "
          f"{', '.join(sorted({f.code for f in findings}))})")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.txt"
        path.write_text(text, encoding="utf-8")
        times = _process_time([KJLINT, "check", "--select", "KJ1", "--format", "concise", str(path)],
                              bench_env())
        print(f"doc: whole process `kjlint check --select KJ1`: min {min(times):.3f} s, "
              f"median {statistics.median(times):.3f} s wall; CPU min {min(CPU_TIMES):.3f} s")


def make_reference_set(folder: Path, n_docs: int = 1000, per_doc: int = 8000) -> None:
    """1,000 documents of about 8,000 characters, cut from the in-domain reports."""
    docs = corpus_paragraphs(min_len=1)
    flat = [p for d in docs for p in d]
    i = 0
    for k in range(n_docs):
        out, size = [], 0
        while size < per_doc:
            out.append(flat[i % len(flat)])
            size += len(out[-1]) + 1
            i += 1
        (folder / f"{2000 + k // 50}年工作总结-{k:04d}.txt").write_text("\n".join(out) + "\n", encoding="utf-8")


def bench_index() -> None:
    from kjlint import reference

    with tempfile.TemporaryDirectory() as tmp:
        refs = Path(tmp) / "refs"
        refs.mkdir()
        make_reference_set(refs)
        files = sorted(refs.glob("*.txt"))
        total = sum(len(p.read_text(encoding="utf-8")) for p in files)
        env = bench_env(KJLINT_CACHE_DIR=str(Path(tmp) / "cache"))
        os.environ["KJLINT_CACHE_DIR"] = env["KJLINT_CACHE_DIR"]
        t, cpu = time.perf_counter(), time.process_time()
        index = reference.open_index([str(refs)])
        build, build_cpu = time.perf_counter() - t, time.process_time() - cpu
        size = reference.cache_path([str(refs)], reference.IndexParams()).stat().st_size
        print(f"index: {len(files)} documents, {total} characters, {len(index)} paragraphs indexed "
              f"in {build:.2f} s wall, {build_cpu:.2f} s CPU (built={index.built}); cache file {size / 1e6:.1f} MB")
        t = time.perf_counter()
        again = reference.open_index([str(refs)])
        print(f"index: reopened from cache in {time.perf_counter() - t:.3f} s (built={again.built})")
        # A draft: one reference document with some paragraphs edited and new ones added.
        source = files[123].read_text(encoding="utf-8").splitlines()
        draft = [line[:-4] + "全面完成。" if i % 3 == 0 and len(line) > 30 else line for i, line in enumerate(source)]
        draft += ["今年新认定高新技术企业九家，技术合同成交额突破三亿元，同比增长百分之二十。"] * 1
        draft_path = Path(tmp) / "draft.txt"
        draft_path.write_text("\n".join(draft) + "\n", encoding="utf-8")
        args = [KJLINT, "check", "--select", "KJ105,KJ106", "--report-unchanged", "--reference", str(refs),
                "--format", "concise", str(draft_path)]
        out = subprocess.run(args, env=env, capture_output=True, text=True)
        summary = [line for line in out.stdout.splitlines() if "KJ106" in line or line.startswith("Found")]
        times = _process_time(args, env)
        print(f"query: draft of {len(draft)} lines against the cached index, whole process: "
              f"min {min(times):.3f} s, median {statistics.median(times):.3f} s wall; CPU min {min(CPU_TIMES):.3f} s")
        print("query: " + " | ".join(summary))
        base = _process_time([KJLINT, "check", "--select", "KJ201", "--format", "concise", str(draft_path)], env)
        print(f"query: for scale, `kjlint check --select KJ201` on the same draft: min {min(base):.3f} s wall; "
              f"CPU min {min(CPU_TIMES):.3f} s")
        (refs / files[5].name).write_text("新的内容。\n" * 3, encoding="utf-8")
        t, cpu = time.perf_counter(), time.process_time()
        rebuilt = reference.open_index([str(refs)])
        print(f"index: after changing one reference file: rebuilt={rebuilt.built} in "
              f"{time.perf_counter() - t:.2f} s wall, {time.process_time() - cpu:.2f} s CPU")


def edit(text: str, n: int, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(n):
        op = rng.choice("sid")
        pos = rng.randrange(len(chars))
        if op == "s":
            chars[pos] = rng.choice("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严")
        elif op == "i":
            chars.insert(pos, rng.choice("的一是在不了有和人这中大为上"))
        elif len(chars) > 1:
            del chars[pos]
    return "".join(chars)


def bench_threshold() -> None:
    """Best rapidfuzz similarity between distinct real paragraphs of the same report (what a
    threshold must stay above) against copies with 1-3 characters edited (what it must keep)."""
    from rapidfuzz import fuzz, process

    from kjlint.checks.duplication import paragraph_norm

    rng = random.Random(1)
    docs = corpus_paragraphs()
    distinct_best = []
    for paras in docs:
        norms = sorted({paragraph_norm(p) for p in paras if len(paragraph_norm(p)) >= 20})
        if len(norms) < 2:
            continue
        for i, a in enumerate(norms):
            others = norms[:i] + norms[i + 1:]
            hit = process.extractOne(a, others, scorer=fuzz.ratio)
            distinct_best.append(hit[1])
    edited = []
    pool = [paragraph_norm(p) for d in docs for p in d]
    pool = [p for p in pool if 20 <= len(p) <= 400]
    for p in rng.sample(pool, 3000):
        edited.append(fuzz.ratio(p, edit(p, rng.randint(1, 3), rng)))
    short = [p for p in pool if len(p) <= 40]
    edited_short = [fuzz.ratio(p, edit(p, rng.randint(1, 3), rng)) for p in rng.sample(short, min(2000, len(short)))]
    print(f"threshold: {len(distinct_best)} distinct paragraphs (>= 20 chars) in {len(docs)} reports; "
          f"{len(edited)} edited copies (1-3 edits), {len(edited_short)} of them <= 40 chars")
    print(f"{'threshold':>10} {'distinct >= t':>16} {'edited >= t':>12} {'edited <=40ch >= t':>19}")
    for t in (80, 85, 88, 90, 92, 94):
        fp = sum(s >= t for s in distinct_best) / len(distinct_best)
        rec = sum(s >= t for s in edited) / len(edited)
        rec_s = sum(s >= t for s in edited_short) / len(edited_short)
        print(f"{t:>10} {fp:>16.4f} {rec:>12.4f} {rec_s:>19.4f}")


def bench_phases(rounds: int = 3) -> None:
    """Where KJ1's time goes on the whole corpus: each part of the analysis timed (CPU, in
    process) while lint_text lints every document with the default rules; median of `rounds`."""
    from collections import Counter

    import kjlint.checks.duplication as dup
    from kjlint.engine import lint_text

    spent: Counter = Counter()

    def timed(name: str, fn):
        def run(*args, **kwargs):
            c = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - c
        return run

    parts = ("analyse", "reading_paragraphs", "build_units", "exact_pairs", "near_pairs", "Stream",
             "repeated_stretches", "first_sampled")
    saved = {name: getattr(dup, name) for name in parts}
    docs = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(CORPUS.rglob("*.txt"))]
    lint_text(*docs[0][::-1])  # imports and the catalogue, outside the timing
    figures: dict[str, list[float]] = {name: [] for name in ("lint_text",) + parts}
    try:
        for name in parts:
            setattr(dup, name, timed(name, saved[name]))
        for _ in range(rounds):
            spent.clear()
            c = time.process_time()
            for name, text in docs:
                lint_text(text, name)
            spent["lint_text"] = time.process_time() - c
            for name in figures:
                figures[name].append(spent[name])
    finally:
        for name, fn in saved.items():
            setattr(dup, name, fn)
    mb = sum(len(text.encode("utf-8")) for _, text in docs) / 1e6
    print(f"phases: {len(docs)} documents, {mb:.1f} MB, CPU seconds (median of {rounds}; nested parts "
          "are inside the ones above them: reading_paragraphs and first_sampled inside build_units and "
          "repeated_stretches; reading_paragraphs finds the furniture lines that other rules read too)")
    for name, values in figures.items():
        print(f"  {name:<20} {statistics.median(values):6.2f}")


def bench_alone(rounds: int = 3) -> None:
    """KJ1's own analysis (duplication.analyse) on every document of the corpus, nothing else
    timed: each document is read afresh and its furniture view (layout.reading_paragraphs, which
    other rules read too) worked out before the timing; median of `rounds`. Less noisy than
    `phases` on a shared machine, and the figure of issue 15's target for KJ1."""
    import kjlint.checks.duplication as dup
    from kjlint.catalog import load_catalog
    from kjlint.document import Document
    from kjlint.ruletypes import Context

    import numpy  # noqa: F401  (linting a corpus loads it: the analysis takes its numpy paths)

    catalog = load_catalog()
    docs = [(p.read_text(encoding="utf-8"), p.name) for p in sorted(CORPUS.rglob("*.txt"))]
    reading = dup.reading_paragraphs
    ready: list = [None]
    figures = []
    try:
        dup.reading_paragraphs = lambda doc, ctx: ready[0]
        for _ in range(rounds):
            spent = 0.0
            for text, name in docs:
                doc = Document(text, name)
                ready[0] = reading(doc, Context(catalog, None, None, {}))
                c = time.process_time()
                dup.analyse(doc, Context(catalog, None, None, {}))
                spent += time.process_time() - c
            figures.append(spent)
    finally:
        dup.reading_paragraphs = reading
    print(f"alone: KJ1 analysis of {len(docs)} documents, reading_paragraphs excluded: "
          f"median {statistics.median(figures):.2f} CPU s (rounds: {', '.join(f'{x:.2f}' for x in figures)})")


if __name__ == "__main__":
    if not CORPUS.is_dir():
        sys.exit(f"{CORPUS} not found: the benchmarks need the shared corpus")
    which = sys.argv[1:] or ["doc", "index", "threshold"]
    for name in which:
        {"doc": bench_doc, "index": bench_index, "threshold": bench_threshold, "phases": bench_phases,
         "alone": bench_alone}[name]()
