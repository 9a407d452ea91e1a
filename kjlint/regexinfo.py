"""What a regular expression needs to match: a small set of characters of which every match
contains at least one. A rule whose pattern needs one of `xXｘＸ×` cannot match a document that
has none of them, and one C-speed scan for those characters is much cheaper than running the
full pattern (Python's `re` tries a pattern that starts with a lookbehind at every position).

Works on the parse tree of Python's own `re` parser; any construct it does not know makes the
answer None ("no cheap precondition"), which is always safe.
"""
from __future__ import annotations

import re
from functools import lru_cache


def N_(message: str) -> str:
    """Marks a reason for kjlint's catalogue (as kjlint.i18n.N_; this module imports nothing of
    kjlint): the reason is kept in English and translated where it is shown (compile_pattern)."""
    return message


try:
    from re import _constants as C  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as C  # type: ignore[no-redef]

MAX_CLASS_SIZE = 64  # a class wider than this (e.g. every CJK ideograph) is not a useful filter
# ...unless all its characters are of scripts Chinese prose never holds: Cyrillic, box drawing,
# kana (GBK read as another encoding leaves them, KJ412's `政府Ж`): a filter for the rare text
# that holds one (KJ412's Cyrillic pattern was tried at every ideograph of every document)
MAX_RARE_CLASS_SIZE = 512
_COMMON_BLOCKS = ((0x0000, 0x036F), (0x2000, 0x206F), (0x3000, 0x303F), (0x3400, 0x9FFF),
                  (0xF900, 0xFAFF), (0xFF00, 0xFFEF))


def _rare(low: int, high: int) -> bool:
    """Whether no character from `low` to `high` is of a block Chinese prose uses."""
    return all(high < a or low > b for a, b in _COMMON_BLOCKS)


def required_chars(parsed, flags: int) -> frozenset[str] | None:
    """Characters of which every match of `parsed` (a re._parser.SubPattern) contains one."""
    if (flags | parsed.state.flags) & C.SRE_FLAG_IGNORECASE:
        return None
    return _sequence(list(parsed))


def required_char_sets(parsed, flags: int) -> list[frozenset[str]]:
    """Every set of characters of which each match of `parsed` contains one: one per item of
    its top-level sequence that requires some (`required_chars` keeps the rarest of them),
    those of a positive lookaround's sequence included (the text it looks at is the line's). A
    text lacking one of the sets cannot match; testing two or three of them rules out far more
    texts than the rarest alone."""
    if (flags | parsed.state.flags) & C.SRE_FLAG_IGNORECASE:
        return lookaround_chars(parsed)
    out: list[frozenset[str]] = []
    items = list(parsed)
    while items:
        op, av = items.pop(0)
        if op is C.SUBPATTERN and not av[1] & C.SRE_FLAG_IGNORECASE:
            items[:0] = list(av[3])  # a group's items are all required, in sequence
        elif op is C.ASSERT:
            items[:0] = list(av[1])  # so are a positive lookaround's
        elif (chars := _item(op, av)) is not None and chars not in out:
            out.append(chars)
    return out


def lookaround_chars(parsed) -> list[frozenset[str]]:
    """Characters the positive lookarounds of a pattern's top level need, each a set of which
    the text holds one (`required_chars` leaves lookarounds out)."""
    out: list[frozenset[str]] = []
    items = list(parsed)
    while items:
        op, av = items.pop()
        if op is C.SUBPATTERN:
            items.extend(av[3])  # a group's items are all required
        elif op is C.ASSERT and (chars := required_chars(av[1], 0)):
            out.append(chars)
    return out


def anchored_at_text_start(parsed) -> bool:
    """Whether every match starts at the start of the text (`^` before all of it, not in
    MULTILINE): then re.match finds what re.search does without trying every other position."""
    items = list(parsed)
    while len(items) == 1 and items[0][0] is C.SUBPATTERN and not items[0][1][1] & C.SRE_FLAG_MULTILINE:
        items = list(items[0][1][3])
    return bool(items) and items[0] == (C.AT, C.AT_BEGINNING)


def _rarity_cost(chars: frozenset[str]) -> int:
    """How often a set's characters occur in Chinese prose, roughly: ideographs (办, 年) are
    everywhere, ASCII letters and symbols (x, *, □) are rare."""
    return sum(10 if "\u3400" <= c <= "\u9fff" else 1 for c in chars)


