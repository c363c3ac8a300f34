"""Word documents (.docx): the Document soat lints is the text a reader sees, one line per
paragraph (row N is paragraph N, column C its C-th character); docx_text.py builds that text
and keeps, for each line, the runs it came from.

Rules, suppressions, outputs and the fixer's edit arithmetic work on that text unchanged;
writing back (comments, fixes: soat/lint/word_check.py) maps text offsets to runs through the
extraction.
"""

from __future__ import annotations

import io
from typing import Any

from soat.lint.diagnostic import Msg
from soat.lint.document import Block, Document, Image, TextView
from soat.lint.formats.docx_text import Extraction, Paragraph, extract, w

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_CAPTION_CHARS = 300


class DocxError(Exception):
    """A file that is not a readable Word document; `message` says why, for IO001."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.en)
        self.message = message


def open_docx(data: bytes):
    """The python-docx Document for `data`; raises DocxError saying why it cannot be read."""
    import zipfile

    if data.startswith(_OLE_MAGIC):
        raise DocxError(
            Msg(
                "Tệp .docx được đặt mật khẩu (mã hóa) hoặc là tệp Word 97–2003 (.doc) đổi đuôi; "
                "hãy gỡ mật khẩu hoặc lưu lại thành .docx",
                "The .docx file is password-protected (encrypted) or a Word 97–2003 .doc "
                "renamed; remove the password or save it again as .docx",
            )
        )
    if not data.startswith(b"PK"):
        raise DocxError(
            Msg(
                "Tệp không phải tài liệu Word (.docx không phải gói ZIP)",
                "The file is not a Word document (a .docx is a ZIP package; this is not one)",
            )
        )
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise DocxError(
            Msg(f"Tệp .docx bị hỏng (ZIP lỗi: {exc})", f"The .docx file is corrupt (ZIP: {exc})")
        ) from None
    except ValueError as exc:
        if "not a Word file" in str(exc):
            raise DocxError(
                Msg(
                    f"Tệp không phải tài liệu Word ({exc})",
                    f"The file is not a Word document ({exc})",
                )
            ) from None
        raise DocxError(
            Msg(f"Tệp .docx bị hỏng ({exc})", f"The .docx file is corrupt ({exc})")
        ) from None
    except Exception as exc:  # missing parts, broken XML: python-docx raises many kinds
        detail = f"{type(exc).__name__}: {exc}"
        raise DocxError(
            Msg(f"Tệp .docx bị hỏng ({detail})", f"The .docx file is corrupt ({detail})")
        ) from None


# --- the Document ---------------------------------------------------------------------------


def _kind(p: Paragraph, previous: Paragraph | None) -> str:
    style = p.style
    if style in ("title",):
        return "title"
    if style.startswith("heading") or style.startswith("đề mục"):
        return "heading"
    if style == "caption" or _is_caption_under_picture(p, previous):
        return "caption"
    if p.where == "table":
        return "table-cell"
    if style in ("quote", "intense quote"):
        return "quote"
    if p.element.find(f"{w('pPr')}/{w('numPr')}") is not None or style.startswith("list"):
        return "list-item"
    return "paragraph"


def _is_caption_under_picture(p: Paragraph, previous: Paragraph | None) -> bool:
    """A short italic or centred paragraph right under a paragraph holding a picture."""
    if previous is None or not previous.has_picture or previous.text.strip():
        return False
    if not p.text.strip() or len(p.text) > MAX_CAPTION_CHARS:
        return False
    jc = p.element.find(f"{w('pPr')}/{w('jc')}")
    centred = jc is not None and jc.get(w("val")) == "center"
    italic = all(_is_italic(piece.run) for piece in p.pieces if piece.text.strip())
    return centred or italic


def _is_italic(r) -> bool:
    i = r.find(f"{w('rPr')}/{w('i')}")
    return i is not None and i.get(w("val"), "true") not in ("0", "false", "off")


def document_from(path: str, extraction: Extraction) -> Document:
    """The soat Document of an extraction: its text is the source, a block per paragraph."""
    # The text a reader sees is plain text, one paragraph a line: rules treat it as they
    # treat a .txt draft (an HTML entity typed or pasted into Word is a remnant, as in .txt).
    doc = Document(path=path, source=extraction.text, format="txt")
    doc.metadata.update(extraction.metadata)
    previous: Paragraph | None = None
    title_found = False
    for i, p in enumerate(extraction.paragraphs):
        start = extraction.line_start(i)
        if p.has_picture and p.alt:
            doc.images.append(Image(p.alt, start, start + len(p.text), len(doc.blocks)))
        if p.text.strip():
            kind = _kind(p, previous)
            if kind == "title":
                if title_found:
                    kind = "heading"
                title_found = True
            block = Block(kind, TextView.contiguous(p.text, start), start, start + len(p.text))
            block.index = len(doc.blocks)
            block.attrs["docx"] = p.where
            doc.blocks.append(block)
        if p.where == "body" or p.where == "table" or p.text.strip() or p.has_picture:
            previous = p if (p.text.strip() or p.has_picture) else previous
    if not title_found:
        first = next((b for b in doc.blocks if b.attrs["docx"] == "body"), None)
        if first is not None and first.kind in ("paragraph", "heading"):
            first.kind = "title"
    return doc


def read_docx(path: str, data: bytes) -> tuple[Document, Extraction, Any]:
    """The Document, its extraction and the python-docx object; DocxError when unreadable."""
    document = open_docx(data)
    extraction = extract(document)
    return document_from(path, extraction), extraction, document
