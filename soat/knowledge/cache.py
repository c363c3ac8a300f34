"""The built-in knowledge's cache: one pickle of the parsed registries and their indexes.

The file lives under `$SOAT_CACHE_DIR`, else `$XDG_CACHE_HOME/soat`, else `~/.cache/soat`.
Its name is soat's version and a 64-bit checksum (CRC-32 and Adler-32, from zlib: hashlib
would cost a cold start its OpenSSL import, ~2 ms) of the data files' bytes and of the stamps
(size, modification time) of the code that builds the entries and indexes (this package and
soat/vi), so any change of either makes a new file. The payload carries a checksum: a damaged
or foreign file is ignored and written again; a file is written under a temporary name and
renamed into place, so parallel runs never read half of one; where the folder cannot be
written the knowledge is simply parsed each time. The eight files used last are kept (a
file's modification time is set when it is read).
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import zlib
from collections.abc import Sequence

import soat.checked_file as checked_file
from soat.knowledge.model import TABLES, Knowledge

_MAGIC = b"soat-knowledge-2\n"
_KEEP = 8  # several checkouts or versions of soat on one machine each keep theirs


def path_for(files: Sequence[tuple[str, str]]) -> str | None:
    """The cache file for the data `files` ((name, path) pairs); None when one cannot be read."""
    from soat import __version__

    parts = [f"{__version__}\n{_MAGIC!r}\n".encode()]
    try:
        for name, path in files:
            with open(path, "rb") as fh:
                data = fh.read()
            parts += (f"{name}:{len(data)}\n".encode(), data)
    except OSError:
        return None
    parts.append(_code_stamp().encode())
    crc, adler = 0, 1
    for part in parts:
        crc, adler = zlib.crc32(part, crc), zlib.adler32(part, adler)
    return os.path.join(
        checked_file.cache_dir(), f"knowledge-{__version__}-{crc:08x}{adler:08x}.pickle"
    )


def _code_stamp() -> str:
    """Size and modification time of the modules that build entries and indexes."""
    package = os.path.dirname(os.path.abspath(__file__))
    parts = []
    for folder in (package, os.path.join(os.path.dirname(package), "vi")):
        try:
            names = sorted(n for n in os.listdir(folder) if n.endswith(".py"))
        except OSError:
            continue
        for name in names:
            try:
                st = os.stat(os.path.join(folder, name))
            except OSError:
                continue
            parts.append(f"{os.path.basename(folder)}/{name}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(parts)


def build_indexes(knowledge: Knowledge) -> None:
    """Build every persisted index of `knowledge` (kept in its memo)."""
    from soat.knowledge.indexes import PERSISTED

    for builder in PERSISTED:
        knowledge.index(builder)


def read(path: str) -> Knowledge | None:
    """The cached knowledge, or None when the file is missing or not one soat wrote intact.

    A checksum guards the pickle: a flipped byte would otherwise load as wrong data or raise
    anything at all, on every run until the file is deleted.
    """
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        body = checked_file.body(_MAGIC, data)
        if body is None:
            return None
        loaded = _loads(body)
    except Exception:  # a damaged or foreign cache of any kind: parse again, rewrite it
        return None
    if not isinstance(loaded, Knowledge):
        return None
    with contextlib.suppress(OSError):  # used now: the newest files are the ones kept
        os.utime(path)
    return loaded


def _loads(body) -> object:
    """Unpickles with the cyclic garbage collector paused: the thousands of entries and index
    objects made at once otherwise set off collections that walk every object of the process
    (about a sixth of the load on a cold start); nothing unpickled here is garbage."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(body)
    finally:
        if was_enabled:
            gc.enable()


def write(path: str, knowledge: Knowledge) -> None:
    """Store `knowledge` with its persisted indexes; silently nothing where unwritable."""
    from soat.knowledge.indexes import PERSISTED

    stored = Knowledge(*(getattr(knowledge, f) for f in TABLES))
    stored._index.update((b, knowledge._index[b]) for b in PERSISTED if b in knowledge._index)
    folder = os.path.dirname(path)
    try:
        body = pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL)
        os.makedirs(folder, exist_ok=True)
        checked_file.write(path, checked_file.framed(_MAGIC, body), prefix=".knowledge-")
        # Keep the caches used last (installations of soat may alternate); drop the rest.
        caches = sorted(
            (
                os.path.join(folder, n)
                for n in os.listdir(folder)
                if n.startswith("knowledge-") and n.endswith(".pickle")
            ),
            key=os.path.getmtime,
            reverse=True,
        )
        for old in caches[_KEEP:]:
            os.unlink(old)
    except (OSError, pickle.PicklingError):
        pass  # a read-only home is fine: we parse again next time
