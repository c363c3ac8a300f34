"""The HTML reader gives the same Documents as its slower definition (tests/lint/reference_readers.py).

On generated pages (the tag mix of test_html.py, tag soup, arbitrary text) and, when the
project's corpus is beside the repository, on a sample of its real pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.lint.document import Document
from soat.lint.formats.html import read_html
from tests.lint.reference_readers import reference_read_html
from tests.lint.test_html import html_document

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT.parent / "shared" / "corpus" / "raw" / "html"


def summary(doc: Document):
    """Everything a rule can read of a Document, source maps as tuples."""
    return (
        doc.path,
        doc.format,
        [
            (b.kind, b.raw.text, tuple(b.raw.starts), tuple(b.raw.ends), b.start, b.end)
            + (b.index, b.attrs)
            for b in doc.blocks
        ],
        doc.images,
        doc.metadata,
        None if doc.headline is None else doc.headline.index,
        None if doc.title is None else doc.title.index,
    )


def same(source: str) -> None:
    assert summary(read_html("a.html", source)) == summary(reference_read_html("a.html", source))


@given(html_document())
def test_same_documents_on_generated_pages(source):
    same(source)


SOUP = st.lists(
    st.sampled_from(
        ["<p>", "</p>", "<div>", "</div>", "<li>", "<ul>", "</ul>", "<td>", "<tr>", "<table>"]
        + ["<h1>", "</h1>", "<title>", "</title>", "<head>", "</head>", "<script>", "</script>"]
        + ["<br>", "<br/>", "<img alt='x'>", "<!-- c -->", "<![x]>", "<b>", "</b>", "<pre>"]
        + ["&nbsp;", "&amp", "&copy2024", "&#7841;", "&#x1ea1", "&zz;", "&", "<", ">"]
        + [" ", "  ", "\t", "\n", "\r\n", "\n  ", "\f", "chữ", "a.", "Hà Nội"]
    ),
    max_size=40,
).map("".join)


@given(SOUP)
def test_same_documents_on_tag_soup(source):
    same(source)


@given(st.text())
def test_same_documents_on_arbitrary_text(source):
    same(source)


def test_same_documents_on_the_corpus_pages():
    if not PAGES.is_dir():
        pytest.skip(f"needs the corpus pages in {PAGES} (the project's shared folder)")
    pages = sorted(PAGES.glob("*.html"))[::25]  # a sample spread over the folder
    assert pages
    for page in pages:
        same(page.read_text(encoding="utf-8", errors="replace"))
