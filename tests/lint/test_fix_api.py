"""The Fix constructors: explicit applicability, titles from the fixed vocabulary."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.lint.diagnostic import Applicability, Edit, Fix, Msg, Wording
from soat.lint.fixer import apply_fixes


@pytest.mark.parametrize(
    "build,kind",
    [(Fix.safe, Applicability.SAFE), (Fix.unsafe, Applicability.UNSAFE)]
    + [(Fix.suggestion, Applicability.SUGGESTION)],
)
def test_each_constructor_sets_its_applicability(build, kind):
    fix = build(3, 5, "ab")
    assert fix.applicability is kind
    assert fix.edits == (Edit(3, 5, "ab"),)
    assert Fix.of(kind, 3, 5, "ab") == fix


def test_no_constructor_defaults_to_safe():
    assert not hasattr(Fix, "replace") and not hasattr(Fix, "delete")
    with pytest.raises(TypeError):
        Fix(Msg("t", "t"), (Edit(0, 1, "x"),))  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Fix.of("safe", 0, 1, "x")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "start,end,content,vi,en",
    [
        (0, 6, "ngành", "Sửa thành “ngành”", "Replace with “ngành”"),
        (0, 6, "", "Xóa", "Delete"),
        (4, 4, "x", "Thêm “x”", "Insert “x”"),
        (4, 4, " ", "Thêm một dấu cách", "Insert a space"),
        (4, 6, " ", "Sửa thành một dấu cách", "Replace with a space"),
        (4, 6, "\u00a0", "Sửa thành một dấu cách không ngắt", "Replace with a no-break space"),
        (4, 4, "\r\n", "Thêm một dòng mới", "Insert a line break"),
        (4, 4, "\n\n", "Thêm một dòng trống", "Insert a blank line"),
        (4, 6, "\t\t", "Sửa thành khoảng trắng", "Replace with whitespace"),
        (0, 9, "Công\n  đoàn", "Sửa thành “Công đoàn”", "Replace with “Công đoàn”"),
        (0, 1, "“", "Sửa thành “", "Replace with “"),
        (0, 1, '"', 'Sửa thành "', 'Replace with "'),
        (0, 3, "…", "Sửa thành “…”", "Replace with “…”"),
    ],
)
def test_titles(start, end, content, vi, en):
    assert Fix.unsafe(start, end, content).title == Msg(vi, en)


def test_titles_of_the_other_wordings():
    assert Fix.safe(0, 10, "UBND phường", wording=Wording.SPLIT).title == Msg(
        "Tách thành “UBND phường”", "Split into “UBND phường”"
    )
    assert Fix.safe(0, 4, "hòa", wording=Wording.NFC).title == Msg(
        "Chuyển sang dạng dựng sẵn (NFC): “hòa”", "Convert to NFC: “hòa”"
    )


def test_a_long_text_is_cut_in_the_title():
    title = Fix.safe(0, 100, "a" * 100).title
    assert isinstance(title, Msg)
    assert title.en == "Replace with “" + "a" * 59 + "…”"


def test_smaller_edits_keep_the_title_of_the_whole():
    fix = Fix.safe(0, 9, "UBND xã", edits=(Edit(4, 4, " "),), wording=Wording.SPLIT)
    assert fix.edits == (Edit(4, 4, " "),)
    assert fix.title == Msg("Tách thành “UBND xã”", "Split into “UBND xã”")
    with pytest.raises(ValueError):
        Fix.safe(2, 5, "x", edits=(Edit(1, 3, "y"),))


@given(st.text(max_size=30), st.data())
def test_a_one_edit_fix_makes_the_range_read_its_content(source, data):
    start = data.draw(st.integers(0, len(source)))
    end = data.draw(st.integers(start, len(source)))
    content = data.draw(st.text(max_size=5))
    kind = data.draw(st.sampled_from(list(Applicability)))
    fix = Fix.of(kind, start, end, content)
    assert apply_fixes(source, [fix]) == source[:start] + content + source[end:]
    assert isinstance(fix.title, Msg) and fix.title.vi and fix.title.en
