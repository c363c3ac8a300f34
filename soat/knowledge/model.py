"""The registry entries and `Knowledge`, the value rules read (docs/architecture.md §9).

Entries are named tuples (made by the thousand, pickled in the knowledge cache: a named
tuple class is made, built and unpickled several times faster than a frozen dataclass);
`Knowledge` is a record (soat/records.py): its memo of indexes is not part of its value.
The keys under which entries merge (§9.3) use soat.vi's document symbol key and case folding.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import datetime as dt
import re
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from soat.canonical import canonical
from soat.records import Record
from soat.vi.doc_symbols import symbol_key
from soat.vi.text import fold_case

T = TypeVar("T")


class DocumentEntry(NamedTuple):
    number: str
    type: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    title: str | None = None
    source: str | None = None
    names: tuple[str, ...] = ()  # names the document gives (a movement, a programme)
    origin: str = ""  # the registry file it came from
    # The facts no source confirmed (`verified = false` or a list of the confirmed ones).
    # User entries are vouched for by the user: this is empty for them unless they say so.
    unverified: frozenset[str] = frozenset()
    replaced_by: str | None = None  # the symbol of the document that replaced this one
    in_force: dt.date | None = None  # the day the document took effect

    def verified(self, fact: str) -> bool:
        """Whether `fact` (one of DOCUMENT_FACTS) was confirmed against a source."""
        return fact not in self.unverified


class Organization(NamedTuple):
    name: str
    abbreviations: tuple[str, ...] = ()
    short_names: tuple[str, ...] = ()
    kind: str | None = None
    from_: dt.date | None = None
    until: dt.date | None = None
    merged_into: str | None = None
    source: str | None = None
    origin: str = ""
    verified: bool = True  # False: no source confirmed the name; never a safe fix

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.abbreviations, *self.short_names)


class Role(NamedTuple):
    title: str
    org: str | None = None
    from_: dt.date | None = None
    until: dt.date | None = None


class Person(NamedTuple):
    name: str
    roles: tuple[Role, ...] = ()
    source: str | None = None
    origin: str = ""


class Place(NamedTuple):
    name: str
    kind: str | None = None
    variants: tuple[str, ...] = ()
    from_: dt.date | None = None
    until: dt.date | None = None
    merged_into: str | None = None
    parent: str | None = None
    source: str | None = None
    origin: str = ""


class Term(NamedTuple):
    """A term's preferred spelling and the variants to replace with it (terms.toml)."""

    preferred: str
    variants: tuple[str, ...] = ()
    source: str | None = None
    origin: str = ""


class ConfusionEntry(NamedTuple):
    """A user's [[confusion]] (LEX001): wrong forms, the right form, guards, fix safety."""

    wrong: tuple[str, ...]
    right: str
    guards: tuple[str, ...] = ()
    fix: str = "unsafe"
    vi: str = ""
    en: str = ""
    source: str | None = None
    origin: str = ""


TABLES = ("documents", "organizations", "persons", "places", "terms", "confusions")


