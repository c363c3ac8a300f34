"""Vietnamese place names: comparison keys and the words of a name.

Địa danh: khóa so sánh (bỏ phân biệt hoa/thường, vị trí dấu thanh, dấu gạch nối) và các
tiếng của một tên riêng. Pure functions; nothing here knows about soat's documents.
"""

from __future__ import annotations

import functools
import re

from soat.vi.text import fold_case, strip_diacritics
from soat.vi.tones import HOI, HUYEN, NANG, NGA, NGANG, SAC, split_tone

_TONE_KEYS = {NGANG: "", SAC: "1", HUYEN: "2", HOI: "3", NGA: "4", NANG: "5"}
_DASH_RE = re.compile(r"\s*[-\u2013\u2014]\s*")
_SYLLABLE_RE = re.compile(r"[^\W_]+")

# Family names that begin most Vietnamese personal names; a capitalised run that starts
# with one and has three or more words is a person ("Thành phố Nguyễn Huy Khánh" is the
# city's federation followed by its vice-chairman), not a place. Names that also begin
# common place names (Hà, Cao, Lâm, Mai, Hoàng, Phan, Lương, Vũ, Hồ) are left out.
PERSON_FAMILY_NAMES = frozenset(
    {
        "nguyễn",
        "trần",
        "lê",
        "phạm",
        "huỳnh",
        "võ",
        "đặng",
        "bùi",
        "đỗ",
        "ngô",
        "dương",
        "lý",
        "đinh",
        "trịnh",
        "đoàn",
        "trương",
        "tạ",
        "chu",
        "đào",
        "lưu",
        "nghiêm",
        "quách",
    }
)


# Foreign places that Vietnamese writes with Sino-Vietnamese or Vietnamised names; they look
# like near misses of Vietnamese places ("tỉnh Hồ Nam" is Hunan, not "Hà Nam").
FOREIGN_PLACE_NAMES = frozenset(
    {
        # China: provinces, regions and large cities
        "Hồ Nam",
        "Hồ Bắc",
        "Hà Bắc",
        "Sơn Đông",
        "Sơn Tây",
        "Quảng Đông",
        "Quảng Tây",
        "Vân Nam",
        "Quý Châu",
        "Tứ Xuyên",
        "Phúc Kiến",
        "Chiết Giang",
        "Giang Tô",
        "Giang Tây",
        "An Huy",
        "Thiểm Tây",
        "Cam Túc",
        "Thanh Hải",
        "Hải Nam",
        "Cát Lâm",
        "Liêu Ninh",
        "Hắc Long Giang",
        "Nội Mông",
        "Tân Cương",
        "Tây Tạng",
        "Ninh Hạ",
        "Bắc Kinh",
        "Thượng Hải",
        "Thiên Tân",
        "Trùng Khánh",
        "Quảng Châu",
        "Thâm Quyến",
        "Nam Ninh",
        "Vũ Hán",
        "Hàng Châu",
        "Nam Kinh",
        "Thành Đô",
        "Côn Minh",
        "Hạ Môn",
        "Tô Châu",
        "Trường Sa",
        "Đại Liên",
        "Thanh Đảo",
        "Hồng Kông",
        "Ma Cao",
        "Đài Bắc",
        "Cao Hùng",
        "Đài Trung",
        "Cáp Nhĩ Tân",
        "Tây An",
        "Lạc Dương",
        "Khai Phong",
        "Quế Lâm",
        "Bằng Tường",
        "Đông Hưng",
        "Phòng Thành Cảng",
        "Hà Khẩu",
        "Sùng Tả",
        "Bách Sắc",
        "Khâm Châu",
        "Bắc Hải",
        "Hải Khẩu",
        "Tam Á",
        # Laos: provinces and cities
        "Viêng Chăn",
        "Luông Pha Băng",
        "Luông Prabang",
        "Hủa Phăn",
        "Xiêng Khoảng",
        "Chăm Pa Xắc",
        "Xa La Van",
        "Sa Vắn Na Khệt",
        "Bò Kẹo",
        "U Đôm Xay",
        "Phông Xa Lỳ",
        "Bô Ly Khăm Xay",
        "Khăm Muộn",
        "Xê Kông",
        "Át Tạ Pư",
        "Luông Nậm Thà",
        "Xay Nha Bu Ly",
        "Xay Sổm Bun",
        "Viêng Xay",
        # Cambodia, Korea, Japan: Vietnamised names in common use
        "Nông Pênh",
        "Phnôm Pênh",
        "Xiêm Riệp",
        "Bát Tam Bang",
        "Hán Thành",
        "Đông Kinh",
    }
)
# Countries and regions: a sentence that names one is probably about a foreign place.
# Names that are also given names or parts of Vietnamese place names (Anh, Đức, Nga, Mỹ,
# Úc; Lào as in Lào Cai) are left out or guarded by the rule.
FOREIGN_COUNTRY_WORDS = (
    "Trung Quốc",
    "Campuchia",
    "Thái Lan",
    "Hàn Quốc",
    "Triều Tiên",
    "Nhật Bản",
    "Hoa Kỳ",
    "Liên bang Nga",
    "Ấn Độ",
    "Indonesia",
    "Malaysia",
    "Philippines",
    "Myanmar",
    "Singapore",
    "Đài Loan",
    "Australia",
    "Canada",
    "Italy",
    "Tây Ban Nha",
    "Brazil",
    "Ukraine",
    "Israel",
)
# Onsets (initial consonants) of Vietnamese syllables, longest first, without diacritics.
_ONSETS = (
    "ngh",
    "ch",
    "gh",
    "gi",
    "kh",
    "ng",
    "nh",
    "ph",
    "qu",
    "th",
    "tr",
    "b",
    "c",
    "d",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "x",
)


def syllable_onset(syllable: str) -> str:
    """The initial consonant of a syllable without diacritics: "Thụy" → "th", "Ảng" → ""."""
    folded = strip_diacritics(syllable).casefold()
    if folded.startswith("gi") and len(folded) == 2:
        return "g"  # "gì": g + i
    return next((o for o in _ONSETS if folded.startswith(o)), "")


def same_onsets(name: str, other: str) -> bool:
    """Whether two names of as many syllables start each syllable with the same consonant.

    Typing slips keep the initial consonants ("Lai Cai" for "Lào Cai"); a different one
    usually means a different name ("Tĩnh Gia" is a former district, not "Bình Gia").
    """
    mine, theirs = _SYLLABLE_RE.findall(name), _SYLLABLE_RE.findall(other)
    return len(mine) == len(theirs) and all(
        syllable_onset(a) == syllable_onset(b) for a, b in zip(mine, theirs, strict=True)
    )


@functools.lru_cache(maxsize=4096)
def _syllable_key(syllable: str) -> str:
    """The syllable without its tone, the tone after it: "hoà" and "hòa" give "hoa2"."""
    letters = [split_tone(ch) for ch in syllable]
    tone = next((t for _, t in letters if t != NGANG), NGANG)
    return "".join(base for base, _ in letters) + _TONE_KEYS[tone]


def _normalise(name: str) -> str:
    """Case-folded NFC with one spelling of a dash ("Bà Rịa - Vũng Tàu": "bà rịa-vũng tàu")."""
    return fold_case(_DASH_RE.sub("-", name))


@functools.lru_cache(maxsize=8192)
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
