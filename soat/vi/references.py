"""Citations of official documents: "Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị
về “…”".

A citation is a number-and-symbol (see `doc_symbols`) with, when the text gives them, the
type word before it, the date after it ("ngày D/M/YYYY" in any style, or the long form), the
issuer ("của Bộ Chính trị") and the title ("về “…”" or "về …" up to the clause end). Each part
carries its span. `tail` is the rest of the clause, where quoted names the document gives (a
movement, a programme) are found. Pure functions; offsets are code-point offsets.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from soat.vi.dates import DateMention, find_dates
from soat.vi.doc_symbols import (
    PARTY_TYPES,
    STATE_TYPES,
    Symbol,
    candidates,
    find_symbols,
)

# Type words, longest first so that "Thông tư liên tịch" wins over "Thông tư".
TYPE_WORDS = (
    "Thông tư liên tịch",
    "Nghị quyết liên tịch",
    "Chương trình phối hợp",
    "Chương trình hành động",
    "Nghị quyết",
    "Quyết định",
    "Chỉ thị",
    "Kết luận",
    "Quy định",
    "Hướng dẫn",
    "Kế hoạch",
    "Thông báo",
    "Thông tri",
    "Thông cáo",
    "Chương trình",
    "Công văn",
    "Công điện",
    "Thông tư",
    "Nghị định",
    "Bộ luật",
    "Luật",
    "Pháp lệnh",
    "Báo cáo",
    "Tờ trình",
    "Đề án",
    "Dự án",
    "Quy chế",
    "Phương án",
    "Văn bản",
    "Hợp đồng",
    "Lệnh",
)
GENERIC_TYPES = frozenset({"Văn bản", "Công văn"})
# Type word → the type codes it may carry, per family.
_STATE_CODES = {
    "Nghị quyết": {"NQ"},
    "Nghị quyết liên tịch": {"NQLT"},
    "Quyết định": {"QĐ", "QĐLT"},
    "Chỉ thị": {"CT"},
    "Quy chế": {"QC", "QĐ"},
    "Quy định": {"QyĐ", "QĐ"},
    "Thông cáo": {"TC"},
    "Thông báo": {"TB"},
    "Hướng dẫn": {"HD"},
    "Chương trình": {"CTr", "CTrPH", "CT"},
    "Chương trình phối hợp": {"CTr", "CTrPH", "CT"},
    "Chương trình hành động": {"CTr", "CT"},
    "Kế hoạch": {"KH"},
    "Phương án": {"PA"},
    "Đề án": {"ĐA"},
    "Dự án": {"DA"},
    "Báo cáo": {"BC"},
    "Tờ trình": {"TTr"},
    "Hợp đồng": {"HĐ"},
    "Công điện": {"CĐ"},
    "Thông tư": {"TT"},
    "Thông tư liên tịch": {"TTLT"},
    "Nghị định": {"NĐ"},
    "Pháp lệnh": {"PL"},
    "Kết luận": {"KL", "TB"},
    "Lệnh": {"L"},
}
_PARTY_CODES = {
    "Nghị quyết": {"NQ"},
    "Quyết định": {"QĐ"},
    "Quy định": {"QĐi", "QĐ", "QyĐ"},
    "Chỉ thị": {"CT"},
    "Kết luận": {"KL", "TB"},
    "Quy chế": {"QC"},
    "Báo cáo": {"BC"},
    "Chương trình": {"CTr"},
    "Chương trình hành động": {"CTr"},
    "Thông tri": {"TT"},
    "Tờ trình": {"TTr"},
    "Hướng dẫn": {"HD"},
    "Thông báo": {"TB"},
    "Kế hoạch": {"KH"},
    "Đề án": {"ĐA"},
    "Công văn": {"CV"},
    "Thông cáo": {"TC"},
}
# Type code → the type word a writer most likely meant.
_STATE_WORD = {
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "TTr": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "NĐ": "Nghị định",
    "PL": "Pháp lệnh",
    "KL": "Kết luận",
}
_PARTY_WORD = {
    "NQ": ("Nghị quyết",),
    "QĐ": ("Quyết định", "Quy định"),
    "QĐi": ("Quy định",),
    "CT": ("Chỉ thị",),
    "KL": ("Kết luận",),
    "QC": ("Quy chế",),
    "BC": ("Báo cáo",),
    "CTr": ("Chương trình",),
    "TT": ("Thông tri",),
    "TTr": ("Tờ trình",),
    "HD": ("Hướng dẫn",),
    "TB": ("Thông báo",),
    "KH": ("Kế hoạch",),
    "ĐA": ("Đề án",),
    "CV": ("Công văn",),
}

_TYPE_RE = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(w) for w in TYPE_WORDS) + r")"
    r"(?:\s+(?:số|Số|số:|Số:))?\s*$",
    re.IGNORECASE,
)
# "ngày …", "ban hành ngày …", and "được (Quốc hội khóa XV) thông qua/ban hành/ký ngày …": the
# day the document was made. "có hiệu lực từ ngày …" (the day it took effect) is not matched.
_DATE_LEAD_RE = re.compile(
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
_ISSUER_STOP_RE = re.compile(
    r"(?:về|ban hành|phê duyệt|hướng dẫn|triển khai|thực hiện|quy định|sửa đổi|bổ sung|"
    r"tại|trong|đối với|nhằm|đã|là)(?!\w)",
    re.IGNORECASE,
)
_QUOTES = {"“": "”", '"': '"', "«": "»", "‘": "’"}
_CLAUSE_END_RE = re.compile(r"[;.!?(\n]|\s[-–]\s|…|\.\.\.")


@dataclass(frozen=True)
class Part:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Citation:
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
        folded = self.type_word.text.casefold()
        return next((w for w in TYPE_WORDS if w.casefold() == folded), None)


# Types the Party does not issue: with a Party symbol they are always a mismatch.
_STATE_ONLY = frozenset(
    {
        "Thông tư",
        "Thông tư liên tịch",
        "Nghị định",
        "Luật",
        "Bộ luật",
        "Pháp lệnh",
        "Công điện",
        "Dự án",
        "Hợp đồng",
        "Lệnh",
        "Nghị quyết liên tịch",
    }
)


def allowed_codes(type_word: str, family: str) -> set[str] | None:
    """Type codes a type word may carry in a family; None when any code goes (Văn bản) or
    nothing is known."""
    if family == "party":
        if type_word in _STATE_ONLY:
            return set()
        return _PARTY_CODES.get(type_word)
    if type_word in GENERIC_TYPES:
        return None
    return _STATE_CODES.get(type_word)


def words_for_code(code: str, family: str) -> tuple[str, ...]:
    if family == "party":
        return _PARTY_WORD.get(code, ())
    word = _STATE_WORD.get(code)
    return (word,) if word else ()


def is_type_code(code: str | None, family: str) -> bool:
    return code is not None and code in (PARTY_TYPES if family == "party" else STATE_TYPES)


def _type_before(text: str, pos: int) -> Part | None:
    m = _TYPE_RE.search(text[max(0, pos - 40) : pos])
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
        if prev and _ISSUER_STOP_RE.match(text, i) and not (w[0].isupper() and w != "Về"):
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


_TYPE_AHEAD_RE = re.compile(
    r"\s+(?:các\s+|những\s+)?(?:" + "|".join(re.escape(w) for w in TYPE_WORDS) + r")(?!\w)",
    re.IGNORECASE,
)
_SYMBOL_AHEAD_RE = re.compile(r"\s+(?:số\s+)?\d+[-/]")


def _next_is_document(text: str, pos: int, limit: int) -> bool:
    """Whether a document reference (a type word or a number-and-symbol) starts at `pos`."""
    return bool(_TYPE_AHEAD_RE.match(text, pos, limit) or _SYMBOL_AHEAD_RE.match(text, pos, limit))


def _quoted(text: str, pos: int, limit: int) -> Part | None:
    if pos < limit and text[pos] in _QUOTES:
        close = text.find(_QUOTES[text[pos]], pos + 1, limit)
        if close > pos + 1:
            return Part(pos + 1, close, text[pos + 1 : close])
    return None


def _clause_end(text: str, pos: int, limit: int) -> int:
    """End of the clause that starts at `pos`: quotes are skipped over whole."""
    i = pos
    while i < limit:
        c = text[i]
        if c in _QUOTES:
            close = text.find(_QUOTES[c], i + 1, limit)
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
    starts = frozenset(m for m in _citation_starts(text_nfc))
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
        m = _DATE_LEAD_RE.match(text_nfc, pos)
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


def _citation_starts(text: str):
    """Offsets where a symbol may start right after a type word ("Nghị quyết số |")."""
    for s, _e in candidates(text):
        if _type_before(text, s) is not None:
            yield s


def _quotes_in(text: str, start: int, end: int):
    i = start
    while i < end:
        c = text[i]
        if c in _QUOTES:
            close = text.find(_QUOTES[c], i + 1, end + 1)
            if close > i + 1:
                yield Part(i + 1, close, text[i + 1 : close])
                i = close + 1
                continue
            break
        i += 1


# --- comparing parts ---------------------------------------------------------------------

_KHOA_RE = re.compile(r"\s+khó?a\s+[\wIVXLC]+$|\s+khoá\s+[\wIVXLC]+$")


def normalize_issuer(issuer: str) -> str:
    """NFC, case folding, "Đảng" and a trailing "khóa …" dropped (docs/architecture.md §9.4)."""
    s = unicodedata.normalize("NFC", issuer).casefold()
    s = s.replace("khoá", "khóa")
    s = re.sub(r"\s+khóa\s+\S+$", "", s.strip())
    s = re.sub(r"(?<!\w)đảng(?!\w)", " ", s)
    # "Hội nghị (lần thứ sáu) Ban Chấp hành Trung ương", "Hội nghị Trung ương 6": the meeting
    # of the body is the body.
    s = re.sub(r"^hội nghị\s+(?:lần thứ\s+\S+\s+)?", "", s.strip())
    s = re.sub(r"\s+(?:lần thứ\s+)?(?:\d+|[ivxlc]+)$", "", s.strip())
    return " ".join(s.split())


# The standing bodies of an organisation issue its documents: "Đoàn Chủ tịch Tổng Liên đoàn",
# "Ban Chấp hành Tổng Liên đoàn" and "Tổng Liên đoàn" name one issuer. Not the Party's centre:
# the Central Committee, the Politburo and the Secretariat are three different issuers.
_STANDING_BODY_RE = re.compile(r"^(?:đoàn chủ tịch|ban chấp hành|ban thường vụ|thường trực)\s+")
_NOT_AN_ORGANISATION = frozenset({"trung ương", "tw"})


def _organisation(normalized: str) -> str:
    """The organisation a normalised issuer belongs to: a standing body's name dropped."""
    rest = _STANDING_BODY_RE.sub("", normalized, count=1)
    return normalized if not rest or rest in _NOT_AN_ORGANISATION else rest


