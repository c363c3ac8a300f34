"""What the TTL rules share: the person mentions of a document, organisation keys, dates.

A package, not a rule module (the rule-list test skips packages). Each TTL rule asks
`ctx.get(mentions_of)`; the analysis runs once per document, and the knowledge's lookup
context (`mention_context`, soat/knowledge/indexes.py) comes with the knowledge.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate
from types import MappingProxyType
from typing import Any, NamedTuple

from soat.knowledge import Knowledge, Person, Role
from soat.knowledge.indexes import mention_context
from soat.lint.context import DocContext
from soat.lint.document import Block, Document
from soat.vi.mentions import (
    Mention,
    TitleHit,
    find_title_hits_and_mentions,
)
from soat.vi.names import is_name_syllable
from soat.vi.text import fold_case
from soat.vi.titles import match_title, shortest_titles_re, title_start_offsets

# Capitalised words that do not make an organisation specific ("UBND tỉnh", "LĐLĐ Thành phố").
_GENERIC_CAPS = frozenset(
    {
        "thành",
        "phố",
        "tỉnh",
        "huyện",
        "quận",
        "xã",
        "phường",
        "công",
        "ty",
        "ủy",
        "ban",
        "hội",
        "sở",
        "bộ",
        "liên",
        "đoàn",
        "lao",
        "động",
        "tổng",
        "trung",
        "ương",
        "đảng",
        "cơ",
        "văn",
        "phòng",
        "tập",
        "nhà",
        "máy",
        "trường",
        "viện",
        "cục",
        "vụ",
        "chi",
        "nhánh",
    }
)
_EXPANSIONS = MappingProxyType(
    {
        "lđlđ": "liên đoàn lao động",
        "ubnd": "ủy ban nhân dân",
        "hđnd": "hội đồng nhân dân",
        "tp": "thành phố",
        "tp.": "thành phố",
        "tổng lđlđ": "tổng liên đoàn lao động",
    }
)
_UNIT_WORDS_RE = re.compile(r"\b(tỉnh|thành phố)\b ?")
# Words that say posts change hands in this document: two holders of one post, or one person
# with two ranks, are then the story, not a defect.
_CHANGE_WORDS = (
    "bầu|bổ nhiệm|giữ chức|thôi giữ|thôi làm|thôi chức|nghỉ hưu|điều động|kiện toàn|"
    "bàn giao|miễn nhiệm|luân chuyển|chuyển công tác|kế nhiệm|tiền nhiệm|nhận nhiệm vụ|"
    "từng giữ|từng là|khi đó|lúc đó|lúc bấy giờ|thời điểm đó|chức vụ|phụ trách|kiêm"
).split("|")


def _by_first_letter(words: list[str]) -> str:
    """The pattern of any of `words` as a whole word, the words grouped by their first letter
    in their order ("b(?:ầu|ổ nhiệm)|…" rather than "bầu|…|bổ nhiệm"): at each
    position one group is tried instead of every word (no two first letters match one
    character without case), and each match is the one the plain alternation finds."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    alternatives = (f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())
    return rf"\b({'|'.join(alternatives)})\b"


_CHANGE_RE = re.compile(_by_first_letter(_CHANGE_WORDS), re.IGNORECASE)
_TERM_RE = re.compile(r"\b(nhiệm kỳ|khóa)\b", re.IGNORECASE)
_ASCII_LOWER_AND_SPACE = b"abcdefghijklmnopqrstuvwxyz "


class Found(NamedTuple):
    """A mention with its block, in document order."""

    block: Block
    mention: Mention
    order: int

    @property
    def name(self) -> str:
        return self.mention.name

    @property
    def title(self) -> TitleHit:
        return self.mention.title

    def name_span(self) -> tuple[int, int]:
        return self.block.span(self.mention.name_start, self.mention.name_end)

    def title_span(self) -> tuple[int, int]:
        return self.block.span(self.title.start, self.title.end)

    def org_span(self) -> tuple[int, int] | None:
        if self.mention.org is None:
            return None
        return self.block.span(self.mention.org_start, self.mention.org_end)


class Analysis(NamedTuple):
    found: tuple[Found, ...]
    hits: tuple[tuple[Block, TitleHit], ...]


