"""SPL001, SPL002, SPL005 on the seed article and on arbitrary text."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.rule_fixtures import run

CODES = ["SPL001", "SPL002", "SPL005"]


def test_seed_is_quiet(seed_source):
    # The seed is consistent: traditional tone placement, y spellings, no misspelling.
    assert run(seed_source, CODES) == []


_VIETNAMESE = st.text(
    alphabet="aăâeêioôơuưy bcdđghklmnpqrstvx áàảãạếềểễệốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵHÒÁNGỦY.,-\n",
    max_size=80,
)


@settings(max_examples=80, deadline=None)
@given(st.one_of(st.text(max_size=80), _VIETNAMESE), st.sampled_from(["txt", "md", "html"]))
def test_rules_never_raise(text, fmt):
    for diag in run(text, CODES, fmt):
        assert diag.code in CODES  # an exception would be reported as INT001
        assert 0 <= diag.start <= diag.end <= len(text)


def test_a_glued_name_gets_a_suggestion_to_split_and_no_fix():
    text = "Ông Dinhvà bà Lan đến."
    (diag,) = run(text, ["SPL001"])
    assert (diag.start, diag.end, diag.fix) == (4, 10, None)
    (split,) = diag.suggestions
    assert split.applicability.value == "suggestion"
    assert [(e.start, e.end, e.content) for e in split.edits] == [(4, 10, "Dinh và")]


def test_the_neighbouring_syllables_order_the_suggestions():
    """By frequency alone "thât" would be "thật" and "ngạị" "nghị"; beside "bại" and "lo"
    they are "thất" and "ngại"."""
    for text, first in (("Anh ấy thât bại.", "thất"), ("Giới đầu tư lo ngạị về điều đó.", "ngại")):
        (diag,) = run(text, ["SPL001"])
        assert diag.suggestions[0].edits[0].content == first


def test_extend_words_must_list_single_words(tmp_path):
    from soat.lint.config import load_config
    from soat.lint.errors import UsageError
    from soat.rules import ALL_RULES
    from soat.rules.spelling._words import user_words_problem

    assert user_words_problem(["Ksor", "Niê"]) is None
    assert user_words_problem("Ksor") == "must be a list of words"
    assert user_words_problem([" "]) == (
        'must list single words (no spaces, hyphens or punctuation), not " "'
    )
    for entry in ("trờii-xanh", "chơiz.", "hai từ"):
        assert "must list single words" in user_words_problem([entry])
    path = tmp_path / "soat.toml"
    path.write_text('[rules.SPL006]\n\nextend-words = ["sẳn", "giúp đở"]\n', encoding="utf-8")
    with pytest.raises(UsageError, match="giúp đở") as raised:
        load_config(str(path), ALL_RULES)
    assert "soat.toml:3" in str(raised.value)


def test_extend_words_silences_a_word_written_with_html_entities():
    html = "<p>Hôm nay tr&#7901;ii đẹp, trờii xanh. Đi chơiz.</p>\n"
    codes = {"SPL001": {"extend-words": ("trờii",)}}
    found = run(html, ["SPL001"], fmt="html", options=codes)
    assert [(d.start, d.end) for d in found] == [(43, 48)]  # only "chơiz" is left


def test_extend_words_is_one_list_for_spl001_and_spl006(tmp_path):
    """A word listed under either rule's table is silenced by both (the pooled option)."""
    from soat.api import check_text
    from soat.lint.config import load_config
    from soat.rules import ALL_RULES

    text = "Công đoàn luôn sẳn sàng giúp đở đoàn viên, nghành giáo dục.\n"
    sẳn, đở, nghành = (15, 18, "SPL006"), (29, 31, "SPL006"), (43, 49, "SPL001")
    select = ["SPL001", "SPL006"]

    def found(config_path=None):
        findings = check_text(text, select=select, config_path=config_path)
        return sorted((f.start, f.end, f.code) for f in findings)

    assert found() == [sẳn, đở, nghành]
    config = tmp_path / "soat.toml"
    config.write_text('[rules.SPL001]\nextend-words = ["SẲN", "nghành"]\n', encoding="utf-8")
    assert found(str(config)) == [đở]  # SPL001's list silences SPL006's finding too
    config.write_text('[rules.spl006]\nextend-words = ["đở", "nghành"]\n', encoding="utf-8")
    assert found(str(config)) == [sẳn]  # and SPL006's list SPL001's
    config.write_text(
        '[rules.SPL006]\nextend-words = ["đở"]\n[rules.SPL001]\nextend-words = ["sẳn", "đở"]\n',
        encoding="utf-8",
    )
    loaded = load_config(str(config), ALL_RULES)
    by_code = {r.code: r for r in ALL_RULES}
    for code in ("SPL001", "SPL006"):  # the pool's order, each word once
        assert loaded.options_for(by_code[code]).extend_words == ("sẳn", "đở")
    assert found(str(config)) == [nghành]
