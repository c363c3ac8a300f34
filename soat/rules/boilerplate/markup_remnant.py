"""BPL003 markup-remnant — HTML tags or entities, or CMS shortcodes, left in the text.

Looks at: each block's raw source for HTML entities, tags and comments (plain text),
double-escaped ones (Markdown, HTML), CMS shortcodes and a photo credit glued to the next
sentence.
Does not: report valid markup in Markdown and HTML, or quotes inside shortcode attributes
(TYP004 skips those too).
Data: the entity table of Python's html module.
Fix: safe, unsafe — safe where the replacement is unambiguous (entity, extra escape, entity-only
line, shortcode tag); unsafe for removing a tag or comment and splitting a glued credit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from soat.knowledge import Knowledge
from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Edit, Fix, Msg, Severity
from soat.lint.document import Block, Document
from soat.lint.rule import Example, NoOptions, Rule

_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|&nbsp(?![\w;])"
_TAG_NAMES = (
    "a|abbr|article|b|big|blockquote|body|br|center|code|dd|div|dl|dt|em|figcaption|figure|"
    "font|h[1-6]|head|hr|html|i|iframe|img|ins|li|meta|noscript|ol|p|pre|s|script|section|"
    "small|span|strike|strong|style|sub|sup|table|tbody|td|tfoot|th|thead|tr|u|ul"
)
_TAG = rf"</?(?:{_TAG_NAMES})(?:\s[^<>]*)?/?>"


def markup_patterns(knowledge: Knowledge) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(entity, tag) regexes, the largest of the rule: compiled on first use (`ctx.index`),
    as most runs meet neither "&" nor "<"."""
    return re.compile(_ENTITY), re.compile(_TAG, re.IGNORECASE)


# An unclosed comment runs to the end (and is then dropped): "<!--.*?-->" alone rescanned the
# rest of the text from every later "<!--", which is quadratic when none is closed.
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_SHORTCODE_RE = re.compile(
    r"\[/?(?:caption|wp_caption|gallery|embed|video|audio|playlist|vc_[a-z_]+|et_pb_[a-z_]+)"
    r"(?:\s[^\[\]]*)?\]"
)
# "Ảnh: Ngọc AnhPhó Chủ tịch…": a credit whose last word runs into the next sentence.
# `\b(?:Ảnh|ẢNH|Nguồn ảnh|Ảnh minh họa|Ảnh minh hoạ)\s*:\s*`, with the word boundary
# asked after the first letter (a look-behind): a pattern whose branches start with a letter
# is scanned for those letters in C, not tried at every character (3x faster).
_CREDIT_RE = re.compile(
    r"(?:Ả(?<!\wẢ)nh|Ả(?<!\wẢ)NH|N(?<!\wN)guồn ảnh|Ả(?<!\wẢ)nh minh họa|Ả(?<!\wẢ)nh minh hoạ)"
    r"\s*:\s*"
)
_CREDIT_WORDS = 6
_MIN_WORDS_AFTER_GLUE = 3  # a glued sentence goes on after the glued word


def _entity_char(entity: str) -> str:
    import html  # its entity table costs every cold start ~1.5 ms; few texts hold an entity

    return html.unescape(entity if entity.endswith(";") else entity + ";")


def _is_double_escaped(block: Block, doc: Document, start: int) -> bool:
    """Whether the "&" or "<" at plain-text `start` was written escaped in the source."""
    s, e = block.nfc.starts[start], block.nfc.ends[start]
    return e - s > 1 and doc.source[s] == "&"


def _glue_point(text: str, start: int) -> int | None:
    """Where a credit starting at `start` runs into the next word without a break."""
    pos, words = start, 0
    while pos < len(text) and words < _CREDIT_WORDS:
        while pos < len(text) and text[pos] == " ":
            pos += 1
        word_start = pos
        while pos < len(text) and not text[pos].isspace():
            pos += 1
        words += 1
        word = text[word_start:pos]
        for i in range(1, len(word)):
            if word[i].isupper() and word[i - 1].islower() and word[i + 1 : i + 2].islower():
                return word_start + i  # "AnhPhó"
            if (
                word[i].isupper()
                and word[i + 1 : i + 2].islower()
                and i >= 2
                and word[i - 1].isupper()
                and word[i - 2].isupper()
            ):
                return word_start + i  # "TTXVNPhó"
        if word.endswith((".", "!", "?")):
            return None  # the credit ends properly
    return None


