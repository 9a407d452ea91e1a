"""Build .docx fixtures with python-docx (no binary blobs in the repository).

`make_docx(path, blocks, header=..., footer=...)` writes a Word file whose body is `blocks`:
  "text"                         a Normal paragraph
  ("title", text)                Title style
  ("heading", level, text)       Heading N style (shown as 标题 N in Chinese Word)
  ("style", name, text)          any paragraph style by name, e.g. a custom "标题 2"
  ("list", list_name, ilvl, text) a paragraph numbered by Word (see LISTS, INSTANCES) at level ilvl
  ("heading list", level, list_name, ilvl, text) a Heading N paragraph numbered by Word so
  ("table", [[cell, ...], ...])  a table, one string per cell (None: the cell on its left spans it;
                                 a list: the cell's paragraphs)
  ("break", text, text, ...)     one paragraph, a soft line break between its texts
  ("toc", how, [entry, ...])     a table of contents: how = "field" (a TOC field spanning the
                                 entries), "sdt" (a Table of Contents content control with a 目录
                                 title) or "style" (paragraphs styled "toc 1", under a 目录 title)
  ("cover", [text, ...])         a Cover Pages content control
  ("textbox", [text, ...])       an empty paragraph holding a text box (wps:txbx), one paragraph a text
  ("sym", before, font, char, after) a w:sym symbol (font "Wingdings", char "F0FC") in a sentence
  ("math", before, [math, ...], after) a sentence with inline equations (OMML m:oMath, one per
                                 item; a tuple (num, den) is a fraction)
  ("equation", text)             a paragraph that is only an equation (m:oMathPara)
  ("footnoted", text, note)      a paragraph with a footnote reference; the note's text is `note`
  ("commented", text, comment)   a paragraph with a comment on it
  ("runs", [piece, ...])         one paragraph of several runs: a piece is a string or (text,
                                 "bold" | "italic" | "red" | "hidden"), formatted so
  ("tracked", before, inserted, deleted, after) a paragraph with an existing tracked insertion
                                 and deletion by 审核人
  ("picture", text)              a paragraph with a small picture after `text`
  ("page break",)                a paragraph holding a page break (Ctrl+Enter)
  ("section break",)             a section break (next page) after the paragraphs so far
`accept_all(data)` gives a package's bytes with its tracked changes accepted, as Word's Accept All.
Lists with symbol-font bullets: "wingdings-square" (U+F0A7 ▪), "wingdings-arrow" (U+F0D8 ➢),
"symbol-dot" (U+F0B7 •, Symbol font), "wingdings-bytes" (the byte "§" in Wingdings, ▪).
"""
from __future__ import annotations

from pathlib import Path

