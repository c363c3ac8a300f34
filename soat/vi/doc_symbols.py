"""Numbers and symbols of official documents (số, ký hiệu) and their canonical spelling.

Three families (docs/domain.md §1): Party "02-NQ/TW" (number, hyphen, type, slash, issuer),
State administrative "2214/QĐ-TTg" (number, slash, type and issuer joined by hyphens; a
công văn has no type: "1363/TLĐ-CSPL"), and State legal with a year "30/2020/NĐ-CP",
"50/2024/QH15". `find_symbols` finds candidates, including malformed ones ("1406 / QĐ - TLĐ",
"29/NQ-TW", "18-NQ/T.Ư"); `Symbol.problems` says what is wrong and `Symbol.canonical` is the
correct spelling.
"""

# No `from __future__ import annotations`: the fields of its named tuples stay types
# (docs/architecture.md §10).

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import NamedTuple

LOOKALIKES = {
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\ufe63": "-",
    "\uff0d": "-",
    "\u2044": "/",
    "\u2215": "/",
    "\uff0f": "/",
    "\u00d0": "Đ",
    "\u00f0": "đ",
}
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"
_SLASHES = "/\u2044\u2215\uff0f"
_LETTER = r"[^\W\d_]"

# Codes written in mixed case on purpose; never "fixed" to capitals.
MIXED_CASE = {c.upper(): c for c in ("TTg", "TTr", "CTr", "QyĐ", "TrS", "QĐi", "CTrPH")}
# D written for Đ, only where the D-form is not itself a valid code (HD, DA are valid).
D_FOR_DJ = {
    "QD": "QĐ",
    "ND": "NĐ",
    "QYD": "QyĐ",
    "CD": "CĐ",
    "HDND": "HĐND",
    "TLD": "TLĐ",
    "LDLD": "LĐLĐ",
    "QDI": "QĐi",
    "BLDTBXH": "BLĐTBXH",
    "DCT": "ĐCT",
    "BGDDT": "BGDĐT",
}

PARTY_TYPES = frozenset(
    {
        "NQ",
        "QĐ",
        "QĐi",
        "CT",
        "KL",
        "QC",
        "BC",
        "CTr",
        "TT",
        "TTr",
        "HD",
        "TB",
        "KH",
        "ĐA",
        "CV",
        "QyĐ",
        "TC",
    }
)
PARTY_ISSUERS = frozenset(
    {
        "TW",
        "TU",
        "HU",
        "ĐU",
        "QU",
        "TX",
        "VPTW",
        "VPTU",
        "UBKTTW",
        "UBKTTU",
        "BTGTW",
        "BTCTW",
        "BDVTW",
        "BNCTW",
        "BTGDVTW",
        "BCSĐ",
        "ĐĐ",
        "ĐUK",
        "ĐUQSTW",
        "ĐUCA",
        "BTGTU",
        "BTCTU",
        "BDVTU",
        "UBKTHU",
        "ĐUKCQTW",
        "ĐUKDNTW",
        "ĐUCQTW",
        "ĐUDNTW",
    }
)
STATE_TYPES = frozenset(
    {
        "NQ",
        "QĐ",
        "CT",
        "QC",
        "QyĐ",
        "TC",
        "TB",
        "HD",
        "CTr",
        "KH",
        "PA",
        "ĐA",
        "DA",
        "BC",
        "BB",
        "TTr",
        "HĐ",
        "CĐ",
        "BGN",
        "BTT",
        "GUQ",
        "GM",
        "GGT",
        "GNP",
        "PG",
        "PC",
        "PB",
        "SY",
        "TrS",
        "SL",
        "NĐ",
        "TT",
        "TTLT",
        "NQLT",
        "L",
        "PL",
        "VBHN",
        "KL",
        "CTrPH",
        "QĐLT",
    }
)
# Issuers that only the State and the union use; a symbol ending "/TTg" is never Party-style.
STATE_ISSUERS = frozenset(
    {
        "TTg",
        "CP",
        "TLĐ",
        "ĐCT",
        "BCH",
        "UBND",
        "HĐND",
        "BNV",
        "BTC",
        "BLĐTBXH",
        "BYT",
        "BCA",
        "BQP",
        "BGDĐT",
        "BXD",
        "BCT",
        "BTP",
        "BKHĐT",
        "BTTTT",
        "BVHTTDL",
        "BNNPTNT",
        "BTNMT",
        "BGTVT",
        "NHNN",
        "VPCP",
        "BHXH",
        "LĐLĐ",
        "BKHCN",
        "BNG",
        "BNNMT",
        "BDTTG",
        "VKSNDTC",
        "TANDTC",
        "KTNN",
        "UBTVQH",
    }
)
YEAR_REQUIRED_TYPES = frozenset({"NĐ", "TT", "TTLT"})
_QH_RE = re.compile(r"^(?:UBTV)?QH\d{1,2}$")

