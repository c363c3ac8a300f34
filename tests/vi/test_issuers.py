"""Issuer matching and the parts of a citation issue 15 changed, as properties."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from soat.knowledge import builtin_knowledge
from soat.rules.references.citations import issuers_match
from soat.vi.citation_matching import issuers_agree
from soat.vi.doc_types import TYPE_WORDS
from soat.vi.references import find_citations

ORGS = [
    "Tổng Liên đoàn Lao động Việt Nam",
    "Tổng Liên đoàn",
    "Tổng LĐLĐ Việt Nam",
    "Liên đoàn Lao động tỉnh Bắc Ninh",
    "Công đoàn Giáo dục Việt Nam",
    "Công đoàn Y tế Việt Nam",
]
STANDING = ["Đoàn Chủ tịch", "Ban Chấp hành", "Ban Thường vụ", "Thường trực"]
PARTY_CENTRE = ["Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương"]
DECORATION = ["", " Đảng", " khóa XIII", " Đảng khóa X", " khoá XII"]
issuer = st.sampled_from(ORGS + PARTY_CENTRE + ["Quốc hội", "Chính phủ"])


@given(issuer, issuer, st.sampled_from(STANDING + [""]))
def test_issuer_agreement_is_symmetric(a, b, body):
    a = f"{body} {a}".strip()
    knowledge = builtin_knowledge()
    assert issuers_agree(a, b) == issuers_agree(b, a)
    assert issuers_match(a, b, knowledge) == issuers_match(b, a, knowledge)


@given(st.sampled_from(ORGS[:3]), st.sampled_from(ORGS[:3]), st.sampled_from(STANDING))
def test_a_standing_body_agrees_with_its_organisation_in_any_registered_form(a, b, body):
    assert issuers_match(f"{body} {a}", b, builtin_knowledge())


@given(st.sampled_from(STANDING), st.sampled_from(ORGS[3:]), st.sampled_from(ORGS[:3]))
def test_a_standing_body_of_another_organisation_disagrees(body, other, org):
    assert not issuers_match(f"{body} {other}", org, builtin_knowledge())


@given(
    st.sampled_from(PARTY_CENTRE),
    st.sampled_from(PARTY_CENTRE),
    st.sampled_from(DECORATION),
    st.sampled_from(DECORATION),
)
def test_the_party_centre_keeps_three_issuers(a, b, da, db):
    assert issuers_agree(a + da, b + db) == (a == b)


@given(st.sampled_from(ORGS), st.sampled_from(TYPE_WORDS), st.integers(1, 999))
def test_an_issuer_stops_before_the_next_document(org, type_word, n):
    text = f"Hướng dẫn số 58/HD-TLĐ ngày 10/5/2022 của {org} và {type_word} số {n}-KL/TW."
    first = find_citations(text)[0]
    assert first.issuer is not None and first.issuer.text == org


@given(
    st.lists(st.sampled_from(["Quốc hội", "khóa", "XV", "Chính", "phủ"]), max_size=3),
    st.sampled_from(
        ["thông qua", "ban hành", "ký", "ký ban hành", "thông qua tại Kỳ họp thứ 8,", "ký vào"]
    ),
    st.integers(1, 28),
    st.integers(1, 12),
)
def test_a_date_after_duoc_thong_qua_is_the_documents_date(words, verb, day, month):
    lead = " ".join(["được", *words, verb])
    text = f"Luật Công đoàn số 50/2024/QH15 {lead} ngày {day}/{month}/2024."
    c = find_citations(text)[0]
    assert c.date is not None and (c.date.day, c.date.month, c.date.year) == (day, month, 2024)


@given(st.integers(1, 28), st.integers(1, 12))
def test_an_effective_date_is_not_the_documents_date(day, month):
    for lead in ("có hiệu lực từ ngày", "có hiệu lực thi hành từ ngày", "được áp dụng từ ngày"):
        text = f"Luật Công đoàn số 50/2024/QH15 {lead} {day}/{month}/2025."
        assert find_citations(text)[0].date is None
