"""The plain-text reader gives the same Documents as its slower definition
(tests/lint/reference_readers.py), on generated texts and, when the project's corpus is
beside the repository, on a sample of its articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.lint.formats.text import read_text
from tests.lint.reference_readers import reference_read_text
from tests.lint.test_html_reference import summary

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT.parent / "shared" / "corpus" / "raw" / "text"

PIECES = st.lists(
    st.sampled_from(
        ["\n", "\r\n", "\r", "\n\n", " ", "\t", "\f", "\v", "\x1c", "\x85", "\u2028", "\xa0"]
        + ["\u3000", "\u200b", "chữ", "Hà Nội", "a.", "x", "Trang chủ > Tin tức", " / ", " | "]
        + ["<!-- soat-disable-line -->", "<!-- soat-disable-next-line TYP001 -->", "soat-"]
        + ["<!--soat-enable-->", "<!-- soat-disable TYP -->  ", "<!-- không -->"]
    ),
    max_size=30,
).map("".join)


def same(source: str) -> None:
    assert summary(read_text("a.txt", source)) == summary(reference_read_text("a.txt", source))


@given(PIECES)
def test_same_documents_on_generated_texts(source):
    same(source)


@given(st.text(max_size=60))
def test_same_documents_on_any_text(source):
    same(source)


def test_same_documents_on_corpus_articles():
    if not ARTICLES.is_dir():
        pytest.skip("the project's corpus (../shared/corpus) is not beside the repository")
    for path in sorted(ARTICLES.glob("*.txt"))[:300]:
        same(path.read_text("utf-8", errors="replace"))
