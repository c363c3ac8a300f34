"""Each rule offers only the kinds of fix its `Rule.fixes` declares, and builds them through
`Fix.safe`/`Fix.unsafe`/`Fix.suggestion`/`Fix.of` (so the title comes from the fixed
vocabulary of soat/lint/diagnostic.py, never from a rule).

Checked on every fixture text (and two texts below) with the fixture's own settings, on fixture texts perturbed by
hypothesis, and on texts built from pieces that trigger many rules.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg
from soat.lint.rule import ENGINE_RULES
from soat.lint.runner import lint_source
from soat.rules import ALL_RULES
from soat.vi.legacy_codecs import encode
from tests.rule_fixtures import EXTENSIONS, load_cases, settings_for
from tests.rules.test_all_rules_properties import PIECES

DECLARED = {rule.code: rule.fixes for rule in (*ALL_RULES, *ENGINE_RULES)}
# Texts for the fix kinds no fixture shows yet: a place name two names are near to (two
# suggestions), and a TCVN3 run with one word that is no syllable (not certain: a suggestion).
EXTRA = [
    ("SPL003", {"input": "Đoàn công tác đến tỉnh Hu Giang làm việc.\n"}),
    ("TYP007", {"input": encode("Công đoàn cơ sở Quốcc người lao động", "tcvn3") + "\n"}),
]
# (code, case) pairs; load_cases gives (code, index in its file, case)
CASES = [*((p.values[0], p.values[-1]) for p in load_cases()), *EXTRA]
RULES_DIR = Path(__file__).resolve().parents[2] / "soat" / "rules"
CONSTRUCTORS = {"safe", "unsafe", "suggestion", "of"}


def undeclared(diagnostics: list[Diagnostic]) -> list[str]:
    """Fixes a rule offers but does not declare, or offers in the wrong place."""
    wrong = []
    for d in diagnostics:
        assert d.code != "INT001", d.message
        declared = DECLARED[d.code]
        if d.fix is not None:
            if d.fix.applicability not in declared:
                wrong.append(f"{d.code}: fix {d.fix.applicability.value} not in {sorted(declared)}")
            if d.fix.applicability is Applicability.SUGGESTION:
                wrong.append(f"{d.code}: a suggestion offered as the fix")
        for s in d.suggestions:
            if s.applicability is not Applicability.SUGGESTION:
                wrong.append(f"{d.code}: a {s.applicability.value} fix among the suggestions")
            elif s.applicability not in declared:
                wrong.append(f"{d.code}: suggestion not in {sorted(declared)}")
        for f in (d.fix, *d.suggestions):
            if f is not None and not isinstance(f.title, Msg):
                wrong.append(f"{d.code}: fix title {f.title!r} is not a Msg")
    return wrong


@cache
def case_settings(index: int):
    code, case = CASES[index]
    options = {code: case["options"]} if "options" in case else None
    return settings_for(case.get("select", [code]), options, case.get("registry"))


def lint_case(index: int, text: str):
    fmt = CASES[index][1].get("format", "txt")
    return lint_source(EXTENSIONS[fmt], text, case_settings(index), fmt)


def test_every_rule_with_a_fix_has_a_fixture_that_shows_one():
    """The property below means something only if the fixtures exercise the fixes."""
    offered: dict[str, set[Applicability]] = {}
    for i, (_, case) in enumerate(CASES):
        for d in lint_case(i, case["input"]):
            for f in (d.fix, *d.suggestions):
                if f is not None:
                    offered.setdefault(d.code, set()).add(f.applicability)
    missing = {
        rule.code: sorted(k.value for k in rule.fixes - offered.get(rule.code, set()))
        for rule in ALL_RULES
        if rule.fixes - offered.get(rule.code, set())
    }
    assert not missing, f"declared fix kinds no fixture shows: {missing}"


@pytest.mark.parametrize("index", range(len(CASES)), ids=lambda i: f"{CASES[i][0]}-{i}")
def test_fixture_texts_offer_only_declared_fixes(index):
    assert undeclared(lint_case(index, CASES[index][1]["input"])) == []


@st.composite
def perturbed_case(draw):
    """A fixture text with a few edits: a slice dropped, doubled, or a piece put in."""
    index = draw(st.integers(0, len(CASES) - 1))
    text = CASES[index][1]["input"]
    for _ in range(draw(st.integers(1, 4))):
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, min(len(text), a + 40)))
        how = draw(st.sampled_from(["drop", "double", "insert", "upper", "lower"]))
        if how == "drop":
            text = text[:a] + text[b:]
        elif how == "double":
            text = text[:b] + text[a:b] + text[b:]
        elif how == "insert":
            text = text[:a] + draw(st.sampled_from(PIECES) | st.text(max_size=4)) + text[a:]
        elif how == "upper":
            text = text[:a] + text[a:b].upper() + text[b:]
        else:
            text = text[:a] + text[a:b].lower() + text[b:]
    return index, text


@settings(max_examples=300, deadline=None)
@given(perturbed_case())
def test_perturbed_fixture_texts_offer_only_declared_fixes(indexed):
    index, text = indexed
    assert undeclared(lint_case(index, text)) == []


ALL = settings_for(["ALL"])
text_st = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=30).map("".join)


@settings(max_examples=200, deadline=None)
@given(text_st, st.sampled_from(["txt", "md", "html"]))
def test_random_texts_offer_only_declared_fixes(text, fmt):
    assert undeclared(lint_source(EXTENSIONS[fmt], text, ALL, fmt)) == []


def test_undeclared_fix_kinds_are_caught():
    """The checker above fails on the mistakes it is there for."""
    safe = Fix.safe(0, 1, "x")
    cases = [
        Diagnostic("m", 0, 1, fix=safe, code="TTL003"),  # TTL003 declares only unsafe
        Diagnostic("m", 0, 1, fix=Fix.suggestion(0, 1, "x"), code="SPL003"),
        Diagnostic("m", 0, 1, suggestions=(Fix.unsafe(0, 1, "x"),), code="SPL003"),
        Diagnostic("m", 0, 1, fix=safe, code="IO001"),  # declares none
        Diagnostic("m", 0, 1, fix=Fix("free title", safe.edits, safe.applicability), code="TYP001"),
    ]
    assert [len(undeclared([d])) for d in cases] == [1, 1, 1, 1, 1]
    assert DECLARED["TTL003"] == frozenset({Applicability.UNSAFE})
    assert DECLARED["SPL003"] == frozenset({Applicability.UNSAFE, Applicability.SUGGESTION})


def fix_calls_with_a_free_title(tree: ast.AST) -> list[int]:
    """Lines that build a Fix without the constructors that write the standard title."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "Fix":
            lines.append(node.lineno)
        elif (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == "Fix"
            and func.attr not in CONSTRUCTORS
        ):
            lines.append(node.lineno)
    return lines


def test_rules_build_fixes_only_through_the_constructors():
    found = {
        str(path.relative_to(RULES_DIR)): lines
        for path in sorted(RULES_DIR.rglob("*.py"))
        if (lines := fix_calls_with_a_free_title(ast.parse(path.read_text("utf-8"))))
    }
    assert found == {}
    assert fix_calls_with_a_free_title(ast.parse('Fix("t", (), x)\nFix.replace(0, 1)')) == [1, 2]