def issuers_agree(a: str, b: str, same_org=None) -> bool:
    """One contains the other after normalisation, both name one organisation, or one is a
    standing body (Đoàn Chủ tịch, Ban Chấp hành) of the organisation the other names."""
    na, nb = normalize_issuer(a), normalize_issuer(b)
    if not na or not nb or na in nb or nb in na:
        return True
    if same_org is not None and same_org(a, b):
        return True
    oa, ob = _organisation(na), _organisation(nb)
    if (oa, ob) != (na, nb):
        if oa in ob or ob in oa:
            return True
        if same_org is not None and same_org(oa, ob):
            return True
    return False


def normalize_title(title: str) -> str:
    """NFC, case folding, quotes and a leading "về" dropped, spaces collapsed, and each
    syllable's tone mark placed one way ("hài hoà" and "hài hòa" are the same words)."""
    s = unicodedata.normalize("NFC", title).casefold().strip()
    s = s.strip('“”"«»‘’ ')
    s = re.sub(r"^về\s+", "", s)
    return " ".join(_TONE_WORD_RE.sub(_one_tone_style, w) for w in s.split())


_TONE_WORD_RE = re.compile(r"[^\W\d_]+")


def _one_tone_style(m: re.Match) -> str:
    from soat.vi.syllables import place_tone

    return place_tone(m.group()) or m.group()


