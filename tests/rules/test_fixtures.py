"""Every rule's fixture file: exact findings, messages and fixed output (tests/rule_fixtures.py)."""

import pytest

from tests.rule_fixtures import check_case, load_cases


@pytest.mark.parametrize("code,index,case", list(load_cases()))
def test_fixture(code, index, case):
    check_case(code, case, index)
