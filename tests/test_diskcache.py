"""The start-up cache: cached regex programs, OpenCC tables and parsed packs behave exactly like
freshly built ones, and a stale or corrupt cache is rebuilt, never trusted."""
from __future__ import annotations

import re

import pytest

from helpers import run_python
from kjlint import diskcache

PATTERNS = [
    (r"(?<![A-Za-z0-9])[xX×]{2,}(?=[\u4e00-\u9fff])", 0),
    (r"^(?P<num>[一二三四五六七八九十]{1,3})、(?P<rest>.+)$", re.MULTILINE),
    (r"(?i)total\s+(\d+)", 0),
    (r"[^\t\n\r -~\x85\xa0-\ud7ff\ue000-\uffff]", 0),
]
SAMPLES = ["组织xx家企业", "一、总体情况\n二、存在问题", "TOTAL 12 items", "x86 and xx", "\x07bell", "abc"]


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KJLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(diskcache, "_programs", None)
    monkeypatch.setattr(diskcache, "_program_run", None)
    monkeypatch.setattr(diskcache, "_new_programs", 0)
    return tmp_path


def _behaviour(rx: re.Pattern) -> list:
    return [(rx.pattern, rx.flags, rx.groups, dict(rx.groupindex))] + [
        [(m.span(), m.groups(), m.groupdict()) for m in rx.finditer(s)] for s in SAMPLES]


def test_cached_programs_match_exactly_like_re_compile(fresh_cache):
    if diskcache._sre is None:
        pytest.skip("no program cache on this Python: compile_regex is re.compile")
    cold = [diskcache.compile_regex(p, f) for p, f in PATTERNS]
    diskcache.save_programs()
    assert (fresh_cache / diskcache._REGEX_FILE).exists()
    diskcache._programs = None  # as in a new process: read back from disk
    warm = [diskcache.compile_regex(p, f) for p, f in PATTERNS]
    assert diskcache._programs and len(diskcache._programs) == len(PATTERNS)
    for (p, f), a, b in zip(PATTERNS, cold, warm):
        assert _behaviour(a) == _behaviour(b) == _behaviour(re.compile(p, f))


def test_stored_programs_drop_out_of_the_collectors_walks(fresh_cache):
    """A program read back from the store is the bytes of its codes, which the collector never
    tracks: a list (layout 4) stayed tracked, and the store's 580,000 codes were walked again by
    each older generation's collection."""
    if diskcache._sre is None:
        pytest.skip("no program cache on this Python")
    import gc

    for p, f in PATTERNS:
        diskcache.compile_regex(p, f)
    diskcache.save_programs()
    diskcache._programs = None  # as in a new process: read back from disk
    programs = [diskcache._entry(p, f)[1] for p, f in PATTERNS]
    gc.collect()
    assert not any(gc.is_tracked(code) for code in programs)
    assert [diskcache.compile_regex(p, f).findall(s) for p, f in PATTERNS for s in SAMPLES] == \
        [re.compile(p, f).findall(s) for p, f in PATTERNS for s in SAMPLES]


