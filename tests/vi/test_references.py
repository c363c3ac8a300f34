"""Document numbers and citations (soat.vi.doc_symbols, .references, .citation_matching): real
forms, well-formed and malformed, and property tests."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soat.vi.citation_matching import (
    issuers_agree,
    normalize_title,
    official_wording,
    party_term,
    title_similarity,
)
from soat.vi.doc_symbols import find_symbols, parse_symbol
from soat.vi.references import find_citations

# (text, canonical, family, type code)
WELL_FORMED = [
    # Party
    ("02-NQ/TW", "02-NQ/TW", "party", "NQ"),
    ("20-NQ/TW", "20-NQ/TW", "party", "NQ"),
    ("57-NQ/TW", "57-NQ/TW", "party", "NQ"),
    ("05-CT/TW", "05-CT/TW", "party", "CT"),
    ("22-CT/TW", "22-CT/TW", "party", "CT"),
    ("08-QĐi/TW", "08-QĐi/TW", "party", "QĐi"),
    ("37-QĐi/TW", "37-QĐi/TW", "party", "QĐi"),
    ("66-QĐ/TW", "66-QĐ/TW", "party", "QĐ"),
    ("127-QĐ/TW", "127-QĐ/TW", "party", "QĐ"),
    ("15-NQ/TU", "15-NQ/TU", "party", "NQ"),
    ("06-CT/TU", "06-CT/TU", "party", "CT"),
    ("01-KL/TW", "01-KL/TW", "party", "KL"),
    ("23-QĐ/UBKTTW", "23-QĐ/UBKTTW", "party", "QĐ"),
    ("15-BC/VPTU", "15-BC/VPTU", "party", "BC"),
    ("1400-CV/VPTU", "1400-CV/VPTU", "party", "CV"),
    ("05-HD/VPTW", "05-HD/VPTW", "party", "HD"),
    ("36-HD/VPTW", "36-HD/VPTW", "party", "HD"),
    ("12-CTr/TU", "12-CTr/TU", "party", "CTr"),
    ("03-TT/TW", "03-TT/TW", "party", "TT"),
    ("18-QĐ/TU", "18-QĐ/TU", "party", "QĐ"),
    ("30-CT/TU", "30-CT/TU", "party", "CT"),
    ("377-QĐ/TW", "377-QĐ/TW", "party", "QĐ"),
    ("01-NQ/ĐU", "01-NQ/ĐU", "party", "NQ"),
    ("09-KH/HU", "09-KH/HU", "party", "KH"),
    # State and union administrative
    ("2214/QĐ-TTg", "2214/QĐ-TTg", "state", "QĐ"),
    ("1268/QĐ-TTg", "1268/QĐ-TTg", "state", "QĐ"),
    ("58/HD-TLĐ", "58/HD-TLĐ", "state", "HD"),
    ("69/HD-TLĐ", "69/HD-TLĐ", "state", "HD"),
    ("47/HD-TLĐ", "47/HD-TLĐ", "state", "HD"),
    ("4290/QĐ-TLĐ", "4290/QĐ-TLĐ", "state", "QĐ"),
    ("933/QĐ-TLĐ", "933/QĐ-TLĐ", "state", "QĐ"),
    ("05/NQ-ĐCT", "05/NQ-ĐCT", "state", "NQ"),
    ("02/CT-ĐCT", "02/CT-ĐCT", "state", "CT"),
    ("4a/NQ-BCH", "4a/NQ-BCH", "state", "NQ"),
    ("15/QĐ-UBND", "15/QĐ-UBND", "state", "QĐ"),
    ("444/QĐ-UBND", "444/QĐ-UBND", "state", "QĐ"),
    ("103/KH-BGDĐT", "103/KH-BGDĐT", "state", "KH"),
    ("217/KH-BTV", "217/KH-BTV", "state", "KH"),
    ("277/TB-SXD", "277/TB-SXD", "state", "TB"),
    ("25/CĐ-BCĐ", "25/CĐ-BCĐ", "state", "CĐ"),
    ("95/CĐ-TTg", "95/CĐ-TTg", "state", "CĐ"),
    ("01/NQ-CP", "01/NQ-CP", "state", "NQ"),
    ("12/TTr-LĐLĐ", "12/TTr-LĐLĐ", "state", "TTr"),
    ("07/CTr-TLĐ", "07/CTr-TLĐ", "state", "CTr"),
    ("33/BC-BQLKKT", "33/BC-BQLKKT", "state", "BC"),
    ("52/VBHN-VPQH", "52/VBHN-VPQH", "state", "VBHN"),
    ("16/HĐ-MTTW-BVĐTW", "16/HĐ-MTTW-BVĐTW", "state", "HĐ"),
    ("42/QĐ-C01-P4", "42/QĐ-C01-P4", "state", "QĐ"),
    ("18/QyĐ-TLĐ", "18/QyĐ-TLĐ", "state", "QyĐ"),
    # Công văn: no type code
    ("1363/TLĐ-CSPL", "1363/TLĐ-CSPL", "state", None),
    ("125/SGDĐT-VP", "125/SGDĐT-VP", "state", None),
    ("3370/UBND-PTDS", "3370/UBND-PTDS", "state", None),
    ("15744/UBND-CT", "15744/UBND-CT", "state", None),
    # State legal, with a year
    ("30/2020/NĐ-CP", "30/2020/NĐ-CP", "legal", "NĐ"),
    ("191/2013/NĐ-CP", "191/2013/NĐ-CP", "legal", "NĐ"),
    ("145/2020/NĐ-CP", "145/2020/NĐ-CP", "legal", "NĐ"),
    ("18/2020/QĐ-TTg", "18/2020/QĐ-TTg", "legal", "QĐ"),
    ("24/2024/TT-BTC", "24/2024/TT-BTC", "legal", "TT"),
    ("04/2014/TT-BLĐTBXH", "04/2014/TT-BLĐTBXH", "legal", "TT"),
    ("10/2015/TTLT-BTC-BLĐTBXH", "10/2015/TTLT-BTC-BLĐTBXH", "legal", "TTLT"),
    ("16/2023/NQ-HĐND", "16/2023/NQ-HĐND", "legal", "NQ"),
    ("50/2024/QH15", "50/2024/QH15", "legal", None),
    ("64/2025/QH15", "64/2025/QH15", "legal", None),
    ("45/2019/QH14", "45/2019/QH14", "legal", None),
    ("23/2026/QH16", "23/2026/QH16", "legal", None),
    ("35/2023/UBTVQH15", "35/2023/UBTVQH15", "legal", None),
]

# (text, canonical, one problem expected)
MALFORMED = [
    ("05/CT-TW", "05-CT/TW", "order"),
    ("29/NQ-TW", "29-NQ/TW", "order"),
    ("02/NQ-TW", "02-NQ/TW", "order"),
    ("15/NQ-TU", "15-NQ/TU", "order"),
    ("2214-QĐ/TTg", "2214/QĐ-TTg", "order"),
    ("58-HD/TLĐ", "58/HD-TLĐ", "order"),
    ("15-QĐ/UBND", "15/QĐ-UBND", "order"),
    ("1406 / QĐ - TLĐ", "1406/QĐ-TLĐ", "spaces"),
    ("03/HD - TLĐ", "03/HD-TLĐ", "spaces"),
    ("05/ NQ - ĐCT", "05/NQ-ĐCT", "spaces"),
    ("110/ 2004/NĐ-CP", "110/2004/NĐ-CP", "spaces"),
    ("02 – NQ/TW", "02-NQ/TW", "lookalike"),
    ("58/HD–TLĐ", "58/HD-TLĐ", "lookalike"),
    ("2214／QĐ-TTg", "2214/QĐ-TTg", "lookalike"),
    ("30/2020/\u00d0-CP".replace("/\u00d0", "/N\u00d0"), "30/2020/NĐ-CP", "lookalike"),
    ("18-NQ/T.Ư", "18-NQ/TW", "tu-for-tw"),
    ("20-NQ/TƯ", "20-NQ/TW", "tu-for-tw"),
    ("977/QD-TTg", "977/QĐ-TTg", "d-for-dj"),
    ("30/2020/ND-CP", "30/2020/NĐ-CP", "d-for-dj"),
    ("58/HD-TLD", "58/HD-TLĐ", "d-for-dj"),
    ("12/KH-LDLD", "12/KH-LĐLĐ", "d-for-dj"),
    ("08-QDi/TW", "08-QĐi/TW", "d-for-dj"),
    ("04/2014/TT-BLDTBXH", "04/2014/TT-BLĐTBXH", "d-for-dj"),
    ("2214/QĐ-TTG", "2214/QĐ-TTg", "case"),
    ("02-NQ/Tw", "02-NQ/TW", "case"),
    ("30/2020/Nđ-CP", "30/2020/NĐ-CP", "case"),
    ("30/NĐ-CP", "30/NĐ-CP", "missing-year"),
    ("168/NĐ-CP", "168/NĐ-CP", "missing-year"),
    ("24/TT-BTC", "24/TT-BTC", "missing-year"),
    ("10/TTLT-BTC-BLĐTBXH", "10/TTLT-BTC-BLĐTBXH", "missing-year"),
]

# Lowercase codes are symbols only right after a type word.
MALFORMED_IN_CITATION = [
    ("Nghị quyết số 02-nq/tw", "02-NQ/TW", "lowercase"),
    ("Hướng dẫn 58/hd-tlđ", "58/HD-TLĐ", "lowercase"),
    ("Quyết định số 2214/qđ-ttg", "2214/QĐ-TTg", "lowercase"),
    ("Luật Công đoàn, Luật số 50/QH15", "50/QH15", "missing-year"),
]

NOT_SYMBOLS = [
    "12/6/2021",
    "3/4 số xã",
    "5/10 - 20",
    "24/7",
    "B07-TLĐ",
    "COVID-19",
    "2/3 người",
    "số 31/4 đường Lê Lợi",
    "1.000/tháng",
    "F0-F1",
    "U23/VN",
]


@pytest.mark.parametrize("text,canonical,family,code", WELL_FORMED)
def test_well_formed_symbol(text, canonical, family, code):
    sym = parse_symbol(text)
    assert sym is not None
    assert (sym.canonical, sym.family, sym.type_code, sym.problems) == (canonical, family, code, ())


@pytest.mark.parametrize("text,canonical,problem", MALFORMED)
def test_malformed_symbol(text, canonical, problem):
    found = find_symbols(f"Theo văn bản {text} đã ban hành")
    assert len(found) == 1
    assert found[0].canonical == canonical
    assert problem in found[0].problems
    assert found[0].text == text


@pytest.mark.parametrize("text,canonical,problem", MALFORMED_IN_CITATION)
def test_malformed_symbol_after_type_word(text, canonical, problem):
    citations = find_citations(text)
    assert [c.symbol.canonical for c in citations] == [canonical]
    assert problem in citations[0].symbol.problems


@pytest.mark.parametrize("text", NOT_SYMBOLS)
def test_not_a_symbol(text):
    assert find_symbols(text) == []


def test_mixed_case_codes_are_kept():
    for text in ("2214/QĐ-TTg", "12/TTr-LĐLĐ", "07/CTr-TLĐ", "18/QyĐ-TLĐ", "08-QĐi/TW"):
        assert parse_symbol(text).canonical == text


SEED_LINE_26 = (
    "Hướng dẫn số 58/HD-TLĐ ngày 10/5/2022 của Tổng Liên đoàn triển khai Quyết định số "
    "2214/QĐ-TTg ngày 28/12/2021 của Thủ tướng Chính phủ phê duyệt Chương trình thực "
    "hiện phong trào “Toàn dân xây dựng đời sống văn hóa” giai đoạn 2021 - 2026"
)

# (text, [(symbol, type, date, issuer, title, quoted)])
CITATIONS = [
    (
        "Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị về “Đổi mới tổ chức và hoạt động "
        "của Công đoàn Việt Nam trong tình hình mới” - đây là",
        [
            (
                "02-NQ/TW",
                "Nghị quyết",
                (12, 6, 2021),
                "Bộ Chính trị",
                "Đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới",
                True,
            )
        ],
    ),
    (
        "Nghị quyết số 20-NQ/TW ngày 28/01/2008 của Ban Chấp hành Trung ương Đảng khóa X về "
        "“Tiếp tục xây dựng giai cấp công nhân”",
        [
            (
                "20-NQ/TW",
                "Nghị quyết",
                (28, 1, 2008),
                "Ban Chấp hành Trung ương Đảng khóa X",
                "Tiếp tucj".replace("tucj", "tục") + " xây dựng giai cấp công nhân",
                True,
            )
        ],
    ),
    (
        SEED_LINE_26,
        [
            ("58/HD-TLĐ", "Hướng dẫn", (10, 5, 2022), "Tổng Liên đoàn", None, False),
            ("2214/QĐ-TTg", "Quyết định", (28, 12, 2021), "Thủ tướng Chính phủ", None, False),
        ],
    ),
    (
        "Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư. Sau đó",
        [("30/2020/NĐ-CP", "Nghị định", (5, 3, 2020), "Chính phủ", "công tác văn thư", False)],
    ),
    (
        "theo Quyết định 15/QĐ-UBND ngày 5-3-2020 của Ủy ban nhân dân tỉnh Bắc Ninh ban hành quy chế",
        [("15/QĐ-UBND", "Quyết định", (5, 3, 2020), "Ủy ban nhân dân tỉnh Bắc Ninh", None, False)],
    ),
    (
        "Thông tư số 10/2020/TT-BLĐTBXH (ngày 12.11.2020) của Bộ Lao động - Thương binh và Xã hội",
        [
            (
                "10/2020/TT-BLĐTBXH",
                "Thông tư",
                (12, 11, 2020),
                "Bộ Lao động - Thương binh và Xã hội",
                None,
                False,
            )
        ],
    ),
    (
        "Chỉ thị 37-CT/TW, ngày 29/6/2019 của Ban Bí thư về tăng cường sự lãnh đạo; tiếp theo",
        [("37-CT/TW", "Chỉ thị", (29, 6, 2019), "Ban Bí thư", "tăng cường sự lãnh đạo", False)],
    ),
    (
        "Luật Công đoàn số 50/2024/QH15 có hiệu lực",
        [("50/2024/QH15", None, None, None, None, False)],
    ),
    (
        "Kết luận 01-KL/TW của Bộ Chính trị",
        [("01-KL/TW", "Kết luận", None, "Bộ Chính trị", None, False)],
    ),
    (
        "Quy định số 08-QĐi/TW về trách nhiệm nêu gương",
        [("08-QĐi/TW", "Quy định", None, None, "trách nhiệm nêu gương", False)],
    ),
    (
        "Công văn số 1363/TLĐ-CSPL ngày 1/3/2022",
        [("1363/TLĐ-CSPL", "Công văn", (1, 3, 2022), None, None, False)],
    ),
    (
        "Chương trình phối hợp số 07/CTr-TLĐ",
        [("07/CTr-TLĐ", "Chương trình phối hợp", None, None, None, False)],
    ),
    (
        "Thông tư liên tịch số 10/2015/TTLT-BTC-BLĐTBXH",
        [("10/2015/TTLT-BTC-BLĐTBXH", "Thông tư liên tịch", None, None, None, False)],
    ),
    (
        "nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ",
        [("57-NQ/TW", "Nghị quyết", None, None, "đột phá phát triển khoa học, công nghệ", False)],
    ),
    (
        "Hướng dẫn số 69/HD-TLĐ ngày 24/11/2022 của Tổng Liên đoàn thực hiện",
        [("69/HD-TLĐ", "Hướng dẫn", (24, 11, 2022), "Tổng Liên đoàn", None, False)],
    ),
    (
        # The quotation marks of soat.vi.text.QUOTE_PAIRS, low-high „…“ among them.
        "Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị về „Đổi mới tổ chức“ - đây là",
        [("02-NQ/TW", "Nghị quyết", (12, 6, 2021), "Bộ Chính trị", "Đổi mới tổ chức", True)],
    ),
]


def _describe(c):
    return (
        c.symbol.canonical,
        c.doc_type,
        c.date and (c.date.day, c.date.month, c.date.year),
        c.issuer and c.issuer.text,
        c.title and c.title.text,
        c.title_quoted,
    )


@pytest.mark.parametrize("text,expected", CITATIONS)
def test_citation_parts(text, expected):
    citations = find_citations(text)
    assert [_describe(c) for c in citations] == expected
    for c in citations:
        for part in (c.type_word, c.issuer, c.title):
            if part is not None:
                assert text[part.start : part.end] == part.text


def test_quoted_name_belongs_to_the_nearest_citation():
    citations = find_citations(SEED_LINE_26)
    assert [q.text for q in citations[0].quotes] == []
    assert [q.text for q in citations[1].quotes] == ["Toàn dân xây dựng đời sống văn hóa"]


@pytest.mark.parametrize(
    "a,b,agree",
    [
        ("Ban Chấp hành Trung ương Đảng khóa X", "Ban Chấp hành Trung ương", True),
        ("Tổng Liên đoàn", "Tổng Liên đoàn Lao động Việt Nam", True),
        ("Trung ương", "Ban Chấp hành Trung ương", True),
        ("Bộ Chính trị", "Ban Chấp hành Trung ương", False),
        ("Ban Bí thư", "Bộ Chính trị", False),
        ("Thủ tướng Chính phủ", "Chính phủ", True),
    ],
)
def test_issuers_agree(a, b, agree):
    assert issuers_agree(a, b) is agree


def test_title_similarity():
    official = "Về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới"
    assert (
        title_similarity(
            "Đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới", official
        )[0]
        == 100
    )
    ratio, _ = title_similarity(
        "Đổi mới tổ chức và hoạt động Công đoàn Việt Nam trong tình hình mới", official
    )
    assert 85 <= ratio < 100
    ratio, covered = title_similarity(
        "đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới, trong đó nhấn mạnh",
        official,
        quoted=False,
    )
    assert ratio == 100 and covered == len(
        "đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới"
    )
    assert normalize_title(" Về  Đổi mới ") == "đổi mới"


def test_official_wording_keeps_the_article_capital():
    official = "Về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam"
    assert (
        official_wording(official, "Đổi mới tổ chức")
        == "Đổi mới tổ chức và hoạt động của Công đoàn Việt Nam"
    )
    assert (
        official_wording(official, "đổi mới")
        == "đổi mới tổ chức và hoạt động của Công đoàn Việt Nam"
    )
    assert official_wording(official, "Về đổi mới") == official


def test_party_terms():
    assert party_term(28, 1, 2008) == party_term(1, 1, 2010)
    assert party_term(28, 1, 2008) != party_term(25, 10, 2017)
    assert party_term(12, 6, 2021) == party_term(22, 12, 2024)


@given(st.text())
def test_parsers_never_raise_and_spans_are_inside(text):
    for c in find_citations(text):
        for part in (c.symbol, c.type_word, c.date, c.issuer, c.title, *c.quotes):
            if part is not None:
                assert 0 <= part.start <= part.end <= len(text)
        assert text[c.symbol.start : c.symbol.end] == c.symbol.text


@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789/-–. QĐNTWHDtgCPƯđqn số về“”ngày")), max_size=60
    )
)
def test_symbol_like_text_never_raises(text):
    for sym in find_symbols(text):
        assert 0 <= sym.start < sym.end <= len(text)
        assert parse_symbol(sym.canonical, in_citation=True) is not None