def _sequence(items: list) -> frozenset[str] | None:
    """Every item of a sequence must match: the rarest known requirement of any item holds."""
    best = None
    for op, av in items:
        req = _item(op, av)
        if req is not None and (best is None or _rarity_cost(req) < _rarity_cost(best)):
            best = req
    return best


def _item(op, av) -> frozenset[str] | None:
    if op is C.LITERAL:
        return frozenset(chr(av))
    if op is C.IN:
        return _char_class(av)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        low, _high, sub = av
        return _sequence(list(sub)) if low >= 1 else None
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & C.SRE_FLAG_IGNORECASE else _sequence(list(sub))
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op is C.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            req = _sequence(list(alternative))
            if req is None:
                return None
            union |= req
        return frozenset(union)
    return None  # lookarounds, anchors, ANY, back-references, categories: no requirement


def _char_class(items) -> frozenset[str] | None:
    chars: set[str] = set()
    rare = True  # every character of a script Chinese prose never holds (_rare)
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
            rare = rare and _rare(av, av)
        elif op is C.RANGE:
            low, high = av
            rare = rare and _rare(low, high)
            if high - low >= (MAX_RARE_CLASS_SIZE if rare else MAX_CLASS_SIZE):
                return None
            chars.update(chr(c) for c in range(low, high + 1))
        else:  # NEGATE, CATEGORY (\d, \s…), charset internals: no small precondition
            return None
        if len(chars) > (MAX_RARE_CLASS_SIZE if rare else MAX_CLASS_SIZE):
            return None
    return frozenset(chars)


def first_chars(parsed, flags: int) -> frozenset[str] | None:
    """Characters one of which starts every non-empty match of `parsed` (None: unknown or too
    many). Scanning for them, then trying the pattern only there, finds the same matches as
    finditer; lookbehinds still see the text before the candidate position."""
    if (flags | parsed.state.flags) & C.SRE_FLAG_IGNORECASE:
        return None
    chars, nullable = _first(list(parsed))
    return None if nullable else chars


