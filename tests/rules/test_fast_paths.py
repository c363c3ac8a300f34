"""Fast paths and prefilters of the caption, title, boilerplate, date, reference and typography
rules give what the definitions they stand in for give (issue 14)."""

import re
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from soat.knowledge import Knowledge
from soat.lint.context import DocContext
from soat.lint.formats.text import read_text
from soat.rules.captions.duplicate_caption import duplicate_indexes
from soat.rules.captions.repeated_paragraph import Options, find_repeats
from soat.vi.text import POSSESSIVE

# Few words, so that paragraphs share words and groups; digits and credit words included.
VOCAB = ["công", "đoàn", "lao", "động", "hội", "nghị", "năm", "2023", "12", "ảnh", "theo"]
VOCAB += ["quan", "tâm", "chú", "trọng", "Đại", "hội", "tổ", "chức", "ngày", "3.000", "được"]
# Long paragraphs of a few words only leave groups of the index empty (its fallback).
PARAGRAPH = (
    st.lists(st.sampled_from(VOCAB), min_size=1, max_size=40)
    | st.lists(st.sampled_from(VOCAB), min_size=18, max_size=40)
    | st.lists(st.sampled_from(VOCAB[:2]), min_size=18, max_size=26)
)
# An edit of an earlier paragraph: (which, [(position, length, replacement words)])
EDIT = st.tuples(
    st.integers(0, 50),
    st.lists(
        st.tuples(
            st.integers(0, 40), st.integers(0, 3), st.lists(st.sampled_from(VOCAB), max_size=3)
        ),
        max_size=3,
    ),
)
PIECE = st.one_of(
    PARAGRAPH.map(lambda ws: ("new", ws)),
    EDIT.map(lambda e: ("edit", e)),
    EDIT.map(lambda e: ("edit", (e[0], e[1][:1]))),
)


def _paragraphs(pieces) -> list[str]:
    paras: list[list[str]] = []
    for kind, value in pieces:
        if kind == "new" or not paras:
            paras.append(value if kind == "new" else ["hội"])
            continue
        which, edits = value
        words = list(paras[which % len(paras)])
        for pos, length, replacement in edits:
            pos = pos % (len(words) + 1)
            words[pos : pos + length] = replacement
        paras.append(words or ["năm"])
    return [" ".join(ws) + "." for ws in paras]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(PIECE, max_size=30),
    st.sampled_from([0, 90.0, 95.0]),
    st.sampled_from([1, 8]),
    st.integers(0, 12),
)
def test_repeated_paragraph_scan_finds_what_the_index_finds(pieces, threshold, min_words, limit):
    """CAP002: comparing by `fuzz.ratio` first, then asking the index about the few that pass
    (scan_limit > 0), finds the same repeats as looking every paragraph up in the index."""
    text = "Tin\n\n" + "\n\n".join(_paragraphs(pieces)) + "\n"
    doc = read_text("a.txt", text)
    skip = DocContext(doc, Knowledge()).get(duplicate_indexes)
    options = Options(min_words=min_words, threshold=threshold)

    def repeats(scan_limit):
        return [(b.index, e.index, s) for b, e, s in find_repeats(doc, options, skip, scan_limit)]

    assert repeats(limit) == repeats(0)
    # CAP001's comparable texts, shared, give what folding each block again gives.
    from soat.rules.captions.duplicate_caption import comparable_texts, find_duplicates

    texts = DocContext(doc, Knowledge()).get(comparable_texts)
    shared = [(b.index, e.index, s) for b, e, s in find_repeats(doc, options, skip, texts=texts)]
    assert shared == repeats(limit)
    assert list(find_duplicates(doc, texts)) == list(find_duplicates(doc))


VIETNAMESE = "aAđĐưƯơƠệỆ ẠạÀàỹỸ\u0301\u0323 ,.1ⓐⒶⅠⅰß\ud800"


@given(st.text() | st.text(alphabet=VIETNAMESE) | st.text(alphabet="Aa Đđ"))
def test_mostly_upper_prefilter_agrees_with_the_definition(text):
    """TTL rules: `_mostly_upper`, counting on bytes, gives the definition's answer."""
    from soat.rules.titles.context import _mostly_upper, is_mostly_upper

    assert _mostly_upper(text) == is_mostly_upper(text)


@given(
    st.text() | st.text(alphabet="ab 1.,/-–\u0301\n_İ") | st.text(alphabet=VIETNAMESE),
    st.integers(0, 6),
)
def test_more_words_than_agrees_with_the_word_count(text, n):
    """BPL rules, credit lines: the one-regex `more_words_than` is `len(words(text)) > n`."""
    from soat.vi.text import more_words_than, words

    assert more_words_than(text, n) == (len(words(text)) > n)


TOKENS = ["a", "đoàn", "2023", "3.000", "a,b", "-", "–", "…", "(", "”", "a.", "_", "\u0301", "İ"]


@given(
    st.lists(st.sampled_from(TOKENS), max_size=12).map(" ".join)
    | st.lists(st.sampled_from([*TOKENS, " ", "\n", "\t"]), max_size=16).map("".join)
    | st.text(alphabet="ab 1.,/-–\u0301\n_İ"),
    st.integers(0, 6),
)
def test_tokens_with_a_word_character_are_only_counted_when_as_many_words_are_there(text, n):
    """`more_words_than`'s first test: n + 1 space-separated tokens with a word character
    each are more than n words; found on most long paragraphs, and never when fewer."""
    from soat.vi.text import _tokens_re, words

    if _tokens_re(n).match(text):
        assert len(words(text)) > n


FORMS = [True, False] if POSSESSIVE else [False]


@given(
    st.text() | st.text(alphabet="ab 1.,/-–\u0301\n_İ") | st.text(alphabet=VIETNAMESE),
    st.integers(0, 6),
    st.sampled_from(FORMS),
)
def test_the_first_words_regex_without_possessive_quantifiers_counts_the_same(text, n, possessive):
    """Python 3.10's re has no possessive quantifiers: there `more_words_than` keeps each word
    whole with a look-ahead group matched again. Both forms count words as `words` does."""
    from soat.vi.text import _first_words_pattern, words

    found = re.match(_first_words_pattern(n, possessive), text) is not None
    assert found == (len(words(text)) > n)


