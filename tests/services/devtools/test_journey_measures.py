"""The case journey's bench measures work on what the issue calls a full journey."""

from tipdesk.services.casework import cases, journey
from tipdesk.services.devtools import journey_measures as jm


def test_a_full_journey_case_has_what_the_budget_names(session):
    number = jm.full_journey_case(session)
    file = cases.open_case(session, number)
    assert len(file.legal_steps) == 10 and len({s.kind for s in file.legal_steps}) == 10
    assert len(file.plan_goals) == 20
    assert len(file.services) == 30
    assert file.assessments and file.restitution and file.lpsk_requests and file.returns


def test_group_intake_is_timed_against_the_same_cases_made_one_by_one(session):
    grouped, single = jm.group_intake_seconds(session, runs=1)
    assert grouped > 0 and single > 0
    (incident,) = journey.list_incidents(session)
    assert incident.cases == jm.INTAKE  # the intake's 40, linked to their raid
    made = cases.find_cases(session, "Korban", limit=500)
    assert len(made) == 2 * jm.INTAKE  # and the 40 made one at a time
