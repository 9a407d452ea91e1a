"""Review copies of Word drafts: findings as Word comments, fixes as tracked changes.

A drafter works in Word (or WPS): the natural way to hand findings back is Word's own review
features. `review_copy` writes, from a draft's bytes and its findings, a copy in which

- each finding is a comment (author `kjlint`) anchored on exactly the flagged text, across runs
  of different formatting and inside tables; findings in headers, footers and comments (where
  Word allows no comment) and findings about the whole document (a missing section) go into one
  comment on the title;
- each fix is a tracked change (`w:del` / `w:ins`, author `kjlint`) the drafter accepts or
  rejects in the Review pane: a replacement inside a paragraph, or whole paragraphs deleted.
  A fix that cannot be one (it touches a list number Word generates, an equation, or part of a
  paragraph and the next) is left out and its finding stays a finding (a comment, when asked).

Offsets of findings are mapped back to the runs they came from through the reader's record of
every piece of text (kjlint.docx.SourceLine). Runs are split where a comment or a change begins
or ends, each part keeping the run's formatting. Only the parts that change are rewritten (the
main document, a footnotes part holding a change, the comments part, the relationships and
content types when a comments part is added); every other part of the package is copied byte
for byte, so styles, numbering, images, headers, footers, existing comments and existing
tracked changes survive.
"""
from __future__ import annotations

import copy
import io
import os
import re
import posixpath
import zipfile
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import datetime, timezone

from lxml import etree

from .document import Document
from .docx import REVIEW_AUTHOR, W, W_NS, DocxSource, SourceLine
from .findings import Finding
from .i18n import _

AUTHOR = REVIEW_AUTHOR
INITIALS = "KJ"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Findings about the whole document: they go into the comment on the title.
DOCUMENT_LEVEL = frozenset({"missing-required-section", "carried-over-summary"})
# Parts of a draft where Word allows no comment (and kjlint writes no change).
NO_COMMENT_PARTS = frozenset({"header", "footer", "comment"})
# Notes and text boxes: Word allows comments in them, LibreOffice cannot open a file with a comment
# in a note; a finding there is commented on the note's reference mark or on the text box's
# anchor in the body, and a fix there is no tracked change.
NOTE_PARTS = {"footnote": "footnoteReference", "endnote": "endnoteReference", "textbox": ""}
# Elements a tracked change wraps around runs; comment marks go outside them.
TRACKED = frozenset({W + "ins", W + "del", W + "moveTo", W + "moveFrom"})
# Containers of runs inside a paragraph (hyperlinks, content controls, smart tags, fields).
RUN_CONTAINERS = frozenset({W + "hyperlink", W + "smartTag", W + "ins", W + "moveTo", W + "customXml",
                            W + "sdt", W + "sdtContent", W + "fldSimple"})
# Run content that a deleted paragraph keeps: a picture or a text box is no text to delete.
DRAWINGS = frozenset({W + "drawing", W + "pict", W + "object",
                      "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"})
SHOWN = 30  # characters of flagged text quoted in a comment


@dataclass
class Review:
    """A review copy: its bytes, and what went into it."""

    data: bytes
    comments: int = 0  # Word comments written (the title comment counts once)
    fixed: list[Finding] = field(default_factory=list)  # findings whose fix is a tracked change
    commented: list[Finding] = field(default_factory=list)  # findings given a comment


def copy_path(path: str) -> str:
    """Where the review copy of `path` goes by default: `draft.docx` -> `draft.kjlint.docx`
    beside it (a .docm stays a .docm: its macros are copied, never run)."""
    root, ext = os.path.splitext(path)
    return f"{root}.kjlint{ext or '.docx'}"


def is_review_copy(path: str) -> bool:
    """Whether `path` is named as a review copy (`*.kjlint.docx`): its copy would be a copy of a copy."""
    return os.path.splitext(os.path.splitext(os.path.basename(path))[0])[1].lower() == ".kjlint"


