"""How often Vietnamese writes each syllable: soat/data/attested_syllables.tsv (built by
tools/build_attested_syllables.py from published news, the place and name data and Unihan's
Vietnamese readings), read once.
"""

from __future__ import annotations

import functools
from itertools import compress

from soat.vi.data_files import read_text


@functools.lru_cache(maxsize=1)
def _fields() -> tuple[list[str], list[str], list[str]]:
    """The file's columns after the header: syllable, count, sources."""
    text = read_text("attested_syllables.tsv")
    fields = text.split()[3:]
    return fields[0::3], fields[1::3], fields[2::3]


@functools.lru_cache(maxsize=1)
def attested_counts() -> dict[str, int]:
    """Attested syllable (lower case, NFC) -> times written; ones only in the name data or
    Unihan count 1."""
    syllables, numbers, _ = _fields()
    counts = dict(zip(syllables, map(int, numbers), strict=True))
    counts.update(dict.fromkeys(_unwritten(), 1))
    return counts


@functools.lru_cache(maxsize=1)
def _unwritten() -> frozenset[str]:
    """The syllables the corpus never writes (count 0 in the file: only a list names them)."""
    syllables, numbers, _ = _fields()
    return frozenset(compress(syllables, map("0".__eq__, numbers)))


@functools.lru_cache(maxsize=1)
def listed_syllables() -> frozenset[str]:
    """Syllables a list names as real (place, organisation and family names, Unihan's
    Vietnamese readings), however rarely news writes them."""
    syllables, _, sources = _fields()
    return frozenset(compress(syllables, map("corpus".__ne__, sources)))


def count(syllable: str) -> int:
    return attested_counts().get(syllable.lower(), 0)


def corpus_count(syllable: str) -> int:
    """Times the corpus writes `syllable`: 0 for one that only a list names."""
    lower = syllable.lower()
    return 0 if lower in _unwritten() else attested_counts().get(lower, 0)
