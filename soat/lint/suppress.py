"""Inline suppression comments (docs/architecture.md §6), the same in every format.

    <!-- soat-disable CODE … -->  …  <!-- soat-enable CODE … -->   a region
    <!-- soat-disable-next-line CODE … -->                         on its own line
    text <!-- soat-disable-line CODE … -->                         trailing
    <!-- soat-disable-file CODE … -->                              the whole file

Codes (TYP001), family or code prefixes (TYP, TYP00) in any case, rule names (whitespace)
and ALL, separated by spaces and/or commas; none means every rule. The same selectors as in
the configuration and on the command line (soat.lint.rule.selector_matches). A region starts on the line of its
`soat-disable` and ends on the line of the `soat-enable` that re-enables the rule; an enable
that names rules re-enables only those (markdownlint's behaviour), and a region left open
runs to the end of the file.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import re
from collections.abc import Callable
from typing import NamedTuple

from soat.lint.rule import selector_matches

# The selectors are stripped in code: "([^>]*?)\s*-->" backtracked quadratically over a
# long run of spaces, and a selector list never holds "<", so no match scans past one.
DIRECTIVE_RE = re.compile(
    r"<!--\s*soat-(disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?![\w-])([^<>]*?)-->"
)


class Directive(NamedTuple):
    kind: str
    selectors: tuple[str, ...]  # empty: all rules
    start: int
    end: int


def find_directives(source: str) -> list[Directive]:
    out = []
    for m in DIRECTIVE_RE.finditer(source):
        selectors = tuple(s for s in re.split(r"[\s,]+", m.group(2).strip()) if s)
        out.append(Directive(m.group(1), selectors, m.start(), m.end()))
    return out


def selects(selectors: tuple[str, ...], code: str, name: str) -> bool:
    """Whether a directive's selectors name a rule (no selector names every rule); the same
    selectors as in the configuration (soat.lint.rule.selector_matches)."""
    return not selectors or any(selector_matches(s, code, name) for s in selectors)


class Suppressions:
    """Answers whether a finding starting on a source row is suppressed for a rule."""

    def __init__(self, source: str, line_of: Callable[[int], int]) -> None:
        self.file_wide: list[tuple[str, ...]] = []
        self.lines: dict[int, list[tuple[str, ...]]] = {}
        # Region directives in source order: (row, disables, selectors).
        self.switches: list[tuple[int, bool, tuple[str, ...]]] = []
        self._regions: dict[tuple[str, str], list[tuple[int, float]]] = {}
        for d in find_directives(source):
            row = line_of(d.start)
            if d.kind == "disable-file":
                self.file_wide.append(d.selectors)
            elif d.kind == "disable-line":
                self.lines.setdefault(row, []).append(d.selectors)
            elif d.kind == "disable-next-line":
                self.lines.setdefault(line_of(d.end) + 1, []).append(d.selectors)
            else:
                self.switches.append((row, d.kind == "disable", d.selectors))

    def regions(self, code: str, name: str) -> list[tuple[int, float]]:
        """Row ranges [first, last] in which the rule is disabled by region directives."""
        key = (code, name)
        if key not in self._regions:
            out: list[tuple[int, float]] = []
            since = None
            for row, disables, selectors in self.switches:
                if not selects(selectors, code, name):
                    continue
                if disables and since is None:
                    since = row
                elif not disables and since is not None:
                    out.append((since, row))
                    since = None
            if since is not None:
                out.append((since, float("inf")))
            self._regions[key] = out
        return self._regions[key]

    def is_suppressed(self, code: str, name: str, row: int) -> bool:
        if any(selects(s, code, name) for s in self.file_wide):
            return True
        if any(selects(s, code, name) for s in self.lines.get(row, ())):
            return True
        return any(a <= row <= b for a, b in self.regions(code, name))
