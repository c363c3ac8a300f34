"""The readers' definitions before they were made faster, kept as references for tests.

`reference_read_text` is the plain-text reader that scanned every line, blank or not, for
directives (soat/lint/formats/text.py); `ReferenceBuilder` is the per-character PlainBuilder (soat/lint/formats/inline.py) and
`reference_read_html` the HTML reader that used it and counted lines for every position
(soat/lint/formats/html.py). Tests check that today's code gives the same Documents.
When a reader is meant to read differently, change this reference with it (or drop the
comparison): it pins the behaviour of the day the readers were made faster.
"""

# ruff: noqa: E501

from __future__ import annotations

import re
from html import entities
from html.parser import HTMLParser

from soat.lint.document import Block, Document, Image, TextView

TEXT, SPACE, COLLAPSED, GAP, BREAK = range(5)
_WS = (SPACE, COLLAPSED)


class ReferenceBuilder:
    """Collects (kind, char, start, end) items, offsets into the reader's working text."""

    def __init__(self, collapsible: str = " \t") -> None:
        self.items: list[tuple[int, str, int, int]] = []
        self._collapsible = collapsible

    def text(self, text: str, start: int) -> None:
        """Source text copied one-to-one from `start`."""
        ws = self._collapsible
        self.items.extend(
            (SPACE if ch in ws else TEXT, ch, start + i, start + i + 1) for i, ch in enumerate(text)
        )

    def literal(self, text: str, start: int) -> None:
        """Source text kept as written even where it is whitespace (a Markdown hard break)."""
        self.items.extend((TEXT, ch, start + i, start + i + 1) for i, ch in enumerate(text))

    def decoded(self, text: str, start: int, end: int) -> None:
        """Characters decoded from one source construct (an entity, an escape)."""
        self.items.extend((TEXT, ch, start, end) for ch in text)

    def collapsed(self, start: int, end: int) -> None:
        """Whitespace the format collapses (a soft line break and the indentation after it)."""
        self.items.append((COLLAPSED, " ", start, end))

    def hard_break(self, start: int, end: int) -> None:
        self.items.append((BREAK, "\n", start, end))

    def gap(self) -> None:
        """Something skipped that stood between words (an image, a code span, a comment)."""
        self.items.append((GAP, "", -1, -1))

    @property
    def empty(self) -> bool:
        return all(item[0] != TEXT for item in self.items)

    def view(self, keep_trailing: bool = False, to_source=None) -> TextView | None:
        """The block's plain text, or None when it holds no text."""
        if self.empty:
            return None
        items = _trim(_drop_gaps(_merge_whitespace(self.items)), keep_trailing)
        if not any(kind == TEXT for kind, *_ in items):
            return None
        text = "".join(ch for _, ch, _, _ in items)
        if to_source is None:
            starts = tuple(s for _, _, s, _ in items)
            ends = tuple(e for _, _, _, e in items)
        else:
            starts = tuple(to_source(s) for _, _, s, _ in items)
            ends = tuple(to_source(e) for _, _, _, e in items)
        return TextView(text, starts, ends)


def _merge_whitespace(items):
    out = []
    i, n = 0, len(items)
    while i < n:
        if items[i][0] not in _WS:
            out.append(items[i])
            i += 1
            continue
        j = i
        while j < n and items[j][0] in _WS:
            j += 1
        run = items[i:j]
        verbatim = all(kind == SPACE and ch in " \t" for kind, ch, _, _ in run) and all(
            run[k][3] == run[k + 1][2] for k in range(len(run) - 1)
        )
        if verbatim:
            out.extend(run)
        else:
            out.append((COLLAPSED, " ", run[0][2], run[-1][3]))
        i = j
    return out


def _drop_trailing_ws(out) -> None:
    while out and out[-1][0] in _WS:
        out.pop()


def _drop_gaps(items):
    out = []
    skip_ws = False  # whitespace after a gap that has whitespace (or nothing) before it
    pending = False  # whitespace before a gap goes if the line or block ends after it
    for item in items:
        kind = item[0]
        if kind == GAP:
            left_ws = bool(out) and out[-1][0] in _WS
            if not out or left_ws or out[-1][0] == BREAK:
                skip_ws = True
            pending = pending or left_ws
            continue
        if kind in _WS and skip_ws:
            continue
        skip_ws = False
        if pending and kind == BREAK:
            _drop_trailing_ws(out)
        pending = False
        out.append(item)
    if pending:
        _drop_trailing_ws(out)
    return out


def _trim(items, keep_trailing: bool):
    out: list[tuple] = []
    for item in items:
        kind = item[0]
        if kind in _WS and (not out or out[-1][0] == BREAK):
            continue  # leading whitespace of the block or of a line after a hard break
        if kind == BREAK:
            _drop_trailing_ws(out)
        out.append(item)
    while out and (out[-1][0] == COLLAPSED or (out[-1][0] == SPACE and not keep_trailing)):
        out.pop()
    while out and out[-1][0] == BREAK:
        out.pop()
        _drop_trailing_ws(out)
    return out