@pytest.mark.skipif(not POSSESSIVE, reason="the possessive form needs Python 3.11's re")
@given(
    st.lists(st.sampled_from([*TOKENS, " ", "  ", "\n", "\t"]), max_size=16).map("".join)
    | st.text(alphabet="ab 1.,/-–\u0301\n_İ "),
    st.integers(0, 6),
)
def test_the_tokens_regex_finds_the_same_with_greedy_quantifiers(text, n):
    """`_tokens_re` on Python 3.10: each quantifier is followed by what it cannot match, so
    the greedy form matches what the possessive one matches, to the same end."""
    from soat.vi.text import _tokens_pattern

    possessive = re.match(_tokens_pattern(n, True), text)
    greedy = re.match(_tokens_pattern(n, False), text)
    assert (possessive and possessive.span()) == (greedy and greedy.span())


@pytest.mark.skipif(not POSSESSIVE, reason="the possessive form needs Python 3.11's re")
@given(st.text(alphabet="<!-> \t\nsoatdisblenxt-,ABC") | st.text())
def test_the_directive_regex_without_a_possessive_run_matches_the_same(text):
    """soat-disable comments: "\\s*soat" and "\\s*+soat" match the same (a space is no "s")."""
    from soat.lint.suppress import DIRECTIVE_RE

    before = re.compile(DIRECTIVE_RE.pattern.replace(r"\s*soat", r"\s*+soat", 1))
    assert before.pattern != DIRECTIVE_RE.pattern
    for text_ in (text, f"<!-- soat-disable {text} -->", f"<!--{text}soat-enable-->"):
        assert [m.groups() + m.span() for m in before.finditer(text_)] == [
            m.groups() + m.span() for m in DIRECTIVE_RE.finditer(text_)
        ]


ORG_WORDS = ["Công", "đoàn", "công", "Liên", "đoàn", "Lao", "động", "tỉnh", "Ban", "Tuyên", "giáo"]
ORG_WORDS += ["LĐLĐ", "Tổng", "Văn", "phòng", "Ủy", "ban", "Kiểm", "tra", " ", "  ", ", ", "\n"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(ORG_WORDS), max_size=30).map(" ".join))
def test_organisation_forms_without_a_first_word_are_skipped_only_when_absent(text):
    """TTL005: skipping a block with none of the forms' first words, and joining only the
    pairs that start with one, finds what looking up every pair of its words finds (every
    word a first word: every pair joined)."""

    from soat.knowledge import load_knowledge
    from soat.knowledge.indexes import org_forms
    from soat.rules.titles.title_case import _occurrences

    index = org_forms(load_knowledge(()))
    low = text.lower()
    everything = index._replace(firsts=frozenset(low.split()) | index.firsts)
    assert list(_occurrences(text, low, index)) == list(_occurrences(text, low, everything))


TITLE_PIECES = ["Chủ tịch", "CHỦ TỊCH", "phó", "Phó Chủ tịch", "Trưởng Ban", "ủy viên", "Ủy"]
TITLE_PIECES += ["Tổng", "bí thư", "Bộ trưởng", "Thứ", "trưởng", " ", ", ", "“", "”", "-", "x"]


@given(st.lists(st.sampled_from(TITLE_PIECES), max_size=20).map("".join) | st.text())
def test_title_start_offsets_find_every_title_start(text):
    """TTL rules (mentions): the words at `title_start_offsets` that `is_title_start` keeps are
    the `title_starts` of the block's words."""
    from bisect import bisect_left

    from soat.vi.mentions import MentionContext, _Block
    from soat.vi.titles import is_title_start, title_start_offsets, title_starts

    block = _Block(text, MentionContext())
    found = [bisect_left(block.starts, o) for o in title_start_offsets(text)]
    assert all(block.starts[k] == o for k, o in zip(found, title_start_offsets(text), strict=True))
    assert [k for k in found if is_title_start(block.words[k])] == title_starts(block.words)


def test_every_spelling_of_a_title_start_is_found_without_case():
    """A character whose casefold is a letter of a title's first word is one of the cases the
    regex spells out for that letter, and none folds to several of them: the regex misses no
    word whose casefold is a title's first word."""
    from soat.vi.titles import _by_first_word, _cases

    letters = {c for word in _by_first_word() for c in word}
    pieces = {
        word[i:j]
        for word in _by_first_word()
        for i in range(len(word))
        for j in range(i + 2, len(word) + 1)
    }
    for code in range(0x110000):
        c = chr(code)
        folded = c.casefold()
        if folded in letters:
            assert c in _cases(folded), hex(code)
        assert len(folded) == 1 or folded not in pieces, hex(code)


@given(st.text(alphabet=" \u00a0,;:!?.…/a1”\n") | st.text())
def test_spaces_before_a_mark_are_found_as_the_run_then_mark_regex_finds_them(text):
    """TYP002: finding the mark first and walking the spaces back gives the matches of the
    regex it replaces (a run of spaces, from its first space, followed by the mark)."""
    import re

    from soat.rules.typography.punctuation_space import _findings

    definition = re.compile(r"(?<![ \u00a0])[ \u00a0]+([,;:!?](?!\d)|\.(?![\w.…/]))")
    expected = [
        ("before", m.start(), m.start(1), m.group(1))
        for m in definition.finditer(text)
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in '”’")]')
    ]
    assert [f for f in _findings(text) if f[0] == "before"] == expected


DATE_PIECES = ["1", "12", "2024", "/", ".", "-", "–", " ", "  ", ",", "tháng", "THÁNG", "năm"]
DATE_PIECES += ["ngày", "a", "x1", "thứ", "Thứ", "hai", "Chủ", "nhật", "CN", "cn", "\u00a0", "_"]
DATE_TEXTS = st.lists(st.sampled_from(DATE_PIECES), max_size=25).map("".join) | st.text()


