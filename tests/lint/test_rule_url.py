"""rule-docs-url: each finding links its rule's page in docs/rules/ (JSON `url`, SARIF
`helpUri`, rdjson `code.url`, HTML), or nothing without a base URL."""

import json
from pathlib import Path

import jsonschema
import pytest

from soat.lint.config import load_config
from soat.lint.errors import UsageError
from soat.lint.rule import ENGINE_RULES
from soat.lint.ruledoc import rule_docs_url_problem, rule_page, rule_url
from soat.rules import ALL_RULES
from tests.cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]
SARIF_SCHEMA = json.loads(
    (Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)
BASE = "https://github.com/example/soat/blob/main/docs/rules/"
# TYP001 (two spaces, line 1) and DAT001 (a date that does not exist, line 2)
ARTICLE = "Đoàn viên  tốt.\nNgày 31/2/2024 họp.\n"


@pytest.mark.parametrize(
    "base, expected",
    [
        (None, None),
        ("", None),
        (BASE, BASE + "TYP001.md"),
        (BASE.rstrip("/"), BASE + "TYP001.md"),
        (
            "https://soat.example.org/rules/{code}.html",
            "https://soat.example.org/rules/TYP001.html",
        ),
        ("https://soat.example.org/r?rule={code}", "https://soat.example.org/r?rule=TYP001"),
    ],
)
def test_rule_url(base, expected):
    assert rule_url("TYP001", base) == expected


def test_every_rule_has_the_page_its_url_names():
    for rule in (*ALL_RULES, *ENGINE_RULES):
        assert (ROOT / "docs" / "rules" / rule_page(rule.code)).is_file(), rule.code
        assert rule_url(rule.code, BASE) == BASE + rule_page(rule.code)


@pytest.mark.parametrize(
    "value, needle",
    [
        ("docs/rules/", "must be an http or https address"),
        ("github.com/x/soat", "must be an http or https address"),
        ("ftp://example.org/rules/", "must be an http or https address"),
        ("https:///rules/", "must be an http or https address"),
        ("https://example.org/my rules/", "must be an http or https address"),
        ("https://example.org/{rule}.html", "may contain only the field {code}"),
        ("https://example.org/{code.html", "may contain only the field {code}"),
        (42, "must be a string"),
    ],
)
def test_bad_values_are_explained(value, needle):
    problem = rule_docs_url_problem(value)
    assert problem is not None and needle in problem


def test_good_values_pass():
    for value in (BASE, "http://localhost:8000/rules", "https://x.org/{code}/"):
        assert rule_docs_url_problem(value) is None


@pytest.mark.parametrize(
    "text, line",
    [
        ('lang = "vi"\nrule-docs-url = "docs/rules/"\n', 2),
        ('\n\nrule-docs-url = ["https://example.org/"]\n', 3),
        ('rule-docs-url = "https://example.org/{rule}"\n', 1),
    ],
)
def test_a_bad_value_in_the_configuration_names_file_and_line(tmp_path, text, line):
    cfg = tmp_path / "soat.toml"
    cfg.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as err:
        load_config(str(cfg), ALL_RULES)
    assert str(err.value).startswith(f'{cfg}:{line}: "rule-docs-url" '), str(err.value)


def test_the_command_line_stops_on_a_bad_value(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.soat]\nrule-docs-url = "rules"\n', encoding="utf-8"
    )
    (tmp_path / "bai.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke(["check", "--no-cache", "bai.txt"])
    assert result.exit_code == 2
    assert 'pyproject.toml:5: "rule-docs-url" must be an http or https address' in result.output


def check(tmp_path, monkeypatch, fmt, *extra):
    monkeypatch.chdir(tmp_path)
    result = invoke(["check", "--select", "TYP001,DAT001", "--output-format", fmt, *extra, "."])
    assert result.exit_code == 1, result.output
    return result.output


def tree(tmp_path, top: str | None, nested: str | None = None) -> None:
    """bai.txt under a soat.toml with `top`, and tin/bai.txt under one with `nested`."""
    (tmp_path / "bai.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "soat.toml").write_text(
        f'rule-docs-url = "{top}"\n' if top else "", encoding="utf-8"
    )
    (tmp_path / "tin").mkdir()
    (tmp_path / "tin" / "bai.txt").write_text(ARTICLE, encoding="utf-8")
    if nested is not None:
        (tmp_path / "tin" / "soat.toml").write_text(
            f'rule-docs-url = "{nested}"\n' if nested else "", encoding="utf-8"
        )


def test_json_url_is_null_without_a_base(tmp_path, monkeypatch):
    tree(tmp_path, None)
    found = json.loads(check(tmp_path, monkeypatch, "json", "--no-cache"))
    assert [(f["filename"], f["code"], f["url"]) for f in found] == [
        ("bai.txt", "TYP001", None),
        ("bai.txt", "DAT001", None),
        ("tin/bai.txt", "TYP001", None),
        ("tin/bai.txt", "DAT001", None),
    ]


def test_json_url_follows_each_files_configuration_also_from_the_cache(tmp_path, monkeypatch):
    other = "https://soat.example.org/rules/{code}.html"
    tree(tmp_path, BASE, other)
    expected = [
        ("bai.txt", "TYP001", BASE + "TYP001.md"),
        ("bai.txt", "DAT001", BASE + "DAT001.md"),
        ("tin/bai.txt", "TYP001", "https://soat.example.org/rules/TYP001.html"),
        ("tin/bai.txt", "DAT001", "https://soat.example.org/rules/DAT001.html"),
    ]
    for _ in range(2):  # the second run reads the findings from .soat_cache/
        found = json.loads(check(tmp_path, monkeypatch, "json"))
        assert [(f["filename"], f["code"], f["url"]) for f in found] == expected
    assert (tmp_path / ".soat_cache").is_dir()


def test_a_nested_configuration_without_the_key_has_no_url(tmp_path, monkeypatch):
    tree(tmp_path, BASE, "")
    found = json.loads(check(tmp_path, monkeypatch, "json", "--no-cache"))
    urls = {f["filename"]: f["url"] for f in found}
    assert urls == {"bai.txt": BASE + "DAT001.md", "tin/bai.txt": None}


def test_sarif_rules_carry_help_uri_and_stay_valid(tmp_path, monkeypatch):
    tree(tmp_path, BASE)
    doc = json.loads(check(tmp_path, monkeypatch, "sarif", "--no-cache"))
    jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(doc)
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert rules and all(r["helpUri"] == BASE + f"{r['id']}.md" for r in rules)
    results = doc["runs"][0]["results"]
    assert {rules[r["ruleIndex"]]["helpUri"] for r in results} == {
        BASE + "TYP001.md",
        BASE + "DAT001.md",
    }


def test_sarif_without_a_base_has_no_help_uri(tmp_path, monkeypatch):
    tree(tmp_path, None)
    doc = json.loads(check(tmp_path, monkeypatch, "sarif", "--no-cache"))
    jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(doc)
    assert not any("helpUri" in r for r in doc["runs"][0]["tool"]["driver"]["rules"])


def test_rdjson_code_url(tmp_path, monkeypatch):
    tree(tmp_path, BASE, "")
    doc = json.loads(check(tmp_path, monkeypatch, "rdjson", "--no-cache"))
    codes = [(d["location"]["path"], d["code"]) for d in doc["diagnostics"]]
    assert codes == [
        ("bai.txt", {"value": "TYP001", "url": BASE + "TYP001.md"}),
        ("bai.txt", {"value": "DAT001", "url": BASE + "DAT001.md"}),
        ("tin/bai.txt", {"value": "TYP001"}),
        ("tin/bai.txt", {"value": "DAT001"}),
    ]


def test_html_links_each_code_to_its_page(tmp_path, monkeypatch):
    tree(tmp_path, BASE, "")
    page = check(tmp_path, monkeypatch, "html", "--no-cache")
    link = f'<a href="{BASE}TYP001.md"><span class="code">TYP001</span></a>'
    assert page.count(link) == 1  # bai.txt's; tin/bai.txt has no base
    assert page.count('<span class="code">TYP001</span>') == 2
