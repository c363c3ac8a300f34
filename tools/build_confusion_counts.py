"""Rebuild the `counts` of every entry of soat/data/confusions.toml from a corpus.

    python tools/build_confusion_counts.py [CORPUS_DIR]   (default ../shared/corpus/clean)

For each [[confusion]] entry: how often its wrong forms (outside the entry's guards, as LEX001
matches them) and its right form occur in the corpus's .txt files, case-insensitively, on
syllable boundaries, across line breaks. Only the numbers are written back (the `counts`
line of each entry); no corpus text enters the repository. A wrong form that is common in
edited news deserves a second look before it is called an error.

The counts are for the maintainers; LEX001 does not read them. Its evidence from context at
run time is the syllable-pair table shared with SPL006 (soat/data/syllable_bigrams.tsv, see
soat.vi.confusions.bound_outward). The table cannot stand in for these counts: it keeps pairs
seen 10 times or more, and real errors are rarer: of the 387 entries whose forms have two
syllables, 15 have a wrong form written in clean/ outside their guards, and the table holds
none of those 15; it holds 3 other wrong forms, only as two words that meet ("khả năng | xuất
khẩu", "tiếp nhận | chức năng", "triển khai | chương trình"), which it decides by itself.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soat.vi.confusion_data import builtin_confusions  # noqa: E402
from soat.vi.confusions import (  # noqa: E402
    ConfusionMatcher,
    normalize_form,
)

DATA = ROOT / "soat" / "data" / "confusions.toml"
CORPUS = ROOT.parent / "shared" / "corpus" / "clean"
_COUNTS_RE = re.compile(r"^counts = \{[^}\n]*\}$", re.MULTILINE)


def _form_regex(form: str) -> str:
    body = r"\s+".join(re.escape(part) for part in form.split(" "))
    return rf"(?<!\w){body}(?!\w)"


def count_entries(texts: list[str]) -> list[tuple[int, int]]:
    """(wrong, right) occurrences for each built-in entry, in file order."""
    entries = builtin_confusions()
    wrong_counts = {id(e): 0 for e in entries}
    matcher = ConfusionMatcher(entries)  # a wrong form belongs to one entry only
    for text in texts:
        for match in matcher.find(text):
            wrong_counts[id(match.entry)] += 1
    rights = sorted({normalize_form(e.right) for e in entries})
    right_re = {r: re.compile(_form_regex(r)) for r in rights}
    lowered = [t.lower() for t in texts]
    right_counts = {r: sum(len(rx.findall(t)) for t in lowered) for r, rx in right_re.items()}
    return [(wrong_counts[id(e)], right_counts[normalize_form(e.right)]) for e in entries]


def rewrite(text: str, counts: list[tuple[int, int]]) -> str:
    lines = iter(counts)

    def repl(_m: re.Match) -> str:
        wrong, right = next(lines)
        return f"counts = {{ wrong = {wrong}, right = {right} }}"

    out = _COUNTS_RE.sub(repl, text)
    if next(lines, None) is not None:
        raise SystemExit("fewer counts lines than entries: every entry needs one")
    return out


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    files = sorted(corpus.glob("*.txt"))
    if not files:
        raise SystemExit(f"no .txt files in {corpus}")
    texts = [f.read_text("utf-8") for f in files]
    counts = count_entries(texts)
    text = DATA.read_text("utf-8")
    if len(_COUNTS_RE.findall(text)) != len(counts):
        raise SystemExit("every [[confusion]] entry needs exactly one counts line")
    DATA.write_text(rewrite(text, counts), "utf-8")
    found = sum(1 for w, _ in counts if w)
    print(f"{len(files)} files; {len(counts)} entries; {found} wrong forms seen in the corpus")


if __name__ == "__main__":
    main()
