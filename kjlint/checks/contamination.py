"""KJ6 contamination: website chrome, document-sharing page numbers and spliced documents.

- `boilerplate-lines`: whole lines of site chrome (breadcrumbs, source lines, disclaimers,
  related-article lists…), from phrase and pattern groups in the pack, one finding per line.
  A group's phrases must start the line (`line-start`), end it (`line-end`, before an optional
  colon or rating stars) or may be anywhere in a short line (`anywhere`); a group with
  `page-counters: true` also takes every page counter line (kjlint.normalize's definition,
  whose page-number lines KJ1 and dedupe leave out).
  Lines are matched after removing pinyin annotations and converting to simplified script.
- `page-number-artifact`: a page number `N、` that a document-sharing site left at the start
  of a page, splitting a word or sentence across two lines.
- `spliced-document`: a second document appended after the first.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from typing import Any, Callable, Iterator

from .registry import check
from ..packs import PackError, compile_pattern, parse_text, rule_where
from ..document import BLANK_CHARS, Document, Span
from ..findings import Fix
from ..normalize import fold_line_width, is_page_counter_line, line_form, to_simplified
from ..ruletypes import Context, Hit, rule_hits, delete_line_fix
from .layout import (CONTENTS_LEADER, SIGNING_DATE, flagged_lines, flat_table_lines, pair_table_lines,
                     text_before_trailing_furniture)
from .structure import cn_number
from ..forms import is_attachment_head
from .truncation import BLANK_DATE_FIELD, TERMINAL, body_paragraph_lines, body_paragraphs, heading_level
from ..diskcache import (bind_on_first_call, compile_regex, exec_generated, file_key, finditer_alternatives,
                         first_chars, load_or_build_item, parse)
from ..i18n import _, pick
from ..words import COMMON_SURNAMES, joins_into_word

BULLETS = "-*#>•·"
_LINE_END_TAIL = compile_regex(r"[:\s★☆]*")  # what may follow a line-end phrase: 推荐度:★★★


def normalize_line(text: str) -> str:
    """The line form (kjlint.normalize.line_form) without leading bullets."""
    return _finish_line(line_form(text))


_BLANKS = BLANK_CHARS + " "
_LEAD = BULLETS + BLANK_CHARS + " "


def _finish_line(text: str) -> str:
    return text.strip(_BLANKS).lstrip(_LEAD)


def normalized_lines(doc: Document, ctx: Context) -> list[str]:
    """normalize_line of every line of `doc` (memoized: several rules read them)."""
    out = ctx.memo.get("normalized-lines")
    if out is None:
        out = ctx.memo["normalized-lines"] = [
            line and line.strip(_BLANKS).lstrip(_LEAD) for line in fold_line_width("\n".join(doc.plain_lines)).split("\n")]
    return out


def _phrase_keys(phrases: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """(kind, phrase) -> the form a line is compared in: a line-start phrase's line form, another
    phrase simplified with its widths folded. Kept on disk: the pack's traditional phrases made
    every start read OpenCC's tables (3-4 ms), which a document in simplified script never needs."""
    import hashlib

    from ..normalize import conversion_key

    digest = hashlib.blake2b("\x1f".join(f"{kind}\x1e{phrase}" for kind, phrase in phrases).encode("utf-8"),
                             digest_size=16).hexdigest()
    keys = load_or_build_item("boilerplate-phrases", digest, (conversion_key(), file_key(__file__)), lambda: [
        normalize_line(phrase) if kind == "line-start" else fold_line_width(to_simplified(phrase))
        for kind, phrase in phrases], keep=64)
    return dict(zip(phrases, keys))


# A label set out letter by letter, one blank between its characters, and its colon (作 者:, 来 源:):
# a web panel's field (a Word cover aligns its labels with runs of blanks: 作    者：, the writer's)
_SPACED_LABEL = compile_regex(r"(?:[\u4e00-\u9fff] ){1,5}[\u4e00-\u9fff] ?(?=:)")


class _Boilerplate:
    """Compiled phrase and pattern groups of a boilerplate-lines rule."""

    def __init__(self, rule) -> None:
        import ahocorasick

        where = _("{where}: field '{field}'").format(where=rule_where(rule.source, rule.code), field="params.groups")
        groups = rule.params.get("groups")
        if not isinstance(groups, list) or not groups:
            raise PackError(_("{where} must be a non-empty list of {{label, line-start, anywhere, patterns}}").format(
                where=where))
        self.automaton = ahocorasick.Automaton()
        patterns: dict[int, list[tuple[str, str]]] = {}  # a group's line limit: its (pattern, label)s
        # ... and the patterns tried on a line that reads as a sentence too (a site's notice about
        # itself written as one: 未经本网允许,不得转载使用。): the others are not
        sentence_patterns: dict[int, list[tuple[str, str]]] = {}
        self.max_len = int(rule.params.get("max-line-length", 120))
        self.group_max: dict[str, int] = {}  # a group's own limit: notices of one site run long
        # Line-start phrases are tested with one str.startswith over all of them (C speed); the
        # automaton holds the phrases that may stand anywhere or end the line.
        self.starts: dict[str, str] = {}
        self.spaced: set[str] = set()  # ... those a web panel may set out letter by letter (作 者:)
        self.phrase_max = 0
        # Groups whose phrases mark a whole sentence as furniture wherever it sits (an editor's
        # blurb inside a long paragraph), and patterns of furniture glued into the text itself
        # (a page counter in the middle of a PDF line): both report the furniture, not the line.
        self.sentence_labels: set[str] = set()
        self.shown: dict[str, Any] = {}
        self.page_label: str | None = None  # the group that page counter lines belong to
        # groups whose labels head code as well (格式：-Xms2048M -Xmx1048M): not on technical lines
        self.skip_technical: set[str] = set()
        in_text: list[tuple[str, str]] = []
        count = 0
        phrase_keys = _phrase_keys([(kind, str(phrase)) for group in groups if isinstance(group, dict)
                                    for kind in ("line-start", "anywhere", "line-end")
                                    for phrase in group.get(kind, []) or []])
        for i, group in enumerate(groups):
            if not isinstance(group, dict) or "label" not in group:
                raise PackError(_("{where}[{index}] needs a 'label'").format(where=where, index=i))
            shown = parse_text(group["label"], f"{where}[{i}]", "label", rule.builtin)
            label = pick(shown, "en")
            self.shown[label] = shown  # what the message says, per language
            self.group_max[label] = int(group.get("max-line-length", self.max_len))
            if group.get("in-sentences"):
                self.sentence_labels.add(label)
            if group.get("page-counters"):
                self.page_label = label
            if group.get("skip-technical"):
                self.skip_technical.add(label)
            for pat in group.get("in-text", []) or []:
                compile_pattern(pat, f"{where}[{i}].in-text")  # refused now if bad or exponential
                in_text.append((pat, label))
            for kind in ("line-start", "anywhere", "line-end"):
                for phrase in group.get(kind, []) or []:
                    key = phrase_keys[(kind, str(phrase))]
                    if not key:
                        raise PackError(_("{where} contains an empty phrase").format(where=f"{where}[{i}].{kind}"))
                    if kind == "line-start":
                        self.starts.setdefault(key, label)
                        if group.get("letter-spaced"):
                            self.spaced.add(key)
                    else:
                        self.automaton.add_word(key, (len(key), kind, label))
                        self.phrase_max = max(self.phrase_max, self.group_max[label])
                        count += 1
            for pat in group.get("patterns", []) or []:
                compile_pattern(pat, f"{where}[{i}].patterns")
                patterns.setdefault(self.group_max[label], []).append((pat, label))
            for pat in group.get("sentence-patterns", []) or []:
                compile_pattern(pat, f"{where}[{i}].sentence-patterns")
                patterns.setdefault(self.group_max[label], []).append((pat, label))
                sentence_patterns.setdefault(self.group_max[label], []).append((pat, label))
        # Per line limit, the patterns anchored at the line start (tried there only, re.match) and
        # the rest (searched), in tests: the patterns whose first characters are known in one regex,
        # tried when the line starts with one of them (anchored) or holds one (searched), each other
        # pattern in a regex of its own, tried when the line holds a character of each set it
        # needs (_needed). Most lines pass no gate: a few C-speed scans each instead of the engine
        # trying every alternative (a pattern opening with a lookahead scans the whole line). The
        # tests of all groups run as one function (_patterns_function): gates written out in it,
        # not a call each.
        self.pattern_groups: list[tuple[int, bool, list[str]]] = []  # (limit, anchored, alternatives), as written
        self.patterns_match = _patterns_function(self._pattern_tests(patterns, self.pattern_groups))
        self.sentence_patterns_match = _patterns_function(self._pattern_tests(sentence_patterns, []))
        # Lines up to this long had their in-sentences phrases looked for by match() already.
        self.sentence_checked = min((self.group_max[label] for label in self.sentence_labels), default=0)
        named = tuple(f"(?P<t{k}>{pat})" for k, (pat, _) in enumerate(in_text))
        self.in_text = compile_regex("|".join(named)) if in_text else None
        self.in_text_matches = finditer_alternatives(named) if in_text else None
        self.in_text_labels = {f"t{k}": label for k, (_, label) in enumerate(in_text)}
        # Whether a line can hold in-text furniture at all (a line that no pattern matches has
        # none: most lines, and the merge of in_text_matches costs several searches): each pattern
        # tried where the characters it needs occur (_needed), at the line start only when it is
        # anchored there.
        self.in_text_named = named  # as written (tests compare with them)
        self.in_text_passes = _any_passes_function(
            [((compile_regex(pat), "match" if _at_line_start(pat) else "search"), ("holds", _needed(pat)))
             for pat in named])
        if count:
            self.automaton.make_automaton()
        self.has_phrases = bool(count)
        # A pre-test for the automaton: for each group limit, one regex of the phrases a line that
        # long may hold. Most lines hold none and never reach the automaton, whose own scan costs
        # several times more; a line that holds one is scanned by it as before.
        # phrase_gates[n]: the pre-test of a line n characters long.
        phrases = list(self.automaton.items()) if count else []
        self.phrase_gates: list[Callable] = []
        for limit in sorted({self.group_max[label] for _key, (_n, _kind, label) in phrases}):
            gate = compile_regex(_phrases_pattern(
                [key for key, (_n, _kind, label) in phrases if self.group_max[label] >= limit])).search
            self.phrase_gates += [gate] * (limit + 1 - len(self.phrase_gates))
        # The phrases sentence_phrase looks for, in an automaton of their own: a long line of
        # prose holds many other phrases, each of which iterating the full automaton yields
        self.sentence_automaton = None
        sentence_words = [(key, value) for key, value in self.automaton.items()
                          if value[1] == "anywhere" and value[2] in self.sentence_labels] if count else []
        if sentence_words:
            self.sentence_automaton = ahocorasick.Automaton()
            for key, value in sentence_words:
                self.sentence_automaton.add_word(key, value)
            self.sentence_automaton.make_automaton()
            self.sentence_gate = compile_regex(_phrases_pattern([key for key, _value in sentence_words])).search
        self.start_tuple = tuple(sorted(self.starts, key=len, reverse=True))
        # The line-start phrases by their first character, longest first: a line is compared with
        # the few that start as it does, not with all of them.
        self.starts_by_first: dict[str, tuple[str, ...]] = {}
        for phrase in self.start_tuple:
            self.starts_by_first[phrase[0]] = self.starts_by_first.get(phrase[0], ()) + (phrase,)
        self.max_start_len = int(rule.params.get("max-line-start-length", 400))
        self.longest = max([self.max_start_len, self.max_len, *self.group_max.values()])
        # What match and furniture_in_line found in a line, by its text: a corpus repeats lines
        # (the copies of one page that dedupe ranks, a site's chrome on each of its pages), and
        # both are functions of the text alone.
        self.matched = _LineMemo()
        self.furniture = _LineMemo()

    @staticmethod
    def _pattern_tests(patterns: dict[int, list[tuple[str, str]]], written: list) -> list:
        """The groups _patterns_function takes, per line limit anchored and searched patterns
        apart (each (limit, anchored, alternatives) appended to `written`)."""
        groups: list[tuple[int, list[Test], bool, dict[str, str]]] = []
        for limit, pats in sorted(patterns.items()):
            for anchored in (True, False):
                chosen = [(pat[1:] if anchored else pat, label) for pat, label in pats
                          if pat.startswith("^") == anchored]
                if chosen:
                    names = {f"p{k}": label for k, (_, label) in enumerate(chosen)}
                    named = [f"(?P<p{k}>{pat})" for k, (pat, _) in enumerate(chosen)]
                    groups.append((limit, _gated_tests(named, anchored), anchored, names))
                    written.append((limit, anchored, named))
        return groups

    def match(self, text: str) -> tuple[str, str] | None:
        """(label, matched text) when a normalized line is boilerplate. A line that starts with
        a line-start phrase may be up to max-line-start-length long; anything else is body text
        when longer than max-line-length."""
        if not text or len(text) > self.longest:
            return None
        found = self.matched.get(text, _UNSEEN)
        if found is _UNSEEN:
            found = self.matched.put(text, len(text), self._match(text))
        return found

    def _match(self, text: str) -> tuple[str, str] | None:
        if len(text) <= self.max_start_len and (starting := self.starts_by_first.get(text[0])):
            # a panel's label set out letter by letter (作 者:, 发 布 时 间:) is the label
            if text.startswith(starting):
                phrase = next(p for p in starting if text.startswith(p))  # the longest
                return self.starts[phrase], phrase
            head = _SPACED_LABEL.match(text)
            if head is not None:
                label = head.group(0).replace(" ", "") + text[head.end():]
                phrase = next((p for p in starting if label.startswith(p) and p in self.spaced), None)
                if phrase is not None:
                    return self.starts[phrase], text[:head.end() + 1]
        if self.has_phrases and len(text) <= self.phrase_max and self.phrase_gates[len(text)](text):
            for end, (length, kind, label) in self.automaton.iter(text):
                start = end - length + 1
                if len(text) <= self.group_max[label] and (
                        kind == "anywhere" or _LINE_END_TAIL.fullmatch(text, end + 1)):
                    return label, text[start:end + 1]
        if self.page_label is not None and is_page_counter_line(text):
            return self.page_label, text
        if text[-1] in "。！？" and ("，" in text or "," in text):
            # a sentence: furniture that reads as one is matched by phrases above, or by the
            # patterns written for such sentences
            return self.sentence_patterns_match(text)
        return self.patterns_match(text)

    def sentence_phrase(self, text: str) -> tuple[str, str] | None:
        """(label, phrase) when a normalized text holds a phrase of an in-sentences group."""
        if self.sentence_automaton is not None and self.sentence_gate(text):  # most text holds none
            for end, (length, _kind, label) in self.sentence_automaton.iter(text):
                return label, text[end - length + 1:end + 1]  # the first, as in the full automaton
        return None

    def has_other_sentences(self, text: str) -> bool:
        """Whether a normalized line holds a sentence without an in-sentences phrase."""
        return any(self.sentence_phrase(m.group(0)) is None for m in _SENTENCE_SPAN.finditer(text)
                   if m.group(0).strip(BLANK_CHARS + " 。！？!?"))

    def furniture_in_line(self, line: str, normalized: str, in_prose: bool = False) -> tuple[tuple[int, int, str, str], ...]:
        """(start, end, label, phrase) of furniture inside a line that is not furniture as a whole:
        in-text pattern matches, and sentences holding an in-sentences phrase (each no longer
        than its group's line limit, so a paragraph is never taken for a blurb). `normalized`
        is normalize_line of `line`."""
        if not (self.in_text is not None and self.in_text_passes(line)) and (
                (len(normalized) <= self.sentence_checked and not in_prose) or self.sentence_phrase(normalized) is None):
            return ()  # most lines: the tests _furniture_in_line starts with fail (cheaper than the memo)
        key = (line, normalized, in_prose)
        found = self.furniture.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = self.furniture.put(key, len(line) + len(normalized), tuple(self._furniture_in_line(
                line, normalized, in_prose)))
        return found

    def _furniture_in_line(self, line: str, normalized: str, in_prose: bool) -> Iterator[tuple[int, int, str, str]]:
        if self.in_text is not None and self.in_text_passes(line):
            for m in self.in_text_matches(line):
                if m.end() > m.start():
                    yield m.start(), m.end(), self.in_text_labels[m.lastgroup], m.group(0)
        if (len(normalized) <= self.sentence_checked and not in_prose) or self.sentence_phrase(normalized) is None:
            return  # match() already looked for the phrases in a line this short, and found none
        for m in _SENTENCE_SPAN.finditer(line):
            found = self.sentence_phrase(normalize_line(m.group(0)))
            if found and len(m.group(0).strip()) <= self.group_max[found[0]]:
                start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
                yield start, m.end(), found[0], found[1]


_UNSEEN = object()


def _phrases_pattern(words: list[str]) -> str:
    """A regex that finds any of the given words, each found from its rarest character (by the
    dictionary's character frequencies): 的文章 as 章(?<=的文章). The regex engine skips in C to
    the next place one of those characters occurs, and those are few; words written from their
    first character would stop it at every 的 and 是. Words sharing that character share a branch.
    Kept in the start-up cache: loading the frequency table costs a short draft's check more
    than its KJ601 does."""
    from ..diskcache import file_key
    from .textspans import _DATA

    return load_or_build_item("kj601-phrase-patterns", "\n".join(words), (1, file_key(_DATA)),
                              lambda: _build_phrases_pattern(words), keep=64)


def _build_phrases_pattern(words: list[str]) -> str:
    from .textspans import frequency_table

    single = frequency_table()[0]
    by_anchor: dict[str, list[str]] = {}
    for word in words:
        # a character outside the table: a letter or digit is rarer in Chinese text than
        # punctuation and spaces are
        j = min(range(len(word)), key=lambda k: single.get(word[k], 16 if word[k].isalnum() else 24))
        behind = f"(?<={re.escape(word[:j + 1])})" if j else ""
        by_anchor.setdefault(word[j], []).append(behind + re.escape(word[j + 1:]))
    return "|".join(re.escape(ch) + (rests[0] if len(rests) == 1 else f"(?:{'|'.join(sorted(rests))})")
                    for ch, rests in sorted(by_anchor.items()))


# A test: a regex and the method that tries it (match, search), and the gate a line passes
# before it is tried: ("start", characters) the line starts with one of them, ("holds", sets of
# characters) it holds one of each set (none: every line). The generated functions compile a
# test's regex on its first call (bind_on_first_call).
Test = tuple[tuple[re.Pattern, str], tuple[str, Any]]


def _gated_tests(named: list[str], anchored: bool) -> list[Test]:
    """Alternatives of one regex as separately gated tests (see `_patterns_function`): those
    whose first characters are known together, gated by those characters at the line start
    (anchored; a searched regex skips to them by itself), each other one alone, gated by `_needed`."""
    started = [pat for pat in named if first_chars(pat)]
    tests: list[Test] = []
    if started:
        combined = "|".join(started)
        regex = compile_regex(combined)
        tests.append(((regex, "match"), ("start", first_chars(combined))) if anchored
                     else ((regex, "search"), ("holds", _needed(combined))))
    for pat in named:
        if pat not in started:
            regex = compile_regex(pat)
            tests.append(((regex, "match" if anchored else "search"), ("holds", _needed(pat))))
    return tests


def _gate_source(gate: tuple[str, Any], scope: dict[str, Any]) -> str:
    """A gate as a Python expression on `text` (its sets and regexes put in `scope`): `c in
    text` for each character of a set up to HOLDS_ANY_MAX (str's own scan for one character
    runs several times faster than a regex class, which is tested at every position), a regex
    class for a larger set."""
    kind, chars = gate
    if kind == "start":
        name = f"_f{len(scope)}"
        scope[name] = frozenset(chars)
        return f"text[:1] in {name}"
    terms = []
    for needed in sorted(chars, key=lambda needed: len(needed) > HOLDS_ANY_MAX):  # the scans in C first
        if len(needed) > HOLDS_ANY_MAX:
            name = f"_c{len(scope)}"
            bind_on_first_call(scope, name, compile_regex(f"[{re.escape(needed)}]"), "search")
            terms.append(f"{name}(text) is not None")
        else:
            terms.append("(" + " or ".join(f"{c!r} in text" for c in needed) + ")")
    return " and ".join(terms) or "True"


def _patterns_function(groups: list[tuple[int, list[Test], bool, dict[str, str]]]) -> Callable[[str], Any]:
    """A function finding the first group (limit, tests, anchored, names of its alternatives)
    whose limit a line is within and which matches it: (label, matched text), or None. In a
    group, what the alternation of all its tests' alternatives (named p0, p1, … in order) finds:
    the leftmost match, and at one place the first alternative; each test tried only when the
    line passes its gate. Written out as one function (the gates inline, no call or loop per
    group or test): most lines pass no gate, and the calls cost more than the tests."""
    scope: dict[str, Any] = {"_earlier": _earlier}
    code = ["def patterns_match(text):", "    n = len(text)"]
    for g, (limit, tests, anchored, names) in enumerate(groups):
        scope[f"_names{g}"] = names
        code += [f"    if n <= {limit}:", "        best = None"]
        for find, gate in tests:
            name = f"_t{len(scope)}"
            bind_on_first_call(scope, name, *find)
            # the comparison in a function called on a match only: written out after each of
            # ~70 tests, it was a third of the source every process compiles (4.6 -> 2.7 ms)
            code += [f"        if {_gate_source(gate, scope)}:",
                     f"            m = {name}(text)",
                     "            if m is not None:",
                     "                best = _earlier(m, best)"]
        code += ["        if best:", f"            return _names{g}[best.lastgroup], best.group(0)"]
    code.append("    return None")
    exec_generated("\n".join(code), scope, "<kjlint: KJ601 line patterns>")
    return scope["patterns_match"]


def _earlier(m: re.Match, best: re.Match | None) -> re.Match:
    """The match a group's alternation finds of two: the leftmost, at one place the first
    alternative (alternatives are named p0, p1, … in order)."""
    if best is None or (m.start(), int(m.lastgroup[1:])) < (best.start(), int(best.lastgroup[1:])):
        return m
    return best


def _any_passes_function(tests: list[Test]) -> Callable[[str], bool]:
    """A function telling whether some test's gate passes and its regex matches a line, written
    out as _patterns_function is. A line holding no character of any gate's first set (the
    rarest set each needs) passes none: one scan for the characters of all those sets tells
    (KJ601's ~40 in-text patterns: 59% of ../shared/corpus's lines hold none, and their ~100
    tests one by one, some of them scans for large classes, cost several times that scan)."""
    scope: dict[str, Any] = {}
    if tests and all(kind == "holds" and chars for _find, (kind, chars) in tests):
        return _dispatched_passes_function(tests, scope)
    terms = []
    for k, (find, gate) in enumerate(tests):
        bind_on_first_call(scope, f"_t{k}", *find)
        terms.append(f"({_gate_source(gate, scope)} and _t{k}(text) is not None)")
    exec_generated("def passes(text):\n    return (" + (" or ".join(terms) or "False") + ")", scope,
                   "<kjlint: KJ601 in-text gate>")
    return scope["passes"]


def _dispatched_passes_function(tests: list[Test], scope: dict[str, Any]) -> Callable[[str], bool]:
    """_any_passes_function when every gate names the sets a line must hold: one scan finds the
    characters of the first (rarest) sets the line holds, and only the tests whose first set
    one of them is in are tried, each its other sets and then its regex. On KJ601's ~60 tests
    a line held characters of 4 tests' first sets on average (89% of a draft's lines hold
    some), and the chain of all gates cost ~5 µs a line (50 drafts: 5.4 -> 2.9 µs, the same answers)."""
    by_first: dict[str, list[int]] = {}
    rests = []
    for k, (find, (_kind, chars)) in enumerate(tests):
        bind_on_first_call(scope, f"_t{k}", *find)
        rest = _gate_source(("holds", chars[1:]), scope) if len(chars) > 1 else "True"
        rests.append(f"lambda text: {rest} and _t{k}(text) is not None")
        for c in chars[0]:
            by_first.setdefault(c, []).append(k)
    scope["_firsts"] = compile_regex(f"[{re.escape(''.join(sorted(by_first)))}]").findall
    scope["_by_first"] = {c: tuple(ks) for c, ks in by_first.items()}
    exec_generated("_rests = (" + ", ".join(rests) + ",)\n"
                   "def passes(text):\n"
                   "    found = _firsts(text)\n"
                   "    if not found:\n"
                   "        return False\n"
                   "    if len(found) == 1:\n"
                   "        tried = _by_first[found[0]]\n"
                   "    else:\n"
                   "        tried = set()\n"
                   "        for c in set(found):\n"
                   "            tried.update(_by_first[c])\n"
                   "    for k in tried:\n"
                   "        if _rests[k](text):\n"
                   "            return True\n"
                   "    return False\n", scope, "<kjlint: KJ601 in-text gate>")
    return scope["passes"]


def _needed(pattern: str) -> tuple[str, ...]:
    """_needed_chars(pattern), from the start-up cache (_pattern_facts)."""
    return _pattern_facts(pattern)[0]


@lru_cache(maxsize=None)
def _pattern_facts(pattern: str) -> tuple[tuple[str, ...], bool]:
    """(_needed_chars, _at_line_start) of a pattern, kept in the start-up cache: parsing every
    pattern again in each process would cost a short draft's check more than its KJ601 does."""
    needed, at_start = load_or_build_item("kj601-pattern-facts", pattern, _facts_version(),
                                          lambda: _build_pattern_facts(pattern), keep=1024)
    return tuple(needed), at_start


@lru_cache(maxsize=1)
def _facts_version() -> tuple:
    """What an entry of _pattern_facts depends on besides its pattern: its layout, and the line
    shares _needed_chars ranks sets by (looked up once, not for each of ~150 patterns)."""
    from ..diskcache import file_key
    from .textspans import _LINE_RATES

    return 5, file_key(_LINE_RATES)


def _build_pattern_facts(pattern: str) -> list:
    # kjlint.regexinfo (pattern analysis) is loaded only when the cache misses
    from ..regexinfo import anchored_at_text_start

    return [_needed_chars(pattern), anchored_at_text_start(parse(pattern))]


NEEDED_SETS = 3  # character sets a gate tests at most: the rarest (most lines fail it), then two more


