"""Build soat/data/syllable_freq.tsv: how often each valid syllable occurs in a corpus.

Usage: python tools/build_syllable_freq.py [CORPUS_DIR] [OUTPUT]
(defaults: ../shared/corpus/clean and soat/data/syllable_freq.tsv).

Every .txt file is read as UTF-8 and normalised to NFC; words are found with
soat.vi.tokens.iter_words (URLs, e-mail addresses, code and hashtags skipped); each word made
of letters only is lower-cased and counted if soat.vi.syllables.is_valid_syllable accepts it.
Only the counts are written, never text: one "syllable<TAB>count" line per syllable, most
frequent first, ties in code-point order.
"""

from __future__ import annotations

import collections
import sys
import unicodedata
from pathlib import Path

from soat.vi.syllables import is_valid_syllable
from soat.vi.tokens import iter_words

ROOT = Path(__file__).resolve().parent.parent


def count_syllables(corpus: Path) -> tuple[collections.Counter, int]:
    counts: collections.Counter = collections.Counter()
    files = 0
    for path in sorted(corpus.glob("*.txt")):
        files += 1
        text = unicodedata.normalize("NFC", path.read_text("utf-8", errors="replace"))
        for word in iter_words(text):
            if word.is_letters:
                lower = word.text.lower()
                if is_valid_syllable(lower):
                    counts[lower] += 1
    return counts, files


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "corpus" / "clean"
    output = Path(argv[2]) if len(argv) > 2 else ROOT / "soat" / "data" / "syllable_freq.tsv"
    counts, files = count_syllables(corpus)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    with open(output, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("syllable\tcount\n")
        for syllable, n in rows:
            fh.write(f"{syllable}\t{n}\n")
    print(f"{files} files, {sum(counts.values())} syllables, {len(rows)} distinct -> {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
