"""Detection quality per rule family on the labeled fixtures (issue: rule catalogue)."""
from __future__ import annotations

import pytest

from quality import SCORED_FAMILIES, clean_false_positives, report, score_labeled

FLOOR = 0.95


def test_precision_and_recall_per_family():
    scores, ndocs, nlabels = score_labeled()
    print("\n" + report(scores) + f"\n{ndocs} labeled documents, {nlabels} labels")
    if ndocs == 0:
        pytest.fail("no labeled fixtures found in fixtures/labeled")
    for fam, s in scores.items():
        detail = "\n  ".join(s.misses[:10] + s.false_alarms[:10])
        assert s.precision >= FLOOR, f"{fam} precision {s.precision:.3f} < {FLOOR}\n  {detail}"
        assert s.recall >= FLOOR, f"{fam} recall {s.recall:.3f} < {FLOOR}\n  {detail}"


def test_clean_documents_have_almost_no_findings():
    fps, ndocs, chars = clean_false_positives()
    assert ndocs > 0, "no clean fixtures in fixtures/clean"
    allowed = chars / 10_000
    assert len(fps) <= allowed, (f"{len(fps)} false positives on {chars} clean characters "
                                 f"(at most {allowed:.1f} allowed):\n  " + "\n  ".join(fps[:20]))


