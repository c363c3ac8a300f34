"""Shared test support: run rules on a text, describe findings as "row:col-row:col CODE".

Rule fixture files live in tests/rules/fixtures/<CODE>.toml, one per rule:

    [[case]]
    name = "what the case shows"
    format = "txt"                 # txt | md | html (default txt)
    input = '''…'''
    expected = ["3:5-3:9 TYP001"]  # every finding of the selected rules, in source order
    fixed = '''…'''                # optional: the text after `--fix`
    unsafe-fixed = '''…'''         # optional: the text after `--fix --unsafe-fixes`
    select = ["TYP001"]            # optional: rules to run (default: the file's rule)
    options = { style = "d/m/yyyy" }  # optional: options of the file's rule
    registry = '''[[person]] …'''  # optional: a user registry
    severity = ["warning"]         # optional: severities of the expected findings, in order
    message = ["…"]                # optional: the findings' messages in Vietnamese, in order
    message-en = ["…"]             # optional: the same in English
    fix-title = ["…", ""]          # optional: each finding's fix title ("" = no fix)
    fix-title-en = ["…", ""]       # optional: the same in English

The four message keys are checked exactly. `SOAT_UPDATE_FIXTURES=1 pytest
tests/rules/test_fixtures.py` rewrites those present in a case (when its findings match) to
what the rules say now, in place, changing no other line (tests/fixture_update.py); to have
one filled, write it empty (`message = []`) and run the update.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from soat.knowledge import builtin_knowledge, load_registry_text
from soat.lint.config import Config
from soat.lint.diagnostic import text_of
from soat.lint.fixer import fix_to_fixpoint
from soat.lint.runner import Settings, lint_source
from soat.rules import ALL_RULES

FIXTURES = Path(__file__).parent / "rules" / "fixtures"
EXTENSIONS = {"txt": "bai.txt", "md": "bai.md", "html": "bai.html"}


def settings_for(select, options=None, registry_text=None, lang="vi") -> Settings:
    config = Config(select=tuple(select), rule_options=options or {}, lang=lang)
    knowledge = builtin_knowledge()
    if registry_text:
        knowledge = knowledge.merged(load_registry_text("registry.toml", registry_text))
    return Settings.from_config(config, ALL_RULES, knowledge=knowledge)


def describe(source: str, diagnostics, path="bai.txt") -> list[str]:
    from soat.lint.document import LineIndex

    index = LineIndex(source)
    out = []
    for d in diagnostics:
        r, c = index.rowcol(d.start)
        er, ec = index.rowcol(d.end)
        out.append(f"{r}:{c}-{er}:{ec} {d.code}")
    return out


def run(text: str, select, fmt="txt", options=None, registry_text=None):
    settings = settings_for(select, options, registry_text)
    return lint_source(EXTENSIONS[fmt], text, settings, fmt)


def fix(text: str, select, fmt="txt", options=None, registry_text=None, unsafe=False) -> str:
    settings = settings_for(select, options, registry_text)
    fixed, _, _ = fix_to_fixpoint(
        text, lambda t: lint_source(EXTENSIONS[fmt], t, settings, fmt), unsafe
    )
    return fixed


def load_cases():
    for path in sorted(FIXTURES.glob("*.toml")):
        data = tomllib.loads(path.read_text("utf-8"))
        code = path.stem
        for i, case in enumerate(data.get("case", [])):
            yield pytest_param(code, i, case)


def pytest_param(code, i, case):
    import pytest

    return pytest.param(code, i, case, id=f"{code}-{i}-{case.get('name', '')[:40]}")


UPDATE = os.environ.get("SOAT_UPDATE_FIXTURES") == "1"
# What each message key of a case holds, per finding, in source order.
MESSAGE_KEYS = {
    "message": lambda d: text_of(d.message, "vi"),
    "message-en": lambda d: text_of(d.message, "en"),
    "fix-title": lambda d: text_of(d.fix.title, "vi") if d.fix else "",
    "fix-title-en": lambda d: text_of(d.fix.title, "en") if d.fix else "",
}


def check_messages(code: str, index: int | None, case: dict, diags) -> None:
    """The case's message keys against the findings; with UPDATE, rewrite those that differ."""
    from tests.fixture_update import update_file

    for key, get in MESSAGE_KEYS.items():
        if key not in case:
            continue
        got = [get(d) for d in diags]
        if UPDATE and index is not None and got != case[key]:
            update_file(FIXTURES / f"{code}.toml", index, key, got)
            continue
        assert got == case[key], f"{case.get('name')}: {key} differs"


def check_case(code: str, case: dict, index: int | None = None) -> None:
    fmt = case.get("format", "txt")
    select = case.get("select", [code])
    options = {code: case["options"]} if "options" in case else None
    registry = case.get("registry")
    text = case["input"]
    diags = run(text, select, fmt, options, registry)
    got = describe(text, diags)
    assert got == case.get("expected", []), f"{case.get('name')}: findings differ"
    if "severity" in case:
        assert [d.severity.label for d in diags] == case["severity"]
    check_messages(code, index, case, diags)
    for key, unsafe in (("fixed", False), ("unsafe-fixed", True)):
        if key in case:
            fixed = fix(text, select, fmt, options, registry, unsafe)
            assert fixed == case[key], f"{case.get('name')}: {key} text differs"
            if not unsafe:
                again = run(fixed, select, fmt, options, registry)
                left = [d for d in again if d.fix and d.fix.applicability.value == "safe"]
                assert not left, f"{case.get('name')}: safe fixes remain after --fix"
