"""The seed article against ../shared/seed/EXPECTED.md: what a careful editor finds."""

import json
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

REQUIRED = {
    (8, "CAP"),
    (20, "CAP"),
    (34, "BPL"),
    (36, "BPL"),
    (38, "BPL"),
    (40, "BPL"),
    (42, "BPL"),
    (44, "BPL"),
    (46, "BPL"),
    (12, "REF"),
    (22, "DAT"),
    (14, "TYP"),
    (22, "TYP"),
    (28, "TYP"),
    (30, "TYP"),
    (30, "SPL"),
}
ALLOWED = {(26, "REF")}
QUIET = {1, 2, 4, 6, 16, 18, 24, 32}


def check_json(path):
    proc = subprocess.run(
        [sys.executable, "-m", "soat", "check", "--output-format", "json", str(path)],
        capture_output=True,
        timeout=120,
    )
    return proc.returncode, json.loads(proc.stdout)


def test_seed_findings_are_exactly_what_an_editor_finds(seed_path):
    status, found = check_json(seed_path)
    assert status == 1
    for line, family in REQUIRED:
        assert any(
            f["code"].startswith(family)
            and f["location"]["row"] <= line <= f["end_location"]["row"]
            for f in found
        ), f"missing {family} on line {line}"
    serious = [
        (f["location"]["row"], f["code"][:3])
        for f in found
        if f["severity"] in ("error", "warning")
    ]
    unexpected = [s for s in serious if s[0] in QUIET or (s not in REQUIRED and s not in ALLOWED)]
    assert not unexpected
    line30 = sorted(
        f["code"]
        for f in found
        if f["location"]["row"] == 30 and f["code"].startswith("SPL") and f["severity"] != "info"
    )
    assert line30 == ["SPL003", "SPL004", "SPL004", "SPL004"]
    typ = sorted(
        (f["location"]["row"], f["location"]["column"], f["end_location"]["column"])
        for f in found
        if f["code"] == "TYP001"
    )
    assert typ == [(14, 78, 79), (22, 88, 90)]


def test_seed_after_fix(tmp_path, seed_path):
    copy = tmp_path / "seed.txt"
    shutil.copy(seed_path, copy)
    _, before = check_json(copy)
    safe_rows = {
        r
        for f in before
        if f["fix"] and f["fix"]["applicability"] == "safe"
        for r in range(f["location"]["row"], f["end_location"]["row"] + 1)
    }
    subprocess.run(
        [sys.executable, "-m", "soat", "check", "--fix", str(copy)],
        capture_output=True,
        timeout=120,
    )
    data = copy.read_bytes()
    text = data.decode("utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert not text.endswith("\n") and text.endswith("Tuấn Đạt")
    _, after = check_json(copy)
    assert not [f for f in after if f["fix"] and f["fix"]["applicability"] == "safe"]
    original = seed_path.read_text("utf-8").split("\n")
    kept = [line for no, line in enumerate(original, 1) if no not in safe_rows and line]
    fixed_lines = text.split("\n")
    pos = 0
    for line in kept:  # every line without a safe fix survives byte for byte, in order
        pos = fixed_lines.index(line, pos) + 1
    # the deleted blocks took their blank separators: no two blank lines in a row
    assert "\n\n\n" not in text
