"""Every rule's documented examples: bad ones trigger the rule, good ones do not."""

import pytest

from soat.rules import ALL_RULES
from tests.rule_fixtures import run

BAD = [pytest.param(r, e, id=f"{r.code}-bad{i}") for r in ALL_RULES for i, e in enumerate(r.bad)]
GOOD = [pytest.param(r, e, id=f"{r.code}-good{i}") for r in ALL_RULES for i, e in enumerate(r.good)]


@pytest.mark.parametrize("rule,example", BAD)
def test_bad_example_triggers(rule, example):
    options = {rule.code: example.options} if example.options else None
    found = [
        d
        for d in run(example.text, [rule.code], example.format, options, example.registry or None)
        if d.code == rule.code
    ]
    assert found, f"{rule.code} did not fire on its bad example"


@pytest.mark.parametrize("rule,example", GOOD)
def test_good_example_is_quiet(rule, example):
    options = {rule.code: example.options} if example.options else None
    found = [
        d
        for d in run(example.text, [rule.code], example.format, options, example.registry or None)
        if d.code == rule.code
    ]
    assert not found, f"{rule.code} fired on its good example: {found}"
