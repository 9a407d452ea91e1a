"""The generic rule types, and what every checker shares (Hit, Context, rule_hits). Packs name a
type; kjlint.catalog builds each rule through its type, turning its parameters into a checker:

- `pattern`: regular-expression existence, with exception patterns (`exceptions`, and
  `docx-exceptions` that hold in Word files only, and `legend-exceptions` that hold in a text
  carrying a `legend`, a note explaining the sign), `docx-lone` matches that count in a Word file
  only beside another finding of the rule, and an optional fix.
- `pattern` options: `traditional: true` also matches the patterns' traditional spelling;
  `context-fields` derive message fields from the text around a match; `echo` (a mask's
  characters) also reports every other copy of a token the text already shows as a mask twice.
- `phrases`: many literal phrases found in one Aho-Corasick pass (optionally also in traditional
  script, at line starts only, or covering the whole line with a delete-line fix: scope `line`
  when the phrase starts the line, `line-containing` when it is anywhere in it).
- `sections` (required sections for the document's profile: 工作总结, 工作计划…) and `builtin` (a
  named check written in Python for what needs an algorithm) run kjlint.checks, which use this
  module: kjlint.catalog names all four.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator

from .packs import Catalog, PackError, Rule, _as_list, compile_pattern, parse_text, rule_where
from .document import BLANK_CHARS, Document, display_width
from .findings import Fix, Related
from .diskcache import (after_chars, anchored_finditer, compile_regex, fast_finditer, file_key, finditer_alternatives,
                        first_chars, line_anchored, load_or_build_item, required_chars)
from .i18n import _, pick
from .technical import between_han, glued_to_han, in_worded_string


@dataclass
class Hit:
    """What a checker reports; the engine turns it into a Finding with positions."""

    offset: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict)
    fix: Fix | None = None
    related: list[Related] = field(default_factory=list)
    message: str | None = None  # overrides the rule's template when set
    key: str | None = None  # the rule's template of that key (`messages:` in its pack) instead of `message`


@dataclass
class Context:
    """Run-wide settings and per-document memo shared by checkers."""

    catalog: Catalog
    profile: str | None = None  # forced profile name; None = detect from the title
    required_sections: list[dict] | None = None  # overrides the profile's sections
    options: dict[str, Any] = field(default_factory=dict)  # e.g. reference directories for KJ1
    memo: dict[str, Any] = field(default_factory=dict)  # cleared for every document


Checker = Callable[[Document, Context], Iterable[Hit]]


def rule_hits(rule: Rule, doc: Document, ctx: Context) -> list[Hit]:
    """A rule's hits on the document, computed once per document: the engine and rules that
    consult other rules (truncation skips lines flagged as boilerplate) share them."""
    key = ("hits", rule.code)
    hits = ctx.memo.get(key)
    if hits is None:
        if doc.source_format in (rule.params.get("skip-source-formats") or ()) or (
                doc.source_format not in (rule.params.get("source-formats") or (doc.source_format,))):
            # e.g. a sharing site's page numbers and a web page's markup: no Word file has them;
            # a paragraph mark inside a sentence: only a Word file has paragraph marks
            hits = []
        else:
            hits = list(rule.run(doc, ctx))
        if doc.math_spans and rule.code.startswith(MATH_EXEMPT):
            hits = [h for h in hits if not doc.in_math(h.offset, h.end)]
        if hits and rule.code.startswith(MATH_EXEMPT):
            arguments = function_arguments(doc, ctx)
            if arguments:
                hits = [h for h in hits if doc.text[h.offset:h.end] not in arguments]
        exempt = (PART_EXEMPT.get(rule.code) or PART_EXEMPT.get(rule.code[:3])) if doc.parts else None
        if exempt:
            hits = [h for h in hits if doc.part(doc.line_index(h.offset)) not in exempt]
        if hits and rule.code.startswith(FORM_EXEMPT):
            hits = [h for h in hits if not doc.in_form(h.offset, h.end)]
        if hits and rule.code.startswith(TECHNICAL_EXEMPT):
            technical = doc.technical_lines
            if technical:
                # a mask glued to a Chinese word is judged where it stands; a repeated line, an
                # emoji or Markdown in a program's string is the program's, wherever it is glued
                mask = rule.code.startswith("KJ2")
                hits = [h for h in hits if doc.line_index(h.offset) not in technical
                        or (mask and (glued_to_han(doc.text, h.offset, h.end)
                                      or in_worded_string(doc.text, h.offset, h.end)))]
        inside = rule.params.get("skip-inside") if hits else None
        if inside:
            # a hit inside what another rule reports is that rule's defect, reported once (a title
            # repeated at the top is KJ607's, not a duplicated paragraph). A mask must join two
            # words there: in a site's header or injected spam, that underscore is the site's title
            # separator (金沙城中心赌场_澳门金沙官网, 管理辦法_第1頁); a blank in a figure or a date
            # there (an editor's blurb quoting the text: 工作总结20_年) is still the text's
            mask = rule.code.startswith("KJ2")
            spans = [(h.offset, h.end) for code in inside
                     if (other := ctx.catalog.rules.get(code)) is not None and other.run is not None
                     and other.enabled for h in rule_hits(other, doc, ctx)]
            hits = [h for h in hits if not ((not mask or between_han(doc.text, h.offset, h.end))
                                            and any(s <= h.offset and h.end <= e for s, e in spans))
                    and not (mask and h.end - h.offset == 1 and doc.text[h.offset] == "_"
                             and any(h.offset == e or h.end == s for s, e in spans))]
            # (a lone _ glued to such a span joins the spam's words: 澳门皇冠体育_中国竞彩网, the site's
            # name put in place of a city's, reported as 皇冠体育)
        inside = rule.params.get("skip-symbols-inside") if hits else None
        if inside:
            # a span of symbols alone, two kinds of them at least, that another rule reports (a
            # forum's anti-copy junk run, @**%*) holds no mask and no figure's percent sign; a run
            # of one symbol (a line of ******) may be the mask itself
            spans = [(h.offset, h.end) for code in inside
                     if (other := ctx.catalog.rules.get(code)) is not None and other.run is not None
                     and other.enabled for h in rule_hits(other, doc, ctx)
                     if not any(c.isalnum() for c in doc.text[h.offset:h.end])
                     and len(set(doc.text[h.offset:h.end]) - set(" \t\u3000")) >= 2]
            hits = [h for h in hits if not any(s <= h.offset and h.end <= e for s, e in spans)]
        ctx.memo[key] = hits
    return hits


# A function of one letter's argument written out in the text: pdata(x), fx(x), p(.|x), P(A|B, x).
_ARGUMENT = compile_regex(r"(?<![A-Za-z])[A-Za-z]{1,6}\((?:[^()\n]{0,6}[|,，;])?[ \t]*([A-Za-z])[ \t]*\)")


def function_arguments(doc: Document, ctx: Context) -> frozenset[str]:
    """Letters the document writes as a function's argument (`x服从pdata(x)分布`, `如果p(.|x)中最大值…`):
    the text does mathematics with them, so each such letter standing alone elsewhere in it
    (`样本x通过判别器`, `系统使用x来更新`) is that variable, not a mask (memoized)."""
    found = ctx.memo.get("function-arguments")
    if found is None:
        found = ctx.memo["function-arguments"] = frozenset(m.group(1) for m in _ARGUMENT.finditer(doc.text)) \
            if "(" in doc.text else frozenset()
    return found


# Rule families that do not judge the text of an equation in a Word file (Document.math_spans):
# x, X and * there are variables and operators, not placeholders.
MATH_EXEMPT = ("KJ2",)
# Rule families that do not judge some parts of a Word file (Document.parts): the page numbers
# and running titles of headers and footers, the entries of a table of contents (标题…页码) and a
# cover page are the document's own furniture, not a web site's (KJ6 contamination).
# A blank in a header or footer (KJ204) is the tab and spaces that align a running title.
PART_EXEMPT = {"KJ6": frozenset({"header", "footer", "toc", "cover"}), "KJ204": frozenset({"header", "footer"})}
# Rules that do not judge a line in a technical notation (Document.technical_lines: code, markup,
# API listings): an x or a * there is a variable, an axis or a wildcard (unless it is glued to a
# Chinese word: `*万元` stays a mask), lines of a listing that differ in one identifier are
# parallel entries, not a repeated passage, and a program's `**kwargs` or emoji in its strings
# are its own, as a template engine's `{{msg}}` or a block `{成功的函数}` in a code line (KJ205); a code
# line is no heading, empty or not (a listing's `6.` is its empty line 6). A diagram drawn with ASCII
# boxes is technical too: a caption in a box (`|  （输入用户信息并保存）  |`) is no slot.
# The lines of an SQL statement are no sentence broken by a paragraph mark (KJ413).
TECHNICAL_EXEMPT = ("KJ1", "KJ201", "KJ202", "KJ205", "KJ303", "KJ413", "KJ610", "KJ704")
# Rules that do not judge the forms a text publishes on purpose (Document.form_spans: a 文书样式
# attached to a regulation, a procurement document's reply forms, wording a provision
# prescribes, a code format it defines): a mask or a bracketed slot there is left for whoever
# fills in the form, a section under its heading is theirs to write (KJ303), and each form
# repeats its signature block and notes by design (KJ1).
FORM_EXEMPT = ("KJ1", "KJ2", "KJ303")


class _SafeDict(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def format_message(template: str, fields: dict[str, Any]) -> str:
    """The template filled in; a field given per language ({zh: …, en: …}, such as a context
    field's value) in the language in use."""
    return template.format_map(_SafeDict({k: pick(v) for k, v in fields.items()}))


def _where(rule: Rule, fieldname: str) -> str:
    """`house.yaml: rule KJ901: field 'params.pattern'`, the start of an error (language in use)."""
    return _("{where}: field '{field}'").format(where=rule_where(rule.source, rule.code), field=f"params.{fieldname}")


def _flags(rule: Rule) -> int:
    return re.IGNORECASE if rule.params.get("ignorecase") else 0


def _patterns(rule: Rule, key: str, required: bool) -> list[str]:
    value = rule.params.get(key)
    if value is None:
        if required:
            raise PackError(_("{where}: field '{field}' is missing").format(
                where=rule_where(rule.source, rule.code), field=f"params.{key}"))
        return []
    return _as_list(value, rule_where(rule.source, rule.code), f"params.{key}")


def delete_line_fix(doc: Document, index: int, rule: Rule) -> Fix | None:
    """The fix that deletes 0-based line `index` with its line ending, as the rule offers it."""
    if rule.fixable == "none":
        return None
    return Fix("", doc.lines[index].start, doc.line_stop(index), safe=rule.fixable != "unsafe")


def reported_span(m: re.Match) -> tuple[int, int]:
    """The part of a match a finding covers: the group named `report` when the pattern has one
    and it took part (context such as "on a short line without a sentence" can then be matched
    without being reported), else the whole match."""
    if "report" in m.re.groupindex and m.start("report") >= 0:
        return m.span("report")
    return m.span()


def annotation_free_view(doc: Document, ctx: Context) -> tuple[str, list[int]] | None:
    """The document's text without pinyin annotations and, for each of its characters, the
    offset in doc.text (memoized); None when the text has no annotation."""
    key = "annotation-free-view"
    if key not in ctx.memo:
        view = None
        if doc.pinyin_spans:
            kept, where, at = [], [], 0
            for start, end in doc.pinyin_spans:
                kept.append(doc.text[at:start])
                where.extend(range(at, start))
                at = end
            kept.append(doc.text[at:])
            where.extend(range(at, len(doc.text)))
            view = ("".join(kept), where)
        ctx.memo[key] = view
    return ctx.memo[key]


def _build_fix(rule: Rule, m: re.Match) -> Fix | None:
    spec = rule.params.get("fix")
    if not spec:
        return None
    # `groups` maps a named group of a pattern to its own replacement: what a match means
    # depends on which alternative found it (a stray `l` is deleted, an `l` in a figure is a 1).
    replacement = next((value for name, value in (spec.get("groups") or {}).items()
                        if m.re.groupindex.get(name) and m.group(name) is not None), None)
    if replacement is None:
        replacement = m.expand(spec.get("replacement", ""))
    return Fix(replacement, m.start(), m.end(), safe=bool(spec.get("safe", rule.fixable == "safe")))


def _written_and_traditional(rule: Rule, key: str) -> list[tuple[str, str]]:
    """(pattern as the pack wrote it, pattern as it runs) for an optional list of patterns."""
    written = _patterns(rule, key, False)
    return list(zip(written, _with_traditional(rule, written)))


def _with_traditional(rule: Rule | None, patterns: list[str]) -> list[str]:
    """With `traditional: true` (or rule None), every Chinese character in a pattern also
    matches its traditional form: `页` becomes `[页頁]` (or `页頁` inside a character class), so
    negated classes and lookbehinds keep their meaning in both scripts."""
    if rule is not None and not rule.params.get("traditional"):
        return patterns
    if not patterns:
        return []
    import hashlib

    # kept on disk: converting ~700 patterns character by character was ~2.6 ms of each start
    digest = hashlib.blake2b("\x1f".join(patterns).encode("utf-8"), digest_size=16).hexdigest()
    return load_or_build_item("traditional-patterns", digest, _traditional_key(),
                              lambda: _traditional_patterns(patterns), keep=1024)


@lru_cache(maxsize=None)
def _traditional_key() -> tuple:
    """What a stored _with_traditional depends on: the conversion, and the code below."""
    from .normalize import conversion_key

    return conversion_key(), file_key(__file__)


def _traditional_patterns(patterns: list[str]) -> list[str]:
    """_with_traditional's conversion, made when no stored one is found."""
    from .normalize import to_traditional

    out = []
    for pattern in patterns:
        chars, in_class, escaped = [], False, False
        for ch, t in zip(pattern, to_traditional(pattern)):  # character for character
            if escaped:
                chars.append(ch)
                escaped = False
            elif ch == "\\":
                chars.append(ch)
                escaped = True
            elif ch == "[" and not in_class:
                chars.append(ch)
                in_class = True
            elif ch == "]" and in_class:
                chars.append(ch)
                in_class = False
            elif t != ch:
                chars.append(ch + t if in_class else f"[{ch}{t}]")
            else:
                chars.append(ch)
        out.append("".join(chars))
    return out


@dataclass
class _ContextField:
    """A message field whose value depends on the text around a match (`context-fields`).

    Each case may test `match` (the matched text), `before` (the text just before, anchored at
    its end) and `after` (the text just after, anchored at its start), in either script; the
    first case whose tests all pass gives the value, else `default`."""

    name: str
    default: Any  # a value is a string or {zh: …, en: …}: it ends up in a message
    cases: list[tuple[re.Pattern | None, re.Pattern | None, re.Pattern | None, Any]]
    window: int = 12

    def value(self, text: str, start: int, end: int) -> Any:
        before = text[max(0, start - self.window):start]
        after = text[end:end + self.window]
        match = text[start:end]
        for m_re, b_re, a_re, value in self.cases:
            if m_re and not m_re.search(match):
                continue
            if b_re and not b_re.search(before):
                continue
            if a_re and not a_re.match(after):
                continue
            return value
        return self.default


def _context_fields(rule: Rule) -> list[_ContextField]:
    raw = rule.params.get("context-fields") or []
    where = _where(rule, "context-fields")
    if not isinstance(raw, list):
        raise PackError(_("{where} must be a list of {{name, default, cases}}").format(where=where))
    out = []
    for i, spec in enumerate(raw):
        if not isinstance(spec, dict) or "name" not in spec or not isinstance(spec.get("cases", []), list):
            raise PackError(_("{where}[{index}] needs 'name' and a list 'cases'").format(where=where, index=i))
        cases = []
        for j, case in enumerate(spec.get("cases", [])):
            if not isinstance(case, dict) or "value" not in case:
                raise PackError(_("{where}[{index}].cases[{case}] needs 'value'").format(where=where, index=i, case=j))
            m_re, b_re, a_re = (
                compile_pattern(_with_traditional(None, [f"(?:{case[k]})$" if k == "before" else case[k]])[0],
                                f"{where}[{i}].cases[{j}].{k}")
                if case.get(k) else None
                for k in ("match", "before", "after"))
            cases.append((m_re, b_re, a_re, parse_text(case["value"], f"{where}[{i}].cases[{j}]", "value",
                                                       rule.builtin)))
        default = parse_text(spec["default"], f"{where}[{i}]", "default", rule.builtin) if "default" in spec else ""
        out.append(_ContextField(str(spec["name"]), default, cases, int(spec.get("window", 12))))
    return out


# Characters most Chinese documents hold, most frequent first: a test for a set of characters
# looks for these first.
_COMMON = "，。、：（） :().．\u3000eaoilnt"


def _has_any(chars: str) -> Callable[[str], bool]:
    """A test whether a text holds one of `chars`. For a few characters, one `in` each (CPython's
    memchr-like search, about 4x the speed of a regex class scan, which matters when none is
    there: `*`, `_`, `□` in most documents), common ones first so that a set holding one stops
    at once; a regex class scan for more."""
    if len(chars) > 8:
        return compile_regex(f"[{re.escape(chars)}]").search
    ordered = sorted(chars, key=lambda c: _COMMON.find(c) % (len(_COMMON) + 1))
    return lambda text: any(c in text for c in ordered)


_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
                   "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ")
