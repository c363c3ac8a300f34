"""Markdown (`.md`, `.markdown`) on markdown-it-py, with exact source positions.

This module reads the block structure; markdown_inline.py locates each inline token in the
source (a token that cannot be located exactly leaves the rest of its block's text out rather
than be reported at a wrong column). Escapes and entities are kept apart (the `text_join`
rule is off), so `&nbsp;` becomes one character covering its six source characters and `\\*`
one covering two.

Not prose: front matter (metadata), code spans and blocks, HTML blocks and comments, link
URLs, image URLs and alt text (alt texts go to `doc.images`). A caption is an emphasis-only
line inside an image's paragraph, or an emphasis-only paragraph right after an image-only
paragraph. The first level-1 heading is the document's title.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from soat.lint.document import Block, Document, Image
from soat.lint.formats.frontmatter import split_front_matter
from soat.lint.formats.inline import PlainBuilder
from soat.lint.formats.markdown_inline import InlineLocator

_CONTAINERS = {"blockquote_open": "quote", "list_item_open": "list-item"}
_CLOSERS = {"blockquote_close", "list_item_close"}


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt  # start-up: only Markdown files pay

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.disable("text_join")  # keep escapes and entities apart, with their source markup
    return md


def read_markdown(path: str, source: str) -> Document:
    doc = Document(path=path, source=source, format="md")
    front_end, doc.metadata = split_front_matter(source)
    work, to_source = _working_text(source, front_end)
    reader = _Reader(doc, work, to_source)
    reader.read(_parser().parse(work))
    doc.number_blocks()
    return doc


def _working_text(source: str, front_end: int):
    """The text markdown-it parses: line breaks as `\\n`, front matter blanked out.

    Returns it with a map from its offsets back to source offsets (None when they agree).
    """
    to_source = None
    if "\r" in source:
        offsets = []
        i, n = 0, len(source)
        while i < n:
            offsets.append(i)
            i += 2 if source.startswith("\r\n", i) else 1
        offsets.append(n)
        text = source.replace("\r\n", "\n").replace("\r", "\n")
        front = bisect.bisect_left(offsets, front_end)
        to_source = offsets.__getitem__
    else:
        text, front = source, front_end
    if front:
        # Keep the line count so markdown-it's line numbers stay valid.
        text = re.sub(r"[^\n]", " ", text[:front]) + text[front:]
    return text, to_source


class _Reader:
    def __init__(self, doc: Document, text: str, to_source) -> None:
        self.doc = doc
        self.t = text
        self.to_source = to_source or (lambda x: x)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.inline = InlineLocator(text)
        self.title_done = False

    def src(self, offset: int) -> int:
        return self.to_source(offset)

    def line_end(self, row: int) -> int:
        """End of line `row` (0-based), before its line break."""
        if row + 1 < len(self.line_starts):
            return self.line_starts[row + 1] - 1
        return len(self.t)

    def read(self, tokens) -> None:
        containers: list[str] = []
        cell_cursor: tuple[list[int] | None, int] = (None, 0)
        after_image = False
        for i, tok in enumerate(tokens):
            if tok.type in _CONTAINERS:
                containers.append(_CONTAINERS[tok.type])
            elif tok.type in _CLOSERS:
                containers.pop()
            elif tok.type in ("fence", "code_block", "html_block", "hr"):
                after_image = False
            if tok.type != "inline":
                continue
            opener = tokens[i - 1]
            if opener.type == "heading_open":
                kind = "heading"
                if opener.tag == "h1" and not self.title_done:
                    kind, self.title_done = "title", True
                after_image = False
                self.block(kind, tok.children or [], tok.map)
            elif opener.type in ("th_open", "td_open"):
                start = self.line_starts[tok.map[0]]
                if cell_cursor[0] == tok.map:
                    start = cell_cursor[1]
                end = self.cell(tok.children or [], start, self.line_end(tok.map[0]))
                cell_cursor = (tok.map, end)
                after_image = False
            else:
                kind = containers[-1] if containers else "paragraph"
                after_image = self.paragraph(kind, tok.children or [], tok.map, after_image)
        for alt, start, end in self.inline.images:
            self.doc.images.append(Image(alt, self.src(start), self.src(end), 0))

    # --- blocks -----------------------------------------------------------------------

    def _extent(self, first_row: int, last_row: int) -> tuple[int, int]:
        return self.src(self.line_starts[first_row]), self.src(self.line_end(last_row))

    def block(self, kind: str, children, rows, line_rows=None) -> None:
        builder = PlainBuilder()
        first, last = line_rows or (rows[0], rows[1] - 1)
        self.inline.locate(children, builder, self.line_starts[first], trailing=True)
        view = builder.view(keep_trailing=True, to_source=self.to_source)
        if view is None:
            return
        start, end = self._extent(first, last)
        self.doc.blocks.append(Block(kind, view, start, end))

    def cell(self, children, start: int, limit: int) -> int:
        builder = PlainBuilder()
        end = self.inline.locate(children, builder, start, trailing=False)
        view = builder.view(to_source=self.to_source)
        if view is not None:
            self.doc.blocks.append(Block("table-cell", view, view.starts[0], view.ends[-1]))
        return end if end is not None else limit

    def paragraph(self, kind: str, children, rows, after_image: bool) -> bool:
        """Adds the paragraph's blocks; returns whether it was an image-only paragraph."""
        lines = _split_lines(children)
        shapes = [_shape(line) for line in lines]
        if shapes == ["image"]:
            self.inline.locate(children, PlainBuilder(), self.line_starts[rows[0]], trailing=False)
            return True
        if len(lines) > 1 and "image" in shapes:
            # An image with its caption (and maybe more lines) in one paragraph: group the
            # lines, each emphasis-only line a caption, the other text lines paragraphs.
            row = rows[0]
            group: list = []
            group_rows: list[int] = []
            for line, shape in zip(lines, shapes, strict=True):
                if shape == "emphasis" or shape == "image":
                    if group:
                        self.block(kind, _join(group), rows, (group_rows[0], group_rows[-1]))
                        group, group_rows = [], []
                    if shape == "emphasis":
                        self.block("caption", line, rows, (row, row))
                    else:
                        self.inline.locate(
                            line, PlainBuilder(), self.line_starts[row], trailing=False
                        )
                else:
                    group.append(line)
                    group_rows.append(row)
                row += 1 + _line_breaks_inside(line)
            if group:
                self.block(kind, _join(group), rows, (group_rows[0], group_rows[-1]))
            return False
        if after_image and _shape(children) == "emphasis":
            kind = "caption"
        self.block(kind, children, rows)
        return False