def test_patterns_compile_on_first_use_only(fresh_cache, monkeypatch):
    """compile_regex makes the matcher from the stored program when the pattern is first used,
    not when it is defined: a process compiles only the patterns it runs (a draft's check runs
    ~400 of the ~1,300 that modules and rule packs define). `pattern`, `flags`, `groups` and
    `groupindex` come from the store without a matcher; a pattern re rejects still raises at once."""
    if diskcache._sre is None:
        pytest.skip("no program cache on this Python")
    patterns = [("(?P<year>[\u4e00-\u9fff，、：]+)年", 0), ("[^\u4e00-\u9fff。；！]{3,}", re.MULTILINE)]
    for p, f in patterns:
        diskcache.compile_regex(p, f)
    diskcache.save_programs()
    diskcache._programs = None  # as in a new process: read back from disk
    stored, run = diskcache._read_programs()  # programs stay in the mapped file: (offset, length)
    assert len(stored) == 2 and all(isinstance(entry[1], tuple) for entry in stored.values()) and run is not None
    theirs = [re.compile(p, f) for p, f in patterns]
    made = []
    real = diskcache._sre.compile
    monkeypatch.setattr(diskcache._sre, "compile", lambda *a: made.append(a[0]) or real(*a))
    ours = [diskcache.compile_regex(p, f) for p, f in patterns]
    assert [(rx.pattern, rx.flags, rx.groups, dict(rx.groupindex)) for rx in ours] == \
        [(rx.pattern, rx.flags, rx.groups, dict(rx.groupindex)) for rx in theirs]
    assert made == []
    texts = ("二〇二四年，、：年", "ab，c。\nxyz年")
    assert [ours[0].findall(s) for s in texts] == [theirs[0].findall(s) for s in texts]
    assert made == [patterns[0][0]]  # the one used, once
    assert [m.span() for rx in ours for s in texts for m in rx.finditer(s)] == \
        [m.span() for rx in theirs for s in texts for m in rx.finditer(s)]
    assert ours[1].sub("#", texts[1]) == theirs[1].sub("#", texts[1]) and len(made) == 2
    assert ours[0].search(texts[0]).re.groupindex == theirs[0].groupindex
    with pytest.raises(re.error):
        diskcache.compile_regex("[unclosed")


def test_kept_scans_compile_when_first_run(fresh_cache, monkeypatch):
    """A scan made with the catalogue (fast_finditer, after_chars, finditer_alternatives) holds
    no matcher until it runs: a rule whose pre-test fails on every document costs no compile.
    Hashing a pattern (fast_finditer's cache) makes none either."""
    if diskcache._sre is None:
        pytest.skip("no program cache on this Python")
    plain = [re.compile("(?<![0-9])[xX]{2,}"), re.compile(r"(?<![^\n ])_{3,}", re.MULTILINE),
             re.compile("[^:\n]{0,8}：甲|乙方")]
    made = []
    real = diskcache._sre.compile
    monkeypatch.setattr(diskcache._sre, "compile", lambda *a: made.append(a[0]) or real(*a))
    scans = [diskcache.fast_finditer(diskcache.compile_regex("(?<![0-9])[xX]{2,}")),
             diskcache.after_chars(r"(?<![^\n ])_{3,}", re.MULTILINE),
             diskcache.finditer_alternatives(("[^:\n]{0,8}：甲", "乙方"))]
    assert len({diskcache.compile_regex("a+b"), diskcache.compile_regex("a+b")}) == 1
    assert made == []
    text = "甲xx乙方\n___ 1XX\n签名：甲"
    assert [[m.span() for m in scan(text)] for scan in scans] == \
        [[m.span() for m in rx.finditer(text)] for rx in plain]
    assert made


def test_mapped_program_store_merges_saves_and_ignores_a_cut_file(fresh_cache):
    """A process that read its programs from the mapped store and built new ones saves both
    (and what other processes stored meanwhile); a store cut short is ignored, not misread."""
    if diskcache._sre is None:
        pytest.skip("no program cache on this Python")
    first, second = PATTERNS[:3], PATTERNS[3:]
    for p, f in first:
        diskcache.compile_regex(p, f)
    diskcache.save_programs()
    diskcache._programs = None  # a new process: its programs are mapped
    for p, f in second:
        diskcache.compile_regex(p, f)
    other = diskcache.compile_regex(PATTERNS[0][0], PATTERNS[0][1])  # used after the save below
    diskcache.save_programs()
    diskcache._programs = None
    stored, run = diskcache._read_programs()
    assert set(stored) == {(p, f) for p, f in PATTERNS} and run is not None
    for p, f in PATTERNS:
        assert _behaviour(diskcache.compile_regex(p, f)) == _behaviour(re.compile(p, f))
    assert _behaviour(other) == _behaviour(re.compile(*PATTERNS[0]))
    data = (fresh_cache / diskcache._REGEX_FILE).read_bytes()
    (fresh_cache / diskcache._REGEX_FILE).write_bytes(data[:-3])
    assert diskcache._read_programs() == ({}, None)


