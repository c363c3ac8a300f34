"""Errors that stop a run with exit status 2, worded for the user (file:line: what)."""

from __future__ import annotations


class UsageError(Exception):
    """Bad configuration, registry or command-line input; the message names file and line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.detail = message
        where = f"{path}:{line}: " if path and line else f"{path}: " if path else ""
        super().__init__(where + message)


def did_you_mean(word: str, choices) -> str:
    """' Did you mean "x"?' for the closest choice, or ''."""
    from rapidfuzz import fuzz, process

    best = process.extractOne(word, list(choices), scorer=fuzz.ratio, score_cutoff=60)
    return f' Did you mean "{best[0]}"?' if best else ""


def printable(text: str) -> str:
    """`text` safe to print anywhere: control characters and bytes that are not UTF-8 (a
    file name's surrogate escapes) written as escapes, so that no name can move the cursor,
    colour a terminal, or make a strict UTF-8 encoder or JSON decoder fail."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's escape for an undecodable byte
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF or (not ch.isprintable() and ch != " "):
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)
