"""The words of a document for the syllable rules (SPL001, SPL002, SPL005): an analysis,
computed once per document by `ctx.get(document_words)`.

Each word knows its block, whether it belongs to a personal name (from the surname list,
person cues such as "chị", and the registry's people) and whether it opens a sentence.
URLs, e-mail addresses, inline code and hashtags are left out (soat.vi.tokens).
"""

from __future__ import annotations

from typing import NamedTuple

from soat.lint.context import DocContext
from soat.lint.document import Block
from soat.vi.name_syllables import person_name_indexes
from soat.vi.tokens import Word, iter_words, sentence_initial


class DocWord(NamedTuple):
    """A word of a block; `in_name` when it belongs to a personal name."""

    block: Block
    word: Word
    text: str
    in_name: bool

    @property
    def sentence_start(self) -> bool:
        return sentence_initial(self.block.text, self.word.start)

    def span(self) -> tuple[int, int]:
        return self.block.span(self.word.start, self.word.end)


_new = tuple.__new__  # builds a DocWord from a tuple in C (NamedTuple's own path is Python)


def document_words(ctx: DocContext) -> list[DocWord]:
    """Every word of every block, in document order, with its personal-name flag."""
    known = tuple(p.name for p in ctx.knowledge.persons)
    per_block = []
    spellings: set[str] = set()
    for block in ctx.doc.blocks:
        text = block.text
        words = list(iter_words(text))
        names = person_name_indexes(text, words, known)
        spellings.update(words[i].text for i in names)
        per_block.append((block, words, names))
    out = []
    for block, words, names in per_block:
        for i, word in enumerate(words):
            text = word.text
            in_name = i in names or (text in spellings and text[:1].isupper())
            out.append(_new(DocWord, (block, word, text, in_name)))
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
