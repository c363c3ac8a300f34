"""The HTML reader: blocks, what is not prose, entities and collapsed whitespace, positions."""

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.lint.document import BLOCK_KINDS
from soat.lint.formats.html import read_html
from tests.rule_fixtures import describe, fix, run


def blocks(source):
    return [(b.kind, b.raw.text) for b in read_html("bai.html", source).blocks]


@pytest.mark.parametrize(
    "source, expected",
    [
        ("<h1>Tiêu đề</h1><p>Đoạn.</p>", [("title", "Tiêu đề"), ("paragraph", "Đoạn.")]),
        (
            "<html><head><title>Trang</title><style>p{}</style></head><body><h1>Bài</h1></body></html>",
            [("title", "Trang"), ("heading", "Bài")],
        ),
        (
            "<head><meta charset=utf-8><script>var a = '<p>x</p>';</script></head><p>Đoạn</p>",
            [("paragraph", "Đoạn")],
        ),
        ("<h2>Mục</h2>", [("heading", "Mục")]),
        ("<ul><li>Một<li>Hai</ul>", [("list-item", "Một"), ("list-item", "Hai")]),
        ("<ol><li><p>Một</p></li></ol>", [("list-item", "Một")]),
        (
            "<table><tr><th>a</th><td> b </td></tr></table>",
            [("table-cell", "a"), ("table-cell", "b")],
        ),
        ("<blockquote><p>Trích</p></blockquote>", [("quote", "Trích")]),
        (
            "<figure><img src=a.jpg alt='Ảnh'><figcaption>Chú thích</figcaption></figure>",
            [("caption", "Chú thích")],
        ),
        (
            "<div>Trước<p>giữa</p>sau</div>",
            [("paragraph", "Trước"), ("paragraph", "giữa"), ("paragraph", "sau")],
        ),
        ("<p>Một<p>Hai", [("paragraph", "Một"), ("paragraph", "Hai")]),
        (
            "<p>Chữ <b>đậm</b> và <a href='https://a.vn/x'>liên kết</a>.</p>",
            [("paragraph", "Chữ đậm và liên kết.")],
        ),
        (
            "<p>Gõ <code>soat  check</code> rồi <kbd>Enter</kbd>.</p><pre>mã  nguồn</pre>",
            [("paragraph", "Gõ rồi .")],
        ),
        ("<p>Có <!-- ghi  chú --> ở giữa</p>", [("paragraph", "Có ở giữa")]),
        ("<p>Dòng một<br>dòng hai</p>", [("paragraph", "Dòng một\ndòng hai")]),
        ("<p>\n  Dòng một\n  dòng hai\n</p>", [("paragraph", "Dòng một dòng hai")]),
        ("<p><b>Một</b>\n<i>hai</i></p>", [("paragraph", "Một hai")]),
        ("<p>a <b> b</b></p>", [("paragraph", "a b")]),
        (
            "<p>Một&nbsp;hai &amp; ba &#7841; &#x1EA1; &copy2024 &bogus; AT&T</p>",
            [("paragraph", "Một\u00a0hai & ba ạ ạ ©2024 &bogus; AT&T")],
        ),
        ("Văn bản trần", [("paragraph", "Văn bản trần")]),
        ("<noscript><p>Bật JavaScript</p></noscript><svg><text>x</text></svg>", []),
    ],
)
def test_blocks_and_their_plain_text(source, expected):
    assert blocks(source) == expected


def test_the_headline_is_the_first_h1_when_the_title_is_the_head_title():
    page = "<head><title>Trang</title></head><body><p>Menu</p><h1>Bài</h1><h1>Khác</h1></body>"
    doc = read_html("bai.html", page)
    assert (doc.title.raw.text, doc.headline.raw.text) == ("Trang", "Bài")
    # Without a <title>, the first <h1> is the title and the article starts there.
    doc = read_html("bai.html", "<p>Menu</p><h1>Bài</h1>")
    assert (doc.title.raw.text, doc.headline) == ("Bài", None)
    doc = read_html("bai.html", "<head><title>Trang</title></head><p>Bài</p>")
    assert doc.headline is None


