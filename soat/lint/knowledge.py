"""What the engine knows of knowledge: an object it passes to rules, asks for a digest (the
result cache's key) and memoises indexes on (`ctx.index`). Nothing more.

The registries (model, loading, validation, cache, indexes) are the package `soat.knowledge`,
which knows Vietnamese document symbols and case folding; the engine never imports it.
Like the rule list (`soat.rules.ALL_RULES`), knowledge reaches the engine from its caller:
the command line, the server's entry point and the Python API pass `soat.knowledge.
load_knowledge` in as a `KnowledgeLoader` (docs/architecture.md §2.2, §9), and tests may
pass any knowledge they build.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

T = TypeVar("T")

if TYPE_CHECKING:  # what rules see, for the type checker only
    from soat.knowledge import Knowledge
else:

    class Knowledge(Protocol):
        """The engine's view of a knowledge object."""

        def index(self, builder: Callable[[Any], T]) -> T:
            """`builder(self)`, built once per knowledge and kept with it."""

        def digest(self) -> str:
            """A digest of the entries, the same in every process."""


# The built-in knowledge merged with the user's registry files (later files win).
KnowledgeLoader = Callable[[tuple[str, ...]], "Knowledge"]
