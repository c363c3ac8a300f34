"""TYP004 quotes — Straight quotes among curly ones, or unbalanced quotes.

Looks at: double quotes paragraph by paragraph: the kinds used, their balance, and two
apostrophes typed for a quote.
Does not: read quotes inside CMS shortcode attributes, or fix a quote in an unbalanced
paragraph.
Data: option `style`.
Fix: safe — the document's kind, when the quote's paragraph is balanced.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Annotated, NamedTuple

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Severity
from soat.lint.document import Block, Document
from soat.lint.rule import Example, Option, Rule

OPEN, CLOSE, STRAIGHT = "“", "”", '"'
OPEN_CLOSE = OPEN + CLOSE
APOSTROPHES = "''"  # two apostrophes typed for a double quote: a straight quote in disguise
_OPENERS_BEFORE = frozenset(" \u00a0\t([{‘'—–-/:")
_CLOSERS_AFTER = frozenset(",.;:!?)]…")
# Alternatives that all start with a character (and the look-behind after the first
# apostrophe): the regex is scanned for those four characters in C, 3x faster.
_QUOTE_RE = re.compile(r"“|”|\"|'(?<!'')'(?!')")
# A CMS shortcode with attributes: [caption id="attachment_12" align="aligncenter"],
# [embed width="560"]. Its quotes are attribute syntax, not typography (BPL003 reports the
# shortcode itself).
_SHORTCODE_RE = re.compile(
    r"\[[A-Za-z][\w-]*"
    r"(?:\s+[\w-]+\s*=\s*(?:[\"“”][^\"“”\[\]]*[\"“”]|'[^'\[\]]*'|[^\s\[\]\"“”']+))+"
    r"\s*/?\]"
)


def _shortcode_spans(text: str) -> list[tuple[int, int]]:
    if "[" not in text:
        return []
    return [m.span() for m in _SHORTCODE_RE.finditer(text)]


def find_quotes(text: str) -> list[tuple[int, str]]:
    """The double quotes of a paragraph as (position, characters), outside CMS shortcodes.

    The characters are “, ”, " or '' (two apostrophes standing for a straight double quote).
    """
    spans = _shortcode_spans(text)
    return [
        (m.start(), m.group())
        for m in _QUOTE_RE.finditer(text)
        if not any(s <= m.start() < e for s, e in spans)
    ]


def _classify(text: str) -> tuple[list[tuple[int, str, bool]], list[int], list[int]]:
    """Quotes of one paragraph with their role, and the unmatched openers and closers.

    A straight quote opens at the start of the text or after a space or bracket, and
    closes after anything else; between two spaces it takes the role the nesting needs.
    """
    quotes: list[tuple[int, str, bool]] = []
    stack: list[int] = []
    unmatched_close: list[int] = []
    for i, ch in find_quotes(text):
        if ch == OPEN:
            opening = True
        elif ch == CLOSE:
            opening = False
        else:
            before = text[i - 1] if i else " "
            j = i + len(ch)
            after = text[j] if j < len(text) else " "
            if before in _OPENERS_BEFORE and after in " \u00a0":
                opening = not stack
            else:  # '"1.374 ",': a quote before punctuation closes
                opening = before in _OPENERS_BEFORE and after not in _CLOSERS_AFTER
        if not opening and not stack and i and text[i - 1].isdigit():
            continue  # 15” or 7" or 4,95'': an inch mark, not a quote
        quotes.append((i, ch, opening))
        if opening:
            stack.append(i)
        elif stack:
            stack.pop()
        else:
            unmatched_close.append(i)
    return quotes, stack, unmatched_close


class Options(NamedTuple):
    """TYP004's options (`[rules.TYP004]`): which quotation marks are right."""

    # "consistent" (default): the kind used more often wins, a tie goes to curly, so a finding
    # points at the odd one out; "curly": straight quotes are wrong wherever the document also
    # has curly ones (Vietnamese typography's form); "straight": a house style of straight
    # quotes, curly ones are the odd ones out. Two apostrophes '' are always wrong.
    style: Annotated[str, Option(choices=("curly", "consistent", "straight"))] = "consistent"


