"""The registry format: its tables, their keys and types, and the checks on each entry.

Errors name the file and line of the entry or key at fault (docs/architecture.md §9.2).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from soat.lint.errors import UsageError, did_you_mean
from soat.lint.tomlsource import TomlSource

TABLES: dict[str, dict[str, tuple[type | tuple[type, ...], bool]]] = {
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
TOP_LEVEL_EXTRA = {"meta"}  # a free-form table for provenance notes


def check_entry(
    entry: Any, spec: dict, table: str, path: str, line: int | None, src: TomlSource, i: int
) -> None:
    """Raise a UsageError naming file:line when `entry` breaks the format of `table`."""
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
