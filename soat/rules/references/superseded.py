"""REF006 superseded-document — A cited document has been replaced.

Looks at: citations of registry documents with `replaced-by`, at the article's date (front
matter `date`, else today), and the sentence around them (`is_historical`).
Does not: speak when the sentence is about the past, cites the successor, or the replacement is
unconfirmed.
Data: the registry's `replaced-by` and in-force dates.
Fix: none — the writer may mean the old document; the finding is `info`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from soat.knowledge import DocumentEntry, Knowledge
from soat.lint.context import Context
from soat.lint.diagnostic import Diagnostic, Msg, Severity
from soat.lint.rule import Example, NoOptions, Rule
from soat.rules.references.citations import document_citations, fmt_date, registry_entry

# Words that put a mention in the past or next to its successor: a writer who uses them knows.
_HISTORICAL_RE = re.compile(
    r"(?<!\w)(?:trước đây|trước đó|trước kia|thời điểm đó|khi đó|lúc đó|đã được thay thế|"
    r"được thay thế|thay thế|hết hiệu lực|không còn hiệu lực|bãi bỏ|cũ|kế thừa|so với|"
    r"sửa đổi|từng|tổng kết|lịch sử|ra đời)(?!\w)",
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"[.!?;\n](?=\s|$)")


def successor(entry: DocumentEntry, knowledge: Knowledge) -> DocumentEntry | None:
    """The registered document that replaced `entry`, when a source confirms the replacement."""
    if not entry.replaced_by or not entry.verified("replaced-by"):
        return None
    found = knowledge.documents_by_symbol(entry.replaced_by)
    return found[0] if len(found) == 1 else None


def in_force_from(entry: DocumentEntry) -> dt.date | None:
    """The day a document took effect: its `in-force` date (a confirmed one only)."""
    if entry.in_force is not None and entry.verified("in-force"):
        return entry.in_force
    return None


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds [start, end)."""
    before = [m.end() for m in _SENTENCE_END_RE.finditer(text, 0, start)]
    after = _SENTENCE_END_RE.search(text, end)
    return text[before[-1] if before else 0 : after.start() if after else len(text)]


def is_historical(sentence: str, successor_number: str) -> bool:
    """Whether a sentence plainly speaks of the old document as old."""
    if successor_number.casefold() in sentence.casefold():
        return True
    return bool(_HISTORICAL_RE.search(sentence))


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    knowledge = ctx.knowledge
    today = doc.date or dt.date.today()
    for located in ctx.get(document_citations):
        c = located.citation
        entry = registry_entry(c, knowledge)
        if entry is None:
            continue
        new = successor(entry, knowledge)
        if new is None:
            continue
        since = in_force_from(new)
        if since is None or today < since:
            continue
        text = located.block.text
        if is_historical(sentence_around(text, c.start, c.end), new.number):
            continue
        start, end = located.span()
        old = c.symbol.canonical
        yield Diagnostic(
            Msg(
                f"{old} đã được thay thế bởi {new.number} (có hiệu lực từ {fmt_date(since)}); "
                f"nếu bài nói về quy định hiện hành, hãy dẫn {new.number}",
                f"{old} was replaced by {new.number} (in force from {fmt_date(since)}); if the "
                f"article means the rules in force, cite {new.number}",
            ),
            start,
            end,
        )


RULE = Rule(
    code="REF006",
    name="superseded-document",
    dated=True,  # an undated article is judged as of today
    summary=Msg("Dẫn văn bản đã được văn bản khác thay thế", "A cited document has been replaced"),
    explanation=Msg(
        "Khi sổ đăng ký ghi một văn bản đã được văn bản sau thay thế (`replaced-by`, có nguồn "
        "xác nhận) và văn bản thay thế đã có hiệu lực vào ngày của bài viết (trường `date` ở "
        "phần đầu bài, nếu không có thì hôm nay), bài dẫn văn bản cũ được nhắc bằng một thông "
        "tin (`info`) nêu văn bản mới. Không nhắc khi câu văn rõ ràng nói về quá khứ (“trước "
        "đây”, “đã được thay thế”, “hết hiệu lực”, “so với”…) hoặc nêu cả văn bản mới. Không có "
        "cách sửa: người viết quyết định.",
        "When the registry records that a later document replaced this one (`replaced-by`, "
        "confirmed by a source) and the successor was in force on the article's date (front "
        "matter `date`, else today), a citation of the old document gets an `info` naming the "
        "successor. Silent when the sentence plainly speaks of the past (“trước đây”, “đã được "
        "thay thế”, “hết hiệu lực”, “so với”, …) or cites the successor too. No fix: the writer "
        "decides.",
    ),
    severity=Severity.INFO,
    check=check,
    bad=(
        Example(
            "---\ndate: 2025-09-01\n---\n\nTheo Luật Công đoàn số 12/2012/QH13, doanh nghiệp "
            "đóng kinh phí công đoàn bằng 2% quỹ tiền lương.\n",
            format="md",
        ),
    ),
    good=(
        Example(
            "---\ndate: 2025-09-01\n---\n\nTheo Luật Công đoàn số 50/2024/QH15, doanh nghiệp "
            "đóng kinh phí công đoàn bằng 2% quỹ tiền lương.\n",
            format="md",
        ),
    ),
)
