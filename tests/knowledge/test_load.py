import datetime as dt

import pytest

from soat.knowledge import builtin_knowledge, load_registry_text
from soat.lint.errors import UsageError

REGISTRY = """
[[document]]
number = "02-NQ/TW"
type = "Nghị quyết"
date = 2021-06-12
issuer = "Bộ Chính trị"
title = "Về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới"
source = "test"

[[organization]]
name = "Liên đoàn Lao động tỉnh Bắc Ninh"
abbreviations = ["LĐLĐ tỉnh Bắc Ninh"]

[[person]]
name = "Nguyễn Văn A"
[[person.role]]
title = "Chủ tịch"
org = "LĐLĐ tỉnh Bắc Ninh"
from = 2020-10-01

[[place]]
name = "Lào Cai"
kind = "tỉnh"
until = 2025-06-30
merged-into = "Lào Cai"

[[term]]
preferred = "YouTube"
variants = ["Youtube"]
"""


def test_registry_tables_load():
    k = load_registry_text("r.toml", REGISTRY)
    assert k.documents[0].date == dt.date(2021, 6, 12)
    assert k.documents_by_symbol("02-nq/tw")[0].type == "Nghị quyết"
    assert k.organization("lđlđ tỉnh bắc ninh").name == "Liên đoàn Lao động tỉnh Bắc Ninh"
    assert k.persons[0].roles[0].org == "LĐLĐ tỉnh Bắc Ninh"
    assert k.places[0].merged_into == "Lào Cai"
    assert k.terms[0].variants == ("Youtube",)


def test_user_entries_win_over_builtin_ones_with_the_same_key():
    base = load_registry_text("a.toml", '[[term]]\npreferred = "Zalo"\nvariants = ["zalo"]\n')
    user = load_registry_text("b.toml", '[[term]]\npreferred = "Zalo"\nvariants = ["ZALO"]\n')
    merged = base.merged(user)
    assert [t.variants for t in merged.terms] == [("ZALO",)]


@pytest.mark.parametrize(
    "text,line,needle",
    [
        ('[[term]]\npreferred = "A"\n\n[[term]]\npreferd = "B"\n', 5, 'Did you mean "preferred"?'),
        ('[[documnet]]\nnumber = "1"\n', 1, 'Did you mean "document"?'),
        ('[[place]]\nname = "X"\nuntil = "2025-06-30"\n', 3, "must be a date"),
        ('[[person]]\nname = "X"\n[[person.role]]\norg = "Y"\n', 3, 'needs "title"'),
        (
            '[[person]]\nname = "B"\n[[person.role]]\ntitle = "X"\n\n[[person]]\nname = "A"\n'
            '[[person.role]]\ntitle = "Y"\n[[person.role]]\ntitel = "Z"\n',
            11,
            'Did you mean "title"?',
        ),
        (
            '[[person]]\nname = "A"\n[[person.role]]\ntitle = "Y"\nfrom = "2020"\n',
            5,
            "must be a date",
        ),
        ('[[term]]\nvariants = ["a"]\n', 1, 'needs "preferred"'),
        ('[[term]\npreferred = "A"\n', 1, "invalid TOML"),
        ('[[document]]\nnumber = "1"\nverified = "yes"\n', 3, "must be true or false or a list"),
        ('[[document]]\nnumber = "1"\nverified = ["dates"]\n', 3, 'Did you mean "date"?'),
        ('[[document]]\nnumber = "1"\nin-force = "2025"\n', 3, "must be a date"),
        ('[[organization]]\nname = "X"\nverified = "no"\n', 3, "must be true or false"),
    ],
)
def test_registry_errors_name_file_and_line(text, line, needle):
    with pytest.raises(UsageError) as err:
        load_registry_text("reg.toml", text)
    assert str(err.value).startswith(f"reg.toml:{line}: ")
    assert needle in str(err.value)


def test_builtin_entries_all_have_a_source():
    k = builtin_knowledge()
    for table in (k.documents, k.organizations, k.places, k.terms):
        assert all(e.source for e in table)


def test_verification_is_per_fact_and_user_entries_count_as_verified():
    k = load_registry_text(
        "reg.toml",
        '[[document]]\nnumber = "1/2020/NĐ-CP"\ndate = 2020-01-01\n\n'
        '[[document]]\nnumber = "2/2020/NĐ-CP"\nverified = ["number", "title"]\n\n'
        '[[document]]\nnumber = "3/2020/NĐ-CP"\nverified = false\n'
        'replaced-by = "1/2020/NĐ-CP"\nin-force = 2020-02-01\n',
    )
    vouched, partial, unsure = k.documents
    assert vouched.unverified == frozenset() and vouched.verified("date")
    assert partial.verified("title") and not partial.verified("date")
    assert not unsure.verified("number") and not unsure.verified("replaced-by")
    assert unsure.replaced_by == "1/2020/NĐ-CP" and unsure.in_force.isoformat() == "2020-02-01"


def test_both_spellings_of_a_party_regulation_find_one_entry():
    k = load_registry_text("reg.toml", '[[document]]\nnumber = "37-QĐi/TW"\n')
    assert k.documents_by_symbol("37-QĐ/TW") == k.documents_by_symbol("37-QĐi/TW") != ()
    assert k.documents_by_symbol("37-QĐ/TƯ") == ()
