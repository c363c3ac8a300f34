"""Word documents (.docx): the text a reader sees, one line per paragraph, mapped back to runs.

A .docx has no text source to point into, so soat makes one. The document's `source` is the
text a reader sees, one line per Word paragraph (row N is paragraph N, column C its C-th
character), and an `Extraction` keeps, for every line, the pieces it was built from: each
piece is a run's text node (`w:t`, or a tab or break standing for one character) with the
run element it belongs to. Rules, suppressions, outputs and the fixer's edit arithmetic work
on that text unchanged; writing back (comments, fixes) maps text offsets to (paragraph, run,
offset) through the pieces. Paragraphs are numbered in this order: the body's paragraphs
(table cells included, in document order, empty paragraphs counted), then text boxes, then
headers, footers, footnotes and endnotes.

Tracked changes are read as accepted: inserted text (`w:ins`, `w:moveTo`) is in, deleted text
(`w:del`, `w:moveFrom`, whose characters are `w:delText`) is out. python-docx 1.2 has no API for
footnotes, tracked changes or text boxes: they are read from the element tree.
"""

from __future__ import annotations

import bisect
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from soat.lint.diagnostic import Msg
from soat.lint.document import Block, Document, Image, TextView

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_RUN_CONTAINERS = {
    w(t) for t in ("ins", "moveTo", "hyperlink", "smartTag", "fldSimple", "customXml", "dir", "bdo")
}
_DELETED = {w("del"), w("moveFrom")}
_ONE_CHAR = {
    w("tab"): "\t",
    w("ptab"): "\t",
    w("br"): " ",
    w("cr"): " ",
    w("noBreakHyphen"): "\u2011",
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_CAPTION_CHARS = 300


class DocxError(Exception):
    """A file that is not a readable Word document; `message` says why, for IO001."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.en)
        self.message = message


@dataclass(frozen=True)
class Piece:
    """Characters [start, start + len(text)) of a paragraph's text, from one node of one run."""

    start: int
    text: str
    run: Any  # the w:r element
    node: Any  # the w:t (editable) or w:tab/w:br/… element standing for one character

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def editable(self) -> bool:
        return self.node.tag == w("t")


@dataclass
class Paragraph:
    """One Word paragraph: its element, where it is, its text and the pieces of that text."""

    element: Any
    where: str  # body | table | textbox | header | footer | footnote | endnote
    text: str
    pieces: list[Piece]
    style: str = ""  # the paragraph style's name, lower case ("heading 1", "caption")
    has_picture: bool = False
    alt: str = ""  # the alt text of its pictures
    note_id: str | None = None  # the footnote or endnote id, for a note's paragraph

    def piece_at(self, offset: int) -> Piece | None:
        """The piece holding character `offset`, or None past the end."""
        starts = [p.start for p in self.pieces]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.pieces[i].start <= offset < self.pieces[i].end:
            return self.pieces[i]
        return None

    def runs(self) -> list[Any]:
        """The paragraph's runs that carry text, in order, each once."""
        out: list[Any] = []
        for p in self.pieces:
            if not out or out[-1] is not p.run:
                out.append(p.run)
        return out

    def run_offset(self, offset: int) -> tuple[int, int]:
        """(run index, offset in that run's text) of character `offset`."""
        piece = self.piece_at(offset)
        if piece is None:
            raise IndexError(offset)
        runs = self.runs()
        index = next(i for i, r in enumerate(runs) if r is piece.run)
        before = sum(len(p.text) for p in self.pieces if p.run is piece.run and p.end <= offset)
        return index, before + offset - piece.start


@dataclass
class Extraction:
    """A Word document's text, one line per paragraph, with the paragraphs it came from."""

    paragraphs: list[Paragraph]
    metadata: dict[str, Any] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        pos = 0
        for p in self.paragraphs:
            self._starts.append(pos)
            pos += len(p.text) + 1

    @property
    def text(self) -> str:
        return "".join(p.text + "\n" for p in self.paragraphs)

    def line_start(self, index: int) -> int:
        return self._starts[index]

    def locate(self, offset: int) -> tuple[int, int]:
        """(paragraph index, character offset in it) of a text offset."""
        i = max(0, bisect.bisect_right(self._starts, offset) - 1)
        return i, offset - self._starts[i]


def open_docx(data: bytes):
    """The python-docx Document for `data`; raises DocxError saying why it cannot be read."""
    import zipfile

    if data.startswith(_OLE_MAGIC):
        raise DocxError(
            Msg(
                "Tệp .docx được đặt mật khẩu (mã hóa) hoặc là tệp Word 97–2003 (.doc) đổi đuôi; "
                "hãy gỡ mật khẩu hoặc lưu lại thành .docx",
                "The .docx file is password-protected (encrypted) or a Word 97–2003 .doc "
                "renamed; remove the password or save it again as .docx",
            )
        )
    if not data.startswith(b"PK"):
        raise DocxError(
            Msg(
                "Tệp không phải tài liệu Word (.docx không phải gói ZIP)",
                "The file is not a Word document (a .docx is a ZIP package; this is not one)",
            )
        )
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise DocxError(
            Msg(f"Tệp .docx bị hỏng (ZIP lỗi: {exc})", f"The .docx file is corrupt (ZIP: {exc})")
        ) from None
    except ValueError as exc:
        if "not a Word file" in str(exc):
            raise DocxError(
                Msg(
                    f"Tệp không phải tài liệu Word ({exc})",
                    f"The file is not a Word document ({exc})",
                )
            ) from None
        raise DocxError(
            Msg(f"Tệp .docx bị hỏng ({exc})", f"The .docx file is corrupt ({exc})")
        ) from None
    except Exception as exc:  # missing parts, broken XML: python-docx raises many kinds
        detail = f"{type(exc).__name__}: {exc}"
        raise DocxError(
            Msg(f"Tệp .docx bị hỏng ({detail})", f"The .docx file is corrupt ({detail})")
        ) from None


def extract(document) -> Extraction:
    """The paragraphs of a python-docx Document, in soat's numbering order (see above)."""
    styles = _style_names(document)
    body: list[Paragraph] = []
    textboxes: list[Any] = []
    _container(document.element.body, "body", styles, body, textboxes)
    boxes: list[Paragraph] = []
    for box in textboxes:
        _container(box, "textbox", styles, boxes, [])
    others: list[Paragraph] = []
    for where, part in _related_parts(document):
        root = _part_root(part)
        if where in ("header", "footer"):
            _container(root, where, styles, others, [])
        else:
            for note in root.findall(w(where)):
                if note.get(w("type")) in ("separator", "continuationSeparator"):
                    continue
                before = len(others)
                _container(note, where, styles, others, [])
                for p in others[before:]:
                    p.note_id = note.get(w("id"))
    return Extraction(body + boxes + others, _metadata(document))


def _style_names(document) -> dict[str, str]:
    try:
        return {s.style_id: (s.name or "").lower() for s in document.styles}
    except Exception:  # a broken styles part must not stop reading the text
        return {}


def _related_parts(document):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    kinds = {RT.HEADER: "header", RT.FOOTER: "footer", RT.FOOTNOTES: "footnote"}
    kinds[RT.ENDNOTES] = "endnote"
    found = []
    for rel in document.part.rels.values():
        if rel.is_external or rel.reltype not in kinds:
            continue
        found.append((kinds[rel.reltype], rel.target_part))
    order = {"header": 0, "footer": 1, "footnote": 2, "endnote": 3}
    unique = {id(part): (where, part) for where, part in found}
    return sorted(unique.values(), key=lambda wp: (order[wp[0]], str(wp[1].partname)))


def _part_root(part):
    element = getattr(part, "element", None)
    if element is not None:
        return element
    # python-docx 1.2 keeps footnotes and endnotes as plain parts: parse their XML here.
    from docx.oxml.parser import parse_xml

    return parse_xml(part.blob)


def _container(root, where: str, styles, out: list[Paragraph], textboxes: list) -> None:
    """Paragraphs of a body, cell, header, note or text box, tables and content controls in."""
    for child in root:
        tag = child.tag
        if tag == w("p"):
            out.append(_paragraph(child, where, styles, textboxes))
        elif tag == w("tbl"):
            for row in child.iter(w("tr")):
                if _owner_table(row) is not child:
                    continue
                for cell in row.findall(w("tc")):
                    _container(cell, "table", styles, out, textboxes)
        elif tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                _container(content, where, styles, out, textboxes)
        elif tag == w("customXml"):
            _container(child, where, styles, out, textboxes)


def _owner_table(row):
    parent = row.getparent()
    while parent is not None and parent.tag != w("tbl"):
        parent = parent.getparent()
    return parent


@dataclass
class _Walk:
    pos: int = 0
    picture: bool = False
    alt: list[str] = field(default_factory=list)


def paragraph_pieces(p, textboxes: list | None = None) -> tuple[str, list[Piece], bool, str]:
    """The text a reader sees in paragraph `p`, its pieces, whether it holds a picture, alts."""
    pieces: list[Piece] = []
    state = _Walk()
    boxes = textboxes if textboxes is not None else []

    def run(r) -> None:
        for node in r:
            tag = node.tag
            if tag == w("t"):
                text = (node.text or "").replace("\r", " ").replace("\n", " ")
                if text:
                    pieces.append(Piece(state.pos, text, r, node))
                    state.pos += len(text)
            elif tag in _ONE_CHAR:
                pieces.append(Piece(state.pos, _ONE_CHAR[tag], r, node))
                state.pos += 1
            elif tag in (w("drawing"), w("pict"), f"{{{MC}}}AlternateContent", w("object")):
                _drawing(node)

    def _drawing(node) -> None:
        chosen = node
        if node.tag == f"{{{MC}}}AlternateContent":
            choice = node.find(f"{{{MC}}}Choice")
            chosen = choice if choice is not None else node.find(f"{{{MC}}}Fallback")
            if chosen is None:
                return
        box_contents = list(chosen.iter(w("txbxContent")))
        for box in box_contents:
            if not any(box in b.iterancestors() for b in box_contents if b is not box):
                boxes.append(box)
        if not box_contents:
            state.picture = True
            for doc_pr in chosen.iter(f"{{{WP}}}docPr"):
                alt = doc_pr.get("descr") or doc_pr.get("title") or ""
                if alt:
                    state.alt.append(alt)

    def content(el) -> None:
        tag = el.tag
        if tag == w("r"):
            run(el)
        elif tag in _RUN_CONTAINERS:
            for child in el:
                content(child)
        elif tag == w("sdt"):
            inner = el.find(w("sdtContent"))
            if inner is not None:
                for child in inner:
                    content(child)
        # w:del, w:moveFrom (deleted text), w:pPr, bookmarks, comment marks: no text

    for child in p:
        if child.tag not in _DELETED:
            content(child)
    text = "".join(piece.text for piece in pieces)
    return text, pieces, state.picture, " ".join(state.alt)


def _paragraph(p, where: str, styles, textboxes: list) -> Paragraph:
    text, pieces, picture, alt = paragraph_pieces(p, textboxes)
    style_id = p.find(f"{w('pPr')}/{w('pStyle')}")
    style = styles.get(style_id.get(w("val")), "") if style_id is not None else ""
    return Paragraph(p, where, text, pieces, style, picture, alt)


def _metadata(document) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    try:
        props = document.core_properties
        if props.title:
            meta["title"] = props.title
        created = props.created
        if isinstance(created, dt.datetime):
            meta["date"] = created
    except Exception:  # core properties are optional and sometimes malformed
        pass
    return meta


# --- the Document ---------------------------------------------------------------------------


def _kind(p: Paragraph, previous: Paragraph | None) -> str:
    style = p.style
    if style in ("title",):
        return "title"
    if style.startswith("heading") or style.startswith("đề mục"):
        return "heading"
    if style == "caption" or _is_caption_under_picture(p, previous):
        return "caption"
    if p.where == "table":
        return "table-cell"
    if style in ("quote", "intense quote"):
        return "quote"
    if p.element.find(f"{w('pPr')}/{w('numPr')}") is not None or style.startswith("list"):
        return "list-item"
    return "paragraph"


def _is_caption_under_picture(p: Paragraph, previous: Paragraph | None) -> bool:
    """A short italic or centred paragraph right under a paragraph holding a picture."""
    if previous is None or not previous.has_picture or previous.text.strip():
        return False
    if not p.text.strip() or len(p.text) > MAX_CAPTION_CHARS:
        return False
    jc = p.element.find(f"{w('pPr')}/{w('jc')}")
    centred = jc is not None and jc.get(w("val")) == "center"
    italic = all(_is_italic(piece.run) for piece in p.pieces if piece.text.strip())
    return centred or italic


def _is_italic(r) -> bool:
    i = r.find(f"{w('rPr')}/{w('i')}")
    return i is not None and i.get(w("val"), "true") not in ("0", "false", "off")


def document_from(path: str, extraction: Extraction) -> Document:
    """The soat Document of an extraction: its text is the source, a block per paragraph."""
    # The text a reader sees is plain text, one paragraph a line: rules treat it as they
    # treat a .txt draft (an HTML entity typed or pasted into Word is a remnant, as in .txt).
    doc = Document(path=path, source=extraction.text, format="txt")
    doc.metadata.update(extraction.metadata)
    previous: Paragraph | None = None
    title_found = False
    for i, p in enumerate(extraction.paragraphs):
        start = extraction.line_start(i)
        if p.has_picture and p.alt:
            doc.images.append(Image(p.alt, start, start + len(p.text), len(doc.blocks)))
        if p.text.strip():
            kind = _kind(p, previous)
            if kind == "title":
                if title_found:
                    kind = "heading"
                title_found = True
            block = Block(kind, TextView.contiguous(p.text, start), start, start + len(p.text))
            block.index = len(doc.blocks)
            block.attrs["docx"] = p.where
            doc.blocks.append(block)
        if p.where == "body" or p.where == "table" or p.text.strip() or p.has_picture:
            previous = p if (p.text.strip() or p.has_picture) else previous
    if not title_found:
        first = next((b for b in doc.blocks if b.attrs["docx"] == "body"), None)
        if first is not None and first.kind in ("paragraph", "heading"):
            first.kind = "title"
    return doc


def read_docx(path: str, data: bytes) -> tuple[Document, Extraction, Any]:
    """The Document, its extraction and the python-docx object; DocxError when unreadable."""
    document = open_docx(data)
    extraction = extract(document)
    return document_from(path, extraction), extraction, document