def _first(items: list) -> tuple[frozenset[str] | None, bool]:
    """(possible first characters, whether the sequence can match the empty string)."""
    out: set[str] = set()
    for op, av in items:
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            continue  # zero-width: the next item supplies the first character
        chars, nullable = _first_item(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return frozenset(out), False
    return frozenset(out), True


def _first_item(op, av) -> tuple[frozenset[str] | None, bool]:
    if op is C.LITERAL:
        return frozenset(chr(av)), False
    if op is C.IN:
        return _char_class(av), False
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        low, _high, sub = av
        chars, nullable = _first(list(sub))
        return chars, nullable or low == 0
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return (None, False) if add_flags & C.SRE_FLAG_IGNORECASE else _first(list(sub))
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _first(list(av))
    if op is C.BRANCH:
        union: set[str] = set()
        any_nullable = False
        for alternative in av[1]:
            chars, nullable = _first(list(alternative))
            if chars is None:
                return None, False
            union |= chars
            any_nullable = any_nullable or nullable
        return frozenset(union), any_nullable
    return None, False  # ANY, NOT_LITERAL, categories, back-references: unknown


def preceding_chars(parsed, flags: int) -> tuple[frozenset[str], bool] | None:
    """(characters, start): every match of `parsed` begins right after one of the characters,
    or at the start of the text when `start` (a pattern opening with a lookbehind such as
    `(?<![^\\n])` or `(?<=[ \\t])`, or `^` in MULTILINE). Trying the pattern only there finds
    the matches finditer finds, without running it at every character. None: unknown."""
    if parsed.getwidth()[0] == 0:
        return None  # a match could be empty: finditer's rules for those are not reproduced
    items = list(parsed)
    flags |= parsed.state.flags
    return _preceding(items[0], bool(flags & C.SRE_FLAG_MULTILINE), bool(flags & C.SRE_FLAG_IGNORECASE)) \
        if items else None


def _preceding(item, multiline: bool, fold: bool) -> tuple[frozenset[str], bool] | None:
    """`fold`: case is ignored (a line start still is one; a lookbehind's characters are not
    folded here, so it gives no answer)."""
    op, av = item
    if op is C.AT and av is C.AT_BEGINNING:  # `^`
        return frozenset("\n" if multiline else ""), True
    if fold:
        return None
    if op in (C.ASSERT, C.ASSERT_NOT) and av[0] == -1 and len(av[1]) == 1:
        sub_op, sub_av = list(av[1])[0]
        if sub_op in (C.LITERAL, C.NOT_LITERAL):
            chars: frozenset[str] | None = frozenset(chr(sub_av))
            negated = sub_op is C.NOT_LITERAL
        elif sub_op is C.IN:
            negated = bool(sub_av) and sub_av[0][0] is C.NEGATE
            chars = _char_class(sub_av[1:] if negated else sub_av)
        else:
            return None
        if chars is None:
            return None
        if op is C.ASSERT and not negated:
            return chars, False  # (?<=[…]): one of them before
        if op is C.ASSERT_NOT and negated:
            return chars, True  # (?<![^…]): one of them before, or the start of the text
        return None
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        inner = list(sub)
        return _preceding(inner[0], multiline, fold or bool(add_flags & C.SRE_FLAG_IGNORECASE)) if inner else None
    if op is C.BRANCH:
        union: set[str] = set()
        start = False
        for alternative in av[1]:
            inner = list(alternative)
            found = _preceding(inner[0], multiline, fold) if inner else None
            if found is None:
                return None
            union |= found[0]
            start = start or found[1]
        return frozenset(union), start
    return None


_EVERY = (True, frozenset())  # (complemented, characters): the set of every character


def backtracking_risk(parsed) -> str | None:
    """Why the pattern parsed as `parsed` (a re._parser.SubPattern) can take exponential time
    on some text, or None when it cannot by this test."""
    return _risk_in(list(parsed), bool(parsed.state.flags & C.SRE_FLAG_IGNORECASE), True)


def _risk_in(items: list, fold: bool, tail: bool) -> str | None:
    """`tail`: nothing that can fail follows this sequence."""
    last = [tail] * (len(items) + 1)  # last[j]: nothing that can fail follows item j - 1
    for j in range(len(items) - 1, -1, -1):
        last[j] = last[j + 1] and _always_matches(*items[j])
    for j, (op, av) in enumerate(items):
        repeat = op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None))
        inner_tail = True if op in (C.ASSERT, C.ASSERT_NOT) else (last[j + 1] and not repeat)
        for sub in _subsequences(op, av):
            found = _risk_in(sub, fold, inner_tail)
            if found:
                return found
        if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[1] >= 2 and not last[j + 1]:
            found = _ambiguous_body(_flatten(list(av[2])), fold)
            if found:
                return found
    return None


def _always_matches(op, av) -> bool:
    """Whether an item matches (the empty string at least) wherever it is tried."""
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        return av[0] == 0 or all(_always_matches(*x) for x in av[2])
    if op is C.SUBPATTERN:
        return all(_always_matches(*x) for x in av[3])
    if op is getattr(C, "ATOMIC_GROUP", None):
        return all(_always_matches(*x) for x in av)
    if op is C.BRANCH:
        return any(all(_always_matches(*x) for x in alt) for alt in av[1])
    return False


def _subsequences(op, av) -> list[list]:
    """The item sequences directly inside one parse-tree item."""
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        return [list(av[2])]
    if op is C.SUBPATTERN:
        return [list(av[3])]
    if op is getattr(C, "ATOMIC_GROUP", None):
        return [list(av)]
    if op is C.BRANCH:
        return [list(a) for a in av[1]]
    if op in (C.ASSERT, C.ASSERT_NOT):
        return [list(av[1])]
    if op is C.GROUPREF_EXISTS:
        return [list(a) for a in av[1:] if a is not None]
    return []


def _flatten(items: list) -> list:
    """A sequence with its plain groups opened: `(?:(?:a+)b)` is the sequence a+, b."""
    out = []
    for op, av in items:
        if op is C.SUBPATTERN and not av[1] and not av[2]:
            out.extend(_flatten(list(av[3])))
        else:
            out.append((op, av))
    return out


_VARYING = {C.MAX_REPEAT, C.MIN_REPEAT, C.SUBPATTERN, C.BRANCH, C.GROUPREF_EXISTS}  # items that can hold a repetition


