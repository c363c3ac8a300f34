"""Syllables Vietnamese really uses, and what a well-formed but unused one was meant to be.

Âm tiết thực dùng trong tiếng Việt, và âm tiết đúng cấu trúc nhưng không có thật ("sẳn",
"hoặt", "đườn") có lẽ được định viết thành gì.

The validator (soat.vi.syllables) accepts 17,436 letter strings; the language writes about
6,200 of them (soat.vi.syllable_counts; built by tools/build_attested_syllables.py
from published news, the place and name data and Unihan). A valid syllable not attested,
next to an attested frequent one by an error writers actually make, is probably that error.

Errors, with the weight that ranks a candidate (weight × how often the candidate is written):
hỏi ↔ ngã 50; another tone 3; a final consonant confused (c/t, n/ng, n/nh, ch/t, ch/c) 5;
a final letter dropped or added 3; a letter replaced by its neighbour on the keyboard 2; any
other one-letter edit of the toneless letters 0.5. The weights were set on the issue's examples
("sẳn sàng", "hoặt", "nhiện liệu") and checked on the corpus. The neighbouring syllables
rank the candidates too (soat.vi.bigrams: "hoặt động" is "hoạt", "hoặt một" is "hoặc"), and a
candidate that the text around confirms makes a warning of any kind of error.

Loanwords written as one word ("ôxít", "kilômét", "viôlông") are recognised by their shape:
every part a valid syllable, all but the last open (no final consonant), at most one tone
mark in the whole word — a glue of two words ("bốđiểm", "cáchđưa") breaks one of these.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import functools
from typing import NamedTuple

from soat.vi.bigrams import bigram
from soat.vi.spelling import _ALPHABET, _spell_with_tone
from soat.vi.syllable_counts import attested_counts, count, listed_syllables
from soat.vi.syllables import is_valid_syllable, parse_syllable
from soat.vi.tokens import is_all_caps
from soat.vi.tones import NANG, NGANG, split_tone, strip_tones, tone_marks, with_tone
from soat.vi.typing_remnants import unconverted_typing

HOI, NGA = 3, 4
# The errors reported: others (any letter) also turn rare real words into common ones.
REPORTED = frozenset({"hoi-nga", "tone", "mark", "final", "final-letter", "key"})
MIN_CANDIDATE_COUNT = 20  # a candidate must be written at least this often
UNATTESTED_RATIO = 500  # a rare syllable counts as unattested next to one this much commoner
WEAK_COUNT = 5  # a syllable written more often than this is taken as a word, whatever is near

_FINAL_SWAPS = {
    "c": ("t",),
    "t": ("c",),
    "n": ("ng", "nh"),
    "ng": ("n",),
    "nh": ("n",),
    "ch": ("t", "c"),
}
_SHAPE_GROUPS = ("aăâ", "eê", "oôơ", "uư", "dđ")
_SHAPES = {c: tuple(o for o in g if o != c) for g in _SHAPE_GROUPS for c in g}
_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbours() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r, row in enumerate(_KEYBOARD):
        for i, ch in enumerate(row):
            near = {row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)}
            for other in (r - 1, r + 1):
                if 0 <= other < len(_KEYBOARD):
                    near |= {
                        _KEYBOARD[other][j] for j in (i - 1, i) if 0 <= j < len(_KEYBOARD[other])
                    }
            out[ch] = near
    return out


_NEAR_KEYS = _neighbours()


class Candidate(NamedTuple):
    word: str
    score: float
    error: str  # what the writer probably did (a key of ERRORS)
    confirmed: bool = False  # the syllable before or after makes a common pair with it


ERRORS = {
    "hoi-nga": ("nhầm dấu hỏi/ngã", "hỏi and ngã confused"),
    "tone": ("sai dấu thanh", "wrong tone mark"),
    "mark": ("sai dấu mũ, dấu trăng, dấu móc hay gạch chữ đ", "wrong breve, circumflex, horn or đ"),
    "final": ("nhầm phụ âm cuối", "final consonant confused"),
    "final-letter": ("thiếu hoặc thừa chữ cuối", "final letter dropped or added"),
    "key": ("gõ nhầm phím bên cạnh", "neighbouring key"),
    "letter": ("sai một chữ cái", "one letter wrong"),
}
_WEIGHTS = {
    "hoi-nga": 50.0,
    "tone": 3.0,
    "mark": 3.0,
    "final": 5.0,
    "final-letter": 3.0,
    "key": 2.0,
}
_OTHER_EDIT = 0.5


def _tone_of(lower: str) -> int:
    marks = tone_marks(lower)
    return marks[0][1] if marks else NGANG


_TONELESS = str.maketrans(
    {
        ch: split_tone(ch)[0]
        for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
        for tone in range(1, 6)
        if (ch := with_tone(base, tone)) != base
    }
)


@functools.lru_cache(maxsize=1)
def _candidate_bases() -> frozenset[str]:
    """The toneless letters of every syllable common enough to be a candidate: an edit
    whose letters are not among them cannot give one, and is not spelled out."""
    return frozenset(
        s.translate(_TONELESS) for s, n in attested_counts().items() if n >= MIN_CANDIDATE_COUNT
    )


@functools.lru_cache(maxsize=8192)
def _generated(lower: str) -> dict[str, str]:
    """Attested syllables written at least MIN_CANDIDATE_COUNT times one writer's error away
    from `lower`, with the error's kind."""
    base, tone = strip_tones(lower), _tone_of(lower)
    bases = _candidate_bases()
    found: dict[str, str] = {}

    def add(letters: str, tone: int, kind: str) -> None:
        if letters not in bases:
            return
        word = _spell_with_tone(letters, tone)
        if word and word != lower and word not in found:
            found[word] = kind

    for other in range(6):
        if other != tone:
            add(base, other, "hoi-nga" if {tone, other} == {HOI, NGA} else "tone")
    parsed = parse_syllable(lower)
    final = parsed.final if parsed else ""
    if final:
        stem = base[: len(base) - len(final)]
        for swap in _FINAL_SWAPS.get(final, ()):
            add(stem + swap, tone, "final")
        add(base[:-1], tone, "final-letter")
    for letter in "cgtnhm":
        add(base + letter, tone, "final-letter")
    # A vowel's shape mark (breve, circumflex, horn) or đ's bar dropped, added or confused.
    for i, ch in enumerate(base):
        for shaped in _SHAPES.get(ch, ()):
            add(base[:i] + shaped + base[i + 1 :], tone, "mark")
    # A letter replaced by its neighbour on the keyboard; other one-letter edits ("letter")
    # are never reported, so they are not generated.
    for i, ch in enumerate(base):
        for key in sorted(_NEAR_KEYS.get(ch, ())):
            if key in _ALPHABET:
                add(base[:i] + key + base[i + 1 :], tone, "key")
    return found


