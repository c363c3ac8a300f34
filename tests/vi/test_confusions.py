"""soat/data/confusions.toml and the matcher of soat.vi.confusions (LEX001's language side)."""

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.vi.confusion_data import builtin_confusions
from soat.vi.confusions import (
    Confusion,
    ConfusionError,
    ConfusionMatcher,
    _trie_pattern,
    bound_outward,
    fixed_text,
    parse_confusion,
    parse_confusions,
    syllable_edits,
)
from soat.vi.syllables import is_valid_syllable
from soat.vi.tones import split_tone, with_tone

ENTRIES = builtin_confusions()
ERRORS = [e for e in ENTRIES if e.kind == "error"]


def test_the_table_has_at_least_300_entries_with_counts():
    assert len(ENTRIES) >= 300
    assert all(e.wrong_count is not None and e.right_count is not None for e in ENTRIES)


def test_every_wrong_form_is_made_of_valid_syllables():
    # A non-word ("sẳn", "nghành") is SPL001's: LEX never reports what SPL001 reports.
    for entry in ENTRIES:
        for form in entry.wrong:
            for syllable in re.findall(r"\w+", form):
                assert is_valid_syllable(syllable), (form, syllable)


def test_no_wrong_form_is_one_that_spl006_already_corrects():
    # A syllable Vietnamese does not write ("lựt", "xoát") is SPL006's; LEX keeps a form with
    # one only when SPL006's first candidate is not the right word in this phrase, or when
    # the entry is verified with a safe fix, which SPL006 (an unsafe fix) cannot give: LEX
    # masks SPL006 inside its phrases, so the form is reported once ("hắp dẫn").
    from soat.vi.attested import suggestions
    from soat.vi.syllable_counts import count

    for entry in ENTRIES:
        if entry.verified and entry.fix == "safe":
            continue
        right = re.findall(r"\w+", entry.right.lower())
        for form in entry.wrong:
            parts = re.findall(r"\w+", form)
            reported = [s for s in parts if not count(s) and suggestions(s)]
            if reported:
                fixed = [suggestions(s)[0].word if s in reported else s for s in parts]
                assert fixed != right, form


def test_forms_are_nfc_lower_case_and_fixes_are_known():
    for entry in ENTRIES:
        for form in (*entry.wrong, *entry.guards):
            assert form == unicodedata.normalize("NFC", form).lower(), form
        assert entry.fix in ("safe", "unsafe", "suggestion")
        assert entry.vi and entry.en


def test_a_verified_entry_cites_a_url_and_quotes_its_words():
    verified = [e for e in ENTRIES if e.verified]
    assert len(verified) >= 60
    for entry in verified:
        assert entry.source.startswith(("https://", "http://")), entry.right
        assert entry.quote.strip(), entry.right


def test_no_right_form_and_no_guard_is_reported():
    # The table must never flag correct text: a right form (of any entry) or a guard phrase.
    matcher = ConfusionMatcher(ERRORS)
    for entry in ENTRIES:
        assert not list(matcher.find(entry.right)), entry.right
        for guard in entry.guards:
            assert not [m for m in matcher.find(guard) if m.entry is entry], guard


def test_every_wrong_form_is_found_alone():
    matcher = ConfusionMatcher(ENTRIES)
    for entry in ENTRIES:
        for form in entry.wrong:
            # quoted, so that no neighbouring word can bind an edge syllable (the bigram
            # table would read "nói chung thành" as "nói chung | thành"; tested below)
            found = list(matcher.find(f"Họ nói: “{form}”, hôm qua."))
            assert [m.entry.right for m in found] == [entry.right], form


def test_parse_rejects_malformed_entries_naming_the_key():
    cases = [
        ({"right": "sáp nhập"}, "wrong"),
        ({"wrong": ["sát nhập"]}, "right"),
        ({"wrong": ["sát nhập"], "right": "sáp nhập", "fix": "maybe"}, "fix"),
        ({"wrong": ["sát nhập"], "right": "sáp nhập", "guards": ["cảnh sát"]}, "guards"),
        ({"wrong": ["sát nhập"], "right": "sáp nhập", "colour": "red"}, "colour"),
        ({"wrong": ["sáp nhập"], "right": "sáp nhập"}, "right"),
    ]
    for raw, key in cases:
        with pytest.raises(ConfusionError) as info:
            parse_confusion(raw, 3)
        assert info.value.key == key and info.value.index == 3
    with pytest.raises(ConfusionError, match="already listed"):
        parse_confusions(
            [
                {"wrong": "sát nhập", "right": "sáp nhập"},
                {"wrong": ["sát nhập"], "right": "x"},
            ]
        )


def test_guard_keeps_the_wrong_form_only_inside_the_phrase():
    entry = parse_confusion(
        {"wrong": ["sát nhập"], "right": "sáp nhập", "guards": ["cảnh sát nhập cư"]}, 0
    )
    matcher = ConfusionMatcher([entry])
    text = "Cảnh sát nhập cư đến; hai xã sát nhập; họ sát nhập kho."
    second = text.index("sát nhập;")
    third = text.index("sát nhập kho")
    assert [m.start for m in matcher.find(text)] == [second, third]


