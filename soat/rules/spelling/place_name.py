"""SPL003 place-name — địa danh viết gần đúng một địa danh trong danh mục.

Sau "tỉnh", "thành phố", "TP.", "huyện", "quận", "thị xã", "điểm cầu" (và trong danh sách
liệt kê sau chúng), một tên viết hoa gần giống một địa danh có trong danh mục nhưng không
trùng tên nào ("Lai Cai" → "Lào Cai", "Đắc Lắk" → "Đắk Lắk") là một lỗi. Tên đúng và từ không
phải địa danh không bao giờ bị báo. Tên các tỉnh đã hợp nhất ngày 1/7/2025 vẫn đúng khi nói về
thời gian trước đó: chỉ báo ở mức info (nêu đơn vị mới), không coi là lỗi chính tả.

After a place word, a capitalised name that nearly matches a place in the data (one typing
slip on the name without diacritics, or the same letters with different marks) but is no
known place is reported. Sửa không an toàn (unsafe): the name may be a place the data lacks.
Communes ("xã", "phường", "thị trấn") are not in the data, so their names are not checked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from types import MappingProxyType
from typing import Any

from soat.knowledge.indexes import COMMUNE as _COMMUNE
from soat.knowledge.indexes import DISTRICT as _DISTRICT
from soat.knowledge.indexes import PROVINCIAL as _PROVINCIAL
from soat.knowledge.indexes import PlaceIndex, place_index
from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Edit, Fix, Msg, Severity
from soat.lint.rule import Example, NoOptions, Rule
from soat.vi.places import (
    FOREIGN_COUNTRY_WORDS,
    FOREIGN_PLACE_NAMES,
    looks_like_person,
    loose_key,
    place_key,
    same_onsets,
    syllable_count,
)

MERGER_DATE = dt.date(2025, 7, 1)
_MARKS_ONLY = "marks-only"  # after "tại", "ở": only a province written with other marks
# Which level of place each context word names.
_CONTEXT_LEVELS = MappingProxyType(
    {
        "tỉnh": (_PROVINCIAL,),
        "thành phố": (_PROVINCIAL, _DISTRICT),
        "tp": (_PROVINCIAL, _DISTRICT),
        "điểm cầu": (_PROVINCIAL, _DISTRICT),
        "huyện": (_DISTRICT,),
        "quận": (_DISTRICT,),
        "thị xã": (_DISTRICT,),
        "xã": (_COMMUNE,),
        "phường": (_COMMUNE,),
        "thị trấn": (_COMMUNE,),
        "tại": (_MARKS_ONLY,),
        "ở": (_MARKS_ONLY,),
    }
)
# Searched in the lower-cased text (a case-insensitive alternation is several times slower);
# the original spelling is checked afterwards.
_CONTEXT_RE = re.compile(
    r"(?:t(?:ỉnh|hành phố|hị xã|hị trấn|ại|p)|điểm cầu|huyện|quận|xã|phường|ở)"
    r"(?=[ \u00a0.]+[^\W\d_])"
)
_CONTEXT_SEP_RE = re.compile(r"[ \u00a0]+")
_TP_SEP_RE = re.compile(r"\.?[ \u00a0]*")
_WORD_RE = re.compile(r"[^\W\d_]\w*")
_WORD_SEP_RE = re.compile(r"[ \u00a0](?=\w)|[ \u00a0]?[-\u2013][ \u00a0]?(?=\w)")
_LIST_SEP_RE = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*(?:và[ \u00a0]+)?|và[ \u00a0]+)")
_FORMER_RE = re.compile(r"[ \u00a0]*(?:\([ \u00a0]*(?:cũ|nay|trước)|cũ\b)")
# A sentence that tells the merger story already names the change.
_MERGER_STORY_RE = re.compile(r"(?i:sáp nhập|hợp nhất|trước đây|nay là|nay thuộc|\bcũ\b)")
_SPACED_DASH_RE = re.compile(r"[ \u00a0][-\u2013\u2014][ \u00a0]")
_MAX_WORDS = 6
# "các tỉnh Bình Dương, Đồng Nai và Long An": only a plural place word starts a list.
_PLURAL_BEFORE_RE = re.compile(
    r"(?<![^\W_])(?i:các|những|nhiều|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|\d+)[ \u00a0]+$"
)
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)[ \u00a0]+$")
_LOOK_BACK = 24  # characters before a context word that the checks above read
_COUNTRY_RE = re.compile(
    r"(?<![^\W_])(?:"
    + "|".join(re.escape(c) for c in FOREIGN_COUNTRY_WORDS)
    + r"|Lào(?![ \u00a0]+Cai))(?![^\W_])"
)
_SENTENCE_END_RE = re.compile(r"[.!?;]+(?:\s|$)")
_FOREIGN_KEYS = frozenset(place_key(name) for name in FOREIGN_PLACE_NAMES)


def _name_words(text: str, pos: int) -> list[tuple[int, int]]:
    """The capitalised words of a name starting at `pos` ("Bà Rịa - Vũng Tàu": 4 words)."""
    words: list[Any] = []
    m = _WORD_RE.match(text, pos)
    while m and m.group()[0].isupper() and len(words) < _MAX_WORDS:
        words.append(m.span())
        sep = _WORD_SEP_RE.match(text, m.end())
        if not sep:
            break
        m = _WORD_RE.match(text, sep.end())
    return words


def _near_matches(candidate: str, levels: tuple[str, ...], index: PlaceIndex) -> list[str]:
    """Place names one slip away from `candidate` (on the letters without diacritics)."""
    from rapidfuzz.distance import Levenshtein

    loose = loose_key(candidate)
    syllables = syllable_count(candidate)
    full = place_key(candidate)
    marks_only = levels == (_MARKS_ONLY,)
    scored = []
    lengths = (len(loose),) if marks_only else (len(loose) - 1, len(loose), len(loose) + 1)
    for length in lengths:
        for target in index.near.get((syllables, length), ()):
            if marks_only:
                if target.level != _PROVINCIAL or target.loose != loose:
                    continue
            elif target.level not in levels:
                continue
            distance = Levenshtein.distance(loose, target.loose, score_cutoff=1)
            if distance <= 1 and (marks_only or same_onsets(candidate, target.name)):
                detail = Levenshtein.distance(full, target.key)
                scored.append((distance, detail, target.name))
    if not scored:
        return []
    best = min(scored)[:2]
    return sorted({name for d, dd, name in scored if (d, dd) == best})


def _unit_label(place) -> tuple[str, str]:
    if place is None:
        return "", ""
    if place.kind == "thành phố":
        return f"Thành phố {place.name}", f"{place.name} City"
    return f"tỉnh {place.name}", f"{place.name} Province"


def _former_province(entries, context: str, levels) -> object | None:
    """The merged-away provincial unit a name in this context stands for, if any."""
    if _PROVINCIAL not in levels:
        return None
    for place in entries:
        if place.parent is not None:
            continue
        if place.until is None:
            return None  # the name is (also) a current unit
        if place.merged_into and (
            context in ("điểm cầu", "list") or (context == "tỉnh") == (place.kind == "tỉnh")
        ):
            return place
    return None


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    knowledge = ctx.knowledge
    if not knowledge.places:
        return
    index = ctx.index(place_index)
    date = doc.date
    report_former = date is None or date >= MERGER_DATE
    former_reported: set[str] = set()
    for block in doc.blocks:
        text = block.text
        lowered = text.lower()
        if len(lowered) != len(text):  # a character whose lower case is longer ("İ")
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        seen: set[int] = set()
        for context_match in _CONTEXT_RE.finditer(lowered):
            start, end = context_match.span()
            if start and text[start - 1].isalnum():
                continue  # inside a word
            word = text[start:end]
            context = word.lower()
            if context == "tp":
                if word not in ("TP", "Tp"):
                    continue
                sep = _TP_SEP_RE.match(text, end)
                pos = sep.end() if sep else end
            else:
                sep = _CONTEXT_SEP_RE.match(text, end)
                if not sep:
                    continue
                pos = sep.end()
            levels = _CONTEXT_LEVELS[context]
            window = max(0, start - _LOOK_BACK)
            if _COMMUNE in levels or _inside_a_name(text, word, window, start):
                continue
            in_list = bool(_PLURAL_BEFORE_RE.search(text, window, start))
            while True:
                words = _name_words(text, pos)
                if not words or words[0][0] in seen:
                    break
                seen.add(words[0][0])
                yield from _examine(
                    doc, block, text, words, context, levels, index, report_former, former_reported
                )
                sep = _LIST_SEP_RE.match(text, words[-1][1])
                if not sep or not in_list:
                    break
                pos, context = sep.end(), ("list" if context in ("tỉnh", "điểm cầu") else context)


def _inside_a_name(text: str, word: str, window: int, start: int) -> bool:
    """ "Bà Huyện Thanh Quan" (a street): a capitalised place word inside a longer name."""
    if not word[0].isupper() or word.isupper():
        return False
    before = _WORD_BEFORE_RE.search(text, window, start)
    return before is not None and before.group(1)[0].isupper() and not before.group(1).isupper()


def _sentence(text: str, start: int, end: int) -> str:
    begin = 0
    for m in _SENTENCE_END_RE.finditer(text, max(0, start - 400), start):
        begin = m.end()
    stop = _SENTENCE_END_RE.search(text, end)
    return text[begin : stop.start() if stop else len(text)]


def _examine(doc, block, text, words, context, levels, index, report_former, former_reported):
    for k in range(len(words), 0, -1):
        start, end = words[0][0], words[k - 1][1]
        key = place_key(text[start:end])
        if key in _FOREIGN_KEYS:
            return
        entries = index.exact.get(key)
        if entries:
            former = _former_province(entries, context, levels)
            if (
                former is not None
                and report_former
                and former.name not in former_reported
                and not _FORMER_RE.match(text, end)
                and not _MERGER_STORY_RE.search(_sentence(text, start, end))
            ):
                former_reported.add(former.name)
                yield _former_diagnostic(block, text, start, end, former, index)
            return
    # Not a known name: compare the whole run (up to a spaced dash) with the data.
    start = words[0][0]
    end = words[-1][1]
    dash = _SPACED_DASH_RE.search(text, start, end)
    if dash:
        end = dash.start()
    candidate = text[start:end]
    names = [text[s:e] for s, e in words if e <= end]
    if not 2 <= len(names) <= 4 or looks_like_person(names):
        return
    matches = _near_matches(candidate, levels, index)
    if not matches or _COUNTRY_RE.search(_sentence(text, start, end)):
        return
    src_start, src_end = block.span(start, end)
    if len(matches) == 1:
        (name,) = matches
        yield Diagnostic(
            Msg(
                f"Địa danh “{candidate}” không có trong danh mục; có phải “{name}”?",
                f"“{candidate}” is not a known place; did you mean “{name}”?",
            ),
            src_start,
            src_end,
            fix=Fix.replace(
                Msg(f"Sửa thành “{name}”", f"Replace with “{name}”"),
                src_start,
                src_end,
                name,
                Applicability.UNSAFE,
            ),
        )
        return
    listed = ", ".join(f"“{n}”" for n in matches)
    yield Diagnostic(
        Msg(
            f"Địa danh “{candidate}” không có trong danh mục; có phải {listed}?",
            f"“{candidate}” is not a known place; did you mean {listed}?",
        ),
        src_start,
        src_end,
        suggestions=tuple(
            Fix(
                Msg(f"Sửa thành “{n}”", f"Replace with “{n}”"),
                (Edit(src_start, src_end, n),),
                Applicability.SUGGESTION,
            )
            for n in matches
        ),
    )


def _former_diagnostic(block, text, start, end, former, index) -> Diagnostic:
    new_vi, new_en = _unit_label(index.provincial.get(former.merged_into))
    if not new_vi:
        new_vi = new_en = former.merged_into
    day = former.until + dt.timedelta(days=1)
    src_start, src_end = block.span(start, end)
    return Diagnostic(
        Msg(
            f"“{former.name}” đã hợp nhất vào {new_vi} từ {day.day}/{day.month}/{day.year}; "
            f"tên cũ chỉ đúng khi nói về thời gian trước đó",
            f"“{former.name}” was merged into {new_en} on {day.isoformat()}; the former name "
            f"is right only for events before that date",
        ),
        src_start,
        src_end,
        severity=Severity.INFO,
    )


RULE = Rule(
    code="SPL003",
    name="place-name",
    summary=Msg(
        "Địa danh viết gần đúng một địa danh trong danh mục",
        "A place name that nearly matches a known place",
    ),
    explanation=Msg(
        "Sau “tỉnh”, “thành phố”, “TP.”, “huyện”, “quận”, “thị xã”, “điểm cầu” và trong danh "
        "sách liệt kê sau chúng, một tên viết hoa gần giống một địa danh trong danh mục (34 "
        "tỉnh, thành phố từ 1/7/2025, 63 tỉnh, thành phố trước đó, các quận, huyện, thị xã, "
        "thành phố thuộc tỉnh) mà không trùng tên nào được báo kèm tên đúng. Sửa không an toàn: "
        "có thể là địa danh mà danh mục chưa có. Tên các tỉnh đã hợp nhất ngày 1/7/2025 chỉ được "
        "nhắc ở mức info (nêu đơn vị mới), trừ khi bài viết trước ngày đó hoặc ghi “(cũ)”. Tên "
        "xã, phường, thị trấn không được kiểm tra.",
        "After a place word (“tỉnh”, “thành phố”, “TP.”, “huyện”, “quận”, “thị xã”, “điểm "
        "cầu”) and in a list that follows one, a capitalised name that nearly matches a place in "
        "the data (the 34 provincial units from 1 July 2025, the 63 before, the district-level "
        "units) but is no known place is reported with the likely name. Unsafe fix: the data may "
        "lack the place. Provinces merged on 1 July 2025 are mentioned at info only (naming the "
        "unit they now belong to), unless the article predates the merger or says “(cũ)”. "
        "Commune names are not checked.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(
        Example("Hội nghị có các điểm cầu Hải Phòng, Lai Cai và Cần Thơ."),
        Example("Đoàn công tác làm việc tại tỉnh Đắc Lắk."),
    ),
    good=(
        Example("Hội nghị có các điểm cầu Hải Phòng, Lào Cai và Cần Thơ."),
        Example("Chủ tịch LĐLĐ thành phố Hải Phòng Nguyễn Anh Tuân phát biểu."),
    ),
    fixes=frozenset({"unsafe", "suggestion"}),
    options=NoOptions,
)
