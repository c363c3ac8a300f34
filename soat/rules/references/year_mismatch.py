"""REF003 year-mismatch — The date is not in the year of the document number.

Looks at: citations with a year in the symbol and a date, comparing the two years.
Does not: judge symbols without a year.
Data: none.
Fix: none — the date or the symbol may be the wrong one.
"""

from __future__ import annotations

from collections.abc import Iterator

from soat.lint.context import Context
from soat.lint.diagnostic import Diagnostic, Msg, Related, Severity
from soat.lint.rule import Example, NoOptions, Rule
from soat.rules.references.citations import document_citations


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    for located in ctx.get(document_citations):
        c = located.citation
        sym = c.symbol
        if sym.year is None or c.date is None or c.date.year is None or c.date.year == sym.year:
            continue
        start, end = located.span(c.date)
        written = located.block.text[c.date.start : c.date.end]
        sym_start, sym_end = located.span()
        yield Diagnostic(
            Msg(
                f"Ngày “{written}” không thuộc năm {sym.year} ghi trong ký hiệu “{sym.text}”",
                f"The date “{written}” is not in {sym.year}, the year of “{sym.text}”",
            ),
            start,
            end,
            related=(
                Related(Msg("Năm trong ký hiệu", "The year in the symbol"), sym_start, sym_end),
            ),
        )


RULE = Rule(
    code="REF003",
    name="year-mismatch",
    summary=Msg(
        "Ngày ban hành không khớp với năm trong ký hiệu",
        "The date is not in the year of the document number",
    ),
    explanation=Msg(
        "Văn bản quy phạm mang năm ký trong ký hiệu (30/2020/NĐ-CP, 50/2024/QH15). Ngày ban hành "
        "ghi kèm phải thuộc đúng năm đó. Không tự sửa: cần người xem sai ở ngày hay ở ký hiệu.",
        "Legal documents carry their year in the symbol (30/2020/NĐ-CP, 50/2024/QH15); the "
        "date given with them must fall in that year. No fix: a human must tell whether the "
        "date or the symbol is wrong.",
    ),
    severity=Severity.ERROR,
    check=check,
    bad=(Example("Theo Nghị định số 30/2020/NĐ-CP ngày 05/3/2021 của Chính phủ."),),
    good=(Example("Theo Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ."),),
)
