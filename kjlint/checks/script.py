"""KJ7 script and typography: mixed traditional/simplified script, half-width punctuation in
Chinese text (GB/T 15834), OCR residue.

Both checks report one finding per line with a count and one fix for the line, so a scraped
document that uses half-width commas throughout gets one finding per line, not hundreds.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterator

from .registry import check
from ..document import Document
from ..normalize import (PINYIN_ANNOTATION, script_class, script_sets, to_simplified, to_traditional,
                         traditional_all_convert)
from ..ruletypes import Context, Hit, rule_hits
from .textspans import Edit, SpanSet, frequency_table, group_by_line, is_cjk, is_han
from ..diskcache import compile_regex

# --- mixed traditional and simplified script ------------------------------------------------


def script_counts(doc: Document, ctx: Context) -> tuple[Counter, Counter]:
    """(traditional-only, simplified-only) character counts of the document (memoized)."""
    if "script-counts" not in ctx.memo:
        # A text that to_simplified leaves as it is (Document.simplified, which the plain lines
        # of the KJ3 rules have made by now) has no traditional-only character.
        no_traditional = doc.simplified is doc.text and traditional_all_convert()
        if no_traditional or not (script_class("traditional").search(doc.text)
                                  and script_class("simplified").search(doc.text)):
            ctx.memo["script-counts"] = (Counter(), Counter())  # one script only: nothing to count
        else:
            trad, simp = script_sets()
            every = Counter(doc.text)  # counted in C; the few hundred distinct characters are then sorted
            ctx.memo["script-counts"] = (Counter({c: n for c, n in every.items() if c in trad}),
                                         Counter({c: n for c, n in every.items() if c in simp}))
    return ctx.memo["script-counts"]


@check("mixed-script")
def mixed_script(doc: Document, ctx: Context, rule) -> list[Hit]:
    """Characters of the minority script, one finding per line with counts; the fix converts
    them to the dominant script (unsafe: simplified→traditional is one-to-many)."""
    trad, simp = script_counts(doc, ctx)
    n_trad, n_simp = sum(trad.values()), sum(simp.values())
    if not n_trad or not n_simp or n_trad == n_simp:
        return []
    ratio = float(rule.params.get("max-minority-share", 0.5))
    if min(n_trad, n_simp) / (n_trad + n_simp) > ratio:
        return []
    if n_simp > n_trad:
        minority, dominant, minor_name, convert = trad, n_simp, "traditional", to_simplified
    else:
        minority, dominant, minor_name, convert = simp, n_trad, "simplified", to_traditional
    garbage = SpanSet(byte_shift_spans(doc, ctx))
    both = set(rule.params.get("valid-in-both", ""))
    text = doc.text
    # Where the minority's characters stand, found with str.find (a few dozen in a long text)
    # rather than by a Python step per character of the text.
    where = sorted(i for c in minority if c not in both for i in _positions(text, c))
    # ... and words a traditional text writes with such a character as they are (客庄, Taiwan's term)
    kept = {j for word in rule.params.get("words-valid-in-both", []) for at in _positions(text, word)
            for j in range(at, at + len(word))} if where else set()
    where = [i for i in where if i not in kept]
    edits = [Edit(i, i + 1, convert(text[i]), text[i]) for i in where
             if i not in garbage and not _in_garbled_run(text, i)]
    skip = rule.params.get("skip-flagged-by")
    if edits and skip:  # the site's lines are in the site's script (a header, injected spam)
        from .layout import flagged_lines

        furniture = flagged_lines(doc, ctx, list(skip))
        edits = [e for e in edits if doc.line_index(e.start) not in furniture]
        if edits:  # ... and so is what those rules report inside a line (…聚焦-重慶爱拼物流信息網 |…)
            spans = SpanSet([(h.offset, h.end) for code in skip if (other := ctx.catalog.rules.get(code)) is not None
                             and other.run is not None and other.enabled for h in rule_hits(other, doc, ctx)])
            edits = [e for e in edits if e.start not in spans]
        if edits:
            head = _page_head(doc, ctx, furniture | flagged_lines(doc, ctx, list(rule.params.get("head-flagged-by", []))))
            edits = [e for e in edits if doc.line_index(e.start) >= head]
    near = rule.params.get("skip-near-lost-characters")
    if edits and near:  # GBK read a byte off between two marks of lost characters (莊重?zé)崃业乃拖矆?bào):
        # its characters are garbage that happens to be of the other script, KJ4's finding
        reach = int(near.get("within", 0))
        lost = SpanSet([(max(0, h.offset - reach), h.end + reach) for code in near.get("rules", [])
                        if (other := ctx.catalog.rules.get(code)) is not None and other.run is not None
                        and other.enabled for h in rule_hits(other, doc, ctx)])
        edits = [e for e in edits if e.start not in lost]
    if 0 < len(edits) <= _BYLINE_MAX_CHARS:  # a name keeps its registered characters (区财政局 席捲澜)
        edits = [e for e in edits if not _byline(doc, e.start)]
    total = len(edits)
    if not edits:
        return []

    def describe(group: list[Edit], snippet: str) -> tuple[str, dict]:
        counts = Counter(e.label for e in group)
        shown = " ".join(f"{c}×{n}" if n > 1 else c for c, n in counts.most_common(12))
        # the message key names the minority script: "traditional" characters in a simplified text
        return minor_name, {"characters": shown, "total": total, "dominant": dominant}

    return group_by_line(doc, edits, describe, safe=False)


_PROSE_LINE = compile_regex(r"[，。；,;][^\n]*[。！？!?]")  # a clause mark, then a sentence ended: a paragraph
_HEAD_SCAN = 20  # lines with text looked at for the page's head


def _page_head(doc: Document, ctx: Context, furniture: set[int]) -> int:
    """Where the page's head ends (0 when it has none): above the first paragraph of prose, the
    lines up to the last one the furniture rules (or a repeated title, KJ607) report. A page's
    title and its site's lines above that line (a spam title, 体彩走势图|…, a site name glued to
    the title) are in the site's script, not the writer's."""
    last = -1
    seen = 0
    for i, line in enumerate(doc.lines):
        if not line.text.strip():
            continue
        if i not in furniture and len(line.text) > 60 and _PROSE_LINE.search(line.text):
            break  # the text's first paragraph
        if i in furniture:
            last = i
        seen += 1
        if seen >= _HEAD_SCAN:
            break
    return last + 1


# A byline or a signature (区财政局 席捲澜, a short line with no clause mark): a person's name there
# keeps the characters it is registered with, one or two of the other script in a whole document.
_BYLINE_MAX_CHARS = 2
_BYLINE_MAX_LEN = 20
_CLAUSE_PUNCT = compile_regex(r"[，。；：！？,;:!?、]")


def _byline(doc: Document, i: int) -> bool:
    line = doc.lines[doc.line_index(i)]
    text = doc.text[line.start:line.end].strip()
    return len(text) <= _BYLINE_MAX_LEN and not _CLAUSE_PUNCT.search(text)


def _positions(text: str, char: str) -> list[int]:
    """Every offset of `char` (a character or a word) in `text`."""
    out, i = [], text.find(char)
    while i >= 0:
        out.append(i)
        i = text.find(char, i + 1)
    return out


RARE = 14  # log2 count in the frequency table: below it a character is rare (铀 10, 镜 13, 边 16)


def _in_garbled_run(text: str, i: int) -> bool:
    """A rare character next to another rare one: encoding garbage (铀痉, 龊眯滦) that happens to
    contain characters of the other script, KJ4's finding, not mixed script."""
    chars, _ = frequency_table()  # of simplified characters: look traditional ones up converted

    def rare(c: str) -> bool:
        return chars.get(c, 0) < RARE and chars.get(to_simplified(c), 0) < RARE

    return rare(text[i]) and any(0 <= j < len(text) and is_han(text[j]) and rare(text[j]) for j in (i - 1, i + 1))