# Real-world corpus (fixtures/realworld, labeled twice per docs/labeling.md). The issue's bar is
# precision >= 0.95 and recall >= 0.90 for each family with at least 10 labels, and at most 0.5
# false alarms per 10,000 characters of government text. The floors below are what the corpus
# measures now, rounded down: a change may raise them, never lower them.
BATCH_FLOORS = {  # batch: {family: (precision, recall)}
    # the first collection (338 pages, labeled twice)
    "first": {"KJ2": (0.99, 0.93), "KJ3": (0.99, 0.93), "KJ4": (0.99, 0.97), "KJ5": (0.97, 0.91),
              "KJ6": (0.99, 0.91), "KJ7": (0.66, 0.72)},
    # The fresh batches: pages from sites not in the first collection, labeled once before
    # kjlint was run on them, to see how the rules generalize; families with at least 10 labels.
    # All were then labeled a second time, independently, and settled; the recall floors below are
    # what the settled labels measure where they dropped: fresh KJ2 (misses f011 `A总书记`, f033 a
    # town's name deleted from the title), fresh KJ4 (a pinyin run is one label: 14 found labels
    # merged, the five `?` misses of f006/f031 stay), fresh2 KJ6 (miss: f057 the document's own
    # title under the site's title, KJ607), fresh2 KJ2 (f067's deleted district name, KJ207).
    # `fresh` (f001-f040): 40 pages.
    "fresh": {"KJ2": (0.99, 0.95), "KJ4": (0.99, 0.93), "KJ6": (0.96, 0.82)},
    # `fresh2` (f041-f082): 42 pages; first run recall 664/699 (146/180 without the pinyin runs of
    # KJ4), the floors what it measures after the fixes it prompted, rounded down.
    "fresh2": {"KJ2": (0.96, 0.98), "KJ4": (0.99, 0.99), "KJ6": (0.98, 0.87)},
    # `fresh3` (f083-f126): 44 pages; first run recall 312/366 (145/199 without the pinyin runs).
    # Settling the second labeling added two missed KJ6 labels (f104's description line, f111's
    # title under the site's title) and dropped f096's KJ606 (missed): KJ6 recall 0.884 -> 0.874.
    "fresh3": {"KJ2": (0.99, 0.87), "KJ4": (0.99, 0.98), "KJ6": (0.97, 0.87)},
    # `fresh4` (g001-g050): 50 pages from 49 sites, labeled twice and settled before kjlint was
    # scored on them (the first labeling before any run); never tuned on. The floors are its first
    # settled measurement, rounded down (bench/quality.py): KJ2 67/70 findings true, 67/88 labels
    # found (g024's deleted values and 某省, g019's empty fields); KJ4 34/35, 42/50 (年 lost, hard
    # line breaks); KJ5 9/11, 8/16 (g018's 。1), g050's lost heading numbers); KJ6 94/97, 81/101.
    # Then (session 10) a numbered first section is no title, 。1) and a lone 、 are malformed numbers,
    # a portal's letter-spaced info fields are its metadata, an ordered-list breadcrumb is navigation,
    # and KJ207 finds deleted values by what they leave: KJ2 74/75, 74/88; KJ5 17/17, 16/16; KJ6 100/102, 85/101.
    "fresh4": {"KJ2": (0.98, 0.84), "KJ4": (0.97, 0.84), "KJ5": (0.99, 0.99), "KJ6": (0.97, 0.84)},
    # `fresh5` (h001-h142, h111 left out: 141 pages from 141 sites), labeled twice and settled
    # before kjlint was scored on them (the first labeling before any run, the second from the guide
    # and the texts only); never tuned on. The floors are its first settled measurement, rounded
    # down (bench/quality.py): KJ2 149/160 findings true, 149/183 labels found; KJ3 7/11, 7/14;
    # KJ4 374/374, 1008/1041; KJ5 15/19, 15/25; KJ6 232/235, 227/326.
    "fresh5": {"KJ2": (0.93, 0.81), "KJ3": (0.63, 0.5), "KJ4": (0.99, 0.96), "KJ5": (0.78, 0.6),
               "KJ6": (0.98, 0.69)},
    # `word` (w001-w050): 50 real .docx files from 50 public repositories, labeled twice and settled
    # (issue #11's Word files, figures of their own, never in the pages' totals); first run
    # KJ2 20/22 findings true, 20/40 labels found (empty form fields and mail-merge slots missed);
    # KJ205 then took unmerged mail-merge fields («name») and slots saying 待核实: 27/29, 27/40;
    # KJ303 a numbered item with no text above the next part's title (KJ3 3/15 -> 4/15); KJ204 a
    # form's empty field by the form's layout (table label and empty cells, `label：` among filled
    # fields): KJ2 35/37 findings true, 35/40 labels found; KJ506 a Word file opening with a
    # lead-in, a sentence or a field of prose (KJ5 16/16 -> 20/20 true, 17/23 -> 21/23 found).
    # KJ413 then found the paragraphs broken inside a sentence by a PDF's line ends: KJ4 14/14, 14/15.
    "word": {"KJ2": (0.94, 0.87), "KJ3": (0.99, 0.26), "KJ4": (0.99, 0.93), "KJ5": (0.99, 0.91)},
    # `word2` (w051-w095, w091 dropped: a second file of one repository): 44 more real .docx files
    # from 44 more repositories (README's fifth Word set, whose findings were judged before and
    # prompted fixes), labeled twice without kjlint's output and settled; the floors at what the
    # labels measure (after main's KJ1 16061c6, KJ503 465e16d, KJ413 f89688e), rounded down: KJ2 5/15
    # findings true, 5/53 labels found
    # (template instructions in 【】, Word review comments, placeholder names 张三 and a phone number
    # 1234567890 missed; `${表达式}` and Markdown `**` read as slots and masks), KJ3 4/4 and 4/14,
    # KJ4 9/9 and 9/23 (most hard line breaks inside sentences missed), KJ5 11/12 and 12/19. KJ6 (15
    # labels: chat-tool prompt and Markdown, a spliced chat answer, CSDN counters) finds none and has
    # no floor to keep.
    # Then (session 10) KJ208 reported the review comments, KJ205 the template's guidance in 【】 and no
    # longer code's braces, KJ610 the Markdown (KJ202 no longer reads it as masks): KJ2 38/39, 38/53;
    # KJ6 12/13, 9/15.
    # Then (session 12, wbr7) KJ5 11/12, 12/19 -> 10/11, 11/19: the 12th was w082's document-level
    # KJ506 label (the file opens with `Hi All`), credited to the false KJ503 `2. used twice` whose
    # item 1. sits on the lead line, gone now (a soft line break sets it off); w082 had no KJ506
    # finding before either.
    "word2": {"KJ2": (0.97, 0.71), "KJ3": (0.99, 0.28), "KJ4": (0.99, 0.39), "KJ5": (0.9, 0.57),
              "KJ6": (0.92, 0.6)},
    # `word3` (w096-w143): 48 more real .docx files from 48 more repositories (the sixth Word set,
    # /tmp/freshdocx5 of session 10), labeled twice (the first labeling before kjlint ran on them, the
    # second from the guide and the texts only) and settled by the guide before it was scored here.
    # The floors are its first settled measurement, rounded down (bench/quality.py): KJ1 6/9 findings
    # true, 6/12 labels found; KJ2 25/26, 25/79 (a form's empty fields, template guidance in 【】,
    # a letter or 某某 for a name missed); KJ3 2/5, 2/8; KJ4 1/1, 1/10 (hard line ends inside a
    # sentence, pinyin left in a word missed); KJ5 14/23, 14/31. KJ6 (9 labels: ChatGPT's `Copy code`,
    # Markdown and wiki markup, a reference manager's report, a spliced agreement) and KJ7 (5) find
    # none and have no floor to keep.
    # Then (session 11, the false findings' mechanisms, with the misses' work merged, main 703a00c)
    # KJ3 5/6, KJ5 13/15 (14/22 before), KJ6 0 findings (9 before), KJ7 1 (6 before). KJ5 recall 14/31 -> 13/31: the 14th was w117's document-level KJ506 label
    # (its first line names only the first of two projects), credited to the false KJ503 `1. after
    # 2.` under a question heading, gone now; w117 had no KJ506 finding before either.
    "word3": {"KJ1": (0.66, 0.5), "KJ2": (0.96, 0.31), "KJ3": (0.66, 0.25), "KJ4": (0.99, 0.1),
              "KJ5": (0.86, 0.41)},
}
# Issue #11's bar for Word files is the share of all findings that are true: at least 0.80. The
# floors are what each Word batch measures now, rounded down, and the findings on their must-not-flag
# spans. `word`: 67 of 70 (46 of 49 on the first run); two KJ201 on 20xx年xx县网格属性表, a template
# table's own name. `word2`: 30 of 46 at first, 75 of 82 after the changes above (all Word files
# together 149 of 158); one KJ202 on the `*` that opens a reference in a list (w068).
# `word3`: 48 of 79 (0.61) on its first settled measurement, below the bar; two findings on its
# must-not-flag spans (KJ201 on the key name “X”键, KJ601 on an arrow chain 摄像头采集 -> …). Two of
# its 31 false findings are real defects neither labeling marked (w120: an empty heading, KJ303; a
# passage of 1.1 repeated in 2.1, KJ103); the labels stay as settled before the run. After session
# 11's changes 82 of 90 (0.91; 83 of 113 at main 703a00c), one finding on a must-not-flag span
# (the key name).
WORD_PRECISION = {"word": 0.97, "word2": 0.91, "word3": 0.9}
WORD_MUST_NOT_FLAG = {"word": 2, "word2": 1, "word3": 1}
REALWORLD_CLEAN_RATE = 0.4  # false alarms per 10,000 characters of government text, at most
REALWORLD_MUST_NOT_FLAG = 0  # findings on must-not-flag spans, at most


