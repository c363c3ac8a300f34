"""Boilerplate rules (BPL), in code order.

Imported when RULES is first read: soat.rules.REGISTRY lists them.
"""

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "RULES":
        from soat.rules import family_rules

        return family_rules(__name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
