"""How often two syllables follow each other in published Vietnamese news.

Hai âm tiết đứng liền nhau thường gặp đến đâu: bảng đếm dùng chung cho các quy tắc chính tả
(SPL006 xếp gợi ý theo từ bên cạnh: "hoặt một" là "hoặc", "hoặt động" là "hoạt") và họ LEX.

The table is soat/data/syllable_bigrams.tsv, built by tools/build_attested_syllables.py from
the project's corpus (counts only, pairs seen at least ten times), one "syllable next<TAB>
count" line per pair in code-point order of the pair. It is not parsed: a lookup is a binary
search in the file's text (about 20 µs), so that a process that ranks a handful of
candidates does not pay for building 42,000 entries (about 40 ms).
"""

from __future__ import annotations

import functools

from soat.vi.data_files import read_text
from soat.vi.syllables import is_valid_syllable


@functools.lru_cache(maxsize=1)
def _text() -> str:
    text = read_text("syllable_bigrams.tsv")
    return text[text.index("\n") + 1 :]  # without the header line


def _search(text: str, key: str) -> int:
    """The count on the line of `text` whose pair is `key` (lines sorted by pair), or 0."""
    lo, hi = 0, len(text)  # both at the start of a line (or the end)
    while lo < hi:
        mid = (lo + hi) // 2
        start = text.rfind("\n", lo, mid) + 1 or lo
        end = text.find("\n", mid)
        end = len(text) if end < 0 else end  # the last line may have no newline
        pair, _, count = text[start:end].partition("\t")
        if pair == key:
            return int(count)
        if pair < key:
            lo = end + 1
        else:
            hi = start
    return 0


@functools.lru_cache(maxsize=65536)
def _lookup(key: str) -> int:
    return _search(_text(), key)


def bigram(first: str | None, second: str | None) -> int:
    """How often `first` is followed by `second` (0 when either is None, or the pair is
    rarer than the table keeps)."""
    if not first or not second:
        return 0
    first, second = first.lower(), second.lower()
    if not (is_valid_syllable(first) and is_valid_syllable(second)):
        return 0  # the table pairs valid syllables only: a word of look-alike letters is in none
    return _lookup(f"{first} {second}")


def bigram_counts() -> dict[str, int]:
    """The whole table, "syllable next" -> count (for tests and tools; rules use bigram())."""
    out = {}
    for line in _text().splitlines():
        pair, _, count = line.partition("\t")
        out[pair] = int(count)
    return out
