"""Knowledge registries (docs/architecture.md §9): documents, organisations, people, places, terms.

Built-in data lives in soat/data/*.toml; users add files through `registry`. Both use the
same format; a user entry replaces a built-in one with the same key. Errors name file:line.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import pickle
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from soat.lint.errors import UsageError, did_you_mean
from soat.lint.tomlsource import TomlSource

T = TypeVar("T")

BUILTIN_FILES = ("documents.toml", "organizations.toml", "places.toml", "terms.toml")


@dataclass(frozen=True)
class DocumentEntry:
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


@dataclass(frozen=True)
class Organization:
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


@dataclass(frozen=True)
class Role:
    title: str
    org: str | None = None
    from_: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True)
class Person:
    name: str
    roles: tuple[Role, ...] = ()
    source: str | None = None
    origin: str = ""


@dataclass(frozen=True)
class Place:
    name: str
    kind: str | None = None
    variants: tuple[str, ...] = ()
    from_: dt.date | None = None
    until: dt.date | None = None
    merged_into: str | None = None
    parent: str | None = None
    source: str | None = None
    origin: str = ""


@dataclass(frozen=True)
class Term:
    preferred: str
    variants: tuple[str, ...] = ()
    source: str | None = None
    origin: str = ""


@dataclass(frozen=True)
class ConfusionEntry:
    """A user's [[confusion]] (LEX001): wrong forms, the right form, guards, fix safety."""

    wrong: tuple[str, ...]
    right: str
    guards: tuple[str, ...] = ()
    fix: str = "unsafe"
    vi: str = ""
    en: str = ""
    source: str | None = None
    origin: str = ""


@dataclass(frozen=True)
class Knowledge:
    documents: tuple[DocumentEntry, ...] = ()
    organizations: tuple[Organization, ...] = ()
    persons: tuple[Person, ...] = ()
    places: tuple[Place, ...] = ()
    terms: tuple[Term, ...] = ()
    confusions: tuple[ConfusionEntry, ...] = ()
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def index(self, builder: Callable[[Knowledge], T]) -> T:
        """`builder(self)`, built once per knowledge and kept with it (a place index, a
        lookup table of organisation names): rules never keep such state themselves."""
        idx = self._index
        if builder in idx:
            return idx[builder]
        value = idx[builder] = builder(self)
        return value

    def documents_by_symbol(self, symbol: str) -> tuple[DocumentEntry, ...]:
        idx = self._index.get("doc")
        if idx is None:
            idx = {}
            for d in self.documents:
                idx.setdefault(symbol_key(d.number), []).append(d)
            self._index["doc"] = idx
        return tuple(idx.get(symbol_key(symbol), ()))

    def organization(self, name: str) -> Organization | None:
        """The organisation that has `name` as its name, abbreviation or short name."""
        idx = self._index.get("org")
        if idx is None:
            idx = {}
            for o in self.organizations:
                for n in o.all_names:
                    idx.setdefault(fold(n), o)
            self._index["org"] = idx
        return idx.get(fold(name))

    def merged(self, other: Knowledge) -> Knowledge:
        """This knowledge with `other`'s entries added; other's win on equal keys."""
        return Knowledge(
            documents=_merge(self.documents, other.documents, document_key),
            organizations=_merge(
                self.organizations, other.organizations, lambda o: (o.name, o.from_)
            ),
            persons=_merge(self.persons, other.persons, lambda p: p.name),
            places=_merge(self.places, other.places, lambda p: (p.name, p.kind)),
            terms=_merge(self.terms, other.terms, lambda t: t.preferred),
            confusions=_merge(self.confusions, other.confusions, lambda c: c.right),
        )


# A symbol that carries its year (30/2020/NĐ-CP) is one document; Party symbols restart
# each term (20-NQ/TW of 2008 and of 2017) and administrative ones each year (58/HD-TLĐ),
# so for those the year is part of the key.
_UNIQUE_SYMBOL_RE = re.compile(r"/(?:19|20)\d\d/")


def document_key(entry: DocumentEntry) -> tuple:
    """The registry key of a [[document]] (docs/architecture.md §9.3)."""
    if _UNIQUE_SYMBOL_RE.search(entry.number):
        return (symbol_key(entry.number),)
    return (symbol_key(entry.number), entry.date and entry.date.year)


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


# The Party writes its regulations 37-QĐi/TW and, just as often, 37-QĐ/TW (docs/domain.md §1.2:
# accept both): one key for both spellings.
_PARTY_QDI_RE = re.compile(r"(?<=\d-)QĐI(?=/)")


