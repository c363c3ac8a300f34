"""Words an input method left unconverted: VNI digits inside a word ("na8m" for "năm") and raw
Telex keys ("dduwowngf" for "đường"), with the word they convert to when that is a common
syllable.
"""

from __future__ import annotations

import re

from soat.vi.spelling import _spell_with_tone
from soat.vi.syllable_counts import count
from soat.vi.syllables import is_valid_syllable

# VNI keys: 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng; 6 circumflex, 7 horn, 8 breve, 9 đ.
_VNI_TONES = {"1": 2, "2": 1, "3": 3, "4": 4, "5": 5}
_VNI_SHAPES = {"6": {"a": "â", "e": "ê", "o": "ô"}, "7": {"o": "ơ", "u": "ư"}, "8": {"a": "ă"}}
# Telex keys: s sắc, f huyền, r hỏi, x ngã, j nặng; aa ee oo dd, aw ow uw.
_TELEX_TONES = {"s": 2, "f": 1, "r": 3, "x": 4, "j": 5}
_TELEX_PAIRS = {"aa": "â", "ee": "ê", "oo": "ô", "dd": "đ", "aw": "ă", "ow": "ơ", "uw": "ư"}
MIN_TYPED_COUNT = 100  # the converted word must be this common


def _vni(word: str) -> str | None:
    letters: list[str] = []
    tone = 0
    for ch in word:
        if ch == "9" and letters and letters[-1] == "d":
            letters[-1] = "đ"
        elif ch in _VNI_SHAPES:
            for i in range(len(letters) - 1, -1, -1):  # the nearest vowel the key shapes
                if letters[i] in _VNI_SHAPES[ch]:
                    letters[i] = _VNI_SHAPES[ch][letters[i]]
                    break
            else:
                return None
        elif ch in _VNI_TONES:
            tone = _VNI_TONES[ch]
        elif ch.isalpha():
            letters.append(ch)
        else:
            return None
    if "ư" in letters:  # "u7o7" and "uo7" both write ươ
        text = "".join(letters).replace("ưo", "ươ")
    else:
        text = "".join(letters)
    return _spell_with_tone(text, tone) if tone else (text if is_valid_syllable(text) else None)


def _telex(word: str) -> str | None:
    tone = 0
    if word[-1] in _TELEX_TONES:
        tone, word = _TELEX_TONES[word[-1]], word[:-1]
    out, i = "", 0
    while i < len(word):
        pair = word[i : i + 2]
        if pair in _TELEX_PAIRS:
            out, i = out + _TELEX_PAIRS[pair], i + 2
        elif word[i] == "w":
            return None
        else:
            out, i = out + word[i], i + 1
    out = out.replace("ưo", "ươ")
    return _spell_with_tone(out, tone) if tone else (out if is_valid_syllable(out) else None)


_VNI_WORD_RE = re.compile(r"[a-z](?:[a-z]|(?<=[a-z])[1-9]|(?<=[678])[1-5])*")


def unconverted_typing(word: str) -> tuple[str, str] | None:
    """("na8m") -> ("năm", "VNI"); ("dduwowngf") -> ("đường", "Telex"): a lower-case word
    left as the keys of a Vietnamese input method, when converting gives a common syllable.
    VNI: each digit right after the letter it marks (a tone digit may follow a shape digit),
    so codes ("A321", "M1A2", "H5N1", "trang111") are not words; Telex: a letter pair (aa ee
    oo dd aw ow uw) and a final tone key, which English words and names seldom have
    ("own", "Noor")."""
    if not word.isascii() or len(word) < 3 or not word.islower():
        return None
    if any(c.isdigit() for c in word):
        if not _VNI_WORD_RE.fullmatch(word):
            return None
        converted, kind = _vni(word), "VNI"
    else:
        if not (any(p in word for p in _TELEX_PAIRS) and word[-1] in _TELEX_TONES):
            return None
        converted, kind = _telex(word), "Telex"
    if converted is None or count(converted) < MIN_TYPED_COUNT:
        return None
    return converted, kind
