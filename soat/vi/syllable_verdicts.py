"""The spelling rules' word questions answered on every valid syllable:
soat/data/syllable_verdicts.txt (written by tools/build_syllable_verdicts.py; see
soat/data/README-syllables.md), read once.
"""

from __future__ import annotations

import functools

from soat.vi.data_files import read_text

FILE = "syllable_verdicts.txt"


@functools.lru_cache(maxsize=1)
def preset_verdicts() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """The words the table answers for (every valid syllable, in lower case and capitalised)
    and, for each question's name, those of them it answers yes."""
    yes: dict[str, frozenset[str]] = {}
    syllables: list[str] = []
    for line in read_text(FILE).splitlines():
        if line.startswith("#"):
            continue
        name, _, words = line.partition(" ")
        if name == "syllables":
            syllables = words.split()
        else:
            yes[name] = frozenset(words.split())
    return frozenset(syllables).union(map(str.capitalize, syllables)), yes
