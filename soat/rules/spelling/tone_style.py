"""SPL002 tone-style — Two tone-placement styles (hòa/hoà) in one document.

Looks at: syllables with the open rhymes oa, oe, uy (soat.vi.syllables.tone_style) and counts
the two placements.
Does not: let capitalised personal names vote or change.
Data: option `tone-style`.
Fix: safe — the tone mark moves to the chosen style's vowel; letters do not change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from types import MappingProxyType
from typing import Annotated, NamedTuple

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Related, Severity
from soat.lint.rule import Example, Option, Rule
from soat.rules.spelling._words import DocWord, document_words, preset_question
from soat.vi.syllables import MODERN, TRADITIONAL, place_tone, tone_style

_NAMES = MappingProxyType({TRADITIONAL: ("kiểu cũ", "traditional"), MODERN: ("kiểu mới", "modern")})


class Options(NamedTuple):
    """SPL002's options (`[rules.SPL002]`): the tone-mark placement the document must use,
    or "consistent" (the one it uses most)."""

    tone_style: Annotated[str, Option(choices=("consistent", "traditional", "modern"))] = (
        "consistent"
    )


# A syllable whose placement styles differ has the open rhyme oa, oe or uy: these letters.
# Both cases written out: the letters IGNORECASE matches (tests/vi/test_syllables_fast.py),
# in a third of the time to compile at start-up.
_OPEN_RHYME_RE = re.compile("[oòóỏõọOÒÓỎÕỌ][aàáảãạeèéẻẽẹAÀÁẢÃẠEÈÉẺẼẸ]|[uùúủũụUÙÚỦŨỤ][yỳýỷỹỵYỲÝỶỸỴ]")


@preset_question("styled")
def has_style(word: str) -> bool:
    """Whether a word of letters has one of the two tone placements (SPL002 counts it)."""
    return (
        _OPEN_RHYME_RE.search(word) is not None and word.isalpha() and tone_style(word) is not None
    )


def check(ctx: Context[Options]) -> Iterator[Diagnostic]:
    words = ctx.get(document_words)
    styled = words.matching(has_style)  # each distinct word asked once
    # A personal name is one per spelling (DocWords.in_name): which styles vote is known
    # from the distinct words; the occurrences matter only when one must change.
    wanted = ctx.options.tone_style
    styles = {tone_style(text) for text in styled}
    # The styles of all the words first: when they need no change, those outside names
    # (a subset) need none either, and no name is looked for (0.1 ms a document).
    if _unchanged(styles, wanted):
        return
    voting = {tone_style(text) for text in styled if not words.in_name(text)}
    if _unchanged(voting, wanted):
        return  # no word whose style must change
    yield from style_findings(words.occurrences(styled), ctx.options)


def _unchanged(styles: set[str | None], wanted: str) -> bool:
    """Whether words with `styles` need no change under the option `wanted`."""
    return styles <= {wanted} if wanted in (TRADITIONAL, MODERN) else len(styles) < 2


def style_findings(items: Iterable[DocWord], options: Options) -> Iterator[Diagnostic]:
    """The findings on `items`, words of one document in order (all of them, or only those
    with a style: the others are skipped here anyway)."""
    found = []  # (style, item)
    for item in items:
        if item.in_name or not item.letters:
            continue
        style = tone_style(item.text)
        if style is not None:
            found.append((style, item))
    if not found:
        return
    if options.tone_style in (TRADITIONAL, MODERN):
        target = options.tone_style
        reason_vi = f"cấu hình chọn {_NAMES[target][0]}"
        reason_en = f"the configuration chooses the {_NAMES[target][1]} style"
    else:
        counts = {s: sum(1 for st, _ in found if st == s) for s in (TRADITIONAL, MODERN)}
        if not counts[TRADITIONAL] or not counts[MODERN]:
            return
        first = found[0][0]
        other = MODERN if first == TRADITIONAL else TRADITIONAL
        target = other if counts[other] > counts[first] else first
        reason_vi = (
            f"bài dùng {_NAMES[target][0]} {counts[target]} lần, "
            f"{_NAMES[_other(target)][0]} {counts[_other(target)]} lần"
        )
        reason_en = (
            f"the document uses the {_NAMES[target][1]} style {counts[target]} times, "
            f"the {_NAMES[_other(target)][1]} {counts[_other(target)]} times"
        )
    example = next((item for style, item in found if style == target), None)
    related: tuple[Related, ...] = ()
    if example is not None:
        s, e = example.span()
        related = (
            Related(
                Msg(
                    f"“{example.text}”: {_NAMES[target][0]}",
                    f"“{example.text}”: {_NAMES[target][1]} style",
                ),
                s,
                e,
            ),
        )
    for style, item in found:
        if style == target:
            continue
        word = item.text
        fixed = place_tone(word, target)
        if fixed is None:  # a word with a tone style is a syllable: not reached
            continue
        start, end = item.span()
        yield Diagnostic(
            Msg(
                f"Đặt dấu thanh {_NAMES[style][0]} “{word}” lẫn với {_NAMES[target][0]} "
                f"(“{fixed}”) trong cùng bài; {reason_vi}",
                f"{_NAMES[style][1].capitalize()} tone placement “{word}” mixed with the "
                f"{_NAMES[target][1]} style (“{fixed}”); {reason_en}",
            ),
            start,
            end,
            fix=Fix.safe(start, end, fixed),
            related=related,
        )


def _other(style: str) -> str:
    return MODERN if style == TRADITIONAL else TRADITIONAL


RULE = Rule(
    code="SPL002",
    name="tone-style",
    summary=Msg(
        "Hai kiểu đặt dấu thanh (hòa/hoà) trong một bài",
        "Two tone-placement styles (hòa/hoà) in one document",
    ),
    explanation=Msg(
        'Ở vần mở oa, oe, uy, kiểu cũ đặt dấu ở nguyên âm đầu ("hòa", "khỏe", "thủy") và '
        'kiểu mới ở nguyên âm sau ("hoà", "khoẻ", "thuỷ"). Cả hai đều đúng, nhưng một bài '
        'chỉ nên dùng một kiểu. Tùy chọn tone-style: "consistent" (mặc định: kiểu dùng nhiều '
        'hơn, hòa thì giữ kiểu xuất hiện trước), "traditional" hay "modern". Tên người viết '
        "hoa giữ nguyên cách viết (Thủy, Thuý). Sửa an toàn: chuyển dấu sang đúng nguyên âm.",
        "In the open rhymes oa, oe, uy the traditional style puts the tone mark on the first "
        'vowel ("hòa", "khỏe", "thủy") and the modern style on the second ("hoà", '
        '"khoẻ", "thuỷ"). Both are correct; one document should use one. Option tone-style: '
        '"consistent" (default: the style used more often, a tie keeps the first used), '
        '"traditional" or "modern". Capitalised personal names keep their spelling (Thủy, '
        "Thuý). Safe fix: the mark moves to the chosen style's vowel.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(Example("Văn hóa công sở giúp người lao động khỏe mạnh và hoà đồng, hòa nhã."),),
    good=(
        Example("Văn hóa công sở giúp người lao động khỏe mạnh; bà Nguyễn Thị Thuý cho biết."),
        Example("Văn hoá công sở giúp người lao động khoẻ mạnh.", options={"tone-style": "modern"}),
    ),
    fixes=frozenset({Applicability.SAFE}),
    options=Options,
)
