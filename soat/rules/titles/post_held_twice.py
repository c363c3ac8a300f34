"""TTL002 post-held-twice — A single-holder post is given to two people.

Looks at: single-holder posts (soat.vi.titles.is_single_holder) of a specifically named
organisation given to two names that are not variants of each other.
Does not: count generic organisations (“UBND tỉnh”), documents about posts changing hands, or
two spellings of one name (TTL003).
Data: the mention analysis (registry organisations).
Fix: none — which person is meant needs a human.
"""

from __future__ import annotations

from collections.abc import Iterator

from soat.lint.context import Context
from soat.lint.diagnostic import Diagnostic, Msg, Related, Severity
from soat.lint.rule import Example, NoOptions, Rule
from soat.rules.titles.context import describes_changes, mentions_of, org_key
from soat.vi.names import name_variant
from soat.vi.titles import is_single_holder


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    knowledge = ctx.knowledge
    analysis = ctx.get(mentions_of)
    if len(analysis.found) < 2:
        return
    # A document about posts changing hands has no finding: asked only when there is one
    # (the question reads every block).
    findings = list(_two_holders(analysis, knowledge))
    if findings and not describes_changes(doc, analysis, terms=True):
        yield from findings


def _two_holders(analysis, knowledge) -> Iterator[Diagnostic]:
    holders: dict[tuple[str, str], list] = {}
    for f in analysis.found:
        t = f.title
        if not is_single_holder(t.rank, t.base):
            continue
        key = org_key(f.mention.org, knowledge)
        if key is None:
            continue
        holders.setdefault((t.base, key), []).append(f)
    for found in holders.values():
        first = found[0]
        reported = {first.name}
        for f in found[1:]:
            if f.name in reported or name_variant(f.name, first.name):
                continue
            reported.add(f.name)
            start, end = f.name_span()
            r_start, r_end = first.name_span()
            post = f"{f.title.written} {f.mention.org}"
            yield Diagnostic(
                Msg(
                    f'"{post}" được gán cho {f.name}, nhưng trước đó là {first.name}; '
                    "chức vụ này chỉ một người giữ",
                    f'"{post}" is given to {f.name}, but earlier to {first.name}; one person '
                    "holds this post",
                ),
                start,
                end,
                related=(
                    Related(Msg(f"{first.name} ở đây", f"{first.name} here"), r_start, r_end),
                ),
            )


RULE = Rule(
    code="TTL002",
    name="post-held-twice",
    summary=Msg(
        "Một chức vụ một người giữ được gán cho hai người",
        "A single-holder post is given to two people",
    ),
    explanation=Msg(
        "Chức vụ cấp trưởng (Chủ tịch, Trưởng Ban …, Giám đốc, Bí thư) của một cơ quan cụ thể "
        "chỉ một người giữ. Nếu bài gán nó cho hai người khác nhau thì một trong hai sai. Bài "
        'nói về bầu cử, bổ nhiệm, nhiệm kỳ, người tiền nhiệm ("nguyên", "tân", "quyền", "cố") '
        "được bỏ qua. Không có sửa tự động. Tên cơ quan chung chung (“UBND tỉnh” không kèm tên "
        "tỉnh) không tính. Hai cách viết của một tên là việc của TTL003.",
        "A head post (Chủ tịch, Trưởng Ban …, Giám đốc, Bí thư) of one specific organisation has "
        "one holder. When an article gives it to two different people, one of them is wrong. "
        "Articles about elections, appointments, terms of office and former, new, acting or late "
        "holders are skipped. No fix. A generic organisation (“UBND tỉnh” without the province's "
        "name) does not count. Two spellings of one name are TTL003's.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(
        Example(
            "Chủ tịch LĐLĐ tỉnh Nghệ An Lê Văn Hải phát biểu khai mạc.\n\n"
            "Chủ tịch LĐLĐ tỉnh Nghệ An Trần Quốc Toản trao quà cho công nhân."
        ),
    ),
    good=(
        Example(
            "Chủ tịch LĐLĐ tỉnh Nghệ An Lê Văn Hải phát biểu khai mạc.\n\n"
            "Chủ tịch LĐLĐ tỉnh Hà Tĩnh Trần Quốc Toản trao quà cho công nhân."
        ),
    ),
)
