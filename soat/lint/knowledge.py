"""What the engine knows of knowledge: an object it passes to rules, asks for a digest (the
result cache's key) and memoises indexes on (`ctx.index`). Nothing more.

The registries (model, loading, validation, cache, indexes) are the package `soat.knowledge`,
which knows Vietnamese document symbols and case folding; the engine never imports it.
Like the rule list (`soat.rules.ALL_RULES`, handed over by the command line, or looked up by
name in `serve()`), knowledge reaches the engine from outside: callers pass it to
`Settings.from_config(..., knowledge=...)`, and where they do not, `load_knowledge` below
looks the loader up by module name at run time (docs/architecture.md §2.2, §9).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

T = TypeVar("T")

KNOWLEDGE_PACKAGE = "soat.knowledge"

if TYPE_CHECKING:  # what rules see, for the type checker only
    from soat.knowledge import Knowledge
else:

    class Knowledge(Protocol):
        """The engine's view of a knowledge object."""

        def index(self, builder: Callable[[Any], T]) -> T:
            """`builder(self)`, built once per knowledge and kept with it."""

        def digest(self) -> str:
            """A digest of the entries, the same in every process."""


def load_knowledge(registry_paths: tuple[str, ...] = ()) -> Knowledge:
    """The built-in knowledge merged with the user's registry files (later files win)."""
    loaded: Knowledge = importlib.import_module(KNOWLEDGE_PACKAGE).load_knowledge(registry_paths)
    return loaded


def empty_knowledge() -> Knowledge:
    """A knowledge with no entries (tests, callers of a single rule)."""
    empty: Knowledge = importlib.import_module(KNOWLEDGE_PACKAGE).Knowledge()
    return empty
