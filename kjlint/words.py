"""jieba's word list: is a run of characters a dictionary word? KJ6 asks it where a page marker
split a line (does joining the halves give a word), KJ413 where a Word paragraph ends inside a
sentence, KJ305 where one character stands alone after a word (转化思，): they read the same
index, so it lives here and not in any one family."""
from __future__ import annotations

from array import array
from collections import defaultdict
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from .diskcache import compile_regex, file_key, load_or_build_mapped


def jieba_dictionary() -> Path:
    from importlib.util import find_spec

    spec = find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jieba is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "dict.txt"


# The hundred commonest Chinese surnames, simplified: a person named by surname and 某 (KJ201), a
# name alone on its line under a title (KJ609's speaker or author)
COMMON_SURNAMES = ("王李张刘陈杨黄赵吴徐孙马朱胡郭林罗郑梁宋唐许韩冯邓曹彭肖田董袁潘蒋蔡杜叶苏魏吕丁沈"
                   "姚卢姜崔钟谭汪范廖贾夏韦白邹熊秦邱尹薛闫雷侯龙陶黎顾毛郝龚邵钱严覃武戴莫孔汤")


# "word frequency [tag]" lines whose word has 2 to 4 characters and a frequency that is there and
# not 0, in the dictionary's text with a line break added at each end: a pattern that opens with
# a line break is searched for in C (MULTILINE `^` was tried at every character of the 5 MB).
_DICTIONARY_WORD = compile_regex(r"\n([^ \n]{2,4}) (?!0?[ \n])")


def _build_word_index() -> tuple[tuple[str, bytes], bytes]:
    """Words of 2 to 4 characters from jieba's dictionary, grouped by first character: one run
    of UTF-8 holding the groups one after another, each group newline-separated words, with the
    first characters in group order and where each group starts (array 'I', one more for the
    end). The run stays in the cache file, mapped (load_or_build_mapped): it is 3.2 MB, and
    decoding it, as a string per group, cost a draft's first lint 12 ms of its 54 (KJ305 asks
    for a word before most drafts' first comma); flat, the rest loads in 0.04 ms, where a dict
    of 5,650 groups took 1.5. UTF-8 finds `\nword\n` where the text has it: a line break is
    one byte that no other character's encoding holds."""
    groups: defaultdict[str, list[str]] = defaultdict(list)
    text = "\n" + jieba_dictionary().read_text(encoding="utf-8") + "\n"
    for word in _DICTIONARY_WORD.findall(text):
        groups[word[0]].append(word)
    runs = [("\n" + "\n".join(words) + "\n").encode("utf-8") for words in groups.values()]
    starts = array("I", accumulate(map(len, runs), initial=0))
    return ("".join(groups), starts.tobytes()), b"".join(runs)


@lru_cache(maxsize=1)
def _word_index() -> tuple[str, array, Any, int]:
    """jieba's word list, read once per jieba install and cached: importing and initializing
    jieba itself takes seconds, far more than a lint run. (first characters, group starts,
    words, where the words begin)."""
    (firsts, starts), words, base = load_or_build_mapped("jieba-words", file_key(jieba_dictionary()),
                                                         _build_word_index)
    return firsts, array("I", starts), words, base


def is_word(text: str) -> bool:
    """Is `text` (2 to 4 characters) a word of jieba's dictionary?"""
    if len(text) < 2:
        return False
    firsts, starts, words, base = _word_index()
    group = firsts.find(text[0])
    return group >= 0 and words.find(f"\n{text}\n".encode("utf-8", "surrogatepass"),
                                     base + starts[group], base + starts[group + 1]) >= 0


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
