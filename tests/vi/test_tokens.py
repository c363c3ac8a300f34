"""Words of prose with offsets (soat.vi.tokens)."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.vi import tokens
from soat.vi.tokens import is_all_caps, iter_words, non_prose_spans, sentence_initial


def test_words_with_offsets():
    text = "Công đoàn, COVID-19 và F0."
    words = list(iter_words(text))
    assert [(w.text, w.start, w.end) for w in words] == [
        ("Công", 0, 4),
        ("đoàn", 5, 9),
        ("COVID", 11, 16),
        ("19", 17, 19),
        ("và", 20, 22),
        ("F0", 23, 25),
    ]
    assert [w.is_letters for w in words] == [True, True, True, False, True, False]


@pytest.mark.parametrize(
    "text,skipped",
    [
        (
            "xem https://laodong.vn/cong-doan/bai-viet.html nhé",
            "https://laodong.vn/cong-doan/bai-viet.html",
        ),
        ("trang www.congdoan.vn có", "www.congdoan.vn"),
        ("gửi tới bandoc@nld.com.vn hôm nay", "bandoc@nld.com.vn"),
        ("theo Laodong.vn, hôm qua", "Laodong.vn"),
        ("lệnh `git clóne` chạy", "`git clóne`"),
        ("thẻ #CôngĐoànViệtNam lan", "#CôngĐoànViệtNam"),
    ],
)
def test_non_prose_is_skipped(text, skipped):
    start = text.index(skipped)
    assert (start, start + len(skipped)) in non_prose_spans(text)
    assert all(w.end <= start or w.start >= start + len(skipped) for w in iter_words(text))


def test_sentence_glued_to_the_next_is_not_a_domain():
    assert non_prose_spans("xong việc.Đây là") == []
    assert [w.text for w in iter_words("xong việc.Đây là")] == ["xong", "việc", "Đây", "là"]


@pytest.mark.parametrize(
    "word,caps",
    [("ILO", True), ("ĐOÀN", True), ("A", False), ("Đoàn", False), ("iPhone", False), ("TP", True)],
)
def test_all_caps(word, caps):
    assert is_all_caps(word) == caps


@pytest.mark.parametrize(
    "text,at,initial",
    [
        ("Hòa bình", 0, True),
        ("xong. Hòa bình", 6, True),
        ("xong: “Hòa", 7, True),
        ("ông Hòa", 4, False),
        ("- Hòa", 2, True),
    ],
)
def test_sentence_initial(text, at, initial):
    assert sentence_initial(text, at) == initial


@given(st.text())
def test_tokeniser_never_raises(text):
    for word in iter_words(text):
        assert text[word.start : word.end] == word.text


def test_document_symbols_are_not_words():
    from soat.vi.tokens import document_symbol_spans, iter_words

    text = "Quyết định số 56/qđ-tlđ và Nghị định 12/2022/NĐ - CP, từ 5-15 năm, nhà 3/4."
    assert [text[s:e] for s, e in document_symbol_spans(text)] == ["56/qđ-tlđ", "12/2022/NĐ - CP"]
    words = [w.text for w in iter_words(text)]
    assert "qđ" not in words and "CP" not in words and "năm" in words and "15" in words


@given(
    st.lists(
        st.sampled_from(
            [
                "Đây",
                "là",
                " ",
                "  ",
                ".",
                "_",
                "x1",
                "https://a.vn/b",
                "a@b.com",
                "02-NQ/TW",
                "#tag",
            ]
        )
    ).map("".join)
)
def test_word_list_is_every_word_run_outside_non_prose(text):
    import re

    from soat.vi.tokens import Word, word_list

    spans = non_prose_spans(text)
    expected = [
        Word(m.group(), m.start(), m.end())
        for m in re.finditer(r"[^\W_]+", text)
        if not any(s < m.end() and m.start() < e for s, e in spans)
    ]
    assert word_list(text) == expected
    assert list(iter_words(text)) == expected
    assert word_list(text, skip_non_prose=False) == [
        Word(m.group(), m.start(), m.end()) for m in re.finditer(r"[^\W_]+", text)
    ]


@given(st.text(alphabet="wWvw..x /"))
def test_www_is_found_from_its_dot_as_the_plain_expression_finds_it(text):
    plain = re.search(r"[wW][wW][wW]\.", text) is not None
    assert (tokens._WWW_RE.search(text) is not None) == plain
