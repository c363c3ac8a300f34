"""Vietnamese place names: comparison keys and the words of a name.

Địa danh: khóa so sánh (bỏ phân biệt hoa/thường, vị trí dấu thanh, dấu gạch nối) và các
tiếng của một tên riêng. Pure functions; nothing here knows about soat's documents.
"""

from __future__ import annotations

import re
import unicodedata

from soat.vi.text import strip_diacritics

_TONES = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}
_DASH_RE = re.compile(r"\s*[-\u2013\u2014]\s*")
_SPACE_RE = re.compile(r"\s+")
_SYLLABLE_RE = re.compile(r"[^\W_]+")

# Family names that begin most Vietnamese personal names; a capitalised run that starts
# with one and has three or more words is a person ("Thành phố Nguyễn Huy Khánh" is the
# city's federation followed by its vice-chairman), not a place. Names that also begin
# common place names (Hà, Cao, Lâm, Mai, Hoàng, Phan, Lương, Vũ, Hồ) are left out.
PERSON_FAMILY_NAMES = frozenset({
    "nguyễn", "trần", "lê", "phạm", "huỳnh", "võ", "đặng", "bùi", "đỗ", "ngô", "dương",
    "lý", "đinh", "trịnh", "đoàn", "trương", "tạ", "chu", "đào", "lưu", "nghiêm", "quách",
})


def _syllable_key(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    tone = next((_TONES[c] for c in decomposed if c in _TONES), "")
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return base + tone


def _normalise(name: str) -> str:
    text = unicodedata.normalize("NFC", name).casefold()
    text = _DASH_RE.sub("-", text)
    return _SPACE_RE.sub(" ", text).strip()


def place_key(name: str) -> str:
    """The key under which two spellings of a name are the same name.

    Case, spacing around a dash and the position of the tone mark do not count:
    "Khánh Hoà" = "Khánh Hòa", "Bà Rịa-Vũng Tàu" = "Bà Rịa - Vũng Tàu".
    """
    return _SYLLABLE_RE.sub(lambda m: _syllable_key(m.group()), _normalise(name))


def loose_key(name: str) -> str:
    """`place_key` without any diacritic: "Đăk Lăk" and "Đắk Lắk" both give "dak lak".

    Near misses are measured on this key (typing slips mostly lose or swap marks)."""
    return strip_diacritics(_normalise(name))


def syllable_count(name: str) -> int:
    """How many syllables a name has ("Bà Rịa - Vũng Tàu": 4)."""
    return len(_SYLLABLE_RE.findall(name))


def looks_like_person(words: list[str]) -> bool:
    """Whether capitalised words read as a person's name (family name first, 3+ words)."""
    return len(words) >= 3 and words[0].casefold() in PERSON_FAMILY_NAMES
