"""TTL001 conflicting-titles — One person is given incompatible titles.

Looks at: the person mentions of `mentions_of` (soat/rules/titles/context) grouped by name; a
head and a deputy of one post in one organisation (soat.vi.titles.incompatible).
Does not: compare titles of different organisations, a deputy with a standing deputy, or
documents about posts changing hands (`describes_changes`).
Data: registry organisations and persons, through the mention analysis.
Fix: suggestion — the earlier title; which one is right needs a human.
"""

from __future__ import annotations

from collections.abc import Iterator

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Related, Severity
from soat.lint.rule import Example, NoOptions, Rule
from soat.rules.titles.context import describes_changes, mentions_of, org_key
from soat.vi.titles import incompatible


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    knowledge = ctx.knowledge
    analysis = ctx.get(mentions_of)
    # A document about posts changing hands has no finding: asked only when there is one
    # (the question reads every block).
    findings = list(_conflicts(analysis, knowledge))
    if findings and not describes_changes(doc, analysis):
        yield from findings


def _conflicts(analysis, knowledge) -> Iterator[Diagnostic]:
    by_person: dict[str, list] = {}
    for f in analysis.found:
        by_person.setdefault(f.name, []).append(f)
    for name, found in by_person.items():
        keys: list | None = None  # organisation keys, found for a person with a conflict
        for j, later in enumerate(found):
            for i in range(j):
                earlier = found[i]
                a, b = earlier.title, later.title
                if not incompatible(a.rank, a.base, b.rank, b.base):
                    continue
                if keys is None:
                    keys = [org_key(f.mention.org, knowledge) for f in found]
                if not _same_org(found, keys, i, j):
                    continue
                yield _diagnostic(name, earlier, later)
                break


def _same_org(found, keys, i, j) -> bool:
    ki, kj = keys[i], keys[j]
    if ki is not None and kj is not None:
        return ki == kj
    # One side names no organisation: it is the same one unless the person holds that title
    # somewhere named elsewhere in the document.
    for missing in (x for x, k in ((i, ki), (j, kj)) if k is None):
        t = found[missing].title
        if any(
            keys[n] is not None and found[n].title.rank == t.rank and found[n].title.base == t.base
            for n in range(len(found))
            if n != missing
        ):
            return False
    return True


def _diagnostic(name, earlier, later) -> Diagnostic:
    start, end = later.title_span()
    e_start, e_end = earlier.title_span()
    was, now = earlier.title.written, later.title.written
    return Diagnostic(
        Msg(
            f'{name} được gọi là "{now}" ở đây nhưng là "{was}" ở trước; '
            "một người không thể giữ cả hai chức danh này",
            f'{name} is called "{now}" here but "{was}" earlier; one person cannot hold '
            "both titles",
        ),
        start,
        end,
        suggestions=(Fix.suggestion(start, end, was),),
        related=(Related(Msg(f'chức danh "{was}" ở đây', f'title "{was}" here'), e_start, e_end),),
    )


RULE = Rule(
    code="TTL001",
    name="conflicting-titles",
    summary=Msg(
        "Một người được gán hai chức danh không thể cùng giữ",
        "One person is given incompatible titles",
    ),
    explanation=Msg(
        'Cùng một người, cùng một cơ quan, mà chỗ này là "Chủ tịch", chỗ kia là "Phó Chủ tịch" '
        '(hay "Trưởng Ban" và "Phó Trưởng Ban"): một trong hai sai. Nhiều chức danh khác nhau '
        'của một người, "Phó Chủ tịch" bên cạnh "Phó Chủ tịch Thường trực", và chức danh ở các '
        'cơ quan khác nhau không phải lỗi. Bài viết về bầu cử, bổ nhiệm, "nguyên", "tân", '
        '"quyền", "cố" được bỏ qua. Gợi ý: dùng chức danh ở lần nhắc trước. Lần nhắc không nêu '
        "cơ quan chỉ bị coi là mâu thuẫn khi người đó không có lần nhắc nào khác với chức danh "
        "ấy kèm tên cơ quan.",
        "The same person, in the same organisation, is head in one place and deputy in another "
        '("Chủ tịch" / "Phó Chủ tịch", "Trưởng Ban" / "Phó Trưởng Ban"): one of them is wrong. '
        "Several different titles of one person, a deputy beside a standing deputy, and titles "
        "in different organisations are fine. Articles about elections, appointments and former, "
        "new, acting or late holders are skipped. Suggestion: the earlier title. A mention that "
        "names no organisation conflicts only when the person has no other mention of that title "
        "with an organisation.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(
        Example(
            "Chủ tịch LĐLĐ tỉnh Bắc Ninh Trần Văn Phúc phát biểu.\n\n"
            "Phó Chủ tịch LĐLĐ tỉnh Bắc Ninh Trần Văn Phúc đề nghị các cấp công đoàn "
            "tiếp tục đổi mới."
        ),
    ),
    good=(
        Example(
            "Ông Lê Văn Hải - Phó Chủ tịch Thường trực LĐLĐ tỉnh Nghệ An, chủ trì.\n\n"
            "Phó Chủ tịch LĐLĐ tỉnh Nghệ An Lê Văn Hải phát biểu."
        ),
    ),
    fixes=frozenset({Applicability.SUGGESTION}),
)
