"""soat against its peer (textlint + prh), with the harness in ../shared/bench-peer when present.

python bench/peer.py            # the whole suite (minutes): adds a section to bench/RESULTS.md
python bench/peer.py --quick    # clean/ only, one run each: prints the clean/ ratios

The harness and the corpus are looked for in ../shared beside the checkout (SOAT_SHARED
names another folder).

The suite times textlint, `python -c pass`, the trie floor and soat (all default rules, and
`--select SPL,REF001`) with the cache off, then soat's second run over clean/ with the cache
on. The machine is shared: only ratios measured within one run mean anything, and the table
says what the load average was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SOAT_SHARED") or ROOT.parent / "shared")  # harness and corpus
HARNESS = SHARED / "bench-peer" / "run.sh"
CORPUS = SHARED / "corpus"
RESULTS = ROOT / "bench" / "RESULTS.md"


def soat_command() -> str:
    script = Path(sys.executable).with_name("soat")
    return str(script) if script.exists() else f"{sys.executable} -m soat"


def run(args: list[str], cwd: str | None = None) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT))  # this checkout's soat, whatever is installed
    done = subprocess.run(args, capture_output=True, text=True, cwd=cwd, env=env, check=True)
    return done.stdout


def rows(markdown: str) -> dict[str, dict[str, float]]:
    """The harness's timing rows by label: wall and CPU seconds (medians), peak RSS MB."""
    found = {}
    for line in markdown.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 10 or not re.match(r"[\d.]+", cells[4]):
            continue
        found[cells[0]] = {
            "wall": float(cells[4].split()[0].replace(",", "")),
            "cpu": float(cells[5].replace(",", "")),
            "rss": float(cells[6].split()[0].replace(",", "")),
        }
    return found


def measure(label: str, command: list[str], runs: int, size: str, cwd: str | None = None) -> str:
    out = run(
        [str(HARNESS), "-n", str(runs), "-L", label, "-x", "-s", size, "--", *command], cwd=cwd
    )
    return "\n".join(line for line in out.splitlines() if line.startswith("|"))


def cache_rows(soat: str, runs: int) -> str:
    """soat over clean/ in a fresh folder: the first run fills the cache, then `runs` runs."""
    clean = str(CORPUS / "clean")
    folder = tempfile.mkdtemp(prefix="soat-bench-cache-")
    try:
        command = [*soat.split(), "check", "--output-format", "json", clean]
        first = measure("soat clean/, first run (cache filled)", command, 1, clean, folder)
        second = measure("soat clean/, second run (cache)", command, runs, clean, folder)
        return first + "\n" + second
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def ratio_lines(r: dict[str, dict[str, float]]) -> list[str]:
    def get(label: str, key: str) -> float | None:
        return r[label][key] if label in r else None

    def line(what: str, a: float | None, b: float | None, target: float) -> str:
        if a is None or b is None or not b:
            return f"| {what} | – | ≤ {target} | not measured |"
        value = a / b
        return f"| {what} | {value:.2f} | ≤ {target} | {'holds' if value <= target else 'fails'} |"

    t_a, t_b = "(a) textlint clean/", "(b) textlint clean/ + raw/text/ + raw/html/"
    s_a, s_b, s_c = "(a) soat clean/", "(b) soat clean/ + raw/", "(c) soat one article, cold"
    d_a = "(a) soat-dict clean/"
    rss = get(s_b, "rss")
    return [
        "| ratio | measured | target | |",
        "|---|---:|---:|---|",
        line(
            "default rules, whole corpus: soat wall / textlint wall",
            get(s_b, "wall"),
            get(t_b, "wall"),
            0.5,
        ),
        line(
            "default rules, whole corpus: soat CPU / textlint CPU",
            get(s_b, "cpu"),
            get(t_b, "cpu"),
            1.0,
        ),
        line(
            "default rules, clean/: soat wall / textlint wall",
            get(s_a, "wall"),
            get(t_a, "wall"),
            0.5,
        ),
        line(
            "--select SPL,REF001, clean/: soat wall / textlint wall",
            get(d_a, "wall"),
            get(t_a, "wall"),
            0.2,
        ),
        line(
            "one article, cold: soat wall / python -c pass (empty venv)",
            get(s_c, "wall"),
            get("python -c pass (empty venv)", "wall"),
            6.0,
        ),
        # The run that filled the cache ran right before the second: the fairer comparison.
        line(
            "clean/, second run with the cache / the first run, which filled it",
            get("soat clean/, second run (cache)", "wall"),
            get("soat clean/, first run (cache filled)", "wall") or get(s_a, "wall"),
            0.1,
        ),
        f"| peak RSS, whole corpus | {rss if rss is not None else '–'} MB | ≤ 300 MB | "
        f"{'holds' if rss is not None and rss <= 300 else 'fails' if rss else 'not measured'} |",
    ]


def append_results(ratios: list[str], table: str) -> None:
    """Add this run to bench/RESULTS.md as its last section (the file keeps every earlier
    session's figures: newest last), the harness's headings one level down."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    body = re.sub(r"(?m)^## ", "### ", table)
    section = (
        f"## Written by `python bench/peer.py` on {stamp}\n\n"
        "soat from this checkout, cache off except in the cache rows. The machine is shared "
        "with other work: compare ratios within this run only.\n\n"
        "### Ratios (acceptance of issue 14)\n\n"
        + "\n".join(ratios)
        + "\n\n"
        + body.rstrip("\n")
        + "\n"
    )
    previous = (
        RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# soat against its peer\n"
    )
    RESULTS.write_text(previous.rstrip("\n") + "\n\n" + section, encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="clean/ only, one run each")
    args = ap.parse_args()
    if not HARNESS.exists() or not CORPUS.exists():
        print(f"bench/peer.py: {HARNESS} or {CORPUS} is missing; nothing to compare with.")
        return 0
    soat = soat_command()
    clean = str(CORPUS / "clean")
    base = f"{soat} check --no-cache --output-format json"
    if args.quick:
        table = "\n".join(
            [
                "\n".join(
                    line
                    for line in run(
                        [str(HARNESS), "-n", "1", "-L", "(a) textlint clean/", clean]
                    ).splitlines()
                    if line.startswith("|")
                ),
                measure("(a) soat clean/", [*base.split(), clean], 1, clean),
                measure(
                    "(a) soat-dict clean/",
                    [*base.split(), "--select", "SPL,REF001", clean],
                    1,
                    clean,
                ),
                cache_rows(soat, 1),
            ]
        )
        print(table)
        print("\n".join(ratio_lines(rows(table))))
        return 0
    suite = run(
        [
            str(HARNESS),
            "suite",
            "--with",
            f"soat={base}",
            "--with",
            f"soat-dict={base} --select SPL,REF001",
        ]
    )
    cached = cache_rows(soat, 3)
    table = suite.replace("\n## Findings", f"\n{cached}\n\n## Findings", 1)
    ratios = ratio_lines(rows(table))
    append_results(ratios, table)
    print("\n".join(ratios))
    print(f"written: {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
