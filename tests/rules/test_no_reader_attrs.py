"""Rules read what a Document promises (its fields and block kinds), never a reader's private
`Block.attrs` (the HTML tag, the Word part): those differ per format and change with a reader."""

import re
from pathlib import Path

RULES = Path(__file__).resolve().parents[2] / "soat" / "rules"


def test_no_rule_reads_block_attrs():
    readers = [
        f"{path.relative_to(RULES)}:{n}"
        for path in sorted(RULES.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.attrs\b", line)
    ]
    assert readers == []
