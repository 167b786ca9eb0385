"""Working days: Monday to Friday, less the national holidays and cuti bersama of the
joint decree, and an office's own days off."""

from __future__ import annotations

import datetime as dt

from tipdesk.domain.workdays import NATIONAL, NATIONAL_DAYS_OFF, WorkCalendar

D = dt.date


def test_a_working_day_after_friday_is_monday():
    assert NATIONAL.add(D(2026, 12, 18), 1) == D(2026, 12, 21)
    assert NATIONAL.add(D(2026, 12, 21), -1) == D(2026, 12, 18)
    assert NATIONAL.count(D(2026, 12, 18), D(2026, 12, 21)) == 1
    assert not NATIONAL.is_working_day(D(2026, 12, 19))


def test_christmas_and_its_cuti_bersama_are_not_worked():
    # Wed 23 December 2026: Thursday 24 is cuti bersama, Friday 25 Christmas.
    assert NATIONAL.add(D(2026, 12, 23), 1) == D(2026, 12, 28)
    assert NATIONAL.count(D(2026, 12, 23), D(2026, 12, 28)) == 1
    assert NATIONAL.count(D(2026, 12, 28), D(2026, 12, 23)) == -1
    # Idul Fitri 2026: Thursday 19 (Nyepi) to Tuesday 24 March are all days off.
    assert NATIONAL.add(D(2026, 3, 17), 1) == D(2026, 3, 25)
    # The day added to 2025's list by the amending decree.
    assert not NATIONAL.is_working_day(D(2025, 8, 18))


def test_an_office_s_own_day_off_counts_too():
    local = WorkCalendar.with_local_days([D(2026, 12, 28)])
    assert local.add(D(2026, 12, 23), 1) == D(2026, 12, 29)
    assert NATIONAL.add(D(2026, 12, 23), 1) == D(2026, 12, 28)


def test_the_latest_start_is_the_last_day_already_due():
    for n in (0, 1, 3, 7):
        for offset in range(0, 60):
            today = D(2026, 11, 20) + dt.timedelta(days=offset)
            start = NATIONAL.latest_start(n, today)
            assert NATIONAL.add(start, n) <= today
            assert NATIONAL.add(start + dt.timedelta(days=1), n) > today


def test_the_list_holds_only_its_own_year_s_days():
    for year, days in NATIONAL_DAYS_OFF.items():
        assert all(day.year == year for day in days)
        assert len(set(days)) == len(days)
