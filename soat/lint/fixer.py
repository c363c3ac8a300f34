"""Applies fixes: non-overlapping edits per pass, passes to a fixpoint, atomic writes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from soat.lint.diagnostic import Applicability, Diagnostic, Fix

MAX_PASSES = 10


def applicable_fix(diag: Diagnostic, unsafe: bool) -> Fix | None:
    fix = diag.fix
    if fix is None:
        return None
    if fix.applicability == Applicability.SAFE:
        return fix
    if fix.applicability == Applicability.UNSAFE and unsafe:
        return fix
    return None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two edit ranges conflict; two insertions at one point conflict too."""
    if a[0] == a[1] and b[0] == b[1]:
        return a[0] == b[0]
    if a[0] == a[1]:
        return b[0] < a[0] < b[1]
    if b[0] == b[1]:
        return a[0] < b[0] < a[1]
    return a[0] < b[1] and b[0] < a[1]


def select_fixes(fixes: Iterable[Fix]) -> list[Fix]:
    """Fixes whose edits overlap none of the fixes chosen before them (in source order)."""
    chosen: list[Fix] = []
    taken: list[tuple[int, int]] = []
    seen: set[tuple] = set()
    for fix in sorted(fixes, key=lambda f: min((e.start, e.end) for e in f.edits)):
        key = tuple((e.start, e.end, e.content) for e in fix.edits)
        if key in seen:
            continue  # two rules proposing the same edit: apply it once
        spans = [(e.start, e.end) for e in fix.edits]
        if any(_overlaps(s, t) for s in spans for t in taken):
            continue
        if any(_overlaps(s, t) for i, s in enumerate(spans) for t in spans[i + 1 :]):
            continue
        chosen.append(fix)
        taken.extend(spans)
        seen.add(key)
    return chosen


def apply_fixes(source: str, fixes: Iterable[Fix]) -> str:
    """Apply non-overlapping fixes; text outside their edits stays identical."""
    edits = sorted((e for f in fixes for e in f.edits), key=lambda e: (e.start, e.end))
    out, pos = [], 0
    for e in edits:
        out.append(source[pos : e.start])
        out.append(e.content)
        pos = e.end
    out.append(source[pos:])
    return "".join(out)


def fix_to_fixpoint(
    source: str,
    lint: Callable[[str], list[Diagnostic]],
    unsafe: bool = False,
) -> tuple[str, list[Diagnostic], int]:
    """Lint and fix until nothing changes (at most MAX_PASSES passes).

    Returns the fixed source, the findings that remain on it, and how many fixes applied.
    """
    applied = 0
    diagnostics = lint(source)
    for _ in range(MAX_PASSES):
        fixes = select_fixes(f for d in diagnostics if (f := applicable_fix(d, unsafe)))
        if not fixes:
            break
        new_source = apply_fixes(source, fixes)
        if new_source == source:
            break
        applied += len(fixes)
        source = new_source
        diagnostics = lint(source)
    return source, diagnostics, applied


def write_atomically(path: str, data: bytes) -> None:
    """Replace `path` with `data` through a temporary file and a rename.

    The file keeps its permissions (and owner, where allowed); a symbolic link stays a link
    and its target is written.
    """
    import tempfile  # only fix mode writes

    path = os.path.realpath(path)
    directory = os.path.dirname(path)
    st = os.stat(path)
    fd, tmp = tempfile.mkstemp(prefix=".soat-", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, st.st_mode & 0o7777)
        if hasattr(os, "chown"):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass  # not ours to give away: the file keeps the writer's owner
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
