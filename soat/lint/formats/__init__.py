"""Readers that turn file bytes into a Document, chosen by file extension."""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import codecs
import os
from typing import NamedTuple

from soat.lint.document import Document

FORMATS_BY_EXTENSION = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}
# Word documents are read from their bytes (soat/lint/formats/word.py), not decoded as text;
# the language server and directory walking with the default `include` never see them.
WORD_EXTENSIONS = (".docx",)
ANNOTATED_SUFFIX = ".soat.docx"  # what `--annotate` writes beside a .docx; never checked


def is_word(path: str) -> bool:
    return path.lower().endswith(WORD_EXTENSIONS)


class Encoding(NamedTuple):
    """How a file was stored, so that a fix writes it back the same way."""

    codec: str = "utf-8"
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.codec)


class DecodeFailure(Exception):
    def __init__(self, offset: int, reason: str) -> None:
        self.offset = offset
        self.reason = reason
        super().__init__(f"byte {offset}: {reason}")


def decode(data: bytes) -> tuple[str, Encoding]:
    """UTF-8 (with or without BOM), UTF-16 or UTF-32 with a BOM; raises DecodeFailure."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        # Before UTF-16: the UTF-32 little-endian BOM starts with the UTF-16 one.
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return body.decode(codec), Encoding(codec, bom)
            except UnicodeDecodeError as exc:
                raise DecodeFailure(exc.start + len(bom), exc.reason) from None
    try:
        return data.decode("utf-8"), Encoding()
    except UnicodeDecodeError as exc:
        raise DecodeFailure(exc.start, exc.reason) from None


def format_for(path: str) -> str:
    return FORMATS_BY_EXTENSION.get(os.path.splitext(path)[1].lower(), "txt")


def parse(path: str, source: str, fmt: str | None = None) -> Document:
    """The Document for `source`, read as the format its path names (plain text otherwise)."""
    fmt = fmt or format_for(path)
    if fmt == "md":
        from soat.lint.formats.markdown import read_markdown

        return read_markdown(path, source)
    if fmt == "html":
        from soat.lint.formats.html import read_html

        return read_html(path, source)
    from soat.lint.formats.text import read_text

    return read_text(path, source)
