import dataclasses
import datetime as dt
import inspect
import re

from hypothesis import given
from hypothesis import strategies as st

from tipdesk.domain import errors, fields, validation
from tipdesk.domain import records as r
from tipdesk.domain.errors import Problem
from tipdesk.domain.messages import FIELD_LABELS, MESSAGES, describe_problem
from tipdesk.domain.validation import check_nik, validate
from tipdesk.services.casework import cases

TODAY = dt.date(2026, 11, 28)
# A NIK of a woman born 14 March 1999 registered in Kota Kupang, Alak (53.71.01).
NIK_MARIA = "5371015403990001"


def codes(problems, severity="error"):
    return {(p.field, p.code) for p in problems if p.severity == severity}


def test_every_problem_of_a_record_is_reported_at_once():
    person = r.Person(
        full_name="",
        sex=None,
        birth_date=dt.date(2030, 1, 1),
        estimated_age=130,
        nik="12345",
        phone="abc",
    )
    found = codes(validate(person, today=TODAY))
    assert found == {
        ("full_name", "required"),
        ("sex", "required"),
        ("birth_date", "date_in_future"),
        ("estimated_age", "age_out_of_range"),
        ("nik", "nik_format"),
        ("phone", "invalid_phone"),
    }


def test_a_valid_person_has_no_errors_and_nik_is_optional():
    assert (
        codes(
            validate(
                r.Person(
                    full_name="Yuliana Nahak",
                    sex="female",
                    estimated_age=16,
                    guardian_name="Agustina",
                ),
                today=TODAY,
            )
        )
        == set()
    )


def test_age_from_birth_date_over_120_is_refused():
    person = r.Person(full_name="A", sex="female", birth_date=dt.date(1900, 1, 1))
    assert ("birth_date", "age_out_of_range") in codes(validate(person, today=TODAY))


def test_child_without_guardian_is_a_warning_not_an_error():
    person = r.Person(full_name="A", sex="female", birth_date=dt.date(2012, 5, 1))
    problems = validate(person, today=TODAY)
    assert codes(problems) == set()
    assert ("guardian_name", "guardian_missing") in codes(problems, "warning")


def test_nik_matching_person_gives_nothing():
    assert check_nik(NIK_MARIA, sex="female", birth_date=dt.date(1999, 3, 14), today=TODAY) == []


def test_nik_mismatches_are_warnings():
    problems = check_nik(NIK_MARIA, sex="male", birth_date=dt.date(1998, 3, 14), today=TODAY)
    assert codes(problems) == set()
    assert codes(problems, "warning") == {
        ("nik", "nik_sex_mismatch"),
        ("nik", "nik_birth_date_mismatch"),
    }


def test_nik_with_region_not_in_todays_list_is_a_warning():
    problems = check_nik("5399995403990001", today=TODAY)
    assert codes(problems) == set()
    assert ("nik", "nik_wilayah_unknown") in codes(problems, "warning")


def test_nik_that_cannot_be_a_nik_is_an_error():
    assert codes(check_nik("5371013203990001", today=TODAY)) == {("nik", "nik_birth_date")}
    assert codes(check_nik("5371015403990000", today=TODAY)) == {("nik", "nik_serial")}
    assert codes(check_nik("537101540399", today=TODAY)) == {("nik", "nik_format")}


@given(st.text(max_size=30))
def test_nik_check_never_crashes_and_non_16_digit_text_is_refused(text):
    problems = check_nik(text, today=TODAY)
    digits = "".join(ch for ch in text if ch not in " .-\t\n\r")
    if not (len(digits) == 16 and digits.isascii() and digits.isdigit()):
        assert ("nik", "nik_format") in codes(problems)


@given(
    st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2026, 11, 28)),
    st.sampled_from(["female", "male"]),
    st.integers(1, 9999),
)
def test_a_nik_built_from_a_real_person_validates_cleanly(birth, sex, serial):
    day = birth.day + (40 if sex == "female" else 0)
    nik = f"537101{day:02d}{birth:%m%y}{serial:04d}"
    problems = check_nik(nik, sex=sex, birth_date=birth, today=TODAY)
    assert codes(problems) == set()
    assert ("nik", "nik_sex_mismatch") not in codes(problems, "warning")
    assert ("nik", "nik_birth_date_mismatch") not in codes(problems, "warning")


