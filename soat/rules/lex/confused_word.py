"""LEX001 confused-word — A misused word whose syllables all exist (sát nhập, chia sẽ, bổ xung).

Looks at: the wrong forms of the confusion table (soat.vi.confusions), on syllable boundaries,
case-insensitively, across a line break inside a paragraph.
Does not: match inside URLs, e-mail, document symbols, registered names, capitalised names
inside a sentence or guard phrases, nor where the syllable-pair table shared with SPL006 says a
changed syllable at the form's edge belongs to the word next to it ("bám sát | nhập khẩu");
house-style pairs stay off until `enable-entries` names them.
Data: soat/data/confusions.toml, registry `[[confusion]]`, soat/data/syllable_bigrams.tsv
(soat.vi.bigrams); options `extend-entries`, `ignore-entries`, `enable-entries`.
Fix: safe, unsafe, suggestion — safe when no correct reading of the wrong form is known, unsafe
when guards may miss one, a suggestion otherwise; only the differing syllables change.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Annotated, NamedTuple

from soat.knowledge import Knowledge
from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Edit, Fix, Msg, Severity
from soat.lint.document import Block
from soat.lint.errors import did_you_mean
from soat.lint.rule import Example, Option, Rule
from soat.rules.spelling._words import DocWords, document_words
from soat.vi.confusion_data import builtin_confusions, kept_matcher, kept_screen
from soat.vi.confusions import (
    Confusion,
    ConfusionError,
    ConfusionMatch,
    ConfusionMatcher,
    FormScreen,
    fixed_text,
    fold_sigma,
    normalize_form,
    parse_confusion,
    syllable_edits,
)
from soat.vi.tokens import sentence_initial


def _entries_problem(value: object) -> str | None:
    """Why `extend-entries` is malformed (None when it is fine)."""
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        return (
            'must be a list of tables: [{ wrong = ["…"], right = "…", guards = ["…"], '
            'fix = "safe" | "unsafe" | "suggestion" }]'
        )
    seen: set[str] = set()
    for i, raw in enumerate(value):
        try:
            entry = parse_confusion(raw, i, trusted=True)
        except ConfusionError as exc:
            return f"entry {i + 1}: {exc}"
        for form in entry.wrong:
            if form in seen:
                return f'entry {i + 1}: wrong form "{form}" is listed twice'
            seen.add(form)
    return None


def _names_problem(value: object) -> str | None:
    """Why `ignore-entries`/`enable-entries` is malformed: each must name a built-in entry."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return "must be a list of strings (a wrong or right form of an entry)"
    known = {name for entry in builtin_confusions() for name in map(normalize_form, entry.names)}
    for name in value:
        if normalize_form(name) not in known:
            return f'names no entry of the table: "{name}".{did_you_mean(name, known)}'
    return None


class Options(NamedTuple):
    """LEX001's options (`[rules.LEX001]`): the user's own confusion entries, and built-in
    entries turned off or (house style) on, by name."""

    extend_entries: Annotated[tuple[dict, ...], Option(validate=_entries_problem)] = ()
    ignore_entries: Annotated[tuple[str, ...], Option(validate=_names_problem)] = ()
    enable_entries: Annotated[tuple[str, ...], Option(validate=_names_problem)] = ()


def active_entries(options: Options, user_entries: Iterable[Confusion] = ()) -> list[Confusion]:
    """The user's entries first (they win on a shared wrong form), then the built-in ones
    that are not ignored; house-style entries only when enabled."""
    ignored = {normalize_form(n) for n in options.ignore_entries}
    enabled = {normalize_form(n) for n in options.enable_entries}
    out = list(user_entries)
    if not ignored and not enabled:  # the default: no entry's names to look at
        out.extend(e for e in builtin_confusions() if e.kind != "house-style")
        return out
    for entry in builtin_confusions():
        names = {normalize_form(n) for n in entry.names}
        if names & ignored:
            continue
        if entry.kind == "house-style" and not names & enabled:
            continue
        out.append(entry)
    return out


