"""Positions: soat works in code-point offsets; the protocol counts in the negotiated
position encoding (UTF-16 unless the client offers another), with lines split at LF, CRLF
and CR only. `PositionMap` is the one place that converts, so characters outside the Basic
Multilingual Plane and line separators such as U+2028 are handled the same way in both
directions. The server keeps its own copy of each open document for that reason: pygls's
document store splits lines with `str.splitlines`, which also breaks at U+2028, U+0085 and
form feeds.
"""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from soat.lint.document import LineIndex


def _code_units(text: str, encoding: str) -> int:
    """How many code units of `encoding` the client counts for `text`."""
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class PositionMap:
    """Code-point offsets into one text ↔ LSP positions in the negotiated encoding.

    Lines end at LF, CRLF or CR (the protocol's definition, and LineIndex's). A position
    past the end of its line means the end of the line; a line past the last means the end
    of the text; a character inside a surrogate pair (UTF-16) or a multi-byte sequence
    (UTF-8) rounds up to the next code point.
    """

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.encoding = encoding
        self.index = LineIndex(text)

    def _line_bounds(self, line: int) -> tuple[int, int]:
        """Code-point offsets of the start and end (before the line break) of 0-based `line`."""
        start = self.index.line_start(line + 1)
        if line + 1 < self.index.line_count:
            end = self.index.line_start(line + 2)
            end -= 2 if self.text[end - 2 : end] == "\r\n" else 1
        else:
            end = len(self.text)
        return start, end

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        row, column = self.index.rowcol(offset)
        start = self.index.line_start(row)
        if (
            offset > start
            and self.text[offset - 1] == "\r"
            and offset < len(self.text)
            and self.text[offset] == "\n"
        ):
            offset -= 1  # between CR and LF: the end of the line
        return types.Position(row - 1, _code_units(self.text[start:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def offset(self, position: types.Position) -> int:
        if position.line < 0:
            return 0
        if position.line >= self.index.line_count:
            return len(self.text)
        start, end = self._line_bounds(position.line)
        wanted = max(0, position.character)
        if self.encoding == types.PositionEncodingKind.Utf32:
            return min(start + wanted, end)
        units = 0
        i = start
        while i < end and units < wanted:
            units += _code_units(self.text[i], self.encoding)
            i += 1
        return i

    def end(self) -> types.Position:
        return self.position(len(self.text))


def apply_change(text: str, change: Any, encoding: str) -> str:
    """The text after one `TextDocumentContentChangeEvent` (incremental or whole)."""
    rng = getattr(change, "range", None)
    if rng is None:
        return change.text
    pmap = PositionMap(text, encoding)
    start, end = pmap.offset(rng.start), pmap.offset(rng.end)
    if end < start:
        start, end = end, start
    return text[:start] + change.text + text[end:]
