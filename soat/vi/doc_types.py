"""Type words of official documents ("Nghị quyết", "Thông tư") and the type codes of the
symbols they carry ("NQ", "TT"), per family (the Party's, the State's).

Loại văn bản và mã loại trong số, ký hiệu: bảng tra cứu, hàm thuần.
"""

from __future__ import annotations

from soat.vi.doc_symbols import PARTY_TYPES, STATE_TYPES

# Type words, longest first so that "Thông tư liên tịch" wins over "Thông tư".
TYPE_WORDS = (
    "Thông tư liên tịch",
    "Nghị quyết liên tịch",
    "Chương trình phối hợp",
    "Chương trình hành động",
    "Nghị quyết",
    "Quyết định",
    "Chỉ thị",
    "Kết luận",
    "Quy định",
    "Hướng dẫn",
    "Kế hoạch",
    "Thông báo",
    "Thông tri",
    "Thông cáo",
    "Chương trình",
    "Công văn",
    "Công điện",
    "Thông tư",
    "Nghị định",
    "Bộ luật",
    "Luật",
    "Pháp lệnh",
    "Báo cáo",
    "Tờ trình",
    "Đề án",
    "Dự án",
    "Quy chế",
    "Phương án",
    "Văn bản",
    "Hợp đồng",
    "Lệnh",
)
GENERIC_TYPES = frozenset({"Văn bản", "Công văn"})
# Type word → the type codes it may carry, per family.
_STATE_CODES = {
    "Nghị quyết": {"NQ"},
    "Nghị quyết liên tịch": {"NQLT"},
    "Quyết định": {"QĐ", "QĐLT"},
    "Chỉ thị": {"CT"},
    "Quy chế": {"QC", "QĐ"},
    "Quy định": {"QyĐ", "QĐ"},
    "Thông cáo": {"TC"},
    "Thông báo": {"TB"},
    "Hướng dẫn": {"HD"},
    "Chương trình": {"CTr", "CTrPH", "CT"},
    "Chương trình phối hợp": {"CTr", "CTrPH", "CT"},
    "Chương trình hành động": {"CTr", "CT"},
    "Kế hoạch": {"KH"},
    "Phương án": {"PA"},
    "Đề án": {"ĐA"},
    "Dự án": {"DA"},
    "Báo cáo": {"BC"},
    "Tờ trình": {"TTr"},
    "Hợp đồng": {"HĐ"},
    "Công điện": {"CĐ"},
    "Thông tư": {"TT"},
    "Thông tư liên tịch": {"TTLT"},
    "Nghị định": {"NĐ"},
    "Pháp lệnh": {"PL"},
    "Kết luận": {"KL", "TB"},
    "Lệnh": {"L"},
}
_PARTY_CODES = {
    "Nghị quyết": {"NQ"},
    "Quyết định": {"QĐ"},
    "Quy định": {"QĐi", "QĐ", "QyĐ"},
    "Chỉ thị": {"CT"},
    "Kết luận": {"KL", "TB"},
    "Quy chế": {"QC"},
    "Báo cáo": {"BC"},
    "Chương trình": {"CTr"},
    "Chương trình hành động": {"CTr"},
    "Thông tri": {"TT"},
    "Tờ trình": {"TTr"},
    "Hướng dẫn": {"HD"},
    "Thông báo": {"TB"},
    "Kế hoạch": {"KH"},
    "Đề án": {"ĐA"},
    "Công văn": {"CV"},
    "Thông cáo": {"TC"},
}
# Type code → the type word a writer most likely meant.
_STATE_WORD = {
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "TTr": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "NĐ": "Nghị định",
    "PL": "Pháp lệnh",
    "KL": "Kết luận",
}
_PARTY_WORD = {
    "NQ": ("Nghị quyết",),
    "QĐ": ("Quyết định", "Quy định"),
    "QĐi": ("Quy định",),
    "CT": ("Chỉ thị",),
    "KL": ("Kết luận",),
    "QC": ("Quy chế",),
    "BC": ("Báo cáo",),
    "CTr": ("Chương trình",),
    "TT": ("Thông tri",),
    "TTr": ("Tờ trình",),
    "HD": ("Hướng dẫn",),
    "TB": ("Thông báo",),
    "KH": ("Kế hoạch",),
    "ĐA": ("Đề án",),
    "CV": ("Công văn",),
}


# Types the Party does not issue: with a Party symbol they are always a mismatch.
_STATE_ONLY = frozenset(
    {
        "Thông tư",
        "Thông tư liên tịch",
        "Nghị định",
        "Luật",
        "Bộ luật",
        "Pháp lệnh",
        "Công điện",
        "Dự án",
        "Hợp đồng",
        "Lệnh",
        "Nghị quyết liên tịch",
    }
)


def allowed_codes(type_word: str, family: str) -> set[str] | None:
    """Type codes a type word may carry in a family; None when any code goes (Văn bản) or
    nothing is known."""
    if family == "party":
        if type_word in _STATE_ONLY:
            return set()
        return _PARTY_CODES.get(type_word)
    if type_word in GENERIC_TYPES:
        return None
    return _STATE_CODES.get(type_word)


def words_for_code(code: str, family: str) -> tuple[str, ...]:
    if family == "party":
        return _PARTY_WORD.get(code, ())
    word = _STATE_WORD.get(code)
    return (word,) if word else ()


def is_type_code(code: str | None, family: str) -> bool:
    return code is not None and code in (PARTY_TYPES if family == "party" else STATE_TYPES)


def dictionary_form(type_word: str) -> str | None:
    """A type word as written ("nghị quyết") in its dictionary form ("Nghị quyết"), or None."""
    folded = type_word.casefold()
    return next((w for w in TYPE_WORDS if w.casefold() == folded), None)
