"""Place-name keys and syllable helpers (soat.vi.places)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.vi.places import (
    looks_like_person,
    loose_key,
    place_key,
    same_onsets,
    syllable_count,
    syllable_onset,
)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Khánh Hòa", "Khánh Hoà"),  # tone-mark placement
        ("Thanh Hóa", "THANH HOÁ"),  # case and placement
        ("Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu"),  # spacing around a dash
        ("Bà Rịa - Vũng Tàu", "Bà Rịa – Vũng Tàu"),  # en dash
        ("Hồ Chí Minh", "Hồ  Chí\u00a0Minh"),  # whitespace
        ("Lào Cai", "La\u0300o Cai"),  # decomposed input
    ],
)
def test_same_place_key(a, b):
    assert place_key(a) == place_key(b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Lào Cai", "Lai Cai"),
        ("Đắk Lắk", "Đăk Lăk"),
        ("Hà Nam", "Hà Nám"),
        ("Huế", "Huề"),
    ],
)
def test_different_place_key(a, b):
    assert place_key(a) != place_key(b)


@pytest.mark.parametrize(
    "name, key",
    [
        ("Đắk Lắk", "dak lak"),
        ("Đăk Lăk", "dak lak"),
        ("Lào Cai", "lao cai"),
        ("Bà Rịa - Vũng Tàu", "ba ria-vung tau"),
    ],
)
def test_loose_key(name, key):
    assert loose_key(name) == key


@pytest.mark.parametrize(
    "name, count",
    [
        ("Huế", 1),
        ("Lào Cai", 2),
        ("Hồ Chí Minh", 3),
        ("Bà Rịa - Vũng Tàu", 4),
        ("", 0),
    ],
)
def test_syllable_count(name, count):
    assert syllable_count(name) == count


@pytest.mark.parametrize(
    "syllable, onset",
    [
        ("Thụy", "th"),
        ("Tuy", "t"),
        ("Nghệ", "ngh"),
        ("Ngãi", "ng"),
        ("Quảng", "qu"),
        ("Gia", "gi"),
        ("Gì", "g"),
        ("Ảng", ""),
        ("Đắk", "d"),
        ("Lào", "l"),
        ("Khánh", "kh"),
    ],
)
def test_syllable_onset(syllable, onset):
    assert syllable_onset(syllable) == onset


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Lai Cai", "Lào Cai", True),
        ("Tuy Hà", "Tuy Hòa", True),
        ("Tĩnh Gia", "Bình Gia", False),
        ("Thụy An", "Tuy An", False),
        ("Nam Ninh", "Nam Định", False),
        ("Hà Nam", "Hà Nam Ninh", False),
    ],
)
def test_same_onsets(a, b, same):
    assert same_onsets(a, b) is same


@pytest.mark.parametrize(
    "words, person",
    [
        (["Nguyễn", "Huy", "Khánh"], True),
        (["Trần", "Văn"], False),
        (["Hồ", "Chí", "Minh"], False),
        (["Hải", "Phòng", "Nguyễn"], False),
    ],
)
def test_looks_like_person(words, person):
    assert looks_like_person(words) is person


@given(st.text())
def test_keys_are_idempotent(text):
    key = place_key(text)
    assert place_key(key) == key
    assert loose_key(loose_key(text)) == loose_key(text)
    assert syllable_count(text) >= 0


@given(
    st.text(alphabet="aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ ")
)
def test_place_key_ignores_case(text):
    assert place_key(text.upper()) == place_key(text)
