"""Caption rules (CAP), in code order."""

from soat.rules.captions import duplicate_caption, repeated_paragraph

RULES = (duplicate_caption.RULE, repeated_paragraph.RULE)
