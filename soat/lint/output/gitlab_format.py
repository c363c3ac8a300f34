"""GitLab Code Quality report: a JSON array of Code Climate issues, the subset GitLab reads.

Each finding has `description`, `check_name`, `fingerprint`, `severity` and
`location.path` / `location.lines.begin`. GitLab compares reports of the base and the merge
request by fingerprint, so the fingerprint is built from what a finding *is*, never from
where it is: moving an article's lines keeps it. It is the fingerprint `soat check
--baseline` matches (soat/lint/fingerprint.py: file, rule, flagged text, a hash of the
block's text and an occurrence number); the path here is the one reported (relative to where
soat runs), the baseline's is relative to the baseline file.
"""

from __future__ import annotations

import json

from soat.lint.fingerprint import fingerprints
from soat.lint.output import Located, OutputContext, located, message

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def report_path(path: str) -> str:
    """GitLab matches paths relative to the repository root, with forward slashes."""
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def last_line(item: Located) -> int:
    """The last line the finding covers (a span ending at a line start stops before it)."""
    if item.end_row > item.row and item.end_column == 1:
        return item.end_row - 1
    return item.end_row


def render(results, context: OutputContext) -> str:
    by_finding = {
        id(d): fp
        for r in results
        for d, fp in zip(
            r.diagnostics,
            fingerprints(report_path(r.path), r.final_source, r.diagnostics),
            strict=True,
        )
    }
    issues = []
    for item in located(results, context.lang):
        d = item.diag
        issues.append(
            {
                "type": "issue",
                "description": f"{d.code} {message(d, item.lang)}",
                "check_name": d.code,
                "fingerprint": by_finding[id(d)],
                "severity": SEVERITY[d.level.label],
                "location": {
                    "path": report_path(item.path),
                    "lines": {"begin": item.row, "end": last_line(item)},
                },
                "categories": ["Style"],
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
