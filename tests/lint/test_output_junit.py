"""JUnit XML output: one test suite, one test case per file, one failure per finding."""

import xml.etree.ElementTree as ET

from soat.lint.diagnostic import Diagnostic, Fix, Severity
from soat.lint.output import OutputContext, render
from soat.lint.runner import FileResult
from tests.cli_runner import invoke

SOURCE = "Đoàn viên  tốt.\nCông đoàn\tViệt Nam\n"


def diag(code, start, end, severity=Severity.WARNING, fix=None, message=None):
    return Diagnostic(
        message or f"thông báo {code}",
        start,
        end,
        fix=fix,
        severity=severity,
        code=code,
        name=code.lower(),
    )


def parse(results, lang="vi"):
    text = render("junit", results, OutputContext(rules={}, lang=lang))
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def sample():
    return [
        FileResult(
            "tin/b.md",
            SOURCE,
            [
                diag("TYP001", 9, 11, fix=Fix.safe(9, 11, " ")),
                diag(
                    "CAP001",
                    16,
                    25,
                    Severity.ERROR,
                    fix=Fix.unsafe(16, 35),
                ),
            ],
        ),
        FileResult("tin/a.md", "Sạch.\n", []),
        FileResult("tin/c.txt", SOURCE, [diag("TYP001", 25, 26)]),
    ]


def test_one_suite_with_a_case_per_file_and_a_failure_per_finding():
    root = parse(sample())
    assert root.tag == "testsuites"
    assert root.attrib == {"name": "soat", "tests": "3", "failures": "2", "errors": "0"}
    (suite,) = root
    assert suite.tag == "testsuite"
    assert suite.attrib == {
        "name": "soat",
        "tests": "3",
        "failures": "2",
        "errors": "0",
        "skipped": "0",
        "time": "0",
    }
    cases = list(suite)
    assert [c.tag for c in cases] == ["testcase"] * 3
    assert [c.get("name") for c in cases] == ["tin/a.md", "tin/b.md", "tin/c.txt"]
    assert [c.get("file") for c in cases] == ["tin/a.md", "tin/b.md", "tin/c.txt"]
    assert {c.get("classname") for c in cases} == {"soat"}
    assert [len(c.findall("failure")) for c in cases] == [0, 2, 1]


def test_a_failure_names_the_place_the_rule_and_the_fix():
    b = parse(sample()).find("testsuite/testcase[@name='tin/b.md']")
    first, second = b.findall("failure")
    assert first.get("type") == "TYP001"
    assert first.get("message") == "1:10: TYP001 thông báo TYP001"
    assert first.text == (
        "tin/b.md:1:10: TYP001 [warning] thông báo TYP001\nsửa: Sửa thành một dấu cách"
    )
    assert second.get("type") == "CAP001"
    assert second.get("message") == "2:1: CAP001 thông báo CAP001"
    assert second.text == ("tin/b.md:2:1: CAP001 [error] thông báo CAP001\nsửa (cần xem lại): Xóa")


def test_english_labels():
    b = parse(sample(), "en").find("testsuite/testcase[@name='tin/b.md']")
    assert b.findall("failure")[1].text.endswith("unsafe fix: Delete")


def test_characters_xml_cannot_carry_are_shown_as_code_points():
    bad = diag("TYP005", 0, 1, message='Ký tự điều khiển \x07 và \x00 <&> "')
    root = parse([FileResult("bai.txt", "\x07\n", [bad])])
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == '1:1: TYP005 Ký tự điều khiển U+0007 và U+0000 <&> "'
    assert "U+0007" in failure.text


def test_no_files_is_an_empty_suite():
    root = parse([])
    assert root.find("testsuite").attrib["tests"] == "0"
    assert list(root.find("testsuite")) == []


def test_the_command_line_writes_the_report(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Đoàn viên  tốt.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Sạch sẽ.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(["check", "--select", "TYP001", "--output-format", "junit", "a.txt", "b.txt"])
    assert result.exit_code == 1
    suite = ET.fromstring(result.output.encode("utf-8")).find("testsuite")
    assert [(c.get("name"), len(c.findall("failure"))) for c in suite] == [
        ("a.txt", 1),
        ("b.txt", 0),
    ]
