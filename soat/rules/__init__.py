"""The explicit list of soat's rules. Each family package lists its own rules in code order.

A test checks that every rule module is listed here exactly once.
"""

from soat.rules import boilerplate, captions, dates, lex, references, spelling, titles, typography

ALL_RULES = (
    *captions.RULES,
    *boilerplate.RULES,
    *references.RULES,
    *dates.RULES,
    *titles.RULES,
    *spelling.RULES,
    *lex.RULES,
    *typography.RULES,
)
