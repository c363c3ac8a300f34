"""Official titles (chức danh): the lexicon, their official spelling and how they relate.

Chức danh: bảng từ vựng, cách viết hoa chính thức, cấp trưởng/cấp phó.
A title has a rank and a base: "Chủ tịch" (head of "chủ tịch"), "Phó Chủ tịch" and
"Phó Chủ tịch Thường trực" (deputies of it), "Thứ trưởng" (deputy of "bộ trưởng"),
"Ủy viên Đoàn Chủ tịch" (a member of a body). One person cannot be head and deputy of the same
post in the same organisation; a deputy and a standing deputy are compatible.
Modifiers before a title change the post: "nguyên" (former), "tân" (newly appointed),
"quyền" (acting), "cố" (late).
Pure functions; nothing here knows about soat's documents.
"""

# No `from __future__ import annotations`: the fields of its named tuple stay types
# (docs/architecture.md §10).

import functools
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

HEAD, DEPUTY, MEMBER, OTHER = "head", "deputy", "member", "other"

# Head titles that have deputies "Phó <title>" (and often "Phó <title> Thường trực").
_HEADS_WITH_DEPUTY = (
    "Chủ tịch",
    "Chủ tịch nước",
    "Trưởng Ban",
    "Trưởng ban",
    "Giám đốc",
    "Tổng Giám đốc",
    "Bí thư",
    "Tổng Biên tập",
    "Chánh Văn phòng",
    "Thủ tướng",
    "Chủ nhiệm",
    "Trưởng phòng",
    "Hiệu trưởng",
    "Viện trưởng",
    "Cục trưởng",
    "Vụ trưởng",
    "Chánh án",
    "Tổng Thư ký",
    "Tổng cục trưởng",
    "Chánh Thanh tra",
    "Trưởng Đoàn",
    "Tổng Kiểm toán",
)
# Single titles without a "Phó" form, with their rank and base.
_OTHER_TITLES = (
    ("Bộ trưởng", HEAD, "bộ trưởng"),
    ("Thứ trưởng", DEPUTY, "bộ trưởng"),
    ("Thứ trưởng Thường trực", DEPUTY, "bộ trưởng"),
    ("Tổng Bí thư", HEAD, "tổng bí thư"),
    ("Ủy viên Đoàn Chủ tịch", MEMBER, "đoàn chủ tịch"),
    ("Ủy viên Ban Chấp hành", MEMBER, "ban chấp hành"),
    ("Ủy viên Ban Thường vụ", MEMBER, "ban thường vụ"),
    ("Ủy viên Bộ Chính trị", MEMBER, "bộ chính trị"),
    ("Ủy viên Ban Bí thư", MEMBER, "ban bí thư"),
    ("Ủy viên Trung ương Đảng", MEMBER, "ban chấp hành trung ương"),
    ("Ủy viên Ban Chấp hành Trung ương Đảng", MEMBER, "ban chấp hành trung ương"),
    ("Ủy viên Ủy ban Kiểm tra", MEMBER, "ủy ban kiểm tra"),
)
MODIFIERS = ("nguyên", "tân", "quyền", "cố")

# Titles whose holder is one person per organisation (TTL002).
SINGLE_HOLDER_BASES = frozenset(
    {
        "chủ tịch",
        "trưởng ban",
        "giám đốc",
        "tổng giám đốc",
        "bí thư",
        "tổng biên tập",
        "chánh văn phòng",
        "chủ nhiệm",
        "hiệu trưởng",
        "viện trưởng",
        "cục trưởng",
        "vụ trưởng",
        "chánh án",
        "tổng cục trưởng",
        "bộ trưởng",
        "chánh thanh tra",
    }
)


class TitleForm(NamedTuple):
    """One entry of the lexicon: its official spelling, rank and base (`title_form` makes
    one with its words)."""

    official: str
    rank: str
    base: str
    words: tuple[str, ...]  # `official`, split
    folded_words: tuple[str, ...]  # `words`, case-folded (what `match_title` compares)


def title_form(official: str, rank: str, base: str) -> TitleForm:
    words = tuple(official.split())
    return TitleForm(official, rank, base, words, tuple(w.casefold() for w in words))


@functools.lru_cache(maxsize=1)
def title_lexicon() -> tuple[TitleForm, ...]:
    """Every title form, longest first."""
    forms: dict[str, TitleForm] = {}
    for head in _HEADS_WITH_DEPUTY:
        base = head.casefold()
        if base == "trưởng ban" and head == "Trưởng ban":
            continue  # "Trưởng ban" is the same word as "Trưởng Ban"; case is TTL005's business
        forms[head] = title_form(head, HEAD, base)
        forms[f"Phó {head}"] = title_form(f"Phó {head}", DEPUTY, base)
        forms[f"Phó {head} Thường trực"] = title_form(f"Phó {head} Thường trực", DEPUTY, base)
    for official, rank, base in _OTHER_TITLES:
        forms[official] = title_form(official, rank, base)
    return tuple(sorted(forms.values(), key=lambda f: -len(f.words)))


