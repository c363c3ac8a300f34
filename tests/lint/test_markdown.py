"""The Markdown reader: blocks, what is not prose, exact source positions, front matter."""

import datetime
import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.lint.document import BLOCK_KINDS
from soat.lint.formats.markdown import read_markdown
from tests.rule_fixtures import describe, fix, run


def blocks(source):
    return [(b.kind, b.raw.text) for b in read_markdown("bai.md", source).blocks]


@pytest.mark.parametrize(
    "source, expected",
    [
        ("# Tiêu đề\n\nĐoạn một.\n", [("title", "Tiêu đề"), ("paragraph", "Đoạn một.")]),
        ("# Một\n\n# Hai\n", [("title", "Một"), ("heading", "Hai")]),
        ("## Mục\n", [("heading", "Mục")]),
        ("Tiêu đề\n=======\n", [("title", "Tiêu đề")]),
        ("Dòng một\ndòng hai\n", [("paragraph", "Dòng một dòng hai")]),
        ("> Trích\n> dẫn\n", [("quote", "Trích dẫn")]),
        ("- Một\n- Hai\n  tiếp\n", [("list-item", "Một"), ("list-item", "Hai tiếp")]),
        ("1. Một\n2) Hai\n", [("list-item", "Một"), ("list-item", "Hai")]),
        ("* *Nhấn* mạnh\n", [("list-item", "Nhấn mạnh")]),
        ("# - gạch\n", [("title", "- gạch")]),
        (
            "| a | b |\n|---|---|\n| x *y* | z |\n",
            [("table-cell", "a"), ("table-cell", "b"), ("table-cell", "x y"), ("table-cell", "z")],
        ),
        ("Chữ **đậm**, *nghiêng*, ~~gạch~~.\n", [("paragraph", "Chữ đậm, nghiêng, gạch.")]),
        (
            'Xem [trang](https://vi.wikipedia.org/wiki/Hà_Nội "Tiêu đề") nhé.\n',
            [("paragraph", "Xem trang nhé.")],
        ),
        ("Xem [trang][ref] nhé.\n\n[ref]: https://a.vn\n", [("paragraph", "Xem trang nhé.")]),
        ("Gõ `soat  check` rồi chạy.\n", [("paragraph", "Gõ rồi chạy.")]),
        ("Trang <https://a.vn/x> này.\n", [("paragraph", "Trang này.")]),
        ("Chữ <b>đậm</b> thôi.\n", [("paragraph", "Chữ đậm thôi.")]),
        ("Chú thích <!-- ghi chú --> ở giữa.\n", [("paragraph", "Chú thích ở giữa.")]),
        ("Dòng một<br>dòng hai\n", [("paragraph", "Dòng một\ndòng hai")]),
        ("```\nmã  nguồn\n```\n\n    thụt lề\n", []),
        ("<div>\nkhối HTML\n</div>\n", []),
        ("<!-- soat-disable TYP001 -->\n", []),
        ("***\n", []),
        ("Một&nbsp;hai &amp; ba \\* bốn\n", [("paragraph", "Một\u00a0hai & ba * bốn")]),
    ],
)
def test_blocks_and_their_plain_text(source, expected):
    assert blocks(source) == expected


@pytest.mark.parametrize(
    "source, expected",
    [
        # an emphasis-only line inside an image's paragraph
        ("![Ảnh](a.jpg)\n*Chú thích ảnh*\n", [("caption", "Chú thích ảnh")]),
        (
            "![Ảnh](a.jpg)\n_Chú thích_\nVăn bản tiếp.\n",
            [("caption", "Chú thích"), ("paragraph", "Văn bản tiếp.")],
        ),
        # an emphasis-only paragraph right after an image-only paragraph
        ("![Ảnh](a.jpg)\n\n*Chú thích ảnh*\n", [("caption", "Chú thích ảnh")]),
        ("![Ảnh](a.jpg)\n\n**Chú thích ảnh**\n", [("caption", "Chú thích ảnh")]),
        # not captions
        ("*Nhấn mạnh cả đoạn*\n", [("paragraph", "Nhấn mạnh cả đoạn")]),
        ("![Ảnh](a.jpg)\n\n*Một phần* của câu.\n", [("paragraph", "Một phần của câu.")]),
        (
            "![Ảnh](a.jpg)\n\nVăn bản.\n\n*Nhấn mạnh*\n",
            [("paragraph", "Văn bản."), ("paragraph", "Nhấn mạnh")],
        ),
    ],
)
def test_captions(source, expected):
    assert blocks(source) == expected


