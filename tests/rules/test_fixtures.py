"""Every rule's fixture file: exact findings, messages and fixed output (tests/rule_fixtures.py)."""

import pytest

from soat.rules import ALL_RULES
from tests.rule_fixtures import check_case, load_cases


@pytest.mark.parametrize("code,index,case", list(load_cases()))
def test_fixture(code, index, case):
    check_case(code, case, index)


def test_every_rule_checks_its_messages_somewhere():
    """At least one case per rule checks its messages, and so does every case said to."""
    cases = [p.values for p in load_cases()]
    codes = {code for code, _, _ in cases}
    assert codes == {r.code for r in ALL_RULES}
    for code in sorted(codes):
        assert any("message" in c for k, _, c in cases if k == code), f"{code}: no message"
    for code, index, case in cases:
        if "message" in case.get("name", ""):
            assert "message" in case, f"{code} case {index} is about its message"
