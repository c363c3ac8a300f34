"""TTL005 title-case — Titles and organisation names capitalised against the official form.

Looks at: titles attached to a named person (the mention analysis) against their official case,
and registry organisation names (`org_forms`) in the text; the severity depends on whether the
article mixes styles.
Does not: warn about house-style pairs, or touch all-capital and all-lower-case organisation
names.
Data: the title lexicon in soat.vi.titles; soat/data/organizations.toml and registry
organisations.
Fix: safe, unsafe, suggestion — the lexicon's or registry's form: safe when the article also
writes the official form, unsafe against a consistent house style; an unconfirmed registry name
gets only a suggestion.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress

from soat.knowledge.indexes import OrgForms, org_forms
from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Severity
from soat.lint.document import Document
from soat.lint.rule import Example, NoOptions, Rule
from soat.rules.titles.context import LowerText, lower_text, mentions_of

_HOUSE_STYLE = frozenset({"công", "đoàn", "thường", "trực", "thành", "phố", "tỉnh", "tp"})


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    analysis = ctx.get(mentions_of)
    yield from _titles(analysis)
    yield from _organizations(ctx)


# Title words whose capital depends on what follows ("Trưởng Ban Tuyên giáo" but "Trưởng ban"
# when no body is named; "Trưởng Phòng Nghiệp vụ" as well as "Trưởng phòng").
_EITHER_CASE = frozenset({"ban", "phòng"})


def _expected_title(hit) -> str:
    words = hit.written.split()
    official = hit.official.split()
    if len(words) != len(official):
        return hit.written
    out = []
    n = len(hit.form.words)
    for i, (w, o) in enumerate(zip(words, official, strict=True)):
        if i >= n:
            # Department: only its first word is capitalised ("Ban Tuyên giáo").
            o = w[:1].upper() + w[1:] if i == n else w
        elif w.casefold() in _EITHER_CASE and (hit.department is None or w[0].isupper()):
            o = w
        out.append(o)
    return " ".join(out)


def _titles(analysis) -> Iterator[Diagnostic]:
    seen, wrong, official_used = set(), [], set()
    for f in analysis.found:
        hit = f.title
        key = (f.block.start, f.block.end, hit.start, hit.end)  # one hit may name two people
        if key in seen or hit.written.isupper():
            continue
        seen.add(key)
        expected = _expected_title(hit)
        if expected == hit.written:
            official_used.add(hit.form.official)
            continue
        wrong.append((f, hit, expected))
    for f, hit, expected in wrong:
        pairs = list(zip(hit.written.split(), expected.split(), strict=True))
        lowered = {w.casefold() for w, e in pairs if w != e and w.islower()}
        # Warning only for a lexicon capital left out while the same title is written in its
        # official form elsewhere in the article; one consistent house style, an extra
        # capital, or only house-style words are info.
        warn = hit.form.official in official_used and lowered and not lowered <= _HOUSE_STYLE
        start, end = f.title_span()
        yield Diagnostic(
            Msg(
                f'Chức danh viết "{hit.written}"; dạng chính thức là "{expected}"',
                f'Title written "{hit.written}"; the official form is "{expected}"',
            ),
            start,
            end,
            # A consistent house style is the newsroom's choice: changing it needs a human.
            fix=Fix.of(Applicability.SAFE if warn else Applicability.UNSAFE, start, end, expected),
            severity=Severity.WARNING if warn else Severity.INFO,
        )


def _occurrences(text: str, low: str, index: OrgForms) -> Iterator[tuple[int, int, str]]:
    words = low.split()
    if index.firsts.isdisjoint(words):
        return
    by_pair = index.by_pair
    # Only pairs whose first word starts a form (all in C: no pair joined for other words).
    starts = compress(zip(words, words[1:], strict=False), map(index.firsts.__contains__, words))
    pairs = by_pair.keys() & set(map(" ".join, starts))
    candidates = sorted(i for pair in pairs for i in by_pair[pair])
    taken: list[tuple[int, int]] = []
    for lowered, registered in (index.forms[i] for i in candidates):
        i = low.find(lowered)
        while i >= 0:
            j = i + len(lowered)
            bounded = (i == 0 or not text[i - 1].isalnum()) and (
                j == len(text) or not text[j].isalnum()
            )
            if bounded and not any(s < j and i < e for s, e in taken):
                taken.append((i, j))
                yield i, j, registered
            i = low.find(lowered, j)


def _organizations(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    return _organizations_in(ctx.doc, ctx.index(org_forms), ctx.get(lower_text))


def _organizations_in(doc: Document, forms: OrgForms, lowered: LowerText) -> Iterator[Diagnostic]:
    if not forms.forms:
        return
    unconfirmed = forms.unconfirmed
    # Every occurrence is a form in a block's lower-case text, and every form holds one of
    # `needles` ("đoàn", "lđlđ"): two in three clean articles hold none anywhere, and in the
    # others most blocks hold none (the blocks that hold one, found in the lower case of the
    # whole document that the title rules share).
    blocks = doc.blocks
    for k in lowered.holding(forms.needles):
        block = blocks[k]
        text = block.text
        low = lowered.block(k)
        if len(low) != len(text):
            continue
        for start, end, registered in sorted(_occurrences(text, low, forms)):
            written = text[start:end]
            if written == registered or written.islower() or written.isupper():
                continue
            pairs = list(zip(written.split(), registered.split(), strict=False))
            differing = [(w, r) for w, r in pairs if w != r]
            if all(w.casefold() in _HOUSE_STYLE for w, _ in differing):
                continue
            if differing and differing[0] == pairs[0] and len(differing) == 1:
                continue  # only the first letter: a sentence start
            expected = " ".join(r if w.casefold() not in _HOUSE_STYLE else w for w, r in pairs)
            s, e = block.span(start, end)
            if registered in unconfirmed:
                # A name no source confirmed never tells the writer they are wrong.
                yield Diagnostic(
                    Msg(
                        f'Không xác nhận được cách viết tên cơ quan "{written}": danh sách '
                        f'ghi "{expected}" nhưng chưa đối chiếu được với nguồn nào',
                        f'The spelling of "{written}" could not be confirmed: the registry '
                        f'has "{expected}", which no source confirmed',
                    ),
                    s,
                    e,
                    suggestions=(Fix.suggestion(s, e, expected),),
                    severity=Severity.INFO,
                )
                continue
            yield Diagnostic(
                Msg(
                    f'Tên cơ quan viết "{written}"; danh sách cơ quan viết "{expected}"',
                    f'Organisation written "{written}"; the registry writes "{expected}"',
                ),
                s,
                e,
                fix=Fix.safe(s, e, expected),
                severity=Severity.WARNING,
            )


RULE = Rule(
    code="TTL005",
    name="title-case",
    summary=Msg(
        "Chức danh, tên cơ quan viết hoa sai hoặc không nhất quán",
        "Titles and organisation names capitalised against the official form",
    ),
    explanation=Msg(
        'Chức danh gắn với một người cụ thể viết hoa theo dạng chính thức ("Phó Chủ tịch", '
        '"Trưởng Ban Tuyên giáo"); tên cơ quan trong danh sách viết đúng như danh sách ("Tổng '
        'Liên đoàn Lao động Việt Nam"). Cảnh báo khi bài trộn hai kiểu, hoặc khi tên cơ quan '
        "sai; chỉ thông tin khi cả bài giữ một kiểu viết thường (văn phong riêng của tòa soạn). "
        '"Công đoàn"/"công đoàn", "Thường trực"/"thường trực" là văn phong riêng, không cảnh '
        "báo. Sửa an toàn: dạng trong bảng chức danh hoặc danh sách. Viết hoa hay viết thường "
        "“tỉnh”, “thành phố” cũng là văn phong riêng. Viết hoa thừa chỉ là thông tin. Tên cơ "
        "quan in hoa toàn bộ hay viết thường toàn bộ (tít bài, cách dùng chung) không bị xét. "
        "Khi cả bài giữ một kiểu viết thường (thông tin), cách sửa là không an toàn; tên cơ quan "
        "chưa đối chiếu được với nguồn chỉ có gợi ý.",
        'A title attached to a named person is written in its official form ("Phó Chủ tịch", '
        '"Trưởng Ban Tuyên giáo"); a registry organisation as the registry writes it ("Tổng Liên '
        'đoàn Lao động Việt Nam"). Warning when an article mixes two styles or miscapitalises a '
        "registry organisation; info when the whole article keeps one sentence-case style (an "
        'outlet\'s house style). "Công đoàn"/"công đoàn" and "Thường trực"/"thường trực" are '
        "house style, never a warning. Safe fix: the lexicon's or registry's form. So is the "
        "case of “tỉnh” and “thành phố”. An extra capital is info only. Organisation names in "
        "all capitals or all lower case (headlines, generic use) are left alone. When the whole "
        "article keeps one sentence-case style (info), the fix is unsafe; an organisation name "
        "no source confirmed gets only a suggestion.",
    ),
    severity=Severity.INFO,
    check=check,
    bad=(
        Example(
            "Phó Chủ tịch Tổng LĐLĐ Việt Nam Ngọ Duy Hiểu dự hội nghị. Phó chủ tịch "
            "LĐLĐ tỉnh Nghệ An Lê Văn Hải phát biểu."
        ),
    ),
    good=(Example("Phó Chủ tịch Tổng Liên đoàn Lao động Việt Nam Ngọ Duy Hiểu dự hội nghị."),),
    fixes=frozenset({Applicability.SAFE, Applicability.UNSAFE, Applicability.SUGGESTION}),
)
