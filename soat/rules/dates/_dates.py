"""What the DAT rules share: the dates of each block, found once per document."""

from __future__ import annotations

from soat.lint.context import DocContext
from soat.vi.dates import DateMention, find_dates


def block_dates(ctx: DocContext) -> tuple[list[DateMention], ...]:
    """The dates of each block (`find_dates` on its NFC text), in block order; an analysis:
    `ctx.get(block_dates)[i]` are the dates of `ctx.doc.blocks[i]`."""
    return tuple(find_dates(block.text) for block in ctx.doc.blocks)
