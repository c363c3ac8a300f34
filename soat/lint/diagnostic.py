"""What rules report: diagnostics with source spans, fixes made of edits, and messages.

Spans are code-point offsets into the document's exact source text (see document.py).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

# Messages are interface text (soat/lint/ui.py); rules import them from here with the rest.
from soat.lint.ui import Msg as Msg
from soat.lint.ui import text_of as text_of


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        return cls[value.upper()]


class Applicability(str, enum.Enum):
    SAFE = "safe"
    UNSAFE = "unsafe"
    SUGGESTION = "suggestion"


@dataclass(frozen=True)
class Edit:
    """Replace source[start:end] with `content`."""

    start: int
    end: int
    content: str = ""


@dataclass(frozen=True)
class Fix:
    title: Msg | str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    @classmethod
    def replace(cls, title, start, end, content, applicability=Applicability.SAFE) -> Fix:
        return cls(title, (Edit(start, end, content),), Applicability(applicability))

    @classmethod
    def delete(cls, title, start, end, applicability=Applicability.SAFE) -> Fix:
        return cls(title, (Edit(start, end, ""),), Applicability(applicability))


@dataclass(frozen=True)
class Related:
    message: Msg | str
    start: int
    end: int


@dataclass
class Diagnostic:
    """One finding. `code`/`name` are stamped by the engine, `severity` too when unset."""

    message: Msg | str
    start: int
    end: int
    fix: Fix | None = None
    suggestions: tuple[Fix, ...] = ()
    related: tuple[Related, ...] = ()
    severity: Severity | None = None
    code: str = ""
    name: str = ""
    path: str = field(default="", compare=False)

    @property
    def level(self) -> Severity:
        """The severity the engine stamped (every reported diagnostic has one)."""
        if self.severity is None:
            raise ValueError(f"{self.code or 'diagnostic'} was not stamped by the engine")
        return self.severity
