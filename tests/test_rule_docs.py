"""docs/rules/ is generated from rule metadata; it must not drift (run `make docs`)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_generator():
    spec = importlib.util.spec_from_file_location(
        "gen_rule_docs", ROOT / "tools" / "gen_rule_docs.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rule_docs_are_fresh():
    gen = load_generator()
    wanted = gen.expected_files()
    stale = [p.name for p, text in wanted.items() if not p.exists() or p.read_text("utf-8") != text]
    extra = [p.name for p in gen.DOCS.glob("*.md") if p not in wanted]
    assert not stale and not extra, f"run `make docs`: stale {stale}, extra {extra}"