def test_block_extent_is_the_whole_element():
    source = "<article>\n  <p class=a>Một</p>\n  <h2>Hai</h2>\n  <p>Ba\n</article>"
    doc = read_html("bai.html", source)
    # An element alone on its lines owns its indentation, so deleting it leaves no blank space.
    assert [source[b.start : b.end] for b in doc.blocks] == [
        "  <p class=a>Một</p>",
        "  <h2>Hai</h2>",
        "  <p>Ba",
    ]
    assert [b.attrs["tag"] for b in doc.blocks] == ["p", "h2", "p"]
    source = "<div>\n  <p>Một</p> <p>Hai</p>\n</div>"
    doc = read_html("bai.html", source)
    assert [source[b.start : b.end] for b in doc.blocks] == ["<p>Một</p>", "<p>Hai</p>"]


def test_deleting_a_block_removes_its_whole_lines():
    source = "<article>\n  <p>Bài.</p>\n  <p>Bình luận (0)</p>\n</article>\n"
    doc = read_html("bai.html", source)
    start, end = doc.block_deletion(doc.blocks[1])
    assert source[:start] + source[end:] == "<article>\n  <p>Bài.</p>\n</article>\n"


def test_images_are_recorded_with_alt_text_and_the_block_after_them():
    source = (
        "<p>Mở đầu.</p><figure><img src='a.jpg' alt='Ảnh &amp; hội nghị'>"
        "<figcaption>Chú thích</figcaption></figure><p>Cuối <img src=b.png alt=x> bài.</p>"
    )
    doc = read_html("bai.html", source)
    assert [(im.alt, source[im.start : im.end], im.block_index) for im in doc.images] == [
        ("Ảnh & hội nghị", "<img src='a.jpg' alt='Ảnh &amp; hội nghị'>", 1),
        ("x", "<img src=b.png alt=x>", 3),
    ]
    assert [b.raw.text for b in doc.blocks] == ["Mở đầu.", "Chú thích", "Cuối bài."]


def test_a_decoded_nbsp_covers_the_six_source_characters():
    source = "<p>Công&nbsp;đoàn cơ sở</p>\n"
    assert describe(source, run(source, ["TYP001"], "html"), "bai.html") == ["1:8-1:14 TYP001"]
    assert fix(source, ["TYP001"], "html") == "<p>Công đoàn cơ sở</p>\n"


@pytest.mark.parametrize(
    "source, expected",
    [
        ("<p>Dòng một\n   dòng hai</p>\n", []),  # collapsed line break and indentation
        ("<p>\n  Dòng một\n</p>\n", []),
        ("<p>a <b> b</b></p>\n", []),  # whitespace between tags
        ("<p>Dòng một<br>\n  dòng hai</p>\n", []),
        ("<td> ô </td>\n", []),
        ("<p>Dòng  một</p>\n", ["1:8-1:10 TYP001"]),
        ("<p>Dòng\tmột</p>\n", ["1:8-1:9 TYP001"]),
        ("<p>Dòng &nbsp;một</p>\n", ["1:8-1:15 TYP001"]),
        ("<p>15&nbsp;kg gạo</p>\n", []),
        ("<p>Văn bản <!-- soat-disable-line TYP002 --></p>\n", []),
        ("<pre>mã  nguồn</pre>\n", []),
    ],
)
def test_whitespace_findings_point_at_the_source(source, expected):
    assert describe(source, run(source, ["TYP001"], "html"), "bai.html") == expected


def test_crlf_sources_keep_exact_positions():
    source = "<h1>Tiêu  đề</h1>\r\n<p>Dòng một\r\n  dòng&nbsp;hai</p>\r\n"
    found = run(source, ["TYP001"], "html")
    assert describe(source, found, "bai.html") == ["1:9-1:11 TYP001", "3:7-3:13 TYP001"]
    assert (
        fix(source, ["TYP001"], "html") == "<h1>Tiêu đề</h1>\r\n<p>Dòng một\r\n  dòng hai</p>\r\n"
    )


