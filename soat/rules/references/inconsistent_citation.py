"""REF004 inconsistent-citation — One document cited inconsistently in the same text.

Looks at: the citations of one document, grouped by symbol; each later one is compared with the
earlier ones (docs/architecture.md §9.4: a missing part never conflicts; issuers by
`issuers_match`).
Does not: report one date spelled two ways (DAT002).
Data: registry organisations, to tell that two issuer names are one body.
Fix: none — reported at the later citation with the earlier one in `related`.
"""

from __future__ import annotations

from collections.abc import Iterator

from soat.lint.context import Context
from soat.lint.diagnostic import Diagnostic, Msg, Related, Severity
from soat.lint.rule import Example, NoOptions, Rule
from soat.rules.references.citations import (
    BlockCitation,
    document_citations,
    fmt_date,
    issuers_match,
)
from soat.vi.doc_types import GENERIC_TYPES


def _conflict(later: BlockCitation, earlier: BlockCitation, knowledge):
    a, b = later.citation, earlier.citation
    if (
        a.date is not None
        and b.date is not None
        and a.date.year is not None
        and b.date.year is not None
        and (a.date.day, a.date.month, a.date.year) != (b.date.day, b.date.month, b.date.year)
    ):
        return ("ngày", "date", fmt_date(a.date), fmt_date(b.date), a.date, b.date)
    if (
        a.issuer is not None
        and b.issuer is not None
        and not issuers_match(a.issuer.text, b.issuer.text, knowledge)
    ):
        return ("cơ quan ban hành", "issuer", a.issuer.text, b.issuer.text, a.issuer, b.issuer)
    ta, tb = a.doc_type, b.doc_type
    if (
        ta
        and tb
        and ta not in GENERIC_TYPES
        and tb not in GENERIC_TYPES
        and ta.split()[0:2] != tb.split()[0:2]
    ):
        assert a.type_word is not None and b.type_word is not None  # types are read from them
        return (
            "loại văn bản",
            "type",
            a.type_word.text,
            b.type_word.text,
            a.type_word,
            b.type_word,
        )
    return None


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    knowledge = ctx.knowledge
    seen: dict[str, list[BlockCitation]] = {}
    for located in ctx.get(document_citations):
        key = located.citation.symbol.canonical
        earlier_ones = seen.setdefault(key, [])
        for earlier in earlier_ones:
            found = _conflict(located, earlier, knowledge)
            if found is None:
                continue
            vi, en, now, before, part, before_part = found
            start, end = located.span(part)
            r_start, r_end = earlier.span(before_part)
            sym = located.citation.symbol.canonical
            yield Diagnostic(
                Msg(
                    f"{sym}: {vi} “{now}” khác với lần dẫn trước (“{before}”)",
                    f"{sym}: {en} “{now}” differs from the earlier citation (“{before}”)",
                ),
                start,
                end,
                related=(Related(Msg("Lần dẫn trước", "Earlier citation"), r_start, r_end),),
            )
            break
        earlier_ones.append(located)


RULE = Rule(
    code="REF004",
    name="inconsistent-citation",
    summary=Msg(
        "Một văn bản được dẫn không nhất quán trong bài",
        "One document cited inconsistently in the same text",
    ),
    explanation=Msg(
        "Cùng một số ký hiệu được dẫn nhiều lần trong bài với ngày, cơ quan ban hành hoặc loại "
        "văn bản khác nhau. Phần một bên không ghi thì không tính là mâu thuẫn; cơ quan khớp khi "
        "tên này chứa tên kia (bỏ “Đảng” và “khóa …”) hoặc cùng là một tổ chức trong sổ đăng ký. "
        "Báo ở lần dẫn sau, kèm vị trí lần dẫn trước. Cùng một ngày viết hai kiểu thuộc DAT002.",
        "The same symbol cited with different dates, issuers or types in one text. A part "
        "missing from one citation never conflicts; issuers agree when one contains the other "
        "(ignoring “Đảng” and “khóa …”) or both name one registered organisation. Reported at "
        "the later citation, with the earlier one related. The same date spelled two ways is "
        "DAT002's.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(
        Example(
            "Nghị quyết số 20-NQ/TW ngày 28/1/2008 nêu rõ… Tổng kết Nghị quyết số 20-NQ/TW "
            "ngày 28/1/2018 của Ban Chấp hành Trung ương."
        ),
    ),
    good=(
        Example(
            "Nghị quyết số 20-NQ/TW ngày 28/1/2008 của Ban Chấp hành Trung ương Đảng khóa X… "
            "Tổng kết Nghị quyết số 20-NQ/TW của Trung ương."
        ),
    ),
)
