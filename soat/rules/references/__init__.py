"""Rules of this family, in code order."""

from soat.rules.references import (
    inconsistent_citation,
    malformed_symbol,
    registry_conflict,
    superseded,
    type_mismatch,
    year_mismatch,
)

RULES = (
    malformed_symbol.RULE,
    type_mismatch.RULE,
    year_mismatch.RULE,
    inconsistent_citation.RULE,
    registry_conflict.RULE,
    superseded.RULE,
)
