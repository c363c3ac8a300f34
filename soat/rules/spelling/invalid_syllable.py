"""SPL001 invalid-syllable — A word that is not a valid Vietnamese syllable.

Looks at: the words of `document_words` (soat/rules/spelling/_words.py) with a Vietnamese mark,
checked by soat.vi.syllables.check_syllable, plus glued tokens (soat.vi.glued).
Does not: check all-capital words, words with digits, URLs, e-mail, personal names or likely
foreign names; well-formed but unused syllables are SPL006's.
Data: soat/data/misspellings.toml and soat/data/syllable_freq.tsv (through soat.vi.spelling);
option `extend-words` (user_words_problem, without_user_words in _words.py).
Fix: safe, suggestion — safe for a misplaced tone mark, a table misspelling with one form and a
glued token (a space); suggestions otherwise, most frequent first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from types import MappingProxyType

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Edit, Fix, Msg, Severity, Wording
from soat.lint.document import Document
from soat.lint.rule import Example, Rule
from soat.rules.spelling._words import (
    DocWord,
    UserWords,
    document_words,
    neighbours,
    preset_question,
    without_user_words,
)
from soat.vi.attested import by_context, is_loanword
from soat.vi.glued import find_glued_tokens, has_glued_shape
from soat.vi.spelling import (
    apply_case,
    candidates,
    is_suspect_word,
    misspellings,
    split_glued,
    split_name_glue,
)
from soat.vi.syllables import TRADITIONAL, check_syllable, is_valid_syllable, place_tone
from soat.vi.tones import (
    FOREIGN_LETTERS,
    HOI,
    LETTERS,
    NANG,
    NGA,
    has_vietnamese_mark,
    split_tone,
    strip_tones,
)

_MAX_SUGGESTIONS = 3
_CONTEXT_POOL = 6  # candidates the neighbouring syllables choose the shown three from
_VOWEL_GROUPS_RE = re.compile("[aăâeêioôơuưy]+")

_REASONS = MappingProxyType(
    {
        "letters": (
            "có chữ cái không dùng trong tiếng Việt",
            "it has letters Vietnamese does not use",
        ),
        "two-tones": ("có hai dấu thanh", "it has two tone marks"),
        "structure": (
            "âm đầu và vần không ghép được với nhau",
            "its initial and rhyme do not combine",
        ),
        "tone-final": (
            "âm cuối p, t, c, ch chỉ đi với dấu sắc hoặc nặng",
            "a final p, t, c or ch takes only the sắc or nặng tone",
        ),
    }
)


# The two questions SPL001 asks of every distinct word, marked here (their definitions in
# soat.vi know nothing of the rules' table).
@preset_question("glued-shape")
def _glued_shape(word: str) -> bool:
    return has_glued_shape(word)


@preset_question("suspect")
def _suspect(word: str) -> bool:
    return is_suspect_word(word)


def _is_foreign(word: str) -> bool:
    """A word of another language ("café", "cloisonné", "Müller"): no mark only Vietnamese
    has (ă â ê ô ơ ư đ, hỏi, ngã, nặng), and a letter Vietnamese does not use or several
    vowel groups (a Vietnamese syllable has one)."""
    for c in word.lower():
        base, tone = split_tone(c)
        if base in "ăâêôơưđ" or tone in (HOI, NGA, NANG):
            return False
    if any(c not in LETTERS or c in FOREIGN_LETTERS for c in word):
        return True
    return len(_VOWEL_GROUPS_RE.findall(strip_tones(word.lower()))) > 1


def _split_at_case_change(word: str) -> list[str]:
    """ "thángTư" -> ["tháng", "Tư"]: split where a lower-case letter meets a capital and
    one side is a Vietnamese syllable ("AutoExpress" stays whole)."""
    cuts = [i for i in range(1, len(word)) if word[i - 1].islower() and word[i].isupper()]
    bounds = [0, *cuts, len(word)]
    pieces = [word[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    parts = [pieces[0]]
    for piece in pieces[1:]:
        if is_valid_syllable(parts[-1]) or is_valid_syllable(piece):
            parts.append(piece)
        else:
            parts[-1] += piece
    return parts


def _in_transliteration(text: str, start: int) -> bool:
    """Whether the word at `start` continues a hyphenated transliterated name
    ("Xi-mô-nôp", "Fri-đrich", "Phi-líppin")."""
    i = start
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "-"):
        i -= 1
    return "-" in text[i:start] and text[i].isupper()


def _quote(parts: list[str]) -> str:
    return " ".join(parts)


def check(ctx: Context[UserWords]) -> Iterator[Diagnostic]:
    yield from without_user_words(_findings(ctx), ctx)


def _findings(ctx: Context[UserWords]) -> Iterator[Diagnostic]:
    words = ctx.get(document_words)
    # Glued capitals are whole words of one shape (each distinct word asked once), outside
    # URLs and symbols; words joined by "_" need the "_": most documents have neither.
    blocks = ctx.doc.blocks
    if words.matching(_glued_shape) or any("_" in block.text for block in blocks):
        yield from glued_token_findings(ctx.doc, ctx.index(_brands))
    suspect = words.matching(_suspect)  # each distinct word asked once
    if suspect:
        yield from word_findings(words.occurrences(suspect))


def word_findings(items: Iterable[DocWord]) -> Iterator[Diagnostic]:
    """The findings on `items`, words of one document in order (all of them, or only the
    suspect ones: the others are skipped here anyway)."""
    table = misspellings()
    for item in items:
        word = item.text
        if not is_suspect_word(word):
            continue
        # A name glued to the function word after it ("ông Dinhvà"): looked for inside
        # personal names too, which is where it happens.
        name_glue = split_name_glue(word)
        if name_glue is not None and not _in_transliteration(item.block.text, item.word.start):
            yield _name_glued(word, *name_glue, *item.span())
            continue
        if item.in_name:
            continue
        verdict = check_syllable(word)
        lower = word.lower()
        if _in_transliteration(item.block.text, item.word.start):
            continue
        start, end = item.span()
        # Glued at a change of case: "thángTư", "NinhThuận".
        camel = _split_at_case_change(word)
        if len(camel) > 1:
            yield _glued(word, " ".join(camel), start, end)
            continue
        if word != lower and not word[1:].islower():
            continue  # other mixed case: a brand or a code
        capitalised = word[:1].isupper()
        if verdict.problem == "tone-position":
            fixed = place_tone(word, TRADITIONAL)
            if fixed is None:  # the validator found the tone misplaced, so it can be placed
                continue
            yield _corrected(
                Msg(
                    f"Dấu thanh đặt sai chỗ: “{word}”; viết đúng là “{fixed}”",
                    f"Tone mark on the wrong vowel: “{word}”; the correct spelling is “{fixed}”",
                ),
                fixed,
                start,
                end,
            )
            continue
        if lower in table.safe:
            fixed = apply_case(word, table.safe[lower])
            yield _corrected(
                Msg(
                    f"Sai chính tả: “{word}”; viết đúng là “{fixed}”",
                    f"Misspelling: “{word}”; the correct spelling is “{fixed}”",
                ),
                fixed,
                start,
                end,
            )
            continue
        if is_loanword(lower):
            continue  # "ôxít", "kilômét": a Vietnamised loanword written as one word
        glued = split_glued(lower)
        if glued and capitalised and not all(has_vietnamese_mark(p) for p in glued):
            glued = None  # "Lítva", "Cancún", "Avương": a name, not two words
        if glued:
            yield _glued(word, apply_case(word, _quote(glued)), start, end)
            continue
        if capitalised or _is_foreign(word):
            continue  # most likely a name or a word of another language
        reason_vi, reason_en = _REASONS.get(verdict.problem or "structure", _REASONS["structure"])
        near = by_context(candidates(lower, _CONTEXT_POOL), *neighbours(item))
        found = [apply_case(word, c) for c in near[:_MAX_SUGGESTIONS]]
        hint_vi = f"; có thể là: {', '.join(found)}" if found else ""
        hint_en = f"; perhaps: {', '.join(found)}" if found else ""
        yield Diagnostic(
            Msg(
                f"Không phải âm tiết tiếng Việt: “{word}” ({reason_vi}){hint_vi}",
                f"Not a Vietnamese syllable: “{word}” ({reason_en}){hint_en}",
            ),
            start,
            end,
            suggestions=tuple(Fix.suggestion(start, end, c) for c in found),
        )


def _brands(knowledge) -> frozenset[str]:
    terms = getattr(knowledge, "terms", ())
    return frozenset(s.casefold() for t in terms for s in (t.preferred, *t.variants))


def space_fix(block, glued) -> Fix:
    """The safe fix of a glued token: a space inserted at the cut, or put for the underscore."""
    if glued.kind == "underscore":
        at, end = block.span(glued.cut, glued.cut + 1)
    else:
        at = end = block.span(glued.cut, glued.cut + 1)[0]
    start, stop = block.span(glued.start, glued.end)
    return Fix.safe(
        start, stop, glued.replacement, edits=(Edit(at, end, " "),), wording=Wording.SPLIT
    )


def glued_token_findings(doc: Document, brands: frozenset[str]) -> Iterator[Diagnostic]:
    """Capitals glued to a word ("UBNDphường") and words joined by an underscore ("Hà_Nội"):
    the split is certain, so the fix (a space) is safe. Numbers glued to a word are TYP002's.
    `brands`: the registry's terms, case-folded (`_brands`), which stay whole.
    """
    for block in doc.blocks:
        for glued in find_glued_tokens(block.text, brands, numbers=False):
            start, end = block.span(glued.start, glued.end)
            if glued.kind == "underscore":
                message = Msg(
                    f"Dấu gạch dưới nối hai từ: “{glued.written}”; nên viết “{glued.replacement}”",
                    f"An underscore joins two words: “{glued.written}”; expected "
                    f"“{glued.replacement}”",
                )
            else:
                message = Msg(
                    f"Chữ viết tắt dính liền với từ sau: “{glued.written}”; nên viết "
                    f"“{glued.replacement}”",
                    f"An abbreviation glued to the next word: “{glued.written}”; expected "
                    f"“{glued.replacement}”",
                )
            yield Diagnostic(message, start, end, fix=space_fix(block, glued))


def _glued(word: str, fixed: str, start: int, end: int) -> Diagnostic:
    """Two words written as one: a suggestion to split them (the split is a guess)."""
    return Diagnostic(
        Msg(
            f"Hai từ viết dính liền: “{word}”; có lẽ là “{fixed}”",
            f"Two words glued together: “{word}”; probably “{fixed}”",
        ),
        start,
        end,
        suggestions=(Fix.suggestion(start, end, fixed, wording=Wording.SPLIT),),
    )


def _name_glued(word: str, name: str, function: str, start: int, end: int) -> Diagnostic:
    """A name glued to the function word after it ("Dinhvà"): a suggestion to split."""
    fixed = f"{name} {function}"
    return Diagnostic(
        Msg(
            f"Tên riêng viết dính với “{function}”: “{word}”; có lẽ là “{fixed}”",
            f"A name glued to “{function}”: “{word}”; probably “{fixed}”",
        ),
        start,
        end,
        suggestions=(Fix.suggestion(start, end, fixed, wording=Wording.SPLIT),),
    )


def _corrected(message: Msg, fixed: str, start: int, end: int) -> Diagnostic:
    """A misspelling with one correct form: a safe fix."""
    return Diagnostic(
        message,
        start,
        end,
        fix=Fix.safe(start, end, fixed),
    )


RULE = Rule(
    code="SPL001",
    name="invalid-syllable",
    summary=Msg(
        "Từ không phải âm tiết tiếng Việt hợp lệ", "A word that is not a valid Vietnamese syllable"
    ),
    explanation=Msg(
        "Một từ có dấu tiếng Việt mà không ghép được từ âm đầu, vần và thanh theo quy tắc chính "
        'tả là lỗi: "nghành" (ngh chỉ đứng trước e, ê, i), "quyềt" (âm cuối t chỉ đi với dấu '
        'sắc, nặng), dấu thanh đặt sai chỗ ("gía", "ngừơi"), hay hai từ dính liền ("bốđiểm") khi '
        "đường link bị xóa. Không kiểm tra từ viết hoa toàn bộ, từ lẫn chữ số, đường link, "
        'e-mail, tên người và tên riêng nước ngoài. Chữ viết tắt dính vào từ sau ("UBNDphường", '
        '"PVLao Động") và hai từ nối bằng dấu gạch dưới ("Hà_Nội") cũng bị báo, sửa an toàn bằng '
        'một dấu cách; tên thương hiệu ("PVOil", "TPBank", "VNPay") và tên người dân tộc '
        '("MBrâng") không bị báo. Sửa an toàn cho dấu đặt sai chỗ và các lỗi trong bảng có một '
        "cách viết đúng; còn lại là gợi ý, xếp theo tần suất. Từ viết hoa (có thể là tên riêng) "
        "chỉ bị báo khi dấu đặt sai chỗ, khi dính từ, hoặc khi là lỗi có trong bảng; mã (code) "
        "cũng không bị xét. Từ khai báo trong [rules.SPL001] extend-words (tên riêng, thuật "
        "ngữ của đơn vị) không bao giờ bị báo, không phân biệt hoa thường, bởi cả SPL001 và "
        "SPL006 (hai bảng dùng chung một danh sách).",
        "A word with a Vietnamese mark that cannot be read as initial + rhyme + tone under the "
        'spelling rules: "nghành" (ngh only before e, ê, i), "quyềt" (a final t takes only sắc '
        'or nặng), a misplaced tone mark ("gía", "ngừơi"), or two words glued together '
        '("bốđiểm") where a link was removed. All-capital words, words with digits, URLs, e-mail '
        "addresses, personal names and foreign names are not checked. Capitals glued to the next "
        'word ("UBNDphường", "PVLao Động") and two words joined by an underscore ("Hà_Nội") are '
        'reported with a safe fix (a space); brands ("PVOil", "TPBank", "VNPay") and minority '
        'names ("MBrâng") are not. Safe fix for misplaced tone marks and for table misspellings '
        "with one correct form; otherwise suggestions, most frequent first. A capitalised word "
        "(possibly a name) is reported only for a misplaced tone mark, a glued word or a "
        "misspelling of the table; code is not checked either. Words listed in [rules.SPL001] "
        "extend-words (names, the organisation's own terms) are never reported, in any case, "
        "by SPL001 or SPL006 (the two tables share one list).",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(
        Example("Sinh viên ngành kinh tế theo học nghành luật và ngiên cứu."),
        Example("Cán bộ UBNDphường và giáo viên trường THPTchuyên tại Hà_Nội."),
    ),
    good=(
        Example("Sinh viên ngành kinh tế theo học ngành luật và nghiên cứu."),
        Example("Khách hàng PVOil, PVComBank, TPBank, VNPay đọc VnExpress và kenh14.vn."),
    ),
    fixes=frozenset({Applicability.SAFE, Applicability.SUGGESTION}),
    options=UserWords,
)
