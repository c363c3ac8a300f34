"""Where a cold `soat check --no-cache FILE` spends its time, phase by phase.

    python bench/startup_phases.py [--runs 10] [FILE]

Each run is a fresh process (this interpreter, this checkout first on PYTHONPATH) that times
its own phases with `time.perf_counter` and prints them; the table gives the median of each
phase over the runs:

- the interpreter and `site` (from `python -c pass` with the same interpreter, timed apart);
- importing `typing` and `json` (soat needs them anyway; imported first here
  so that the two rows below can be measured);
- importing the command line (`soat.cli`: argparse, the stored patterns, the messages);
- importing the engine and the knowledge (`soat.lint.session`, `soat.knowledge`, the rule
  registry);
- importing the rule modules (`session._import_rules`);
- checking the article (`runner.lint_document`: the first document of a process also builds
  the tables its rules use on first use);
- the rest of the run (settings, finding the file, reading it, the report).

One more row cuts across the phases: the time spent creating named tuples (classes whose
`__new__` the standard library compiles when their module is imported), measured by
wrapping a private helper of `typing` (`_make_nmtuple`); where an interpreter lacks it, the
row says so. No dataclass is made on the way any more, and `dataclasses` is not imported
(soat/records.py; tests/test_cli.py checks it).

Times of a phase include the instrumentation's own small cost; compare phases within one
run of this script, and versions by `bench/startup.py --instructions`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_7f95cae0e241f5ce.txt"

# Run in the child: `sys.argv[1]` is the file. Prints one JSON object of milliseconds.
CHILD = r"""
import sys, time
start = time.perf_counter()
import typing, json
phases = {"import typing, json": time.perf_counter() - start}
spent = {"named tuples": 0.0}

# owner.name replaced by a function that adds the time of each of its calls to totals[row]
def timing(owner, name, totals, row):
    original = getattr(owner, name, None)
    if original is None:  # another interpreter's private helpers: not measurable
        totals[row] = None
        return
    def timed(*args, **kwargs):
        t = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            totals[row] += time.perf_counter() - t
    setattr(owner, name, timed)

timing(typing, "_make_nmtuple", spent, "named tuples")
t = time.perf_counter()
import soat.cli
phases["import the command line"] = time.perf_counter() - t
t = time.perf_counter()
import soat.knowledge, soat.lint.runner as runner, soat.lint.session as session, soat.rules
phases["import the engine and the knowledge"] = time.perf_counter() - t
inner = {"import the rule modules": 0.0, "check the article": 0.0}
# soat's own functions must be there: a renamed one fails here, not silently.
getattr(session, "_import_rules"), getattr(runner, "lint_document")
timing(session, "_import_rules", inner, "import the rule modules")
timing(runner, "lint_document", inner, "check the article")
sys.argv = ["soat", "check", "--no-cache", "--output-format", "json", sys.argv[1]]
t = time.perf_counter()
try:
    soat.cli.main()
except SystemExit:
    pass
run = time.perf_counter() - t
phases.update(inner)
phases["the rest of the run"] = run - sum(inner.values())
phases["all, after the interpreter started"] = time.perf_counter() - start
phases.update({k: v for k, v in spent.items()})
print(json.dumps({k: None if v is None else v * 1000 for k, v in phases.items()}), file=sys.stderr)
"""


def run_child(python: str, target: str, env: dict[str, str]) -> dict[str, float | None]:
    """The phases of one cold run of `soat check --no-cache` on `target`, in milliseconds."""
    proc = subprocess.run(
        [python, "-c", CHILD, target],
        env=env,
        cwd="/",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    last = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
    try:
        return json.loads(last)
    except ValueError:
        raise SystemExit(f"bench/startup_phases.py: the child failed:\n{proc.stderr}") from None


def interpreter_ms(python: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([python, "-c", "pass"], env=env, cwd="/", check=True)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument(
        "file", nargs="?", default=str(SEED if SEED.exists() else ROOT / "examples" / "bai-mau.txt")
    )
    args = ap.parse_args()
    target = os.path.abspath(args.file)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    run_child(args.python, target, env)  # warm the file cache and soat's own caches
    rows: dict[str, list[float | None]] = {}
    base: list[float] = []
    for _ in range(args.runs):  # interleaved, so background load hits both alike
        base.append(interpreter_ms(args.python, env))
        for name, ms in run_child(args.python, target, env).items():
            rows.setdefault(name, []).append(ms)
    print(f"file: {args.file}  runs: {args.runs}  load: {os.getloadavg()[0]:.2f}")
    print(f"{'phase':<40} {'median ms':>10}")
    print(f"{'the interpreter and site (python -c pass)':<40} {statistics.median(base):10.1f}")
    for name, values in rows.items():
        if name == "named tuples":
            print("of which, across the phases:")
        if any(v is None for v in values):
            print(f"{name:<40} {'(not measurable here)':>10}")
        else:
            print(f"{name:<40} {statistics.median(v for v in values if v is not None):10.1f}")


if __name__ == "__main__":
    main()
