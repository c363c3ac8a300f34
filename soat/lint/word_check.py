"""Checking Word documents: lint the text a reader sees, write findings back as Word comments.

`soat check bai.docx` lints the extraction (soat/lint/formats/docx_text.py, word.py); rows are
paragraphs. `--annotate` writes `bai.soat.docx` beside it, never touching the original: one
comment per finding, author "soat", anchored on exactly the flagged characters (runs are split
at the span's ends so the comment range starts and ends there; a split run keeps its
formatting). `--fix` applies a fix only where Word's formatting cannot change (each edit inside
the text of one run, or the deletion of whole body paragraphs: soat/lint/word_fixes.py); every
other applicable fix becomes a comment. The original is then replaced atomically, as for the
other formats.
"""

from __future__ import annotations

import copy
import io
import os
from typing import Any, cast

from soat.lint import ui
from soat.lint.diagnostic import Diagnostic, Msg, text_of
from soat.lint.document import Document
from soat.lint.fixer import MAX_PASSES, applicable_fix, select_fixes, write_atomically
from soat.lint.formats import ANNOTATED_SUFFIX
from soat.lint.formats.docx_text import (
    Extraction,
    Paragraph,
    Piece,
    extract,
    paragraph_pieces,
    set_text,
    w,
)
from soat.lint.formats.word import DocxError, document_from, open_docx
from soat.lint.runner import (
    FileResult,
    Settings,
    _internal_error,
    lint_document,
    read_bytes,
    unreadable,
)
from soat.lint.word_fixes import apply_word_fixes, fits_word

AUTHOR = "soat"
_WHERE = {
    "header": ("đầu trang", "header"),
    "footer": ("chân trang", "footer"),
    "footnote": ("chú thích cuối trang", "footnote"),
    "endnote": ("chú thích cuối bài", "endnote"),
}


def annotated_path(path: str) -> str:
    """bai.docx → bai.soat.docx, in the same folder."""
    stem, _ = os.path.splitext(path)
    return stem + ANNOTATED_SUFFIX


def check_word_file(
    path: str,
    display: str,
    settings: Settings,
    *,
    fix: bool = False,
    unsafe: bool = False,
    write: bool = True,
    annotate: bool = False,
) -> FileResult:
    data = read_bytes(path, display)
    if isinstance(data, FileResult):
        return data
    try:
        document = open_docx(data)
    except DocxError as exc:
        return unreadable(display, exc.message)
    try:
        extraction = extract(document)
    except Exception as exc:  # a reader bug must not stop the run: INT001, as for text
        return FileResult(display, "", [_internal_error(Document(display, "", "docx"), None, exc)])
    original_text = extraction.text
    lang = settings.lang
    applied = 0
    diagnostics = _lint(display, extraction, settings)
    if fix:
        for _ in range(MAX_PASSES):
            fixes = select_fixes(
                f
                for d in diagnostics
                if (f := applicable_fix(d, unsafe)) is not None and fits_word(extraction, f)
            )
            if not fixes:
                break
            apply_word_fixes(extraction, fixes)
            applied += len(fixes)
            extraction = extract(document)
            diagnostics = _lint(display, extraction, settings)
    result = FileResult(display, original_text, diagnostics, fixes_applied=applied, lang=lang)
    if extraction.text != original_text:
        result.fixed_source = extraction.text
    if not (fix and write) and not annotate:  # (annotate is off with --diff: see session)
        return result
    if annotate:
        to_comment = diagnostics
    else:  # --fix: only the fixes that could not be applied become comments
        to_comment = [d for d in diagnostics if applicable_fix(d, unsafe) is not None]
    added = add_comments(document, extraction, to_comment, lang)
    target = annotated_path(path) if annotate else path
    if not annotate and not applied and not added:
        return result
    try:
        buffer = io.BytesIO()
        document.save(buffer)
        write_atomically(target, buffer.getvalue(), create=True)
    except OSError as exc:
        failed = unreadable(
            display,
            Msg(
                f"Không ghi được tệp {os.path.basename(target)}: {exc.strerror}",
                f"Cannot write {os.path.basename(target)}: {exc.strerror}",
            ),
        )
        result.diagnostics.insert(0, failed.diagnostics[0])
        result.fixed_source, result.fixes_applied = None, 0
    return result


def _lint(path: str, extraction: Extraction, settings: Settings) -> list[Diagnostic]:
    return lint_document(document_from(path, extraction), settings)


# --- comments -------------------------------------------------------------------------------


def comment_text(diag: Diagnostic, lang: str) -> str:
    """The comment's text: the code and message, then the fix and suggestions, one a line."""
    lines = [f"[{diag.code} {diag.name}] {text_of(diag.message, lang)}"]
    label_fix = ui.FIX.capitalized().get(lang)
    label_sugg = ui.SUGGESTION.capitalized().get(lang)
    for label, fix in [(label_fix, diag.fix)] + [(label_sugg, s) for s in diag.suggestions]:
        if fix is None:
            continue
        line = f"{label}: {text_of(fix.title, lang)}"
        if len(fix.edits) == 1 and fix.edits[0].content:
            line += f" → “{fix.edits[0].content}”"
        lines.append(line)
    return "\n".join(lines)