@pytest.fixture(scope="module")
def realworld():
    from quality import realworld_manifest, score_realworld

    if not realworld_manifest():
        pytest.fail("no real-world corpus in fixtures/realworld")
    return score_realworld()


@pytest.fixture(scope="module")
def realworld_batches():
    """The first collection and each fresh batch, each scored alone."""
    from quality import score_realworld

    return {batch: score_realworld(batch="" if batch == "first" else batch) for batch in BATCH_FLOORS}


def test_realworld_labels_are_settled_and_found():
    import yaml
    from quality import REALWORLD, realworld_manifest

    ids = {e["id"] for e in realworld_manifest()}
    settled = {p.stem for p in (REALWORLD / "labels").glob("*.yaml")}
    assert ids == settled, f"documents without settled labels: {sorted(ids - settled)[:10]}"
    open_disputes = [p.name for p in (REALWORLD / "labels").glob("*.yaml")
                     if "disputed" in (yaml.safe_load(p.read_text(encoding="utf-8")) or {})]
    assert open_disputes == [], f"labels with unsettled disagreements: {open_disputes[:10]}"


@pytest.mark.parametrize("batch", list(BATCH_FLOORS))
def test_realworld_precision_and_recall_per_family(realworld_batches, batch):
    from quality import realworld_report

    res = realworld_batches[batch]
    print("\n" + realworld_report(res))
    if batch == "first":
        assert res.documents >= 300 and res.sites >= 25
    else:
        assert res.documents >= 40
    if batch in WORD_PRECISION:
        every = res.findings
        assert every.precision >= WORD_PRECISION[batch], "\n  ".join(
            a for t in res.families.values() for a in t.false_alarms)
        assert len(res.must_not_flag_hits) <= WORD_MUST_NOT_FLAG[batch], "\n  ".join(res.must_not_flag_hits)
    for fam, (p_floor, r_floor) in BATCH_FLOORS[batch].items():
        t = res.families[fam]
        detail = "\n  ".join(t.misses[:8] + t.false_alarms[:8])
        assert t.precision >= p_floor, f"{fam} precision {t.precision:.3f} < {p_floor}\n  {detail}"
        assert t.recall >= r_floor, f"{fam} recall {t.recall:.3f} < {r_floor}\n  {detail}"


