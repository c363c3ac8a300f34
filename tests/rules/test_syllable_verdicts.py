"""soat/data/syllable_verdicts.txt: the preset answers of the spelling rules' word questions on
every valid syllable (`WordVerdicts` reads them instead of asking each question of each
syllable a process meets). The file must be what the questions answer, and the verdicts read
from it the same as those asked."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.rules.spelling import _words
from soat.rules.spelling._words import WordVerdicts
from soat.vi.syllable_verdicts import FILE, preset_verdicts
from tests.rules.test_spelling_fast_paths import _PIECE, _WORDS, FAST

ROOT = Path(__file__).resolve().parent.parent.parent


def _tool():
    spec = importlib.util.spec_from_file_location(
        "build_syllable_verdicts", ROOT / "tools" / "build_syllable_verdicts.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _tool()
QUESTIONS = TOOL.load_questions()  # imports every rule's module: the marked questions


def test_the_file_is_what_the_questions_answer_on_every_syllable():
    path = ROOT / "soat" / "data" / FILE
    assert path.read_text(encoding="utf-8") == TOOL.render(), (
        "stale: run python tools/build_syllable_verdicts.py"
    )


def test_every_preset_question_has_its_line():
    assert set(QUESTIONS) == {"context-end", "glued-shape", "loud", "styled", "suspect", "variant"}
    assert set(preset_verdicts()[1]) == set(QUESTIONS)


def test_the_table_answers_for_the_syllables_in_both_cases():
    inventory, _ = preset_verdicts()
    valid = TOOL.syllables()
    assert len(valid) > 17_000
    assert inventory == set(valid) | {s.capitalize() for s in valid}
    assert {"hoà", "Hoà", "hòa", "nghiêng", "Đường"} <= inventory
    assert "nghành" not in inventory and "HOÀ" not in inventory


_ANY_WORD = st.one_of(
    _PIECE, st.sampled_from(sorted(preset_verdicts()[0])), st.text(max_size=8)
).filter(bool)


@FAST
@given(st.lists(st.sets(_ANY_WORD, max_size=40), min_size=1, max_size=5))
def test_verdicts_read_from_the_table_are_the_questions_answers(documents):
    questions = [*QUESTIONS.values(), str.istitle]  # str.istitle: a question with no line
    verdicts = WordVerdicts()
    after = _words.PRESET_AFTER
    _words.PRESET_AFTER = 0  # the table from the first word (hypothesis: no monkeypatch)
    try:
        for words in documents:
            for question in questions:
                answers = verdicts.answers(question, set(words))
            for asked in answers.questions:
                assert set(words) & answers.yes[asked] == {w for w in words if asked(w)}, asked
    finally:
        _words.PRESET_AFTER = after


def test_the_table_is_read_once_a_process_has_met_enough_words(monkeypatch):
    asked: list[str] = []

    @_words.preset_question("loud")
    def spy(word: str) -> bool:
        asked.append(word)
        return False

    monkeypatch.setattr(_words, "PRESET_AFTER", 3)
    verdicts = WordVerdicts()
    verdicts.answers(spy, {"hoà", "xyzw"})  # two words met: asked
    assert sorted(asked) == ["hoà", "xyzw"]
    asked.clear()
    answers = verdicts.answers(spy, {"Hoà", "qwrt", "nghiêng"})  # five: the table
    assert asked == ["qwrt"]
    loud = preset_verdicts()[1]["loud"]
    assert answers.yes[spy] == {w for w in ("Hoà", "nghiêng") if w in loud}


def test_words_of_the_fixtures_vocabulary_take_the_tables_answers():
    """The table agrees with the questions on the test vocabulary's syllables (a quick check
    that needs no regeneration)."""
    inventory, yes = preset_verdicts()
    forms = {w for w in _WORDS + [w.capitalize() for w in _WORDS] if w in inventory}
    assert len(forms) > 50
    for name, question in QUESTIONS.items():
        assert {w for w in forms if question(w)} == forms & yes[name], name


def test_words_asked_by_several_questions_are_counted_once(monkeypatch):
    """A run over one article asks four questions of its ~500 distinct words: it has met
    500 words, not 2,000 (counting them once per question read the table on every cold
    start, 14 ms against the 5 ms the questions cost). A new question is asked of the words
    decided so far, and the questions asked before are not asked again."""
    asked: list[str] = []

    def spy(name: str):
        @_words.preset_question(name)
        def question(word: str) -> bool:
            asked.append(word)
            return False

        return question

    monkeypatch.setattr(_words, "PRESET_AFTER", 3)
    verdicts = WordVerdicts()
    for name in ("loud", "suspect", "loud"):  # three questions (two share a name)
        verdicts.answers(spy(name), {"hoà", "xyzw"})
    assert sorted(asked) == ["hoà", "hoà", "hoà", "xyzw", "xyzw", "xyzw"]  # no table, once each


def test_a_question_that_raises_leaves_the_answers_as_they_were():
    """A rule's question that fails on one word (the runner reports the rule's error and
    goes on) fails only the documents holding that word, and is never kept half answered:
    its answers and those of the questions asked before stay exact."""

    def ends_in_g(word: str) -> bool:
        return word.endswith("g")

    def picky(word: str) -> bool:
        if word == "boom":
            raise ValueError(word)
        return word.startswith("a")

    verdicts = WordVerdicts()
    first = {"ab", "ag", "boom", "cg", "ad"}
    verdicts.answers(ends_in_g, first)
    # asked of the words met before, it fails on "boom": a document without it is answered
    answers = verdicts.answers(picky, {"ab", "bg"})
    assert answers.yes[picky] == {"ab"}
    with pytest.raises(ValueError):
        verdicts.answers(picky, {"boom", "ae"})  # a document with it fails, and changes nothing
    answers = verdicts.answers(ends_in_g, {"zg", "af"})
    for question in (ends_in_g, picky):
        assert answers.yes[question] == {w for w in answers.decided if question(w)}
    assert answers.decided == {"ab", "bg", "zg", "af"}


def test_the_table_is_read_only_for_the_questions_it_pays_for(monkeypatch):
    asked: list[str] = []

    @_words.preset_question("styled")  # a cheap question: the table would cost more
    def spy(word: str) -> bool:
        asked.append(word)
        return False

    monkeypatch.setattr(_words, "PRESET_AFTER", 0)
    WordVerdicts().answers(spy, {"Hoà", "qwrt", "nghiêng"})
    assert sorted(asked) == ["Hoà", "nghiêng", "qwrt"]
