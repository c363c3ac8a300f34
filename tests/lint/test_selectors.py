"""One selector rule for configuration, the command line and suppression comments
(docs/architecture.md §8.2, §6): ALL, a rule name, or a code or family or code prefix of two
or three letters and up to three digits, in any case."""

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.knowledge import load_knowledge
from soat.lint.config import Config
from soat.lint.errors import UsageError
from soat.lint.rule import is_known_selector, matches_selector
from soat.lint.session import CheckOptions, run_check
from soat.lint.suppress import selects
from soat.rules import ALL_RULES

WHITESPACE = next(r for r in ALL_RULES if r.code == "TYP001")
CAPTION = next(r for r in ALL_RULES if r.family == "CAP")


@pytest.mark.parametrize(
    "selector, rule, expected",
    [
        ("ALL", WHITESPACE, True),
        ("all", WHITESPACE, True),
        ("TYP001", WHITESPACE, True),
        ("typ001", WHITESPACE, True),
        ("Typ001", WHITESPACE, True),
        ("TYP", WHITESPACE, True),
        ("typ", WHITESPACE, True),
        ("TYP00", WHITESPACE, True),
        ("typ00", WHITESPACE, True),
        ("TY", WHITESPACE, True),
        ("T", WHITESPACE, False),  # one letter is no family
        ("TYP0011", WHITESPACE, False),
        ("TYP002", WHITESPACE, False),
        ("CAP", WHITESPACE, False),
        ("CAP", CAPTION, True),
        (WHITESPACE.name, WHITESPACE, True),
        (WHITESPACE.name.upper(), WHITESPACE, False),  # names are matched exactly
        ("quotes", WHITESPACE, False),
    ],
)
def test_configuration_and_suppression_comments_read_a_selector_alike(selector, rule, expected):
    assert matches_selector(rule, selector) is expected
    assert selects((selector,), rule.code, rule.name) is expected
    config = Config(select=(selector,))
    assert (rule in config.enabled_rules(ALL_RULES)) is expected


@given(st.text(alphabet="TYPCAtypca0123 -,ALl", max_size=8))
def test_every_string_selects_the_same_rules_in_both_places(selector):
    for rule in ALL_RULES:
        assert matches_selector(rule, selector) == selects((selector,), rule.code, rule.name)
    if any(matches_selector(r, selector) for r in ALL_RULES):
        assert is_known_selector(selector, ALL_RULES)


def test_a_lower_case_family_on_the_command_line_selects_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bai.txt").write_text("Hai  dấu cách.\n", encoding="utf-8")
    out = io.StringIO()
    status = run_check(
        CheckOptions(paths=("bai.txt",), select=("typ",), output_format="json", cache=False),
        ALL_RULES,
        load_knowledge,
        out,
    )
    assert status == 1
    assert '"TYP001"' in out.getvalue()
    with pytest.raises(UsageError, match='unknown rule "t"'):
        run_check(
            CheckOptions(paths=("bai.txt",), select=("t",), cache=False),
            ALL_RULES,
            load_knowledge,
            out,
        )
