"""soat/data/boilerplate.toml: well formed, NFC, no duplicates, at least 60 phrases."""

import re
import unicodedata

import pytest

from soat.vi.furniture import builtin_phrases, label_key, load_data, phrase_table

GROUP_KEYS = {"block", "form", "list", "colon", "attribution", "seen", "phrases"}
BLOCKS = {
    "related",
    "sidebar",
    "share",
    "social",
    "comment",
    "toolbar",
    "navigation",
    "footer",
    "tags",
    "source",
    "masthead",
    "copyright",
}


def all_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from all_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from all_strings(v)


def test_at_least_sixty_phrases():
    assert len(builtin_phrases()) >= 60


def test_every_string_is_nfc_and_trimmed():
    for s in all_strings(load_data()):
        assert unicodedata.is_normalized("NFC", s), s
        assert s == s.strip(), repr(s)


@pytest.mark.parametrize(
    "group", load_data()["group"], ids=lambda g: f"{g['block']}-{g.get('form', 'line')}"
)
def test_groups_are_well_formed(group):
    assert set(group) <= GROUP_KEYS
    assert group["block"] in BLOCKS
    assert group.get("form", "line") in ("line", "prefix")
    assert group.get("seen"), "every group says where its strings were seen"
    assert group["phrases"]


def test_no_duplicate_phrase_within_a_form():
    seen = {}
    for p in builtin_phrases():
        key = (p.form, label_key(p.text))  # "Từ khóa" and "Từ khoá" are both written
        assert key not in seen, f"{p.text!r} duplicates {seen[key]!r}"
        seen[key] = p.text


def test_every_line_phrase_matches_itself_safely_unless_it_is_an_attribution():
    from soat.vi.furniture import match_furniture

    table = phrase_table()
    for p in builtin_phrases():
        match = match_furniture(p.text + (": Nguyễn Văn A" if p.colon else ""), table)
        assert match is not None, p.text
        if p.form == "line":
            assert match.safe is (not p.attribution), p.text


def test_patterns_compile_and_are_matched_on_folded_text():
    for entry in load_data()["pattern"]:
        regex = re.compile(entry["regex"])
        assert entry["block"] in BLOCKS and entry.get("seen")
        assert regex.pattern == regex.pattern.lower()


def test_source_names_are_unique():
    names = load_data()["sources"]["names"]
    keys = [label_key(n) for n in names]
    dupes = {k for k in keys if keys.count(k) > 1}
    assert not dupes


def test_field_labels_are_well_formed_and_unique():
    labels = []
    for group in load_data()["field"]:
        assert set(group) <= {"labels", "alone", "seen"}
        assert group.get("seen"), "every group says where its labels were seen"
        labels += [label.casefold() for label in group["labels"]]
    assert len(labels) == len(set(labels))


def test_compound_widgets_name_known_blocks():
    compound = load_data()["compound"]
    assert compound.get("seen")
    assert set(compound["blocks"]) <= BLOCKS
