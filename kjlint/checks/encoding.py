"""KJ4 encoding corruption: text damaged by a wrong decode, a converter or a lost byte.

Every detector here reverses the damage where it can: mojibake is turned back into bytes and
decoded the right way, and the result is only reported when it is clearly better Chinese
(measured with `plausibility`). Scans are single regex passes over the text, so they stay linear.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from .registry import check
from ..document import Document
from ..findings import Fix
from ..normalize import PINYIN_LETTERS, TONED, script_sets, to_simplified, to_traditional
from ..ruletypes import Context, Hit
from .textspans import HAN_RANGES, Edit, SpanSet, frequency_table, group_by_line, is_han, plausibility
from ..diskcache import compile_regex
from ..diskcache import fast_finditer

# --- undecodable bytes and replacement characters ------------------------------------------

# 锟斤拷 is U+FFFD's UTF-8 bytes (EF BF BD EF BF BD) read as GBK, ï¿½ the same bytes read as
# Latin-1: replacement characters that went through a second wrong decode.
_GARBLED_REPLACEMENT = compile_regex("(?:锟斤拷)+锟?|(?:ï¿½)+")
_REPLACEMENT = compile_regex("\ufffd+")

# Every character a KJ4 detector below starts from (U+FFFD, 锟 and ï, Latin-1 letters,
# controls, zero-width marks, radicals, private use): most documents hold none, or only a `·`
# or `×`. One scan finds those present, and each detector that needs one absent is proven
# silent without a pass of its own (seven passes were 0.4 of 7.3 CPU s on ../shared/corpus).
_UNUSUAL = compile_regex("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u00a1-\u00f7\u00ad\u200b-\u200d\u2060\ufeff"
                         "\u2e80-\u2ef3\u2f00-\u2fd5\ue000-\uf8ff\ufffd锟\U000f0000-\U0010ffff]")


def unusual_chars(doc: Document, ctx: Context) -> frozenset[str]:
    """The characters of _UNUSUAL in the document (memoized per document)."""
    found = ctx.memo.get("unusual-chars")
    if found is None:
        found = ctx.memo["unusual-chars"] = frozenset(_UNUSUAL.findall(doc.text))
    return found


def _any_in(chars: frozenset[str], low: str, high: str) -> bool:
    return any(low <= c <= high for c in chars)


@check("undecodable-bytes")
def undecodable_bytes(doc: Document, ctx: Context, rule) -> list[Hit]:
    """Runs of U+FFFD: bytes kjlint could not decode (their values are in doc.undecodable) or
    that an earlier decoder already replaced. One finding per run."""
    if "\ufffd" not in unusual_chars(doc, ctx):
        return []
    raw = dict(doc.undecodable)
    hits = []
    for m in fast_finditer(_REPLACEMENT)(doc.text):
        count = m.end() - m.start()
        values = [raw[i] for i in range(m.start(), m.end()) if i in raw]
        if values:
            shown = " ".join(f"0x{b:02X}" for b in values[:8]) + (" …" if len(values) > 8 else "")
            hits.append(Hit(m.start(), m.end(), {"count": count, "encoding": doc.encoding, "bytes": shown},
                            key="bytes"))
        else:
            hits.append(Hit(m.start(), m.end(), {"count": count}, key="replacement"))
    return hits


@check("garbled-replacement-character")
def garbled_replacement_character(doc: Document, ctx: Context, rule) -> list[Hit]:
    """锟斤拷 / ï¿½: U+FFFD that was itself mis-decoded; the original characters are lost."""
    if unusual_chars(doc, ctx).isdisjoint("锟ï"):
        return []
    edits = [Edit(m.start(), m.end()) for m in fast_finditer(_GARBLED_REPLACEMENT)(doc.text)]
    return group_by_line(doc, edits, fixable=False)


# --- pinyin annotations --------------------------------------------------------------------

# A pinyin syllable without tone marks, two letters or more: de, dang, zhong, xue (not a, e, o).
_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
             r"(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|iao|ian|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v)")
_TONELESS = compile_regex(rf"(?<=[\u3400-\u9fff])[(（](?=[a-z]{{2,6}}[)）])(?:{_SYLLABLE})[)）]")
TONELESS_MIN = 3  # toneless annotations count only when a document has this many (or toned ones)


@check("pinyin-annotation")
def pinyin_annotation(doc: Document, ctx: Context, rule) -> list[Hit]:
    """總結(jié): one finding per cluster; the fix drops the annotations. Some converters leave the
    reading without tone marks (黨(dang)的(de)); one `(de)` could be anything, so those count when
    the document has several, or toned ones too."""
    edits = [Edit(start, end, "") for start, end in doc.pinyin_spans]
    if "(" in doc.text or "（" in doc.text:
        toneless = [Edit(m.start(), m.end(), "") for m in fast_finditer(_TONELESS)(doc.text)]
        if edits or len(toneless) >= TONELESS_MIN:
            edits += toneless
    return group_by_line(doc, edits, safe=rule.fixable == "safe")


# --- GBK byte-shift garbage ----------------------------------------------------------------

# A question mark between Han characters (pinyin annotations may sit before it), then the run of
# Han characters that may be garbage.
_SHIFT_CANDIDATE = compile_regex(
    rf"(?<=[{HAN_RANGES}])(?:[(（][{PINYIN_LETTERS}]{{1,6}}[)）])?[?？](?P<run>[{HAN_RANGES}]{{2,24}})")
_QUESTION_WORDS = compile_regex("[吗呢么嘛吧]$|什么|怎么|怎样|如何|为何|为什么|哪|谁|几|多少|是否|能否|可否|难道|岂")
# A `?` after Chinese text or a clause mark, then the garbage left where a punctuation mark lost its
# first byte: the mark's second byte and the next character's first byte read as one character
# (`？` of A3 BF, `，` of A3 AC, which pages print as ASCII), until a one-byte character (`h`, `F`,
# `Y`, `@`) puts the pairs back in step; the character before may carry its pinyin annotation
# (閉環(huán)?,F(xiàn)將). The run stops before a pinyin annotation; a lookahead,
# so that a `?` inside another's run is a candidate too.
_PUNCT_SHIFT_CANDIDATE = compile_regex(
    rf"(?:(?<=[{HAN_RANGES},，。；;：:、])|(?<=[{PINYIN_LETTERS}][)）]))[?？](?=(?P<run>(?:(?![(（][{PINYIN_LETTERS}]{{1,6}} ?[)）])\S){{1,12}}))")
# Pages print full-width punctuation as ASCII: put it back before re-encoding.
_TO_WIDE = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in "!,;:?()"})
# The mark's second byte read as a mark of its own, then Han garbage: ?!笆奈濉薄 (a `?` before a
# semicolon is KJ412's)
_MARK_THEN_GARBAGE = compile_regex(rf"[?？][!,:?！，：？。](?P<run>[{HAN_RANGES}ぁ-んァ-ヶㄅ-ㄩ]{{4,24}})")
# GBK's punctuation marks: first byte A1 (。、“”《》…) or A3 (！，；：？（）).
_PUNCT_LEADS = (0xA1, 0xA3)
_CJK_PUNCT = "。，、；：！？“”‘’（）《》"
# The one or two characters such a realignment reads must be common ones (score in context, as
# MIN_CHAR_SCORE): a rarer one (縴 for `?y`) is what any stray letter after a question realigns to.
PUNCT_MIN_CHAR_SCORE = 15


def _gbk_bytes(text: str) -> bytes | None:
    try:
        return text.encode("gb18030")
    except UnicodeEncodeError:
        return None


def _decode_prefix(data: bytes) -> str:
    """GBK text decoded from `data` up to the first undecodable byte."""
    out = data.decode("gbk", errors="replace")
    cut = out.find("\ufffd")
    return out if cut < 0 else out[:cut]


def _local_scores(text: str) -> list[float]:
    """Per-character plausibility: the character's own frequency plus its pairs with both
    neighbours, so a common character amid garbage still scores low."""
    chars, pairs = frequency_table()
    simple = to_simplified(text)
    out = []
    for i, c in enumerate(simple):
        score = chars.get(c, 0) if is_han(c) else 0
        if i > 0:
            score += pairs.get(simple[i - 1:i + 1], 0)
        if i + 1 < len(simple):
            score += pairs.get(simple[i:i + 2], 0)
        out.append(score)
    return out


def repair_byte_shift(run: str) -> tuple[int, str, float, float] | None:
    """Undo a one-byte shift of GBK text at the start of `run`.

    Returns (garbage length, repaired text, old score, new score), or None.

    When one byte of a GBK stream is lost, every later pair of bytes straddles two characters
    until the decoder resynchronises. Re-encoding the garbage and putting back the lead byte
    that the `?` swallowed (all 126 are tried) realigns the pairs. The garbage ends where the
    realigned reading stops being better than the text as it stands."""
    # A script converter may have run after the damage (garbage inside annotated traditional
    # text): the garbage was GBK, i.e. simplified, so fold it back first.
    run = to_simplified(run)
    data = _gbk_bytes(run)
    if data is None or len(data) < 4:
        return None
    old_local = _local_scores(run)
    best: tuple[float, int, str] | None = None
    for lead in range(0x81, 0xFF):
        cand = _decode_prefix(bytes([lead]) + data)
        n = min(len(cand), len(run))
        if n < 2:
            continue
        new_local = _local_scores(cand[:n])
        gain, best_k, best_gain = 0.0, 0, 0.0
        for i in range(n):
            if not is_han(cand[i]):
                break
            gain += new_local[i] - old_local[i]
            if gain > best_gain:
                best_gain, best_k = gain, i + 1
        if best_k >= 2 and (best is None or best_gain > best[0]):
            best = (best_gain, best_k, cand[:best_k])
    if best is None:
        return None
    _, k, repaired = best
    return k, repaired, plausibility(run[:k]), plausibility(repaired)


# A realigned character must score this much in context (its frequency plus its pairs with its
# neighbours, see _local_scores) to count as read: below it lie the real but wrong characters a
# second loss realigns into (咕 for 公司).
MIN_CHAR_SCORE = 13


def weak_character(garbage: str, repaired: str) -> int | None:
    """Index of the first realigned character after the guessed one that does not read clearly
    better than the garbage character it replaces, or None when every one does: a repair is
    offered only where each character it writes is verified by the re-decoding."""
    new, old = _local_scores(repaired), _local_scores(garbage)
    for i in range(1, len(repaired)):
        if new[i] < MIN_CHAR_SCORE or new[i] < old[i]:
            return i
    return None


def _traditional_context(window: str) -> bool:
    trad, simp = script_sets()
    return sum(c in trad for c in window) > sum(c in simp for c in window)


@check("gbk-byte-shift")
def gbk_byte_shift(doc: Document, ctx: Context, rule) -> list[Hit]:
    """新材?煞萦邢薰 for 新材料股份有限: a `?` then Han garbage that realigns into real words."""
    return byte_shift_hits(doc, ctx, float(rule.params.get("min-gain", 5.0)),
                           float(rule.params.get("min-score", 15.0)),
                           float(rule.params.get("max-garbage-score", 13.0)))


def byte_shift_hits(doc: Document, ctx: Context, min_gain: float = 5.0, min_score: float = 15.0,
                    max_garbage: float = 13.0) -> list[Hit]:
    """KJ404's hits for these parameters, once per document (KJ702 also skips these spans)."""
    key = ("gbk-byte-shift", min_gain, min_score, max_garbage)
    if key not in ctx.memo:
        hits = list(_byte_shift(doc, min_gain, min_score, max_garbage))
        hits += [h for h in _punctuation_shift(doc.text, max_garbage) if not any(h.offset < o.end and o.offset < h.end for o in hits)]
        ctx.memo[key] = hits
    return ctx.memo[key]