def test_registered_names_guard_their_forms():
    entry = parse_confusion({"wrong": ["bổ xung"], "right": "bổ sung"}, 0)
    matcher = ConfusionMatcher([entry], ["Công ty Bổ Xung Xanh"])
    assert [m.start for m in matcher.find("công ty bổ xung xanh và bổ xung")] == [24]


@pytest.mark.parametrize(
    "written,right,fixed",
    [
        ("sát nhập", "sáp nhập", "sáp nhập"),
        ("Sát nhập", "sáp nhập", "Sáp nhập"),
        ("SÁT NHẬP", "sáp nhập", "SÁP NHẬP"),
        ("sát\nnhập", "sáp nhập", "sáp\nnhập"),
        ("sử lí", "xử lý", "xử lí"),  # i/y are both accepted (SPL005): kept as written
        ("vô hình chung", "vô hình trung", "vô hình trung"),
        ("Vô Hình Chung", "vô hình trung", "Vô Hình Trung"),
        ("dấu diếm", "giấu giếm", "giấu giếm"),
    ],
)
def test_fixed_text_keeps_case_and_line_breaks(written, right, fixed):
    assert fixed_text(written, right) == fixed


def test_syllable_edits_touch_only_the_syllables_that_differ():
    assert syllable_edits("bổ xung", "bổ sung") == [(3, 7, "sung")]
    assert syllable_edits("giành cho", "dành cho") == [(0, 5, "dành")]


_FORM = st.lists(
    st.sampled_from(["sát", "nhập", "bổ", "xung", "chia", "sẽ", "năng", "xuất", "a", "ab"]),
    min_size=1,
    max_size=3,
).map(" ".join)


@given(st.sets(_FORM, min_size=1, max_size=12), _FORM)
def test_trie_pattern_matches_exactly_its_forms(forms, probe):
    regex = re.compile(_trie_pattern(sorted(forms)).replace(r"\s+", " "))
    assert (regex.fullmatch(probe) is not None) == (probe in forms)


def _reference_regex(forms) -> re.Pattern:
    """What the matcher's trie finds, said as a plain alternation: any form, pieces separated
    by whitespace, on word boundaries; the longest form at a start wins."""
    pieces = [r"\s+".join(map(re.escape, f.split(" "))) for f in sorted(forms, key=len)[::-1]]
    return re.compile(rf"(?<!\w)(?:{'|'.join(pieces)})(?!\w)")


_TEXT = st.lists(
    st.sampled_from(["sát", "nhập", "bổ", "xung", "chia", "sẽ", "năng", "a", "ab", "b,", "x"]),
    max_size=14,
).flatmap(
    lambda words: st.lists(
        st.sampled_from([" ", "  ", "\n", ", ", "-", ""]),
        min_size=len(words),
        max_size=len(words),
    ).map(lambda seps: "".join(w + s for w, s in zip(words, seps, strict=True)))
)
_PIECES = st.lists(
    st.sampled_from(["sát", "nhập", "bổ", "xung", "chia", "sẽ", "năng", "a", "ab", "b,", "-a"]),
    min_size=1,
    max_size=3,
).map(" ".join)


@given(st.sets(_PIECES, min_size=1, max_size=12), _TEXT)
def test_the_matcher_finds_what_one_regular_expression_would(forms, text):
    matcher = ConfusionMatcher([Confusion(wrong=(f,), right="zz") for f in forms])
    expected = [m.span() for m in _reference_regex(forms).finditer(text)]
    assert [m.span() for m in matcher._regex.finditer(text)] == expected


_FILLER = st.text(alphabet="abc ,.đê\n", max_size=12)


@given(
    st.sampled_from(ERRORS),
    st.data(),
    _FILLER,
    _FILLER,
    st.sampled_from(["lower", "upper", "title"]),
    st.sampled_from([" ", "\n", "  "]),
)
def test_a_wrong_form_anywhere_maps_back_to_its_exact_span(entry, data, before, after, case, space):
    form = data.draw(st.sampled_from(entry.wrong))
    written = space.join(form.split(" "))
    written = {"lower": written, "upper": written.upper(), "title": written.capitalize()}[case]
    text = f"{before} {written} {after}"
    start = len(before) + 1
    matches = [m for m in ConfusionMatcher([entry]).find(text) if m.start == start]
    guarded = any(g in text.lower() for g in entry.guards)
    lower = text.lower()
    before = re.search(r"(\w+)\s+\Z", lower[:start])
    after = re.match(r"\s+(\w+)", lower[start + len(written) :])
    if guarded or bound_outward(
        form, entry.right, before and before.group(1), after and after.group(1)
    ):
        return  # a guard, or the bigram table, reads the form as right here
    assert len(matches) == 1
    match = matches[0]
    assert text[match.start : match.end] == written
    fixed = fixed_text(match.written, entry.right)
    # the fix keeps the writer's i/y ("sử lí" -> "xử lí" for the entry "xử lý")
    assert _i_as_y(" ".join(fixed.lower().split())) == _i_as_y(
        " ".join(entry.right.lower().split())
    )