def _entities(doc: Document, block: Block, entity_re: re.Pattern[str]) -> Iterator[Diagnostic]:
    text = block.text
    matches = [m for m in entity_re.finditer(text) if _entity_char(m.group()) != m.group()]
    if doc.format != "txt":
        matches = [m for m in matches if _is_double_escaped(block, doc, m.start())]
    if not matches:
        return
    rest = entity_re.sub("", text)
    if doc.format == "txt" and not rest.strip() and not any(c.isalnum() for c in rest):
        start, end = block.span(matches[0].start(), matches[-1].end())
        d_start, d_end = doc.block_deletion(block)
        yield Diagnostic(
            Msg(
                f'Dòng chỉ có thực thể HTML "{text.strip()}"; nên xóa',
                f'Line of nothing but HTML entities "{text.strip()}"; delete it',
            ),
            start,
            end,
            fix=Fix.safe(d_start, d_end),
        )
        return
    for m in matches:
        start, end = block.span(m.start(), m.end())
        entity = m.group()
        if doc.format == "txt":
            char = _entity_char(entity)
            shown = {"\u00a0": "dấu cách không ngắt", " ": "dấu cách"}.get(char, char)
            shown_en = {"\u00a0": "a no-break space", " ": "a space"}.get(char, char)
            yield Diagnostic(
                Msg(
                    f'Thực thể HTML "{entity}" còn sót trong văn bản; nên là {shown}',
                    f'HTML entity "{entity}" left in the text; expected {shown_en}',
                ),
                start,
                end,
                fix=Fix.safe(start, end, char),
            )
        else:
            amp_start, amp_end = block.span(m.start(), m.start() + 1)
            yield Diagnostic(
                Msg(
                    f'Thực thể HTML bị mã hóa hai lần: "{doc.source[start:end]}"; nên là '
                    f'"{entity}"',
                    f'Double-escaped HTML entity "{doc.source[start:end]}"; expected "{entity}"',
                ),
                start,
                end,
                # the title quotes the entity as it will read; the edit touches only "&amp;"
                fix=Fix.safe(start, end, entity, edits=(Edit(amp_start, amp_end, "&"),)),
            )


def _tags(doc: Document, block: Block, tag_re: re.Pattern[str]) -> Iterator[Diagnostic]:
    text = block.text
    found = [(m, "tag") for m in tag_re.finditer(text)]
    if doc.format == "txt":
        found += [(m, "comment") for m in _COMMENT_RE.finditer(text) if m.group().endswith("-->")]
    else:
        found = [(m, k) for m, k in found if _is_double_escaped(block, doc, m.start())]
    for m, kind in sorted(found, key=lambda t: t[0].start()):
        start, end = block.span(m.start(), m.end())
        before = text[m.start() - 1 : m.start()]
        after = text[m.end() : m.end() + 1]
        # A removed <br> between two words leaves a space, not a glued word; a tag between
        # two spaces takes one of them along.
        joiner = (
            " " if before.strip() and after.strip() and m.group().lower().startswith("<br") else ""
        )
        remove_end = end
        if before == " " and after == " ":
            remove_end = block.span(m.end(), m.end() + 1)[1]
        what_vi = "Chú thích HTML" if kind == "comment" else "Thẻ HTML"
        what_en = "HTML comment" if kind == "comment" else "HTML tag"
        shown = m.group() if len(m.group()) <= 40 else m.group()[:37] + "…"
        yield Diagnostic(
            Msg(
                f'{what_vi} còn sót trong văn bản: "{shown}"',
                f'{what_en} left in the text: "{shown}"',
            ),
            start,
            end,
            fix=Fix.unsafe(start, remove_end, joiner),
        )


def _shortcodes(doc: Document, block: Block) -> Iterator[Diagnostic]:
    for m in _SHORTCODE_RE.finditer(block.text):
        start, end = block.span(m.start(), m.end())
        shown = m.group() if len(m.group()) <= 40 else m.group()[:37] + "…"
        yield Diagnostic(
            Msg(
                f'Mã ngắn của CMS còn sót: "{shown}"; nên xóa',
                f'CMS shortcode left in the text: "{shown}"; remove it',
            ),
            start,
            end,
            fix=Fix.safe(start, end),
        )


