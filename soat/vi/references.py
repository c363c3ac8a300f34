"""Citations of official documents: "Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị
về “…”".

A citation is a number-and-symbol (see `doc_symbols`) with, when the text gives them, the
type word before it, the date after it ("ngày D/M/YYYY" in any style, or the long form), the
issuer ("của Bộ Chính trị") and the title ("về “…”" or "về …" up to the clause end). Each part
carries its span. `tail` is the rest of the clause, where quoted names the document gives (a
movement, a programme) are found. Pure functions; offsets are code-point offsets.

Type words and codes: `doc_types`; comparing parts with a registry entry: `citation_matching`.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import functools
import re
from typing import NamedTuple

from soat.vi.dates import DateMention, find_dates
from soat.vi.doc_symbols import Symbol, candidates, find_symbols
from soat.vi.doc_types import TYPE_WORDS, dictionary_form
from soat.vi.text import QUOTE_PAIRS

# The largest patterns are compiled on first use (functions below): most blocks have no
# document symbol, and a run that meets none never needs them.


@functools.lru_cache(maxsize=1)
def _type_re() -> re.Pattern[str]:
    return re.compile(
        r"(?<!\w)(" + "|".join(re.escape(w) for w in TYPE_WORDS) + r")"
        r"(?:\s+(?:số|Số|số:|Số:))?\s*$",
        re.IGNORECASE,
    )


# "ngày …", "ban hành ngày …", and "được (Quốc hội khóa XV) thông qua/ban hành/ký ngày …": the
# day the document was made. "có hiệu lực từ ngày …" (the day it took effect) is not matched.
@functools.lru_cache(maxsize=1)
def _date_lead_re() -> re.Pattern[str]:
    return re.compile(
        r"\s*,?\s*(?:\(\s*)?"
        r"(?:(?:đã\s+)?được\s+(?:[^\W\d_][\w-]*\s+|[IVXLC]+\s+){0,7}?"
        r"(?:thông qua|ban hành|ký ban hành|ký)\s+(?:tại\s+[Kk]ỳ họp\s+thứ\s+\w+\s*,?\s*)?"
        r"(?:vào\s+)?|ban hành\s+|ký\s+)?"
        r"(?:ngày|Ngày)\s+"
    )


_OF_RE = re.compile(r"\s*,?\s*(?:\)\s*)?của\s+")
_ABOUT_RE = re.compile(r"\s*,?\s*(?:\)\s*)?[vV]ề\s+(?:việc\s+)?")
_ISSUER_WORD_RE = re.compile(r"[^\W\d_]+|[IVXLC]+\b|\d{1,2}\b|-|–")
# Lowercase words inside organisation names that may stand between capitalised words.
_ISSUER_CONNECTORS = frozenset(
    """
    và tỉnh thành phố huyện quận thị xã phường lần thứ khóa khoá hai ba tư năm sáu bảy tám
    chín mười một nhân dân
