"""The interface language and the words soat prints around the findings.

Rules write their own messages as `Msg(vi, en)` beside the check. This module holds the
language type and every other piece of interface text (labels, headings, summaries of the
reports, `soat rules`, the Word comments, the language server's actions), and it is the one
place that picks a language: `Msg.get`. Everything else asks a `Msg`, never compares a
language code (tests/lint/test_ui.py checks both).

Templates use `str.format` fields (`{n}`); the Vietnamese and English texts of one entry have
the same fields.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

from typing import Literal, NamedTuple

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")
DEFAULT_LANG: Lang = "vi"


class Msg(NamedTuple):
    """A message in Vietnamese (the default) and English."""

    vi: str
    en: str

    def get(self, lang: str) -> str:
        """The text in `lang`; Vietnamese for anything but "en"."""
        return self.en if lang == "en" else self.vi

    def format(self, **values: object) -> "Msg":
        """Both texts with their `{fields}` filled in."""
        return Msg(self.vi.format(**values), self.en.format(**values))

    def capitalized(self) -> "Msg":
        """Both texts with a capital first letter (a label that starts a line or a cell)."""
        return Msg(self.vi[:1].upper() + self.vi[1:], self.en[:1].upper() + self.en[1:])


def text_of(message: Msg | str, lang: str) -> str:
    """A message that may be bilingual (`Msg`) or a plain string, in `lang`."""
    return message.get(lang) if isinstance(message, Msg) else message


def as_lang(value: str) -> Lang:
    """`value` as a language `Msg.get` speaks: "en", or Vietnamese for anything else."""
    return "en" if value == "en" else DEFAULT_LANG


# --- severities and fix kinds: rule docs, reports -----------------------------------------

SEVERITY = {
    "error": Msg("lỗi", "error"),
    "warning": Msg("cảnh báo", "warning"),
    "info": Msg("thông tin", "info"),
}
APPLICABILITY = {
    "safe": Msg("an toàn", "safe"),
    "unsafe": Msg("cần xem lại", "unsafe"),
    "suggestion": Msg("gợi ý", "suggestion"),
}

# --- a finding's fix, suggestions and related places (text, JUnit, HTML, Word) ------------

FIX = Msg("sửa", "fix")
UNSAFE_FIX = Msg("sửa (cần xem lại)", "fix (unsafe)")
JUNIT_UNSAFE_FIX = Msg("sửa (cần xem lại)", "unsafe fix")
SUGGESTION = Msg("gợi ý", "suggestion")
SEE = Msg("xem", "see")
DELETE = Msg("xóa", "delete")

# --- fix titles: written by Fix.safe/unsafe/suggestion (soat/lint/diagnostic.py) -----------
# `{text}` is the new text, quoted, or named below when it is white space.

FIX_REPLACE = Msg("Sửa thành {text}", "Replace with {text}")
FIX_DELETE = Msg("Xóa", "Delete")
FIX_INSERT = Msg("Thêm {text}", "Insert {text}")
FIX_SPLIT = Msg("Tách thành {text}", "Split into {text}")
FIX_NFC = Msg("Chuyển sang dạng dựng sẵn (NFC): {text}", "Convert to NFC: {text}")
WHITESPACE_NAMES = {
    " ": Msg("một dấu cách", "a space"),
    "\u00a0": Msg("một dấu cách không ngắt", "a no-break space"),
    "\n": Msg("một dòng mới", "a line break"),
    "\r\n": Msg("một dòng mới", "a line break"),
    "\r": Msg("một dòng mới", "a line break"),
    "\n\n": Msg("một dòng trống", "a blank line"),
    "\r\n\r\n": Msg("một dòng trống", "a blank line"),
    "\r\r": Msg("một dòng trống", "a blank line"),
}
OTHER_WHITESPACE = Msg("khoảng trắng", "whitespace")

# --- run summaries (text and HTML) ----------------------------------------------------------

NO_PROBLEMS = Msg("Không phát hiện lỗi nào.", "All checks passed!")
FOUND = Msg("Tìm thấy {n} lỗi trong {files} tệp.", "Found {n} problem(s) in {files} file(s).")
FIXED = Msg("Đã sửa {n} lỗi.", "Fixed {n} problem(s).")
FIXABLE = Msg("[*] {n} lỗi sửa được bằng --fix.", "[*] {n} fixable with --fix.")
UNSAFE_FIXABLE = Msg(
    "Thêm {n} lỗi sửa được bằng --fix --unsafe-fixes.",
    "{n} more fixable with --fix --unsafe-fixes.",
)
STATISTICS_FIXABLE = Msg("({n} sửa được)", "({n} fixable)")

# --- the HTML report ------------------------------------------------------------------------

HTML = {
    "title": Msg("Báo cáo soát lỗi", "soat report"),
    "summary": Msg("Tóm tắt theo quy tắc", "Summary by rule"),
    "rule": Msg("Quy tắc", "Rule"),
    "count": Msg("Số lỗi", "Findings"),
    "fixable": Msg("Sửa được bằng --fix", "Fixable with --fix"),
    "unreadable": Msg("Không đọc được tệp.", "The file could not be read."),
}

# --- rule documentation: soat rules, soat rule CODE, docs/rules/, SARIF help ----------------

RULES_TABLE_HEAD = (
    Msg("Mã", "Code"),
    Msg("Tên", "Name"),
    Msg("Nhóm", "Family"),
    Msg("Mức", "Severity"),
    Msg("Sửa", "Fix"),
    Msg("Mô tả", "Summary"),
)
RULE_DOC = {
    "family": Msg("Nhóm", "Family"),
    "severity": Msg("Mức mặc định", "Default severity"),
    "fix": Msg("Cách sửa", "Fix"),
    "options": Msg("Tùy chọn", "Options"),
    "bad": Msg("Ví dụ sai", "Bad"),
    "good": Msg("Ví dụ đúng", "Good"),
    "with-registry": Msg("Với sổ tra cứu:", "With the registry:"),
    "with-options": Msg("Với tùy chọn: ", "With options: "),
}
SARIF_BAD_EXAMPLE = Msg("Ví dụ sai", "Bad example")
SARIF_GOOD_EXAMPLE = Msg("Ví dụ đúng", "Good example")

# --- adoption: baselines --------------------------------------------------------------------

BASELINE_WRITTEN = Msg(
    "soat: đã ghi {n} lỗi trong {files} tệp vào {target}",
    "soat: wrote {n} finding(s) in {files} file(s) to {target}",
)
BASELINE_STALE_ONE = Msg(
    "soat: {n} mục trong {target} không còn xuất hiện; thu gọn tệp bằng: "
    "soat check --write-baseline {target}",
    "soat: {n} entry of {target} no longer occurs; shrink it with: "
    "soat check --write-baseline {target}",
)
BASELINE_STALE = Msg(
    "soat: {n} mục trong {target} không còn xuất hiện; thu gọn tệp bằng: "
    "soat check --write-baseline {target}",
    "soat: {n} entries of {target} no longer occur; shrink it with: "
    "soat check --write-baseline {target}",
)

# --- soat convert ---------------------------------------------------------------------------

NOT_WRITTEN = Msg("chưa ghi", "not written")

# --- the language server's code actions -----------------------------------------------------

DISABLE_FOR_LINE = Msg("Tắt {code} cho dòng này", "Disable {code} for this line")
FIX_ALL = Msg(
    "soat: sửa mọi lỗi sửa được an toàn trong tệp", "soat: fix all safe problems in this file"
)
