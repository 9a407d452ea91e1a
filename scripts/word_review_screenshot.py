"""Regenerate docs/word-review.png, the README's picture of a Word review copy.

Builds the realistic draft of tests/test_docx_review.py, runs `kjlint check --annotate --fix` on
it, converts the review copy to PDF with LibreOffice (headless, comments exported as PDF
annotations) and renders the top of page 1 with pdftoppm. Needs LibreOffice and poppler-utils
(.ci/run installs them).

    python scripts/word_review_screenshot.py
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "word-review.png"
EXPORT = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


def main() -> int:
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    from click.testing import CliRunner

    from kjlint.cli import main as kjlint
    from test_docx_review import realistic_draft

    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        print("needs LibreOffice (soffice) and pdftoppm (poppler-utils)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        draft = realistic_draft(work)
        CliRunner().invoke(kjlint, ["check", "--no-progress", str(draft), "--annotate", "--fix"])
        copy = draft.with_name(draft.stem + ".kjlint.docx")
        subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation={(work / 'lo').as_uri()}",
                        "--convert-to", EXPORT, "--outdir", str(work), str(copy)], check=True,
                       capture_output=True, timeout=240)
        subprocess.run([pdftoppm, "-png", "-r", "96", "-f", "1", "-l", "1", "-x", "60", "-y", "30", "-W", "700",
                        "-H", "640", "-singlefile", str(work / (copy.stem + ".pdf")), str(work / "page")],
                       check=True, capture_output=True, timeout=240)
        shutil.copyfile(work / "page.png", OUT)
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