_JOINERS = frozenset("-./_")
_TEXT_SIDE = compile_regex(r"[\u4e00-\u9fff\u3001-\u3011\uff01-\uff1f0-9０-９%％‰]")


def mask_echoes(text: str, reported: list[tuple[int, int]], chars: str,
                excluded: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Other copies of a mask token (`xxxx`, `**`, `__`) that the text already shows as a mask at
    least twice. A page masks one way throughout, so a copy in a position the patterns do not
    know (`GDPxxxx万元`, `、**、`, `回望20__，`, `x‰`) is the same mask. A copy counts where it is
    a whole run of the mask characters beside text (a Chinese character or mark, a digit, %),
    not inside a Latin word (a letter beside it only in the other case: GDPxxxx, not Linux) and,
    for a single character, with no letter or digit beside it (3x3, a_b, 2*3)."""
    seen: dict[str, int] = {}
    for start, end in reported:
        token = text[start:end]
        if all(c in chars for c in token):
            seen[token] = seen.get(token, 0) + 1
    taken = list(reported) + list(excluded)
    out: list[tuple[int, int]] = []
    for token, count in seen.items():
        if count < 2:
            continue
        i = text.find(token)
        while i != -1:
            j = i + len(token)
            before, after = text[i - 1] if i else "\n", text[j] if j < len(text) else "\n"
            # past a joiner, a Latin word joined to it makes a term (x-pitch, a.x), not a mask;
            # a figure does not (1.×亿千瓦)
            beyond = (text[i - 2] if i > 1 and before in _JOINERS else "",
                      text[j + 1] if j + 1 < len(text) and after in _JOINERS else "")
            if (before not in chars and after not in chars
                    and (_TEXT_SIDE.match(before) or _TEXT_SIDE.match(after))
                    and all(_echo_side(token, c) for c in (before, after)) and not any(c in _LATIN for c in beyond)
                    and not any(s < j and i < e for s, e in taken)):
                out.append((i, j))
            i = text.find(token, j)
    return sorted(out)


def _echo_side(token: str, c: str) -> bool:
    """Whether `c` beside a copy of `token` leaves it a mask of its own (see mask_echoes)."""
    if len(token) == 1:
        return c not in _LATIN and not c.isdigit()
    if c not in _LATIN:
        return True
    letters = [ch for ch in token if ch in _LATIN]
    return bool(letters) and all(ch.islower() != c.islower() for ch in letters)


def pads_a_column(text: str, start: int, end: int) -> bool:
    """Whether the blanks text[start:end] pad a column typed with spaces: the lines around it
    (a run of them, each next to the other) have blanks ending at the same display column with
    the same words after them, one at least after text of another width (`汽车工程        期刊，…` /
    `传感技术学报    期刊，…`: a reference list laid out as a table). A value left out leaves its
    gap where its own line needs it, not in step with its neighbours'."""
    gap = text[start:end]
    if len(gap) < 2 or gap.strip(BLANK_CHARS):
        return False
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    after = text[end:min(end + 2, hi)]
    if len(after) < 2 or not after.strip(BLANK_CHARS):
        return False
    column, before = display_width(text[lo:end]), display_width(text[lo:start])

    def in_step(a: int, b: int) -> int | None:  # the width before the line's matching gap, if any
        line = text[a:b]
        for m in _BLANK_RUN.finditer(line):
            if line[m.end():m.end() + 2] == after and display_width(line[:m.end()]) == column:
                return display_width(line[:m.start()])
        return None

    a = lo  # lines above
    while a > 0:
        a, b = text.rfind("\n", 0, a - 1) + 1, a - 1
        width = in_step(a, b)
        if width is None:
            break
        if width != before:
            return True
    b = hi  # lines below
    while b < len(text):
        a = b + 1
        b = text.find("\n", a)
        b = len(text) if b < 0 else b
        width = in_step(a, b)
        if width is None:
            break
        if width != before:
            return True
    return False


_BLANK_RUN = compile_regex(r"[ \t\u3000]{2,}")


def build_pattern(rule: Rule, catalog: Catalog) -> Checker:
    flags = _flags(rule) | re.MULTILINE
    written = _patterns(rule, "pattern", True)
    patterns = _with_traditional(rule, written)
    for shown, pattern in zip(written, patterns):  # each pattern judged, and named, on its own
        compile_pattern(pattern, _where(rule, "pattern"), flags, shown)
    combined = "|".join(f"(?:{p})" for p in patterns)
    regex = compile_regex(combined, flags)
    # A document without any character the pattern needs is skipped after one fast scan, and
    # the pattern is only tried where one of the characters it starts with occurs.
    needed = required_chars(combined, flags)
    precheck = _has_any(needed) if needed else None
    if all(p.startswith("\\A") for p in patterns):  # the start of the text only (a file name on line 1)
        matches: Callable[[str], Iterable[re.Match]] = lambda text: filter(None, [regex.match(text)])
    elif line_anchored(combined, flags):  # tried after each line break only
        matches = after_chars(combined, flags)
    elif len(patterns) > 1 and not first_chars(combined, flags) and any(first_chars(p, flags) for p in patterns):
        matches = finditer_alternatives(tuple(patterns), flags)
    else:
        matches = anchored_finditer(tuple(patterns), flags) or fast_finditer(regex)
    exceptions = [compile_pattern(p, _where(rule, "exceptions"), flags, shown)
                  for shown, p in _written_and_traditional(rule, "exceptions")]
    # Exceptions for one source format only: `docx-exceptions` hold in a Word file (a form's
    # signature and date blanks are its design there, a value left out in a published text).
    format_exceptions = {fmt: [compile_pattern(p, _where(rule, f"{fmt}-exceptions"), flags, shown)
                               for shown, p in _written_and_traditional(rule, f"{fmt}-exceptions")]
                         for fmt in ("docx",) if rule.params.get(f"{fmt}-exceptions")}
    # Exceptions that hold only in a text that explains its sign (`legend`): a document saying
    # `（* 表示留待以后完成）` or `带*为必填项` uses a `*` after a term as that marker, not as a mask.
    legend = [compile_pattern(p, _where(rule, "legend"), flags, shown)
              for shown, p in _written_and_traditional(rule, "legend")]
    legend_exceptions = [compile_pattern(p, _where(rule, "legend-exceptions"), flags, shown)
                         for shown, p in _written_and_traditional(rule, "legend-exceptions")]
    # Matches that count in a file of one format only beside another finding of the rule
    # (`docx-lone`: a pattern matching a finding where it stands, lookarounds judged in the
    # text): in a Word file a single x is a mask only where the file masks with x elsewhere
    # (xx, XXX) or a counter follows it (x家); alone it is a variable, a coordinate, a sign.
    format_lone = {fmt: [compile_pattern(p, _where(rule, f"{fmt}-lone"), flags, shown)
                         for shown, p in _written_and_traditional(rule, f"{fmt}-lone")]
                   for fmt in ("docx",) if rule.params.get(f"{fmt}-lone")}
    if bool(legend) != bool(legend_exceptions):
        raise PackError(_("{where}: fields 'params.legend' and 'params.legend-exceptions' go together").format(
            where=rule_where(rule.source, rule.code)))
    context_fields = _context_fields(rule)
    echo = "".join(_as_list(rule.params.get("echo") or [], rule_where(rule.source, rule.code), "params.echo"))
    fix = rule.params.get("fix")
    if fix is not None and not isinstance(fix, dict):
        raise PackError(_("{where} must be a mapping with 'replacement'").format(where=_where(rule, "fix")))
    column_padding = bool(rule.params.get("column-padding-exception"))

    def hits_in(text: str, source_format: str) -> Iterator[tuple[int, int, dict, Fix | None]]:
        if precheck is not None and not precheck(text):
            return
        found = [m for m in matches(text) if m.start() != m.end()]
        if not found:
            return  # most documents: no exception needs to be searched for
        excluded: list[tuple[int, int]] = []
        active = exceptions + format_exceptions.get(source_format, [])
        if legend and any(lg.search(text) for lg in legend):  # searched only once something is found
            active = active + legend + legend_exceptions  # the legend's own sign is no finding either
        for ex in active:
            excluded.extend(m.span() for m in ex.finditer(text))
        excluded.sort()
        reported: list[tuple[int, int]] = []
        j = 0
        for m in found:
            # Skip matches that lie inside an exception match (both lists are in offset order).
            while j < len(excluded) and excluded[j][1] <= m.start():
                j += 1
            k, covered = j, False
            while k < len(excluded) and excluded[k][0] <= m.start():
                if excluded[k][1] >= m.end():
                    covered = True
                    break
                k += 1
            if covered:
                continue
            start, end = reported_span(m)
            if column_padding and pads_a_column(text, start, end):
                continue
            fields = {"match": text[start:end]}
            fields.update({k2: v for k2, v in m.groupdict().items() if v is not None})
            for cf in context_fields:
                fields[cf.name] = cf.value(text, start, end)
            reported.append((start, end))
            yield start, end, fields, _build_fix(rule, m), _message_key(m)
        if echo:
            for start, end in mask_echoes(text, reported, echo, excluded):
                fields = {"match": text[start:end]}
                for cf in context_fields:
                    fields[cf.name] = cf.value(text, start, end)
                yield start, end, fields, None, None

    # A named group that is also a key of the rule's `messages` picks that template when it
    # matched: one rule, several alternatives, each worded for what it finds.
    keyed = [name for name in regex.groupindex if name in rule.messages]

    def _message_key(m: re.Match) -> str | None:
        # (a match of one alternative tried on its own holds only that alternative's groups)
        return next((name for name in keyed if name in m.re.groupindex and m.group(name) is not None), None)

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        found = found_in(doc, ctx)
        lone = format_lone.get(doc.source_format)
        if lone:
            found = list(found)
            if all(any((m := p.match(doc.text, h.offset)) is not None and m.end() == h.end for p in lone)
                   for h in found):
                return  # only lone ones: nothing in the file masks so
        yield from found

    def found_in(doc: Document, ctx: Context) -> Iterator[Hit]:
        spans = []
        for start, end, fields, fix, key in hits_in(doc.text, doc.source_format):
            spans.append((start, end))
            yield Hit(start, end, fields, fix, key=key)
        # Pages that annotate characters with pinyin (繼續(xù)閱讀) hide every phrase from the
        # patterns: they are also tried on the text without the annotations, positions mapped
        # back (no fix there: a replacement was written for the text the pattern saw).
        view = annotation_free_view(doc, ctx)
        if view is None:
            return
        plain, where = view
        for start, end, fields, _, key in hits_in(plain, doc.source_format):
            lo, hi = max(start - 1, 0), min(end, len(where) - 1)
            if where[hi] - where[lo] == hi - lo:
                continue  # no annotation inside or next to it: the text as written was judged above
            # (an annotation next to the match hid the character a lookbehind or lookahead needs:
            # 總結(jié)范文 is a sales word after a title's last word)
            start, end = where[start], where[end - 1] + 1
            if not any(s < end and start < e for s, e in spans):
                fields["match"] = doc.text[start:end]
                yield Hit(start, end, fields, None, key=key)

    return check


def build_phrases(rule: Rule, catalog: Catalog) -> Checker:
    import ahocorasick

    from .normalize import to_traditional

    phrases = _patterns(rule, "phrases", True)
    if rule.params.get("traditional", True):
        phrases = phrases + [to_traditional(p) for p in phrases]
    ignorecase = bool(rule.params.get("ignorecase"))
    automaton = ahocorasick.Automaton()
    for p in set(phrases):
        if not p:
            raise PackError(_("{where} contains an empty phrase").format(where=_where(rule, "phrases")))
        key = p.lower() if ignorecase else p
        automaton.add_word(key, (len(key), p))
    automaton.make_automaton()
    scope = rule.params.get("scope", "anywhere")
    if scope not in ("anywhere", "line-start", "line", "line-containing"):
        raise PackError(_("{where} must be anywhere, line-start, line or line-containing").format(
            where=_where(rule, "scope")))
    max_line = int(rule.params.get("max-line-length", 0) or 0)

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.text.lower() if ignorecase else doc.text
        last_line = -1
        for end_idx, (length, phrase) in automaton.iter_long(text):
            start = end_idx - length + 1
            if scope == "anywhere":
                yield Hit(start, end_idx + 1, {"match": doc.text[start:end_idx + 1], "phrase": phrase})
                continue
            li = doc.line_index(start)
            line = doc.lines[li]
            if scope != "line-containing" and line.text[: start - line.start].strip(BLANK_CHARS + "-*#>•·"):
                continue  # not at the start of its line
            if scope == "line-start":
                yield Hit(start, end_idx + 1, {"match": doc.text[start:end_idx + 1], "phrase": phrase})
                continue
            if li == last_line or (max_line and len(line.text.strip(BLANK_CHARS)) > max_line):
                continue
            last_line = li
            yield Hit(line.start, line.end, {"match": line.text.strip(BLANK_CHARS), "phrase": phrase},
                      delete_line_fix(doc, li, rule))

    return check


COMMENT_EXAMPLE = "批注："  # a line of a Word-only rule's example that is a review comment


def example_document(rule: Rule, example: str, path: str) -> Document:
    """A rule's example as a file of the first kind the rule judges. A Word-only rule's example
    is written as the Word reader gives the file: its paragraphs, then each comment on a line of
    its own starting `批注：`."""
    fmt = (rule.params.get("source-formats") or ["text"])[0]
    if fmt != "docx" or COMMENT_EXAMPLE not in example:
        return Document(example, path=path, source_format=fmt)
    lines = example.split("\n")
    comments = [i for i, line in enumerate(lines) if line.startswith(COMMENT_EXAMPLE)]
    return Document(example, path=path, source_format=fmt, parts={i: "comment" for i in comments},
                    comment_threads=[(i, i + 1) for i in comments])


def verify_rule_examples(rule: Rule, catalog: Catalog) -> None:
    """A rule must flag each of its bad examples and none of its good ones."""
    for kind, examples in (("bad", rule.bad), ("good", rule.good)):
        for i, example in enumerate(examples):
            doc = example_document(rule, example, f"<{rule.code} {kind} example>")
            try:
                hits = list(rule.run(doc, Context(catalog)))
            except Exception as exc:  # a crashing rule is a broken pack, say where
                problem = (_("{where}: bad example #{number} crashed the rule: {problem}") if kind == "bad" else
                           _("{where}: good example #{number} crashed the rule: {problem}"))
                raise PackError(problem.format(where=rule_where(rule.source, rule.code), number=i + 1,
                                               problem=repr(exc))) from exc
            if kind == "bad" and not hits:
                raise PackError(_("{where}: field 'examples.bad' #{number} does not trigger the rule: {text}").format(
                    where=rule_where(rule.source, rule.code), number=i + 1, text=repr(example[:60])))
            if kind == "good" and hits:
                raise PackError(_("{where}: field 'examples.good' #{number} triggers the rule at {offset}: "
                                  "{text}").format(where=rule_where(rule.source, rule.code), number=i + 1,
                                                   offset=hits[0].offset, text=repr(example[:60])))
