"""The built-in place registry (soat/data/places.toml) and brand terms (terms.toml) are valid."""

import datetime as dt
import unicodedata
from importlib import resources

import pytest

from soat.knowledge import load_registry_text
from soat.vi.places import place_key

PLACES_TEXT = (resources.files("soat") / "data" / "places.toml").read_text("utf-8")
PLACES = load_registry_text("soat/data/places.toml", PLACES_TEXT, require_source=True).places
TERMS_TEXT = (resources.files("soat") / "data" / "terms.toml").read_text("utf-8")
TERMS = load_registry_text("soat/data/terms.toml", TERMS_TEXT, require_source=True).terms
PROVINCIAL = [p for p in PLACES if p.parent is None]
BY_NAME = {p.name: p for p in PROVINCIAL}
MERGER_EVE, MERGER_DAY = dt.date(2025, 6, 30), dt.date(2025, 7, 1)


def _valid_on(place, day):
    return (place.from_ is None or place.from_ <= day) and (
        place.until is None or day <= place.until
    )


def test_files_are_nfc():
    assert unicodedata.is_normalized("NFC", PLACES_TEXT)
    assert unicodedata.is_normalized("NFC", TERMS_TEXT)


def test_attribution_of_the_generated_data():
    assert "vietnamadminunits" in PLACES_TEXT and "MIT" in PLACES_TEXT
    assert all(p.source and "vietnamadminunits" in p.source for p in PLACES)


def test_63_provincial_units_before_the_merger_and_34_after():
    assert len([p for p in PROVINCIAL if _valid_on(p, MERGER_EVE)]) == 63
    assert len([p for p in PROVINCIAL if _valid_on(p, MERGER_DAY)]) == 34


def test_the_29_merged_units_name_a_current_unit():
    merged = [p for p in PROVINCIAL if p.until is not None]
    assert len(merged) == 29
    for place in merged:
        assert place.until == MERGER_EVE
        assert place.merged_into in BY_NAME and BY_NAME[place.merged_into].until is None


@pytest.mark.parametrize(
    "old, new",
    [
        ("Yên Bái", "Lào Cai"),
        ("Hà Giang", "Tuyên Quang"),
        ("Bình Dương", "Hồ Chí Minh"),
        ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),
        ("Hải Dương", "Hải Phòng"),
        ("Quảng Nam", "Đà Nẵng"),
        ("Hậu Giang", "Cần Thơ"),
        ("Sóc Trăng", "Cần Thơ"),
        ("Đắk Nông", "Lâm Đồng"),
        ("Bình Thuận", "Lâm Đồng"),
        ("Kon Tum", "Quảng Ngãi"),
        ("Bạc Liêu", "Cà Mau"),
    ],
)
def test_merger_map_matches_the_resolution(old, new):
    assert BY_NAME[old].merged_into == new


def test_six_centrally_run_cities():
    cities = {p.name for p in PROVINCIAL if p.until is None and p.kind == "thành phố"}
    assert cities == {"Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}


def test_district_level_units_have_a_known_parent_and_end_with_the_district_level():
    districts = [p for p in PLACES if p.parent is not None]
    assert len(districts) > 600
    assert {p.kind for p in districts} == {"quận", "huyện", "thị xã", "thành phố"}
    assert all(p.parent in BY_NAME and p.until == MERGER_EVE for p in districts)


def test_no_duplicate_places():
    keys = [(place_key(p.name), p.kind, p.parent) for p in PLACES]
    assert len(keys) == len(set(keys))


def test_terms_are_unique_and_sourced():
    forms = [f.casefold() for t in TERMS for f in (t.preferred, *t.variants)]
    assert len(forms) == len(set(forms))
    assert all(t.source for t in TERMS)


@pytest.mark.parametrize(
    "brand",
    [
        "Facebook",
        "YouTube",
        "Zalo",
        "TikTok",
        "Google",
        "Microsoft",
        "iPhone",
        "Messenger",
        "Viettel",
        "VNPT",
        "VNeID",
        "VssID",
        "MoMo",
    ],
)
def test_required_brands(brand):
    assert brand in {t.preferred for t in TERMS}
