"""Reading registries: TOML text to `Knowledge`, the built-in data (cached), the user's files.

Built-in data lives in soat/data/*.toml; users add files through `registry`. Both use the
same format; a user entry replaces a built-in one with the same key. Errors name file:line.
"""

from __future__ import annotations

import functools
import os
import unicodedata

from soat.knowledge import cache
from soat.knowledge.model import (
    ConfusionEntry,
    DocumentEntry,
    Knowledge,
    Organization,
    Person,
    Place,
    Role,
    Term,
)
from soat.knowledge.schema import DOCUMENT_FACTS, TABLES, TOP_LEVEL_EXTRA, check_entry
from soat.lint.errors import UsageError, did_you_mean
from soat.lint.tomlsource import TomlSource

BUILTIN_FILES = ("documents.toml", "organizations.toml", "places.toml", "terms.toml")


def load_registry_text(path: str, text: str, require_source: bool = False) -> Knowledge:
    src = TomlSource(path, text)
    data = src.data
    for key in data:
        if key not in TABLES and key not in TOP_LEVEL_EXTRA:
            raise UsageError(
                f'unknown registry table "{key}".{did_you_mean(key, TABLES)}',
                path,
                src.table_line(key) or src.key_line(key),
            )
    out: dict[str, list] = {t: [] for t in TABLES}
    shared: dict = {}
    for table, spec in TABLES.items():
        entries = data.get(table, [])
        if not isinstance(entries, list):
            raise UsageError(
                f'"{table}" must be an array of tables ([[{table}]])',
                path,
                src.key_line(table) or src.table_line(table),
            )
        for i, entry in enumerate(entries):
            line = src.table_line(table, i)
            check_entry(entry, spec, table, path, line, src, i)
            if require_source and not entry.get("source"):
                raise UsageError(f"built-in [[{table}]] entry needs a source", path, line)
            out[table].append(_build(table, entry, path, line, src, i, shared))
    return Knowledge(
        documents=tuple(out["document"]),
        organizations=tuple(out["organization"]),
        persons=tuple(out["person"]),
        places=tuple(out["place"]),
        terms=tuple(out["term"]),
        confusions=tuple(out["confusion"]),
    )


def _nfc(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return tuple(_nfc(v) for v in value)
    return value


def _build(table: str, e: dict, path: str, line, src, i, shared: dict):
    # Equal strings, tuples and dates become one object (759 places share 2 source texts):
    # a smaller cache that loads faster, and less memory.
    g = lambda k: _share(_nfc(e.get(k)), shared)  # noqa: E731
    d = lambda k: _share(e.get(k), shared)  # noqa: E731
    origin = f"{path}:{line}" if line else path
    if table == "document":
        return DocumentEntry(
            g("number"),
            g("type"),
            d("date"),
            g("issuer"),
            g("title"),
            g("source"),
            g("names") or (),
            origin,
            _unverified(e.get("verified", True)),
            g("replaced-by"),
            d("in-force"),
        )
    if table == "organization":
        return Organization(
            g("name"),
            g("abbreviations") or (),
            g("short-names") or (),
            g("kind"),
            d("from"),
            d("until"),
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
            d("from"),
            d("until"),
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


def _share(value, shared: dict):
    if value is None:
        return None
    return shared.setdefault(value, value)


def _unverified(verified) -> frozenset[str]:
    """The facts of a [[document]] no source confirmed, from its `verified` key."""
    if verified is True:
        return frozenset()
    if verified is False:
        return frozenset(DOCUMENT_FACTS)
    return frozenset(DOCUMENT_FACTS) - frozenset(verified)


@functools.lru_cache(maxsize=1)
def builtin_knowledge() -> Knowledge:
    """soat's own registries, with their typed indexes: read from the cache (start-up
    matters), or parsed, indexed and written to it when the data or soat changed."""
    # soat ships as plain files (never zipped), so the data folder is beside this package.
    data = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")
    files = [
        (name, os.path.join(data, name))
        for name in BUILTIN_FILES
        if os.path.isfile(os.path.join(data, name))
    ]
    path = cache.path_for(files)
    if path is not None:
        loaded = cache.read(path)
        if loaded is not None:
            return loaded
    result = Knowledge()
    for name, resource in files:
        with open(resource, encoding="utf-8") as fh:
            part = load_registry_text(f"soat/data/{name}", fh.read(), require_source=True)
        result = result.merged(part)
    cache.build_indexes(result)
    if path is not None:
        cache.write(path, result)
    return result


_USER_CACHE: dict[tuple[str, int, int], Knowledge] = {}


def load_knowledge(registry_paths: tuple[str, ...] = ()) -> Knowledge:
    """Built-in knowledge plus the user's registry files (later files win)."""
    result = builtin_knowledge()
    for path in registry_paths:
        try:
            st = os.stat(path)
        except OSError as exc:
            raise UsageError(f"cannot read registry: {exc.strerror}", path) from None
        # A rewrite within one mtime tick still differs in size.
        key = (path, st.st_mtime_ns, st.st_size)
        part = _USER_CACHE.get(key)
        if part is None:
            part = load_registry_text(path, TomlSource.read(path).text)
            _USER_CACHE[key] = part
        result = result.merged(part)
    return result