@functools.lru_cache(maxsize=1)
def longest_title() -> int:
    """The number of words of the longest title of the lexicon."""
    return max(len(form.words) for form in title_lexicon())


@functools.lru_cache(maxsize=1)
def _by_first_word() -> dict[str, tuple[TitleForm, ...]]:
    index: dict[str, list[TitleForm]] = {}
    for form in title_lexicon():
        index.setdefault(form.words[0].casefold(), []).append(form)
    return {k: tuple(v) for k, v in index.items()}


def may_hold_a_title(words: Iterable[str]) -> bool:
    """Whether any of `words` is the first word of a lexicon title (any case): when none is,
    `match_title` finds nothing anywhere in them."""
    return not _by_first_word().keys().isdisjoint(map(str.casefold, words))


def title_starts(words: Sequence[str]) -> list[int]:
    """Indexes of `words` that are the first word of a lexicon title (any case): the only
    places where `match_title` can find one."""
    first = _by_first_word()
    return [i for i, folded in enumerate(map(str.casefold, words)) if folded in first]


def _cases(ch: str) -> list[str]:
    return sorted({v for v in (ch, ch.upper(), ch.lower(), ch.title()) if len(v) == 1})


@functools.lru_cache(maxsize=1)
def _first_word_re() -> re.Pattern[str]:
    # Every case of each letter spelt out, one alternative per case of the first letter
    # holding the rest of each word that starts with it, and "(?<!\w)" after that letter: a
    # regex whose alternatives all start with a literal scans for those letters first (2x
    # faster than re.IGNORECASE here).
    rests: dict[str, list[str]] = {}
    for word in sorted(_by_first_word(), key=len, reverse=True):
        rest = "".join("[" + "".join(map(re.escape, _cases(ch))) + "]" for ch in word[1:])
        for first in _cases(word[0]):
            rests.setdefault(first, []).append(rest)
    return re.compile(
        "|".join(
            rf"{re.escape(first)}(?<!\w{re.escape(first)})(?:{'|'.join(words)})(?!\w)"
            for first, words in rests.items()
        )
    )


def title_start_offsets(text: str) -> list[int]:
    """Offsets in `text` of the words that may be the first word of a lexicon title, found by
    one regex scan: every word that `title_starts` gives, and perhaps a few more (the regex
    knows the upper, lower and title case of each letter, `title_starts` compares by
    `casefold`)."""
    return [m.start() for m in _first_word_re().finditer(text)]


# Words of the titles that news text holds less often than the others ("tịch", not "chủ").
_RARER_TITLE_WORDS = tuple("tịch trưởng đốc bí biên chánh tướng nhiệm ký toán ủy".split())


@functools.lru_cache(maxsize=1)
def title_needles() -> tuple[str, ...]:
    """Lower-case words one of which every title of the lexicon holds (the rarer ones, and
    for a title with none of them its last word): a text whose `str.lower` holds none of
    them has no title (a token whose `casefold` is a title's word has it as its `lower`:
    tests/rules/test_ttl_fast_paths.py checks every character)."""
    needles = list(_RARER_TITLE_WORDS)
    for form in title_lexicon():
        if not any(word in needles for word in form.folded_words):
            needles.append(form.folded_words[-1])
    return tuple(needles)


@functools.lru_cache(maxsize=1)
def _shortest_titles() -> tuple[tuple[str, ...], ...]:
    """The `folded_words` of the titles that hold no other title's words in a row ("Chủ
    tịch", not "Phó Chủ tịch"): where a title stands, one of these does."""
    every = {form.folded_words for form in title_lexicon()}
    return tuple(
        words
        for words in sorted(every)
        if not any(
            words[i:j] in every
            for i in range(len(words))
            for j in range(i + 1, len(words) + 1)
            if j - i < len(words)
        )
    )