def _byte_shift(doc: Document, min_gain: float, min_score: float, max_garbage: float) -> Iterator[Hit]:
    if "?" not in doc.text and "？" not in doc.text:
        return  # every candidate holds one: two memchr-speed scans instead of the pattern's
    for m in fast_finditer(_SHIFT_CANDIDATE)(doc.text):
        run = m.group("run")
        if plausibility(run[:4]) >= max_garbage + 4:
            continue  # reads as ordinary Chinese: a real question mark
        before = doc.text[max(0, m.start() - 12):m.start()]
        repaired = repair_byte_shift(run)
        if repaired and repaired[3] >= min_score and repaired[3] - repaired[2] >= min_gain:
            k, text, _, _ = repaired
            start = m.start("run")
            weak = weak_character(run[:k], text)
            if _traditional_context(doc.text[max(0, start - 40):start + 40]):
                text = to_traditional(text)  # the repair reads in the document's script
            # The character the '?' stands for is lost, and so is the first byte of the next one:
            # frequency guesses that one wrong about half the time. Both are marked with □, the
            # standard sign for a missing character (a placeholder the KJ2 rules point at).
            fields = {"match": run[:k], "repaired": "□□" + text[1:]}
            if weak is None:
                fix = Fix(fields["repaired"], start - 1, start + k, safe=False)
                yield Hit(start - 1, start + k, fields, fix, key="fixed")
            else:
                yield Hit(start - 1, start + k, {**fields, "weak": text[weak]}, key="unverified")
        elif len(run) >= 4 and plausibility(run) < max_garbage and not _QUESTION_WORDS.search(before):
            yield Hit(m.start("run") - 1, m.end("run"), {"match": run, "repaired": ""}, key="implausible")


def realign_punctuation(run: str, min_chars: int = 1) -> tuple[int, str] | None:
    """(garbage length, realigned text) when putting back a punctuation mark's lost first byte
    before `run` reads as that mark and at least `min_chars` verified characters and ends in step
    with `run`'s own characters (a one-byte character resynchronised the pairs); None otherwise."""
    simple = to_simplified(run).translate(_TO_WIDE)
    data = _gbk_bytes(simple)
    if data is None:
        return None
    bounds, pos = {}, 0  # byte offset -> characters of run before it
    for i, c in enumerate(simple):
        bounds[pos] = i
        pos += len(c.encode("gb18030"))
    bounds[pos] = len(simple)
    best: tuple[int, str] | None = None
    for lead in _PUNCT_LEADS:
        cand = _decode_prefix(bytes([lead]) + data)
        if not cand or cand[0] not in _CJK_PUNCT:
            continue
        used = -1  # bytes of `data` the realigned characters take (the lead is not run's)
        for j, c in enumerate(cand):
            used += len(c.encode("gbk"))
            if j == 0 or used not in bounds or bounds[used] == 0:
                continue
            rep = cand[:j + 1]
            scores = _local_scores(rep)
            hans = [i for i in range(1, len(rep)) if is_han(rep[i])]
            if len(hans) >= min_chars and all(scores[i] >= PUNCT_MIN_CHAR_SCORE for i in hans) \
                    and (best is None or len(rep) > len(best[1])):
                best = (bounds[used], rep)
    if best is None:
        return None
    k, rep = best
    while len(rep) > 2 and k > 1 and rep[-1] == simple[k - 1]:  # in step again: not garbage
        k, rep = k - 1, rep[:-1]
    if k < len(run) and (run[k] in ")）" or "a" <= run[k] <= "z" or run[k] in TONED):
        return None  # the one-byte character was a pinyin annotation's letter, not the original's
    return k, rep


def _punctuation_shift(text: str, max_garbage: float) -> Iterator[Hit]:
    """`保證?,F(xiàn)總結` for 保證。現總結: a punctuation mark lost its first byte (KJ404); where more
    bytes were lost (`提升?!笆奈濉薄…` for 提升。“十四五”…), implausible characters after the mark."""
    if "?" not in text and "？" not in text:
        return
    done = 0  # the end of the last garbage reported: a `?` inside it is no new candidate
    for m in fast_finditer(_PUNCT_SHIFT_CANDIDATE)(text):
        start = m.start()
        if start < done:
            continue
        # the `?` is the lost byte, or it is the mark's second byte with the next one (？ of A3 BF);
        # after a question, where one letter may follow the `?` by chance, two characters must read
        question = _QUESTION_WORDS.search(text[max(0, start - 12):start])
        for at in (start + 1, start):
            found = realign_punctuation(text[at:m.end("run")], 2 if question and at == start else 1)
            if found:
                k, rep = found
                if _traditional_context(text[max(0, start - 40):start + 40]):
                    rep = to_traditional(rep)
                yield Hit(start, at + k, {"match": text[start:at + k], "repaired": rep}, key="punctuation")
                done = at + k
                break
        else:
            garbage = _MARK_THEN_GARBAGE.match(text, start)
            if garbage and plausibility(garbage.group("run")) < max_garbage and not question:
                yield Hit(start, garbage.end(), {"match": garbage.group(0), "repaired": ""}, key="implausible")
                done = garbage.end()


# --- Latin-1 / CP1252 mojibake ---------------------------------------------------------------

@lru_cache(maxsize=1)
def _cp1252_reverse() -> dict[str, int]:
    table = {}
    for b in range(0x80, 0xA0):
        try:
            table[bytes([b]).decode("cp1252")] = b
        except UnicodeDecodeError:
            pass
    return table


