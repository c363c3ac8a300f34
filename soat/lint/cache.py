"""The result cache: a file's findings, keyed by everything they depend on (like Ruff's).

A key is a SHA-256 over the file's bytes, its path and format, the effective settings of the
file (enabled rules, their options, severities), the knowledge's content and soat's own code
(its version and the size and time stamp of every file of the package).

The entries live in packs, like Ruff's one file per package: a file's entry is in the pack
its path falls to (one of 256), under its path from the cache's project folder, so that a
file has one entry however often it changes. A run reads a pack when it first needs one of
its entries and writes the packs it added to at its end (`flush`): a first run over 2,595
articles writes 256 files rather than 2,595, whose writing had made a first run with the
cache 24-45 % slower than one without (system time). Worker processes
hand what they checked to the parent (`take_new`, `add`), which alone writes. An entry also
keeps how the JSON report showed the file's findings (`show`), in the report's language and
with its documentation link: a later JSON report with both the same writes that text again
without decoding the file or loading a finding (`shown`), which halves a cached run's work.

A pack is written to a temporary file and renamed into place, so parallel runs never see a
half-written one; a run writing a pack first reads it again and adds to what it finds, and
when two runs write the same pack at once the entries of one are lost (and checked again
next time), never mixed. A pack carries a checksum, and a pack or entry that does not
verify or load is ignored (and written again). A pack is unpickled by `_Unpickler`, which
makes nothing but findings: a pack someone else put in the folder (a checkout, a folder
above the project) cannot make soat call a function, as a plain `pickle.loads` would.
Findings of an unreadable file (IO001) or a broken rule (INT001) are never stored. Where the
folder cannot be created or written (a read-only checkout) the cache is off, silently.

The folder is `.soat_cache/` in the project (session.open_cache), with a `.gitignore` that
ignores it all and a `CACHEDIR.TAG` that backup tools know. The packs of one build of soat
(one installation of one version) are in a folder named after its code stamp, touched by
every run that uses it; a build that makes its folder removes the folders of builds unused
for `STALE_DAYS` days, so that two installations used in turn (a pre-commit environment and
a project's venv) keep their packs.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import re
import time
import zlib
from collections.abc import Mapping, Sequence
from typing import Any

import soat.checked_file as checked_file
from soat.lint.diagnostic import Diagnostic

CACHE_DIR = ".soat_cache"
_MAGIC = b"soat-cache-3\n"
_NEVER_CACHED = frozenset({"IO001", "INT001"})
PACKS = 256
STALE_DAYS = 7
_FLUSH_BYTES = 32 << 20  # new entries held before a run writes them out (memory bound)
_BUILD_FOLDER = re.compile(r"[0-9a-f]{2}|[0-9a-f]{16}")  # a build's packs; the format-1 folders
_TAG = (
    b"Signature: 8a477f597d28d172789f06886806bc55\n"
    b"# This file is a cache directory tag created by soat.\n"
    b"# For information about cache directory tags, see https://bford.info/cachedir/\n"
)

# How a JSON report shows a file's findings: (language, rule-docs-url, the findings' text
# as json_format.findings_text writes it, the most severe finding's level or -1).
Shown = tuple[str, "str | None", str, int]
# (key, the pickled findings, how a JSON report showed them or None)
Entry = tuple[str, bytes, "Shown | None"]


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


# What findings are made of: the only names a pack's pickles may use.
_FINDING_PARTS = frozenset(
    {("soat.lint.ui", "Msg")}
    | {
        ("soat.lint.diagnostic", name)
        for name in ("Diagnostic", "Severity", "Applicability", "Edit", "Wording", "Fix", "Related")
    }
)


class _Unpickler(pickle.Unpickler):
    """Loads findings and nothing else: any other name a pickle asks for (a function to
    call, a class that runs code) is refused, as the pickle documentation advises
    ("Restricting Globals") for data that may come from elsewhere."""

    found: dict[tuple[str, str], Any] = {}  # the classes allowed, once looked up

    def find_class(self, module: str, name: str) -> Any:
        part = self.found.get((module, name))
        if part is not None:
            return part
        if (module, name) not in _FINDING_PARTS:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a finding")
        part = self.found[module, name] = super().find_class(module, name)
        return part


def loads(data: bytes | memoryview) -> Any:
    """Unpickle what the result cache wrote (`_Unpickler`'s names only)."""
    return _Unpickler(io.BytesIO(data)).load()


def pack_of(name: str) -> int:
    """The pack that holds the entry of the file named `name` (ResultCache.name)."""
    return zlib.crc32(name.encode("utf-8", "surrogateescape")) % PACKS


def read_pack(file: str) -> dict[str, Entry]:
    """The entries of the pack `file`: empty when it is missing, damaged or not a pack."""
    try:
        payload = checked_file.body(_MAGIC, checked_file.read(file))
    except OSError:
        return {}
    if payload is None:
        return {}
    try:
        pack = loads(payload)
    except Exception:  # a payload that verifies but does not load: rebuild it
        return {}
    if not isinstance(pack, dict):
        return {}
    return pack


class ResultCache:
    """Findings per file under `root`; `enabled` is False when the folder cannot be written."""

    def __init__(self, root: str) -> None:
        self.root = root
        # Other builds' folders are removed only from a folder soat made and tagged in an
        # earlier run, never through a link (it may lead into the user's own files).
        self._sweepable = os.path.isfile(os.path.join(root, "CACHEDIR.TAG")) and not (
            os.path.islink(root)
        )
        self.enabled = self._prepare()
        self._code = _code_stamp() if self.enabled else ""
        self.folder = os.path.join(root, self._code[:16])
        self._base = os.path.dirname(os.path.abspath(root))  # the project's folder
        self._inside = os.path.join(self._base, "")  # with a separator at its end
        self._packs: dict[int, dict[str, Entry]] = {}
        self._new: dict[str, Entry] = {}  # entries not written yet, by name
        self._new_bytes = 0
        self.hold = False  # a worker's cache: `add` never writes, the parent does
        if self.enabled:
            with contextlib.suppress(OSError):
                os.utime(self.folder)  # in use: no other build removes it (STALE_DAYS)

    def _prepare(self) -> bool:
        try:
            os.makedirs(self.root, exist_ok=True)
            for name, text in (
                (".gitignore", b"# Created by soat: the result cache.\n*\n"),
                ("CACHEDIR.TAG", _TAG),
            ):
                if not os.path.exists(os.path.join(self.root, name)):
                    checked_file.write(os.path.join(self.root, name), text)
            return os.access(self.root, os.W_OK)
        except OSError:
            return False

    def key(self, data: bytes, path: str, fmt: str, settings_stamp: str) -> str:
        digest = hashlib.sha256()
        for part in (self._code, settings_stamp, fmt, path):
            digest.update(part.encode("utf-8", "surrogateescape"))
            digest.update(b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _pack_file(self, number: int) -> str:
        return os.path.join(self.folder, f"{number:02x}.pack")

    def name(self, path: str) -> str:
        """The name of the entry of the file at `path`: its path from the project's folder,
        its absolute path outside it (files checked from different folders never share
        one, and a project moved elsewhere keeps its entries)."""
        full = os.path.abspath(path)
        return full[len(self._inside) :] if full.startswith(self._inside) else full

    def _entry(self, path: str, key: str) -> Entry | None:
        """The entry of the file at `path` when it was stored under `key`."""
        if not self.enabled:
            return None
        name = self.name(path)
        number = pack_of(name)
        if number not in self._packs:
            self._packs[number] = read_pack(self._pack_file(number))
        entry = self._new.get(name)
        if entry is None:
            entry = self._packs[number].get(name)
        if not (isinstance(entry, tuple) and len(entry) == 3 and entry[0] == key):
            return None
        return entry

    def shown(self, path: str, key: str, lang: str, docs_url: str | None) -> tuple[str, int] | None:
        """How a JSON report in `lang` with `docs_url` showed the findings stored for the
        file at `path` under `key`: their text and the most severe level (-1: none). None
        when the entry has no such text: the findings are then loaded (`get`)."""
        entry = self._entry(path, key)
        shown = entry[2] if entry is not None else None
        if not (isinstance(shown, tuple) and len(shown) == 4 and shown[:2] == (lang, docs_url)):
            return None
        text, worst = shown[2], shown[3]
        if not (isinstance(text, str) and isinstance(worst, int)):
            return None
        return text, worst

    def get(self, path: str, key: str) -> list[Diagnostic] | None:
        """The findings stored for the file at `path` under `key`; None when missing, stale
        or corrupt."""
        entry = self._entry(path, key)
        if entry is None:
            return None
        try:
            found = loads(entry[1])
        except Exception:  # an entry that does not load: rebuild it
            return None
        if not isinstance(found, list) or not all(isinstance(d, Diagnostic) for d in found):
            return None
        return found

    def put(self, path: str, key: str, diagnostics: Sequence[Diagnostic]) -> None:
        """Keep the findings of the file at `path` (never IO001 or INT001 ones) for `flush`."""
        if self.enabled and not any(d.code in _NEVER_CACHED for d in diagnostics):
            blob = pickle.dumps(list(diagnostics), pickle.HIGHEST_PROTOCOL)
            self.add({self.name(path): (key, blob, None)})

    def show(self, path: str, shown: Shown) -> None:
        """Keep, with the entry this process has just put for the file at `path`, how the
        JSON report showed its findings (a later run in the same language and with the same
        documentation link writes that text again without loading them)."""
        name = self.name(path)
        entry = self._new.get(name)
        if entry is not None:
            self._new[name] = (entry[0], entry[1], shown)
            self._new_bytes += len(shown[2])

    def take_new(self) -> dict[str, Entry]:
        """The entries kept and not yet written, which this cache forgets: what a worker
        process hands to the parent, which writes them."""
        new, self._new, self._new_bytes = self._new, {}, 0
        return new

    def add(self, entries: Mapping[str, Entry]) -> None:
        """Keep `entries` (a worker's `take_new`) for `flush`; flush when they grow large
        (not in a worker, whose parent writes)."""
        self._new.update(entries)
        self._new_bytes += sum(
            len(entry[1]) + (len(entry[2][2]) if entry[2] else 0) for entry in entries.values()
        )
        if self._new_bytes >= _FLUSH_BYTES and not self.hold:
            self.flush()

    def flush(self) -> None:
        """Write the kept entries into their packs, each pack read again first (another run
        may have written it); any OS error turns the cache off."""
        new = self.take_new()
        if not self.enabled or not new:
            return
        by_pack: dict[int, dict[str, Entry]] = {}
        for name, entry in new.items():
            by_pack.setdefault(pack_of(name), {})[name] = entry
        try:
            if not os.path.isdir(self.folder):
                self._start_build_folder()
            for number, entries in sorted(by_pack.items()):
                pack = read_pack(self._pack_file(number))
                pack.update(entries)
                blob = pickle.dumps(pack, pickle.HIGHEST_PROTOCOL)
                checked_file.write(self._pack_file(number), checked_file.framed(_MAGIC, blob))
                self._packs.pop(number, None)  # read again if asked: memory stays bounded
        except OSError:
            self.enabled = False

    def _start_build_folder(self) -> None:
        """Make this build's folder and remove the folders of builds unused for `STALE_DAYS`
        days (and the entry folders of the first format), only in a folder soat had made and
        tagged before this run, and not through a link."""
        import shutil

        os.makedirs(self.folder, exist_ok=True)
        mine = os.path.basename(self.folder)
        if not self._sweepable:
            return
        stale = time.time() - STALE_DAYS * 86400
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.root):
                if entry.name == mine or not _BUILD_FOLDER.fullmatch(entry.name):
                    continue
                if entry.is_dir(follow_symlinks=False) and entry.stat().st_mtime < stale:
                    shutil.rmtree(entry.path, ignore_errors=True)
