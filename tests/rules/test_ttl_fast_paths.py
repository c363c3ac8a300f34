"""Fast paths and prefilters of the title, date and reference rules (TTL, DAT, REF) give what
the definitions they stand in for give (issue 14). Each test keeps the definition, or the
condition the fast path relies on, and compares."""

from hypothesis import event, example, given, settings
from hypothesis import strategies as st

DATE_PIECES = ["1", "12", "2024", "/", ".", "-", "–", " ", "  ", ",", "tháng", "THÁNG", "năm"]
DATE_PIECES += ["ngày", "a", "x1", "thứ", "Thứ", "hai", "Chủ", "nhật", "CN", "\u00a0", "_", "\n"]
DATE_PIECES += ["Tháng", "tHáng", "thÁng", "\u0660", "٣"]
DATE_TEXTS = st.lists(st.sampled_from(DATE_PIECES), max_size=25).map("".join) | st.text()


@given(DATE_TEXTS)
def test_a_text_without_the_date_hint_has_no_date_match(text):
    """DAT rules: `find_dates` returns nothing for a text without `_DATE_HINT_RE`; every date
    it finds is a match of `_NUMERIC_RE` or `_LONG_RE`, and neither matches there."""
    from soat.vi import dates

    if dates._DATE_HINT_RE.search(text) is None:
        assert dates._NUMERIC_RE.search(text) is None
        assert dates._LONG_RE.search(text) is None
        assert dates.find_dates(text) == []


@given(DATE_TEXTS)
def test_weekdays_attach_to_nothing_in_a_block_without_dates(text):
    """DAT003 skips a block without dates: no weekday attaches to a date there."""
    from soat.vi.dates import attach_weekdays

    assert attach_weekdays(text, []) == []


TITLE_PIECES = ["Chủ tịch", "CHỦ TỊCH", "phó", "Phó Chủ tịch", "Trưởng Ban", "ủy viên", "Ủy"]
TITLE_PIECES += ["Tổng", "bí thư", "Bộ trưởng", "Thứ", "trưởng", " ", ", ", "“", "”", "-", "x"]
TITLE_PIECES += ["Ủy viên Ban Chấp hành", "Ban", "\n", "  ", "Giám", "ĐỐC", "Thủ", "tướng"]
TITLE_PIECES += ["Chánh", "án", "Kiểm", "toán", "Thư", "KÝ", "nhiệm", "Chủ", "\u00a0", "İ", "ß"]
TITLE_TEXTS = st.lists(st.sampled_from(TITLE_PIECES), max_size=20).map("".join) | st.text()


@settings(max_examples=300)
@given(TITLE_TEXTS)
def test_title_offsets_say_what_matching_at_every_word_says(text):
    """TTL rules (mentions): `title_offsets`, after the substring test of `title_needles`, is
    empty exactly when `match_title` finds a title at no word of the text, and otherwise the
    `title_start_offsets`."""
    from soat.vi.mentions import MentionContext, _Block, has_a_title, title_offsets
    from soat.vi.titles import match_title, title_start_offsets

    words = _Block(text, MentionContext()).words
    anywhere = any(match_title(words, i) is not None for i in range(len(words)))
    assert has_a_title(text) == anywhere
    assert title_offsets(text) == (title_start_offsets(text) if anywhere else [])


@settings(max_examples=200)
@given(TITLE_TEXTS)
def test_hits_and_mentions_are_the_same_with_the_offsets_given(text):
    """`find_title_hits_and_mentions` with the block's `title_offsets` or its
    `title_start_offsets` given (as `mentions_of` does) finds what it finds on its own."""
    from soat.vi.mentions import MentionContext, find_title_hits_and_mentions, title_offsets
    from soat.vi.titles import title_start_offsets

    ctx = MentionContext(["Tổng Liên đoàn Lao động Việt Nam"], ["Hà Nội"])
    alone = find_title_hits_and_mentions(text, ctx)
    assert find_title_hits_and_mentions(text, ctx, title_offsets(text)) == alone
    assert find_title_hits_and_mentions(text, ctx, title_start_offsets(text)) == alone
    event(f"hits: {min(len(alone[0]), 2)}")


def test_every_title_holds_a_needle_as_one_of_its_words():
    from soat.vi.titles import title_lexicon, title_needles

    needles = set(title_needles())
    for form in title_lexicon():
        assert needles & set(form.folded_words), form.official


