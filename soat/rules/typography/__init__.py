"""Typography rules (TYP), in code order."""

from soat.rules.typography import unicode_nfc, whitespace

RULES = (whitespace.RULE, unicode_nfc.RULE)