def test_corrupt_program_cache_is_ignored(fresh_cache):
    if diskcache._sre is None:
        pytest.skip("no program cache on this Python")
    (fresh_cache / diskcache._REGEX_FILE).write_bytes(b"\x00garbage")
    rx = diskcache.compile_regex(r"x{2,}")
    assert rx.findall("axxxb") == ["xxx"]


def test_bad_pattern_raises_re_error(fresh_cache):
    with pytest.raises(re.error):
        diskcache.compile_regex(r"(unclosed")


def test_load_or_build_rebuilds_on_key_change_and_corruption(fresh_cache):
    calls = []

    def build():
        calls.append(1)
        return {"n": len(calls)}

    assert diskcache.load_or_build("thing", ("v", 1), build) == {"n": 1}
    assert diskcache.load_or_build("thing", ("v", 1), build) == {"n": 1}  # from disk
    assert diskcache.load_or_build("thing", ("v", 2), build) == {"n": 2}  # key changed
    (fresh_cache / "thing.marshal").write_bytes(b"not marshal")
    assert diskcache.load_or_build("thing", ("v", 2), build) == {"n": 3}
    assert len(calls) == 3



def test_mapped_run_is_read_from_the_file_and_rebuilt_on_key_change_or_cut_file(fresh_cache):
    calls = []

    def build():
        calls.append(1)
        return {"n": len(calls)}, b"\nalpha\nbeta\n" * len(calls)

    def found(result, word):
        data, run, start = result
        return data, run.find(word, start) >= 0, type(run).__name__

    assert found(diskcache.load_or_build_mapped("words", 1, build), b"\nbeta\n") == ({"n": 1}, True, "bytes")
    assert found(diskcache.load_or_build_mapped("words", 1, build), b"\nbeta\n") == ({"n": 1}, True, "mmap")
    assert found(diskcache.load_or_build_mapped("words", 1, build), b"\ngamma\n")[1] is False
    assert diskcache.load_or_build_mapped("words", 2, build)[0] == {"n": 2}  # key changed
    path = fresh_cache / "words.mapped"
    path.write_bytes(path.read_bytes()[:-3])  # cut short
    data, run, start = diskcache.load_or_build_mapped("words", 2, build)
    assert data == {"n": 3} and run[start:] == b"\nalpha\nbeta\n" * 3
    path.write_bytes(b"\x00garbage")
    assert diskcache.load_or_build_mapped("words", 2, build)[0] == {"n": 4}
    assert len(calls) == 4


def test_dictionary_words_found_from_the_mapped_index(fresh_cache, monkeypatch):
    from kjlint import words

    words._word_index.cache_clear()
    built = [words.is_word(w) for w in ("思想", "工作", "想思", "思", "\ud800想")]
    words._word_index.cache_clear()  # as in a new process: the index mapped from the file
    assert [words.is_word(w) for w in ("思想", "工作", "想思", "思", "\ud800想")] == built == [True, True, False,
                                                                                          False, False]
    words._word_index.cache_clear()


