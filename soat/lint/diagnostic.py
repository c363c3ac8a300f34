"""What rules report: diagnostics with source spans, fixes made of edits, and messages.

Spans are code-point offsets into the document's exact source text (see document.py).
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import enum
from typing import NamedTuple

# Messages are interface text (soat/lint/ui.py); rules import them from here with the rest.
from soat.lint import ui
from soat.lint.ui import Msg as Msg
from soat.lint.ui import text_of as text_of
from soat.records import Record


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> "Severity":
        return cls[value.upper()]


class Applicability(str, enum.Enum):
    """How far a fix may be trusted (docs/architecture.md §5.5)."""

    SAFE = "safe"  # applied by `--fix`
    UNSAFE = "unsafe"  # applied by `--fix --unsafe-fixes`
    SUGGESTION = "suggestion"  # shown, never applied


class Edit(NamedTuple):
    """Replace source[start:end] with `content`."""

    start: int
    end: int
    content: str = ""


class Wording(enum.Enum):
    """The words of a fix title, beside the plain replacement (see `Fix`)."""

    REPLACE = "replace"  # Sửa thành “x” / Replace with “x” (Xóa / Thêm “x” derived)
    SPLIT = "split"  # Tách thành “x y” / Split into “x y”: a glued token cut apart
    NFC = "nfc"  # Chuyển sang dạng dựng sẵn (NFC): “x”: the text looks the same after


_SHOWN = 60  # code points of the new text quoted in a title
# A quotation mark is shown bare: “““ reads as noise.
_QUOTE_MARKS = frozenset("\"“”‘’'«»")


def _shown(text: str) -> Msg:
    """How a title shows the new text: white space by name, other text quoted, shortened."""
    if text in ui.WHITESPACE_NAMES:
        return ui.WHITESPACE_NAMES[text]
    if not text.strip():
        return ui.OTHER_WHITESPACE
    if text in _QUOTE_MARKS:
        return Msg(text, text)
    text = " ".join(text.split())
    if len(text) > _SHOWN:
        text = text[: _SHOWN - 1] + "…"
    return Msg(f"“{text}”", f"“{text}”")


def fix_title(start: int, end: int, content: str, wording: Wording = Wording.REPLACE) -> Msg:
    """The standard title of a fix that makes source[start:end] read `content`."""
    if wording is Wording.SPLIT:
        template = ui.FIX_SPLIT
    elif wording is Wording.NFC:
        template = ui.FIX_NFC
    elif not content:
        return ui.FIX_DELETE
    elif start == end:
        template = ui.FIX_INSERT
    else:
        template = ui.FIX_REPLACE
    shown = _shown(content)
    return Msg(template.vi.format(text=shown.vi), template.en.format(text=shown.en))


class Fix(NamedTuple):
    """Edits that correct a finding, a title, and how far they may be trusted.

    Rules build fixes with `Fix.safe`, `Fix.unsafe` or `Fix.suggestion` (or `Fix.of` when
    the applicability is decided at run time), which take no default applicability and write
    the title themselves from a small fixed vocabulary:

    - "Sửa thành “x”" / "Replace with “x”": source[start:end] becomes x;
    - "Xóa" / "Delete": x is empty;
    - "Thêm “x”" / "Insert “x”": the range is empty;
    - with `wording=Wording.SPLIT`: "Tách thành “x y”" / "Split into “x y”" (a glued token
      cut apart);
    - with `wording=Wording.NFC`: "Chuyển sang dạng dựng sẵn (NFC): “x”" / "Convert to NFC:
      “x”" (the text looks the same before and after).

    The words are in soat/lint/ui.py (FIX_*). White space is named ("một dấu cách" / "a space",
    "một dòng mới" / "a line break", "một dòng trống" / "a blank line"), a quotation mark is
    shown bare; other text is quoted with its whitespace runs collapsed and shortened to 60
    code points.

    `(start, end, content)` is what the fix does as the reader sees it. When smaller edits do
    it (one per syllable, keeping the line breaks between words), pass them as `edits`; they
    must lie inside start..end, and the title still quotes `content`.
    """

    title: Msg | str
    edits: tuple[Edit, ...]
    applicability: Applicability

    @classmethod
    def of(
        cls,
        applicability: Applicability,
        start: int,
        end: int,
        content: str = "",
        *,
        edits: tuple[Edit, ...] = (),
        wording: Wording = Wording.REPLACE,
    ) -> "Fix":
        if not isinstance(applicability, Applicability):
            raise TypeError(f"applicability must be an Applicability, not {applicability!r}")
        if edits and not all(start <= e.start <= e.end <= end for e in edits):
            raise ValueError(f"edits {edits} do not lie inside {start}..{end}")
        title = fix_title(start, end, content, wording)
        return cls(title, edits or (Edit(start, end, content),), applicability)

    @classmethod
    def safe(
        cls,
        start: int,
        end: int,
        content: str = "",
        *,
        edits: tuple[Edit, ...] = (),
        wording: Wording = Wording.REPLACE,
    ) -> "Fix":
        """A fix `--fix` applies: the reader reads the same article (§5.5)."""
        return cls.of(Applicability.SAFE, start, end, content, edits=edits, wording=wording)

    @classmethod
    def unsafe(
        cls,
        start: int,
        end: int,
        content: str = "",
        *,
        edits: tuple[Edit, ...] = (),
        wording: Wording = Wording.REPLACE,
    ) -> "Fix":
        """A fix applied only with `--fix --unsafe-fixes`: probably right, needs a human."""
        return cls.of(Applicability.UNSAFE, start, end, content, edits=edits, wording=wording)

    @classmethod
    def suggestion(
        cls,
        start: int,
        end: int,
        content: str = "",
        *,
        edits: tuple[Edit, ...] = (),
        wording: Wording = Wording.REPLACE,
    ) -> "Fix":
        """An alternative shown to the writer, never applied."""
        return cls.of(Applicability.SUGGESTION, start, end, content, edits=edits, wording=wording)


class Related(NamedTuple):
    message: Msg | str
    start: int
    end: int


class Diagnostic(Record):
    """One finding. `code`/`name` are stamped by the engine, `severity` too when unset.

    Two findings are equal when all but their `path` are (a plain class, soat/records.py)."""

    _fields = (
        "message",
        "start",
        "end",
        "fix",
        "suggestions",
        "related",
        "severity",
        "code",
        "name",
        "path",
    )
    _compared = _fields[:-1]

    def __init__(
        self,
        message: Msg | str,
        start: int,
        end: int,
        fix: Fix | None = None,
        suggestions: tuple[Fix, ...] = (),
        related: tuple[Related, ...] = (),
        severity: Severity | None = None,
        code: str = "",
        name: str = "",
        path: str = "",
    ) -> None:
        self.message = message
        self.start = start
        self.end = end
        self.fix = fix
        self.suggestions = suggestions
        self.related = related
        self.severity = severity
        self.code = code
        self.name = name
        self.path = path

    @property
    def level(self) -> Severity:
        """The severity the engine stamped (every reported diagnostic has one)."""
        if self.severity is None:
            raise ValueError(f"{self.code or 'diagnostic'} was not stamped by the engine")
        return self.severity