# --- half-width punctuation between Chinese characters -----------------------------------------

FULL_WIDTH = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}
_HALF = compile_regex(r"[,:;()?!]")
# Bounded local part: an unbounded one would rescan long runs of word characters (linear time).
_URL = compile_regex(r"(?:https?://|ftp://|www\.)[\x21-\x7e]+|[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
                  r"|`[^`\n]{0,500}`")
_PAREN = compile_regex(r"[()]")
_LATIN = compile_regex(r"[A-Za-z]")


def _protected_spans(doc: Document, ctx: Context) -> SpanSet:
    """URLs, e-mail addresses, code, pinyin annotations (KJ403) and byte-shift marks (KJ404)."""
    spans = [m.span() for m in _URL.finditer(doc.text)]
    spans += doc.pinyin_spans
    spans += [(a, a + 1) for a, _ in byte_shift_spans(doc, ctx)]
    return SpanSet(spans)


def byte_shift_spans(doc: Document, ctx: Context) -> list[tuple[int, int]]:
    """Spans of GBK byte-shift garbage (KJ404, default parameters): reported there, not here."""
    from .encoding import byte_shift_hits

    return [(h.offset, h.end) for h in byte_shift_hits(doc, ctx)]


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _neighbours(text: str, i: int, j: int) -> tuple[str, str]:
    """Nearest characters before i and from j on the same line, skipping spaces."""
    a = i - 1
    while a >= 0 and text[a] in " \t":
        a -= 1
    b = j
    while b < len(text) and text[b] in " \t":
        b += 1
    return (text[a] if a >= 0 and text[a] != "\n" else ""), (text[b] if b < len(text) and text[b] not in "\r\n" else "")


