"""The annotated copy opens in LibreOffice (Debian's, headless) and its comments reach the PDF."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import docx
import pytest

from tests.cli_runner import invoke
from tests.lint.word_helpers import ROOT, build_seed

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOPPM = shutil.which("pdftoppm")
# Comments as PDF annotations (LibreOffice's default) and, where the version has the option
# (not Debian 12's 7.4, which ignores it), in the page margin.
PDF_FILTER = 'pdf:writer_pdf_Export:{"ExportNotesInMargin":{"type":"boolean","value":"true"}}'

pytestmark = [
    pytest.mark.skipif(
        SOFFICE is None, reason="needs LibreOffice (apt-get install libreoffice-writer-nogui)"
    ),
    pytest.mark.skipif(PDFTOPPM is None, reason="needs pdftoppm (apt-get install poppler-utils)"),
    pytest.mark.slow,
]


def _pdf_comments(pdf: bytes) -> list[str]:
    """The text of each comment annotation (/Subtype /Text) in a PDF LibreOffice wrote."""
    out = []
    for m in re.finditer(rb"/Subtype\s*/Text\b.*?/Contents\s*<([0-9A-Fa-f]+)>", pdf, re.S):
        out.append(bytes.fromhex(m.group(1).decode()).decode("utf-16"))
    return out


def test_annotated_copy_converts_to_pdf_with_its_comments(tmp_path):
    source = tmp_path / "bai.docx"
    build_seed(source)
    res = invoke(
        ["check", "--config", str(ROOT / "examples" / "soat.toml"), "--annotate", str(source)]
    )
    assert res.exit_code == 1, res.output
    found = res.output.count("\n\n")  # one blank line after each finding in the text output
    annotated = tmp_path / "bai.soat.docx"
    comments = [c.text for c in docx.Document(str(annotated)).comments]
    assert len(comments) == found + 1  # one per finding and the editor's own comment
    profile = (tmp_path / "lo-profile").as_uri()  # its own profile: runs never share a lock
    proc = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", PDF_FILTER]
        + ["--outdir", str(tmp_path / "pdf"), str(annotated)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    pdf = tmp_path / "pdf" / "bai.soat.pdf"
    assert proc.returncode == 0 and pdf.exists(), proc.stdout + proc.stderr
    in_pdf = _pdf_comments(pdf.read_bytes())
    assert sorted(t.replace("\r", "\n") for t in in_pdf) == sorted(comments)
    subprocess.run(
        [PDFTOPPM, "-r", "90", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "page")],
        capture_output=True,
        timeout=120,
        check=True,
    )
    page = tmp_path / "page-1.png"
    assert page.exists() and page.stat().st_size > 10_000
    if os.environ.get("SOAT_UPDATE_SCREENSHOTS"):  # refresh docs/word-annotated.png on purpose
        shutil.copy(page, ROOT / "docs" / "word-annotated.png")
