"""CPU per article of each rule and of each shared analysis, over a sample of the corpus.

python bench/rules.py [--limit 300] [DIR]    (its .txt, .md and .html files)

A shared analysis (`ctx.get(analysis)`) is timed once per document, when it is computed, on
its own row; a rule's row is its own time, without the analyses it asked for. CPU time of
this process (time.process_time), so that other processes on the machine count less.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from soat.knowledge import load_knowledge  # noqa: E402
from soat.lint.config import Config
from soat.lint.context import DocContext
from soat.lint.formats import parse
from soat.lint.runner import FileResult, Settings, read_source
from soat.lint.session import collector_tuned
from soat.rules import ALL_RULES

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "clean"
clock = time.process_time
READABLE = {".txt", ".md", ".html", ".htm"}


class TimedContext(DocContext):
    """A DocContext that books the time of each analysis it computes on that analysis."""

    __slots__ = ("totals", "nested")

    def __init__(self, doc, knowledge, totals: dict[str, float]) -> None:
        super().__init__(doc, knowledge)
        self.totals = totals
        self.nested = [0.0]  # analysis time spent inside the current frame

    def get(self, analysis: Callable[[DocContext], Any]) -> Any:
        if analysis in self._memo:
            return self._memo[analysis]
        self.nested.append(0.0)
        t0 = clock()
        value = super().get(analysis)
        spent = clock() - t0
        inner = self.nested.pop()
        self.totals[f"analysis {analysis.__module__}.{analysis.__qualname__}"] += spent - inner
        self.nested[-1] += spent
        return value


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("dir", nargs="?", default=str(CORPUS))
    args = ap.parse_args()
    files = sorted(p for p in Path(args.dir).iterdir() if p.suffix in READABLE)[: args.limit]
    if not files:
        raise SystemExit(f"bench/rules.py: no .txt, .md or .html files in {args.dir}")
    settings = Settings.from_config(Config(), ALL_RULES, knowledge=load_knowledge(()))
    totals: dict[str, float] = defaultdict(float)
    with collector_tuned():  # the collector as `soat check` sets it: its pauses are not a rule's
        _measure(files, settings, totals)
    n = len(files)
    print(f"{n} files; CPU per file, in ms (rules without the analyses they use)")
    print(f"  all: {sum(totals.values()) / n * 1000:7.3f}")
    for name, t in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"  {name}: {t / n * 1000:7.3f}")


def _measure(files: list[Path], settings: Settings, totals: dict[str, float]) -> None:
    for path in files:
        decoded = read_source(str(path), path.read_bytes())
        if isinstance(decoded, FileResult):
            continue  # unreadable: soat reports IO001 and checks nothing
        source = decoded[0]
        t0 = clock()
        doc = parse(str(path), source)
        totals["parse"] += clock() - t0
        shared = TimedContext(doc, settings.knowledge, totals)
        for rule in settings.rules:
            shared.nested = [0.0]
            t0 = clock()
            list(rule.check(shared.for_rule(settings.options[rule.code])))
            totals[rule.code] += clock() - t0 - shared.nested[0]


if __name__ == "__main__":
    main()