def test_images_are_recorded_with_alt_text_and_the_block_after_them():
    source = 'Mở đầu.\n\n![Ảnh *hội nghị*](a.jpg "t")\n*Chú thích*\n\nCuối ![x](b.png) bài.\n'
    doc = read_markdown("bai.md", source)
    assert [(im.alt, source[im.start : im.end], im.block_index) for im in doc.images] == [
        ("Ảnh hội nghị", '![Ảnh *hội nghị*](a.jpg "t")', 1),
        ("x", "![x](b.png)", 3),
    ]
    assert [b.kind for b in doc.blocks] == ["paragraph", "caption", "paragraph"]


@pytest.mark.parametrize(
    "source, metadata, first_block",
    [
        (
            "---\ntitle: Tin  mới\ndate: 2024-03-15\n---\nNội dung.\n",
            {"title": "Tin  mới", "date": datetime.date(2024, 3, 15)},
            "Nội dung.",
        ),
        (
            '+++\ntitle = "Tin"\ndate = 2024-03-15\n+++\n\nNội dung.\n',
            {"title": "Tin", "date": datetime.date(2024, 3, 15)},
            "Nội dung.",
        ),
        ("---\r\ntitle: Tin\r\n...\r\nNội dung.\r\n", {"title": "Tin"}, "Nội dung."),
        (
            "---\ntitle: [không đóng\n---\nNội dung.\n",
            {},
            "Nội dung.",
        ),  # broken YAML: still not prose
        ("---\ntitle: Tin\n\nkhông đóng\n", {}, None),  # never closed: not front matter
    ],
)
def test_front_matter_is_metadata_never_blocks(source, metadata, first_block):
    doc = read_markdown("bai.md", source)
    assert doc.metadata == metadata
    if first_block is not None:
        assert doc.blocks[0].raw.text == first_block
        assert all("title" not in b.raw.text for b in doc.blocks)


@pytest.mark.parametrize(
    "value, date",
    [
        ('"2024-03-15"', datetime.date(2024, 3, 15)),
        ('"2024-03-15T08:30:00+07:00"', datetime.date(2024, 3, 15)),
        ('" 2024-03-15 08:30 "', datetime.date(2024, 3, 15)),
        ("2024-03-15 08:30:00", datetime.date(2024, 3, 15)),  # YAML's own datetime
        ('"2024-02-30"', None),
        # Taken by date.fromisoformat from Python 3.11 on, never by 3.10: neither is a date
        # here, on any version.
        ('"20240315"', None),
        ('"2024-W11-5"', None),
        ('"2024-03-150"', None),
        ('"15/03/2024"', None),
    ],
)
def test_the_front_matter_date_is_read_the_same_on_every_python(value, date):
    doc = read_markdown("bai.md", f"---\ndate: {value}\n---\nNội dung.\n")
    assert doc.date == date


def test_front_matter_is_not_linted():
    source = "---\ntitle: Tin  mới\n---\n\nCông  đoàn.\n"
    assert describe(source, run(source, ["TYP001"], "md")) == ["5:5-5:7 TYP001"]


def test_entities_and_escapes_cover_their_source_characters():
    source = "Một&nbsp;hai \\* ba\n"
    block = read_markdown("bai.md", source).blocks[0]
    spans = [
        (ch, source[s:e])
        for ch, s, e in zip(block.raw.text, block.raw.starts, block.raw.ends, strict=True)
    ]
    assert ("\u00a0", "&nbsp;") in spans
    assert ("*", "\\*") in spans
    assert describe(source, run(source, ["TYP001"], "md")) == ["1:4-1:10 TYP001"]
    assert fix(source, ["TYP001"], "md") == "Một hai \\* ba\n"


@pytest.mark.parametrize(
    "source, expected",
    [
        ("Dòng một\ndòng hai\n", []),  # a soft break is one collapsed space
        ("Dòng một \n   dòng hai\n", []),  # with the indentation after it
        ("> Trích\n> dẫn\n", []),
        ("- Mục\n  tiếp\n", []),
        ("Dòng  một\ndòng hai\n", ["1:5-1:7 TYP001"]),  # repeated spaces inside a line
        ("Dòng một  \ndòng hai\n", []),  # two trailing spaces: a hard break
        ("Dòng một   \ndòng hai\n", ["1:9-1:12 TYP001"]),  # three: trailing whitespace
        ("Dòng một \n", ["1:9-1:10 TYP001"]),  # trailing space at the block's end
        ("# Tiêu đề \n", ["1:10-1:11 TYP001"]),
        ("Có `mã  nguồn` ở đây\n", []),  # code is not prose
        ("Có <!-- a  b --> ở đây\n", []),
        ("Văn bản <!-- soat-disable-line TYP002 -->\n", []),
        ("| a  b | c |\n|---|---|\n", ["1:4-1:6 TYP001"]),
    ],
)
def test_whitespace_findings_point_at_the_source(source, expected):
    assert describe(source, run(source, ["TYP001"], "md")) == expected


