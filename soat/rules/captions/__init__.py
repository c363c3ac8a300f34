"""Rules of this family, in code order."""

RULES = ()