def _target_style(quotes: list[str], style: str) -> str | None:
    """Which kind of quote the document should use, or None when it uses only one kind.

    `quotes` are the document's quote tokens; '' counts as a straight quote.
    """
    curly = sum(1 for q in quotes if q in (OPEN, CLOSE))
    straight = len(quotes) - curly
    if style == "straight":
        return STRAIGHT if curly else None
    if not (straight and curly):
        return None
    if style == "consistent" and straight > curly:
        return STRAIGHT
    return OPEN


def _apostrophes_target(quotes: list[str], target: str | None, style: str) -> str:
    """What '' becomes: the document's kind, straight " beside other straight quotes only."""
    if target is not None:
        return target
    if style == "straight" or STRAIGHT in quotes:
        return STRAIGHT
    return OPEN


def check(ctx: Context[Options]) -> Iterator[Diagnostic]:
    yield from _check(ctx.doc, ctx.options)


def _check(doc: Document, options: Options, skip_pairs: bool = True) -> Iterator[Diagnostic]:
    """`check`; `skip_pairs=False` classifies every paragraph (what the fast path equals)."""
    blocks = [b for b in doc.blocks if OPEN in b.text or CLOSE in b.text or _has_straight(b.text)]
    if not blocks:
        return
    if (
        skip_pairs
        and options.style != "straight"
        and not any(_has_straight(b.text) for b in blocks)
    ):
        # Curly quotes only (most documents): no kind is wrong (`_target_style` gives None),
        # so only unbalanced paragraphs can have findings; a paragraph of “…” pairs has
        # none, and leaves a quotation that runs over several paragraphs as it was.
        blocks = [b for b in blocks if not _curly_pairs_only(b.text)]
    classified = [(block, _classify(block.text)) for block in blocks]
    kinds = [ch for _, (quotes, _, _) in classified for _, ch, _ in quotes]
    target = _target_style(kinds, options.style)
    apostrophes_target = _apostrophes_target(kinds, target, options.style)
    findings: list[tuple[int, Diagnostic]] = []
    pending_open: list[tuple[Block, int, str]] = []  # unmatched openers of earlier paragraphs
    for block, (quotes, unmatched_open, unmatched_close) in classified:
        text = block.text
        balanced = not unmatched_open and not unmatched_close
        for pos, ch, opening in quotes:
            if ch == APOSTROPHES:
                kind = apostrophes_target
            elif target is None or (ch == STRAIGHT) == (target == STRAIGHT):
                continue
            else:
                kind = target
            want = STRAIGHT if kind == STRAIGHT else OPEN if opening else CLOSE
            start, end = block.span(pos, pos + len(ch))
            findings.append((start, _wrong_kind(ch, want, start, end, balanced)))
        # A quotation that runs over several paragraphs closes in a later one.
        for pos in unmatched_close:
            if pending_open:
                pending_open.clear()
                continue
            findings.append(_unbalanced(block, pos, _token_at(text, pos), opening=False))
        pending_open.extend((block, pos, _token_at(text, pos)) for pos in unmatched_open)
    for block, pos, ch in pending_open:
        findings.append(_unbalanced(block, pos, ch, opening=True))
    for _, diag in sorted(findings, key=lambda f: f[0]):
        yield diag


_CURLY_RE = re.compile("[“”]")