def _ambiguous_body(items: list, fold: bool) -> str | None:
    if not any(op in _VARYING for op, _av in items):
        return None  # single characters (`[\\w.-]+`): no repetition inside to meet itself; their sets are not built
    infos = [_info(op, av, fold) for op, av in items]
    n = len(infos)
    for i, (chars, _nullable, variable) in enumerate(infos):
        if not variable:
            continue
        for step in range(1, n + 1):
            k = (i + step) % n
            other_chars, other_nullable, other_variable = infos[k]
            if k == i:
                return N_("a repeated group can match the same text in more than one way: a repetition "
                          "inside it meets itself again in the next round with no required separator "
                          "between, as in (a+)+ or (\\w+\\s?)+")
            if not other_nullable and not _overlap(other_chars, chars):
                break  # a separator the repetition cannot match
            if other_variable and _overlap(other_chars, chars):
                return N_("a repeated group holds two repetitions that can match the same characters "
                          "with no required separator between them, as in (x+x+)+")
    return None


def _info(op, av, fold: bool) -> tuple[tuple[bool, frozenset], bool, bool]:
    """(characters the item can consume, whether it can match empty, whether it holds a
    repetition that can backtrack)."""
    if op is C.LITERAL:
        return _literal(av, fold), False, False
    if op is C.NOT_LITERAL:
        return (True, _literal(av, fold)[1]), False, False
    if op is C.ANY:
        return _EVERY, False, False
    if op is C.IN:
        return _class(av, fold), False, False
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        low, high, sub = av
        chars, nullable, variable = _seq_info(list(sub), fold)
        return chars, nullable or low == 0, variable or (high != low and chars != (False, frozenset()))
    if op is getattr(C, "POSSESSIVE_REPEAT", None) or op is getattr(C, "ATOMIC_GROUP", None):
        sub = av[2] if op is not getattr(C, "ATOMIC_GROUP", None) else av
        chars, nullable, _variable = _seq_info(list(sub), fold)
        return chars, nullable or (op is not getattr(C, "ATOMIC_GROUP", None) and av[0] == 0), False
    if op is C.SUBPATTERN:
        return _seq_info(list(av[3]), fold or bool(av[1] & C.SRE_FLAG_IGNORECASE))
    if op in (C.BRANCH, C.GROUPREF_EXISTS):
        alternatives = av[1] if op is C.BRANCH else [a for a in av[1:] if a is not None]
        chars, nullable, variable = (False, frozenset()), op is C.GROUPREF_EXISTS, False
        for alt in alternatives:
            c, nl, v = _seq_info(list(alt), fold)
            chars, nullable, variable = _union(chars, c), nullable or nl, variable or v
        return chars, nullable, variable
    if op is C.GROUPREF:
        return _EVERY, True, False
    return (False, frozenset()), True, False  # anchors and lookarounds consume nothing


def _seq_info(items: list, fold: bool) -> tuple[tuple[bool, frozenset], bool, bool]:
    chars, nullable, variable = (False, frozenset()), True, False
    for op, av in items:
        c, nl, v = _info(op, av, fold)
        chars, nullable, variable = _union(chars, c), nullable and nl, variable or v
    return chars, nullable, variable


def _literal(code: int, fold: bool) -> tuple[bool, frozenset]:
    ch = chr(code)
    return False, frozenset({ch, ch.lower(), ch.upper()} if fold else {ch})


def _class(items, fold: bool) -> tuple[bool, frozenset]:
    return _class_set(tuple(items), fold)


@lru_cache(maxsize=None)
def _class_set(items: tuple, fold: bool) -> tuple[bool, frozenset]:
    """A character class's members, built once per process for each class: the same classes
    (every Han character, blanks) recur in most patterns, and building their sets was most of
    the backtracking test's cost at a cold start."""
    if not fold:
        return _plain_class_set(items)
    chars: tuple[bool, frozenset] = (False, frozenset())
    negate = False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            chars = _union(chars, _literal(av, fold))
        elif op is C.RANGE:
            chars = _union(chars, (False, _range_set(*av)))
            if fold:
                chars = _union(chars, (False, frozenset(c.swapcase() for c in chars[1])))
        elif op is C.CATEGORY:
            chars = _union(chars, _category(av))
        else:
            return _EVERY
    return (not chars[0], chars[1]) if negate else chars


