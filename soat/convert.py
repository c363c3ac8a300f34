"""`soat convert`: files typed in a pre-Unicode Vietnamese encoding, rewritten as UTF-8 NFC.

A file is converted only when it is not UTF-8 and soat.vi.legacy names its encoding with
certainty; the text keeps its line endings, and the file is replaced atomically (as `--fix`
writes). UTF-8 files are left alone: garbled runs inside them are TYP007's to fix.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from soat.lint.diagnostic import Msg
from soat.lint.fixer import write_atomically
from soat.lint.formats import DecodeFailure, decode
from soat.vi.legacy import detect_bytes
from soat.vi.legacy_telltales import NAMES


@dataclass(frozen=True)
class Conversion:
    path: str
    message: Msg
    text: str | None = None  # the UTF-8 text, when the file can and should be converted
    original: str | None = None  # the file as its legacy bytes read (for --diff)
    failed: bool = False


def plan(path: str) -> Conversion:
    """What converting `path` would do, without writing."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return Conversion(
            path,
            Msg(f"không đọc được tệp: {exc.strerror}", f"cannot read the file: {exc.strerror}"),
            failed=True,
        )
    try:
        decode(data)
    except DecodeFailure:
        pass
    else:
        return Conversion(
            path,
            Msg(
                "đã là UTF-8 (đoạn mã cũ bên trong: soat check --fix --select TYP007)",
                "already UTF-8 (legacy runs inside it: soat check --fix --select TYP007)",
            ),
        )
    found = detect_bytes(data)
    if found is None:
        return Conversion(
            path,
            Msg(
                "không xác định chắc chắn được bảng mã; tệp được giữ nguyên",
                "the encoding cannot be named with certainty; the file is left as it is",
            ),
            failed=True,
        )
    encoding, text = found
    name_vi, name_en = NAMES[encoding]
    return Conversion(
        path,
        Msg(f"chuyển từ {name_vi} sang UTF-8", f"converted from {name_en} to UTF-8"),
        text=text,
        original=data.decode("latin-1"),
    )


def apply(conversion: Conversion) -> Conversion:
    """Write a planned conversion; a failed write is reported, not raised."""
    if conversion.text is None:
        return conversion
    try:
        write_atomically(conversion.path, conversion.text.encode("utf-8"))
    except OSError as exc:
        return Conversion(
            conversion.path,
            Msg(f"không ghi được tệp: {exc.strerror}", f"cannot write the file: {exc.strerror}"),
            failed=True,
        )
    return conversion


def diff(conversion: Conversion) -> str:
    """The unified diff of a planned conversion (the legacy side shown as Latin-1)."""
    if conversion.text is None or conversion.original is None:
        return ""
    return "".join(
        difflib.unified_diff(
            conversion.original.splitlines(keepends=True),
            conversion.text.splitlines(keepends=True),
            fromfile=conversion.path,
            tofile=conversion.path,
        )
    )