def _split_lines(children) -> list[list]:
    lines: list[list] = [[]]
    for tok in children:
        if tok.type in ("softbreak", "hardbreak"):
            lines.append([])
        else:
            lines[-1].append(tok)
    return lines


def _join(lines: list[list]) -> list:
    """Lines back into one token list, joined by soft breaks."""
    from markdown_it.token import Token

    out: list = []
    for k, line in enumerate(lines):
        if k:
            out.append(Token("softbreak", "br", 0))
        out.extend(line)
    return out


def _line_breaks_inside(line) -> int:
    """Line breaks inside a line's tokens (a code span or inline HTML spread over lines)."""
    return sum(
        tok.content.count("\n") for tok in line if tok.type in ("code_inline", "html_inline")
    )


def _shape(tokens) -> str:
    """ "image" for a lone image, "emphasis" for a wholly emphasised line, else "text"."""
    core = [tok for tok in tokens if not (tok.type == "text" and not tok.content.strip())]
    if len(core) == 1 and core[0].type == "image":
        return "image"
    if len(core) >= 3 and core[0].type in ("em_open", "strong_open"):
        opener, closer = core[0].type, core[0].type.replace("_open", "_close")
        depth = 0
        for k, tok in enumerate(core):
            if tok.type == opener:
                depth += 1
            elif tok.type == closer:
                depth -= 1
                if depth == 0:
                    return "emphasis" if k == len(core) - 1 else "text"
    return "text"
