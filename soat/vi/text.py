"""Comparing Vietnamese text: whitespace, case and tone-mark folding, words.

So sánh văn bản tiếng Việt: gộp khoảng trắng, bỏ phân biệt hoa/thường và bỏ dấu.
Pure functions; nothing here knows about soat's documents.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata

from soat.vi.tones import strip_tones

# A word: letters and digits, with the joiners that stay inside a number or a code
# ("3.000.000", "02-NQ/TW", "20,5").
_WORD = r"\w+(?:[.,/\-–]\w+)*"
_WORD_RE = re.compile(_WORD)

# Possessive quantifiers ("\w++") are Python 3.11's: there they make the regexes of
# `more_words_than` 1.1-1.6x faster. On 3.10, where re rejects them ("multiple repeat"), the
# same regexes are built with greedy quantifiers where that matches the same text, and with
# an atomic group's usual stand-in, a look-ahead group matched again (`(?=(X))\1`), where
# it would not.
POSSESSIVE = sys.version_info >= (3, 11)


class _CombiningTable(dict[int, "int | None"]):
    """A str.translate table that deletes combining characters, filled in as characters are
    met (a character's entry never changes, so the table is a pure cache)."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_DROP_COMBINING = _CombiningTable()
# Combining Diacritical Marks, all of canonical class > 0 except U+034F (the grapheme joiner).
_COMBINING_MARKS_RE = re.compile("[\u0300-\u034e\u0350-\u036f]+")


# Whitespace other than the plain space: `\s` matches what str.isspace() accepts.
_OTHER_SPACE_RE = re.compile(r"[^\S ]")


def collapse_spaces(text: str) -> str:
    """Every run of whitespace (no-break spaces included) as one space, ends trimmed."""
    # Most texts (a reader's blocks) have nothing to collapse: told by substring tests and
    # one scan, without splitting them into words and joining them again. Every whitespace
    # character but " " is a control or a separator, which `str.isprintable` rejects: a
    # printable text has no other space (a scan twice as fast as the regex's).
    if (
        "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
        and (text.isprintable() or _OTHER_SPACE_RE.search(text) is None)
    ):
        return text
    # str.split() cuts at the characters `\s` matches (str.isspace), 2-3x faster than a sub.
    return " ".join(text.split())


def comparable(text: str) -> str:
    """NFC, whitespace collapsed: the form in which two texts are "the same words"."""
    return collapse_spaces(unicodedata.normalize("NFC", text))


def fold_case(text: str) -> str:
    """`comparable` and case-folded: "Có Thể Bạn  Quan tâm" → "có thể bạn quan tâm"."""
    return comparable(text).casefold()


def strip_tone_marks(text: str) -> str:
    """Remove the five tone marks, keep the vowel marks: "Phản hồi" → "Phan hôi"."""
    return strip_tones(unicodedata.normalize("NFC", text))


def strip_diacritics(text: str) -> str:
    """Remove every diacritic and write đ as d: "Phản hồi" → "Phan hoi", "Đọc" → "Doc"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    if decomposed.isascii():
        return decomposed
    # The marks of Vietnamese (and most of Latin) go in one regex pass; what is left is
    # usually ASCII, else the per-character table deletes the other combining characters.
    stripped = _COMBINING_MARKS_RE.sub("", decomposed)
    if stripped.isascii():
        return stripped
    return stripped.translate(_DROP_COMBINING)


def fold_tones(text: str) -> str:
    """Case- and diacritic-insensitive key: "Phản Hồi" and "phan hoi" both give "phan hoi".

    Text typed without diacritics drops the vowel marks as well as the tones, so both go.
    """
    return strip_diacritics(fold_case(text))


def within_one_edit(a: str, b: str) -> bool:
    """Whether `a` becomes `b` by at most one insertion, deletion or substitution (a
    Levenshtein distance of 0 or 1): what is left after the common start must be the same
    once the first differing character is skipped in one or both. In pure Python, so that
    the few names a one-article run compares do not import rapidfuzz (~11 ms)."""
    la, lb = len(a), len(b)
    if la < lb:
        a, b, la, lb = b, a, lb, la
    if la - lb > 1:
        return False
    if a == b:
        return True
    i = 0
    while i < lb and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == (b[i + 1 :] if la == lb else b[i:])


def words(text: str) -> list[str]:
    """The words of `text`, numbers and codes kept whole."""
    return _WORD_RE.findall(text)


def word_count(text: str) -> int:
    return len(words(text))


def more_words_than(text: str, n: int) -> bool:
    """`word_count(text) > n`, found without reading past the word n + 1 of a long text."""
    # Two words found one after the other have a character of neither between them (a word
    # ends before a non-word character, or a joiner no word character follows): n + 1 words
    # take 2n + 1 characters at least, so a shorter text (a title, a byline) is told by its
    # length.
    # Most long texts have n + 1 words among their first n + 1 tokens between plain spaces:
    # told by `_tokens_re`, which tests one character a token for a word character (a third
    # of `_first_words_re`'s time, which tests every one); it proves the count, never denies
    # it, and needs n spaces (counted in C: a shorter text is not scanned twice).
    return len(text) > 2 * n and (
        surely_more_words_than(text, n) or _first_words_re(n).match(text) is not None
    )


def surely_more_words_than(text: str, n: int) -> bool:
    """A sufficient test of `more_words_than(text, n)`, true of most long texts: n + 1
    tokens with a word character each, between plain spaces (`_tokens_re`)."""
    return text.count(" ") >= n and _tokens_re(n).match(text) is not None


@functools.lru_cache(maxsize=32)
def _tokens_re(n: int) -> re.Pattern[str]:
    """n + 1 tokens from the start, each holding a word character, with plain spaces between
    them: more than n words, as no word holds a space (a sufficient test, `more_words_than`)."""
    return re.compile(_tokens_pattern(n, POSSESSIVE))


def _tokens_pattern(n: int, possessive: bool) -> str:
    """`_tokens_re`'s pattern, with possessive quantifiers or greedy ones: each quantifier is
    followed by what it cannot match, so both find the same tokens."""
    p = "+" if possessive else ""
    return rf"(?:[^\w ]*{p}\w[^ ]*{p} +{p}){{{n}}}[^\w ]*{p}\w"


@functools.lru_cache(maxsize=32)
def _first_words_re(n: int) -> re.Pattern[str]:
    """n + 1 words from the start, each after the non-word characters before it: one regex
    match instead of n + 1 match objects. Possessive, so that no word is cut in two to make
    up the count (findall never cuts one): `_WORD_RE`'s greedy first try always matches, so
    each word is the one findall finds (and no backtracking state is kept: faster than an
    atomic group around it)."""
    return re.compile(_first_words_pattern(n, POSSESSIVE))


def _first_words_pattern(n: int, possessive: bool) -> str:
    """`_first_words_re`'s pattern: possessive, or each word in a look-ahead group matched
    again, which no backtracking enters either (Python 3.10)."""
    if possessive:
        return rf"(?:\W*+\w++(?:[.,/\-–]\w++)*+){{{n + 1}}}"
    return rf"(?:\W*(?=({_WORD}))\1){{{n + 1}}}"


def is_capitalized(word: str) -> bool:
    """Whether a word starts with an upper-case letter ("Đạt", "TTXVN"); digits do not."""
    return bool(word) and word[0].isupper()


# Credits and attributions that open a short line: "Ảnh: …", "Nguồn: …", "Theo …".
_CREDIT_LINE_RE = re.compile(
    r"^[(\[]?\s*(ảnh|ảnh minh họa|ảnh minh hoạ|nguồn|nguồn ảnh|theo|tác giả|bài và ảnh|bài, ảnh|"
    r"bài ảnh|video|đồ họa|đồ hoạ|clip|thực hiện|tổng hợp|trình bày|biên tập|phóng viên|ctv|pv)"
    r"(?![\w])"
)
CREDIT_WORDS = frozenset({"ảnh", "nguồn", "theo", "video", "clip"})
MAX_CREDIT_WORDS = 15


def is_credit_line(text: str) -> bool:
    """Whether a short line is a credit or attribution ("Ảnh: TTXVN", "Theo Reuters").

    "Theo ông A, …" opens a sentence, not a credit: a credit has no comma before its colon
    and few words.
    """
    return is_folded_credit_line(fold_case(text))


def is_folded_credit_line(folded: str) -> bool:
    """`is_credit_line` of a text already through `fold_case`."""
    m = _CREDIT_LINE_RE.match(folded)
    if not m or more_words_than(folded, MAX_CREDIT_WORDS):
        return False
    head = folded.split(":", 1)[0] if ":" in folded else folded
    return "," not in head or m.group(1) == "bài, ảnh"


# Quotation marks, opening → closing: Vietnamese “…”, guillemets, straight quotes, the
# low-high „…“ of text pasted from German or Polish sources, and single ‘…’.
QUOTE_PAIRS = {"“": "”", "«": "»", '"': '"', "„": "“", "‘": "’"}
_QUOTE_OPEN_RE = re.compile("[" + "".join(QUOTE_PAIRS) + "]")


def quoted_spans(text: str, max_words: int | None = None) -> list[tuple[int, int]]:
    """Ranges [start, end) of the quotations in `text`, quote marks included.

    With `max_words`, only quotations of at most that many words: a name or a title ("triển
    lãm “Hà Nội 10.10.1954”"), not a reported speech.
    """
    spans: list[tuple[int, int]] = []
    i = 0
    while (m := _QUOTE_OPEN_RE.search(text, i)) is not None:
        j = text.find(QUOTE_PAIRS[m.group()], m.end())
        if j < 0:
            break
        if max_words is None or word_count(text[m.end() : j]) <= max_words:
            spans.append((m.start(), j + 1))
        i = j + 1
    return spans
