"""CAP001 duplicate-caption — A caption or paragraph repeated word for word right after itself.

Looks at: each block against the block right before it and the alt text of an image right before
it, compared by soat.vi.text.comparable (NFC, spaces collapsed); `duplicates` is a per-document
analysis CAP002 reuses.
Does not: compare blocks further apart (CAP002), or blocks without a letter.
Data: none.
Fix: safe, unsafe — delete the repeat with its separator: safe after a block, unsafe after an
image's alt text (the visible caption may be the one to keep).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from soat.lint.context import Context, DocContext
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Related, Severity
from soat.lint.document import Block, Document, Image
from soat.lint.rule import Example, NoOptions, Rule
from soat.vi.text import collapse_spaces, comparable

# List items and table cells repeat by design ("x", "x"); they are never duplicates.
COMPARED_KINDS = ("title", "heading", "paragraph", "caption", "quote")


def _has_letter(text: str) -> bool:
    return any(c.isalpha() for c in text)


def find_duplicates(
    doc: Document, texts: Mapping[int, str] | None = None
) -> Iterator[tuple[Block, Block | Image]]:
    """(block, what it repeats): the previous block, or the image right before it (`texts`:
    `comparable_texts`, when already found).

    An HTML <title> and the <h1> after it, or a <figcaption> and its image's alt text, are
    meant to be equal; a <p> repeating either is not.
    """
    images_before: dict[int, Image | None] = {}
    for img in doc.images:
        images_before.setdefault(img.block_index, img)
    previous: Block | None = None
    previous_text: str | None = None  # comparable(previous.text), for a compared kind
    for block in doc.blocks:
        text = None
        if block.kind in COMPARED_KINDS:
            text = texts[block.index] if texts is not None else comparable(block.text)
            # A block without a letter repeats nothing; asked last, of the few that would.
            if (
                previous is not None
                and previous_text == text
                and not (previous.kind == "title" and block.kind == "heading")
            ):
                if _has_letter(text):
                    yield block, previous
            elif block.kind == "paragraph":
                image = images_before.get(block.index)
                if image is not None and comparable(image.alt) == text and _has_letter(text):
                    yield block, image
        previous, previous_text = block, text


def comparable_texts(ctx: DocContext) -> dict[int, str]:
    """`comparable(block.text)` of the blocks CAP001 compares, by block index (an analysis:
    CAP002 compares a subset of them). A block's text is NFC already: only its spaces are
    collapsed."""
    return {b.index: collapse_spaces(b.text) for b in ctx.doc.blocks if b.kind in COMPARED_KINDS}


def duplicates(ctx: DocContext) -> tuple[tuple[Block, Block | Image], ...]:
    """The duplicated captions of a document (an analysis shared by CAP001 and CAP002)."""
    return tuple(find_duplicates(ctx.doc, ctx.get(comparable_texts)))


def duplicate_indexes(ctx: DocContext) -> set[int]:
    """Indexes of the blocks CAP001 reports (CAP002 leaves them to it)."""
    return {block.index for block, _ in ctx.get(duplicates)}


def _trimmed_span(block: Block) -> tuple[int, int]:
    text = block.text
    lead = len(text) - len(text.lstrip())
    return block.span(lead, len(text.rstrip()))


def _short(text: str) -> str:
    text = comparable(text)
    return text if len(text) <= 60 else text[:57] + "…"


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    for block, original in ctx.get(duplicates):
        start, end = _trimmed_span(block)
        del_start, del_end = doc.block_deletion(block)
        row = doc.line_index.rowcol(original.start)[0]
        if isinstance(original, Image):
            message = Msg(
                f"Chú thích lặp lại nguyên văn lời mô tả (alt) của ảnh ngay trước (dòng {row}): "
                f'"{_short(block.text)}"',
                f"Caption repeats word for word the alt text of the image right before it "
                f'(line {row}): "{_short(block.text)}"',
            )
            related = Related(
                Msg("Ảnh có cùng lời mô tả", "The image with the same alt text"),
                original.start,
                original.end,
            )
            applicability = Applicability.UNSAFE
        else:
            message = Msg(
                f'Đoạn lặp lại nguyên văn khối ngay trước (dòng {row}): "{_short(block.text)}"',
                f"Repeats the block right before it word for word (line {row}): "
                f'"{_short(block.text)}"',
            )
            o_start, o_end = _trimmed_span(original)
            related = Related(Msg("Lần xuất hiện đầu tiên", "First occurrence"), o_start, o_end)
            applicability = Applicability.SAFE
        fix = Fix.of(applicability, del_start, del_end)
        yield Diagnostic(message, start, end, fix=fix, related=(related,))


RULE = Rule(
    code="CAP001",
    name="duplicate-caption",
    summary=Msg(
        "Chú thích hay đoạn văn lặp lại nguyên văn ngay sau chính nó",
        "A caption or paragraph repeated word for word right after itself",
    ),
    explanation=Msg(
        "Khi sao chép bài từ trang web, chú thích ảnh thường xuất hiện hai lần liên tiếp. "
        "Quy tắc so một khối với khối ngay trước (sau khi chuẩn hóa Unicode NFC và khoảng "
        "trắng), và với lời mô tả (alt) của ảnh ngay trước nó. Sửa an toàn: xóa khối lặp "
        "cùng dòng trống ngăn cách; khi khối chỉ lặp lời mô tả của ảnh, việc xóa là không "
        "an toàn (người đọc có thể không thấy lời mô tả).",
        "Copying an article from a web page often leaves a photo caption twice in a row. The "
        "rule compares each block with the block right before it (after NFC and whitespace "
        "normalisation), and with the alt text of the image right before it. Safe fix: delete "
        "the repeated block with its separating blank line; when the block only repeats an "
        "image's alt text, the deletion is unsafe (readers may never see the alt text).",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(Example("Phó Chủ tịch phát biểu tại Hội nghị.\n\nPhó Chủ tịch phát biểu tại Hội nghị."),),
    good=(Example("Giải Nhì: 3.000.000 đồng.\n\nGiải Ba: 2.000.000 đồng."),),
    fixes=frozenset({Applicability.SAFE, Applicability.UNSAFE}),
    options=NoOptions,
)
