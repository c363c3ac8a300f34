"""The built-in registries are true, or say they are not sure (issue 15).

Every built-in entry carries provenance a reviewer can follow (a URL and the quoted words),
or `verified = false`; generated groups carry one file-level provenance. The data must also
be plausible on its own: dates inside the term of the symbol, numbers in date order within a
term, one entry per key, every issuer a known body.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from collections import defaultdict
from importlib import resources

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from soat.knowledge import (
    DOCUMENT_FACTS,
    builtin_knowledge,
    document_key,
    load_registry_text,
)
from soat.vi.citation_matching import issuers_agree, party_term

DATA = resources.files("soat") / "data"
DOC_TEXT = (DATA / "documents.toml").read_text("utf-8")
DOCS = load_registry_text("soat/data/documents.toml", DOC_TEXT, require_source=True).documents
ORG_TEXT = (DATA / "organizations.toml").read_text("utf-8")
ORG_DATA = tomllib.loads(ORG_TEXT)
ORGS = load_registry_text("soat/data/organizations.toml", ORG_TEXT).organizations

# A source a reviewer can follow: an address and the words quoted from it.
_URL_RE = re.compile(r"https?://\S+")
_QUOTE_RE = re.compile(r"“[^”]{8,}")


def has_url_and_quote(source: str | None) -> bool:
    return bool(source and _URL_RE.search(source) and _QUOTE_RE.search(source))


def fully_unverified(entry) -> bool:
    return entry.unverified == frozenset(DOCUMENT_FACTS)


def test_documents_file_is_nfc():
    assert unicodedata.is_normalized("NFC", DOC_TEXT)


@pytest.mark.parametrize("entry", DOCS, ids=lambda d: f"{d.number}@{d.date}")
def test_every_document_cites_a_url_and_quote_or_says_it_is_unverified(entry):
    assert has_url_and_quote(entry.source) or fully_unverified(entry), (
        f"{entry.number}: source needs a URL and the quoted words, or verified = false"
    )


def test_the_provenance_test_catches_an_entry_without_a_source():
    bad = load_registry_text(
        "r.toml", '[[document]]\nnumber = "1/2020/NĐ-CP"\nsource = "recalled from memory"\n'
    ).documents[0]
    assert not has_url_and_quote(bad.source) and not fully_unverified(bad)
    ok = load_registry_text(
        "r.toml", '[[document]]\nnumber = "1/2020/NĐ-CP"\nsource = "x"\nverified = false\n'
    ).documents[0]
    assert fully_unverified(ok)


@pytest.mark.parametrize("name", ["documents", "organizations", "places", "terms"])
def test_no_recalled_facts_marked_k_are_left(name):
    assert "[K]" not in (DATA / f"{name}.toml").read_text("utf-8")


def test_every_organisation_cites_a_url_and_quote_or_says_it_is_unverified():
    group = ORG_DATA["meta"]["provincial-federations"]["source"]
    assert has_url_and_quote(group)
    for o in ORGS:
        if o.kind == "provincial-federation":
            continue  # the generated group: file-level provenance above
        assert has_url_and_quote(o.source) or not o.verified, o.name


@pytest.mark.parametrize("name", ["places", "terms"])
def test_generated_registries_carry_a_file_level_provenance(name):
    meta = tomllib.loads((DATA / f"{name}.toml").read_text("utf-8")).get("meta", {})
    assert meta.get("source"), f"{name}.toml needs [meta] source"
    if name == "places":
        assert _URL_RE.match(meta.get("url", "")), "places.toml names the dataset's address"


def test_no_two_documents_share_a_key():
    keys = [document_key(d) for d in DOCS]
    dupes = {k for k in keys if keys.count(k) > 1}
    assert not dupes


def test_the_removed_unsupported_entry_stays_removed():
    assert not [d for d in DOCS if d.number == "1156/HD-TLĐ"]


# --- plausibility --------------------------------------------------------------------------

_LAW_RE = re.compile(r"^(\d+)/(\d{4})/QH(\d+)$")
_DECREE_RE = re.compile(r"^(\d+)/(\d{4})/NĐ-CP$")
_PARTY_NQ_RE = re.compile(r"^(\d+)-NQ/TW$")


def legislature_years(n: int) -> range:
    """Calendar years a National Assembly of the n-th term sits in: the 13th was elected in
    May 2011 and each term lasts five years, so the n-th starts in 2011 + 5 (n - 13) and the
    next one takes over in the middle of the fifth year."""
    start = 2011 + 5 * (n - 13)
    return range(start, start + 6)


def _dated(pattern):
    out = []
    for d in DOCS:
        m = pattern.match(d.number)
        if m and d.date is not None and d.verified("date"):
            out.append((m, d))
    return out


def test_law_dates_fall_in_the_year_and_legislature_of_their_symbol():
    laws = _dated(_LAW_RE)
    assert len(laws) >= 8
    for m, d in laws:
        number, year, term = (int(g) for g in m.groups())
        assert d.date.year == year, d.number
        assert year in legislature_years(term), d.number


def test_law_numbers_are_in_date_order_within_a_legislature():
    by_term = defaultdict(list)
    for m, d in _dated(_LAW_RE):
        by_term[int(m.group(3))].append((int(m.group(1)), d.date, d.number))
    for laws in by_term.values():
        laws.sort()
        dates = [date for _, date, _ in laws]
        assert dates == sorted(dates), f"numbers out of date order: {laws}"


def test_decree_numbers_are_in_date_order_within_a_year():
    by_year = defaultdict(list)
    for m, d in _dated(_DECREE_RE):
        assert d.date.year == int(m.group(2)), d.number
        by_year[int(m.group(2))].append((int(m.group(1)), d.date, d.number))
    for decrees in by_year.values():
        decrees.sort()
        dates = [date for _, date, _ in decrees]
        assert dates == sorted(dates), f"numbers out of date order: {decrees}"


def test_party_resolution_numbers_are_in_date_order_within_a_term():
    by_term = defaultdict(list)
    for m, d in _dated(_PARTY_NQ_RE):
        term = party_term(d.date.day, d.date.month, d.date.year)
        by_term[term].append((int(m.group(1)), d.date, d.number))
    assert len(by_term) >= 2
    for resolutions in by_term.values():
        resolutions.sort()
        dates = [date for _, date, _ in resolutions]
        assert dates == sorted(dates), f"numbers out of date order: {resolutions}"


def test_the_plausibility_checks_catch_the_old_date_of_the_law_on_trade_unions():
    # 50/2024/QH15 was once dated 27/6/2024: before law 41/2024/QH15 of 29/6/2024.
    laws = [(41, dt.date(2024, 6, 29)), (50, dt.date(2024, 6, 27))]
    assert [d for _, d in sorted(laws)] != sorted(d for _, d in laws)


def test_replacements_and_in_force_dates_are_consistent():
    by_number = {d.number: d for d in DOCS}
    for d in DOCS:
        if d.replaced_by:
            new = by_number.get(d.replaced_by)
            assert new is not None, f"{d.number} replaced by an unregistered document"
            assert new.date is not None and d.date is not None and new.date > d.date
            if new.in_force is not None and d.in_force is not None:
                assert new.in_force > d.in_force
        if d.in_force is not None and d.date is not None:
            assert d.in_force >= d.date, d.number


# The central bodies of the Party and the State that issue the registered documents; the
# union's own bodies are in organizations.toml. The names are those the sources quoted in
# documents.toml use ("Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư", "Quốc hội",
# "Chính phủ", "Thủ tướng Chính phủ").
CENTRAL_BODIES = (
    "Ban Chấp hành Trung ương",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Quốc hội",
    "Chính phủ",
    "Thủ tướng Chính phủ",
)


def _known_body(issuer: str) -> bool:
    knowledge = builtin_knowledge()
    if issuer in CENTRAL_BODIES or knowledge.organization(issuer) is not None:
        return True
    return any(issuers_agree(issuer, o.name) for o in ORGS if o.kind != "provincial-federation")


@pytest.mark.parametrize("entry", [d for d in DOCS if d.issuer], ids=lambda d: d.number)
def test_every_issuer_is_a_known_body(entry):
    assert _known_body(entry.issuer), entry.issuer


def test_an_unknown_issuer_is_caught():
    assert not _known_body("Ban Chỉ đạo Trung ương về phòng, chống lụt bão")
