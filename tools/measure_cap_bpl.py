"""Measure CAP and BPL on the shared corpus (../shared/corpus): findings per rule on clean/,
and the share of Thanh Niên's trailing comment/masthead lines that BPL flags in raw/text/.

    .venv/bin/python tools/measure_cap_bpl.py [--corpus ../shared/corpus] [--list]

The trailing furniture of a raw/text/thanhnien-* file is counted as its last 8 non-blank
lines ("Bình luận", "(0)", four masthead lines, "Bình luận", "(0)"): the same 8 lines end
every one of those files. Prints statistics only; no corpus text is written anywhere.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soat.lint.document import LineIndex  # noqa: E402
from soat.lint.runner import lint_source  # noqa: E402
from tests.rule_fixtures import settings_for  # noqa: E402

TAIL_LINES = 8


def clean_stats(corpus: Path, listing: bool) -> None:
    settings = settings_for(["CAP", "BPL"])
    files = sorted((corpus / "clean").glob("*.txt"))
    articles = collections.defaultdict(set)
    findings = collections.Counter()
    started = time.perf_counter()
    for path in files:
        source = path.read_text("utf-8")
        index = LineIndex(source)
        for d in lint_source(path.name, source, settings, "txt"):
            if d.severity.value >= 2:
                articles[d.code].add(path.name)
                findings[d.code] += 1
                if listing:
                    print(f"{d.code} {path.name}:{index.rowcol(d.start)[0]}")
    elapsed = time.perf_counter() - started
    print(f"clean/: {len(files)} articles, {elapsed * 1000 / len(files):.2f} ms/article (CAP+BPL)")
    for code in sorted(findings):
        print(f"  {code}: {findings[code]} findings in {len(articles[code])} articles")


def thanhnien_tail(corpus: Path) -> None:
    settings = settings_for(["BPL"])
    files = sorted((corpus / "raw" / "text").glob("thanhnien-*"))
    total = flagged = elsewhere = 0
    for path in files:
        source = path.read_text("utf-8")
        index = LineIndex(source)
        rows = {index.rowcol(d.start)[0] for d in lint_source("a.txt", source, settings, "txt")}
        non_blank = [i for i, line in enumerate(source.splitlines(), 1) if line.strip()]
        tail = set(non_blank[-TAIL_LINES:])
        total += len(tail)
        flagged += len(tail & rows)
        elsewhere += len(rows - tail)
    share = 100 * flagged / total if total else 0.0
    print(
        f"raw/text/thanhnien-*: {len(files)} files, {flagged}/{total} trailing furniture lines "
        f"flagged ({share:.2f}%), {elsewhere} BPL lines elsewhere"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument(
        "--list", action="store_true", help="print every clean/ finding's file:line"
    )
    args = parser.parse_args()
    clean_stats(args.corpus, args.list)
    thanhnien_tail(args.corpus)


if __name__ == "__main__":
    main()
