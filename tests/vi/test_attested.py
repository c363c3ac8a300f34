"""Attested syllables, candidates for unattested ones, and loanwords (soat.vi.attested)."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.vi.attested import assess, by_context, is_loanword, suggestions
from soat.vi.bigrams import _search, bigram, bigram_counts
from soat.vi.spelling import split_name_glue
from soat.vi.syllable_counts import attested_counts, corpus_count, count, listed_syllables
from soat.vi.syllables import generate_syllables, is_valid_syllable
from soat.vi.tones import tone_marks
from soat.vi.typing_remnants import unconverted_typing


def test_the_attested_list_is_a_subset_of_the_valid_syllables_and_much_smaller():
    counts = attested_counts()
    assert 6000 < len(counts) < 7000
    assert all(unicodedata.is_normalized("NFC", s) and s == s.lower() for s in counts)
    assert all(is_valid_syllable(s) for s in counts)
    assert len(counts) < len(set(generate_syllables())) / 2
    assert count("và") > count("đường") > count("sẵn") > 0 == count("sẳn")


@pytest.mark.parametrize(
    "before,wrong,after,right,error",
    [
        ("luôn", "sẳn", "sàng", "sẵn", "hoi-nga"),
        ("giúp", "đở", "đoàn", "đỡ", "hoi-nga"),
        ("sở", "hửu", "cổ", "hữu", "hoi-nga"),
        ("phần", "hoặt", "là", "hoặc", "final"),
        (None, "chuần", "bị", "chuẩn", "tone"),
        (None, "nhiện", "liệu", "nhiên", "tone"),
        ("trên", "đườn", "đi", "đường", "final"),
        ("khoa", "luậy", None, "luật", "key"),
    ],
)
def test_the_first_candidate_and_the_error(before, wrong, after, right, error):
    (first, *_) = suggestions(wrong, before=before, after=after)
    assert (first.word, first.error) == (right, error)


@pytest.mark.parametrize(
    "before,after,right", [(None, "động", "hoạt"), (None, "một", "hoặc"), ("hoặc", None, "hoạt")]
)
def test_the_neighbours_choose_between_candidates(before, after, right):
    """The issue's example: "hoặt" alone could be "hoạt" or "hoặc"; "hoặt động" is "hoạt",
    "hoặt một bộ phận" is "hoặc"."""
    found = suggestions("hoặt", before=before, after=after)
    assert {c.word for c in found} == {"hoạt", "hoặc"}
    assert found[0].word == right


def test_the_bigram_table():
    assert bigram("hoạt", "động") > 1000 > bigram("hoặc", "động") == 0
    assert bigram("Hoặc", "MỘT") == bigram("hoặc", "một") > 0
    assert bigram(None, "một") == bigram("một", None) == 0
    table = bigram_counts()
    assert len(table) > 40_000 and min(table.values()) >= 10
    assert all(len(k.split(" ")) == 2 for k in table)
    assert list(table) == sorted(table)  # the order the binary search needs
    # bigram() answers 0 without a search when a word is no valid syllable
    assert all(is_valid_syllable(w) for k in table for w in k.split(" "))
    # look-alike letters of other alphabets (Cyrillic т, р)
    assert bigram("thiết", "lập") > 0 == bigram("\u0442hiết", "lập") == bigram("thiết", "lậ\u0440")


_KEY = st.text(alphabet="abđươ ạ", min_size=1, max_size=6).map(str.strip).filter(bool)


@given(
    st.dictionaries(_KEY, st.integers(10, 10**6), max_size=40),
    st.lists(_KEY, max_size=10),
    st.booleans(),
)
def test_the_binary_search_finds_every_pair_and_nothing_else(table, probes, last_newline):
    text = "".join(f"{k}\t{v}\n" for k, v in sorted(table.items()))
    if not last_newline:  # a table edited by hand may end without one
        text = text.rstrip("\n")
    for key in [*table, *probes]:
        assert _search(text, key) == table.get(key, 0)


def test_a_warning_needs_a_confirming_neighbour():
    sure = assess("nhiện", None, "liệu")
    assert sure is not None and sure.sure and sure.candidates[0].word == "nhiên"
    # the same slip without a telling neighbour, and a hỏi/ngã slip beside a rare word
    assert not assess("nhiện").sure
    unsure = assess("viển", "tưởng", "vông")
    assert unsure is None or not unsure.sure


def test_a_syllable_a_list_names_is_reported_only_when_the_text_confirms_a_candidate():
    """Unihan reads "đườn" (a real if rare syllable): quiet alone, info in "trên đườn đi"."""
    assert "đườn" in listed_syllables() and corpus_count("đườn") == 0 < count("đườn")
    assert assess("đườn") is None
    found = assess("đườn", "trên", "đi")
    assert found is not None and not found.sure and found.candidates[0].word == "đường"


def test_unihan_readings_make_rare_real_words_attested():
    for word in ("quạ", "tằm", "bấc", "nám"):
        assert word in listed_syllables()


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


@pytest.mark.parametrize(
    "word,split",
    [
        ("Anastasievà", ("Anastasie", "và")),
        ("Dinhvà", ("Dinh", "và")),
        ("Shinzocó", ("Shinzo", "có")),
        ("Sanaeđang", ("Sanae", "đang")),
        ("AutoExpresscủa", ("AutoExpress", "của")),
        ("Thuở", None),  # a syllable
        ("Pancho", None),  # "cho" carries no mark: names end so
        ("HCMcó", None),  # capitals glued to a word: SPL001's other check
        ("Anhtrở", None),  # "ở" is too short to split on
        ("Hoàngvà", None),  # a Vietnamese name: the glue check of SPL001 proper
        ("dinhvà", None),  # lower case: split_glued's
    ],
)
def test_a_name_glued_to_a_function_word(word, split):
    assert split_name_glue(word) == split


def test_by_context_keeps_the_order_without_a_known_pair():
    words = ["một", "mốt", "mô"]
    assert by_context(words, None, None) == words
    assert by_context(words, "xyz", "qwe") == words
    assert by_context(["thật", "thất", "thân"], "với", "bại")[0] == "thất"
