"""BPL001 boilerplate-line — A line of leftover web page furniture (related links, comments, share bar, footer…).

Looks at: whole blocks against the phrase list (soat.vi.furniture: exact, case-folded,
tone-folded, prefixes, counter patterns), widget-label lines, and scraper field labels at line
starts (`field_label_findings`); `builtin_furniture` is shared with BPL002.
Does not: match a phrase inside a sentence, or ever offer a safe deletion of an attribution
line.
Data: soat/data/boilerplate.toml; option `extend-phrases` (then the shared analysis is
bypassed).
Fix: safe, unsafe — safe only when the block equals a phrase ignoring case; unsafe for
tone-folded, prefix and pattern matches, widget lines and field labels.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import MappingProxyType
from typing import NamedTuple

from soat.lint.context import Context, DocContext
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Severity
from soat.lint.document import Block, Document
from soat.lint.rule import Example, Rule
from soat.vi.furniture import (
    COUNTER_ONLY_RE,
    FurnitureMatch,
    find_field_label,
    has_field_label_word,
    match_furniture,
    phrase_table,
)

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


class Options(NamedTuple):
    """BPL001's options (`[rules.BPL001]`): the site's own furniture lines, besides the
    built-in ones (soat/data/boilerplate.toml)."""

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
            match = match_furniture(block.text, table, nfc=True)
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


def _line_starts(doc: Document, block: Block) -> list[int]:
    """Offsets in the block's text where a source line starts (the reader joins lines): after
    a space of the text that stands for source text holding a line break."""
    text, view, source = block.text, block.nfc, doc.source
    starts = [0]
    for space in _SPACE_RE.finditer(text, 0, len(text) - 1):
        i = space.start()
        written = source[view.starts[i] : view.ends[i]]
        if "\n" in written or "\r" in written:
            starts.append(i + 1)
    return starts


_SPACE_RE = re.compile(r"\s")  # str.isspace, one character (tests/rules/test_fast_paths.py)


def field_label_findings(doc: Document) -> Iterator[Diagnostic]:
    """A scraper's field label at the start of a line ("Title: …", "Author:" alone): the
    label goes, the line's content stays. Unsafe: a label word may begin a real sentence."""
    for block in doc.blocks:
        text = block.text
        if ":" not in text or not _may_be_furniture(block) or not has_field_label_word(text):
            continue
        starts = _line_starts(doc, block)
        for k, line_start in enumerate(starts):
            line_end = starts[k + 1] if k + 1 < len(starts) else len(text)
            label = find_field_label(text[line_start:line_end].rstrip())
            if label is None:
                continue
            start, end = block.span(line_start + label.start, line_start + label.end)
            alone = line_start + label.content >= len(text[:line_end].rstrip())
            if alone and len(starts) == 1:
                cut = doc.block_deletion(block)
            elif alone and k + 1 < len(starts):
                cut = block.span(line_start, line_end)
            else:
                cut = block.span(line_start + label.start, line_start + label.content)
            yield Diagnostic(
                Msg(
                    f'Nhãn trường "{label.label}:" của công cụ thu thập còn ở đầu dòng; nên xóa',
                    f'A scraper\'s field label "{label.label}:" at the start of a line; delete it',
                ),
                start,
                end,
                fix=Fix.unsafe(cut[0], cut[1]),
            )


def check(ctx: Context[Options]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    options = ctx.options
    yield from field_label_findings(doc)
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
        fix = Fix.of(applicability, del_start, del_end)
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
        "không an toàn khi chỉ khớp lúc bỏ dấu hoặc theo phần đầu dòng. Dòng chỉ gồm nhãn "
        'khung bình luận/chia sẻ, số đếm và tên báo ("Bình luận (0) Báo Lao Động điện tử", '
        '"0 bình luận | Chia sẻ") bị báo (xóa không an toàn); nhãn trường của công cụ thu thập '
        'ở đầu dòng ("Title:", "Content:", "Sapo:", "Author:" hay "Ảnh minh họa:" đứng một '
        'mình) bị báo, chỉ xóa nhãn (không an toàn). Dòng "Nguồn: …", '
        '"Tác giả: …" không bao giờ bị xóa tự động. Thêm cụm từ bằng '
        "[rules.BPL001] extend-phrases.",
        "A block whose whole text is page furniture from the built-in list (case- and "
        'tone-insensitive): "Có thể bạn quan tâm", "Phản hồi", "Bình luận (0)", '
        '"Tags: …", "Xem thêm: …", "Bản quyền thuộc về …". A phrase inside a sentence is '
        "never reported. Safe fix (delete the line) when the line equals a known phrase "
        "ignoring case; unsafe when it matches only without tone marks or by its start. "
        'A line made only of comment/share labels, counters and outlet names ("Bình luận (0) '
        'Báo Lao Động điện tử", "0 bình luận | Chia sẻ") is reported (unsafe delete); a '
        'scraper\'s field label at the start of a line ("Title:", "Content:", "Sapo:", '
        '"Author:" or "Ảnh minh họa:" alone) is reported and only the label deleted (unsafe). '
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
        Example(
            "Title: Tổng kết năm 2023\nContent: Hội nghị tổng kết đã diễn ra.\n\n0 bình luận | Chia sẻ"
        ),
    ),
    good=(
        Example(
            "Đoàn viên nếu muốn xem thêm các tấm gương tiêu biểu có thể truy cập "
            "trang của Công đoàn.\n\nẢnh: Ngọc Anh"
        ),
    ),
    fixes=frozenset({Applicability.SAFE, Applicability.UNSAFE}),
    options=Options,
)
