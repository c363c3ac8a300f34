"""TYP005 unicode-nfc — Text not in Unicode NFC.

Looks at: each block's raw text not in NFC, word by word (runs between spaces and punctuation).
Does not: split a word into several findings, however many of its letters are decomposed.
Data: none.
Fix: safe — the word in NFC.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Fix, Msg, Severity, Wording
from soat.lint.rule import Example, NoOptions, Rule

_WORD_RE = re.compile(r"[^\s.,;:!?()\[\]{}\"'“”‘’«»<>/|]+")


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    for block in doc.blocks:
        text = block.raw.text
        # A block's text is the NFC form of its raw text: equal (the same string, most
        # blocks) exactly when the raw text is NFC; one comparison instead of a scan.
        if text == block.text:
            continue
        for m in _WORD_RE.finditer(text):
            word = m.group()
            if unicodedata.is_normalized("NFC", word):
                continue
            nfc = unicodedata.normalize("NFC", word)
            start, end = block.raw_span(*m.span())
            yield Diagnostic(
                Msg(
                    f"Chữ không ở dạng Unicode dựng sẵn (NFC): “{nfc}” được gõ bằng dấu tổ hợp",
                    f"Text not in Unicode NFC: “{nfc}” is written with combining marks",
                ),
                start,
                end,
                fix=Fix.safe(start, end, nfc, wording=Wording.NFC),
            )


RULE = Rule(
    code="TYP005",
    name="unicode-nfc",
    summary=Msg("Chữ không ở dạng Unicode dựng sẵn (NFC)", "Text not in Unicode NFC"),
    explanation=Msg(
        "Văn bản chép từ macOS, tệp PDF hay một số phần mềm soạn thảo mang chữ ở dạng tổ hợp "
        '("ế" = "e" + dấu mũ + dấu sắc). Trông giống nhau nhưng tìm kiếm, sắp xếp và '
        "kiểm tra chính tả đều sai. Mỗi từ không ở dạng NFC là một lỗi; sửa an toàn bằng "
        "dạng dựng sẵn của từ đó.",
        "Text copied from macOS, PDF files or some word processors carries decomposed letters "
        '("ế" as "e" + circumflex + acute). It looks the same, but search, sorting and spell '
        "checking fail on it. Each word not in NFC is a finding; the safe fix writes it in NFC.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(Example("Công đoa\u0300n cơ sở"),),
    good=(Example("Công đoàn cơ sở"),),
    fixes=frozenset({Applicability.SAFE}),
    options=NoOptions,
)
