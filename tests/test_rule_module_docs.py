"""One source of rule documentation (CONTRIBUTING.md §4): what users read is the rule's
`explanation` (Vietnamese and English); the module docstring is a short English note for
maintainers in one layout:

    CODE name — <summary.en>.

    Looks at: what the rule reads and where its logic lives.
    Does not: what it leaves alone on purpose, and which rule owns it.
    Data: built-in data, registries and options it uses, or "none".
    Fix: <declared kinds, e.g. "safe, unsafe"> — when each applies; or "none — why".
    Notes: optional; measurements, design decisions.
"""

from __future__ import annotations

import ast
import importlib
import re
import sys
from pathlib import Path

import pytest

import soat
from soat.lint.rule import Rule
from soat.rules import ALL_RULES

ROOT = Path(soat.__file__).parent.parent
SECTIONS = ("Looks at", "Does not", "Data", "Fix")
OPTIONAL = ("Notes",)
KIND_ORDER = ("safe", "unsafe", "suggestion")
MAX_LINES = 16
_HEADING_RE = re.compile(r"^([A-Z][a-z]*(?: [a-z]+)?): ")
# Words of Vietnamese prose: allowed inside quotes (examples), not in the note's own words.
_VIETNAMESE_PROSE = {"và", "của", "là", "được", "những", "trong", "không", "một", "khi", "các"}
_QUOTED_RE = re.compile(r"“[^”]*”|\"[^\"]*\"|`[^`]*`|\([^()]*\)")


def module_of(rule) -> object:
    return sys.modules[rule.check.__module__]


def rule_modules_on_disk() -> set[str]:
    found = set()
    for path in (ROOT / "soat" / "rules").rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        if any(
            isinstance(node, ast.Assign)
            and any(getattr(t, "id", "") == "RULE" for t in node.targets)
            for node in tree.body
        ):
            found.add(".".join(path.relative_to(ROOT).with_suffix("").parts))
    return found


def resolves(dotted: str) -> bool:
    """A dotted name is a module, or a name defined in one."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            if not hasattr(obj, name):
                return False
            obj = getattr(obj, name)
        return True
    return False


def sections(doc: str) -> dict[str, str]:
    """The docstring's sections after the first line, by heading, in order."""
    out: dict[str, str] = {}
    current = None
    for line in doc.splitlines()[2:]:
        m = _HEADING_RE.match(line)
        if m and m.group(1) in SECTIONS + OPTIONAL:
            current = m.group(1)
            assert current not in out, f"section {current!r} twice"
            out[current] = line[m.end() :]
        else:
            assert current is not None, f"text before the first section: {line!r}"
            assert line.strip(), "no blank lines between sections"
            out[current] += " " + line.strip()
    return out


def test_every_module_with_a_rule_is_a_registered_rule():
    assert rule_modules_on_disk() == {r.check.__module__ for r in ALL_RULES}


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_docstring_follows_the_layout(rule):
    doc = module_of(rule).__doc__ or ""
    lines = doc.rstrip("\n").splitlines()
    assert lines[0] == f"{rule.code} {rule.name} — {rule.summary.en}.", "first line"
    assert len(lines) > 2 and lines[1] == "", "a blank line after the first"
    assert len(lines) <= MAX_LINES, f"{len(lines)} lines: a maintainer's note is short"
    found = sections(doc.rstrip("\n"))
    headings = [h for h in found if h in SECTIONS]
    assert headings == list(SECTIONS), f"sections {list(found)}, expected {SECTIONS} in order"
    assert list(found)[-1] in ("Fix", *OPTIONAL), "Notes, if any, come last"
    for heading, text in found.items():
        assert text.strip(), f"{heading}: empty"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_fix_section_names_the_declared_kinds(rule):
    fix = sections(module_of(rule).__doc__)["Fix"]
    kinds = {getattr(k, "value", k) for k in rule.fixes}
    declared = ", ".join(k for k in KIND_ORDER if k in kinds) or "none"
    assert fix.startswith(declared + " — "), f"Fix: should start with {declared!r} — …"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_docstring_names_only_things_that_exist(rule):
    doc = module_of(rule).__doc__
    for path in re.findall(r"(?<![\w.])((?:soat|tools|tests)/[\w/.-]*\w)", doc):
        assert (ROOT / path).exists(), f"{path} does not exist"
    for dotted in re.findall(r"(?<![\w/])(soat(?:\.\w+)+)", doc):
        assert resolves(dotted), f"{dotted}: no such module or name"
    module = module_of(rule)
    rule_fields = set(Rule._fields)
    for name in re.findall(r"`([A-Za-z_][A-Za-z0-9_]*)`", doc):
        if "_" in name or name.isupper():  # a Python name, not a TOML key or an option
            assert hasattr(module, name) or name in rule_fields, f"`{name}` is not in the module"
    for code in re.findall(r"\b([A-Z]{3}\d{3})\b", doc):
        assert code in {r.code for r in ALL_RULES} | {"IO001", "INT001"}, code


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_docstring_is_english_outside_its_examples(rule):
    prose = _QUOTED_RE.sub(" ", module_of(rule).__doc__)
    words = set(re.findall(r"\w+", prose.lower()))
    assert not words & _VIETNAMESE_PROSE, f"Vietnamese prose: {sorted(words & _VIETNAMESE_PROSE)}"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_explanation_is_in_both_languages(rule):
    vi, en = rule.explanation.vi, rule.explanation.en
    assert vi.strip() and en.strip() and vi != en
    assert re.search(r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", vi), "vi has no Vietnamese"
    assert re.search(r"\b(the|a|an|is|are|of|not)\b", en), "en reads like no English"
    assert _VIETNAMESE_PROSE & set(re.findall(r"\w+", vi.lower())), "vi is not prose"
