"""soat/records.py: the plain records of the start-up path behave as the dataclasses they
replaced (equality, repr, replace, hashing) and their types keep their own checks."""

import pickle

import pytest

from soat.canonical import canonical
from soat.knowledge import Knowledge
from soat.knowledge.model import Person
from soat.lint.config import Config
from soat.lint.diagnostic import Diagnostic, Msg, Severity
from soat.lint.document import Block, Document, TextView
from soat.lint.rule import Example, Rule
from soat.lint.runner import FileResult


def test_a_diagnostic_compares_all_but_its_path_and_is_not_hashable():
    a = Diagnostic(Msg("a", "a"), 1, 3, code="TYP001", path="x.txt")
    assert a == Diagnostic(Msg("a", "a"), 1, 3, code="TYP001", path="y.txt")
    assert a != Diagnostic(Msg("a", "a"), 1, 4, code="TYP001", path="x.txt")
    assert a != (Msg("a", "a"), 1, 3)  # another type is never equal
    with pytest.raises(TypeError):
        hash(a)
    assert repr(a) == (
        "Diagnostic(message=Msg(vi='a', en='a'), start=1, end=3, fix=None, suggestions=(), "
        "related=(), severity=None, code='TYP001', name='', path='x.txt')"
    )


def test_replace_changes_only_what_it_names_and_refuses_unknown_fields():
    result = FileResult("a.txt", "Bài.", diagnostics=[Diagnostic("m", 0, 1)], fail_on="error")
    other = result.replace(diagnostics=[])
    assert other.diagnostics == [] and result.diagnostics == [Diagnostic("m", 0, 1)]
    assert (other.path, other.source, other.fail_on) == ("a.txt", "Bài.", "error")
    with pytest.raises(TypeError):
        result.replace(colour="red")


def test_mutable_defaults_are_not_shared():
    one, two = Config(), Config()
    one.severity["TYP001"] = Severity.ERROR
    assert (
        two.severity == {}
        and Document("a", "", "txt").blocks is not Document("b", "", "txt").blocks
    )


def test_the_knowledge_leaves_its_memo_of_indexes_out_of_equality_hash_and_repr():
    a = Knowledge(persons=(Person("Lò Văn Pá"),))
    b = Knowledge(persons=(Person("Lò Văn Pá"),), _index={len: 1})
    assert a == b and hash(a) == hash(b)
    assert "_index" not in repr(b) and "Lò Văn Pá" in repr(b)
    assert b.replace(persons=())._index == {}  # a changed table: its indexes built again
    assert b.replace(persons=(), _index={len: 2})._index == {len: 2}


def test_a_text_view_checks_its_ranges_and_is_a_hashable_value():
    view = TextView("ab", (0, 1), (1, 2))
    same = TextView("ab", (0, 1), (1, 2))
    assert view == same and hash(view) == hash(same) and view != TextView("ab", (0, 1), (1, 3))
    with pytest.raises(ValueError, match="one source range per character"):
        TextView("ab", (0,), (1,))


def test_a_block_reads_its_nfc_text_and_leaves_it_out_of_the_repr():
    decomposed = "Co\u0302ng"
    block = Block("paragraph", TextView.contiguous(decomposed, 0), 0, len(decomposed))
    assert block.text == "Công" and block.nfc.source_span(1, 2) == (1, 3)
    assert repr(block).startswith("Block(kind='paragraph', raw=TextView(text='Co") and (
        "_nfc" not in repr(block)
    )


def test_a_rule_checks_its_metadata_when_made():
    example = (Example("x"),)
    fields = dict(
        summary=Msg("s", "s"),
        explanation=Msg("e", "e"),
        severity=Severity.WARNING,
        check=lambda ctx: (),
        bad=example,
        good=example,
    )
    assert Rule("TST001", "a-rule", **fields).family == "TST"
    with pytest.raises(ValueError, match="bad rule code"):
        Rule("T1", "a-rule", **fields)
    with pytest.raises(ValueError, match="kebab-case"):
        Rule("TST001", "A Rule", **fields)
    with pytest.raises(ValueError, match="at least one bad and one good"):
        Rule("TST001", "a-rule", **{**fields, "good": ()})


def test_records_pickle_and_read_alike_in_keys():
    config = Config(select=("TYP",), rule_options={"TYP004": {"style": "curly"}})
    assert pickle.loads(pickle.dumps(config)) == config
    diagnostic = Diagnostic("m", 0, 1, path="a.txt")
    back = pickle.loads(pickle.dumps(diagnostic))
    assert back == diagnostic and back.path == "a.txt"
    assert canonical(config).startswith("Config(path=None,root='.',select=[")