def user_entries(options: Options, knowledge) -> list[Confusion]:
    out = [
        parse_confusion(raw, i, "configuration", trusted=True)
        for i, raw in enumerate(options.extend_entries)
    ]
    for c in getattr(knowledge, "confusions", ()):
        out.append(
            Confusion(
                wrong=tuple(normalize_form(w) for w in c.wrong),
                right=c.right,
                guards=tuple(normalize_form(g) for g in c.guards),
                fix=c.fix,
                vi=c.vi,
                en=c.en,
                source=c.source or "",
                verified=True,
                origin=c.origin,
            )
        )
    return out


def registered_names(knowledge) -> list[str]:
    """Names in the registries: a wrong form inside one of them is part of a name."""
    names: list[str] = []
    for org in getattr(knowledge, "organizations", ()):
        names.extend(org.all_names)
    for place in getattr(knowledge, "places", ()):
        names.extend((place.name, *place.variants))
    names.extend(p.name for p in getattr(knowledge, "persons", ()))
    for term in getattr(knowledge, "terms", ()):
        names.extend((term.preferred, *term.variants))
    return names


def _matchers(knowledge: Knowledge) -> dict[str, ConfusionMatcher]:
    """The matchers built on one knowledge, by options (kept with the knowledge: ctx.index)."""
    return {}


def _screens(knowledge: Knowledge) -> dict[str, FormScreen]:
    """The matchers' screens on one knowledge, by options (ctx.index)."""
    return {}


def _kept_key(ctx: Context[Options]) -> str | None:
    """The key under which the matcher of the default options is kept across processes
    (start-up): its options, the knowledge, this module's code (active_entries,
    user_entries, registered_names). None: other options, built in each process."""
    if ctx.options != Options() or not isinstance(ctx.knowledge, Knowledge):
        return None
    st = os.stat(__file__)
    return f"{ctx.options!r}|{ctx.knowledge.digest()}|{st.st_size}:{st.st_mtime_ns}"


def matcher_for(ctx: Context[Options]) -> ConfusionMatcher:
    """One matcher per options and knowledge, built on first use."""
    by_options = ctx.index(_matchers)
    key = repr(ctx.options)
    matcher = by_options.get(key)
    if matcher is None:
        options, knowledge = ctx.options, ctx.knowledge

        def build() -> ConfusionMatcher:
            return ConfusionMatcher(
                active_entries(options, user_entries(options, knowledge)),
                registered_names(knowledge),
            )

        kept = _kept_key(ctx)
        matcher = by_options[key] = build() if kept is None else kept_matcher(kept, build)
    return matcher


def screen_for(ctx: Context[Options]) -> FormScreen:
    """The screen of `matcher_for(ctx)`, without reading the matcher where an earlier
    process kept the screen (most documents need no more than the screen)."""
    by_options = ctx.index(_screens)
    key = repr(ctx.options)
    screen = by_options.get(key)
    if screen is None:
        kept = _kept_key(ctx)
        screen = by_options[key] = (
            matcher_for(ctx).screen if kept is None else kept_screen(kept, lambda: matcher_for(ctx))
        )
    return screen


def block_findings(block: Block, matcher: ConfusionMatcher) -> Iterator[Diagnostic]:
    """The findings of one block (plain function: the per-document analysis may call it)."""
    text = block.text
    for match in matcher.find(text):
        if _is_name(text, match):
            continue
        yield _diagnostic(block, match)


