""".docx in, Word comments out: locations as paragraph:character, annotation, fixes, errors."""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st

from soat.lint.formats.docx_text import extract, paragraph_pieces
from soat.lint.formats.word import open_docx
from soat.lint.word_check import split_run
from tests.cli_runner import invoke
from tests.lint.word_helpers import (
    ROOT,
    build_extras,
    build_seed,
    comment_ranges,
    seed_lines,
)

CONFIG = str(ROOT / "examples" / "soat.toml")


def soat(*args: str, cwd: Path | None = None):
    return invoke(["check", "--config", CONFIG, *args])


def findings(*args: str) -> list[dict]:
    res = soat("--output-format", "json", *args)
    assert res.exit_code in (0, 1), res.output
    return json.loads(res.output)


def where(items: list[dict]) -> list[tuple]:
    return sorted(
        (
            f["code"],
            f["location"]["row"],
            f["location"]["column"],
            f["end_location"]["row"],
            f["end_location"]["column"],
        )
        for f in items
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def seed(tmp_path) -> Path:
    path = tmp_path / "bai.docx"
    build_seed(path)
    return path


@pytest.fixture
def extras(tmp_path) -> Path:
    path = tmp_path / "phu.docx"
    build_extras(path)
    return path


# --- reading --------------------------------------------------------------------------------


def test_seed_findings_are_the_text_files_at_paragraph_character(seed):
    """One paragraph per line of the seed: the .docx findings are the .txt findings, exactly.

    The runs are cut every 7 characters (mid-word), paragraph 3 holds a tracked deletion of
    "300" and insertion of "200", and paragraph 1 an editor's comment; none of it moves a
    finding.
    """
    got = findings(str(seed))
    expected = findings(str(ROOT / "examples" / "bai-mau.txt"))
    assert len(got) >= 15  # the seed has a defect of every family (22 findings as of writing)
    assert where(got) == where(expected)
    lines = seed_lines()
    row = next(i for i, line in enumerate(lines, 1) if "31/4/2024" in line)
    col = lines[row - 1].index("31/4/2024") + 1
    assert ("DAT001", row, col, row, col + 9) in where(got)  # 31/4/2024, exactly
    assert ("TYP001", 3, 124, 3, 125) in where(got)  # the no-break space after "cán bộ"


def test_tracked_changes_are_read_as_accepted(seed):
    extraction = extract(open_docx(seed.read_bytes()))
    third = extraction.paragraphs[2].text
    assert third == seed_lines()[2]
    assert "300" not in third and "200 cán bộ" in third


def test_table_footnote_header_footer_locations(extras):
    assert where(findings(str(extras))) == [
        ("DAT001", 2, 10, 2, 19),  # the table's first cell
        ("REF001", 4, 17, 4, 25),  # body paragraph after the table
        ("SPL004", 7, 11, 7, 19),  # the footnote (its text starts with a space after the mark)
        ("TYP001", 5, 8, 5, 10),  # the header
    ]


def test_text_output_quotes_the_paragraph(extras):
    res = soat(str(extras))
    assert f"{extras}:4:17: REF001" in res.output
    assert " 4 | Theo Chỉ thị số 05/CT-TW của Bộ Chính trị." in res.output


def test_metadata_and_kinds(extras, seed):
    from soat.lint.formats.word import document_from

    doc = document_from("a.docx", extract(open_docx(extras.read_bytes())))
    # The creation date is kept but is not the article's date (often a template's).
    assert doc.date is None and doc.metadata["created"].date().isoformat() == "2024-12-20"
    assert [b.kind for b in doc.blocks] == [
        "title",
        "table-cell",
        "table-cell",
        "paragraph",
        "paragraph",
        "paragraph",
        "paragraph",
    ]
    assert [b.attrs["docx"] for b in doc.blocks] == [
        "body",
        "table",
        "table",
        "body",
        "header",
        "footer",
        "footnote",
    ]
    seed_doc = document_from("b.docx", extract(open_docx(seed.read_bytes())))
    assert seed_doc.metadata["title"] == "Hội nghị tập huấn công tác tuyên truyền"


def test_caption_style_and_caption_under_a_picture(tmp_path):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from soat.lint.formats.word import document_from

    document = docx.Document()
    document.add_paragraph("Tít bài")
    document.add_paragraph("Chú thích theo kiểu", style="Caption")
    png = ROOT / "docs" / "html-report.png"
    document.add_picture(str(png))
    under = document.add_paragraph("Ảnh: hội nghị")
    under.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("Đoạn thường, căn trái.")
    path = tmp_path / "anh.docx"
    document.save(path)
    doc = document_from("anh.docx", extract(open_docx(path.read_bytes())))
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("title", "Tít bài"),
        ("caption", "Chú thích theo kiểu"),
        ("caption", "Ảnh: hội nghị"),
        ("paragraph", "Đoạn thường, căn trái."),
    ]


