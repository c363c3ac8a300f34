"""A text of a value that is the same in every process, for keys and digests.

The result cache keys a file's findings on its settings (soat/lint/cache.py) and the
knowledge cache names its file by the content's digest (soat/knowledge/model.py). Neither can
hash pickle bytes or `repr`: a set's or a dict's order changes from one process to the next
with hash randomisation. Named tuples and dataclasses read alike, `Name(field=value,...)`, so
that a text does not depend on which of the two a record type is.
"""

from __future__ import annotations


def canonical(value: object) -> str:
    """`value` as text: records by their fields, sets and dicts sorted, sequences in order,
    anything else by its `repr`."""
    names = getattr(type(value), "_fields", None)  # a named tuple or a soat.records.Record
    if names is None and hasattr(type(value), "__dataclass_fields__"):  # not dataclasses'
        import dataclasses  # import (inspect, ast...): no record of a cold start is one

        names = [f.name for f in dataclasses.fields(value)]  # type: ignore[arg-type]
    if names is not None:
        inner = ",".join(f"{name}={canonical(getattr(value, name))}" for name in names)
        return f"{type(value).__name__}({inner})"
    if isinstance(value, set | frozenset):
        return "{" + ",".join(sorted(canonical(v) for v in value)) + "}"
    if isinstance(value, dict):
        return (
            "{" + ",".join(sorted(f"{canonical(k)}:{canonical(v)}" for k, v in value.items())) + "}"
        )
    if isinstance(value, tuple | list):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    return repr(value)