class Knowledge(Record):
    """The registries (built-in merged with the user's) and the indexes built on them.

    `index(builder)` memoises `builder(self)` on the knowledge; the built-in knowledge comes
    from the cache with its typed indexes (soat/knowledge/indexes.py) and its digest already
    in that memo, so a run does not build them again. Never changed once made but for that
    memo, which equality and the repr leave out.
    """

    _fields = (*TABLES, "_index")
    _compared = _shown = TABLES
    __hash__ = Record.value_hash

    def __init__(
        self,
        documents: tuple[DocumentEntry, ...] = (),
        organizations: tuple[Organization, ...] = (),
        persons: tuple[Person, ...] = (),
        places: tuple[Place, ...] = (),
        terms: tuple[Term, ...] = (),
        confusions: tuple[ConfusionEntry, ...] = (),
        _index: dict | None = None,
    ) -> None:
        self.documents = documents
        self.organizations = organizations
        self.persons = persons
        self.places = places
        self.terms = terms
        self.confusions = confusions
        self._index = {} if _index is None else _index

    def replace(self, **changes: Any) -> "Knowledge":
        """A copy with `changes`. A changed table leaves the memo of indexes behind (they
        are built again on first use), unless `_index` is given: a copy kept the old
        indexes, as `dataclasses.replace` did, and answered from tables it no longer had."""
        if "_index" not in changes and any(table in changes for table in TABLES):
            changes["_index"] = {}
        return super().replace(**changes)

    def index(self, builder: Callable[["Knowledge"], T]) -> T:
        """`builder(self)`, built once per knowledge and kept with it (a place index, a
        lookup table of organisation names): rules never keep such state themselves."""
        idx = self._index
        if builder in idx:
            return idx[builder]
        value = idx[builder] = builder(self)
        return value

    def digest(self) -> str:
        """A SHA-256 of the entries, the same in every process (the result cache's key)."""
        return self.index(content_digest)

    def documents_by_symbol(self, symbol: str) -> tuple[DocumentEntry, ...]:
        return self.index(documents_index).get(symbol_key(symbol), ())

    def organization(self, name: str) -> Organization | None:
        """The organisation that has `name` as its name, abbreviation or short name."""
        return self.index(organizations_index).get(fold_case(name))

    def person(self, name: str) -> Person | None:
        """The first person registered under exactly `name`."""
        return self.index(people_index).get(name)

    def merged(self, other: "Knowledge") -> "Knowledge":
        """This knowledge with `other`'s entries added; other's win on equal keys."""
        result = Knowledge(
            documents=_merge(self.documents, other.documents, document_key),
            organizations=_merge(
                self.organizations, other.organizations, lambda o: (o.name, o.from_)
            ),
            persons=_merge(self.persons, other.persons, lambda p: p.name),
            places=_merge(self.places, other.places, lambda p: (p.name, p.kind)),
            terms=_merge(self.terms, other.terms, lambda t: t.preferred),
            confusions=_merge(self.confusions, other.confusions, lambda c: c.right),
        )
        # The merge is a function of its two sides: their digests stand for the result's.
        import hashlib  # not at module level: a cold start that merges nothing never hashes

        joined = f"merged:{self.digest()}:{other.digest()}"
        result._index[content_digest] = hashlib.sha256(joined.encode()).hexdigest()
        # An index of one table the other side leaves alone stays valid (a user registry
        # of people keeps the built-in place index: no rebuilding on each start).
        from soat.knowledge.indexes import ONE_TABLE

        for builder, table in ONE_TABLE.items():
            if builder in self._index and not getattr(other, table):
                result._index[builder] = self._index[builder]
        return result


# A symbol that carries its year (30/2020/NĐ-CP) is one document; Party symbols restart
# each term (20-NQ/TW of 2008 and of 2017) and administrative ones each year (58/HD-TLĐ),
# so for those the year is part of the key.
_UNIQUE_SYMBOL_RE = re.compile(r"/(?:19|20)\d\d/")


def document_key(entry: DocumentEntry) -> tuple:
    """The registry key of a [[document]] (docs/architecture.md §9.3)."""
    if _UNIQUE_SYMBOL_RE.search(entry.number):
        return (symbol_key(entry.number),)
    return (symbol_key(entry.number), entry.date and entry.date.year)


def _merge(base, extra, key):
    if not extra:
        return base
    keys = {key(e) for e in extra}
    return tuple(e for e in base if key(e) not in keys) + tuple(extra)


def documents_index(knowledge: Knowledge) -> dict[str, tuple[DocumentEntry, ...]]:
    """[[document]] entries by symbol key (both spellings of a Party regulation are one)."""
    found: dict[str, list[DocumentEntry]] = {}
    for d in knowledge.documents:
        found.setdefault(symbol_key(d.number), []).append(d)
    return {k: tuple(v) for k, v in found.items()}


def organizations_index(knowledge: Knowledge) -> dict[str, Organization]:
    """Organisations by every name, abbreviation and short name, case-folded (first wins)."""
    found: dict[str, Organization] = {}
    for o in knowledge.organizations:
        for n in o.all_names:
            found.setdefault(fold_case(n), o)
    return found


def people_index(knowledge: Knowledge) -> dict[str, Person]:
    """People by their registered name (the first entry of a name wins)."""
    found: dict[str, Person] = {}
    for p in knowledge.persons:
        found.setdefault(p.name, p)
    return found


def content_digest(knowledge: Knowledge) -> str:
    """SHA-256 of a canonical text of the tables (never of pickle bytes: a set's order
    changes from one process to the next with hash randomisation)."""
    import hashlib  # not at module level: the built-in knowledge's digest comes from its cache

    text = canonical(tuple(getattr(knowledge, name) for name in TABLES))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
