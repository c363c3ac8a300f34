"""Start-up benchmark: `soat check --no-cache FILE` as a cold process, against `python -c pass`.

Prints, for N interleaved runs, the median CPU time (user + system, from the child's
rusage: steadier than wall time on a shared machine) and wall time of each command, and the
ratio soat / python of each.

    python bench/startup.py [--runs 10] [--python PY] [--base-python PY] [--checkout DIR] [FILE]

`--python` runs soat (default: this interpreter, with this checkout first on PYTHONPATH).
setuptools' default editable install adds an import finder to every start (~50 M
instructions, ~10 ms); `make` installs with a plain .pth path instead (the Makefile says why),
as does a normal install. `--base-python` runs `python -c pass` (default: this interpreter);
the acceptance of issue 14 compares with an empty venv (`python -m venv /tmp/empty`, then
`--base-python /tmp/empty/bin/python`). Add `--importtime` to print the slowest imports of
one run.

Wall and CPU times on a shared machine vary by tens of percent from run to run; instruction
counts do not (to a few hundredths of a percent). `--instructions` also counts the
instructions of one run of each command under valgrind's cachegrind (when valgrind is
installed): the figure to compare two versions by. On this machine a cold process takes
about 6 ms plus 0.2 ms per million instructions.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_7f95cae0e241f5ce.txt"


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one run of `cmd`."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd="/"
    )
    _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = 0  # reaped by wait4
    return usage.ru_utime + usage.ru_stime, wall


def instructions(cmd: list[str], env: dict[str, str]) -> float | None:
    """Millions of instructions one run of `cmd` executes (valgrind's "I refs"), or None
    without valgrind."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    tool = [valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    proc = subprocess.run(
        [*tool, *cmd], env=env, cwd="/", stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", proc.stderr.decode(errors="replace"))
    return int(found.group(1).replace(",", "")) / 1e6 if found else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--base-python", default=sys.executable)
    ap.add_argument("--importtime", action="store_true")
    ap.add_argument("--instructions", action="store_true", help="also count instructions")
    ap.add_argument("--checkout", default=str(ROOT), help="the soat checkout to run")
    ap.add_argument(
        "--soat-args",
        default="",
        help='more arguments for soat check, e.g. "--select IO001" (the engine without rules)',
    )
    ap.add_argument(
        "file", nargs="?", default=str(SEED if SEED.exists() else ROOT / "examples" / "bai-mau.txt")
    )
    args = ap.parse_args()
    target = os.path.abspath(args.file)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (args.checkout, env.get("PYTHONPATH")) if p)
    soat = [args.python, "-m", "soat", "check", "--no-cache", *args.soat_args.split(), target]
    base = [args.base_python, "-c", "pass"]
    # An installed package has its bytecode compiled by pip; an editable checkout under
    # PYTHONDONTWRITEBYTECODE=1 would recompile every module on each start.
    compileall.compile_dir(os.path.join(args.checkout, "soat"), quiet=1)
    timed(soat, env)  # warm the OS file cache and soat's knowledge cache, not the process
    if args.importtime:
        proc = subprocess.run(
            [args.python, "-X", "importtime", *soat[1:]], env=env, capture_output=True, text=True
        )
        lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("import time:")][1:]
        rows = sorted(lines, key=lambda ln: -int(ln.split("|")[1]))[:25]
        print("slowest imports (cumulative µs):")
        print("\n".join(rows))
    rows: dict[str, list[tuple[float, float]]] = {"python -c pass": [], "soat check": []}
    for _ in range(args.runs):  # interleaved, so background load hits both alike
        rows["python -c pass"].append(timed(base, env))
        rows["soat check"].append(timed(soat, env))
    print(f"file: {args.file}  runs: {args.runs}  load: {os.getloadavg()[0]:.2f}")
    print(f"soat: {' '.join(soat[1:])} ({args.python}, {args.checkout})")
    print(f"python -c pass: {args.base_python}")
    med = {}
    for name, values in rows.items():
        cpu = statistics.median(v[0] for v in values)
        wall = statistics.median(v[1] for v in values)
        med[name] = (cpu, wall)
        print(
            f"{name:>16}: CPU median {cpu * 1000:6.1f} ms (min {min(v[0] for v in values) * 1000:.1f})"
            f"   wall median {wall * 1000:6.1f} ms (min {min(v[1] for v in values) * 1000:.1f})"
        )
    (sc, sw), (bc, bw) = med["soat check"], med["python -c pass"]
    print(f"{'ratio':>16}: CPU {sc / max(bc, 1e-6):.1f}x   wall {sw / bw:.1f}x")
    if args.instructions:
        counted = {name: instructions(cmd, env) for name, cmd in (("python", base), ("soat", soat))}
        if None in counted.values():
            print("instructions: valgrind not found")
        else:
            py, so = counted["python"], counted["soat"]
            print(f"instructions: python -c pass {py:.1f} M, soat check {so:.1f} M: {so / py:.1f}x")


if __name__ == "__main__":
    main()
