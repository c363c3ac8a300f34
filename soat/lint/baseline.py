"""The baseline file: findings a site has accepted for now, so that CI reports only new ones.

    {
      "soat-baseline": 1,
      "findings": [
        {"path": "tin/2019/bai.md", "code": "TYP001", "text": "  ", "fingerprint": "9c0e…"},
        …
      ]
    }

One finding per line, sorted by path, code, text and fingerprint, so that a change to the
file reads well in a diff and the same findings always give the same bytes. Paths are
relative to the baseline file's folder with forward slashes; nothing depends on the machine,
the time or the order files were checked in. Matching is by fingerprint only
(soat/lint/fingerprint.py, shared with the GitLab report); `text` is the flagged text,
shortened, for the reviewer.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from soat.lint.errors import UsageError
from soat.lint.fingerprint import fingerprints
from soat.lint.rule import INTERNAL_ERROR
from soat.lint.runner import FileResult

HEADER = "soat-baseline"
VERSION = 1
TEXT_LIMIT = 60  # characters of flagged text kept for the reviewer


@dataclass(frozen=True, order=True)
class Entry:
    path: str
    code: str
    text: str
    fingerprint: str


def relative_path(path: str, folder: str) -> str:
    """`path` relative to `folder`, with forward slashes (absolute where no relative path
    exists, as across Windows drives)."""
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(folder))
    except ValueError:
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def shorten(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1] + "…"


def entries_of(result: FileResult, folder: str) -> list[tuple[Entry, int]]:
    """(entry, index in result.diagnostics) of every finding but INT001 (a soat bug is
    reported, never recorded)."""
    path = relative_path(result.path, folder)
    source = result.final_source
    prints = fingerprints(path, source, result.diagnostics)
    return [
        (Entry(path, d.code, shorten(source[d.start : d.end]), fp), i)
        for i, (d, fp) in enumerate(zip(result.diagnostics, prints, strict=True))
        if d.code != INTERNAL_ERROR.code
    ]


# --- the file ---------------------------------------------------------------------------


def dumps(entries: Iterable[Entry]) -> str:
    lines = [
        json.dumps(
            {"path": e.path, "code": e.code, "text": e.text, "fingerprint": e.fingerprint},
            ensure_ascii=False,
        )
        for e in sorted(set(entries))
    ]
    body = ",\n".join("    " + line for line in lines)
    return (
        "{\n"
        f'  "{HEADER}": {VERSION},\n'
        + ('  "findings": [\n' + body + "\n  ]\n" if lines else '  "findings": []\n')
        + "}\n"
    )


def loads(text: str, path: str) -> list[Entry]:
    """Entries of a baseline file's text; UsageError naming `path` for anything else."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(
            f"not a soat baseline: invalid JSON ({exc.msg})", path, exc.lineno
        ) from None
    if not isinstance(data, dict) or HEADER not in data:
        raise UsageError(f'not a soat baseline: no "{HEADER}" version header', path)
    version = data[HEADER]
    if version != VERSION or isinstance(version, bool):
        newer = isinstance(version, int) and not isinstance(version, bool) and version > VERSION
        raise UsageError(
            f"baseline format {version!r} is not supported (this soat reads format {VERSION})"
            + ("; it was written by a newer soat" if newer else ""),
            path,
        )
    unknown = sorted(set(data) - {HEADER, "findings"})
    if unknown:
        raise UsageError(f'unknown key "{unknown[0]}" in the baseline', path)
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise UsageError('"findings" must be a list', path)
    entries = []
    for number, item in enumerate(findings, 1):
        if not isinstance(item, dict):
            raise UsageError(f"finding {number} is not an object", path)
        for key in ("path", "code", "fingerprint"):
            if not isinstance(item.get(key), str) or not item[key]:
                raise UsageError(f'finding {number} has no "{key}" string', path)
        text = item.get("text", "")
        if not isinstance(text, str):
            raise UsageError(f'finding {number}: "text" must be a string', path)
        entries.append(Entry(item["path"], item["code"], text, item["fingerprint"]))
    return entries


def read(path: str) -> list[Entry]:
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except FileNotFoundError:
        raise UsageError(
            f"no such baseline file; write it with: soat check --write-baseline {path}", path
        ) from None
    except OSError as exc:
        raise UsageError(f"cannot read the baseline: {exc.strerror}", path) from None
    except UnicodeDecodeError as exc:
        raise UsageError(f"not a soat baseline: not UTF-8 (byte {exc.start})", path) from None
    return loads(text, path)


def write(path: str, entries: Iterable[Entry]) -> None:
    """Write through a temporary file and a rename, so a failed write leaves the old file."""
    import tempfile

    data = dumps(entries).encode("utf-8")
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".soat-baseline-", dir=folder)
    except OSError as exc:
        raise UsageError(f"cannot write the baseline: {exc.strerror}", path) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if os.path.exists(path):
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise UsageError(f"cannot write the baseline: {exc.strerror}", path) from None


# --- matching ---------------------------------------------------------------------------


@dataclass
class Match:
    """The outcome of one baseline against the findings of the files it covers."""

    results: list[FileResult]
    known: int  # findings left out because the baseline has them
    stale: list[Entry]  # entries in scope that no longer occur


def in_scope(entry: Entry, checked: dict[str, set[str]], folder: str) -> bool:
    """Whether this run could have found `entry`: its file was checked with its rule on, or
    its file no longer exists. `checked` maps relative paths to the codes that ran."""
    codes = checked.get(entry.path)
    if codes is not None:
        return entry.code in codes
    return not os.path.exists(os.path.join(folder, entry.path))


def match(
    results: list[FileResult],
    entries: list[Entry],
    folder: str,
    codes_for: Callable[[FileResult], set[str]],
) -> Match:
    """Leave out the findings the baseline has; list its entries in scope that are gone."""
    known_prints = {e.fingerprint for e in entries}
    kept: list[FileResult] = []
    seen: set[str] = set()
    checked: dict[str, set[str]] = {}
    known = 0
    for result in results:
        checked[relative_path(result.path, folder)] = codes_for(result)
        dropped = set()
        for entry, index in entries_of(result, folder):
            seen.add(entry.fingerprint)
            if entry.fingerprint in known_prints:
                dropped.add(index)
        if dropped:
            known += len(dropped)
            result = _without(result, dropped)
        kept.append(result)
    stale = [e for e in entries if e.fingerprint not in seen and in_scope(e, checked, folder)]
    return Match(kept, known, sorted(set(stale)))


def merged_for_writing(
    results: list[FileResult],
    old: list[Entry],
    folder: str,
    codes_for: Callable[[FileResult], set[str]],
) -> list[Entry]:
    """The new file: every current finding, and the old entries this run could not see."""
    checked = {relative_path(r.path, folder): codes_for(r) for r in results}
    current = [entry for r in results for entry, _ in entries_of(r, folder)]
    kept = [e for e in old if not in_scope(e, checked, folder)]
    return sorted(set(current) | set(kept))


def _without(result: FileResult, indexes: set[int]) -> FileResult:
    return result.replace(
        diagnostics=[d for i, d in enumerate(result.diagnostics) if i not in indexes]
    )