# Ranking with the neighbours: weight x P(candidate | syllable before) x P(syllable after |
# candidate), each a bigram count smoothed towards the candidate's own frequency (Dirichlet
# smoothing with SMOOTHING pseudo-counts), so an unknown pair falls back on frequency alone.
SMOOTHING = 50.0
TOTAL = 3_000_000  # about the number of syllables counted (clean/ and raw/text)
BIGRAM_FLOOR = 9  # the table keeps pairs seen 10 times or more
# A pair confirms a candidate when it is written at least CONFIRM_COUNT times, is at least
# CONFIRM_SHARE of the uses of the rarer of its two syllables, and is CONFIRM_PMI times as
# common as chance would make it ("nhiên liệu", "diễn biến": yes; "số và", "vết năm": no).
# Measured held out (list and pairs from raw/text, run on clean/), see README-syllables.md.
CONFIRM_COUNT = 10
CONFIRM_SHARE = 0.05
CONFIRM_PMI = 10.0


def _confirms(pair: int, neighbour: str | None, n: int) -> bool:
    if pair < CONFIRM_COUNT or not neighbour:
        return False
    other = count(neighbour)
    return pair >= CONFIRM_SHARE * min(other, n) and pair * TOTAL >= CONFIRM_PMI * other * n


def _pair(first: str, second: str, n_first: int, n_second: int) -> tuple[int, float]:
    """A pair's count, and the count used in ranking: a pair the table leaves out (seen fewer
    than 10 times) is taken as chance would have it, 9 at most ("một lịch": 7)."""
    seen = bigram(first, second)
    return seen, seen or min(BIGRAM_FLOOR, n_first * n_second / TOTAL)


def _context(cand: str, n: int, before: str | None, after: str | None) -> tuple[float, bool]:
    left = right = 0
    p = n / TOTAL
    if before:
        n_before = count(before)
        left, est = _pair(before, cand, n_before, n)
        p = (est + SMOOTHING * n / TOTAL) / (n_before + SMOOTHING)
    if after:
        n_after = count(after)
        right, est = _pair(cand, after, n, n_after)
        p *= (est + SMOOTHING * n_after / TOTAL) / (n + SMOOTHING)
    confirmed = _confirms(left, before, n) or _confirms(right, after, n)
    return p, confirmed


def by_context(words: list[str], before: str | None, after: str | None) -> list[str]:
    """`words` (candidates, best first by another measure) reordered by how well they fit
    between `before` and `after`, when the bigram table knows a pair with any of them;
    unchanged otherwise (SPL001: "tôi cỏn vui" -> "còn" first, not the commoner "con")."""
    if not before and not after:
        return words
    if not any(bigram(before, w) or bigram(w, after) for w in words):
        return words
    fit = {w: _context(w, count(w), before, after)[0] for w in words}
    return sorted(words, key=lambda w: -fit[w])  # stable: ties keep their order


def suggestions(
    word: str, limit: int = 3, before: str | None = None, after: str | None = None
) -> list[Candidate]:
    """What an unattested syllable was probably meant to be, best first; [] when it is
    attested, or when no attested syllable is near enough (then it may be a rare real word
    or a name, and nothing is said). `before`/`after`: the syllables next to it in the
    text (lower case), which rank the candidates ("hoặt một" -> hoặc)."""
    lower = word.lower()
    own = count(lower)
    ranked = []
    for cand, kind in _generated(lower).items():
        n = count(cand)
        if n < MIN_CANDIDATE_COUNT or n < UNATTESTED_RATIO * own:
            continue
        if kind not in REPORTED:
            continue
        p, confirmed = _context(cand, n, before, after)
        ranked.append(Candidate(cand, _WEIGHTS.get(kind, _OTHER_EDIT) * p, kind, confirmed))
    ranked.sort(key=lambda c: (-c.score, c.word))
    return ranked[:limit]


