"""What a reader of mis-encoded Vietnamese (soat/vi/legacy.py) needs before it builds any
table: the encodings' names for messages, and whether a text can hold a mis-encoded run at
all. Nearly every text cannot: TYP007 imports soat.vi.legacy and its codecs (~4 ms of a
cold start) only for the rare text that can.
"""

import re

# What each encoding is called in messages (Vietnamese, English).
NAMES = {
    "tcvn3": ("bảng mã TCVN3 (ABC, phông .VnTime)", "the TCVN3 (ABC) encoding"),
    "vni": ("bảng mã VNI-Windows", "the VNI-Windows encoding"),
    "viscii": ("bảng mã VISCII", "the VISCII encoding"),
    "cp1258": ("bảng mã Windows-1258", "the Windows-1258 encoding"),
    "utf8": ("UTF-8 bị đọc nhầm thành Windows-1252", "UTF-8 misread as Windows-1252"),
    "utf8x2": ("UTF-8 bị đọc nhầm hai lần", "UTF-8 misread as Windows-1252 twice"),
}

# Every scheme's telltales (`soat.vi.legacy._Scheme.telltales`) in one class, written out:
# text without one is told without building the encodings' tables, 7 ms on first use
# (tests/rules/test_fast_paths.py checks it against the schemes at every code point).
TELLTALES = (
    "\u0002\u0005-\u0006\u0014\u0019\u001e\u0081\u008d\u008f-\u0090\u009d\u00a2-\u00a6"
    "\u00a8-\u00aa\u00ac-\u00b5\u00b8-\u00be\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8"
    "\u00db-\u00dc\u00de-\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb-\u00fc"
    "\u00fe-\u00ff\u0152-\u0153\u0160-\u0161\u0178\u017d-\u017e\u0192\u02c6\u02dc\u20ac"
    "\u2122"
)
TELLTALE_RE = re.compile(f"[{TELLTALES}]")


def may_be_misencoded(text: str) -> bool:
    """Whether `text` has a character that every mis-encoded run has and that correct
    Vietnamese text lacks (a telltale of some scheme): without one, `find_misencoded` finds
    nothing."""
    return TELLTALE_RE.search(text) is not None
