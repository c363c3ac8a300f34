"""DAT003 weekday-mismatch — The weekday does not match the date.

Looks at: weekdays attached to a date (soat.vi.dates.attach_weekdays) and the real weekday of
that date; a date without a year takes the front matter `date`'s year.
Does not: read ordinals (“lần thứ hai”) as weekdays.
Data: none.
Fix: unsafe — the real weekday, in the article's way of writing weekdays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Severity
from soat.lint.rule import Example, NoOptions, Rule
from soat.rules.dates._dates import block_dates
from soat.vi.dates import WEEKDAY_NAMES, attach_weekdays, weekday_of, weekday_text


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    default_year = doc.date.year if doc.date else None
    for block, dates in zip(doc.blocks, ctx.get(block_dates), strict=True):
        if not dates:
            continue  # a weekday is only checked against a date of its block
        text = block.text
        for pair in attach_weekdays(text, dates):
            d, w = pair.date, pair.weekday
            year = d.year if d.year is not None else default_year
            if year is None:
                continue
            actual = weekday_of(d.day, d.month, year)
            if actual is None or actual == w.weekday:
                continue
            start, end = block.span(w.start, w.end)
            written_date = text[d.start : d.end]
            right = weekday_text(actual, w.text)
            yield Diagnostic(
                Msg(
                    f"Ngày {written_date} là {WEEKDAY_NAMES[actual]}, không phải {w.text}",
                    f"{written_date} is a {dt.date(year, d.month, d.day).strftime('%A')}, "
                    f"not {w.text}",
                ),
                start,
                end,
                fix=Fix.unsafe(start, end, right),
            )


RULE = Rule(
    code="DAT003",
    name="weekday-mismatch",
    summary=Msg("Thứ trong tuần không khớp với ngày", "The weekday does not match the date"),
    explanation=Msg(
        "Thứ đứng ngay trước ngày (“thứ Ba, ngày 17/2/2025”) hoặc trong ngoặc ngay sau ngày phải "
        "đúng là thứ của ngày đó. Số thứ tự (“lần thứ hai”, “kỳ họp thứ năm”) không tính. Sửa "
        "không an toàn: thứ đúng, viết theo cách bài đang viết (thứ Hai / thứ 2). Ngày không ghi "
        "năm lấy năm của ngày đăng bài (trường `date` ở phần đầu bài); không có thì không xét.",
        "A weekday right before a date (“thứ Ba, ngày 17/2/2025”) or in brackets right after it "
        "must be that date's weekday. Ordinals (“lần thứ hai”, “kỳ họp thứ năm”) do not count. "
        "Unsafe fix: the right weekday, written as the article writes weekdays. A date without a "
        "year takes the year of the article's front matter `date`; without one it is not "
        "checked.",
    ),
    severity=Severity.ERROR,
    check=check,
    bad=(Example("Sáng thứ Ba, ngày 17/2/2025, hội nghị khai mạc."),),
    good=(Example("Sáng thứ Hai, ngày 17/2/2025, hội nghị lần thứ ba khai mạc."),),
    fixes=frozenset({Applicability.UNSAFE}),
)