# One candidate: number, separator, optional year and separator, then code groups.
_SEP = r"\s*[" + _DASHES + _SLASHES + r"]\s*"
_CODE = _LETTER + r"(?:[^\W_]|\.(?=" + _LETTER + r"))*"
# The look-behind sits after the first digit ("\d(?<!\w\d)" is "(?<!\w)\d"): a pattern that
# starts with a character set is scanned for it in C, 2x faster.
_CANDIDATE_RE = re.compile(
    r"(\d(?<![\w/.\-]\d)\d{0,4}[a-z]?)(" + _SEP + r")(?:((?:19|20)\d{2})(" + _SEP + r"))?"
    r"(" + _CODE + r")((?:" + _SEP + _CODE + r"){0,4})(?![\w/])"
)
_SEP_SPLIT_RE = re.compile(r"(" + _SEP + r")")


class Symbol(NamedTuple):
    """A number-and-symbol as written, with its parts and what is wrong with it."""

    start: int
    end: int
    text: str
    number: str
    year: int | None
    codes: tuple[str, ...]  # canonical case, e.g. ("QĐ", "TTg")
    family: str  # "party" | "state" | "legal"
    canonical: str
    problems: tuple[str, ...] = ()

    @property
    def type_code(self) -> str | None:
        """The type abbreviation (NQ, QĐ, HD …), or None for a công văn or a law."""
        if self.family == "party":
            return self.codes[0]
        first = self.codes[0]
        if first in STATE_TYPES and len(self.codes) > 1:
            return first
        return None

    @property
    def issuer_codes(self) -> tuple[str, ...]:
        if self.family == "party":
            return self.codes[1:]
        return self.codes[1:] if self.type_code else self.codes

    @property
    def key(self) -> str:
        """The canonical symbol: what two citations of one document have in common."""
        return self.canonical

    @property
    def well_formed(self) -> bool:
        return not self.problems


def normalize_lookalikes(text: str) -> str:
    return "".join(LOOKALIKES.get(c, c) for c in unicodedata.normalize("NFC", text))


def canonical_code(code: str) -> tuple[str, list[str]]:
    """The canonical spelling of one code group and the problems found in it."""
    problems = []
    fixed = normalize_lookalikes(code)
    if fixed != code:
        problems.append("lookalike")
    upper = fixed.upper()
    if upper in ("TƯ", "T.Ư", "T.W", "TW"):
        if upper != "TW":
            problems.append("tu-for-tw")
        elif fixed != "TW":
            problems.append("lowercase" if fixed.islower() else "case")
        return "TW", problems
    if "." in fixed:
        return fixed, problems
    if upper in D_FOR_DJ and upper != D_FOR_DJ[upper].upper():
        problems.append("d-for-dj")
        return D_FOR_DJ[upper], problems
    if upper in MIXED_CASE:
        canon = MIXED_CASE[upper]
    elif fixed == fixed.upper():
        return fixed, problems
    elif (
        fixed == fixed.lower()
        or upper in STATE_TYPES | PARTY_TYPES | STATE_ISSUERS | PARTY_ISSUERS
        or _QH_RE.match(upper)
    ):
        canon = upper
    else:
        return fixed, problems  # an unknown mixed-case code: as written
    if canon != fixed:
        problems.append("lowercase" if fixed == fixed.lower() else "case")
    return canon, problems


_KNOWN_UPPER = frozenset(
    {k.upper() for k in STATE_TYPES | PARTY_TYPES | STATE_ISSUERS | PARTY_ISSUERS}
    | set(MIXED_CASE)
    | set(D_FOR_DJ)
)


def _is_codeish(code: str) -> bool:
    """Looks like an abbreviation: capitals, or a known code in any case but a capital first."""
    c = normalize_lookalikes(code)
    if not c[:1].isupper():
        return False
    upper = c.upper()
    if c == upper or upper in ("TƯ", "T.Ư"):
        return True
    return upper in _KNOWN_UPPER