def _is_name(text: str, match: ConfusionMatch) -> bool:
    """A capitalised form inside a sentence, a form of several syllables each capitalised
    ("Ảnh: Chung Thành") or one in which a later syllable is capitalised ("địa bàn Hoàng
    Mai") belongs to a proper name; an all-capital heading is still prose."""
    written = match.written
    letters = [c for c in written if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return False
    if any(s[:1].isupper() for s in written.split()[1:]):
        return True  # "địa bàn Hoàng Mai": a name begins inside the form
    if not written[:1].isupper():
        return False
    return not sentence_initial(text, match.start)


def _diagnostic(block: Block, match: ConfusionMatch) -> Diagnostic:
    entry = match.entry
    written = " ".join(match.written.split())
    fixed = " ".join(fixed_text(match.written, entry.right).split())
    start, end = block.span(match.start, match.end)
    edits = tuple(
        Edit(*block.span(match.start + s, match.start + e), text)
        for s, e, text in syllable_edits(match.written, entry.right)
    )
    why_vi = f" {entry.vi}" if entry.vi else ""
    why_en = f" {entry.en}" if entry.en else ""
    if entry.verified and entry.fix != "suggestion":
        applicability = Applicability(entry.fix)  # safe or unsafe, as the entry says
        if entry.kind == "house-style":
            message = Msg(
                f"Theo quy ước đã chọn, viết “{fixed}” thay cho “{written}”.{why_vi}",
                f"The chosen house style writes “{fixed}”, not “{written}”.{why_en}",
            )
        else:
            message = Msg(
                f"Viết sai: “{written}”; viết đúng là “{fixed}”.{why_vi}",
                f"Misused word: “{written}”; the correct form is “{fixed}”.{why_en}",
            )
        return Diagnostic(
            message, start, end, fix=Fix.of(applicability, start, end, fixed, edits=edits)
        )
    hedge_vi = "" if entry.verified else " (chưa đối chiếu với nguồn đã công bố)"
    hedge_en = "" if entry.verified else " (not yet checked against a published source)"
    if not entry.verified:  # its explanation calls the form wrong: not said without a source
        why_vi = why_en = ""
    return Diagnostic(
        Msg(
            f"Có thể là “{fixed}” thay cho “{written}”{hedge_vi}.{why_vi}",
            f"Perhaps “{fixed}” instead of “{written}”{hedge_en}.{why_en}",
        ),
        start,
        end,
        suggestions=(Fix.suggestion(start, end, fixed, edits=edits),),
        severity=Severity.INFO,
    )


def check(ctx: Context[Options]) -> Iterator[Diagnostic]:
    screen = screen_for(ctx)
    blocks = ctx.doc.blocks
    if not screen.by_runs:  # a form starts with no letter or digit: the expression
        matcher = matcher_for(ctx)
        for block in blocks:
            yield from block_findings(block, matcher)
        return
    words = ctx.get(document_words)
    openers = words.matching(screen.opens)
    if not screen.may_hold_a_form(words.texts, openers, words.matching(screen.follows)):
        return  # no form's first words side by side: most documents
    matcher = matcher_for(ctx)
    # the few documents that may hold a form: their words that are a run of some form, asked
    # here (a question of every distinct word of every document would cost more)
    present = set(filter(matcher.in_a_form, words.distinct))
    for k, firsts in blocks_to_search(words, matcher, present):
        for match in matcher.find(blocks[k].text, firsts):
            if not _is_name(blocks[k].text, match):
                yield _diagnostic(blocks[k], match)


def blocks_to_search(
    words: DocWords, matcher: ConfusionMatcher, present: set[str]
) -> Iterator[tuple[int, set[str]]]:
    """The blocks that may hold a form, each with the first runs of letters of the forms it
    may hold (lower case; see ConfusionMatcher.find). `present`: the document's words that
    are a run of some form. Each run of letters of a form found is a word of its block,
    unless it lies in a URL or symbol, where nothing is reported: so a form can be found only
    in a block with its first word, in a document with all of its words. Most blocks hold
    no such word (all blocks, searched whole, are the definition:
    tests/rules/test_lex_fast_paths.py)."""
    if not present:
        return
    key = matcher.key
    firsts = matcher.firsts_in(set(map(key, present)))
    if not firsts:
        return
    folded: dict[str, set[str]] = {}
    for first in firsts:
        folded.setdefault(fold_sigma(first), set()).add(first)
    opening = {w for w in present if key(w) in folded}
    for k, texts in enumerate(words.texts):
        found = opening.intersection(texts)
        if found:
            yield k, set().union(*(folded[key(w)] for w in found))


RULE = Rule(
    code="LEX001",
    name="confused-word",
    summary=Msg(
        "Từ viết sai tuy mọi âm tiết đều có thật (sát nhập, chia sẽ, bổ xung)",
        "A misused word whose syllables all exist (sát nhập, chia sẽ, bổ xung)",
    ),
    explanation=Msg(
        "Báo cáo các từ viết sai thường gặp mà mọi âm tiết đều hợp lệ, nên SPL001 không thấy: "
        'nhầm s/x ("bổ xung" → "bổ sung"), ch/tr ("chuẩn đoán" → "chẩn đoán"), d/gi/r ("tranh '
        'dành" → "tranh giành"), l/n, hỏi/ngã ("chia sẽ" → "chia sẻ"), âm cuối c/t, n/ng và các'
        ' cụm cố định ("vô hình chung" → "vô hình trung"). Bảng lỗi nằm trong '
        "soat/data/confusions.toml, mỗi mục có nguồn; mục đã đối chiếu nguồn là cảnh báo, mục "
        'chưa đối chiếu chỉ là gợi ý (info). Không báo trong cụm mà cách viết ấy đúng ("cảnh '
        'sát nhập cư", "khả năng xuất khẩu", "Campuchia sẽ"), trong đường link, e-mail, số hiệu'
        " văn bản, tên riêng; cũng không báo khi bảng cặp âm tiết dùng chung với SPL006 cho "
        'thấy âm tiết bị sửa ở đầu hoặc cuối cụm thuộc về từ đứng cạnh ("bám sát nhập khẩu": '
        '"bám sát", "nhập khẩu") và câu đọc như đã viết hợp lý hơn câu đã sửa. Các cặp được '
        "chấp nhận cả hai cách (thăm quan/tham quan, trau giồi/trau dồi) chỉ báo khi bật trong "
        "enable-entries. Thêm mục bằng extend-entries hoặc [[confusion]] trong tệp danh mục; bỏ"
        " mục bằng ignore-entries. Cụm từ vắt qua chỗ xuống dòng trong một đoạn vẫn được nhận "
        "ra. Sửa an toàn khi cách viết sai không có cách đọc đúng nào đã biết; không an toàn "
        "khi có thể có cách đọc đúng mà bộ lọc bỏ sót; còn lại chỉ là gợi ý. Chỉ những âm tiết "
        "khác nhau được thay, giữ hoa/thường của bài.",
        "Reports common misused words whose syllables are all valid, so SPL001 does not see "
        'them: s/x ("bổ xung" → "bổ sung"), ch/tr ("chuẩn đoán" → "chẩn đoán"), d/gi/r ("tranh '
        'dành" → "tranh giành"), l/n, hỏi/ngã ("chia sẽ" → "chia sẻ"), final c/t and n/ng, and '
        'fixed phrases ("vô hình chung" → "vô hình trung"). The table is '
        "soat/data/confusions.toml, every entry with its source; entries confirmed by a "
        "published source are warnings, the others info-level suggestions. Not reported inside "
        'a phrase in which the form is right ("cảnh sát nhập cư", "khả năng xuất khẩu", '
        '"Campuchia sẽ"), in URLs, e-mail addresses, document symbols or proper names, nor when'
        " the syllable-pair table shared with SPL006 shows that a changed syllable at the start"
        ' or end of the form belongs to the word next to it ("bám sát nhập khẩu": "bám sát", '
        '"nhập khẩu") and the text reads likelier as written than corrected. Pairs accepted '
        "both ways (thăm quan/tham quan, trau giồi/trau dồi) are reported only when named in "
        "enable-entries. Add entries with extend-entries or a [[confusion]] table in a registry"
        " file; drop entries with ignore-entries. A phrase broken across a line inside a "
        "paragraph is still found. Safe fix when the wrong form has no known correct reading; "
        "unsafe when the guards may miss one; otherwise a suggestion. Only the syllables that "
        "differ change, in the case of the text.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(
        Example("Đoàn viên chia sẽ kinh nghiệm và bổ xung ý kiến sau khi sát nhập hai đơn vị."),
        Example(
            "Đoàn đi thăm quan khu di tích.",
            options={"enable-entries": ["thăm quan"]},
        ),
    ),
    good=(
        Example("Cảnh sát nhập cư làm việc; khả năng xuất khẩu tăng; Campuchia sẽ tham dự."),
        Example("Đoàn viên chia sẻ kinh nghiệm và bổ sung ý kiến sau khi sáp nhập hai đơn vị."),
    ),
    fixes=frozenset({Applicability.SAFE, Applicability.UNSAFE, Applicability.SUGGESTION}),
    options=Options,
    # the phrase's own fix wins over a syllable rule's guess inside it ("chia xẽ": chia sẻ,
    # not SPL006's "sẽ"), so the phrase is reported once
    masks_others=True,
)