def add_comments(document, extraction: Extraction, diagnostics, lang: str) -> int:
    """One comment per finding, anchored on its span; returns how many were added.

    A finding that soat already left as a comment (same author and text) is not repeated, so
    running `--fix` twice does not pile up comments.
    """
    from docx.text.run import Run

    existing = {c.text for c in document.comments if c.author == AUTHOR}
    added = 0
    for diag in sorted(diagnostics, key=lambda d: (d.start, d.end, d.code)):
        text = comment_text(diag, lang)
        anchor = anchor_runs(extraction, diag.start, diag.end)
        if anchor is None:
            continue
        first, last, where = anchor
        if where:
            text = where.get(lang) + "\n" + text
        if text in existing:
            continue
        # Only the run elements matter to add_comment (it places the range marks around them).
        runs = [Run(first, cast(Any, None)), Run(last, cast(Any, None))]
        document.add_comment(runs, text=text, author=AUTHOR)
        existing.add(text)
        added += 1
    return added


def anchor_runs(extraction: Extraction, start: int, end: int) -> tuple[Any, Any, Msg | None] | None:
    """The first and last run of the span, split so the comment covers exactly its text.

    Comments live in the main document (Word has none in headers or footers; python-docx
    none in notes): a finding there is anchored on the note's reference in the body, or on the
    document's first run, and its comment says where the text is.
    """
    paragraphs = extraction.paragraphs
    i, a = extraction.locate(start)
    j, b = extraction.locate(max(start, end))
    if j > i and b == 0:  # the span ends with a line break: end at the line's last character
        j -= 1
        b = len(paragraphs[j].text)
    first_p, last_p = paragraphs[i], paragraphs[j]
    if first_p.where in _WHERE or last_p.where in _WHERE:
        run = _note_reference(extraction, first_p)
        if run is None:
            run = _first_body_run(extraction)
        if run is None:
            return None
        vi, en = _WHERE.get(first_p.where, _WHERE.get(last_p.where, ("", "")))
        row = i + 1
        col = a + 1
        return run, run, Msg(f"({vi}, đoạn {row}:{col})", f"({en}, paragraph {row}:{col})")
    if a == b and i == j:  # an insertion point: the character before it, else the one after
        if a > 0 and first_p.piece_at(a - 1) is not None:
            a -= 1
        elif first_p.piece_at(a) is not None:
            b = a + 1
        else:
            run = _first_body_run(extraction)
            return (run, run, None) if run is not None else None
        b = max(b, a + 1)
    _split_at(first_p, a)
    _split_at(last_p, b)
    head = _first_piece_from(first_p, a)
    tail = _last_piece_before(last_p, b)
    if head is None or tail is None:
        run = _first_body_run(extraction)
        return (run, run, None) if run is not None else None
    return head.run, tail.run, None


def _first_piece_from(p: Paragraph, offset: int) -> Piece | None:
    return next((piece for piece in p.pieces if piece.end > offset), None)


def _last_piece_before(p: Paragraph, offset: int) -> Piece | None:
    return next((piece for piece in reversed(p.pieces) if piece.start < offset), None)


def _split_at(p: Paragraph, offset: int) -> None:
    """Make `offset` a run boundary of paragraph `p` (its text does not change)."""
    piece = p.piece_at(offset)
    if piece is None:
        return
    index = p.pieces.index(piece)
    if piece.start == offset and (index == 0 or p.pieces[index - 1].run is not piece.run):
        return
    split_run(piece.run, piece.node, offset - piece.start)
    _, p.pieces, _, _ = paragraph_pieces(p.element)


def split_run(r, node, k: int) -> Any:
    """Split run `r` before character `k` of its child `node`; returns the new second run.

    Both halves keep the run's properties (`w:rPr`), so the formatting does not change.
    """
    second = copy.deepcopy(r)
    children = [c for c in r if c.tag != w("rPr")]
    copies = [c for c in second if c.tag != w("rPr")]
    at = children.index(node)
    text = node.text or ""
    if k == 0:
        keep_first, keep_second = children[:at], copies[at:]
    else:
        keep_first, keep_second = children[: at + 1], copies[at:]
        set_text(node, text[:k])
        set_text(copies[at], text[k:])
    for c in children:
        if not any(c is kept for kept in keep_first):
            r.remove(c)
    for c in copies:
        if not any(c is kept for kept in keep_second):
            second.remove(c)
    r.addnext(second)
    return second


def _note_reference(extraction: Extraction, p: Paragraph):
    if p.note_id is None:
        return None
    tag = w("footnoteReference") if p.where == "footnote" else w("endnoteReference")
    for q in extraction.paragraphs:
        if q.where in _WHERE:
            continue
        for ref in q.element.iter(tag):
            if ref.get(w("id")) == p.note_id:
                return ref.getparent()
    return None


def _first_body_run(extraction: Extraction):
    for p in extraction.paragraphs:
        if p.where not in _WHERE and p.pieces:
            return p.pieces[0].run
    return None
