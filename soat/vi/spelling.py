"""Spelling suggestions for a word that is not a Vietnamese syllable.

Gợi ý chính tả cho một từ không phải âm tiết tiếng Việt: sửa vị trí dấu thanh, bảng lỗi
thường gặp, tách từ dính liền ("bốđiểm" -> "bố điểm"), và các ứng viên xếp theo tần suất.

Candidates are ranked by the syllable frequency table (soat/data/syllable_freq.tsv).
`candidates` makes Vietnamese-aware edits of the toneless letters with the tone kept, then
tone changes. tests/vi/test_spelling.py measures it against pyspellchecker (a test-only
dependency) on soat/data/misspellings.toml: 136 against 45 right first suggestions of 139.
Data loads are cached.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import functools
from collections.abc import Iterable
from typing import NamedTuple

from soat.vi.data_files import read_text
from soat.vi.syllable_counts import attested_counts
from soat.vi.syllables import (
    TRADITIONAL,
    check_syllable,
    is_valid_syllable,
    place_tone,
    tone_slots,
)
from soat.vi.tokens import is_all_caps
from soat.vi.tones import (
    MODIFIED,
    NANG,
    NGANG,
    SAC,
    VOWELS,
    has_vietnamese_mark,
    split_tone,
    strip_tones,
    tone_marks,
    with_tone,
)

_ALPHABET = "abcdđeghiklmnopqrstuvxyăâêôơư"
_STOP_FINALS = ("ch", "p", "t", "c", "k")  # take only the sắc or nặng tone
# Initials that writers confuse (regional pronunciation, spelling rules, keyboard habits).
_INITIAL_SWAPS = {
    "ch": ("tr",),
    "tr": ("ch",),
    "s": ("x",),
    "x": ("s",),
    "d": ("gi", "r", "đ"),
    "gi": ("d", "r"),
    "r": ("d", "gi"),
    "c": ("k", "qu"),
    "k": ("c",),
    "qu": ("c",),
    "g": ("gh",),
    "gh": ("g",),
    "ng": ("ngh",),
    "ngh": ("ng",),
    "đ": ("d",),
}


class Misspellings(NamedTuple):
    safe: dict[str, str]
    expected: dict[str, str]
    accepted: frozenset[str]


def _data_text(name: str) -> str:
    return read_text(name)


@functools.lru_cache(maxsize=1)
def syllable_frequencies() -> dict[str, int]:
    """Syllable (lower case, as written) -> occurrences in the clean corpus."""
    out: dict[str, int] = {}
    for line in _data_text("syllable_freq.tsv").splitlines()[1:]:
        syllable, _, count = line.partition("\t")
        out[syllable] = int(count)
    return out


# A tone placement moves the tone and keeps the letters: the spellings that place their tone
# like `key` are among those with its letters.
_TONELESS = str.maketrans({c: split_tone(c)[0] for c in VOWELS if split_tone(c)[1]})
_TONES = range(1, 6)


@functools.lru_cache(maxsize=1)
def _table_by_letters() -> dict[str, tuple[str, ...]]:
    """The syllables of the frequency table by their letters without tones (one C call
    each)."""
    out: dict[str, list[str]] = {}
    for syllable in syllable_frequencies():
        out.setdefault(syllable.translate(_TONELESS), []).append(syllable)
    return {letters: tuple(group) for letters, group in out.items()}


@functools.lru_cache(maxsize=1)
def _table_letters() -> frozenset[str]:
    """The letters without tones of every syllable of the frequency table."""
    return frozenset(_table_by_letters())


@functools.lru_cache(maxsize=8192)
def _placed_group(letters: str) -> tuple[tuple[str, int], ...]:
    """The table's syllables written with `letters` (and tones), each as (its traditional
    form, occurrences): parsed once per group of letters, not once per syllable asked."""
    table = syllable_frequencies()
    group = _table_by_letters().get(letters, ())
    return tuple(((place_tone(s, TRADITIONAL) or s), table[s]) for s in group)


@functools.lru_cache(maxsize=65536)
def _canonical_frequency(key: str) -> int:
    """The occurrences of the syllables whose traditional form is `key`, both placement
    styles counted as one: looked up among the table's spellings with its letters (grouping
    the whole table would cost a parse of each of its 4,700 syllables on first use)."""
    return sum(n for placed, n in _placed_group(key.translate(_TONELESS)) if placed == key)


@functools.lru_cache(maxsize=65536)
def frequency(syllable: str) -> int:
    """How often `syllable` (either style, any case) occurs in the corpus table. Memoised:
    ranking the candidates of one word asks it of dozens of syllables."""
    lower = syllable.lower()
    return _canonical_frequency(place_tone(lower, TRADITIONAL) or lower)


@functools.lru_cache(maxsize=1)
def misspellings() -> Misspellings:
    from soat.toml import tomllib  # asked about few words: most runs never parse the table

    data = tomllib.loads(_data_text("misspellings.toml"))
    return Misspellings(
        dict(data.get("safe", {})),
        dict(data.get("expected", {})),
        frozenset(data.get("accepted", {}).get("words", ())),
    )


@functools.lru_cache(maxsize=65536)
def _spell_with_tone(base: str, tone: int) -> str | None:
    """The toneless letters `base` with `tone` on the vowel the rules name; None if `base`
    is not a syllable's letters."""
    if tone == NGANG:
        return base if is_valid_syllable(base) else None
    verdict = check_syllable(base)
    syllable = verdict.syllable
    if syllable is None or verdict.problem not in (None, "tone-final"):
        return None
    index = syllable.rhyme_start + tone_slots(syllable.rhyme)[0]
    if syllable.final in _STOP_FINALS and tone not in (SAC, NANG):
        return None  # the one rule the tone adds to a valid base (the mark is where it goes)
    return base[:index] + with_tone(base[index], tone) + base[index + 1 :]


