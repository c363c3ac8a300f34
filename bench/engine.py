"""CPU of the engine outside the rules: one in-process `soat check` run, split in two.

python bench/engine.py [--runs 3] [--jobs 1] [--profile N] [DIR]

Runs `run_check` (JSON output to /dev/null, result cache off) over DIR (default the corpus's
clean/ folder) with every rule's `check` and the readers' `parse` timed: their CPU time is
"parse + rules" (the same work as bench/rules.py: the analyses rules ask for are inside their
checks); what remains of the run's CPU is the engine (discovery, reading and decoding,
settings per path, contexts, stamping, suppression, FileResult, rendering). Rule modules and
the knowledge are loaded before the clock starts. CPU time of this process
(time.process_time); with --jobs above 1 the workers' CPU is read from
`resource.getrusage(RUSAGE_CHILDREN)` after the pool has ended, and only the total is
meaningful.

--profile N prints the N engine functions with the most own time under cProfile: functions
outside soat/rules and soat/vi, and C functions counted only for calls from them.

Run it on another checkout with `PYTHONPATH=/that/checkout python bench/engine.py`.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "clean"
clock = time.process_time


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--profile", type=int, default=0, metavar="N")
    ap.add_argument("dir", nargs="?", default=str(CORPUS))
    args = ap.parse_args()

    import soat.lint.runner as runner
    from soat.knowledge import load_knowledge
    from soat.lint.session import CheckOptions, run_check
    from soat.rules import ALL_RULES

    spent = [0.0]
    calls = [0]

    def timed(check):
        def run(ctx):
            calls[0] += 1
            t0 = clock()
            try:
                return list(check(ctx))
            finally:
                spent[0] += clock() - t0

        run.__module__ = check.__module__
        return run

    parse = runner.parse

    def timed_parse(*a, **k):
        calls[0] += 1
        t0 = clock()
        try:
            return parse(*a, **k)
        finally:
            spent[0] += clock() - t0

    runner.parse = timed_parse
    rules = tuple(r.rule.replace(check=timed(r.rule.check)) for r in ALL_RULES)
    load_knowledge(())  # the built-in knowledge's cache is warm
    options = CheckOptions(
        paths=(args.dir,), output_format="json", cache=False, jobs=args.jobs, quiet=True
    )
    files = sum(1 for _ in Path(args.dir).rglob("*") if _.is_file())
    if args.profile:
        _profile(args.profile, options, rules, load_knowledge)
        return
    # What the timing costs outside the timed windows (the wrapper's call, one clock read):
    # measured on a check that does nothing, and taken off the engine's figure.
    null = timed(lambda ctx: ())
    spent[0], calls[0] = 0.0, 0
    t0 = clock()
    for _ in range(100_000):
        null(None)
    overhead = (clock() - t0 - spent[0]) / calls[0]
    totals, inner, wrapped = [], [], []
    with open(os.devnull, "w") as out:
        for _ in range(args.runs):
            spent[0], calls[0] = 0.0, 0
            t0, c0 = clock(), _children_cpu()
            run_check(options, rules, load_knowledge, out)
            totals.append(clock() - t0 + _children_cpu() - c0)
            inner.append(spent[0])
            wrapped.append(calls[0])
    total = statistics.median(totals)
    print(f"{args.dir}: {files} files, jobs={args.jobs}, runs={args.runs}, load {_load()}")
    print(f"  run_check CPU      : {total:7.2f} s  {total / files * 1000:6.2f} ms/file")
    if args.jobs == 1:
        rules_cpu = statistics.median(inner)
        engine = statistics.median(t - i for t, i in zip(totals, inner, strict=True))
        timing = statistics.median(wrapped) * overhead
        print(f"  parse + rules CPU  : {rules_cpu:7.2f} s  {rules_cpu / files * 1000:6.2f} ms/file")
        print(f"  the rest           : {engine:7.2f} s  {engine / files * 1000:6.2f} ms/file")
        print(
            f"  - timing overhead  : {timing:7.2f} s  {timing / files * 1000:6.2f} ms/file"
            f"  ({overhead * 1e6:.2f} µs x {statistics.median(wrapped):.0f} timed calls)"
        )
        engine -= timing
        print(f"  = engine           : {engine:7.2f} s  {engine / files * 1000:6.2f} ms/file")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _profile(n: int, options, rules, load_knowledge) -> None:
    import cProfile
    import pstats

    from soat.lint.session import run_check

    prof = cProfile.Profile()
    with open(os.devnull, "w") as out:
        prof.enable()
        run_check(options, rules, load_knowledge, out)
        prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    sep = os.sep
    not_engine = tuple(
        sep + os.path.join(*p) + sep
        for p in (("soat", "rules"), ("soat", "vi"), ("soat", "lint", "formats"), ("bench",))
    )

    # The share of each function's time spent for the engine: 1 for run_check, 0 for rules,
    # analyses, readers and this script, otherwise the share of its callers (by edge time).
    share: dict = {}
    for func in stats:
        if func[2] == "run_check" and func[0].endswith("session.py"):
            share[func] = 1.0
        else:
            share[func] = 0.0
    fixed = {f for f in stats if share[f] == 1.0 or any(p in f[0] for p in not_engine)}
    for _ in range(30):
        for func, (_cc, _nc, _tt, _ct, callers) in stats.items():
            if func in fixed:
                continue
            weight = sum(edge[2] + 1e-9 for edge in callers.values())
            got = sum((edge[2] + 1e-9) * share.get(c, 0.0) for c, edge in callers.items())
            share[func] = got / weight if weight else 0.0

    rows: dict[str, list[float]] = {}
    for func, (_cc, nc, tt, _ct, _callers) in stats.items():
        own = tt * share[func]
        if own <= 0:
            continue
        if func[0] == "~":
            name = func[2]
        else:
            name = f"{os.path.relpath(func[0], ROOT)}:{func[1]}({func[2]})"
        row = rows.setdefault(name, [0.0, 0])
        row[0] += own
        row[1] += round(nc * share[func])
    total = sum(r[0] for r in rows.values())
    print(f"engine own time under cProfile: {total:.2f} s; top {n}:")
    print(f"{'tottime s':>10} {'calls':>9}  function")
    for name, (own, calls) in sorted(rows.items(), key=lambda kv: -kv[1][0])[:n]:
        print(f"{own:10.3f} {int(calls):9d}  {name}")


if __name__ == "__main__":
    sys.exit(main())