def _i_as_y(text: str) -> str:
    out = []
    for ch in text:
        base, tone = split_tone(ch)
        out.append(with_tone("y", tone) if base == "i" else ch)
    return "".join(out)


def test_confusion_names_include_wrong_and_right_forms():
    entry = Confusion(wrong=("a b",), right="c d")
    assert entry.names == ("a b", "c d")


def test_the_table_is_read_back_from_its_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SOAT_CACHE_DIR", str(tmp_path))
    builtin_confusions.cache_clear()
    try:
        parsed = builtin_confusions()
        assert len(list(tmp_path.glob("confusions-*.pickle"))) == 1
        builtin_confusions.cache_clear()
        assert builtin_confusions() == parsed
    finally:
        builtin_confusions.cache_clear()


def test_the_caches_used_last_are_kept_and_a_read_counts_as_a_use(tmp_path, monkeypatch):
    """Checkouts sharing the cache folder each keep their file (with two kept, three
    checkouts taking turns re-parsed the table, ~70 ms, on every run)."""
    import os

    from soat.vi import confusion_data

    monkeypatch.setenv("SOAT_CACHE_DIR", str(tmp_path))
    for i in range(10):  # other checkouts' files, oldest first
        other = tmp_path / f"confusions-other{i}.pickle"
        other.write_bytes(b"x")
        os.utime(other, (1_000_000 + i, 1_000_000 + i))
    builtin_confusions.cache_clear()
    try:
        builtin_confusions()  # parses and writes its own file, drops the oldest others
        kept = sorted(p.name for p in tmp_path.glob("confusions-*.pickle"))
        assert len(kept) == confusion_data._KEEP
        assert [n for n in kept if "other" in n] == [
            f"confusions-other{i}.pickle" for i in range(3, 10)
        ]
        own = next(p for p in tmp_path.glob("confusions-*.pickle") if "other" not in p.name)
        os.utime(own, (1_000_000, 1_000_000))
        builtin_confusions.cache_clear()
        builtin_confusions()  # read from the cache: its time is now
        assert own.stat().st_mtime > 2_000_000
    finally:
        builtin_confusions.cache_clear()


def test_a_cache_write_that_fails_leaves_no_temporary_file(tmp_path, monkeypatch):
    from soat.vi import confusion_data

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(confusion_data.os, "replace", refuse)
    confusion_data._write_cache(str(tmp_path / "confusions-x.pickle"), ENTRIES[:3])
    assert list(tmp_path.iterdir()) == []


# --- context from the shared bigram table (soat.vi.bigrams) ----------------------------------


def test_the_confirm_test_is_spl006s():
    from soat.vi import attested, confusions

    for name in ("CONFIRM_COUNT", "CONFIRM_SHARE", "CONFIRM_PMI", "TOTAL", "SMOOTHING"):
        assert getattr(confusions, name) == getattr(attested, name), name
    assert confusions.BIGRAM_FLOOR == attested.BIGRAM_FLOOR


@pytest.mark.parametrize(
    ("form", "right", "before", "after", "bound"),
    [
        ("năng xuất", "năng suất", "khả", "khẩu", True),  # xuất khẩu
        ("sát nhập", "sáp nhập", "bám", "khẩu", True),  # bám sát
        ("sát nhập", "sáp nhập", "xã", "từ", False),  # nothing near binds "sát"
        ("xử dụng", "sử dụng", "để", "phần", False),  # "để xử" binds, "xử dụng" is rarer
        ("năng xuất", "năng suất", "tăng", "lao", False),
        ("năng xuất", "năng suất", None, None, False),
        ("sát nhập", "sáp nhập", "12", None, False),  # a number is no syllable
    ],
)
def test_bound_outward(form, right, before, after, bound):
    assert bound_outward(form, right, before, after) is bound


def test_a_form_whose_length_changes_is_never_bound():
    assert not bound_outward("vô hình chung", "vô hình trung", "khả", "khẩu")


def test_the_matcher_asks_the_table_about_the_words_around():
    m = ConfusionMatcher([Confusion(wrong=("sát nhập",), right="sáp nhập")])
    assert [x.start for x in m.find("Hải quan bám sát nhập khẩu xăng dầu.")] == []
    # across a line break inside a paragraph too; punctuation stops the neighbour
    assert [x.start for x in m.find("Hải quan bám\nsát nhập khẩu.")] == []
    assert [x.start for x in m.find("Hải quan bám. Sát nhập khẩu.")] == [14]


def test_the_longest_form_at_a_start_wins():
    matcher = ConfusionMatcher([Confusion(wrong=(f,), right="zz") for f in ("a b", "a b,", "a")])
    assert [m.span() for m in matcher._regex.finditer("x a b, y a\nb z a")] == [
        (2, 6),
        (9, 12),
        (15, 16),
    ]
