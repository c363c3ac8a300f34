"""REF005 registry-conflict — A citation disagrees with the document registry.

Looks at: citations whose symbol is in the registry; compares date, type, issuer, title and
quoted names; titles by soat.vi.citation_matching.title_similarity (100 agrees, 85 to 99 is
a misquote, below 85 another subject).
Does not: apply anything for an unverified fact (info, suggestion only).
Data: soat/data/documents.toml and the user's `[[document]]` entries (per-fact `verified`).
Fix: unsafe, suggestion — unsafe with the official wording of a title or name (quotes and
initial capital kept); suggestions for date, type and issuer.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType

from soat.knowledge import DocumentEntry
from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Edit, Fix, Msg, Severity
from soat.lint.rule import Example, NoOptions, Rule
from soat.rules.references.citations import (
    BlockCitation,
    document_citations,
    fmt_date,
    issuers_match,
    registry_entry,
)
from soat.vi.citation_matching import official_wording, title_similarity
from soat.vi.doc_types import GENERIC_TYPES

AGREE = 100.0
CONFLICT = 85.0


def _suggest(title: Msg, start: int, end: int, text: str) -> tuple[Fix, ...]:
    return (Fix(title, (Edit(start, end, text),), Applicability.SUGGESTION),)


# What each compared fact is called in the messages of an unconfirmed entry.
_FACT_NAMES = MappingProxyType(
    {
        "date": ("ngày ban hành", "date"),
        "type": ("loại văn bản", "type"),
        "issuer": ("cơ quan ban hành", "issuer"),
        "title": ("trích yếu", "title"),
        "names": ("tên", "name"),
    }
)


def _conflict(
    entry: DocumentEntry,
    fact: str,
    sym: str,
    span: tuple[int, int],
    written: str,
    official: str,
    verified_msg: Msg,
    fix_applicability: Applicability | None = None,
) -> Diagnostic:
    """A disagreement with the registry. With a verified fact: a warning (the rule's severity)
    that says what the document reads. With an unverified one: `info` that says the fact could
    not be confirmed, with the registry's wording as a suggestion, never a fix."""
    start, end = span
    use = Msg(f"Thay bằng “{official}”", f"Write “{official}”")
    if entry.verified(fact):
        if fix_applicability is not None:
            return Diagnostic(
                verified_msg,
                start,
                end,
                fix=Fix.replace(use, start, end, official, fix_applicability),
            )
        return Diagnostic(verified_msg, start, end, suggestions=_suggest(use, start, end, official))
    vi, en = _FACT_NAMES[fact]
    return Diagnostic(
        Msg(
            f"Không xác nhận được {vi} của {sym}: bài viết ghi “{written}”, sổ đăng ký ghi "
            f"“{official}” nhưng chưa đối chiếu được với nguồn nào; nên kiểm tra lại văn bản gốc",
            f"The {en} of {sym} could not be confirmed: the article has “{written}”, the "
            f"registry has “{official}”, which no source confirmed; check the document itself",
        ),
        start,
        end,
        suggestions=_suggest(use, start, end, official),
        severity=Severity.INFO,
    )


def _wording(located: BlockCitation, entry, part, official: str, quoted: bool, fact: str):
    """A finding for a title or name close to (not equal to) the official wording."""
    ratio, covered = title_similarity(part.text, official, quoted)
    if ratio >= AGREE or ratio < CONFLICT:
        return None
    written = part.text[:covered]
    start, end = located.block.span(part.start, part.start + covered)
    replacement = official_wording(official, written)
    sym = located.citation.symbol.canonical
    what = ("Trích yếu", "title") if fact == "title" else ("Tên", "name")
    return _conflict(
        entry,
        fact,
        sym,
        (start, end),
        written,
        replacement,
        Msg(
            f"{what[0]} của {sym} trích chưa đúng: “{written}”; văn bản ghi “{replacement}”",
            f"The {what[1]} of {sym} is misquoted: “{written}”; the document reads “{replacement}”",
        ),
        Applicability.UNSAFE,
    )


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    knowledge = ctx.knowledge
    for located in ctx.get(document_citations):
        c = located.citation
        entry = registry_entry(c, knowledge)
        if entry is None:
            continue
        yield from citation_conflicts(located, entry, knowledge)


def citation_conflicts(
    located: BlockCitation, entry: DocumentEntry, knowledge
) -> Iterator[Diagnostic]:
    """Every disagreement of one citation with its registry entry."""
    c = located.citation
    sym = c.symbol.canonical
    if c.date is not None and entry.date is not None and c.date.year is not None:
        cited = (c.date.day, c.date.month, c.date.year)
        if cited != (entry.date.day, entry.date.month, entry.date.year):
            official, written = fmt_date(entry.date), fmt_date(c.date)
            yield _conflict(
                entry,
                "date",
                sym,
                located.span(c.date),
                written,
                official,
                Msg(
                    f"{sym} ban hành ngày {official}, không phải {written}",
                    f"{sym} was issued on {official}, not {written}",
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
        yield _conflict(
            entry,
            "type",
            sym,
            located.span(c.type_word),
            c.type_word.text,
            entry.type,
            Msg(
                f"{sym} là {entry.type}, không phải {c.type_word.text}",
                f"{sym} is a {entry.type}, not a {c.type_word.text}",
            ),
        )
    if (
        c.issuer is not None
        and entry.issuer
        and not issuers_match(c.issuer.text, entry.issuer, knowledge)
    ):
        yield _conflict(
            entry,
            "issuer",
            sym,
            located.span(c.issuer),
            c.issuer.text,
            entry.issuer,
            Msg(
                f"{sym} do {entry.issuer} ban hành, không phải {c.issuer.text}",
                f"{sym} was issued by {entry.issuer}, not {c.issuer.text}",
            ),
        )
    if c.title is not None and entry.title:
        found = _wording(located, entry, c.title, entry.title, c.title_quoted, "title")
        if found is not None:
            yield found
    for quote in c.quotes:
        if c.title is not None and c.title_quoted and quote.start == c.title.start:
            continue
        best = None
        for name in entry.names:
            found = _wording(located, entry, quote, name, True, "names")
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
        "kép phải khớp với sổ. Trích yếu, tên gần đúng (rapidfuzz 85–99 sau chuẩn hóa) được báo "
        "kèm cách sửa không an toàn về nguyên văn; ngày, loại, cơ quan chỉ có gợi ý.\n\n"
        "Mỗi dữ kiện của một văn bản dựng sẵn được đối chiếu với nguồn riêng (`verified`). Khác "
        "với dữ kiện đã xác nhận là cảnh báo; khác với dữ kiện chưa xác nhận được chỉ là `info`, "
        "nói rõ “không xác nhận được”, kèm gợi ý, không bao giờ tự sửa. Mục trong sổ đăng ký của "
        "người dùng được coi là đã xác nhận (người dùng chịu trách nhiệm về chúng). Cơ quan ban "
        "hành viết tắt hoặc nêu cơ quan thường trực (Đoàn Chủ tịch, Ban Chấp hành) của cùng tổ "
        "chức được coi là khớp. Độ giống dưới 85 nghĩa là bài đang nói đến việc khác: không báo. "
        "Khi sửa trích yếu hay tên, ngoặc kép và chữ hoa đầu của bài được giữ.",
        "When the symbol is in a registry (built-in soat/data/documents.toml or the user's), the "
        "cited date, type, issuer, title and quoted names must agree with it. A title or name "
        "close to the official wording (rapidfuzz 85–99 after normalisation) gets an unsafe fix "
        "with the official wording; dates, types and issuers get suggestions.\n\n"
        "Each fact of a built-in document is checked against a source of its own (`verified`). A "
        "conflict with a verified fact is a warning; a conflict with an unverified fact is at "
        "most `info`, worded “could not be confirmed”, with a suggestion and never an applied "
        "fix. Entries of the user's registry count as verified (the user vouches for them). An "
        "issuer written in a short form, or as a standing body of the same organisation (Đoàn "
        "Chủ tịch, Ban Chấp hành), agrees. A similarity below 85 means the article speaks of "
        "something else: no finding. A fixed title or name keeps the article's quotes and "
        "initial capital.",
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
