"""SPL004 term-case — A brand or proper name with the wrong capitalisation.

Looks at: every registry term and its listed variants (`term_index`), case-insensitively, in the
prose.
Does not: look inside URLs, e-mail addresses, domain names or hashtags, or change an all-capital
word.
Data: soat/data/terms.toml and the user's `[[term]]` entries.
Fix: safe — the owner's one spelling.
Notes: only documents holding a form's first word as a word (`first_words`, `OpensATerm`, asked
of the words of `document_words`) are scanned: 26 of 300 clean articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from soat.knowledge.indexes import TermIndex, term_index
from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Severity
from soat.lint.document import Document
from soat.lint.rule import Example, NoOptions, Rule
from soat.rules.spelling._words import document_words

# Web addresses and e-mail addresses: names inside them are not prose.
_ADDRESS_RE = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?<!\w[.-])[\w-]+(?:\.[\w-]+)*\.(?:com|vn|net|org|me|io|gov|edu)\b\S*",
    re.IGNORECASE,
)


_BEFORE = frozenset("_@#./\\-")


def first_words(knowledge: Any) -> frozenset[str] | None:
    """The first word of every term form (lower case): a form is reported only where it
    starts a word and ends one, so a document without any of these words has no finding.
    None when a form does not start with a letter or digit (then every document is read)."""
    firsts = set()
    for form in knowledge.index(term_index).preferred:
        first = _FIRST_WORD_RE.match(form)
        if first is None:
            return None
        firsts.add(first.group())
    return frozenset(firsts)


_FIRST_WORD_RE = re.compile(r"[^\W_]+")


class OpensATerm:
    """Whether a word, in lower case, is the first word of a term form: a question the
    document's words answer once per distinct word (`DocWords.matching`), one per knowledge."""

    __slots__ = ("firsts",)

    def __init__(self, knowledge: Any) -> None:
        self.firsts = first_words(knowledge)

    def __call__(self, word: str) -> bool:
        return self.firsts is not None and word.lower() in self.firsts


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    index = ctx.index(term_index)
    if index.pattern is None:
        return
    opens = ctx.index(OpensATerm)
    if opens.firsts is not None:
        words = ctx.get(document_words)
        if not words.matching(opens) and not any(map(opens, words.non_prose_words())):
            return  # no word that a term form starts with
    yield from term_findings(ctx.doc, index)


def term_findings(doc: Document, index: TermIndex) -> Iterator[Diagnostic]:
    """The findings of every block (what `check` reads when a term's first word is there)."""
    assert index.pattern is not None
    for block in doc.blocks:
        text = block.text
        lowered = text.lower()
        if len(lowered) != len(text):  # a character whose lower case is longer ("İ")
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        addresses = None
        for m in index.pattern.finditer(lowered):
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in _BEFORE):
                continue
            found = text[m.start() : m.end()]
            key = " ".join(found.split()).lower()
            preferred = index.preferred.get(key)
            if preferred is None or found == preferred:
                continue
            if found.isupper() and not preferred.isupper() and len(found) > 1:
                continue  # a headline in capitals
            if addresses is None:
                addresses = [a.span() for a in _ADDRESS_RE.finditer(text)]
            if any(s < m.end() and m.start() < e for s, e in addresses):
                continue
            start, end = block.span(*m.span())
            yield Diagnostic(
                Msg(
                    f"Viết đúng tên riêng: “{found}” → “{preferred}”",
                    f"Proper name spelt “{found}”; its owner writes “{preferred}”",
                ),
                start,
                end,
                fix=Fix.safe(start, end, preferred),
            )


RULE = Rule(
    code="SPL004",
    name="term-case",
    summary=Msg(
        "Tên thương hiệu, tên riêng viết sai hoa/thường",
        "A brand or proper name with the wrong capitalisation",
    ),
    explanation=Msg(
        "Tên riêng trong danh mục [[term]] (có sẵn: Facebook, YouTube, Zalo, TikTok, Google, "
        "iPhone, Viettel, VNPT, VNeID, VssID, MoMo, …; người dùng thêm trong registry) phải viết "
        "như chủ sở hữu viết. Không xét trong địa chỉ web, e-mail, tên miền, hashtag; từ in hoa "
        "toàn bộ được giữ. Sửa an toàn: cách viết duy nhất của tên đó. Cách viết khác đã ghi "
        "trong danh mục (“Tik Tok” → “TikTok”) cũng bị báo.",
        "Names from the [[term]] registry (built in: Facebook, YouTube, Zalo, TikTok, Google, "
        "iPhone, Viettel, VNPT, VNeID, VssID, MoMo, …; users add their own) must be written as "
        "their owners write them. Web and e-mail addresses, domain names and hashtags are "
        "skipped; words in capitals are kept. Safe fix: the name's one spelling. A variant "
        "spelling listed in the registry (“Tik Tok” → “TikTok”) is reported too.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(Example("Công đoàn tuyên truyền qua facebook, Youtube và zalo."),),
    good=(Example("Xem video trên YouTube hoặc tại www.youtube.com/congdoan."),),
    fixes=frozenset({Applicability.SAFE}),
    options=NoOptions,
)
