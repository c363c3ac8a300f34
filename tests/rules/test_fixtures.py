"""Every rule's fixture file: exact findings and fixed output (see tests/rule_fixtures.py)."""

import pytest

from tests.rule_fixtures import check_case, load_cases


@pytest.mark.parametrize("code,case", list(load_cases()))
def test_fixture(code, case):
    check_case(code, case)
