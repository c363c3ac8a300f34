"""TTL003 name-variant — A person's name is spelt two ways (one mark or letter apart).

Looks at: titled mentions whose names are one mark or letter apart (soat.vi.names.name_variant)
under the same post, registry persons holding that post at the document's date, and untitled
later mentions (`untitled_variant_findings`).
Does not: report near names with different titles or organisations.
Data: registry `[[person]]` entries.
Fix: unsafe — the registry spelling, or the spelling used first.
"""

from __future__ import annotations

from collections.abc import Iterator

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Related, Severity
from soat.lint.document import Document
from soat.lint.rule import Example, NoOptions, Rule
from soat.rules.titles.context import (
    document_date,
    mentions_of,
    org_key,
    role_title,
    role_valid,
)
from soat.vi.names import is_name_syllable, name_variant
from soat.vi.text import strip_diacritics


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    knowledge = ctx.knowledge
    analysis = ctx.get(mentions_of)
    if not analysis.found:
        return
    keys = _OrgKeys({f.order: f for f in analysis.found}, knowledge)
    first_of: dict[str, object] = {}
    for f in analysis.found:
        first_of.setdefault(f.name, f)
    registered = {p.name for p in knowledge.persons}
    reported: set[int] = set()
    # Within the document: a later spelling against an earlier one with the same post.
    names = list(first_of)
    for i, later in enumerate(names):
        for earlier in names[:i]:
            if not name_variant(earlier, later):
                continue
            pairs = [
                (a, b)
                for a in analysis.found
                if a.name == earlier
                for b in analysis.found
                if b.name == later and _same_post(a, b, keys)
            ]
            if not pairs:
                continue
            right, wrong = (
                (later, earlier)
                if later in registered and earlier not in registered
                else (earlier, later)
            )
            anchor = first_of[right]
            for f in analysis.found:
                if f.name == wrong and f.order not in reported:
                    reported.update(_same_occurrence(analysis, f))
                    yield _diagnostic(f, right, anchor, from_registry=right in registered)
    # A later mention without any title, one mark apart from a titled name.
    yield from untitled_variant_findings(doc, analysis, first_of, reported)
    # Against the registry.
    if not knowledge.persons:
        return
    day = document_date(doc)
    for f in analysis.found:
        if f.order in reported or f.name in registered:
            continue
        for person in knowledge.persons:
            if not name_variant(f.name, person.name):
                continue
            if any(_role_matches(role, f, keys[f.order], knowledge, day) for role in person.roles):
                reported.update(_same_occurrence(analysis, f))
                yield _diagnostic(f, person.name, None, from_registry=True)
                break


class _OrgKeys(dict):
    """The `org_key` of the organisation of the mention of each order (of the last mention
    with that order, as a dictionary built from all of them holds), each computed when first
    asked: most documents have no two near names under one post and ask for none."""

    def __init__(self, by_order: dict, knowledge) -> None:
        super().__init__()
        self.by_order = by_order
        self.knowledge = knowledge

    def __missing__(self, order: int) -> str | None:
        key = self[order] = org_key(self.by_order[order].mention.org, self.knowledge)
        return key


UNTITLED_MIN_SYLLABLES = 3


def _plain_view(text: str) -> str | None:
    """`text` without marks and case, character for character, or None if lengths differ."""
    plain = strip_diacritics(text).lower()
    return plain if len(plain) == len(text) else None


def untitled_variant_findings(doc: Document, analysis, first_of, reported) -> Iterator[Diagnostic]:
    """ "Chủ tịch … Lê Văn Thảo" … "Ông Lê Văn Thão cho biết": a later spelling, written
    nowhere with a title, one tone or vowel mark away from a titled name of three syllables or
    more. Two real people one mark apart each come with their own title, so a spelling that
    has a title anywhere in the document is never reported here."""
    titled = [n for n in first_of if len(n.split()) >= UNTITLED_MIN_SYLLABLES]
    if not titled:
        return
    by_key: dict[str, list[str]] = {}
    for name in titled:
        by_key.setdefault(_plain_name(name), []).append(name)
    # Two titled spellings of one skeleton are the within-document case above, or two people.
    keys = {key: names[0] for key, names in by_key.items() if len(names) == 1}
    if not keys:
        return
    titled_spans = {(f.block.index, f.mention.name_start) for f in analysis.found}
    for block in doc.blocks:
        text = block.text
        plain = None
        for key, right in keys.items():
            first = first_of[right]
            if block.index < first.block.index:
                continue
            if plain is None:
                plain = _plain_view(text)
                if plain is None:
                    break
            at = plain.find(key)
            while at >= 0:
                end = at + len(key)
                written = text[at:end]
                if (
                    written != right
                    and written not in first_of
                    and _bounded(text, at, end)
                    and (block.index, at) not in titled_spans
                    and (block is not first.block or at > first.mention.name_start)
                    and all(is_name_syllable(w) for w in written.split())
                    and name_variant(right, written) == "marks"
                ):
                    yield _untitled_diagnostic(block, at, end, written, right, first)
                at = plain.find(key, end)


def _plain_name(name: str) -> str:
    return " ".join(strip_diacritics(name).lower().split())


