"""TTL006 abbreviation-intro — chữ viết tắt dùng trước khi được giới thiệu.

Lần đầu dùng "LĐLĐ", "CNVCLĐ", "Tổng LĐLĐ Việt Nam" nên có dạng đầy đủ kèm chữ viết tắt
trong ngoặc: "Liên đoàn Lao động (LĐLĐ)". Once per abbreviation, at its first use, unless an
earlier (or this) mention reads "Full name (ABBR)", or the abbreviation is one every reader
knows (option `allow`: UBND, HĐND, BHXH, TP by default). Registry abbreviations of several
words ("Tổng LĐLĐ Việt Nam") count as one; capitals inside document numbers ("58/HD-TLĐ"),
Roman numerals and all-capital lines are not abbreviations here.
No fix: the full name is the writer's choice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from soat.lint.diagnostic import Diagnostic, Msg, Severity
from soat.lint.document import Document
from soat.lint.rule import Example, Rule
from soat.vi.tokens import document_symbol_spans

_ACRONYM_RE = re.compile(r"(?<![\w/\-.])[A-ZĐ]{2,}(?![\w/]|-\w|\.\w)")
_ROMAN_RE = re.compile(r"[IVXLCDM]+")


@dataclass(frozen=True)
class Options:
    allow: tuple[str, ...] = ("UBND", "HĐND", "BHXH", "TP")


def _mostly_upper(text: str) -> bool:
    letters = sum(map(str.isalpha, text))
    return letters >= 8 and sum(map(str.isupper, text)) > 0.6 * letters


def _registry_abbreviations(knowledge) -> tuple[str, ...]:
    """Abbreviations of several words that read as one ("Tổng LĐLĐ Việt Nam"), but not those
    that only wrap another one ("Ban Tuyên giáo Tổng LĐLĐ Việt Nam") or a place ("LĐLĐ tỉnh X",
    where the abbreviation is "LĐLĐ")."""
    found = {a for o in knowledge.organizations if o.kind != "provincial-federation"
             for a in o.abbreviations if " " in a and _ACRONYM_RE.search(a)}
    return tuple(sorted((a for a in found if not any(b != a and b in a for b in found)),
                        key=len, reverse=True))


def check(doc: Document, options: Options, knowledge) -> Iterator[Diagnostic]:
    allow = set(options.allow)
    multi = _registry_abbreviations(knowledge)
    multi_re = re.compile("|".join(rf"(?<!\w){re.escape(a)}(?!\w)" for a in multi)) if multi else None
    introduced: set[str] = set()
    for block in doc.blocks:
        text = block.text
        if _mostly_upper(text):
            continue
        spans = []
        if multi_re:
            spans = [(m.start(), m.end(), m.group()) for m in multi_re.finditer(text)]
        taken = [(s, e) for s, e, _ in spans] + document_symbol_spans(text)  # "NĐ - CP" is a code
        for m in _ACRONYM_RE.finditer(text):
            if not any(s <= m.start() < e for s, e in taken):
                spans.append((m.start(), m.end(), m.group()))
        for start, end, abbr in sorted(spans):
            if abbr in introduced or abbr in allow or _ROMAN_RE.fullmatch(abbr):
                continue
            introduced.add(abbr)
            if _in_parentheses(text, start, end) or _explained_after(text, end):
                continue
            s, e = block.span(start, end)
            yield Diagnostic(
                Msg(f"Chữ viết tắt \"{abbr}\" dùng lần đầu mà chưa giới thiệu dạng đầy đủ "
                    f"(\"Tên đầy đủ ({abbr})\")",
                    f"Abbreviation \"{abbr}\" used without first giving the full name "
                    f"(\"Full name ({abbr})\")"),
                s, e,
            )


def _in_parentheses(text: str, start: int, end: int) -> bool:
    return text[start - 1:start] == "(" and text[end:end + 1] == ")"


def _explained_after(text: str, end: int) -> bool:
    """ "LĐLĐ (Liên đoàn Lao động)": the full name right after, in parentheses."""
    rest = text[end:end + 2]
    return rest == " (" and text[end + 2:end + 3].isupper()


RULE = Rule(
    code="TTL006",
    name="abbreviation-intro",
    summary=Msg("Chữ viết tắt dùng trước khi được giới thiệu",
                "Abbreviation used before it is introduced"),
    explanation=Msg(
        "Lần đầu dùng một chữ viết tắt, hãy viết dạng đầy đủ kèm chữ viết tắt trong ngoặc: "
        "\"Liên đoàn Lao động (LĐLĐ)\", \"công nhân, viên chức, lao động (CNVCLĐ)\". Báo một lần "
        "cho mỗi chữ viết tắt. Những chữ ai cũng biết (UBND, HĐND, BHXH, TP) được bỏ qua; thêm "
        "bằng tùy chọn `allow`.",
        "At the first use of an abbreviation, give the full name with the abbreviation in "
        "parentheses: \"Liên đoàn Lao động (LĐLĐ)\". Reported once per abbreviation. Ones every "
        "reader knows (UBND, HĐND, BHXH, TP) are skipped; option `allow` sets the list.",
    ),
    severity=Severity.INFO,
    check=check,
    bad=(Example("LĐLĐ tỉnh Bắc Ninh tổ chức hội nghị."),),
    good=(Example("Liên đoàn Lao động (LĐLĐ) tỉnh Bắc Ninh tổ chức hội nghị. LĐLĐ tỉnh "
                  "cũng trao quà cho công nhân."),),
    options=Options,
)