def parse_symbol(text: str, start: int = 0, *, in_citation: bool = False) -> Symbol | None:
    """Parse one candidate (as matched by `find_symbols`); None if it is not a symbol.

    `in_citation` says a type word ("Nghị quyết số") comes right before: then lowercase and
    spaced forms are accepted as symbols too.
    """
    m = _CANDIDATE_RE.fullmatch(text)
    if not m:
        return None
    number, sep1, year_text, sep_year, first, rest = m.groups()
    pieces = _SEP_SPLIT_RE.split(rest)[1:]  # [sep, code, sep, code, …]
    seps = [sep1] + ([sep_year] if year_text else []) + pieces[0::2]
    codes_raw = [first] + pieces[1::2]
    year = int(year_text) if year_text else None
    if year is None and len(codes_raw) < 2 and not (in_citation and _QH_RE.match(first.upper())):
        return None
    if not in_citation and not all(_is_codeish(c) for c in codes_raw):
        return None
    problems: list[str] = []
    if any(s != s.strip() for s in seps):
        problems.append("spaces")
    bare = [normalize_lookalikes(s.strip()) for s in seps]
    if any(normalize_lookalikes(s.strip()) != s.strip() for s in seps):
        problems.append("lookalike")
    codes = []
    for c in codes_raw:
        canon, probs = canonical_code(c)
        codes.append(canon)
        problems.extend(p for p in probs if p not in problems)
    if year is not None:
        family = "legal"
        canonical = f"{number}/{year}/" + "-".join(codes)
        if bare[0] != "/" or bare[1] != "/" or any(s != "-" for s in bare[2:]):
            problems.append("order")
    else:
        party_shape = len(codes) == 2 and bare == ["-", "/"]
        state_shape = bare[0] == "/" and all(s == "-" for s in bare[1:])
        issuer = codes[-1]
        if len(codes) == 2 and issuer in PARTY_ISSUERS and codes[0] in PARTY_TYPES:
            family = "party"
            if not party_shape:
                problems.append("order")
        elif party_shape and issuer in PARTY_ISSUERS:
            family = "party"
        elif party_shape and issuer not in STATE_ISSUERS:
            family = "party"  # an issuer we do not know: keep the shape as written
        elif state_shape or (
            len(codes) >= 2 and (codes[0] in STATE_TYPES or issuer in STATE_ISSUERS)
        ):
            family = "state"
            if not state_shape:
                problems.append("order")
        else:
            return None
        if family == "party":
            canonical = f"{number}-{codes[0]}/{codes[1]}"
        else:
            canonical = f"{number}/" + "-".join(codes)
        if family == "state" and (
            codes[0] in YEAR_REQUIRED_TYPES or (len(codes) == 1 and _QH_RE.match(codes[0]))
        ):
            problems.append("missing-year")
    return Symbol(
        start,
        start + len(text),
        text,
        number,
        year,
        tuple(codes),
        family,
        canonical,
        tuple(dict.fromkeys(problems)),
    )


def find_symbols(text: str, citation_starts: frozenset[int] = frozenset()) -> list[Symbol]:
    """Every document symbol in `text`. Offsets in `citation_starts` are where a type word
    ("Nghị quyết số ") ends, so that a malformed symbol there is accepted."""
    out = []
    for m in _CANDIDATE_RE.finditer(text):
        sym = parse_symbol(m.group(), m.start(), in_citation=m.start() in citation_starts)
        if sym is not None:
            out.append(sym)
    return out


def candidates(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _CANDIDATE_RE.finditer(text)]


def texts_with_candidates(texts: Sequence[str]) -> list[int]:
    """Indexes of the `texts` that hold a candidate (`candidates(text)` is not empty), found by
    searching them joined by NUL characters, one search per text that holds one: the regex
    matches no NUL and reads one as it reads the start or end of a text (neither a word
    character nor a slash, dot or dash). With a NUL in a text, each is searched alone."""
    joined = "\x00".join(texts)
    if joined.count("\x00") != len(texts) - 1:
        return [k for k, text in enumerate(texts) if _CANDIDATE_RE.search(text)]
    bounds = list(accumulate((len(text) + 1 for text in texts), initial=0))
    found = []
    m = _CANDIDATE_RE.search(joined)
    while m is not None:
        k = bisect_right(bounds, m.start()) - 1
        found.append(k)
        m = _CANDIDATE_RE.search(joined, bounds[k + 1])
    return found


# The Party writes its regulations 37-QĐi/TW and, just as often, 37-QĐ/TW (docs/domain.md §1.2:
# accept both): one key for both spellings.
_PARTY_QDI_RE = re.compile(r"(?<=\d-)QĐI(?=/)")


def symbol_key(symbol: str) -> str:
    """The key under which two spellings of one document's symbol are equal: NFC, trimmed,
    upper case, and a Party regulation's "QĐi" read as "QĐ" ("37-QĐi/TW" = "37-QĐ/TW")."""
    return _PARTY_QDI_RE.sub("QĐ", unicodedata.normalize("NFC", symbol).strip().upper())
