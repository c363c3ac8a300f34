"""Front matter: YAML between `---` lines or TOML between `+++` lines at the top of a file.

Its values (`title`, `date`, …) are metadata, never prose. A block that does not parse still
counts as front matter (it is not linted), with empty metadata.
"""

from __future__ import annotations

import re
from typing import Any

_OPEN_RE = re.compile(r"(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)")
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def split_front_matter(source: str) -> tuple[int, dict[str, Any]]:
    """(end offset of the front matter, its values); (0, {}) when the file has none.

    The end offset is just past the closing delimiter line's line break.
    """
    opened = _OPEN_RE.match(source)
    if not opened:
        return 0, {}
    fence = opened.group(1)
    closers = ("---", "...") if fence == "---" else ("+++",)
    pos = opened.end()
    while pos < len(source):
        line = _LINE_RE.match(source, pos)
        if not line or line.end() == pos:
            break
        if line.group().rstrip("\r\n").rstrip(" \t") in closers:
            return line.end(), _parse(source[opened.end() : pos], fence)
        pos = line.end()
    return 0, {}


def _parse(text: str, fence: str) -> dict[str, Any]:
    try:
        if fence == "---":
            import yaml  # only files with YAML front matter pay for it

            data = yaml.safe_load(text)
        else:
            from soat.toml import tomllib

            data = tomllib.loads(text)
    except Exception:  # a broken front matter is still not prose
        return {}
    return data if isinstance(data, dict) else {}
