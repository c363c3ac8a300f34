"""The pre-Unicode Vietnamese encodings themselves: how each writes a letter, as a Unicode
(Windows-1252) reader shows the bytes, and how to read such text back.

TCVN3, VNI and VISCII are tables (soat/data/legacy_encodings.toml, built by
tools/build_legacy_tables.py); Windows-1258 and UTF-8 misread as Windows-1252 use Python's
codecs. soat/vi/legacy.py finds mis-encoded runs and whole files with these.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import functools
import re
import unicodedata
from typing import NamedTuple

from soat.vi.data_files import data_path

DATA = data_path("legacy_encodings.toml")


class _Table(NamedTuple):
    name: str
    decode_map: dict[str, str]  # legacy spelling (1–2 characters) -> Unicode letter
    encode_map: dict[str, str]  # Unicode letter -> legacy spelling
    pattern: re.Pattern[str]  # longest legacy spelling first
    marks: frozenset[str]  # the non-ASCII characters the encoding writes letters with

    def decode(self, text: str) -> str:
        return self.pattern.sub(lambda m: self.decode_map[m.group()], text)

    def encode(self, text: str) -> str:
        return "".join(self.encode_map.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


@functools.lru_cache(maxsize=1)
def tables() -> dict[str, _Table]:
    from soat.toml import tomllib  # a text in a legacy encoding is rare: not every run needs it

    with open(DATA, "rb") as fh:
        data = tomllib.load(fh)
    out = {}
    for name in ("tcvn3", "vni", "viscii"):
        encode_map = {k: v for k, v in data[name].items() if k != v}
        decode_map = {v: k for k, v in encode_map.items()}
        keys = sorted(decode_map, key=len, reverse=True)
        marks = frozenset(
            ch for key in decode_map for ch in key if ord(ch) > 0x7F or ord(ch) < 0x20
        )
        pattern = re.compile("|".join(re.escape(k) for k in keys))
        out[name] = _Table(name, decode_map, encode_map, pattern, marks)
    return out


def encode(text: str, encoding: str) -> str:
    """`text` as a Unicode reader shows it after writing it in `encoding` (for tests and
    fixtures: the inverse of the repair)."""
    if encoding in ("tcvn3", "vni", "viscii"):
        return tables()[encoding].encode(text)
    if encoding == "cp1258":
        return as_cp1252(_encode_cp1258(text))
    if encoding == "utf8":
        return as_cp1252(text.encode("utf-8"))
    if encoding == "utf8x2":
        return encode(encode(text, "utf8"), "utf8")
    raise ValueError(f"unknown encoding {encoding!r}")


# --- Windows-1258 and UTF-8 through Windows-1252 ------------------------------------------

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # the marks Windows-1258 writes as separate bytes


def _encode_cp1258(text: str) -> bytes:
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        tones = "".join(c for c in decomposed if c in _TONES)
        out += (base + tones).encode("cp1258")
    return bytes(out)


def as_cp1252(data: bytes) -> str:
    return "".join(SEEN[b] for b in data)


def _seen(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)  # unassigned in Windows-1252: Windows shows the C1 control


SEEN = [_seen(b) for b in range(256)]
# What a reader shows -> the byte: Windows-1252 and Latin-1 readings both.
_BYTE = {ch: b for b, ch in enumerate(SEEN)} | {chr(b): b for b in range(0x80, 0xA0)}


def _to_bytes(text: str) -> bytes | None:
    out = bytearray()
    for ch in text:
        b = _BYTE.get(ch, ord(ch) if ord(ch) < 0x80 else None)
        if b is None:
            return None
        out.append(b)
    return bytes(out)


def _decode_as(word: str, codec: str) -> str | None:
    """`word`'s bytes as seen, decoded with `codec` (None: a byte the codec leaves unassigned
    or a sequence it cannot read)."""
    data = _to_bytes(word)
    if data is None:
        return None
    try:
        return unicodedata.normalize("NFC", data.decode(codec))
    except UnicodeDecodeError:
        return None


def decode_cp1258(word: str) -> str | None:
    return _decode_as(word, "cp1258")


def decode_utf8(word: str) -> str | None:
    return _decode_as(word, "utf-8")


def decode_utf8_twice(word: str) -> str | None:
    once = decode_utf8(word)
    return decode_utf8(once) if once is not None and once != word else None


# Windows-1258 bytes that a Windows-1252 reader shows differently (letters and tone marks).
CP1258_MARKS = frozenset(
    SEEN[b] for b in range(0x80, 0x100) if bytes([b]).decode("cp1258", "replace") != SEEN[b]
)
# UTF-8 lead bytes of Vietnamese letters (U+00C0–U+01B0 and U+1EA0–U+1EF9) as seen.
UTF8_MARKS = frozenset(SEEN[b] for b in (0xC3, 0xC4, 0xC5, 0xC6, 0xE1))
