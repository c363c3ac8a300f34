"""Inline suppression comments (DESIGN.md §5), the same in every format.

    <!-- soat-disable CODE … -->  …  <!-- soat-enable -->   a region
    <!-- soat-disable-next-line CODE … -->                   on its own line
    text <!-- soat-disable-line CODE … -->                   trailing
    <!-- soat-disable-file -->                                the whole file

Codes, family prefixes and rule names, separated by spaces and/or commas; none means all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DIRECTIVE_RE = re.compile(
    r"<!--\s*soat-(disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?![\w-])([^>]*?)\s*-->"
)


@dataclass(frozen=True)
class Directive:
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


def _selected(selectors: tuple[str, ...], code: str, name: str) -> bool:
    if not selectors:
        return True
    return any(s == name or (s.upper() == s and code.startswith(s)) for s in selectors)


class Suppressions:
    """Answers whether a finding at a source row is suppressed for a rule."""

    def __init__(self, source: str, line_of) -> None:
        self.file_wide: list[tuple[str, ...]] = []
        self.lines: dict[int, list[tuple[str, ...]]] = {}
        self.regions: list[tuple[int, int, tuple[str, ...]]] = []  # rows [start, end]
        open_regions: list[tuple[int, tuple[str, ...]]] = []
        for d in find_directives(source):
            row = line_of(d.start)
            if d.kind == "disable-file":
                self.file_wide.append(d.selectors)
            elif d.kind == "disable-line":
                self.lines.setdefault(row, []).append(d.selectors)
            elif d.kind == "disable-next-line":
                self.lines.setdefault(line_of(d.end) + 1, []).append(d.selectors)
            elif d.kind == "disable":
                open_regions.append((row, d.selectors))
            else:  # enable closes every open region (or those it names)
                keep = []
                for start, sel in open_regions:
                    if d.selectors and sel and not set(sel) & set(d.selectors):
                        keep.append((start, sel))
                    else:
                        self.regions.append((start, row, sel))
                open_regions = keep
        for start, sel in open_regions:
            self.regions.append((start, 10**12, sel))

    def is_suppressed(self, code: str, name: str, row: int) -> bool:
        if any(_selected(s, code, name) for s in self.file_wide):
            return True
        if any(_selected(s, code, name) for s in self.lines.get(row, ())):
            return True
        return any(a <= row <= b and _selected(s, code, name) for a, b, s in self.regions)
