"""PlainBuilder keeps pieces of text; the per-character definition it replaced is the reference.

The reference (tests/lint/reference_readers.py) is the builder as it was, one item per
character: for any sequence of calls, both must give the same view (text, source starts and
ends), for each format's whitespace and with or without a source map.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from soat.lint.document import TextView
from soat.lint.formats.inline import PlainBuilder
from tests.lint.reference_readers import ReferenceBuilder

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