# --- property: every plain-text character maps back to the source it came from -------------

WORD = st.text(
    alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíị"
    "òỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵAĐƯ0123456789.,;:!?()-\"'",
    min_size=1,
    max_size=8,
)
SPACE = st.sampled_from([" ", " ", " ", "  ", "\t", "\n    ", "&nbsp;", " &nbsp;", "\u00a0"])
ENTITY = st.sampled_from(
    ["&amp;", "&nbsp;", "&#7841;", "&#x1EA1;", "&quot;", "&lt;", "&copy", "&hellip;", "&ldquo;"]
)


@st.composite
def inline(draw):
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        word = draw(WORD).replace("<", "")
        shape = draw(
            st.sampled_from(
                ["plain"] * 6 + ["b", "a", "code", "img", "entity", "comment", "br", "span"]
            )
        )
        if shape == "b":
            word = f"<b>{word}</b>"
        elif shape == "a":
            word = f'<a href="https://a.vn/{draw(WORD)}">{word}</a>'
        elif shape == "code":
            word = f"<code>{word}</code>"
        elif shape == "img":
            word = f'<img src="a.jpg" alt="{word}">'
        elif shape == "entity":
            word += draw(ENTITY)
        elif shape == "comment":
            word = f"<!-- {word} -->"
        elif shape == "br":
            word += "<br>"
        elif shape == "span":
            word = f"<span class=x>{word}</span>"
        parts.append(word)
        parts.append(draw(SPACE))
    return "".join(parts[:-1])


@st.composite
def html_document(draw):
    out = []
    if draw(st.booleans()):
        out.append(f"<head><title>{draw(inline())}</title><style>p {{}}</style></head>")
    for _ in range(draw(st.integers(1, 6))):
        tag = draw(
            st.sampled_from(["p", "p", "h1", "h2", "li", "td", "blockquote", "figcaption", "div"])
        )
        closing = f"</{tag}>" if draw(st.integers(0, 4)) else ""
        out.append(f"<{tag}>{draw(inline())}{closing}")
    newline = draw(st.sampled_from(["\n", "\r\n", "\n  "]))
    return newline.join(out) + "\n"


def comes_from(ch: str, src: str) -> bool:
    """Whether plain character `ch` can stand for the source text `src`."""
    if src == ch:
        return True
    if ch == " " and not re.sub(r"<[^>]*>", "", src).strip(" \t\r\n\f"):
        return True  # collapsed whitespace, possibly with tags in between
    if ch == "\n" and re.fullmatch(r"<br\s*/?>", src):
        return True
    return src.startswith("&") and ch in html.unescape(src)


@given(html_document())
def test_every_plain_character_maps_back_to_its_source(source):
    doc = read_html("bai.html", source)
    for block in doc.blocks:
        raw = block.raw
        assert raw.text and raw.text[0] not in " \t\r\n"
        for ch, s, e in zip(raw.text, raw.starts, raw.ends, strict=True):
            assert comes_from(ch, source[s:e]), (ch, source[s:e], block)
        assert list(raw.starts) == sorted(raw.starts)
        assert block.start <= raw.starts[0] and raw.ends[-1] <= block.end
    for image in doc.images:
        assert source[image.start : image.end].startswith("<img")
    # Blocks in source order, numbered, of the kinds rules know; each image points at the
    # first block after it.
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    assert all(b.kind in BLOCK_KINDS for b in doc.blocks)
    assert [b.start for b in doc.blocks] == sorted(b.start for b in doc.blocks)
    for image in doc.images:
        after = [b.index for b in doc.blocks if b.start > image.start]
        assert image.block_index == (after[0] if after else len(doc.blocks))


@given(st.text())
def test_no_crash_on_arbitrary_text(source):
    doc = read_html("bai.html", source)
    for block in doc.blocks:
        for s, e in zip(block.raw.starts, block.raw.ends, strict=True):
            assert 0 <= s < e <= len(source)
