"""JSON output (docs/architecture.md §11.1): stable, every key always present.

`url` is the rule's documentation page under the file's `rule-docs-url`; null without one."""

from __future__ import annotations

import io
import json
from typing import TextIO

from soat.lint.diagnostic import Fix
from soat.lint.output import Located, OutputContext, located, message


def _loc(item: Located, start: int, end: int) -> tuple[dict, dict]:
    s = item.span(start, end)
    return {"row": s["row"], "column": s["column"]}, {
        "row": s["end_row"],
        "column": s["end_column"],
    }


def _edits(item: Located, fix: Fix) -> list[dict]:
    out = []
    for e in fix.edits:
        loc, end = _loc(item, e.start, e.end)
        out.append({"content": e.content, "location": loc, "end_location": end})
    return out


def finding(item: Located, context: OutputContext) -> dict:
    d = item.diag
    lang = item.lang
    fix = None
    if d.fix is not None:
        fix = {
            "applicability": d.fix.applicability.value,
            "message": message(d.fix, lang),
            "edits": _edits(item, d.fix),
        }
    related = []
    for r in d.related:
        loc, end = _loc(item, r.start, r.end)
        related.append({"message": message(r, lang), "location": loc, "end_location": end})
    return {
        "code": d.code,
        "name": d.name,
        "message": message(d, lang),
        "severity": d.level.label,
        "filename": item.path,
        "location": {"row": item.row, "column": item.column},
        "end_location": {"row": item.end_row, "column": item.end_column},
        "fix": fix,
        "suggestions": [
            {"message": message(s, lang), "edits": _edits(item, s)} for s in d.suggestions
        ],
        "related": related,
        "url": item.url,
    }


def render(results, context: OutputContext) -> str:
    out = io.StringIO()
    write(results, context, out)
    return out.getvalue()


def write(results, context: OutputContext, out: TextIO) -> None:
    """The same text as `json.dumps(findings, indent=2)`, written one finding at a time and
    one file at a time, so that a whole archive's report never sits in memory at once."""
    first = True
    for result in sorted(results, key=lambda r: r.path):
        if not result.diagnostics:
            continue
        for item in located([result], context.lang):
            text = dumps(finding(item, context), "\n  ")
            out.write(("[\n  " if first else ",\n  ") + text)
            first = False
    out.write("[]\n" if first else "\n]\n")


# `json.dumps(..., indent=2)` runs the pure-Python encoder (the C one has no indentation);
# this writes the same text for the values of a finding (dicts, lists, strings, integers,
# booleans, None) with the C string encoder, in a fraction of the time.
_encode_string = json.encoder.encode_basestring


def dumps(value, newline: str = "\n") -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`, each line break followed by
    `newline`'s indentation (a finding is indented once more inside the report's list)."""
    kind = type(value)
    if kind is str:
        return _encode_string(value)
    if kind is int:
        return int.__repr__(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = newline + "  "
        parts = []
        for key, item in value.items():
            if type(key) is not str:
                return _standard(value, newline)
            parts.append(_encode_string(key) + ": " + dumps(item, inner))
        return "{" + inner + ("," + inner).join(parts) + newline + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = newline + "  "
        return "[" + inner + ("," + inner).join([dumps(v, inner) for v in value]) + newline + "]"
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):  # an enumeration's value
        return _encode_string(value)
    if isinstance(value, int):
        return int.__repr__(value)
    return _standard(value, newline)


def _standard(value, newline: str) -> str:
    """Anything else (a float, a dict with other keys): the standard encoder."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", newline)