# --- the HTML reader -------------------------------------------------------------------

# The element tables are the format's definition, not the reading algorithm the reference
# pins: shared with the reader.
from soat.lint.formats.html import (  # noqa: E402
    _BLOCKS,
    _IMPLIED_END,
    _INHERITED,
    _KINDS,
    _SKIPPED,
    _VOID,
)

_CHARREF_RE = re.compile(r"&#(?:[xX][0-9a-fA-F]+|[0-9]+);?")
_ENTITYREF_RE = re.compile(r"&([a-zA-Z][a-zA-Z0-9]*)(;?)")
_TAG_END_RE = re.compile(r"</?[^>]*>?")


def reference_read_html(path: str, source: str) -> Document:
    doc = Document(path=path, source=source, format="html")
    reader = _Reader(doc)
    reader.feed(source)
    reader.close()
    reader.finish()
    return doc


class _Element:
    __slots__ = (
        "tag",
        "start",
        "builder",
        "inner_blocks",
        "last_end",
        "skipping",
        "inherited",
        "container",
    )

    def __init__(self, tag: str, start: int, end: int, parent: _Element | None = None) -> None:
        self.tag = tag
        self.start = start
        self.builder = ReferenceBuilder(" \t\n\r\f") if tag in _BLOCKS else None
        self.inner_blocks = False
        self.last_end = end  # end of the last thing seen inside (for implied end tags)
        # Facts about the element and its ancestors, fixed when it opens (the ancestors
        # cannot change while it is open): walking the stack for them was quadratic on
        # deeply nested (unclosed) elements.
        if tag == "title":
            self.skipping = False
        elif tag in _SKIPPED:
            self.skipping = True
        else:
            self.skipping = parent.skipping if parent else False
        kind = _KINDS.get(tag)
        self.inherited: str = (
            kind if kind in _INHERITED else parent.inherited if parent else "paragraph"
        )
        # The innermost element (this one or an ancestor) that gathers text; None: the root.
        self.container: _Element | None = (
            self if self.builder is not None else parent.container if parent else None
        )


