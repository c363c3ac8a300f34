"""The Document: exact source text, a line index, and prose blocks that map back to it.

Every position in soat is a code-point offset into the exact source text (the decoded file,
without a byte-order mark). Readers build blocks as `TextView`s: a plain text in which each
character knows the source range it came from. A character decoded from an entity such as
``&nbsp;`` covers the six source characters; a character that was inserted (a space standing
for a collapsed line break) covers the source whitespace it stands for.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import bisect
import datetime as dt
import operator
import re
import unicodedata
from collections.abc import Sequence
from itertools import accumulate
from typing import Any, NamedTuple

from soat.records import Record

BLOCK_KINDS = ("title", "heading", "paragraph", "caption", "list-item", "table-cell", "quote")


_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")
# A front matter date as text: YYYY-MM-DD, then the end or a time ("T08:30", " 08:30").
_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}(?![\d-])")


class LineIndex:
    """Converts code-point offsets to 1-based (row, column) and back."""

    def __init__(self, text: str) -> None:
        # A line starts after LF, CRLF or a lone CR (no Python step per line). Without CR:
        # line k starts at the lengths of the lines before it plus one LF each.
        if "\r" in text:
            self._starts = [0, *(m.end() for m in _LINE_BREAK_RE.finditer(text))]
        else:
            lines = text.split("\n")
            lengths = accumulate(map(len, lines[:-1]), initial=0)
            self._starts = list(map(operator.add, lengths, range(len(lines))))
        self._length = len(text)

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_start(self, row: int) -> int:
        return self._starts[row - 1]

    def rowcol(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self._length))
        row = bisect.bisect_right(self._starts, offset)
        return row, offset - self._starts[row - 1] + 1

    def offset(self, row: int, column: int) -> int:
        return min(self._starts[row - 1] + column - 1, self._length)


class TextView(Record):
    """A plain text with, for each character, the source range [starts[i], ends[i]).

    `starts` and `ends` are tuples, or `range`s for a view copied one-to-one from the source
    (no per-character map is built for the common case). Never changed once made."""

    __slots__ = ("text", "starts", "ends")
    _fields = __slots__
    __hash__ = Record.value_hash

    def __init__(self, text: str, starts: Sequence[int], ends: Sequence[int]) -> None:
        if not (len(text) == len(starts) == len(ends)):
            raise ValueError("a TextView needs one source range per character")
        self.text = text
        self.starts = starts
        self.ends = ends

    @classmethod
    def contiguous(cls, text: str, source_start: int) -> "TextView":
        """A view whose characters are copied one-to-one from the source."""
        end = source_start + len(text)
        return cls(text, range(source_start, end), range(source_start + 1, end + 1))

    @classmethod
    def concat(cls, views: "Sequence[TextView]") -> "TextView":
        return cls(
            "".join(v.text for v in views),
            tuple(s for v in views for s in v.starts),
            tuple(e for v in views for e in v.ends),
        )

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source range covered by the plain-text range [start, end)."""
        if not self.text:
            raise ValueError("empty view has no source span")
        if end <= start:
            pos = self.starts[start] if start < len(self.text) else self.ends[-1]
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def nfc(self) -> "TextView":
        """The NFC form of this view; each composed character covers its sources."""
        if unicodedata.is_normalized("NFC", self.text):
            return self
        text: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        # Normalise cluster by cluster (a starter and the combining marks after it), so each
        # output character can be traced to the source of the cluster it came from.
        i, n = 0, len(self.text)
        while i < n:
            j = i + 1
            while j < n and unicodedata.combining(self.text[j]):
                j += 1
            piece = self.text[i:j]
            cluster = unicodedata.normalize("NFC", piece)
            if cluster == piece or (j == i + 1 and len(cluster) == 1):
                text.append(cluster)
                starts.extend(self.starts[i:j])
                ends.extend(self.ends[i:j])
            else:
                # Composition merged or reordered characters ("Ù" + dot below is "Ụ" +
                # grave): spread the cluster's source range.
                s, e = self.starts[i], max(self.ends[i:j])
                text.append(cluster)
                starts.extend([s] * len(cluster))
                ends.extend([e] * len(cluster))
            i = j
        joined = "".join(text)
        if joined != unicodedata.normalize("NFC", self.text):
            # Composition across clusters (rare outside Vietnamese): one coarse range.
            whole = unicodedata.normalize("NFC", self.text)
            lo, hi = self.starts[0], max(self.ends)
            return TextView(whole, (lo,) * len(whole), (hi,) * len(whole))
        return TextView(joined, tuple(starts), tuple(ends))


