"""The public API (soat.check_text, soat.check_paths): plain, picklable findings that match
the command line's JSON output."""

from __future__ import annotations

import io
import json
import pickle
from concurrent.futures import ProcessPoolExecutor

import soat
from soat.knowledge import load_knowledge
from soat.lint.session import CheckOptions, run_check
from soat.rules import ALL_RULES

TEXT = "Sinh viên ngành kinh tế theo học nghành luật.\n"


def test_check_text_reports_rows_columns_offsets_and_fixes():
    found = soat.check_text(TEXT, select=["SPL001"])
    assert [(f.code, f.row, f.column, f.end_row, f.end_column) for f in found] == [
        ("SPL001", 1, 34, 1, 40)
    ]
    (f,) = found
    assert TEXT[f.start : f.end] == "nghành"
    assert f.severity == "warning" and f.path == "bai.txt"
    assert "nghành" in f.message("vi") and "nghành" in f.message("en")
    assert f.fix is not None and f.fix.applicability == "safe"
    assert [(e.start, e.end, e.content) for e in f.fix.edits] == [(f.start, f.end, "ngành")]


def test_findings_are_plain_values_that_pickle():
    found = soat.check_text(TEXT)
    assert found
    assert pickle.loads(pickle.dumps(found)) == found


def test_select_ignore_and_format():
    assert soat.check_text(TEXT, select=["TYP"]) == []
    assert [f.code for f in soat.check_text(TEXT, ignore=["SPL001"])] == []
    html = "<p>Sinh viên học nghành luật.</p>"
    (f,) = soat.check_text(html, "bai.html", select=["SPL001"])
    assert html[f.start : f.end] == "nghành"
    (g,) = soat.check_text(html, "trang", format="html", select=["SPL001"])
    assert (g.start, g.end) == (f.start, f.end)


def test_check_paths_matches_the_json_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Tiêu đề\n\nNgày 31/02/2024 có họp.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"caf\xe9\n")
    out = io.StringIO()
    run_check(
        CheckOptions(paths=(".",), output_format="json", cache=False),
        ALL_RULES,
        load_knowledge,
        out,
    )
    expected = [
        (d["filename"], d["code"], d["location"]["row"], d["location"]["column"], d["message"])
        for d in json.loads(out.getvalue())
    ]
    for cache in (False, True, True):
        found = soat.check_paths(["."], cache=cache)
        assert [(f.path, f.code, f.row, f.column, f.message_vi) for f in found] == expected
    assert {f.code for f in found} >= {"SPL001", "DAT001", "IO001"}


def _count(text: str) -> int:
    return len(soat.check_text(text))


def test_check_text_runs_in_worker_processes():
    with ProcessPoolExecutor(2) as pool:
        assert list(pool.map(_count, [TEXT, "Tốt.\n"])) == [_count(TEXT), 0]


def test_import_soat_stays_cheap():
    import subprocess
    import sys

    code = "import soat, sys; print(sorted(m for m in sys.modules if m.startswith('soat')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['soat']"
