"""Vietnamese tones on precomposed (NFC) letters: take a tone off a letter, put one on.

Thanh điệu trên chữ dựng sẵn (NFC): tách dấu thanh khỏi một chữ cái và ghép dấu vào.
The six tones are numbered 0 ngang (no mark), 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng.
Pure functions, no soat imports.
"""

from __future__ import annotations

import unicodedata

NGANG, HUYEN, SAC, HOI, NGA, NANG = range(6)
TONE_NAMES = ("ngang", "huyền", "sắc", "hỏi", "ngã", "nặng")
_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_MARK_TONE = {m: t for t, m in enumerate(_MARKS) if m}

BASE_VOWELS = "aăâeêioôơuưy"
_BASE_UPPER = BASE_VOWELS.upper()

# (letter with tone) -> (letter without tone, tone); (letter without tone, tone) -> letter.
_SPLIT: dict[str, tuple[str, int]] = {}
_JOIN: dict[tuple[str, int], str] = {}
for _base in BASE_VOWELS + _BASE_UPPER:
    for _tone, _mark in enumerate(_MARKS):
        _ch = unicodedata.normalize("NFC", _base + _mark)
        if len(_ch) != 1:  # pragma: no cover - every Vietnamese vowel has a precomposed form
            raise AssertionError(f"no precomposed form for {_base!r} + tone {_tone}")
        _SPLIT[_ch] = (_base, _tone)
        _JOIN[(_base, _tone)] = _ch

VOWELS = frozenset(_SPLIT)
"""Every Vietnamese vowel letter, any tone, both cases (144 letters)."""

CONSONANTS = frozenset("bcdđghklmnpqrstvx" + "BCDĐGHKLMNPQRSTVX")
# Letters that never occur in a native syllable but do occur in names and loans.
FOREIGN_LETTERS = frozenset("fjwzFJWZ")
LETTERS = VOWELS | CONSONANTS | FOREIGN_LETTERS
"""Every letter a Vietnamese text writes with: the Latin alphabet, đ, and toned vowels."""

MODIFIED = frozenset("ăâêôơưđĂÂÊÔƠƯĐ")
"""Letters with a Vietnamese vowel or consonant mark (not a tone)."""


def split_tone(ch: str) -> tuple[str, int]:
    """("ế") -> ("ê", SAC); a letter without a tone (or not a vowel) comes back with NGANG."""
    return _SPLIT.get(ch, (ch, NGANG))


def with_tone(ch: str, tone: int) -> str:
    """The vowel `ch` (its own tone ignored) carrying `tone`; other characters unchanged."""
    base, _ = _SPLIT.get(ch, (ch, NGANG))
    return _JOIN.get((base, tone), ch)


def tone_marks(word: str) -> list[tuple[int, int]]:
    """(index, tone) of every toned letter of an NFC word: "ngừơi" -> [(2, HUYEN)]."""
    out = []
    for i, ch in enumerate(word):
        tone = _SPLIT.get(ch, (ch, NGANG))[1]
        if tone:
            out.append((i, tone))
    return out


def strip_tones(word: str) -> str:
    """The word without tone marks, vowel marks kept: "Người" -> "Ngươi"."""
    return "".join(_SPLIT.get(ch, (ch, NGANG))[0] for ch in word)


def has_vietnamese_mark(word: str) -> bool:
    """Whether `word` has a tone mark or one of đ ă â ê ô ơ ư (either case)."""
    return any(ch in MODIFIED or _SPLIT.get(ch, (ch, NGANG))[1] for ch in word)


def tone_of_mark(mark: str) -> int | None:
    """The tone of a combining mark (U+0300 …), None for other characters."""
    return _MARK_TONE.get(mark)