def symbol_key(symbol: str) -> str:
    return _PARTY_QDI_RE.sub("QĐ", unicodedata.normalize("NFC", symbol).strip().upper())


def _merge(base, extra, key):
    keys = {key(e) for e in extra}
    return tuple(e for e in base if key(e) not in keys) + tuple(extra)


# --- loading ------------------------------------------------------------------------------

_TABLES: dict[str, dict[str, tuple[type | tuple[type, ...], bool]]] = {
    # table: {key: (type, required)}
    "document": {
        "number": (str, True),
        "type": (str, False),
        "date": (dt.date, False),
        "issuer": (str, False),
        "title": (str, False),
        "source": (str, False),
        "names": (list, False),
        "verified": ((bool, list), False),
        "replaced-by": (str, False),
        "in-force": (dt.date, False),
    },
    "organization": {
        "name": (str, True),
        "abbreviations": (list, False),
        "short-names": (list, False),
        "kind": (str, False),
        "from": (dt.date, False),
        "until": (dt.date, False),
        "merged-into": (str, False),
        "source": (str, False),
        "verified": (bool, False),
    },
    "person": {"name": (str, True), "role": (list, False), "source": (str, False)},
    "place": {
        "name": (str, True),
        "kind": (str, False),
        "variants": (list, False),
        "from": (dt.date, False),
        "until": (dt.date, False),
        "merged-into": (str, False),
        "parent": (str, False),
        "source": (str, False),
    },
    "term": {"preferred": (str, True), "variants": (list, False), "source": (str, False)},
    "confusion": {
        "wrong": (list, True),
        "right": (str, True),
        "guards": (list, False),
        "fix": (str, False),
        "vi": (str, False),
        "en": (str, False),
        "source": (str, False),
    },
}
_CONFUSION_FIXES = ("safe", "unsafe", "suggestion")
# What a [[document]] asserts, each verified or not on its own (`verified = ["date"]`).
DOCUMENT_FACTS = ("number", "type", "date", "issuer", "title", "names", "replaced-by", "in-force")
_ROLE_KEYS = {
    "title": (str, True),
    "org": (str, False),
    "from": (dt.date, False),
    "until": (dt.date, False),
}
_TOP_LEVEL_EXTRA = {"meta"}  # a free-form table for provenance notes


def load_registry_text(path: str, text: str, require_source: bool = False) -> Knowledge:
    src = TomlSource(path, text)
    data = src.data
    for key in data:
        if key not in _TABLES and key not in _TOP_LEVEL_EXTRA:
            raise UsageError(
                f'unknown registry table "{key}".{did_you_mean(key, _TABLES)}',
                path,
                src.table_line(key) or src.key_line(key),
            )
    out: dict[str, list] = {t: [] for t in _TABLES}
    for table, spec in _TABLES.items():
        entries = data.get(table, [])
        if not isinstance(entries, list):
            raise UsageError(
                f'"{table}" must be an array of tables ([[{table}]])',
                path,
                src.key_line(table) or src.table_line(table),
            )
        for i, entry in enumerate(entries):
            line = src.table_line(table, i)
            _check_entry(entry, spec, table, path, line, src, i)
            if require_source and not entry.get("source"):
                raise UsageError(f"built-in [[{table}]] entry needs a source", path, line)
            out[table].append(_build(table, entry, path, line, src, i))
    return Knowledge(
        documents=tuple(out["document"]),
        organizations=tuple(out["organization"]),
        persons=tuple(out["person"]),
        places=tuple(out["place"]),
        terms=tuple(out["term"]),
        confusions=tuple(out["confusion"]),
    )


