"""The two plain-text reports of a run besides the findings: the unified diff of `--diff` and
the table of `--statistics`."""

from __future__ import annotations

import re

from soat.lint import ui
from soat.lint.diagnostic import Applicability
from soat.lint.runner import FileResult


def unified_diff(results: list[FileResult]) -> str:
    import difflib

    chunks = []
    for r in results:
        if r.fixed_source is None or r.source is None:
            continue
        for line in difflib.unified_diff(
            _lines(r.source),
            _lines(r.fixed_source),
            fromfile=f"a/{r.path.lstrip('/')}",
            tofile=f"b/{r.path.lstrip('/')}",
        ):
            if line.endswith("\r"):  # a CR-only line: end it for display, as diff(1) cannot
                line += "\n"
            chunks.append(
                line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
            )
    return "".join(chunks)


def _lines(text: str) -> list[str]:
    """Lines with their endings; only CR, LF and CRLF end a line (not U+2028 or form feed)."""
    return [m.group() for m in _LINE_RE.finditer(text) if m.group()]


_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def statistics_table(results: list[FileResult], lang: str) -> str:
    counts: dict[tuple[str, str], list[int]] = {}
    for r in results:
        for d in r.diagnostics:
            row = counts.setdefault((d.code, d.name), [0, 0])
            row[0] += 1
            if d.fix is not None and d.fix.applicability is Applicability.SAFE:
                row[1] += 1
    lines = []
    for (code, name), (n, fixable) in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0])):
        lines.append(
            f"{n:>6}  {code:<7} {'[*]' if fixable else '   '} {name}"
            + (" " + ui.STATISTICS_FIXABLE.format(n=fixable).get(lang) if fixable else "")
        )
    return "\n".join(lines) + ("\n" if lines else "")
