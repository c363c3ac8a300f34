"""DAT001 impossible-date — A date that does not exist.

Looks at: the dates of each block (`block_dates`, soat.vi.dates.find_dates) that do not exist,
and long forms with a broken keyword.
Does not: read a day/month without a year as a date unless a cue precedes it (house numbers).
Data: none.
Fix: unsafe — only for a keyword written in place of “năm”; a wrong date is never fixed.
"""

from __future__ import annotations

from collections.abc import Iterator

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Severity
from soat.lint.rule import Example, NoOptions, Rule
from soat.rules.dates._dates import block_dates
from soat.vi.dates import days_in_month


def _why(day: int, month: int, year: int | None) -> tuple[str, str]:
    if not 1 <= month <= 12:
        return f"không có tháng {month}", f"there is no month {month}"
    if day < 1:
        return "không có ngày 0", "there is no day 0"
    n = days_in_month(month, year)
    if month == 2 and year is not None and n == 28:
        return (
            f"năm {year} không nhuận, tháng 2 có 28 ngày",
            f"{year} is not a leap year: February has 28 days",
        )
    return f"tháng {month} có {n} ngày", f"month {month} has {n} days"


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    for block, dates in zip(doc.blocks, ctx.get(block_dates), strict=True):
        text = block.text
        for d in dates:
            written = text[d.start : d.end]
            if not d.exists:
                start, end = block.span(d.start, d.end)
                vi, en = _why(d.day, d.month, d.year)
                yield Diagnostic(
                    Msg(f"Ngày không tồn tại: {written} ({vi})", f"No such date: {written} ({en})"),
                    start,
                    end,
                )
            elif d.form == "long" and d.keyword.casefold() != "năm":
                start, end = block.span(d.keyword_start, d.keyword_start + len(d.keyword))
                word = "Năm" if d.keyword[:1].isupper() else "năm"
                yield Diagnostic(
                    Msg(
                        f"Ngày viết sai: “{written}” có “{d.keyword}” ở chỗ của “năm”",
                        f"Broken date: “{written}” has “{d.keyword}” where “năm” belongs",
                    ),
                    start,
                    end,
                    fix=Fix.replace(
                        Msg("Sửa thành “năm”", "Write “năm”"),
                        start,
                        end,
                        word,
                        Applicability.UNSAFE,
                    ),
                )


RULE = Rule(
    code="DAT001",
    name="impossible-date",
    summary=Msg("Ngày không tồn tại", "A date that does not exist"),
    explanation=Msg(
        "Ngày 31/4, 30/2, 29/2 của năm không nhuận, tháng 13, ngày 0 không tồn tại; dạng đầy "
        "đủ phải là “ngày … tháng … năm …” (“tháng 3 tháng 2020” là lỗi). Ngày-tháng không có "
        "năm chỉ được xét khi đứng sau “ngày”, “sáng”, “chiều”, thứ trong tuần… (số nhà “số "
        "31/4”, “hẻm 30/2” không phải ngày). Không tự sửa ngày; từ khóa sai được sửa không an toàn.",
        "31/4, 30/2, 29/2 in a non-leap year, month 13 and day 0 do not exist; the long form is "
        "“ngày … tháng … năm …” (“tháng 3 tháng 2020” is an error). A day/month without a "
        "year is only checked after a date cue (“ngày”, “sáng”, a weekday…): house numbers "
        "(“số 31/4”, “hẻm 30/2”) are not dates. Dates are not fixed; a broken keyword gets an "
        "unsafe fix.",
    ),
    severity=Severity.ERROR,
    check=check,
    bad=(
        Example("Hội nghị diễn ra ngày 31/4/2024 tại Hà Nội."),
        Example("Căn cứ Nghị định ngày 05 tháng 3 tháng 2020 của Chính phủ."),
    ),
    good=(Example("Hội nghị diễn ra ngày 29/2/2024 tại số 31/4 đường Lê Lợi, hẻm 30/2."),),
    fixes=frozenset({"unsafe"}),
)
