"""LEX001's fast paths against the definitions they replace (issue 14).

The matcher finds the wrong forms without compiling its trie-shaped regular expression
(`ConfusionMatcher._regex`, the definition): it splits a text into runs of letters and digits
and tries the forms that start with a run, or looks only for the first runs of the forms whose
runs are all words of the text; the rule searches, in the first documents of a process, only
the blocks that may hold a form; the registry's names are normalised and scanned joined. Each
test builds the plain version on random text and asks for the same answer.
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
    WHOLE_AFTER,
    Confusion,
    ConfusionMatcher,
    fold_sigma,
    normalize_form,
)
from soat.vi.tokens import maybe_not_prose, word_texts

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


def _findings(text: str, documents: int) -> list[tuple]:
    doc = parse("a.txt", text)
    ctx = DocContext(doc, _KNOWLEDGE).for_rule(Options())
    matcher = matcher_for(ctx)
    matcher._documents = documents
    out = [(d.start, d.end, d.message, d.fix, d.suggestions) for d in confused_word.check(ctx)]
    return out


@FAST
@given(_DOC)
def test_lex001_searching_only_the_possible_blocks_finds_what_a_whole_search_finds(text):
    assert _findings(text, 0) == _findings(text, WHOLE_AFTER)


def test_the_first_documents_are_searched_without_compiling_the_expression():
    matcher = ConfusionMatcher(builtin_confusions())
    assert not any(matcher.search_whole() for _ in range(WHOLE_AFTER))
    assert matcher._compiled is None
    assert matcher.search_whole() and matcher._compiled is not None


def test_a_form_that_starts_with_no_letter_is_searched_with_the_expression():
    matcher = _matcher(["--", "sát nhập"])
    assert matcher._by_run is None and matcher.search_whole()
    assert [(m.start, m.end) for m in matcher.find("a -- b, sát  nhập")] == [(2, 4), (8, 17)]
