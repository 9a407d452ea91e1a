"""kjlint's review copies of a Word draft open in LibreOffice (issue #16).

The annotated copy (comments) and the fixed copy (tracked changes) are converted headless to PDF
by LibreOffice, and page 1 of each PDF is rendered to PNG with pdftoppm in the test's temporary
folder (its path is printed: run with -s to see it). .ci/run installs LibreOffice and
poppler-utils from Debian's packages; when they are missing this test fails with the reason, it
is never skipped.
"""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from kjlint.cli import main
from test_docx_review import realistic_draft

TIMEOUT = 240  # seconds for one conversion (LibreOffice's first start builds its profile)


def _tool(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    pytest.fail(f"LibreOffice test cannot run: none of {', '.join(names)} is installed "
                f"(apt-get install -y libreoffice-writer-nogui poppler-utils; .ci/run installs them)",
                pytrace=False)


def _to_pdf(soffice: str, docx, out, profile) -> tuple:
    """Convert with LibreOffice headless; the PDF's path and what LibreOffice printed."""
    run = subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
                          "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out), str(docx)],
                         capture_output=True, text=True, timeout=TIMEOUT,
                         env={**os.environ, "HOME": str(profile)})
    return out / (docx.stem + ".pdf"), (run.stdout + run.stderr).strip(), run.returncode


@pytest.mark.parametrize("flags", [["--annotate"], ["--fix", "--unsafe-fixes"], ["--annotate", "--fix"]],
                         ids=["annotated", "fixed", "annotated-and-fixed"])
def test_review_copies_open_in_libreoffice_and_render(tmp_path, flags):
    soffice = _tool("soffice", "libreoffice")
    pdftoppm = _tool("pdftoppm")
    pdftotext = _tool("pdftotext")
    draft = realistic_draft(tmp_path)
    CliRunner().invoke(main, ["check", "--no-progress", str(draft), *flags])
    copy = tmp_path / "2023年工作总结.kjlint.docx"
    assert copy.is_file()
    out = tmp_path / "pdf"
    pdf, said, code = _to_pdf(soffice, copy, out, tmp_path / "profile")
    assert code == 0 and pdf.is_file() and pdf.stat().st_size > 1000, f"LibreOffice could not open {copy}: {said}"
    assert "Error" not in said, said
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True,
                          timeout=TIMEOUT).stdout
    assert "主要工作" in text and "存在问题" in text  # the whole draft is there, numbering included
    png_prefix = tmp_path / f"page-{'-'.join(f.strip('-') for f in flags)}"
    subprocess.run([pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf), str(png_prefix)],
                   check=True, capture_output=True, timeout=TIMEOUT)
    pngs = sorted(tmp_path.glob(png_prefix.name + "*.png"))
    assert pngs and pngs[0].read_bytes().startswith(b"\x89PNG")
    print(f"\n{' '.join(flags)}: page 1 of the review copy rendered by LibreOffice: {pngs[0]}")
