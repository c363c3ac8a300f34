import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from soat.lint.document import LineIndex, TextView
from soat.lint.formats.text import read_text

VIETNAMESE = "aăâeêioôơuưyđAĂÂĐ àáảãạằắẳẵặầấẩẫậ\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"
text_st = st.text(
    alphabet=st.sampled_from(list(VIETNAMESE + " \t\u00a0\n\r.,“”…-")) | st.characters(),
    max_size=200,
)


def test_line_index_rows_and_columns():
    idx = LineIndex("ab\ncd\r\nef\rgh")
    assert idx.rowcol(0) == (1, 1)
    assert idx.rowcol(3) == (2, 1)
    assert idx.rowcol(7) == (3, 1)
    assert idx.rowcol(10) == (4, 1)
    assert idx.rowcol(12) == (4, 3)  # end of text
    assert idx.offset(2, 2) == 4
    assert idx.line_count == 4


def test_line_index_counts_code_points_not_bytes():
    idx = LineIndex("Tiếng Việt 😀 x")
    assert idx.rowcol(14) == (1, 15)


def test_nfc_view_maps_composed_characters_to_their_source():
    view = TextView.contiguous("Vie\u0323\u0302t", 10)
    nfc = view.nfc()
    assert nfc.text == "Việt"
    assert nfc.source_span(2, 3) == (12, 15)  # "ệ" covers e + two marks
    assert nfc.source_span(0, 4) == (10, 16)


def test_txt_blocks_and_title():
    doc = read_text(
        "a.txt", "Trang chủ > Tin tức > Công đoàn\n\nTiêu đề bài\n\nĐoạn một.\n   \nĐoạn hai"
    )
    assert [b.raw.text for b in doc.blocks] == [
        "Trang chủ > Tin tức > Công đoàn",
        "Tiêu đề bài",
        "Đoạn một.",
        "Đoạn hai",
    ]
    assert doc.title.raw.text == "Tiêu đề bài"
    assert [b.kind for b in doc.blocks] == ["paragraph", "title", "paragraph", "paragraph"]


def test_a_title_with_a_date_or_a_slash_is_not_a_breadcrumb():
    for title in ("Ngày 3/11/2025: Công đoàn ra quân", "Lao động / việc làm năm 2025"):
        doc = read_text("a.txt", title + "\nĐoạn một.")
        assert doc.title.raw.text == title
    doc = read_text("a.txt", "Trang chủ | Tin tức | Công đoàn\nTiêu đề\n")
    assert doc.title.raw.text == "Tiêu đề"


def test_txt_directive_lines_are_not_blocks_and_trailing_directives_are_cut():
    src = "Tiêu đề\n<!-- soat-disable-next-line TYP001 -->\nĐoạn  một. <!-- soat-disable-line DAT -->\n"
    doc = read_text("a.txt", src)
    assert [b.raw.text for b in doc.blocks] == ["Tiêu đề", "Đoạn  một."]


def test_block_deletion_takes_following_separator_or_preceding_for_last():
    src = "A\n\nB\n\nC"
    doc = read_text("a.txt", src)
    a, b, c = doc.blocks
    assert src[slice(*doc.block_deletion(b))] == "B\n\n"
    assert src[slice(*doc.block_deletion(c))] == "\n\nC"
    src2 = "A\n\nB\n"
    doc2 = read_text("a.txt", src2)
    assert src2[slice(*doc2.block_deletion(doc2.blocks[1]))] == "\n\nB"


@given(text_st)
@example("\xd9\u0323")  # "Ù" + dot below: NFC "Ụ" + grave, as long but reordered
@example("00\ufb2c")  # one character that NFC writes as three
def test_txt_every_plain_character_maps_back_to_its_source(source):
    doc = read_text("a.txt", source)
    for block in doc.blocks:
        raw = block.raw
        for i, ch in enumerate(raw.text):
            assert source[raw.starts[i] : raw.ends[i]] == ch
        nfc = block.nfc
        assert nfc.text == unicodedata.normalize("NFC", raw.text)
        for i, ch in enumerate(nfc.text):
            piece = unicodedata.normalize("NFC", source[nfc.starts[i] : nfc.ends[i]])
            assert ch in piece
        assert block.start <= (raw.starts[0] if raw.text else block.start)
        assert block.end >= (raw.ends[-1] if raw.text else block.end)


@given(text_st)
def test_line_index_round_trips(source):
    idx = LineIndex(source)
    for off in range(0, len(source) + 1, max(1, len(source) // 20 or 1)):
        row, col = idx.rowcol(off)
        assert idx.offset(row, col) == off


@given(st.text(alphabet="ab\r\n\u2028 ", max_size=30))
def test_line_starts_follow_lf_crlf_and_lone_cr_only(source):
    starts = [0]
    for i, ch in enumerate(source):
        if ch == "\n" or (ch == "\r" and source[i + 1 : i + 2] != "\n"):
            starts.append(i + 1)
    idx = LineIndex(source)
    assert idx.line_count == len(starts)
    assert [idx.line_start(r) for r in range(1, len(starts) + 1)] == starts
