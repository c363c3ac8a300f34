"""The syllable validator, tone placement and i/y variants (soat.vi.syllables, soat.vi.tones)."""

import unicodedata
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.toml import tomllib
from soat.vi.syllables import (
    MODERN,
    TRADITIONAL,
    check_syllable,
    generate_syllables,
    is_valid_syllable,
    iy_variant,
    parse_syllable,
    place_tone,
    tone_style,
)
from soat.vi.tones import HOI, NGA, SAC, split_tone, strip_tones, with_tone

VALID = [
    # rare but valid (the list)
    "ngoặt",
    "khuỷu",
    "quốc",
    "giếng",
    "quýnh",
    # initials and their rules
    "kê",
    "kỳ",
    "kiến",
    "ca",
    "cô",
    "cũng",
    "ghế",
    "ghi",
    "gà",
    "gỗ",
    "nghĩ",
    "nghiêng",
    "ngành",
    "ngủ",
    "quá",
    "quân",
    "quyết",
    "quyền",
    "quên",
    "quệt",
    "quăn",
    "queo",
    "quơ",
    # gi and its elided i
    "gì",
    "gìn",
    "giá",
    "giữa",
    "giường",
    "giặt",
    "giấy",
    "giỏi",
    "giũ",
    # nuclei, finals, diphthongs, triphthongs
    "ăn",
    "âm",
    "tết",
    "tệt",
    "anh",
    "ách",
    "ênh",
    "ếch",
    "inh",
    "ích",
    "huynh",
    "huỵch",
    "người",
    "rượu",
    "khuya",
    "ngoài",
    "khuấy",
    "thuở",
    "huơ",
    "tuần",
    "luật",
    "khuếch",
    "huênh",
    "xoong",
    "moóc",
    "yêu",
    "yểng",
    "ý",
    "ỉa",
    "oẳn",
    "ngoao",
    "tuýp",
    "ừm",
    # both tone-placement styles
    "hòa",
    "hoà",
    "khỏe",
    "khoẻ",
    "thủy",
    "thuỷ",
    "Ủy",
    "Uỷ",
    "thúy",
    "thuý",
    # i/y variants, old spellings, capitals
    "kỹ",
    "kĩ",
    "lý",
    "lí",
    "quí",
    "quý",
    "tỷ",
    "tỉ",
    "Việt",
    "NGƯỜI",
    "Đắk",
    "Lắk",
]

INVALID = [
    # the list and docs/domain.md §4.2
    "nghành",
    "ngiên",
    "quyềt",
    "tềt",
    "ngĩ",
    "kà",
    "cí",
    "ghà",
    "gé",
    "ngiêng",
    "kúng",
    # structure
    "nguời",
    "thuơng",
    "ảnhh",
    "hgày",
    "bcằng",
    "mguồn",
    "thànp",
    "đầ",
    "nhâ",
    "thâ",
    "ă",
    "iên",
    "tyên",
    "coa",
    "cuy",
    "ghy",
    "qu",
    "q",
    "ko",
    "đc",
    "giit",
    "ngy",
    # stop finals with the wrong tone
    "môt",
    "hơp",
    "đươc",
    "lôp",
    "tèt",
    "hảp",
    "bãc",
    "cảch",
    # tone marks that neither style allows, or two of them
    "gía",
    "ngừơi",
    "tủôi",
    "quỳên",
    "vơí",
    "hòan",
    "ngòai",
    "cuả",
    "qúa",
    "chưởì",
    "gìặt",
    # letters Vietnamese does not use, digits, empty
    "zắc",
    "café",
    "wá",
    "",
    "a1",
    "ψá",
]


@pytest.mark.parametrize("word", VALID)
def test_valid_syllables(word):
    assert is_valid_syllable(word), check_syllable(word)


@pytest.mark.parametrize("word", INVALID)
def test_invalid_syllables(word):
    assert not is_valid_syllable(word)


def _misspelling_table():
    text = (resources.files("soat") / "data" / "misspellings.toml").read_text("utf-8")
    return tomllib.loads(text)


def test_more_than_100_collected_non_syllables_are_rejected():
    table = _misspelling_table()
    wrong = set(table["safe"]) | set(table["expected"]) | {w for w in INVALID if w}
    assert len(wrong) >= 100
    accepted = sorted(w for w in wrong if is_valid_syllable(w))
    assert accepted == []


@pytest.mark.parametrize(
    "word,problem",
    [
        ("nghành", "structure"),
        ("tềt", "tone-final"),
        ("gía", "tone-position"),
        ("chưởì", "two-tones"),
        ("café", "letters"),
        ("ngành", None),
    ],
)
def test_problem_names(word, problem):
    assert check_syllable(word).problem == problem