def test_edited_pack_is_reparsed(tmp_path, monkeypatch):
    """A house pack edited between runs takes effect (the parse cache is keyed on the file)."""
    monkeypatch.setenv("KJLINT_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "house.yaml"
    rule = """rules:
  - code: KJ901
    name: house-word
    severity: warning
    message: "house word {{match}}"
    description: d
    rationale: r
    examples: {{bad: ["{bad}"], good: ["正文"]}}
    type: pattern
    params: {{pattern: "{word}"}}
"""
    script = ("import sys; from kjlint import lint_text; "
              "print(sorted({f.code for f in lint_text(sys.argv[1], extend_rules=[sys.argv[2]])}))")
    env = {**__import__("os").environ, "KJLINT_CACHE_DIR": str(tmp_path / "cache")}
    pack.write_text(rule.format(bad="甲方", word="甲方"), encoding="utf-8")
    out1 = run_python(script, "甲方与乙方", str(pack), env=env, check=True).stdout
    pack.write_text(rule.format(bad="乙方乙方", word="乙方乙方"), encoding="utf-8")
    out2 = run_python(script, "甲方与乙方", str(pack), env=env, check=True).stdout
    assert "KJ901" in out1
    assert "KJ901" not in out2


def test_opencc_tables_survive_the_cache(fresh_cache):
    from kjlint import normalize

    normalize._tables.cache_clear()
    cold = normalize._tables()
    normalize._tables.cache_clear()
    warm = normalize._tables()  # read back from disk
    assert cold == warm
    assert "總結".translate(warm[0]) == "总结"
    assert "總" in warm[2] and "总" in warm[3]


def test_item_store_keeps_the_latest_items_only(fresh_cache, monkeypatch):
    monkeypatch.setattr(diskcache, "_stores", {})
    for i in range(10):
        assert diskcache.load_or_build_item("things", f"item{i}", 1, lambda i=i: i * 2, keep=4) == i * 2
    assert not (fresh_cache / "things.marshal").exists()  # written once, by save_stores
    diskcache.save_stores()
    diskcache._stores.clear()  # as in a new process
    assert diskcache.load_or_build_item("things", "item9", 1, lambda: "rebuilt", keep=4) == 18
    assert diskcache.load_or_build_item("things", "item0", 1, lambda: "rebuilt", keep=4) == "rebuilt"
    assert len(diskcache._stores["things"]) == 4


def test_parameter_overrides_do_not_leak_into_later_catalogues(tmp_path, monkeypatch):
    """[rules.X] overrides change the built rule, never the cached parse of the pack."""
    from kjlint import catalog as cat_mod

    monkeypatch.setenv("KJLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(diskcache, "_stores", {})
    cat_mod._load_catalog_cached.cache_clear()
    try:
        changed = cat_mod.load_catalog(overrides={"KJ105": {"threshold": 0.99}})
        assert changed.rules["KJ105"].params["threshold"] == 0.99
        plain = cat_mod.load_catalog(overrides={"KJ201": {"severity": "info"}})
        assert plain.rules["KJ105"].params["threshold"] != 0.99
        diskcache._stores.clear()  # as in a new process, from the file on disk
        cat_mod._load_catalog_cached.cache_clear()
        assert cat_mod.load_catalog().rules["KJ105"].params["threshold"] != 0.99
    finally:
        cat_mod._load_catalog_cached.cache_clear()


# Patterns for which re's compiler finds no first character but regexinfo.first_chars does: the
# cached program carries them (SRE_INFO_CHARSET) so that search and finditer skip in C.
OPENING_UNKNOWN_TO_RE = [
    r"(?<![0-9])[xX×]{2,}",  # a lookbehind first
    r"(?:(?<=[如见])|(?<![一-龥]))[图表]\d+",
    r"\b[A-Z][a-z]+|[甲乙]方",  # \b and a group of alternatives
    r"(?:第\d+页|共\d+页)",
    r"[ab]?c+d",  # an optional part first
    # a class too large to list, repeated: re sets a class only when it is not repeated
    "[\ue000-\uf8ff\U000f0000-\U000ffffd]+",
    r"[\s\u3000]+",  # \s as a str pattern means it: Unicode blanks, the ideographic space too
    r"\w{2,}x",
    "[^a\n]+b",
    # too large to list; tried from b to d: c, between the class's ranges, starts no match
    "[\u4e00-\u9fffb\ufa00-\ufaffd]+c",
    # one class too large to list after lookarounds (KJ703's symbols between two characters):
    # re gives a pattern opening with a lookbehind no set
    "(?<=[\u4e00-\u9fff])[\u2200-\u2235\u2237-\u22ffx](?=[\u4e00-\u9fff])",
    "(?<![a\n])(?=[^b])[\u4e00-\u9fffcd]{2}",
]


def test_programs_skip_to_possible_first_characters_and_match_like_re(fresh_cache):
    if diskcache._sre is None:
        pytest.skip("no program cache on this Python")
    import random
    from re import _constants

    rng = random.Random(7)
    alphabet = "xX×0如见图表12Ab甲乙方第页共cd ba\n\u3000\u2003\t\ue000\uf8ff\U000f0001_\u2200\u2236\u22ff"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(300)]
    for pattern in OPENING_UNKNOWN_TO_RE:
        assert diskcache._codes(diskcache._entry(pattern, 0))[2] == _constants.SRE_INFO_CHARSET, pattern
        ours, theirs = diskcache.compile_regex(pattern), re.compile(pattern)
        for text in texts:
            assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]
            assert ours.sub("#", text) == theirs.sub("#", text)
    # a pattern anchored at the start keeps re's one-position search; one that can match "" gets no set
    assert diskcache._codes(diskcache._entry(r"^(?:[ab]|\bc)", 0))[2] == 0
    assert diskcache._codes(diskcache._entry(r"(?<!a)b*", 0))[2] == 0
    assert diskcache._codes(diskcache._entry(r"[a-z]+", re.IGNORECASE))[2] == 0  # a repeated class, case ignored: as re made it


