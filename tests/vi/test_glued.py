"""soat.vi.glued: capitals, numbers and underscores glued to a word."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.vi.glued import find_glued_tokens

GLUED = [
    ("Cán bộ UBNDphường Bến Nghé", [("UBNDphường", "UBND phường")]),
    ("trường THPTchuyên Lê Quý Đôn", [("THPTchuyên", "THPT chuyên")]),
    ("Theo PVLao Động", [("PVLao", "PV Lao")]),
    ("Vân Hồng - CTVTrần Hồng", [("CTVTrần", "CTV Trần")]),
    (
        "có 3ngày, 150hộ dân, 20suất quà",
        [("3ngày", "3 ngày"), ("150hộ", "150 hộ"), ("20suất", "20 suất")],
    ),
    ("tại Hà_Nội nhé", [("Hà_Nội", "Hà Nội")]),
    ("đón 100sinh viên", [("100sinh", "100 sinh")]),
    (
        "lở_mồm_long_móng",
        [("lở_mồm", "lở mồm"), ("mồm_long", "mồm long"), ("long_móng", "long móng")],
    ),
]

QUIET = [
    "PVOil PVComBank VnExpress TPBank VPBank HDBank VNPay MBBank",
    "VNPay Việt Nam",
    "5G 4.0 COVID-19 H5N1 U23 F0",
    "8h30 15h 50.000đ 2ha 2,5ha m2 100m2 2km 5kg 100m 20cm",
    "kenh14.vn 2sao.vn https://vnexpress.net/bai-2ngay.html",
    "Y MBrâng, KLong, TCty, TTg, QUốc, SDGs, KOLs, ESport",
    "@PM_ViktorOrban le_Parisien KEE_Wii vera_kravth",
    "xe 49C-227.xx, tàu CM-05144.TS, số 12/2022ngày",
    "máy bay Airbus 320neo",
]


@pytest.mark.parametrize("text,expected", GLUED)
def test_glued(text, expected):
    found = find_glued_tokens(text)
    assert [(text[g.start : g.end], g.replacement) for g in found] == expected
    assert [g.written for g in found] == [w for w, _ in expected]


@pytest.mark.parametrize("text", QUIET)
def test_quiet(text):
    assert find_glued_tokens(text) == []


@given(st.text(alphabet="aAbBđĐưƯờỜhHnN0123456789_ .-/,", max_size=40))
def test_cut_inside_and_replacement_is_the_split(text):
    for g in find_glued_tokens(text):
        assert g.start < g.cut < g.end <= len(text)
        written = text[g.start : g.end]
        assert g.written == written
        k = g.cut - g.start
        skip = 1 if g.kind == "underscore" else 0
        assert g.replacement == written[:k] + " " + written[k + skip :]