def _curly_pairs_only(text: str) -> bool:
    """Whether the quotes `_classify` finds in `text` are curly ones, each “ closed by the ”
    right after it: nothing unmatched, no inch mark (a ” always closes an open “)."""
    if "[" in text or _has_straight(text):
        return False  # straight quotes take a role; a shortcode's are not read (a guard)
    found = _CURLY_RE.findall(text)
    return "".join(found) == OPEN_CLOSE * (len(found) // 2)


def _has_straight(text: str) -> bool:
    return STRAIGHT in text or APOSTROPHES in text


def _token_at(text: str, pos: int) -> str:
    return APOSTROPHES if text.startswith(APOSTROPHES, pos) else text[pos]


def _wrong_kind(ch: str, want: str, start: int, end: int, balanced: bool) -> Diagnostic:
    if ch == APOSTROPHES:
        message = Msg(
            f"Hai dấu nháy đơn '' dùng làm ngoặc kép; nên dùng {want}",
            f"Two apostrophes '' typed as a double quote; expected {want}",
        )
    elif want == STRAIGHT:
        message = Msg(
            f'Ngoặc kép cong {ch} trong bài dùng ngoặc kép thẳng; nên dùng "',
            f'Curly quote {ch} in a document that uses straight quotes; expected "',
        )
    else:
        message = Msg(
            f'Ngoặc kép thẳng " trong bài dùng ngoặc kép cong; nên dùng {want}',
            f'Straight quote " in a document that uses curly quotes; expected {want}',
        )
    fix = Fix.safe(start, end, want) if balanced else None
    return Diagnostic(message, start, end, fix=fix)


def _unbalanced(block, pos: int, ch: str, opening: bool) -> tuple[int, Diagnostic]:
    start, end = block.span(pos, pos + 1)
    if opening:
        msg = Msg(f"Ngoặc kép mở {ch} không có dấu đóng", f"Opening quote {ch} is never closed")
    else:
        msg = Msg(f"Ngoặc kép đóng {ch} không có dấu mở", f"Closing quote {ch} has no opening one")
    return start, Diagnostic(msg, start, end)


RULE = Rule(
    code="TYP004",
    name="quotes",
    summary=Msg(
        "Ngoặc kép thẳng lẫn ngoặc kép cong, hoặc ngoặc kép không cân đối",
        "Straight quotes among curly ones, or unbalanced quotes",
    ),
    explanation=Msg(
        'Trong bài dùng cả ngoặc kép cong “ ” lẫn ngoặc kép thẳng ", kiểu dùng ít hơn bị báo '
        "và được sửa về kiểu của bài (sửa an toàn khi đoạn văn cân đối). Hai dấu nháy đơn '' "
        "gõ thay ngoặc kép luôn bị báo và được sửa về kiểu của bài. Dấu ngoặc trong thuộc tính "
        'của mã ngắn CMS ([caption id="…"]) bị bỏ qua. Dấu mở không có dấu đóng, hoặc dấu đóng '
        "không có dấu mở, được báo mà không tự sửa; đoạn trích kéo dài qua nhiều đoạn văn không "
        'bị báo. Tùy chọn style: "consistent" (mặc định: kiểu dùng nhiều hơn thắng, hòa thì '
        'ngoặc cong), "curly" (quy ước dùng ngoặc cong: ngoặc thẳng là sai khi bài có ngoặc '
        'cong) hoặc "straight" (quy ước dùng ngoặc thẳng).',
        'In a document that mixes curly quotes “ ” and straight quotes ", the kind used less '
        "is reported and fixed to the document's kind (a safe fix when its paragraph is "
        "balanced). Two apostrophes '' typed for a double quote are always reported and fixed "
        "to the document's kind. Quotes inside a CMS shortcode's attributes "
        '([caption id="…"]) are ignored. An opening quote that is never closed, or a closing '
        "quote with no opening one, is reported without a fix; a quotation running over "
        'several paragraphs is not. Option style: "consistent" (default: the kind used more '
        'often wins, a tie goes to curly), "curly" (house style: straight quotes are wrong '
        'wherever curly ones are used) or "straight" (a house style of straight quotes).',
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(
        Example('Phong trào “Xanh - Sạch - Đẹp" và chương trình "Tết Sum vầy”.'),
        Example("Chương trình “Tết Sum vầy năm 2024 đã hỗ trợ 500 đoàn viên."),
        Example("Món ''đặc sản'' của vùng được giới thiệu tại hội chợ “Tết Sum vầy”."),
    ),
    good=(
        Example("Phong trào “Xanh - Sạch - Đẹp” và chương trình “Tết Sum vầy”."),
        Example('Phong trào "Xanh - Sạch - Đẹp" và chương trình "Tết Sum vầy".'),
        Example('[caption id="attachment_12" align="aligncenter"]Ảnh: “Tết Sum vầy”[/caption]'),
    ),
    fixes=frozenset({Applicability.SAFE}),
    options=Options,
)
