"""Applies fixes: non-overlapping edits per pass, passes to a fixpoint, atomic writes."""

from __future__ import annotations

import errno
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


class NoFixpoint(Exception):
    """The fixes still changed the text after MAX_PASSES passes: they disagree or grow."""

    def __init__(self, passes: int, codes: tuple[str, ...]) -> None:
        self.passes = passes
        self.codes = codes
        super().__init__(f"fixes did not settle after {passes} passes ({', '.join(codes)})")


def _shift(pos: int, edits: list[tuple[int, int, int]]) -> int:
    """Where `pos` lands after `edits` (start, end, new length), sorted by start."""
    delta = 0
    for start, end, length in edits:
        if end <= pos:
            delta += length - (end - start)
        elif start < pos:  # inside a replaced range: its end in the new text
            return start + delta + length
        else:
            break
    return pos + delta


def fix_to_fixpoint(
    source: str,
    lint: Callable[[str], list[Diagnostic]],
    unsafe: bool = False,
) -> tuple[str, list[Diagnostic], int]:
    """Lint and fix until nothing changes (at most MAX_PASSES passes).

    Returns the fixed source, the findings that remain on it, and how many fixes applied.
    A rule never applies the same edit again to the text its own edit produced (a fix that
    does not change what the rule sees would otherwise grow the text on every pass). Raises
    NoFixpoint when the last pass still changed the text: the caller keeps the original.
    """
    applied = 0
    diagnostics = lint(source)
    # (code, content, start, end): text a rule's edit wrote, in the current source's offsets.
    produced: list[tuple[str, str, int, int]] = []
    for passes in range(MAX_PASSES + 1):
        candidates = [
            (d.code, f)
            for d in diagnostics
            if (f := applicable_fix(d, unsafe)) and not _repeats(d.code, f, produced)
        ]
        fixes = select_fixes(f for _, f in candidates)
        new_source = apply_fixes(source, fixes)
        if new_source == source:
            return source, diagnostics, applied
        if passes == MAX_PASSES:
            raise NoFixpoint(MAX_PASSES, tuple(sorted({code for code, _ in candidates})))
        applied += len(fixes)
        produced = _produced_after(produced, candidates, fixes)
        source = new_source
        diagnostics = lint(source)
    raise AssertionError("unreachable")  # pragma: no cover


def _repeats(code: str, fix: Fix | None, produced: list[tuple[str, str, int, int]]) -> bool:
    """Whether `fix` would write again what the same rule wrote at that place before.

    Edits that shorten the text never count (deletions, " \u00a0 " → " "): they cannot grow
    it forever.
    """
    if fix is None:
        return False
    return any(
        len(e.content) >= e.end - e.start
        and c == code
        and content == e.content
        and start <= e.end
        and e.start <= end
        for e in fix.edits
        for c, content, start, end in produced
    )


def _produced_after(
    produced: list[tuple[str, str, int, int]],
    candidates: list[tuple[str, Fix]],
    fixes: list[Fix],
) -> list[tuple[str, str, int, int]]:
    """The `produced` ranges moved to the fixed text, plus the text these fixes wrote."""
    code_of = {id(f): code for code, f in candidates}
    edits = sorted(
        ((e.start, e.end, e.content, code_of.get(id(f), "")) for f in fixes for e in f.edits),
        key=lambda t: t[:2],
    )
    shifts = [(s, e, len(c)) for s, e, c, _ in edits]
    out = [(c, text, _shift(s, shifts), _shift(e, shifts)) for c, text, s, e in produced]
    delta = 0
    for start, end, content, code in edits:  # chosen edits never overlap
        out.append((code, content, start + delta, start + delta + len(content)))
        delta += len(content) - (end - start)
    return out


def write_atomically(path: str, data: bytes, create: bool = False) -> None:
    """Replace `path` with `data` through a temporary file and a rename.

    The file keeps its permissions (and owner, where allowed); a symbolic link stays a link
    and its target is written. With `create`, a missing file is made, with the permissions
    a plain open() would give it.
    """
    import secrets  # only fix mode writes
    import tempfile

    path = os.path.realpath(path)
    directory = os.path.dirname(path)
    st = None if create and not os.path.exists(path) else os.stat(path)
    # The rename below would replace a read-only file too (it needs only the folder's
    # permission): refuse, as an editor would. A file with no write bit at all counts as
    # read-only even for root, whom os.access always lets write.
    if st is not None and (not os.access(path, os.W_OK) or not st.st_mode & 0o222):
        raise PermissionError(errno.EACCES, "the file is read-only", path)
    if st is None:  # a new file: the kernel applies the umask to 0o666, as open() would
        tmp = os.path.join(directory, f".soat-{secrets.token_hex(8)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    else:
        fd, tmp = tempfile.mkstemp(prefix=".soat-", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if st is not None:
            os.chmod(tmp, st.st_mode & 0o7777)
        if st is not None and hasattr(os, "chown"):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass  # not ours to give away: the file keeps the writer's owner
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
