"""Rules of this family, in code order."""

from soat.rules.spelling import (
    invalid_syllable,
    place_name,
    term_case,
    tone_style,
    unattested_syllable,
    variant_spelling,
)

RULES = (
    invalid_syllable.RULE,
    tone_style.RULE,
    place_name.RULE,
    term_case.RULE,
    variant_spelling.RULE,
    unattested_syllable.RULE,
)
