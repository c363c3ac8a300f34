"""SARIF 2.1.0 output: valid against the OASIS schema, with rules, regions, fixes, related."""

import json
from pathlib import Path

import jsonschema
import pytest

from soat.lint.diagnostic import Applicability, Diagnostic, Edit, Fix, Msg, Related, Severity
from soat.lint.output import OutputContext, render
from soat.lint.runner import FileResult
from soat.rules import ALL_RULES
from tests.cli_runner import invoke

SCHEMA = json.loads(
    (Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)
SOURCE = "Đoàn viên  tốt.\nCông đoàn\tViệt Nam\nẢnh: TTXVN\n"
RULES = {r.code: r for r in ALL_RULES}


def validate(doc):
    jsonschema.validators.validator_for(SCHEMA)(SCHEMA).validate(doc)


def report(results, lang="vi", rules=None):
    doc = json.loads(
        render("sarif", results, OutputContext(rules=RULES if rules is None else rules, lang=lang))
    )
    validate(doc)
    return doc


def findings():
    return [
        Diagnostic(
            Msg("2 dấu cách liền nhau", "2 spaces in a row"),
            9,
            11,
            fix=Fix.safe(9, 11, " "),
            severity=Severity.WARNING,
            code="TYP001",
            name="whitespace",
        ),
        Diagnostic(
            "Chú thích lặp lại",
            35,
            46,
            severity=Severity.ERROR,
            code="CAP001",
            name="duplicate-caption",
            fix=Fix.unsafe(35, 46),
            suggestions=(
                Fix(
                    "Viết lại", (Edit(35, 38, "Hình"), Edit(40, 40, "x")), Applicability.SUGGESTION
                ),
            ),
            related=(Related("Chú thích đầu tiên", 16, 25),),
        ),
        Diagnostic("Tiêu đề", 0, 4, severity=Severity.INFO, code="TTL006", name="x"),
    ]


def test_document_shape_and_rules_metadata():
    doc = report([FileResult("content/bài mới.md", SOURCE, findings())])
    assert doc["version"] == "2.1.0"
    (run,) = doc["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "soat"
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted(RULES)
    typ001 = driver["rules"][ids.index("TYP001")]
    assert typ001["name"] == "whitespace"
    assert typ001["shortDescription"]["text"] == RULES["TYP001"].summary.vi
    assert typ001["fullDescription"]["text"] == RULES["TYP001"].explanation.vi
    assert RULES["TYP001"].bad[0].text in typ001["help"]["text"]
    assert typ001["defaultConfiguration"]["level"] == "warning"
    assert typ001["properties"]["fixes"] == ["safe"]


def test_results_regions_levels_and_related_locations():
    (run,) = report([FileResult("content/bài mới.md", SOURCE, findings())])["runs"]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert [r["ruleId"] for r in run["results"]] == ["TTL006", "TYP001", "CAP001"]
    first, title, caption = run["results"][1], run["results"][0], run["results"][2]
    assert first["level"] == "warning" and caption["level"] == "error" and title["level"] == "note"
    assert first["ruleIndex"] == ids.index("TYP001")
    assert first["message"]["text"] == "2 dấu cách liền nhau"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "content/b%C3%A0i%20m%E1%BB%9Bi.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert location["region"] == {
        "startLine": 1,
        "startColumn": 10,
        "endLine": 1,
        "endColumn": 12,
        "charOffset": 9,
        "charLength": 2,
    }
    (related,) = caption["relatedLocations"]
    assert related["message"]["text"] == "Chú thích đầu tiên"
    assert related["physicalLocation"]["region"]["startLine"] == 2
    assert related["physicalLocation"]["region"]["endColumn"] == 10


def test_fixes_and_suggestions_with_their_applicability():
    (run,) = report([FileResult("bai.txt", SOURCE, findings())], lang="en")["runs"]
    first, caption = run["results"][1], run["results"][2]
    (fix,) = first["fixes"]
    assert fix["description"]["text"] == "Replace with a space"
    assert fix["properties"] == {"applicability": "safe"}
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "bai.txt"
    assert change["replacements"] == [
        {
            "deletedRegion": {
                "startLine": 1,
                "startColumn": 10,
                "endLine": 1,
                "endColumn": 12,
                "charOffset": 9,
                "charLength": 2,
            },
            "insertedContent": {"text": " "},
        }
    ]
    delete, suggestion = caption["fixes"]
    assert delete["properties"]["applicability"] == "unsafe"
    assert delete["artifactChanges"][0]["replacements"][0]["insertedContent"] == {"text": ""}
    assert delete["artifactChanges"][0]["replacements"][0]["deletedRegion"]["endLine"] == 4
    assert suggestion["properties"]["applicability"] == "suggestion"
    assert [
        r["insertedContent"]["text"] for r in suggestion["artifactChanges"][0]["replacements"]
    ] == ["Hình", "x"]
    assert run["results"][0].get("fixes") is None


def test_empty_run_is_valid():
    doc = report([], rules={})
    assert doc["runs"][0]["results"] == []
    assert doc["runs"][0]["tool"]["driver"]["rules"] == []


@pytest.mark.parametrize(
    "name, source",
    [
        ("bai.txt", "Tiêu đề\n\nCông đoàn\u00a0cơ sở  tổ chức.\n\nẢnh: Minh Anh\n"),
        ("bai.md", "---\ntitle: Tin\n---\n# Tiêu đề\n\nCông đoàn\u00a0cơ sở  tổ chức.\n"),
        ("bai.html", "<h1>Tiêu đề</h1><p>Công đoàn&nbsp;cơ sở  tổ chức.</p>"),
    ],
)
def test_cli_output_validates(tmp_path, monkeypatch, name, source):
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(source, encoding="utf-8")
    result = invoke(["check", "--output-format", "sarif", name])
    assert result.exit_code == 1, result.output
    doc = json.loads(result.output)
    validate(doc)
    typ001 = [r for r in doc["runs"][0]["results"] if r["ruleId"] == "TYP001"]
    assert len(typ001) == 2
    for r in typ001:
        region = r["locations"][0]["physicalLocation"]["region"]
        flagged = source[region["charOffset"] : region["charOffset"] + region["charLength"]]
        assert flagged in ("\u00a0", "&nbsp;", "  ")
