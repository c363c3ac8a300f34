"""TOML with positions: tomllib gives none, so a small locator finds keys in the text."""

from __future__ import annotations

import re
import sys

from soat.lint.errors import UsageError

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")


class TomlSource:
    """A parsed TOML file that can say on which line a key or table stands."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.lines = text.splitlines()
        self._headers: dict[str, list[int]] | None = None
        if sys.version_info >= (3, 11):  # imported here: most runs read no TOML at all
            import tomllib
        else:  # pragma: no cover - Python 3.10
            import tomli as tomllib
        try:
            self.data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            line = getattr(exc, "lineno", None) or _line_from_message(str(exc))
            msg = getattr(exc, "msg", None) or re.sub(r"\s*\(at line.*\)$", "", str(exc))
            raise UsageError(f"invalid TOML: {msg}", path, line) from None

    @classmethod
    def read(cls, path: str) -> TomlSource:
        try:
            with open(path, encoding="utf-8-sig") as fh:
                return cls(path, fh.read())
        except OSError as exc:
            raise UsageError(f"cannot read: {exc.strerror}", path) from None
        except UnicodeDecodeError as exc:
            raise UsageError(f"not valid UTF-8 (byte {exc.start})", path) from None

    def table_line(self, table: str, index: int | None = None) -> int | None:
        """Line of `[table]`, or of the index-th `[[table]]`."""
        if self._headers is None:
            self._headers = {}
            for no, line in enumerate(self.lines, 1):
                m = _HEADER.match(line)
                if m:
                    self._headers.setdefault(m.group(2).strip().strip('"'), []).append(no)
        found = self._headers.get(table, ())
        if index is None:
            return found[0] if found else None
        return found[index] if index < len(found) else None

    def key_line(self, key: str, table: str | None = None, index: int | None = None) -> int | None:
        """Line where `key` is set, inside `table` (its index-th array entry) if given."""
        start, current = 0, None
        if table is not None:
            found = self.table_line(table, index)
            if found is None:
                return self._dotted_key_line(table, key)
            start, current = found, table
        pattern = re.compile(r'^\s*("?)' + re.escape(key) + r"\1\s*=")
        for no in range(start + 1, len(self.lines) + 1):
            line = self.lines[no - 1]
            header = _HEADER.match(line)
            if table is not None and header and no != start:
                name = header.group(2).strip()
                if not name.startswith(f"{current}."):
                    break
            elif table is None and _HEADER.match(line):
                break
            if pattern.match(line):
                return no
        return start or None

    def _dotted_key_line(self, table: str, key: str) -> int | None:
        pattern = re.compile(r"^\s*" + re.escape(table.split(".")[-1]) + r"\s*=")
        for no, line in enumerate(self.lines, 1):
            if pattern.match(line) or (key in line and "=" in line):
                return no
        return None


def _line_from_message(message: str) -> int | None:
    m = re.search(r"line (\d+)", message)
    return int(m.group(1)) if m else None
