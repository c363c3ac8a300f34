"""TYP001 whitespace — Repeated, unusual or trailing whitespace in a line.

Looks at: runs of in-line whitespace in each block's raw text.
Does not: report indentation, a no-break space between a number and a word, a Markdown hard
break (two trailing spaces) or C1 controls left by double encoding.
Data: none.
Fix: safe — one normal space, or nothing at the end of a line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import MappingProxyType

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Severity
from soat.lint.rule import Example, NoOptions, Rule

# Spaces only: \s would also take C1 controls such as U+0085, which in a draft are the
# remains of double-encoded letters ("Nguyá»\x85n"), not spacing to normalise.
_SPACES = r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
# Maximal runs of in-line whitespace, except a single plain space inside a line (the common
# case, never a finding): runs of two or more, one unusual space, or one space ending a line.
# Written as one space, then what makes it a run: a pattern that starts with a character set
# is scanned for it in C (1.5x faster than three alternatives tried at every position).
_ODD_SPACE = r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
_RUN_RE = re.compile(rf"{_SPACES}(?:{_SPACES}+|(?<={_ODD_SPACE})|(?<= )(?=[\r\n]|\Z))")
_ODD_SPACE_RE = re.compile(_ODD_SPACE)


def _may_have_a_run(text: str) -> bool:
    """False only when `_RUN_RE` finds nothing: a run is two spaces (two plain ones, or one
    unusual), one unusual space, or a plain space before a line break or at the end."""
    if "  " in text or text.endswith(" "):
        return True
    # Line breaks and unusual spaces are controls or separators: never in a printable text
    # (most blocks: one scan for the three tests, twice as fast as the regex's alone).
    return not text.isprintable() and (
        " \n" in text or " \r" in text or _ODD_SPACE_RE.search(text) is not None
    )


_NAMES = MappingProxyType(
    {
        "\u00a0": ("dấu cách không ngắt (U+00A0)", "no-break space (U+00A0)"),
        "\t": ("tab", "tab"),
        "\u2009": ("dấu cách hẹp (U+2009)", "thin space (U+2009)"),
        "\u202f": ("dấu cách hẹp không ngắt (U+202F)", "narrow no-break space (U+202F)"),
        "\u3000": ("dấu cách toàn khổ (U+3000)", "ideographic space (U+3000)"),
    }
)


def _describe(run: str, trailing: bool) -> Msg:
    if trailing:
        return Msg("Khoảng trắng thừa ở cuối dòng", "Trailing whitespace at the end of the line")
    odd = sorted({c for c in run if c != " "})
    if odd:
        vi = ", ".join(_NAMES.get(c, (f"U+{ord(c):04X}",))[0] for c in odd)
        en = ", ".join(_NAMES.get(c, (None, f"U+{ord(c):04X}"))[1] for c in odd)
        return Msg(
            f"Khoảng trắng lạ ({vi}); nên dùng một dấu cách thường",
            f"Unusual whitespace ({en}); expected one normal space",
        )
    return Msg(
        f"{len(run)} dấu cách liền nhau; nên dùng một dấu cách",
        f"{len(run)} spaces in a row; expected one space",
    )


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    for block in doc.blocks:
        text = block.raw.text
        if not _may_have_a_run(text):
            continue  # most blocks: memchr-fast tests instead of a regex try at every space
        for m in _RUN_RE.finditer(text):
            run = m.group()
            start, end = m.span()
            trailing = end == len(text) or text[end] in "\r\n"
            if run == " " and not trailing:
                continue
            leading = start == 0
            if leading and not trailing:
                continue  # indentation belongs to the layout, not the prose
            if (
                run == "\u00a0"
                and start > 0
                and text[start - 1].isdigit()
                and not trailing
                and text[end].isalpha()
            ):
                continue  # "15 kg": a deliberate no-break space
            if trailing and doc.format == "md" and run == "  ":
                continue  # a Markdown hard line break
            src_start, src_end = block.raw_span(start, end)
            replacement = "" if trailing else " "
            yield Diagnostic(
                _describe(run, trailing),
                src_start,
                src_end,
                fix=Fix.safe(src_start, src_end, replacement),
            )


RULE = Rule(
    code="TYP001",
    name="whitespace",
    summary=Msg(
        "Khoảng trắng thừa hoặc lạ trong dòng", "Repeated, unusual or trailing whitespace in a line"
    ),
    explanation=Msg(
        "Mỗi chuỗi khoảng trắng trong dòng không phải đúng một dấu cách thường là một lỗi: nhiều "
        "dấu cách liền nhau, dấu cách không ngắt (U+00A0) dán từ trang web hay Word, tab, khoảng "
        'trắng cuối dòng. Dấu cách không ngắt giữa số và đơn vị ("15 kg") được giữ. Sửa an toàn: '
        "một dấu cách thường, hoặc xóa ở cuối dòng. Trong Markdown, đúng hai dấu cách cuối dòng "
        "là ngắt dòng và được giữ.",
        "Each run of whitespace inside a line that is not exactly one normal space is a finding: "
        "repeated spaces, no-break spaces (U+00A0) pasted from web pages or word processors, "
        "tabs, trailing whitespace. A no-break space between a number and the word after it "
        '("15 kg") is kept. Safe fix: one normal space, or nothing at the end of a line. In '
        "Markdown exactly two trailing spaces are a line break and are kept.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(Example("Công đoàn\u00a0cơ sở  tổ chức hội nghị."),),
    good=(Example("Mỗi đoàn viên được hỗ trợ 15\u00a0kg gạo."),),
    fixes=frozenset({Applicability.SAFE}),
    options=NoOptions,
)
