"""What a finding is, independent of where it stands: one fingerprint for baselines and GitLab.

A fingerprint is the SHA-256 of

- the file's path (relative, forward slashes; the caller chooses relative to what),
- the rule's code,
- the flagged text,
- a hash of the text of the block (paragraph, heading, caption…) the finding starts in,
- the occurrence number: how many earlier findings in the file share all four.

No line or column takes part, so a finding keeps its fingerprint when paragraphs move or text
is added elsewhere in the file. Flagged text alone is often generic (" ", "...", "LĐLĐ"): the
block's hash tells apart the same flagged text in two paragraphs, so fixing one of them leaves
exactly one entry stale. The price: editing a paragraph gives the findings left in it new
fingerprints (they count as new), which is what a reviewer of that edit should see anyway.

The occurrence number counts within the block's key, so it numbers the findings inside one
block, and goes on across identical blocks (a paragraph printed twice), keeping fingerprints
unique in a file. Line endings are normalised to LF before hashing: a checkout with CRLF
(git's autocrlf on Windows) gives the same fingerprints.
"""

from __future__ import annotations

import bisect
import hashlib
from collections import Counter
from collections.abc import Sequence

from soat.lint.diagnostic import Diagnostic


def fingerprint(path: str, code: str, flagged: str, block_digest: str, occurrence: int) -> str:
    """The one definition: SHA-256 (hex) of the five parts joined by NUL."""
    key = "\x00".join((path, code, _lf(flagged), block_digest, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def block_digest(text: str) -> str:
    return hashlib.sha256(_lf(text).encode("utf-8", "surrogatepass")).hexdigest()


def fingerprints(path: str, source: str, diagnostics: Sequence[Diagnostic]) -> list[str]:
    """The fingerprint of each diagnostic (same order) of a file whose path is `path`.

    `source` is the text the diagnostics' offsets refer to (`FileResult.final_source`).
    """
    if not diagnostics:
        return []
    blocks = BlockFinder(path, source)
    order = sorted(range(len(diagnostics)), key=lambda i: _position(diagnostics[i]))
    seen: Counter[tuple[str, str, str]] = Counter()
    out = [""] * len(diagnostics)
    for i in order:
        d = diagnostics[i]
        flagged = source[d.start : d.end]
        digest = blocks.digest_at(d.start)
        identity = (d.code, flagged, digest)
        out[i] = fingerprint(path, d.code, flagged, digest, seen[identity])
        seen[identity] += 1
    return out


def _position(d: Diagnostic) -> tuple[int, int, str]:
    return (d.start, d.end, d.code)


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


class BlockFinder:
    """The block around an offset, from the file's reader (read once, on the first question).

    An offset outside every block (front matter, a blank line, a file the reader failed on)
    falls back to the line it stands on.
    """

    def __init__(self, path: str, source: str) -> None:
        self.path = path
        self.source = source
        self._spans: list[tuple[int, int]] | None = None
        self._starts: list[int] = []
        self._digests: dict[tuple[int, int], str] = {}

    def _read(self) -> None:
        from soat.lint.formats import parse

        try:
            blocks = parse(self.path, self.source).blocks
        except Exception:  # the reader failed (reported as INT001): lines only
            blocks = []
        self._spans = sorted({(b.start, b.end) for b in blocks if b.end > b.start})
        self._starts = [s for s, _ in self._spans]

    def span_at(self, offset: int) -> tuple[int, int]:
        """The smallest block containing `offset`, else the line it stands on."""
        if self._spans is None:
            self._read()
        assert self._spans is not None
        best: tuple[int, int] | None = None
        for start, end in self._spans[: bisect.bisect_right(self._starts, offset)]:
            if offset < end and (best is None or end - start < best[1] - best[0]):
                best = (start, end)
        return best if best is not None else self._line_at(offset)

    def _line_at(self, offset: int) -> tuple[int, int]:
        src = self.source
        start = max(src.rfind("\n", 0, offset), src.rfind("\r", 0, offset)) + 1
        ends = [e for e in (src.find("\n", offset), src.find("\r", offset)) if e >= 0]
        return start, min(ends) if ends else len(src)

    def digest_at(self, offset: int) -> str:
        span = self.span_at(offset)
        digest = self._digests.get(span)
        if digest is None:
            digest = self._digests[span] = block_digest(self.source[span[0] : span[1]])
        return digest
