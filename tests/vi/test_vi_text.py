"""soat.vi.text: whitespace, case and tone folding, words, credit lines."""

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soat.vi.text import (
    collapse_spaces,
    comparable,
    fold_case,
    fold_tones,
    is_capitalized,
    is_credit_line,
    more_words_than,
    quoted_spans,
    strip_diacritics,
    strip_tone_marks,
    word_count,
    words,
)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("  Có thể\u00a0bạn \t quan tâm ", "Có thể bạn quan tâm"),
        ("một\ndòng", "một dòng"),
        ("", ""),
    ],
)
def test_collapse_spaces(text, expected):
    assert collapse_spaces(text) == expected


_SPACES = "".join(c for c in map(chr, range(0x3100)) if c.isspace()) + "\u3000\ufeff\u200b"


@given(st.text(alphabet=st.sampled_from(_SPACES + "ab\u0300đ.")))
def test_collapse_spaces_is_a_regex_space_collapse(text):
    # Every character `\s` matches is a separator, as when this was a regex substitution.
    assert collapse_spaces(text) == re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Ho\u0302\u0323i nghị", "Hội nghị"),  # NFD becomes NFC
        ("Hội  nghị ", "Hội nghị"),
    ],
)
def test_comparable(text, expected):
    assert comparable(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Có Thể Bạn  QUAN TÂM", "có thể bạn quan tâm"),
        ("ĐỌC THÊM", "đọc thêm"),
    ],
)
def test_fold_case(text, expected):
    assert fold_case(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Phản hồi", "Phan hôi"),
        ("Đọc thêm", "Đoc thêm"),
        ("Thưởng", "Thương"),
    ],
)
def test_strip_tone_marks_keeps_vowel_marks(text, expected):
    assert strip_tone_marks(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Phản hồi", "Phan hoi"),
        ("Đọc thêm", "Doc them"),
        ("Người lao động", "Nguoi lao dong"),
    ],
)
def test_strip_diacritics(text, expected):
    assert strip_diacritics(text) == expected


@pytest.mark.parametrize(
    "a,b",
    [
        ("Có thể bạn quan tâm", "co the ban quan tam"),
        ("Tin liên quan", "TIN LIEN QUAN"),
        ("Phản  hồi", "phan hoi"),
    ],
)
def test_fold_tones_equal(a, b):
    assert fold_tones(a) == fold_tones(b)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Giải Nhì: 3.000.000 đồng", ["Giải", "Nhì", "3.000.000", "đồng"]),
        ("Nghị quyết 02-NQ/TW ngày 12/6/2021.", ["Nghị", "quyết", "02-NQ/TW", "ngày", "12/6/2021"]),
        ("20,5%", ["20,5"]),
    ],
)
def test_words(text, expected):
    assert words(text) == expected
    assert word_count(text) == len(expected)


@pytest.mark.parametrize(
    "word,expected", [("Đạt", True), ("TTXVN", True), ("đạt", False), ("3", False), ("", False)]
)
def test_is_capitalized(word, expected):
    assert is_capitalized(word) is expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Ảnh: Ngọc Anh", True),
        ("(Ảnh: THX/TTXVN)", True),
        ("Theo Reuters", True),
        ("Nguồn: Báo Lao Động", True),
        ("Bài và ảnh: Minh Hà", True),
        ("Ảnh lấy từ trang của Công đoàn ngành Giáo dục", True),
        ("Anh em công nhân phấn khởi.", False),  # "Anh" is not "Ảnh"
        ("Theo ông Nguyễn Văn A, công đoàn sẽ hỗ trợ đoàn viên.", False),
        (
            "Theo dõi diễn biến của cơn bão số 3 trong những ngày tới, chính quyền đã sơ tán "
            "hàng nghìn hộ dân ở ven biển.",
            False,
        ),
        ("Hội nghị diễn ra sáng nay.", False),
        ("Thêm ảnh: hai tấm", False),
    ],
)
def test_is_credit_line(text, expected):
    assert is_credit_line(text) is expected


@given(st.text())
def test_fold_tones_is_idempotent_and_ascii_for_vietnamese(text):
    once = fold_tones(text)
    assert fold_tones(once) == once
    assert unicodedata.is_normalized("NFC", comparable(text))


@given(st.text(alphabet=st.characters(max_codepoint=0x2FFF), max_size=40))
def test_strip_diacritics_drops_exactly_the_combining_characters(text):
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    expected = "".join(c for c in decomposed if not unicodedata.combining(c))
    assert strip_diacritics(text) == expected


@pytest.mark.parametrize(
    "text,max_words,expected",
    [
        ("triển lãm “Hà Nội 10.10.1954” mở", None, ["“Hà Nội 10.10.1954”"]),
        ('sách "Một" và «Hai ba»', None, ['"Một"', "«Hai ba»"]),
        ("anh nói: “một hai ba bốn năm” và “sáu”", 3, ["“sáu”"]),
        ("mở “không đóng", None, []),
        # One table for soat.vi: „…“ (pasted from German or Polish sources) and ‘…’ too.
        ("báo „Neues Deutschland“ và ‘Lao động’ viết", None, ["„Neues Deutschland“", "‘Lao động’"]),
    ],
)
def test_quoted_spans(text, max_words, expected):
    assert [text[s:e] for s, e in quoted_spans(text, max_words)] == expected


@given(st.text(alphabet=st.sampled_from("ab1 .,/-–\n")), st.integers(0, 6))
def test_more_words_than_is_a_bounded_word_count(text, n):
    assert more_words_than(text, n) == (word_count(text) > n)


_EDIT_TEXTS = st.text(alphabet="abcđ ơ", max_size=8)


@settings(max_examples=500)
@given(_EDIT_TEXTS, _EDIT_TEXTS, st.integers(0, 8), st.sampled_from(["", "a", "đ", "x"]))
def test_within_one_edit_is_a_levenshtein_distance_of_at_most_one(a, b, at, piece):
    from rapidfuzz.distance import Levenshtein

    from soat.vi.text import within_one_edit

    at %= len(a) + 1
    for x, y in ((a, b), (a, a[:at] + piece + a[at + 1 :]), (a, a[:at] + piece + a[at:])):
        assert within_one_edit(x, y) == (Levenshtein.distance(x, y) <= 1), (x, y)
        assert within_one_edit(y, x) == within_one_edit(x, y)
