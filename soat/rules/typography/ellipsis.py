"""TYP003 ellipsis — Ellipsis written both as “…” and as “...”.

Looks at: ellipses written as “…” and as “...”, in document order.
Does not: count four or more dots (a blank to fill in).
Data: option `ellipsis`.
Fix: safe — the chosen style.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Annotated, NamedTuple

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Severity
from soat.lint.document import Block
from soat.lint.rule import Example, Option, Rule

_ELLIPSIS_RE = re.compile(r"…|(?<!\.)\.\.\.(?![.…])")
CHARACTER, DOTS = "…", "..."


class Options(NamedTuple):
    """TYP003's options (`[rules.TYP003]`): the ellipsis the document must use, or
    "consistent" (the one it uses most)."""

    ellipsis: Annotated[str, Option(choices=("consistent", CHARACTER, DOTS))] = "consistent"


def check(ctx: Context[Options]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    options = ctx.options
    found: list[tuple[Block, int, int, str]] = []  # in document order
    for block in doc.blocks:
        text = block.text
        if "…" not in text and "..." not in text:
            continue
        found.extend((block, m.start(), m.end(), m.group()) for m in _ELLIPSIS_RE.finditer(text))
    if not found:
        return
    if options.ellipsis == "consistent":
        counts = {CHARACTER: 0, DOTS: 0}
        for *_, style in found:
            counts[style] += 1
        if not counts[CHARACTER] or not counts[DOTS]:
            return
        if counts[CHARACTER] == counts[DOTS]:
            target = found[0][3]
            why_vi, why_en = "kiểu dùng trước trong bài", "the style used first"
        else:
            target = max(counts, key=lambda style: counts[style])
            why_vi, why_en = "kiểu dùng nhiều hơn trong bài", "the style used most"
    else:
        target = options.ellipsis
        why_vi, why_en = "theo cấu hình", "as configured"
    for block, start, end, style in found:
        if style == target:
            continue
        src_start, src_end = block.span(start, end)
        yield Diagnostic(
            Msg(
                f"Dấu ba chấm “{style}” khác kiểu “{target}” ({why_vi})",
                f"Ellipsis “{style}” differs from “{target}” ({why_en})",
            ),
            src_start,
            src_end,
            fix=Fix.safe(src_start, src_end, target),
        )


RULE = Rule(
    code="TYP003",
    name="ellipsis",
    summary=Msg(
        "Dấu ba chấm viết hai kiểu “…” và “...”", "Ellipsis written both as “…” and as “...”"
    ),
    explanation=Msg(
        'Một văn bản chỉ dùng một kiểu dấu ba chấm. Tùy chọn ellipsis: "consistent" (mặc định: '
        'kiểu dùng nhiều hơn thắng, hòa thì giữ kiểu dùng trước), "…" hoặc "...". Sửa an toàn: '
        "đổi sang kiểu đã chọn. Chuỗi bốn dấu chấm trở lên (chỗ trống để điền) không tính.",
        'One document uses one ellipsis style. Option ellipsis: "consistent" (default: the '
        'majority wins, a tie keeps the style used first), "…" or "...". Safe fix: the chosen '
        "style. Four or more dots in a row (a blank to fill in) do not count.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(Example("Hội nghị bàn về tiền lương, nhà ở… và việc làm, đời sống..."),),
    good=(
        Example("Hội nghị bàn về tiền lương, nhà ở… và việc làm, đời sống…"),
        Example("Số: .../QĐ-LĐLĐ, ngày ... tháng ... năm ..."),
    ),
    fixes=frozenset({Applicability.SAFE}),
    options=Options,
)
