"""Words of prose with their offsets, skipping what is not prose (URLs, e-mail, code, tags).

Tách văn xuôi thành từ (kèm vị trí), bỏ qua đường link, địa chỉ e-mail, mã, hashtag.
A word is a maximal run of letters and digits; `Word.is_letters` tells a pure-letter word
("ngành", "COVID") from one mixed with digits ("F0", "19"). Pure functions.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import re
from collections.abc import Iterator
from itertools import accumulate, repeat
from typing import NamedTuple

_WORD_RE = re.compile(r"[^\W_]+")
# Things that look like words but are not prose. Domains only with common top-level
# domains, so that a sentence glued to the next one ("xong.Đây") is not taken for one.
# An e-mail address or a domain starts only where its run of letters, dots and hyphens
# starts (a later start finds nothing the first did not): trying every position of a long
# run made the search quadratic.
_NOT_PROSE_RE = re.compile(
    r"""(?:https?|ftp)://[^\s<>"'“”‘’()\[\]]+"""
    r"|www\.[^\s<>\"'“”‘’()\[\]]+"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b(?<!\w[.-])[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|gov|edu|info|io|me|tv|asia|biz)\b"
    r"(?:/[^\s<>\"'“”]*)?"
    r"|`[^`\n]*`"
    r"|(?<![\w#@])[#@][^\W_][\w.]*",
    re.IGNORECASE,
)
# Where a text may hold something of the above: "://", "www.", "@", "`", "#", a dot before a
# top-level domain, or a digit, "/" or "-" and a letter (a symbol's least: "02-NQ", "12/ QĐ";
# a date "12/5/2023" is none). As one case-insensitive regex, 3x slower.
_DOMAIN_END_RE = re.compile(r"\.(?i:vn|com|net|org|gov|edu|info|io|me|tv|asia|biz)\b")
# "www." found from its dot (a literal the engine scans for in C; a first character set of
# w and W made this search 5x slower): the same texts as [wW][wW][wW]\. (tests/vi/test_tokens.py).
_WWW_RE = re.compile(r"\.(?<=[wW][wW][wW]\.)")
_NUMBER_DASH_RE = re.compile(r"\d\s?[/-]\s?[^\W\d_]")
# A document number and symbol ("02-NQ/TW", "56/qđ-tlđ", "12/2022/NĐ - CP"): its letters
# are a code, not words, however it is spelt.
# The look-behind (no word character or slash before the number) is asked after the first
# digit, where the engine has found one with a fast scan, not at every character: the same
# matches as `(?<![\w/])\d+…` (tests/vi/test_tokens.py compares them).
_SYMBOL_RE = re.compile(
    r"\d(?<![\w/]\d)\d*(?:/\d{4})?\s?[/-]\s?[^\W\d_][\w.]*(?:\s?[/-]\s?[^\W\d_][\w.]*)*"
)


class Word(NamedTuple):
    text: str
    start: int
    end: int

    @property
    def is_letters(self) -> bool:
        return self.text.isalpha()

    @property
    def is_capitalized(self) -> bool:
        """First letter upper case, the rest not all upper case ("Thủy", not "ILO")."""
        return self.text[:1].isupper() and not is_all_caps(self.text)

    @property
    def is_all_caps(self) -> bool:
        return is_all_caps(self.text)


def is_all_caps(text: str) -> bool:
    """Whether every cased letter is upper case and there are at least two ("ILO", "ĐOÀN")."""
    return text.isupper() and sum(1 for c in text if c.isupper()) >= 2


def maybe_not_prose(text: str) -> bool:
    """Whether `text` may hold a URL, an address, code, a tag or a document symbol (False:
    it holds none)."""
    return (
        "://" in text
        or "@" in text
        or "`" in text
        or "#" in text
        or ("." in text and (_DOMAIN_END_RE.search(text) or _WWW_RE.search(text)) is not None)
        or (("/" in text or "-" in text) and _NUMBER_DASH_RE.search(text) is not None)
    )


def non_prose_spans(text: str) -> list[tuple[int, int]]:
    """Ranges of URLs, bare domains, e-mail addresses, inline code, hashtags, @handles and
    document symbols, in order."""
    if not maybe_not_prose(text):
        return []  # the common case, found with one cheap scan
    spans = [m.span() for m in _NOT_PROSE_RE.finditer(text)]
    symbols = document_symbol_spans(text)
    return sorted(spans + symbols) if symbols else spans


def document_symbol_spans(text: str) -> list[tuple[int, int]]:
    """Ranges of document numbers and symbols ("58/HD-TLĐ", "30/2020/NĐ - CP")."""
    return [m.span() for m in _SYMBOL_RE.finditer(text)]


def iter_words(text: str, skip_non_prose: bool = True) -> Iterator[Word]:
    """The words of `text` in order; with `skip_non_prose`, none inside a URL, e-mail, …"""
    yield from word_list(text, skip_non_prose)


_WORD_SPLIT_RE = re.compile(f"({_WORD_RE.pattern})")  # the separators, then each word


def word_list(text: str, skip_non_prose: bool = True) -> list[Word]:
    """`iter_words` as a list, built without a Python step per word (2x faster): splitting
    at the words gives separators and words in turn, and their lengths give the offsets."""
    parts = _WORD_SPLIT_RE.split(text)
    bounds = list(accumulate(map(len, parts), initial=0))
    words = list(
        map(
            tuple.__new__,  # a Word from a tuple in C (NamedTuple's own path is Python)
            repeat(Word, len(parts) // 2),
            zip(parts[1::2], bounds[1::2], bounds[2::2], strict=False),
        )
    )
    spans = non_prose_spans(text) if skip_non_prose and words else []
    if not spans:  # the common case: every match is a word
        return words
    kept = []
    k = 0
    for word in words:
        _, start, end = word
        while k < len(spans) and spans[k][1] <= start:
            k += 1
        if k < len(spans) and spans[k][0] < end:
            continue
        kept.append(word)
    return kept


def word_texts(text: str, skip_non_prose: bool = True) -> list[str]:
    """The texts of `word_list(text, skip_non_prose)`, without building the words (a third
    of the time): one scan when the text has nothing that may be non-prose."""
    if skip_non_prose and maybe_not_prose(text):
        return [word[0] for word in word_list(text)]
    return _WORD_RE.findall(text)


def sentence_initial(text: str, start: int) -> bool:
    """Whether the word at `start` begins a sentence: only spaces, quotes, brackets or
    dashes since the text's start or since a full stop, question or exclamation mark,
    colon or ellipsis."""
    i = start - 1
    while i >= 0 and (text[i].isspace() or text[i] in "\"'“”‘’«»()[]-–—*•"):
        i -= 1
    return i < 0 or text[i] in ".?!:…;"
