"""Capitalised words that belong to personal names (soat.vi.name_syllables)."""

import pytest

from soat.vi.name_syllables import person_name_indexes
from soat.vi.tokens import iter_words


def _names(text, known=()):
    words = list(iter_words(text))
    return [words[i].text for i in sorted(person_name_indexes(text, words, known))]


@pytest.mark.parametrize(
    "text,names",
    [
        ("bà Nguyễn Thị Thủy cho biết", ["Nguyễn", "Thị", "Thủy"]),
        ("Chủ tịch UBND tỉnh Thanh Hóa Đỗ Minh Tuấn", ["Đỗ", "Minh", "Tuấn"]),
        ("Chị Thuý kể lại. Thuý cho biết", ["Thuý", "Thuý"]),
        ("gặp ông Lý ở Hà Nội", ["Lý", "Hà", "Nội"]),
        ("Ủy ban nhân dân tỉnh Khánh Hòa", []),
    ],
)
def test_person_names(text, names):
    assert _names(text) == names


def test_known_names():
    assert _names("Giáng Hương phát biểu", known=["Giáng Hương"]) == ["Giáng", "Hương"]
