"""jieba's word list: is a run of characters a dictionary word? KJ6 asks it where a page marker
split a line (does joining the halves give a word), KJ413 where a Word paragraph ends inside a
sentence, KJ305 where one character stands alone after a word (转化思，): they read the same
index, so it lives here and not in any one family."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from .diskcache import compile_regex, file_key, load_or_build


def jieba_dictionary() -> Path:
    from importlib.util import find_spec

    spec = find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jieba is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "dict.txt"


# "word frequency [tag]" lines whose word has 2 to 4 characters and a frequency that is there and
# not 0, in the dictionary's text with a line break added at each end: a pattern that opens with
# a line break is searched for in C (MULTILINE `^` was tried at every character of the 5 MB).
_DICTIONARY_WORD = compile_regex(r"\n([^ \n]{2,4}) (?!0?[ \n])")


def _build_word_index() -> tuple[dict[str, tuple[int, int]], bytes]:
    """Words of 2 to 4 characters from jieba's dictionary, grouped by first character: one run
    of UTF-8 holding every group, each group newline-separated words, and where each group
    starts and ends in it. Bytes, not a string per group: the cache file is 3.3 MB, and
    decoding it cost a draft's first lint 12 ms of its 54 (KJ305 asks for a word before most
    drafts' first comma); one bytes object loads as it is stored. UTF-8 finds `\nword\n`
    where the text has it: a line break is one byte that no other character's encoding holds."""
    groups: defaultdict[str, list[str]] = defaultdict(list)
    text = "\n" + jieba_dictionary().read_text(encoding="utf-8") + "\n"
    for word in _DICTIONARY_WORD.findall(text):
        groups[word[0]].append(word)
    where: dict[str, tuple[int, int]] = {}
    runs: list[bytes] = []
    at = 0
    for first, words in groups.items():
        run = ("\n" + "\n".join(words) + "\n").encode("utf-8")
        where[first] = (at, at + len(run))
        runs.append(run)
        at += len(run)
    return where, b"".join(runs)


@lru_cache(maxsize=1)
def _word_index() -> tuple[dict[str, tuple[int, int]], bytes]:
    """jieba's word list, read once per jieba install and cached: importing and initializing
    jieba itself takes seconds, far more than a lint run."""
    return load_or_build("jieba-words", (_INDEX_FORMAT, file_key(jieba_dictionary())), _build_word_index)


_INDEX_FORMAT = 2  # 2: one run of UTF-8 (1: a string per group); bump when _build_word_index changes


def is_word(text: str) -> bool:
    """Is `text` (2 to 4 characters) a word of jieba's dictionary?"""
    if len(text) < 2:
        return False
    where, words = _word_index()
    span = where.get(text[0])
    return span is not None and words.find(f"\n{text}\n".encode("utf-8", "surrogatepass"), *span) >= 0


_CJK = compile_regex(r"[\u4e00-\u9fff]")


def joins_into_word(left: str, right: str, longest: int = 4) -> bool:
    """Does some dictionary word span the boundary between `left` and `right`?"""
    for a in range(1, min(len(left), longest - 1) + 1):
        tail = left[-a:]
        if not _CJK.search(tail):
            break
        for b in range(1, min(len(right), longest - a) + 1):
            head = right[:b]
            if not _CJK.fullmatch(head[-1]):
                break
            if is_word(tail + head):
                return True
    return False
