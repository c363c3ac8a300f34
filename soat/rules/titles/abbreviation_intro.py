"""TTL006 abbreviation-intro — Abbreviation used before it is introduced.

Looks at: capitalised abbreviations in order of appearance, and whether a “Full name (ABBR)”
introduced them before or at their first use.
Does not: count headlines and headings, document symbols, [[term]] brands, Roman numerals or
all-capital lines.
Data: option `allow`; registry organisations' abbreviations and `[[term]]` names.
Fix: none — the full name is the writer's choice.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from soat.lint.context import Context
from soat.lint.diagnostic import Diagnostic, Msg, Severity
from soat.lint.rule import Example, Rule
from soat.rules.titles.context import lower_text, mostly_upper_blocks
from soat.vi.tokens import document_symbol_spans

# The look-behind sits after the first capital ("[A-ZĐ](?<!\w[A-ZĐ])" is "(?<!\w)[A-ZĐ]"): a
# pattern that starts with a character set is scanned for it in C.
_ACRONYM_RE = re.compile(r"[A-ZĐ](?<![\w/\-.][A-ZĐ])[A-ZĐ]+(?![\w/]|-\w|\.\w)")
_ROMAN_RE = re.compile(r"[IVXLCDM]+")
# Capitals inside a company's name ("Công ty TNHH LG Display") are its name, not shorthand.
_COMPANY_BEFORE_RE = re.compile(
    r"\b(?:Công ty|Tổng công ty|Tập đoàn|Ngân hàng|Nhà máy)(?:\s+[^\s,.;:()]+){0,2}\s+$"
)


class Options(NamedTuple):
    """TTL006's options (`[rules.TTL006]`): abbreviations a reader knows without an
    introduction."""

    # Known to every reader of Vietnamese news: administrative bodies, legal forms of
    # companies, currencies, news agencies and world organisations, "PV" (phóng viên).
    allow: tuple[str, ...] = (
        "UBND",
        "HĐND",
        "BHXH",
        "BHYT",
        "TP",
        "HCM",
        "TPHCM",
        "VN",
        "TNHH",
        "MTV",
        "CP",
        "PV",
        "TTXVN",
        "QR",
        "GDP",
        "USD",
        "VND",
        "THPT",
        "THCS",
        "ASEAN",
        "APEC",
        "EU",
        "NATO",
        "UN",
        "UNESCO",
        "WHO",
        "WTO",
        "ILO",
        "AFP",
        "AP",
        "CNN",
        "BBC",
        "TASS",
        "AI",
        "CEO",
        "CLB",
    )


def _registry_abbreviations(knowledge) -> tuple[str, ...]:
    """Abbreviations of several words that read as one ("Tổng LĐLĐ Việt Nam"), but not those
    that only wrap another one ("Ban Tuyên giáo Tổng LĐLĐ Việt Nam") or a place ("LĐLĐ tỉnh X",
    where the abbreviation is "LĐLĐ")."""
    found = {
        a
        for o in knowledge.organizations
        if o.kind != "provincial-federation"
        for a in o.abbreviations
        if " " in a and _ACRONYM_RE.search(a)
    }
    return tuple(
        sorted(
            (a for a in found if not any(b != a and b in a for b in found)), key=len, reverse=True
        )
    )


class KnownAbbreviations(NamedTuple):
    """What the knowledge says about abbreviations (built once per knowledge: `ctx.index`)."""

    term_names: frozenset[str]  # [[term]] names: brands, never shorthand to introduce
    multi: tuple[str, ...]  # the registry's abbreviations of several words
    multi_re: re.Pattern[str] | None  # any of `multi` as whole words


def known_abbreviations(knowledge) -> KnownAbbreviations:
    multi = _registry_abbreviations(knowledge)
    # "(?<!\w)abbr(?!\w)", with the lookbehind after the first letter ("T(?<!\wT)ổng…"): a
    # pattern that starts with a letter is searched for that letter first (4x faster).
    multi_re = (
        re.compile(
            "|".join(
                rf"{re.escape(a[0])}(?<!\w{re.escape(a[0])}){re.escape(a[1:])}(?!\w)" for a in multi
            )
        )
        if multi
        else None
    )
    names = frozenset(name for t in knowledge.terms for name in (t.preferred, *t.variants))
    return KnownAbbreviations(names, multi, multi_re)


def check(ctx: Context[Options]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    options = ctx.options
    known = ctx.index(known_abbreviations)
    allow, term_names = set(options.allow), known.term_names
    multi_re = known.multi_re
    introduced: set[str] = set()
    upper = ctx.get(mostly_upper_blocks)

    def fresh(abbr: str) -> bool:
        """Not introduced yet, nor known to every reader, nor a Roman numeral."""
        return not (
            abbr in introduced or abbr in allow or abbr in term_names or _ROMAN_RE.fullmatch(abbr)
        )

    # The abbreviations of every block, found in one scan of the document's text with its
    # blocks joined by line breaks (the regex looks at no line break on either side of a
    # match, so its matches there are the blocks' own), those fresh at the start kept by
    # block: most blocks have none, and most abbreviations are known ("UBND", "TP").
    blocks = doc.blocks
    lowered = ctx.get(lower_text)  # (its `joined` and `bounds`: the title rules share them)
    everything, bounds = lowered.joined, lowered.bounds
    by_block: dict[int, list[tuple[int, int, str]]] = {}
    for m in _ACRONYM_RE.finditer(everything):
        if fresh(m.group()):
            k = bisect_right(bounds, m.start()) - 1
            by_block.setdefault(k, []).append(
                (m.start() - bounds[k], m.end() - bounds[k], m.group())
            )
    # A match of a registry abbreviation holds its text.
    multi_here = multi_re is not None and any(map(everything.__contains__, known.multi))
    for k, block in enumerate(blocks):
        if k not in by_block and not multi_here:
            continue
        text = block.text
        if block.kind in ("title", "heading"):
            continue
        spans = []
        if multi_re and multi_here and any(map(text.__contains__, known.multi)):
            spans = [(m.start(), m.end(), m.group()) for m in multi_re.finditer(text)]
        # Only an abbreviation fresh when the block starts can be reported in it (`introduced`
        # only grows): the others are left out before the document symbols are looked for.
        acronyms = [a for a in by_block.get(k, ()) if fresh(a[2])]
        if acronyms:
            # "NĐ - CP" is a code (a document symbol holds a slash or a hyphen: a text
            # without either has none, told by two substring tests instead of a scan)
            symbols = document_symbol_spans(text) if "/" in text or "-" in text else []
            taken = [(s, e) for s, e, _ in spans] + symbols
            for a in acronyms:
                if not any(s <= a[0] < e for s, e in taken):
                    spans.append(a)
        if not any(fresh(abbr) for _, _, abbr in spans) or block.index in upper:
            continue  # (capitals counted only in a block with a fresh abbreviation)
        for start, end, abbr in sorted(spans):
            if not fresh(abbr):
                continue
            if _COMPANY_BEFORE_RE.search(text, max(0, start - 60), start):
                continue
            introduced.add(abbr)
            if _in_parentheses(text, start, end) or _explained_after(text, end):
                continue
            s, e = block.span(start, end)
            yield Diagnostic(
                Msg(
                    f'Chữ viết tắt "{abbr}" dùng lần đầu mà chưa giới thiệu dạng đầy đủ '
                    f'("Tên đầy đủ ({abbr})")',
                    f'Abbreviation "{abbr}" used without first giving the full name '
                    f'("Full name ({abbr})")',
                ),
                s,
                e,
            )


def _in_parentheses(text: str, start: int, end: int) -> bool:
    return text[start - 1 : start] == "(" and text[end : end + 1] == ")"


def _explained_after(text: str, end: int) -> bool:
    """ "LĐLĐ (Liên đoàn Lao động)": the full name right after, in parentheses."""
    rest = text[end : end + 2]
    return rest == " (" and text[end + 2 : end + 3].isupper()


RULE = Rule(
    code="TTL006",
    name="abbreviation-intro",
    summary=Msg(
        "Chữ viết tắt dùng trước khi được giới thiệu", "Abbreviation used before it is introduced"
    ),
    explanation=Msg(
        'Lần đầu dùng một chữ viết tắt, hãy viết dạng đầy đủ kèm chữ viết tắt trong ngoặc: "Liên '
        'đoàn Lao động (LĐLĐ)", "công nhân, viên chức, lao động (CNVCLĐ)". Báo một lần cho mỗi '
        "chữ viết tắt. Những chữ ai cũng biết (UBND, HĐND, BHXH, TP, TNHH…) và tên thương hiệu "
        "(VNPT) được bỏ qua; đặt danh sách bằng tùy chọn `allow`. Tít bài và tiêu đề mục không "
        "tính là lần dùng đầu: báo chí viết tắt ở tít và giới thiệu ở sa-pô. Chữ viết tắt nhiều "
        "từ trong danh sách (“Tổng LĐLĐ Việt Nam”) tính là một; chữ hoa trong số ký hiệu văn bản "
        "(“58/HD-TLĐ”), số La Mã và dòng in hoa toàn bộ không phải chữ viết tắt.",
        "At the first use of an abbreviation, give the full name with the abbreviation in "
        'parentheses: "Liên đoàn Lao động (LĐLĐ)". Reported once per abbreviation. Ones every '
        "reader knows (UBND, HĐND, BHXH, TP, TNHH…) and brand names (VNPT) are skipped; option "
        "`allow` sets the list. Headlines and headings are not a first use: newspapers "
        "abbreviate there and introduce the name in the lead. A registry abbreviation of several "
        "words (“Tổng LĐLĐ Việt Nam”) counts as one; capitals inside document numbers "
        "(“58/HD-TLĐ”), Roman numerals and all-capital lines are not abbreviations.",
    ),
    severity=Severity.INFO,
    check=check,
    bad=(Example("Tin công đoàn\nLĐLĐ tỉnh Bắc Ninh tổ chức hội nghị."),),
    good=(
        Example(
            "Liên đoàn Lao động (LĐLĐ) tỉnh Bắc Ninh tổ chức hội nghị. LĐLĐ tỉnh "
            "cũng trao quà cho công nhân."
        ),
    ),
    options=Options,
)