def _needed_chars(pattern: str) -> list[str]:
    """The rarest sets of characters (by the share of the lines of real documents holding one,
    textspans.line_shares; rarest first, NEEDED_SETS at most) of each of which every match of
    `pattern` holds one, the text a lookahead requires included (a line's web address for a
    watermark, not its 。); none when there is no such set. A line lacking one of them cannot
    match: the rarest rules out most lines, the next ones most of those left (第 and 页 and 共
    for 第3页共10页). Ranked by the dictionary's word frequencies, which know no punctuation, a set
    of everyday ideographs (作, 主, 通…) came before `([【（`: KJ601's in-text gate over 1,000
    drafts ran 5.2 tests a line, 113 -> 64 ms CPU ranked by lines."""
    from ..regexinfo import required_char_sets
    from .textspans import line_shares

    shares, unseen = line_shares()

    def lines_holding(chars: frozenset[str]) -> float:
        missing = 1.0
        for c in chars:
            missing *= 1 - shares.get(c, unseen)
        return 1 - missing

    sets = [chars for chars in required_char_sets(parse(pattern), 0) if chars]
    sets.sort(key=lambda chars: (lines_holding(chars), sorted(chars)))
    return ["".join(sorted(chars)) for chars in sets[:NEEDED_SETS]]


HOLDS_ANY_MAX = 8  # characters looked for one by one at most; a regex class beyond


def _at_line_start(pattern: str) -> bool:
    """_parsed_at_line_start(pattern), from the start-up cache (_pattern_facts)."""
    return _pattern_facts(pattern)[1]


class _LineMemo(dict):
    """Results by line, emptied when the lines kept reach `budget` characters (memory stays
    within some tens of MB whatever the corpus)."""

    def __init__(self, budget: int = 4_000_000) -> None:
        super().__init__()
        self.budget = budget
        self.chars = 0

    def put(self, key: Any, size: int, value: Any) -> Any:
        self.chars += size + 16
        if self.chars > self.budget:
            self.clear()
            self.chars = size + 16
        self[key] = value
        return value


_SENTENCE_SPAN = compile_regex(r"[^。！？!?]+[。！？!?]*")
_TABLE_RULE = compile_regex(r"^[|｜]?\s*:?-{3,}:?\s*(?:[|｜]\s*:?-{3,}:?\s*)+[|｜]?$")  # ---|---|
KEYWORD_LINE = "keyword line"  # the group of rules/kj6-contamination.yaml, by its English label
_ABSTRACT = compile_regex(r"^[【\[]?摘\s*要[】\]]?\s*[:：]?")  # 摘要:, 【摘 要】
_SALUTATION = compile_regex(r"[，,、][^，,、:：]{1,10}[:：]$")  # 各位代表,同志们: (not a field, 时间:)
LEAD_BLURB_MAX = 300
_STUFFING_SEP = compile_regex(r"[,，\-－_|｜]")
_CJK_PAIR = compile_regex(r"(?=([\u4e00-\u9fff]{2}))")


_MENU_ITEM = compile_regex(r"[\u4e00-\u9fff]{2,6}")


_MENU_LABEL = compile_regex(r"^[^\s:：]{1,10}[:：][ \t\u3000]*")  # 乡镇(街道)分站: before the menu's words


def _menu_line(text: str) -> bool:
    """A site's menu above the body: eight or more words of 2 to 6 characters, spaces between,
    nothing else (网站首页 个人文档 个人总结 工作总结 述职报告 心得体会 演讲稿 …), maybe after the
    menu's label and its colon (乡镇分站: 苏湾镇 栏杆集镇 …): a sentence never strings eight bare names."""
    items = _MENU_LABEL.sub("", text, count=1).split()
    return len(items) >= 8 and all(_MENU_ITEM.fullmatch(item) for item in items)


_SLOGAN_PAIR = compile_regex(r"[\u4e00-\u9fff]{4}[ \u3000]+[\u4e00-\u9fff]{4}")
SLOGAN_RUN_MIN = 3  # lines of paired phrases in a row: one or two may be a report's heading


def _slogan_run(lines: list[str], i: int) -> bool:
    """A site's banner of slogans above the body: line i and the lines next to it (blank lines
    between skipped) are pairs of four-character phrases, nothing else (战略选择 中国样本 /
    消息总汇 瞭望高地 / 权威发布 民声前沿), SLOGAN_RUN_MIN lines of them at least; a report's
    heading (第一部分 单位概况, 以德树人  以爱育人) stands alone."""
    if not _SLOGAN_PAIR.fullmatch(lines[i]):
        return False
    run = 1
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and run < SLOGAN_RUN_MIN:
            if lines[j]:
                if not _SLOGAN_PAIR.fullmatch(lines[j]):
                    break
                run += 1
            j += step
    return run >= SLOGAN_RUN_MIN


def _keyword_stuffing(text: str) -> bool:
    """An SEO spammer's line of search phrases (亚洲一区亚洲二区亚洲三区,国产成人高清在线,…,
    国产成人精品在线-国产成人精品综合-…): six or more phrases of 5 characters on average, no
    sentence punctuation and none of the words that make phrases a sentence (的, 了, 是, 将), the same
    two characters in three of them."""
    if len(text) > 200 or _SENTENCE.search(text) or any(c in text for c in "：:的了是将."):
        return False
    parts = [p for p in _STUFFING_SEP.split(text) if p.strip()]
    if len(parts) < 6 or sum(map(len, parts)) < 5 * len(parts) or max(map(len, parts)) > 20:
        return False
    seen: dict[str, int] = {}
    for part in parts:
        for pair in set(_CJK_PAIR.findall(part)):
            seen[pair] = seen.get(pair, 0) + 1
    return max(seen.values(), default=0) >= 3  # a site's introduction is a few sentences, never a page of text


def _last_sentence(text: str) -> str:
    return next((m.group(0) for m in reversed(list(_SENTENCE_SPAN.finditer(text)))
                 if m.group(0).strip(BLANK_CHARS + " 。！？!?")), "")


def _ends_with_blurb(matcher: _Boilerplate, text: str) -> bool:
    """Whether a normalized paragraph's last sentence is an editor's blurb (…以下是小编整理的…,
    希望能够帮助到大家。): the site announcing the text below."""
    return matcher.sentence_phrase(_last_sentence(text)) is not None


# Lines that a web page adds around an article but that a Word file writes itself: a thesis's
# 关键词 and 作者 lines, a web address typed on a line of its own (a Word file has no address bar).
WORD_OWN_PHRASES = ("关键词:", "关 键 词", "关键字:", "标签:", "tags:", "作者:")
_BARE_URL = compile_regex(r"^(?:https?://|www\.)\S+$")
# A Word file's link behind a label naming what it links (Django官方文档:https://…, ●检测系统代码:
# https://…, a reference list's 文章相似度比较算法 http://…, set apart by blanks): the writer's
# reference. A label about the page itself (原文链接, 转载请注明出处:) is the copied page's.
_LABELED_URL = compile_regex(r"^(?![^\n:]*(?:本文|原文|本页|出处|转载|来源))[^\n:]{1,24}(?::\s*|[ \t\u3000]+)(?:https?://|www\.)\S+$")


def surely_boilerplate(doc: Document, ctx: Context, rule, max_len: int = 40) -> bool:
    """Whether `boilerplate_lines` reports some line of at most `max_len` characters as a whole
    line (site headers, footers, notices are short): a check of a few lines that proves a copy has
    a finding without linting it, for `kjlint dedupe --keep best`. Exact, never a guess: a
    whole-line match outside an in-sentences group is reported in a text file whatever the lines
    around it say (a Word file's own lines and parts are judged by the rule itself: False)."""
    if (rule.params.get("check") != "boilerplate-lines" or doc.source_format == "docx" or doc.parts
            or doc.source_format in (rule.params.get("skip-source-formats") or ())):
        return False
    matcher = _compiled_boilerplate(rule)
    seen = ctx.memo.setdefault(("boilerplate-match", rule.code), {})  # reused by boilerplate_lines
    for i, (line, text) in enumerate(zip(doc.lines, normalized_lines(doc, ctx))):
        if text and len(text) <= max_len and line.text.strip(BLANK_CHARS):
            found = seen[i] = matcher.match(text)
            if found is not None and found[0] not in matcher.sentence_labels and found[0] != KEYWORD_LINE:
                return True  # (a 关键词 line is the article's own under its 摘要)
    return False


# A betting brand's name after its letters, as the injected-spam patterns find it (JN江南·体育下载,
# -ag凯发娱乐): the Chinese name, then a betting or site word. The same name elsewhere on the page
# with such a word (…陈述完毕江南体育官网,由…) is the same spam without its letters.
_BRAND_NAME = compile_regex(r"^[-_－]?[A-Za-z0-9]+([\u4e00-\u9fff]{2,4}?)[·・]?(?=必[赢贏]|[娱娛][乐樂]|[体體]育|[电電][竞競]|彩票|博彩|棋牌|真人)")
_BETTING_TAIL = (r"[·・]?(?:必[赢贏]|[娱娛][乐樂][场城場]?|[体體]育|[电電][竞競]|彩票|博彩|棋牌|真人)"
                 r"(?:官方[网網]站|官[网網]|下[载載]|入口|[登註注][录錄册冊]|[网網]址|[Aa][Pp][Pp]|平[台臺])*")


# ... and a brand's name with a site word, hung by a dash on a title at a line's start or after a
# link's label (半岛平台-…, 上一篇: 半岛平台-…)
_SPAM_PREFIX = compile_regex(r"(?:^|(?<=[:：]))[ \t\u3000]*([\u4e00-\u9fff]{2,4}(?:平[台臺]|官[网網]|[体體]育|[娱娛][乐樂]))[-－](?=[\u4e00-\u9fff\d])",
                             re.MULTILINE)
# What every prefix holds: its site word's last character, then the dash. Searched first (a scan
# for one of 7 characters): the prefix pattern may start at any line start or colon and cost
# 0.36 CPU s on ../shared/corpus, where no text has this pair (0.06 s for the test).
_SPAM_DASH = compile_regex(r"[台臺网網育乐樂][-－]")