def _edits1(base: str) -> set[str]:
    splits = [(base[:i], base[i:]) for i in range(len(base) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
    out |= {a + c + b for a, b in splits for c in _ALPHABET}
    return out


def _initial_swaps(base: str) -> set[str]:
    out = set()
    for initial in sorted(_INITIAL_SWAPS, key=len, reverse=True):
        if base.startswith(initial):
            out |= {other + base[len(initial) :] for other in _INITIAL_SWAPS[initial]}
            break
    return out


# Initials the spelling rules choose between by the next vowel (k/gh/ngh before e, ê, i).
_RULE_INITIALS = {"c": "k", "k": "c", "g": "gh", "gh": "g", "ng": "ngh", "ngh": "ng"}


def _respellings(lower: str, base: str, tones: list[int]) -> set[str]:
    """Corrections of a broken spelling rule: the other initial of a c/k, g/gh, ng/ngh
    pair; the horn left off the u of ươ; a stop final with sắc or nặng."""
    out: set[str] = set()
    bases: set[str] = set()
    for initial in ("ngh", "ng", "gh", "g", "c", "k"):
        if base.startswith(initial):
            bases.add(_RULE_INITIALS[initial] + base[len(initial) :])
            break
    for wrong in ("uơ", "ưo", "uo"):
        if wrong in base:
            bases.add(base.replace(wrong, "ươ", 1))
    for tone in tones:
        out |= {w for b in bases if (w := _spell_with_tone(b, tone))}
    if check_syllable(lower).problem == "tone-final":
        out |= {w for t in (SAC, NANG) if (w := _spell_with_tone(base, t))}
    return out


def _rank(words: Iterable[str]) -> list[str]:
    unique = {w for w in words if w}
    return sorted(unique, key=lambda w: (-frequency(w), w))


# The longest syllables have seven letters ("nghiêng", "khuếch"); a word longer than this
# is more than one edit away from every syllable.
_MAX_CANDIDATE_LENGTH = 10


def candidates(word: str, limit: int = 5) -> list[str]:
    """Valid syllables `word` (lower case) was probably meant to be, best first.

    In order of trust: the word with its tone mark moved where the rules put it; same-tone
    edits of the toneless letters (one letter deleted,
    inserted, replaced or two swapped; a confusable initial) ranked by corpus frequency;
    then the same letters with another tone. Only syllables seen in the corpus are offered
    from edits, so a rare valid string never outranks a common word.
    """
    return list(_candidates(word.lower(), limit))


@functools.lru_cache(maxsize=16384)
def _candidates(lower: str, limit: int) -> tuple[str, ...]:
    """`candidates` of a lower-case word, memoised: a misspelt word recurs in a document,
    and a text written with look-alike letters of other alphabets repeats hundreds."""
    if len(lower) > _MAX_CANDIDATE_LENGTH:
        return ()  # no syllable is one edit away; the edits of a long word cost its length²
    base = strip_tones(lower)
    foreign = [i for i, ch in enumerate(base) if ch not in _ALPHABET]
    if not foreign:
        return _edit_candidates(lower, base, limit)
    # A letter no syllable is written with ("đιện", with a Greek iota): no tone repair or
    # respelling applies, and an edit makes a syllable only by deleting or replacing that
    # letter, the only edits that remove it; with two such letters none does. The same as
    # `_edit_candidates` (tests/vi/test_spelling.py checks the two against each other),
    # without its ~300 edits.
    if len(foreign) > 1:
        return ()
    i = foreign[0]
    edits = {base[:i] + c + base[i + 1 :] for c in ("", *_ALPHABET)} & _table_letters()
    return tuple(_rank(_same_tone(edits, _tones(lower)))[:limit])


def _tones(lower: str) -> list[int]:
    return sorted({t for _, t in tone_marks(lower)}) or [NGANG]


def _same_tone(edits: Iterable[str], tones: list[int]) -> set[str]:
    """The letters of `edits` spelt with one of `tones`, where that makes a syllable seen in
    the corpus."""
    out: set[str] = set()
    for tone in tones:
        for edit in edits:
            spelled = _spell_with_tone(edit, tone)
            if spelled and frequency(spelled):
                out.add(spelled)
    return out


def _edit_candidates(lower: str, base: str, limit: int) -> tuple[str, ...]:
    """The definition of `candidates`, for `lower` and its letters without tones `base`."""
    ranked: list[str] = []
    repaired = place_tone(lower, TRADITIONAL)
    if repaired and repaired != lower and is_valid_syllable(repaired):
        ranked.append(repaired)
    tones = _tones(lower)
    respelt = _respellings(lower, base, tones)
    seen = {w for w in respelt if frequency(w)}
    ranked += [w for w in _rank(seen or respelt) if w not in ranked]
    # an edit spelt with a tone keeps its letters: only the table's letters can be frequent
    edits = (_edits1(base) | _initial_swaps(base)) & _table_letters()
    ranked += [w for w in _rank(_same_tone(edits, tones)) if w not in ranked]
    if len(ranked) < limit:
        other_tone = {_spell_with_tone(base, t) for t in range(6) if t not in tones}
        ranked += [w for w in _rank(w for w in other_tone if w and frequency(w)) if w not in ranked]
    return tuple(ranked[:limit])


_GLUED_MIN_FREQUENCY = 20  # every part must be a common syllable ("biế" is not "bi ế")
_MAX_SYLLABLE_LENGTH = 8  # as check_syllable


def split_glued(word: str) -> list[str] | None:
    """`word` as two or three valid syllables glued together ("bốđiểm" -> ["bố", "điểm"]),
    the split whose rarest part is most frequent; None when there is no such split. Parts
    must be common syllables, and a split between two copies of one vowel ("Lôông") is
    not taken: doubled vowels are how minority-language names are written."""
    best: tuple[int, list[str]] | None = None
    n = len(word)
    if n > 3 * _MAX_SYLLABLE_LENGTH:
        return None  # three syllables at most; slicing a long word would cost its length²
    for i in range(1, n):
        left = word[:i]
        if not is_valid_syllable(left):
            continue
        rights = [[word[i:]]] + [[word[i:j], word[j:]] for j in range(i + 1, n)]
        for right in rights:
            if all(is_valid_syllable(p) for p in right):
                parts = [left, *right]
                score = min(frequency(p) for p in parts)
                if any(_same_vowel(a[-1], b[0]) for a, b in zip(parts, parts[1:], strict=False)):
                    continue
                if score >= _GLUED_MIN_FREQUENCY and (best is None or score > best[0]):
                    best = (score, parts)
    return best[1] if best else None


# Vietnamese function words that carry a mark no other language puts at the end of a name
# (so "Pancho", "Ochoa" are not "Pan cho", "Och oa"); two letters at least ("Anhtrở" is not
# "Anhtr ở").
GLUE_FUNCTION_WORDS = frozenset(
    "và của là với được đã để thì những các có từ tại đến về sẽ bị này đó mà vì nên cũng "
    "vẫn đang rồi hoặc trên dưới giữa trước".split()
)
_FUNCTION_BY_LENGTH = sorted(GLUE_FUNCTION_WORDS, key=len, reverse=True)
_MIN_NAME_LETTERS = 3


def split_name_glue(word: str) -> tuple[str, str] | None:
    """A name written without Vietnamese marks glued to the Vietnamese function word after
    it ("Anastasievà" -> ("Anastasiev", "và"), "Dinhvà" -> ("Dinh", "và")): the word opens
    with a capital, is no syllable, ends with a function word of GLUE_FUNCTION_WORDS (the
    longest that fits), and what comes before has at least three letters, no Vietnamese
    mark and is not all capitals ("HCMcó" is reported as capitals glued to a word). None
    otherwise."""
    if not word[:1].isupper() or not word.isalpha() or check_syllable(word).valid:
        return None
    lower = word.lower()
    for function in _FUNCTION_BY_LENGTH:
        if lower.endswith(function) and word[-len(function) :].islower():
            head = word[: -len(function)]
            if (
                len(head) >= _MIN_NAME_LETTERS
                and not head.isupper()
                and not has_vietnamese_mark(head)
            ):
                return head, word[-len(function) :]
            return None
    return None


def _same_vowel(a: str, b: str) -> bool:
    base_a, base_b = split_tone(a)[0], split_tone(b)[0]
    return base_a == base_b and base_a in "aăâeêioôơuưy"


def apply_case(model: str, word: str) -> str:
    """`word` written with the case pattern of `model` (lower, Capitalised or UPPER)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


__all__ = [
    "Misspellings",
    "apply_case",
    "candidates",
    "frequency",
    "misspellings",
    "split_glued",
    "split_name_glue",
    "split_tone",
    "syllable_frequencies",
]


# The letters that make `has_vietnamese_mark` true: a tone, or one of đ ă â ê ô ơ ư.
_MARKED = frozenset(c for c in VOWELS if split_tone(c)[1]) | MODIFIED


@functools.lru_cache(maxsize=65536)
def is_suspect_word(word: str) -> bool:
    """Whether a word deserves a spelling check at all (SPL001): letters only, a Vietnamese
    mark, not all capitals, not a valid syllable, not an accepted loanword. Memoised: a
    pure function of the word."""
    if len(word) < 2 or _MARKED.isdisjoint(word) or not word.isalpha() or is_all_caps(word):
        return False
    lower = word.lower()
    if len(lower) == len(word) and lower in attested_counts():
        return False  # a syllable Vietnamese writes: valid (tests/vi/test_attested.py)
    return not check_syllable(word).valid and lower not in misspellings().accepted
