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
    report = Report(context, out)
    for result in sorted(results, key=lambda r: r.path):
        report.add(result)
    report.close()


class Report:
    """The JSON report written as results come: `add` each file's result in the order of
    their paths (the order `write` sorts them in), then `close`. A run that checks files in
    worker processes writes the findings of the first files while the others are checked."""

    def __init__(self, context: OutputContext, out: TextIO) -> None:
        self.context = context
        self.out = out
        self.first = True

    def add(self, result) -> None:
        if result.diagnostics:
            self.add_text(findings_text(result, self.context.lang))

    def add_text(self, findings: str) -> None:
        """Add a file's findings written by `findings_text`."""
        if findings:
            self.out.write(("[\n  " if self.first else ",\n  ") + findings)
            self.first = False

    def close(self) -> None:
        self.out.write("[]\n" if self.first else "\n]\n")


def findings_text(result, lang: str) -> str:
    """The text of a file's findings in the report, without the separator before the first
    ("" without findings); `lang` for a result that carries no language of its own."""
    return ",\n  ".join([finding_text(item) for item in located([result], lang)])


# A finding's text, written directly: the same text as `dumps(finding(item, context), "\n  ")`
# (a test compares them), without building the dictionaries. Each helper takes `nl`, the line
# break and indentation of the value's own level, as `dumps` does; keys are fixed ASCII names.
_N1, _N2, _N3 = "\n    ", "\n      ", "\n        "


def _object(nl: str, fields: list[tuple[str, str]]) -> str:
    inner = nl + "  "
    return "{" + inner + ("," + inner).join([f'"{k}": {v}' for k, v in fields]) + nl + "}"


def _array(nl: str, items: list[str]) -> str:
    if not items:
        return "[]"
    inner = nl + "  "
    return "[" + inner + ("," + inner).join(items) + nl + "]"


def _point(nl: str, row: int, column: int) -> str:
    inner = nl + "  "
    return f'{{{inner}"row": {row},{inner}"column": {column}{nl}}}'


def _place(nl: str, index, start: int, end: int) -> list[tuple[str, str]]:
    """The `location` and `end_location` fields of a source range."""
    row, column = index.rowcol(start)
    end_row, end_column = index.rowcol(end)
    return [
        ("location", _point(nl, row, column)),
        ("end_location", _point(nl, end_row, end_column)),
    ]


def _edits_text(nl: str, item: Located, fix: Fix) -> str:
    inner, field = nl + "  ", nl + "    "
    parts = [
        _object(
            inner,
            [
                ("content", _encode_string(e.content)),
                *_place(field, item.line_index, e.start, e.end),
            ],
        )
        for e in fix.edits
    ]
    return _array(nl, parts)


# A finding's fields in order, one level inside the report's list (`finding`'s keys).
_FINDING = (
    "{{\n"
    '    "code": {},\n'
    '    "name": {},\n'
    '    "message": {},\n'
    '    "severity": {},\n'
    '    "filename": {},\n'
    '    "location": {{\n      "row": {},\n      "column": {}\n    }},\n'
    '    "end_location": {{\n      "row": {},\n      "column": {}\n    }},\n'
    '    "fix": {},\n'
    '    "suggestions": {},\n'
    '    "related": {},\n'
    '    "url": {}\n'
    "  }}"
)


def finding_text(item: Located) -> str:
    """`dumps(finding(item, context), "\n  ")`: a finding as an element of the report's list."""
    d = item.diag
    lang = item.lang
    if d.fix is None:
        fix = "null"
    else:
        fix = _object(
            _N1,
            [
                ("applicability", _encode_string(d.fix.applicability.value)),
                ("message", _encode_string(message(d.fix, lang))),
                ("edits", _edits_text(_N2, item, d.fix)),
            ],
        )
    suggestions = [
        _object(
            _N2,
            [
                ("message", _encode_string(message(s, lang))),
                ("edits", _edits_text(_N3, item, s)),
            ],
        )
        for s in d.suggestions
    ]
    related = [
        _object(
            _N2,
            [
                ("message", _encode_string(message(r, lang))),
                *_place(_N3, item.line_index, r.start, r.end),
            ],
        )
        for r in d.related
    ]
    url = item.url
    return _FINDING.format(
        _encode_string(d.code),
        _encode_string(d.name),
        _encode_string(message(d, lang)),
        _encode_string(d.level.label),
        _encode_string(item.path),
        item.row,
        item.column,
        item.end_row,
        item.end_column,
        fix,
        _array(_N1, suggestions) if suggestions else "[]",
        _array(_N1, related) if related else "[]",
        "null" if url is None else _encode_string(url),
    )


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
