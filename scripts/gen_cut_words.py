"""Generate rules/kj3-cut-words.tsv: three-character contexts that real official prose never ends
a word with (KJ305 cut-inside).

Derived from ../shared/corpus (government work reports, congress reports, laws and judicial
interpretations: 11.7M characters; see its SOURCES.md). Only counts are kept, no text. Each
distinct line is counted once (the gov.cn scrapes repeat their body about six times), in
simplified script without pinyin annotations (kjlint's plain form).

A context `zab` is kept when
- `zab` occurred at least MIN_TRIGRAM times and `ab` at least MIN_BIGRAM times, never followed
  by a punctuation mark, a blank or a line end (发展工 -> 作/业/程, 指导思 -> 想);
- at least 95% of what followed was a Chinese character (a context that expects a number, 率达,
  is a deleted value: KJ207's), and TOP characters were at least TOP_SHARE of it (指导思 -> 想:
  half a word; 管理者 -> 的/应/或/…: a word, followed by whatever word comes next);
- its last two characters are no numerals (百分之九十, 十五个: a number stops anywhere);
- `b` alone is rarely followed by a mark or a line end anywhere (under MAX_END_RATE of its occurrences:
  的, 会 and 标 end words too often for a closed context to mean a cut).
Its followers are stored: a line end followed by a line that starts with one is a wrapped line,
not a cut. The column `、` marks the contexts whose `b` ends a word under MAX_END_RATE_LIST of
the time: before 、 a character often stands for a word in a list (省、市, 国、地两税).

Rows of one character are the lone characters of `lone_characters` (转化思，: a word, then a
character standing alone before a mark): in jieba's dictionary the character alone is under
LONE_RATIO as frequent as the 2-4 character words it begins (思 2,618 against 思想, 思路… ),
those words sum to LONE_MIN_WORDS or more, the corpus has it LONE_MIN_SEEN times or more, and
`lone_characters` never finds it standing so in the corpus (质效， 以药补医，: a new word or an idiom
the dictionary does not know), before 、 too; but they are not judged before 、 (委、办、 计生协、:
a list names things by one character or by abbreviations).

Usage: python scripts/gen_cut_words.py [CORPUS]               (writes the table)
       python scripts/gen_cut_words.py CORPUS --holdout A,B    (builds from the other sources and
                                                                prints what it flags in A and B)
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable, Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kjlint.checks.truncation import CUT_MARKS, cut_words, lone_characters  # noqa: E402
from kjlint.normalize import plain_text  # noqa: E402
from kjlint.words import jieba_dictionary  # noqa: E402

OUT = ROOT / "rules" / "kj3-cut-words.tsv"
MIN_TRIGRAM = 20
MIN_BIGRAM = 60
MAX_END_RATE = 0.05
MAX_END_RATE_LIST = 0.01
TOP, TOP_SHARE = 4, 0.9
LONE_RATIO, LONE_MIN_WORDS, LONE_MIN_SEEN = 0.1, 5000, 100
NUMERALS = set("〇零一二三四五六七八九十百千万亿两")  # 九十, 一万五千: a number may stop anywhere
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def corpus_lines(paths: Iterable[Path]) -> Iterator[str]:
    """Each distinct non-blank line once, in plain form."""
    seen: set[str] = set()
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace").replace("\r", "")
        for line in text.split("\n"):
            line = line.strip()
            if line and line not in seen:
                seen.add(line)
                yield plain_text(line)


def bound_characters() -> dict[str, str]:
    """Characters jieba's word frequencies say are almost never a word alone but begin frequent
    words (思: 思想, 思路, 思维), each with the characters before it that a word of 2-4 characters
    ends with (反思, 构思: not a lone 思)."""
    alone: Counter[str] = Counter()
    begins: Counter[str] = Counter()
    before: dict[str, set[str]] = defaultdict(set)
    for row in jieba_dictionary().read_text(encoding="utf-8").splitlines():
        word, freq = row.split(" ")[:2]
        if len(word) == 1:
            alone[word] += int(freq)
        elif len(word) <= 4:
            begins[word[0]] += int(freq)
            if int(freq):
                before[word[-1]].add(word[-2])
    return {c: "".join(sorted(before[c])) for c, n in begins.items()
            if HAN_RUN.fullmatch(c) and n >= LONE_MIN_WORDS and alone[c] < LONE_RATIO * n}


def build(paths: list[Path]) -> dict[str, tuple[str, bool]]:
    """context -> (followers, allowed before 、)."""
    count: Counter[str] = Counter()
    ends: Counter[str] = Counter()
    followers: dict[str, Counter[str]] = defaultdict(Counter)
    lines = list(corpus_lines(paths))
    for line in lines:
        for run in HAN_RUN.finditer(line):
            chars, after = run.group(), line[run.end():run.end() + 1]
            for i in range(1, len(chars)):
                nxt = chars[i + 1] if i + 1 < len(chars) else after
                word_end = i + 1 == len(chars) and (nxt == "" or nxt in CUT_MARKS or nxt.isspace())
                for ctx in (chars[i - 1:i + 1], chars[i - 2:i + 1] if i >= 2 else ""):
                    if ctx:
                        count[ctx] += 1
                        ends[ctx] += word_end
                        if len(ctx) == 3:
                            followers[ctx][nxt] += 1
    end_rate: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for ctx, n in count.items():
        if len(ctx) == 2:
            seen[ctx[1]] += n
            end_rate[ctx[1]] += ends[ctx]
    table = {}
    for ctx, n in count.items():
        if len(ctx) != 3 or n < MIN_TRIGRAM or ends[ctx] or ends[ctx[1:]] or count[ctx[1:]] < MIN_BIGRAM:
            continue
        after = followers[ctx]
        if sum(v for c, v in after.items() if HAN_RUN.fullmatch(c)) < 0.95 * n or NUMERALS & set(ctx[1:]):
            continue
        if sum(sorted(after.values(), reverse=True)[:TOP]) < TOP_SHARE * n:
            continue  # 管理者 -> 的/应/或/…: a word followed by other words, not half a word
        rate = end_rate[ctx[2]] / seen[ctx[2]]
        if rate < MAX_END_RATE:
            table[ctx] = ("".join(sorted(c for c in after if HAN_RUN.fullmatch(c))), rate < MAX_END_RATE_LIST)
    chars: Counter[str] = Counter()
    for line in lines:
        chars.update(line)
    lone = {c: (before, True) for c, before in bound_characters().items() if chars[c] >= LONE_MIN_SEEN}
    standing = {line[end - 1] for line in lines for _, end in lone_characters(line, lone)}  # 、 too
    table.update((c, (before, False)) for c, (before, _) in lone.items() if c not in standing)
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--holdout", help="comma-separated source folders: build without them, print what is flagged in them")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    held = set(args.holdout.split(",")) if args.holdout else set()
    paths = sorted(p for p in corpus.rglob("*.txt") if p.parent.name not in held)
    table = build(paths)
    if held:
        found = 0
        tested = sorted(p for p in corpus.rglob("*.txt") if p.parent.name in held)
        chars = 0
        for path in tested:
            text = path.read_text(encoding="utf-8", errors="replace").replace("\r", "")
            chars += len(text)
            lines = [plain_text(line) for line in text.split("\n")]
            for i, (start, end) in ((i, hit) for i in range(len(lines)) for hit in cut_words(lines, i, table)):
                found += 1
                print(f"{path.parent.name}/{path.name}:{i + 1}: {lines[i][max(0, start - 10):end + 3]!r}")
        print(f"{len(table)} contexts from {len(paths)} files; {found} flagged in {len(tested)} held-out files"
              f" ({chars:,} characters)")
        return
    with open(OUT, "w", encoding="utf-8") as out:
        out.write(f"# Generated by scripts/gen_cut_words.py from ../shared/corpus ({len(paths)} files; counts only).\n")
        out.write("# CONTEXT<TAB>characters seen after it<TAB>、 if a cut is also judged before 、\n")
        out.write("# A CONTEXT of one character is a lone character (cut when it stands alone after a word before a mark),\n")
        out.write("# with the characters before it that a dictionary word ends with instead of those seen after it\n")
        for ctx in sorted(table):
            followers, before_list = table[ctx]
            out.write(f"{ctx}\t{followers}\t{'、' if before_list else ''}\n")
    print(f"{len(table)} contexts from {len(paths)} files -> {OUT}")


if __name__ == "__main__":
    main()
