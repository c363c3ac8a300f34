"""Per-rule cost on real articles: total time each rule spends over a sample of the corpus.

python bench/rules.py [--limit 300] [DIR]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from soat.lint.config import Config
from soat.lint.formats import parse
from soat.lint.runner import Settings
from soat.rules import ALL_RULES

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "clean"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("dir", nargs="?", default=str(CORPUS))
    args = ap.parse_args()
    files = sorted(Path(args.dir).glob("*.txt"))[: args.limit]
    settings = Settings.from_config(Config(), ALL_RULES)
    totals = {r.code: 0.0 for r in settings.rules}
    parse_time = 0.0
    for path in files:
        source = path.read_text("utf-8")
        t0 = time.perf_counter()
        doc = parse(str(path), source)
        parse_time += time.perf_counter() - t0
        for rule in settings.rules:
            t0 = time.perf_counter()
            list(rule.check(doc, settings.options[rule.code], settings.knowledge))
            totals[rule.code] += time.perf_counter() - t0
    n = len(files)
    print(
        f"{n} files; per file: parse {parse_time / n * 1000:.2f} ms, "
        f"all rules {sum(totals.values()) / n * 1000:.2f} ms"
    )
    for code, t in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"  {code}: {t / n * 1000:7.3f} ms/file")


if __name__ == "__main__":
    main()
