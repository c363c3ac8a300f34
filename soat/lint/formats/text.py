"""Plain text: each non-blank line is a block; the first that is not navigation is the title.

Drafts pasted from web pages and word processors carry one paragraph per line. soat's own
directive comments are removed from the block text (a directive-only line is no block).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from soat.lint.document import Block, Document, TextView
from soat.lint.suppress import DIRECTIVE_RE

# A line holding something besides white space: a maximal run of characters other than CR
# and LF, starting where the text or a line starts. `\S` is what `str.strip()` keeps.
_CONTENT_LINE_RE = re.compile(r"(?<![^\r\n])[^\r\n]*\S[^\r\n]*")
# Breadcrumb trails ("Trang chủ > Tin tức") are navigation, not the article's title.
# Items are short and the separators stand between spaces, so a date ("3/11/2025") or a
# fraction in a title never makes it navigation.
_BREADCRUMB_RE = re.compile(
    r"^\s*[^>»›/|]{1,40}(?:\s[>»›]\s[^>»›/|]{1,60})+\s*$"
    r"|^\s*[^>»›/|]{1,40}(?:\s[/|]\s[^>»›/|]{1,60}){2,}\s*$"
)


def read_text(path: str, source: str) -> Document:
    doc = Document(path=path, source=source, format="txt")
    blocks = doc.blocks
    directives = "soat-" in source  # every directive names "soat-"
    for line, start in _content_lines(source):
        end = start + len(line)
        if directives:
            view = _strip_directives(line, start)
            if view is None:
                continue
        else:
            view = TextView.contiguous(line, start)
        blocks.append(Block("paragraph", view, start, end, len(blocks)))
    for block in blocks:
        if not _BREADCRUMB_RE.search(block.raw.text):
            block.kind = "title"
            break
    return doc


def _content_lines(source: str) -> Iterator[tuple[str, int]]:
    """Each line holding something besides white space, with its offset: the matches of
    `_CONTENT_LINE_RE`. Without CR, by splitting on LF (a regex step per character costs
    more than the split), a line kept unless `str.isspace()` (white space as the regex reads it)."""
    if "\r" in source:
        for m in _CONTENT_LINE_RE.finditer(source):
            yield m.group(), m.start()
        return
    start = 0
    for line in source.split("\n"):
        if line and not line.isspace():
            yield line, start
        start += len(line) + 1


def _strip_directives(line: str, start: int) -> TextView | None:
    """The line's text without soat directives; None for a directive-only line."""
    matches = list(DIRECTIVE_RE.finditer(line))
    if not matches:
        return TextView.contiguous(line, start)
    pieces, last = [], 0
    for m in matches:
        cut = m.start()
        # One separator stays: the spaces before the directive go only when spaces (or the
        # line's end) follow it. Dropping them otherwise would hide a space a fix inserts.
        if m.end() == len(line) or line[m.end()] in " \t":
            while cut > last and line[cut - 1] in " \t":
                cut -= 1
        pieces.append(TextView.contiguous(line[last:cut], start + last))
        last = m.end()
    pieces.append(TextView.contiguous(line[last:], start + last))
    view = TextView.concat(pieces)
    return view if view.text.strip() else None