_CP1252_SPECIALS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
# Runs of characters that a Latin-1/CP1252 decoder produces for bytes 0x80-0xFF.
_LATIN_RUN = compile_regex(f"[\u0080-\u00ff{_CP1252_SPECIALS}]{{2,}}")
# Well-formed UTF-8 only (RFC 3629: no overlong forms, no surrogates): pinyin huà before …… reads
# back as E0 85 85, which looks like UTF-8 but does not decode.
_UTF8_SEQ = compile_regex(rb"(?:[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
                          rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
                          rb"|\xf4[\x80-\x8f][\x80-\xbf]{2})+")
_GBK_SEQ = compile_regex(rb"(?:[\xb0-\xf7][\xa1-\xfe]|[\xa1-\xa3][\xa1-\xfe]){2,}")


def _gbk_reading(seq: bytes) -> str | None:
    """What a run of GBK byte pairs reads, when that is plausible Chinese (two ideographs or more)."""
    try:
        decoded = seq.decode("gbk")
    except UnicodeDecodeError:
        return None
    return decoded if sum(is_han(c) for c in decoded) >= 2 and plausibility(decoded) >= 12 else None


def _latin_bytes(run: str) -> bytes:
    rev = _cp1252_reverse()
    return bytes(ord(c) if ord(c) < 256 else rev[c] for c in run)


def latin1_mojibake(doc: Document, ctx: Context) -> tuple[list[Edit], list[Edit]]:
    """(UTF-8 read as Latin-1/CP1252, GBK read as Latin-1) edits; memoized per document."""
    if "latin1-mojibake" in ctx.memo:
        return ctx.memo["latin1-mojibake"]
    utf8_edits: list[Edit] = []
    gbk_edits: list[Edit] = []
    # Every edit starts at a byte 0xA1-0xF7 (a UTF-8 lead byte or a GBK first byte): without a
    # character U+00A1-U+00F7 the runs (…… is one: 0x85 0x85) hold none.
    runs = _LATIN_RUN.finditer(doc.text) if _any_in(unusual_chars(doc, ctx), "\u00a1", "\u00f7") else ()
    for m in runs:
        data = _latin_bytes(m.group(0))
        covered = bytearray(len(data))
        latin_only = []
        utf8 = [(s, s.group(0).decode("utf-8")) for s in _UTF8_SEQ.finditer(data)]
        gbk = [(s, decoded) for s in _GBK_SEQ.finditer(data) if (decoded := _gbk_reading(s.group(0))) is not None]
        # A run is one encoding's bytes: GBK's byte pairs read as UTF-8 in places (ê¡¶ for ꡶, Ç¹«Ä¼
        # for ǹļ); when GBK reads more of the run as plausible Chinese, UTF-8 is not tried there.
        gbk_bytes = sum(s.end() - s.start() for s, _ in gbk)
        if gbk_bytes > sum(s.end() - s.start() for s, decoded in utf8 if any(is_han(c) for c in decoded)):
            utf8 = []
        for s, decoded in utf8:
            if set(decoded) == {"\ufffd"}:
                continue  # ï¿½: a garbled replacement character (KJ402)
            if any(ord(c) >= 0x800 for c in decoded):  # Chinese: three-byte sequences
                utf8_edits.append(Edit(m.start() + s.start(), m.start() + s.end(), decoded))
                covered[s.start():s.end()] = b"\x01" * (s.end() - s.start())
            elif all(0xC0 <= ord(c) <= 0x24F for c in decoded):  # é read as Ã©
                latin_only.append((s, decoded))
        for s, decoded in gbk:
            if not any(covered[s.start():s.end()]):
                gbk_edits.append(Edit(m.start() + s.start(), m.start() + s.end(), decoded))
                covered[s.start():s.end()] = b"\x01" * (s.end() - s.start())
        for s, decoded in latin_only:
            if not any(covered[s.start():s.end()]):
                utf8_edits.append(Edit(m.start() + s.start(), m.start() + s.end(), decoded))
    ctx.memo["latin1-mojibake"] = (utf8_edits, gbk_edits)
    return utf8_edits, gbk_edits


def _mojibake_reading(group: list[Edit], snippet: str) -> tuple[str, dict]:
    """Message key (one run or several) and what the runs read decoded the right way."""
    shown = "".join(e.replacement or "" for e in group)
    if len(shown) > 30:
        shown = shown[:29] + "…"
    return ("one" if len(group) == 1 else "many"), {"reading": shown}


@check("utf8-read-as-latin1")
def utf8_read_as_latin1(doc: Document, ctx: Context, rule) -> list[Hit]:
    edits, _ = latin1_mojibake(doc, ctx)
    return group_by_line(doc, edits, _mojibake_reading, safe=rule.fixable == "safe")


@check("gbk-read-as-latin1")
def gbk_read_as_latin1(doc: Document, ctx: Context, rule) -> list[Hit]:
    _, edits = latin1_mojibake(doc, ctx)
    return group_by_line(doc, edits, _mojibake_reading, safe=rule.fixable == "safe")


# --- UTF-8 read as GBK (浣犲ソ for 你好) -------------------------------------------------------

_UTF8_CJK = compile_regex(rb"(?:[\xe4-\xe9][\x80-\xbf]{2}){2,}")


@lru_cache(maxsize=1)
def _utf8_lead_chars() -> re.Pattern:
    """Characters whose GBK bytes start with 0xE4-0xE9, the lead bytes of UTF-8 Chinese: every
    UTF-8-read-as-GBK run starts with one, and in real text they are rare."""
    chars = set()
    for lead in range(0xE4, 0xEA):
        for trail in list(range(0x40, 0x7F)) + list(range(0x80, 0xFF)):
            try:
                chars.add(bytes([lead, trail]).decode("gbk"))
            except UnicodeDecodeError:
                pass
    return compile_regex("[" + "".join(sorted(chars)) + "]")


def _candidate_windows(text: str) -> Iterator[tuple[int, int]]:
    """Stretches of non-ASCII text that start at such a character and run while more follow
    within a few characters; only these are re-encoded."""
    start = end = -1
    for m in _utf8_lead_chars().finditer(text):
        i = m.start()
        if start >= 0 and i <= end:
            end = i + 4
            continue
        if start >= 0:
            yield start, end
        start, end = i, i + 4
    if start >= 0:
        yield start, end


@check("utf8-read-as-gbk")
def utf8_read_as_gbk(doc: Document, ctx: Context, rule) -> list[Hit]:
    """Runs of rare Han characters whose GBK bytes are valid UTF-8 Chinese that reads better."""
    min_gain = float(rule.params.get("min-gain", 6.0))
    text = doc.text
    edits = []
    for w_start, w_end in _candidate_windows(text):
        w_end = min(w_end, len(text))
        cut = w_start
        while cut < w_end and ord(text[cut]) >= 0x80 and text[cut] != "\ufffd":
            cut += 1
        run = text[w_start:cut]
        if len(run) < 3:
            continue
        # Byte offset of each character, so byte matches map back to character boundaries.
        starts: dict[int, int] = {}
        chunks = []
        pos = 0
        for i, ch in enumerate(run):
            starts[pos] = i
            try:
                b = ch.encode("gbk")
            except UnicodeEncodeError:
                b = b"\x00"
            chunks.append(b)
            pos += len(b)
        starts[pos] = len(run)
        data = b"".join(chunks)
        for s in _UTF8_CJK.finditer(data):
            if s.start() not in starts:
                continue
            end = s.end()
            # The last UTF-8 character may share its final byte with the next GBK character.
            tail = end not in starts
            while end not in starts:
                end += 1
            decoded = s.group(0).decode("utf-8")
            a, b = w_start + starts[s.start()], w_start + starts[end]
            garbage = text[a:b]
            if plausibility(decoded) - plausibility(garbage) >= min_gain:
                edits.append(Edit(a, b, None if tail else decoded))
    def reading(group: list[Edit], snippet: str) -> tuple[str, dict]:
        key = "one" if len(group) == 1 else "many"
        if all(e.replacement for e in group):
            return key, {"reading": "".join(e.replacement or "" for e in group)}
        return key + "-unread", {}

    return group_by_line(doc, edits, reading, safe=False)


# --- invisible and private characters ---------------------------------------------------------

_CONTROL = compile_regex("[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]+")
_PRIVATE_USE = compile_regex("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]+")
_ZERO_WIDTH = compile_regex("(?<=[^\\s\u3000])[\u200b\u200c\u200d\u2060\ufeff\u00ad]+(?=[^\\s\u3000])")


