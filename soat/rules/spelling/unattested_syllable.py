"""SPL006 unattested-syllable — A well-formed syllable Vietnamese does not use.

Looks at: valid syllables that soat.vi.attested does not list, with candidates one usual error
away, and input-method remnants (`unconverted_typing`); SPL001 keeps the strings that are not
syllables at all.
Does not: check personal names, or capitalised words without a mark only Vietnamese has (except
at a sentence start).
Data: soat/data/attested_syllables.tsv (tools/build_attested_syllables.py).
Fix: unsafe, suggestion — unsafe with the first candidate, the others as suggestions.
"""

from __future__ import annotations

from collections.abc import Iterator

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Edit, Fix, Msg, Severity
from soat.lint.rule import Example, NoOptions, Rule
from soat.rules.spelling._words import document_words
from soat.vi.attested import ERRORS, SURE, count, suggestions, unconverted_typing
from soat.vi.spelling import apply_case
from soat.vi.syllables import is_valid_syllable
from soat.vi.tokens import is_all_caps
from soat.vi.tones import HOI, NANG, NGA, split_tone


def _only_vietnamese(word: str) -> bool:
    """A mark no other language's name carries: ă ơ ư đ, or a hỏi, ngã or nặng tone
    ("Luậy" is a Vietnamese word; "José" or "Rhône" may be a name)."""
    for c in word.lower():
        base, tone = split_tone(c)
        if base in "ăơưđ" or tone in (HOI, NGA, NANG):
            return True
    return False


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    passed: set[str] = set()  # words with nothing to report wherever they stand
    for item in ctx.get(document_words):
        word = item.text
        if word in passed:
            continue
        typed = unconverted_typing(word) if word.isascii() else None
        if typed is not None and not item.in_name:
            yield _typing_remnant(word, *typed, *item.span())
            continue
        if item.in_name:
            continue
        if len(word) < 2 or not item.letters or is_all_caps(word):
            if typed is None:
                passed.add(word)
            continue
        lower = word.lower()
        if count(lower) or not is_valid_syllable(lower):
            if typed is None:
                passed.add(word)
            continue  # attested, or SPL001's to report
        if word != lower and not (item.sentence_start or _only_vietnamese(word)):
            continue  # a capitalised word without a Vietnamese-only mark may be a name
        found = suggestions(lower)
        if not found:
            continue
        start, end = item.span()
        best = found[0]
        shown = [apply_case(word, c.word) for c in found]
        why_vi, why_en = ERRORS[best.error]
        fixes = [
            Fix(
                Msg(f"Sửa thành “{s}”", f"Change to “{s}”"),
                (Edit(start, end, s),),
                Applicability.UNSAFE if i == 0 else Applicability.SUGGESTION,
            )
            for i, s in enumerate(shown)
        ]
        others_vi = f"; khả năng khác: {', '.join(shown[1:])}" if len(shown) > 1 else ""
        others_en = f"; other candidates: {', '.join(shown[1:])}" if len(shown) > 1 else ""
        yield Diagnostic(
            Msg(
                f"“{word}” không phải âm tiết tiếng Việt thực dùng; có lẽ là “{shown[0]}” "
                f"({why_vi}){others_vi}",
                f"“{word}” is not a syllable Vietnamese uses; probably “{shown[0]}” "
                f"({why_en}){others_en}",
            ),
            start,
            end,
            fix=fixes[0],
            suggestions=tuple(fixes[1:]),
            severity=None if best.error in SURE else Severity.INFO,
        )


def _typing_remnant(word: str, converted: str, method: str, start: int, end: int) -> Diagnostic:
    """A word left as the keys of an input method ("na8m", "dduwowngf")."""
    return Diagnostic(
        Msg(
            f"Chữ gõ chưa được bộ gõ chuyển ({method}): “{word}”; có lẽ là “{converted}”",
            f"Keys the input method did not convert ({method}): “{word}”; probably “{converted}”",
        ),
        start,
        end,
        fix=Fix(
            Msg(f"Sửa thành “{converted}”", f"Change to “{converted}”"),
            (Edit(start, end, converted),),
            Applicability.UNSAFE,
        ),
    )