def _bounded(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (
        end == len(text) or not text[end].isalnum()
    )


def _untitled_diagnostic(block, at: int, end: int, written: str, right: str, anchor) -> Diagnostic:
    start, stop = block.span(at, end)
    a_start, a_end = anchor.name_span()
    return Diagnostic(
        Msg(
            f'"{written}" gần giống "{right}" ({anchor.title.written}) ở lần nhắc trước, chỉ '
            "khác dấu: có phải viết sai tên?",
            f'"{written}" is one mark away from "{right}" ({anchor.title.written}) earlier: '
            "a misspelt name?",
        ),
        start,
        stop,
        fix=Fix.unsafe(start, stop, right),
        related=(Related(Msg(f'"{right}" ở đây', f'"{right}" here'), a_start, a_end),),
    )


def _same_occurrence(analysis, f) -> set[int]:
    """The mentions that share this occurrence of the name (one name with several titles)."""
    return {
        g.order
        for g in analysis.found
        if g.block is f.block and g.mention.name_start == f.mention.name_start
    }


def _same_post(a, b, keys) -> bool:
    ta, tb = a.title, b.title
    if (ta.rank, ta.base) != (tb.rank, tb.base) or ta.modifier or tb.modifier:
        return False
    ka, kb = keys[a.order], keys[b.order]
    return ka is None or kb is None or ka == kb


def _role_matches(role, f, key, knowledge, day) -> bool:
    if not role_valid(role, day) or role_title(role) != (f.title.rank, f.title.base):
        return False
    role_key = org_key(role.org, knowledge)
    return key is None or role_key is None or key == role_key


def _diagnostic(f, right: str, anchor, from_registry: bool) -> Diagnostic:
    start, end = f.name_span()
    where = (
        ("theo danh sách người", "in the registry")
        if from_registry
        else ("ở lần nhắc trước", "earlier")
    )
    related: tuple[Related, ...] = ()
    if anchor is not None:
        a_start, a_end = anchor.name_span()
        related = (Related(Msg(f'"{right}" ở đây', f'"{right}" here'), a_start, a_end),)
    return Diagnostic(
        Msg(
            f'"{f.name}" ({f.title.written}) gần giống "{right}" {where[0]}, cùng chức danh: '
            "có phải viết sai tên?",
            f'"{f.name}" ({f.title.written}) is one mark or letter away from "{right}" '
            f"{where[1]}, with the same title: a misspelt name?",
        ),
        start,
        end,
        fix=Fix.unsafe(start, end, right),
        related=related,
    )


RULE = Rule(
    code="TTL003",
    name="name-variant",
    dated=True,  # an undated article is judged as of today
    summary=Msg(
        "Tên một người được viết hai cách (khác dấu hay một chữ)",
        "A person's name is spelt two ways (one mark or letter apart)",
    ),
    explanation=Msg(
        "Hai lần nhắc cùng chức danh, cùng cơ quan mà tên chỉ khác dấu thanh, dấu mũ hay một "
        "chữ cái; hoặc tên gần giống một người trong danh sách (registry) giữ đúng chức danh "
        'đó. Hai người thật có thể chỉ khác một dấu ("Nguyễn Anh Tuân", "Nguyễn Anh Tuấn"): '
        "khác chức danh hay cơ quan thì không báo. Một lần nhắc sau không có chức danh "
        '("Ông Lê Văn Thão cho biết" sau "Chủ tịch … Lê Văn Thảo"), với cách viết không bao '
        "giờ đi kèm chức danh trong bài, chỉ khác dấu với một tên có chức danh (từ ba âm tiết) "
        "thì bị báo; hai người thật đều được giới thiệu với chức danh riêng thì không. Sửa "
        "(không an toàn): cách viết trong danh sách, hoặc cách viết dùng trước.",
        "Two mentions with the same title in the same organisation whose names differ only "
        "by tone or vowel marks or by one letter; or a name that close to a registry person "
        'who holds that title. Two real people can be one mark apart ("Nguyễn Anh Tuân", '
        '"Nguyễn Anh Tuấn"): with a different title or organisation there is no finding. A '
        'later mention without a title ("Ông Lê Văn Thão cho biết" after "Chủ tịch … Lê Văn '
        'Thảo"), in a spelling never given a title in the document, that differs from a titled '
        "name of three syllables or more only by marks is reported; two real people each "
        "introduced with their own title are not. Fix (unsafe): the registry spelling, or the "
        "one used first.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(
        Example(
            "Phó Chủ tịch LĐLĐ tỉnh Nghệ An Trần Thị Thanh Hương chủ trì hội nghị.\n\n"
            "Phó Chủ tịch LĐLĐ tỉnh Nghệ An Trần Thị Thanh Hướng nhấn mạnh vai trò "
            "của công đoàn."
        ),
        Example(
            "Chủ tịch LĐLĐ huyện Lê Văn Thảo dự hội nghị.\n\n"
            "Ông Lê Văn Thão cho biết công đoàn sẽ hỗ trợ công nhân."
        ),
    ),
    good=(
        Example(
            "Chủ tịch LĐLĐ thành phố Hải Phòng Nguyễn Anh Tuân phát biểu.\n\n"
            "Phó Giám đốc Sở Y tế Nguyễn Anh Tuấn trả lời phỏng vấn."
        ),
        Example(
            "Chủ tịch LĐLĐ huyện Nguyễn Văn Hùng và Giám đốc Sở Y tế Nguyễn Văn Hưng dự họp.\n\n"
            "Ông Nguyễn Văn Hưng cho biết bệnh viện sẵn sàng."
        ),
    ),
    fixes=frozenset({Applicability.UNSAFE}),
)
