"""BPL002 trailing-furniture — Short leftover web page lines after the byline or before the title.

Looks at: the blocks after the byline (`is_byline`, found after the last body paragraph) and the
short lines before the title; `find_trailing_furniture` does the walk.
Does not: report lines BPL001 reports, photo credits, attributions, lines with figures, or a
tail that reads as content (verse, a flattened table).
Data: outlet names from soat.vi.furniture.
Fix: unsafe — delete the line; a byline guess can be wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from soat.lint.context import Context, DocContext
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Severity
from soat.lint.document import Block
from soat.lint.rule import Example, NoOptions, Rule
from soat.rules.boilerplate.boilerplate_line import builtin_furniture
from soat.vi.furniture import source_names
from soat.vi.text import (
    collapse_spaces,
    fold_tones,
    is_capitalized,
    is_credit_line,
    more_words_than,
)

BODY_KINDS = ("paragraph", "quote", "caption")
MIN_BODY_WORDS = 10
MAX_BYLINE_WORDS = 5
MAX_FURNITURE_WORDS = 12
_SENTENCE_RE = re.compile(r"[.!?…]")
_BYLINE_FORBIDDEN = frozenset(".,;:!?")
_TAIL_FORBIDDEN_RE = re.compile(r"[.!?…;,]")


def is_body_paragraph(block: Block) -> bool:
    return (
        block.kind in BODY_KINDS
        and bool(_SENTENCE_RE.search(block.text))
        and more_words_than(block.text, MIN_BODY_WORDS - 1)
    )


def is_byline(text: str) -> bool:
    """1–5 words, each capitalised, no . , ; : ! ? — "Tuấn Đạt", "NGỌC ANH"."""
    parts = [p for p in collapse_spaces(text).split(" ") if any(c.isalnum() for c in p)]
    if not 1 <= len(parts) <= MAX_BYLINE_WORDS or any(c in _BYLINE_FORBIDDEN for c in text):
        return False
    return all(is_capitalized(p) for p in parts)


def _is_attribution(text: str) -> bool:
    """A credit or a source: "Ảnh: …", "Theo …", or a news outlet's name on its own."""
    key = fold_tones(text).strip(" ()[]-–—")
    return is_credit_line(text) or key.removeprefix("bao ") in source_names()


def _is_short_furniture(text: str) -> bool:
    return (
        more_words_than(text, 0)
        and not more_words_than(text, MAX_FURNITURE_WORDS)
        and not _TAIL_FORBIDDEN_RE.search(text)
        and not _is_attribution(text)
    )


def find_trailing_furniture(ctx: DocContext) -> Iterator[tuple[Block, str]]:
    """(block, where): "tail" after the byline, "lead" before the title."""
    doc = ctx.doc
    furniture = ctx.get(builtin_furniture)
    blocks = [b for b in doc.blocks if b.kind != "table-cell"]
    title = doc.title
    headline = doc.headline or title  # an HTML page's <title> stands before the article
    if headline is not None:
        for block in blocks:
            if block is headline:
                break
            if (
                block is not title
                and block.index not in furniture
                and _is_short_furniture(block.text)
                and not _has_digit(block.text)
            ):
                yield block, "lead"
    last_body = next(  # the last body paragraph: looked for from the end
        (
            i
            for i in range(len(blocks) - 1, -1, -1)
            if blocks[i].index not in furniture and is_body_paragraph(blocks[i])
        ),
        None,
    )
    if last_body is None:
        return
    rest = blocks[last_body + 1 :]
    byline = next(
        (i for i, b in enumerate(rest) if b.index not in furniture and is_byline(b.text)), None
    )
    if byline is None:
        return
    tail = [b for b in rest[byline + 1 :] if b.index not in furniture]
    if _is_content_tail(tail):
        return
    for block in tail:
        if (
            _is_short_furniture(block.text)
            and not is_byline(block.text)
            and not _has_digit(block.text)
            and not block.text.rstrip().endswith(":")
        ):
            yield block, "tail"


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _is_content_tail(tail: list[Block]) -> bool:
    """Lines after the byline that read as content: a poem or a flattened table.

    Verse lines and table cells start in lower case or carry figures; page furniture labels
    are capitalised and without figures (counters belong to BPL001).
    """
    starts_lower = any(b.text.lstrip()[:1].islower() for b in tail)
    with_figures = sum(1 for b in tail if _has_digit(b.text))
    return starts_lower or with_figures >= 2


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    for block, where in find_trailing_furniture(ctx.shared):
        text = block.text
        lead = len(text) - len(text.lstrip())
        start, end = block.span(lead, len(text.rstrip()))
        shown = collapse_spaces(text)
        if len(shown) > 60:
            shown = shown[:57] + "…"
        if where == "lead":
            message = Msg(
                f'Dòng điều hướng trang web trước tít bài: "{shown}"; nên xóa',
                f'Web page navigation before the title: "{shown}"; delete it',
            )
        else:
            message = Msg(
                f'Dòng ngắn sau bút danh, có lẽ còn sót từ trang web: "{shown}"',
                f'Short line after the byline, probably left over from the web page: "{shown}"',
            )
        del_start, del_end = doc.block_deletion(block)
        yield Diagnostic(
            message,
            start,
            end,
            fix=Fix.unsafe(del_start, del_end),
        )


RULE = Rule(
    code="BPL002",
    name="trailing-furniture",
    summary=Msg(
        "Dòng ngắn còn sót từ trang web sau bút danh hoặc trước tít bài",
        "Short leftover web page lines after the byline or before the title",
    ),
    explanation=Msg(
        "Bút danh là dòng đầu tiên sau đoạn thân bài cuối cùng (có dấu câu, ít nhất 10 từ) "
        "gồm 1–5 từ viết hoa chữ đầu, không có . , ; : ! ?. Mọi dòng ngắn không có dấu câu "
        "sau bút danh là phần trang web bị sao chép theo, kể cả khi không có trong danh sách "
        "của BPL001; các dòng điều hướng trước tít bài cũng vậy. Dòng BPL001 đã báo, dòng "
        'ghi ảnh và nguồn ("Ảnh: …", "Nguồn: …", "Theo …") được giữ. Sửa không an toàn: '
        "xóa dòng.",
        "The byline is the first line after the last body paragraph (sentence punctuation, "
        "at least 10 words) with 1–5 capitalised words and none of . , ; : ! ?. Every short "
        "line without sentence punctuation after it is page furniture, even when BPL001 knows "
        "no phrase for it; so are navigation lines before the title. Lines BPL001 reports, "
        'photo credits and attributions ("Ảnh: …", "Nguồn: …", "Theo …") are left '
        "alone. Unsafe fix: delete the line.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(
        Example(
            "Tổng kết năm 2023\n\nHội nghị tổng kết công tác năm 2023 đã diễn ra thành công tốt đẹp.\n\n"
            "Tuấn Đạt\n\nNgười lao động được hỗ trợ gì\n\nLịch nghỉ Tết năm nay"
        ),
    ),
    good=(
        Example(
            "Tổng kết năm 2023\n\nHội nghị tổng kết công tác năm 2023 đã diễn ra thành công tốt đẹp.\n\n"
            "Tuấn Đạt\n\nẢnh: Ngọc Anh"
        ),
    ),
    fixes=frozenset({Applicability.UNSAFE}),
    options=NoOptions,
)