def test_a_word_that_folds_to_a_title_word_holds_it_in_lower_case():
    """What the substring tests on `str.lower` rely on, over every character: a character
    whose `casefold` is a letter of a title's word has that letter as its `lower`, and none
    folds to several characters that stand in one."""
    from soat.vi.titles import title_lexicon

    words = {word for form in title_lexicon() for word in form.folded_words}
    letters = {c for word in words for c in word}
    pieces = {w[i:j] for w in words for i in range(len(w)) for j in range(i + 2, len(w) + 1)}
    for code in range(0x110000):
        c = chr(code)
        folded = c.casefold()
        if folded in letters:
            assert c.lower() == folded, hex(code)
        assert len(folded) == 1 or folded not in pieces, hex(code)


def test_every_shortest_title_is_looked_for_with_its_needle():
    """`may_hold_a_title_word`: each title holds the words, in a row, of one of the shortest
    titles listed under one of its needles."""
    from soat.vi.titles import _words_with_each_needle, title_lexicon

    groups = _words_with_each_needle()
    for form in title_lexicon():
        words = set(form.folded_words)
        assert any(
            needle in words and set(rest) <= words
            for needle, rests in groups.items()
            for rest in rests
        ), form.official


ORG_PIECES = ["Công", "đoàn", "công", "Liên", "đoàn", "Lao", "động", "tỉnh", "Ban", "Tuyên"]
ORG_PIECES += ["giáo", "LĐLĐ", "Tổng", "Văn", "phòng", "Ủy", "ban", "Kiểm", "tra", "Việt", "Nam"]
ORG_PIECES += [" ", "  ", ", ", "\n", "Nghệ An", "TP.HCM", "tp", "Quảng", "Ninh", "x", "İ"]


TITLE_WORDS = ["Chủ", "tịch", "CHỦ", "Phó", "phó", "Trưởng", "Ban", "ban", "Thường", "trực", "Bộ"]
TITLE_WORDS += ["trưởng", "Ủy", "viên", "Đoàn", "Chấp", "hành", "Trung", "ương", "Đảng", "nước"]
TITLE_WORDS += ["Tổng", "Bí", "thư", "x", ",", "Thứ", "Giám", "đốc", "İ", "ß"]


@given(
    st.lists(st.sampled_from(TITLE_WORDS), max_size=10) | st.lists(st.text(max_size=4)),
    st.integers(0, 11),
)
def test_match_title_by_look_ups_is_match_title_by_forms(words, start):
    """TTL rules (mentions): `match_title`, one look-up per title length, finds the form the
    comparison with each form finds."""
    from soat.vi.titles import match_title, match_title_by_forms

    assert match_title(words, start) == match_title_by_forms(words, start)
    assert match_title(tuple(words), start) == match_title_by_forms(words, start)


def _abbreviation_findings_by_definition(ctx):
    """TTL006 as it was: every abbreviation of every block tried in turn, the capitals of a
    block counted whenever it has one."""
    from soat.rules.titles.abbreviation_intro import (
        _ACRONYM_RE,
        _COMPANY_BEFORE_RE,
        _ROMAN_RE,
        _explained_after,
        _in_parentheses,
        known_abbreviations,
    )
    from soat.rules.titles.context import is_mostly_upper
    from soat.vi.tokens import document_symbol_spans

    known = ctx.index(known_abbreviations)
    allow, introduced, out = set(ctx.options.allow), set(), []
    for block in ctx.doc.blocks:
        text = block.text
        if block.kind in ("title", "heading"):
            continue
        spans = []
        if known.multi_re:
            spans = [(m.start(), m.end(), m.group()) for m in known.multi_re.finditer(text)]
        acronyms = list(_ACRONYM_RE.finditer(text))
        if acronyms:
            taken = [(s, e) for s, e, _ in spans] + document_symbol_spans(text)
            for m in acronyms:
                if not any(s <= m.start() < e for s, e in taken):
                    spans.append((m.start(), m.end(), m.group()))
        if not spans or is_mostly_upper(text):
            continue
        for start, end, abbr in sorted(spans):
            if abbr in introduced or abbr in allow or abbr in known.term_names:
                continue
            if _ROMAN_RE.fullmatch(abbr) or _COMPANY_BEFORE_RE.search(
                text, max(0, start - 60), start
            ):
                continue
            introduced.add(abbr)
            if not (_in_parentheses(text, start, end) or _explained_after(text, end)):
                out.append(block.span(start, end))
    return out


