"""soat.vi.names: surnames, name syllables, near-miss spellings."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.vi.names import (
    is_common_surname,
    is_name_syllable,
    is_surname,
    is_vietnamese_syllable_shape,
    looks_like_name,
    name_variant,
)


@pytest.mark.parametrize(
    "word,expected",
    [
        ("Nguyễn", True),
        ("Ngọ", True),
        ("Vũ", True),
        ("Giáp", True),
        ("Phó", False),
        ("Văn", False),
        ("Ông", False),
        ("nguyễn", False),
        ("Hội", False),
    ],
)
def test_is_surname(word, expected):
    assert is_surname(word) is expected


@pytest.mark.parametrize("word,expected", [("Nguyễn", True), ("Ngọ", True), ("Giáp", False)])
def test_is_common_surname(word, expected):
    assert is_common_surname(word) is expected


@pytest.mark.parametrize(
    "word,expected",
    [
        ("Hiểu", True),
        ("A", True),
        ("LĐLĐ", False),
        ("hội", False),
        ("2023", False),
        ("", False),
    ],
)
def test_is_name_syllable(word, expected):
    assert is_name_syllable(word) is expected


@pytest.mark.parametrize(
    "word,expected",
    [
        ("Giáng", True),
        ("Khánh", True),
        ("Nguyễn", True),
        ("Anutin", False),
        ("Costa", False),
    ],
)
def test_is_vietnamese_syllable_shape(word, expected):
    assert is_vietnamese_syllable_shape(word) is expected


@pytest.mark.parametrize(
    "name,known,expected",
    [
        ("Ngọ Duy Hiểu", (), True),
        ("Vũ Thị Giáng Hương", (), True),
        ("Tô Lâm", (), True),
        ("Hàn Quốc", (), False),  # a country, not a person
        ("Thái Lan Anutin Charnvirakul", (), False),
        ("Y Thanh Hà Niê Kđăm", (), False),  # five syllables
        ("Siu Hương", (), False),  # no surname from the list…
        ("Siu Hương", ("Siu Hương",), True),  # …unless the registry knows the name
        ("Nguyễn", (), False),
    ],
)
def test_looks_like_name(name, known, expected):
    assert looks_like_name(name.split(), frozenset(known)) is expected


@pytest.mark.parametrize(
    "a,b,expected",
    [
        ("Trần Thị Thanh Hương", "Trần Thị Thanh Hướng", "marks"),
        ("Nguyễn Anh Tuân", "Nguyễn Anh Tuấn", "marks"),
        ("Lê Văn Toàn", "Lê Văn Loàn", "letter"),
        ("Lê Văn Toàn", "Lê Văn Toàn", None),
        ("Lê Văn Toàn", "Lê Văn Toản Anh", None),  # different number of syllables
        ("Tô Lâm", "Tô Lân", None),  # two syllables: one letter is too little to say
        ("Lê Văn Toàn", "Phan Văn Toàn", None),
        ("Bạch Liên Hương", "Bạch Lan Hương", None),  # two letters apart
    ],
)
def test_name_variant(a, b, expected):
    assert name_variant(a, b) == expected
    assert name_variant(b, a) == expected


@given(st.text(max_size=40), st.text(max_size=40))
def test_name_variant_never_crashes_and_is_symmetric(a, b):
    assert name_variant(a, b) == name_variant(b, a)