def _check_entry(entry, spec, table, path, line, src, i) -> None:
    if not isinstance(entry, dict):
        raise UsageError(f"[[{table}]] entries must be tables", path, line)
    for key, value in entry.items():
        if key not in spec:
            raise UsageError(
                f'unknown key "{key}" in [[{table}]].{did_you_mean(key, spec)}',
                path,
                src.key_line(key, table, i) or line,
            )
        typ, _ = spec[key]
        if not _is_type(value, typ):
            raise UsageError(
                f'"{key}" in [[{table}]] must be {_type_name(typ)}, not {_type_name(type(value))}',
                path,
                src.key_line(key, table, i) or line,
            )
        if isinstance(value, list) and key != "role" and not all(isinstance(v, str) for v in value):
            raise UsageError(
                f'"{key}" in [[{table}]] must be a list of strings',
                path,
                src.key_line(key, table, i) or line,
            )
        strings = value if typ is list and key != "role" else [value] if typ is str else []
        if any(not v.strip() for v in strings):  # an empty name matches between every letter
            raise UsageError(
                f'"{key}" in [[{table}]] must not be empty or blank',
                path,
                src.key_line(key, table, i) or line,
            )
    for key, (_, required) in spec.items():
        if required and not entry.get(key):
            raise UsageError(f'[[{table}]] entry needs "{key}"', path, line)
    if table == "document" and isinstance(entry.get("verified"), list):
        for fact in entry["verified"]:
            if fact not in DOCUMENT_FACTS:
                raise UsageError(
                    f'unknown fact "{fact}" in "verified".{did_you_mean(str(fact), DOCUMENT_FACTS)}',
                    path,
                    src.key_line("verified", table, i) or line,
                )
    if table == "person":
        # [[person.role]] headers are numbered across the file: skip those of earlier people.
        base = 0
        while (found := src.table_line("person.role", base)) is not None and line and found < line:
            base += 1
        for j, role in enumerate(entry.get("role", [])):
            role_line = src.table_line("person.role", base + j) or line
            if not isinstance(role, dict):
                raise UsageError("[[person.role]] entries must be tables", path, line)
            for key, value in role.items():
                where = src.key_line(key, "person.role", base + j) or role_line
                if key not in _ROLE_KEYS:
                    raise UsageError(
                        f'unknown key "{key}" in [[person.role]].{did_you_mean(key, _ROLE_KEYS)}',
                        path,
                        where,
                    )
                if not _is_type(value, _ROLE_KEYS[key][0]):
                    raise UsageError(
                        f'"{key}" in [[person.role]] must be {_type_name(_ROLE_KEYS[key][0])}',
                        path,
                        where,
                    )
                if isinstance(value, str) and not value.strip():
                    raise UsageError(
                        f'"{key}" in [[person.role]] must not be empty or blank', path, where
                    )
            if not role.get("title"):
                raise UsageError('[[person.role]] entry needs "title"', path, role_line)
    if table == "confusion" and entry.get("fix", "unsafe") not in _CONFUSION_FIXES:
        raise UsageError(
            f'"fix" in [[confusion]] must be one of {", ".join(_CONFUSION_FIXES)}, '
            f"not {entry['fix']!r}",
            path,
            src.key_line("fix", table, i) or line,
        )


def _is_type(value: Any, typ) -> bool:
    if isinstance(typ, tuple):
        return any(_is_type(value, t) for t in typ)
    if typ is dt.date:
        return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    return isinstance(value, typ)


def _type_name(typ) -> str:
    if isinstance(typ, tuple):
        return " or ".join(_type_name(t) for t in typ)
    return {
        str: "a string",
        list: "a list",
        dt.date: "a date (YYYY-MM-DD)",
        int: "an integer",
        bool: "true or false",
        float: "a number",
        dict: "a table",
    }.get(typ, typ.__name__)


