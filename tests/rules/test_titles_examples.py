"""TTL on the seed article, the example draft and the example registry."""

from pathlib import Path

from soat.knowledge import load_registry_text
from soat.lint.diagnostic import Severity
from tests.rule_fixtures import describe, run

ROOT = Path(__file__).resolve().parents[2]
REGISTRY = (ROOT / "examples" / "registry.toml").read_text("utf-8")
DRAFT = (ROOT / "examples" / "bai-mau.txt").read_text("utf-8")


def test_seed_has_no_title_finding_above_info(seed_source):
    source = seed_source
    found = run(source, ["TTL"])
    assert [d for d in found if d.severity >= Severity.WARNING] == []
    assert describe(source, found) == ["4:63-4:81 TTL006", "10:226-10:230 TTL006"]


def test_example_registry_loads():
    persons = load_registry_text("examples/registry.toml", REGISTRY).persons
    assert [p.name for p in persons] == ["Trần Văn Phúc", "Nguyễn Anh Tuân"]


def test_example_draft_has_a_title_conflict():
    assert describe(DRAFT, run(DRAFT, ["TTL001"])) == ["17:1-17:13 TTL001"]


def test_example_draft_against_the_example_registry():
    found = run(DRAFT, ["TTL004"], registry_text=REGISTRY)
    assert describe(DRAFT, found) == ["17:1-17:13 TTL004"]
    assert found[0].fix.edits[0].content == "Chủ tịch"


def test_user_registry_through_configuration(tmp_path):
    from soat.lint.config import Config
    from soat.lint.runner import Settings, lint_source
    from soat.rules import ALL_RULES

    path = tmp_path / "nguoi.toml"
    path.write_text(REGISTRY, encoding="utf-8")
    settings = Settings.from_config(
        Config(select=("TTL003", "TTL004"), registry=(str(path),)), ALL_RULES
    )
    text = (
        "Chủ tịch LĐLĐ thành phố Hải Phòng Nguyễn Anh Tuấn phát biểu.\n\n"
        "Phó Chủ tịch LĐLĐ tỉnh Bắc Ninh Trần Văn Phúc dự.\n"
    )
    found = lint_source("bai.txt", text, settings, "txt")
    assert describe(text, found) == ["1:35-1:50 TTL003", "3:1-3:13 TTL004"]
