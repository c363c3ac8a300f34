"""HTML (`.html`, `.htm`) on the standard library's html.parser, with exact source positions.

Blocks are the elements that hold prose: `p`, `div` and other flow containers (paragraphs),
`h1`–`h6` (headings), `li`/`dt`/`dd` (list items), `td`/`th` (table cells), `blockquote`
(quotes), `figcaption`/`caption` (captions) and `title` (the title; without one, the first
`h1`). A block's extent is the whole element, start tag through end tag. Text directly in an
element that also holds blocks becomes blocks of its own, cut at the inner blocks.

Not prose: `head` (except `title`), `script`, `style`, `template`, `noscript`, `svg`, `math`,
code (`pre`, `code`, `kbd`, `samp`), form controls, comments, and image `alt` texts (which go
to `doc.images`). Entities are decoded while each decoded character keeps its source range,
so a finding on `&nbsp;` covers the six source characters. Whitespace HTML collapses is one
space, or nothing at a block's edges (formats/inline.py).
"""

from __future__ import annotations

import functools
import re
from html import entities
from html.parser import HTMLParser

from soat.lint.document import Block, Document, Image
from soat.lint.formats.inline import PlainBuilder

_SKIPPED = frozenset(
    {
        "head",
        "script",
        "style",
        "template",
        "noscript",
        "svg",
        "math",
        "pre",
        "code",
        "kbd",
        "samp",
        "textarea",
        "select",
        "button",
        "iframe",
        "object",
        "canvas",
        "audio",
        "video",
    }
)
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
_KINDS = {
    "title": "title",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "figcaption": "caption",
    "caption": "caption",
    "li": "list-item",
    "dt": "list-item",
    "dd": "list-item",
    "td": "table-cell",
    "th": "table-cell",
    "blockquote": "quote",
}
# Elements whose text is a block of its own (plus those in _KINDS).
_BLOCKS = frozenset(_KINDS) | frozenset(
    {
        "html",
        "body",
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "nav",
        "aside",
        "figure",
        "ul",
        "ol",
        "dl",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "form",
        "fieldset",
        "address",
        "center",
        "details",
        "summary",
        "hgroup",
        "menu",
        "legend",
    }
)
# Kinds a plain container (p, div) takes from the element around it.
_INHERITED = ("list-item", "table-cell", "quote", "caption")
# An opening tag closes an open element of these tags (the HTML optional end tags).
_IMPLIED_END = {
    "li": ("li",),
    "dt": ("dt", "dd"),
    "dd": ("dt", "dd"),
    "td": ("td", "th"),
    "th": ("td", "th"),
    "tr": ("tr", "td", "th"),
    "tbody": ("thead", "tbody", "tr", "td", "th"),
    "tfoot": ("thead", "tbody", "tr", "td", "th"),
    "body": ("head",),
}
_BLOCKS_BUT_P = _BLOCKS - {"p"}
_LISTS_AND_TABLES = ("ul", "ol", "dl", "table")
_CHARREF_RE = re.compile(r"&#(?:[xX][0-9a-fA-F]+|[0-9]+);?")
_ENTITYREF_RE = re.compile(r"&([a-zA-Z][a-zA-Z0-9]*)(;?)")
_TAG_END_RE = re.compile(r"</?[^>]*>?")


def read_html(path: str, source: str) -> Document:
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
        self.builder = PlainBuilder(" \t\n\r\f") if tag in _BLOCKS else None
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
        self.at = 0  # source offset of what the parser is looking at (see updatepos)
        self.stack: list[_Element] = []
        self.open: dict[str, list[int]] = {}  # tag → its indexes in the stack, innermost last
        self.root = _Element("html", 0, 0)  # text outside any element
        self.root.builder = PlainBuilder(" \t\n\r\f")
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

    def updatepos(self, i: int, j: int) -> int:
        """The parser moved from `i` to `j` in its buffer: keep the source offset instead of
        the line and column (counting line breaks in every piece was a tenth of the time).

        The buffer is the source minus what the parser already dropped from its front (it is
        fed the whole source once), and it only changes between two runs of its loop.
        """
        if i < j:
            self.at = len(self.src) - len(self.rawdata) + j
        return j

    def position(self) -> int:
        return self.at

    # --- structure ----------------------------------------------------------------------

    def _skipping(self) -> bool:
        return self.stack[-1].skipping if self.stack else False

    def _push(self, element: _Element) -> None:
        self.open.setdefault(element.tag, []).append(len(self.stack))
        self.stack.append(element)

    def _innermost(self, tags) -> int:
        """Stack index of the innermost open element with one of `tags` (-1: none)."""
        open_ = self.open
        return max((open_[t][-1] for t in tags if open_.get(t)), default=-1)

    def _builder(self) -> PlainBuilder:
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
            self._close_implied(_IMPLIED_END[tag], stop=_LISTS_AND_TABLES)
        if tag in _BLOCKS and self.open.get("p"):
            self._close_implied(("p",), stop=_BLOCKS_BUT_P)
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
        indexes = self.open.get(tag)
        if indexes:
            k = indexes[-1]
            start = self.at
            m = _TAG_END_RE.match(self.src, start)
            end = m.end() if m else start
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
        if not builder.prose:  # only whitespace, gaps or breaks: no block
            builder.items.clear()
            return
        element.builder = PlainBuilder(" \t\n\r\f")
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
        stack = self.stack
        if stack:
            top = stack[-1]
            if top.skipping:
                return
            container = top.container or self.root
        else:
            container = self.root
        container.builder.text(data, self.at)  # type: ignore[union-attr]

    def handle_charref(self, name: str) -> None:
        self._reference(_CHARREF_RE)

    def handle_entityref(self, name: str) -> None:
        self._reference(_ENTITYREF_RE)

    def _reference(self, pattern: re.Pattern) -> None:
        if self._skipping():
            return
        start = self.at
        builder = self._builder()
        m = pattern.match(self.src, start)
        if not m:
            return
        for text, s, e, decoded in _decode_reference(m.group()):
            if decoded:
                builder.decoded(text, start + s, start + e)
            else:
                builder.text(text, start + s)

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


@functools.lru_cache(maxsize=4096)
def _decode_reference(text: str) -> tuple[tuple[str, int, int, bool], ...]:
    """Pieces of a character or entity reference: (text, start, end, decoded), offsets from
    the reference's start (a page repeats the same few references: kept once decoded)."""
    return tuple(_decode_reference_at(text, 0))


def _decode_reference_at(text: str, start: int):
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
