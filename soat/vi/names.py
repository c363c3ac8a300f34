"""Vietnamese personal names: surnames, name syllables, near-miss spellings.

Tên người Việt: họ, âm tiết viết hoa, và hai cách viết gần nhau (khác dấu thanh hay một chữ).
A name is 2–4 capitalised syllables that starts with a surname ("Ngọ Duy Hiểu", "Vũ Thị Giáng
Hương"). Two names one tone mark apart can be two real people ("Nguyễn Anh Tuân" and
"Nguyễn Anh Tuấn"), so `name_variant` only says that two spellings are close; whether they are
one person is for the caller to decide from titles and organisations.
Pure functions; nothing here knows about soat's documents.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from soat.vi.data_files import read_text
from soat.vi.text import comparable, fold_tones, strip_diacritics, within_one_edit


@functools.lru_cache(maxsize=1)
def _surname_table() -> tuple[frozenset[str], frozenset[str]]:
    common: set[str] = set()
    rare: set[str] = set()
    into = None
    into = common
    for line in read_text("surnames.txt").splitlines():
        line = line.strip()
        if line == "# rare":
            into = rare
        elif line and not line.startswith("#"):
            into.add(unicodedata.normalize("NFC", line))
    return frozenset(common), frozenset(rare)


def surnames() -> frozenset[str]:
    """Every surname soat knows (NFC, capitalised)."""
    common, rare = _surname_table()
    return common | rare


def is_surname(word: str) -> bool:
    return word in _surname_table()[0] or word in _surname_table()[1]


def is_common_surname(word: str) -> bool:
    return word in _surname_table()[0]


def is_name_syllable(word: str) -> bool:
    """A capitalised word of letters: "Hiểu", "Giáng", "A" (not "LĐLĐ", "hội", "2023")."""
    if not word or not word.isalpha() or not word[0].isupper():
        return False
    return len(word) == 1 or word[1:].islower()


_SYLLABLE_SHAPE_RE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)
# Capitalised runs that start with a surname but are places, not people.
NOT_NAMES = frozenset(
    {
        "Hàn Quốc",
        "Thái Lan",
        "Triều Tiên",
        "Đài Loan",
        "Hồng Kông",
        "Ma Cao",
        "Lào Cai",
        "Thái Bình Dương",
        "Hồ Gươm",
        "Hồ Tây",
        "Tô Lịch",
        "Hà Lan",
        "Lào",
        "Mỹ Tho",
    }
)


def is_vietnamese_syllable_shape(word: str) -> bool:
    """Whether a word has the shape of one Vietnamese syllable ("Giáng", "Khánh"; not
    "Anutin", "Costa"). Loose: it checks letters, not tones or spelling rules."""
    return bool(_SYLLABLE_SHAPE_RE.fullmatch(strip_diacritics(word).casefold()))


def looks_like_name(
    syllables: list[str] | tuple[str, ...], known: frozenset[str] = frozenset()
) -> bool:
    """2–4 capitalised Vietnamese syllables starting with a surname, or a name in `known`."""
    if not 2 <= len(syllables) <= 4 or not all(is_name_syllable(s) for s in syllables):
        return False
    full = " ".join(syllables)
    if full in known:
        return True
    if full in NOT_NAMES or not is_surname(syllables[0]):
        return False
    return all(is_vietnamese_syllable_shape(s) for s in syllables)


def name_variant(a: str, b: str) -> str | None:
    """How two different spellings of a name are close, or None when they are not.

    "marks": they differ only in tone or vowel marks ("Hương" / "Hướng", "Tuân" / "Tuấn");
    "letter": without marks they are one letter apart, in names of three or more syllables
    with the same surname ("Nguyễn Văn Thành" / "Nguyễn Văn Thanh" is "marks";
    "Trần Thị Thanh Hương" / "Trần Thị Thanh Hường" is "marks"; "Lê Văn Toàn" / "Lê Văn Loàn"
    is "letter"). Names with a different number of syllables are never variants.
    """
    a, b = comparable(a), comparable(b)
    if a == b:
        return None
    sa, sb = a.split(), b.split()
    if len(sa) != len(sb):
        return None
    pa, pb = fold_tones(a), fold_tones(b)
    if pa == pb:
        return "marks"
    if len(sa) < 3 or fold_tones(sa[0]) != fold_tones(sb[0]):
        return None
    if (
        within_one_edit(pa, pb)  # pa != pb: one edit apart
        and sum(x != y for x, y in zip(pa.split(), pb.split(), strict=False)) == 1
    ):
        return "letter"
    return None