def mentions_of(doc_ctx: DocContext) -> Analysis:
    """The person mentions and title hits of a document (an analysis: `ctx.get(mentions_of)`)."""
    doc = doc_ctx.doc
    blocks = doc.blocks
    ctx = doc_ctx.index(mention_context)
    found: list[Any] = []
    hits: list[Any] = []
    upper = doc_ctx.get(mostly_upper_blocks)
    lowered = doc_ctx.get(lower_text)
    # The blocks that may hold a title: those in whose lower case `shortest_titles_re` finds
    # the words of a title in a row (nine blocks in ten have none), searched in the lower
    # case of the whole document. Their hits and mentions are looked for at the
    # `title_start_offsets`; a block written mostly in capitals is left out, its capitals
    # counted only when it has a hit.
    for k in lowered.matching(shortest_titles_re()):
        block = blocks[k]
        text = block.text
        offsets = title_start_offsets(text)
        if not offsets:
            continue
        block_hits, block_mentions = find_title_hits_and_mentions(text, ctx, offsets)
        if not block_hits or block.index in upper:
            continue
        hits.extend((block, h) for h in block_hits)
        found.extend(Found(block, m, order) for order, m in enumerate(block_mentions, len(found)))
    return Analysis(tuple(found), tuple(hits))


class LowerText:
    """A document's blocks in lower case, made once for the rules that look for words in
    any case: their texts joined by line breaks (`joined`), its `str.lower` (`text`, made
    when first asked: TTL006 reads only `joined`), and where each block starts in both
    (`bounds`, with the end of the last block + 1)."""

    __slots__ = ("texts", "joined", "bounds", "_text")

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self.joined = "\n".join(texts)
        self.bounds = list(accumulate((len(t) + 1 for t in texts), initial=0))
        self._text: str | None = None

    @property
    def text(self) -> str:
        # The lower case of the joined texts is the lower cases joined: `str.lower` maps
        # each character alone but for a final sigma, which a line break (neither cased nor
        # case-ignorable) ends as the end of a text does.
        if self._text is None:
            self._text = self.joined.lower()
        return self._text

    @property
    def sliced(self) -> bool:
        """No character's lower case is shorter than it (tests/rules/test_ttl_fast_paths.py):
        when the lengths are equal, each block's lower case is its slice of `text`."""
        return len(self.text) == len(self.joined)

    def block(self, k: int) -> str:
        """`texts[k].lower()`."""
        if self.sliced:
            return self.text[self.bounds[k] : self.bounds[k + 1] - 1]
        return self.texts[k].lower()

    def holding(self, needles: Iterable[str]) -> list[int]:
        """Indexes, ascending, of the texts whose lower case holds one of `needles` (words
        without a line break): each needle's occurrences in `text` (a search in C per block
        that holds it) instead of a substring test per needle and block."""
        if not self.sliced:
            return [
                k for k, t in enumerate(self.texts) if any(map(t.lower().__contains__, needles))
            ]
        if not self.texts:
            return []
        text, bounds = self.text, self.bounds
        found = set()
        for needle in needles:
            i = text.find(needle)
            while i >= 0:
                k = bisect_right(bounds, i) - 1
                found.add(k)
                i = text.find(needle, bounds[k + 1])
        return sorted(found)

    def matching(self, pattern: re.Pattern[str]) -> list[int]:
        """Indexes, ascending, of the texts in whose lower case `pattern` (an expression
        without look-around) finds a match: one search of `text` per text that holds one,
        a match that runs on past its text's end tried again on the text alone."""
        if not self.texts:
            return []
        if not self.sliced:
            return [k for k, t in enumerate(self.texts) if pattern.search(t.lower())]
        text, bounds = self.text, self.bounds
        found = []
        m = pattern.search(text)
        while m is not None:
            k = bisect_right(bounds, m.start()) - 1
            if m.end() < bounds[k + 1] or pattern.search(self.block(k)):
                found.append(k)
            m = pattern.search(text, bounds[k + 1])
        return found


def lower_text(doc_ctx: DocContext) -> LowerText:
    """The document's blocks in lower case (an analysis: `ctx.get(lower_text)`)."""
    return LowerText([block.text for block in doc_ctx.doc.blocks])


