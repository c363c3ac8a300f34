"""CAP002 repeated-paragraph — A paragraph repeats, or nearly repeats, an earlier one.

Looks at: paragraphs of at least `min-words` words against every earlier one: rapidfuzz
`fuzz.ratio` on case-folded comparable text at or above `threshold`, then a word-level
difference (at most 2 one-word places).
Does not: compare list items, table cells, titles, headings, alt texts or credit lines, nor
pairs that differ in a number; leaves a repeat of the block right before to CAP001
(`duplicate_indexes`).
Data: options `min-words`, `threshold`.
Fix: unsafe — delete the later paragraph; which copy to keep needs a human.
"""

from __future__ import annotations

import bisect
import sys
import zlib
from collections import Counter
from collections.abc import Iterator, Mapping
from itertools import groupby
from typing import Any, NamedTuple

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Related, Severity
from soat.lint.document import Block, Document
from soat.lint.rule import Example, Rule
from soat.rules.captions.duplicate_caption import comparable_texts, duplicate_indexes
from soat.vi.text import CREDIT_WORDS, fold_case, is_folded_credit_line, words

COMPARED_KINDS = ("paragraph", "caption", "quote")
# Below this many words a paragraph may only repeat another exactly, up to case, spacing
# and punctuation: in a short line every word is a key word.
SHORT_WORDS = 20
# A longer paragraph may differ in this many places (a typo fixed, a word swapped for a
# synonym) and still be a repeat; rewording beyond that is the writer's choice (a lead
# restated in the body). A place is a run of at most CHANGE_SYLLABLES syllables replaced,
# added or dropped: a Vietnamese word has one or two syllables, so "chú trọng" → "quan tâm"
# is one change, not four changed syllables.
MAX_CHANGES = 2
CHANGE_SYLLABLES = 2
# Syllables of the later paragraph a repeat may change (what the index must allow for).
MAX_CHANGED_WORDS = MAX_CHANGES * CHANGE_SYLLABLES


class Options(NamedTuple):
    """CAP002's options (`[rules.CAP002]`): the shortest paragraph compared, in words, and
    the `fuzz.ratio` at which a paragraph repeats an earlier one."""

    min_words: int = 8
    threshold: float = 90.0


class _Entry:
    """A compared paragraph: its block, its case-folded text, and its words and index keys
    (found when first asked for: most paragraphs resemble no other, and never need them)."""

    __slots__ = ("block", "key", "_words", "_keys", "_ascii", "_counts")

    def __init__(self, block: Block, key: str) -> None:
        self.block = block
        self.key = key
        self._words: tuple[str, ...] | None = None
        self._keys: tuple[list[tuple], bool] | None = None
        self._ascii: bytes | None = None
        self._counts: dict[str, int] | None = None

    @property
    def counts(self) -> dict[str, int]:
        """How many times each character occurs in the key (`_Index.similar`)."""
        if self._counts is None:
            self._counts = Counter(self.key)
        return self._counts

    @property
    def ascii(self) -> bytes:
        """The ASCII characters of the key, in order (`_Index.similar`)."""
        if self._ascii is None:
            self._ascii = self.key.encode("ascii", "ignore")
        return self._ascii

    @property
    def words(self) -> tuple[str, ...]:
        if self._words is None:
            self._words = tuple(words(self.key))
        return self._words


def _word_difference(a: tuple[str, ...], b: tuple[str, ...]) -> list[str]:
    ca, cb = Counter(a), Counter(b)
    return list(((ca - cb) + (cb - ca)).elements())


def is_near_repeat(later: _Entry, earlier: _Entry, threshold: float) -> float | None:
    """The similarity score when `later` repeats `earlier`, else None."""
    from rapidfuzz import fuzz

    la, lb = len(later.key), len(earlier.key)
    if 200 * min(la, lb) / (la + lb) < threshold:
        return None  # fuzz.ratio cannot reach the threshold with lengths this different
    score = fuzz.ratio(later.key, earlier.key, score_cutoff=threshold)
    if not score:
        return None
    diff = _word_difference(later.words, earlier.words)
    if not diff:
        return score
    if any(any(c.isdigit() for c in w) for w in diff):
        return None  # different figures: a different fact, not a repeat
    if min(len(later.words), len(earlier.words)) < SHORT_WORDS:
        return None  # in a short line every word is a key word
    if len(diff) > 2 * MAX_CHANGED_WORDS or CREDIT_WORDS.intersection(diff):
        return None  # a reworded lead, or a caption reusing a sentence with its credit
    if len(diff) > 2 and _swaps(earlier.words, later.words) > MAX_CHANGES:
        return None  # more than a syllable changed: only whole words swapped still repeat
    return score


