"""Nothing in soat/ points outside the repository (issue 13).

soat ships to users; the design brief, the domain brief and the shared seed and corpus do not.
Cite docs/architecture.md and docs/domain.md, and describe the corpus in words.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTSIDE_RE = re.compile(
    r"DESIGN\.md|DOMAIN(?:\.md)?\s+§|STYLE\.md|\.\./shared|/work/|EXPECTED\.md|domain brief"
)


def test_nothing_in_soat_points_outside_the_repository():
    found = []
    for path in sorted((ROOT / "soat").rglob("*")):
        if not path.is_file() or path.suffix not in {".py", ".toml", ".md", ".txt", ".tsv"}:
            continue
        for no, line in enumerate(path.read_text("utf-8", errors="replace").splitlines(), 1):
            if OUTSIDE_RE.search(line):
                found.append(f"{path.relative_to(ROOT)}:{no}: {line.strip()}")
    assert not found, "pointers outside the repository:\n" + "\n".join(found)
