"""Rule metadata. A rule is a module with a `RULE = Rule(...)` value and a `check` function.

`check(ctx)` yields Diagnostics; `ctx` (soat.lint.context.Context) holds the document, the
rule's options, the knowledge and the document's memoised analyses (`ctx.get(analysis)`). A
rule never reads files, prints, mutates the document or keeps state between calls. The
engine stamps code, name and default severity on what it yields.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import functools
import re
import typing
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Annotated, Any, NamedTuple, Protocol

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Msg, Severity
from soat.records import Record

CODE_RE = re.compile(r"^[A-Z]{2,3}\d{3}$")
FAMILIES = ("CAP", "BPL", "REF", "DAT", "TTL", "SPL", "LEX", "TYP", "IO", "INT")


class CheckFunction(Protocol):
    """The signature of a rule's `check`: one context in, diagnostics out."""

    def __call__(self, ctx: Context[Any], /) -> Iterable[Diagnostic]: ...


class Example(NamedTuple):
    """A bad or good example, run by the test suite and printed by `soat rule CODE`."""

    text: str
    format: str = "txt"
    options: Mapping[str, Any] = MappingProxyType({})  # read-only: one default for all
    registry: str = ""  # a user registry (TOML) the example needs, e.g. a [[person]]


class Option(NamedTuple):
    """What one field of a rule's `Options` declares beyond its type and default, written
    `name: Annotated[type, Option(...)] = default`: the values it may take (`choices`), a
    check of values with a structure of their own (`validate`: why a value is wrong, or
    None), or the rules that pool their values of this list option (`pooled`, §8.4)."""

    choices: tuple = ()
    validate: Callable[[Any], str | None] | None = None
    pooled: tuple[str, ...] = ()


class OptionField(NamedTuple):
    """One option of a rule, as the engine reads it off the rule's `Options`."""

    name: str  # the field's name (the configuration spells it in kebab-case)
    hint: Any  # its type
    default: Any
    spec: Option


class NoOptions(NamedTuple):
    """For rules without options."""


class Rule(Record):
    """A rule: its code, name and documentation, its check, its examples, the kinds of fix
    it offers and its options. Never changed once made.

    `fixes`: every kind of fix the rule may offer (as `fix` or among `suggestions`); a
    property test checks that it offers no other. `masks_others`: the rule's findings cover
    text no other rule can read (mis-encoded text), and the engine drops other rules'
    findings inside them, so the run is reported once. `unreadable_hint`: for a file that
    is not UTF-8, what the rule can tell about its bytes (e.g. the legacy encoding it is in),
    added to IO001's message; None when it has nothing to say. `dated`: the rule judges a
    document without a date as of today (who holds a post, which document is in force): its
    findings may change from one day to the next, so the result cache keys them on the day.
    """

    _fields = (
        "code",
        "name",
        "summary",
        "explanation",
        "severity",
        "check",
        "bad",
        "good",
        "fixes",
        "options",
        "masks_others",
        "unreadable_hint",
        "dated",
    )
    __hash__ = Record.value_hash

    def __init__(
        self,
        code: str,
        name: str,
        summary: Msg,
        explanation: Msg,
        severity: Severity,
        check: CheckFunction,
        bad: tuple[Example, ...],
        good: tuple[Example, ...],
        fixes: frozenset[Applicability] = frozenset(),
        options: type = NoOptions,
        masks_others: bool = False,
        unreadable_hint: Callable[[bytes], Msg | None] | None = None,
        dated: bool = False,
    ) -> None:
        if not CODE_RE.match(code):
            raise ValueError(f"bad rule code {code!r}")
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name):
            raise ValueError(f"rule name {name!r} is not kebab-case")
        if not bad or not good:
            raise ValueError(f"{code} needs at least one bad and one good example")
        if not isinstance(fixes, frozenset) or not all(
            isinstance(kind, Applicability) for kind in fixes
        ):
            raise ValueError(f"{code}: fixes must be a frozenset of Applicability")
        self.code = code
        self.name = name
        self.summary = summary
        self.explanation = explanation
        self.severity = severity
        self.check = check
        self.bad = bad
        self.good = good
        self.fixes = fixes
        self.options = options
        self.masks_others = masks_others
        self.unreadable_hint = unreadable_hint
        self.dated = dated

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")

    def option_fields(self) -> dict[str, OptionField]:
        """Options by their configuration spelling (kebab-case)."""
        return option_fields(self.options)

    def default_options(self) -> Any:
        return self.options()

    def make_options(self, values: dict[str, Any]) -> Any:
        """Options from validated configuration values (keys in kebab-case)."""
        return self.options(**{k.replace("-", "_"): v for k, v in values.items()})

    def default_option_values(self) -> dict[str, Any]:
        defaults = self.options()
        return {key: getattr(defaults, f.name) for key, f in self.option_fields().items()}