def _swaps(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """How many words `b` swaps for others in `a` ("chú trọng" → "quan tâm" is one), or
    more than MAX_CHANGES when `b` adds or drops words or rewrites a longer stretch: a
    lead restated in the body with a name or a phrase added is the writer's choice.
    Measured on clean/: swaps alone add 2 findings (a caption printed twice with another
    dash, and two parallel sentences "người cao tuổi" / "người khuyết tật"); counting
    added and dropped words as well would have added 3 more, all restated leads."""
    from difflib import SequenceMatcher

    swaps = 0
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag != "replace" or max(i2 - i1, j2 - j1) > CHANGE_SYLLABLES:
            return MAX_CHANGES + 1
        swaps += 1
    return swaps


class _Index:
    """The paragraphs seen so far, found by what a repeat must share with them.

    A repeat either has the same words (as a multiset), or, when both paragraphs are long,
    changes at most MAX_CHANGED_WORDS of its syllables, none with a digit. Split the words
    without a digit into MAX_CHANGED_WORDS + 1 groups by a hash: the changed words fall into
    at most MAX_CHANGED_WORDS groups, so a repeat has at least one group exactly as the
    earlier paragraph has it, and all its words with digits too. Looking up those keys finds every
    paragraph `is_near_repeat` can accept, without comparing all pairs (8,000 paragraphs took
    two minutes).
    """

    GROUPS = MAX_CHANGED_WORDS + 1

    def __init__(self, with_rapidfuzz: bool | None = None) -> None:
        # Whether `similar` rules pairs out with rapidfuzz or with character counts first
        # (None: rapidfuzz once the process has imported it; see `similar`).
        self.with_rapidfuzz = with_rapidfuzz
        self._rapidfuzz: tuple[Any, Any, Any] | None = None  # see `rapidfuzz`
        self.entries: list[_Entry] = []
        # The entries by the length of their keys (lengths, entry indexes), for rapidfuzz's
        # batch scan of the keys whose length allows the threshold
        self.by_length: tuple[list[int], list[int]] = ([], [])
        self.by_key: dict[tuple, list[int]] = {}
        self.long: list[int] = []  # long paragraphs, for the rare one with too few groups
        self.indexed = 0  # entries[:indexed] are in by_key and long
        self.group_of: dict[str, int] = {}  # a word's group, -1 for a word with a digit

    def rapidfuzz(self) -> tuple[Any, Any, Any]:
        """rapidfuzz's `fuzz.ratio`, `process.extract` and `Indel.distance`, imported when
        first needed (once per document, not once per paragraph)."""
        if self._rapidfuzz is None:
            from rapidfuzz import fuzz, process
            from rapidfuzz.distance import Indel

            self._rapidfuzz = (fuzz.ratio, process.extract, Indel.distance)
        return self._rapidfuzz

    def keys(self, words: tuple[str, ...]) -> tuple[list[tuple], bool]:
        """The lookup keys of a paragraph, and whether its groups cover a long one."""
        ordered = sorted(words)
        keys: list[tuple] = [("same", tuple(ordered))]
        if len(words) < SHORT_WORDS:
            return keys, True
        group_of = self.group_of
        for w in set(ordered).difference(group_of):
            group_of[w] = -1 if any(map(str.isdigit, w)) else zlib.crc32(w.encode()) % self.GROUPS
        group = group_of.__getitem__
        # A stable sort by group keeps each group's words in sorted order; -1: with a digit.
        groups = {g: tuple(ws) for g, ws in groupby(sorted(ordered, key=group), key=group)}
        numbers = groups.pop(-1, ())
        keys += [(g, groups[g], numbers) for g in range(self.GROUPS) if g in groups]
        return keys, len(keys) - 1 == self.GROUPS

    def keyed(self, entry: _Entry) -> tuple[list[tuple], bool]:
        """`keys` of an entry, computed once."""
        if entry._keys is None:
            entry._keys = self.keys(entry.words)
        return entry._keys

    def add(self, entry: _Entry) -> None:
        lengths, indexes = self.by_length
        at = bisect.bisect_right(lengths, len(entry.key))
        lengths.insert(at, len(entry.key))
        indexes.insert(at, len(self.entries))
        self.entries.append(entry)

    def _catch_up(self) -> None:
        """Put the entries added since the last lookup into the index."""
        for k in range(self.indexed, len(self.entries)):
            entry = self.entries[k]
            for key in self.keyed(entry)[0]:
                self.by_key.setdefault(key, []).append(k)
            if len(entry.words) >= SHORT_WORDS:
                self.long.append(k)
        self.indexed = len(self.entries)

    def candidates(self, entry: _Entry) -> list[_Entry]:
        """Earlier paragraphs `entry` may repeat, in document order."""
        self._catch_up()
        keys, covered = self.keyed(entry)
        found: set[int] = set()
        for key in keys:
            found.update(self.by_key.get(key, ()))
        if not covered:
            n = len(entry.words)
            found.update(
                k for k in self.long if abs(len(self.entries[k].words) - n) <= MAX_CHANGED_WORDS
            )
        return [self.entries[k] for k in sorted(found)]

    def offers(self, entry: _Entry, earlier: _Entry) -> bool:
        """Whether `candidates(entry)` holds `earlier`, found from the two alone."""
        keys, covered = self.keyed(entry)
        if not set(keys).isdisjoint(self.keyed(earlier)[0]):
            return True
        n = len(earlier.words)
        return not covered and n >= SHORT_WORDS and abs(n - len(entry.words)) <= MAX_CHANGED_WORDS

    def similar(self, entry: _Entry, threshold: float) -> list[_Entry]:
        """Earlier paragraphs whose `fuzz.ratio` with `entry` reaches `threshold` (what
        `is_near_repeat` asks first), in document order.

        The ratio is 100 × (1 − d / (sum of lengths)), d the insertions and deletions that
        turn one key into the other (`Indel.distance`). Deleting every non-ASCII character
        from both keys turns those edits into at most as many edits of what is left: a pair
        whose ASCII characters are more than `_max_distance` edits apart cannot reach the
        threshold. Their distance is a rapidfuzz pass on bytes (half the time of one on
        Vietnamese text, whose characters rapidfuzz looks up in a hash map); the few pairs
        that pass (486 of 67,260 on clean/) get `fuzz.ratio` itself.

        Importing rapidfuzz costs a process ~11 ms, more than a one-article run spends in
        this rule. Until the process has imported it, pairs are first ruled out by their
        characters' counts (`_near_counts`, a few microseconds a pair in Python): in 364
        of 400 clean/ articles no pair is left, and rapidfuzz is never imported for them.
        Both bounds are lower bounds of the same distance: the paragraphs found are the
        same (tests/rules/test_fast_paths.py)."""
        lengths, indexes = self.by_length
        n = len(entry.key)
        lo, hi = _length_range(n, threshold)
        first, last = bisect.bisect_left(lengths, lo), bisect.bisect_right(lengths, hi)
        if first >= last:
            return []
        with_rapidfuzz = self.with_rapidfuzz
        if with_rapidfuzz is None:
            with_rapidfuzz = "rapidfuzz" in sys.modules
        if with_rapidfuzz:
            near = self._near_ascii(entry, indexes[first:last], lengths[last - 1], threshold)
        else:
            near = self._near_counts(entry, indexes[first:last], threshold)
            if not near:
                return []
        ratio = self.rapidfuzz()[0]
        entries = self.entries
        return [
            entries[k]
            for k in sorted(near)
            if ratio(entry.key, entries[k].key, score_cutoff=threshold)
        ]

    def _near_ascii(
        self, entry: _Entry, others: list[int], longest: int, threshold: float
    ) -> list[int]:
        """The entries of `others` whose ASCII characters are few enough edits from
        `entry`'s for the threshold, by rapidfuzz on bytes."""
        _, extract, distance = self.rapidfuzz()
        entries = self.entries
        cutoff = _max_distance(len(entry.key) + longest, threshold)  # the longest pair's bound
        if len(others) == 1:  # a third of the scans: one call, without a batch's set-up
            k = others[0]
            d = distance(entry.ascii, entries[k].ascii, score_cutoff=cutoff)
            return [k] if d <= cutoff else []
        found = extract(
            entry.ascii,
            [entries[k].ascii for k in others],
            scorer=distance,
            score_cutoff=cutoff,
            limit=None,
        )
        return [others[j] for _, _, j in found]

    def _near_counts(self, entry: _Entry, others: list[int], threshold: float) -> list[int]:
        """The entries of `others` whose characters, counted, are few enough edits from
        `entry`'s for the threshold: each insertion or deletion changes one character's
        count by one, so the distance is at least the sum of the counts' differences,
        the two lengths less twice what the two have in common."""
        entries = self.entries
        n, mine = len(entry.key), entry.counts
        near = []
        for k in others:
            other = entries[k]
            theirs = other.counts
            common = sum([min(c, theirs.get(ch, 0)) for ch, c in mine.items()])
            m = len(other.key)
            if n + m - 2 * common <= _max_distance(n + m, threshold):
                near.append(k)
        return near


def _length_range(n: int, threshold: float) -> tuple[float, float]:
    """Lengths of a text whose `fuzz.ratio` with one of `n` characters may reach `threshold`:
    the ratio is 200 × (longest common subsequence) / (sum of lengths), at most 200 × the
    shorter length / the sum. Widened by a little, against rounding."""
    if threshold <= 0:
        return -1.0, float("inf")
    if threshold >= 200:
        return 1.0, 0.0  # no length: a ratio is at most 100
    return n * threshold / (200 - threshold) - 1e-6, n * (200 - threshold) / threshold + 1e-6


def _max_distance(total_length: int, threshold: float) -> int:
    """An `Indel.distance` that two texts of `total_length` characters in all cannot exceed
    and still reach `threshold` in `fuzz.ratio`: (1 − threshold / 100) × the length, and one
    more against rounding (the distance is a whole number)."""
    return int(max(0.0, 100 - threshold) * total_length / 100) + 1


# Up to this many earlier paragraphs, `find_repeats` compares a paragraph with each of them by
# `fuzz.ratio` in one rapidfuzz pass (about a microsecond a pair) and asks the index only about
# the few that pass; beyond, it looks the paragraph up in the index (tens of microseconds a
# paragraph for its keys, but not quadratic). Both give the same repeats.
SCAN_LIMIT = 64


def find_repeats(
    doc: Document,
    options: Options,
    skip: set[int],
    scan_limit: int = SCAN_LIMIT,
    texts: Mapping[int, str] | None = None,
) -> Iterator[tuple[Block, Block, float]]:
    """Paragraphs that repeat an earlier one; blocks in `skip` (CAP001's) are left alone
    (`texts`: CAP001's `comparable_texts`, when already found)."""
    seen = _Index()
    threshold = options.threshold
    for block in doc.blocks:
        if block.kind not in COMPARED_KINDS:
            continue
        folded = texts[block.index].casefold() if texts is not None else fold_case(block.text)
        entry = _Entry(block, folded)
        if is_folded_credit_line(entry.key):
            continue  # one credit under several photos is no repeat
        if block.index not in skip and seen.entries:
            if len(seen.entries) <= scan_limit:
                similar = seen.similar(entry, threshold)
                found = [e for e in similar if seen.offers(entry, e)] if similar else similar
            else:
                found = seen.candidates(entry)
            best: tuple[float, _Entry] | None = None
            if found and len(entry.words) >= options.min_words:
                for earlier in found:
                    score = is_near_repeat(entry, earlier, threshold)
                    if score is not None and (best is None or score > best[0]):
                        best = (score, earlier)
            if best is not None:
                yield block, best[1].block, best[0]
                continue  # a repeat is not an original for later paragraphs
        seen.add(entry)


def _trimmed_span(block: Block) -> tuple[int, int]:
    text = block.text
    lead = len(text) - len(text.lstrip())
    return block.span(lead, len(text.rstrip()))


def check(ctx: Context[Options]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    options = ctx.options
    skip, texts = ctx.get(duplicate_indexes), ctx.get(comparable_texts)
    for block, earlier, score in find_repeats(doc, options, skip, texts=texts):
        start, end = _trimmed_span(block)
        row = doc.line_index.rowcol(earlier.start)[0]
        same = score >= 100
        vi_how = "lặp lại nguyên văn" if same else f"gần như lặp lại ({score:.0f}%)"
        en_how = "repeats word for word" if same else f"nearly repeats ({score:.0f}%)"
        e_start, e_end = _trimmed_span(earlier)
        del_start, del_end = doc.block_deletion(block)
        yield Diagnostic(
            Msg(
                f"Đoạn văn {vi_how} đoạn ở dòng {row}", f"Paragraph {en_how} the one on line {row}"
            ),
            start,
            end,
            fix=Fix.unsafe(del_start, del_end),
            related=(Related(Msg("Đoạn văn trước đó", "The earlier paragraph"), e_start, e_end),),
        )


RULE = Rule(
    code="CAP002",
    name="repeated-paragraph",
    summary=Msg(
        "Đoạn văn lặp lại (hoặc gần như lặp lại) một đoạn trước đó",
        "A paragraph repeats, or nearly repeats, an earlier one",
    ),
    explanation=Msg(
        "Một đoạn văn có ít nhất `min-words` từ giống một đoạn trước đó ở bất kỳ đâu trong bài "
        "(độ giống rapidfuzz `fuzz.ratio` trên văn bản NFC, gộp khoảng trắng, không phân biệt "
        "hoa/thường, từ `threshold` trở lên). Hai đoạn khác nhau ở một con số không bị báo; đoạn "
        "ngắn (dưới 20 từ) chỉ bị báo khi trùng từng từ; đoạn dài hơn chỉ khi khác nhau không "
        "quá 2 chỗ, mỗi chỗ một từ (một hoặc hai âm tiết) được thay, thêm hay bớt — “được đặc "
        "biệt chú trọng” và “được đặc biệt quan tâm” là một chỗ (đoạn viết lại, thêm ý không bị "
        "coi là lặp). Không so mục danh sách, ô bảng, tiêu đề, đề mục hay lời mô tả ảnh. Sửa "
        "không an toàn: xóa đoạn sau. Khối chỉ lặp khối ngay trước nó do CAP001 báo.",
        "A paragraph of at least `min-words` words that is like an earlier one anywhere in the "
        "document (rapidfuzz `fuzz.ratio` on NFC, whitespace-collapsed, case-folded text at or "
        "above `threshold`). Paragraphs that differ in a number are not reported; short ones "
        "(under 20 words) only when every word is the same, longer ones only when they differ in "
        "at most 2 places, each a word (one or two syllables) replaced, added or dropped — “được "
        "đặc biệt chú trọng” and “được đặc biệt quan tâm” differ in one place (a reworded or "
        "extended paragraph is not a repeat). List items, table cells, titles, headings and "
        "image alt texts are not compared. Unsafe fix: delete the later one. A block that "
        "repeats the block right before it is left to CAP001.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(
        Example(
            "Thăm hỏi đoàn viên\n\nCông đoàn cơ sở đã tổ chức thăm hỏi và tặng quà cho đoàn viên khó khăn.\n\n"
            "Hội nghị diễn ra trong một ngày.\n\n"
            "Công đoàn cơ sở đã tổ chức thăm hỏi và tặng quà cho đoàn viên khó khăn."
        ),
    ),
    good=(
        Example(
            "Giải Nhì: 3.000.000 đồng cho tập thể có thành tích xuất sắc.\n\n"
            "Giải Ba: 2.000.000 đồng cho tập thể có thành tích xuất sắc."
        ),
    ),
    fixes=frozenset({Applicability.UNSAFE}),
    options=Options,
)