def _plain_class_set(items: tuple) -> tuple[bool, frozenset]:
    """`_class_set` of a class matched as written: its members gathered into one set (a union
    per item copied a ten-thousand-character range for each literal after it)."""
    members: set[str] = set()
    complements: list[frozenset] = []  # of the negated categories (\\S, \\W)
    negate = False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            members.add(chr(av))
        elif op is C.RANGE:
            members.update(_range_set(*av))
        elif op is C.CATEGORY:
            negated, chars = _category(av)
            if negated:
                complements.append(chars)
            else:
                members.update(chars)
        else:
            return _EVERY
    found = (True, frozenset.intersection(*complements) - members) if complements else (False, frozenset(members))
    return (not found[0], found[1]) if negate else found


def _category(code) -> tuple[bool, frozenset]:
    name = str(code).rsplit("_", 1)[-1].lower()  # CATEGORY_DIGIT, CATEGORY_NOT_SPACE …
    escape = {"digit": r"\d", "space": r"\s", "word": r"\w", "linebreak": "\n"}.get(name)
    if escape is None:
        return _EVERY
    members = _category_members(escape)
    return (True, members) if "_NOT_" in str(code) else (False, members)


def _range_set(low: int, high: int) -> frozenset[str]:
    """The characters from `low` to `high`: a slice of `_every_character` (a ten-thousand-
    character Han range took 7 ms through chr()), unless the range holds surrogates."""
    if high < 0xD800:
        return frozenset(_every_character()[low:high + 1])
    if low > 0xDFFF:
        return frozenset(_every_character()[low - 0x800:high + 1 - 0x800])
    return frozenset(map(chr, range(low, high + 1)))


@lru_cache(maxsize=1)
def _every_character() -> str:
    """Every code point but the surrogates, as one string, built at C speed: the UTF-32 code
    units of the first plane, then each other plane as a copy with its plane number in the
    third byte (an array of the 1.1 million code points took 0.022 s, this 0.004 s)."""
    import sys
    from array import array

    plane = array("I", range(0x10000))
    if sys.byteorder == "big":
        plane.byteswap()
    units = plane.tobytes()  # UTF-32-LE
    parts = [units[:0xD800 * 4], units[0xE000 * 4:]]
    for number in range(1, (sys.maxunicode >> 16) + 1):
        copy = bytearray(units)
        copy[2::4] = bytes([number]) * 0x10000
        parts.append(bytes(copy))
    return b"".join(parts).decode("utf-32-le")


@lru_cache(maxsize=None)
def _category_members(escape: str) -> frozenset[str]:
    """The characters `escape` (\\d, \\s, \\w, or a line break) matches: for a class, what its
    complement (\\D…) leaves of every character, in C (findall made a string per member)."""
    if escape.startswith("\\"):
        return frozenset(re.sub(escape.upper() + "+", "", _every_character()))
    return frozenset(re.findall(escape, _every_character()))


def _union(a: tuple[bool, frozenset], b: tuple[bool, frozenset]) -> tuple[bool, frozenset]:
    (neg_a, set_a), (neg_b, set_b) = a, b
    if not neg_a and not neg_b:
        return False, set_a | set_b
    if neg_a and neg_b:
        return True, set_a & set_b
    return (True, set_a - set_b) if neg_a else (True, set_b - set_a)


def _overlap(a: tuple[bool, frozenset], b: tuple[bool, frozenset]) -> bool:
    (neg_a, set_a), (neg_b, set_b) = a, b
    if not neg_a and not neg_b:
        return not set_a.isdisjoint(set_b)
    if neg_a and neg_b:
        return True
    return bool(set_b - set_a) if neg_a else bool(set_a - set_b)


# --- anchors: rare literal runs near every match ---------------------------------------------
# A pattern that opens with a lookbehind, an optional part or a common character (`年`, `的`,
# a blank) is tried by `re` at each place it might start: most of a pattern rule's time. Its
# rarest literal run at a bounded distance from the match's start (`工作总结` in a lookahead,
# `[到至]` in a lookbehind, `电话` after up to eight other characters) is found first, by one
# C-speed scan, and the pattern tried only in the few places that run allows.

_Run = tuple  # a run: consecutive characters, each from a small set (tuple of frozensets)


