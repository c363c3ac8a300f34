"""What the DAT rules share: the dates of each block, found once per document."""

from __future__ import annotations

from soat.lint.context import DocContext
from soat.vi.dates import DateMention, find_dates, texts_with_a_date_hint


def block_dates(ctx: DocContext) -> tuple[list[DateMention], ...]:
    """The dates of each block (`find_dates` on its NFC text), in block order; an analysis:
    `ctx.get(block_dates)[i]` are the dates of `ctx.doc.blocks[i]`."""
    texts = [block.text for block in ctx.doc.blocks]
    found: list[list[DateMention]] = [[] for _ in texts]
    # (`find_dates` asked only of the blocks with a date hint: five in six have none.)
    for k in texts_with_a_date_hint(texts):
        found[k] = find_dates(texts[k])
    return tuple(found)
