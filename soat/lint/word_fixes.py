"""Applying fixes inside a Word document without changing its formatting.

A fix is applied only where Word's formatting cannot change: each edit inside the text of one
run, or the deletion of whole body paragraphs (soat/lint/word_check.py turns every other
applicable fix into a comment).
"""

from __future__ import annotations

from collections.abc import Iterable

from soat.lint.diagnostic import Edit, Fix
from soat.lint.formats.docx_text import Extraction, Paragraph, Piece, set_text, w


def fits_word(extraction: Extraction, fix: Fix) -> bool:
    """Whether every edit of `fix` can be made without touching Word's formatting."""
    return all(_edit_plan(extraction, e) is not None for e in fix.edits)


def apply_word_fixes(extraction: Extraction, fixes: Iterable[Fix]) -> None:
    """Make non-overlapping fixes (each `fits_word`) in the document's elements.

    Edits are made from the last to the first, so the pieces of earlier edits stay valid.
    """
    edits = sorted((e for f in fixes for e in f.edits), key=lambda e: (e.start, e.end))
    for edit in reversed(edits):
        plan = _edit_plan(extraction, edit)
        if plan is None:  # fits_word said yes: the plan cannot disappear
            raise ValueError(f"edit {edit} does not fit the document")
        plan()


def _edit_plan(extraction: Extraction, edit: Edit):
    """A function making `edit` in the elements, or None when it cannot be made safely."""
    paragraphs = extraction.paragraphs
    i, a = extraction.locate(edit.start)
    j, b = extraction.locate(edit.end)
    if paragraphs[i].where in ("footnote", "endnote"):
        return None  # python-docx keeps notes as bytes: soat does not write them
    if i == j and b <= len(paragraphs[i].text):
        return _in_run_plan(paragraphs[i], a, b, edit.content)
    if edit.content:
        return None
    # Whole paragraphs: "line i … line j-1" with their line breaks, or, for the last block,
    # the line break before "line i+1 … line j".
    if a == 0 and b == 0:
        doomed = paragraphs[i:j]
    elif a == len(paragraphs[i].text) and b == len(paragraphs[j].text):
        doomed = paragraphs[i + 1 : j + 1]
    else:
        return None
    if not doomed or not all(_deletable(p) for p in doomed):
        return None

    def delete() -> None:
        for p in doomed:
            p.element.getparent().remove(p.element)

    return delete


_KEEPS_PARAGRAPH = tuple(
    w(tag)
    for tag in (
        "commentRangeStart",
        "commentRangeEnd",
        "commentReference",
        "footnoteReference",
        "endnoteReference",
    )
)


def _deletable(p: Paragraph) -> bool:
    """A body paragraph whose deletion loses nothing but its text.

    Not one with a section break (the layout would change), a picture, or a comment's or a
    note's anchor (the comment or note would lose its place).
    """
    element = p.element
    return (
        p.where == "body"
        and not p.has_picture
        and element.getparent() is not None
        and element.getparent().tag == w("body")
        and element.find(f"{w('pPr')}/{w('sectPr')}") is None
        and next(element.iter(*_KEEPS_PARAGRAPH), None) is None
    )


def _in_run_plan(p: Paragraph, a: int, b: int, content: str):
    if a == b:  # an insertion: at the end of the character before, or the start of the next
        before = p.piece_at(a - 1) if a > 0 else None
        if before is not None and before.editable:
            return lambda: _replace_in_node(before, a - before.start, a - before.start, content)
        after = p.piece_at(a)
        if after is not None and after.editable:
            return lambda: _replace_in_node(after, 0, 0, content)
        return None
    covered = [piece for piece in p.pieces if piece.start < b and piece.end > a]
    if not covered or any(not piece.editable for piece in covered):
        return None
    if any(piece.run is not covered[0].run for piece in covered):
        return None
    first, last = covered[0], covered[-1]

    def replace() -> None:
        if first is last:
            _replace_in_node(first, a - first.start, b - first.start, content)
            return
        _replace_in_node(first, a - first.start, len(first.text), content)
        for middle in covered[1:-1]:
            middle.run.remove(middle.node)
        _replace_in_node(last, 0, b - last.start, "")

    return replace


def _replace_in_node(piece: Piece, a: int, b: int, content: str) -> None:
    text = piece.node.text or ""
    set_text(piece.node, text[:a] + content + text[b:])
