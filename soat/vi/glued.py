"""Tokens glued together that are not two Vietnamese syllables: where the space went missing.

Từ dính liền không phải hai âm tiết tiếng Việt: chữ viết tắt dính vào từ sau ("UBNDphường",
"PVLao Động"), số dính vào danh từ ("150hộ", "3ngày"), hai từ nối bằng dấu gạch dưới
("Hà_Nội"). Pure functions; offsets are code-point offsets into the text given.

What stays whole, and why:
- brands and codes written in mixed case ("PVOil", "PVComBank", "VnExpress", "TPBank",
  "VNPay", "HDBank", "5G", "H5N1", "COVID-19", "4.0"): the part after the capitals is not a
  Vietnamese syllable, or more capitals follow, or the digits follow a letter or a hyphen;
- minority-language names written without their apostrophe ("MBrâng", "KLong"): a single
  capital, or a consonant cluster (Br, Kr, Tr, ...) across the cut;
- units of measure as the press writes them ("2km", "5kg", "2ha", "100m", "15h", "8h30",
  "50.000đ", "m2"): symbols are not Vietnamese syllables, and "ha" is listed; measured on
  2,595 clean articles the press writes unit symbols both glued and spaced (km 197/384, kg
  32/39, ha 52/73) but Vietnamese nouns almost never glued (hộ 3/268; TYP002's docs);
- web addresses, e-mail addresses, handles and hashtags ("kenh14.vn", "@PM_ViktorOrban").
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import re
from collections.abc import Iterable
from typing import NamedTuple

from soat.vi.spelling import frequency
from soat.vi.syllables import is_valid_syllable
from soat.vi.tokens import non_prose_spans
from soat.vi.tones import LETTERS, VOWELS, has_vietnamese_mark


class GluedToken(NamedTuple):
    """`text[start:end]` should read `replacement`; `kind` says what was glued:
    "abbreviation" (UBNDphường), "number" (150hộ) or "underscore" (Hà_Nội)."""

    start: int
    end: int
    kind: str
    written: str
    replacement: str
    cut: int  # where the space goes: inserted there, or replacing the underscore at `cut`


# A word that starts with two letters neither of which is ASCII lower case: a candidate for
# capitals glued to a word ("UBNDphường", "PVLao"), checked letter by letter in Python.
_UPPER = "".join(sorted(c for c in LETTERS if c.isupper()))
_LOWER = "".join(sorted(c for c in LETTERS if c.islower()))
# The word before is checked in Python: a look-behind tried at every position is slow.
_ABBREVIATION_RE = re.compile(f"[{_UPPER}]{{2,}}[{_LOWER}]+(?![\\w'’])")
_DIGIT_RE = re.compile(r"\d")
# Digits (with thousands or decimal separators) glued to lower-case letters ("150hộ").
# The look-behind sits after the first digit ("\d(?<!\w\d)" is "(?<!\w)\d"): a pattern that
# starts with a character set is scanned for it in C.
_NUMBER_RE = re.compile(r"(\d(?<![\w\-./,’']\d)\d*(?:[.,]\d+)*)([^\W\d_]+)(?![\w\-]|[.,/][^\W_])")
_UNDERSCORE_RE = re.compile(r"(?<=[^\W\d_])_(?=[^\W\d_])")
_WORD_AROUND_RE = re.compile(r"[^\W\d_]+")
# Two letters that begin one word in minority-language names (M'Brâng, K'Rông) or are a
# Vietnamese initial (Tr, Th, Ph, Kh, Ch, Nh, Ng, Gh, Gi, Qu): a cut between them is unsure.
_CLUSTERS = frozenset("br bl kr kl dr pl pr hr hl sr tr th ph kh ch nh ng gh gi qu".split())
# Unit symbols that happen to spell a Vietnamese syllable: glued as often as spaced.
UNIT_SYLLABLES = frozenset({"ha", "am", "pa"})
# A syllable without marks this frequent (per soat/data/syllable_freq.tsv) is Vietnamese
# ("Lao" 469), not a brand's English part ("Pay", "Com": absent).
COMMON_SYLLABLE = 100


def _is_lower_syllable(word: str) -> bool:
    return word.islower() and len(word) >= 2 and is_valid_syllable(word)


def _next_word(text: str, end: int) -> str:
    m = _WORD_AROUND_RE.match(text, end + 1) if text[end : end + 1] == " " else None
    return m.group() if m else ""


def _split_capitals(word: str) -> tuple[str, str] | None:
    """ "UBNDphường" → ("UBND", "phường"): capitals, then lower case to the end; else None."""
    k = 0
    while k < len(word) and word[k].isupper():
        k += 1
    rest = word[k:]
    if k < 2 or not rest or not rest.islower():
        return None
    return word[:k], rest


def _abbreviation_cut(text: str, start: int, word: str, brands: frozenset[str]) -> int | None:
    """Where an abbreviation ends inside `word` ("UBND|phường", "PV|Lao"), or None."""
    parts = _split_capitals(word)
    if parts is None or word.casefold() in brands:
        return None
    caps, rest = parts
    # "PVLao Động", "CTVTrần": the last capital begins a capitalised word, one with a
    # Vietnamese mark, or a common syllable followed by a capitalised Vietnamese word.
    tail = caps[-1] + rest
    if (
        len(caps) >= 3
        and is_valid_syllable(tail)
        and (caps[-2] + caps[-1]).lower() not in _CLUSTERS
    ):
        following = _next_word(text, start + len(word))
        if has_vietnamese_mark(tail) or (
            frequency(tail) >= COMMON_SYLLABLE
            and following[:1].isupper()
            and has_vietnamese_mark(following)
        ):
            return len(caps) - 1
    # "UBNDphường", "THPTchuyên": a lower-case syllable with a Vietnamese mark, starting
    # with a consonant ("QUốc" is a case slip, not a glue).
    if (
        _is_lower_syllable(rest)
        and has_vietnamese_mark(rest)
        and rest[0] not in VOWELS
        and (caps[-1] + rest[0]).lower() not in _CLUSTERS
    ):
        return len(caps)
    return None


def has_glued_shape(word: str) -> bool:
    """Whether a run of letters and digits has the shape of capitals glued to a word
    ("UBNDphường"): find_glued_abbreviations finds only such whole runs, so a text none of
    whose words has it holds no glued capitals."""
    # its first two letters are capitals: most words are told in one C call, not a match
    return word[:2].isupper() and _ABBREVIATION_RE.fullmatch(word) is not None


def find_glued_abbreviations(text: str, brands: frozenset[str] = frozenset()) -> list[GluedToken]:
    """Capitals glued to the next word: "UBNDphường" → "UBND phường".

    `brands` are case-folded spellings that stay whole (a registry's terms).
    """
    found = []
    for m in _ABBREVIATION_RE.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "'’_"):
            continue  # inside a longer word ("xUBNDphường", "M'Brâng")
        written = m.group()
        k = _abbreviation_cut(text, m.start(), written, brands)
        if k is not None:
            replacement = f"{written[:k]} {written[k:]}"
            found.append(
                GluedToken(m.start(), m.end(), "abbreviation", written, replacement, m.start() + k)
            )
    return found


def has_digit(text: str) -> bool:
    return _DIGIT_RE.search(text) is not None


def find_glued_numbers(text: str) -> list[GluedToken]:
    """A number glued to a Vietnamese word: "150hộ" → "150 hộ"; units stay ("2km", "2ha")."""
    found = []
    for m in _NUMBER_RE.finditer(text):
        number, word = m.group(1), m.group(2)
        if not _is_lower_syllable(word) or word in UNIT_SYLLABLES or set(word) <= {"x"}:
            continue
        if not has_vietnamese_mark(word) and frequency(word) < COMMON_SYLLABLE:
            continue  # a model's suffix ("A320neo"), not a Vietnamese word
        found.append(
            GluedToken(m.start(), m.end(), "number", m.group(), f"{number} {word}", m.start(2))
        )
    return found


def find_underscored_words(text: str) -> list[GluedToken]:
    """Two Vietnamese words joined by an underscore: "Hà_Nội" → "Hà Nội".

    Both sides must be Vietnamese syllables and one must carry a Vietnamese mark, so that
    identifiers and handles ("le_Parisien", "KEE_Wii") stay whole.
    """
    found = []
    for m in _UNDERSCORE_RE.finditer(text):
        before = re.search(r"[^\W\d_]+$", text[max(0, m.start() - 12) : m.start()])
        after = _WORD_AROUND_RE.match(text, m.end())
        if before is None or after is None:
            continue
        left, right = before.group(), after.group()
        if not (is_valid_syllable(left) and is_valid_syllable(right)):
            continue
        if not (has_vietnamese_mark(left) or has_vietnamese_mark(right)):
            continue
        written = f"{left}_{right}"
        found.append(
            GluedToken(
                m.start() - len(left),
                m.end() + len(right),
                "underscore",
                written,
                f"{left} {right}",
                m.start(),
            )
        )
    return found


def _outside(found: Iterable[GluedToken], spans: list[tuple[int, int]]) -> list[GluedToken]:
    return [g for g in found if not any(s < g.end and g.start < e for s, e in spans)]


def find_glued_tokens(
    text: str, brands: frozenset[str] = frozenset(), numbers: bool = True
) -> list[GluedToken]:
    """Every glued token of a paragraph, in order, outside URLs, e-mail addresses, domains,
    handles, hashtags and document symbols; without the numbers unless `numbers`."""
    found: list[GluedToken] = []
    if numbers and _DIGIT_RE.search(text):
        found += find_glued_numbers(text)
    found += find_glued_abbreviations(text, brands)
    if "_" in text:
        found += find_underscored_words(text)
    if not found:
        return []
    spans = non_prose_spans(text)
    return sorted(_outside(found, spans) if spans else found, key=lambda g: g.start)
