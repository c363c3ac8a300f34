"""Dependency directions (DESIGN.md §1) and the explicit rule list."""

import ast
import importlib
import pkgutil
from pathlib import Path

import soat
import soat.rules
from soat.lint.rule import ENGINE_RULES, Rule
from soat.rules import ALL_RULES

PKG = Path(soat.__file__).parent
ENGINE_ONLY_FOR_RULES = {
    "soat.lint.document",
    "soat.lint.diagnostic",
    "soat.lint.rule",
    "soat.lint.knowledge",
    "soat.lint.errors",
    "soat.lint.tomlsource",
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return {m for m in found if m.startswith("soat")}


def modules_under(folder: str):
    return sorted((PKG / folder).rglob("*.py"))


def test_rules_see_only_the_engine_value_types_and_vi():
    for path in modules_under("rules"):
        for mod in imports_of(path):
            if mod.startswith(("soat.rules", "soat.vi")) or mod == "soat.lint":
                continue
            base = ".".join(mod.split(".")[:3])
            assert base in ENGINE_ONLY_FOR_RULES, f"{path.relative_to(PKG)} imports {mod}"


def test_engine_never_imports_rules_or_vi():
    for path in modules_under("lint"):
        bad = {m for m in imports_of(path) if m.startswith(("soat.rules", "soat.vi"))}
        assert not bad, f"{path.relative_to(PKG)} imports {bad}"


def test_vi_imports_nothing_of_soat_but_itself():
    for path in modules_under("vi"):
        bad = {m for m in imports_of(path) if not m.startswith("soat.vi")}
        assert not bad, f"{path.relative_to(PKG)} imports {bad}"


def test_every_rule_module_is_listed_exactly_once():
    listed = [r.code for r in ALL_RULES]
    assert len(listed) == len(set(listed)), "a rule code is listed twice"
    names = [r.name for r in ALL_RULES]
    assert len(names) == len(set(names)), "a rule name is used twice"
    modules = []
    for info in pkgutil.walk_packages(soat.rules.__path__, "soat.rules."):
        # Private modules (_words.py) and subpackages hold code shared by a family's rules.
        if not info.ispkg and not info.name.rsplit(".", 1)[1].startswith("_"):
            module = importlib.import_module(info.name)
            rule = getattr(module, "RULE", None)
            assert isinstance(rule, Rule), f"{info.name} has no RULE"
            modules.append(rule)
    assert sorted(r.code for r in modules) == sorted(listed)


def test_rules_are_in_their_family_folder_and_code_order():
    for family_pkg in (
        "captions",
        "boilerplate",
        "references",
        "dates",
        "titles",
        "spelling",
        "lex",
        "typography",
    ):
        module = importlib.import_module(f"soat.rules.{family_pkg}")
        codes = [r.code for r in module.RULES]
        assert codes == sorted(codes), f"{family_pkg} RULES not in code order"
    assert not {r.code for r in ALL_RULES} & {r.code for r in ENGINE_RULES}


def test_every_rule_has_bilingual_docs_and_valid_metadata():
    for r in ALL_RULES:
        assert r.summary.vi and r.summary.en and r.explanation.vi and r.explanation.en, r.code
        assert r.family in ("CAP", "BPL", "REF", "DAT", "TTL", "SPL", "LEX", "TYP"), r.code
        r.default_options()  # options have defaults