RULE = Rule(
    code="SPL006",
    name="unattested-syllable",
    summary=Msg(
        "Âm tiết đúng cấu trúc nhưng không có trong tiếng Việt",
        "A well-formed syllable Vietnamese does not use",
    ),
    explanation=Msg(
        "Nhiều lỗi chính tả thường gặp vẫn là âm tiết đúng cấu trúc: “sẳn sàng” (sẵn), “giúp "
        "đở” (đỡ), “hoặt” (hoặc), “đườn” (đường). soat so với danh sách khoảng 5.400 âm tiết "
        "thực dùng (đếm trên báo chí đã xuất bản, cộng tên địa danh, tổ chức, họ người) và chỉ "
        "báo khi có một âm tiết thường dùng cách một lỗi hay gặp: nhầm hỏi/ngã, sai dấu thanh, "
        "nhầm phụ âm cuối (c/t, n/ng, n/nh), thiếu hoặc thừa chữ cuối, gõ nhầm phím bên cạnh. "
        "Gợi ý xếp theo loại lỗi và độ thường dùng; chưa xét từ đứng bên cạnh. Chỉ nhầm "
        "hỏi/ngã là cảnh báo; các loại khác ở mức thông tin, vì danh sách âm tiết chưa đủ lớn "
        "để tách lỗi với từ hiếm có thật (“nám”, “quạ”, “gió bấc”). Chữ viết hoa "
        "chỉ được xét khi có dấu chỉ tiếng Việt có (ă ơ ư đ, hỏi, ngã, nặng) hoặc đứng đầu "
        "câu; tên người không bị xét. Cũng báo chữ bộ gõ chưa chuyển: số VNI trong từ "
        "(“na8m” → năm, “d9i” → đi) hay phím Telex (“dduwowngf” → đường), khi chuyển ra một "
        "âm tiết thường dùng (mã như “H5N1”, “A321”, “Win10” không bị báo). Sửa không an "
        "toàn (cần người xem): đề xuất đầu tiên.",
        "Many common misspellings are still well-formed syllables: “sẳn sàng” (sẵn), “giúp "
        "đở” (đỡ), “hoặt” (hoặc), “đườn” (đường). soat compares with about 5,400 syllables "
        "Vietnamese really writes (counted in published news, plus place, organisation and "
        "family names) and reports one only when a common syllable is one usual error away: "
        "hỏi/ngã confused, a wrong tone, a confused final consonant (c/t, n/ng, n/nh), a final "
        "letter dropped or added, a neighbouring key. Candidates are ranked by the kind of "
        "error and how common they are; the words around are not used yet. Only hỏi/ngã "
        "confusions are warnings; the other kinds are info, because the list is not yet large "
        "enough to tell them from rare real words (“nám”, “quạ”, “gió bấc”). Capitalised words "
        "are checked only with a mark only Vietnamese has (ă ơ ư đ, hỏi, ngã, nặng) or at a "
        "sentence start; personal names never. Also reported: keys an input method left "
        "unconverted, VNI digits inside a word (“na8m” → năm, “d9i” → đi) or Telex keys "
        "(“dduwowngf” → đường), when converting gives a common syllable (codes such as "
        "“H5N1”, “A321”, “Win10” are not). Unsafe fix (a person decides): the first candidate.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(
        Example("Công đoàn luôn sẳn sàng giúp đở người lao động."),
        Example("Đoàn viên chuần bị hồ sơ hoặt giấy tờ."),
    ),
    good=(
        Example("Công đoàn luôn sẵn sàng giúp đỡ người lao động."),
        Example("Anh Nguyễn Văn Khoái và chị Lò Thị Sảng đến dự."),
    ),
    fixes=frozenset({"unsafe", "suggestion"}),
    options=NoOptions,
)
