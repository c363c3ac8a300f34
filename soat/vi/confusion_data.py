"""The built-in confusion table (soat/data/confusions.toml), parsed once and then read from a
pickle cache: parsing the TOML costs about 70 ms, which every `soat check` would pay at
start-up. The cache is checksummed, written atomically, and ignored when damaged or foreign.
The matcher LEX001 builds on the table with its default options is kept the same way
(`kept_matcher`), and its screen in a file of its own (`kept_screen`).
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
from collections.abc import Callable
from typing import TypeVar

import soat.checked_file as checked_file
from soat.vi import confusions
from soat.vi.confusions import Confusion, ConfusionMatcher, FormScreen, parse_confusions

_DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")


@functools.lru_cache(maxsize=1)
def builtin_confusions() -> tuple[Confusion, ...]:
    """soat/data/confusions.toml, parsed once, then read from a pickle cache: parsing the
    TOML costs about 70 ms, which every `soat check` would pay at start-up."""
    path = os.path.join(_DATA, "confusions.toml")
    cache = _cache_path(path)
    if cache is not None:
        try:
            with open(cache, "rb") as fh:
                loaded = _unpickle_checked(fh.read())
            if isinstance(loaded, tuple) and all(isinstance(e, Confusion) for e in loaded):
                with contextlib.suppress(OSError):  # used now: the newest files are kept
                    os.utime(cache)
                return loaded
        except Exception:  # a damaged or foreign cache of any kind: parse again, rewrite it
            pass
    from soat.toml import tomllib  # only when the cache cannot serve the table

    with open(path, encoding="utf-8") as fh:
        data = tomllib.loads(fh.read())
    entries = parse_confusions(data.get("confusion", []), "soat/data/confusions.toml")
    if cache is not None:
        _write_cache(cache, entries)
    return entries


def _cache_path(path: str) -> str | None:
    """A cache file named after the size and time of the data file, this module and the
    parser's (any edit of one moves it), in soat's cache folder (`checked_file.cache_dir`)."""
    import zlib

    try:
        stamps = [
            f"{os.path.getsize(p)}:{os.stat(p).st_mtime_ns}"
            for p in (path, __file__, confusions.__file__)
        ]
    except OSError:
        return None
    return os.path.join(
        checked_file.cache_dir(), f"confusions-{zlib.crc32('|'.join(stamps).encode()):08x}.pickle"
    )


_CACHE_MAGIC = b"soat-confusions-1\n"
_KEEP = 8  # as the knowledge cache (soat/knowledge/cache.py)


def _unpickle_checked(data: bytes):
    """The cached table, or None unless the file is one soat wrote intact (a checksum
    guards it: a flipped byte would load wrong data or raise anything)."""
    body = checked_file.body(_CACHE_MAGIC, data)
    return None if body is None else pickle.loads(body)


def _write_cache(path: str, entries: tuple[Confusion, ...]) -> None:
    try:
        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        body = pickle.dumps(entries)
        checked_file.write(path, checked_file.framed(_CACHE_MAGIC, body), prefix=".confusions-")
        old = sorted(
            (os.path.join(folder, n) for n in os.listdir(folder) if n.startswith("confusions-")),
            key=os.path.getmtime,
            reverse=True,
        )
        # Keep the files used last: checkouts and versions of soat sharing the folder each
        # keep theirs (with two kept, three alternating checkouts re-parsed on every run).
        for stale in old[_KEEP:]:
            os.unlink(stale)
    except OSError:
        pass  # a read-only home is fine: the table is parsed again next time


_MATCHER_MAGIC = b"soat-confusion-matcher-2\n"  # 2: the screen is an object of its own
_SCREEN_MAGIC = b"soat-confusion-screen-1\n"
_T = TypeVar("_T")


def kept_matcher(key: str, build: Callable[[], ConfusionMatcher]) -> ConfusionMatcher:
    """`build()`, or the matcher an earlier process built under the same `key`, read from a
    pickle beside the table's cache: building the matcher of the built-in table (its forms'
    runs, the registry names that guard a form) costs a cold start ~37 M instructions and
    the table's ~8 M more; reading it back, about half of both.

    The file's name carries the table cache's stamps (the data file, this module,
    soat/vi/confusions.py, which defines the matcher) and `key`, which names everything else
    `build` depends on (the caller's options and code, the knowledge's digest). The file is
    written as soon as the matcher is built; the words a matcher met are never stored
    (FormScreen.__getstate__). Checksummed and replaced in one step as the table's cache;
    damaged, foreign or unwritable: built each time."""
    return _kept("matcher", _MATCHER_MAGIC, key, build, ConfusionMatcher)


def kept_screen(key: str, matcher: Callable[[], ConfusionMatcher]) -> FormScreen:
    """The screen of the matcher `kept_matcher(key, …)` keeps (`matcher().screen`), read from
    a file of its own when an earlier process wrote it: 8 KB against the matcher's 190 KB,
    read in about a tenth of the time (~0.4 ms against ~4 ms). Most documents pass no form
    through the screen, and a process that checks one of them never reads the matcher."""
    return _kept("screen", _SCREEN_MAGIC, key, lambda: matcher().screen, FormScreen)


def _kept(kind: str, magic: bytes, key: str, build: Callable[[], _T], cls: type[_T]) -> _T:
    """`build()`, or the `cls` an earlier process stored under `kind` and `key` (see
    `kept_matcher`), written as soon as it is built."""
    table = _cache_path(os.path.join(_DATA, "confusions.toml"))
    if table is None:
        return build()
    import zlib

    stamp = zlib.crc32(f"{os.path.basename(table)}|{key}".encode())
    prefix = f"confusion-{kind}-"
    path = os.path.join(os.path.dirname(table), f"{prefix}{stamp:08x}.pickle")
    try:
        with open(path, "rb") as fh:
            body = checked_file.body(magic, fh.read())
        loaded = None if body is None else pickle.loads(body)
        if isinstance(loaded, cls):
            with contextlib.suppress(OSError):  # used now: the newest files are kept
                os.utime(path)
            return loaded
    except Exception:  # a damaged or foreign file of any kind: build again, rewrite it
        pass
    value = build()
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        checked_file.write(path, checked_file.framed(magic, data), prefix=f".{kind}-")
        folder = os.path.dirname(path)
        old = sorted(
            (os.path.join(folder, n) for n in os.listdir(folder) if n.startswith(prefix)),
            key=os.path.getmtime,
            reverse=True,
        )
        for stale in old[_KEEP:]:
            os.unlink(stale)
    except OSError:
        pass
    return value
