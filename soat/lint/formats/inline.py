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

The builder keeps pieces, not characters: a piece of text copied from the source is one item
whatever its length (its characters map to consecutive source positions), so that building a
block costs per piece of markup, not per character (tests/lint/test_inline.py compares it with
the per-character definition).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import chain, repeat

from soat.lint.document import TextView

# Item kinds. TEXT: prose copied one-to-one from the source (it may hold spaces or tabs
# between its words: a run of those inside one piece of text stays as written anyway);
# FIXED: characters decoded from one construct, each covering the whole construct; SPACE:
# a run of collapsible whitespace copied from the source; COLLAPSED: whitespace standing for
# its whole source range; GAP: something skipped; BREAK: a hard line break.
TEXT, SPACE, COLLAPSED, GAP, BREAK, FIXED = range(6)
_WS = (SPACE, COLLAPSED)
_PROSE = (TEXT, FIXED)
_GAP_ITEM = (GAP, "", -1, -1)
_SPLITTERS: dict[str, tuple[str, re.Pattern | None]] = {}


def _splitter(collapsible: str) -> tuple[str, re.Pattern | None]:
    """The whitespace to strip at a piece's edges, and the pattern of whitespace runs that
    collapse even inside one piece (those with a character other than a space or tab)."""
    found = _SPLITTERS.get(collapsible)
    if found is None:
        other = "".join(ch for ch in collapsible if ch not in " \t")
        pattern = None
        if other:
            ws, oth = re.escape(collapsible), re.escape(other)
            pattern = re.compile(f"[{ws}]*[{oth}][{ws}]*")
        found = _SPLITTERS[collapsible] = (collapsible, pattern)
    return found


class PlainBuilder:
    """Collects (kind, text, start, end) items, offsets into the reader's working text."""

    __slots__ = ("items", "prose", "_collapsible", "_inner")

    def __init__(self, collapsible: str = " \t") -> None:
        self.items: list[tuple[int, str, int, int]] = []
        self.prose = False  # whether an item holds text (TEXT or FIXED)
        self._collapsible, self._inner = _splitter(collapsible)

    def text(self, text: str, start: int) -> None:
        """Source text copied one-to-one from `start`."""
        if not text:
            return
        ws = self._collapsible
        items = self.items
        core = text.lstrip(ws)
        if not core:
            items.append((SPACE, text, start, start + len(text)))
            return
        self.prose = True
        lead = len(text) - len(core)
        if lead:
            items.append((SPACE, text[:lead], start, start + lead))
            start += lead
        core = core.rstrip(ws)
        trail = text[lead + len(core) :]
        inner = self._inner
        if inner is None or not inner.search(core):
            items.append((TEXT, core, start, start + len(core)))
        else:
            pos = 0
            for m in inner.finditer(core):
                s, e = m.span()
                items.append((TEXT, core[pos:s], start + pos, start + s))
                items.append((COLLAPSED, " ", start + s, start + e))
                pos = e
            items.append((TEXT, core[pos:], start + pos, start + len(core)))
        if trail:
            end = start + len(core)
            items.append((SPACE, trail, end, end + len(trail)))

    def literal(self, text: str, start: int) -> None:
        """Source text kept as written even where it is whitespace (a Markdown hard break)."""
        if text:
            self.prose = True
            self.items.append((TEXT, text, start, start + len(text)))

    def decoded(self, text: str, start: int, end: int) -> None:
        """Characters decoded from one source construct (an entity, an escape)."""
        if text:
            self.prose = True
            self.items.append((FIXED, text, start, end))

    def collapsed(self, start: int, end: int) -> None:
        """Whitespace the format collapses (a soft line break and the indentation after it)."""
        self.items.append((COLLAPSED, " ", start, end))

    def hard_break(self, start: int, end: int) -> None:
        self.items.append((BREAK, "\n", start, end))

    def gap(self) -> None:
        """Something skipped that stood between words (an image, a code span, a comment)."""
        self.items.append(_GAP_ITEM)

    @property
    def empty(self) -> bool:
        return not self.prose

    def view(self, keep_trailing: bool = False, to_source=None) -> TextView | None:
        """The block's plain text, or None when it holds no text."""
        if self.empty:
            return None
        items = _trim(_drop_gaps(_merge_whitespace(self.items)), keep_trailing)
        if not any(item[0] in _PROSE for item in items):
            return None
        text = "".join([item[1] for item in items])
        starts_parts: list = []
        ends_parts: list = []
        for kind, chars, s, e in items:
            if kind == TEXT or kind == SPACE:
                starts_parts.append(range(s, e))
                ends_parts.append(range(s + 1, e + 1))
            elif kind == FIXED:
                starts_parts.append(repeat(s, len(chars)))
                ends_parts.append(repeat(e, len(chars)))
            else:
                starts_parts.append((s,))
                ends_parts.append((e,))
        starts: Iterable[int] = chain.from_iterable(starts_parts)
        ends: Iterable[int] = chain.from_iterable(ends_parts)
        if to_source is not None:
            starts, ends = map(to_source, starts), map(to_source, ends)
        return TextView(text, tuple(starts), tuple(ends))


def _merge_whitespace(items):
    """Runs of whitespace items: kept when they are spaces and tabs written one after the
    other, otherwise one collapsed space over the whole run."""
    out = []
    append = out.append
    i, n = 0, len(items)
    while i < n:
        item = items[i]
        if item[0] not in _WS:
            append(item)
            i += 1
            continue
        j = i + 1
        while j < n and items[j][0] in _WS:
            j += 1
        if j == i + 1:
            if item[0] == SPACE and not item[1].strip(" \t"):
                append(item)
            else:
                append((COLLAPSED, " ", item[2], item[3]))
        else:
            run = items[i:j]
            verbatim = all(
                kind == SPACE and not chars.strip(" \t") for kind, chars, _, _ in run
            ) and all(run[k][3] == run[k + 1][2] for k in range(len(run) - 1))
            if verbatim:
                out.extend(run)
            else:
                append((COLLAPSED, " ", run[0][2], run[-1][3]))
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