def test_shared_class_optimization_gives_re_own_program():
    """_program optimizes each distinct character class once per process (kjlint.diskcache
    _shared_charset): the program must be the one re's compiler makes, classes repeated or not,
    and re's own compiler is left as it was."""
    if diskcache._sre is None:
        pytest.skip("no program cache on this Python")
    from re import _compiler, _parser

    plain = _compiler._optimize_charset
    patterns = [(r"[\u4e00-\u9fff]{2,}[，。][\u4e00-\u9fff]+", 0), (r"[^\u4e00-\u9fff\s]+[\u4e00-\u9fff]", 0),
                (r"(?i)[a-z\u00e0-\u00ff]+[xX×]", 0), (r"[\U00020000-\U0002a6df\u3400-\u4dbf]", 0),
                (r"[ \t\u3000]*\d{1,3}[、.．]", re.MULTILINE)] * 2  # the second round comes from the memo
    for p, f in patterns:
        assert diskcache._program(_parser.parse(p, f), f) == [int(op) for op in _compiler._code(_parser.parse(p, f), f)]
    assert _compiler._optimize_charset is plain


_WORKER_SAVE_SCRIPT = """
import os, sys
from kjlint import diskcache, runner
folder = sys.argv[1]
for i in range(8):
    with open(os.path.join(folder, f"d{i}.txt"), "w", encoding="utf-8") as fh:
        fh.write("关于2024年工作总结\\n一、主要工作\\n全年组织企业申报项目十二项。\\n来源：某某网 责任编辑：张三\\n")
if sys.argv[2] == "catalogue":  # the programs of the catalogue alone, stored as a run stores them
    runner.catalog_for(runner.Settings()); diskcache.save_programs()
else:
    runner.WORKER_SAVE_PROGRAMS = int(sys.argv[2])
    runner.lint_paths([folder], jobs=2)
print(len(diskcache._read_programs()[0]))
os._exit(0)  # before the exit hooks: what the run stored while it linted
"""


def test_parallel_workers_store_what_they_compiled(tmp_path):
    """A worker ends without exit hooks: the patterns rules compile on first use are stored by
    the run, or every parallel run compiles them again in each worker. Those of the first file
    are compiled and stored by the parent (it lints one file before forking); the workers store
    what they compile beyond them (at least WORKER_SAVE_PROGRAMS)."""
    if diskcache._sre is None:
        pytest.skip("no program cache on this Python")
    import os

    counts = []
    for threshold in ("catalogue", "32", str(10 ** 9)):  # none linted; stored by the workers; not by them
        docs, cache = tmp_path / f"docs{threshold}", tmp_path / f"cache{threshold}"
        docs.mkdir()
        env = {**os.environ, "KJLINT_CACHE_DIR": str(cache)}
        out = run_python(_WORKER_SAVE_SCRIPT, str(docs), threshold, env=env, check=True).stdout
        counts.append(int(out))
    assert counts[1] >= counts[2] > counts[0] + 32