def test_the_whole_realworld_corpus_meets_the_issue_bar_per_family(realworld):
    """Issue #11's bar on the development corpus, every batch together: precision >= 0.95 and
    recall >= 0.90 for each family with at least 10 labels (the floors per batch above guard
    each batch; this one guards the bar itself)."""
    short = []
    for fam, t in sorted(realworld.families.items()):
        if len(fam) != 3 or t.found + t.missed < 10 or fam == "KJ7":
            continue  # a rule (KJ601) counts within its family; the bar names KJ1-KJ6
        detail = "\n  ".join(t.misses[:8] + t.false_alarms[:8])
        if t.precision < 0.95 or t.recall < 0.90:
            short.append(f"{fam} {t.precision:.3f}/{t.recall:.3f}\n  {detail}")
    assert not short, "\n".join(short)


def test_realworld_government_texts_are_quiet(realworld):
    assert realworld.clean_rate <= REALWORLD_CLEAN_RATE, "\n  ".join(realworld.clean_false_alarms[:20])
    assert len(realworld.must_not_flag_hits) <= REALWORLD_MUST_NOT_FLAG, "\n  ".join(realworld.must_not_flag_hits)


def test_a_labeled_set_in_the_corpus_layout_is_scored_from_its_own_folder(tmp_path):
    """bench/devsets.py scores fixtures/devsets/<name> with the corpus's scorer: the set's own
    manifest, pages and labels, a government page's false alarm counted on its side."""
    from quality import score_realworld

    (tmp_path / "pages").mkdir()
    (tmp_path / "labels").mkdir()
    (tmp_path / "pages" / "s1.txt").write_text("县科技局工作总结\n全年争取上级资金xx万元，完成各项任务。\n", encoding="utf-8")
    (tmp_path / "pages" / "s2.txt").write_text("县财政局工作总结\n全年组织培训12期，共培育家企业。\n", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(
        '{"id": "s1", "file": "pages/s1.txt", "site": "a.example", "kind": "scraped"}\n'
        '{"id": "s2", "file": "pages/s2.txt", "site": "b.example", "kind": "government"}\n', encoding="utf-8")
    (tmp_path / "labels" / "s1.yaml").write_text(
        "doc: s1\ndefects:\n- {family: KJ2, rule: KJ201, text: xx}\n", encoding="utf-8")
    (tmp_path / "labels" / "s2.yaml").write_text("doc: s2\ndefects: []\n", encoding="utf-8")
    res = score_realworld(root=tmp_path)
    assert (res.documents, res.sites, res.labels) == (2, 2, 1)
    assert res.families["KJ2"].found == 1
    # s2's deleted count (共培育家企业) is unlabeled here: a false alarm on the government side
    assert len(res.clean_false_alarms) == 1 and res.clean_false_alarms[0].startswith("s2:")


def test_a_finding_below_a_labeled_block_is_not_credited_on_a_span_kept_out(tmp_path):
    """A block of furniture may be labeled by its first line, so a finding of the family right under
    a true one is credited; not when the labeler kept that text out (must_not_flag): the title under
    a page's metadata was credited so, which hid eleven false alarms of KJ607 and KJ609."""
    from quality import score_realworld

    (tmp_path / "pages").mkdir()
    (tmp_path / "labels").mkdir()
    (tmp_path / "pages" / "s1.txt").write_text(
        "当前位置:首页 > 工作总结\n发布时间:2023-01-05 来源:本网\n某县科技局工作总结\n全年完成各项任务，成效明显。\n",
        encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(
        '{"id": "s1", "file": "pages/s1.txt", "site": "a.example", "kind": "government"}\n', encoding="utf-8")
    label = "doc: s1\ndefects:\n- {family: KJ6, rule: KJ601, text: '当前位置:首页 > 工作总结'}\n"
    (tmp_path / "labels" / "s1.yaml").write_text(label, encoding="utf-8")
    credited = score_realworld(root=tmp_path)
    assert credited.families["KJ6"].false_findings == 0 and credited.families["KJ6"].true_findings == 2
    (tmp_path / "labels" / "s1.yaml").write_text(label + "must_not_flag:\n- text: '发布时间:2023-01-05 来源:本网'\n",
                                                 encoding="utf-8")
    kept_out = score_realworld(root=tmp_path)
    assert kept_out.families["KJ6"].false_findings == 1 and len(kept_out.must_not_flag_hits) == 1
