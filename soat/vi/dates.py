"""Dates and weekday phrases in Vietnamese prose.

Pure functions: find dates with their written style (numeric "12/6/2021", "12-6-2021",
"12.6.2021", long "ngày 12 tháng 6 năm 2021"), decide whether a day/month without a year is
a date at all, and find weekday phrases ("thứ Hai", "thứ 2", "Chủ nhật", "CN") attached to a
date. Offsets are code-point offsets into the text given.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import datetime as dt
import re
from collections.abc import Iterator
from typing import NamedTuple

# Holidays written as a day and a month are names ("1-5", "2-9", "30-4"), not a date style.
HOLIDAYS = frozenset(
    {
        (1, 1),
        (3, 2),
        (8, 3),
        (26, 3),
        (30, 4),
        (1, 5),
        (7, 5),
        (19, 5),
        (1, 6),
        (27, 7),
        (28, 7),
        (19, 8),
        (2, 9),
        (20, 10),
        (20, 11),
        (22, 12),
    }
)

# The look-behinds sit after the first digit ("\d(?<!\w\d)" is "(?<!\w)\d"): a pattern
# that starts with a character set is scanned for it in C, 2x faster than trying a
# look-behind at every position.
_NUMERIC_RE = re.compile(
    r"(\d(?<![\w/.\-–]\d)\d?)([/.\-])(\d{1,2})(?:\2(\d{4}))?(?![\w/]|[.\-–]\d)"
)
# No run of spaces that two quantifiers could share: "\s*,?\s+" tried every split of a long
# run of spaces (20,000 spaces after "1 tháng 1" took 79 s); in "\s+|\s*,\s+" each run is
# followed by what it cannot match, so a failed match gives each run back in one pass.
_LONG_RE = re.compile(
    r"(\d(?<!\w\d)\d?)(\s+)(tháng)(\s+)(\d{1,2})(\s+|\s*,\s+)(năm|tháng)(\s+)(\d{4})(?!\d)",
    re.IGNORECASE,
)
_LONG_CUE_RE = re.compile(r"(?:ngày|hôm)\s*$", re.IGNORECASE)
# What every match of `_NUMERIC_RE` ("12/6": a digit, a separator, a digit) and of `_LONG_RE`
# ("12 tháng": a digit, spaces, "tháng") holds from the last digit of its day: a text without
# it has no date, found with one scan instead of two (five blocks in six have none).
_DATE_HINT_RE = re.compile(r"\d(?:[/.\-]\d|\s+tháng)", re.IGNORECASE)
# Words after which a day/month without a year is a date: strong cues name a day ("ngày",
# a weekday); weak ones (a time of day, "từ") also introduce ranges and times ("từ 5-15 năm",
# "sáng 9.30"), so after them only a day/month that exists is taken for a date.
_STRONG_CUE_RE = re.compile(
    r"(?<!\w)(?:ngày|hôm|mùng|mồng|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|CN)"
    r"(?:\s+(?:nay|qua|mai|này|mùng|mồng))?\s*[,(]?\s*$",
    re.IGNORECASE,
)
_WEAK_CUE_RE = re.compile(
    r"(?<!\w)(?:sáng|trưa|chiều|tối|đêm|khuya|rạng\s+sáng|từ)"
    r"(?:\s+(?:nay|qua|mai|này|ngày))?\s*[,(]?\s*$",
    re.IGNORECASE,
)
_RANGE_AFTER_RE = re.compile(
    r"\s*(?:%|năm|tháng|tuần|ngày|giờ|phút|tuổi|người|lần|m|km|cm|mm|kg|tấn|tỷ|triệu|nghìn|"
    r"ngàn|độ|cơn|ha|hecta|học|điểm|bàn|cái|chiếc|con|căn|lượt|vụ|ca|xe|tầng)(?!\w)|\s*[°º%]",
    re.IGNORECASE,
)
_DECIMAL_RANGE_RE = re.compile(r"\s*(?:[-–]|đến|tới)\s*\d")
_RANGE_CUE_RE = re.compile(r"(?:đến|tới|và|-|–)\s*(?:ngày\s+)?$", re.IGNORECASE)
# A number before which a day/month is an address or a count: "số 31/4", "hẻm 30/2".
_ADDRESS_RE = re.compile(r"(?<!\w)(?:số|hẻm|ngõ|ngách|kiệt|kiệt|nhà|lô|phòng)\s*$", re.IGNORECASE)


class DateMention(NamedTuple):
    """A date as written. `year` is None for a day/month written without one."""

    start: int
    end: int
    day: int
    month: int
    year: int | None
    form: str  # "numeric" | "long"
    separator: str  # "/", "-", "." for numeric dates; "" for the long form
    day_text: str
    month_text: str
    keyword: str = "năm"  # the word before the year in the long form ("tháng" is an error)
    keyword_start: int = -1
    holiday: bool = False

    @property
    def exists(self) -> bool:
        return is_valid_date(self.day, self.month, self.year)

    @property
    def day_padded(self) -> bool:
        return len(self.day_text) == 2 and self.day_text[0] == "0"

    @property
    def month_padded(self) -> bool:
        return len(self.month_text) == 2 and self.month_text[0] == "0"

    def as_date(self) -> dt.date | None:
        if self.year is None or not self.exists:
            return None
        return dt.date(self.year, self.month, self.day)


def is_leap_year(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(month: int, year: int | None) -> int:
    """Days in `month`; February has 29 when the year is unknown."""
    if month == 2:
        return 29 if year is None or is_leap_year(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def is_valid_date(day: int, month: int, year: int | None = None) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    if year is not None and not 1 <= year <= 9999:
        return False
    return day <= days_in_month(month, year)


def _pad(n: int, padded: bool) -> str:
    return f"{n:02d}" if padded else str(n)


def format_date(
    day: int,
    month: int,
    year: int | None,
    *,
    form: str = "numeric",
    separator: str = "/",
    pad_day: bool = False,
    pad_month: bool = False,
) -> str:
    """A date written in the given style: "5/3/2020", "05.03.2020", "5 tháng 3 năm 2020"."""
    d, m = _pad(day, pad_day), _pad(month, pad_month)
    if form == "long":
        return f"{d} tháng {m}" + (f" năm {year}" if year is not None else "")
    return separator.join([d, m] + ([str(year)] if year is not None else []))


def nd30_padding(day: int, month: int) -> tuple[bool, bool]:
    """Nghị định 30/2020 style: a leading zero for days below 10 and months 1 and 2."""
    return day < 10, month < 3


def _cue(text: str, start: int, previous_end: int | None) -> str:
    """ "strong", "weak" or "" for the words before a day/month without a year."""
    before = text[max(0, start - 40) : start]
    if _STRONG_CUE_RE.search(before):
        return "strong"
    if _WEAK_CUE_RE.search(before):
        return "weak"
    # "ngày 1/3 đến 5/3", "ngày 2/9 và 3/9": a range or list right after a date.
    if (
        previous_end is not None
        and start - previous_end <= 12
        and _RANGE_CUE_RE.search(text[previous_end:start])
    ):
        return "weak"
    return ""


def find_dates(text: str) -> list[DateMention]:
    """Every date in `text`, in order. Day/months without a year need a date cue before them."""
    found: list[DateMention] = []
    if _DATE_HINT_RE.search(text) is None:
        return found
    taken: list[tuple[int, int]] = []
    for m in _LONG_RE.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        if not _LONG_CUE_RE.search(before):
            continue
        day, month, year = int(m.group(1)), int(m.group(5)), int(m.group(9))
        found.append(
            DateMention(
                m.start(),
                m.end(),
                day,
                month,
                year,
                "long",
                "",
                m.group(1),
                m.group(5),
                keyword=m.group(7),
                keyword_start=m.start(7),
            )
        )
        taken.append(m.span())
    previous_end: int | None = None
    for m in _NUMERIC_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        day, sep, month = int(m.group(1)), m.group(2), int(m.group(3))
        year = int(m.group(4)) if m.group(4) else None  # type: ignore[assignment]
        if year is not None and not 1000 <= year <= 2999:
            continue
        before = text[max(0, m.start() - 12) : m.start()]
        if _ADDRESS_RE.search(before):
            continue
        if year is None:
            cue = _cue(text, m.start(), previous_end)
            if not cue:
                continue
            if (cue == "weak" or sep == ".") and not is_valid_date(day, month):
                continue  # "từ 5-15 năm", "sáng 9.30": a range or a time of day
            if cue == "weak" and (
                _RANGE_AFTER_RE.match(text, m.end())
                or (sep == "." and _DECIMAL_RANGE_RE.match(text, m.end()))
            ):
                continue  # "từ 3-5 tháng", "từ 15.8 - 18.8ºC": amounts, not dates
        holiday = year is None and (day, month) in HOLIDAYS
        found.append(
            DateMention(
                m.start(),
                m.end(),
                day,
                month,
                year,
                "numeric",
                sep,
                m.group(1),
                m.group(3),
                holiday=holiday,
            )
        )
        previous_end = m.end()
    found.sort(key=lambda d: d.start)
    return found


# --- weekdays ----------------------------------------------------------------------------

WEEKDAY_NAMES = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
_WEEKDAY_WORDS = {
    "hai": 0,
    "ba": 1,
    "tư": 2,
    "năm": 3,
    "sáu": 4,
    "bảy": 5,
    "2": 0,
    "3": 1,
    "4": 2,
    "5": 3,
    "6": 4,
    "7": 5,
}
_WEEKDAY_RE = re.compile(
    r"(?<!\w)(?:(thứ)\s+(hai|ba|tư|năm|sáu|bảy|[2-7])|(chủ\s+nhật)|(CN))(?!\w)",
    re.IGNORECASE,
)
# Nouns after which "thứ hai", "thứ ba" … are ordinals (the second time, the third term).
_ORDINAL_NOUNS = frozenset(
    """
    lần kỳ khóa khoá đợt phiên lượt vòng hạng giải năm ngày tuần tháng người số đời thế hệ
    bậc lớp tầng mục điều khoản chương phần cấp thời đoạn trận hiệp ván ván set bài nhóm
    quý hội nghị họp đại hội buổi chặng hàng loại đứng xếp về nhì tập kì
