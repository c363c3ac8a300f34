"""REF005 registry-conflict — trích dẫn khác với sổ đăng ký văn bản.

Khi số ký hiệu có trong sổ đăng ký (dựng sẵn hoặc của người dùng), ngày, loại, cơ quan ban
hành, trích yếu ("về …") và tên được đặt trong ngoặc kép (tên phong trào, chương trình) phải
khớp với sổ. Trích yếu và tên được so bằng rapidfuzz sau chuẩn hóa (NFC, chữ thường, bỏ "về"
đầu câu): 100 là khớp, từ 85 đến dưới 100 là trích sai, dưới 85 là bài đang nói đến việc khác.

A citation that disagrees with the registry. A title or name close to the official wording
gets an unsafe fix with the official wording (the article's quotes and initial capital kept);
a date, type or issuer gets a suggestion.
"""

from __future__ import annotations

from collections.abc import Iterator

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Edit, Fix, Msg, Severity
from soat.lint.rule import Example, NoOptions, Rule
from soat.rules.references.citations import (
    Located,
    document_citations,
    fmt_date,
    issuers_match,
    registry_entry,
)
from soat.vi.references import GENERIC_TYPES, official_wording, title_similarity

AGREE = 100.0
CONFLICT = 85.0


def _suggest(title: Msg, start: int, end: int, text: str) -> tuple[Fix, ...]:
    return (Fix(title, (Edit(start, end, text),), Applicability.SUGGESTION),)


def _wording(located: Located, part, official: str, quoted: bool, what: tuple[str, str]):
    """A finding for a title or name close to (not equal to) the official wording."""
    ratio, covered = title_similarity(part.text, official, quoted)
    if ratio >= AGREE or ratio < CONFLICT:
        return None
    written = part.text[:covered]
    start, end = located.block.span(part.start, part.start + covered)
    replacement = official_wording(official, written)
    sym = located.citation.symbol.canonical
    return Diagnostic(
        Msg(
            f"{what[0]} của {sym} trích chưa đúng: “{written}”; văn bản ghi “{replacement}”",
            f"The {what[1]} of {sym} is misquoted: “{written}”; the document reads “{replacement}”",
        ),
        start,
        end,
        fix=Fix.replace(
            Msg("Thay bằng nguyên văn", "Use the official wording"),
            start,
            end,
            replacement,
            Applicability.UNSAFE,
        ),
    )


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    knowledge = ctx.knowledge
    for located in ctx.get(document_citations):
        c = located.citation
        entry = registry_entry(c, knowledge)
        if entry is None:
            continue
        sym = c.symbol.canonical
        if c.date is not None and entry.date is not None and c.date.year is not None:
            cited = (c.date.day, c.date.month, c.date.year)
            if cited != (entry.date.day, entry.date.month, entry.date.year):
                start, end = located.span(c.date)
                official = fmt_date(entry.date)
                yield Diagnostic(
                    Msg(
                        f"{sym} ban hành ngày {official}, không phải {fmt_date(c.date)}",
                        f"{sym} was issued on {official}, not {fmt_date(c.date)}",
                    ),
                    start,
                    end,
                    suggestions=_suggest(
                        Msg(f"Sửa thành {official}", f"Write {official}"), start, end, official
                    ),
                )
        doc_type = c.doc_type
        if (
            doc_type
            and entry.type
            and doc_type not in GENERIC_TYPES
            and doc_type.casefold() != entry.type.casefold()
        ):
            assert c.type_word is not None  # doc_type is read from it
            start, end = located.span(c.type_word)
            yield Diagnostic(
                Msg(
                    f"{sym} là {entry.type}, không phải {c.type_word.text}",
                    f"{sym} is a {entry.type}, not a {c.type_word.text}",
                ),
                start,
                end,
                suggestions=_suggest(
                    Msg(f"Sửa thành “{entry.type}”", f"Write “{entry.type}”"),
                    start,
                    end,
                    entry.type,
                ),
            )
        if (
            c.issuer is not None
            and entry.issuer
            and not issuers_match(c.issuer.text, entry.issuer, knowledge)
        ):
            start, end = located.span(c.issuer)
            yield Diagnostic(
                Msg(
                    f"{sym} do {entry.issuer} ban hành, không phải {c.issuer.text}",
                    f"{sym} was issued by {entry.issuer}, not {c.issuer.text}",
                ),
                start,
                end,
                suggestions=_suggest(
                    Msg(f"Sửa thành “{entry.issuer}”", f"Write “{entry.issuer}”"),
                    start,
                    end,
                    entry.issuer,
                ),
            )
        if c.title is not None and entry.title:
            found = _wording(located, c.title, entry.title, c.title_quoted, ("Trích yếu", "title"))
            if found is not None:
                yield found
        for quote in c.quotes:
            if c.title is not None and c.title_quoted and quote.start == c.title.start:
                continue
            best = None
            for name in entry.names:
                found = _wording(located, quote, name, True, ("Tên", "name"))
                ratio, _ = title_similarity(quote.text, name, True)
                if ratio >= AGREE:
                    best = None
                    break
                if found is not None and best is None:
                    best = found
            if best is not None:
                yield best


RULE = Rule(
    code="REF005",
    name="registry-conflict",
    summary=Msg(
        "Trích dẫn văn bản khác với sổ đăng ký", "A citation disagrees with the document registry"
    ),
    explanation=Msg(
        "Số ký hiệu có trong sổ đăng ký văn bản (dựng sẵn trong soat/data/documents.toml hoặc "
        "của người dùng) thì ngày, loại, cơ quan ban hành, trích yếu và các tên đặt trong ngoặc "
        "kép phải khớp với sổ. Trích yếu, tên gần đúng (rapidfuzz 85–99 sau chuẩn hóa) được "
        "báo kèm cách sửa không an toàn về nguyên văn; ngày, loại, cơ quan chỉ có gợi ý.",
        "When the symbol is in a registry (built-in soat/data/documents.toml or the user's), "
        "the cited date, type, issuer, title and quoted names must agree with it. A title or "
        "name close to the official wording (rapidfuzz 85–99 after normalisation) gets an "
        "unsafe fix with the official wording; dates, types and issuers get suggestions.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(
        Example(
            "Triển khai Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị về “Đổi mới "
            "tổ chức và hoạt động Công đoàn Việt Nam trong tình hình mới”."
        ),
    ),
    good=(
        Example(
            "Triển khai Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị về đổi mới "
            "tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới."
        ),
    ),
    fixes=frozenset({"unsafe", "suggestion"}),
)