@given(
    st.lists(
        st.text(
            st.characters(
                blacklist_categories=("Cs", "Cc", "Cn", "Co"), blacklist_characters="\r\n"
            ),
            min_size=0,
            max_size=8,
        ),
        max_size=8,
    )
)
def test_run_offset_map(run_texts):
    """Every character maps back to (run, offset) holding that very character."""
    document = docx.Document()
    p = document.add_paragraph()
    for text in run_texts:
        p.add_run(text)
    extraction = extract(document)
    (para,) = extraction.paragraphs
    assert para.text == "".join(run_texts)
    nonempty = [t for t in run_texts if t]
    for offset, ch in enumerate(para.text):
        run, k = para.run_offset(offset)
        assert nonempty[run][k] == ch
    # Splitting any run anywhere keeps the text and the formatting of each character.
    for offset in range(1, len(para.text)):
        piece = para.piece_at(offset)
        if piece.start != offset:
            split_run(piece.run, piece.node, offset - piece.start)
            text, pieces, _, _ = paragraph_pieces(p._p)
            assert text == "".join(run_texts)
            break


# --- annotating -----------------------------------------------------------------------------


def test_annotate_writes_one_comment_per_finding_on_the_flagged_words(seed):
    before = digest(seed)
    items = findings(str(seed))
    res = soat("--annotate", "-q", str(seed))
    assert res.exit_code == 1
    assert digest(seed) == before  # the original is byte-identical
    annotated = seed.with_name("bai.soat.docx")
    document = docx.Document(str(annotated))
    comments = list(document.comments)
    ours = [c for c in comments if c.author == "soat"]
    assert len(ours) == len(items) >= 15
    theirs = [c for c in comments if c.author != "soat"]
    assert [(c.author, c.text) for c in theirs] == [("Biên tập viên", "Tít hơi dài")]
    ranges = comment_ranges(annotated)
    text = extract(open_docx(seed.read_bytes())).text.split("\n")
    expected = sorted(
        text[f["location"]["row"] - 1][
            f["location"]["column"] - 1 : f["end_location"]["column"] - 1
        ]
        for f in items
    )
    assert sorted(ranges[str(c.comment_id)] for c in ours) == expected
    for c in ours:
        assert c.text.startswith("[")
    ref = next(c for c in ours if "REF001" in c.text)
    assert "05-CT/TW" in ref.text and "Sửa:" in ref.text
    # The text a reader sees and every character's formatting are what they were.
    assert _formatting(annotated) == _formatting(seed)


def test_annotate_anchors_notes_and_headers_in_the_body(extras):
    before = digest(extras)
    assert soat("--annotate", "-q", str(extras)).exit_code == 1
    assert digest(extras) == before
    annotated = extras.with_name("phu.soat.docx")
    comments = {c.comment_id: c.text for c in docx.Document(str(annotated)).comments}
    ranges = comment_ranges(annotated)
    by_code = {t.split("[", 1)[1].split()[0]: str(cid) for cid, t in comments.items()}
    assert len(comments) == 4
    footnote = next(t for t in comments.values() if "SPL004" in t)
    assert footnote.startswith("(chú thích cuối trang, đoạn 7:11)")
    header = next(t for t in comments.values() if "TYP001" in t)
    assert header.startswith("(đầu trang, đoạn 5:8)")
    assert ranges[(by_code["DAT001"])] == "31/4/2024"
    assert ranges[(by_code["REF001"])] == "05/CT-TW"
    # The footnote's comment sits on the footnote reference mark (a run without text).
    assert ranges[(by_code["SPL004"])] == ""
    assert ranges[(by_code["TYP001"])] == "Hội nghị tổng kết công tác công đoàn năm 2024"


def _formatting(path: Path) -> list[list[tuple[str, str]]]:
    """Each paragraph: its characters with their run's properties (XML), in order."""
    from lxml import etree

    document = docx.Document(str(path))
    out = []
    for p in extract(document).paragraphs:
        chars = []
        for piece in p.pieces:
            rpr = piece.run.find(qn("w:rPr"))
            props = etree.tostring(rpr).decode() if rpr is not None else ""
            chars.extend((ch, props) for ch in piece.text)
        out.append(chars)
    return out


