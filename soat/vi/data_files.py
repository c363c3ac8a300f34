"""soat's own data files (soat/data/), read as plain files beside the package.

soat ships as plain files, never zipped (the knowledge cache relies on it too, see
soat/knowledge/load.py), so a data file is a path (docs/architecture.md §9.1: "through
importlib.resources or a path beside the package"). `importlib.resources` would cost every
cold start its imports (tempfile, shutil, zipfile, bz2, lzma, random: some 5 ms) for nothing.

`derived` keeps what a module builds from a data file (a parsed TOML table, a column of
counts) across processes, as the knowledge cache keeps the registries: a cold `soat check`
would otherwise parse the same files again each time.
"""

from __future__ import annotations

import functools
import marshal
import os
import sys
import zlib
from collections.abc import Callable
from typing import Any, TypeVar

import soat.checked_file as checked_file

T = TypeVar("T")

# soat/vi/ is beside soat/data/.
DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")

_HEAD = b"soat-data-1\n"
_KEEP = 8  # files kept per data file and builder: several checkouts or versions of soat


def data_path(name: str) -> str:
    """The path of soat/data/`name`."""
    return os.path.join(DATA, name)


def read_text(name: str) -> str:
    """The text of soat/data/`name` (UTF-8, universal newlines, like Traversable.read_text)."""
    with open(data_path(name), encoding="utf-8") as fh:
        return fh.read()


def derived(name: str, build: Callable[[str], T]) -> T:
    """`build(read_text(name))`, read from a cache file when an earlier process built it.

    The value must be made of what `marshal` stores (dicts, lists, tuples, sets, strings,
    numbers): it comes back equal, of the same types. The cache file's name carries
    `build`'s name and the stamps (size, modification time) of the data file, of the module
    defining `build` and of every module of soat/vi (what a builder calls to make its keys:
    fold_case, strip_tones...), and the interpreter's version, so that an edit of any of them
    makes a new file. A builder must therefore use nothing outside those modules and the
    standard library. A file that is missing, damaged (checksummed, soat/checked_file.py) or
    unreadable means `build` runs; where the folder cannot be written, it runs in each process.
    """
    path = _cache_path(name, build)
    if path is not None:
        try:
            with open(path, "rb") as fh:
                body = checked_file.body(_HEAD, fh.read())
            if body is not None:
                return marshal.loads(body)
        except OSError:
            pass
    value = build(read_text(name))
    if path is not None:
        stored: Any = value  # what marshal stores, as the caller promises
        _write(path, _prefix(name, build), marshal.dumps(stored))
    return value


def _cache_path(name: str, build: Callable) -> str | None:
    try:
        code = sys.modules[build.__module__].__file__ or ""
        stamps = [_stamp(data_path(name)), _stamp(code), _package_stamp()]
    except (OSError, KeyError):
        return None
    stamps += (build.__qualname__, sys.version)
    key = zlib.crc32("|".join(stamps).encode())
    return os.path.join(checked_file.cache_dir(), f"{_prefix(name, build)}{key:08x}.marshal")


def _prefix(name: str, build: Callable) -> str:
    """The start of the names of `build`'s cache files for data file `name`: each builder
    keeps its own `_KEEP` newest files."""
    return f"data-{name}-{build.__qualname__}-"


def _stamp(path: str) -> str:
    st = os.stat(path)
    return f"{st.st_size}:{st.st_mtime_ns}"


@functools.cache
def _package_stamp() -> str:
    """The stamps of soat/vi's modules, taken once per process."""
    folder = os.path.dirname(os.path.abspath(__file__))
    names = sorted(n for n in os.listdir(folder) if n.endswith(".py"))
    return ";".join(f"{n}:{_stamp(os.path.join(folder, n))}" for n in names)


def _write(path: str, prefix: str, body: bytes) -> None:
    """Store `body`; keep the `_KEEP` files named `prefix`... written last. Silently nothing
    where the folder cannot be written."""
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, exist_ok=True)
        checked_file.write(path, checked_file.framed(_HEAD, body), prefix=".data-")
        files = [os.path.join(folder, n) for n in os.listdir(folder) if n.startswith(prefix)]
        files.sort(key=os.path.getmtime, reverse=True)
        for old in files[_KEEP:]:
            os.unlink(old)
    except OSError:
        pass
