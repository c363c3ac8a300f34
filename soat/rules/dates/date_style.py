"""DAT002 date-style — Dates written in more than one style.

Looks at: the styled dates of the document (`styled_dates`) and their separator, padding and
form; the majority decides, a tie goes to the first date.
Does not: count holiday names, dash-joined pairs or dates inside a short quotation
(`TITLE_MAX_WORDS`).
Data: options `style`, `separator`.
Fix: safe, unsafe — safe for padding and separators, unsafe between the numeric and the long
form.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Annotated, NamedTuple

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Severity
from soat.lint.document import Block
from soat.lint.rule import Example, Option, Rule
from soat.rules.dates._dates import block_dates
from soat.vi.dates import DateMention, find_dates, format_date, nd30_padding, paired_dates
from soat.vi.text import QUOTE_PAIRS, quoted_spans

STYLES = ("consistent", "d/m/yyyy", "dd/mm/yyyy", "nd30")
SEPARATORS = ("consistent", "/", "-", ".")


class Options(NamedTuple):
    """DAT002's options (`[rules.DAT002]`): the date style and separator the document must
    use, or "consistent" (the one it uses most)."""

    style: Annotated[str, Option(choices=STYLES)] = "consistent"
    separator: Annotated[str, Option(choices=SEPARATORS)] = "consistent"


def _padding(style: str, d: DateMention) -> tuple[bool, bool]:
    if style == "nd30":
        return nd30_padding(d.day, d.month)
    if style == "dd/mm/yyyy":
        return d.day < 10, d.month < 10
    return False, False


def _fits(style: str, d: DateMention) -> bool:
    return (d.day_padded, d.month_padded) == _padding(style, d)


def _majority(values: list[str]) -> str | None:
    """The most frequent value; a tie goes to the one that comes first."""
    if not values:
        return None
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in values if counts[v] == best)


def _padding_style(dates: list[DateMention]) -> str | None:
    if all(_fits("nd30", d) for d in dates):
        return None  # the Nghị định 30 style fits every date: nothing to report
    votes = []
    for d in dates:
        if d.day >= 10 and d.month >= 10:
            continue
        for style in ("d/m/yyyy", "dd/mm/yyyy"):
            if _fits(style, d):
                votes.append(style)
                break
    return _majority(votes)


# A quotation this short is a name or a title ("triển lãm “Hà Nội 10.10.1954”"): its dates are
# written as the work writes them.
TITLE_MAX_WORDS = 20


def styled_dates(text: str, dates: list[DateMention] | None = None) -> list[DateMention]:
    """The dates of a paragraph that take part in the document's date style.

    Holiday names, impossible dates, the two dates of a range or anniversary pair joined by a
    dash ("18.11.1930 - 18.11.2025") and dates inside a short quotation (a work's title) are
    left out. `dates`: the paragraph's `find_dates`, when already found.
    """
    dates = find_dates(text) if dates is None else dates
    if not dates:
        return []
    paired = paired_dates(text, dates)
    titles = quoted_spans(text, TITLE_MAX_WORDS) if any(q in text for q in QUOTE_PAIRS) else []
    return [
        d
        for i, d in enumerate(dates)
        if not d.holiday
        and d.exists
        and i not in paired
        and not any(s < d.start and d.end < e for s, e in titles)
    ]


def check(ctx: Context[Options]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    options = ctx.options
    found: list[tuple[Block, DateMention]] = []
    for block, dates in zip(doc.blocks, ctx.get(block_dates), strict=True):
        if dates:  # (five blocks in six have none)
            found.extend((block, d) for d in styled_dates(block.text, dates))
    if not found:
        return
    dates = [d for _, d in found]
    numeric = [d for d in dates if d.form == "numeric"]
    separator = (
        options.separator
        if options.separator != "consistent"
        else _majority([d.separator for d in numeric])
    )
    form = _majority([d.form for d in dates])
    style = options.style if options.style != "consistent" else _padding_style(dates)
    for block, d in found:
        target_form = form or d.form
        sep = (separator or d.separator or "/") if target_form == "numeric" else ""
        pad_day, pad_month = _padding(style, d) if style else (d.day_padded, d.month_padded)
        wanted = format_date(
            d.day,
            d.month,
            d.year,
            form=target_form,
            separator=sep or "/",
            pad_day=pad_day,
            pad_month=pad_month,
        )
        written = block.text[d.start : d.end]
        if wanted == written or (
            target_form == d.form == "long"
            and (d.day_padded, d.month_padded) == (pad_day, pad_month)
        ):
            continue
        reasons_vi, reasons_en = [], []
        if target_form != d.form:
            reasons_vi.append("dạng số" if target_form == "numeric" else "dạng đầy đủ")
            reasons_en.append("numeric form" if target_form == "numeric" else "long form")
        if d.form == "numeric" and target_form == "numeric" and d.separator != sep:
            reasons_vi.append(f"dấu “{sep}”")
            reasons_en.append(f"separator “{sep}”")
        if (d.day_padded, d.month_padded) != (pad_day, pad_month):
            reasons_vi.append(f"kiểu {style}")
            reasons_en.append(f"{style} padding")
        start, end = block.span(d.start, d.end)
        applicability = Applicability.UNSAFE if target_form != d.form else Applicability.SAFE
        yield Diagnostic(
            Msg(
                f"Ngày “{written}” viết khác kiểu các ngày khác trong bài "
                f"({', '.join(reasons_vi)}); nên viết “{wanted}”",
                f"The date “{written}” differs from the document's date style "
                f"({', '.join(reasons_en)}); expected “{wanted}”",
            ),
            start,
            end,
            fix=Fix.of(applicability, start, end, wanted),
        )


RULE = Rule(
    code="DAT002",
    name="date-style",
    summary=Msg("Ngày viết nhiều kiểu trong một bài", "Dates written in more than one style"),
    explanation=Msg(
        "Mọi ngày trong bài nên cùng một kiểu: cùng dấu phân cách, cùng cách thêm số 0, cùng "
        "dạng số hay dạng đầy đủ. Tùy chọn `style`: d/m/yyyy, dd/mm/yyyy, nd30 (kiểu Nghị định "
        "30/2020: số 0 chỉ cho ngày dưới 10 và tháng 1, 2) hoặc consistent (mặc định: kiểu của "
        "đa số; nd30 chỉ khi hợp với mọi ngày). Tùy chọn `separator`: consistent, /, - hoặc .. "
        "Tên ngày lễ (1-5, 2-9, 30-4), hai ngày nối bằng gạch ngang (khoảng thời gian, cặp ngày "
        "kỷ niệm 18.11.1930 - 18.11.2025) và ngày trong một trích dẫn ngắn (tên tác phẩm trong "
        "ngoặc kép, tối đa 20 từ) không tính. Sửa an toàn số 0 và dấu; đổi giữa dạng số và dạng "
        "đầy đủ là không an toàn. Ở chế độ consistent, hòa thì theo ngày xuất hiện trước.",
        "All dates in a text should share one style: separator, zero padding, numeric or long "
        "form. Option `style`: d/m/yyyy, dd/mm/yyyy, nd30 (the Nghị định 30/2020 style: a "
        "leading zero only for days below 10 and months 1 and 2) or consistent (default: the "
        "majority; nd30 only when it fits every date). Option `separator`: consistent, /, - or "
        "“.”. Holiday names (1-5, 2-9, 30-4), two dates joined by a dash (a range or an "
        "anniversary pair, 18.11.1930 - 18.11.2025) and dates inside a short quotation (a work's "
        "title in quotes, at most 20 words) do not count. Safe fix for padding and separators; "
        "unsafe between numeric and long forms. In consistent mode a tie goes to the first date.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(
        Example("Ngày 12/6/2021 và ngày 28/1/2008 đã được nhắc; riêng ngày 28/01/2008 viết khác."),
        Example("Hội nghị ngày 5/3/2024 và ngày 7-3-2024."),
        Example("Ngày 05/3/2020 và ngày 12/6/2021.", options={"style": "d/m/yyyy"}),
    ),
    good=(
        Example("Ngày 05/3/2020, ngày 12/6/2021 và dịp 1-5, 2-9."),
        Example("Ngày 5.3.2020 và 12.6.2021.", options={"separator": "."}),
        Example("Ngày 18/11/2025 kỷ niệm 95 năm (18.11.1930 - 18.11.2025) ngày thành lập."),
    ),
    fixes=frozenset({Applicability.SAFE, Applicability.UNSAFE}),
    options=Options,
)
