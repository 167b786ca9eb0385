"""Is the person being registered already in the register?"""

import datetime as dt

import pytest

from tests.helpers import case, erase, new_case, person
from tipdesk.services.casework import cases
from tipdesk.services.casework.duplicates import find_duplicates, normal_name

NIK = "5371015403990001"  # a woman born 14 March 1999, registered in Kota Kupang


def existing(session, name, **kw):
    return new_case(session, {"full_name": name, **kw})


def names(found):
    return [c.person.full_name for c in found]


@pytest.mark.parametrize(
    "stored,typed",
    [
        ("Siti Aminah", "Sity Aminah"),
        ("María Goretti", "Maria  Goreti"),
        ("Djuariah Tefa", "Juariah Tefa"),
        ("Soejono Hadi", "Suyono Hadi"),
        ("Njoman Sari", "Nyoman Sari"),
        ("Chadidjah", "Khadijah"),
        ("Tjoet Nja", "Cut Nya"),
    ],
)
def test_spelling_variants_of_one_name_normalise_alike(stored, typed):
    assert normal_name(stored) == normal_name(typed)


def test_a_modern_j_is_not_read_as_old_spelling():
    assert normal_name("Juariah") == ("juariah",)
    assert normal_name("Johana") == ("johana",)
    assert normal_name("Djuariah") == ("juariah",)


@pytest.mark.parametrize(
    "stored,typed,typed_birth",
    [
        ("Siti Aminah", "Sity Aminah", dt.date(1999, 5, 1)),
        ("María Goretti", "Maria Goreti", dt.date(2000, 12, 31)),
        ("Maria Goreti Bria", "Maria Goreti", dt.date(1998, 1, 1)),
        ("Yohana Bria", "Johana Bria", dt.date(1999, 3, 14)),
        ("Siti Aminah", "Aminah Siti", dt.date(1999, 3, 14)),
    ],
)
def test_similar_names_with_close_birth_dates_are_found(session, stored, typed, typed_birth):
    file = existing(session, stored, birth_date=dt.date(1999, 3, 14))
    existing(session, "Ermelinda Tnunay")
    found = find_duplicates(session, person(full_name=typed, birth_date=typed_birth))
    assert names(found) == [stored]
    assert found[0].reasons == ("similar_name",)
    assert found[0].case_numbers == (file.case.case_number,)
    assert found[0].person.id == file.person.id


def test_old_spelling_with_an_estimated_age_is_found(session):
    existing(session, "Djuariah", birth_date=None, estimated_age=30)
    typed = person(full_name="Juariah", birth_date=dt.date(1994, 6, 1))  # 32 today
    assert names(find_duplicates(session, typed)) == ["Djuariah"]
    estimated = person(full_name="Juariah", birth_date=None, estimated_age=28)
    assert names(find_duplicates(session, estimated)) == ["Djuariah"]


def test_incompatible_ages_are_not_the_same_person(session):
    existing(session, "Siti Aminah", birth_date=dt.date(1999, 3, 14))
    existing(session, "Djuariah", birth_date=None, estimated_age=30)
    assert (
        find_duplicates(session, person(full_name="Sity Aminah", birth_date=dt.date(1996, 3, 1)))
        == []
    )
    assert (
        find_duplicates(session, person(full_name="Juariah", birth_date=None, estimated_age=45))
        == []
    )


def test_unknown_age_matches_only_a_strong_name_match(session):
    existing(session, "María Goretti", birth_date=None)
    existing(session, "Djuariah", birth_date=None)
    unknown = dict(birth_date=None, estimated_age=None)
    assert names(find_duplicates(session, person(full_name="Maria Goreti", **unknown))) == [
        "María Goretti"
    ]
    # One shared given name is too weak without an age to compare.
    assert find_duplicates(session, person(full_name="Juariah", **unknown)) == []
    # A close but different spelling is not strong either.
    assert find_duplicates(session, person(full_name="Maria Gorety Bria", **unknown)) == []


def test_a_different_person_is_not_a_duplicate(session):
    existing(session, "Siti Aminah")
    existing(session, "Maria Goreti Bria")
    for other in (
        "Siti Rahayu",
        "Aminah",
        "Marta Seran",
        "Goreti",
        "Maria Goreti Bahri",
        "Marta Goreti Bria",
        "Siti",
    ):
        assert find_duplicates(session, person(full_name=other)) == [], other


def test_same_nik_is_found_whatever_the_name(session):
    file = existing(session, "Ermelinda Tnunay", nik=NIK)
    found = find_duplicates(session, person(full_name="Linda", nik=NIK, birth_date=None))
    assert names(found) == ["Ermelinda Tnunay"]
    assert found[0].reasons == ("same_nik",)
    assert found[0].case_numbers == (file.case.case_number,)
    both = find_duplicates(session, person(full_name="Ermelinda Tnunai", nik=NIK))
    assert both[0].reasons == ("same_nik", "similar_name")


def test_same_nik_comes_before_similar_names(session):
    existing(session, "Maria Goreti Bria")
    existing(session, "Ermelinda Tnunay", nik=NIK)
    found = find_duplicates(session, person(full_name="Maria Goreti Bria", nik=NIK))
    assert names(found) == ["Ermelinda Tnunay", "Maria Goreti Bria"]
    assert [c.reasons for c in found] == [("same_nik",), ("similar_name",)]


def test_the_person_itself_and_deleted_persons_are_left_out(session):
    kept = existing(session, "Siti Aminah", nik=NIK)
    gone = existing(session, "Siti Aminah")
    erase(session, gone.case.case_number)
    assert find_duplicates(session, kept.person) == []
    found = find_duplicates(session, person(full_name="Siti Aminah", nik=NIK))
    assert [c.person.id for c in found] == [kept.person.id]


def test_every_case_of_a_candidate_is_listed(session):
    file = existing(session, "Siti Aminah")
    second, _ = cases.add_case(session, file.person.id, case(opened_on=dt.date(2026, 11, 1)))
    found = find_duplicates(session, person(full_name="Sity Aminah"))
    assert found[0].case_numbers == (file.case.case_number, second.case.case_number)


def test_closest_names_first_and_limit(session):
    for name in ("Maria Goreti Bria", "Maria Goretti", "Maria Goreti"):
        existing(session, name)
    found = find_duplicates(session, person(full_name="Maria Goreti"))
    assert names(found)[0] in ("Maria Goretti", "Maria Goreti")
    assert set(names(found)) == {"Maria Goreti Bria", "Maria Goretti", "Maria Goreti"}
    assert len(find_duplicates(session, person(full_name="Maria Goreti"), limit=1)) == 1


def test_an_initial_in_the_name_is_not_an_obstacle(session):
    from tipdesk.domain.records import Person
    from tipdesk.services.casework.duplicates import find_duplicates

    new_case(
        session,
        person_overrides={
            "full_name": "Maria Gorety Bria",
            "birth_date": None,
            "estimated_age": 25,
        },
    )
    for typed in ("Maria G. Bria", "Maria Gorety B."):
        found = find_duplicates(session, Person(full_name=typed, estimated_age=25))
        assert [c.person.full_name for c in found] == ["Maria Gorety Bria"], typed
    assert find_duplicates(session, Person(full_name="A", estimated_age=25)) == []
    assert find_duplicates(session, Person(full_name="Maria K. Bria", estimated_age=25)) == []
