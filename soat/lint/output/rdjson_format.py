"""reviewdog's Diagnostic Format (rdjson): a DiagnosticResult with one Diagnostic per finding.

Positions follow reviewdog.proto: lines and columns start at 1, an end position is
exclusive, and a column counts UTF-8 *bytes* of the line, not characters ("Đ" is two bytes,
"ề" three), so soat's code-point columns are converted here. A byte-order mark is not part of
line 1 (as everywhere in soat).

rdjson has no applicability: a suggestion is something reviewdog may post as a suggested
change, so only a finding's safe fix goes into `suggestions`, one suggestion per edit.
Unsafe fixes and alternatives stay out. With a `rule-docs-url`, `code.url` links the rule's
documentation page.
"""

from __future__ import annotations

import json

from soat.lint.diagnostic import Applicability
from soat.lint.output import Located, OutputContext, located, message

SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
SOURCE = {"name": "soat"}


def position(item: Located, offset: int) -> dict:
    """1-based line and UTF-8 byte column (1-based) of a code-point offset."""
    row, _ = item.line_index.rowcol(offset)
    line_start = item.line_index.line_start(row)
    offset = max(line_start, min(offset, len(item.source)))
    column = len(item.source[line_start:offset].encode("utf-8", "surrogatepass")) + 1
    return {"line": row, "column": column}


def byte_range(item: Located, start: int, end: int) -> dict:
    return {"start": position(item, start), "end": position(item, end)}


def diagnostic(item: Located, context: OutputContext) -> dict:
    d = item.diag
    suggestions = []
    if d.fix is not None and d.fix.applicability == Applicability.SAFE:
        suggestions = [
            {"range": byte_range(item, e.start, e.end), "text": e.content}
            for e in sorted(d.fix.edits, key=lambda e: (e.start, e.end))
        ]
    return {
        "message": message(d, item.lang),
        "location": {"path": item.path, "range": byte_range(item, d.start, d.end)},
        "severity": SEVERITY[d.level.label],
        "source": SOURCE,
        "code": {"value": d.code, **({"url": item.url} if item.url else {})},
        "suggestions": suggestions,
    }


def render(results, context: OutputContext) -> str:
    result = {
        "source": SOURCE,
        "diagnostics": [diagnostic(item, context) for item in located(results, context.lang)],
    }
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"
