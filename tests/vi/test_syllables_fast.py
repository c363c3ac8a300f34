"""soat.vi.syllables.check_syllable against the definition it replaced (issue 14): the same
verdict for every string, the old code kept here as the reference. The fast version strips
tones with one str.translate, finds the toned letter by comparing, tests the letters with a
set and looks the initial up by length."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from soat.vi import syllables
from soat.vi.syllables import (
    _INITIALS_LONGEST_FIRST,
    _PLAIN_VOWELS,
    _STOP_FINALS,
    INITIALS,
    RHYMES,
    Syllable,
    Verdict,
    _rhyme_allowed,
    check_syllable,
    tone_slots,
)
from soat.vi.tones import NANG, NGANG, SAC, VOWELS, strip_tones, tone_marks


def _plain_parse_letters(base: str) -> tuple[str, str, int] | None:
    if not base:
        return None
    if base.startswith("gi"):
        rest = base[2:]
        if not rest or rest[0] not in _PLAIN_VOWELS:
            return "gi", "i" + rest, 1
        if rest[0] == "ê":
            return "gi", "i" + rest, 1
        if rest[0] in "iy":
            return None
        return "gi", rest, 2
    if base.startswith("qu"):
        return ("qu", base[2:], 2) if base[2:] else None
    if base[0] in _PLAIN_VOWELS:
        return "", base, 0
    for initial in _INITIALS_LONGEST_FIRST:
        if base.startswith(initial):
            rest = base[len(initial) :]
            return (initial, rest, len(initial)) if rest else None
    return None


def plain_check_syllable(word: str) -> Verdict:
    """check_syllable as it was before issue 14's second round."""
    if len(word) > 8:
        return Verdict("letters")
    lower = word.lower()
    if len(lower) != len(word) or not lower:
        return Verdict("letters")
    marks = tone_marks(lower)
    if len(marks) > 1:
        return Verdict("two-tones")
    base = strip_tones(lower)
    if any(c not in _PLAIN_VOWELS and c not in "bcdđghklmnpqrstvx" for c in base):
        return Verdict("letters")
    parsed = _plain_parse_letters(base)
    if parsed is None:
        return Verdict("structure")
    initial, rhyme, rhyme_start = parsed
    if not _rhyme_allowed(initial, rhyme):
        return Verdict("structure")
    tone_index, tone = marks[0] if marks else (-1, NGANG)
    syllable = Syllable(initial, rhyme, tone, rhyme_start, tone_index)
    if syllable.final in _STOP_FINALS and tone not in (NGANG, SAC, NANG):
        return Verdict("tone-final", syllable)
    if syllable.final in _STOP_FINALS and tone == NGANG and syllable.final != "k":
        return Verdict("tone-final", syllable)
    if tone != NGANG:
        slots = tone_slots(rhyme)
        if tone_index - rhyme_start not in slots:
            return Verdict("tone-position", syllable)
    return Verdict(None, syllable)


_LETTERS = "".join(sorted(VOWELS)) + "bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVXfjwzİ1_ "
_PARTS = st.sampled_from(sorted({*INITIALS, *RHYMES, "ngh", "gi", "qu", "y", "k"}))


@settings(max_examples=2000, deadline=None)
@given(
    st.one_of(
        st.text(alphabet=_LETTERS, max_size=9),
        st.lists(_PARTS, min_size=1, max_size=3).map("".join),
        st.text(max_size=4),
    )
)
def test_check_syllable_is_its_plain_definition(word):
    assert check_syllable.__wrapped__(word) == plain_check_syllable(word)


def test_every_generated_syllable_and_its_capitals_agree():
    for word in syllables.generate_syllables():
        for form in (word, word.capitalize(), word.upper()):
            assert check_syllable.__wrapped__(form) == plain_check_syllable(form)


def test_the_attested_tables_are_the_plain_reading_of_the_file():
    from importlib import resources

    from soat.vi import syllable_counts

    text = (resources.files("soat") / "data" / "attested_syllables.tsv").read_text("utf-8")
    fields = text.split()[3:]
    syllables, numbers, sources = fields[0::3], fields[1::3], fields[2::3]
    counts = dict(zip(syllables, map(int, numbers), strict=True))
    unwritten = frozenset(s for s, n in counts.items() if not n)
    counts.update(dict.fromkeys(unwritten, 1))
    listed = frozenset(s for s, src in zip(syllables, sources, strict=True) if src != "corpus")
    assert syllable_counts.attested_counts() == counts
    assert syllable_counts.listed_syllables() == listed
    assert syllable_counts._unwritten() == unwritten
    for word in ("và", "Và", "zzz", *sorted(unwritten)[:50]):
        lower = word.lower()
        assert syllable_counts.count(word) == counts.get(lower, 0)
        assert syllable_counts.corpus_count(word) == (
            0 if lower in unwritten else counts.get(lower, 0)
        )


def test_spl002_open_rhyme_classes_match_what_ignorecase_matched():
    import re
    import sys

    from soat.rules.spelling.tone_style import _OPEN_RHYME_RE

    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    plain = re.compile("[oòóỏõọ][aàáảãạeèéẻẽẹ]|[uùúủũụ][yỳýỷỹỵ]", re.IGNORECASE)
    classes = re.findall(r"\[[^]]+\]", _OPEN_RHYME_RE.pattern)
    for new, old in zip(classes, re.findall(r"\[[^]]+\]", plain.pattern), strict=True):
        assert re.findall(new, every) == re.findall(old, every, re.IGNORECASE)
    assert _OPEN_RHYME_RE.pattern.replace("[", "").count("|") == 1