def test_crlf_sources_keep_exact_positions():
    source = "---\r\ntitle: Tin\r\n---\r\n# Tiêu  đề\r\n\r\nDòng một\r\ndòng  hai\r\n"
    found = run(source, ["TYP001"], "md")
    assert [source[d.start : d.end] for d in found] == ["  ", "  "]
    assert describe(source, found) == ["4:7-4:9 TYP001", "7:5-7:7 TYP001"]
    assert (
        fix(source, ["TYP001"], "md")
        == "---\r\ntitle: Tin\r\n---\r\n# Tiêu đề\r\n\r\nDòng một\r\ndòng hai\r\n"
    )


def test_block_extent_is_the_blocks_lines():
    source = "Mở đầu.\n\n- Một\n  hai\n- Ba\n\n> Trích\n"
    doc = read_markdown("bai.md", source)
    assert [source[b.start : b.end] for b in doc.blocks] == [
        "Mở đầu.",
        "- Một\n  hai",
        "- Ba",
        "> Trích",
    ]
    assert [b.index for b in doc.blocks] == [0, 1, 2, 3]


# --- property: every plain-text character maps back to the source it came from -------------

WORD = st.text(
    alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíị"
    "òỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵAĐƯ0123456789.,;:!?()-\"'",
    min_size=1,
    max_size=8,
)
SPACE = st.sampled_from([" ", " ", " ", "  ", "\t", "&nbsp;", "\u00a0"])


@st.composite
def inline(draw):
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        word = draw(WORD)
        shape = draw(
            st.sampled_from(
                ["plain"] * 6
                + ["em", "strong", "code", "link", "image", "entity", "escape", "comment"]
            )
        )
        if shape == "em":
            word = f"*{word}*"
        elif shape == "strong":
            word = f"**{word}**"
        elif shape == "code":
            word = f"`{word}`"
        elif shape == "link":
            word = f'[{word}](https://a.vn/{draw(WORD)} "{draw(WORD)}")'
        elif shape == "image":
            word = f"![{word}](anh.jpg)"
        elif shape == "entity":
            word += draw(st.sampled_from(["&amp;", "&nbsp;", "&#7841;", "&#x1EA1;", "&quot;"]))
        elif shape == "escape":
            word += draw(st.sampled_from(["\\*", "\\_", "\\[", "\\`", "\\#"]))
        elif shape == "comment":
            word = f"<!-- {word} -->"
        parts.append(word)
        parts.append(draw(SPACE) if draw(st.booleans()) else draw(st.sampled_from(["\n", " \n  "])))
    return "".join(parts[:-1])


@st.composite
def markdown_document(draw):
    out = []
    if draw(st.booleans()):
        out.append(f"---\ntitle: {draw(WORD)}\n---\n")
    for _ in range(draw(st.integers(1, 6))):
        prefix = draw(st.sampled_from(["", "", "# ", "## ", "- ", "1. ", "> ", "  "]))
        text = draw(inline())
        if prefix.startswith(">"):
            text = text.replace("\n", "\n> ")
        elif prefix in ("- ", "1. "):
            text = text.replace("\n", "\n   ")
        elif prefix.startswith("#"):
            text = text.replace("\n", " ")
        out.append(prefix + text)
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return ("\n\n".join(out) + "\n").replace("\n", newline)


def comes_from(ch: str, src: str) -> bool:
    """Whether plain character `ch` can stand for the source text `src`."""
    if src == ch:
        return True
    if ch == " " and src.strip(" \t>") in ("", "\n", "\r\n") and re.search(r"[\r\n]", src):
        return True  # a soft line break and the prefix of the next line
    if ch == "\n" and re.fullmatch(r"(\\\r?\n|\r?\n|<br\s*/?>)[ \t>]*", src):
        return True  # a hard line break
    if src.startswith("&") and ch in html.unescape(src):
        return True
    return src.startswith("\\") and src[1:] == ch


@given(markdown_document())
def test_every_plain_character_maps_back_to_its_source(source):
    doc = read_markdown("bai.md", source)
    for block in doc.blocks:
        raw = block.raw
        assert raw.text and raw.text[0] not in " \t\r\n"
        for ch, s, e in zip(raw.text, raw.starts, raw.ends, strict=True):
            assert comes_from(ch, source[s:e]), (ch, source[s:e], block)
        assert list(raw.starts) == sorted(raw.starts)
        if block.kind != "table-cell":
            assert block.start <= raw.starts[0] and raw.ends[-1] <= block.end
    for image in doc.images:
        assert source[image.start : image.end].startswith("![")
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
    doc = read_markdown("bai.md", source)
    for block in doc.blocks:
        for s, e in zip(block.raw.starts, block.raw.ends, strict=True):
            assert 0 <= s < e <= len(source)