def test_anchors_stored_in_another_form_are_redone(fresh_cache):
    """A pattern's anchors kept by an older kjlint (another form in the same slot) are found
    again, not read as runs."""
    pattern, flags = "(?<=[到至])的(?=[0-9])", 0
    expected = diskcache.anchors(pattern, flags)
    key = (pattern, flags)
    diskcache._programs[key] = diskcache._entry(*key)[:9] + (((("[到至]的[0-9]", -1, -1),), 0.1, None),)
    assert diskcache.anchors(pattern, flags) == expected
    assert expected[0] == (((("[到至]", "的", "[0123456789]"),), -1, -1),)
    assert diskcache.first_rate(pattern, flags) is not None  # 的


def test_anchored_plan_read_back_from_disk_finds_what_re_finds(fresh_cache, monkeypatch):
    """anchored_finditer's plan (runs, windows, the scan's tree) is kept on disk; a later
    process that reads it back, with plain runs tested as strings and the others compiled when
    first met, finds finditer's matches."""
    patterns = (r"[^\n，。]{0,6}新增(?:台次|户次)", r"[^\n，。]{0,4}(?:累计|达到)[个件\.]家", r"[^\n]{0,3}新\.增")
    texts = ["今年新增台次，累计个家；达到.家。", "x新.增y", "没有", "新增户次新增台次\n达到件家"] * 3
    rx = re.compile("|".join(f"(?:{p})" for p in patterns))
    built = diskcache.anchored_finditer.__wrapped__(patterns)
    assert built is not None
    diskcache.save_stores()
    monkeypatch.setattr(diskcache, "_stores", {})
    read_back = diskcache.anchored_finditer.__wrapped__(patterns)
    assert "anchored-plans" in diskcache._stores and diskcache._stores["anchored-plans"]
    for text in texts:
        expected = [m.span() for m in rx.finditer(text)]
        assert [m.span() for m in built(text)] == expected == [m.span() for m in read_back(text)], text


def test_anchored_finditer_tests_no_run_where_one_window_holds(monkeypatch):
    """Where every run a character starts allows the same window of starts, a place of the
    scan there is not tested run by run (the scan proves one is there): KJ207's 共培育家, 共家,
    共计户次… all start their match where they stand. Matches stay finditer's; the runs of a
    character with several windows (万元 / 万多元 apart from 万以上) are still tested."""
    patterns = (r"(?<![公总一])共(?:(?:培育|新增|认定)[家个项]|[家个项])(?=[\u4e00-\u9fff])",
                r"(?<![0-9])(?:万|亿)[多余]元", r"[^\n，。]{0,3}万以上")
    texts = ["共培育家企业，共家单位，公共家园", "经费万多元，其中：万以上项目", "共认定个", "没有"] * 2
    rx = re.compile("|".join(f"(?:{p})" for p in patterns))
    matches = diskcache.anchored_finditer.__wrapped__(patterns)
    assert matches is not None
    tested = []  # the runs compiled to be tested (when first met) or tested as strings
    real_compile, real_starts = diskcache.compile_regex, diskcache._starts_with
    monkeypatch.setattr(diskcache, "compile_regex", lambda p, f=0: tested.append(p) or real_compile(p, f))
    monkeypatch.setattr(diskcache, "_starts_with", lambda literal, text, at: tested.append(literal) or real_starts(literal, text, at))
    for text in texts:
        assert [m.span() for m in matches(text)] == [m.span() for m in rx.finditer(text)], text
    assert "[万亿][余多]元" in tested and "万以上" in tested  # 万: two windows, each run tested
    assert not [run for run in tested if run.startswith("共")]


