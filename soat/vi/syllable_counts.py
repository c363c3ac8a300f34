"""How often Vietnamese writes each syllable: soat/data/attested_syllables.tsv (built by
tools/build_attested_syllables.py from published news, the place and name data and Unihan's
Vietnamese readings), read once.
"""

from __future__ import annotations

import functools
from importlib import resources


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[str, int], frozenset[str], frozenset[str]]:
    text = (resources.files("soat") / "data" / "attested_syllables.tsv").read_text("utf-8")
    fields = text.split()[3:]  # after the header: syllable, count, sources, ...
    syllables, numbers, sources = fields[0::3], fields[1::3], fields[2::3]
    counts = dict(zip(syllables, map(int, numbers), strict=True))
    unwritten = frozenset(s for s, n in counts.items() if not n)
    counts.update(dict.fromkeys(unwritten, 1))
    listed = frozenset(s for s, src in zip(syllables, sources, strict=True) if src != "corpus")
    return counts, listed, unwritten


def attested_counts() -> dict[str, int]:
    """Attested syllable (lower case, NFC) -> times written; ones only in the name data or
    Unihan count 1."""
    return _table()[0]


def listed_syllables() -> frozenset[str]:
    """Syllables a list names as real (place, organisation and family names, Unihan's
    Vietnamese readings), however rarely news writes them."""
    return _table()[1]


def count(syllable: str) -> int:
    return attested_counts().get(syllable.lower(), 0)


def corpus_count(syllable: str) -> int:
    """Times the corpus writes `syllable`: 0 for one that only a list names."""
    lower = syllable.lower()
    return 0 if lower in _table()[2] else attested_counts().get(lower, 0)