@check("boilerplate-lines")
def boilerplate_lines(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    brands: set[str] = set()  # betting brands' Chinese names (江南 of JN江南·体育下载)
    spans: list[tuple[int, int]] = []  # what the lines' furniture covers: not reported again
    for h in _boilerplate_lines(doc, ctx, rule):
        if h.fields.get("group") == "injected spam" and (m := _BRAND_NAME.match(h.fields.get("match", ""))) is not None:
            brands.add(m.group(1))
        spans.append((h.offset, h.end))
        yield h

    def spam(a: int, b: int, phrase: str) -> Iterator[Hit]:
        """The injected spam at [a, b), unless the lines' furniture covers it already."""
        if not any(x < b and a < y for x, y in spans):
            yield Hit(a, b, {"kind": _compiled_boilerplate(rule).shown["injected spam"], "group": "injected spam",
                             "phrase": phrase, "match": doc.text[a:b]},
                      Fix("", a, b, safe=False) if rule.fixable != "none" else None)

    # a spammer's prefix hung on the page's titles by a dash, the same on three of them or more
    # (半岛平台-2020年全国新开工… on the headline, its copy and the next-article link)
    if ("-" in doc.text or "－" in doc.text) and _SPAM_DASH.search(doc.text) is not None:
        prefixes: dict[str, list[re.Match[str]]] = {}
        for m in _SPAM_PREFIX.finditer(doc.text):
            prefixes.setdefault(m.group(1), []).append(m)
        for found in prefixes.values():
            if len(found) >= 3:
                for m in found:
                    yield from spam(m.start(1), m.end(), m.group(1))
    for name in brands:
        for m in re.finditer(re.escape(name) + _BETTING_TAIL, doc.text):
            yield from spam(m.start(), m.end(), m.group(0))


# a Word line that ends in a tab and a page number: a typed contents entry (3.2.总结与收获<TAB>20)
_TAB_PAGE = compile_regex(r"[^\s]\t+[ \t]*\d{1,3}[ \t]*$")


def _boilerplate_lines(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    matcher = _compiled_boilerplate(rule)
    own: tuple[str, ...] = ()
    own_labels: frozenset[str] = frozenset()
    labeled_only: frozenset[str] = frozenset()
    if doc.source_format == "docx":
        own = tuple(normalize_line(str(p)) for p in rule.params.get("word-own-phrases", WORD_OWN_PHRASES))
        own_labels = frozenset(rule.params.get("word-own-labels", WORD_OWN_LABELS))
        labeled_only = frozenset(rule.params.get("word-labeled-only", WORD_LABELED_ONLY))
    notice = None  # (label, phrase) of a notice heading (温馨提示:) whose numbered items follow
    tip: int | None = None  # the number of the notice's last item, when its first item started it
    cited_pages = None  # whether a Word file's page lines cite pages rather than count them
    dated_log = None  # whether a Word file is a log of dated entries
    seen = ctx.memo.get(("boilerplate-match", rule.code), {})  # lines surely_boilerplate matched
    lines = normalized_lines(doc, ctx)
    abstract = False  # an article's 摘要 came before, and no furniture since
    above = False  # a line of the page that is not furniture came before this one
    prose_above = False  # ... and one that is not a title either: the body has started
    toc: Span | None = None  # a 目录 line, until the next line with words tells what it heads
    table = flat_table_lines(doc, ctx)  # a table read as lines: its | are its layout
    for i, (line, text) in enumerate(zip(doc.lines, lines)):
        if not line.text:
            continue  # an empty line (half of most texts) changes nothing below and holds nothing
        found = seen[i] if i in seen else matcher.match(text)
        if found is not None and found[0] == CELL_RULE_LABEL and i in table and not text.strip("|｜ "):
            continue  # where a row of a table read as lines ends (|, ||||): the table's, not the page's
        if found is not None and found[0] == CELL_RULE_LABEL and _RULE_LINE.match(text) and is_attachment_head(_following(lines, i)):
            continue  # ——— above 附件一: the document's own rule between its 落款 and its attachment
        if found is not None and i in table and i in pair_table_lines(doc, ctx):
            continue  # 受理日期 | 2026-3-4 | among a 公示's rows of particulars: the document's table, no panel
        if found is not None and found[0] == "article counter" and doc.source_format == "docx" \
                and _TAB_PAGE.search(line.text):
            found = None  # 第三部分 实践总结<TAB>20: an entry of a typed table of contents, its page after the tab
        if found is not None and _meeting_particulars(lines, i):
            found = None  # 日期: / 时间: beside 地点:: a meeting's particulars (an agenda's, a notice's), no page stamp
        in_prose = found is not None and found[0] in matcher.sentence_labels and matcher.has_other_sentences(text)
        if in_prose or (found is None and text and not prose_above and len(text) <= LEAD_BLURB_MAX):
            titled = _title_like(_following(lines, i), 60)
        else:
            titled = False
        if in_prose and (above or not titled) and not (titled and not prose_above and _ends_with_blurb(matcher, text)):
            found = None  # one sentence of a paragraph of text: report that sentence, keep the rest
        # else the page's first paragraph, above the title, ends with the site's blurb: all of it
        # is the site's introduction (做任何工作都应该有个计划…那么下面我就给大家讲一讲…); so is a
        # paragraph whose last sentence is the blurb, between the page's title lines and the title
        # or article counter it announces, before any paragraph of text (总结是指…以下是小编整理的…)
        if (found is None and text and titled and not prose_above and len(text) <= LEAD_BLURB_MAX
                and _ends_with_blurb(matcher, text)):
            found = matcher.sentence_phrase(_last_sentence(text))
        if found is None and not prose_above and _keyword_stuffing(text):
            found = ("injected spam", text)  # 亚洲一区亚洲二区…,国产成人高清在线,… above the title
        if found is None and not above and doc.source_format != "docx" and _UNDERSCORED_KEYWORDS.match(text):
            # the page's first line, phrases strung by `_` as a page's <title> lists its keywords
            # (…综合色欲_欧美一区…免费播放_…_…国产成人网): no writer joins Chinese words with `_`
            found = ("keyword line", text)
        if found is None and not prose_above and _menu_line(text):
            found = ("navigation", text)  # 网站首页 个人文档 个人总结 工作总结 述职报告 心得体会 …
        if found is None and not prose_above and _slogan_run(lines, i):
            found = ("site slogan", text)  # 战略选择 中国样本 / 消息总汇 瞭望高地 / 权威发布 民声前沿
        if found is None and "---" in text and _TABLE_RULE.match(text):
            # the rule row of a table the page's metadata fills (索引号: | … under 标题: | …)
            found = matcher.match(_following(lines, i))
        if found is not None and found[0] == KEYWORD_LINE and abstract:
            found = None  # an article's own 关键词 line, under its 摘要: not the site's tags
        abstract = (abstract or ("摘" in text[:2] and bool(_ABSTRACT.match(text)))) if found is None else False
        above = above or (found is None and bool(text))
        prose_above = prose_above or (found is None and bool(text) and not _title_like(text, 60))
        if found is None and text:
            if len(text) <= 8 and text.replace(" ", "") in ("目录", "目次"):
                toc = next(doc.paragraphs_in_line(line))
            elif toc is not None and CJK.search(text):
                toc = None  # the line under 目录 is no site furniture: the document's own contents
        if found is None and notice is not None and text:
            if _LIST_ITEM.match(text) and (tip is None or _item_number(text) == tip + 1) and (
                    _SITE_NOTICE.search(text) or (notice[0] == "navigation" and _CRUMB.match(text))):
                # 1. 下载前请仔细阅读文档内容… under 温馨提示:; 2. 年终工作总结 under the crumb 1. 首页
                found = notice
                if tip is not None:
                    tip += 1
            else:
                notice = tip = None
        if found is None:
            if own:
                continue  # a Word file's own sentences: no site glues its chrome into them
            if (text.endswith("|") and text.count("|") == 1 and _han_at_least(text, 4) and i not in table
                    and not _field_row(text[:-1].rstrip()) and not _framed(lines, i)):
                # a table cell's rule left alone at the end of a line of words that is no table row
                # (…工作总结 |, …的重要意义。 |): the page's layout, not the text (a row of the
                # page's panel, 阅读:2341 |, 37.5 KB |, is KJ609's as a whole)
                raw = line.text.rstrip(_BLANKS)
                at = len(raw.rstrip("|｜").rstrip(_BLANKS))
                if 0 < at < len(raw) and raw[at:at + 1] in _BLANKS:
                    shown = matcher.shown.get(CELL_RULE_LABEL)
                    if shown is not None:
                        at, stop = line.start + at, line.start + len(raw)
                        yield Hit(at, stop, {"kind": shown, "group": CELL_RULE_LABEL, "phrase": "|",
                                             "match": doc.text[at:stop]},
                                  Fix("", at, stop, safe=False) if rule.fixable != "none" else None)
            for start, end, label, phrase in matcher.furniture_in_line(line.text, text, in_prose):
                if label == "byline" and _closing_credit(doc, i):
                    continue  # (桓台融媒记者 某某 某某 报道) under the story's last sentence: its signature
                at, stop = line.start + start, line.start + end
                yield Hit(at, stop, {"kind": matcher.shown[label], "group": label, "phrase": phrase,
                                      "match": doc.text[at:stop]},
                          Fix("", at, stop, safe=False) if rule.fixable != "none" else None)
            continue
        label, phrase = found
        opened = None  # the notice this line opens, once it is reported itself (not a writer's own line)
        if text.endswith(":") or text == phrase:
            opened = (found, None)  # 温馨提示: or a line that is the heading alone (友情提示): its items follow
        elif notice is None and _LIST_ITEM.match(text) and (_SITE_NOTICE.search(text) or label == "navigation"):
            # the panel's first tip (1、本文档共6页,可阅读全部内容。), a breadcrumb's first crumb
            # (1. 首页): the items after it too, numbered on from it
            opened = (found, _item_number(text))
        if toc is not None and not own:
            # the heading of the site's list of the pieces it collects (目录 above 1.…工作总结 3)
            yield Hit(toc.start, toc.end, {"kind": matcher.shown[label], "group": label, "phrase": toc.text.strip(),
                                           "match": toc.text}, delete_line_fix(doc, doc.line_index(toc.start), rule))
        toc = None
        if own and (phrase in own or label in own_labels or (label in labeled_only and phrase not in matcher.starts)
                    or _BARE_URL.match(phrase) or _LABELED_URL.match(phrase)
                    or (label == "photo caption" and text.startswith(("图为", "图片为")))):
            # (and a caption saying what its picture shows, 图为…: the Word file has the picture)
            continue  # the document's own keyword, author, byline (通讯员：…) or reference line
        if own and label == "source line" and _DATED_LINE.match(text):
            if dated_log is None:
                dated_log = _dated_log(lines)
            if dated_log:
                continue  # 2019.3.17 第一次会议: an entry of the writer's log, not the page's date
        if own and (doc.part(i) == "textbox" or _word_layout_line(doc, i)
                    or _word_own_line(doc, i, text, label, phrase, matcher)
                    or _in_field_block(lines, i, matcher)):
            continue  # a text box holds a diagram's labels (注册, 登录), no site's buttons
        if label in matcher.skip_technical and i in doc.technical_lines:
            continue  # 格式：-XX:<name>=<value>: a command's syntax, no file's details
        if own and label == matcher.page_label:
            if cited_pages is None:
                cited_pages = _pages_cited(lines)
            if cited_pages:
                continue
        if opened is not None:
            notice, tip = opened
        p = next(doc.paragraphs_in_line(line))
        fix = delete_line_fix(doc, i, rule)
        yield Hit(p.start, p.end, {"kind": matcher.shown[label], "group": label, "phrase": phrase,
                                 "match": p.text}, fix)


def _closing_credit(doc: Document, i: int) -> bool:
    """Is line i a credit in brackets alone on its line, right under the story's last sentence?
    A credit in brackets closing the story is its own signature, whatever it holds (docs/labeling.md);
    the paper's credit heading the story (〔記者王某/台北報導〕) stands above its first sentence."""
    text = doc.lines[i].text.strip(BLANK_CHARS)
    if not (text[:1] in "(（" and text[-1:] in ")）"):
        return False
    above = next((doc.lines[k].text.strip(BLANK_CHARS) for k in range(i - 1, -1, -1)
                  if doc.lines[k].text.strip(BLANK_CHARS)), "")
    return above[-1:] in "。！？!?”"


# Groups whose lines a Word file writes itself: a news story's byline (通讯员：…), a credit line.
WORD_OWN_LABELS = ("byline", "news credit")
# Groups whose words a Word file uses in its own sense, reported there only on a line that opens
# with the site's own label (当前位置:, 首页 >, 主办单位:, 网站标识码): a manual's 注册 and 登录
# steps, a prototype's captions, a plan's 友情链接 among its items (site widget), an order or a
# flow written with > (breadcrumb). On six sets of Word files nobody here had seen (fdocx8-13,
# judged at their first run), those two groups' other matches made 14 of the 26 furniture lines
# reported, all false.
WORD_LABELED_ONLY = ("site widget", "breadcrumb")

CELL_RULE_LABEL = "file details"  # the group of lines made of cell rules only (| |): a stray one is its kind


def _framed(lines: list[str], i: int) -> bool:
    """Whether the line with text above or below line i is made of cell rules alone (||||): the
    page drew a frame around line i, whose border its end is (the frame's lines are reported)."""
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(lines) and not lines[k]:
            k += step
        if 0 <= k < len(lines) and not lines[k].strip("|｜ \t"):
            return True
    return False


_RULE_LINE = compile_regex(r"^[-－—–=_]{3,}$")  # a rule typed as a line of dashes


# A meeting's particulars, each a field of its own (an agenda's or a notice's head, a table's rows:
# 日期: | 2018-01-04 (星期四) | / 时间: | 下午2时30分 | / 地点: | …会议室 |): its day or hour beside its
# place. A page's metadata stamps when it was published, never where.
_WHEN_FIELD = compile_regex(r"^(?:会议|开会|活动)?(?:日期|时间)\s*:")
_WHERE_FIELD = compile_regex(r"^(?:会议|开会|活动)?(?:地点|会场|地址)\s*:")


def _meeting_particulars(lines: list[str], i: int, reach: int = 2) -> bool:
    """Whether line i is a meeting's date or time field with its place field among the `reach`
    lines with text above or below it (lines in the line form: simplified, half-width colons)."""
    if not _WHEN_FIELD.match(lines[i]):
        return False
    for step in (-1, 1):
        k, seen = i + step, 0
        while 0 <= k < len(lines) and seen < reach:
            if lines[k]:
                if _WHERE_FIELD.match(lines[k]):
                    return True
                seen += 1
            k += step
    return False


def _following(lines: list[str], i: int) -> str:
    """The next line with text after line i ("" when none): asked for a few lines only."""
    j = i + 1
    while j < len(lines) and not lines[j]:
        j += 1
    return lines[j] if j < len(lines) else ""


# A form field written as a line: a short label, a colon, its value (时间:2025.10.14 16:30,
# 签订日期:«year»年…, Format2:用户上传的文件…).
_FIELD_LINE = compile_regex(r"^[^:\s]{1,12}:\s*\S")
# A row of a form's labels with nothing after any of them (姓    名:    性别:    年龄:): left for
# whoever fills the form in. A page's metadata row has a value after each label.
_BLANK_FORM_ROW = compile_regex(r"^(?:[^:\s](?:[^:\s]|[ \u3000]+(?=[^:\s])){0,11}:[ \u3000]*){2,}$")


def _in_field_block(lines: list[str], i: int, matcher: _Boilerplate) -> bool:
    """Whether line i of a Word file is one of the writer's own fields: a `label: value` line
    next to another such line that is no site chrome and no sentence (时间:… above 地点:…,
    签订日期:… below 乙方:…). A page's metadata rows stand next to each other, and each of them
    is chrome."""
    if not _FIELD_LINE.match(lines[i]):
        return False
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(lines) and not lines[k]:
            k += step
        if (0 <= k < len(lines) and _FIELD_LINE.match(lines[k]) and lines[k][-1] not in "。！？!?"
                and matcher.match(lines[k]) is None):
            return True  # a field's value, not a salutation's sentence (各单位:现将…通知如下。)
    return False


_PAGE_NUMBER = compile_regex(r"\d{1,4}")
# A line starting with a date, maybe behind a short label of a record's field (时间:2015-4-25下午).
_DATED_LINE = compile_regex(r"^(?:(?P<label>[^:\s\d]{1,6}):\s*)?(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")


def _dated_log(texts: list[str]) -> bool:
    """Whether a Word file is a log of dated entries: lines starting with two different dates
    or more, behind the same label if any (minutes meeting after meeting: 2019.3.17 第一次会议 …
    2019.3.19 第二次会议, or each record's 时间:2015-4-25 … 时间:2015-5-2; a diary's 2017.12.27周三).
    A web page's own date line (2026/02/10经典总结, 发布时间:2021-03-01) stands once, above its text."""
    dates: dict[str | None, set[tuple[int, ...]]] = {}
    for text in texts:
        if m := _DATED_LINE.match(text):
            dates.setdefault(m.group("label"), set()).add(tuple(map(int, m.groups()[1:])))
    return any(len(found) >= 2 for found in dates.values())


def _pages_cited(texts: list[str]) -> bool:
    """Whether a Word file's page lines (Page 8, 第12页) head notes about pages of another
    document rather than count its own pages: pagination goes up one page at a time, notes on
    pages 8, 12, 13, 16 skip (a quarter of the steps or more are not +1). A Word file's own page numbers live in its footers."""
    numbers = [int(m.group(0)) for text in texts
               if is_page_counter_line(text) and (m := _PAGE_NUMBER.search(text))]
    steps = [b - a for a, b in zip(numbers, numbers[1:])]
    return len(numbers) >= 3 and sum(step == 1 for step in steps) * 4 < len(steps) * 3


# What a Word file's author writes that reads like site chrome on a web page: a form's date,
# time and page values in table cells (a 周报日期 cell's 2018-04-09至2018-04-13), a page of the
# product named in a requirements table (首页), a rule of ===== typed between notes.
FORM_CELL_LABELS = frozenset({"page counter", "source line", "government page metadata", "site widget", "file details",
                              "navigation", "related-article link", "article counter"})
# In a Word file, a count of pieces alone on a line (一篇, （两篇）: 发表了 / 一篇 / 论文) is the writer's
# count read on into the sentence, and 第一篇：绪论 a part of the writer's own book or course (a short
# name, no kind of document): a site numbers the reports it collects (第一篇: 2023年…工作总结).
_WORD_COUNT = compile_regex(r"^[(（]?[\d一二三四五六七八九十两]{1,3}[ \t]*篇[)）]?$")
_WORD_PART = compile_regex(r"^第[\d一二三四五六七八九十]{1,3}篇[ \t]*[:：]?[ \t]*(?![^\n]*(?:总结|计划|报告|方案|讲话|致辞|心得|范文|汇报))[^\s，。,；;！？!?]{1,8}$")
_NAV_SEPARATORS = " |/\\>»›·-_:：,，"
_LIST_ITEM = compile_regex(r"\d{1,2}\s*[.、．]")
# A notice that is about the download or the site, not about the text it sits in.
_SITE_NOTICE = compile_regex(r"下载|文档|预览|本站|网站|会员|VIP|vip|页|阅读|上传|举报|版权|付费|积分|客服")


# A crumb of a breadcrumb written as an ordered list (1. 首页 / 2. 年终工作总结): a name, no sentence.
_CRUMB = compile_regex(r"\d{1,2}\s*[.、．]\s*[^，。,；;:：!?！？\s]{2,16}$")


def _item_number(text: str) -> int:
    """The number of a numbered list item (_LIST_ITEM): 12 for `12、…`, 2 for `2 、…`."""
    return int(text[:2]) if text[1:2].isdigit() else int(text[0])


# A title a writer dates (2025-06-06周报, 2024.3.1会议纪要, 2022-01-09组会记录): a date, then the
# kind of document, maybe of a kind of meeting or work (组会, 项目).
# (2026/02/10经典总结 is a page's date stamp and its section)
_DATED_TITLE = compile_regex(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*(?:工作|会议|项目|个人|学习|部门|组会|例会|周会|班会|小组会议?)?"
                             r"(?:周报|月报|日报|总结|计划|纪要|记录|报告|汇报|方案|安排)$")


def _word_layout_line(doc: Document, i: int) -> bool:
    """Whether line i of a Word file is laid out by its writer as part of the document: a cell of
    a Word table (a data dictionary's 链接地址, a test table's 前后两个轨迹点…) or a heading by
    paragraph style or outline level (第十三章 注意事项与免责声明, 相关链接 heading the notes'
    links). A site's chrome reaches a Word file only as pasted text, in plain paragraphs: its
    menus and notices are neither Word headings nor Word table cells."""
    return doc.in_table(i) or (i + 1) in doc.style_headings


def _above_listing(doc: Document, i: int) -> bool:
    """Is the next line with text after line i a technical one (code, a data sample's field)?"""
    technical = doc.technical_lines
    for j in range(i + 1, min(i + 3, len(doc.lines))):
        if doc.lines[j].text.strip(BLANK_CHARS):
            return j in technical
    return False


def _word_own_line(doc: Document, i: int, text: str, label: str, phrase: str, matcher: _Boilerplate) -> bool:
    """A line of a Word file that only looks like site chrome: a navigation word starting an
    ordinary sentence or a note (返回结果集，传给…; 首页表头; 返回：), a 温馨提示 about the
    text itself, a numbered heading that is the phrase alone, a separator line without a word on it, a phrase that is part of a longer word
    (文档网格), a widget's name read on into the writer's sentence (微信扫码点餐小程序), a form's
    field (日期：    年  月  日), a form's value in a table cell (2015/10/25 8:30, 3/4) and a
    title its writer dated, opening the file (2025-06-06周报)."""
    if label == "site widget" and text.startswith(phrase) and phrase.endswith(":"):
        return True  # 日期：    年  月  日, 审核：[审核人]: the writer's own form field
    if label == "source line" and _DATED_TITLE.match(text) and not any(q.text.strip() for q in doc.lines[:i]):
        return True  # 2025-06-06周报 opening the file: its title, dated by its writer
    if label == "navigation" and text.strip(BLANK_CHARS) == phrase and _above_listing(doc, i):
        return True  # 方法：GET / 返回 / data: / code:200: what the call returns, shown as a listing
    if label == "navigation" and text.startswith(phrase):
        rest = text[len(phrase):]
        for p in matcher.start_tuple:
            if matcher.starts[p] == "navigation":
                rest = rest.replace(p, "")
        if rest.strip(_NAV_SEPARATORS + BLANK_CHARS) or ":" in rest:
            return True  # more than a row of navigation links
    if label == "download panel" and text.startswith(phrase) and not _SITE_NOTICE.search(text[len(phrase):]):
        return True
    item = _LIST_ITEM.match(text)
    if item and text[item.end():].strip(BLANK_CHARS + ":") == phrase.strip(":"):
        return True  # 2.文档完整性： a numbered heading of the writer's own (acceptance criteria)
    if _BLANK_FORM_ROW.match(text):
        return True  # 姓    名:    性别:    年龄: the labels of a form row left to fill in
    if not any(ch.isalnum() for ch in text):
        return True  # ===== or ||| typed by the author: no site writes its chrome in a .docx
    at = text.find(phrase)
    if at >= 0 and CJK.search(phrase[-1:]) and joins_into_word(phrase, text[at + len(phrase):]):
        return True
    if (at >= 0 and len(text) >= 16 and (label == "site widget" or not phrase.endswith(":"))
            and (CJK.match(text[at + len(phrase):at + len(phrase) + 1])
                 or (at >= 8 and CJK.match(text[at - 1:at])))):
        # 关于微信扫码点餐小程序的调研, 用管理员微信登录就可以查看, 对这些数据进行全部下载到本地,
        # 是否启用语音播报, 需要联系客服QQ: the writer's sentence names it, read on into it or
        # leading up to it (a label such as 来源: opens the site's line whatever follows it)
        return True
    if label == "source line" and at == 0 and phrase.endswith(":") and "。" in text[len(phrase):-1]:
        return True  # 信息来源：收集信息的方式主要有…。线上…: a label of the writer's, then sentences
    if label == "breadcrumb" and ">" in text and all(text[k - 1:k] in "-=" for k in range(len(text)) if text[k] == ">"):
        return True  # 摄像头采集 -> 关键点提取 -> …: a flow typed with arrows, not a site's path
    if label == "site widget" and _SIGNING_WEEKDAY.match(text) and _under_signature(doc, i):
        return True  # 上小河村村委 / 2021年1月17日星期日: the 落款's date, weekday and all
    if label == "article counter" and (_WORD_COUNT.match(text) or _WORD_PART.match(text)):
        return True
    if label in FORM_CELL_LABELS:
        sources = doc.line_sources
        if sources and i < len(sources) and ", cell " in sources[i]:
            return True
    return False


_SIGNING_WEEKDAY = compile_regex(r"^\d{4}年\d{1,2}月\d{1,2}日\s*星期[一二三四五六日天]$")


def _under_signature(doc: Document, i: int) -> bool:
    """Is line i right under a signature (a short line without sentence punctuation, after the
    body's text) with nothing but blank lines below it: a 落款?"""
    above = [line.text.strip(BLANK_CHARS) for line in doc.lines[:i] if line.text.strip(BLANK_CHARS)]
    below = [line.text for line in doc.lines[i + 1:] if line.text.strip(BLANK_CHARS)]
    return (len(above) >= 2 and not below and len(above[-1]) <= 25
            and not any(c in above[-1] for c in "。，；,;：:"))


_BOILERPLATE_CACHE: dict[int, tuple[object, _Boilerplate]] = {}


def _compiled_boilerplate(rule) -> _Boilerplate:
    cached = _BOILERPLATE_CACHE.get(id(rule))
    if cached is None or cached[0] is not rule:
        cached = (rule, _Boilerplate(rule))
        _BOILERPLATE_CACHE[id(rule)] = cached
    return cached[1]


# ---------------------------------------------------------------------------------------------
# Page numbers of document-sharing sites

PAGE_MARK = compile_regex(r"^(\d{1,3})、")
# A paragraph after the first that PAGE_MARK matches, in the whole text at once (a paragraph is its
# line without the blanks around it)
_PAGE_MARK_LINE = compile_regex(f"\n[{re.escape(BLANK_CHARS)}]*\\d{{1,3}}、")
LIST_MARK = compile_regex(r"^(\d{1,3})[、.．]")
LONE_NUMERAL = compile_regex(r"^(?:[一二三四五六七八九十]+|第[一二三四五六七八九十]+|[（(][一二三四五六七八九十]+)$")
CJK = compile_regex(r"[\u4e00-\u9fff]")


def _looks_like_heading(text: str) -> bool:
    return heading_level(text) is not None or (len(text) <= 25 and not re.search(r"[，,。；;]", text))


PAGE_MIN_CHARS = 200  # mean characters between page markers of one run: pages are long, list items short


def _splits_figure(before: str, after: str) -> bool:
    """Does a line end cut a figure, its digits going on after the marker (20 / 4、23年, 资金9. /
    2、14万元: 9.14万元)? A full stop after a digit is then the figure's decimal point."""
    return after[:1].isdigit() and (before[-1:].isdigit() or (before[-1:] in ".．" and before[-2:-1].isdigit()))


def _page_run(paras: list[Span], furniture: set[int], line_of) -> dict[int, bool]:
    """Markers that belong to the run of page numbers 1, 2, 3… of a document-sharing site,
    judged by the whole document's layout: {paragraph index: starts the first page}.

    A page starts wherever the site's page break fell: after a word cut in two, a comma or a
    heading as often as after a full stop, and pages are long. A real list item follows a
    finished sentence or heading and list items are short. So a marker can be a page number
    when the body paragraph before it does not end a sentence (or there is none: the first
    page); a run of such markers numbered 1, 2, 3… (or from 2: the first page unnumbered)
    whose pages average PAGE_MIN_CHARS characters or more is the site's pagination."""
    run: list[int] = []
    body_before = 0  # paragraphs that are not site furniture above this one
    for i, p in enumerate(paras):
        if line_of(p.start) in furniture:
            continue
        body_before += 1
        m = PAGE_MARK.match(p.text)
        if m is None:
            continue
        body_before -= 1
        n = int(m.group(1))
        prev = next((paras[j] for j in range(i - 1, -1, -1) if line_of(paras[j].start) not in furniture), None)
        expected = int(PAGE_MARK.match(paras[run[-1]].text).group(1)) + 1 if run else None
        if expected is None and n == 1 and body_before < 3:
            run.append(i)  # the first page starts the document, after whatever the site put above
            continue
        page_like = (prev is None or prev.text[-1] not in TERMINAL or joins_into_word(prev.text, p.text[m.end():])
                     or _splits_figure(prev.text, p.text[m.end():]))
        prev_item = LIST_MARK.match(prev.text) if prev is not None else None
        if prev_item and int(prev_item.group(1)) == n - 1 and len(prev.text) < PAGE_MIN_CHARS:
            page_like = False  # right after a short item n-1: a list, not a page
        if run and p.start - paras[run[-1]].start < PAGE_MIN_CHARS / 2:
            page_like = False  # pages are never this short
        if page_like and ((expected is None and n == 2) or n == expected):
            run.append(i)
    if len(run) < 2:
        return {}
    span = paras[run[-1]].start - paras[run[0]].start
    if span / (len(run) - 1) < PAGE_MIN_CHARS:
        return {}
    return {i: k == 0 and int(PAGE_MARK.match(paras[i].text).group(1)) == 1 for k, i in enumerate(run)}


# A page's number glued into a document flattened to one line by a sharing site (…聚力增效2一是…):
# a bare number between two pieces of a sentence, not a figure (no unit or measure word after it,
# no 第 or bracket around it, not part of a decimal, a date, a range or a code).
_GLUED_NUMBER = compile_regex(r"(?<![\d.．,，%％:：/／\-—~～()（）a-zA-Z第约近超共达前])([1-9]\d?)"
                              r"(?=[\u4e00-\u9fff])")
_COUNTED = frozenset("个年月日号时分秒人名家项次件条位元角万亿千百岁天周期批所座台辆户村组届章节款页篇倍份只头亩米吨度级类种型套场轮批支部")
_FIRST_PAGE_YEAR = compile_regex(r"1(?=(?:19|20)\d\d年)")  # page 1 glued before the year that opens the text
FLAT_PAGE_MIN = 150  # characters of one page of a flattened document, at least
FLAT_PAGE_SPREAD = 1.5  # the longest page of a run is at most this many times the shortest


def _flat_page_run(text: str) -> list[tuple[int, int]]:
    """Page numbers 2, 3… glued into one flattened paragraph (and 1 at its start, glued before
    a year), judged by the layout: pages of a run are about equally long, counted from the
    paragraph's start, and each number cuts a sentence (what is before it ends none)."""
    found = [(m.start(), m.end(), int(m.group(1))) for m in _GLUED_NUMBER.finditer(text)
             if m.start() and text[m.start() - 1] not in TERMINAL and text[m.end()] not in _COUNTED]
    run: list[tuple[int, int]] = []
    at, want = 0, 2
    for start, end, n in found:
        if n == want and start - at >= FLAT_PAGE_MIN:
            run.append((start, end))
            at, want = start, want + 1
    if len(run) < 2:
        return []
    pages = [b[0] - a[0] for a, b in zip([(0, 0)] + run, run)]
    if max(pages) > FLAT_PAGE_SPREAD * min(pages):
        return []
    first = _FIRST_PAGE_YEAR.match(text)
    return ([(0, 1)] if first else []) + run


# A converted document's page number between dashes (— 2 —, －3－, - 4 -: the footer of a 公文's page)
# left in its text, glued inside a sentence or on a line of its own. A dash-number-dash alone says
# nothing (a code, a range); a run of them numbered n, n+1, n+2… at page-sized intervals is the
# pagination of the document the text was copied from.
_DASHED_PAGE = compile_regex(r"(?<![0-9A-Za-z\-—－–])(?:[—－–][ \t\u3000]*(\d{1,3})[ \t\u3000]*[—－–]"
                             r"|-[ \t\u3000]+(\d{1,3})[ \t\u3000]+-"
                             # (or tight between hyphens, blanks around them: a PDF's page foot -1- flattened into its text)
                             r"|(?<=[ \t\u3000])-(\d{1,3})-(?=[ \t\u3000]))(?![0-9A-Za-z\-—－–])")


_TIGHT_DASHED_PAGE = compile_regex(r"[ \t\u3000]-\d{1,3}-[ \t\u3000]")


# The number of a converted document's first page before the year that opens its title, a blank
# between them (1 2021 年…工作总结): no title or sentence opens with a lone 1 before a year.
_FIRST_PAGE_SPACED = compile_regex(r"(1)[ \t\u3000]+(?=(?:19|20)\d{2}[ \t\u3000]*年)")


def _dashed_page_run(text: str) -> list[tuple[int, int]]:
    """(start, end) of the dashed page numbers that form a run: two or more numbered one after
    another, each at least FLAT_PAGE_MIN characters after the one before (pages, not list items);
    or the text's only one, `1` at least FLAT_PAGE_MIN characters into it (page 1's foot)."""
    if "—" not in text and "－" not in text and "–" not in text and " - " not in text and (
            "-" not in text or _TIGHT_DASHED_PAGE.search(text) is None):
        return []
    best: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    last_n = None
    found = []  # (start, end, number) of every dashed number
    for m in _DASHED_PAGE.finditer(text):
        n = int(m.group(1) or m.group(2) or m.group(3))
        found.append((m.start(), m.end(), n))
        if run and n == last_n + 1 and m.start() - run[-1][1] >= FLAT_PAGE_MIN:
            run.append((m.start(), m.end()))
        else:
            if len(run) > len(best):
                best = run
            run = [(m.start(), m.end())]
        last_n = n
    if len(run) > len(best):
        best = run
    if len(best) == 1 == len(found) and found[0][2] == 1 and found[0][0] >= FLAT_PAGE_MIN:
        return best  # page 1's foot alone, a page's length into the text: a copy cut before page 2's
    return best if len(best) >= 2 else []


def _dashed_pages(doc: Document, furniture: set[int], rule) -> Iterator[Hit]:
    """The dashed page numbers of a run (_dashed_page_run) that no furniture line already holds."""
    for start, end in _dashed_page_run(doc.text):
        if doc.line_index(start) in furniture:
            continue  # a line `— 3 —` of its own is a page counter KJ601 reports
        text = doc.text
        marker = text[start:end]
        stop = end + len(text[end:end + 3]) - len(text[end:end + 3].lstrip(" \t\u3000"))
        fix = Fix("", start, stop, safe=rule.fixable != "unsafe")
        before = text[max(0, start - 4):start]
        if not before.strip() or before.endswith("\n"):
            yield Hit(start, end, {"marker": marker, "start": text[end:end + 8].strip()}, fix, key="first-page")
        else:
            yield Hit(start, end, {"marker": marker, "joined": before + text[stop:stop + 4]}, fix)


@check("page-number-artifact")
def page_number_artifact(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """`N、` at a line start that is a page number of a document-sharing site, not a list item.

    The document's layout decides first (`_page_run`); a marker outside such a run is a page
    number when the previous line ends without punctuation and either the halves join into a
    word, a heading mark or a year (二 / 9、、加强, 20 / 4、23年), or the number does not
    continue the list above it."""
    paras = doc.paragraphs
    furniture = flagged_lines(doc, ctx, list(rule.params.get("skip-flagged-by", [])))
    yield from _dashed_pages(doc, furniture, rule)
    first = next((p for p in paras if doc.line_index(p.start) not in furniture), None)
    m = _FIRST_PAGE_SPACED.match(first.text) if first is not None else None
    if m is not None:
        # page 1 of a converted document before the year its title opens with: 1 2021 年…上半年工作总结
        yield Hit(first.start, first.start + m.end(1), {"marker": m.group(1), "start": first.text[m.end():m.end() + 8]},
                  Fix("", first.start, first.start + m.end(), safe=rule.fixable != "unsafe"), key="first-page")
    for p in paras:
        if len(p.text) >= 3 * FLAT_PAGE_MIN and doc.line_index(p.start) not in furniture:
            for start, end in _flat_page_run(p.text):
                marker, fix = p.text[start:end], Fix("", p.start + start, p.start + end, safe=rule.fixable != "unsafe")
                if start == 0:
                    yield Hit(p.start, p.start + end, {"marker": marker, "start": p.text[end:end + 8]}, fix, key="first-page")
                else:
                    yield Hit(p.start + start, p.start + end,
                              {"marker": marker, "joined": p.text[max(0, start - 4):start] + p.text[end:end + 4]}, fix)
    if not (paras and PAGE_MARK.match(paras[0].text)) and not _PAGE_MARK_LINE.search(doc.text):
        return  # no paragraph starts with a marker (most documents): nothing below can hit
    in_run = _page_run(paras, furniture, doc.line_index)
    last_page = 0
    last_item: int | None = None  # number of the latest real list item in this section
    for i, p in enumerate(paras):
        text = p.text
        level = heading_level(text)
        m = PAGE_MARK.match(text)
        if m is None:
            if level is not None and level < 3:
                last_item = None
            elif level is None and LIST_MARK.match(text):
                last_item = int(LIST_MARK.match(text).group(1))
            continue
        n = int(m.group(1))
        rest = text[m.end():]
        prev = paras[i - 1].text if i else ""
        artifact = i in in_run
        if not artifact and n >= 2 and prev and prev[-1] not in TERMINAL + "，,、:：" and n > last_page:
            if rest.startswith("、") or LONE_NUMERAL.match(prev) or _splits_figure(prev, rest):
                artifact = True  # a split heading mark or number: 二 / 9、、加强, 20 / 4、23年
            elif LIST_MARK.match(prev) and int(LIST_MARK.match(prev).group(1)) == n - 1:
                artifact = False  # the item right before is number n-1: a real list
            elif _looks_like_heading(prev):
                artifact = False
            elif joins_into_word(prev, rest):
                artifact = True
            elif last_item != n - 1 and (CJK.match(rest[:1] or " ") or rest[:1].isdigit()):
                artifact = True  # a body paragraph cut mid-sentence, and no list to continue
        if not artifact:
            last_item = n
            continue
        last_page = n
        fields = {"marker": m.group(0), "joined": prev[-4:] + rest[:4]}
        if i == 0 or in_run.get(i) or doc.line_index(paras[i - 1].start) in furniture:
            # The first page (or a page after site furniture): nothing to join, drop the number.
            yield Hit(p.start, p.start + m.end(), {**fields, "start": rest[:8]},
                      Fix("", p.start, p.start + m.end(), safe=rule.fixable != "unsafe"), key="first-page")
            continue
        fix = Fix("", paras[i - 1].end, p.start + m.end(), safe=rule.fixable != "unsafe")
        yield Hit(p.start, p.start + m.end(), fields, fix)


# ---------------------------------------------------------------------------------------------
# Spliced documents

_SENTENCE = compile_regex(r"[。！？!?；;]")
_DATE_GLUED = compile_regex(r"[\u4e00-\u9fff](?:\d{4}-)?\d{1,2}-\d{1,2}$")


def _title_like(text: str, max_len: int) -> bool:
    return (4 <= len(text) <= max_len and not _SENTENCE.search(text) and heading_level(text) is None
            and text[-1] not in "，,:：" and not _DATE_GLUED.search(text))


@check("spliced-document")
def spliced_document(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """A lead-in such as 以下内容供阅读: followed by a title, or a second report title after the
    first document's body (a different one: an identical title is a duplicate, KJ1's job)."""
    words = _simplified(tuple(rule.params.get("title-words", [])))
    has_word = _any_word(words)
    leadins = _lead_ins(tuple(rule.params.get("lead-ins", [])))
    max_len = int(rule.params.get("max-title-length", 40))
    min_body = int(rule.params.get("min-body-paragraphs", 3))
    paras = body_paragraphs(doc, ctx, rule)
    lines = normalized_lines(doc, ctx)
    plain = [lines[i] for i in body_paragraph_lines(doc, ctx, rule)]
    first_title: str | None = None
    word = doc.source_format == "docx"
    seen_titles: list[str] = []  # titles met so far (the latest 64): page headers repeat them
    body_since_title = 0
    skip_next = False
    attachments = False  # in the document's list of its attachments (附件:1. … / 2. …)
    for i, (p, text) in enumerate(zip(paras, plain)):
        if skip_next:
            skip_next = False
            continue
        head = _ATTACHMENT_LIST.match(text) if text.startswith("附件") else None
        if head is not None or (attachments and _LIST_ITEM.match(text)):
            # 附件:1. …分解表 / 2. …分解表: the notice's list of its attachments, no other document
            # starting; an attachment's title further down is one of the document's own
            attachments = True
            name = text[head.end():].strip() if head is not None else text
            number = _LIST_ITEM.match(name)
            name = name[number.end():].strip() if number else name
            if len(name) >= 4:
                seen_titles.append(name)
            continue
        attachments = False
        nxt = plain[i + 1] if i + 1 < len(plain) else ""
        if (len(text) <= 30 and text.startswith(leadins) and nxt and _title_like(nxt, max_len) and i > 0
                and not (word and has_word(nxt) is None)):
            # (in a Word file its writer's 以下是… leads in the file's own content, a figure's caption
            # or a step: only a report's title after it shows another document pasted on)
            yield Hit(p.start, p.end, {"match": p.text, "title": paras[i + 1].text})
            skip_next = True
            first_title, body_since_title = nxt, 0
            seen_titles.append(nxt)
            continue
        is_title = (4 <= len(text) <= max_len and has_word(text) is not None and _title_like(text, max_len)
                    and not (word and _word_section(doc, doc.line_index(p.start), text, first_title)))
        if is_title and first_title is None:
            first_title, body_since_title = text, 0
            seen_titles.append(text)
            continue
        if is_title:
            known = any(text in t or t in text for t in seen_titles) or _next_in_series(seen_titles[-1], text)
            seen_titles.append(text)
            del seen_titles[:-64]  # bounded: page headers repeat the same few titles
            if body_since_title >= min_body and not known and i + 1 < len(paras):
                # (the text's last line, nothing under it, starts no document: a page cut off
                # mid-sentence, …目前有二种情况,政府工作报告的时, is KJ3's)
                yield Hit(p.start, p.end, {"match": p.text, "title": p.text})
                first_title, body_since_title = text, 0
                continue
        if len(text) > 40 or (text and text[-1] in "。；;"):
            body_since_title += 1


_ORDINAL = compile_regex(r"\d+|[一二三四五六七八九十]{1,3}")
# The line of a notice naming its attachments: 附件:1. …, 附件1:…, 附件：…
_ATTACHMENT_LIST = compile_regex(r"附件[ \t\u3000]*[\d一二三四五六七八九十]{0,2}[ \t\u3000]*[:：]")


def _next_in_series(before: str, title: str) -> bool:
    """Is `title` the next part of a series that `before` opens: the same words around a number
    one higher, below 100 (第一周工作计划 → 第二周工作计划, 3月工作总结 → 4月工作总结)? A file that
    collects its writer's weekly or monthly parts is one document, not pasted pieces."""
    if _ORDINAL.sub("#", before) != _ORDINAL.sub("#", title):
        return False
    pairs = [(cn_number(a), cn_number(b)) for a, b in zip(_ORDINAL.findall(before), _ORDINAL.findall(title))
             if a != b]
    # a week, a month, a part: a year (2020年总结 → 2021年总结) is another document's
    return len(pairs) == 1 and None not in pairs[0] and pairs[0][1] == pairs[0][0] + 1 < 100


# A section number typed before a heading (1.2 工作总结, 3.1需求调研与分析阶段实施方案).
_SECTION_NUMBER = compile_regex(r"^[ \t\u3000]*\d{1,2}(?:[.．]\d{1,2})+")
_SUMMARY_WORDS = ("总结", "小结")
_PLAN_WORDS = ("计划", "打算", "要点", "思路")


def _word_section(doc: Document, line: int, text: str, first_title: str | None) -> bool:
    """Whether a report title in a Word file is a section of the writer's own document rather
    than another document pasted on: its writer numbered it (a list label Word generates, a
    section number typed before it) or set it in a heading style below the title (3.1 …实施方案
    under the plan's own table of contents), or it is next year's plan after a summary (the
    总结 + 计划 a year-end report is made of)."""
    style = doc.style_headings.get(line + 1)
    if line + 1 in doc.list_labels or _SECTION_NUMBER.match(text) or (style is not None and style >= 2):
        return True
    return (first_title is not None and any(w in first_title for w in _SUMMARY_WORDS)
            and any(w in text for w in _PLAN_WORDS) and not any(w in text for w in _SUMMARY_WORDS))


# ---------------------------------------------------------------------------------------------
# A title repeated before the body starts

_TITLE_LABEL = compile_regex(r"^(?:文章)?标题:\s*")
_EDITION = compile_regex(r"\s*[(【][^()【】]{0,4}(?:版|精选|可编辑)[)】]$")


def _title_key(line: str) -> str:
    """A title line's key (from normalized_lines): label, edition tag and spaces left out."""
    key = _TITLE_LABEL.sub("", line)
    if key.endswith((")", "】")):  # what an edition tag ends with (most lines: not scanned for one)
        key = _EDITION.sub("", key)
    key = key.replace(" ", "")
    if len(key) > 2 and key[0] in "[【" and key[-1] in "]】" and not any(c in key[1:-1] for c in "[]【】"):
        key = key[1:-1]  # a page's title set in brackets: [教育局2019年上半年工作总结]
    return key


def _same_title(key: str, seen: dict[str, Span], carried: bool = True) -> Span | None:
    """The earlier title this key repeats: the same text, or one containing the other when the
    shorter is most of the longer (a site adds the year or 范文 to the document's own title), or,
    when `carried`, the report's own title under a news headline that ends with it."""
    if key in seen:
        return seen[key]
    core = _title_core(key)
    main = _main_title(key)
    for other, span in seen.items():
        if len(core) >= 6 and core == _title_core(other):
            return span  # the site's copy with a piece counter or sales word (…汇报【精选6篇】)
        if main is not None and main == _main_title(other) and (main == key) != (main == other):
            return span  # the page's one-line title with its subtitle or author, then the main title alone
        short, long_ = sorted((key, other), key=len)
        if (carried and len(short) >= 6 and long_.endswith(short) and _REPORT_TITLE.search(short)
                and _HEADLINE_LEAD.search(long_[:-len(short)])):
            return span  # a news page's headline over the report it carries: 2006年国务院政府工作报告 / 政府工作报告
        if len(short) >= 8 and ((short in long_ and len(short) >= 0.7 * len(long_))
                                or (_TITLE_END.search(key) and not _DATELINE.search(key) and _alike(key, other))):
            return span
    return None


_SEPARATOR_LINE = compile_regex(r"[ \t\u3000]*(?:>>?|›|»|/|[|｜])[ \t\u3000]*")


def _between_separators(doc: Document, li: int) -> bool:
    """Is line `li` next to a line holding only a breadcrumb's or a menu's separator (`>`, `|`)?"""
    for step in (-1, 1):
        k = li + step
        while 0 <= k < len(doc.lines) and not doc.lines[k].text.strip(BLANK_CHARS):
            k += step
        if 0 <= k < len(doc.lines) and _SEPARATOR_LINE.fullmatch(doc.lines[k].text):
            return True
    return False


# What a news page's headline puts before the title of the report it carries: the year, the issuer
# or a tag in brackets (2006年国务院…, (两会受权发布)…); not the first half of the title broken over
# lines (关于…预算执行和 / 其他财政收支的审计工作报告).
_HEADLINE_LEAD = compile_regex(r"(?:年|年度|院|局|委|府|部|县|市|省|区|镇|乡|[)）】\]])$")


def _alike(a: str, b: str) -> bool:
    """Two wordings of one title: the site's copy with a year masked or 范文 added (鄉鎮2024年
    工作總結範文 / 鄉鎮xx年工作總結)."""
    from rapidfuzz import fuzz

    return min(len(a), len(b)) >= 8 and fuzz.ratio(_TITLE_NOISE.sub("", a), _TITLE_NOISE.sub("", b)) >= TITLE_LIKENESS


# What two copies of a title differ in without being two titles: figures, masks, sales words.
_TITLE_NOISE = compile_regex(r"[\dxX×*＊\s]+|范文|範文|范本|精选|参考")

# What a site puts around a document's title on its own copy: a piece counter before or after
# it (第一篇: / 篇一 / 【精选6篇】 / -22篇 / (七篇) / (9)), a category tag in brackets before
# it (【工作总结】), sales words after it (精品, 大全, 汇编, 集锦, 范文, 模板: KJ604's words).
_TITLE_DECOR_HEAD = compile_regex(r"^(?:第[一二三四五六七八九十\d]{1,3}篇|篇[一二三四五六七八九十\d]{1,3})[:：]?"
                                  r"|^[【\[][^】\]]{1,12}[】\]]")
_TITLE_DECOR_TAIL = compile_regex(r"(?:[-—_]*[(（【\[]?(?:精选|精品|优秀|热门|通用|最新|实用|经典)?[\d一二三四五六七八九十]{1,3}篇[)）】\]]?"
                                  r"|篇[(（]?[\d一二三四五六七八九十]{1,3}[)）]?|[(（]\d{1,2}[)）]"
                                  r"|精品|精选|大全|汇编|彙編|汇总|合集|集锦|锦集|范文|範文|范本|模板|参考)$")


@lru_cache(maxsize=4096)
def _title_core(key: str) -> str:
    """A title key without what the site puts around the title (_TITLE_DECOR_*), so that the
    site's copy and the document's own compare equal."""
    key = _TITLE_DECOR_HEAD.sub("", key, count=1)
    for _ in range(3):
        cut = _TITLE_DECOR_TAIL.sub("", key)
        if cut == key or len(cut) < 4:
            break
        key = cut
    return key


# A title's subtitle (——…) or the site's author suffix (/某某) after its main words.
_TITLE_SUFFIX = compile_regex(r"(?:——|—|/).*$")


@lru_cache(maxsize=4096)
def _main_title(key: str) -> str | None:
    """A title key's main words: what stands before its subtitle (论…——从…谈起) or the site's
    `/author` suffix, when that is a title of six Chinese characters or more; the key itself
    when it has neither; None when the main words are too short to tell one title."""
    main = _TITLE_SUFFIX.sub("", key, count=1)
    return main if len(main) >= 6 and _han_at_least(main, 6) and not _SENTENCE.search(main) else None


TITLE_LIKENESS = 75  # rapidfuzz ratio of two copies of one title
BROKEN_TITLE_LIKENESS = 95  # ... and of a title broken over lines, a character lost, to its copy above
# Where a report title may end: titles run together on a flattened page split at these.
_TITLE_END = compile_regex(r"(?:总结|計劃|计划|安排|打算|思路|要点|方案|报告|汇报|谋划|總結|報告|讲话|规则|细则|办法|意见|通知|纪要)"
                           r"(?:范文|範文|范本)?")


def _glued_titles(doc: Document, p: Span) -> Hit | None:
    """Two copies of the title run together at the start of a flattened page (the site's
    wording, then the document's: 县科学技术局2021年度工作总结范文及2022年度工作安排县科学技术局
    2021年工作总结及2022年工作安排今年是…): one finding covering both."""
    head = p.text[:160]
    start, doubled = _doubled_opening(head, lead=0)
    if doubled:
        return Hit(p.start + start, p.start + doubled, {"match": p.text[start:doubled], "first_line": doc.position(p.start)[0],
                                                        "title": p.text[start:doubled].strip()}, key="glued")
    ends = [m.end() for m in _TITLE_END.finditer(head)]
    best = None
    for i, cut in enumerate(ends):
        first = head[:cut]
        if len(first) > 70 or _SENTENCE.search(first) or "，" in first or "," in first:
            break
        for stop in ends[i + 1:]:
            second = head[cut:stop]
            if len(second) > 70 or _SENTENCE.search(second) or "，" in second or "," in second:
                break  # a comma, full-width or as a page's copy writes it (…服務,為有意申請…): a sentence
            key1, key2 = first.replace(" ", ""), second.replace(" ", "")
            if _alike(key1, key2) or (min(len(key1), len(key2)) >= 8 and (key1 in key2 or key2 in key1)):
                best = stop
    if best is None:
        start, doubled = _doubled_opening(head)  # words doubled after the title's first words
        if doubled:
            return Hit(p.start + start, p.start + doubled, {"match": p.text[start:doubled], "first_line": doc.position(p.start)[0],
                                                            "title": p.text[start:doubled].strip()}, key="glued")
        return None
    return Hit(p.start, p.start + best, {"match": p.text[:best], "first_line": doc.position(p.start)[0],
                                         "title": p.text[:best]}, key="glued")


_OPENING_END = compile_regex(r"[。！？!?；;，,]")


def _doubled_opening(head: str, least: int = 8, most: int = 70, lead: int = 40) -> tuple[int, int]:
    """Words written twice in a row at a paragraph's opening (a title, however it ends:
    XX县…述职评议工作 XX县…述职评议工作 1月19日，…), spaces aside, either at its very start or
    after up to `lead` characters of title (…安全生产工作总结工作亮点和不足分析工作亮点和不足分析2023年是…):
    (start, end) of what to cut, both copies at the very start, else the second; (0, 0) when
    there is none."""
    chars = head.replace(" ", "").replace("\t", "").replace("\u3000", "")
    text_begins = _OPENING_END.search(chars, 0, lead + 1)  # past it the title is over
    for s in range(0, min(lead, len(chars), text_begins.start() if text_begins else lead) + 1):
        j = chars.find(chars[s:s + least], s + least, s + most + least)  # where a second copy may start
        while j != -1:
            n = j - s
            if chars[j:j + n] == chars[s:j] and not _SENTENCE.search(chars[s:j]) and "__" not in chars[s:j] \
                    and "，" not in chars[s:j] and len(CJK.findall(chars[s:j])) >= least // 2:  # a blank is no title
                compact = [i for i, ch in enumerate(head) if ch not in " \t\u3000"]  # only for a finding
                return (0 if s == 0 else compact[j]), compact[j + n - 1] + 1
            j = chars.find(chars[s:s + least], j + 1, s + most + least)
    return 0, 0


# A line of a Word form's fields, two labels and their colons, the first value left to fill in or
# not (分工：             成绩：, 姓名：张三  学号：): the form's line for each member, no title.
_FORM_FIELDS = compile_regex(r"^[ \t\u3000]*[\u4e00-\u9fff]{1,8}[：:][ \t\u3000]*(?:[^\s：:]{1,20}[ \t\u3000]+)?[\u4e00-\u9fff]{1,8}[：:]"
                          # ... or one field whose value has no Chinese (预期结果：true, 输入参数："12330@"): a test
                          # case's or a record's field, which the next case or record gives again
                          r"|^[ \t\u3000]*[\u4e00-\u9fff]{2,8}[：:][ \t\u3000]*[^\u4e00-\u9fff\s][^\u4e00-\u9fff\n]{0,39}$")


@check("repeated-title")
def repeated_title(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """The title again at the top (_repeated_title_top), or word for word on a line of its own
    between two paragraphs of the body (_title_in_body)."""
    top = list(_repeated_title_top(doc, ctx, rule))
    yield from top
    if doc.source_format != "docx":
        done = {h.offset for h in top}
        yield from (h for h in _title_in_body(doc, ctx, rule) if h.offset not in done)


def _title_in_body(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """The page's title (its first line of six Chinese characters or more naming a report, a plan, a
    summary: _TITLE_END) again, word for word, on a line of its own between two paragraphs of
    prose: the site printed its title over each page of the text. A 落款 over its date, a heading
    and an attachment's own title (附件 above it) are no such copy."""
    max_len = int(rule.params.get("max-title-length", 60))
    skip = flagged_lines(doc, ctx, list(rule.params.get("skip-flagged-by", [])))
    lines = normalized_lines(doc, ctx)
    title = next((i for i, text in enumerate(lines[:80]) if text and i not in skip), None)
    if title is None or not (_title_like(lines[title], max_len) and _han_at_least(lines[title], 6)
                             and _TITLE_END.search(lines[title])):
        return
    key = _title_key(lines[title])
    prose = [i for i, text in enumerate(lines) if len(text) > 40 and _SENTENCE.search(text)]
    if not prose:
        return
    opening = next((lines[k] for k in range(title + 1, len(lines)) if lines[k] and k not in skip), "")
    for i in range(max(prose[0], title) + 1, prose[-1]):
        if not lines[i] or i in skip or _title_key(lines[i]) != key:
            continue
        before = next((k for k in range(i - 1, -1, -1) if lines[k]), None)
        after = next((k for k in range(i + 1, len(lines)) if lines[k]), None)
        if before is None or after is None or len(lines[before]) <= 40 or len(lines[after]) <= 40 \
                or lines[before].startswith("附件") or SIGNING_DATE.match(lines[after]) \
                or lines[after][:20] == opening[:20]:
            continue  # (the whole text again under its title: KJ1's second copy)
        q = next(doc.paragraphs_in_line(doc.lines[i]))
        line, _ = doc.position(doc.lines[title].start)
        yield Hit(q.start, q.end, {"match": q.text, "first_line": line},
                  Fix("", doc.lines[i].start, doc.line_stop(i), safe=rule.fixable != "unsafe"), key="body")


def _repeated_title_top(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """The same title again before any body text: the site's page title and the article title
    (or a title field) both copied, the title broken over two or three lines below its one-line
    copy, or the title run into a body paragraph at the top. Only the first copy is kept by the
    fix. Very short lines (a date, a counter, 海报) are the site's and do not end the top of the
    page; a furniture line that is the title with the site's piece counter (第一篇:…, …【精选6篇】)
    counts as a copy of it."""
    max_len = int(rule.params.get("max-title-length", 60))
    top = int(rule.params.get("top-paragraphs", 15))
    skip = flagged_lines(doc, ctx, list(rule.params.get("skip-flagged-by", [])))
    seen: dict[str, Span] = {}
    lines = normalized_lines(doc, ctx)
    paras = doc.paragraphs
    read = 0
    body = False  # the body has started: only the title again, word for word, is looked for
    first_body = ""
    body_sentences = 0  # body paragraphs read that hold a sentence
    taken = -1  # the last paragraph a title broken over lines took
    furniture_above = False  # a web page's: a file's own heading block is not compared piece by piece
    opening: Span | None = None  # the page's first line, read as the body (too long or asking a question)

    def _signed(k: int) -> bool:
        """Is paragraph k a 落款, a signing date under it (XXXX人民政府 / 2020年2月19日)? It repeats the
        发文机关 by design (GB/T 9704), also after a notice's one sentence naming the office."""
        return k + 1 < len(paras) and SIGNING_DATE.match(lines[doc.line_index(paras[k + 1].start)]) is not None

    for k, p in enumerate(paras):
        li = doc.line_index(p.start)
        if li in skip:
            furniture_above = True
            core = _title_core(_title_key(lines[li]))
            if not body and core != _title_key(lines[li]) and _title_like(core, max_len) and _han_at_least(core, 6):
                seen.setdefault(core, p)  # the site's title line with its piece counter
            continue  # furniture (a download panel of twenty lines) does not end the top
        read += 1
        if read > top:
            return
        if k <= taken or doc.in_table(li) or doc.part(li) in ("cover", "textbox"):
            # a cell of a Word table (a cover's 作者/导师 form) is no title; a Word cover page
            # shows the title that the first page then heads its text with, by design, and so
            # does a text box (a template's letterhead) placed on the page above the text
            continue
        key = _title_key(lines[li])
        if key in ("目录", "目次") or (len(p.text) <= 120 and p.text.rstrip()[-1:].isdigit()
                                       and CONTENTS_LEADER.search(p.text)):
            return  # a table of contents (目录, or entries with leaders: 项目介绍-----2) repeats the headings by design
        if body:
            if opening is not None and body_sentences == 1 and key == _title_key(first_body):
                # the page's first line again, word for word, before any other sentence: a title too
                # long or asking its question (…公布了吗?具体放假时间是什么?) shown twice, no paragraph
                line, _ = doc.position(opening.start)
                yield Hit(p.start, p.end, {"match": p.text, "first_line": line},
                          Fix("", doc.lines[li].start, doc.line_stop(li), safe=rule.fixable != "unsafe"))
                continue
            inline = list(_inline_title(doc, p, seen, rule))
            if inline:
                yield from inline  # the title run into a paragraph again (a preview, then the text)
                continue
            nxt = next((lines[doc.line_index(q.start)] for q in islice(paras, k + 1, None)
                        if doc.line_index(q.start) not in skip), "") if key in seen else ""
            if body_sentences == 1 and _han_at_least(key, 6) and heading_level(key) is None \
                    and not _SENTENCE.search(key) and len(key) <= max_len:
                first = _same_title(key, seen)
                if first is not None and (_title_core(key) in first_body or (
                        furniture_above and nxt != first_body and _lead_above_title(doc, key, seen, skip))) and not _signed(k):
                    # the site's blurb about the piece by its name (《…工作总结》旨在…, 在您撰写…总结时),
                    # then the piece under its title: the title again, the blurb no text of the piece's;
                    # on a page with furniture, also after one paragraph not naming it (标题 / 人氣 /
                    # a paragraph / 标题 / the text: the site put its excerpt or lead above the title again)
                    line, _ = doc.position(first.start)
                    yield Hit(p.start, p.end, {"match": p.text, "first_line": line},
                              Fix("", doc.lines[li].start, doc.line_stop(li), safe=rule.fixable != "unsafe"))
                    return
            if _SENTENCE.search(key):
                body_sentences += 1
            elif key.startswith("附件") or SIGNING_DATE.match(key):
                body_sentences = 2  # a notice's signing date or its attachment's name: the text went on
            if nxt and _han_at_least(key, 6) and nxt != first_body \
                    and (heading_level(nxt) is not None or _previewed(first_body, nxt)):
                # the page's excerpt of the text, then the text under its title (标题 / 摘要… /
                # 标题 / 一、…, or 标题 / the text's opening cut off / 标题 / the text); a second
                # copy of the whole text is KJ1's (its body starts the same)
                line, _ = doc.position(seen[key].start)
                yield Hit(p.start, p.end, {"match": p.text, "first_line": line},
                          Fix("", doc.lines[li].start, doc.line_stop(li), safe=rule.fixable != "unsafe"))
                return
            if heading_level(key) is not None:
                return  # the text's own sections have begun
            continue
        if seen and (_BRACKET_FIELD.match(lines[li]) or (_TITLE_FIELD.match(lines[li]) and not _TITLE_LABEL.match(lines[li]))):
            continue  # a row of a government page's panel ([ 主题分类 ] …, 名  称: …): the panel's, no title
        if seen and furniture_above and key and _title_piece(key) and _same_title(key, seen) is None:
            broken = _broken_title(doc, paras, k, lines, skip, seen, max_len)
            if broken is not None and not _panel_row_naming(lines, doc.line_index(broken[1].start)):
                # (a title broken over lines under the panel's row that names it, 标题: …, is the document's own)
                last, first = broken
                line, _ = doc.position(first.start)
                stop = doc.line_stop(doc.line_index(paras[last].start))
                match = " ".join(q.text.strip() for q in paras[k:last + 1])
                yield Hit(p.start, paras[last].end, {"match": match, "first_line": line},
                          Fix("", doc.lines[li].start, stop, safe=rule.fixable != "unsafe"))
                taken = last
                continue
        if (not _han_at_least(key, 4) or "__" in key or BLANK_DATE_FIELD.match(lines[li])
                or (doc.source_format == "docx" and _FORM_FIELDS.match(lines[li]))):
            if "__" in key and len(key) > max_len and _han_at_least(key, 4):
                # a flattened page whose fields hold blanks is no form line, but its opening may
                # double the title (标题 标题 撰写人: ____ 日期: ____ 今年…); the top goes on below it
                found = [*_inline_title(doc, p, seen, rule), *filter(None, [_glued_titles(doc, p)])]
                yield from sorted(found, key=lambda h: -h.end)[:1]
            continue  # a date, a counter, a form's blank (身份证号:______, 日期：  年  月  日): not a title
        if len(key) < 4 and not _SENTENCE.search(key):
            continue
        numbered = _FIRST_ITEM.match(key) if seen else None
        if numbered is not None and _han_at_least(key[numbered.end():], 8) and key[numbered.end():] in seen:
            # the title again as the first item of the site's list of pieces (标题 / 2024-05-13 /
            # 1. 标题 / 第一条…): no heading of the text's, the same words numbered
            line, _ = doc.position(seen[key[numbered.end():]].start)
            yield Hit(p.start, p.end, {"match": p.text, "first_line": line},
                      Fix("", doc.lines[li].start, doc.line_stop(li), safe=rule.fixable != "unsafe"))
            continue
        if not (len(key) <= max_len) and _KEYWORD_LIST.match(lines[li]):
            continue  # the site's keywords strung by `_` (…免费_…网站_…): neither the title nor the body
        if not (len(key) <= max_len) or _SENTENCE.search(key) or heading_level(key) is not None:
            found = [*_inline_title(doc, p, seen, rule), *filter(None, [_glued_titles(doc, p)])]
            glued = sorted(found, key=lambda h: -h.end)[:1]  # the copy that takes most of the opening
            yield from glued
            if heading_level(key) is not None:
                return
            if text_before_trailing_furniture(doc, ctx, p, list(rule.params.get("skip-flagged-by", []))) - p.start \
                    < len(p.text) / 2 and not glued:
                continue  # mostly furniture (an editor's blurb after one sentence of its own): not the body
            body, first_body, body_sentences = True, lines[li], 1  # the body has started
            if read == 1 and not glued and "。" not in key and doc.lines[li].end >= p.end:
                opening = p  # one line opening the page, no full stop in it: maybe its title
            continue
        copy = _BRACKETED_COPY.match(key)
        if copy is not None and copy.group(1) == copy.group(2) and _han_at_least(copy.group(1), 6):
            # 2022年村妇联工作总结汇报(2022年村妇联工作总结汇报): the page's title with the
            # article's in brackets after it, on one line; the bracketed copy goes
            at = p.start + max(p.text.rfind(c) for c in "(（【[")
            stop = p.start + len(p.text.rstrip(BLANK_CHARS + " "))
            seen.setdefault(copy.group(1), p)
            line, _ = doc.position(p.start)
            yield Hit(at, stop, {"match": doc.text[at:stop], "first_line": line}, Fix("", at, stop, safe=False))
            continue
        # (a crumb of the page's breadcrumb given a line each, 首页 / > / 政府工作报告 / >, names a
        # section, not the report under a headline)
        first = _same_title(key, seen, carried=not _between_separators(doc, li))
        if first is None:
            seen[key] = p
            continue
        if _signed(k):
            continue  # XXXX人民政府 / 2020年2月19日: the 落款 repeats the 发文机关 by design (GB/T 9704)
        at = doc.line_index(first.start)
        if not _TITLE_FIELD.match(lines[li]) and _named_by_panel(lines, at, li):
            # the page's panel names the document (名称: …): the title under it is the document's own
            seen[key] = p
            continue
        fix = Fix("", doc.lines[li].start, doc.line_stop(li), safe=rule.fixable != "unsafe")
        line, _ = doc.position(first.start)
        yield Hit(p.start, p.end, {"match": p.text, "first_line": line}, fix)


# A field of a government page's panel in square brackets ([ 主题分类 ] 公安、司法 [ 体裁分类 ] 工作报告)
_BRACKET_FIELD = compile_regex(r"^[ \t\u3000]*[\[［【][ \t\u3000]*[\u4e00-\u9fff]{2,6}[ \t\u3000]*[\]］】][ \t\u3000]*\S")


# A field of a government page's panel holding the document's name (名称: …, 信息名称 …, 标 题 | …,
# 标题…): the panel is furniture, and the title under it is no second copy but the document's own.
# (A page that opens `标题: …` labels its title: KJ603 takes the label, and the title again is a copy.)
# (a value glued to its label is a title's length: 标题水城区…年度报告, not 标题导航; a label alone on its
# line, its value under it, has its colon: • 文件名称:)
_TITLE_FIELD = compile_regex(r"^[ \t\u3000]*(?:[•·▪●][ \t\u3000]*)?(?:信息名称|文件名称|名[ \t\u3000]*称|标[ \t\u3000]*题|標[ \t\u3000]*題|題[ \t\u3000]*名)"
                             r"(?:(?:[ \t\u3000]*[:：|｜])+[ \t\u3000]*$|(?:[ \t\u3000]*[:：|｜]|[ \t\u3000])[ \t\u3000:：|｜]*[^ \t\u3000:：|｜]"
                             r"|[\u4e00-\u9fff\d]{6})")


# A panel's field: a short label and its colon (• 发布机构:蚶江镇人民政府, 索 引 号:…)
_PANEL_FIELD = compile_regex(r"^[ \t\u3000•·▪●]*[\u4e00-\u9fff][\u4e00-\u9fff \t\u3000]{1,9}[:：]")


def _named_by_panel(lines: list[str], at: int, li: int) -> bool:
    """Does a row of the page's panel name the document (名称: …, 标题: … under 发布日期: …) at line
    `at`, the first copy of the title, or between it and line `li` below? Then the title at `li`
    is the document's own, under its panel (docs/labeling.md)."""
    label = next((j for j in range(at - 1, -1, -1) if lines[j]), at)  # (文件名称: / its value on the next line)
    return any(_title_row(lines, j) for j in range(label, li))


def _title_row(lines: list[str], j: int) -> bool:
    """Is line j the panel's row naming the document (名称: …, or 标题: … under another field)?"""
    return _TITLE_FIELD.match(lines[j]) is not None and (not _TITLE_LABEL.match(lines[j]) or _under_field(lines, j))


def _panel_row_naming(lines: list[str], at: int) -> bool:
    """Is line `at` a row of the page's panel naming the document (标题: …, 名称: …), or the value
    under such a row's label (• 文件名称: / …)?"""
    above = next((j for j in range(at - 1, -1, -1) if lines[j]), None)
    return any(_title_row(lines, j)
               for j in ([at] if above is None or lines[above].rstrip(" |｜")[-1:] not in ":：" else [above, at]))


def _under_field(lines: list[str], j: int) -> bool:
    """Is line j (标题:…) a row of a panel, right under another field (• 发布机构:…), rather than
    the label opening the page (KJ603's)?"""
    above = next((lines[k] for k in range(j - 1, -1, -1) if lines[k]), "")
    return _PANEL_FIELD.match(above) is not None


PREVIEW_OPENING = 30  # characters a page's preview of the text shares with the text's opening


def _previewed(preview: str, text: str) -> bool:
    """Whether `preview` (the first body paragraph above a title's repeat) is the page's preview
    of `text` (the paragraph under the repeat): the same opening, cut off where the whole text
    goes on (no sentence end), so not a second copy of the text."""
    return (len(preview) >= PREVIEW_OPENING and preview[-1] not in TERMINAL
            and text[:PREVIEW_OPENING] == preview[:PREVIEW_OPENING] and text != preview)


# A line of a site's keywords: four or more short names strung by `_` or `|`, no sentence in it.
_KEYWORD_LIST = compile_regex(r"^[^_|，,。；;！!？?]{1,16}(?:[_|][^_|，,。；;！!？?]{1,16}){3,}[_|]?$")
# ... strung by `_` alone, each a phrase of Chinese (a blank's `____` or a file name's `a_b` is none)
_UNDERSCORED_KEYWORDS = compile_regex(r"^[ \t\u3000]*(?:[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]{1,23}_){3,}[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]{1,23}[ \t\u3000]*$")
_FIRST_ITEM = compile_regex(r"^1[.．、]")  # a list's first number (title keys have no spaces)
# A title and its copy in brackets on one line (a title key: spaces out): the page's and the article's.
_BRACKETED_COPY = compile_regex(r"^(.{6,60}?)[(（【\[](.{6,60})[)）】\]]$")


def _han_at_least(text: str, count: int) -> bool:
    """Whether `text` holds `count` Chinese characters or more (CJK), looked for no further: a
    body paragraph may be a whole flattened page."""
    return sum(1 for _ in islice(CJK.finditer(text), count)) >= count


# A report's title ends with its kind (…调研报告, …工作汇报, …活动总结): no issuer's or school's name, no
# attachment's measures (附件:…暂行办法), which a page or a notice gives again on purpose.
_REPORT_TITLE = compile_regex(r"(?:总结|總結|报告|報告|计划|計劃|汇报|彙報|方案|要点|要點|述职|述職)$")


def _lead_above_title(doc: Document, key: str, seen: dict[str, Span], skip: set[int]) -> bool:
    """Is `key` a report's title given again, word for word, on its own line after one paragraph
    (标题 / 人氣 / a paragraph / 标题 / the text: the site put its lead above the title again)? The
    first copy stands on its own line too, no furniture's (a panel's `标 题 | …` field)."""
    first = seen.get(key)
    return (first is not None and _REPORT_TITLE.search(key) is not None
            and doc.line_index(first.start) not in skip)


def _title_piece(key: str) -> bool:
    """Could this line be a piece of a title broken over lines: not a sentence, not a heading."""
    return not _SENTENCE.search(key) and heading_level(key) is None and key[-1] not in "，,:："


def _broken_title(doc: Document, paras: list[Span], k: int, lines: list[str], skip: set[int],
                  seen: dict[str, Span], max_len: int) -> tuple[int, Span] | None:
    """A title seen above broken over this paragraph and the next one or two (关于…预算执行和 /
    其他财政收支的审计工作报告; 巫溪县 / …公开的 / 说  明): (index of its last paragraph, the first
    copy), or None. Each piece is a line that is not a sentence. Failing the same words, the
    longest run of pieces that starts as the title above, ends as a title does and differs from it
    in a character or two (…印发2025 / 区《…》… / …方案的通知 under …印发2025年区《…》…方案的通知:
    a character lost in the break)."""
    from rapidfuzz import fuzz

    key = first_piece = _title_key(lines[doc.line_index(paras[k].start)])
    alike = None
    for j in range(k + 1, min(k + 3, len(paras))):
        lj = doc.line_index(paras[j].start)
        piece = _title_key(lines[lj])
        if lj in skip or not piece or not _title_piece(piece):
            break
        key += piece
        if len(key) > max_len:
            break
        core = _title_core(key)
        first = next((span for other, span in seen.items() if core == _title_core(other)), None)
        if first is not None and len(key) >= 8:
            return j, first  # the whole title, nothing else: a piece of furniture joined to it is not
        if len(key) >= 8 and _TITLE_END.search(key):
            other = next((span for other, span in seen.items() if other.startswith(first_piece)
                          and fuzz.ratio(key, other) >= BROKEN_TITLE_LIKENESS), None)
            alike = (j, other) if other is not None else alike
    return alike


def _copy_end(text: str, at: int, key: str) -> int | None:
    """Where a copy of `key` starting at `at` ends in `text` (spaces in the text skipped), or None."""
    for ch in key:
        while at < len(text) and text[at] in " \t\u3000" and ch != text[at]:
            at += 1
        if at >= len(text) or text[at] != ch:
            return None
        at += 1
    return at


_YEAR_FIRST = compile_regex(r"(?:19|20)\d{2}(?:年度|年)?")


# What a sentence about the thing its subject names goes on with (…系统 2026 是一款…, …平台旨在…).
_PREDICATE = compile_regex(r"[ \t\u3000]*(?:是一|是专|是基于|是面向|系一|旨在|面向|基于|采用|能够|支持|提供了?|主要[由用包])")


INLINE_TITLE_LONG = 16  # characters of a title glued to the body that no body opens with by chance


def _inline_title(doc: Document, p: Span, seen: dict[str, Span], rule) -> Iterator[Hit]:
    """A body paragraph at the top opening with a title seen above it (镇2021年度述职报告 镇2021年度
    述职报告 一年来…), the site's year tag before it or not: the copy is cut off the paragraph."""
    if not seen:
        return  # most pages: no title above
    text = p.text
    year = _YEAR_FIRST.match(text)
    for key, first in sorted(seen.items(), key=lambda item: -len(item[0])):  # the longest copy first
        at, dated = _copy_end(text, 0, key), False
        if at is None and year and not key[:1].isdigit():
            # the site's year tag before the title (2019政府工作报告现将…); with 年 it may as well
            # be the body's own words (2019年政府工作报告确定的…) unless a space follows the copy
            at, dated = _copy_end(text, year.end(), key), year.group().endswith(("年", "年度"))
        if at is not None:
            # the title may be there twice (a preview's and the text's): one finding for both
            while (again := _copy_end(text, at, key)) is not None and again < len(text):
                at = again
            spaced = at < len(text) and text[at] in " \t\u3000"
            # glued to the body, the copy is the title's when the title ends as titles do, or is
            # too long to be the body's own opening words (高塘镇述职述廉(惠民县胡集镇述职评议)回顾…)
            titled = len(key) >= INLINE_TITLE_LONG or any(m.end() == len(key) for m in _TITLE_END.finditer(key))
            # a comma after the words makes them the sentence's subject (某某人民代表大会第五次会议,听取
            # 并审议了…: a 决议 opens with its meeting's name), not a copy of the title run into it
            # ...and so does a predicate saying what the titled thing is or does (河北省高考志愿填报系统
            # 2026 是一款…辅助工具: a manual's first sentence about its program)
            subject = at < len(text) and (text[at] in "，,、" or _PREDICATE.match(text, at) is not None)
            if at < len(text) and not subject and (spaced or (not dated and titled)):
                while at < len(text) and text[at] in " \t\u3000":
                    at += 1
                line, _ = doc.position(first.start)
                yield Hit(p.start, p.start + at, {"match": text[:at].strip(), "first_line": line},
                          Fix("", p.start, p.start + at, safe=rule.fixable != "unsafe"))
                return


# ---------------------------------------------------------------------------------------------
# Page chrome around the title


def _starts_document(text: str, max_len: int) -> bool:
    """A line that belongs to the document itself: a sentence, a numbered heading, a long line,
    a table of contents, a 公文 header element."""
    if not text:
        return False
    return (len(text) > max_len or bool(_SENTENCE.search(text)) or heading_level(text) is not None
            or text[-1] in ":：" or text.replace(" ", "") in ("目录", "目次")
            or bool(_OFFICIAL_HEAD.search(text)) or bool(_DATELINE.search(text)))


_DATELINE = compile_regex(r"\d+月\d+日电$|^\d{4}年\d{1,2}月\d{1,2}日")  # a news dateline, a date under a title

# (a congress's documents are numbered: …人大三次会议文件(9), 大会文件之九)
# (a 文号 typed with other brackets, its 号 left off: 南政发[2013]05, 西政【2012】144号, 师财行(2023)38号)
_OFFICIAL_HEAD = compile_regex(r"文件(?:[(（][\d一二三四五六七八九十]{1,3}[)）]|之[一二三四五六七八九十]{1,3})?$|〔\d{4}〕|[发字函]〔\d{4}|\[\d{4}\]\s*\d+\s*号|签发人|密级|机密|秘密|绝密|★|特急|加急|^\d{6}$|^——|^—"
                               r"|[\u4e00-\u9fff][\[【(（](?:19|20)\d\d[\]】)）]\s*第?\d{1,4}\s*号?$"
                               # a bulletin's head: its name, its issue, its office and date (寿县政务督查 / 20期 /
                               # 寿县人民政府督查室 2022年8月19日)
                               r"|(?:简报|督查|快报|专报|通讯|工作动态)$|^第?\s*\d{1,4}\s*期$"
                               r"|(?:室|办|局|委|厅|中心)[ \t\u3000]+(?:19|20)\d\d年\d{1,2}月")


@lru_cache(maxsize=16)
def _lead_ins(words: tuple[str, ...]) -> tuple[str, ...]:
    """A rule's lead-ins as normalized lines hold them, converted once, not for every document."""
    return tuple(fold_line_width(to_simplified(w)) for w in words)


@lru_cache(maxsize=16)
def _simplified(words: tuple[str, ...]) -> tuple[str, ...]:
    """A rule's words in simplified script, converted once, not for every document."""
    return tuple(to_simplified(w) for w in words)


@lru_cache(maxsize=16)
def _any_word(words: tuple[str, ...]) -> Callable[[str], Any]:
    """A search finding some of `words` in a text (None when it holds none): what
    `any(w in text for w in words)` tells, in one scan in C rather than a Python loop over the
    words (KJ606 asks it of every short paragraph of a document, 30-odd title words each)."""
    return compile_regex("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)").search


@check("page-chrome")
def page_chrome(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """Short lines above the title, and between the title and its repeat (KJ607), that are not
    sentences: the page's own furniture (site names, dates, counters, share buttons) in wording
    no phrase list knows. A 公文's header (发文机关标志, 文号, 签发人, 密级) and a subtitle are kept.
    The cells of a table read as lines (序号 |, 很好 |, 5.1 |) are the document's content, however
    short: none of them is reported."""
    table = flat_table_lines(doc, ctx)
    given: set[tuple[int, int]] = set()  # (a line two of the readings below take: reported once)
    for h in _page_chrome(doc, ctx, rule):
        if (not table or doc.line_index(h.offset) not in table) and (h.offset, h.end) not in given:
            given.add((h.offset, h.end))
            yield h


def _glued_furniture(doc: Document, ctx: Context) -> dict[int, str]:
    """Line index -> its line form without the furniture KJ601 found inside it (injected spam,
    a byline): a title's word there (pk10冠军四码规律计划) makes no title of the line."""
    rule = ctx.catalog.rules.get("KJ601")
    if rule is None or rule.run is None or not rule.enabled:
        return {}
    out: dict[int, str] = {}
    for h in rule_hits(rule, doc, ctx):
        li = doc.line_index(h.offset)
        line = doc.lines[li]
        if h.offset > line.start or h.end < line.start + len(line.text.rstrip()):  # inside the line
            rest = out.get(li, line.text)
            out[li] = rest.replace(doc.text[h.offset:h.end], " ")
    return {li: normalize_line(text) for li, text in out.items()}


def _page_chrome(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    top = int(rule.params.get("top-paragraphs", 15))
    max_len = int(rule.params.get("max-length", 40))
    words = _simplified(tuple(rule.params.get("title-words", [])))
    skip = flagged_lines(doc, ctx, list(rule.params.get("skip-flagged-by", [])))
    lines = normalized_lines(doc, ctx)
    paras = [p for p in doc.paragraphs[:top] if doc.line_index(p.start) not in skip]
    line_of = [doc.line_index(p.start) for p in paras]
    if doc.source_format != "docx":
        earlier = set()  # lines reported below as a menu, captions or the page's footer: not again
        for h in (*_menu_runs(doc, lines, skip, int(rule.params.get("menu-run", 4))),
                  *_bulleted_menu(doc, lines, skip),
                  *_bar_menu(doc, lines, skip),
                  *_ranked_lists(doc, skip, int(rule.params.get("ranked-run", 4))),
                  # no caption runs over a table's rows (its caption above them is no picture's)
                  *_caption_runs(doc, lines, skip | flat_table_lines(doc, ctx), words, rule),
                  *_lone_captions(doc, lines, skip, rule),
                  *_credited_captions(doc, lines, skip, rule),
                  *_outside_body(doc, lines, skip, max_len, rule, words),
                  *_picture_sentences(doc, lines, skip, rule),
                  *_watermarks(doc, skip, rule),
                  *_placeholders(doc, lines, skip, rule),
                  *_open_buttons(doc, lines, skip, rule)):
            earlier.add(doc.line_index(h.offset))
            yield h
        # the page's footer begins at its first line of furniture below the body, this rule's own
        # (a scene's caption, a button) as much as a known phrase's
        for h in (*_tail_fields(doc, lines, skip | earlier, max_len, rule),
                  *_page_tail(doc, lines, skip | earlier, max_len, rule)):
            if doc.line_index(h.offset) not in earlier:
                earlier.add(doc.line_index(h.offset))
                yield h
        for h in _under_editor_credit(doc, lines, skip | earlier, max_len, rule):
            earlier.add(doc.line_index(h.offset))
            yield h
        # (a link glued before a section's text leaves that line the text's: no footer begins there)
        yield from (h for h in _edit_links(doc, skip, rule) if doc.line_index(h.offset) not in earlier)
        above = _above_breadcrumb(doc, ctx, rule, paras, line_of, lines, max_len)
        yield from (h for h in above if doc.line_index(h.offset) not in earlier)  # (a button there: once)
        done = {doc.line_index(h.offset) for h in above}
        for h in _date_lines(doc, doc.paragraphs[:top], skip, lines, rule):
            done.add(doc.line_index(h.offset))
            yield h
        line_of = line_of[len(above):]  # the page starts below its header
        paras = paras[len(above):]
        for h in _above_page_title(doc, doc.paragraphs[:top], skip | done, lines, words, rule):
            done.add(doc.line_index(h.offset))
            yield h
        for h in _page_opener(doc, lines, skip | done | earlier, words, rule):
            done.add(doc.line_index(h.offset))
            yield h
        for h in _publisher_lines(doc, lines, skip | done | earlier, rule):
            done.add(doc.line_index(h.offset))
            yield h
        keep = [i for i, li in enumerate(line_of) if li not in done]
        paras, line_of = [paras[i] for i in keep], [line_of[i] for i in keep]
        boilerplate = ctx.catalog.rules.get("KJ601")
        known = _compiled_boilerplate(boilerplate) if (
            boilerplate is not None and boilerplate.run is not None and boilerplate.enabled
            and boilerplate.params.get("check") == "boilerplate-lines") else None
        for h in _field_rows(doc, lines, skip | done | earlier, words, known, rule):
            done.add(doc.line_index(h.offset))
            yield h
        for h in _page_stamps(doc, lines, skip | done | earlier, max_len, rule):
            done.add(doc.line_index(h.offset))
            yield h
        for h in _collection_intro(doc, ctx, lines, skip | done | earlier, top, rule):
            done.add(doc.line_index(h.offset))
            yield h
        for h in _under_metadata(doc, lines, skip | done | earlier, skip | done, max_len, words, rule):
            done.add(doc.line_index(h.offset))
            yield h
        keep = [i for i, li in enumerate(line_of) if li not in done]
        paras, line_of = [paras[i] for i in keep], [line_of[i] for i in keep]
    # (a cell of a table given one cell per line, 说明 |, is no title: the page's title stands above the table)
    cells = flat_table_lines(doc, ctx) if doc.source_format != "docx" else frozenset()
    glued = _glued_furniture(doc, ctx)
    title = next((i for i, li in enumerate(line_of)
                  if li not in cells and _title_like(lines[li], 60) and not lines[li].startswith("—")
                  and any(w in (lines[li] if li not in glued else glued[li]) for w in words)),
                 None)
    if title is None:
        return
    # Above the title only when nothing there reads as the document (a sentence, a heading, a
    # long line), and not the lines right above it that are the title's own first half.
    # A Word file has no web page around it: what stands above its title (a thesis's cover,
    # 清 华 大 学, 题目：…) is its own.
    zone = [] if doc.source_format == "docx" or any(
        _starts_document(lines[line_of[i]], max_len) for i in range(title)) else list(range(title))
    repeats: list[Hit] = []
    repeat_rule = ctx.catalog.rules.get(rule.params.get("repeated-title", "KJ607"))
    if repeat_rule is not None and repeat_rule.run is not None and repeat_rule.enabled:
        repeats = [h for h in rule_hits(repeat_rule, doc, ctx)
                   if h.key == "glued" or h.fields.get("first_line") == line_of[title] + 1]  # of this title
    head = lines[line_of[title]]
    # The page repeats the title line as it stands (中大槐树街道2022年工作总结 … the same line
    # again): the title is that line alone, and a short line above it (政府信息公开) is no first half.
    whole = any(h.key != "glued" and lines[doc.line_index(h.offset)] == head for h in repeats)
    while not whole and zone and line_of[zone[-1]] + 1 == line_of[zone[-1] + 1] \
            and _VISIBLE.search(lines[line_of[zone[-1]]]) and _title_like(lines[line_of[zone[-1]]] + head, 60):
        head = lines[line_of[zone.pop()]] + head  # a title broken over lines: …2023年政府信息 / 公开工作年度报告
    if repeats:
        zone += [i for i, p in enumerate(paras) if title < i and p.start < repeats[0].offset]
    for i in zone:
        p, li = paras[i], line_of[i]
        text = lines[li]
        if not _VISIBLE.search(text) and not p.text.strip(BLANK_CHARS + "\u200b\u200c\u200d\u2060"):
            continue
        if (len(text) > max_len or _SENTENCE.search(text) or _OFFICIAL_HEAD.search(text)
                or _DATELINE.search(text) or _ISSUER.search(text) or _SALUTATION.search(text)
                or _headline_with_figure(text)):
            continue  # a date or 施行 line under the title, an issuer (最高人民法院) above it,
            # a speech's salutation (各位代表,同志们:) that opens the text below;
            # a line of symbols only (----, +, -) is the page's separator or a button
        yield Hit(p.start, p.end, {"match": p.text}, delete_line_fix(doc, li, rule))


# A figure with its unit (443億, 3.2万, 86.5%): a site's name, a date, a counter or a button holds none
_FIGURE_UNIT = compile_regex(r"\d(?:[\d.,]*\d)?[億亿萬万元%％]")


def _headline_with_figure(text: str) -> bool:
    """A news headline's first line above the title (前年動用443億財儲餘67億未花): words that
    report a figure with its unit, eight Chinese characters or more: the story's, no site's."""
    return _FIGURE_UNIT.search(text) is not None and _han_at_least(text, 8)


# A numeric date after a blank at the end of a headline's line (…调研指导工作 2023-01-31).
_TITLE_DATE = compile_regex(r"(?<=[\u4e00-\u9fff）)》])[ \t\u3000]+\d{4}-\d{1,2}-\d{1,2}[ \t\u3000]*$")
_DATE_ONLY = compile_regex(r"^[\s•·|-]*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?[\s|]*$")
# ... and a date in words that a page's template pads with zeros (2020年01月20日, 2022年3月05日): a writer
# writes 2020年1月20日; only above the body's first sentence (a 落款's date below it is the document's)
_PADDED_DATE_ONLY = compile_regex(r"^[\s•·|-]*\d{4}年(?:0\d月\d{1,2}|\d{1,2}月0\d)日(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?[\s|]*$")


def _date_lines(doc: Document, paras: list[Span], furniture: set[int], lines: list[str], rule) -> Iterator[Hit]:
    """Near the top of a page, a line holding only a numeric date and time (2025-04-01,
    2021-1-26 12:33) right above or below furniture: the page's publication stamp. A document
    writes its dates in words (2025年4月1日), and those are kept."""
    idx = [doc.line_index(p.start) for p in paras]
    # the body's first sentence among these paragraphs (a long line or a sentence's stop)
    first = next((k for k, li in enumerate(idx) if li not in furniture
                  and (len(lines[li]) > HEADER_LINE_MAX or _SENTENCE.search(lines[li]))), len(idx))
    for k, (p, li) in enumerate(zip(paras, idx)):
        if li in furniture:
            continue
        if not ((k > 0 and idx[k - 1] in furniture) or (k + 1 < len(idx) and idx[k + 1] in furniture)):
            continue
        if _DATE_ONLY.match(lines[li]) or (k < first and _PADDED_DATE_ONLY.match(lines[li])):
            yield Hit(p.start, p.end, {"match": p.text}, delete_line_fix(doc, li, rule))
        elif (m := _TITLE_DATE.search(p.text)) is not None and _title_like(p.text[:m.start()].strip(), 60):
            # the stamp after the title on its line (…赴区统计局调研指导工作 2023-01-31): the title stays
            start = p.start + m.start()
            yield Hit(start, p.start + m.end(), {"match": m.group(0).strip()}, Fix("", start, p.start + m.end()))


# A field or cell of a page's info panel: a short label with a colon or in brackets, or a cell
# rule ([ 发布机构 ] 璧山区统计局, 施行日期:2016/8/2, 阅读:2341 |, 分享:, 监制|高延平, admin |).
_FIELD_MARK = compile_regex(r"[\[［]\s*[\u4e00-\u9fff][\u4e00-\u9fff ]{0,7}[\]］]|(?:^|(?<=[\s|]))[\u4e00-\u9fff][\u4e00-\u9fff ]{0,7}:|[|｜]")
_NOT_FIELDS = compile_regex(r"[。！？!?；;，,、《》“”]|^附件")  # a sentence, a list, a title, an attachment
_EMPTY_FIELD = compile_regex(r"^[\u4e00-\u9fff][\u4e00-\u9fff ]{0,7}:$")  # 分享: (or a salutation: 同志们:)
# A page's button or label alone (分享:, 字号:), not an address (同志们:, 尊敬的领导:, 各位代表:).
_WIDGET_LABEL = compile_regex(r"^(?![^:]*[们的])(?!各位)[\u4e00-\u9fff ]{1,4}:$")
_OFFICIAL_FIELD = compile_regex(r"签发人|密级|紧急程度")  # a 公文's header fields
# A page's title with the site's name after a bar (县长调研春耕生产 | 某某县人民政府网, …工作 |): a
# headline of six characters or more, no field's label in it, then one cell at most.
_HEADLINE_BAR = compile_regex(r"^(?=(?:[^|｜:\[［]*?[\u4e00-\u9fff]){6})[^|｜:\[［]{6,60}?[ \t]*[|｜][^|｜:]{0,24}$")
_DATA_ROW = compile_regex(r"\d|[|｜\[［]")  # a count, a date, a cell rule, a bracketed label
# A headline that an organ speaks (国家统计局:三季度GDP同比增长4.9%, 外交部:…): the organ's name,
# a colon, then a clause of six words or more, figures among them (发改委:11大类…工程包已累计完成投资50564亿;
# not a field's short value: 来源:国家统计局, 阅读:2341)
_ATTRIBUTED_HEADLINE = compile_regex(
    r"^[\u4e00-\u9fff]{1,12}(?:局|部|委|院|厅|署|办|中心|政府|银行)[:：](?=(?:[^:：|｜\[［]*?[\u4e00-\u9fff]){6})[^:：|｜\[［]{8,50}$")
FIELD_VALUE_MAX = 24  # characters of a field's value: a name, a date, a count


def _field_row(text: str) -> bool:
    """Whether a line is made of a page's fields and cells only: labels with a colon or in
    brackets, cells split by |, each value short, nothing a sentence or a title is made of."""
    if not text or len(text) > 60 or not _FIELD_MARK.search(text) or _NOT_FIELDS.search(text) \
            or _OFFICIAL_FIELD.search(text):
        return False
    return all(len(v.strip()) <= FIELD_VALUE_MAX for v in _FIELD_MARK.split(text))


def _field_rows(doc: Document, lines: list[str], furniture: set[int], words: tuple[str, ...],
                known: _Boilerplate | None, rule) -> Iterator[Hit]:
    """Rows of a page's info panel next to its known rows (索引号 above, a `|` rule below):
    lines made of fields and cells (_field_row) whatever their labels say (主题分类, 施行日期,
    整理者, 监制), the panel read outward from the furniture line by line. The page's first line
    of its own may be its title (作者:题目), and is taken only with a count, a date or cells. A label alone (分享:)
    needs furniture on both sides and no words of an address: under a page's header a
    salutation (同志们:, 尊敬的领导:) opens the text. Above the body's first sentence, a row one
    of whose later fields is known furniture taken alone (某某门户网站 时间:2021-1-26 来源:水利部:
    时间:…, 来源:…) is a panel row itself, its neighbours read from it."""
    rows = [i for i, text in enumerate(lines) if text and len(text) <= 60 and i not in furniture
            and (":" in text or "|" in text or "[" in text or "｜" in text or "［" in text) and _field_row(text)
            and not any(len(v) >= 8 and any(w in v for w in words) for v in _FIELD_MARK.split(text))]
    keyed = _panel_key_rows(doc, lines, furniture, tuple(rule.params.get("panel-keys", ())), words)
    if keyed:
        rows = sorted(set(rows) | set(keyed))
    if not rows:
        return  # most texts: no line made of fields
    # the panel's known rows: furniture made of fields or cells itself, or holding the page's time
    # stamp (2024-07-22 11:17:52 - 某某网); a QR prompt or a disclaimer under a 落款's contact
    # fields (联系人:…) is the page's, the fields the document's
    marked = {i for i in furniture if i < len(lines) and (_FIELD_MARK.search(lines[i]) or _STAMP.search(lines[i]))}
    # a row naming two of a portal's metadata keys (| 索引号 | … | 发文字号 | …, 发 布 机 构 … 发 文 日 期 …)
    # is the panel's, whatever its cells hold: its neighbours are read from it
    seeds = {i for i, count in keyed.items() if count >= 2}
    found: set[int] = set()
    if known is not None:
        body = next((i for i, text in enumerate(lines) if len(text) > 60 or _SENTENCE.search(text)), len(lines))
        for i in rows:
            if i < body and any((m := known.match(lines[i][f.start():].strip())) is not None
                                and m[0] not in known.sentence_labels
                                for f in _FIELD_MARK.finditer(lines[i]) if f.start() > 0 and lines[i][f.start()] not in "|｜"):
                found.add(i)
                marked.add(i)
    found |= seeds
    marked |= seeds
    if not marked:
        return
    shown = [i for i, text in enumerate(lines) if text]
    at = {i: k for k, i in enumerate(shown)}
    own = next((i for i in shown if i not in furniture), None)  # the page's first line of its own: maybe its title
    headline = None  # the page's first line of its own as its title, the site's name after a bar
    if own is not None and own in rows and _HEADLINE_BAR.match(lines[own]) is not None:
        headline = own
    grown = True
    while grown:
        grown = False
        for i in rows:
            if i in found or i == headline:
                continue
            k = at[i]
            before = k > 0 and shown[k - 1] in marked
            after = k + 1 < len(shown) and shown[k + 1] in marked
            if i == own and (not _DATA_ROW.search(lines[i]) or _ATTRIBUTED_HEADLINE.match(lines[i])):
                # 范愉:关于法律解释的几个问题 at the top: an author's name before the title; a
                # headline an organ speaks, its figures in it (国家统计局:三季度GDP同比增长4.9%)
                continue
            if _CONTACT_FIELD.match(lines[i]):
                continue  # a release's or a notice's own contact (聯絡人:…, 联系电话:…), above the page's panel
            if ((before and after and _WIDGET_LABEL.match(lines[i]))
                    or ((before or after) and not _EMPTY_FIELD.match(lines[i]))
                    or (_WIDGET_LABEL.match(lines[i]) and ((before and _same_bullet(doc, i, shown[k - 1]))
                                                           or (after and _same_bullet(doc, i, shown[k + 1]))))):
                # (a label alone beside a row that the page bullets as it bullets this one:
                # • 阅读: above • 时间:2022-04-29, the panel's items, not a salutation)
                found.add(i)
                marked.add(i)
                grown = True
    for i in sorted(found):
        p = next(doc.paragraphs_in_line(doc.lines[i]))
        yield Hit(p.start, p.end, {"match": p.text}, delete_line_fix(doc, i, rule), key="fields")
    if headline is not None and (headline + 1 < len(lines) and any(
            j in marked for j in shown[at[headline] + 1:at[headline] + 2])):
        # 县长调研春耕生产 | 某某县人民政府网 above the panel: the title stays, the bar and the site's name go
        line = doc.lines[headline]
        bar = min(k for k in (line.text.find("|"), line.text.find("｜")) if k >= 0)
        while bar > 0 and line.text[bar - 1] in _BLANKS:
            bar -= 1
        end = line.start + len(line.text.rstrip(_BLANKS))
        yield Hit(line.start + bar, end, {"match": doc.text[line.start + bar:end]},
                  Fix("", line.start + bar, end), key="fields")


# A document's contact field: whom to call about it (联系人, 聯絡電話, 承辦人)
_CONTACT_FIELD = compile_regex(r"^(?:联系|聯絡|聯繫|連絡|联络)(?:人|电话|電話|方式|窗口)|^(?:承办人|承辦人)")


@lru_cache(maxsize=8)
def _panel_key_pattern(keys: tuple[str, ...]) -> re.Pattern[str] | None:
    """A portal's metadata keys, their characters maybe spaced out (索   引   号), each standing
    as a label: at a line's start or after a cell rule, a bracket or a blank, and followed by a
    colon, a rule, a bracket, a blank or the line's end."""
    if not keys:
        return None
    alts = "|".join("[ \t\u3000]*".join(re.escape(ch) for ch in key) for key in sorted(keys, key=len, reverse=True))
    return compile_regex(f"(?:^|(?<=[|｜\\s\\[［【]))(?:{alts})(?=[ \t\u3000]*(?:[:：|｜\\]］】]|[ \t\u3000]|$))")


_PANEL_VALUE_NOISE = compile_regex(r"[|｜:：\[\]［］【】\s]+")
# What opens a panel's row before its first key: a cell rule, blanks, the key's bracket (| [ 索引号 ] | …)
_PANEL_ROW_OPEN = "|｜ \t\u3000[［【"


def _panel_key_rows(doc: Document, lines: list[str], furniture: set[int], keys: tuple[str, ...],
                    words: tuple[str, ...]) -> dict[int, int]:
    """Short lines (up to 80 characters) that open with a portal's metadata key, or with a cell
    rule and a key, and rows of the panel's table of any length whose key cell opens them (`内容概述
    | …`: the page's summary of the body, which the body repeats), mapped to how many different
    keys they name (| 索引号 | … | 发文字号 | … names
    two): the rows of a page's metadata panel, with colons, in cells or spaced out. A row whose
    value is the document's title (名称: | 某某局2023年工作总结 |, 标题:…) counts only when the
    title stands again on a line of its own: otherwise the row is where the page gives its title
    (words side by side, 主题词: 罗湖区 司法局 总结, are keywords, not a title)."""
    pattern = _panel_key_pattern(keys)
    if pattern is None or pattern.search(doc.simplified) is None:
        return {}  # most texts: none of the keys anywhere (the lines are simplified: 索引號, 發文字號)
    out = {}
    for i, text in enumerate(lines):
        if text and i not in furniture and (m := pattern.match(text.lstrip(_PANEL_ROW_OPEN))) is not None and (
                len(text) <= 80 or text.lstrip(_PANEL_ROW_OPEN)[m.end():].lstrip(" \t\u3000")[:1] in ("|", "｜")):
            value = _PANEL_VALUE_NOISE.sub(" ", pattern.sub("", text)).strip()
            if len(value) >= 8 and " " not in value and any(w in value for w in words) and not any(
                    value in other for j, other in enumerate(lines) if j != i and not pattern.match(other.lstrip(_PANEL_ROW_OPEN))):
                continue
            out[i] = len({re.sub(r"[ \t\u3000]", "", k.group(0)) for k in pattern.finditer(text)})
    return out


def _same_bullet(doc: Document, i: int, j: int) -> bool:
    """Whether lines i and j both open with the same bullet mark (•, ·): items of one list."""
    a, b = doc.lines[i].text.lstrip(_BLANKS), doc.lines[j].text.lstrip(_BLANKS)
    return bool(a) and a[0] in "•·" and b[:1] == a[0]


# A page's time stamp: a date with the time of day (四川党的建设全媒体 2023-06-28 09:24,
# 2025年11月28日14:26 来源:…, 2018年8月17日23:55:20…已关闭评论). A document dates by the day; a
# meeting's time is a field it labels (时间:2023年3月1日14:30) or a sentence's.
_STAMP = compile_regex(r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)\s*\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
_LABEL_FIRST = compile_regex(r"^[^:\d]{1,8}:")


_UNDATED_TIME = compile_regex(r"^(?:发布|更新)?(?:时间|日期)\s*:[^\d:年月日]{0,12}$")
_FIELD_LABEL = compile_regex(r"^[^:\s]{1,12}:")


def _beside_field(lines: list[str], i: int) -> bool:
    """Whether the line with text above or below line i is a field (label:) too: a form's rows."""
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(lines) and not lines[k]:
            k += step
        if 0 <= k < len(lines) and _FIELD_LABEL.match(lines[k]):
            return True
    return False


def _page_stamps(doc: Document, lines: list[str], furniture: set[int], max_len: int, rule) -> Iterator[Hit]:
    """Above the body's first sentence, a short line holding the page's time stamp (_STAMP) and
    no sentence: the page's header (its date and source, its channel's name)."""
    for i, text in enumerate(lines):
        if not text or i in furniture:
            continue
        if len(text) > 60 or _SENTENCE.search(text):
            return  # the body has begun
        if (len(text) <= max_len and "，" not in text and "," not in text and not _LABEL_FIRST.match(text)
                and _STAMP.search(text)) or (_UNDATED_TIME.match(text) and not _beside_field(lines, i)):
            # (or the page's time field whose date was not copied, alone among the page's lines:
            # 时间:, 时间: 新华 发言致辞; a form's 时间: stands with its 地点:)
            p = next(doc.paragraphs_in_line(doc.lines[i]))
            yield Hit(p.start, p.end, {"match": p.text}, delete_line_fix(doc, i, rule))


# The counter of a collection's first piece, as KJ601 or KJ604 found it: 篇一, 【篇1】, 第1篇, 篇(1)
_FIRST_PIECE = compile_regex(r"篇\s*[(（【]?\s*[一1](?![\d一二三四五六七八九十])|第\s*[一1]\s*篇")
COUNTERS = ("KJ601", "KJ604")  # the rules that find a collection's piece counters


def _collection_intro(doc: Document, ctx: Context, lines: list[str], furniture: set[int], top: int,
                      rule) -> Iterator[Hit]:
    """On a page that collects pieces, the first piece starts at its counter (…工作计划篇一, 第1篇):
    a paragraph of text above that counter, under the page's title and header, is the site's
    introduction to the collection (计划是成功的基石,…编写计划前,我们需要先…), whatever it
    says. Only when nothing above the counter reads as a piece's own: no heading, no more than
    two paragraphs of text."""
    paras = doc.paragraphs[:top]
    if not paras or "篇" not in doc.text[:paras[-1].end]:
        return  # most texts: no counter at the top
    counter = None
    for code in COUNTERS:
        r = ctx.catalog.rules.get(code)
        if r is None or r.run is None or not r.enabled:
            continue
        for h in rule_hits(r, doc, ctx):
            if h.offset >= paras[-1].end:
                break
            if _FIRST_PIECE.search(doc.text[h.offset:h.end]) and (counter is None or h.offset < counter):
                counter = h.offset
    if counter is None:
        return
    intro = []
    for p in paras:
        if p.end > counter:
            break
        li = doc.line_index(p.start)
        text = lines[li]
        if li in furniture or not text:
            continue
        if heading_level(text) is not None:
            return  # the piece's own heading: the text above the counter is no introduction
        if len(text) > 60 or _SENTENCE.search(text):
            intro.append((p, li))
    if len(intro) > 2:
        return
    for p, li in intro:
        yield Hit(p.start, p.end, {"match": p.text}, delete_line_fix(doc, li, rule), key="intro")


_BROKEN_TITLE_END = compile_regex(r"[和及与的暨、]$")


def _page_tail(doc: Document, lines: list[str], furniture: set[int], max_len: int, rule) -> Iterator[Hit]:
    """Below the document's last sentence, once the page's footer has begun (a line of known
    furniture), the short lines that follow are the footer too (扫码在手机上打开本文, 版权声明,
    微信支付), whatever they say. A 落款 stands above the footer and is kept."""
    paras = doc.paragraphs
    last = next((k for k in range(len(paras) - 1, -1, -1)  # from the end: most pages end with a sentence
                 if (li := doc.line_index(paras[k].start)) not in furniture
                 and ((len(lines[li]) > max_len and _han_at_least(lines[li], max_len // 2)) or _SENTENCE.search(lines[li]))
                 and not _runs_on_from_furniture(lines, li, furniture)), None)
    if last is None:
        return
    start = next((k for k in range(last + 1, len(paras)) if doc.line_index(paras[k].start) in furniture), None)
    if start is None:
        return
    yield from _above_footer(doc, lines, paras[last + 1:start], max_len, rule)
    for p in paras[start + 1:]:
        li = doc.line_index(p.start)
        if li not in furniture and _VISIBLE.search(lines[li]) and heading_level(lines[li]) is None:
            yield Hit(p.start, p.end, {"match": p.text}, delete_line_fix(doc, li, rule), key="tail")


def _runs_on_from_furniture(lines: list[str], li: int, furniture: set[int]) -> bool:
    """Is line `li` the rest of a furniture line right above it that stops at a clause mark (a
    footer's copyright notice wrapped: …非经本场同意; / 不得引用於…。)? It is that furniture too.
    (A caption ending in a word stands alone between two paragraphs of the story.)"""
    above = lines[li - 1] if li else ""
    return (li - 1) in furniture and bool(above) and above[-1] in "，,、；;"


ABOVE_FOOTER_LEAST = 2  # short lines between the body's last sentence and the footer


def _above_footer(doc: Document, lines: list[str], gap: list[Span], max_len: int, rule) -> Iterator[Hit]:
    """Between the body's last sentence and the page's footer, ABOVE_FOOTER_LEAST lines or more,
    every one short and no sentence, heading, date or issuer: the captions of pictures the copy
    left out, or the page's related links (听取…工作汇报 / 实地察看… / …作重要讲话 / 打印本页).
    A 落款 there (an issuer, its date) or a field (a release's 聯絡人: and 聯絡電話:) is the
    document's, and then nothing is reported."""
    texts = [lines[doc.line_index(p.start)] for p in gap]
    if len(gap) < ABOVE_FOOTER_LEAST or not all(
            len(t) <= max_len and _han_at_least(t, 4) and not _SENTENCE.search(t) and heading_level(t) is None
            and not SIGNING_DATE.match(t) and not _PAGE_DATE.search(t) and not _ISSUER.search(t)
            and ":" not in t and "：" not in t for t in texts):
        return
    for p in gap:
        li = doc.line_index(p.start)
        yield Hit(p.start, p.end, {"match": p.text}, delete_line_fix(doc, li, rule), key="tail")


HEADER_LINE_MAX = 60  # characters of a page header's line under the page's first furniture line

# A name that heads a page as its site, channel or edition, not as an issuer above a title: …县, …街道, …党委
_PLACE_OR_BODY = compile_regex(r"(?:[省市县縣区區镇鎮乡鄉村州旗盟会會]|街道|社区|社區|党委|黨委|党组|黨組|支部|工会|工會|协会|協會|学会|學會|医院|醫院|银行|銀行)$")
_NAME_MARKS = compile_regex(r"[，,、:：()（）《》“”\"\[\]【】<>|｜/]")
_PAGE_DATE = compile_regex(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}")
OPENER_MAX = 6  # characters of a site's, a channel's or an edition's name (a title's first half is longer:
# 决胜全面建成小康社会 / 为夺取…伟大胜利, blank lines between)


def _page_opener(doc: Document, lines: list[str], furniture: set[int], words: tuple[str, ...], rule) -> Iterator[Hit]:
    """The page's first line (below its furniture only), a short name standing alone above the
    page's headline: the site's, the channel's or the edition's name (華文網, 海外版, 学校要闻 given
    twice), whatever it says. Kept: a name with a title's word, an issuer or a place (…人民政府,
    …县, …党委 above their document), a 公文's head, a heading, a date; and the first half of a
    title broken over lines, which stands right above its second half (no blank line between)."""
    visible = (i for i in range(len(lines)) if lines[i] and _VISIBLE.search(lines[i]))
    first = next((i for i in islice(visible, 6) if i not in furniture), None)
    if first is None:
        return
    text = lines[first]
    if not (2 <= len(text) <= OPENER_MAX and CJK.search(text) and not _SENTENCE.search(text)
            and not _NAME_MARKS.search(text) and heading_level(text) is None
            and not _ISSUER.search(text) and not _PLACE_OR_BODY.search(text)
            and not _OFFICIAL_HEAD.search(text) and not _DATELINE.search(text)
            and not any(w in text for w in words)):
        return
    run = [first]
    nxt = next(visible, None)
    while nxt is not None and lines[nxt] == text:  # the name given twice (学校要闻 / 学校要闻)
        run.append(nxt)
        nxt = next(visible, None)
    if nxt is None or nxt in furniture or nxt == run[-1] + 1:
        return  # nothing under it, or right above it a line it may be the first half of
    head = lines[nxt]
    if not (_title_like(head, 60) and _han_at_least(head, 6) and len(head) > len(text)) or _PAGE_DATE.search(head):
        return  # the page's headline stands under a site's name (a byline with its date stands under the title)
    if _slogan(head):
        return  # a motto under a chapter's name (施政重點 / 促經濟,重民生,穩發展): the name is the title
    for i in run:
        p = next(doc.paragraphs_in_line(doc.lines[i]))
        yield Hit(p.start, p.end, {"match": p.text}, delete_line_fix(doc, i, rule))


PUBLISHER_MAX = 20  # characters of a publishing body's name heading a page's metadata


_SLOGAN_PARTS = compile_regex(r"[\u4e00-\u9fff]{2,5}(?:[,，、 \u3000][\u4e00-\u9fff]{2,5}){1,5}")


def _slogan(text: str) -> bool:
    """Parallel phrases of one length parted by commas (促經濟,重民生,穩發展; 稳增长、促改革、惠民生):
    a motto, which no headline is."""
    if not _SLOGAN_PARTS.fullmatch(text):
        return False
    return len({len(part) for part in re.split(r"[,，、 \u3000]", text)}) == 1


def _publisher_lines(doc: Document, lines: list[str], furniture: set[int], rule) -> Iterator[Hit]:
    """Above the body, a body's name alone on its line (…应急管理局, 行政长官办公室) that heads the
    page's metadata right under it: the first row of a bulleted panel whose next row, furniture, has
    the same bullet (• 某某局 / • 索引号 …), or the publisher between the title and the page's time
    stamp (a date with the time of day, furniture: 某某报告 / …办公室 / 2021-11-16 15:37). A 公文's issuer stands above its title or
    its 落款 above a date by the day, neither of them a page's stamp."""
    visible = [i for i in range(min(len(lines), 40)) if lines[i] and _VISIBLE.search(lines[i])]
    for i, j in zip(visible, visible[1:]):
        if i in furniture or j not in furniture:
            continue
        text = lines[i]
        if (len(lines[i]) > 40 or _SENTENCE.search(text)) and CJK.search(text):
            return  # the body has started
        if not (2 <= len(text) <= PUBLISHER_MAX and CJK.search(text) and not _NAME_MARKS.search(text)
                and heading_level(text) is None and _ISSUER.search(text)):
            continue
        if not ((_same_bullet(doc, i, j) and i == visible[0])
                or (j == i + 1 and i != visible[0] and _STAMP.search(lines[j]))):
            continue  # (the page's first line above its stamp is its title: 学习体会 / 日期:… 14:50)
        p = next(doc.paragraphs_in_line(doc.lines[i]))
        yield Hit(p.start, p.end, {"match": p.text}, delete_line_fix(doc, i, rule))


# A news page's editor credits, the story's last lines (编辑:某某, 审核:某某, 责任编辑 某某)
_EDITOR_CREDIT = compile_regex(
    r"^[ \t\u3000]*[(（\[【]?(?:责任编辑|值班编辑|编辑|责编|审核|审校|校对|终审|复审|初审|编审|监制|美编)[ \t\u3000]*[:：/|丨]")
HEADLINES_LEAST = 2  # headlines in a row under the credits: one line may be the story's own note


def _under_editor_credit(doc: Document, lines: list[str], furniture: set[int], max_len: int, rule) -> Iterator[Hit]:
    """Below the editor credits that close a news story (known furniture), the short lines with no
    sentence's full stop are the page's lists of other stories' headlines (回家的路或许漫长… /
    2025年交通运输短视频创摄大赛), up to the first line of prose or the page's closing button."""
    span = _body_span(lines, furniture, max_len)
    if span is None:
        return
    credit = next((i for i in range(len(lines) - 1, span[0], -1)
                   if i in furniture and _EDITOR_CREDIT.match(lines[i])), None)
    if credit is None:
        return
    run = []
    for i in range(credit + 1, len(lines)):
        text = lines[i]
        if i in furniture and _LONE_BUTTON.match(text):
            break  # the page's last buttons (关闭窗口): what a copy shows below them is no headline list
        if i in furniture or not _VISIBLE.search(text):
            continue
        if len(text) > max_len or "。" in text or "；" in text or ";" in text or SIGNING_DATE.match(text) \
                or _ISSUER.search(text) or heading_level(text) is not None:
            break
        run.append(i)
    if len(run) < HEADLINES_LEAST:
        return
    for i in run:
        p = next(doc.paragraphs_in_line(doc.lines[i]))
        yield Hit(p.start, p.end, {"match": p.text}, delete_line_fix(doc, i, rule), key="tail")


def _above_page_title(doc: Document, paras: list[Span], furniture: set[int], lines: list[str],
                      words: tuple[str, ...], rule) -> Iterator[Hit]:
    """On a news or portal page the line right above the article's metadata (发布时间:…, 来源:…)
    is its title, whatever words it holds; short lines above that title that are not sentences
    are the page's section name or edition (公司新闻, 第一版), not the document. An issuer
    (…人民政府), the first half of a title broken over lines (…预算执行和) and the title's
    first copy (the page showing the title twice: KJ607 reports the second) are kept."""
    idx = [doc.line_index(p.start) for p in paras]
    for f in range(1, len(paras)):
        if idx[f] not in furniture or idx[f - 1] in furniture:
            continue
        if not _title_like(lines[idx[f - 1]], 60) or _STAMP.search(lines[idx[f - 1]]):
            return  # (a time stamp is the page's metadata, not its title: 2017年03月06日 13:52:00 来源:…)
        # under a header line the page opens with (欢迎来到某某医院), the site's phone numbers and
        # slogans too (预约挂号电话:…, 国家三级甲等中医医院): longer lines, none holding a title's
        # word (the page's own title above a title broken over lines), and a name is an issuer only
        # right above the title
        header = idx[0] in furniture and _han_at_least(lines[idx[f - 1]], 4)
        longest = HEADER_LINE_MAX if header else 12
        for i in range(f - 1):
            text = lines[idx[i]]
            if idx[i] in furniture:
                continue
            if not (_VISIBLE.search(text) and len(text) <= longest and not _SENTENCE.search(text)
                    and (len(text) <= 12 or not any(w in text for w in words))
                    and heading_level(text) is None and not _OFFICIAL_HEAD.search(text)
                    and not (_ISSUER.search(text) and (longest == 12 or i == f - 2)) and not _DATELINE.search(text)
                    and not (i == f - 2 and _BROKEN_TITLE_END.search(text))
                    and text != lines[idx[f - 1]]):  # the title's own first copy is KJ607's
                return
        for i in range(f - 1):
            if idx[i] not in furniture:
                yield Hit(paras[i].start, paras[i].end, {"match": paras[i].text}, delete_line_fix(doc, idx[i], rule))
        return


# Lines outside the body (above its first sentence, below its last) that no document writes there,
# known by their shape, not their words: Latin letters only above the body, where a Chinese page
# shows its widgets and its template's words (`Document`, `A+A-`, `Asset Publisher`); below it an
# English phrase or sentence (`Comments are closed.`, `free hit counter script`) or the time the page
# took to build (`0.169522s`); a row of buttons in brackets (`【返回】 |`, `[打印] [关闭]`); and below
# the last sentence a picture's caption naming a scene (`会议现场`, `志愿者合影`, `团建活动`).
_LATIN_WIDGET = compile_regex(r"^(?![xX×]+$)[A-Za-z][A-Za-z +\-]{0,39}$")  # (XX alone is a mask: KJ201's)
# ... but a document's own English title names its kind (Progress Report, Work Plan, Policy Address):
# a widget or a template's word never does
_LATIN_TITLE = compile_regex(
    r"(?i)\b(?:reports?|plans?|programmes?|summary|address|budget|estimates|statements?|minutes|agenda|"
    r"notice|circular|regulations?|measures|accounts)$")
_LATIN_PHRASE = compile_regex(r"^[A-Za-z]+(?:[ '’-][A-Za-z]+){2,}[.!]?$|^[A-Za-z][A-Za-z ,'’-]{1,60}[.!]$")
_PAGE_TIMER = compile_regex(r"^\d+\.\d{3,}\s?(?:s|ms|秒)$")
_BUTTON = r"[【\[［][ \t\u3000]*[\u4e00-\u9fff]{2,6}[ \t\u3000]*[】\]］]"
# two buttons or more, or one with the bar that divides it from the next (a heading 【概述】, a slot 【单位名称】 stand alone)
_BUTTON_ROW = compile_regex(rf"^(?:{_BUTTON}[ \t\u3000]*(?:[|｜][ \t\u3000]*)*(?:{_BUTTON}[ \t\u3000|｜]*)+|{_BUTTON}[ \t\u3000]*[|｜][ \t\u3000|｜]*)$")
_SCENE_CAPTION = compile_regex(
    r"^[\u4e00-\u9fff]{2,8}(?:现场|現場|合影|留念|展示|掠影|剪影|一角|风采|風采|集锦|集錦|活动|活動)$")
# above the body: a scene's caption that is no headline (会议现场, 活动合影), a hotline or counter alone
# (12320, 2702; not a year, not a 公文's six-digit 份号)
_SCENE_HEAD_CAPTION = compile_regex(r"^[\u4e00-\u9fff]{2,8}(?:现场|現場|合影|留念|掠影|剪影)$")
# (nor a date whose 年/月/日 a conversion lost, 2018525: KJ4's damage, not furniture)
_BARE_NUMBER = compile_regex(
    r"^(?!(?:19|20)\d\d$)(?!\d{6}$)(?!(?:19|20)\d\d(?:0?[1-9]|1[0-2])(?:0?[1-9]|[12]\d|3[01])$)\d{3,12}$")
_BARE_URL = compile_regex(r"^(?:https?://|www\.)\S+$")  # below the body, however long
# A field of a page's panel: a short label and its colon at the line's start or after a blank, a
# bar or the figure of the field before it (文档序号:7981976阅读:122来源:国知局: no writer glues a label
# to the value before it).
_PANEL_FIELD = compile_regex(r"(?:^|(?<=[\s\d|｜]))[\u4e00-\u9fff]{2,6}[ \t]*:[ \t]*")
_GLUED_FIELD = compile_regex(r"\d[\u4e00-\u9fff]{2,6}[ \t]*:")
_COUNT = compile_regex(r"^\d[\d,.]*$")
# A page's title line with the site's name hung after a spaced dash, an underscore or a bar (某局2023年
# 工作情况报告 - 某某人大网, …通知_某某市人民政府门户网站): the name ends in a site's word (not a
# subtitle after ——, which may end in an event's name: …举办新闻工作论坛).
_SITE_SUFFIX = compile_regex(
    r"(?<=[\u4e00-\u9fff\d）)》”])(?:[ \t\u3000]+[-–][ \t\u3000]+|[ \t\u3000]*[_|｜][ \t\u3000]*)[\u4e00-\u9fffA-Za-z]{1,16}?"
    r"(?:网|網|网站|網站|门户|門戶|平台|平臺|官网|官網|在线|在線|之窗)$")
# A credit of the page's block below the story, a role and a name split by a bar (文 字丨某办公室,
# 美 编丨郭某, 文/图|叶某): the role one to four characters, maybe letter-spaced or slashed, the
# name or office with no figure (a table's cell holds one: 合计 | 100).
_BAR_CREDIT = compile_regex(
    r"^[\u4e00-\u9fff](?:[ \t\u3000/／]{0,3}[\u4e00-\u9fff]){0,3}[ \t\u3000]*[丨|｜][ \t\u3000]*"
    r"[^\s|｜丨\d，。,；;:：][^|｜丨\d，。,；;:：\n]{0,20}$")
BAR_CREDIT_RUN = 2  # such credits in a row below the story: one alone may be a table's row
# A hotline or an ad's phone number closing a short line above the body (申请免费试用、咨询电话:400-8352-114)
_HOTLINE = compile_regex(r"(?:电话|電話|热线|熱線|咨询|諮詢|客服|手机|手機|QQ|微信)[^\n。！？!?]{0,8}?[:：]?[ \t\u3000]*"
                         r"(?:\(?0\d{2,3}\)?[-－ ]?\d{7,8}|[48]00[-－ ]?\d{3,4}[-－ ]?\d{3,4}|1[3-9]\d{9})$")
# A single button's word alone on a line outside the body (关闭, 返回顶部, APP下载): no document writes one there
_LONE_BUTTON = compile_regex(r"^(?:关闭|關閉|关闭窗口|關閉窗口|返回|返回顶部|返回頂部|返回列表|APP下载|APP下載|下载APP|下載APP|"
                             r"打开APP|打開APP|客户端下载|客戶端下載|展开全文|展開全文|收起|列印|立即咨询|立即諮詢|在线咨询|在線諮詢|"
                             r"热门[:：]|熱門[:：]|"
                             r"(?:返|回|返回)上一?[页頁]|回到?[页頁]首|回到?[顶頂][端部]|详细信息|詳細信息|查看详情|查看詳情)"
                             r"[ \t\u3000]*[×✕✖Xx]?$", re.IGNORECASE)  # (关闭×: the button's close mark)
# A breadcrumb of two crumbs opening the page, nothing but furniture above it (新闻频道 > 时政要闻, 网站首页 >
# 头部新闻): names only, no figure; under a title it may be a comparison (收入 > 支出). (A known
# breadcrumb of three crumbs or more is KJ601's wherever it stands.)
_TWO_CRUMBS = compile_regex(r"^[\u4e00-\u9fff]{2,10}[ \t\u3000]*(?:>>?|›|»)[ \t\u3000]*[\u4e00-\u9fff]{2,10}$")


# A page's widget line of short words spaced apart, outside the body (关灯 巨大 直达底部, 大 中 小,
# 咨询律师 找律师 案件委托): three words or more of one to four characters, one of them shorter than
# four (a slogan pairs four-character phrases), not all of two or three (a roll of names: 张某 李某某 王某)
_SPACED_WORDS = compile_regex(r"^(?:[\u4e00-\u9fff]{1,4}[ \t\u3000]+){2,}[\u4e00-\u9fff]{1,4}$")


def _widget_words(text: str, words: tuple[str, ...]) -> bool:
    """A line of short words spaced apart that no heading, title or roll of names is (_SPACED_WORDS);
    a letter-spaced title or issuer (通 知, 决 定 书, 某 某 局) is kept."""
    if len(text) > 24 or not _SPACED_WORDS.match(text):
        return False
    items = text.split()
    joined = "".join(items)
    if any(len(a) == 1 and len(b) == 1 for a, b in zip(items, items[1:])) or heading_level(text) is not None \
            or _LEGAL_DIVISION.match(items[0]):
        return False  # a word or a name letter-spaced (通 知, 习 近 平, 地 点 本院议场), a chapter's heading (第一章 总 则)
    if all(2 <= len(x) <= 3 for x in items) or all(len(x) == 4 for x in items):
        return False  # names, a slogan
    return not _SPACED_ISSUER.search(joined) and not any(w in joined for w in words)


# An issuer's name spaced apart (某某 人民政府): the longer endings of _ISSUER (底部 is no 部)
_SPACED_ISSUER = compile_regex(r"(?:法院|检察院|政府|委员会|常委会|人大|政协|办公厅|办公室|公司|集团|大学|学校|中心|[省市县区镇乡村]委)$")


# A breadcrumb's piece on a line of its own, opening or closing with the separator of the crumbs the
# line above or below holds (> 期刊发表知识库, 新闻中心 >>): a title never begins or ends with one.
_CRUMB_SEP = r"(?:>>?|»|›|＞)"
_CRUMB_NAME = r"[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]{1,11}"  # a crumb names a channel: Chinese first (not <U+00A0>)
_CRUMB_PIECE = compile_regex(
    rf"^(?:{_CRUMB_SEP}[ \t\u3000]*{_CRUMB_NAME}(?:[ \t\u3000]*{_CRUMB_SEP}[ \t\u3000]*{_CRUMB_NAME})*[ \t\u3000]*{_CRUMB_SEP}?"
    rf"|{_CRUMB_NAME}(?:[ \t\u3000]*{_CRUMB_SEP}[ \t\u3000]*{_CRUMB_NAME})*[ \t\u3000]*{_CRUMB_SEP})$")


# Outside the body, a line of a breadcrumb's separators only (>, »): the crumbs they divided are gone
# (a lone bar is a table's row end as often as the page's frame: KJ601 tells them apart)
_LONE_SEPARATOR = compile_regex(r"^[>»›＞](?:[ \t\u3000]*[>»›＞])*$")
# A field in brackets with no value (【责任编辑:】, [来源:]): a template's slot the page left empty
_EMPTY_BRACKET_FIELD = compile_regex(r"^[【\[［][ \t\u3000]*[\u4e00-\u9fff]{2,6}[ \t\u3000]*[:：][ \t\u3000]*[】\]］]$")


def _panel_values(text: str) -> list[str] | None:
    """The values of a line made of fields only (label: value, each value short), else None."""
    if not text or len(text) > 60 or _NOT_FIELDS.search(text) or _OFFICIAL_FIELD.search(text) or _SENTENCE.search(text):
        return None
    marks = list(_PANEL_FIELD.finditer(text))
    if not marks or marks[0].start() != 0:
        return None
    values = [text[m.end():n.start() if n is not None else len(text)].strip() for m, n in zip(marks, [*marks[1:], None])]
    return values if all(len(v) <= FIELD_VALUE_MAX for v in values) else None


def _head_panel(doc: Document, lines: list[str], skip: set[int], first: int, rule) -> Iterator[Hit]:
    """Above the body's first sentence, rows made of fields only (编号:…, 所在地:…, 风采数量:16) that
    hold three fields or more and a count among their values: a post's or a profile's panel, when it
    opens the page (nothing of the document above it) or when a label is glued to the count before it
    (文档序号:7981976阅读:122来源:国知局). A meeting's fields (时间:…, 地点:…, 主持人:…) hold no count."""
    run: list[int] = []
    values: list[str] = []
    for i in [*range(first), first]:
        text = lines[i] if i < first else ""
        if i < first and (not text or i in skip):
            continue
        v = _panel_values(text) if i < first else None
        if v is not None:
            run.append(i)
            values += v
            continue
        if len(values) >= 3 and any(_COUNT.match(x) for x in values) and (
                not any(lines[k] and k not in skip for k in range(run[0])) or any(_GLUED_FIELD.search(lines[k]) for k in run)):
            for k in run:
                p = next(doc.paragraphs_in_line(doc.lines[k]))
                yield Hit(p.start, p.end, {"match": p.text}, delete_line_fix(doc, k, rule), key="fields")
        run, values = [], []


def _outside_body(doc: Document, lines: list[str], skip: set[int], max_len: int, rule,
                  words: tuple[str, ...] = ()) -> Iterator[Hit]:
    """Lines above the body's first sentence or below its last that are no sentence of a
    document: a line of Latin letters only above it, an English phrase, the page's build time,
    a row of bracketed buttons, a scene's caption below it. The body is the run of lines that
    are sentences (a long line or one with a sentence's stop): a 落款, a date, 附件 and 抄送
    lines stand below it and hold none of these shapes."""
    # read inward from both ends: most pages have a few lines around the body, not a scan of all
    span = _body_span(lines, skip, max_len)
    if span is None:
        return  # no body of Chinese sentences to stand outside of
    first, last = span
    panel = {doc.line_index(h.offset) for h in _head_panel(doc, lines, skip, first, rule)}
    credits = _bar_credits(lines, skip, last)
    latin = _latin_chrome(doc, lines, skip, first)
    for i in (*range(first), *range(last + 1, len(lines))):
        text = lines[i]
        if i in skip or not (text or (i > last and _LONE_SEPARATOR.match(doc.lines[i].text.strip(_BLANKS)))):
            continue  # (a lone `>` reads as a bullet and nothing else; above the body it divides crumbs kept)
        key = None
        if i in panel:
            key = "fields"
        elif _BUTTON_ROW.match(text) or _LONE_BUTTON.match(text) or _EMPTY_BRACKET_FIELD.match(text) \
                or (i > last and _LONE_SEPARATOR.match(doc.lines[i].text.strip(_BLANKS))):
            key = "tail" if i > last else ""
        elif i < first and (m := _SITE_SUFFIX.search(text)) is not None and len(text) - len(m.group(0)) >= 6 \
                and _SENTENCE.search(text) is None:
            # 某局2023年工作情况报告 - 某某人大网: the title stays, the dash and the site's name go
            line = doc.lines[i]
            start = line.text.rfind(m.group(0).strip(_BLANKS))
            bar = start
            while bar > 0 and line.text[bar - 1] in _BLANKS + "-_|｜–—":
                bar -= 1
            end = line.start + len(line.text.rstrip(_BLANKS))
            yield Hit(line.start + bar, end, {"match": doc.text[line.start + bar:end]}, Fix("", line.start + bar, end))
            continue
        elif i < first and ((_HOTLINE.search(text) and len(text) <= max_len and _SENTENCE.search(text) is None)
                            or (_TWO_CRUMBS.match(text) and not any(lines[k] and k not in skip for k in range(i)))):
            key = ""
        elif i > last and i in credits:
            key = "tail"
        elif i in latin:
            key = ""
        elif i < first:
            if not ((_LATIN_WIDGET.match(text) and doc.lines[i].text.strip(BLANK_CHARS + "•·▪◦●")[:1] == text[:1]  # (no Markdown heading)
                     and not _LATIN_TITLE.search(text))
                    or _SCENE_HEAD_CAPTION.match(text) or _BARE_NUMBER.match(text)
                    or _widget_words(text, words) or _CRUMB_PIECE.match(doc.lines[i].text.strip(_BLANKS))):
                continue
            key = ""
        elif _LATIN_PHRASE.match(text) or _PAGE_TIMER.match(text) or _BARE_URL.match(text):
            key = "tail"
        elif _SCENE_CAPTION.match(text) and not _ISSUER.search(text) and heading_level(text) is None:
            key = "captions"
        elif _widget_words(text, words):
            key = "tail"
        else:
            continue
        p = next(doc.paragraphs_in_line(doc.lines[i]))
        yield Hit(p.start, p.end, {"match": p.text}, delete_line_fix(doc, i, rule), **({"key": key} if key else {}))


def _body_span(lines: list[str], furniture: set[int], max_len: int) -> tuple[int, int] | None:
    """First and last line of the body: the lines that are Chinese sentences (a long line or one
    with a sentence's stop), not known furniture. None when the page has no such line."""
    def prose(i: int) -> bool:
        text = lines[i]
        return bool(text) and i not in furniture and (len(text) > max_len or _SENTENCE.search(text) is not None) \
            and CJK.search(text) is not None
    first = next((i for i in range(len(lines)) if prose(i)), None)
    if first is None:
        return None
    return first, next(i for i in range(len(lines) - 1, first - 1, -1) if prose(i))


CHROME_LINE_MAX = 20  # characters of a page's short line between its metadata and the body
UNDER_METADATA_MAX = 4  # such lines in a row at most: a page's widgets and credits are few
CHROME_WORDS_MAX = 8  # Chinese characters of such a line: a widget's label or a name (a section's
# unnumbered heading says more: 国家信用体系建设的政策背景)


# A credit line opened by a box mark (■通讯员 某某 某某 记者 某某, ■某某, □ 某某市司法局): names, roles and
# an office spaced apart, no punctuation; a document's ■ heading says what it does (■加强组织领导), above or
# below the body no document writes a bare name after one
_MARKED_CREDIT = compile_regex(r"^[■□◆◇●○][ \t\u3000]*[\u4e00-\u9fff]{2,12}(?:[ \t\u3000]+[\u4e00-\u9fff]{2,12}){0,7}$")


def _marked_credit(text: str) -> bool:
    """A box-marked credit (_MARKED_CREDIT): a role or a name after the mark, or an office's name."""
    return len(text) <= 50 and _MARKED_CREDIT.match(text) is not None and (
        " " in text.strip() or len(text.lstrip("■□◆◇●○ \t\u3000")) <= 4 or _ISSUER.search(text) is not None)


def _chrome_shaped(text: str, words: tuple[str, ...]) -> bool:
    """A short line that is no part of a document's head: no sentence, no field (label: value), no
    heading number, no 公文 header, date, issuer, title word or bracketed note (此件公开发布). A line
    framed by dashes (—分享—) is a widget's label, not a subtitle (——在某会上的讲话)."""
    if _marked_credit(text):
        return True
    core = text.strip("—－- \u3000") if len(text) > 2 and text[0] in "—－" and text[-1] in "—－" else text
    return (bool(core) and len(text) <= CHROME_LINE_MAX and len(CJK.findall(core)) <= CHROME_WORDS_MAX and _VISIBLE.search(core) is not None
            and _SENTENCE.search(text) is None and ":" not in text and "：" not in text
            and heading_level(core) is None and _OFFICIAL_HEAD.search(core) is None
            and _DATELINE.search(core) is None and _ISSUER.search(core) is None
            and core[:1] not in "(（[［【" and not any(w in core for w in words)
            and core.replace(" ", "").replace("\u3000", "") not in _SECTION_WORDS  # (the document's contents, 概  述)
            and _PART_HEAD.search(core) is None  # (2017工作回顾: the report's first part, unnumbered)
            and not _PERSON_NAME.match(core))  # (the speaker or the author under the title: 郑国光)


# What a document's first lines may be besides its title: its contents, or the heading of its first
# part, often letter-spaced (概  述, 前　言)
_SECTION_WORDS = frozenset(("目录", "目次", "概述", "前言", "引言", "序言", "导言", "总则", "摘要", "说明", "总述", "绪论"))
# The name of a report's part, unnumbered, opening its text: 2017工作回顾, 过去一年工作回顾, 下步打算
_PART_HEAD = compile_regex(r"(?:回顾|展望|打算|成效|做法|体会|思路)$")
# A person's name alone on a line: a common surname and one or two characters
_PERSON_NAME = compile_regex(rf"^[{COMMON_SURNAMES}][\u4e00-\u9fff]{{1,2}}$")


def _under_metadata(doc: Document, lines: list[str], furniture: set[int], metadata: set[int], max_len: int,
                    words: tuple[str, ...], rule) -> Iterator[Hit]:
    """Between the page's metadata under a title (来源:…, 时间:…: `metadata`, known furniture) and the body's first sentence,
    short lines that are no part of a document's head (_chrome_shaped) are the page's widgets and
    credits (公众号二维码, —分享—, ■某某): a document's own lines there (a subtitle, a salutation,
    文号, a heading) stop the run, and nothing is reported unless a title stands above the metadata."""
    bounds = _body_span(lines, furniture, max_len)
    if bounds is None:
        return
    run: list[int] = []
    j = bounds[0] - 1
    while j >= 0 and (not lines[j] or j not in furniture):
        if lines[j]:
            if not _chrome_shaped(lines[j], words):
                return
            run.append(j)
        j -= 1
    if j < 0 or j not in metadata or not run or len(run) > UNDER_METADATA_MAX \
            or not any(lines[k] and k not in furniture and _title_like(lines[k], 60) for k in range(j)):
        return  # (more short lines than a page's widgets: a poem's lines, a list of the document's)
    if any(_SPEECH_OCCASION.match(lines[k]) for k in range(j)):
        return  # a speech's head (its title, ——在某会议上, the metadata): the speaker's line comes next
    for k in reversed(run):
        q = next(doc.paragraphs_in_line(doc.lines[k]))
        yield Hit(q.start, q.end, {"match": q.text}, delete_line_fix(doc, k, rule))


_SPEECH_OCCASION = compile_regex(r"^[—－]+.*在.+上")  # ——2026年1月26日在某市第十八届人民代表大会第四次会议上
_NAME_VALUE = compile_regex(r"[\u4e00-\u9fff]{2,4}")


def _tail_fields(doc: Document, lines: list[str], furniture: set[int], max_len: int, rule) -> Iterator[Hit]:
    """Below the body's last sentence, a row of three fields or more, each value a person's name
    (初审: 某某 复审:某某 终审:某某, 编辑:… 校对:… 审核:…): the page's chain of editors. A document's
    closing fields give a phone, an address or a date (联系人:某某 电话:…), or fewer of them."""
    bounds = _body_span(lines, furniture, max_len)
    if bounds is None:
        return
    for i in range(bounds[1] + 1, len(lines)):
        text = lines[i]
        if not text or i in furniture:
            continue
        values = _panel_values(text)
        if (values is not None and len(values) >= 3 and all(_NAME_VALUE.fullmatch(v) for v in values)) \
                or _marked_credit(doc.lines[i].text.strip(_BLANKS)):
            q = next(doc.paragraphs_in_line(doc.lines[i]))
            yield Hit(q.start, q.end, {"match": q.text}, delete_line_fix(doc, i, rule), key="tail")


WATERMARK_LEAST = 3  # times a site's mark is glued after the text's sentences, or stands alone
WATERMARK_LONGEST = 24  # characters of a mark (a site's name, a copyright line's owner)
_WATERMARK = compile_regex(r"^(?![(（\[［【])(?=[^\n]*(?:[\u4e00-\u9fff]{2}|[A-Za-z]{4}))[^\s。！？!?；;，,、:：()（）]{4,%d}$"
                           % WATERMARK_LONGEST)
_MARK_STOPS = "。！？!?；;，,、:：()（）"


def _line_marks(line: str) -> list[tuple[int, str]]:
    """(offset, text) of what may be a mark glued at the line's end: the line's last word after a
    sentence's end, or after a blank behind a sentence; or the whole line when it is one word."""
    text = line.rstrip(_BLANKS)
    if not text or text[-1] in _MARK_STOPS:
        return []  # (most lines: a mark holds none of these, and each reading below ends the line with it)
    out: list[tuple[int, str]] = []
    stripped = text.lstrip(_BLANKS)
    if 4 <= len(stripped) <= WATERMARK_LONGEST and _WATERMARK.match(stripped):
        return [(len(text) - len(stripped), stripped)]
    cut = max(text.rfind("。"), text.rfind("！"), text.rfind("？"), text.rfind("!"), text.rfind("?"))
    if 0 <= cut < len(text) - 1:
        tail = text[cut + 1:]
        word = tail.strip(_BLANKS)
        if len(word) <= WATERMARK_LONGEST and _WATERMARK.match(word):
            out.append((len(text) - len(word), word))  # (the line ends with the word: it was right-stripped)
    space = max(text.rfind(" "), text.rfind("\u3000"), text.rfind("\t"))
    if 0 < space < len(text) - 1:
        word = text[space + 1:]
        if len(word) <= WATERMARK_LONGEST and _WATERMARK.match(word) and not any(w == word for _, w in out) \
                and _SENTENCE.search(text, 0, space) is not None:
            out.append((space + 1, word))
    return out


def _watermarks(doc: Document, skip: set[int], rule) -> Iterator[Hit]:
    """A site's mark repeated through the text: the same word of four characters or more glued
    after the end of WATERMARK_LEAST sentences or more, or standing alone, its other copies glued
    (某某新闻网 after each paragraph, copyright 某某社, 某某.org): no writer closes sentences with one
    word again and again. A word repeated on lines of its own only (a table's 合计) is kept."""
    found: dict[str, list[tuple[int, int, bool]]] = {}
    for i, line in enumerate(doc.lines):
        if i in skip:
            continue
        for at, word in _line_marks(line.text):
            found.setdefault(word, []).append((i, at, len(line.text.strip(_BLANKS)) > len(word)))
    marks = [w for w, places in found.items()
             if len(places) >= WATERMARK_LEAST and sum(glued for _, _, glued in places) >= 2]
    for word, places in found.items():  # (the mark's copies with a word before it: 内容来自某某社)
        if word not in marks and not any(m in word for m in marks):
            continue
        for i, at, _ in places:
            a = doc.lines[i].start + at
            yield Hit(a, a + len(word), {"match": word}, Fix("", a, a + len(word)), key="mark")


# A wiki's link to edit a section, glued by the copy to the start of the section's first line
# (第一條 標的 / 编辑本法律旨在…)
_EDIT_LINK = compile_regex(r"^[ \t\u3000]*(?P<link>编辑|編輯)(?=[^\s:：])")
EDIT_LINKS_LEAST = 2  # sections whose first line opens with the link


def _edit_links(doc: Document, skip: set[int], rule) -> Iterator[Hit]:
    """`编辑` opening the first line under each of EDIT_LINKS_LEAST headings or more (a short line
    without a sentence above it): the wiki's edit link of each section. A writer's 编辑 opening
    a sentence (编辑部认为…) does not follow every heading."""
    found = []
    previous = ""
    for i, line in enumerate(doc.lines):
        text = line.text
        if not text.strip():
            continue
        if i not in skip and (m := _EDIT_LINK.match(text)) and previous and len(previous) <= 30 \
                and not _SENTENCE.search(previous):
            found.append((line.start + m.start("link"), line.start + m.end("link")))
        previous = text.strip()
    if len(found) >= EDIT_LINKS_LEAST:
        for a, b in found:
            yield Hit(a, b, {"match": doc.text[a:b]}, Fix("", a, b), key="button")


# A line of one word of lower-case letters and figures (bauteva1zt): a picture's file name or a
# placeholder the copy kept in place of an image, not a word of any language
_PLACEHOLDER = compile_regex(r"^(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z]{3})[a-z0-9]{6,20}$")


def _placeholders(doc: Document, lines: list[str], skip: set[int], rule) -> Iterator[Hit]:
    """Two lines or more that are each one placeholder word (_PLACEHOLDER)."""
    found = [i for i, text in enumerate(lines) if text and i not in skip and _PLACEHOLDER.match(text)]
    if len(found) >= 2:
        for i in found:
            q = next(doc.paragraphs_in_line(doc.lines[i]))
            yield Hit(q.start, q.end, {"match": q.text}, delete_line_fix(doc, i, rule), key="placeholder")


# A sentence that tells what a picture shows (图为…, 下图为…, 圖為…): the picture is not in the text,
# so the sentence describes nothing there; glued after the story's last sentence or on its own line
_PICTURE_SENTENCE = compile_regex(r"(?:^|(?<=[。！？!?]))[ \t\u3000]*[上下左右]?[图圖]片?[为為][^。！？!?\n]{4,100}[。！？!?]?")


_CAPTION_CLAUSES = compile_regex(r"[，,；;]")
CAPTION_MAX_COMMAS = 2  # a caption names a scene in a clause or three; a story's sentence runs on


def _picture_sentences(doc: Document, lines: list[str], skip: set[int], rule) -> Iterator[Hit]:
    """A picture's caption sentence (_PICTURE_SENTENCE) glued after a sentence of the story, or on a
    line of its own with no paragraph of the story below it (one between two paragraphs is
    _lone_captions')."""
    for i, line in enumerate(doc.lines):
        if i in skip or ("图" not in line.text and "圖" not in line.text):
            continue
        for m in _PICTURE_SENTENCE.finditer(line.text):
            said = m.group(0).rstrip(_BLANKS)
            if said.endswith(("：", ":")) or line.text.rstrip(_BLANKS).endswith(("：", ":")) \
                    or len(_CAPTION_CLAUSES.findall(said)) > CAPTION_MAX_COMMAS:
                continue  # a report introducing its own figure below (下图为…架构：), or a story's sentence
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t\u3000"))
            if start == 0 or not line.text[:start].strip(_BLANKS):
                below = next((k for k in range(i + 1, len(lines)) if lines[k]), None)
                if below is not None and len(lines[below]) > 40:
                    continue  # between two paragraphs: a lone caption
            a, b = line.start + start, line.start + m.end()
            yield Hit(a, b, {"match": doc.text[a:b]}, Fix("", a, b), key="captions")


# A button whose closing bracket the copy lost, after the line's last sentence (…开创了新局面。【详细,
# …工作报告。【直播回放): a document closes what it opens
_OPEN_BUTTON = compile_regex(r"(?<=[。！？!?\s])[【\[［][\u4e00-\u9fff]{2,6}[ \t\u3000]*$")


def _open_buttons(doc: Document, lines: list[str], skip: set[int], rule) -> Iterator[Hit]:
    """A button left open at a line's end (_OPEN_BUTTON)."""
    for i, line in enumerate(doc.lines):
        if i in skip or ("【" not in line.text and "[" not in line.text and "［" not in line.text):
            continue
        m = _OPEN_BUTTON.search(line.text)
        if m is not None:
            a, b = line.start + m.start(), line.start + len(line.text.rstrip(_BLANKS))
            yield Hit(a, b, {"match": doc.text[a:b]}, Fix("", a, b), key="button")


# A line of an English interface (a sentence, a date, a label and its colon: Published on Sep 21,2022,
# Followers:, P:03) or one adding its Latin buttons to Chinese words (某某专辑_电子书 Read More)
_LATIN_LINE = compile_regex(r"^[^\u4e00-\u9fff]*[A-Za-z][^\u4e00-\u9fff]*$|(?:(?<![A-Za-z])[A-Za-z]{2,}(?![A-Za-z])[^\n]*?){2}")
_CJK_STOP = compile_regex(r"[。！？；，]")  # a Chinese sentence: the document's
LATIN_CHROME_MIN = 3  # Latin widgets above the body that tell its Latin lines are an interface


def _latin_chrome(doc: Document, lines: list[str], skip: set[int], first: int) -> set[int]:
    """Above the body's first Chinese sentence of a page whose top holds LATIN_CHROME_MIN Latin
    widgets or more (Like, Share, Download, Read more: the page's own evidence that an English
    interface stands there), every line in Latin letters or adding Latin words to Chinese
    ones: the interface's sentences, dates and labels (We invite you to…, Published on…,
    Followers:). A document's English title names its kind (_LATIN_TITLE) and stays."""
    widgets = [i for i in range(first) if lines[i] and i not in skip and _LATIN_WIDGET.match(lines[i])
               and not _LATIN_TITLE.search(lines[i])]
    if len(widgets) < LATIN_CHROME_MIN:
        return set()
    return {i for i in range(first) if lines[i] and i not in skip and _LATIN_LINE.search(lines[i])
            and not _LATIN_TITLE.search(lines[i]) and not _CJK_STOP.search(lines[i])}


def _bar_credits(lines: list[str], skip: set[int], last: int) -> set[int]:
    """Below the body's last sentence, runs of BAR_CREDIT_RUN lines or more each a role and a name
    split by a bar (文 字丨某办公室 / 美 编丨郭某 / 责 编丨邹某): the page's credit block."""
    out: set[int] = set()
    run: list[int] = []
    for i in [*range(last + 1, len(lines)), None]:
        if i is not None and not lines[i]:
            continue
        if i is not None and i not in skip and _BAR_CREDIT.match(lines[i]):
            run.append(i)
            continue
        if len(run) >= BAR_CREDIT_RUN:
            out.update(run)
        run = []
    return out


# A long line of a page's header: names side by side, no clause (某某市人民政府门户网站 某某局 政务公告 …的通报)
_HEADER_ROW = compile_regex(r"^(?:[^\s，,、：:]{2,40} +){2,}[^\s，,、：:]{2,40}$")


def _above_breadcrumb(doc: Document, ctx: Context, rule, paras: list[Span], line_of: list[int],
                      lines: list[str], max_len: int) -> list[Hit]:
    """Short lines above the page's breadcrumb (当前位置：首页 > …): the site's header (its name,
    the date, a section name), whatever they say; the document starts below the breadcrumb."""
    boilerplate = ctx.catalog.rules.get("KJ601")
    if boilerplate is None or boilerplate.run is None or not boilerplate.enabled or not paras:
        return []
    crumbs = [h.offset for h in rule_hits(boilerplate, doc, ctx) if h.fields.get("group") == "breadcrumb"]
    if not crumbs or crumbs[0] > paras[-1].end:
        return []  # no breadcrumb at the top of the page
    out = []
    for p, li in zip(paras, line_of):
        if p.start >= crumbs[0]:
            break
        text = lines[li]
        if not _VISIBLE.search(text) or _SENTENCE.search(text) or (len(text) > max_len and not _HEADER_ROW.match(text)):
            return []  # the page shows text above its breadcrumb: not a header
        out.append(Hit(p.start, p.end, {"match": p.text}, delete_line_fix(doc, li, rule)))
    return out


_VISIBLE = compile_regex(r"[0-9A-Za-z\u4e00-\u9fff]")
_MENU_ITEM = compile_regex(r"^[\u4e00-\u9fff]{2,5}$")
_FIGURE_CELL = compile_regex(r"^[-+]?[\d.,，%％]+\s*[\u4e00-\u9fff%％]{0,3}$")  # 16.8, 36, 3.2万亩


def _menu_runs(doc: Document, lines: list[str], skip: set[int], least: int) -> Iterator[Hit]:
    """A run of `least` or more lines of one to five Chinese characters each (核酸 / 社区 / 检测 /
    居民, 招聘 / 交友 / 二手车): a site's menu or a post's tag list, not text a document writes
    (a Word file's table cells are kept apart: this runs on text only)."""
    run: list[tuple[Span, int]] = []
    before: Span | None = None  # the paragraph before the run
    for p in doc.paragraphs + [None]:
        if p is not None and len(p.text) > 8 and not run:
            before = p
            continue  # most paragraphs: too long to be a menu item, no run to close
        li = doc.line_index(p.start) if p is not None else -1
        if p is not None and li not in skip and _MENU_ITEM.match(lines[li]) and heading_level(lines[li]) is None \
                and not _ISSUER.search(lines[li]):
            run.append((p, li))
            continue
        # Not a menu: lines that join into words (a sentence broken by a PDF: 园蓝 / 莓 / 销量达),
        # or the cells of a table flattened to lines (a 表 caption above, figures below).
        table = (before is not None and "表" in before.text) or (p is not None and _FIGURE_CELL.match(p.text))
        if len(run) > 2 and not _list_mark(doc, run[0][1]) and _list_mark(doc, run[1][1]) \
                and all(_list_mark(doc, qi) == _list_mark(doc, run[1][1]) for _, qi in run[2:]):
            run = run[1:]  # a heading above a bulleted list (工作总结 / • 政务公开 / • 通知公告): not an item of it
        if len(run) >= least and not table and not any(
                joins_into_word(a.text, b.text) for (a, _), (b, _) in zip(run, run[1:])) and not _outline_or_roll(lines, run):
            for q, qi in run:
                yield Hit(q.start, q.end, {"match": q.text}, Fix("", doc.lines[qi].start, doc.line_stop(qi)),
                          key="menu")
        run = []
        before = p


# A law's divisions, each on its own line above its caption (第一章 / 一般規定 / 第一條 / 標的及範圍)
_LEGAL_DIVISION = compile_regex(r"^第[一二三四五六七八九十百零〇\d]+[条條章节節编編篇款]$")
# A name with a person's title or office (李某議員, 王某同志): a roll of those present, no menu
_PERSON_TITLE = compile_regex(
    r"(?:議員|议员|委員|委员|代表|先生|女士|同志|主任|局長|局长|書記|书记|院長|院长|部長|部长|縣長|县长|市長|市长"
    r"|鎮長|镇长|科長|科长|處長|处长|廳長|厅长|法官|檢察官|检察官)$")


def _outline_or_roll(lines: list[str], run: list[tuple[Span, int]]) -> bool:
    """Are the short lines of a run a document's own: a law's outline (a division 第一章, 第一條
    among them, each line above its caption) or a roll of people, every name with the same title
    (李某議員 / 張某議員 / 吳某議員 under 出席委員:)?"""
    if any(_LEGAL_DIVISION.match(lines[i]) for _, i in run):
        return True
    titles = {m.group(0) if (m := _PERSON_TITLE.search(lines[i])) else None for _, i in run}
    return len(titles) == 1 and None not in titles


def _bulleted_menu(doc: Document, lines: list[str], furniture: set[int]) -> Iterator[Hit]:
    """Next to a line of known furniture that a bullet opens (• 首页), the short items bulleted as it is
    (• 政务公开 / • 通知公告): the rest of the page's menu, however few (a run of short lines needs
    four, _menu_runs)."""
    taken: set[int] = set()
    for i in sorted(furniture):
        mark = _list_mark(doc, i) if i < len(doc.lines) else ""
        if not mark:
            continue
        for step in (1, -1):
            j = i + step
            while 0 <= j < len(lines) and j not in furniture and j not in taken and (
                    not lines[j] or (_list_mark(doc, j) == mark and _MENU_ITEM.match(lines[j]))):
                if lines[j]:
                    taken.add(j)
                    p = next(doc.paragraphs_in_line(doc.lines[j]))
                    yield Hit(p.start, p.end, {"match": p.text}, Fix("", doc.lines[j].start, doc.line_stop(j)), key="menu")
                j += step


# A row of the page's menu, short names split by bars and nothing else (信息公开 | 政策文件 | 区政府文件 |).
_BAR_MENU = compile_regex(r"^(?:[\u4e00-\u9fff]{2,8}[ \t\u3000]*[|｜][ \t\u3000]*){2,}[\u4e00-\u9fff]{2,8}[ \t\u3000]*[|｜]?$")


def _bar_menu(doc: Document, lines: list[str], skip: set[int]) -> Iterator[Hit]:
    """A line of three names or more split by bars, with no figure, mark or sentence (信息公开 |
    政策文件 | 区政府文件 |, 微信 | 微博 | 抖音): the page's menu row, unless a line next to it has
    bars too (项目 | 金额 | 占比 | above a row of figures: the header of a table)."""
    if "|" not in doc.text and "｜" not in doc.text:
        return  # most texts
    shown = [i for i, text in enumerate(lines) if text]
    for k, i in enumerate(shown):
        if i in skip or _BAR_MENU.match(lines[i]) is None:
            continue
        if any("|" in lines[j] or "｜" in lines[j] for j in shown[max(0, k - 1):k] + shown[k + 1:k + 2]):
            continue  # a table's header row
        p = next(doc.paragraphs_in_line(doc.lines[i]))
        yield Hit(p.start, p.end, {"match": p.text}, Fix("", doc.lines[i].start, doc.line_stop(i)), key="menu")


# A ranked list's item: a bullet, the rank and a headline (- 1 于敏——干惊天事业…, • 10 监督下沉…).
_RANKED_ITEM = compile_regex(r"^[ \t\u3000]*[-•·*][ \t\u3000]*(\d{1,2})[ \t\u3000]+(?=\S)(?![^\n]*[。；;！!？?]$)[^\n]{2,80}$",
                             re.MULTILINE)


def _ranked_lists(doc: Document, skip: set[int], least: int = 4) -> Iterator[Hit]:
    """A run of `least` or more bulleted items ranked 1, 2, 3… whose text is a headline, not a
    sentence (- 1 于敏——干惊天事业 … - 10 监督下沉 聚焦群众…): a site's list of other articles (its
    most read, its related). A document numbers its list items (1. 2. or 1、 2、), it does not
    bullet a rank."""
    if "1" not in doc.text:
        return
    run: list[int] = []
    for m in [*_RANKED_ITEM.finditer(doc.text), None]:
        i = doc.line_index(m.start()) if m is not None else -1
        if m is not None and run and i == run[-1] + 1 and int(m.group(1)) == len(run) + 1 and i not in skip:
            run.append(i)
            continue
        if len(run) >= least:
            for qi in run:
                line = doc.lines[qi]
                yield Hit(line.start + len(line.text) - len(line.text.lstrip(_BLANKS)), line.start + len(line.text.rstrip(_BLANKS)),
                          {"match": line.text.strip(_BLANKS)}, Fix("", line.start, doc.line_stop(qi)), key="ranked")
        run = [i] if m is not None and m.group(1) == "1" and i not in skip else []


def _list_mark(doc: Document, i: int) -> str:
    """The bullet or dash line i opens with (•, ·, -, *), else the empty string."""
    text = doc.lines[i].text.lstrip(_BLANKS)
    return text[0] if text[:1] in ("•", "·", "-", "*", "–", "—", "▪", "◆", "●") and text[1:2] != text[:1] else ""


CAPTION_RUN = 3  # short lines in a row between two paragraphs of a story: its pictures' captions
_CAPTION = compile_regex(r"^[^。！？!?；;：:、《》“”()（）\[\]【】]{6,30}$")  # no sentence, list, title, quote or note in it
_CAPTION_END = compile_regex(r"[，,]$")
_HAS_DATE = compile_regex(r"\d{4}|[〇○]|\d月|\d日")
_PROSE_END = compile_regex(r"[。！？!?]$")


def _caption_runs(doc: Document, lines: list[str], skip: set[int], words: tuple[str, ...], rule) -> Iterator[Hit]:
    """Between two paragraphs of a story (each a long line ending a sentence), a run of three or
    more short lines that are not sentences, headings, dates, issuers or titles, and that do not
    join into words (组织村里老党员召开座谈会,听取他们的心声 / 烈日炎炎下到贫困户家中核实了解情况 / …):
    the captions of the story's pictures, left without them. A 落款 and a title (某某局 / 2023年2月2日 /
    …工作总结) hold an issuer, a date or a title word."""
    fits = [i for i, text in enumerate(lines) if 6 <= len(text) <= 30]  # most lines: longer or empty
    if len(fits) < CAPTION_RUN:
        return
    fits = [i for i in fits if i not in skip and _CAPTION.match(lines[i]) and heading_level(lines[i]) is None
            and not _CAPTION_END.search(lines[i]) and not _HAS_DATE.search(lines[i])
            and not _ISSUER.search(lines[i]) and not any(w in lines[i] for w in words)]
    run: list[int] = []
    for i in fits + [-1]:
        if run and i > 0 and not any(lines[k] for k in range(run[-1] + 1, i)):
            run.append(i)  # the next line with text is a caption too
            continue
        if len(run) >= CAPTION_RUN:
            before = next((lines[k] for k in range(run[0] - 1, -1, -1) if lines[k]), "")
            after = next((lines[k] for k in range(run[-1] + 1, len(lines)) if lines[k]), "")
            if (len(before) > 40 and _PROSE_END.search(before) and len(after) > 40
                    and not any(joins_into_word(lines[x], lines[y]) for x, y in zip(run, run[1:]))):
                for li in run:
                    q = next(doc.paragraphs_in_line(doc.lines[li]))
                    yield Hit(q.start, q.end, {"match": q.text}, delete_line_fix(doc, li, rule), key="captions")
        run = [i]


# A caption by its grammar, where a story's paragraph stands above it and another below: a place in
# the picture given to a person ((右二), （左一）), the photo agency's 图为…, a person named with his
# post and what he does on the picture (新闻中心主任某某作工作汇报, 某某副总裁发表讲话: no 在 or 的, which
# a speech's title has, and 作 no part of 工作), a scene (交流会现场). A heading names a subject, not a
# person at work, and no report's heading ends in 现场 between two paragraphs of a story.
_LONE_CAPTION = compile_regex(
    r"^(?:(?=[^\n]{4,80}$)[^\n]*[(（](?:左|右|中|前排|后排)[一二三四五六七八九十\d]{0,2}[)）][^\n]*"
    r"|图为[^\n]{4,118}"
    r"|(?![^\n]*[的在])[^\s，。,；;：:！？!?、《》“”()（）]{2,22}?"
    r"(?:讲话|发言|致辞|(?<!工)作[^\s，。,；;：:]{0,8}(?:汇报|报告|讲话)|主持会议)"
    r"|[\u4e00-\u9fff]{2,10}现场)$")


def _lone_captions(doc: Document, lines: list[str], skip: set[int], rule) -> Iterator[Hit]:
    """A caption alone between two paragraphs of a story (_LONE_CAPTION), its picture left out:
    the line above ends a sentence and is longer than a caption, and so is the line below (a
    caption of two lines: the first, when it is no sentence, goes with it)."""
    for i in [i for i, text in enumerate(lines) if text and _LONE_CAPTION.match(text)]:  # most texts: none
        if i in skip or heading_level(lines[i]) is not None:
            continue
        above = list(islice((k for k in range(i - 1, -1, -1) if lines[k]), 2))
        below = next((k for k in range(i + 1, len(lines)) if lines[k]), None)
        if not above or below is None or len(lines[below]) <= 40:
            continue
        first, before = i, lines[above[0]]
        if not (len(before) > 40 and _PROSE_END.search(before)) and len(above) == 2 and len(before) <= 40 \
                and not _SENTENCE.search(before) and heading_level(before) is None:
            first, before = above[0], lines[above[1]]  # the caption's first line above it
        if len(before) > 40 and _PROSE_END.search(before):
            for li in range(first, i + 1):
                if lines[li] and li not in skip:
                    q = next(doc.paragraphs_in_line(doc.lines[li]))
                    yield Hit(q.start, q.end, {"match": q.text}, delete_line_fix(doc, li, rule), key="captions")


# A news photo's caption, its picture left out: one or two sentences (or none after the ▲ that points
# at the picture) closed by the photo's credit in brackets: the photographer's 攝/摄, a 圖/ credit, an
# office that supplied it (…主持會議。(某某鎮公所提供), …出席。(記者王某攝), ▲…。(圖/某某市公所)).
_CREDITED_CAPTION = compile_regex(
    r"^(?:[▲△][^\n]{0,100}|[^\n▲△]{6,100}。)[(（](?:[圖图][ \t]*[/／:：][^()（）\n。，,]{2,16}"
    r"|[^()（）\n。，,:：]{2,14}?(?:[攝摄](?:影)?|提供))[)）]$")


def _credited_captions(doc: Document, lines: list[str], skip: set[int], rule) -> Iterator[Hit]:
    """A photo's caption with its bracketed credit (_CREDITED_CAPTION) where the story goes on below
    it (a paragraph longer than a caption ending a sentence), or under the ▲ that points at the
    picture: a credit in brackets closing the story's last paragraph, or on the line under it,
    is the story's own signature (docs/labeling.md), so nothing below the last paragraph is one."""
    found = [i for i, text in enumerate(lines) if text and text[-1] in ")）" and _CREDITED_CAPTION.match(text)]
    if not found:  # (most texts: no line ends with a bracket)
        return
    story = [i for i, text in enumerate(lines) if len(text) > 40 and _PROSE_END.search(text)]
    for i in found:
        if i in skip or (not lines[i].startswith(("▲", "△")) and not any(k > i for k in story)):
            continue
        q = next(doc.paragraphs_in_line(doc.lines[i]))
        yield Hit(q.start, q.end, {"match": q.text}, delete_line_fix(doc, i, rule), key="captions")


# The name of an issuing body on a line of its own: the first part of a title broken over lines.
_ISSUER = compile_regex(r"(?:法院|检察院|政府|委员会|常委会|人大|政协|办公厅|办公室|部|局|厅|委|院|公司|集团|大学|学校|中心)$")


# -- Markdown a Word paragraph begins with (KJ610) ------------------------------------------------

# What only Markdown writes at a paragraph's start: a heading's hashes before a numbered or short
# heading (##### 2.1.3.1 资格申诉, ## 二、总体设计) or a Markdown editor's [TOC] line. A lone `#` before a
# sentence is as often a code comment, so it is no sign on its own.
_MD_SIGN_HEADING = compile_regex(
    r"^[ \t\u3000]*(#{2,6})[ \t]+(?:\d{1,2}(?:[.．]\d{1,2})*[.．、]?[ \t]*\S|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十\d]{1,3}[章节部分]"
    r"|[^\s#。！？；，,;!?]{2,30}[ \t\u3000]*$)")
_MD_TOC = compile_regex(r"^[ \t\u3000]*\[TOC\][ \t\u3000]*$", re.IGNORECASE)
_MD_SIGN_HEADING_ANY = compile_regex(_MD_SIGN_HEADING.pattern, re.MULTILINE)
_MD_TOC_ANY = compile_regex(_MD_TOC.pattern, re.IGNORECASE | re.MULTILINE)
# The marks a paragraph may begin with in Markdown, where the file shows Markdown elsewhere: a
# heading's hashes, a list item's `* `/`- `/`+ ` (before text, not before a figure: `- 1 -` is a page
# number), a quotation's `>`, a task list's `[ ]` (after the bullet Word draws, •[ ] 项目名称).
_MD_LINE_MARK = compile_regex(
    r"^[ \t\u3000]*(?:(?P<heading>#{1,6})[ \t]+(?=\S)"
    r"|(?P<bullet>[*+-])[ \t]+(?=[\u4e00-\u9fff(（\[【“])"
    r"|(?P<quote>>)(?=[ \t\u3000]|$)"
    r"|[•·▪◦●○■□◆◇]?[ \t]*(?P<task>\[[ xX]\])[ \t]+(?=\S))")


# The language tag of a Markdown code block (```python) that a paste into Word left as a line of
# its own above the code: a fence's tag is written in lower case (a chat tool's label over the
# block, `Python`, `JavaScript`, is taken only right above a line of code; an acronym in capitals,
# `XML`, `SQL`, is as often the writer's caption). One letter (`c`, `r`), words that head other
# lines (`text`, `log`, `http`) and programs run by their name alone (`nginx`, `mysql`, `go`)
# are no sign.
_FENCE_TAGS = ("bash|sh|shell|zsh|powershell|ps1|cmd|bat|batch|python|py|python3|json|jsonc|json5|yaml|yml|toml|ini"
               "|xml|html|css|scss|less|javascript|js|typescript|ts|jsx|tsx|vue|java|kotlin|swift|cpp|c\\+\\+|csharp|cs"
               "|golang|rust|php|ruby|perl|lua|matlab|sql|plsql|plaintext|markdown|mermaid|dockerfile"
               "|makefile|cmake|gradle|groovy|scala|dart|pascal|delphi|verilog|vhdl|latex|diff|graphql"
               "|proto|protobuf|properties|arduino|asm|nasm|objectivec|vbnet|solidity")
_FENCE_TAG = compile_regex(rf"^[ \t]*(?:{_FENCE_TAGS})[ \t]*$")
_FENCE_TAG_ANY = compile_regex(rf"^[ \t]*(?:{_FENCE_TAGS})[ \t]*$", re.IGNORECASE | re.MULTILINE)
_FENCE_LABEL = compile_regex(rf"^[ \t]*(?:{_FENCE_TAGS}|c#)[ \t]*$", re.IGNORECASE)


def _fence_tags(doc: Document) -> Iterator[Hit]:
    """Lines that are a Markdown code block's language tag (`python`, `json`, `plaintext` alone on
    a line above the code) in a Word file's body: the ``` marks were dropped by the paste, the tag
    stayed. Not a table cell (a technology table's `Python`) unless it heads a code box (a table
    of one cell, a web editor's code block), and not one of a run of such lines (a list of
    languages); a tag not in lower case only right above a line of code."""
    lines = doc.lines
    technical = doc.technical_lines
    n = len(lines)
    for m in _FENCE_TAG_ANY.finditer(doc.text):
        i = doc.line_index(m.start())
        if doc.part(i) != "body" or i in technical:
            continue
        if doc.in_table(i):
            if _code_box_head(doc, i):
                start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t"))
                yield Hit(start, m.start() + len(m.group(0).rstrip(" \t")),
                          {"match": m.group(0).strip(" \t")}, key="fence")
            continue
        above = next((k for k in range(i - 1, -1, -1) if lines[k].text.strip(BLANK_CHARS)), None)
        below = next((k for k in range(i + 1, n) if lines[k].text.strip(BLANK_CHARS)), None)
        if below is None or _FENCE_LABEL.match(lines[below].text) or (
                above is not None and _FENCE_LABEL.match(lines[above].text)):
            continue
        if not _FENCE_TAG.match(lines[i].text) and (below not in technical or m.group(0).strip().isupper()):
            continue
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t"))
        end = m.start() + len(m.group(0).rstrip(" \t"))
        yield Hit(start, end, {"match": doc.text[start:end]}, key="fence")


# A Markdown code block's fence, ``` alone on a line (or with its language tag, ```java): Word has
# no such mark, so a paste from Markdown left it. Taken only as a pair, the fences opening and
# closing one block: a lone ``` line is as often a tutorial's sample of the syntax.
_FENCE_LINE = compile_regex(r"^[ \t\u3000]*```[A-Za-z0-9+#._-]{0,20}[ \t\u3000]*$", re.MULTILINE)


def _fence_lines(doc: Document) -> Iterator[Hit]:
    """The ``` lines of the Markdown code blocks a Word file's body holds, fences in pairs (an
    opening one followed by a closing one): each fence is reported."""
    if "```" not in doc.text:
        return
    found = [m for m in _FENCE_LINE.finditer(doc.text) if doc.part(doc.line_index(m.start())) == "body"]
    for opening, closing in zip(found[::2], found[1::2]):
        for m in (opening, closing):
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t\u3000"))
            end = m.start() + len(m.group(0).rstrip(" \t\u3000"))
            yield Hit(start, end, {"match": doc.text[start:end]})


def _code_box_head(doc: Document, i: int) -> bool:
    """Is line `i` the first line of a code box, a table of one cell that holds the code, as a
    web editor's code block (Yuque, Feishu, CSDN) pastes into Word, with the block's language
    tag (`Java`, `YAML`) above the code? In a box the tag is no technology table's cell, whatever
    its case: the lines of code below it are the box's. A one-cell table holding the tag alone
    (a caption's box, a label) is not."""
    from ..wordplace import table_cells

    source = doc.line_sources[i]
    table = source[:source.rindex(", row ")]
    rows = table_cells(doc).get(table, {})
    if len(rows) != 1:
        return False
    cells = next(iter(rows.values()))
    if len(cells) != 1:
        return False
    kept = [k for k in next(iter(cells.values())) if doc.lines[k].text.strip(BLANK_CHARS)]
    return len(kept) >= 3 and kept[0] == i and not _FENCE_LABEL.match(doc.lines[kept[1]].text)


@check("markdown-lines")
def markdown_lines(doc: Document, ctx: Context, rule) -> Iterator[Hit]:
    """Markdown marks that begin a Word paragraph (heading hashes, list bullets, quotation marks,
    task boxes), in a file that shows it was pasted from Markdown: its bold marks (the rule's
    patterns), a heading's hashes before a numbered or short heading, or a [TOC] line. One
    finding per run of paragraphs beginning with the same mark, the others related: the marks
    are one paste. A `# ` or `- ` alone in a file without other Markdown is left alone: a code
    comment, a hand-typed dash list. [TOC] is reported wherever it is."""
    if doc.source_format != "docx":
        return
    from ..findings import Related

    text = doc.text
    yield from _fence_tags(doc)
    yield from _fence_lines(doc)
    bold = compile_regex("|".join(f"(?:{p})" for p in rule.params.get("pattern", ())), re.MULTILINE)
    # most files show no sign at all: one scan of the whole text each, before any line is read
    if not (("[" in text and _MD_TOC_ANY.search(text)) or ("#" in text and _MD_SIGN_HEADING_ANY.search(text))
            or ("**" in text and bold.search(text))):
        return
    lines = doc.lines
    technical = doc.technical_lines
    body = [i for i, line in enumerate(lines) if doc.part(i) == "body" and i not in technical]
    toc = [i for i in body if "[" in lines[i].text and _MD_TOC.match(lines[i].text)]
    for i in toc:
        start = lines[i].start + lines[i].text.index("[")
        yield Hit(start, start + 5, {"match": text[start:start + 5]})
    if not (toc or any(_MD_SIGN_HEADING.match(lines[i].text) or bold.search(lines[i].text) for i in body)):
        return
    run: list[tuple[int, int, int]] = []  # (line, start, end) of the marks of the current run
    kind = None

    def finish() -> Iterator[Hit]:
        if not run:
            return
        start, end = run[0][1:]
        related = []
        for line, s, e in run[1:]:
            ln, col = doc.position(s)
            related.append(Related(doc.path, ln, col, _("the same Markdown mark"), s, e))
        yield Hit(start, end, {"match": text[start:end], "count": len(run)}, related=related,
                  key="lines" if len(run) > 1 else None)

    for i in body:
        line = lines[i]
        m = _MD_LINE_MARK.match(line.text) if line.text.strip(BLANK_CHARS) else None
        if m is None:
            if line.text.strip(BLANK_CHARS):  # a blank paragraph does not end a run
                yield from finish()
                run, kind = [], None
            continue
        name = m.lastgroup
        mark = m.group(name)
        if (name, mark) != kind:
            yield from finish()
            run, kind = [], (name, mark)
        s = line.start + m.start(name)
        run.append((i, s, s + len(mark)))
    yield from finish()
