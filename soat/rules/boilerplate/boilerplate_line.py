"""BPL001 boilerplate-line — một dòng chỉ là "đồ đạc" của trang web.

Bài sao chép từ trang web thường kéo theo tiêu đề khối tin liên quan ("Có thể bạn quan tâm"),
khung bình luận ("Phản hồi", "Bình luận (0)"), thanh chia sẻ, danh sách "Xem nhiều nhất",
dòng bản quyền, ban biên tập. Quy tắc so khớp cả khối với danh sách cụm từ trong
soat/data/boilerplate.toml (không phân biệt hoa/thường; cả khi thiếu dấu thanh).

A block whose whole text is page furniture from the built-in list (case- and tone-
insensitive), optionally with a counter or a colon and a short list, or that starts with a
known prefix ("Xem thêm:", "Bản quyền thuộc về …"). A phrase inside a sentence never counts.
Fix: delete the block — safe when it equals a phrase ignoring case, unsafe when it matches
only without tone marks, by prefix or by pattern; attribution-like lines are never safe.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from types import MappingProxyType

from soat.lint.context import Context, DocContext
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Severity
from soat.lint.document import Block, Document
from soat.lint.rule import Example, Rule
from soat.vi.furniture import COUNTER_ONLY_RE, FurnitureMatch, match_furniture, phrase_table

_BLOCK_NAMES = MappingProxyType(
    {
        "related": ("khối tin liên quan", "related-articles header"),
        "sidebar": ("cột tin bên lề", "sidebar list"),
        "share": ("thanh chia sẻ", "share bar"),
        "social": ("lời mời theo dõi", "social follow prompt"),
        "comment": ("khung bình luận", "comment form"),
        "toolbar": ("thanh công cụ", "toolbar"),
        "navigation": ("thanh điều hướng", "navigation"),
        "footer": ("chân trang", "page footer"),
        "tags": ("dòng từ khóa", "tag line"),
        "source": ("liên kết nguồn", "source link"),
        "masthead": ("ban biên tập / giấy phép", "masthead"),
        "copyright": ("dòng bản quyền", "copyright line"),
        "user": ("cụm từ do người dùng khai báo", "user-listed phrase"),
    }
)


@dataclass(frozen=True)
class Options:
    extend_phrases: tuple[str, ...] = ()


def furniture_blocks(doc: Document, extra: tuple[str, ...] = ()) -> dict[int, FurnitureMatch]:
    """Blocks that are page furniture, by block index.

    A line that is only a counter ("(0)") directly after a furniture label is furniture too:
    the page printed the label's counter on its own line.
    """
    table = phrase_table(tuple(extra))
    found: dict[int, FurnitureMatch] = {}
    previous: FurnitureMatch | None = None
    for block in doc.blocks:
        match = None
        if _may_be_furniture(block):
            match = match_furniture(block.text, table)
            if match is None and previous is not None and COUNTER_ONLY_RE.match(block.text):
                match = FurnitureMatch(block.text.strip(), previous.block, "counter", previous.safe)
        if match is not None:
            found[block.index] = match
        previous = match
    return found


def builtin_furniture(ctx: DocContext) -> dict[int, FurnitureMatch]:
    """`furniture_blocks` with soat's own phrases (an analysis shared by BPL001 and BPL003)."""
    return furniture_blocks(ctx.doc)


def _may_be_furniture(block: Block) -> bool:
    return block.kind != "table-cell"


def _message(text: str, match: FurnitureMatch) -> Msg:
    vi_kind, en_kind = _BLOCK_NAMES.get(match.block, ("trang web", "web page"))
    shown = text.strip()
    if len(shown) > 60:
        shown = shown[:57] + "…"
    how_vi, how_en = {
        "tones": (
            f' (khớp "{match.phrase}" khi bỏ dấu)',
            f' (matches "{match.phrase}" without tone marks)',
        ),
        "prefix": (f' (bắt đầu bằng "{match.phrase}")', f' (starts with "{match.phrase}")'),
    }.get(match.how, ("", ""))
    return Msg(
        f'Dòng thừa từ trang web ({vi_kind}): "{shown}"{how_vi}; nên xóa',
        f'Leftover web page furniture ({en_kind}): "{shown}"{how_en}; delete it',
    )


def check(ctx: Context[Options]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    options = ctx.options
    extra = tuple(options.extend_phrases)
    found = furniture_blocks(doc, extra) if extra else ctx.get(builtin_furniture)
    for block in doc.blocks:
        match = found.get(block.index)
        if match is None:
            continue
        text = block.text
        lead = len(text) - len(text.lstrip())
        tail = len(text.rstrip())
        start, end = block.span(lead, tail)
        del_start, del_end = doc.block_deletion(block)
        applicability = Applicability.SAFE if match.safe else Applicability.UNSAFE
        fix = Fix.delete(Msg("Xóa dòng này", "Delete this line"), del_start, del_end, applicability)
        yield Diagnostic(_message(text, match), start, end, fix=fix)


RULE = Rule(
    code="BPL001",
    name="boilerplate-line",
    summary=Msg(
        "Dòng thừa từ trang web (tin liên quan, bình luận, chia sẻ, chân trang…)",
        "A line of leftover web page furniture (related links, comments, share bar, footer…)",
    ),
    explanation=Msg(
        'Một khối mà toàn bộ nội dung là "đồ đạc" của trang web, theo danh sách có sẵn '
        '(không phân biệt hoa/thường, cả khi thiếu dấu): "Có thể bạn quan tâm", "Phản hồi", '
        '"Bình luận (0)", "Tags: …", "Xem thêm: …", "Bản quyền thuộc về …". Cụm từ nằm '
        "trong câu văn không bị báo. Sửa an toàn (xóa dòng) khi dòng đúng bằng cụm từ đã biết; "
        'không an toàn khi chỉ khớp lúc bỏ dấu hoặc theo phần đầu dòng. Dòng "Nguồn: …", '
        '"Tác giả: …" không bao giờ bị xóa tự động. Thêm cụm từ bằng '
        "[rules.BPL001] extend-phrases.",
        "A block whose whole text is page furniture from the built-in list (case- and "
        'tone-insensitive): "Có thể bạn quan tâm", "Phản hồi", "Bình luận (0)", '
        '"Tags: …", "Xem thêm: …", "Bản quyền thuộc về …". A phrase inside a sentence is '
        "never reported. Safe fix (delete the line) when the line equals a known phrase "
        "ignoring case; unsafe when it matches only without tone marks or by its start. "
        '"Nguồn: …" and "Tác giả: …" lines are never deleted automatically. Add phrases '
        "with [rules.BPL001] extend-phrases.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(
        Example(
            "Tổng kết năm 2023\n\nHội nghị tổng kết công tác năm 2023 đã diễn ra thành công tốt đẹp.\n\n"
            "Tuấn Đạt\n\nCó thể bạn quan tâm\n\nBình luận (0)"
        ),
    ),
    good=(
        Example(
            "Đoàn viên nếu muốn xem thêm các tấm gương tiêu biểu có thể truy cập "
            "trang của Công đoàn.\n\nẢnh: Ngọc Anh"
        ),
    ),
    fixes=frozenset({"safe", "unsafe"}),
    options=Options,
)