@given(DATE_TEXTS)
def test_date_regexes_with_late_look_behinds_match_as_before(text):
    """DAT rules: moving the look-behind after the first digit changes no match."""
    import re

    from soat.vi import dates

    numeric = re.compile(
        r"(?<![\w/.\-–])(\d{1,2})([/.\-])(\d{1,2})(?:\2(\d{4}))?(?![\w/]|[.\-–]\d)"
    )
    # The look-behind first, and the runs of spaces possessive where the interpreter has
    # possessive quantifiers (Python 3.11): the greedy runs of `_LONG_RE` match the same.
    plus = "+" if POSSESSIVE else ""
    long = re.compile(
        rf"(?<!\w)(\d{{1,2}})(\s+{plus})(tháng)(\s+{plus})(\d{{1,2}})(\s+{plus}|\s*{plus},\s+{plus})"
        rf"(năm|tháng)(\s+{plus})(\d{{4}})(?!\d)",
        re.IGNORECASE,
    )
    for old, new in ((numeric, dates._NUMERIC_RE), (long, dates._LONG_RE)):
        assert [m.groups() + m.span() for m in old.finditer(text)] == [
            m.groups() + m.span() for m in new.finditer(text)
        ]


@given(DATE_TEXTS | st.text(alphabet="tThHứỨưƯcCnN ủỦuUậẬ\u0301İı"))
def test_weekday_prefilter_never_hides_a_weekday(text):
    """DAT003: a text the substring test rules out has no match of the weekday regex."""
    from soat.vi import dates

    if not dates._may_name_a_weekday(text):
        assert not list(dates._WEEKDAY_RE.finditer(text))


SYMBOL_PIECES = ["12", "2024", "/", "-", "–", " ", "NQ", "TW", "NĐ", "CP", "QĐ", "a", ".", "x"]
SYMBOL_PIECES += ["Nghị quyết số ", "Quyết định ", "_", "\u00a0"]


@given(st.lists(st.sampled_from(SYMBOL_PIECES), max_size=20).map("".join) | st.text())
def test_symbol_candidates_with_a_late_look_behind_match_as_before(text):
    """REF rules: moving the look-behind of the symbol regex after the first digit changes no
    match."""
    import re

    from soat.vi import doc_symbols

    pattern = doc_symbols._CANDIDATE_RE.pattern
    head = r"(\d(?<![\w/.\-]\d)\d{0,4}[a-z]?)"
    assert pattern.startswith(head)
    definition = re.compile(r"(?<![\w/.\-])(\d{1,5}[a-z]?)" + pattern[len(head) :])
    assert [m.groups() + m.span() for m in definition.finditer(text)] == [
        m.groups() + m.span() for m in doc_symbols._CANDIDATE_RE.finditer(text)
    ]


@given(st.text() | st.text(alphabet="aĐđếỆ\u0300\u0323\u034f\u0350\u0483“x "))
def test_strip_diacritics_agrees_with_the_per_character_table(text):
    """BPL rules (tone-folded phrases): removing the common marks by regex first gives what
    deleting every combining character gives."""
    import unicodedata

    from soat.vi.text import strip_diacritics

    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    assert strip_diacritics(text) == "".join(c for c in decomposed if not unicodedata.combining(c))


def test_the_common_marks_regex_only_deletes_combining_characters():
    import unicodedata

    from soat.vi.text import _COMBINING_MARKS_RE

    matched = [c for c in map(chr, range(0x10000)) if _COMBINING_MARKS_RE.fullmatch(c)]
    assert len(matched) == 0x70 - 1
    assert all(unicodedata.combining(c) for c in matched)


REMNANT_PIECES = [
    "&amp;",
    "&nbsp",
    "&#12;",
    "<br>",
    "</p>",
    "<!-- x -->",
    "[caption]",
    "Ảnh",
    "ẢNH",
]
REMNANT_PIECES += ["Nguồn ảnh", ": ", "Ngọc Anh", "Phó", " ", "x", "&", "<", "[", "ảnh"]


@given(st.lists(st.sampled_from(REMNANT_PIECES), max_size=12).map("".join) | st.text())
@example("xẢnh: a")
@example("_Nguồn ảnh: a")
@example("(Ảnh minh hoạ : TTXVN)Phó")
def test_remnant_prefilter_never_hides_a_match(text):
    """BPL003: a block the substring test rules out matches none of the rule's patterns."""
    from soat.knowledge import Knowledge
    from soat.rules.boilerplate import markup_remnant as m

    entity_re, tag_re = m.markup_patterns(Knowledge())
    if not m.may_hold_a_remnant(text):
        for regex in (entity_re, tag_re, m._COMMENT_RE, m._SHORTCODE_RE, m._CREDIT_RE):
            assert regex.search(text) is None
    # each pattern apart, as `check` asks them
    for trigger, regexes in (
        ("&" in text, (entity_re,)),
        ("<" in text, (tag_re, m._COMMENT_RE)),
        ("[" in text, (m._SHORTCODE_RE,)),
        (m._may_hold_a_credit(text), (m._CREDIT_RE,)),
    ):
        if not trigger:
            assert all(regex.search(text) is None for regex in regexes)
    # the credit regex with its word boundary after the first letter, as before
    definition = re.compile(r"\b(?:Ảnh|ẢNH|Nguồn ảnh|Ảnh minh họa|Ảnh minh hoạ)\s*:\s*")
    assert [x.span() for x in m._CREDIT_RE.finditer(text)] == [
        x.span() for x in definition.finditer(text)
    ]


@given(st.text(alphabet=" \t\u00a0\u2009\u3000\r\nab\u0085") | st.text())
def test_whitespace_runs_match_as_the_three_alternatives_did(text):
    """TYP001: the run regex written from its first space finds the runs of the definition."""
    import re

    from soat.rules.typography.whitespace import _RUN_RE, _SPACES

    definition = re.compile(
        rf"{_SPACES}{{2,}}|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]| (?=[\r\n]|\Z)"
    )
    assert [m.span() for m in _RUN_RE.finditer(text)] == [
        m.span() for m in definition.finditer(text)
    ]


@given(st.text() | st.text(alphabet="aB .,-–/\u0345\u0301İß_1 ") | st.text(alphabet=VIETNAMESE))
def test_more_folded_words_is_only_said_when_true(text):
    """BPL001: the test on the unfolded text never says a block has more folded words than it
    has."""
    from soat.vi.furniture import _has_more_folded_words
    from soat.vi.text import fold_case, more_words_than

    for n in (0, 1, 3):
        if _has_more_folded_words(text, n):
            assert more_words_than(fold_case(text), n)