def test_a_long_tree_of_runs_is_split_in_two_halves_that_match_the_same_places():
    """_tree writes a group of TREE_SPLIT_FROM first elements or more as two halves, each behind a
    test of its first characters (re tries every alternative of one group where each fails): the
    scan must stop at the same places as the alternation of the runs."""
    import random

    rng = random.Random(11)
    heads = [chr(0x4e00 + i) for i in range(diskcache.TREE_SPLIT_FROM + 12)] + ["[xy]", "\\."]
    runs = sorted({(rng.choice(heads), *rng.sample(["a", "b", "[cd]", "年", "\\?"], rng.randint(0, 2)))
                   for _ in range(150)})
    tree = diskcache._tree(runs)
    assert tree.startswith("(?:(?=[") and tree.count("(?=[") == 2  # split
    plain = re.compile("|".join("".join(run) for run in runs))
    ours = diskcache.compile_regex(tree)
    alphabet = "".join(heads[:20]) + heads[-3] + "xyabcd年?.\n "
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        places = [p for p in range(len(text) + 1) if plain.match(text, p)]
        found, hit = [], ours.search(text)
        while hit is not None:
            found.append(hit.start())
            hit = ours.search(text, hit.start() + 1)
        assert found == places, (text, found, places)
    few = diskcache._tree(runs[:10])
    assert "(?=[" not in few  # a short group as it was


def test_generated_functions_run_from_their_stored_code(fresh_cache, monkeypatch):
    """A function kjlint writes out (KJ601's gates) is compiled once: a later process runs the
    stored code, and another source gets its own code, never a stale one."""
    monkeypatch.setattr(diskcache, "_stores", {})
    compiled = []
    real_compile = compile
    # (only the generated code's compiles are counted: a module imported meanwhile, its bytecode not
    # yet cached in a fresh clone, is compiled through the same builtin)
    monkeypatch.setattr("builtins.compile", lambda *a, **k: (a[1:2] == ("<test>",) and compiled.append(a[0]))
                        or real_compile(*a, **k))
    scope: dict = {"_t": re.compile("通知").search}
    diskcache.exec_generated("def passes(text):\n    return _t(text) is not None", scope, "<test>")
    assert scope["passes"]("关于通知") and not scope["passes"]("报告")
    diskcache.save_stores()
    monkeypatch.setattr(diskcache, "_stores", {})  # as in a new process: read back from disk
    again: dict = {"_t": re.compile("报告").search}
    diskcache.exec_generated("def passes(text):\n    return _t(text) is not None", again, "<test>")
    assert again["passes"]("工作报告") and len(compiled) == 1
    other: dict = {}
    diskcache.exec_generated("def passes(text):\n    return False", other, "<test>")
    assert other["passes"]("工作报告") is False and len(compiled) == 2


def test_traditional_forms_of_patterns_are_stored_and_match_the_conversion(fresh_cache, monkeypatch):
    """_with_traditional's conversion read back from the store is the conversion itself."""
    from kjlint import ruletypes

    monkeypatch.setattr(diskcache, "_stores", {})
    patterns = ["工作总结[页]", "(?<![^\\n])关于"]
    made = ruletypes._with_traditional(None, patterns)
    assert made == ruletypes._traditional_patterns(patterns) and made[0].startswith("工作[总總][结結]")
    diskcache.save_stores()
    monkeypatch.setattr(diskcache, "_stores", {})
    monkeypatch.setattr(ruletypes, "_traditional_patterns", lambda p: pytest.fail("converted again"))
    assert ruletypes._with_traditional(None, patterns) == made


def test_a_save_drops_entries_whose_mapped_store_is_gone(fresh_cache):
    """An entry read from a store no longer mapped (a test restoring an older dict, a closed map)
    is left out of the save and built again when asked, not a crash at exit."""
    if diskcache._sre is None:
        pytest.skip("no program cache on this Python")
    p, f = PATTERNS[0]
    built = diskcache._entry(p, f)
    diskcache._programs[("x{3}", 0)] = built[:1] + ((0, 4),) + built[2:]  # points into no mapped store
    diskcache._new_programs = 1
    diskcache.save_programs()
    diskcache._programs = None
    stored, _run = diskcache._read_programs()
    assert (p, f) in stored and ("x{3}", 0) not in stored
    assert diskcache.compile_regex("x{3}").findall("axxxxb") == ["xxx"]