""".split()
)
_ISSUER_NAME_LOWER = frozenset({"nhân", "dân"})


@functools.lru_cache(maxsize=1)
def _issuer_stop_re() -> re.Pattern[str]:
    return re.compile(
        r"(?:về|ban hành|phê duyệt|hướng dẫn|triển khai|thực hiện|quy định|sửa đổi|bổ sung|"
        r"tại|trong|đối với|nhằm|đã|là)(?!\w)",
        re.IGNORECASE,
    )


_CLAUSE_END_RE = re.compile(r"[;.!?(\n]|\s[-–]\s|…|\.\.\.")


class Part(NamedTuple):
    start: int
    end: int
    text: str


class Citation(NamedTuple):
    symbol: Symbol
    type_word: Part | None = None  # as written ("nghị quyết"); see `doc_type`
    date: DateMention | None = None
    issuer: Part | None = None
    title: Part | None = None  # without "về" and without the quotes
    title_quoted: bool = False
    quotes: tuple[Part, ...] = ()  # quoted names in the rest of the clause (title included)
    start: int = 0
    end: int = 0

    @property
    def doc_type(self) -> str | None:
        """The type word in its dictionary form ("Nghị quyết"), or None."""
        if self.type_word is None:
            return None
        return dictionary_form(self.type_word.text)


def _type_before(text: str, pos: int) -> Part | None:
    m = _type_re().search(text[max(0, pos - 40) : pos])
    if not m:
        return None
    base = max(0, pos - 40)
    return Part(base + m.start(1), base + m.end(1), m.group(1))


def _issuer(text: str, pos: int, limit: int) -> Part | None:
    """The issuer after "của": capitalised words, the lowercase syllable that completes one
    ("Chính trị", "Thủ tướng") and the few connectors org names use ("và", "tỉnh", "khóa")."""
    end = pos
    i = pos
    prev = ""
    while i < limit:
        m = _ISSUER_WORD_RE.match(text, i)
        if not m or m.end() > limit:
            break
        w = m.group()
        if prev and _issuer_stop_re().match(text, i) and not (w[0].isupper() and w != "Về"):
            break
        if w == "và" and _next_is_document(text, m.end(), limit):
            break  # "của Tổng Liên đoàn và Kết luận số …": the next citation starts
        if w in "-–":
            kind = "conn"
        elif w[0].isupper() or w[0].isdigit():
            kind = "cap"
            end = m.end()
        elif prev and w in _ISSUER_CONNECTORS:
            kind = "conn"
            if w in _ISSUER_NAME_LOWER:
                end = m.end()
        elif prev == "cap":
            kind = "lower"
            end = m.end()
        else:
            break
        prev = kind
        i = m.end()
        sp = re.match(r"[ \t]+", text[i:limit])
        if not sp:
            break
        i += sp.end()
    if end == pos:
        return None
    return Part(pos, end, text[pos:end])


@functools.lru_cache(maxsize=1)
def _type_ahead_re() -> re.Pattern[str]:
    return re.compile(
        r"\s+(?:các\s+|những\s+)?(?:" + "|".join(re.escape(w) for w in TYPE_WORDS) + r")(?!\w)",
        re.IGNORECASE,
    )


_SYMBOL_AHEAD_RE = re.compile(r"\s+(?:số\s+)?\d+[-/]")


def _next_is_document(text: str, pos: int, limit: int) -> bool:
    """Whether a document reference (a type word or a number-and-symbol) starts at `pos`."""
    return bool(
        _type_ahead_re().match(text, pos, limit) or _SYMBOL_AHEAD_RE.match(text, pos, limit)
    )


def _quoted(text: str, pos: int, limit: int) -> Part | None:
    if pos < limit and text[pos] in QUOTE_PAIRS:
        close = text.find(QUOTE_PAIRS[text[pos]], pos + 1, limit)
        if close > pos + 1:
            return Part(pos + 1, close, text[pos + 1 : close])
    return None


def _clause_end(text: str, pos: int, limit: int) -> int:
    """End of the clause that starts at `pos`: quotes are skipped over whole."""
    i = pos
    while i < limit:
        c = text[i]
        if c in QUOTE_PAIRS:
            close = text.find(QUOTE_PAIRS[c], i + 1, limit)
            if close > i:
                i = close + 1
                continue
        m = _CLAUSE_END_RE.match(text, i)
        if m and not (c == "." and i + 1 < limit and text[i + 1].isdigit()):
            return i
        i += 1
    return limit


def find_citations(text: str) -> list[Citation]:
    """Every document citation in `text`, in order."""
    text_nfc = text  # callers pass NFC text; offsets are into it as given
    spans = candidates(text_nfc)
    if not spans:
        return []  # most blocks: not even a candidate symbol (one regex scan)
    starts = frozenset(s for s, _e in spans if _type_before(text_nfc, s) is not None)
    symbols = find_symbols(text_nfc, starts)
    if not symbols:
        return []  # most blocks: no symbol, no citation (and no need for their dates)
    dates = find_dates(text_nfc)
    out = []
    for k, sym in enumerate(symbols):
        limit = symbols[k + 1].start if k + 1 < len(symbols) else len(text_nfc)
        type_part = _type_before(text_nfc, sym.start)
        if type_part is not None:
            # A type word far before, with another symbol in between, is not this one's.
            prev_end = symbols[k - 1].end if k else -1
            if type_part.start < prev_end:
                type_part = None
        pos = sym.end
        date = None
        m = _date_lead_re().match(text_nfc, pos)
        if m:
            date = next((d for d in dates if d.start == m.end() and d.year is not None), None)
            if date is not None:
                pos = date.end
                close = re.match(r"\s*\)", text_nfc[pos:limit])
                if close and "(" in text_nfc[sym.end : date.start]:
                    pos += close.end()
        issuer = None
        m = _OF_RE.match(text_nfc, pos)
        if m and m.end() < limit:
            issuer = _issuer(text_nfc, m.end(), limit)
            if issuer is not None:
                pos = issuer.end
        title, quoted = None, False
        m = _ABOUT_RE.match(text_nfc, pos)
        if m and m.end() < limit:
            q = _quoted(text_nfc, m.end(), limit)
            if q is not None:
                title, quoted = q, True
            else:
                end = _clause_end(text_nfc, m.end(), limit)
                seg = text_nfc[m.end() : end].rstrip(" ,:")
                if seg:
                    title = Part(m.end(), m.end() + len(seg), seg)
        clause_end = _clause_end(text_nfc, sym.end, limit)
        if title is not None and title.end > clause_end:
            clause_end = title.end
        quotes = tuple(_quotes_in(text_nfc, sym.end, clause_end))
        out.append(
            Citation(
                sym,
                type_part,
                date,
                issuer,
                title,
                quoted,
                quotes,
                type_part.start if type_part else sym.start,
                max(
                    sym.end,
                    title.end + (1 if quoted else 0) if title else 0,
                    issuer.end if issuer else 0,
                    date.end if date else 0,
                ),
            )
        )
    return out


def _quotes_in(text: str, start: int, end: int):
    i = start
    while i < end:
        c = text[i]
        if c in QUOTE_PAIRS:
            close = text.find(QUOTE_PAIRS[c], i + 1, end + 1)
            if close > i + 1:
                yield Part(i + 1, close, text[i + 1 : close])
                i = close + 1
                continue
            break
        i += 1
