"""TYP002 punctuation-space — A space before punctuation, or none after it.

Looks at: spaces before , . ; : ! ? and missing spaces after them, and numbers glued to a word
(soat.vi.glued.find_glued_numbers).
Does not: touch numbers, times, abbreviations, URLs, e-mail, domain names, ellipses or unit
symbols.
Data: none.
Fix: safe — delete or insert one space.
Notes: the unit symbols left glued come from counts on 2,595 clean published articles (in the
explanation).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import MappingProxyType

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Severity
from soat.lint.document import Document
from soat.lint.rule import Example, NoOptions, Rule
from soat.vi.glued import find_glued_numbers
from soat.vi.tokens import non_prose_spans

# Spaces before a mark that ends a word: the mark must not start something (".com", ",5",
# "...") and something must stand before the spaces.
# Found from the mark, preceded by a space (rarer than a space alone): a pattern that starts
# with a character set is scanned for it in C, 4x faster than a look-behind tried at every
# position; `_findings` walks the spaces back (each run once: runs end at their mark). The
# word before is checked in Python.
_SPACE_BEFORE_RE = re.compile(r"[,;:!?.](?<=[ \u00a0].)(?:(?<=[,;:!?])(?!\d)|(?<=\.)(?![\w.…/]))")
_CLOSERS = frozenset('”’")]')
# A mark glued to the next word.
_NO_SPACE_AFTER_RE = re.compile(r"([,;:!?.])(?=[^\W\d_])")
# What either regex above finds, in one scan for the marks: most blocks have nothing of
# either (`_findings` scans twice only where this finds something).
_EITHER_RE = re.compile(
    r"[,;:!?.](?:(?=[^\W\d_])|(?<=[ \u00a0].)(?:(?<=[,;:!?])(?!\d)|(?<=\.)(?![\w.…/])))"
)
_WORD_BEFORE_RE = re.compile(r"[^\W\d_]+$")
_WORD_AFTER_RE = re.compile(r"[^\W\d_]+")
_ADDRESS_RE = re.compile(
    r"(?:https?://|ftp://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b(?<!\w[.-])[\w-]+(?:\.[\w-]+)*\.(?:com|vn|net|org|me|io|gov|edu|html?|php|aspx?|pdf|docx?|xlsx?|jpe?g|png|gif|webp|mp[34])\b\S*",
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


_NUMBER_BEFORE_RE = re.compile(r"\d+(?:[.,]\d+)*$")
_LETTERS_AFTER_RE = re.compile(r"[^\W\d_]+")


def _missing_space_after_number(text: str, pos: int) -> bool:
    """ "năm 2030,định hướng", "năm 2025.Theo": a comma or full stop between a number and a
    word. Decimals ("2,5") and lists ("1,2,3") have a digit after the mark; codes and plates
    ("CM-05144.TS", "49C-227.xx") a letter or hyphen before the number."""
    mark = text[pos]
    if mark not in ",.":
        return False
    number = _NUMBER_BEFORE_RE.search(text, max(0, pos - 30), pos)
    if number is None:
        return False
    before = text[number.start() - 1] if number.start() else " "
    if before.isalnum() or before in "-–/._":
        return False
    word = _LETTERS_AFTER_RE.match(text, pos + 1)
    if word is None or set(word.group().lower()) <= {"x"}:
        return False  # "0912.227.xxx": digits hidden on purpose
    return not (mark == "." and len(word.group()) > 1 and word.group().isupper())


def _findings(text: str) -> Iterator[tuple[str, int, int, str]]:
    """(kind, start, end, mark): "before" spans the spaces, "after" spans the mark."""
    for m in _SPACE_BEFORE_RE.finditer(text):
        start = m.start()
        while start and text[start - 1] in " \u00a0":
            start -= 1
        if start and (text[start - 1].isalnum() or text[start - 1] in _CLOSERS):
            yield "before", start, m.start(), m.group()
    for m in _NO_SPACE_AFTER_RE.finditer(text):
        pos, mark = m.start(), m.group(1)
        if pos and text[pos - 1].isdigit():
            if _missing_space_after_number(text, pos):
                yield "after", pos, pos + 1, mark
            continue
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


def number_glue_findings(doc: Document) -> Iterator[Diagnostic]:
    """A number glued to a Vietnamese word ("150hộ", "3ngày"); units stay ("2km", "2ha")."""
    for block in doc.blocks:
        text = block.text
        # (no separate test for a digit first: the number regex scans for one as fast)
        for glued in find_glued_numbers(text):
            if any(s < glued.end and glued.start < e for s, e in non_prose_spans(text)):
                continue
            start, end = block.span(glued.start, glued.end)
            at = block.span(glued.cut, glued.cut + 1)[0]
            yield Diagnostic(
                Msg(
                    f"Thiếu dấu cách giữa số và chữ: “{glued.written}”; nên viết "
                    f"“{glued.replacement}”",
                    f"Missing space between a number and a word: “{glued.written}”; expected "
                    f"“{glued.replacement}”",
                ),
                start,
                end,
                fix=Fix.safe(at, at, " "),
            )


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    yield from number_glue_findings(doc)
    for block in doc.blocks:
        text = block.text
        if _EITHER_RE.search(text) is None:
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
                    fix=Fix.safe(src_start, src_end),
                )
            else:
                yield Diagnostic(
                    Msg(
                        f"Thiếu dấu cách sau {_NAMES[mark]} “{mark}”",
                        f"Missing space after a {_NAMES_EN[mark]} “{mark}”",
                    ),
                    src_start,
                    src_end,
                    fix=Fix.safe(src_end, src_end, " "),
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
        "viết thường và một từ viết hoa (“hội nghị.Theo”), hoặc giữa một số và một từ (“năm "
        "2025.Theo”, “năm 2030,định hướng”; không xét số thập phân 2,5 và dãy số 1,2,3). Số viết "
        "dính với danh từ tiếng Việt bị báo (“150hộ” → “150 hộ”), ký hiệu đơn vị thì không (2km, "
        "5kg, 2ha, 15h, 8h30, 50.000đ, m2): đo trên 2.595 bài báo sạch, báo chí viết ký hiệu đơn "
        "vị cả dính lẫn cách (dính/cách: km 197/384, kg 32/39, ha 52/73, m 386/188, mm 153/131, "
        "h 214/0) nhưng gần như không bao giờ viết dính danh từ (hộ 3/268, tuần 1/55, ngày "
        "0/222, người 0/777, suất 0/74, tấn 0/216). Sửa an toàn: xóa hoặc thêm dấu cách. Dấu ba "
        "chấm không bị xét.",
        "No space before , . ; : ! ? and one space after them when a word follows. Numbers "
        "(1.000; 2,5), times (8:30), abbreviations (TP.HCM, PGS.TS, v.v.), web and e-mail "
        "addresses and domain names are skipped; a missing space after a full stop is reported "
        "only between a lower-case word and a capitalised one (“hội nghị.Theo”), or between a "
        "number and a word (“năm 2025.Theo”, “năm 2030,định hướng”; not decimals such as 2,5 nor "
        "lists such as 1,2,3). A number glued to a Vietnamese noun is reported (“150hộ” → “150 "
        "hộ”), a unit symbol is not (2km, 5kg, 2ha, 15h, 8h30, 50.000đ, m2): measured on 2,595 "
        "clean articles, the press writes unit symbols both glued and spaced (glued/spaced: km "
        "197/384, kg 32/39, ha 52/73, m 386/188, mm 153/131, h 214/0) but almost never glues a "
        "noun (hộ 3/268, tuần 1/55, ngày 0/222, người 0/777, suất 0/74, tấn 0/216). Safe fix: "
        "delete or insert the space. Ellipses are not checked.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(
        Example("Hội nghị diễn ra tại Hà Nội ,với sự tham gia của 200 đại biểu ."),
        Example("Công đoàn tặng 20suất quà cho 150hộ khó khăn trong 3ngày."),
        Example("Đến năm 2030,định hướng phát triển được điều chỉnh."),
    ),
    good=(
        Example("Ngày 12/6, TP.HCM hỗ trợ 1.000 suất quà, mỗi suất 2,5 triệu đồng, lúc 8:30."),
        Example("Lúc 8h30, đoàn đi 2km, mang 5kg gạo, giá 50.000đ; mạng 5G, COVID-19, H5N1."),
    ),
    fixes=frozenset({Applicability.SAFE}),
    options=NoOptions,
)
