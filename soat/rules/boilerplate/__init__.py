"""Boilerplate rules (BPL), in code order."""

from soat.rules.boilerplate import boilerplate_line, markup_remnant, trailing_furniture

RULES = (boilerplate_line.RULE, trailing_furniture.RULE, markup_remnant.RULE)
