"""Path patterns of the configuration (docs/architecture.md §8.2): `include`, `exclude` and
`per-file-ignores` matched against a path relative to the configuration's folder, and the
`registry` globs expanded into files."""

from __future__ import annotations

import fnmatch
import functools
import glob
import os
import re
from collections.abc import Sequence


def matches_any(rel: str, patterns: Sequence[str]) -> bool:
    """Whether a relative path (forward slashes) matches a pattern: `fnmatch` (`*` also
    crosses `/`), a leading `**/` may match nothing, `dir` or `dir/**` is all below `dir`."""
    if not patterns:
        return False
    regex, bases = _compiled(tuple(patterns))
    if regex.match(os.path.normcase(rel)):
        return True
    # "archive" or "archive/**" also matches everything below archive/
    return any(rel == base or rel.startswith(base + "/") for base in bases)


@functools.lru_cache(maxsize=256)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One regular expression for the `fnmatch` forms of `patterns` (what fnmatch.fnmatch
    would try one by one), and the folders the patterns name."""
    forms, bases = [], []
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        forms += [pattern, pattern + "/*"]
        if pattern.startswith("**/"):
            forms.append(pattern[3:])
        bases.append(pattern[:-3] if pattern.endswith("/**") else pattern)
    regex = "|".join(f"(?:{fnmatch.translate(os.path.normcase(f))})" for f in forms)
    return re.compile(regex), tuple(bases)


def glob_files(root: str, pattern: str) -> list[str]:
    """Files under `root` matching `pattern` ("**" spans folders), sorted.

    Unlike glob.glob, the walk never follows a symbolic link to a folder, so a link loop
    cannot make it run forever; linked files are found.
    """
    pattern = pattern.replace(os.sep, "/").lstrip("/")
    static = []
    for part in pattern.split("/"):
        if glob.has_magic(part):
            break
        static.append(part)
    base = os.path.join(root, *static) if static else root
    regex = re.compile(glob_regex(pattern))
    found = []
    for dirpath, dirnames, filenames in os.walk(base):  # followlinks=False
        dirnames.sort()
        for name in filenames:
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, root).replace(os.sep, "/")
            if regex.fullmatch(rel) and os.path.isfile(full):
                found.append(full)
    return sorted(found)


def glob_regex(pattern: str) -> str:
    """A regular expression for a glob: "**/" any folders, "*" and "?" within one name."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:[^/]*/)*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[":
            close = pattern.find("]", i + 2)
            if close < 0:
                out.append(re.escape("["))
                i += 1
            else:
                body = pattern[i + 1 : close].replace("\\", "\\\\")
                out.append("[^" + body[1:] + "]" if body.startswith("!") else "[" + body + "]")
                i = close + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)