ABBR_PIECES = ["LĐLĐ", "UBND", "CNVCLĐ", "Tổng LĐLĐ Việt Nam", "XIV", "(", ")", " (Liên", "đoàn"]
ABBR_PIECES += ["12/NQ-TW", "NĐ - CP", "Công ty", "ABC", " ", ". ", "\n\n", "ĐOÀN THANH NIÊN"]
ABBR_PIECES += ["Lao động", "x", "VNPT", "TP", "HN", "-", "QĐ", "15/QĐ - TLĐ", "TLĐ", "3 - KH"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(ABBR_PIECES), max_size=40).map(" ".join))
@example("TP Lao động đoàn LĐLĐ x 15/QĐ - TLĐ\n\nUBND (Liên đoàn TLĐ x")
def test_abbreviations_are_found_as_by_trying_each_in_turn(body):
    """TTL006: leaving out the abbreviations already introduced or known before looking for
    symbols, and counting capitals only in a block with a fresh one, finds what the
    definition finds."""
    from soat.knowledge import load_knowledge
    from soat.lint.context import DocContext
    from soat.lint.formats.text import read_text
    from soat.rules.titles.abbreviation_intro import RULE, Options

    doc = read_text("a.txt", "Tin LĐLĐ\n\n" + body + "\n")
    ctx = DocContext(doc, load_knowledge(())).for_rule(Options())
    found = [(d.start, d.end) for d in RULE.check(ctx)]
    assert found == _abbreviation_findings_by_definition(ctx)
    event(f"findings: {min(len(found), 3)}")


@given(st.lists(st.lists(st.sampled_from(["a", "b", "c", "đoàn", "x y"]), min_size=1)))
def test_covering_words_leave_no_form_without_one(forms):
    from soat.knowledge.indexes import covering_words

    texts = [" ".join(words) for words in forms]
    needles = covering_words(texts)
    assert all(set(needles) & set(text.split()) for text in texts)


ORG_FORMS = ["LĐLĐ TPHCM", "LĐLĐ tp HCM", "LĐLĐ tỉnh Nghệ An", "Tổng Liên đoàn Lao động Việt Nam"]
ORG_FORMS += ["Liên đoàn Lao động tỉnh Quảng Ninh", "liên đoàn lao động tỉnh quảng ninh"]
ORG_FORMS += [
    "Liên Đoàn Lao Động tỉnh Quảng Ninh",
    "Tổng liên đoàn Lao động Việt Nam",
    "LĐLĐ tỉnh nghệ An",
]
ORG_TEXTS = st.lists(st.sampled_from(ORG_PIECES + ORG_FORMS + ["Σ", "ΑΣ", "Đoàn"]), max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.lists(ORG_TEXTS.map(" ".join) | st.text(max_size=20), min_size=1, max_size=5))
def test_organisations_are_found_as_block_by_block(paragraphs):
    """TTL005: the substring tests of the covering words (in the lower-case text of the whole
    document, then of each block) skip only blocks that hold no form: the organisation
    findings are those of looking at every block."""

    from soat.knowledge import load_knowledge
    from soat.knowledge.indexes import org_forms
    from soat.lint.formats.text import read_text
    from soat.rules.titles.context import LowerText
    from soat.rules.titles.title_case import _organizations_in

    index = org_forms(load_knowledge(()))
    doc = read_text("a.txt", "Tin\n\n" + "\n\n".join(p.strip() or "x" for p in paragraphs) + "\n")
    lowered = LowerText([block.text for block in doc.blocks])
    found = list(_organizations_in(doc, index, lowered))
    every_block = index._replace(needles=("",))  # never skipped: "" is in every text
    assert found == list(_organizations_in(doc, every_block, lowered))
    event(f"findings: {min(len(found), 2)}")


SYMBOL_PIECES = ["12", "2024", "/", "-", "–", " ", "NQ", "TW", "NĐ", "CP", "QĐ", "a", ".", "x"]
SYMBOL_PIECES += ["Nghị quyết số ", "_", "\u00a0", "\n", "\x00", "\x00/TW", "2\x00", "ß"]
SYMBOL_TEXT = st.lists(st.sampled_from(SYMBOL_PIECES), max_size=12).map("".join) | st.text()


@given(st.lists(SYMBOL_TEXT, max_size=6))
@example(["Số 12", "/NQ-TW", "x"])
@example(["Số 12/", "TW", "02-NQ/TW"])
@example(["Số 12\x00", "/NQ-TW"])
def test_texts_with_candidates_are_those_with_a_candidate_alone(texts):
    """REF rules (document_citations): searching the blocks joined by NUL characters finds the
    blocks in which the candidate regex finds a symbol alone."""
    from soat.vi.doc_symbols import candidates, texts_with_candidates

    assert texts_with_candidates(texts) == [k for k, t in enumerate(texts) if candidates(t)]


