"""The navigation's counts of late work: each user counts only what she may list."""

from __future__ import annotations

import datetime as dt

from tests.conftest import TODAY, new_case, provider
from tests.helpers import second_user
from tipdesk.domain import records as r
from tipdesk.services.casework import cases
from tipdesk.services.casework.attention import attention
from tipdesk.services.first_steps import first_steps

DAY = dt.timedelta(days=1)


def test_late_follow_ups_and_referrals_are_counted_per_user(session):
    session.today = lambda: TODAY
    ani = second_user(session, "ani", "caseworker")
    ani.today = lambda: TODAY
    new_case(session, {"full_name": "Marselina Bano"}, follow_up_on=TODAY - 2 * DAY)
    new_case(session, {"full_name": "Theresia Kolo"}, follow_up_on=TODAY)  # due, not late
    new_case(
        session,
        {"full_name": "Agustina Lango"},
        status="closed",
        closed_on=TODAY - DAY,
        closure_reason="goals_achieved",
        follow_up_on=TODAY - 9 * DAY,  # closed: nothing to follow up
    )
    hers = new_case(
        session, {"full_name": "Yosefina Nahak"}, assigned_to="ani", follow_up_on=TODAY - DAY
    )
    cases.add_referral(
        session,
        r.Referral(
            case_id=hers.case.id,
            provider_id=provider(session).id,
            services_requested=["health"],
            status="sent",
            letter_date=TODAY - 20 * DAY,
            follow_up_on=TODAY - 3 * DAY,
        ),
    )
    assert attention(session) == {"home": 2, "referrals": 1, "sync": 0}
    assert attention(ani) == {"home": 1, "referrals": 1, "sync": 0}


def test_an_analyst_gets_no_counts_of_cases_and_no_first_steps(session):
    analyst = second_user(session, "rina", "analyst")
    assert "home" not in attention(analyst)
    assert first_steps(analyst) == []


def test_first_steps_follow_the_register(session):
    done = {s.key: s.done for s in first_steps(session)}
    assert done == {
        "letters": False,
        "providers": False,
        "users": False,
        "keys": False,
        "first_case": False,
    }
    provider(session)
    second_user(session, "ani", "caseworker")
    new_case(session)
    steps = {s.key: s for s in first_steps(session)}
    assert [k for k, s in steps.items() if s.done] == ["providers", "users", "first_case"]
    assert (steps["providers"].count, steps["users"].count) == (1, 1)
