"""The example drafts: one defect of each family, the same findings in .txt, .md and .html."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def codes(path: Path) -> list[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "soat", "check", "--output-format", "json", str(path)],
        capture_output=True,
        timeout=120,
        cwd=EXAMPLES,
    )
    assert proc.returncode == 1, proc.stderr
    return sorted(f["code"] for f in json.loads(proc.stdout))


def test_three_formats_give_the_same_findings_covering_every_family():
    found = {ext: codes(EXAMPLES / f"bai-mau.{ext}") for ext in ("txt", "md", "html")}
    assert found["txt"] == found["md"] == found["html"]
    families = {c[:3] for c in found["txt"]}
    assert families == {"CAP", "BPL", "REF", "DAT", "TTL", "SPL", "LEX", "TYP"}
    # the example registry (examples/soat.toml) is what makes TTL004 fire
    assert "TTL004" in found["txt"]
