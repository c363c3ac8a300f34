"""TOML with positions: tomllib gives none, so a small locator finds keys in the text."""

from __future__ import annotations

import re

from soat.lint.errors import UsageError

# No two adjacent quantifiers over spaces: `\s*([^\]]+?)\s*` backtracks quadratically on a
# long line of spaces with no "]"; the name is stripped in code instead.
_HEADER = re.compile(r"^[ \t]*(\[\[?)([^\]\n]*)\]\]?[ \t]*(#.*)?$")
_MAX_DEPTH = 100  # where to point when tomllib runs out of stack (one frame per level)


class TomlSource:
    """A parsed TOML file that can say on which line a key or table stands."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.lines = text.splitlines()
        self._headers: dict[str, list[int]] | None = None
        from soat.toml import tomllib  # imported here: most runs read no TOML at all

        try:
            self.data = tomllib.loads(text)
        except RecursionError:
            raise UsageError(
                "invalid TOML: arrays or tables nested too deeply",
                path,
                _too_deep_line(text),
            ) from None
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
                if m and m.group(2).strip():
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
        # A key with control characters is written with escapes in the file ("\u001b").
        spelt = re.escape(key) if key.isprintable() else _escaped_key(key)
        pattern = re.compile(r'^\s*("?)' + spelt + r"\1\s*=")
        for no in range(start + 1, len(self.lines) + 1):
            line = self.lines[no - 1]
            header = _HEADER.match(line)
            if table is not None and header and no != start:
                name = header.group(2).strip()
                if not name.startswith(f"{current}."):
                    break
            elif table is None and header:
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


def _too_deep_line(text: str) -> int:
    """The line where brackets and braces first nest deeper than _MAX_DEPTH (1 if never)."""
    depth, line = 0, 1
    for ch in text:
        if ch in "[{":
            depth += 1
            if depth > _MAX_DEPTH:
                return line
        elif ch in "]}":
            depth -= 1
        elif ch == "\n":
            line += 1
    return 1


def _escaped_key(key: str) -> str:
    """A pattern for `key` as TOML writes its non-printable characters (\\uXXXX, \\n…)."""
    out = []
    for ch in key:
        if ch.isprintable():
            out.append(re.escape(ch))
        else:
            short = {"\n": "n", "\t": "t", "\r": "r", "\b": "b", "\f": "f", "\x1b": "e"}
            forms = [f"u{ord(ch):04x}", f"U{ord(ch):08x}"] + ([short[ch]] if ch in short else [])
            out.append(r"\\(?i:" + "|".join(forms) + ")")  # hex digits in either case
    return "".join(out)
