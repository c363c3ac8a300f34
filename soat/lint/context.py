"""What a rule receives: one `Context` per rule and document, sharing one memo of analyses.

`check(ctx)` reads `ctx.doc`, `ctx.options` and `ctx.knowledge`, and asks `ctx.get(analysis)`
for what other rules need too (the words of the document, its citations, its person
mentions). An analysis is a plain function of a `DocContext` (the document and the
knowledge, never a rule's options); the engine runs it at most once per document, lazily,
and drops the result with the document. The engine knows nothing of what analyses compute:
they live with the rules and in `soat.vi`.

Knowledge-wide indexes (a place index, an organisation lookup) are memoised on the knowledge
itself with `ctx.index(builder)`: built once per knowledge, kept as long as it is; the
built-in knowledge arrives with its typed indexes already built (soat/knowledge/indexes.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from soat.lint.document import Document
from soat.lint.knowledge import Knowledge, empty_knowledge

T = TypeVar("T")
OptionsT = TypeVar("OptionsT")

Analysis = Callable[["DocContext"], T]
"""A function of the document and the knowledge, memoised per document by `DocContext.get`."""


class DocContext:
    """One document with the knowledge it is checked against, and its memo of analyses."""

    __slots__ = ("doc", "knowledge", "_memo")

    def __init__(self, doc: Document, knowledge: Knowledge) -> None:
        self.doc = doc
        self.knowledge = knowledge
        self._memo: dict[Callable[..., Any], Any] = {}

    def get(self, analysis: Callable[[DocContext], T]) -> T:
        """`analysis(self)`, computed on the first call for this document, then remembered."""
        memo = self._memo
        if analysis in memo:
            return memo[analysis]
        value = memo[analysis] = analysis(self)
        return value

    def index(self, builder: Callable[[Knowledge], T]) -> T:
        """`builder(knowledge)`, computed once per knowledge (see `Knowledge.index`)."""
        return self.knowledge.index(builder)

    def for_rule(self, options: OptionsT) -> Context[OptionsT]:
        """The context one rule sees: this document's memo, with the rule's options."""
        return Context(self, options)


class Context(Generic[OptionsT]):
    """What `check` receives: the document, the rule's options, the knowledge, the analyses."""

    __slots__ = ("shared", "doc", "knowledge", "options")

    def __init__(self, shared: DocContext, options: OptionsT) -> None:
        self.shared = shared
        self.doc = shared.doc
        self.knowledge = shared.knowledge
        self.options = options

    def get(self, analysis: Callable[[DocContext], T]) -> T:
        """The document's memoised `analysis` (shared with every other rule)."""
        return self.shared.get(analysis)

    def index(self, builder: Callable[[Knowledge], T]) -> T:
        return self.shared.knowledge.index(builder)


def context_for(
    doc: Document, knowledge: Knowledge | None = None, options: Any = None
) -> Context[Any]:
    """A fresh context for one rule on `doc` (tests, benchmarks, callers of a single rule)."""
    knowledge = knowledge if knowledge is not None else empty_knowledge()
    return DocContext(doc, knowledge).for_rule(options)
