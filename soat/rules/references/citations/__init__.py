"""What the REF rules share: the citations of a document and how to match a registry entry.

Not a rule: a package, so that the check that every rule module has a RULE passes over it.
Citations are found per block in the block's NFC text (soat.vi.references); `BlockCitation`
keeps the block so that parts map back to source offsets.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

from typing import NamedTuple

from soat.knowledge import DocumentEntry, Knowledge
from soat.lint.context import DocContext
from soat.lint.document import Block
from soat.vi.citation_matching import issuers_agree, party_term
from soat.vi.dates import DateMention
from soat.vi.doc_symbols import texts_with_candidates
from soat.vi.references import Citation, Part, find_citations


class BlockCitation(NamedTuple):
    """A citation with the block it stands in (its parts are offsets into `block.text`)."""

    block: Block
    citation: Citation

    def span(self, part: Part | DateMention | None = None) -> tuple[int, int]:
        """Source span of a part (the symbol when none is given)."""
        target = self.citation.symbol if part is None else part
        return self.block.span(target.start, target.end)

    def whole(self) -> tuple[int, int]:
        return self.block.span(self.citation.start, self.citation.end)


def document_citations(ctx: DocContext) -> tuple[BlockCitation, ...]:
    """Every citation of the document, block by block (an analysis: `ctx.get(...)`)."""
    blocks = ctx.doc.blocks
    # (Only a block with a symbol candidate holds a citation: most hold none.)
    return tuple(
        BlockCitation(blocks[k], citation)
        for k in texts_with_candidates([block.text for block in blocks])
        for citation in find_citations(blocks[k].text)
    )


def fmt_date(d) -> str:
    return f"{d.day}/{d.month}/{d.year}"


def same_organization(knowledge: Knowledge):
    def check(a: str, b: str) -> bool:
        oa, ob = knowledge.organization(a), knowledge.organization(b)
        return oa is not None and oa is ob

    return check


def issuers_match(a: str, b: str, knowledge: Knowledge) -> bool:
    return issuers_agree(a, b, same_org=same_organization(knowledge))


def registry_entry(citation: Citation, knowledge: Knowledge) -> DocumentEntry | None:
    """The registry entry a citation refers to, matched as docs/architecture.md §9.4 says.

    Symbols with a year and Party symbols match on the symbol alone when exactly one entry
    has it; a dated Party citation of the Central Committee only matches an entry of the same
    term (numbering restarts each term). Other symbols match when the cited year equals the
    entry's, or when the citation has no date and exactly one entry has the symbol.
    """
    sym = citation.symbol
    entries = knowledge.documents_by_symbol(sym.canonical)
    if not entries:
        return None
    cited = citation.date.as_date() if citation.date is not None else None
    if sym.family in ("legal", "party"):
        if sym.family == "party" and cited is not None and sym.codes[-1] == "TW":
            term = party_term(cited.day, cited.month, cited.year)
            entries = tuple(
                e
                for e in entries
                if e.date is None or party_term(e.date.day, e.date.month, e.date.year) == term
            )
        if len(entries) == 1:
            return entries[0]
        if cited is not None:
            same_year = [e for e in entries if e.date is not None and e.date.year == cited.year]
            if len(same_year) == 1:
                return same_year[0]
        return None
    if cited is None:
        return entries[0] if len(entries) == 1 else None
    same_year = [e for e in entries if e.date is not None and e.date.year == cited.year]
    return same_year[0] if len(same_year) == 1 else None