def test_case_folding_keeps_words_apart_but_for_one_character():
    """What `_has_more_folded_words` relies on, over every character: a word character folds
    to a string that starts with one, a joiner of numbers stays itself, any other character
    folds to neither, except U+0345."""
    import re

    word = re.compile(r"\w")
    joiners = set(".,/-–")
    exceptions = []
    for code in range(0x110000):
        c = chr(code)
        folded = c.casefold()
        if c in joiners:
            ok = folded == c
        elif word.match(c):
            ok = bool(word.match(folded[0]))
        else:
            ok = not any(word.match(x) or x in joiners for x in folded)
        if not ok:
            exceptions.append(c)
    assert exceptions == ["\u0345"]


@given(st.text(alphabet="ABĐa /-.1_ \u00c0") | st.text())
def test_acronyms_with_a_late_look_behind_match_as_before(text):
    """TTL006: moving the look-behind after the first capital changes no match."""
    import re

    from soat.rules.titles.abbreviation_intro import _ACRONYM_RE

    definition = re.compile(r"(?<![\w/\-.])[A-ZĐ]{2,}(?![\w/]|-\w|\.\w)")
    assert [m.span() for m in _ACRONYM_RE.finditer(text)] == [
        m.span() for m in definition.finditer(text)
    ]


@given(st.lists(st.sampled_from(["Tổng LĐLĐ", " Việt Nam", " VN", "Công đoàn", " GTVT", "x", " "])))
def test_registry_abbreviations_are_searched_only_where_their_text_is(pieces):
    """TTL006: a block without the text of any registry abbreviation has no match of their
    regex (the substring test that skips it)."""
    from soat.knowledge import load_knowledge
    from soat.rules.titles.abbreviation_intro import known_abbreviations

    known = known_abbreviations(load_knowledge(()))
    text = "".join(pieces)
    if known.multi_re is not None and not any(a in text for a in known.multi):
        assert known.multi_re.search(text) is None


@given(st.text(alphabet="12a hộ.,/-’'_x") | st.text())
def test_glued_numbers_with_a_late_look_behind_match_as_before(text):
    """TYP002: moving the look-behind of the glued-number regex after the first digit changes
    no match."""
    import re

    from soat.vi.glued import _NUMBER_RE

    definition = re.compile(r"(?<![\w\-./,’'])(\d+(?:[.,]\d+)*)([^\W\d_]+)(?![\w\-]|[.,/][^\W_])")
    assert [m.groups() + m.span() for m in _NUMBER_RE.finditer(text)] == [
        m.groups() + m.span() for m in definition.finditer(text)
    ]


def _compound_by_definition(folded, labels, outlets):
    """match_compound as it was: a search for any widget label first, then every label and
    outlet tried in turn on each piece."""
    import re

    from soat.vi.furniture import _COUNTER_PIECE_RE, _PIECE_SEPARATOR_RE, _starts_with_word
    from soat.vi.text import more_words_than

    def cover(s):
        s = s.strip(" -–—:")
        if not s:
            return 0, 0
        m = _COUNTER_PIECE_RE.match(s)
        if m and (m.end() == len(s) or not s[m.end()].isalnum()):
            rest = cover(s[m.end() :])
            return None if rest is None else (rest[0], rest[1] + 1)
        for key in labels:
            if _starts_with_word(s, key) and (rest := cover(s[len(key) :])) is not None:
                return rest[0] + 1, rest[1]
        for key in outlets:
            if _starts_with_word(s, key) and (rest := cover(s[len(key) :])) is not None:
                return rest[0], rest[1] + 1
        return None

    if more_words_than(folded, 14):
        return None
    if not re.search("|".join(re.escape(label) for label in labels), folded):
        return None
    widgets = units = 0
    for piece in _PIECE_SEPARATOR_RE.split(folded):
        covered = cover(piece)
        if covered is None:
            return None
        widgets, units = widgets + covered[0], units + covered[0] + covered[1]
    return (widgets, units) if widgets and units >= 2 else None


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_compound_furniture_lines_are_found_as_before(data):
    """BPL001: testing each piece's start against all labels (and outlets) at once, and no
    separate search for a label, finds the compound lines the definition finds; so does
    ruling a line out by the start of its first piece (`_may_start_a_compound`)."""
    from soat.vi.furniture import match_compound, phrase_table

    table = phrase_table(())
    labels, outlets = table.compound_units
    units = st.sampled_from([*labels[-12:], *outlets[-6:], "(0)", "12"])
    separators = st.sampled_from([" | ", " ", " • ", " - ", ": "])
    line = st.lists(st.tuples(units, separators), min_size=1, max_size=4).map(
        lambda pairs: "".join(u + s for u, s in pairs)
    )
    prefixed = st.tuples(
        st.sampled_from(["-", " ", "– ", ": ", "\t", "|", "• ", "x", "(", "٣"]), line
    )
    folded = data.draw(
        line
        | line.map(lambda x: x + "x")
        | line.map(lambda x: "bình " + x)
        | prefixed.map("".join)
        | st.text(alphabet=" -–:|•·([0١٣a\t")
    )
    expected = _compound_by_definition(folded, labels, outlets)
    assert (match_compound(folded, table) is not None) == (expected is not None)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.text(alphabet="ae\u0301\u0323\u0302Đ \t\u00a0<>&;p#*\n"), max_size=6),
    st.sampled_from(["a.txt", "a.md", "a.html"]),
)
def test_comparable_texts_of_blocks_need_no_normalising(paragraphs, name):
    """CAP001/CAP002 (`comparable_texts`) and BPL001 (`match_furniture(nfc=True)`): a block's
    text is NFC whatever the source (decomposed marks included), so collapsing its spaces is
    `comparable`."""
    from soat.lint.formats import parse
    from soat.rules.captions.duplicate_caption import comparable_texts
    from soat.vi.text import comparable

    doc = parse(name, "\n\n".join(["Tin", *paragraphs]) + "\n")
    assert all(unicodedata.is_normalized("NFC", b.text) for b in doc.blocks)
    # TYP005: a raw text equals its block's text exactly when it is NFC
    for b in doc.blocks:
        assert (b.raw.text == b.text) == unicodedata.is_normalized("NFC", b.raw.text)
    texts = DocContext(doc, Knowledge()).get(comparable_texts)
    assert texts == {i: comparable(doc.blocks[i].text) for i in texts}


