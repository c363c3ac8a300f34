"""Real-word confusions: a valid syllable in the wrong word ("sát nhập" for "sáp nhập").

Từ viết sai mà mọi âm tiết đều hợp lệ: s/x, ch/tr, d/gi/r, l/n, hỏi/ngã, c/t, n/ng cuối và
một số cụm cố định. Each `Confusion` names the wrong form(s), the right form, the guards (longer
phrases in which the wrong form is right after all: "cảnh sát nhập cư"), how safe the fix is
and where the fact comes from. `ConfusionMatcher` is built once from the entries: one
compiled regular expression shaped as a trie of the case-folded NFC forms, with syllables
separated by any whitespace (a line break inside a paragraph included), searched on a
lower-cased copy of the text so that offsets map one to one back to the text.

The built-in table is soat/data/confusions.toml (loaded by soat.vi.confusion_data);
`parse_confusions` validates it and the
entries users add (configuration, registry files). Pure functions and cached data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from soat.vi.tokens import non_prose_spans

FIXES = ("safe", "unsafe", "suggestion")
KINDS = ("error", "house-style")
_SPACE_RE = re.compile(r"\s+")
_SEP = r"\s+"  # between two syllables of a form: spaces or a line break of the paragraph


@dataclass(frozen=True)
class Confusion:
    """One entry: `wrong` forms (lower case NFC, single spaces) and the `right` form.

    `fix`: "safe" when no context was found in which a wrong form is right, "unsafe" when
    the guards may miss such a context, "suggestion" when the wrong form is often right.
    `kind`: "error", or "house-style" for pairs that authorities accept both ways (off by
    default). `verified`: the spelling fact was confirmed in `source` (the words quoted in
    `quote`); an unverified entry never tells a writer they are wrong (info, suggestion).
    """

    wrong: tuple[str, ...]
    right: str
    guards: tuple[str, ...] = ()
    fix: str = "unsafe"
    kind: str = "error"
    vi: str = ""
    en: str = ""
    source: str = ""
    quote: str = ""
    verified: bool = False
    wrong_count: int | None = None
    right_count: int | None = None
    origin: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """The spellings that name this entry in `ignore-entries`/`enable-entries`."""
        return (*self.wrong, self.right)


@dataclass(frozen=True)
class ConfusionMatch:
    """A wrong form found in a text: [start, end) and the entry it belongs to."""

    start: int
    end: int
    written: str
    entry: Confusion


class ConfusionError(ValueError):
    """A malformed entry; `index` is its position in the list it came from."""

    def __init__(self, message: str, index: int, key: str | None = None) -> None:
        super().__init__(message)
        self.index, self.key = index, key


def normalize_form(text: str) -> str:
    """NFC, lower case, single spaces: the key under which forms are compared."""
    return _SPACE_RE.sub(" ", unicodedata.normalize("NFC", text)).strip().lower()


_ENTRY_KEYS = {
    "wrong": (list, str),
    "right": (str,),
    "guards": (list,),
    "fix": (str,),
    "kind": (str,),
    "vi": (str,),
    "en": (str,),
    "source": (str,),
    "quote": (str,),
    "verified": (bool,),
    "counts": (dict,),
}


def parse_confusion(raw: object, index: int, origin: str = "", trusted: bool = False) -> Confusion:
    """One entry from a TOML table; raises ConfusionError naming the key at fault.

    `trusted`: the entry's author vouches for it (a user's configuration or registry), so it
    counts as verified unless it says otherwise."""
    if not isinstance(raw, dict):
        raise ConfusionError("an entry must be a table", index)
    for key, value in raw.items():
        if key not in _ENTRY_KEYS:
            known = ", ".join(_ENTRY_KEYS)
            raise ConfusionError(f'unknown key "{key}" (keys: {known})', index, key)
        if not isinstance(value, _ENTRY_KEYS[key]) or (
            isinstance(value, bool) and bool not in _ENTRY_KEYS[key]
        ):
            raise ConfusionError(f'"{key}" has the wrong type', index, key)
    wrong_raw = raw.get("wrong")
    wrong_list = [wrong_raw] if isinstance(wrong_raw, str) else wrong_raw
    if not wrong_list or not all(isinstance(w, str) and w.strip() for w in wrong_list):
        raise ConfusionError('needs "wrong": a form or a list of forms', index, "wrong")
    right = raw.get("right")
    if not isinstance(right, str) or not right.strip():
        raise ConfusionError('needs "right": the correct form', index, "right")
    wrong = tuple(dict.fromkeys(normalize_form(w) for w in wrong_list))
    right_n = unicodedata.normalize("NFC", right.strip())
    if normalize_form(right_n) in wrong:
        raise ConfusionError('"right" is also listed in "wrong"', index, "right")
    guards_raw = raw.get("guards", [])
    if not all(isinstance(g, str) for g in guards_raw):
        raise ConfusionError('"guards" must be a list of strings', index, "guards")
    guards = tuple(normalize_form(g) for g in guards_raw)
    for guard in guards:
        if not any(_contains_form(guard, w) for w in wrong):
            raise ConfusionError(
                f'guard "{guard}" does not contain a wrong form of the entry', index, "guards"
            )
    fix = raw.get("fix", "unsafe")
    if fix not in FIXES:
        raise ConfusionError(f'"fix" must be one of {", ".join(FIXES)}, not {fix!r}', index, "fix")
    kind = raw.get("kind", "error")
    if kind not in KINDS:
        raise ConfusionError(
            f'"kind" must be one of {", ".join(KINDS)}, not {kind!r}', index, "kind"
        )
    counts = raw.get("counts", {})
    wrong_count, right_count = counts.get("wrong"), counts.get("right")
    for value in (wrong_count, right_count):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise ConfusionError('"counts" must hold integers', index, "counts")
    return Confusion(
        wrong=wrong,
        right=right_n,
        guards=guards,
        fix=fix,
        kind=kind,
        vi=unicodedata.normalize("NFC", raw.get("vi", "")),
        en=raw.get("en", ""),
        source=raw.get("source", ""),
        quote=unicodedata.normalize("NFC", raw.get("quote", "")),
        verified=raw.get("verified", trusted),
        wrong_count=wrong_count,
        right_count=right_count,
        origin=origin,
    )


def parse_confusions(entries: Iterable[object], origin: str = "", trusted: bool = False):
    """Entries from a list of tables; a wrong form may belong to one entry only."""
    out: list[Confusion] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(entries):
        entry = parse_confusion(raw, i, origin, trusted)
        for form in entry.wrong:
            if form in seen:
                raise ConfusionError(
                    f'wrong form "{form}" is already listed in entry {seen[form] + 1}', i, "wrong"
                )
            seen[form] = i
        out.append(entry)
    return tuple(out)


def _contains_form(phrase: str, form: str) -> bool:
    """Whether `form` occurs in `phrase` on syllable boundaries (no regular expression: this
    runs for every guard when a matcher is built)."""
    start = phrase.find(form)
    while start >= 0:
        end = start + len(form)
        before = phrase[start - 1] if start else " "
        after = phrase[end] if end < len(phrase) else " "
        if not _is_word_char(before) and not _is_word_char(after):
            return True
        start = phrase.find(form, start + 1)
    return False


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


# --- matching -----------------------------------------------------------------------------


def _trie_pattern(forms: Iterable[str]) -> str:
    """A regular expression matching exactly `forms`, shaped as a trie (shared prefixes are
    written once, so the engine rejects a position after a character or two)."""
    trie: dict = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = []
        ends = "" in node
        for ch in sorted(k for k in node if k):
            # letters need no escaping (re.escape on each of ~2,000 characters costs ms)
            atom = _SEP if ch == " " else ch if ch.isalnum() else re.escape(ch)
            branches.append(atom + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:  # a shorter form ends here: the longer ones are tried first
            return f"(?:{body})?"
        return body

    return emit(trie)


class ConfusionMatcher:
    """Finds the wrong forms of `entries` in a text, skipping guarded occurrences."""

    def __init__(self, entries: Iterable[Confusion], extra_guards: Iterable[str] = ()) -> None:
        entries = list(entries)
        self.by_form: dict[str, Confusion] = {}
        for entry in entries:
            for form in entry.wrong:
                self.by_form.setdefault(form, entry)
        forms = sorted(self.by_form)
        self._regex = re.compile(rf"(?<!\w)(?:{_trie_pattern(forms)})(?!\w)") if forms else None
        # Guards by wrong form, as regular expressions; proper names (registry) guard every
        # form they contain.
        # Proper names (registry) guard the forms they contain, found with the matcher's own
        # expression (testing every name against every form would cost seconds).
        name_guards: dict[str, list[str]] = {}
        if self._regex is not None:
            for name in dict.fromkeys(normalize_form(n) for n in extra_guards):
                for m in self._regex.finditer(name):
                    form = _SPACE_RE.sub(" ", m.group())
                    if form != name:
                        name_guards.setdefault(form, []).append(name)
        # Guard phrases by wrong form; each form's expression is compiled when the form is
        # first found (most forms never are: compiling them all would cost start-up time).
        self._guard_phrases: dict[str, list[str]] = {}
        self._guards: dict[str, re.Pattern | None] = {}
        longest = 0
        for form, entry in self.by_form.items():
            phrases = [g for g in entry.guards if _contains_form(g, form)]
            phrases += name_guards.get(form, [])
            if phrases:
                longest = max([longest, *map(len, phrases)])
                self._guard_phrases[form] = phrases
        self._longest_guard = longest

    def _guard(self, form: str) -> re.Pattern | None:
        if form not in self._guards:
            phrases = self._guard_phrases.get(form)
            self._guards[form] = (
                re.compile(
                    "|".join(
                        rf"(?<!\w){_SEP.join(map(re.escape, p.split(' ')))}(?!\w)" for p in phrases
                    )
                )
                if phrases
                else None
            )
        return self._guards[form]

    def find(self, text: str) -> Iterator[ConfusionMatch]:
        """Unguarded wrong forms in `text` (NFC), outside URLs, e-mail addresses and
        document symbols."""
        if self._regex is None:
            return
        lower = _lower_same_length(text)
        skip = None
        for m in self._regex.finditer(lower):
            start, end = m.span()
            form = _SPACE_RE.sub(" ", m.group())
            entry = self.by_form.get(form)
            if entry is None:
                continue
            if skip is None:
                skip = non_prose_spans(text)
            if any(s < end and start < e for s, e in skip):
                continue
            guard = self._guard(form)
            if guard is not None and self._guarded(guard, lower, start, end):
                continue
            if bound_outward(
                form, entry.right, _word_before(lower, start), _word_after(lower, end)
            ):
                continue
            yield ConfusionMatch(start, end, text[start:end], entry)

    def _guarded(self, guard: re.Pattern, lower: str, start: int, end: int) -> bool:
        lo = max(0, start - self._longest_guard - 8)
        hi = min(len(lower), end + self._longest_guard + 8)
        for g in guard.finditer(lower, lo, hi):
            if g.start() <= start and end <= g.end():
                return True
        return False


# --- context: the shared bigram table -------------------------------------------------------
# A wrong form is often two words that merely meet: "khả năng | xuất khẩu" holds "năng xuất",
# "cảnh sát | nhập cư" holds "sát nhập". The hand-written guards list such phrases; the
# syllable-pair table shared with the spelling rules (soat.vi.bigrams) decides the ones they
# do not list: when a syllable at the edge of the form that the correction would change forms,
# with the word outside the form, a pair that published news writes as a unit, and writes more
# often than the corrected syllable with that word, the syllable belongs to its neighbour and
# the form is not reported. A pair "confirms" by SPL006's test (soat.vi.attested; the same
# numbers, kept equal by a test): seen CONFIRM_COUNT times, at least CONFIRM_SHARE of the uses
# of the rarer syllable and CONFIRM_PMI times as often as chance.
CONFIRM_COUNT = 10
CONFIRM_SHARE = 0.05
CONFIRM_PMI = 10.0
TOTAL = 3_000_000  # about the number of syllables counted (clean/ and raw/text)
_BEFORE_RE = re.compile(r"(\w+)\s+\Z")
_AFTER_RE = re.compile(r"\s+(\w+)")
_CONTEXT_SPAN = 40  # characters looked at on each side for the neighbouring word


def _word_before(lower: str, start: int) -> str | None:
    m = _BEFORE_RE.search(lower, max(0, start - _CONTEXT_SPAN), start)
    return m.group(1) if m else None


def _word_after(lower: str, end: int) -> str | None:
    m = _AFTER_RE.match(lower, end, end + _CONTEXT_SPAN)
    return m.group(1) if m else None


def pair_confirms(first: str, second: str) -> bool:
    """Whether published news writes `first second` as a unit (the test above)."""
    from soat.vi.bigrams import bigram
    from soat.vi.syllable_counts import count

    pair = bigram(first, second)
    if pair < CONFIRM_COUNT:
        return False
    n_first, n_second = count(first), count(second)
    return (
        pair >= CONFIRM_SHARE * min(n_first, n_second)
        and pair * TOTAL >= CONFIRM_PMI * n_first * n_second
    )


def bound_outward(form: str, right: str, before: str | None, after: str | None) -> bool:
    """Whether the text reads better as written than corrected because a syllable at an edge
    of `form` (lower case) that `right` changes belongs to the word outside the form: "năng
    xuất" before "khẩu" (xuất khẩu), "kỷ sư" after "thế" (thế kỷ). Two tests: that edge pair
    confirms (see above) and beats the corrected syllable with the same neighbour, and the
    words as written, neighbours included, are likelier than the corrected ones by the table
    (so "để xử dụng" is still "sử dụng": "để xử" is common, "xử dụng" is not). Forms whose
    syllable count `right` changes are never bound."""
    from soat.vi.bigrams import bigram

    written, wanted = form.split(), right.lower().split()
    if len(written) != len(wanted):
        return False
    before = before if before and before.isalpha() else None
    after = after if after and after.isalpha() else None
    bound = False
    if before and written[0] != wanted[0]:
        pair = bigram(before, written[0])
        bound = pair > bigram(before, wanted[0]) and pair_confirms(before, written[0])
    if not bound and after and written[-1] != wanted[-1]:
        pair = bigram(written[-1], after)
        bound = pair > bigram(wanted[-1], after) and pair_confirms(written[-1], after)
    if not bound:
        return False
    edges = ([before] if before else [], [after] if after else [])
    as_written = _log_likelihood([*edges[0], *written, *edges[1]])
    return as_written > _log_likelihood([*edges[0], *wanted, *edges[1]])


SMOOTHING = 50.0  # pseudo-counts towards the syllable's own frequency, as SPL006 ranks
BIGRAM_FLOOR = 9  # the table keeps pairs seen 10 times or more


def _log_likelihood(syllables: list[str]) -> float:
    """log P(s2 | s1) + log P(s3 | s2) + …: each a pair count of the table (a pair it leaves
    out taken as chance would have it, at most 9), smoothed towards the frequency of the
    second syllable."""
    import math

    from soat.vi.bigrams import bigram
    from soat.vi.syllable_counts import count

    total = 0.0
    for first, second in zip(syllables, syllables[1:], strict=False):
        n_first, n_second = max(count(first), 1), max(count(second), 1)
        seen = bigram(first, second) or min(BIGRAM_FLOOR, n_first * n_second / TOTAL)
        total += math.log((seen + SMOOTHING * n_second / TOTAL) / (n_first + SMOOTHING))
    return total


def _lower_same_length(text: str) -> str:
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    # A few characters lower-case to two ("İ"): keep those as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


_WORD_RE = re.compile(r"\w+")


def _iy_key(syllable: str) -> str:
    return (
        syllable.lower()
        .replace("y", "i")
        .replace("ý", "í")
        .replace("ỳ", "ì")
        .replace("ỷ", "ỉ")
        .replace("ỹ", "ĩ")
        .replace("ỵ", "ị")
    )


def apply_case(model: str, word: str) -> str:
    """`word` with the case pattern of `model` (lower, Capitalised or UPPER)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def syllable_edits(written: str, right: str) -> list[tuple[int, int, str]]:
    """The edits (start, end, text) within `written` that turn it into `right`, the case of
    each written syllable kept. When both have as many syllables, only the syllables that
    differ change (so a line break between them stays), and a syllable that differs only by
    i/y ("lí"/"lý", both accepted) is kept as written; otherwise the whole form is replaced.
    """
    spans = [m.span() for m in _WORD_RE.finditer(written)]
    targets = _WORD_RE.findall(right)  # words only: punctuation inside a form stays as written
    if len(spans) != len(targets):
        cased = apply_case(written, right) if written[:1].isupper() else right
        if written.isupper() and len(written) > 1:
            cased = right.upper()
        return [(0, len(written), cased)]
    all_caps = written.replace(" ", "").isupper() and sum(c.isalpha() for c in written) > 1
    edits = []
    for (s, e), target in zip(spans, targets, strict=True):
        piece = written[s:e]
        if piece.lower() == target.lower() or _iy_key(piece) == _iy_key(target):
            continue
        model = piece.upper() if all_caps else piece
        edits.append((s, e, apply_case(model, target) if len(model) > 1 else _one(model, target)))
    return edits


def _one(model: str, target: str) -> str:
    return target[:1].upper() + target[1:] if model.isupper() else target


def fixed_text(written: str, right: str) -> str:
    """`written` with `syllable_edits` applied."""
    out = written
    for s, e, text in sorted(syllable_edits(written, right), reverse=True):
        out = out[:s] + text + out[e:]
    return out


__all__ = [
    "FIXES",
    "KINDS",
    "Confusion",
    "ConfusionError",
    "ConfusionMatch",
    "ConfusionMatcher",
    "apply_case",
    "bound_outward",
    "fixed_text",
    "normalize_form",
    "parse_confusion",
    "parse_confusions",
    "syllable_edits",
]
