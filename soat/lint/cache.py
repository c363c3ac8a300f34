"""The result cache: a file's findings, keyed by everything they depend on (like Ruff's).

A key is a SHA-256 over the file's bytes, its path and format, the effective settings of the
file (enabled rules, their options, severities), the knowledge's content and soat's own code
(its version and the size and time stamp of every file of the package). An entry is written
to a temporary file and renamed into place, so parallel runs never see half an entry; each
entry carries a checksum of its payload and anything that does not verify or load is ignored
(and written again). Findings of an unreadable file (IO001) or a broken rule (INT001) are
never stored. Where the folder cannot be created or written (a read-only checkout) the cache
is off, silently.

The folder is `.soat_cache/` in the working folder, with a `.gitignore` that ignores it all.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Sequence

import soat.checked_file as checked_file
from soat.lint.diagnostic import Diagnostic

CACHE_DIR = ".soat_cache"
_MAGIC = b"soat-cache-1\n"
_NEVER_CACHED = frozenset({"IO001", "INT001"})


def _code_stamp() -> str:
    """soat's version and a stamp of its installed files (a changed rule changes it)."""
    from soat import __version__

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parts = [__version__]
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith((".py", ".toml", ".tsv", ".txt", ".json")):
                try:
                    st = os.stat(os.path.join(dirpath, name))
                except OSError:
                    continue
                parts.append(
                    f"{os.path.relpath(os.path.join(dirpath, name), root)}:"
                    f"{st.st_size}:{st.st_mtime_ns}"
                )
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


class ResultCache:
    """Findings per file in `folder`; `enabled` is False when the folder cannot be written."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.enabled = self._prepare()
        self._code = _code_stamp() if self.enabled else ""

    def _prepare(self) -> bool:
        try:
            os.makedirs(self.folder, exist_ok=True)
            ignore = os.path.join(self.folder, ".gitignore")
            if not os.path.exists(ignore):
                checked_file.write(ignore, b"# Created by soat: the result cache.\n*\n")
            return os.access(self.folder, os.W_OK)
        except OSError:
            return False

    def key(self, data: bytes, path: str, fmt: str, settings_stamp: str) -> str:
        digest = hashlib.sha256()
        for part in (self._code, settings_stamp, fmt, path):
            digest.update(part.encode("utf-8", "surrogateescape"))
            digest.update(b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _entry(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key[2:])

    def get(self, key: str) -> list[Diagnostic] | None:
        """The findings stored under `key`; None when missing, half written or corrupt."""
        if not self.enabled:
            return None
        try:
            blob = checked_file.read(self._entry(key))
        except OSError:
            return None
        payload = checked_file.body(_MAGIC, blob)
        if payload is None:
            return None
        try:
            found = pickle.loads(payload)
        except Exception:  # a payload that verifies but does not load: rebuild it
            return None
        if not isinstance(found, list) or not all(isinstance(d, Diagnostic) for d in found):
            return None
        return found

    def put(self, key: str, diagnostics: Sequence[Diagnostic]) -> None:
        """Store findings (never IO001 or INT001 ones); any OS error turns the cache off."""
        if not self.enabled or any(d.code in _NEVER_CACHED for d in diagnostics):
            return
        payload = pickle.dumps(list(diagnostics), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            os.makedirs(os.path.dirname(self._entry(key)), exist_ok=True)
            checked_file.write(self._entry(key), checked_file.framed(_MAGIC, payload))
        except OSError:
            self.enabled = False
