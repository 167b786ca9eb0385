"""Typed input: a date is read as the app shows it (28/11/2026) or as ISO."""

import dataclasses
import datetime as dt

import pytest

from tipdesk.domain import records as r
from tipdesk.domain.fields import parse_value

OPENED_ON = next(f for f in dataclasses.fields(r.Case) if f.name == "opened_on")


@pytest.mark.parametrize(
    "typed", ["28/11/2026", "28-11-2026", "28.11.2026", "2026-11-28", " 28/11/2026 "]
)
def test_a_date_is_read_day_first_or_as_iso(typed):
    assert parse_value(OPENED_ON, typed) == (dt.date(2026, 11, 28), None)


@pytest.mark.parametrize("typed", ["31/02/2026", "28/13/2026", "11/28/26", "next week"])
def test_a_date_that_is_not_one_is_a_problem_naming_the_value(typed):
    value, problem = parse_value(OPENED_ON, typed)
    assert value is None
    assert problem is not None and problem.code == "invalid_date"
    assert problem.params == {"value": typed.strip()}


def test_a_blank_date_is_no_date():
    assert parse_value(OPENED_ON, "  ") == (None, None)