def review_copy(data: bytes, doc: Document, source: DocxSource, comment_on: list[Finding],
                fix: list[Finding], titles: dict[str, str] | None = None) -> Review:
    """The bytes of a copy of the draft `data` (read as `doc`, `source` by
    kjlint.docx.docx_document_with_sources) with a comment for each finding of `comment_on` and
    a tracked change for each fix of `fix` that can be one. A finding in both is commented only
    when its fix could not be written. `titles` (code -> the rule's title in the language in use)
    name the rules in comments; without one, a rule is named by its name. `source`'s XML trees are
    changed: read the draft again to write another copy."""
    writer = _Writer(doc, source, data)
    review = Review(b"")
    planned = writer.plan_fixes(fix)
    fixed_ids = {id(f) for f, _ in planned}
    review.fixed = [f for f, _ in planned]
    comments = [f for f in comment_on if id(f) not in fixed_ids]
    anchored, on_title = writer.plan_comments(comments)
    in_notes = [(f, span) for f, span in anchored if doc.part(doc.line_index(span[0])) in NOTE_PARTS]
    in_text = [(f, span) for f, span in anchored if doc.part(doc.line_index(span[0])) not in NOTE_PARTS]
    writer.split_runs([a for _, plan in planned for a in plan.bounds()] + [b for _, span in in_text for b in span])
    for f, plan in planned:
        writer.apply_fix(plan, f)
    titles = titles or {}
    for f, (a, b) in in_text:
        writer.comment(a, b, _comment_text(f, doc, titles))
    for f, (a, _b) in in_notes:
        writer.note_comment(doc.line_index(a), _comment_text(f, doc, titles, with_place=True))
    if on_title:
        writer.title_comment(_title_text(on_title, doc, titles))
    review.commented = [f for f, _ in anchored] + on_title
    review.comments = len(anchored) + (1 if on_title else 0)
    review.data = writer.package(data)
    return review


# --- comment texts -------------------------------------------------------------------------

def _short(text: str) -> str:
    text = text.replace("\n", "↵")
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


def _fix_text(f: Finding, doc: Document) -> str:
    if f.fix is None:
        return ""
    old, new = doc.text[f.fix.offset:f.fix.end_offset], f.fix.replacement
    if old and new:
        text = _("Suggested fix: replace “{old}” with “{new}”.").format(old=_short(old), new=_short(new))
    elif old:
        text = _("Suggested fix: delete “{old}”.").format(old=_short(old))
    else:
        text = _("Suggested fix: insert “{new}”.").format(new=_short(new))
    if not f.fix.safe:
        text += " " + _("(Unsafe: check it before you accept it.)")
    return text


def _comment_text(f: Finding, doc: Document, titles: dict[str, str], with_place: bool = False) -> list[str]:
    """The paragraphs of a finding's comment: message, rule, suggested fix."""
    message = f"{f.place.text()}: {f.message}" if with_place and f.place is not None else f.message
    lines = [message, _("Rule {code} ({name})").format(code=f.code, name=titles.get(f.code, f.name))]
    fix = _fix_text(f, doc)
    if fix:
        lines.append(fix)
    return lines


def _title_text(findings: list[Finding], doc: Document, titles: dict[str, str]) -> list[str]:
    lines = [_("kjlint: findings about the whole document, or in headers, footers and comments, "
               "where Word allows no comment:")]
    for f in findings:
        where = f.place.text() if f.place is not None and f.name not in DOCUMENT_LEVEL else ""
        item = f"• {where}: " if where else "• "
        item += f"{f.message} ({f.code} {titles.get(f.code, f.name)})"
        fix = _fix_text(f, doc)
        lines.append(f"{item} {fix}" if fix else item)
    return lines


# --- the writer ----------------------------------------------------------------------------

@dataclass
class _Piece:
    start: int  # offset in the extracted text
    length: int
    element: object  # w:t, w:tab, w:br, w:sym …
    line: int


@dataclass
class _FixPlan:
    kind: str  # "lines": whole paragraphs deleted; "inline": a replacement inside one paragraph
    start: int
    end: int
    replacement: str = ""
    lines: tuple[int, ...] = ()

    def bounds(self) -> list[int]:
        return [] if self.kind == "lines" else [self.start, self.end]


