"""Start-up benchmark: wall time of `soat check` on the seed as a cold process.

Prints the median of N runs next to `python -c pass` from the same interpreter, and their
ratio, so figures from a noisy machine can be compared between changes.

    python bench/startup.py [--runs 10] [FILE]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_7f95cae0e241f5ce.txt"


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument(
        "file", nargs="?", default=str(SEED if SEED.exists() else ROOT / "examples" / "bai-mau.txt")
    )
    args = ap.parse_args()
    soat = [sys.executable, "-m", "soat", "check", args.file]
    base = [sys.executable, "-c", "pass"]
    # An installed package has its bytecode compiled by pip; an editable checkout under
    # PYTHONDONTWRITEBYTECODE=1 would recompile every module on each start.
    import compileall

    compileall.compile_dir(str(ROOT / "soat"), quiet=1)
    timed(soat)  # warm the OS file cache, not the process
    rows = {"python -c pass": [], "soat check": []}
    for _ in range(args.runs):  # interleaved, so background load hits both alike
        rows["python -c pass"].append(timed(base))
        rows["soat check"].append(timed(soat))
    medians = {k: statistics.median(v) for k, v in rows.items()}
    print(f"file: {args.file}  runs: {args.runs}")
    for name, values in rows.items():
        print(
            f"{name:>16}: median {medians[name] * 1000:7.1f} ms  "
            f"(min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f})"
        )
    print(
        f"{'soat - python':>16}: {(medians['soat check'] - medians['python -c pass']) * 1000:7.1f} ms"
    )
    print(f"{'ratio':>16}: {medians['soat check'] / medians['python -c pass']:.1f}x")


if __name__ == "__main__":
    main()
