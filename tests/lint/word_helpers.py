"""Word documents for the tests, built with python-docx (and OOXML where it has no API)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

ROOT = Path(__file__).resolve().parents[2]
SEED_TXT = ROOT / "examples" / "bai-mau.txt"
CHUNK = 7  # the seed's runs are cut every 7 characters, mid-word, with alternating bold


def seed_lines() -> list[str]:
    return SEED_TXT.read_text(encoding="utf-8").split("\n")[:-1]


def add_split_paragraph(document, line: str, chunk: int = CHUNK):
    p = document.add_paragraph()
    for k in range(0, len(line), chunk):
        run = p.add_run(line[k : k + chunk])
        run.bold = (k // chunk) % 2 == 1
        run.italic = (k // chunk) % 3 == 2
    return p


def tracked(p, kind: str, text: str, rid: int) -> None:
    """Append a tracked insertion (`ins`) or deletion (`del`) of `text` to paragraph `p`."""
    tag = "w:t" if kind == "ins" else "w:delText"
    p._p.append(
        parse_xml(
            f'<w:{kind} {nsdecls("w")} w:id="{rid}" w:author="Phóng viên" '
            f'w:date="2024-03-15T08:00:00Z"><w:r><{tag} xml:space="preserve">{text}</{tag}>'
            f"</w:r></w:{kind}>"
        )
    )


def build_seed(path: Path) -> None:
    """The seed article (examples/bai-mau.txt), one paragraph per line, runs split mid-word.

    In paragraph 3, "200" is a tracked insertion and a deleted "300" stands before it, so the
    text a reader sees is the seed's; paragraph 1 carries an editor's comment.
    """
    document = docx.Document()
    for n, line in enumerate(seed_lines(), 1):
        if n == 3:
            cut = line.index("200")
            p = add_split_paragraph(document, line[:cut])
            tracked(p, "del", "300", 901)
            tracked(p, "ins", "200", 902)
            rest = line[cut + 3 :]
            for k in range(0, len(rest), CHUNK):
                p.add_run(rest[k : k + CHUNK])
        else:
            add_split_paragraph(document, line)
    first = document.paragraphs[0]
    document.add_comment(first.runs[:2], text="Tít hơi dài", author="Biên tập viên")
    document.core_properties.created = dt.datetime(2024, 3, 15, 8, 0)
    document.core_properties.title = "Hội nghị tập huấn công tác tuyên truyền"
    document.save(path)


def add_footnotes(document, notes: dict[int, str]) -> None:
    """A footnotes part (python-docx 1.2 has none) with the given notes."""
    body = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        for i, text in notes.items()
    )
    xml = (
        f"<w:footnotes {nsdecls('w')}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
        f"{body}</w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"),
        CT.WML_FOOTNOTES,
        xml.encode("utf-8"),
        document.part.package,
    )
    document.part.relate_to(part, RT.FOOTNOTES)


def footnote_reference(p, note_id: int) -> None:
    run = p.add_run()
    run._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{note_id}"/>'))


def build_extras(path: Path) -> None:
    """A table, a footnote, a header and a footer, each with one known defect.

    Rows: 1 title, 2–3 the table's cells, 4 the paragraph citing the footnote, 5 the
    header, 6 the footer, 7 the footnote.
    """
    document = docx.Document()
    document.add_paragraph("Hội nghị tổng kết công tác công đoàn năm 2024")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Ngày họp 31/4/2024"
    table.cell(0, 1).text = "Địa điểm Hà Nội"
    p = document.add_paragraph("Theo Chỉ thị số 05/CT-TW của Bộ Chính trị.")
    footnote_reference(p, 1)
    document.sections[0].header.paragraphs[0].text = "Bản tin  Công đoàn"
    document.sections[0].footer.paragraphs[0].text = "Trang thông tin điện tử"
    add_footnotes(document, {1: "Xem trên facebook của Công đoàn."})
    document.core_properties.created = dt.datetime(2024, 12, 20, 8, 0)
    document.save(path)


def comment_ranges(path: Path) -> dict[str, str]:
    """The text each comment range covers in the body, by comment id."""
    document = docx.Document(str(path))
    covered: dict[str, str] = {}
    active: dict[str, str] = {}
    for el in document.element.body.iter():
        if el.tag == qn("w:commentRangeStart"):
            active[el.get(qn("w:id"))] = ""
        elif el.tag == qn("w:commentRangeEnd"):
            cid = el.get(qn("w:id"))
            covered[cid] = active.pop(cid, "")
        elif el.tag == qn("w:t"):
            for k in active:
                active[k] += el.text or ""
    return covered
