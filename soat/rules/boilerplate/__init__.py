"""Boilerplate rules (BPL), in code order."""

from soat.rules.boilerplate import boilerplate_line

RULES = (boilerplate_line.RULE,)