@settings(max_examples=200)
@given(st.lists(TITLE_TEXTS | st.sampled_from(["Σ", "ΑΣ", "İ", "ß", "\n", ""]), max_size=6))
def test_lower_text_gives_each_block_s_lower_case_and_the_blocks_holding_a_word(texts):
    """TTL rules (LowerText): each block's lower case read from the document's, and the
    blocks holding a needle found in it, are those of each block alone."""
    from soat.rules.titles.context import LowerText
    from soat.vi.titles import title_needles

    lowered = LowerText(texts)
    assert [lowered.block(k) for k in range(len(texts))] == [t.lower() for t in texts]
    for needles in (title_needles(), ("đoàn", "lđlđ"), ("σ", "i̇"), ("",)):
        expected = [k for k, t in enumerate(texts) if any(n in t.lower() for n in needles)]
        assert lowered.holding(needles) == expected
    event(f"sliced: {lowered.sliced}")


def test_no_character_has_a_shorter_lower_case():
    """LowerText: when the lower case of the joined blocks is as long as they are, every
    character kept its length, so each block's lower case is its slice."""
    assert all(len(chr(code).lower()) >= 1 for code in range(0x110000))


@settings(max_examples=300)
@given(TITLE_TEXTS)
@example("Chủ\u00a0TỊCH")
@example("ủy  viên\tBan\nChấp hành")
def test_a_text_with_a_title_holds_a_shortest_title_s_words_in_a_row(text):
    """TTL rules (mentions_of): where `match_title` finds a title at some word of a text,
    `shortest_titles_re` finds a match in its lower case."""
    from soat.vi.mentions import MentionContext, _Block
    from soat.vi.titles import match_title, shortest_titles_re

    words = _Block(text, MentionContext()).words
    if any(match_title(words, i) is not None for i in range(len(words))):
        assert shortest_titles_re().search(text.lower()) is not None
        event("title")


PATTERNS = [r"chủ\s+tịch", r"a\s+b", r"\s", r"x\n?y", r"b"]


@settings(max_examples=200)
@given(
    st.lists(TITLE_TEXTS | st.sampled_from(["a", " b", "a ", "x", "y", "İ", "\n", ""]), max_size=6)
)
def test_lower_text_matching_is_searching_each_block_alone(texts):
    """LowerText.matching: the blocks found by searching the document's lower case are those
    in whose lower case the pattern finds a match alone, also when a match runs on into the
    next block ("a" then " b")."""
    import re

    from soat.rules.titles.context import LowerText
    from soat.vi.titles import shortest_titles_re

    lowered = LowerText(texts)
    for pattern in [shortest_titles_re(), *map(re.compile, PATTERNS)]:
        expected = [k for k, t in enumerate(texts) if pattern.search(t.lower())]
        assert lowered.matching(pattern) == expected


@settings(max_examples=150, deadline=None)
@given(st.lists(TITLE_TEXTS.map(str.strip), min_size=1, max_size=5))
@example(  # two mentions in each of two blocks: orders 0 to 3, once each
    [
        "Chủ tịch Nguyễn Văn An và Phó Chủ tịch Trần Thị Bình dự họp.",
        "Giám đốc Lê Văn Cường và Phó Giám đốc Phạm Văn Dũng phát biểu.",
    ]
)
def test_mentions_of_is_looking_at_every_block(paragraphs):
    """TTL rules: `mentions_of` (blocks found in the document's lower case, hits looked for
    at the title starts, capitals counted after) finds what looking at each block with its
    `title_offsets` finds."""
    from soat.knowledge import load_knowledge
    from soat.knowledge.indexes import mention_context
    from soat.lint.context import DocContext
    from soat.lint.formats.text import read_text
    from soat.rules.titles.context import (
        Analysis,
        Found,
        is_mostly_upper,
        mentions_of,
    )
    from soat.vi.mentions import find_title_hits_and_mentions, title_offsets

    doc = read_text("a.txt", "Tin\n\n" + "\n\n".join(p or "x" for p in paragraphs) + "\n")
    doc_ctx = DocContext(doc, load_knowledge(()))
    ctx = doc_ctx.index(mention_context)
    found: list = []
    hits: list = []
    for block in doc.blocks:
        offsets = title_offsets(block.text)
        if not offsets or is_mostly_upper(block.text):
            continue
        block_hits, block_mentions = find_title_hits_and_mentions(block.text, ctx, offsets)
        hits.extend((block, h) for h in block_hits)
        found.extend(Found(block, m, order) for order, m in enumerate(block_mentions, len(found)))
    analysis = doc_ctx.get(mentions_of)
    assert analysis == Analysis(tuple(found), tuple(hits))
    # Each mention's order is its place in the document (TTL003 keys mentions by it).
    assert [f.order for f in analysis.found] == list(range(len(analysis.found)))
    event(f"hits: {min(len(hits), 2)}")