class Block(Record):
    """A piece of prose: a title, heading, paragraph, caption, list item, table cell or quote.

    `start`/`end` is the block's whole extent in the source (what deleting the block removes,
    before its separator); `raw` is its plain text as written, `nfc` the NFC view most rules
    read.
    """

    _fields = ("kind", "raw", "start", "end", "index", "attrs", "_nfc")
    _shown = _fields[:-1]

    def __init__(
        self,
        kind: str,
        raw: TextView,
        start: int,
        end: int,
        index: int = 0,
        attrs: dict[str, Any] | None = None,
        _nfc: TextView | None = None,
    ) -> None:
        self.kind = kind
        self.raw = raw
        self.start = start
        self.end = end
        self.index = index
        self.attrs = {} if attrs is None else attrs
        self._nfc = raw.nfc() if _nfc is None else _nfc
        # The NFC plain text, read by most rules many times: made with the block (every rule
        # reads it; a cached_property took a lock on each block's first read).
        self.text = self._nfc.text

    @property
    def nfc(self) -> TextView:
        if self._nfc is None:
            self._nfc = self.raw.nfc()
        return self._nfc

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source range of the NFC-text range [start, end)."""
        return self.nfc.source_span(start, end)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.raw.source_span(start, end)


class Image(NamedTuple):
    """An image in Markdown or HTML: its alt text is not prose, but CAP compares with it."""

    alt: str
    start: int
    end: int
    block_index: int  # index of the first block after the image (len(blocks) at the end)


class Document(Record):
    """A file as rules read it: its source, format and blocks of text with their source
    positions.

    `headline`: where the article itself starts when that is not its title: in an HTML page
    whose title is the <title> in <head>, the first <h1>. None: the article starts at its
    title."""

    _fields = (
        "path",
        "source",
        "format",
        "blocks",
        "metadata",
        "images",
        "headline",
        "_line_index",
    )
    _shown = _fields[:-1]

    def __init__(
        self,
        path: str,
        source: str,
        format: str,
        blocks: list[Block] | None = None,
        metadata: dict[str, Any] | None = None,
        images: list[Image] | None = None,
        headline: Block | None = None,
        _line_index: LineIndex | None = None,
    ) -> None:
        self.path = path
        self.source = source
        self.format = format
        self.blocks = [] if blocks is None else blocks
        self.metadata = {} if metadata is None else metadata
        self.images = [] if images is None else images
        self.headline = headline
        self._line_index = _line_index

    @property
    def line_index(self) -> LineIndex:
        if self._line_index is None:
            self._line_index = LineIndex(self.source)
        return self._line_index

    @property
    def date(self) -> dt.date | None:
        """The article's date from its front matter (`date`), or None."""
        value = self.metadata.get("date")
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            # "2025-02-17", or the date of "2025-02-17T08:30:00+07:00". Checked before
            # fromisoformat, which takes "20250217" and week dates too from Python 3.11 on.
            text = value.strip()
            if not _ISO_DATE_RE.match(text):
                return None
            try:
                return dt.date.fromisoformat(text[:10])
            except ValueError:
                return None
        return None

    @property
    def title(self) -> Block | None:
        return next((b for b in self.blocks if b.kind == "title"), None)

    def number_blocks(self) -> None:
        """Puts the blocks in source order, numbers them, and points each image at the first
        block after it (for readers that meet blocks out of order)."""
        self.blocks.sort(key=lambda b: (b.start, b.end))
        for k, block in enumerate(self.blocks):
            block.index = k
        starts = [b.start for b in self.blocks]
        self.images[:] = [
            Image(im.alt, im.start, im.end, bisect.bisect_right(starts, im.start))
            for im in self.images
        ]

    def block_deletion(self, block: Block) -> tuple[int, int]:
        """The source range that deleting `block` removes, separator included.

        A block takes the whitespace after it, up to and including the last line break
        before the next content (so the next line keeps its indentation). The last block of
        the file takes the whitespace before it instead; whether the file ends with a
        newline never changes.
        """
        src = self.source
        end = block.end
        j = end
        while j < len(src) and src[j] in " \t\r\n\f\v\u00a0":
            j += 1
        if j < len(src) and not self._ends_a_container(block):
            last_break = max(src.rfind("\n", end, j), src.rfind("\r", end, j))
            return block.start, (last_break + 1 if last_break >= 0 else j)
        # Nothing but whitespace follows: keep that whitespace (the final newline state)
        # and take the separator before the block.
        i = block.start
        while i > 0 and src[i - 1] in " \t\r\n\f\v\u00a0":
            i -= 1
        return i, end

    def _ends_a_container(self, block: Block) -> bool:
        """A Markdown list item or quote followed by a block of another kind.

        Its separator (the blank line) is what ends the list: taking it would pull the next
        paragraph into the list, so such a block takes the separator before it instead.
        """
        if self.format != "md" or block.kind not in ("list-item", "quote"):
            return False
        following = [b for b in self.blocks if b.start >= block.end]
        return bool(following) and following[0].kind != block.kind
