"""Knowledge start-up: loading the built-in knowledge, building its indexes, cold `soat check`.

    python bench/knowledge.py [--runs 9] [FILE]

Prints, as CPU medians of N runs (time.process_time, and the children's user+system time for
the processes), so that other work on the machine counts less than in wall time:

- a fresh process reading the built-in knowledge from its cache (imports excluded, and
  included), and parsing it from the TOML files with the cache off;
- each persisted index built from scratch on the loaded knowledge;
- `soat check --no-cache FILE` as a cold process next to `python -c pass`, and their ratio.

The load average is printed beside the figures: compare runs made at similar loads.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_7f95cae0e241f5ce.txt"

# The index module is imported before the clock starts: `soat check` imports it with the
# rules anyway, and unpickling the indexes would otherwise count its import as loading.
_IN_PROCESS = """
import time
t0 = time.process_time()
from soat.knowledge import load, indexes
t1 = time.process_time()
load.builtin_knowledge()
t2 = time.process_time()
print(t2 - t1, t2 - t0)
"""


def child_cpu(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return used, out


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:7.1f} ms"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument(
        "file", nargs="?", default=str(SEED if SEED.exists() else ROOT / "examples" / "bai-mau.txt")
    )
    args = ap.parse_args()
    import compileall

    compileall.compile_dir(str(ROOT / "soat"), quiet=1)  # as an installed package has it
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    py = [sys.executable, "-c", _IN_PROCESS]
    child_cpu(py, env)  # fills the cache if needed
    load_only, with_imports, parsed = [], [], []
    with tempfile.TemporaryDirectory() as empty:
        Path(empty, "f").write_text("a file, not a folder")  # the cache folder cannot be made
        for _ in range(args.runs):
            _, out = child_cpu(py, env)
            a, b = map(float, out.split())
            load_only.append(a)
            with_imports.append(b)
            # An unwritable cache folder: parsed from TOML every time.
            _, out = child_cpu(py, dict(env, SOAT_CACHE_DIR=os.path.join(empty, "f", "x")))
            parsed.append(float(out.split()[0]))
    print(f"load average {os.getloadavg()[0]:.2f}   runs {args.runs}   (CPU medians)")
    print(
        f"built-in knowledge from the cache:     {ms(load_only)}  ({ms(with_imports)} with imports)"
    )
    print(f"built-in knowledge parsed, no cache:   {ms(parsed)}")

    from soat.knowledge import builtin_knowledge
    from soat.knowledge.indexes import PERSISTED
    from soat.knowledge.model import TABLES, Knowledge

    k = builtin_knowledge()
    for builder in PERSISTED:
        times = []
        for _ in range(args.runs):
            fresh = Knowledge(*(getattr(k, t) for t in TABLES))
            start = time.process_time()
            builder(fresh)
            times.append(time.process_time() - start)
        print(f"  index {builder.__name__ + ' built':<28} {ms(times)}")

    soat = [sys.executable, "-m", "soat", "check", "--no-cache", "--output-format", "json"]
    soat.append(args.file)
    base = [sys.executable, "-c", "pass"]
    child_cpu(soat, env)
    rows: dict[str, list[float]] = {"python -c pass": [], "soat check": []}
    for _ in range(args.runs):  # interleaved, so background load hits both alike
        rows["python -c pass"].append(child_cpu(base, env)[0])
        rows["soat check"].append(child_cpu(soat, env)[0])
    medians = {k: statistics.median(v) for k, v in rows.items()}
    print(f"cold, {args.file}  (load average {os.getloadavg()[0]:.2f})")
    for name, values in rows.items():
        print(f"{name:>16}: {ms(values)}")
    print(f"{'ratio':>16}: {medians['soat check'] / medians['python -c pass']:.1f}x")


if __name__ == "__main__":
    main()
