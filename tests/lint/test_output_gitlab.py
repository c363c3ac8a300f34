"""GitLab Code Quality output, field by field (docs.gitlab.com, "Code Quality report format")."""

import json
import re

from soat.lint.diagnostic import Diagnostic, Fix, Severity
from soat.lint.output import OutputContext, render
from soat.lint.runner import FileResult
from tests.cli_runner import invoke

SOURCE = "Đoàn viên  tốt.\nCông đoàn\tViệt Nam\nẢnh: TTXVN\n"


def diag(code, start, end, severity, fix=None):
    return Diagnostic(
        f"thông báo {code}", start, end, fix=fix, severity=severity, code=code, name=code.lower()
    )


def findings(shift=0):
    """Three findings on SOURCE; `shift` moves them down by as many inserted characters."""
    return [
        diag(
            "TYP001",
            9 + shift,
            11 + shift,
            Severity.WARNING,
            Fix.safe(9 + shift, 11 + shift, " "),
        ),
        diag("CAP001", 16 + shift, 25 + shift, Severity.ERROR),
        diag(
            "BPL002",
            35 + shift,
            45 + shift,
            Severity.INFO,
            Fix.unsafe(35 + shift, 46 + shift),
        ),
    ]


def report(results, lang="vi"):
    return json.loads(render("gitlab", results, OutputContext(rules={}, lang=lang)))


def test_an_array_with_one_issue_per_finding_and_every_field_gitlab_reads():
    issues = report([FileResult("content/bai.md", SOURCE, findings())])
    assert isinstance(issues, list) and len(issues) == 3
    first, second, third = issues
    assert first["description"] == "TYP001 thông báo TYP001"
    assert first["check_name"] == "TYP001"
    assert first["severity"] == "minor"
    assert first["location"] == {"path": "content/bai.md", "lines": {"begin": 1, "end": 1}}
    assert second["check_name"] == "CAP001"
    assert second["severity"] == "major"
    assert second["location"]["lines"]["begin"] == 2
    assert third["check_name"] == "BPL002"
    assert third["severity"] == "info"
    assert third["location"]["lines"] == {"begin": 3, "end": 3}
    for issue in issues:
        assert issue["type"] == "issue"
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])


def test_severity_mapping():
    from soat.lint.output.gitlab_format import SEVERITY

    assert SEVERITY == {"error": "major", "warning": "minor", "info": "info"}


def test_fingerprints_are_unique_and_do_not_change_when_lines_move():
    before = report([FileResult("bai.md", SOURCE, findings())])
    inserted = "Một đoạn mới ở đầu bài.\n\n"
    after = report([FileResult("bai.md", inserted + SOURCE, findings(len(inserted)))])
    assert [i["location"]["lines"]["begin"] for i in after] == [3, 4, 5]
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]
    assert len({i["fingerprint"] for i in before}) == 3


def test_fingerprints_do_not_depend_on_the_message_language():
    results = [FileResult("bai.md", SOURCE, findings())]
    assert [i["fingerprint"] for i in report(results, "vi")] == [
        i["fingerprint"] for i in report(results, "en")
    ]


def test_the_same_finding_twice_in_one_file_gets_two_fingerprints():
    source = "Ảnh: TTXVN\nẢnh: TTXVN\n"
    twice = [diag("BPL001", 0, 10, Severity.WARNING), diag("BPL001", 11, 21, Severity.WARNING)]
    issues = report([FileResult("bai.md", source, twice)])
    assert issues[0]["fingerprint"] != issues[1]["fingerprint"]
    # ... and the same finding in another file is another issue too.
    other = report([FileResult("khac.md", source, twice[:1])])
    assert other[0]["fingerprint"] != issues[0]["fingerprint"]


def test_a_span_that_ends_at_a_line_start_ends_on_the_line_before():
    source = "Dòng một\nDòng hai\nDòng ba\n"
    issue = report([FileResult("bai.txt", source, [diag("CAP002", 0, 18, Severity.WARNING)])])[0]
    assert issue["location"]["lines"] == {"begin": 1, "end": 2}


def test_paths_are_relative_with_forward_slashes():
    issue = report([FileResult("./content\\tin\\bai.md", SOURCE, findings()[:1])])[0]
    assert issue["location"]["path"] == "content/tin/bai.md"


def test_no_findings_is_an_empty_array():
    assert report([FileResult("bai.md", "Sạch.\n", [])]) == []


def test_the_command_line_writes_the_report(tmp_path, monkeypatch):
    (tmp_path / "bai.txt").write_text("Đoàn viên  tốt.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(["check", "--select", "TYP001", "--output-format", "gitlab", "bai.txt"])
    assert result.exit_code == 1
    issues = json.loads(result.output)
    assert [
        (i["check_name"], i["severity"], i["location"]["path"], i["location"]["lines"]["begin"])
        for i in issues
    ] == [("TYP001", "minor", "bai.txt", 1)]
