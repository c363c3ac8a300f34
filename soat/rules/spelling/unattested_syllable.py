"""SPL006 unattested-syllable — A well-formed syllable Vietnamese does not use.

Looks at: valid syllables that soat.vi.attested does not list, with candidates one usual error
away, and input-method remnants (soat.vi.typing_remnants); SPL001 keeps the strings that are not
syllables at all.
Does not: check personal names, or capitalised words without a mark only Vietnamese has (except
at a sentence start).
Data: soat/data/attested_syllables.tsv and soat/data/syllable_bigrams.tsv (both built by
tools/build_attested_syllables.py).
Option `extend-words`, one list pooled with SPL001 (UserWords in _words.py).
Fix: unsafe, suggestion — unsafe with the first candidate, the others as suggestions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Severity
from soat.lint.rule import Example, Rule
from soat.rules.spelling._words import (
    DocWord,
    UserWords,
    document_words,
    neighbours,
    preset_question,
    without_user_words,
)
from soat.vi.attested import ERRORS, always_quiet, assess, only_vietnamese
from soat.vi.spelling import apply_case
from soat.vi.typing_remnants import unconverted_typing


def check(ctx: Context[UserWords]) -> Iterator[Diagnostic]:
    yield from without_user_words(_findings(ctx), ctx)


def _findings(ctx: Context[UserWords]) -> Iterator[Diagnostic]:
    words = ctx.get(document_words)
    # nearly every word is quiet in any context: each distinct one is asked once, and only
    # the others are looked at where they stand
    loud = words.matching(_loud)
    if loud:
        yield from word_findings(words.occurrences(loud))


@preset_question("loud")
def _loud(word: str) -> bool:
    return not always_quiet(word)


def word_findings(items: Iterable[DocWord]) -> Iterator[Diagnostic]:
    """The findings on `items`, words of one document in order (all of them, or only the
    loud ones: the others are skipped here anyway)."""
    for item in items:
        word = item.text
        if always_quiet(word):
            continue
        typed = unconverted_typing(word) if word.isascii() else None
        if typed is not None and not item.in_name:
            yield _typing_remnant(word, *typed, *item.span())
            continue
        if item.in_name or typed is not None:
            continue
        lower = word.lower()
        if word != lower and not (item.sentence_start or only_vietnamese(word)):
            continue  # a capitalised word without a Vietnamese-only mark may be a name
        verdict = assess(lower, *neighbours(item))
        if verdict is None:
            continue
        found = verdict.candidates
        start, end = item.span()
        best = found[0]
        shown = [apply_case(word, c.word) for c in found]
        why_vi, why_en = ERRORS[best.error]
        fixes = [
            Fix.of(Applicability.UNSAFE if i == 0 else Applicability.SUGGESTION, start, end, s)
            for i, s in enumerate(shown)
        ]
        others_vi = f"; khả năng khác: {', '.join(shown[1:])}" if len(shown) > 1 else ""
        others_en = f"; other candidates: {', '.join(shown[1:])}" if len(shown) > 1 else ""
        if verdict.rare:
            what_vi = f"“{word}” là âm tiết hiếm; theo các từ bên cạnh, có lẽ là “{shown[0]}”"
            what_en = f"“{word}” is a rare syllable; the words around suggest “{shown[0]}”"
        else:
            what_vi = f"“{word}” không phải âm tiết tiếng Việt thực dùng; có lẽ là “{shown[0]}”"
            what_en = f"“{word}” is not a syllable Vietnamese uses; probably “{shown[0]}”"
        yield Diagnostic(
            Msg(f"{what_vi} ({why_vi}){others_vi}", f"{what_en} ({why_en}){others_en}"),
            start,
            end,
            fix=fixes[0],
            suggestions=tuple(fixes[1:]),
            severity=None if verdict.sure else Severity.INFO,
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
        fix=Fix.unsafe(start, end, converted),
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
        "đở” (đỡ), “hoặt” (hoặc), “đườn” (đường). soat so với danh sách khoảng 6.200 âm tiết "
        "thực dùng (đếm trên báo chí đã xuất bản, tên địa danh, tổ chức, họ người, cách đọc "
        "tiếng Việt của chữ Hán trong Unihan) và chỉ báo khi có một âm tiết thường dùng cách "
        "một lỗi hay gặp: nhầm hỏi/ngã, sai dấu thanh, sai dấu mũ, trăng, móc hay gạch đ, "
        "nhầm phụ âm cuối (c/t, n/ng, n/nh), thiếu hoặc thừa chữ cuối, gõ nhầm phím bên cạnh. "
        "Gợi ý xếp theo loại lỗi, độ thường dùng và hai âm tiết đứng bên cạnh (“hoặt động” → "
        "hoạt, “hoặt một” → hoặc). Là cảnh báo khi âm tiết bên cạnh xác nhận gợi ý (“nhiên "
        "liệu”, “diễn biến” thường đi cùng nhau); còn lại ở mức thông tin, vì một từ hiếm có "
        "thật (“nám”, “quạ”, “gió bấc”) không tách được với lỗi nếu không có ngữ cảnh. Âm "
        "tiết có trong danh sách nhưng hiếm gặp chỉ được nhắc (mức thông tin) khi từ bên cạnh "
        "xác nhận một âm tiết khác. Chữ viết hoa chỉ được xét khi có dấu chỉ tiếng Việt có "
        "(ă ơ ư đ, hỏi, ngã, nặng) hoặc đứng đầu câu; tên người không bị xét. Cũng báo chữ bộ "
        "gõ chưa chuyển: số VNI trong từ (“na8m” → năm, “d9i” → đi) hay phím Telex "
        "(“dduwowngf” → đường), khi chuyển ra một âm tiết thường dùng (mã như “H5N1”, "
        "“A321”, “Win10” không bị báo). Từ khai báo trong [rules.SPL006] hoặc [rules.SPL001] "
        "extend-words không bao giờ bị báo. Sửa không an toàn (cần người xem): đề xuất đầu tiên.",
        "Many common misspellings are still well-formed syllables: “sẳn sàng” (sẵn), “giúp "
        "đở” (đỡ), “hoặt” (hoặc), “đườn” (đường). soat compares with about 6,200 syllables "
        "Vietnamese really writes (counted in published news, plus place, organisation and "
        "family names, and the Vietnamese readings of Chinese characters in Unihan) and "
        "reports one only when a common syllable is one usual error away: hỏi/ngã confused, "
        "a wrong tone, a wrong circumflex, breve, horn or đ, a confused final consonant (c/t, "
        "n/ng, n/nh), a final letter dropped or added, a neighbouring key. Candidates are "
        "ranked by the kind of error, how common they are and the two syllables around "
        "(“hoặt động” → hoạt, “hoặt một” → hoặc). A finding is a warning when a neighbouring "
        "syllable confirms the candidate (“nhiên liệu”, “diễn biến” go together); otherwise "
        "it is info, since a rare real word (“nám”, “quạ”, “gió bấc”) cannot be told from a "
        "slip without context. A syllable the lists name but writers rarely use is mentioned "
        "(info) only when a neighbour confirms another syllable. Capitalised words are "
        "checked only with a mark only Vietnamese has (ă ơ ư đ, hỏi, ngã, nặng) or at a "
        "sentence start; personal names never. Also reported: keys an input method left "
        "unconverted, VNI digits inside a word (“na8m” → năm, “d9i” → đi) or Telex keys "
        "(“dduwowngf” → đường), when converting gives a common syllable (codes such as "
        "“H5N1”, “A321”, “Win10” are not). Words listed in [rules.SPL006] or [rules.SPL001] "
        "extend-words are never reported. Unsafe fix (a person decides): the first candidate.",
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
    fixes=frozenset({Applicability.UNSAFE, Applicability.SUGGESTION}),
    options=UserWords,
)