def halfwidth_edits(doc: Document, ctx: Context) -> list[Edit]:
    text = doc.text
    protected = _protected_spans(doc, ctx)
    edits: list[Edit] = []
    for line in doc.lines:
        lt = line.text
        if "," not in lt and ":" not in lt and ";" not in lt and "(" not in lt and ")" not in lt \
                and "?" not in lt and "!" not in lt:
            continue
        visible = [c for c in lt if not c.isspace()]
        if not visible or sum(1 for c in visible if _LATIN.match(c)) > len(visible) / 2:
            continue  # an English line
        paired: dict[int, int] = {}
        stack: list[int] = []
        for m in _PAREN.finditer(lt):
            if m.group(0) == "(":
                stack.append(m.start())
            elif stack:
                paired[stack.pop()] = m.start()
        close_of = {v: k for k, v in paired.items()}
        for m in _HALF.finditer(lt):
            pos = line.start + m.start()
            if pos in protected:
                continue
            ch = m.group(0)
            prev, nxt = _neighbours(text, pos, pos + 1)
            convert = False
            if ch in "()":
                if ch == "(" and m.start() in paired:
                    close = paired[m.start()]
                    inner = lt[m.start() + 1:close]
                    _, outer_next = _neighbours(text, line.start + close, line.start + close + 1)
                    convert = any(is_han(c) for c in inner) or is_cjk(prev) or is_cjk(outer_next)
                    if convert and not (PINYIN_ANNOTATION.match(lt, m.start())):
                        edits.append(Edit(pos, pos + 1, "（"))
                        edits.append(Edit(line.start + close, line.start + close + 1, "）"))
                    continue
                if ch == ")" and m.start() in close_of:
                    continue  # handled with its opening bracket
                convert = is_cjk(prev) or is_cjk(nxt)
            elif ch == ":":
                if text.startswith("//", pos + 1) or (prev.isdigit() and nxt.isdigit()):
                    continue
                convert = is_cjk(prev) or is_cjk(nxt)
            else:
                if _is_ascii_alnum(prev) and _is_ascii_alnum(nxt):
                    continue
                if ch == "?" and prev in "、，；：（“《":
                    continue  # not a question mark: a character lost in an encoding step
                convert = is_cjk(prev) or is_cjk(nxt)
            if convert:
                edits.append(Edit(pos, pos + 1, FULL_WIDTH[ch]))
    return edits


@check("halfwidth-punctuation")
def halfwidth_punctuation(doc: Document, ctx: Context, rule) -> list[Hit]:
    def describe(group: list[Edit], snippet: str) -> tuple[str, dict]:
        marks = "".join(doc.text[e.start] for e in group)
        return "marks", {"marks": marks, "full": "".join(FULL_WIDTH[c] for c in marks)}

    return group_by_line(doc, halfwidth_edits(doc, ctx), describe, safe=rule.fixable == "safe", join=0)


