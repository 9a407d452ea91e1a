"""The Document model: decoded text plus the indexes rules need (lines, paragraphs, offsets)."""
from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate, repeat
from operator import itemgetter, methodcaller
from typing import NamedTuple

from .diskcache import compile_regex

# Whitespace used in Chinese documents, including the ideographic space used for indentation.
BLANK_CHARS = " \t\r\f\v\u3000\u00a0\ufeff"
# Parts of a Word document (Document.parts) whose lines are read as the document's running text;
# the others (header, footer, footnote, endnote, comment, toc, cover) are its furniture.
READING_PARTS = frozenset({"body", "textbox", "equation"})
_LONE_CR = compile_regex(r"\r(?!\n)")


class Span(NamedTuple):
    """A half-open range [start, end) of character offsets, with the text it covers. A named
    tuple: a document's tables hold one per line and per paragraph, and `_spans` builds them
    without a Python call each."""

    start: int
    end: int
    text: str


_START = itemgetter(0)  # a Span's start


def _spans(starts, ends, texts) -> list[Span]:
    """Spans from parallel sequences, built at C speed (tuple.__new__ skips Span.__new__)."""
    return list(map(tuple.__new__, repeat(Span), zip(starts, ends, texts)))


@dataclass
class Document:
    """Decoded text of one input. Offsets everywhere are 0-based indexes into `text`.

    Lines end at '\\n' (a preceding '\\r' belongs to the line ending, so CRLF files keep their
    endings when fixed). A lone '\\r' (old Mac files) ends a line too: `text` holds '\\n' in its
    place and `source` the text as read. A paragraph is a non-blank line with its indentation
    and trailing blanks trimmed: Chinese reports put one paragraph per line and do not hard-wrap.
    """

    text: str
    path: str = "<string>"
    encoding: str = "utf-8"
    # (offset, raw byte value) of bytes that could not be decoded; each became U+FFFD in `text`.
    undecodable: list[tuple[int, int]] = field(default_factory=list)
    had_bom: bool = False
    # Set by readers of structured formats (kjlint.docx); plain text leaves the defaults.
    source_format: str = "text"  # "text" or "docx"; --fix is offered for text only
    # Per 0-based line: where it came from ("paragraph 12", "table 1, row 2, cell 3", "header (section 1)").
    line_sources: list[str] | None = None
    # 1-based line -> heading level from the paragraph style (Heading 1/标题 1 -> 1 …; Title -> 0).
    # Structure rules treat these lines as headings alongside the numbering in the text.
    style_headings: dict[int, int] = field(default_factory=dict)
    # 1-based line -> label Word generates from its list numbering ("一、", "（二）", "1."); the
    # label is already rendered at the start of that line's text.
    list_labels: dict[int, str] = field(default_factory=dict)
    # 0-based line -> the part of a Word document it comes from, for lines outside the body:
    # "header", "footer", "footnote", "endnote", "comment", "textbox", "toc" (table of contents),
    # "cover" (cover page) or "equation" (a paragraph that is only an equation). See `part`.
    parts: dict[int, str] = field(default_factory=dict)
    # [start, end) offsets of equation text (OMML) in `text`, in order: variables such as x or X
    # there are mathematics, not placeholders (see `in_math`).
    math_spans: list[tuple[int, int]] = field(default_factory=list)
    # 0-based lines of a Word document whose paragraph shows a picture, drawing or embedded object
    # (its text, if any, is the line's): a heading with a picture under it has a body.
    pictures: frozenset[int] = frozenset()
    # Comments of a Word draft: (start, end) of the text each is on, and the 0-based [first, end)
    # lines of the comment's own text (part "comment"). A comment holding a kjlint directive
    # suppresses findings in the text it is on (kjlint.suppression).
    comment_anchors: list[tuple[int, int, int, int]] = field(default_factory=list)
    # The 0-based [first, end) lines of each comment of a Word draft that opens a thread (a reply
    # to another is left out): a reviewer's note still in the file (KJ208).
    comment_threads: list[tuple[int, int]] = field(default_factory=list)
    # The text as read when it differs from `text`: there a lone CR became '\n', one character
    # for one, so offsets hold in both. Fixes are applied to it, so a file keeps its line endings.
    source: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.source is None and "\r" in self.text and _LONE_CR.search(self.text):
            self.source, self.text = self.text, _LONE_CR.sub("\n", self.text)

    @cached_property
    def _line_texts(self) -> list[str]:
        """The text between line breaks, a CR before a break included."""
        return self.text.split("\n")

    @cached_property
    def line_starts(self) -> list[int]:
        return list(accumulate(map((1).__add__, map(len, self._line_texts[:-1])), initial=0))

    @cached_property
    def lines(self) -> list[Span]:
        """Every line, without its line ending."""
        texts = self._line_texts
        if "\r" in self.text:  # CRLF endings: the CR is the line ending's
            texts = [t[:-1] if t[-1:] == "\r" else t for t in texts]
        starts = self.line_starts
        return _spans(starts, map(int.__add__, starts, map(len, texts)), texts)

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Non-blank lines with leading and trailing blanks trimmed."""
        return self._paragraph_table[0]

    @cached_property
    def paragraph_lines(self) -> list[int]:
        """The 0-based line of each of `paragraphs`, in order: known when they are made, where a
        rule walking them would bisect for each."""
        return self._paragraph_table[1]

    @cached_property
    def _paragraph_table(self) -> tuple[list[Span], list[int]]:
        starts, texts, indexes = [], [], []
        for index, (start, _, text) in enumerate(self.lines):
            stripped = text.strip(BLANK_CHARS)
            if stripped:
                starts.append(start + len(text) - len(text.lstrip(BLANK_CHARS)))
                texts.append(stripped)
                indexes.append(index)
        return _spans(starts, map(int.__add__, starts, map(len, texts)), texts), indexes

    @cached_property
    def pinyin_spans(self) -> list[tuple[int, int]]:
        """[start, end) of the pinyin annotations (總結(zǒng jié)): found once for the rules
        that report them, skip them or read the text without them."""
        from .normalize import PINYIN_ANNOTATION, TONED

        if "(" not in self.text and "（" not in self.text:
            return []
        if not any(c in self.text for c in TONED):
            return []  # each annotation has a tone mark (the pattern requires one): most texts none
        return [m.span() for m in PINYIN_ANNOTATION.finditer(self.text)]

    @cached_property
    def plain_lines(self) -> list[str]:
        """Each line (as in `lines`) in simplified script without pinyin annotations: the form
        phrase, heading and boilerplate rules compare against. Computed once per document
        rather than once per rule and line; offsets do not map into it."""
        return self.plain_text.split("\n")

    @cached_property
    def plain_text(self) -> str:
        """`plain_lines` joined by line breaks: the whole text, simplified, without pinyin
        annotations (they never span a line break) and without the CR of CRLF endings."""
        from .normalize import plain_text

        plain = plain_text(self.text) if self.pinyin_spans else self.simplified
        if "\r" in plain:
            plain = plain.replace("\r\n", "\n")
            plain = plain[:-1] if plain.endswith("\r") else plain
        return plain

    @cached_property
    def simplified(self) -> str:
        """The text in simplified script (normalize.to_simplified): the text itself, the same
        object, when no character of it converts (most documents)."""
        from .normalize import to_simplified

        return to_simplified(self.text)

    def plain(self, span: Span) -> str:
        """The plain form (see `plain_lines`) of a paragraph, or of a line without its blanks."""
        return self.plain_lines[self.line_index(span.start)].strip(BLANK_CHARS)

    def plains(self, spans: list[Span]) -> list[str]:
        """`plain` of each of `spans`, all at once: the lines' plain forms stripped once, each
        span's line found by a bisect at C speed (no Python call per span)."""
        stripped = self._stripped_plain_lines
        return list(map(stripped.__getitem__, map(bisect_right, repeat(self.line_starts), map(_START, spans))))

    @cached_property
    def _stripped_plain_lines(self) -> list[str]:
        """Each line's plain form without its blanks, after a placeholder: index i + 1 holds
        line i, so that bisect_right's result indexes it directly."""
        return ["", *map(methodcaller("strip", BLANK_CHARS), self.plain_lines)]

    @cached_property
    def technical_lines(self) -> frozenset[int]:
        """0-based indexes of lines in a technical notation (code, markup, API listings): see
        kjlint.technical."""
        from .technical import technical_lines

        return technical_lines([line.text for line in self.lines])

    @cached_property
    def form_spans(self) -> list[tuple[int, int]]:
        """[start, end) offsets of the forms, prescribed wording and defined notation the text
        publishes on purpose (masks there are slots, not values left out): see kjlint.forms."""
        from .forms import form_spans

        return form_spans(self.text)

    def in_form(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside one of `form_spans`."""
        return bool(self.form_spans) and in_spans(self.form_spans, start, end)

    def in_table(self, line_index: int) -> bool:
        """Whether 0-based line `line_index` is a cell of a Word table."""
        sources = self.line_sources
        return sources is not None and line_index < len(sources) and "table " in sources[line_index]

    def line_stop(self, index: int) -> int:
        """Offset just past 0-based line `index`, its line ending included (end of text for the
        last line): what deleting the whole line removes."""
        starts = self.line_starts
        return starts[index + 1] if index + 1 < len(starts) else len(self.text)

    def line_index(self, offset: int) -> int:
        """0-based index of the line holding `offset`."""
        return bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        offset = max(0, min(offset, len(self.text)))
        i = self.line_index(offset)
        return i + 1, offset - self.line_starts[i] + 1

    def where(self, offset: int) -> str:
        """The source location of `offset` in the original file ("" for plain text)."""
        if not self.line_sources:
            return ""
        i = self.line_index(max(0, min(offset, len(self.text))))
        return self.line_sources[i] if i < len(self.line_sources) else ""

    def part(self, line_index: int) -> str:
        """The part of the document 0-based line `line_index` belongs to: "body" for plain text
        and for the body of a Word file (paragraphs and tables), else one of the names in `parts`."""
        return self.parts.get(line_index, "body")

    def in_reading(self, line_index: int) -> bool:
        """Whether the line is part of the document's running text (body, text box, equation),
        not a header, footer, note, comment, table of contents or cover page."""
        return not self.parts or self.parts.get(line_index, "body") in READING_PARTS

    def in_math(self, start: int, end: int) -> bool:
        """Whether the text [start, end) lies inside one equation."""
        return bool(self.math_spans) and in_spans(self.math_spans, start, end)

    def line_text(self, line: int) -> str:
        """Text of a 1-based line number, without its line ending."""
        return self.lines[line - 1].text

    def paragraphs_in_line(self, line: Span):
        stripped = line.text.strip(BLANK_CHARS)
        if stripped:
            lead = len(line.text) - len(line.text.lstrip(BLANK_CHARS))
            yield Span(line.start + lead, line.start + lead + len(stripped), stripped)


def in_spans(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of `spans` (sorted, not overlapping)."""
    i = bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and end <= spans[i][1]


def display_width(text: str) -> int:
    """Terminal cells taken by `text`: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in text)
