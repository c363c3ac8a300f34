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

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence, Set
from itertools import accumulate, compress, islice
from typing import NamedTuple

from soat.vi.tokens import maybe_not_prose, non_prose_spans

FIXES = ("safe", "unsafe", "suggestion")
KINDS = ("error", "house-style")
_SPACE_RE = re.compile(r"\s+")
_SEP = r"\s+"  # between two syllables of a form: spaces or a line break of the paragraph


class Confusion(NamedTuple):
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


class ConfusionMatch(NamedTuple):
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
    # str.split() splits at the runs \s+ matches and drops the ends: as sub() then strip()
    return " ".join(unicodedata.normalize("NFC", text).split()).lower()


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


def _run_starts(lower: str, runs: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(start, run) of each occurrence of one of `runs` (letters and digits) in `lower` as a
    whole run of letters and digits."""
    for run in runs:
        size = len(run)
        at = lower.find(run)
        while at >= 0:
            end = at + size
            if (not at or not lower[at - 1].isalnum()) and not lower[end : end + 1].isalnum():
                yield at, run
            at = lower.find(run, at + 1)


def _match_at(lower: str, start: int, pieces: list[str]) -> int | None:
    """The end of the form made of `pieces` (separated by whitespace) at `start` of
    `lower`, followed by no word character; None when it is not there."""
    at = start
    for k, piece in enumerate(pieces):
        if k:
            space = _SPACE_RE.match(lower, at)
            if space is None:
                return None
            at = space.end()
        if not lower.startswith(piece, at):
            return None
        at += len(piece)
    if _WORD_CHAR_RE.match(lower, at) is not None:
        return None
    return at


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


_RUN_SPLIT_RE = re.compile(r"([^\W_]+)")  # separators and runs of letters and digits in turn
_RUN_START_RE = re.compile(r"[^\W_]")
_WORD_CHAR_RE = re.compile(r"\w")
_NAME_SEP = "\x00"  # between the names scanned together: no word, no space, in no form


def _runs(form: str) -> list[str]:
    """The runs of letters and digits of `form` (its syllables, for most forms)."""
    pieces = form.split(" ")
    if all(map(str.isalnum, pieces)):  # str.isalnum is [^\W_]: no call to the regex engine
        return pieces
    return _RUN_SPLIT_RE.split(form)[1::2]


def fold_sigma(lower: str) -> str:
    """`lower` with ς written σ: the only letter whose lower case depends on the letters
    around it (str.lower() writes Σ as ς at the end of a word, and which letters count
    reaches past a run of letters), so that a word lowered alone and inside a text agree."""
    return lower.replace("ς", "σ")


def _normalized_names(names: Iterable[str]) -> list[str]:
    """`normalize_form` of each name, each once, in order: the names are normalised joined by
    _NAME_SEP (NFC, spaces and case do not reach across it), in a few C calls."""
    names = list(names)
    joined = _NAME_SEP.join(names)
    if joined.count(_NAME_SEP) != max(len(names) - 1, 0):
        return list(dict.fromkeys(normalize_form(n) for n in names))
    text = " ".join(unicodedata.normalize("NFC", joined).split()).lower()
    return list(dict.fromkeys(map(str.strip, text.split(_NAME_SEP)))) if names else []


class FormScreen:
    """Whether a text may hold a form of a ConfusionMatcher, from the forms' first two runs
    of letters alone (`may_hold_a_form`): most texts hold none, and the screen is a small
    part of its matcher, so that a process can read it without the whole matcher
    (soat.vi.confusion_data.kept_screen). Made by its ConfusionMatcher (`matcher.screen`),
    from the same forms."""

    __slots__ = ("by_runs", "single_runs", "second_runs", "all_second_runs", "keys")

    def __init__(
        self, by_runs: bool, single_runs: Iterable[str], second_runs: dict[str, set[str]]
    ) -> None:
        self.by_runs = by_runs  # ConfusionMatcher.by_runs: else the screen lets every text by
        # The forms' first runs (sigma folded): those of one run, and the second runs after
        # each first of the others.
        self.single_runs = frozenset(single_runs)
        self.second_runs = second_runs
        self.all_second_runs: frozenset[str] = frozenset().union(*second_runs.values())
        # The words `opens`, `follows` and the matcher's `in_a_form` met -> their key: a
        # cache of this process, never stored (see __getstate__).
        self.keys: dict[str, str] = {}

    def __getstate__(self) -> tuple:
        """A screen (and its matcher) is stored without the words it met: a file never
        holds words of the documents the process checked, however it was used before."""
        return (self.by_runs, self.single_runs, self.second_runs, self.all_second_runs)

    def __setstate__(self, state: tuple) -> None:
        self.by_runs, self.single_runs, self.second_runs, self.all_second_runs = state
        self.keys = {}

    def opens(self, word: str) -> bool:
        """Whether `word` (as written) is, in lower case, the first run of some form."""
        key = word.lower().replace("ς", "σ")  # fold_sigma, inline: asked of every word
        if key in self.single_runs or key in self.second_runs:
            self.keys[word] = key
            return True
        return False

    def follows(self, word: str) -> bool:
        """Whether `word` (as written) is, in lower case, the second run of some form."""
        key = word.lower().replace("ς", "σ")  # fold_sigma, inline: asked of every word
        if key in self.all_second_runs:
            self.keys[word] = key
            return True
        return False

    def may_hold_a_form(
        self, blocks: Iterable[Sequence[str]], openers: Set[str], followers: Set[str]
    ) -> bool:
        """Whether a text may hold a form (`by_runs` only): `blocks` are the runs of letters
        and digits of each of its blocks, in order, `openers` those of its words that
        `opens`, `followers` those that `follows`. A form found is its runs as consecutive
        words of one block: its first two, or its only one, are there. False for most
        documents, where the expression would scan every character (0.1 ms) and the rule
        split every block: the words after an opening word are found in C, and looked at
        only when one may be a second run. Words left out of a block (those of a URL) only
        make the answer True more often. tests/rules/test_lex_fast_paths.py checks that a
        text for which it is False holds no form."""
        if not openers:
            return False
        key = self.key
        if self.single_runs and any(key(w) in self.single_runs for w in openers):
            return True
        if not followers:
            return False
        seconds, known = self.second_runs, self.keys  # opens and follows keep the keys
        for words in blocks:
            if openers.isdisjoint(words):
                continue
            after = compress(islice(words, 1, None), map(openers.__contains__, words))
            if followers.isdisjoint(after):
                continue
            for j in compress(range(len(words) - 1), map(openers.__contains__, words)):
                nxt, first = words[j + 1], words[j]
                if nxt in followers and (known.get(nxt) or key(nxt)) in seconds.get(
                    known.get(first) or key(first), ()
                ):
                    return True
        return False

    def key(self, word: str) -> str:
        """The word in lower case, sigma folded (kept for the words `opens` and `follows`
        said yes to)."""
        found = self.keys.get(word)
        return fold_sigma(word.lower()) if found is None else found


class ConfusionMatcher:
    """Finds the wrong forms of `entries` in a text, skipping guarded occurrences.

    The forms are found as one trie-shaped regular expression would find them (`_regex`,
    the definition): left to right, the longest form at a start, no overlap. When every form
    starts with a letter or digit (the built-in table, most user entries), a match can only
    start at a run of letters and digits that some form starts with: the text is split into
    runs (one C call) and only those runs are tried, with no expression to compile (compiling
    the trie of the built-in table costs 6-9 ms at every start-up).
    tests/rules/test_lex_fast_paths.py checks the two against each other."""

    def __init__(self, entries: Iterable[Confusion], extra_guards: Iterable[str] = ()) -> None:
        entries = list(entries)
        self.by_form: dict[str, Confusion] = {}
        for entry in entries:
            for form in entry.wrong:
                self.by_form.setdefault(form, entry)
        forms = sorted(self.by_form)
        self._forms = forms
        self._compiled: re.Pattern | None = None
        # The forms by their first run, longest first, and the runs of each form (sigma
        # folded) by its first run (firsts_in); None and empty when some form starts with
        # no letter or digit (then every text is searched with the expression).
        self._by_run: dict[str, list[tuple[str, list[str]]]] | None = None
        self._runs_by_first: dict[str, list[tuple[str, frozenset[str]]]] = {}
        # The forms' first runs (sigma folded): those of one run, and the second runs after
        # each first of the others (may_hold_a_form).
        second_runs: dict[str, set[str]] = {}
        single_runs: set[str] = set()
        if all(_RUN_START_RE.match(form) for form in forms):
            by_run: dict[str, list[tuple[str, list[str]]]] = {}
            for form in sorted(forms, key=len, reverse=True):
                runs = _runs(form)
                by_run.setdefault(runs[0], []).append((form, form.split(" ")))
                folded = frozenset(map(fold_sigma, runs))
                self._runs_by_first.setdefault(fold_sigma(runs[0]), []).append((runs[0], folded))
                if len(runs) > 1:
                    second_runs.setdefault(fold_sigma(runs[0]), set()).add(fold_sigma(runs[1]))
                else:
                    single_runs.add(fold_sigma(runs[0]))
            self._by_run = by_run
        self.screen = FormScreen(self._by_run is not None, single_runs, second_runs)
        self._all_runs = frozenset().union(*(r for v in self._runs_by_first.values() for _, r in v))
        # Proper names (registry) guard the forms they contain, found with the matcher itself
        # (testing every name against every form would cost seconds).
        name_guards: dict[str, list[str]] = {}
        if forms:
            for name, (_start, _end, form) in self._name_matches(extra_guards):
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

    @property
    def by_runs(self) -> bool:
        """Whether every form starts with a letter or digit (then `screen` and the first
        runs of `firsts_in` apply; otherwise a text is searched with `_regex`)."""
        return self._by_run is not None

    @property
    def _regex(self) -> re.Pattern | None:
        """The definition: one regular expression shaped as a trie of the forms."""
        if self._compiled is None and self._forms:
            self._compiled = re.compile(rf"(?<!\w)(?:{_trie_pattern(self._forms)})(?!\w)")
        return self._compiled

    def _spans(
        self, lower: str, firsts: Iterable[str] | None = None
    ) -> Iterator[tuple[int, int, str]]:
        """(start, end, form) of each form in `lower`, as `_regex.finditer` finds them.
        `firsts`: the first runs of every form that may be in `lower` (when it holds all the
        runs of letters of the other forms, none of them is there): only these are looked
        for, with str.find."""
        by_run = self._by_run
        if by_run is None or (firsts is None and self._compiled is not None):
            if self._regex is not None:
                for m in self._regex.finditer(lower):
                    yield m.start(), m.end(), _SPACE_RE.sub(" ", m.group())
            return
        if firsts is None:
            parts = _RUN_SPLIT_RE.split(lower)
            bounds = list(accumulate(map(len, parts), initial=0))
            runs = parts[1::2]
            hits = [
                (bounds[i], parts[i])
                for i in compress(range(1, len(parts), 2), map(by_run.__contains__, runs))
            ]
        else:
            hits = sorted(_run_starts(lower, firsts))
        done = 0  # the end of the last match: matches do not overlap
        for start, run in hits:
            if start < done or (start and lower[start - 1] == "_"):  # (?<!\w)
                continue
            for form, pieces in by_run.get(run, ()):
                end = _match_at(lower, start, pieces)
                if end is not None:
                    yield start, end, form
                    done = end
                    break

    def _name_matches(self, names: Iterable[str]) -> Iterator[tuple[str, tuple[int, int, str]]]:
        """(name, match) for each form in each distinct normalised name, in order."""
        distinct = _normalized_names(names)
        if self._by_run is None or _NAME_SEP in "".join(distinct):
            for name in distinct:
                for match in self._spans(name):
                    yield name, match
            return
        # One scan of the names joined by a character that neither a word nor a space is:
        # a form cannot span two names, and each name's edges look as its own would.
        joined = _NAME_SEP.join(distinct)
        starts = list(accumulate((len(n) + 1 for n in distinct), initial=0))
        for match in self._spans(joined):
            k = bisect_right(starts, match[0]) - 1
            yield distinct[k], (match[0] - starts[k], match[1] - starts[k], match[2])

    def in_a_form(self, word: str) -> bool:
        """Whether `word` (as written) is, in lower case, a run of letters of some form."""
        key = fold_sigma(word.lower())
        if key not in self._all_runs:
            return False
        self.screen.keys[word] = key
        return True

    def key(self, word: str) -> str:
        """The word in lower case, sigma folded (kept for the words `in_a_form`, `opens` and
        `follows` said yes to)."""
        found = self.screen.keys.get(word)
        return fold_sigma(word.lower()) if found is None else found

    def firsts_in(self, keys: set[str]) -> set[str]:
        """The first runs of the forms all of whose runs are among `keys` (words in lower
        case, sigma folded): a text whose words hold none of these holds no form."""
        index = self._runs_by_first
        return {first for k in keys.intersection(index) for first, r in index[k] if r <= keys}

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

    def find(self, text: str, firsts: Iterable[str] | None = None) -> Iterator[ConfusionMatch]:
        """Unguarded wrong forms in `text` (NFC), outside URLs, e-mail addresses and
        document symbols. `firsts` (see `firsts_in`): the first runs of the forms whose runs
        are all among the words of `text` (lower case), when the caller knows them."""
        if not self.by_form:
            return
        lower = _lower_same_length(text)
        skip = None
        if firsts is not None and maybe_not_prose(text):
            firsts = None  # the words of a URL or symbol may be missing from those of `text`
        for start, end, form in self._spans(lower, firsts):
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
    "FormScreen",
    "apply_case",
    "bound_outward",
    "fixed_text",
    "normalize_form",
    "parse_confusion",
    "parse_confusions",
    "syllable_edits",
]
