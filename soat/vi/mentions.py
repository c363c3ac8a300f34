"""Person mentions in union news: a name with its title and organisation.

Nhận diện người được nhắc đến: họ tên, chức danh, cơ quan. The forms found:
  - title + organisation + name: "Phó Chủ tịch Tổng LĐLĐ Việt Nam Ngọ Duy Hiểu";
  - apposition: "Ngọ Duy Hiểu - Phó Chủ tịch Tổng LĐLĐ Việt Nam", "đồng chí Nguyễn Văn A,
    Chủ tịch LĐLĐ tỉnh X", with further titles after a comma ("…, Trưởng Ban Tuyên giáo").
Titles inside quotation marks (titles of documents, slogans), titles after "các"/"những"
(several people) and body names ("Đoàn Chủ tịch", "Ban Giám đốc") are not mentions. A title
with no name ("Trưởng Ban Tuyên giáo cũng trao đổi") is a `TitleHit` only. Pure functions.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import re
from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate, islice
from typing import NamedTuple

from soat.vi.names import is_common_surname, is_name_syllable, looks_like_name
from soat.vi.text import quoted_spans
from soat.vi.titles import (
    MODIFIERS,
    TitleForm,
    is_title_start,
    longest_title,
    match_title,
    may_hold_a_title_word,
    starts_with_a_title,
    title_start_offsets,
)

_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_TOKEN_SPLIT_RE = re.compile(f"({_TOKEN_RE.pattern})")
_NOT_A_PERSON_BEFORE = {"đoàn", "ban", "các", "những", "vị", "hai", "ba", "bốn", "năm"}
_CUES = {"ông", "bà", "anh", "chị", "đồng chí", "đ/c", "cô", "thầy"}
# Lower-case words that may stand inside an organisation's name between capitalised ones.
_ORG_CONNECTORS = {
    "tỉnh",
    "thành",
    "phố",
    "huyện",
    "quận",
    "xã",
    "phường",
    "thị",
    "trấn",
    "ngành",
    "cơ",
    "sở",
    "và",
    "nhân",
    "dân",
    "khu",
    "công",
    "nghiệp",
    "chế",
    "xuất",
    "ty",
    "cổ",
    "phần",
    "trung",
    "ương",
    "đoàn",
    "hội",
    "viện",
    "trường",
    "đặc",
}
_APPOSITION_SEPARATORS = {"-", "–", "—", ","}


class TitleHit(NamedTuple):
    """A title from the lexicon as written in the text (block-relative offsets)."""

    start: int
    end: int
    written: str
    form: TitleForm
    department: str | None = None  # "Tuyên giáo" in "Trưởng Ban Tuyên giáo"
    modifier: str | None = None
    attached: bool = False  # followed by an organisation or a name, or after a name

    @property
    def official(self) -> str:
        return self.form.official + (f" {self.department}" if self.department else "")

    @property
    def base(self) -> str:
        return self.form.base + (f" {self.department.casefold()}" if self.department else "")

    @property
    def rank(self) -> str:
        return self.form.rank


class Mention(NamedTuple):
    """A person with one title (block-relative offsets)."""

    name: str
    name_start: int
    name_end: int
    title: TitleHit
    org: str | None = None
    org_start: int = 0
    org_end: int = 0
    form: str = "title-name"  # or "apposition"


class MentionContext:
    """What the caller knows: organisation names (any case), place names, person names.

    Built once per knowledge (soat/knowledge/indexes.py) and stored with it; never changed.
    (A plain class: a frozen dataclass costs a cold start ~4 M instructions to create.)"""

    __slots__ = ("known_names", "place_names", "_orgs")

    def __init__(
        self,
        org_names: Iterable[str] = (),
        place_names: Iterable[str] = (),
        known_names: Iterable[str] = frozenset(),
    ) -> None:
        self.known_names = frozenset(known_names)
        self.place_names = frozenset(place_names)
        # The words of each organisation name, case-folded, by first word, longest first.
        index: dict[str, list[tuple[str, ...]]] = {}
        for name in org_names:
            words = tuple(w.casefold() for w in _TOKEN_RE.findall(name))
            if words:
                index.setdefault(words[0], []).append(words)
        for v in index.values():
            v.sort(key=len, reverse=True)
        self._orgs = index

    def org_at(self, words: list[str], i: int) -> int:
        """Number of tokens of the longest known organisation name at words[i:] (0 if none)."""
        if i >= len(words):
            return 0
        for cand in self._orgs.get(words[i].casefold(), ()):
            n = len(cand)
            if len(words) - i >= n and all(
                w.casefold() == c for w, c in zip(words[i : i + n], cand, strict=False)
            ):
                return n
        return 0


class _Block:
    def __init__(self, text: str, ctx: MentionContext) -> None:
        self.text = text
        self.ctx = ctx
        # Split at the tokens: spaces and tokens in turn, their lengths give the offsets.
        parts = _TOKEN_SPLIT_RE.split(text)
        bounds = list(accumulate(map(len, parts), initial=0))
        self.words = parts[1::2]
        self.starts = bounds[1::2][: len(self.words)]
        self.ends = bounds[2::2]
        self.quoted = quoted_spans(text)

    def after(self, hit: TitleHit) -> int:
        """The index of the token after `hit` (which starts and ends with a token: the number
        of tokens of `hit.written` after the index of its first)."""
        return bisect_left(self.starts, hit.end)

    def in_quotes(self, offset: int) -> bool:
        return bool(self.quoted) and any(s < offset < e for s, e in self.quoted)

    def is_word(self, k: int) -> bool:
        return 0 <= k < len(self.words) and self.words[k][0].isalpha()

    def cap(self, k: int) -> bool:
        return 0 <= k < len(self.words) and is_name_syllable(self.words[k])

    def acronym(self, k: int) -> bool:
        w = self.words[k] if 0 <= k < len(self.words) else ""
        return len(w) >= 2 and w.isalpha() and w.isupper()

    def lower(self, k: int) -> bool:
        return self.is_word(k) and self.words[k].islower()

    def joined(self, i: int, j: int) -> str:
        return self.text[self.starts[i] : self.ends[j - 1]]

    def prev_folded(self, i: int) -> str:
        return self.words[i - 1].casefold() if i > 0 else ""

    # --- names ------------------------------------------------------------------------------

    def name_in_run(self, a: int, b: int) -> int | None:
        """Start of the person name that ends a capitalised run words[a:b], or None."""
        known = self.ctx.known_names
        for k in (4, 3, 2):
            s = b - k
            if s < a:
                continue
            syllables = self.words[s:b]
            if not looks_like_name(syllables, known):
                continue
            full = " ".join(syllables)
            if full in self.ctx.place_names:
                return None
            if s > a and full not in known:
                # "Lâm Đồng Nguyễn Văn A": a place's last syllable is not a surname here.
                if any(
                    " ".join(self.words[p : s + 1]) in self.ctx.place_names
                    for p in range(max(a, s - 3), s)
                ):
                    continue
                if (
                    k == 4
                    and not is_common_surname(syllables[0])
                    and is_common_surname(syllables[1])
                ):
                    continue
            return s
        return None

    # --- titles -----------------------------------------------------------------------------

    def title_at(self, i: int) -> TitleHit | None:
        form = match_title(self.words, i)
        if form is None or self.in_quotes(self.starts[i]):
            return None
        prev = self.prev_folded(i)
        if prev in _NOT_A_PERSON_BEFORE:
            return None
        for back in (1, 2):
            longer = match_title(self.words, i - back) if i >= back else None
            if longer is not None and len(longer.words) > back:
                return None  # part of a longer title that was rejected ("các Phó Trưởng Ban")
        j = i + len(form.words)
        department = None
        if form.words[-1].casefold() == "ban":
            j, department = self.department_at(j)
        modifier = prev if prev in MODIFIERS else None
        return TitleHit(
            self.starts[i], self.ends[j - 1], self.joined(i, j), form, department, modifier
        )

    def department_at(self, j: int) -> tuple[int, str | None]:
        """ "Tuyên giáo", "Chính sách - Pháp luật", "Quan hệ lao động" after "Ban"."""
        n = self.ctx.org_at(["Ban", *self.words[j : j + 8]], 0)
        if n > 1:
            # A known department: take its words up to the organisation that follows it.
            end = j + n - 1
            k = j
            while k < end and not (k > j and self.cap(k) and self.ctx.org_at(self.words, k)):
                k += 1
            return k, self.joined(j, k)
        if not self.cap(j):
            return j, None
        k = j + 1
        if self.lower(k):
            k += 1
        if k + 1 < len(self.words) and self.words[k] in ("-", "–") and self.cap(k + 1):
            k += 2
            if self.lower(k):
                k += 1
        return k, self.joined(j, k)

    def org_and_name(self, j: int, want_name: bool) -> tuple[int, int | None, int | None]:
        """After a title at j: (end of the organisation, name start, name end)."""
        words = self.words
        n = self.ctx.org_at(words, j)
        if n:
            e = j + n
            b = e
            while self.cap(b):
                b += 1
            if want_name and b > e and self.name_in_run(e, b) == e:
                return e, e, b
        k, lc_run, last = j, 0, j
        while k < len(words) and k - j < 16:
            if self.in_quotes(self.starts[k]):
                break
            if self.cap(k):
                a = k
                while self.cap(k):
                    k += 1
                if (
                    want_name
                    and (s := self.name_in_run(a, k)) is not None
                    and not self.cap(k)
                    and not self.acronym(k)
                ):
                    return s, s, k
                last, lc_run = k, 0
                continue
            if self.acronym(k):
                k += 1
                last, lc_run = k, 0
                continue
            w = words[k]
            if w in ("-", "–") and (self.cap(k + 1) or self.acronym(k + 1)):
                k += 1
                continue
            if w == "." and k > j and words[k - 1].casefold() == "tp":
                k += 1
                continue
            if self.lower(k):
                if w in _ORG_CONNECTORS:
                    k += 1
                    continue
                if lc_run < 2 and (self.cap(k - 1) or self.lower(k - 1) and lc_run):
                    k += 1
                    lc_run += 1
                    continue
            break
        return last, None, None

    def name_before(self, sep: int) -> int | None:
        """Start of a name that ends just before words[sep] (an apposition), or None."""
        b = sep
        a = b
        while a > 0 and self.cap(a - 1):
            a -= 1
        if a == b:
            return None
        s = self.name_in_run(a, b)
        if s is None or self.in_quotes(self.starts[s]):
            return None
        before = self.prev_folded(s)
        two = f"{self.words[s - 2].casefold()} {before}" if s >= 2 else ""
        cued = before in _CUES or two in _CUES
        if self.words[sep] == ",":
            at_start = s == 0 or self.words[s - 1] in (":", ";", ".")
            if not (cued or (at_start and is_common_surname(self.words[s]))):
                return None
        return s


def title_offsets(text: str) -> list[int]:
    """The `title_start_offsets` of `text` when a lexicon title (`match_title`) starts at
    one of them, else []. Tried only in a text that holds a title's word
    (`may_hold_a_title_word`: three blocks in four have none), at the words the title-start
    regex finds, on the few tokens from there (most blocks that hold a title's first word,
    "bộ" or "vụ", hold no title)."""
    if not may_hold_a_title_word(text):
        return []
    longest = longest_title()
    offsets = title_start_offsets(text)
    for offset in offsets:
        tokens = [m.group() for m in islice(_TOKEN_RE.finditer(text, offset), longest)]
        if starts_with_a_title(tokens):
            return offsets
    return []


def has_a_title(text: str) -> bool:
    """Whether a lexicon title (`match_title`) starts at any word of `text`."""
    return bool(title_offsets(text))


def find_title_hits_and_mentions(
    text: str, ctx: MentionContext, offsets: list[int] | None = None
) -> tuple[list[TitleHit], list[Mention]]:
    """Every title from the lexicon in one block of text, and the person mentions.
    `offsets`: the block's `title_offsets` when already found, or its `title_start_offsets`
    (the same hits and mentions: `title_offsets` leaves them out only when no title starts
    at any of them)."""
    if offsets is None:
        offsets = title_offsets(text)
    if not offsets:
        return [], []  # every mention hangs on a title, and there is none here
    block = _Block(text, ctx)
    words = block.words
    # The words where a title may start (title_at(i) is None at every other index): each
    # offset found starts a word token.
    starts = [
        k for k in (bisect_left(block.starts, o) for o in offsets) if is_title_start(words[k])
    ]
    hits: list[TitleHit] = []
    mentions: list[Mention] = []
    i = 0
    while i < len(words):
        at = bisect_left(starts, i)
        if at == len(starts):
            break
        i = starts[at]
        hit = block.title_at(i)
        if hit is None:
            i += 1
            continue
        j = block.after(hit)
        appositive = None
        if i >= 2 and words[i - 1] in _APPOSITION_SEPARATORS:
            appositive = block.name_before(i - 1)
        org_end, name_start, name_end = block.org_and_name(
            j, want_name=appositive is None or words[i - 1] == ","
        )
        org = block.joined(j, org_end) if org_end > j else None
        org_span = (block.starts[j], block.ends[org_end - 1]) if org else (0, 0)
        if name_start is not None:
            assert name_end is not None  # a name has both ends
            if name_start > j:
                org_end = name_start
                org = block.joined(j, org_end)
                org_span = (block.starts[j], block.ends[org_end - 1])
            else:
                org, org_span = None, (0, 0)
            hit = _attached(hit)
            hits.append(hit)
            mentions.append(
                Mention(
                    block.joined(name_start, name_end),
                    block.starts[name_start],
                    block.ends[name_end - 1],
                    hit,
                    org,
                    *org_span,
                )
            )
            i = name_end
            continue
        if appositive is not None:
            name = block.joined(appositive, i - 1)
            person = (name, block.starts[appositive], block.ends[i - 2])
            hit = _attached(hit)
            hits.append(hit)
            mentions.append(Mention(*person, hit, org, *org_span, form="apposition"))
            k = org_end
            # Further titles of the same person: "…, Trưởng Ban Tuyên giáo".
            while k + 1 < len(words) and words[k] == "," and (more := block.title_at(k + 1)):
                jj = block.after(more)
                oe, _, _ = block.org_and_name(jj, want_name=False)
                o = block.joined(jj, oe) if oe > jj else None
                span = (block.starts[jj], block.ends[oe - 1]) if o else (0, 0)
                more = _attached(more)
                hits.append(more)
                mentions.append(Mention(*person, more, o, *span, form="apposition"))
                k = max(oe, jj)
            i = max(k, i + 1)
            continue
        if org is not None:
            hit = _attached(hit)
        hits.append(hit)
        i = max(j, i + 1)
    return hits, mentions


def _attached(hit: TitleHit) -> TitleHit:
    return TitleHit(hit.start, hit.end, hit.written, hit.form, hit.department, hit.modifier, True)
