"""Plain text of a block, assembled from located pieces of the source (Markdown and HTML).

A reader feeds a `PlainBuilder` with what it found, in source order: text copied from the
source, characters decoded from an entity or escape, line breaks the format collapses, hard
line breaks, and gaps where something that is not prose (an image, a code span, a comment)
was skipped. `view()` then applies the format's whitespace rules (docs/architecture.md §4.5):

- a run of whitespace that holds a line break, or that spans markup ("a <b> b"), is collapsed
  into one space covering the whole run — TYP001 then sees one normal space;
- a run of spaces or tabs inside one line stays as written, so TYP001 sees it;
- whitespace at the start of the block, around a hard break, and the collapsed whitespace at
  its end is dropped; trailing spaces of the block's last line are kept when the format
  writes blocks on lines of their own (Markdown), as in plain text;
- where a gap sits between two whitespace runs, or between whitespace and the end of the
  line, the extra whitespace goes with the gap ("a `code` b" reads "a b").
"""

from __future__ import annotations

from soat.lint.document import TextView

TEXT, SPACE, COLLAPSED, GAP, BREAK = range(5)
_WS = (SPACE, COLLAPSED)


class PlainBuilder:
    """Collects (kind, char, start, end) items, offsets into the reader's working text."""

    def __init__(self, collapsible: str = " \t") -> None:
        self.items: list[tuple[int, str, int, int]] = []
        self._collapsible = collapsible

    def text(self, text: str, start: int) -> None:
        """Source text copied one-to-one from `start`."""
        ws = self._collapsible
        self.items.extend(
            (SPACE if ch in ws else TEXT, ch, start + i, start + i + 1) for i, ch in enumerate(text)
        )

    def literal(self, text: str, start: int) -> None:
        """Source text kept as written even where it is whitespace (a Markdown hard break)."""
        self.items.extend((TEXT, ch, start + i, start + i + 1) for i, ch in enumerate(text))

    def decoded(self, text: str, start: int, end: int) -> None:
        """Characters decoded from one source construct (an entity, an escape)."""
        self.items.extend((TEXT, ch, start, end) for ch in text)

    def collapsed(self, start: int, end: int) -> None:
        """Whitespace the format collapses (a soft line break and the indentation after it)."""
        self.items.append((COLLAPSED, " ", start, end))

    def hard_break(self, start: int, end: int) -> None:
        self.items.append((BREAK, "\n", start, end))

    def gap(self) -> None:
        """Something skipped that stood between words (an image, a code span, a comment)."""
        self.items.append((GAP, "", -1, -1))

    @property
    def empty(self) -> bool:
        return all(item[0] != TEXT for item in self.items)

    def view(self, keep_trailing: bool = False, to_source=None) -> TextView | None:
        """The block's plain text, or None when it holds no text."""
        if self.empty:
            return None
        items = _trim(_drop_gaps(_merge_whitespace(self.items)), keep_trailing)
        if not any(kind == TEXT for kind, *_ in items):
            return None
        text = "".join(ch for _, ch, _, _ in items)
        if to_source is None:
            starts = tuple(s for _, _, s, _ in items)
            ends = tuple(e for _, _, _, e in items)
        else:
            starts = tuple(to_source(s) for _, _, s, _ in items)
            ends = tuple(to_source(e) for _, _, _, e in items)
        return TextView(text, starts, ends)


def _merge_whitespace(items):
    out = []
    i, n = 0, len(items)
    while i < n:
        if items[i][0] not in _WS:
            out.append(items[i])
            i += 1
            continue
        j = i
        while j < n and items[j][0] in _WS:
            j += 1
        run = items[i:j]
        verbatim = all(kind == SPACE and ch in " \t" for kind, ch, _, _ in run) and all(
            run[k][3] == run[k + 1][2] for k in range(len(run) - 1)
        )
        if verbatim:
            out.extend(run)
        else:
            out.append((COLLAPSED, " ", run[0][2], run[-1][3]))
        i = j
    return out


def _drop_trailing_ws(out) -> None:
    while out and out[-1][0] in _WS:
        out.pop()


def _drop_gaps(items):
    out = []
    skip_ws = False  # whitespace after a gap that has whitespace (or nothing) before it
    pending = False  # whitespace before a gap goes if the line or block ends after it
    for item in items:
        kind = item[0]
        if kind == GAP:
            left_ws = bool(out) and out[-1][0] in _WS
            if not out or left_ws or out[-1][0] == BREAK:
                skip_ws = True
            pending = pending or left_ws
            continue
        if kind in _WS and skip_ws:
            continue
        skip_ws = False
        if pending and kind == BREAK:
            _drop_trailing_ws(out)
        pending = False
        out.append(item)
    if pending:
        _drop_trailing_ws(out)
    return out


def _trim(items, keep_trailing: bool):
    out: list[tuple] = []
    for item in items:
        kind = item[0]
        if kind in _WS and (not out or out[-1][0] == BREAK):
            continue  # leading whitespace of the block or of a line after a hard break
        if kind == BREAK:
            _drop_trailing_ws(out)
        out.append(item)
    while out and (out[-1][0] == COLLAPSED or (out[-1][0] == SPACE and not keep_trailing)):
        out.pop()
    while out and out[-1][0] == BREAK:
        out.pop()
        _drop_trailing_ws(out)
    return out