@functools.lru_cache(maxsize=1)
def _words_with_each_needle() -> dict[str, tuple[tuple[str, ...], ...]]:
    """For each needle, the other words of each shortest title that holds it: the titles
    that hold no other title's words in a row ("Chủ tịch", not "Phó Chủ tịch"; where a title
    stands, one of these does)."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for words in _shortest_titles():
        needle = next(n for n in title_needles() if n in words)
        found.setdefault(needle, []).append(tuple(w for w in words if w != needle))
    return {needle: tuple(rests) for needle, rests in found.items()}


def may_hold_a_title_word(text: str) -> bool:
    """False when `text` holds no title: its `str.lower` holds none of the `title_needles`
    (substring tests in C, where the title-start regex stops at most words), or with each
    needle it holds, not every other word of one of the shortest titles that hold it
    ("tăng trưởng" without "bộ", "thứ", "ban", …: four blocks in five that hold a needle
    but no title)."""
    low = text.lower()
    if not any(map(low.__contains__, title_needles())):
        return False
    return any(
        needle in low and any(all(map(low.__contains__, rest)) for rest in rests)
        for needle, rests in _words_with_each_needle().items()
    )


@functools.lru_cache(maxsize=1)
def shortest_titles_re() -> re.Pattern[str]:
    """An expression that finds, in the `str.lower` of a text, the words of each shortest
    title (`_shortest_titles`) in a row, separated by whitespace: where a title
    stands, its tokens' lower case holds those of one of them so, for consecutive word
    tokens have only whitespace between them (and a lower case holds a title's word where
    a token folds to it: tests/rules/test_ttl_fast_paths.py). A text in whose lower case it
    finds nothing has no title. The alternatives are grouped by first letter (one group
    tried at a position instead of every title) and have no look-around."""
    groups: dict[str, list[str]] = {}
    for words in _shortest_titles():
        spelt = r"\s+".join(map(re.escape, words))
        groups.setdefault(words[0][0], []).append(spelt[len(re.escape(words[0][0])) :])
    return re.compile(
        "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())
    )


def is_title_start(word: str) -> bool:
    """Whether `word` is the first word of a lexicon title (any case)."""
    return word.casefold() in _by_first_word()


def titles_starting_with(word: str) -> tuple[TitleForm, ...]:
    """Lexicon forms whose first word is `word` (any case), longest first."""
    return _by_first_word().get(word.casefold(), ())


def match_title_by_forms(words: list[str] | tuple[str, ...], start: int = 0) -> TitleForm | None:
    """`match_title` by comparing each form that starts with the word (its definition)."""
    for form in titles_starting_with(words[start]) if start < len(words) else ():
        folded = form.folded_words
        n = len(folded)
        if len(words) - start >= n and all(
            w.casefold() == f for w, f in zip(words[start : start + n], folded, strict=False)
        ):
            return form
    return None


@functools.lru_cache(maxsize=1)
def _forms_by_folded_words() -> tuple[dict[tuple[str, ...], TitleForm], tuple[int, ...]]:
    """Each form by its `folded_words` (the first in lexicon order where two share them), and
    the lengths in words of the forms, longest first."""
    index: dict[tuple[str, ...], TitleForm] = {}
    for form in title_lexicon():
        index.setdefault(form.folded_words, form)
    return index, tuple(sorted({len(key) for key in index}, reverse=True))


def match_title(words: list[str] | tuple[str, ...], start: int = 0) -> TitleForm | None:
    """The longest lexicon title at words[start:] (start >= 0), compared without case: one
    dictionary look-up per title length instead of a comparison per form (44 forms start with
    "Phó"); `match_title_by_forms` is the definition."""
    if start >= len(words) or words[start].casefold() not in _by_first_word():
        return None
    index, lengths = _forms_by_folded_words()
    folded = tuple(w.casefold() for w in words[start : start + lengths[0]])
    for n in lengths:
        if n <= len(folded) and (form := index.get(folded[:n])) is not None:
            return form
    return None


@functools.lru_cache(maxsize=1)
def _folded_titles() -> tuple[frozenset[tuple[str, ...]], tuple[int, ...]]:
    """Every form's `folded_words`, and their lengths in words (ascending)."""
    forms = title_lexicon()
    return (
        frozenset(form.folded_words for form in forms),
        tuple(sorted({len(form.folded_words) for form in forms})),
    )


def starts_with_a_title(words: Sequence[str]) -> bool:
    """`match_title(words) is not None`, by one set look-up per title length instead of a
    comparison per form."""
    keys, lengths = _folded_titles()
    folded = tuple(w.casefold() for w in words[: lengths[-1]])
    return any(folded[:n] in keys for n in lengths if n <= len(folded))


def incompatible(rank_a: str, base_a: str, rank_b: str, base_b: str) -> bool:
    """Whether one person cannot hold both titles in one organisation at once.

    The head and a deputy of the same post conflict ("Chủ tịch" / "Phó Chủ tịch",
    "Trưởng Ban Tuyên giáo" / "Phó Trưởng Ban Tuyên giáo", "Bộ trưởng" / "Thứ trưởng");
    two deputy forms ("Phó Chủ tịch" / "Phó Chủ tịch Thường trực") and titles of different
    posts do not.
    """
    return base_a == base_b and {rank_a, rank_b} == {HEAD, DEPUTY}


def is_single_holder(rank: str, base: str) -> bool:
    """A post one person holds at a time in one organisation ("Chủ tịch", "Trưởng Ban X")."""
    return rank == HEAD and (base in SINGLE_HOLDER_BASES or base.startswith("trưởng ban "))