class _Reader(HTMLParser):
    def __init__(self, doc: Document) -> None:
        super().__init__(convert_charrefs=False)
        self.doc = doc
        self.src = doc.source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.src)]
        self.stack: list[_Element] = []
        self.open: dict[str, list[int]] = {}  # tag → its indexes in the stack, innermost last
        self.root = _Element("html", 0, 0)  # text outside any element
        self.root.builder = ReferenceBuilder(" \t\n\r\f")
        self.pending: list[tuple[str, Block]] = []

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """A marked section; anything else after "<![" ("<![0") is a bogus comment up to the
        next ">", as browsers read it (Python's parser before 3.13 raises AssertionError)."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1

    # --- positions ----------------------------------------------------------------------

    def position(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    # --- structure ----------------------------------------------------------------------

    def _skipping(self) -> bool:
        return self.stack[-1].skipping if self.stack else False

    def _push(self, element: _Element) -> None:
        self.open.setdefault(element.tag, []).append(len(self.stack))
        self.stack.append(element)

    def _innermost(self, tags) -> int:
        """Stack index of the innermost open element with one of `tags` (-1: none)."""
        return max((self.open[t][-1] for t in tags if self.open.get(t)), default=-1)

    def _builder(self) -> ReferenceBuilder:
        """The builder that gathers text here (the root always has one)."""
        builder = self._container().builder
        assert builder is not None, "_container() returns an element with a builder"
        return builder

    def _container(self) -> _Element:
        return (self.stack[-1].container if self.stack else None) or self.root

    def handle_starttag(self, tag: str, attrs) -> None:
        start = self.position()
        text = self.get_starttag_text() or ""
        end = start + len(text)
        if tag in _IMPLIED_END:
            self._close_implied(_IMPLIED_END[tag], stop=("ul", "ol", "dl", "table"))
        if tag in _BLOCKS:
            self._close_implied(("p",), stop=_BLOCKS - {"p"})
        if tag == "img":
            if not self._skipping():
                alt = dict(attrs).get("alt")
                if alt is not None:
                    self.doc.images.append(Image(alt, start, end, 0))
                self._builder().gap()
            return
        if tag == "br":
            if not self._skipping():
                self._builder().hard_break(start, end)
            return
        if tag in _VOID:
            return
        if tag in _SKIPPED and not self._skipping():
            self._builder().gap()
        element = _Element(tag, start, end, self.stack[-1] if self.stack else None)
        if element.builder is not None and not self._skipping():
            self._flush(self._container(), inner=True)
        self._push(element)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        start = self.position()
        m = _TAG_END_RE.match(self.src, start)
        end = m.end() if m else start
        k = self._innermost((tag,))
        if k >= 0:
            while len(self.stack) > k + 1:
                self._pop(None)
            self._pop(end)
        # A stray end tag closes nothing.

    def _close_implied(self, tags, stop) -> None:
        k = self._innermost(tags)
        if k >= 0 and k > self._innermost(stop):
            while len(self.stack) > k:
                self._pop(None)

    def _pop(self, end: int | None) -> None:
        """Closes the innermost element; `end` is past its end tag (None when implied)."""
        element = self.stack.pop()
        self.open[element.tag].pop()
        if element.builder is None:
            return
        if element.skipping:
            return
        whole = not element.inner_blocks
        self._flush(element, inner=False, extent=(element.start, end) if whole else None)
        if self.stack or element is not self.root:
            parent = self._container()
            parent.inner_blocks = True

    def _flush(self, element: _Element, inner: bool, extent=None) -> None:
        """Makes a block of the text gathered in `element` so far."""
        builder = element.builder
        if builder is None or not builder.items:
            return
        element.builder = ReferenceBuilder(" \t\n\r\f")
        view = builder.view()
        if view is None:
            return
        if inner:
            element.inner_blocks = True
        start, end = view.starts[0], view.ends[-1]
        if extent is not None:
            start = extent[0]
            end = extent[1] if extent[1] is not None else end
            start = self._with_indentation(start, end)
        self.doc.blocks.append(
            Block(self._kind(element), view, start, end, attrs={"tag": element.tag})
        )

    def _with_indentation(self, start: int, end: int) -> int:
        """An element alone on its lines owns its indentation: deleting it removes that too."""
        src = self.src
        i = start
        while i > 0 and src[i - 1] in " \t":
            i -= 1
        if i == start or (i > 0 and src[i - 1] not in "\r\n"):
            return start
        j = end
        while j < len(src) and src[j] in " \t":
            j += 1
        return i if j == len(src) or src[j] in "\r\n" else start

    def _kind(self, element: _Element) -> str:
        if element.tag in _KINDS:
            return _KINDS[element.tag]
        return element.inherited

    # --- text ---------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self._skipping():
            return
        self._builder().text(data, self.position())

    def handle_charref(self, name: str) -> None:
        self._reference(_CHARREF_RE)

    def handle_entityref(self, name: str) -> None:
        self._reference(_ENTITYREF_RE)

    def _reference(self, pattern: re.Pattern) -> None:
        if self._skipping():
            return
        start = self.position()
        builder = self._builder()
        m = pattern.match(self.src, start)
        if not m:
            return
        for text, s, e, decoded in _decode_reference(m.group(), start):
            if decoded:
                builder.decoded(text, s, e)
            else:
                builder.text(text, s)

    def handle_comment(self, data: str) -> None:
        if not self._skipping():
            self._builder().gap()

    # --- end ----------------------------------------------------------------------------

    def finish(self) -> None:
        while self.stack:
            self._pop(None)
        self._flush(self.root, inner=False)
        doc = self.doc
        doc.number_blocks()
        first_h1 = next((b for b in doc.blocks if b.attrs.get("tag") == "h1"), None)
        title = doc.title
        if title is None:
            if first_h1 is not None:
                first_h1.kind = "title"
        elif title.attrs.get("tag") == "title":
            doc.headline = first_h1


def _decode_reference(text: str, start: int):
    """Pieces of a character or entity reference: (text, start, end, decoded)."""
    import html

    end = start + len(text)
    if text.startswith("&#"):
        return [(html.unescape(text if text.endswith(";") else text + ";"), start, end, True)]
    name = text[1:].rstrip(";")
    if text.endswith(";") and name + ";" in entities.html5:
        return [(entities.html5[name + ";"], start, end, True)]
    # Legacy references without a semicolon ("&nbsp", "&copy2024"): the longest known prefix.
    for k in range(len(name), 0, -1):
        if name[:k] in entities.html5:
            cut = start + 1 + k
            rest = text[1 + k :]
            pieces = [(entities.html5[name[:k]], start, cut, True)]
            if rest:
                pieces.append((rest, cut, end, False))
            return pieces
    return [(text, start, end, False)]


_LINE_RE = re.compile(r"[^\r\n]*")


def reference_read_text(path: str, source: str) -> Document:
    from soat.lint.formats.text import _BREADCRUMB_RE, _strip_directives

    doc = Document(path=path, source=source, format="txt")
    pos = 0
    for m in _LINE_RE.finditer(source):
        if m.start() < pos:
            continue
        line, start = m.group(), m.start()
        pos = m.end() + 1
        view = _strip_directives(line, start)
        if view is None or not view.text.strip():
            continue
        doc.blocks.append(Block("paragraph", view, start, start + len(line), len(doc.blocks)))
    for block in doc.blocks:
        if not _BREADCRUMB_RE.search(block.raw.text):
            block.kind = "title"
            break
    return doc
