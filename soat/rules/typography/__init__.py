"""Typography rules (TYP), in code order."""

from soat.rules.typography import (
    dash,
    ellipsis,
    legacy_encoding,
    punctuation_space,
    quotes,
    unicode_nfc,
    whitespace,
)

RULES = (
    whitespace.RULE,
    punctuation_space.RULE,
    ellipsis.RULE,
    quotes.RULE,
    unicode_nfc.RULE,
    dash.RULE,
    legacy_encoding.RULE,
)
