"""Human-readable output, ruff-like: location, code, message, the line with a caret, the fix."""

from __future__ import annotations

from soat.lint import ui
from soat.lint.diagnostic import Applicability
from soat.lint.output import Located, OutputContext, located, message

_WINDOW = 100  # characters of a long line shown around the finding
_COLORS = {"error": "31", "warning": "33", "info": "36"}


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


def _excerpt(item: Located) -> tuple[str, int, int]:
    """The finding's line (cut around the finding when long) and the caret's start/width."""
    start = item.line_index.line_start(item.row)
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
    lang = item.lang
    if d.fix is not None:
        label = (ui.FIX if fixable else ui.UNSAFE_FIX).get(lang)
        out.append(f" {gutter} = {label}: {message(d.fix, lang)}")
    for s in d.suggestions:
        out.append(f" {gutter} = {ui.SUGGESTION.get(lang)}: {message(s, lang)}")
    for r in d.related:
        rr, rc = item.line_index.rowcol(r.start)
        out.append(f" {gutter} = {ui.SEE.get(lang)} {item.path}:{rr}:{rc}: {message(r, lang)}")
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
    parts = []
    if fixed:
        parts.append(ui.FIXED.format(n=fixed))
    if not found:
        parts.append(ui.NO_PROBLEMS)
    else:
        parts.append(ui.FOUND.format(n=found, files=sum(1 for r in results if r.diagnostics)))
        if fixable:
            parts.append(ui.FIXABLE.format(n=fixable))
        if unsafe:
            parts.append(ui.UNSAFE_FIXABLE.format(n=unsafe))
    return " ".join(p.get(context.lang) for p in parts)
