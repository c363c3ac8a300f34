"""bench/startup_phases.py: the phases of a cold run it reports are measured, not guessed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.bench_scripts import load_bench_script

ROOT = Path(__file__).resolve().parent.parent


def test_every_phase_is_measured_and_they_add_up(tmp_path):
    phases = load_bench_script("startup_phases")
    article = tmp_path / "bai.txt"
    article.write_text("Hà Nội, ngày 5/1/2024\n\nĐại hội Công đoàn tỉnh diễn ra.\n", "utf-8")
    env = dict(os.environ, SOAT_CACHE_DIR=str(tmp_path / "cache"))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    found = phases.run_child(sys.executable, str(article), env)
    steps = [
        "import typing, json",
        "import the command line",
        "import the engine and the knowledge",
        "import the rule modules",
        "check the article",
        "the rest of the run",
    ]
    assert list(found) == [
        *steps,
        "all, after the interpreter started",
        "named tuples",
    ]
    # Each wrapped function ran (a renamed one would leave its phase at 0 or fail the child).
    assert all(found[name] > 0 for name in steps)
    total = found["all, after the interpreter started"]
    assert sum(found[name] for name in steps) <= total * 1.001
    # The records created while soat starts are counted (they exist on this interpreter).
    assert 0 < found["named tuples"] < total
