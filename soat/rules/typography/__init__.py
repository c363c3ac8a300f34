"""Typography rules (TYP), in code order."""

from soat.rules.typography import whitespace

RULES = (whitespace.RULE,)