def first_rate(parsed, flags: int) -> float | None:
    """How often one of the pattern's first characters (or of those it must follow, for one that
    starts lines) occurs at a place of a Chinese text (None: neither is known), for the cost of
    re's own scan (`SCAN_NS`, `TRY_NS`)."""
    first = first_chars(parsed, flags)
    if first is not None:
        return _rate(first)
    before = preceding_chars(parsed, flags)
    return _rate(before[0]) if before and before[0] else None


def anchors(parsed, flags: int) -> tuple[tuple[tuple[tuple[tuple[str, ...], ...], int, int], ...] | None, float]:
    """(anchors, their cost) of a pattern. Anchors: (runs, lo,
    hi) for each of the pattern's alternatives: every match of the alternative starting at t > 0
    has one of the runs (each a tuple of regex sources of one character) starting between t + lo
    and t + hi; None when
    some alternative has none, a match could be empty or case is ignored. Cost: what finding
    them and trying the pattern where they allow costs per character of a Chinese text, in
    nanoseconds, roughly (`_scan_cost`)."""
    if (flags | parsed.state.flags) & C.SRE_FLAG_IGNORECASE or parsed.getwidth()[0] == 0:
        return None, 0.0
    items = list(parsed)
    alternatives = [list(a) for a in items[0][1][1]] if len(items) == 1 and items[0][0] is C.BRANCH else [items]
    out, cost = [], 0.0
    for alternative in _expanded(alternatives):
        found: list[tuple[tuple[_Run, ...], int, int]] = []
        try:
            _walk(alternative, 0, 0, found, parsed.state)
        except _Unknown:
            pass
        if not found:
            return None, 0.0
        usable = [a for a in _pieces(_joined(found)) if all(isinstance(run[0], frozenset) for run in a[0])]
        if not usable:
            return None, 0.0
        runs, lo, hi = min(usable, key=_scan_cost)
        cost += _scan_cost((runs, lo, hi))
        out.append((tuple(tuple(map(_class_source, run)) for run in runs), lo, hi))
    return tuple(out), cost


# Costs of finding matches, in nanoseconds, measured on ../shared/corpus (CPython 3.11): re's
# scan for a set of first characters, per character of the text; re trying one alternative of
# a pattern where one of them occurs; a hit of an anchor handled in Python; a start tried from
# Python.
SCAN_NS, TRY_NS, HIT_NS, PLACE_NS = 2.0, 7.0, 300.0, 500.0


def _expanded(alternatives: list[list]) -> list[list]:
    """The alternatives with the groups of alternatives they open with and their optional
    parts spelt out (`(?:未完，)?全文共` is `未完，全文共` or `全文共`; `[额值](?:万|亿)?元`
    is `[额值]万元`, `[额值]亿元` or `[额值]元`), so that each starts with what it needs and
    its runs meet; up to 32 sequences (the rest left as they are: still true of every match)."""
    out: list[list] = []
    todo = [_flatten(a) for a in alternatives]
    while todo:
        items = todo.pop(0)
        if len(out) + len(todo) >= 31:
            out.append(items)
            continue
        if items and items[0][0] is C.BRANCH:
            todo[:0] = [_flatten(list(a) + items[1:]) for a in items[0][1][1]]
            continue
        optional = next((k for k, (op, av) in enumerate(items)
                         if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] == 0 and av[1] == 1), None)
        if optional is None:
            out.append(items)
        else:
            rest = items[optional + 1:]
            todo[:0] = [_flatten(items[:optional] + list(items[optional][1][2]) + rest), items[:optional] + rest]
    return out


class _Unknown(Exception):
    """An item whose width is unknown: no anchor past it."""


