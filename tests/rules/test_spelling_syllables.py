"""SPL001, SPL002, SPL005 on the seed article and on arbitrary text."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.rule_fixtures import run

CODES = ["SPL001", "SPL002", "SPL005"]
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_7f95cae0e241f5ce.txt"


@pytest.mark.skipif(not SEED.is_file(), reason="the shared seed article is not checked out")
def test_seed_is_quiet():
    # The seed is consistent: traditional tone placement, y spellings, no misspelling.
    assert run(SEED.read_text("utf-8"), CODES) == []


_VIETNAMESE = st.text(
    alphabet="aăâeêioôơuưy bcdđghklmnpqrstvx áàảãạếềểễệốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵHÒÁNGỦY.,-\n",
    max_size=80,
)


@settings(max_examples=80, deadline=None)
@given(st.one_of(st.text(max_size=80), _VIETNAMESE), st.sampled_from(["txt", "md", "html"]))
def test_rules_never_raise(text, fmt):
    for diag in run(text, CODES, fmt):
        assert diag.code in CODES  # an exception would be reported as INT001
        assert 0 <= diag.start <= diag.end <= len(text)
