"""Dependency directions (docs/architecture.md §2.2) and the explicit rule list."""

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
    "soat.lint.context",
    "soat.lint.errors",
    "soat.lint.tomlsource",
}


def _type_checking_blocks(tree: ast.Module) -> set[int]:
    """ids of the import nodes inside `if TYPE_CHECKING:` (seen by the type checker only)."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            inside.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    return inside


def imports_of(path: Path, *, type_only: bool | None = False) -> set[str]:
    """The soat modules `path` imports: at run time (type_only False), only for the type
    checker (True), or both (None)."""
    tree = ast.parse(path.read_text("utf-8"))
    typing_only = _type_checking_blocks(tree)
    found = set()
    for node in ast.walk(tree):
        if type_only is not None and (id(node) in typing_only) != type_only:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return {m for m in found if m.startswith("soat")}


def modules_under(folder: str):
    return sorted((PKG / folder).rglob("*.py"))


def test_rules_see_only_the_engine_value_types_vi_and_knowledge():
    for path in modules_under("rules"):
        for mod in imports_of(path, type_only=None):
            if mod.startswith(("soat.rules", "soat.vi", "soat.knowledge")) or mod == "soat.lint":
                continue
            base = ".".join(mod.split(".")[:3])
            assert base in ENGINE_ONLY_FOR_RULES, f"{path.relative_to(PKG)} imports {mod}"


def test_engine_never_imports_rules_vi_or_knowledge():
    for path in modules_under("lint"):
        bad = {
            m for m in imports_of(path) if m.startswith(("soat.rules", "soat.vi", "soat.knowledge"))
        }
        assert not bad, f"{path.relative_to(PKG)} imports {bad}"


def test_the_engine_names_knowledge_only_through_its_public_package_for_types():
    """Knowledge reaches the engine from outside (its callers pass `soat.knowledge.
    load_knowledge` in, as they pass the rule list); the type checker may see the public
    `soat.knowledge.Knowledge`, never a module inside the package."""
    for path in modules_under("lint"):
        for mod in imports_of(path, type_only=True):
            if mod.startswith("soat.knowledge"):
                assert mod in ("soat.knowledge", "soat.knowledge.Knowledge"), (path, mod)
                assert path.name == "knowledge.py", f"{path.relative_to(PKG)} imports {mod}"


def test_knowledge_imports_only_itself_vi_and_engine_value_modules():
    allowed = ("soat.knowledge", "soat.vi", "soat.lint.errors", "soat.lint.tomlsource")
    allowed += ("soat.checked_file", "soat.canonical", "soat.records")  # leaves
    for path in modules_under("knowledge"):
        for mod in imports_of(path, type_only=None):
            assert mod in ("soat", "soat.__version__") or mod.startswith(allowed), (
                f"{path.relative_to(PKG)}: {mod}"
            )


def test_imports_under_type_checking_are_told_apart():
    source = (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import soat.x\nimport soat.y\n"
    )
    tree = ast.parse(source)
    assert len(_type_checking_blocks(tree)) == 2  # the Import node and its alias


def test_vi_imports_nothing_of_soat_but_itself_and_the_leaves():
    leaves = ("soat.toml", "soat.checked_file")
    for path in modules_under("vi"):
        bad = {m for m in imports_of(path) if not m.startswith(("soat.vi", *leaves))}
        assert not bad, f"{path.relative_to(PKG)} imports {bad}"


def test_the_cache_leaves_import_nothing_of_soat():
    assert imports_of(PKG / "checked_file.py") == set()
    assert imports_of(PKG / "canonical.py") == set()


def test_the_toml_leaf_imports_nothing_of_soat_and_is_the_only_shim():
    assert imports_of(PKG / "toml.py") == set()
    for path in PKG.rglob("*.py"):
        if path.name != "toml.py":
            assert "tomli as tomllib" not in path.read_text("utf-8"), path.relative_to(PKG)


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


# --- no hidden state in rules (issue 14): what rules share goes through ctx.get/ctx.index ---

_MUTABLE_CALLS = {"dict", "list", "set", "defaultdict", "Counter", "OrderedDict", "bytearray"}
_MUTABLE_NODES = (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)


def _module_level_values(tree: ast.Module):
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            yield node, node.value


def hidden_state(source: str) -> list[str]:
    """Module-level mutable values, `global` statements, id() keys and functools caches."""
    tree = ast.parse(source)
    found = []
    for node, value in _module_level_values(tree):
        if isinstance(value, _MUTABLE_NODES) or (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Name)
            and value.func.id in _MUTABLE_CALLS
        ):
            found.append(f"line {node.lineno}: mutable module-level value")
    for node in ast.walk(tree):
        if isinstance(node, ast.Global | ast.Nonlocal):
            found.append(f"line {node.lineno}: global/nonlocal")
        elif (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "id"
        ):
            found.append(f"line {node.lineno}: id()")
        elif isinstance(node, ast.Attribute | ast.Name) and (
            getattr(node, "attr", None) or getattr(node, "id", None)
        ) in ("lru_cache", "cache", "cached_property"):
            found.append(f"line {node.lineno}: functools cache")
    return found


def test_the_hidden_state_detector_finds_each_kind():
    assert hidden_state("_LAST: list = []") == ["line 1: mutable module-level value"]
    assert hidden_state("_CACHE = {}\n") == ["line 1: mutable module-level value"]
    assert hidden_state("S = set('ab')") == ["line 1: mutable module-level value"]
    assert hidden_state("def f(x):\n    return C.get(id(x))") == ["line 2: id()"]
    assert hidden_state("def f():\n    global N") == ["line 2: global/nonlocal"]
    assert hidden_state("@functools.lru_cache\ndef f(): pass") == ["line 1: functools cache"]
    assert hidden_state("S = frozenset('ab')\nT = ('a',)\nR = re.compile('a')") == []


def test_no_rule_module_keeps_state_between_documents():
    for path in modules_under("rules"):
        found = hidden_state(path.read_text("utf-8"))
        assert not found, f"{path.relative_to(PKG)}: {found}"


# --- no dynamic import: every dependency is a visible import statement (issue 22) ---
# Data files are read with importlib.resources (docs/architecture.md §9.1): that is allowed.


def dynamic_imports(source: str) -> list[str]:
    """Uses of `importlib` other than `importlib.resources`, and of `__import__`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "importlib" or (
                    alias.name.startswith("importlib.") and alias.name != "importlib.resources"
                ):
                    found.append(f"line {node.lineno}: import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "importlib":
                names = [a.name for a in node.names if a.name != "resources"]
                if names:
                    found.append(f"line {node.lineno}: from importlib import {', '.join(names)}")
            elif node.module.startswith("importlib.") and node.module != "importlib.resources":
                found.append(f"line {node.lineno}: from {node.module} import …")
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "importlib"
            and node.attr != "resources"
        ):
            found.append(f"line {node.lineno}: importlib.{node.attr}")
        elif isinstance(node, ast.Name) and node.id == "__import__":
            found.append(f"line {node.lineno}: __import__")
    return found