def title_similarity(cited: str, official: str, quoted: bool = True) -> tuple[float, int]:
    """Similarity (rapidfuzz ratio, 0–100) of a cited title to the official one, and how many
    characters of `cited` the comparison covers.

    A quoted title is compared whole. An unquoted one ("về …" up to the clause end) may run on
    past the title, so it is cut at the word boundary that matches the official title best.
    """
    from rapidfuzz import fuzz  # heavy: imported only when a title is compared

    target = normalize_title(official)
    if quoted:
        return fuzz.ratio(normalize_title(cited), target), len(cited)
    best, best_len = 0.0, len(cited)
    ends = [m.start() for m in re.finditer(r"\s", cited)] + [len(cited)]
    lead = len(cited) - len(cited.lstrip())
    for end in ends:
        piece = cited[lead:end].rstrip(" ,")
        if not piece:
            continue
        score = fuzz.ratio(normalize_title(piece), target)
        if score > best or (score == best and end < best_len):
            best, best_len = score, len(cited[:end].rstrip(" ,"))
    return best, best_len


def official_wording(official: str, as_written: str) -> str:
    """The official title or name spelled to replace `as_written`: a leading "Về" only if the
    article wrote one, and the article's initial capital kept."""
    text = unicodedata.normalize("NFC", official).strip()
    written = as_written.strip()
    if re.match(r"về\s", text, re.IGNORECASE) and not re.match(r"về\s", written, re.IGNORECASE):
        text = text[3:].lstrip()
    if written and text:
        first = text[0].upper() if written[0].isupper() else text[0].lower()
        text = first + text[1:]
    return text


# Opening days of the Party's national congresses: Central Committee documents are numbered
# anew in each term, so "20-NQ/TW" of 2008 and of 2017 are different documents.
PARTY_CONGRESSES = (
    (1996, 6, 28),
    (2001, 4, 19),
    (2006, 4, 18),
    (2011, 1, 12),
    (2016, 1, 20),
    (2021, 1, 25),
    (2026, 1, 19),
)


def party_term(day: int, month: int, year: int) -> int:
    """Index of the Central Committee term a date falls in (only comparisons are meaningful)."""
    return sum(1 for c in PARTY_CONGRESSES if (year, month, day) >= c)
