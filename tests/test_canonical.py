"""The text keys and digests are computed from (soat/canonical.py)."""

from __future__ import annotations

import dataclasses
import random
from typing import NamedTuple

from hypothesis import example, given
from hypothesis import strategies as st

from soat.canonical import canonical

_atoms = st.none() | st.booleans() | st.integers() | st.text(max_size=5)


class Pair(NamedTuple):
    a: object
    b: object


@dataclasses.dataclass
class PairRecord:
    a: object
    b: object


@given(st.lists(_atoms, max_size=8, unique_by=repr), st.randoms())
@example([False, 0], random.Random(0))  # equal set elements: the set keeps one of them
def test_sets_and_dicts_read_the_same_in_any_order(items, rnd):
    shuffled = items[:]
    rnd.shuffle(shuffled)
    # one of the elements a set would take as the same (False and 0, True and 1)
    hashable = list(dict.fromkeys(i for i in items if i is not None))
    assert canonical(frozenset(hashable)) == canonical({*reversed(hashable)})
    assert canonical(dict(zip(map(repr, items), items, strict=True))) == canonical(
        dict(zip(map(repr, shuffled), shuffled, strict=True))
    )


@given(_atoms, _atoms)
def test_named_tuples_and_dataclasses_read_alike_and_sequences_keep_their_order(a, b):
    text = canonical(Pair(a, b))
    assert text == canonical(PairRecord(a, b)).replace("PairRecord(", "Pair(", 1)
    assert text == f"Pair(a={canonical(a)},b={canonical(b)})"
    assert canonical([a, b]) == canonical((a, b)) == f"[{canonical(a)},{canonical(b)}]"


def test_other_values_read_as_their_repr():
    assert canonical(("x", 1, None)) == "['x',1,None]"
    assert canonical({"b": {2, 1}, "a": []}) == "{'a':[],'b':{1,2}}"