@pytest.mark.parametrize(
    "folded",
    ["12 bình luận", "\t3 bình luận", "-\t| bình luận (0)", "(0) bình luận", "· bình luận | 3"],
)
def test_compound_lines_starting_with_a_counter_or_a_separator_are_found(folded):
    """BPL001: `_may_start_a_compound` lets through a first piece that starts with a counter
    (a digit, a bracket, a space) or is empty."""
    from soat.vi.furniture import match_compound, phrase_table

    table = phrase_table(())
    labels, outlets = table.compound_units
    assert _compound_by_definition(folded, labels, outlets) is not None
    assert match_compound(folded, table) is not None


@given(st.text(alphabet="“”\"'a ") | st.text())
def test_quote_regex_matches_as_before(text):
    """TYP006: the quote regex written as four literal alternatives finds what it found."""
    import re

    from soat.rules.typography.quotes import _QUOTE_RE

    definition = re.compile(r"[“”\"]|(?<!')''(?!')")
    assert [m.span() for m in _QUOTE_RE.finditer(text)] == [
        m.span() for m in definition.finditer(text)
    ]


@given(st.lists(st.sampled_from(TITLE_PIECES + ["Ủy viên Ban Chấp hành", "Ban", "\n", "  "])))
def test_a_block_without_a_title_by_the_prefilter_has_none_at_any_word(pieces):
    """TTL rules (mentions): `has_a_title`, trying titles on a few tokens at each possible
    start, is false only when `match_title` finds none at any word of the block."""
    from soat.vi.mentions import MentionContext, _Block, has_a_title
    from soat.vi.titles import match_title

    text = "".join(pieces)
    words = _Block(text, MentionContext()).words
    anywhere = any(match_title(words, i) is not None for i in range(len(words)))
    assert has_a_title(text) == anywhere


@given(
    st.lists(
        st.sampled_from(["CÔNG ĐOÀN VIỆT NAM", "Công đoàn", "Chủ tịch Nguyễn Văn A"]), max_size=6
    )
)
def test_upper_blocks_asked_one_by_one_are_the_blocks_in_capitals(paragraphs):
    """TTL rules: the lazy `mostly_upper_blocks` holds the same indexes as the set of every
    block written mostly in capitals."""
    from soat.rules.titles.context import is_mostly_upper, mostly_upper_blocks

    doc = read_text("a.txt", "\n\n".join(["Tin", *paragraphs]) + "\n")
    upper = DocContext(doc, Knowledge()).get(mostly_upper_blocks)
    expected = {b.index for b in doc.blocks if is_mostly_upper(b.text)}
    assert {b.index for b in doc.blocks if b.index in upper} == expected
    assert -1 not in upper and len(doc.blocks) not in upper


def _furniture_pieces() -> list[str]:
    from soat.vi.furniture import builtin_phrases
    from soat.vi.text import fold_tones

    texts = [p.text for p in builtin_phrases()]
    tricky = [
        "Theo",
        "tin",
        "Bình",
        "luận",
        "xem",
        "thêm",
        "Tiếp",
        "Ảnh",
        "đọc",
        "\u0301",
        "\u0345",
    ]
    prefixes = [fold_tones(p.text) for p in builtin_phrases() if p.form == "prefix"]
    return texts[:40] + [fold_tones(t) for t in texts[::7]] + texts[-20:] + prefixes + tricky


FURNITURE_PIECES = _furniture_pieces()
FURNITURE_GLUE = ["", " ", "  ", ": ", " (12)", " 3", "-- ", " --", "|", ".", "…", "\u00a0", "Ộ"]
FURNITURE_TEXTS = (
    st.lists(
        st.tuples(st.sampled_from(FURNITURE_PIECES), st.sampled_from(FURNITURE_GLUE)), max_size=5
    )
    .map(lambda pairs: "".join(p + g for p, g in pairs))
    .flatmap(lambda s: st.sampled_from([s, s.upper(), s.title(), "» " + s, s + " »", s + "."]))
)


# Furniture followed by about MAX_FURNITURE_WORDS words more: a match is only one up to it.
LONG_FURNITURE_TEXTS = st.tuples(
    FURNITURE_TEXTS, st.integers(30, 50), st.sampled_from([" tin", " a,b", " -", ";x", " 1 (2)"])
).map(lambda t: t[0] + t[2] * t[1])


@settings(max_examples=400, deadline=None)
@given(FURNITURE_TEXTS | LONG_FURNITURE_TEXTS | st.text(alphabet=VIETNAMESE + "-:()»") | st.text())
@example("Phản hồi (3)")  # a label no longer line begins, before a counter
@example("Xem thêm:" + " tin" * 40)  # a prefix, with 41 words
@example("Xem thêm:" + " tin" * 39)
@example("Bình luận" + " -" * 30 + ";x" * 40)  # words the tokens do not count
@example("» Trang chủ 12")
@example("Tin khác: Hội nghị, Đại hội")  # the same before a colon
@example("-- Tags --: công đoàn")
@example("Có thể bạn  quan tâm")  # spaces to collapse
@example(" Bình luận\u00a0(0)")
def test_furniture_blocks_told_by_their_first_words_match_as_before(text):
    """BPL001/BPL002 (builtin_furniture): a short block whose first two words, tone-folded,
    begin no phrase goes straight to the patterns, and matches as the definition (every
    phrase tried with its tone-folded key) matches it."""
    from soat.vi.furniture import (
        MAX_FURNITURE_WORDS,
        _has_more_folded_words,
        _match_phrases,
        match_furniture,
        phrase_table,
    )
    from soat.vi.text import fold_case, more_words_than

    table = phrase_table(())
    s = fold_case(text)
    if _has_more_folded_words(text, MAX_FURNITURE_WORDS) or not s:
        expected = None
    elif more_words_than(s, MAX_FURNITURE_WORDS):
        expected = None
    else:
        expected = _match_phrases(text, s, table)
    assert match_furniture(text, table) == expected
    if unicodedata.is_normalized("NFC", text):  # a block's text
        assert match_furniture(text, table, nfc=True) == expected


