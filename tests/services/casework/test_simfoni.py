"""SIMFONI-PPA entries (issue 25): each case of a period entered once, the ones not yet
entered listed, a reference never recorded for two cases."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import TODAY, add_account, new_case, sign_in
from tipdesk.domain.errors import NotPermitted, SimfoniRefused, ValidationFailed
from tipdesk.services.casework import simfoni

NOV = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))


def opened(session, day: dt.date, name: str) -> str:
    return new_case(session, {"full_name": name, "nik": ""}, opened_on=day).case.case_number


def test_the_period_lists_the_cases_not_yet_entered(session):
    first = opened(session, dt.date(2026, 11, 3), "Maria Bria")
    second = opened(session, dt.date(2026, 11, 20), "Yohana Seran")
    opened(session, dt.date(2026, 10, 30), "Sebelum Periode")
    period = simfoni.period(session, *NOV)
    assert [c.case_number for c in period.cases] == [first, second]
    assert [c.case_number for c in period.not_entered] == [first, second]
    entry = simfoni.record_entry(session, first, "5371/2026/00123", entered_on=TODAY)
    assert entry.entered_by and entry.entered_on == TODAY
    period = simfoni.period(session, *NOV)
    assert [c.case_number for c in period.not_entered] == [second]
    [done] = [c for c in period.cases if c.entry]
    assert (done.case_number, done.entry.reference) == (first, "5371/2026/00123")


def test_a_case_is_not_entered_twice_nor_a_reference_given_twice(session):
    first = opened(session, dt.date(2026, 11, 3), "Maria Bria")
    second = opened(session, dt.date(2026, 11, 4), "Yohana Seran")
    simfoni.record_entry(session, first, "5371/2026/00123")
    with pytest.raises(SimfoniRefused) as twice:
        simfoni.record_entry(session, first, "5371/2026/00999")
    assert twice.value.code == "simfoni_refused_already_entered"
    with pytest.raises(SimfoniRefused) as taken:
        simfoni.record_entry(session, second, " 5371/2026/00123 ")
    assert taken.value.params["case_number"] == first
    with pytest.raises(ValidationFailed):
        simfoni.record_entry(session, second, "")
    # Removed (a slip), it may be recorded again, and its reference is free.
    simfoni.remove_entry(session, first)
    simfoni.record_entry(session, second, "5371/2026/00123")
    assert [c.case_number for c in simfoni.period(session, *NOV).not_entered] == [first]


def test_only_who_may_change_the_case_records_its_entry(session, register):
    case = opened(session, dt.date(2026, 11, 3), "Maria Bria")
    add_account(session, "ana", "analyst")
    add_account(session, "budi", "caseworker")  # not the case's worker
    for user in ("ana", "budi"):
        with sign_in(register.folder, user) as other, pytest.raises(NotPermitted):
            simfoni.record_entry(other, case, "5371/2026/00123")
    assert simfoni.period(session, *NOV).not_entered[0].case_number == case
