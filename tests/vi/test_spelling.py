"""Spelling suggestions and the data they use (soat.vi.spelling, soat/data)."""

import functools
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soat.vi.spelling import (
    _edit_candidates,
    apply_case,
    candidates,
    frequency,
    misspellings,
    split_glued,
    syllable_frequencies,
)
from soat.vi.syllables import is_valid_syllable
from soat.vi.tones import strip_tones


def _pairs():
    table = misspellings()
    return list(table.safe.items()) + list(table.expected.items())


def test_misspelling_table_is_clean():
    table = misspellings()
    assert not set(table.safe) & set(table.expected)
    for wrong, right in _pairs():
        for word in (wrong, right):
            assert unicodedata.is_normalized("NFC", word) and word == word.lower()
        assert not is_valid_syllable(wrong), wrong
        assert is_valid_syllable(right), right
    for word in table.accepted:
        assert unicodedata.is_normalized("NFC", word) and not is_valid_syllable(word)


def test_frequency_table():
    table = syllable_frequencies()
    assert len(table) > 4000
    counts = list(table.values())
    assert counts == sorted(counts, reverse=True)
    assert all(is_valid_syllable(s) and s == s.lower() for s in table)
    assert frequency("và") > frequency("ngành") > frequency("quýnh")
    assert frequency("Hoà") == frequency("hòa")  # both styles count as one syllable


@functools.lru_cache(maxsize=1)
def _pyspellchecker():
    from spellchecker import SpellChecker  # the test extra: only this comparison uses it

    checker = SpellChecker(language=None, distance=1, case_sensitive=True)
    checker.word_frequency.load_json(dict(syllable_frequencies()))
    return checker


def pyspellchecker_candidates(word: str, limit: int = 5) -> list[str]:
    """pyspellchecker's candidates at edit distance 1 over the precomposed letters, ranked
    by the same frequency table as soat's own."""
    checker = _pyspellchecker()
    found = checker.candidates(word.lower()) or set()
    return sorted(found, key=lambda w: (-checker.word_usage_frequency(w), w))[:limit]


def _top1(generate):
    return sum(1 for wrong, right in _pairs() if generate(wrong)[:1] == [right])


def test_own_candidates_rank_better_than_pyspellchecker():
    # Measured on soat/data/misspellings.toml (139 pairs): own 136 top-1, pyspellchecker 45.
    own, other = _top1(candidates), _top1(pyspellchecker_candidates)
    assert own >= 0.95 * len(_pairs())
    assert own > other


@pytest.mark.parametrize(
    "wrong,first",
    [
        ("nghành", "ngành"),
        ("ngiên", "nghiên"),
        ("gía", "giá"),
        ("tềt", "tết"),
        ("môt", "một"),
        ("kà", "cà"),
        ("nguòi", "người"),
        ("nhữg", "những"),
    ],
)
def test_candidates(wrong, first):
    assert candidates(wrong)[0] == first


@pytest.mark.parametrize(
    "word,parts",
    [
        ("bốđiểm", ["bố", "điểm"]),
        ("hiệpước", ["hiệp", "ước"]),
        ("nghiệmchứng", ["nghiệm", "chứng"]),
        ("lôông", None),
        ("biế", None),
        ("ngành", None),
    ],
)
def test_split_glued(word, parts):
    assert split_glued(word) == parts


@pytest.mark.parametrize(
    "model,word,out",
    [
        ("nghành", "ngành", "ngành"),
        ("Nghành", "ngành", "Ngành"),
        ("NGHÀNH", "ngành", "NGÀNH"),
    ],
)
def test_apply_case(model, word, out):
    assert apply_case(model, word) == out


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=10))
def test_suggestions_never_raise(text):
    for found in (candidates(text), split_glued(text) or []):
        assert all(isinstance(w, str) for w in found)


# Letters of other alphabets that look like Vietnamese ones, and Latin letters Vietnamese
# does not use: spam and pasted text write words with them.
_LOOK_ALIKES = "ιɑвнкмтгѕρʜɴɢɦռցγхʋƙĸfjwzа"


@functools.cache
def _common_syllables() -> list[str]:
    return sorted(syllable_frequencies())[::7]


@st.composite
def _words_with_foreign_letters(draw) -> str:
    """A common syllable, a little edited, with one to three letters replaced by or
    inserted as letters no syllable is written with."""
    word = list(draw(st.sampled_from(_common_syllables())))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(word)))
        letter = draw(st.sampled_from(_LOOK_ALIKES))
        if at < len(word) and draw(st.booleans()):
            word[at] = letter
        else:
            word.insert(at, letter)
    return "".join(word)


@settings(max_examples=300, deadline=None)
@given(_words_with_foreign_letters(), st.sampled_from([3, 5, 6]))
def test_candidates_of_words_with_foreign_letters_as_the_definition(word, limit):
    """The fast path for a word with a letter no syllable uses gives what the general edits
    give (soat.vi.spelling._edit_candidates, the definition)."""
    lower = word.lower()
    expected = list(_edit_candidates(lower, strip_tones(lower), limit))
    if len(lower) > 10:
        expected = []  # both stop at words this long
    assert candidates(word, limit) == expected


def test_candidates_of_words_with_foreign_letters():
    assert candidates("đ\u03b9ện") == ["điện"]  # a Greek iota for the i
    assert candidates("\u043a\u043dông") == []  # two: Cyrillic к and н