class _Writer:
    def __init__(self, doc: Document, source: DocxSource, data: bytes):
        self.doc, self.source = doc, source
        self.pieces: list[_Piece] = []
        for i, line in enumerate(source.lines):
            for start, length, element in line.pieces:
                self.pieces.append(_Piece(line.start + start, length, element, i))
        self.pieces.sort(key=lambda p: p.start)
        self.starts = [p.start for p in self.pieces]
        self.touched: set[str] = set()  # part names whose XML changed
        self.roots: dict[str, object] = {}  # part name -> XML root
        self.roots[source.main] = source.main_root
        for line in source.lines:
            self.roots.setdefault(line.partname, line.paragraph.getroottree().getroot())
        self.next_id = 1 + _max_id(data)  # comments and changes need ids no part uses yet
        self.date = datetime.now(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.comments: list[tuple[int, list[str]]] = []  # (id, paragraphs)

    def new_id(self) -> str:
        self.next_id += 1
        return str(self.next_id - 1)

    # -- mapping --

    def line_of(self, offset: int) -> int:
        return self.doc.line_index(max(0, min(offset, len(self.doc.text))))

    def source_line(self, i: int) -> SourceLine | None:
        return self.source.lines[i] if 0 <= i < len(self.source.lines) else None

    def covered(self, a: int, b: int) -> list[_Piece]:
        """Pieces of text inside [a, b) (after split_runs, none straddles a bound)."""
        i = max(0, bisect_right(self.starts, a) - 1)
        out = []
        while i < len(self.pieces) and self.pieces[i].start < b:
            p = self.pieces[i]
            if p.start >= a and p.start + p.length <= b:
                out.append(p)
            i += 1
        return out

    def mapped(self, a: int, b: int) -> bool:
        """Whether every character of [a, b) comes from a piece of text (not a generated list
        number, an equation or a line end)."""
        pos = a
        for p in self.covered_loose(a, b):
            if p.start > pos:
                return False
            pos = max(pos, p.start + p.length)
        return pos >= b

    def covered_loose(self, a: int, b: int) -> list[_Piece]:
        i = max(0, bisect_right(self.starts, a) - 1)
        out = []
        while i < len(self.pieces) and self.pieces[i].start < b:
            p = self.pieces[i]
            if p.start + p.length > a:
                out.append(p)
            i += 1
        return out

    def writable(self, line: int) -> bool:
        """Whether a change may go into this line (a comment may, on a note's reference mark)."""
        return self.doc.part(line) not in NO_COMMENT_PARTS and self.doc.part(line) not in NOTE_PARTS \
            and self.source_line(line) is not None

    # -- planning --

    def plan_fixes(self, findings: list[Finding]) -> list[tuple[Finding, _FixPlan]]:
        """The fixes that can be tracked changes, earliest first, none overlapping another."""
        out, pos = [], 0
        for f in sorted((f for f in findings if f.fix is not None), key=lambda f: (f.fix.offset, f.fix.end_offset)):
            a, b, new = f.fix.offset, f.fix.end_offset, f.fix.replacement
            if a < pos:
                continue
            plan = self._plan(a, b, new)
            if plan is not None:
                out.append((f, plan))
                pos = max(b, a + 1)
        return out

    def _plan(self, a: int, b: int, new: str) -> _FixPlan | None:
        text, starts = self.doc.text, self.doc.line_starts
        first, last = self.line_of(a), self.line_of(max(a, b - 1))
        if "\n" in new or not all(self.writable(i) for i in range(first, last + 1)):
            return None
        if (not new and a == starts[first] and (b == len(text) or b in starts) and b > a
                and text[b - 1] == "\n"):
            lines = tuple(range(first, self.line_of(b - 1) + 1))
            if len({self.source.lines[i].partname for i in lines}) == 1 and not any(
                    _last_in_container(self.source.lines[i].paragraph) for i in lines) and self._whole(lines):
                return _FixPlan("lines", a, b, lines=lines)
            return None  # Word keeps the last paragraph of a cell or of the document
        if first != last or "\n" in text[a:b] or not self.mapped(a, b):
            return None
        if a == b and not self.covered_loose(a - 1, a + 1):
            return None
        return _FixPlan("inline", a, b, new)

    def _whole(self, lines: tuple[int, ...]) -> bool:
        """Whether `lines` are whole paragraphs: a line that a soft line break sets off (kjlint.docx)
        shares its paragraph with the line before or after it, which deleting the paragraph
        would take too."""
        src = self.source.lines
        first, last = lines[0], lines[-1]
        return ((first == 0 or src[first - 1].paragraph is not src[first].paragraph)
                and (last + 1 >= len(src) or src[last + 1].paragraph is not src[last].paragraph))

    def plan_comments(self, findings: list[Finding]) -> tuple[list[tuple[Finding, tuple[int, int]]], list[Finding]]:
        """(finding, anchor range) of the findings that get a comment of their own, and those
        that go into the comment on the title."""
        anchored, on_title = [], []
        text = self.doc.text
        for f in findings:
            line = self.line_of(f.offset)
            if f.name in DOCUMENT_LEVEL or not (self.writable(line) or self._note_reference(line) is not None):
                on_title.append(f)
                continue
            a, b = f.offset, max(f.offset, f.end_offset)
            if a == b:  # an empty finding: the character after it (or before it at a line end)
                stop = self.doc.lines[line].end
                a, b = (a, a + 1) if a < stop else (max(self.doc.lines[line].start, a - 1), a)
            b = min(b, len(text))
            anchored.append((f, (a, b)))
        return anchored, on_title

    # -- splitting runs --

    def split_runs(self, bounds: list[int]) -> None:
        """Split runs so that every offset of `bounds` falls between two runs (each part keeps
        the run's formatting): a comment or a change then covers whole runs."""
        for cut in sorted(set(bounds)):
            i = bisect_right(self.starts, cut) - 1  # the last piece starting at or before the cut
            if i < 0:
                continue
            p = self.pieces[i]
            self.touched.add(self.source.lines[p.line].partname)
            if p.start < cut < p.start + p.length:  # inside a w:t (other pieces are one character)
                self._split_text(i, cut - p.start)
                continue
            if p.start == cut:
                _split_run_before(p.element)
                i -= 1  # and the piece ending here, if any
            if i >= 0 and self.pieces[i].start + self.pieces[i].length == cut:
                _split_run_after(self.pieces[i].element)

    def _split_text(self, i: int, k: int) -> None:
        p = self.pieces[i]
        t = p.element
        value = t.text or ""
        t2 = t.makeelement(W + "t", {XML_SPACE: "preserve"})
        t2.text = value[k:]
        t.text = value[:k]
        t.set(XML_SPACE, "preserve")
        t.addnext(t2)
        _split_run_before(t2)
        self.pieces[i] = _Piece(p.start, k, t, p.line)
        self.pieces.insert(i + 1, _Piece(p.start + k, p.length - k, t2, p.line))
        self.starts.insert(i + 1, p.start + k)
        self.touched.add(self.source.lines[p.line].partname)

    # -- tracked changes --

    def apply_fix(self, plan: _FixPlan, f: Finding) -> None:
        if plan.kind == "lines":
            for i in plan.lines:
                self._delete_paragraph(self.source.lines[i])
            return
        pieces = self.covered(plan.start, plan.end)
        runs = _unique(p.element.getparent() for p in pieces)
        line = self.source.lines[self.line_of(plan.start)]
        self.touched.add(line.partname)
        after = None
        for run in runs:
            after = self._delete_run(run)
        if not plan.replacement:
            return
        template = runs[0] if runs else None
        if after is None:  # an insertion: after the text before it, else before the text after it
            before = self.covered_loose(plan.start - 1, plan.start)
            if before and before[-1].line == self.line_of(plan.start):
                after = template = before[-1].element.getparent()
            else:
                nxt = self.covered_loose(plan.start, plan.start + 1)
                template = nxt[0].element.getparent()
                self._place(template, self._insertion(plan.replacement, template), before=True)
                return
        self._place(after, self._insertion(plan.replacement, template))

    def _place(self, node, new, before: bool = False) -> None:
        """Put `new` (a tracked insertion) right after (or before) `node`, outside any tracked
        change around it: a reviewer's insertion holding `node` is cut in two there (a tracked
        change holds no other)."""
        while node.getparent() is not None and node.getparent().tag in TRACKED:
            wrapper = node.getparent()
            moved = [node, *node.itersiblings()] if before else list(node.itersiblings())
            rest = None
            if moved:
                rest = wrapper.makeelement(wrapper.tag, dict(wrapper.attrib))
                rest.set(W + "id", self.new_id())
                for child in moved:
                    rest.append(child)
                wrapper.addnext(rest)
                if not len(wrapper):
                    wrapper.getparent().remove(wrapper)
            node = rest if before else wrapper
        if before:
            node.addprevious(new)
        else:
            node.addnext(new)

    def _insertion(self, text: str, template) -> object:
        ins = template.makeelement(W + "ins", {W + "id": self.new_id(), W + "author": AUTHOR, W + "date": self.date})
        run = ins.makeelement(W + "r", {})
        rpr = template.find(W + "rPr") if template is not None else None
        if rpr is not None:
            run.append(copy.deepcopy(rpr))
        t = run.makeelement(W + "t", {XML_SPACE: "preserve"})
        t.text = text
        run.append(t)
        ins.append(run)
        return ins

    def _delete_run(self, run) -> object:
        """Wrap `run` in a tracked deletion; returns the wrapper."""
        parent = run.getparent()
        if parent is not None and parent.tag == W + "del":
            return parent
        wrapper = run.makeelement(W + "del", {W + "id": self.new_id(), W + "author": AUTHOR, W + "date": self.date})
        run.addprevious(wrapper)
        wrapper.append(run)
        for child in run:
            if child.tag == W + "t":
                child.tag = W + "delText"
            elif child.tag == W + "instrText":
                child.tag = W + "delInstrText"
        return wrapper

    def _delete_paragraph(self, line: SourceLine) -> None:
        p = line.paragraph
        self.touched.add(line.partname)
        for run in list(_runs(p)):
            if not any(child.tag in DRAWINGS for child in run):
                self._delete_run(run)
        ppr = p.find(W + "pPr")
        if ppr is None:
            ppr = p.makeelement(W + "pPr", {})
            p.insert(0, ppr)
        rpr = ppr.find(W + "rPr")
        if rpr is None:
            rpr = ppr.makeelement(W + "rPr", {})
            later = next((c for c in ppr if c.tag in (W + "sectPr", W + "pPrChange")), None)
            if later is not None:
                later.addprevious(rpr)
            else:
                ppr.append(rpr)
        if rpr.find(W + "del") is None:
            mark = rpr.makeelement(W + "del", {W + "id": self.new_id(), W + "author": AUTHOR, W + "date": self.date})
            ins = rpr.find(W + "ins")
            if ins is not None:
                ins.addnext(mark)
            else:
                rpr.insert(0, mark)

    # -- comments --

    def comment(self, a: int, b: int, paragraphs: list[str]) -> None:
        comment_id = self.new_id()
        pieces = self.covered(a, b)
        line = self.source_line(self.line_of(a))
        if not pieces and line is not None:  # a list number or an equation: the whole paragraph
            pieces = [p for p in self.pieces if p.line == self.line_of(a)]
        if pieces:
            _mark_range(pieces[0].element.getparent(), pieces[-1].element.getparent(), comment_id)
            self.touched.add(self.source.lines[pieces[0].line].partname)
            self.touched.add(self.source.lines[pieces[-1].line].partname)
        elif line is not None:  # an empty paragraph
            p = line.paragraph
            at = 1 if len(p) and p[0].tag == W + "pPr" else 0
            p.insert(at, p.makeelement(W + "commentRangeStart", {W + "id": comment_id}))
            end = p.makeelement(W + "commentRangeEnd", {W + "id": comment_id})
            p.insert(at + 1, end)
            end.addnext(_reference_run(end, comment_id))
            self.touched.add(line.partname)
        else:
            return
        self.comments.append((int(comment_id), paragraphs))

    def _note_reference(self, line: int):
        """The run of the body holding the reference mark of the note `line` is in, or the run
        holding the text box it is in; None if there is none."""
        kind = NOTE_PARTS.get(self.doc.part(line))
        source = self.source_line(line)
        if kind is None or source is None:
            return None
        if not kind:  # a text box: the outermost run around it
            node, run = source.paragraph, None
            while node is not None and node.tag != W + "body":
                if node.tag == W + "r":
                    run = node
                node = node.getparent()
            return run if run is not None and run.getparent().tag == W + "p" else None
        note = source.paragraph.getparent()
        while note is not None and note.tag not in (W + "footnote", W + "endnote"):
            note = note.getparent()
        if note is None:
            return None
        body = self.source.main_root
        for mark in body.iter(W + kind):
            if mark.get(W + "id") == note.get(W + "id") and mark.getparent().tag == W + "r":
                return mark.getparent()
        return None

    def note_comment(self, line: int, paragraphs: list[str]) -> None:
        """A comment on the reference mark of the note holding `line`."""
        run = self._note_reference(line)
        if run is None:
            return
        comment_id = self.new_id()
        _mark_range(run, run, comment_id)
        self.touched.add(self.source.main)
        self.comments.append((int(comment_id), paragraphs))

    def title_comment(self, paragraphs: list[str]) -> None:
        title = self._title_line()
        if title is None:
            return
        line = self.doc.lines[title]
        self.comment(line.start, max(line.end, line.start), paragraphs)

    def _title_line(self) -> int | None:
        body = [i for i, line in enumerate(self.doc.lines[:len(self.source.lines)])
                if self.doc.part(i) == "body" and line.text.strip()]
        titled = [i for i in body if self.doc.style_headings.get(i + 1) == 0]
        if titled:
            return titled[0]
        return body[0] if body else (0 if self.source.lines else None)

    # -- the package --

    def package(self, data: bytes) -> bytes:
        """The draft's package with the changed parts replaced and the comments added."""
        zin = zipfile.ZipFile(io.BytesIO(data))
        names = zin.namelist()
        replaced: dict[str, bytes] = {}
        for partname in self.touched:
            replaced[partname.lstrip("/")] = _xml_bytes(self.roots[partname])
        added: dict[str, bytes] = {}
        if self.comments:
            body = self.source.main
            rels_name = posixpath.join(posixpath.dirname(body.lstrip("/")), "_rels",
                                       posixpath.basename(body) + ".rels")
            rels = etree.fromstring(zin.read(rels_name)) if rels_name in names else \
                etree.Element(f"{{{RELS_NS}}}Relationships", nsmap={None: RELS_NS})
            target = next((r.get("Target") for r in rels if r.get("Type") == COMMENTS_REL
                           and r.get("TargetMode") != "External"), None)
            if target is not None:
                name = posixpath.normpath(posixpath.join(posixpath.dirname(body.lstrip("/")), target)) \
                    if not target.startswith("/") else target.lstrip("/")
                root = etree.fromstring(zin.read(name))
                self._append_comments(root)
                replaced[name] = _xml_bytes(root)
            else:
                name = _free_name(names, posixpath.join(posixpath.dirname(body.lstrip("/")), "comments.xml"))
                root = etree.Element(W + "comments", nsmap={"w": W_NS})
                self._append_comments(root)
                added[name] = _xml_bytes(root)
                taken = {r.get("Id") for r in rels}
                rid = next(f"rId{n}" for n in range(1, len(taken) + 2) if f"rId{n}" not in taken)
                etree.SubElement(rels, f"{{{RELS_NS}}}Relationship",
                                 {"Id": rid, "Type": COMMENTS_REL,
                                  "Target": posixpath.relpath(name, posixpath.dirname(body.lstrip("/")))})
                replaced[rels_name] = _xml_bytes(rels)
                types = etree.fromstring(zin.read("[Content_Types].xml"))
                etree.SubElement(types, f"{{{TYPES_NS}}}Override",
                                 {"PartName": "/" + name, "ContentType": COMMENTS_TYPE})
                replaced["[Content_Types].xml"] = _xml_bytes(types)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                if info.filename in replaced:
                    fresh = zipfile.ZipInfo(info.filename, info.date_time)
                    fresh.compress_type, fresh.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
                    zout.writestr(fresh, replaced.pop(info.filename))
                else:
                    zout.writestr(info, zin.read(info.filename))
            for name, content in {**replaced, **added}.items():
                zout.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), content, zipfile.ZIP_DEFLATED)
        return out.getvalue()

    def _append_comments(self, root) -> None:
        for comment_id, paragraphs in self.comments:
            comment = etree.SubElement(root, W + "comment", {W + "id": str(comment_id), W + "author": AUTHOR,
                                                             W + "date": self.date, W + "initials": INITIALS})
            for n, text in enumerate(paragraphs):
                p = etree.SubElement(comment, W + "p")
                if n == 0:
                    etree.SubElement(etree.SubElement(p, W + "r"), W + "annotationRef")
                r = etree.SubElement(p, W + "r")
                t = etree.SubElement(r, W + "t", {XML_SPACE: "preserve"})
                t.text = _xml_safe(text)


