"""Rules of this family, in code order."""

from soat.rules.spelling import place_name, term_case

RULES = (place_name.RULE, term_case.RULE)
