"""Where a "disable for this line" comment goes, so that adding it never changes how the
article renders (docs/architecture.md §12.4)."""

from __future__ import annotations

from lsprotocol import types

from soat.lint.diagnostic import Diagnostic
from soat.lint.lsp.positions import PositionMap


def _newline(text: str) -> str:
    for i, ch in enumerate(text):
        if ch == "\n":
            return "\r\n" if i and text[i - 1] == "\r" else "\n"
        if ch == "\r" and text[i + 1 : i + 2] != "\n":
            return "\r"
    return "\n"


def suppression_edit(
    text: str, diag: Diagnostic, pmap: PositionMap, fmt: str = "txt"
) -> types.TextEdit:
    """Insert `<!-- soat-disable-next-line CODE -->` on its own line above the finding's
    line, with that line's indentation.

    In Markdown a comment line inside a paragraph, list, quote or table would end it and
    change how the article renders, so there a line that continues a block (or a table row)
    gets a trailing `<!-- soat-disable-line CODE -->` instead.
    """
    row, _ = pmap.index.rowcol(diag.start)
    start = pmap.index.line_start(row)
    if fmt == "md" and _continues_a_block(text, start):
        end = start
        while end < len(text) and text[end] not in "\r\n":
            end += 1
        at = pmap.position(end)
        return types.TextEdit(types.Range(at, at), f" <!-- soat-disable-line {diag.code} -->")
    if start == 0 and text.startswith("\ufeff"):
        start = 1  # the comment goes after a byte-order mark, never before it
    indent_end = start
    while indent_end < len(text) and text[indent_end] in " \t":
        indent_end += 1
    comment = f"{text[start:indent_end]}<!-- soat-disable-next-line {diag.code} -->{_newline(text)}"
    at = pmap.position(start)
    return types.TextEdit(types.Range(at, at), comment)


def _continues_a_block(text: str, line_start: int) -> bool:
    """Whether the Markdown line at `line_start` is a table row or follows a non-blank line."""
    line = text[line_start:].split("\n", 1)[0].strip()
    if line.startswith("|"):
        return True
    before = text[:line_start]
    for ending in ("\r\n", "\n", "\r"):  # drop this line's own break, and only it
        if before.endswith(ending):
            before = before[: -len(ending)]
            break
    previous = before[max(before.rfind("\n"), before.rfind("\r")) + 1 :]
    return bool(previous.strip()) and not previous.lstrip().startswith("<!--")
