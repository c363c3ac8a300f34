"""TYP001 scans only the whitespace runs that can be findings: the same runs as taking every
maximal run and dropping a single plain space inside a line."""

import re

from hypothesis import given
from hypothesis import strategies as st

from soat.rules.typography.whitespace import _RUN_RE

_ALL_RUNS = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


@given(st.text(alphabet=" a\t\u00a0\r\n\u3000\u2009", max_size=16))
def test_candidate_runs_are_maximal_runs_minus_single_inner_spaces(text):
    expected = [
        m.span()
        for m in _ALL_RUNS.finditer(text)
        if m.group() != " " or m.end() == len(text) or text[m.end()] in "\r\n"
    ]
    assert [m.span() for m in _RUN_RE.finditer(text)] == expected
