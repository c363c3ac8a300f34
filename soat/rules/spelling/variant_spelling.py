"""SPL005 variant-spelling — One word spelt with i and with y in one document (kỹ/kĩ, lý/lí).

Looks at: syllables with an i/y variant (soat.vi.syllables.iy_variant), grouped per word; the
more frequent spelling wins, a tie keeps the first.
Does not: let personal names, capitalised words inside a sentence or Mỹ (the country) vote or
change.
Data: none.
Fix: safe — only the i/y letter changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Related, Severity
from soat.lint.rule import Example, NoOptions, Rule
from soat.rules.spelling._words import DocWord, document_words, preset_question
from soat.vi.syllables import iy_variant

# iy_variant only answers for a syllable whose rhyme is i or y: it ends with one of these.
_IY_ENDINGS = frozenset("iíìỉĩịyýỳỷỹỵIÍÌỈĨỊYÝỲỶỸỴ")


@preset_question("variant")
def has_variant(word: str) -> bool:
    """Whether a word of letters is spelt with an i/y that varies (with any next word, or
    none: the next word can only take the variant away, as in "tỉ mỉ"). Such a word is an
    initial of one or two letters and the i or y: three letters at most."""
    return (
        len(word) <= 3
        and word[-1] in _IY_ENDINGS
        and word.isalpha()
        and iy_variant(word) is not None
    )


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    words = ctx.get(document_words)
    varying = words.matching(has_variant)  # each distinct word asked once
    # Nothing to report unless some word is written two ways (its lower-case spellings).
    spellings: dict[str, set[str]] = {}
    for text in varying:
        variant = iy_variant(text)
        if variant is not None:
            spellings.setdefault(variant[0], set()).add(text.lower())
    if all(len(forms) < 2 for forms in spellings.values()):
        return
    yield from variant_findings(words.occurrences(varying))


def variant_findings(items: Iterable[DocWord]) -> Iterator[Diagnostic]:
    """The findings on `items`, words of one document in order (all of them, or only those
    with a variant: the others are skipped here anyway)."""
    groups: dict[str, list] = {}  # key (lower-case y spelling) -> [(item, other spelling)]
    for item in items:
        word = item.text
        if word[-1] not in _IY_ENDINGS or item.in_name or not item.letters:
            continue
        if word[:1].isupper() and not item.sentence_start and not item.word.is_all_caps:
            continue  # a proper name inside a sentence
        following = item.words[item.at + 1].text if item.at + 1 < len(item.words) else ""
        variant = iy_variant(word, following)
        if variant is not None:
            groups.setdefault(variant[0], []).append((item, variant[1]))
    for items in groups.values():
        forms = [item.text.lower() for item, _ in items]
        spellings = list(dict.fromkeys(forms))
        if len(spellings) < 2:
            continue
        counts = {s: forms.count(s) for s in spellings}
        winner = max(spellings, key=lambda s: counts[s])  # first used wins a tie
        loser = next(s for s in spellings if s != winner)
        example = next(item for item, _ in items if item.text.lower() == winner)
        es, ee = example.span()
        related = (
            Related(
                Msg(
                    f"“{example.text}” được dùng {counts[winner]} lần",
                    f"“{example.text}” is used {counts[winner]} times",
                ),
                es,
                ee,
            ),
        )
        for item, other in items:
            if item.text.lower() == winner:
                continue
            start, end = item.span()
            yield Diagnostic(
                Msg(
                    f"“{item.text}” và “{other}” cùng có trong bài; nên viết thống nhất "
                    f"“{other}” ({counts[winner]} lần, so với {counts[loser]} lần “{loser}”)",
                    f"“{item.text}” and “{other}” both occur; write “{other}” throughout "
                    f"({counts[winner]} times against {counts[loser]} times “{loser}”)",
                ),
                start,
                end,
                fix=Fix.safe(start, end, other),
                related=related,
            )


RULE = Rule(
    code="SPL005",
    name="variant-spelling",
    summary=Msg(
        "Hai cách viết i/y của một từ trong một bài (kỹ/kĩ, lý/lí)",
        "One word spelt with i and with y in one document (kỹ/kĩ, lý/lí)",
    ),
    explanation=Msg(
        'Các cặp "kỹ"/"kĩ", "lý"/"lí", "mỹ"/"mĩ", "tỷ"/"tỉ", "quý"/"quí", '
        '"hy"/"hi", "kỷ"/"kỉ", "sỹ"/"sĩ" đều được chấp nhận (sách giáo khoa viết i, '
        "văn bản hành chính và báo chí thường viết y), nhưng một bài nên viết mỗi từ một cách. "
        "Cách viết dùng nhiều hơn được giữ; hòa thì giữ cách xuất hiện trước. Tên người, tên "
        'riêng viết hoa giữa câu và "Mỹ" (nước Mỹ) không bị đổi. Sửa an toàn.',
        'The pairs "kỹ"/"kĩ", "lý"/"lí", "mỹ"/"mĩ", "tỷ"/"tỉ", "quý"/"quí", '
        '"hy"/"hi", "kỷ"/"kỉ", "sỹ"/"sĩ" are all accepted (textbooks write i, '
        "administrative and press text mostly y), but a document should spell each word one "
        "way. The spelling used more often is kept; a tie keeps the one used first. Personal "
        'names, capitalised names inside a sentence and "Mỹ" (the country) are never changed. '
        "Safe fix.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(Example("Cán bộ kỹ thuật quản lý dự án; đội kỹ sư và nhóm quản lí hiện trường."),),
    good=(Example("Cán bộ kỹ thuật quản lý dự án; ông Lí Văn Sơn là kỹ sư."),),
    fixes=frozenset({Applicability.SAFE}),
    options=NoOptions,
)
