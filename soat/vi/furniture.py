"""Page furniture of Vietnamese news sites: the phrases of soat/data/boilerplate.toml.

Nhận diện "đồ đạc" của trang web (tin liên quan, bình luận, chia sẻ, chân trang…) theo danh
sách cụm từ có sẵn. Pure functions on a line's text; BPL001 and BPL002 apply them to blocks.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import NamedTuple

from soat.vi.data_files import derived
from soat.vi.text import (
    collapse_spaces,
    fold_case,
    fold_tones,
    more_words_than,
    surely_more_words_than,
)

# Decoration around a widget's label: bullets, arrows, brackets, dashes ("-- Chọn Link --").
_DECORATION = " -–—•·»«›‹>|[](){}*#+=~_:;/\\"
# A counter after a label: "Bình luận (0)", "Thích 12", "Lượt xem: 1.234". Found from the
# end by _counter_label: a regex with a lazy head before it ("^(.*?)\s*[:-]?\s*\d[\d.,]*$")
# is quadratic on a long line of digits.
_NUMBER_RE = re.compile(r"\d[\d.,]*")
# A line that is nothing but a counter: the "(0)" a page prints below "Bình luận".
COUNTER_ONLY_RE = re.compile(r"^\s*[(\[]?\s*\d[\d.,]*\s*[)\]]?\s*$")
_SENTENCE_END_RE = re.compile(r"[.!?…]")
_SHARE_TARGETS = frozenset(
    {
        "facebook",
        "zalo",
        "twitter",
        "x",
        "email",
        "e-mail",
        "messenger",
        "linkedin",
        "telegram",
        "copy link",
        "sao chép liên kết",
        "in",
        "print",
        "pinterest",
        "tiktok",
    }
)
_LIST_SEPARATOR_RE = re.compile(r"\s*[|,;•·/]\s*|\s{2,}")
MAX_FURNITURE_WORDS = 40  # a longer block is prose, whatever it starts with
MAX_LIST_WORDS = 25


class Phrase(NamedTuple):
    text: str
    block: str
    form: str = "line"  # line | prefix
    list: bool = False
    colon: bool = False
    attribution: bool = False


class FurnitureMatch(NamedTuple):
    """Why a block is furniture. `safe`: the block is exactly (ignoring case) a known phrase."""

    phrase: str
    block: str
    how: str  # phrase | tones | list | prefix | pattern | counter
    safe: bool


class PhraseTable:
    """The furniture phrases (built-in and a site's own) as BPL001 looks them up: whole
    lines by key, with and without tone marks, line starts, and patterns; never changed.
    (A plain class: a frozen dataclass costs a cold start ~4 M instructions to create.)"""

    def __init__(
        self,
        lines: dict[str, Phrase],
        lines_toneless: dict[str, Phrase],
        prefixes: tuple[tuple[str, str, Phrase], ...],
        patterns: tuple[tuple[re.Pattern[str], str], ...],
    ) -> None:
        self.lines = lines  # fold_case key → phrase
        self.lines_toneless = lines_toneless  # fold_tones key → phrase
        self.prefixes = prefixes  # (fold_case, fold_tones, phrase)
        self.patterns = patterns  # (regex, block)

    @functools.cached_property
    def any_pattern(self) -> re.Pattern[str] | None:
        """One regex that matches a whole label exactly when one of `patterns` does (their
        alternation: one call instead of one a pattern, for the many labels that match none);
        None when they cannot be joined (flags, or back-references by number or name)."""
        if any(
            r.flags != re.UNICODE or re.search(r"\\[1-9]|\(\?P=", r.pattern)
            for r, _ in self.patterns
        ):
            return None
        return re.compile("|".join(f"(?:{r.pattern})" for r, _ in self.patterns))

    @functools.cached_property
    def compound_units(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(widget labels, outlet names) as fold_case keys, longest first (`match_compound`)."""
        return _build_compound_units(self)

    @functools.cached_property
    def compound_starts(self) -> "tuple[KeyStarts, KeyStarts, KeyStarts]":
        """`compound_units` indexed by first word, for `KeyStarts.start`: the labels, the
        outlets, and both together."""
        labels, outlets = self.compound_units
        return KeyStarts.of(labels), KeyStarts.of(outlets), KeyStarts.of(labels + outlets)

    @functools.cached_property
    def prefix_starts(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Every prefix's fold_case and fold_tones key: one `startswith` test rules all out."""
        return tuple(p[0] for p in self.prefixes), tuple(p[1] for p in self.prefixes)

    @functools.cached_property
    def toneless_heads(self) -> tuple[frozenset[str], frozenset[str]]:
        """Every beginning (the empty one and the whole key included) of the tone-folded
        keys of the whole-line phrases, and of the prefixes (`_may_name_a_phrase`)."""
        return _beginnings(self.lines_toneless), _beginnings(p[1] for p in self.prefixes)


class KeyStarts(NamedTuple):
    """Keys, to tell whether a text starts with one of them (`text.startswith(keys)`) from a
    few of them: a text that starts with a key of several words has that key's first word
    (cut at a space) as its own, and one that starts with a one-word key has that key's
    first character. (744 outlet names took 2.5 µs a block in one `startswith`.)"""

    by_first_word: dict[str, tuple[str, ...]]
    one_word: dict[str, tuple[str, ...]]  # by first character ("" for an empty key)

    @classmethod
    def of(cls, keys: Iterable[str]) -> "KeyStarts":
        by_first_word: dict[str, list[str]] = {}
        one_word: dict[str, list[str]] = {}
        for key in keys:
            first, space, _ = key.partition(" ")
            if space:
                by_first_word.setdefault(first, []).append(key)
            else:
                one_word.setdefault(key[:1], []).append(key)
        return cls(
            {k: tuple(v) for k, v in by_first_word.items()},
            {k: tuple(v) for k, v in one_word.items()},
        )

    def start(self, text: str) -> bool:
        space = text.find(" ")
        first = text if space < 0 else text[:space]
        return (
            text.startswith(self.one_word.get(text[:1], ()))
            or text.startswith(self.by_first_word.get(first, ()))
            or "" in self.one_word
        )


def _beginnings(keys: Iterable[str]) -> frozenset[str]:
    return frozenset(key[:k] for key in keys for k in range(len(key) + 1))


@functools.lru_cache(maxsize=1)
def source_names() -> frozenset[str]:
    """News outlets and agencies (fold_tones keys) whose bare name is an attribution."""
    return frozenset(fold_tones(n) for n in load_data().get("sources", {}).get("names", ()))


def label_key(text: str) -> str:
    """A label without case, extra spaces or decoration: "-- Chọn Link liên kết --"."""
    return fold_case(text).strip(_DECORATION)


@functools.lru_cache(maxsize=1)
def load_data() -> dict:
    """soat/data/boilerplate.toml, parsed by the first process, then read from the cache of
    soat/vi/data_files.py (parsing costs a cold start ~13 M instructions and tomllib's import)."""
    return derived("boilerplate.toml", _parse)


def _parse(text: str) -> dict:
    from soat.toml import tomllib

    return tomllib.loads(text)


@functools.lru_cache(maxsize=1)
def builtin_phrases() -> tuple[Phrase, ...]:
    out = []
    for group in load_data()["group"]:
        for text in group["phrases"]:
            out.append(
                Phrase(
                    text,
                    group["block"],
                    group.get("form", "line"),
                    group.get("list", False),
                    group.get("colon", False),
                    group.get("attribution", False),
                )
            )
    return tuple(out)


@functools.lru_cache(maxsize=16)
def phrase_table(extra: tuple[str, ...] = ()) -> PhraseTable:
    """The built-in phrases plus `extra` (from `extend-phrases`, matched as whole lines)."""
    if not extra:
        return _builtin_table()
    return _build_table(
        builtin_phrases() + tuple(Phrase(p, "user", "line", list=True) for p in extra)
    )


def _build_table(phrases: Iterable[Phrase]) -> PhraseTable:
    lines: dict[str, Phrase] = {}
    toneless: dict[str, Phrase] = {}
    prefixes = []
    for p in phrases:
        if p.form == "prefix":
            prefixes.append((fold_case(p.text), fold_tones(p.text), p))
            continue
        lines.setdefault(label_key(p.text), p)
        toneless.setdefault(fold_tones(label_key(p.text)), p)
    patterns = tuple(
        (re.compile(entry["regex"]), entry["block"]) for entry in load_data().get("pattern", ())
    )
    # Longest prefixes first, so "Phó tổng biên tập" is named rather than a shorter one.
    prefixes.sort(key=lambda t: -len(t[0]))
    return PhraseTable(lines, toneless, tuple(prefixes), patterns)


def _builtin_table() -> PhraseTable:
    """The built-in phrases' table with its lookups, rebuilt from what `derived` keeps of it
    across processes (building them cost a cold start ~2.5 ms)."""
    parts = derived("boilerplate.toml", _table_parts)
    phrases = [Phrase(*fields) for fields in parts["phrases"]]
    table = PhraseTable(
        {key: phrases[i] for key, i in parts["lines"].items()},
        {key: phrases[i] for key, i in parts["lines_toneless"].items()},
        tuple((case, tones, phrases[i]) for case, tones, i in parts["prefixes"]),
        tuple((re.compile(pattern), block) for pattern, block in parts["patterns"]),
    )
    labels, outlets, starts, heads = parts["lookups"]
    table.__dict__.update(
        compound_units=(labels, outlets),
        compound_starts=tuple(KeyStarts(*pair) for pair in starts),
        toneless_heads=heads,
    )
    return table


def _table_parts(text: str) -> dict:
    """The built-in table and the lookups built from it on first use (`compound_units`,
    `compound_starts`, `toneless_heads`), in the types `marshal` stores: phrases as tuples,
    referred to by their place in `phrases`; patterns as their text. (`text` is the data
    file's; the phrases are read from it through `load_data`.)"""
    table = _build_table(builtin_phrases())
    phrases = list(
        {
            id(p): p
            for p in (
                *table.lines.values(),
                *table.lines_toneless.values(),
                *(t[2] for t in table.prefixes),
            )
        }.values()
    )
    place = {id(p): i for i, p in enumerate(phrases)}
    return {
        "phrases": [tuple(p) for p in phrases],
        "lines": {key: place[id(p)] for key, p in table.lines.items()},
        "lines_toneless": {key: place[id(p)] for key, p in table.lines_toneless.items()},
        "prefixes": [(case, tones, place[id(p)]) for case, tones, p in table.prefixes],
        "patterns": [(r.pattern, block) for r, block in table.patterns],
        "lookups": (
            *table.compound_units,
            [(dict(k.by_first_word), dict(k.one_word)) for k in table.compound_starts],
            table.toneless_heads,
        ),
    }


def _lookup_label(
    label: str, table: PhraseTable, fold: Callable[[str], str] = fold_tones
) -> tuple[Phrase, bool] | None:
    """The phrase a label names, and whether it matched with its tone marks (`fold`:
    `fold_tones`, or a memo of it)."""
    key = label.strip(_DECORATION)
    if not key:
        return None
    if key in table.lines:
        return table.lines[key], True
    phrase = table.lines_toneless.get(fold(key))
    if phrase is None or " " not in phrase.text:
        return None  # a one-word label without its tones is too often a name ("Huy", "Hủy")
    return phrase, False


def _is_share_list(tail: str) -> bool:
    items = [i for i in _LIST_SEPARATOR_RE.split(tail.strip(_DECORATION)) if i]
    return bool(items) and all(i in _SHARE_TARGETS for i in items)


def _is_short_list(tail: str) -> bool:
    """A colon's tail that reads as a list of labels, not as a sentence."""
    tail = tail.strip()
    return (
        not more_words_than(tail, MAX_LIST_WORDS)
        and not _SENTENCE_END_RE.search(tail.rstrip("."))
        and not tail.endswith("..")
    )


def _counter_label(s: str) -> str | None:
    """The label before a counter ending `s` ("Bình luận" in "Bình luận: (12)"), or None.

    The counter is a number, or one in brackets; the label loses the spaces and one ":",
    "-" or "–" before it.
    """
    if s.endswith(")") or s.endswith("]"):
        opening = s.rfind("(" if s.endswith(")") else "[")
        if opening < 0 or not _NUMBER_RE.fullmatch(s[opening + 1 : -1].strip()):
            return None
        head = s[:opening]
    else:
        if not s.rstrip(".,")[-1:].isdecimal():
            return None  # most lines: the digits, dots and commas that end them hold no digit
        tail = len(s)
        while tail and (s[tail - 1].isdecimal() or s[tail - 1] in ".,"):
            tail -= 1
        number = s[tail:]
        first_digit = next((k for k, c in enumerate(number) if c.isdecimal()), None)
        if first_digit is None or not _NUMBER_RE.fullmatch(number[first_digit:]):
            return None
        head = s[: tail + first_digit]
    head = head.rstrip()
    if head[-1:] in (":", "-", "–"):
        head = head[:-1].rstrip()
    return head or None


def match_furniture(text: str, table: PhraseTable, nfc: bool = False) -> FurnitureMatch | None:
    """Whether a whole block's text is page furniture, and how it matched (`nfc`: the caller
    knows `text` is NFC, as a block's text is, and it is not checked again)."""
    if _folds_word_for_word(text, nfc):
        # `fold_case(text)` has the words of `text` (see `_has_more_folded_words`): one count
        if surely_more_words_than(text, MAX_FURNITURE_WORDS):
            return None  # most long blocks: prose, told without folding it
        s = collapse_spaces(text).casefold()  # `fold_case` of an NFC text
        if not s:
            return None
        # A block of more words is never furniture; but most blocks match nothing, and are
        # told so without counting their words to the end (the count is asked of a match).
        found = _match_short(text, s, table)
        if found is None or not more_words_than(text, MAX_FURNITURE_WORDS):
            return found
        return None
    s = fold_case(text)
    if not s or more_words_than(s, MAX_FURNITURE_WORDS):
        return None
    return _match_short(text, s, table)


def _match_short(text: str, s: str, table: PhraseTable) -> FurnitureMatch | None:
    """`match_furniture` of a block of at most MAX_FURNITURE_WORDS words, `s` its
    `fold_case`."""
    if not _may_name_a_phrase(s, table):
        return _by_pattern(s, table)  # most short blocks: told without folding tones
    return _match_phrases(text, s, table)


def _match_phrases(text: str, s: str, table: PhraseTable) -> FurnitureMatch | None:
    """`match_furniture` of a short block, `s` its `fold_case`: phrases, then patterns."""
    folded: dict[str, str] = {}  # fold_tones of the whole line, its head and start: often equal

    def fold(part: str) -> str:
        if part not in folded:
            folded[part] = fold_tones(part)
        return folded[part]

    found = _lookup_label(s, table, fold)
    if found and not found[1] and _looks_like_name(text):
        found = None
    if found:
        phrase, exact = found
        safe = exact and not phrase.attribution
        return FurnitureMatch(phrase.text, phrase.block, "phrase" if exact else "tones", safe)
    head = _counter_label(s)
    if head:
        found = _lookup_label(head, table, fold)
        if found:
            phrase, exact = found
            return FurnitureMatch(
                phrase.text, phrase.block, "counter", exact and not phrase.attribution
            )
    head, colon, tail = s.partition(":")
    if colon and tail.strip():
        found = _lookup_label(head, table, fold)
        if found and found[0].list and _is_short_list(tail):
            phrase, exact = found
            safe = exact and not phrase.attribution and _is_share_list(tail)
            return FurnitureMatch(phrase.text, phrase.block, "list", safe)
    bare = s.lstrip(_DECORATION)
    toneless = None
    cased_starts, toneless_starts = table.prefix_starts
    if not bare.startswith(cased_starts):
        toneless = fold(bare)
        if not toneless.startswith(toneless_starts):
            return _by_pattern(s, table)  # no prefix matches
    for cased, tone_key, phrase in table.prefixes:
        if bare.startswith(cased):
            rest = bare[len(cased) :]
        else:
            toneless = toneless if toneless is not None else fold(bare)
            if not toneless.startswith(tone_key):
                continue
            rest = toneless[len(tone_key) :]
        if phrase.colon:
            if not rest.lstrip().startswith(":"):
                continue
        elif rest and rest[0].isalnum() and cased[-1].isalnum():
            continue  # "Giấy phép số" must not match "Giấy phép sống"
        return FurnitureMatch(phrase.text, phrase.block, "prefix", False)
    return _by_pattern(s, table)


def _may_name_a_phrase(s: str, table: PhraseTable) -> bool:
    """False only when no phrase of `table` matches `s` (a `fold_case` text) whole, before a
    counter, before a colon or as a prefix, with or without its tones: then only the patterns
    and the compound lines are left.

    Tone folding keeps the spaces of a `fold_case` text and folds each word apart (NFC and NFD
    join a letter only to the marks after it; case folding and the marks' removal go character
    by character), so a text's tone-folded key starts with its first two words folded, and a
    space when more follow: that must begin a tone-folded key, or a prefix begin it. The same
    goes for the label before a counter or a colon (`_lookup_label` of it), and every key of
    `table.lines` has its tone-folded key in `table.lines_toneless`."""
    key = s.strip(_DECORATION)
    if key in table.lines:
        return True
    line_heads, prefix_heads = table.toneless_heads
    first = _folded_first_words(key)
    if first in line_heads:
        return True
    counted = _counter_label(s)
    if counted is not None and _folded_first_words(counted.strip(_DECORATION)) in line_heads:
        return True
    head, colon, _ = s.partition(":")
    if colon and _folded_first_words(head.strip(_DECORATION)) in line_heads:
        return True
    bare = s.lstrip(_DECORATION)
    cased_starts, toneless_starts = table.prefix_starts
    if bare.startswith(cased_starts):
        return True
    if bare != key:
        first = _folded_first_words(bare)  # decoration at the end: `key` lacks it
    return first.startswith(toneless_starts) or first in prefix_heads


def _folded_first_words(s: str) -> str:
    """`fold_tones` of the first two words of `s` (cut at spaces), and a space if more
    follow. (Each word is folded apart and the folds joined: the same, as `s` is a
    `fold_case` text, see above; a block's first words are few and recur.)"""
    words = s.split(" ", 2)
    if len(words) == 1:
        return _fold_word(words[0])
    return _fold_word(words[0]) + " " + _fold_word(words[1]) + (" " if len(words) > 2 else "")


@functools.lru_cache(maxsize=4096)
def _fold_word(word: str) -> str:
    return fold_tones(word)


def _has_more_folded_words(text: str, n: int) -> bool:
    """A cheap sufficient test of `more_words_than(fold_case(text), n)`: for NFC text,
    `fold_case` only collapses spaces and folds case, and folding keeps every word (each
    character's fold starts with a word character when the character is one, and adds none
    to the characters between words) except around U+0345, which folds to a letter."""
    return _folds_word_for_word(text) and more_words_than(text, n)


def _folds_word_for_word(text: str, nfc: bool = False) -> bool:
    """Whether `fold_case(text)` has the same words as `text` (`_has_more_folded_words`), for
    an NFC text (known to be one with `nfc`)."""
    return "\u0345" not in text and (nfc or unicodedata.is_normalized("NFC", text))


def _by_pattern(s: str, table: PhraseTable) -> FurnitureMatch | None:
    label = s.strip(_DECORATION)
    joined = table.any_pattern
    if joined is not None and joined.fullmatch(label) is None:
        return match_compound(s, table)  # most labels: one call for all the patterns
    for regex, block in table.patterns:
        if regex.fullmatch(label):
            return FurnitureMatch(label, block, "pattern", False)
    return match_compound(s, table)


# Pieces of a compound furniture line are separated by bars or bullets, or just by spaces.
_PIECE_SEPARATOR_RE = re.compile(r"\s*[|•·]\s*")
_COUNTER_PIECE_RE = re.compile(r"[(\[]?\s*\d[\d.,]*(?:\s*[)\]])?")
MAX_COMPOUND_WORDS = 14


def _build_compound_units(table: PhraseTable) -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = load_data().get("compound", {})
    blocks = set(data.get("blocks", ()))
    labels = sorted({k for k, p in table.lines.items() if p.block in blocks}, key=len, reverse=True)
    names = [fold_case(n) for n in load_data().get("sources", {}).get("names", ())]
    befores = [""] + [fold_case(b) + " " for b in data.get("outlet-before", ())]
    afters = [""] + [" " + fold_case(a) for a in data.get("outlet-after", ())]
    outlets = {b + n + a for n in names for b in befores for a in afters}
    return tuple(labels), tuple(sorted(outlets, key=len, reverse=True))


def _starts_with_word(s: str, key: str) -> bool:
    return s.startswith(key) and (len(s) == len(key) or not s[len(key)].isalnum())


def _cover(
    s: str,
    labels: tuple[str, ...],
    outlets: tuple[str, ...],
    starts: tuple[KeyStarts, KeyStarts, KeyStarts],
) -> tuple[int, int] | None:
    """How a piece splits into (widget labels, other units), or None when it does not
    (`starts`: the labels and outlets as `compound_starts`)."""
    s = s.strip(" -–—:")
    if not s:
        return 0, 0
    m = _COUNTER_PIECE_RE.match(s)
    if m and (m.end() == len(s) or not s[m.end()].isalnum()):
        rest = _cover(s[m.end() :], labels, outlets, starts)
        return None if rest is None else (rest[0], rest[1] + 1)
    for key in labels if starts[0].start(s) else ():  # a few C-level tests rule most out
        if _starts_with_word(s, key):
            rest = _cover(s[len(key) :], labels, outlets, starts)
            if rest is not None:
                return rest[0] + 1, rest[1]
    for key in outlets if starts[1].start(s) else ():
        if _starts_with_word(s, key):
            rest = _cover(s[len(key) :], labels, outlets, starts)
            if rest is not None:
                return rest[0], rest[1] + 1
    return None


def _may_start_a_compound(folded: str, starts: tuple[KeyStarts, KeyStarts, KeyStarts]) -> bool:
    """False only when `_cover` finds no unit at the start of the first piece of `folded`
    (most short blocks: a title, a byline, a caption), told by a few tests in C.

    That piece with " -–—:" stripped is empty, or starts where `folded` does once stripped
    of them (`head`): a counter then starts with a bracket, a space or a digit (`\\d` is
    `str.isdecimal`), a label or an outlet is a start of `head`. An empty piece leaves
    `head` empty or at the separator (a bar, or a space other than " ")."""
    head = folded.lstrip(" -–—:")
    return (
        not head
        or head[0] in "([|•·"
        or head[0].isspace()
        or head[0].isdecimal()
        or starts[2].start(head)
    )


def match_compound(folded: str, table: PhraseTable) -> FurnitureMatch | None:
    """A line made only of widget labels, counters and outlet names: "bình luận (0) báo lao
    động điện tử", "0 bình luận | chia sẻ". `folded` is the line after `fold_case`."""
    labels, outlets = table.compound_units
    starts = table.compound_starts
    if not _may_start_a_compound(folded, starts) or more_words_than(folded, MAX_COMPOUND_WORDS):
        return None
    # (A widget label counted below is text of the line: no separate search for one first.)
    widgets = units = 0
    for piece in _PIECE_SEPARATOR_RE.split(folded):
        covered = _cover(piece, labels, outlets, starts)
        if covered is None:
            return None
        widgets, units = widgets + covered[0], units + covered[0] + covered[1]
    if widgets and units >= 2:
        return FurnitureMatch(folded.strip(), "comment", "compound", False)
    return None


class FieldLabel(NamedTuple):
    """A scraper's field label at the start of a line: `text[start:end]` is "Title:", and
    the line's content starts at `content` (== the line's end when nothing follows)."""

    start: int
    end: int
    content: int
    label: str


@functools.lru_cache(maxsize=1)
def _field_label_re() -> tuple[re.Pattern[str], frozenset[str]]:
    labels: list[str] = []
    alone: set[str] = set()
    for group in load_data().get("field", ()):
        labels += group["labels"]
        if group.get("alone"):
            alone.update(label.casefold() for label in group["labels"])
    names = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    return re.compile(rf"(?:{names})[ \t]*:[ \t]*", re.IGNORECASE), frozenset(alone)


@functools.lru_cache(maxsize=1)
def _reversed_field_label_re() -> re.Pattern[str]:
    """`_field_label_re` backwards, for reversed text: it starts with the colon, a literal
    the regex engine scans for, instead of a case-blind alternation tried at every
    character (50 µs a block with a colon)."""
    labels = [label for group in load_data().get("field", ()) for label in group["labels"]]
    names = "|".join(re.escape(label[::-1]) for label in sorted(labels, key=len, reverse=True))
    return re.compile(rf":[ \t]*(?:{names})", re.IGNORECASE)


def has_field_label_word(text: str) -> bool:
    """A cheap test: does a field label followed by a colon occur anywhere in `text`? (Case
    folding compares character by character, so the reversed regex finds one in the
    reversed text exactly when `_field_label_re` finds one in the text.)"""
    return _reversed_field_label_re().search(text[::-1]) is not None


def find_field_label(line: str, start: int = 0) -> FieldLabel | None:
    """The field label at `start` of a line ("Title: …", "Author:" alone), or None."""
    regex, alone = _field_label_re()
    m = regex.match(line, start)
    if m is None:
        return None
    label = line[m.start() : m.end()].rstrip(" \t:").rstrip()
    end_of_line = len(line)
    for stop in ("\n", "\r"):
        at = line.find(stop, m.end())
        if at >= 0:
            end_of_line = min(end_of_line, at)
    nothing_after = not line[m.end() : end_of_line].strip()
    if label.casefold() in alone and not nothing_after:
        return None
    colon = line.index(":", m.start())
    return FieldLabel(m.start(), colon + 1, m.end(), label)


def _looks_like_name(text: str) -> bool:
    """Every word capitalised: "Quang Cao" is a name before it is "Quảng cáo" without tones."""
    parts = text.split()
    return len(parts) >= 2 and all(p[:1].isupper() for p in parts)
