"""How often two syllables follow each other in published Vietnamese news.

Hai âm tiết đứng liền nhau thường gặp đến đâu: bảng đếm dùng chung cho các quy tắc chính tả
(SPL006 xếp gợi ý theo từ bên cạnh: "hoặt một" là "hoặc", "hoặt động" là "hoạt") và họ LEX.

The table is soat/data/syllable_bigrams.tsv, built by tools/build_attested_syllables.py from
the project's corpus (counts only, pairs seen at least ten times). It is read on first use
(about 42,000 pairs), which happens only when a rule has candidates to rank.
"""

from __future__ import annotations

import functools
from importlib import resources


@functools.lru_cache(maxsize=1)
def bigram_counts() -> dict[str, str]:
    """ "syllable next" (lower case, NFC, one space) -> times written in that order, as
    digits (the file is split in one pass, without a Python loop: about 20 ms)."""
    text = (resources.files("soat") / "data" / "syllable_bigrams.tsv").read_text("utf-8")
    fields = text.split()[2:]  # after the header "pair count": first, next, count, ...
    pairs = map(" ".join, zip(fields[0::3], fields[1::3], strict=True))
    return dict(zip(pairs, fields[2::3], strict=True))


def bigram(first: str | None, second: str | None) -> int:
    """How often `first` is followed by `second` (0 when either is None, or the pair is
    rarer than the table keeps)."""
    if not first or not second:
        return 0
    return int(bigram_counts().get(f"{first.lower()} {second.lower()}", 0))