# Word list definitions: name -> [(numFmt, lvlText[, font]), ...] one per level.
LISTS = {
    "chinese": [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."),
                ("decimal", "（%4）")],
    "decimal": [("decimal", "%1."), ("decimal", "%1.%2")],
    "wingdings-square": [("bullet", "\uf0a7", "Wingdings")],
    "wingdings-arrow": [("bullet", "\uf0d8", "Wingdings")],
    "symbol-dot": [("bullet", "\uf0b7", "Symbol")],
    "wingdings-bytes": [("bullet", "\u00a7", "Wingdings")],
    "bare": [("decimal", "%1")],  # a number alone, Word's tab after it (a diary's days)
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
        for ilvl, (fmt, text, *font) in enumerate(levels):
            lvl = OxmlElement("w:lvl")
            lvl.set(_w("ilvl"), str(ilvl))
            for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
                el = OxmlElement(tag)
                el.set(_w("val"), val)
                lvl.append(el)
            if font:
                rpr, fonts = OxmlElement("w:rPr"), OxmlElement("w:rFonts")
                for attr in ("w:ascii", "w:hAnsi", "w:hint"):
                    fonts.set(_w(attr.split(":")[1]), font[0] if attr != "w:hint" else "default")
                rpr.append(fonts)
                lvl.append(rpr)
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


NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"')


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{_esc(text)}</w:t></w:r>'


def _omml(item) -> str:
    """One m:oMath: a string is one math run, a (num, den) tuple a fraction."""
    if isinstance(item, tuple):
        num, den = item
        inner = (f'<m:f><m:num><m:r><m:t>{_esc(num)}</m:t></m:r></m:num>'
                 f'<m:den><m:r><m:t>{_esc(den)}</m:t></m:r></m:den></m:f>')
    else:
        inner = f'<m:r><m:t>{_esc(item)}</m:t></m:r>'
    return f"<m:oMath>{inner}</m:oMath>"


def _append_xml(paragraph, xml: str) -> None:
    """Append the children of `xml` (a w:p with the namespaces) to a python-docx paragraph."""
    from docx.oxml import parse_xml

    for child in list(parse_xml(f"<w:p {NS}>{xml}</w:p>")):
        paragraph._p.append(child)


def _body_xml(document, xml: str) -> None:
    """Insert block-level XML (a w:sdt, w:p …) at the end of the body, before its sectPr."""
    from docx.oxml import parse_xml

    element = parse_xml(xml)
    document.element.body.sectPr.addprevious(element)


def _toc(document, how: str, entries) -> None:
    if how in ("field", "field-unclosed"):  # field-unclosed: the field's end mark is lost
        instr = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                 '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
                 '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
        document.add_paragraph("目录")
        for i, entry in enumerate(entries):
            p = document.add_paragraph()
            _append_xml(p, (instr if i == 0 else "") + _run(entry))
        if how == "field":
            _append_xml(document.add_paragraph(), '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    elif how == "sdt":
        paragraphs = "".join(f"<w:p>{_run(t)}</w:p>" for t in ["目录", *entries])
        _body_xml(document, f'<w:sdt {NS}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
                            f'<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>{paragraphs}'
                            f'</w:sdtContent></w:sdt>')
    elif how == "style":
        from docx.enum.style import WD_STYLE_TYPE

        if "toc 1" not in {s.name for s in document.styles}:
            document.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
        document.add_paragraph("目 录")
        for entry in entries:
            document.add_paragraph(entry, style="toc 1")
    else:
        raise ValueError(f"unknown table of contents {how!r}")


def _footnote(document, paragraph, note: str) -> None:
    """A footnote on `paragraph` (the package gets a footnotes part when it has none)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import XmlPart
    from docx.oxml import parse_xml

    try:
        part = document.part.part_related_by(RT.FOOTNOTES)
    except KeyError:
        xml = (f'<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
               f'</w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
               f'<w:continuationSeparator/></w:r></w:p></w:footnote></w:footnotes>')
        part = XmlPart(PackURI("/word/footnotes.xml"),
                       "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                       parse_xml(xml), document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)
    note_id = str(len(part.element.findall(_w("footnote"))) - 1)
    part.element.append(parse_xml(
        f'<w:footnote {NS} w:id="{note_id}"><w:p><w:r><w:footnoteRef/></w:r>{_run(" " + note)}</w:p></w:footnote>'))
    _append_xml(paragraph, f'<w:r><w:footnoteReference w:id="{note_id}"/></w:r>')


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
        elif kind == "heading list":
            _number(document.add_heading(block[4], level=block[1]), lists[block[2]], block[3])
        elif kind == "table":
            rows = block[1]
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    if isinstance(value, list):  # one paragraph an item
                        cell = table.cell(r, c)
                        cell.text = value[0]
                        for more in value[1:]:
                            cell.add_paragraph(more)
                    elif value is not None:
                        table.cell(r, c).text = value
                for c in reversed(range(1, len(row))):  # None: the cell to its left spans it
                    if row[c] is None:
                        table.cell(r, c - 1).merge(table.cell(r, c))
        elif kind == "break":
            p = document.add_paragraph(block[1])
            for part in block[2:]:
                p.add_run().add_break()
                p.add_run(part)
        elif kind == "toc":
            _toc(document, block[1], block[2])
        elif kind == "cover":
            paragraphs = "".join(f"<w:p>{_run(t)}</w:p>" for t in block[1])
            _body_xml(document, f'<w:sdt {NS}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Cover Pages"/>'
                                f'</w:docPartObj></w:sdtPr><w:sdtContent>{paragraphs}</w:sdtContent></w:sdt>')
        elif kind == "textbox":
            paragraphs = "".join(f"<w:p>{_run(t)}</w:p>" for t in block[1])
            wps = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
            _body_xml(document, f'<w:p {NS} {wps}><w:r><w:drawing><wps:txbx><w:txbxContent>{paragraphs}'
                                f'</w:txbxContent></wps:txbx></w:drawing></w:r></w:p>')
        elif kind == "sym":
            _, before, font, char, after = block
            _append_xml(document.add_paragraph(), _run(before) + f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'
                        + _run(after))
        elif kind == "math":
            _, before, items, after = block
            xml = _run(before)
            for i, item in enumerate(items):
                xml += _omml(item) + (_run("、") if i + 1 < len(items) else "")
            _append_xml(document.add_paragraph(), xml + _run(after))
        elif kind == "mergefield":  # a mail-merge field showing `shown` (Word shows «name» before merging)
            _, before, name, shown, after = block
            _append_xml(document.add_paragraph(), _run(before)
                        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                        + f'<w:r><w:instrText xml:space="preserve"> MERGEFIELD {_esc(name)} \\* MERGEFORMAT </w:instrText></w:r>'
                        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + _run(shown)
                        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + _run(after))
        elif kind == "equation":
            _append_xml(document.add_paragraph(), f"<m:oMathPara>{_omml(block[1])}</m:oMathPara>")
        elif kind == "footnoted":
            _footnote(document, document.add_paragraph(block[1]), block[2])
        elif kind == "commented":
            p = document.add_paragraph(block[1])
            document.add_comment(p.runs, text=block[2], author="审核人")
        elif kind == "runs":
            p = document.add_paragraph()
            for piece in block[1]:
                text, fmt = (piece, None) if isinstance(piece, str) else piece
                run = p.add_run(text)
                if fmt == "bold":
                    run.bold = True
                elif fmt == "italic":
                    run.italic = True
                elif fmt == "hidden":
                    run.font.hidden = True
                elif fmt == "red":
                    from docx.shared import RGBColor

                    run.font.color.rgb = RGBColor(0xC0, 0, 0)
        elif kind == "picture":
            import io

            from docx.shared import Cm

            p = document.add_paragraph(block[1])
            p.add_run().add_picture(io.BytesIO(png()), width=Cm(1))
        elif kind == "tracked":
            _, before, inserted, deleted, after = block
            change = 'w:author="审核人" w:date="2024-01-05T10:00:00Z"'
            _append_xml(document.add_paragraph(), _run(before)
                        + f'<w:ins w:id="501" {change}>{_run(inserted)}</w:ins>'
                        + f'<w:del w:id="502" {change}><w:r><w:delText xml:space="preserve">{_esc(deleted)}'
                          f'</w:delText></w:r></w:del>' + _run(after))
        elif kind == "page break":
            document.add_page_break()
        elif kind == "section break":
            document.add_section()
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


def png(width: int = 8, height: int = 8) -> bytes:
    """A small valid PNG (a red square), for pictures in drafts."""
    import struct
    import zlib

    raw = b"".join(b"\x00" + b"\xc0\x20\x20" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def accept_all(data: bytes) -> bytes:
    """`data` (a .docx) with every tracked change accepted, as Word's Review > Accept All Changes:
    deleted text removed, inserted text kept, a paragraph whose mark is deleted joined to the next
    (removed when nothing of it is left). Written independently of kjlint's reader."""
    import io
    import zipfile

    from lxml import etree

    def accept(root) -> None:
        marked = [p for p in root.iter(_w("p"))
                  if p.find(f"{_w('pPr')}/{_w('rPr')}/{_w('del')}") is not None]
        for el in [e for e in root.iter(_w("del"), _w("moveFrom")) if e.getparent().tag != _w("rPr")]:
            el.getparent().remove(el)
        for el in [e for e in root.iter(_w("ins"), _w("moveTo"))]:
            parent = el.getparent()
            if parent.tag == _w("rPr"):
                parent.remove(el)
                continue
            at = parent.index(el)
            for child in reversed(list(el)):
                parent.insert(at, child)
            parent.remove(el)
        for p in marked:
            mark = p.find(f"{_w('pPr')}/{_w('rPr')}/{_w('del')}")
            mark.getparent().remove(mark)
            nxt = p.getnext()
            content = [c for c in p if c.tag != _w("pPr")]
            if not "".join(p.itertext()).strip() or nxt is None or nxt.tag != _w("p"):
                if not "".join(p.itertext()).strip():
                    p.getparent().remove(p)
                continue
            at = 1 if len(nxt) and nxt[0].tag == _w("pPr") else 0
            for child in reversed(content):
                nxt.insert(at, child)
            p.getparent().remove(p)

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            content = zin.read(info.filename)
            if info.filename.startswith("word/") and info.filename.endswith(".xml"):
                root = etree.fromstring(content)
                accept(root)
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(info, content)
    return out.getvalue()


def docx_codes(path, *select: str) -> list[tuple[str, int]]:
    """(code, line) of each finding `kjlint check PATH --format json --select …` reports."""
    import json

    from click.testing import CliRunner

    from kjlint.cli import main

    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--select", ",".join(select)])
    assert result.exit_code in (0, 1), result.output
    return [(f["code"], f["line"]) for f in json.loads(result.stdout)]
