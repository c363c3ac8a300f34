"""What a baseline and --diff-base cost or save, on a generated site in a temporary git repo.

Builds N articles (generated here, no corpus text: a title and three paragraphs, two
findings each), commits them, edits one, then times as cold processes:

- `soat check` (every file),
- `soat check --baseline` (every file, then fingerprints: each file with findings is read
  again for its blocks),
- `soat check --diff-base HEAD` (git diff, then only the edited file).

    python bench/adoption.py [--articles 600] [--runs 3]

Medians of the runs; on a shared machine compare ratios, not seconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = "công đoàn cơ sở chăm lo đời sống người lao động trong khu công nghiệp tỉnh".split()


def article(i: int) -> str:
    topic = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(4))
    return (
        f"Bài số {i}: {topic}\n\n"
        f"Sáng nay, ban chấp hành bàn về {topic}  cho đoàn viên.\n\n"
        f"Năm nay có hơn {100 + i} đoàn viên tham gia , nhiều hơn năm trước.\n\n"
        f"Các đại biểu trao đổi kinh nghiệm về {topic}.\n"
    )


def timed(args: list[str], cwd: Path, env: dict) -> float:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "soat", "check", "--exit-zero", "-q", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(proc.stderr.decode())
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@example.org",
    }
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        (site / "tin").mkdir()
        for i in range(args.articles):
            (site / "tin" / f"bai-{i:05d}.txt").write_text(article(i), encoding="utf-8")
        for cmd in (["init", "-q"], ["add", "."], ["commit", "-qm", "site"]):
            subprocess.run(["git", *cmd], cwd=site, env=env, check=True)
        timed(["--write-baseline", "soat-baseline.json", "tin"], site, env)
        edited = site / "tin" / "bai-00007.txt"
        edited.write_text(article(7) + "\nMột đoạn  mới.\n", encoding="utf-8")
        cases = {
            "check": ["tin"],
            "check --baseline": ["--baseline", "soat-baseline.json", "tin"],
            "check --diff-base HEAD": ["--diff-base", "HEAD", "tin"],
        }
        medians = {
            name: statistics.median(timed(case, site, env) for _ in range(args.runs))
            for name, case in cases.items()
        }
    base = medians["check"]
    print(f"{args.articles} articles, median of {args.runs} runs")
    for name, seconds in medians.items():
        print(f"  {name:<24} {seconds:7.2f} s  ({seconds / base:.2f} x check)")


if __name__ == "__main__":
    main()
