"""Build soat/data/attested_syllables.tsv: the Vietnamese syllables that are really written,
with how often, and where each was seen.

Usage: python tools/build_attested_syllables.py [--unihan FILE] [CORPUS_DIR ...]
(default: ../shared/corpus/clean and ../shared/corpus/raw/text; Unihan_Readings.txt, plain
or .bz2, default the one Debian's unicode-data package installs).

Sources, recorded per syllable in the `sources` column:
- `corpus`: published Vietnamese news (the project's corpus; only counts are stored, as for
  syllable_freq.tsv — see soat/data/README-syllables.md);
- `names`: every syllable of the place names and variants in soat/data/places.toml and of
  the organisation names in soat/data/organizations.toml, and the surnames in
  soat/data/surnames.txt (proper names are real syllables even when news rarely writes them);
- `unihan`: the kVietnamese readings of the Unicode Han Database (Unihan_Readings.txt,
  Unicode 15.0; https://www.unicode.org/reports/tr38/), Sino-Vietnamese and Nôm readings of
  CJK characters, so real Vietnamese syllables, many of them rare in news ("tằm", "quạ").
  Licence: Unicode License (https://spdx.github.io/license-list-data/Unicode-3.0.html):
  "Permission is hereby granted, free of charge, to any person obtaining a copy of data
  files ... to deal in the Data Files or Software without restriction"; the notice it asks
  for is soat/data/LICENSE-unihan.txt.

It also writes soat/data/syllable_bigrams.tsv: how often two syllables follow each other
(same paragraph, only spaces between) in the same corpus, pairs seen at least
MIN_BIGRAM_COUNT times; SPL006 ranks its candidates with it ("hoặt một" -> hoặc).
Counting is the one of tools/build_syllable_freq.py (NFC, lower case, letters-only words the
syllable validator accepts).
"""

from __future__ import annotations

import bz2
import collections
import re
import sys
import unicodedata
from pathlib import Path

from soat.vi.syllables import is_valid_syllable
from soat.vi.tokens import iter_words

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_syllable_freq import count_syllables  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "soat" / "data"
UNIHAN = Path("/usr/share/unicode/Unihan_Readings.txt.bz2")
MIN_BIGRAM_COUNT = 10  # rarer pairs say little and would make the table large


def unihan_syllables(path: Path) -> set[str]:
    """The kVietnamese readings of Unihan that the syllable validator accepts."""
    opener = bz2.open if path.suffix == ".bz2" else open
    out = set()
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[1] == "kVietnamese":
                for reading in parts[2].split():
                    lower = unicodedata.normalize("NFC", reading).lower()
                    if is_valid_syllable(lower):
                        out.add(lower)
    return out


def count_bigrams(corpus: Path) -> collections.Counter:
    """(syllable, next syllable) -> times, both valid syllables with only spaces (one line
    break at most) between them."""
    counts: collections.Counter = collections.Counter()
    for path in sorted(corpus.glob("*.txt")):
        text = unicodedata.normalize("NFC", path.read_text("utf-8", errors="replace"))
        prev: tuple[str, int] | None = None
        for word in iter_words(text):
            lower = word.text.lower()
            ok = word.is_letters and is_valid_syllable(lower)
            if ok and prev is not None:
                gap = text[prev[1] : word.start]
                if gap.isspace() and gap.count("\n") < 2:
                    counts[prev[0], lower] += 1
            prev = (lower, word.end) if ok else None
    return counts


def name_syllables() -> set[str]:
    text = "\n".join(
        (DATA / name).read_text("utf-8")
        for name in ("places.toml", "organizations.toml", "surnames.txt")
    )
    words = re.findall(r"\w+", unicodedata.normalize("NFC", text))
    return {w.lower() for w in words if w.isalpha() and is_valid_syllable(w.lower())}


def main(argv: list[str]) -> int:
    args = argv[1:]
    unihan_path = UNIHAN
    if args[:1] == ["--unihan"]:
        unihan_path, args = Path(args[1]), args[2:]
    shared = ROOT.parent / "shared" / "corpus"
    dirs = [Path(a) for a in args] or [shared / "clean", shared / "raw" / "text"]
    counts: collections.Counter = collections.Counter()
    bigrams: collections.Counter = collections.Counter()
    for d in dirs:
        c, files = count_syllables(d)
        counts.update(c)
        bigrams.update(count_bigrams(d))
        print(f"{d}: {files} files, {len(c)} distinct syllables")
    names = name_syllables()
    unihan = unihan_syllables(unihan_path)
    print(f"{unihan_path}: {len(unihan)} valid kVietnamese readings")
    rows = []
    for syllable in sorted(set(counts) | names | unihan, key=lambda s: (-counts[s], s)):
        sources = ",".join(
            s
            for s, on in (
                ("corpus", counts[syllable]),
                ("names", syllable in names),
                ("unihan", syllable in unihan),
            )
            if on
        )
        rows.append(f"{syllable}\t{counts[syllable]}\t{sources}")
    out = DATA / "attested_syllables.tsv"
    out.write_text("syllable\tcount\tsources\n" + "\n".join(rows) + "\n", encoding="utf-8")
    only = (names | unihan) - set(counts)
    print(f"{len(rows)} attested syllables ({len(only)} from names or Unihan only) -> {out}")
    # in code-point order of "syllable next": soat.vi.bigrams looks pairs up by binary search
    pairs = sorted(
        ((a, b, n) for (a, b), n in bigrams.items() if n >= MIN_BIGRAM_COUNT),
        key=lambda t: f"{t[0]} {t[1]}",
    )
    out = DATA / "syllable_bigrams.tsv"
    out.write_text(
        "pair\tcount\n" + "".join(f"{a} {b}\t{n}\n" for a, b, n in pairs),
        encoding="utf-8",
    )
    print(f"{len(pairs)} bigrams seen at least {MIN_BIGRAM_COUNT} times -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
