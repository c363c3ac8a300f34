"""PlainBuilder keeps pieces of text; the per-character definition it replaced is the reference.

The reference below is the builder as it was (one item per character): for any sequence of
calls, both must give the same view (text, source starts and ends), for each format's
whitespace and with or without a source map.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from soat.lint.document import TextView
from soat.lint.formats.inline import PlainBuilder

# --- the per-character reference (soat/lint/formats/inline.py before the piece items) ---

TEXT, SPACE, COLLAPSED, GAP, BREAK = range(5)
_WS = (SPACE, COLLAPSED)


class ReferenceBuilder:
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


# --- the comparison ---------------------------------------------------------------------

CHUNK = st.text(alphabet=" \t\n\r\f\u00a0ab.", max_size=8)
OP = st.one_of(
    st.tuples(st.just("text"), CHUNK),
    st.tuples(st.just("literal"), CHUNK),
    st.tuples(st.just("decoded"), st.text(alphabet=" \u00a0a", max_size=2)),
    st.tuples(st.just("collapsed"), st.just("")),
    st.tuples(st.just("hard_break"), st.just("")),
    st.tuples(st.just("gap"), st.just("")),
    st.tuples(st.just("skip"), st.integers(1, 3)),
)


def feed(builder, ops) -> None:
    pos = 0
    for op, arg in ops:
        if op == "skip":  # markup between two pieces (a tag): positions not contiguous
            pos += arg
        elif op in ("text", "literal"):
            getattr(builder, op)(arg, pos)
            pos += len(arg)
        elif op == "decoded":
            builder.decoded(arg, pos, pos + 6)
            pos += 6
        elif op == "gap":
            builder.gap()
        else:
            getattr(builder, op)(pos, pos + 2)
            pos += 2


def as_tuple(view: TextView | None):
    return None if view is None else (view.text, tuple(view.starts), tuple(view.ends))


@given(
    st.lists(OP, max_size=14),
    st.sampled_from([" \t", " \t\n\r\f"]),
    st.booleans(),
    st.booleans(),
)
def test_same_view_as_the_per_character_builder(ops, collapsible, keep_trailing, mapped):
    new, old = PlainBuilder(collapsible), ReferenceBuilder(collapsible)
    feed(new, ops)
    feed(old, ops)
    to_source = (lambda x: 3 * x + 1) if mapped else None
    assert new.empty == old.empty
    got = new.view(keep_trailing=keep_trailing, to_source=to_source)
    want = old.view(keep_trailing=keep_trailing, to_source=to_source)
    assert as_tuple(got) == as_tuple(want)
    if got is not None:
        assert got == want  # the same TextView: tuples, not ranges


def test_a_line_break_inside_one_piece_collapses_with_its_spaces():
    builder = PlainBuilder(" \t\n\r\f")
    builder.text("  a  b \n  c ", 10)
    view = builder.view()
    assert view is not None
    assert view.text == "a  b c"
    assert view.starts == (12, 13, 14, 15, 16, 20)
    assert view.ends == (13, 14, 15, 16, 20, 21)
