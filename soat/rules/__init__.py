"""The explicit list of soat's rules, imported lazily.

REGISTRY names each rule's code, name, module and loader (a function whose one import
statement imports the module) in code order within its family, and DATED the rules that
judge an undated document as of today (`Rule.dated`: the result cache keys their findings
on the day, without importing them); ALL_RULES
holds one `RuleRef` per entry, which selection (codes, families, names) reads without
importing anything. A rule's module is imported the first time anything else of it is read
(its check, options, docs), so `--select SPL001` imports SPL001's module and what it uses,
not the other rules'. A test checks that every rule module is listed here exactly once and
that each entry's code and name are its RULE's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from soat.lint.rule import Rule

# One loader per rule: a plain import statement run on first use, so the rule modules are
# imported lazily and yet every dependency is an import the architecture test can read.


def _cap001() -> Rule:
    from soat.rules.captions.duplicate_caption import RULE

    return RULE


def _cap002() -> Rule:
    from soat.rules.captions.repeated_paragraph import RULE

    return RULE


def _bpl001() -> Rule:
    from soat.rules.boilerplate.boilerplate_line import RULE

    return RULE


def _bpl002() -> Rule:
    from soat.rules.boilerplate.trailing_furniture import RULE

    return RULE


def _bpl003() -> Rule:
    from soat.rules.boilerplate.markup_remnant import RULE

    return RULE


def _ref001() -> Rule:
    from soat.rules.references.malformed_symbol import RULE

    return RULE


def _ref002() -> Rule:
    from soat.rules.references.type_mismatch import RULE

    return RULE


def _ref003() -> Rule:
    from soat.rules.references.year_mismatch import RULE

    return RULE


def _ref004() -> Rule:
    from soat.rules.references.inconsistent_citation import RULE

    return RULE


def _ref005() -> Rule:
    from soat.rules.references.registry_conflict import RULE

    return RULE


def _ref006() -> Rule:
    from soat.rules.references.superseded import RULE

    return RULE


def _dat001() -> Rule:
    from soat.rules.dates.impossible_date import RULE

    return RULE


def _dat002() -> Rule:
    from soat.rules.dates.date_style import RULE

    return RULE


def _dat003() -> Rule:
    from soat.rules.dates.weekday_mismatch import RULE

    return RULE


def _ttl001() -> Rule:
    from soat.rules.titles.conflicting_titles import RULE

    return RULE


def _ttl002() -> Rule:
    from soat.rules.titles.post_held_twice import RULE

    return RULE


def _ttl003() -> Rule:
    from soat.rules.titles.name_variant import RULE

    return RULE


def _ttl004() -> Rule:
    from soat.rules.titles.registry_title import RULE

    return RULE


def _ttl005() -> Rule:
    from soat.rules.titles.title_case import RULE

    return RULE


def _ttl006() -> Rule:
    from soat.rules.titles.abbreviation_intro import RULE

    return RULE


def _spl001() -> Rule:
    from soat.rules.spelling.invalid_syllable import RULE

    return RULE


def _spl002() -> Rule:
    from soat.rules.spelling.tone_style import RULE

    return RULE


def _spl003() -> Rule:
    from soat.rules.spelling.place_name import RULE

    return RULE


def _spl004() -> Rule:
    from soat.rules.spelling.term_case import RULE

    return RULE


def _spl005() -> Rule:
    from soat.rules.spelling.variant_spelling import RULE

    return RULE


def _spl006() -> Rule:
    from soat.rules.spelling.unattested_syllable import RULE

    return RULE


def _lex001() -> Rule:
    from soat.rules.lex.confused_word import RULE

    return RULE


def _typ001() -> Rule:
    from soat.rules.typography.whitespace import RULE

    return RULE


def _typ002() -> Rule:
    from soat.rules.typography.punctuation_space import RULE

    return RULE


def _typ003() -> Rule:
    from soat.rules.typography.ellipsis import RULE

    return RULE


def _typ004() -> Rule:
    from soat.rules.typography.quotes import RULE

    return RULE


def _typ005() -> Rule:
    from soat.rules.typography.unicode_nfc import RULE

    return RULE


def _typ006() -> Rule:
    from soat.rules.typography.dash import RULE

    return RULE


def _typ007() -> Rule:
    from soat.rules.typography.legacy_encoding import RULE

    return RULE


REGISTRY: tuple[tuple[str, str, str, Callable[[], Rule]], ...] = (
    ("CAP001", "duplicate-caption", "soat.rules.captions.duplicate_caption", _cap001),
    ("CAP002", "repeated-paragraph", "soat.rules.captions.repeated_paragraph", _cap002),
    ("BPL001", "boilerplate-line", "soat.rules.boilerplate.boilerplate_line", _bpl001),
    ("BPL002", "trailing-furniture", "soat.rules.boilerplate.trailing_furniture", _bpl002),
    ("BPL003", "markup-remnant", "soat.rules.boilerplate.markup_remnant", _bpl003),
    ("REF001", "malformed-symbol", "soat.rules.references.malformed_symbol", _ref001),
    ("REF002", "type-mismatch", "soat.rules.references.type_mismatch", _ref002),
    ("REF003", "year-mismatch", "soat.rules.references.year_mismatch", _ref003),
    ("REF004", "inconsistent-citation", "soat.rules.references.inconsistent_citation", _ref004),
    ("REF005", "registry-conflict", "soat.rules.references.registry_conflict", _ref005),
    ("REF006", "superseded-document", "soat.rules.references.superseded", _ref006),
    ("DAT001", "impossible-date", "soat.rules.dates.impossible_date", _dat001),
    ("DAT002", "date-style", "soat.rules.dates.date_style", _dat002),
    ("DAT003", "weekday-mismatch", "soat.rules.dates.weekday_mismatch", _dat003),
    ("TTL001", "conflicting-titles", "soat.rules.titles.conflicting_titles", _ttl001),
    ("TTL002", "post-held-twice", "soat.rules.titles.post_held_twice", _ttl002),
    ("TTL003", "name-variant", "soat.rules.titles.name_variant", _ttl003),
    ("TTL004", "registry-title", "soat.rules.titles.registry_title", _ttl004),
    ("TTL005", "title-case", "soat.rules.titles.title_case", _ttl005),
    ("TTL006", "abbreviation-intro", "soat.rules.titles.abbreviation_intro", _ttl006),
    ("SPL001", "invalid-syllable", "soat.rules.spelling.invalid_syllable", _spl001),
    ("SPL002", "tone-style", "soat.rules.spelling.tone_style", _spl002),
    ("SPL003", "place-name", "soat.rules.spelling.place_name", _spl003),
    ("SPL004", "term-case", "soat.rules.spelling.term_case", _spl004),
    ("SPL005", "variant-spelling", "soat.rules.spelling.variant_spelling", _spl005),
    ("SPL006", "unattested-syllable", "soat.rules.spelling.unattested_syllable", _spl006),
    ("LEX001", "confused-word", "soat.rules.lex.confused_word", _lex001),
    ("TYP001", "whitespace", "soat.rules.typography.whitespace", _typ001),
    ("TYP002", "punctuation-space", "soat.rules.typography.punctuation_space", _typ002),
    ("TYP003", "ellipsis", "soat.rules.typography.ellipsis", _typ003),
    ("TYP004", "quotes", "soat.rules.typography.quotes", _typ004),
    ("TYP005", "unicode-nfc", "soat.rules.typography.unicode_nfc", _typ005),
    ("TYP006", "dash", "soat.rules.typography.dash", _typ006),
    ("TYP007", "legacy-encoding", "soat.rules.typography.legacy_encoding", _typ007),
)


DATED = frozenset({"REF006", "TTL003", "TTL004"})


class RuleRef:
    """A rule by its code and name; anything else is read from its module's RULE, imported
    on first use. Stands for the Rule wherever the engine takes one."""

    __slots__ = ("code", "name", "module", "_load", "_rule", "__dict__")

    def __init__(self, code: str, name: str, module: str, load: Callable[[], Rule]) -> None:
        self.code = code
        self.name = name
        self.module = module
        self._load = load
        self._rule: Rule | None = None
        self.__dict__["dated"] = code in DATED

    @property
    def rule(self) -> Rule:
        """The rule itself (its module imported now if it was not yet)."""
        if self._rule is None:
            rule = self._load()
            if (rule.code, rule.name, rule.dated) != (self.code, self.name, self.dated):
                raise ImportError(
                    f"{self.module} defines {rule.code} {rule.name} (dated: {rule.dated}), "
                    f"the registry says {self.code} {self.name} (dated: {self.dated})"
                )
            self._rule = rule
            # Its fields from now on without a detour through __getattr__ (rule.check is
            # read for every document).
            self.__dict__.update(
                (f, getattr(rule, f)) for f in Rule._fields if f not in ("code", "name")
            )
        return self._rule

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")

    def __getattr__(self, attr: str) -> Any:  # only for what is not set on the ref itself
        if attr.startswith("__"):
            raise AttributeError(attr)
        return getattr(self.rule, attr)

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return rule_ref, (self.code,)

    def __repr__(self) -> str:
        return f"RuleRef({self.code!r}, {self.name!r})"


_REFS = tuple(RuleRef(code, name, module, load) for code, name, module, load in REGISTRY)


def rule_ref(code: str) -> RuleRef:
    """The one RuleRef of `code` in this process (how a pickled ref comes back)."""
    return next(r for r in _REFS if r.code == code)


# Typed as rules: a RuleRef answers for every attribute and method of its Rule.
ALL_RULES = cast(tuple[Rule, ...], _REFS)


def family_rules(package: str) -> tuple[Rule, ...]:
    """The rules of a family package ("soat.rules.dates"), in code order."""
    return tuple(r.rule for r in _REFS if r.module.startswith(package + "."))
