"""The fixture updater (SOAT_UPDATE_FIXTURES=1): it edits only the value it is asked to."""

from __future__ import annotations

import difflib
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soat.lint.diagnostic import text_of
from tests import rule_fixtures
from tests.fixture_update import case_statements, rewrite_case_key, toml_string, update_file

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SAMPLE = """\
# A comment at the top stays.

[[case]]
name = "first"
input = "Tiêu đề\\nMột  hai."
expected = ["2:4-2:6 TYP001"]
message = ["cũ"]  # a trailing comment stays

[[case]]
name = "second, with a registry whose lines look like headers"
registry = '''
[[document]]
symbol = "1/QĐ-TLĐ"
message = "not a key of the case"
'''
input = '''Tiêu đề
dòng'''
# a comment between keys
expected = ["2:1-2:2 TYP001", "3:1-3:2 TYP001"]
message = [
    "một",
    "hai",
]
fixed = "x"
"""


def changed_lines(old: str, new: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_statements_skip_header_lookalikes_inside_strings():
    lines = SAMPLE.splitlines(keepends=True)
    cases = case_statements(lines)
    assert len(cases) == len(tomllib.loads(SAMPLE)["case"]) == 2
    assert [st.key for st in cases[1]] == [
        "name",
        "registry",
        "input",
        "expected",
        "message",
        "fixed",
    ]


def test_a_one_line_value_is_rewritten_in_place_keeping_its_comment():
    new = rewrite_case_key(SAMPLE, 0, "message", ["Hai dấu cách liền nhau"])
    assert changed_lines(SAMPLE, new) == [
        '-message = ["cũ"]  # a trailing comment stays',
        '+message = ["Hai dấu cách liền nhau"]  # a trailing comment stays',
    ]
    assert tomllib.loads(new)["case"][0]["message"] == ["Hai dấu cách liền nhau"]


def test_a_multi_line_value_becomes_one_line_when_it_fits_and_back():
    short = rewrite_case_key(SAMPLE, 1, "message", ["a", "b"])
    assert changed_lines(SAMPLE, short) == [
        "-message = [",
        '-    "một",',
        '-    "hai",',
        "-]",
        '+message = ["a", "b"]',
    ]
    long = ["x" * 60, "y" * 60]
    back = rewrite_case_key(short, 1, "message", long)
    assert changed_lines(short, back) == [
        '-message = ["a", "b"]',
        "+message = [",
        f'+    "{"x" * 60}",',
        f'+    "{"y" * 60}",',
        "+]",
    ]
    # the registry's own `message` line, inside a string, is untouched
    assert (
        tomllib.loads(back)["case"][1]["registry"] == tomllib.loads(SAMPLE)["case"][1]["registry"]
    )


def test_crlf_files_keep_their_line_ends():
    crlf = SAMPLE.replace("\n", "\r\n")
    new = rewrite_case_key(crlf, 1, "message", ["a"])
    assert '\r\nmessage = ["a"]\r\nfixed' in new
    assert new.count("\n") == new.count("\r\n")


def test_a_missing_key_or_case_is_an_error_not_an_insertion():
    with pytest.raises(ValueError, match="0 'fix-title' keys"):
        rewrite_case_key(SAMPLE, 0, "fix-title", ["x"])
    with pytest.raises(ValueError, match="no case 5"):
        rewrite_case_key(SAMPLE, 5, "message", ["x"])


@settings(max_examples=200)
@given(st.text())
def test_any_text_survives_as_a_toml_string(text):
    assert tomllib.loads(f"k = {toml_string(text)}")["k"] == text


@settings(max_examples=100)
@given(st.integers(0, 1), st.lists(st.text(max_size=80), max_size=4))
def test_any_messages_change_only_that_key(index, values):
    new = rewrite_case_key(SAMPLE, index, "message", values)
    before, after = tomllib.loads(SAMPLE), tomllib.loads(new)
    assert after["case"][index]["message"] == values
    before["case"][index]["message"] = values
    assert after == before
    # lines outside the edited statement are byte for byte the same
    old_lines, new_lines = SAMPLE.splitlines(), new.splitlines()
    st_ = next(s for s in case_statements(SAMPLE.splitlines(True))[index] if s.key == "message")
    assert new_lines[: st_.first] == old_lines[: st_.first]
    tail = len(old_lines) - st_.last - 1
    assert new_lines[len(new_lines) - tail :] == old_lines[st_.last + 1 :]


def test_every_fixture_file_can_be_read_statement_by_statement():
    for path in sorted(rule_fixtures.FIXTURES.glob("*.toml")):
        text = path.read_text("utf-8")
        cases = case_statements(text.splitlines(keepends=True))
        assert len(cases) == len(tomllib.loads(text).get("case", [])), path.name


def test_update_mode_fills_an_empty_message_on_a_copy(tmp_path, monkeypatch):
    asked = (
        "# TYP001 copy\n\n[[case]]\n"
        'name = "no-break space between words"\n'
        'input = "Tiêu đề\\nCán bộ công đoàn\\u00a0cần có tư duy.\\n"\n'
        'expected = ["2:17-2:18 TYP001"]  # one finding\n'
        'message = []\nmessage-en = ["stale"]\nfix-title = []\n'
        'fixed = "Tiêu đề\\nCán bộ công đoàn cần có tư duy.\\n"\n'
    )
    copy = tmp_path / "TYP001.toml"
    copy.write_text(asked, "utf-8")
    monkeypatch.setattr(rule_fixtures, "FIXTURES", tmp_path)
    case = tomllib.loads(asked)["case"][0]

    with pytest.raises(AssertionError, match="message differs"):
        rule_fixtures.check_case("TYP001", case, 0)

    monkeypatch.setattr(rule_fixtures, "UPDATE", True)
    rule_fixtures.check_case("TYP001", case, 0)
    updated = copy.read_text("utf-8")
    diff = changed_lines(asked, updated)
    assert [line[:1] for line in diff] == ["-", "-", "-", "+", "+", "+"], diff
    filled = tomllib.loads(updated)["case"][0]
    (finding,) = rule_fixtures.run(case["input"], ["TYP001"])
    assert filled["message"] == [text_of(finding.message, "vi")]
    assert filled["message-en"] == [text_of(finding.message, "en")]
    assert filled["fix-title"] == [text_of(finding.fix.title, "vi")]
    assert "fix-title-en" not in filled  # only the keys the case has are written

    monkeypatch.setattr(rule_fixtures, "UPDATE", False)
    rule_fixtures.check_case("TYP001", filled, 0)  # now it passes as written
    assert not update_file(copy, 0, "message", filled["message"])  # nothing left to do


def test_a_wording_change_is_one_update_on_a_copy_of_the_fixtures(tmp_path, monkeypatch):
    """Stale messages in every case that checks them come back as the files are now."""
    originals = {}
    for path in sorted(rule_fixtures.FIXTURES.glob("*.toml")):
        text = path.read_text("utf-8")
        stale = text
        for index, case in enumerate(tomllib.loads(text).get("case", [])):
            for key in rule_fixtures.MESSAGE_KEYS:
                if key in case:
                    stale = rewrite_case_key(stale, index, key, ["stale"] * len(case[key]))
        originals[path.name] = text
        (tmp_path / path.name).write_text(stale, "utf-8")
    monkeypatch.setattr(rule_fixtures, "FIXTURES", tmp_path)
    monkeypatch.setattr(rule_fixtures, "UPDATE", True)
    stale_cases = [p for p in rule_fixtures.load_cases() if "message" in p.values[2]]
    assert len(stale_cases) >= len(originals)  # at least one case per rule
    for param in stale_cases:
        code, index, case = param.values
        rule_fixtures.check_case(code, case, index)
    for name, text in originals.items():
        assert (tmp_path / name).read_text("utf-8") == text, name
