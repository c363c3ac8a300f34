"""Fuzzing --fix (issue 23): generated documents in every format, with soat's suppression
comments, CRLF and CR line ends and byte-order marks. Fixing must settle within the pass
limit (no INT001, no NoFixpoint), touch nothing when run again on its own output, and keep
the byte-order mark and the encoding."""

from __future__ import annotations

import codecs
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soat.lint.formats import decode
from soat.lint.runner import check_source
from tests.rule_fixtures import EXTENSIONS, settings_for

ALL = settings_for(["ALL"])

WORDS = [
    "Công đoàn",
    "Hội nghị bế mạc.",
    "Các đại biểu ra về.",
    "Sáng nay,",
    "người lao động",
    "Nghị quyết số 02-NQ/TW ngày 12/6/2021",
    "ngày 31/4/2024",
    "thứ Hai, ngày 17/2/2025",
    "Chủ tịch LĐLĐ tỉnh Bắc Ninh Nguyễn Văn A",
    "Phó chủ tịch",
    "facebook",
    "zalo",
    "Lai Cai",
    "nghành",
    "hoà",
    "kĩ",
    "Ảnh: Ngọc Anh",
    "Có thể bạn quan tâm",
    "Bình luận (0)",
    "Xem thêm:",
    "v.v.",
    "TP.HCM",
    "e\u0301",
    "www.congdoan.vn",
]
PUNCTUATION = [".", ",", ";", ":", "!", "?", "...", "…", '"', "“", "”", " - ", "–", "(", ")"]
SPACES = [" ", " ", " ", "  ", "\u00a0", "\t", ""]
DIRECTIVES = [
    "<!-- soat-disable-line DAT -->",
    "<!-- soat-disable-line -->",
    "<!-- soat-disable-next-line TYP001 -->",
    "<!-- soat-disable TYP -->",
    "<!-- soat-enable TYP -->",
    "<!-- soat-disable-file BPL001 -->",
    "<!-- soat-disable-line TYP002,TYP001 -->",
    "<!-- không phải chỉ thị -->",
]
NEWLINES = ["\n", "\r\n", "\r"]
BOMS = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE]
CODECS = {
    b"": "utf-8",
    codecs.BOM_UTF8: "utf-8",
    codecs.BOM_UTF16_LE: "utf-16-le",
    codecs.BOM_UTF16_BE: "utf-16-be",
}

# A directive between two pieces with or without spaces: where the text rules see the
# pieces joined, a fix once kept inserting text that the directive hid again.
around_directive = st.tuples(
    st.sampled_from(["Hội nghị bế mạc.", "Sáng nay,", "đoàn viên;", "người lao động", "hỏi:"]),
    st.sampled_from(["", " ", "  ", "\u00a0"]),
    st.sampled_from(DIRECTIVES),
    st.sampled_from(["", " ", "  "]),
    st.sampled_from(["Các đại biểu ra về.", "công nhân", "Công đoàn", ".", ","]),
).map("".join)
piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(SPACES),
    st.sampled_from(DIRECTIVES),
    around_directive,
)
line = st.lists(piece, min_size=1, max_size=12).map("".join)


@st.composite
def documents(draw) -> tuple[str, bytes]:
    fmt = draw(st.sampled_from(["txt", "md", "html"]))
    newline = draw(st.sampled_from(NEWLINES))
    lines = draw(st.lists(line, min_size=1, max_size=8))
    if fmt == "md":
        lines = [draw(st.sampled_from(["", "# ", "- ", "> ", "1. "])) + x for x in lines]
    elif fmt == "html":
        tag = draw(st.sampled_from(["p", "li", "h2", "td", "figcaption"]))
        lines = [f"<{tag}>{x}</{tag}>" for x in lines]
    separator = newline * draw(st.sampled_from([1, 2]))
    text = separator.join(lines) + draw(st.sampled_from(["", newline]))
    bom = draw(st.sampled_from(BOMS))
    return fmt, bom + text.encode(CODECS[bom])


def fixed_bytes(fmt: str, data: bytes) -> tuple[bytes, int, list[str]]:
    source, encoding = decode(data)
    result = check_source(EXTENSIONS[fmt], source, ALL, fix=True, fmt=fmt)
    codes = [d.code for d in result.diagnostics]
    return encoding.encode(result.final_source), result.fixes_applied, codes


@settings(
    max_examples=int(os.environ.get("SOAT_FUZZ_EXAMPLES", "200")),
    suppress_health_check=[HealthCheck.too_slow],
)
@given(documents())
def test_fixing_settles_and_a_second_run_changes_nothing(doc):
    fmt, data = doc
    once, _, codes = fixed_bytes(fmt, data)
    assert "INT001" not in codes  # a rule crash, or fixes that did not settle in 10 passes
    bom = next((b for b in sorted(BOMS, key=len, reverse=True) if b and data.startswith(b)), b"")
    assert once.startswith(bom)
    again, applied, _ = fixed_bytes(fmt, once)
    assert (again, applied) == (once, 0)
