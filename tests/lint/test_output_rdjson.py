"""reviewdog Diagnostic Format output, field by field (reviewdog/proto/rdf/reviewdog.proto).

Columns are UTF-8 byte counts starting at 1; end positions are exclusive.
"""

import json

import pytest

from soat.lint.diagnostic import Applicability, Diagnostic, Edit, Fix, Severity
from soat.lint.document import LineIndex
from soat.lint.output import Located, OutputContext, render
from soat.lint.output.rdjson_format import position
from soat.lint.runner import FileResult
from tests.cli_runner import invoke

SOURCE = "Đoàn viên  tốt.\nCông đoàn\tViệt Nam\nẢnh: TTXVN\n"


def diag(code, start, end, severity, fix=None, suggestions=()):
    return Diagnostic(
        f"thông báo {code}",
        start,
        end,
        fix=fix,
        suggestions=suggestions,
        severity=severity,
        code=code,
        name=code.lower(),
    )


def report(results):
    return json.loads(render("rdjson", results, OutputContext(rules={})))


def at(source, offset):
    item = Located("x", Diagnostic("m", 0, 0), 1, 1, 1, 1, LineIndex(source), source)
    return position(item, offset)


@pytest.mark.parametrize(
    "source, offset, expected",
    [
        ("abc", 0, (1, 1)),
        ("abc", 3, (1, 4)),
        ("Đoàn viên  tốt.", 9, (1, 13)),  # Đ, à, ê are two bytes each
        ("Đoàn viên  tốt.", 11, (1, 15)),
        ("Người lao động", 5, (1, 9)),  # ờ is three bytes
        ("a\U00010400b", 2, (1, 6)),  # the proto's example: 𐐀 is four bytes
        ("xin\nchào", 4, (2, 1)),
        ("xin\nchào", 8, (2, 6)),
        ("một\r\nhai", 5, (2, 1)),  # CRLF: the new line starts after LF
        ("cuối\n", 5, (2, 1)),  # end of a file ending in a newline
    ],
)
def test_columns_count_utf8_bytes(source, offset, expected):
    assert (at(source, offset)["line"], at(source, offset)["column"]) == expected


def test_a_diagnostic_result_with_every_field_reviewdog_reads():
    results = [
        FileResult(
            "content/bai.md",
            SOURCE,
            [
                diag(
                    "TYP001",
                    9,
                    11,
                    Severity.WARNING,
                    Fix.safe(9, 11, " "),
                ),
                diag("CAP001", 16, 25, Severity.ERROR),
                diag("BPL002", 35, 45, Severity.INFO),
            ],
        )
    ]
    out = report(results)
    assert out["source"] == {"name": "soat"}
    first, second, third = out["diagnostics"]
    assert first == {
        "message": "thông báo TYP001",
        "location": {
            "path": "content/bai.md",
            "range": {"start": {"line": 1, "column": 13}, "end": {"line": 1, "column": 15}},
        },
        "severity": "WARNING",
        "source": {"name": "soat"},
        "code": {"value": "TYP001"},
        "suggestions": [
            {
                "range": {"start": {"line": 1, "column": 13}, "end": {"line": 1, "column": 15}},
                "text": " ",
            }
        ],
    }
    assert second["severity"] == "ERROR"
    assert second["code"] == {"value": "CAP001"}
    # "Công đoàn": C, ô (2), n, g, space, đ (2), o, à (2), n = 12 bytes
    assert second["location"]["range"] == {
        "start": {"line": 2, "column": 1},
        "end": {"line": 2, "column": 13},
    }
    assert second["suggestions"] == []
    assert third["severity"] == "INFO"
    assert third["location"]["range"]["start"] == {"line": 3, "column": 1}


def test_only_a_safe_fix_becomes_suggestions_one_per_edit():
    two_edits = Fix("Sửa", (Edit(16, 17, "c"), Edit(9, 11, " ")), Applicability.SAFE)
    unsafe = Fix.unsafe(35, 46)
    alternative = Fix("Gợi ý", (Edit(16, 25, "Công Đoàn"),), Applicability.SUGGESTION)
    out = report(
        [
            FileResult(
                "bai.md",
                SOURCE,
                [
                    diag("TYP001", 9, 17, Severity.WARNING, two_edits),
                    diag("BPL002", 35, 45, Severity.WARNING, unsafe),
                    diag("TTL001", 16, 25, Severity.WARNING, None, (alternative,)),
                ],
            )
        ]
    )["diagnostics"]
    assert out[0]["suggestions"] == [
        {
            "range": {"start": {"line": 1, "column": 13}, "end": {"line": 1, "column": 15}},
            "text": " ",
        },
        {
            "range": {"start": {"line": 2, "column": 1}, "end": {"line": 2, "column": 2}},
            "text": "c",
        },
    ]
    assert out[1]["suggestions"] == []
    assert out[2]["suggestions"] == []


def test_a_deletion_across_a_line_break_ends_at_the_next_line_start():
    out = report(
        [
            FileResult(
                "bai.md",
                SOURCE,
                [diag("BPL001", 35, 46, Severity.WARNING, Fix.safe(34, 46))],
            )
        ]
    )
    suggestion = out["diagnostics"][0]["suggestions"][0]
    assert suggestion == {
        "range": {"start": {"line": 2, "column": 24}, "end": {"line": 4, "column": 1}},
        "text": "",
    }


def test_no_findings():
    assert report([FileResult("bai.md", "Sạch.\n", [])]) == {
        "source": {"name": "soat"},
        "diagnostics": [],
    }


def test_the_command_line_writes_the_result(tmp_path, monkeypatch):
    (tmp_path / "bai.txt").write_text("Đoàn viên  tốt.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(["check", "--select", "TYP001", "--output-format", "rdjson", "bai.txt"])
    assert result.exit_code == 1
    (d,) = json.loads(result.output)["diagnostics"]
    assert d["location"]["range"]["start"] == {"line": 1, "column": 13}
    assert d["suggestions"][0]["text"] == " "
