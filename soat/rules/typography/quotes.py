"""TYP004 quotes — ngoặc kép thẳng lẫn với ngoặc kép cong, và ngoặc kép không cân đối.

Khi văn bản dùng ngoặc kép cong “ ”, một dấu ngoặc kép thẳng " là lỗi (sửa an toàn thành “
hoặc ” tùy vị trí). Một dấu mở không có dấu đóng (hay ngược lại) được báo, không tự sửa; một
đoạn trích kéo dài nhiều đoạn văn (mở ở đoạn này, đóng ở đoạn sau) không bị coi là lỗi.

Straight double quotes in a document that otherwise uses curly ones, and unbalanced double
quotes. Sửa an toàn (safe) for a straight quote whose role (opening or closing) is clear from
its paragraph; unbalanced quotes are only reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from soat.lint.context import Context
from soat.lint.diagnostic import Diagnostic, Fix, Msg, Severity
from soat.lint.document import Block
from soat.lint.rule import Example, Rule

OPEN, CLOSE, STRAIGHT = "“", "”", '"'
_OPENERS_BEFORE = frozenset(" \u00a0\t([{‘'—–-/:")
_CLOSERS_AFTER = frozenset(",.;:!?)]…")


@dataclass
class _Quote:
    block: object
    pos: int
    char: str
    opening: bool


def _classify(text: str) -> tuple[list[tuple[int, str, bool]], list[int], list[int]]:
    """Quotes of one paragraph with their role, and the unmatched openers and closers.

    A straight quote opens at the start of the text or after a space or bracket, and
    closes after anything else; between two spaces it takes the role the nesting needs.
    """
    quotes: list[tuple[int, str, bool]] = []
    stack: list[int] = []
    unmatched_close: list[int] = []
    for i, ch in enumerate(text):
        if ch not in (OPEN, CLOSE, STRAIGHT):
            continue
        if ch == OPEN:
            opening = True
        elif ch == CLOSE:
            opening = False
        else:
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if before in _OPENERS_BEFORE and after in " \u00a0":
                opening = not stack
            else:  # '"1.374 ",': a quote before punctuation closes
                opening = before in _OPENERS_BEFORE and after not in _CLOSERS_AFTER
        if not opening and not stack and i and text[i - 1].isdigit():
            continue  # 15” or 7": an inch mark, not a quote
        quotes.append((i, ch, opening))
        if opening:
            stack.append(i)
        elif stack:
            stack.pop()
        else:
            unmatched_close.append(i)
    return quotes, stack, unmatched_close


@dataclass(frozen=True)
class Options:
    # "curly": straight quotes are wrong wherever the document also has curly ones (Vietnamese
    # typography's form); "consistent": the kind used more often wins, a tie goes to curly;
    # "straight": a house style of straight quotes, curly ones are the odd ones out.
    style: str = field(default="curly", metadata={"choices": ("curly", "consistent", "straight")})


def _target_style(blocks, style: str) -> str | None:
    """Which kind of quote the document should use, or None when it uses only one kind."""
    straight = sum(b.text.count(STRAIGHT) for b in blocks)
    curly = sum(b.text.count(OPEN) + b.text.count(CLOSE) for b in blocks)
    if style == "straight":
        return STRAIGHT if curly else None
    if not (straight and curly):
        return None
    if style == "consistent" and straight > curly:
        return STRAIGHT
    return OPEN


def check(ctx: Context[Options]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    options = ctx.options
    blocks = [b for b in doc.blocks if OPEN in b.text or CLOSE in b.text or STRAIGHT in b.text]
    if not blocks:
        return
    target = _target_style(blocks, options.style)
    findings: list[tuple[int, Diagnostic]] = []
    pending_open: list[tuple[Block, int, str]] = []  # unmatched openers of earlier paragraphs
    for block in blocks:
        text = block.text
        quotes, unmatched_open, unmatched_close = _classify(text)
        balanced = not unmatched_open and not unmatched_close
        for pos, ch, opening in quotes:
            if target is None or (ch == STRAIGHT) == (target == STRAIGHT):
                continue
            start, end = block.span(pos, pos + 1)
            if target == STRAIGHT:
                want = STRAIGHT
                message = Msg(
                    f'Ngoặc kép cong {ch} trong bài dùng ngoặc kép thẳng; nên dùng "',
                    f'Curly quote {ch} in a document that uses straight quotes; expected "',
                )
            else:
                want = OPEN if opening else CLOSE
                message = Msg(
                    f'Ngoặc kép thẳng " trong bài dùng ngoặc kép cong; nên dùng {want}',
                    f'Straight quote " in a document that uses curly quotes; expected {want}',
                )
            fix = (
                Fix.replace(Msg(f"Thay bằng {want}", f"Replace with {want}"), start, end, want)
                if balanced
                else None
            )
            findings.append((start, Diagnostic(message, start, end, fix=fix)))
        # A quotation that runs over several paragraphs closes in a later one.
        for pos in unmatched_close:
            if pending_open:
                pending_open.clear()
                continue
            findings.append(_unbalanced(block, pos, text[pos], opening=False))
        pending_open.extend((block, pos, text[pos]) for pos in unmatched_open)
    for block, pos, ch in pending_open:
        findings.append(_unbalanced(block, pos, ch, opening=True))
    for _, diag in sorted(findings, key=lambda f: f[0]):
        yield diag


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
        'Khi bài dùng ngoặc kép cong “ ”, dấu " thẳng được đổi thành “ hoặc ” theo vị trí (sửa '
        "an toàn khi đoạn văn cân đối). Dấu mở không có dấu đóng, hoặc dấu đóng không có dấu "
        "mở, được báo mà không tự sửa; đoạn trích kéo dài qua nhiều đoạn văn không bị báo. "
        'Tùy chọn style: "curly" (mặc định: ngoặc thẳng là sai khi bài có ngoặc cong), '
        '"consistent" (kiểu dùng nhiều hơn thắng, hòa thì ngoặc cong) hoặc "straight" '
        "(quy ước dùng ngoặc thẳng).",
        'When a document uses curly quotes “ ”, each straight " becomes “ or ” by its position '
        "(a safe fix when its paragraph is balanced). An opening quote that is never closed, or "
        "a closing quote with no opening one, is reported without a fix; a quotation running "
        'over several paragraphs is not. Option style: "curly" (default: straight quotes are '
        'wrong wherever curly ones are used), "consistent" (the kind used more often wins, a '
        'tie goes to curly) or "straight" (a house style of straight quotes).',
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(
        Example('Phong trào “Xanh - Sạch - Đẹp" và chương trình "Tết Sum vầy”.'),
        Example("Chương trình “Tết Sum vầy năm 2024 đã hỗ trợ 500 đoàn viên."),
    ),
    good=(
        Example("Phong trào “Xanh - Sạch - Đẹp” và chương trình “Tết Sum vầy”."),
        Example('Phong trào "Xanh - Sạch - Đẹp" và chương trình "Tết Sum vầy".'),
    ),
    fixes=frozenset({"safe"}),
    options=Options,
)
