"""Acceptance on the seed article (../shared/seed): CAP and BPL find exactly the copy-paste
leftovers, and `--fix --select CAP,BPL` removes exactly those lines and their separators."""

from soat.lint.diagnostic import Applicability
from tests.rule_fixtures import describe, fix, run

CAP_LINES = [8, 20]
BPL_LINES = [34, 36, 38, 40, 42, 44, 46]


def test_findings_are_exactly_the_duplicated_captions_and_the_furniture(seed_source):
    text = seed_source
    found = describe(text, run(text, ["CAP", "BPL"]))
    rows = [(int(f.split(":")[0]), f.split()[1][:3]) for f in found]
    assert rows == [(r, "CAP") for r in CAP_LINES] + [(r, "BPL") for r in BPL_LINES]


def test_every_finding_has_a_safe_fix(seed_source):
    diags = run(seed_source, ["CAP", "BPL"])
    assert all(d.fix and d.fix.applicability is Applicability.SAFE for d in diags)


def test_fix_removes_exactly_those_lines_and_keeps_the_byline_and_no_final_newline(seed_source):
    text = seed_source
    fixed = fix(text, ["CAP", "BPL"])
    lines = text.split("\n")
    removed = set(CAP_LINES + BPL_LINES)
    # Each deleted block takes the blank line after it (44 takes 45); the last one, 46, is
    # deleted in a second pass and then takes the blank line before it, 33.
    removed |= {r + 1 for r in CAP_LINES + BPL_LINES if r != 46} | {33}
    expected = "\n".join(line for i, line in enumerate(lines, 1) if i not in removed)
    assert fixed == expected
    assert fixed.endswith("Tuấn Đạt") and not fixed.endswith("\n")
    assert run(fixed, ["CAP", "BPL"]) == []
