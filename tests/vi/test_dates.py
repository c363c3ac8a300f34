"""Dates and weekdays (soat.vi.dates): every date style, cues for day/months without a year,
holiday names, weekday phrases; property tests."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.vi.dates import (
    attach_weekdays,
    find_dates,
    find_weekdays,
    format_date,
    is_valid_date,
    nd30_padding,
    paired_dates,
    weekday_of,
    weekday_text,
)

# (text, [(written, day, month, year, form, separator, day padded, month padded)])
DATES = [
    ("ngày 12/6/2021", [("12/6/2021", 12, 6, 2021, "numeric", "/", False, False)]),
    ("ngày 05/3/2020", [("05/3/2020", 5, 3, 2020, "numeric", "/", True, False)]),
    ("ngày 28/01/2008", [("28/01/2008", 28, 1, 2008, "numeric", "/", False, True)]),
    ("ngày 05/03/2020", [("05/03/2020", 5, 3, 2020, "numeric", "/", True, True)]),
    ("ngày 12-6-2021", [("12-6-2021", 12, 6, 2021, "numeric", "-", False, False)]),
    ("ngày 12.6.2021", [("12.6.2021", 12, 6, 2021, "numeric", ".", False, False)]),
    ("(23/06/2018)", [("23/06/2018", 23, 6, 2018, "numeric", "/", False, True)]),
    (
        "Hà Nội, ngày 05 tháng 01 năm 2020",
        [("05 tháng 01 năm 2020", 5, 1, 2020, "long", "", True, True)],
    ),
    ("ngày 29 tháng 6 năm 2019", [("29 tháng 6 năm 2019", 29, 6, 2019, "long", "", False, False)]),
    ("Ngày 5 tháng 3 năm 2020", [("5 tháng 3 năm 2020", 5, 3, 2020, "long", "", False, False)]),
    (
        "ngày 05 tháng 3 tháng 2020",
        [("05 tháng 3 tháng 2020", 5, 3, 2020, "long", "", True, False)],
    ),
    ("Sáng 21-11, hội nghị", [("21-11", 21, 11, None, "numeric", "-", False, False)]),
    ("Sáng nay (21-11), hội nghị", [("21-11", 21, 11, None, "numeric", "-", False, False)]),
    ("chiều 2/11 tại", [("2/11", 2, 11, None, "numeric", "/", False, False)]),
    ("hôm 27-10.", [("27-10", 27, 10, None, "numeric", "-", False, False)]),
    ("ngày 24.10, ông", [("24.10", 24, 10, None, "numeric", ".", False, False)]),
    ("thứ Hai (12/6)", [("12/6", 12, 6, None, "numeric", "/", False, False)]),
    (
        "từ 1/3 đến 5/3",
        [
            ("1/3", 1, 3, None, "numeric", "/", False, False),
            ("5/3", 5, 3, None, "numeric", "/", False, False),
        ],
    ),
    (
        "ngày 2/9 và 3/9",
        [
            ("2/9", 2, 9, None, "numeric", "/", False, False),
            ("3/9", 3, 9, None, "numeric", "/", False, False),
        ],
    ),
    ("ngày 31/4", [("31/4", 31, 4, None, "numeric", "/", False, False)]),
    ("hôm 23/20:", [("23/20", 23, 20, None, "numeric", "/", False, False)]),
    (
        "ngày 15/10/2017 - 20/11/2017",
        [
            ("15/10/2017", 15, 10, 2017, "numeric", "/", False, False),
            ("20/11/2017", 20, 11, 2017, "numeric", "/", False, False),
        ],
    ),
]

NOT_DATES = [
    "số 31/4 đường Lê Lợi",
    "hẻm 30/2",
    "3/4 số xã",
    "5/10 - 20",
    "án tù từ 5-15 năm",
    "từ 3-5 tháng",
    "sâu từ 1-2 m",
    "từ 15.8 - 18.8ºC",
    "sáng 9.30",
    "giá 3.000 đồng",
    "phiên bản 1.2.3",
    "tỷ lệ 2/3",
    "tháng 3/2020",
    "30/2020/NĐ-CP",
    "58/HD-TLĐ",
    "nhiệt độ từ 16-19 độ C",
    "tăng 1.5",
]


@pytest.mark.parametrize("text,expected", DATES)
def test_find_dates(text, expected):
    got = [
        (
            text[d.start : d.end],
            d.day,
            d.month,
            d.year,
            d.form,
            d.separator,
            d.day_padded,
            d.month_padded,
        )
        for d in find_dates(text)
    ]
    assert got == expected


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert find_dates(text) == []


@pytest.mark.parametrize(
    "text,holiday",
    [
        ("dịp lễ ngày 30-4", True),
        ("ngày 1-5", True),
        ("ngày 2-9", True),
        ("ngày 20-11", True),
        ("ngày 28-7", True),
        ("ngày 17-2", False),
        ("ngày 30-4-1975", False),
    ],
)
def test_holidays(text, holiday):
    (d,) = find_dates(text)
    assert d.holiday is holiday


@pytest.mark.parametrize(
    "day,month,year,valid",
    [
        (31, 4, 2024, False),
        (30, 2, None, False),
        (29, 2, None, True),
        (29, 2, 2023, False),
        (29, 2, 2024, True),
        (29, 2, 1900, False),
        (29, 2, 2000, True),
        (1, 13, 2020, False),
        (0, 5, 2020, False),
        (31, 12, 2020, True),
        (31, 6, 2021, False),
        (31, 7, 2021, True),
    ],
)
def test_is_valid_date(day, month, year, valid):
    assert is_valid_date(day, month, year) is valid


@pytest.mark.parametrize(
    "kwargs,expected",
    [
        ({"form": "numeric", "separator": "/"}, "5/3/2020"),
        ({"form": "numeric", "separator": "-"}, "5-3-2020"),
        ({"form": "numeric", "separator": ".", "pad_day": True, "pad_month": True}, "05.03.2020"),
        ({"form": "long", "pad_day": True}, "05 tháng 3 năm 2020"),
    ],
)
def test_format_date(kwargs, expected):
    assert format_date(5, 3, 2020, **kwargs) == expected


def test_nd30_padding():
    assert nd30_padding(5, 3) == (True, False)
    assert nd30_padding(28, 1) == (False, True)
    assert nd30_padding(12, 6) == (False, False)


# (text, [(written, weekday index)])
WEEKDAYS = [
    ("thứ Hai", [("thứ Hai", 0)]),
    ("thứ Ba", [("thứ Ba", 1)]),
    ("thứ Tư", [("thứ Tư", 2)]),
    ("thứ Năm", [("thứ Năm", 3)]),
    ("thứ Sáu", [("thứ Sáu", 4)]),
    ("thứ Bảy", [("thứ Bảy", 5)]),
    ("Chủ nhật", [("Chủ nhật", 6)]),
    ("thứ 2", [("thứ 2", 0)]),
    ("thứ 7", [("thứ 7", 5)]),
    ("Thứ hai", [("Thứ hai", 0)]),
    ("CN", [("CN", 6)]),
    ("chủ nhật", [("chủ nhật", 6)]),
    ("lần thứ hai", []),
    ("kỳ họp thứ năm", []),
    ("Đại hội lần thứ Ba", []),
    ("Giờ thứ 9", []),
    ("người thứ ba", []),
    ("cn", []),
]


@pytest.mark.parametrize("text,expected", WEEKDAYS)
def test_find_weekdays(text, expected):
    assert [(w.text, w.weekday) for w in find_weekdays(text)] == expected


@pytest.mark.parametrize(
    "text,weekday,date",
    [
        ("thứ Ba, ngày 17/2/2025", 1, "17/2/2025"),
        ("Thứ Bảy, 23/06/2018, 10:30", 5, "23/06/2018"),
        ("thứ Hai (12/6)", 0, "12/6"),
        ("ngày 17/2/2025 (thứ Hai)", 0, "17/2/2025"),
        ("ngày 5/11 (thứ 4)", 2, "5/11"),
        ("Chủ nhật, ngày 2/11/2025", 6, "2/11/2025"),
    ],
)
def test_attach_weekdays(text, weekday, date):
    (pair,) = attach_weekdays(text)
    assert pair.weekday.weekday == weekday
    assert text[pair.date.start : pair.date.end] == date


def test_weekday_not_attached_across_words():
    assert attach_weekdays("thứ Hai tuần trước, còn ngày 17/2/2025 thì") == []


@pytest.mark.parametrize("d,m,y,weekday", [(17, 2, 2025, 0), (12, 6, 2021, 5), (2, 9, 1945, 6)])
def test_weekday_of(d, m, y, weekday):
    assert weekday_of(d, m, y) == weekday


@pytest.mark.parametrize(
    "weekday,like,expected",
    [
        (0, "thứ Ba", "thứ Hai"),
        (0, "Thứ ba", "Thứ hai"),
        (0, "thứ 3", "thứ 2"),
        (6, "thứ Bảy", "Chủ nhật"),
        (6, "CN", "CN"),
        (4, "Chủ nhật", "thứ Sáu"),
    ],
)
def test_weekday_text(weekday, like, expected):
    assert weekday_text(weekday, like) == expected


@given(st.text())
def test_find_dates_never_raises_and_spans_are_inside(text):
    for d in find_dates(text):
        assert 0 <= d.start < d.end <= len(text)
    for pair in attach_weekdays(text):
        assert 0 <= pair.weekday.start < pair.weekday.end <= len(text)


@given(st.text(alphabet=st.sampled_from(list("0123456789/-. ngàyháốtứHaiBCN,()")), max_size=50))
def test_date_like_text_never_raises(text):
    for d in find_dates(text):
        assert text[d.start : d.end].strip() == text[d.start : d.end]
        assert d.exists in (True, False)
        d.as_date()


@pytest.mark.parametrize(
    "text,expected",
    [
        ("kỷ niệm (18.11.1930 - 18.11.2025) và ngày 20/11", [("18.11.1930", "18.11.2025")]),
        ("từ 1/9/2024 – 5/9/2024 ngày 7/9/2024", [("1/9/2024", "5/9/2024")]),
        ("ngày 1/9/2024 và ngày 5/9/2024", []),
        ("từ ngày 1/9/2024 đến ngày 5/9/2024", []),
        ("ngày 1/9/2024 - Hà Nội, 5 tháng 9 năm 2024", []),
    ],
)
def test_paired_dates(text, expected):
    dates = find_dates(text)
    paired = sorted(paired_dates(text, dates))
    pairs = [
        (text[dates[i].start : dates[i].end], text[dates[i + 1].start : dates[i + 1].end])
        for i in paired[::2]
    ]
    assert pairs == expected
