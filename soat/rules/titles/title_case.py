"""TTL005 title-case — chức danh, tên cơ quan viết hoa sai hoặc không nhất quán.

"Phó chủ tịch" khi bảng chức danh viết "Phó Chủ tịch"; "Tổng liên đoàn Lao động Việt Nam" khi
danh sách cơ quan viết "Tổng Liên đoàn Lao động Việt Nam". A title from the lexicon, attached
to a named person, written in another case than its official form; an organisation of the
registry written with other capitals than its registered form. Warning when the document also
writes titles in the official form (two styles in one article) and for registry organisations;
info when the whole article keeps one sentence-case style (some outlets' house style).
"Công đoàn"/"công đoàn", "Thường trực"/"thường trực" and "tỉnh"/"Thành phố" are house style:
never a warning. All-capital and all-lower-case organisation names are left alone (headlines,
generic use).
Fix (safe): the lexicon's or registry's form.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from soat.lint.diagnostic import Diagnostic, Fix, Msg, Severity
from soat.lint.document import Document
from soat.lint.rule import Example, NoOptions, Rule
from soat.rules.titles.context import mentions_of

_HOUSE_STYLE = {"công", "đoàn", "thường", "trực", "thành", "phố", "tỉnh", "tp"}


def check(doc: Document, options: NoOptions, knowledge) -> Iterator[Diagnostic]:
    analysis = mentions_of(doc, knowledge)
    yield from _titles(analysis)
    yield from _organizations(doc, knowledge)


def _expected_title(hit) -> str:
    words = hit.written.split()
    official = hit.official.split()
    if len(words) != len(official):
        return hit.written
    out = []
    for i, (w, o) in enumerate(zip(words, official, strict=False)):
        if hit.department and i >= len(hit.form.words):
            # Department: only its first word is capitalised ("Ban Tuyên giáo").
            o = w[:1].upper() + w[1:] if i == len(hit.form.words) else w
        out.append(o)
    return " ".join(out)


def _titles(analysis) -> Iterator[Diagnostic]:
    seen, wrong = set(), []
    for f in analysis.found:
        hit = f.title
        if id(hit) in seen or hit.written.isupper():
            continue
        seen.add(id(hit))
        expected = _expected_title(hit)
        if expected == hit.written:
            continue
        wrong.append((f, hit, expected))
    if not wrong:
        return
    official_used = any(f.title.written == _expected_title(f.title) and
                        any(w[0].isupper() for w in f.title.written.split()[1:])
                        for f in analysis.found)
    for f, hit, expected in wrong:
        differing = {w.casefold() for w, e in zip(hit.written.split(), expected.split(), strict=False) if w != e}
        severity = Severity.WARNING if official_used and not differing <= _HOUSE_STYLE else Severity.INFO
        start, end = f.title_span()
        yield Diagnostic(
            Msg(f"Chức danh viết \"{hit.written}\"; dạng chính thức là \"{expected}\"",
                f"Title written \"{hit.written}\"; the official form is \"{expected}\""),
            start, end,
            fix=Fix.replace(Msg(f"Viết \"{expected}\"", f"Write \"{expected}\""), start, end, expected),
            severity=severity,
        )


@functools.lru_cache(maxsize=4)
def _org_pattern(names: tuple[str, ...]) -> tuple[re.Pattern, dict[str, str]]:
    forms = {}
    for n in names:
        forms.setdefault(n.casefold(), n)
    alternatives = sorted(forms.values(), key=len, reverse=True)
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in alternatives)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE), forms


def _organizations(doc: Document, knowledge) -> Iterator[Diagnostic]:
    names = tuple(sorted({n for o in knowledge.organizations for n in o.all_names if " " in n}))
    if not names:
        return
    pattern, forms = _org_pattern(names)
    for block in doc.blocks:
        text = block.text
        for m in pattern.finditer(text):
            written = m.group()
            if written.islower() or written.isupper():
                continue
            registered = forms.get(" ".join(written.split()).casefold())
            if registered is None or " ".join(written.split()) == registered:
                continue
            pairs = list(zip(written.split(), registered.split(), strict=False))
            differing = [(w, r) for w, r in pairs if w != r]
            if all(w.casefold() in _HOUSE_STYLE for w, _ in differing):
                continue
            if differing and differing[0] == pairs[0] and len(differing) == 1:
                continue  # only the first letter: a sentence start
            expected = " ".join(r if w.casefold() not in _HOUSE_STYLE else w for w, r in pairs)
            start, end = block.span(m.start(), m.end())
            yield Diagnostic(
                Msg(f"Tên cơ quan viết \"{written}\"; danh sách cơ quan viết \"{expected}\"",
                    f"Organisation written \"{written}\"; the registry writes \"{expected}\""),
                start, end,
                fix=Fix.replace(Msg(f"Viết \"{expected}\"", f"Write \"{expected}\""), start, end, expected),
                severity=Severity.WARNING,
            )


RULE = Rule(
    code="TTL005",
    name="title-case",
    summary=Msg("Chức danh, tên cơ quan viết hoa sai hoặc không nhất quán",
                "Titles and organisation names capitalised against the official form"),
    explanation=Msg(
        "Chức danh gắn với một người cụ thể viết hoa theo dạng chính thức (\"Phó Chủ tịch\", "
        "\"Trưởng Ban Tuyên giáo\"); tên cơ quan trong danh sách viết đúng như danh sách "
        "(\"Tổng Liên đoàn Lao động Việt Nam\"). Cảnh báo khi bài trộn hai kiểu, hoặc khi tên "
        "cơ quan sai; chỉ thông tin khi cả bài giữ một kiểu viết thường (văn phong riêng của "
        "tòa soạn). \"Công đoàn\"/\"công đoàn\", \"Thường trực\"/\"thường trực\" là văn phong "
        "riêng, không cảnh báo. Sửa an toàn: dạng trong bảng chức danh hoặc danh sách.",
        "A title attached to a named person is written in its official form (\"Phó Chủ "
        "tịch\", \"Trưởng Ban Tuyên giáo\"); a registry organisation as the registry writes it "
        "(\"Tổng Liên đoàn Lao động Việt Nam\"). Warning when an article mixes two styles or "
        "miscapitalises a registry organisation; info when the whole article keeps one "
        "sentence-case style (an outlet's house style). \"Công đoàn\"/\"công đoàn\" and "
        "\"Thường trực\"/\"thường trực\" are house style, never a warning. Safe fix: the "
        "lexicon's or registry's form.",
    ),
    severity=Severity.INFO,
    check=check,
    bad=(Example("Phó Chủ tịch Tổng LĐLĐ Việt Nam Ngọ Duy Hiểu dự hội nghị. Phó chủ tịch "
                 "LĐLĐ tỉnh Nghệ An Lê Văn Hải phát biểu."),),
    good=(Example("Phó Chủ tịch Tổng Liên đoàn Lao động Việt Nam Ngọ Duy Hiểu dự hội nghị."),),
    fixes=frozenset({"safe"}),
)