@given(st.text() | st.text(alphabet=VIETNAMESE + "\u0345\u0338<İ\u1100\u1161\u2000"))
def test_tone_folding_folds_the_words_of_a_case_folded_text_apart(text):
    """What `_may_name_a_phrase` relies on: `fold_tones` of a `fold_case` text is the folds of
    its space-separated words, joined by the same spaces."""
    from soat.vi.text import fold_case, fold_tones

    s = fold_case(text)
    assert fold_tones(s) == " ".join(fold_tones(w) for w in s.split(" "))


@given(
    st.lists(
        st.sampled_from(
            ["Phó", "phó", "Chủ", "tịch", "TỊCH", "Thường", "trực", "Bộ", "trưởng", "Ban", "x"]
            + ["Trưởng", "ban", "Tuyên", "giáo", "Tổng", "Bí", "thư", "İ", "ß", "Ss", ","]
        ),
        max_size=8,
    )
    | st.lists(st.text(max_size=4), max_size=5)
)
def test_a_title_start_is_found_by_set_look_ups_as_by_comparing_each_form(words):
    """TTL rules (has_a_title): `starts_with_a_title`, one set look-up per title length, says
    what `match_title` at the first word says."""
    from soat.vi.titles import match_title, starts_with_a_title

    assert starts_with_a_title(words) == (match_title(words, 0) is not None)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(PIECE, min_size=1, max_size=20),
    st.sampled_from([0, 40.0, 90.0, 95.0, 100.0]),
    st.lists(st.text(alphabet="ab ", max_size=12), max_size=4),
)
def test_repeated_paragraph_scan_of_the_lengths_that_may_pass_finds_what_a_full_scan_finds(
    pieces, threshold, extra
):
    """CAP002: `similar` scans only the earlier paragraphs whose length lets `fuzz.ratio`
    reach the threshold, and finds what one rapidfuzz pass over all of them finds."""
    from soat.rules.captions.repeated_paragraph import _Entry

    doc = read_text("a.txt", "\n\n".join(_paragraphs(pieces) + [e or "x" for e in extra]) + "\n")
    _similar_is_one_fuzz_ratio_pass([_Entry(b, b.text.casefold()) for b in doc.blocks], threshold)


def _similar_is_one_fuzz_ratio_pass(entries, threshold: float) -> None:
    """`_Index.similar` of each entry, against the entries before it, finds what one
    rapidfuzz pass of `fuzz.ratio` over their keys finds: with the ASCII characters' edit
    distance first (a process that has imported rapidfuzz) and with the characters'
    counts first (one that has not)."""
    from rapidfuzz import fuzz, process

    from soat.rules.captions.repeated_paragraph import _Index

    for with_rapidfuzz in (True, False):
        index = _Index(with_rapidfuzz)
        for entry in entries:
            everything = process.extract(
                entry.key,
                [e.key for e in index.entries],
                scorer=fuzz.ratio,
                score_cutoff=threshold,
                limit=None,
            )
            expected = [index.entries[k] for k in sorted(k for _, s, k in everything if s)]
            assert index.similar(entry, threshold) == expected, with_rapidfuzz
            index.add(entry)


