"""Files soat's caches write: a fixed head, a CRC-32 of the body, the body; written whole.

The result cache (soat/lint/cache.py), the knowledge cache (soat/knowledge/cache.py), the
confusion table's cache (soat/vi/confusion_data.py) and the compiled patterns
(soat/regex_cache.py) all store bytes that a later process loads. Such a file may be half
written (a run killed mid-write), damaged, or written by another version: `body` returns its
body only when the head is the one asked for and the checksum holds, so that a reader never
unpickles or unmarshals bytes soat did not write whole; `write` replaces a file in one step
(a temporary file in the same folder, then `os.replace`), so that parallel runs never see a
partial one.
"""

from __future__ import annotations

import contextlib
import os
import zlib


def cache_dir() -> str:
    """The folder of soat's caches of built-in data: `$SOAT_CACHE_DIR`, else
    `$XDG_CACHE_HOME/soat`, else `~/.cache/soat`."""
    return os.environ.get("SOAT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "soat"
    )


def read(path: str) -> bytes:
    """The bytes of the file at `path` (OSError when it cannot be read), with system calls
    rather than `open()`'s buffered file object: the result cache reads one file per
    article checked."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        return read_fd(fd, os.fstat(fd).st_size)
    finally:
        os.close(fd)


def read_fd(fd: int, size: int) -> bytes:
    """Everything from `fd` on, `size` the file's size when it was asked: one read of a byte
    more is the whole file when it comes back short (a regular file reads short only at its
    end); a file that grew meanwhile is read on to its end."""
    data = os.read(fd, size + 1)
    if len(data) <= size:
        return data
    chunks = [data]
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    return b"".join(chunks)


def framed(head: bytes, body: bytes) -> bytes:
    """The bytes of a file holding `body` under `head`."""
    return head + zlib.crc32(body).to_bytes(4, "big") + body


def body(head: bytes, data: bytes) -> memoryview | None:
    """The body of `data` (a file's bytes), or None when it does not start with `head` or its
    checksum does not hold."""
    start = len(head) + 4
    if len(data) < start or not data.startswith(head):
        return None
    found = memoryview(data)[start:]
    if zlib.crc32(found).to_bytes(4, "big") != data[len(head) : start]:
        return None
    return found


def write(path: str, data: bytes, prefix: str = ".tmp-") -> None:
    """Replace the file at `path` by `data` in one step; OSError when that cannot be done
    (the temporary file is removed)."""
    import tempfile  # only a run that writes a cache needs it (not a cold start that reads)

    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path) or ".", prefix=prefix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
