"""soat.vi.titles (lexicon, ranks) and soat.vi.mentions (person mentions)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.vi.mentions import MentionContext, find_title_hits_and_mentions
from soat.vi.titles import (
    DEPUTY,
    HEAD,
    MEMBER,
    incompatible,
    is_single_holder,
    match_title,
    title_starts,
    titles_starting_with,
)


@pytest.mark.parametrize(
    "text,official,rank,base",
    [
        ("Chủ tịch", "Chủ tịch", HEAD, "chủ tịch"),
        ("Phó Chủ tịch", "Phó Chủ tịch", DEPUTY, "chủ tịch"),
        ("phó chủ tịch thường trực", "Phó Chủ tịch Thường trực", DEPUTY, "chủ tịch"),
        ("Ủy viên Đoàn Chủ tịch", "Ủy viên Đoàn Chủ tịch", MEMBER, "đoàn chủ tịch"),
        ("Thứ trưởng", "Thứ trưởng", DEPUTY, "bộ trưởng"),
        ("Tổng Bí thư", "Tổng Bí thư", HEAD, "tổng bí thư"),
        ("Phó Trưởng Ban", "Phó Trưởng Ban", DEPUTY, "trưởng ban"),
    ],
)
def test_match_title(text, official, rank, base):
    form = match_title(text.split())
    assert (form.official, form.rank, form.base) == (official, rank, base)


@pytest.mark.parametrize("text", ["Đoàn viên", "chủ", "", "Tổng"])
def test_match_title_none(text):
    assert match_title(text.split()) is None


@pytest.mark.parametrize(
    "a,b,expected",
    [
        ((HEAD, "chủ tịch"), (DEPUTY, "chủ tịch"), True),
        ((DEPUTY, "chủ tịch"), (DEPUTY, "chủ tịch"), False),  # Phó Chủ tịch / … Thường trực
        ((HEAD, "bộ trưởng"), (DEPUTY, "bộ trưởng"), True),
        ((HEAD, "trưởng ban tuyên giáo"), (DEPUTY, "trưởng ban tổ chức"), False),
        ((MEMBER, "đoàn chủ tịch"), (HEAD, "trưởng ban tuyên giáo"), False),
    ],
)
def test_incompatible(a, b, expected):
    assert incompatible(*a, *b) is expected


@pytest.mark.parametrize(
    "rank,base,expected",
    [
        (HEAD, "chủ tịch", True),
        (HEAD, "trưởng ban tuyên giáo", True),
        (DEPUTY, "chủ tịch", False),
        (HEAD, "tổng bí thư", False),
    ],
)
def test_is_single_holder(rank, base, expected):
    assert is_single_holder(rank, base) is expected


CTX = MentionContext(
    org_names=["Tổng LĐLĐ Việt Nam", "LĐLĐ thành phố Hải Phòng"],
    place_names=["Lâm Đồng", "Hà Giang"],
)


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Phó Chủ tịch Tổng LĐLĐ Việt Nam Ngọ Duy Hiểu quán triệt.",
            [("Ngọ Duy Hiểu", "Phó Chủ tịch", "Tổng LĐLĐ Việt Nam", "title-name")],
        ),
        (
            "Chủ tịch LĐLĐ thành phố Hải Phòng Nguyễn Anh Tuân chia sẻ.",
            [("Nguyễn Anh Tuân", "Chủ tịch", "LĐLĐ thành phố Hải Phòng", "title-name")],
        ),
        (
            "Chủ tịch UBND tỉnh Lâm Đồng Hồ Văn Mười phát biểu.",
            [("Hồ Văn Mười", "Chủ tịch", "UBND tỉnh Lâm Đồng", "title-name")],
        ),
        (
            "Bộ trưởng Bộ Lao động - Thương binh và Xã hội Đào Ngọc Dung dự.",
            [("Đào Ngọc Dung", "Bộ trưởng", "Bộ Lao động - Thương binh và Xã hội", "title-name")],
        ),
        (
            "có các đồng chí: Vũ Thị Giáng Hương - Ủy viên Đoàn Chủ tịch Tổng LĐLĐ Việt Nam, "
            "Trưởng Ban Tuyên giáo; các Phó Trưởng Ban Tuyên giáo: Vũ Mạnh Tiêm.",
            [
                ("Vũ Thị Giáng Hương", "Ủy viên Đoàn Chủ tịch", "Tổng LĐLĐ Việt Nam", "apposition"),
                ("Vũ Thị Giáng Hương", "Trưởng Ban Tuyên giáo", None, "apposition"),
            ],
        ),
        (
            "Đến dự có ông Lê Văn Hải, Chủ tịch LĐLĐ tỉnh Nghệ An.",
            [("Lê Văn Hải", "Chủ tịch", "LĐLĐ tỉnh Nghệ An", "apposition")],
        ),
        ("Bài “Chủ tịch Nguyễn Văn An và mùa xuân” đoạt giải.", []),
        ("Trưởng Ban Tuyên giáo Tổng LĐLĐ Việt Nam cũng trao đổi.", []),
        ("Thủ tướng Thái Lan Anutin Charnvirakul thăm Việt Nam.", []),
        (
            "Tại Hà Nội, Chủ tịch nước Lương Cường tiếp đoàn.",
            [("Lương Cường", "Chủ tịch nước", None, "title-name")],
        ),
    ],
)
def test_find_mentions(text, expected):
    _, mentions = find_title_hits_and_mentions(text, CTX)
    got = [(m.name, m.title.written, m.org, m.form) for m in mentions]
    assert got == expected
    for m in mentions:
        assert text[m.name_start : m.name_end] == m.name
        assert text[m.title.start : m.title.end] == m.title.written
        if m.org:
            assert text[m.org_start : m.org_end] == m.org


def test_modifiers():
    _, mentions = find_title_hits_and_mentions(
        "Tân Chủ tịch LĐLĐ tỉnh Nghệ An Lê Văn Hải cảm ơn nguyên Chủ tịch Trần Quốc Toản.", CTX
    )
    assert [(m.name, m.title.modifier) for m in mentions] == [
        ("Lê Văn Hải", "tân"),
        ("Trần Quốc Toản", "nguyên"),
    ]


@given(st.text(max_size=200))
def test_find_mentions_never_crashes(text):
    hits, mentions = find_title_hits_and_mentions(text, CTX)
    for m in mentions:
        assert 0 <= m.name_start < m.name_end <= len(text)


@given(
    st.lists(st.sampled_from(["Phó", "chủ", "TỊCH", "tịch", "Bí", "thư", "ông", "Ban", ",", "A"]))
)
def test_titles_start_only_where_title_starts_says(words):
    starts = title_starts(words)
    # Every title match_title finds starts at one of them, and each is a title's first word.
    assert {i for i in range(len(words)) if match_title(words, i) is not None} <= set(starts)
    assert all(titles_starting_with(words[i]) for i in starts)


@given(st.text(alphabet=st.sampled_from("ab1_ ,.\u00a0\t\nđ“”")))
def test_mention_tokens_are_the_token_matches(text):
    import re

    from soat.vi.mentions import _Block

    block = _Block(text, MentionContext([], [], frozenset()))
    toks = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]
    assert list(zip(block.words, block.starts, block.ends, strict=True)) == toks


def test_shortest_titles_are_those_holding_no_other_title_in_a_row():
    """`_shortest_titles` (by contiguous word runs) against its definition: a title whose
    spelt words (" w1 w2 ") hold no other title's spelt words."""
    from soat.vi.titles import _shortest_titles, title_lexicon

    spelt = {f.folded_words: f" {' '.join(f.folded_words)} " for f in title_lexicon()}
    expected = tuple(
        words
        for words, text in sorted(spelt.items())
        if not any(other in text for other in spelt.values() if other != text)
    )
    assert _shortest_titles() == expected
    assert ("chủ", "tịch") in expected and ("phó", "chủ", "tịch") not in expected