def test_repeated_paragraph_leaves_rapidfuzz_unimported_when_no_pair_can_repeat():
    """A process that has not imported rapidfuzz (a one-article run) does not import it
    for paragraphs whose characters rule every pair out."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from soat.lint.formats import parse\n"
        "from soat.rules.captions.repeated_paragraph import _Entry, _Index\n"
        "doc = parse('a.txt', 'Một hai ba bốn năm.\\n\\nSáu bảy tám chín mười.\\n\\n"
        "Một hai ba bốn nam.\\n')\n"
        "index = _Index()\n"
        "found = []\n"
        "for block in doc.blocks:\n"
        "    entry = _Entry(block, block.text.casefold())\n"
        "    found.append(len(index.similar(entry, 90.0)))\n"
        "    index.add(entry)\n"
        "    if len(found) == 2:\n"
        "        found.append('rapidfuzz' in sys.modules)\n"
        "print(found, 'rapidfuzz' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    # the second paragraph is near no earlier one: nothing imported; the third is near
    # the first ("năm"/"nam": one substitution, two edits in 38 characters)
    assert out.split() == ["[0,", "0,", "False,", "1]", "True"]


# Keys mostly of Vietnamese letters, a few ASCII ones: what the ASCII characters alone tell
# (`_Index.similar`) is least.
NEAR_TEXTS = st.text(alphabet="aăâđêôơưạảãáàệếềộ ốờợữ.,1", max_size=40) | st.text(max_size=12)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            NEAR_TEXTS, st.integers(0, 8), st.integers(0, 40), NEAR_TEXTS.map(lambda t: t[:3])
        ),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from([0, 40.0, 75.0, 90.0, 95.0, 100.0]) | st.floats(0, 100),
)
def test_repeated_paragraph_scan_of_the_ascii_letters_finds_what_fuzz_ratio_finds(
    pieces, threshold
):
    """CAP002: `similar`, which compares the ASCII characters of two keys before their
    `fuzz.ratio`, finds what one rapidfuzz pass of `fuzz.ratio` over the keys finds, also
    for keys that are edits of earlier ones (near the threshold)."""
    from soat.rules.captions.repeated_paragraph import _Entry

    keys: list[str] = []
    for text, which, at, insert in pieces:
        if keys and which:  # an edit of an earlier key: a cut and an insertion
            earlier = keys[which % len(keys)]
            at %= len(earlier) + 1
            text = earlier[:at] + insert + earlier[at + len(insert) :]
        keys.append(text)
    block = read_text("a.txt", "x\n").blocks[0]
    _similar_is_one_fuzz_ratio_pass([_Entry(block, key) for key in keys], threshold)


def _counter_label_definition(s: str) -> str | None:
    """`_counter_label` as written before its early return: the trailing digits, dots and
    commas walked back one by one."""
    import re

    number_re = re.compile(r"\d[\d.,]*")
    if s.endswith(")") or s.endswith("]"):
        opening = s.rfind("(" if s.endswith(")") else "[")
        if opening < 0 or not number_re.fullmatch(s[opening + 1 : -1].strip()):
            return None
        head = s[:opening]
    else:
        tail = len(s)
        while tail and (s[tail - 1].isdecimal() or s[tail - 1] in ".,"):
            tail -= 1
        number = s[tail:]
        first_digit = next((k for k, c in enumerate(number) if c.isdecimal()), None)
        if first_digit is None or not number_re.fullmatch(number[first_digit:]):
            return None
        head = s[: tail + first_digit]
    head = head.rstrip()
    if head[-1:] in (":", "-", "–"):
        head = head[:-1].rstrip()
    return head or None


@given(st.text(alphabet="bình luận:-– ().,[]1٣²") | st.text())
@example("bình luận: 1.234.")
@example("lượt xem ٣,")
def test_a_counter_label_is_found_as_by_walking_the_digits_back(s):
    """BPL001: `_counter_label` with its early return for a line whose final digits, dots
    and commas hold no digit gives what walking them back gives."""
    from soat.vi.furniture import _counter_label

    assert _counter_label(s) == _counter_label_definition(s)


PATTERN_PIECES = ["theo dõi", " ", "báo", "trên", " facebook", "aa", "1.2", "zalo", "|", "/", "x"]


@given(st.lists(st.sampled_from(PATTERN_PIECES), max_size=8).map("".join) | st.text())
@example("zalo | facebook")
@example("aa 12")
@example("theo dõi báo trên zalo")
def test_the_furniture_patterns_joined_match_what_one_of_them_matches(label):
    """BPL001: the alternation of the furniture patterns matches a whole label exactly when
    one of them does; patterns with flags or back-references are not joined."""
    import re

    from soat.vi.furniture import PhraseTable, phrase_table

    table = phrase_table(())
    assert table.any_pattern is not None
    joined = table.any_pattern.fullmatch(label) is not None
    assert joined == any(regex.fullmatch(label) for regex, _ in table.patterns)
    for odd in (re.compile("a", re.IGNORECASE), re.compile(r"(a)\1"), re.compile("(?P<x>a)(?P=x)")):
        assert PhraseTable({}, {}, (), ((odd, "x"),)).any_pattern is None


def _field_label_pieces() -> list[str]:
    from soat.vi.furniture import load_data

    labels = [label for group in load_data().get("field", ()) for label in group["labels"]]
    return labels + [label.upper() for label in labels[:5]] + [label[1:] for label in labels[:5]]


FIELD_PIECES = _field_label_pieces() + [":", " :", "\t", " ", "\n", "x", "İ", "ſ", "\u212a", "ß"]


@given(st.lists(st.sampled_from(FIELD_PIECES), max_size=8).map("".join) | st.text())
def test_field_labels_are_found_in_the_reversed_text_as_in_the_text(text):
    """BPL001: searching the reversed text for the reversed labels after a colon finds a
    field label exactly when the label regex finds one in the text."""
    from soat.vi.furniture import _field_label_re, has_field_label_word

    assert has_field_label_word(text) == (_field_label_re()[0].search(text) is not None)


CHANGE_PIECES = ["bầu", "Bổ nhiệm", "BÀN GIAO", "thôi", " giữ", " làm", "khi đó", "kiêm", "K"]
CHANGE_PIECES += ["\u212aiêm", "từng", " là", "x", " ", "-", "ầu", "nhiệm", "thời điểm đó", "ı"]


@given(st.lists(st.sampled_from(CHANGE_PIECES), max_size=10).map("".join) | st.text())
def test_change_words_grouped_by_first_letter_match_as_the_plain_alternation(text):
    """TTL001/TTL003 (describes_changes): the change words grouped by first letter find the
    same first match as the plain case-blind alternation of the words."""
    import re

    from soat.rules.titles.context import _CHANGE_RE, _CHANGE_WORDS

    definition = re.compile(rf"\b({'|'.join(_CHANGE_WORDS)})\b", re.IGNORECASE)
    found, expected = _CHANGE_RE.search(text), definition.search(text)
    assert (found and found.span(1)) == (expected and expected.span(1))


DASH_PIECES = ["2023", "1999", "20", "19", "-", "–", "—", " ", "\u00a0", "a", "/", ".", ",", "5"]
DASH_PIECES += ["\n", "Hiểu", "2028", "x2020"]


@settings(max_examples=400)
@given(
    st.lists(st.sampled_from(DASH_PIECES), max_size=12).map("".join)
    | st.lists(st.sampled_from(["/", "a", ".", "–", " ", "2023", "-", "2028"]), max_size=6).map(
        "".join
    )
    | st.text()
)
@example("/2023-2028")
@example("a 2023 – 2028.")
@example("2023-2028")
@example("a - - b")
@example("\t - b 1 – c")
@example("a  \u00a0—  b")
def test_dash_regexes_with_a_late_look_behind_and_a_prefilter_match_as_before(text):
    """TYP006: the year-range regex with its look-behind after "19"/"20" matches as the one
    with it in front, and a text the spaced-dash prefilter rules out has no spaced dash."""
    import re

    from soat.rules.typography.dash import (
        _RANGE_RE,
        _SPACED_DASH_RE,
        _YEAR,
        _may_have_a_spaced_dash,
        _spaced_dashes,
    )

    definition = re.compile(
        rf"(?<![\w/.,\-–—])({_YEAR})([ \u00a0]*)([-–—])([ \u00a0]*)({_YEAR})"
        r"(?![\w/]|[.,]\d|[ \u00a0]*[-–—][ \u00a0]*\d)"
    )
    assert [m.groups() + m.span() for m in _RANGE_RE.finditer(text)] == [
        m.groups() + m.span() for m in definition.finditer(text)
    ]
    if not _may_have_a_spaced_dash(text):
        assert _SPACED_DASH_RE.search(text) is None
    spaced = re.compile(r"(?<=[^\s\d])[ \u00a0]+([-–—])[ \u00a0]+(?=[^\s\d\-–—])")
    assert list(_spaced_dashes(text)) == [(m.start(1), m.group(1)) for m in spaced.finditer(text)]


@given(st.text(alphabet=" \u00a0,;:!?.a1_…/Đ") | st.text())
@example("a ,b")
@example("a .")
@example("a.b")
def test_the_punctuation_prefilter_finds_a_mark_where_either_regex_finds_one(text):
    """TYP002: a block `_EITHER_RE` finds nothing in has no space before a mark and no mark
    glued to a word, and the other way round."""
    from soat.rules.typography.punctuation_space import (
        _EITHER_RE,
        _NO_SPACE_AFTER_RE,
        _SPACE_BEFORE_RE,
    )

    either = _SPACE_BEFORE_RE.search(text) or _NO_SPACE_AFTER_RE.search(text)
    assert (_EITHER_RE.search(text) is None) == (either is None)


@given(st.text(alphabet=" \t\u00a0\u2009\u3000\u205f\r\nab\u0085") | st.text())
@example("a \nb")  # a space before a line break, in a text that is not printable
@example("a \rb")
@example("a\u3000b")
def test_a_block_the_whitespace_prefilter_rules_out_has_no_run(text):
    """TYP001: a text `_may_have_a_run` rules out has no match of the run regex."""
    from soat.rules.typography.whitespace import _RUN_RE, _may_have_a_run

    if not _may_have_a_run(text):
        assert _RUN_RE.search(text) is None


@given(
    st.text(alphabet=" \t\n\u00a0\u2009\u3000\u0085\x1c\u200bab")
    | st.text(alphabet="ab ")
    | st.text()
)
@example("a ")
@example(" a")
@example("a  b")
@example("a\u00a0b")
def test_collapse_spaces_leaves_alone_only_what_splitting_would_not_change(text):
    """comparable/fold_case (CAP001, CAP002, BPL001…): `collapse_spaces` returning a text as it
    is gives what splitting it at whitespace and joining the words with one space gives."""
    from soat.vi.text import collapse_spaces

    assert collapse_spaces(text) == " ".join(text.split())


def test_the_other_spaces_regex_is_whitespace_but_the_plain_space():
    """`collapse_spaces` relies on `\\s` of a str pattern being str.isspace, at every code
    point."""
    from soat.vi.text import _OTHER_SPACE_RE

    for c in map(chr, range(0x110000)):
        assert (_OTHER_SPACE_RE.match(c) is not None) == (c.isspace() and c != " "), hex(ord(c))


def test_no_space_but_the_plain_one_is_printable():
    """`collapse_spaces` rules out other spaces in a text `str.isprintable` accepts."""
    for c in map(chr, range(0x110000)):
        if c.isspace() and c != " ":
            assert not c.isprintable(), hex(ord(c))


def _line_starts_as_before(doc, block) -> list[int]:
    """boilerplate_line._line_starts as it was: a Python step per character."""
    text, view = block.text, block.nfc
    starts = [0]
    for i in range(1, len(text)):
        if text[i - 1].isspace() and any(
            c in "\n\r" for c in doc.source[view.starts[i - 1] : view.ends[i - 1]]
        ):
            starts.append(i)
    return starts


_LINE_PIECES = st.sampled_from(
    [
        "Tác giả:",
        "Nguồn",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\r",
        "\t",
        "\u00a0",
        "&nbsp;",
        "<br>",
        "<p>",
        "</p>",
        "**",
        "Hà Nội",
        "ngày 5/3",
        "Tiêu đề: ",
        "x",
    ]
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(_LINE_PIECES, max_size=30).map("".join),
    st.sampled_from(["bai.txt", "bai.md", "bai.html"]),
)
@example("Tác giả:\nNguồn: x\r\nHà Nội\n", "bai.txt")
@example("<p>Tiêu đề: x<br>\nNguồn</p>", "bai.html")
def test_line_starts_found_from_the_spaces_as_before(source, name):
    from soat.lint.formats import parse
    from soat.rules.boilerplate.boilerplate_line import _line_starts

    doc = parse(name, source)
    for block in doc.blocks:
        assert _line_starts(doc, block) == _line_starts_as_before(doc, block)


def test_the_written_out_telltales_are_the_schemes_telltales():
    """TYP007: `TELLTALE_RE` (written out, so that no table is built for clean text)
    matches a character exactly when a scheme's telltales do, at every code point."""
    from soat.vi.legacy import _schemes_telltales
    from soat.vi.legacy_telltales import TELLTALE_RE

    written, derived = TELLTALE_RE, _schemes_telltales()
    for c in map(chr, range(0x110000)):
        assert (written.match(c) is None) == (derived.match(c) is None), hex(ord(c))


