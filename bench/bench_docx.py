"""Time and peak memory of reading a large Word file: a report whose body is one table of N rows
(20,000 and 60,000 by default), each row five cells of formatted text as Word writes them, about
3.7 KB of XML per row (60,000 rows: a 4.4 MB .docx holding 224 MB of XML).

For each size, prints the .docx and XML sizes, then for each source tree given (default: this
one) the seconds and peak RSS of a fresh process that reads the file (`read`) and that lints it
(`check`: `kjlint check --select KJ201`). Compare trees with `--tree PATH` repeated, e.g. a
checkout of main against this branch.

Usage: python bench/bench_docx.py [--rows 20000,60000] [--tree PATH ...] [--keep DIR]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '</Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>')
RUN_PROPS = ('<w:rPr><w:rFonts w:ascii="宋体" w:eastAsia="宋体" w:hAnsi="宋体" w:cs="Times New Roman" w:hint="eastAsia"/>'
             '<w:color w:val="000000"/><w:kern w:val="0"/><w:sz w:val="21"/><w:szCs w:val="21"/>'
             '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar"/></w:rPr>')
CELL_PROPS = ('<w:tcPr><w:tcW w:w="1704" w:type="dxa"/><w:tcBorders><w:top w:val="single" w:sz="4" w:space="0" '
              'w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom '
              'w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" '
              'w:space="0" w:color="auto"/></w:tcBorders><w:vAlign w:val="center"/></w:tcPr>')
PARA_PROPS = ('<w:pPr><w:widowControl/><w:spacing w:line="360" w:lineRule="auto"/><w:jc w:val="center"/>'
              '<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:cs="宋体"/><w:sz w:val="21"/></w:rPr></w:pPr>')
CELLS = ("第{n}项", "科技创新平台建设", "完成项目{n}项", "资金{n}万元", "已验收")


def make_docx(path: Path, rows: int) -> int:
    """Write the table report; returns the size of word/document.xml."""
    size = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            def put(text: str) -> None:
                nonlocal size
                data = text.encode("utf-8")
                size += len(data)
                fh.write(data)

            put(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>'
                f'<w:p><w:r><w:t>xx区科技局2021年工作总结</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblW w:w="0" '
                f'w:type="auto"/></w:tblPr>')
            for n in range(1, rows + 1):
                cells = "".join(f'<w:tc>{CELL_PROPS}<w:p>{PARA_PROPS}<w:r>{RUN_PROPS}<w:t>{c.format(n=n)}</w:t>'
                                f'</w:r></w:p></w:tc>' for c in CELLS)
                put(f'<w:tr><w:trPr><w:jc w:val="center"/><w:trHeight w:val="454"/></w:trPr>{cells}</w:tr>')
            put('</w:tbl><w:p><w:r><w:t>全年工作顺利完成。</w:t></w:r></w:p><w:sectPr/></w:body></w:document>')
    return size


MEASURE = """
import resource, sys, time
t = time.perf_counter()
mode, path = sys.argv[1], sys.argv[2]
if mode == "read":
    from kjlint.docx import read_docx
    try:
        read_docx(path, max_bytes=10**9)
    except Exception as exc:  # a refusal is a result too
        print(f"error: {exc}"[:120], file=sys.stderr)
else:
    import runpy
    sys.argv = ["kjlint", "check", "-q", "--select", "KJ201", path]
    try:
        runpy.run_module("kjlint", run_name="__main__")
    except SystemExit:
        pass
print(f"{time.perf_counter() - t:.1f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
"""


def measure(tree: Path, mode: str, path: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run([sys.executable, "-c", MEASURE, mode, str(path)], capture_output=True, text=True,
                         env=env, cwd=path.parent)
    if out.returncode != 0 or not out.stdout.strip():
        return f"failed: {out.stderr.strip().splitlines()[-1] if out.stderr.strip() else out.returncode}"
    secs, rss = out.stdout.split()[-2:]
    note = f" ({out.stderr.strip().splitlines()[-1]})" if out.stderr.strip() else ""
    return f"{secs:>6} s {rss:>6} MB{note}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", default="20000,60000")
    ap.add_argument("--tree", action="append", help="source tree to measure (default: this one)")
    ap.add_argument("--keep", help="folder to keep the generated files in")
    args = ap.parse_args()
    trees = [Path(t).resolve() for t in (args.tree or [str(ROOT)])]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for rows in (int(r) for r in args.rows.split(",")):
            path = folder / f"table-{rows}.docx"
            xml = make_docx(path, rows)
            print(f"{rows:,} rows: {path.stat().st_size / 1e6:.1f} MB .docx, {xml / 1e6:.0f} MB of XML")
            for tree in trees:
                for mode in ("read", "check"):
                    print(f"  {str(tree):<28} {mode:<6} {measure(tree, mode, path)}")


if __name__ == "__main__":
    main()
