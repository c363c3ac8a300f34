"""Vietnamese text in a pre-Unicode encoding, read as if it were Unicode — and its repair.

Văn bản tiếng Việt gõ bằng bảng mã cũ (TCVN3, VNI, VISCII, Windows-1258) hoặc UTF-8 bị
đọc nhầm thành Windows-1252/Latin-1: nhận ra và chuyển lại thành Unicode dựng sẵn.

Two situations:
- a run of words inside a UTF-8 document that is legacy text as a Unicode reader shows it
  ("C«ng ®oµn", "Coâng ñoaøn", "CÃ´ng Ä‘oÃ n"): `find_misencoded`;
- a whole file that is not UTF-8 at all: `detect_bytes` names the encoding and gives the
  text when the detection is certain.

A word counts as mis-encoded only when it is not a Vietnamese syllable as written and its
decoding is one; a run is reported only with at least two such words, so ordinary text with a
few Latin-1 letters ("José", "©", "°C", "±", "«»", "µg") is left alone. The encodings
themselves (tables and codecs) are in soat/vi/legacy_codecs.py.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import functools
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from soat.vi.legacy_codecs import (
    CP1258_MARKS,
    SEEN,
    UTF8_MARKS,
    as_cp1252,
    decode_cp1258,
    decode_utf8,
    decode_utf8_twice,
    tables,
)
from soat.vi.legacy_telltales import may_be_misencoded
from soat.vi.spelling import frequency
from soat.vi.syllables import is_valid_syllable
from soat.vi.tones import VOWELS

MIN_WORDS = 2  # mis-encoded words a run needs before it is reported


# A unit with a superscript ("m²", "km³", "x²") is not VISCII's ỗ/Ỡ: no evidence either way.
_UNIT_RE = re.compile(r"[A-Za-z]{1,2}[\u00b2\u00b3]")


class Misencoded(NamedTuple):
    """A run of mis-encoded text: `text[start:end]` is `original`, which reads `decoded`."""

    encoding: str
    start: int
    end: int
    original: str
    decoded: str
    words: int  # words that decode from not-Vietnamese to Vietnamese
    certain: bool  # every word of the run with a legacy mark decodes to a syllable
    score: float = 0.0  # how common the decoded words are (breaks ties between encodings)
    # (start, end, reading) of each word that changes; what stands between them is kept
    words_changed: tuple[tuple[int, int, str], ...] = ()


# --- finding runs ------------------------------------------------------------------------


_VIETNAMESE = VOWELS | {"đ", "Đ"}  # every letter of Vietnamese, both cases


@dataclass(frozen=True)
class _Scheme:
    name: str
    marks: frozenset[str]  # a word needs one of these to be a candidate
    letters: str  # a regex class body of the characters a word is made of
    decode: Callable[[str], str | None]
    edges: str = ""  # characters taken as punctuation, not letters, at a word's ends

    @functools.cached_property
    def telltales(self) -> re.Pattern[str]:
        """Characters a run of this scheme always has and correct Vietnamese text lacks:
        the scheme's marks that are neither a Vietnamese letter nor punctuation or space
        (a real run has those as well). Text without one is not scanned."""
        chars = {c for c in self.marks - _VIETNAMESE if unicodedata.category(c)[0] not in "PZ"}
        if self.name.startswith("utf8"):
            chars |= {"\u00ba", "\u00bb"}  # the second byte of ạ…ỹ (E1 BA/BB) as seen
        return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


@functools.lru_cache(maxsize=1)
def _schemes() -> tuple[_Scheme, ...]:
    def cls(chars: frozenset[str] | set[str]) -> str:
        return "".join(re.escape(c) for c in sorted(chars))

    schemes = []
    for name, table in tables().items():
        # the Latin-1 letters too: an encoding may keep some as they are (VISCII's "à")
        letters = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff" + cls(table.marks)
        # VISCII writes Ộ and Ợ with the bytes Windows-1252 shows as curly double quotes: at
        # a word's ends they are far more often quotation marks than letters.
        edges = "\u201c\u201d" if name == "viscii" else ""
        schemes.append(_Scheme(name, table.marks, letters, table.decode, edges))
    latin = set(SEEN[0x80:]) | {chr(b) for b in range(0x80, 0xA0)}
    schemes.append(_Scheme("cp1258", CP1258_MARKS, "A-Za-z" + cls(latin), decode_cp1258))
    schemes.append(_Scheme("utf8x2", UTF8_MARKS, "A-Za-z" + cls(latin), decode_utf8_twice))
    schemes.append(_Scheme("utf8", UTF8_MARKS, "A-Za-z" + cls(latin), decode_utf8))
    return tuple(schemes)


def _schemes_telltales() -> re.Pattern[str]:
    """What `TELLTALES` (soat.vi.legacy_telltales) stands for: a telltale of any scheme."""
    return re.compile("|".join(s.telltales.pattern for s in _schemes()))


def _is_syllable(word: str) -> bool:
    return is_valid_syllable(unicodedata.normalize("NFC", word).lower())


def _decoded_words(decoded: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", decoded) if w]


_QUOTES = frozenset("\u2018\u2019\u201c\u201d\"'")
# symbols between two letters of a decoded word, other than spaces, hyphens, dots, slashes
# and apostrophes: what a reading leaves when it undoes only one of two encodings
_INNER_SYMBOL = re.compile(r"\w[^\w\s\-\u2013./'\u2019\u0300-\u036f]+\w")
_MARKS = "\u0300-\u036f"  # combining marks belong to the word they follow (decomposed text)


class _Word(NamedTuple):
    start: int
    end: int
    decoded: str
    ok: bool  # decodes to Vietnamese syllables (or to an upper-case abbreviation)
    good: bool  # ok, and not a syllable as written: evidence of the encoding
    native: bool = False  # a syllable as written that the scheme would change: evidence against


def _scan(text: str, scheme: _Scheme) -> list[_Word]:
    words = []
    # A whole word only: a word of real Vietnamese text ("người") is not cut down to the
    # part the scheme can read ("ng").
    for m in re.finditer(f"(?<![\\w{_MARKS}])[{scheme.letters}]+(?![\\w{_MARKS}])", text):
        start, end = m.span()
        while start < end and text[start] in scheme.edges:
            start += 1
        while end > start and text[end - 1] in scheme.edges:
            end -= 1
        word = text[start:end]
        if not any(c in scheme.marks for c in word):
            continue
        decoded = scheme.decode(word)
        if decoded is None and word[:1] in _QUOTES | set(scheme.edges):
            # a quotation mark glued to the word ("‘tÃ¬nh"): read the word without it
            start, word = start + 1, word[1:]
            decoded = scheme.decode(word)
        if decoded is None and word[-1:] in _QUOTES:
            end, word = end - 1, word[:-1]
            decoded = scheme.decode(word)
        if decoded is None or decoded == word:
            words.append(_Word(start, end, word, False, False))
            continue
        parts = _decoded_words(decoded)
        # a reading with symbols left inside the word ("Thá»§y", text encoded twice read
        # once) is not Vietnamese, however its pieces read
        ok = (
            bool(parts)
            and not _INNER_SYMBOL.search(decoded)
            and all(_is_syllable(p) or (p.isupper() and p.isalpha()) for p in parts)
        )
        # Vietnamese as written is a syllable in use: "nãm" is well-formed but unattested,
        # and is "năm" in cp1258
        native = _is_syllable(word) and frequency(word) > 0
        # A unit ("m²", "h²") is no evidence for the scheme, nor against it: it is not
        # Vietnamese text as written.
        written = native or bool(_UNIT_RE.fullmatch(word))
        # one letter is too little evidence ("Â" reads "Ơ" in VISCII)
        good = ok and len(word) > 1 and not written and not word.isupper()
        words.append(_Word(start, end, decoded, ok, good, native=native))
    return words


def find_misencoded(text: str) -> list[Misencoded]:
    """Runs of mis-encoded Vietnamese in `text`, in text order. Where the runs of several
    schemes overlap, the one that turns more words into Vietnamese wins."""
    candidates: list[Misencoded] = []
    if not may_be_misencoded(text):  # nearly all text: one scan and done
        return []
    for scheme in _schemes():
        if not scheme.telltales.search(text):
            continue
        for run in _runs(text, _scan(text, scheme), scheme.letters):
            good = sum(w.good for w in run)
            native = sum(w.native for w in run)
            # Real Vietnamese text has many words that are syllables as written; a
            # misreading has few (a word here and there that reads both ways).
            if good < MIN_WORDS or native * 2 >= good:
                continue
            start, end = run[0].start, run[-1].end
            pieces, pos = [], start
            for w in run:
                pieces += [text[pos : w.start], w.decoded]
                pos = w.end
            decoded = unicodedata.normalize("NFC", "".join(pieces))
            candidates.append(
                Misencoded(
                    scheme.name,
                    start,
                    end,
                    text[start:end],
                    decoded,
                    good,
                    all(w.ok for w in run),
                    sum(math.log1p(frequency(p)) for w in run for p in _decoded_words(w.decoded)),
                    tuple(
                        (w.start, w.end, unicodedata.normalize("NFC", w.decoded))
                        for w in run
                        if w.decoded != text[w.start : w.end]
                    ),
                )
            )
    candidates.sort(key=lambda m: (-m.words, not m.certain, -m.score, m.start))
    chosen: list[Misencoded] = []
    for m in candidates:
        if all(m.end <= c.start or c.end <= m.start for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def _runs(text: str, words: list[_Word], letters: str) -> list[list[_Word]]:
    """Candidate words grouped into runs: a run starts and ends with a good word, and only
    spaces, digits, punctuation and words the scheme could have written stand between its
    neighbours — a word with a letter the scheme cannot write ("tới" for TCVN3 as Latin-1)
    is real Unicode text and ends the run."""
    gap = re.compile(f"(?:[^\\w{_MARKS}]|[0-9_{letters}])*")
    runs: list[list[_Word]] = []
    current: list[_Word] = []

    def close() -> None:
        while current and not current[-1].good:
            current.pop()
        if current:
            runs.append(current.copy())
        current.clear()

    for w in words:
        if current and not gap.fullmatch(text, current[-1].end, w.start):
            close()
        if current or w.good:
            current.append(w)
    close()
    return runs


# --- whole files -------------------------------------------------------------------------

CERTAIN_SHARE = 0.9  # share of a file's marked words that must decode to syllables


def detect_bytes(data: bytes) -> tuple[str, str] | None:
    """(encoding, text) for a file that is not UTF-8, when one legacy encoding decodes
    nearly all of its marked words to Vietnamese (CERTAIN_SHARE) and no other reading does
    so with half as much evidence."""
    seen = as_cp1252(data)
    scores = []
    for scheme in _schemes():
        if scheme.name in ("utf8", "utf8x2"):
            continue  # not UTF-8 by assumption
        words = _scan(seen, scheme)
        if not words:
            continue
        good = sum(w.good for w in words)
        ok = sum(w.ok for w in words)
        scores.append((ok / len(words), good, scheme))
    if not scores:
        return None
    # the most evidence first; another reading as good and nearly as well supported
    # makes the file ambiguous
    scores.sort(key=lambda s: (s[1], s[0]), reverse=True)
    share, good, best = scores[0]
    if share < CERTAIN_SHARE or good < MIN_WORDS:
        return None
    if any(g * 2 >= good and sh >= CERTAIN_SHARE for sh, g, _ in scores[1:]):
        return None
    if best.name == "cp1258":
        text = unicodedata.normalize("NFC", data.decode("cp1258", errors="strict"))
    else:
        text = unicodedata.normalize("NFC", tables()[best.name].decode(seen))
    return best.name, text
