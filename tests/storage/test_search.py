"""Full-text search over names, aliases, numbers, places and notes."""

import pytest

from tests.helpers import new_case
from tipdesk.domain import records as r
from tipdesk.domain.spelling import folded_words
from tipdesk.services import sync
from tipdesk.services.casework import cases
from tipdesk.services.devtools.demo import add_demo_cases


@pytest.fixture
def maria(session):
    file = new_case(
        session,
        {
            "full_name": "Maria Fátima da Costa",
            "alias": "Ema",
            "nik": "5371015403990001",
            "region_code": "53.71.01.1001",
        },
        exploitation_place="Kota Kinabalu",
    )
    cases.add_note(
        session,
        r.CaseNote(
            case_id=file.case.id,
            noted_on=file.case.opened_on,
            text="Pemeriksaan di puskesmas berjalan baik.",
        ),
    )
    new_case(session, {"full_name": "Yohanes Bria", "sex": "male", "region_code": "53.71.04.1008"})
    return file


def numbers(session, text):
    return [row["case_number"] for row in cases.find_cases(session, text)]


@pytest.mark.parametrize(
    "query",
    [
        "maria",
        "Mar",
        "fatima",
        "FÁTIMA",
        "maria costa",
        "ema",  # names, accents, alias, prefix
        "5371015403990001",  # NIK
        "kinabalu",  # place of exploitation
        "puskesmas",  # note
        "Alak",  # district of the address, from the Kemendagri code
    ],
)
def test_finds_by_every_indexed_kind_of_text(session, maria, query):
    assert numbers(session, query) == [maria.case.case_number]


def test_finds_by_case_and_register_number(session, maria):
    assert numbers(session, maria.case.case_number) == [maria.case.case_number]
    assert numbers(session, maria.person.register_number) == [maria.case.case_number]


def test_result_rows_carry_what_a_list_shows(session, maria):
    (row,) = cases.find_cases(session, "maria")
    assert row["full_name"] == "Maria Fátima da Costa"
    assert row["register_number"] == maria.person.register_number
    assert row["status"] == "open"
    assert row["exploitation_types"] == ["forced_labour"]


@pytest.mark.parametrize(
    "query",
    ['"', "maria AND", "NEAR(maria", "*", "maria OR yohanes", "'; DROP TABLE cases; --", "", "   "],
)
def test_query_syntax_is_never_interpreted(session, maria, query):
    found = cases.find_cases(session, query)
    assert all(row["case_number"] for row in found)
    assert session.db["cases"].count == 2


def test_edits_and_new_notes_are_searchable_at_once(session, maria):
    cases.update_case_fields(session, maria.case.case_number, {"full_name": "Maria Seran"})
    assert numbers(session, "seran") == [maria.case.case_number]
    assert numbers(session, "costa") == []


def test_deleted_case_is_not_found(session, maria):
    cases.delete_case(session, maria.case.case_number)
    assert numbers(session, "maria") == []


# --- spelling variants (issue 21) ----------------------------------------------------------


@pytest.fixture
def lidias(session):
    """Two persons named Lidia, one Lidya, one Sjamsul Tjahjadi, and a Linda."""
    return {
        name: new_case(session, {"full_name": name}).case.case_number
        for name in ("Lidia Seran", "Lidya Bria", "Lidia Kase", "Sjamsul Tjahjadi", "Linda Bria")
    }


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("syamsul", "Sjamsul Tjahjadi"),
        ("Cahyadi", "Sjamsul Tjahjadi"),
        ("samsul", None),  # a missing letter is another name, not a spelling
        ("syams cahy", "Sjamsul Tjahjadi"),  # the beginnings of words, as typed
    ],
)
def test_old_and_new_spellings_of_a_name_find_each_other(session, lidias, query, name):
    assert numbers(session, query) == ([lidias[name]] if name else [])


def test_a_name_spelled_otherwise_is_found_after_the_exact_hits(session, lidias):
    exact = numbers(session, "lidya")
    assert exact[0] == lidias["Lidya Bria"]
    assert sorted(exact[1:]) == sorted([lidias["Lidia Seran"], lidias["Lidia Kase"]])
    found = numbers(session, "Lidia")
    assert sorted(found[:2]) == sorted([lidias["Lidia Seran"], lidias["Lidia Kase"]])
    assert found[2:] == [lidias["Lidya Bria"]]
    assert lidias["Linda Bria"] not in found
    # every other word must still match as written or spelled otherwise
    assert numbers(session, "lidya kase") == [lidias["Lidia Kase"]]


def test_a_renamed_person_is_found_by_the_spellings_of_the_new_name_only(session, lidias):
    number = lidias["Lidya Bria"]
    cases.update_case_fields(session, number, {"full_name": "Mohammad Yusuf"})
    assert numbers(session, "Muhamad") == []
    assert numbers(session, "mohamad joesoef") == [number]
    assert number not in numbers(session, "lidia")


def test_numbers_are_not_spelled_otherwise(session, maria):
    # doubled digits are not folded: a NIK finds its case only
    assert numbers(session, "537101540399001") == []


def test_imported_cases_are_found_by_other_spellings(offices):
    district, province, stick = offices
    file = new_case(district.session, {"full_name": "Sjamsul Tjahjadi"})
    sync.import_batch(province.session, district.export(province, stick))
    assert numbers(province.session, "syamsul cahyadi") == [file.case.case_number]


def test_demo_cases_are_found_by_other_spellings(session):
    add_demo_cases(session, 60, seed=3)
    everyone = cases.find_cases(session, "KUP", limit=100)  # every case number has it
    spelled = [row for row in everyone if folded_words(row["full_name"])]
    assert spelled  # demo names include some written otherwise than their key
    for row in spelled[:5]:
        key = " ".join(folded_words(row["full_name"]))
        assert row["case_number"] in numbers(session, key), row["full_name"]
