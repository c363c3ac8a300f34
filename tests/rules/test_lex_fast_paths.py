"""LEX001's fast paths against the definitions they replace (issue 14).

The matcher finds the wrong forms without compiling its trie-shaped regular expression
(`ConfusionMatcher._regex`, the definition): it splits a text into runs of letters and digits
and tries the forms that start with a run, or looks only for the first runs of the forms whose
runs are all words of the text; the rule skips a document in which no form's first two words
stand side by side (`may_hold_a_form`) and searches only the blocks that may hold a form; the
registry's names are normalised and scanned joined. Each test builds the plain version on
random text and asks for the same answer.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soat.knowledge import load_knowledge
from soat.lint.context import DocContext
from soat.lint.formats import parse
from soat.rules.lex import confused_word
from soat.rules.lex.confused_word import Options, matcher_for
from soat.vi import confusions
from soat.vi.confusion_data import builtin_confusions
from soat.vi.confusions import (
    Confusion,
    ConfusionMatcher,
    fold_sigma,
    normalize_form,
)
from soat.vi.tokens import maybe_not_prose, word_list, word_texts

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_PIECES = ("sát", "nhập", "bổ", "xung", "chia", "sẽ", "a", "ab", "b,", "x-y", "b_c", "ας", "Σ")
_FORM = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=3).map(" ".join)
_SEPS = (" ", "  ", "\n", ", ", "-", "", "_", "'", "\u00a0", " . ")
_TEXT = st.lists(
    st.tuples(
        st.sampled_from((*_PIECES, "Sát", "NHẬP", "Bổ", "aσ", "AΣ", "İ", "x", "9")),
        st.sampled_from(_SEPS),
    ),
    max_size=16,
).map(lambda pairs: "".join(w + s for w, s in pairs))


def _defined(matcher: ConfusionMatcher, lower: str) -> list[tuple[int, int, str]]:
    return [
        (m.start(), m.end(), confusions._SPACE_RE.sub(" ", m.group()))
        for m in matcher._regex.finditer(lower)
    ]


def _matcher(forms) -> ConfusionMatcher:
    return ConfusionMatcher([Confusion(wrong=(normalize_form(f),), right="zz") for f in forms])


@FAST
@given(st.sets(_FORM, min_size=1, max_size=10), _TEXT)
def test_the_runs_find_what_the_trie_expression_finds(forms, text):
    matcher = _matcher(forms)
    lower = confusions._lower_same_length(text)
    assert list(matcher._spans(lower)) == _defined(matcher, lower)


@FAST
@given(st.sets(_FORM, min_size=1, max_size=10), _TEXT)
def test_looking_only_for_the_possible_first_runs_finds_the_same(forms, text):
    matcher = _matcher(forms)
    lower = confusions._lower_same_length(text)
    if maybe_not_prose(text):
        return  # find() searches such a text whole
    words = {matcher.key(w) for w in word_texts(text, False) if matcher.in_a_form(w)}
    firsts = matcher.firsts_in(words)
    assert list(matcher._spans(lower, firsts)) == _defined(matcher, lower)


_NAME = st.lists(
    st.sampled_from((*_PIECES, "Sát", "Công", "ty", " ", "  ", "\t", "\u00a0", "e\u0301", "ÁΣ")),
    max_size=6,
).map("".join)


@FAST
@given(st.sets(_FORM, min_size=1, max_size=8), st.lists(_NAME, max_size=12))
def test_names_scanned_joined_are_names_scanned_one_by_one(forms, names):
    matcher = _matcher(forms)
    distinct = list(dict.fromkeys(normalize_form(n) for n in names))
    expected = [(n, m) for n in distinct for m in _defined(matcher, n)]
    assert list(matcher._name_matches(names)) == expected
    assert confusions._normalized_names(names) == distinct


@given(st.text())
def test_normalize_form_is_nfc_single_spaces_stripped_lower_case(text):
    plain = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().lower()
    assert normalize_form(text) == plain


@given(st.text(alphabet="aAσςΣ_ '-.İ1"))
def test_a_word_lowered_alone_has_the_key_it_has_lowered_inside_the_text(text):
    lower = confusions._lower_same_length(text)
    for m in re.finditer(r"[^\W_]+", text):
        assert fold_sigma(m.group().lower()) == fold_sigma(lower[m.start() : m.end()]) or (
            "İ" in m.group()
        )


_REAL_FORMS = sorted({f for e in builtin_confusions() for f in (*e.wrong, *e.guards)})
_REAL_WORDS = sorted({w for f in _REAL_FORMS for w in f.split()})
_EXTRA = ("https://x.vn/sát-nhập", "02-NQ/TW", "Hà Nội", "Công", "ĐOÀN", "12/2022/NĐ-CP", "x@y.vn")
_DOC = st.lists(
    st.tuples(
        st.one_of(
            st.sampled_from(_REAL_WORDS),
            st.sampled_from(_REAL_WORDS).map(str.capitalize),
            st.sampled_from(_REAL_WORDS).map(str.upper),
            st.sampled_from(_EXTRA),
        ),
        st.sampled_from((" ", " ", " ", "\n", "\n\n", ", ", ". ", "-")),
    ),
    max_size=40,
).map(lambda pairs: "".join(w + s for w, s in pairs))
_KNOWLEDGE = load_knowledge(())


def _findings(text: str, definition: bool = False) -> list[tuple]:
    """LEX001's findings on `text`; with `definition`, every block searched whole with the
    compiled expression."""
    doc = parse("a.txt", text)
    ctx = DocContext(doc, _KNOWLEDGE).for_rule(Options())
    matcher = matcher_for(ctx)
    if definition:
        assert matcher._regex is not None  # compiled: find() then searches with it
        found = [d for b in doc.blocks for d in confused_word.block_findings(b, matcher)]
    else:
        found = list(confused_word.check(ctx))
    return [(d.start, d.end, d.message, d.fix, d.suggestions) for d in found]


@FAST
@given(_DOC)
def test_lex001_searching_only_the_possible_blocks_finds_what_a_whole_search_finds(text):
    assert _findings(text) == _findings(text, definition=True)


def _may_hold_a_form(matcher: ConfusionMatcher, blocks: list[list[str]]) -> bool:
    screen = matcher.screen
    openers = {w for words in blocks for w in words if screen.opens(w)}
    followers = {w for words in blocks for w in words if screen.follows(w)}
    return screen.may_hold_a_form(blocks, openers, followers)


@FAST
@given(st.sets(_FORM, min_size=1, max_size=10), st.lists(_TEXT, min_size=1, max_size=3))
def test_a_text_that_may_hold_no_form_holds_none(forms, blocks):
    """may_hold_a_form on the words of each block outside URLs and symbols (as
    document_words gives them): when it says no, no block holds a form."""
    matcher = _matcher(forms)
    if not _may_hold_a_form(matcher, [[w.text for w in word_list(b)] for b in blocks]):
        for text in blocks:
            assert list(matcher.find(text)) == []
            lower = confusions._lower_same_length(text)
            assert _defined(matcher, lower) == [] or maybe_not_prose(text)


def test_may_hold_a_form_needs_the_first_words_side_by_side():
    matcher = ConfusionMatcher(builtin_confusions())
    assert _may_hold_a_form(matcher, [["a"], ["Đoàn", "BỔ", "Xung", "ý", "kiến"]])
    assert not _may_hold_a_form(matcher, [["xung", "bổ"]])  # both words, not in order
    assert not _may_hold_a_form(matcher, [["ý", "bổ"], ["xung"]])  # not in one block
    assert not _may_hold_a_form(matcher, [[]])
    single = _matcher(["ας", "sát nhập"])
    assert _may_hold_a_form(single, [["x", "\u0391\u03a3"]])  # Greek ΑΣ: lower "ας"
    assert _may_hold_a_form(single, [["Sát", "NHẬP"]])


def test_the_rule_never_compiles_the_expression_when_every_form_starts_with_a_run():
    doc = parse("a.txt", "Đoàn viên chia sẽ kinh nghiệm.\n\nHọ bổ xung ý kiến.\n")
    # options no other test uses: a matcher of its own, built here
    ctx = DocContext(doc, _KNOWLEDGE).for_rule(Options(enable_entries=("thăm quan", "tham quan")))
    matcher = matcher_for(ctx)
    assert len(list(confused_word.check(ctx))) == 2
    assert matcher.by_runs and matcher._compiled is None


def test_a_form_that_starts_with_no_letter_is_searched_with_the_expression():
    matcher = _matcher(["--", "sát nhập"])
    assert not matcher.by_runs
    assert [(m.start, m.end) for m in matcher.find("a -- b, sát  nhập")] == [(2, 4), (8, 17)]
