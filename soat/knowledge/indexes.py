"""Typed indexes on the knowledge: places, terms, people, documents, organisations.

Each is a function of a `Knowledge`, memoised on it by `knowledge.index(builder)` (what
`ctx.index(builder)` calls). The built-in knowledge is cached with every index of
`PERSISTED` already built (soat/knowledge/cache.py), so a cold start reads them instead of
building them; for a knowledge merged with user registries they are built on first use. The index types
are named tuples: cheaper to make at start-up and to unpickle than dataclasses.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import re
from types import MappingProxyType
from typing import Any, NamedTuple

from soat.knowledge.model import (
    Knowledge,
    Place,
    content_digest,
    documents_index,
    organizations_index,
    people_index,
)
from soat.vi.places import loose_key, place_key, syllable_count

PROVINCIAL = "provincial"
DISTRICT = "district"
COMMUNE = "commune"


class PlaceTarget(NamedTuple):
    """A place name of two syllables or more, as a near miss is compared with it."""

    name: str
    level: str
    kind: str | None
    loose: str
    syllables: int
    key: str


class PlaceIndex(NamedTuple):
    exact: dict[str, list]  # place_key of every name and variant → places
    near: dict[tuple[int, int], list[PlaceTarget]]  # (syllables, len(loose)) → targets
    provincial: dict[str, Any]  # current or former provincial units by name


def place_level(place: Place) -> str:
    """PROVINCIAL (no parent), COMMUNE (xã, phường, thị trấn, đặc khu) or DISTRICT."""
    if place.parent is None:
        return PROVINCIAL
    if place.kind in ("xã", "phường", "thị trấn", "đặc khu"):
        return COMMUNE
    return DISTRICT


def place_index(knowledge: Knowledge) -> PlaceIndex:
    """The knowledge's places by key and by shape (SPL003)."""
    exact: dict[str, list] = {}
    near: dict[tuple[int, int], list[PlaceTarget]] = {}
    provincial: dict[str, Any] = {}
    for place in knowledge.places:
        level = place_level(place)
        for name in (place.name, *place.variants):
            exact.setdefault(place_key(name), []).append(place)
        if level == PROVINCIAL:
            provincial.setdefault(place.name, place)
        loose = loose_key(place.name)
        syllables = syllable_count(place.name)
        if syllables >= 2:
            key = place_key(place.name)
            target = PlaceTarget(place.name, level, place.kind, loose, syllables, key)
            near.setdefault((syllables, len(loose)), []).append(target)
    return PlaceIndex(exact, near, provincial)


class TermIndex(NamedTuple):
    pattern: re.Pattern | None  # every form, longest first, in lower case
    preferred: dict[str, str]  # lower-cased form → preferred spelling


def _form_pattern(form: str) -> str:
    return r"[ \u00a0]+".join(re.escape(part) for part in form.split())


def term_index(knowledge: Knowledge) -> TermIndex:
    """One pattern of every term form (SPL004)."""
    preferred: dict[str, str] = {}
    for term in knowledge.terms:
        for form in (term.preferred, *term.variants):
            preferred[" ".join(form.split()).lower()] = term.preferred
    forms = sorted(preferred, key=len, reverse=True)
    pattern = None
    if forms:
        alternatives = "|".join(_form_pattern(f) for f in forms)
        # Searched in the lower-cased text (IGNORECASE is several times slower). Not part of
        # a longer word, an address, a path, a hashtag or a mention (what comes before is
        # checked by the rule: a look-behind tried at every position is slow too).
        pattern = re.compile(rf"(?:{alternatives})(?![\w@]|[./\\-]\w)")
    return TermIndex(pattern, preferred)


# Built with the built-in knowledge and stored in its cache.
PERSISTED = (
    content_digest,
    documents_index,
    organizations_index,
    people_index,
    place_index,
    term_index,
)

# The indexes that read one table only: still valid after a merge that leaves it alone.
ONE_TABLE = MappingProxyType(
    {
        documents_index: "documents",
        organizations_index: "organizations",
        people_index: "persons",
        place_index: "places",
        term_index: "terms",
    }
)

__all__ = [
    "ONE_TABLE",
    "COMMUNE",
    "DISTRICT",
    "PERSISTED",
    "PROVINCIAL",
    "PlaceIndex",
    "PlaceTarget",
    "TermIndex",
    "documents_index",
    "organizations_index",
    "people_index",
    "place_index",
    "place_level",
    "term_index",
]