@functools.cache
def option_fields(options: Any) -> dict[str, OptionField]:
    """The fields of a rule's `Options` (a named tuple) by their configuration spelling."""
    hints = typing.get_type_hints(options, include_extras=True)
    fields = {}
    for name in options._fields:
        hint, spec = hints.get(name, Any), Option()
        if typing.get_origin(hint) is Annotated:
            spec = next((m for m in hint.__metadata__ if isinstance(m, Option)), spec)
            hint = hint.__origin__
        default = options._field_defaults.get(name)
        fields[name.replace("_", "-")] = OptionField(name, hint, default, spec)
    return fields


# A code, or a family or code prefix: two or three letters and up to three digits.
_CODE_PREFIX_RE = re.compile(r"[A-Za-z]{2,3}\d{0,3}")


def selector_matches(selector: str, code: str, name: str) -> bool:
    """The one selector rule, for configuration, the command line and suppression comments:
    `ALL` (any case), a rule name (exactly: names are lower-case), or a code or a family or
    code prefix of two or three letters and up to three digits, in any case (TYP, typ,
    TYP00, Typ001)."""
    sel = selector.strip()
    if sel.upper() == "ALL" or sel == name:
        return True
    return bool(_CODE_PREFIX_RE.fullmatch(sel)) and code.startswith(sel.upper())


def matches_selector(rule: Rule, selector: str) -> bool:
    return selector_matches(selector, rule.code, rule.name)


def is_known_selector(selector: str, rules: Iterable[Rule]) -> bool:
    if selector.strip().upper() == "ALL":
        return True
    rules = [*rules, *ENGINE_RULES]
    if any(matches_selector(r, selector) for r in rules):
        return True
    # A family known to soat is valid even when no rule of it is loaded.
    return selector.strip().upper() in FAMILIES


# Engine pseudo-rules: reported by the engine itself, listed by `soat rules`.
def _no_check(ctx: Context[Any], /) -> Iterable[Diagnostic]:
    return ()


UNREADABLE_FILE = Rule(
    code="IO001",
    name="unreadable-file",
    summary=Msg("Không đọc được tệp", "File cannot be read"),
    explanation=Msg(
        "Tệp không phải UTF-8 (hay UTF-16, UTF-32 có BOM) hợp lệ, không mở được, lớn hơn "
        "10 MB, không phải tệp thông thường (FIFO, thiết bị), hoặc là thư mục không đọc được; "
        "với --fix: tệp chỉ đọc. soat báo vị trí byte lỗi đầu tiên và không bao giờ ghi vào "
        "tệp này.",
        "The file is not valid UTF-8 (or UTF-16 or UTF-32 with a BOM), cannot be opened, is "
        "larger than 10 MB, is not a regular file (a FIFO, a device), or is a folder that "
        "cannot be read; with --fix: the file is read-only. soat names the offset of the "
        "first bad byte and never writes the file.",
    ),
    severity=Severity.ERROR,
    check=_no_check,
    bad=(Example("(tệp mã hóa Windows-1258)"),),
    good=(Example("Tệp UTF-8 hợp lệ."),),
)

INTERNAL_ERROR = Rule(
    code="INT001",
    name="internal-error",
    summary=Msg("Quy tắc gặp lỗi nội bộ", "A rule raised an exception"),
    explanation=Msg(
        "Một quy tắc gặp lỗi khi kiểm tra tệp này. Các quy tắc và tệp khác vẫn được kiểm tra; "
        "mã thoát là 2. Hãy báo lỗi kèm tệp gây ra.",
        "A rule raised an exception on this file. Other rules and files still run; the exit "
        "status is 2. Please report it with the file.",
    ),
    severity=Severity.ERROR,
    check=_no_check,
    bad=(Example("(một quy tắc bị lỗi)"),),
    good=(Example("(mọi quy tắc chạy bình thường)"),),
)

ENGINE_RULES = (UNREADABLE_FILE, INTERNAL_ERROR)