def _glued_credits(doc: Document, block: Block) -> Iterator[Diagnostic]:
    text = block.text
    for m in _CREDIT_RE.finditer(text):
        glue = _glue_point(text, m.end())
        if glue is None or len(text[glue:].split()) < _MIN_WORDS_AFTER_GLUE:
            continue  # "Ảnh: ChinaDaily", "Ảnh: YouTube": a name in camel case, nothing glued
        start, end = block.span(m.start(), glue)
        split = end
        credit, following = text[m.start() : glue], text[glue:].split(" ", 1)[0]
        fix = None
        if doc.format in ("txt", "md"):
            # The file's own line break, and a blank line where paragraphs are set apart by one
            # (always in Markdown).
            newline = "\r\n" if "\r\n" in doc.source else "\r" if "\r" in doc.source else "\n"
            blank = doc.format == "md" or newline * 2 in doc.source
            separator = newline * 2 if blank else newline
            fix = Fix.unsafe(split, split, separator)
        yield Diagnostic(
            Msg(
                f'Dòng ghi ảnh "{credit}" dính vào câu sau ("{following}…"); nên tách dòng',
                f'Photo credit "{credit}" glued to the next sentence ("{following}…"); '
                f"split the line",
            ),
            start,
            end,
            fix=fix,
        )


def _may_hold_a_credit(text: str) -> bool:
    """Whether `_CREDIT_RE` can match: it needs one of its words (substring tests in C)."""
    return "Ảnh" in text or "ẢNH" in text or "Nguồn ảnh" in text


def may_hold_a_remnant(text: str) -> bool:
    """Whether any of BPL003's patterns can match: an entity needs "&", a tag or comment "<",
    a shortcode "[", a glued credit one of `_CREDIT_RE`'s words (substring tests in C)."""
    return "&" in text or "<" in text or "[" in text or _may_hold_a_credit(text)


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    for block in doc.blocks:
        text = block.text
        # Each pattern is scanned for only where its first character is (`may_hold_a_remnant`)
        entity, tag, shortcode = "&" in text, "<" in text, "[" in text
        credit = _may_hold_a_credit(text)
        if not (entity or tag or shortcode or credit):
            continue
        entity_re, tag_re = ctx.index(markup_patterns)
        found = [
            *(_entities(doc, block, entity_re) if entity else ()),
            *(_tags(doc, block, tag_re) if tag else ()),
            *(_shortcodes(doc, block) if shortcode else ()),
            *(_glued_credits(doc, block) if credit else ()),
        ]
        yield from sorted(found, key=lambda d: (d.start, d.end))


RULE = Rule(
    code="BPL003",
    name="markup-remnant",
    summary=Msg(
        "Thẻ, thực thể HTML hoặc mã ngắn CMS còn sót trong văn bản",
        "HTML tags or entities, or CMS shortcodes, left in the text",
    ),
    explanation=Msg(
        'Trong tệp văn bản thường, mọi thực thể HTML ("&nbsp;", "&amp;"), thẻ HTML ("<br>", '
        '"</p>") và chú thích HTML là phần còn sót khi dán từ trang web. Trong Markdown và '
        'HTML, thực thể và thẻ là hợp lệ nên chỉ báo khi bị mã hóa hai lần ("&amp;nbsp;"). '
        'Ở mọi định dạng: mã ngắn WordPress/CMS ("[caption id=…]") và dòng "Ảnh: …" dính '
        "vào câu sau. Sửa an toàn khi cách thay là duy nhất: thực thể thành ký tự, bỏ lớp mã "
        "hóa thừa, xóa dòng chỉ có thực thể, xóa mã ngắn; xóa thẻ và tách dòng ghi ảnh là "
        "không an toàn.",
        'In plain text every HTML entity ("&nbsp;", "&amp;"), HTML tag ("<br>", "</p>") '
        "and HTML comment is a remnant of pasting from a web page. In Markdown and HTML, "
        'entities and tags are valid, so only double-escaped ones count ("&amp;nbsp;"). In '
        'every format: WordPress/CMS shortcodes ("[caption id=…]") and an "Ảnh: …" credit '
        "glued to the next sentence. Safe fix where the replacement is unambiguous: an entity "
        "becomes its character, an extra escape is removed, an entity-only line is deleted, a "
        "shortcode is removed; removing a tag and splitting a glued credit are unsafe.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(
        Example(
            'Công đoàn&nbsp;cơ sở tổ chức hội nghị.<br>\n\n[caption id="attachment_1"]'
            "Ảnh: Ngọc Anh[/caption]"
        ),
    ),
    good=(
        Example("Trẻ em dưới 5 tuổi (<5) được miễn phí; công ty A & B tài trợ.\n\nẢnh: Ngọc Anh"),
    ),
    fixes=frozenset({Applicability.SAFE, Applicability.UNSAFE}),
    options=NoOptions,
)