def _nfc(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return tuple(_nfc(v) for v in value)
    return value


def _build(table: str, e: dict, path: str, line, src, i):
    g = lambda k: _nfc(e.get(k))  # noqa: E731
    origin = f"{path}:{line}" if line else path
    if table == "document":
        return DocumentEntry(
            g("number"),
            g("type"),
            e.get("date"),
            g("issuer"),
            g("title"),
            g("source"),
            g("names") or (),
            origin,
            _unverified(e.get("verified", True)),
            g("replaced-by"),
            e.get("in-force"),
        )
    if table == "organization":
        return Organization(
            g("name"),
            g("abbreviations") or (),
            g("short-names") or (),
            g("kind"),
            e.get("from"),
            e.get("until"),
            g("merged-into"),
            g("source"),
            origin,
            e.get("verified", True),
        )
    if table == "person":
        roles = tuple(
            Role(_nfc(r["title"]), _nfc(r.get("org")), r.get("from"), r.get("until"))
            for r in e.get("role", [])
        )
        return Person(g("name"), roles, g("source"), origin)
    if table == "place":
        return Place(
            g("name"),
            g("kind"),
            g("variants") or (),
            e.get("from"),
            e.get("until"),
            g("merged-into"),
            g("parent"),
            g("source"),
            origin,
        )
    if table == "confusion":
        return ConfusionEntry(
            g("wrong"),
            g("right"),
            g("guards") or (),
            e.get("fix", "unsafe"),
            g("vi") or "",
            e.get("en", ""),
            g("source"),
            origin,
        )
    return Term(g("preferred"), g("variants") or (), g("source"), origin)


def _unverified(verified) -> frozenset[str]:
    """The facts of a [[document]] no source confirmed, from its `verified` key."""
    if verified is True:
        return frozenset()
    if verified is False:
        return frozenset(DOCUMENT_FACTS)
    return frozenset(DOCUMENT_FACTS) - frozenset(verified)


@functools.lru_cache(maxsize=1)
def builtin_knowledge() -> Knowledge:
    """soat's own registries; parsed once, then read from a pickle cache (start-up matters)."""
    # soat ships as plain files (never zipped), so the data folder is beside this package.
    data = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")
    files = [
        (name, os.path.join(data, name))
        for name in BUILTIN_FILES
        if os.path.isfile(os.path.join(data, name))
    ]
    cache = _cache_path(files)
    if cache is not None:
        try:
            with open(cache, "rb") as fh:
                loaded = _unpickle_checked(fh.read())
            if isinstance(loaded, Knowledge):
                return loaded
        except Exception:  # a damaged or foreign cache of any kind: parse again, rewrite it
            pass
    result = Knowledge()
    for name, resource in files:
        with open(resource, encoding="utf-8") as fh:
            part = load_registry_text(f"soat/data/{name}", fh.read(), require_source=True)
        result = result.merged(part)
    if cache is not None:
        _write_cache(cache, result)
    return result


def _cache_path(files) -> str | None:
    import zlib

    from soat import __version__

    root = os.environ.get("SOAT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "soat"
    )
    stamps = [__version__, "schema-2"]  # schema-2: Knowledge.confusions
    for name, resource in files:
        try:
            st = os.stat(str(resource))
        except OSError:
            return None  # data inside a zip: no cheap stamp, parse every time
        stamps.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    key = zlib.crc32("|".join(stamps).encode())  # a checksum is enough: any change moves it
    return os.path.join(root, f"knowledge-{__version__}-{key:08x}.pickle")


_CACHE_MAGIC = b"soat-knowledge-1\n"


def _unpickle_checked(data: bytes) -> Any:
    """The cached Knowledge, or None when the file is not one soat wrote intact.

    A checksum guards the pickle: a flipped byte would otherwise load as wrong data or
    raise anything at all, on every run until the file is deleted.
    """
    import zlib

    head = len(_CACHE_MAGIC)
    if not data.startswith(_CACHE_MAGIC) or len(data) < head + 4:
        return None
    body = data[head + 4 :]
    if zlib.crc32(body).to_bytes(4, "big") != data[head : head + 4]:
        return None
    return pickle.loads(body)


def _write_cache(path: str, knowledge: Knowledge) -> None:
    import tempfile
    import zlib

    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".knowledge-")
        with os.fdopen(fd, "wb") as fh:
            body = pickle.dumps(
                Knowledge(
                    knowledge.documents,
                    knowledge.organizations,
                    knowledge.persons,
                    knowledge.places,
                    knowledge.terms,
                    knowledge.confusions,
                )
            )
            fh.write(_CACHE_MAGIC + zlib.crc32(body).to_bytes(4, "big") + body)
        os.replace(tmp, path)
        # Keep the few newest caches (two installations of soat may alternate); drop the rest.
        folder = os.path.dirname(path)
        caches = sorted(
            (
                os.path.join(folder, n)
                for n in os.listdir(folder)
                if n.startswith("knowledge-") and n.endswith(".pickle")
            ),
            key=os.path.getmtime,
            reverse=True,
        )
        for old in caches[4:]:
            os.unlink(old)
    except OSError:
        pass  # a read-only home is fine: we parse again next time


_USER_CACHE: dict[tuple[str, int, int], Knowledge] = {}


def load_knowledge(registry_paths: tuple[str, ...] = ()) -> Knowledge:
    """Built-in knowledge plus the user's registry files (later files win)."""
    result = builtin_knowledge()
    for path in registry_paths:
        try:
            st = os.stat(path)
        except OSError as exc:
            raise UsageError(f"cannot read registry: {exc.strerror}", path) from None
        key = (
            path,
            st.st_mtime_ns,
            st.st_size,
        )  # a rewrite within one mtime tick still differs in size
        part = _USER_CACHE.get(key)
        if part is None:
            part = load_registry_text(path, TomlSource.read(path).text)
            _USER_CACHE[key] = part
        result = result.merged(part)
    return result
