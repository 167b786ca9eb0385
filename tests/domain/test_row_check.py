"""Rows as stored or as they arrive: read strictly, validated as the app validates a save.

The quick column-by-column pass (``rows_pass``) may only ever say "every row passes" when
the exact check (``row_problems``) finds nothing in any row: a property test holds it to
that on real demo rows with one value changed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import (
    PASSWORD,
    add_document,
    add_journey,
    add_simfoni_entry,
    add_transfer_and_link,
    new_register,
)
from tipdesk.domain import records as r
from tipdesk.domain import row_check, validation
from tipdesk.services.casework import journey
from tipdesk.services.devtools.demo import add_demo_cases
from tipdesk.services.register import open_register
from tipdesk.services.sync.entries import RECORD_TYPES

TODAY = dt.date(2026, 12, 7)


@pytest.fixture(scope="module")
def demo_rows(tmp_path_factory):
    """Every row of a small demo register, by table, as the register holds it."""
    folder = tmp_path_factory.mktemp("rows") / "register"
    new_register(folder)
    session = open_register(folder, "admin", PASSWORD)
    session.today = lambda: TODAY
    add_demo_cases(session, 30, seed=11)
    first = session.db.execute("SELECT id, case_number FROM cases ORDER BY rid LIMIT 3")
    for case_id, case_number in first.fetchall():
        add_journey(session, case_id)
        add_document(session, case_number)
        add_simfoni_entry(session, case_number)
    journey.create_incident(
        session, r.Incident(occurred_on=TODAY, kind="raid", region_code="53.71", note="x")
    )
    case_id, person_id = session.db.execute("SELECT id, person_id FROM cases LIMIT 1").fetchone()
    add_transfer_and_link(session, case_id, person_id)
    rows = {}
    for table in RECORD_TYPES:
        found = list(session.db.query(f"SELECT * FROM {table}"))
        for row in found:
            row.pop("rid", None)
        rows[table] = found
    session.close()
    return rows


def test_demo_rows_pass_both_checks(demo_rows):
    for table, rows in demo_rows.items():
        record_type = RECORD_TYPES[table]
        assert all(row_check.row_problems(record_type, row, today=TODAY) == [] for row in rows), (
            table
        )
        assert row_check.rows_pass(record_type, rows, today=TODAY), table


@pytest.mark.parametrize(
    "table, field, value, code",
    [
        ("persons", "birth_date", "1990-00-00", "unreadable_date"),
        ("cases", "opened_on", "2024-02-30", "unreadable_date"),
        ("cases", "exploitation_types", "[oops", "unreadable_value"),
        ("cases", "exploitation_types", '{"a": 1}', "unreadable_value"),
        ("cases", "exploitation_types", '["forced_labour", "made_up"]', "unknown_code"),
        ("persons", "estimated_age", -5, "age_out_of_range"),
        ("persons", "estimated_age", 2**62, "age_out_of_range"),
        ("persons", "estimated_age", 2**63 + 5, "unreadable_number"),
        ("persons", "full_name", "x" * 999, "too_long"),
        ("persons", "full_name", "Maria\x00Bria", "control_character"),
        ("persons", "full_name", "Maria\ud800", "control_character"),
        ("cases", "summary", "line one\nline two\tand a tab", None),
        ("persons", "full_name", "Maria\nBria", "control_character"),
        ("cases", "cross_border", 7, "unreadable_flag"),
        ("persons", "full_name", 12, "unreadable_value"),
        ("cases", "opened_on", "2026-12-08", None),  # a day ahead: another time zone
        ("cases", "opened_on", "2026-12-09", "date_in_future"),
    ],
)
def test_each_bad_value_is_named_by_field_and_problem(demo_rows, table, field, value, code):
    row = {**demo_rows[table][0], field: value}
    if field == "opened_on":  # the dates that must follow the opening do not get in the way
        row.update(
            status="active",
            closed_on=None,
            closure_reason=None,
            closure_approved_by=None,
            closure_approved_on=None,
            follow_up_on=None,
        )
    record_type = RECORD_TYPES[table]
    problems = row_check.row_problems(record_type, row, today=TODAY + dt.timedelta(days=1))
    assert [(p.field, p.code) for p in problems][:1] == ([(field, code)] if code else [])
    if code:
        assert not row_check.rows_pass(record_type, [row], today=TODAY + dt.timedelta(days=1))


def test_decode_never_raises_and_keeps_the_readable_fields(demo_rows):
    row = {**demo_rows["persons"][0], "birth_date": "1990-00-00", "estimated_age": "x"}
    person, problems = row_check.decode(r.Person, row)
    assert person.full_name == row["full_name"] and person.birth_date is None
    assert {p.field for p in problems} == {"birth_date", "estimated_age"}


def test_the_app_refuses_control_characters_as_an_import_does():
    person = r.Person(full_name="Maria\x1b[31m", sex="female")
    assert ("full_name", "control_character") in [
        (p.field, p.code) for p in validation.validate(person, today=TODAY)
    ]


_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**64), max_value=2**64),
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            "1990-00-00",
            "2024-02-29",
            "2023-02-29",
            "2026-12-07",
            "2026-12-09",
            "1899-12-31",
            "[oops",
            "[]",
            '["forced_labour"]',
            '["forced_labour","forced_labour"]',
            '["made_up"]',
            "53.71",
            "53.71.01.1001",
            "5371",
            "female",
            "open",
            "closed",
            "5302014107900001",
            "5302013102000001",
            "0812 3456 789",
            "x" * 250,
            "a\x00b",
            "a\nb",
            "a\tb",
            "\ud800",
        ]
    ),
)


@pytest.mark.slow
@settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_the_quick_pass_is_never_looser_than_the_exact_check(demo_rows, data):
    table = data.draw(st.sampled_from(sorted(RECORD_TYPES)))
    rows = [dict(row) for row in demo_rows[table][:8]]
    fields = sorted(r.fields_of(RECORD_TYPES[table]))
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        row = data.draw(st.sampled_from(rows))
        row[data.draw(st.sampled_from(fields))] = data.draw(_VALUES)
    partial = data.draw(st.booleans())
    record_type = RECORD_TYPES[table]
    if row_check.rows_pass(record_type, rows, today=TODAY, partial=partial):
        assert all(
            row_check.row_problems(record_type, row, today=TODAY, partial=partial) == []
            for row in rows
        )
