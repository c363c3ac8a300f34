"""Attested syllables, candidates for unattested ones, and loanwords (soat.vi.attested)."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.vi.attested import attested_counts, count, is_loanword, suggestions, unconverted_typing
from soat.vi.syllables import generate_syllables, is_valid_syllable
from soat.vi.tones import tone_marks


def test_the_attested_list_is_a_subset_of_the_valid_syllables_and_much_smaller():
    counts = attested_counts()
    assert 5000 < len(counts) < 7000
    assert all(unicodedata.is_normalized("NFC", s) and s == s.lower() for s in counts)
    assert all(is_valid_syllable(s) for s in counts)
    assert len(counts) < len(set(generate_syllables())) / 3
    assert count("và") > count("đường") > count("sẵn") > 0 == count("sẳn")


@pytest.mark.parametrize(
    "wrong,right,error",
    [
        ("sẳn", "sẵn", "hoi-nga"),
        ("đở", "đỡ", "hoi-nga"),
        ("hửu", "hữu", "hoi-nga"),
        ("hoặt", "hoặc", "final"),
        ("chuần", "chuẩn", "tone"),
        ("nhiện", "nhiên", "tone"),
        ("đườn", "đường", "final"),
        ("luậy", "luật", "key"),
    ],
)
def test_the_first_candidate_and_the_error(wrong, right, error):
    (first, *_) = suggestions(wrong)
    assert (first.word, first.error) == (right, error)


def test_attested_syllables_get_no_candidates():
    assert suggestions("sẵn") == [] and suggestions("đường") == []


@pytest.mark.parametrize(
    "word", ["ôxít", "điôxít", "nitơ", "điốt", "kilômét", "viôlông", "mêtan", "kilôgam"]
)
def test_loanwords(word):
    assert is_loanword(word)


@pytest.mark.parametrize("word", ["bốđiểm", "cáchđưa", "hộiviên", "ditích", "biế", "têếp"])
def test_glues_and_typing_slips_are_not_loanwords(word):
    assert not is_loanword(word)


_ATTESTED = sorted(attested_counts())


@given(st.sampled_from(_ATTESTED), st.sampled_from(_ATTESTED))
def test_a_loanword_has_the_loanword_shape(a, b):
    word = a + b
    if is_loanword(word):
        assert len(tone_marks(word)) <= 1 and "đ" not in word[1:]


@given(st.text(alphabet="aăâeêioôơuưybcdđghklmnpqrstvxáàảãạấầẩẫậếềểễệốồổỗộớờởỡợ", max_size=8))
def test_suggestions_are_attested_valid_syllables(word):
    for cand in suggestions(word):
        assert is_valid_syllable(cand.word) and count(cand.word) >= 20 and cand.word != word


@pytest.mark.parametrize(
    "word,expected",
    [
        ("na8m", ("năm", "VNI")),
        ("d9i", ("đi", "VNI")),
        ("vie65t", ("việt", "VNI")),
        ("dduwowngf", ("đường", "Telex")),
        ("truwowngf", ("trường", "Telex")),
    ],
)
def test_unconverted_typing(word, expected):
    assert unconverted_typing(word) == expected


@pytest.mark.parametrize(
    "word", ["Win10", "H5N1", "A321", "M1A2", "trang111", "own", "Noor", "boss"]
)
def test_codes_names_and_english_are_not_unconverted_typing(word):
    assert unconverted_typing(word) is None
