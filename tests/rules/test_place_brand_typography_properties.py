"""SPL003, SPL004, TYP002, TYP003, TYP004 and TYP006 never crash and report spans in the source."""

from hypothesis import given
from hypothesis import strategies as st

from tests.rule_fixtures import fix, run

CODES = ["SPL003", "SPL004", "TYP002", "TYP003", "TYP004", "TYP006"]
PIECES = [
    "tỉnh ",
    "thành phố ",
    "TP.",
    "huyện ",
    "các điểm cầu ",
    "tại ",
    "Lai Cai",
    "Lào Cai",
    "Đăk Lăk",
    "Bình Dương",
    ", ",
    " và ",
    "facebook",
    "YouTube",
    "www.zalo.me",
    "@",
    '"',
    "“",
    "”",
    "...",
    "…",
    " - ",
    "–",
    "2023",
    "-",
    ".",
    ",",
    ":",
    "8:30",
    "2,5",
    "\n",
    "\u00a0",
    " ",
    "Nguyễn Văn A",
    "(cũ)",
]
TEXTS = st.one_of(st.text(), st.lists(st.sampled_from(PIECES), max_size=40).map("".join))


@given(TEXTS, st.sampled_from(["txt", "md", "html"]))
def test_no_crash_and_spans_inside_the_source(text, fmt):
    diags = run(text, CODES, fmt)
    assert not [d for d in diags if d.code == "INT001"]
    for d in diags:
        assert 0 <= d.start <= d.end <= len(text)
        if d.fix:
            assert all(0 <= e.start <= e.end <= len(text) for e in d.fix.edits)


@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_fixing_never_crashes(text):
    fixed = fix(text, CODES, "txt", unsafe=True)
    assert isinstance(fixed, str)