def _walk(items: list, lo: int, hi: int | None, found: list, state) -> tuple[int, int | None]:
    """Collect into `found` the anchors of a sequence starting between lo and hi characters
    after the match's start (hi None: unbounded, no anchor usable); returns where it ends."""
    run: list[frozenset[str]] = []
    at = (lo, hi)

    def close() -> None:
        if run and at[1] is not None:
            found.append(((tuple(run),), at[0], at[1]))

    for k, (op, av) in enumerate(items):
        chars = _single(op, av)
        if chars is not None:
            if not run:
                at = (lo, hi)
            run.append(chars)
        elif op is C.ASSERT_NOT:
            # `(?<![^\n])`: a line break before, or the text's start (tried anyway: see the
            # docstring of `anchors`), where its offset cannot reach before the match
            direction, sub = av
            before = _negated_single(list(sub)) if direction == -1 and lo >= 0 else None
            if before is not None and hi is not None:
                found.append((((before,),), lo - 1, hi - 1))
            continue
        elif op is C.AT:
            continue  # zero width: the run goes on
        elif op is C.ASSERT:
            direction, sub = av
            if direction == 1:
                try:
                    _walk(list(sub), lo, hi, found, state)
                except _Unknown:
                    pass
            else:
                low, high = sub.getwidth()
                if low == high:  # always so in Python: a lookbehind has a fixed width
                    try:
                        _walk(list(sub), lo - low, None if hi is None else hi - low, found, state)
                    except _Unknown:
                        pass
            continue
        else:
            close()
            run = []
            if op is C.BRANCH:
                prefixes = _prefix_runs(items[k:])
                if hi is not None and prefixes:
                    found.append((tuple(prefixes), lo, hi))
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
                body = list(av[2])
                chars = _single(*body[0]) if len(body) == 1 else None
                if chars is not None:  # `\\.{3,}`: a run of three, then up to the rest
                    run = [chars] * av[0]
                    at = (lo, hi)
                    lo += av[0]
                    hi = None if hi is None else hi + av[0]
                    if av[1] == av[0]:
                        continue
                    close()
                    run = []
                    hi = None if hi is None or av[1] >= C.MAXREPEAT else hi + av[1] - av[0]
                    continue
                try:
                    _walk(list(av[2]), lo, hi, found, state)  # its first repetition
                except _Unknown:
                    pass
            elif op is C.SUBPATTERN and not av[1] and not av[2]:
                try:
                    _walk(list(av[3]), lo, hi, found, state)
                except _Unknown:
                    pass
            elif op in (C.GROUPREF, C.GROUPREF_EXISTS):
                raise _Unknown
            low, high = _width(op, av, state)
            lo += low
            hi = None if hi is None or high is None else hi + high
            continue
        lo += 1
        hi = None if hi is None else hi + 1
    close()
    return lo, hi


def _negated_single(items: list) -> frozenset[str] | None:
    """The characters of `[^…]` or a negated literal when that is the whole sequence."""
    if len(items) != 1:
        return None
    op, av = items[0]
    if op is C.NOT_LITERAL:
        return frozenset(chr(av))
    if op is C.IN and av and av[0][0] is C.NEGATE:
        return _char_class(av[1:])
    return None


def _joined(found: list) -> list:
    """`found` with runs at exact offsets that follow each other joined into one longer, rarer
    run (`[到至]` of a lookbehind, `的`, `[0-9]` of a lookahead): only runs whose offset from
    the match's start is fixed, so that they are known to be adjacent."""
    out = list(found)
    exact = [a for a in found if a[1] == a[2] and len(a[0]) == 1]
    for _round in range(4):
        new = []
        for runs, lo, _hi in exact:
            end = lo + len(runs[0])
            for runs2, lo2, hi2 in out:
                if lo2 == hi2 == end:
                    item = (tuple(runs[0] + r for r in runs2), lo, lo)
                    if item not in out and item not in new:
                        new.append(item)
        if not new:
            break
        out.extend(new)
        exact = [a for a in new if len(a[0]) == 1]
    return out


def _single(op, av) -> frozenset[str] | str | None:
    """What an item that matches exactly one character of a few, or a digit, can match: the
    characters, or `\\d` (any decimal digit: a run's later character, not its first)."""
    if op is C.LITERAL:
        return frozenset(chr(av))
    if op is C.IN:
        if list(av) == [(C.CATEGORY, C.CATEGORY_DIGIT)]:
            return "\\d"
        return _char_class(av)
    return None


