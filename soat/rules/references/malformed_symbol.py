"""REF001 malformed-symbol — Malformed document number and symbol.

Looks at: every citation of `document_citations` (soat/rules/references/citations) and the
problems its parser records for the symbol's family (Party, State and union, legal).
Does not: touch deliberate mixed-case codes (TTg, CTr, QyĐ), or guess a missing year.
Data: the symbol grammar in soat.vi.references.
Fix: safe — the canonical spelling, unambiguous once the family is known; a missing year has no
fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType

from soat.lint.context import Context
from soat.lint.diagnostic import Diagnostic, Fix, Msg, Severity
from soat.lint.rule import Example, NoOptions, Rule
from soat.rules.references.citations import document_citations

_REASONS = MappingProxyType(
    {
        "spaces": ("có dấu cách quanh dấu phân cách", "spaces around a separator"),
        "lookalike": (
            "có ký tự giống mà khác (Ð, gạch dài, gạch chéo lạ)",
            "look-alike characters (Ð, long dashes, odd slashes)",
        ),
        "lowercase": ("mã viết thường", "the code is in lowercase"),
        "case": ("sai chữ hoa, chữ thường", "wrong letter case"),
        "d-for-dj": ("viết “D” thay cho “Đ”", "“D” written for “Đ”"),
        "tu-for-tw": ("viết “TƯ” thay cho “TW” trong ký hiệu", "“TƯ” written for “TW” in a symbol"),
        "missing-year": (
            "thiếu năm ban hành (Nghị định, Thông tư, Luật luôn có năm)",
            "the year is missing (decrees, circulars and laws always carry one)",
        ),
    }
)
_ORDER = MappingProxyType(
    {
        "party": (
            "văn bản của Đảng viết số-LOẠI/CƠ QUAN",
            "Party documents are written number-TYPE/ISSUER",
        ),
        "state": (
            "văn bản nhà nước, công đoàn viết số/LOẠI-CƠ QUAN",
            "State and union documents are written number/TYPE-ISSUER",
        ),
        "legal": (
            "văn bản quy phạm viết số/năm/LOẠI-CƠ QUAN",
            "legal documents are written number/year/TYPE-ISSUER",
        ),
    }
)


def _reasons(problems, family) -> tuple[str, str]:
    vi, en = [], []
    for p in problems:
        v, e = _ORDER[family] if p == "order" else _REASONS[p]
        vi.append(v)
        en.append(e)
    return "; ".join(vi), "; ".join(en)


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    for located in ctx.get(document_citations):
        sym = located.citation.symbol
        if not sym.problems:
            continue
        start, end = located.span()
        vi, en = _reasons(sym.problems, sym.family)
        fixable = [p for p in sym.problems if p != "missing-year"]
        if fixable:
            message = Msg(
                f"Số ký hiệu “{sym.text}” sai dạng ({vi}); đúng là “{sym.canonical}”",
                f"Malformed document number “{sym.text}” ({en}); expected “{sym.canonical}”",
            )
            fix = Fix.replace(
                Msg(f"Sửa thành “{sym.canonical}”", f"Write “{sym.canonical}”"),
                start,
                end,
                sym.canonical,
            )
        else:
            message = Msg(f"Số ký hiệu “{sym.text}” {vi}", f"Document number “{sym.text}”: {en}")
            fix = None
        yield Diagnostic(message, start, end, fix=fix)


RULE = Rule(
    code="REF001",
    name="malformed-symbol",
    summary=Msg("Số, ký hiệu văn bản viết sai dạng", "Malformed document number and symbol"),
    explanation=Msg(
        "Số ký hiệu văn bản của Đảng có dạng số-LOẠI/CƠ QUAN (02-NQ/TW), của Nhà nước và Công "
        "đoàn số/LOẠI-CƠ QUAN (2214/QĐ-TTg, 58/HD-TLĐ), văn bản quy phạm số/năm/LOẠI-CƠ QUAN "
        "(30/2020/NĐ-CP). Báo lỗi: đảo thứ tự dấu, dấu cách quanh dấu phân cách, chữ thường, "
        "“TƯ” thay “TW”, ký tự giống mà khác, “D” thay “Đ” (QD, ND, TLD; HD và DA là mã đúng), "
        "Nghị định, Thông tư, Luật thiếu năm. Mã hoa-thường có chủ ý (TTg, CTr, TTr, QyĐ, QĐi) "
        "là đúng. Sửa an toàn về dạng chuẩn; thiếu năm thì không tự sửa.",
        "Party numbers are number-TYPE/ISSUER (02-NQ/TW), State and union ones number/TYPE-ISSUER "
        "(2214/QĐ-TTg, 58/HD-TLĐ), legal documents number/year/TYPE-ISSUER (30/2020/NĐ-CP). "
        "Reported: swapped separators, spaces around separators, lowercase codes, “TƯ” for "
        "“TW”, look-alike characters, “D” for “Đ” (QD, ND, TLD; HD and DA are valid codes), a "
        "decree, circular or law without its year. Mixed-case codes (TTg, CTr, TTr, QyĐ, QĐi) "
        "are correct. Safe fix to the canonical form; a missing year is not fixed.",
    ),
    severity=Severity.ERROR,
    check=check,
    bad=(
        Example("Thực hiện Nghị quyết 29/NQ-TW và Hướng dẫn số 03/HD - TLĐ."),
        Example("Theo Nghị định 30/2020/ND-CP của Chính phủ."),
        Example("Theo Nghị định số 30/NĐ-CP của Chính phủ."),
    ),
    good=(
        Example(
            "Thực hiện Nghị quyết số 02-NQ/TW, Quyết định số 2214/QĐ-TTg, Quy định "
            "08-QĐi/TW và Nghị định 30/2020/NĐ-CP."
        ),
    ),
    fixes=frozenset({"safe"}),
)
