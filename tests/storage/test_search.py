"""Full-text search over names, aliases, numbers, places and notes."""

import pytest

from tests.helpers import new_case
from tipdesk.domain import records as r
from tipdesk.services.casework import cases


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
