"""The words of a document for the syllable rules (SPL001, SPL002, SPL005): an analysis,
computed once per document by `ctx.get(document_words)`.

Each word knows its block, whether it belongs to a personal name (from the surname list,
person cues such as "chị", and the registry's people) and whether it opens a sentence.
URLs, e-mail addresses, inline code and hashtags are left out (soat.vi.tokens).
"""

from __future__ import annotations

from soat.lint.context import DocContext
from soat.lint.document import Block
from soat.vi.name_syllables import person_name_indexes
from soat.vi.tokens import Word, iter_words, sentence_initial


class DocWord:
    """A word of a block; `in_name` when it belongs to a personal name."""

    __slots__ = ("block", "word", "text", "in_name")

    def __init__(self, block: Block, word: Word, in_name: bool) -> None:
        self.block, self.word, self.text, self.in_name = block, word, word.text, in_name

    @property
    def sentence_start(self) -> bool:
        return sentence_initial(self.block.text, self.word.start)

    def span(self) -> tuple[int, int]:
        return self.block.span(self.word.start, self.word.end)


def document_words(ctx: DocContext) -> list[DocWord]:
    """Every word of every block, in document order, with its personal-name flag."""
    doc = ctx.doc
    known = tuple(p.name for p in ctx.knowledge.persons)
    per_block = []
    spellings: set[str] = set()
    for block in doc.blocks:
        text = block.text
        words = list(iter_words(text))
        names = person_name_indexes(text, words, known)
        spellings.update(words[i].text for i in names)
        per_block.append((block, text, words, names))
    out = []
    for block, _text, words, names in per_block:
        for i, word in enumerate(words):
            in_name = i in names or (word.text in spellings and word.text[:1].isupper())
            out.append(DocWord(block, word, in_name))
    return out