def test_the_dynamic_import_detector_finds_each_kind():
    assert dynamic_imports("import importlib\nimportlib.import_module('x')") == [
        "line 1: import importlib",
        "line 2: importlib.import_module",
    ]
    assert dynamic_imports("from importlib import import_module") == [
        "line 1: from importlib import import_module"
    ]
    assert dynamic_imports("import importlib.util") == ["line 1: import importlib.util"]
    assert dynamic_imports("from importlib.util import find_spec") == [
        "line 1: from importlib.util import …"
    ]
    assert dynamic_imports("m = __import__('soat.rules')") == ["line 1: __import__"]
    assert dynamic_imports("from importlib import resources\nresources.files('soat')") == []
    assert dynamic_imports("import importlib.resources") == []


# Module → why it must import by name. Keep it short; each entry is a debt.
DYNAMIC_IMPORT_ALLOWED: dict[str, str] = {}


def test_nothing_in_soat_imports_a_module_by_name_at_run_time():
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG).as_posix()
        found = dynamic_imports(path.read_text("utf-8"))
        if rel in DYNAMIC_IMPORT_ALLOWED:
            assert found, f"{rel} no longer imports by name: drop it from the allow-list"
        else:
            assert not found, f"{rel}: {found}"


# --- rules are imported lazily (issue 14): selection reads codes and names only ---


def test_the_registry_names_each_rules_module_code_and_name():
    from soat.rules import DATED, REGISTRY, rule_ref

    for code, name, module, load in REGISTRY:
        rule = importlib.import_module(module).RULE
        assert (rule.code, rule.name) == (code, name), module
        assert rule.dated == (code in DATED), f"{code}: Rule.dated and soat.rules.DATED differ"
        assert load() is rule, f"{code}: the loader imports another module than {module}"
        assert rule_ref(code).rule is rule


def test_a_rule_ref_pickles_to_the_same_ref():
    import pickle

    ref = ALL_RULES[0]
    assert pickle.loads(pickle.dumps(ref)) is ref


def test_only_the_selected_rules_modules_are_imported(tmp_path):
    import json
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("Ngày 2/9 là Quốc khánh.\n", "utf-8")
    script = (
        "import json, sys\n"
        "from soat.lint.config import Config\n"
        "from soat.lint.runner import Settings, lint_source\n"
        "import soat.rules\n"
        "before = {m for m in sys.modules if m.startswith('soat.rules.')}\n"
        "from soat.knowledge import Knowledge\n"
        "settings = Settings.from_config(\n"
        "    Config(select=('TYP001',)), soat.rules.ALL_RULES, knowledge=Knowledge()\n"
        ")\n"
        f"lint_source({str(article)!r}, open({str(article)!r}, encoding='utf-8').read(), settings)\n"
        "after = {m for m in sys.modules if m.startswith('soat.rules.')}\n"
        "print(json.dumps([sorted(before), sorted(after)]))\n"
    )
    root = str(PKG.parent)
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": root, "PATH": ""},
        cwd=root,
    ).stdout
    before, after = json.loads(out)
    assert before == []
    assert after == ["soat.rules.typography", "soat.rules.typography.whitespace"]