GLUE_PART_COUNT = 1000  # parts this common make two words, not a loanword ("ditích")


def is_loanword(word: str) -> bool:
    """A Vietnamised loanword written as one word ("ôxít", "kilômét", "viôlông", "nitơ"):
    two to five valid syllables, all but the last a single vowel with at most one consonant
    before it (ki, lô, vi, ô, mê), one tone mark at most in the whole word, no đ inside; and
    not two very common words ("di tích", "đi về" glued stay glues)."""
    lower = word.lower()
    if len(tone_marks(lower)) > 1 or "đ" in lower[1:]:
        return False
    parts = _split_open(lower, 0)
    if parts is None:
        return False
    return not all(count(p) >= GLUE_PART_COUNT for p in parts)


@functools.lru_cache(maxsize=4096)
def _split_open(word: str, parts: int, before: str = "") -> tuple[str, ...] | None:
    """`word` as loanword parts; `before` is the part to its left. A vowel-only part that
    would make one syllable with that part ("hộ" + "i" = "hội") is no part boundary."""
    if parts >= 5:
        return None
    for i in range(1, len(word)):
        head, tail = word[:i], word[i:]
        syllable = parse_syllable(head)
        if syllable is None or len(syllable.rhyme) != 1 or len(syllable.initial) > 1:
            continue
        if before and not syllable.initial and is_valid_syllable(before + head):
            continue
        if strip_tones(head[-1]) == strip_tones(tail[0]):
            continue  # a doubled vowel ("têếp") is a typing slip, not two parts
        tail_syllable = parse_syllable(tail)
        if (
            tail_syllable is not None
            and is_valid_syllable(tail)
            # a last part of vowels only needs a final consonant ("điốt", not "biế")
            and (
                tail_syllable.initial
                or (tail_syllable.final and not is_valid_syllable(head + tail[:1]))
            )
        ):
            return (head, tail)
        rest = _split_open(tail, parts + 1, head)
        if rest is not None:
            return (head, *rest)
    return None


class Finding(NamedTuple):
    """What SPL006 says of a word: its candidates, best first, and whether the evidence is
    strong enough for a warning."""

    candidates: tuple[Candidate, ...]
    sure: bool
    rare: bool = False  # the word is a real but rare syllable; the text around says otherwise


def assess(word: str, before: str | None = None, after: str | None = None) -> Finding | None:
    """SPL006's verdict on a valid syllable, None when nothing is to be said.

    A syllable no source writes is reported when an attested one is one usual error away:
    a warning when a neighbouring syllable confirms the candidate ("nhiện liệu": "nhiên
    liệu" is a common pair), info otherwise (a hỏi/ngã slip too: "viển vông", "quái gở"
    are real words a list may lack). One the corpus writes at most WEAK_COUNT times and no
    list names ("tiêng", "diễn biễn": typing slips that got into print) is reported only
    when a neighbour confirms the candidate, as a warning; one that Unihan or the name data
    names ("đườn", "vặn") likewise, but as info: it is a real syllable."""
    lower = word.lower()
    own = count(lower)
    if own > WEAK_COUNT:
        return None
    found = suggestions(lower, before=before, after=after)
    if not found:
        return None
    best = found[0]
    if own:
        if not best.confirmed:
            return None
        listed = lower in listed_syllables()
        return Finding(tuple(found), sure=not listed, rare=listed)
    return Finding(tuple(found), best.confirmed)


def only_vietnamese(word: str) -> bool:
    """A mark no other language's name carries: ă ơ ư đ, or a hỏi, ngã or nặng tone
    ("Luậy" is a Vietnamese word; "José" or "Rhône" may be a name)."""
    for c in word.lower():
        base, tone = split_tone(c)
        if base in "ăơưđ" or tone in (HOI, NGA, NANG):
            return True
    return False


@functools.lru_cache(maxsize=65536)
def always_quiet(word: str) -> bool:
    """Whether SPL006 has nothing to say of `word` (as written) in any context: attested
    more than WEAK_COUNT times, not a word of letters, all capitals, not a syllable
    (SPL001's), or with no candidate near enough (the candidates do not depend on the
    context, only their order and the severity do). A capitalised word without a mark only
    Vietnamese has is left to the context (a name, or a sentence start). Memoised: nearly
    every word of a document."""
    lower = word.lower()
    if count(lower) > WEAK_COUNT:
        return True  # a written syllable is no typing remnant: those end in a key letter
    if word.isascii() and unconverted_typing(word) is not None:
        return False
    if len(word) < 2 or not word.isalpha() or is_all_caps(word):
        return True
    if not is_valid_syllable(lower):
        return True
    if word != lower and not only_vietnamese(word):
        return False
    return not suggestions(lower)