@pytest.mark.parametrize(
    "word,initial,rhyme,tone",
    [
        ("quốc", "qu", "ôc", SAC),
        ("giếng", "gi", "iêng", SAC),
        ("gìn", "gi", "in", 1),
        ("khuỷu", "kh", "uyu", HOI),
        ("ngoặt", "ng", "oăt", 5),
        ("ữ", "", "ư", NGA),
        ("Người", "ng", "ươi", 1),
    ],
)
def test_parse(word, initial, rhyme, tone):
    syllable = parse_syllable(word)
    assert (syllable.initial, syllable.rhyme, syllable.tone) == (initial, rhyme, tone)


@pytest.mark.parametrize(
    "word,traditional,modern",
    [
        ("hoà", "hòa", "hoà"),
        ("hòa", "hòa", "hoà"),
        ("Thuỷ", "Thủy", "Thuỷ"),
        ("khỏe", "khỏe", "khoẻ"),
        ("Uỷ", "Ủy", "Uỷ"),
        ("hoàn", "hoàn", "hoàn"),
        ("quý", "quý", "quý"),
        ("giá", "giá", "giá"),
        ("người", "người", "người"),
        ("mía", "mía", "mía"),
        ("múa", "múa", "múa"),
        ("ngoái", "ngoái", "ngoái"),
        # repairs of marks neither style allows
        ("gía", "giá", "giá"),
        ("ngừơi", "người", "người"),
        ("tủôi", "tuổi", "tuổi"),
        ("quỳên", "quyền", "quyền"),
        ("GÍA", "GIÁ", "GIÁ"),
        ("hòan", "hoàn", "hoàn"),
        ("qúa", "quá", "quá"),
    ],
)
def test_place_tone(word, traditional, modern):
    assert place_tone(word, TRADITIONAL) == traditional
    assert place_tone(word, MODERN) == modern


@pytest.mark.parametrize("word", ["nghành", "chưởì", "abc1"])
def test_place_tone_needs_a_syllable(word):
    assert place_tone(word) is None


@pytest.mark.parametrize(
    "word,style",
    [
        ("hòa", TRADITIONAL),
        ("hoà", MODERN),
        ("thủy", TRADITIONAL),
        ("thuỷ", MODERN),
        ("ủy", TRADITIONAL),
        ("uỷ", MODERN),
        ("khoẻ", MODERN),
        ("hoa", None),
        ("hoàn", None),
        ("quý", None),
        ("thuyền", None),
        ("ngoài", None),
        ("nghành", None),
    ],
)
def test_tone_style(word, style):
    assert tone_style(word) == style


@pytest.mark.parametrize(
    "word,expected",
    [
        ("kĩ", ("kỹ", "kỹ")),
        ("kỹ", ("kỹ", "kĩ")),
        ("Lý", ("lý", "Lí")),
        ("quí", ("quý", "quý")),
        ("qui", ("quy", "quy")),
        ("tỉ", ("tỷ", "tỷ")),
        ("sỹ", ("sỹ", "sĩ")),
        ("mỹ", ("mỹ", "mĩ")),
        ("Mỹ", None),
        ("ty", None),
        ("ti", None),
        ("bi", None),
        ("lì", None),
        ("kiến", None),
    ],
)
def test_iy_variant(word, expected):
    assert iy_variant(word) == expected


def test_iy_variant_keeps_fixed_words():
    assert iy_variant("tỉ", "mỉ") is None
    assert iy_variant("tỉ", "lệ") == ("tỷ", "tỷ")


def test_generated_syllables():
    traditional = set(generate_syllables(TRADITIONAL))
    modern = set(generate_syllables(MODERN))
    assert len(traditional) == 17106
    assert len(traditional | modern) == 17436
    assert all(is_valid_syllable(w) for w in traditional | modern)
    assert {"ngoặt", "khuỷu", "quốc", "giếng", "quýnh", "hòa", "người"} <= traditional
    assert "hoà" in modern and "hoà" not in traditional


@pytest.mark.parametrize("letter,base,tone", [("ế", "ê", SAC), ("Ữ", "Ư", NGA), ("b", "b", 0)])
def test_split_and_join_tones(letter, base, tone):
    assert split_tone(letter) == (base, tone)
    assert with_tone(base, tone) == letter


def test_strip_tones():
    assert strip_tones("Người Việt") == "Ngươi Viêt"


@given(st.text())
def test_validator_never_raises(text):
    for word in (text, unicodedata.normalize("NFC", text), text[:8]):
        verdict = check_syllable(word)
        assert verdict.valid in (True, False)
        place_tone(word)
        tone_style(word)
        iy_variant(word)


@given(st.text(alphabet="aăâeêioôơuưybcdđghklmnpqrstvxáàảãạếềểễệốồổỗộớờởỡợúùủũụứừửữự", max_size=7))
def test_validator_on_vietnamese_letters(word):
    verdict = check_syllable(word)
    if verdict.valid:
        repaired = place_tone(word)
        assert repaired is not None and is_valid_syllable(repaired)