@given(
    st.lists(st.text(alphabet="ab đ", max_size=6), max_size=8),
    st.text(alphabet="ab đ", max_size=10),
)
def test_key_starts_tell_what_one_startswith_over_all_keys_tells(keys, text):
    """BPL001 (compound lines): `KeyStarts.start`, trying the keys of the text's first word
    and first character only, is `text.startswith(keys)`."""
    from soat.vi.furniture import KeyStarts

    assert KeyStarts.of(keys).start(text) == text.startswith(tuple(keys))


QUOTE_PIECES = ["“", "”", "a", " ", "1", "[x]", '"', "''", "'", "\n\n", "(", "“a”", "Tin"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(QUOTE_PIECES), max_size=24).map("".join),
    st.sampled_from(["consistent", "curly", "straight"]),
)
@example("“a” b.\n\n“c\n\nd”", "consistent")  # a quotation over three paragraphs
@example("“a”“b”\n\n”c", "curly")
@example("15” a “b”", "consistent")
@example('"a" "b" "c"\n\n“d”', "consistent")  # straight quotes win: “d” is the odd kind
def test_quote_paragraphs_of_curly_pairs_are_skipped_as_if_classified(text, style):
    """TYP004: in a document of curly quotes only, leaving out the paragraphs of “…” pairs
    gives the findings that classifying every paragraph gives."""
    from soat.rules.typography.quotes import Options, _check

    doc = read_text("a.txt", "Tin\n\n" + text + "\n")
    options = Options(style=style)

    def found(skip_pairs):
        return [(d.start, d.end, d.message.en) for d in _check(doc, options, skip_pairs)]

    assert found(True) == found(False)
