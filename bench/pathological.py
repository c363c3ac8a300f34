"""Pathological inputs: each at two sizes, with the time ratio (linear code: about 2).

Every input here once took super-linear time or memory (issue 23). For each, the whole
check of one document (reader and every rule, default configuration) is timed at size n and
2n; a ratio above 2.5 means the time grows faster than the input. A 50 MB file (over the
10 MB limit: reported as IO001) and a 9 MB one (checked in full) go to `soat check` in a
child process whose peak memory (max RSS) is printed.

    python bench/pathological.py [--scale 1.0] [--only NAME] [--skip-big]

Timings on a shared machine are noisy: each size is timed `--repeat` times (best kept).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soat.knowledge import load_knowledge  # noqa: E402
from soat.lint.config import Config  # noqa: E402
from soat.lint.runner import Settings, lint_source  # noqa: E402
from soat.rules import ALL_RULES  # noqa: E402

PARAGRAPH = (
    "Sáng {i}, Công đoàn cơ sở phường {i} tổ chức hội nghị tổng kết công tác năm với {i} "
    "đại biểu tham dự, bàn về việc chăm lo đời sống cho người lao động số {i}."
)


def unclosed_comment(n: int) -> tuple[str, str]:
    return "a.html", "<p>Tin mới</p>\n<!-- " + "chữ" * n + "\n"


def unclosed_comment_md(n: int) -> tuple[str, str]:
    return "a.md", "# Tin mới\n\n<!-- " + "chữ" * n + "\n"


def comment_openers_txt(n: int) -> tuple[str, str]:
    return "a.txt", "Tin mới\n" + "<!--a " * n + "\n"


def date_then_spaces(n: int) -> tuple[str, str]:
    return "a.txt", "Tin mới\nNgày 1 tháng 1" + " " * n + "\n"


def unclosed_directive(n: int) -> tuple[str, str]:
    return "a.txt", "Tin mới\n<!-- soat-disable" + " " * n + "\n"


def email_like_run(n: int) -> tuple[str, str]:
    return "a.txt", "Tin mới\nLiên hệ " + "a" * n + "@b\n"


def domain_like_run(n: int) -> tuple[str, str]:
    return "a.txt", "Tin mới\nTrang " + "a-" * n + ".vn/\n"


def dotted_run(n: int) -> tuple[str, str]:
    return "a.txt", "Tin mới\nTrang " + "a." * n + "@\n"


def counter_digits(n: int) -> tuple[str, str]:
    return "a.txt", "Tin mới\nBình luận " + "1" * n + "x\n"


def many_paragraphs(n: int) -> tuple[str, str]:
    paras = "\n\n".join(PARAGRAPH.format(i=i) for i in range(n // 40))
    return "a.txt", "Tin mới\n\n" + paras + "\n"


def unclosed_divs(n: int) -> tuple[str, str]:
    return "a.html", "<html><body>" + "<div>chữ " * (n // 8) + "</body></html>\n"


def unclosed_divs_md(n: int) -> tuple[str, str]:
    return "a.md", "# Tin mới\n\n" + "<div>chữ " * (n // 8) + "\n"


CASES = {
    f.__name__: f
    for f in (
        unclosed_comment,
        unclosed_comment_md,
        comment_openers_txt,
        date_then_spaces,
        unclosed_directive,
        email_like_run,
        domain_like_run,
        dotted_run,
        counter_digits,
        many_paragraphs,
        unclosed_divs,
        unclosed_divs_md,
    )
}
BASE_SIZE = 40_000  # characters at scale 1; 80,000 for the doubled input


def time_case(settings: Settings, make, n: int, repeat: int) -> float:
    path, text = make(n)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        lint_source(path, text, settings)
        best = min(best, time.perf_counter() - start)
    return best


def big_file_memory(megabytes: int) -> tuple[float, float]:
    """(seconds, peak MiB) of `soat check` on a text file of about `megabytes` MB."""
    line = PARAGRAPH.format(i=7) + "\n"
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "big.txt")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("Tin mới\n")
            size, chunk = 0, line * 1000
            while size < megabytes * 1_000_000:
                fh.write(chunk)
                size += len(chunk.encode("utf-8"))
        start = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        subprocess.run(
            [sys.executable, "-m", "soat", "check", "--quiet", "--statistics", path],
            cwd=tmp,
            stdout=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            check=False,
        )
        elapsed = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the input sizes")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--only", action="append", choices=sorted(CASES))
    parser.add_argument("--skip-big", action="store_true", help="skip the 50 MB file")
    parser.add_argument("--big-mb", type=int, default=50)
    args = parser.parse_args()

    settings = Settings.from_config(Config(), ALL_RULES, knowledge=load_knowledge(()))
    n = int(BASE_SIZE * args.scale)
    worst = 0.0
    print(f"{'input':<22} {'n':>8} {'t(n) s':>9} {'t(2n) s':>9} {'ratio':>6}")
    for name in args.only or CASES:
        small = time_case(settings, CASES[name], n, args.repeat)
        large = time_case(settings, CASES[name], 2 * n, args.repeat)
        ratio = large / small if small > 0 else float("inf")
        worst = max(worst, ratio)
        flag = "" if ratio <= 2.5 else "  <-- super-linear"
        print(f"{name:<22} {n:>8} {small:>9.3f} {large:>9.3f} {ratio:>6.2f}{flag}", flush=True)
    print(f"worst ratio: {worst:.2f} (limit 2.5)")
    status = 0 if worst <= 2.5 else 1
    if not args.skip_big and not args.only:
        # The 50 MB file is over soat's size limit (IO001); the 9 MB one is the largest kind
        # of file that is linted in full.
        for megabytes in (args.big_mb, 9):
            seconds, mib = big_file_memory(megabytes)
            ok = mib < 1024
            print(f"{megabytes} MB text file: {seconds:.1f} s, peak {mib:.0f} MiB (limit 1024 MiB)")
            status = status if ok else 1
    return status


if __name__ == "__main__":
    sys.exit(main())
