"""REF002 type-mismatch — The document type does not match the type code of its symbol.

Looks at: citations whose type word and type code disagree (soat.vi.doc_types.allowed_codes),
with the Party meanings of QĐ and TT.
Does not: report the generic words (GENERIC_TYPES: “Văn bản”, “Công văn”).
Data: the type table in soat.vi.doc_types.
Fix: suggestion — two: change the word or change the code; which side is wrong needs a human.
"""

from __future__ import annotations

from collections.abc import Iterator

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Edit, Fix, Msg, Severity
from soat.lint.rule import Example, NoOptions, Rule
from soat.rules.references.citations import document_citations
from soat.vi.doc_types import allowed_codes, is_type_code, words_for_code

# The code a type word carries first, for the "change the code" suggestion.
_PREFERRED = (
    "NQ",
    "QĐ",
    "QĐi",
    "CT",
    "KL",
    "HD",
    "KH",
    "TB",
    "BC",
    "CTr",
    "TTr",
    "ĐA",
    "DA",
    "NĐ",
    "TT",
    "TTLT",
    "QyĐ",
    "QC",
    "TC",
    "PA",
    "HĐ",
    "CĐ",
    "PL",
    "NQLT",
    "CV",
    "L",
)


def _match_case(word: str, like: str) -> str:
    return word[0].lower() + word[1:] if like[:1].islower() else word


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    for located in ctx.get(document_citations):
        c = located.citation
        sym = c.symbol
        code = sym.type_code
        doc_type = c.doc_type
        if doc_type is None or code is None or not is_type_code(code, sym.family):
            continue
        assert c.type_word is not None  # doc_type is read from it
        allowed = allowed_codes(doc_type, sym.family)
        if allowed is None or code in allowed:
            continue
        word_start, word_end = located.span(c.type_word)
        sym_start, sym_end = located.span()
        suggestions = []
        for word in words_for_code(code, sym.family):
            word = _match_case(word, c.type_word.text)
            suggestions.append(
                Fix(
                    Msg(f"Đổi loại văn bản thành “{word}”", f"Change the type to “{word}”"),
                    (Edit(word_start, word_end, word),),
                    Applicability.SUGGESTION,
                )
            )
        new_code = next((p for p in _PREFERRED if p in allowed), None)
        if new_code is not None:
            codes = list(sym.codes)
            codes[0] = new_code
            if sym.family == "party":
                fixed = f"{sym.number}-{codes[0]}/{codes[1]}"
            elif sym.year is not None:
                fixed = f"{sym.number}/{sym.year}/" + "-".join(codes)
            else:
                fixed = f"{sym.number}/" + "-".join(codes)
            suggestions.append(
                Fix(
                    Msg(f"Đổi ký hiệu thành “{fixed}”", f"Change the symbol to “{fixed}”"),
                    (Edit(sym_start, sym_end, fixed),),
                    Applicability.SUGGESTION,
                )
            )
        expected = " hoặc ".join(f"“{w}”" for w in words_for_code(code, sym.family)) or "?"
        expected_en = " or ".join(f"“{w}”" for w in words_for_code(code, sym.family)) or "?"
        yield Diagnostic(
            Msg(
                f"“{c.type_word.text}” không khớp với mã “{code}” trong “{sym.text}” "
                f"(mã {code} là {expected})",
                f"“{c.type_word.text}” does not match the code “{code}” in “{sym.text}” "
                f"({code} is {expected_en})",
            ),
            word_start,
            sym_end,
            suggestions=tuple(suggestions),
        )


RULE = Rule(
    code="REF002",
    name="type-mismatch",
    summary=Msg(
        "Loại văn bản không khớp với mã loại trong ký hiệu",
        "The document type does not match the type code of its symbol",
    ),
    explanation=Msg(
        "Tên loại văn bản đứng trước số ký hiệu phải khớp với mã loại trong ký hiệu: Quyết định "
        "– QĐ, Hướng dẫn – HD, Nghị quyết – NQ, Kế hoạch – KH… Với văn bản của Đảng, QĐ là "
        "Quyết định hoặc Quy định (cũng viết QĐi), TT là Thông tri. “Văn bản”, “Công văn” đi "
        "với mọi mã. Không tự sửa: gợi ý đổi tên loại hoặc đổi mã.",
        "The type word before a document number must match the type code in it: Quyết định – "
        "QĐ, Hướng dẫn – HD, Nghị quyết – NQ, Kế hoạch – KH… In Party symbols QĐ is a Quyết "
        "định or a Quy định (also QĐi) and TT is a Thông tri. “Văn bản” and “Công văn” go "
        "with any code. No automatic fix: suggestions change either the word or the code.",
    ),
    severity=Severity.ERROR,
    check=check,
    bad=(Example("Thực hiện Quyết định số 58/HD-TLĐ ngày 10/5/2022 của Tổng Liên đoàn."),),
    good=(Example("Thực hiện Hướng dẫn số 58/HD-TLĐ và Quy định 08-QĐi/TW, Quy định 66-QĐ/TW."),),
    fixes=frozenset({"suggestion"}),
)
