"""Rewrite one key of one `[[case]]` in a fixture file, leaving every other line as it is.

`SOAT_UPDATE_FIXTURES=1` uses this to write the messages and fix titles a rule now produces
into tests/rules/fixtures/*.toml, so that a change of wording is one command and a diff to
review. Only the lines of the rewritten value change: comments, blank lines, key order and
the spelling of every other value stay. A trailing comment on the value's last line is kept.

The file is read as a sequence of top-level statements (table headers and `key = value`
pairs, the value running over as many lines as it takes to parse); a `[[document]]` line
inside a multi-line registry string is part of that string, not a header. After an edit the
whole file is parsed again and compared with what was meant (this key changed, nothing else);
an edit that would change anything else raises instead of writing.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

LINE_LENGTH = 100
_KEY_RE = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")
_HEADER_RE = re.compile(r"\s*\[")


@dataclass(frozen=True)
class Statement:
    """Lines first..last (0-based, inclusive) of one top-level statement of a TOML file."""

    first: int
    last: int
    key: str | None  # None for a table header
    header: str = ""  # the header line, stripped, e.g. "[[case]]"


def _parses(chunk: str) -> dict[str, Any] | None:
    try:
        return tomllib.loads(chunk)
    except tomllib.TOMLDecodeError:
        return None


def statements(lines: list[str]) -> list[Statement]:
    """The file's statements, in order; blank lines and comment lines belong to none."""
    out: list[Statement] = []
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if not stripped or stripped.startswith("#"):
            i += 1
            continue
        if _HEADER_RE.match(lines[i]):
            out.append(Statement(i, i, None, stripped.split("#")[0].strip()))
            i += 1
            continue
        m = _KEY_RE.match(lines[i])
        if not m:
            raise ValueError(f"line {i + 1}: not a key, a header or a comment: {lines[i]!r}")
        j = i
        while _parses("".join(lines[i : j + 1])) is None:
            j += 1
            if j == len(lines):
                raise ValueError(f"line {i + 1}: the value of {m.group(1)!r} never ends")
        out.append(Statement(i, j, m.group(1)))
        i = j + 1
    return out


def case_statements(lines: list[str]) -> list[list[Statement]]:
    """For each `[[case]]` table, in order, its own `key = value` statements."""
    cases: list[list[Statement]] = []
    current: list[Statement] | None = None
    for st in statements(lines):
        if st.key is None:
            current = [] if st.header == "[[case]]" else None
            if current is not None:
                cases.append(current)
        elif current is not None:
            current.append(st)
    return cases


def _escape(ch: str) -> str:
    if ch == "\\":
        return "\\\\"
    if ch == '"':
        return '\\"'
    if ch == "\n":
        return "\\n"
    if ch == "\t":
        return "\\t"
    if ch == "\r":
        return "\\r"
    category = unicodedata.category(ch)
    # Controls, format and private characters, unusual spaces and lone combining marks are
    # invisible or ambiguous in a diff: spell them as escapes, like the fixtures' inputs do.
    if category[0] in "CM" or (category[0] == "Z" and ch != " "):
        code = ord(ch)
        return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
    return ch


def toml_string(text: str) -> str:
    """`text` as a TOML basic string (one line, escapes for what a reader cannot see)."""
    return '"' + "".join(_escape(ch) for ch in text) + '"'


def render(key: str, values: list[str]) -> list[str]:
    """`key = [...]` as lines: on one line when it fits, else one item a line."""
    items = [toml_string(v) for v in values]
    one = f"{key} = [{', '.join(items)}]"
    if len(one) <= LINE_LENGTH:
        return [one]
    return [f"{key} = [", *(f"    {item}," for item in items), "]"]


def _trailing_comment(chunk_lines: list[str], value: Any, key: str) -> str:
    """The comment ending the statement's last line, if any ('' otherwise)."""
    last = chunk_lines[-1].rstrip("\r\n")
    head = "".join(chunk_lines[:-1])
    for pos, ch in enumerate(last):
        if ch != "#":
            continue
        parsed = _parses(head + last[:pos].rstrip() + "\n")
        if parsed is not None and parsed.get(key) == value:
            return last[pos:]
    return ""


def rewrite_case_key(text: str, case_index: int, key: str, values: list[str]) -> str:
    """`text` with `key` of the case_index-th `[[case]]` set to `values`.

    The key must already be in the case (write `message = []` to ask for it to be filled).
    Raises ValueError if the result would differ from `text` anywhere but there.
    """
    lines = text.splitlines(keepends=True)
    cases = case_statements(lines)
    if case_index >= len(cases):
        raise ValueError(f"no case {case_index}: the file has {len(cases)}")
    found = [st for st in cases[case_index] if st.key == key]
    if len(found) != 1:
        raise ValueError(f"case {case_index} has {len(found)} {key!r} keys, expected 1")
    st = found[0]
    old_chunk = lines[st.first : st.last + 1]
    old_value = (_parses("".join(old_chunk)) or {}).get(key)
    newline = "\r\n" if old_chunk[-1].endswith("\r\n") else "\n"
    new_lines = render(key, values)
    comment = _trailing_comment(old_chunk, old_value, key)
    if comment:
        new_lines[-1] += "  " + comment
    ends_with_newline = old_chunk[-1].endswith("\n")
    block = [line + newline for line in new_lines]
    if not ends_with_newline:
        block[-1] = block[-1][: -len(newline)]
    result = "".join(lines[: st.first] + block + lines[st.last + 1 :])
    _check_only_key_changed(text, result, case_index, key, values)
    return result


def _check_only_key_changed(old: str, new: str, case_index: int, key: str, values) -> None:
    before = tomllib.loads(old)
    after = tomllib.loads(new)
    expected = dict(before)
    expected["case"] = [dict(c) for c in before.get("case", [])]
    expected["case"][case_index][key] = list(values)
    if after != expected:
        raise ValueError(f"rewriting {key!r} of case {case_index} would change other values")


def update_file(path: Path, case_index: int, key: str, values: list[str]) -> bool:
    """Rewrite the key in the file if its value differs; True when the file changed.

    The read-modify-write holds an exclusive lock on the file where the platform has one,
    so that test processes running side by side (pytest-xdist) cannot lose each other's edits.
    """
    with path.open("r+", encoding="utf-8", newline="") as f:
        _lock(f)
        text = f.read()
        cases = tomllib.loads(text).get("case", [])
        if cases[case_index].get(key) == list(values):
            return False
        new = rewrite_case_key(text, case_index, key, values)
        f.seek(0)
        f.write(new)
        f.truncate()
        return True


def _lock(f) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: tests run in one process there
        return
    fcntl.flock(f.fileno(), fcntl.LOCK_EX)  # released when the file is closed
