"""soat's knowledge registries (docs/architecture.md §9): documents, organisations, people,
places, terms and user confusions, read from soat/data/*.toml and the user's registry files.

- `model`: the entries and `Knowledge`, the value rules read (`ctx.knowledge`);
- `schema`: the registry format and the checks on each entry (errors name file:line);
- `load`: TOML to `Knowledge`, the built-in data, the user's files merged over it;
- `cache`: the built-in knowledge's pickle, with its indexes;
- `indexes`: typed indexes (places, terms, people, documents, organisations).

The engine (soat/lint) never imports this package: it receives knowledge as it receives the
rule list, from the caller, and otherwise looks `load_knowledge` up by name at run time
(soat/lint/knowledge.py). Rules import the types from here.
"""

from soat.knowledge.load import builtin_knowledge, load_knowledge, load_registry_text
from soat.knowledge.model import (
    ConfusionEntry,
    DocumentEntry,
    Knowledge,
    Organization,
    Person,
    Place,
    Role,
    Term,
    document_key,
)
from soat.knowledge.schema import DOCUMENT_FACTS

__all__ = [
    "DOCUMENT_FACTS",
    "ConfusionEntry",
    "DocumentEntry",
    "Knowledge",
    "Organization",
    "Person",
    "Place",
    "Role",
    "Term",
    "builtin_knowledge",
    "document_key",
    "load_knowledge",
    "load_registry_text",
]