def test_case_closure_rules():
    base = dict(person_id="p", opened_on=dt.date(2026, 5, 1))
    assert codes(validate(r.Case(**base, status="closed"), today=TODAY)) == {
        ("closed_on", "closure_date_required"),
        ("closure_reason", "closure_reason_required"),
    }
    early = r.Case(
        **base, status="closed", closed_on=dt.date(2026, 4, 1), closure_reason="goals_achieved"
    )
    assert codes(validate(early, today=TODAY)) == {("closed_on", "before_opening")}
    still_open = r.Case(**base, status="active", closed_on=dt.date(2026, 6, 1))
    assert codes(validate(still_open, today=TODAY)) == {("closed_on", "closed_on_for_open_case")}


def test_case_dates_not_in_future_but_follow_up_may_be():
    c = r.Case(person_id="p", opened_on=dt.date(2026, 12, 1), follow_up_on=dt.date(2027, 1, 5))
    assert codes(validate(c, today=TODAY)) == {("opened_on", "date_in_future")}


def test_unknown_vocabulary_codes_are_named():
    c = r.Case(
        person_id="p",
        opened_on=dt.date(2026, 5, 1),
        status="lost",
        exploitation_types=["forced_labour", "forced_labour", "piracy"],
    )
    problems = validate(c, today=TODAY)
    assert codes(problems) == {
        ("status", "unknown_code"),
        ("exploitation_types", "unknown_code"),
        ("exploitation_types", "duplicate_code"),
    }
    assert any(p.params.get("value") == "piracy" for p in problems)


def test_every_problem_code_and_field_has_words_in_both_languages():
    used = set()
    person = r.Person(
        full_name="x" * 300,
        sex="x",
        birth_date=dt.date(1800, 1, 1),
        nik="1",
        region_code="99.99",
        phone="1",
    )
    for record in (
        person,
        r.Case(),
        r.Referral(),
        r.Service(),
        r.Provider(email="x"),
        r.CaseNote(),
        r.Office(code="x"),
        r.User(username="A B"),
    ):
        used |= {p.code for p in validate(record, today=TODAY)}
    # ... and every code written literally where problems are raised.
    for module in (validation, cases, fields):
        used |= set(re.findall(r'Problem\([^,]+, "(\w+)"', inspect.getsource(module)))
    used |= {
        f"nik_{c}"
        for c in ("format", "wilayah", "birth_date", "serial", "province", "wilayah_unknown")
    }
    for code in used:
        assert set(MESSAGES[code]) == {"id", "en"}, code
    for record_type in (
        r.Person,
        r.Case,
        r.Service,
        r.Referral,
        r.Provider,
        r.CaseNote,
        r.Office,
        r.User,
        *r.CHILD_TABLES.values(),
        r.Incident,
    ):
        for f in dataclasses.fields(record_type):
            if f.metadata.get("editable") or f.name in ("case_number", "register_number"):
                assert set(FIELD_LABELS[f.name]) == {"id", "en"}, f.name
                assert all(FIELD_LABELS[f.name].values())


def test_problem_text_names_the_field_in_the_users_language():
    problem = Problem("birth_date", "date_in_future", params={"value": "2030-01-01"})
    assert describe_problem(problem, "id").startswith("Tanggal lahir: tanggal 2030-01-01")
    assert describe_problem(problem, "en").startswith("Birth date: date 2030-01-01")


def test_every_error_type_has_a_message_in_both_languages():
    def all_subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from all_subclasses(sub)

    kinds = list(all_subclasses(errors.TipdeskError))
    assert len(kinds) > 10
    for kind in kinds:
        assert set(MESSAGES[kind.code]) == {"id", "en"}, kind.code
        # every {placeholder} a message uses is one the raising code can fill
        fields = set(re.findall(r"{(\w+)}", MESSAGES[kind.code]["id"]))
        assert fields == set(re.findall(r"{(\w+)}", MESSAGES[kind.code]["en"])), kind.code
