"""Lines added or changed since a git revision, for `soat check --diff-base REV`.

One `git diff --unified=0 -M REV` against the working tree gives, per file, the line ranges
of its hunks on the new side; rename detection (`-M`) makes a file that was only renamed
show no hunk, so it reports nothing. Files git does not track yet (new, not ignored) count as
added whole. Line numbers are git's: lines end at LF only.

Imported only when `--diff-base` is given; git runs as a subprocess.
"""

from __future__ import annotations

import bisect
import os
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field

from soat.lint.errors import UsageError

_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_TIMEOUT = 300  # seconds: a diff over thousands of articles on a slow CI disk
WHOLE_FILE = ((1, 1 << 62),)  # an untracked file: every line is new


@dataclass
class ChangedLines:
    """Per file (real absolute path): sorted, disjoint 1-based inclusive line ranges."""

    base: str
    ranges: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def has_changes(self, path: str) -> bool:
        return bool(self.ranges.get(_key(path)))

    def touches(self, path: str, rows: Iterable[tuple[int, int]]) -> bool:
        """Whether any of the inclusive row ranges overlaps a changed line of `path`."""
        ranges = self.ranges.get(_key(path))
        if not ranges:
            return False
        firsts = [r[0] for r in ranges]
        for first, last in rows:
            i = bisect.bisect_right(firsts, last) - 1  # the last range starting at or before
            if i >= 0 and ranges[i][1] >= first:
                return True
        return False


def _key(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def changed_lines(base: str, cwd: str | None = None) -> ChangedLines:
    """The lines of the working tree added or changed since revision `base`.

    Raises UsageError (exit 2) when git is missing, `cwd` is not in a repository, or the
    revision is not in it (in a shallow CI clone: not fetched).
    """
    cwd = cwd or os.getcwd()
    if not base or base.startswith("-"):
        raise UsageError(f'--diff-base: "{base}" is not a revision')
    shown = _git(["rev-parse", "--show-toplevel"], cwd, f"{cwd} is not inside a git repository")
    top = os.fsdecode(shown.rstrip(b"\n"))
    if _run(["rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], top).returncode != 0:
        raise UsageError(_missing_base(base, top))
    found = ChangedLines(base)
    diff = _git(
        [
            "-c",
            "core.quotePath=false",
            "diff",
            "--no-color",
            "--no-ext-diff",
            "--no-textconv",
            "--ignore-submodules",
            "--unified=0",
            "-M",
            "--src-prefix=a/",
            "--dst-prefix=b/",
            base,
            "--",
        ],
        top,
        f"git diff against {base} failed",
    )
    for name, ranges in parse_unified_diff(diff).items():
        if ranges:
            found.ranges[_key(os.path.join(top, name))] = ranges
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], top, "git ls-files")
    for raw in untracked.split(b"\0"):
        if raw:
            found.ranges[_key(os.path.join(top, os.fsdecode(raw)))] = list(WHOLE_FILE)
    return found


def parse_unified_diff(diff: bytes) -> dict[str, list[tuple[int, int]]]:
    """New-side line ranges per file (path as in `+++ b/…`) of `git diff --unified=0` output.

    A hunk `+c,d` covers lines c … c+d-1; `d` = 0 (only deletions) covers none. Files with
    no hunk (pure renames, mode changes, binary files) are absent.
    """
    out: dict[str, list[tuple[int, int]]] = {}
    current: str | None = None
    in_header = False
    for line in diff.split(b"\n"):
        if line.startswith(b"diff --git "):
            current, in_header = None, True
        elif in_header and line.startswith(b"+++ "):
            target = _unquote(line[4:])
            current = os.fsdecode(target[2:]) if target.startswith(b"b/") else None
        elif line.startswith(b"@@"):
            in_header = False
            m = _HUNK.match(line)
            if m is None or current is None:
                continue
            first = int(m.group(1))
            count = int(m.group(2)) if m.group(2) is not None else 1
            if count:
                out.setdefault(current, []).append((first, first + count - 1))
    return {name: _merged(ranges) for name, ranges in out.items()}


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    return merged


_ESCAPES = {
    ord("a"): 7,
    ord("b"): 8,
    ord("t"): 9,
    ord("n"): 10,
    ord("v"): 11,
    ord("f"): 12,
    ord("r"): 13,
    ord('"'): 34,
    ord("\\"): 92,
}


def _unquote(name: bytes) -> bytes:
    """A path as git prints it: C-quoted ("…" with \\ooo octal bytes) when unusual."""
    if name.endswith(b"\t"):  # git adds a tab after a name with a space (a real tab is quoted)
        name = name[:-1]
    if not (name.startswith(b'"') and name.endswith(b'"') and len(name) >= 2):
        return name
    body, out, i = name[1:-1], bytearray(), 0
    while i < len(body):
        ch = body[i]
        if ch == 0x5C and i + 1 < len(body):  # backslash
            nxt = body[i + 1]
            if 0x30 <= nxt <= 0x37:
                out.append(int(body[i + 1 : i + 4], 8))
                i += 4
                continue
            out.append(_ESCAPES.get(nxt, nxt))
            i += 2
            continue
        out.append(ch)
        i += 1
    return bytes(out)


def _run(args: list[str], cwd: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, timeout=_TIMEOUT, check=False
        )
    except FileNotFoundError:
        raise UsageError("--diff-base needs git, which is not installed") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"--diff-base: git {args[0]} took more than {_TIMEOUT} s") from None


def _git(args: list[str], cwd: str, failure: str) -> bytes:
    proc = _run(args, cwd)
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"--diff-base: {failure}" + (f" ({detail[-1]})" if detail else ""))
    return proc.stdout


def _missing_base(base: str, top: str) -> str:
    shallow = _run(["rev-parse", "--is-shallow-repository"], top).stdout.strip() == b"true"
    remote, _, branch = base.partition("/")
    fetch = (
        f"git fetch --depth=1 {remote} {branch}:refs/remotes/{remote}/{branch}"
        if branch
        else f"git fetch --depth=1 origin {base}"
    )
    return (
        f'--diff-base: revision "{base}" is not in this repository'
        + (" (a shallow clone)" if shallow else "")
        + f"; fetch it first, for example: {fetch}"
    )