def _prefix_runs(items: list) -> list[_Run] | None:
    """The runs of few-character items a sequence can start with, or None: zero-width items
    skipped, groups and groups of alternatives followed into and out of (`(?:工作(?:总结|计划)
    |上半年)` starts with 工作总结, 工作计划 or 上半年); at most 64 runs, else the runs up to
    the group."""
    run: list = []
    for k, (op, av) in enumerate(items):
        chars = _single(op, av)
        if chars is not None:
            run.append(chars)
            continue
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero width: the next item follows the run at once
        rest = items[k + 1:]
        inner: list[_Run] | None = None
        if op is C.SUBPATTERN and not av[1] and not av[2]:
            inner = _prefix_runs(list(av[3]) + rest)
        elif op is C.BRANCH:
            inner = []
            for alternative in av[1]:
                found = _prefix_runs(list(alternative) + rest)
                if found is None or len(inner) + len(found) > 64:
                    inner = None
                    break
                inner += found
        if inner is not None and (run or all(isinstance(r[0], frozenset) for r in inner)):
            return list(dict.fromkeys(tuple(run) + r for r in inner))
        break
    return [tuple(run)] if run and isinstance(run[0], frozenset) else None


def _width(op, av, state) -> tuple[int, int | None]:
    from re import _parser  # type: ignore[attr-defined]

    low, high = _parser.SubPattern(state, [(op, av)]).getwidth()
    return low, (None if high >= C.MAXREPEAT else high)


def _class_source(chars: frozenset[str] | str) -> str:
    if isinstance(chars, str):
        return chars
    if len(chars) == 1:
        return re.escape(next(iter(chars)))
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _pieces(found: list) -> list:
    """`found` and every part of a single run (`年工作总结` of `[，。：]年工作总结`): a part
    that opens with a rarer character is cheaper to scan for."""
    out = list(found)
    for runs, lo, hi in found:
        if len(runs) == 1:
            run = runs[0]
            out += [((run[i:j],), lo + i, hi + i) for i in range(len(run)) for j in range(i + 1, len(run) + 1)
                    if (i, j) != (0, len(run))]
        else:  # the same first characters dropped from each of the runs of a group of alternatives
            out += [(tuple(dict.fromkeys(run[i:] for run in runs)), lo + i, hi + i)
                    for i in range(1, min(map(len, runs)))]
    return out


def _scan_cost(anchor: tuple) -> float:
    """What finding an anchor costs per character of a Chinese text (nanoseconds): re tries
    its runs at each of their first characters, each run found is handled in Python, and the
    pattern is tried at each start the run allows."""
    runs, lo, hi = anchor
    first = _rate(frozenset().union(*(run[0] for run in runs)))  # re tries them all at one place
    return TRY_NS * first + (HIT_NS + PLACE_NS * (hi - lo + 1)) * _anchor_cost(runs)


@lru_cache(maxsize=None)
def _rate(chars: frozenset[str]) -> float:
    """How often one of `chars` occurs at a place of a Chinese text, roughly."""
    return min(1.0, sum(_frequency(c) for c in chars))


def _anchor_cost(runs: tuple[_Run, ...]) -> float:
    """How often one of the runs occurs at a place of a Chinese text, roughly."""
    total = 0.0
    for run in runs:
        p = 1.0
        for chars in run:
            p *= DIGIT_RATE if isinstance(chars, str) else _rate(chars)
        total += p
    return total


_FREQUENCY: dict[str, float] | None = None
DIGIT_RATE = 10 * 2.0 ** -7  # `\\d`: ten digits (see `_frequency`)


def _frequency(c: str) -> float:
    """A character's share of the characters of a Chinese document, roughly: ideographs from
    kjlint/data/hanzi_freq.txt (log2 counts in a dictionary), blanks, line breaks, digits and
    Chinese punctuation are common, Latin letters less so, other symbols rare."""
    global _FREQUENCY
    if _FREQUENCY is None:
        from pathlib import Path

        table: dict[str, float] = {}
        data = Path(__file__).resolve().parent / "data" / "hanzi_freq.txt"
        for line in data.read_text(encoding="utf-8").splitlines():
            word, _tab, count = line.partition("\t")
            if len(word) == 1 and count.isdigit():
                table[word] = 2.0 ** (int(count) - 26)
        _FREQUENCY = table
    if c in _FREQUENCY:
        return _FREQUENCY[c]
    if "\u3400" <= c <= "\u9fff":
        return 2.0 ** -20
    if c in " \t\n\u3000，。、：；（）“”《》,.:;()" :
        return 2.0 ** -5
    if c.isdigit():
        return 2.0 ** -7
    if c.isascii() and c.isalpha():
        return 2.0 ** -9
    return 2.0 ** -14
