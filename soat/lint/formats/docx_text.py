"""The text of a Word document (.docx): its paragraphs, each mapped back to the run text
nodes it was built from.

A .docx has no text source to point into, so soat makes one: one line per Word paragraph, and
for every line the pieces it was built from (each piece a run's text node — `w:t`, or a tab or
break standing for one character — with the run element it belongs to). Writing back
(comments, fixes) maps text offsets to (paragraph, run, offset) through the pieces.
Paragraphs are numbered in this order: the body's paragraphs (table cells included, in
document order, empty paragraphs counted), then text boxes, then headers, footers, footnotes
and endnotes.

Tracked changes are read as accepted: inserted text (`w:ins`, `w:moveTo`) is in, deleted text
(`w:del`, `w:moveFrom`, whose characters are `w:delText`) is out. python-docx 1.2 has no API for
footnotes, tracked changes or text boxes: they are read from the element tree.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def set_text(node, text: str) -> None:
    """Sets a text node's text, keeping its leading and trailing spaces (xml:space)."""
    node.text = text
    if text != text.strip():
        node.set(XML_SPACE, "preserve")


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
            meta["created"] = created  # not the article's date: often a template's
    except Exception:  # core properties are optional and sometimes malformed
        pass
    return meta
