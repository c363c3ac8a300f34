"""Human-readable output, ruff-like: location, code, message, the line with a caret, the fix."""

from __future__ import annotations

from soat.lint.diagnostic import Applicability
from soat.lint.output import Located, OutputContext, located, message

_WINDOW = 100  # characters of a long line shown around the finding
_COLORS = {"error": "31", "warning": "33", "info": "36"}


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


def _excerpt(item: Located) -> tuple[str, int, int]:
    """The finding's line (cut around the finding when long) and the caret's start/width."""
    start = item.index.line_start(item.row)
    line = item.source[start:].split("\n", 1)[0].rstrip("\r")
    col = item.column - 1
    width = (item.end_column - 1 - col) if item.end_row == item.row else len(line) - col
    width = max(1, width)
    if len(line) > _WINDOW:
        lo = max(0, min(col - _WINDOW // 3, len(line) - _WINDOW))
        hi = lo + _WINDOW
        prefix = "…" if lo > 0 else ""
        suffix = "…" if hi < len(line) else ""
        line = prefix + line[lo:hi] + suffix
        col = col - lo + len(prefix)
        width = min(width, max(1, len(line) - col))
    # Tabs and other invisible characters would misalign the caret: show them as spaces.
    line = "".join(" " if ch in "\t\u00a0\u202f\u2009\u3000" else ch for ch in line)
    return line, col, width


def render_one(item: Located, context: OutputContext) -> str:
    d = item.diag
    on = context.color
    fixable = d.fix is not None and d.fix.applicability == Applicability.SAFE
    marker = " [*]" if fixable else ""
    head = (
        f"{_paint(item.path, '1', on)}:{item.row}:{item.column}: "
        f"{_paint(d.code, '1;' + _COLORS[d.level.label], on)}{marker} {message(d, item.lang)}"
    )
    if d.code == "IO001":
        return head
    line, col, width = _excerpt(item)
    gutter = " " * len(str(item.row))
    out = [
        head,
        f" {gutter} |",
        f" {item.row} | {line}",
        f" {gutter} | {' ' * col}{_paint('^' * width, _COLORS[d.level.label], on)}",
    ]
    if d.fix is not None:
        label = "fix" if item.lang == "en" else "sửa"
        note = "" if fixable else (" (unsafe)" if item.lang == "en" else " (cần xem lại)")
        out.append(f" {gutter} = {label}{note}: {message(d.fix, item.lang)}")
    for s in d.suggestions:
        label = "suggestion" if item.lang == "en" else "gợi ý"
        out.append(f" {gutter} = {label}: {message(s, item.lang)}")
    for r in d.related:
        rr, rc = item.index.rowcol(r.start)
        label = "see" if item.lang == "en" else "xem"
        out.append(f" {gutter} = {label} {item.path}:{rr}:{rc}: {message(r, item.lang)}")
    return "\n".join(out)


def render(results, context: OutputContext) -> str:
    return "".join(render_one(item, context) + "\n\n" for item in located(results, context.lang))


def summary(results, context: OutputContext) -> str:
    found = sum(len(r.diagnostics) for r in results)
    fixable = sum(
        1
        for r in results
        for d in r.diagnostics
        if d.fix is not None and d.fix.applicability == Applicability.SAFE
    )
    unsafe = sum(
        1
        for r in results
        for d in r.diagnostics
        if d.fix is not None and d.fix.applicability == Applicability.UNSAFE
    )
    fixed = sum(r.fixes_applied for r in results)
    en = context.lang == "en"
    parts = []
    if fixed:
        parts.append(f"Fixed {fixed} problem(s)." if en else f"Đã sửa {fixed} lỗi.")
    if not found:
        parts.append("All checks passed!" if en else "Không phát hiện lỗi nào.")
        return " ".join(parts)
    if en:
        parts.append(
            f"Found {found} problem(s) in {sum(1 for r in results if r.diagnostics)} file(s)."
        )
        if fixable:
            parts.append(f"[*] {fixable} fixable with --fix.")
        if unsafe:
            parts.append(f"{unsafe} more fixable with --fix --unsafe-fixes.")
    else:
        parts.append(f"Tìm thấy {found} lỗi trong {sum(1 for r in results if r.diagnostics)} tệp.")
        if fixable:
            parts.append(f"[*] {fixable} lỗi sửa được bằng --fix.")
        if unsafe:
            parts.append(f"Thêm {unsafe} lỗi sửa được bằng --fix --unsafe-fixes.")
    return " ".join(parts)
