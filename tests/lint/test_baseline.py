"""The baseline file and the fingerprint it shares with the GitLab report."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.lint import baseline
from soat.lint.baseline import Entry, dumps, loads, relative_path
from soat.lint.diagnostic import Diagnostic, Severity
from soat.lint.errors import UsageError
from soat.lint.fingerprint import BlockFinder, fingerprints
from soat.lint.output import OutputContext, render
from soat.lint.runner import FileResult

SOURCE = "Tiêu đề bài\n\nĐoàn viên  tốt.\n\nCông đoàn  Việt Nam.\n"


def diag(code: str, start: int, end: int) -> Diagnostic:
    return Diagnostic("thông báo", start, end, severity=Severity.WARNING, code=code)


def spaces(source: str) -> list[Diagnostic]:
    found, i = [], source.find("  ")
    while i >= 0:
        found.append(diag("TYP001", i, i + 2))
        i = source.find("  ", i + 2)
    return found


# --- fingerprints ---------------------------------------------------------------------------


def test_the_same_flagged_text_in_two_paragraphs_gets_two_fingerprints():
    a, b = fingerprints("bai.txt", SOURCE, spaces(SOURCE))
    assert a != b


def test_moving_paragraphs_and_adding_text_elsewhere_keep_fingerprints():
    before = dict(
        zip(["doan", "cong"], fingerprints("bai.txt", SOURCE, spaces(SOURCE)), strict=True)
    )
    moved = "Tiêu đề bài\n\nMột đoạn mới.\n\nCông đoàn  Việt Nam.\n\nĐoàn viên  tốt.\n"
    after = fingerprints("bai.txt", moved, spaces(moved))
    assert after == [before["cong"], before["doan"]]


def test_editing_a_paragraph_changes_only_its_findings_fingerprints():
    before = fingerprints("bai.txt", SOURCE, spaces(SOURCE))
    edited = SOURCE.replace("tốt.", "rất tốt.")
    after = fingerprints("bai.txt", edited, spaces(edited))
    assert after[0] != before[0] and after[1] == before[1]


def test_occurrences_count_within_the_block_and_go_on_across_identical_blocks():
    source = "Đoàn  viên  tốt.\n\nĐoàn  viên  tốt.\n"
    prints = fingerprints("bai.txt", source, spaces(source))
    assert len(prints) == len(set(prints)) == 4


def test_line_endings_do_not_change_fingerprints_but_the_path_and_code_do():
    crlf = SOURCE.replace("\n", "\r\n")
    assert fingerprints("bai.txt", crlf, spaces(crlf)) == fingerprints(
        "bai.txt", SOURCE, spaces(SOURCE)
    )
    one = spaces(SOURCE)[:1]
    assert fingerprints("a.txt", SOURCE, one) != fingerprints("b.txt", SOURCE, one)
    other = [diag("TYP002", one[0].start, one[0].end)]
    assert fingerprints("a.txt", SOURCE, one) != fingerprints("a.txt", SOURCE, other)


def test_the_order_of_the_diagnostics_list_does_not_matter():
    found = spaces(SOURCE)
    assert (
        fingerprints("bai.txt", SOURCE, found[::-1]) == fingerprints("bai.txt", SOURCE, found)[::-1]
    )


def test_blocks_come_from_the_reader_and_fall_back_to_the_line():
    md = "---\ntitle: Bài\n---\n\n# Tiêu đề\n\n- một\n- hai  ba\n"
    finder = BlockFinder("bai.md", md)
    start, end = finder.span_at(md.index("hai"))
    assert md[start:end].startswith("hai") or md[start:end].startswith("- hai")
    assert "một" not in md[start:end]
    front = finder.span_at(md.index("title"))
    assert md[front[0] : front[1]] == "title: Bài"


def test_gitlab_uses_the_same_fingerprints():
    result = FileResult("./content/bai.txt", SOURCE, spaces(SOURCE))
    issues = json.loads(render("gitlab", [result], OutputContext(rules={})))
    assert [i["fingerprint"] for i in issues] == fingerprints(
        "content/bai.txt", SOURCE, result.diagnostics
    )


# --- the file ---------------------------------------------------------------------------


def test_the_file_is_sorted_one_finding_a_line_with_a_version_header():
    entries = [
        Entry("b.txt", "TYP001", "  ", "f2"),
        Entry("a.txt", "TYP002", " ", "f1"),
        Entry("a.txt", "CAP001", "Ảnh: TTXVN", "f3"),
    ]
    text = dumps(entries)
    assert text == (
        "{\n"
        '  "soat-baseline": 1,\n'
        '  "findings": [\n'
        '    {"path": "a.txt", "code": "CAP001", "text": "Ảnh: TTXVN", "fingerprint": "f3"},\n'
        '    {"path": "a.txt", "code": "TYP002", "text": " ", "fingerprint": "f1"},\n'
        '    {"path": "b.txt", "code": "TYP001", "text": "  ", "fingerprint": "f2"}\n'
        "  ]\n"
        "}\n"
    )
    assert dumps([]) == '{\n  "soat-baseline": 1,\n  "findings": []\n}\n'


entry_text = st.text(
    st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=baseline.TEXT_LIMIT
)


@given(
    st.lists(
        st.builds(
            Entry,
            entry_text,
            st.sampled_from(["TYP001", "CAP002", "SPL001"]),
            st.text(st.characters(blacklist_categories=("Cs",)), max_size=baseline.TEXT_LIMIT),
            st.text("0123456789abcdef", min_size=1, max_size=64),
        ),
        max_size=20,
    )
)
def test_dumps_and_loads_round_trip_and_the_order_in_does_not_matter(entries):
    text = dumps(entries)
    assert loads(text, "b.json") == sorted(set(entries))
    assert dumps(entries[::-1]) == text
    unique = len(set(entries))
    assert text.count("\n") == (unique + 5 if unique else 4)  # one finding a line, any text


def test_long_flagged_text_is_shortened_for_the_reviewer():
    long = "Đoàn viên " * 20
    assert len(baseline.shorten(long)) == baseline.TEXT_LIMIT
    assert baseline.shorten(long).endswith("…")
    assert baseline.shorten("a\r\nb") == "a\nb"


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ('{\n  "soat-baseline": 1,\n  "findings": [\n    {"path": }\n  ]\n}', "invalid JSON", 4),
        ("", "invalid JSON", 1),
        ('{"$schema": "x", "version": 1}', 'no "soat-baseline" version header', None),
        ('{"soat-baseline": "1", "findings": []}', "baseline format '1' is not supported", None),
        ('{"soat-baseline": true, "findings": []}', "baseline format True", None),
        ('{"soat-baseline": 1, "findings": [], "extra": 1}', 'unknown key "extra"', None),
        ('{"soat-baseline": 1, "findings": [3]}', "finding 1 is not an object", None),
        (
            '{"soat-baseline": 1, "findings": [{"path": "a", "code": "X", "fingerprint": ""}]}',
            'finding 1 has no "fingerprint"',
            None,
        ),
        (
            '{"soat-baseline": 1, "findings": '
            '[{"path": "a", "code": "X", "fingerprint": "f", "text": 3}]}',
            '"text" must be a string',
            None,
        ),
    ],
)
def test_malformed_files_are_errors_naming_the_file(text, message, line):
    with pytest.raises(UsageError) as caught:
        loads(text, "soat-baseline.json")
    assert caught.value.path == "soat-baseline.json"
    assert message in caught.value.detail
    assert caught.value.line == line


def test_relative_paths_use_forward_slashes(tmp_path):
    folder = tmp_path / "site"
    assert relative_path(str(folder / "tin" / "bai.md"), str(folder)) == "tin/bai.md"
    assert relative_path(str(tmp_path / "khac" / "bai.md"), str(folder)) == "../khac/bai.md"
