"""Whether two wordings of a citation's parts name the same thing: issuers ("Bộ Chính trị"
and "Bộ Chính trị khóa XIII"), titles (quoted or not), and the Party term a date falls in.

So khớp các phần của một trích dẫn văn bản với sổ đăng ký: cơ quan ban hành, trích yếu,
nhiệm kỳ. Pure functions.
"""

from __future__ import annotations

import re
import unicodedata

from soat.vi.text import fold_case

_KHOA_RE = re.compile(r"\s+khó?a\s+[\wIVXLC]+$|\s+khoá\s+[\wIVXLC]+$")


def normalize_issuer(issuer: str) -> str:
    """NFC, case folding, "Đảng" and a trailing "khóa …" dropped (docs/architecture.md §9.4)."""
    s = fold_case(issuer)
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
    s = fold_case(title)
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
