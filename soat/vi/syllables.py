"""Vietnamese syllables: parse, validate, place the tone mark, enumerate the valid ones.

Âm tiết tiếng Việt: phân tích (âm đầu, vần, thanh), kiểm tra hợp lệ, đặt dấu thanh theo
kiểu cũ ("hòa", "thủy") hay kiểu mới ("hoà", "thuỷ"), liệt kê mọi âm tiết hợp lệ.

A syllable is an optional initial consonant and a rhyme (medial + nucleus + final) with one
of six tones (docs/domain.md §4). The validator works on NFC text, any case, and accepts both
tone-placement styles; it follows the combination rules: k/gh/ngh before e, ê, i (k also
before y), c/g/ng elsewhere, c never before a medial (that is qu), qu takes no second medial,
ă and â need a final, ch/nh only after a, ê, i and uy, stop finals (p, t, c, ch) only with
sắc or nặng, and the tone on the vowel the rules name (or, in the open oa, oe, uy, on either
vowel: the two styles). Pure functions; no soat imports.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import functools
from collections.abc import Iterator
from typing import NamedTuple

from soat.vi.tones import HUYEN, NANG, NGANG, SAC, VOWELS, split_tone, with_tone

TRADITIONAL = "traditional"
MODERN = "modern"

INITIALS = (
    "b",
    "c",
    "ch",
    "d",
    "đ",
    "g",
    "gh",
    "gi",
    "h",
    "k",
    "kh",
    "l",
    "m",
    "n",
    "ng",
    "ngh",
    "nh",
    "p",
    "ph",
    "qu",
    "r",
    "s",
    "t",
    "th",
    "tr",
    "v",
    "x",
)
_INITIALS_LONGEST_FIRST = tuple(
    sorted((i for i in INITIALS if i not in ("gi", "qu")), key=len, reverse=True)
)
_PLAIN_VOWELS = frozenset("aăâeêioôơuưy")
_MODIFIED_VOWELS = frozenset("ăâêôơư")

# Rhymes without a medial, by nucleus.
_PLAIN_RHYMES = """
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ich im in inh ip it iu
ia iêc iêm iên iêng iêp iêt iêu
yêm yên yêng yêt yêu
o oc oi om on ong op ot ooc oong
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u uc ui um un ung up ut
ua uôc uôi uôm uôn uông uôp uôt
ư ưc ưi ưm ưng ưt ưu
ưa ươc ươi ươm ươn ương ươp ươt ươu
y
""".split()
# Rhymes with the medial o (before a, ă, e) or u (before â, ê, y, ơ).
_MEDIAL_O_RHYMES = """
oa oac oach oai oam oan oang oanh oao oap oat oay
oăc oăm oăn oăng oăp oăt
oe oen oeo oet oeng
""".split()
_MEDIAL_U_RHYMES = """
uân uâng uât uây
uê uêch uên uênh uêt
uơ
uy uych uynh uyt uyu uyp uya uyên uyêt
""".split()
# Rhymes written with a final k in official place names of the Central Highlands (Đắk Lắk,
# Đắk Nông): not native orthography, but the state's spelling of those names.
_PLACE_NAME_RHYMES = ("ăk",)

MEDIAL_RHYMES = frozenset(_MEDIAL_O_RHYMES + _MEDIAL_U_RHYMES)
RHYMES = frozenset(_PLAIN_RHYMES) | MEDIAL_RHYMES | frozenset(_PLACE_NAME_RHYMES)
# After qu the u is the medial: qua = qu + a (like hoa = h + oa), quân = qu + ân (like
# tuân); quốc (qu + ôc), the southern quới (Bình Quới) and the old spellings quí, quít are
# accepted too.
QU_RHYMES = frozenset([r[1:] for r in MEDIAL_RHYMES] + ["ôc", "ơi", "i", "it"])
_STOP_FINALS = ("ch", "p", "t", "c", "k")


class Syllable(NamedTuple):
    """A parsed syllable. `rhyme` is lower case without tone; after gi an elided i is put
    back ("gìn" -> gi + in, "giếng" -> gi + iêng) and `rhyme_start` is then 1."""

    initial: str
    rhyme: str
    tone: int
    rhyme_start: int
    tone_index: int  # index in the word of the toned letter; -1 for ngang

    @property
    def final(self) -> str:
        vowels = _leading_vowels(self.rhyme)
        return self.rhyme[len(vowels) :]

    @property
    def styles_differ(self) -> bool:
        """Whether the two tone-placement styles write this syllable differently."""
        return self.tone != NGANG and self.rhyme in ("oa", "oe", "uy")


class Verdict(NamedTuple):
    """What is wrong with a word as a syllable; `problem` is None for a valid syllable.

    problem: "letters" (not made of Vietnamese letters), "two-tones", "structure" (no
    initial + rhyme reading), "tone-final" (a stop final with huyền, hỏi or ngã),
    "tone-position" (the tone on a vowel neither style allows; `syllable` is then set).
    """

    problem: str | None
    syllable: Syllable | None = None

    @property
    def valid(self) -> bool:
        return self.problem is None


def _leading_vowels(rhyme: str) -> str:
    i = 0
    while i < len(rhyme) and rhyme[i] in _PLAIN_VOWELS:
        i += 1
    return rhyme[:i]


def _rhyme_allowed(initial: str, rhyme: str) -> bool:
    if initial == "qu":
        return rhyme in QU_RHYMES
    if rhyme not in RHYMES:
        return False
    first = rhyme[0]
    front = first in "eêiy"  # e, ê, i, y, and the ia/iê/yê diphthongs
    if rhyme.startswith("yê"):
        return initial == ""  # after a consonant iê is written with i: tiên, not tyên
    if rhyme.startswith("iê") and not initial:
        return False  # yên, not iên
    if initial == "k":
        return front
    if initial in ("gh", "ngh"):
        return first in "eêi"
    if initial == "c":
        return not front and rhyme not in MEDIAL_RHYMES  # coa, cuy are written qua, quy
    if initial in ("g", "ng"):
        return not front
    if initial == "gi":
        return rhyme not in MEDIAL_RHYMES
    return True


def tone_slots(rhyme: str) -> tuple[int, int]:
    """Index in `rhyme` of the vowel that takes the tone: (traditional, modern).

    A vowel with a mark takes it (ươ: the ơ); otherwise the middle of three vowels, the
    second of two before a final, the first of two open ones, except that the open oa, oe,
    uy take it on the first vowel in the traditional style and the second in the modern one.
    """
    vowels = _leading_vowels(rhyme)
    marked = [i for i, c in enumerate(vowels) if c in _MODIFIED_VOWELS]
    if marked:
        return marked[-1], marked[-1]
    n = len(vowels)
    if n <= 1:
        return 0, 0
    if n >= 3:
        return 1, 1
    if len(rhyme) > n:
        return 1, 1
    if vowels in ("oa", "oe", "uy"):
        return 0, 1
    return 0, 0


_INITIALS_BY_LENGTH = tuple(
    (n, frozenset(i for i in _INITIALS_LONGEST_FIRST if len(i) == n)) for n in (3, 2, 1)
)


def _parse_letters(base: str) -> tuple[str, str, int] | None:
    """(initial, rhyme, rhyme_start) of a lower-case toneless word, None if none fits."""
    if not base:
        return None
    if base.startswith("gi"):
        rest = base[2:]
        if not rest or rest[0] not in _PLAIN_VOWELS:
            return "gi", "i" + rest, 1  # gì, gìn: the i of gi is the nucleus
        if rest[0] == "ê":
            return "gi", "i" + rest, 1  # giếng = gi + iêng
        if rest[0] in "iy":
            return None
        return "gi", rest, 2
    if base.startswith("qu"):
        return ("qu", base[2:], 2) if base[2:] else None
    if base[0] in _PLAIN_VOWELS:
        return "", base, 0
    for n, initials in _INITIALS_BY_LENGTH:  # the longest initial the word starts with
        initial = base[:n]
        if len(initial) == n and initial in initials:
            rest = base[n:]
            return (initial, rest, n) if rest else None
    return None


# A toned vowel -> the vowel without its tone (str.translate: one C call per word), and the
# lower-case letters a syllable is written with.
_TONELESS = str.maketrans(
    {ch: base for ch in VOWELS if (base := split_tone(ch)[0]) != ch and ch.islower()}
)
_SYLLABLE_LETTERS = _PLAIN_VOWELS | frozenset("bcdđghklmnpqrstvx")


@functools.lru_cache(maxsize=65536)
def check_syllable(word: str) -> Verdict:
    """Why `word` (NFC, any case) is not a valid syllable, or Verdict(None) if it is."""
    if len(word) > 8:  # before lower(): a long word costs its length in every call
        return Verdict("letters")
    lower = word.lower()
    if len(lower) != len(word) or not lower:
        return Verdict("letters")
    base = lower.translate(_TONELESS)
    if base == lower:
        tone_index, tone = -1, NGANG
    else:
        toned = [i for i in range(len(lower)) if lower[i] != base[i]]
        if len(toned) > 1:
            return Verdict("two-tones")
        tone_index = toned[0]
        tone = split_tone(lower[tone_index])[1]
    if not _SYLLABLE_LETTERS.issuperset(base):
        return Verdict("letters")
    parsed = _parse_letters(base)
    if parsed is None:
        return Verdict("structure")
    initial, rhyme, rhyme_start = parsed
    if not _rhyme_allowed(initial, rhyme):
        return Verdict("structure")
    syllable = Syllable(initial, rhyme, tone, rhyme_start, tone_index)
    final = rhyme[len(_leading_vowels(rhyme)) :]
    if final in _STOP_FINALS and tone not in (NGANG, SAC, NANG):
        return Verdict("tone-final", syllable)
    if final in _STOP_FINALS and tone == NGANG and final != "k":
        return Verdict("tone-final", syllable)
    if tone != NGANG:
        slots = tone_slots(rhyme)
        if tone_index - rhyme_start not in slots:
            return Verdict("tone-position", syllable)
    return Verdict(None, syllable)


def is_valid_syllable(word: str) -> bool:
    """Whether `word` is a Vietnamese syllable, in either tone-placement style."""
    return check_syllable(word).problem is None


def parse_syllable(word: str) -> Syllable | None:
    """The parse of a valid syllable (None for an invalid one)."""
    verdict = check_syllable(word)
    return verdict.syllable if verdict.valid else None


@functools.lru_cache(maxsize=65536)
def tone_style(word: str) -> str | None:
    """TRADITIONAL ("hòa", "thủy"), MODERN ("hoà", "thuỷ"), or None where styles agree."""
    syllable = parse_syllable(word)
    if syllable is None or not syllable.styles_differ:
        return None
    at = syllable.tone_index - syllable.rhyme_start
    return TRADITIONAL if at == 0 else MODERN


def place_tone(word: str, style: str = TRADITIONAL) -> str | None:
    """`word` with its tone on the vowel `style` names, case kept; None when the letters are
    not a syllable or the word has several tone marks. Repairs misplaced marks: "gía" ->
    "giá", "ngừơi" -> "người", "hoà" -> "hòa" (traditional)."""
    verdict = check_syllable(word)
    syllable = verdict.syllable
    if syllable is None or verdict.problem not in (None, "tone-position"):
        return None
    if syllable.tone == NGANG:
        return word
    slot = tone_slots(syllable.rhyme)[0 if style == TRADITIONAL else 1]
    target = syllable.rhyme_start + slot
    letters = [split_tone(c)[0] for c in word]
    letters[target] = with_tone(letters[target], syllable.tone)
    return "".join(letters)


# i/y spellings both accepted after these initials, per tone (docs/domain.md §4.4): kĩ/kỹ, lí/lý,
# mĩ/mỹ, tỉ/tỷ, quí/quý, hi/hy (vọng), kỉ/kỷ (niệm), sĩ/sỹ, mì/mỳ, tì/tỳ. Pairs where one
# spelling is a different word or never used ("ti vi" but "công ty") are left out.
_IY_TONES = {
    "k": (1, 2, 3, 4, 5),
    "qu": (0, 1, 2, 3, 4, 5),
    "l": (2, 5),
    "m": (1, 4),
    "t": (1, 3),
    "h": (0,),
    "s": (4,),
}


# Words whose i never turns into y: "tỉ mỉ" (meticulous) is not "tỷ" (a billion).
_IY_FIXED_WORDS = frozenset({"tỉ mỉ", "lí nhí"})


@functools.lru_cache(maxsize=65536)
def iy_variant(word: str, next_word: str = "") -> tuple[str, str] | None:
    """For a syllable written with either i or y ("kĩ", "Quý"), (key, other spelling): the
    key is the lower-case y spelling ("kỹ", "quý"), the other spelling keeps the case.
    None for other words, for a y that never varies (Mỹ the country is a name), and for an
    i inside a fixed word (`next_word` is the word that follows: "tỉ" + "mỉ")."""
    if f"{word} {next_word}".lower() in _IY_FIXED_WORDS:
        return None
    syllable = parse_syllable(word)
    if syllable is None or syllable.rhyme not in ("i", "y"):
        return None
    if syllable.tone not in _IY_TONES.get(syllable.initial, ()):
        return None
    index = syllable.rhyme_start
    ch = word[index]
    base, tone = split_tone(ch)
    if syllable.initial == "m" and base == "y" and word[:1].isupper():
        return None  # Mỹ (the United States) is always written with y
    swapped = {"i": "y", "y": "i", "I": "Y", "Y": "I"}[base]
    other = word[:index] + with_tone(swapped, tone) + word[index + 1 :]
    key = (word if base in "yY" else other).lower()
    return key, other


def _spell(initial: str, rhyme: str, tone: int, style: str) -> str:
    if initial == "gi" and rhyme.startswith("i"):
        letters, start = list("g" + rhyme), 1
    else:
        letters, start = list(initial + rhyme), len(initial)
    if tone != NGANG:
        slot = start + tone_slots(rhyme)[0 if style == TRADITIONAL else 1]
        letters[slot] = with_tone(letters[slot], tone)
    return "".join(letters)


def generate_syllables(style: str = TRADITIONAL) -> Iterator[str]:
    """Every string the validator accepts, written in `style` (lower case, no duplicates)."""
    seen: set[str] = set()
    for initial in ("", *INITIALS):
        rhymes = QU_RHYMES if initial == "qu" else RHYMES
        for rhyme in sorted(rhymes):
            for tone in range(6):
                word = _spell(initial, rhyme, tone, style)
                if word not in seen and is_valid_syllable(word):
                    seen.add(word)
                    yield word


__all__ = [
    "HUYEN",
    "INITIALS",
    "MODERN",
    "RHYMES",
    "TRADITIONAL",
    "Syllable",
    "Verdict",
    "check_syllable",
    "generate_syllables",
    "is_valid_syllable",
    "iy_variant",
    "parse_syllable",
    "place_tone",
    "tone_slots",
    "tone_style",
]
