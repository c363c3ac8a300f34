"""GitHub Actions annotations (docs/architecture.md §11.2): one workflow command per finding."""

import pytest

from soat.lint.diagnostic import Diagnostic, Msg, Severity
from soat.lint.output import OutputContext, render
from soat.lint.output.github_format import escape_data, escape_property
from soat.lint.runner import FileResult
from tests.cli_runner import invoke

SOURCE = "Đoàn viên  tốt.\nCông đoàn\tViệt Nam\nẢnh: TTXVN\n"


def diag(code, start, end, severity, message=None):
    return Diagnostic(
        message or Msg(f"thông báo {code}", f"message {code}"),
        start,
        end,
        severity=severity,
        code=code,
        name=code.lower(),
    )


def annotations(results, lang="vi"):
    return render("github", results, OutputContext(rules={}, lang=lang)).splitlines()


def test_one_annotation_per_finding_with_line_column_and_end():
    results = [
        FileResult(
            "content/bai.md",
            SOURCE,
            [
                diag("TYP001", 9, 11, Severity.WARNING),
                diag("CAP001", 16, 34, Severity.ERROR),
                diag("BPL002", 35, 46, Severity.INFO),
            ],
        )
    ]
    assert annotations(results) == [
        "::warning file=content/bai.md,line=1,col=10,endLine=1,endColumn=12,title=TYP001"
        "::thông báo TYP001",
        "::error file=content/bai.md,line=2,col=1,endLine=2,endColumn=19,title=CAP001"
        "::thông báo CAP001",
        "::notice file=content/bai.md,line=3,col=1,endLine=4,endColumn=1,title=BPL002"
        "::thông báo BPL002",
    ]
    assert annotations(results, "en")[0].endswith("::message TYP001")


def test_sorted_by_file_row_column_and_nothing_for_no_findings():
    results = [
        FileResult("b.txt", SOURCE, [diag("TYP001", 9, 11, Severity.WARNING)]),
        FileResult(
            "a.txt",
            SOURCE,
            [diag("TYP005", 20, 21, Severity.WARNING), diag("TYP001", 9, 11, Severity.WARNING)],
        ),
    ]
    assert [line.split(",title")[0] for line in annotations(results)] == [
        "::warning file=a.txt,line=1,col=10,endLine=1,endColumn=12",
        "::warning file=a.txt,line=2,col=5,endLine=2,endColumn=6",
        "::warning file=b.txt,line=1,col=10,endLine=1,endColumn=12",
    ]
    assert render("github", [FileResult("a.txt", SOURCE, [])], OutputContext(rules={})) == ""


@pytest.mark.parametrize(
    "text, data, prop",
    [
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("a: b, c", "a: b, c", "a%3A b%2C c"),
        ("%0A", "%250A", "%250A"),
    ],
)
def test_escaping(text, data, prop):
    assert escape_data(text) == data
    assert escape_property(text) == prop


def test_file_names_and_messages_are_escaped():
    results = [
        FileResult(
            "tin, mới:1.md", SOURCE, [diag("TYP001", 9, 11, Severity.WARNING, "50% dòng\nhai")]
        )
    ]
    assert annotations(results) == [
        "::warning file=tin%2C mới%3A1.md,line=1,col=10,endLine=1,endColumn=12,title=TYP001"
        "::50%25 dòng%0Ahai"
    ]


@pytest.mark.parametrize(
    "name, source, expected",
    [
        ("bai.txt", "Tiêu đề\n\nCông đoàn  cơ sở.\n", ["line=3,col=10,endLine=3,endColumn=12"]),
        (
            "bai.md",
            "# Tiêu đề\n\nCông đoàn\u00a0cơ sở.\n",
            ["line=3,col=10,endLine=3,endColumn=11"],
        ),
        (
            "bai.html",
            "<h1>Tiêu đề</h1>\n<p>Công đoàn&nbsp;cơ sở.</p>\n",
            ["line=2,col=13,endLine=2,endColumn=19"],
        ),
    ],
)
def test_cli_prints_annotations_at_source_positions(tmp_path, monkeypatch, name, source, expected):
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(source, encoding="utf-8")
    result = invoke(["check", "--output-format", "github", "--select", "TYP001", name])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert [line.split(",", 1)[1].split(",title")[0] for line in lines] == expected
    assert all(line.startswith(f"::warning file={name},") for line in lines)
    assert all(",title=TYP001::" in line for line in lines)
