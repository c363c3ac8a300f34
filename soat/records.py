"""Plain record classes for the types a cold start defines: what `@dataclass` would generate
for them (equality, a repr, `replace`), written once here instead of compiled for each.

Defining a dataclass parses and compiles the source of the methods it generates: ~2.4 M
instructions for a plain one, ~4 M for a frozen one, and importing `dataclasses` imports
`inspect` (with ast, dis, tokenize): ~38 M more. A cold `soat check` of one article defined
eighteen of them, ~45 M instructions of ~400 M (docs/architecture.md §10). A `Record`
subclass lists its fields in `_fields` and writes its own `__init__`, which keeps the
signature readable and the construction as fast as a dataclass's; named tuples remain the
choice for immutable records without defaults that need computing. Types that are not on
the start-up path (the language server's, the Word reader's, the API's) stay dataclasses.
"""

from __future__ import annotations

from typing import Any, TypeVar

R = TypeVar("R", bound="Record")


class Record:
    """Equality by the fields in `_compared` (default: `_fields`), a repr of the fields in
    `_shown` (default: `_fields`), and `replace(**changes)`, which calls `__init__` with
    every field's value and the changes, as `dataclasses.replace` does. A record is not
    hashable (a class that defines `__eq__` gets `__hash__ = None`, as a dataclass with
    `eq=True` does), unless it is never changed and sets `__hash__ = Record.value_hash`."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _compared: tuple[str, ...] | None = None
    _shown: tuple[str, ...] | None = None

    def _values(self, names: tuple[str, ...]) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in names)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        names = self._fields if self._compared is None else self._compared
        return self._values(names) == other._values(names)

    def value_hash(self) -> int:
        """A hash of the compared fields, for records that are never changed."""
        return hash(self._values(self._fields if self._compared is None else self._compared))

    def __repr__(self) -> str:
        names = self._fields if self._shown is None else self._shown
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{type(self).__name__}({inner})"

    def replace(self: R, **changes: Any) -> R:
        """A copy with `changes`; unknown names are a TypeError, as for the constructor."""
        values = {name: getattr(self, name) for name in self._fields}
        values.update(changes)
        return type(self)(**values)
