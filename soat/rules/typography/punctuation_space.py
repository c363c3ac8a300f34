"""TYP002 punctuation-space — dấu cách trước dấu câu, hoặc thiếu dấu cách sau dấu câu.

Không đặt dấu cách trước , . ; : ! ? và đặt một dấu cách sau chúng khi chữ tiếp theo bắt đầu
(“Hà Nội ,ngày” → “Hà Nội, ngày”). Không xét số (“1.000”, “2,5”), giờ (“8:30”), chữ viết tắt
(“TP.HCM”, “PGS.TS”, “v.v.”), địa chỉ web, e-mail, tên miền và dấu ba chấm.

A space before , . ; : ! ? or a missing space after one of them between two words. A missing
space after a full stop is reported only between a lower-case word and a capitalised word
(“hội nghị.Theo”), so abbreviations such as “TP.HCM” and “Th.S” stay. Sửa an toàn (safe):
delete the space, or insert one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import MappingProxyType

from soat.lint.context import Context
from soat.lint.diagnostic import Diagnostic, Fix, Msg, Severity
from soat.lint.rule import Example, NoOptions, Rule

# Spaces before a mark that ends a word: the mark must not start something (".com", ",5",
# "...") and something must stand before the spaces.
# (Patterns start with the mark or the space, not a look-behind: the word before is checked
# in Python, which is much faster than a look-behind tried at every position.)
_SPACE_BEFORE_RE = re.compile(r"[ \u00a0]+([,;:!?](?!\d)|\.(?![\w.…/]))")
_CLOSERS = frozenset('”’")]')
# A mark glued to the next word.
_NO_SPACE_AFTER_RE = re.compile(r"([,;:!?.])(?=[^\W\d_])")
_WORD_BEFORE_RE = re.compile(r"[^\W\d_]+$")
_WORD_AFTER_RE = re.compile(r"[^\W\d_]+")
_ADDRESS_RE = re.compile(
    r"(?:https?://|ftp://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|vn|net|org|me|io|gov|edu|html?|php|aspx?|pdf|docx?|xlsx?)\b\S*",
    re.IGNORECASE,
)
_NAMES = MappingProxyType(
    {
        ",": "dấu phẩy",
        ".": "dấu chấm",
        ";": "dấu chấm phẩy",
        ":": "dấu hai chấm",
        "!": "dấu chấm than",
        "?": "dấu chấm hỏi",
    }
)
_NAMES_EN = MappingProxyType(
    {
        ",": "comma",
        ".": "full stop",
        ";": "semicolon",
        ":": "colon",
        "!": "exclamation mark",
        "?": "question mark",
    }
)


def _is_sentence_word(word: str) -> bool:
    """A lower-case word of two letters or more: "nghị", not "v", "TP" or "Th"."""
    return len(word) >= 2 and word.islower()


def _is_capitalised_word(word: str) -> bool:
    """ "Theo", not "HCM", "TS" or "BS"."""
    return word[0].isupper() and len(word) >= 2 and word[1:].islower()


def _findings(text: str) -> Iterator[tuple[str, int, int, str]]:
    """(kind, start, end, mark): "before" spans the spaces, "after" spans the mark."""
    for m in _SPACE_BEFORE_RE.finditer(text):
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in _CLOSERS):
            yield "before", start, m.start(1), m.group(1)
    for m in _NO_SPACE_AFTER_RE.finditer(text):
        pos, mark = m.start(), m.group(1)
        if not pos or not text[pos - 1].isalpha():
            continue
        if mark != ".":
            yield "after", pos, pos + 1, mark
            continue
        before = _WORD_BEFORE_RE.search(text, max(0, pos - 40), pos)
        after = _WORD_AFTER_RE.match(text, pos + 1)
        if before and after and before.start() and text[before.start() - 1] == ".":
            continue  # "v.v.Nội": a chain of abbreviations
        if (
            before
            and after
            and _is_sentence_word(before.group())
            and _is_capitalised_word(after.group())
        ):
            yield "after", pos, pos + 1, "."


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    for block in doc.blocks:
        text = block.text
        if not any(c in text for c in ",.;:!?"):
            continue
        addresses = None
        for kind, start, end, mark in sorted(_findings(text), key=lambda f: f[1]):
            if addresses is None:
                addresses = [a.span() for a in _ADDRESS_RE.finditer(text)]
            if any(s <= start < e or s < end <= e for s, e in addresses):
                continue
            if kind == "before" and any(e == start for _, e in addresses):
                continue  # "www.congdoan.vn ." keeps the stop off the address on purpose
            src_start, src_end = block.span(start, end)
            if kind == "before":
                yield Diagnostic(
                    Msg(
                        f"Dấu cách thừa trước {_NAMES[mark]} “{mark}”",
                        f"Space before a {_NAMES_EN[mark]} “{mark}”",
                    ),
                    src_start,
                    src_end,
                    fix=Fix.delete(Msg("Xóa dấu cách", "Remove the space"), src_start, src_end),
                )
            else:
                yield Diagnostic(
                    Msg(
                        f"Thiếu dấu cách sau {_NAMES[mark]} “{mark}”",
                        f"Missing space after a {_NAMES_EN[mark]} “{mark}”",
                    ),
                    src_start,
                    src_end,
                    fix=Fix.replace(Msg("Thêm dấu cách", "Insert a space"), src_end, src_end, " "),
                )


RULE = Rule(
    code="TYP002",
    name="punctuation-space",
    summary=Msg(
        "Dấu cách trước dấu câu, hoặc thiếu dấu cách sau dấu câu",
        "A space before punctuation, or none after it",
    ),
    explanation=Msg(
        "Không đặt dấu cách trước , . ; : ! ? và đặt một dấu cách sau chúng khi một từ tiếp "
        "theo. Số (1.000; 2,5), giờ (8:30), chữ viết tắt (TP.HCM, PGS.TS, v.v.), địa chỉ web, "
        "e-mail và tên miền không bị xét; thiếu dấu cách sau dấu chấm chỉ được báo giữa một từ "
        "viết thường và một từ viết hoa (“hội nghị.Theo”). Sửa an toàn: xóa hoặc thêm dấu cách.",
        "No space before , . ; : ! ? and one space after them when a word follows. Numbers "
        "(1.000; 2,5), times (8:30), abbreviations (TP.HCM, PGS.TS, v.v.), web and e-mail "
        "addresses and domain names are skipped; a missing space after a full stop is reported "
        "only between a lower-case word and a capitalised one (“hội nghị.Theo”). Safe fix: "
        "delete or insert the space.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(Example("Hội nghị diễn ra tại Hà Nội ,với sự tham gia của 200 đại biểu ."),),
    good=(Example("Ngày 12/6, TP.HCM hỗ trợ 1.000 suất quà, mỗi suất 2,5 triệu đồng, lúc 8:30."),),
    fixes=frozenset({"safe"}),
    options=NoOptions,
)