@check("control-character")
def control_character(doc: Document, ctx: Context, rule) -> list[Hit]:
    """C0/C1 control characters (tab, line breaks and form feed excepted); fix deletes them."""
    chars = unusual_chars(doc, ctx)
    if not (_any_in(chars, "\x00", "\x1f") or _any_in(chars, "\x7f", "\x9f")):
        return []
    utf8_edits, gbk_edits = latin1_mojibake(doc, ctx)
    mojibake = SpanSet((e.start, e.end) for e in utf8_edits + gbk_edits)
    edits = []
    for m in fast_finditer(_CONTROL)(doc.text):
        if m.start() in mojibake:
            continue
        edits.append(Edit(m.start(), m.end(), "", ", ".join(f"U+{ord(c):04X}" for c in m.group(0))))
    return group_by_line(doc, edits, lambda g, s: ("characters", {
        "characters": sum(e.end - e.start for e in g), "codes": "; ".join(e.label for e in g)[:60]}),
        safe=rule.fixable == "safe")


@check("private-use-character")
def private_use_character(doc: Document, ctx: Context, rule) -> list[Hit]:
    """Private-use code points: a font-specific glyph (Word bullets, GBK user area) that other
    systems show as a box or nothing."""
    chars = unusual_chars(doc, ctx)
    if not (_any_in(chars, "\ue000", "\uf8ff") or _any_in(chars, "\U000f0000", "\U0010fffd")):
        return []
    # A symbol-font bullet typed at the start of a Word list item, right after the bullet Word
    # draws for the list (➢ + U+F0D8 本次测试…): the list's marker again, layout, not text
    text, labels = doc.text, doc.list_labels

    def after_label(start: int) -> bool:
        line = doc.line_index(start)
        label = labels.get(line + 1)
        return bool(label) and text[doc.line_starts[line]:start].strip() == label.strip()

    edits = [Edit(m.start(), m.end(), None, " ".join(f"U+{ord(c):04X}" for c in m.group(0)))
             for m in _PRIVATE_USE.finditer(text) if not (labels and after_label(m.start()))]
    return group_by_line(doc, edits, lambda g, s: ("characters", {
        "characters": sum(e.end - e.start for e in g), "codes": " ".join(e.label for e in g)[:60]}),
        fixable=False)


# Kangxi radicals and CJK radical supplements that stand for a character: what copying text out
# of a PDF gives for 入, 斗, 一, 人 … (the PDF's font maps its glyph to the radical's code point).
_RADICAL = compile_regex("[\u2e80-\u2ef3\u2f00-\u2fd5]")


@check("radical-for-character")
def radical_for_character(doc: Document, ctx: Context, rule) -> list[Hit]:
    """Radical code points read as characters (进⼊ for 进入, 奋⽃ for 奋斗): they look the same
    but are other code points, so search, matching and a screen reader miss the word. The fix
    writes the character the radical stands for (its compatibility form, NFKC)."""
    import unicodedata

    if not _any_in(unusual_chars(doc, ctx), "\u2e80", "\u2fd5"):
        return []
    edits = []
    for m in _RADICAL.finditer(doc.text):
        char = unicodedata.normalize("NFKC", m.group(0))
        if char != m.group(0) and is_han(char):
            edits.append(Edit(m.start(), m.end(), char, f"{m.group(0)}→{char}"))
    return group_by_line(doc, edits, lambda g, s: ("characters", {
        "characters": len(g), "pairs": " ".join(e.label for e in g)[:60]}), safe=rule.fixable == "safe")


@check("zero-width-in-word")
def zero_width_in_word(doc: Document, ctx: Context, rule) -> list[Hit]:
    """Zero-width spaces/joiners and soft hyphens between visible characters break search and
    matching; emoji sequences (joiner between symbols) are left alone."""
    if unusual_chars(doc, ctx).isdisjoint("\u200b\u200c\u200d\u2060\ufeff\u00ad"):
        return []
    edits = []
    for m in fast_finditer(_ZERO_WIDTH)(doc.text):
        prev, nxt = doc.text[m.start() - 1], doc.text[m.end()]
        if "\u200d" in m.group(0) and any(ord(c) >= 0x2600 and not is_han(c) for c in (prev, nxt)):
            continue
        edits.append(Edit(m.start(), m.end(), "", " ".join(f"U+{ord(c):04X}" for c in m.group(0))))
    return group_by_line(doc, edits, lambda g, s: ("characters", {
        "characters": sum(e.end - e.start for e in g), "codes": " ".join(e.label for e in g)[:60]}),
        safe=rule.fixable == "safe")


# A Word paragraph ended inside a sentence: text pasted from a PDF keeps the PDF's line ends as
# paragraph marks (…查阅和学习个方面的知识要 / 点。并积极讨论…).
_CLAUSE_MARK = compile_regex(r"[，、；,;]")
_SENTENCE_END = compile_regex(r"[。！？!?]")
_ANY_MARK = compile_regex(r"[，。；、！？,;.!?：:]")
# characters that cannot end a sentence (的, a conjunction or preposition) or start one (了, 们)
_NO_END = frozenset("的地得和与及或把被对从向将于而并但让使给跟同")
_NO_START = frozenset("的地得了着过们等之吗呢吧和与及")
_LABEL_LEAD = compile_regex(r"[^，。；、,;\s]{1,10}[：:]")  # 核心规则：… / 等级1（简单）：…
_BROKEN_MIN_TAIL = 12  # characters since the last full stop: a sentence is under way, not a heading


_OPENERS = {"《": "》", "（": "）", "(": ")"}


def _bracket_across(a: str, b: str) -> bool:
    """Does paragraph `a` leave a title mark or bracket open that `b` closes right away, before
    opening one of its own (…一本是《深入理解JVM / 虚拟机》，…; …年度报告 / 》显示…)? A title or a
    note is one run of text: its paragraph mark fell inside it."""
    for opener, closer in _OPENERS.items():
        if a.rfind(opener) > a.rfind(closer):
            k = b.find(closer)
            if 0 <= k <= 30 and not 0 <= b.find(opener) < k:
                return True
    return False


