"""The built-in organisation registry (soat/data/organizations.toml) is valid and complete."""

import datetime as dt
import unicodedata
from importlib import resources

import pytest

from soat.knowledge import load_registry_text
from soat.vi.text import fold_case as fold

TEXT = (resources.files("soat") / "data" / "organizations.toml").read_text("utf-8")
ORGS = load_registry_text("soat/data/organizations.toml", TEXT, require_source=True).organizations
BY_NAME = {o.name: o for o in ORGS}


def _valid_on(org, day):
    return (org.from_ is None or org.from_ <= day) and (org.until is None or day <= org.until)


def _federations_on(day):
    return [o for o in ORGS if o.kind == "provincial-federation" and _valid_on(o, day)]


def test_file_is_nfc():
    assert unicodedata.is_normalized("NFC", TEXT)


def test_every_entry_has_a_source():
    assert all(o.source for o in ORGS)


def test_keys_are_unique():
    keys = [(o.name, o.from_) for o in ORGS]
    assert len(keys) == len(set(keys))


def test_every_name_and_abbreviation_names_one_organisation():
    seen = {}
    for o in ORGS:
        for n in o.all_names:
            assert seen.setdefault(fold(n), o.name) == o.name, f"{n!r} names two organisations"


@pytest.mark.parametrize(
    "day,count",
    [
        (dt.date(2024, 6, 1), 63),
        (dt.date(2025, 6, 30), 63),
        (dt.date(2025, 7, 1), 34),
        (dt.date(2026, 1, 1), 34),
    ],
)
def test_provincial_federations_before_and_after_the_2025_merger(day, count):
    assert len(_federations_on(day)) == count


def test_absorbed_federations_point_at_a_current_one():
    after = {o.name for o in _federations_on(dt.date(2025, 7, 1))}
    absorbed = [o for o in ORGS if o.kind == "provincial-federation" and o.until]
    assert len(absorbed) == 30  # 29 absorbed provinces and Thừa Thiên Huế (renamed Huế)
    for o in absorbed:
        assert o.merged_into in after, o.name


@pytest.mark.parametrize(
    "name",
    [
        "Tổng Liên đoàn Lao động Việt Nam",
        "Ban Tuyên giáo Tổng Liên đoàn Lao động Việt Nam",
        "Ban Chính sách - Pháp luật Tổng Liên đoàn Lao động Việt Nam",
        "Ban Nữ công Tổng Liên đoàn Lao động Việt Nam",
        "Ban Tổ chức Tổng Liên đoàn Lao động Việt Nam",
        "Công đoàn Viên chức Việt Nam",
        "Công đoàn Giáo dục Việt Nam",
        "Liên đoàn Lao động thành phố Hải Phòng",
        "Liên đoàn Lao động tỉnh Bắc Giang",
    ],
)
def test_known_organisations_are_present(name):
    assert name in BY_NAME


def test_vgcl_abbreviation():
    assert "Tổng LĐLĐ Việt Nam" in BY_NAME["Tổng Liên đoàn Lao động Việt Nam"].abbreviations
