"""TYP007 legacy-encoding — Vietnamese in a legacy encoding (TCVN3, VNI, VISCII…) shown as Unicode.

Looks at: runs decoded by soat.vi.legacy.find_misencoded; this module only maps runs to
findings, once per run.
Does not: let other rules report inside a run (`masks_others`), or read files that are not UTF-8
(IO001, `unreadable_hint`).
Data: soat/data/legacy_encodings.toml.
Fix: safe, suggestion — safe when every word decodes to Vietnamese syllables, a suggestion
otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from soat.lint.context import Context
from soat.lint.diagnostic import Applicability, Diagnostic, Edit, Fix, Msg, Severity
from soat.lint.rule import Example, NoOptions, Rule
from soat.vi.legacy_telltales import NAMES, may_be_misencoded

_SHOWN = 48  # characters of a run quoted in a message


def _short(text: str) -> str:
    text = re.sub(r"[ \t\r\n]+", " ", text)  # not str.split: U+0085 may be a garbled byte
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def check(ctx: Context[NoOptions]) -> Iterator[Diagnostic]:
    doc = ctx.doc
    for block in doc.blocks:
        text = block.text
        if text.isascii() or not may_be_misencoded(text):
            continue
        from soat.vi.legacy import find_misencoded  # its tables: only for a text that needs them

        for run in find_misencoded(text):
            start, end = block.span(run.start, run.end)
            # one edit per word: line breaks and spacing between the words stay as written
            edits = tuple(Edit(*block.span(s, e), reading) for s, e, reading in run.words_changed)
            name_vi, name_en = NAMES[run.encoding]
            # Certain: every word with a legacy mark reads as Vietnamese.
            applicability = Applicability.SAFE if run.certain else Applicability.SUGGESTION
            fix = Fix.of(applicability, start, end, run.decoded, edits=edits)
            yield Diagnostic(
                Msg(
                    f"Chữ hiển thị sai do {name_vi}: “{_short(run.original)}”; "
                    f"đúng là “{_short(run.decoded)}”",
                    f"Text garbled by {name_en}: “{_short(run.original)}”; "
                    f"it reads “{_short(run.decoded)}”",
                ),
                start,
                end,
                fix=fix if run.certain else None,
                suggestions=() if run.certain else (fix,),
            )


def unreadable_hint(data: bytes) -> Msg | None:
    """For IO001: the legacy encoding a non-UTF-8 file is in, when detection is certain."""
    from soat.vi.legacy import detect_bytes

    found = detect_bytes(data)
    if found is None:
        return None
    name_vi, name_en = NAMES[found[0]]
    return Msg(
        f"Tệp được gõ bằng {name_vi}; `soat convert TỆP` chuyển nó sang UTF-8",
        f"The file is in {name_en}; `soat convert FILE` converts it to UTF-8",
    )


RULE = Rule(
    code="TYP007",
    name="legacy-encoding",
    summary=Msg(
        "Chữ gõ bằng bảng mã cũ (TCVN3, VNI, VISCII…) hiển thị sai",
        "Vietnamese in a legacy encoding (TCVN3, VNI, VISCII…) shown as Unicode",
    ),
    explanation=Msg(
        "Văn bản chép từ tệp gõ bằng bảng mã cũ hiện ra thành chữ lạ: “C«ng ®oµn” (TCVN3, "
        "phông .VnTime), “Coâng ñoaøn” (VNI), “Công ðoàn” (VISCII), “tiÒnh” (Windows-1258) "
        "hay “CÃ´ng Ä‘oÃ n” (UTF-8 bị đọc nhầm thành Windows-1252, một hoặc hai lần). "
        "soat báo mỗi đoạn một lần, kèm chữ đã chuyển sang Unicode, và không báo lỗi chính "
        "tả hay khoảng trắng bên trong đoạn đó. Một đoạn cần ít nhất hai từ mà chỉ khi chuyển "
        "mới thành tiếng Việt, nên chữ nước ngoài (José, Muñoz), ký hiệu (©, °C, ±, «») không "
        "bị báo. Sửa an toàn khi mọi từ của đoạn chuyển được thành âm tiết tiếng Việt; nếu "
        "không, chỉ gợi ý. Tệp không phải UTF-8: xem IO001 và lệnh `soat convert`.",
        "Text pasted from a file typed in a pre-Unicode encoding shows as odd letters: "
        "“C«ng ®oµn” (TCVN3, the .VnTime fonts), “Coâng ñoaøn” (VNI), “Công ðoàn” (VISCII), "
        "“tiÒnh” (Windows-1258) or “CÃ´ng Ä‘oÃ n” (UTF-8 read as Windows-1252, once or "
        "twice). soat reports each run once, with its Unicode reading, and no spelling or "
        "spacing finding inside it. A run needs at least two words that only become "
        "Vietnamese when decoded, so foreign names (José, Muñoz) and symbols (©, °C, ±, «») "
        "are not reported. The fix is safe when every word of the run decodes to Vietnamese "
        "syllables, a suggestion otherwise. Files that are not UTF-8: see IO001 and "
        "`soat convert`.",
    ),
    severity=Severity.WARNING,
    check=check,
    bad=(
        Example("Sáng nay, C«ng ®oµn tØnh tæ chøc héi nghÞ tæng kÕt."),
        Example("Sáng nay, Coâng ñoaøn tænh toå chöùc hoäi nghò."),
        Example("Sáng nay, CÃ´ng Ä‘oÃ\u00a0n tá»‰nh tá»• chá»©c há»™i nghá»‹."),
    ),
    good=(
        Example("Sáng nay, Công đoàn tỉnh tổ chức hội nghị tổng kết."),
        Example("HLV José Mourinho, nhiệt độ 30°C ± 2, © Báo Lao Động, «Tin vắn»."),
    ),
    fixes=frozenset({Applicability.SAFE, Applicability.SUGGESTION}),
    options=NoOptions,
    masks_others=True,
    unreadable_hint=unreadable_hint,
)