# --- a symbol inside a word the text writes whole elsewhere (KJ703) ---------------------------------

# A square, circle, star or iteration mark between two Chinese characters (corner brackets are a
# traditional text's quotation marks: 「…」 stays; the triangles, diamonds and box drawing KJ703's patterns report wherever they stand are not here)
# The diagonals ╱ ╲ are here too: Hong Kong and Taiwan texts write them for a slash between names
# (落馬洲╱新田), so one is a site's mark only inside a word or among other sprinkled symbols.
_SYMBOL_BETWEEN_HANZI = compile_regex(r"[■▪▫●◎○〇々〃※★☆◇△▽╱╲](?<=[\u4e00-\u9fff].)(?=[\u4e00-\u9fff])")
# a numeral's 〇 (二〇二三) is the text's own (a check box between two options, 是□否, is not looked at)
_NUMERALS = frozenset("〇○零一二三四五六七八九十百千万亿两")
# the symbols KJ703's patterns report between two characters (math operators, box drawing, blocks)
_SPRINKLED = compile_regex(r"[\u2200-\u2235\u2237-\u2263\u2266-\u22ff\u250c-\u257f\u2580-\u259f\u25b2\u25bc\u25c6](?<=[\u4e00-\u9fff].)(?=[\u4e00-\u9fff])")


# Round brackets, either width: a Word file's writer mixes them (（未实现), (加个排行榜）).
_ROUND = compile_regex(r"[（()）]")
# a list item's mark closed by a bracket (1）, a）, 十）) at a line's start opens nothing
_ITEM_CLOSE = compile_regex(r"[ \t\u3000]*[\dA-Za-z一二三四五六七八九十①-⑳]{1,3}$")


def _lone_closing_brackets(doc: Document) -> Iterator[Hit]:
    """In a Word file, a full-width closing bracket right after a Chinese character when no
    bracket is open anywhere before it (…确定位移量（也可由电机确定）。该过程由传感器采集）。): the
    writer's stray key or the trace of a passage deleted with its opening bracket. Brackets are
    counted over the whole text, either width, so that a note running over paragraphs closes."""
    text = doc.text
    if doc.source_format != "docx" or "）" not in text:
        return
    depth = 0
    for m in _ROUND.finditer(text):
        if m.group() in "（(":
            depth += 1
        elif depth:
            depth -= 1
        elif m.group() == "）" and "\u4e00" <= text[m.start() - 1:m.start()] <= "\u9fff":
            line = doc.line_index(m.start())
            before = text[doc.line_starts[line]:m.start()]
            # a line with replacement characters may have lost its opening bracket among them (KJ4's)
            if doc.part(line) == "body" and not _ITEM_CLOSE.fullmatch(before) and "\ufffd" not in before:
                yield Hit(m.start(), m.end(), {"match": m.group(), "before": text[max(doc.line_starts[line], m.start() - 8):m.start()]},
                          key="bracket")


@check("symbol-in-word")
def symbol_in_word(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """A symbol between the two characters of a word the text writes whole elsewhere (`报■告`
    beside `报告`, `相々关` beside `相关`): a mark a converter or a site put inside the word. Told
    by the document's own evidence: closed up, the two characters are a word it writes; a masked
    name's ○ (`张○明`) closes up to nothing the text writes. In a Word file, a closing bracket
    no bracket opens (`_lone_closing_brackets`)."""
    yield from _lone_closing_brackets(doc)
    text = doc.text
    found = [m for m in _SYMBOL_BETWEEN_HANZI.finditer(text)
             if text[m.start() - 1] not in _NUMERALS and text[m.end()] not in _NUMERALS]
    if not found:
        return
    # a page that sprinkles symbols of three kinds or more between characters (工作⊙部署, 报■告, 相々关)
    # put each one there: a mask uses one symbol throughout (张○○, 李○○)
    sprinkled = len({m.group() for m in found} | set(_SPRINKLED.findall(text))) >= 3
    for m in found:
        at = m.start()
        word = text[at - 1] + text[at + 1]
        if word in text or sprinkled and m.group() != "○":
            yield Hit(at, at + 1, {"match": m.group(), "word": word}, key="symbol")