class UpperBlocks:
    """The indexes of a document's blocks written mostly in capitals (`index in upper`),
    each block counted when first asked about: most are never asked."""

    __slots__ = ("_blocks", "_known")

    def __init__(self, blocks: list[Block]) -> None:
        self._blocks = {b.index: b for b in blocks}
        self._known: dict[int, bool] = {}

    def __contains__(self, index: object) -> bool:
        if not isinstance(index, int) or index not in self._blocks:
            return False
        if index not in self._known:
            self._known[index] = _mostly_upper(self._blocks[index].text)
        return self._known[index]


def mostly_upper_blocks(doc_ctx: DocContext) -> UpperBlocks:
    """Blocks written mostly in capitals (an analysis: the title rules skip them; a line in
    capitals says nothing about how a title is written in a sentence)."""
    return UpperBlocks(doc_ctx.doc.blocks)


def _mostly_upper(text: str) -> bool:
    """`is_mostly_upper`, counting only the characters that are not ASCII lower-case letters or
    spaces one by one: those two are found in one pass over the UTF-8 bytes (deleting ASCII
    bytes leaves every other character whole)."""
    data = text.encode("utf-8", "surrogatepass")
    kept = data.translate(None, _ASCII_LOWER_AND_SPACE)
    lower = len(data) - len(kept) - text.count(" ")  # letters, never capitals
    rest = kept.decode("utf-8", "surrogatepass")
    if len(rest) <= 0.6 * lower:
        return False  # even if all the rest were capitals
    letters = lower + sum(map(str.isalpha, rest))
    return letters >= 8 and sum(map(str.isupper, rest)) > 0.6 * letters


def is_mostly_upper(text: str) -> bool:
    """At least 8 letters, and more capitals than 0.6 × the letters."""
    letters = sum(map(str.isalpha, text))
    return letters >= 8 and sum(map(str.isupper, text)) > 0.6 * letters


def org_key(org: str | None, knowledge: Knowledge) -> str | None:
    """A key under which two spellings of one organisation are equal; None when the text
    names no specific organisation ("UBND tỉnh", "LĐLĐ Thành phố") or is missing."""
    if not org:
        return None
    entry = knowledge.organization(org)
    if entry is not None:
        return entry.name
    if not any(is_name_syllable(w) and w.casefold() not in _GENERIC_CAPS for w in org.split()):
        return None
    folded = fold_case(org).replace("tp.", "tp ")
    words = [_EXPANSIONS.get(w, w) for w in folded.split()]
    expanded = " ".join(words)
    entry = knowledge.organization(expanded) or knowledge.organization(
        _UNIT_WORDS_RE.sub("", expanded)
    )
    if entry is not None:
        return entry.name
    return _UNIT_WORDS_RE.sub("", expanded).strip()


def describes_changes(doc: Document, analysis: Analysis, terms: bool = False) -> bool:
    """Whether the document tells of posts changing hands (elections, appointments, former,
    acting or late holders): then two ranks of one person, or two holders of one post, can
    both be right. With `terms`, a mention of a term of office ("nhiệm kỳ") counts too."""
    if any(hit.modifier for _, hit in analysis.hits):
        return True
    pattern = (_CHANGE_RE, _TERM_RE) if terms else (_CHANGE_RE,)
    return any(p.search(b.text) for b in doc.blocks for p in pattern)


def document_date(doc: Document) -> dt.date:
    """The date the article speaks of: its front matter date, or today."""
    return doc.date or dt.date.today()


def role_valid(role: Role, day: dt.date) -> bool:
    return (role.from_ is None or role.from_ <= day) and (role.until is None or day <= role.until)


def role_title(role: Role) -> tuple[str, str] | None:
    """(rank, base) of a registry role's title, or None when it is not in the lexicon."""
    words = role.title.split()
    form = match_title(words, 0)
    if form is None:
        return None
    rest = words[len(form.words) :]
    base = form.base + (
        " " + " ".join(rest).casefold() if rest and form.words[-1].casefold() == "ban" else ""
    )
    return form.rank, base


def person_named(knowledge: Knowledge, name: str) -> Person | None:
    return knowledge.person(name)
