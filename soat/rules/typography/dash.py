"""TYP006 dash — Year ranges or spaced dashes written inconsistently.

Looks at: year ranges and spaced dashes between words, counted per kind; the majority wins, a
tie keeps the first.
Does not: change anything but the dash and its spaces.
Data: none.
Fix: safe — the document's majority style.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import re
from collections.abc import Iterator
from types import MappingProxyType
from typing import NamedTuple

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Severity
from soat.lint.document import Block
from soat.lint.rule import Example, NoOptions, Rule

_YEAR = r"(?:19|20)\d\d"
# The look-behind after the year's first two digits (a literal "19" or "20" the regex engine
# scans for) rather than before them: tried at each "19"/"20", not at every character.
_RANGE_RE = re.compile(
    rf"((?:19|20)(?<![\w/.,\-–—]..)\d\d)([ \u00a0]*)([-–—])([ \u00a0]*)({_YEAR})"
    r"(?![\w/]|[.,]\d|[ \u00a0]*[-–—][ \u00a0]*\d)"
)
# A dash with a space on each side, between two words (not a list bullet, not a range):
# `(?<=[^\s\d])[ \u00a0]+([-–—])[ \u00a0]+(?=[^\s\d\-–—])`. Found from the dash, a
# character the regex engine scans for in C (that one tried its look-behind at every
# character: 3x slower); `_spaced_dashes` walks the spaces before it back to a word.
_SPACED_DASH_RE = re.compile(r"([-–—])(?<=[ \u00a0].)[ \u00a0]+(?=[^\s\d\-–—])")
_DASH_NAMES = MappingProxyType(
    {
        "-": ("gạch nối", "hyphen"),
        "–": ("gạch ngang ngắn", "en dash"),
        "—": ("gạch ngang dài", "em dash"),
    }
)


class _Use(NamedTuple):
    block: Block
    start: int
    end: int
    style: str  # how it is written: "2023 - 2028" → " - ", "Hiểu - Phó" → "-"
    left: str = ""
    right: str = ""


def _range_uses(block) -> Iterator[_Use]:
    for m in _RANGE_RE.finditer(block.text):
        left_space, dash, right_space = m.group(2), m.group(3), m.group(4)
        style = (" " if left_space else "") + dash + (" " if right_space else "")
        yield _Use(block, m.start(), m.end(), style, m.group(1), m.group(5))


def _spaced_uses(block) -> Iterator[_Use]:
    for at, dash in _spaced_dashes(block.text):
        yield _Use(block, at, at + 1, dash)


def _spaced_dashes(text: str) -> Iterator[tuple[int, str]]:
    """(position, dash) of each spaced dash: the spaces before it follow neither a space nor
    a digit (`\\s` is `str.isspace`, `\\d` `str.isdecimal`)."""
    for m in _SPACED_DASH_RE.finditer(text):
        start = m.start() - 1
        while start and text[start - 1] in " \u00a0":
            start -= 1
        if start and not text[start - 1].isspace() and not text[start - 1].isdecimal():
            yield m.start(), m.group(1)


def _may_have_a_spaced_dash(text: str) -> bool:
    """False only when `_SPACED_DASH_RE` finds nothing: it needs a space before a dash."""
    return " -" in text or " –" in text or " —" in text or "\u00a0" in text


def _majority(uses: list[_Use]) -> str | None:
    counts: dict[str, int] = {}
    for use in uses:
        counts[use.style] = counts.get(use.style, 0) + 1
    if len(counts) < 2:
        return None
    best = max(counts.values())
    return next(u.style for u in uses if counts[u.style] == best)  # a tie keeps the first


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    ranges: list[_Use] = []
    spaced: list[_Use] = []
    for block in doc.blocks:
        text = block.text
        if "-" not in text and "–" not in text and "—" not in text:
            continue
        ranges.extend(_range_uses(block))
        if _may_have_a_spaced_dash(text):
            spaced.extend(_spaced_uses(block))
    target = _majority(ranges)
    if target is not None:
        for use in ranges:
            if use.style == target:
                continue
            written = use.block.text[use.start : use.end]
            wanted = f"{use.left}{target}{use.right}"
            start, end = use.block.span(use.start, use.end)
            yield Diagnostic(
                Msg(
                    f"Khoảng năm “{written}” viết khác kiểu dùng nhiều hơn trong bài; nên viết "
                    f"“{wanted}”",
                    f"Year range “{written}” differs from the style used most in "
                    f"the document; expected “{wanted}”",
                ),
                start,
                end,
                fix=Fix.safe(start, end, wanted),
            )
    target = _majority(spaced)
    if target is not None:
        for use in spaced:
            if use.style == target:
                continue
            start, end = use.block.span(use.start, use.end)
            got_vi, got_en = _DASH_NAMES[use.style]
            want_vi, want_en = _DASH_NAMES[target]
            yield Diagnostic(
                Msg(
                    f"Dấu {got_vi} “{use.style}” giữa hai từ; bài này chủ yếu dùng dấu {want_vi} "
                    f"“{target}”",
                    f"An {got_en} “{use.style}” between words; the document "
                    f"mostly uses an {want_en} “{target}”",
                ),
                start,
                end,
                fix=Fix.safe(start, end, target),
            )


RULE = Rule(
    code="TYP006",
    name="dash",
    summary=Msg(
        "Gạch nối khoảng năm hoặc gạch ngang giữa các từ viết không thống nhất",
        "Year ranges or spaced dashes written inconsistently",
    ),
    explanation=Msg(
        "Trong một bài, khoảng năm viết một kiểu (“2023 - 2028”, “2023-2028” hoặc “2023–2028”) "
        "và dấu gạch có dấu cách hai bên giữa hai từ (“kinh tế - xã hội”) dùng một ký tự (-, – "
        "hoặc —). Kiểu dùng nhiều hơn thắng; hòa thì giữ kiểu dùng trước. Sửa an toàn.",
        "In one document, year ranges are written one way (“2023 - 2028”, “2023-2028” or "
        "“2023–2028”) and a spaced dash between words uses one character (-, – or —). The "
        "majority wins; a tie keeps the style used first. Safe fix.",
    ),
    severity=Severity.INFO,
    check=check,
    bad=(
        Example("Nhiệm kỳ 2023 - 2028 kế thừa nhiệm kỳ 2018-2023."),
        Example("Ông Ngọ Duy Hiểu - Phó Chủ tịch và bà Vũ Thị Giáng Hương – Trưởng Ban."),
    ),
    good=(Example("Nhiệm kỳ 2023 - 2028 kế thừa nhiệm kỳ 2018 - 2023; Nghị quyết 02-NQ/TW."),),
    fixes=frozenset({Applicability.SAFE}),
    options=NoOptions,
)
