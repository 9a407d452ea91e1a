"""Build .docx fixtures with python-docx (no binary blobs in the repository).

`make_docx(path, blocks, header=..., footer=...)` writes a Word file whose body is `blocks`:
  "text"                         a Normal paragraph
  ("title", text)                Title style
  ("heading", level, text)       Heading N style (shown as 标题 N in Chinese Word)
  ("style", name, text)          any paragraph style by name, e.g. a custom "标题 2"
  ("list", list_name, ilvl, text) a paragraph numbered by Word (see LISTS, INSTANCES) at level ilvl
  ("table", [[cell, ...], ...])  a table, one string per cell
  ("break", text_before, text_after) one paragraph with a soft line break
"""
from __future__ import annotations

from pathlib import Path

# Word list definitions: name -> [(numFmt, lvlText), ...] one per level.
LISTS = {
    "chinese": [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."),
                ("decimal", "（%4）")],
    "decimal": [("decimal", "%1."), ("decimal", "%1.%2")],
}
# Further w:num instances of a list above: name -> (list name, {ilvl: startOverride}).
INSTANCES = {
    "chinese-continued": ("chinese", {}),  # same abstract list: numbering continues
    "chinese-restarted": ("chinese", {0: 1}),  # startOverride: numbering starts again
}
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return "{%s}%s" % (W_NS, tag)


def _add_lists(document) -> dict[str, str]:
    """Append abstractNum/num definitions for LISTS; returns list name -> numId."""
    from docx.oxml import OxmlElement

    numbering = document.part.numbering_part.element
    ids = {}
    for i, (name, levels) in enumerate(LISTS.items()):
        abstract_id, num_id = str(900 + i), str(90 + i)
        an = OxmlElement("w:abstractNum")
        an.set(_w("abstractNumId"), abstract_id)
        for ilvl, (fmt, text) in enumerate(levels):
            lvl = OxmlElement("w:lvl")
            lvl.set(_w("ilvl"), str(ilvl))
            for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
                el = OxmlElement(tag)
                el.set(_w("val"), val)
                lvl.append(el)
            an.append(lvl)
        # abstractNum elements must precede num elements in numbering.xml
        first_num = numbering.find(_w("num"))
        if first_num is not None:
            first_num.addprevious(an)
        else:
            numbering.append(an)
        num = OxmlElement("w:num")
        num.set(_w("numId"), num_id)
        ref = OxmlElement("w:abstractNumId")
        ref.set(_w("val"), abstract_id)
        num.append(ref)
        numbering.append(num)
        ids[name] = num_id
    for i, (name, (base, overrides)) in enumerate(INSTANCES.items()):
        num = OxmlElement("w:num")
        num.set(_w("numId"), str(80 + i))
        ref = OxmlElement("w:abstractNumId")
        ref.set(_w("val"), str(900 + list(LISTS).index(base)))
        num.append(ref)
        for ilvl, start in overrides.items():
            override = OxmlElement("w:lvlOverride")
            override.set(_w("ilvl"), str(ilvl))
            start_el = OxmlElement("w:startOverride")
            start_el.set(_w("val"), str(start))
            override.append(start_el)
            num.append(override)
        numbering.append(num)
        ids[name] = str(80 + i)
    return ids


def _number(paragraph, num_id: str, ilvl: int) -> None:
    from docx.oxml import OxmlElement

    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    lvl = OxmlElement("w:ilvl")
    lvl.set(_w("val"), str(ilvl))
    nid = OxmlElement("w:numId")
    nid.set(_w("val"), num_id)
    num_pr.append(lvl)
    num_pr.append(nid)
    ppr.append(num_pr)


def make_docx(path: str | Path, blocks, header: str | None = None, footer: str | None = None) -> Path:
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    lists = _add_lists(document)
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        kind = block[0]
        if kind == "title":
            document.add_paragraph(block[1], style="Title")
        elif kind == "heading":
            document.add_heading(block[2], level=block[1])
        elif kind == "style":
            names = {s.name for s in document.styles}
            if block[1] not in names:
                document.styles.add_style(block[1], WD_STYLE_TYPE.PARAGRAPH)
            document.add_paragraph(block[2], style=block[1])
        elif kind == "list":
            _number(document.add_paragraph(block[3]), lists[block[1]], block[2])
        elif kind == "table":
            rows = block[1]
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
        elif kind == "break":
            p = document.add_paragraph(block[1])
            p.add_run().add_break()
            p.add_run(block[2])
        else:
            raise ValueError(f"unknown block {block!r}")
    section = document.sections[0]
    if header is not None:
        section.header.is_linked_to_previous = False
        section.header.paragraphs[0].text = header
    if footer is not None:
        section.footer.is_linked_to_previous = False
        section.footer.paragraphs[0].text = footer
    path = Path(path)
    document.save(str(path))
    return path
