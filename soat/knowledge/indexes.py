"""Typed indexes on the knowledge: places, terms, people, documents, organisations.

Each is a function of a `Knowledge`, memoised on it by `knowledge.index(builder)` (what
`ctx.index(builder)` calls). The built-in knowledge is cached with every index of
`PERSISTED` already built (soat/knowledge/cache.py), so a cold start reads them instead of
building them; for a knowledge merged with user registries they are built on first use. The index
types are named tuples (the mention context, soat/vi/mentions.py, a plain class): cheaper to make
at start-up and to unpickle than dataclasses.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import re
from collections import Counter
from collections.abc import Iterable, Mapping
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
from soat.vi.mentions import MentionContext
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


class OrgForms(NamedTuple):
    """Organisation names of more than one word, for finding them in a block."""

    forms: tuple[tuple[str, str], ...]  # (lower-case form, registered form), longest first
    by_pair: Mapping[str, tuple[int, ...]]  # first two words → indexes into `forms`
    firsts: frozenset[str]  # the first words of `by_pair`: a block without one has no form
    unconfirmed: frozenset[str]  # names of organisations no source confirmed
    needles: tuple[str, ...]  # words one of which every lower-case form holds


def covering_words(forms: Iterable[str]) -> tuple[str, ...]:
    """Words one of which each of `forms` holds, picked greedily: the word most of the forms
    left hold first ("đoàn", then "lđlđ", for the registry's)."""
    left = [set(form.split()) for form in forms]
    out: list[str] = []
    while left:
        counts = Counter(word for words in left for word in words)
        best = max(counts, key=lambda word: (counts[word], len(word), word))
        out.append(best)
        left = [words for words in left if best not in words]
    return tuple(out)


def org_forms(knowledge: Knowledge) -> OrgForms:
    """The knowledge's organisation names of more than one word (TTL005)."""
    names = sorted({n for o in knowledge.organizations for n in o.all_names if " " in n})
    lowered: dict[str, str] = {}
    for n in names:
        lowered.setdefault(n.lower(), n)
    forms = tuple(sorted(lowered.items(), key=lambda kv: -len(kv[0])))
    by_pair: dict[str, list[int]] = {}
    for i, (low, _) in enumerate(forms):
        by_pair.setdefault(" ".join(low.split()[:2]), []).append(i)
    unconfirmed = frozenset(
        n for o in knowledge.organizations if not o.verified for n in o.all_names
    )
    return OrgForms(
        forms,
        {k: tuple(v) for k, v in by_pair.items()},
        frozenset(pair.split(" ", 1)[0] for pair in by_pair),
        unconfirmed,
        covering_words(low for low, _ in forms),
    )


def mention_context(knowledge: Knowledge) -> MentionContext:
    """The organisation, place and person names mentions are read against (the TTL rules)."""
    orgs = [n for o in knowledge.organizations for n in o.all_names]
    places = [p.name for p in knowledge.places] + [v for p in knowledge.places for v in p.variants]
    return MentionContext(orgs, places, frozenset(p.name for p in knowledge.persons))


# Built with the built-in knowledge and stored in its cache.
PERSISTED = (
    content_digest,
    documents_index,
    organizations_index,
    people_index,
    place_index,
    term_index,
    org_forms,
    mention_context,
)

# The indexes that read one table only: still valid after a merge that leaves it alone.
ONE_TABLE = MappingProxyType(
    {
        documents_index: "documents",
        organizations_index: "organizations",
        people_index: "persons",
        place_index: "places",
        term_index: "terms",
        org_forms: "organizations",
    }
)

__all__ = [
    "ONE_TABLE",
    "OrgForms",
    "COMMUNE",
    "DISTRICT",
    "PERSISTED",
    "PROVINCIAL",
    "PlaceIndex",
    "PlaceTarget",
    "TermIndex",
    "covering_words",
    "documents_index",
    "mention_context",
    "org_forms",
    "organizations_index",
    "people_index",
    "place_index",
    "place_level",
    "term_index",
]