def _text(paragraphs) -> str:
    return "\n".join("".join(ch for ch, _ in p) for p in paragraphs)


def _ratio(a, b) -> float:
    return difflib.SequenceMatcher(None, _text([a]), _text([b]), autojunk=False).ratio()


def assert_same_outside_edits(old, new) -> None:
    """Paragraphs left alone are identical, characters and formatting; in an edited paragraph
    every character outside the edit keeps its formatting."""
    lines = difflib.SequenceMatcher(None, [_text([p]) for p in old], [_text([p]) for p in new])
    for tag, a0, a1, b0, b1 in lines.get_opcodes():
        if tag == "equal":
            assert old[a0:a1] == new[b0:b1]
        elif tag == "replace":
            # Pair each new paragraph with the next old one it was edited from, in order
            # (the others were deleted whole).
            pairs, k = [], a0
            for after in new[b0:b1]:
                while k < a1 and _ratio(old[k], after) < 0.8:
                    k += 1
                assert k < a1, f"paragraph from nowhere: {_text([after])!r}"
                pairs.append((old[k], after))
                k += 1
            for before, after in pairs:
                chars = difflib.SequenceMatcher(
                    None, _text([before]), _text([after]), autojunk=False
                )
                for op, c0, c1, d0, d1 in chars.get_opcodes():
                    if op == "equal":
                        assert before[c0:c1] == after[d0:d1]


# --- fixing ---------------------------------------------------------------------------------


def test_fix_edits_inside_one_run_and_comments_the_rest(seed):
    original = _formatting(seed)
    res = soat("--fix", "-q", str(seed))
    assert res.exit_code == 1
    fixed = _formatting(seed)
    new_text = _text(fixed)
    # Outside the edits, text and each character's formatting are unchanged.
    assert_same_outside_edits(original, fixed)
    assert "YouTube" in new_text and "Youtube" not in new_text  # one run: fixed
    assert "chất lượng bản tin" in new_text  # the double space, inside one run: fixed
    # The repeated paragraph is deleted whole (its element goes).
    assert new_text.count("Chủ tịch LĐLĐ tỉnh Bắc Ninh Trần Văn Phúc phát biểu khai mạc") == 1
    assert "Bình luận (0)" not in new_text  # whole paragraphs deleted
    # "facebook" spans two runs ("lên fac" | "ebook, ") so it is left and commented on.
    assert "facebook" in new_text
    document = docx.Document(str(seed))
    comments = [c for c in document.comments if c.author == "soat"]
    assert any("SPL004" in c.text and "Facebook" in c.text for c in comments)
    ranges = comment_ranges(seed)
    assert "facebook" in {ranges[str(c.comment_id)] for c in comments}
    assert all(c.text.count("[") == 1 for c in comments)
    # A second run adds no comment twice.
    count = len(list(document.comments))
    soat("--fix", "-q", str(seed))
    assert len(list(docx.Document(str(seed)).comments)) == count


def test_diff_on_docx_writes_nothing(seed):
    before = digest(seed)
    res = soat("--diff", str(seed))
    assert res.exit_code == 1
    assert "+Báo cáo viên hướng dẫn cán bộ cáchđưa tin lên facebook, YouTube" in res.output
    assert digest(seed) == before
    assert not seed.with_name("bai.soat.docx").exists()


# --- errors and discovery -------------------------------------------------------------------