_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_safe(text: str) -> str:
    """`text` with the characters XML 1.0 cannot hold (a control character quoted in a message)
    shown as escapes."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


_ID = re.compile(rb'w:id="(-?\d+)"')


def _max_id(data: bytes) -> int:
    """The largest w:id of the package's Word parts (comments, changes, bookmarks share them)."""
    top = 0
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                top = max([top, *(int(v) for v in _ID.findall(z.read(name)))])
    return top


def _xml_bytes(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _free_name(names: list[str], wanted: str) -> str:
    taken = {n.lower() for n in names}
    stem, ext = posixpath.splitext(wanted)
    name, n = wanted, 1
    while name.lower() in taken:
        n += 1
        name = f"{stem}{n}{ext}"
    return name


def _unique(items) -> list:
    seen, out = set(), []
    for item in items:
        if id(item) not in seen:
            seen.add(id(item))
            out.append(item)
    return out


def _content_before(el) -> bool:
    """Whether `el` has run content before it in its run (not only the run's properties)."""
    prev = el.getprevious()
    while prev is not None:
        if isinstance(prev.tag, str) and prev.tag != W + "rPr":
            return True
        prev = prev.getprevious()
    return False


def _split_run_before(el) -> None:
    """Move `el` and what follows it in its run into a new run just after it, with the same
    formatting (w:rPr copied)."""
    run = el.getparent()
    if run is None or run.tag != W + "r" or not _content_before(el):
        return
    new = run.makeelement(W + "r", {})
    rpr = run.find(W + "rPr")
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    following = [el] + list(el.itersiblings())
    for child in following:
        new.append(child)
    run.addnext(new)


def _split_run_after(el) -> None:
    nxt = el.getnext()
    while nxt is not None and not isinstance(nxt.tag, str):
        nxt = nxt.getnext()
    if nxt is not None:
        _split_run_before(nxt)


def _outside_changes(run):
    """The run, or the tracked change around it: comment marks go outside w:ins/w:del."""
    node = run
    while node.getparent() is not None and node.getparent().tag in TRACKED:
        node = node.getparent()
    return node


def _mark_range(first, last, comment_id: str) -> None:
    """A comment's range from run `first` to run `last`, then its reference mark. The range marks
    sit right by the runs (inside a tracked insertion or deletion around them, so that the range
    is exactly the text); the reference goes outside it, so that rejecting a change keeps it."""
    first.addprevious(first.makeelement(W + "commentRangeStart", {W + "id": comment_id}))
    end = last.makeelement(W + "commentRangeEnd", {W + "id": comment_id})
    last.addnext(end)
    outer = _outside_changes(last)
    (end if outer is last else outer).addnext(_reference_run(end, comment_id))


def _reference_run(sibling, comment_id: str):
    run = sibling.makeelement(W + "r", {})
    rpr = run.makeelement(W + "rPr", {})
    style = rpr.makeelement(W + "rStyle", {W + "val": "CommentReference"})
    rpr.append(style)
    run.append(rpr)
    run.append(run.makeelement(W + "commentReference", {W + "id": comment_id}))
    return run


def _runs(p):
    """The runs of a paragraph, through hyperlinks, content controls and insertions (not those
    already deleted, nor those of text boxes, which are paragraphs of their own)."""
    for child in p:
        if child.tag == W + "r":
            yield child
        elif child.tag in RUN_CONTAINERS:
            yield from _runs(child)


def _last_in_container(p) -> bool:
    """Whether `p` is the last paragraph of its body, cell, note or text box."""
    for sibling in p.itersiblings():
        if sibling.tag in (W + "p", W + "tbl", W + "sdt", W + "customXml"):
            return False
    return True
