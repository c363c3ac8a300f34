"""The words of a document for the syllable rules (SPL001, SPL002, SPL005, SPL006): an
analysis, computed once per document by `ctx.get(document_words)`, and the user word list
(`extend-words`) of SPL001 and SPL006.

Each word knows its block, whether it belongs to a personal name (from the surname list,
person cues such as "chị", and the registry's people) and whether it opens a sentence.
URLs, e-mail addresses, inline code and hashtags are left out (soat.vi.tokens).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import compress, count, repeat
from typing import NamedTuple

from soat.lint.context import Context, DocContext
from soat.lint.diagnostic import Diagnostic
from soat.lint.document import Block
from soat.vi.name_syllables import person_name_indexes
from soat.vi.text import fold_case
from soat.vi.tokens import Word, sentence_initial, word_list


class DocWord(NamedTuple):
    """A word of a block; `in_name` when it belongs to a personal name, `letters` when it is
    all letters (`word.is_letters`, computed once for every rule)."""

    block: Block
    word: Word
    text: str
    in_name: bool
    letters: bool

    @property
    def sentence_start(self) -> bool:
        return sentence_initial(self.block.text, self.word.start)

    def span(self) -> tuple[int, int]:
        return self.block.span(self.word.start, self.word.end)


def document_words(ctx: DocContext) -> list[DocWord]:
    """Every word of every block, in document order, with its personal-name flag."""
    known = tuple(p.name for p in ctx.knowledge.persons)
    per_block = []
    spellings: set[str] = set()
    for block in ctx.doc.blocks:
        text = block.text
        words = word_list(text)
        if not words:
            continue
        names = person_name_indexes(text, words, known)
        if names:
            spellings.update(words[i].text for i in names)
        per_block.append((block, words, names))
    out: list[DocWord] = []
    new = tuple.__new__  # a DocWord from a tuple in C (NamedTuple's own path is Python)
    for block, words, names in per_block:
        texts = [w[0] for w in words]
        letters = list(map(str.isalpha, texts))
        in_name = [False] * len(texts)
        for i in names:
            in_name[i] = True
        # A capitalised spelling of a name found anywhere in the document is that name.
        for i in compress(count(), map(spellings.__contains__, texts)) if spellings else ():
            if texts[i][:1].isupper():
                in_name[i] = True
        out += map(
            new, repeat(DocWord), zip(repeat(block), words, texts, in_name, letters, strict=False)
        )
    return out


def neighbours(words: list[DocWord], index: int) -> tuple[str | None, str | None]:
    """The syllables right before and after word `index` in its block, lower case (None
    across punctuation, a paragraph or anything but spaces)."""
    item = words[index]
    text, start, end = item.block.text, item.word.start, item.word.end
    before = after = None
    if index > 0:
        prev = words[index - 1]
        if prev.block is item.block and text[prev.word.end : start].isspace():
            before = prev.text.lower()
    if index + 1 < len(words):
        nxt = words[index + 1]
        if nxt.block is item.block and text[end : nxt.word.start].isspace():
            after = nxt.text.lower()
    return before, after


def user_words_problem(value: object) -> str | None:
    """Why an `extend-words` value is malformed: it must list single words, as the spelling
    rules read them (no spaces, hyphens or punctuation)."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return "must be a list of words"
    for entry in value:
        if [w.text for w in word_list(entry.strip(), False)] != [entry.strip()]:
            return f'must list single words (no spaces, hyphens or punctuation), not "{entry}"'
    return None


@dataclass(frozen=True)
class UserWords:
    """The options of SPL001 and SPL006: the user's word list."""

    extend_words: tuple[str, ...] = field(default=(), metadata={"validate": user_words_problem})


def without_user_words(
    found: Iterable[Diagnostic], ctx: Context[UserWords]
) -> Iterator[Diagnostic]:
    """`found` less the findings on one of the user's `extend-words`, compared in NFC and
    without case ("Ksor" also silences "KSOR"): a finding on a word of the document (its
    decoded text, so "tr&#7901;i" in HTML is "trời") or whose source text is the word."""
    words = ctx.options.extend_words
    if not words:
        yield from found
        return
    silenced = {fold_case(w.strip()) for w in words}
    spans = {w.span() for w in ctx.get(document_words) if fold_case(w.text) in silenced}
    source = ctx.doc.source
    for diag in found:
        if (diag.start, diag.end) in spans or fold_case(source[diag.start : diag.end]) in silenced:
            continue
        yield diag
