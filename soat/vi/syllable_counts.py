"""How often Vietnamese writes each syllable: soat/data/attested_syllables.tsv (built by
tools/build_attested_syllables.py from published news, the place and name data and Unihan's
Vietnamese readings), read once.
"""

from __future__ import annotations

import functools
from itertools import compress

from soat.vi.data_files import derived


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, int], frozenset[str], frozenset[str]]:
    """(attested_counts, _unwritten, listed_syllables): built from the file by the first
    process, then read from the cache of soat/vi/data_files.py (building them costs a cold
    start ~25 M instructions, reading them about a third of that)."""
    return derived("attested_syllables.tsv", _build_tables)


def _build_tables(text: str) -> tuple[dict[str, int], frozenset[str], frozenset[str]]:
    fields = text.split()[3:]  # the columns after the header: syllable, count, sources
    syllables, numbers, sources = fields[0::3], fields[1::3], fields[2::3]
    unwritten = frozenset(compress(syllables, map("0".__eq__, numbers)))
    counts = dict(zip(syllables, map(int, numbers), strict=True))
    counts.update(dict.fromkeys(unwritten, 1))
    listed = frozenset(compress(syllables, map("corpus".__ne__, sources)))
    return counts, unwritten, listed


def attested_counts() -> dict[str, int]:
    """Attested syllable (lower case, NFC) -> times written; ones only in the name data or
    Unihan count 1."""
    return _tables()[0]


def _unwritten() -> frozenset[str]:
    """The syllables the corpus never writes (count 0 in the file: only a list names them)."""
    return _tables()[1]


def listed_syllables() -> frozenset[str]:
    """Syllables a list names as real (place, organisation and family names, Unihan's
    Vietnamese readings), however rarely news writes them."""
    return _tables()[2]


def count(syllable: str) -> int:
    return attested_counts().get(syllable.lower(), 0)


def corpus_count(syllable: str) -> int:
    """Times the corpus writes `syllable`: 0 for one that only a list names."""
    lower = syllable.lower()
    return 0 if lower in _unwritten() else attested_counts().get(lower, 0)