def _is_han_char(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _word_at(text: str, end: bool) -> bool:
    """Does `text` end (start) with a dictionary word? Then its line end may fall between two
    words (…不让外网访问 / 询问…), whatever word the joined halves also spell."""
    from ..words import is_word

    return any(is_word(text[-k:] if end else text[:k]) for k in (2, 3, 4) if len(text) >= k)


def _same_cell(source: str, next_source: str) -> bool:
    """Are two lines paragraphs of one table cell (a form's box the report is written in, `table 1,
    row 2, cell 1` twice)? A paragraph mark between them falls inside the cell's running text, as
    between two paragraphs of the body; one cell's end and the next cell's start are no such mark."""
    return source == next_source and source.startswith("table ")


# A reference list's entry ([6]. 王宜怀. …[M]. 北京：北京航空航天 / 大学出版社，2008.3.): numbered in turn, an
# entry a paragraph. A line between entry k and entry k + 1 that carries no number of its own is the
# rest of entry k, its paragraph mark typed where the line wrapped (a PDF's or a print's reference list
# pasted line by line); so is a short line after the last entry that ends as an entry ends.
_REFERENCE_ENTRY = compile_regex(r"^[ \t\u3000]*[\[［](\d{1,3})[\]］]")
_REFERENCE_END = compile_regex(r"(?:\d|[.．。])[ \t\u3000]*$")
_REFERENCE_WRAP_MAX = 60  # characters of a wrapped entry's rest: a line, not a note under the entry


def _reference_wraps(doc: Document) -> list[Hit]:
    """Line ends inside a Word file's reference entries (see _REFERENCE_ENTRY)."""
    if "[" not in doc.text and "［" not in doc.text:
        return []
    lines = doc.lines
    sources = doc.line_sources or []
    entries = [(i, int(m.group(1))) for i in range(len(lines)) if (m := _REFERENCE_ENTRY.match(lines[i].text))]
    if len(entries) < 3:
        return []
    hits: list[Hit] = []
    for (i, k), (j, after) in zip(entries, entries[1:] + [(None, None)]):
        if j is None:  # the last entry: its rest is a short line ending as an entry ends
            j = i + 2 if i + 1 < len(lines) else i + 1
            if j > i + 1 and not (_REFERENCE_END.search(lines[i + 1].text) and len(lines[i + 1].text.strip()) <= 40
                                  and not _REFERENCE_END.search(lines[i].text)):
                continue
        elif after != k + 1 or not 1 < j - i <= 3:
            continue
        rest = range(i + 1, j)
        if any(not lines[r].text.strip(" \t\u3000") or len(lines[r].text.strip()) > _REFERENCE_WRAP_MAX
               or _LABEL_LEAD.match(lines[r].text.strip()) or (sources and not (sources[r].startswith("paragraph ") and sources[i].startswith("paragraph ")
                                   or _same_cell(sources[i], sources[r]))) for r in rest):
            continue
        for r in rest:
            a, b = lines[r - 1].text, lines[r].text
            last = lines[r - 1].start + len(a.rstrip()) - 1
            first = lines[r].start + len(b) - len(b.lstrip())
            hits.append(Hit(last, first + 1, {"before": doc.text[max(last - 5, lines[r - 1].start):last + 1].lstrip(),
                                              "after": doc.text[first:first + 5]},
                            Fix("", last + 1, first, safe=False)))
    return hits


# a cover's field line: a label spread over its width with blanks, then blanks and its value
# (班    级              计算机2306, 同 组 人   张三、李四)
_SPACED_FIELD = compile_regex(r"[\u4e00-\u9fff](?:[ \t\u3000]{1,8}[\u4e00-\u9fff]){1,5}[ \t\u3000]{2,}\S")


@check("broken-line")
def broken_line(doc: Document, ctx: Context, rule) -> list[Hit]:
    """A paragraph mark inside a sentence, as a PDF's line ends become when its text is pasted.
    A break is sure where joining the halves gives a word and neither half ends or starts with one
    of its own (知识要 / 点), or where the first half
    ends on a word that cannot end a sentence (…加上后期的 / 测试…) or the second starts on one
    that cannot start it (温固 / 和对…); a document with two sure breaks was pasted so, and
    there a sentence that runs on over a line end (…达到相关 / 要求。) is broken too.
    Headings, list items, table cells and lines without a sentence under way are left alone."""
    from ..words import joins_into_word
    from .structure import heading_level

    if doc.source_format != "docx":
        hits = _semicolon_breaks(doc, heading_level)
        seen = {h.offset for h in hits}
        # each kind of break adds the line ends the kinds before it did not report
        for kind in (_open_mark_breaks, _hard_wrap_breaks, _double_spaced_wrap_breaks, _cut_word_breaks,
                     _seen_unbroken_breaks):
            new = [h for h in kind(doc, heading_level) if h.offset not in seen]
            hits += new
            seen.update(h.offset for h in new)
        if hits:  # a line of the page's furniture (索引号… / 成文日期… above the title) ends no sentence
            # of the text, nor does the line above it run on into it: no break to join there; nor
            # does a sentence run on into a date alone on its line (a rule's name, then 民國 105 年
            # 12 月 23 日 under it; a 落款's date)
            from .layout import FURNITURE, SIGNING_DATE, flagged_lines

            furniture = flagged_lines(doc, ctx, FURNITURE)
            hits = [h for h in hits if doc.line_index(h.offset) not in furniture
                    and (after := doc.line_index(h.end - 1)) not in furniture
                    and not SIGNING_DATE.match(doc.lines[after].text)]
        return hits
    lines = doc.text.split("\n")
    sources = doc.line_sources
    found: list[tuple[int, int, bool]] = []  # (offset of the break's last character, of the next line's first, sure)
    at = 0
    for i in range(len(lines) - 1):
        raw, after = lines[i], lines[i + 1]
        start = at
        at += len(raw) + 1
        a, b = raw.rstrip(), after.lstrip()
        if not a or not b:
            continue
        bracket = _bracket_across(a, b)
        if not bracket and not (_is_han_char(a[-1]) and _is_han_char(b[0])):
            continue
        if sources and not (i + 1 < len(sources) and (
                sources[i].startswith("paragraph ") and sources[i + 1].startswith("paragraph ")
                or _same_cell(sources[i], sources[i + 1]))):
            continue  # a table's cells, a header, a text box: each ends where its box ends
        if (i + 1) in doc.style_headings or (i + 2) in doc.style_headings or (i + 2) in doc.list_labels:
            continue
        tail = _SENTENCE_END.split(a)[-1].strip()
        # a sentence under way: a clause in it, or a title mark left open after a sentence of prose
        if len(tail) < _BROKEN_MIN_TAIL or not (_CLAUSE_MARK.search(tail) or bracket and len(tail) < len(a)):
            continue
        if heading_level(b) is not None or (len(b) <= 15 and not _ANY_MARK.search(b)) or _LABEL_LEAD.match(b) \
                or _SPACED_FIELD.match(b):
            continue  # the next line is a heading, a label or a field of its own (具体实现：…, 班    级    计算机2306)
        # the halves spell a word, or a title or bracket runs on: the text itself runs on
        joined = bracket or (joins_into_word(a, b) and not _word_at(a, end=True) and not _word_at(b, end=False))
        item = heading_level(a.strip()) is not None
        if item and not joined:
            continue  # a list item one line long and a note under it (…调用了同样的方法 / 等同于…)
        found.append((start + len(a) - 1, at + len(after) - len(b), joined or a[-1] in _NO_END or b[0] in _NO_START, item))
    if sum(1 for f in found if f[2] and not f[3]) < 2:
        found = [f for f in found if f[2]]
    seen = {f[0] for f in found}
    return [h for h in _reference_wraps(doc) if h.offset not in seen] + [Hit(last, first + 1, {"before": doc.text[max(last - 5, 0):last + 1].lstrip(), "after": doc.text[first:first + 5]},
                Fix("", last + 1, first, safe=False))
            for last, first, _, _ in found]


# A text file's paragraph split into lines after each ；, one sentence's clauses on lines of their own
# (…能力建设。截止10月，组织排查入境人员169人，落实管控37人；/ 排查国内重点地区人员50000余人次，…；/
# 60周岁以上人群…排名第一。稳进提质…), as a site's copy of a report lays it out. A real list has a lead-in
# and items of their own (numbered, or each its own sentence from the line's start): the run is
# taken for a split sentence only where its first line ends a sentence and goes on into the clause
# the ； ends (a full stop before it), and no line of it opens with a heading or an item's mark.
_SEMICOLON_BREAK = compile_regex(r"[；;][ \t\u3000]*\n(?=[ \t\u3000]*[^\s])")
_ITEM_LEAD = compile_regex(r"[ \t\u3000]*(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]|第[一二三四五六七八九十\d]+[、，,.．条章节项]"
                           r"|\d+[、.．)）]|[（(][\d一二三四五六七八九十]+[)）]|[①-⑳⑴-⒇❶-❿●○■□◆◇▲△★☆•·—]|[-*＊](?=[ \t\u3000]))")
_SEMICOLON_MIN_CLAUSE = 4  # characters of the clause between the first line's full stop and its ；


def _semicolon_breaks(doc: Document, heading_level) -> list[Hit]:
    text = doc.text
    if "；\n" not in text and ";\n" not in text and not _SEMICOLON_BREAK.search(text):
        return []  # most texts: no line ends with a semicolon
    hits: list[Hit] = []
    for m in _SEMICOLON_BREAK.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        nxt_start = m.end() + len(text[m.end():m.end() + 8]) - len(text[m.end():m.end() + 8].lstrip(" \t\u3000"))
        nxt_end = text.find("\n", nxt_start)
        nxt = text[nxt_start:nxt_end if nxt_end >= 0 else len(text)]
        if heading_level(nxt) is not None or _ITEM_LEAD.match(nxt) or _LABEL_LEAD.match(nxt):
            continue  # the next line is a heading, an item or a field of its own
        # the run's first line: back over the lines before that end with ；, none an item or a heading
        first_start, ok = line_start, True
        while first_start > 0:
            prev_start = text.rfind("\n", 0, first_start - 1) + 1
            prev = text[prev_start:first_start - 1].rstrip(" \t\u3000")
            if not prev or prev[-1] not in "；;":
                break
            first_start = prev_start
        run = text[first_start:m.start()].split("\n")
        if any(heading_level(r.strip()) is not None or _ITEM_LEAD.match(r) for r in run[1:]):
            continue
        first = run[0].rstrip(" \t\u3000")
        if first and first[-1] in "；;":
            first = first[:-1]
        stops = [k for k in _SENTENCE_END.finditer(first)]
        if not stops or len(first) - stops[-1].end() < _SEMICOLON_MIN_CLAUSE:
            continue  # no sentence ends before the clause: a list's item or a line of its own
        last = m.start()
        hits.append(Hit(last, nxt_start + 1, {"before": text[max(last - 5, line_start):last + 1], "after": text[nxt_start:nxt_start + 5]},
                        Fix("", last + 1, nxt_start, safe=False)))
    return hits


# A text file whose lines were cut as a PDF's or a print's were, copied as they were. Two layouts:
# (1) fixed width: within a paragraph every line that ends inside a sentence ends at the same
# printed width (…推动基 / 础及应用…, …技术评估， / 发展…), the layout of a page and not of the text;
# (2) split spans: a PDF turned into a web page puts each figure on a line of its own, the sentence
# running on around it (…出动 / 8000 / 余人次，出动…). A line that ends a sentence, a heading, an item
# or a label is never a break; a page of short lines (verse, table cells, menus) is neither layout.
_SENTENCE_CLOSE = frozenset("。！？!?；;：:….")  # . : a half-width full stop or a cut (...
_SPLIT_CLOSE = frozenset("。！？!?：:….")
_CLOSERS = frozenset("”’」』\"）)")
# one column: digits, letters, spaces; ,;:!?() are a PDF's full-width marks made half-width by the copy
_NARROW = compile_regex(r"[^\u2001-\U0010ffff,;:!?()]")
# a line end after a character that ends no sentence (a space before it at most), text after it;
# written from the line end so that only line ends are tried
_RUN_ON_END = compile_regex(r"\n(?:(?<=[^\s。！？!?；;：:…”’」』\"）).]\n)|(?<=[^\s。！？!?；;：:…”’」』\"）).][ \t\u3000]\n))[ \t\u3000]*[^\s]")
_LONE_FIGURE = compile_regex(r"[ \t\u3000]*\d[\d.,，]*[ \t]*[%％‰]?[ \t\u3000]*")
_LONE_FIGURE_LINE = compile_regex(r"\n[ \t\u3000]*\d[\d.,，]*[ \t]*[%％‰]?[ \t\u3000]*\n[ \t\u3000]*[^\s\d]")
# a clause mark; a comma before three digits is a figure's thousands separator (160,909), no clause
_CLAUSE_ANY = compile_regex(r"[、；。;]|[，,](?!\d{3}(?!\d))")
_FIELD_ROW = compile_regex(r"[^，。；、,;：:]{1,12}[：:]")  # a field's name, spaced or not (标  题：)
_TITLE_END = compile_regex(r"(?:总结|總結|报告|報告|计划|計劃|方案|讲话|講話|规划|規劃|要点|要點|汇报|匯報|情况|情況)$")
_WRAP_MIN_WIDTH = 48  # printed width (a Chinese character 2) of the narrowest fixed-width layout
_WRAP_MAX_OVER = 1.25  # no line of a fixed-width run is much wider than its run-on lines
_WRAP_MIN_SHARE = 0.75  # of a paragraph's run-on line ends at its width
_SPLIT_MIN_FIGURES = 3  # lone figures a sentence runs on around, in one run of lines


def _printed_width(line: str) -> int:
    """Width `line` took on the page: Chinese characters and full-width marks 2, and the ASCII
    punctuation a copy made of a PDF's full-width marks 2 as well; digits and letters 1."""
    return 2 * len(line) - len(_NARROW.findall(line))


def _text_across(a: str, b: str) -> bool:
    """Is there Chinese text on both sides of the line end (not a Latin word, code or a symbol)?"""
    a, b = a.rstrip(), b.lstrip()
    return bool(a and b) and not (a[-1].isascii() and a[-1].isalpha()) and (_is_han_char(b[0]) or b[0].isdigit() or b[0] in "“《（(，、")


def _ends_sentence(line: str, closing: frozenset = _SENTENCE_CLOSE) -> bool:
    last = line[-1]
    return last in closing or (last in _CLOSERS and len(line) > 1 and line[-2] in closing)


def _hard_wrap_breaks(doc: Document, heading_level) -> list[Hit]:
    text = doc.text
    # the runs of lines worth a look: two long lines that end inside a sentence (a wrap), or lone figures
    wrap_at = [m.start() for m in fast_finditer(_RUN_ON_END)(text)
               if m.start() - text.rfind("\n", 0, m.start()) > _WRAP_MIN_WIDTH // 2]
    split_at = [m.start() + 1 for m in fast_finditer(_LONE_FIGURE_LINE)(text)]
    wrapped, split = len(wrap_at) >= 2, len(split_at) >= _SPLIT_MIN_FIGURES
    if not wrapped and not split:
        return []  # most texts: one paragraph a line, ended by its full stop
    # a lone `|` closing a table's row parts runs as a blank line does (a law given as rows, each
    # article's text wrapped at the page's width: …訂定之。 / | / 鄉鎮…)
    lines = ["" if line.text.strip() in ("|", "｜") else line.text for line in doc.lines]
    starts = doc.line_starts
    seen: set[int] = set()  # first lines of the runs looked at
    hits: list[Hit] = []
    for at in sorted((wrap_at if wrapped else []) + (split_at if split else [])):
        i = j = doc.line_index(at)  # the line that ends at `at` (a wrap) or starts there (a figure)
        if not lines[i].strip():
            continue
        while i > 0 and lines[i - 1].strip():
            i -= 1
        if i in seen:
            continue
        seen.add(i)
        while j + 1 < len(lines) and lines[j + 1].strip():
            j += 1
        if i == j:
            continue
        run = [lines[k].rstrip() for k in range(i, j + 1)]
        for k in _run_breaks(run, heading_level, wrapped, split):
            a, b = run[k], lines[i + k + 1]
            last = starts[i + k] + len(a) - 1
            first = starts[i + k + 1] + len(b) - len(b.lstrip())
            hits.append(Hit(last, first + 1, {"before": a[-5:].lstrip(), "after": b.strip()[:5]},
                            Fix("", last + 1, first, safe=False)))
    return hits


# a line end inside a sentence, then one blank line and text: a page laid out in lines, double-spaced
_RUN_ON_END_SPACED = compile_regex(r"\n(?<=[^\s。！？!?；;：:…”’」』\"）).]\n)[ \t\u3000]*\n[ \t\u3000]*[^\s]")
_SPACED_MIN_LINES = 6  # lines of a double-spaced run (a flipbook's page), each followed by one blank line


def _double_spaced_wrap_breaks(doc: Document, heading_level) -> list[Hit]:
    """`_hard_wrap_breaks` for a page laid out in lines with a blank line after each (a flipbook's or a
    PDF's text: …三年前，在鄉 / (blank) / 親的支持下，…): the run is its lines without the blank ones,
    judged by the same fixed width; a page of paragraphs parted by blank lines has no such width."""
    from .layout import CONTENTS_TITLE
    from .structure import ARTICLE

    text = doc.text
    wrap_at = [m.start() for m in fast_finditer(_RUN_ON_END_SPACED)(text)
               if m.start() - text.rfind("\n", 0, m.start()) > _WRAP_MIN_WIDTH // 2]
    if len(wrap_at) < 2:
        return []
    # the layout's mark, before any run is built: most run-on line ends at one width (within a few
    # characters); a page of paragraphs parted by blank lines runs on at headings and labels of any width
    ends = sorted(at - text.rfind("\n", 0, at) for at in wrap_at)
    lo, most = 0, 0
    for hi, width in enumerate(ends):
        while width - ends[lo] > 4:
            lo += 1
        most = max(most, hi - lo + 1)
    if most < 2 or 2 * most < len(ends):
        return []
    lines = [line.text for line in doc.lines]
    starts = doc.line_starts

    def spaced(k: int) -> bool:  # line k has text and one blank line after it, then text
        return k + 2 < len(lines) and bool(lines[k].strip()) and not lines[k + 1].strip() and bool(lines[k + 2].strip())

    hits: list[Hit] = []
    done = -1  # the last line of the last run looked at: its other line ends are in it
    for at in wrap_at:
        i = j = doc.line_index(at)
        if i <= done:
            continue
        while i >= 2 and spaced(i - 2) and (i < 3 or not lines[i - 3].strip()):
            i -= 2
        if i > 0 and lines[i - 1].strip():
            continue
        while spaced(j) and (j + 3 >= len(lines) or not lines[j + 3].strip()):
            j += 2
        done = j
        if (j - i) // 2 + 1 < _SPACED_MIN_LINES:
            continue
        run = [lines[k].rstrip() for k in range(i, j + 1, 2)]
        if any(CONTENTS_TITLE.match(line) for line in run):
            continue  # a typed contents list, its entries a line each (…决算目录 / 第一部分  概况 / 一、…)
        for k in _run_breaks(run, heading_level, True, False):
            if ARTICLE.match(run[k + 1].lstrip()):
                continue  # a part, chapter or article opens its own paragraph (第三部分  …情况说明)
            a, b = run[k], lines[i + 2 * k + 2]
            last = starts[i + 2 * k] + len(a) - 1
            first = starts[i + 2 * k + 2] + len(b) - len(b.lstrip())
            hits.append(Hit(last, first + 1, {"before": a[-5:].lstrip(), "after": b.strip()[:5]},
                            Fix("", last + 1, first, safe=False)))
    return hits


# A row's number opening its line, a blank or a bracket after it (1 (…), 12 《…》): a table or a list read as lines.
_ROW_NUMBER = compile_regex(r"(\d{1,3})(?=[ \t\u3000(（《【])")


def _numbered_rows(a: str, b: str) -> bool:
    """Do lines `a` and `b` open with row numbers in turn (1 … / 2 …)? Then each is a row of its own: a
    list of a page's entries (a rules library's 1 (2019年…公布) 下载文字版 / 2 (…)), no sentence running on."""
    ma, mb = _ROW_NUMBER.match(a), _ROW_NUMBER.match(b)
    return ma is not None and mb is not None and int(mb.group(1)) == int(ma.group(1)) + 1


_PARALLEL_LEAD = 4  # Han characters two lines open with alike: entries of a list, each a line


def _parallel_rows(a: str, b: str) -> bool:
    """Do lines `a` and `b` open with the same words (中華民國100年… / 中華民國101年…, each a dated entry
    of a rule's history)? Then each is an entry of its own: a paragraph wrapped at a width goes on
    with other words on each line, and no sentence runs on from one entry into the next."""
    lead = a[:_PARALLEL_LEAD]
    return len(lead) == _PARALLEL_LEAD and b.startswith(lead) and all(_is_han_char(ch) for ch in lead)


def _run_breaks(run: list[str], heading_level, wrapped: bool, split: bool) -> list[int]:
    """Indexes k of the run's lines whose line end (k, k + 1) falls inside a sentence."""
    def opens_own(b: str, label: bool = True) -> bool:
        """Does line `b` open a paragraph of its own (a heading, an item, a `label` if asked)?"""
        return heading_level(b) is not None or bool(_ITEM_LEAD.match(b)) or (label and bool(_LABEL_LEAD.match(b)))

    def lone(line: str) -> bool:
        """A figure alone on its line (not a heading's number, 1. / 2.)"""
        return len(line.strip()) >= 2 and bool(_LONE_FIGURE.fullmatch(line)) and heading_level(line.strip()) is None

    def runs_on(k: int, item: bool = False, closing: frozenset = _SENTENCE_CLOSE) -> bool:
        """Does the sentence run on over line k's end? A heading or an item of its own ends there,
        unless `item` (at a fixed width, an item running to the full width goes on too); after a
        lone figure only a heading starts anew (2023 / 年工作报告如下：)."""
        a, b = run[k].strip(), run[k + 1].strip()
        if not item and not lone(a) and heading_level(a) is not None:
            return False
        if _ends_sentence(a, closing) or lone(b):
            return not _ends_sentence(a, closing)
        if heading_level(b) is not None or (not lone(a) and opens_own(b, label=not item)):
            return False  # at a fixed width, 括：办公用房… after …主要包 is no label of its own
        if _FIELD_ROW.match(a) and _FIELD_ROW.match(b):
            return False  # rows of an info panel (发布机构： … / 标  题： …)
        if _numbered_rows(a, b):
            return False  # rows of a list numbered in turn (1 (…公布) 下载文字版 / 2 (…施行) 下载文字版)
        if _parallel_rows(a, b):
            return False  # entries opening alike (中華民國100年…生效 / 中華民國101年…生效)
        return item or lone(a) or heading_level(a) is None
    def number_only(k: int) -> bool:
        """Is line k a heading's number alone (1. / 一、), its text on the next line?"""
        mark = heading_level(run[k].strip())
        return mark is not None and mark[2] == len(run[k].strip())
    if split:
        figures = sum(1 for k in range(1, len(run) - 1) if lone(run[k]) and runs_on(k - 1) and runs_on(k)
                      and (_CLAUSE_ANY.search(run[k - 1]) or _CLAUSE_ANY.search(run[k + 1])))
        figures += bool(len(run) > 1 and lone(run[0]) and runs_on(0))  # a figure opening the run (2020 / 年工作总结)
        if figures >= _SPLIT_MIN_FIGURES:
            # a ； between figures goes on with the sentence (5% / ； / 1—10 / 月份…)
            return [k for k in range(len(run) - 1) if runs_on(k, closing=_SPLIT_CLOSE)
                    and not _TITLE_END.search(run[k].strip()) and not number_only(k)]
    if not wrapped:
        return []
    candidates = [k for k in range(len(run) - 1) if runs_on(k, item=True, closing=_SPLIT_CLOSE)]
    if len(candidates) < 2:
        return []
    widths = {k: _printed_width(run[k]) for k in candidates}
    widest = max(widths.values())
    if widest < _WRAP_MIN_WIDTH:
        return []  # short lines: verse, cells, menu items, a title set on two lines
    full = [k for k in candidates if widths[k] >= widest - max(6, widest // 5) and _text_across(run[k], run[k + 1])]
    # the share is taken of the run-on line ends of its text: a short title above it and a short
    # heading (二、存在的问题) end where they end at any width
    short_heads = sum(1 for k in candidates if k not in full and (k == 0 or heading_level(run[k].strip()) is not None))
    if len(full) < 2 or len(full) < _WRAP_MIN_SHARE * (len(candidates) - short_heads):
        return []
    if 2 * sum(1 for line in run if _printed_width(line) > widest * _WRAP_MAX_OVER) >= len(full):
        return []  # lines much wider than the width: paragraphs a line each, under headings of one length
    return full


# A text file's line end inside a word, the word's last one or two characters opening the next line
# right before a clause mark (…有力地推动了县域经济的发 / 展。各级…, …思想为指 / 导,坚持…): no line of
# prose opens with a word's tail that ends a clause at once. Found from the mark (one scan in C); the
# halves must spell a word that neither half ends or starts with a word of its own, after a sentence
# under way (a label's line, 会议上 / 来源：…, is followed by a colon, which is no clause mark here), in a
# text of paragraphs a line each (a page laid out in wrapped lines is _hard_wrap_breaks's).
_CUT_WORD_BREAK = compile_regex(r"(?<=[\u4e00-\u9fff])[ \t\u3000]*\n(?:[ \t\u3000]*\n)*[ \t\u3000]*"
                                r"(?P<tail>[\u4e00-\u9fff]{1,2})(?=[。，,；;、！？!?])")
_CUT_WORD_MAX_RUN_ONS = 2  # long lines ending inside a sentence: more, and the page is laid out in lines


def _laid_out_in_lines(text: str) -> bool:
    """A page laid out in wrapped lines: each line end inside its running text is _hard_wrap_breaks's to judge."""
    return sum(1 for r in fast_finditer(_RUN_ON_END)(text)
               if r.start() - text.rfind("\n", 0, r.start()) > _WRAP_MIN_WIDTH // 2) > _CUT_WORD_MAX_RUN_ONS


# A line ending on an opening mark after words (根据《 / 中华人民共和国…法》…, 指出：“ / 社会主义…): no
# sentence, heading or cell ends on 《, “ or （; the page broke the line there (a link's text set on a
# line of its own by the scrape)
_OPEN_MARK_BREAK = compile_regex(r"(?<=[\u4e00-\u9fff，,、：:])[《“「『（(【][ \t\u3000]*\n[ \t\u3000]*(?=[\u4e00-\u9fff])")


def _open_mark_breaks(doc: Document, heading_level) -> list[Hit]:
    text = doc.text
    hits: list[Hit] = []
    for m in fast_finditer(_OPEN_MARK_BREAK)(text):
        last, first = m.start(), m.end()
        line_start = text.rfind("\n", 0, last) + 1
        hits.append(Hit(last, first + 1, {"before": text[max(last - 4, line_start):last + 1], "after": text[first:first + 5]},
                        Fix(text[last], last, first, safe=False)))
    return hits


def _cut_word_breaks(doc: Document, heading_level) -> list[Hit]:
    from ..words import joins_into_word

    text = doc.text
    hits: list[Hit] = []
    matches = list(fast_finditer(_CUT_WORD_BREAK)(text))
    if not matches:
        return hits
    if _laid_out_in_lines(text):
        return hits
    for m in matches:
        line_start = text.rfind("\n", 0, m.start()) + 1
        a = text[line_start:m.start()].strip()
        tail = _SENTENCE_END.split(a)[-1]
        b = m.group("tail") + text[m.end():m.end() + 1]
        if len(tail) < _BROKEN_MIN_TAIL or heading_level(a) is not None:
            continue  # no sentence under way: a title, a heading, a label
        if not joins_into_word(a, b) or _word_at(a, end=True):
            continue
        last, first = m.start() - 1, m.start("tail")
        hits.append(Hit(last, first + 1, {"before": text[max(last - 4, line_start):last + 1], "after": text[first:first + 5]},
                        Fix("", last + 1, first, safe=False)))
    return hits


# A text file's line end inside a word or a phrase that the document itself writes unbroken elsewhere:
# a contents entry cut before its last characters (三、…培训费及会议费支出情 / 况说明, with 情况说明 in
# the entries around it; 表七：…经费支出 / 决算表 beside …支出决算表), a heading wrapped inside its phrase
# (…支撐高質量 / 發展新篇章 where the text writes 高質量發展), a word of the text split at a lone line end
# (…奋战在抗 / 疫一线 where the text writes 抗疫). The document's own spelling is the evidence no word
# list gives (phrases, traditional script): a line end inside a dictionary word that neither half ends or
# starts with a word of its own, after four characters at least and before two, whose word the text holds
# on one line elsewhere; or, after a numbered line (an outline's heading, a table's or a contents
# entry's number) and before a short line of words with no mark of its own, two characters each side that
# the text holds together elsewhere. A title set on two lines (最高人民法院 / 关于…的解释) is no numbered
# line, and a break between two words of running text is not taken on this evidence.
# from the line break (a pattern opening with one is searched for in C), a Chinese character before it
_HAN_LINE_END = compile_regex(r"\n(?<=[\u4e00-\u9fff]\n)(?:[ \t\u3000]*\n)?[ \t\u3000]*(?=[\u4e00-\u9fff])")
_NUMBERED_LABEL = compile_regex(r"[表图圖][一二三四五六七八九十\d]{1,3}[:：、.．]|第[一二三四五六七八九十百\d]{1,3}[章节節部篇条條]")
_SHORT_TAIL = 8  # characters of the short line a numbered line's last words run onto
_ALL_HAN = compile_regex(r"[\u4e00-\u9fff]+")


def _seen_unbroken_breaks(doc: Document, heading_level) -> list[Hit]:
    from ..words import joins_into_word

    from .layout import OUTLINE_NUMBER

    text = doc.text
    hits: list[Hit] = []
    ends = list(fast_finditer(_HAN_LINE_END)(text))
    if not ends:
        return hits
    wrapped: list[bool] = []  # worked out once, for the first word split

    def laid_out_in_lines() -> bool:
        if not wrapped:
            wrapped.append(_laid_out_in_lines(text))
        return wrapped[0]

    for m in ends:
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        # the lines' ends near the break and their starts: a paragraph a line may be thousands of characters
        b = text[m.end():min(line_end, m.end() + 40)].rstrip()
        if heading_level(b) is not None:
            continue
        a = text[max(line_start, m.start() - 40):m.start()].rstrip()
        long_a, long_b = m.start() - line_start, line_end - m.end()
        mark_end: list[int | None] = []  # where the line's own number ends, None for a line without one

        def number_end() -> int | None:
            if not mark_end:
                head = text[line_start:min(m.start(), line_start + 20)].lstrip()
                level = heading_level(head)
                mark = None if level else OUTLINE_NUMBER.match(head) or _NUMBERED_LABEL.match(head)
                end = level[2] if level else mark.end() if mark else None
                mark_end.append(None if end is None else end + len(text[line_start:line_start + 20]) - len(head))
            return mark_end[0]

        # a word split inside a sentence under way (a clause before the line end) or a numbered line's words
        inside = (long_a >= 4 and long_b >= 2
                  and (_CLAUSE_MARK.search(_SENTENCE_END.split(a)[-1]) or number_end() is not None)
                  and joins_into_word(a, b) and not _word_at(a, end=True) and not _word_at(b, end=False)
                  and not laid_out_in_lines())
        numbered = False
        if not inside and long_b <= _SHORT_TAIL and not _ANY_MARK.search(b):
            # the number's own words end on this line (第一部分 / 华容县司法局概况 is a number, its title under it)
            numbered = number_end() is not None and long_a - number_end() >= 2
        if not inside and not numbered:
            continue
        least = 1 if inside else 2  # characters each side of the line end the text must hold together
        if not any(_ALL_HAN.fullmatch(a[-k:] + b[:n]) and a[-k:] + b[:n] in text
                   for k in range(least, min(4, len(a)) + 1) for n in range(least, min(4, len(b)) + 1)):
            continue
        last, first = m.start() - 1, m.end()
        hits.append(Hit(last, first + 1, {"before": text[max(last - 4, line_start):last + 1], "after": b[:5]},
                        Fix("", last + 1, first, safe=False)))
    return hits


# A list whose numbers lost their marks in a conversion, each glued to the figure that opens its
# item (1、180项… / 2、87项… / 3、69项… read as 1180项 / 287项 / 369项).
_OPENING_FIGURE = compile_regex(r"[ \t\u3000]*(\d{2,})(?=[\u4e00-\u9fff])(?![\d]*[年月日号时点分秒岁届期])")
_FIRST_ITEM = compile_regex(r"\n[ \t\u3000]*1[1-9]\d*[\u4e00-\u9fff]")  # from a line break: scanned in C
_GLUED_MIN_ITEMS = 3


@check("glued-list-number")
def glued_list_number(doc: Document, ctx: Context, rule) -> list[Hit]:
    """Consecutive paragraphs that each open with a bare figure whose leading digits run 1, 2, 3…
    in order, what follows them a number of its own (not starting with 0): the list's numbers
    with their 、 lost, glued to the figures. Three such paragraphs by chance are all but
    impossible (none in 878 official texts); dates and ages (12月, 25日) are no figures here."""
    if not _FIRST_ITEM.search("\n" + doc.text[:40]) and not _FIRST_ITEM.search(doc.text):
        return []  # most documents: no paragraph opens with 1 glued to a figure
    hits: list[Hit] = []
    run: list[tuple[int, int, str]] = []  # (offset of the opening digits, their end, the item's number)

    def flush() -> None:
        if len(run) >= _GLUED_MIN_ITEMS:
            for at, end, number in run:  # the digits are the finding, their unit quoted with them
                hits.append(Hit(at, end, {"match": doc.text[at:end + 1], "number": number},
                                Fix(number + "、", at, at + len(number), safe=False)))
        run.clear()

    for line in doc.lines:
        if line.start == line.end or not doc.text[line.start:line.end].strip():
            continue  # a blank line between paragraphs keeps the run going
        m = _OPENING_FIGURE.match(doc.text, line.start, line.end)
        want = str(len(run) + 1)
        digits = m.group(1) if m else ""
        if not (digits.startswith(want) and digits[len(want):len(want) + 1] not in ("", "0")):
            flush()
            want = "1"
            if not (digits.startswith("1") and digits[1:2] not in ("", "0")):
                continue
        run.append((m.start(1), m.end(1), want))
    flush()
    return hits


# -- a signing date that lost 年, 月 and 日 (KJ412) ---------------------------------------------------

# A line that holds nothing but six to eight digits opening with a year (202256, 2018525, 20171116), blanks
# around them: the signing date of a PDF's right-aligned 落款 once its 年, 月 and 日 were lost.
_DIGITS_LINE = compile_regex(r"(?m)^[ \t\u3000]*((?:19|20)[0-9]{4,6})[ \t\u3000]*$")
# the last character of the organ that signs (…办公室, …人民政府, …委员会, …局)
_SIGNING_ORGAN = frozenset("会局室厅府院部委处办社司队所心會廳處辦隊")
_BLANK_LINE_CHARS = " \t\u3000\r"


def _calendar_date(digits: str) -> bool:
    """Do the digits after the year read as a month and a day that exist (2018525: May 25;
    20171116: November 16)? The calendar is the document's evidence that a count is no date."""
    import datetime

    year, rest = int(digits[:4]), digits[4:]
    for cut in (1, 2):
        month, day = rest[:cut], rest[cut:]
        if not 1 <= len(day) <= 2 or month.startswith("0") and cut == 1:
            continue
        try:
            datetime.date(year, int(month), int(day))
        except ValueError:
            continue
        return True
    return False


@check("signing-date-digits")
def signing_date_digits(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """A signing date whose 年, 月 and 日 were lost, alone on its line under the organ that signs,
    blanks and up to three blank lines between them (`兴城市人民政府办公室` / `` / `  20171116`),
    its digits a date of the calendar."""
    text = doc.text
    for m in _DIGITS_LINE.finditer(text):
        if not _calendar_date(m.group(1)):
            continue
        end = m.start() - 1  # the newline that ends the line above
        for _ in range(4):
            if end < 0:
                break
            start = text.rfind("\n", 0, end) + 1
            above = text[start:end].rstrip(_BLANK_LINE_CHARS)
            if above:
                if above[-1] in _SIGNING_ORGAN:
                    yield Hit(m.start(1), m.end(1), {"match": m.group(1)})
                break
            end = start - 1
