"""The explicit list of soat's rules, imported lazily.

REGISTRY names each rule's code, name and module in code order within its family; ALL_RULES
holds one `RuleRef` per entry, which selection (codes, families, names) reads without
importing anything. A rule's module is imported the first time anything else of it is read
(its check, options, docs), so `--select SPL001` imports SPL001's module and what it uses,
not the other rules'. A test checks that every rule module is listed here exactly once and
that each entry's code and name are its RULE's.
"""

from __future__ import annotations

import importlib
from typing import Any, cast

from soat.lint.rule import Rule

REGISTRY: tuple[tuple[str, str, str], ...] = (
    ("CAP001", "duplicate-caption", "soat.rules.captions.duplicate_caption"),
    ("CAP002", "repeated-paragraph", "soat.rules.captions.repeated_paragraph"),
    ("BPL001", "boilerplate-line", "soat.rules.boilerplate.boilerplate_line"),
    ("BPL002", "trailing-furniture", "soat.rules.boilerplate.trailing_furniture"),
    ("BPL003", "markup-remnant", "soat.rules.boilerplate.markup_remnant"),
    ("REF001", "malformed-symbol", "soat.rules.references.malformed_symbol"),
    ("REF002", "type-mismatch", "soat.rules.references.type_mismatch"),
    ("REF003", "year-mismatch", "soat.rules.references.year_mismatch"),
    ("REF004", "inconsistent-citation", "soat.rules.references.inconsistent_citation"),
    ("REF005", "registry-conflict", "soat.rules.references.registry_conflict"),
    ("REF006", "superseded-document", "soat.rules.references.superseded"),
    ("DAT001", "impossible-date", "soat.rules.dates.impossible_date"),
    ("DAT002", "date-style", "soat.rules.dates.date_style"),
    ("DAT003", "weekday-mismatch", "soat.rules.dates.weekday_mismatch"),
    ("TTL001", "conflicting-titles", "soat.rules.titles.conflicting_titles"),
    ("TTL002", "post-held-twice", "soat.rules.titles.post_held_twice"),
    ("TTL003", "name-variant", "soat.rules.titles.name_variant"),
    ("TTL004", "registry-title", "soat.rules.titles.registry_title"),
    ("TTL005", "title-case", "soat.rules.titles.title_case"),
    ("TTL006", "abbreviation-intro", "soat.rules.titles.abbreviation_intro"),
    ("SPL001", "invalid-syllable", "soat.rules.spelling.invalid_syllable"),
    ("SPL002", "tone-style", "soat.rules.spelling.tone_style"),
    ("SPL003", "place-name", "soat.rules.spelling.place_name"),
    ("SPL004", "term-case", "soat.rules.spelling.term_case"),
    ("SPL005", "variant-spelling", "soat.rules.spelling.variant_spelling"),
    ("SPL006", "unattested-syllable", "soat.rules.spelling.unattested_syllable"),
    ("LEX001", "confused-word", "soat.rules.lex.confused_word"),
    ("TYP001", "whitespace", "soat.rules.typography.whitespace"),
    ("TYP002", "punctuation-space", "soat.rules.typography.punctuation_space"),
    ("TYP003", "ellipsis", "soat.rules.typography.ellipsis"),
    ("TYP004", "quotes", "soat.rules.typography.quotes"),
    ("TYP005", "unicode-nfc", "soat.rules.typography.unicode_nfc"),
    ("TYP006", "dash", "soat.rules.typography.dash"),
    ("TYP007", "legacy-encoding", "soat.rules.typography.legacy_encoding"),
)


class RuleRef:
    """A rule by its code and name; anything else is read from its module's RULE, imported
    on first use. Stands for the Rule wherever the engine takes one."""

    __slots__ = ("code", "name", "module", "_rule", "__dict__")

    def __init__(self, code: str, name: str, module: str) -> None:
        self.code = code
        self.name = name
        self.module = module
        self._rule: Rule | None = None

    @property
    def rule(self) -> Rule:
        """The rule itself (its module imported now if it was not yet)."""
        if self._rule is None:
            rule = importlib.import_module(self.module).RULE
            if (rule.code, rule.name) != (self.code, self.name):
                raise ImportError(
                    f"{self.module} defines {rule.code} {rule.name}, "
                    f"the registry says {self.code} {self.name}"
                )
            self._rule = rule
            # Its fields from now on without a detour through __getattr__ (rule.check is
            # read for every document).
            self.__dict__.update(
                (f, getattr(rule, f))
                for f in Rule.__dataclass_fields__
                if f not in ("code", "name")
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


_REFS = tuple(RuleRef(code, name, module) for code, name, module in REGISTRY)


def rule_ref(code: str) -> RuleRef:
    """The one RuleRef of `code` in this process (how a pickled ref comes back)."""
    return next(r for r in _REFS if r.code == code)


# Typed as rules: a RuleRef answers for every attribute and method of its Rule.
ALL_RULES = cast(tuple[Rule, ...], _REFS)


def family_rules(package: str) -> tuple[Rule, ...]:
    """The rules of a family package ("soat.rules.dates"), in code order."""
    return tuple(r.rule for r in _REFS if r.module.startswith(package + "."))
