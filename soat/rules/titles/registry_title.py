"""TTL004 registry-title — A title differs from the person registry.

Looks at: titled mentions of registry persons, against their roles at the document's date (front
matter `date`, or today).
Does not: report titles the registry does not list, or mentions with “nguyên”, “tân”, “quyền”,
“cố”.
Data: registry `[[person]]` entries with `[[person.role]]` `from`/`until`.
Fix: unsafe — the registry's title or organisation.
"""

from __future__ import annotations

from collections.abc import Iterator

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Severity
from soat.lint.rule import Example, NoOptions, Rule
from soat.rules.titles.context import (
    document_date,
    mentions_of,
    org_key,
    person_named,
    role_title,
    role_valid,
)
from soat.vi.titles import incompatible


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    knowledge = ctx.knowledge
    if not knowledge.persons:
        return
    analysis = ctx.get(mentions_of)
    day = document_date(doc)
    for f in analysis.found:
        person = person_named(knowledge, f.name)
        if person is None or f.title.modifier:
            continue
        roles = [r for r in person.roles if role_valid(r, day)]
        key = org_key(f.mention.org, knowledge)
        rank_base = (f.title.rank, f.title.base)
        parsed = [(r, role_title(r), org_key(r.org, knowledge)) for r in roles]
        if any(
            rt == rank_base and (key is None or rk is None or rk == key) for r, rt, rk in parsed
        ):
            continue
        for role, rt, rk in parsed:
            if rt is None:
                continue
            same_org = key is None or rk is None or rk == key
            if same_org and incompatible(rt[0], rt[1], *rank_base):
                start, end = f.title_span()
                yield _title_diagnostic(f, role, start, end)
                break
            if rt == rank_base and key is not None and rk is not None and rk != key:
                span = f.org_span()
                if span is not None:  # rk is set, so the mention names an organisation
                    yield _org_diagnostic(f, role, *span)
                break


_REGISTRY = """
[[person]]
name = "Trần Văn Phúc"
[[person.role]]
title = "Chủ tịch"
org = "LĐLĐ tỉnh Bắc Ninh"
"""


def _where(role) -> str:
    return f"{role.title} {role.org}" if role.org else role.title


def _title_diagnostic(f, role, start, end) -> Diagnostic:
    return Diagnostic(
        Msg(
            f'Theo danh sách người, {f.name} là "{_where(role)}", không phải "{f.title.written}"',
            f'The registry has {f.name} as "{_where(role)}", not "{f.title.written}"',
        ),
        start,
        end,
        fix=Fix.unsafe(start, end, role.title),
    )


def _org_diagnostic(f, role, start, end) -> Diagnostic:
    return Diagnostic(
        Msg(
            f'Theo danh sách người, {f.name} là "{_where(role)}", không phải '
            f'"{f.title.written} {f.mention.org}"',
            f'The registry has {f.name} as "{_where(role)}", not '
            f'"{f.title.written} {f.mention.org}"',
        ),
        start,
        end,
        fix=Fix.unsafe(start, end, role.org),
    )


RULE = Rule(
    code="TTL004",
    name="registry-title",
    dated=True,  # an undated article is judged as of today
    summary=Msg(
        "Chức danh khác với danh sách người (registry)", "A title differs from the person registry"
    ),
    explanation=Msg(
        "Danh sách người (`registry`, bảng `[[person]]` với `from`/`until`) ghi người này, vào "
        "ngày của bài (`date` trong front matter, hoặc hôm nay), giữ chức cấp trưởng mà bài ghi "
        "cấp phó (hay ngược lại) ở cùng cơ quan, hoặc cùng chức danh ở cơ quan khác. Chức danh "
        "mà danh sách không ghi thì không báo. Sửa (không an toàn): chức danh trong danh sách. "
        "Lần nhắc có “nguyên”, “tân”, “quyền”, “cố” được bỏ qua.",
        "The person registry (`registry`, `[[person]]` tables with `from`/`until`) has this "
        "person, at the document's date (front matter `date`, or today), as head where the "
        "article says deputy (or the reverse) in the same organisation, or with the same title "
        "in another organisation. Titles the registry does not list are no finding. Fix "
        "(unsafe): the registry's title. Mentions with “nguyên”, “tân”, “quyền” or “cố” (former, "
        "new, acting, late) are skipped.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(Example("Phó Chủ tịch LĐLĐ tỉnh Bắc Ninh Trần Văn Phúc phát biểu.", registry=_REGISTRY),),
    good=(Example("Chủ tịch LĐLĐ tỉnh Bắc Ninh Trần Văn Phúc phát biểu.", registry=_REGISTRY),),
    fixes=frozenset({Applicability.UNSAFE}),
)
