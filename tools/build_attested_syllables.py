"""Build soat/data/attested_syllables.tsv: the Vietnamese syllables that are really written,
with how often, and where each was seen.

Usage: python tools/build_attested_syllables.py [CORPUS_DIR ...]
(default: ../shared/corpus/clean and ../shared/corpus/raw/text).

Sources, recorded per syllable in the `sources` column:
- `corpus`: published Vietnamese news (the project's corpus; only counts are stored, as for
  syllable_freq.tsv — see soat/data/README-syllables.md);
- `names`: every syllable of the place names and variants in soat/data/places.toml and of
  the organisation names in soat/data/organizations.toml, and the surnames in
  soat/data/surnames.txt (proper names are real syllables even when news rarely writes them).
Counting is the one of tools/build_syllable_freq.py (NFC, lower case, letters-only words the
syllable validator accepts).
"""

from __future__ import annotations

import collections
import re
import sys
import unicodedata
from pathlib import Path

from soat.vi.syllables import is_valid_syllable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_syllable_freq import count_syllables  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "soat" / "data"


def name_syllables() -> set[str]:
    text = "\n".join(
        (DATA / name).read_text("utf-8")
        for name in ("places.toml", "organizations.toml", "surnames.txt")
    )
    words = re.findall(r"\w+", unicodedata.normalize("NFC", text))
    return {w.lower() for w in words if w.isalpha() and is_valid_syllable(w.lower())}


def main(argv: list[str]) -> int:
    shared = ROOT.parent / "shared" / "corpus"
    dirs = [Path(a) for a in argv[1:]] or [shared / "clean", shared / "raw" / "text"]
    counts: collections.Counter = collections.Counter()
    for d in dirs:
        c, files = count_syllables(d)
        counts.update(c)
        print(f"{d}: {files} files, {len(c)} distinct syllables")
    names = name_syllables()
    rows = []
    for syllable in sorted(set(counts) | names, key=lambda s: (-counts[s], s)):
        sources = ",".join(
            s for s, on in (("corpus", counts[syllable]), ("names", syllable in names)) if on
        )
        rows.append(f"{syllable}\t{counts[syllable]}\t{sources}")
    out = DATA / "attested_syllables.tsv"
    out.write_text("syllable\tcount\tsources\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} attested syllables ({len(names - set(counts))} from names only) -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