@settings(max_examples=200)
@given(TITLE_TEXTS)
@example("Trưởng Ban Tuyên giáo Nguyễn Văn A, Phó Chủ tịch Tổng LĐLĐ Việt Nam")
def test_the_token_after_a_hit_is_counted_from_its_text(text):
    """mentions: `_Block.after(hit)`, a bisection of the token starts, is the index of the
    hit's first token plus the number of tokens of its text (how it was found before)."""
    from soat.vi.mentions import (
        _TOKEN_RE,
        MentionContext,
        _Block,
        find_title_hits_and_mentions,
    )

    ctx = MentionContext(["Tổng Liên đoàn Lao động Việt Nam", "Ban Tuyên giáo"], ["Hà Nội"])
    block = _Block(text, ctx)
    for hit in find_title_hits_and_mentions(text, ctx)[0]:
        first = block.starts.index(hit.start)
        assert block.after(hit) == first + len(_TOKEN_RE.findall(hit.written))
        event("hit")


@settings(max_examples=100, deadline=None)
@given(st.lists(TITLE_TEXTS.map(str.strip), min_size=1, max_size=4))
@example(
    [
        "Chủ tịch LĐLĐ tỉnh Nghệ An Nguyễn Văn An và Phó Chủ tịch Sở Y tế Trần Văn Bình",
        "Giám đốc Công ty Hoa Sen Lê Văn Cường",
    ]
)
def test_lazy_organisation_keys_are_those_of_the_dictionary_of_every_mention(paragraphs):
    """TTL003: the organisation keys computed when asked are those of the dictionary built
    from every mention (the last of two mentions with one order included)."""
    from soat.knowledge import load_knowledge
    from soat.lint.context import DocContext
    from soat.lint.formats.text import read_text
    from soat.rules.titles.context import mentions_of, org_key
    from soat.rules.titles.name_variant import _OrgKeys

    knowledge = load_knowledge(())
    doc = read_text("a.txt", "Tin\n\n" + "\n\n".join(p or "x" for p in paragraphs) + "\n")
    found = DocContext(doc, knowledge).get(mentions_of).found
    every = {f.order: org_key(f.mention.org, knowledge) for f in found}
    lazy = _OrgKeys({f.order: f for f in found}, knowledge)
    assert {order: lazy[order] for order in every} == every
    event(f"keys: {len(set(every.values()) - {None})}")


@given(st.text() | st.lists(st.sampled_from(SYMBOL_PIECES), max_size=12).map("".join))
@example("58/HD-TLĐ")
@example("30/2020/NĐ - CP")
def test_a_text_without_slash_or_hyphen_has_no_document_symbol_span(text):
    """TTL006 asks for document symbols only in a block with "/" or "-": every match of the
    symbol expression holds one."""
    from soat.vi.tokens import document_symbol_spans

    spans = document_symbol_spans(text)
    assert all("/" in text[s:e] or "-" in text[s:e] for s, e in spans)
    event(f"spans: {min(len(spans), 2)}")


WEEKDAY_TEXTS = DATE_TEXTS | st.text(alphabet="tThHứỨưƯcCnN ủỦuUậẬ\u0301İıaiAI2,(")


@given(WEEKDAY_TEXTS)
@example("Thứ Hai, thứ  ba và CN, chủ\u00a0nhật; lần thứ hai")
@example("xthứ hai, thứ thứ ba")
def test_weekday_matches_at_the_first_words_are_the_scan_s(text):
    """DAT003: trying the weekday expression where the lower case holds "thứ", "chủ" or "cn"
    finds the matches of scanning the text with it."""
    from soat.vi import dates

    low = text.lower()
    if len(low) == len(text):
        tried = [(m.span(), m.groups()) for m in dates._weekday_matches(text, low)]
        assert tried == [(m.span(), m.groups()) for m in dates._WEEKDAY_RE.finditer(text)]
        event(f"matches: {min(len(tried), 2)}")


def test_a_character_that_matches_a_weekday_letter_has_it_as_its_lower_case():
    """What `_weekday_matches` relies on, over every character: one that the weekday
    expression (which ignores case) takes for a letter of "thứ", "chủ" or "cn" lowers to it."""
    import re

    letters = "thứcủn"
    any_letter = re.compile(f"[{letters}]", re.IGNORECASE)
    each = {letter: re.compile(letter, re.IGNORECASE) for letter in letters}
    for code in range(0x110000):
        c = chr(code)
        if any_letter.fullmatch(c):
            assert all(c.lower() == x for x, p in each.items() if p.fullmatch(c)), hex(code)
