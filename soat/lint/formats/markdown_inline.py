"""Locating markdown-it's inline tokens in the Markdown source, character by character.

markdown-it-py gives block line ranges only, so each inline token is located in its block's
source: its text must appear exactly where the previous token ended (after a container
prefix — `>`, a list marker, `#`, `|`, indentation — at the start of a line). A token that
cannot be located raises `Unlocatable`, and the reader leaves the rest of that block's text
out rather than report at a wrong column.
"""

from __future__ import annotations

import re

from soat.lint.formats.inline import PlainBuilder

# One piece of a container prefix at the start of a line: indentation, a block-quote marker,
# a list marker, a heading marker or a table pipe.
_PREFIX_PART_RE = re.compile(
    r"[ \t]+|>|[-+*](?=[ \t\n]|\Z)|\d{1,9}[.)](?=[ \t\n]|\Z)|#{1,6}(?=[ \t\n]|\Z)|\|"
)
_BREAK_RE = re.compile(r"( *)(\\?)[ \t]*\n")
_TRAILING_RE = re.compile(r"[ \t]+(?=\n|\Z)")
_MARKUP_TOKENS = {"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"}


class Unlocatable(Exception):
    """A token could not be located exactly in the source."""


class InlineLocator:
    """Feeds a PlainBuilder with the text of inline tokens, each at its place in `text`
    (the working text markdown-it parsed); images met on the way go to `images`."""

    def __init__(self, text: str) -> None:
        self.t = text
        self.images: list[tuple[str, int, int]] = []

    def locate(self, children, builder: PlainBuilder, pos: int, trailing: bool) -> int | None:
        """Feeds `builder` with the children's text; returns the offset after them."""
        try:
            pos = self._inline(children, builder, pos, at_line_start=True)
        except Unlocatable:
            return None
        if trailing:
            m = _TRAILING_RE.match(self.t, pos)
            if m:
                builder.text(m.group(), pos)
        return pos

    def _place(self, pos: int, expected: str, at_line_start: bool) -> int:
        """Where `expected` starts: at `pos`, or after a container prefix at a line start."""
        if not at_line_start:
            if self.t.startswith(expected, pos):
                return pos
            raise Unlocatable
        candidates = [pos]
        p = pos
        while True:
            m = _PREFIX_PART_RE.match(self.t, p)
            if not m or m.end() == p:
                break
            p = m.end()
            candidates.append(p)
        for cand in reversed(candidates):
            if self.t.startswith(expected, cand):
                return cand
        raise Unlocatable

    def _inline(self, children, builder: PlainBuilder, pos: int, at_line_start: bool) -> int:
        t = self.t
        pending_break = None  # (start, is_hard) of a line break waiting for the next line
        i, n = 0, len(children)
        while i < n:
            tok = children[i]
            kind = tok.type
            if kind in ("softbreak", "hardbreak"):
                m = _BREAK_RE.match(t, pos)
                if not m:
                    raise Unlocatable
                if kind == "hardbreak" and not m.group(2):
                    builder.literal(m.group(1), pos)  # the two spaces that make the break
                    pending_break = (pos + len(m.group(1)), True)
                else:
                    pending_break = (pos, kind == "hardbreak")
                pos, at_line_start = m.end(), True
                i += 1
                continue
            expected = _expected(tok)
            if expected is None:
                raise Unlocatable
            place = self._place(pos, expected, at_line_start)
            if pending_break is not None:
                start, hard = pending_break
                if hard:
                    builder.hard_break(start, place)
                else:
                    builder.collapsed(start, place)
                pending_break = None
            at_line_start = False
            pos = place
            if kind == "text":
                builder.text(tok.content, pos)
                pos += len(tok.content)
            elif kind == "text_special":
                builder.decoded(tok.content, pos, pos + len(tok.markup))
                pos += len(tok.markup)
            elif kind in _MARKUP_TOKENS:
                pos += len(tok.markup)
            elif kind == "code_inline":
                close = re.compile(r"(?<!`)" + re.escape(tok.markup) + r"(?!`)")
                m = close.search(t, pos + len(tok.markup))
                if not m:
                    raise Unlocatable
                builder.gap()
                pos = m.end()
            elif kind == "html_inline":
                pos += len(tok.content)
                if re.match(r"<br\s*/?>$", tok.content, re.I):
                    builder.hard_break(place, pos)
                elif not re.match(r"</?[A-Za-z][\w-]*(\s[^>]*)?/?>$", tok.content) or re.match(
                    r"<img\b", tok.content, re.I
                ):
                    builder.gap()  # comments, images and other objects; formatting tags vanish
            elif kind == "image":
                pos = self._image(tok, pos)
                builder.gap()
            elif kind == "link_open":
                j = _matching_close(children, i)
                if tok.markup in ("autolink", "linkify"):
                    end = t.find(">", pos) + 1 if tok.markup == "autolink" else -1
                    if end <= 0:
                        raise Unlocatable
                    builder.gap()  # a bare URL is not prose
                    pos, i = end, j + 1
                    continue
                pos = self._inline(children[i + 1 : j], builder, pos + 1, at_line_start=False)
                if not t.startswith("]", pos):
                    raise Unlocatable
                pos = self._link_tail(pos + 1)
                i = j + 1
                continue
            else:
                raise Unlocatable
            i += 1
        if pending_break is not None:
            raise Unlocatable
        return pos

    def _image(self, tok, pos: int) -> int:
        label = tok.content
        if not self.t.startswith(label + "]", pos + 2):
            raise Unlocatable
        end = self._link_tail(pos + 2 + len(label) + 1)
        self.images.append((alt_text(tok.children or []), pos, end))
        return end

    def _link_tail(self, pos: int) -> int:
        """Skips what follows a link's text: `(destination "title")`, `[label]` or nothing."""
        from markdown_it.helpers import parseLinkDestination, parseLinkTitle

        t = self.t
        if t.startswith("(", pos):
            p = _skip_space(t, pos + 1)
            if t.startswith(")", p):
                return p + 1
            dest = parseLinkDestination(t, p, len(t))
            if not dest.ok:
                raise Unlocatable
            p = _skip_space(t, dest.pos)
            if not t.startswith(")", p):
                title = parseLinkTitle(t, p, len(t))
                if title.ok:
                    p = _skip_space(t, title.pos)
            if not t.startswith(")", p):
                raise Unlocatable
            return p + 1
        if t.startswith("[", pos):
            m = re.compile(r"\[(?:[^\\\[\]]|\\.)*\]", re.S).match(t, pos)
            if not m:
                raise Unlocatable
            return m.end()
        return pos


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def _expected(tok) -> str | None:
    """The source text a token starts with."""
    kind = tok.type
    if kind == "text":
        return tok.content
    if kind in ("text_special", "code_inline") or kind in _MARKUP_TOKENS:
        return tok.markup
    if kind == "html_inline":
        return tok.content
    if kind == "image":
        return "!["
    if kind == "link_open":
        return "<" if tok.markup == "autolink" else ("" if tok.markup == "linkify" else "[")
    return None


def _matching_close(children, i: int) -> int:
    depth = 0
    for j in range(i, len(children)):
        if children[j].type == "link_open":
            depth += 1
        elif children[j].type == "link_close":
            depth -= 1
            if depth == 0:
                return j
    raise Unlocatable


def alt_text(children) -> str:
    parts = []
    for tok in children:
        if tok.type in ("text", "text_special", "code_inline"):
            parts.append(tok.content)
        elif tok.type == "image":
            parts.append(alt_text(tok.children or []))
        elif tok.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)
