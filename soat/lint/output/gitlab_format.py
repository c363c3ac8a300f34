"""GitLab Code Quality report: a JSON array of Code Climate issues, the subset GitLab reads.

Each finding has `description`, `check_name`, `fingerprint`, `severity` and
`location.path` / `location.lines.begin`. GitLab compares reports of the base and the merge
request by fingerprint, so the fingerprint is built from what a finding *is* (file, rule and
the flagged text), never from where it is: moving an article's lines keeps it. Findings that
share all three get an occurrence number, since GitLab drops repeated fingerprints.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from soat.lint.output import Located, OutputContext, located, message

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def fingerprint(item: Located, occurrence: int) -> str:
    flagged = item.source[item.diag.start : item.diag.end]
    key = "\x00".join((item.path, item.diag.code, flagged, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


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
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for item in located(results, context.lang):
        d = item.diag
        identity = (item.path, d.code, item.source[d.start : d.end])
        occurrence = seen[identity]
        seen[identity] += 1
        issues.append(
            {
                "type": "issue",
                "description": f"{d.code} {message(d, item.lang)}",
                "check_name": d.code,
                "fingerprint": fingerprint(item, occurrence),
                "severity": SEVERITY[d.level.label],
                "location": {
                    "path": report_path(item.path),
                    "lines": {"begin": item.row, "end": last_line(item)},
                },
                "categories": ["Style"],
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