def _bad_files(tmp_path: Path) -> dict[str, bytes]:
    fake_xlsx = tmp_path / "x.zip"
    with zipfile.ZipFile(fake_xlsx, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr("xl/workbook.xml", "<workbook/>")
    return {
        "encrypted.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512,
        "corrupt.docx": b"PK\x03\x04" + b"hong" * 50,
        "text.docx": "Đây là văn bản thường".encode(),
        "sheet.docx": fake_xlsx.read_bytes(),
    }


@pytest.mark.parametrize("flags", [(), ("--annotate",), ("--fix",)])
def test_unreadable_docx_is_io001_and_nothing_is_written(tmp_path, flags):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in _bad_files(tmp_path).items():
        (folder / name).write_bytes(data)
    before = {p.name: digest(p) for p in folder.iterdir()}
    res = soat("--output-format", "json", *flags, *sorted(str(p) for p in folder.iterdir()))
    assert res.exit_code == 1
    items = {Path(f["filename"]).name: f for f in json.loads(res.output)}
    assert set(items) == set(before)
    assert all(f["code"] == "IO001" for f in items.values())
    assert "mật khẩu" in items["encrypted.docx"]["message"]
    assert "bị hỏng" in items["corrupt.docx"]["message"]
    assert "không phải tài liệu Word" in items["text.docx"]["message"]
    assert "không phải tài liệu Word" in items["sheet.docx"]["message"]
    assert {p.name: digest(p) for p in folder.iterdir()} == before


def test_folders_skip_docx_unless_included(tmp_path, monkeypatch):
    build_extras(tmp_path / "a.docx")
    (tmp_path / "b.txt").write_text("Một  hai.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    res = invoke(["check", "--output-format", "json", "."])
    assert {f["filename"] for f in json.loads(res.output)} == {"b.txt"}
    (tmp_path / "soat.toml").write_text('include = ["**/*.txt", "**/*.docx"]\n', encoding="utf-8")
    res = invoke(["check", "--output-format", "json", "--annotate", "."])
    assert {f["filename"] for f in json.loads(res.output)} == {"b.txt", "a.docx"}
    assert (tmp_path / "a.soat.docx").exists()
    res = invoke(["check", "--output-format", "json", "."])
    assert {f["filename"] for f in json.loads(res.output)} == {"b.txt", "a.docx"}


def test_html_report_of_a_docx_marks_every_finding(seed):
    count = len(findings(str(seed)))
    res = soat("--output-format", "html", str(seed))
    assert res.exit_code == 1
    numbers: set[int] = set()
    for group in re.findall(r'data-f="([\d ]+)"', res.output):
        numbers.update(int(n) for n in group.split())
    assert numbers == set(range(1, count + 1))
    row = next(i for i, line in enumerate(seed_lines(), 1) if line.startswith("Theo kế hoạch"))
    assert f'<span class="ln">{row}</span><div class="text">Theo kế hoạch' in res.output


def test_language_server_leaves_docx_alone():
    from soat.lint.lsp.workspace import document_format

    assert document_format("/tmp/bai.docx", None) is None
    assert document_format("/tmp/bai.docx", "plaintext") is None


def test_fix_in_header_body_and_footnote(extras):
    res = soat("--fix", "--output-format", "json", str(extras))
    assert res.exit_code == 1
    remaining = where(json.loads(res.output))
    # The header's double space and the body's symbol are fixed (each inside one run); the
    # footnote is not written by soat, so its fix stays a finding and becomes a comment.
    assert [r[0] for r in remaining] == ["DAT001", "SPL004"]
    document = docx.Document(str(extras))
    assert document.sections[0].header.paragraphs[0].text == "Bản tin Công đoàn"
    assert "05-CT/TW" in document.paragraphs[1].text
    (comment,) = document.comments
    assert comment.text.startswith("(chú thích cuối trang, đoạn 7:11)\n[SPL004")


def test_a_paragraph_anchoring_a_comment_is_not_deleted(tmp_path):
    document = docx.Document()
    document.add_paragraph("Tít bài về công đoàn")
    document.add_paragraph("Đoạn văn một.")
    document.add_paragraph("Đoạn văn một.")
    last = document.add_paragraph("Bình luận (0)")
    document.add_comment(last.runs, text="Xóa dòng này?", author="Biên tập viên")
    path = tmp_path / "c.docx"
    document.save(path)
    soat("--fix", "-q", str(path))
    text = [p.text for p in docx.Document(str(path)).paragraphs]
    assert text == ["Tít bài về công đoàn", "Đoạn văn một.", "Bình luận (0)"]
    comments = docx.Document(str(path)).comments
    assert any(c.author == "soat" and "BPL" in c.text for c in comments)


_RUN_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co"), blacklist_characters="\r\n"),
    max_size=6,
)


@given(
    st.lists(_RUN_TEXT, min_size=1, max_size=6),
    st.integers(0, 40),
    st.integers(0, 40),
    st.text(st.sampled_from("aă ê…"), max_size=3),
)
def test_an_edit_that_fits_one_run_makes_exactly_the_text_edit(run_texts, a, b, content):
    from soat.lint.diagnostic import Fix
    from soat.lint.fixer import apply_fixes
    from soat.lint.word_fixes import apply_word_fixes, fits_word

    document = docx.Document()
    p = document.add_paragraph()
    for i, text in enumerate(run_texts):
        p.add_run(text).bold = i % 2 == 0
    extraction = extract(document)
    a, b = sorted((min(a, len(extraction.paragraphs[0].text)), min(b, len(extraction.text) - 1)))
    fix = Fix.safe(a, b, content)
    if not fits_word(extraction, fix):
        return
    expected = apply_fixes(extraction.text, [fix])
    bold_before = [r.bold for r in p.runs]
    apply_word_fixes(extraction, [fix])
    assert extract(document).text == expected
    assert [r.bold for r in p.runs] == bold_before  # no run added, removed or reformatted


def test_text_box_read_once_after_the_body(tmp_path):
    """A text box as Word writes it: a DrawingML choice and a VML fallback holding the same
    paragraphs. Its text is read once, numbered after the body's paragraphs."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    box = (
        '<w:txbxContent><w:p><w:r><w:t xml:space="preserve">Hộp  văn bản</w:t></w:r></w:p>'
        "</w:txbxContent>"
    )
    xml = (
        f'<w:r {nsdecls("w", "wp", "a")} xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        '<wp:docPr id="1" name="Hộp"/><a:graphic><a:graphicData><wps:wsp><wps:txbx>'
        f"{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
        f"{box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    document = docx.Document()
    document.add_paragraph("Tít bài")
    p = document.add_paragraph("Đoạn có hộp văn bản.")
    p._p.append(parse_xml(xml))
    document.add_paragraph("Đoạn cuối.")
    path = tmp_path / "hop.docx"
    document.save(path)
    extraction = extract(open_docx(path.read_bytes()))
    assert [(q.where, q.text) for q in extraction.paragraphs] == [
        ("body", "Tít bài"),
        ("body", "Đoạn có hộp văn bản."),
        ("body", "Đoạn cuối."),
        ("textbox", "Hộp  văn bản"),
    ]
    assert not extraction.paragraphs[1].has_picture
    assert where(findings("--select", "TYP001", str(path))) == [("TYP001", 4, 4, 4, 6)]


def test_annotate_with_fix_fixes_the_copy_and_leaves_the_original(seed):
    before = digest(seed)
    res = soat("--annotate", "--fix", "--output-format", "json", str(seed))
    assert res.exit_code == 1
    remaining = json.loads(res.output)
    assert digest(seed) == before
    copy = seed.with_name("bai.soat.docx")
    text = extract(open_docx(copy.read_bytes())).text
    assert "YouTube" in text and "Bình luận (0)" not in text
    ours = [c for c in docx.Document(str(copy)).comments if c.author == "soat"]
    assert len(ours) == len(remaining)  # every finding left after fixing is a comment


def test_docx_on_standard_input_is_io001_with_a_clear_message(seed):
    res = invoke(
        ["check", "--output-format", "json", "--stdin-filename", "bai.docx", "-"],
        input=seed.read_bytes(),
    )
    assert res.exit_code == 1
    (item,) = json.loads(res.output)
    assert item["code"] == "IO001" and "đường dẫn" in item["message"]


def test_the_annotated_copy_is_created_with_the_mode_open_would_give(tmp_path):
    from soat.lint.fixer import write_atomically

    new = tmp_path / "bai.soat.docx"
    with pytest.raises(FileNotFoundError):  # a file fixed in place must still exist
        write_atomically(str(new), b"x")
    old_mask = os.umask(0o027)
    try:
        write_atomically(str(new), b"x", create=True)
    finally:
        os.umask(old_mask)
    assert (new.read_bytes(), new.stat().st_mode & 0o777) == (b"x", 0o640)
    new.chmod(0o604)
    write_atomically(str(new), b"y", create=True)  # an existing copy keeps its mode
    assert (new.read_bytes(), new.stat().st_mode & 0o777) == (b"y", 0o604)
    assert [p.name for p in tmp_path.iterdir()] == ["bai.soat.docx"]


def test_a_template_creation_date_does_not_date_the_article(tmp_path):
    """A draft made from an old template: the weekday of a date without a year is not judged
    by the template's year (2019: 5/1 was a Saturday; thứ Hai would be reported)."""
    import datetime as dt

    from soat.lint.formats.word import document_from

    document = docx.Document()
    document.add_paragraph("Công đoàn tổ chức hội nghị")
    document.add_paragraph("Hội nghị diễn ra vào thứ Hai, ngày 5/1 tại Hà Nội.")
    document.core_properties.created = dt.datetime(2019, 6, 1, 8, 0)
    path = tmp_path / "nhap.docx"
    document.save(str(path))
    doc = document_from("nhap.docx", extract(open_docx(path.read_bytes())))
    assert doc.date is None
    res = invoke(["check", "--no-cache", "--select", "DAT003", str(path)])
    assert res.exit_code == 0, res.output