""".split()
)


class WeekdayMention(NamedTuple):
    start: int
    end: int
    weekday: int  # 0 = Monday … 6 = Sunday, as datetime.date.weekday()
    text: str


def _may_name_a_weekday(text: str) -> bool:
    """Whether `_WEEKDAY_RE` may match: it compares letters as `str.lower` does, so its words
    are in the lower-cased text (a few substring tests instead of a regex scan)."""
    low = text.lower()
    return "thứ" in low or ("chủ" in low and "nhật" in low) or "cn" in low


def _weekday_matches(text: str, low: str) -> Iterator[re.Match[str]]:
    """`_WEEKDAY_RE.finditer(text)`, tried only where `low` (the lower case of `text`, as long
    as it) has the first word of a weekday phrase: a match starts with "thứ", "chủ" or "cn"
    in any case, which the lower case holds at the same place (tests/rules/
    test_ttl_fast_paths.py). The expression starts with a look-behind, so a scan tries it at
    every character; here it is tried at a few."""
    starts = sorted(at for word in ("thứ", "chủ", "cn") for at in _occurrences(low, word))
    end = 0
    for at in starts:
        if at < end:
            continue  # inside the previous match, where the scan does not look
        m = _WEEKDAY_RE.match(text, at)
        if m is not None:
            end = m.end()
            yield m


def _occurrences(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def find_weekdays(text: str) -> list[WeekdayMention]:
    """Weekday phrases ("thứ Hai", "thứ 2", "Chủ nhật", "CN"), ordinals left out."""
    out: list[WeekdayMention] = []
    low = text.lower()
    if not ("thứ" in low or ("chủ" in low and "nhật" in low) or "cn" in low):
        return out  # (`_may_name_a_weekday`)
    found = _weekday_matches(text, low) if len(low) == len(text) else _WEEKDAY_RE.finditer(text)
    for m in found:
        if m.group(4) and m.group(4) != "CN":
            continue  # "cn" in lowercase is not the abbreviation
        if m.group(1):
            prev = re.search(r"(\w+)\s*$", text[max(0, m.start() - 20) : m.start()])
            if prev and prev.group(1).casefold() in _ORDINAL_NOUNS:
                continue
            weekday = _WEEKDAY_WORDS[m.group(2).casefold()]
        else:
            weekday = 6
        out.append(WeekdayMention(m.start(), m.end(), weekday, m.group()))
    return out


_BEFORE_GAP_RE = re.compile(r"^\s*[,(]?\s*(?:ngày\s+|mùng\s+|mồng\s+)?$", re.IGNORECASE)
_AFTER_GAP_RE = re.compile(r"^\s*[,(]\s*(?:ngày\s+)?$|^\s+$")


class WeekdayDate(NamedTuple):
    weekday: WeekdayMention
    date: DateMention


def attach_weekdays(text: str, dates: list[DateMention] | None = None) -> list[WeekdayDate]:
    """Weekday phrases right before a date ("thứ Ba, ngày 17/2/2025") or right after it
    ("ngày 17/2/2025 (thứ Hai)")."""
    dates = find_dates(text) if dates is None else dates
    out = []
    for w in find_weekdays(text):
        match = None
        for d in dates:
            if d.start >= w.end and _BEFORE_GAP_RE.match(text[w.end : d.start]):
                match = d
                break
            if d.end <= w.start and _AFTER_GAP_RE.match(text[d.end : w.start]):
                match = d
        if match is not None:
            out.append(WeekdayDate(w, match))
    return out


def weekday_of(day: int, month: int, year: int) -> int | None:
    if not is_valid_date(day, month, year):
        return None
    return dt.date(year, month, day).weekday()


def iter_date_values(mentions: list[DateMention]) -> Iterator[dt.date]:
    for d in mentions:
        value = d.as_date()
        if value is not None:
            yield value


def weekday_text(weekday: int, like: str) -> str:
    """The name of `weekday` written the way `like` is ("thứ 3" → "thứ 2", "Thứ ba" → "Thứ hai")."""
    if weekday == 6:
        if like == "CN":
            return "CN"
        last = like.split()[-1] if like.split() else ""
        return "chủ nhật" if last.isalpha() and last.islower() else "Chủ nhật"
    m = re.match(r"(thứ)(\s+)(\S+)", like, re.IGNORECASE)
    if m is None:  # "Chủ nhật"/"CN" written where another day was meant
        return WEEKDAY_NAMES[weekday] if like != "CN" else f"T{weekday + 2}"
    word = m.group(3)
    if word.isdigit():
        new = str(weekday + 2)
    else:
        new = WEEKDAY_NAMES[weekday].split()[1]
        if word.islower():
            new = new.lower()
        elif word.isupper() and len(word) > 1:
            new = new.upper()
    return f"{m.group(1)}{m.group(2)}{new}"


# "18.11.1930 - 18.11.2025", "1/9/2024 – 5/9/2024": two dates joined by a dash only.
_PAIR_JOIN_RE = re.compile(r"\s*[-–—]\s*")


def paired_dates(text: str, dates: list[DateMention]) -> set[int]:
    """Indexes in `dates` of dates written as a pair joined by a dash.

    A range ("1/9 - 5/9/2024") or an anniversary pair ("18.11.1930 - 18.11.2025") is written
    as one label, often in a banner's own style, so its two dates go together.
    """
    paired: set[int] = set()
    for i in range(len(dates) - 1):
        first, second = dates[i], dates[i + 1]
        if first.form == second.form == "numeric" and _PAIR_JOIN_RE.fullmatch(
            text, first.end, second.start
        ):
            paired.update((i, i + 1))
    return paired
